package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"casebot/bot/redistest"
)

// BenchmarkAgencyList measures the index reads that order and scope an
// agency's list of 5,000 cases out of 100k (我们局还有哪些没结): the filing
// order, the agency check the way it was done before (ZMSCORE of every
// number) and the way it is done now (the index read whole), and the
// open check, side by side in one run, with Redis's own CPU time per
// operation, which a noisy machine does not inflate:
//
//	go test ./bot/store -run '^$' -bench BenchmarkAgencyList -benchtime 30x -count 3
//
// The fixture is the three indexes alone, written in pipelines (about a
// second), not 100k cases.
func BenchmarkAgencyList(b *testing.B) {
	rdb, k := redistest.New(b)
	s := New(rdb, k)
	ctx := context.Background()
	const ledger, share = 100_000, 20 // one case in 20 is the agency's
	agency := "某县市场监督管理局"
	base := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	var numbers []string
	p := rdb.Pipeline()
	for i := range ledger {
		n := fmt.Sprintf("(%d)黔0115行初%d号", 2020+i%6, i)
		filed := float64(base + int64(i%2000)*86400)
		p.ZAdd(ctx, k.Filed(), redis.Z{Score: filed, Member: n})
		if i%5 >= 3 {
			p.SAdd(ctx, k.OpenCases(), n)
		}
		if i%share == 0 {
			p.ZAdd(ctx, k.AgencyCases(agency), redis.Z{Score: filed, Member: n})
			numbers = append(numbers, n)
		}
		if i%2000 == 1999 {
			if _, err := p.Exec(ctx); err != nil {
				b.Fatal(err)
			}
		}
	}
	if _, err := p.Exec(ctx); err != nil {
		b.Fatal(err)
	}
	b.Run("order/NewestFirst", func(b *testing.B) {
		defer redisCPU(b, rdb)()
		for b.Loop() {
			if _, err := s.NewestFirst(ctx, numbers); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("agency/before-ZMSCORE", func(b *testing.B) {
		defer redisCPU(b, rdb)()
		for b.Loop() {
			if _, _, err := s.scoresOf(ctx, k.AgencyCases(agency), numbers); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("agency/now-InAgency", func(b *testing.B) {
		defer redisCPU(b, rdb)()
		for b.Loop() {
			if _, err := s.InAgency(ctx, agency, numbers); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("open/OpenAmong", func(b *testing.B) {
		defer redisCPU(b, rdb)()
		for b.Loop() {
			if _, err := s.OpenAmong(ctx, numbers); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// redisCPU reports Redis's own CPU time per operation (INFO cpu), the
// part of the cost a loaded machine does not inflate: call it deferred
// with its result, redisCPU(b, rdb)().
func redisCPU(b *testing.B, rdb redis.UniversalClient) func() {
	read := func() float64 {
		info, err := rdb.Info(context.Background(), "cpu").Result()
		if err != nil {
			return 0
		}
		var total float64
		for _, line := range strings.Split(info, "\n") {
			for _, f := range []string{"used_cpu_user:", "used_cpu_sys:"} {
				if v, ok := strings.CutPrefix(strings.TrimSpace(line), f); ok {
					x, _ := strconv.ParseFloat(v, 64)
					total += x
				}
			}
		}
		return total
	}
	before := read()
	return func() {
		if b.N > 0 {
			b.ReportMetric((read()-before)*1e3/float64(b.N), "redis-cpu-ms/op")
		}
	}
}
