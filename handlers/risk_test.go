package handlers

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"casebot/bot"
	"casebot/bot/cases"
	"casebot/bot/keys"
	"casebot/bot/people"
	"casebot/bot/redistest"
	"casebot/bot/sendlog"
	"casebot/bot/store"
	"casebot/config"
	"casebot/reminders"
)

// riskEnv is the chat with the reminders service, 分管领导 configured for
// the market regulator and for 行政强制.
func riskEnv(t *testing.T) *remindEnv {
	return configuredRemindEnv(t, func(cfg *config.Config) {
		cfg.Risk.Leaders = []string{agency + ":fgld1", "行政强制:fgld2"}
	}, nil)
}

// configuredRemindEnv is the chat with the reminders service under the
// configuration configure makes, sending through mkSender's sender (the
// recorder when nil).
func configuredRemindEnv(t *testing.T, configure func(*config.Config), mkSender func(redis.UniversalClient, keys.Keys) bot.Sender) *remindEnv {
	rdb, k := redistest.New(t)
	rec := &recorder{log: sendlog.New(rdb, k, sendlog.Options{})}
	var sender bot.Sender = rec
	if mkSender != nil {
		sender = mkSender(rdb, k)
	}
	st := store.New(rdb, k)
	cfg := config.MustDefault()
	cfg.Reminder.StaffChat = "zhuanban"
	configure(cfg)
	ctx := context.Background()
	if err := st.PutPeople(ctx, []*people.Person{
		{UserID: "wangwu", Name: "王五", Role: people.Head, Agency: agency, Post: "局长"},
		{UserID: "lisi", Name: "李四", Role: people.Handler, Agency: agency},
		{UserID: "staff1", Name: "陈专班", Role: people.Staff},
		{UserID: "fgld1", Name: "刘副县长", Role: people.Staff},
	}); err != nil {
		t.Fatal(err)
	}
	svc, err := reminders.New(cfg, st, sender)
	if err != nil {
		t.Fatal(err)
	}
	svc.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	e := &remindEnv{t: t, st: st, svc: svc, rec: rec}
	e.b = &bot.Bot{Sender: sender, Redis: rdb, Keys: k, Location: cst, Directory: bot.DirectoryFunc(st.LookupPerson),
		Now: func() time.Time { return e.now }, Log: svc.Log}
	Register(e.b, Deps{Config: cfg, Store: st, Reminders: svc})
	return e
}

func TestRiskFlagNotifiesLeaders(t *testing.T) {
	e := riskEnv(t)
	ctx := context.Background()
	n := cases.MustParseNumber("(2025)黔0115行初401号")
	c := &cases.Case{Number: n.String(), Kind: n.Kind(), Stage: n.Stage(), Plaintiffs: []cases.Party{cases.NewParty("张三")},
		Defendants: []string{agency}, Cause: "行政强制", Court: "某县人民法院", Handler: "李四"}
	if err := e.st.Put(ctx, c); err != nil {
		t.Fatal(err)
	}
	e.now = at("2025-10-15 10:00")
	if out := e.say("wangwu", "标记风险 (2025)黔0115行初401号 证据不足"); len(out) != 1 || !strings.Contains(out[0].Text, "只有司法局应诉专班") {
		t.Fatalf("a head flagged a case: %+v", out)
	}
	if out := e.say("staff1", "标记风险 (2025)黔0115行初401号"); len(out) != 1 || !strings.Contains(out[0].Text, "请写明败诉风险的原因") {
		t.Fatalf("no reason: %+v", out)
	}
	out := e.say("staff1", "标记风险（2025）黔0115行初401号，原因：强制拆除前未依法催告，程序存在瑕疵")
	var texts []string
	for _, o := range out {
		texts = append(texts, strings.Join(o.ToUsers, ",")+" "+o.Text)
	}
	joined := strings.Join(texts, "\n")
	for _, w := range []string{"fgld1 【败诉风险预警】(2025)黔0115行初401号", "fgld2 【败诉风险预警】", "强制拆除前未依法催告，程序存在瑕疵",
		"staff1 已将 (2025)黔0115行初401号 标记为败诉风险", "刘副县长、fgld2"} {
		if !strings.Contains(joined, w) {
			t.Errorf("missing %q in:\n%s", w, joined)
		}
	}
	if len(out) != 3 {
		t.Errorf("%d pushes, want two alerts and the reply:\n%s", len(out), joined)
	}
	// Sent once: a sweep afterwards sends nothing more.
	if _, err := e.svc.Sweep(ctx, at("2025-10-15 10:05")); err != nil {
		t.Fatal(err)
	}
	if got := e.rec.take(); len(got) != 0 {
		t.Errorf("alert sent again: %+v", got)
	}
	list := e.say("wangwu", "重点案件")
	if len(list) != 1 || !strings.Contains(list[0].Text, "(2025)黔0115行初401号") || !strings.Contains(list[0].Text, "强制拆除前未依法催告") {
		t.Errorf("重点案件: %+v", list)
	}
	if out := e.say("staff1", "取消风险 (2025)黔0115行初401号"); len(out) != 1 || !strings.Contains(out[0].Text, "已取消") {
		t.Fatalf("clear: %+v", out)
	}
	if list := e.say("staff1", "哪些案子有败诉风险"); len(list) != 1 || !strings.Contains(list[0].Text, "目前没有标记为败诉风险的重点案件") {
		t.Errorf("after clearing: %+v", list)
	}
}

