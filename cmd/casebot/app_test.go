package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"casebot/bot"
	"casebot/bot/people"
	"casebot/bot/redistest"
	"casebot/bot/wecom"
	"casebot/bot/wecomtest"
	"casebot/config"
)

// testApp is the serve app on test Redis, sending to a fake WeCom.
type testApp struct {
	*app
	cfg     *config.Config
	fake    *wecomtest.Server
	client  *wecomtest.Client
	url     string
	handled chan string
	cancel  context.CancelFunc
	served  chan error
}

func testConfig(t *testing.T, rdb redis.UniversalClient, prefix string) *config.Config {
	t.Helper()
	cfg := config.MustDefault()
	cfg.Redis.Prefix = prefix
	cfg.WeCom = config.WeCom{CorpID: "ww_app_test", AgentID: 1000002, Secret: "s3cret", Token: "QDG6eK",
		AESKey: "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C"}
	cfg.Admin.Token = "admin-token-for-tests-0123456789abcdef"
	cfg.Inbox.DrainTimeout = 20 * time.Second
	cfg.Reminder.Enabled = false
	return cfg
}

// prefixOf recovers the key prefix redistest chose from its pattern.
func prefixOf(pattern string) string {
	return strings.TrimSuffix(strings.TrimPrefix(pattern, "{"), "}:*")
}

// newTestApp builds the app; routes may add test-only chat routes before
// the app starts.
func newTestApp(t *testing.T, rdb redis.UniversalClient, prefix string, routes func(b *bot.Bot)) *testApp {
	t.Helper()
	return newTestAppWith(t, rdb, prefix, nil, routes)
}

