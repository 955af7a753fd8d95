package intent

import (
	"strings"
	"testing"
	"time"
)

// The examples shown when an update cannot be read carry the clock's
// year, not the year they were written in.
func TestUsageShowsTheCurrentYear(t *testing.T) {
	loc := time.FixedZone("CST", 8*3600)
	now := time.Date(2027, 3, 5, 10, 0, 0, 0, loc)
	for _, k := range []UpdateKind{SetHearing, AddHearing, MoveHearing, CloseCase, Appearance, DeleteCase} {
		u := Usage(k, now)
		if !strings.Contains(u, "(2027)黔0115行初123号") || strings.Contains(u, "2025") || strings.Contains(u, "2026") {
			t.Errorf("%v: %q", k, u)
		}
	}
	if u := Usage(SetHearing, now); !strings.Contains(u, "2027-03-19 09:30") {
		t.Errorf("hearing example %q is not ahead of today", u)
	}
	if u := Usage(CloseCase, now); !strings.Contains(u, "2027-03-04") {
		t.Errorf("closing example %q is not in the past", u)
	}
	// An update that cannot be read says so with this year's example.
	_, ok, err := ParseUpdate("出庭 (2027)黔0115行初123号 不清楚", Options{Now: now})
	if !ok || err == nil || !strings.Contains(err.Error(), "(2027)黔0115行初123号") {
		t.Errorf("ok %v err %v", ok, err)
	}
}
