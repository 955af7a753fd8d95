package ledger

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"casebot/bot/cases"
)

// fullRow fills every column of the template.
var fullRow = map[field]string{
	fNumber: "（2025）黔0115行初1号", fKind: "行政诉讼", fPlaintiffs: "张三、某某建材有限公司",
	fDefendants: "某县公安局；某镇人民政府", fCause: "行政处罚", fCourt: "某县人民法院", fFiledOn: "2025-10-01",
	fStage: "一审", fHearingAt: "2025-11-20 09:30", fPlace: "第一法庭", fMustAppear: "是", fHead: "孙强",
	fHeadPost: "副局长", fHandler: "周洁", fHeadAppeared: "是", fClosedOn: "2025年11月25日",
	fOutcome: "撤销", fReason: "程序违法", fNote: "虚构案例",
}

func TestReadFullRow(t *testing.T) {
	l := mustClean(t, "a.csv", csvFile(t, header(), row(fullRow)))
	yes := true
	want := &cases.Case{
		Number: "(2025)黔0115行初1号", Kind: cases.Litigation,
		Plaintiffs: []cases.Party{{Name: "张三", Natural: true}, {Name: "某某建材有限公司"}},
		Defendants: []string{"某县公安局", "某镇人民政府"}, Cause: "行政处罚", Court: "某县人民法院",
		FiledOn: at("2025-10-01"), Stage: cases.StageFirst, Handler: "周洁", Note: "虚构案例",
		Hearings: []cases.Hearing{{At: at("2025-11-20 09:30"), Place: "第一法庭", MustAppear: true, Head: "孙强",
			HeadPost: "副局长", HeadAppeared: &yes}},
		Closure: &cases.Closure{On: at("2025-11-25"), Method: cases.JudgmentRevoke, Reason: "程序违法"},
	}
	if len(l.Entries) != 1 || l.Rows != 1 {
		t.Fatalf("entries %d rows %d, want 1 and 1", len(l.Entries), l.Rows)
	}
	if diff := cmp.Diff(want, l.Entries[0].Case); diff != "" {
		t.Errorf("case (-want,+got):\n%s", diff)
	}
}

// TestHeaderAliases reads the full row under every header and alias of
// every column, and with the decorations people add to headers: each must
// give the same case as the template's own headers.
func TestHeaderAliases(t *testing.T) {
	want := mustClean(t, "base.csv", csvFile(t, header(), row(fullRow))).Entries[0].Case
	check := func(t *testing.T, h []string) {
		t.Helper()
		l := mustClean(t, "alias.csv", csvFile(t, h, row(fullRow)))
		if diff := cmp.Diff(want, l.Entries[0].Case); diff != "" {
			t.Errorf("headers %v (-want,+got):\n%s", h, diff)
		}
	}
	n := 0
	for f, c := range columns {
		for _, alias := range append([]string{c.header}, c.aliases...) {
			t.Run(alias, func(t *testing.T) {
				h := header()
				h[f] = alias
				check(t, h)
			})
			n++
		}
	}
	// The contract's aliases are among them.
	for _, a := range []string{"申请人", "原告(申请人)", "被申请人", "被诉机关", "复议机关", "审级"} {
		if _, ok := lookupHeader(a); !ok {
			t.Errorf("contract alias %s is not accepted", a)
		}
	}
	t.Run("Decorated", func(t *testing.T) {
		h := header()
		h[fNumber] = "*案号（必填）"
		h[fPlaintiffs] = "原告（申请人）"
		h[fDefendants] = " 被告\n(被申请人) "
		h[fCourt] = "承办法院/复议机关"
		h[fHeadAppeared] = "负责人是否出庭："
		check(t, h)
	})
	t.Logf("%d headers checked", n)
}

func TestReadUnknownColumnsAndTitleRows(t *testing.T) {
	data := csvFile(t,
		[]string{"某县行政应诉案件台账（2025年）"},
		[]string{"序号", "案号", "被告", "联系电话"},
		[]string{"1", "(2025)黔0115行初2号", "某县公安局", "12345"},
	)
	l := mustClean(t, "a.csv", data)
	if got, want := l.Entries[0].Rows, []int{3}; !cmp.Equal(got, want) {
		t.Errorf("rows %v, want %v (Excel numbering, after the title row)", got, want)
	}
	if diff := cmp.Diff([]string{"以下列不在台账模板中，未导入：联系电话"}, l.Notices); diff != "" {
		t.Errorf("notices (-want,+got):\n%s", diff)
	}
}

