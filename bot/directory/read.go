// Package directory loads and edits the people directory: who each WeCom
// user is, their role and their agency. It reads the people file (.xlsx or
// .csv with the headers 账号, 姓名, 角色, 单位 and optionally 职务), checks
// every row, resolves each 单位 to the name the ledger uses, and writes the
// whole file or nothing.
package directory

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"casebot/bot/people"
)

// RowError is a problem with one row (or the header, row 1) of a file.
type RowError struct {
	Row     int    `json:"row"`
	Column  string `json:"column,omitempty"`
	Message string `json:"message"`
}

func (e RowError) Error() string {
	if e.Column == "" {
		return fmt.Sprintf("第 %d 行：%s", e.Row, e.Message)
	}
	return fmt.Sprintf("第 %d 行“%s”列：%s", e.Row, e.Column, e.Message)
}

// Row is one person read from a file, with the spreadsheet row it came
// from (the header is row 1).
type Row struct {
	Line   int
	Person people.Person
}

// Columns of the people file.
const (
	ColUserID = "账号"
	ColName   = "姓名"
	ColRole   = "角色"
	ColAgency = "单位"
	ColPost   = "职务"
	ColNote   = "备注"
)

// headerAliases maps the header names people write onto the columns.
var headerAliases = map[string]string{
	"账号": ColUserID, "帐号": ColUserID, "企业微信账号": ColUserID, "企业微信帐号": ColUserID, "userid": ColUserID,
	"用户id": ColUserID, "成员账号": ColUserID,
	"姓名": ColName, "名字": ColName, "name": ColName,
	"角色": ColRole, "身份": ColRole, "role": ColRole,
	"单位": ColAgency, "所属单位": ColAgency, "部门": ColAgency, "单位名称": ColAgency, "agency": ColAgency,
	"职务": ColPost, "职位": ColPost, "post": ColPost,
	// 备注 is accepted and not stored: it is where people explain a row.
	"备注": ColNote, "说明": ColNote,
}

var required = []string{ColUserID, ColName, ColRole, ColAgency}

// userIDPattern is WeCom's rule for a userid: 1 to 64 bytes of letters,
// digits and _-@., starting with a letter or digit.
var userIDPattern = regexp.MustCompile(`^[0-9A-Za-z][0-9A-Za-z_\-@.]{0,63}$`)

// File is a people file as read: the valid rows, the problems found, and
// how many data rows (not counting the header and blank rows) it has.
type File struct {
	Rows   []Row
	Errors []RowError
	Count  int
}

// Read reads a people file; the extension of name (.xlsx or .csv) picks
// the format. Problems with rows are in File.Errors; err is for a file
// that cannot be read at all.
func Read(r io.Reader, name string) (*File, error) {
	var table [][]string
	var err error
	switch strings.ToLower(filepath.Ext(name)) {
	case ".xlsx", ".xlsm":
		table, err = readXLSX(r)
	case ".csv", ".txt":
		table, err = readCSV(r)
	default:
		return nil, fmt.Errorf("文件 %s 的格式无法识别：请使用 .xlsx 或 .csv", filepath.Base(name))
	}
	if err != nil {
		return nil, err
	}
	return parseTable(table), nil
}

func readXLSX(r io.Reader) ([][]string, error) {
	f, err := excelize.OpenReader(r)
	if err != nil {
		return nil, fmt.Errorf("无法打开 Excel 文件：%w", err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, fmt.Errorf("Excel 文件中没有工作表")
	}
	rows, err := f.GetRows(sheets[0])
	if err != nil {
		return nil, fmt.Errorf("无法读取工作表“%s”：%w", sheets[0], err)
	}
	return rows, nil
}

// readCSV reads UTF-8 (with or without a BOM) or, as Excel on Chinese
// Windows saves it, GB18030.
func readCSV(r io.Reader) ([][]string, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(b) {
		if b, err = simplifiedchinese.GB18030.NewDecoder().Bytes(b); err != nil {
			return nil, fmt.Errorf("CSV 文件既不是 UTF-8 也不是 GBK 编码：%w", err)
		}
	}
	cr := csv.NewReader(bytes.NewReader(b))
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	rows, err := cr.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("CSV 文件格式有误：%w", err)
	}
	return rows, nil
}

