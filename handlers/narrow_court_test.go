package handlers

import (
	"testing"

	"casebot/bot/cases"
	"casebot/bot/intent"
)

// The court code of a 案号 rules a case out of a court level only when it
// names another level; a number that cannot say is left to the case.
func TestCourtCodeMayBe(t *testing.T) {
	for _, c := range []struct {
		number, level string
		want          bool
	}{
		{"(2026)黔0115行初85号", intent.CourtBasic, true},
		{"(2026)黔0115行初85号", intent.CourtMiddle, false},
		{"(2026)黔0115行初85号", intent.CourtHigh, false},
		{"(2026)黔01行终33号", intent.CourtMiddle, true},
		{"(2026)黔01行终33号", intent.CourtBasic, false},
		{"(2026)黔行申88号", intent.CourtHigh, true},
		{"(2026)黔行申88号", intent.CourtMiddle, false},
		{"(2026)黔7101行初3号", intent.CourtBasic, true}, // a railway transport court: four digits, basic
		{"(2026)最高法行申1号", intent.CourtHigh, false},
		{"某府复〔2026〕41号", intent.CourtBasic, false},
		{"(2015)黔高行终字第12号", intent.CourtMiddle, true}, // legacy: the case's 承办法院 decides
	} {
		n, err := cases.ParseCanonical(c.number)
		if err != nil {
			t.Fatalf("%s: %v", c.number, err)
		}
		if got := courtCodeMayBe(n, c.level); got != c.want {
			t.Errorf("courtCodeMayBe(%s, %s) = %v, want %v", c.number, c.level, got, c.want)
		}
	}
}
