package store

import (
	"context"
	"slices"
	"time"

	"github.com/redis/go-redis/v9"

	"casebot/bot/cases"
)

// The suggestion index: one sorted set per kind of suggestion (司法建议,
// 检察建议) holding the cases that drew one, scored by the day it was
// received (keys.Suggested), kept by queueWrite and queueDelete in the
// case's MULTI. It answers “今年收到几份检察建议” with a ZRANGEBYSCORE
// instead of loading the ledger. (The deadline index holds only the
// suggestions still to be answered.)

// queueSuggestions queues the index changes that replacing old (nil if
// new) with c makes.
func (s *Store) queueSuggestions(ctx context.Context, p redis.Pipeliner, old, c *cases.Case) {
	s.addSuggestions(ctx, p, c)
	if old == nil {
		return
	}
	for _, sg := range old.Suggestions {
		if c == nil || c.Suggestion(sg.Kind) == nil {
			p.ZRem(ctx, s.k.Suggested(string(sg.Kind)), old.Number)
		}
	}
}

// addSuggestions queues the ZADDs of c's suggestions and reports whether
// there were any.
func (s *Store) addSuggestions(ctx context.Context, p redis.Pipeliner, c *cases.Case) bool {
	if c == nil {
		return false
	}
	for _, sg := range c.Suggestions {
		p.ZAdd(ctx, s.k.Suggested(string(sg.Kind)), redis.Z{Score: unix(sg.ReceivedOn), Member: c.Number})
	}
	return len(c.Suggestions) > 0
}

// SuggestedNumbers returns the numbers of the cases that drew a suggestion
// of one of kinds (every kind when none is given) received in [from, to)
// (zero bounds are open), earliest first, each once: one MULTI of one
// ZRANGEBYSCORE per kind.
func (s *Store) SuggestedNumbers(ctx context.Context, from, to time.Time, kinds ...cases.SuggestionKind) ([]string, error) {
	if len(kinds) == 0 {
		kinds = cases.SuggestionKinds
	}
	ks := make([]string, len(kinds))
	for i, k := range kinds {
		ks[i] = s.k.Suggested(string(k))
	}
	r := &redis.ZRangeBy{Min: "-inf", Max: "+inf"}
	if !from.IsZero() {
		r.Min = score(from)
	}
	if !to.IsZero() {
		r.Max = exclusive(to)
	}
	sets, err := s.rangeEach(ctx, ks, r)
	if err != nil {
		return nil, err
	}
	var zs []redis.Z
	for _, set := range sets {
		zs = append(zs, set...)
	}
	slices.SortStableFunc(zs, func(a, b redis.Z) int {
		switch {
		case a.Score < b.Score:
			return -1
		case a.Score > b.Score:
			return 1
		}
		return 0
	})
	var out []string
	seen := map[string]bool{}
	for _, z := range zs {
		if n := z.Member.(string); !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out, nil
}

// ReindexSuggestions builds the suggestion index from the stored cases,
// once, behind keys.SuggestionIndexVersion. It returns how many cases drew
// a suggestion (0 when the marker was set).
func (s *Store) ReindexSuggestions(ctx context.Context) (int, error) {
	return s.reindex(ctx, s.k.SuggestionIndexVersion(), s.addSuggestions)
}