// The 整改 report typed in chat after the card's buttons, routed by the
// handlers to the reminders service.
func TestRectifyReportByChat(t *testing.T) {
	e := riskEnv(t)
	ctx := context.Background()
	n := cases.MustParseNumber("(2025)黔0115行初402号")
	c := &cases.Case{Number: n.String(), Kind: n.Kind(), Stage: n.Stage(), Plaintiffs: []cases.Party{cases.NewParty("张三")},
		Defendants: []string{agency}, Cause: "行政处罚", Court: "某县人民法院", Handler: "李四",
		Closure: &cases.Closure{On: at("2025-10-09 00:00"), Method: cases.JudgmentRevoke}, Appealed: new(bool)}
	if err := e.st.Put(ctx, c); err != nil {
		t.Fatal(err)
	}
	cards := e.sweep("2025-10-10 09:00")
	card := cards["wangwu"]
	if card == nil {
		t.Fatalf("no request card: %v", cards)
	}
	if out := e.click("wangwu", card, "填报原因分析", "code1"); len(out) != 1 || !strings.Contains(out[0].Text, "败诉原因分析") {
		t.Fatalf("click: %+v", out)
	}
	// A request about another case while the analysis is awaited is no
	// analysis: answered as a message of its own, the question kept open.
	out := e.say("wangwu", "帮我查一下401号什么时候开庭")
	if len(out) != 2 || strings.Contains(out[0].Text, "已收到败诉原因分析") || !strings.Contains(out[1].Text, "败诉原因分析还在等您回复") {
		t.Fatalf("another case's question during the await: %+v", out)
	}
	// Nor is a question about this very report (写好了在哪里交).
	out = e.say("wangwu", "402号原因分析我写好了在哪里交")
	if len(out) != 2 || strings.Contains(out[0].Text, "已收到败诉原因分析") || !strings.Contains(out[1].Text, "败诉原因分析还在等您回复") {
		t.Fatalf("a question about the report during the await: %+v", out)
	}
	// Nor a complaint about the card itself (this case is someone else's).
	for _, msg := range []string{"对了402号是李四办的啊 为啥推我这", "这个不是我负责的吧 搞错了", "402号凭什么让我写"} {
		out = e.say("wangwu", msg)
		if len(out) != 2 || strings.Contains(out[0].Text, "已收到败诉原因分析") || !strings.Contains(out[1].Text, "败诉原因分析还在等您回复") {
			t.Fatalf("a complaint about the card during the await (%s): %+v", msg, out)
		}
	}
	if got, _ := e.st.Get(ctx, c.Number); got.Rectify != nil && got.Rectify.Analysis != "" {
		t.Fatalf("the question was filed as the analysis: %q", got.Rectify.Analysis)
	}
	if out := e.say("wangwu", "对当事人陈述申辩意见未予复核，程序违法。"); len(out) != 1 || !strings.Contains(out[0].Text, "还需要整改措施") {
		t.Fatalf("analysis: %+v", out)
	}
	e.click("wangwu", card, "填报整改措施", "code2")
	out = e.say("wangwu", "建立陈述申辩复核台账，法规科每月抽查。")
	var kinds []string
	for _, o := range out {
		kinds = append(kinds, strings.Join(o.ToUsers, ",")+":"+o.Text)
	}
	joined := strings.Join(kinds, "\n")
	if !strings.Contains(joined, "已报送，等待司法局审核") {
		t.Errorf("reply: %s", joined)
	}
	got, _ := e.st.Get(ctx, c.Number)
	if got.Rectify == nil || got.Rectify.Status != cases.RectifyFiled || got.Rectify.FiledBy != "wangwu" {
		t.Fatalf("rectify %+v", got.Rectify)
	}
	reviewed := 0
	for _, o := range out {
		if o.Card != nil && o.ToUsers[0] == "staff1" {
			reviewed++
		}
	}
	if reviewed != 1 {
		t.Errorf("review cards to staff1: %d\n%s", reviewed, joined)
	}
}
