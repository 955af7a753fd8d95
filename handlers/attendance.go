package handlers

import (
	"fmt"
	"strings"
	"time"

	"casebot/bot"
	"casebot/bot/cases"
)

// attendanceLead is what the ledger records about the attendance of a
// case's hearing held today or last (原告来了没, 到了没 about a hearing that
// happened or is today): a hearing of today not begun yet says so; one
// held says whether our head's appearance is recorded. The plaintiff's own
// attendance is never recorded (notHeldText says so first).
func attendanceLead(c *cases.Case, now time.Time, loc *time.Location) string {
	y, m, d := now.In(loc).Date()
	today := time.Date(y, m, d, 0, 0, 0, 0, loc)
	var held *cases.Hearing
	for i := range c.Hearings {
		h := &c.Hearings[i]
		if h.Cancelled {
			continue
		}
		at := h.At.In(loc)
		if !at.Before(today) && at.Before(today.AddDate(0, 0, 1)) && at.After(now) {
			return fmt.Sprintf("**%s** 今天 %s 的开庭尚未开始，出庭情况尚未登记。", c.Number, at.Format("15:04"))
		}
		if !at.After(now) && (held == nil || at.After(held.At)) {
			held = h
		}
	}
	if held == nil {
		return fmt.Sprintf("**%s** 还没有已开的庭，出庭情况尚未登记。", c.Number)
	}
	at := held.At.In(loc)
	when := fmt.Sprintf("%d月%d日 %s", at.Month(), at.Day(), at.Format("15:04"))
	head := strings.TrimSpace(held.Head)
	if head == "" {
		head = "我方负责人"
	}
	switch {
	case held.HeadAppeared == nil:
		return fmt.Sprintf("**%s** %s 的开庭：%s是否出庭尚未登记。", c.Number, when, head)
	case *held.HeadAppeared:
		return fmt.Sprintf("**%s** %s 的开庭：%s已出庭。", c.Number, when, head)
	}
	return fmt.Sprintf("**%s** %s 的开庭：%s登记为未出庭。", c.Number, when, head)
}

// attendanceOf leads an answer about attendance with what the ledger
// records of each case named (at most a few).
func (s *service) attendanceOf(c bot.Context, numbers []string) (string, error) {
	cs, err := s.visible(c.Ctx(), c.Person(), numbers, nil)
	if err != nil {
		return "", err
	}
	var lines []string
	for _, k := range cs {
		lines = append(lines, attendanceLead(k, c.Now(), c.Location()))
	}
	return strings.Join(lines, "\n"), nil
}
