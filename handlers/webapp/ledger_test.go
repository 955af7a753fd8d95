package webapp_test

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"casebot/bot/audit"
	"casebot/bot/ledger"
	"casebot/bot/store"
	"casebot/config"
)

// update is a 台账 that adds two cases and moves the hearing of 204.
const update = `案号,案件类型,原告,被告,案由,承办法院,立案日期,审理阶段,开庭时间,开庭地点
(2026)黔0115行初301号,行政诉讼,郑某,某县市场监督管理局,行政处罚,某县人民法院,2026-08-20,一审,2026年9月22日 上午9:30,第一法庭
(2026)黔0115行初302号,行政诉讼,某某物流有限公司,某县交通运输局,行政处罚,某县人民法院,2026-08-25,一审,2026/9/24 14:30,第三法庭
(2026)黔0115行初204号,行政诉讼,某某餐饮有限公司,某县市场监督管理局,行政处罚,某县人民法院,2026-08-03,一审,2026-09-17 09:30,第二法庭
`

func TestLedgerPreviewThenConfirm(t *testing.T) {
	e := newEnv(t)
	c := e.signIn("zb")
	if r := c.get("/app/ledger"); r.status != http.StatusOK || !strings.Contains(r.body, `type="file"`) {
		t.Fatalf("form: %d", r.status)
	}
	r := c.upload("/app/ledger", c.csrf, "九月台账.csv", []byte(update), nil)
	if r.status != http.StatusOK {
		t.Fatalf("preview: %d %s", r.status, r.text())
	}
	has(t, r, "九月台账.csv", "读取 3 行，共 3 件案件", "没有发现错误", "2 将新建", "1 将更新", "1 开庭改期",
		"开庭改期 (2026)黔0115行初204号：2026-09-15 09:30 → 2026-09-17 09:30", "确认导入（新建 2 件，更新 1 件）")
	// The preview wrote nothing.
	if _, err := e.st.Get(context.Background(), "(2026)黔0115行初301号"); err != store.ErrNotFound {
		t.Fatalf("the preview wrote the ledger: %v", err)
	}
	tok := field(r.body, "token")
	if tok == "" {
		t.Fatal("no token on the preview")
	}
	// The file waits on the server, for app.upload_ttl at most.
	ttl, err := e.rdb.TTL(context.Background(), e.k.AppUpload("zb", tok)).Result()
	if err != nil || ttl <= 0 || ttl > e.cfg.App.UploadTTL {
		t.Errorf("upload TTL %v (%v), want (0, %v]", ttl, err, e.cfg.App.UploadTTL)
	}

	r = c.post("/app/ledger/confirm", url.Values{"token": {tok}, "mode": {"all"}})
	if r.status != http.StatusOK {
		t.Fatalf("confirm: %d %s", r.status, r.text())
	}
	has(t, r, "台账已写入", "2 新建", "1 更新", "1 开庭改期", "结果已发送到您的企业微信聊天窗口", "撤销本次导入")
	c204, err := e.st.Get(context.Background(), "(2026)黔0115行初204号")
	if err != nil || len(c204.Hearings) == 0 || c204.Hearings[len(c204.Hearings)-1].At.In(shanghai).Format("01-02 15:04") != "09-17 09:30" {
		t.Fatalf("204 after the import: %+v, %v", c204, err)
	}
	for _, n := range []string{"(2026)黔0115行初301号", "(2026)黔0115行初302号"} {
		if _, err := e.st.Get(context.Background(), n); err != nil {
			t.Errorf("%s not written: %v", n, err)
		}
	}
	msgs := e.texts("zb")
	if len(msgs) != 1 || !strings.Contains(msgs[0], "《九月台账.csv》已写入：新建 2 件，更新 1 件") || !strings.Contains(msgs[0], "开庭改期 1 处") ||
		!strings.Contains(msgs[0], "撤销导入") {
		t.Errorf("chat: %q", msgs)
	}

	// A second tap on 确认导入 shows the same outcome and writes, sends
	// nothing again.
	before, _ := e.st.LastSnapshot(context.Background())
	r = c.post("/app/ledger/confirm", url.Values{"token": {tok}, "mode": {"all"}})
	has(t, r, "台账已写入", "2 新建")
	after, _ := e.st.LastSnapshot(context.Background())
	if before.ID != after.ID {
		t.Errorf("a second confirmation imported again (%s, then %s)", before.ID, after.ID)
	}
	if n := len(e.texts("zb")); n != 1 {
		t.Errorf("%d chat messages after a second confirmation, want 1", n)
	}
	var kinds []string
	for _, en := range e.auditEntries() {
		if en.User == "zb" {
			kinds = append(kinds, en.Action+"/"+en.Kind)
		}
	}
	for _, want := range []string{"query/app-ledger-preview", "update/app-ledger-import"} {
		if !strings.Contains(strings.Join(kinds, " "), want) {
			t.Errorf("audit %v lacks %s", kinds, want)
		}
	}
}

