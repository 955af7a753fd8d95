package workcal

import (
	"testing"
)

func TestAddMonths(t *testing.T) {
	tests := []struct {
		from string
		n    int
		want string
	}{
		{"2026-07-15", 2, "2026-09-15"},
		{"2026-07-31", 2, "2026-09-30"}, // September has no 31st: its last day
		{"2026-08-31", 2, "2026-10-31"},
		{"2025-12-31", 2, "2026-02-28"},
		{"2027-12-31", 2, "2028-02-29"}, // leap year
		{"2026-11-30", 3, "2027-02-28"}, // across the year end
		{"2026-01-31", 1, "2026-02-28"},
		{"2026-03-31", -1, "2026-02-28"},
	}
	for _, tt := range tests {
		if got := day(tt.from).AddMonths(tt.n); got != day(tt.want) {
			t.Errorf("%s.AddMonths(%d) = %s, want %s", tt.from, tt.n, got, tt.want)
		}
	}
}

func TestDayArithmetic(t *testing.T) {
	if got := day("2026-12-15").DaysUntil(day("2026-12-18")); got != 3 {
		t.Errorf("DaysUntil = %d, want 3", got)
	}
	if got := day("2026-03-01").DaysUntil(day("2026-02-27")); got != -2 {
		t.Errorf("DaysUntil backwards = %d, want -2", got)
	}
	// Across the March change to summer time elsewhere: civil days stay 24h.
	if got := day("2026-01-01").DaysUntil(day("2027-01-01")); got != 365 {
		t.Errorf("DaysUntil a year = %d, want 365", got)
	}
	d := day("2026-12-18")
	if n := d.Number(); n != 20261218 || DayFromNumber(n) != d {
		t.Errorf("Number = %d, back %s", n, DayFromNumber(n))
	}
	if !d.After(day("2026-12-17")) || d.After(d) || !(Day{}).IsZero() || d.IsZero() {
		t.Errorf("After/IsZero wrong")
	}
	if got := d.Chinese(); got != "2026年12月18日" {
		t.Errorf("Chinese = %q", got)
	}
}

func TestOnOrAfterAndAddWorkdays(t *testing.T) {
	cal := BuiltinCalendar()
	onOrAfter := []struct{ day, want string }{
		{"2025-09-26", "2025-09-26"}, // a Friday is itself
		{"2025-09-27", "2025-09-28"}, // Saturday → the 调休 Sunday
		{"2025-10-01", "2025-10-09"}, // inside 国庆 → the day after the block
		{"2025-10-11", "2025-10-11"}, // the 调休 Saturday is a working day
		{"2025-10-12", "2025-10-13"}, // an ordinary Sunday → Monday
		{"2026-02-15", "2026-02-24"}, // 春节 2026
	}
	for _, tt := range onOrAfter {
		if got := cal.OnOrAfter(day(tt.day)); got != day(tt.want) {
			t.Errorf("OnOrAfter(%s) = %s, want %s", tt.day, got, tt.want)
		}
	}
	addWork := []struct {
		day  string
		n    int
		want string
	}{
		{"2026-03-02", 1, "2026-03-03"},
		{"2026-03-06", 1, "2026-03-09"}, // Friday + 1 → Monday
		{"2026-03-07", 1, "2026-03-09"}, // from a Saturday: Monday is the first
		// 2025-09-26 (Fri): 9-28 (调休 Sun) 1, 9-29 2, 9-30 3, 10-09 4, 10-10 5,
		// 10-11 (调休 Sat) 6, 10-13 7, 10-14 8, 10-15 9, 10-16 10.
		{"2025-09-26", 10, "2025-10-16"},
		{"2025-09-26", 6, "2025-10-11"},
	}
	for _, tt := range addWork {
		if got := cal.AddWorkdays(day(tt.day), tt.n); got != day(tt.want) {
			t.Errorf("AddWorkdays(%s, %d) = %s, want %s", tt.day, tt.n, got, tt.want)
		}
	}
	if got := cal.MakeUp(day("2025-10-11")); got != "国庆节、中秋节" {
		t.Errorf("MakeUp(2025-10-11) = %q", got)
	}
}

func TestDigest(t *testing.T) {
	a, b := BuiltinCalendar(), BuiltinCalendar()
	if a.Digest() != b.Digest() || len(a.Digest()) != 16 {
		t.Fatalf("digest not stable: %s %s", a.Digest(), b.Digest())
	}
	renamed, err := ParseCalendar([]byte(`{"name":"另一个名字","years":[2027],"festivals":[{"name":"测试假","off":["2027-03-03","2027-03-04"],"work":["2027-03-06"]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	same, err := ParseCalendar([]byte(`{"name":"x","years":[2027],"festivals":[{"name":"别的名字","off":["2027-03-03","2027-03-04"],"work":["2027-03-06"]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	moved, err := ParseCalendar([]byte(`{"name":"x","years":[2027],"festivals":[{"name":"测试假","off":["2027-03-03","2027-03-04"],"work":["2027-03-07"]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if renamed.Digest() != same.Digest() {
		t.Errorf("names changed the digest")
	}
	if renamed.Digest() == moved.Digest() || renamed.Digest() == a.Digest() {
		t.Errorf("different days, same digest")
	}
}
