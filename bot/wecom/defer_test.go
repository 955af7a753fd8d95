package wecom_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/redis/go-redis/v9"

	"casebot/bot"
	"casebot/bot/keys"
	"casebot/bot/sendlog"
	"casebot/bot/stream"
	"casebot/bot/wecom"
)

// TestBusyRecipientDefersNotBlocks: 40 replies to one staff member and 5
// to other users within a minute. The others go at once; of the 40, the
// 30 the per-minute limit allows go at once and the other 10 are deferred
// (not slept on in the worker, not counted as failed deliveries) and go
// in the next window. None twice, none lost, none dead-lettered.
func TestBusyRecipientDefersNotBlocks(t *testing.T) {
	var mu sync.Mutex
	outcomes := map[string]int{}
	var w *inboxWorld
	w = newInboxWorld(t, func(ctx context.Context, m *bot.Message) error {
		// The message's text names whom the reply goes to.
		_, err := w.sender.Send(ctx, bot.Text("回复 "+m.ID, m.Text))
		return err
	}, wecom.InboxOptions{MaxDeliveries: 2, Done: func(_ *bot.Message, outcome string) {
		mu.Lock()
		outcomes[outcome]++
		mu.Unlock()
	}})
	ctx := context.Background()
	others := []string{"u1", "u2", "u3", "u4", "u5"}
	for i := range 40 {
		to := "zhangsan"
		enqueue(t, w, fmt.Sprintf("m%02d", i), fmt.Sprintf("from%02d", i), to)
		if i%8 == 7 {
			enqueue(t, w, "o"+others[i/8], others[i/8], others[i/8])
		}
	}
	if n, err := w.inbox.ProcessPending(ctx); err != nil || n != 45 {
		t.Fatalf("first pass: %d deliveries, %v; want 45", n, err)
	}
	if got := len(w.fake.Delivered("zhangsan", 0)); got != 30 {
		t.Errorf("zhangsan got %d at once, want 30 (the per-minute limit)", got)
	}
	for _, u := range others {
		if got := len(w.fake.Delivered(u, 0)); got != 1 {
			t.Errorf("%s got %d at once, want 1", u, got)
		}
	}
	if w.clock.Slept() != 0 {
		t.Errorf("the sender slept %v: a deferred push held its worker", w.clock.Slept())
	}
	if n := w.streamLen(t); n != 10 {
		t.Errorf("inbox holds %d entries after the first pass, want the 10 deferred", n)
	}
	// Not yet due: nothing is tried.
	if n, err := w.inbox.ProcessPending(ctx); err != nil || n != 0 {
		t.Fatalf("before the next window: %d deliveries, %v; want 0", n, err)
	}
	w.clock.Advance(time.Minute + 2*time.Second)
	if n, err := w.inbox.ProcessPending(ctx); err != nil || n != 10 {
		t.Fatalf("next window: %d deliveries, %v; want 10", n, err)
	}
	checkRepliesOnce(t, w, "zhangsan", 0, 40)
	st, err := w.inbox.Status(ctx)
	if err != nil || st.Backlog != 0 || st.Dead != 0 {
		t.Errorf("status %+v, %v; want nothing left, nothing dead", st, err)
	}
	mu.Lock()
	defer mu.Unlock()
	if diff := cmp.Diff(map[string]int{"ok": 45, "deferred": 10}, outcomes); diff != "" {
		t.Errorf("outcomes (-want,+got):\n%s", diff)
	}
}

func enqueue(t *testing.T, w *inboxWorld, id, from, to string) {
	t.Helper()
	msg := &bot.Message{ID: id, From: from, Text: to, ReceivedAt: w.clock.Now()}
	if ok, err := w.inbox.Enqueue(context.Background(), msg); err != nil || !ok {
		t.Fatalf("enqueue %s: %v %v", id, ok, err)
	}
}