func TestParseTime(t *testing.T) {
	for _, tt := range []struct {
		in      string
		want    time.Time
		hasTime bool
	}{
		// The contract's forms.
		{"2025-11-20 09:30", at("2025-11-20 09:30"), true},
		{"2025/11/20 9:30", at("2025-11-20 09:30"), true},
		{"2025年11月20日 上午9:30", at("2025-11-20 09:30"), true},
		{"2025年11月20日9时30分", at("2025-11-20 09:30"), true},
		// And what ledgers write besides.
		{"2025年11月20日 下午2:30", at("2025-11-20 14:30"), true},
		{"2025年11月20日下午3时", at("2025-11-20 15:00"), true},
		{"2025年11月20日 9点半", at("2025-11-20 09:30"), true},
		{"2025年11月20日（星期四）上午9:30", at("2025-11-20 09:30"), true},
		{"2025-11-20 下午 2:30", at("2025-11-20 14:30"), true},
		{"2025-11-20", at("2025-11-20"), false},
		{"2025/1/5", at("2025-01-05"), false},
		{"2025年1月5日", at("2025-01-05"), false},
		{"２０２５－１１－２０　０９：３０", at("2025-11-20 09:30"), true},
		{"2025-11-20T09:30:00+08:00", at("2025-11-20 09:30"), true},
		{"20251120", at("2025-11-20"), false},
		{"2025-11-20 09:30:00", at("2025-11-20 09:30"), true},
		{"45981", at("2025-11-20"), false},                   // an Excel serial
		{"45981.395833333336", at("2025-11-20 09:30"), true}, // with a time
	} {
		t.Run(tt.in, func(t *testing.T) {
			got, hasTime, err := parseTime(tt.in, shanghai, false)
			if err != nil {
				t.Fatal(err)
			}
			if !got.Equal(tt.want) || got.Location() != shanghai || hasTime != tt.hasTime {
				t.Errorf("got %v (time %v), want %v (time %v)", got, hasTime, tt.want, tt.hasTime)
			}
		})
	}
}

func TestParseTimeErrors(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"2025-02-30", "日期“2025-02-30”不存在（2025 年 2 月没有 30 日）"},
		{"明天上午", "无法识别的日期“明天上午”：" + dateHint},
		{"2025-11-20 25:00", "“2025-11-20 25:00”中的时间不存在（小时应为 0–23，分钟 0–59）"},
		{"2025-11-20 9:30-11:30", "“2025-11-20 9:30-11:30”中的时间是一个时间段：开庭时间只填开始时间，例如 2025-11-20 09:30"},
		{"2025年11月20日（星期五）", "日期“2025年11月20日（星期五）”有误：2025年11月20日是星期四，不是星期五"},
		{"3", "日期“3”的年份 1900 不合理，请检查"},
		{"2025-11-20 上午15:00", "“2025-11-20 上午15:00”中的时间自相矛盾：上午没有 15 点"},
	} {
		t.Run(tt.in, func(t *testing.T) {
			_, _, err := parseTime(tt.in, shanghai, false)
			if err == nil {
				t.Fatal("no error")
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("error\n got %s\nwant %s", got, tt.want)
			}
		})
	}
}

