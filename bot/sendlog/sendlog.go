// Package sendlog makes pushes happen exactly once across retries,
// restarts, replicas and failovers. It is the record half of casebot's one
// send-once mechanism; the other half is the WeCom sender
// (bot/wecom.Sender), the only code that claims, attempts and records
// pushes. Every push — replies, reminders, escalations, notices,
// bulletins, drafts, apologies — goes through it.
//
// # Using it for a new kind of push
//
// Name the push and send it under that name:
//
//	ctx = sendlog.WithID(ctx, "deadline", deadlineID+"|"+recipient)
//	rcpt, err := sender.Send(ctx, out)
//
// and add the namespace's retention to keys.SendRecordTTL. That is all:
// the push is sent at most once while its record lives (rcpt.Already
// tells a push that was made before), a failed push can simply be tried
// again under the same id (multi-part messages resume at the first part
// not yet accepted), and errors.Is(err, bot.ErrUndelivered) says the push
// must be retried later (ErrBusy among them: another live process is
// making it right now). The id must name the push, not the attempt: the
// same id on every retry, a different one for a different push. A handler
// replying to a message does nothing at all: the inbox puts the message's
// sequence (WithSequence) under the handler's context, and the n-th push
// of the handler is "reply:<msg>:n".
//
// # The policy, written once
//
// For each push the sender claims the id, then for each API call (part)
// not yet recorded: saves the exact request it is about to send, sends it,
// and records it once WeCom accepted it; when every part is recorded the
// push is recorded and the claim released. The claim reads where the push
// stands (parts accepted, requests saved) in the same step and, on a
// push's first try, saves its first request too (ClaimBegin); the last
// part's record, the push's and the release are one step too (Finish), so
// a one-part reply costs two round trips to Redis besides the rate
// limiter: claim and save the request, finish.
//
//   - A claim belongs to a process (its presence, bot/lock) and lives
//     ClaimTTL, derived from sender.timeout and renewed before every
//     request; a claim whose owner's presence is gone is taken over at
//     once. A claim held by a live process is never waited for: the
//     caller gets ErrBusy and retries later, so reclaimed work never
//     blocks a worker.
//   - A request whose outcome is unknown (a timeout, a dropped connection,
//     a 5xx, a crash between send and record) is not sent again blind: the
//     saved request is resent byte for byte with WeCom's
//     enable_duplicate_check on, and WeCom delivers it only if the first
//     never arrived. Card task ids are stable, and "task_id exist" or
//     "response_code used" after an unknown attempt means it arrived.
//   - Two different pushes whose requests would be identical (the same
//     text to the same person within the check's interval) are told apart
//     by a fingerprint of the request: the later one is sent with the
//     check off, or WeCom would silently drop it. Beyond the interval an
//     unknown attempt is resent anyway: a rare duplicate is preferred to a
//     silent miss.
//   - Records that back a promise are confirmed on a replica (bot/durable,
//     redis.wait_replicas) before they count.
//   - One clock: the sender's, which stamps every record and ages every
//     attempt.
package sendlog

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/redis/go-redis/v9"

	"casebot/bot"
	"casebot/bot/durable"
	"casebot/bot/keys"
)

// ErrBusy means another live process holds the push right now. The push
// is not lost: try again later (it then reads as already sent, or is free).
var ErrBusy = fmt.Errorf("%w: it is being sent by another live process", bot.ErrUndelivered)

// ErrLost means the claim expired or was taken over while the push was
// being sent (a pause longer than the claim TTL).
var ErrLost = fmt.Errorf("%w: the claim on it was lost", bot.ErrUndelivered)

// Push names one push: a namespace and an id within it. Covers are other
// ids of the namespace the push delivers too (a staff report listing
// several items), recorded as sent with it.
type Push struct {
	NS     string
	ID     string
	Covers []string
}

// Part returns the id of the push's n-th API call (n from 1).
func (p Push) Part(n int) string { return p.ID + ":" + strconv.Itoa(n) }

func (p Push) String() string { return p.NS + ":" + p.ID }

type pushKey struct{}

// source hands out the pushes of one context.
type source struct {
	fixed *Push
	ns    string
	base  string
	n     atomic.Int64
}

