package handlers

import (
	"context"
	"strings"
	"testing"

	"casebot/bot/people"
)

// TestChatPeopleEditing: admins add, modify and delete directory entries
// in chat, each echoed and applied on 确认; nobody else may.
func TestChatPeopleEditing(t *testing.T) {
	e := newChatEnv(t, nil)
	e.put(lawsuit("(2025)黔0115行初101号", "赵一明", "某县市场监督管理局"))
	e.people(&people.Person{UserID: "admin1", Name: "管理员", Role: people.Admin},
		&people.Person{UserID: "staff1", Name: "陈专班", Role: people.Staff})
	lookup := func(id string) *people.Person {
		t.Helper()
		p, err := e.st.LookupPerson(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}

	mustContain(t, "staff", e.one("staff1", "添加人员 lisi 李四 承办人 某县市场监督管理局"), "只有管理员可以管理人员名单")
	if lookup("lisi") != nil {
		t.Fatal("a staff member added a person")
	}

	echo := e.one("admin1", "添加人员 lisi 李四 承办人 某县市场监管局")
	mustContain(t, "add echo", echo, "> 账号：lisi", "> 姓名：李四", "> 角色：承办人", "某县市场监督管理局", "回复“确认”执行")
	if lookup("lisi") != nil {
		t.Fatal("added before 确认")
	}
	e.one("admin1", "确认")
	if p := lookup("lisi"); p == nil || p.Agency != "某县市场监督管理局" || p.Role != people.Handler {
		t.Fatalf("lisi = %+v", p)
	}
	// The new handler can ask at once, masked.
	mustContain(t, "new handler", e.one("lisi", "我的案件"), "(2025)黔0115行初101号", "赵某")

	mustContain(t, "modify echo", e.one("admin1", "修改人员 lisi 角色 负责人"), "承办人", "负责人")
	e.one("admin1", "确认")
	if p := lookup("lisi"); p.Role != people.Head {
		t.Errorf("lisi role = %s, want head", p.Role)
	}
	mustContain(t, "list", e.one("admin1", "人员列表 负责人"), "lisi", "李四")
	mustContain(t, "view", e.one("admin1", "查看人员 lisi"), "> 角色：负责人")

	e.one("admin1", "删除人员 lisi")
	e.one("admin1", "确认")
	if lookup("lisi") != nil {
		t.Error("lisi not deleted")
	}
	mustContain(t, "deleted", e.one("lisi", "我的案件"), "还没有登记")

	got := strings.Join(auditOf(t, e, "admin1"), "\n")
	for _, w := range []string{"people/add 0 待确认", "people/add 1 ", "people/modify 1 ", "people/list", "people/view 1", "people/delete 1 "} {
		if !strings.Contains(got, w) {
			t.Errorf("admin audit lacks %q:\n%s", w, got)
		}
	}
}
