package llm

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"

	"casebot/bot/keys"
)

// UserLimit caps how many model requests one user makes in any window
// (an hour), across every replica: each request is a member of a sorted
// set scored by time, and one Lua script drops the old ones, counts and
// adds atomically, so two replicas can never both take the last slot.
type UserLimit struct {
	rdb    redis.UniversalClient
	k      keys.Keys
	limit  int
	window time.Duration
	// Now is the clock. If nil, time.Now.
	Now func() time.Time
}

// NewUserLimit allows limit requests per user per window; limit 0 means
// no limit.
func NewUserLimit(rdb redis.UniversalClient, k keys.Keys, limit int, window time.Duration) *UserLimit {
	return &UserLimit{rdb: rdb, k: k, limit: limit, window: window}
}

// Limit returns the number of requests allowed per window.
func (l *UserLimit) Limit() int { return l.limit }

var allowScript = redis.NewScript(`
local now, window, limit = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
redis.call("ZREMRANGEBYSCORE", KEYS[1], "-inf", now - window)
if redis.call("ZCARD", KEYS[1]) < limit then
	redis.call("ZADD", KEYS[1], now, ARGV[4])
	redis.call("PEXPIRE", KEYS[1], window)
	return {1, 0}
end
local oldest = redis.call("ZRANGE", KEYS[1], 0, 0, "WITHSCORES")
return {0, tonumber(oldest[2]) + window}`)

// Allow takes one slot for user. When none is left it returns false and
// the time the next slot frees.
func (l *UserLimit) Allow(ctx context.Context, user string) (ok bool, next time.Time, err error) {
	if l == nil || l.limit <= 0 {
		return true, time.Time{}, nil
	}
	now := l.now()
	res, err := allowScript.Run(ctx, l.rdb, []string{l.k.LLMUserCalls(user)},
		now.UnixMilli(), l.window.Milliseconds(), l.limit, fmt.Sprintf("%d-%s", now.UnixNano(), nonce())).Int64Slice()
	if err != nil {
		return false, time.Time{}, fmt.Errorf("rate limit of %s: %w", user, err)
	}
	if res[0] == 1 {
		return true, time.Time{}, nil
	}
	return false, time.UnixMilli(res[1]).In(now.Location()), nil
}

func (l *UserLimit) now() time.Time {
	if l.Now != nil {
		return l.Now()
	}
	return time.Now()
}

func nonce() string {
	b := make([]byte, 4)
	rand.Read(b)
	return hex.EncodeToString(b)
}
