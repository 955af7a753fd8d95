package workcal

import (
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func day(s string) Day { return MustParseDay(s) }

func TestBuiltinCalendarWorkdays(t *testing.T) {
	cal := BuiltinCalendar()
	tests := []struct {
		day  string
		want bool
		why  string
	}{
		{"2025-09-26", true, "an ordinary Friday"},
		{"2025-09-27", false, "an ordinary Saturday"},
		{"2025-09-28", true, "Sunday made a working day for 国庆节、中秋节"},
		{"2025-09-30", true, "the last working day before the block"},
		{"2025-10-01", false, "国庆节 block starts"},
		{"2025-10-06", false, "a Monday inside the block"},
		{"2025-10-08", false, "the block's last day, a Wednesday"},
		{"2025-10-09", true, "back to work"},
		{"2025-10-11", true, "the 调休 Saturday after the block"},
		{"2025-10-12", false, "an ordinary Sunday"},
		{"2025-01-26", true, "Sunday made a working day for 春节 2025"},
		{"2025-02-04", false, "春节 2025 last day, a Tuesday"},
		{"2025-02-08", true, "调休 Saturday after 春节 2025"},
		{"2025-04-27", true, "调休 Sunday before 劳动节 2025"},
		{"2025-05-05", false, "劳动节 2025 Monday"},
		{"2025-06-02", false, "端午节 2025 Monday"},
		{"2026-01-02", false, "元旦 2026 Friday"},
		{"2026-01-04", true, "调休 Sunday after 元旦 2026"},
		{"2026-02-14", true, "调休 Saturday before 春节 2026"},
		{"2026-02-23", false, "春节 2026 last day, a Monday"},
		{"2026-02-28", true, "调休 Saturday after 春节 2026"},
		{"2026-04-06", false, "清明节 2026 Monday"},
		{"2026-05-09", true, "调休 Saturday after 劳动节 2026"},
		{"2026-06-19", false, "端午节 2026 Friday"},
		{"2026-09-20", true, "调休 Sunday before 国庆节 2026"},
		{"2026-09-25", false, "中秋节 2026 Friday"},
		{"2026-10-07", false, "国庆节 2026 last day"},
		{"2026-10-10", true, "调休 Saturday after 国庆节 2026"},
		{"2027-01-01", true, "a Friday in a year the calendar does not cover: weekdays only"},
	}
	for _, tt := range tests {
		if got := cal.Workday(day(tt.day)); got != tt.want {
			t.Errorf("Workday(%s) = %v, want %v (%s)", tt.day, got, tt.want, tt.why)
		}
	}
	if !cal.Covers(2025) || !cal.Covers(2026) || cal.Covers(2027) {
		t.Errorf("Covers: want 2025 and 2026 only")
	}
}

func TestLastWorkdayBefore(t *testing.T) {
	cal := BuiltinCalendar()
	tests := []struct{ day, want string }{
		{"2025-09-24", "2025-09-23"}, // Wednesday → Tuesday
		{"2025-09-29", "2025-09-28"}, // Monday → the 调休 Sunday
		{"2025-10-09", "2025-09-30"}, // after the 国庆 block → before it
		{"2025-10-12", "2025-10-11"}, // Sunday → the 调休 Saturday
		{"2025-10-13", "2025-10-11"}, // Monday → the 调休 Saturday
		{"2026-02-24", "2026-02-14"}, // after 春节 2026 → the 调休 Saturday before it
		{"2026-01-05", "2026-01-04"}, // Monday → the 调休 Sunday
	}
	for _, tt := range tests {
		if got := cal.LastWorkdayBefore(day(tt.day)); got != day(tt.want) {
			t.Errorf("LastWorkdayBefore(%s) = %s, want %s", tt.day, got, tt.want)
		}
	}
	if got := cal.LongestBreak(); got != 9 {
		t.Errorf("LongestBreak = %d, want 9 (春节 2026)", got)
	}
}

func TestParseCalendarErrors(t *testing.T) {
	tests := []struct{ json, want string }{
		{`{"years":[2025],"festivals":[{"name":"x","off":["2025-10-01","2025-09-30"]}]}`, "不合理"},
		{`{"years":[2025],"festivals":[{"name":"x","off":["2025-10-01","2025-10-02"],"work":["2025-10-09"]}]}`, "应为周六或周日"},
		{`{"years":[2025],"festivals":[{"name":"x","off":["2026-10-01","2026-10-02"]}]}`, "不在日历声明的年份内"},
		{`{"years":[2025],"festivals":[{"name":"x","off":["2025-13-01","2025-10-02"]}]}`, "YYYY-MM-DD"},
		{`{"years":[2025],"festivals":[{"name":"x","off":["2025-10-04","2025-10-05"],"work":["2025-10-04"]}]}`, "既是放假日又是调休上班日"},
		{`{"festivals":[]}`, "缺少 years"},
		{`{"years":[2025],"holidays":[]}`, "不是有效的日历"},
	}
	for _, tt := range tests {
		_, err := ParseCalendar([]byte(tt.json))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseCalendar(%s) = %v, want an error with %q", tt.json, err, tt.want)
		}
	}
}

func TestLoadCalendarReplaces(t *testing.T) {
	path := t.TempDir() + "/cal.json"
	writeFile(t, path, `{"name":"test","years":[2027],"festivals":[{"name":"测试假","off":["2027-03-03","2027-03-04"],"work":["2027-03-06"]}]}`)
	cal, err := LoadCalendar(path)
	if err != nil {
		t.Fatal(err)
	}
	got := []bool{cal.Workday(day("2027-03-03")), cal.Workday(day("2027-03-06")), cal.Workday(day("2025-10-01"))}
	if diff := cmp.Diff([]bool{false, true, true}, got); diff != "" {
		t.Errorf("replacement calendar (-want,+got):\n%s", diff)
	}
	if _, err := LoadCalendar(t.TempDir() + "/none.json"); err == nil || !strings.Contains(err.Error(), "读取工作日历") {
		t.Errorf("missing file: %v", err)
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
