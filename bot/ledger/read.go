package ledger

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// MaxFileBytes is the largest ledger file read: ten times a large county's
// ledger of many years. A file is streamed, never held whole, and an
// import of it needs about three times its size in memory.
const MaxFileBytes = 100 << 20

// table is one sheet of a ledger file, read a row at a time: next returns
// the row Excel shows as row n (from 1), with blank rows as empty slices,
// and io.EOF after the last.
type table struct {
	sheet    string
	date1904 bool
	next     func() ([]string, error)
	close    func()
}

// source is a ledger file that can be read through more than once: an
// import reads it to check it and again to write it, never holding it.
type source struct {
	name string
	// open opens the file's content afresh.
	open func() (file, int64, error)
}

// file is an open ledger file (or an upload in memory).
type file interface {
	io.ReadSeekCloser
	io.ReaderAt
}

var (
	zipMagic = []byte("PK\x03\x04")
	oleMagic = []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")
)

// fileSource is the file at path.
func fileSource(path string) (*source, error) {
	fi, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("找不到文件 %s", path)
		}
		return nil, fmt.Errorf("无法读取 %s：%v", path, err)
	}
	if fi.IsDir() {
		return nil, fmt.Errorf("%s 是一个目录，不是台账文件", path)
	}
	if fi.Size() > MaxFileBytes {
		return nil, fmt.Errorf("%s 有 %.0f MB，超过台账文件的上限 %d MB：请按年度或单位拆分后分别导入", filepath.Base(path),
			float64(fi.Size())/(1<<20), MaxFileBytes>>20)
	}
	return &source{name: filepath.Base(path), open: func() (file, int64, error) {
		f, err := os.Open(path)
		if err != nil {
			return nil, 0, fmt.Errorf("无法读取 %s：%v", path, err)
		}
		st, err := f.Stat()
		if err != nil {
			f.Close()
			return nil, 0, err
		}
		return f, st.Size(), nil
	}}, nil
}

// bytesSource is content already in memory (an upload).
func bytesSource(name string, data []byte) *source {
	return &source{name: name, open: func() (file, int64, error) {
		return nopCloser{bytes.NewReader(data)}, int64(len(data)), nil
	}}
}

type nopCloser struct{ *bytes.Reader }

func (nopCloser) Close() error { return nil }

// tables opens the file's tables. The content decides the format, not
// the name: an .xlsx is a zip archive, anything else is read as CSV
// (UTF-8 with or without BOM, UTF-16 with BOM, or GB18030/GBK, which
// Chinese Excel writes), comma- or tab-separated. Close every table.
func (s *source) tables() ([]*table, error) {
	f, size, err := s.open()
	if err != nil {
		return nil, err
	}
	head := make([]byte, 512)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		f.Close()
		return nil, err
	}
	ext := strings.ToLower(filepath.Ext(s.name))
	if what := notSpreadsheet(head, ext); what != "" {
		f.Close()
		return nil, fmt.Errorf("%s %s，不是台账表格：请在 Excel 或 WPS 中打开台账，另存为 .xlsx 或 CSV 后再导入", s.name, what)
	}
	switch {
	case bytes.HasPrefix(head, zipMagic):
		if _, err := zip.NewReader(f, size); err != nil {
			f.Close()
			return nil, fmt.Errorf("%s 已损坏或没有上传完整，无法按 .xlsx 打开：请在 Excel 或 WPS 中重新保存后再导入", s.name)
		}
		if what := zipKind(f, size); what != "" {
			f.Close()
			return nil, fmt.Errorf("%s %s，不是台账表格：请在 Excel 或 WPS 中打开台账，另存为 .xlsx 或 CSV 后再导入", s.name, what)
		}
		return readXLSX(f, size)
	case bytes.HasPrefix(head, oleMagic) && (ext == ".doc" || ext == ".wps" || ext == ".ppt"):
		f.Close()
		return nil, fmt.Errorf("%s 是旧版 Word 或演示文稿，不是台账表格：请在 Excel 或 WPS 中打开台账，另存为 .xlsx 或 CSV 后再导入", s.name)
	case bytes.HasPrefix(head, oleMagic):
		f.Close()
		return nil, fmt.Errorf("%s 是旧版 .xls 文件（或加了密码的 Excel 文件），无法读取：请在 Excel 中“另存为” .xlsx 或 CSV 后再导入", s.name)
	case ext == ".xlsx" || ext == ".xlsm":
		f.Close()
		return nil, fmt.Errorf("%s 不是有效的 .xlsx 文件（文件可能已损坏），请在 Excel 中重新保存后再导入", s.name)
	case ext == ".xls" || ext == ".et" || ext == ".wps" || ext == ".ods" || ext == ".numbers":
		f.Close()
		return nil, fmt.Errorf("不支持 %s 格式，请另存为 .xlsx 或 CSV 后再导入", ext)
	}
	t, err := readCSV(f)
	if err != nil {
		f.Close()
		return nil, err
	}
	return []*table{t}, nil
}

