// Package stream is casebot's one consumer of Redis Streams: the inbox of
// WeCom callbacks and the queue of 以案说法 draft jobs both run on it.
//
// Entries are read by a consumer group shared by every replica. An entry
// is acknowledged and deleted only once its handler returned nil; an
// error leaves it pending and it is tried again with exponential backoff,
// up to MaxDeliveries, then moved to a dead-letter stream (OnDead tells
// the people concerned). Nothing taken is ever dropped.
//
// Every consumer is named after its process (lock.Presence) and beats
// every Heartbeat: it renews the entries it holds, and looks for
// consumers that are dead — their presence gone and their last contact
// with Redis older than DeadAfter — whose entries it takes over at once.
// A killed replica's messages are therefore answered within seconds of
// the survivors noticing, and a restarted single process answers what
// its previous life held within seconds of starting. Taken-over entries
// go through the same workers as new ones and never wait on the dead
// process's send claims (those die with its presence, see bot/sendlog),
// so reclaimed work never blocks live workers.
//
// Entries sharing an Order key (the sender of a message) are handled one
// at a time, in order, within one process; an entry waiting out its
// backoff holds back the later entries of its key, never a worker.
package stream

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"

	"casebot/bot"
	"casebot/bot/clock"
	"casebot/bot/keys"
)

// Entry is one stream entry being handled.
type Entry struct {
	ID     string
	Values map[string]any
	// Deliveries counts the deliveries of the entry, this one included.
	Deliveries int64
}

// Field returns a string field of the entry.
func (e Entry) Field(name string) string {
	s, _ := e.Values[name].(string)
	return s
}

// Handler handles one entry. nil acknowledges it; an error leaves it
// pending, to be tried again; an error wrapping ErrPoison dead-letters it
// at once.
type Handler func(ctx context.Context, e Entry) error

// ErrPoison marks an entry that can never be handled (it cannot be
// decoded): retrying it is pointless.
var ErrPoison = errors.New("entry cannot be handled")

// Outcomes reported to Options.Done.
const (
	OK    = "ok"    // handled and acknowledged
	Retry = "retry" // failed; tried again after a backoff
	Dead  = "dead"  // given up: moved to the dead-letter stream
	// Deferred: the handler could not go on before a given time (a
	// per-user rate limit) and said when; tried again then, without
	// counting a delivery, so it never reaches MaxDeliveries for that.
	Deferred = "deferred"
)

// deferredUntil returns when a deferred handler asked to be tried again:
// its error is not a failure, the work cannot go on before then
// (bot.DeferredUntil: a push waiting for its recipient's rate limit).
var deferredUntil = bot.DeferredUntil

// Options configure a Consumer. Zero values take the defaults in brackets.
type Options struct {
	Stream, Group string
	// Consumer is this process's name in the group: its presence name.
	Consumer string
	// Keys builds the presence keys of consumers (keys.Alive).
	Keys keys.Keys
	// Heartbeat is how often held entries are renewed and dead consumers
	// looked for [1s].
	Heartbeat time.Duration
	// DeadAfter is how long a consumer without a presence must have been
	// silent before it is taken for dead [5 heartbeats: the presence TTL].
	DeadAfter time.Duration
	// Workers is how many entries are handled at once [1].
	Workers int
	// MaxDeliveries is how many deliveries an entry gets before it is
	// dead-lettered [5].
	MaxDeliveries int
	// Backoff is the wait before the first retry, doubled after each
	// further failure, up to MaxBackoff [1s, 1m].
	Backoff, MaxBackoff time.Duration
	// Block is how long one read waits for new entries [2s].
	Block time.Duration
	// ClaimIdle is the safety net: an entry idle this long with any
	// consumer, alive or not, is taken over [1m].
	ClaimIdle time.Duration
	// HandleTimeout bounds one handler call [5m].
	HandleTimeout time.Duration
	// Order, if set, gives the key entries are serialized by.
	Order func(Entry) string
	// DeadStream receives dead-lettered entries (their fields plus id,
	// deliveries and reason), capped at DeadMaxLen. If empty, a given-up
	// entry is only acknowledged.
	DeadStream string
	DeadMaxLen int64
	// OnDead is called when an entry is given up on (or found
	// undecodable), to tell whoever must know, before it is moved to the
	// dead-letter stream. An error (the people could not be told: WeCom
	// is down too) keeps the entry pending: after its backoff OnDead is
	// called again (the handler is not: the entry stays given up), until
	// it succeeds, so a given-up entry is never acknowledged before
	// someone was told of it.
	OnDead func(ctx context.Context, e Entry, reason string) error
	// Gate, if set, is acquired around each handler call by the workers
	// (not by ProcessPending): the inbox's priority.Limiter, which keeps
	// reply work from starving the callback's acknowledgements.
	Gate Gate
	// Now is the clock deferrals are measured on: the clock of whatever
	// set their time (the sender's) [time.Now]. Under Start a deferred
	// entry is woken by a timer at its time and, whatever the clock, by
	// each heartbeat once Now has reached it.
	Now func() time.Time
	// MaxParked bounds the entries held while waiting out a deferral (and
	// the later entries of their order keys) without a read slot [1024].
	// Beyond it a deferred entry keeps its read slot, as any backoff does.
	MaxParked int
	// Done, if set, is told the outcome of every delivery.
	Done func(e Entry, outcome string, err error)
	Log  *slog.Logger
}

// Gate bounds the handler calls running at once (see Options.Gate).
type Gate interface {
	Acquire(ctx context.Context) error
	Release()
}

