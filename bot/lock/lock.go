// Package lock is a Redis lease: one holder at a time across replicas, lost
// automatically when the holder dies (the key expires).
package lock

import (
	"context"
	"crypto/rand"
	"encoding/hex"
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
