package main

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/redis/go-redis/v9"

	"casebot/bot/redistest"
)

// TestMain lets the test binary stand in for casebot when a test starts
// it as a child process (loadtest starts `casebot serve`).
func TestMain(m *testing.M) {
	if os.Getenv("CASEBOT_TEST_AS_MAIN") == "1" {
		os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// TestLoadtestSmall runs `casebot loadtest` at a small rate: it starts a
// real `casebot serve` child, and every callback is acknowledged and
// answered through the fake WeCom.
func TestLoadtestSmall(t *testing.T) {
	rdb, _ := redistest.New(t)
	t.Setenv("CASEBOT_TEST_AS_MAIN", "1")
	var stdout, stderr bytes.Buffer
	code := run([]string{"loadtest", "--redis", rdb.(*redis.Client).Options().Addr,
		"--ack-rate", "40", "--ack-duration", "1s", "--e2e-rate", "20", "--e2e-duration", "1s"},
		strings.NewReader(""), &stdout, &stderr)
	out := stdout.String()
	if code != 0 {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, out, stderr.String())
	}
	for _, phase := range []struct{ name, sent string }{{"ack: 40/s", "40"}, {"end-to-end: 20/s", "20"}} {
		re := regexp.MustCompile(regexp.QuoteMeta(phase.name) + ` for 1s: sent (\d+) \(.*\), not 200: (\d+), replies (\d+)`)
		m := re.FindStringSubmatch(out)
		if m == nil {
			t.Fatalf("no %q line in:\n%s", phase.name, out)
		}
		if m[1] != phase.sent || m[2] != "0" || m[3] != phase.sent {
			t.Errorf("%s: sent %s, not 200 %s, replies %s; want %s sent, all acknowledged and answered", phase.name, m[1], m[2], m[3], phase.sent)
		}
	}
	for _, want := range []string{"end-to-end n=40 p50=", "redis PING n=", "server RSS ", "µs per message",
		"answered exactly once 40 of 40 acknowledged (unanswered 0, doubled 0)",
		"answered exactly once 20 of 20 acknowledged (unanswered 0, doubled 0)",
		"backlog    peak ", "after the last callback"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "server RSS 0.0 MiB") {
		t.Errorf("the server's RSS was not read:\n%s", out)
	}
}
