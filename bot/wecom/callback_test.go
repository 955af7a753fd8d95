package wecom_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/silenceper/wechat/v2/util"

	"casebot/bot"
	"casebot/bot/keys"
	"casebot/bot/redistest"
	"casebot/bot/wecom"
	"casebot/bot/wecomtest"
	"casebot/config"
)

// Official vectors (WECOM.md §4, from WeCom's sample code).
const (
	vecToken  = "QDG6eK"
	vecKey    = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C"
	vecCorp   = "wx5823bf96d3bd56c7"
	v2Encrypt = "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q=="
)

// vectorCallback is the callback of the vectors' app, over a real inbox.
func vectorCallback(t *testing.T) (*wecom.Callback, *wecom.Inbox, func() []bot.Message) {
	t.Helper()
	rdb, k := redistest.New(t)
	crypto, err := wecom.NewCrypto(vecToken, vecKey, vecCorp)
	if err != nil {
		t.Fatal(err)
	}
	in := wecom.NewInbox(rdb, k, nil, wecom.InboxOptions{})
	stored := func() []bot.Message {
		msgs, err := rdb.XRange(context.Background(), k.Inbox(), "-", "+").Result()
		if err != nil {
			t.Fatal(err)
		}
		var out []bot.Message
		for _, m := range msgs {
			var msg bot.Message
			if err := json.Unmarshal([]byte(m.Values["m"].(string)), &msg); err != nil {
				t.Fatal(err)
			}
			out = append(out, msg)
		}
		return out
	}
	// The vectors were signed in 2014: the callback's clock is set then.
	then := func() time.Time { return time.Unix(1409659813, 0) }
	return &wecom.Callback{Crypto: crypto, Inbox: in, Now: then}, in, stored
}

func TestVectorV1VerifyURL(t *testing.T) {
	cb, _, _ := vectorCallback(t)
	// echostr exactly as WeCom sends it: URL-encoded in the query.
	target := "/wecom/callback?msg_signature=5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3&timestamp=1409659589&nonce=263014780" +
		"&echostr=P9nAzCzyDtyTWESHep1vC5X9xho%2FqYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp%2B4RPcs8TgAE7OaBO%2BFZXvnaqQ%3D%3D"
	rec := httptest.NewRecorder()
	cb.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("status = %d, want 200", rec.Code)
	}
	// Raw: no quotes, no BOM, no newline.
	if got, want := rec.Body.String(), "1616140317555161061"; got != want {
		t.Errorf("body = %q, want %q", got, want)
	}
}

func TestVectorV2Decrypt(t *testing.T) {
	cb, _, stored := vectorCallback(t)
	body := "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><Encrypt><![CDATA[" + v2Encrypt +
		"]]></Encrypt><AgentID><![CDATA[218]]></AgentID></xml>"
	target := "/wecom/callback?msg_signature=477715d11cdb4164915debcba66cb864d751f3e6&timestamp=1409659813&nonce=1372623149"
	rec := httptest.NewRecorder()
	cb.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, target, strings.NewReader(body)))
	if rec.Code != http.StatusOK || rec.Body.Len() != 0 {
		t.Fatalf("answer = %d %q, want 200 with an empty body", rec.Code, rec.Body.String())
	}
	got := stored()
	if len(got) != 1 {
		t.Fatalf("stored %d messages, want 1", len(got))
	}
	m := got[0]
	m.ReceivedAt = m.ReceivedAt.UTC().Truncate(0)
	want := bot.Message{ID: "msg:4561255354251345929", Type: "text", From: "mycreate", Text: "hello", AgentID: 218,
		CreateTime: m.CreateTime, ReceivedAt: m.ReceivedAt}
	if diff := cmp.Diff(want, m); diff != "" {
		t.Errorf("message (-want,+got):\n%s", diff)
	}
	if m.CreateTime.Unix() != 1409659813 {
		t.Errorf("CreateTime = %d, want 1409659813", m.CreateTime.Unix())
	}
}

