package handlers

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/cases"
	"casebot/bot/deadline"
	"casebot/bot/intent"
	"casebot/bot/workcal"
)

// urgentAskedRe asks which of the cases just listed comes first (最急的是哪个,
// 先办哪个, 哪个最先到期): read as a fact of its first case, it was answered
// with whatever aspect the rest of the words suggested (最急 as the 被告).
var urgentAskedRe = regexp.MustCompile(`最急|最紧急|最着急|最要紧|最紧|最赶|最先到期|最早到期|最快到期|先办哪|先弄哪|先处理哪|先忙哪|哪个先|哪件先|哪一个先|哪个最近要|优先办|优先处理`)

// urgentAnswerMax is how many of the list are said in order.
const urgentAnswerMax = 3

// nextDue is a case's earliest thing to do: an open deadline or its next
// hearing.
type nextDue struct {
	number string
	at     time.Time // the day's start for a deadline, the hearing's time
	what   string    // 答辩举证期限 2026年11月20日（还剩1天）, 开庭 11月20日 09:00
}

// urgentOfList answers which of the cases the last answer listed is the
// most urgent: each case's earliest open deadline or next hearing, the
// earliest first (an overdue deadline before anything to come). It
// reports whether the message asked that of a list.
func (s *service) urgentOfList(c bot.Context, text string, prev *lastQuestion) (bool, error) {
	if prev == nil || len(prev.Shown) < 2 || !urgentAskedRe.MatchString(intent.Normalize(text)) {
		return false, nil
	}
	viewer, now, loc := c.Person(), c.Now(), c.Location()
	rules := s.st.Deadlines
	today := workcal.DateOf(now, rules.Location())
	cs, err := s.st.GetMany(c.Ctx(), prev.Shown)
	if err != nil {
		return true, err
	}
	var dues []nextDue
	for _, cs := range cs {
		if cs == nil || !s.scope.CanSee(viewer, cs) {
			continue
		}
		if d, ok := earliestDue(cs, rules.Open(cs), today, now, loc); ok {
			dues = append(dues, d)
		}
	}
	if len(dues) == 0 {
		return false, nil // nothing to order by: the question is read as it is
	}
	slices.SortStableFunc(dues, func(a, b nextDue) int { return a.at.Compare(b.at) })
	lines := []string{fmt.Sprintf("上面列出的 %d 件中，按最近要办的事（未完成的法定期限或下一次开庭）排，**最急的是 %s**：%s。", len(prev.Shown), dues[0].number, dues[0].what)}
	for i, d := range dues[1:min(len(dues), urgentAnswerMax)] {
		lines = append(lines, fmt.Sprintf("%d. %s：%s", i+2, d.number, d.what))
	}
	md := strings.Join(lines, "\n")
	if err := focusOn(c, dues[0].number); err != nil {
		return true, err
	}
	a := answer{md: md, outcome: audit.Answered, noEcho: true, detail: "urgent"}
	return true, s.recordAndReply(c, intent.Understanding{Kind: intent.Case, Numbers: prev.Shown, Anchored: true}, a)
}

// earliestDue is c's earliest open deadline or next hearing.
func earliestDue(c *cases.Case, open []deadline.Deadline, today workcal.Day, now time.Time, loc *time.Location) (nextDue, bool) {
	best, found := nextDue{number: c.Number}, false
	for _, d := range open {
		at := d.Due.At(workcal.Clock{}, loc)
		if !found || at.Before(best.at) {
			best.at, best.what, found = at, d.Title()+"："+d.Value(today), true
		}
	}
	if h := c.NextHearing(now); h != nil && (!found || h.At.Before(best.at)) {
		at := h.At.In(loc)
		best.at, best.what, found = h.At, fmt.Sprintf("开庭 %d月%d日 %s", at.Month(), at.Day(), at.Format("15:04")), true
	}
	return best, found
}
