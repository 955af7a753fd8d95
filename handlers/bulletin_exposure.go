package handlers

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/bulletin"
	"casebot/bot/cases"
	"casebot/bot/intent"
)

// exposureAskRe asks whether a case will be in the bulletin (会不会被通报,
// 会被通报吗, 会上通报吗, 进不进通报).
var exposureAskRe = regexp.MustCompile(`会不会.{0,4}通报|会.{0,3}通报(?:吗|不|么|啊|呀)|会上通报|上不上通报|进不进通报|进通报|被通报(?:吗|不|么|没)?|通报(?:里|上)?(?:会不会|有没有|有吗)` +
	// 这个要通报吧, 该不该通报, 需要通报吗: whether it must be reported is
	// whether the bulletin lists it
	`|(?:要|该|得|应该|应当|需要)(?:被)?通报(?:吧|吗|不|么|啊|呀)|(?:要不要|需不需要|该不该|用不用)(?:被)?通报`)

// caseExposure answers whether a named case shows in the monthly 败诉通报,
// from the bulletin's own rules (bulletin.Compute): a first-instance loss
// is listed case by case in the month it closed; a hearing held counts
// toward its agency's 负责人出庭率 of that month by whether the head
// appeared (a reason recorded does not change it), and the bulletin names
// agencies under 100%, not the cases. It answered 那88号呢 孙局那次没去会不
// 会也被通报 with whom the bulletin is sent to. Anything beyond the bulletin
// (a 司法建议, another body's notice) the ledger cannot tell, and says so.
func (s *service) caseExposure(c bot.Context, u intent.Understanding) (answer, bool, error) {
	if !hasRef(u) || !exposureAskRe.MatchString(intent.Normalize(c.Message().Text)) {
		return answer{}, false, nil
	}
	viewer, now, loc := c.Person(), c.Now(), c.Location()
	ns, err := s.caseRefs(c.Ctx(), viewer, u, now)
	if err != nil {
		return answer{}, true, err
	}
	cs, err := s.visible(c.Ctx(), viewer, ns, nil)
	if err != nil || len(cs) == 0 {
		return answer{}, false, err
	}
	var parts []string
	var shown []string
	for _, k := range cs {
		parts = append(parts, s.exposureOf(k, now, loc))
		shown = append(shown, k.Number)
	}
	md := strings.Join(parts, "\n\n")
	a := answer{md: md, shown: shown, results: len(shown), noEcho: true, action: audit.Query, outcome: audit.Answered}
	return a, true, nil
}

// exposureOf is one case's place in the bulletin.
func (s *service) exposureOf(k *cases.Case, now time.Time, loc *time.Location) string {
	head := "**" + k.Number + "**"
	switch {
	case k.Kind == cases.Reconsideration:
		switch {
		case k.Closure == nil:
			return head + " 是行政复议案件，尚未作出复议决定；月度通报只统计复议纠错（撤销、变更、确认违法等），决定作出后才计入。"
		case cases.Corrected(k):
			return fmt.Sprintf("%s %s作出“%s”，属于纠错，会计入%s的复议纠错数。", head, whenCN(k.Closure.On, now, loc), k.Closure.Method, bulletin.MonthOf(k.Closure.On, loc).Label())
		}
		return fmt.Sprintf("%s %s作出“%s”，不属于纠错，不计入通报的纠错数。", head, whenCN(k.Closure.On, now, loc), k.Closure.Method)
	case !bulletin.FirstInstance(k):
		return head + " 不是一审行政诉讼案件；月度通报的败诉和负责人出庭只统计一审行政诉讼案件，本案不计入。"
	}
	lines := []string{head + " 按月度败诉通报的口径："}
	switch {
	case k.Closure == nil:
		lines = append(lines, "- 败诉：尚未结案，不在败诉案件之列；结案后判决败诉的，才会在结案当月的通报中逐件列出。")
	case s.loss.Lost(k):
		lines = append(lines, fmt.Sprintf("- 败诉：%s结案（%s），属于败诉，会在%s的通报中作为败诉案件逐件列出。", whenCN(k.Closure.On, now, loc), k.Closure.Method, bulletin.MonthOf(k.Closure.On, loc).Label()))
	default:
		lines = append(lines, fmt.Sprintf("- 败诉：%s结案（%s），未败诉，只计入审结数，不作为败诉案件列出。", whenCN(k.Closure.On, now, loc), k.Closure.Method))
	}
	held := false
	for _, h := range k.ActiveHearings() {
		if h.At.After(now) {
			continue
		}
		held = true
		m := bulletin.MonthOf(h.At, loc).Label()
		agency := strings.Join(k.Defendants, "、")
		switch {
		case h.HeadAppeared != nil && *h.HeadAppeared:
			lines = append(lines, fmt.Sprintf("- 出庭：%s开庭，负责人已出庭，计为%s%s的出庭案件。", whenCN(h.At, now, loc), agency, m))
		default:
			what := "负责人未出庭"
			if h.HeadAppeared == nil {
				what = "台账未登记负责人是否出庭（通报按未出庭计）"
			}
			lines = append(lines, fmt.Sprintf("- 出庭：%s开庭，%s，计入%s%s的负责人出庭率（按开庭审理的案件计，台账备注的理由不改变出庭率）；通报列出出庭率未达 100%% 的单位，不逐案列出未出庭的案件。", whenCN(h.At, now, loc), what, agency, m))
		}
	}
	if !held {
		lines = append(lines, "- 出庭：尚未开庭，不计入负责人出庭率。")
	}
	var sg []string
	for _, x := range k.Suggestions {
		sg = append(sg, fmt.Sprintf("%s（%s 收到）", x.Kind, cases.FormatDate(x.ReceivedOn, loc)))
	}
	if len(sg) > 0 {
		lines = append(lines, "台账另登记该案有"+strings.Join(sg, "、")+"；月度通报不统计司法建议、检察建议，上级是否另行通报，台账无法确定。")
	} else {
		lines = append(lines, "通报之外，法院是否发司法建议、上级是否另行通报，台账无法确定。")
	}
	return strings.Join(lines, "\n")
}
