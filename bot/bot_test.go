package bot_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"casebot/bot"
	"casebot/bot/people"
	"casebot/bot/redistest"
)

// recorder is a Sender that keeps what it was asked to send.
type recorder struct {
	mu   sync.Mutex
	sent []bot.Outbound
}

func (r *recorder) Send(_ context.Context, out bot.Outbound) (bot.Receipt, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.sent = append(r.sent, out)
	return bot.Receipt{}, nil
}

func (r *recorder) UpdateCard(context.Context, string, *bot.TemplateCard, ...string) error {
	return nil
}

func (r *recorder) texts() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []string
	for _, o := range r.sent {
		out = append(out, o.Text)
	}
	return out
}

func newBot(t *testing.T) (*bot.Bot, *recorder) {
	rdb, k := redistest.New(t)
	rec := &recorder{}
	b := &bot.Bot{Sender: rec, Redis: rdb, Keys: k,
		Directory: bot.DirectoryFunc(func(_ context.Context, id string) (*people.Person, error) {
			if id == "staff1" {
				return &people.Person{UserID: id, Name: "李", Role: people.Staff}, nil
			}
			return nil, nil
		})}
	return b, rec
}

func text(from, s string) *bot.Message { return &bot.Message{Type: "text", From: from, Text: s} }