// parseTable checks the header and every row. The first non-empty row is
// the header.
func parseTable(table [][]string) *File {
	headerAt := -1
	for i, r := range table {
		if !blank(r) {
			headerAt = i
			break
		}
	}
	if headerAt < 0 {
		return &File{Errors: []RowError{{Row: 1, Message: "文件是空的：第一行应为表头 账号、姓名、角色、单位（可加 职务）"}}}
	}
	var errs []RowError
	col := map[string]int{}
	for j, h := range table[headerAt] {
		h = strings.TrimSpace(h)
		if h == "" {
			continue
		}
		name, ok := headerAliases[strings.ToLower(strings.ReplaceAll(h, " ", ""))]
		if !ok {
			errs = append(errs, RowError{Row: headerAt + 1, Column: h,
				Message: "无法识别的列，应为 账号、姓名、角色、单位、职务 或 备注"})
			continue
		}
		if _, dup := col[name]; dup {
			errs = append(errs, RowError{Row: headerAt + 1, Column: h, Message: "与前面的列重复（都表示“" + name + "”）"})
			continue
		}
		col[name] = j
	}
	for _, c := range required {
		if _, ok := col[c]; !ok {
			errs = append(errs, RowError{Row: headerAt + 1, Column: c, Message: "缺少这一列"})
		}
	}
	f := &File{}
	for i := headerAt + 1; i < len(table); i++ {
		if !blank(table[i]) {
			f.Count++
		}
	}
	if len(errs) > 0 {
		f.Errors = errs
		return f
	}

	var rows []Row
	seen := map[string]int{} // lower-cased userid -> row
	for i := headerAt + 1; i < len(table); i++ {
		rec, line := table[i], i+1
		if blank(rec) {
			continue
		}
		cell := func(c string) string {
			j, ok := col[c]
			if !ok || j >= len(rec) {
				return ""
			}
			return strings.TrimSpace(rec[j])
		}
		p := people.Person{UserID: cell(ColUserID), Name: cell(ColName), Agency: cell(ColAgency), Post: cell(ColPost)}
		bad := false
		fail := func(c, msg string) {
			errs = append(errs, RowError{Row: line, Column: c, Message: msg})
			bad = true
		}
		switch {
		case p.UserID == "":
			fail(ColUserID, "账号不能为空（企业微信后台“通讯录”中成员的账号）")
		case !userIDPattern.MatchString(p.UserID):
			fail(ColUserID, fmt.Sprintf("账号“%s”格式不对：企业微信账号只能由字母、数字和 _-@. 组成，以字母或数字开头，不超过 64 个字符", p.UserID))
		default:
			if prev, dup := seen[strings.ToLower(p.UserID)]; dup {
				fail(ColUserID, fmt.Sprintf("账号“%s”与第 %d 行重复", p.UserID, prev))
			} else {
				seen[strings.ToLower(p.UserID)] = line
			}
		}
		if p.Name == "" {
			fail(ColName, "姓名不能为空")
		}
		if r := cell(ColRole); r == "" {
			fail(ColRole, "角色不能为空，应为 管理员、专班（工作人员）、负责人、承办人 或 普法")
		} else if role, err := people.ParseRole(r); err != nil {
			fail(ColRole, err.Error())
		} else {
			p.Role = role
		}
		if (p.Role == people.Head || p.Role == people.Handler) && p.Agency == "" {
			fail(ColAgency, p.Role.Label()+"须填写所属单位")
		}
		if !bad {
			rows = append(rows, Row{Line: line, Person: p})
		}
	}
	f.Rows, f.Errors = rows, errs
	return f
}

func blank(r []string) bool {
	for _, c := range r {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// ValidUserID reports whether id has the shape of a WeCom userid.
func ValidUserID(id string) bool { return userIDPattern.MatchString(id) }
