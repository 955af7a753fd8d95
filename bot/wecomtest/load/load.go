// Package load drives a casebot server the way WeCom would, to measure it:
// encrypted, signed callbacks posted at a fixed rate (open loop: a slow
// server does not slow the senders down), the acknowledgement latency of
// each, the end-to-end latency from callback to the reply accepted by the
// fake WeCom, the server's memory, and a bare Redis round trip measured at
// the same time, so that a noisy machine shows in the baseline too.
package load

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"

	"casebot/bot/wecomtest"
)

// Options say what to drive and how hard.
type Options struct {
	// Client posts callbacks to the server's /wecom/callback.
	Client *wecomtest.Client
	// Fake is the fake WeCom the server sends its replies to.
	Fake *wecomtest.Server
	// Redis is the server's Redis, for the bare round-trip baseline.
	Redis redis.UniversalClient
	// Inbox is the server's inbox stream key, sampled for the backlog
	// (empty: not measured).
	Inbox string
	// PID is the server's process id, for its RSS and CPU time (0: not
	// measured).
	PID int
	// Phases run one after the other; the server's backlog is drained
	// between them.
	Phases []Phase
	// Drain bounds the wait for the replies of a phase. If zero, 2m.
	Drain time.Duration
	// Out receives progress lines. If nil, nothing is printed.
	Out io.Writer
}

// Phase is one constant-rate run.
type Phase struct {
	Name     string
	Rate     int // callbacks per second
	Duration time.Duration
}

// Stats summarise latencies.
type Stats struct {
	N                  int
	P50, P99, Max, Avg time.Duration
}

func (s Stats) String() string {
	if s.N == 0 {
		return "n=0"
	}
	return fmt.Sprintf("n=%d p50=%s p99=%s max=%s avg=%s", s.N, ms(s.P50), ms(s.P99), ms(s.Max), ms(s.Avg))
}

func ms(d time.Duration) string { return strconv.FormatFloat(float64(d)/1e6, 'f', 2, 64) + "ms" }

