package explain

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/cases"
)

var (
	pufa  = audit.Entry{User: "pufa1", Name: "普法甲", Role: "pufa"}
	staff = audit.Entry{User: "staff1", Name: "专班乙", Role: "staff"}
)

func (e *env) offlineDraft() *Draft {
	e.t.Helper()
	c, err := e.st.Get(context.Background(), number)
	if err != nil {
		e.t.Fatal(err)
	}
	return e.generate(c, true)
}

func (e *env) list(s State) []string {
	e.t.Helper()
	ls, err := e.svc.List(context.Background(), s, 0)
	if err != nil {
		e.t.Fatal(err)
	}
	var out []string
	for _, l := range ls {
		out = append(out, member(l.Number, l.Version))
	}
	return out
}

func userError(t *testing.T, err error, want string) {
	t.Helper()
	var ue *bot.Error
	if !errors.As(err, &ue) || !strings.Contains(ue.Message, want) {
		t.Errorf("error %v, want a user error saying %q", err, want)
	}
}

func TestReviewAndPublish(t *testing.T) {
	e := newEnv(t, false, nil)
	ctx := context.Background()
	e.offlineDraft()
	if diff := cmp.Diff([]string{number + "#1"}, e.list(StateDraft)); diff != "" {
		t.Errorf("待审核 (-want,+got):\n%s", diff)
	}
	// Publishing before review is refused, and so is a return without a note.
	_, err := e.svc.Publish(ctx, number, 0, pufa)
	userError(t, err, "须先审核通过才能发布")
	_, err = e.svc.Return(ctx, number, 0, pufa, "  ")
	userError(t, err, "请写明退回意见")

	// Returned with a note; a new version answers it and awaits review.
	e.now = e.now.Add(time.Hour)
	rv, err := e.svc.Return(ctx, number, 1, pufa, "争议焦点归纳不准，请对照判决书重写")
	if err != nil {
		t.Fatal(err)
	}
	if rv.State != StateReturned || rv.Last().Note != "争议焦点归纳不准，请对照判决书重写" || rv.Last().By != "pufa1" || !rv.Last().At.Equal(e.now) {
		t.Errorf("review = %+v", rv)
	}
	if got := e.list(StateReturned); len(got) != 1 {
		t.Errorf("已退回 = %v", got)
	}
	ls, _ := e.svc.List(ctx, StateReturned, 0)
	if ls[0].Note != "争议焦点归纳不准，请对照判决书重写" || ls[0].Title == "" {
		t.Errorf("listed %+v", ls[0])
	}
	e.now = e.now.Add(time.Hour)
	e.offlineDraft()
	if got, want := e.list(StateDraft), []string{number + "#2"}; !cmp.Equal(got, want) {
		t.Errorf("待审核 = %v, want %v", got, want)
	}
	if got := e.list(StateReturned); len(got) != 0 {
		t.Errorf("the returned version is still listed: %v", got)
	}
	if rv, _ := e.svc.ReviewOf(ctx, number, 1); rv.State != StateReturned {
		t.Errorf("version 1 is %s", rv.State)
	}

	// Approved, then published; published is final.
	e.now = e.now.Add(time.Hour)
	if _, err := e.svc.Approve(ctx, number, 0, staff, ""); err != nil {
		t.Fatal(err)
	}
	_, err = e.svc.Approve(ctx, number, 2, staff, "")
	userError(t, err, "已经是“已审核”状态")
	if got := e.list(StateApproved); !cmp.Equal(got, []string{number + "#2"}) {
		t.Errorf("已审核 = %v", got)
	}
	e.now = e.now.Add(time.Hour)
	rv, err = e.svc.Publish(ctx, number, 2, pufa)
	if err != nil {
		t.Fatal(err)
	}
	if rv.State != StatePublished || len(rv.History) != 2 {
		t.Errorf("review = %+v", rv)
	}
	_, err = e.svc.Return(ctx, number, 2, pufa, "再改改")
	userError(t, err, "已发布，不能再退回")
	if got := e.list(StatePublished); !cmp.Equal(got, []string{number + "#2"}) || len(e.list(StateApproved)) != 0 {
		t.Errorf("已发布 = %v, 已审核 = %v", got, e.list(StateApproved))
	}
	_, err = e.svc.Approve(ctx, number, 5, pufa, "")
	userError(t, err, "只有 2 版草稿，没有第 5 版")

	// Every change is audited with who and when.
	entries, _ := e.svc.Audit.List(ctx, audit.Filter{})
	var got []string
	for _, en := range entries {
		if en.Kind == "explain-review" {
			got = append(got, en.User+" "+en.Text+" "+en.Detail+" "+en.At.In(cst).Format("15:04"))
		}
	}
	want := []string{
		"pufa1 退回：争议焦点归纳不准，请对照判决书重写 第 1 版：草稿 → 已退回 16:00",
		"staff1 审核通过 第 2 版：草稿 → 已审核 18:00",
		"pufa1 发布 第 2 版：已审核 → 已发布 19:00",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("audit (-want,+got):\n%s", diff)
	}
}

