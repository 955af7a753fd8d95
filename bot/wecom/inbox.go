package wecom

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/redis/go-redis/v9"

	"casebot/bot"
	"casebot/bot/durable"
	"casebot/bot/keys"
	"casebot/bot/lock"
	"casebot/bot/sendlog"
	"casebot/bot/stream"
)

// HandleFunc handles one message; (*bot.Bot).Handle is one. An error means
// the message was not handled — Redis or the directory was unreachable,
// or its reply could not be delivered — and must be tried again later.
type HandleFunc func(ctx context.Context, msg *bot.Message) error

// InboxOptions tune an Inbox. Zero values take the defaults in brackets
// (the config keys inbox.* give the production values).
type InboxOptions struct {
	// Workers is how many messages are handled at once [8].
	Workers int
	// Heartbeat is how often held messages are renewed and dead replicas
	// looked for [1s]; a replica silent for 5 heartbeats is dead and its
	// messages are taken over.
	Heartbeat time.Duration
	// ClaimIdle is the safety net: a message idle this long with any
	// worker is taken over [1m].
	ClaimIdle time.Duration
	// MaxDeliveries is how many times a message is tried before it is
	// dead-lettered [5].
	MaxDeliveries int
	// Backoff is the wait before a failed message is tried again, doubled
	// each further time [2s].
	Backoff time.Duration
	// Block is how long one read waits for new messages [2s].
	Block time.Duration
	// Consumer names this process in the consumer group: its presence
	// name (lock.Presence) [host-pid-random].
	Consumer string
	// Durable confirms each accepted callback on replicas before the 200.
	Durable *durable.Writer
	// Gate, if set, bounds the messages handled at once below Workers
	// while acknowledgements are slow (a *priority.Limiter fed by the
	// Callback): replies yield to acknowledgements.
	Gate stream.Gate
	// MaxBacklog bounds the messages accepted and not yet handled
	// (inbox.max_backlog): beyond it Enqueue refuses with ErrBacklogFull
	// and the callback answers 503, so WeCom retries later. 0: no bound.
	MaxBacklog int64
	// GiveUp tells the user (and staff) that a message was given up on,
	// under a push id of its own. An error (wrapping bot.ErrUndelivered:
	// WeCom is still failing) keeps the message pending; it is tried again
	// after its backoff, so a given-up message is never dropped untold.
	// Optional.
	GiveUp func(ctx context.Context, msg *bot.Message, reason string) error
	// Now is the sender's clock, on which a push deferred by the per-user
	// rate limit (DeferredError) gives its time [time.Now].
	Now func() time.Time
	// Done, if set, is called after each delivery with its outcome: "ok",
	// "retry" (tried again later), "deferred" (a reply waits for its
	// recipient's rate limit; not a failed delivery) or "dead". Tests
	// wait on it.
	Done    func(msg *bot.Message, outcome string)
	Log     *slog.Logger
	Metrics *Metrics
}

// MaxHandleTime bounds the handling of one message, so that a hung handler
// cannot hold a worker forever.
const MaxHandleTime = 5 * time.Minute

// Inbox is the durable queue between the callback and the handlers: a
// Redis Stream read, through bot/stream's consumer, by a group shared by
// every replica.
//
// A message is appended (after deduplication, in one script, confirmed on
// replicas when redis.wait_replicas is set) before the callback answers
// 200. It is acknowledged and deleted only once handled, its reply
// delivered; a message whose handling or reply failed is tried again with
// backoff, and after MaxDeliveries it is moved to the dead-letter stream
// and GiveUp tells the user and staff. A crashed replica's messages are
// taken over within seconds (its presence is gone), and the send log
// keeps a message handled twice from being answered twice.
//
// Within one process, messages of one user are handled in arrival order.
type Inbox struct {
	rdb     redis.UniversalClient
	k       keys.Keys
	handle  HandleFunc
	opt     InboxOptions
	durable *durable.Writer
	c       *stream.Consumer
}