func summarize(ds []time.Duration) Stats {
	if len(ds) == 0 {
		return Stats{}
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	var sum time.Duration
	for _, d := range ds {
		sum += d
	}
	at := func(q float64) time.Duration { return ds[min(len(ds)-1, int(q*float64(len(ds))))] }
	return Stats{N: len(ds), P50: at(0.50), P99: at(0.99), Max: ds[len(ds)-1], Avg: sum / time.Duration(len(ds))}
}

// Result is one phase's figures.
type Result struct {
	Phase Phase
	// Sent is how many callbacks were posted; Failed how many were not
	// answered 200; Replied how many replies reached the fake WeCom.
	Sent, Failed, Replied int
	// Achieved is the rate actually posted, per second.
	Achieved float64
	Ack      Stats // callback posted → HTTP 200
	EndToEnd Stats // callback posted → reply accepted by the fake WeCom
	Redis    Stats // bare PING round trips during the phase
	// Once counts the acknowledged messages answered exactly once,
	// Unanswered those with no answer by the end of the drain, Doubled
	// those answered more than once.
	Once, Unanswered, Doubled int
	// BacklogPeak is the most entries the inbox stream held during the
	// phase and its drain; Drain is the time from the last callback sent
	// to the last reply.
	BacklogPeak int64
	Drain       time.Duration
	// RSS is the server's resident memory at the end of the phase, and
	// PeakRSS its high-water mark so far (VmHWM), in bytes.
	RSS, PeakRSS int64
	// CPU is the server's CPU time (user and system) from the start of the
	// phase to the end of its drain: per message, it is the cost of the
	// whole path, and much less sensitive to a noisy machine than latency.
	CPU time.Duration
}

// CPUPerMessage is the server's CPU time per callback sent.
func (r Result) CPUPerMessage() time.Duration {
	if r.Sent == 0 {
		return 0
	}
	return r.CPU / time.Duration(r.Sent)
}

// Run runs every phase and returns their results.
func Run(ctx context.Context, opt Options) ([]Result, error) {
	var out []Result
	for i, ph := range opt.Phases {
		r, err := runPhase(ctx, opt, i, ph)
		if err != nil {
			return out, err
		}
		out = append(out, r)
		if opt.Out != nil {
			fmt.Fprintln(opt.Out, r)
		}
	}
	return out, nil
}

func (r Result) String() string {
	return fmt.Sprintf("%s: %d/s for %s: sent %d (%.0f/s achieved), not 200: %d, replies %d\n  answered exactly once %d of %d acknowledged (unanswered %d, doubled %d)\n  ack        %s\n  end-to-end %s\n  backlog    peak %d entries, drained %s after the last callback\n  redis PING %s\n  server RSS %.1f MiB (peak %.1f MiB), CPU %.2fs (%.0fµs per message)",
		r.Phase.Name, r.Phase.Rate, r.Phase.Duration, r.Sent, r.Achieved, r.Failed, r.Replied,
		r.Once, r.Sent-r.Failed, r.Unanswered, r.Doubled,
		r.Ack, r.EndToEnd, r.BacklogPeak, r.Drain.Round(time.Millisecond), r.Redis, float64(r.RSS)/(1<<20), float64(r.PeakRSS)/(1<<20),
		r.CPU.Seconds(), float64(r.CPUPerMessage())/1e3)
}

func runPhase(ctx context.Context, opt Options, idx int, ph Phase) (Result, error) {
	res := Result{Phase: ph}
	users := make([]string, 0, ph.Rate*int(ph.Duration/time.Second+1))
	sentAt := map[string]time.Time{}
	var mu sync.Mutex
	var acks []time.Duration
	acked := map[string]bool{}
	failed := 0

	// The bare Redis baseline and the backlog, sampled every 10ms
	// through the phase and its drain.
	pctx, stopPing := context.WithCancel(ctx)
	pings := make(chan []time.Duration, 1)
	var backlogPeak int64
	go func() {
		var ds []time.Duration
		t := time.NewTicker(10 * time.Millisecond)
		defer t.Stop()
		for i := 0; ; i++ {
			select {
			case <-pctx.Done():
				pings <- ds
				return
			case <-t.C:
			}
			start := time.Now()
			if opt.Redis.Ping(pctx).Err() == nil {
				ds = append(ds, time.Since(start))
			}
			if opt.Inbox != "" && i%5 == 0 {
				if n, err := opt.Redis.XLen(pctx, opt.Inbox).Result(); err == nil && n > backlogPeak {
					mu.Lock()
					backlogPeak = max(backlogPeak, n)
					mu.Unlock()
				}
			}
		}
	}()

	seqBefore := len(opt.Fake.Messages())
	cpuBefore := cpuTime(opt.PID)
	interval := time.Second / time.Duration(ph.Rate)
	total := int(ph.Duration / interval)
	start := time.Now()
	var wg sync.WaitGroup
	for i := 0; i < total; i++ {
		// Open loop: the i-th callback leaves at start+i*interval,
		// however late earlier ones are answered.
		if d := time.Until(start.Add(time.Duration(i) * interval)); d > 0 {
			select {
			case <-time.After(d):
			case <-ctx.Done():
				stopPing()
				return res, ctx.Err()
			}
		}
		user := fmt.Sprintf("load-%d-%d-%d", start.Unix(), idx, i)
		req, err := opt.Client.Build(opt.Client.Text(user, "（2025）黔0115行初"+strconv.Itoa(i)+"号"))
		if err != nil {
			stopPing()
			return res, err
		}
		users = append(users, user)
		wg.Add(1)
		go func() {
			defer wg.Done()
			t0 := time.Now()
			mu.Lock()
			sentAt[user] = t0
			mu.Unlock()
			status, err := opt.Client.Post(ctx, req)
			d := time.Since(t0)
			mu.Lock()
			defer mu.Unlock()
			if err != nil || status != http.StatusOK {
				failed++
				return
			}
			acks = append(acks, d)
			acked[user] = true
		}()
	}
	lastSent := time.Now()
	wg.Wait()
	elapsed := time.Since(start)
	res.Sent, res.Failed = total, failed
	res.Achieved = float64(total) / elapsed.Seconds()
	res.Ack = summarize(acks)

	// Wait for the replies (the server may still be working off a backlog).
	drain := opt.Drain
	if drain <= 0 {
		drain = 2 * time.Minute
	}
	want := total - failed
	deadline := time.After(drain)
	for {
		changed := opt.Fake.Changed()
		if len(opt.Fake.Messages())-seqBefore >= want {
			// Every reply is in; a moment more, for any second answer.
			select {
			case <-time.After(time.Second):
			case <-ctx.Done():
			}
			break
		}
		select {
		case <-changed:
		case <-deadline:
			goto done
		case <-ctx.Done():
			stopPing()
			return res, ctx.Err()
		}
	}
done:
	stopPing()
	res.Redis = summarize(<-pings)
	var e2e []time.Duration
	answers := map[string]int{}
	var last time.Time
	for _, m := range opt.Fake.Messages()[seqBefore:] {
		if len(m.ToUsers) != 1 {
			continue
		}
		u := m.ToUsers[0]
		t0, ok := sentAt[u]
		if !ok {
			continue
		}
		if answers[u]++; answers[u] == 1 {
			e2e = append(e2e, m.At.Sub(t0))
		}
		if m.At.After(last) {
			last = m.At
		}
	}
	for u := range acked {
		switch answers[u] {
		case 0:
			res.Unanswered++
		case 1:
			res.Once++
		default:
			res.Doubled++
		}
	}
	if last.After(lastSent) {
		res.Drain = last.Sub(lastSent)
	}
	mu.Lock()
	res.BacklogPeak = backlogPeak
	mu.Unlock()
	res.Replied = len(e2e)
	res.EndToEnd = summarize(e2e)
	if opt.PID > 0 {
		res.RSS, res.PeakRSS = rss(opt.PID)
		res.CPU = cpuTime(opt.PID) - cpuBefore
	}
	return res, nil
}

// clockTicks is USER_HZ, the unit of /proc/PID/stat's times: 100 on
// every Linux architecture Go supports (sysconf needs cgo).
const clockTicks = 100

// cpuTime reads a process's user and system CPU time from /proc (0 when
// it cannot be read).
func cpuTime(pid int) time.Duration {
	if pid <= 0 {
		return 0
	}
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	// The command name (field 2) may hold spaces; fields after it are
	// counted from its closing parenthesis: utime and stime are 14 and 15.
	i := strings.LastIndexByte(string(b), ')')
	if i < 0 {
		return 0
	}
	f := strings.Fields(string(b[i+1:]))
	if len(f) < 13 {
		return 0
	}
	ut, _ := strconv.ParseInt(f[11], 10, 64)
	st, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(ut+st) * time.Second / clockTicks
}

// rss reads a process's resident set and its high-water mark from /proc.
func rss(pid int) (cur, peak int64) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		kb, _ := strconv.ParseInt(f[1], 10, 64)
		switch f[0] {
		case "VmRSS:":
			cur = kb << 10
		case "VmHWM:":
			peak = kb << 10
		}
	}
	return cur, peak
}
