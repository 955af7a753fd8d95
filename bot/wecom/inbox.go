package wecom

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"

	"casebot/bot"
	"casebot/bot/keys"
)

// HandleFunc handles one message; (*bot.Bot).Handle is one. An error means
// the message could not be handled at all (Redis or the directory was
// unreachable) and should be tried again later.
type HandleFunc func(ctx context.Context, msg *bot.Message) error

// InboxOptions tune an Inbox. Zero values take the defaults in brackets.
type InboxOptions struct {
	// Workers is how many messages are handled at once [8].
	Workers int
	// ClaimIdle is how long a message may sit with a worker that stopped
	// renewing it before another worker takes it over [1m].
	ClaimIdle time.Duration
	// MaxDeliveries is how many times a message is tried before it is
	// dead-lettered [5].
	MaxDeliveries int
	// DrainTimeout is how long Run waits, once stopped, for messages already
	// taken to be handled; then their handlers are cancelled [30s].
	DrainTimeout time.Duration
	// Block is how long one read waits for new messages [2s].
	Block time.Duration
	// Consumer names this process in the consumer group [host-pid-random].
	Consumer string
	// GiveUp tells a user that their message was given up on. Optional.
	GiveUp func(ctx context.Context, msg *bot.Message)
	// Done, if set, is called after each message with its outcome: "ok",
	// "retry" (left for a later delivery) or "dead". Tests wait on it.
	Done    func(msg *bot.Message, outcome string)
	Log     *slog.Logger
	Metrics *Metrics
}

// MaxHandleTime bounds the handling of one message, so that a hung handler
// cannot hold a worker forever.
const MaxHandleTime = 5 * time.Minute

// Inbox is the durable queue between the callback and the handlers: a
// Redis Stream read by a consumer group shared by every replica.
//
// A message is appended (after deduplication, in one script) before the
// callback answers 200. A worker acknowledges and deletes it only after
// handling it, so a crash loses nothing: a message left pending by a dead
// worker is taken over by XAUTOCLAIM once idle for ClaimIdle. Live workers
// renew the messages they hold, so slow handlers are not taken over. A
// message delivered MaxDeliveries times without success is moved to a
// dead-letter stream and its sender gets an apology, so a poison message
// cannot loop forever.
//
// Within one process, messages of one user are handled in arrival order.
type Inbox struct {
	rdb    redis.UniversalClient
	k      keys.Keys
	handle HandleFunc
	opt    InboxOptions

	slots chan struct{} // bounds messages taken and not yet finished
	jobs  chan entry

	mu       sync.Mutex
	inflight map[string]struct{} // stream ids this process holds
	users    map[string][]entry  // per user: messages waiting behind a running one
}

type entry struct {
	id  string
	msg *bot.Message
}

// NewInbox returns the inbox under k, handing messages to handle.
func NewInbox(rdb redis.UniversalClient, k keys.Keys, handle HandleFunc, opt InboxOptions) *Inbox {
	if opt.Workers <= 0 {
		opt.Workers = 8
	}
	if opt.ClaimIdle <= 0 {
		opt.ClaimIdle = time.Minute
	}
	if opt.MaxDeliveries <= 0 {
		opt.MaxDeliveries = 5
	}
	if opt.DrainTimeout <= 0 {
		opt.DrainTimeout = 30 * time.Second
	}
	if opt.Block <= 0 {
		opt.Block = 2 * time.Second
	}
	if opt.Consumer == "" {
		opt.Consumer = consumerName()
	}
	if opt.Log == nil {
		opt.Log = slog.Default()
	}
	opt.Metrics = orDiscard(opt.Metrics)
	in := &Inbox{rdb: rdb, k: k, handle: handle, opt: opt,
		slots:    make(chan struct{}, 2*opt.Workers),
		jobs:     make(chan entry, 2*opt.Workers),
		inflight: map[string]struct{}{},
		users:    map[string][]entry{},
	}
	for range cap(in.slots) {
		in.slots <- struct{}{}
	}
	return in
}

func consumerName() string {
	host, _ := os.Hostname()
	b := make([]byte, 3)
	rand.Read(b)
	return fmt.Sprintf("%s-%d-%s", host, os.Getpid(), hex.EncodeToString(b))
}

// Consumer is this process's name in the consumer group.
func (in *Inbox) Consumer() string { return in.opt.Consumer }

// enqueue sets the dedupe key and appends the message in one step, so that
// no failure can leave one without the other.
var enqueue = redis.NewScript(`
if redis.call("SET", KEYS[1], "1", "NX", "PX", ARGV[1]) then
	redis.call("XADD", KEYS[2], "*", "m", ARGV[2])
	return 1
end
return 0`)

