package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"casebot/bot/cases"
	"casebot/bot/redistest"
	"casebot/bot/store"
	"casebot/bot/store/storetest"
	"casebot/bot/workcal"
)

// TestStartRebuildsOutcomeIndex: serve (and demo, which starts the same
// app) on a ledger written before the 结案方式 index existed rebuilds it at
// start, so 本月败诉 counts every closed case.
func TestStartRebuildsOutcomeIndex(t *testing.T) {
	ctx := context.Background()
	rdb, k := redistest.New(t)
	st := store.New(rdb, k)
	storetest.Seed(t, st, 300, time.Date(2025, 11, 1, 0, 0, 0, 0, time.UTC), nil)
	ever, never := time.Unix(0, 0), time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)
	want, err := st.ClosedWithOutcomes(ctx, cases.Litigation, cases.DefaultLoss, ever, never)
	if err != nil || len(want) == 0 {
		t.Fatalf("seeded 败诉 cases: %d, %v", len(want), err)
	}
	// Drop the index: the ledger as an older casebot left it.
	prefix := strings.TrimSuffix(k.ClosedOutcome("", ""), ":")
	keys, err := rdb.Keys(ctx, prefix+"*").Result()
	if err != nil || len(keys) == 0 {
		t.Fatalf("index keys: %v, %v", keys, err)
	}
	if err := rdb.Del(ctx, keys...).Err(); err != nil {
		t.Fatal(err)
	}

	newTestApp(t, rdb, prefixOf(k.Pattern()), nil)

	got, err := st.ClosedWithOutcomes(ctx, cases.Litigation, cases.DefaultLoss, ever, never)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Errorf("after start: %d 败诉 cases in the index, want %d", len(got), len(want))
	}
	if ready, err := st.OutcomeIndexReady(ctx); err != nil || !ready {
		t.Errorf("OutcomeIndexReady after start = %v, %v; want true", ready, err)
	}
}

// TestStartRebuildsDeadlineIndex: serve on a ledger whose deadline index
// is missing (written before it existed, or under another work calendar)
// rebuilds it at start, so “逾期未答辩” sees every case.
func TestStartRebuildsDeadlineIndex(t *testing.T) {
	ctx := context.Background()
	rdb, k := redistest.New(t)
	st := store.New(rdb, k)
	storetest.Seed(t, st, 400, time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), storetest.WithDeadlines)
	far := workcal.MustParseDay("2100-01-01")
	want, err := st.CountDeadlines(ctx, workcal.Day{}, far)
	if err != nil || want == 0 {
		t.Fatalf("seeded open deadlines: %d, %v", want, err)
	}
	keys, err := rdb.Keys(ctx, strings.TrimSuffix(k.Deadlines(""), ":")+"*").Result()
	if err != nil || len(keys) == 0 {
		t.Fatalf("index keys: %v, %v", keys, err)
	}
	if err := rdb.Del(ctx, keys...).Err(); err != nil {
		t.Fatal(err)
	}

	ta := newTestApp(t, rdb, prefixOf(k.Pattern()), nil)

	got, err := ta.store.CountDeadlines(ctx, workcal.Day{}, far)
	if err != nil || got != want {
		t.Errorf("after start: %d open deadlines indexed, %v; want %d", got, err, want)
	}
	if ready, err := ta.store.DeadlineIndexReady(ctx); err != nil || !ready {
		t.Errorf("DeadlineIndexReady after start = %v, %v; want true", ready, err)
	}
}
