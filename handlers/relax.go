package handlers

import (
	"strings"

	"casebot/bot"
	"casebot/bot/intent"
)

// A "没有" over several filters is true of what was read, but one misread
// filter (a 再审 that was a 二审, a 案由 word said in passing, a court level
// taken from 高院那个) makes it a false none to the person who asked. When a
// list or count question with two filters or more finds nothing, the
// answer is tried again without each filter the message narrowed by, one
// at a time, in the order a misreading is likeliest; the first that finds
// something is said under the none, naming the filter left out. The none
// itself stays, with the filters it is true of. Only the filters a word in
// passing can set are left out: not the scope of what the asker may see
// (applied below answerFor), the agency, a person or the period (words that
// name what is asked, and hearings already get the nearest sitting before
// and after), nor the outcome or the kind asked (公安局今年确认违法的 → 0 件,
// 下周有复议听证吗 → 没有: that is the answer).

// maxRelaxations bounds the questions asked again after a none: each is a
// list query, and over 100k cases a relaxed question that loses the 案由
// its candidates were read by costs up to 100 ms (three tries: 140 ms a
// none, one: 13 ms; BenchmarkQueryByNumber/none-over-filters-own). The
// first filter in relaxations' order is the likeliest misread.
const maxRelaxations = 1

// relaxation is a question with one filter left out.
type relaxation struct {
	u intent.Understanding
}

// relaxations returns u without each of its narrowing filters, one at a
// time, likeliest misreading first; none when u has fewer than two filters.
func relaxations(u intent.Understanding) []relaxation {
	filters := 0
	count := func(set bool) {
		if set {
			filters++
		}
	}
	count(!u.Period.IsZero())
	count(u.Agency != "" || len(u.Agencies) > 0)
	count(u.Mine != "")
	count(u.Party != "")
	count(u.Person != "")
	count(u.Outcome != "")
	count(u.Reason != "")
	count(u.Cause != "")
	count(u.CaseKind != "")
	count(u.Stage != "")
	count(u.CourtLevel != "")
	count(u.NumberYear != 0)
	count(u.Place != "")
	count(u.MustAppear)
	count(u.TimeOfDay != "" || u.Clock != "")
	count(u.Held || u.NotAppeared)
	if filters < 2 {
		return nil
	}
	var out []relaxation
	try := func(set bool, drop func(v *intent.Understanding)) {
		if !set {
			return
		}
		v := u
		drop(&v)
		out = append(out, relaxation{u: v})
	}
	try(u.Cause != "", func(v *intent.Understanding) { v.Cause = "" })
	try(u.Reason != "", func(v *intent.Understanding) { v.Reason = "" })
	try(u.Stage != "", func(v *intent.Understanding) { v.Stage = "" })
	try(u.CourtLevel != "", func(v *intent.Understanding) { v.CourtLevel = "" })
	try(u.Place != "", func(v *intent.Understanding) { v.Place = "" })
	try(u.TimeOfDay != "" || u.Clock != "", func(v *intent.Understanding) { v.TimeOfDay, v.Clock = "", "" })
	try(u.MustAppear, func(v *intent.Understanding) { v.MustAppear = false })
	try(u.NumberYear != 0, func(v *intent.Understanding) { v.NumberYear = 0 })
	try(u.Party != "" && !u.Marked, func(v *intent.Understanding) { v.Party, v.Written, v.Others = "", "", nil })
	return out
}

// unlessFilteredNone adds to a none over several filters what the same
// question finds without one of them (see the comment above); a is
// unchanged when nothing is found that way or the question is of another
// kind.
func (s *service) unlessFilteredNone(c bot.Context, a answer, u intent.Understanding) (answer, error) {
	if a.results > 0 || len(a.claims) == 0 || len(u.Numbers) > 0 || u.Seq > 0 {
		return a, nil
	}
	switch u.Kind {
	case intent.Cases, intent.Count, intent.Hearings:
	default:
		return a, nil
	}
	if u.Agency != "" && len(u.Agencies) == 0 {
		return a, nil // an agency the ledger lacks: its answer names the ones it has
	}
	show := func(p string) string { return s.shownName(c.Person(), p) }
	rs := relaxations(u)
	if len(rs) > maxRelaxations {
		rs = rs[:maxRelaxations]
	}
	for _, r := range rs {
		if !narrowed(r.u) {
			continue
		}
		b, err := s.answerFor(c, r.u, nil)
		if err != nil {
			return a, err
		}
		if b.results == 0 || b.md == "" {
			continue
		}
		dropped := droppedParts(u.Echo(show), r.u.Echo(show))
		if dropped == "" {
			continue
		}
		a.md += "\n\n不限" + dropped + "时，按“" + r.u.Echo(show) + "”查询：\n\n" + b.md
		// The none stays the answer: its subject, not the list under it, is
		// what a follow-up (下回是哪天) asks of.
		a.claims = append(a.claims, b.claims...)
		return a, nil
	}
	return a, nil
}

// narrowed reports whether the store can answer u without reading most
// of the ledger case by case: u keeps a filter read from an index (an
// agency, the asker's own cases, a party, a person, a period; hearings are
// read by day), or a court level above the basic courts (read from the
// 案号, few cases), or nothing that only a case holds (a 案由, a 败诉原因,
// an outcome, a 案号 year). A relaxed question that fails this would decode
// 100k cases (seconds) for a line under a none.
func narrowed(u intent.Understanding) bool {
	if len(u.Agencies) > 0 || u.Mine != "" || u.Party != "" || u.Person != "" || !u.Period.IsZero() || u.Kind == intent.Hearings {
		return true
	}
	if u.CourtLevel == intent.CourtHigh || u.CourtLevel == intent.CourtMiddle {
		return true
	}
	return u.Cause == "" && u.Reason == "" && u.Outcome == "" && u.NumberYear == 0
}

// droppedParts names, quoted, the parts of the echo full that the echo
// relaxed no longer has (“再审”).
func droppedParts(full, relaxed string) string {
	have := map[string]bool{}
	for _, p := range strings.Split(relaxed, " · ") {
		have[p] = true
	}
	var out []string
	for _, p := range strings.Split(full, " · ") {
		if p != "" && !have[p] {
			out = append(out, "“"+p+"”")
		}
	}
	return strings.Join(out, "、")
}