// Enqueue appends msg unless a message with its id was taken within
// bot.DedupeTTL. On error nothing is kept: the dedupe key is released
// (best effort) so WeCom's retry is taken.
func (in *Inbox) Enqueue(ctx context.Context, msg *bot.Message) (bool, error) {
	b, err := json.Marshal(msg)
	if err != nil {
		return false, err
	}
	seen := in.k.Seen(msg.ID)
	n, err := enqueue.Run(ctx, in.rdb, []string{seen, in.k.Inbox()}, bot.DedupeTTL.Milliseconds(), b).Int()
	if err != nil {
		rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Second)
		in.rdb.Del(rctx, seen)
		cancel()
		return false, err
	}
	return n == 1, nil
}

// EnsureGroup creates the stream and its consumer group if missing. The
// group starts at the beginning: handled entries are deleted, so whatever
// is in the stream is still to be handled.
func (in *Inbox) EnsureGroup(ctx context.Context) error {
	err := in.rdb.XGroupCreateMkStream(ctx, in.k.Inbox(), keys.InboxGroup, "0").Err()
	if err != nil && !strings.HasPrefix(err.Error(), "BUSYGROUP") {
		return err
	}
	return nil
}

// Run handles messages until ctx is done, then finishes the messages it
// already took (for up to DrainTimeout) and returns.
func (in *Inbox) Run(ctx context.Context) error {
	for {
		err := in.EnsureGroup(ctx)
		if err == nil {
			break
		}
		in.opt.Log.Error("inbox: cannot create the consumer group; retrying", "err", err)
		if !sleepCtx(ctx, time.Second) {
			return nil
		}
	}
	// Handlers run under hard, which outlives ctx by DrainTimeout.
	hard, cancelHard := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelHard()

	var workers sync.WaitGroup
	for range in.opt.Workers {
		workers.Add(1)
		go func() {
			defer workers.Done()
			in.work(hard)
		}()
	}
	var feeders sync.WaitGroup
	feeders.Add(2)
	go func() { defer feeders.Done(); in.read(ctx) }()
	go func() { defer feeders.Done(); in.reclaimLoop(ctx) }()
	stopBeat := make(chan struct{})
	go in.heartbeat(hard, stopBeat)

	<-ctx.Done()
	feeders.Wait()
	close(in.jobs)
	done := make(chan struct{})
	go func() { workers.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(in.opt.DrainTimeout):
		in.opt.Log.Warn("inbox: drain timeout; cancelling handlers still running (their messages will be retried)")
		cancelHard()
		<-done
	}
	close(stopBeat)
	return nil
}

// read takes new messages for this consumer as workers free up.
func (in *Inbox) read(ctx context.Context) {
	var lastErr time.Time
	for {
		n := in.takeSlots(ctx)
		if n == 0 {
			return
		}
		res, err := in.rdb.XReadGroup(ctx, &redis.XReadGroupArgs{
			Group: keys.InboxGroup, Consumer: in.opt.Consumer,
			Streams: []string{in.k.Inbox(), ">"}, Count: int64(n), Block: in.opt.Block,
		}).Result()
		got := 0
		if err == nil {
			for _, s := range res {
				for _, m := range s.Messages {
					in.dispatch(ctx, m)
					got++
				}
			}
		}
		in.putSlots(n - got)
		switch {
		case ctx.Err() != nil:
			return
		case err == nil || errors.Is(err, redis.Nil):
		case strings.HasPrefix(err.Error(), "NOGROUP"):
			// The stream was deleted under us (FLUSHALL, a restore): recreate.
			in.EnsureGroup(ctx)
		default:
			if time.Since(lastErr) > 10*time.Second {
				in.opt.Log.Error("inbox: read failed; retrying", "err", err)
				lastErr = time.Now()
			}
			sleepCtx(ctx, time.Second)
		}
	}
}

// takeSlots waits for at least one free slot and takes every free one.
func (in *Inbox) takeSlots(ctx context.Context) int {
	select {
	case <-in.slots:
	case <-ctx.Done():
		return 0
	}
	n := 1
	for {
		select {
		case <-in.slots:
			n++
		default:
			return n
		}
	}
}

func (in *Inbox) putSlots(n int) {
	for range n {
		in.slots <- struct{}{}
	}
}

