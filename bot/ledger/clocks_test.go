package ledger

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"

	"casebot/bot/cases"
	"casebot/bot/deadline"
	"casebot/bot/workcal"
)

// deadlineRows cover every deadline column: a lost first-instance case
// answered, served and appealed, with both kinds of suggestion; a
// reconsideration under 简易程序; one extended; an open suit not yet
// answered.
func deadlineRows() [][]string {
	return [][]string{
		row(map[field]string{fNumber: "(2026)黔0115行初7号", fDefendants: "某县市场监督管理局", fPlaintiffs: "赵敏",
			fCopyReceived: "2026-01-05", fAnswered: "2026年1月19日", fClosedOn: "2026-04-15", fOutcome: "撤销",
			fServed: "2026/4/20", fAppealed: "是", fAppealNumber: "（2026）黔01行终33号",
			fJudicialReceived: "2026-05-06", fJudicialIssuer: "某县人民法院", fJudicialContent: "规范行政处罚案件的听证告知程序",
			fJudicialDue: "2026-06-05", fJudicialReplied: "2026-05-28",
			fProcuratorialReceived: "2026-07-31", fProcuratorialIssuer: "某县人民检察院", fProcuratorialContent: "加强对食品经营许可的事后监管"}),
		row(map[field]string{fNumber: "某府复〔2026〕8号", fDefendants: "某县公安局", fPlaintiffs: "钱伟", fFiledOn: "2026-02-10",
			fAppCopyReceived: "2026-02-12", fSimplified: "是"}),
		row(map[field]string{fNumber: "某府复〔2026〕9号", fDefendants: "某县自然资源局", fPlaintiffs: "孙丽", fFiledOn: "2026-03-02",
			fAppCopyReceived: "2026-03-05", fAnswered: "2026-03-12", fExtended: "30日"}),
		row(map[field]string{fNumber: "(2026)黔0115行初8号", fDefendants: "某县公安局", fPlaintiffs: "李强",
			fCopyReceived: "2026-12-03", fHearingAt: "2026-12-28 09:30"}),
	}
}

func TestReadDeadlineColumns(t *testing.T) {
	l := mustClean(t, "d.csv", csvFile(t, append([][]string{header()}, deadlineRows()...)...))
	yes := true
	c := l.Entries[0].Case
	want := &cases.Case{CopyReceivedOn: at("2026-01-05"), AnsweredOn: at("2026-01-19"), ServedOn: at("2026-04-20"),
		Appealed: &yes, AppealNumber: "(2026)黔01行终33号",
		Suggestions: []cases.Suggestion{
			{Kind: cases.JudicialSuggestion, ReceivedOn: at("2026-05-06"), Issuer: "某县人民法院", Content: "规范行政处罚案件的听证告知程序",
				DueOn: at("2026-06-05"), RepliedOn: at("2026-05-28")},
			{Kind: cases.ProcuratorialSuggestion, ReceivedOn: at("2026-07-31"), Issuer: "某县人民检察院", Content: "加强对食品经营许可的事后监管"}}}
	got := &cases.Case{CopyReceivedOn: c.CopyReceivedOn, AnsweredOn: c.AnsweredOn, ServedOn: c.ServedOn, Appealed: c.Appealed,
		AppealNumber: c.AppealNumber, Suggestions: c.Suggestions}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("litigation row (-want,+got):\n%s", diff)
	}
	r1, r2 := l.Entries[1].Case, l.Entries[2].Case
	if !r1.CopyReceivedOn.Equal(at("2026-02-12")) || !r1.Simplified || r1.ExtendedDays != 0 {
		t.Errorf("simplified reconsideration: %+v", r1)
	}
	if !r2.CopyReceivedOn.Equal(at("2026-03-05")) || r2.Simplified || r2.ExtendedDays != 30 {
		t.Errorf("extended reconsideration: %+v", r2)
	}
}

// TestDeadlineHeaderAliases: the headers real ledgers use for the same
// things.
func TestDeadlineHeaderAliases(t *testing.T) {
	l := mustClean(t, "a.csv", csvFile(t,
		[]string{"序号", "案号", "被告", "结案日期", "结案方式", "应诉通知书签收日期", "答辩日期", "判决书送达日期", "上诉情况", "二审案号",
			"收到检察建议日期", "检察建议发出机关", "检察建议事项", "检察建议答复日期"},
		[]string{"1", "(2026)黔0115行初7号", "某县公安局", "2026-04-15", "驳回诉讼请求", "2026-01-05", "2026-01-12", "2026-04-20",
			"原告上诉", "(2026)黔01行终40号", "2026-05-10", "某县人民检察院", "规范执法", "2026-06-30"},
	))
	c := l.Entries[0].Case
	sg := c.Suggestion(cases.ProcuratorialSuggestion)
	if !c.CopyReceivedOn.Equal(at("2026-01-05")) || !c.AnsweredOn.Equal(at("2026-01-12")) || !c.ServedOn.Equal(at("2026-04-20")) ||
		c.Appealed == nil || !*c.Appealed || c.AppealNumber != "(2026)黔01行终40号" || sg == nil || !sg.RepliedOn.Equal(at("2026-06-30")) ||
		sg.Issuer != "某县人民检察院" || sg.Content != "规范执法" {
		t.Errorf("aliases read as %+v, suggestion %+v", c, sg)
	}
	if len(l.Notices) != 0 {
		t.Errorf("notices: %v", l.Notices)
	}
}