// newTestAppWith is newTestApp with configure applied to the configuration.
func newTestAppWith(t *testing.T, rdb redis.UniversalClient, prefix string, configure func(*config.Config), routes func(b *bot.Bot)) *testApp {
	t.Helper()
	cfg := testConfig(t, rdb, prefix)
	if configure != nil {
		configure(cfg)
	}
	ta := &testApp{cfg: cfg, fake: wecomtest.New(cfg.WeCom.CorpID, cfg.WeCom.Secret, cfg.WeCom.AgentID),
		handled: make(chan string, 64), served: make(chan error, 1)}
	api := httptest.NewServer(ta.fake)
	t.Cleanup(api.Close)
	cfg.WeCom.APIBase = api.URL + "/"
	// The app closes its client when it stops: give it its own.
	own := redis.NewClient(rdb.(*redis.Client).Options())
	a, err := newApp(cfg, appOptions{Redis: own, Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
		InboxDone: func(m *bot.Message, outcome string) { ta.handled <- outcome }})
	if err != nil {
		t.Fatal(err)
	}
	ta.app = a
	if routes != nil {
		routes(a.bot)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ta.url = "http://" + ln.Addr().String()
	ta.client = &wecomtest.Client{URL: ta.url + "/wecom/callback", Token: cfg.WeCom.Token, AESKey: cfg.WeCom.AESKey,
		CorpID: cfg.WeCom.CorpID, AgentID: cfg.WeCom.AgentID}
	ctx, cancel := context.WithCancel(context.Background())
	ta.cancel = cancel
	if err := a.start(ctx); err != nil {
		t.Fatal(err)
	}
	go func() { ta.served <- a.serve(ctx, ln) }()
	t.Cleanup(func() { cancel(); <-ta.served })
	return ta
}

func get(t *testing.T, url, bearer string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	if bearer != "" {
		req.Header.Set("Authorization", "Bearer "+bearer)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func waitOutcome(t *testing.T, ta *testApp) string {
	t.Helper()
	select {
	case o := <-ta.handled:
		return o
	case <-time.After(30 * time.Second):
		t.Fatal("no message handled within 30s")
		return ""
	}
}

// TestServeApp drives the app serve runs: a callback becomes a reply from
// the real handlers through the fake WeCom; the operations endpoints answer.
func TestServeApp(t *testing.T) {
	rdb, k := redistest.New(t)
	ta := newTestApp(t, rdb, prefixOf(k.Pattern()), nil)
	ctx := context.Background()
	if err := ta.store.PutPerson(ctx, &people.Person{UserID: "zhaoliu", Name: "赵六", Role: people.Staff}); err != nil {
		t.Fatal(err)
	}

	if status, body, err := ta.client.VerifyURL(ctx, "echo-42"); err != nil || status != 200 || body != "echo-42" {
		t.Fatalf("URL verification: %d %q %v", status, body, err)
	}
	if s, err := ta.client.Deliver(ctx, ta.client.Text("zhaoliu", "帮助")); err != nil || s != http.StatusOK {
		t.Fatalf("callback: %d %v", s, err)
	}
	if o := waitOutcome(t, ta); o != "ok" {
		t.Fatalf("outcome %s", o)
	}
	got := ta.fake.Delivered("zhaoliu", 0)
	if len(got) != 1 || !strings.Contains(got[0].Content, "行政应诉助手") {
		t.Fatalf("reply = %+v, want the help text", got)
	}
	// Someone missing from the directory is answered politely, not ignored.
	ta.client.Deliver(ctx, ta.client.Text("stranger", "你好"))
	waitOutcome(t, ta)
	if got := ta.fake.Delivered("stranger", 0); len(got) != 1 {
		t.Fatalf("reply to a stranger = %+v", got)
	}

	if s, body := get(t, ta.url+"/healthz", ""); s != 200 || strings.TrimSpace(body) != "ok" {
		t.Errorf("/healthz = %d %q", s, body)
	}
	if s, body := get(t, ta.url+"/readyz", ""); s != 200 || !strings.Contains(body, `"ready": true`) {
		t.Errorf("/readyz = %d %s", s, body)
	}
	s, body := get(t, ta.url+"/metrics", "")
	for _, want := range []string{`casebot_callbacks_total{result="ok"} 2`, `casebot_callbacks_total{result="verified"} 1`,
		`casebot_inbox_messages_total{outcome="ok"} 2`, `casebot_wecom_requests_total{api="message/send",result="ok"} 2`,
		"casebot_handling_seconds_count 2", "casebot_inbox_wait_seconds_count 2", "process_resident_memory_bytes"} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics (%d) lacks %q", s, want)
		}
	}
	if s, _ := get(t, ta.url+"/admin/people", ""); s != http.StatusUnauthorized {
		t.Errorf("/admin/people without a token = %d, want 401", s)
	}
	if s, body := get(t, ta.url+"/admin/people", ta.cfg.Admin.Token); s != 200 || !strings.Contains(body, "zhaoliu") {
		t.Errorf("/admin/people = %d %s", s, body)
	}
	if s, _ := get(t, ta.url+"/", ""); s != http.StatusNotFound {
		t.Errorf("serve has no sandbox page, but / answered %d", s)
	}
}

// TestReadyzShowsWeComConfigErrors: a 60020 (untrusted IP) from WeCom makes
// /readyz fail with the fix in Chinese, until a send succeeds again.
func TestReadyzShowsWeComConfigErrors(t *testing.T) {
	rdb, k := redistest.New(t)
	ta := newTestApp(t, rdb, prefixOf(k.Pattern()), nil)
	ctx := context.Background()
	ta.fake.Inject(wecomtest.Fault{API: "message/send", ErrCode: 60020})
	if _, err := ta.sender.Send(ctx, bot.Text("测试", "zhaoliu")); err == nil {
		t.Fatal("send should fail with 60020")
	}
	s, body := get(t, ta.url+"/readyz", "")
	if s != http.StatusServiceUnavailable || !strings.Contains(body, "60020") || !strings.Contains(body, "企业可信IP") {
		t.Errorf("/readyz after 60020 = %d %s", s, body)
	}
	if _, err := ta.sender.Send(ctx, bot.Text("测试", "zhaoliu")); err != nil {
		t.Fatal(err)
	}
	if s, body := get(t, ta.url+"/readyz", ""); s != 200 {
		t.Errorf("/readyz after a good send = %d %s", s, body)
	}
}

// TestReadyzRedisDown: /readyz fails while Redis is down and recovers with it.
func TestReadyzRedisDown(t *testing.T) {
	srv := redistest.StartServer(t)
	rdb := redis.NewClient(&redis.Options{Addr: srv.Addr, MaxRetries: -1, DialTimeout: 200 * time.Millisecond})
	ta := newTestApp(t, rdb, "readyz-test", nil)
	if s, body := get(t, ta.url+"/readyz", ""); s != 200 {
		t.Fatalf("/readyz = %d %s", s, body)
	}
	srv.Stop()
	s, body := get(t, ta.url+"/readyz", "")
	if s != http.StatusServiceUnavailable || !strings.Contains(body, "无法连接 Redis") {
		t.Errorf("/readyz with Redis down = %d %s", s, body)
	}
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		if s, _ := get(t, ta.url+"/readyz", ""); s == 200 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("/readyz did not recover within 30s of Redis coming back")
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestReadyzReportsRedisSettings: a Redis that would lose acknowledged
// messages (appendonly no, an evicting policy) is reported by /readyz,
// setting by setting, while the server keeps serving; once fixed, the
// report is clean.
func TestReadyzReportsRedisSettings(t *testing.T) {
	srv := redistest.StartServer(t) // appendonly no
	rdb := redis.NewClient(&redis.Options{Addr: srv.Addr})
	t.Cleanup(func() { rdb.Close() })
	ctx := context.Background()
	if err := rdb.ConfigSet(ctx, "maxmemory-policy", "volatile-lru").Err(); err != nil {
		t.Fatal(err)
	}
	ta := newTestApp(t, rdb, "readyz-settings", nil)
	s, body := get(t, ta.url+"/readyz", "")
	if s != 200 || !strings.Contains(body, `"durable": false`) || !strings.Contains(body, `"setting": "appendonly"`) ||
		!strings.Contains(body, `"got": "volatile-lru"`) || !strings.Contains(body, "appendonly yes") {
		t.Errorf("/readyz with appendonly no = %d %s", s, body)
	}
	for _, kv := range [][2]string{{"appendonly", "yes"}, {"maxmemory-policy", "noeviction"}} {
		if err := rdb.ConfigSet(ctx, kv[0], kv[1]).Err(); err != nil {
			t.Fatal(err)
		}
	}
	if s, body := get(t, ta.url+"/readyz", ""); s != 200 || !strings.Contains(body, `"durable": true`) || strings.Contains(body, "redis_settings") {
		t.Errorf("/readyz with both right = %d %s", s, body)
	}
}

// TestGivenUpMessageAlertsStaff: a message whose answer cannot be
// delivered is retried inbox.max_deliveries times, never acknowledged
// unanswered; then it goes to the dead-letter stream, its sender is told
// the truth once, and the 专班 (its group chat and every staff member) get
// an alert naming who wrote what. While an alert cannot be delivered
// (WeCom 500) the message stays pending, untold, and is tried again.
// /admin/inbox lists it.
func TestGivenUpMessageAlertsStaff(t *testing.T) {
	rdb, k := redistest.New(t)
	ta := newTestAppWith(t, rdb, prefixOf(k.Pattern()), func(c *config.Config) {
		c.Inbox.MaxDeliveries, c.Inbox.RetryBackoff = 3, 10*time.Millisecond
		c.Reminder.StaffChat = "zhuanban-chat"
		c.Sender.Retries = 0 // one request per attempt: the fault below fails one give-up
	}, func(b *bot.Bot) {
		b.Text(bot.Prefix("永远失败"), func(c bot.Context) error {
			return fmt.Errorf("%w: the answer could not be sent (test)", bot.ErrUndelivered)
		})
	})
	ctx := context.Background()
	for _, p := range []*people.Person{
		{UserID: "zhaoliu", Name: "赵六", Role: people.Staff},
		{UserID: "qianba", Name: "钱八", Role: people.Staff},
		{UserID: "sunjiu", Name: "孙九", Role: people.Head, Agency: "某县自然资源局", Post: "局长"},
	} {
		if err := ta.store.PutPerson(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	// WeCom answers 500 to the first alert to the staff chat: that give-up
	// cannot tell staff, so the message is not dead-lettered yet (nor the
	// user apologised to); the next delivery fails again and tells them.
	ta.fake.Inject(wecomtest.Fault{API: "appchat/send", Status: 500})
	if s, err := ta.client.Deliver(ctx, ta.client.Text("sunjiu", "永远失败 一次")); err != nil || s != 200 {
		t.Fatalf("callback: %d %v", s, err)
	}
	var outcomes []string
	for len(outcomes) == 0 || outcomes[len(outcomes)-1] == "retry" {
		outcomes = append(outcomes, waitOutcome(t, ta))
	}
	if want := []string{"retry", "retry", "retry", "dead"}; strings.Join(outcomes, ",") != strings.Join(want, ",") {
		t.Errorf("outcomes %v, want %v", outcomes, want)
	}
	if got := ta.fake.Delivered("sunjiu", 0); len(got) != 1 || got[0].Content != wecom.GiveUpMessage(true) {
		t.Errorf("the sender got %+v, want the one apology", got)
	}
	alerts := map[string]string{}
	for _, m := range ta.fake.Messages() {
		to := m.ChatID
		if to == "" {
			to = strings.Join(m.ToUsers, "|")
		}
		if to != "sunjiu" {
			if _, dup := alerts[to]; dup {
				t.Errorf("%s alerted twice", to)
			}
			alerts[to] = m.Content
		}
	}
	if len(alerts) != 3 {
		t.Errorf("alerts to %v, want the staff chat, zhaoliu and qianba", alerts)
	}
	for _, to := range []string{"zhuanban-chat", "zhaoliu", "qianba"} {
		a := alerts[to]
		for _, part := range []string{"某县自然资源局", "孙九（sunjiu）", "永远失败 一次", "/admin/inbox"} {
			if !strings.Contains(a, part) {
				t.Errorf("alert to %s lacks %q: %s", to, part, a)
			}
		}
	}
	if n, err := rdb.XLen(ctx, ta.store.Keys().InboxDead()).Result(); err != nil || n != 1 {
		t.Errorf("dead letters %d %v, want 1", n, err)
	}
	if s, body := get(t, ta.url+"/admin/inbox", ta.cfg.Admin.Token); s != 200 || !strings.Contains(body, `"dead": 1`) && !strings.Contains(body, `"dead":1`) {
		t.Errorf("/admin/inbox = %d %s", s, body)
	}

	// Put back and given up again: nobody is told twice.
	dead, err := rdb.XRange(ctx, ta.store.Keys().InboxDead(), "-", "+").Result()
	if err != nil || len(dead) != 1 {
		t.Fatalf("dead letters %v %v", dead, err)
	}
	req, _ := http.NewRequest(http.MethodPost, ta.url+"/admin/inbox/redrive/"+dead[0].ID, nil)
	req.Header.Set("Authorization", "Bearer "+ta.cfg.Admin.Token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil || resp.StatusCode != http.StatusAccepted {
		t.Fatalf("redrive: %v %v", resp, err)
	}
	resp.Body.Close()
	for waitOutcome(t, ta) != "dead" { // retried, then given up again
	}
	if n := len(ta.fake.Messages()); n != 4 {
		t.Errorf("%d messages after the second give-up, want the 4 of the first", n)
	}
}

// TestGivenUpWithNobodyToAlert: with no staff chat and no staff in the
// directory no alert can go out, so the apology does not claim that the
// 专班 was told.
func TestGivenUpWithNobodyToAlert(t *testing.T) {
	rdb, k := redistest.New(t)
	ta := newTestAppWith(t, rdb, prefixOf(k.Pattern()), func(c *config.Config) {
		c.Inbox.MaxDeliveries, c.Inbox.RetryBackoff = 1, 10*time.Millisecond
		c.Reminder.StaffChat = ""
	}, func(b *bot.Bot) {
		b.Text(bot.Prefix("永远失败"), func(c bot.Context) error {
			return fmt.Errorf("%w: the answer could not be sent (test)", bot.ErrUndelivered)
		})
	})
	ctx := context.Background()
	if err := ta.store.PutPerson(ctx, &people.Person{UserID: "sunjiu", Name: "孙九", Role: people.Head,
		Agency: "某县自然资源局", Post: "局长"}); err != nil {
		t.Fatal(err)
	}
	if s, err := ta.client.Deliver(ctx, ta.client.Text("sunjiu", "永远失败 一次")); err != nil || s != 200 {
		t.Fatalf("callback: %d %v", s, err)
	}
	if o := waitOutcome(t, ta); o != "dead" {
		t.Fatalf("outcome %q, want dead after the one delivery allowed", o)
	}
	if got := ta.fake.Messages(); len(got) != 1 || got[0].Content != wecom.GiveUpMessage(false) {
		t.Errorf("pushes %+v, want only the apology that names nobody told", got)
	}
}

// TestGracefulShutdown: stopping the server while a message is being
// handled lets the handler finish and its reply go out before serve returns.
func TestGracefulShutdown(t *testing.T) {
	rdb, k := redistest.New(t)
	started, release := make(chan struct{}), make(chan struct{})
	ta := newTestApp(t, rdb, prefixOf(k.Pattern()), func(b *bot.Bot) {
		b.Text(bot.Prefix("慢查询"), func(c bot.Context) error {
			close(started)
			<-release
			return c.Reply("慢查询完成")
		})
	})
	ctx := context.Background()
	ta.store.PutPerson(ctx, &people.Person{UserID: "qianba", Name: "钱八", Role: people.Staff})
	if s, err := ta.client.Deliver(ctx, ta.client.Text("qianba", "慢查询")); err != nil || s != 200 {
		t.Fatalf("callback: %d %v", s, err)
	}
	<-started
	ta.cancel() // SIGTERM
	select {
	case err := <-ta.served:
		t.Fatalf("serve returned (%v) while a message was in flight", err)
	case <-time.After(200 * time.Millisecond):
	}
	close(release)
	select {
	case err := <-ta.served:
		ta.served <- err // for the cleanup
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not return after the handler finished")
	}
	got := ta.fake.Delivered("qianba", 0)
	if len(got) != 1 || got[0].Content != "慢查询完成" {
		t.Errorf("replies = %+v, want the slow reply", got)
	}
	n, err := rdb.XLen(ctx, ta.store.Keys().Inbox()).Result()
	if err != nil || n != 0 {
		t.Errorf("inbox holds %d entries after shutdown (%v), want 0: the message was acknowledged", n, err)
	}
}

// TestServeNamesEveryMissingKey: serve refuses to start on an empty
// configuration with one line naming every missing key.
func TestServeNamesEveryMissingKey(t *testing.T) {
	for _, k := range []string{"CASEBOT_CONFIG", "CASEBOT_REDIS_ADDR", "CASEBOT_WECOM_CORP_ID", "CASEBOT_WECOM_AGENT_ID",
		"CASEBOT_WECOM_SECRET", "CASEBOT_WECOM_TOKEN", "CASEBOT_WECOM_AES_KEY", "CASEBOT_ADMIN_TOKEN"} {
		t.Setenv(k, "")
	}
	var stdout, stderr bytes.Buffer
	code := run([]string{"serve"}, strings.NewReader(""), &stdout, &stderr)
	if code != 1 {
		t.Fatalf("exit %d, want 1; stderr %q", code, stderr.String())
	}
	line := stderr.String()
	if strings.Count(line, "\n") != 1 {
		t.Errorf("want one line, got %q", line)
	}
	for _, key := range []string{"redis.addr", "wecom.corp_id", "wecom.agent_id", "wecom.secret", "wecom.token",
		"wecom.aes_key", "admin.token", "CASEBOT_WECOM_AES_KEY"} {
		if !strings.Contains(line, key) {
			t.Errorf("the error does not name %s: %q", key, line)
		}
	}
}
