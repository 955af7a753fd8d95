package deadline

import (
	"fmt"
	"strings"
	"time"

	"casebot/bot/cases"
	"casebot/bot/workcal"
)

var weekdays = [...]string{"周日", "周一", "周二", "周三", "周四", "周五", "周六"}

// DaysLeft is how many calendar days remain from today to the last day:
// 0 on the last day, negative once it has passed.
func (d Deadline) DaysLeft(today workcal.Day) int { return today.DaysUntil(d.Due) }

// Status says where the deadline stands on today, in the words of a case
// card: 还剩3天, 今天到期, 已逾期2天, 已提交 …
func (d Deadline) Status(today workcal.Day) string {
	if d.Done {
		s := d.Result
		if s == "" {
			s = "已" + d.doneWord()
		}
		if !d.DoneOn.IsZero() {
			s = fmt.Sprintf("%d月%d日%s", d.DoneOn.Month, d.DoneOn.Day, s)
			if late := d.Due.DaysUntil(d.DoneOn); late > 0 {
				s += fmt.Sprintf("，逾期%d天", late)
			}
		}
		return s
	}
	if d.Moot {
		return "案件已结，未登记" + d.doneWord()
	}
	switch left := d.DaysLeft(today); {
	case left > 0:
		return fmt.Sprintf("还剩%d天", left)
	case left == 0:
		return "今天到期"
	case d.Kind == Appeal:
		// Not a failure of the agency's: the judgment took effect, and
		// whether anyone appealed is what is missing.
		return "上诉期已届满，未登记是否上诉"
	default:
		return fmt.Sprintf("已逾期%d天", -left)
	}
}

// doneWord is what doing the deadline is called.
func (d Deadline) doneWord() string {
	switch d.Kind {
	case Answer:
		return "提交"
	case Reply:
		return "答复"
	case Appeal:
		return "是否上诉"
	case Decision:
		return "作出决定"
	case Rectify:
		return "报送"
	case RectifyReview:
		return "审核"
	}
	return "回复"
}

// Value is the deadline as the value of a card line on today:
// 2026年12月18日（周五，还剩3天）. An open deadline whose last day was moved
// by the holiday rule says so.
//
// A suggestion's reply date the ledger does not hold (Reckoned) says it is
// the rule's reckoning: a 检察建议书 may set a shorter one, and a reader
// must not take it as recorded. Plain leaves that to a caller that says it
// in words of its own.
func (d Deadline) Value(today workcal.Day) string {
	s := d.Plain(today)
	if d.Reckoned() {
		s = strings.TrimSuffix(s, "）") + "；台账未登记建议书载明的期限，按" + d.Period + "推算，以建议书为准）"
	}
	return s
}

// Plain is Value without the note of a reckoned suggestion date.
func (d Deadline) Plain(today workcal.Day) string {
	s := d.Due.Chinese() + "（" + weekdays[d.Due.Weekday()] + "，" + d.Status(today)
	if d.Open() && d.Postponed != "" {
		s += "；末日逢" + d.Postponed + "顺延"
	}
	return s + "）"
}

// Estimated reports whether d is a suggestion's reply period the ledger
// does not hold: no date of the 建议书 is recorded, so the day is the
// rule's (two months for a 检察建议, the local period for a 司法建议), not
// the document's, and is said as computed, never as the recorded one.
func (d Deadline) Estimated() bool {
	return (d.Kind == JudicialReply || d.Kind == ProcuratorialReply) && d.Basis != suggestionOwnBasis
}

// Reckoned reports whether d is an open Estimated date: Value says so
// (检察院那个建议啥时候截至 was answered with the rule's date as if the ledger
// held it); once replied, the day that counted is past asking.
func (d Deadline) Reckoned() bool { return d.Open() && d.Estimated() }

// Title is the kind's label as a line shows it, beside Value, which says
// whether the date is the rule's reckoning.
func (d Deadline) Title() string {
	return d.Kind.Label()
}

// Lines calls line(label, value) for each deadline of c a case card shows
// on now: the open ones and the done ones, in the order of Kinds; a moot
// one (an answer never recorded on a closed case) says nothing useful and
// is left out. It is what the chat card and `casebot case` print:
//
//	答辩举证期限：2026年12月18日（周五，还剩3天）
func (r *Rules) Lines(c *cases.Case, now time.Time, line func(label, value string)) {
	today := workcal.DateOf(now, r.loc)
	for _, d := range r.Of(c) {
		if !d.Moot {
			line(d.Title(), d.Value(today))
		}
	}
}

// JSON is a deadline in `casebot case --json`: dates as YYYY-MM-DD, and
// days_left (negative when overdue) for an open one.
type JSON struct {
	Kind      Kind   `json:"kind"`
	Label     string `json:"label"`
	Start     string `json:"start"`
	Due       string `json:"due"`
	Period    string `json:"period"`
	Basis     string `json:"basis"`
	Postponed string `json:"postponed,omitempty"`
	Open      bool   `json:"open"`
	DaysLeft  *int   `json:"days_left,omitempty"`
	Done      bool   `json:"done"`
	DoneOn    string `json:"done_on,omitempty"`
	Result    string `json:"result,omitempty"`
	Moot      bool   `json:"moot,omitempty"`
	Status    string `json:"status"`
}

// AsJSON returns d as JSON on today.
func (d Deadline) AsJSON(today workcal.Day) JSON {
	j := JSON{Kind: d.Kind, Label: d.Kind.Label(), Start: d.Start.String(), Due: d.Due.String(), Period: d.Period,
		Basis: d.Basis, Postponed: d.Postponed, Open: d.Open(), Done: d.Done, Result: d.Result, Moot: d.Moot,
		Status: d.Status(today)}
	if d.Open() {
		left := d.DaysLeft(today)
		j.DaysLeft = &left
	}
	if !d.DoneOn.IsZero() {
		j.DoneOn = d.DoneOn.String()
	}
	return j
}

// JSONOf returns every deadline of c as JSON on now, moot ones included.
func (r *Rules) JSONOf(c *cases.Case, now time.Time) []JSON {
	today := workcal.DateOf(now, r.loc)
	out := []JSON{}
	for _, d := range r.Of(c) {
		out = append(out, d.AsJSON(today))
	}
	return out
}
