package handlers

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"testing"
	"time"

	"casebot/bot"
	"casebot/bot/cases"
	"casebot/bot/people"
	"casebot/bot/redistest"
	"casebot/bot/store"
	"casebot/config"
)

// chatEnv is the chat path as production wires it: a Bot with every route
// of Register, the directory in a real Redis, a recording Sender, and a
// clock the test sets.
type chatEnv struct {
	t   testing.TB
	b   *bot.Bot
	rec *recorder
	st  *store.Store
	cfg *config.Config
	now time.Time
	seq int
}

// chatNow is Wednesday 26 November 2025, 10:00 in Shanghai.
var chatNow = time.Date(2025, 11, 26, 10, 0, 0, 0, cst)

func newChatEnv(t testing.TB, configure func(*config.Config)) *chatEnv {
	t.Helper()
	rdb, k := redistest.New(t)
	st := store.New(rdb, k)
	cfg := config.MustDefault()
	cfg.Query.Courts = []string{"黔0115"}
	if configure != nil {
		configure(cfg)
	}
	if err := cfg.Validate(config.ModeDemo); err != nil {
		t.Fatal(err)
	}
	e := &chatEnv{t: t, rec: &recorder{}, st: st, cfg: cfg, now: chatNow}
	st.Now = func() time.Time { return e.now }
	e.b = &bot.Bot{Sender: e.rec, Redis: rdb, Keys: k, Location: cst, Directory: bot.DirectoryFunc(st.LookupPerson),
		Now: func() time.Time { return e.now }, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	Register(e.b, Deps{Config: cfg, Store: st})
	return e
}

// say sends text as user and returns the texts of every reply.
func (e *chatEnv) say(user, text string) []string {
	e.t.Helper()
	e.seq++
	msg := &bot.Message{ID: fmt.Sprintf("m%d", e.seq), Type: "text", From: user, Text: text, CreateTime: e.now}
	if err := e.b.Handle(context.Background(), msg); err != nil {
		e.t.Fatalf("Handle(%s, %q): %v", user, text, err)
	}
	var out []string
	for _, o := range e.rec.take() {
		if len(o.ToUsers) != 1 || o.ToUsers[0] != user {
			e.t.Errorf("reply to %q went to %v", user, o.ToUsers)
		}
		out = append(out, o.Text)
	}
	if len(out) == 0 {
		e.t.Errorf("%s: %q got no reply", user, text)
	}
	return out
}

// one sends text and returns its only reply.
func (e *chatEnv) one(user, text string) string {
	e.t.Helper()
	out := e.say(user, text)
	if len(out) != 1 {
		e.t.Fatalf("%s: %q got %d replies, want 1: %q", user, text, len(out), out)
	}
	return out[0]
}

func (e *chatEnv) put(cs ...*cases.Case) {
	e.t.Helper()
	if err := e.st.PutMany(context.Background(), cs, nil); err != nil {
		e.t.Fatal(err)
	}
}

func (e *chatEnv) people(ps ...*people.Person) {
	e.t.Helper()
	if err := e.st.PutPeople(context.Background(), ps); err != nil {
		e.t.Fatal(err)
	}
}

func (e *chatEnv) get(number string) *cases.Case {
	e.t.Helper()
	c, err := e.st.Get(context.Background(), number)
	if err != nil {
		e.t.Fatal(err)
	}
	return c
}

// lawsuit builds a case from its number, plaintiff and defendants.
func lawsuit(number, plaintiff string, defendants ...string) *cases.Case {
	n := cases.MustParseNumber(number)
	return &cases.Case{Number: n.String(), Kind: n.Kind(), Stage: n.Stage(), Plaintiffs: []cases.Party{cases.NewParty(plaintiff)},
		Defendants: defendants, Cause: "行政处罚", Court: "某县人民法院", FiledOn: at("2025-03-01 00:00"), Handler: "承办人甲"}
}

// numbersIn returns the normalized case numbers written in a reply.
func numbersIn(s string) []string {
	var out []string
	for _, n := range cases.FindNumbers(s) {
		out = append(out, n.String())
	}
	return out
}
