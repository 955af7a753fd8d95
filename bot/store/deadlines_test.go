package store_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/redis/go-redis/v9"

	"casebot/bot/cases"
	"casebot/bot/deadline"
	"casebot/bot/store"
	"casebot/bot/store/storetest"
	"casebot/bot/workcal"
	"casebot/config"
)

func wday(s string) workcal.Day { return workcal.MustParseDay(s) }

// checkDeadlineIndex compares the whole deadline index with what the rules
// compute from the stored cases: every open deadline indexed under its
// last day, nothing else.
func checkDeadlineIndex(t *testing.T, s *store.Store) {
	t.Helper()
	ctx := context.Background()
	var want []store.DeadlineAt
	err := s.EachCase(ctx, 500, func(cs []*cases.Case) error {
		for _, c := range cs {
			for _, d := range s.Deadlines.Open(c) {
				want = append(want, store.DeadlineAt{Number: c.Number, Kind: d.Kind, Due: d.Due})
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.DeadlineRefs(ctx, workcal.Day{}, wday("2100-01-01"))
	if err != nil {
		t.Fatal(err)
	}
	sortRefs := func(rs []store.DeadlineAt) {
		slices.SortFunc(rs, func(a, b store.DeadlineAt) int {
			return strings.Compare(fmt.Sprint(a.Kind, a.Number), fmt.Sprint(b.Kind, b.Number))
		})
	}
	sortRefs(want)
	sortRefs(got)
	if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("deadline index (-want,+got):\n%s", diff)
	}
}

func refs(t *testing.T, s *store.Store, from, to string, kinds ...deadline.Kind) []string {
	t.Helper()
	ctx := context.Background()
	var f workcal.Day
	if from != "" {
		f = wday(from)
	}
	rs, err := s.DeadlineRefs(ctx, f, wday(to), kinds...)
	if err != nil {
		t.Fatal(err)
	}
	n, err := s.CountDeadlines(ctx, f, wday(to), kinds...)
	if err != nil {
		t.Fatal(err)
	}
	if int(n) != len(rs) {
		t.Errorf("CountDeadlines = %d, DeadlineRefs returned %d", n, len(rs))
	}
	var out []string
	for _, r := range rs {
		out = append(out, fmt.Sprintf("%s %s %s", r.Due, r.Kind, r.Number))
	}
	return out
}

// TestDeadlineIndexFollowsWrites: the index follows a case from the
// receipt of the complaint to the answer, its closing, the service of the
// judgment, the appeal decision, a suggestion, an undo and a delete.
func TestDeadlineIndexFollowsWrites(t *testing.T) {
	ctx := context.Background()
	s := mustStore(t)
	a := sampleCase("(2026)黔0115行初1号")
	a.CopyReceivedOn = at("2026-12-03 00:00")
	b := sampleCase("(2026)黔0115行初2号")
	b.CopyReceivedOn = at("2025-09-20 00:00") // due 10-09 after 国庆
	r := sampleCase("某府复〔2026〕3号")
	r.FiledOn, r.CopyReceivedOn = at("2026-03-02 00:00"), at("2026-03-06 00:00")
	if err := s.PutMany(ctx, []*cases.Case{a, b, r}, nil); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"2025-10-09 answer (2026)黔0115行初2号",
		"2026-03-20 reply 某府复〔2026〕3号",
		"2026-05-06 decision 某府复〔2026〕3号",
		"2026-12-18 answer (2026)黔0115行初1号",
	}
	if diff := cmp.Diff(want, refs(t, s, "", "2100-01-01")); diff != "" {
		t.Errorf("after create (-want,+got):\n%s", diff)
	}
	if diff := cmp.Diff(want[1:3], refs(t, s, "2026-03-16", "2026-05-06")); diff != "" {
		t.Errorf("a window, both ends included (-want,+got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{want[0], want[3]}, refs(t, s, "", "2100-01-01", deadline.Answer)); diff != "" {
		t.Errorf("answers only (-want,+got):\n%s", diff)
	}

	// The answer is recorded: it leaves the index in the same write.
	if _, err := s.Update(ctx, a.Number, func(c *cases.Case) error { c.AnsweredOn = at("2026-12-10 00:00"); return nil }); err != nil {
		t.Fatal(err)
	}
	if got := refs(t, s, "", "2100-01-01", deadline.Answer); len(got) != 1 || !strings.Contains(got[0], b.Number) {
		t.Errorf("after the answer: %v", got)
	}
	// Closed by judgment and served: the answer (never recorded on b) is
	// moot, the appeal period opens.
	if _, err := s.Update(ctx, b.Number, func(c *cases.Case) error {
		c.Closure = &cases.Closure{On: at("2026-04-15 00:00"), Method: cases.JudgmentRevoke}
		c.ServedOn = at("2026-04-20 00:00")
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"2026-05-06 appeal (2026)黔0115行初2号"}, refs(t, s, "", "2100-01-01", deadline.Answer, deadline.Appeal)); diff != "" {
		t.Errorf("after closing (-want,+got):\n%s", diff)
	}
	checkDeadlineIndex(t, s)

	// The appeal is decided in an import (with an undo snapshot), then
	// undone: the appeal deadline leaves and comes back.
	snap := &store.Snapshot{ID: "s1", Source: "test"}
	appealed := true
	err := s.PutManyFunc(ctx, []string{b.Number}, func(olds []*cases.Case) ([]*cases.Case, error) {
		c := olds[0].Clone()
		c.Appealed, c.AppealNumber = &appealed, "(2026)黔01行终9号"
		return []*cases.Case{c}, nil
	}, snap)
	if err != nil {
		t.Fatal(err)
	}
	if got := refs(t, s, "", "2100-01-01", deadline.Appeal); len(got) != 0 {
		t.Errorf("after the appeal: %v", got)
	}
	if _, err := s.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	if got := refs(t, s, "", "2100-01-01", deadline.Appeal); len(got) != 1 {
		t.Errorf("after undo: %v, want the appeal back", got)
	}

	// A 检察建议 on the reconsideration; then the reconsideration is
	// deleted with everything it indexed.
	if _, err := s.Update(ctx, r.Number, func(c *cases.Case) error {
		c.Suggestions = []cases.Suggestion{{Kind: cases.ProcuratorialSuggestion, ReceivedOn: at("2026-07-31 00:00")}}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"2026-09-30 procuratorial_suggestion 某府复〔2026〕3号"}, refs(t, s, "2026-09-01", "2026-09-30")); diff != "" {
		t.Errorf("the suggestion (-want,+got):\n%s", diff)
	}
	checkDeadlineIndex(t, s)
	if err := s.Delete(ctx, r.Number); err != nil {
		t.Fatal(err)
	}
	if got := refs(t, s, "", "2100-01-01"); len(got) != 1 {
		t.Errorf("after delete: %v, want b's appeal only", got)
	}
	checkDeadlineIndex(t, s)
}

// TestDeadlinesBetweenAndOverdue: the queries with cases, what a sweep or
// "本周到期" reads.
func TestDeadlinesBetweenAndOverdue(t *testing.T) {
	ctx := context.Background()
	s := mustStore(t)
	var cs []*cases.Case
	for i, received := range []string{"2026-11-20", "2026-11-27", "2026-12-01", "2026-12-03", "2026-12-10"} {
		c := sampleCase(fmt.Sprintf("(2026)黔0115行初%d号", i+1))
		c.CopyReceivedOn = at(received + " 00:00")
		cs = append(cs, c)
	}
	if err := s.PutMany(ctx, cs, nil); err != nil {
		t.Fatal(err)
	}
	// Due: 12-07, 12-14, 12-16, 12-18, 12-25. The week of 12-14.
	week, err := s.DeadlinesBetween(ctx, wday("2026-12-14"), wday("2026-12-20"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range week {
		got = append(got, d.Case.Number+" "+d.Deadline.Due.String())
	}
	want := []string{"(2026)黔0115行初2号 2026-12-14", "(2026)黔0115行初3号 2026-12-16", "(2026)黔0115行初4号 2026-12-18"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("this week (-want,+got):\n%s", diff)
	}
	over, err := s.DeadlinesOverdue(ctx, wday("2026-12-15"), deadline.Answer)
	if err != nil || len(over) != 2 || over[0].Case.Number != cs[0].Number || over[0].Deadline.Kind != deadline.Answer {
		t.Errorf("overdue on 12-15: %+v, %v; want cases 1 and 2", over, err)
	}
	if got, _ := s.CountDeadlines(ctx, workcal.Day{}, wday("2026-12-14"), deadline.Reply); got != 0 {
		t.Errorf("no reconsideration replies, counted %d", got)
	}
}

// TestDeadlinesBetweenDropsStale: an entry whose case no longer has the
// deadline open (the index written by other rules, or a write between the
// two reads) is not returned.
func TestDeadlinesBetweenDropsStale(t *testing.T) {
	ctx := context.Background()
	s := mustStore(t)
	c := sampleCase("(2026)黔0115行初1号")
	c.CopyReceivedOn, c.AnsweredOn = at("2026-12-03 00:00"), at("2026-12-05 00:00")
	if err := s.Put(ctx, c); err != nil {
		t.Fatal(err)
	}
	// Plant a stale entry by hand.
	if err := s.Client().ZAdd(ctx, s.Keys().Deadlines(string(deadline.Answer)), redisZ(20261218, c.Number)).Err(); err != nil {
		t.Fatal(err)
	}
	if rs := refs(t, s, "", "2100-01-01"); len(rs) != 1 {
		t.Fatalf("planted entry not read: %v", rs)
	}
	got, err := s.DeadlinesBetween(ctx, workcal.Day{}, wday("2100-01-01"))
	if err != nil || len(got) != 0 {
		t.Errorf("DeadlinesBetween = %+v, %v; want nothing", got, err)
	}
}

// TestReindexDeadlines: a ledger written without the index gets it once;
// a change of rules (another calendar) rebuilds it with the new last days
// and removes what the old rules indexed wrongly.
func TestReindexDeadlines(t *testing.T) {
	ctx := context.Background()
	s := mustStore(t)
	storetest.Seed(t, s, 3000, at("2026-11-01 00:00"), storetest.WithDeadlines)
	checkDeadlineIndex(t, s)
	before := refs(t, s, "", "2100-01-01")
	if len(before) < 500 {
		t.Fatalf("only %d open deadlines seeded", len(before))
	}
	// Forget the index, as a ledger written before it would be.
	drop := func() {
		ks, err := s.Client().Keys(ctx, strings.TrimSuffix(s.Keys().Deadlines(""), ":")+"*").Result()
		if err != nil {
			t.Fatal(err)
		}
		if len(ks) > 0 {
			if err := s.Client().Del(ctx, ks...).Err(); err != nil {
				t.Fatal(err)
			}
		}
	}
	drop()
	if ready, _ := s.DeadlineIndexReady(ctx); ready {
		t.Fatal("ready without a rebuild")
	}
	n, err := s.ReindexDeadlines(ctx)
	if err != nil || n == 0 {
		t.Fatalf("ReindexDeadlines = %d, %v", n, err)
	}
	if diff := cmp.Diff(before, refs(t, s, "", "2100-01-01")); diff != "" {
		t.Errorf("rebuilt index differs (-want,+got):\n%s", diff)
	}
	if ready, _ := s.DeadlineIndexReady(ctx); !ready {
		t.Error("not ready after the rebuild")
	}
	if n, err := s.ReindexDeadlines(ctx); n != 0 || err != nil {
		t.Errorf("second ReindexDeadlines = %d, %v; want a no-op", n, err)
	}

	// New rules: a calendar where every day of 2026-11/12 is a holiday
	// moves last days; a stale entry of a kind the case does not have is
	// removed.
	other, err := workcal.ParseCalendar([]byte(`{"years":[2026,2027],"festivals":[{"name":"测试假","off":["2026-11-01","2026-12-01"]},{"name":"测试假","off":["2026-12-02","2026-12-31"]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	s.Deadlines = deadline.New(other, s.Deadlines.Location(), config.Deadlines{}, config.Rectify{})
	if ready, _ := s.DeadlineIndexReady(ctx); ready {
		t.Fatal("ready under other rules")
	}
	victim := storetest.Generate(1, at("2026-11-01 00:00")).Number
	if err := s.Client().ZAdd(ctx, s.Keys().Deadlines(string(deadline.JudicialReply)), redisZ(20261201, victim)).Err(); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ReindexDeadlines(ctx); err != nil {
		t.Fatal(err)
	}
	checkDeadlineIndex(t, s)
	after := refs(t, s, "", "2100-01-01")
	moved := 0
	for _, r := range after {
		if !slices.Contains(before, r) {
			moved++
		}
	}
	// 2025 is not in the new calendar: its holidays are working days now,
	// so every deadline that ended after one of them ends earlier.
	if moved == 0 || len(after) != len(before) {
		t.Errorf("rebuild under new rules: %d of %d entries moved (%d before)", moved, len(after), len(before))
	}
	if got := refs(t, s, "2026-11-01", "2026-12-31"); len(got) != 0 {
		t.Errorf("under a calendar off all of Nov–Dec 2026 nothing ends then, got %d entries, e.g. %s", len(got), got[0])
	}
}

// TestDeadlineIndexLargeBatch: the index is kept on the large-batch write
// path (more than maxWatchKeys cases, the ledger-version WATCH).
func TestDeadlineIndexLargeBatch(t *testing.T) {
	s := mustStore(t)
	storetest.Seed(t, s, 1200, at("2026-11-01 00:00"), storetest.WithDeadlines)
	checkDeadlineIndex(t, s)
	// Rewrite them all with the answers recorded.
	err := s.EachCase(context.Background(), 1200, func(cs []*cases.Case) error {
		for _, c := range cs {
			if !c.CopyReceivedOn.IsZero() {
				c.AnsweredOn = c.CopyReceivedOn.AddDate(0, 0, 3)
			}
		}
		return s.PutMany(context.Background(), cs, nil)
	})
	if err != nil {
		t.Fatal(err)
	}
	checkDeadlineIndex(t, s)
	if got := refs(t, s, "", "2100-01-01", deadline.Answer, deadline.Reply); len(got) != 0 {
		t.Errorf("answers recorded, still indexed: %d", len(got))
	}
}

func redisZ(score float64, member string) redis.Z { return redis.Z{Score: score, Member: member} }
