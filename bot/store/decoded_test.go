package store_test

import (
	"context"
	"testing"

	"casebot/bot/cases"
)

// TestDecodedCasesAreNotShared pins what the decoded-case cache must keep:
// a case a caller changes is not what the next reader gets, and a case
// written since is read as written, by every read path.
func TestDecodedCasesAreNotShared(t *testing.T) {
	ctx := context.Background()
	s := mustStore(t)
	c := sampleCase("(2025)黔0115行初1号")
	if err := s.Put(ctx, c); err != nil {
		t.Fatal(err)
	}
	first, err := s.Get(ctx, c.Number)
	if err != nil {
		t.Fatal(err)
	}
	first.Cause = "改过的案由"
	first.Hearings[0].Place = "改过的法庭"
	first.Plaintiffs[0].Name = "改过的原告"
	many, err := s.GetMany(ctx, []string{c.Number})
	if err != nil {
		t.Fatal(err)
	}
	for _, got := range append(many, mustGet(t, s, c.Number)) {
		if got.Cause != c.Cause || got.Hearings[0].Place != c.Hearings[0].Place || got.Plaintiffs[0].Name != c.Plaintiffs[0].Name {
			t.Fatalf("a caller's change reached the next read: %+v", got)
		}
	}
	c.Cause = "政府信息公开"
	if err := s.Put(ctx, c); err != nil {
		t.Fatal(err)
	}
	if got := mustGet(t, s, c.Number); got.Cause != "政府信息公开" {
		t.Fatalf("after a write, read %q", got.Cause)
	}
}

func mustGet(t *testing.T, s interface {
	Get(context.Context, string) (*cases.Case, error)
}, number string) *cases.Case {
	t.Helper()
	c, err := s.Get(context.Background(), number)
	if err != nil {
		t.Fatal(err)
	}
	return c
}