// Consumer reads and handles a stream's entries.
type Consumer struct {
	rdb    redis.UniversalClient
	opt    Options
	handle Handler

	slots chan struct{} // bounds new entries taken and not yet finished
	// extra bounds entries taken over (from dead consumers, or idle):
	// a pool of their own, so that taking over never waits for the reader
	// and reclaimed work never starves new messages.
	extra chan struct{}
	// park bounds entries waiting out a deferral, and those queued behind
	// them: they hand back their read slot, so that entries deferred for a
	// minute (a busy recipient's rate limit) never stop new messages from
	// being read and answered.
	park chan struct{}
	jobs chan *task // as many as all three pools: sending never blocks

	mu       sync.Mutex
	inflight map[string]*task   // entries this process holds
	queued   map[string][]*task // per order key: entries behind a running one
	timers   map[*time.Timer]*task
	parked   map[string]*task // deferred entries, until their task.until
	asleep   map[string]bool  // order keys whose running entry is parked
	wakeT    *time.Timer      // wakes the earliest parked entry (at wakeAt)
	wakeAt   time.Time
	soft     context.Context // Start's reading context, for timer wakes
	empty    chan struct{}   // signalled when inflight becomes empty

	run     sync.Mutex
	cancel  context.CancelFunc // stops reading, heartbeats and retries
	hard    context.CancelFunc // cancels handlers
	stopped chan struct{}
}

type task struct {
	e     Entry
	key   string
	pool  pool      // the pool whose slot the task holds
	until time.Time // parked: when it may go on
}

// pool names the slot a task holds.
type pool uint8

const (
	poolRead  pool = iota // c.slots: read as new
	poolExtra             // c.extra: taken over
	poolPark              // c.park: deferred, or queued behind a deferred one
	poolNone              // parked by ProcessPending: no slot at all
)

