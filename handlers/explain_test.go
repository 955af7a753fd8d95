package handlers

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"casebot/bot"
	"casebot/bot/cases"
	"casebot/bot/explain"
	"casebot/bot/llm/llmtest"
	"casebot/bot/people"
	"casebot/bot/redistest"
	"casebot/bot/store"
	"casebot/config"
)

const (
	closedNumber = "(2025)黔0115行初88号"
	openNumber   = "(2025)黔0115行初89号"
)

type explainEnv struct {
	t   *testing.T
	b   *bot.Bot
	rec *recorder
	st  *store.Store
	ex  *explain.Service
	srv *llmtest.Server
	now time.Time
}

func newExplainEnv(t *testing.T, perHour int) *explainEnv {
	t.Helper()
	loc, _ := time.LoadLocation("Asia/Shanghai")
	rdb, k := redistest.New(t)
	e := &explainEnv{t: t, rec: &recorder{}, st: store.New(rdb, k), now: time.Date(2025, 10, 8, 14, 20, 0, 0, loc)}
	e.st.Now = func() time.Time { return e.now }
	ctx := context.Background()
	const agency = "某县自然资源局"
	if err := e.st.PutPeople(ctx, []*people.Person{
		{UserID: "pufa1", Name: "普法甲", Role: people.Pufa},
		{UserID: "staff1", Name: "专班乙", Role: people.Staff},
		{UserID: "admin1", Name: "管理丙", Role: people.Admin},
		{UserID: "head1", Name: "局长丁", Role: people.Head, Agency: agency},
		{UserID: "handler1", Name: "承办戊", Role: people.Handler, Agency: agency},
	}); err != nil {
		t.Fatal(err)
	}
	closed := &cases.Case{Number: closedNumber, Kind: cases.Litigation, Stage: cases.StageFirst,
		Plaintiffs: []cases.Party{cases.NewParty("张三")}, Defendants: []string{agency}, Cause: "行政处罚",
		Court: "某县人民法院", FiledOn: e.now.AddDate(0, -6, 0), Note: "原告张三电话13800138000",
		Closure: &cases.Closure{On: e.now.AddDate(0, -1, 0), Method: cases.JudgmentRevoke, Reason: "程序违法"}}
	open := &cases.Case{Number: openNumber, Kind: cases.Litigation, Stage: cases.StageFirst,
		Plaintiffs: []cases.Party{cases.NewParty("李四")}, Defendants: []string{agency}, Cause: "行政许可", Court: "某县人民法院"}
	if err := e.st.PutMany(ctx, []*cases.Case{closed, open}, nil); err != nil {
		t.Fatal(err)
	}

	cfg := config.MustDefault()
	e.srv = llmtest.New(t, "qwen-plus")
	e.srv.Forbid("张三", "李四", "13800138000")
	cfg.LLM = e.srv.Config()
	cfg.LLM.UserPerHour = perHour
	model, err := explain.Model(cfg.LLM)
	if err != nil {
		t.Fatal(err)
	}
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	model.Log = quiet
	ex, err := explain.New(cfg, e.st, e.rec, model)
	if err != nil {
		t.Fatal(err)
	}
	ex.SetLog(quiet)
	ex.Limit.Now = func() time.Time { return e.now }
	e.ex = ex
	e.b = &bot.Bot{Sender: e.rec, Redis: rdb, Keys: k, Location: loc, Directory: bot.DirectoryFunc(e.st.LookupPerson),
		Now: func() time.Time { return e.now }, Log: quiet}
	Register(e.b, Deps{Config: cfg, Store: e.st, Explain: ex})
	return e
}

// say sends text as user and returns the bot's immediate answers.
func (e *explainEnv) say(user, text string) []bot.Outbound {
	e.t.Helper()
	if err := e.b.Handle(context.Background(), &bot.Message{ID: text, Type: "text", From: user, Text: text}); err != nil {
		e.t.Fatal(err)
	}
	return e.rec.take()
}

