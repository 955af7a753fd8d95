package store_test

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"casebot/bot/cases"
)

func TestOpenAmong(t *testing.T) {
	st := mustStore(t)
	ctx := context.Background()
	mk := func(number string, closed bool) *cases.Case {
		n := cases.MustParseNumber(number)
		c := &cases.Case{Number: n.String(), Kind: n.Kind(), Stage: n.Stage(), Defendants: []string{"某局"}}
		if closed {
			c.Closure = &cases.Closure{On: at("2025-11-01 00:00"), Method: cases.WithdrawalPermitted}
		}
		return c
	}
	if err := st.PutMany(ctx, []*cases.Case{mk("(2025)黔0115行初1号", false), mk("(2025)黔0115行初2号", true)}, nil); err != nil {
		t.Fatal(err)
	}
	got, err := st.OpenAmong(ctx, []string{"(2025)黔0115行初2号", "(2025)黔0115行初1号", "(2025)黔0115行初3号"})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]bool{false, true, false}, got); diff != "" {
		t.Errorf("(-want,+got):\n%s", diff)
	}
	if got, err := st.OpenAmong(ctx, nil); err != nil || got != nil {
		t.Errorf("no numbers: %v, %v", got, err)
	}
}
