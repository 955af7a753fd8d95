package ledger

import (
	"bytes"
	"encoding/csv"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"casebot/bot/redistest"
	"casebot/bot/store"
)

var shanghai = mustLoad("Asia/Shanghai")

func mustLoad(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// at parses "2006-01-02 15:04" in Shanghai time.
func at(s string) time.Time {
	layout := "2006-01-02 15:04"
	if len(s) == len("2006-01-02") {
		layout = "2006-01-02"
	}
	t, err := time.ParseInLocation(layout, s, shanghai)
	if err != nil {
		panic(err)
	}
	return t
}

// newStore returns a store on a real Redis under a prefix private to tb.
func newStore(tb testing.TB) *store.Store {
	tb.Helper()
	rdb, k := redistest.New(tb)
	return store.New(rdb, k)
}

// csvFile writes rows as a UTF-8 CSV file.
func csvFile(tb testing.TB, rows ...[]string) []byte {
	tb.Helper()
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	if err := w.WriteAll(rows); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

// xlsxFile writes rows to the first sheet of a workbook; a cell may be any
// value excelize.SetSheetRow takes (a time.Time becomes a date cell).
func xlsxFile(tb testing.TB, rows ...[]any) []byte {
	tb.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			tb.Fatal(err)
		}
	}
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

// mustRead reads a ledger in Shanghai time and fails on a file-level error.
func mustRead(tb testing.TB, name string, data []byte) *Ledger {
	tb.Helper()
	l, err := Read(name, data, ReadOptions{Location: shanghai})
	if err != nil {
		tb.Fatalf("Read %s: %v", name, err)
	}
	return l
}

// mustClean reads a ledger that must have no row errors.
func mustClean(tb testing.TB, name string, data []byte) *Ledger {
	tb.Helper()
	l := mustRead(tb, name, data)
	for _, e := range l.Errors {
		tb.Errorf("unexpected error: %s", e)
	}
	if len(l.Errors) > 0 {
		tb.FailNow()
	}
	return l
}

// errorsOf returns the row errors as (row, column, message) triples.
type rowErr struct {
	Row     int
	Column  string
	Message string
}

func errorsOf(l []RowError) []rowErr {
	out := make([]rowErr, len(l))
	for i, e := range l {
		out[i] = rowErr{e.Row, e.Column, e.Message}
	}
	return out
}

// header is the template's header row.
func header() []string {
	h := make([]string, numFields)
	for f, c := range columns {
		h[f] = c.header
	}
	return h
}

// row builds a template row from field values.
func row(vals map[field]string) []string {
	r := make([]string, numFields)
	for f, v := range vals {
		r[f] = v
	}
	return r
}
