package ledger

import (
	"bytes"
	"fmt"
	"testing"

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
// (Create), again over itself (Unchanged), and the reading alone (Read).
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
		for b.Loop() {
			if _, err := Read("bench.xlsx", data, ReadOptions{Location: shanghai}); err != nil {
				b.Fatal(err)
			}
		}
	})
	i := 0
	b.Run("Create", func(b *testing.B) {
		for b.Loop() {
			i++
			st := store.New(rdb, keys.New(fmt.Sprintf("bench%d", i)))
			if res := importOnce(b, st); res.Created != n {
				b.Fatalf("created %d, want %d", res.Created, n)
			}
		}
	})
	b.Run("Unchanged", func(b *testing.B) {
		st := store.New(rdb, keys.New("bench-unchanged"))
		importOnce(b, st)
		for b.Loop() {
			if res := importOnce(b, st); res.Unchanged != n {
				b.Fatalf("unchanged %d, want %d", res.Unchanged, n)
			}
		}
	})
}
