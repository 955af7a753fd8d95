package reminders

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"
)

func day(s string) Day { return MustParseDay(s) }

func TestSweepWarnsOfUncoveredYear(t *testing.T) {
	f := newFixture(t)
	s := f.service()
	var buf bytes.Buffer
	s.Log = slog.New(slog.NewTextHandler(&buf, nil))
	for _, tc := range []struct {
		now  string
		want int // warnings so far
	}{
		{"2026-06-01 10:00", 0}, // 2026 covered, not December
		{"2026-12-01 10:00", 1}, // 2027 not covered
		{"2026-12-01 10:05", 1}, // once a day
		{"2026-12-02 10:00", 2},
		{"2027-01-04 10:00", 3}, // the current year itself
	} {
		f.sweep(s, tc.now)
		if got := strings.Count(buf.String(), "work calendar does not cover"); got != tc.want {
			t.Errorf("after the sweep at %s: %d warnings, want %d\n%s", tc.now, got, tc.want, buf.String())
		}
	}
}
