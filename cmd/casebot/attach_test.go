package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"casebot/bot/cases"
	"casebot/bot/decision"
	"casebot/bot/explain"
	"casebot/bot/store"
)

const decisionFiles = "../../bot/decision/testdata"

// attachStore adds to explainStore's ledger the closed case the corpus's
// first decision decides.
func attachStore(t *testing.T) *store.Store {
	t.Helper()
	st := explainStore(t)
	loc, _ := time.LoadLocation("Asia/Shanghai")
	c := &cases.Case{Number: "(2025)黔0122行初45号", Kind: cases.Litigation, Stage: cases.StageFirst,
		Plaintiffs: []cases.Party{cases.NewParty("杨德明")}, Defendants: []string{"青山县公安局"}, Cause: "治安管理行政处罚",
		Court: "贵州省青山县人民法院", FiledOn: time.Date(2025, 3, 3, 0, 0, 0, 0, loc),
		Closure: &cases.Closure{On: time.Date(2025, 6, 12, 0, 0, 0, 0, loc), Method: cases.JudgmentRevoke, Reason: "未告知陈述申辩权利"}}
	if err := st.Put(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	return st
}

func TestAttachCommand(t *testing.T) {
	st := attachStore(t)
	pdf := filepath.Join(decisionFiles, "files/d01_libreoffice.pdf")
	code, out, errs := explainCLI(t, "", "attach", pdf)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"已将“d01_libreoffice.pdf”关联到案件 (2025)黔0122行初45号", "贵州省青山县人民法院行政判决书（3 页",
		"被诉行为文号 青公（治）行罚决字〔2025〕123号", "引用法条 5 条", "原文件未保存"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	a, err := decision.NewStore(st.Client(), st.Keys()).Get(context.Background(), "(2025)黔0122行初45号")
	if err != nil || a.AttachedBy != "cli" || a.Format != decision.FormatPDF {
		t.Fatalf("stored %+v, %v", a, err)
	}
	if code, out, _ := explainCLI(t, "", "attach", "(2025)黔0122行初45号", pdf); code != 0 || !strings.Contains(out, "内容没有变化，未作修改") {
		t.Errorf("again: exit %d\n%s", code, out)
	}
}

func TestAttachCommandErrors(t *testing.T) {
	st := attachStore(t)
	corpus := filepath.Join(decisionFiles, "corpus")
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"attach"}, 2, "请给出文书文件"},
		{[]string{"attach", "/nonexistent/判决书.pdf"}, 1, "无法读取文件 /nonexistent/判决书.pdf"},
		{[]string{"attach", filepath.Join(decisionFiles, "files/scanned.pdf")}, 1, "没有文字层"},
		{[]string{"attach", filepath.Join(decisionFiles, "files/photo.pdf")}, 1, "PNG 图片"},
		{[]string{"attach", "(2025)黔0115行初88号", filepath.Join(corpus, "d01_county_first_revoke.txt")}, 1, "与您给出的 (2025)黔0115行初88号 不一致"},
		{[]string{"attach", filepath.Join(corpus, "d04_county_first_dismiss_claims.txt")}, 1, "文书的案号 (2025)川0182行初17号 不在台账中"},
		{[]string{"attach", "(2025)黔0115行初999号", filepath.Join(corpus, "d01_county_first_revoke.txt")}, 1, "台账中没有案号 (2025)黔0115行初999号"},
	}
	for _, tt := range tests {
		code, out, errs := explainCLI(t, "", tt.args...)
		if code != tt.code || !strings.Contains(errs, tt.want) || out != "" {
			t.Errorf("%v: exit %d, stderr %q, stdout %q; want exit %d saying %q", tt.args, code, errs, out, tt.code, tt.want)
		}
		if tt.code == 1 && strings.Count(strings.TrimSpace(errs), "\n") > 0 {
			t.Errorf("%v: error on several lines: %q", tt.args, errs)
		}
	}
	// Nothing was attached by any of them.
	for _, n := range []string{"(2025)黔0122行初45号", "(2025)黔0115行初88号"} {
		if _, err := decision.NewStore(st.Client(), st.Keys()).Get(context.Background(), n); err == nil {
			t.Errorf("%s got a decision", n)
		}
	}
	// --force attaches the mismatched one, and says so in the audit.
	if code, _, errs := explainCLI(t, "", "attach", "--force", "(2025)黔0115行初88号", filepath.Join(corpus, "d01_county_first_revoke.txt")); code != 0 {
		t.Errorf("--force: exit %d %s", code, errs)
	}
}

