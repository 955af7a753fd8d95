package bulletin

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"sync"
	"time"

	"casebot/bot/cases"
	"casebot/bot/deadline"
	"casebot/bot/store"
)

// Source is the part of the store a bulletin reads: the closing, filing and
// hearing indexes, and cases in batches.
type Source interface {
	ClosedNumbers(ctx context.Context, from, to time.Time) ([]string, error)
	FiledNumbers(ctx context.Context, from, to time.Time) ([]string, error)
	HearingRefs(ctx context.Context, from, to time.Time) ([]store.HearingAt, error)
	// GetManyRaw returns the stored JSON of cases, nil for none.
	GetManyRaw(ctx context.Context, numbers []string) ([][]byte, error)
}

var _ Source = (*store.Store)(nil)

// Options are the choices a computation depends on.
type Options struct {
	// Loss is the 败诉 set (cases.NewLossSet(cfg.Cases.LossOutcomes)).
	Loss cases.LossSet
	// Location is the configured time zone: month boundaries are its
	// midnights.
	Location *time.Location
	// Now is when the report is generated: hearings after it are not held
	// yet. It is also the report's generated_at.
	Now time.Time
	// Deadlines computes the 整改 reports' last days (rectify.due_days, the
	// work calendar); nil uses the default rules.
	Deadlines *deadline.Rules
	// Batch is how many cases are read per GetMany (default 1000), and
	// Workers how many batches are read and tallied at once (default 4).
	Batch, Workers int
	// NoYearBefore leaves out the same period a year before (ComputeSpan's
	// YoY), which chat's rates do not show: half the cases to read.
	NoYearBefore bool
}

func (opt Options) withDefaults() (Options, error) {
	if opt.Location == nil {
		return opt, fmt.Errorf("bulletin: no time zone")
	}
	if opt.Loss == nil {
		loss, err := cases.NewLossSet(nil)
		if err != nil {
			return opt, err
		}
		opt.Loss = loss
	}
	if opt.Batch <= 0 {
		opt.Batch = 1000
	}
	if opt.Workers <= 0 {
		opt.Workers = 4
	}
	return opt, nil
}

// period is a half-open window [from, to) of closing and filing dates, and
// [from, heardTo) of hearings: a hearing after the report's time is not
// held yet.
type period struct {
	from, to, heardTo time.Time
}

func newPeriod(from, to, now time.Time) period {
	heardTo := to
	if now.Before(heardTo) {
		heardTo = now
	}
	if heardTo.Before(from) {
		heardTo = from
	}
	return period{from, to, heardTo}
}

func (p period) has(t time.Time) bool { return !t.IsZero() && !t.Before(p.from) && t.Before(p.to) }

// The three periods of a report.
const (
	pMonth = iota
	pYTD
	pYoY
	nPeriods
)

// Compute builds the report of month m. It reads only the cases some index
// puts in one of the report's periods — closed, filed or heard from
// January to the end of m, or in the same month a year before — in
// batches, never the whole ledger, and keeps only tallies, not cases.
func Compute(ctx context.Context, src Source, m Month, opt Options) (*Report, error) {
	opt, err := opt.withDefaults()
	if err != nil {
		return nil, err
	}
	loc := opt.Location
	now := opt.Now.In(loc)
	ago := Month{m.Year - 1, m.Month}
	var ps [nPeriods]period
	ps[pMonth] = newPeriod(m.Start(loc), m.End(loc), now)
	ps[pYTD] = newPeriod(m.YearStart().Start(loc), m.End(loc), now)
	ps[pYoY] = newPeriod(ago.Start(loc), ago.End(loc), now)

	all, err := tallyOf(ctx, src, &ps, []period{ps[pYTD], ps[pYoY]}, opt)
	if err != nil {
		return nil, err
	}
	r := all.report(m, ago, now)
	if err := addRectification(ctx, src, r, m, opt); err != nil {
		return nil, err
	}
	return r, nil
}

