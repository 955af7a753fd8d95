package handlers

import (
	"context"
	"strings"
	"testing"
	"time"

	"casebot/bot"
	"casebot/bot/sendlog"
	"casebot/config"
	"casebot/reminders"
)

// A personal reminder set in chat comes once at its time by the
// reminders' sweep — not before it, not again after a restart — and the
// chat said when it would come.
func TestPersonalReminderDeliveredOnce(t *testing.T) {
	e := newCorpusEnv(t, nil)
	e.rec.log = sendlog.New(e.st.Client(), e.st.Keys(), sendlog.Options{})
	replies, _ := e.send(corpusEntry{user: "liuyang", text: "行 辛苦了 下周一早上提醒我找人社局补通讯录"})
	if len(replies) != 1 || !strings.Contains(replies[0], "11月23日（周一）09:00") {
		t.Fatalf("reply: %q", replies)
	}
	sweep := func(rem *reminders.Service, at time.Time) []bot.Outbound {
		t.Helper()
		if _, err := rem.Sweep(context.Background(), at); err != nil {
			t.Fatal(err)
		}
		var mine []bot.Outbound
		for _, o := range e.rec.take() {
			if len(o.ToUsers) == 1 && o.ToUsers[0] == "liuyang" && strings.Contains(o.Text, "找人社局补通讯录") {
				mine = append(mine, o)
			}
		}
		return mine
	}
	due := time.Date(2026, 11, 23, 9, 0, 0, 0, cst)
	if got := sweep(e.rem, due.Add(-5*time.Minute)); len(got) != 0 {
		t.Fatalf("sent before its time: %v", got)
	}
	if got := sweep(e.rem, due); len(got) != 1 || !strings.HasPrefix(got[0].Text, "【提醒】") {
		t.Fatalf("at its time: %v", got)
	}
	restarted, err := reminders.New(e.cfg, e.st, e.rec)
	if err != nil {
		t.Fatal(err)
	}
	for _, at := range []time.Time{due, due.Add(5 * time.Minute), due.Add(24 * time.Hour)} {
		if got := sweep(restarted, at); len(got) != 0 {
			t.Fatalf("sent again after a restart at %s: %v", at, got)
		}
	}
}

// With the scheduled sweeps off, nothing would deliver the reminder: the
// chat says it was not set.
func TestPersonalReminderDisabled(t *testing.T) {
	e := newCorpusEnv(t, func(c *config.Config) { c.Reminder.Enabled = false })
	replies, _ := e.send(corpusEntry{user: "liuyang", text: "明早九点叫我去中院"})
	if len(replies) != 1 || !strings.Contains(replies[0], "未设置") || strings.Contains(replies[0], "已设置") {
		t.Fatalf("reply: %q", replies)
	}
}

// A notice cut to N characters is at most N characters long.
func TestNoticeWithinLimit(t *testing.T) {
	e := newCorpusEnv(t, nil)
	e.send(corpusEntry{user: "liuyang", text: "帮我起个催办通知发卫健局 就说133号答辩超期了赶紧交"})
	for _, n := range []string{"五十字以内", "40字以内"} {
		replies, _ := e.send(corpusEntry{user: "liuyang", text: n, followUp: true})
		if len(replies) != 1 {
			t.Fatalf("%s: %q", n, replies)
		}
		text := strings.SplitN(strings.SplitN(replies[0], "\n\n> ", 2)[1], "\n\n", 2)[0]
		limit := map[string]int{"五十字以内": 50, "40字以内": 40}[n]
		if got := noticeLen(text); got > limit {
			t.Errorf("%s: %d characters: %q", n, got, text)
		}
		if !strings.Contains(text, "行初133号") {
			t.Errorf("%s: lost the case: %q", n, text)
		}
	}
}
