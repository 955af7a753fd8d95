package explain

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/redis/go-redis/v9"

	"casebot/bot"
	"casebot/bot/cases"
	"casebot/bot/keys"
	"casebot/bot/llm"
	"casebot/bot/llm/llmtest"
	"casebot/bot/privacy"
	"casebot/bot/redistest"
	"casebot/bot/sendlog"
	"casebot/bot/store"
	"casebot/bot/stream"
	"casebot/bot/wecomtest"
	"casebot/config"
)

var cst = func() *time.Location { l, _ := time.LoadLocation("Asia/Shanghai"); return l }()

func at(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, cst)
	if err != nil {
		panic(err)
	}
	return t
}

// recorder is a bot.Sender keeping what was sent; fail, when set, decides
// whether a send fails.
// It keeps push ids the way the WeCom sender does (wecomtest.Once).
type recorder struct {
	mu   sync.Mutex
	log  *sendlog.Log
	sent []bot.Outbound
	fail func(out bot.Outbound) error
}

func (r *recorder) Send(ctx context.Context, out bot.Outbound) (bot.Receipt, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return wecomtest.Once(ctx, r.log, func() (bot.Receipt, error) {
		if r.fail != nil {
			if err := r.fail(out); err != nil {
				return bot.Receipt{}, err
			}
		}
		r.sent = append(r.sent, out)
		return bot.Receipt{}, nil
	})
}

func (r *recorder) UpdateCard(context.Context, string, *bot.TemplateCard, ...string) error {
	return errors.New("not used")
}

func (r *recorder) take() []bot.Outbound {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := r.sent
	r.sent = nil
	return out
}

// The fixture's personal data: none of it may reach the model or a draft.
var personal = []string{
	"欧阳娜娜", "张三", "李四", "赵六", "阿依古丽·买买提",
	"52010219800101123X", "13800138000", "138 0013 8000", "城关镇解放路8号", "贵A12345",
	"6222021234567890123",
}

const number = "(2025)黔0115行初88号"

// fixture is a closed case whose fields hold every kind of personal data.
func fixture() *cases.Case {
	n := cases.MustParseNumber(number)
	no := false
	c := &cases.Case{
		Number: n.String(), Kind: n.Kind(), Stage: n.Stage(),
		Plaintiffs: []cases.Party{cases.NewParty("欧阳娜娜"), cases.NewParty("张三"), cases.NewParty("某县宏达建材有限公司")},
		Defendants: []string{"某县自然资源局"},
		Cause:      "行政处罚（责令限期拆除）",
		Court:      "某县人民法院",
		FiledOn:    at("2025-03-10 09:00"),
		Handler:    "李四",
		Note:       "原告张三，身份证号52010219800101123X，电话138 0013 8000，住某县城关镇解放路8号，车牌贵A12345，收款账号6222021234567890123；第三人阿依古丽·买买提系其邻居。",
		Closure:    &cases.Closure{On: at("2025-09-15 10:00"), Method: cases.JudgmentRevoke, Reason: "作出处罚前未告知原告欧阳娜娜陈述、申辩的权利，程序违法"},
	}
	c.AddHearing(cases.Hearing{At: at("2025-06-20 09:30"), Place: "第三法庭", Head: "赵六", HeadPost: "副局长", HeadAppeared: &no, MustAppear: true})
	return c
}

type env struct {
	t     *testing.T
	st    *store.Store
	srv   *llmtest.Server
	model *llm.Client
	waits []time.Duration
	svc   *Service
	rec   *recorder
	now   time.Time
	mu    sync.Mutex
}

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// newEnv stores the fixture and builds the service on a fake model (or
// none) through the production path: config → llm.New → go-openai.
func newEnv(t *testing.T, withModel bool, edit func(*config.Config)) *env {
	t.Helper()
	rdb, k := redistest.New(t)
	e := &env{t: t, st: store.New(rdb, k), rec: &recorder{log: sendlog.New(rdb, k, sendlog.Options{})}, now: at("2025-10-08 15:00")}
	e.st.Now = func() time.Time { return e.now }
	cfg := config.MustDefault()
	cfg.Location = cst
	var model Completer
	if withModel {
		e.srv = llmtest.New(t, "deepseek-chat")
		e.srv.Forbid(personal...)
		e.srv.Answer = func(llmtest.Request) string { return modelDraft }
		cfg.LLM = e.srv.Config()
		// Generous: under -race on a loaded machine a fake's answer can
		// take longer than a short timeout, which the client retries and
		// the tests would count as a second request. Tests of a hanging
		// model shorten it with hangTimeout.
		cfg.LLM.Timeout = 5 * time.Second
	}
	if edit != nil {
		edit(cfg)
	}
	if withModel {
		m, err := Model(cfg.LLM)
		if err != nil {
			t.Fatal(err)
		}
		m.Log = quiet
		m.Backoff = func(n int) time.Duration { return time.Duration(n) * time.Second }
		m.Sleep = func(ctx context.Context, d time.Duration) error {
			e.mu.Lock()
			defer e.mu.Unlock()
			e.waits = append(e.waits, d)
			return ctx.Err()
		}
		e.model, model = m, m
	}
	svc, err := New(cfg, e.st, e.rec, model)
	if err != nil {
		t.Fatal(err)
	}
	svc.SetLog(quiet)
	svc.Worker.Consumer = "w1"
	if svc.Limit != nil {
		svc.Limit.Now = func() time.Time { return e.now }
	}
	e.svc = svc
	if err := e.st.Put(context.Background(), fixture()); err != nil {
		t.Fatal(err)
	}
	return e
}