// notSpreadsheet says what a file is when its first bytes (or, for text,
// its name) show it is no ledger: a PDF, an image, a Word file, a web
// page, an archive of another kind. "" when it may be one.
func notSpreadsheet(head []byte, ext string) string {
	lower := bytes.ToLower(bytes.TrimLeft(head, "\xef\xbb\xbf \t\r\n"))
	switch {
	case bytes.HasPrefix(head, []byte("%PDF")):
		return "是 PDF 文件（判决书、决定书请在应用页面“上传判决书”，或用 casebot attach 关联到案件）"
	case bytes.HasPrefix(head, []byte("\x89PNG")), bytes.HasPrefix(head, []byte("\xff\xd8\xff")),
		bytes.HasPrefix(head, []byte("GIF8")), bytes.HasPrefix(head, []byte("BM")) && ext == ".bmp":
		return "是图片（拍照或截图的表格无法导入）"
	case bytes.HasPrefix(head, []byte("{\\rtf")):
		return "是 Word（RTF）文档"
	case bytes.HasPrefix(lower, []byte("<!doctype html")), bytes.HasPrefix(lower, []byte("<html")),
		bytes.HasPrefix(lower, []byte("<table")):
		return "其实是网页格式（有的系统导出的 .xls 是网页）"
	case bytes.HasPrefix(head, []byte("Rar!")), bytes.HasPrefix(head, []byte("7z\xbc\xaf")),
		bytes.HasPrefix(head, []byte("\x1f\x8b")):
		return "是压缩包，请先解压"
	case bytes.HasPrefix(head, zipMagic), bytes.HasPrefix(head, oleMagic):
		return "" // looked into below
	}
	switch ext {
	case ".docx", ".doc", ".wps":
		return "是 Word 文档"
	case ".pdf":
		return "是 PDF 文件"
	case ".ppt", ".pptx", ".dps":
		return "是演示文稿"
	case ".jpg", ".jpeg", ".png", ".heic", ".gif", ".bmp":
		return "是图片"
	case ".zip", ".rar", ".7z":
		return "是压缩包，请先解压"
	}
	return ""
}

// zipKind says what a zip file is when it is not a workbook: a Word file,
// a presentation, an archive. "" for a workbook (or one too broken to
// tell, which readXLSX reports).
func zipKind(r io.ReaderAt, size int64) string {
	z, err := zip.NewReader(r, size)
	if err != nil {
		return ""
	}
	word, ppt := false, false
	for _, f := range z.File {
		switch {
		case strings.HasPrefix(f.Name, "xl/"):
			return ""
		case strings.HasPrefix(f.Name, "word/"):
			word = true
		case strings.HasPrefix(f.Name, "ppt/"):
			ppt = true
		}
	}
	switch {
	case word:
		return "是 Word 文档"
	case ppt:
		return "是演示文稿"
	}
	return "是压缩包，里面没有 Excel 表格"
}

