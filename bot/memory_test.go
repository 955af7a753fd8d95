package bot_test

import (
	"context"
	"testing"
	"time"

	"casebot/bot"
)

// TestMemory: what one user's handler remembers, the next message of that
// user recalls, under its name; another user sees nothing; it is forgotten
// MemoryTTL after it was written, by the bot's clock.
func TestMemory(t *testing.T) {
	b, _ := newBot(t)
	now := time.Date(2026, 11, 19, 9, 0, 0, 0, time.UTC)
	b.Now = func() time.Time { return now }
	b.MemoryTTL = 5 * time.Minute
	type draft struct {
		Number  string `json:"number"`
		Version int    `json:"version"`
	}
	var got draft
	var found bool
	var err error
	b.Fallback(func(c bot.Context) error {
		switch c.Message().Text {
		case "remember":
			return c.Memory().Remember("explain.draft", draft{"(2026)黔0115行初85号", 2})
		case "forget":
			return c.Memory().Forget("explain.draft")
		}
		got = draft{}
		found, err = c.Memory().Recall("explain.draft", &got)
		return err
	})
	ask := func(from, s string) (draft, bool) {
		t.Helper()
		if err := b.Handle(context.Background(), text(from, s)); err != nil {
			t.Fatal(err)
		}
		if err != nil {
			t.Fatal(err)
		}
		return got, found
	}
	b.Directory = nil // everyone is someone to the memory
	ask("u1", "remember")
	if d, ok := ask("u1", "recall"); !ok || d.Version != 2 {
		t.Errorf("recall = %+v, %v; want what was remembered", d, ok)
	}
	if _, ok := ask("u2", "recall"); ok {
		t.Error("another user recalled u1's memory")
	}
	now = now.Add(4 * time.Minute)
	if _, ok := ask("u1", "recall"); !ok {
		t.Error("forgotten before MemoryTTL")
	}
	now = now.Add(2 * time.Minute)
	if _, ok := ask("u1", "recall"); ok {
		t.Error("recalled after MemoryTTL")
	}
	ask("u1", "remember")
	ask("u1", "forget")
	if _, ok := ask("u1", "recall"); ok {
		t.Error("recalled after Forget")
	}
}
