package store

import (
	"cmp"
	"context"
	"errors"
	"slices"
	"time"

	"github.com/redis/go-redis/v9"

	"casebot/bot/cases"
)

// The 结案方式 index: one sorted set per case kind and canonical outcome,
// scored by closing time (keys.ClosedOutcome), kept by queueWrite and
// queueDelete in the same MULTI as the case. It answers “本月败诉” with one
// ZRANGEBYSCORE per outcome of the 败诉 set instead of loading every case
// closed in the period.

// outcomeKey is the index set a closed case belongs to. The outcome is
// canonicalized so a case stored with an alias (撤诉) is found under its
// vocabulary word (准许撤诉); a method that does not parse (never written
// by a validated case) is indexed as written.
func (s *Store) outcomeKey(c *cases.Case) string {
	o, err := cases.ParseOutcome(c.Kind, string(c.Closure.Method))
	if err != nil {
		o = c.Closure.Method
	}
	return s.k.ClosedOutcome(string(c.Kind), string(o))
}

// ClosedWithOutcomes returns the numbers of the cases of kind closed in
// [from, to) whose 结案方式 is one of outcomes, oldest closing first (ties
// by number, as ClosedNumbers): one round trip of len(outcomes)
// ZRANGEBYSCOREs, O(len(outcomes)·log n + k), in one MULTI so that a case
// whose outcome changes meanwhile is seen once, in one of its sets.
func (s *Store) ClosedWithOutcomes(ctx context.Context, kind cases.Kind, outcomes []cases.Outcome, from, to time.Time) ([]string, error) {
	if len(outcomes) == 0 {
		return nil, nil
	}
	sets, err := s.rangeEach(ctx, s.outcomeKeys(kind, outcomes), &redis.ZRangeBy{Min: score(from), Max: exclusive(to)})
	if err != nil {
		return nil, err
	}
	var zs []redis.Z
	for _, set := range sets {
		zs = append(zs, set...)
	}
	slices.SortFunc(zs, func(a, b redis.Z) int {
		if c := cmp.Compare(a.Score, b.Score); c != 0 {
			return c
		}
		return cmp.Compare(a.Member.(string), b.Member.(string))
	})
	out := make([]string, len(zs))
	for i, z := range zs {
		out[i] = z.Member.(string)
	}
	// A case is in one outcome set at a time, but outcomes may name the
	// same word twice.
	return slices.Compact(out), nil
}

// CountClosedWithOutcomes counts what ClosedWithOutcomes returns without
// fetching it: O(len(outcomes)·log n), one round trip (one MULTI).
// Outcomes must not repeat.
func (s *Store) CountClosedWithOutcomes(ctx context.Context, kind cases.Kind, outcomes []cases.Outcome, from, to time.Time) (int64, error) {
	return s.countEach(ctx, s.outcomeKeys(kind, outcomes), score(from), exclusive(to))
}

// outcomeKeys are the index sets of outcomes of kind.
func (s *Store) outcomeKeys(kind cases.Kind, outcomes []cases.Outcome) []string {
	ks := make([]string, len(outcomes))
	for i, o := range outcomes {
		ks[i] = s.k.ClosedOutcome(string(kind), string(o))
	}
	return ks
}

// OutcomeIndexReady reports whether the 结案方式 index was rebuilt on this
// ledger (or the ledger was started empty with it), so that
// ClosedWithOutcomes sees every closed case.
func (s *Store) OutcomeIndexReady(ctx context.Context) (bool, error) {
	n, err := s.rdb.Exists(ctx, s.k.OutcomeIndexVersion()).Result()
	return n == 1, err
}

// reindexBatch is how many cases one rebuild transaction reads and WATCHes
// (at most maxWatchKeys, so the keys themselves are watched).
const reindexBatch = 200

// Reindex builds, once each, the derived indexes a ledger written before
// they existed lacks: the 结案方式 index (ReindexOutcomes), the person
// index (ReindexPeople), the party stems (ReindexPartyStems), the
// deadline index (ReindexDeadlines) and the suggestion index
// (ReindexSuggestions). serve and demo call it at every start; an index
// whose marker is set is skipped. It returns how many cases it indexed.
func (s *Store) Reindex(ctx context.Context) (int, error) {
	n, err := s.ReindexOutcomes(ctx)
	if err != nil {
		return n, err
	}
	m, err := s.ReindexPeople(ctx)
	if err != nil {
		return n + m, err
	}
	st, err := s.ReindexPartyStems(ctx)
	if err != nil {
		return n + m + st, err
	}
	d, err := s.ReindexDeadlines(ctx)
	if err != nil {
		return n + m + st + d, err
	}
	sg, err := s.ReindexSuggestions(ctx)
	return n + m + st + d + sg, err
}

