package wecom_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"casebot/bot"
	"casebot/bot/keys"
	"casebot/bot/sendlog"
	"casebot/bot/wecom"
	"casebot/bot/wecomtest"
	"casebot/config"
)

func buttonCard(task string) *bot.TemplateCard {
	return &bot.TemplateCard{CardType: "button_interaction", MainTitle: bot.CardTitle{Title: "明日开庭提醒"},
		TaskID: task, ButtonList: []bot.CardButton{{Text: "确认出庭", Key: "remind:ok:1", Style: 1}, {Text: "另派人员", Key: "remind:other:1"}}}
}

func TestSendKinds(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	png := []byte("\x89PNG\r\n\x1a\nfake image bytes")
	outs := []bot.Outbound{
		bot.Text("您好", "u1"),
		bot.Markdown("**明日开庭** <font color=\"warning\">请准时</font>", "u1", "u2"),
		{ToUsers: []string{"u1"}, Type: bot.MsgTextCard, TextCard: &bot.TextCard{Title: "通报", Description: "十月败诉通报", URL: "https://example.invalid/b"}},
		{ToUsers: []string{"u1"}, Type: bot.MsgTemplateCard, Card: buttonCard("task-1")},
		{ToChat: "chat-zhuanban", Type: bot.MsgText, Text: "群通知"},
		{ToChat: "chat-zhuanban", Type: bot.MsgMarkdown, Text: "# 群通报"},
		{ToUsers: []string{"u2"}, Type: bot.MsgImage, Image: &bot.Image{Name: "chart.png", Data: png}},
	}
	var rcpts []bot.Receipt
	for _, o := range outs {
		r, err := w.sender.Send(ctx, o)
		if err != nil {
			t.Fatalf("send %s: %v", o.Type, err)
		}
		rcpts = append(rcpts, r)
	}
	msgs := w.fake.Messages()
	type row struct {
		API, MsgType, To, Chat, Content string
	}
	var got []row
	for _, m := range msgs {
		got = append(got, row{m.API, m.MsgType, strings.Join(m.ToUsers, "|"), m.ChatID, m.Content})
		if m.API == "message/send" {
			if m.AgentIDType != "number" {
				t.Errorf("%s: agentid sent as %s, want an integer", m.MsgType, m.AgentIDType)
			}
			var raw map[string]any
			json.Unmarshal(m.Raw, &raw)
			if raw["duplicate_check_interval"] == nil || raw["enable_duplicate_check"] == nil {
				t.Errorf("%s: duplicate check fields not set explicitly: %s", m.MsgType, m.Raw)
			}
		}
	}
	want := []row{
		{"message/send", "text", "u1", "", "您好"},
		{"message/send", "markdown", "u1|u2", "", "**明日开庭** <font color=\"warning\">请准时</font>"},
		{"message/send", "textcard", "u1", "", ""},
		{"message/send", "template_card", "u1", "", ""},
		{"appchat/send", "text", "", "chat-zhuanban", "群通知"},
		{"appchat/send", "markdown", "", "chat-zhuanban", "# 群通报"},
		{"message/send", "image", "u2", "", ""},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("messages (-want,+got):\n%s", diff)
	}
	if rcpts[3].ResponseCode == "" || rcpts[3].ResponseCode != msgs[3].ResponseCode {
		t.Errorf("card receipt response code %q, fake issued %q", rcpts[3].ResponseCode, msgs[3].ResponseCode)
	}
	if len(rcpts[0].MsgIDs) != 1 || rcpts[0].MsgIDs[0] != msgs[0].MsgID {
		t.Errorf("text receipt %+v, fake msgid %s", rcpts[0], msgs[0].MsgID)
	}
	if data, ok := w.fake.Media(msgs[6].MediaID); !ok || string(data) != string(png) {
		t.Errorf("uploaded image not found under the sent media_id")
	}
	if n := w.fake.Requests("gettoken"); n != 1 {
		t.Errorf("gettoken called %d times, want 1 (cached in Redis)", n)
	}
}

