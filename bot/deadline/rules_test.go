package deadline

import (
	"testing"

	"casebot/bot/workcal"
)

// The rules' tables run on the built-in calendar (2025–2026). The dates
// worth checking by hand: 国庆 2025 is 10-01…10-08 with 9-28 (Sun) and 10-11
// (Sat) worked; 元旦 2026 is 1-01…1-03 with 1-04 (Sun) worked; 春节 2026 is
// 2-15…2-23 with 2-14 and 2-28 (Sat) worked; 劳动节 2026 is 5-01…5-05;
// 端午 2026 is 6-19…6-21; 中秋 2026 is 9-25…9-27; 国庆 2026 is 10-01…10-07
// with 9-20 (Sun) and 10-10 (Sat) worked.

var cal = workcal.BuiltinCalendar()

func day(s string) workcal.Day { return workcal.MustParseDay(s) }

type ruleCase struct {
	start, want, why string
}

func check(t *testing.T, rule string, tests []ruleCase, f func(workcal.Day) workcal.Day) {
	t.Helper()
	for _, tt := range tests {
		if got := f(day(tt.start)); got != day(tt.want) {
			t.Errorf("%s(%s) = %s (%s), want %s (%s): %s", rule, tt.start, got, got.Weekday(), tt.want, day(tt.want).Weekday(), tt.why)
		}
	}
}

func TestAnswerDue(t *testing.T) {
	check(t, "AnswerDue", []ruleCase{
		{"2026-12-03", "2026-12-18", "15 days, the day of receipt not counted"},
		{"2025-09-20", "2025-10-09", "day 15 is 10-05, inside 国庆: the first working day after the block"},
		{"2026-09-22", "2026-10-08", "day 15 is 10-07, the last day of 国庆 2026"},
		{"2026-03-06", "2026-03-23", "day 15 is an ordinary Saturday: Monday"},
		{"2026-03-07", "2026-03-23", "day 15 is an ordinary Sunday: Monday"},
		{"2025-09-26", "2025-10-11", "day 15 is the 调休 Saturday, a working day: the period ends on it"},
		{"2025-09-28", "2025-10-13", "国庆 inside the period is not deducted"},
		{"2026-02-01", "2026-02-24", "day 15 is in 春节 2026"},
		{"2025-10-03", "2025-10-20", "received on a holiday: still not counted; day 15 a Saturday"},
		{"2025-12-17", "2026-01-04", "day 15 is 元旦; the first day after is the 调休 Sunday"},
		{"2025-12-20", "2026-01-04", "day 15 is itself the 调休 Sunday"},
	}, func(d workcal.Day) workcal.Day { return AnswerDue(cal, d) })
}

func TestReplyDue(t *testing.T) {
	check(t, "ReplyDue", []ruleCase{
		// 9-28 (调休 Sun) 1, 9-29 2, 9-30 3, 10-09 4, 10-10 5, 10-11 (调休 Sat) 6,
		// 10-13 7, 10-14 8, 10-15 9, 10-16 10.
		{"2025-09-26", "2025-10-16", "10 working days across 国庆 and both of its 调休 days"},
		// 10-10 (调休 Sat) 1, 10-12 … 10-16 2–6, 10-19 … 10-22 7–10.
		{"2026-10-09", "2026-10-22", "10 working days starting with the 调休 Saturday"},
		{"2026-03-06", "2026-03-20", "received on a Friday: two ordinary weeks"},
		{"2026-03-07", "2026-03-20", "received on a Saturday: counting starts Monday"},
		{"2026-04-30", "2026-05-18", "劳动节 2026 (5-01…5-05) is not counted"},
	}, func(d workcal.Day) workcal.Day { return ReplyDue(cal, d, false) })
	check(t, "ReplyDue(简易程序)", []ruleCase{
		// 2-13 1, 2-14 (调休 Sat) 2, 2-24 3, 2-25 4, 2-26 5.
		{"2026-02-12", "2026-02-26", "5 working days across 春节 2026 and its 调休 Saturday"},
		{"2026-06-15", "2026-06-23", "5 working days with 端午 (6-19) not counted: 16, 17, 18, 22, 23"},
	}, func(d workcal.Day) workcal.Day { return ReplyDue(cal, d, true) })
}

