package store_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"casebot/bot/cases"
)

// TestSuggestionIndex: the index follows writes (a suggestion added, one
// of two removed, the case deleted), answers by kind and received day, and
// a ledger written before it gets it rebuilt once.
func TestSuggestionIndex(t *testing.T) {
	ctx := context.Background()
	s := mustStore(t)
	got := func(from, to string, kinds ...cases.SuggestionKind) []string {
		t.Helper()
		var f, e = ever, never
		if from != "" {
			f, e = at(from), at(to)
		}
		ns, err := s.SuggestedNumbers(ctx, f, e, kinds...)
		if err != nil {
			t.Fatal(err)
		}
		return ns
	}
	a, b, c := sampleCase("(2025)黔0115行初1号"), sampleCase("(2025)黔0115行初2号"), sampleCase("(2025)黔0115行初3号")
	a.Suggestions = []cases.Suggestion{{Kind: cases.JudicialSuggestion, ReceivedOn: at("2025-11-03 00:00")}}
	b.Suggestions = []cases.Suggestion{
		{Kind: cases.ProcuratorialSuggestion, ReceivedOn: at("2025-10-20 00:00")},
		{Kind: cases.JudicialSuggestion, ReceivedOn: at("2025-11-10 00:00")},
	}
	if err := s.PutMany(ctx, []*cases.Case{a, b, c}, nil); err != nil {
		t.Fatal(err)
	}
	if g := got("", ""); !slices.Equal(g, []string{b.Number, a.Number}) {
		t.Errorf("every suggestion: %v, want 行初2 (10-20) then 行初1", g)
	}
	if g := got("2025-11-01 00:00", "2025-12-01 00:00", cases.JudicialSuggestion); !slices.Equal(g, []string{a.Number, b.Number}) {
		t.Errorf("司法建议 in November: %v", g)
	}
	if g := got("2025-11-01 00:00", "2025-12-01 00:00", cases.ProcuratorialSuggestion); len(g) != 0 {
		t.Errorf("检察建议 in November: %v, want none (received in October)", g)
	}

	b2 := b.Clone()
	b2.Suggestions = b2.Suggestions[1:] // the 检察建议 was entered by mistake
	if err := s.PutMany(ctx, []*cases.Case{b2}, nil); err != nil {
		t.Fatal(err)
	}
	if g := got("", "", cases.ProcuratorialSuggestion); len(g) != 0 {
		t.Errorf("检察建议 after its removal: %v", g)
	}
	if err := s.Delete(ctx, a.Number); err != nil {
		t.Fatal(err)
	}
	if g := got("", ""); !slices.Equal(g, []string{b.Number}) {
		t.Errorf("after deleting 行初1: %v", g)
	}

	// A ledger written before the index: drop it, rebuild once.
	rdb := s.Client()
	prefix := strings.TrimSuffix(s.Keys().Suggested(""), ":")
	iter := rdb.Scan(ctx, 0, prefix+"*", 100).Iterator()
	for iter.Next(ctx) {
		if err := rdb.Del(ctx, iter.Val()).Err(); err != nil {
			t.Fatal(err)
		}
	}
	if g := got("", ""); len(g) != 0 {
		t.Fatalf("index still answers after the drop: %v", g)
	}
	if n, err := s.ReindexSuggestions(ctx); err != nil || n != 1 {
		t.Fatalf("ReindexSuggestions = %d, %v; want 1 case", n, err)
	}
	if g := got("", ""); !slices.Equal(g, []string{b.Number}) {
		t.Errorf("after the rebuild: %v", g)
	}
	if n, err := s.ReindexSuggestions(ctx); err != nil || n != 0 {
		t.Errorf("second ReindexSuggestions = %d, %v; want 0 (marker set)", n, err)
	}
}
