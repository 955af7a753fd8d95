// Package ledger reads and writes the case ledger (台账) in the template of
// the contract (shared/ARCHITECTURE.md, "Ledger template"): .xlsx and CSV in,
// .xlsx out. Read checks a whole file and collects every error with the row
// and column the user sees in Excel; Import merges a checked file into the
// store, all or nothing, with an undo snapshot.
package ledger

import (
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
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
	// appearance, valid or not (Read keeps them; ImportFile does not).
	Entries []*Entry
	// Cases counts the cases the file describes.
	Cases int
	// Errors lists the problems found, in the order of the file, up to
	// MaxErrors; MoreErrors counts those beyond.
	Errors     []RowError
	MoreErrors int
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

// MaxErrors bounds the row errors kept for the report: a wrong file can
// have one in every row, and nobody reads past the first thousands.
const MaxErrors = 10000

// Read parses and checks a ledger file's content; name is the file name,
// used to tell .xlsx from .csv only when the content does not say. An error
// is returned only for a file that cannot be read at all; problems in rows
// are collected in Ledger.Errors. Every case is kept (Ledger.Entries): for
// a large file, ImportFile streams it instead.
func Read(name string, data []byte, opts ReadOptions) (*Ledger, error) {
	return readSource(bytesSource(name, data), opts)
}

// readSource reads a whole ledger, keeping every case.
func readSource(src *source, opts ReadOptions) (*Ledger, error) {
	l := &Ledger{Name: src.name}
	p := newParser(l, opts)
	if err := p.run(src); err != nil {
		return nil, err
	}
	p.finish()
	l.sortErrors()
	l.Cases = len(l.Entries)
	return l, nil
}

func (l *Ledger) sortErrors() {
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
}

func newParser(l *Ledger, opts ReadOptions) *parser {
	loc := opts.Location
	if loc == nil {
		loc = time.Local
	}
	return &parser{l: l, loc: loc, byNumber: map[string]*Entry{}}
}

// run reads every table of src: the header row of each is found in its
// first rows, and the data rows below it go through the row parser (or,
// with rowsOnly, only to onRow, for counting).
func (p *parser) run(src *source) error {
	tables, err := src.tables()
	if err != nil {
		return err
	}
	defer func() {
		for _, t := range tables {
			t.close()
		}
	}()
	// The first rows of each table: where its header is.
	heads := make([][][]string, len(tables))
	headers := make([]int, len(tables))
	var withHeader []int
	anyData := false
	for i, t := range tables {
		rows, err := firstRows(t, headerScanRows)
		if err != nil {
			return err
		}
		heads[i] = rows
		headers[i] = findHeader(rows)
		if headers[i] >= 0 {
			withHeader = append(withHeader, i)
			anyData = true
			continue
		}
		data, err := restHasData(t, rows)
		if err != nil {
			return err
		}
		anyData = anyData || data
		if t.sheet != "" && data && len(tables) > 1 {
			p.l.Notices = append(p.l.Notices, fmt.Sprintf("工作表“%s”没有“案号”列，已跳过", t.sheet))
		}
	}
	if len(withHeader) == 0 {
		if !anyData {
			return fmt.Errorf("%s 是空文件，没有表头也没有数据", src.name)
		}
		p.l.Errors = append(p.l.Errors, RowError{Row: 1, Column: columns[fNumber].header,
			Message: "找不到“案号”列：表头应包含 案号、被告 等列名（可用 casebot export 导出模板）"})
		return nil
	}
	for _, i := range withHeader {
		sheet := ""
		if len(withHeader) > 1 {
			sheet = tables[i].sheet
		}
		if err := p.table(tables[i], heads[i], headers[i], sheet, i); err != nil {
			return err
		}
	}
	return nil
}

// firstRows reads up to n rows of t.
func firstRows(t *table, n int) ([][]string, error) {
	var rows [][]string
	for len(rows) < n {
		r, err := t.next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		rows = append(rows, append([]string(nil), r...))
	}
	return rows, nil
}

// restHasData reports whether a table has a non-blank row, looking at the
// rows already read and then at the rest.
func restHasData(t *table, read [][]string) (bool, error) {
	if hasData(read) {
		return true, nil
	}
	for {
		r, err := t.next()
		if errors.Is(err, io.EOF) {
			return false, nil
		}
		if err != nil {
			return false, err
		}
		if !blankRow(r) {
			return true, nil
		}
	}
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

func blankRow(r []string) bool {
	for _, c := range r {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// parser collects the entries of a ledger across its tables.
//
// With counts (the rows of each case, from a first pass, see rowCounts) it
// streams: an entry is finished and handed to emit as soon as its last
// row is read, and forgotten, so a file of any length is read in the
// memory of the cases whose rows are still coming. Without, every entry is
// kept in Ledger.Entries and finished at the end.
type parser struct {
	l        *Ledger
	loc      *time.Location
	byNumber map[string]*Entry
	counts   map[uint64]uint32
	emit     func(*Entry) error
	// onRow, when set, takes each data row's number instead of the row
	// parser (the counting pass).
	onRow func(number string)
}

// sheetParser is the state of one table: which column holds which field.
type sheetParser struct {
	*parser
	t        *table
	sheet    string
	sheetIdx int
	date1904 bool
	cols     [numFields][]int
	headers  []string
}

// table reads the data rows of t below its header row (heads are the rows
// read already, header the index of the header among them).
func (p *parser) table(t *table, heads [][]string, header int, sheet string, sheetIdx int) error {
	sp := &sheetParser{parser: p, t: t, sheet: sheet, sheetIdx: sheetIdx, date1904: t.date1904, headers: heads[header]}
	if !sp.columns(heads[header], header) {
		return nil
	}
	n := header + 1
	row := func(cells []string) error {
		n++
		if blankRow(cells) {
			return nil
		}
		if p.onRow != nil {
			r := &rowParser{sheetParser: sp, row: n, cells: cells}
			for i := range r.used {
				r.used[i] = -1
			}
			p.onRow(r.get(fNumber))
			return nil
		}
		p.l.Rows++
		e := sp.row(n, cells)
		if e != nil && p.counts != nil && uint32(len(e.Rows)) >= p.counts[numberHash(e.Number)] {
			return p.complete(e)
		}
		return nil
	}
	for _, cells := range heads[header+1:] {
		if err := row(cells); err != nil {
			return err
		}
	}
	for {
		cells, err := t.next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if err := row(cells); err != nil {
			return err
		}
	}
}

// columns maps the header row to fields; false when the table cannot be
// read (no 被告 column).
func (sp *sheetParser) columns(headerRow []string, header int) bool {
	p, sheet, sheetIdx := sp.parser, sp.sheet, sp.sheetIdx
	var unknown []string
	for j, h := range headerRow {
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
		if p.onRow == nil {
			p.addError(RowError{Sheet: sheet, Row: header + 1, Column: columns[fDefendants].header,
				Message: "缺少“被告”列（也可写作 被申请人、被诉机关）", sheetIdx: sheetIdx, col: -1})
		}
		return false
	}
	return true
}

// addError keeps an error, up to MaxErrors.
func (p *parser) addError(e RowError) {
	if len(p.l.Errors) >= MaxErrors {
		p.l.MoreErrors++
		return
	}
	p.l.Errors = append(p.l.Errors, e)
}

// numberHash is what the counting pass remembers of a case number.
func numberHash(n string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(n))
	return h.Sum64()
}

// complete finishes an entry whose rows are all read and hands it on.
func (p *parser) complete(e *Entry) error {
	delete(p.byNumber, e.Number)
	p.finishEntry(e)
	if p.emit != nil {
		return p.emit(e)
	}
	return nil
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
	sp.addError(RowError{Sheet: sp.sheet, Row: row, Column: column, Message: msg, sheetIdx: sp.sheetIdx, col: col})
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

// row parses one data row into its case's entry, and returns the entry
// (nil when the row's number is missing or invalid).
func (sp *sheetParser) row(n int, cells []string) *Entry {
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
		return nil
	}

	e := sp.byNumber[num.String()]
	if e == nil {
		e = &Entry{Number: num.String(), Case: &cases.Case{Number: num.String(), Kind: num.Kind()},
			sheet: sp.sheet, sheetIdx: sp.sheetIdx}
		sp.byNumber[e.Number] = e
		if sp.counts == nil {
			sp.l.Entries = append(sp.l.Entries, e)
		}
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
	return e
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

// finish checks each case still held as a whole: every case, when the
// parser keeps them all; when it streams, the cases whose rows did not all
// come (none, unless the file changed between the passes).
func (p *parser) finish() error {
	if p.counts == nil {
		for _, e := range p.l.Entries {
			p.finishEntry(e)
		}
		return nil
	}
	left := make([]*Entry, 0, len(p.byNumber))
	for _, e := range p.byNumber {
		left = append(left, e)
	}
	sort.Slice(left, func(i, j int) bool { return left[i].Rows[0] < left[j].Rows[0] })
	for _, e := range left {
		if err := p.complete(e); err != nil {
			return err
		}
	}
	return nil
}

// finishEntry checks a case as a whole, once all its rows are read.
func (p *parser) finishEntry(e *Entry) {
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
		p.addError(RowError{Sheet: e.sheet, Row: row, Column: e.header(f), Message: msg,
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

// rowCounts is the first pass of a streaming read: how many rows each
// case number (hashed) has, and how many numbers there are.
func rowCounts(src *source, opts ReadOptions) (map[uint64]uint32, error) {
	counts := map[uint64]uint32{}
	p := newParser(&Ledger{Name: src.name}, opts)
	p.onRow = func(raw string) {
		if raw == "" {
			return
		}
		if n, err := cases.ParseNumber(raw); err == nil {
			counts[numberHash(n.String())]++
		}
	}
	return counts, p.run(src)
}
