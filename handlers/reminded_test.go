package handlers

import (
	"context"
	"strings"
	"testing"
	"time"
)

// TestRemindedInChat asks whether a reminder was sent before and after the
// reminders' sweep sent it: the answer comes from the reminders' own record
// (reminders.HearingTold), never from a guess.
func TestRemindedInChat(t *testing.T) {
	e := newCorpusEnv(t, nil)
	ask := func(user, text string) string {
		t.Helper()
		replies, _ := e.send(corpusEntry{user: user, text: text})
		return strings.Join(replies, "\n")
	}
	if got := ask("liuyang", "行初117的提醒发给孙强了没"); !strings.Contains(got, "尚未发送给孙强") || !strings.Contains(got, "按计划于") {
		t.Fatalf("before the sweep: %q", got)
	}
	// The day-before reminder is due at 16:00 (the demo's schedule).
	e.now = time.Date(2026, 11, 19, 16, 5, 0, 0, cst)
	if _, err := e.rem.Sweep(context.Background(), e.now); err != nil {
		t.Fatal(err)
	}
	e.rec.take()
	if got := ask("liuyang", "行初117的提醒发给孙强了没"); !strings.Contains(got, "已发送**给孙强") {
		t.Errorf("after the sweep: %q", got)
	}
	if got := ask("liuyang", "行初117的开庭提醒发了没"); !strings.Contains(got, "已发送给：") || !strings.Contains(got, "孙强") {
		t.Errorf("to whom: %q", got)
	}
	if got := ask("liuyang", "行初117的提醒发给王芳了没"); !strings.Contains(got, "未见王芳") {
		t.Errorf("someone not reminded: %q", got)
	}
}
