package ledger

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// table is one sheet of a ledger file as text: rows[i] is the row the user
// sees as row i+1 in Excel.
type table struct {
	sheet    string
	rows     [][]string
	date1904 bool
}

var (
	zipMagic = []byte("PK\x03\x04")
	oleMagic = []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")
)

// readTables turns a ledger file into tables. The content decides the
// format, not the name: an .xlsx is a zip archive, anything else is read as
// CSV (UTF-8 with or without BOM, UTF-16 with BOM, or GB18030/GBK, which
// Chinese Excel writes), comma- or tab-separated.
func readTables(name string, data []byte) ([]table, error) {
	ext := strings.ToLower(filepath.Ext(name))
	switch {
	case bytes.HasPrefix(data, zipMagic):
		return readXLSX(data)
	case bytes.HasPrefix(data, oleMagic):
		return nil, fmt.Errorf("%s 是旧版 .xls 文件（或加了密码的 Excel 文件），无法读取：请在 Excel 中“另存为” .xlsx 或 CSV 后再导入", filepath.Base(name))
	case ext == ".xlsx" || ext == ".xlsm":
		return nil, fmt.Errorf("%s 不是有效的 .xlsx 文件（文件可能已损坏），请在 Excel 中重新保存后再导入", filepath.Base(name))
	case ext == ".xls" || ext == ".et" || ext == ".wps" || ext == ".ods" || ext == ".numbers":
		return nil, fmt.Errorf("不支持 %s 格式，请另存为 .xlsx 或 CSV 后再导入", ext)
	}
	return readCSV(data)
}

func readXLSX(data []byte) ([]table, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("无法打开 Excel 文件：%v", err)
	}
	defer f.Close()
	date1904 := false
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		date1904 = *props.Date1904
	}
	merged := hasMergedCells(data)
	var out []table
	for _, sheet := range f.GetSheetList() {
		// Raw values: a date cell reads as its serial, whatever its display
		// format, and a number as written, not as displayed.
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, fmt.Errorf("无法读取工作表“%s”：%v", sheet, err)
		}
		if merged {
			merges, err := f.GetMergeCells(sheet, true)
			if err != nil {
				return nil, fmt.Errorf("无法读取工作表“%s”：%v", sheet, err)
			}
			fillMerged(rows, merges)
		}
		out = append(out, table{sheet: sheet, rows: rows, date1904: date1904})
	}
	return out, nil
}

// hasMergedCells reports whether any worksheet of an .xlsx has merged
// cells. excelize's GetMergeCells decodes the whole worksheet into memory,
// which costs more than reading its rows (1.5 s of a 10,000-row ledger);
// a byte search of the sheets' XML spares that for the files that have no
// merged cells, which is most of them. When in doubt it says yes.
func hasMergedCells(data []byte) bool {
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
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
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil || bytes.Contains(b, []byte("<mergeCell ")) || bytes.Contains(b, []byte(":mergeCell ")) {
			return true
		}
	}
	return false
}

// fillMerged copies the value of each merged range's top-left cell into
// every cell of the range: ledgers often merge the 案号 and case columns
// over the rows of one case's hearings, and Excel stores the value once.
func fillMerged(rows [][]string, merges []excelize.MergeCell) {
	for _, m := range merges {
		c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil || r1 > len(rows) {
			continue
		}
		v := cellAt(rows, r1-1, c1-1)
		if v == "" {
			continue
		}
		for r := r1; r <= r2 && r <= len(rows); r++ {
			for c := c1; c <= c2; c++ {
				if r == r1 && c == c1 {
					continue
				}
				for len(rows[r-1]) < c {
					rows[r-1] = append(rows[r-1], "")
				}
				rows[r-1][c-1] = v
			}
		}
	}
}

func cellAt(rows [][]string, r, c int) string {
	if r < 0 || r >= len(rows) || c < 0 || c >= len(rows[r]) {
		return ""
	}
	return rows[r][c]
}

func readCSV(data []byte) ([]table, error) {
	text, err := decodeText(data)
	if err != nil {
		return nil, err
	}
	if strings.ContainsRune(text, 0) {
		return nil, fmt.Errorf("文件不是文本也不是 .xlsx，无法读取：请导入 .xlsx 或 CSV 文件")
	}
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = sniffDelimiter(text)
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	var rows [][]string
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, fmt.Errorf("CSV 第 %d 行格式有误（%v），请在 Excel 中重新另存为 CSV", len(rows)+1, pe.Err)
			}
			return nil, fmt.Errorf("读取 CSV 失败：%v", err)
		}
		rows = append(rows, rec)
	}
	return []table{{rows: rows}}, nil
}

// decodeText returns the file as UTF-8. A BOM says what it is; without
// one, valid UTF-8 is UTF-8 and anything else is taken as GB18030, the
// superset of the GBK that Chinese Windows and Excel write CSV in.
func decodeText(data []byte) (string, error) {
	var dec *encoding.Decoder
	switch {
	case bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")):
		return string(data[3:]), nil
	case bytes.HasPrefix(data, []byte("\xFF\xFE")):
		dec = unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
	case bytes.HasPrefix(data, []byte("\xFE\xFF")):
		dec = unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder()
	case utf8.Valid(data):
		return string(data), nil
	default:
		dec = simplifiedchinese.GB18030.NewDecoder()
	}
	out, err := dec.Bytes(data)
	if err != nil {
		return "", fmt.Errorf("无法识别文件编码：请另存为 UTF-8 或 GBK 编码的 CSV，或直接导入 .xlsx")
	}
	return string(out), nil
}

// sniffDelimiter picks tab for the tab-separated text Excel saves as
// "Unicode 文本", comma otherwise.
func sniffDelimiter(text string) rune {
	first, _, _ := strings.Cut(text, "\n")
	if strings.Count(first, "\t") > strings.Count(first, ",") {
		return '\t'
	}
	return ','
}

// ReadFile reads and checks the ledger file at path.
func ReadFile(path string, opts ReadOptions) (*Ledger, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("找不到文件 %s", path)
		}
		return nil, fmt.Errorf("无法读取 %s：%v", path, err)
	}
	return Read(filepath.Base(path), data, opts)
}
