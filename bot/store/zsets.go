package store

import (
	"context"

	"github.com/redis/go-redis/v9"
)

// The 结案方式 and deadline indexes keep one sorted set per kind; a
// question reads several of them. Reading them in one MULTI sees a case
// that moves between two sets meanwhile in one of them, never both or
// neither.

// rangeEach returns ZRANGEBYSCORE … WITHSCORES of each key, in key order:
// one round trip.
func (s *Store) rangeEach(ctx context.Context, keys []string, by *redis.ZRangeBy) ([][]redis.Z, error) {
	cmds := make([]*redis.ZSliceCmd, len(keys))
	_, err := s.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		for i, k := range keys {
			cmds[i] = p.ZRangeByScoreWithScores(ctx, k, by)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := make([][]redis.Z, len(keys))
	for i, c := range cmds {
		out[i] = c.Val()
	}
	return out, nil
}

// countEach returns the sum of ZCOUNT min max over keys: one round trip.
func (s *Store) countEach(ctx context.Context, keys []string, min, max string) (int64, error) {
	cmds := make([]*redis.IntCmd, len(keys))
	_, err := s.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		for i, k := range keys {
			cmds[i] = p.ZCount(ctx, k, min, max)
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	var n int64
	for _, c := range cmds {
		n += c.Val()
	}
	return n, nil
}
