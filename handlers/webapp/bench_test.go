package webapp_test

import (
	"bytes"
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"casebot/bot/cases"
	"casebot/bot/ledger"
	"casebot/bot/store/storetest"
)

// ledgerFile writes n generated cases as an .xlsx in the import template.
func ledgerFile(tb testing.TB, n int) []byte {
	tb.Helper()
	w, err := ledger.NewWriter(shanghai)
	if err != nil {
		tb.Fatal(err)
	}
	cs := make([]*cases.Case, 0, 1000)
	for i := range n {
		cs = append(cs, storetest.Generate(i, epoch))
		if len(cs) == cap(cs) || i == n-1 {
			if err := w.Write(cs); err != nil {
				tb.Fatal(err)
			}
			cs = cs[:0]
		}
	}
	var b bytes.Buffer
	if err := w.Close(&b); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

// BenchmarkLedgerPreview10k is 写入台账 end to end for a 10,000-row .xlsx
// (target: under 5 s): the multipart upload over loopback HTTP to the
// page, the session and form-token checks, reading the file, the dry run
// against the ledger, keeping the file in Redis for 确认导入, and the
// preview page rendered and read back. New: into a ledger without those
// cases (10,000 to create); Existing: over a ledger holding them all
// (10,000 unchanged, every case compared).
//
//	go test ./handlers/webapp -run '^$' -bench LedgerPreview10k -benchtime 3x
func BenchmarkLedgerPreview10k(b *testing.B) {
	const n = 10000
	data := ledgerFile(b, n)
	b.Logf("%d rows, %d KB", n, len(data)/1024)
	run := func(b *testing.B, e *env, want string) {
		e.cfg.App.MaxLedgerBytes = 20 << 20
		c := e.signIn("zb")
		b.ResetTimer()
		for b.Loop() {
			r := c.upload("/app/ledger", c.csrf, "台账.xlsx", data, nil)
			if r.status != http.StatusOK || !strings.Contains(r.text(), want) {
				b.Fatalf("preview: %d %.300s", r.status, r.text())
			}
		}
	}
	b.Run("New", func(b *testing.B) {
		run(b, newEnv(b), "10000 将新建")
	})
	b.Run("Existing", func(b *testing.B) {
		e := newEnv(b)
		l, err := ledger.Read("台账.xlsx", data, ledger.ReadOptions{Location: shanghai})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := ledger.Import(context.Background(), e.st, l, ledger.Options{Now: e.clock.Now(), Force: true}); err != nil {
			b.Fatal(err)
		}
		run(b, e, "10000 无变化")
	})
}

// BenchmarkRectifyUpload is 上传整改报告 end to end: the multipart upload
// of a report (.txt, its two parts found) and a 48 KB scan over loopback
// HTTP, the session and form checks, reading the report, keeping both
// files in Redis, filing the request through the chat's path (audited),
// and the review card and both file messages sent to the reviewer through
// the fake WeCom (media/upload, message/send, the send log). Each round
// starts from an open request a second later, so every filing is new.
//
//	go test ./handlers/webapp -run '^$' -bench RectifyUpload -benchtime 20x
func BenchmarkRectifyUpload(b *testing.B) {
	e, ctx := lostEnv(b)
	c := e.signIn("fz")
	scan := append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{9}, 48<<10)...)
	open := func() {
		if _, err := e.st.Update(ctx, number205, func(cs *cases.Case) error {
			rc := cs.Rectify
			cs.Rectify = &cases.Rectification{RequestedOn: rc.RequestedOn, From: rc.From, Status: cases.RectifyRequested}
			return nil
		}); err != nil {
			b.Fatal(err)
		}
		e.rdb.Del(ctx, e.k.RectifyFiles(number205))
		e.clock.Advance(time.Second)
	}
	for b.Loop() {
		b.StopTimer()
		open()
		b.StartTimer()
		r := c.uploadParts("/app/rectify", map[string]string{"number": number205},
			part{"report", "整改报告.txt", []byte(report205)}, part{"attachment", "盖章页.png", scan})
		if r.status != http.StatusOK || !strings.Contains(r.text(), "已从报告中读出") {
			b.Fatalf("upload: %d %.300s", r.status, r.text())
		}
	}
	b.StopTimer()
	if n := len(filesTo(e, "zb")); n != 2*b.N {
		b.Fatalf("%d files sent over %d filings", n, b.N)
	}
}
