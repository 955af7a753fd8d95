package handlers

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"casebot/bot"
	"casebot/bot/cases"
	"casebot/bot/intent"
	"casebot/bot/store"
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
		// Read off the case itself: it has not been heard yet.
		if next := c.NextHearing(now); next != nil {
			return fmt.Sprintf("**%s** 尚未开庭（下次开庭 %s），出庭情况待开庭后登记。", c.Number, whenCN(next.At, now, loc))
		}
		return fmt.Sprintf("**%s** 尚未开过庭，出庭情况尚未登记。", c.Number)
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

// lastOwnHearing answers 我上次出庭是哪个案子: the last hearing held at which
// the asker is the recorded 出庭负责人, with what the ledger records of the
// appearance, and the one before it; never the next hearing.
func (s *service) lastOwnHearing(c bot.Context) error {
	viewer := c.Person()
	now, loc := c.Now(), c.Location()
	numbers, err := s.st.PersonNumbers(c.Ctx(), viewer.Name)
	if err != nil {
		return err
	}
	if numbers, err = s.personRole(c.Ctx(), viewer.Name, "head", numbers); err != nil {
		return err
	}
	cs, err := s.visible(c.Ctx(), viewer, numbers, nil)
	if err != nil {
		return err
	}
	type held struct {
		c *cases.Case
		h cases.Hearing
	}
	var hs []held
	for _, k := range cs {
		for _, h := range k.Hearings {
			if !h.Cancelled && strings.TrimSpace(h.Head) == viewer.Name && !h.At.After(now) {
				hs = append(hs, held{k, h})
			}
		}
	}
	slices.SortFunc(hs, func(a, b held) int { return b.h.At.Compare(a.h.At) })
	var a answer
	if len(hs) == 0 {
		msg := fmt.Sprintf("台账中没有您（%s）作为出庭负责人且已经开过的庭", viewer.Name)
		a = answer{md: msg + "。发送“我的庭”可查看今后的开庭。",
			claims: []claim{{Text: msg, What: claimHearings, Q: query{Person: viewer.Name, Role: "head", To: now}}}}
	} else {
		var lines []string
		for i, x := range hs[:min(len(hs), 3)] {
			at := x.h.At.In(loc)
			line := fmt.Sprintf("%d月%d日 %s **%s** %s｜%s", at.Month(), at.Day(), at.Format("15:04"), x.c.Number,
				s.parties(viewer, x.c), appearedText(x.h))
			if i == 0 {
				lines = append(lines, "您（"+viewer.Name+"）最近一次作为出庭负责人的开庭："+line)
				continue
			}
			if i == 1 {
				lines = append(lines, "此前：")
			}
			lines = append(lines, "- "+line)
		}
		a = answer{md: strings.Join(lines, "\n"), shown: []string{hs[0].c.Number}, results: len(hs)}
	}
	if err := s.recordAnswer(c, intent.Understanding{Kind: intent.Hearings, Mine: intent.MineSelf, Past: true, Anchored: true}, a, 0); err != nil {
		return err
	}
	if len(a.shown) == 1 {
		if err := focusOn(c, a.shown[0]); err != nil {
			return err
		}
	}
	return c.ReplyMarkdown(a.md)
}

// whyOfCase reads 为啥撤诉 / 为什么驳回 right after one case was shown as a
// question about that case's outcome, not a count of the outcome this year.
func whyOfCase(text string, u intent.Understanding, prev *lastQuestion) (intent.Understanding, bool) {
	t := strings.TrimSpace(text)
	if prev == nil || len(prev.Shown) != 1 || hasRef(u) || hasWho(u) || len([]rune(t)) > 12 {
		return u, false
	}
	if !strings.HasPrefix(t, "为啥") && !strings.HasPrefix(t, "为什么") && !strings.HasPrefix(t, "咋") && !strings.HasPrefix(t, "怎么") {
		return u, false
	}
	if u.Kind != intent.Count && u.Kind != intent.Case {
		return u, false
	}
	return intent.Understanding{Kind: intent.Case, Numbers: append([]string(nil), prev.Shown...), Aspect: intent.Reason,
		Anchored: true, FollowUp: true, Filler: u.Filler}, true
}

