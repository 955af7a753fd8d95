// Package ledger reads and writes the case ledger (台账) in the template of
// the contract (shared/ARCHITECTURE.md, "Ledger template"): .xlsx and CSV in,
// .xlsx out. Read checks a whole file and collects every error with the row
// and column the user sees in Excel; Import merges a checked file into the
// store, all or nothing, with an undo snapshot.
package ledger

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"casebot/bot/cases"
)

// ReadOptions says how to read a ledger.
type ReadOptions struct {
	// Location is the time zone of the dates in the file (config timezone).
	Location *time.Location
}

// Ledger is a ledger file read and checked.
type Ledger struct {
	// Name is the file's base name.
	Name string
	// Rows counts the data rows read; blank rows are not counted.
	Rows int
	// Entries are the cases the file describes, in order of first
	// appearance, valid or not.
	Entries []*Entry
	// Errors lists every problem found, in the order of the file.
	Errors []RowError
	// Notices are things worth telling that are not errors, such as
	// columns that import does not know and therefore ignores.
	Notices []string
}

// Entry is one case as the file describes it, possibly over several rows.
type Entry struct {
	// Number is the normalized 案号.
	Number string
	// Rows are the rows that describe the case, as numbered in Excel.
	Rows []int
	// Case holds the case fields of the file, with Kind and Stage inferred
	// from the number when left blank, and the hearings without IDs.
	Case *cases.Case
	// Invalid is set when any row of the case has an error: the case is
	// then never written, even partly, since a missing hearing row would
	// read as a cancellation.
	Invalid bool

	// present says which columns the file has: a column the file lacks
	// leaves the stored value alone, where a blank cell clears it.
	present [numFields]bool
	// vals and src are, for each case field, its canonical text and the
	// row it came from, to check that rows of one case agree.
	vals [numFields]string
	src  [numFields]int
	// seen says which case fields had a non-blank cell, even an invalid one.
	seen [numFields]bool
	// headers are the case's column headers as written in its first sheet.
	headers   [numFields]string
	hearingAt []int // the row of each hearing in Case.Hearings
	sheet     string
	sheetIdx  int
}

// header returns the column header of f as the file writes it.
func (e *Entry) header(f field) string {
	if e.headers[f] != "" {
		return e.headers[f]
	}
	return columns[f].header
}

// RowError is one problem in a ledger file.
type RowError struct {
	// Sheet names the worksheet when the workbook has several with data.
	Sheet string `json:"-"`
	// Row is the row number as Excel shows it (the template's header is
	// row 1).
	Row int `json:"row"`
	// Column is the column's header as written in the file, or the
	// template's name for a column the file lacks.
	Column string `json:"column"`
	// Message says what is wrong, in Chinese.
	Message string `json:"message"`

	sheetIdx, col int
}

// MarshalJSON folds the sheet into the message, keeping the contract's
// shape {"row","column","message"}.
func (e RowError) MarshalJSON() ([]byte, error) {
	msg := e.Message
	if e.Sheet != "" {
		msg = "工作表“" + e.Sheet + "”：" + msg
	}
	return json.Marshal(struct {
		Row     int    `json:"row"`
		Column  string `json:"column"`
		Message string `json:"message"`
	}{e.Row, e.Column, msg})
}

// String is the error as one line for people.
func (e RowError) String() string {
	var b strings.Builder
	if e.Sheet != "" {
		fmt.Fprintf(&b, "工作表“%s”", e.Sheet)
	}
	fmt.Fprintf(&b, "第 %d 行", e.Row)
	if e.Column != "" {
		fmt.Fprintf(&b, "「%s」", e.Column)
	}
	return b.String() + "：" + e.Message
}

// Numbers returns the normalized number of every case the file mentions,
// valid or not.
func (l *Ledger) Numbers() []string {
	out := make([]string, len(l.Entries))
	for i, e := range l.Entries {
		out[i] = e.Number
	}
	return out
}

// headerScanRows is how far down a sheet Read looks for the header row:
// ledgers often carry a title row or two above it.
const headerScanRows = 20

