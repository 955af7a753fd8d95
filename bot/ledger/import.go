package ledger

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
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
	// Progress, if set, is told the cases written (or weighed, in a dry
	// run) after each batch; an error it returns stops the import, which
	// is then rolled back.
	Progress func(done int) error
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
// Force. Cases are written in batches of BatchSize, each in one short
// transaction with its part of the undo snapshot (store.Undo undoes the
// whole import), so no single Redis command blocks the server; a batch
// that fails rolls back those before it, and the error says what was
// written if even that fails. The Result is returned with any of these
// errors.
func Import(ctx context.Context, st *store.Store, l *Ledger, opts Options) (*Result, error) {
	im := newImporter(ctx, st, l, opts)
	mentioned := func(n string) bool { return im.mentioned[n] }
	im.mentioned = make(map[string]bool, len(l.Entries))
	for _, e := range l.Entries {
		im.mentioned[e.Number] = true
		if e.Invalid {
			im.res.Skipped++
		} else {
			im.valid++
		}
	}
	if err := im.check(mentioned); err != nil {
		return im.res, err
	}
	for _, e := range l.Entries {
		if err := im.add(e); err != nil {
			return im.res, im.fail(err)
		}
	}
	return im.res, im.finish()
}

// ImportFile reads the ledger file at path and imports it like Import,
// streaming: a first pass counts each case's rows, a second checks every
// row, and only when the file is good (or SkipInvalid) a third writes it,
// batch by batch. Only the cases whose rows are still coming and one
// batch are in memory at a time, so a file takes about three times its
// size at most (MaxFileBytes bounds it). The file must not change while
// it is imported: a file that does is refused before anything is written,
// or rolled back. The Ledger describes the file (Entries is left empty).
func ImportFile(ctx context.Context, st *store.Store, path string, ropts ReadOptions, opts Options) (*Ledger, *Result, error) {
	src, err := fileSource(path)
	if err != nil {
		return nil, nil, err
	}
	fi0, _ := os.Stat(path)
	counts, err := rowCounts(src, ropts)
	if err != nil {
		return nil, nil, err
	}
	// The check: every row, every error, nothing kept.
	l := &Ledger{Name: src.name}
	p := newParser(l, ropts)
	p.counts = counts
	count := 0
	var invalid map[string]bool
	p.emit = func(e *Entry) error {
		count++
		if e.Invalid {
			if invalid == nil {
				invalid = map[string]bool{}
			}
			invalid[e.Number] = true
		}
		return nil
	}
	if err := p.run(src); err != nil {
		return nil, nil, err
	}
	if err := p.finish(); err != nil {
		return nil, nil, err
	}
	l.sortErrors()
	l.Cases = count
	im := newImporter(ctx, st, l, opts)
	im.res.Skipped, im.valid = len(invalid), count-len(invalid)
	if err := im.check(func(n string) bool { return counts[numberHash(n)] > 0 }); err != nil {
		return l, im.res, err
	}
	if changed(path, fi0) {
		return l, im.res, fmt.Errorf("%s 在导入过程中被修改了，未写入任何数据：请在文件保存完毕后重新导入", src.name)
	}
	// The write: the same rows again, in batches.
	w := newParser(&Ledger{Name: src.name}, ropts)
	w.counts = counts
	w.emit = func(e *Entry) error {
		if invalid[e.Number] {
			return nil
		}
		return im.add(e)
	}
	if err := w.run(src); err != nil {
		return l, im.res, im.fail(err)
	}
	if err := w.finish(); err != nil {
		return l, im.res, im.fail(err)
	}
	if changed(path, fi0) {
		return l, im.res, im.fail(fmt.Errorf("%s 在导入过程中被修改了", src.name))
	}
	return l, im.res, im.finish()
}

// changed reports whether the file at path is not the one first seen.
func changed(path string, before os.FileInfo) bool {
	now, err := os.Stat(path)
	return err != nil || before == nil || now.Size() != before.Size() || !now.ModTime().Equal(before.ModTime())
}

// BatchSize is how many cases one transaction of an import writes: small
// enough that one EXEC takes milliseconds (and its cases' keys can be
// WATCHed one by one), large enough that an import of 100,000 cases takes
// seconds.
const BatchSize = 250

// importer writes checked entries in batches.
type importer struct {
	ctx  context.Context
	st   *store.Store
	opts Options
	res  *Result
	now  time.Time
	snap *store.Snapshot

	valid      int
	moreErrors int
	mentioned  map[string]bool
	batch      []*Entry
	written    int // cases written by the batches so far
	done       int // cases of the batches so far
}