// A newer version replaces an unreviewed one in the list, which may still
// be approved if the reviewer prefers it.
func TestSupersededDraft(t *testing.T) {
	e := newEnv(t, false, nil)
	ctx := context.Background()
	e.offlineDraft()
	e.offlineDraft()
	if got := e.list(StateDraft); !cmp.Equal(got, []string{number + "#2"}) {
		t.Errorf("待审核 = %v", got)
	}
	rv, _ := e.svc.ReviewOf(ctx, number, 1)
	if rv.State != StateSuperseded {
		t.Errorf("version 1 is %s", rv.State)
	}
	if _, err := e.svc.Approve(ctx, number, 1, pufa, "第一版更好"); err != nil {
		t.Fatal(err)
	}
	if got := e.list(StateApproved); !cmp.Equal(got, []string{number + "#1"}) {
		t.Errorf("已审核 = %v", got)
	}
}

func TestExport(t *testing.T) {
	e := newEnv(t, false, nil)
	ctx := context.Background()
	c := e.corpusCase("d01_county_first_revoke.txt")
	e.generate(c, true)
	_, _, err := e.svc.Export(ctx, c.Number, 0)
	userError(t, err, "还没有审核通过的以案说法草稿（最新的第 1 版为“草稿”）")
	if _, err := e.svc.Approve(ctx, c.Number, 1, pufa, ""); err != nil {
		t.Fatal(err)
	}
	e.generate(c, true) // version 2, unreviewed: the export takes version 1
	b, d, err := e.svc.Export(ctx, c.Number, 0)
	if err != nil {
		t.Fatal(err)
	}
	if d.Version != 1 {
		t.Errorf("exported version %d, want the approved 1", d.Version)
	}
	_, _, err = e.svc.Export(ctx, c.Number, 2)
	userError(t, err, "第 2 版草稿当前为“草稿”，须审核通过后才能导出")

	text := docxText(t, b)
	title := Title(d.Body)
	for _, want := range []string{title, "【要点】", "基本案情", "来源：司法局（根据贵州省青山县人民法院行政判决书整理）"} {
		if !strings.Contains(text, want) {
			t.Errorf("the document lacks %q", want)
		}
	}
	for _, bad := range []string{"##", "草稿（第", "须经人工审核", "<font", "杨德明"} {
		if strings.Contains(text, bad) {
			t.Errorf("the document holds %q", bad)
		}
	}
	if testing.Short() {
		return
	}
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("libreoffice not installed: the .docx is not opened by an office suite")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "以案说法.docx")
	os.WriteFile(path, b, 0o644)
	out, err := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+dir+"/profile", "--convert-to", "txt:Text", "--outdir", dir, path).CombinedOutput()
	if err != nil {
		t.Fatalf("libreoffice: %v\n%s", err, out)
	}
	converted, err := os.ReadFile(filepath.Join(dir, "以案说法.txt"))
	if err != nil {
		t.Fatalf("libreoffice wrote nothing: %s", out)
	}
	for _, want := range []string{title, "来源：司法局"} {
		if !strings.Contains(string(converted), want) {
			t.Errorf("libreoffice's reading lacks %q:\n%s", want, converted)
		}
	}
}