// Read parses and checks a ledger file's content; name is the file name,
// used to tell .xlsx from .csv only when the content does not say. An error
// is returned only for a file that cannot be read at all; problems in rows
// are collected in Ledger.Errors.
func Read(name string, data []byte, opts ReadOptions) (*Ledger, error) {
	loc := opts.Location
	if loc == nil {
		loc = time.Local
	}
	tables, err := readTables(name, data)
	if err != nil {
		return nil, err
	}
	l := &Ledger{Name: name}
	p := &parser{l: l, loc: loc, byNumber: map[string]*Entry{}}
	var withHeader []int
	headers := make([]int, len(tables))
	for i, t := range tables {
		headers[i] = findHeader(t.rows)
		if headers[i] >= 0 {
			withHeader = append(withHeader, i)
		} else if t.sheet != "" && hasData(t.rows) && len(tables) > 1 {
			l.Notices = append(l.Notices, fmt.Sprintf("工作表“%s”没有“案号”列，已跳过", t.sheet))
		}
	}
	if len(withHeader) == 0 {
		if !hasAnyData(tables) {
			return nil, fmt.Errorf("%s 是空文件，没有表头也没有数据", name)
		}
		l.Errors = append(l.Errors, RowError{Row: 1, Column: columns[fNumber].header,
			Message: "找不到“案号”列：表头应包含 案号、被告 等列名（可用 casebot export 导出模板）"})
		return l, nil
	}
	for _, i := range withHeader {
		sheet := ""
		if len(withHeader) > 1 {
			sheet = tables[i].sheet
		}
		p.table(tables[i], headers[i], sheet, i)
	}
	p.finish()
	sort.SliceStable(l.Errors, func(i, j int) bool {
		a, b := l.Errors[i], l.Errors[j]
		if a.sheetIdx != b.sheetIdx {
			return a.sheetIdx < b.sheetIdx
		}
		if a.Row != b.Row {
			return a.Row < b.Row
		}
		return a.col < b.col
	})
	return l, nil
}

// findHeader returns the index of the first row naming the 案号 column,
// or -1.
func findHeader(rows [][]string) int {
	for i := 0; i < len(rows) && i < headerScanRows; i++ {
		for _, cell := range rows[i] {
			if f, ok := lookupHeader(cell); ok && f == fNumber {
				return i
			}
		}
	}
	return -1
}

func hasData(rows [][]string) bool {
	for _, r := range rows {
		if !blankRow(r) {
			return true
		}
	}
	return false
}

func hasAnyData(ts []table) bool {
	for _, t := range ts {
		if hasData(t.rows) {
			return true
		}
	}
	return false
}

