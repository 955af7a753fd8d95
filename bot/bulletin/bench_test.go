package bulletin_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"casebot/bot/bulletin"
	"casebot/bot/cases"
	"casebot/bot/keys"
	"casebot/bot/redistest"
	"casebot/bot/store"
	"casebot/bot/store/storetest"
)

// The benchmark's ledger: 1,000,000 generated cases over ten years, of
// which every twelfth (83,334) is made to close in October 2025, on top of
// the about 5,000 a month the generator closes anyway.
// BULLETIN_BENCH_CASES sets another size for a quick try.
const benchEvery = 12

func benchCases() int {
	if n, err := strconv.Atoi(os.Getenv("BULLETIN_BENCH_CASES")); err == nil && n > 0 {
		return n
	}
	return 1_000_000
}

// TestMain runs a dedicated bulletin computation instead of the tests when
// the benchmark starts this binary as its child (see runChild).
func TestMain(m *testing.M) {
	if os.Getenv("BULLETIN_BENCH_ADDR") != "" {
		os.Exit(runChild())
	}
	os.Exit(m.Run())
}

// BenchmarkBulletinMonth1M computes October 2025's bulletin — figures,
// markdown and chart — over 1,000,000 stored cases with about 88,000
// closed that month. Besides ns/op it reports the wall time and peak RSS
// (VmHWM) of one dedicated run in a fresh process, which is what the
// command line and the scheduler pay:
//
//	go test ./bot/bulletin -run '^$' -bench BulletinMonth1M -benchtime 3x
func BenchmarkBulletinMonth1M(b *testing.B) {
	rdb, k := redistest.New(b)
	st := store.New(rdb, k)
	ctx := context.Background()
	start := time.Now()
	storetest.Seed(b, st, benchCases(), time.Date(2025, 11, 20, 10, 0, 0, 0, shanghai), func(i int, c *cases.Case) {
		if i%benchEvery != 0 {
			return
		}
		method := cases.JudgmentDismissClaims
		switch {
		case c.Kind == cases.Reconsideration:
			method = cases.ReconUphold
		case i%(benchEvery*6) == 0:
			method = cases.JudgmentRevoke
		case c.Stage == cases.StageSecond:
			method = cases.AppealDismissed
		}
		day := time.Duration(i/benchEvery%31) * 24 * time.Hour
		c.Closure = &cases.Closure{On: october.Start(shanghai).Add(day + 10*time.Hour), Method: method, Reason: "基准测试"}
	})
	closed, _ := st.CountClosed(ctx, october.Start(shanghai), october.End(shanghai))
	b.Logf("seeded %d cases in %v; %d closed in %s", benchCases(), time.Since(start).Round(time.Second), closed, october)

	opt := bulletin.Options{Location: shanghai, Now: at("2025-11-01 09:00")}
	b.ResetTimer()
	for b.Loop() {
		rep, err := bulletin.Compute(ctx, st, october, opt)
		if err != nil {
			b.Fatal(err)
		}
		rep.Markdown(style)
		if _, err := rep.Chart(bulletin.ChartStyle{ControlLine: 0.15, Location: shanghai}); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()

	secs, rss, cpu, total := runChildProcess(b, rdb, k)
	b.ReportMetric(secs, "child-s")
	b.ReportMetric(cpu, "child-cpu-s")
	b.ReportMetric(rss, "child-MiB-RSS")
	b.Logf("dedicated run: %.2f s (%.2f s CPU), peak RSS %.1f MiB; total closed %d", secs, cpu, rss, total)
}

// runChildProcess starts this test binary as a child that computes the
// bulletin once against the same Redis and prefix, and reads back its wall
// time and peak RSS.
func runChildProcess(b *testing.B, rdb redis.UniversalClient, k keys.Keys) (secs, rssMiB, cpuSecs float64, closed int) {
	b.Helper()
	addr := rdb.(*redis.Client).Options().Addr
	prefix := strings.TrimSuffix(strings.TrimPrefix(k.Pattern(), "{"), "}:*")
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), "BULLETIN_BENCH_ADDR="+addr, "BULLETIN_BENCH_PREFIX="+prefix)
	out, err := cmd.CombinedOutput()
	if err != nil {
		b.Fatalf("child: %v\n%s", err, out)
	}
	m := regexp.MustCompile(`seconds=([\d.]+) vmhwm_kib=(\d+) closed=(\d+) cpu_seconds=([\d.]+)`).FindStringSubmatch(string(out))
	if m == nil {
		b.Fatalf("child said: %s", out)
	}
	secs, _ = strconv.ParseFloat(m[1], 64)
	kib, _ := strconv.ParseFloat(m[2], 64)
	closed, _ = strconv.Atoi(m[3])
	cpuSecs, _ = strconv.ParseFloat(m[4], 64)
	return secs, kib / 1024, cpuSecs, closed
}

// runChild is the child: one bulletin, as the command line computes it,
// then its own peak RSS from /proc/self/status.
func runChild() int {
	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("BULLETIN_BENCH_ADDR")})
	defer rdb.Close()
	st := store.New(rdb, keys.New(os.Getenv("BULLETIN_BENCH_PREFIX")))
	loc, _ := time.LoadLocation("Asia/Shanghai")
	now := time.Date(2025, 11, 1, 9, 0, 0, 0, loc)
	begin := time.Now()
	rep, err := bulletin.Compute(context.Background(), st, bulletin.Month{Year: 2025, Month: 10}, bulletin.Options{Location: loc, Now: now})
	if err != nil {
		fmt.Println("compute:", err)
		return 1
	}
	rep.Markdown(bulletin.Style{ControlLine: 0.15, Location: loc})
	if _, err := rep.Chart(bulletin.ChartStyle{ControlLine: 0.15, Location: loc}); err != nil {
		fmt.Println("chart:", err)
		return 1
	}
	if _, err := json.Marshal(rep); err != nil {
		fmt.Println("json:", err)
		return 1
	}
	elapsed := time.Since(begin)
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		fmt.Println("status:", err)
		return 1
	}
	hwm := regexp.MustCompile(`VmHWM:\s+(\d+) kB`).FindStringSubmatch(string(status))
	if hwm == nil {
		fmt.Println("no VmHWM in /proc/self/status")
		return 1
	}
	// CPU time says how much work it was whatever else the machine runs.
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		fmt.Println("rusage:", err)
		return 1
	}
	cpu := time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	fmt.Printf("seconds=%.3f vmhwm_kib=%s closed=%d cpu_seconds=%.3f\n", elapsed.Seconds(), hwm[1], rep.Total.Closed, cpu.Seconds())
	return 0
}
