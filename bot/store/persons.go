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

// NameHits are the names found for one prefix: party and person names
// starting with it, and the organisation parties one of whose stems
// (PartyStem) starts with it.
type NameHits struct {
	Parties, Persons []string
	Stems            []PartyStem
}

// PartyStem is a shortening of an organisation party's name.
type PartyStem struct{ Stem, Name string }

// NamesWithPrefixes returns, for each prefix, up to limit party names,
// person names and party stems starting with it whose names still have
// cases, in two round trips (three ZRANGEBYLEX per prefix, then the SCARDs,
// pipelined). It is how the words of a message are matched against the
// names the ledger knows.
func (s *Store) NamesWithPrefixes(ctx context.Context, prefixes []string, limit int) ([]NameHits, error) {
	if len(prefixes) == 0 {
		return nil, nil
	}
	pc := make([]*redis.StringSliceCmd, len(prefixes))
	qc := make([]*redis.StringSliceCmd, len(prefixes))
	sc := make([]*redis.StringSliceCmd, len(prefixes))
	_, err := s.rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
		for i, pre := range prefixes {
			by := &redis.ZRangeBy{Min: "[" + pre, Max: "[" + pre + "\xff", Count: int64(limit)}
			pc[i] = p.ZRangeByLex(ctx, s.k.PartyNames(), by)
			qc[i] = p.ZRangeByLex(ctx, s.k.PersonNames(), by)
			sc[i] = p.ZRangeByLex(ctx, s.k.PartyStems(), by)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	// A name whose cases were all renamed or deleted stays in its name
	// index (MULTI cannot remove it conditionally): check the sets.
	type probe struct {
		list, i int
		name    string
		stem    string
		card    *redis.IntCmd
	}
	var probes []probe
	_, err = s.rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
		for i := range prefixes {
			for _, n := range pc[i].Val() {
				probes = append(probes, probe{0, i, n, "", p.SCard(ctx, s.k.PartyCases(n))})
			}
			for _, n := range qc[i].Val() {
				probes = append(probes, probe{1, i, n, "", p.SCard(ctx, s.k.PersonCases(n))})
			}
			for _, m := range sc[i].Val() {
				if stem, n, ok := strings.Cut(m, "\x00"); ok {
					probes = append(probes, probe{2, i, n, stem, p.SCard(ctx, s.k.PartyCases(n))})
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := make([]NameHits, len(prefixes))
	for _, pr := range probes {
		if pr.card.Val() == 0 {
			continue
		}
		h := &out[pr.i]
		switch pr.list {
		case 0:
			h.Parties = append(h.Parties, pr.name)
		case 1:
			h.Persons = append(h.Persons, pr.name)
		default:
			h.Stems = append(h.Stems, PartyStem{pr.stem, pr.name})
		}
	}
	return out, nil
}

// legalForms end organisations' names; what is before one is the name
// people shorten (某某建材有限公司 → 某某建材).
var legalForms = []string{"股份有限公司", "有限责任公司", "有限公司", "分公司", "公司", "合作社"}

// partyStems returns the stems of an organisation party (PartyStems):
// every run of two or more characters of its name without the legal form
// or, for a name ending in 厂, 店, 场…, that last character. A natural
// person has none.
func partyStems(p cases.Party) []string {
	if p.Natural {
		return nil
	}
	core := strings.TrimSpace(p.Name)
	cut := false
	for _, f := range legalForms {
		if c, ok := strings.CutSuffix(core, f); ok && c != "" {
			core, cut = c, true
			break
		}
	}
	rs := []rune(core)
	if !cut && len(rs) > 2 && strings.ContainsRune("厂店场行部室院所校馆社站", rs[len(rs)-1]) {
		rs = rs[:len(rs)-1]
	}
	const maxStem = 12 // longer shortenings are found as the name's start
	var out []string
	seen := map[string]bool{}
	for i := range rs {
		for j := i + 2; j <= len(rs) && j-i <= maxStem; j++ {
			if w := string(rs[i:j]); !seen[w] {
				seen[w] = true
				out = append(out, w)
			}
		}
	}
	return out
}

// queuePartyStems adds the stems of c's organisation plaintiffs. Stems of
// a party no longer named stay, like its entry in PartyNames, and are
// filtered out by NamesWithPrefixes.
func (s *Store) queuePartyStems(ctx context.Context, p redis.Pipeliner, c *cases.Case) bool {
	added := false
	for _, pt := range c.Plaintiffs {
		for _, st := range partyStems(pt) {
			p.ZAdd(ctx, s.k.PartyStems(), redis.Z{Member: st + "\x00" + pt.Name})
			added = true
		}
	}
	return added
}
