package sendlog_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"casebot/bot/redistest"
	"casebot/bot/sendlog"
)

func newLog(t *testing.T) *sendlog.Log {
	rdb, k := redistest.New(t)
	return sendlog.New(rdb, k, "test", 0)
}

func TestClaimOnce(t *testing.T) {
	ctx := context.Background()
	l := newLog(t)
	// Ten concurrent senders: exactly one gets the claim.
	var wg sync.WaitGroup
	var mu sync.Mutex
	claimed := 0
	for range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r, err := l.Claim(ctx, "h1", time.Minute)
			if err != nil {
				t.Error(err)
			}
			if r == sendlog.Claimed {
				mu.Lock()
				claimed++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if claimed != 1 {
		t.Fatalf("%d senders claimed, want 1", claimed)
	}
	if err := l.Done(ctx, "h1", sendlog.Record{At: time.Unix(0, 0)}); err != nil {
		t.Fatal(err)
	}
	if r, _ := l.Claim(ctx, "h1", time.Minute); r != sendlog.AlreadyDone {
		t.Errorf("claim after done = %v, want AlreadyDone", r)
	}
	// A released claim can be taken again.
	if r, _ := l.Claim(ctx, "h2", time.Minute); r != sendlog.Claimed {
		t.Fatalf("first claim of h2 = %v", r)
	}
	if r, _ := l.Claim(ctx, "h2", time.Minute); r != sendlog.Busy {
		t.Errorf("second claim of h2 = %v, want Busy", r)
	}
	l.Release(ctx, "h2")
	if r, _ := l.Claim(ctx, "h2", time.Minute); r != sendlog.Claimed {
		t.Errorf("claim after release = %v, want Claimed", r)
	}
	if done, _ := l.IsDone(ctx, "h2"); done {
		t.Error("h2 is not done")
	}
}