// request queues a draft as user and runs the worker once.
func (e *env) request(user, hint string) []bot.Outbound {
	e.t.Helper()
	ctx := context.Background()
	if _, err := e.svc.Request(ctx, Job{Number: number, User: user, Hint: hint, RequestedAt: e.now}); err != nil {
		e.t.Fatal(err)
	}
	if n, err := e.svc.Worker.ProcessPending(ctx); err != nil || n != 1 {
		e.t.Fatalf("ProcessPending = %d, %v; want 1 job", n, err)
	}
	e.assertQueueEmpty()
	return e.rec.take()
}

func (e *env) assertQueueEmpty() {
	e.t.Helper()
	ctx := context.Background()
	rdb, k := e.st.Client(), e.st.Keys()
	p, err := rdb.XPending(ctx, k.ExplainJobs(), keys.ExplainJobsGroup).Result()
	if err != nil {
		e.t.Fatal(err)
	}
	if p.Count != 0 {
		e.t.Errorf("%d jobs still pending", p.Count)
	}
	if n := rdb.XLen(ctx, k.ExplainJobs()).Val(); n != 0 {
		e.t.Errorf("%d jobs left in the stream", n)
	}
}

func (e *env) draft(v int) *Draft {
	e.t.Helper()
	d, err := e.svc.Drafts.Get(context.Background(), number, v)
	if err != nil {
		e.t.Fatalf("draft %d: %v", v, err)
	}
	return d
}

// modelDraft is a well-formed answer, long enough to need three messages.
var modelDraft = func() string {
	para := strings.Repeat("行政机关作出不利于当事人的行政处罚决定前，应当依法告知拟作出决定的事实、理由和依据，并告知当事人依法享有陈述、申辩的权利。", 5)
	var b strings.Builder
	b.WriteString("# 处罚前未告知陈述申辩权利，处罚决定被判撤销\n\n")
	for _, h := range []string{"【要点】", "基本案情", "争议焦点", "裁判结果", "法官说法", "典型意义与执法警示"} {
		b.WriteString("## " + h + "\n\n" + para + "\n\n")
	}
	b.WriteString("## 相关法条\n\n《中华人民共和国行政诉讼法》第七十条（判决撤销或者部分撤销，并可以判决重新作出行政行为）\n")
	return b.String()
}()

func joined(outs []bot.Outbound) string {
	var parts []string
	for _, o := range outs {
		parts = append(parts, o.Text)
	}
	return strings.Join(parts, "\n\n")
}

func assertNoPersonalData(t *testing.T, what, s string) {
	t.Helper()
	flat := strings.Join(strings.Fields(s), "")
	for _, p := range personal {
		if strings.Contains(s, p) || strings.Contains(flat, strings.Join(strings.Fields(p), "")) {
			t.Errorf("%s holds personal data %q", what, p)
		}
	}
}

