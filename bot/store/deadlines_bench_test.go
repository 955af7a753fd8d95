package store_test

import (
	"context"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"casebot/bot/cases"
	"casebot/bot/deadline"
	"casebot/bot/store"
	"casebot/bot/store/storetest"
	"casebot/bot/workcal"
)

// BenchmarkDeadlines1M: the ledger of reminders' BenchmarkSweep1M (1,000,000
// generated cases up to 2025-08-01, 1,000 of them open with a hearing on
// 2025-09-24), every case carrying its deadline dates as years of a real
// ledger do (storetest.WithDeadlines: most open deadlines are lapsed
// appeal periods nobody recorded), and the same 1,000 cases with their
// answer due on 09-24, 09-25 or 09-26. Measured on that one ledger:
// Window, what a deadline sweep at 16:00 on 2025-09-23 reads (the open
// deadlines due from that day to three working days ahead, with their
// cases, recomputed: DeadlinesBetween); HearingWindow, what the hearing
// sweep of BenchmarkSweep1M reads on the same ledger (the hearings from
// 09-23 16:00 to 09-26 with their cases: HearingsBetween), the
// like-for-like reference, since both sweeps then plan and check the send
// log per item at the same cost; ThisWeek, “本周到期” (09-22 to 09-28) with
// cases; CountOverdue, how many answers and replies are overdue (ZCOUNT);
// WindowVsHearing, the two sweep reads alternated, with their ratio. The
// one-time rebuild of the deadline index at start is timed once and
// logged (-v).
//
//	go test ./bot/store -run '^$' -bench Deadlines1M -benchtime 20x -timeout 60m -v
//
// DEADLINE_BENCH_CASES sets another ledger size for a quick try.
func BenchmarkDeadlines1M(b *testing.B) {
	n := 1_000_000
	if v, err := strconv.Atoi(os.Getenv("DEADLINE_BENCH_CASES")); err == nil && v >= 1000 {
		n = v
	}
	const due = 1000
	every := n / due
	s := mustStore(b)
	ctx := context.Background()
	start := time.Now()
	base := at("2025-08-01 10:00")
	received := []time.Time{at("2025-09-09 00:00"), at("2025-09-10 00:00"), at("2025-09-11 00:00")} // due 09-24…09-26
	storetest.Seed(b, s, n, base, func(i int, c *cases.Case) {
		storetest.WithDeadlines(i, c)
		if i%every != 0 {
			return
		}
		j := i / every % 17
		c.Closure, c.ServedOn, c.Appealed = nil, time.Time{}, nil
		c.Hearings[0].At = time.Date(2025, 9, 24, 8+(30+30*j)/60, (30+30*j)%60, 0, 0, base.Location())
		if c.Kind == cases.Litigation && c.Stage == cases.StageFirst || c.Kind == cases.Reconsideration {
			c.CopyReceivedOn, c.AnsweredOn = received[i/every%3], time.Time{}
		}
	})
	total, err := s.CountDeadlines(ctx, workcal.Day{}, wday("2100-01-01"))
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("seeded %d cases in %v; %d open deadlines indexed", n, time.Since(start).Round(time.Second), total)

	// The one-time rebuild at start, timed once (it is minutes, not a
	// loop's worth): drop the index, rebuild it.
	dropDeadlineIndex(b, s)
	t0 := time.Now()
	rebuilt, err := s.ReindexDeadlines(ctx)
	if err != nil || rebuilt == 0 {
		b.Fatalf("ReindexDeadlines = %d, %v", rebuilt, err)
	}
	b.Logf("rebuilt the deadline index of %d cases with open deadlines in %v", rebuilt, time.Since(t0).Round(time.Millisecond))

	from, to := wday("2025-09-23"), s.Deadlines.Calendar().AddWorkdays(wday("2025-09-23"), 3)
	window := func(b *testing.B) {
		ds, err := s.DeadlinesBetween(ctx, from, to)
		if err != nil || len(ds) < due*8/10 {
			b.Fatalf("%d deadlines from %s to %s, %v", len(ds), from, to, err)
		}
	}
	hearingWindow := func(b *testing.B) {
		hs, err := s.HearingsBetween(ctx, at("2025-09-23 16:00"), at("2025-09-26 00:00"))
		if err != nil || len(hs) != due {
			b.Fatalf("%d hearings, %v", len(hs), err)
		}
	}
	b.Run("Window", func(b *testing.B) {
		for b.Loop() {
			window(b)
		}
	})
	b.Run("HearingWindow", func(b *testing.B) {
		for b.Loop() {
			hearingWindow(b)
		}
	})
	// The two reads alternated, so that a machine whose load changes
	// during the run weighs on both alike: the ratio is the figure.
	b.Run("WindowVsHearing", func(b *testing.B) {
		var dl, hr time.Duration
		for b.Loop() {
			t := time.Now()
			window(b)
			dl += time.Since(t)
			t = time.Now()
			hearingWindow(b)
			hr += time.Since(t)
		}
		b.ReportMetric(float64(dl.Microseconds())/1000/float64(b.N), "deadline-ms")
		b.ReportMetric(float64(hr.Microseconds())/1000/float64(b.N), "hearing-ms")
		b.ReportMetric(float64(dl)/float64(hr), "ratio")
	})
	b.Run("ThisWeek", func(b *testing.B) {
		for b.Loop() {
			ds, err := s.DeadlinesBetween(ctx, wday("2025-09-22"), wday("2025-09-28"))
			if err != nil || len(ds) < due*8/10 {
				b.Fatalf("%d deadlines this week, %v", len(ds), err)
			}
		}
	})
	b.Run("CountOverdue", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.CountDeadlines(ctx, workcal.Day{}, wday("2025-09-22"), deadline.Answer, deadline.Reply); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// dropDeadlineIndex deletes the deadline sets and markers, as a ledger
// written before the index has none.
func dropDeadlineIndex(tb testing.TB, s *store.Store) {
	tb.Helper()
	ctx := context.Background()
	for _, pattern := range []string{strings.TrimSuffix(s.Keys().Deadlines(""), ":") + "*", s.Keys().DeadlineIndexVersion("*")} {
		ks, err := s.Client().Keys(ctx, pattern).Result()
		if err != nil {
			tb.Fatal(err)
		}
		if len(ks) > 0 {
			if err := s.Client().Del(ctx, ks...).Err(); err != nil {
				tb.Fatal(err)
			}
		}
	}
}
