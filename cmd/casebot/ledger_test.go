package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/redis/go-redis/v9"

	"casebot/bot/redistest"
)

// useRedis points the commands at a real Redis under a prefix private to
// the test, through the environment as an operator would.
func useRedis(t *testing.T) {
	t.Helper()
	rdb, k := redistest.New(t)
	// Pattern is "{prefix}:*"; the commands take the bare prefix.
	prefix := strings.TrimSuffix(strings.TrimPrefix(k.Pattern(), "{"), "}:*")
	t.Setenv("CASEBOT_REDIS_ADDR", rdb.(*redis.Client).Options().Addr)
	t.Setenv("CASEBOT_REDIS_PREFIX", prefix)
	t.Setenv("CASEBOT_CONFIG", "")
}

// runCmd runs one command line and returns its exit status and output.
func runCmd(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

const ledgerHeader = "案号,案件类型,原告,被告,案由,承办法院,立案日期,审理阶段,开庭时间,开庭地点,应当出庭,出庭负责人,负责人职务,承办人,负责人是否出庭,结案日期,结案方式,败诉原因,备注\n"

const goodLedger = ledgerHeader +
	"(2025)黔0115行初101号,行政诉讼,张三,某县市场监督管理局,行政处罚,某县人民法院,2025-09-15,一审,2099-11-20 09:30,第一法庭,是,陈立,副局长,李文,,,,,\n" +
	"某府复〔2025〕41号,行政复议,某某公司,某县住房和城乡建设局,政府信息公开,某县人民政府,2025-10-13,复议,,,,,,钱坤,,2025-11-01,维持,,\n"

const badLedger = ledgerHeader +
	"(2025)黔0115行初101号,行政诉讼,张三,某县市场监督管理局,行政处罚,某县人民法院,2025-13-15,一审,,,,,,,,,,,\n" +
	"(2025)黔0115行初102号,行政诉讼,李四,,行政处罚,某县人民法院,2025-09-15,一审,,,,,,,,,,,\n" +
	"(2025)黔0115行初103号,行政诉讼,王五,某县公安局,行政处罚,某县人民法院,2025-09-15,一审,,,,,,,,2025-11-01,胜诉,,\n" +
	"(2025)黔0115行初104号,行政诉讼,赵六,某县公安局,行政处罚,某县人民法院,2025-09-15,一审,,,,,,,,,,,\n"

type summary struct {
	Rows      int `json:"rows"`
	Created   int `json:"created"`
	Updated   int `json:"updated"`
	Unchanged int `json:"unchanged"`
	Errors    []struct {
		Row     int    `json:"row"`
		Column  string `json:"column"`
		Message string `json:"message"`
	} `json:"errors"`
}

func TestImportJSON(t *testing.T) {
	useRedis(t)
	path := writeFile(t, "台账.csv", goodLedger)

	code, out, errOut := runCmd(t, "import", path, "--json")
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, errOut)
	}
	// Exactly the contract's shape, errors an empty array.
	if got, want := out, `{"rows":2,"created":2,"updated":0,"unchanged":0,"errors":[]}`+"\n"; got != want {
		t.Errorf("stdout\n got %s\nwant %s", got, want)
	}
	code, out, _ = runCmd(t, "import", "--json", path)
	if want := `{"rows":2,"created":0,"updated":0,"unchanged":2,"errors":[]}` + "\n"; code != 0 || out != want {
		t.Errorf("re-import: exit %d, stdout %s, want %s", code, out, want)
	}
}

func TestImportErrors(t *testing.T) {
	useRedis(t)
	path := writeFile(t, "bad.csv", badLedger)
	code, out, errOut := runCmd(t, "import", path, "--json")
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	var s summary
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatalf("stdout is not JSON: %v\n%s", err, out)
	}
	type e struct {
		Row    int
		Column string
	}
	var got []e
	for _, x := range s.Errors {
		got = append(got, e{x.Row, x.Column})
		if x.Message == "" {
			t.Errorf("row %d: empty message", x.Row)
		}
	}
	if diff := cmp.Diff([]e{{2, "立案日期"}, {3, "被告"}, {4, "结案方式"}}, got); diff != "" {
		t.Errorf("errors (-want,+got):\n%s", diff)
	}
	if s.Rows != 4 || s.Created != 0 {
		t.Errorf("rows %d created %d, want 4 and 0", s.Rows, s.Created)
	}
	if !strings.Contains(errOut, "未写入任何数据") {
		t.Errorf("stderr does not say nothing was written: %s", errOut)
	}
	code, out, _ = runCmd(t, "case", "(2025)黔0115行初104号")
	if code != 1 {
		t.Errorf("a valid case of a refused file was written: exit %d, %s", code, out)
	}

	// Human output lists every error on stderr, one per line.
	code, _, errOut = runCmd(t, "import", path)
	if code != 1 || !strings.Contains(errOut, "第 2 行「立案日期」") || !strings.Contains(errOut, "第 4 行「结案方式」") {
		t.Errorf("exit %d, stderr:\n%s", code, errOut)
	}

	code, out, errOut = runCmd(t, "import", path, "--skip-invalid", "--json")
	if code != 0 {
		t.Fatalf("--skip-invalid: exit %d, %s", code, errOut)
	}
	if err := json.Unmarshal([]byte(out), &s); err != nil || s.Created != 1 || len(s.Errors) != 3 {
		t.Errorf("--skip-invalid: %s", out)
	}
	if code, _, _ := runCmd(t, "case", "(2025)黔0115行初104号"); code != 0 {
		t.Errorf("--skip-invalid did not write the valid case")
	}
}

