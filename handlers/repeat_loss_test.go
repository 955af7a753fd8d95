package handlers

import (
	"context"
	"strings"
	"testing"

	"casebot/bot/cases"
	"casebot/bot/people"
)

// TestRepeatLossAnswer: with an earlier loss of the same agency in the same
// 案由 (the demo's 行初79 made a 判决撤销), 再次败诉的有没有 names 行初85 with
// its earlier case, and nothing else; the checker's own brute force agrees,
// and it would catch a none said over this ledger.
func TestRepeatLossAnswer(t *testing.T) {
	e := newCorpusEnv(t, nil)
	ctx := context.Background()
	n79, n85, n61 := e.refs["行初79"], e.refs["行初85"], e.refs["行初61"]
	c, err := e.st.Get(ctx, n79)
	if err != nil || c == nil {
		t.Fatalf("get %s: %v", n79, err)
	}
	c.Closure.Method = cases.JudgmentRevoke
	if err := e.st.PutMany(ctx, []*cases.Case{c}, nil); err != nil {
		t.Fatal(err)
	}
	replies, _ := e.send(corpusEntry{user: "liuyang", text: "今年有没有同一单位同样案由又输的"})
	all := strings.Join(replies, "\n")
	if !strings.Contains(all, n85) || !strings.Contains(all, "前案 "+n79) || strings.Contains(all, n61) || strings.Contains(all, "0 件") {
		t.Fatalf("want %s with its earlier %s and no other case, got:\n%s", n85, n79, all)
	}
	staff := &people.Person{UserID: "liuyang", Role: people.Staff}
	a := e.answers[len(e.answers)-1].a
	for _, cl := range a.claims {
		if err := e.checkClaim(staff, cl); err != nil {
			t.Errorf("claim %q: %v", cl.Text, err)
		}
	}
	none := claim{Text: "2026年再次败诉的案件：0 件。", What: claimRepeat, Q: query{From: c.Closure.On.AddDate(0, -11, 0)}}
	if err := e.checkClaim(staff, none); err == nil {
		t.Errorf("the checker let a false none of repeat losses pass")
	}
}