// dispatch hands an entry (which holds one slot) to the workers, behind any
// message of the same user still running here.
func (in *Inbox) dispatch(ctx context.Context, m redis.XMessage) {
	msg, err := decodeEntry(m)
	if err != nil {
		in.deadLetter(ctx, m, 0, "undecodable entry: "+err.Error())
		in.putSlots(1)
		return
	}
	e := entry{id: m.ID, msg: msg}
	in.mu.Lock()
	if _, dup := in.inflight[e.id]; dup {
		// Reclaimed while already held here: the holder will finish it.
		in.mu.Unlock()
		in.putSlots(1)
		return
	}
	in.inflight[e.id] = struct{}{}
	if q, busy := in.users[msg.From]; busy {
		in.users[msg.From] = append(q, e)
		in.mu.Unlock()
		return
	}
	in.users[msg.From] = nil
	in.mu.Unlock()
	in.jobs <- e // never blocks: jobs holds as many as there are slots
}

func decodeEntry(m redis.XMessage) (*bot.Message, error) {
	s, ok := m.Values["m"].(string)
	if !ok {
		return nil, errors.New("no message field")
	}
	var msg bot.Message
	if err := json.Unmarshal([]byte(s), &msg); err != nil {
		return nil, err
	}
	return &msg, nil
}

// work handles entries, then the same user's entries queued behind them.
func (in *Inbox) work(ctx context.Context) {
	for e := range in.jobs {
		for {
			in.process(ctx, e)
			in.mu.Lock()
			q := in.users[e.msg.From]
			if len(q) == 0 {
				delete(in.users, e.msg.From)
				in.mu.Unlock()
				break
			}
			e, in.users[e.msg.From] = q[0], q[1:]
			in.mu.Unlock()
		}
	}
}

func (in *Inbox) process(ctx context.Context, e entry) {
	defer in.putSlots(1)
	defer in.forget(e.id)
	start := time.Now()
	if !e.msg.ReceivedAt.IsZero() {
		in.opt.Metrics.Lag.Observe(start.Sub(e.msg.ReceivedAt).Seconds())
	}
	hctx, cancel := context.WithTimeout(ctx, MaxHandleTime)
	err := in.handle(WithSendKey(hctx, "reply:"+e.msg.ID), e.msg)
	cancel()
	in.opt.Metrics.Handling.Observe(time.Since(start).Seconds())
	if err != nil {
		// Left pending: after ClaimIdle a worker (maybe this one) retries it.
		in.opt.Metrics.Handled.WithLabelValues("retry").Inc()
		in.opt.Log.Warn("inbox: message not handled; it will be retried", "msg", e.msg.ID, "user", e.msg.From, "err", err)
		in.done(e.msg, "retry")
		return
	}
	in.opt.Metrics.Handled.WithLabelValues("ok").Inc()
	actx, acancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer acancel()
	if err := in.ack(actx, e.id); err != nil {
		// Still pending: it will be handled again, and the send log keeps
		// its replies from going out twice.
		in.opt.Log.Error("inbox: acknowledge failed", "msg", e.msg.ID, "err", err)
	}
	in.done(e.msg, "ok")
}

func (in *Inbox) done(msg *bot.Message, outcome string) {
	if in.opt.Done != nil {
		in.opt.Done(msg, outcome)
	}
}

func (in *Inbox) ack(ctx context.Context, ids ...string) error {
	_, err := in.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.XAck(ctx, in.k.Inbox(), keys.InboxGroup, ids...)
		p.XDel(ctx, in.k.Inbox(), ids...)
		return nil
	})
	return err
}

func (in *Inbox) forget(id string) {
	in.mu.Lock()
	delete(in.inflight, id)
	in.mu.Unlock()
}

// heartbeat renews the idle time of every message this process holds, so
// that other replicas' reclaimers leave them alone.
func (in *Inbox) heartbeat(ctx context.Context, stop <-chan struct{}) {
	t := time.NewTicker(max(in.opt.ClaimIdle/3, 10*time.Millisecond))
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
		}
		in.mu.Lock()
		ids := make([]string, 0, len(in.inflight))
		for id := range in.inflight {
			ids = append(ids, id)
		}
		in.mu.Unlock()
		if len(ids) == 0 {
			continue
		}
		c, cancel := context.WithTimeout(ctx, 2*time.Second)
		err := in.rdb.XClaimJustID(c, &redis.XClaimArgs{Stream: in.k.Inbox(), Group: keys.InboxGroup,
			Consumer: in.opt.Consumer, MinIdle: 0, Messages: ids}).Err()
		cancel()
		if err != nil && !errors.Is(err, redis.Nil) {
			in.opt.Log.Warn("inbox: renewing held messages failed", "err", err)
		}
	}
}