// TestNativeExcelDates writes real date cells (numbers with a date format,
// as Excel stores them) and reads them back, in both of Excel's epochs.
func TestNativeExcelDates(t *testing.T) {
	for _, date1904 := range []bool{false, true} {
		t.Run(map[bool]string{false: "1900", true: "1904"}[date1904], func(t *testing.T) {
			f := excelize.NewFile()
			defer f.Close()
			if date1904 {
				if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &date1904}); err != nil {
					t.Fatal(err)
				}
			}
			dateStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 14})                           // m/d/yyyy
			timeStyle, _ := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("yyyy年m月d日 hh:mm")}) // a Chinese display
			serial := func(t time.Time) float64 {
				s := toSerial(t, shanghai)
				if date1904 {
					s -= 1462 // days between the epochs
				}
				return s
			}
			set := func(cell string, v any, style int) {
				if err := f.SetCellValue("Sheet1", cell, v); err != nil {
					t.Fatal(err)
				}
				if style != 0 {
					f.SetCellStyle("Sheet1", cell, cell, style)
				}
			}
			set("A1", "案号", 0)
			set("B1", "被告", 0)
			set("C1", "立案日期", 0)
			set("D1", "开庭时间", 0)
			set("A2", "(2025)黔0115行初3号", 0)
			set("B2", "某县公安局", 0)
			set("C2", serial(at("2025-10-01")), dateStyle)
			set("D2", serial(at("2025-11-20 09:30")), timeStyle)
			var b strings.Builder
			if _, err := f.WriteTo(&b); err != nil {
				t.Fatal(err)
			}
			c := mustClean(t, "a.xlsx", []byte(b.String())).Entries[0].Case
			if !c.FiledOn.Equal(at("2025-10-01")) || len(c.Hearings) != 1 || !c.Hearings[0].At.Equal(at("2025-11-20 09:30")) {
				t.Errorf("filed %v, hearings %+v; want 2025-10-01 and 2025-11-20 09:30", c.FiledOn, c.Hearings)
			}
		})
	}
	t.Run("time.Time", func(t *testing.T) {
		// excelize writes a Go time as a date cell with its wall clock.
		wall := time.Date(2025, 11, 20, 14, 30, 0, 0, time.UTC)
		data := xlsxFile(t, []any{"案号", "被告", "开庭时间"}, []any{"(2025)黔0115行初4号", "某县公安局", wall})
		c := mustClean(t, "a.xlsx", data).Entries[0].Case
		if len(c.Hearings) != 1 || !c.Hearings[0].At.Equal(at("2025-11-20 14:30")) {
			t.Errorf("hearings %+v, want one at 2025-11-20 14:30 Shanghai", c.Hearings)
		}
	})
}

