package priority

import (
	"context"
	"sync"
	"testing"
	"time"
)

// clock is a simulated clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// window feeds one window of n acknowledgements, slow of them over the
// target, then moves the clock past the window's end.
func window(l *Limiter, c *clock, n, slow int) {
	for i := range n {
		d := time.Millisecond
		if i < slow {
			d = 50 * time.Millisecond
		}
		l.ObserveAck(d)
	}
	c.add(Window)
}

func TestLimitFollowsAcknowledgements(t *testing.T) {
	c := &clock{t: time.Date(2025, 11, 3, 9, 0, 0, 0, time.UTC)}
	l := New(8, 5*time.Millisecond, c.now)
	steps := []struct {
		name      string
		n, slow   int
		wantAfter int
	}{
		{"fast acknowledgements keep every worker", 100, 0, 8},
		{"2 of 100 slow: halved", 100, 2, 4},
		{"again", 100, 5, 2},
		{"again", 100, 50, 1},
		{"never below one: answers always progress", 100, 100, 1},
		{"1 of 100 slow is within the 99th percentile: one more", 100, 1, 2},
		{"fast: one more", 100, 0, 3},
		{"fast: one more", 100, 0, 4},
	}
	for _, s := range steps {
		window(l, c, s.n, s.slow)
		l.ObserveAck(time.Millisecond) // rolls the window just ended
		if got := l.Limit(); got != s.wantAfter {
			t.Fatalf("%s: limit %d, want %d", s.name, got, s.wantAfter)
		}
		// Take back the ack that rolled: it belongs to the next window.
		l.mu.Lock()
		l.acks, l.slow = 0, 0
		l.mu.Unlock()
	}
	// No callback for two windows: nothing to protect, every worker.
	c.add(2 * Window)
	if err := l.Acquire(context.Background()); err != nil {
		t.Fatal(err)
	}
	l.Release()
	if got := l.Limit(); got != 8 {
		t.Fatalf("after a quiet spell: limit %d, want 8", got)
	}
}

func TestAcquireWaitsForTheLimit(t *testing.T) {
	c := &clock{t: time.Date(2025, 11, 3, 9, 0, 0, 0, time.UTC)}
	l := New(2, 5*time.Millisecond, c.now)
	ctx := context.Background()
	// Slow acknowledgements: the limit falls to 1.
	window(l, c, 10, 10)
	l.ObserveAck(time.Millisecond)
	if l.Limit() != 1 {
		t.Fatalf("limit %d, want 1", l.Limit())
	}
	if err := l.Acquire(ctx); err != nil {
		t.Fatal(err)
	}
	got := make(chan struct{})
	go func() {
		if err := l.Acquire(ctx); err == nil {
			close(got)
		}
	}()
	select {
	case <-got:
		t.Fatal("a second worker ran beside the first while the limit is 1")
	case <-time.After(20 * time.Millisecond):
	}
	l.Release()
	<-got // the waiter takes the freed turn
	l.Release()

	// A waiter whose context ends gives up its place.
	if err := l.Acquire(ctx); err != nil {
		t.Fatal(err)
	}
	cctx, cancel := context.WithCancel(ctx)
	errc := make(chan error)
	go func() { errc <- l.Acquire(cctx) }()
	cancel()
	if err := <-errc; err == nil {
		t.Fatal("Acquire with a cancelled context succeeded while the limit was taken")
	}
	l.Release()
	if err := l.Acquire(ctx); err != nil {
		t.Fatal(err)
	}
	l.Release()
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.inUse != 0 || len(l.waiters) != 0 {
		t.Fatalf("in use %d, waiters %d after everything was released", l.inUse, len(l.waiters))
	}
}

func TestTargetZeroNeverLimits(t *testing.T) {
	c := &clock{t: time.Date(2025, 11, 3, 9, 0, 0, 0, time.UTC)}
	l := New(3, 0, c.now)
	window(l, c, 100, 100)
	l.ObserveAck(time.Second)
	if l.Limit() != 3 {
		t.Fatalf("limit %d with the adaptation off, want 3", l.Limit())
	}
	var nilLimiter *Limiter
	if err := nilLimiter.Acquire(context.Background()); err != nil {
		t.Fatal(err)
	}
	nilLimiter.Release()
}
