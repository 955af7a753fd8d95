package handlers

import (
	"fmt"
	"slices"
	"strings"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/deadline"
	"casebot/bot/intent"
	"casebot/bot/people"
	"casebot/bot/store"
	"casebot/bot/workcal"
)

// appealIntent acknowledges a defendant's intention about an appeal (我们
// 准备上诉, 打算不上诉了). An intention is no fact the ledger records
// (是否上诉 is the appeal filed, or the period run out), so nothing is
// written: the reply confirms what was understood with the case's appeal
// period (《行政诉讼法》第85条: 15 days from service of a judgment, 10 of a
// ruling), and a head's or handler's word is relayed to the 专班 so they
// can follow it up. Which case, when the message does not say and the
// conversation is not about one, is asked.
func (s *service) appealIntent(c bot.Context, appeal bool, prev *lastQuestion) error {
	viewer := c.Person()
	numbers, err := s.toldNumbers(c, prev)
	if err != nil {
		return err
	}
	what := map[bool]string{true: "准备上诉", false: "不上诉"}[appeal]
	record := func(md string, shown []string) error {
		a := answer{md: md, shown: shown, outcome: audit.Answered, noEcho: true}
		if err := s.recordAnswer(c, intent.Understanding{Kind: intent.Case, Numbers: shown, Aspect: intent.Appealed, Anchored: true}, a, 0); err != nil {
			return err
		}
		return c.ReplyMarkdown(md)
	}
	if len(numbers) == 0 {
		// Which case: offer those the asker may see whose appeal period
		// runs now (never a none: only the question is asked).
		today := workcal.DateOf(c.Now(), c.Location())
		dds, err := s.st.DeadlinesBetween(c.Ctx(), today, today.AddDays(31), deadline.Appeal)
		if err != nil {
			return err
		}
		var lines []string
		var shown []string
		for _, d := range dds {
			if !s.scope.CanSee(viewer, d.Case) || !viewer.Bureau() && !s.ownAgencyCase(viewer, d.Case) || slices.Contains(shown, d.Case.Number) {
				continue
			}
			shown = append(shown, d.Case.Number)
			lines = append(lines, fmt.Sprintf("%d. **%s** %s，上诉期限 %s", len(lines)+1, d.Case.Number, s.parties(viewer, d.Case), d.Deadline.Value(today)))
		}
		md := fmt.Sprintf("收到。请问是哪个案件%s？请连同案号再发一次，例如“行初85%s”。", what, what)
		if len(lines) > 0 {
			md += "\n\n正在上诉期内的案件：\n" + strings.Join(lines, "\n")
		}
		return record(md, nil)
	}
	cs, err := s.visible(c.Ctx(), viewer, numbers, nil)
	if err != nil {
		return err
	}
	if len(cs) != 1 {
		return record(fmt.Sprintf("请问是哪个案件%s？请写出完整案号后再发一次，例如“行初85%s”。这次没有作任何修改。", what, what), nil)
	}
	k := cs[0]
	var b []string
	b = append(b, fmt.Sprintf("收到：**%s**，%s。这是意向，台账的“是否上诉”要等上诉状递交（或上诉期届满）后登记，这次没有作任何修改。", k.Number, what))
	d, ok := s.st.Deadlines.Find(k, deadline.Appeal)
	today := workcal.DateOf(c.Now(), c.Location())
	switch {
	case k.Open():
		b = append(b, "该案尚未结案：一审判决书送达之日起 15 日内、裁定书送达之日起 10 日内可以提起上诉（《行政诉讼法》第85条）。")
	case !ok:
		b = append(b, "台账未填写裁判文书送达日期，上诉期限算不出：判决书送达之日起 15 日内、裁定书送达之日起 10 日内可以提起上诉（《行政诉讼法》第85条），请补填送达日期。")
	case d.Done:
		b = append(b, "上诉期限："+d.Value(today)+"。")
	default:
		b = append(b, "上诉期限："+d.Value(today)+"（《行政诉讼法》第85条）。")
	}
	if appeal {
		b = append(b, "上诉状递交法院后，请告知司法局应诉专班登记“已上诉”；期满未上诉的，一审判决、裁定发生法律效力。")
	} else {
		b = append(b, "期满未上诉的，一审判决、裁定发生法律效力，应当依法履行；败诉案件按“一案一整改”报送败诉原因分析和整改措施。")
	}
	if viewer.Role == people.Head || viewer.Role == people.Handler {
		line := fmt.Sprintf("上诉意向：%s（意向，未登记）", what)
		if ok && !d.Done {
			line += "；上诉期限 " + d.Value(today)
		}
		told, err := s.toStaff(c, "【上诉意向】", &store.ScheduledHearing{Case: k}, line, nil)
		if err != nil {
			return err
		}
		if told {
			b = append(b, "已转告司法局应诉专班。")
		}
	}
	md := b[0]
	for _, l := range b[1:] {
		md += "\n" + l
	}
	return record(md, []string{k.Number})
}