func TestAppealDue(t *testing.T) {
	check(t, "AppealDue(判决)", []ruleCase{
		{"2026-04-20", "2026-05-06", "day 15 is 5-05, the last day of 劳动节"},
		{"2026-06-04", "2026-06-22", "day 15 is 端午 (Friday): Monday"},
		{"2026-11-02", "2026-11-17", "an ordinary 15 days"},
	}, func(d workcal.Day) workcal.Day { return AppealDue(cal, d, false) })
	check(t, "AppealDue(裁定)", []ruleCase{
		{"2026-04-21", "2026-05-06", "day 10 is 5-01"},
		{"2026-09-15", "2026-09-28", "day 10 is 中秋 (Friday): Monday"},
		{"2026-11-02", "2026-11-12", "an ordinary 10 days"},
	}, func(d workcal.Day) workcal.Day { return AppealDue(cal, d, true) })
}

func TestDecisionDue(t *testing.T) {
	tests := []struct {
		accepted   string
		simplified bool
		extended   int
		want, why  string
	}{
		{"2026-03-02", false, 0, "2026-05-06", "day 60 is 5-01 (劳动节)"},
		{"2026-03-02", false, 30, "2026-06-01", "60 + 30 = 90 days from acceptance, day 90 a Sunday; not 30 days after the postponed 5-06 (6-05)"},
		{"2025-08-01", false, 15, "2025-10-15", "extended by 15 days: 75 days"},
		{"2025-12-20", false, 0, "2026-02-24", "day 60 falls in 春节 2026"},
		{"2026-09-01", true, 0, "2026-10-08", "简易程序: 30 days, day 30 is 10-01"},
		{"2026-06-01", true, 0, "2026-07-01", "简易程序: an ordinary 30 days"},
	}
	for _, tt := range tests {
		if got := DecisionDue(cal, day(tt.accepted), tt.simplified, tt.extended); got != day(tt.want) {
			t.Errorf("DecisionDue(%s, 简易=%v, 延长=%d) = %s, want %s: %s", tt.accepted, tt.simplified, tt.extended, got, tt.want, tt.why)
		}
	}
}

func TestProcuratorialDue(t *testing.T) {
	check(t, "ProcuratorialDue", []ruleCase{
		{"2026-07-31", "2026-09-30", "two months from 7-31: September has no 31st, its last day (a Wednesday)"},
		{"2026-08-31", "2026-11-02", "10-31 exists and is a Saturday: Monday"},
		{"2025-12-31", "2026-02-28", "February's last day, 2-28, is the 调休 Saturday after 春节: a working day"},
		{"2026-08-01", "2026-10-08", "10-01 is 国庆"},
		{"2026-03-15", "2026-05-15", "the same day two months later"},
		{"2026-12-30", "2027-03-01", "2027 is beyond the calendar: Monday–Friday, so 2-28 (Sunday) moves to Monday 3-01"},
	}, func(d workcal.Day) workcal.Day { return ProcuratorialDue(cal, d) })
}

func TestJudicialDue(t *testing.T) {
	check(t, "JudicialDue(30)", []ruleCase{
		{"2026-09-08", "2026-10-08", "an ordinary 30 days"},
		{"2026-09-05", "2026-10-08", "day 30 is 国庆"},
	}, func(d workcal.Day) workcal.Day { return JudicialDue(cal, d, 30) })
	check(t, "JudicialDue(60)", []ruleCase{
		{"2026-03-02", "2026-05-06", "a locality that gives 60 days"},
	}, func(d workcal.Day) workcal.Day { return JudicialDue(cal, d, 60) })
}

func TestRectifyDue(t *testing.T) {
	check(t, "RectifyDue(30)", []ruleCase{
		{"2026-01-05", "2026-02-04", "30 days from service"},
		{"2026-01-20", "2026-02-24", "day 30 is in 春节 2026"},
	}, func(d workcal.Day) workcal.Day { return RectifyDue(cal, d, 30) })
}

// TestCounting checks the three counting rules themselves on the edges the
// rules above do not reach.
func TestCounting(t *testing.T) {
	if got := CalendarDays(cal, day("2026-03-02"), 0); got != day("2026-03-02") {
		t.Errorf("CalendarDays(n=0) = %s", got)
	}
	if got := WorkingDays(cal, day("2025-09-30"), 1); got != day("2025-10-09") {
		t.Errorf("WorkingDays over 国庆 = %s, want 2025-10-09", got)
	}
	if got := Months(cal, day("2025-10-31"), 1); got != day("2025-12-01") {
		t.Errorf("Months(10-31, 1) = %s, want 2025-12-01 (November's last day, 11-30, is a Sunday)", got)
	}
	for _, tt := range []struct{ nominal, want string }{
		{"2025-10-05", "国庆节、中秋节"}, {"2026-03-21", "周末"}, {"2025-10-11", ""}, {"2026-03-20", ""},
	} {
		if got := postponed(cal, day(tt.nominal)); got != tt.want {
			t.Errorf("postponed(%s) = %q, want %q", tt.nominal, got, tt.want)
		}
	}
}
