package main

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"casebot/bot/people"
	"casebot/bot/store"
	"casebot/bot/wecomtest"
)

// setFile puts the file at path into the page's file input, as a person
// choosing it would (DevTools DOM.setFileInputFiles).
func (p *cdpPage) setFile(ctx context.Context, selector, path string) error {
	raw, err := p.call(ctx, "DOM.getDocument", map[string]any{"depth": 0})
	if err != nil {
		return err
	}
	var doc struct {
		Root struct {
			NodeID int `json:"nodeId"`
		} `json:"root"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		return err
	}
	raw, err = p.call(ctx, "DOM.querySelector", map[string]any{"nodeId": doc.Root.NodeID, "selector": selector})
	if err != nil {
		return err
	}
	var node struct {
		NodeID int `json:"nodeId"`
	}
	if err := json.Unmarshal(raw, &node); err != nil {
		return err
	}
	_, err = p.call(ctx, "DOM.setFileInputFiles", map[string]any{"files": []string{path}, "nodeId": node.NodeID})
	return err
}

// TestAppPageLedgerUploadInBrowser drives 写入台账 in headless Chromium as
// a person would: in the demo's sandbox, choose a staff member (which
// signs them in on the fake WeCom), open the app page through 网页授权,
// choose a 台账 file, see the dry run, press 确认导入; then the ledger
// holds the cases and the result arrived in the person's chat.
func TestAppPageLedgerUploadInBrowser(t *testing.T) {
	if chromiumPath() == "" {
		t.Skip("no Chromium installed (looked for /usr/bin/chromium, chromium, chromium-browser); skipping the browser test")
	}
	d := startTestDemo(t)
	ctx := context.Background()
	if err := d.app.store.PutPerson(ctx, &people.Person{UserID: "page-tester", Name: "页面测试员", Role: people.Staff}); err != nil {
		t.Fatal(err)
	}
	year := time.Now().Year()
	next := time.Now().AddDate(0, 1, 0)
	hearing := next.Format("2006-01-02") + " 09:30"
	file := filepath.Join(t.TempDir(), "十二月台账.csv")
	csv := "案号,案件类型,原告,被告,案由,承办法院,立案日期,审理阶段,开庭时间,开庭地点\n" +
		"(" + itoa(year) + ")黔0115行初9001号,行政诉讼,页某,某县市场监督管理局,行政处罚,某县人民法院," + time.Now().Format("2006-01-02") + ",一审," + hearing + ",第一法庭\n" +
		"(" + itoa(year) + ")黔0115行初9002号,行政诉讼,某某商行,某县公安局,治安管理处罚,某县人民法院," + time.Now().Format("2006-01-02") + ",一审,,\n"
	if err := os.WriteFile(file, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}

	b := startBrowser(t, d.URL+"/")
	p := b.page(t, d.URL)
	p.waitTrue(t, "the user picker to list the tester", `document.querySelector('#user option[value="page-tester"]') !== null`)
	ectx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := p.eval(ectx, `(() => {
		const sel = document.getElementById('user');
		sel.value = 'page-tester';
		sel.dispatchEvent(new Event('change'));
		return true;
	})()`, nil); err != nil {
		t.Fatal(err)
	}
	p.waitTrue(t, "the sandbox to sign the tester in on the fake WeCom", `!document.getElementById('apppage').hidden`)
	deadline := time.Now().Add(30 * time.Second)
	for d.fake.SignedIn() != "page-tester" {
		if time.Now().After(deadline) {
			t.Fatal("the sandbox did not sign the tester in on the fake WeCom")
		}
		time.Sleep(50 * time.Millisecond)
	}
	// The sandbox's link, in this tab: /app/login → the fake's authorize
	// page → /app/oauth → the page, signed in.
	if err := p.eval(ectx, `(() => { location.href = document.getElementById('apppage').href; return true; })()`, nil); err != nil {
		t.Fatal(err)
	}
	p.waitTrue(t, "the app page, signed in", `location.pathname === '/app/' && document.body.innerText.includes('页面测试员')`)
	if err := p.eval(ectx, `(() => { document.querySelector('a[href="/app/ledger"]').click(); return true; })()`, nil); err != nil {
		t.Fatal(err)
	}
	p.waitTrue(t, "the upload form", `document.querySelector('input[type=file][name=file]') !== null`)
	if err := p.setFile(ectx, "input[type=file][name=file]", file); err != nil {
		t.Fatal(err)
	}
	if err := p.eval(ectx, `(() => { document.querySelector('form[action="/app/ledger"] button[type=submit]').click(); return true; })()`, nil); err != nil {
		t.Fatal(err)
	}
	p.waitTrue(t, "the dry run", `document.body.innerText.includes('台账预览：十二月台账.csv') && document.body.innerText.includes('确认导入（新建 2 件，更新 0 件）')`)
	if path := os.Getenv("CASEBOT_APP_PREVIEW_SCREENSHOT"); path != "" {
		if png, err := p.screenshot(ectx); err == nil {
			os.WriteFile(path, png, 0o644)
		}
	}
	if _, err := d.app.store.Get(ctx, "("+itoa(year)+")黔0115行初9001号"); err == nil {
		t.Fatal("the dry run wrote the ledger")
	}
	if err := p.eval(ectx, `(() => { document.querySelector('form[action="/app/ledger/confirm"] button[type=submit]').click(); return true; })()`, nil); err != nil {
		t.Fatal(err)
	}
	p.waitTrue(t, "the written page", `document.body.innerText.includes('台账已写入') && document.body.innerText.includes('结果已发送到您的企业微信聊天窗口')`)
	for _, n := range []string{"9001", "9002"} {
		if _, err := d.app.store.Get(ctx, "("+itoa(year)+")黔0115行初"+n+"号"); err != nil {
			t.Errorf("case %s not in the ledger: %v", n, err)
		}
	}
	// The result in chat, once (staff also get the demo's reminder
	// reports, which are not counted here).
	var chat []string
	for _, m := range d.fake.Delivered("page-tester", 0) {
		if strings.Contains(m.Content, "十二月台账.csv") {
			chat = append(chat, m.Content)
		}
	}
	if len(chat) != 1 || !strings.Contains(chat[0], "《十二月台账.csv》已写入：新建 2 件") || !strings.Contains(chat[0], "撤销导入") {
		t.Errorf("the import result in the tester's chat: %q", chat)
	}
	// The chat side, through the callback and the bot's routing as WeCom
	// delivers it: 导出台账 brings the ledger back as a file message, then
	// 撤销导入 asks and 确认撤销 removes the two cases the upload created.
	deliver := func(text string) {
		t.Helper()
		if s, err := d.client.Deliver(ctx, d.client.Text("page-tester", text)); err != nil || s != 200 {
			t.Fatalf("deliver %q: status %d, %v", text, s, err)
		}
	}
	chatFrom := func(seen int) []wecomtest.Message { return d.fake.Delivered("page-tester", seen) }
	deliver("导出台账")
	waitUntil(t, "the ledger as a file message and its note", func() bool {
		file, note := false, false
		for _, m := range chatFrom(0) {
			file = file || m.MsgType == "file"
			note = note || strings.Contains(m.Content, "的台账（")
		}
		return file && note
	})
	for _, m := range chatFrom(0) {
		if m.MsgType == "file" {
			if data, ok := d.fake.Media(m.MediaID); !ok || !strings.HasSuffix(m.FileName, ".xlsx") || string(data[:2]) != "PK" {
				t.Errorf("the exported ledger: %q, %d bytes", m.FileName, len(data))
			}
		}
	}
	seen := len(chatFrom(0))
	deliver("撤销导入")
	question := ""
	waitUntil(t, "the undo question", func() bool {
		for _, m := range chatFrom(0)[seen:] {
			if strings.Contains(m.Content, "确认撤销") {
				question = m.Content
				return true
			}
		}
		return false
	})
	if !strings.Contains(question, "十二月台账.csv") || !strings.Contains(question, "新建的 2 件") {
		t.Errorf("the undo question: %q", question)
	}
	deliver("确认撤销")
	waitUntil(t, "the undo", func() bool {
		_, err := d.app.store.Get(ctx, "("+itoa(year)+")黔0115行初9001号")
		return errors.Is(err, store.ErrNotFound)
	})

	// CASEBOT_APP_SCREENSHOT=file.png keeps a picture of the page.
	if path := os.Getenv("CASEBOT_APP_SCREENSHOT"); path != "" {
		if png, err := p.screenshot(ectx); err == nil {
			os.WriteFile(path, png, 0o644)
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
