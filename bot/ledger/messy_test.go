package ledger

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"casebot/bot/cases"
)

// messyHeader is a header as bureaus lay their own 台账 out: a 序号 first,
// the columns in their own order and names.
var messyHeader = []string{"序号", "案号", "原告", "被告", "案由", "审级", "开庭时间", "开庭地点", "出庭负责人", "负责人职务", "结案方式", "备注"}

// TestMessyLedger reads a 台账 the way a 专班 keeps it: a title row, a 序号
// column, a co-defendant after a full-width comma, a 案号 without
// brackets, a stage the 案号 contradicts, a weekday after the time, a
// date without its year, the second hearing of a case on the row below
// with its case columns (案号 too) and its 出庭负责人 left blank for "as
// above" and its own 备注, a row with only a 序号, a blank row, and the
// footnotes under the table. Nothing of it is an error.
func TestMessyLedger(t *testing.T) {
	data := xlsxFile(t,
		[]any{"某县2026年度行政应诉案件台账（截至12月1日）"},
		anyRow(messyHeader),
		anyRow([]string{"1", "2026黔0115行初203号", "李某", "某县市场监管局，某镇人民政府", "行政处罚", "二审",
			"2026年12月3日 上午9:30（星期四）", "第三法庭", "王某", "副局长", "", "首次开庭"}),
		anyRow([]string{"", "", "", "", "", "", "12月17日 下午2:30", "", "", "", "", "二次开庭，原告申请延期后改定"}),
		anyRow([]string{"2", "(2026)黔0115行初204号", "某某砂石有限公司", "某县自然资源局", "行政许可", "一审",
			"2026-12-10 09:00", "第一法庭", "赵某", "局长", "", ""}),
		anyRow([]string{"3"}),
		anyRow([]string{"", "", "", "", "", "", "", "", "", "", "", ""}),
		anyRow([]string{"注：1.本表所列案件均为虚构示例，2.开庭时间以法院传票为准。"}),
		anyRow([]string{"制表人：张某", "", "", "审核人：刘某"}),
	)
	l, err := Read("台账.xlsx", data, ReadOptions{Location: shanghai, Now: at("2026-12-01 10:00")})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range l.Errors {
		t.Errorf("unexpected error: %s", e)
	}
	if len(l.Entries) != 2 {
		t.Fatalf("%d cases, want 2", len(l.Entries))
	}
	got := l.Entries[0].Case
	want := &cases.Case{
		Number: "(2026)黔0115行初203号", Kind: cases.Litigation, Stage: cases.StageFirst,
		Plaintiffs: []cases.Party{{Name: "李某", Natural: true}},
		Defendants: []string{"某县市场监管局", "某镇人民政府"}, Cause: "行政处罚",
		Note: "首次开庭；二次开庭，原告申请延期后改定",
		Hearings: []cases.Hearing{
			{At: at("2026-12-03 09:30"), Place: "第三法庭", Head: "王某", HeadPost: "副局长"},
			{At: at("2026-12-17 14:30"), Place: "第三法庭", Head: "王某", HeadPost: "副局长"},
		},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("case 203 (-want,+got):\n%s", diff)
	}
	if rows := l.Entries[0].Rows; !cmp.Equal(rows, []int{3, 4}) {
		t.Errorf("case 203 rows %v, want [3 4]", rows)
	}
	// Each thing read other than as written is told once.
	joined := strings.Join(l.Notices, "\n")
	for _, want := range []string{
		"已跳过 3 行不是案件的行", "第 6 行（只有序号）", "第 8 行（表注“注：1.本表所列案件均为…”）", "第 9 行（表注“制表人：张某”）",
		"1 行案号为空但填写了开庭时间，按“同上”读作上一行的案件：第 4 行（2026黔0115行初203号）",
		"1 处日期没有写年份", "第 4 行「开庭时间」“12月17日 下午2:30”读作 2026-12-17 14:30",
		"1 行审理阶段与案号不符，已按案号更正：第 3 行写作“二审”，按案号 (2026)黔0115行初203号 读作一审",
	} {
		if !strings.Contains(joined, want) {
			t.Errorf("notices lack %q:\n%s", want, joined)
		}
	}
	if len(l.Notices) != 4 {
		t.Errorf("%d notices, want 4 (one per kind):\n%s", len(l.Notices), joined)
	}
}

// TestMessyLedgerStillErrs: what is forgiven stops where a guess begins.
// A bare 驳回 names its two meanings; a row with case content but no 案号
// and no hearing time (nothing says it continues the case above) is an
// error, not a skipped footnote.
func TestMessyLedgerStillErrs(t *testing.T) {
	h := append(append([]string(nil), messyHeader...), "结案日期")
	data := csvFile(t, h,
		[]string{"1", "(2026)黔0115行初210号", "李某", "某县公安局", "行政处罚", "", "", "", "", "", "驳回", "", "2026-11-20"},
		[]string{"2", "", "王某", "某县公安局", "行政处罚", "", "", "", "", "", "", "", ""},
	)
	l := mustRead(t, "a.csv", data)
	got := errorsOf(l.Errors)
	if len(got) != 2 {
		t.Fatalf("errors %v, want 2", got)
	}
	if got[0].Row != 2 || got[0].Column != "结案方式" || !strings.Contains(got[0].Message, "判决驳回诉讼请求 或 裁定驳回起诉") {
		t.Errorf("驳回: %+v", got[0])
	}
	if got[1].Row != 3 || got[1].Column != "案号" || got[1].Message != "缺少案号" {
		t.Errorf("no 案号: %+v", got[1])
	}
}

func anyRow(cells []string) []any {
	out := make([]any, len(cells))
	for i, c := range cells {
		out[i] = c
	}
	return out
}

// TestDryRunShowsHowFieldsWereRead: the dry run of a messy file lists each
// changed field, and each date or time not written in the template's
// form with the cell as written.
func TestDryRunShowsHowFieldsWereRead(t *testing.T) {
	st := newStore(t)
	first := csvFile(t, []string{"案号", "被告", "案由", "开庭时间"},
		[]string{"(2026)黔0115行初203号", "某县市场监督管理局", "行政处罚", "2026-12-03 09:30"})
	mustImport(t, st, "a.csv", first, Options{Now: at("2026-12-01 10:00")})
	next := csvFile(t, []string{"案号", "被告", "案由", "开庭时间", "立案日期"},
		[]string{"2026黔0115行初203号", "某县市场监管局", "行政强制", "12月10日 下午2:30（星期四）", "2026年11月2日"})
	l, err := Read("b.csv", next, ReadOptions{Location: shanghai, Now: at("2026-12-01 10:00")})
	if err != nil {
		t.Fatal(err)
	}
	res, err := Import(t.Context(), st, l, Options{DryRun: true, Now: at("2026-12-01 10:00")})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range res.Fields {
		got = append(got, f.String())
	}
	want := []string{
		"(2026)黔0115行初203号 第 2 行「案由」：行政处罚 → 行政强制",
		"(2026)黔0115行初203号 第 2 行「立案日期」：2026-11-02（原文“2026年11月2日”）",
		"(2026)黔0115行初203号 第 2 行「开庭时间」：2026-12-10 14:30（原文“12月10日 下午2:30（星期四）”）",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("fields (-want,+got):\n%s", diff)
	}
}