// work runs the draft worker and returns what it sent.
func (e *explainEnv) work() []bot.Outbound {
	e.t.Helper()
	if _, err := e.ex.Worker.ProcessPending(context.Background()); err != nil {
		e.t.Fatal(err)
	}
	return e.rec.take()
}

func (e *explainEnv) queued() int64 {
	return e.st.Client().XLen(context.Background(), e.st.Keys().ExplainJobs()).Val()
}

func one(t *testing.T, outs []bot.Outbound) string {
	t.Helper()
	if len(outs) != 1 {
		t.Fatalf("%d messages sent, want 1: %+v", len(outs), outs)
	}
	return outs[0].Text
}

func TestExplainChat(t *testing.T) {
	e := newExplainEnv(t, 10)

	// Any writing of the number: full-width brackets and digits, spaces.
	ack := one(t, e.say("pufa1", "以案说法 （２０２５）黔0115 行初88号"))
	if !strings.HasPrefix(ack, "正在生成案件 "+closedNumber+" 的以案说法草稿…") || !strings.Contains(ack, "人工审核") {
		t.Errorf("immediate answer = %q", ack)
	}
	if len(e.srv.Requests()) != 0 {
		t.Error("the model was called while handling the message; the worker should")
	}
	parts := e.work()
	if len(parts) < 1 {
		t.Fatal("no draft delivered")
	}
	for _, p := range parts {
		if p.Type != bot.MsgMarkdown || p.ToUsers[0] != "pufa1" {
			t.Errorf("part %s to %v", p.Type, p.ToUsers)
		}
	}
	if head := parts[0].Text; !strings.HasPrefix(head, "# 以案说法草稿（第 1 版）") || !strings.Contains(head, "须经人工审核后方可发布") {
		t.Errorf("draft header:\n%s", head)
	}

	// 重新生成: the same case, version 2.
	if ack := one(t, e.say("pufa1", "重新生成")); !strings.HasPrefix(ack, "正在生成案件 "+closedNumber) {
		t.Errorf("重新生成 answer = %q", ack)
	}
	if parts := e.work(); len(parts) == 0 || !strings.Contains(parts[0].Text, "第 2 版") {
		t.Errorf("regenerated draft: %+v", parts)
	}

	// 换个角度: version 3 from that angle; the model is told the angle.
	if ack := one(t, e.say("pufa1", "换个角度：从负责人出庭应诉的角度写")); !strings.Contains(ack, "写作角度：从负责人出庭应诉的角度写") {
		t.Errorf("换个角度 answer = %q", ack)
	}
	parts = e.work()
	if len(parts) == 0 || !strings.Contains(parts[0].Text, "第 3 版") || !strings.Contains(parts[0].Text, "写作角度：从负责人出庭应诉的角度写") {
		t.Errorf("draft from an angle: %+v", parts)
	}
	reqs := e.srv.Requests()
	if len(reqs) != 3 || !strings.Contains(reqs[2].Messages[1].Content, "请换一个角度撰写：从负责人出庭应诉的角度写") {
		t.Errorf("the model was not told the angle (%d requests)", len(reqs))
	}
	d, err := e.ex.Latest(context.Background(), closedNumber)
	if err != nil || d.Version != 3 || d.Requester != "pufa1" || d.Model != "qwen-plus" {
		t.Errorf("latest draft = %+v, %v", d, err)
	}

	// Staff and admins may ask too.
	for _, u := range []string{"staff1", "admin1"} {
		if ack := one(t, e.say(u, "以案说法"+closedNumber)); !strings.HasPrefix(ack, "正在生成") {
			t.Errorf("%s: %q", u, ack)
		}
	}
}

