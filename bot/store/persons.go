package store

import (
	"context"
	"strings"

	"github.com/redis/go-redis/v9"

	"casebot/bot/cases"
)

// The person index: the cases that name someone as their 承办人 or as the
// 出庭负责人 of a hearing (keys.PersonCases), and every such name
// (keys.PersonNames), kept by queueWrite and queueDelete in the same MULTI
// as the case. It answers “钱坤手上有几个案子” and “林涛要出几次庭” without
// reading the ledger; a name may be in the index and in no directory.

// personNames returns the names case c puts in the person index.
func personNames(c *cases.Case) map[string]bool {
	out := map[string]bool{}
	if n := strings.TrimSpace(c.Handler); n != "" {
		out[n] = true
	}
	for _, h := range c.Hearings {
		if n := strings.TrimSpace(h.Head); n != "" && !h.Cancelled {
			out[n] = true
		}
	}
	return out
}

// PersonNumbers returns the numbers of the cases naming name as 承办人 or
// 出庭负责人, exactly as written: one SMEMBERS.
func (s *Store) PersonNumbers(ctx context.Context, name string) ([]string, error) {
	return s.rdb.SMembers(ctx, s.k.PersonCases(name)).Result()
}

// NamesWithPrefixes returns, for each prefix, up to limit party names and
// up to limit person names starting with it that still have cases, in one
// round trip (two ZRANGEBYLEX and their SCARDs per prefix, pipelined). It
// is how the words of a message are matched against the names the ledger
// knows.
func (s *Store) NamesWithPrefixes(ctx context.Context, prefixes []string, limit int) (parties, persons [][]string, err error) {
	if len(prefixes) == 0 {
		return nil, nil, nil
	}
	pc := make([]*redis.StringSliceCmd, len(prefixes))
	qc := make([]*redis.StringSliceCmd, len(prefixes))
	_, err = s.rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
		for i, pre := range prefixes {
			by := &redis.ZRangeBy{Min: "[" + pre, Max: "[" + pre + "\xff", Count: int64(limit)}
			pc[i] = p.ZRangeByLex(ctx, s.k.PartyNames(), by)
			qc[i] = p.ZRangeByLex(ctx, s.k.PersonNames(), by)
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	// A name whose cases were all renamed or deleted stays in its name
	// index (MULTI cannot remove it conditionally): check the sets.
	type probe struct {
		list, i int
		name    string
		card    *redis.IntCmd
	}
	var probes []probe
	_, err = s.rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
		for i := range prefixes {
			for _, n := range pc[i].Val() {
				probes = append(probes, probe{0, i, n, p.SCard(ctx, s.k.PartyCases(n))})
			}
			for _, n := range qc[i].Val() {
				probes = append(probes, probe{1, i, n, p.SCard(ctx, s.k.PersonCases(n))})
			}
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	parties, persons = make([][]string, len(prefixes)), make([][]string, len(prefixes))
	for _, pr := range probes {
		if pr.card.Val() == 0 {
			continue
		}
		if pr.list == 0 {
			parties[pr.i] = append(parties[pr.i], pr.name)
		} else {
			persons[pr.i] = append(persons[pr.i], pr.name)
		}
	}
	return parties, persons, nil
}
