package webapp_test

import (
	"archive/zip"
	"bytes"
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"casebot/bot/audit"
	"casebot/bot/cases"
	"casebot/bot/wecomtest"
	"casebot/reminders"
)

// lost205 is a case the 市监局 lost at the end of August: the sweep asks
// its head and 承办人 for a 整改 report.
const lost205 = `案号,案件类型,原告,被告,案由,承办法院,立案日期,审理阶段,承办人,结案日期,结案方式
(2026)黔0115行初205号,行政诉讼,某某商贸有限公司,某县市场监督管理局,行政处罚,某县人民法院,2026-03-02,一审,承办人丁,2026-08-28,判决撤销
`

const number205 = "(2026)黔0115行初205号"

// report205 is a 整改报告 as an agency writes one: a title, the addressee,
// the facts, then the two parts under numbered headings, and the signature.
const report205 = `关于某某商贸有限公司诉我局行政处罚一案败诉原因分析及整改措施的报告

县司法局：
    2026年8月28日，县人民法院对某某商贸有限公司诉我局行政处罚一案作出一审判决，撤销我局作出的行政处罚决定。现将败诉原因和整改措施报告如下。
一、基本案情
    2026年1月，我局执法人员在检查中发现该公司销售的预包装食品标签不符合食品安全标准，经立案调查后作出没收违法所得并处罚款的决定。该公司不服，提起行政诉讼。
二、败诉原因分析
    （一）调查取证不充分。现场检查笔录未记载涉案食品的数量和批次，抽样记录缺少当事人签字，法院认为违法所得数额认定的主要证据不足。
    （二）程序存在瑕疵。作出处罚决定前告知陈述申辩权利的期限不足三日，送达回证缺少送达人签名。
三、整改措施
    （一）组织全体执法人员学习《行政处罚法》和《市场监督管理行政处罚程序规定》，9月底前完成一次全员培训和考试。
    （二）重大执法决定一律经法制审核，法制机构对证据和程序逐项审查并留存审核意见。
    （三）由法规股牵头，对近一年办结的行政处罚案卷开展评查，发现问题的限期整改。

某县市场监督管理局
2026年9月1日
`

// scanPNG is a photo of the signed page, as far as a content sniffer sees.
var scanPNG = append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{7}, 300)...)

func (e *env) rectifyCase(ctx context.Context) *cases.Case {
	e.t.Helper()
	c, err := e.st.Get(ctx, number205)
	if err != nil {
		e.t.Fatal(err)
	}
	return c
}

// keptFiles counts the files of 205's report kept in Redis.
func (e *env) keptFiles(ctx context.Context) int {
	e.t.Helper()
	n, err := e.rdb.HLen(ctx, e.k.RectifyFiles(number205)).Result()
	if err != nil {
		e.t.Fatal(err)
	}
	return int(n)
}

func filesTo(e *env, user string) []wecomtest.Message {
	var out []wecomtest.Message
	for _, m := range e.fake.Delivered(user, 0) {
		if m.MsgType == "file" {
			out = append(out, m)
		}
	}
	return out
}

func reviewCards(e *env, user string) []wecomtest.Message {
	var out []wecomtest.Message
	for _, m := range e.fake.Delivered(user, 0) {
		if m.Card != nil && m.Card.Source != nil && m.Card.Source.Desc == "整改报告审核" {
			out = append(out, m)
		}
	}
	return out
}

