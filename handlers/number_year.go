package handlers

import (
	"fmt"
	"time"

	"casebot/bot"
	"casebot/bot/intent"
)

// numberYearFirst says which reading of “2015年那个案子” the answer used:
// the year in the 案号, (2015)…; when other cases were filed that year
// (a case numbered 2014 but filed in 2015, or the reverse) it says how to
// ask for those, so neither reading is silently dropped.
func (s *service) numberYearFirst(c bot.Context, u intent.Understanding, a *answer) error {
	if u.NumberYear == 0 || a.md == "" {
		return nil
	}
	y := u.NumberYear
	loc := c.Location()
	from := time.Date(y, 1, 1, 0, 0, 0, 0, loc)
	filed, err := s.st.FiledNumbers(c.Ctx(), from, from.AddDate(1, 0, 0))
	if err != nil {
		return err
	}
	var other []string
	for _, n := range filed {
		if numberYear(n) != y {
			other = append(other, n)
		}
	}
	if other, err = s.visibleNumbers(c.Ctx(), c.Person(), other, nil); err != nil {
		return err
	}
	lead := fmt.Sprintf("按案号中的年份（(%d)…）查找。", y)
	if len(other) > 0 {
		lead += fmt.Sprintf("另有 %d 件是%d年立案、案号为其他年份的，可发送“%d年立案的案件”查看。", len(other), y, y)
	}
	a.md, a.noEcho = lead+"\n\n"+a.md, true
	return nil
}