// New returns a consumer handing entries of opt.Stream to handle.
func New(rdb redis.UniversalClient, handle Handler, opt Options) *Consumer {
	if opt.Heartbeat <= 0 {
		opt.Heartbeat = time.Second
	}
	if opt.DeadAfter <= 0 {
		opt.DeadAfter = 5 * opt.Heartbeat
	}
	if opt.Workers <= 0 {
		opt.Workers = 1
	}
	if opt.MaxDeliveries <= 0 {
		opt.MaxDeliveries = 5
	}
	if opt.Backoff <= 0 {
		opt.Backoff = time.Second
	}
	if opt.MaxBackoff < opt.Backoff {
		opt.MaxBackoff = max(time.Minute, opt.Backoff)
	}
	if opt.Block <= 0 {
		opt.Block = 2 * time.Second
	}
	if opt.ClaimIdle <= 0 {
		opt.ClaimIdle = time.Minute
	}
	if opt.HandleTimeout <= 0 {
		opt.HandleTimeout = 5 * time.Minute
	}
	if opt.Log == nil {
		opt.Log = slog.Default()
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.MaxParked <= 0 {
		opt.MaxParked = 1024
	}
	c := &Consumer{rdb: rdb, opt: opt, handle: handle,
		slots:    make(chan struct{}, 2*opt.Workers),
		extra:    make(chan struct{}, opt.Workers),
		park:     make(chan struct{}, opt.MaxParked),
		jobs:     make(chan *task, 3*opt.Workers+opt.MaxParked),
		inflight: map[string]*task{},
		queued:   map[string][]*task{},
		timers:   map[*time.Timer]*task{},
		parked:   map[string]*task{},
		asleep:   map[string]bool{},
		empty:    make(chan struct{}, 1),
	}
	for _, ch := range []chan struct{}{c.slots, c.extra, c.park} {
		for range cap(ch) {
			ch <- struct{}{}
		}
	}
	return c
}

// Name is the consumer's name in the group.
func (c *Consumer) Name() string { return c.opt.Consumer }

// EnsureGroup creates the stream and its group if missing. The group
// starts at the beginning: handled entries are deleted, so whatever is in
// the stream is still to be handled.
func (c *Consumer) EnsureGroup(ctx context.Context) error {
	err := c.rdb.XGroupCreateMkStream(ctx, c.opt.Stream, c.opt.Group, "0").Err()
	if err != nil && !strings.HasPrefix(err.Error(), "BUSYGROUP") {
		return err
	}
	return nil
}

// Start creates the group if needed and starts reading, handling,
// heartbeating and taking over in the background.
func (c *Consumer) Start(ctx context.Context) error {
	c.run.Lock()
	defer c.run.Unlock()
	if c.cancel != nil {
		return fmt.Errorf("consumer of %s already started", c.opt.Stream)
	}
	if err := c.EnsureGroup(ctx); err != nil {
		return fmt.Errorf("create consumer group %s: %w", c.opt.Group, err)
	}
	soft, cancel := context.WithCancel(context.WithoutCancel(ctx))
	hard, cancelHard := context.WithCancel(context.WithoutCancel(ctx))
	c.cancel, c.hard, c.stopped = cancel, cancelHard, make(chan struct{})
	c.mu.Lock()
	c.soft = soft
	c.mu.Unlock()

	drained := make(chan struct{})
	// Acknowledgements are batched by one goroutine (see acker); it
	// stops once the workers have, after acknowledging what they handled.
	// Tasks hold their slots until acknowledged, so acks never fills.
	acks, acked := make(chan *task, cap(c.jobs)), make(chan struct{})
	go c.acker(acks, acked)
	var workers sync.WaitGroup
	for range c.opt.Workers {
		workers.Add(1)
		go func() { defer workers.Done(); c.work(hard, drained, acks) }()
	}
	var feeders sync.WaitGroup
	feeders.Add(2)
	go func() { defer feeders.Done(); c.read(soft) }()
	go func() { defer feeders.Done(); c.safetyNet(soft) }()
	// The heartbeat outlives reading: entries being drained stay renewed.
	beat, stopBeat := context.WithCancel(context.WithoutCancel(ctx))
	beaten := make(chan struct{})
	go func() { defer close(beaten); c.heartbeat(beat, soft) }()
	go func(done chan struct{}) {
		<-soft.Done()
		feeders.Wait()
		c.stopTimers()
		c.waitEmpty()
		close(drained)
		workers.Wait()
		close(acks)
		<-acked
		stopBeat()
		<-beaten
		close(done)
	}(c.stopped)
	return nil
}

// waitEmpty waits until no entry is held here.
func (c *Consumer) waitEmpty() {
	for {
		c.mu.Lock()
		n := len(c.inflight)
		c.mu.Unlock()
		if n == 0 {
			return
		}
		<-c.empty
	}
}

// Stop stops reading and lets the entries being handled finish until ctx
// ends; then their handlers are cancelled. Whatever is unfinished stays
// pending, to be taken over by another replica or the next start.
func (c *Consumer) Stop(ctx context.Context) error {
	c.run.Lock()
	cancel, hard, done := c.cancel, c.hard, c.stopped
	c.cancel, c.hard, c.stopped = nil, nil, nil
	c.run.Unlock()
	if cancel == nil {
		return nil
	}
	cancel()
	select {
	case <-done:
		hard()
		return nil
	case <-ctx.Done():
		c.opt.Log.Warn("stream: drain timeout; cancelling handlers still running (their entries will be retried)", "stream", c.opt.Stream)
		hard()
		<-done
		return ctx.Err()
	}
}

// ProcessPending handles, synchronously, what is waiting now — entries of
// dead consumers, entries idle for ClaimIdle, then new ones — until
// nothing is left, and returns how many deliveries it made. A failed
// entry is retried at once, not after its backoff. Tests and one-off
// tools use it instead of Start.
func (c *Consumer) ProcessPending(ctx context.Context) (int, error) {
	if err := c.EnsureGroup(ctx); err != nil {
		return 0, err
	}
	n := 0
	for {
		batch, err := c.unpark(ctx)
		if err != nil {
			return n, err
		}
		taken, err := c.takeOverDead(ctx, 64)
		if err != nil {
			return n, err
		}
		batch = append(batch, taken...)
		if len(batch) == 0 {
			if batch, err = c.claimIdle(ctx, 64); err != nil {
				return n, err
			}
		}
		if len(batch) == 0 {
			if batch, err = c.readNew(ctx, 64, -1); err != nil {
				return n, err
			}
		}
		if len(batch) == 0 {
			return n, nil
		}
		for _, e := range batch {
			for {
				n++
				_, err := c.deliver(ctx, e, false)
				if until, ok := deferredUntil(err); ok {
					// Stays pending, uncounted, for a later call once
					// its time has come (see unpark).
					c.mu.Lock()
					c.parked[e.ID] = &task{e: e, pool: poolNone, until: until}
					c.mu.Unlock()
					break
				}
				// Past MaxDeliveries only the give-up itself failed: it
				// stays pending, for Start's backoff to try again.
				if err == nil || e.Deliveries > int64(c.opt.MaxDeliveries) {
					break
				}
				next, ok, cerr := c.redeliver(ctx, e.ID)
				if cerr != nil || !ok {
					break
				}
				e = next
			}
		}
	}
}

// unpark returns ProcessPending's deferred entries whose time has come
// (on Options.Now) and that are still pending, to be delivered again with
// their delivery count unchanged (a JUSTID claim does not count one).
func (c *Consumer) unpark(ctx context.Context) ([]Entry, error) {
	var out []Entry
	err := c.wakeDue(ctx, func(p pool) bool { return p == poolNone }, func(t *task) { out = append(out, t.e) }, nil)
	return out, err
}

// wakeDue takes the parked tasks of the pools which selects (poolNone:
// ProcessPending's; the others: Start's) whose time has come on Options.Now, in entry order,
// claims each again without counting a delivery, and hands it to due, or
// to gone if it was acknowledged meanwhile. If Redis cannot be reached,
// the tasks not yet claimed stay parked, to be woken again.
func (c *Consumer) wakeDue(ctx context.Context, which func(pool) bool, due, gone func(*task)) error {
	now := c.opt.Now()
	c.mu.Lock()
	var ts []*task
	for id, t := range c.parked {
		if which(t.pool) && !t.until.After(now) {
			ts = append(ts, t)
			delete(c.parked, id)
		}
	}
	c.mu.Unlock()
	slices.SortFunc(ts, func(a, b *task) int { return strings.Compare(a.e.ID, b.e.ID) })
	for i, t := range ts {
		ok, err := c.stillPending(ctx, t.e.ID)
		if err != nil {
			c.mu.Lock()
			for _, t := range ts[i:] {
				c.parked[t.e.ID] = t
			}
			c.mu.Unlock()
			return err
		}
		if ok {
			due(t)
		} else if gone != nil {
			gone(t)
		}
	}
	return nil
}

// stillPending claims entry id for this consumer without counting a
// delivery, and reports whether it is still pending (not acknowledged
// meanwhile).
func (c *Consumer) stillPending(ctx context.Context, id string) (bool, error) {
	ids, err := c.rdb.XClaimJustID(ctx, &redis.XClaimArgs{Stream: c.opt.Stream, Group: c.opt.Group,
		Consumer: c.opt.Consumer, MinIdle: 0, Messages: []string{id}}).Result()
	if err != nil && !errors.Is(err, redis.Nil) {
		return false, err
	}
	return len(ids) > 0, nil
}

// read takes new entries for this consumer as slots free up. Its
// blocking reads go on a connection of their own, which Stop unblocks
// (see blockingReader), so stopping never waits out Block.
func (c *Consumer) read(ctx context.Context) {
	br := &blockingReader{rdb: c.rdb, key: c.opt.Stream}
	defer br.close()
	reading := make(chan struct{})
	defer close(reading)
	context.AfterFunc(ctx, func() { br.unblockUntil(reading) })
	var lastErr time.Time
	for {
		n := c.takeSlots(ctx)
		if n == 0 {
			return
		}
		es, err := br.read(ctx, c.readArgs(n, c.opt.Block))
		for _, e := range es {
			c.dispatch(e, poolRead)
		}
		c.putSlots(n - len(es))
		switch {
		case ctx.Err() != nil:
			return
		case err == nil:
		case strings.HasPrefix(err.Error(), "NOGROUP"):
			// The stream was deleted under us (FLUSHALL, a restore): recreate.
			c.EnsureGroup(ctx)
		default:
			if time.Since(lastErr) > 10*time.Second {
				c.opt.Log.Error("stream: read failed; retrying", "stream", c.opt.Stream, "err", err)
				lastErr = time.Now()
			}
			clock.Sleep(ctx, time.Second)
		}
	}
}

func (c *Consumer) readArgs(n int, block time.Duration) *redis.XReadGroupArgs {
	return &redis.XReadGroupArgs{Group: c.opt.Group, Consumer: c.opt.Consumer,
		Streams: []string{c.opt.Stream, ">"}, Count: int64(n), Block: block}
}

// readNew reads up to n new entries; block < 0 does not wait.
func (c *Consumer) readNew(ctx context.Context, n int, block time.Duration) ([]Entry, error) {
	return entries(c.rdb.XReadGroup(ctx, c.readArgs(n, block)).Result())
}

// entries are the messages of an XREADGROUP reply (none for redis.Nil: it
// timed out, or was unblocked).
func entries(res []redis.XStream, err error) ([]Entry, error) {
	if errors.Is(err, redis.Nil) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []Entry
	for _, s := range res {
		for _, m := range s.Messages {
			out = append(out, Entry{ID: m.ID, Values: m.Values, Deliveries: 1})
		}
	}
	return out, nil
}

// takeSlots waits for at least one free slot and takes every free one.
func (c *Consumer) takeSlots(ctx context.Context) int {
	select {
	case <-c.slots:
	case <-ctx.Done():
		return 0
	}
	n := 1
	for {
		select {
		case <-c.slots:
			n++
		default:
			return n
		}
	}
}

// freeExtra takes every free slot of the extra pool without waiting.
func (c *Consumer) freeExtra() int {
	got := 0
	for {
		select {
		case <-c.extra:
			got++
		default:
			return got
		}
	}
}

func (c *Consumer) putSlots(n int) {
	for range n {
		c.slots <- struct{}{}
	}
}

func (c *Consumer) putExtra(n int) {
	for range n {
		c.extra <- struct{}{}
	}
}

// put returns a slot to pool p. It never blocks: the slot came from it.
func (c *Consumer) put(p pool) {
	switch p {
	case poolRead:
		c.putSlots(1)
	case poolExtra:
		c.putExtra(1)
	case poolPark:
		c.park <- struct{}{}
	}
}

// toPark swaps the read or extra slot t holds for a slot of the park
// pool, if one is free (else t keeps its slot). c.mu is held.
func (c *Consumer) toPark(t *task) {
	if t.pool != poolRead && t.pool != poolExtra {
		return
	}
	select {
	case <-c.park:
		c.put(t.pool)
		t.pool = poolPark
	default:
	}
}

// dispatch hands an entry (which holds a slot of pool p) to the workers,
// behind any entry of the same order key still here.
func (c *Consumer) dispatch(e Entry, p pool) {
	t := &task{e: e, pool: p}
	if c.opt.Order != nil {
		t.key = c.opt.Order(e)
	}
	c.mu.Lock()
	if _, dup := c.inflight[e.ID]; dup {
		// Taken over while already held here: the holder finishes it.
		c.mu.Unlock()
		c.put(p)
		return
	}
	c.inflight[e.ID] = t
	if t.key != "" {
		if q, busy := c.queued[t.key]; busy {
			if c.asleep[t.key] {
				c.toPark(t) // cannot go before the parked one wakes
			}
			c.queued[t.key] = append(q, t)
			c.mu.Unlock()
			return
		}
		c.queued[t.key] = nil
	}
	c.mu.Unlock()
	c.jobs <- t // never blocks: jobs holds as many as there are slots
}

// parkTask keeps t, deferred until until, out of the workers and, while
// park slots last, off the read slots, together with the entries of its
// order key queued behind it: new messages are read and answered
// meanwhile. It stays held (renewed by the heartbeat, never taken for an
// orphan) and keeps its place at the head of its key's queue. A timer
// wakes it at until, and so does any heartbeat once Options.Now has
// reached until (an injected clock). It reports false, parking nothing,
// once the consumer is stopping.
func (c *Consumer) parkTask(t *task, until time.Time) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.stopping() {
		return false
	}
	c.toPark(t)
	t.until = until
	c.parked[t.e.ID] = t
	if t.key != "" {
		c.asleep[t.key] = true
		for _, q := range c.queued[t.key] {
			c.toPark(q)
		}
	}
	c.armWake()
	return true
}