// NewInbox returns the inbox under k, handing messages to handle.
func NewInbox(rdb redis.UniversalClient, k keys.Keys, handle HandleFunc, opt InboxOptions) *Inbox {
	if opt.Workers <= 0 {
		opt.Workers = 8
	}
	if opt.Backoff <= 0 {
		opt.Backoff = 2 * time.Second
	}
	if opt.Consumer == "" {
		opt.Consumer = lock.ProcessName()
	}
	if opt.Log == nil {
		opt.Log = slog.Default()
	}
	opt.Metrics = orDiscard(opt.Metrics)
	in := &Inbox{rdb: rdb, k: k, handle: handle, opt: opt, durable: opt.Durable}
	if in.durable == nil {
		in.durable = durable.NewWriter(rdb, 0, 0)
	}
	in.c = stream.New(rdb, in.process, stream.Options{
		Stream: k.Inbox(), Group: keys.InboxGroup, Consumer: opt.Consumer, Keys: k,
		Heartbeat: opt.Heartbeat, Workers: opt.Workers, MaxDeliveries: opt.MaxDeliveries,
		Backoff: opt.Backoff, MaxBackoff: time.Minute, Block: opt.Block, ClaimIdle: opt.ClaimIdle,
		HandleTimeout: MaxHandleTime,
		Order:         entryOrder,
		DeadStream:    k.InboxDead(), DeadMaxLen: keys.InboxDeadMaxLen,
		OnDead: in.onDead, Gate: opt.Gate, Now: opt.Now,
		Done: in.done,
		Log:  opt.Log,
	})
	return in
}

func orderKey(m *bot.Message) string {
	if m == nil {
		return ""
	}
	return m.From
}

// entryOrder is the order key of an entry: its field "u" (the sender, set
// by enqueue so the reader need not decode the message), or, for an entry
// written before that field existed, the decoded message's sender.
func entryOrder(e stream.Entry) string {
	if u, ok := e.Values["u"].(string); ok {
		return u
	}
	m, _ := decodeEntry(e)
	return orderKey(m)
}

// Consumer is this process's name in the consumer group.
func (in *Inbox) Consumer() string { return in.opt.Consumer }

// enqueue sets the dedupe key and appends the message in one step, so that
// no failure can leave one without the other. It returns the entry id, ""
// for a message already taken, or 0 when the stream already holds
// ARGV[3] entries (the backlog bound; 0: none) — nothing is written then.
// ARGV[4], the sender, is the entry's order key (field "u").
// A duplicate is told apart first, so that WeCom's retry of a message
// already taken is answered 200 even when the backlog is full.
var enqueue = redis.NewScript(`
if redis.call("EXISTS", KEYS[1]) == 1 then
	return ""
end
local bound = tonumber(ARGV[3])
if bound > 0 and redis.call("XLEN", KEYS[2]) >= bound then
	return 0
end
redis.call("SET", KEYS[1], "1", "PX", ARGV[1])
return redis.call("XADD", KEYS[2], "*", "m", ARGV[2], "u", ARGV[4])`)

// ErrBacklogFull means the inbox holds inbox.max_backlog messages not yet
// handled: the callback answers 503 and WeCom retries later.
var ErrBacklogFull = errors.New("inbox backlog over inbox.max_backlog")

// Enqueue appends msg unless a message with its id was taken within
// keys.SeenTTL, and confirms the write on replicas (redis.wait_replicas)
// before it returns. On error nothing is kept: the dedupe key and the
// entry are removed (best effort) so that WeCom's retry is taken.
func (in *Inbox) Enqueue(ctx context.Context, msg *bot.Message) (bool, error) {
	b, err := json.Marshal(msg)
	if err != nil {
		return false, err
	}
	seen := in.k.Seen(msg.ID)
	res, err := in.durable.Run(ctx, enqueue, []string{seen, in.k.Inbox()}, keys.SeenTTL.Milliseconds(), b, in.opt.MaxBacklog, orderKey(msg))
	id := ""
	if res != nil && res.Err() == nil {
		if n, isInt := res.Val().(int64); isInt && n == 0 {
			return false, fmt.Errorf("%w (%d)", ErrBacklogFull, in.opt.MaxBacklog)
		}
		id, _ = res.Text()
	}
	if err != nil {
		rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Second)
		defer cancel()
		switch {
		case id != "":
			// Written but not confirmed: undo it, so the 503 is the truth.
			// A worker that already took it is harmless: the retry's reply
			// goes under the same push ids. The entry and its dedupe key
			// go in one script: a dedupe key left without its entry would
			// answer WeCom's retry 200 as a duplicate of a message nobody
			// holds (a message lost), which two separate deletes allowed
			// when the second failed, or when a failover promoted a
			// replica that had the first and not the second.
			unenqueue.Run(rctx, in.rdb, []string{seen, in.k.Inbox()}, id)
		case !errors.Is(err, durable.ErrNotReplicated):
			// The script's outcome is unknown (no answer): whatever it
			// wrote, the retry must be taken. An entry it did append is
			// kept and handled; the retry's reply goes under the same
			// push ids, so it is answered once.
			in.rdb.Del(rctx, seen)
		}
		return false, err
	}
	return id != "", nil
}

