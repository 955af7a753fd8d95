package wecom

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"

	"casebot/bot/keys"
)

// Limiter keeps pushes to each user under WeCom's per-member limits (30 a
// minute, 1000 an hour), which WeCom enforces by silently dropping the
// excess. Instead of dropping, it queues: each push books the first send
// slot that both windows allow, in Redis so every replica shares the
// books, and the sender waits for it.
//
// Slots of one user are booked in order (a new slot is never before the
// user's last), so only windows ending at the new slot need checking: the
// slot must be a minute after the 30th-latest booking and an hour after
// the 1000th-latest, plus a safety margin for clock skew with WeCom.
type Limiter struct {
	rdb       redis.UniversalClient
	k         keys.Keys
	perMinute int
	perHour   int
}

// limitMargin keeps our windows a little longer than WeCom's.
const limitMargin = time.Second

// NewLimiter returns a limiter allowing perMinute and perHour pushes.
func NewLimiter(rdb redis.UniversalClient, k keys.Keys, perMinute, perHour int) *Limiter {
	return &Limiter{rdb: rdb, k: k, perMinute: perMinute, perHour: perHour}
}

// reserve books n slots for every user in KEYS, each at least ARGV[5] ms
// after the previous, and returns their times (Unix ms).
var reserve = redis.NewScript(`
local now, perMin, perHour = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local n, gap, tag, ttl = tonumber(ARGV[4]), tonumber(ARGV[5]), ARGV[6], tonumber(ARGV[7])
local minute, hour = tonumber(ARGV[8]), tonumber(ARGV[9])
for _, k in ipairs(KEYS) do
	redis.call("ZREMRANGEBYSCORE", k, "-inf", "(" .. (now - hour))
end
local out, prev = {}, nil
for i = 1, n do
	local t = now
	if prev then t = math.max(t, prev + gap) end
	for _, k in ipairs(KEYS) do
		local last = redis.call("ZRANGE", k, -1, -1, "WITHSCORES")
		if last[2] then t = math.max(t, tonumber(last[2])) end
		local m = redis.call("ZRANGE", k, -perMin, -perMin, "WITHSCORES")
		if m[2] then t = math.max(t, tonumber(m[2]) + minute) end
		local h = redis.call("ZRANGE", k, -perHour, -perHour, "WITHSCORES")
		if h[2] then t = math.max(t, tonumber(h[2]) + hour) end
	end
	for _, k in ipairs(KEYS) do
		redis.call("ZADD", k, t, tag .. ":" .. i)
		redis.call("PEXPIRE", k, t - now + ttl)
	end
	out[i] = t
	prev = t
end
return out`)

// Booking is a set of slots booked by one call of Book: their times, and
// what it takes to refund those not used.
type Booking struct {
	At   []time.Time
	keys []string // the users' slot books
	tag  string   // slot i (from 0) is the member tag:(i+1) of each book
}

// Reserve books n consecutive slots, at least gap apart, for a push to all
// of users, at or after now, and returns when each may be sent.
func (l *Limiter) Reserve(ctx context.Context, users []string, n int, now time.Time, gap time.Duration) ([]time.Time, error) {
	b, err := l.Book(ctx, users, n, now, gap)
	return b.At, err
}

// Book is Reserve, keeping what Refund needs.
func (l *Limiter) Book(ctx context.Context, users []string, n int, now time.Time, gap time.Duration) (Booking, error) {
	if len(users) == 0 || n == 0 {
		out := make([]time.Time, n)
		for i := range out {
			out[i] = now.Add(time.Duration(i) * gap)
		}
		return Booking{At: out}, nil
	}
	ks := make([]string, len(users))
	for i, u := range users {
		ks[i] = l.k.SendSlots(u)
	}
	raw := make([]byte, 8)
	rand.Read(raw)
	tag := hex.EncodeToString(raw)
	ms, err := reserve.Run(ctx, l.rdb, ks, now.UnixMilli(), l.perMinute, l.perHour, n, gap.Milliseconds(),
		tag, keys.SendSlotsTTL.Milliseconds(),
		(time.Minute + limitMargin).Milliseconds(), (time.Hour + limitMargin).Milliseconds()).Int64Slice()
	if err != nil {
		return Booking{}, err
	}
	out := make([]time.Time, len(ms))
	for i, m := range ms {
		out[i] = time.UnixMilli(m)
	}
	return Booking{At: out, keys: ks, tag: tag}, nil
}

// Refund gives back the slots from the from-th (from 0) on: exactly the
// members this booking added, nothing else, so the books read as if those
// slots had never been booked. Only slots in which nothing was sent may be
// refunded: WeCom counted every request that went.
func (l *Limiter) Refund(ctx context.Context, b Booking, from int) error {
	if len(b.keys) == 0 || from >= len(b.At) {
		return nil
	}
	members := make([]any, 0, len(b.At)-from)
	for i := from; i < len(b.At); i++ {
		members = append(members, b.tag+":"+strconv.Itoa(i+1))
	}
	_, err := l.rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
		for _, k := range b.keys {
			p.ZRem(ctx, k, members...)
		}
		return nil
	})
	return err
}
