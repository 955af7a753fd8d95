package stream_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/redis/go-redis/v9"

	"casebot/bot/keys"
	"casebot/bot/redistest"
	"casebot/bot/stream"
)

type world struct {
	rdb redis.UniversalClient
	k   keys.Keys
}

func newWorld(t *testing.T) *world {
	rdb, k := redistest.New(t)
	return &world{rdb: rdb, k: k}
}

func (w *world) stream() string { return w.k.Inbox() }
func (w *world) dead() string   { return w.k.InboxDead() }

func (w *world) add(t *testing.T, vals ...string) string {
	t.Helper()
	id, err := w.rdb.XAdd(context.Background(), &redis.XAddArgs{Stream: w.stream(), Values: vals}).Result()
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func (w *world) options(name string) stream.Options {
	return stream.Options{Stream: w.stream(), Group: "g", Consumer: name, Keys: w.k,
		Heartbeat: 20 * time.Millisecond, Backoff: 10 * time.Millisecond, Block: 20 * time.Millisecond,
		Workers: 2, MaxDeliveries: 3, DeadStream: w.dead(), DeadMaxLen: 100}
}

// outcomes collects what Done reports, for waiting on.
type outcomes struct {
	mu  sync.Mutex
	got []string
	ch  chan struct{}
}

func newOutcomes() *outcomes { return &outcomes{ch: make(chan struct{}, 1000)} }

func (o *outcomes) done(e stream.Entry, outcome string, _ error) {
	o.mu.Lock()
	o.got = append(o.got, e.Field("k")+":"+outcome)
	o.mu.Unlock()
	o.ch <- struct{}{}
}

func (o *outcomes) wait(t *testing.T, n int) []string {
	t.Helper()
	for {
		o.mu.Lock()
		got := append([]string(nil), o.got...)
		o.mu.Unlock()
		if len(got) >= n {
			return got
		}
		select {
		case <-o.ch:
		case <-time.After(20 * time.Second):
			t.Fatalf("waited for %d outcomes, got %v", n, got)
		}
	}
}

func start(t *testing.T, c *stream.Consumer) {
	t.Helper()
	if err := c.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		c.Stop(ctx)
	})
}