func TestSendRejectsBadPushes(t *testing.T) {
	w := newWorld(t)
	many := make([]string, bot.MaxRecipients+1)
	for i := range many {
		many[i] = "u"
	}
	for _, o := range []bot.Outbound{
		{Type: bot.MsgText, Text: "x"},
		{ToUsers: []string{"u"}, ToChat: "c", Type: bot.MsgText, Text: "x"},
		bot.Text("  ", "u"),
		{ToChat: "c", Type: bot.MsgTemplateCard, Card: buttonCard("t")},
		{ToUsers: many, Type: bot.MsgText, Text: "x"},
		{ToUsers: []string{"u"}, Type: "voice"},
	} {
		if _, err := w.sender.Send(context.Background(), o); err == nil {
			t.Errorf("Send(%+v) succeeded", o)
		}
	}
	if n := len(w.fake.Messages()); n != 0 {
		t.Errorf("%d bad pushes reached WeCom", n)
	}
}

func TestAPIBaseWithPath(t *testing.T) {
	// A private deployment's API root with a path: every call must use it.
	w := newWorld(t)
	mux := http.NewServeMux()
	mux.Handle("/private/wecom/", http.StripPrefix("/private/wecom", w.fake))
	var stray []string
	mux.HandleFunc("/", func(rw http.ResponseWriter, r *http.Request) { stray = append(stray, r.URL.Path); http.NotFound(rw, r) })
	ts := httptest.NewServer(mux)
	defer ts.Close()
	s := wecom.NewSender(wecomConfig(ts.URL+"/private/wecom/"), config.Default().Sender, w.rdb, w.k, wecom.Options{Clock: w.clock})
	ctx := context.Background()
	if _, err := s.Send(ctx, bot.Text("a", "u1")); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Send(ctx, bot.Outbound{ToChat: "c1", Type: bot.MsgText, Text: "b"}); err != nil {
		t.Fatal(err)
	}
	r, err := s.Send(ctx, bot.Outbound{ToUsers: []string{"u1"}, Type: bot.MsgTemplateCard, Card: buttonCard("t-base")})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.UpdateCard(ctx, r.ResponseCode, &bot.TemplateCard{CardType: "button_interaction", MainTitle: bot.CardTitle{Title: "已确认"}, ReplaceText: "已确认"}, "u1"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Send(ctx, bot.Outbound{ToUsers: []string{"u1"}, Type: bot.MsgImage, Image: &bot.Image{Name: "a.png", Data: []byte("PNG-bytes")}}); err != nil {
		t.Fatal(err)
	}
	for _, api := range []string{"gettoken", "message/send", "appchat/send", "message/update_template_card", "media/upload"} {
		if w.fake.Requests(api) == 0 {
			t.Errorf("%s never reached the API root", api)
		}
	}
	if len(stray) > 0 {
		t.Errorf("requests outside the API root: %v", stray)
	}
}

func TestTokenExpiryMidSend(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	if _, err := w.sender.Send(ctx, bot.Text("预热", "u1")); err != nil {
		t.Fatal(err)
	}
	old, _ := w.rdb.Get(ctx, w.k.AccessToken(testCorp, testAgent)).Result()
	// A three-part message; WeCom declares the token expired at part two.
	long := strings.Repeat("行政机关负责人出庭应诉。", 400) // ~14 KB
	w.fake.Inject(wecomtest.Fault{API: "message/send", ErrCode: 42001, After: 1})
	r, err := w.sender.Send(ctx, bot.Text(long, "u1"))
	if err != nil {
		t.Fatalf("send across token expiry: %v", err)
	}
	parts := wecom.Split(long, bot.MaxTextBytes, false)
	if len(r.MsgIDs) != len(parts) {
		t.Errorf("receipt has %d msgids, want %d", len(r.MsgIDs), len(parts))
	}
	got := textsTo(w.fake, "u1")[1:]
	if diff := cmp.Diff(parts, got); diff != "" {
		t.Errorf("parts delivered (-want,+got):\n%s", diff)
	}
	if n := w.fake.Requests("gettoken"); n != 2 {
		t.Errorf("gettoken called %d times, want 2 (one refetch)", n)
	}
	now, _ := w.rdb.Get(ctx, w.k.AccessToken(testCorp, testAgent)).Result()
	if now == "" || now == old {
		t.Errorf("cached token not replaced after 42001 (old %q, now %q)", old, now)
	}

	// 40014 on an expired token too, and the cache is refreshed once only:
	// a token rejected twice in a row is an error, not a loop.
	w.fake.Inject(wecomtest.Fault{API: "message/send", ErrCode: 40014, Times: 2})
	if _, err := w.sender.Send(ctx, bot.Text("再次", "u1")); wecom.Code(err) != 40014 {
		t.Errorf("token rejected twice: err = %v, want errcode 40014", err)
	}
	if _, err := w.sender.Send(ctx, bot.Text("恢复", "u1")); err != nil {
		t.Errorf("after refresh: %v", err)
	}
}

func TestTokenExpiresWithTime(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	w.sender.Send(ctx, bot.Text("一", "u1"))
	// The fake's token lives 7200 s; the cache keeps it 5700 s (as
	// silenceper does), so a real expiry is never seen...
	ttl, _ := w.rdb.PTTL(ctx, w.k.AccessToken(testCorp, testAgent)).Result()
	if ttl <= 90*time.Minute || ttl > 95*time.Minute {
		t.Errorf("token cached for %v, want 95m", ttl)
	}
	// ...unless WeCom revokes it early, as its docs warn it may.
	w.fake.ExpireTokens()
	if _, err := w.sender.Send(ctx, bot.Text("二", "u1")); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"一", "二"}, textsTo(w.fake, "u1")); diff != "" {
		t.Errorf("(-want,+got):\n%s", diff)
	}
}