// xlsxOf writes rows (a header and cases) as a workbook.
func xlsxOf(t testing.TB, rows [][]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestLedgerErrorsByRowAndColumn(t *testing.T) {
	e := newEnv(t)
	c := e.signIn("admin")
	data := xlsxOf(t, [][]any{
		{"某县行政应诉案件台账（2026 年 9 月）"},
		{"案号", "案件类型", "原告", "被告", "案由", "开庭时间", "结案方式"},
		{"(2026)黔0115行初311号", "行政诉讼", "冯某", "某县公安局", "治安管理处罚", "2026-09-31 09:30", ""},
		{"(2026)黔0115行初312号", "行政诉讼", "褚某", "某县公安局", "治安管理处罚", "2026-09-23 09:30", ""},
		{"(2026)黔0115行初313号", "行政诉讼", "卫某", "某县公安局", "治安管理处罚", "", "判了"},
	})
	r := c.upload("/app/ledger", c.csrf, "有错的台账.xlsx", data, nil)
	if r.status != http.StatusOK {
		t.Fatalf("preview: %d %s", r.status, r.text())
	}
	has(t, r, "发现 3 处错误", "第 3 行「开庭时间」 日期“2026-09-31 09:30”不存在", "第 5 行「结案方式」 结案方式“判了”不在", "第 5 行「结案日期」", "仅导入无误的案件", "将新建 1 件")
	if strings.Contains(r.body, `value="all"`) {
		t.Error("a file with errors is offered for a whole import")
	}
	// Only the valid case is written.
	r = c.post("/app/ledger/confirm", url.Values{"token": {field(r.body, "token")}, "mode": {"skip"}})
	has(t, r, "台账已写入", "1 新建", "有错误的 2 件案件未导入")
	ctx := context.Background()
	if _, err := e.st.Get(ctx, "(2026)黔0115行初312号"); err != nil {
		t.Errorf("the valid case not written: %v", err)
	}
	for _, n := range []string{"(2026)黔0115行初311号", "(2026)黔0115行初313号"} {
		if _, err := e.st.Get(ctx, n); err != store.ErrNotFound {
			t.Errorf("%s written despite its error: %v", n, err)
		}
	}
}

func TestNotASpreadsheet(t *testing.T) {
	e := newEnv(t)
	c := e.signIn("zb")
	png := append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{0}, 200)...)
	for name, tt := range map[string]struct {
		file string
		data []byte
		want string
	}{
		"picture named .xlsx": {"台账.xlsx", png, "台账.xlsx 是图片（拍照或截图的表格无法导入），不是台账表格"},
		"damaged .xlsx":       {"台账.xlsx", []byte("PK\x03\x04 not really a zip"), "已损坏或没有上传完整"},
		"old .xls":            {"台账.xls", append([]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), make([]byte, 600)...), "旧版 .xls"},
		"a text with no 案号":   {"说明.csv", []byte("这是一份说明，不是台账。\n第二行\n"), "找不到“案号”列"},
		"empty":               {"空.csv", []byte(" "), "空文件"},
		"Word document":       {"台账.xlsx", mustRead(t, "../../bot/decision/testdata/files/d07.docx"), "是 Word 文档，不是台账表格"},
		"PDF":                 {"台账.csv", mustRead(t, "../../bot/decision/testdata/files/d01_libreoffice.pdf"), "是 PDF 文件"},
	} {
		t.Run(name, func(t *testing.T) {
			r := c.upload("/app/ledger", c.csrf, tt.file, tt.data, nil)
			has(t, r, tt.want)
			if strings.Contains(r.body, "确认导入") {
				t.Error("a confirm button for a file that is not a ledger")
			}
		})
	}
	if n, _ := e.st.CountCases(context.Background()); n != 4 {
		t.Errorf("%d cases after bad files, want the 4 seeded", n)
	}
}

