// Package redistest gives tests a real Redis: REDIS_ADDR when set, else a
// throwaway redis-server started on a free port when one is installed, else
// miniredis, with a note in the test log saying so. For fault tests it
// also starts servers a test may kill (StartServer), a Sentinel group
// (StartSentinel: master, replicas, three sentinels) and a three-node
// Cluster (StartCluster), each skipping the test when the binaries are
// missing.
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
	"path/filepath"
	"runtime"
	"strings"
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

// startProcess starts a Redis binary (redis-server or redis-sentinel)
// that dies with the test process, and waits for addr to answer.
func startProcess(bin, addr string, args ...string) (*exec.Cmd, error) {
	started := make(chan error, 1)
	var cmd *exec.Cmd
	go func() {
		runtime.LockOSThread()
		cmd = exec.Command(bin, args...)
		cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
		if err := cmd.Start(); err != nil {
			started <- err
			return
		}
		started <- nil
		cmd.Wait()
		select {} // keep the thread (see Server.Start)
	}()
	if err := <-started; err != nil {
		return nil, err
	}
	return cmd, ping(addr, 10*time.Second)
}

// Sentinel is a Sentinel group owned by a test: a master, its replicas
// and three sentinels watching it under MasterName, each a real process.
type Sentinel struct {
	// MasterName is the group's name; Addrs are the sentinels' addresses
	// (what casebot's redis.addrs and redis.master_name take).
	MasterName string
	Addrs      []string
	// Nodes are the data nodes, master first.
	Nodes []*node
	cmds  []*exec.Cmd
}

type node struct {
	Addr string
	cmd  *exec.Cmd
}

// StartSentinel starts a master with replicas replicas and three
// sentinels (quorum two) that fail over one second after the master stops
// answering. It skips the test when redis-sentinel is not installed; `.ci/run`
// installs it. Everything is killed when the test ends.
func StartSentinel(tb testing.TB, replicas int) *Sentinel {
	tb.Helper()
	for _, bin := range []string{"redis-server", "redis-sentinel"} {
		if _, err := exec.LookPath(bin); err != nil {
			tb.Skipf("%s is not installed; the Sentinel tests need it (.ci/run installs it)", bin)
		}
	}
	// The directory first: cleanups run last-registered first, so the
	// processes are stopped before it is removed (a replica still saving
	// into it made RemoveAll fail the test).
	dir := tb.TempDir()
	s := &Sentinel{MasterName: "casebot-test"}
	tb.Cleanup(s.stop)
	var master string
	for i := 0; i <= replicas; i++ {
		addr, args := nodeArgs(tb, dir, i)
		// repl-diskless-sync-delay 0: a replica's first sync starts at
		// once (Redis waits 5s by default for more replicas to share it).
		args = append(args, "--repl-diskless-sync-delay", "0")
		if i > 0 {
			h, p, _ := net.SplitHostPort(master)
			args = append(args, "--replicaof", h, p)
		} else {
			master = addr
		}
		cmd, err := startProcess("redis-server", addr, args...)
		if err != nil {
			tb.Fatalf("start a Sentinel group node: %v", err)
		}
		s.Nodes = append(s.Nodes, &node{Addr: addr, cmd: cmd})
	}
	// Replicas in sync before the sentinels look.
	waitFor(tb, "replicas to sync", func() bool {
		for _, n := range s.Nodes[1:] {
			info, err := info(n.Addr, "replication")
			if err != nil || !strings.Contains(info, "master_link_status:up") {
				return false
			}
		}
		return true
	})
	h, p, _ := net.SplitHostPort(master)
	for i := 0; i < 3; i++ {
		port, err := freePort()
		if err != nil {
			tb.Fatal(err)
		}
		addr := fmt.Sprintf("127.0.0.1:%d", port)
		conf := filepath.Join(dir, fmt.Sprintf("sentinel%d.conf", i))
		content := fmt.Sprintf("port %d\nbind 127.0.0.1\nprotected-mode no\ndir %s\n"+
			"sentinel monitor %s %s %s 2\nsentinel down-after-milliseconds %s 1000\n"+
			"sentinel failover-timeout %s 5000\nsentinel parallel-syncs %s 1\n",
			port, dir, s.MasterName, h, p, s.MasterName, s.MasterName, s.MasterName)
		if err := os.WriteFile(conf, []byte(content), 0o644); err != nil {
			tb.Fatal(err)
		}
		cmd, err := startProcess("redis-sentinel", addr, conf)
		if err != nil {
			tb.Fatalf("start a sentinel: %v", err)
		}
		s.Addrs = append(s.Addrs, addr)
		s.cmds = append(s.cmds, cmd)
	}
	// Every sentinel knows the master and its replicas.
	waitFor(tb, "the sentinels to see the group", func() bool {
		for _, a := range s.Addrs {
			c := redis.NewSentinelClient(&redis.Options{Addr: a})
			rs, err := c.Replicas(context.Background(), s.MasterName).Result()
			c.Close()
			if err != nil || len(rs) < replicas {
				return false
			}
		}
		return true
	})
	return s
}

// Master returns the address the sentinels give for the master now.
func (s *Sentinel) Master() (string, error) {
	c := redis.NewSentinelClient(&redis.Options{Addr: s.Addrs[0]})
	defer c.Close()
	hp, err := c.GetMasterAddrByName(context.Background(), s.MasterName).Result()
	if err != nil {
		return "", err
	}
	return net.JoinHostPort(hp[0], hp[1]), nil
}