func TestWeComAnswering500(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	w.sender.Send(ctx, bot.Text("预热", "u1"))
	before := w.clock.Slept()
	w.fake.Inject(wecomtest.Fault{API: "message/send", Status: 500, Times: 2}, wecomtest.Fault{API: "message/send", ErrCode: -1})
	if _, err := w.sender.Send(ctx, bot.Text("重试后送达", "u1")); err != nil {
		t.Fatalf("send after two 500s and a -1: %v", err)
	}
	if slept := w.clock.Slept() - before; slept < 3*100*time.Millisecond {
		t.Errorf("backed off %v in all, want at least 3 backoffs", slept)
	}
	// Exhausted retries: the error says HTTP 500 and nothing was sent.
	w.fake.Inject(wecomtest.Fault{API: "message/send", Status: 500, Times: 4})
	_, err := w.sender.Send(ctx, bot.Text("送不出去", "u1"))
	var ae *wecom.APIError
	if !errors.As(err, &ae) || ae.Status != 500 {
		t.Fatalf("err = %v, want an HTTP 500 APIError", err)
	}
	if diff := cmp.Diff([]string{"预热", "重试后送达"}, textsTo(w.fake, "u1")); diff != "" {
		t.Errorf("(-want,+got):\n%s", diff)
	}
	// A non-transient errcode is not retried.
	w.fake.Inject(wecomtest.Fault{API: "message/send", ErrCode: 81013})
	n := w.fake.Requests("message/send")
	if _, err := w.sender.Send(ctx, bot.Text("x", "u1")); wecom.Code(err) != 81013 {
		t.Errorf("err = %v, want errcode 81013", err)
	}
	if got := w.fake.Requests("message/send") - n; got != 1 {
		t.Errorf("81013 was tried %d times, want once", got)
	}
}

func TestSlowWeComTimesOut(t *testing.T) {
	w := newWorld(t)
	sc := config.Default().Sender
	sc.Timeout, sc.Retries = 50*time.Millisecond, 1
	s := wecom.NewSender(wecomConfig(w.api.URL), sc, w.rdb, w.k, wecom.Options{Clock: w.clock})
	ctx := context.Background()
	s.Send(ctx, bot.Text("预热", "u1"))
	// One slow answer: the timeout fires, the retry goes through.
	w.fake.Inject(wecomtest.Fault{API: "message/send", Delay: time.Second})
	if _, err := s.Send(ctx, bot.Text("慢", "u1")); err != nil {
		t.Fatalf("send after a slow answer: %v", err)
	}
	// Slow beyond the retries: an error, not a hang.
	w.fake.Inject(wecomtest.Fault{API: "message/send", Delay: time.Second, Times: 2})
	start := time.Now()
	if _, err := s.Send(ctx, bot.Text("很慢", "u1")); err == nil {
		t.Fatal("send to a WeCom that never answers in time succeeded")
	}
	if d := time.Since(start); d > 900*time.Millisecond {
		t.Errorf("gave up after %v; the timeout is 50ms", d)
	}
}