// tallyOf reads, in batches, the cases the indexes put in the periods
// within, and tallies them over ps. Workers take batches in turn and
// tally them apart; the tallies are merged at the end, so no lock is held
// while cases are decoded.
func tallyOf(ctx context.Context, src Source, ps *[nPeriods]period, within []period, opt Options) (*tally, error) {
	numbers, err := candidates(ctx, src, within)
	if err != nil {
		return nil, err
	}

	// Workers take batches in turn and tally them apart; the tallies are
	// merged at the end, so no lock is held while cases are decoded.
	jobs := make(chan []string)
	results := make([]*tally, opt.Workers)
	errs := make([]error, opt.Workers)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	for w := range opt.Workers {
		results[w] = newTally()
		wg.Add(1)
		go func() {
			defer wg.Done()
			for batch := range jobs {
				raws, err := src.GetManyRaw(ctx, batch)
				for _, raw := range raws {
					if err != nil {
						break
					}
					if raw == nil {
						continue // deleted since the index was read
					}
					var c *cases.Case
					if c, err = decodeFacts(raw); err == nil {
						results[w].addCase(c, ps, opt.Loss, opt.Location)
					}
				}
				if err != nil {
					errs[w] = err
					cancel()
					for range jobs { // drain, so the feeder never blocks
					}
					return
				}
			}
		}()
	}
feed:
	for start := 0; start < len(numbers); start += opt.Batch {
		select {
		case jobs <- numbers[start:min(start+opt.Batch, len(numbers))]:
		case <-ctx.Done():
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	all := results[0]
	for _, t := range results[1:] {
		all.merge(t)
	}
	return all, nil
}

// facts are the fields of a stored case a bulletin reads. Decoding only
// these, rather than the whole case (parties, cause, places, reschedules,
// notes), is most of what makes a bulletin over a large ledger fast. The
// JSON names are cases.Case's; the fixture tests, which go through the
// store, fail if they drift apart.
type facts struct {
	Number     string      `json:"number"`
	Kind       cases.Kind  `json:"kind"`
	Defendants []string    `json:"defendants"`
	FiledOn    time.Time   `json:"filed_on"`
	Stage      cases.Stage `json:"stage"`
	Hearings   []struct {
		At           time.Time `json:"at"`
		MustAppear   bool      `json:"must_appear"`
		HeadAppeared *bool     `json:"head_appeared"`
		Cancelled    bool      `json:"cancelled"`
	} `json:"hearings"`
	Closure *cases.Closure `json:"closure"`
}

// decodeFacts reads the facts of a stored case into a Case holding only
// them.
func decodeFacts(raw []byte) (*cases.Case, error) {
	var f facts
	if err := json.Unmarshal(raw, &f); err != nil {
		return nil, fmt.Errorf("decode case: %w", err)
	}
	c := &cases.Case{Number: f.Number, Kind: f.Kind, Defendants: f.Defendants, FiledOn: f.FiledOn, Stage: f.Stage,
		Closure: f.Closure, Hearings: make([]cases.Hearing, len(f.Hearings))}
	for i, h := range f.Hearings {
		c.Hearings[i] = cases.Hearing{At: h.At, MustAppear: h.MustAppear, HeadAppeared: h.HeadAppeared, Cancelled: h.Cancelled}
	}
	return c, nil
}

// candidates returns, once each, the numbers of the cases that the closing,
// filing and hearing indexes put in any of ps.
func candidates(ctx context.Context, src Source, ps []period) ([]string, error) {
	seen := map[string]struct{}{}
	var out []string
	add := func(n string) {
		if _, ok := seen[n]; !ok {
			seen[n] = struct{}{}
			out = append(out, n)
		}
	}
	for _, p := range ps {
		closed, err := src.ClosedNumbers(ctx, p.from, p.to)
		if err != nil {
			return nil, err
		}
		for _, n := range closed {
			add(n)
		}
		filed, err := src.FiledNumbers(ctx, p.from, p.to)
		if err != nil {
			return nil, err
		}
		for _, n := range filed {
			add(n)
		}
		if p.heardTo.After(p.from) {
			refs, err := src.HearingRefs(ctx, p.from, p.heardTo)
			if err != nil {
				return nil, err
			}
			for _, r := range refs {
				n, _, err := r.Ref.Split()
				if err != nil {
					return nil, err
				}
				add(n)
			}
		}
	}
	// Reading in number order keeps batches close to how keys were
	// written and makes runs repeatable.
	sort.Strings(out)
	return out, nil
}

// tally accumulates the counts of the three periods, in total and per
// agency, and the month's lost cases.
type tally struct {
	total    [nPeriods]counts
	agencies map[string]*[nPeriods]counts
	lost     []lostEntry
}

type lostEntry struct {
	LostCase
	on time.Time
}

func newTally() *tally { return &tally{agencies: map[string]*[nPeriods]counts{}} }

// FirstInstance reports whether a case counts in the litigation figures:
// 行政诉讼 at first instance, by its recorded stage or, when none is
// recorded, by its number (行初, 行赔初).
func FirstInstance(c *cases.Case) bool {
	if c.Kind != cases.Litigation {
		return false
	}
	if c.Stage != "" {
		return c.Stage == cases.StageFirst
	}
	n, err := cases.ParseNumber(c.Number)
	return err == nil && n.FirstInstance()
}

// caseCounts returns what case c contributes to period p.
func caseCounts(c *cases.Case, p period, loss cases.LossSet) counts {
	var k counts
	switch {
	case FirstInstance(c):
		if p.has(c.FiledOn) {
			k.filed = 1
		}
		if c.Closure != nil && p.has(c.Closure.On) {
			o := c.Closure.Method
			k.closed = 1
			if loss[o] {
				k.lost = 1
			}
			if o.Judged() {
				k.judged = 1
				if loss[o] {
					k.lostJudged = 1
				}
			}
			if o.MediatedOrWithdrawn() {
				k.mediated = 1
			}
		}
		held, unknown, must := false, false, false
		for _, h := range c.Hearings {
			if h.Cancelled || h.At.Before(p.from) || !h.At.Before(p.heardTo) {
				continue
			}
			k.heard = 1
			must = must || h.MustAppear
			switch {
			case h.HeadAppeared == nil:
				unknown = true
			case *h.HeadAppeared:
				held = true
			}
		}
		if held {
			k.appeared = 1
		} else if unknown {
			k.unrecorded = 1
		}
		if must {
			k.mustHeard, k.mustAppeared, k.mustUnrecorded = 1, k.appeared, k.unrecorded
		}
	case c.Kind == cases.Reconsideration:
		if c.Closure != nil && p.has(c.Closure.On) {
			k.reconClosed = 1
			if c.Closure.Method.Correction() {
				k.reconCorrected = 1
			}
		}
	}
	return k
}

func (t *tally) addCase(c *cases.Case, ps *[nPeriods]period, loss cases.LossSet, loc *time.Location) {
	var ks [nPeriods]counts
	some := false
	for i := range ps {
		ks[i] = caseCounts(c, ps[i], loss)
		some = some || !ks[i].zero()
	}
	if !some {
		return
	}
	agencies := distinct(c.Defendants)
	for i := range ks {
		t.total[i].add(ks[i])
	}
	for _, a := range agencies {
		ac := t.agencies[a]
		if ac == nil {
			ac = new([nPeriods]counts)
			t.agencies[a] = ac
		}
		for i := range ks {
			ac[i].add(ks[i])
		}
	}
	if ks[pMonth].lost == 1 {
		for _, a := range agencies {
			t.lost = append(t.lost, lostEntry{LostCase{
				Number:   c.Number,
				Agency:   a,
				Outcome:  string(c.Closure.Method),
				Reason:   c.Closure.Reason,
				ClosedOn: c.Closure.On.In(loc).Format(cases.DateLayout),
			}, c.Closure.On})
		}
	}
}

// distinct returns the non-empty names of names, once each, in order.
func distinct(names []string) []string {
	out := make([]string, 0, len(names))
	for _, n := range names {
		dup := n == ""
		for _, o := range out {
			dup = dup || o == n
		}
		if !dup {
			out = append(out, n)
		}
	}
	return out
}

func (t *tally) merge(o *tally) {
	for i := range t.total {
		t.total[i].add(o.total[i])
	}
	for a, oc := range o.agencies {
		ac := t.agencies[a]
		if ac == nil {
			t.agencies[a] = oc
			continue
		}
		for i := range ac {
			ac[i].add(oc[i])
		}
	}
	t.lost = append(t.lost, o.lost...)
}

func stats(agency string, k *[nPeriods]counts, ago Month) Stats {
	s := Stats{Agency: agency, Figures: k[pMonth].figures(), YTD: k[pYTD].figures()}
	s.YoY = YearOnYear{Month: ago.String(), Figures: k[pYoY].figures()}
	s.YoY.Change = change(s.Figures, s.YoY.Figures)
	return s
}

// report turns the tallies into the report. Agencies with anything in the
// month or the year to date are listed, ranked by the month's loss rate,
// highest first; agencies without a closed case (no rate) come last; ties
// go to more losses, then more closed cases, then the name.
func (t *tally) report(m, ago Month, now time.Time) *Report {
	r := &Report{
		Month:       m.String(),
		GeneratedAt: now,
		Total:       stats("", &t.total, ago),
		Agencies:    []Stats{},
		LostCases:   make([]LostCase, 0, len(t.lost)),
	}
	for a, k := range t.agencies {
		if k[pMonth].zero() && k[pYTD].zero() {
			continue // only a year ago: nothing to report this year
		}
		r.Agencies = append(r.Agencies, stats(a, k, ago))
	}
	sort.Slice(r.Agencies, func(i, j int) bool { return rankBefore(&r.Agencies[i], &r.Agencies[j]) })

	sort.SliceStable(t.lost, func(i, j int) bool {
		a, b := t.lost[i], t.lost[j]
		if !a.on.Equal(b.on) {
			return a.on.Before(b.on)
		}
		return a.Number < b.Number // a case's agencies stay in ledger order
	})
	for _, l := range t.lost {
		r.LostCases = append(r.LostCases, l.LostCase)
	}
	return r
}

func rankBefore(a, b *Stats) bool {
	switch {
	case (a.LossRate == nil) != (b.LossRate == nil):
		return a.LossRate != nil
	case a.LossRate != nil && *a.LossRate != *b.LossRate:
		return *a.LossRate > *b.LossRate
	case a.Lost != b.Lost:
		return a.Lost > b.Lost
	case a.Closed != b.Closed:
		return a.Closed > b.Closed
	}
	return a.Agency < b.Agency
}
