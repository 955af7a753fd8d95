package clock

import (
	"context"
	"errors"
	"testing"
	"time"
)

var _ Clock = Real{}

// A done context ends the wait at once, whatever its length: the test
// would time out (not assert a duration) if Sleep waited the hour.
func TestSleepEndsWithItsContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, d := range []time.Duration{-time.Second, 0, time.Hour} {
		if err := Sleep(ctx, d); !errors.Is(err, context.Canceled) {
			t.Errorf("Sleep(cancelled, %v) = %v, want context.Canceled", d, err)
		}
		if err := (Real{}).Sleep(ctx, d); !errors.Is(err, context.Canceled) {
			t.Errorf("Real.Sleep(cancelled, %v) = %v, want context.Canceled", d, err)
		}
	}
}

// Cancelling during the wait wakes it with the context's error.
func TestSleepWakesOnCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Sleep(ctx, time.Hour) }()
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Fatalf("Sleep woken by cancel = %v, want context.Canceled", err)
	}
	dl, stop := context.WithDeadline(context.Background(), time.Now())
	defer stop()
	if err := Sleep(dl, time.Hour); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Sleep past a deadline = %v, want context.DeadlineExceeded", err)
	}
}

// A live context: a zero or negative wait returns nil at once, and a
// short one returns nil once it has passed.
func TestSleepLiveContext(t *testing.T) {
	ctx := context.Background()
	for _, d := range []time.Duration{-time.Second, 0, time.Nanosecond} {
		if err := Sleep(ctx, d); err != nil {
			t.Errorf("Sleep(live, %v) = %v, want nil", d, err)
		}
	}
	if err := (Real{}).Sleep(ctx, time.Millisecond); err != nil {
		t.Fatalf("Real.Sleep(live, 1ms) = %v", err)
	}
}
