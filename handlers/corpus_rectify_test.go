package handlers

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"casebot/bot/cases"
	"casebot/bot/workcal"
)

// setUp applies an entry's `rectify:` lines before its message is sent:
// each gives a fixture case a 一案一整改 record, "REF STATUS DAYS", whose
// period runs from DAYS days before the entry's clock (so the report is
// open and not due, due soon or overdue as DAYS says); a filed report was
// filed the day before, a returned one carries a review note. The fixture
// itself has no 整改 records: the reminders' sweep, which asks for them,
// never runs in the corpus world.
func (e *corpusEnv) setUp(t *testing.T, en corpusEntry) {
	t.Helper()
	for _, v := range en.props["rectify"] {
		f := strings.Fields(v)
		if len(f) != 3 {
			t.Fatalf("%s: rectify: want “REF STATUS DAYS”, got %q", en, v)
		}
		days, err := strconv.Atoi(f[2])
		if err != nil {
			t.Fatalf("%s: rectify: days %q: %v", en, f[2], err)
		}
		status := cases.RectifyStatus(f[1])
		switch status {
		case cases.RectifyRequested, cases.RectifyFiled, cases.RectifyApproved, cases.RectifyReturned:
		default:
			t.Fatalf("%s: rectify: unknown status %q", en, f[1])
		}
		today := workcal.DateOf(e.now, cst)
		from := today.AddDays(-days).At(workcal.Clock{}, cst)
		rc := &cases.Rectification{RequestedOn: from.AddDate(0, 0, 1), From: from, Status: status}
		if status != cases.RectifyRequested {
			rc.Analysis, rc.Measures = "执法程序不规范，未依法告知陈述申辩权利", "组织全员程序培训，建立案件法制审核清单"
			rc.FiledOn, rc.FiledBy = today.AddDays(-1).At(workcal.Clock{Hour: 10}, cst), "周洁"
		}
		switch status {
		case cases.RectifyApproved:
			rc.ReviewedOn, rc.ReviewedBy = e.now, "刘洋"
		case cases.RectifyReturned:
			rc.ReviewedOn, rc.ReviewedBy, rc.ReviewNote = e.now, "刘洋", "原因分析不够具体，请补充执法环节的问题"
		}
		if _, err := e.st.Update(context.Background(), e.ref(t, en, f[0]), func(c *cases.Case) error {
			c.Rectify = rc
			return nil
		}); err != nil {
			t.Fatalf("%s: rectify: %v", en, err)
		}
	}
}
