package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/redis/go-redis/v9"
	"github.com/xuri/excelize/v2"

	"casebot/bot/audit"
	"casebot/bot/keys"
	"casebot/bot/people"
	"casebot/bot/redistest"
	"casebot/bot/store"
)

// cliEnv is a config file pointing the CLI at a private prefix of the
// test Redis, and the store over the same keys.
type cliEnv struct {
	t      *testing.T
	config string
	st     *store.Store
	k      keys.Keys
}

func newCLIEnv(t *testing.T) *cliEnv {
	t.Helper()
	rdb, k := redistest.New(t)
	addr := rdb.(*redis.Client).Options().Addr
	// keys.New wraps the prefix as "{prefix}:"; Pattern is that plus "*".
	prefix := strings.TrimSuffix(strings.TrimPrefix(k.Pattern(), "{"), "}:*")
	dir := t.TempDir()
	cfg := filepath.Join(dir, "casebot.yaml")
	yaml := fmt.Sprintf("redis:\n  addr: %q\n  prefix: %q\nscope:\n  agency_aliases: [\"县市监局=某县市场监督管理局\"]\n", addr, prefix)
	if err := os.WriteFile(cfg, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	return &cliEnv{t: t, config: cfg, st: store.New(rdb, k), k: k}
}

// run runs a command line with --config and returns status, stdout, stderr.
func (e *cliEnv) run(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(append(args, "--config", e.config), strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func (e *cliEnv) write(name, content string) string {
	p := filepath.Join(e.t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		e.t.Fatal(err)
	}
	return p
}

func (e *cliEnv) people() []people.Person {
	ps, err := e.st.People(context.Background())
	if err != nil {
		e.t.Fatal(err)
	}
	var out []people.Person
	for _, p := range ps {
		out = append(out, *p)
	}
	return out
}

func TestPeopleImportCSVWritesEveryRow(t *testing.T) {
	e := newCLIEnv(t)
	// The ledger names the agency in full; the file abbreviates it.
	ctx := context.Background()
	if err := e.st.Put(ctx, ledgerCase("(2025)黔0115行初1号", "某县市场监督管理局")); err != nil {
		t.Fatal(err)
	}
	file := e.write("people.csv", "\ufeff账号,姓名,角色,单位,职务\n"+
		"chenzb,陈专班,专班,,\n"+
		"admin1,管理员甲,admin,司法局,\n"+
		"wangwu,王五,负责人,某县市场监管局,局长\n"+
		"lisi,李四,handler,县市监局,\n"+
		"\n"+
		"pf1,普法员,普法,,\n")
	code, out, stderr := e.run("people", "import", file)
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, stderr)
	}
	if !strings.Contains(out, "新增 5 人") || !strings.Contains(out, "已写入") {
		t.Errorf("stdout = %q, want 新增 5 人 … 已写入", out)
	}
	// The agency written differently is recorded under the ledger's name, with a note.
	if !strings.Contains(stderr, "第 4 行“单位”列：单位“某县市场监管局”按台账记为“某县市场监督管理局”") {
		t.Errorf("stderr = %q, want a note for row 4", stderr)
	}
	want := []people.Person{
		{UserID: "admin1", Name: "管理员甲", Role: people.Admin, Agency: "司法局"},
		{UserID: "chenzb", Name: "陈专班", Role: people.Staff},
		{UserID: "lisi", Name: "李四", Role: people.Handler, Agency: "某县市场监督管理局"},
		{UserID: "pf1", Name: "普法员", Role: people.Pufa},
		{UserID: "wangwu", Name: "王五", Role: people.Head, Agency: "某县市场监督管理局", Post: "局长"},
	}
	if diff := cmp.Diff(want, e.people()); diff != "" {
		t.Errorf("directory (-want,+got):\n%s", diff)
	}
	// The import is audited.
	es, err := audit.New(e.st.Client(), e.k, 1000).List(ctx, audit.Filter{User: "cli"})
	if err != nil || len(es) != 1 || es[0].Kind != "import" || es[0].Results != 5 {
		t.Errorf("audit = %+v, %v; want one cli import entry with 5 results", es, err)
	}
	// The same file again changes nothing.
	code, out, _ = e.run("people", "import", file)
	if code != 0 || !strings.Contains(out, "未变 5 人") || !strings.Contains(out, "无变化") {
		t.Errorf("second import: exit %d, stdout %q", code, out)
	}
}

func TestPeopleImportXLSX(t *testing.T) {
	e := newCLIEnv(t)
	f := excelize.NewFile()
	rows := [][]any{{"账号", "姓名", "角色", "单位"}, {"zhangsan", "张三", "承办人", "某县自然资源局"}, {"liu", "刘局", "HEAD", "某县自然资源局"}}
	for i, r := range rows {
		if err := f.SetSheetRow("Sheet1", fmt.Sprintf("A%d", i+1), &r); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "people.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := e.run("people", "import", path, "--json")
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, stderr)
	}
	if !strings.Contains(out, `"created":2`) || !strings.Contains(out, `"written":true`) {
		t.Errorf("json = %s", out)
	}
	got := e.people()
	if len(got) != 2 || got[0].Role != people.Head || got[1].Role != people.Handler {
		t.Errorf("directory = %+v", got)
	}
}