func TestExplainReviewCommands(t *testing.T) {
	attachStore(t)
	t.Setenv("CASEBOT_LLM_BASE_URL", "")
	const n = "(2025)黔0122行初45号"
	if code, _, errs := explainCLI(t, "", "attach", filepath.Join(decisionFiles, "files/d07.docx")); code != 1 || !strings.Contains(errs, "不在台账中") {
		t.Errorf("attach of another case's decision: %d %s", code, errs)
	}
	if code, _, errs := explainCLI(t, "", "attach", n, filepath.Join(decisionFiles, "corpus/d01_county_first_revoke.txt")); code != 0 {
		t.Fatalf("attach: %s", errs)
	}
	code, out, errs := explainCLI(t, "", "explain", n, "--offline")
	if code != 0 {
		t.Fatalf("explain: exit %d %s", code, errs)
	}
	if !strings.Contains(out, "依据：贵州省青山县人民法院行政判决书") || !strings.Contains(out, "（以下摘自行政判决书“判决主文”部分）") || strings.Contains(out, "杨德明") {
		t.Errorf("draft:\n%s", out)
	}
	dir := t.TempDir()
	docx := filepath.Join(dir, "以案说法.docx")
	steps := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"explain", n, "--export", docx}, 1, "还没有审核通过的以案说法草稿"},
		{[]string{"explain", "--list", "待审核"}, 0, "待审核的以案说法（1 篇）：\n  (2025)黔0122行初45号 第 1 版"},
		{[]string{"explain", n, "--return", "请补充争议焦点", "--as", "pufa1"}, 0, "第 1 版以案说法：草稿 → 已退回（pufa1，"},
		{[]string{"explain", "--list", "已退回"}, 0, "意见：请补充争议焦点"},
		{[]string{"explain", n, "--approve"}, 0, "已退回 → 已审核（cli，"},
		{[]string{"explain", n, "--export", filepath.Join(dir, "x.doc")}, 2, "应以 .docx 结尾"},
		{[]string{"explain", n, "--export", docx}, 0, "已将案件 (2025)黔0122行初45号 第 1 版以案说法（已审核）导出为 " + docx},
		{[]string{"explain", n, "--publish", "--approve"}, 2, "一次只能用一个"},
		{[]string{"explain", n, "--publish"}, 0, "已审核 → 已发布"},
		{[]string{"explain", n, "--return", "再改"}, 1, "第 1 版已发布，不能再退回"},
		{[]string{"explain", "--list", "草稿箱"}, 1, "审核状态“草稿箱”无法识别"},
		{[]string{"explain", "--list", "已审核"}, 0, "目前没有已审核的以案说法草稿"},
	}
	for _, s := range steps {
		code, out, errs := explainCLI(t, "", s.args...)
		if code != s.code || !strings.Contains(out+errs, s.want) {
			t.Errorf("%v: exit %d\nstdout %s\nstderr %s\nwant exit %d with %q", s.args, code, out, errs, s.code, s.want)
		}
	}
	if fi, err := os.Stat(docx); err != nil || fi.Size() < 2000 {
		t.Errorf("exported file: %v", err)
	}
}

func TestExplainCandidatesCommand(t *testing.T) {
	attachStore(t)
	code, out, errs := explainCLI(t, "", "explain", "--candidates", "--days", "3650")
	if code != 0 {
		t.Fatalf("exit %d %s", code, errs)
	}
	// Both closed cases were lost (撤销, 确认违法); they are listed by agency.
	for _, want := range []string{"结案、可写成以案说法的案件（2 件", "(2025)黔0122行初45号｜行政机关败诉｜青山县公安局", "(2025)黔0115行初88号｜行政机关败诉｜某县自然资源局", "未关联文书｜尚无草稿"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = explainCLI(t, "", "explain", "--candidates", "--days", "3650", "--json")
	var cs []explain.Candidate
	if code != 0 || json.Unmarshal([]byte(out), &cs) != nil || len(cs) != 2 {
		t.Errorf("--json: exit %d\n%s", code, out)
	}
}
