package store

import (
	"context"
	"sort"

	"github.com/redis/go-redis/v9"

	"casebot/bot/cases"
)

// queueRisk keeps the 重点案件 set in the write replacing old (nil if new)
// with c (nil when deleted): a case is in it while flagged 败诉风险.
func (s *Store) queueRisk(ctx context.Context, p redis.Pipeliner, old, c *cases.Case) {
	was, is := old != nil && old.Risk != nil, c != nil && c.Risk != nil
	switch {
	case is && !was:
		p.SAdd(ctx, s.k.Risk(), c.Number)
	case was && !is:
		p.SRem(ctx, s.k.Risk(), old.Number)
	}
}

// RiskNumbers returns the numbers of the cases flagged 败诉风险, sorted.
func (s *Store) RiskNumbers(ctx context.Context) ([]string, error) {
	ns, err := s.rdb.SMembers(ctx, s.k.Risk()).Result()
	sort.Strings(ns)
	return ns, err
}
