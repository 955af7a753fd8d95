package lock_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"casebot/bot/lock"
	"casebot/bot/redistest"
)

func TestLease(t *testing.T) {
	ctx := context.Background()
	rdb, k := redistest.New(t)
	a, err := lock.Acquire(ctx, rdb, k.Lock("sweep"), time.Minute)
	if err != nil || a == nil {
		t.Fatalf("first acquire = %v, %v", a, err)
	}
	if b, err := lock.Acquire(ctx, rdb, k.Lock("sweep"), time.Minute); b != nil || err != nil {
		t.Fatalf("second acquire while held = %v, %v; want nil, nil", b, err)
	}
	if ok, err := a.Extend(ctx, time.Minute); !ok || err != nil {
		t.Errorf("extend = %v, %v", ok, err)
	}
	// Someone else's lease is never released by a stale holder.
	rdb.Set(ctx, k.Lock("sweep"), "other", time.Minute)
	a.Release(ctx)
	if v := rdb.Get(ctx, k.Lock("sweep")).Val(); v != "other" {
		t.Errorf("stale release deleted another holder's lock (value %q)", v)
	}
	if ok, _ := a.Extend(ctx, time.Minute); ok {
		t.Error("extend of a lost lease succeeded")
	}
	rdb.Del(ctx, k.Lock("sweep"))
	if c, _ := lock.Acquire(ctx, rdb, k.Lock("sweep"), time.Minute); c == nil {
		t.Error("acquire after release failed")
	}
}

// TestHold: one holder at a time; the lease is renewed while fn runs and
// released after; a lease lost mid-way cancels fn's context.
func TestHold(t *testing.T) {
	ctx := context.Background()
	rdb, k := redistest.New(t)
	key := k.Lock("push")
	inside := make(chan struct{})
	release := make(chan struct{})
	done := make(chan error, 1)
	go func() {
		_, err := lock.Hold(ctx, rdb, key, 150*time.Millisecond, func(context.Context) error {
			close(inside)
			<-release
			return nil
		})
		done <- err
	}()
	<-inside
	time.Sleep(400 * time.Millisecond) // longer than the TTL: only renewals keep it
	if held, err := lock.Hold(ctx, rdb, key, time.Minute, func(context.Context) error { return nil }); held || err != nil {
		t.Fatalf("second Hold while held = %v, %v", held, err)
	}
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if n := rdb.Exists(ctx, key).Val(); n != 0 {
		t.Error("lease not released")
	}

	// Lost: someone else takes the key; fn's context ends with ErrLost.
	held, err := lock.Hold(ctx, rdb, key, 90*time.Millisecond, func(ctx context.Context) error {
		rdb.Set(ctx, key, "thief", time.Minute)
		<-ctx.Done()
		return nil
	})
	if !held || !errors.Is(err, lock.ErrLost) {
		t.Errorf("Hold of a stolen lease = %v, %v; want ErrLost", held, err)
	}
}

// TestPresence: a started presence is alive; Stop removes it at once.
func TestPresence(t *testing.T) {
	ctx := context.Background()
	rdb, k := redistest.New(t)
	p := lock.NewPresence(rdb, k, "replica-a", 50*time.Millisecond, nil)
	if err := p.Start(ctx); err != nil {
		t.Fatal(err)
	}
	if ttl := rdb.PTTL(ctx, k.Alive("replica-a")).Val(); ttl <= 0 || ttl > p.TTL() {
		t.Errorf("presence TTL %v, want (0, %v]", ttl, p.TTL())
	}
	time.Sleep(3 * p.TTL()) // heartbeats keep it
	if ok, _ := lock.Alive(ctx, rdb, k, "replica-a"); !ok {
		t.Error("presence expired while beating")
	}
	if err := p.Stop(ctx); err != nil {
		t.Fatal(err)
	}
	if ok, _ := lock.Alive(ctx, rdb, k, "replica-a"); ok {
		t.Error("presence outlived Stop")
	}
}
