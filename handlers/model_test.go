package handlers

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"casebot/bot"
	"casebot/bot/ledger"
	"casebot/bot/llm/llmtest"
	"casebot/config"
)

// newModelEnv is the corpus world with the fake model configured.
func newModelEnv(t testing.TB, on bool) (*corpusEnv, *llmtest.Server) {
	srv := llmtest.New(t, "qwen-test")
	// No name of the directory or the ledger may reach the model.
	for _, p := range ledger.SamplePeople() {
		srv.Forbid(p.Name)
	}
	srv.Forbid("郑伟", "林涛", "钱坤", "张三", "金三十一")
	e := newCorpusEnv(t, func(c *config.Config) {
		c.LLM = srv.Config()
		c.Chat.Model = on
	})
	return e, srv
}

func (e *corpusEnv) ask(user, text string) string {
	e.tb.Helper()
	r, _ := e.send(corpusEntry{user: user, text: text})
	return strings.Join(r, "\n\n")
}

// TestModelReadsWhatTheRulesLeave: a message with words the rules cannot
// place goes to the model with every name masked; its reading comes back
// with the names restored, is checked against the ledger, and answered by
// the same handlers; the audit records how long the model took.
func TestModelReadsWhatTheRulesLeave(t *testing.T) {
	e, srv := newModelEnv(t, true)
	srv.Call = func(r llmtest.Request) string {
		user := r.Messages[len(r.Messages)-1].Content
		if !strings.Contains(user, "〔名1〕") {
			t.Errorf("the name was not masked: %q", user)
		}
		return `{"kind":"hearings","person":"〔名1〕","from":"2026-11-23","to":"2026-11-29","aspect":"when"}`
	}
	r := e.ask("liuyang", "郑伟局长下礼拜坐堂几回")
	mustContain(t, "model's reading", r, "按“郑伟", "(2026)黔0115行初121号", "11月23日")
	if n := len(srv.Requests()); n != 1 {
		t.Fatalf("%d model requests, want 1", n)
	}
	if tools := srv.Requests()[0].Tools; len(tools) != 1 || tools[0].Function.Name != "understand" {
		t.Errorf("the request did not offer the understand tool: %+v", tools)
	}
	if u := e.answers[0].u; !u.Model || u.Person != "郑伟" {
		t.Errorf("understanding %+v, want the model's with 郑伟 restored", u)
	}
	es := auditOf(t, &chatEnv{st: e.st}, "liuyang")
	if len(es) == 0 {
		t.Fatal("not audited")
	}

	// A message the rules read whole never goes to the model.
	e.ask("liuyang", "明天有几个庭")
	if n := len(srv.Requests()); n != 1 {
		t.Errorf("a message the rules read went to the model (%d requests)", n)
	}
}

// TestModelSlotsAreChecked: what the model makes up is dropped: an agency
// the ledger lacks, a person or party with no case, a case the asker
// cannot see, a kind that would change something.
func TestModelSlotsAreChecked(t *testing.T) {
	e, srv := newModelEnv(t, true)
	srv.Script(llmtest.Reply{Arguments: `{"kind":"cases","agency":"某县宇宙局","person":"〔名7〕","party":"不存在的人"}`})
	r := e.ask("liuyang", "宇宙局那几个老案子捋一捋")
	if u := e.answers[0].u; u.Model && (len(u.Agencies) > 0 || u.Person != "" || u.Party != "") {
		t.Errorf("unchecked slots were used: %+v", u)
	}
	if strings.Contains(r, "没有找到您可以查看的当事人") {
		t.Errorf("a made-up party became a filter:\n%s", r)
	}

	// A head asking: the model names another agency's case; it is not shown.
	srv.Script(llmtest.Reply{Arguments: `{"kind":"case","numbers":["(2026)黔0115行初101号"]}`})
	r = e.ask("sunqiang", "那个张某某的事儿捋一捋")
	if strings.Contains(r, "**(2026)黔0115行初101号**") || strings.Contains(r, "张三") {
		t.Errorf("the model's number let a head see another agency's case:\n%s", r)
	}

	// The model may not turn a question into a report or a write-up.
	srv.Script(llmtest.Reply{Arguments: `{"kind":"news"}`})
	e.ask("sunqiang", "那个庭啥情况捋一捋")
	if u := e.answers[0].u; u.Kind == "news" {
		t.Errorf("the model made a question a report: %+v", u)
	}
	if n := len(srv.Requests()); n != 3 {
		t.Errorf("%d model requests, want one per question", n)
	}
}

// TestModelFailsOverToTheRules: an error or a hang gets the rules' answer,
// within chat.model_timeout; chat.model=false asks no model at all.
func TestModelFailsOverToTheRules(t *testing.T) {
	e, srv := newModelEnv(t, true)
	// Long enough that even a starved machine gets the hanging request to the
	// fake server before the bot gives up on it (the count below needs it).
	e.cfg.Chat.ModelTimeout = time.Second
	srv.Script(llmtest.Reply{Status: 500})
	r := e.ask("liuyang", "明天那个庭是谁去啊我这边还没收到材料")
	mustContain(t, "after a 500", r, "(2026)黔0115行初117号", "孙强")
	srv.Script(llmtest.Reply{Hang: true})
	r = e.ask("liuyang", "明天那个庭是谁去啊我这边还没收到材料")
	mustContain(t, "after a hang", r, "(2026)黔0115行初117号", "孙强")
	if n := len(srv.Requests()); n != 2 {
		t.Errorf("%d model requests, want 2", n)
	}

	off, srv2 := newModelEnv(t, false)
	off.ask("liuyang", "郑伟局长下礼拜坐堂几回")
	if n := len(srv2.Requests()); n != 0 {
		t.Errorf("chat.model=false still asked the model %d times", n)
	}
}

// BenchmarkModelRead measures a question that goes to the model, through
// Bot.Handle against the fake OpenAI server on loopback: the cost casebot
// adds around the model's own latency (masking, the request, checking the
// reading, answering).
//
//	go test ./handlers -run '^$' -bench BenchmarkModelRead -benchtime 200x
func BenchmarkModelRead(b *testing.B) {
	e, srv := newModelEnv(b, true)
	srv.Call = func(llmtest.Request) string {
		return `{"kind":"hearings","person":"〔名1〕","from":"2026-11-23","to":"2026-11-29"}`
	}
	for b.Loop() {
		e.seq++
		msg := &bot.Message{ID: fmt.Sprintf("m%d", e.seq), Type: "text", From: "liuyang", Text: "郑伟局长下礼拜坐堂几回", CreateTime: e.now}
		if err := e.b.Handle(context.Background(), msg); err != nil {
			b.Fatal(err)
		}
		e.rec.take()
	}
}
