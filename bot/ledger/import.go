package ledger

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"slices"
	"time"

	"casebot/bot/cases"
	"casebot/bot/store"
)

// MaxUnmentionedOpen is the share of open cases a file may leave out
// before Import refuses it (without Force): a file that forgets more than
// this is more likely the wrong file, or a partial export, than a ledger.
const MaxUnmentionedOpen = 0.30

// Options says how Import writes.
type Options struct {
	// DryRun computes everything and writes nothing.
	DryRun bool
	// SkipInvalid writes the valid cases of a file that has errors; a case
	// with an error in any of its rows is left out whole.
	SkipInvalid bool
	// Force imports a file that leaves out more than MaxUnmentionedOpen of
	// the open cases.
	Force bool
	// Source names the import in reschedule records and its undo snapshot,
	// "import:<file name>" by default.
	Source string
	// Now is the instant of the import, which decides which hearings are
	// past; the store's clock when zero.
	Now time.Time
}

// Result is what an import did, or in a dry run would do. Counts are of
// cases: a case written over several rows counts once.
type Result struct {
	Rows      int
	Created   int
	Updated   int
	Unchanged int
	Errors    []RowError
	Notices   []string
	// Skipped counts the cases left out for errors (with SkipInvalid).
	Skipped int
	// Open is the number of open cases stored before the import, and
	// Unmentioned how many of them the file does not mention.
	Open, Unmentioned int
	// Changes lists what happened to hearings of existing cases.
	Changes []HearingChange
	// Written is true when the import wrote to the store; SnapshotID then
	// names its undo snapshot.
	Written    bool
	SnapshotID string
	DryRun     bool
}

// HearingChange is a change to one hearing of one case.
type HearingChange struct {
	Number string
	cases.HearingChange
}

// Summary is the --json shape of the contract.
type Summary struct {
	Rows      int        `json:"rows"`
	Created   int        `json:"created"`
	Updated   int        `json:"updated"`
	Unchanged int        `json:"unchanged"`
	Errors    []RowError `json:"errors"`
}

// Summary returns the result in the contract's JSON shape; Errors is never
// null.
func (r *Result) Summary() Summary {
	errs := r.Errors
	if errs == nil {
		errs = []RowError{}
	}
	return Summary{Rows: r.Rows, Created: r.Created, Updated: r.Updated, Unchanged: r.Unchanged, Errors: errs}
}

// InvalidError is returned when a file has errors and nothing was written.
type InvalidError struct {
	Count       int
	SkipInvalid bool
}

func (e *InvalidError) Error() string {
	if e.SkipInvalid {
		return fmt.Sprintf("文件中有 %d 处错误，没有一件案件无误，未写入任何数据；请修正后重新导入", e.Count)
	}
	return fmt.Sprintf("文件中有 %d 处错误，未写入任何数据；请修正后重新导入，或加 --skip-invalid 只导入无误的案件", e.Count)
}

// GuardError is returned when a file leaves out too many open cases.
type GuardError struct {
	Open, Unmentioned int
}

func (e *GuardError) Error() string {
	return fmt.Sprintf("台账中有 %d 件未结案件，文件未提及其中 %d 件（%.0f%%），超过 %.0f%% 的安全上限，已拒绝导入：可能选错了文件或文件只含部分案件；确认无误请加 --force",
		e.Open, e.Unmentioned, 100*float64(e.Unmentioned)/float64(e.Open), 100*MaxUnmentionedOpen)
}

// Import merges a checked ledger into the store: cases are matched by
// normalized number, created or updated, and left alone when the file says
// nothing new. A column the file lacks leaves the stored value as it is;
// a blank cell clears it. Hearings are reconciled (cases.ReconcileHearings):
// a changed time is a reschedule, a future hearing the file drops is
// cancelled, and the store records both in the hearing-change stream in
// the same transaction.
//
// The import is all or nothing: with any row error nothing is written and
// an *InvalidError is returned, unless SkipInvalid. A file that leaves out
// more than MaxUnmentionedOpen of the open cases gets a *GuardError unless
// Force. Everything is written in one transaction with an undo snapshot
// (store.Undo). The Result is returned with any of these errors.
func Import(ctx context.Context, st *store.Store, l *Ledger, opts Options) (*Result, error) {
	if opts.Source == "" {
		opts.Source = "import:" + l.Name
	}
	res := &Result{Rows: l.Rows, Errors: l.Errors, Notices: l.Notices, DryRun: opts.DryRun}
	var valid []*Entry
	for _, e := range l.Entries {
		if e.Invalid {
			res.Skipped++
		} else {
			valid = append(valid, e)
		}
	}
	if len(l.Errors) > 0 && (!opts.SkipInvalid || len(valid) == 0) {
		return res, &InvalidError{Count: len(l.Errors), SkipInvalid: opts.SkipInvalid}
	}

	open, err := st.OpenNumbers(ctx)
	if err != nil {
		return res, err
	}
	mentioned := make(map[string]bool, len(l.Entries))
	for _, n := range l.Numbers() {
		mentioned[n] = true
	}
	res.Open = len(open)
	for _, n := range open {
		if !mentioned[n] {
			res.Unmentioned++
		}
	}
	if res.Open > 0 && float64(res.Unmentioned) > MaxUnmentionedOpen*float64(res.Open) && !opts.Force {
		return res, &GuardError{Open: res.Open, Unmentioned: res.Unmentioned}
	}

	numbers := make([]string, len(valid))
	for i, e := range valid {
		numbers[i] = e.Number
	}
	now := opts.Now
	if now.IsZero() {
		now = st.Now()
	}
	// build runs inside the store's transaction and again if another writer
	// got there first, so it starts from scratch each time.
	build := func(olds []*cases.Case) ([]*cases.Case, error) {
		res.Created, res.Updated, res.Unchanged, res.Changes = 0, 0, 0, nil
		var writes []*cases.Case
		for i, e := range valid {
			c, changes := apply(olds[i], e, now, opts.Source)
			switch {
			case olds[i] == nil:
				res.Created++
			case len(changes) > 0 || !sameFields(olds[i], c):
				res.Updated++
				for _, ch := range changes {
					res.Changes = append(res.Changes, HearingChange{Number: c.Number, HearingChange: ch})
				}
			default:
				res.Unchanged++
				continue
			}
			if err := c.Validate(); err != nil {
				return nil, fmt.Errorf("第 %d 行：%w", e.Rows[0], err)
			}
			writes = append(writes, c)
		}
		return writes, nil
	}
	if opts.DryRun {
		olds, err := st.GetMany(ctx, numbers)
		if err != nil {
			return res, err
		}
		_, err = build(olds)
		return res, err
	}
	snap := &store.Snapshot{ID: snapshotID(now), At: now, Source: opts.Source}
	if err := st.PutManyFunc(ctx, numbers, build, snap); err != nil {
		return res, err
	}
	if res.Created+res.Updated > 0 {
		res.Written, res.SnapshotID = true, snap.ID
	}
	return res, nil
}

