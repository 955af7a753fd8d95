// Package priority keeps the WeCom callback's acknowledgements fast when
// the machine is saturated, by bounding how much reply work runs beside
// them.
//
// A 200 to WeCom promises durability and an answer, not an answer within
// the acknowledgement: the acknowledgement (decrypt, dedupe, durable
// XADD, 200) is cheap, the answer is not. Go has no goroutine priorities,
// and Redis serves every command in arrival order, so on a box with no CPU
// to spare, eight workers replying at full speed make every callback wait
// behind them — and callbacks that wait pile up until they are refused.
//
// Limiter is an adaptive concurrency limit on the handling of messages,
// driven by the acknowledgements themselves (additive increase,
// multiplicative decrease, the way TCP shares a link): every Window in
// which more than one acknowledgement in a hundred took longer than
// Target halves the number of messages handled at once (never below
// one, so answers always progress); every window in which they were
// fast lets one more run, up to the number of workers. When no callback
// arrives there is nothing to protect and every worker runs. A saturated
// box therefore acknowledges at once and grows a backlog in the inbox
// stream — durable, answered later, in order per user — instead of
// slowing or refusing acknowledgements.
package priority

import (
	"context"
	"sync"
	"time"
)

// Window is the period over which acknowledgements are judged before the
// limit moves. A tenth of a second holds about a hundred callbacks at the
// rates where the limit matters, enough for a 99th percentile, and lets
// the limit fall from 8 to 1 in less than half a second.
const Window = 100 * time.Millisecond

// slowShare is the share of slow acknowledgements in a window (one in a
// hundred: the target is a 99th percentile) above which the limit falls.
const slowShare = 0.01

// Limiter bounds the messages handled at once. The zero value is not
// usable; call New.
type Limiter struct {
	max    int
	target time.Duration
	now    func() time.Time

	mu      sync.Mutex
	limit   int
	inUse   int
	waiters []chan struct{}
	// The current window: when it started, its acknowledgements and how
	// many of them were slow.
	windowStart time.Time
	acks, slow  int
}

// New returns a limiter letting at most max messages be handled at once,
// fewer while acknowledgements take longer than target (inbox.ack_target).
// target 0 turns the adaptation off: max at once, always. now is the
// clock (nil: time.Now).
func New(max int, target time.Duration, now func() time.Time) *Limiter {
	if max < 1 {
		max = 1
	}
	if now == nil {
		now = time.Now
	}
	return &Limiter{max: max, target: target, now: now, limit: max, windowStart: now()}
}

// ObserveAck records how long one callback took to be acknowledged.
func (l *Limiter) ObserveAck(d time.Duration) {
	if l == nil || l.target <= 0 {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.roll(l.now())
	l.acks++
	if d > l.target {
		l.slow++
	}
}

// roll closes the windows that have ended by now and moves the limit by
// what they saw. Called with mu held.
func (l *Limiter) roll(now time.Time) {
	if now.Sub(l.windowStart) < Window {
		return
	}
	switch {
	case l.acks == 0:
		// No callback came: nothing to protect.
		l.limit = l.max
	case float64(l.slow) > slowShare*float64(l.acks):
		l.limit = max(1, l.limit/2)
	default:
		l.limit = min(l.max, l.limit+1)
	}
	if now.Sub(l.windowStart) >= 2*Window {
		// Whole windows passed without a callback.
		l.limit = l.max
	}
	l.windowStart, l.acks, l.slow = now, 0, 0
	l.wake()
}

// wake lets waiting workers go while the limit allows. Called with mu held.
func (l *Limiter) wake() {
	for len(l.waiters) > 0 && l.inUse < l.limit {
		w := l.waiters[0]
		l.waiters = l.waiters[1:]
		l.inUse++
		close(w)
	}
}

// Acquire waits until one more message may be handled, or ctx ends.
// Every successful Acquire must be followed by one Release.
func (l *Limiter) Acquire(ctx context.Context) error {
	if l == nil {
		return nil
	}
	l.mu.Lock()
	l.roll(l.now())
	if len(l.waiters) == 0 && l.inUse < l.limit {
		l.inUse++
		l.mu.Unlock()
		return nil
	}
	w := make(chan struct{})
	l.waiters = append(l.waiters, w)
	l.mu.Unlock()
	for {
		select {
		case <-w:
			return nil
		case <-ctx.Done():
			l.mu.Lock()
			select {
			case <-w:
				// Granted meanwhile: give it back.
				l.inUse--
				l.wake()
			default:
				for i, o := range l.waiters {
					if o == w {
						l.waiters = append(l.waiters[:i], l.waiters[i+1:]...)
						break
					}
				}
			}
			l.mu.Unlock()
			return ctx.Err()
		case <-time.After(Window):
			// A worker waiting while no callback comes: the window rolls
			// only on events, so look again (the limit may be back at max).
			l.mu.Lock()
			l.roll(l.now())
			l.mu.Unlock()
		}
	}
}

// Release ends the handling of one message.
func (l *Limiter) Release() {
	if l == nil {
		return
	}
	l.mu.Lock()
	l.inUse--
	l.roll(l.now())
	l.wake()
	l.mu.Unlock()
}

// Limit is how many messages may be handled at once now.
func (l *Limiter) Limit() int {
	if l == nil {
		return 0
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.limit
}