func TestDeadlineValueForms(t *testing.T) {
	for _, tt := range []struct {
		in    string
		v     bool
		known bool
	}{{"是", true, true}, {"已上诉", true, true}, {"对方上诉", true, true}, {"否", false, true}, {"未上诉", false, true},
		{"服判息诉", false, true}, {"已生效", false, true}, {"", false, false}, {"√", true, true}} {
		v, known, err := parseAppealed(tt.in)
		if err != nil || v != tt.v || known != tt.known {
			t.Errorf("parseAppealed(%q) = %v, %v, %v", tt.in, v, known, err)
		}
	}
	if _, _, err := parseAppealed("待定"); err == nil {
		t.Error("parseAppealed(待定): no error")
	}
	for _, tt := range []struct {
		in   string
		want int
		ok   bool
	}{{"30", 30, true}, {"30日", 30, true}, {"１５天", 15, true}, {"三十日", 30, true}, {"十五日", 15, true},
		{"二十", 20, true}, {"延长30日", 30, true}, {"已延长十日", 10, true}, {"是", 30, true}, {"否", 0, true}, {"0", 0, true},
		{"31", 0, false}, {"六十日", 0, false}, {"一个月", 0, false}, {"很久", 0, false}} {
		got, err := parseExtension(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("parseExtension(%q) = %d, %v; want %d, ok %v", tt.in, got, err, tt.want, tt.ok)
		}
	}
	for _, tt := range []struct {
		in   string
		want bool
	}{{"是", true}, {"简易程序", true}, {"否", false}, {"普通程序", false}} {
		if got, err := parseSimplified(tt.in); err != nil || got != tt.want {
			t.Errorf("parseSimplified(%q) = %v, %v", tt.in, got, err)
		}
	}
}

func TestDeadlineRowErrors(t *testing.T) {
	l := mustRead(t, "bad.csv", csvFile(t, header(),
		row(map[field]string{fNumber: "(2026)黔0115行初1号", fDefendants: "某县公安局", fCopyReceived: "2026-01-10", fAnswered: "2026-01-05"}),
		row(map[field]string{fNumber: "(2026)黔0115行初2号", fDefendants: "某县公安局", fServed: "2026-04-20"}),
		row(map[field]string{fNumber: "(2026)黔0115行初3号", fDefendants: "某县公安局", fClosedOn: "2026-04-15", fOutcome: "撤销",
			fServed: "2026-04-10"}),
		row(map[field]string{fNumber: "(2026)黔0115行初4号", fDefendants: "某县公安局", fAppealed: "否", fAppealNumber: "(2026)黔01行终3号"}),
		row(map[field]string{fNumber: "某府复〔2026〕5号", fDefendants: "某县公安局", fSimplified: "是", fExtended: "15日"}),
		row(map[field]string{fNumber: "(2026)黔0115行初6号", fDefendants: "某县公安局", fJudicialContent: "规范执法"}),
		row(map[field]string{fNumber: "(2026)黔0115行初7号", fDefendants: "某县公安局", fProcuratorialReceived: "2026-05-10",
			fProcuratorialReplied: "2026-05-01"}),
		row(map[field]string{fNumber: "某府复〔2026〕8号", fDefendants: "某县公安局", fCopyReceived: "2026-02-01", fAppCopyReceived: "2026-02-03"}),
		row(map[field]string{fNumber: "(2026)黔0115行初9号", fDefendants: "某县公安局", fAppealNumber: "二审还没立案", fExtended: "31",
			fAppealed: "待定"}),
	))
	want := []rowErr{
		{2, "答辩举证提交日期", "提交日期 2026-01-05 早于收到起诉状副本日期 2026-01-10，请核对"},
		{3, "裁判文书送达日期", "填写了裁判文书送达日期，但没有结案日期和结案方式：上诉期自判决或裁定送达起算，是判决（15日）还是裁定（10日）由结案方式决定"},
		{4, "裁判文书送达日期", "送达日期 2026-04-10 早于结案日期 2026-04-15，请核对"},
		{5, "上诉案号", "填写了上诉案号 (2026)黔01行终3号，但“是否上诉”为否"},
		{6, "延长审理期限", "适用简易程序的行政复议案件不能延长审理期限（行政复议法第六十二条）；已转为普通程序的，请把“适用简易程序”改为否"},
		{7, "司法建议收到日期", "填写了司法建议的其他内容，但缺少司法建议收到日期"},
		{8, "检察建议回复日期", "检察建议回复日期 2026-05-01 早于检察建议收到日期 2026-05-10，请核对"},
		{9, "收到复议申请书副本日期", "与“收到起诉状副本日期”不一致：一件案件只有一个收到副本的日期，请只填与案件类型相符的一列"},
	}
	got := errorsOf(l.Errors)
	if len(got) < len(want) {
		t.Fatalf("errors %v", got)
	}
	if diff := cmp.Diff(want, got[:len(want)]); diff != "" {
		t.Errorf("row errors (-want,+got):\n%s", diff)
	}
	// The last row has three errors of its own, each naming its column.
	last := map[string]bool{}
	for _, e := range got[len(want):] {
		if e.Row != 10 {
			t.Errorf("unexpected error %+v", e)
		}
		last[e.Column] = true
	}
	if !last["上诉案号"] || !last["延长审理期限"] || !last["是否上诉"] {
		t.Errorf("row 10 errors: %v", got[len(want):])
	}
	for _, e := range l.Entries {
		if !e.Invalid {
			t.Errorf("%s is valid", e.Number)
		}
	}
}

