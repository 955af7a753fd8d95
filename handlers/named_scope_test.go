package handlers

import (
	"strings"
	"testing"

	"casebot/bot/cases"
	"casebot/bot/people"
)

// TestNamedScope: the county government's head named as 出庭负责人 on a
// 自然资源局 case sees it, in first person and by number; once a second
// person of the same name is in the directory, the name is no longer his
// alone and neither of them sees it; the 自然资源局's own head sees it
// throughout.
func TestNamedScope(t *testing.T) {
	e := newChatEnv(t, nil)
	c := lawsuit("(2025)黔0115行初501号", "某某建材有限公司", "某县自然资源局")
	c.Handler = "王芳"
	c.AddHearing(cases.Hearing{At: at("2025-11-27 09:30"), Place: "第一法庭", Head: "何平", HeadPost: "副县长", MustAppear: true})
	own := lawsuit("(2025)黔0115行初502号", "某某商贸有限公司", "某县人民政府")
	e.put(c, own)
	e.people(
		&people.Person{UserID: "heping", Name: "何平", Role: people.Head, Agency: "某县人民政府", Post: "副县长"},
		&people.Person{UserID: "wumin", Name: "吴敏", Role: people.Head, Agency: "某县自然资源局", Post: "局长"},
		&people.Person{UserID: "sunqiang", Name: "孙强", Role: people.Head, Agency: "某县公安局", Post: "副局长"},
	)
	sees := func(user, text string, want bool) {
		t.Helper()
		r := e.one(user, text)
		if got := strings.Contains(r, "**"+c.Number+"**"); got != want {
			t.Errorf("%s: %q shows %s: %v, want %v\n%s", user, text, c.Number, got, want, r)
		}
		if !want && strings.Contains(r, "某某建材") {
			t.Errorf("%s: %q told the plaintiff of a case outside scope:\n%s", user, text, r)
		}
	}
	for _, text := range []string{"我明天的庭", "我下次出庭是什么时候", "行初501号什么时候开", "我手上的案子"} {
		sees("heping", text, true)
		sees("wumin", text, true) // their agency's, listed after their own
		sees("sunqiang", text, false)
	}
	if r := e.one("sunqiang", "行初501号什么时候开"); !strings.Contains(r, "不在您可以查看的范围内") || strings.Contains(r, "没有") {
		t.Errorf("outside scope, the reply reads as a missing case:\n%s", r)
	}
	// 我们单位的案件 stays the agency's.
	if r := e.one("heping", "我们单位的案件"); strings.Contains(r, c.Number) || !strings.Contains(r, own.Number) {
		t.Errorf("我们单位的案件 is not the agency's own:\n%s", r)
	}

	// A namesake: the ledger's 何平 could be either.
	e.people(&people.Person{UserID: "heping2", Name: "何平", Role: people.Handler, Agency: "某县教育局"})
	for _, user := range []string{"heping", "heping2"} {
		sees(user, "行初501号什么时候开", false)
		sees(user, "我手上的案子", false)
	}
	sees("wumin", "行初501号什么时候开", true)
}