// TestRetryThenDeadLetter: a failing entry is tried MaxDeliveries times,
// then dead-lettered with its fields and OnDead told; a good one is
// acknowledged and deleted.
func TestRetryThenDeadLetter(t *testing.T) {
	w := newWorld(t)
	out := newOutcomes()
	var dead []string
	var mu sync.Mutex
	opt := w.options("c1")
	opt.Done = out.done
	opt.OnDead = func(_ context.Context, e stream.Entry, reason string) error {
		mu.Lock()
		dead = append(dead, e.Field("k"))
		mu.Unlock()
		return nil
	}
	var deliveries []int64
	c := stream.New(w.rdb, func(_ context.Context, e stream.Entry) error {
		if e.Field("k") == "bad" {
			mu.Lock()
			deliveries = append(deliveries, e.Deliveries)
			mu.Unlock()
			return errors.New("directory unreachable")
		}
		return nil
	}, opt)
	start(t, c)
	w.add(t, "k", "bad")
	w.add(t, "k", "good")
	got := out.wait(t, 4)
	want := map[string]int{"good:ok": 1, "bad:retry": 2, "bad:dead": 1}
	counts := map[string]int{}
	for _, g := range got {
		counts[g]++
	}
	if diff := cmp.Diff(want, counts); diff != "" {
		t.Errorf("outcomes (-want,+got):\n%s", diff)
	}
	mu.Lock()
	if diff := cmp.Diff([]int64{1, 2, 3}, deliveries); diff != "" {
		t.Errorf("deliveries seen by the handler (-want,+got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"bad"}, dead); diff != "" {
		t.Errorf("OnDead (-want,+got):\n%s", diff)
	}
	mu.Unlock()
	ctx := context.Background()
	if n := w.rdb.XLen(ctx, w.stream()).Val(); n != 0 {
		t.Errorf("%d entries left in the stream", n)
	}
	ds := w.rdb.XRange(ctx, w.dead(), "-", "+").Val()
	if len(ds) != 1 || ds[0].Values["k"] != "bad" || ds[0].Values["deliveries"] != "3" {
		t.Errorf("dead letters = %+v", ds)
	}
}

// TestGiveUpUntoldStaysPending: when the people concerned cannot be told
// of a given-up entry (OnDead fails: WeCom still down), the entry is not
// dead-lettered nor acknowledged: it stays pending and, after its
// backoff, only OnDead is tried again (the handler is not: the decision
// stands) until it succeeds. Counts are exact: 3 failed deliveries, the
// give-up failing twice (deliveries 3 and 4), told on delivery 5, one
// dead letter.
func TestGiveUpUntoldStaysPending(t *testing.T) {
	w := newWorld(t)
	out := newOutcomes()
	opt := w.options("c1")
	opt.Done = out.done
	var mu sync.Mutex
	var handled, told []int64
	opt.OnDead = func(_ context.Context, e stream.Entry, _ string) error {
		mu.Lock()
		defer mu.Unlock()
		told = append(told, e.Deliveries)
		if len(told) < 3 {
			return errors.New("wecom message/send: HTTP 500")
		}
		return nil
	}
	c := stream.New(w.rdb, func(_ context.Context, e stream.Entry) error {
		mu.Lock()
		handled = append(handled, e.Deliveries)
		mu.Unlock()
		return errors.New("wecom message/send: HTTP 500")
	}, opt)
	start(t, c)
	w.add(t, "k", "bad")
	// Deliveries 1, 2 retried; 3 and 4 given up but untold (retried);
	// 5 told and dead-lettered.
	if diff := cmp.Diff([]string{"bad:retry", "bad:retry", "bad:retry", "bad:retry", "bad:dead"}, out.wait(t, 5)); diff != "" {
		t.Errorf("outcomes (-want,+got):\n%s", diff)
	}
	mu.Lock()
	if diff := cmp.Diff([]int64{1, 2, 3}, handled); diff != "" {
		t.Errorf("deliveries seen by the handler (-want,+got):\n%s", diff)
	}
	if diff := cmp.Diff([]int64{3, 4, 5}, told); diff != "" {
		t.Errorf("deliveries OnDead was called on (-want,+got):\n%s", diff)
	}
	mu.Unlock()
	ctx := context.Background()
	if n := w.rdb.XLen(ctx, w.stream()).Val(); n != 0 {
		t.Errorf("%d entries left in the stream", n)
	}
	ds := w.rdb.XRange(ctx, w.dead(), "-", "+").Val()
	if len(ds) != 1 || ds[0].Values["deliveries"] != "5" {
		t.Errorf("dead letters = %+v, want one after 5 deliveries", ds)
	}
}

// TestPoisonIsDeadAtOnce: an entry the handler can never handle is not
// retried.
func TestPoisonIsDeadAtOnce(t *testing.T) {
	w := newWorld(t)
	out := newOutcomes()
	opt := w.options("c1")
	opt.Done = out.done
	c := stream.New(w.rdb, func(context.Context, stream.Entry) error {
		return fmt.Errorf("%w: no message field", stream.ErrPoison)
	}, opt)
	start(t, c)
	w.add(t, "k", "junk")
	if diff := cmp.Diff([]string{"junk:dead"}, out.wait(t, 1)); diff != "" {
		t.Errorf("(-want,+got):\n%s", diff)
	}
}

// TestDeadConsumerTakenOver: entries read by a consumer that then died
// (no presence, silent) are taken over by a live one within a few
// heartbeats; while the consumer's presence lives they are left alone.
func TestDeadConsumerTakenOver(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	w.rdb.XGroupCreateMkStream(ctx, w.stream(), "g", "0")
	for i := range 3 {
		w.add(t, "k", fmt.Sprint("m", i))
	}
	// "crashed" reads all three and never acknowledges them.
	if _, err := w.rdb.XReadGroup(ctx, &redis.XReadGroupArgs{Group: "g", Consumer: "crashed",
		Streams: []string{w.stream(), ">"}, Count: 10}).Result(); err != nil {
		t.Fatal(err)
	}
	w.rdb.Set(ctx, w.k.Alive("crashed"), "1", time.Hour) // still alive, for now
	out := newOutcomes()
	opt := w.options("survivor")
	opt.Done = out.done
	opt.DeadAfter = 100 * time.Millisecond
	handled := map[string]int64{}
	var mu sync.Mutex
	c := stream.New(w.rdb, func(_ context.Context, e stream.Entry) error {
		mu.Lock()
		handled[e.Field("k")] = e.Deliveries
		mu.Unlock()
		return nil
	}, opt)
	start(t, c)
	// Well past DeadAfter with the presence alive: nothing is taken.
	deadline := time.Now().Add(300 * time.Millisecond)
	for time.Now().Before(deadline) {
		mu.Lock()
		n := len(handled)
		mu.Unlock()
		if n != 0 {
			t.Fatal("entries of a live consumer were taken over")
		}
		time.Sleep(10 * time.Millisecond)
	}
	w.rdb.Del(ctx, w.k.Alive("crashed")) // it died
	out.wait(t, 3)
	mu.Lock()
	defer mu.Unlock()
	if diff := cmp.Diff(map[string]int64{"m0": 2, "m1": 2, "m2": 2}, handled); diff != "" {
		t.Errorf("handled (entry → delivery) (-want,+got):\n%s", diff)
	}
	if n := w.rdb.XLen(ctx, w.stream()).Val(); n != 0 {
		t.Errorf("%d entries left", n)
	}
}

// TestOrderPerKey: entries of one key are handled one at a time, in
// order, even when the first waits out a retry.
func TestOrderPerKey(t *testing.T) {
	w := newWorld(t)
	out := newOutcomes()
	opt := w.options("c1")
	opt.Workers = 4
	opt.Done = out.done
	opt.Order = func(e stream.Entry) string { return e.Field("user") }
	var mu sync.Mutex
	var seq []string
	failed := false
	c := stream.New(w.rdb, func(_ context.Context, e stream.Entry) error {
		mu.Lock()
		defer mu.Unlock()
		if e.Field("k") == "a1" && !failed {
			failed = true
			return errors.New("once")
		}
		seq = append(seq, e.Field("k"))
		return nil
	}, opt)
	for _, k := range []string{"a1", "a2", "a3"} {
		w.add(t, "k", k, "user", "a")
	}
	start(t, c)
	out.wait(t, 4)
	mu.Lock()
	defer mu.Unlock()
	if diff := cmp.Diff([]string{"a1", "a2", "a3"}, seq); diff != "" {
		t.Errorf("order (-want,+got):\n%s", diff)
	}
}

// TestStopDrains: Stop lets a running handler finish and acknowledges it.
func TestStopDrains(t *testing.T) {
	w := newWorld(t)
	started := make(chan struct{})
	release := make(chan struct{})
	c := stream.New(w.rdb, func(context.Context, stream.Entry) error {
		close(started)
		<-release
		return nil
	}, w.options("c1"))
	if err := c.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	w.add(t, "k", "slow")
	<-started
	stopped := make(chan error, 1)
	go func() { stopped <- c.Stop(context.Background()) }()
	close(release)
	if err := <-stopped; err != nil {
		t.Fatal(err)
	}
	if n := w.rdb.XLen(context.Background(), w.stream()).Val(); n != 0 {
		t.Errorf("the drained entry is still in the stream (%d)", n)
	}
}

// ackCounter counts the transactions that acknowledge entries, and holds
// the first one until release is closed.
type ackCounter struct {
	mu      sync.Mutex
	acks    int
	release chan struct{}
}

func (h *ackCounter) DialHook(next redis.DialHook) redis.DialHook          { return next }
func (h *ackCounter) ProcessHook(next redis.ProcessHook) redis.ProcessHook { return next }
func (h *ackCounter) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return func(ctx context.Context, cmds []redis.Cmder) error {
		for _, c := range cmds {
			if c.Name() == "xack" {
				h.mu.Lock()
				h.acks++
				first := h.acks == 1
				h.mu.Unlock()
				if first {
					<-h.release
				}
				break
			}
		}
		return next(ctx, cmds)
	}
}

