package webapp_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"casebot/bot"
	"casebot/bot/explain"
	"casebot/bot/keys"
	"casebot/bot/people"
	"casebot/bot/sendlog"
	"casebot/bot/wecom"
	"casebot/bot/wecomtest"
	"casebot/handlers/webapp"
)

// fileMessages are the file messages delivered to user.
func (e *env) fileMessages(user string) []wecomtest.Message {
	var out []wecomtest.Message
	for _, m := range e.fake.Delivered(user, 0) {
		if m.MsgType == "file" {
			out = append(out, m)
		}
	}
	return out
}

// 导出当前台账 on the page: one upload (media/upload type=file) and one
// message/send msgtype=file, however often the button is pressed; the
// file is the ledger, readable by the import.
func TestExportLedgerArrivesAsAFileMessage(t *testing.T) {
	e := newEnv(t)
	c := e.signIn("zb")
	home := c.get("/app/")
	once := field(home.body, "once")
	for range 2 { // a double tap
		r := c.post("/app/export/ledger", url.Values{"once": {once}})
		has(t, r, "台账已发送", "4 件案件", "请在“案件助手”会话中查收")
	}
	if n := e.fake.Requests("media/upload"); n != 1 {
		t.Errorf("media/upload requests = %d, want 1", n)
	}
	files := e.fileMessages("zb")
	if len(files) != 1 {
		t.Fatalf("file messages = %d, want 1", len(files))
	}
	m := files[0]
	if m.API != "message/send" || !strings.HasPrefix(m.FileName, "台账-20260901-") || !strings.HasSuffix(m.FileName, ".xlsx") {
		t.Errorf("file message %+v", m)
	}
	data, ok := e.fake.Media(m.MediaID)
	if !ok {
		t.Fatal("the message names no uploaded media")
	}
	l := readXLSX(t, data)
	if len(l.Entries) != 4 {
		t.Errorf("the exported ledger holds %d cases, want 4", len(l.Entries))
	}
	var sent int
	for _, m := range e.fake.Messages() {
		if m.API == "message/send" {
			sent++
		}
	}
	if sent != 1 {
		t.Errorf("message/send accepted %d messages, want 1", sent)
	}
}

// The chat commands, through a Bot as the chat routing registers them.
func chatBot(e *env) *bot.Bot {
	b := &bot.Bot{Sender: e.sender, Directory: bot.DirectoryFunc(e.st.LookupPerson), Redis: e.rdb, Keys: e.k,
		Location: shanghai, Now: e.clock.Now}
	e.app.Register(b)
	return b
}

func say(t *testing.T, e *env, b *bot.Bot, user, text, id string) {
	t.Helper()
	msg := &bot.Message{ID: id, Type: "text", From: user, Text: text}
	if err := b.Handle(wecom.ReplyContext(context.Background(), msg), msg); err != nil { // as the inbox does
		t.Fatal(err)
	}
}

func TestExportLedgerInChat(t *testing.T) {
	e := newEnv(t)
	b := chatBot(e)
	say(t, e, b, "admin", "导出台账", "m1")
	say(t, e, b, "admin", "导出台账", "m1") // the same message again (a retry)
	files := e.fileMessages("admin")
	if len(files) != 1 || e.fake.Requests("media/upload") != 1 {
		t.Fatalf("file messages %d, uploads %d; want 1 and 1", len(files), e.fake.Requests("media/upload"))
	}
	if msgs := e.texts("admin"); len(msgs) != 1 || !strings.Contains(msgs[0], "4 件案件") {
		t.Errorf("chat: %q", msgs)
	}
	// Not for an agency's head.
	say(t, e, b, "fz", "导出台账", "m2")
	if len(e.fileMessages("fz")) != 0 {
		t.Error("a head got the whole ledger")
	}
	if msgs := e.texts("fz"); len(msgs) != 1 || !strings.Contains(msgs[0], "应诉专班") {
		t.Errorf("head's answer: %q", msgs)
	}
}

