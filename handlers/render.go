package handlers

import (
	"fmt"
	"strings"
	"time"

	"casebot/bot/cases"
	"casebot/bot/people"
	"casebot/bot/store"
)

var weekdays = []string{"周日", "周一", "周二", "周三", "周四", "周五", "周六"}

// when shows a hearing time: 2025-12-03（周三）09:30.
func when(t time.Time, loc *time.Location) string {
	t = t.In(loc)
	s := t.Format(cases.DateLayout) + "（" + weekdays[t.Weekday()] + "）"
	if t.Hour() != 0 || t.Minute() != 0 {
		s += t.Format("15:04")
	}
	return s
}

// whenCN shows a time as people say it: 11月25日（周三）09:30, with the
// year when it is not now's.
func whenCN(t, now time.Time, loc *time.Location) string {
	t = t.In(loc)
	s := fmt.Sprintf("%d月%d日（%s）", t.Month(), t.Day(), weekdays[t.Weekday()])
	if t.Year() != now.In(loc).Year() {
		s = fmt.Sprintf("%d年", t.Year()) + s
	}
	if t.Hour() != 0 || t.Minute() != 0 {
		s += t.Format("15:04")
	}
	return s
}

// labels returns the words for the parties and the court of a case kind.
func labels(k cases.Kind) (party, defendant, court string) {
	if k == cases.Reconsideration {
		return "申请人", "被申请人", "复议机关"
	}
	if k == cases.NonLitigation {
		// 非诉执行审查: the 被告 column holds the agency applying for
		// enforcement, the 原告 column the person it is enforced against.
		return "被执行人", "申请执行人", "法院"
	}
	return "原告", "被告", "法院"
}

// card renders one case as WeCom markdown for viewer: 案号, 类型, 阶段,
// parties (隐名 as scope says), 案由, 法院, the next hearing with its place,
// 出庭负责人, 承办人 and the outcome.
func (s *service) card(viewer *people.Person, c *cases.Case, now time.Time, loc *time.Location) string {
	var b strings.Builder
	line := func(label, value string) {
		if strings.TrimSpace(value) != "" {
			fmt.Fprintf(&b, "\n> %s：%s", label, value)
		}
	}
	party, defendant, court := labels(c.Kind)
	fmt.Fprintf(&b, "**%s**", c.Number)
	line("类型", string(c.Kind))
	line("阶段", string(c.Stage))
	line(party, s.scope.Plaintiffs(viewer, c))
	line(defendant, strings.Join(c.Defendants, "、"))
	line("案由", c.Cause)
	line(court, c.Court)
	line("立案日期", cases.FormatDate(c.FiledOn, loc))

	line("状态", s.status(c, now))

	next := c.NextHearing(now)
	var head *cases.Hearing
	switch {
	case next != nil:
		v := `<font color="warning">` + when(next.At, loc) + `</font>`
		if next.Place != "" {
			v += " " + next.Place
		}
		if next.MustAppear {
			v += "（应当出庭）"
		}
		if n := len(next.Reschedules); n > 0 {
			v += "（由 " + when(next.Reschedules[n-1].From, loc) + " 改期）"
		}
		line("下次开庭", v)
		head = next
		// Every later one too: a card showing only the next would read as
		// if the case had no other sitting.
		var later []string
		for _, h := range c.ActiveHearings() {
			if h.At.After(next.At) {
				w := when(h.At, loc)
				if h.Place != "" {
					w += " " + h.Place
				}
				if h.MustAppear {
					w += "（应当出庭）"
				}
				later = append(later, w)
			}
		}
		if len(later) > 0 {
			line("其后开庭", strings.Join(later, "；"))
		}
	case c.Open():
		line("下次开庭", "暂无安排")
	}
	// Past hearings, each with whether the head appeared.
	var past []string
	var last *cases.Hearing
	hs := c.ActiveHearings()
	for i := range hs {
		if !hs[i].At.After(now) {
			past = append(past, when(hs[i].At, loc)+"，"+appearedText(hs[i]))
			last = &hs[i]
		}
	}
	switch len(past) {
	case 0:
	case 1:
		line("上次开庭", past[0])
	default:
		line("历次开庭", strings.Join(past, "；"))
	}
	if head == nil {
		head = last
	}
	if head != nil && head.Head != "" {
		line("出庭负责人", headText(*head))
	}
	line("承办人", c.Handler)
	s.st.Deadlines.Lines(c, now, line)
	if c.Risk != nil && c.Open() {
		line("败诉风险", c.Risk.Reason+"（重点案件）")
	}
	if c.Closure == nil {
		line("结果", "未结案")
	} else {
		v := cases.FormatDate(c.Closure.On, loc) + " " + string(c.Closure.Method)
		switch {
		case s.loss.Lost(c):
			v += ` <font color="warning">（败诉）</font>`
		case cases.Corrected(c):
			v += ` <font color="warning">（纠错）</font>`
		}
		line("结果", v)
		line("败诉原因", c.Closure.Reason)
	}
	return b.String()
}