func TestExitCodes(t *testing.T) {
	useRedis(t)
	for _, tt := range []struct {
		args []string
		code int
		err  string
	}{
		{nil, 2, "用法"},
		{[]string{"nosuch"}, 2, "未知命令"},
		{[]string{"import"}, 2, "用法"},
		{[]string{"import", "a.csv", "--nosuch"}, 2, "nosuch"},
		{[]string{"import", "--undo", "a.csv"}, 2, "--undo"},
		{[]string{"import", "/nonexistent/台账.xlsx"}, 1, "找不到文件"},
		{[]string{"import", "--undo"}, 1, "没有可撤销的导入"},
		{[]string{"export"}, 2, "导出文件名"},
		{[]string{"export", "a.csv"}, 2, ".xlsx"},
		{[]string{"case"}, 2, "请给出案号"},
		{[]string{"case", "不是案号"}, 1, "不是有效的案号"},
		{[]string{"case", "(2025)黔0115行初999号"}, 1, "台账中没有案号 (2025)黔0115行初999号"},
		{[]string{"import", "--help"}, 0, "-dry-run"},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, _, errOut := runCmd(t, tt.args...)
			if code != tt.code || !strings.Contains(errOut, tt.err) {
				t.Errorf("exit %d, want %d; stderr %q, want it to contain %q", code, tt.code, errOut, tt.err)
			}
			if code == 1 && strings.Count(strings.TrimSpace(errOut), "\n") > 0 {
				t.Errorf("an error must be one line: %q", errOut)
			}
		})
	}
}

func TestCaseJSON(t *testing.T) {
	useRedis(t)
	if code, _, errOut := runCmd(t, "import", writeFile(t, "a.csv", goodLedger)); code != 0 {
		t.Fatalf("import: %s", errOut)
	}
	// Any writing of the number finds the case.
	for _, q := range []string{"（2025）黔0115行初101号", "(2025)黔0115行初101号", "( 2025 )黔0115 行初 101 号", "〔2025〕黔0115行初101号"} {
		code, out, errOut := runCmd(t, "case", q, "--json")
		if code != 0 {
			t.Errorf("case %s: exit %d, %s", q, code, errOut)
			continue
		}
		var c map[string]any
		if err := json.Unmarshal([]byte(out), &c); err != nil {
			t.Fatalf("case %s: %v", q, err)
		}
		if c["number"] != "(2025)黔0115行初101号" || c["cause"] != "行政处罚" {
			t.Errorf("case %s: number %v cause %v", q, c["number"], c["cause"])
		}
	}
	code, out, _ := runCmd(t, "case", "某府复〔2025〕41号")
	if code != 0 || !strings.Contains(out, "某县住房和城乡建设局") {
		t.Errorf("text output: exit %d\n%s", code, out)
	}
}

func TestExportThenImportUnchanged(t *testing.T) {
	useRedis(t)
	if code, _, errOut := runCmd(t, "import", writeFile(t, "a.csv", goodLedger)); code != 0 {
		t.Fatalf("import: %s", errOut)
	}
	path := filepath.Join(t.TempDir(), "导出.xlsx")
	code, out, errOut := runCmd(t, "export", path)
	if code != 0 || !strings.Contains(out, "已导出 2 件案件") {
		t.Fatalf("export: exit %d, %s %s", code, out, errOut)
	}
	code, out, errOut = runCmd(t, "import", path, "--json")
	if want := `{"rows":2,"created":0,"updated":0,"unchanged":2,"errors":[]}` + "\n"; code != 0 || out != want {
		t.Errorf("import of the export: exit %d, %s %s, want %s", code, out, errOut, want)
	}
}

