package store

import (
	"context"
	"slices"
	"sync"

	"github.com/redis/go-redis/v9"
)

// openCache keeps the open set as last read, with the ledger version it
// was read at. Every write that changes the open set increments the
// ledger version in the same transaction (queueWrite, queueDelete), so a
// version read before the members makes the copy at least as new as the
// version: a question over the working set of a large ledger (复议案件有几个,
// 今年一共多少行政诉讼) then reads one small key instead of the whole set,
// twice (the candidates and the open count).
type openCache struct {
	mu      sync.Mutex
	version string
	numbers []string
	set     map[string]struct{}
}

// openCacheMin is the open set size below which nothing is cached: reading
// a county's few hundred open cases costs less than keeping them.
const openCacheMin = 2000

func (s *Store) openSet(ctx context.Context) ([]string, map[string]struct{}, error) {
	version, err := s.rdb.Get(ctx, s.k.LedgerVersion()).Result()
	if err != nil && err != redis.Nil {
		return nil, nil, err
	}
	c := s.open
	c.mu.Lock()
	if err == nil && c.set != nil && c.version == version {
		ns, set := c.numbers, c.set
		c.mu.Unlock()
		return ns, set, nil
	}
	c.mu.Unlock()
	ns, err := s.rdb.SMembers(ctx, s.k.OpenCases()).Result()
	if err != nil {
		return nil, nil, err
	}
	set := make(map[string]struct{}, len(ns))
	for _, n := range ns {
		set[n] = struct{}{}
	}
	if len(ns) >= openCacheMin && version != "" {
		c.mu.Lock()
		c.version, c.numbers, c.set = version, ns, set
		c.mu.Unlock()
	}
	return ns, set, nil
}

// OpenNumbers returns the numbers of every open case (a slice the caller
// may append to; the cached copy is not changed).
func (s *Store) OpenNumbers(ctx context.Context) ([]string, error) {
	ns, _, err := s.openSet(ctx)
	return slices.Clip(ns), err
}
