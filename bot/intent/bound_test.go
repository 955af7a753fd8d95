package intent

import (
	"testing"
	"time"

	"casebot/bot/workcal"
)

// TestBoundedPeriods pins each kind of bound as the range it names, on a
// Thursday (2026-11-19) in the configured zone.
func TestBoundedPeriods(t *testing.T) {
	loc := time.FixedZone("CST", 8*3600)
	now := time.Date(2026, 11, 19, 8, 40, 0, 0, loc)
	d := func(m, dd int) string {
		return time.Date(2026, time.Month(m), dd, 0, 0, 0, 0, loc).Format(time.DateOnly)
	}
	open := "open"
	for _, c := range []struct{ msg, from, to string }{
		{"12月10号以后的庭", d(12, 10), open},
		{"12月10号之后有庭吗", d(12, 10), open},
		{"12月8号起的开庭安排", d(12, 8), open},
		{"从下周一起有哪些庭", d(11, 23), open},
		{"下周一开始的庭", d(11, 23), open},
		{"从12月1号 有哪些庭", d(12, 1), open},
		{"元旦后还有庭吗", "2027-01-02", open},
		{"元旦前还有哪些庭", d(11, 19), "2027-01-01"},
		{"国庆以后新收了几件", d(10, 8), d(11, 20)},
		{"25号之前的庭", d(11, 19), d(11, 25)},
		{"12月5号以前还有几个庭", d(11, 19), d(12, 5)},
		{"9月以前结了几件", "2026-01-01", d(9, 1)},
		{"10月以后新收了多少", d(10, 1), d(11, 20)},
		{"5月以来败诉了几个", d(5, 1), d(11, 20)},
		{"到12月10号为止的庭", d(11, 19), d(12, 11)},
		{"下旬还有哪些庭", d(11, 21), d(12, 1)},
		{"12月上旬的庭", d(12, 1), d(12, 11)},
		{"下个月中旬有庭吗", d(12, 11), d(12, 21)},
		{"近半个月有啥庭", d(11, 19), d(12, 4)},
		{"接下来两个星期开庭的", d(11, 19), d(12, 3)},
		{"下下周有庭吗", d(11, 30), d(12, 7)},
		{"月底以后呢", d(12, 1), open},
	} {
		u, err := Understand(c.msg, Options{Now: now, Calendar: workcal.BuiltinCalendar()})
		if err != nil {
			t.Fatalf("%s: %v", c.msg, err)
		}
		p := u.Period
		to := p.To.Format(time.DateOnly)
		if c.to == open && p.To.Sub(p.From) > 2*365*24*time.Hour {
			to = open
		}
		if got := p.From.Format(time.DateOnly); got != c.from || to != c.to {
			t.Errorf("%s: period %s..%s (%q), want %s..%s", c.msg, got, to, p.Label, c.from, c.to)
		}
		for _, w := range u.Residue {
			if w == "以后" || w == "之前" || w == "以前" || w == "起" {
				t.Errorf("%s: bound word %q left unread", c.msg, w)
			}
		}
	}
	// 后天, 起诉 are not bounds.
	for _, msg := range []string{"12月10号后天", "12月10号起诉的案子"} {
		u, _ := Understand(msg, Options{Now: now})
		if u.Period.To.Sub(u.Period.From) > 48*time.Hour {
			t.Errorf("%s: read as a bound (%q)", msg, u.Period.Label)
		}
	}
	// A lunar festival the calendar does not cover is not guessed.
	u, _ := Understand("春节前还有几个庭", Options{Now: now, Calendar: workcal.BuiltinCalendar()})
	if !u.Period.IsZero() || u.PeriodNote == "" {
		t.Errorf("春节前 in a year the calendar lacks: period %q, note %q", u.Period.Label, u.PeriodNote)
	}
	// … and one it covers is read from it: 2026's 春节 began on 02-15.
	u, _ = Understand("春节前还有几个庭", Options{Now: time.Date(2026, 1, 5, 8, 0, 0, 0, loc), Calendar: workcal.BuiltinCalendar()})
	if got := u.Period.To.Format(time.DateOnly); got != "2026-02-15" {
		t.Errorf("春节前 on 2026-01-05: to %s (%q), want 2026-02-15", got, u.Period.Label)
	}
}