func TestRouting(t *testing.T) {
	b, rec := newBot(t)
	var order []string
	b.Use(func(next bot.HandlerFunc) bot.HandlerFunc {
		return func(c bot.Context) error { order = append(order, "outer"); return next(c) }
	})
	b.Text(bot.Prefix("以案说法"), func(c bot.Context) error { return c.Reply("explain") })
	b.Text(bot.Prefix("以案"), func(c bot.Context) error { return c.Reply("shadowed") })
	b.Button("remind:", func(c bot.Context) error { return c.Reply("remind " + c.Message().EventKey) })
	b.Button("remind:confirm:", func(c bot.Context) error { return c.Reply("confirm") })
	b.Event(bot.EventEnterAgent, func(c bot.Context) error { return c.Reply("welcome") })
	b.Fallback(func(c bot.Context) error {
		name := "unknown"
		if p := c.Person(); p != nil {
			name = p.Name
		}
		return c.Reply("query from " + name)
	})
	ctx := context.Background()
	msgs := []*bot.Message{
		text("staff1", "  以案说法 (2025)黔0115行初1号"),
		text("staff1", "今天开庭"),
		text("stranger", "你好"),
		{Type: "event", Event: bot.EventTemplateCard, From: "staff1", EventKey: "remind:confirm:x"},
		{Type: "event", Event: bot.EventTemplateCard, From: "staff1", EventKey: "remind:other"},
		{Type: "event", Event: bot.EventEnterAgent, From: "staff1"},
		{Type: "event", Event: "location", From: "staff1"},
		{Type: "image", From: "staff1"},
	}
	for _, m := range msgs {
		if err := b.Handle(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	want := "explain|query from 李|query from unknown|confirm|remind remind:other|welcome"
	if got := strings.Join(rec.texts(), "|"); got != want {
		t.Errorf("replies = %q, want %q", got, want)
	}
	if len(order) != 6 {
		t.Errorf("middleware ran %d times, want once per handled message (6)", len(order))
	}
}

// TestMiddlewareAnsweringSparesTheMatchers: a text's route is picked only
// when the middleware calls on: middleware that answers by itself (as
// handlers' knownOnly refuses a stranger) runs no matcher, and the others
// route as before. A text no route takes and no fallback handles is still
// ignored, without the middleware.
func TestMiddlewareAnsweringSparesTheMatchers(t *testing.T) {
	b, rec := newBot(t)
	matched := 0
	b.Use(func(next bot.HandlerFunc) bot.HandlerFunc {
		return func(c bot.Context) error {
			if c.Person() == nil {
				return c.Reply("refused")
			}
			return next(c)
		}
	})
	b.Text(func(s string) bool { matched++; return strings.HasPrefix(s, "以案说法") }, func(c bot.Context) error { return c.Reply("explain") })
	b.Fallback(func(c bot.Context) error { return c.Reply("query") })
	ctx := context.Background()
	for _, m := range []*bot.Message{text("stranger", "以案说法"), text("staff1", "以案说法"), text("staff1", "今天开庭")} {
		if err := b.Handle(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	if got, want := strings.Join(rec.texts(), "|"), "refused|explain|query"; got != want {
		t.Errorf("replies = %q, want %q", got, want)
	}
	if matched != 2 {
		t.Errorf("the matcher ran %d times, want 2 (not for the refused stranger)", matched)
	}

	nofallback, rec2 := newBot(t)
	ran := 0
	nofallback.Use(func(next bot.HandlerFunc) bot.HandlerFunc {
		return func(c bot.Context) error { ran++; return next(c) }
	})
	nofallback.Text(bot.Prefix("以案说法"), func(c bot.Context) error { return c.Reply("explain") })
	if err := nofallback.Handle(ctx, text("staff1", "你好")); err != nil {
		t.Fatal(err)
	}
	if ran != 0 || len(rec2.texts()) != 0 {
		t.Errorf("a text nothing takes: middleware ran %d times, replies %q; want ignored", ran, rec2.texts())
	}
}

func TestAwait(t *testing.T) {
	b, rec := newBot(t)
	b.Button("replace:", func(c bot.Context) error {
		if err := c.Await("who", "hearing-7"); err != nil {
			return err
		}
		return c.Reply("请问由谁出庭？")
	})
	b.Await("who", func(c bot.Context) error {
		defer c.ClearAwait()
		return c.Reply("replace " + c.AwaitData() + " with " + c.Message().Text)
	})
	b.Fallback(func(c bot.Context) error { return c.Reply("query") })
	ctx := context.Background()
	b.Handle(ctx, &bot.Message{Type: "event", Event: bot.EventTemplateCard, From: "u1", EventKey: "replace:1"})
	b.Handle(ctx, text("u2", "张副局长")) // another user is not affected
	b.Handle(ctx, text("u1", "张副局长"))
	b.Handle(ctx, text("u1", "张副局长")) // answered: back to normal routing
	want := "请问由谁出庭？|query|replace hearing-7 with 张副局长|query"
	if got := strings.Join(rec.texts(), "|"); got != want {
		t.Errorf("replies = %q, want %q", got, want)
	}
}

func TestErrors(t *testing.T) {
	b, rec := newBot(t)
	b.Text(bot.Prefix("boom"), func(c bot.Context) error { panic("kaboom") })
	b.Text(bot.Prefix("fail"), func(c bot.Context) error { return errors.New("index of agency cases is corrupt") })
	b.Text(bot.Prefix("user"), func(c bot.Context) error { return bot.Errorf(bot.ENotFound, "没有找到案号 X。") })
	ctx := context.Background()
	for _, s := range []string{"boom", "fail", "user"} {
		if err := b.Handle(ctx, text("u1", s)); err != nil {
			t.Fatal(err)
		}
	}
	got := rec.texts()
	if len(got) != 3 || got[0] != bot.GenericErrorMessage || got[1] != bot.GenericErrorMessage || got[2] != "没有找到案号 X。" {
		t.Errorf("replies = %q", got)
	}
	for _, r := range got {
		if strings.Contains(r, "index") || strings.Contains(r, "kaboom") {
			t.Errorf("internal detail leaked to the user: %q", r)
		}
	}
}

// TestTransientErrorsAreRetried: a handler failing on Redis being away
// (failing over) gets no apology: Handle returns the error so that the
// message is handled again; a reply that did not reach WeCom likewise.
func TestTransientErrorsAreRetried(t *testing.T) {
	b, rec := newBot(t)
	b.Text(bot.Prefix("down"), func(c bot.Context) error {
		return fmt.Errorf("load hearings: %w", errors.New("dial tcp 127.0.0.1:6379: connect: connection refused"))
	})
	b.Text(bot.Prefix("loading"), func(c bot.Context) error {
		return errors.New("LOADING Redis is loading the dataset in memory")
	})
	b.Text(bot.Prefix("pool"), func(c bot.Context) error {
		return fmt.Errorf("read session: %w", errors.New("redis: connection pool timeout"))
	})
	b.Text(bot.Prefix("sentinels"), func(c bot.Context) error {
		return errors.New("redis: all sentinels specified in configuration are unreachable")
	})
	b.Text(bot.Prefix("undelivered"), func(c bot.Context) error {
		return fmt.Errorf("%w: wecom message/send: HTTP 500", bot.ErrUndelivered)
	})
	for _, s := range []string{"down", "loading", "pool", "sentinels", "undelivered"} {
		if err := b.Handle(context.Background(), text("u1", s)); err == nil {
			t.Errorf("%s: Handle = nil, want the error (the message is retried)", s)
		}
	}
	if got := rec.texts(); len(got) != 0 {
		t.Errorf("replies = %q, want none (no premature apology)", got)
	}
}