// isToday reports whether p is the one day of now.
func isToday(p intent.Period, now time.Time, loc *time.Location) bool {
	if p.IsZero() {
		return false
	}
	y, m, d := now.In(loc).Date()
	day := time.Date(y, m, d, 0, 0, 0, 0, loc)
	return p.From.Equal(day) && p.To.Equal(day.AddDate(0, 0, 1))
}

// attendanceList answers an attendance question over several hearings
// (今明两天的庭负责人都到了吗, 都确认了没, 谁还没确认): each hearing with its
// state — not held yet and what its reminder card records (confirmed by
// whom, cannot attend, no one yet), or held and what the ledger records of
// the head's appearance — never a bare list, and never “都到了” without
// the records. The first line counts the hearings to come that no one has
// confirmed.
func (s *service) attendanceList(c bot.Context, what string, hs []store.ScheduledHearing) (answer, error) {
	viewer, now, loc := c.Person(), c.Now(), c.Location()
	shown := hs[:min(len(hs), s.pageSize)]
	var b []string
	var numbers []string
	pending, unconfirmed, notSent, held := 0, 0, 0, 0
	for i, h := range shown {
		var state string
		if h.Hearing.At.After(now) {
			pending++
			sent, acked, err := s.remindedParts(c, h.Case, &h.Hearing, "")
			if err != nil {
				return answer{}, err
			}
			switch {
			case acked == notSentYet:
				notSent++
				acked = sent
			case strings.HasPrefix(acked, "卡片上尚未"):
				unconfirmed++
				acked += sent
			}
			state = "尚未开庭。" + cmp.Or(acked, sent)
			if strings.TrimSpace(h.Hearing.Head) == "" {
				state = "尚未开庭，台账未填写出庭负责人。" + cmp.Or(acked, sent)
			}
		} else {
			held++
			state = "已开庭，" + appearedText(h.Hearing) + "。"
		}
		b = append(b, s.hearingLine(i+1, viewer, h, loc)+"\n"+state)
		if !slices.Contains(numbers, h.Case.Number) {
			numbers = append(numbers, h.Case.Number)
		}
	}
	head := fmt.Sprintf("**%s**：共 %d 场%s，各场出庭情况如下", what, len(hs), scopeNote(viewer))
	// Of the hearings to come, those whose card went out and got no answer
	// and those whose reminder has not been sent (nobody asked yet).
	var open []string
	if unconfirmed > 0 {
		open = append(open, fmt.Sprintf("%d 场提醒已发出、卡片上尚无人确认出庭", unconfirmed))
	}
	if notSent > 0 {
		open = append(open, fmt.Sprintf("%d 场提醒尚未发送", notSent))
	}
	if confirmed := pending - unconfirmed - notSent; confirmed > 0 {
		open = append(open, fmt.Sprintf("%d 场卡片上已有回复", confirmed))
	}
	detail := strings.Join(open, "，")
	switch {
	case pending > 0 && held > 0:
		head += fmt.Sprintf("（已开庭 %d 场，尚未开庭 %d 场，其中 %s）：", held, pending, detail)
	case pending > 0:
		head += fmt.Sprintf("（均尚未开庭，其中 %s）：", detail)
	default:
		head += "（均已开庭，以台账登记的出庭情况为准）："
	}
	b = append([]string{head}, b...)
	if len(hs) > len(shown) {
		b = append(b, fmt.Sprintf("另有 %d 场未列出，请写明日期或案号再问。", len(hs)-len(shown)))
	}
	return answer{md: strings.Join(b, "\n\n"), shown: numbers, results: len(hs), states: true}, nil
}
