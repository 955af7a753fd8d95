package handlers

import (
	"fmt"
	"strings"

	"casebot/bot"
	"casebot/bot/intent"
)

// halfDayFirst answers 上午还是下午 in the first line: for each hearing the
// answer shows (at most three), whether it sits in the morning or the
// afternoon, with its time. The question filters nothing (intent reads it
// as HalfDay, not TimeOfDay), so the other half's hearing is never
// answered with “没有开庭”.
func (s *service) halfDayFirst(c bot.Context, u intent.Understanding, a *answer) error {
	if !u.HalfDay || a.md == "" || len(a.shown) == 0 || len(a.shown) > 3 || len(a.claims) > 0 {
		return nil
	}
	cs, err := s.visible(c.Ctx(), c.Person(), a.shown, nil)
	if err != nil || len(cs) == 0 {
		return err
	}
	now, loc := c.Now(), c.Location()
	var lines []string
	seen := map[string]bool{}
	for _, k := range cs {
		if seen[k.Number] {
			continue // a case with two sittings is shown twice
		}
		seen[k.Number] = true
		for _, h := range k.ActiveHearings() {
			if u.Period.IsZero() && h.At.Before(now) && k.NextHearing(now) != nil {
				continue // the next sitting, unless a day was named or none is set
			}
			if !u.Period.IsZero() && (h.At.Before(u.Period.From) || !h.At.Before(u.Period.To)) {
				continue
			}
			half := "上午"
			if h.At.In(loc).Hour() >= 12 {
				half = "下午"
			}
			lines = append(lines, fmt.Sprintf("%s 是**%s**：%s 开庭。", k.Number, half, whenCN(h.At, now, loc)))
			if u.Period.IsZero() {
				break
			}
		}
	}
	if len(lines) == 0 {
		return nil
	}
	a.md, a.noEcho = strings.Join(lines, "\n")+"\n\n"+a.md, true
	return nil
}