func TestLedgerTooLarge(t *testing.T) {
	e := newEnv(t)
	c := e.signIn("zb")
	big := []byte(update + strings.Repeat("#"+strings.Repeat("填", 100)+"\n", int(e.cfg.App.MaxLedgerBytes)/300))
	if int64(len(big)) <= e.cfg.App.MaxLedgerBytes {
		t.Fatalf("test file of %d bytes is not over the limit", len(big))
	}
	r := c.upload("/app/ledger", c.csrf, "大台账.csv", big, nil)
	if r.status != http.StatusRequestEntityTooLarge {
		t.Fatalf("oversize upload: %d", r.status)
	}
	has(t, r, "超过了 256 KB 的上限，没有做任何处理")
	if n := e.uploadsStaged(); n != 0 {
		t.Errorf("%d uploads staged", n)
	}
	// Just under the limit is read.
	r = c.upload("/app/ledger", c.csrf, "台账.csv", big[:e.cfg.App.MaxLedgerBytes], nil)
	if r.status == http.StatusRequestEntityTooLarge {
		t.Error("a file at the limit was refused")
	}
}

func TestWrongRole(t *testing.T) {
	e := newEnv(t)
	for _, user := range []string{"fz", "cb", "pf"} {
		t.Run(user, func(t *testing.T) {
			c := e.signIn(user)
			home := c.get("/app/")
			if strings.Contains(home.body, `href="/app/ledger"`) {
				t.Error("the home page offers 写入台账")
			}
			for _, r := range []response{
				c.get("/app/ledger"),
				c.upload("/app/ledger", c.csrf, "台账.csv", []byte(update), nil),
				c.post("/app/ledger/confirm", url.Values{"token": {"x"}}),
				c.post("/app/ledger/undo", url.Values{"snapshot": {"x"}}),
				c.post("/app/export/ledger", url.Values{}),
			} {
				if r.status != http.StatusForbidden {
					t.Errorf("answered %d, want 403: %s", r.status, r.text())
				}
				has(t, r, "应诉专班")
			}
		})
	}
	t.Run("head uploads no decision", func(t *testing.T) {
		c := e.signIn("fz")
		r := c.upload("/app/decision", c.csrf, "判决书.txt", mustRead(t, "testdata/one.txt"), nil)
		if r.status != http.StatusForbidden {
			t.Errorf("answered %d", r.status)
		}
	})
	if n := e.uploadsStaged(); n != 0 {
		t.Errorf("%d uploads staged", n)
	}
	if n := len(e.fake.Messages()); n != 0 {
		t.Errorf("%d messages sent", n)
	}
	refused := map[string]int{}
	for _, en := range e.auditEntries() {
		if en.Action == audit.Refused {
			refused[en.User]++
		}
	}
	if refused["fz"] < 5 || refused["cb"] < 5 || refused["pf"] < 5 {
		t.Errorf("refusals audited: %v", refused)
	}
}

