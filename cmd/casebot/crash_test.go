package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"casebot/bot/redistest"
	"casebot/bot/wecomtest"
	"casebot/config"
)

// TestServeKilledAfter200 kills a real `casebot serve` process (SIGKILL)
// after it answered 200 to a callback but before it handled the message,
// starts a new one, and checks the reply reaches the user exactly once.
//
// To hold the message unhandled in the first process, it runs one worker
// kept busy by an earlier message whose reply WeCom does not answer; the
// message under test waits behind it in the process's own queue, already
// taken from the stream. The second process takes it over with XAUTOCLAIM.
func TestServeKilledAfter200(t *testing.T) {
	t.Parallel()
	rdb, k := redistest.New(t)
	ctx := context.Background()
	prefix := prefixOf(k.Pattern())
	addr := rdb.(*redis.Client).Options().Addr

	cfg := config.MustDefault()
	demoIdentity(cfg)
	fake := wecomtest.New(cfg.WeCom.CorpID, cfg.WeCom.Secret, cfg.WeCom.AgentID)
	api := httptest.NewServer(fake)
	defer api.Close()
	// Heartbeats every 200ms: a process silent for a second is dead.
	env := []string{"CASEBOT_INBOX_WORKERS=1", "CASEBOT_TEST_AS_MAIN=1", "CASEBOT_INBOX_HEARTBEAT=200ms", "CASEBOT_INBOX_DRAIN_TIMEOUT=1s"}

	url, pid, stop, err := startServe(ctx, addr, prefix, api.URL, cfg, env...)
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	client := &wecomtest.Client{URL: url, Token: cfg.WeCom.Token, AESKey: cfg.WeCom.AESKey,
		CorpID: cfg.WeCom.CorpID, AgentID: cfg.WeCom.AgentID}

	// The blocker: its reply hangs in WeCom until the process dies.
	fake.Inject(wecomtest.Fault{API: "message/send", Delay: time.Hour})
	if s, err := client.Deliver(ctx, client.Text("blocker", "第一条")); err != nil || s != http.StatusOK {
		t.Fatalf("blocker callback: %d %v", s, err)
	}
	waitUntil(t, "the blocker's reply to reach WeCom", func() bool { return fake.Requests("message/send") >= 1 })

	const msgID = "7000000000000000042"
	if s, err := client.Deliver(ctx, client.TextWithID("victim", "（2025）黔0115行初1号", msgID)); err != nil || s != http.StatusOK {
		t.Fatalf("callback: %d %v", s, err)
	}
	// Taken from the stream by the first process (pending, not handled).
	waitUntil(t, "the message to be taken by the first process", func() bool {
		p, err := rdb.XPending(ctx, k.Inbox(), "workers").Result()
		return err == nil && p.Count == 2
	})
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	stop()
	if n := len(fake.Delivered("victim", 0)); n != 0 {
		t.Fatalf("%d replies before the crash; the test meant to kill the server first", n)
	}

	// The restarted server has its usual workers. It takes the dead
	// process's messages over once that one's heartbeat is gone: the
	// blocker's reply, whose request was sent and never answered, is
	// resent as it was, and the victim's does not wait behind it.
	_, _, stop2, err := startServe(ctx, addr, prefix, api.URL, cfg, env[1:]...)
	if err != nil {
		t.Fatal(err)
	}
	defer stop2()
	ready := time.Now()
	waitUntil(t, "the reply after the restart", func() bool { return len(fake.Delivered("victim", 0)) >= 1 })
	t.Logf("answered %s after the restarted server was ready (heartbeat 200ms: the dead process is dead after 1s)",
		time.Since(ready).Round(time.Millisecond))
	// Acknowledged and deleted: it will not be handled again.
	waitUntil(t, "the message to leave the stream", func() bool {
		entries, err := rdb.XRange(ctx, k.Inbox(), "-", "+").Result()
		if err != nil {
			return false
		}
		for _, e := range entries {
			if m, _ := e.Values["m"].(string); strings.Contains(m, msgID) {
				return false
			}
		}
		return true
	})
	if got := fake.Delivered("victim", 0); len(got) != 1 {
		t.Errorf("victim got %d replies, want exactly 1: %+v", len(got), got)
	}
}

func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