// KillMaster kills the current master (SIGKILL: what it had not yet
// replicated is lost) and returns its address.
func (s *Sentinel) KillMaster() (string, error) {
	m, err := s.Master()
	if err != nil {
		return "", err
	}
	for _, n := range s.Nodes {
		if n.Addr == m && n.cmd != nil && n.cmd.Process != nil {
			n.cmd.Process.Kill()
			n.cmd = nil
			return m, nil
		}
	}
	return "", fmt.Errorf("master %s is not one of the group's nodes", m)
}

// CutReplication makes the master drop its replicas and refuse them back
// (the commands replicas sync with are denied to them by ACL), so that
// its writes from now on reach no replica: a broken replication link.
func (s *Sentinel) CutReplication() error {
	m, err := s.Master()
	if err != nil {
		return err
	}
	rdb := redis.NewClient(&redis.Options{Addr: m})
	defer rdb.Close()
	ctx := context.Background()
	if err := rdb.Do(ctx, "ACL", "SETUSER", "default", "-psync", "-sync", "-replconf").Err(); err != nil {
		return err
	}
	return rdb.Do(ctx, "CLIENT", "KILL", "TYPE", "replica").Err()
}

// Client returns a failover client of the group.
func (s *Sentinel) Client() *redis.Client {
	return redis.NewFailoverClient(&redis.FailoverOptions{MasterName: s.MasterName, SentinelAddrs: s.Addrs})
}

func (s *Sentinel) stop() {
	for _, c := range s.cmds {
		if c != nil && c.Process != nil {
			c.Process.Kill()
		}
	}
	for _, n := range s.Nodes {
		if n.cmd != nil && n.cmd.Process != nil {
			n.cmd.Process.Kill()
		}
	}
}

// Cluster is a three-master Redis Cluster owned by a test.
type Cluster struct {
	Addrs []string
	cmds  []*exec.Cmd
}

// StartCluster starts three redis-server nodes in cluster mode and joins
// them (redis-cli --cluster create, no replicas). It skips the test when
// redis-server or redis-cli is not installed.
func StartCluster(tb testing.TB) *Cluster {
	tb.Helper()
	for _, bin := range []string{"redis-server", "redis-cli"} {
		if _, err := exec.LookPath(bin); err != nil {
			tb.Skipf("%s is not installed; the Cluster tests need it", bin)
		}
	}
	dir := tb.TempDir() // before the cleanup below: removed after the kill
	c := &Cluster{}
	tb.Cleanup(func() {
		for _, cmd := range c.cmds {
			if cmd != nil && cmd.Process != nil {
				cmd.Process.Kill()
			}
		}
	})
	for i := 0; i < 3; i++ {
		addr, args := nodeArgs(tb, dir, i)
		cmd, err := startProcess("redis-server", addr, append(args, "--cluster-enabled", "yes",
			"--cluster-config-file", filepath.Join(dir, fmt.Sprint("node", i), "nodes.conf"),
			"--cluster-node-timeout", "2000")...)
		if err != nil {
			tb.Fatalf("start a cluster node: %v", err)
		}
		c.Addrs = append(c.Addrs, addr)
		c.cmds = append(c.cmds, cmd)
	}
	args := append([]string{"--cluster", "create"}, c.Addrs...)
	args = append(args, "--cluster-replicas", "0", "--cluster-yes")
	if out, err := exec.Command("redis-cli", args...).CombinedOutput(); err != nil {
		tb.Fatalf("redis-cli --cluster create: %v\n%s", err, out)
	}
	waitFor(tb, "the cluster to be ok", func() bool {
		for _, a := range c.Addrs {
			s, err := info(a, "cluster")
			if err != nil || !strings.Contains(s, "cluster_state:ok") {
				return false
			}
		}
		return true
	})
	return c
}

// nodeArgs picks a free port for data node i of a group under dir and
// returns its address and the redis-server arguments every node shares:
// no persistence, its own directory.
func nodeArgs(tb testing.TB, dir string, i int) (addr string, args []string) {
	tb.Helper()
	port, err := freePort()
	if err != nil {
		tb.Fatal(err)
	}
	d := filepath.Join(dir, fmt.Sprint("node", i))
	if err := os.MkdirAll(d, 0o755); err != nil {
		tb.Fatal(err)
	}
	return fmt.Sprintf("127.0.0.1:%d", port), []string{"--port", fmt.Sprint(port), "--bind", "127.0.0.1",
		"--save", "", "--appendonly", "no", "--protected-mode", "no", "--dir", d}
}

// Client returns a cluster client.
func (c *Cluster) Client() *redis.ClusterClient {
	return redis.NewClusterClient(&redis.ClusterOptions{Addrs: c.Addrs})
}

func info(addr, section string) (string, error) {
	rdb := redis.NewClient(&redis.Options{Addr: addr})
	defer rdb.Close()
	if section == "cluster" {
		return rdb.ClusterInfo(context.Background()).Result()
	}
	return rdb.Info(context.Background(), section).Result()
}

func waitFor(tb testing.TB, what string, cond func() bool) {
	tb.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			tb.Fatalf("redistest: timed out waiting for %s", what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
