package ledger

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"casebot/bot/cases"
	"casebot/bot/store"
)

// SheetName is the worksheet export writes.
const SheetName = "台账"

// Writer writes cases as an .xlsx ledger in the import template, so that
// importing what it wrote changes nothing. Call Write for each batch of
// cases, then Close.
type Writer struct {
	f     *excelize.File
	sw    *excelize.StreamWriter
	loc   *time.Location
	row   int
	cases int
	style struct{ date, dateTime, dateTimeSec, text int }
}

// NewWriter starts a ledger workbook with the template's header row.
func NewWriter(loc *time.Location) (*Writer, error) {
	w := &Writer{f: excelize.NewFile(), loc: loc}
	if err := w.f.SetSheetName("Sheet1", SheetName); err != nil {
		return nil, err
	}
	var err error
	if w.sw, err = w.f.NewStreamWriter(SheetName); err != nil {
		return nil, err
	}
	styles := []struct {
		dst *int
		s   excelize.Style
	}{
		{&w.style.date, excelize.Style{CustomNumFmt: ptr("yyyy-mm-dd")}},
		{&w.style.dateTime, excelize.Style{CustomNumFmt: ptr("yyyy-mm-dd hh:mm")}},
		{&w.style.dateTimeSec, excelize.Style{CustomNumFmt: ptr("yyyy-mm-dd hh:mm:ss")}},
		{&w.style.text, excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
	}
	for _, s := range styles {
		if *s.dst, err = w.f.NewStyle(&s.s); err != nil {
			return nil, err
		}
	}
	head, err := w.f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}})
	if err != nil {
		return nil, err
	}
	widths := [numFields]float64{fNumber: 26, fPlaintiffs: 18, fDefendants: 24, fCause: 16, fCourt: 18,
		fFiledOn: 12, fHearingAt: 18, fPlace: 14, fMustAppear: 9, fHead: 11, fHeadPost: 11, fHandler: 9,
		fHeadAppeared: 13, fClosedOn: 12, fOutcome: 16, fReason: 24, fNote: 24,
		fCopyReceived: 14, fAppCopyReceived: 14, fAnswered: 14, fServed: 14, fAppealNumber: 22,
		fJudicialIssuer: 16, fJudicialContent: 24, fProcuratorialIssuer: 16, fProcuratorialContent: 24}
	for f := range numFields {
		width := widths[f]
		if width == 0 {
			width = 10
		}
		if err := w.sw.SetColWidth(int(f)+1, int(f)+1, width); err != nil {
			return nil, err
		}
	}
	if err := w.sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return nil, err
	}
	header := make([]any, numFields)
	for f, c := range columns {
		header[f] = excelize.Cell{StyleID: head, Value: c.header}
	}
	return w, w.next(header)
}

func ptr[T any](v T) *T { return &v }

func (w *Writer) next(values []any) error {
	w.row++
	cell, _ := excelize.CoordinatesToCellName(1, w.row)
	return w.sw.SetRow(cell, values)
}

// Write adds cases to the workbook. A case takes one row, its hearing
// times joined with 、 when its hearings share place, head and flags, and
// one row per hearing otherwise. Cancelled hearings are left out; past
// ones are kept.
func (w *Writer) Write(cs []*cases.Case) error {
	for _, c := range cs {
		w.cases++
		for _, group := range hearingRows(c.ActiveHearings()) {
			if err := w.next(w.values(c, group)); err != nil {
				return err
			}
		}
	}
	return nil
}

// Rows and Cases count what has been written (Rows without the header).
func (w *Writer) Rows() int  { return w.row - 1 }
func (w *Writer) Cases() int { return w.cases }