// lostEnv is the env with 205 lost and its 整改 request made by a sweep.
func lostEnv(t testing.TB) (*env, context.Context) {
	e := newEnv(t)
	ctx := context.Background()
	e.importCSV(lost205)
	if _, err := e.st.ReindexDeadlines(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := e.rs.Sweep(ctx, epoch); err != nil {
		t.Fatal(err)
	}
	return e, ctx
}

// TestRectifyReportUpload: the head of the agency that lost 205 sees its
// request on the page and files the report by file; the request is filed
// as a chat-filed one is (audited), the reviewer gets the review card and
// each file once; a 退回 and a second upload replace the report and keep
// the attachment.
func TestRectifyReportUpload(t *testing.T) {
	e, ctx := lostEnv(t)
	if c := e.rectifyCase(ctx); c.Rectify == nil || c.Rectify.Status != cases.RectifyRequested {
		t.Fatalf("no request: %+v", c.Rectify)
	}
	// The request card points at the page.
	var card *wecomtest.Message
	for _, m := range e.fake.Delivered("fz", 0) {
		if m.Card != nil && m.Card.Source != nil && m.Card.Source.Desc == "一案一整改" {
			card = &m
		}
	}
	if card == nil || card.Card.QuoteArea == nil || card.Card.QuoteArea.URL != e.srv.URL+"/app/rectify" ||
		!strings.Contains(card.Card.QuoteArea.QuoteText, "上传整改报告文件") {
		t.Fatalf("request card does not lead to the page: %+v", card)
	}

	fz := e.signIn("fz")
	home := fz.get("/app/")
	has(t, home, "上传整改报告")
	page := fz.get("/app/rectify")
	has(t, page, number205, "待报送", "报送期限 2026年9月28日", "还剩 27 天")
	if strings.Contains(page.body, "行初201号") {
		t.Errorf("a loss whose period ran out long ago is offered: %s", page.text())
	}

	e.clock.Advance(2 * time.Hour)
	fz = e.signIn("fz") // the session of the morning has expired
	r := fz.uploadParts("/app/rectify", map[string]string{"number": number205},
		part{"report", "整改报告.txt", []byte(report205)}, part{"attachment", "盖章页.png", scanPNG})
	if r.status != http.StatusOK {
		t.Fatalf("upload: %d %s", r.status, r.text())
	}
	has(t, r, "整改报告已报送", "整改报告.txt", "盖章页.png", "已从报告中读出")
	c := e.rectifyCase(ctx)
	rc := c.Rectify
	if rc.Status != cases.RectifyFiled || rc.FiledBy != "fz" || !rc.FiledOn.Equal(epoch.Add(2*time.Hour)) {
		t.Fatalf("not filed: %+v", rc)
	}
	if len(rc.Files) != 2 || rc.Files[0].Name != "整改报告.txt" || rc.Files[0].Role != cases.FileReport ||
		rc.Files[0].Size != len(report205) || len(rc.Files[0].SHA256) != 64 || rc.Files[0].By != "fz" ||
		rc.Files[1].Role != cases.FileAttachment || rc.Files[1].Format != "png" || rc.Files[1].Runes != 0 {
		t.Fatalf("files %+v", rc.Files)
	}
	if !strings.HasPrefix(rc.Analysis, "（一）调查取证不充分") || !strings.Contains(rc.Analysis, "送达回证") ||
		!strings.HasPrefix(rc.Measures, "（一）组织全体执法人员") || !strings.Contains(rc.Report, "基本案情") {
		t.Errorf("parts not read:\nanalysis %q\nmeasures %q", rc.Analysis, rc.Measures)
	}
	if e.keptFiles(ctx) != 3 { // two files, one text
		t.Errorf("kept %d fields", e.keptFiles(ctx))
	}
	var filedEntry bool
	for _, en := range e.auditEntries() {
		if en.Kind == "rectify_file" && en.Action == audit.Update && en.User == "fz" && len(en.Cases) == 1 && en.Cases[0] == number205 {
			filedEntry = true
		}
	}
	if !filedEntry {
		t.Error("the filing is not audited")
	}
	// The reviewer: the card, then both files, once.
	cards := reviewCards(e, "zb")
	if len(cards) != 1 || !strings.Contains(cards[0].Card.QuoteArea.QuoteText, "调查取证不充分") ||
		!strings.Contains(cards[0].Card.SubTitleText, "整改报告.txt（报告）") {
		t.Fatalf("review cards %+v", cards)
	}
	files := filesTo(e, "zb")
	if len(files) != 2 || files[0].FileName != "整改报告-"+number205+"-整改报告.txt" || files[1].FileName != "整改附件-"+number205+"-盖章页.png" {
		t.Fatalf("files sent %+v", files)
	}
	if b, _ := e.fake.Media(files[0].MediaID); string(b) != report205 {
		t.Errorf("the file sent is not the one uploaded")
	}
	if files[0].Seq < cards[0].Seq {
		t.Error("the file came before its review card")
	}
	if got := strings.Join(e.texts("fz"), "\n"); !strings.Contains(got, "整改报告（整改报告.txt、盖章页.png）已报送") {
		t.Errorf("no confirmation in the uploader's chat: %s", got)
	}
	// Later sweeps send nothing again.
	for _, h := range []time.Duration{3 * time.Hour, 26 * time.Hour} {
		if _, err := e.rs.Sweep(ctx, epoch.Add(h)); err != nil {
			t.Fatal(err)
		}
	}
	if n, m := len(filesTo(e, "zb")), len(reviewCards(e, "zb")); n != 2 || m != 1 {
		t.Fatalf("sent again: %d files, %d cards", n, m)
	}
	// A second tap on the same upload changes nothing.
	r = fz.uploadParts("/app/rectify", map[string]string{"number": number205}, part{"report", "整改报告.txt", []byte(report205)})
	has(t, r, "已于", "报送，正在等待司法局审核")

	// 退回 with a note, then a revised report and no attachment: the
	// report is replaced, the scan stays, both go to the reviewer again.
	task, err := e.rs.Task(ctx, cards[0].Card.TaskID)
	if err != nil {
		t.Fatal(err)
	}
	now := epoch.Add(27 * time.Hour)
	if _, err := e.rs.Click(ctx, task, "zb", reminders.ActionReturn, now); err != nil {
		t.Fatal(err)
	}
	if _, err := e.rs.Answer(ctx, reminders.QuestionReturn, task, "zb", "整改措施请写明完成时限和责任股室", now); err != nil {
		t.Fatal(err)
	}
	page = fz.get("/app/rectify")
	has(t, page, "已退回", "退回意见：整改措施请写明完成时限和责任股室", "新上传的报告替换原报告", "盖章页.png（附件")
	e.clock.Advance(26 * time.Hour)
	fz = e.signIn("fz")
	revised := strings.Replace(report205, "9月底前完成", "由法规股负责，9月25日前完成", 1)
	r = fz.uploadParts("/app/rectify", map[string]string{"number": number205}, part{"report", "整改报告（修改稿）.txt", []byte(revised)})
	if r.status != http.StatusOK {
		t.Fatalf("refile: %d %s", r.status, r.text())
	}
	has(t, r, "已重新报送", "已替换原报告：整改报告.txt")
	rc = e.rectifyCase(ctx).Rectify
	if rc.Status != cases.RectifyFiled || len(rc.Files) != 3 || !rc.Files[0].Superseded || rc.Files[1].Superseded ||
		len(rc.Current()) != 2 || !strings.Contains(rc.Measures, "9月25日前") {
		t.Fatalf("refiled %+v", rc)
	}
	if e.keptFiles(ctx) != 3 { // the old report's bytes and text dropped
		t.Errorf("kept %d fields after the refile", e.keptFiles(ctx))
	}
	if n, m := len(filesTo(e, "zb")), len(reviewCards(e, "zb")); n != 4 || m != 2 {
		t.Fatalf("after the refile: %d files, %d cards", n, m)
	}
}

// TestRectifyUploadRefusals: each bad upload gets a Chinese error naming
// the problem, and nothing changes.
func TestRectifyUploadRefusals(t *testing.T) {
	e, ctx := lostEnv(t)
	scanned := mustRead(t, "../../bot/decision/testdata/files/scanned.pdf")
	fz, cb, cb2, zb := e.signIn("fz"), e.signIn("cb"), e.signIn("cb2"), e.signIn("zb")
	big := bytes.Repeat([]byte("整改"), 40<<10) // 240 KB of text, over the test's 64 KB
	for _, tc := range []struct {
		name   string
		who    *client
		number string
		parts  []part
		status int
		want   []string
	}{
		{"staff do not file", zb, number205, []part{{"report", "r.txt", []byte(report205)}}, 403, []string{"由被告单位的负责人和承办人办理"}},
		{"another agency's case", cb2, number205, []part{{"report", "r.txt", []byte(report205)}}, 403, []string{"不是贵单位（某县人力资源和社会保障局）"}},
		{"no open request", fz, "(2026)黔0115行初201号", []part{{"report", "r.txt", []byte(report205)}}, 400, []string{"没有待报送的整改报告"}},
		{"unknown case", fz, "(2026)黔0115行初999号", []part{{"report", "r.txt", []byte(report205)}}, 404, []string{"台账中没有案件"}},
		{"no file", fz, number205, nil, 400, []string{"没有收到文件"}},
		{"empty", cb, number205, []part{{"report", "空白.docx", nil}}, 400, []string{"“空白.docx”是空的"}},
		{"too large", fz, number205, []part{{"report", "大.txt", big}}, 413, []string{"“大.txt”超过了 64 KB 的上限"}},
		{"wrong type", fz, number205, []part{{"report", "报告.docx", []byte("GIF89a" + strings.Repeat("x", 200))}}, 400, []string{"“报告.docx”无法读取", "GIF 图片"}},
		{"spreadsheet", fz, number205, []part{{"report", "报告.xlsx", zipWith(t, "xl/workbook.xml")}}, 400, []string{"是 Excel 表格", "读不到整改报告的文字"}},
		{"scanned report", fz, number205, []part{{"report", "扫描.pdf", scanned}}, 400, []string{"没有文字层", "盖章页的扫描件可作为附件"}},
		{"photo as report", fz, number205, []part{{"report", "照片.png", scanPNG}}, 400, []string{"“照片.png”是图片", "附件"}},
		{"scans without a report", fz, number205, []part{{"attachment", "扫描.pdf", scanned}}, 400, []string{"还没有整改报告正文"}},
		{"two reports", fz, number205, []part{{"report", "a.txt", []byte(report205)}, {"report", "b.txt", []byte(report205 + "补充")}}, 400, []string{"一次只能上传一份整改报告"}},
		{"too short", fz, number205, []part{{"report", "r.txt", []byte("详见附件。")}}, 400, []string{"不像一份完整的整改报告"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := tc.who.uploadParts("/app/rectify", map[string]string{"number": tc.number}, tc.parts...)
			if r.status != tc.status {
				t.Errorf("status %d, want %d: %s", r.status, tc.status, r.text())
			}
			has(t, r, tc.want...)
			if rc := e.rectifyCase(ctx).Rectify; rc.Status != cases.RectifyRequested || len(rc.Files) != 0 {
				t.Errorf("changed: %+v", rc)
			}
			if n := e.keptFiles(ctx); n != 0 {
				t.Errorf("%d fields kept", n)
			}
		})
	}
	if len(filesTo(e, "zb")) != 0 || len(reviewCards(e, "zb")) != 0 {
		t.Error("a refusal told the reviewers")
	}
	refused := 0
	for _, en := range e.auditEntries() {
		if en.Action == audit.Refused && (en.Kind == "app-rectify" || en.Kind == "app-rectify-too-large") {
			refused++
		}
	}
	if refused < 10 {
		t.Errorf("%d refusals audited", refused)
	}
	// A scan is fine as an attachment once the report has text: the 承办人
	// uploads the report with it.
	r := cb.uploadParts("/app/rectify", map[string]string{"number": number205},
		part{"report", "报告.txt", []byte(report205)}, part{"attachment", "扫描.pdf", scanned})
	has(t, r, "整改报告已报送")
	if rc := e.rectifyCase(ctx).Rectify; rc.Status != cases.RectifyFiled || rc.FiledBy != "cb" || len(rc.Files) != 2 || rc.Files[1].Format != "pdf" {
		t.Errorf("filed %+v", rc)
	}
}

// zipWith is a zip holding the named (empty) parts: an Office file of
// another kind, as far as a reader looks.
func zipWith(t *testing.T, names ...string) []byte {
	t.Helper()
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	for _, n := range names {
		if _, err := w.Create(n); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