func TestConfigErrorsShowInHealth(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	bad := wecomConfig(w.api.URL)
	bad.Secret = "wrong"
	s := wecom.NewSender(bad, config.Default().Sender, w.rdb, w.k, wecom.Options{Clock: w.clock, Log: w.log})
	if _, err := s.Send(ctx, bot.Text("x", "u1")); wecom.Code(err) != 40001 {
		t.Fatalf("err = %v, want 40001", err)
	}
	codes := func(ps []wecom.Problem) []int {
		var out []int
		for _, p := range ps {
			out = append(out, p.Code)
		}
		return out
	}
	if diff := cmp.Diff([]int{40001}, codes(s.Health().Problems())); diff != "" {
		t.Errorf("problems (-want,+got):\n%s", diff)
	}
	if !strings.Contains(w.logs.String(), "wecom.secret") || strings.Contains(w.logs.String(), "wrong") {
		t.Errorf("the log should name the key to fix and never the secret:\n%s", w.logs.String())
	}

	w.fake.Inject(wecomtest.Fault{API: "message/send", ErrCode: 60020})
	if _, err := w.sender.Send(ctx, bot.Text("x", "u1")); wecom.Code(err) != 60020 {
		t.Fatalf("err = %v, want 60020", err)
	}
	if diff := cmp.Diff([]int{60020}, codes(w.sender.Health().Problems())); diff != "" {
		t.Errorf("problems (-want,+got):\n%s", diff)
	}
	if _, err := w.sender.Send(ctx, bot.Text("y", "u1")); err != nil {
		t.Fatal(err)
	}
	if ps := w.sender.Health().Problems(); len(ps) != 0 {
		t.Errorf("problems after a successful send: %+v", ps)
	}
}

func TestUpdateCard(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	if _, err := w.sender.Send(ctx, bot.Outbound{ToUsers: []string{"head1"}, Type: bot.MsgTemplateCard, Card: buttonCard("remind-77")}); err != nil {
		t.Fatal(err)
	}
	click, err := w.fake.Click("head1", "remind-77", "remind:ok:1")
	if err != nil {
		t.Fatal(err)
	}
	done := &bot.TemplateCard{CardType: "button_interaction", MainTitle: bot.CardTitle{Title: "明日开庭提醒"}, ReplaceText: "已确认出庭"}
	if err := w.sender.UpdateCard(ctx, click.ResponseCode, done, "head1"); err != nil {
		t.Fatal(err)
	}
	last := w.fake.Messages()[1]
	if last.API != "message/update_template_card" || last.Card.ReplaceText != "已确认出庭" || last.Card.TaskID != "remind-77" {
		t.Errorf("update recorded as %+v", last)
	}
	// A response code is good once.
	if err := w.sender.UpdateCard(ctx, click.ResponseCode, done, "head1"); wecom.Code(err) != 40035 {
		t.Errorf("second use of a response code: %v, want errcode 40035", err)
	}
	if _, err := w.fake.Click("someone-else", "remind-77", "remind:ok:1"); err == nil {
		t.Error("the fake let a user click a card never sent to them")
	}
}

func TestSendKeyMakesPushesIdempotent(t *testing.T) {
	w := newWorld(t)
	long := strings.Repeat("重复推送检查。", 600)
	run := func() bot.Receipt {
		ctx := sendlog.WithSequence(context.Background(), keys.ReplySendNS, "reply:msg:42")
		r, err := w.sender.Send(ctx, bot.Text("第一条", "u1"))
		if err != nil {
			t.Fatal(err)
		}
		r2, err := w.sender.Send(ctx, bot.Text(long, "u1"))
		if err != nil {
			t.Fatal(err)
		}
		r.MsgIDs = append(r.MsgIDs, r2.MsgIDs...)
		return r
	}
	first := run()
	// The second part of the long message fails: the retry of the whole
	// handler sends only what is missing.
	w.fake.Inject(wecomtest.Fault{API: "message/send", ErrCode: 45009})
	ctx := sendlog.WithSequence(context.Background(), keys.ReplySendNS, "reply:msg:43")
	if _, err := w.sender.Send(ctx, bot.Text(long, "u2")); err == nil {
		t.Fatal("injected failure did not surface")
	}
	again := run()
	first.Already = true // the replay's receipts are the recorded ones
	if diff := cmp.Diff(first.MsgIDs, again.MsgIDs); diff != "" {
		t.Errorf("receipts of the replay differ (-first,+again):\n%s", diff)
	}
	ctx = sendlog.WithSequence(context.Background(), keys.ReplySendNS, "reply:msg:43")
	if _, err := w.sender.Send(ctx, bot.Text(long, "u2")); err != nil {
		t.Fatal(err)
	}
	if n, want := len(w.fake.Delivered("u1", 0)), 1+len(wecom.Split(long, bot.MaxTextBytes, false)); n != want {
		t.Errorf("u1 got %d messages, want %d (no repeats)", n, want)
	}
	if diff := cmp.Diff(wecom.Split(long, bot.MaxTextBytes, false), textsTo(w.fake, "u2")); diff != "" {
		t.Errorf("u2 got (-want,+got):\n%s", diff)
	}
}

