package wecom_test

import (
	"context"
	"log/slog"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"casebot/bot"
	"casebot/bot/keys"
	"casebot/bot/logtest"
	"casebot/bot/redistest"
	"casebot/bot/wecom"
	"casebot/bot/wecomtest"
	"casebot/config"
)

// The app every test talks as. The token and key are the official test
// vectors' (WECOM.md §4); the corp id is fictional.
const (
	testCorp   = "ww0000000000test"
	testAgent  = 1000002
	testSecret = "test-secret"
	testToken  = "QDG6eK"
	testAESKey = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C"
)

var epoch = time.Date(2025, 11, 19, 9, 0, 0, 0, time.FixedZone("CST", 8*3600))

// world is a sender talking to a fake WeCom, on a simulated clock.
type world struct {
	rdb    redis.UniversalClient
	k      keys.Keys
	fake   *wecomtest.Server
	api    *httptest.Server
	clock  *wecomtest.Clock
	sender *wecom.Sender
	logs   *logtest.Buffer
	log    *slog.Logger
}

func wecomConfig(apiBase string) config.WeCom {
	return config.WeCom{CorpID: testCorp, AgentID: testAgent, Secret: testSecret, Token: testToken,
		AESKey: testAESKey, APIBase: apiBase}
}

func newWorld(t *testing.T) *world {
	t.Helper()
	rdb, k := redistest.New(t)
	w := &world{rdb: rdb, k: k, clock: wecomtest.NewClock(epoch), logs: &logtest.Buffer{}}
	w.log = slog.New(slog.NewTextHandler(w.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	w.fake = wecomtest.New(testCorp, testSecret, testAgent)
	w.fake.Now = w.clock.Now
	w.api = httptest.NewServer(w.fake)
	t.Cleanup(w.api.Close)
	w.sender = wecom.NewSender(wecomConfig(w.api.URL), config.Default().Sender, rdb, k,
		wecom.Options{Clock: w.clock, Log: w.log})
	return w
}

// inboxWorld adds the callback path: a Callback on an httptest server, an
// inbox, and a WeCom callback client.
type inboxWorld struct {
	*world
	inbox    *wecom.Inbox
	callback *httptest.Server
	client   *wecomtest.Client
}

func newInboxWorld(t *testing.T, handle wecom.HandleFunc, opt wecom.InboxOptions) *inboxWorld {
	t.Helper()
	w := &inboxWorld{world: newWorld(t)}
	if opt.Log == nil {
		opt.Log = w.log
	}
	if opt.Block == 0 {
		opt.Block = 100 * time.Millisecond // quick shutdown at the end of a test
	}
	if opt.Now == nil {
		opt.Now = w.clock.Now // deferrals are timed on the sender's clock
	}
	w.inbox = wecom.NewInbox(w.rdb, w.k, handle, opt)
	if err := w.inbox.EnsureGroup(context.Background()); err != nil {
		t.Fatal(err)
	}
	crypto, err := wecom.NewCrypto(testToken, testAESKey, testCorp)
	if err != nil {
		t.Fatal(err)
	}
	w.callback = httptest.NewServer(&wecom.Callback{Crypto: crypto, Inbox: w.inbox, Log: w.log})
	t.Cleanup(w.callback.Close)
	w.client = &wecomtest.Client{URL: w.callback.URL, Token: testToken, AESKey: testAESKey, CorpID: testCorp, AgentID: testAgent}
	return w
}

// run starts the inbox workers until the test ends.
func (w *inboxWorld) run(t *testing.T) {
	t.Helper()
	if err := w.inbox.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		w.inbox.Stop(ctx)
	})
}

func (w *world) streamLen(t *testing.T) int64 {
	t.Helper()
	n, err := w.rdb.XLen(context.Background(), w.k.Inbox()).Result()
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// waitFor waits (for real, the workers are real goroutines) until cond
// holds, failing after a generous deadline.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// textsTo returns the contents delivered to user, in order.
func textsTo(fake *wecomtest.Server, user string) []string {
	var out []string
	for _, m := range fake.Delivered(user, 0) {
		out = append(out, m.Content)
	}
	return out
}

// echoBot is a Bot answering every text with "收到：<text>".
func echoBot(w *world) *bot.Bot {
	b := &bot.Bot{Sender: w.sender, Redis: w.rdb, Keys: w.k, Log: w.log}
	b.Fallback(func(c bot.Context) error { return c.Reply("收到：" + c.Message().Text) })
	return b
}
