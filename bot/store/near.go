package store

import (
	"context"
	"fmt"
	"strconv"

	"casebot/bot/cases"
)

// NearNumbers returns the stored case numbers that may be what someone
// meant by numbers that found nothing: the same number in the neighbouring
// years, under the other common type codes and the given courts (config
// query.courts), and the numbers sharing ever shorter prefixes of its
// sequence. Each read costs O(log n + k). Chat and the command line rank
// them by textdist.Distance.
func (s *Store) NearNumbers(ctx context.Context, missing []string, courts []string) ([]string, error) {
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
			for _, court := range courts {
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
			ns, err := s.NumbersWithPrefix(ctx, base+seq[:k], 20)
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
	return cands, nil
}