func TestImportUndoAndDryRun(t *testing.T) {
	useRedis(t)
	first := writeFile(t, "a.csv", goodLedger)
	if code, _, errOut := runCmd(t, "import", first); code != 0 {
		t.Fatal(errOut)
	}
	moved := strings.Replace(goodLedger, "2099-11-20 09:30", "2099-11-27 09:30", 1)
	second := writeFile(t, "b.csv", moved)

	code, out, _ := runCmd(t, "import", second, "--dry-run")
	if code != 0 || !strings.Contains(out, "开庭改期 (2025)黔0115行初101号：2099-11-20 09:30 → 2099-11-27 09:30") || !strings.Contains(out, "试运行") {
		t.Errorf("dry run: exit %d\n%s", code, out)
	}
	if _, out, _ := runCmd(t, "case", "(2025)黔0115行初101号", "--json"); !strings.Contains(out, "2099-11-20T09:30:00+08:00") {
		t.Errorf("the dry run moved the hearing:\n%s", out)
	}
	if code, out, _ := runCmd(t, "import", second); code != 0 || !strings.Contains(out, "更新 1 件") {
		t.Errorf("import: exit %d\n%s", code, out)
	}
	if _, out, _ := runCmd(t, "case", "(2025)黔0115行初101号", "--json"); !strings.Contains(out, "2099-11-27T09:30:00+08:00") {
		t.Errorf("the import did not move the hearing:\n%s", out)
	}
	code, out, errOut := runCmd(t, "import", "--undo")
	if code != 0 || !strings.Contains(out, "已撤销") {
		t.Fatalf("undo: exit %d %s %s", code, out, errOut)
	}
	if _, out, _ := runCmd(t, "case", "(2025)黔0115行初101号", "--json"); !strings.Contains(out, "2099-11-20T09:30:00+08:00") {
		t.Errorf("undo did not restore the hearing:\n%s", out)
	}
}

// TestImportReplaceAndDelete: a plain import of a week's new cases keeps
// the others; --replace removes what the file leaves out (the 30% guard
// then applies); case --delete asks, removes one case, and both come back
// with import --undo.
func TestImportReplaceAndDelete(t *testing.T) {
	useRedis(t)
	if code, _, errOut := runCmd(t, "import", writeFile(t, "a.csv", goodLedger)); code != 0 {
		t.Fatal(errOut)
	}
	week := writeFile(t, "week.csv", ledgerHeader+
		"(2025)黔0115行初150号,行政诉讼,周某,某县公安局,行政处罚,某县人民法院,2025-11-03,一审,,,,,,,,,,,\n")
	if code, out, errOut := runCmd(t, "import", week); code != 0 || !strings.Contains(out, "新建 1 件") {
		t.Fatalf("a file of new cases only: exit %d\n%s%s", code, out, errOut)
	}
	if code, _, errOut := runCmd(t, "import", week, "--force"); code != 2 || !strings.Contains(errOut, "--replace") {
		t.Errorf("--force without --replace: exit %d %s", code, errOut)
	}
	// It leaves out 2 of 3 cases: refused with --replace, unless --force.
	code, _, errOut := runCmd(t, "import", week, "--replace")
	if code != 1 || !strings.Contains(errOut, "文件未提及其中 2 件") {
		t.Errorf("--replace: exit %d %s", code, errOut)
	}
	code, out, errOut := runCmd(t, "import", week, "--replace", "--force", "--dry-run")
	if code != 0 || !strings.Contains(out, "将删除文件未提及的 2 件") || !strings.Contains(out, "将删除 某府复〔2025〕41号（文件未提及）") {
		t.Errorf("--replace --dry-run: exit %d\n%s%s", code, out, errOut)
	}
	if code, out, _ := runCmd(t, "import", week, "--replace", "--force", "--json"); code != 0 || !strings.Contains(out, `"removed":2`) {
		t.Errorf("--replace --force: exit %d %s", code, out)
	}
	if code, _, _ := runCmd(t, "case", "(2025)黔0115行初101号"); code != 1 {
		t.Errorf("a replaced-away case is still there")
	}
	if code, out, _ := runCmd(t, "import", "--undo"); code != 0 || !strings.Contains(out, "其中 2 件是按 --replace 删除的") {
		t.Errorf("undo of the replace: exit %d %s", code, out)
	}

	// Delete: not without a yes.
	code, out, errOut = runCmd(t, "case", "(2025)黔0115行初101号", "--delete")
	if code != 1 || !strings.Contains(out, "将删除案件 (2025)黔0115行初101号") || !strings.Contains(errOut, "未删除") {
		t.Errorf("delete without confirmation: exit %d\n%s%s", code, out, errOut)
	}
	var outb, errb bytes.Buffer
	if code := run([]string{"case", "(2025)黔0115行初101号", "--delete"}, strings.NewReader("是\n"), &outb, &errb); code != 0 || !strings.Contains(outb.String(), "已删除") {
		t.Fatalf("delete confirmed: exit %d\n%s%s", code, outb.String(), errb.String())
	}
	if code, _, errOut := runCmd(t, "case", "(2025)黔0115行初101号"); code != 1 || !strings.Contains(errOut, "台账中没有") {
		t.Errorf("after delete: exit %d %s", code, errOut)
	}
	if code, out, _ := runCmd(t, "audit", "--json"); code != 0 || !strings.Contains(out, "删除案件 (2025)黔0115行初101号") {
		t.Errorf("the deletion is not audited:\n%s", out)
	}
	if code, out, _ := runCmd(t, "import", "--undo"); code != 0 || !strings.Contains(out, "已撤销") || !strings.Contains(out, "删除") {
		t.Errorf("undo of the delete: exit %d %s", code, out)
	}
	if code, out, _ := runCmd(t, "case", "(2025)黔0115行初101号"); code != 0 || !strings.Contains(out, "张三") {
		t.Errorf("after undo: exit %d %s", code, out)
	}
}