func TestVectorV4DeterministicEncryption(t *testing.T) {
	// The fake WeCom encrypts with util.EncryptMsg; the vector proves that
	// is WeCom's algorithm, byte for byte.
	enc, err := util.EncryptMsg([]byte("aaaabbbbccccdddd"), []byte("我是中文abcd123"), "wxb11529c136998cb6",
		"abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG")
	if err != nil {
		t.Fatal(err)
	}
	const want = "jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg=="
	if string(enc) != want {
		t.Errorf("EncryptMsg = %s, want %s", enc, want)
	}
	c, err := wecom.NewCrypto("any", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", "wxb11529c136998cb6")
	if err != nil {
		t.Fatal(err)
	}
	plain, err := c.Decrypt(want)
	if err != nil || string(plain) != "我是中文abcd123" {
		t.Errorf("Decrypt = %q, %v", plain, err)
	}
}

func TestCallbackRejects(t *testing.T) {
	w := newInboxWorld(t, nil, wecom.InboxOptions{})
	c := w.client
	ctx := context.Background()
	secretText := "机密案情（不应出现在日志里）"
	good, err := c.Build(c.Text("zhangsan", secretText))
	if err != nil {
		t.Fatal(err)
	}
	other := *c
	other.CorpID = "ww_another_corp"
	wrongCorp, err := other.Build(other.Text("zhangsan", secretText))
	if err != nil {
		t.Fatal(err)
	}
	enc, _ := c.Encrypt(c.Text("zhangsan", secretText))
	notXML, _ := c.Encrypt([]byte("this is not xml <<<"))
	noFrom, _ := c.Encrypt([]byte("<xml><MsgType><![CDATA[text]]></MsgType><CreateTime>1</CreateTime><MsgId>1</MsgId></xml>"))
	garbage := base64.StdEncoding.EncodeToString([]byte(strings.Repeat("garbage!", 8)))

	tests := []struct {
		name   string
		req    wecomtest.Request
		status int
	}{
		{"BadSignature", func() wecomtest.Request { r := good; r.Signature = strings.Repeat("0", 40); return r }(), http.StatusForbidden},
		{"TamperedTimestamp", func() wecomtest.Request { r := good; r.Timestamp += "1"; return r }(), http.StatusForbidden},
		{"WrongCorpID", wrongCorp, http.StatusForbidden},
		{"GarbageEncrypt", c.Sign(garbage), http.StatusBadRequest},
		{"NotBase64Encrypt", c.Sign("%%% not base64 %%%"), http.StatusBadRequest},
		{"TruncatedEncrypt", c.Sign(enc[:len(enc)-24]), http.StatusBadRequest},
		{"MalformedEnvelope", func() wecomtest.Request { r := good; r.Body = []byte("<xml><Encrypt>"); return r }(), http.StatusBadRequest},
		{"EmptyBody", func() wecomtest.Request { r := good; r.Body = nil; return r }(), http.StatusBadRequest},
		{"MalformedMessageXML", c.Sign(notXML), http.StatusBadRequest},
		{"MessageWithoutSender", c.Sign(noFrom), http.StatusBadRequest},
		{"Oversize", func() wecomtest.Request {
			r := good
			r.Body = append([]byte("<xml><Pad>"+strings.Repeat("x", bot.MaxCallbackBody)+"</Pad>"), good.Body[5:]...)
			return r
		}(), http.StatusRequestEntityTooLarge},
		{"MissingSignature", func() wecomtest.Request { r := good; r.Signature = ""; return r }(), http.StatusBadRequest},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, err := c.Post(ctx, tt.req)
			if err != nil {
				t.Fatal(err)
			}
			if status != tt.status {
				t.Errorf("status = %d, want %d", status, tt.status)
			}
		})
	}
	if n := w.streamLen(t); n != 0 {
		t.Errorf("%d rejected callbacks reached the inbox", n)
	}
	logs := w.logs.String()
	for _, leak := range []string{secretText, enc[:40], garbage[:20], "this is not xml"} {
		if strings.Contains(logs, leak) {
			t.Errorf("logs contain request content %q:\n%s", leak, logs)
		}
	}
	// The good request itself is still accepted: the rejections changed nothing.
	if status, err := c.Post(ctx, good); err != nil || status != http.StatusOK {
		t.Fatalf("good callback: %d, %v", status, err)
	}
	if n := w.streamLen(t); n != 1 {
		t.Errorf("inbox holds %d messages, want 1", n)
	}
}