func TestRateLimitQueuesInsteadOfDropping(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	start := w.clock.Now()
	const n = 95
	for i := range n {
		if _, err := w.sender.Send(ctx, bot.Text("提醒 "+string(rune('A'+i%26)), "busy-head")); err != nil {
			t.Fatal(err)
		}
	}
	msgs := w.fake.Delivered("busy-head", 0)
	if len(msgs) != n {
		t.Fatalf("delivered %d of %d", len(msgs), n)
	}
	for _, m := range w.fake.Messages() {
		if len(m.Dropped) > 0 {
			t.Fatalf("WeCom dropped message %d for %v", m.Seq, m.Dropped)
		}
	}
	// 95 messages need four windows of a minute: the last goes out after 3 min.
	if took := msgs[n-1].At.Sub(start); took < 3*time.Minute || took > 3*time.Minute+10*time.Second {
		t.Errorf("the %dth message went out after %v, want just over 3m", n, took)
	}
	// Another user is not held up by the busy one.
	before := w.clock.Now()
	w.sender.Send(ctx, bot.Text("不受影响", "idle-staff"))
	if w.clock.Now() != before {
		t.Errorf("a push to another user waited %v", w.clock.Now().Sub(before))
	}

	// Control: posted without the limiter, the 31st message within a
	// minute is dropped by the fake, as by WeCom, with errcode 0.
	tok := getToken(t, w.api.URL)
	for i := range 31 {
		body := `{"touser":"raw-user","msgtype":"text","agentid":1000002,"text":{"content":"` + string(rune('A'+i%26)) + `"}}`
		resp, err := http.Post(w.api.URL+"/cgi-bin/message/send?access_token="+tok, "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		var a struct{ ErrCode int }
		json.NewDecoder(resp.Body).Decode(&a)
		resp.Body.Close()
		if a.ErrCode != 0 {
			t.Fatalf("raw send %d: errcode %d", i, a.ErrCode)
		}
	}
	if got := len(w.fake.Delivered("raw-user", 0)); got != 30 {
		t.Errorf("without the limiter the fake delivered %d of 31, want 30 (one silently dropped)", got)
	}
}

func getToken(t *testing.T, base string) string {
	t.Helper()
	resp, err := http.Get(base + "/cgi-bin/gettoken?corpid=" + testCorp + "&corpsecret=" + testSecret)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var a struct {
		AccessToken string `json:"access_token"`
	}
	json.NewDecoder(resp.Body).Decode(&a)
	return a.AccessToken
}

func TestLimiterHourWindow(t *testing.T) {
	w := newWorld(t)
	l := wecom.NewLimiter(w.rdb, w.k, 30, 1000)
	ctx := context.Background()
	now := epoch
	var slots []time.Time
	for len(slots) < 1001 {
		s, err := l.Reserve(ctx, []string{"u"}, 50, now, 0)
		if err != nil {
			t.Fatal(err)
		}
		slots = append(slots, s...)
	}
	for i := 30; i < len(slots); i++ {
		if d := slots[i].Sub(slots[i-30]); d < time.Minute {
			t.Fatalf("slots %d and %d only %v apart: 31 in a minute", i-30, i, d)
		}
	}
	if d := slots[1000].Sub(slots[0]); d < time.Hour {
		t.Errorf("the 1001st slot is %v after the first, want over an hour", d)
	}
	for i := 1; i < len(slots); i++ {
		if slots[i].Before(slots[i-1]) {
			t.Fatalf("slot %d before slot %d: not in order", i, i-1)
		}
	}
	// Several recipients: a slot every one of them can take.
	l.Reserve(ctx, []string{"a"}, 30, now, 0)
	s, _ := l.Reserve(ctx, []string{"a", "b"}, 1, now, 0)
	if s[0].Sub(now) < time.Minute {
		t.Errorf("joint slot at +%v, want after a's minute", s[0].Sub(now))
	}
}

func TestSplit(t *testing.T) {
	han := strings.Repeat("案", 700)                                          // 2100 bytes, 3 each
	emoji := strings.Repeat("a", 2046) + "😀😀"                                // a 4-byte rune across 2048
	lines := strings.Repeat("第一行内容\n", 200)                                  // 16 bytes a line
	font := `<font color="warning">` + strings.Repeat("败诉", 500) + `</font>` // one long span
	tests := []struct {
		name     string
		in       string
		markdown bool
		parts    int
	}{
		{"Short", "你好", false, 1},
		{"Exactly2048", strings.Repeat("a", 2048), false, 1},
		{"ThreeByteBoundary", han, false, 2},
		{"FourByteBoundary", emoji, false, 2},
		{"LinesKeptWhole", lines, true, 2},
		{"FontSpanReopened", font, true, 2},
		{"Sentences", strings.Repeat("本案已开庭审理。", 300), false, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parts := wecom.Split(tt.in, bot.MaxTextBytes, tt.markdown)
			if len(parts) != tt.parts {
				t.Errorf("%d parts, want %d", len(parts), tt.parts)
			}
			for i, p := range parts {
				if len(p) > bot.MaxTextBytes || !utf8.ValidString(p) || p == "" {
					t.Errorf("part %d: %d bytes, valid UTF-8 %v", i, len(p), utf8.ValidString(p))
				}
			}
			joined := strings.Join(parts, "")
			if tt.name == "FontSpanReopened" {
				joined = strings.ReplaceAll(joined, `</font><font color="warning">`, "")
				for i, p := range parts {
					if strings.Count(p, "<font") != strings.Count(p, "</font>") {
						t.Errorf("part %d has unbalanced font tags", i)
					}
				}
			}
			if tt.name == "LinesKeptWhole" {
				for i, p := range parts {
					for _, l := range strings.Split(p, "\n") {
						if l != "第一行内容" {
							t.Fatalf("part %d has a broken line %q", i, l)
						}
					}
				}
				joined = strings.Join(parts, "\n")
			}
			if strings.TrimRight(joined, "\n") != strings.TrimRight(tt.in, "\n") {
				t.Errorf("parts do not add up to the input")
			}
		})
	}
	// Cuts prefer sentence ends.
	for i, p := range wecom.Split(strings.Repeat("本案已开庭审理。", 300), bot.MaxTextBytes, false) {
		if !strings.HasSuffix(p, "。") {
			t.Errorf("part %d ends mid-sentence: …%s", i, p[len(p)-9:])
		}
	}
}