// TestAcksBatched: entries handled while an acknowledgement is on its
// way are acknowledged together by the next one, and each is reported
// done only once it is acknowledged and deleted.
func TestAcksBatched(t *testing.T) {
	w := newWorld(t)
	h := &ackCounter{release: make(chan struct{})}
	w.rdb.AddHook(h)
	const n = 40
	var mu sync.Mutex
	handled, stillThere := 0, []string{}
	opt := w.options("c1")
	opt.Workers = 4
	opt.Done = func(e stream.Entry, outcome string, _ error) {
		if es, err := w.rdb.XRange(context.Background(), w.stream(), e.ID, e.ID).Result(); err != nil || len(es) > 0 {
			mu.Lock()
			stillThere = append(stillThere, e.ID)
			mu.Unlock()
		}
	}
	out := newOutcomes()
	done := opt.Done
	opt.Done = func(e stream.Entry, outcome string, err error) { done(e, outcome, err); out.done(e, outcome, err) }
	c := stream.New(w.rdb, func(context.Context, stream.Entry) error {
		mu.Lock()
		handled++
		if handled == 6 {
			// The first acknowledgement goes once six are handled (a task
			// keeps its slot, of eight, until acknowledged).
			close(h.release)
		}
		mu.Unlock()
		return nil
	}, opt)
	for i := range n {
		w.add(t, "k", fmt.Sprint(i))
	}
	start(t, c)
	got := out.wait(t, n)
	for _, g := range got {
		if g[len(g)-3:] != ":ok" {
			t.Errorf("outcome %s, want ok", g)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if len(stillThere) > 0 {
		t.Errorf("reported done while still in the stream: %v", stillThere)
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.acks > n-4 {
		t.Errorf("%d acknowledgements for %d entries: the five handled while the first was held were not batched", h.acks, n)
	}
	if l := w.rdb.XLen(context.Background(), w.stream()).Val(); l != 0 {
		t.Errorf("%d entries left in the stream", l)
	}
}

// TestGateBoundsHandlers: with a Gate of one turn, four workers handle
// one entry at a time, and every entry is still handled.
func TestGateBoundsHandlers(t *testing.T) {
	w := newWorld(t)
	for i := range 8 {
		w.add(t, "k", fmt.Sprint(i))
	}
	var mu sync.Mutex
	running, most := 0, 0
	o := newOutcomes()
	opt := w.options("gated")
	opt.Workers, opt.Done = 4, o.done
	opt.Gate = turns(make(chan struct{}, 1))
	c := stream.New(w.rdb, func(_ context.Context, e stream.Entry) error {
		mu.Lock()
		running++
		most = max(most, running)
		mu.Unlock()
		time.Sleep(2 * time.Millisecond) // let another worker try to run beside it
		mu.Lock()
		running--
		mu.Unlock()
		return nil
	}, opt)
	start(t, c)
	if got := o.wait(t, 8); len(got) != 8 {
		t.Fatalf("outcomes %v", got)
	}
	if most != 1 {
		t.Errorf("%d handlers ran at once under a gate of one turn", most)
	}
}

// turns is a Gate of cap(turns) turns.
type turns chan struct{}

func (g turns) Acquire(ctx context.Context) error {
	select {
	case g <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (g turns) Release() { <-g }

// TestStopUnblocksRead: Stop ends the blocking read at once (CLIENT
// UNBLOCK on the reader's own connection) instead of waiting out Block —
// a minute here, so a Stop that waited would meet its 20s deadline — and
// the read so ended has taken nothing: an entry added after the stop is
// pending with nobody and handled by the next consumer.
func TestStopUnblocksRead(t *testing.T) {
	w := newWorld(t)
	out := newOutcomes()
	opt := w.options("c1")
	opt.Block = time.Minute
	opt.Done = out.done
	c := stream.New(w.rdb, func(context.Context, stream.Entry) error { return nil }, opt)
	if err := c.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	w.add(t, "k", "first")
	out.wait(t, 1) // the reader is back in its blocking read
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := c.Stop(ctx); err != nil {
		t.Fatalf("Stop: %v (it waited out the blocking read)", err)
	}
	w.add(t, "k", "second")
	bg := context.Background()
	if p := w.rdb.XPending(bg, w.stream(), "g").Val(); p.Count != 0 {
		t.Errorf("after the stop %d entries were taken by the stopped consumer", p.Count)
	}
	opt2 := w.options("c2")
	opt2.Done = out.done
	start(t, stream.New(w.rdb, func(context.Context, stream.Entry) error { return nil }, opt2))
	if diff := cmp.Diff([]string{"first:ok", "second:ok"}, out.wait(t, 2)); diff != "" {
		t.Errorf("outcomes (-want,+got):\n%s", diff)
	}
}

// deferral is a handler error that asks to be tried again at until.
type deferral struct{ until time.Time }

func (d deferral) Error() string            { return "deferred until " + d.until.String() }
func (d deferral) DeferredUntil() time.Time { return d.until }

// TestDeferredKeyFreesReadSlots: one user's 20 entries wait behind the
// first, deferred for a minute of the injected clock; with 2 read slots
// (1 worker), entries of three other users are still read and handled at
// once. When the clock reaches the time, the heartbeat wakes the first
// and the 20 are handled in order, each once, the first delivery
// uncounted.
func TestDeferredKeyFreesReadSlots(t *testing.T) {
	w := newWorld(t)
	out := newOutcomes()
	var mu sync.Mutex
	now := time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC)
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	due := now.Add(time.Minute)
	opt := w.options("c1")
	opt.Workers, opt.Now, opt.Done = 1, clock, out.done
	opt.Order = func(e stream.Entry) string { return e.Field("user") }
	var seq []string
	deliveries := map[string]int64{}
	c := stream.New(w.rdb, func(_ context.Context, e stream.Entry) error {
		if e.Field("user") == "busy" && clock().Before(due) {
			return deferral{due}
		}
		mu.Lock()
		defer mu.Unlock()
		seq = append(seq, e.Field("k"))
		deliveries[e.Field("k")] = e.Deliveries
		return nil
	}, opt)
	var want []string
	for i := range 20 {
		k := fmt.Sprintf("busy%02d", i)
		want = append(want, k)
		w.add(t, "k", k, "user", "busy")
	}
	start(t, c)
	got := out.wait(t, 1)
	if got[0] != "busy00:deferred" {
		t.Fatalf("first outcome %q, want busy00 deferred", got[0])
	}
	for _, u := range []string{"a", "b", "c"} {
		w.add(t, "k", u, "user", u)
	}
	got = out.wait(t, 4)
	if diff := cmp.Diff([]string{"busy00:deferred", "a:ok", "b:ok", "c:ok"}, got); diff != "" {
		t.Fatalf("outcomes before the time (-want,+got):\n%s", diff)
	}
	mu.Lock()
	now = due
	mu.Unlock()
	got = out.wait(t, 24)
	mu.Lock()
	defer mu.Unlock()
	if diff := cmp.Diff(append([]string{"a", "b", "c"}, want...), seq); diff != "" {
		t.Errorf("handled (-want,+got):\n%s", diff)
	}
	if deliveries["busy00"] != 1 {
		t.Errorf("busy00 handled at delivery %d, want 1 (a deferral is not counted)", deliveries["busy00"])
	}
	if n, err := w.rdb.XLen(context.Background(), w.stream()).Result(); err != nil || n != 0 {
		t.Errorf("stream holds %d, %v; want 0", n, err)
	}
}

// TestStopWhileDeferred: Stop does not wait for parked entries, nor for
// those behind them that would defer in turn: everything stays pending
// for the next start.
func TestStopWhileDeferred(t *testing.T) {
	w := newWorld(t)
	out := newOutcomes()
	opt := w.options("c1")
	opt.Done = out.done
	opt.Order = func(e stream.Entry) string { return e.Field("user") }
	far := time.Now().Add(time.Hour)
	c := stream.New(w.rdb, func(context.Context, stream.Entry) error { return deferral{far} }, opt)
	for _, k := range []string{"a1", "a2", "a3"} {
		w.add(t, "k", k, "user", "a")
	}
	if err := c.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	out.wait(t, 1)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := c.Stop(ctx); err != nil {
		t.Fatalf("stop: %v (it waited for a deferred entry)", err)
	}
	if n, err := w.rdb.XLen(context.Background(), w.stream()).Result(); err != nil || n != 3 {
		t.Errorf("stream holds %d after the stop, %v; want the 3", n, err)
	}
}
