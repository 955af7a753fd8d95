package handlers

import (
	"strings"
	"testing"
)

// TestShortNumberFindsLastYearsCase pins the one resolver of short
// references: 行初55 and 55号 both find last year's case when this year
// has none of that number, for a lookup as for a report.
func TestShortNumberFindsLastYearsCase(t *testing.T) {
	e := newQueryEnv(t)
	old := lawsuit("(2024)黔0115行初55号", "孙小红", upAgency)
	e.put(old)
	for _, msg := range []string{"行初55", "55号", "行初55号判了没"} {
		r := e.one("staff1", msg)
		mustContain(t, msg, r, "**(2024)黔0115行初55号**")
		if strings.Contains(r, "没有找到") || strings.Contains(r, "未找到") {
			t.Errorf("%s: said not found:\n%s", msg, r)
		}
	}
}
