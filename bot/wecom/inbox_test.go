package wecom_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/redis/go-redis/v9"

	"casebot/bot"
	"casebot/bot/durable"
	"casebot/bot/keys"
	"casebot/bot/redistest"
	"casebot/bot/wecom"
	"casebot/bot/wecomtest"
)

// TestCrashAfterAnswering200 models a replica killed after the callback
// answered 200: the message sits in the stream, delivered to a worker that
// will never acknowledge it. Once the dead replica's heartbeat is gone, a
// new worker (another consumer, as after a restart) takes it over at once,
// and the reply reaches the user exactly once — whether the dead worker
// had already sent it or not.
func TestCrashAfterAnswering200(t *testing.T) {
	for _, repliedBeforeCrash := range []bool{false, true} {
		t.Run(fmt.Sprintf("RepliedBeforeCrash=%v", repliedBeforeCrash), func(t *testing.T) {
			w := newInboxWorld(t, nil, wecom.InboxOptions{})
			b := echoBot(w.world)
			ctx := context.Background()
			if s, err := w.client.Deliver(ctx, w.client.Text("sunqi", "（2025）黔0115行初1号")); err != nil || s != http.StatusOK {
				t.Fatalf("callback: %d %v", s, err)
			}

			// The doomed replica takes the message, maybe replies, then hangs
			// until it is killed: its handlers are cut off and it never acks.
			started := make(chan struct{})
			w.rdb.Set(ctx, w.k.Alive("doomed"), "1", time.Hour)
			dead := wecom.NewInbox(w.rdb, w.k, func(ctx context.Context, m *bot.Message) error {
				if repliedBeforeCrash {
					if err := b.Handle(ctx, m); err != nil {
						return err
					}
				}
				close(started)
				<-ctx.Done()
				return ctx.Err()
			}, wecom.InboxOptions{Consumer: "doomed", Block: 50 * time.Millisecond, Log: w.log})
			if err := dead.Start(ctx); err != nil {
				t.Fatal(err)
			}
			<-started
			kctx, cancel := context.WithTimeout(ctx, time.Millisecond)
			dead.Stop(kctx) // the kill: handlers cut off, nothing acknowledged
			cancel()
			pending, err := w.rdb.XPendingExt(ctx, &redis.XPendingExtArgs{Stream: w.k.Inbox(), Group: keys.InboxGroup,
				Start: "-", End: "+", Count: 10}).Result()
			if err != nil || len(pending) != 1 || pending[0].Consumer != "doomed" {
				t.Fatalf("pending after the crash = %+v, %v; want one entry held by the dead consumer", pending, err)
			}
			if got := len(w.fake.Delivered("sunqi", 0)); got != map[bool]int{false: 0, true: 1}[repliedBeforeCrash] {
				t.Fatalf("replies before the restart = %d", got)
			}
			w.rdb.Del(ctx, w.k.Alive("doomed")) // its heartbeat expires

			// The restarted replica.
			handled := make(chan string, 4)
			fresh := wecom.NewInbox(w.rdb, w.k, b.Handle, wecom.InboxOptions{Consumer: "restarted",
				Heartbeat: 20 * time.Millisecond, Block: 50 * time.Millisecond, Log: w.log,
				Done: func(_ *bot.Message, outcome string) { handled <- outcome }})
			if err := fresh.Start(ctx); err != nil {
				t.Fatal(err)
			}
			defer fresh.Stop(ctx)
			if got := <-handled; got != "ok" {
				t.Fatalf("outcome = %s", got)
			}
			if diff := cmp.Diff([]string{"收到：（2025）黔0115行初1号"}, textsTo(w.fake, "sunqi")); diff != "" {
				t.Errorf("replies (-want,+got):\n%s", diff)
			}
			if n := w.streamLen(t); n != 0 {
				t.Errorf("stream holds %d entries after handling, want 0", n)
			}
		})
	}
}

