package store_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"casebot/bot/cases"
	"casebot/bot/store"
	"casebot/bot/store/storetest"
)

var (
	ever  = at("2000-01-01 00:00")
	never = at("2100-01-01 00:00")
)

// closedWith is ClosedWithOutcomes, checked against its count variant.
func closedWith(t *testing.T, s *store.Store, kind cases.Kind, outcomes []cases.Outcome, from, to time.Time) []string {
	t.Helper()
	ctx := context.Background()
	got, err := s.ClosedWithOutcomes(ctx, kind, outcomes, from, to)
	if err != nil {
		t.Fatal(err)
	}
	n, err := s.CountClosedWithOutcomes(ctx, kind, outcomes, from, to)
	if err != nil {
		t.Fatal(err)
	}
	if int(n) != len(got) {
		t.Errorf("CountClosedWithOutcomes(%s, %v) = %d, ClosedWithOutcomes returned %d", kind, outcomes, n, len(got))
	}
	return got
}

// checkOutcomeIndex compares the whole 结案方式 index with what the stored
// cases say, outcome by outcome, for every kind.
func checkOutcomeIndex(t *testing.T, s *store.Store) {
	t.Helper()
	want := map[cases.Kind]map[cases.Outcome][]string{}
	err := s.EachCase(context.Background(), 500, func(cs []*cases.Case) error {
		for _, c := range cs {
			if c.Open() {
				continue
			}
			o, err := cases.ParseOutcome(c.Kind, string(c.Closure.Method))
			if err != nil {
				return err
			}
			if want[c.Kind] == nil {
				want[c.Kind] = map[cases.Outcome][]string{}
			}
			want[c.Kind][o] = append(want[c.Kind][o], c.Number)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, kind := range cases.Kinds {
		for _, o := range cases.Outcomes(kind) {
			w := want[kind][o]
			slices.Sort(w)
			got := closedWith(t, s, kind, []cases.Outcome{o}, ever, never)
			slices.Sort(got)
			if diff := cmp.Diff(w, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("index %s/%s (-want,+got):\n%s", kind, o, diff)
			}
		}
	}
}

func closeCase(c *cases.Case, on string, method cases.Outcome) *cases.Case {
	c.Closure = &cases.Closure{On: at(on), Method: method}
	return c
}

func TestOutcomeIndexFollowsWrites(t *testing.T) {
	ctx := context.Background()
	s := mustStore(t)
	nov, dec := at("2025-11-01 00:00"), at("2025-12-01 00:00")
	lost := func() []string {
		t.Helper()
		return closedWith(t, s, cases.Litigation, cases.DefaultLoss, nov, dec)
	}

	// Create: a 败诉 case, an open one, and 调解 in a lawsuit and in a
	// reconsideration, which must not be confused.
	a := closeCase(sampleCase("(2025)黔0115行初1号"), "2025-11-10 00:00", cases.JudgmentRevoke)
	b := sampleCase("(2025)黔0115行初2号")
	d := closeCase(sampleCase("(2025)黔0115行初4号"), "2025-11-05 00:00", cases.Mediation)
	r := closeCase(sampleCase("某府复〔2025〕3号"), "2025-11-05 00:00", cases.ReconMediation)
	early := closeCase(sampleCase("(2025)黔0115行初5号"), "2025-11-03 00:00", cases.JudgmentIllegal)
	late := closeCase(sampleCase("(2025)黔0115行初6号"), "2025-12-01 00:00", cases.JudgmentIllegal) // outside [nov, dec)
	if err := s.PutMany(ctx, []*cases.Case{a, b, d, r, early, late}, nil); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{early.Number, a.Number}, lost()); diff != "" {
		t.Errorf("败诉 in November, oldest first (-want,+got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{d.Number}, closedWith(t, s, cases.Litigation, []cases.Outcome{cases.Mediation}, ever, never)); diff != "" {
		t.Errorf("litigation 调解 (-want,+got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{r.Number}, closedWith(t, s, cases.Reconsideration, []cases.Outcome{cases.ReconMediation}, ever, never)); diff != "" {
		t.Errorf("reconsideration 调解 (-want,+got):\n%s", diff)
	}
	checkOutcomeIndex(t, s)

	// Outcome change: a leaves 判决撤销 for 判决驳回诉讼请求.
	if _, err := s.Update(ctx, a.Number, func(c *cases.Case) error {
		c.Closure.Method = cases.JudgmentDismissClaims
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{early.Number}, lost()); diff != "" {
		t.Errorf("after the outcome change (-want,+got):\n%s", diff)
	}
	checkOutcomeIndex(t, s)

	// Reopen: the closure is removed, so is the entry.
	if _, err := s.Update(ctx, early.Number, func(c *cases.Case) error {
		c.Closure = nil
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if got := lost(); len(got) != 0 {
		t.Errorf("after reopening: 败诉 = %v, want none", got)
	}
	checkOutcomeIndex(t, s)

	// Close with an alias: indexed under the vocabulary word.
	if _, err := s.Update(ctx, b.Number, func(c *cases.Case) error {
		c.Closure = &cases.Closure{On: at("2025-11-20 00:00"), Method: "撤诉"}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{b.Number}, closedWith(t, s, cases.Litigation, []cases.Outcome{cases.WithdrawalPermitted}, nov, dec)); diff != "" {
		t.Errorf("closed as 撤诉 (-want,+got):\n%s", diff)
	}
	checkOutcomeIndex(t, s)

	// Closing date moved: the score follows.
	if _, err := s.Update(ctx, late.Number, func(c *cases.Case) error {
		c.Closure.On = at("2025-11-30 23:59")
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{late.Number}, lost()); diff != "" {
		t.Errorf("after moving the closing date (-want,+got):\n%s", diff)
	}

	// Delete.
	if err := s.Delete(ctx, d.Number); err != nil {
		t.Fatal(err)
	}
	if got := closedWith(t, s, cases.Litigation, []cases.Outcome{cases.Mediation}, ever, never); len(got) != 0 {
		t.Errorf("after delete: 调解 = %v, want none", got)
	}
	checkOutcomeIndex(t, s)
}

func TestOutcomeIndexUndo(t *testing.T) {
	ctx := context.Background()
	s := mustStore(t)
	a := sampleCase("(2025)黔0115行初1号") // open
	b := closeCase(sampleCase("(2025)黔0115行初2号"), "2025-11-03 00:00", cases.JudgmentPay)
	if err := s.PutMany(ctx, []*cases.Case{a, b}, nil); err != nil {
		t.Fatal(err)
	}
	before := closedWith(t, s, cases.Litigation, cases.DefaultLoss, ever, never)

	// An import closes a, changes b's outcome and creates c; undo restores
	// all three.
	a2 := closeCase(a.Clone(), "2025-11-04 00:00", cases.JudgmentRevoke)
	b2 := b.Clone()
	b2.Closure.Method = cases.WithdrawalPermitted
	c := closeCase(sampleCase("(2025)黔0115行初3号"), "2025-11-05 00:00", cases.JudgmentVoid)
	if err := s.PutMany(ctx, []*cases.Case{a2, b2, c}, &store.Snapshot{ID: "imp1", At: at("2025-11-20 10:00")}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{a.Number, c.Number}, closedWith(t, s, cases.Litigation, cases.DefaultLoss, ever, never)); diff != "" {
		t.Errorf("after the import (-want,+got):\n%s", diff)
	}
	checkOutcomeIndex(t, s)
	if _, err := s.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(before, closedWith(t, s, cases.Litigation, cases.DefaultLoss, ever, never)); diff != "" {
		t.Errorf("after undo (-want,+got):\n%s", diff)
	}
	checkOutcomeIndex(t, s)
}

// TestOutcomeIndexLargeBatch writes and rewrites a batch larger than the
// one whose keys are WATCHed one by one (the import path).
func TestOutcomeIndexLargeBatch(t *testing.T) {
	ctx := context.Background()
	s := mustStore(t)
	base := at("2025-11-01 00:00")
	storetest.Seed(t, s, 600, base, nil)
	checkOutcomeIndex(t, s)
	var cs []*cases.Case
	for i := range 600 {
		c := storetest.Generate(i, base)
		switch {
		case c.Open():
			c.Closure = &cases.Closure{On: base, Method: cases.Outcomes(c.Kind)[0]}
		case i%2 == 0:
			c.Closure = nil
		default:
			c.Closure.Method = cases.Outcomes(c.Kind)[1]
		}
		cs = append(cs, c)
	}
	if err := s.PutMany(ctx, cs, nil); err != nil {
		t.Fatal(err)
	}
	checkOutcomeIndex(t, s)
}

func TestReindexOutcomes(t *testing.T) {
	ctx := context.Background()
	s := mustStore(t)
	const n = 450 // more than two rebuild batches
	storetest.Seed(t, s, n, at("2025-11-01 00:00"), nil)

	// A ledger written before the index: drop every index set.
	rdb := s.Client()
	prefix := strings.TrimSuffix(s.Keys().ClosedOutcome("", ""), ":") // "…:idx:closed-outcome:"
	dropped := 0
	iter := rdb.Scan(ctx, 0, prefix+"*", 1000).Iterator()
	for iter.Next(ctx) {
		if err := rdb.Del(ctx, iter.Val()).Err(); err != nil {
			t.Fatal(err)
		}
		dropped++
	}
	if err := iter.Err(); err != nil {
		t.Fatal(err)
	}
	if dropped == 0 {
		t.Fatal("no index set to drop: the seed wrote none")
	}
	if got := closedWith(t, s, cases.Litigation, cases.DefaultLoss, ever, never); len(got) != 0 {
		t.Fatalf("index still answers after the drop: %d cases", len(got))
	}
	if ready, err := s.OutcomeIndexReady(ctx); err != nil || ready {
		t.Fatalf("OutcomeIndexReady before the rebuild = %v, %v; want false", ready, err)
	}

	indexed, err := s.ReindexOutcomes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	closed, err := s.CountClosed(ctx, ever, never)
	if err != nil {
		t.Fatal(err)
	}
	if int64(indexed) != closed || closed == 0 {
		t.Errorf("ReindexOutcomes indexed %d cases, the ledger has %d closed", indexed, closed)
	}
	checkOutcomeIndex(t, s)
	if ready, err := s.OutcomeIndexReady(ctx); err != nil || !ready {
		t.Errorf("OutcomeIndexReady after the rebuild = %v, %v; want true", ready, err)
	}
	if again, err := s.ReindexOutcomes(ctx); err != nil || again != 0 {
		t.Errorf("second ReindexOutcomes = %d, %v; want 0 (marker set)", again, err)
	}
}

// TestInAgency: membership in an agency's index, including a case filed on
// no date (scored 0 there) and numbers no case has.
func TestInAgency(t *testing.T) {
	ctx := context.Background()
	s := mustStore(t)
	a := sampleCase("(2025)黔0115行初1号")
	a.FiledOn = time.Time{}
	b := sampleCase("(2025)黔0115行初2号")
	b.Defendants = []string{"某县公安局", "某县市场监督管理局"}
	c := sampleCase("(2025)黔0115行初3号")
	c.Defendants = []string{"某县公安局"}
	if err := s.PutMany(ctx, []*cases.Case{a, b, c}, nil); err != nil {
		t.Fatal(err)
	}
	got, err := s.InAgency(ctx, "某县市场监督管理局", []string{c.Number, a.Number, "(2025)黔0115行初9号", b.Number})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]bool{false, true, false, true}, got); diff != "" {
		t.Errorf("InAgency (-want,+got):\n%s", diff)
	}
	if got, err := s.InAgency(ctx, "某县市场监督管理局", nil); err != nil || len(got) != 0 {
		t.Errorf("InAgency(nil) = %v, %v", got, err)
	}
}

// BenchmarkReindexOutcomes measures the one-time rebuild of the 结案方式
// index at start over a ledger of 1M generated cases (about 600k closed):
//
//	go test ./bot/store -run '^$' -bench BenchmarkReindexOutcomes -benchtime 1x -timeout 30m
//
// Each iteration drops the marker and the index sets first (not timed).
func BenchmarkReindexOutcomes(b *testing.B) {
	ctx := context.Background()
	s := mustStore(b)
	storetest.Seed(b, s, 1_000_000, at("2025-11-01 00:00"), nil)
	rdb := s.Client()
	prefix := strings.TrimSuffix(s.Keys().ClosedOutcome("", ""), ":")
	for b.Loop() {
		b.StopTimer()
		keys, err := rdb.Keys(ctx, prefix+"*").Result()
		if err != nil {
			b.Fatal(err)
		}
		if len(keys) > 0 {
			if err := rdb.Del(ctx, keys...).Err(); err != nil {
				b.Fatal(err)
			}
		}
		b.StartTimer()
		n, err := s.ReindexOutcomes(ctx)
		if err != nil || n == 0 {
			b.Fatalf("ReindexOutcomes = %d, %v", n, err)
		}
		b.ReportMetric(float64(n), "closed_cases")
	}
}