func newImporter(ctx context.Context, st *store.Store, l *Ledger, opts Options) *importer {
	if opts.Source == "" {
		opts.Source = "import:" + l.Name
	}
	now := opts.Now
	if now.IsZero() {
		now = st.Now()
	}
	im := &importer{ctx: ctx, st: st, opts: opts, now: now, moreErrors: l.MoreErrors,
		res: &Result{Rows: l.Rows, Errors: l.Errors, Notices: l.Notices, DryRun: opts.DryRun}}
	if l.MoreErrors > 0 {
		im.res.Notices = append(im.res.Notices, fmt.Sprintf("另有 %d 处错误未列出（只列出前 %d 处）", l.MoreErrors, MaxErrors))
	}
	im.snap = &store.Snapshot{ID: snapshotID(now), At: now, Source: opts.Source, Chunked: true}
	return im
}

// check refuses a file with errors (unless SkipInvalid) and one that
// leaves out too many open cases (unless Force).
func (im *importer) check(mentioned func(string) bool) error {
	res := im.res
	if len(res.Errors) > 0 && (!im.opts.SkipInvalid || im.valid == 0) {
		return &InvalidError{Count: len(res.Errors) + im.moreErrors, SkipInvalid: im.opts.SkipInvalid}
	}
	open, err := im.st.OpenNumbers(im.ctx)
	if err != nil {
		return err
	}
	res.Open = len(open)
	for _, n := range open {
		if !mentioned(n) {
			res.Unmentioned++
		}
	}
	if res.Open > 0 && float64(res.Unmentioned) > MaxUnmentionedOpen*float64(res.Open) && !im.opts.Force {
		return &GuardError{Open: res.Open, Unmentioned: res.Unmentioned}
	}
	return nil
}

// add queues a valid entry, writing a batch when one is full.
func (im *importer) add(e *Entry) error {
	if e.Invalid {
		return nil
	}
	im.batch = append(im.batch, e)
	if len(im.batch) >= BatchSize {
		return im.flush()
	}
	return nil
}

// flush writes (or, in a dry run, weighs) the queued batch.
func (im *importer) flush() error {
	batch := im.batch
	im.batch = nil
	if len(batch) == 0 {
		return nil
	}
	numbers := make([]string, len(batch))
	for i, e := range batch {
		numbers[i] = e.Number
	}
	var created, updated, unchanged int
	var changes []HearingChange
	// build runs inside the store's transaction and again if another
	// writer got there first, so it starts from scratch each time.
	build := func(olds []*cases.Case) ([]*cases.Case, error) {
		created, updated, unchanged, changes = 0, 0, 0, nil
		var writes []*cases.Case
		for i, e := range batch {
			c, chs := apply(olds[i], e, im.now, im.opts.Source)
			switch {
			case olds[i] == nil:
				created++
			case len(chs) > 0 || !sameFields(olds[i], c):
				updated++
				for _, ch := range chs {
					changes = append(changes, HearingChange{Number: c.Number, HearingChange: ch})
				}
			default:
				unchanged++
				continue
			}
			if err := c.Validate(); err != nil {
				return nil, fmt.Errorf("第 %d 行：%w", e.Rows[0], err)
			}
			writes = append(writes, c)
		}
		return writes, nil
	}
	if im.opts.DryRun {
		olds, err := im.st.GetMany(im.ctx, numbers)
		if err != nil {
			return err
		}
		if _, err := build(olds); err != nil {
			return err
		}
	} else if err := im.st.PutManyFunc(im.ctx, numbers, build, im.snap); err != nil {
		return err
	}
	im.res.Created += created
	im.res.Updated += updated
	im.res.Unchanged += unchanged
	im.res.Changes = append(im.res.Changes, changes...)
	im.written += created + updated
	im.done += len(batch)
	if im.opts.Progress != nil {
		return im.opts.Progress(im.done)
	}
	return nil
}

// finish writes the last batch.
func (im *importer) finish() error {
	if err := im.flush(); err != nil {
		return im.fail(err)
	}
	if im.written > 0 && !im.opts.DryRun {
		im.res.Written, im.res.SnapshotID = true, im.snap.ID
	}
	return nil
}

// fail rolls back the batches already written, so that a failed import
// leaves the ledger as it was; if even that fails, the error says what
// was written and how to undo it.
func (im *importer) fail(cause error) error {
	im.batch = nil
	if im.opts.DryRun || im.snap.Chunks == 0 {
		return cause
	}
	rctx, cancel := context.WithTimeout(context.WithoutCancel(im.ctx), 5*time.Minute)
	defer cancel()
	if err := im.st.Rollback(rctx, im.snap); err != nil {
		im.res.Written, im.res.SnapshotID = true, im.snap.ID
		return fmt.Errorf("导入中途失败（%v），已写入的 %d 件案件也未能撤回（%v）：请运行 casebot import --undo 撤销本次导入", cause, im.written, err)
	}
	im.res.Created, im.res.Updated, im.res.Unchanged, im.res.Changes = 0, 0, 0, nil
	return fmt.Errorf("导入中途失败（%v），已写入的 %d 件案件已全部撤回，台账未变：请稍后重新导入", cause, im.written)
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
