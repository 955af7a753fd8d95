package webapp

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"casebot/bot"
	"casebot/bot/ledger"
	"casebot/bot/store"
)

// ledgerAPI is the page's one use of bot/ledger, kept in this file so that
// the ledger's internals (reading, batching, streaming) can change behind
// its public functions: Read, Import (dry run and write), Export, and the
// store's undo snapshots.
type ledgerAPI struct {
	st  *store.Store
	loc func() *time.Location
}

// importOptions: the page's imports add and update, never delete (a case
// the file leaves out is left as it is), so the guard against a file that
// leaves out many open cases (ledger.MaxUnmentionedOpen, meant for a file
// taken as the whole ledger) does not apply: Force. How many open cases
// the file leaves out is still shown.
func importOptions(dryRun, skipInvalid bool, source string, now time.Time) ledger.Options {
	return ledger.Options{DryRun: dryRun, SkipInvalid: skipInvalid, Force: true, Source: source, Now: now}
}

// dryRun reads a file and computes what importing it would do, writing
// nothing. A file that cannot be read at all is an error; problems in rows
// are in the result. With skipInvalid the result is that of importing the
// cases without errors.
func (l ledgerAPI) dryRun(ctx context.Context, name string, data []byte, skipInvalid bool, now time.Time) (*ledger.Ledger, *ledger.Result, error) {
	lg, err := l.read(name, data)
	if err != nil {
		return nil, nil, err
	}
	res, err := ledger.Import(ctx, l.st, lg, importOptions(true, skipInvalid, "", now))
	return lg, res, ignoreInvalid(err)
}

// write imports the file for real.
func (l ledgerAPI) write(ctx context.Context, name string, data []byte, skipInvalid bool, source string, now time.Time) (*ledger.Ledger, *ledger.Result, error) {
	lg, err := l.read(name, data)
	if err != nil {
		return nil, nil, err
	}
	res, err := ledger.Import(ctx, l.st, lg, importOptions(false, skipInvalid, source, now))
	return lg, res, err
}

// read reads a ledger file. Its errors (not a spreadsheet, an old .xls,
// an encoding it cannot tell...) are written for the user.
func (l ledgerAPI) read(name string, data []byte) (*ledger.Ledger, error) {
	if why := notASpreadsheet(name, data); why != "" {
		return nil, bot.Errorf(bot.EInvalid, "%s", why)
	}
	lg, err := ledger.Read(name, data, ledger.ReadOptions{Location: l.loc()})
	if err != nil {
		return nil, bot.Errorf(bot.EInvalid, "%v", err)
	}
	return lg, nil
}

// ignoreInvalid: a file with row errors is not a failure of the preview;
// its errors are what the preview shows.
func ignoreInvalid(err error) error {
	var ie *ledger.InvalidError
	if errors.As(err, &ie) {
		return nil
	}
	return err
}

// version is the ledger's write counter (every write of a case moves it).
func (l ledgerAPI) version(ctx context.Context) (int64, error) {
	s, err := l.st.Client().Get(ctx, l.st.Keys().LedgerVersion()).Result()
	if errors.Is(err, redis.Nil) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	return strconv.ParseInt(s, 10, 64)
}

// lastImport is the newest import that can be undone.
func (l ledgerAPI) lastImport(ctx context.Context) (*store.Snapshot, error) {
	return l.st.LastSnapshot(ctx)
}

// undo undoes the newest import, provided it is still id: an import made
// since is never undone in its place. (Between the check and the undo
// another import could land; store.Undo takes the newest.)
func (l ledgerAPI) undo(ctx context.Context, id string) (*store.Snapshot, error) {
	snap, err := l.st.LastSnapshot(ctx)
	if err != nil {
		return nil, err
	}
	if snap.ID != id {
		return nil, errNotNewest
	}
	return l.st.Undo(ctx)
}

var errNotNewest = errors.New("a newer import was made since")

// export writes the whole ledger as an .xlsx in the import template.
func (l ledgerAPI) export(ctx context.Context) (data []byte, ncases, rows int, err error) {
	var buf bytes.Buffer
	ncases, rows, err = ledger.Export(ctx, l.st, &buf, l.loc())
	return buf.Bytes(), ncases, rows, err
}

// notASpreadsheet names what a file seems to be when it is plainly no
// spreadsheet, files people pick by mistake on a phone: a Word document
// or a PDF (often the 判决书 meant for the other form), a picture. The
// reader itself tells an old .xls, a damaged .xlsx and text that is no
// ledger; it says less about these (merge note: once ledger.Read names
// what a file seems to be, this goes).
func notASpreadsheet(name string, b []byte) string {
	is := func(what string) string {
		return "文件“" + name + "”" + what + "，不是台账表格。请上传 Excel（.xlsx）或 CSV 格式的台账。"
	}
	switch {
	case bytes.HasPrefix(b, []byte("%PDF-")):
		return is("是 PDF 文件")
	case bytes.HasPrefix(b, []byte("\x89PNG")), bytes.HasPrefix(b, []byte{0xFF, 0xD8, 0xFF}):
		return is("是图片")
	case bytes.HasPrefix(b, []byte("PK\x03\x04")):
		z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			return "文件“" + name + "”已损坏或没有上传完整，无法按 .xlsx 打开。请在 Excel 或 WPS 中重新保存后再上传。"
		}
		for _, f := range z.File {
			switch {
			case f.Name == "xl/workbook.xml":
				return ""
			case f.Name == "word/document.xml":
				return is("是 Word 文档")
			case strings.HasPrefix(f.Name, "ppt/"):
				return is("是 PowerPoint 演示文稿")
			}
		}
		return is("是压缩包")
	}
	return ""
}
