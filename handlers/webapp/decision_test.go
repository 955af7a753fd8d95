package webapp_test

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"casebot/bot/decision"
)

const (
	n201 = "(2026)黔0115行初201号"
	n202 = "(2026)黔0115行初202号"
	n203 = "(2026)黔0115行初203号"
)

func (e *env) attached(number string) *decision.Attachment {
	e.t.Helper()
	a, err := e.ex.Attach.Decisions.Get(context.Background(), number)
	if errors.Is(err, decision.ErrNone) {
		return nil
	}
	if err != nil {
		e.t.Fatal(err)
	}
	return a
}

// The text names one case of the ledger: shown, attached on 确认关联,
// confirmed in chat.
func TestDecisionNamingOneCase(t *testing.T) {
	e := newEnv(t)
	c := e.signIn("pf")
	if r := c.get("/app/decision"); r.status != http.StatusOK {
		t.Fatalf("form: %d", r.status)
	}
	r := c.upload("/app/decision", c.csrf, "罗某某案判决书.txt", mustRead(t, "testdata/one.txt"), nil)
	if r.status != http.StatusOK {
		t.Fatalf("upload: %d %s", r.status, r.text())
	}
	has(t, r, "文书类型：判决书", "文书案号："+n201, "被诉行为文号：某市监处罚〔2026〕17号",
		"诉讼请求", "经审理查明", "本院认为", "判决主文",
		"《中华人民共和国行政处罚法》第四十四条", "《中华人民共和国行政诉讼法》第七十条第（三）项",
		"关联到案件： "+n201, "确认关联")
	if e.attached(n201) != nil {
		t.Fatal("attached before confirmation")
	}
	r = c.post("/app/decision/confirm", url.Values{"token": {field(r.body, "token")}, "number": {field(r.body, "number")}})
	has(t, r, "文书已关联", "已关联到案件 "+n201, "确认消息已发送")
	a := e.attached(n201)
	if a == nil || a.FileName != "罗某某案判决书.txt" || a.AttachedBy != "pf" {
		t.Fatalf("attachment: %+v", a)
	}
	msgs := e.texts("pf")
	if len(msgs) != 1 || !strings.Contains(msgs[0], "判决书已关联到案件 "+n201) || !strings.Contains(msgs[0], "以案说法") {
		t.Errorf("chat: %q", msgs)
	}
	found := false
	for _, en := range e.auditEntries() {
		found = found || (en.User == "pf" && en.Kind == "decision" && en.Action == "update")
	}
	if !found {
		t.Error("the attachment is not audited")
	}
}

// The text names no case: the page offers the cases the person may see
// and attaches to the one chosen.
func TestDecisionNamingNoCase(t *testing.T) {
	e := newEnv(t)
	c := e.signIn("cb") // a handler of the 市监局
	r := c.upload("/app/decision", c.csrf, "判决书（缺首页）.txt", mustRead(t, "testdata/none.txt"), nil)
	if r.status != http.StatusOK {
		t.Fatalf("upload: %d %s", r.status, r.text())
	}
	has(t, r, "文书案号： 未找到", "没有找到案号", "请选择要关联的案件")
	// Offered: the 市监局's cases, not the 人社局's.
	if !strings.Contains(r.body, `value="`+n201+`"`) {
		t.Errorf("the handler's own closed case is not offered")
	}
	if strings.Contains(r.body, n202) || strings.Contains(r.body, n203) {
		t.Errorf("another agency's cases are offered to a handler")
	}
	tok := field(r.body, "token")
	// Typing another agency's case is refused, with the choice again.
	r = c.post("/app/decision/confirm", url.Values{"token": {tok}, "typed": {n202}})
	has(t, r, "不在您可以关联的案件范围内", "请选择要关联的案件")
	if e.attached(n202) != nil {
		t.Fatal("attached to another agency's case")
	}
	// A number not in the ledger: said, and asked again.
	r = c.post("/app/decision/confirm", url.Values{"token": {tok}, "typed": {"(2026)黔0115行初999号"}})
	has(t, r, "台账中没有案号 (2026)黔0115行初999号", "请选择要关联的案件")
	r = c.post("/app/decision/confirm", url.Values{"token": {tok}, "pick": {n201}})
	has(t, r, "文书已关联", n201)
	if a := e.attached(n201); a == nil || a.Number != n201 {
		t.Fatalf("attachment: %+v", a)
	}
}

