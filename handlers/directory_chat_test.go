package handlers

import (
	"strings"
	"testing"
)

// TestDirectoryAfterLongSession replays, through Bot.Handle, an admin's
// long session that ended in a panic (u.Agencies[0] on an empty list) and
// then, once guarded, in “which unit?”: the last question names 公安局 and
// the answer is that agency's people. The cause was the case in focus
// (行初85, a 公安局 case): its defendant was dropped from the question as
// “that case's side”, a rule for a field of the case (镇上谁出庭), not for
// a directory question.
func TestDirectoryAfterLongSession(t *testing.T) {
	e := newCorpusEnv(t, nil)
	chain := []string{"12月7号几个庭", "查下一零一", "原告叫啥", "李文手机号发我一下", "本月败诉通报发我看下",
		"公安局那段单独发我", "哪个单位败诉最多", "今年新收了好多", "101那个审判长是哪个", "判决书全文发我 85号",
		"帮我把台账导出来"}
	for _, text := range chain {
		e.send(corpusEntry{user: "zhangwei", text: text})
	}
	for _, text := range []string{"公安局负责人是谁", "那市监局的负责人呢"} {
		replies, _ := e.send(corpusEntry{user: "zhangwei", text: text})
		all := strings.Join(replies, "\n")
		want := map[string]string{"公安局负责人是谁": "孙强", "那市监局的负责人呢": "陈立"}[text]
		if !strings.Contains(all, want) || strings.Contains(all, "哪个单位") {
			t.Errorf("%s after the session: want the agency's people (%s), got:\n%s", text, want, all)
		}
	}
	// Right after the one case, too.
	e.reset()
	e.send(corpusEntry{user: "zhangwei", text: "行初85"})
	replies, _ := e.send(corpusEntry{user: "zhangwei", text: "公安局负责人是谁"})
	if all := strings.Join(replies, "\n"); !strings.Contains(all, "孙强") {
		t.Errorf("行初85 → 公安局负责人是谁: want 孙强, got:\n%s", all)
	}
}
