package handlers

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"casebot/bot/cases"
	"casebot/bot/store/storetest"
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

// TestPersonRole checks the byte search that lists a person's cases without
// decoding them against names, which reads the decoded case: a 承办人, a
// head of a live hearing, a head of a cancelled one, a longer name that
// starts with the person's.
func TestPersonRole(t *testing.T) {
	e := newCorpusEnv(t, nil)
	base := time.Date(2026, 11, 1, 0, 0, 0, 0, cst)
	mk := func(i int, edit func(*cases.Case)) *cases.Case {
		c := storetest.Generate(i, base)
		c.Handler = "赵磊"
		for j := range c.Hearings {
			c.Hearings[j].Head = "钱坤"
		}
		edit(c)
		return c
	}
	cs := []*cases.Case{
		mk(1, func(c *cases.Case) { c.Handler = "王伟" }),
		mk(2, func(c *cases.Case) {
			c.Hearings = []cases.Hearing{{ID: 1, At: base.AddDate(0, 0, 3), Head: "王伟"}}
		}),
		mk(3, func(c *cases.Case) {
			c.Hearings = []cases.Hearing{{ID: 1, At: base.AddDate(0, 0, 3), Head: "王伟", Cancelled: true}}
		}),
		mk(4, func(c *cases.Case) { c.Handler = "王伟伟" }),
	}
	if err := e.st.PutMany(context.Background(), cs, nil); err != nil {
		t.Fatal(err)
	}
	numbers := []string{cs[0].Number, cs[1].Number, cs[2].Number, cs[3].Number}
	for _, tc := range []struct {
		role string
		want []int
	}{{"handler", []int{0}}, {"head", []int{1}}, {"", []int{0, 1}}} {
		got, err := e.s.personRole(context.Background(), "王伟", tc.role, numbers)
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, i := range tc.want {
			want = append(want, numbers[i])
		}
		for _, i := range []int{0, 1, 2, 3} {
			if names(cs[i], "王伟", tc.role) != slices.Contains(want, numbers[i]) {
				t.Fatalf("role %q: the test's cases disagree with names on case %d", tc.role, i)
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("role %q: got %v, want %v", tc.role, got, want)
		}
	}
}
