package durable

import (
	"context"
	"errors"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"casebot/bot/redistest"
)

// TestCheckNamesWhatLosesData: a server with appendonly no and an
// evicting policy is reported setting by setting, in Chinese naming the
// fix; once both are right nothing is reported.
func TestCheckNamesWhatLosesData(t *testing.T) {
	srv := redistest.StartServer(t)
	rdb := redis.NewClient(&redis.Options{Addr: srv.Addr})
	t.Cleanup(func() { rdb.Close() })
	ctx := context.Background()
	if err := rdb.ConfigSet(ctx, "maxmemory-policy", "allkeys-lru").Err(); err != nil {
		t.Fatal(err)
	}
	ps, err := Check(ctx, rdb, "{casebot}:inbox")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]Problem{}
	for _, p := range ps {
		got[p.Setting] = p
	}
	if p := got["appendonly"]; len(ps) != 2 || p.Got != "no" || p.Want != "yes" || !strings.Contains(p.Message, "appendonly yes") {
		t.Errorf("appendonly: %+v (all: %+v)", p, ps)
	}
	if p := got["maxmemory-policy"]; p.Got != "allkeys-lru" || !strings.Contains(p.Message, "noeviction") {
		t.Errorf("maxmemory-policy: %+v", p)
	}
	for _, kv := range [][2]string{{"appendonly", "yes"}, {"maxmemory-policy", "noeviction"}} {
		if err := rdb.ConfigSet(ctx, kv[0], kv[1]).Err(); err != nil {
			t.Fatal(err)
		}
	}
	if ps, err := Check(ctx, rdb, "{casebot}:inbox"); err != nil || len(ps) != 0 {
		t.Errorf("with both right: %+v %v", ps, err)
	}
	// Redis away is an error, not a wrong setting.
	srv.Stop()
	down := redis.NewClient(&redis.Options{Addr: srv.Addr, MaxRetries: -1, DialTimeout: 200 * time.Millisecond})
	defer down.Close()
	if ps, err := Check(ctx, down, "{casebot}:inbox"); err == nil {
		t.Errorf("Redis down: no error, problems %+v", ps)
	}
}

// TestWriterWaitsForAReplica: with wait_replicas 1 a write counts only
// once a replica has it; on a server whose replica is gone the write is
// refused as unconfirmed (the callback then answers 503), and with 0 it is
// a plain transaction.
func TestWriterWaitsForAReplica(t *testing.T) {
	master, replica := redistest.StartServer(t), redistest.StartServer(t)
	ctx := context.Background()
	mc := redis.NewClient(&redis.Options{Addr: master.Addr})
	rc := redis.NewClient(&redis.Options{Addr: replica.Addr})
	t.Cleanup(func() { mc.Close(); rc.Close() })
	// No wait before the first full sync (Redis waits 5s by default for
	// more replicas to share it).
	if err := mc.ConfigSet(ctx, "repl-diskless-sync-delay", "0").Err(); err != nil {
		t.Fatal(err)
	}
	host, port, _ := net.SplitHostPort(master.Addr)
	if err := rc.SlaveOf(ctx, host, port).Err(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		info, _ := rc.Info(ctx, "replication").Result()
		if strings.Contains(info, "master_link_status:up") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the replica did not sync within 30s")
		}
		time.Sleep(20 * time.Millisecond)
	}

	w := NewWriter(mc, 1, 2*time.Second)
	if _, err := w.Tx(ctx, "{t}:a", func(p redis.Pipeliner) error {
		p.Set(ctx, "{t}:a", "1", 0)
		return nil
	}); err != nil {
		t.Fatalf("write with a replica: %v", err)
	}
	// Confirmed means the replica has it now, not eventually.
	if v, err := rc.Get(ctx, "{t}:a").Result(); err != nil || v != "1" {
		t.Errorf("the replica has %q %v after a confirmed write", v, err)
	}
	// A script the server has never seen: EVALSHA fails with NOSCRIPT, the
	// script is sent whole, and the WAIT after it, on the same connection,
	// counts its write.
	script := redis.NewScript(`redis.call("SET", KEYS[1], ARGV[1]) return redis.call("GET", KEYS[1])`)
	if cmd, err := w.Run(ctx, script, []string{"{t}:s"}, "4"); err != nil {
		t.Fatalf("script with a replica: %v", err)
	} else if v, _ := cmd.Text(); v != "4" {
		t.Errorf("script returned %q, want 4", v)
	}
	if v, err := rc.Get(ctx, "{t}:s").Result(); err != nil || v != "4" {
		t.Errorf("the replica has %q %v after a confirmed script", v, err)
	}

	replica.Stop()
	w = NewWriter(mc, 1, 100*time.Millisecond)
	_, err := w.Pipe(ctx, "{t}:b", func(p redis.Pipeliner) error {
		p.Set(ctx, "{t}:b", "2", 0)
		return nil
	})
	if !errors.Is(err, ErrNotReplicated) {
		t.Errorf("write with the replica gone: %v, want ErrNotReplicated", err)
	}
	if _, err := w.Run(ctx, script, []string{"{t}:s"}, "5"); !errors.Is(err, ErrNotReplicated) {
		t.Errorf("script with the replica gone: %v, want ErrNotReplicated", err)
	}
	if w := NewWriter(mc, 0, 0); w.Replicas() != 0 {
		t.Error("replicas 0")
	} else if _, err := w.Tx(ctx, "{t}:c", func(p redis.Pipeliner) error {
		p.Set(ctx, "{t}:c", "3", 0)
		return nil
	}); err != nil {
		t.Errorf("single server: %v", err)
	}
}