// apply returns old (nil for a new case) updated with what the file says
// about it, and the changes made to its hearings. old is not modified.
func apply(old *cases.Case, e *Entry, now time.Time, source string) (*cases.Case, []cases.HearingChange) {
	in := e.Case
	c := &cases.Case{Number: e.Number}
	if old != nil {
		c = old.Clone()
	}
	c.Kind = in.Kind
	if e.present[fPlaintiffs] {
		c.Plaintiffs = keepNatural(in.Plaintiffs, old)
	}
	if e.present[fDefendants] {
		c.Defendants = slices.Clone(in.Defendants)
	}
	if e.present[fStage] || old == nil {
		c.Stage = in.Stage
	}
	set := func(f field, dst *string, v string) {
		if e.present[f] {
			*dst = v
		}
	}
	set(fCause, &c.Cause, in.Cause)
	set(fCourt, &c.Court, in.Court)
	set(fHandler, &c.Handler, in.Handler)
	set(fNote, &c.Note, in.Note)
	if e.present[fFiledOn] {
		c.FiledOn = in.FiledOn
	}
	if e.present[fClosedOn] || e.present[fOutcome] {
		if in.Closure == nil {
			c.Closure = nil
		} else {
			cl := *in.Closure
			if !e.present[fReason] && old != nil && old.Closure != nil {
				cl.Reason = old.Closure.Reason
			}
			c.Closure = &cl
		}
	}
	applyClocks(c, e)
	if !e.present[fHearingAt] {
		return c, nil
	}
	incoming := make([]cases.Hearing, len(in.Hearings))
	for i, h := range in.Hearings {
		// A hearing detail column the file lacks keeps what is stored for
		// the hearing at the same time.
		if old != nil {
			if j := slices.IndexFunc(old.Hearings, func(o cases.Hearing) bool { return !o.Cancelled && o.At.Equal(h.At) }); j >= 0 {
				keepDetails(&h, old.Hearings[j], e.present)
			}
		}
		if h.HeadAppeared != nil {
			v := *h.HeadAppeared
			h.HeadAppeared = &v
		}
		incoming[i] = h
	}
	return c, cases.ReconcileHearings(c, incoming, now, source)
}

func keepDetails(h *cases.Hearing, old cases.Hearing, present [numFields]bool) {
	if !present[fPlace] {
		h.Place = old.Place
	}
	if !present[fMustAppear] {
		h.MustAppear = old.MustAppear
	}
	if !present[fHead] {
		h.Head = old.Head
	}
	if !present[fHeadPost] {
		h.HeadPost = old.HeadPost
	}
}

// keepNatural keeps the stored natural-person flag of a plaintiff the
// file names again: the flag is guessed from the name on first import and
// may have been corrected since.
func keepNatural(in []cases.Party, old *cases.Case) []cases.Party {
	out := slices.Clone(in)
	if old == nil {
		return out
	}
	for i := range out {
		for _, p := range old.Plaintiffs {
			if p.Name == out[i].Name {
				out[i].Natural = p.Natural
			}
		}
	}
	return out
}

// sameFields reports whether two versions of a case agree on everything
// but their hearings (which ReconcileHearings reports on) and UpdatedAt.
// Times are compared as instants, and an empty list equals a nil one.
func sameFields(a, b *cases.Case) bool {
	if a.Kind != b.Kind || a.Stage != b.Stage || a.Cause != b.Cause || a.Court != b.Court ||
		a.Handler != b.Handler || a.Note != b.Note || !a.FiledOn.Equal(b.FiledOn) ||
		!slices.Equal(a.Plaintiffs, b.Plaintiffs) || !slices.Equal(a.Defendants, b.Defendants) {
		return false
	}
	if !cases.SameClocks(a, b) {
		return false
	}
	if a.Closure == nil || b.Closure == nil {
		return a.Closure == nil && b.Closure == nil
	}
	return a.Closure.On.Equal(b.Closure.On) && a.Closure.Method == b.Closure.Method && a.Closure.Reason == b.Closure.Reason
}

// snapshotID names an undo snapshot: sortable by time, unique by chance.
func snapshotID(now time.Time) string {
	b := make([]byte, 4)
	rand.Read(b)
	return now.UTC().Format("20060102T150405Z") + "-" + hex.EncodeToString(b)
}