// WithID returns ctx under which a Send is the push (ns, id). Make one
// Send under it: a second Send of the same id reads as already sent.
func WithID(ctx context.Context, ns, id string, covers ...string) context.Context {
	return context.WithValue(ctx, pushKey{}, &source{fixed: &Push{NS: ns, ID: id, Covers: covers}})
}

// WithSequence returns ctx under which the n-th Send (from 1) is the push
// (ns, base:n). A handler that makes its pushes in the same order each
// time it runs (any handler replying sequentially) is thereby exactly
// once when run again.
func WithSequence(ctx context.Context, ns, base string) context.Context {
	return context.WithValue(ctx, pushKey{}, &source{ns: ns, base: base})
}

// Next returns the push the next Send under ctx makes, or ok=false when
// ctx names none (a push made without a record).
func Next(ctx context.Context) (p Push, ok bool) {
	s, _ := ctx.Value(pushKey{}).(*source)
	if s == nil {
		return Push{}, false
	}
	if s.fixed != nil {
		return *s.fixed, true
	}
	return Push{NS: s.ns, ID: s.base + ":" + strconv.FormatInt(s.n.Add(1), 10)}, true
}

// Result of a Claim.
type Result int

const (
	Claimed     Result = iota // the caller may send
	AlreadyDone               // sent before: do nothing
	Busy                      // a live process holds the claim now
)

// Options configure a Log.
type Options struct {
	// Owner names this process (its presence name, lock.Presence.Name).
	// If empty, a fresh name, without a heartbeat.
	Owner string
	// Heartbeat says the owner keeps a presence (lock.Presence), so that
	// its claims die with it instead of at the end of their TTL.
	Heartbeat bool
	// ClaimTTL bounds a claim between renewals (see ClaimTTL).
	ClaimTTL time.Duration
	// Window is how long after an attempt the same request is resolved by
	// WeCom's duplicate check: the check's interval.
	Window time.Duration
	// Now is the one clock of the records. If nil, time.Now.
	Now func() time.Time
	// Durable confirms records on replicas. If nil, none is waited for.
	Durable *durable.Writer
}

// ClaimTTL is the claim lifetime for requests bounded by timeout: a
// request and the backoff before it (never more than timeout), with a
// second of margin. The sender renews its claim before each request.
func ClaimTTL(timeout time.Duration) time.Duration { return 2*timeout + time.Second }

// Log holds the records of every namespace.
type Log struct {
	rdb redis.UniversalClient
	k   keys.Keys
	opt Options
	// held are the claim values this Log holds or is taking now: a claim
	// in our own name that is not among them was left by an attempt of
	// ours that could not release it (Redis failing over), and is ours to
	// take.
	held sync.Map
}