func TestCallbackVerifyURLRejects(t *testing.T) {
	w := newInboxWorld(t, nil, wecom.InboxOptions{})
	ctx := context.Background()
	status, body, err := w.client.VerifyURL(ctx, "echo-1234")
	if err != nil || status != http.StatusOK || body != "echo-1234" {
		t.Fatalf("VerifyURL = %d %q %v", status, body, err)
	}
	bad := *w.client
	bad.Token = "another-token"
	if status, _, _ := bad.VerifyURL(ctx, "echo"); status != http.StatusForbidden {
		t.Errorf("bad signature: status %d, want 403", status)
	}
	bad = *w.client
	bad.CorpID = "ww_another_corp"
	if status, _, _ := bad.VerifyURL(ctx, "echo"); status != http.StatusForbidden {
		t.Errorf("wrong CorpID: status %d, want 403", status)
	}
}

func TestCallbackTypes(t *testing.T) {
	w := newInboxWorld(t, nil, wecom.InboxOptions{})
	c, ctx := w.client, context.Background()
	deliver := func(plain string) int {
		t.Helper()
		status, err := c.Deliver(ctx, []byte(plain))
		if err != nil {
			t.Fatal(err)
		}
		return status
	}
	xmlOf := func(typ, extra string) string {
		return fmt.Sprintf("<xml><ToUserName><![CDATA[%s]]></ToUserName><FromUserName><![CDATA[lisi]]></FromUserName>"+
			"<CreateTime>%d</CreateTime><MsgType><![CDATA[%s]]></MsgType>%s<AgentID>%d</AgentID></xml>",
			testCorp, time.Now().Unix(), typ, extra, testAgent)
	}
	tests := []struct {
		name  string
		plain string
		want  *bot.Message // nil: acknowledged and ignored
	}{
		{"Image", xmlOf("image", "<PicUrl><![CDATA[http://x]]></PicUrl><MediaId><![CDATA[m]]></MediaId><MsgId>7</MsgId>"), nil},
		{"LocationEvent", xmlOf("event", "<Event><![CDATA[LOCATION]]></Event><Latitude>23</Latitude>"), nil},
		{"EnterAgent", xmlOf("event", "<Event><![CDATA[enter_agent]]></Event><EventKey><![CDATA[]]></EventKey>"),
			&bot.Message{Type: "event", Event: "enter_agent"}},
		{"UpperCaseClick", xmlOf("event", "<Event><![CDATA[CLICK]]></Event><EventKey><![CDATA[menu:today]]></EventKey>"),
			&bot.Message{Type: "event", Event: "click", EventKey: "menu:today"}},
		{"CardClick", xmlOf("event", "<Event><![CDATA[template_card_event]]></Event><EventKey><![CDATA[remind:ok]]></EventKey>"+
			"<TaskId><![CDATA[t1]]></TaskId><CardType><![CDATA[button_interaction]]></CardType><ResponseCode><![CDATA[rc]]></ResponseCode>"),
			&bot.Message{Type: "event", Event: "template_card_event", EventKey: "remind:ok", TaskID: "t1",
				CardType: "button_interaction", ResponseCode: "rc"}},
		{"HugeMsgID", xmlOf("text", "<Content><![CDATA[hi]]></Content><MsgId>18446744073709551615</MsgId>"),
			&bot.Message{ID: "msg:18446744073709551615", Type: "text", Text: "hi"}},
	}
	var last int64
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if s := deliver(tt.plain); s != http.StatusOK {
				t.Fatalf("status %d, want 200", s)
			}
			msgs, err := w.rdb.XRange(ctx, w.k.Inbox(), "-", "+").Result()
			if err != nil {
				t.Fatal(err)
			}
			if tt.want == nil {
				if int64(len(msgs)) != last {
					t.Fatalf("ignored type was enqueued")
				}
				return
			}
			if int64(len(msgs)) != last+1 {
				t.Fatalf("inbox has %d messages, want %d", len(msgs), last+1)
			}
			last++
			var got bot.Message
			json.Unmarshal([]byte(msgs[len(msgs)-1].Values["m"].(string)), &got)
			tt.want.From, tt.want.AgentID, tt.want.CreateTime, tt.want.ReceivedAt = "lisi", testAgent, got.CreateTime, got.ReceivedAt
			if tt.want.ID == "" {
				tt.want.ID = got.ID
				if !strings.HasPrefix(got.ID, fmt.Sprintf("evt:lisi:%d:", got.CreateTime.Unix())) {
					t.Errorf("event id %q is not FromUserName+CreateTime+details", got.ID)
				}
			}
			if diff := cmp.Diff(*tt.want, got); diff != "" {
				t.Errorf("message (-want,+got):\n%s", diff)
			}
		})
	}
}