// parties is the one-line “张某 诉 某局” of a case.
func (s *service) parties(viewer *people.Person, c *cases.Case) string {
	p, d := s.scope.Plaintiffs(viewer, c), strings.Join(c.Defendants, "、")
	switch c.Kind {
	case cases.Reconsideration:
		return p + " 对 " + d + " 申请复议"
	case cases.NonLitigation:
		return d + " 申请执行（" + p + "）"
	}
	return p + " 诉 " + d
}

// caseLine is one entry of a list of cases.
func (s *service) caseLine(i int, viewer *people.Person, c *cases.Case, now time.Time, loc *time.Location) string {
	parts := []string{}
	if c.Cause != "" {
		parts = append(parts, c.Cause)
	}
	if c.Stage != "" {
		parts = append(parts, string(c.Stage))
	}
	status := "未结"
	if c.Risk != nil && c.Closure == nil {
		status = "未结（重点案件：" + c.Risk.Reason + "）"
	}
	if c.Closure != nil {
		status = "已结 " + string(c.Closure.Method)
		if s.loss.Lost(c) {
			status += "（败诉）"
		}
	} else if h := c.NextHearing(now); h != nil {
		status += "，下次开庭 " + when(h.At, loc)
	}
	parts = append(parts, status)
	return fmt.Sprintf("%d. **%s**\n%s｜%s", i, c.Number, s.parties(viewer, c), strings.Join(parts, "｜"))
}

// hearingLine is one entry of a list of hearings.
func (s *service) hearingLine(i int, viewer *people.Person, h store.ScheduledHearing, loc *time.Location) string {
	return fmt.Sprintf("%d. %s", i, s.hearingText(viewer, h, loc))
}

// hearingText is a hearing in two lines: when and where, then the case,
// its parties and its 出庭负责人.
func (s *service) hearingText(viewer *people.Person, h store.ScheduledHearing, loc *time.Location) string {
	v := whenCN(h.Hearing.At, s.clock(), loc)
	if h.Hearing.Place != "" {
		v += " " + h.Hearing.Place
	}
	if h.Hearing.MustAppear {
		v += "（应当出庭）"
	}
	out := fmt.Sprintf("%s\n**%s** %s", v, h.Case.Number, s.parties(viewer, h.Case))
	if h.Hearing.Head != "" {
		out += "｜出庭负责人 " + h.Hearing.Head
		if h.Hearing.HeadPost != "" {
			out += "（" + h.Hearing.HeadPost + "）"
		}
	}
	return out
}

// scopeLine tells a viewer what they can see.
func scopeLine(p *people.Person, fullNames bool) string {
	var what string
	switch p.Role {
	case people.Admin, people.Staff:
		what = "全部案件"
	case people.Head, people.Handler:
		what = "“" + p.Agency + "”作为被告（被申请人）的案件"
	case people.Pufa:
		what = "已结案件"
	}
	s := "您（" + p.Role.Label() + "）可查看：" + what
	if !fullNames {
		s += "；自然人当事人显示为“张某”"
	}
	return s + "。"
}
