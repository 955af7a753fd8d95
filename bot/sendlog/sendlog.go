// Package sendlog makes pushes happen exactly once across restarts and
// replicas. Each push has an id (a reminder's hearing, time, recipient and
// offset; a bulletin's month and recipient). A sender first Claims the id —
// a short lease that keeps a second replica from sending it at the same
// moment — then sends, then marks it Done only once WeCom accepted it. A
// crash between send and Done lets the claim expire and the push be tried
// again: a rare duplicate is preferred to a silent miss.
package sendlog

import (
	"context"
	"encoding/json"
	"errors"
	"time"

	"github.com/redis/go-redis/v9"

	"casebot/bot/keys"
)

// claim takes the lease unless the push is already done or claimed.
var claim = redis.NewScript(`
if redis.call("EXISTS", KEYS[1]) == 1 then
	return -1
end
if redis.call("SET", KEYS[2], ARGV[1], "NX", "PX", ARGV[2]) then
	return 1
end
return 0`)

// Log records pushes under a namespace.
type Log struct {
	rdb redis.UniversalClient
	k   keys.Keys
	ns  string
	// DoneTTL is how long a done record is kept; 0 keeps it forever.
	DoneTTL time.Duration
}

// New returns the log of namespace ns ("reminder", "bulletin"...).
func New(rdb redis.UniversalClient, k keys.Keys, ns string, doneTTL time.Duration) *Log {
	return &Log{rdb: rdb, k: k, ns: ns, DoneTTL: doneTTL}
}

func (l *Log) doneKey(id string) string  { return l.k.SendDone(l.ns, id) }
func (l *Log) claimKey(id string) string { return l.k.SendClaim(l.ns, id) }

// Result of a Claim.
type Result int

const (
	Claimed     Result = iota // the caller may send
	AlreadyDone               // sent before: do nothing
	Busy                      // another sender holds the claim now
)

// Claim takes a lease of ttl on id.
func (l *Log) Claim(ctx context.Context, id string, ttl time.Duration) (Result, error) {
	n, err := claim.Run(ctx, l.rdb, []string{l.doneKey(id), l.claimKey(id)}, "1", ttl.Milliseconds()).Int()
	if err != nil && !errors.Is(err, redis.Nil) {
		return Busy, err
	}
	switch n {
	case 1:
		return Claimed, nil
	case -1:
		return AlreadyDone, nil
	}
	return Busy, nil
}

// Record is what Done stores about an accepted push.
type Record struct {
	At     time.Time `json:"at"`
	Detail any       `json:"detail,omitempty"`
}

// Done marks id as sent and drops its claim, in one transaction.
func (l *Log) Done(ctx context.Context, id string, rec Record) error {
	b, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	_, err = l.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.Set(ctx, l.doneKey(id), b, l.DoneTTL)
		p.Del(ctx, l.claimKey(id))
		return nil
	})
	return err
}

// Release drops a claim after a failed send, so it can be retried at once.
func (l *Log) Release(ctx context.Context, id string) error {
	return l.rdb.Del(ctx, l.claimKey(id)).Err()
}

// IsDone reports whether id was sent.
func (l *Log) IsDone(ctx context.Context, id string) (bool, error) {
	n, err := l.rdb.Exists(ctx, l.doneKey(id)).Result()
	return n == 1, err
}

// Get returns the record of a sent id, or ok=false.
func (l *Log) Get(ctx context.Context, id string) (rec Record, ok bool, err error) {
	b, err := l.rdb.Get(ctx, l.doneKey(id)).Bytes()
	if errors.Is(err, redis.Nil) {
		return rec, false, nil
	}
	if err != nil {
		return rec, false, err
	}
	return rec, true, json.Unmarshal(b, &rec)
}