// unenqueue removes an entry appended by enqueue and its dedupe key at
// once (KEYS: seen, inbox; ARGV[1]: the entry id): either both go or,
// when it fails, both stay and the entry is handled; never the key alone.
var unenqueue = redis.NewScript(`
redis.call("XDEL", KEYS[2], ARGV[1])
return redis.call("DEL", KEYS[1])`)

// EnsureGroup creates the stream and its consumer group if missing.
func (in *Inbox) EnsureGroup(ctx context.Context) error { return in.c.EnsureGroup(ctx) }

// Start handles messages in the background until Stop.
func (in *Inbox) Start(ctx context.Context) error { return in.c.Start(ctx) }

// Stop stops taking messages, finishes those already taken until ctx ends
// (inbox.drain_timeout), and returns; what is unfinished stays pending.
func (in *Inbox) Stop(ctx context.Context) error { return in.c.Stop(ctx) }

// ProcessPending handles what is waiting now, synchronously (tests).
func (in *Inbox) ProcessPending(ctx context.Context) (int, error) { return in.c.ProcessPending(ctx) }

func decodeEntry(e stream.Entry) (*bot.Message, error) {
	s := e.Field("m")
	if s == "" {
		return nil, errors.New("no message field")
	}
	var msg bot.Message
	if err := json.Unmarshal([]byte(s), &msg); err != nil {
		return nil, err
	}
	return &msg, nil
}

// process handles one entry: the message's pushes go under its sequence,
// so a message handled again answers once.
func (in *Inbox) process(ctx context.Context, e stream.Entry) error {
	msg, err := decodeEntry(e)
	if err != nil {
		return fmt.Errorf("%w: undecodable entry: %v", stream.ErrPoison, err)
	}
	start := time.Now()
	if e.Deliveries == 1 && !msg.ReceivedAt.IsZero() {
		in.opt.Metrics.Lag.Observe(start.Sub(msg.ReceivedAt).Seconds())
	}
	err = in.handle(ReplyContext(ctx, msg), msg)
	in.opt.Metrics.Handling.Observe(time.Since(start).Seconds())
	if err != nil {
		return fmt.Errorf("message %s from %s: %w", msg.ID, msg.From, err)
	}
	return nil
}

// ReplyContext is the context a message is handled under: its n-th push
// is the push "reply:<msg id>:n" of the send log.
func ReplyContext(ctx context.Context, msg *bot.Message) context.Context {
	return sendlog.WithSequence(ctx, keys.ReplySendNS, "reply:"+msg.ID)
}

// GiveUpContext is the context of the apology for a given-up message.
func GiveUpContext(ctx context.Context, msg *bot.Message) context.Context {
	return sendlog.WithSequence(ctx, keys.ReplySendNS, "giveup:"+msg.ID)
}

func (in *Inbox) done(e stream.Entry, outcome string, _ error) {
	in.opt.Metrics.Handled.WithLabelValues(outcome).Inc()
	if in.opt.Done == nil {
		return
	}
	if msg, err := decodeEntry(e); err == nil {
		in.opt.Done(msg, outcome)
	}
}