// armWake sets the wake timer to the earliest parked task of Start. c.mu
// is held.
func (c *Consumer) armWake() {
	var first time.Time
	for _, t := range c.parked {
		if t.pool != poolNone && (first.IsZero() || t.until.Before(first)) {
			first = t.until
		}
	}
	if first.IsZero() || first.Equal(c.wakeAt) {
		return
	}
	c.wakeAt = first
	d := max(first.Sub(c.opt.Now()), 0)
	if c.wakeT == nil {
		c.wakeT = time.AfterFunc(d, c.wakeByTimer)
	} else {
		c.wakeT.Reset(d)
	}
}

func (c *Consumer) wakeByTimer() {
	c.mu.Lock()
	ctx := c.soft
	c.wakeAt = time.Time{}
	c.mu.Unlock()
	if ctx != nil && ctx.Err() == nil {
		c.wake(ctx)
	}
}

// wake hands the parked tasks whose time has come back to the workers
// (they hold their slots), or finishes those acknowledged meanwhile.
func (c *Consumer) wake(ctx context.Context) {
	err := c.wakeDue(ctx, func(p pool) bool { return p != poolNone }, func(t *task) {
		c.mu.Lock()
		if t.key != "" {
			delete(c.asleep, t.key)
		}
		c.mu.Unlock()
		c.jobs <- t // never blocks: the task still holds its slot
	}, func(t *task) {
		c.mu.Lock()
		if t.key != "" {
			delete(c.asleep, t.key)
		}
		c.mu.Unlock()
		c.finish(t)
	})
	c.mu.Lock()
	c.armWake()
	c.mu.Unlock()
	if err != nil && ctx.Err() == nil {
		c.opt.Log.Warn("stream: cannot reclaim a deferred entry at its time; trying again", "stream", c.opt.Stream, "err", err)
	}
}

