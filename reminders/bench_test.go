package reminders

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"casebot/bot"
	"casebot/bot/cases"
	"casebot/bot/people"
	"casebot/bot/redistest"
	"casebot/bot/store"
	"casebot/bot/store/storetest"
	"casebot/config"
)

// countingSender accepts every push and only counts them.
type countingSender struct{ n atomic.Int64 }

func (c *countingSender) Send(context.Context, bot.Outbound) (bot.Receipt, error) {
	c.n.Add(1)
	return bot.Receipt{}, nil
}

func (c *countingSender) UpdateCard(context.Context, string, *bot.TemplateCard, ...string) error {
	return nil
}

// BenchmarkSweep1M: a ledger of 1,000,000 generated cases (hearings
// spread over ten years up to 2025-08-31) of which 1,000, open, have a
// hearing tomorrow, 2025-09-24, between 08:30 and 16:30; one head and one
// 承办人 per agency in the directory. The timed operation is the sweep
// that runs every five minutes — at 16:05 on 09-23, after the 16:00 sweep
// sent the day-before reminders: it reads the hearings in its window,
// plans their pushes and checks the send log, and has nothing left to
// send. Reported besides ns/op: the 16:00 dry run (plan of the 2,000-odd
// due pushes, what `casebot remind --dry-run` costs) and the 16:00 sweep
// that sends them to an in-process sender (claim, send, mark done per push).
//
//	go test ./reminders -run '^$' -bench Sweep1M -benchtime 1x
//
// REMIND_BENCH_CASES sets another ledger size for a quick try.
func BenchmarkSweep1M(b *testing.B) {
	n := 1_000_000
	if v, err := strconv.Atoi(os.Getenv("REMIND_BENCH_CASES")); err == nil && v >= 1000 {
		n = v
	}
	const hearings = 1000
	every := n / hearings
	rdb, k := redistest.New(b)
	st := store.New(rdb, k)
	ctx := context.Background()

	var ps []*people.Person
	for i, a := range storetest.Agencies {
		ps = append(ps,
			&people.Person{UserID: fmt.Sprintf("head%d", i), Name: fmt.Sprintf("负责人%d", i), Role: people.Head, Agency: a, Post: "局长"},
			&people.Person{UserID: fmt.Sprintf("handler%d", i), Name: fmt.Sprintf("承办%d", i), Role: people.Handler, Agency: a})
	}
	ps = append(ps, &people.Person{UserID: "staff1", Name: "陈专班", Role: people.Staff})
	if err := st.PutPeople(ctx, ps); err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	tomorrow := day("2025-09-24")
	storetest.Seed(b, st, n, at("2025-08-01 10:00"), func(i int, c *cases.Case) {
		if i%every != 0 {
			return
		}
		j := i / every % 17
		c.Closure = nil
		c.Hearings[0].At = tomorrow.At(Clock{Hour: 8 + (30+30*j)/60, Minute: (30 + 30*j) % 60}, shanghai)
	})
	window, err := st.HearingsBetween(ctx, at("2025-09-23 16:00"), at("2025-09-26 00:00"))
	if err != nil {
		b.Fatal(err)
	}
	count, err := st.CountCases(ctx)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("seeded %d cases in %v; %d hearings from 09-23 16:00 to 09-26", count, time.Since(start).Round(time.Second), len(window))
	if len(window) != hearings {
		b.Fatalf("%d hearings in the window, want %d", len(window), hearings)
	}

	cfg := config.MustDefault()
	cfg.Reminder.StaffChat = chatID
	sender := &countingSender{}
	s, err := New(cfg, st, sender)
	if err != nil {
		b.Fatal(err)
	}
	s.Log = slog.New(slog.NewTextHandler(io.Discard, nil))

	t0 := time.Now()
	due, err := s.Due(ctx, at("2025-09-23 16:00"))
	if err != nil {
		b.Fatal(err)
	}
	dryRun := time.Since(t0)
	t0 = time.Now()
	rep, err := s.Sweep(ctx, at("2025-09-23 16:00"))
	if err != nil {
		b.Fatal(err)
	}
	sending := time.Since(t0)
	if rep.Sent != len(due) || int(sender.n.Load()) != len(due) || len(due) < 2*hearings {
		b.Fatalf("16:00: dry run %d, sweep %+v, sender %d", len(due), rep, sender.n.Load())
	}
	b.Logf("16:00 dry run: %d pushes due, planned in %v; 16:00 sweep sent them in %v (%.2f ms per push)",
		len(due), dryRun.Round(time.Millisecond), sending.Round(time.Millisecond), float64(sending.Microseconds())/1000/float64(rep.Sent))

	for b.Loop() {
		rep, err := s.Sweep(ctx, at("2025-09-23 16:05"))
		if err != nil {
			b.Fatal(err)
		}
		if rep.Skipped || rep.Sent != 0 || rep.Failed != 0 {
			b.Fatalf("16:05 sweep: %+v", rep)
		}
	}
	// After the loop: b.Loop clears metrics reported before it.
	b.ReportMetric(float64(dryRun.Milliseconds()), "dry-run-ms")
	b.ReportMetric(float64(sending.Milliseconds()), "sending-sweep-ms")
}
