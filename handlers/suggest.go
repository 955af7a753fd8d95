package handlers

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strconv"

	"casebot/bot/cases"
	"casebot/bot/people"
)

// maxSuggestions is how many near matches a “not found” answer offers.
const maxSuggestions = 3

// suggestNumbers finds the cases viewer may see whose numbers are nearest
// (in edit distance) to numbers that found nothing. The candidates come
// from index reads that each cost O(log n + k): the same number in the
// neighbouring years, under the other common type codes and the configured
// courts, and the numbers sharing ever shorter prefixes of its sequence.
func (s *service) suggestNumbers(ctx context.Context, viewer *people.Person, missing []string) ([]*cases.Case, error) {
	seen := map[string]bool{}
	var cands []string
	add := func(n string) {
		if !seen[n] {
			seen[n] = true
			cands = append(cands, n)
		}
	}
	for _, m := range missing {
		seen[m] = true
		n, err := cases.ParseNumber(m)
		if err != nil {
			continue
		}
		variants := []cases.Number{}
		for _, y := range []int{n.Year - 1, n.Year + 1} {
			v := n
			v.Year = y
			variants = append(variants, v)
		}
		var base string
		switch n.Form {
		case cases.CourtNumber, cases.LegacyCourtNumber:
			for _, t := range []string{"行初", "行终", "行审", "行赔初", "行申", "行再"} {
				if t != n.Type {
					v := n
					v.Type = t
					variants = append(variants, v)
				}
			}
			for _, court := range s.courts {
				if court != n.Court {
					v := n
					v.Court = court
					variants = append(variants, v)
				}
			}
			base = fmt.Sprintf("(%d)%s%s%s", n.Year, n.Court, n.Special, n.Type)
			if n.Form == cases.LegacyCourtNumber {
				base += "字第"
			}
		case cases.ReconsiderationNumber:
			base = fmt.Sprintf("%s〔%d〕", n.Org, n.Year)
		}
		for _, v := range variants {
			add(v.String())
		}
		seq := strconv.Itoa(n.Seq)
		found := 0
		for k := len(seq); k >= 0 && found < 20; k-- {
			ns, err := s.st.NumbersWithPrefix(ctx, base+seq[:k], 20)
			if err != nil {
				return nil, err
			}
			for _, x := range ns {
				if !seen[x] {
					found++
				}
				add(x)
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
			if d := editDistance(c.Number, m); best < 0 || d < best {
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

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
