package lock_test

import (
	"context"
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