// useSlots sends n one-part pushes to user at once, using n of its slots.
func useSlots(t *testing.T, w *world, user string, n int) {
	t.Helper()
	for i := range n {
		ctx := sendlog.WithID(context.Background(), keys.ReplySendNS, fmt.Sprint("fill:", user, i))
		if _, err := w.sender.Send(ctx, bot.Text("好的", user)); err != nil {
			t.Fatal(err)
		}
	}
}

func slotBook(t *testing.T, w *world, user string) []redis.Z {
	t.Helper()
	z, err := w.rdb.ZRangeWithScores(context.Background(), w.k.SendSlots(user), 0, -1).Result()
	if err != nil {
		t.Fatal(err)
	}
	return z
}

// TestDeferredPushRefundsItsSlots: a push deferred by the rate limit
// leaves the user's slot book exactly as it was before it booked.
func TestDeferredPushRefundsItsSlots(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	useSlots(t, w, "lisi", 30)
	before := slotBook(t, w, "lisi")
	if len(before) != 30 {
		t.Fatalf("%d slots booked, want 30", len(before))
	}
	long := strings.Repeat("案件办理情况说明。", 2*bot.MaxTextBytes/27+50) // 3 parts
	for i, out := range []bot.Outbound{bot.Text("好的", "lisi"), bot.Text(long, "lisi"), bot.Text("好的", "lisi")} {
		_, err := w.sender.Send(sendlog.WithID(ctx, keys.ReplySendNS, fmt.Sprint("b", i)), out)
		var d *wecom.DeferredError
		if !errors.As(err, &d) || !errors.Is(err, bot.ErrUndelivered) {
			t.Fatalf("push %d over the limit: %v, want a DeferredError (undelivered)", i, err)
		}
		if want := before[0].Score + float64((time.Minute + time.Second).Milliseconds()); float64(d.Until.UnixMilli()) != want {
			t.Errorf("push %d deferred until %v, want a minute after the first slot", i, d.Until)
		}
	}
	if diff := cmp.Diff(before, slotBook(t, w, "lisi")); diff != "" {
		t.Errorf("slot book after the deferred pushes (-before,+after):\n%s", diff)
	}
	if n := len(w.fake.Delivered("lisi", 0)); n != 30 {
		t.Errorf("lisi got %d, want 30", n)
	}
}

// TestDeferredMultiPartResumes: a 3-part push whose third part falls in
// the next window sends two parts, is deferred, and when made again under
// the same id sends only the third.
func TestDeferredMultiPartResumes(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	useSlots(t, w, "lisi", 28)
	long := strings.Repeat("案件办理情况说明。", 2*bot.MaxTextBytes/27+50)
	pctx := func() context.Context { return sendlog.WithID(ctx, keys.ReplySendNS, "long") }
	_, err := w.sender.Send(pctx(), bot.Text(long, "lisi"))
	var d *wecom.DeferredError
	if !errors.As(err, &d) {
		t.Fatalf("3-part push at slots 29-31: %v, want deferred", err)
	}
	if n := len(w.fake.Delivered("lisi", 28)); n != 2 {
		t.Fatalf("%d parts sent before the deferral, want 2", n)
	}
	if n := len(slotBook(t, w, "lisi")); n != 30 {
		t.Errorf("%d slots booked, want 30 (the third part's refunded)", n)
	}
	w.clock.Advance(d.Until.Sub(w.clock.Now()))
	if _, err := w.sender.Send(pctx(), bot.Text(long, "lisi")); err != nil {
		t.Fatalf("the push made again at its time: %v", err)
	}
	got := w.fake.Delivered("lisi", 0)[28:]
	if len(got) != 3 {
		t.Fatalf("%d parts delivered in all, want 3 (none twice)", len(got))
	}
	var joined strings.Builder
	for _, m := range got {
		joined.WriteString(m.Content)
	}
	if joined.String() != long {
		t.Errorf("the parts do not make up the text (%d of %d bytes)", joined.Len(), len(long))
	}
	if rcpt, err := w.sender.Send(pctx(), bot.Text(long, "lisi")); err != nil || !rcpt.Already {
		t.Errorf("once more: %+v %v, want Already", rcpt, err)
	}
}

