package store

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"casebot/bot/cases"
)

// Spellings returns the other spellings of agencies recorded in the
// ledger: written -> the agency's name.
func (s *Store) Spellings(ctx context.Context) (map[string]string, error) {
	return s.rdb.HGetAll(ctx, s.k.AgencySpellings()).Result()
}

// RecordSpellings records other spellings of agencies (written -> name).
func (s *Store) RecordSpellings(ctx context.Context, spellings map[string]string) error {
	if len(spellings) == 0 {
		return nil
	}
	args := make([]any, 0, 2*len(spellings))
	for w, n := range spellings {
		if w != n {
			args = append(args, w, n)
		}
	}
	if len(args) == 0 {
		return nil
	}
	return s.rdb.HSet(ctx, s.k.AgencySpellings(), args...).Err()
}

// MergeReport is what MergeAgency changed.
type MergeReport struct {
	Cases  []string // the numbers of the cases that named from
	People int      // directory entries moved from from to into
}

// MergeAgency makes into the one name of the agency also written from:
// every case naming from as a defendant names into instead (once, if it
// named both), with its indexes; every person of from belongs to into;
// from is recorded as a spelling of into (and the spellings recorded for
// from point to into), so that a later file writing from is read as into.
// Each case is rewritten in its own transaction, so a merge cut short is
// finished by running it again.
func (s *Store) MergeAgency(ctx context.Context, from, into string) (*MergeReport, error) {
	if from == into || from == "" || into == "" {
		return nil, fmt.Errorf("合并需要两个不同的单位名")
	}
	numbers, err := s.rdb.ZRange(ctx, s.k.AgencyCases(from), 0, -1).Result()
	if err != nil {
		return nil, err
	}
	rep := &MergeReport{}
	for _, n := range numbers {
		_, err := s.Update(ctx, n, func(c *cases.Case) error {
			var ds []string
			for _, d := range c.Defendants {
				if d == from {
					d = into
				}
				if !slices.Contains(ds, d) {
					ds = append(ds, d)
				}
			}
			c.Defendants = ds
			return nil
		})
		if errors.Is(err, ErrNotFound) {
			continue // deleted meanwhile
		}
		if err != nil {
			return rep, fmt.Errorf("合并到第 %d 件案件 %s 时失败（%w）：已合并的不受影响，请重新运行合并以完成", len(rep.Cases)+1, n, err)
		}
		rep.Cases = append(rep.Cases, n)
	}
	ps, err := s.AgencyPeople(ctx, from)
	if err != nil {
		return rep, err
	}
	for _, p := range ps {
		p.Agency = into
	}
	if err := s.PutPeople(ctx, ps); err != nil {
		return rep, err
	}
	rep.People = len(ps)
	spellings, err := s.Spellings(ctx)
	if err != nil {
		return rep, err
	}
	moved := map[string]string{from: into}
	for w, n := range spellings {
		if n == from {
			moved[w] = into
		}
	}
	if err := s.RecordSpellings(ctx, moved); err != nil {
		return rep, err
	}
	// A spelling that was into's own name is no longer another spelling.
	s.rdb.HDel(ctx, s.k.AgencySpellings(), into)
	// The agency list forgets from now that no case names it.
	_, err = s.AgencyCounts(ctx)
	return rep, err
}
