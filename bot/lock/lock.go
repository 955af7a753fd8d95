// Package lock holds Redis leases: named locks one replica holds at a time
// (Acquire, Hold), lost automatically when the holder dies (the key
// expires); and a process's presence (Presence), the heartbeat that stream
// entries and send claims are tied to, so that what a dead process held is
// taken over within seconds.
package lock

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"time"

	"github.com/redis/go-redis/v9"
)

// release deletes the key only if it still holds our token, so a holder
// whose lease expired cannot release someone else's.
var release = redis.NewScript(`
if redis.call("GET", KEYS[1]) == ARGV[1] then
	return redis.call("DEL", KEYS[1])
end
return 0`)

// extend renews the lease only if it still holds our token.
var extend = redis.NewScript(`
if redis.call("GET", KEYS[1]) == ARGV[1] then
	return redis.call("PEXPIRE", KEYS[1], ARGV[2])
end
return 0`)

// Lease is a held lock.
type Lease struct {
	rdb   redis.UniversalClient
	key   string
	token string
}

// Acquire tries once to take the lock at key for ttl. It returns nil (and
// no error) when someone else holds it.
func Acquire(ctx context.Context, rdb redis.UniversalClient, key string, ttl time.Duration) (*Lease, error) {
	b := make([]byte, 16)
	rand.Read(b)
	token := hex.EncodeToString(b)
	ok, err := rdb.SetNX(ctx, key, token, ttl).Result()
	if err != nil || !ok {
		return nil, err
	}
	return &Lease{rdb: rdb, key: key, token: token}, nil
}

// Extend renews the lease for ttl; false means it was lost.
func (l *Lease) Extend(ctx context.Context, ttl time.Duration) (bool, error) {
	n, err := extend.Run(ctx, l.rdb, []string{l.key}, l.token, ttl.Milliseconds()).Int()
	return n == 1, err
}

// Release gives the lock up if still held.
func (l *Lease) Release(ctx context.Context) error {
	return release.Run(ctx, l.rdb, []string{l.key}, l.token).Err()
}

// ErrLost is the cause of a Hold's context ending because the lease was
// lost (taken by another holder after it expired, or Redis unreachable
// for longer than its TTL).
var ErrLost = errors.New("lock: lease lost")

// Hold runs fn while holding the lock at key: it takes the lease (or
// returns held=false at once when someone else holds it), renews it every
// ttl/3 while fn runs, and releases it when fn returns. fn's context is
// cancelled, with cause ErrLost, if a renewal finds the lease gone, so a
// holder never goes on believing it is alone.
func Hold(ctx context.Context, rdb redis.UniversalClient, key string, ttl time.Duration, fn func(ctx context.Context) error) (held bool, err error) {
	l, err := Acquire(ctx, rdb, key, ttl)
	if err != nil || l == nil {
		return false, err
	}
	defer l.Release(context.WithoutCancel(ctx))
	fctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	stop := make(chan struct{})
	renewed := make(chan struct{})
	go func() {
		defer close(renewed)
		t := time.NewTicker(ttl / 3)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-fctx.Done():
				return
			case <-t.C:
			}
			if ok, err := l.Extend(fctx, ttl); err == nil && !ok {
				cancel(ErrLost)
				return
			}
		}
	}()
	err = fn(fctx)
	close(stop)
	<-renewed
	if err == nil && context.Cause(fctx) == ErrLost {
		err = ErrLost
	}
	return true, err
}