func TestModelDraftDelivered(t *testing.T) {
	e := newEnv(t, true, nil)
	outs := e.request("pufa1", "")

	reqs := e.srv.Requests()
	if len(reqs) != 1 {
		t.Fatalf("model saw %d requests, want 1", len(reqs))
	}
	sys, user := reqs[0].Messages[0].Content, reqs[0].Messages[1].Content
	for _, want := range []string{"不得编造", "## 相关法条", "1000 至 2000 字"} {
		if !strings.Contains(sys, want) {
			t.Errorf("system prompt lacks %q", want)
		}
	}
	// What the model may know: pseudonyms, agencies, the court, the outcome
	// and the articles; masked data as ×××.
	for _, want := range []string{"原告：欧阳某、张某、某县宏达建材有限公司", "被告：某县自然资源局", "承办法院：某县人民法院",
		"结案方式：判决撤销（行政机关败诉）", "未告知原告欧阳某陈述、申辩的权利", "身份证号×××", "第三人阿某",
		"行政机关负责人未出庭应诉", "《中华人民共和国行政诉讼法》第七十条", "第十二条（负责人不出庭的司法建议）", "立案时间：2025年3月"} {
		if !strings.Contains(user, want) {
			t.Errorf("user prompt lacks %q:\n%s", want, user)
		}
	}
	if strings.Contains(user, "行初88号") || strings.Contains(user, "第三法庭") {
		t.Errorf("user prompt holds the case number or the hearing place:\n%s", user)
	}

	d := e.draft(1)
	want := &Draft{Number: number, Version: 1, Body: modelDraft, Model: "deepseek-chat",
		PromptVersion: "system@2+user@2", CreatedAt: e.now, Requester: "pufa1", JobID: d.JobID}
	if diff := cmp.Diff(want, d); diff != "" {
		t.Errorf("stored draft (-want,+got):\n%s", diff)
	}
	if d.JobID == "" {
		t.Error("the draft does not name its job")
	}

	if len(outs) < 3 {
		t.Fatalf("draft sent in %d messages, want it split in at least 3", len(outs))
	}
	for i, o := range outs {
		if o.Type != bot.MsgMarkdown || len(o.ToUsers) != 1 || o.ToUsers[0] != "pufa1" {
			t.Errorf("part %d: type %s to %v", i, o.Type, o.ToUsers)
		}
		if len(o.Text) > bot.MaxTextBytes {
			t.Errorf("part %d is %d bytes, over WeCom's %d", i, len(o.Text), bot.MaxTextBytes)
		}
	}
	if diff := cmp.Diff(d.Render(cst)+footer, joined(outs)+"\n", cmpSpace); diff != "" {
		t.Errorf("parts joined in order differ from the draft (-want,+got):\n%s", diff)
	}
	first := outs[0].Text
	for _, want := range []string{"# 以案说法草稿（第 1 版）", "须经人工审核后方可发布", "大模型 deepseek-chat 生成（提示词 system@2+user@2）", NoDecisionNotice, "生成时间：2025-10-08 15:00 · 请求人：pufa1"} {
		if !strings.Contains(first, want) {
			t.Errorf("the first part lacks %q:\n%s", want, first)
		}
	}
	if last := outs[len(outs)-1].Text; !strings.Contains(last, "重新生成") || !strings.Contains(last, "换个角度") {
		t.Errorf("the last part does not say how to ask again:\n%s", last)
	}
}

// cmpSpace compares texts ignoring how blank lines fall between parts.
var cmpSpace = cmp.Transformer("fields", func(s string) string { return strings.Join(strings.Fields(s), " ") })

// hangTimeout shortens the model timeout for tests whose fake hangs.
func hangTimeout(c *config.Config) { c.LLM.Timeout = time.Second }

func TestModelFailuresAreRetried(t *testing.T) {
	tests := []struct {
		name      string
		script    []llmtest.Reply
		wantWaits []time.Duration
	}{
		{"429 with Retry-After", []llmtest.Reply{{Status: 429, RetryAfter: "7"}}, []time.Duration{7 * time.Second}},
		{"500 then 503", []llmtest.Reply{{Status: 500}, {Status: 503}}, []time.Duration{time.Second, 2 * time.Second}},
		{"timeout", []llmtest.Reply{{Hang: true}}, []time.Duration{time.Second}},
		{"empty answer", []llmtest.Reply{{Empty: true}}, []time.Duration{time.Second}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, true, hangTimeout)
			e.srv.Script(tt.script...)
			e.request("pufa1", "")
			if got, want := len(e.srv.Requests()), len(tt.script)+1; got != want {
				t.Errorf("model saw %d requests, want %d", got, want)
			}
			if diff := cmp.Diff(tt.wantWaits, e.waits); diff != "" {
				t.Errorf("waits (-want,+got):\n%s", diff)
			}
			if d := e.draft(1); d.Offline || d.Model != "deepseek-chat" {
				t.Errorf("draft offline=%v model=%q, want the model's", d.Offline, d.Model)
			}
		})
	}
}