// TestSeveralHearings: one case's hearings as several rows, as several
// times in one cell (、 ; ；), and both at once.
func TestSeveralHearings(t *testing.T) {
	data := csvFile(t, header(),
		row(map[field]string{fNumber: "(2025)黔0115行初5号", fDefendants: "某县公安局", fCause: "行政处罚",
			fHearingAt: "2025-11-20 09:30、2025-11-27 14:30；2025-12-04 09:30", fPlace: "第一法庭"}),
		row(map[field]string{fNumber: "（2025）黔0115行初5号", fHearingAt: "2025-12-11 09:30;2025-12-18 09:30",
			fPlace: "第二法庭", fMustAppear: "是", fHead: "孙强"}),
		row(map[field]string{fNumber: "(2025)黔0115行初6号", fDefendants: "某县公安局", fHearingAt: "2025-11-21 10:00"}),
		row(map[field]string{fNumber: "(2025)黔0115行初6号", fDefendants: "某县公安局", fHearingAt: "2025年11月28日 下午3:00"}),
	)
	l := mustClean(t, "a.csv", data)
	type hearing struct {
		At          time.Time
		Place, Head string
		MustAppear  bool
	}
	got := map[string][]hearing{}
	for _, e := range l.Entries {
		for _, h := range e.Case.Hearings {
			got[e.Number] = append(got[e.Number], hearing{h.At, h.Place, h.Head, h.MustAppear})
		}
	}
	want := map[string][]hearing{
		"(2025)黔0115行初5号": {
			{At: at("2025-11-20 09:30"), Place: "第一法庭"},
			{At: at("2025-11-27 14:30"), Place: "第一法庭"},
			{At: at("2025-12-04 09:30"), Place: "第一法庭"},
			{At: at("2025-12-11 09:30"), Place: "第二法庭", Head: "孙强", MustAppear: true},
			{At: at("2025-12-18 09:30"), Place: "第二法庭", Head: "孙强", MustAppear: true},
		},
		"(2025)黔0115行初6号": {{At: at("2025-11-21 10:00")}, {At: at("2025-11-28 15:00")}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("hearings (-want,+got):\n%s", diff)
	}
	if got, want := l.Entries[0].Case.Cause, "行政处罚"; got != want {
		t.Errorf("a blank case cell in a later row must mean 'as above': cause %q, want %q", got, want)
	}
	if l.Rows != 4 || len(l.Entries) != 2 {
		t.Errorf("rows %d entries %d, want 4 and 2", l.Rows, len(l.Entries))
	}
}

// TestRowErrors: every problem is reported once, with the row as Excel
// numbers it, the column as the file names it, and the reason in Chinese.
func TestRowErrors(t *testing.T) {
	h := header()
	h[fDefendants] = "被申请人" // errors name the column as the file writes it
	data := csvFile(t, h,
		row(map[field]string{fNumber: "(2025)黔0115行初7号", fDefendants: "某县公安局", fHearingAt: "2025-13-01 09:30"}), // row 2
		row(map[field]string{fNumber: "(2025)黔0115行初8号", fDefendants: "某县公安局", fClosedOn: "2025-11-01", fOutcome: "大获全胜"}),
		row(map[field]string{fNumber: "黔0115行初9号", fDefendants: "某县公安局"}),
		row(map[field]string{fNumber: "(2025)黔0115行初10号"}),
		row(map[field]string{fNumber: "(2025)黔0115行初11号", fDefendants: "某县公安局", fMustAppear: "也许", fHearingAt: "2025-11-20"}),
		row(map[field]string{fNumber: "(2025)黔0115行初12号", fDefendants: "某县公安局", fKind: "行政复议"}),
		row(map[field]string{fNumber: "(2025)黔0115行初13号", fDefendants: "某县公安局", fOutcome: "判决驳回诉讼请求"}),
		row(map[field]string{fNumber: "(2025)黔0115行初14号", fDefendants: "某县公安局", fCause: "行政处罚"}),
		row(map[field]string{fNumber: "(2025)黔0115行初14号", fDefendants: "某县公安局", fCause: "行政许可"}), // row 10
		row(map[field]string{fNumber: "(2025)黔0115行初15号", fDefendants: "某县公安局", fPlace: "第一法庭"}),
		row(map[field]string{fNumber: "", fDefendants: "某县公安局"}),
	)
	l := mustRead(t, "bad.csv", data)
	want := []rowErr{
		{2, "开庭时间", "日期“2025-13-01 09:30”不存在（2025 年 13 月没有 1 日）"},
		{3, "结案方式", "结案方式“大获全胜”不在行政诉讼的结案方式表中"},
		{4, "案号", "“黔0115行初9号”不是有效的案号"},
		{5, "被申请人", "缺少被告（被申请人）：请填写被诉的行政机关，多个机关用“、”分隔"},
		{6, "应当出庭", "“也许”无法识别，应填 是、否 或留空"},
		{7, "案件类型", "案件类型“行政复议”与案号不符：(2025)黔0115行初12号 是行政诉讼案号"},
		{8, "结案日期", "填写了结案方式，但没有结案日期"},
		{10, "案由", "同一案号 (2025)黔0115行初14号 的第 9 行与第 10 行案由不一致（第 9 行：“行政处罚”；第 10 行：“行政许可”）"},
		{11, "开庭地点", "填写了开庭地点，但开庭时间为空：请补上开庭时间，或清空此格"},
		{12, "案号", "缺少案号"},
	}
	got := errorsOf(l.Errors)
	// Messages that quote other packages' wording are checked by prefix.
	for i := range got {
		if i < len(want) && want[i].Message != "" && strings.HasPrefix(got[i].Message, want[i].Message) {
			got[i].Message = want[i].Message
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("errors (-want,+got):\n%s\nall: %q", diff, l.Errors)
	}
	for _, e := range l.Errors {
		if !strings.ContainsFunc(e.Message, func(r rune) bool { return r >= 0x4e00 && r <= 0x9fff }) {
			t.Errorf("message %q is not Chinese", e.Message)
		}
	}
	if got, want := l.Errors[0].String(), "第 2 行「开庭时间」：日期“2025-13-01 09:30”不存在（2025 年 13 月没有 1 日）"; !strings.HasPrefix(got, want) {
		t.Errorf("String() = %q, want %q", got, want)
	}
}

func TestUnknownOutcomeIsARowError(t *testing.T) {
	for _, tt := range []struct {
		kind, outcome string
		ok            bool
	}{
		{"", "撤诉", true},
		{"", "驳回诉讼请求", true},
		{"", "确认违法", true},
		{"", "胜诉", false},
		{"", "维持", false}, // a reconsideration outcome on a litigation case
		{"行政复议", "维持", true},
		{"行政复议", "判决撤销", false},
	} {
		t.Run(tt.kind+tt.outcome, func(t *testing.T) {
			number := "(2025)黔0115行初16号"
			if tt.kind == "行政复议" {
				number = "某府复〔2025〕16号"
			}
			l := mustRead(t, "a.csv", csvFile(t, header(), row(map[field]string{fNumber: number, fDefendants: "某县公安局",
				fKind: tt.kind, fClosedOn: "2025-11-01", fOutcome: tt.outcome})))
			if tt.ok {
				if len(l.Errors) > 0 {
					t.Fatalf("errors: %v", l.Errors)
				}
				return
			}
			if len(l.Errors) != 1 || l.Errors[0].Row != 2 || l.Errors[0].Column != "结案方式" || !l.Entries[0].Invalid {
				t.Fatalf("want one error at row 2 in 结案方式, got %v", l.Errors)
			}
		})
	}
}

// TestEncodings: Chinese Excel saves CSV as GBK; "Unicode 文本" is UTF-16
// with tabs; both read like UTF-8.
func TestEncodings(t *testing.T) {
	utf8 := string(csvFile(t, header(), row(fullRow)))
	want := mustClean(t, "a.csv", []byte(utf8)).Entries[0].Case
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(utf8)
	if err != nil {
		t.Fatal(err)
	}
	utf16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(strings.ReplaceAll(utf8, ",", "\t"))
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string]string{"GBK": gbk, "UTF-8 BOM": "\xEF\xBB\xBF" + utf8, "UTF-16 tabs": utf16} {
		t.Run(name, func(t *testing.T) {
			if name == "GBK" && strings.Contains(data, "案号") {
				t.Fatal("the GBK file is UTF-8")
			}
			l := mustClean(t, "a.csv", []byte(data))
			if diff := cmp.Diff(want, l.Entries[0].Case); diff != "" {
				t.Errorf("(-want,+got):\n%s", diff)
			}
		})
	}
}

func TestUnreadableFiles(t *testing.T) {
	for _, tt := range []struct {
		name, data, want string
	}{
		{"old.xls", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest", "old.xls 是旧版 .xls 文件"},
		{"broken.xlsx", "not a zip", "broken.xlsx 不是有效的 .xlsx 文件"},
		{"empty.csv", "", "empty.csv 是空文件"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(tt.name, []byte(tt.data), ReadOptions{Location: shanghai})
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("err = %v, want prefix %q", err, tt.want)
			}
		})
	}
	l := mustRead(t, "nohead.csv", csvFile(t, []string{"甲", "乙"}, []string{"1", "2"}))
	if len(l.Errors) != 1 || l.Errors[0].Column != "案号" {
		t.Errorf("a file without a 案号 column: %v", l.Errors)
	}
}

