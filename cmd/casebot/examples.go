package main

import (
	"fmt"
	"time"
)

// usageExamples are the sample values that usage lines and flag help show.
// They are made from today's date so that help never suggests a year that
// has passed (an operator copying "(2025)…" in 2027 gets "未找到").
type usageExamples struct {
	CaseNo  string // a first-instance administrative 案号 of this year
	Month   string // last month, YYYY-MM
	Day     string // the first of last month, YYYY-MM-DD
	Instant string // tomorrow 16:00 China time, RFC3339
}

func examplesAt(now time.Time) usageExamples {
	cst := time.FixedZone("CST", 8*3600)
	now = now.In(cst)
	first := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, cst).AddDate(0, -1, 0)
	tomorrow := time.Date(now.Year(), now.Month(), now.Day()+1, 16, 0, 0, 0, cst)
	return usageExamples{
		CaseNo:  fmt.Sprintf("(%d)黔0115行初123号", now.Year()),
		Month:   first.Format("2006-01"),
		Day:     first.Format("2006-01-02"),
		Instant: tomorrow.Format(time.RFC3339),
	}
}

// examples are today's usage examples.
func examples() usageExamples { return examplesAt(time.Now()) }