func TestOfflineFallbackAfterRetries(t *testing.T) {
	e := newEnv(t, true, hangTimeout) // llm.retries = 3: four tries
	e.srv.Script(llmtest.Reply{Status: 429}, llmtest.Reply{Status: 500}, llmtest.Reply{Hang: true}, llmtest.Reply{Empty: true})
	outs := e.request("staff1", "")
	if got := len(e.srv.Requests()); got != 4 {
		t.Errorf("model saw %d requests, want 4", got)
	}
	d := e.draft(1)
	if !d.Offline || d.OfflineReason != ReasonModelFailed || d.Model != "" || d.PromptVersion != "" {
		t.Errorf("draft = offline %v (%q), model %q, prompt %q; want an offline draft after the model failed", d.Offline, d.OfflineReason, d.Model, d.PromptVersion)
	}
	text := joined(outs)
	for _, want := range []string{"本稿未经大模型撰写", ReasonModelFailed, "## 【要点】", "## 基本案情", "## 争议焦点", "## 裁判结果", "## 法官说法",
		"## 典型意义与执法警示", "## 相关法条", "# 欧阳某、张某、某县宏达建材有限公司诉某县自然资源局行政处罚（责令限期拆除）案", NoDecisionNotice,
		"2025年9月，某县人民法院以“判决撤销”方式结案（行政机关败诉）", "第七十条"} {
		if !strings.Contains(text, want) {
			t.Errorf("offline draft lacks %q:\n%s", want, text)
		}
	}
	assertNoPersonalData(t, "offline draft", text)
}

func TestNoModelConfigured(t *testing.T) {
	e := newEnv(t, false, nil)
	var none *llm.Client // what Model returns without llm.base_url
	svc, err := New(config.MustDefault(), e.st, e.rec, none)
	if err != nil {
		t.Fatal(err)
	}
	if svc.ModelConfigured() || svc.Limit != nil {
		t.Error("a nil client counts as a model")
	}
	if m, err := Model(config.Default().LLM); m != nil || err != nil {
		t.Errorf("Model without base_url = %v, %v; want nil, nil", m, err)
	}
	outs := e.request("pufa1", "")
	d := e.draft(1)
	if !d.Offline || d.OfflineReason != ReasonNotConfigured {
		t.Errorf("draft offline=%v reason=%q", d.Offline, d.OfflineReason)
	}
	if !strings.Contains(joined(outs), "本稿未经大模型撰写") {
		t.Error("the offline draft is not labelled as not written by a model")
	}
	assertNoPersonalData(t, "offline draft", joined(outs))
}

func TestRegenerateMakesANewVersion(t *testing.T) {
	e := newEnv(t, true, nil)
	e.request("pufa1", "")
	e.now = e.now.Add(10 * time.Minute)
	// The hint names a party: it is anonymized before the model sees it.
	outs := e.request("pufa2", "从张三的角度讲程序正义")
	reqs := e.srv.Requests()
	if !strings.Contains(reqs[1].Messages[1].Content, "请换一个角度撰写：从张某的角度讲程序正义") {
		t.Errorf("second prompt lacks the anonymized angle:\n%s", reqs[1].Messages[1].Content)
	}
	n, _ := e.svc.Drafts.Count(context.Background(), number)
	if n != 2 {
		t.Fatalf("%d drafts stored, want 2", n)
	}
	latest, err := e.svc.Latest(context.Background(), number)
	if err != nil {
		t.Fatal(err)
	}
	if latest.Version != 2 || latest.Requester != "pufa2" || !latest.CreatedAt.Equal(e.now) || latest.Hint != "从张某的角度讲程序正义" {
		t.Errorf("latest = v%d by %s at %s hint %q", latest.Version, latest.Requester, latest.CreatedAt, latest.Hint)
	}
	if v1 := e.draft(1); v1.Requester != "pufa1" || v1.Hint != "" {
		t.Errorf("version 1 changed: %+v", v1)
	}
	if !strings.Contains(outs[0].Text, "第 2 版") || !strings.Contains(outs[0].Text, "写作角度：从张某的角度讲程序正义") {
		t.Errorf("header of version 2:\n%s", outs[0].Text)
	}
}

