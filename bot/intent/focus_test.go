package intent

import (
	"testing"
	"time"
)

// TestRefersBack pins which messages lean on the conversation's focus: an
// anaphor, an ellipsis, a pick or a bare field question do; a message that
// states its own scope, or is off-topic, does not.
func TestRefersBack(t *testing.T) {
	now := time.Date(2026, 11, 19, 8, 40, 0, 0, time.FixedZone("CST", 8*3600))
	for _, tc := range []struct {
		msg  string
		want bool
	}{
		{"判了吗", true},
		{"谁出庭", true},
		{"上诉了没", true},
		{"整改呢", true},
		{"那整改交了没", true},
		{"第二个", true},
		{"它明天开庭吗", true},
		{"这个案子今天开庭吗", true},
		{"那这个案子的负责人呢", true},
		{"今天天气咋样", false},
		{"中午吃啥", false},
		{"现在几点了", false},
		{"今天有庭吗", false},
		{"下周有几个庭", false},
		{"公安局今天有庭吗", false},
		{"整改情况", false},
		{"逾期未整改的有哪些", false},
		{"检察建议有哪些", false},
		{"全部案件有多少", false},
		{"哪些庭负责人还没定", false},
	} {
		u, err := Understand(tc.msg, Options{Now: now})
		if err != nil {
			t.Fatal(err)
		}
		if got := RefersBack(u); got != tc.want {
			t.Errorf("%s: RefersBack = %v, want %v (kind %s, scoped %v, off-topic %v)", tc.msg, got, tc.want, u.Kind, u.Scoped, u.OffTopic)
		}
	}
}