// A token is the uploader's, lives for app.upload_ttl, and is for one
// file: an unknown, expired or someone else's token writes nothing.
func TestStaleOrForeignConfirmToken(t *testing.T) {
	e := newEnv(t)
	zb, admin := e.signIn("zb"), e.signIn("admin")
	r := zb.upload("/app/ledger", zb.csrf, "九月台账.csv", []byte(update), nil)
	tok := field(r.body, "token")
	ctx := context.Background()
	for name, try := range map[string]func() response{
		"made up": func() response {
			return zb.post("/app/ledger/confirm", url.Values{"token": {"made-up-token"}, "mode": {"all"}})
		},
		"someone else's": func() response { return admin.post("/app/ledger/confirm", url.Values{"token": {tok}, "mode": {"all"}}) },
		"skip not offered": func() response {
			return zb.post("/app/ledger/confirm", url.Values{"token": {tok}, "mode": {"skip"}})
		},
	} {
		t.Run(name, func(t *testing.T) {
			r := try()
			if r.status != http.StatusNotFound {
				t.Errorf("answered %d", r.status)
			}
			has(t, r, "预览已失效", "未写入任何数据")
			if _, err := e.st.Get(ctx, "(2026)黔0115行初301号"); err != store.ErrNotFound {
				t.Error("written")
			}
		})
	}
	// The uploader's token still works after those attempts...
	up2 := zb.upload("/app/ledger", zb.csrf, "九月台账.csv", []byte(update), nil)
	tok2 := field(up2.body, "token")
	// ...and an expired one does not: Redis drops the key at app.upload_ttl.
	e.rdb.Del(ctx, e.k.AppUpload("zb", tok))
	r = zb.post("/app/ledger/confirm", url.Values{"token": {tok}, "mode": {"all"}})
	has(t, r, "预览已失效")
	if _, err := e.st.Get(ctx, "(2026)黔0115行初301号"); err != store.ErrNotFound {
		t.Error("an expired token wrote")
	}
	r = zb.post("/app/ledger/confirm", url.Values{"token": {tok2}, "mode": {"all"}})
	has(t, r, "台账已写入")
}

// Someone writes the ledger between the preview and 确认导入: the page
// shows what the file would do now and asks again.
func TestLedgerChangedSincePreview(t *testing.T) {
	e := newEnv(t)
	c := e.signIn("zb")
	r := c.upload("/app/ledger", c.csrf, "九月台账.csv", []byte(update), nil)
	tok := field(r.body, "token")
	// Meanwhile another import adds 301.
	e.importCSV("案号,案件类型,原告,被告,案由\n(2026)黔0115行初301号,行政诉讼,郑某,某县市场监督管理局,行政处罚\n")
	r = c.post("/app/ledger/confirm", url.Values{"token": {tok}, "mode": {"all"}})
	has(t, r, "台账有过改动", "1 将新建", "2 将更新")
	if _, err := e.st.Get(context.Background(), "(2026)黔0115行初302号"); err != store.ErrNotFound {
		t.Fatal("written without a second confirmation")
	}
	r = c.post("/app/ledger/confirm", url.Values{"token": {field(r.body, "token")}, "mode": {"all"}})
	has(t, r, "台账已写入", "1 新建", "2 更新")
}

func TestUndoFromThePage(t *testing.T) {
	e := newEnv(t)
	c := e.signIn("zb")
	r := c.upload("/app/ledger", c.csrf, "九月台账.csv", []byte(update), nil)
	r = c.post("/app/ledger/confirm", url.Values{"token": {field(r.body, "token")}, "mode": {"all"}})
	snap := field(r.body, "snapshot")
	r = c.post("/app/ledger/undo", url.Values{"snapshot": {snap}})
	has(t, r, "将撤销", "《九月台账.csv》", "恢复 1 件", "删除该次新建的 2 件", "确认撤销")
	ctx := context.Background()
	if _, err := e.st.Get(ctx, "(2026)黔0115行初301号"); err != nil {
		t.Fatal("undone before confirmation")
	}
	r = c.post("/app/ledger/undo", url.Values{"snapshot": {snap}, "confirm": {"1"}})
	has(t, r, "已撤销导入")
	if _, err := e.st.Get(ctx, "(2026)黔0115行初301号"); err != store.ErrNotFound {
		t.Errorf("301 still there after the undo: %v", err)
	}
	c204, _ := e.st.Get(ctx, "(2026)黔0115行初204号")
	if got := c204.Hearings[len(c204.Hearings)-1].At.In(shanghai).Format("01-02 15:04"); got != "09-15 09:30" {
		t.Errorf("204's hearing after the undo: %s", got)
	}
	msgs := e.texts("zb")
	if len(msgs) != 2 || !strings.HasPrefix(msgs[1], "已撤销") {
		t.Errorf("chat: %q", msgs)
	}
	// Undone once: a second undo of it is refused, nothing else undone.
	r = c.post("/app/ledger/undo", url.Values{"snapshot": {snap}, "confirm": {"1"}})
	if r.status == http.StatusOK {
		t.Errorf("undone twice: %s", r.text())
	}
	if n, _ := e.st.CountCases(ctx); n != 4 {
		t.Errorf("%d cases, want the 4 seeded", n)
	}
}