func (in *Inbox) reclaimLoop(ctx context.Context) {
	t := time.NewTicker(max(in.opt.ClaimIdle/2, 10*time.Millisecond))
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		if _, err := in.Reclaim(ctx); err != nil && ctx.Err() == nil {
			in.opt.Log.Warn("inbox: reclaim failed", "err", err)
		}
	}
}

// Reclaim takes over messages idle for ClaimIdle with any consumer (a
// crashed replica, or a failed attempt here): those delivered more than
// MaxDeliveries times are dead-lettered, the others handed to the workers.
// It returns how many it took over. Run calls it periodically.
func (in *Inbox) Reclaim(ctx context.Context) (int, error) {
	start, total := "0-0", 0
	for {
		msgs, next, err := in.rdb.XAutoClaim(ctx, &redis.XAutoClaimArgs{
			Stream: in.k.Inbox(), Group: keys.InboxGroup, Consumer: in.opt.Consumer,
			MinIdle: in.opt.ClaimIdle, Start: start, Count: 64,
		}).Result()
		if err != nil {
			return total, err
		}
		if len(msgs) > 0 {
			counts, err := in.deliveries(ctx, msgs[0].ID, msgs[len(msgs)-1].ID, len(msgs))
			if err != nil {
				return total, err
			}
			for _, m := range msgs {
				total++
				if n := counts[m.ID]; n > int64(in.opt.MaxDeliveries) {
					in.deadLetter(ctx, m, n, "delivered too many times")
					continue
				}
				if in.takeOne(ctx) {
					in.dispatch(ctx, m)
				}
			}
		}
		if next == "0-0" || next == "" {
			return total, nil
		}
		start = next
	}
}

func (in *Inbox) takeOne(ctx context.Context) bool {
	select {
	case <-in.slots:
		return true
	case <-ctx.Done():
		return false
	}
}

// deliveries returns the delivery counts of this consumer's pending
// messages between two ids.
func (in *Inbox) deliveries(ctx context.Context, from, to string, n int) (map[string]int64, error) {
	ps, err := in.rdb.XPendingExt(ctx, &redis.XPendingExtArgs{Stream: in.k.Inbox(), Group: keys.InboxGroup,
		Start: from, End: to, Count: int64(n), Consumer: in.opt.Consumer}).Result()
	if err != nil {
		return nil, err
	}
	out := make(map[string]int64, len(ps))
	for _, p := range ps {
		out[p.ID] = p.RetryCount
	}
	return out, nil
}

// giveUpMessage is what a user reads when a message could not be handled.
const giveUpMessage = "抱歉，您刚才的消息多次处理未成功，已转交管理员处理。如急需办理，请直接联系司法局应诉专班。"

// GiveUpMessage is the apology text sent by the default GiveUp.
func GiveUpMessage() string { return giveUpMessage }

// deadLetter moves an entry to the dead-letter stream, acknowledges it,
// logs it and tells its sender.
func (in *Inbox) deadLetter(ctx context.Context, m redis.XMessage, deliveries int64, reason string) {
	ctx = context.WithoutCancel(ctx)
	payload, _ := m.Values["m"].(string)
	_, err := in.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.XAdd(ctx, &redis.XAddArgs{Stream: in.k.InboxDead(), MaxLen: keys.InboxDeadMaxLen, Approx: true,
			Values: []any{"m", payload, "id", m.ID, "deliveries", strconv.FormatInt(deliveries, 10), "reason", reason}})
		p.XAck(ctx, in.k.Inbox(), keys.InboxGroup, m.ID)
		p.XDel(ctx, in.k.Inbox(), m.ID)
		return nil
	})
	in.opt.Metrics.Handled.WithLabelValues("dead").Inc()
	msg, derr := decodeEntry(m)
	attrs := []any{"entry", m.ID, "deliveries", deliveries, "reason", reason}
	if derr == nil {
		attrs = append(attrs, "msg", msg.ID, "user", msg.From)
	}
	if err != nil {
		attrs = append(attrs, "err", err)
	}
	in.opt.Log.Error("inbox: message given up and dead-lettered", attrs...)
	if derr == nil && in.opt.GiveUp != nil && err == nil {
		gctx, cancel := context.WithTimeout(WithSendKey(ctx, "giveup:"+msg.ID), time.Minute)
		in.opt.GiveUp(gctx, msg)
		cancel()
	}
	if derr == nil {
		in.done(msg, "dead")
	}
}

func sleepCtx(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}
