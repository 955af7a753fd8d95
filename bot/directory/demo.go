package directory

import (
	"fmt"

	"casebot/bot/people"
)

// DemoPeople is a fictional directory for the demo and its sandbox page:
// one admin, one staff member and one 普法 member, and a head and a
// handler for each agency given (the ledger's defendants), so that every
// scope can be tried. The userids say who they are: admin, staff, pufa,
// head1, handler1, head2...
func DemoPeople(agencies []string) []*people.Person {
	ps := []*people.Person{
		{UserID: "admin", Name: "李管理", Role: people.Admin, Post: "科长"},
		{UserID: "staff", Name: "陈专班", Role: people.Staff, Post: "应诉专班"},
		{UserID: "pufa", Name: "赵普法", Role: people.Pufa},
	}
	for i, a := range agencies {
		ps = append(ps,
			&people.Person{UserID: fmt.Sprintf("head%d", i+1), Name: fmt.Sprintf("负责人%d", i+1), Role: people.Head, Agency: a, Post: "局长"},
			&people.Person{UserID: fmt.Sprintf("handler%d", i+1), Name: fmt.Sprintf("承办人%d", i+1), Role: people.Handler, Agency: a})
	}
	return ps
}