func TestLongReplyDeliveredInOrder(t *testing.T) {
	w := newWorld(t)
	var b strings.Builder
	for i := range 120 {
		b.WriteString("第")
		b.WriteString(strings.Repeat("〇", i%10))
		b.WriteString("条：行政机关负责人应当出庭应诉。\n")
	}
	md := b.String()
	if _, err := w.sender.Send(context.Background(), bot.Markdown(md, "u1")); err != nil {
		t.Fatal(err)
	}
	got := w.fake.Delivered("u1", 0)
	if len(got) < 3 {
		t.Fatalf("%d parts, want at least 3", len(got))
	}
	var texts []string
	for i, m := range got {
		if m.Truncated {
			t.Errorf("part %d was truncated by WeCom", i)
		}
		if i > 0 && m.At.Sub(got[i-1].At) < 200*time.Millisecond {
			t.Errorf("part %d only %v after part %d", i, m.At.Sub(got[i-1].At), i-1)
		}
		texts = append(texts, m.Content)
	}
	if diff := cmp.Diff(strings.TrimSuffix(md, "\n"), strings.Join(texts, "\n")); diff != "" {
		t.Errorf("reassembled (-want,+got):\n%s", diff)
	}
}

func TestRedisCacheAdapter(t *testing.T) {
	w := newWorld(t)
	c := wecom.NewRedisCache(w.rdb)
	key := w.k.AccessToken("ww-cache", 1)
	if v := c.Get(key); v != nil {
		t.Errorf("Get(missing) = %#v, want nil", v)
	}
	if c.IsExist(key) {
		t.Error("IsExist(missing) = true")
	}
	if err := c.Set(key, "tok-1", time.Minute); err != nil {
		t.Fatal(err)
	}
	if v, ok := c.Get(key).(string); !ok || v != "tok-1" {
		t.Errorf("Get = %#v, want the string tok-1", c.Get(key))
	}
	if !c.IsExist(key) {
		t.Error("IsExist = false after Set")
	}
	if err := c.Delete(key); err != nil || c.Get(key) != nil {
		t.Errorf("Delete: %v, then Get = %#v", err, c.Get(key))
	}
}