func TestExportDraftAsWordFile(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	c, _ := e.st.Get(ctx, n201)
	if _, err := e.ex.Gen.Generate(ctx, explain.Request{Case: c, Requester: "pf", Offline: true}); err != nil {
		t.Fatal(err)
	}
	b := chatBot(e)
	// Not reviewed yet: refused, nothing sent.
	say(t, e, b, "pf", "导出 "+n201, "d1")
	if len(e.fileMessages("pf")) != 0 {
		t.Fatal("an unreviewed draft was exported")
	}
	if msgs := e.texts("pf"); len(msgs) != 1 || !strings.Contains(msgs[0], "审核通过") {
		t.Errorf("answer: %q", msgs)
	}
	if _, err := e.ex.Approve(ctx, n201, 0, explain.Reviewer{User: "zb", Name: "专班甲", Role: "staff"}, ""); err != nil {
		t.Fatal(err)
	}
	say(t, e, b, "pf", "导出 "+n201, "d2")
	files := e.fileMessages("pf")
	if len(files) != 1 || !strings.HasPrefix(files[0].FileName, "以案说法-") || !strings.HasSuffix(files[0].FileName, ".docx") {
		t.Fatalf("file messages: %+v", files)
	}
	data, _ := e.fake.Media(files[0].MediaID)
	if len(data) < 100 || string(data[:2]) != "PK" {
		t.Errorf("the file is not a Word document (%d bytes)", len(data))
	}
	// A version named, written the long way; a version that does not exist.
	say(t, e, b, "zb", "导出以案说法："+n201+"，第1版", "d4")
	if files := e.fileMessages("zb"); len(files) != 1 {
		t.Errorf("导出以案说法 … 第1版 sent %d files", len(files))
	}
	say(t, e, b, "zb", "导出 "+n201+" 第9版", "d5")
	if msgs := e.texts("zb"); len(msgs) != 2 || !strings.Contains(msgs[1], "没有第 9 版") {
		t.Errorf("answer to a missing version: %q", msgs)
	}
	if files := e.fileMessages("zb"); len(files) != 1 {
		t.Errorf("a missing version sent a file (%d files)", len(files))
	}
	// A handler is not the 普法 team.
	say(t, e, b, "cb", "导出 "+n201, "d3")
	if len(e.fileMessages("cb")) != 0 {
		t.Error("a handler exported a draft")
	}
}

func TestLinkCardsOpenThePage(t *testing.T) {
	e := newEnv(t)
	b := chatBot(e)
	say(t, e, b, "zb", "写入台账", "l1")
	say(t, e, b, "cb", "上传判决书", "l2")
	say(t, e, b, "cb", "写入台账", "l3")
	card := func(user string) *bot.TextCard {
		for _, m := range e.fake.Delivered(user, 0) {
			if m.MsgType == "textcard" {
				return m.TextCard
			}
		}
		return nil
	}
	if c := card("zb"); c == nil || c.Title != "写入台账" || c.URL != e.srv.URL+"/app/ledger" {
		t.Errorf("staff's card: %+v", c)
	}
	if c := card("cb"); c == nil || c.Title != "上传判决书" || c.URL != e.srv.URL+"/app/decision" {
		t.Errorf("handler's card: %+v", c)
	}
	if msgs := e.texts("cb"); len(msgs) != 1 || !strings.Contains(msgs[0], "应诉专班") {
		t.Errorf("a handler asking for 写入台账: %q", msgs)
	}
	// The card's link signs in through WeCom and lands on the page.
	e.fake.SignIn("zb")
	r := e.browser().get(strings.TrimPrefix(card("zb").URL, e.srv.URL))
	if r.status != http.StatusOK || r.url.Path != "/app/ledger" {
		t.Errorf("the card opened %s (%d)", r.url, r.status)
	}
	has(t, r, "选择台账文件")

	// 上传整改报告: a card to the agency's head; staff review, they do not file.
	say(t, e, b, "fz", "上传整改报告", "l4")
	if c := card("fz"); c == nil || c.Title != "上传整改报告" || c.URL != e.srv.URL+"/app/rectify" {
		t.Errorf("head's card: %+v", c)
	}
	say(t, e, b, "zb", "上传整改报告", "l5")
	if msgs := e.texts("zb"); len(msgs) == 0 || !strings.Contains(msgs[len(msgs)-1], "由被告单位的负责人和承办人办理") {
		t.Errorf("staff asking for 上传整改报告: %q", msgs)
	}
}

func TestUndoInChat(t *testing.T) {
	e := newEnv(t)
	b := chatBot(e)
	ctx := context.Background()
	say(t, e, b, "zb", "撤销导入", "u1")
	last := func() string { m := e.texts("zb"); return m[len(m)-1] }
	if !strings.Contains(last(), "将撤销最近一次导入") || !strings.Contains(last(), "seed.csv") || !strings.Contains(last(), "确认撤销") {
		t.Fatalf("question: %q", last())
	}
	say(t, e, b, "zb", "算了", "u2")
	if !strings.Contains(last(), "未撤销") {
		t.Errorf("cancel: %q", last())
	}
	if n, _ := e.st.CountCases(ctx); n != 4 {
		t.Fatalf("%d cases after a cancelled undo", n)
	}
	say(t, e, b, "zb", "撤销导入", "u3")
	say(t, e, b, "zb", "确认撤销", "u4")
	if !strings.HasPrefix(last(), "已撤销") {
		t.Errorf("undo: %q", last())
	}
	if n, _ := e.st.CountCases(ctx); n != 0 {
		t.Errorf("%d cases after undoing the seed import", n)
	}
	say(t, e, b, "zb", "撤销导入", "u5")
	if !strings.Contains(last(), "没有可以撤销的导入") {
		t.Errorf("nothing left: %q", last())
	}
	// Only the bureau.
	say(t, e, b, "pf", "撤销导入", "u6")
	if m := e.texts("pf"); len(m) != 1 || !strings.Contains(m[0], "应诉专班") {
		t.Errorf("pufa: %q", m)
	}
}