func TestReplayedMsgIDHandledOnce(t *testing.T) {
	var mu sync.Mutex
	handled := map[string]int{}
	done := make(chan string, 16)
	w := newInboxWorld(t, func(_ context.Context, m *bot.Message) error {
		mu.Lock()
		handled[m.Text]++
		mu.Unlock()
		return nil
	}, wecom.InboxOptions{Workers: 4, Done: func(m *bot.Message, _ string) { done <- m.Text }})
	w.run(t)
	ctx := context.Background()

	// Sequential: the original and WeCom's three retries.
	seq := w.client.TextWithID("wangwu", "sequential", "9000000000000000001")
	// Concurrent: four deliveries racing.
	conc := w.client.TextWithID("wangwu", "concurrent", "9000000000000000002")
	for range 4 {
		if s, err := w.client.Deliver(ctx, seq); err != nil || s != http.StatusOK {
			t.Fatalf("delivery: %d %v", s, err)
		}
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if s, err := w.client.Deliver(ctx, conc); err != nil || s != http.StatusOK {
				t.Errorf("delivery: %d %v", s, err)
			}
		}()
	}
	wg.Wait()
	// A different message with the same text is not a duplicate.
	w.client.Deliver(ctx, w.client.TextWithID("wangwu", "sequential", "9000000000000000003"))
	for range 3 {
		<-done
	}
	// Anything else handled would be a duplicate: flush with one more.
	w.client.Deliver(ctx, w.client.Text("wangwu", "flush"))
	for got := <-done; got != "flush"; got = <-done {
	}
	mu.Lock()
	defer mu.Unlock()
	if diff := cmp.Diff(map[string]int{"sequential": 2, "concurrent": 1, "flush": 1}, handled); diff != "" {
		t.Errorf("handled (-want,+got):\n%s", diff)
	}
	ttl, _ := w.rdb.PTTL(ctx, w.k.Seen("msg:9000000000000000002")).Result()
	if ttl <= 0 || ttl > keys.SeenTTL {
		t.Errorf("dedupe key TTL = %v, want within %v", ttl, keys.SeenTTL)
	}
}

