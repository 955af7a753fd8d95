package handlers

import (
	"context"
	"strings"
	"testing"

	"casebot/bot/audit"
)

// TestUnansweredAreRecorded: what the bot did not understand, understood
// only in part, or found nothing for is audited with what was understood
// and the words left unread, and audit.Unanswered groups and counts it.
func TestUnansweredAreRecorded(t *testing.T) {
	e := newCorpusEnv(t, nil)
	for _, m := range []struct{ user, text string }{
		{"liuyang", "帮我订一下明天下午的会议室"},
		{"liuyang", "帮我订一下明天下午的会议室！"},
		{"zhangwei", "帮我订一下 明天下午的会议室"},
		{"liuyang", "明天孙局那个庭的材料我这边还没收到出庭通知书"},
		{"sunqiang", "下周我有庭吗"},
		{"liuyang", "明天有几个庭"}, // fully answered: not listed
		{"wx_guest", "我被罚款了怎么办"},
	} {
		e.send(corpusEntry{user: m.user, text: m.text})
	}
	gs, err := e.s.audit.Unanswered(context.Background(), audit.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	byOutcome := map[string][]audit.Group{}
	for _, g := range gs {
		byOutcome[g.Outcome] = append(byOutcome[g.Outcome], g)
	}
	if g := gs[0]; g.Count != 3 || g.Users != 2 || g.Outcome != audit.NotKnown || !strings.Contains(g.Key, "会议室") {
		t.Errorf("most frequent group = %+v, want the three 会议室 messages from two people", g)
	}
	if ps := byOutcome[audit.Partly]; len(ps) != 1 || !strings.Contains(ps[0].Key, "材料") {
		t.Errorf("partly understood = %+v, want the residue 材料 通知书", ps)
	}
	if ns := byOutcome[audit.Nothing]; len(ns) != 1 || !strings.Contains(ns[0].Key, "下周") {
		t.Errorf("nothing found = %+v, want 下周我有庭吗 by what was asked", ns)
	}
	if ls := byOutcome[audit.LegalQ]; len(ls) != 1 {
		t.Errorf("legal questions = %+v, want the stranger's", ls)
	}
	for _, g := range gs {
		if strings.Contains(strings.Join(g.Examples, ""), "明天有几个庭") {
			t.Errorf("a fully answered question is listed: %+v", g)
		}
	}
}