// 帮助 lists each file command to those who may use it, and nothing to a
// head, who may use none.
func TestHelpTextByRole(t *testing.T) {
	for _, tc := range []struct {
		role      people.Role
		want, not []string
	}{
		{people.Staff, []string{"导出台账", "写入台账", "撤销导入", "上传判决书", "导出 行初123号"}, []string{"上传整改报告"}},
		{people.Pufa, []string{"上传判决书", "导出 行初123号"}, []string{"导出台账", "写入台账", "撤销导入", "上传整改报告"}},
		{people.Handler, []string{"上传判决书", "上传整改报告"}, []string{"导出台账", "写入台账", "导出 行初123号"}},
		{people.Head, []string{"上传整改报告"}, []string{"上传判决书", "导出台账", "写入台账", "导出 行初123号"}},
	} {
		got := webapp.HelpText(&people.Person{UserID: "u", Name: "某某", Role: tc.role, Agency: "某县公安局"})
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: help lacks %q:\n%s", tc.role, w, got)
			}
		}
		for _, w := range tc.not {
			if strings.Contains(got, w) {
				t.Errorf("%s: help offers %q:\n%s", tc.role, w, got)
			}
		}
	}
}

// WeCom down while the ledger is exported from the page: the page says the
// file has not gone yet and asks to press again; pressed again once WeCom
// is back, it arrives once.
func TestExportLedgerWhileWeComIsDown(t *testing.T) {
	e := newEnv(t)
	c := e.signIn("zb")
	once := field(c.get("/app/").body, "once")
	e.fake.Inject(wecomtest.Fault{API: "media/upload", Status: http.StatusBadGateway, Times: 20})
	r := c.post("/app/export/ledger", url.Values{"once": {once}})
	if r.status != http.StatusServiceUnavailable {
		t.Fatalf("status %d, want 503", r.status)
	}
	has(t, r, "暂未发送", "企业微信暂时没有响应", "再点一次“导出当前台账”")
	if n := len(e.fileMessages("zb")); n != 0 {
		t.Fatalf("file messages = %d while WeCom was down", n)
	}
	e.fake.ClearFaults()
	r = c.post("/app/export/ledger", url.Values{"once": {once}})
	has(t, r, "台账已发送")
	if n := len(e.fileMessages("zb")); n != 1 {
		t.Errorf("file messages = %d, want 1", n)
	}
}

// zb's per-minute limit of WeCom messages is full when he exports the
// ledger from the page: the page says when the file comes (not a
// failure, no need to press again); at that time it is sent, once, and
// pressing again then sends nothing more.
func TestExportLedgerPutOffByTheRateLimit(t *testing.T) {
	e := newEnv(t)
	c := e.signIn("zb")
	once := field(c.get("/app/").body, "once")
	for i := range e.cfg.Sender.PerUserPerMinute {
		ctx := sendlog.WithID(context.Background(), keys.ReplySendNS, fmt.Sprint("fill", i))
		if _, err := e.sender.Send(ctx, bot.Text("好的", "zb")); err != nil {
			t.Fatal(err)
		}
	}
	var later []func()
	var wait time.Duration
	e.app.After = func(d time.Duration, f func()) { wait, later = d, append(later, f) }
	r := c.post("/app/export/ledger", url.Values{"once": {once}})
	if r.status != http.StatusAccepted {
		t.Fatalf("status %d, want 202", r.status)
	}
	has(t, r, "稍后发送", "每人每分钟接收的消息条数", "自动发送到您的聊天窗口", "无需再点一次")
	if n := len(e.fileMessages("zb")); n != 0 || len(later) != 1 {
		t.Fatalf("file messages = %d, retries scheduled %d; want 0 and 1", n, len(later))
	}
	if wait < time.Minute || wait > time.Minute+2*time.Second {
		t.Errorf("made again after %v, want about a minute", wait)
	}
	e.clock.Advance(wait)
	later[0]()
	if n := len(e.fileMessages("zb")); n != 1 {
		t.Fatalf("file messages = %d at its time, want 1", n)
	}
	r = c.post("/app/export/ledger", url.Values{"once": {once}})
	has(t, r, "台账已发送")
	if n := len(e.fileMessages("zb")); n != 1 || len(later) != 1 {
		t.Errorf("file messages = %d, retries %d after pressing again; want 1 and 1", n, len(later))
	}
}
