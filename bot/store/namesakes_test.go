package store_test

import (
	"context"
	"testing"

	"casebot/bot/people"
)

// TestSoleName: LookupPerson says whether nobody else in the directory has
// the person's name, follows renames and deletions, and builds the name
// index for a directory written before it existed.
func TestSoleName(t *testing.T) {
	ctx := context.Background()
	s := mustStore(t)
	sole := func(id string) bool {
		t.Helper()
		p, err := s.LookupPerson(ctx, id)
		if err != nil || p == nil {
			t.Fatalf("LookupPerson(%s) = %v, %v", id, p, err)
		}
		return p.SoleName
	}
	a := &people.Person{UserID: "liwen", Name: "李文", Role: people.Handler, Agency: "某县市场监督管理局"}
	b := &people.Person{UserID: "liwen2", Name: "李文", Role: people.Handler, Agency: "某县教育局"}
	if err := s.PutPeople(ctx, []*people.Person{a}); err != nil {
		t.Fatal(err)
	}
	if !sole("liwen") {
		t.Error("the only 李文 is not SoleName")
	}
	if err := s.PutPerson(ctx, b); err != nil {
		t.Fatal(err)
	}
	if sole("liwen") || sole("liwen2") {
		t.Error("two people named 李文, and one is SoleName")
	}
	renamed := *b
	renamed.Name = "李雯"
	if err := s.PutPerson(ctx, &renamed); err != nil {
		t.Fatal(err)
	}
	if !sole("liwen") || !sole("liwen2") {
		t.Error("after the rename each name is one person's, but SoleName is not set")
	}
	if err := s.PutPerson(ctx, b); err != nil {
		t.Fatal(err)
	}
	if err := s.DeletePerson(ctx, "liwen2"); err != nil {
		t.Fatal(err)
	}
	if !sole("liwen") {
		t.Error("the namesake was deleted, but 李文 is still not SoleName")
	}
	// A directory written before the index: its keys are gone, and the
	// first lookup builds them again.
	if err := s.PutPerson(ctx, b); err != nil {
		t.Fatal(err)
	}
	if err := s.Client().Del(ctx, s.Keys().NamePeople("李文")).Err(); err != nil {
		t.Fatal(err)
	}
	if sole("liwen") {
		t.Error("without the index, a 李文 with a namesake is SoleName")
	}
}