// readXLSX streams the sheets of a workbook: worksheets larger than
// excelize's in-memory limit are unzipped to temporary files, and rows
// are read one at a time.
func readXLSX(f file, size int64) ([]*table, error) {
	merged := hasMergedCells(f, size)
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		f.Close()
		return nil, err
	}
	x, err := excelize.OpenReader(f)
	f.Close()
	if err != nil {
		return nil, fmt.Errorf("无法打开 Excel 文件：%v", err)
	}
	date1904 := false
	if props, err := x.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		date1904 = *props.Date1904
	}
	sheets := x.GetSheetList()
	var out []*table
	open := len(sheets)
	closeOne := func() {
		if open--; open == 0 {
			x.Close()
		}
	}
	for _, sheet := range sheets {
		t := &table{sheet: sheet, date1904: date1904}
		var rows *excelize.Rows
		var fill *mergeFill
		n := 0
		t.next = func() ([]string, error) {
			if rows == nil {
				var err error
				if rows, err = x.Rows(sheet); err != nil {
					return nil, fmt.Errorf("无法读取工作表“%s”：%v", sheet, err)
				}
				if merged {
					// GetMergeCells decodes the whole worksheet, which costs
					// more than its rows: only workbooks that have merged
					// cells pay it.
					ms, err := x.GetMergeCells(sheet, true)
					if err != nil {
						return nil, fmt.Errorf("无法读取工作表“%s”：%v", sheet, err)
					}
					fill = newMergeFill(ms)
				}
			}
			if !rows.Next() {
				if err := rows.Error(); err != nil {
					return nil, fmt.Errorf("无法读取工作表“%s”：%v", sheet, err)
				}
				return nil, io.EOF
			}
			n++
			// Raw values: a date cell reads as its serial, whatever its
			// display format, and a number as written, not as displayed.
			cells, err := rows.Columns(excelize.Options{RawCellValue: true})
			if err != nil {
				return nil, fmt.Errorf("无法读取工作表“%s”：%v", sheet, err)
			}
			if fill != nil {
				cells = fill.apply(n, cells)
			}
			return cells, nil
		}
		closed := false
		t.close = func() {
			if closed {
				return
			}
			closed = true
			if rows != nil {
				rows.Close()
			}
			closeOne()
		}
		out = append(out, t)
	}
	if len(out) == 0 {
		x.Close()
	}
	return out, nil
}

// hasMergedCells reports whether any worksheet of an .xlsx has merged
// cells, by a byte search of the sheets' XML, streamed. When in doubt it
// says yes.
func hasMergedCells(r io.ReaderAt, size int64) bool {
	z, err := zip.NewReader(r, size)
	if err != nil {
		return true
	}
	for _, f := range z.File {
		if !strings.HasPrefix(f.Name, "xl/worksheets/") || !strings.HasSuffix(f.Name, ".xml") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return true
		}
		found, err := containsAny(rc, []byte("<mergeCell "), []byte(":mergeCell "))
		rc.Close()
		if err != nil || found {
			return true
		}
	}
	return false
}

// containsAny reports whether r's content holds one of the needles.
func containsAny(r io.Reader, needles ...[]byte) (bool, error) {
	keep := 0
	for _, n := range needles {
		keep = max(keep, len(n)-1)
	}
	buf := make([]byte, 64<<10)
	carry := 0
	for {
		n, err := r.Read(buf[carry:])
		window := buf[:carry+n]
		for _, nd := range needles {
			if bytes.Contains(window, nd) {
				return true, nil
			}
		}
		if err == io.EOF {
			return false, nil
		}
		if err != nil {
			return false, err
		}
		carry = min(keep, len(window))
		copy(buf, window[len(window)-carry:])
	}
}

// mergeFill copies the value of each merged range's top-left cell into
// every cell of the range as rows stream by: ledgers often merge the 案号
// and case columns over the rows of one case's hearings, and Excel stores
// the value once.
type mergeFill struct {
	ranges []mergeRange // by first row
	active []*mergeRange
	next   int
}

type mergeRange struct {
	r1, r2, c1, c2 int
	value          string
}

func newMergeFill(ms []excelize.MergeCell) *mergeFill {
	f := &mergeFill{}
	for _, m := range ms {
		c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 == nil && err2 == nil {
			f.ranges = append(f.ranges, mergeRange{r1: r1, r2: r2, c1: c1, c2: c2})
		}
	}
	sort.Slice(f.ranges, func(i, j int) bool { return f.ranges[i].r1 < f.ranges[j].r1 })
	return f
}

// apply fills row n (from 1).
func (f *mergeFill) apply(n int, cells []string) []string {
	for f.next < len(f.ranges) && f.ranges[f.next].r1 <= n {
		m := &f.ranges[f.next]
		f.next++
		if m.r1 == n && m.c1-1 < len(cells) {
			m.value = cells[m.c1-1]
		}
		if m.value != "" {
			f.active = append(f.active, m)
		}
	}
	keep := f.active[:0]
	for _, m := range f.active {
		if n > m.r2 {
			continue
		}
		keep = append(keep, m)
		for c := m.c1; c <= m.c2; c++ {
			if n == m.r1 && c == m.c1 {
				continue
			}
			for len(cells) < c {
				cells = append(cells, "")
			}
			cells[c-1] = m.value
		}
	}
	f.active = keep
	return cells
}