func TestModelAnswerIsAnonymizedAgain(t *testing.T) {
	e := newEnv(t, true, nil)
	// The model restores a name and a phone number it was never given.
	e.srv.Script(llmtest.Reply{Content: "## 标题\n\n原告张三诉某县自然资源局案\n\n## 案情简介\n\n张三（电话 138-0013-8000）不服处罚，欧阳 娜娜亦起诉。"})
	outs := e.request("pufa1", "")
	d := e.draft(1)
	want := "## 标题\n\n原告张某诉某县自然资源局案\n\n## 案情简介\n\n张某（电话 ×××）不服处罚，欧阳某亦起诉。"
	if diff := cmp.Diff(want, d.Body); diff != "" {
		t.Errorf("stored body (-want,+got):\n%s", diff)
	}
	assertNoPersonalData(t, "sent draft", joined(outs))
}

// TestLeakingAnswerIsAskedAgain: a model draft that still holds personal
// data after both passes is never stored or sent; the model is asked once
// more, and its second draft is used when it is clean.
func TestLeakingAnswerIsAskedAgain(t *testing.T) {
	e := newEnv(t, true, nil)
	// Markdown inside a name cannot be replaced without breaking the text.
	e.srv.Script(llmtest.Reply{Content: "## 标题\n\n本案中，**张**三不服处罚。"})
	outs := e.request("pufa1", "")
	if n := len(e.srv.Requests()); n != 2 {
		t.Errorf("the model was asked %d times, want 2", n)
	}
	d := e.draft(1)
	if d.Offline || d.Body != modelDraft {
		t.Errorf("draft offline=%v (%q); want the second, clean model draft", d.Offline, d.OfflineReason)
	}
	assertNoPersonalData(t, "sent draft", joined(outs))
	if strings.Contains(joined(outs), "**张**三") {
		t.Error("the leaking draft was sent")
	}
}

// TestLeakingTwiceGivesTheOfflineDraft: when the second model draft leaks
// too, the user is not sent round in circles: the offline draft is
// delivered, its header saying why, and the leaked data appears nowhere.
func TestLeakingTwiceGivesTheOfflineDraft(t *testing.T) {
	e := newEnv(t, true, nil)
	leaking := llmtest.Reply{Content: "## 标题\n\n本案中，**张**三不服处罚。"}
	e.srv.Script(leaking, leaking)
	outs := e.request("pufa1", "")
	if n := len(e.srv.Requests()); n != 2 {
		t.Errorf("the model was asked %d times, want 2", n)
	}
	d := e.draft(1)
	if !d.Offline || !strings.Contains(d.OfflineReason, "仍检出个人信息（姓名）") || d.Model != "" {
		t.Errorf("draft offline=%v reason=%q model=%q; want the offline draft with the reason", d.Offline, d.OfflineReason, d.Model)
	}
	all := joined(outs)
	for _, want := range []string{"本稿未经大模型撰写", "连续 2 次", "## 基本案情"} {
		if !strings.Contains(all, want) {
			t.Errorf("sent draft lacks %q", want)
		}
	}
	assertNoPersonalData(t, "sent draft", all)
	if strings.Contains(all, "**张**三") {
		t.Error("the leaking draft was sent")
	}
}

func TestCitationAndLengthAreFlagged(t *testing.T) {
	e := newEnv(t, true, nil)
	e.srv.Script(llmtest.Reply{Content: "## 相关法条\n\n《中华人民共和国行政诉讼法》第七十条\n《中华人民共和国行政处罚法》第四十四条"})
	outs := e.request("pufa1", "")
	d := e.draft(1)
	// The answer is also far too short.
	want := []string{"草稿引用了未提供给模型的法条 《中华人民共和国行政处罚法》第四十四条",
		"草稿缺少以下部分：标题、【要点】、基本案情、争议焦点、裁判结果、法官说法、典型意义与执法警示", "篇幅约 41 字，不在要求的 1000 至 2000 字之间"}
	if diff := cmp.Diff(want, d.Warnings); diff != "" {
		t.Errorf("warnings (-want,+got):\n%s", diff)
	}
	if !strings.Contains(outs[0].Text, "请核实：草稿引用了未提供给模型的法条") {
		t.Errorf("the header does not show the warning:\n%s", outs[0].Text)
	}
}

