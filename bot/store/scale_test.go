package store_test

import (
	"context"
	"flag"
	"fmt"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"casebot/bot/cases"
	"casebot/bot/keys"
	"casebot/bot/redistest"
	"casebot/bot/store"
	"casebot/bot/store/storetest"
)

// roundTrips counts the round trips a client makes: every command sent on
// its own and every pipeline (MULTI/EXEC included) is one.
type roundTrips struct{ n atomic.Int64 }

var _ redis.Hook = (*roundTrips)(nil)

func (r *roundTrips) DialHook(next redis.DialHook) redis.DialHook { return next }

func (r *roundTrips) ProcessHook(next redis.ProcessHook) redis.ProcessHook {
	return func(ctx context.Context, cmd redis.Cmder) error {
		r.n.Add(1)
		return next(ctx, cmd)
	}
}

func (r *roundTrips) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return func(ctx context.Context, cmds []redis.Cmder) error {
		r.n.Add(1)
		return next(ctx, cmds)
	}
}

// TestLookupRoundTrips proves the cost of the lookups the bot answers
// with: a case by any writing of its 案号 in at most 3 round trips (it takes
// one), and a day's hearings with their cases in 2, whatever the size of
// the ledger.
func TestLookupRoundTrips(t *testing.T) {
	rdb, k := redistest.New(t)
	st := store.New(rdb, k)
	base := at("2025-11-20 10:00")
	storetest.Seed(t, st, 3000, base, nil)
	ctx := t.Context()
	rt := &roundTrips{}
	rdb.AddHook(rt)
	if err := rdb.Ping(ctx).Err(); err != nil { // connect before counting
		t.Fatal(err)
	}

	c := storetest.Generate(1234, base)
	n := cases.MustParseNumber(c.Number)
	writings := []string{c.Number, strings.NewReplacer("(", "（", ")", "）").Replace(c.Number),
		strings.NewReplacer("(", "〔", ")", "〕").Replace(c.Number), fmt.Sprintf(" ( %d ) 黔0115 行初 %d 号 ", n.Year, n.Seq)}
	for _, w := range writings {
		rt.n.Store(0)
		got, err := st.FindCase(ctx, w)
		if err != nil {
			t.Fatalf("FindCase(%q): %v", w, err)
		}
		if got.Number != c.Number {
			t.Errorf("FindCase(%q) = %s, want %s", w, got.Number, c.Number)
		}
		if trips := rt.n.Load(); trips > 3 {
			t.Errorf("FindCase(%q) took %d round trips, want at most 3", w, trips)
		} else {
			t.Logf("FindCase(%q): %d round trip(s)", w, trips)
		}
	}

	rt.n.Store(0)
	day := c.Hearings[0].At
	from := time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, day.Location())
	hs, err := st.HearingsBetween(ctx, from, from.AddDate(0, 0, 1))
	if err != nil || len(hs) == 0 {
		t.Fatalf("HearingsBetween: %v, %d hearings", err, len(hs))
	}
	if trips := rt.n.Load(); trips > 2 {
		t.Errorf("HearingsBetween took %d round trips, want 2", trips)
	}

	rt.n.Store(0)
	if _, err := st.FindCase(ctx, "(2025)黔0115行初999999号"); err != store.ErrNotFound {
		t.Errorf("unknown case: %v", err)
	}
	if trips := rt.n.Load(); trips != 1 {
		t.Errorf("an unknown case took %d round trips, want 1", trips)
	}
}

var scaleSizes = flag.String("scale", "10000,1000000", "ledger sizes for BenchmarkScale, comma-separated")

// BenchmarkScale measures, on ledgers of each -scale size, the queries that
// must not grow with the ledger: the hearings of one day with their cases
// (the reminder sweep's and "明天开庭" question's query) and a case by its
// 案号. Every size has the same 20 hearings on the day queried, so only
// the ledger's size differs. Each size is seeded once, into a redis-server
// of its own that is killed afterwards (1,000,000 cases take a few GB).
//
//	go test ./bot/store -run '^$' -bench Scale -benchtime 2000x
func BenchmarkScale(b *testing.B) {
	base := at("2025-11-20 10:00")
	// Generated hearings fall within ten years before base (plus 30 days);
	// the day queried is later, holding only the hearings added here.
	day := time.Date(2026, 3, 2, 0, 0, 0, 0, base.Location())
	for _, size := range strings.Split(*scaleSizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(size))
		if err != nil {
			b.Fatalf("-scale: %v", err)
		}
		srv := redistest.StartServer(b)
		rdb := redis.NewClient(&redis.Options{Addr: srv.Addr})
		st := store.New(rdb, keys.New("bench"))
		start := time.Now()
		every := n / 20
		storetest.Seed(b, st, n, base, func(i int, c *cases.Case) {
			if i%every == 0 {
				c.AddHearing(cases.Hearing{At: day.Add(9*time.Hour + time.Duration(i/every)*10*time.Minute), Place: "第一法庭"})
			}
		})
		b.Logf("seeded %d cases in %v", n, time.Since(start).Round(time.Second))
		name := fmt.Sprintf("cases=%d", n)

		b.Run("HearingsOneDay/"+name, func(b *testing.B) {
			ctx := context.Background()
			for b.Loop() {
				hs, err := st.HearingsBetween(ctx, day, day.AddDate(0, 0, 1))
				if err != nil || len(hs) != 20 {
					b.Fatalf("%d hearings, %v; want 20", len(hs), err)
				}
			}
		})
		b.Run("Lookup/"+name, func(b *testing.B) {
			ctx := context.Background()
			numbers := make([]string, 1000)
			for j := range numbers {
				numbers[j] = storetest.Generate((j*7919)%n, base).Number
			}
			i := 0
			for b.Loop() {
				want := numbers[i%len(numbers)]
				c, err := st.FindCase(ctx, want)
				if err != nil || c.Number != want {
					b.Fatalf("FindCase(%s): %v", want, err)
				}
				i++
			}
		})
		rdb.Close()
		srv.Stop()
	}
}
