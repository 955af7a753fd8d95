package store_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"casebot/bot/cases"
	"casebot/bot/redistest"
	"casebot/bot/store"
)

// TestNewestFirstAndInAgencyOverLongLists: over lists of an agency's
// hundreds of cases NewestFirst orders newest filing first, equal dates
// the greater number first, undated cases last, each number once (its
// scores read in several ZMSCOREs), and InAgency, reading the agency's
// index whole, answers as the short path does, number by number.
func TestNewestFirstAndInAgencyOverLongLists(t *testing.T) {
	rdb, k := redistest.New(t)
	s := store.New(rdb, k)
	ctx := context.Background()
	// Three cases a day: ties are broken by the number.
	cs, numbers := filedCases(620, at("2024-01-01 00:00"), 3, 97, func(i int, c *cases.Case) {
		if i%10 == 9 {
			c.Defendants = []string{"某县公安局"}
		}
	})
	if err := s.PutMany(ctx, cs, nil); err != nil {
		t.Fatal(err)
	}
	// Shuffled, with a duplicate and a number the ledger lacks.
	in := append([]string(nil), numbers...)
	for i := range in {
		j := (i * 7919) % len(in)
		in[i], in[j] = in[j], in[i]
	}
	in = append(in, numbers[5], "(2025)黔0115行初9999号")

	long, err := s.NewestFirst(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	// The short path, a slice at a time, merged by the same rule.
	want := expectedOrder(cs, append(numbers, "(2025)黔0115行初9999号"))
	if !slices.Equal(long, want) {
		t.Fatalf("long list order differs:\n got %v…\nwant %v…", long[:8], want[:8])
	}
	short, err := s.NewestFirst(ctx, in[:40])
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(short, expectedOrder(cs, in[:40])) {
		t.Errorf("short list order: %v", short)
	}

	agency := "某县市场监督管理局"
	gotLong, err := s.InAgency(ctx, agency, in)
	if err != nil {
		t.Fatal(err)
	}
	for i, n := range in {
		wantIn := false
		for _, c := range cs {
			if c.Number == n && c.Defendants[0] == agency {
				wantIn = true
			}
		}
		if gotLong[i] != wantIn {
			t.Fatalf("InAgency(%s) = %v, want %v", n, gotLong[i], wantIn)
		}
	}
	gotShort, err := s.InAgency(ctx, agency, in[:40])
	if err != nil || !slices.Equal(gotShort, gotLong[:40]) {
		t.Errorf("short InAgency %v %v differs from long %v", gotShort, err, gotLong[:40])
	}
}

// expectedOrder is the order NewestFirst promises, computed from the cases.
func expectedOrder(cs []*cases.Case, numbers []string) []string {
	filed := map[string]time.Time{}
	for _, c := range cs {
		filed[c.Number] = c.FiledOn
	}
	var out []string
	seen := map[string]bool{}
	for _, n := range numbers {
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	slices.SortFunc(out, func(a, b string) int {
		fa, fb := filed[a], filed[b]
		switch {
		case fa.IsZero() != fb.IsZero():
			if fa.IsZero() {
				return 1
			}
			return -1
		case !fa.Equal(fb):
			return fb.Compare(fa)
		}
		if a > b {
			return -1
		}
		if a < b {
			return 1
		}
		return 0
	})
	return out
}