// docxText checks that every part is well-formed XML and returns the text
// of the paragraphs.
func docxText(t *testing.T, b []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	names := map[string]bool{}
	for _, f := range zr.File {
		names[f.Name] = true
		rc, _ := f.Open()
		dec := xml.NewDecoder(rc)
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s is not well-formed: %v", f.Name, err)
			}
			if cd, ok := tok.(xml.CharData); ok && f.Name == "word/document.xml" {
				text.Write(cd)
				text.WriteString("\n")
			}
		}
		rc.Close()
	}
	for _, n := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml"} {
		if !names[n] {
			t.Errorf("part %s missing", n)
		}
	}
	return text.String()
}

func TestCandidates(t *testing.T) {
	e := newEnv(t, false, nil)
	ctx := context.Background()
	put := func(n, agency string, method cases.Outcome, closed string) {
		num := cases.MustParseNumber(n)
		c := &cases.Case{Number: num.String(), Kind: num.Kind(), Stage: num.Stage(), Plaintiffs: []cases.Party{cases.NewParty("王五")},
			Defendants: []string{agency}, Cause: "行政处罚", Closure: &cases.Closure{On: at(closed), Method: method}}
		if err := e.st.Put(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	put("(2025)黔0115行初1号", "某县市场监督管理局", cases.JudgmentDismissClaims, "2025-09-01 10:00")
	put("(2025)黔0115行初2号", "某县公安局", cases.JudgmentIllegal, "2025-08-01 10:00")
	put("(2025)黔0115行初3号", "某县市场监督管理局", cases.JudgmentRevoke, "2025-09-20 10:00")
	put("某府复决字〔2025〕4号", "某县公安局", cases.ReconRevoke, "2025-09-10 10:00")
	put("(2025)黔0115行初5号", "某县公安局", cases.WithdrawalAfterCorrection, "2025-09-05 10:00")
	put("(2025)黔0115行初6号", "某县公安局", cases.JudgmentRevoke, "2024-01-05 10:00") // too old
	put("(2025)黔0115行审7号", "某县公安局", cases.EnforcementAllowed, "2025-09-05 10:00")
	c := e.corpusCase("d04_county_first_dismiss_claims.txt") // closed 2025-09-15, with its decision
	e.generate(c, true)

	got, err := e.svc.Candidates(ctx, e.now, 180*24*time.Hour, 0)
	if err != nil {
		t.Fatal(err)
	}
	var rows []string
	for _, c := range got {
		rows = append(rows, strings.Join([]string{c.Number, c.Class, boolWord(c.HasDecision), string(c.State)}, " "))
	}
	want := []string{
		// 败诉 and 纠错 first, grouped by agency, the newest first.
		"某府复决字〔2025〕4号 复议纠错 无 ",
		"(2025)黔0115行初2号 行政机关败诉 无 ",
		"(2025)黔0115行初3号 行政机关败诉 无 ",
		"(2025)黔0115行初88号 行政机关败诉 无 ",
		// then the agency's own correction, then the rest.
		"(2025)黔0115行初5号 被告改变行政行为后原告撤诉 无 ",
		"(2025)黔0115行初1号 行政机关未败诉 无 ",
		"(2025)川0182行初17号 行政机关未败诉 有 草稿",
	}
	if diff := cmp.Diff(want, rows); diff != "" {
		t.Errorf("candidates (-want,+got):\n%s", diff)
	}
}

func boolWord(b bool) string {
	if b {
		return "有"
	}
	return "无"
}