func TestPeopleImportRowErrorsWriteNothing(t *testing.T) {
	e := newCLIEnv(t)
	tests := []struct {
		name    string
		content string
		errs    []string // lines expected on stderr
	}{
		{"bad role and missing agency", "账号,姓名,角色,单位\n" +
			"ok1,好人,专班,\n" +
			"bad1,坏人,科长,某局\n" +
			"bad2,无单位,负责人,\n",
			[]string{"第 3 行“角色”列：角色“科长”无法识别", "第 4 行“单位”列：负责人须填写所属单位"}},
		{"duplicate and malformed userid", "账号,姓名,角色,单位\n" +
			"a1,甲,staff,\n" +
			"A1,乙,staff,\n" +
			"张三,丙,staff,\n" +
			"c1,,staff,\n",
			[]string{"第 3 行“账号”列：账号“A1”与第 2 行重复", "第 4 行“账号”列：账号“张三”格式不对", "第 5 行“姓名”列：姓名不能为空"}},
		{"missing column", "账号,姓名,单位\na1,甲,某局\n", []string{"第 1 行“角色”列：缺少这一列"}},
		{"unknown column", "账号,姓名,角色,单位,电话\na1,甲,staff,,123\n", []string{"第 1 行“电话”列：无法识别的列"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := e.run("people", "import", e.write("p.csv", tt.content))
			if code != 1 {
				t.Errorf("exit %d, want 1", code)
			}
			for _, w := range tt.errs {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, stderr)
				}
			}
			if !strings.Contains(stderr, "未导入任何人员") {
				t.Errorf("stderr does not say nothing was imported:\n%s", stderr)
			}
			if got := e.people(); len(got) != 0 {
				t.Errorf("directory has %d people after a file with errors, want none", len(got))
			}
		})
	}
}

func TestPeopleImportDryRunAndUsage(t *testing.T) {
	e := newCLIEnv(t)
	file := e.write("p.csv", "账号,姓名,角色,单位\na1,甲,staff,\n")
	code, out, _ := e.run("people", "import", file, "--dry-run")
	if code != 0 || !strings.Contains(out, "将新增 1 人") || !strings.Contains(out, "试运行") {
		t.Errorf("dry run: exit %d, stdout %q", code, out)
	}
	if got := e.people(); len(got) != 0 {
		t.Errorf("dry run wrote %d people", len(got))
	}
	for _, args := range [][]string{{"people", "import"}, {"people", "import", "a.csv", "b.csv"}, {"people", "import", file, "--bogus"}} {
		if code, _, _ := e.run(args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
	code, _, stderr := e.run("people", "import", e.write("p.txt.pdf", "x"))
	if code != 1 || !strings.Contains(stderr, "请使用 .xlsx 或 .csv") {
		t.Errorf("pdf: exit %d, stderr %q", code, stderr)
	}
}