// New returns the log under k.
func New(rdb redis.UniversalClient, k keys.Keys, opt Options) *Log {
	if opt.Owner == "" {
		b := make([]byte, 6)
		rand.Read(b)
		opt.Owner = "anon-" + hex.EncodeToString(b)
	}
	if opt.ClaimTTL <= 0 {
		opt.ClaimTTL = ClaimTTL(10 * time.Second)
	}
	if opt.Window <= 0 {
		opt.Window = 30 * time.Minute
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Durable == nil {
		opt.Durable = durable.NewWriter(rdb, 0, 0)
	}
	return &Log{rdb: rdb, k: k, opt: opt}
}

// Now is the log's clock.
func (l *Log) Now() time.Time { return l.opt.Now() }

// Window is how long an attempt can be resolved by resending it.
func (l *Log) Window() time.Duration { return l.opt.Window }

// Owner is the name claims are held under.
func (l *Log) Owner() string { return l.opt.Owner }

func (l *Log) done(ns, id string) string { return l.k.SendDone(ns, id) }

// claimScript takes the claim unless the push is done or a claim is held
// by someone else than ARGV[3] (a holder found dead; "" for none). Once
// claimed it returns, after {1, begun}, the values of the ARGV[4] parts'
// records and saved attempts (KEYS[3...], "" for none), so that the
// sender knows where the push stands without another round trip. With a
// request for part 1 (ARGV[5] not empty: its fingerprint's owner, then
// the window, the checked and the unchecked attempt, and its fingerprint
// key last in KEYS), a part 1 neither accepted nor attempted is begun in
// the same step (beginLua): begun is then "1" (checked) or "0".
var claimScript = redis.NewScript(beginLua + `
if redis.call("EXISTS", KEYS[1]) == 1 then
	return {-1, ""}
end
local cur = redis.call("GET", KEYS[2])
if cur and cur ~= ARGV[3] then
	return {0, cur}
end
redis.call("SET", KEYS[2], ARGV[1], "PX", ARGV[2])
local parts = tonumber(ARGV[4])
local out = {1, ""}
for i = 3, 2 + 2 * parts do
	out[#out + 1] = redis.call("GET", KEYS[i]) or ""
end
if ARGV[5] ~= "" and out[3] == "" and out[3 + parts] == "" then
	out[2] = tostring(begin(KEYS[#KEYS], KEYS[3 + parts], ARGV[5], ARGV[6], ARGV[7], ARGV[8]))
end
return out`)

// renewScript extends a claim still held under ARGV[1].
var renewScript = redis.NewScript(`
if redis.call("GET", KEYS[1]) == ARGV[1] then
	return redis.call("PEXPIRE", KEYS[1], ARGV[2])
end
return 0`)

// releaseScript drops a claim still held under ARGV[1].
var releaseScript = redis.NewScript(`
if redis.call("GET", KEYS[1]) == ARGV[1] then
	return redis.call("DEL", KEYS[1])
end
return 0`)

// Claim is a held claim on a push.
type Claim struct {
	l     *Log
	p     Push
	value string
	// renewed is when the claim was last taken or renewed, on the
	// monotonic clock: the claim's TTL runs in real time in Redis.
	renewed time.Time
	// parts is what the log held about each part when the claim was
	// taken (see Claim).
	parts []partState
}

type partState struct {
	done    *Record
	attempt *Attempt
	begun   bool // attempt saved by this claim: not an earlier try's
}

// PartDone returns the record of part n (from 1) as it was when the claim
// was taken, if that part had been accepted. While the claim is held
// nobody else records the push's parts.
func (c *Claim) PartDone(n int) (Record, bool) {
	if n < 1 || n > len(c.parts) || c.parts[n-1].done == nil {
		return Record{}, false
	}
	return *c.parts[n-1].done, true
}

// Attempt returns the saved attempt of part n: one whose outcome was
// unknown when the claim was taken, or the one the claim saved (see
// Begun); nil if none.
func (c *Claim) Attempt(n int) *Attempt {
	if n < 1 || n > len(c.parts) {
		return nil
	}
	return c.parts[n-1].attempt
}

// Begun reports whether part n's attempt was saved by the claim itself
// (ClaimBegin): a first try, not an unknown outcome to resolve.
func (c *Claim) Begun(n int) bool {
	return n >= 1 && n <= len(c.parts) && c.parts[n-1].begun
}

// Request is the request of one part, as Begin takes it: on with WeCom's
// duplicate check, off without (on is nil for an API without the check).
// Both are JSON as json.Marshal writes it; they are saved as they are.
type Request struct {
	API     string
	On, Off []byte
}

// holder is how a claim value names its owner: "name|hb|token" for an
// owner with a heartbeat, "name||token" otherwise.
func (l *Log) claimValue() string {
	b := make([]byte, 6)
	rand.Read(b)
	hb := ""
	if l.opt.Heartbeat {
		hb = "hb"
	}
	return l.opt.Owner + "|" + hb + "|" + hex.EncodeToString(b)
}

// Claim claims p, a push of parts API calls, for this process, and reads
// the records and saved attempts of its parts in the same step (see
// Claim.PartDone, Claim.Attempt). A claim held by a process whose presence
// is gone is taken over; one held by a live process is Busy.
func (l *Log) Claim(ctx context.Context, p Push, parts int) (*Claim, Result, error) {
	return l.ClaimBegin(ctx, p, parts, nil)
}

// ClaimBegin is Claim that also begins part 1 with first (see Begin) in
// the same step when part 1 was neither accepted nor attempted before: a
// push's first try costs one round trip to Redis for both. Claim.Begun(1)
// then says so, and Claim.Attempt(1) is the attempt to send. first nil is
// Claim.
func (l *Log) ClaimBegin(ctx context.Context, p Push, parts int, first *Request) (*Claim, Result, error) {
	c := &Claim{l: l, p: p, value: l.claimValue()}
	l.held.Store(c.value, struct{}{}) // before it can be seen in Redis
	claimed := false
	defer func() {
		if !claimed {
			l.held.Delete(c.value)
		}
	}()
	ks := make([]string, 2, 2+2*parts)
	ks[0], ks[1] = l.done(p.NS, p.ID), l.k.SendClaim(p.NS, p.ID)
	for n := 1; n <= parts; n++ {
		ks = append(ks, l.done(p.NS, p.Part(n)))
	}
	for n := 1; n <= parts; n++ {
		ks = append(ks, l.k.SendAttempt(p.NS, p.Part(n)))
	}
	var b *begun
	if first != nil && parts > 0 {
		var err error
		if b, err = l.prepare(p, 1, *first); err != nil {
			return nil, Busy, err
		}
		ks = append(ks, b.fp)
	}
	dead := ""
	for attempt := 0; attempt < 2; attempt++ {
		c.renewed = time.Now()
		args := []any{c.value, l.opt.ClaimTTL.Milliseconds(), dead, parts}
		var cmd *redis.Cmd
		var err error
		if b == nil {
			cmd = claimScript.Run(ctx, l.rdb, ks, append(args, "")...)
			err = cmd.Err()
		} else {
			// Confirmed on replicas like Begin; an attempt saved on the
			// master alone is still sent (see Begin).
			cmd, err = l.opt.Durable.Run(ctx, claimScript, ks, append(args, b.owner, l.opt.Window.Milliseconds(), b.on, b.off)...)
			if errors.Is(err, durable.ErrNotReplicated) {
				err = cmd.Err()
			}
		}
		if err != nil {
			return nil, Busy, err
		}
		res, err := cmd.Slice()
		if err != nil {
			return nil, Busy, err
		}
		code, _ := res[0].(int64)
		holder, _ := res[1].(string)
		switch code {
		case 1:
			if err := c.readParts(res[2:], parts); err != nil {
				c.Release(context.WithoutCancel(ctx))
				return nil, Busy, err
			}
			if b != nil && (holder == "1" || holder == "0") {
				c.parts[0].attempt, c.parts[0].begun = b.attempt(holder == "1"), true
			}
			claimed = true
			return c, Claimed, nil
		case -1:
			return nil, AlreadyDone, nil
		}
		name, hb, _ := strings.Cut(holder, "|")
		if dead != "" {
			return nil, Busy, nil
		}
		if name == l.opt.Owner {
			if _, ok := l.held.Load(holder); ok {
				return nil, Busy, nil // held by another send of this process
			}
			dead = holder // a stale claim of ours
			continue
		}
		if !strings.HasPrefix(hb, "hb|") {
			return nil, Busy, nil // no heartbeat to judge by: wait for the TTL
		}
		n, err := l.rdb.Exists(ctx, l.k.Alive(name)).Result()
		if err != nil {
			return nil, Busy, err
		}
		if n == 1 {
			return nil, Busy, nil
		}
		dead = holder // its owner is gone: take it over if it is still that claim
	}
	return nil, Busy, nil
}

// readParts decodes the parts' records and attempts the claim script
// returned: parts records, then parts attempts.
func (c *Claim) readParts(vals []any, parts int) error {
	if len(vals) != 2*parts {
		return fmt.Errorf("claim of %s: %d values for %d parts", c.p, len(vals), parts)
	}
	c.parts = make([]partState, parts)
	for i := range parts {
		if b, _ := vals[i].(string); b != "" {
			var r Record
			if err := json.Unmarshal([]byte(b), &r); err != nil {
				return fmt.Errorf("record of %s: %w", c.p.Part(i+1), err)
			}
			c.parts[i].done = &r
		}
		if b, _ := vals[parts+i].(string); b != "" {
			var a Attempt
			if err := json.Unmarshal([]byte(b), &a); err != nil {
				return fmt.Errorf("attempt of %s: %w", c.p.Part(i+1), err)
			}
			c.parts[i].attempt = &a
		}
	}
	return nil
}

// Renew extends the claim for another ClaimTTL; ErrLost if it is gone.
func (c *Claim) Renew(ctx context.Context) error {
	at := time.Now()
	n, err := renewScript.Run(ctx, c.l.rdb, []string{c.l.k.SendClaim(c.p.NS, c.p.ID)}, c.value, c.l.opt.ClaimTTL.Milliseconds()).Int()
	if err != nil {
		return err
	}
	if n != 1 {
		return ErrLost
	}
	c.renewed = at
	return nil
}

// Refresh renews the claim once a quarter of its TTL has passed since it
// was taken or last renewed, and is free before that: the sender calls it
// before every request, and a push's first request follows its claim at
// once.
func (c *Claim) Refresh(ctx context.Context) error {
	if time.Since(c.renewed) < c.l.opt.ClaimTTL/4 {
		return nil
	}
	return c.Renew(ctx)
}

// Release drops the claim (after a failure, so it can be retried at once).
// If Redis cannot be told, this process still lets go of it: its next
// claim of the push takes the stale one over.
func (c *Claim) Release(ctx context.Context) error {
	c.l.held.Delete(c.value)
	return releaseScript.Run(ctx, c.l.rdb, []string{c.l.k.SendClaim(c.p.NS, c.p.ID)}, c.value).Err()
}

// Record is what is stored about an accepted push or part.
type Record struct {
	At     time.Time `json:"at"`
	Detail any       `json:"detail,omitempty"`
}

// PartDone returns the record of part n of p, if accepted before.
func (l *Log) PartDone(ctx context.Context, p Push, n int) (Record, bool, error) {
	return l.Get(ctx, p.NS, p.Part(n))
}

// DonePart records part n of p as accepted and forgets its attempt, once
// confirmed on replicas.
func (l *Log) DonePart(ctx context.Context, p Push, n int, detail any) error {
	b, err := json.Marshal(Record{At: l.Now(), Detail: detail})
	if err != nil {
		return err
	}
	part := p.Part(n)
	_, err = l.opt.Durable.Tx(ctx, l.done(p.NS, part), func(pipe redis.Pipeliner) error {
		pipe.Set(ctx, l.done(p.NS, part), b, keys.SendRecordTTL(p.NS))
		pipe.Del(ctx, l.k.SendAttempt(p.NS, part))
		return nil
	})
	return err
}

// Done records the whole push (and what it covers) as accepted, once
// confirmed on replicas, and releases the claim.
func (l *Log) Done(ctx context.Context, c *Claim, detail any) error {
	if err := l.Record(ctx, c.p, detail); err != nil {
		return err
	}
	return c.Release(ctx)
}

// Record marks p (and what it covers) as accepted without a claim: for
// pushes that are the sum of others (a bulletin recipient's whole
// edition) and for fakes that keep the contract (see Next).
func (l *Log) Record(ctx context.Context, p Push, detail any) error {
	b, err := json.Marshal(Record{At: l.Now(), Detail: detail})
	if err != nil {
		return err
	}
	ttl := keys.SendRecordTTL(p.NS)
	_, err = l.opt.Durable.Tx(ctx, l.done(p.NS, p.ID), func(pipe redis.Pipeliner) error {
		pipe.Set(ctx, l.done(p.NS, p.ID), b, ttl)
		for _, id := range p.Covers {
			pipe.Set(ctx, l.done(p.NS, id), b, ttl)
		}
		return nil
	})
	return err
}

// finishScript records the last part of a push (KEYS[1], its attempt
// KEYS[2] forgotten) and the push itself with what it covers (KEYS[4...])
// and releases the claim KEYS[3] if still held under ARGV[3], in one step.
var finishScript = redis.NewScript(`
redis.call("SET", KEYS[1], ARGV[1], "PX", ARGV[4])
redis.call("DEL", KEYS[2])
if redis.call("GET", KEYS[3]) == ARGV[3] then
	redis.call("DEL", KEYS[3])
end
for i = 4, #KEYS do
	redis.call("SET", KEYS[i], ARGV[2], "PX", ARGV[4])
end
return 1`)

// Finish records the push's last part n as accepted (with partDetail) and
// the whole push (with detail) and releases the claim, in one step
// confirmed on replicas: what DonePart and Done do, at the cost of one.
// The claim is let go of even when Redis cannot be told.
func (l *Log) Finish(ctx context.Context, c *Claim, n int, partDetail, detail any) error {
	defer l.held.Delete(c.value)
	now := l.Now()
	pb, err := json.Marshal(Record{At: now, Detail: partDetail})
	if err != nil {
		return err
	}
	b, err := json.Marshal(Record{At: now, Detail: detail})
	if err != nil {
		return err
	}
	p := c.p
	ks := []string{l.done(p.NS, p.Part(n)), l.k.SendAttempt(p.NS, p.Part(n)), l.k.SendClaim(p.NS, p.ID), l.done(p.NS, p.ID)}
	for _, id := range p.Covers {
		ks = append(ks, l.done(p.NS, id))
	}
	_, err = l.opt.Durable.Run(ctx, finishScript, ks, pb, b, c.value, keys.SendRecordTTL(p.NS).Milliseconds())
	return err
}

// IsDone reports whether push id of ns was accepted.
func (l *Log) IsDone(ctx context.Context, ns, id string) (bool, error) {
	n, err := l.rdb.Exists(ctx, l.done(ns, id)).Result()
	return n == 1, err
}

// Get returns the record of an accepted id, or ok=false.
func (l *Log) Get(ctx context.Context, ns, id string) (rec Record, ok bool, err error) {
	b, err := l.rdb.Get(ctx, l.done(ns, id)).Bytes()
	if errors.Is(err, redis.Nil) {
		return rec, false, nil
	}
	if err != nil {
		return rec, false, err
	}
	return rec, true, json.Unmarshal(b, &rec)
}

// Attempt is a request sent (or about to be) whose outcome is not known.
type Attempt struct {
	API  string          `json:"api"`
	Body json.RawMessage `json:"body"`
	At   time.Time       `json:"at"`
	// Check says the request went with WeCom's duplicate check on.
	Check bool `json:"check"`
}

// Resolvable reports whether resending a's request at now is resolved by
// WeCom's duplicate check (delivered only if the first never arrived).
func (a *Attempt) Resolvable(now time.Time, window time.Duration) bool {
	return a.Check && now.Sub(a.At) < window-time.Minute
}

// LastAttempt returns the saved attempt of part n of p, or nil.
func (l *Log) LastAttempt(ctx context.Context, p Push, n int) (*Attempt, error) {
	b, err := l.rdb.Get(ctx, l.k.SendAttempt(p.NS, p.Part(n))).Bytes()
	if errors.Is(err, redis.Nil) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var a Attempt
	if err := json.Unmarshal(b, &a); err != nil {
		return nil, fmt.Errorf("attempt of %s: %w", p.Part(n), err)
	}
	return &a, nil
}

// beginLua saves the attempt of a part under att. With a checked request
// (on not empty) it first reserves the request's fingerprint fp for this
// part (named part); when a different part holds it (the very same
// request, sent by another push within the window) the unchecked request
// (off) is saved instead. It returns 1 when the checked request is the
// one saved. It is the one copy of this step: beginScript runs it alone,
// claimScript right after taking a claim.
const beginLua = `
local function begin(fp, att, part, ttl, on, off)
	local checked = 0
	if on ~= "" then
		if redis.call("SET", fp, part, "NX", "PX", ttl) then
			checked = 1
		elseif redis.call("GET", fp) == part then
			checked = 1
		end
	end
	if checked == 1 then
		redis.call("SET", att, on, "PX", ttl)
	else
		redis.call("SET", att, off, "PX", ttl)
	end
	return checked
end
`

// beginScript saves the attempt of a part (beginLua).
var beginScript = redis.NewScript(beginLua + `return begin(KEYS[1], KEYS[2], ARGV[1], ARGV[2], ARGV[3], ARGV[4])`)

// Begin saves the attempt of part n of p before its request goes, and
// returns the attempt to send. on is the request with WeCom's duplicate
// check, off the same without it; on is nil for an API without the check
// (appchat/send, update_template_card). The checked request is chosen
// unless a different push sent the very same one within the window, which
// WeCom would drop as a duplicate.
func (l *Log) Begin(ctx context.Context, p Push, n int, api string, on, off []byte) (*Attempt, error) {
	b, err := l.prepare(p, n, Request{API: api, On: on, Off: off})
	if err != nil {
		return nil, err
	}
	res, err := l.opt.Durable.Run(ctx, beginScript, []string{b.fp, l.k.SendAttempt(p.NS, p.Part(n))},
		b.owner, l.opt.Window.Milliseconds(), b.on, b.off)
	if res == nil || res.Err() != nil {
		if res != nil {
			err = res.Err()
		}
		return nil, err
	}
	// An attempt saved on the master but not confirmed by a replica is
	// still sent: not sending would be a silent miss, and the record is
	// lost only if the master fails in the next instant.
	v, _ := res.Int()
	return b.attempt(v == 1), nil
}

// begun is an attempt of a part ready to be saved (beginLua's arguments).
type begun struct {
	req     Request
	at      time.Time
	fp      string // the fingerprint key of the checked request
	owner   string // the part, as the fingerprint's owner
	on, off []byte // the attempts as saved
}

func (l *Log) prepare(p Push, n int, r Request) (*begun, error) {
	b := &begun{req: r, at: l.Now(), owner: p.NS + ":" + p.Part(n)}
	if r.On != nil {
		b.on = appendAttempt(make([]byte, 0, attemptSize(r.API, r.On)), r.API, r.On, b.at, true)
	}
	b.off = appendAttempt(make([]byte, 0, attemptSize(r.API, r.Off)), r.API, r.Off, b.at, false)
	h := sha256.Sum256(r.On)
	b.fp = l.k.SendFingerprint(hex.EncodeToString(h[:16]))
	return b, nil
}

// appendAttempt appends the JSON of Attempt{API: api, Body: body, At: at,
// Check: check} to dst, byte for byte what json.Marshal writes for it.
// body is copied as it is: it is a request as json.Marshal wrote it
// (compact, valid, HTML-escaped; see Request), and json.Marshal would only
// compact and validate it again — for every reply, twice (the checked and
// the unchecked attempt), a sizeable share of the sender's CPU.
func appendAttempt(dst []byte, api string, body []byte, at time.Time, check bool) []byte {
	dst = append(dst, `{"api":`...)
	dst = appendJSONString(dst, api)
	dst = append(dst, `,"body":`...)
	if body == nil {
		dst = append(dst, "null"...)
	} else {
		dst = append(dst, body...)
	}
	dst = append(dst, `,"at":"`...)
	dst = at.AppendFormat(dst, time.RFC3339Nano)
	dst = append(dst, `","check":`...)
	dst = strconv.AppendBool(dst, check)
	return append(dst, '}')
}

// attemptSize is room for appendAttempt's JSON (the fields' names, the
// time, the check: under 80 bytes) without escapes in api.
func attemptSize(api string, body []byte) int { return len(api) + len(body) + 80 }

// appendJSONString appends s as json.Marshal writes a string: as it is
// when no byte of it needs escaping (an API path), else through
// json.Marshal.
func appendJSONString(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x80 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			q, _ := json.Marshal(s) // a string always marshals
			return append(dst, q...)
		}
	}
	dst = append(dst, '"')
	dst = append(dst, s...)
	return append(dst, '"')
}

// attempt is the attempt saved: the checked request or the unchecked.
func (b *begun) attempt(checked bool) *Attempt {
	if checked {
		return &Attempt{API: b.req.API, Body: b.req.On, At: b.at, Check: true}
	}
	return &Attempt{API: b.req.API, Body: b.req.Off, At: b.at}
}

// Forget drops the saved attempt of part n of p: WeCom refused it for
// good (a definite answer), so the next try builds a new request.
func (l *Log) Forget(ctx context.Context, p Push, n int) error {
	return l.rdb.Del(ctx, l.k.SendAttempt(p.NS, p.Part(n))).Err()
}