// work handles tasks; a task done (or given up) lets the next of its key
// go. Once handlers are cancelled (the drain timed out) tasks are only
// released: their entries stay pending, to be taken over.
func (c *Consumer) work(ctx context.Context, drained <-chan struct{}, acks chan<- *task) {
	for {
		select {
		case t := <-c.jobs:
			if ctx.Err() != nil || c.gated(ctx, t, acks) {
				c.finish(t)
			}
		case <-drained:
			return
		}
	}
}

// gated is process under the Gate, if any: a task waits for its turn
// holding its slot and its hold (renewed, never taken for an orphan).
func (c *Consumer) gated(ctx context.Context, t *task, acks chan<- *task) bool {
	if c.opt.Gate == nil {
		return c.process(ctx, t, acks)
	}
	if err := c.opt.Gate.Acquire(ctx); err != nil {
		return true // stopping: the entry stays pending
	}
	defer c.opt.Gate.Release()
	return c.process(ctx, t, acks)
}

// process delivers one task. It returns false when the task waits for a
// retry or for its acknowledgement (it keeps its slot, its place in its
// key's queue and its hold: the acker finishes it).
func (c *Consumer) process(ctx context.Context, t *task, acks chan<- *task) bool {
	ackLater, err := c.deliver(ctx, t.e, true)
	if ackLater {
		acks <- t // never blocks: acks holds as many as there are slots
		return false
	}
	if err == nil || ctx.Err() != nil {
		return true
	}
	if until, ok := deferredUntil(err); ok {
		// The worker is free at once, and so is its read slot; the task
		// keeps its place in its key's queue, and its delivery count.
		return !c.parkTask(t, until)
	}
	return !c.retryAfter(ctx, t, c.backoff(t.e.Deliveries))
}

// stopping reports whether reading has stopped (stopTimers has run or is
// about to): a task must not wait for a timer any more, it is finished
// and its entry stays pending. c.mu is held.
func (c *Consumer) stopping() bool { return c.soft == nil || c.soft.Err() != nil }

// retryAfter delivers t again after d, counting a delivery. When Redis
// cannot be reached to claim the entry (a failover), it tries again
// later, keeping the task: the entry is never left unwatched. It reports
// false, scheduling nothing, once the consumer is stopping.
func (c *Consumer) retryAfter(ctx context.Context, t *task, d time.Duration) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.stopping() {
		return false
	}
	var tm *time.Timer
	tm = time.AfterFunc(d, func() {
		c.mu.Lock()
		_, live := c.timers[tm]
		delete(c.timers, tm)
		c.mu.Unlock()
		if !live {
			return // stopped: stopTimers released the task
		}
		rctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		next, ok, err := c.redeliver(rctx, t.e.ID)
		cancel()
		switch {
		case err != nil && ctx.Err() == nil:
			c.opt.Log.Warn("stream: cannot reclaim an entry for its retry; trying again", "stream", c.opt.Stream, "entry", t.e.ID, "err", err)
			if !c.retryAfter(ctx, t, c.opt.Heartbeat) {
				c.finish(t)
			}
		case err != nil || !ok:
			c.finish(t) // acknowledged meanwhile, or stopping
		default:
			t.e = next
			c.jobs <- t // never blocks: the task still holds its slot
		}
	})
	c.timers[tm] = t
	return true
}

// finish releases a task's slot and hold and starts the next of its key.
func (c *Consumer) finish(t *task) {
	c.mu.Lock()
	delete(c.inflight, t.e.ID)
	var next *task
	if t.key != "" {
		if q := c.queued[t.key]; len(q) > 0 {
			next, c.queued[t.key] = q[0], q[1:]
		} else {
			delete(c.queued, t.key)
		}
	}
	if len(c.inflight) == 0 {
		select {
		case c.empty <- struct{}{}:
		default:
		}
	}
	c.mu.Unlock()
	c.put(t.pool)
	if next != nil {
		c.jobs <- next // never blocks: next holds its own slot
	}
}