// TestFailedReplyIsRetried: WeCom refusing the reply (HTTP 500 beyond the
// sender's own retries) leaves the message pending: it is not answered
// with an apology, it is tried again after a backoff and answered once.
func TestFailedReplyIsRetried(t *testing.T) {
	outcomes := make(chan string, 16)
	var w *inboxWorld
	var b *bot.Bot
	w = newInboxWorld(t, func(ctx context.Context, m *bot.Message) error { return b.Handle(ctx, m) },
		wecom.InboxOptions{Backoff: 10 * time.Millisecond, Done: func(_ *bot.Message, o string) { outcomes <- o }})
	b = echoBot(w.world)
	w.sender.Send(context.Background(), bot.Text("预热", "warm")) // the token
	// Four 500s: the first delivery's request and its three retries.
	w.fake.Inject(wecomtest.Fault{API: "message/send", Status: 500, Times: 4})
	w.run(t)
	w.client.Deliver(context.Background(), w.client.Text("liuyi", "你好"))
	var got []string
	for o := range outcomes {
		got = append(got, o)
		if o == "ok" {
			break
		}
	}
	if diff := cmp.Diff([]string{"retry", "ok"}, got); diff != "" {
		t.Errorf("outcomes (-want,+got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"收到：你好"}, textsTo(w.fake, "liuyi")); diff != "" {
		t.Errorf("replies (-want,+got):\n%s", diff)
	}
}

func TestPoisonMessageIsDeadLettered(t *testing.T) {
	outcomes := make(chan string, 16)
	var w *inboxWorld
	w = newInboxWorld(t, func(context.Context, *bot.Message) error {
		return errors.New("directory unreachable")
	}, wecom.InboxOptions{Backoff: 10 * time.Millisecond, MaxDeliveries: 3,
		Done: func(_ *bot.Message, o string) { outcomes <- o },
		GiveUp: func(ctx context.Context, m *bot.Message, _ string) error {
			_, err := w.sender.Send(ctx, bot.Text(wecom.GiveUpMessage(true), m.From))
			return err
		}})
	w.run(t)
	ctx := context.Background()
	w.client.Deliver(ctx, w.client.Text("zhouba", "查询"))
	var got []string
	for o := range outcomes {
		got = append(got, o)
		if o == "dead" {
			break
		}
	}
	if diff := cmp.Diff([]string{"retry", "retry", "dead"}, got); diff != "" {
		t.Errorf("outcomes (-want,+got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{wecom.GiveUpMessage(true)}, textsTo(w.fake, "zhouba")); diff != "" {
		t.Errorf("user was told (-want,+got):\n%s", diff)
	}
	dead, err := w.rdb.XRange(ctx, w.k.InboxDead(), "-", "+").Result()
	if err != nil || len(dead) != 1 || dead[0].Values["deliveries"] != "3" {
		t.Errorf("dead letters = %+v, %v", dead, err)
	}
	if n := w.streamLen(t); n != 0 {
		t.Errorf("inbox still holds %d entries", n)
	}
}

func TestPanickingHandlerDoesNotKillWorker(t *testing.T) {
	handled := make(chan struct{}, 4)
	var w *inboxWorld
	var b *bot.Bot
	w = newInboxWorld(t, func(ctx context.Context, m *bot.Message) error { return b.Handle(ctx, m) },
		wecom.InboxOptions{Workers: 1, Done: func(*bot.Message, string) { handled <- struct{}{} }})
	b = echoBot(w.world)
	b.Text(bot.Prefix("boom"), func(bot.Context) error { panic("nil map write") })
	w.run(t)
	ctx := context.Background()
	w.client.Deliver(ctx, w.client.Text("wujiu", "boom"))
	w.client.Deliver(ctx, w.client.Text("wujiu", "你好"))
	<-handled
	<-handled
	if diff := cmp.Diff([]string{bot.GenericErrorMessage, "收到：你好"}, textsTo(w.fake, "wujiu")); diff != "" {
		t.Errorf("replies (-want,+got):\n%s", diff)
	}
}

func TestPerUserOrder(t *testing.T) {
	var mu sync.Mutex
	order := map[string][]string{}
	handled := make(chan struct{}, 64)
	w := newInboxWorld(t, func(_ context.Context, m *bot.Message) error {
		mu.Lock()
		order[m.From] = append(order[m.From], m.Text)
		mu.Unlock()
		return nil
	}, wecom.InboxOptions{Workers: 4, Done: func(*bot.Message, string) { handled <- struct{}{} }})
	ctx := context.Background()
	want := map[string][]string{}
	// Queue everything first, so the workers see a backlog to share.
	for i := range 12 {
		for _, u := range []string{"u1", "u2"} {
			text := fmt.Sprint(i)
			want[u] = append(want[u], text)
			w.client.Deliver(ctx, w.client.Text(u, text))
		}
	}
	w.run(t)
	for range 24 {
		<-handled
	}
	mu.Lock()
	defer mu.Unlock()
	if diff := cmp.Diff(want, order); diff != "" {
		t.Errorf("handling order (-want,+got):\n%s", diff)
	}
}

func TestRedisDownAnswers503ThenRecovers(t *testing.T) {
	srv := redistest.StartServer(t)
	rdb := redis.NewClient(&redis.Options{Addr: srv.Addr, MaxRetries: -1})
	t.Cleanup(func() { rdb.Close() })
	w := newInboxWorld(t, nil, wecom.InboxOptions{})
	handled := make(chan string, 4)
	in := wecom.NewInbox(rdb, keys.New("down"), func(_ context.Context, m *bot.Message) error {
		handled <- m.Text
		return nil
	}, wecom.InboxOptions{Log: w.log, Block: 50 * time.Millisecond})
	crypto, _ := wecom.NewCrypto(testToken, testAESKey, testCorp)
	w.callback.Config.Handler = &wecom.Callback{Crypto: crypto, Inbox: in, Log: w.log}
	ctx := context.Background()
	if err := in.Start(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { in.Stop(ctx) })

	srv.Stop()
	msg := w.client.Text("zhengshi", "开庭时间")
	if status, err := w.client.Deliver(ctx, msg); err != nil || status != http.StatusServiceUnavailable {
		t.Fatalf("with Redis down: %d %v, want 503", status, err)
	}
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	// WeCom retries the same message; now it is taken and handled.
	if status, err := w.client.Deliver(ctx, msg); err != nil || status != http.StatusOK {
		t.Fatalf("after recovery: %d %v, want 200", status, err)
	}
	select {
	case got := <-handled:
		if got != "开庭时间" {
			t.Errorf("handled %q", got)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("message not handled after Redis came back")
	}
}

func TestGracefulShutdownFinishesInFlight(t *testing.T) {
	release := make(chan struct{})
	started := make(chan struct{})
	var w *inboxWorld
	w = newInboxWorld(t, func(ctx context.Context, m *bot.Message) error {
		close(started)
		<-release
		_, err := w.sender.Send(ctx, bot.Text("处理完毕", m.From))
		return err
	}, wecom.InboxOptions{})
	ctx := context.Background()
	if err := w.inbox.Start(ctx); err != nil {
		t.Fatal(err)
	}
	w.client.Deliver(ctx, w.client.Text("qianshi", "导出台账"))
	<-started
	stopped := make(chan struct{})
	go func() { w.inbox.Stop(ctx); close(stopped) }()
	select {
	case <-stopped:
		t.Fatal("Stop returned with a message still being handled")
	case <-time.After(50 * time.Millisecond):
	}
	close(release)
	<-stopped
	if diff := cmp.Diff([]string{"处理完毕"}, textsTo(w.fake, "qianshi")); diff != "" {
		t.Errorf("replies (-want,+got):\n%s", diff)
	}
	if n := w.streamLen(t); n != 0 {
		t.Errorf("stream holds %d entries after shutdown, want 0 (acknowledged)", n)
	}
}

// TestBacklogBoundAnswers503: beyond inbox.max_backlog messages waiting,
// a new callback is refused with 503 and nothing of it is kept, while
// WeCom's retry of a message already taken is still answered 200; once
// the backlog drains, the refused message's retry is taken.
func TestBacklogBoundAnswers503(t *testing.T) {
	handled := map[string]int{}
	w := newInboxWorld(t, func(_ context.Context, m *bot.Message) error {
		handled[m.Text]++
		return nil
	}, wecom.InboxOptions{MaxBacklog: 3})
	ctx := context.Background()
	var taken [][]byte
	for i := range 3 {
		m := w.client.Text("liuyang", fmt.Sprint("消息", i))
		if s, err := w.client.Deliver(ctx, m); err != nil || s != http.StatusOK {
			t.Fatalf("message %d: %d %v, want 200", i, s, err)
		}
		taken = append(taken, m)
	}
	over := w.client.Text("liuyang", "消息3")
	if s, err := w.client.Deliver(ctx, over); err != nil || s != http.StatusServiceUnavailable {
		t.Fatalf("over the backlog bound: %d %v, want 503", s, err)
	}
	if s, err := w.client.Deliver(ctx, taken[0]); err != nil || s != http.StatusOK {
		t.Fatalf("retry of a message taken, backlog full: %d %v, want 200", s, err)
	}
	if n := w.streamLen(t); n != 3 {
		t.Fatalf("stream holds %d entries, want 3 (nothing of the refused one)", n)
	}
	if n, err := w.inbox.ProcessPending(ctx); err != nil || n != 3 {
		t.Fatalf("ProcessPending = %d, %v", n, err)
	}
	if s, err := w.client.Deliver(ctx, over); err != nil || s != http.StatusOK {
		t.Fatalf("the refused message retried after the drain: %d %v, want 200", s, err)
	}
	if n, err := w.inbox.ProcessPending(ctx); err != nil || n != 1 {
		t.Fatalf("ProcessPending = %d, %v", n, err)
	}
	want := map[string]int{"消息0": 1, "消息1": 1, "消息2": 1, "消息3": 1}
	if diff := cmp.Diff(want, handled); diff != "" {
		t.Errorf("handled (-want,+got):\n%s", diff)
	}
}

// failAfterWait fails the n-th command (from 1) sent after a WAIT: a
// Redis that stops answering while a callback undoes a write its replicas
// did not confirm.
type failAfterWait struct {
	mu    sync.Mutex
	n     int
	since int // commands since the last WAIT; -1 before any
}

func (h *failAfterWait) DialHook(next redis.DialHook) redis.DialHook { return next }

func (h *failAfterWait) ProcessHook(next redis.ProcessHook) redis.ProcessHook {
	return func(ctx context.Context, cmd redis.Cmder) error {
		h.mu.Lock()
		fail := false
		switch {
		case cmd.Name() == "wait":
			h.since = 0
		case h.since >= 0:
			h.since++
			fail = h.since == h.n
		}
		h.mu.Unlock()
		if fail {
			err := errors.New("injected: connection lost")
			cmd.SetErr(err)
			return err
		}
		return next(ctx, cmd)
	}
}

func (h *failAfterWait) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return next
}

// TestUnconfirmedEnqueueNeverLeavesADedupeKeyAlone: a callback whose
// write no replica confirmed answers 503 and undoes the write. Whatever
// fails during the undo, the message's dedupe key never stays without its
// entry: else WeCom's retry would be answered 200 as a duplicate of a
// message nobody holds, and never answered (TestFaultSentinelFailover's
// one loss in 45 at load 15 had this shape: the entry's XDEL went through,
// the dedupe key's DEL did not). The retry is then either taken afresh or
// the entry is still there to be handled.
func TestUnconfirmedEnqueueNeverLeavesADedupeKeyAlone(t *testing.T) {
	for n := 0; n <= 3; n++ { // 0: nothing fails; else the n-th command after the WAIT
		t.Run(fmt.Sprintf("fail-%d", n), func(t *testing.T) {
			base, k := redistest.New(t)
			rdb := redis.NewClient(&redis.Options{Addr: base.(*redis.Client).Options().Addr})
			t.Cleanup(func() { rdb.Close() })
			rdb.AddHook(&failAfterWait{n: n, since: -1})
			ctx := context.Background()
			// One replica asked for and none there: WAIT confirms nothing.
			unconfirmed := wecom.NewInbox(rdb, k, nil, wecom.InboxOptions{Durable: durable.NewWriter(rdb, 1, 10*time.Millisecond)})
			if err := unconfirmed.EnsureGroup(ctx); err != nil {
				t.Fatal(err)
			}
			msg := &bot.Message{ID: "msg:7001", Type: "text", From: "zhouba", Text: "（2025）黔0115行初7号"}
			if fresh, err := unconfirmed.Enqueue(ctx, msg); err == nil || fresh {
				t.Fatalf("unconfirmed enqueue = %v, %v; want an error", fresh, err)
			}
			seen := base.Exists(ctx, k.Seen(msg.ID)).Val() == 1
			entries := base.XLen(ctx, k.Inbox()).Val()
			if seen && entries == 0 {
				t.Fatalf("after the failed undo the dedupe key is kept and the inbox is empty: WeCom's retry would be lost")
			}
			// WeCom's retry, now confirmed (no replica asked for).
			fresh, err := wecom.NewInbox(base, k, nil, wecom.InboxOptions{}).Enqueue(ctx, msg)
			if err != nil {
				t.Fatal(err)
			}
			after := base.XLen(ctx, k.Inbox()).Val()
			switch {
			case fresh && after != entries+1:
				t.Errorf("retry taken but the inbox went from %d to %d entries", entries, after)
			case !fresh && after == 0:
				t.Errorf("retry answered as a duplicate with nothing in the inbox: lost")
			case n == 0 && (!fresh || entries != 0):
				t.Errorf("clean undo: inbox had %d entries and the retry fresh=%v; want 0 and a fresh retry", entries, fresh)
			}
		})
	}
}
