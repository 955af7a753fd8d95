package handlers

import (
	"strings"
	"testing"
	"time"
)

// TestFocusIsPerUserAndExpires: the case one user looked at is not the
// subject of another user's bare question, and not of the same user's
// once chat.context_ttl has passed since the conversation last spoke of
// it (the bot's injected clock, no sleeping).
func TestFocusIsPerUserAndExpires(t *testing.T) {
	e := newCorpusEnv(t, nil)
	ttl := e.cfg.Chat.ContextTTL
	say := func(user, text string) string {
		t.Helper()
		replies, _ := e.send(corpusEntry{user: user, text: text, props: map[string][]string{}})
		return strings.Join(replies, "\n")
	}
	const card = "(2026)黔0115行初87号"
	if r := say("liuyang", "行初87"); !strings.Contains(r, card) {
		t.Fatalf("行初87: %q", r)
	}
	e.now = e.now.Add(ttl - time.Minute)
	if r := say("liuyang", "判了吗"); !strings.Contains(r, "准许撤诉") {
		t.Errorf("判了吗 within %s of the case: %q, want the case's outcome", ttl-time.Minute, r)
	}
	for _, user := range []string{"sunqiang", "zhoujie", "zhangwei"} {
		if r := say(user, "判了吗"); strings.Contains(r, card) || strings.Contains(r, "准许撤诉") {
			t.Errorf("%s's 判了吗 took liuyang's case: %q", user, r)
		}
	}
	// The answer above spoke of 87 again; the focus runs from then.
	e.now = e.now.Add(ttl + time.Second)
	if r := say("liuyang", "判了吗"); strings.Contains(r, card) || strings.Contains(r, "准许撤诉") {
		t.Errorf("判了吗 %s after the case was last spoken of: %q, want it asked which case", ttl+time.Second, r)
	}
}
