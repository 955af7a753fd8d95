package handlers

import (
	"context"
	"slices"
	"sort"

	"casebot/bot/cases"
	"casebot/bot/people"
	"casebot/bot/textdist"
)

// maxSuggestions is how many near matches a “not found” answer offers.
const maxSuggestions = 3

// yearsOff is how many years a number's year may be mistyped by and still
// be offered as the case meant.
const yearsOff = 3

// suggestNumbers finds the cases viewer may see whose numbers are nearest
// (in edit distance) to numbers that found nothing, among the candidates
// of store.NearNumbers and the same numbers up to yearsOff years off.
func (s *service) suggestNumbers(ctx context.Context, viewer *people.Person, missing []string) ([]*cases.Case, error) {
	cands, err := s.st.NearNumbers(ctx, missing, s.courts)
	if err != nil {
		return nil, err
	}
	// A year mistyped by more than one ((2024)… for this year's case):
	// the store looks one year either side; the same number a few years
	// off is still that case misdated, not another one.
	for _, m := range missing {
		n, err := cases.ParseNumber(m)
		if err != nil || n.Form == cases.LegacyCourtNumber {
			continue
		}
		for d := -yearsOff; d <= yearsOff; d++ {
			if d < -1 || d > 1 {
				v := n
				v.Year += d
				cands = append(cands, v.String())
			}
		}
	}
	cs, err := s.visible(ctx, viewer, cands, nil)
	if err != nil {
		return nil, err
	}
	dist := func(c *cases.Case) int {
		best := -1
		for _, m := range missing {
			if d := textdist.Distance(c.Number, m); best < 0 || d < best {
				best = d
			}
		}
		return best
	}
	sort.SliceStable(cs, func(i, j int) bool {
		di, dj := dist(cs[i]), dist(cs[j])
		if di != dj {
			return di < dj
		}
		return cs[i].Number < cs[j].Number
	})
	var out []*cases.Case
	for _, c := range cs {
		// Beyond three edits a number is another case, not a typo.
		if dist(c) <= 3 && len(out) < maxSuggestions {
			out = append(out, c)
		}
	}
	return out, nil
}

// partiesWithPrefix returns the party names starting with prefix (other
// than prefix itself) that have cases viewer may see, with those cases.
func (s *service) partiesWithPrefix(ctx context.Context, viewer *people.Person, prefix string, keep func(*cases.Case) bool) (map[string][]string, error) {
	names, err := s.st.PartyNamesWithPrefix(ctx, prefix, 10)
	if err != nil {
		return nil, err
	}
	out := map[string][]string{}
	for _, n := range names {
		if n == prefix {
			continue
		}
		numbers, err := s.st.PartyNumbers(ctx, n)
		if err != nil {
			return nil, err
		}
		if numbers, err = s.visibleNumbers(ctx, viewer, numbers, keep); err != nil {
			return nil, err
		}
		if len(numbers) > 0 {
			out[n] = numbers
		}
	}
	return out, nil
}

// suggestParties offers one case of each party whose name starts like the
// name asked for: those in byName when there are several, else those
// sharing ever shorter prefixes of the name.
func (s *service) suggestParties(ctx context.Context, viewer *people.Person, name string, byName map[string][]string, keep func(*cases.Case) bool) ([]*cases.Case, error) {
	rs := []rune(name)
	for k := len(rs) - 1; len(byName) == 0 && k >= 1; k-- {
		var err error
		if byName, err = s.partiesWithPrefix(ctx, viewer, string(rs[:k]), keep); err != nil {
			return nil, err
		}
	}
	names := make([]string, 0, len(byName))
	for n := range byName {
		names = append(names, n)
	}
	sort.Strings(names)
	var numbers []string
	for _, n := range names {
		if len(numbers) == maxSuggestions {
			break
		}
		ns, err := s.newestFirst(ctx, byName[n])
		if err != nil {
			return nil, err
		}
		if len(ns) > 0 && !slices.Contains(numbers, ns[0]) {
			numbers = append(numbers, ns[0])
		}
	}
	return s.visible(ctx, viewer, numbers, nil)
}