// ReindexOutcomes builds the 结案方式 index from the stored cases, once: a
// ledger written before the index existed has none of its entries, and
// re-importing the same file would not add them (unchanged cases are not
// rewritten). It does nothing when the marker (keys.OutcomeIndexVersion)
// is set, and sets it when done. It returns how many closed cases it
// indexed (0 when the marker was set).
func (s *Store) ReindexOutcomes(ctx context.Context) (int, error) {
	return s.reindex(ctx, s.k.OutcomeIndexVersion(), func(ctx context.Context, p redis.Pipeliner, c *cases.Case) bool {
		if c.Open() {
			return false
		}
		p.ZAdd(ctx, s.outcomeKey(c), redis.Z{Score: unix(c.Closure.On), Member: c.Number})
		return true
	})
}

// ReindexPeople builds the person index (keys.PersonCases, PersonNames)
// from the stored cases, once, behind keys.PersonIndexVersion. It returns
// how many cases named someone.
func (s *Store) ReindexPeople(ctx context.Context) (int, error) {
	return s.reindex(ctx, s.k.PersonIndexVersion(), func(ctx context.Context, p redis.Pipeliner, c *cases.Case) bool {
		names := personNames(c)
		for n := range names {
			p.SAdd(ctx, s.k.PersonCases(n), c.Number)
			p.ZAdd(ctx, s.k.PersonNames(), redis.Z{Member: n})
		}
		return len(names) > 0
	})
}

// ReindexPartyStems builds keys.PartyStems from the stored cases, once,
// behind keys.PartyStemIndexVersion. It returns how many cases had an
// organisation plaintiff.
func (s *Store) ReindexPartyStems(ctx context.Context) (int, error) {
	return s.reindex(ctx, s.k.PartyStemIndexVersion(), func(ctx context.Context, p redis.Pipeliner, c *cases.Case) bool {
		return s.queuePartyStems(ctx, p, c)
	})
}

// reindex runs add over every stored case, unless marker is set, and then
// sets it. Each batch of cases is read and indexed in one transaction that
// WATCHes the batch's case keys, so a case changed meanwhile by a chat
// update or an import is read again rather than indexed stale; writes
// after the read keep the index themselves. Running it twice, or from two
// replicas at once, adds the same entries. add reports whether it indexed
// the case, for the count returned.
func (s *Store) reindex(ctx context.Context, marker string, add func(context.Context, redis.Pipeliner, *cases.Case) bool) (int, error) {
	if n, err := s.rdb.Exists(ctx, marker).Result(); err != nil || n == 1 {
		return 0, err
	}
	indexed := 0
	// Paged by number, not by rank, so a case deleted meanwhile does not
	// shift the pages and make the rebuild skip one.
	after := "-"
	for {
		numbers, err := s.rdb.ZRangeByLex(ctx, s.k.AllCases(), &redis.ZRangeBy{Min: after, Max: "+", Count: reindexBatch}).Result()
		if err != nil {
			return indexed, err
		}
		if len(numbers) == 0 {
			break
		}
		ks := make([]string, len(numbers))
		for i, n := range numbers {
			ks[i] = s.k.Case(n)
		}
		var batch int
		err = s.watch(ctx, func(tx *redis.Tx) error {
			cs, err := s.getManyTx(ctx, tx, ks)
			if err != nil {
				return err
			}
			batch = 0
			_, err = tx.TxPipelined(ctx, func(p redis.Pipeliner) error {
				for _, c := range cs {
					if c != nil && add(ctx, p, c) {
						batch++
					}
				}
				return nil
			})
			if errors.Is(err, redis.Nil) { // an empty MULTI
				err = nil
			}
			return err
		}, ks...)
		if err != nil {
			return indexed, err
		}
		indexed += batch
		if len(numbers) < reindexBatch {
			break
		}
		after = "(" + numbers[len(numbers)-1]
	}
	return indexed, s.rdb.Set(ctx, marker, "1", 0).Err()
}