// stopTimers drops the retries waiting for their backoff and the entries
// parked for a deferral: their entries stay pending under this consumer,
// to be taken over.
func (c *Consumer) stopTimers() {
	c.mu.Lock()
	var waiting []*task
	for tm, t := range c.timers {
		tm.Stop()
		waiting = append(waiting, t)
	}
	c.timers = map[*time.Timer]*task{}
	for id, t := range c.parked {
		if t.pool != poolNone {
			waiting = append(waiting, t)
			delete(c.parked, id)
		}
	}
	clear(c.asleep)
	if c.wakeT != nil {
		c.wakeT.Stop()
		c.wakeAt = time.Time{}
	}
	c.soft = nil
	c.mu.Unlock()
	for _, t := range waiting {
		c.finish(t)
	}
}

func (c *Consumer) backoff(deliveries int64) time.Duration {
	d := c.opt.Backoff << min(deliveries-1, 20)
	return min(d, c.opt.MaxBackoff)
}

// deliver runs the handler on e and acknowledges it, retries it, or
// dead-letters it. It returns nil once the entry is settled (handled or
// dead-lettered), else the error that keeps it pending, to be tried
// again. With batched, a handled entry is not acknowledged here: ackLater
// says the caller must (see acker).
func (c *Consumer) deliver(ctx context.Context, e Entry, batched bool) (ackLater bool, err error) {
	if e.Deliveries > int64(c.opt.MaxDeliveries) {
		// Given up before, but telling of it failed: only the telling is
		// tried again. The handler is not run, so that the decision
		// stands — staff may already have been told.
		nctx, ncancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer ncancel()
		return false, c.deadLetter(nctx, e, fmt.Sprintf("%d deliveries failed; telling of it failed before", c.opt.MaxDeliveries))
	}
	hctx, cancel := context.WithTimeout(ctx, c.opt.HandleTimeout)
	func() {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("handler panic: %v", r)
			}
		}()
		err = c.handle(hctx, e)
	}()
	cancel()
	nctx, ncancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer ncancel()
	switch {
	case err != nil && ctx.Err() != nil:
		// Stopped mid-way: not the entry's fault; it stays pending.
		c.done(e, Retry, err)
	case errors.Is(err, ErrPoison):
		return false, c.deadLetter(nctx, e, err.Error())
	case err != nil && isDeferred(err):
		// Not a failure: tried again at its time, uncounted.
		c.done(e, Deferred, err)
	case err == nil && batched:
		return true, nil
	case err == nil:
		c.ackHandled(nctx, e)
	case e.Deliveries >= int64(c.opt.MaxDeliveries):
		return false, c.deadLetter(nctx, e, fmt.Sprintf("%d deliveries failed; last error: %v", e.Deliveries, err))
	default:
		c.opt.Log.Warn("stream: entry not handled; it will be retried", "stream", c.opt.Stream, "entry", e.ID,
			"delivery", e.Deliveries, "of", c.opt.MaxDeliveries, "err", err)
		c.done(e, Retry, err)
	}
	return false, err
}

func isDeferred(err error) bool { _, ok := deferredUntil(err); return ok }

func (c *Consumer) done(e Entry, outcome string, err error) {
	if c.opt.Done != nil {
		c.opt.Done(e, outcome, err)
	}
}

// maxAckBatch bounds the entries one acknowledgement carries.
const maxAckBatch = 256

// acker acknowledges handled entries in batches: it takes whatever is
// waiting when it is free, never waiting for more, so an entry alone is
// acknowledged at once and, under load, one XACK+XDEL serves many (one
// round trip and one transaction each instead of one per entry). An
// entry handled and not yet acknowledged is safe: after a crash it is
// delivered again and the send log keeps its pushes from going out
// twice. Until acknowledged a task keeps its slot, its place in its
// key's queue and its hold (renewed, never taken for an orphan). It
// returns, closing done, once tasks is closed and drained.
func (c *Consumer) acker(tasks <-chan *task, done chan<- struct{}) {
	defer close(done)
	batch := make([]*task, 0, maxAckBatch)
	es := make([]Entry, 0, maxAckBatch)
	for t := range tasks {
		batch = append(batch[:0], t)
	fill:
		for len(batch) < maxAckBatch {
			select {
			case t, ok := <-tasks:
				if !ok {
					break fill
				}
				batch = append(batch, t)
			default:
				break fill
			}
		}
		es = es[:0]
		for _, t := range batch {
			es = append(es, t.e)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		c.ackHandled(ctx, es...)
		cancel()
		for _, t := range batch {
			c.finish(t)
		}
	}
}

// ackHandled acknowledges and deletes handled entries and reports them
// done.
func (c *Consumer) ackHandled(ctx context.Context, es ...Entry) {
	ids := make([]string, len(es))
	for i, e := range es {
		ids[i] = e.ID
	}
	if err := c.ack(ctx, ids...); err != nil {
		// Still pending: they are delivered again, and the send log keeps
		// their pushes from going out twice.
		c.opt.Log.Error("stream: acknowledge failed", "stream", c.opt.Stream, "entries", len(ids), "first", ids[0], "err", err)
	}
	for _, e := range es {
		c.done(e, OK, nil)
	}
}

func (c *Consumer) ack(ctx context.Context, ids ...string) error {
	_, err := c.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.XAck(ctx, c.opt.Stream, c.opt.Group, ids...)
		p.XDel(ctx, c.opt.Stream, ids...)
		return nil
	})
	return err
}