// readCSV streams a CSV file, decoded to UTF-8 on the fly.
func readCSV(f file) (*table, error) {
	dec, skip, err := detectEncoding(f)
	if err != nil {
		return nil, err
	}
	if _, err := f.Seek(skip, io.SeekStart); err != nil {
		return nil, err
	}
	var r io.Reader = bufio.NewReaderSize(f, 256<<10)
	if dec != nil {
		r = transform.NewReader(r, dec)
	}
	br := bufio.NewReaderSize(r, 256<<10)
	first, _ := br.Peek(64 << 10)
	line, _, _ := bytes.Cut(first, []byte("\n"))
	cr := csv.NewReader(br)
	cr.Comma = sniffDelimiter(string(line))
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	cr.ReuseRecord = true
	n := 0
	return &table{
		next: func() ([]string, error) {
			rec, err := cr.Read()
			if errors.Is(err, io.EOF) {
				return nil, io.EOF
			}
			if err != nil {
				var pe *csv.ParseError
				if errors.As(err, &pe) {
					return nil, fmt.Errorf("CSV 第 %d 行格式有误（%v），请在 Excel 中重新另存为 CSV", n+1, pe.Err)
				}
				return nil, fmt.Errorf("读取 CSV 失败：%v", err)
			}
			n++
			for _, c := range rec {
				if strings.IndexByte(c, 0) >= 0 {
					return nil, errors.New("文件不是文本也不是 .xlsx，无法读取：请导入 .xlsx 或 CSV 文件")
				}
			}
			return rec, nil
		},
		close: func() { f.Close() },
	}, nil
}

// detectEncoding says how to decode a CSV file and how many bytes of BOM
// to skip. A BOM says what it is; without one, a file that is valid UTF-8
// throughout is UTF-8 and anything else is taken as GB18030, the superset
// of the GBK that Chinese Windows and Excel write CSV in. The validity
// check streams the file.
func detectEncoding(r io.Reader) (*encoding.Decoder, int64, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(3)
	switch {
	case bytes.HasPrefix(head, []byte("\xEF\xBB\xBF")):
		return nil, 3, nil
	case bytes.HasPrefix(head, []byte("\xFF\xFE")):
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder(), 0, nil
	case bytes.HasPrefix(head, []byte("\xFE\xFF")):
		return unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder(), 0, nil
	}
	ok, err := validUTF8(br)
	if err != nil {
		return nil, 0, fmt.Errorf("读取 CSV 失败：%v", err)
	}
	if ok {
		return nil, 0, nil
	}
	return simplifiedchinese.GB18030.NewDecoder(), 0, nil
}

// validUTF8 reports whether r's content is valid UTF-8, reading it once.
func validUTF8(r io.Reader) (bool, error) {
	buf := make([]byte, 64<<10)
	carry := 0
	for {
		n, err := r.Read(buf[carry:])
		chunk := buf[:carry+n]
		// Keep a rune cut at the end of the chunk for the next one.
		cut := 0
		for i := len(chunk) - 1; i >= 0 && i >= len(chunk)-utf8.UTFMax; i-- {
			if utf8.RuneStart(chunk[i]) {
				if !utf8.FullRune(chunk[i:]) {
					cut = len(chunk) - i
				}
				break
			}
		}
		if err == io.EOF {
			return utf8.Valid(chunk), nil
		}
		if !utf8.Valid(chunk[:len(chunk)-cut]) {
			return false, nil
		}
		if err != nil {
			return false, err
		}
		copy(buf, chunk[len(chunk)-cut:])
		carry = cut
	}
}

// sniffDelimiter picks tab for the tab-separated text Excel saves as
// "Unicode 文本", comma otherwise.
func sniffDelimiter(first string) rune {
	if strings.Count(first, "\t") > strings.Count(first, ",") {
		return '\t'
	}
	return ','
}

// ReadFile reads and checks the ledger file at path, keeping every case
// in memory (for a small file; an import streams it, see ImportFile).
func ReadFile(path string, opts ReadOptions) (*Ledger, error) {
	src, err := fileSource(path)
	if err != nil {
		return nil, err
	}
	return readSource(src, opts)
}
