package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/redis/go-redis/v9"

	"casebot/bot/cases"
	"casebot/bot/keys"
	"casebot/bot/people"
	"casebot/bot/redistest"
	"casebot/bot/store"
)

// remindStore points the command line at a fresh key prefix on the test
// Redis (through the environment, as an operator would) and returns the
// store under that prefix, holding one hearing on 2025-09-24 09:30.
func remindStore(t *testing.T) *store.Store {
	t.Helper()
	rdb, _ := redistest.New(t)
	b := make([]byte, 6)
	rand.Read(b)
	prefix := "test-cli-" + hex.EncodeToString(b)
	k := keys.New(prefix)
	t.Cleanup(func() {
		ctx := context.Background()
		iter := rdb.Scan(ctx, 0, k.Pattern(), 1000).Iterator()
		for iter.Next(ctx) {
			rdb.Del(ctx, iter.Val())
		}
	})
	t.Setenv("CASEBOT_CONFIG", "")
	t.Setenv("CASEBOT_REDIS_ADDR", rdb.(*redis.Client).Options().Addr)
	t.Setenv("CASEBOT_REDIS_PREFIX", prefix)
	t.Setenv("CASEBOT_REMINDERS_STAFF_CHAT", "zhuanban")
	st := store.New(rdb, k)
	ctx := context.Background()
	const agency = "某县市场监督管理局"
	if err := st.PutPeople(ctx, []*people.Person{
		{UserID: "wangwu", Name: "王五", Role: people.Head, Agency: agency, Post: "局长"},
		{UserID: "lisi", Name: "李四", Role: people.Handler, Agency: agency},
		{UserID: "staff1", Name: "陈专班", Role: people.Staff},
	}); err != nil {
		t.Fatal(err)
	}
	loc, _ := time.LoadLocation("Asia/Shanghai")
	n := cases.MustParseNumber("(2025)黔0115行初103号")
	c := &cases.Case{Number: n.String(), Kind: n.Kind(), Stage: n.Stage(), Plaintiffs: []cases.Party{cases.NewParty("张三")},
		Defendants: []string{agency}, Cause: "行政处罚", Court: "某县人民法院", Handler: "李四"}
	c.AddHearing(cases.Hearing{At: time.Date(2025, 9, 24, 9, 30, 0, 0, loc), Place: "第三法庭", Head: "王五"})
	if err := st.Put(ctx, c); err != nil {
		t.Fatal(err)
	}
	return st
}

func TestRemindDryRunJSON(t *testing.T) {
	remindStore(t)
	code, out, errOut := runCLI(t, "remind", "--dry-run", "--now", "2025-09-23T18:00:00+08:00", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	type row struct{ Hearing, Case, Recipient, Kind, DueAt string }
	var raw []map[string]string
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	var got []row
	for _, m := range raw {
		if len(m) != 5 {
			t.Errorf("item has fields %v, want exactly hearing, case, recipient, kind, due_at", m)
		}
		got = append(got, row{m["hearing"], m["case"], m["recipient"], m["kind"], m["due_at"]})
	}
	const number = "(2025)黔0115行初103号"
	want := []row{
		{number + "#1", number, "lisi", "day_before", "2025-09-23T16:00:00+08:00"},
		{number + "#1", number, "wangwu", "day_before", "2025-09-23T16:00:00+08:00"},
		{number + "#1", number, "chat:zhuanban", "escalation", "2025-09-23T18:00:00+08:00"},
		{number + "#1", number, "staff1", "escalation", "2025-09-23T18:00:00+08:00"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("remind --json (-want,+got):\n%s", diff)
	}

	// Nothing due (a week earlier): an empty array, not null.
	code, out, errOut = runCLI(t, "remind", "--json", "--dry-run", "--now", "2025-09-16T18:00:00+08:00")
	if code != 0 || strings.TrimSpace(out) != "[]" {
		t.Errorf("nothing due: exit %d, stdout %q, stderr %q; want []", code, out, errOut)
	}
}

func TestRemindDryRunTable(t *testing.T) {
	remindStore(t)
	code, out, errOut := runCLI(t, "remind", "--dry-run", "--now", "2025-09-23T08:00:00Z") // 16:00 in Shanghai
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	want := []string{
		"应发时间          类型        接收人          案号                   开庭时间或期限",
		"2025-09-23 16:00  开庭前提醒  李四（lisi）    (2025)黔0115行初103号  2025-09-24 09:30",
		"2025-09-23 16:00  开庭前提醒  王五（wangwu）  (2025)黔0115行初103号  2025-09-24 09:30",
		"共 2 条（2025-09-23 16:00 的预览，未发送）",
	}
	if diff := cmp.Diff(want, lines); diff != "" {
		t.Errorf("table (-want,+got):\n%s", diff)
	}

	code, out, _ = runCLI(t, "remind", "--dry-run", "--now", "2025-09-16T18:00:00+08:00")
	if code != 0 || out != "2025-09-16 18:00 没有到期未发送的提醒。\n" {
		t.Errorf("nothing due: exit %d, %q", code, out)
	}
}

func TestRemindUsageErrors(t *testing.T) {
	remindStore(t)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"remind", "--now", "2025-09-23T18:00:00+08:00"}, "请加 --dry-run"},
		{[]string{"remind", "--dry-run", "--now", "2025-09-23 18:00"}, "不是 RFC3339 时间"},
		{[]string{"remind", "--dry-run", "extra"}, "不接受参数"},
	} {
		code, _, errOut := runCLI(t, tc.args...)
		if code != 2 || !strings.Contains(errOut, tc.want) || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and one line with %q", tc.args, code, errOut, tc.want)
		}
	}
}

// TestRemindDryRunWarns: the dry run says when reminders cannot reach
// someone: a co-defendant agency with nobody in the directory, and an
// empty directory.
func TestRemindDryRunWarns(t *testing.T) {
	st := remindStore(t)
	ctx := context.Background()
	c, err := st.Get(ctx, "(2025)黔0115行初103号")
	if err != nil {
		t.Fatal(err)
	}
	c.Defendants = append(c.Defendants, "某镇人民政府")
	if err := st.Put(ctx, c); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, "remind", "--dry-run", "--now", "2025-09-23T16:00:00+08:00")
	if code != 0 || !strings.Contains(errOut, "警告：(2025)黔0115行初103号 于 2025-09-24 09:30 开庭，缺少接收人：某镇人民政府 在通讯录中没有负责人；某镇人民政府 在通讯录中没有承办人") {
		t.Errorf("co-defendant without people: exit %d\n%s%s", code, out, errOut)
	}
	for _, id := range []string{"wangwu", "lisi", "staff1"} {
		if err := st.DeletePerson(ctx, id); err != nil {
			t.Fatal(err)
		}
	}
	code, out, errOut = runCLI(t, "remind", "--dry-run", "--now", "2025-09-23T16:00:00+08:00")
	if code != 0 || !strings.Contains(errOut, "警告：人员名单是空的") {
		t.Errorf("empty directory: exit %d\n%s%s", code, out, errOut)
	}
}
