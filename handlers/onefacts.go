package handlers

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"time"

	"casebot/bot/cases"
	"casebot/bot/deadline"
	"casebot/bot/intent"
	"casebot/bot/people"
	"casebot/bot/workcal"
)

// One-fact answers that need more than the card's own fields: the day a
// case was decided and served, an amount its ledger row writes, whether it
// can still be appealed, and the other hearings on its hearing's day. Each
// answers with the fact, and when the ledger lacks it, names the field
// that is empty rather than saying there is none.

// decidedFact answers 哪天判的, 什么时候裁定的: the 结案日期 with the 结案方式,
// and the day the decision was served (裁判文书送达日期) or that it is not
// recorded.
func (s *service) decidedFact(viewer *people.Person, c *cases.Case, now time.Time, loc *time.Location) string {
	if c.Closure == nil {
		return s.oneFact(viewer, c, intent.Outcome, now, loc)
	}
	if c.Closure.On.IsZero() {
		return fmt.Sprintf("已结案（%s），台账未填写结案日期。", c.Closure.Method)
	}
	v := fmt.Sprintf("结案日期：**%s**，结案方式：%s", whenCN(c.Closure.On, now, loc), c.Closure.Method)
	if s.loss.Lost(c) {
		v += "（败诉）"
	}
	switch {
	case !c.ServedOn.IsZero():
		v += fmt.Sprintf("；裁判文书送达日期：%s", whenCN(c.ServedOn, now, loc))
	case c.Kind == cases.Litigation:
		v += "；台账未填写裁判文书送达日期"
	}
	return v + "。"
}

// amountRe is an amount of money as ledgers write it: 5万元, 3000元,
// 人民币12,000元, 二万元.
var amountRe = regexp.MustCompile(`(?:人民币)?\s*[0-9０-９][0-9０-９,，.．]*\s*(?:万元|千元|元|万)|[一二三四五六七八九十百千万两]+(?:万元|千元|元)`)

// amountFact answers 赔了多少, 判赔, 罚了多少: the amount the 结案方式, 败诉原因
// or 备注 writes, or that none of them writes one (the ledger has no field
// for amounts).
func amountFact(c *cases.Case) string {
	type field struct{ name, text string }
	var fs []field
	if c.Closure != nil {
		fs = append(fs, field{"结案方式", string(c.Closure.Method)}, field{"败诉原因", c.Closure.Reason})
	}
	fs = append(fs, field{"备注", c.Note})
	for _, f := range fs {
		if m := amountRe.FindString(f.text); m != "" {
			return fmt.Sprintf("台账%s中写明的金额：**%s**（%s：%s）。具体数额以裁判文书为准。", f.name, strings.TrimSpace(m), f.name, f.text)
		}
	}
	where := "备注"
	if c.Closure != nil {
		where = "结案方式（" + string(c.Closure.Method) + "）、败诉原因和备注"
	}
	return "台账不登记判决、赔偿或罚款的金额，只登记结案方式和败诉原因；本案的" + where + "中也未写金额。具体数额请查看裁判文书，或向承办人了解。"
}

// appealableFact answers 还能上诉吗: whether the 上诉期 (15 days from the
// service of a judgment, 10 of an appealable ruling, counted on the work
// calendar) still runs on now.
func (s *service) appealableFact(c *cases.Case, now time.Time) string {
	if why, ok := notAppealable(c); ok {
		return why
	}
	if c.Closure == nil {
		return "尚未结案：裁判文书送达后才起算上诉期（判决15日、裁定10日）。"
	}
	d, ok := s.st.Deadlines.Find(c, deadline.Appeal)
	if !ok {
		return s.appealMissing(c, s.st.Deadlines.Location())
	}
	today := workcal.DateOf(now, s.st.Deadlines.Location())
	served := fmt.Sprintf("自%d月%d日送达起算%s", d.Start.Month, d.Start.Day, d.Period)
	switch left := d.DaysLeft(today); {
	case left > 0 && !d.Done:
		return fmt.Sprintf("**还能上诉**：上诉期%s，最后一天为 **%s**。", served, d.Value(today))
	case d.Done:
		return fmt.Sprintf("台账已登记是否上诉：**%s**（上诉期%s，至%s）。", d.Result, served, d.Due.Chinese())
	case left == 0:
		return fmt.Sprintf("**今天是上诉期最后一天**（%s，至%s）。", served, d.Due.Chinese())
	default:
		return fmt.Sprintf("**上诉期已届满**（%s，%s已届满），不能再上诉；台账未登记是否上诉，请向承办人确认。", served, d.Due.Chinese())
	}
}

// clashFact answers 和别的庭撞了没, 那天还有别的庭吗: the other hearings on the
// day of the case's next hearing (or its last, when none is to come), with
// those of the same 出庭负责人 or the same agency marked.
func (s *service) clashFact(ctx context.Context, viewer *people.Person, c *cases.Case, now time.Time, loc *time.Location) (string, error) {
	h := c.NextHearing(now)
	if h == nil {
		hs := c.ActiveHearings()
		if len(hs) == 0 {
			return "台账未登记该案的开庭。", nil
		}
		h = &hs[len(hs)-1]
	}
	t := h.At.In(loc)
	from := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, loc)
	all, err := s.st.HearingsBetween(ctx, from, from.AddDate(0, 0, 1))
	if err != nil {
		return "", err
	}
	day := fmt.Sprintf("%d月%d日（%s）", t.Month(), t.Day(), weekdays[t.Weekday()])
	var lines []string
	clash := false
	for _, o := range all {
		if o.Case.Number == c.Number || o.Hearing.Cancelled || !s.scope.CanSee(viewer, o.Case) {
			continue
		}
		var why []string
		if h.Head != "" && o.Hearing.Head == h.Head {
			why = append(why, "同一出庭负责人 "+h.Head)
			clash = true
		}
		for _, a := range o.Case.Defendants {
			if c.HasDefendant(a) {
				why = append(why, "同一单位 "+a)
				break
			}
		}
		line := "- " + o.Hearing.At.In(loc).Format("15:04")
		if o.Hearing.Place != "" {
			line += " " + o.Hearing.Place
		}
		line += " **" + o.Case.Number + "** " + s.parties(viewer, o.Case)
		if len(why) > 0 {
			line += "（" + strings.Join(why, "，") + "）"
		}
		lines = append(lines, line)
	}
	v := fmt.Sprintf("本案%s%s开庭", day, t.Format("15:04"))
	if h.Head != "" {
		v += "，出庭负责人 " + h.Head
	}
	if len(lines) == 0 {
		return v + "；台账中当天只有本案这一场庭，不撞庭。", nil
	}
	v += fmt.Sprintf("；当天台账中另有 %d 场庭：\n%s", len(lines), strings.Join(lines, "\n"))
	if clash {
		v += "\n\n请注意：同一出庭负责人当天有多场庭，请核对时间是否冲突。"
	}
	return v, nil
}