// TestDeferredEntriesLeaveReadSlots: under the running workers, 40
// messages whose replies wait for one recipient's next rate window (more
// than the 16 read slots of 8 workers) do not stop new messages: 5 fresh
// ones are read and answered at once, while the 40 wait. The 40 go at
// their slots — 30 in the next window, the last 10 in the one after —
// each once, none dead-lettered, none counted as a failed delivery.
// The deferrals are timed on the injected clock; the heartbeat wakes
// them once it has moved on.
func TestDeferredEntriesLeaveReadSlots(t *testing.T) {
	var mu sync.Mutex
	outcomes := map[string]int{}
	count := func(outcome string) int {
		mu.Lock()
		defer mu.Unlock()
		return outcomes[outcome]
	}
	var w *inboxWorld
	w = newInboxWorld(t, func(ctx context.Context, m *bot.Message) error {
		_, err := w.sender.Send(ctx, bot.Text("回复 "+m.ID, m.Text)) // the text names the recipient
		return err
	}, wecom.InboxOptions{MaxDeliveries: 2, Heartbeat: 20 * time.Millisecond, Done: func(_ *bot.Message, outcome string) {
		mu.Lock()
		outcomes[outcome]++
		mu.Unlock()
	}})
	useSlots(t, w.world, "zhangsan", 30) // this minute's slots are gone
	for i := range 40 {
		enqueue(t, w, fmt.Sprintf("m%02d", i), fmt.Sprintf("from%02d", i), "zhangsan")
	}
	w.run(t)
	waitFor(t, "the 40 replies to zhangsan deferred", func() bool { return count(stream.Deferred) == 40 })

	others := []string{"u1", "u2", "u3", "u4", "u5"}
	for _, u := range others {
		enqueue(t, w, "fresh-"+u, u, u)
	}
	waitFor(t, "the 5 fresh messages answered", func() bool {
		for _, u := range others {
			if len(w.fake.Delivered(u, 0)) != 1 {
				return false
			}
		}
		return true
	})
	if n := len(w.fake.Delivered("zhangsan", 0)); n != 30 {
		t.Fatalf("zhangsan got %d before his next window, want the 30 of this one", n)
	}
	if w.clock.Slept() != 0 {
		t.Errorf("the sender slept %v: a deferred push held its worker", w.clock.Slept())
	}

	w.clock.Advance(time.Minute + 2*time.Second)
	waitFor(t, "30 replies in the next window, 10 deferred again", func() bool {
		return len(w.fake.Delivered("zhangsan", 0)) == 60 && count(stream.Deferred) == 50
	})
	w.clock.Advance(time.Minute + 2*time.Second)
	waitFor(t, "the last 10 replies", func() bool { return count("ok") == 45 })

	checkRepliesOnce(t, w, "zhangsan", 30, 40)
	for _, u := range others {
		if n := len(w.fake.Delivered(u, 0)); n != 1 {
			t.Errorf("%s got %d, want 1", u, n)
		}
	}
	waitFor(t, "the inbox empty", func() bool { return w.streamLen(t) == 0 })
	st, err := w.inbox.Status(context.Background())
	if err != nil || st.Dead != 0 {
		t.Errorf("status %+v, %v; want nothing dead", st, err)
	}
	mu.Lock()
	defer mu.Unlock()
	if diff := cmp.Diff(map[string]int{"ok": 45, "deferred": 50}, outcomes); diff != "" {
		t.Errorf("outcomes (-want,+got):\n%s", diff)
	}
}

// checkRepliesOnce checks that user got, from the from-th message on, the
// replies "回复 m00".."回复 m<n-1>", each exactly once.
func checkRepliesOnce(t *testing.T, w *inboxWorld, user string, from, n int) {
	t.Helper()
	got := map[string]int{}
	for _, m := range w.fake.Delivered(user, from) {
		got[m.Content]++
	}
	want := map[string]int{}
	for i := range n {
		want[fmt.Sprintf("回复 m%02d", i)] = 1
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("%s's replies (-want,+got):\n%s", user, diff)
	}
}
