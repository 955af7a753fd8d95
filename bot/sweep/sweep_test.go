package sweep

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"casebot/bot/logtest"
)

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// TestCatchUpRunAndSkipWhileRunning: Start runs the sweep at once with the
// runner's clock (a process started late catches up), and firings that
// come while it still runs are skipped, never run beside it.
func TestCatchUpRunAndSkipWhileRunning(t *testing.T) {
	now := time.Date(2025, 11, 20, 8, 0, 0, 0, time.UTC)
	logs := &logtest.Buffer{}
	release := make(chan struct{})
	var runs, running, overlap atomic.Int32
	var first atomic.Value
	r := &Runner{Name: "test sweep", Specs: []string{"0 9 1 * *"}, Every: time.Second,
		Now: func() time.Time { return now }, Log: slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
		Run: func(ctx context.Context, at time.Time) error {
			if running.Add(1) > 1 {
				overlap.Add(1)
			}
			defer running.Add(-1)
			if runs.Add(1) == 1 {
				first.Store(at)
				<-release
			}
			return nil
		}}
	if err := r.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := r.Start(context.Background()); err == nil {
		t.Error("a second Start succeeded")
	}
	waitFor(t, "the catch-up run", func() bool { return runs.Load() == 1 })
	waitFor(t, "a firing to be skipped", func() bool { return logs.Contains("skip") })
	if n := runs.Load(); n != 1 {
		t.Errorf("%d runs while the first was running, want 1", n)
	}
	close(release)
	waitFor(t, "a run after the first", func() bool { return runs.Load() >= 2 })
	if err := r.Stop(context.Background()); err != nil {
		t.Fatal(err)
	}
	if at, _ := first.Load().(time.Time); !at.Equal(now) {
		t.Errorf("the catch-up run was handed %v, want the runner's clock %v", at, now)
	}
	if overlap.Load() != 0 {
		t.Error("two runs overlapped")
	}
}

// TestPanicAndErrorAreLogged: a sweep that panics or fails is logged and
// the runner keeps scheduling it.
func TestPanicAndErrorAreLogged(t *testing.T) {
	logs := &logtest.Buffer{}
	var runs atomic.Int32
	r := &Runner{Name: "test sweep", Every: time.Second, Log: slog.New(slog.NewTextHandler(logs, nil)),
		Run: func(ctx context.Context, _ time.Time) error {
			switch runs.Add(1) {
			case 1:
				panic("boom")
			case 2:
				return errors.New("redis away")
			}
			return nil
		}}
	if err := r.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "a third run", func() bool { return runs.Load() >= 3 })
	if err := r.Stop(context.Background()); err != nil {
		t.Fatal(err)
	}
	if !logs.Contains("boom") || !logs.Contains("test sweep failed") || !logs.Contains("redis away") {
		t.Errorf("log lacks the panic or the error:\n%s", logs.String())
	}
}

// TestStopWaitsForTheRunningSweep: Stop cancels the sweep's context and
// returns only once the run has finished, or with an error naming the
// sweep when its own deadline comes first.
func TestStopWaitsForTheRunningSweep(t *testing.T) {
	started := make(chan struct{})
	var finished atomic.Bool
	r := &Runner{Name: "slow sweep", Log: slog.New(slog.DiscardHandler),
		Run: func(ctx context.Context, _ time.Time) error {
			close(started)
			<-ctx.Done() // Stop cancels it
			finished.Store(true)
			return ctx.Err()
		}}
	if err := r.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	<-started
	if err := r.Stop(context.Background()); err != nil {
		t.Fatal(err)
	}
	if !finished.Load() {
		t.Error("Stop returned before the running sweep finished")
	}

	block := make(chan struct{})
	defer close(block)
	started = make(chan struct{})
	r = &Runner{Name: "stuck sweep", Log: slog.New(slog.DiscardHandler),
		Run: func(ctx context.Context, _ time.Time) error {
			close(started)
			<-block // ignores its context
			return nil
		}}
	if err := r.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	<-started
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := r.Stop(ctx); err == nil || !strings.Contains(err.Error(), "stuck sweep") {
		t.Errorf("Stop with its deadline passed = %v, want an error naming the sweep", err)
	}
}

func TestBadSpecIsRefused(t *testing.T) {
	r := &Runner{Name: "test sweep", Specs: []string{"every day"}, Run: func(context.Context, time.Time) error { return nil }}
	if err := r.Start(context.Background()); err == nil || !strings.Contains(err.Error(), "every day") {
		t.Errorf("bad spec: %v", err)
	}
	if err := (&Runner{Name: "no run"}).Start(context.Background()); err == nil {
		t.Error("a runner without Run started")
	}
}

// TestRunAt: a run asked for at a time already reached (on the injected
// clock) runs at once, besides the catch-up run; after Stop, RunAt does
// nothing.
func TestRunAt(t *testing.T) {
	at := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	runs := make(chan time.Time, 4)
	r := &Runner{Name: "test sweep", Specs: []string{"0 9 1 1 *"}, Now: func() time.Time { return at },
		Run: func(_ context.Context, now time.Time) error { runs <- now; return nil }}
	if err := r.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	<-runs // the catch-up run
	r.RunAt(at.Add(-time.Second))
	select {
	case <-runs:
	case <-time.After(20 * time.Second):
		t.Fatal("RunAt did not run")
	}
	if err := r.Stop(context.Background()); err != nil {
		t.Fatal(err)
	}
	r.RunAt(at)
	if len(runs) != 0 {
		t.Errorf("%d runs after Stop", len(runs))
	}
}