// deadLetter tells OnDead of a given-up entry, then moves the entry to the
// dead-letter stream. On error the entry stays pending (reported as a
// retry): nobody was told yet, or the move failed.
func (c *Consumer) deadLetter(ctx context.Context, e Entry, reason string) error {
	ctx = context.WithoutCancel(ctx)
	if c.opt.OnDead != nil {
		if err := c.opt.OnDead(ctx, e, reason); err != nil {
			c.opt.Log.Error("stream: entry given up, but telling of it failed; it stays pending and is tried again",
				"stream", c.opt.Stream, "entry", e.ID, "deliveries", e.Deliveries, "err", err)
			c.done(e, Retry, err)
			return err
		}
	}
	_, err := c.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		if c.opt.DeadStream != "" {
			vals := make([]any, 0, 2*len(e.Values)+6)
			for k, v := range e.Values {
				vals = append(vals, k, v)
			}
			vals = append(vals, "entry", e.ID, "deliveries", strconv.FormatInt(e.Deliveries, 10), "reason", reason)
			p.XAdd(ctx, &redis.XAddArgs{Stream: c.opt.DeadStream, MaxLen: c.opt.DeadMaxLen, Approx: true, Values: vals})
		}
		p.XAck(ctx, c.opt.Stream, c.opt.Group, e.ID)
		p.XDel(ctx, c.opt.Stream, e.ID)
		return nil
	})
	if err != nil {
		// Still pending: delivered again after its backoff, it comes back
		// here (OnDead's pushes went out once, under their push ids).
		c.opt.Log.Error("stream: dead-lettering failed", "stream", c.opt.Stream, "entry", e.ID, "err", err)
		c.done(e, Retry, err)
		return err
	}
	c.opt.Log.Error("stream: entry given up and dead-lettered", "stream", c.opt.Stream, "entry", e.ID,
		"deliveries", e.Deliveries, "reason", reason)
	c.done(e, Dead, nil)
	return nil
}

// heartbeat renews the entries held here, so no safety net takes them,
// and, until reading stops, takes over the entries of dead consumers.
func (c *Consumer) heartbeat(ctx, reading context.Context) {
	t := time.NewTicker(c.opt.Heartbeat)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		c.renew(ctx)
		if reading.Err() == nil {
			c.wake(reading) // on an injected clock, no timer would
		}
		// Until every dead consumer's entries are taken (or the pool is full).
		for reading.Err() == nil {
			if !c.takeOver(ctx, c.takeOverDead, "looking for dead consumers failed") {
				break
			}
		}
	}
}

// takeOver fills the free slots of the extra pool with entries take
// returns, dispatching them, and reports whether every free slot was
// filled (there may be more to take).
func (c *Consumer) takeOver(ctx context.Context, take func(context.Context, int) ([]Entry, error), failed string) bool {
	free := c.freeExtra()
	if free == 0 {
		return false
	}
	es, err := take(ctx, free)
	for _, e := range es {
		c.dispatch(e, poolExtra)
	}
	c.putExtra(free - len(es))
	if err != nil && ctx.Err() == nil {
		c.opt.Log.Warn("stream: "+failed, "stream", c.opt.Stream, "err", err)
	}
	return err == nil && len(es) == free
}

// renew resets the idle time of every entry held here.
func (c *Consumer) renew(ctx context.Context) {
	c.mu.Lock()
	ids := make([]string, 0, len(c.inflight))
	for id := range c.inflight {
		ids = append(ids, id)
	}
	c.mu.Unlock()
	if len(ids) == 0 {
		return
	}
	rctx, cancel := context.WithTimeout(ctx, c.opt.Heartbeat)
	defer cancel()
	err := c.rdb.XClaimJustID(rctx, &redis.XClaimArgs{Stream: c.opt.Stream, Group: c.opt.Group,
		Consumer: c.opt.Consumer, MinIdle: 0, Messages: ids}).Err()
	if err != nil && !errors.Is(err, redis.Nil) && ctx.Err() == nil {
		c.opt.Log.Warn("stream: renewing held entries failed", "stream", c.opt.Stream, "err", err)
	}
}

// takeOverDead claims up to n entries of consumers that are dead: no
// presence, and silent for DeadAfter. Consumers left with nothing are
// removed from the group.
func (c *Consumer) takeOverDead(ctx context.Context, n int) ([]Entry, error) {
	consumers, err := c.rdb.XInfoConsumers(ctx, c.opt.Stream, c.opt.Group).Result()
	if err != nil {
		if strings.HasPrefix(err.Error(), "NOGROUP") || strings.Contains(err.Error(), "no such key") {
			return nil, nil
		}
		return nil, err
	}
	var out []Entry
	for _, cons := range consumers {
		if cons.Name == c.opt.Consumer {
			// Our own entries we lost track of (a failover rolled back an
			// acknowledgement, a reclaim failed): not renewed, so idle.
			if cons.Pending > int64(c.held()) {
				got, err := c.adoptOrphans(ctx, n-len(out))
				if err != nil {
					return out, err
				}
				out = append(out, got...)
			}
			continue
		}
		if cons.Idle < c.opt.DeadAfter {
			continue
		}
		alive, err := c.rdb.Exists(ctx, c.opt.Keys.Alive(cons.Name)).Result()
		if err != nil {
			return out, err
		}
		if alive == 1 {
			continue
		}
		if cons.Pending == 0 {
			// Nothing held: forget the dead consumer (a live one that was
			// wrongly taken for dead is recreated by its next read).
			c.rdb.XGroupDelConsumer(ctx, c.opt.Stream, c.opt.Group, cons.Name)
			continue
		}
		if len(out) >= n {
			break
		}
		ps, err := c.rdb.XPendingExt(ctx, &redis.XPendingExtArgs{Stream: c.opt.Stream, Group: c.opt.Group,
			Start: "-", End: "+", Count: int64(n - len(out)), Consumer: cons.Name}).Result()
		if err != nil {
			return out, err
		}
		ids := make([]string, len(ps))
		for i, p := range ps {
			ids[i] = p.ID
		}
		// MinIdle keeps two survivors from taking the same entry: the
		// first claim resets its idle time.
		got, err := c.claim(ctx, ids, c.opt.Heartbeat)
		if err != nil {
			return out, err
		}
		if len(got) > 0 {
			c.opt.Log.Warn("stream: took over the entries of a dead consumer", "stream", c.opt.Stream,
				"dead", cons.Name, "entries", len(got), "silent_for", cons.Idle.Round(time.Millisecond))
		}
		out = append(out, got...)
	}
	return out, nil
}