func blankRow(r []string) bool {
	for _, c := range r {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// parser collects the entries of a ledger across its tables.
type parser struct {
	l        *Ledger
	loc      *time.Location
	byNumber map[string]*Entry
}

// sheetParser is the state of one table: which column holds which field.
type sheetParser struct {
	*parser
	t        table
	sheet    string
	sheetIdx int
	cols     [numFields][]int
	headers  []string
}

func (p *parser) table(t table, header int, sheet string, sheetIdx int) {
	sp := &sheetParser{parser: p, t: t, sheet: sheet, sheetIdx: sheetIdx, headers: t.rows[header]}
	var unknown []string
	for j, h := range t.rows[header] {
		if f, ok := lookupHeader(h); ok {
			sp.cols[f] = append(sp.cols[f], j)
		} else if n := normalizeHeader(h); n != "" && !ignoredHeaders[n] {
			unknown = append(unknown, strings.TrimSpace(h))
		}
	}
	if len(unknown) > 0 {
		where := ""
		if sheet != "" {
			where = "工作表“" + sheet + "”"
		}
		p.l.Notices = append(p.l.Notices, fmt.Sprintf("%s以下列不在台账模板中，未导入：%s", where, strings.Join(unknown, "、")))
	}
	if len(sp.cols[fDefendants]) == 0 {
		p.l.Errors = append(p.l.Errors, RowError{Sheet: sheet, Row: header + 1, Column: columns[fDefendants].header,
			Message: "缺少“被告”列（也可写作 被申请人、被诉机关）", sheetIdx: sheetIdx, col: -1})
		return
	}
	for i := header + 1; i < len(t.rows); i++ {
		if blankRow(t.rows[i]) {
			continue
		}
		p.l.Rows++
		sp.row(i+1, t.rows[i])
	}
}

// rowParser reads one row.
type rowParser struct {
	*sheetParser
	row   int
	cells []string
	bad   bool
	used  [numFields]int // the column each field was read from
	read  [numFields]bool
	value [numFields]string
}

// get returns the trimmed value of field f in this row. When a field has
// several columns (原告 and 申请人, say), the first non-blank one is used
// and a second that says something else is an error.
func (r *rowParser) get(f field) string {
	if !r.read[f] {
		r.read[f] = true
		r.value[f] = r.lookup(f)
	}
	return r.value[f]
}

func (r *rowParser) lookup(f field) string {
	val, from := "", -1
	for _, j := range r.cols[f] {
		v := ""
		if j < len(r.cells) {
			v = strings.TrimSpace(r.cells[j])
		}
		switch {
		case v == "":
		case from < 0:
			val, from = v, j
		case v != val:
			r.failAt(j, "与“%s”列的内容不一致（“%s” / “%s”），这两列是同一项，请只填一列", strings.TrimSpace(r.headers[from]), val, v)
		}
	}
	r.used[f] = from
	if from < 0 && len(r.cols[f]) > 0 {
		r.used[f] = r.cols[f][0]
	}
	return val
}

// column returns the header of field f as written in this table, or the
// template's name when the table lacks the column.
func (sp *sheetParser) column(f field, used int) string {
	if used >= 0 && used < len(sp.headers) {
		return strings.TrimSpace(sp.headers[used])
	}
	if len(sp.cols[f]) > 0 {
		return strings.TrimSpace(sp.headers[sp.cols[f][0]])
	}
	return columns[f].header
}

func (r *rowParser) fail(f field, format string, args ...any) {
	col := -1
	if len(r.cols[f]) > 0 {
		col = r.cols[f][0]
	}
	if r.used[f] >= 0 && len(r.cols[f]) > 0 {
		col = r.used[f]
	}
	r.errorAt(r.row, r.column(f, col), col, fmt.Sprintf(format, args...))
	r.bad = true
}

func (r *rowParser) failAt(col int, format string, args ...any) {
	r.errorAt(r.row, strings.TrimSpace(r.headers[col]), col, fmt.Sprintf(format, args...))
	r.bad = true
}

func (sp *sheetParser) errorAt(row int, column string, col int, msg string) {
	sp.l.Errors = append(sp.l.Errors, RowError{Sheet: sp.sheet, Row: row, Column: column, Message: msg,
		sheetIdx: sp.sheetIdx, col: col})
}

// rowValues is what one row says about its case.
type rowValues struct {
	c        cases.Case
	closedOn time.Time
	outcome  cases.Outcome
	reason   string
	vals     [numFields]string
	seen     [numFields]bool
	// The deadline columns beyond v.c's own fields (clocks.go).
	copyLit, copyRecon time.Time
	sugg               [2]cases.Suggestion // by cases.SuggestionKinds
}

func (sp *sheetParser) row(n int, cells []string) {
	r := &rowParser{sheetParser: sp, row: n, cells: cells}
	for i := range r.used {
		r.used[i] = -1
	}
	raw := r.get(fNumber)
	var num *cases.Number
	if raw == "" {
		r.fail(fNumber, "缺少案号")
	} else if n, err := cases.ParseNumber(raw); err != nil {
		r.fail(fNumber, "%v", err)
	} else {
		num = &n
	}
	// The rest of the row is checked even without a valid number, so that
	// one pass over the file reports every error.
	var v rowValues
	r.caseFields(num, &v)
	hearings := r.hearings()
	if num == nil {
		return
	}

	e := sp.byNumber[num.String()]
	if e == nil {
		e = &Entry{Number: num.String(), Case: &cases.Case{Number: num.String(), Kind: num.Kind()},
			sheet: sp.sheet, sheetIdx: sp.sheetIdx}
		sp.byNumber[e.Number] = e
		sp.l.Entries = append(sp.l.Entries, e)
	}
	e.Rows = append(e.Rows, n)
	for f := range numFields {
		if len(sp.cols[f]) > 0 {
			e.present[f] = true
			if e.headers[f] == "" {
				e.headers[f] = sp.column(f, -1)
			}
		}
		e.seen[f] = e.seen[f] || v.seen[f]
	}
	r.merge(e, &v, hearings)
	if r.bad {
		e.Invalid = true
	}
}

// caseFields reads the case columns of the row into v; num is nil when
// the row's number is missing or invalid.
func (r *rowParser) caseFields(num *cases.Number, v *rowValues) {
	for _, f := range caseFields {
		v.seen[f] = r.get(f) != ""
	}
	kind := cases.Litigation
	if num != nil {
		kind = num.Kind()
	}
	if s := r.get(fKind); s != "" {
		k, err := cases.ParseKind(s)
		switch {
		case err != nil:
			r.fail(fKind, "%v", err)
		case num != nil && k != num.Kind():
			r.fail(fKind, "案件类型“%s”与案号不符：%s 是%s案号", s, num.String(), num.Kind())
		default:
			v.c.Kind, v.vals[fKind], kind = k, string(k), k
		}
	}
	if s := r.get(fStage); s != "" {
		st, err := cases.ParseStage(s)
		switch {
		case err != nil:
			r.fail(fStage, "%v", err)
		case num != nil && num.Stage() != "" && st != num.Stage():
			r.fail(fStage, "审理阶段“%s”与案号不符：%s 是%s案号", s, num.String(), num.Stage())
		default:
			v.c.Stage, v.vals[fStage] = st, string(st)
		}
	}
	if names := splitList(r.get(fPlaintiffs)); len(names) > 0 {
		for _, name := range names {
			v.c.Plaintiffs = append(v.c.Plaintiffs, cases.NewParty(name))
		}
		v.vals[fPlaintiffs] = strings.Join(names, "、")
	}
	if names := splitList(r.get(fDefendants)); len(names) > 0 {
		v.c.Defendants = names
		v.vals[fDefendants] = strings.Join(names, "、")
	}
	text := func(f field, dst *string) {
		*dst = cleanText(r.get(f))
		v.vals[f] = *dst
	}
	text(fCause, &v.c.Cause)
	text(fCourt, &v.c.Court)
	text(fHandler, &v.c.Handler)
	text(fNote, &v.c.Note)
	text(fReason, &v.reason)
	r.readClocks(v)
	v.c.FiledOn = r.date(fFiledOn, &v.vals)
	v.closedOn = r.date(fClosedOn, &v.vals)
	if s := r.get(fOutcome); s != "" {
		o, err := cases.ParseOutcome(kind, s)
		if err != nil {
			r.fail(fOutcome, "%v", err)
		} else {
			v.outcome, v.vals[fOutcome] = o, string(o)
		}
	}
}

// date reads a one-date column; its canonical text is the instant.
func (r *rowParser) date(f field, vals *[numFields]string) time.Time {
	s := r.get(f)
	if s == "" {
		return time.Time{}
	}
	t, _, err := parseTime(s, r.loc, r.t.date1904)
	if err != nil {
		r.fail(f, "%v", err)
		return time.Time{}
	}
	vals[f] = t.Format(time.RFC3339)
	return t
}

// hearings reads the hearing columns: one or more times (separated by 、
// or ;) sharing the row's place, head and flags.
func (r *rowParser) hearings() []cases.Hearing {
	var h cases.Hearing
	h.Place = cleanText(r.get(fPlace))
	h.Head = cleanText(r.get(fHead))
	h.HeadPost = cleanText(r.get(fHeadPost))
	if s := r.get(fMustAppear); s != "" {
		v, _, err := parseYesNo(s)
		if err != nil {
			r.fail(fMustAppear, "%v", err)
		}
		h.MustAppear = v
	}
	if s := r.get(fHeadAppeared); s != "" {
		v, known, err := parseYesNo(s)
		if err != nil {
			r.fail(fHeadAppeared, "%v", err)
		} else if known {
			h.HeadAppeared = &v
		}
	}
	raw := r.get(fHearingAt)
	var out []cases.Hearing
	for _, s := range splitList(raw) {
		t, _, err := parseTime(s, r.loc, r.t.date1904)
		if err != nil {
			r.fail(fHearingAt, "%v", err)
			continue
		}
		if slices.ContainsFunc(out, func(o cases.Hearing) bool { return o.At.Equal(t) }) {
			r.fail(fHearingAt, "开庭时间 %s 写了两次", formatTime(t, r.loc))
			continue
		}
		hh := h
		if h.HeadAppeared != nil {
			v := *h.HeadAppeared
			hh.HeadAppeared = &v
		}
		hh.At = t
		out = append(out, hh)
	}
	if raw == "" {
		// Details without a time would be lost: say so.
		for _, f := range hearingDetails {
			if s := r.get(f); s != "" && !(f == fMustAppear && isNo(s)) {
				r.fail(f, "填写了%s，但开庭时间为空：请补上开庭时间，或清空此格", r.column(f, r.used[f]))
			}
		}
	}
	return out
}

func isNo(s string) bool {
	v, known, err := parseYesNo(s)
	return err == nil && known && !v
}

// merge adds the row's values to the entry, checking that rows of one
// case agree: a blank cell in a later row means "as above".
func (r *rowParser) merge(e *Entry, v *rowValues, hearings []cases.Hearing) {
	for _, f := range caseFields {
		if v.vals[f] == "" {
			continue
		}
		if e.vals[f] == "" {
			e.vals[f], e.src[f] = v.vals[f], r.row
			setField(e, v, f)
			continue
		}
		if e.vals[f] != v.vals[f] {
			r.fail(f, "同一案号 %s 的第 %d 行与第 %d 行%s不一致（第 %d 行：%s；第 %d 行：%s）", e.Number, e.src[f], r.row,
				columns[f].header, e.src[f], display(f, e.vals[f], r.loc), r.row, display(f, v.vals[f], r.loc))
		}
	}
	for _, h := range hearings {
		if i := slices.IndexFunc(e.Case.Hearings, func(o cases.Hearing) bool { return o.At.Equal(h.At) }); i >= 0 {
			r.fail(fHearingAt, "开庭时间 %s 与第 %d 行重复", formatTime(h.At, r.loc), e.hearingAt[i])
			continue
		}
		e.Case.Hearings = append(e.Case.Hearings, h)
		e.hearingAt = append(e.hearingAt, r.row)
	}
}

// display shows a canonical value to people: dates in the ledger's form.
func display(f field, val string, loc *time.Location) string {
	if isDateField(f) {
		if t, err := time.Parse(time.RFC3339, val); err == nil {
			return formatTime(t, loc)
		}
	}
	return "“" + val + "”"
}

// setField copies field f of a row into its entry.
func setField(e *Entry, v *rowValues, f field) {
	c := e.Case
	switch f {
	case fKind:
		c.Kind = v.c.Kind
	case fPlaintiffs:
		c.Plaintiffs = v.c.Plaintiffs
	case fDefendants:
		c.Defendants = v.c.Defendants
	case fCause:
		c.Cause = v.c.Cause
	case fCourt:
		c.Court = v.c.Court
	case fFiledOn:
		c.FiledOn = v.c.FiledOn
	case fStage:
		c.Stage = v.c.Stage
	case fHandler:
		c.Handler = v.c.Handler
	case fNote:
		c.Note = v.c.Note
	case fClosedOn, fOutcome, fReason:
		if c.Closure == nil {
			c.Closure = &cases.Closure{}
		}
		switch f {
		case fClosedOn:
			c.Closure.On = v.closedOn
		case fOutcome:
			c.Closure.Method = v.outcome
		case fReason:
			c.Closure.Reason = v.reason
		}
	default:
		setClockField(e, v, f)
	}
}

// finish checks each case as a whole, once all its rows are read.
func (p *parser) finish() {
	for _, e := range p.l.Entries {
		c := e.Case
		if c.Stage == "" {
			c.Stage = cases.MustParseNumber(e.Number).Stage()
		}
		// fail reports a problem of the case at the row that gave the value
		// at fault (or its first row), in the column of field f.
		fail := func(f, at field, msg string) {
			row := e.Rows[0]
			if e.src[at] > 0 {
				row = e.src[at]
			}
			p.l.Errors = append(p.l.Errors, RowError{Sheet: e.sheet, Row: row, Column: e.header(f), Message: msg,
				sheetIdx: e.sheetIdx, col: 1000 + int(f)})
			e.Invalid = true
		}
		if !e.seen[fDefendants] {
			fail(fDefendants, fDefendants, "缺少被告（被申请人）：请填写被诉的行政机关，多个机关用“、”分隔")
		}
		switch {
		case !e.seen[fClosedOn] && !e.seen[fOutcome] && e.seen[fReason]:
			fail(fClosedOn, fReason, "填写了败诉原因，但没有结案日期和结案方式")
		case !e.seen[fClosedOn] && e.seen[fOutcome]:
			fail(fClosedOn, fOutcome, "填写了结案方式，但没有结案日期")
		case e.seen[fClosedOn] && !e.seen[fOutcome]:
			fail(fOutcome, fClosedOn, "填写了结案日期，但没有结案方式")
		}
		finishClocks(e, p.loc, fail)
	}
}
