package ledger

import (
	"bytes"
	"context"
	"fmt"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"casebot/bot/cases"
	"casebot/bot/keys"
	"casebot/bot/redistest"
	"casebot/bot/store"
	"casebot/bot/store/storetest"
)

// benchLedger writes n generated cases as an .xlsx ledger in the template
// (one row per case: each has one hearing).
func benchLedger(b *testing.B, n int) []byte {
	b.Helper()
	w, err := NewWriter(shanghai)
	if err != nil {
		b.Fatal(err)
	}
	base := at("2025-11-20 10:00")
	cs := make([]*cases.Case, 0, 1000)
	for i := range n {
		cs = append(cs, storetest.Generate(i, base))
		if len(cs) == cap(cs) || i == n-1 {
			if err := w.Write(cs); err != nil {
				b.Fatal(err)
			}
			cs = cs[:0]
		}
	}
	var buf bytes.Buffer
	if err := w.Close(&buf); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

// BenchmarkImport10k imports a 10,000-row .xlsx (target: 3 s), from the
// file's bytes to the committed transaction: into an empty ledger
// (Create), as a dry run over itself (DryRun), again over itself
// (Unchanged), and the reading alone (Read).
//
//	go test ./bot/ledger -run '^$' -bench Import10k -benchtime 3x
func BenchmarkImport10k(b *testing.B) {
	const n = 10000
	data := benchLedger(b, n)
	b.Logf("%d rows, %d KB", n, len(data)/1024)
	// A private server, killed afterwards, so that the iterations' ledgers
	// need no cleanup and other tests' keys do not weigh on it.
	srv := redistest.StartServer(b)
	rdb := redis.NewClient(&redis.Options{Addr: srv.Addr})
	b.Cleanup(func() { rdb.Close() })
	importOnce := func(b *testing.B, st *store.Store) *Result {
		l, err := Read("bench.xlsx", data, ReadOptions{Location: shanghai})
		if err != nil || len(l.Errors) > 0 {
			b.Fatalf("read: %v %v", err, l.Errors)
		}
		res, err := Import(b.Context(), st, l, Options{Now: importNow})
		if err != nil {
			b.Fatal(err)
		}
		return res
	}

	b.Run("Read", func(b *testing.B) {
		defer cpuMetrics(b, rdb)()
		for b.Loop() {
			if _, err := Read("bench.xlsx", data, ReadOptions{Location: shanghai}); err != nil {
				b.Fatal(err)
			}
		}
	})
	i := 0
	b.Run("Create", func(b *testing.B) {
		defer cpuMetrics(b, rdb)()
		for b.Loop() {
			i++
			st := store.New(rdb, keys.New(fmt.Sprintf("bench%d", i)))
			if res := importOnce(b, st); res.Created != n {
				b.Fatalf("created %d, want %d", res.Created, n)
			}
		}
	})
	// The dry run the upload page shows, over a stored ledger: read,
	// agencies named, every case weighed, nothing written.
	b.Run("DryRun", func(b *testing.B) {
		st := store.New(rdb, keys.New("bench-dry"))
		importOnce(b, st)
		defer cpuMetrics(b, rdb)()
		for b.Loop() {
			l, err := Read("bench.xlsx", data, ReadOptions{Location: shanghai})
			if err != nil {
				b.Fatal(err)
			}
			res, err := Import(b.Context(), st, l, Options{Now: importNow, DryRun: true})
			if err != nil || res.Unchanged != n || res.Written {
				b.Fatalf("dry run: %v, unchanged %d written %v", err, res.Unchanged, res.Written)
			}
		}
	})
	b.Run("Unchanged", func(b *testing.B) {
		st := store.New(rdb, keys.New("bench-unchanged"))
		importOnce(b, st)
		defer cpuMetrics(b, rdb)()
		for b.Loop() {
			if res := importOnce(b, st); res.Unchanged != n {
				b.Fatalf("unchanged %d, want %d", res.Unchanged, n)
			}
		}
	})
}

// cpuMetrics reports the CPU time an iteration costs in this process and
// in the Redis server: on a shared machine the wall time of a benchmark
// says more about the neighbours than about the code, while the sum of the
// two CPU times is what one import costs on an idle machine (at most; the
// two run partly in parallel). Call it before the loop and the function it
// returns after.
func cpuMetrics(b *testing.B, rdb *redis.Client) func() {
	self, server := processCPU(), redisCPU(b, rdb)
	return func() {
		n := float64(b.N)
		b.ReportMetric((processCPU()-self).Seconds()/n, "cpu-s/op")
		b.ReportMetric((redisCPU(b, rdb)-server).Seconds()/n, "redis-cpu-s/op")
	}
}

func processCPU() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// redisCPU reads used_cpu_user + used_cpu_sys from INFO cpu.
func redisCPU(b *testing.B, rdb *redis.Client) time.Duration {
	info, err := rdb.Info(context.Background(), "cpu").Result()
	if err != nil {
		b.Fatal(err)
	}
	var total float64
	for _, line := range strings.Split(info, "\n") {
		k, v, ok := strings.Cut(strings.TrimSpace(line), ":")
		if ok && (k == "used_cpu_user" || k == "used_cpu_sys") {
			f, _ := strconv.ParseFloat(v, 64)
			total += f
		}
	}
	return time.Duration(total * float64(time.Second))
}
