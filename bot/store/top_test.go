package store_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"casebot/bot/cases"
	"casebot/bot/redistest"
	"casebot/bot/store"
)

// TestNewestFirstTopAndOpenCount: over a ledger large enough for the walk
// and the cached open set, NewestFirstTop is exactly the head of
// NewestFirst (ties by number, undated cases last, duplicates once) and
// counts distinct numbers; CountOpenAmong agrees with OpenAmong; and a
// case closed or reopened afterwards is seen at once (the cache follows
// the ledger version).
func TestNewestFirstTopAndOpenCount(t *testing.T) {
	rdb, k := redistest.New(t)
	s := store.New(rdb, k)
	ctx := context.Background()
	cs, numbers := filedCases(12000, at("2020-01-01 00:00"), 4, 131, func(i int, c *cases.Case) {
		if i%3 == 0 {
			c.Closure = &cases.Closure{On: at("2025-11-01 00:00"), Method: cases.WithdrawalPermitted}
		}
	})
	if err := s.PutMany(ctx, cs, nil); err != nil {
		t.Fatal(err)
	}
	check := func(name string, in []string, limit int) {
		t.Helper()
		all, err := s.NewestFirst(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		top, total, err := s.NewestFirstTop(ctx, in, limit)
		if err != nil {
			t.Fatal(err)
		}
		if total != len(all) || !slices.Equal(top, all[:min(limit, len(all))]) {
			t.Errorf("%s: top %d of %d = %v… (total %d), want %v… (total %d)", name, limit, len(in), top[:min(3, len(top))], total, all[:min(3, len(all))], len(all))
		}
	}
	// Every other case, with duplicates: the newest are near the index's
	// top (the walk).
	var half, evens []string
	for i, n := range numbers {
		if i%2 == 0 {
			half = append(half, n, n)
			evens = append(evens, n)
		}
	}
	check("half", half, 500)
	// Only the oldest cases: the walk would pass the whole index first
	// and falls back to the scores.
	check("oldest", numbers[:6000], 500)
	// Undated ones at the end of a list that runs out of dated ones.
	var sparse []string
	for i, n := range numbers {
		if i%131 == 0 || i > 11000 {
			sparse = append(sparse, n)
		}
	}
	check("undated", sparse, 1200)
	check("short", numbers[:300], 500)

	count := func() int {
		t.Helper()
		got, err := s.CountOpenAmong(ctx, evens)
		if err != nil {
			t.Fatal(err)
		}
		is, err := s.OpenAmong(ctx, evens)
		if err != nil {
			t.Fatal(err)
		}
		want := 0
		for _, o := range is {
			if o {
				want++
			}
		}
		if got != want {
			t.Fatalf("CountOpenAmong = %d, OpenAmong says %d", got, want)
		}
		return got
	}
	before := count()
	// Close an open case of the list and reopen a closed one.
	closeIt, reopen := cs[2].Clone(), cs[0].Clone()
	closeIt.Closure = &cases.Closure{On: at("2025-12-01 00:00"), Method: cases.WithdrawalPermitted}
	reopen.Closure = nil
	if err := s.PutMany(ctx, []*cases.Case{closeIt, cs[4].Clone()}, nil); err != nil {
		t.Fatal(err)
	}
	if got := count(); got != before-1 {
		t.Errorf("after closing one: %d open, want %d", got, before-1)
	}
	if err := s.PutMany(ctx, []*cases.Case{reopen}, nil); err != nil {
		t.Fatal(err)
	}
	if got := count(); got != before {
		t.Errorf("after reopening one: %d open, want %d", got, before)
	}
	open, err := s.OpenNumbers(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(open, reopen.Number) || slices.Contains(open, closeIt.Number) {
		t.Errorf("OpenNumbers does not follow the ledger: reopened %v, closed %v", slices.Contains(open, reopen.Number), slices.Contains(open, closeIt.Number))
	}
}

// filedCases makes n cases (2025)黔0115行初1号… filed perDay a day from
// base (ties broken by the number), every undatedEvery-th one filed on no
// date, each then changed by tweak; and their numbers, in order.
func filedCases(n int, base time.Time, perDay, undatedEvery int, tweak func(i int, c *cases.Case)) ([]*cases.Case, []string) {
	var cs []*cases.Case
	var numbers []string
	for i := range n {
		c := sampleCase(fmt.Sprintf("（2025）黔0115行初%d号", i+1))
		c.FiledOn = base.AddDate(0, 0, i/perDay)
		if i%undatedEvery == 0 {
			c.FiledOn = time.Time{} // filed on no date
		}
		tweak(i, c)
		cs = append(cs, c)
		numbers = append(numbers, c.Number)
	}
	return cs, numbers
}