// TestPushHeldByACrashedSender: a replica died in the middle of sending a
// reply: its claim on the push is still there, and the request it sent is
// saved. The message is taken over and handled again here. A claim whose
// owner lives makes Send return ErrBusy at once (the message is retried
// later; no worker waits); once the owner's presence is gone the push is
// taken over at once, and the saved request is resent as is — so WeCom's
// duplicate check delivers it once whether or not the dead replica's
// request had arrived.
func TestPushHeldByACrashedSender(t *testing.T) {
	for _, arrived := range []bool{false, true} {
		t.Run(fmt.Sprintf("DeadSendersRequestArrived=%v", arrived), func(t *testing.T) {
			w := newWorld(t)
			ctx := context.Background()
			mk := func(owner string) *wecom.Sender {
				return wecom.NewSender(wecomConfig(w.api.URL), config.Default().Sender, w.rdb, w.k,
					wecom.Options{Clock: w.clock, Log: w.log, Owner: owner, Heartbeat: true})
			}
			dead, here := mk("replica-dead"), mk("replica-here")
			w.rdb.Set(ctx, w.k.Alive("replica-dead"), "1", time.Hour)
			w.rdb.Set(ctx, w.k.Alive("replica-here"), "1", time.Hour)
			reply := func(s *wecom.Sender) error {
				_, err := s.Send(sendlog.WithSequence(ctx, keys.ReplySendNS, "reply:msg:77"), bot.Text("您查询的案件如下", "u7"))
				return err
			}
			// The dead replica's request: with the fault it never arrives
			// (dropped on the way), else it arrives and its answer is lost
			// (WeCom slower than the timeout); either way the dead replica
			// never records it.
			w.fake.Inject(wecomtest.Fault{API: "message/send", Drop: !arrived, Slow: arrived, Delay: time.Hour, Times: 4})
			sc := config.Default().Sender
			sc.Timeout, sc.Retries = 100*time.Millisecond, 0
			slow := wecom.NewSender(wecomConfig(w.api.URL), sc, w.rdb, w.k,
				wecom.Options{Clock: w.clock, Log: w.log, Owner: "replica-dead", Heartbeat: true})
			_ = dead
			if err := reply(slow); err == nil {
				t.Fatal("the dead replica's send succeeded")
			}
			w.fake.ClearFaults()
			// Its claim is gone with the failure here; put it back as a crash
			// would have left it, still owned by the dead replica.
			l := sendlog.New(w.rdb, w.k, sendlog.Options{Owner: "replica-dead", Heartbeat: true, ClaimTTL: time.Hour})
			if _, r, err := l.Claim(ctx, sendlog.Push{NS: keys.ReplySendNS, ID: "reply:msg:77:1"}, 1); r != sendlog.Claimed || err != nil {
				t.Fatalf("re-claim as the dead replica: %v %v", r, err)
			}
			if err := reply(here); !errors.Is(err, wecom.ErrBusy) || !errors.Is(err, bot.ErrUndelivered) {
				t.Fatalf("send while the owner lives = %v; want ErrBusy at once", err)
			}
			w.rdb.Del(ctx, w.k.Alive("replica-dead")) // its heartbeat expires
			if err := reply(here); err != nil {
				t.Fatalf("send after the owner died: %v", err)
			}
			if n := len(w.fake.Delivered("u7", 0)); n != 1 {
				t.Errorf("u7 got %d messages, want exactly 1", n)
			}
			if err := reply(here); err != nil {
				t.Fatal(err)
			}
			if n := len(w.fake.Delivered("u7", 0)); n != 1 {
				t.Errorf("u7 got %d messages after a replay, want exactly 1", n)
			}
		})
	}
}