// An import made after the page's cannot be undone in its place.
func TestUndoRefusesAnOlderImport(t *testing.T) {
	e := newEnv(t)
	c := e.signIn("zb")
	r := c.upload("/app/ledger", c.csrf, "九月台账.csv", []byte(update), nil)
	r = c.post("/app/ledger/confirm", url.Values{"token": {field(r.body, "token")}, "mode": {"all"}})
	snap := field(r.body, "snapshot")
	e.importCSV("案号,案件类型,原告,被告,案由\n(2026)黔0115行初399号,行政诉讼,韩某,某县公安局,治安管理处罚\n")
	r = c.post("/app/ledger/undo", url.Values{"snapshot": {snap}, "confirm": {"1"}})
	if r.status != http.StatusConflict {
		t.Errorf("answered %d", r.status)
	}
	has(t, r, "又有新的导入")
	for _, n := range []string{"(2026)黔0115行初301号", "(2026)黔0115行初399号"} {
		if _, err := e.st.Get(context.Background(), n); err != nil {
			t.Errorf("%s gone: %v", n, err)
		}
	}
}

// The ledger the page exports reads back through the ledger reader.
func readXLSX(t testing.TB, data []byte) *ledger.Ledger {
	t.Helper()
	l, err := ledger.Read("export.xlsx", data, ledger.ReadOptions{Location: shanghai})
	if err != nil || len(l.Errors) > 0 {
		t.Fatalf("the export does not read back: %v %v", err, l.Errors)
	}
	return l
}

// The page folds the configured aliases of an agency as the CLI's import
// does (scope.agency_aliases): a ledger written with the alias lands under
// the ledger's name, and the preview says so.
func TestLedgerUploadFoldsConfiguredAliases(t *testing.T) {
	e := newEnv(t, func(cfg *config.Config) {
		cfg.Scope.AgencyAliases = []string{"县质监所=某县市场监督管理局"}
	})
	c := e.signIn("zb")
	csv := "案号,案件类型,原告,被告,案由,承办法院,立案日期,审理阶段\n" +
		"(2026)黔0115行初311号,行政诉讼,某某建材有限公司,县质监所,行政处罚,某县人民法院,2026-08-26,一审\n"
	r := c.upload("/app/ledger", c.csrf, "别名.csv", []byte(csv), nil)
	if r.status != http.StatusOK {
		t.Fatalf("preview: %d %s", r.status, r.text())
	}
	if strings.Contains(r.text(), "新单位") && strings.Contains(r.text(), "县质监所") && !strings.Contains(r.text(), "某县市场监督管理局") {
		t.Errorf("the alias is taken for a new agency: %s", r.text())
	}
	r = c.post("/app/ledger/confirm", url.Values{"token": {field(r.body, "token")}, "mode": {"all"}})
	if r.status != http.StatusOK {
		t.Fatalf("confirm: %d %s", r.status, r.text())
	}
	got, err := e.st.Get(context.Background(), "(2026)黔0115行初311号")
	if err != nil || len(got.Defendants) != 1 || got.Defendants[0] != "某县市场监督管理局" {
		t.Fatalf("defendants %+v (%v): the configured alias was not folded", got, err)
	}
}
