package handlers

import (
	"context"
	"testing"

	"casebot/bot/cases"
	"casebot/bot/people"
)

// TestRouteNonesAreClaims: the nones of the routes outside the question
// reader (我的待办, 重点案件) are claims the checker verifies, and the
// checker rejects them over a ledger where they would be false.
func TestRouteNonesAreClaims(t *testing.T) {
	e := newCorpusEnv(t, nil)
	ctx := context.Background()
	head := &people.Person{UserID: "heping", Name: "何平", Role: people.Head, Agency: "某县人民政府"}
	staff := &people.Person{UserID: "liuyang", Name: "刘洋", Role: people.Staff}
	for _, tc := range []struct {
		p    *people.Person
		text string
	}{{head, "我的待办"}, {staff, "重点案件有哪些"}} {
		e.answers = nil
		e.send(corpusEntry{user: tc.p.UserID, text: tc.text})
		if len(e.answers) == 0 || len(e.answers[len(e.answers)-1].a.claims) == 0 {
			t.Fatalf("%s %s: the none carries no claim", tc.p.UserID, tc.text)
		}
		for _, cl := range e.answers[len(e.answers)-1].a.claims {
			if err := e.checkClaim(tc.p, cl); err != nil {
				t.Errorf("%s %s: %q: %v", tc.p.UserID, tc.text, cl.Text, err)
			}
		}
	}
	// Flag an open case: the key-cases none is now false.
	n := e.refs["行初117"]
	c, err := e.st.Get(ctx, n)
	if err != nil || c == nil {
		t.Fatalf("get %s: %v", n, err)
	}
	c.Risk = &cases.Risk{}
	if err := e.st.PutMany(ctx, []*cases.Case{c}, nil); err != nil {
		t.Fatal(err)
	}
	if err := e.checkClaim(staff, claim{Text: "目前没有标记为败诉风险的重点案件", What: claimRisk}); err == nil {
		t.Errorf("the checker accepts a key-cases none with %s flagged", n)
	}
}