func TestEventDedupe(t *testing.T) {
	w := newInboxWorld(t, nil, wecom.InboxOptions{})
	ctx := context.Background()
	fixed := time.Now() // events are deduplicated by sender and CreateTime
	w.client.Now = func() time.Time { return fixed }
	click := w.client.Event("zhaoliu", "click", "menu:a")
	for range 4 {
		w.client.Deliver(ctx, click)
	}
	// Another button in the same second is another event.
	w.client.Deliver(ctx, w.client.Event("zhaoliu", "click", "menu:b"))
	if n := w.streamLen(t); n != 2 {
		t.Errorf("inbox holds %d events, want 2", n)
	}
}

// blockingInbox takes messages only when released.
type blockingInbox struct {
	entered chan struct{}
	release chan struct{}
}

func (b *blockingInbox) Enqueue(ctx context.Context, msg *bot.Message) (bool, error) {
	b.entered <- struct{}{}
	<-b.release
	return true, nil
}

// TestCallbackOverloadAnswers503: beyond inbox.max_in_flight callbacks
// being answered, a POST gets 503 at once (WeCom retries it) instead of
// queuing. The bound comes from the configuration, set here the way an
// operator would, by environment variable, and passed on as the app does.
func TestCallbackOverloadAnswers503(t *testing.T) {
	t.Setenv("CASEBOT_CONFIG", "")
	t.Setenv(config.EnvName("inbox.max_in_flight"), "2")
	cfg, err := config.Load("")
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Inbox.MaxInFlight != 2 {
		t.Fatalf("inbox.max_in_flight = %d, want 2 from the environment", cfg.Inbox.MaxInFlight)
	}
	crypto, err := wecom.NewCrypto(testToken, testAESKey, testCorp)
	if err != nil {
		t.Fatal(err)
	}
	inbox := &blockingInbox{entered: make(chan struct{}, 4), release: make(chan struct{})}
	srv := httptest.NewServer(&wecom.Callback{Crypto: crypto, Inbox: inbox, MaxInFlight: cfg.Inbox.MaxInFlight})
	defer srv.Close()
	c := &wecomtest.Client{URL: srv.URL, Token: testToken, AESKey: testAESKey, CorpID: testCorp, AgentID: testAgent}
	ctx := context.Background()
	statuses := make(chan int, 2)
	for range 2 {
		go func() {
			s, _ := c.Deliver(ctx, c.Text("zhouyi", "占用"))
			statuses <- s
		}()
	}
	<-inbox.entered
	<-inbox.entered
	if s, err := c.Deliver(ctx, c.Text("zhouyi", "第三条")); err != nil || s != http.StatusServiceUnavailable {
		t.Fatalf("third concurrent callback: %d %v, want 503", s, err)
	}
	close(inbox.release)
	for range 2 {
		if s := <-statuses; s != http.StatusOK {
			t.Errorf("held callback answered %d", s)
		}
	}
	if s, err := c.Deliver(ctx, c.Text("zhouyi", "之后")); err != nil || s != http.StatusOK {
		t.Errorf("callback after the load: %d %v", s, err)
	}
}

