package main

import (
	"casebot/bot/cases"
)

// ledgerCase is a minimal case against one agency.
func ledgerCase(number, agency string) *cases.Case {
	n := cases.MustParseNumber(number)
	return &cases.Case{Number: n.String(), Kind: n.Kind(), Stage: n.Stage(),
		Plaintiffs: []cases.Party{cases.NewParty("张三")}, Defendants: []string{agency}, Cause: "行政处罚"}
}
