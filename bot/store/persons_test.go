package store_test

import (
	"context"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"casebot/bot/cases"
	"casebot/bot/store"
)

// TestPersonIndex: the 承办人 and each hearing's 出庭负责人 are indexed with
// the case, follow edits and deletion, and a ledger written before the
// index gets it from Reindex once.
func TestPersonIndex(t *testing.T) {
	ctx := context.Background()
	s := mustStore(t)
	a := sampleCase("(2025)黔0115行初1号")
	a.Handler = "钱坤"
	a.AddHearing(cases.Hearing{At: at("2025-12-01 09:30"), Head: "林涛"})
	b := sampleCase("(2025)黔0115行初2号")
	b.Handler = "林涛"
	if err := s.PutMany(ctx, []*cases.Case{a, b}, nil); err != nil {
		t.Fatal(err)
	}
	numbers := func(name string) []string {
		t.Helper()
		ns, err := s.PersonNumbers(ctx, name)
		if err != nil {
			t.Fatal(err)
		}
		slices.Sort(ns)
		return ns
	}
	if diff := cmp.Diff([]string{a.Number, b.Number}, numbers("林涛")); diff != "" {
		t.Errorf("林涛 (-want,+got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{a.Number}, numbers("钱坤")); diff != "" {
		t.Errorf("钱坤 (-want,+got):\n%s", diff)
	}
	hits, err := s.NamesWithPrefixes(ctx, []string{"林涛", "钱", "张"}, 5)
	if err != nil {
		t.Fatal(err)
	}
	var parties, persons [][]string
	for _, h := range hits {
		parties, persons = append(parties, h.Parties), append(persons, h.Persons)
	}
	if diff := cmp.Diff([][]string{{"林涛"}, {"钱坤"}, nil}, persons); diff != "" {
		t.Errorf("person names by prefix (-want,+got):\n%s", diff)
	}
	if len(parties[2]) == 0 {
		t.Errorf("party names by prefix 张: none, the sample case has a plaintiff 张…: %v", parties)
	}

	// A new handler and a cancelled hearing leave the old names.
	if _, err := s.Update(ctx, a.Number, func(c *cases.Case) error {
		c.Handler = "赵磊"
		for i := range c.Hearings {
			c.Hearings[i].Cancelled = c.Hearings[i].Head == "林涛"
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if got := numbers("钱坤"); len(got) != 0 {
		t.Errorf("钱坤 after the change = %v, want none", got)
	}
	if diff := cmp.Diff([]string{b.Number}, numbers("林涛")); diff != "" {
		t.Errorf("林涛 after the change (-want,+got):\n%s", diff)
	}
	if err := s.Delete(ctx, b.Number); err != nil {
		t.Fatal(err)
	}
	if got := numbers("林涛"); len(got) != 0 {
		t.Errorf("林涛 after the delete = %v, want none", got)
	}
	if hits, _ := s.NamesWithPrefixes(ctx, []string{"林"}, 5); len(hits[0].Persons) != 0 {
		t.Errorf("a name without cases is still offered: %v", hits[0].Persons)
	}

	// A ledger written before the index: drop it, rebuild once.
	rdb := s.Client()
	for _, k := range []string{s.Keys().PersonCases("赵磊"), s.Keys().PersonNames(), s.Keys().PersonIndexVersion()} {
		if err := rdb.Del(ctx, k).Err(); err != nil {
			t.Fatal(err)
		}
	}
	if n, err := s.Reindex(ctx); err != nil || n != 1 {
		t.Fatalf("Reindex = %d, %v; want the one case naming someone", n, err)
	}
	if diff := cmp.Diff([]string{a.Number}, numbers("赵磊")); diff != "" {
		t.Errorf("赵磊 after the rebuild (-want,+got):\n%s", diff)
	}
	if n, err := s.Reindex(ctx); err != nil || n != 0 {
		t.Errorf("second Reindex = %d, %v; want 0 (markers set)", n, err)
	}
}

// TestPartyStems: an organisation plaintiff is found by the words people
// shorten it to (建材, 某某建材, 物业), with its name; a natural person has
// no stems; a ledger written before the stems gets them from Reindex once.
func TestPartyStems(t *testing.T) {
	ctx := context.Background()
	s := mustStore(t)
	a := sampleCase("(2025)黔0115行初1号")
	a.Plaintiffs = []cases.Party{cases.NewParty("某某建材有限公司"), cases.NewParty("李四")}
	b := sampleCase("(2025)黔0115行初2号")
	b.Plaintiffs = []cases.Party{cases.NewParty("某某物业管理有限公司")}
	if err := s.PutMany(ctx, []*cases.Case{a, b}, nil); err != nil {
		t.Fatal(err)
	}
	stems := func(prefix string) []store.PartyStem {
		t.Helper()
		hits, err := s.NamesWithPrefixes(ctx, []string{prefix}, 20)
		if err != nil {
			t.Fatal(err)
		}
		return hits[0].Stems
	}
	if diff := cmp.Diff([]store.PartyStem{{"建材", "某某建材有限公司"}}, stems("建材")); diff != "" {
		t.Errorf("stems 建材 (-want,+got):\n%s", diff)
	}
	if got := stems("物业"); !slices.Contains(got, store.PartyStem{Stem: "物业", Name: "某某物业管理有限公司"}) {
		t.Errorf("stems 物业 = %v, want 物业 → 某某物业管理有限公司", got)
	}
	if got := stems("有限"); len(got) != 0 {
		t.Errorf("stems 有限 = %v: the legal form is no stem", got)
	}
	if got := stems("李四"); len(got) != 0 {
		t.Errorf("stems 李四 = %v: a natural person has none", got)
	}
	// The party renamed: its old stems are no longer offered.
	if _, err := s.Update(ctx, b.Number, func(c *cases.Case) error {
		c.Plaintiffs = []cases.Party{cases.NewParty("王五")}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if got := stems("物业"); len(got) != 0 {
		t.Errorf("stems 物业 after the rename = %v, want none", got)
	}
	rdb := s.Client()
	if err := rdb.Del(ctx, s.Keys().PartyStems(), s.Keys().PartyStemIndexVersion()).Err(); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ReindexPartyStems(ctx); err != nil {
		t.Fatal(err)
	}
	if got := stems("建材"); len(got) != 1 {
		t.Errorf("stems 建材 after the rebuild = %v", got)
	}
	if n, err := s.ReindexPartyStems(ctx); err != nil || n != 0 {
		t.Errorf("second ReindexPartyStems = %d, %v; want 0 (marker set)", n, err)
	}
}