func TestExplainRefusals(t *testing.T) {
	tests := []struct {
		name, user, text, want string
	}{
		{"head", "head1", "以案说法 " + closedNumber, "只面向普法工作人员和司法局应诉专班"},
		{"handler", "handler1", "以案说法 " + closedNumber, "只面向普法工作人员和司法局应诉专班"},
		{"head asks again", "head1", "重新生成", "只面向普法工作人员和司法局应诉专班"},
		{"open case, staff", "staff1", "以案说法 " + openNumber, "案件 " + openNumber + " 尚未结案"},
		{"open case, 普法 (who cannot see open cases)", "pufa1", "以案说法 " + openNumber, "没有找到您可以使用的已结案件"},
		{"unknown case", "pufa1", "以案说法 (2025)黔0115行初999号", "没有找到您可以使用的已结案件 (2025)黔0115行初999号"},
		{"no number: the candidates", "pufa1", "以案说法", "也可写明案号"},
		{"not a number", "pufa1", "以案说法 那个案子", "也可写明案号"},
		{"重新生成 first", "pufa1", "重新生成", "您最近没有申请过以案说法草稿"},
		{"换个角度 first", "staff1", "换个角度：讲讲程序", "请先发送“以案说法 案号”"},
		{"empty angle", "pufa1", "换个角度：", "请在“换个角度：”后写上您希望的写作角度"},
		{"angle too long", "pufa1", "换个角度：" + strings.Repeat("长", 201), "写作角度请控制在 200 字以内"},
	}
	e := newExplainEnv(t, 10)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := one(t, e.say(tt.user, tt.text))
			if !strings.Contains(got, tt.want) {
				t.Errorf("%s: %q\nanswer = %q, want it to say %q", tt.user, tt.text, got, tt.want)
			}
			if n := e.queued(); n != 0 {
				t.Errorf("%d jobs queued", n)
			}
		})
	}
}

func TestExplainRateLimit(t *testing.T) {
	e := newExplainEnv(t, 2)
	one(t, e.say("pufa1", "以案说法 "+closedNumber))
	e.now = e.now.Add(10 * time.Minute)
	one(t, e.say("pufa1", "重新生成"))
	e.now = e.now.Add(10 * time.Minute)
	got := one(t, e.say("pufa1", "重新生成"))
	// The first slot frees an hour after the first request, at 15:20.
	if want := "每人每小时最多申请 2 篇由大模型撰写的以案说法草稿，您本小时的次数已用完。请在 15:20 以后再试"; !strings.Contains(got, want) {
		t.Errorf("answer = %q, want it to say %q", got, want)
	}
	if n := e.queued(); n != 2 {
		t.Errorf("%d jobs queued, want 2", n)
	}
	e.now = e.now.Add(41 * time.Minute)
	if got := one(t, e.say("pufa1", "重新生成")); !strings.HasPrefix(got, "正在生成") {
		t.Errorf("after the hour: %q", got)
	}
}

// TestExplainNotWired: without the service the words are still answered,
// not read as a case query.
func TestExplainNotWired(t *testing.T) {
	rdb, k := redistest.New(t)
	st := store.New(rdb, k)
	if err := st.PutPerson(context.Background(), &people.Person{UserID: "pufa1", Name: "普法甲", Role: people.Pufa}); err != nil {
		t.Fatal(err)
	}
	rec := &recorder{}
	b := &bot.Bot{Sender: rec, Redis: rdb, Keys: k, Directory: bot.DirectoryFunc(st.LookupPerson)}
	Register(b, Deps{Config: config.MustDefault(), Store: st})
	if err := b.Handle(context.Background(), &bot.Message{ID: "1", Type: "text", From: "pufa1", Text: "以案说法 " + closedNumber}); err != nil {
		t.Fatal(err)
	}
	if got := one(t, rec.take()); !strings.Contains(got, "以案说法草稿功能尚未启用") {
		t.Errorf("answer = %q", got)
	}
	if n := rdb.XLen(context.Background(), k.ExplainJobs()).Val(); n != 0 {
		t.Errorf("%d jobs queued", n)
	}
}

func TestExplainInHelp(t *testing.T) {
	e := newExplainEnv(t, 10)
	for user, want := range map[string]bool{"pufa1": true, "staff1": true, "admin1": true, "head1": false, "handler1": false} {
		got := one(t, e.say(user, "帮助"))
		if strings.Contains(got, "以案说法 (2025)黔0115行初123号") != want {
			t.Errorf("%s: help mentions 以案说法 = %v, want %v:\n%s", user, !want, want, got)
		}
	}
}