func TestOpenCaseIsRefused(t *testing.T) {
	e := newEnv(t, true, nil)
	c := fixture()
	c.Closure = nil
	if err := e.st.Put(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	outs := e.request("pufa1", "")
	if len(outs) != 1 || !strings.Contains(outs[0].Text, "尚未结案") {
		t.Errorf("sent %+v, want the open-case refusal", outs)
	}
	if len(e.srv.Requests()) != 0 {
		t.Error("an open case was sent to the model")
	}
}

// TestCrashedWorkerIsTakenOver: a worker that dies after storing the draft
// and sending its first part leaves the job pending; once its heartbeat
// is gone another worker takes it over, sends the parts not yet sent, and
// writes no second draft. Every part reaches the user once.
func TestCrashedWorkerIsTakenOver(t *testing.T) {
	e := newEnv(t, true, nil)
	ctx := context.Background()
	rdb, k := e.st.Client(), e.st.Keys()
	if _, err := e.svc.Request(ctx, Job{Number: number, User: "pufa1", RequestedAt: e.now}); err != nil {
		t.Fatal(err)
	}
	// Worker w1 takes the job (its presence alive), writes the draft, sends
	// part 0, and dies.
	rdb.Set(ctx, k.Alive("w1"), "1", time.Hour)
	res, err := rdb.XReadGroup(ctx, &redis.XReadGroupArgs{Group: keys.ExplainJobsGroup, Consumer: "w1",
		Streams: []string{k.ExplainJobs(), ">"}, Count: 1}).Result()
	if err != nil || len(res) != 1 || len(res[0].Messages) != 1 {
		t.Fatalf("read = %v, %v", res, err)
	}
	m := res[0].Messages[0]
	w1 := e.svc.Worker
	job := parseJob(stream.Entry{ID: m.ID, Values: m.Values})
	d, err := w1.draft(ctx, job)
	if err != nil {
		t.Fatal(err)
	}
	parts := splitMarkdown(d.Render(cst)+footer, bot.MaxTextBytes)
	if err := w1.send(ctx, job.ID+":0", bot.Markdown(parts[0], "pufa1")); err != nil {
		t.Fatal(err)
	}

	// A second worker while w1 lives: it must leave the job alone.
	w2 := &Worker{Queue: w1.Queue, Store: w1.Store, Gen: w1.Gen, Sender: w1.Sender,
		Consumer: "w2", ClaimIdle: time.Hour, Heartbeat: 20 * time.Millisecond, Log: quiet}
	if n, err := w2.ProcessPending(ctx); err != nil || n != 0 {
		t.Fatalf("w2 took %d jobs, %v; a live worker's job is not taken", n, err)
	}
	// w1's heartbeat is gone and it has been silent: w2 takes over.
	rdb.Del(ctx, k.Alive("w1"))
	waitFor(t, func() bool {
		n, err := w2.ProcessPending(ctx)
		return err == nil && n == 1
	})
	e.assertQueueEmpty()
	outs := e.rec.take()
	if len(outs) != len(parts) {
		t.Fatalf("%d messages sent, want %d parts once each", len(outs), len(parts))
	}
	for i, o := range outs {
		if o.Text != parts[i] {
			t.Errorf("message %d is not part %d", i, i)
		}
	}
	if n, _ := e.svc.Drafts.Count(ctx, number); n != 1 {
		t.Errorf("%d drafts stored, want 1", n)
	}
	if got := len(e.srv.Requests()); got != 1 {
		t.Errorf("model asked %d times, want once", got)
	}
	// A late redelivery sends nothing more.
	if n, _ := w2.ProcessPending(ctx); n != 0 || len(e.rec.take()) != 0 {
		t.Error("the job was handled again")
	}
}

// waitFor polls cond (the dead worker must have been silent for a few
// heartbeats before it is taken for dead) until a deadline.
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("timed out")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestSendFailureIsRetried: WeCom refusing a part leaves the job pending;
// the next run sends the rest without repeating the parts already sent.
func TestSendFailureIsRetried(t *testing.T) {
	e := newEnv(t, true, nil)
	calls := 0
	e.rec.fail = func(bot.Outbound) error {
		calls++
		if calls == 2 {
			return errors.New("wecom: 45009 api freq out of limit")
		}
		return nil
	}
	ctx := context.Background()
	if _, err := e.svc.Request(ctx, Job{Number: number, User: "pufa1", RequestedAt: e.now}); err != nil {
		t.Fatal(err)
	}
	// ProcessPending hands a failed job back to itself, once per run.
	if _, err := e.svc.Worker.ProcessPending(ctx); err != nil {
		t.Fatal(err)
	}
	e.assertQueueEmpty()
	outs := e.rec.take()
	d := e.draft(1)
	parts := splitMarkdown(d.Render(cst)+footer, bot.MaxTextBytes)
	if diff := cmp.Diff(parts, contents(outs)); diff != "" {
		t.Errorf("messages (-want,+got):\n%s", diff)
	}
}

func contents(outs []bot.Outbound) []string {
	var s []string
	for _, o := range outs {
		s = append(s, o.Text)
	}
	return s
}

func TestGivesUpAfterMaxAttempts(t *testing.T) {
	e := newEnv(t, true, nil)
	e.svc.Worker.MaxAttempts = 2
	down := errors.New("wecom down")
	e.rec.fail = func(out bot.Outbound) error {
		if out.Type == bot.MsgMarkdown {
			return down
		}
		return nil
	}
	ctx := context.Background()
	if _, err := e.svc.Request(ctx, Job{Number: number, User: "pufa1", RequestedAt: e.now}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.Worker.ProcessPending(ctx); err != nil {
		t.Fatal(err)
	}
	e.assertQueueEmpty()
	outs := e.rec.take()
	if len(outs) != 1 || !strings.Contains(outs[0].Text, "多次生成失败") {
		t.Errorf("sent %v, want one message saying the draft failed", contents(outs))
	}
}

func TestWorkerStartStop(t *testing.T) {
	e := newEnv(t, false, nil)
	delivered := make(chan struct{}, 16)
	e.rec.fail = func(bot.Outbound) error { delivered <- struct{}{}; return nil }
	ctx := context.Background()
	e.svc.Worker.Block = 50 * time.Millisecond
	if err := e.svc.Start(ctx); err != nil {
		t.Fatal(err)
	}
	if err := e.svc.Start(ctx); err == nil {
		t.Error("a second Start succeeded")
	}
	if _, err := e.svc.Request(ctx, Job{Number: number, User: "pufa1", RequestedAt: e.now}); err != nil {
		t.Fatal(err)
	}
	select {
	case <-delivered:
	case <-time.After(10 * time.Second):
		t.Fatal("the running worker did not deliver the draft")
	}
	stopCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := e.svc.Stop(stopCtx); err != nil {
		t.Fatal(err)
	}
	if n, _ := e.svc.Drafts.Count(ctx, number); n != 1 {
		t.Errorf("%d drafts, want 1", n)
	}
}

func TestStartNeedsASender(t *testing.T) {
	e := newEnv(t, false, nil)
	svc, err := New(config.MustDefault(), e.st, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := svc.Start(context.Background()); err == nil {
		t.Error("Start without a sender succeeded")
	}
}

func TestUserLimit(t *testing.T) {
	e := newEnv(t, true, func(c *config.Config) { c.LLM.UserPerHour = 2 })
	ctx := context.Background()
	first := e.now
	for i := 0; i < 2; i++ {
		if _, err := e.svc.Request(ctx, Job{Number: number, User: "pufa1", RequestedAt: e.now}); err != nil {
			t.Fatal(err)
		}
		e.now = e.now.Add(5 * time.Minute)
	}
	_, err := e.svc.Request(ctx, Job{Number: number, User: "pufa1", RequestedAt: e.now})
	var le *LimitedError
	if !errors.As(err, &le) || le.Limit != 2 || !le.Next.Equal(first.Add(time.Hour)) {
		t.Fatalf("third request = %v, want LimitedError until %s", err, first.Add(time.Hour))
	}
	if _, err := e.svc.Request(ctx, Job{Number: number, User: "pufa2", RequestedAt: e.now}); err != nil {
		t.Errorf("another user is limited too: %v", err)
	}
	e.now = first.Add(time.Hour + time.Second)
	if _, err := e.svc.Request(ctx, Job{Number: number, User: "pufa1", RequestedAt: e.now}); err != nil {
		t.Errorf("after an hour: %v", err)
	}
}

// A template that does not parse must stop the service at start.
func TestBrokenPromptStopsTheService(t *testing.T) {
	rdb, k := redistest.New(t)
	st := store.New(rdb, k)
	write := func(dir, name, body string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	good := t.TempDir()
	write(good, "system.tmpl", "# version: 7\n你是{{.Bureau}}的普法编辑。")
	write(good, "user.tmpl", "# version: 3\n案由：{{.Cause}}")
	broken := t.TempDir()
	write(broken, "system.tmpl", "# version: 2\n你是{{.Bureau}的普法编辑。")
	write(broken, "user.tmpl", "# version: 1\n案由：{{.Cause}}")
	unknown := t.TempDir()
	write(unknown, "system.tmpl", "# version: 2\n{{.NoSuchField}}")
	write(unknown, "user.tmpl", "# version: 1\n案由：{{.Cause}}")

	tests := []struct {
		dir, wantErr, wantVersion string
	}{
		{good, "", "system@7+user@3"},
		{broken, "无法解析", ""},
		{unknown, "渲染失败", ""},
		{filepath.Join(good, "missing"), "不是可读的目录", ""},
	}
	for _, tt := range tests {
		cfg := config.MustDefault()
		cfg.LLM.PromptsDir = tt.dir
		svc, err := New(cfg, st, &recorder{}, nil)
		switch {
		case tt.wantErr == "" && err != nil:
			t.Errorf("%s: %v", tt.dir, err)
		case tt.wantErr == "" && svc.Gen.Prompts.Version() != tt.wantVersion:
			t.Errorf("%s: version %s, want %s", tt.dir, svc.Gen.Prompts.Version(), tt.wantVersion)
		case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
			t.Errorf("%s: error %v, want one saying %q", tt.dir, err, tt.wantErr)
		}
	}
}

func TestSplitMarkdown(t *testing.T) {
	long := strings.Repeat("法", 30) // 90 bytes
	tests := []struct {
		name string
		in   string
		max  int
		want []string
	}{
		{"fits", "# 标题\n\n正文", 100, []string{"# 标题\n\n正文"}},
		{"paragraphs kept whole", "第一段。\n\n第二段。\n\n第三段。", 30, []string{"第一段。\n\n第二段。", "第三段。"}},
		{"long paragraph cut at lines", "甲甲甲甲\n乙乙乙乙\n丙丙丙丙", 26, []string{"甲甲甲甲\n乙乙乙乙", "丙丙丙丙"}},
		{"long line cut on rune boundaries", long, 40, []string{long[:39], long[39:78], long[78:]}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := splitMarkdown(tt.in, tt.max)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want,+got):\n%s", diff)
			}
			for _, p := range got {
				if len(p) > tt.max || !strings.Contains(tt.in, p) {
					t.Errorf("part %q is too long or not a piece of the input", p)
				}
			}
		})
	}
}

// TestJobBudgetCoversTwoModelDrafts: a draft that leaks is asked for a
// second time, so a live worker may hold one job for two whole model
// budgets; the job's idle time and run time must cover both, or another
// worker would take over a draft still being written.
func TestJobBudgetCoversTwoModelDrafts(t *testing.T) {
	cfg := config.MustDefault()
	cfg.LLM.Timeout, cfg.LLM.Retries = 90*time.Second, 2
	svc, err := New(cfg, newEnv(t, false, nil).st, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := leakAttempts*cfg.LLM.CallBudget() + claimMargin
	if leakAttempts < 2 || svc.Worker.ClaimIdle != want {
		t.Errorf("ClaimIdle = %s, want %d × %s + %s = %s", svc.Worker.ClaimIdle, leakAttempts, cfg.LLM.CallBudget(), claimMargin, want)
	}
}

// TestUnknownNamesNeverReachTheModel: names and numbers no case field
// names and no rule of the anonymizer reads (a transliterated name with no
// role word, a staff number, a badge) are still masked in the request by
// the strict pass, while the anonymizer's own output, which a person reads,
// keeps them as it did.
func TestUnknownNamesNeverReachTheModel(t *testing.T) {
	e := newEnv(t, true, nil)
	c := fixture()
	c.Note = "据屈望舒反映，员工A0315当晚值班，阿不都热依木在场，工牌ZX20230917遗失；骑手K7712于当晚送达，顾客苟春妮签收。"
	if err := e.st.Put(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	unknown := []string{"屈望舒", "A0315", "阿不都热依木", "ZX20230917", "K7712", "苟春妮"}
	e.srv.Forbid(unknown...)
	e.request("pufa1", "")
	reqs := e.srv.Requests()
	if len(reqs) != 1 {
		t.Fatalf("model saw %d requests, want 1", len(reqs))
	}
	for _, m := range reqs[0].Messages {
		for _, u := range unknown {
			if strings.Contains(m.Content, u) {
				t.Errorf("%q reached the model:\n%s", u, m.Content)
			}
		}
	}
	if !strings.Contains(reqs[0].Messages[1].Content, "当晚值班") {
		t.Errorf("the note is not in the request:\n%s", reqs[0].Messages[1].Content)
	}
	// The strict pass is the request's alone: what the anonymizer gives a
	// reader is unchanged (and the draft is the model's answer, anonymized).
	// (A staff number with no label is one the anonymizer keeps; the name
	// passes now catch 阿不都热依木 themselves.)
	if out := privacy.Anonymize(c.Note); !strings.Contains(out, "A0315") {
		t.Errorf("the anonymizer's own output changed: %s", out)
	}
	if d := e.draft(1); d.Body != modelDraft {
		t.Errorf("stored draft body changed:\n%s", d.Body)
	}
}
