package main

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"casebot/bot/bulletin"
	"casebot/bot/cases"
)

// runCLI runs one command line as main would, with empty stdin, and
// returns its exit status and what it wrote.
func runCLI(t *testing.T, args ...string) (status int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	status = run(args, strings.NewReader(""), &out, &errb)
	return status, out.String(), errb.String()
}

func TestUsageExamplesAreThisYears(t *testing.T) {
	cst := time.FixedZone("CST", 8*3600)
	ex := examplesAt(time.Date(2027, 1, 31, 23, 30, 0, 0, cst))
	want := usageExamples{CaseNo: "(2027)黔0115行初123号", Month: "2026-12", Day: "2026-12-01", Instant: "2027-02-01T16:00:00+08:00"}
	if ex != want {
		t.Fatalf("examples at 2027-01-31 = %+v, want %+v", ex, want)
	}
	// Every example must itself be accepted by the parser it illustrates.
	if _, err := time.Parse(time.RFC3339, ex.Instant); err != nil {
		t.Fatal(err)
	}
	if _, err := bulletin.ParseMonth(ex.Month); err != nil {
		t.Fatal(err)
	}
	if _, err := cases.ParseNumber(ex.CaseNo); err != nil {
		t.Fatal(err)
	}
}
