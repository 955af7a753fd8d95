package wecom_test

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"casebot/bot"
	"casebot/bot/keys"
	"casebot/bot/sendlog"
	"casebot/bot/wecomtest"
)

// A file push is one upload (media/upload type=file, under the name the
// recipient sees) and one message/send with msgtype=file naming the media.
func TestSendFile(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	data := bytes.Repeat([]byte("台账"), 1000)
	if _, err := w.sender.Send(ctx, bot.FileMessage("某县台账 2025-11-19.xlsx", data, "u1")); err != nil {
		t.Fatal(err)
	}
	if n := w.fake.Requests("media/upload"); n != 1 {
		t.Errorf("media/upload requests = %d, want 1", n)
	}
	msgs := w.fake.Messages()
	if len(msgs) != 1 {
		t.Fatalf("messages = %d, want 1: %+v", len(msgs), msgs)
	}
	m := msgs[0]
	if m.API != "message/send" || m.MsgType != "file" || m.FileName != "某县台账 2025-11-19.xlsx" || strings.Join(m.ToUsers, "|") != "u1" {
		t.Errorf("sent %+v", m)
	}
	got, ok := w.fake.Media(m.MediaID)
	if !ok || !bytes.Equal(got, data) {
		t.Errorf("uploaded media differs from the file (%d bytes, found %v)", len(got), ok)
	}
	var raw map[string]any
	json.Unmarshal(m.Raw, &raw)
	if f, _ := raw["file"].(map[string]any); f["media_id"] != m.MediaID {
		t.Errorf("message/send body %s does not name the media", m.Raw)
	}
}

// Under a push id, a file push retried after it was accepted is not
// uploaded or sent again.
func TestSendFileOnce(t *testing.T) {
	w := newWorld(t)
	out := bot.FileMessage("台账.xlsx", []byte("PK-some-bytes"), "u1")
	for range 2 {
		if _, err := w.sender.Send(sendlog.WithID(context.Background(), keys.AppSendNS, "export-1"), out); err != nil {
			t.Fatal(err)
		}
	}
	if n := w.fake.Requests("media/upload"); n != 1 {
		t.Errorf("media/upload requests = %d, want 1", n)
	}
	if n := len(w.fake.Messages()); n != 1 {
		t.Errorf("messages = %d, want 1", n)
	}
}

// A message/send that fails after the upload is retried whole: the file
// arrives once.
func TestSendFileRetriedAfterSendFails(t *testing.T) {
	w := newWorld(t)
	w.fake.Inject(wecomtest.Fault{API: "message/send", ErrCode: -1})
	if _, err := w.sender.Send(context.Background(), bot.FileMessage("台账.xlsx", []byte("PK-some-bytes"), "u1")); err != nil {
		t.Fatal(err)
	}
	var files int
	for _, m := range w.fake.Messages() {
		if m.MsgType == "file" {
			files++
		}
	}
	if files != 1 {
		t.Errorf("file messages = %d, want 1", files)
	}
}

func TestSendFileRejectsBadFiles(t *testing.T) {
	w := newWorld(t)
	for name, out := range map[string]bot.Outbound{
		"no file":   {ToUsers: []string{"u1"}, Type: bot.MsgFile},
		"too small": bot.FileMessage("a.txt", []byte("abc"), "u1"),
		"too large": bot.FileMessage("a.xlsx", make([]byte, bot.MaxFileBytes+1), "u1"),
		"no name":   bot.FileMessage("/", []byte("abcdefgh"), "u1"),
	} {
		if _, err := w.sender.Send(context.Background(), out); err == nil {
			t.Errorf("%s: sent", name)
		}
	}
	if n := w.fake.Requests("media/upload"); n != 0 {
		t.Errorf("media/upload requests = %d, want 0", n)
	}
}
