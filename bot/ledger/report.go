package ledger

import (
	"strconv"
	"strings"
	"time"

	"casebot/bot/cases"
)

// FieldChange is one value an import changes (or, for a new case, a date
// read from a writing other than the template's), with the cell as
// written, so that a dry run shows how each was read.
type FieldChange struct {
	Number string
	Row    int
	Column string
	// From is the stored value ("" for a new case or a blank), To the
	// value read, Raw the cell as the file writes it.
	From, To, Raw string
}

// reportedFields are the case columns whose changes a dry run lists.
var reportedFields = []field{fKind, fPlaintiffs, fDefendants, fCause, fCourt, fFiledOn, fStage, fHandler,
	fClosedOn, fOutcome, fReason, fNote}

// fieldText is field f of c as a person reads it.
func fieldText(c *cases.Case, f field, loc *time.Location) string {
	if c == nil {
		return ""
	}
	closure := func(get func(*cases.Closure) string) string {
		if c.Closure == nil {
			return ""
		}
		return get(c.Closure)
	}
	switch f {
	case fKind:
		return string(c.Kind)
	case fPlaintiffs:
		return c.PlaintiffNames()
	case fDefendants:
		return strings.Join(c.Defendants, "、")
	case fCause:
		return c.Cause
	case fCourt:
		return c.Court
	case fFiledOn:
		return cases.FormatDate(c.FiledOn, loc)
	case fStage:
		return string(c.Stage)
	case fHandler:
		return c.Handler
	case fClosedOn:
		return closure(func(cl *cases.Closure) string { return cases.FormatDate(cl.On, loc) })
	case fOutcome:
		return closure(func(cl *cases.Closure) string { return string(cl.Method) })
	case fReason:
		return closure(func(cl *cases.Closure) string { return cl.Reason })
	case fNote:
		return c.Note
	}
	return ""
}

// fieldChanges lists how the import changes old into c: every reported
// field of an existing case that changes, and for new and old cases alike
// the dates and hearing times whose cell was not written as the value
// reads back (12月3日 上午9:30（星期四） read as 2026-12-03 09:30).
func fieldChanges(old, c *cases.Case, e *Entry, loc *time.Location) []FieldChange {
	var out []FieldChange
	for _, f := range reportedFields {
		if !e.present[f] {
			continue
		}
		from, to := fieldText(old, f, loc), fieldText(c, f, loc)
		raw := e.raw[f]
		switch {
		case old != nil && from != to:
		case isDateField(f) && raw != "" && strings.TrimSpace(raw) != to && !sameAsFormatted(raw, to):
		default:
			continue
		}
		row := e.Rows[0]
		if e.src[f] > 0 {
			row = e.src[f]
		}
		out = append(out, FieldChange{Number: c.Number, Row: row, Column: e.header(f), From: from, To: to, Raw: raw})
	}
	for i, h := range e.Case.Hearings {
		if i >= len(e.hearingRaw) {
			break
		}
		raw, to := e.hearingRaw[i], cases.FormatTime(h.At, loc)
		if strings.TrimSpace(raw) == to || sameAsFormatted(raw, to) {
			continue
		}
		out = append(out, FieldChange{Number: c.Number, Row: e.hearingAt[i], Column: e.header(fHearingAt), To: to, Raw: raw})
	}
	return out
}

// sameAsFormatted reports whether a cell writes a value the way it is
// shown (2026-12-03 09:30 and 2026-12-03 9:30 need no explaining).
func sameAsFormatted(raw, formatted string) bool {
	return strings.Join(strings.Fields(foldWidth(raw)), " ") == formatted ||
		strings.Replace(strings.TrimSpace(raw), " 0", " ", 1) == strings.Replace(formatted, " 0", " ", 1)
}

// String is the change as one line for people.
func (ch FieldChange) String() string {
	var b strings.Builder
	b.WriteString(ch.Number)
	b.WriteString(" 第 " + strconv.Itoa(ch.Row) + " 行「" + ch.Column + "」：")
	switch {
	case ch.From != "" && ch.To != "":
		b.WriteString(ch.From + " → " + ch.To)
	case ch.From != "":
		b.WriteString(ch.From + " → （清空）")
	default:
		b.WriteString(ch.To)
	}
	if raw := strings.TrimSpace(ch.Raw); raw != "" && raw != ch.To {
		b.WriteString("（原文“" + raw + "”）")
	}
	return b.String()
}
