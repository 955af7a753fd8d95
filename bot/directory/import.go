package directory

import (
	"context"
	"fmt"
	"strings"

	"casebot/bot/agency"
	"casebot/bot/people"
)

// Agencies resolves the 单位 people write to the name the ledger uses, so
// that scoping, “我的案件” and reminders find the agency's cases.
type Agencies struct {
	Names agency.Names
	// Known are the agencies named as defendants in the ledger.
	Known []string
}

// Resolve returns the ledger's name for written: the one agency it
// designates (市场监管局 → 某县市场监督管理局), or written itself when the
// ledger has no such agency yet. note explains a change or an unknown
// agency; err says when written designates several agencies.
func (a Agencies) Resolve(written string) (name, note string, err error) {
	written = strings.TrimSpace(written)
	if written == "" {
		return "", "", nil
	}
	matches := a.Names.Resolve(written, a.Known)
	switch len(matches) {
	case 0:
		return written, fmt.Sprintf("台账中还没有“%s”的案件，已按所填名称登记；如与台账写法不同，请改为台账中的单位全称", written), nil
	case 1:
		if matches[0] != written {
			return matches[0], fmt.Sprintf("单位“%s”按台账记为“%s”", written, matches[0]), nil
		}
		return written, "", nil
	}
	return "", "", fmt.Errorf("单位“%s”在台账中对应多个单位（%s），请写全称", written, strings.Join(matches, "、"))
}

// Store is what an import needs from the directory store.
type Store interface {
	Agencies(ctx context.Context) ([]string, error)
	People(ctx context.Context) ([]*people.Person, error)
	PutPeople(ctx context.Context, ps []*people.Person) error
}

// Report is the outcome of an import.
type Report struct {
	Rows      int        `json:"rows"`
	Created   int        `json:"created"`
	Updated   int        `json:"updated"`
	Unchanged int        `json:"unchanged"`
	Errors    []RowError `json:"errors"`
	// Notes are not errors: an agency written differently from the ledger
	// and recorded under the ledger's name, or one the ledger does not name.
	Notes []RowError `json:"notes,omitempty"`
	// Written is false when nothing was written (errors, or a dry run).
	Written bool `json:"written"`
}

// Import checks a file's rows against the ledger's agencies and the
// current directory and, when every row is valid and dryRun is false,
// writes the new and changed entries in one transaction. With any error
// (in the file or found here) nothing is written.
func Import(ctx context.Context, st Store, names agency.Names, f *File, dryRun bool) (Report, error) {
	rep := Report{Rows: f.Count, Errors: append([]RowError(nil), f.Errors...)}
	known, err := st.Agencies(ctx)
	if err != nil {
		return rep, err
	}
	current, err := st.People(ctx)
	if err != nil {
		return rep, err
	}
	byID := make(map[string]*people.Person, len(current))
	for _, p := range current {
		byID[p.UserID] = p
	}
	res := Agencies{Names: names, Known: known}
	var changed []*people.Person
	for _, r := range f.Rows {
		p := r.Person
		name, note, err := res.Resolve(p.Agency)
		if err != nil {
			rep.Errors = append(rep.Errors, RowError{Row: r.Line, Column: ColAgency, Message: err.Error()})
			continue
		}
		if note != "" {
			rep.Notes = append(rep.Notes, RowError{Row: r.Line, Column: ColAgency, Message: note})
		}
		p.Agency = name
		switch old := byID[p.UserID]; {
		case old == nil:
			rep.Created++
			changed = append(changed, &p)
		case *old == p:
			rep.Unchanged++
		default:
			rep.Updated++
			changed = append(changed, &p)
		}
	}
	rep.Written, err = writeChanged(ctx, st, changed, len(rep.Errors) > 0 || dryRun)
	return rep, err
}

// writeChanged stores the changed people unless held back (errors in the
// file, or a dry run), all in one write; it reports whether it wrote.
func writeChanged(ctx context.Context, st Store, changed []*people.Person, hold bool) (bool, error) {
	if hold || len(changed) == 0 {
		return false, nil
	}
	if err := st.PutPeople(ctx, changed); err != nil {
		return false, err
	}
	return true, nil
}
