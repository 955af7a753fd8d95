package directory

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"casebot/bot/agency"
	"casebot/bot/cases"
	"casebot/bot/people"
	"casebot/bot/redistest"
	"casebot/bot/store"
)

type fakeAddressList map[int][]Member

func (f fakeAddressList) Members(_ context.Context, dept int) ([]Member, error) {
	ms, ok := f[dept]
	if !ok {
		return nil, fmt.Errorf("errcode 60003: department not found")
	}
	return ms, nil
}

func syncStore(t *testing.T) *store.Store {
	rdb, k := redistest.New(t)
	st := store.New(rdb, k)
	n := cases.MustParseNumber("(2025)黔0115行初1号")
	c := &cases.Case{Number: n.String(), Kind: n.Kind(), Stage: n.Stage(), Defendants: []string{"某县市场监督管理局", "某县自然资源局"}}
	if err := st.Put(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	return st
}

func dirOf(t *testing.T, st *store.Store) []people.Person {
	ps, err := st.People(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var out []people.Person
	for _, p := range ps {
		out = append(out, *p)
	}
	return out
}

func TestSyncAddsUpdatesAndKeeps(t *testing.T) {
	st := syncStore(t)
	ctx := context.Background()
	// Already there: a handler whose post changed, a head promoted by an
	// admin (kept head), and a staff member who sits in a mapped department.
	if err := st.PutPeople(ctx, []*people.Person{
		{UserID: "lisi", Name: "李四", Role: people.Handler, Agency: "某县市场监督管理局", Post: "科员"},
		{UserID: "zhao", Name: "赵局", Role: people.Head, Agency: "某县市场监督管理局"},
		{UserID: "chenzb", Name: "陈专班", Role: people.Staff},
	}); err != nil {
		t.Fatal(err)
	}
	src := fakeAddressList{
		12: {
			{UserID: "wangwu", Name: "王五", Post: "局长", Leader: true},
			{UserID: "lisi", Name: "李四", Post: "法规股股长"},
			{UserID: "zhao", Name: "赵局"},
			{UserID: "chenzb", Name: "陈专班"},
		},
		15: {{UserID: "sun", Name: "孙六"}, {UserID: "wangwu", Name: "王五", Leader: true}},
	}
	depts, err := ParseDepartments([]string{"12=某县市场监管局", "15=某县市场监督管理局"})
	if err != nil {
		t.Fatal(err)
	}
	names, _ := agency.New(nil)
	rep, err := Sync(ctx, st, src, depts, names, people.Handler, false)
	if err != nil {
		t.Fatal(err)
	}
	wantRep := SyncReport{Members: 5, Created: 2, Updated: 1, Unchanged: 1, Kept: []string{"chenzb"}, Errors: []string{},
		Notes: []string{"部门 12：单位“某县市场监管局”按台账记为“某县市场监督管理局”"}, Written: true}
	if diff := cmp.Diff(wantRep, rep); diff != "" {
		t.Errorf("report (-want,+got):\n%s", diff)
	}
	want := []people.Person{
		{UserID: "chenzb", Name: "陈专班", Role: people.Staff},
		{UserID: "lisi", Name: "李四", Role: people.Handler, Agency: "某县市场监督管理局", Post: "法规股股长"},
		{UserID: "sun", Name: "孙六", Role: people.Handler, Agency: "某县市场监督管理局"},
		{UserID: "wangwu", Name: "王五", Role: people.Head, Agency: "某县市场监督管理局", Post: "局长"},
		{UserID: "zhao", Name: "赵局", Role: people.Head, Agency: "某县市场监督管理局"},
	}
	if diff := cmp.Diff(want, dirOf(t, st)); diff != "" {
		t.Errorf("directory (-want,+got):\n%s", diff)
	}
	// Again: nothing to change.
	rep, err = Sync(ctx, st, src, depts, names, people.Handler, false)
	if err != nil || rep.Written || rep.Unchanged != 4 {
		t.Errorf("second sync = %+v, %v", rep, err)
	}
}

func TestSyncWritesNothingOnErrors(t *testing.T) {
	st := syncStore(t)
	ctx := context.Background()
	names, _ := agency.New(nil)
	src := fakeAddressList{
		12: {{UserID: "wangwu", Name: "王五"}, {UserID: "ok1", Name: "甲"}},
		20: {{UserID: "wangwu", Name: "王五"}, {UserID: "张三", Name: "张三"}},
	}
	rep, err := Sync(ctx, st, src, map[int]string{12: "某县市场监督管理局", 20: "某县自然资源局"}, names, people.Handler, false)
	if err != nil {
		t.Fatal(err)
	}
	joined := strings.Join(rep.Errors, "\n")
	for _, w := range []string{"成员 wangwu 同时在部门 12（某县市场监督管理局）和部门 20（某县自然资源局）中", "部门 20：成员账号“张三”格式不对"} {
		if !strings.Contains(joined, w) {
			t.Errorf("errors lack %q:\n%s", w, joined)
		}
	}
	if rep.Written || len(dirOf(t, st)) != 0 {
		t.Errorf("wrote despite errors: %+v", rep)
	}
	// A department WeCom does not know is an error naming it.
	_, err = Sync(ctx, st, src, map[int]string{99: "某县公安局"}, names, people.Handler, true)
	if err == nil || !strings.Contains(err.Error(), "部门 99") {
		t.Errorf("unknown department: %v", err)
	}
	if _, err := ParseDepartments([]string{"abc=某局"}); err == nil {
		t.Error("bad mapping accepted")
	}
}