// TestMergedCells: ledgers merge the case columns over the rows of one
// case's hearings; Excel stores the value in the first cell only.
func TestMergedCells(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	rows := [][]any{
		{"案号", "被告", "案由", "开庭时间"},
		{"(2025)黔0115行初51号", "某县公安局", "行政处罚", "2025-11-20 09:30"},
		{nil, nil, nil, "2025-11-27 09:30"},
		{"(2025)黔0115行初52号", "某县教育局", "政府信息公开", "2025-11-21 09:30"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	for _, rng := range [][2]string{{"A2", "A3"}, {"B2", "B3"}, {"C2", "C3"}} {
		if err := f.MergeCell("Sheet1", rng[0], rng[1]); err != nil {
			t.Fatal(err)
		}
	}
	var b strings.Builder
	if _, err := f.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	data := []byte(b.String())
	if !hasMergedCells(bytes.NewReader(data), int64(len(data))) {
		t.Fatal("hasMergedCells missed the merged cells")
	}
	l := mustClean(t, "merged.xlsx", data)
	if len(l.Entries) != 2 {
		t.Fatalf("%d cases, want 2", len(l.Entries))
	}
	c := l.Entries[0].Case
	if c.Cause != "行政处罚" || len(c.Hearings) != 2 || !c.Hearings[1].At.Equal(at("2025-11-27 09:30")) {
		t.Errorf("case %s: cause %q, hearings %+v", c.Number, c.Cause, c.Hearings)
	}
	if plain := xlsxFile(t, []any{"案号"}, []any{"(2025)黔0115行初53号"}); hasMergedCells(bytes.NewReader(plain), int64(len(plain))) {
		t.Error("hasMergedCells: a workbook without merges has none")
	}
}