// TestDeadlineImportRoundTrip: the deadline columns import, export and
// re-import as all unchanged; a change to one of them is an update that
// moves the deadline index in the same write.
func TestDeadlineImportRoundTrip(t *testing.T) {
	st := newStore(t)
	res := mustImport(t, st, "d.csv", csvFile(t, append([][]string{header()}, deadlineRows()...)...), Options{})
	if res.Created != 4 {
		t.Fatalf("created %d", res.Created)
	}
	before := snapshot(t, st)
	var buf bytes.Buffer
	if _, _, err := Export(t.Context(), st, &buf, shanghai); err != nil {
		t.Fatal(err)
	}
	again := mustImport(t, st, "export.xlsx", buf.Bytes(), Options{})
	if again.Unchanged != 4 || again.Updated != 0 {
		t.Errorf("re-import of the export: %+v", countsOf(again))
	}
	if diff := cmp.Diff(before, snapshot(t, st)); diff != "" {
		t.Errorf("store changed (-before,+after):\n%s", diff)
	}
	// Exported under the column of the case's kind.
	l := mustClean(t, "export.xlsx", buf.Bytes())
	for _, e := range l.Entries {
		wantCol := fCopyReceived
		if e.Case.Kind == cases.Reconsideration {
			wantCol = fAppCopyReceived
		}
		if e.vals[wantCol] == "" {
			t.Errorf("%s: copy date not exported under %s", e.Number, columns[wantCol].header)
		}
	}

	open := func() []string {
		rs, err := st.DeadlineRefs(t.Context(), workcal.Day{}, workcal.MustParseDay("2100-01-01"), deadline.Answer)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range rs {
			out = append(out, r.Number+" "+r.Due.String())
		}
		return out
	}
	if diff := cmp.Diff([]string{"(2026)黔0115行初8号 2026-12-18"}, open()); diff != "" {
		t.Errorf("open answers (-want,+got):\n%s", diff)
	}
	// The answer is recorded in a file with only the columns it needs.
	res = mustImport(t, st, "answer.csv", csvFile(t, []string{"案号", "被告", "答辩举证提交日期"},
		[]string{"(2026)黔0115行初8号", "某县公安局", "2026-12-15"}), Options{Force: true})
	if res.Updated != 1 {
		t.Errorf("recording the answer: %+v", countsOf(res))
	}
	if got := open(); len(got) != 0 {
		t.Errorf("answered, still open: %v", got)
	}
	c, _ := st.Get(t.Context(), "(2026)黔0115行初8号")
	if !c.CopyReceivedOn.Equal(at("2026-12-03")) || len(c.Hearings) != 1 {
		t.Errorf("columns the file lacks were not kept: %+v", c)
	}
}

// TestSuggestionColumnsMerge: a file with some of a suggestion's columns
// changes those and keeps the rest; blanking all of them removes it.
func TestSuggestionColumnsMerge(t *testing.T) {
	st := newStore(t)
	mustImport(t, st, "d.csv", csvFile(t, append([][]string{header()}, deadlineRows()...)...), Options{})
	n := "(2026)黔0115行初7号"
	mustImport(t, st, "reply.csv", csvFile(t, []string{"案号", "被告", "检察建议回复日期"},
		[]string{n, "某县市场监督管理局", "2026-09-20"}), Options{Force: true})
	c, _ := st.Get(t.Context(), n)
	sg := c.Suggestion(cases.ProcuratorialSuggestion)
	if sg == nil || !sg.RepliedOn.Equal(at("2026-09-20")) || sg.Issuer != "某县人民检察院" || !sg.ReceivedOn.Equal(at("2026-07-31")) {
		t.Errorf("after the reply: %+v", sg)
	}
	if c.Suggestion(cases.JudicialSuggestion) == nil {
		t.Error("the 司法建议 was lost")
	}
	mustImport(t, st, "clear.csv", csvFile(t,
		[]string{"案号", "被告", "检察建议收到日期", "检察建议发出单位", "检察建议内容", "检察建议回复期限", "检察建议回复日期"},
		[]string{n, "某县市场监督管理局", "", "", "", "", ""}), Options{Force: true})
	c, _ = st.Get(t.Context(), n)
	if c.Suggestion(cases.ProcuratorialSuggestion) != nil || len(c.Suggestions) != 1 {
		t.Errorf("after blanking: %+v", c.Suggestions)
	}
}