// hearingRows groups hearings that can share a row; a case without
// hearings still gets one (empty) group, hence one row.
func hearingRows(hs []cases.Hearing) [][]cases.Hearing {
	if len(hs) == 0 {
		return [][]cases.Hearing{nil}
	}
	first := hs[0]
	for _, h := range hs[1:] {
		if !sameDetails(first, h) {
			out := make([][]cases.Hearing, len(hs))
			for i := range hs {
				out[i] = hs[i : i+1]
			}
			return out
		}
	}
	return [][]cases.Hearing{hs}
}

func sameDetails(a, b cases.Hearing) bool {
	return a.Place == b.Place && a.MustAppear == b.MustAppear && a.Head == b.Head && a.HeadPost == b.HeadPost &&
		(a.HeadAppeared == nil) == (b.HeadAppeared == nil) && (a.HeadAppeared == nil || *a.HeadAppeared == *b.HeadAppeared)
}

func (w *Writer) values(c *cases.Case, hs []cases.Hearing) []any {
	v := make([]any, numFields)
	text := func(f field, s string) {
		if s != "" {
			v[f] = excelize.Cell{StyleID: w.style.text, Value: s}
		}
	}
	text(fNumber, c.Number)
	text(fKind, string(c.Kind))
	names := make([]string, len(c.Plaintiffs))
	for i, p := range c.Plaintiffs {
		names[i] = p.Name
	}
	text(fPlaintiffs, strings.Join(names, "、"))
	text(fDefendants, strings.Join(c.Defendants, "、"))
	text(fCause, c.Cause)
	text(fCourt, c.Court)
	v[fFiledOn] = w.date(c.FiledOn)
	text(fStage, string(c.Stage))
	switch len(hs) {
	case 0:
	case 1:
		v[fHearingAt] = w.date(hs[0].At)
	default:
		times := make([]string, len(hs))
		for i, h := range hs {
			times[i] = formatTime(h.At, w.loc)
		}
		text(fHearingAt, strings.Join(times, "、"))
	}
	if len(hs) > 0 {
		h := hs[0]
		text(fPlace, h.Place)
		text(fMustAppear, yesNo(h.MustAppear))
		text(fHead, h.Head)
		text(fHeadPost, h.HeadPost)
		if h.HeadAppeared != nil {
			text(fHeadAppeared, yesNo(*h.HeadAppeared))
		}
	}
	text(fHandler, c.Handler)
	if cl := c.Closure; cl != nil {
		v[fClosedOn] = w.date(cl.On)
		text(fOutcome, string(cl.Method))
		text(fReason, cl.Reason)
	}
	text(fNote, c.Note)
	w.clockValues(c, v, text)
	return v
}

// date writes a native Excel date cell: the serial of the wall-clock time
// in the ledger's zone, shown with a time only when it has one.
func (w *Writer) date(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	lt := t.In(w.loc)
	style := w.style.date
	switch {
	case lt.Second() != 0:
		style = w.style.dateTimeSec
	case lt.Hour() != 0 || lt.Minute() != 0:
		style = w.style.dateTime
	}
	return excelize.Cell{StyleID: style, Value: toSerial(t, w.loc)}
}

func yesNo(b bool) string {
	if b {
		return "是"
	}
	return "否"
}

// Close finishes the workbook and writes it to out.
func (w *Writer) Close(out io.Writer) error {
	defer w.f.Close()
	if err := w.sw.Flush(); err != nil {
		return err
	}
	if _, err := w.f.WriteTo(out); err != nil {
		return fmt.Errorf("写入 Excel 失败：%w", err)
	}
	return nil
}

// Export writes every stored case to out as an .xlsx ledger and returns
// how many cases and rows it wrote.
func Export(ctx context.Context, st *store.Store, out io.Writer, loc *time.Location) (ncases, rows int, err error) {
	w, err := NewWriter(loc)
	if err != nil {
		return 0, 0, err
	}
	if err := st.EachCase(ctx, 1000, w.Write); err != nil {
		return 0, 0, err
	}
	if err := w.Close(out); err != nil {
		return 0, 0, err
	}
	return w.Cases(), w.Rows(), nil
}
