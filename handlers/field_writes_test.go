package handlers

import (
	"context"
	"strings"
	"testing"
	"time"

	"casebot/bot/audit"
	"casebot/bot/deadline"
	"casebot/bot/workcal"
	"casebot/reminders"
)

// TestConfirmStateInChat asks 孙局确认了没 before the reminder is sent,
// after it is sent, and after 孙强 pressed 确认出庭 on its card: the first
// line says each state, from the reminders' own record.
func TestConfirmStateInChat(t *testing.T) {
	e := newCorpusEnv(t, nil)
	ask := func(user, text string) string {
		t.Helper()
		replies, _ := e.send(corpusEntry{user: user, text: text})
		return strings.Join(replies, "\n")
	}
	first := func(s string) string { line, _, _ := strings.Cut(s, "\n"); return line }
	if got := first(ask("liuyang", "孙局确认了没")); !strings.Contains(got, "行初117号") || !strings.Contains(got, "尚未有人确认") || !strings.Contains(got, "尚未发送") {
		t.Fatalf("before the sweep: %q", got)
	}
	e.now = time.Date(2026, 11, 19, 16, 5, 0, 0, cst)
	if _, err := e.rem.Sweep(context.Background(), e.now); err != nil {
		t.Fatal(err)
	}
	var task *reminders.Task
	for _, o := range e.rec.take() {
		if o.Card != nil && len(o.ToUsers) == 1 && o.ToUsers[0] == "sunqiang" {
			tk, err := e.rem.Task(context.Background(), o.Card.TaskID)
			if err == nil && strings.Contains(tk.Case, "行初117") {
				task = tk
			}
		}
	}
	if task == nil {
		t.Fatal("no reminder card of 行初117 was sent to sunqiang")
	}
	if got := first(ask("liuyang", "孙局确认了没")); !strings.Contains(got, "尚未有人确认") || !strings.Contains(got, "已发送") {
		t.Errorf("sent, not confirmed: %q", got)
	}
	if _, err := e.rem.Click(context.Background(), task, "sunqiang", reminders.ActionConfirm, e.now.Add(10*time.Minute)); err != nil {
		t.Fatal(err)
	}
	e.now = e.now.Add(20 * time.Minute)
	e.rec.take()
	for _, q := range []string{"孙局确认了没", "行初117孙局回了吗"} {
		if got := first(ask("liuyang", q)); !strings.Contains(got, "孙强已于") || !strings.Contains(got, "确认出庭") {
			t.Errorf("%s after 确认出庭: %q", q, got)
		}
	}
	if got := first(ask("sunqiang", "我明天的庭确认了没")); !strings.Contains(got, "确认出庭") || strings.Contains(got, "尚未有人确认") {
		t.Errorf("the head's own question: %q", got)
	}
}

// TestFieldWritesApplied runs both writes through the whole path: a head's
// proposal forwarded to the 专班 and applied by a staff member's 确认登记,
// and a staff member's deadline done applied by 确认; each step is audited
// and the deadline then reads done.
func TestFieldWritesApplied(t *testing.T) {
	e := newCorpusEnv(t, nil)
	e.reset()
	ctx := context.Background()
	replies, forwarded := e.send(corpusEntry{user: "sunqiang", text: "明天的庭我让王明副局长去行不"})
	if !forwarded || !strings.Contains(strings.Join(replies, ""), "专班") {
		t.Fatalf("head's proposal: forwarded %v, %q", forwarded, replies)
	}
	c, err := e.st.Get(ctx, "(2026)黔0115行初117号")
	if err != nil {
		t.Fatal(err)
	}
	if c.Hearings[0].Head != "孙强" {
		t.Fatalf("written before 确认: head %q", c.Hearings[0].Head)
	}
	replies, _ = e.send(corpusEntry{user: "liuyang", text: "确认登记"})
	mustContain(t, "staff 确认登记", strings.Join(replies, ""), "已修改", "王明")
	if c, err = e.st.Get(ctx, "(2026)黔0115行初117号"); err != nil {
		t.Fatal(err)
	}
	if h := c.Hearings[0]; h.Head != "王明" || h.HeadPost != "副局长" {
		t.Errorf("after 确认登记: head %q post %q", h.Head, h.HeadPost)
	}

	replies, _ = e.send(corpusEntry{user: "liuyang", text: "行初133答辩状昨天交了 帮我登记"})
	mustContain(t, "deadline echo", strings.Join(replies, ""), "请核对", "2026年11月18日")
	replies, _ = e.send(corpusEntry{user: "liuyang", text: "确认"})
	mustContain(t, "deadline 确认", strings.Join(replies, ""), "已修改")
	if c, err = e.st.Get(ctx, "(2026)黔0115行初133号"); err != nil {
		t.Fatal(err)
	}
	d, ok := deadline.Default().Find(c, deadline.Answer)
	if !ok || !d.Done || d.DoneOn != workcal.DateOf(time.Date(2026, 11, 18, 12, 0, 0, 0, cst), cst) {
		t.Errorf("answer deadline after 确认: %+v", d)
	}
	es, err := audit.New(e.st.Client(), e.st.Keys(), 1000).List(ctx, audit.Filter{User: "liuyang"})
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, en := range es {
		if en.Results == 1 && en.Action == audit.Update && en.Kind != "confirm" {
			kinds = append(kinds, en.Kind)
		}
	}
	if strings.Join(kinds, ",") != "head,deadline-done" {
		t.Errorf("applied updates audited: %v", kinds)
	}
	// 普法 is told who records it; nothing is written or forwarded.
	replies, forwarded = e.send(corpusEntry{user: "huangli", text: "复47答复已经交了 帮我登记"})
	if forwarded || !strings.Contains(strings.Join(replies, ""), "专班登记") {
		t.Errorf("普法: forwarded %v, %q", forwarded, replies)
	}
}