func (c *Consumer) held() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.inflight)
}

// adoptOrphans claims up to n of this consumer's own pending entries that
// it does not hold in memory and that have gone unrenewed for DeadAfter.
func (c *Consumer) adoptOrphans(ctx context.Context, n int) ([]Entry, error) {
	if n <= 0 {
		return nil, nil
	}
	ps, err := c.rdb.XPendingExt(ctx, &redis.XPendingExtArgs{Stream: c.opt.Stream, Group: c.opt.Group,
		Idle: c.opt.DeadAfter, Start: "-", End: "+", Count: int64(n) + 64, Consumer: c.opt.Consumer}).Result()
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	var ids []string
	for _, p := range ps {
		if _, held := c.inflight[p.ID]; !held && len(ids) < n {
			ids = append(ids, p.ID)
		}
	}
	c.mu.Unlock()
	got, err := c.claim(ctx, ids, c.opt.DeadAfter)
	if len(got) > 0 {
		c.opt.Log.Warn("stream: adopted entries of this consumer it had lost track of", "stream", c.opt.Stream, "entries", len(got))
	}
	return got, err
}

// safetyNet takes over entries idle for ClaimIdle with any consumer.
func (c *Consumer) safetyNet(ctx context.Context) {
	t := time.NewTicker(max(c.opt.ClaimIdle/2, 10*time.Millisecond))
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		c.takeOver(ctx, c.claimIdle, "reclaiming idle entries failed")
	}
}

// claimIdle takes up to n entries idle for ClaimIdle (XAUTOCLAIM).
func (c *Consumer) claimIdle(ctx context.Context, n int) ([]Entry, error) {
	msgs, _, err := c.rdb.XAutoClaim(ctx, &redis.XAutoClaimArgs{
		Stream: c.opt.Stream, Group: c.opt.Group, Consumer: c.opt.Consumer,
		MinIdle: c.opt.ClaimIdle, Start: "0-0", Count: int64(n),
	}).Result()
	if err != nil {
		if strings.HasPrefix(err.Error(), "NOGROUP") {
			return nil, nil
		}
		return nil, err
	}
	return c.withDeliveries(ctx, msgs)
}

// redeliver claims entry id again for a retry (counting a delivery).
func (c *Consumer) redeliver(ctx context.Context, id string) (Entry, bool, error) {
	es, err := c.claim(ctx, []string{id}, 0)
	if err != nil || len(es) == 0 {
		return Entry{}, false, err
	}
	return es[0], true, nil
}

// claim claims ids idle for minIdle (a delivery each) and returns them
// with their delivery counts. Ids acknowledged meanwhile are skipped.
func (c *Consumer) claim(ctx context.Context, ids []string, minIdle time.Duration) ([]Entry, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	msgs, err := c.rdb.XClaim(ctx, &redis.XClaimArgs{Stream: c.opt.Stream, Group: c.opt.Group,
		Consumer: c.opt.Consumer, MinIdle: minIdle, Messages: ids}).Result()
	if err != nil && !errors.Is(err, redis.Nil) {
		return nil, err
	}
	return c.withDeliveries(ctx, msgs)
}

// withDeliveries reads the delivery counts of claimed messages.
func (c *Consumer) withDeliveries(ctx context.Context, msgs []redis.XMessage) ([]Entry, error) {
	var live []redis.XMessage
	for _, m := range msgs {
		if m.Values != nil { // deleted entries come back empty
			live = append(live, m)
		}
	}
	if len(live) == 0 {
		return nil, nil
	}
	ps, err := c.rdb.XPendingExt(ctx, &redis.XPendingExtArgs{Stream: c.opt.Stream, Group: c.opt.Group,
		Start: live[0].ID, End: live[len(live)-1].ID, Count: int64(len(live)) + 64, Consumer: c.opt.Consumer}).Result()
	if err != nil {
		return nil, err
	}
	counts := make(map[string]int64, len(ps))
	for _, p := range ps {
		counts[p.ID] = p.RetryCount
	}
	out := make([]Entry, 0, len(live))
	for _, m := range live {
		out = append(out, Entry{ID: m.ID, Values: m.Values, Deliveries: max(counts[m.ID], 1)})
	}
	return out, nil
}

// Backlog returns how many entries wait in the stream (read or not).
func (c *Consumer) Backlog(ctx context.Context) (int64, error) {
	return c.rdb.XLen(ctx, c.opt.Stream).Result()
}
