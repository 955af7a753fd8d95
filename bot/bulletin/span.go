package bulletin

import (
	"context"
	"sort"
	"time"
)

// Span holds the bulletin's figures over any period [From, To) rather than
// a month: the total and each agency's, ranked as a month's agencies are
// (by loss rate, then losses, closed cases, name), and, in YoY, the same
// period a year before. Chat answers 今年败诉率, 这个季度出庭率 and
// 哪个单位败诉最多 from it, computed by the same tally as the monthly
// bulletin, so chat and the bulletin never disagree.
type Span struct {
	From, To time.Time
	// Now is when it was computed: hearings after it are not held yet.
	Now      time.Time
	Total    Stats
	Agencies []Stats
}

// ComputeSpan computes the figures of [from, to) as of opt.Now. Like
// Compute, it reads only the cases an index puts in the period or in the
// same period a year before.
func ComputeSpan(ctx context.Context, src Source, from, to time.Time, opt Options) (*Span, error) {
	opt, err := opt.withDefaults()
	if err != nil {
		return nil, err
	}
	now := opt.Now.In(opt.Location)
	var ps [nPeriods]period
	ps[pMonth] = newPeriod(from, to, now)
	ps[pYTD] = ps[pMonth]
	within := []period{ps[pMonth]}
	if opt.NoYearBefore {
		ps[pYoY] = period{} // empty: nothing counts in it
	} else {
		ps[pYoY] = newPeriod(from.AddDate(-1, 0, 0), to.AddDate(-1, 0, 0), now)
		within = append(within, ps[pYoY])
	}
	all, err := tallyOf(ctx, src, &ps, within, opt)
	if err != nil {
		return nil, err
	}
	stat := func(agency string, k *[nPeriods]counts) Stats {
		s := Stats{Agency: agency, Figures: k[pMonth].figures(), YTD: k[pMonth].figures()}
		s.YoY = YearOnYear{Figures: k[pYoY].figures()}
		s.YoY.Change = change(s.Figures, s.YoY.Figures)
		return s
	}
	sp := &Span{From: from, To: to, Now: now, Total: stat("", &all.total), Agencies: []Stats{}}
	for a, k := range all.agencies {
		if k[pMonth].zero() {
			continue
		}
		sp.Agencies = append(sp.Agencies, stat(a, k))
	}
	sort.Slice(sp.Agencies, func(i, j int) bool { return rankBefore(&sp.Agencies[i], &sp.Agencies[j]) })
	return sp, nil
}

// Agency returns the figures of one agency, or nil when it has none in
// the span.
func (s *Span) Agency(name string) *Stats {
	for i := range s.Agencies {
		if s.Agencies[i].Agency == name {
			return &s.Agencies[i]
		}
	}
	return nil
}

// Percent writes a rate as the notice does: 15.91%, or — when there is
// no denominator.
func Percent(r *Rate) string { return pct(r) }
