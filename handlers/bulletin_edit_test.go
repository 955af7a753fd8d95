package handlers

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"testing"

	"casebot/bot"
)

// TestBulletinWord: 导出word after a bulletin sends the notice as a .docx
// file message to the asker, with the part added before it, and a line
// naming the file; the document opens as a zip holding the notice's text.
func TestBulletinWord(t *testing.T) {
	e := newCorpusEnv(t, nil)
	e.reset()
	var files []bot.Outbound
	var texts []string
	for i, text := range []string{"本月通报", "加上出庭情况", "导出word"} {
		msg := &bot.Message{ID: fmt.Sprintf("w%d", i), Type: "text", From: "liuyang", Text: text, CreateTime: e.now}
		if err := e.b.Handle(context.Background(), msg); err != nil {
			t.Fatalf("%s: %v", text, err)
		}
		for _, o := range e.rec.take() {
			if o.Type == bot.MsgFile {
				files = append(files, o)
			} else if i == 2 {
				texts = append(texts, o.Text)
			}
		}
	}
	if len(files) != 1 || files[0].File == nil || len(files[0].ToUsers) != 1 || files[0].ToUsers[0] != "liuyang" {
		t.Fatalf("file messages %+v, want one .docx to liuyang", files)
	}
	f := files[0].File
	if !strings.HasSuffix(f.Name, ".docx") || !strings.Contains(f.Name, "2026年10月") {
		t.Errorf("file name %q", f.Name)
	}
	zr, err := zip.NewReader(bytes.NewReader(f.Data), int64(len(f.Data)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	var body string
	for _, zf := range zr.File {
		if zf.Name == "word/document.xml" {
			rc, err := zf.Open()
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(rc)
			rc.Close()
			body = string(b)
		}
	}
	for _, want := range []string{"关于2026年10月行政机关败诉案件情况的通报", "各单位败诉率排名", "负责人出庭应诉情况（各单位）"} {
		if !strings.Contains(body, want) {
			t.Errorf("document lacks %q", want)
		}
	}
	if strings.Contains(body, "**") || strings.Contains(body, "font color") {
		t.Error("document keeps markdown marks")
	}
	if all := strings.Join(texts, "\n"); !strings.Contains(all, "已发送 Word 版") || !strings.Contains(all, "已附上负责人出庭情况") {
		t.Errorf("reply %q", all)
	}
}