// TestTimeoutIsResolvedNotResent: WeCom slower than sender.timeout takes
// the message and answers too late. The sender's retry is the same
// request with WeCom's duplicate check on, so the user gets one message,
// and the push is recorded as sent.
func TestTimeoutIsResolvedNotResent(t *testing.T) {
	w := newWorld(t)
	sc := config.Default().Sender
	sc.Timeout = 100 * time.Millisecond
	s := wecom.NewSender(wecomConfig(w.api.URL), sc, w.rdb, w.k, wecom.Options{Clock: w.clock, Log: w.log})
	ctx := sendlog.WithSequence(context.Background(), keys.ReplySendNS, "reply:msg:88")
	s.Send(context.Background(), bot.Text("预热", "warm"))
	w.fake.Inject(wecomtest.Fault{API: "message/send", Slow: true, Delay: time.Second})
	if _, err := s.Send(ctx, bot.Text("开庭时间：11月20日 09:30", "u8")); err != nil {
		t.Fatalf("send after a slow answer: %v", err)
	}
	if diff := cmp.Diff([]string{"开庭时间：11月20日 09:30"}, textsTo(w.fake, "u8")); diff != "" {
		t.Errorf("u8 got (-want,+got):\n%s", diff)
	}
	if w.fake.Duplicates() != 1 {
		t.Errorf("duplicate check suppressed %d requests, want the retry", w.fake.Duplicates())
	}
	// Slower than every retry: the outcome stays unknown, the error says
	// undelivered, and the next try (a redelivery) still sends nothing new.
	ctx2 := sendlog.WithSequence(context.Background(), keys.ReplySendNS, "reply:msg:89")
	w.fake.Inject(wecomtest.Fault{API: "message/send", Slow: true, Delay: time.Second, Times: 4})
	if _, err := s.Send(ctx2, bot.Text("第二个问题的答复", "u8")); !errors.Is(err, bot.ErrUndelivered) {
		t.Fatalf("send slower than every retry = %v, want undelivered", err)
	}
	ctx2 = sendlog.WithSequence(context.Background(), keys.ReplySendNS, "reply:msg:89")
	if _, err := s.Send(ctx2, bot.Text("第二个问题的答复", "u8")); err != nil {
		t.Fatal(err)
	}
	if got := textsTo(w.fake, "u8"); len(got) != 2 {
		t.Errorf("u8 got %q, want each reply once", got)
	}
}

// TestSameTextToSamePersonTwice: two different pushes whose requests are
// the same (the same answer to the same question asked twice) are both
// delivered: the second goes without the duplicate check WeCom would drop
// it by.
func TestSameTextToSamePersonTwice(t *testing.T) {
	w := newWorld(t)
	for _, msg := range []string{"reply:msg:1", "reply:msg:2"} {
		if _, err := w.sender.Send(sendlog.WithSequence(context.Background(), keys.ReplySendNS, msg), bot.Text("没有找到该案件。", "u9")); err != nil {
			t.Fatal(err)
		}
	}
	if n := len(w.fake.Delivered("u9", 0)); n != 2 {
		t.Errorf("u9 got %d answers, want 2", n)
	}
}

// TestCardResentAfterUnknownOutcome: a card whose request had an unknown
// outcome is resent with its task_id; WeCom's "task_id exist" then means
// the first arrived, and the push counts as sent.
func TestCardResentAfterUnknownOutcome(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	card := &bot.TemplateCard{CardType: "button_interaction", MainTitle: bot.CardTitle{Title: "明日开庭"}, TaskID: "rm_1_db_x",
		ButtonList: []bot.CardButton{{Text: "确认出庭", Key: "rmd:ok:rm_1_db_x"}}}
	out := bot.Outbound{ToUsers: []string{"head1"}, Type: bot.MsgTemplateCard, Card: card}
	sc := config.Default().Sender
	sc.Timeout, sc.Retries = 100*time.Millisecond, 0
	s := wecom.NewSender(wecomConfig(w.api.URL), sc, w.rdb, w.k, wecom.Options{Clock: w.clock, Log: w.log})
	s.Send(ctx, bot.Text("预热", "warm"))
	w.fake.Inject(wecomtest.Fault{API: "message/send", Slow: true, Delay: time.Second})
	pctx := func() context.Context { return sendlog.WithID(ctx, keys.RemindSendNS, "occ1:day_before:head1") }
	if _, err := s.Send(pctx(), out); !errors.Is(err, bot.ErrUndelivered) {
		t.Fatalf("first send = %v, want an unknown outcome", err)
	}
	// The duplicate check would settle it too; take it off to see 42014 do it.
	w.fake.ClearFaults()
	w.rdb.Del(ctx, w.k.Pattern())
	if _, err := s.Send(pctx(), out); err != nil {
		t.Fatalf("resend: %v", err)
	}
	if n := len(w.fake.Delivered("head1", 0)); n != 1 {
		t.Errorf("head1 got %d cards, want 1", n)
	}
}
