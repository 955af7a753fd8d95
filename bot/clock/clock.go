// Package clock holds the time source that scheduled and retrying code
// takes by injection: the wall clock in production, a simulated one in
// tests (wecomtest.Clock). The context-aware sleep lives here once; the
// sender, the bulletin pusher and the model client all wait through it.
package clock

import (
	"context"
	"time"
)

// Clock tells the time and waits. Tests inject a fake whose Sleep
// advances time at once.
type Clock interface {
	Now() time.Time
	// Sleep waits for d or until ctx is done, returning ctx's error then.
	Sleep(ctx context.Context, d time.Duration) error
}

// Real is the wall clock.
type Real struct{}

// Now is time.Now.
func (Real) Now() time.Time { return time.Now() }

// Sleep waits for d or until ctx is done. A wait of d ≤ 0 does not wait,
// but still reports a context that is already done, so that a loop of
// zero waits stops when asked.
func (Real) Sleep(ctx context.Context, d time.Duration) error { return Sleep(ctx, d) }

// Sleep is the one context-aware wait on the wall clock: nil after d, or
// ctx's error as soon as ctx is done (whichever comes first).
func Sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
