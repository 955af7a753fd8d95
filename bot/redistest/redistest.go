// Package redistest gives tests a real Redis: REDIS_ADDR when set, else a
// throwaway redis-server started on a free port when one is installed, else
// miniredis, with a note in the test log saying so.
//
// Each test gets its own key prefix instead of a flushed database, so
// packages running in parallel against one server never see each other's
// keys; the prefix's keys are deleted when the test ends.
package redistest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net"
	"os"
	"os/exec"
	"runtime"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/redis/go-redis/v9"

	"casebot/bot/keys"
)

var (
	once     sync.Once
	addr     string
	backend  string
	setupErr error
)

// New returns a client and a key builder with a prefix private to tb.
func New(tb testing.TB) (redis.UniversalClient, keys.Keys) {
	tb.Helper()
	once.Do(setup)
	if setupErr != nil {
		tb.Fatalf("redistest: %v", setupErr)
	}
	if backend == "miniredis" {
		tb.Logf("redistest: no REDIS_ADDR and no redis-server installed; falling back to miniredis")
	}
	rdb := redis.NewClient(&redis.Options{Addr: addr})
	prefix := "test-" + randomHex(6)
	k := keys.New(prefix)
	tb.Cleanup(func() {
		ctx := context.Background()
		iter := rdb.Scan(ctx, 0, k.Pattern(), 1000).Iterator()
		var batch []string
		for iter.Next(ctx) {
			batch = append(batch, iter.Val())
			if len(batch) == 1000 {
				rdb.Del(ctx, batch...)
				batch = batch[:0]
			}
		}
		if len(batch) > 0 {
			rdb.Del(ctx, batch...)
		}
		rdb.Close()
	})
	return rdb, k
}

// Backend says what New connects to: "REDIS_ADDR", "redis-server" or
// "miniredis".
func Backend() string {
	once.Do(setup)
	return backend
}

// Real reports whether tests run against a real Redis server.
func Real() bool { return Backend() != "miniredis" }

func setup() {
	if a := os.Getenv("REDIS_ADDR"); a != "" {
		addr, backend = a, "REDIS_ADDR"
		setupErr = ping(addr, 5*time.Second)
		return
	}
	if _, err := exec.LookPath("redis-server"); err == nil {
		srv, err := startServer("")
		if err == nil {
			addr, backend = srv.Addr, "redis-server"
			return
		}
		fmt.Fprintf(os.Stderr, "redistest: redis-server did not start (%v); falling back to miniredis\n", err)
	}
	m := miniredis.NewMiniRedis()
	if err := m.Start(); err != nil {
		setupErr = err
		return
	}
	addr, backend = m.Addr(), "miniredis"
}

// Server is a redis-server process owned by a test, for tests that must
// stop, kill or restart Redis.
type Server struct {
	Addr string
	dir  string
	cmd  *exec.Cmd
	mu   sync.Mutex
}

// StartServer starts a private redis-server for tb, skipping the test when
// none is installed. It is stopped when the test ends.
func StartServer(tb testing.TB) *Server {
	tb.Helper()
	if _, err := exec.LookPath("redis-server"); err != nil {
		tb.Skip("redis-server is not installed; this test needs a real server it can stop")
	}
	srv, err := startServer(tb.TempDir())
	if err != nil {
		tb.Fatalf("start redis-server: %v", err)
	}
	tb.Cleanup(srv.Stop)
	return srv
}

func startServer(dir string) (*Server, error) {
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	s := &Server{Addr: fmt.Sprintf("127.0.0.1:%d", port), dir: dir}
	return s, s.Start()
}

// Start (re)starts the server on its address. Data does not survive a
// restart unless the test configured persistence itself.
func (s *Server) Start() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cmd != nil {
		return nil
	}
	_, port, _ := net.SplitHostPort(s.Addr)
	args := []string{"--port", port, "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "no"}
	if s.dir != "" {
		args = append(args, "--dir", s.dir)
	}
	started := make(chan error, 1)
	// The child gets SIGKILL when the thread that started it dies
	// (Pdeathsig), so a test binary that exits or crashes never leaves a
	// server behind. The thread is locked and parked for that reason: Go
	// must never retire it while the test process lives.
	go func() {
		runtime.LockOSThread()
		cmd := exec.Command("redis-server", args...)
		cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
		if err := cmd.Start(); err != nil {
			started <- err
			return
		}
		s.cmd = cmd
		started <- nil
		cmd.Wait()
		select {} // keep the thread
	}()
	if err := <-started; err != nil {
		return err
	}
	return ping(s.Addr, 10*time.Second)
}

// Stop kills the server (SIGKILL: like a crash, nothing is flushed).
func (s *Server) Stop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cmd != nil && s.cmd.Process != nil {
		s.cmd.Process.Kill()
		for i := 0; i < 100; i++ {
			if c, err := net.Dial("tcp", s.Addr); err != nil {
				break
			} else {
				c.Close()
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	s.cmd = nil
}

func ping(addr string, within time.Duration) error {
	rdb := redis.NewClient(&redis.Options{Addr: addr})
	defer rdb.Close()
	deadline := time.Now().Add(within)
	for {
		err := rdb.Ping(context.Background()).Err()
		if err == nil {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("redis at %s did not answer: %w", addr, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}