// TestCaseFindsAsChatDoes: casebot case reads what chat reads (a number
// without brackets, a short number, a party's name) and, not found,
// names the nearest numbers.
func TestCaseFindsAsChatDoes(t *testing.T) {
	useRedis(t)
	t.Setenv("CASEBOT_QUERY_COURTS", "黔0115")
	if code, _, errOut := runCmd(t, "import", writeFile(t, "a.csv", goodLedger)); code != 0 {
		t.Fatal(errOut)
	}
	for _, q := range []string{"2025黔0115行初101号", "2025行初101", "张三"} {
		if code, out, errOut := runCmd(t, "case", q, "--now", "2025-12-01T09:00:00+08:00"); code != 0 || !strings.Contains(out, "(2025)黔0115行初101号") {
			t.Errorf("case %s: exit %d\n%s%s", q, code, out, errOut)
		}
	}
	code, _, errOut := runCmd(t, "case", "(2025)黔0115行初110号")
	if code != 1 || !strings.Contains(errOut, "台账中没有案号 (2025)黔0115行初110号；相近的案号：(2025)黔0115行初101号") {
		t.Errorf("a typo: exit %d %s", code, errOut)
	}
	code, _, errOut = runCmd(t, "case", "行初101", "--now", "2026-01-05T09:00:00+08:00")
	if code != 1 || !strings.Contains(errOut, "相近的案号：(2025)黔0115行初101号") {
		t.Errorf("a short number of last year: exit %d %s", code, errOut)
	}
	code, _, errOut = runCmd(t, "case", "张四")
	if code != 1 || !strings.Contains(errOut, "台账中也没有叫“张四”的当事人；相近的当事人：张三") {
		t.Errorf("an unknown party: exit %d %s", code, errOut)
	}
}

// TestClearChineseErrors: Redis unreachable names the address and how to
// start one; --config works before the command; export never overwrites
// a file without --force.
func TestClearChineseErrors(t *testing.T) {
	t.Setenv("CASEBOT_CONFIG", "")
	t.Setenv("CASEBOT_REDIS_ADDR", "127.0.0.1:1")
	code, _, errOut := runCmd(t, "case", "(2025)黔0115行初1号")
	if code != 1 || !strings.Contains(errOut, "无法连接 Redis（127.0.0.1:1）") || !strings.Contains(errOut, "redis-server") || strings.Count(errOut, "\n") != 1 {
		t.Errorf("Redis down: exit %d %q", code, errOut)
	}
	cfg := writeFile(t, "casebot.yaml", "redis:\n  adr: 127.0.0.1:6379\n")
	for _, args := range [][]string{{"--config", cfg, "case", "(2025)黔0115行初1号"}, {"case", "--config=" + cfg, "(2025)黔0115行初1号"}} {
		if code, _, errOut := runCmd(t, args...); code != 1 || !strings.Contains(errOut, "是不是 redis.addr") {
			t.Errorf("%v: exit %d %q", args, code, errOut)
		}
	}
	useRedis(t)
	path := writeFile(t, "台账.xlsx", "old")
	if code, _, errOut := runCmd(t, "export", path); code != 1 || !strings.Contains(errOut, "已存在，未覆盖") {
		t.Errorf("export over a file: exit %d %q", code, errOut)
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Error("export overwrote the file")
	}
	if code, out, errOut := runCmd(t, "export", path, "--force"); code != 0 || !strings.Contains(out, "已导出") {
		t.Errorf("export --force: exit %d %s%s", code, out, errOut)
	}
}