// TestReplayedOldCallbackRefused: a callback captured and replayed later —
// its signed timestamp and its CreateTime days old — is refused (403) and
// nothing is taken; one within wecom.max_clock_skew is taken once, and
// replaying it again is a duplicate.
func TestReplayedOldCallbackRefused(t *testing.T) {
	w := newInboxWorld(t, nil, wecom.InboxOptions{})
	ctx := context.Background()
	old := time.Now().Add(-72 * time.Hour)
	w.client.Now = func() time.Time { return old }
	req, err := w.client.Build(w.client.Text("admin1", "删除人员 zhangsan"))
	if err != nil {
		t.Fatal(err)
	}
	if status, err := w.client.Post(ctx, req); err != nil || status != http.StatusForbidden {
		t.Fatalf("replay of a 3-day-old callback: %d %v, want 403", status, err)
	}
	if n := w.streamLen(t); n != 0 {
		t.Fatalf("the replay was taken (%d entries)", n)
	}
	// A fresh timestamp on an old message (a forged envelope cannot be
	// signed, but a wrong clock can): CreateTime is checked too.
	w.client.Now = nil
	plain := []byte(fmt.Sprintf("<xml><ToUserName><![CDATA[%s]]></ToUserName><FromUserName><![CDATA[admin1]]></FromUserName>"+
		"<CreateTime>%d</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[确认]]></Content><MsgId>77</MsgId><AgentID>%d</AgentID></xml>",
		testCorp, old.Unix(), testAgent))
	if status, _ := w.client.Deliver(ctx, plain); status != http.StatusForbidden {
		t.Errorf("fresh envelope, 3-day-old CreateTime: %d, want 403", status)
	}
	// Within the window: taken once, then a duplicate.
	fresh, err := w.client.Build(w.client.TextWithID("admin1", "确认", "78"))
	if err != nil {
		t.Fatal(err)
	}
	for i := range 2 {
		if status, err := w.client.Post(ctx, fresh); err != nil || status != http.StatusOK {
			t.Fatalf("post %d: %d %v", i+1, status, err)
		}
	}
	if n := w.streamLen(t); n != 1 {
		t.Errorf("%d entries, want the message once", n)
	}
}

// TestEnvelopeEncrypt: WeCom's envelope is read without the XML decoder;
// whatever is not that exact shape is left to it.
func TestEnvelopeEncrypt(t *testing.T) {
	for _, tc := range []struct {
		body, want string
		ok         bool
	}{
		{"<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><Encrypt><![CDATA[RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS]]></Encrypt><AgentID><![CDATA[218]]></AgentID></xml>",
			"RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS", true},
		{"<xml><Encrypt>abc=</Encrypt></xml>", "", false},                                                // no CDATA: the decoder's
		{"<xml><Encrypt><![CDATA[ab<c]]></Encrypt></xml>", "", false},                                    // not base64
		{"<xml><Encrypt><![CDATA[]]></Encrypt></xml>", "", false},                                        // empty
		{"<xml><Encrypt><![CDATA[YQ==]]></Encrypt><Encrypt><![CDATA[Yg==]]></Encrypt></xml>", "", false}, // two
		{"not xml at all", "", false},
	} {
		got, ok := wecom.EnvelopeEncrypt([]byte(tc.body))
		if got != tc.want || ok != tc.ok {
			t.Errorf("%.40q: (%.20q, %v), want (%.20q, %v)", tc.body, got, ok, tc.want, tc.ok)
		}
	}
}

// takeAll is an Enqueuer that keeps nothing: the callback's own work,
// without Redis.
type takeAll struct{}

func (takeAll) Enqueue(context.Context, *bot.Message) (bool, error) { return true, nil }

// BenchmarkCallbackPOST is the CPU of one acknowledged POST in the
// callback itself — query, envelope, signature, timestamp, decryption,
// message decoding — with an inbox that keeps nothing (Redis is
// measured by casebot loadtest).
func BenchmarkCallbackPOST(b *testing.B) {
	crypto, err := wecom.NewCrypto(testToken, testAESKey, testCorp)
	if err != nil {
		b.Fatal(err)
	}
	h := &wecom.Callback{Crypto: crypto, Inbox: takeAll{}}
	client := &wecomtest.Client{Token: testToken, AESKey: testAESKey, CorpID: testCorp, AgentID: testAgent}
	req, err := client.Build(client.Text("zhangsan", "（2025）黔0115行初12号下周几开庭？"))
	if err != nil {
		b.Fatal(err)
	}
	target := "/wecom/callback?" + url.Values{"msg_signature": {req.Signature}, "timestamp": {req.Timestamp}, "nonce": {req.Nonce}}.Encode()
	b.ReportAllocs()
	for b.Loop() {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest(http.MethodPost, target, bytes.NewReader(req.Body)))
		if w.Code != http.StatusOK {
			b.Fatalf("status %d", w.Code)
		}
	}
}