// The text names two cases of the ledger (a joint hearing): the page asks
// which, offering both.
func TestDecisionNamingSeveralCases(t *testing.T) {
	e := newEnv(t)
	c := e.signIn("zb")
	r := c.upload("/app/decision", c.csrf, "合并审理判决书.txt", mustRead(t, "testdata/several.txt"), nil)
	if r.status != http.StatusOK {
		t.Fatalf("upload: %d %s", r.status, r.text())
	}
	has(t, r, "文书案号："+n202+"、"+n203, "多个案号", "请选择要关联的案件", "《工伤保险条例》第十四条第（六）项")
	for _, n := range []string{n202, n203} {
		if !strings.Contains(r.body, `type="radio" name="number" value="`+n+`"`) {
			t.Errorf("%s not offered as a choice", n)
		}
	}
	r = c.post("/app/decision/confirm", url.Values{"token": {field(r.body, "token")}, "number": {n203}})
	has(t, r, "文书已关联", n203)
	if e.attached(n203) == nil || e.attached(n202) != nil {
		t.Errorf("attached to 203: %v, to 202: %v", e.attached(n203) != nil, e.attached(n202) != nil)
	}
}

// A decision naming a case the person may not attach to (another
// agency's) is not shown as theirs.
func TestDecisionOfAnotherAgency(t *testing.T) {
	e := newEnv(t)
	c := e.signIn("cb2") // 人社局
	r := c.upload("/app/decision", c.csrf, "判决书.txt", mustRead(t, "testdata/one.txt"), nil)
	has(t, r, "不在您可以关联的案件范围内")
	if strings.Contains(r.body, "确认关联") {
		t.Error("offered to attach to another agency's case")
	}
}

// Bad files get the attach service's clear message and change nothing.
func TestDecisionBadFiles(t *testing.T) {
	e := newEnv(t)
	c := e.signIn("zb")
	for name, tt := range map[string]struct {
		file   string
		data   []byte
		status int
		want   []string
	}{
		"scanned PDF": {"扫描件.pdf", mustRead(t, "../../bot/decision/testdata/files/scanned.pdf"), http.StatusBadRequest,
			[]string{"扫描件.pdf", "没有文字层", "OCR"}},
		"picture": {"照片.pdf", mustRead(t, "../../bot/decision/testdata/files/photo.pdf"), http.StatusBadRequest, []string{"PNG 图片"}},
		"over the limit": {"大判决书.txt", []byte(strings.Repeat("判决", 40<<10)), http.StatusBadRequest,
			[]string{"大判决书.txt", "240 KB", "超过了 128 KB 的上限"}},
		"far over the limit": {"巨大.txt", []byte(strings.Repeat("判", 200<<10)), http.StatusRequestEntityTooLarge,
			[]string{"超过了 128 KB 的上限", "没有做任何处理"}},
		"spreadsheet": {"判决书.docx", xlsxOf(t, [][]any{{"案号"}}), http.StatusBadRequest, []string{"Excel"}},
	} {
		t.Run(name, func(t *testing.T) {
			r := c.upload("/app/decision", c.csrf, tt.file, tt.data, nil)
			if r.status != tt.status {
				t.Errorf("answered %d, want %d", r.status, tt.status)
			}
			has(t, r, tt.want...)
		})
	}
	if n := e.uploadsStaged(); n != 0 {
		t.Errorf("%d uploads staged for bad files", n)
	}
	for _, n := range []string{n201, n202, n203} {
		if e.attached(n) != nil {
			t.Errorf("%s has a decision", n)
		}
	}
}
