package cases

import (
	"strconv"
	"strings"
	"time"
)

// Field is one labelled line of a case as people read it.
type Field struct {
	Label, Value string
}

// DateLayout and TimeLayout are how dates and times are shown to users.
const (
	DateLayout = "2006-01-02"
	TimeLayout = "2006-01-02 15:04"
)

// FormatDate shows a date in loc, or "" when unset.
func FormatDate(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return ""
	}
	return t.In(loc).Format(DateLayout)
}

// FormatTime shows a date and time in loc, without the time when it is
// midnight (a date typed without a time), or "" when unset.
func FormatTime(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return ""
	}
	t = t.In(loc)
	if t.Hour() == 0 && t.Minute() == 0 {
		return t.Format(DateLayout)
	}
	return t.Format(TimeLayout)
}

// Fields returns the case as labelled lines in the order of the ledger
// template, leaving out empty ones. plaintiffs is the plaintiff text to show
// (callers decide on 隐名); lost says whether the outcome is 败诉.
func (c *Case) Fields(loc *time.Location, plaintiffs string, lost bool) []Field {
	var fs []Field
	add := func(label, value string) {
		if strings.TrimSpace(value) != "" {
			fs = append(fs, Field{label, value})
		}
	}
	add("案号", c.Number)
	add("案件类型", string(c.Kind))
	add("审理阶段", string(c.Stage))
	party, defendant, court := "原告", "被告", "承办法院"
	if c.Kind == Reconsideration {
		party, defendant, court = "申请人", "被申请人", "复议机关"
	}
	add(party, plaintiffs)
	add(defendant, strings.Join(c.Defendants, "、"))
	add("案由", c.Cause)
	add(court, c.Court)
	add("立案日期", FormatDate(c.FiledOn, loc))
	for _, h := range c.ActiveHearings() {
		line := FormatTime(h.At, loc)
		if h.Place != "" {
			line += " " + h.Place
		}
		if h.MustAppear {
			line += "（应当出庭）"
		}
		if h.Head != "" {
			line += "，出庭负责人 " + h.Head
			if h.HeadPost != "" {
				line += "（" + h.HeadPost + "）"
			}
		}
		if h.HeadAppeared != nil {
			if *h.HeadAppeared {
				line += "，负责人已出庭"
			} else {
				line += "，负责人未出庭"
			}
		}
		add("开庭", line)
	}
	add("承办人", c.Handler)
	if c.Closure != nil {
		out := FormatDate(c.Closure.On, loc) + " " + string(c.Closure.Method)
		switch {
		case lost:
			out += "（败诉）"
		case c.Kind == Reconsideration && c.Closure.Method.Correction():
			out += "（纠错）"
		}
		add("结案", out)
		add("败诉原因", c.Closure.Reason)
	} else {
		add("结案", "未结案")
	}
	add("备注", c.Note)
	c.clockFields(loc, add)
	return fs
}

// clockFields adds the recorded dates behind the statutory deadlines (the
// deadlines themselves, with days left, come from bot/deadline).
func (c *Case) clockFields(loc *time.Location, add func(label, value string)) {
	copyLabel, answerLabel := "收到起诉状副本", "答辩举证提交"
	if c.Kind == Reconsideration {
		copyLabel, answerLabel = "收到复议申请书副本", "答复提交"
	}
	add(copyLabel, FormatDate(c.CopyReceivedOn, loc))
	add(answerLabel, FormatDate(c.AnsweredOn, loc))
	add("裁判文书送达", FormatDate(c.ServedOn, loc))
	if c.Appealed != nil {
		v := "否"
		if *c.Appealed {
			v = "是"
		}
		if c.AppealNumber != "" {
			v += "，二审案号 " + c.AppealNumber
		}
		add("是否上诉", v)
	}
	if c.Simplified {
		add("简易程序", "是")
	}
	if c.ExtendedDays > 0 {
		add("延长审理期限", strconv.Itoa(c.ExtendedDays)+" 日")
	}
	for _, s := range c.Suggestions {
		v := FormatDate(s.ReceivedOn, loc) + " 收到"
		if s.Issuer != "" {
			v += "（" + s.Issuer + "）"
		}
		if s.Content != "" {
			v += "：" + s.Content
		}
		if !s.DueOn.IsZero() {
			v += "；建议书要求 " + FormatDate(s.DueOn, loc) + " 前回复"
		}
		if !s.RepliedOn.IsZero() {
			v += "；" + FormatDate(s.RepliedOn, loc) + " 已回复"
		}
		add(string(s.Kind), v)
	}
}
