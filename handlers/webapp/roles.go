package webapp

import (
	"casebot/bot/cases"
	"casebot/bot/people"
	"casebot/bot/scope"
)

// Who may do what on the page. The person is read from the directory on
// every request, so a change there applies at once.

// canLedger: writing the ledger (and exporting it whole, every party's
// full name included) is the bureau's: admins and the 专班 staff.
func canLedger(p *people.Person) bool { return p.Bureau() }

// canDecide: attaching decisions is for the bureau, the 普法 team (who
// write 以案说法 from them) and agency handlers (承办人, who receive the
// judgment for their agency's case). Which cases each may attach to is
// the scope rule (canAttach).
func canDecide(p *people.Person) bool {
	if p == nil {
		return false
	}
	switch p.Role {
	case people.Admin, people.Staff, people.Pufa, people.Handler:
		return true
	}
	return false
}

// canAttach: a decision goes to a case the person may see (scope.CanSee:
// the bureau every case, handlers their agency's, 普法 closed ones).
func canAttach(pol scope.Policy, p *people.Person, c *cases.Case) bool {
	return canDecide(p) && pol.CanSee(p, c)
}

// canExportDraft: reviewed 以案说法 go out to the 普法 team and the bureau,
// as the chat's review commands allow.
func canExportDraft(p *people.Person) bool {
	return p != nil && (p.Role == people.Pufa || p.Bureau())
}
