package store_test

import (
	"fmt"
	"testing"

	"casebot/bot/cases"
)

// TestLargeBatchSeesConcurrentWrites: a batch too large to WATCH case by
// case watches the ledger version instead; a case written by someone else
// between the batch's read and its commit must still make it read again.
func TestLargeBatchSeesConcurrentWrites(t *testing.T) {
	for _, size := range []int{10, 1000} { // below and above maxWatchKeys
		t.Run(fmt.Sprint(size), func(t *testing.T) {
			s := mustStore(t)
			ctx := t.Context()
			numbers := make([]string, size)
			for i := range numbers {
				numbers[i] = fmt.Sprintf("(2025)黔0115行初%d号", i+1)
			}
			target := numbers[size/2]
			if err := s.Put(ctx, sampleCase(target)); err != nil {
				t.Fatal(err)
			}
			calls := 0
			var seen []string
			err := s.PutManyFunc(ctx, numbers, func(olds []*cases.Case) ([]*cases.Case, error) {
				calls++
				seen = append(seen, olds[size/2].Cause)
				if calls == 1 {
					// Another writer changes the case meanwhile.
					if _, err := s.Update(ctx, target, func(c *cases.Case) error { c.Cause = "行政许可"; return nil }); err != nil {
						return nil, err
					}
				}
				c := olds[size/2].Clone()
				c.Note = "batch"
				return []*cases.Case{c}, nil
			}, nil)
			if err != nil {
				t.Fatal(err)
			}
			if calls != 2 || seen[1] != "行政许可" {
				t.Fatalf("build called %d times, saw causes %v; want a second call seeing the concurrent write", calls, seen)
			}
			c, _ := s.Get(ctx, target)
			if c.Cause != "行政许可" || c.Note != "batch" {
				t.Errorf("stored cause %q note %q: the concurrent write was lost", c.Cause, c.Note)
			}
		})
	}
}