// onDead tells the user (and staff) of a message given up on, before it
// is dead-lettered.
func (in *Inbox) onDead(ctx context.Context, e stream.Entry, reason string) error {
	msg, err := decodeEntry(e)
	if err != nil || in.opt.GiveUp == nil {
		return nil // nobody to tell
	}
	gctx, cancel := context.WithTimeout(GiveUpContext(ctx, msg), time.Minute)
	defer cancel()
	return in.opt.GiveUp(gctx, msg, reason)
}

// giveUpMessage is what a user reads when a message could not be handled
// and staff were alerted (see GiveUp), so the text can say so;
// giveUpUnreported when no alert reached staff, so it must not.
const (
	giveUpMessage    = "抱歉，您刚才的消息多次处理未成功，已通知司法局应诉专班跟进。如急需办理，请直接联系司法局应诉专班。"
	giveUpUnreported = "抱歉，您刚才的消息多次处理未成功，系统已停止重试。请直接联系司法局应诉专班办理，给您带来不便，敬请谅解。"
)

// GiveUpMessage is the apology text for a given-up message; staffTold
// says whether an alert about it reached staff.
func GiveUpMessage(staffTold bool) string {
	if staffTold {
		return giveUpMessage
	}
	return giveUpUnreported
}

// DeadLetter is a message given up on, as kept in the dead-letter stream.
type DeadLetter struct {
	// ID is the dead-letter entry's id (for Redrive).
	ID         string       `json:"id"`
	Message    *bot.Message `json:"message,omitempty"`
	Deliveries string       `json:"deliveries"`
	Reason     string       `json:"reason"`
}

// Status is the inbox as an operator sees it.
type Status struct {
	// Backlog counts messages in the stream (taken or not); Pending those
	// taken by a worker and not yet acknowledged; Dead those given up.
	Backlog int64 `json:"backlog"`
	Pending int64 `json:"pending"`
	Dead    int64 `json:"dead"`
}

// Status reads the inbox's counters.
func (in *Inbox) Status(ctx context.Context) (Status, error) {
	var st Status
	var err error
	if st.Backlog, err = in.rdb.XLen(ctx, in.k.Inbox()).Result(); err != nil {
		return st, err
	}
	if p, err := in.rdb.XPending(ctx, in.k.Inbox(), keys.InboxGroup).Result(); err == nil {
		st.Pending = p.Count
	}
	st.Dead, err = in.rdb.XLen(ctx, in.k.InboxDead()).Result()
	return st, err
}

// DeadLetters returns the newest n dead letters, newest first.
func (in *Inbox) DeadLetters(ctx context.Context, n int64) ([]DeadLetter, error) {
	msgs, err := in.rdb.XRevRangeN(ctx, in.k.InboxDead(), "+", "-", n).Result()
	if err != nil {
		return nil, err
	}
	out := make([]DeadLetter, 0, len(msgs))
	for _, m := range msgs {
		e := stream.Entry{ID: m.ID, Values: m.Values}
		d := DeadLetter{ID: m.ID, Deliveries: e.Field("deliveries"), Reason: e.Field("reason")}
		d.Message, _ = decodeEntry(e)
		out = append(out, d)
	}
	return out, nil
}

// ErrNoDeadLetter means Redrive found no dead letter with that id.
var ErrNoDeadLetter = errors.New("no such dead letter")

// Redrive puts a dead letter back into the inbox, to be handled again
// from its first delivery; pushes it had already made are not repeated.
func (in *Inbox) Redrive(ctx context.Context, id string) (*bot.Message, error) {
	msgs, err := in.rdb.XRangeN(ctx, in.k.InboxDead(), id, id, 1).Result()
	if err != nil {
		return nil, err
	}
	if len(msgs) == 0 {
		return nil, ErrNoDeadLetter
	}
	e := stream.Entry{ID: id, Values: msgs[0].Values}
	msg, err := decodeEntry(e)
	if err != nil {
		return nil, fmt.Errorf("dead letter %s cannot be decoded: %w", id, err)
	}
	_, err = in.durable.Tx(ctx, in.k.Inbox(), func(p redis.Pipeliner) error {
		p.XAdd(ctx, &redis.XAddArgs{Stream: in.k.Inbox(), Values: []any{"m", e.Field("m"), "u", orderKey(msg)}})
		p.XDel(ctx, in.k.InboxDead(), id)
		return nil
	})
	return msg, err
}
