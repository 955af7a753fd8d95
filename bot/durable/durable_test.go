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

func TestOnlineReplicas(t *testing.T) {
	info := "# Replication\r\nrole:master\r\nconnected_slaves:3\r\n" +
		"slave0:ip=127.0.0.1,port=7001,state=online,offset=420,lag=0\r\n" +
		"slave1:ip=127.0.0.1,port=7002,state=wait_bgsave,offset=0,lag=0\r\n" +
		"slave2:ip=127.0.0.1,port=7003,state=online,offset=420,lag=1\r\n" +
		"master_failover_state:no-failover\r\n"
	if n := OnlineReplicas(info); n != 2 {
		t.Errorf("OnlineReplicas = %d, want 2 (the one still syncing cannot confirm)", n)
	}
	if n := OnlineReplicas("# Replication\r\nrole:master\r\nconnected_slaves:0\r\n"); n != 0 {
		t.Errorf("no replica: %d", n)
	}
}

// TestWaitForAllReplicas runs redis.wait_replicas=all on a real Sentinel
// group with two replicas: a confirmed write is on both (whichever a
// failover promotes has it); with one replica gone the write counts once
// the survivor has it; with both gone nothing is confirmed — never 0
// replicas where a Sentinel group has them. On a single server with no
// replica, all is a plain write. (Skipped with -short, as the other
// Sentinel tests; about two seconds.)
func TestWaitForAllReplicas(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a Sentinel group (-short skips it)")
	}

	s := redistest.StartSentinel(t, 2)
	rdb := s.Client()
	t.Cleanup(func() { rdb.Close() })
	ctx := context.Background()
	// A healthy replica confirms in well under a millisecond; the
	// timeouts are generous for a loaded test machine, and short where the
	// wait must run out (no replica left).
	w := NewWriter(rdb, All, 3*time.Second).Expect(true)
	w.Key = "{t}:x"
	if w.Setting() != "all" {
		t.Errorf("Setting = %q", w.Setting())
	}
	if n := w.Replicas(); n != 2 {
		t.Fatalf("Replicas = %d with two replicas online, want 2", n)
	}
	set := func(key, val string) error {
		_, err := w.Tx(ctx, key, func(p redis.Pipeliner) error {
			p.Set(ctx, key, val, 0)
			return nil
		})
		return err
	}
	// Read each replica directly: confirmed means it has it now.
	down := map[string]bool{}
	has := func(key, val string) int {
		n := 0
		for _, nd := range s.Nodes[1:] {
			if down[nd.Addr] {
				continue
			}
			c := redis.NewClient(&redis.Options{Addr: nd.Addr, MaxRetries: -1, DialTimeout: 200 * time.Millisecond})
			if v, err := c.Get(ctx, key).Result(); err == nil && v == val {
				n++
			}
			c.Close()
		}
		return n
	}
	if err := set("{t}:a", "1"); err != nil {
		t.Fatalf("write with two replicas: %v", err)
	}
	if n := has("{t}:a", "1"); n != 2 {
		t.Fatalf("%d of 2 replicas have a confirmed write, want 2", n)
	}

	shutdown := func(addr string) {
		c := redis.NewClient(&redis.Options{Addr: addr, MaxRetries: -1})
		c.Do(ctx, "SHUTDOWN", "NOSAVE") // the connection dies with the server
		c.Close()
		down[addr] = true
		// The master sees the replica's connection close: only then does
		// its INFO stop listing it (a moment on a loaded machine).
		want := 2 - len(down)
		for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(10 * time.Millisecond) {
			info, err := rdb.Info(ctx, "replication").Result()
			if err == nil && OnlineReplicas(info) == want {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("the master still lists %d replicas online, want %d", OnlineReplicas(info), want)
			}
		}
	}
	shutdown(s.Nodes[2].Addr)
	// A replica gone does not lower the count: the write is on the
	// survivor only, so it is not confirmed (Sentinel might promote the
	// one that is gone, were it back), and the count stays 2.
	w.timeout = 300 * time.Millisecond
	if err := set("{t}:b", "2"); !errors.Is(err, ErrNotReplicated) {
		t.Fatalf("write with one of two replicas left: %v, want ErrNotReplicated", err)
	}
	if n := has("{t}:b", "2"); n != 1 {
		t.Fatalf("%d replicas have the write, want the survivor's 1", n)
	}
	if n := w.Replicas(); n != 2 {
		t.Errorf("Replicas = %d with one of two replicas online, want still 2", n)
	}

	shutdown(s.Nodes[1].Addr)
	if err := set("{t}:c", "3"); !errors.Is(err, ErrNotReplicated) {
		t.Fatalf("write with no replica left: %v, want ErrNotReplicated", err)
	}
	if n := w.Replicas(); n != 2 {
		t.Errorf("Replicas = %d with every replica gone, want still 2", n)
	}

	// A single server without replicas: all waits for nothing.
	single := redistest.StartServer(t)
	sc := redis.NewClient(&redis.Options{Addr: single.Addr})
	t.Cleanup(func() { sc.Close() })
	ws := NewWriter(sc, All, 300*time.Millisecond)
	if err := func() error {
		_, err := ws.Pipe(ctx, "{t}:d", func(p redis.Pipeliner) error { p.Set(ctx, "{t}:d", "4", 0); return nil })
		return err
	}(); err != nil {
		t.Fatalf("all on a single server: %v", err)
	}
	if n := ws.Replicas(); n != 0 {
		t.Errorf("Replicas = %d on a single server, want 0", n)
	}
}
