// Package durable makes the writes behind casebot's promises survive a
// Redis failover, and checks that Redis keeps what it was given.
//
// A 200 to WeCom promises that the message will be answered; a send
// record promises that a push will not be repeated. On replicated Redis
// (a Sentinel group, a Cluster) a write is acknowledged by the master
// before it reaches a replica, so a failover in between loses it. Writer
// confirms such writes on replicas with WAIT before they count: the
// callback answers 200 only after WAIT, and a send record is written with
// WAIT. With redis.wait_replicas at 0 (or all, on a single server with no
// replica) Writer is a plain pipeline; all waits for every replica the
// master has had, never fewer while it lasts (see All).
//
// WAIT counts the writes of the connection that issues it, so Writer runs
// the writes and the WAIT on one dedicated connection, on the master
// holding the key's slot (every casebot key shares one slot, see
// bot/keys).
//
// Check reads the two server settings without which nothing is durable
// even on one server: appendonly yes (else a restart loses everything
// since the last snapshot) and maxmemory-policy noeviction (else a full
// Redis silently evicts queued messages and send records).
package durable

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"
)

// ErrNotReplicated means a write reached the master but fewer replicas
// than required confirmed it in time: it may be lost on failover, so it
// must not count (the callback answers 503 and WeCom retries).
var ErrNotReplicated = errors.New("write not confirmed by a replica in time")

// All, as the replica count of NewWriter (redis.wait_replicas=all), asks
// for every replica the current master has had online since casebot first
// saw it: the count never goes down while that master lasts.
//
// With two replicas, WAIT 1 relies on Sentinel promoting the replica
// that confirmed (it prefers the highest replication offset, but its
// view of the offsets can be a second old, and that replica may be the
// one that is unreachable). All closes that: whichever replica is
// promoted has every confirmed write, because every one confirmed it. A
// replica that drops out is therefore NOT let off: while fewer replicas
// than the count are up, writes are not confirmed (ErrNotReplicated: the
// callback answers 503, WeCom retries) until it is back — All is never
// weaker than 1, and buys its safety with availability. The count is
// read from INFO replication (replicas online), at the first write and
// every RefreshEvery in the background, and only raised (a replica that
// finished its first sync, or was added). A new master (a failover:
// another master_replid) starts a new count from its own replicas. It is
// never 0 where replicas are expected — a Sentinel group (see Expect), or
// once a replica was seen — so a master that lost every replica refuses
// to confirm rather than confirm nothing.
const All = -1

// RefreshEvery is how old the replica count of All may grow before it is
// read again.
const RefreshEvery = 3 * time.Second

// Writer runs durable writes on rdb.
type Writer struct {
	rdb      redis.UniversalClient
	replicas int // a count, or All
	timeout  time.Duration
	// Now is the clock of the count's refreshes (nil: time.Now).
	Now func() time.Time
	// Key is a key of casebot's slot, to find the master whose replicas
	// All counts before the first write names one.
	Key string

	mu         sync.Mutex
	minimum    int       // All never asks for fewer (Expect)
	online     int       // most replicas seen online under replid; -1: never read
	replid     string    // the master's master_replid the count is of
	seen       bool      // a replica was online at some read
	readAt     time.Time // the last read (or failed read)
	refreshing bool
	key        string // a key of the writes, to find their master by
}

// NewWriter returns a writer confirming each write on replicas replicas
// (a count, or All) within timeout (redis.wait_replicas,
// redis.wait_timeout); replicas 0 confirms nothing.
func NewWriter(rdb redis.UniversalClient, replicas int, timeout time.Duration) *Writer {
	return &Writer{rdb: rdb, replicas: replicas, timeout: timeout, online: -1}
}

// Expect says the deployment has replicas (a Sentinel group): with All,
// at least one must confirm each write, even when none is connected.
func (w *Writer) Expect(replicated bool) *Writer {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.minimum = 0
	if replicated {
		w.minimum = 1
	}
	return w
}

// Replicas is how many replicas must confirm a write now.
func (w *Writer) Replicas() int {
	if w == nil {
		return 0
	}
	if w.replicas != All {
		return w.replicas
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	return w.need(ctx, "")
}

// Setting is the configured count as redis.wait_replicas writes it.
func (w *Writer) Setting() string {
	if w == nil {
		return "0"
	}
	if w.replicas == All {
		return "all"
	}
	return strconv.Itoa(w.replicas)
}

func (w *Writer) now() time.Time {
	if w.Now != nil {
		return w.Now()
	}
	return time.Now()
}

// need is how many replicas must confirm the next write: the fixed count,
// or (All) the replicas online, at least the floor. The first call reads
// the count; later ones use the last read, refreshed in the background
// once it is RefreshEvery old.
func (w *Writer) need(ctx context.Context, key string) int {
	if w.replicas != All {
		return w.replicas
	}
	w.mu.Lock()
	if key != "" {
		w.key = key
	}
	first := w.online < 0 && w.readAt.IsZero()
	stale := !first && !w.refreshing && w.now().Sub(w.readAt) >= RefreshEvery
	if stale {
		w.refreshing = true
	}
	w.mu.Unlock()
	switch {
	case first:
		w.refresh(ctx)
	case stale:
		go func() {
			rctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			w.refresh(rctx)
		}()
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.count()
}

// count is the All count from the last read. Called with mu held.
func (w *Writer) count() int {
	floor := w.minimum
	if w.seen {
		floor = max(floor, 1)
	}
	return max(floor, w.online, 0)
}

// refresh reads the replicas online from the master's INFO replication:
// the count rises to it, and starts again from it on a new master (see
// All). A failed read keeps the last count (the floor if there is none).
func (w *Writer) refresh(ctx context.Context) {
	n, replid, err := w.readOnline(ctx)
	w.mu.Lock()
	defer w.mu.Unlock()
	w.readAt, w.refreshing = w.now(), false
	if err != nil {
		return
	}
	if replid != w.replid {
		w.replid, w.online = replid, n
	} else {
		w.online = max(w.online, n)
	}
	if n > 0 {
		w.seen = true
	}
}

func (w *Writer) readOnline(ctx context.Context) (int, string, error) {
	// Every casebot key shares one slot: any of them picks the master.
	w.mu.Lock()
	key := w.key
	w.mu.Unlock()
	if key == "" {
		key = w.Key
	}
	node, err := masterFor(ctx, w.rdb, key)
	if err != nil {
		return 0, "", err
	}
	info, err := node.Info(ctx, "replication").Result()
	if err != nil {
		return 0, "", err
	}
	return OnlineReplicas(info), infoField(info, "master_replid"), nil
}

// infoField is the value of one "name:value" line of an INFO reply.
func infoField(info, name string) string {
	for _, line := range strings.Split(info, "\n") {
		if v, ok := strings.CutPrefix(line, name+":"); ok {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// OnlineReplicas counts the replicas INFO replication lists as online
// (slaveN:ip=…,state=online,…); those still in their first sync cannot
// confirm yet.
func OnlineReplicas(info string) int {
	n := 0
	for _, line := range strings.Split(info, "\n") {
		if strings.HasPrefix(line, "slave") && strings.Contains(line, "state=online") {
			n++
		}
	}
	return n
}

// Tx runs fn's commands in one MULTI/EXEC and confirms them. key is any
// key the commands touch (it picks the Cluster node).
func (w *Writer) Tx(ctx context.Context, key string, fn func(redis.Pipeliner) error) ([]redis.Cmder, error) {
	return w.do(ctx, key, true, fn)
}

// Pipe runs fn's commands in one pipeline (a script is atomic by itself)
// and confirms them.
func (w *Writer) Pipe(ctx context.Context, key string, fn func(redis.Pipeliner) error) ([]redis.Cmder, error) {
	return w.do(ctx, key, false, fn)
}

// Run runs script (by its SHA, loading it when the server lacks it) and
// confirms its writes. keys[0] picks the Cluster node. The script's own
// error, if any, is the returned command's.
func (w *Writer) Run(ctx context.Context, script *redis.Script, keys []string, args ...any) (*redis.Cmd, error) {
	need := w.needOf(ctx, keys[0])
	if need <= 0 {
		cmd := script.Run(ctx, rdbOf(w), keys, args...)
		return cmd, cmd.Err()
	}
	node, err := masterFor(ctx, w.rdb, keys[0])
	if err != nil {
		return nil, err
	}
	conn := node.Conn()
	defer conn.Close()
	cmd := script.Run(ctx, conn, keys, args...)
	if err := cmd.Err(); err != nil && !errors.Is(err, redis.Nil) {
		return cmd, err
	}
	return cmd, w.wait(ctx, conn, need)
}

func (w *Writer) needOf(ctx context.Context, key string) int {
	if w == nil {
		return 0
	}
	return w.need(ctx, key)
}

// wait confirms the connection's writes on need replicas. Under All, a
// shortfall re-reads the count, which only a new master (a failover since
// the last read) can lower: a replica that dropped out still counts.
func (w *Writer) wait(ctx context.Context, conn *redis.Conn, need int) error {
	n, err := conn.Wait(ctx, need, w.timeout).Result()
	if err != nil {
		return fmt.Errorf("WAIT: %w", err)
	}
	if int(n) < need && w.replicas == All {
		w.refresh(ctx)
		w.mu.Lock()
		need = w.count()
		w.mu.Unlock()
	}
	if int(n) < need {
		return fmt.Errorf("%w (%d of %d replicas within %s)", ErrNotReplicated, n, need, w.timeout)
	}
	return nil
}

func (w *Writer) do(ctx context.Context, key string, tx bool, fn func(redis.Pipeliner) error) ([]redis.Cmder, error) {
	need := w.needOf(ctx, key)
	if need <= 0 {
		if tx {
			return rdbOf(w).TxPipelined(ctx, fn)
		}
		return rdbOf(w).Pipelined(ctx, fn)
	}
	node, err := masterFor(ctx, w.rdb, key)
	if err != nil {
		return nil, err
	}
	conn := node.Conn()
	defer conn.Close()
	var cmds []redis.Cmder
	if tx {
		cmds, err = conn.TxPipelined(ctx, fn)
	} else {
		cmds, err = conn.Pipelined(ctx, fn)
	}
	if err != nil {
		return cmds, err
	}
	return cmds, w.wait(ctx, conn, need)
}

func rdbOf(w *Writer) redis.UniversalClient { return w.rdb }

// masterFor returns the client of the master holding key.
func masterFor(ctx context.Context, rdb redis.UniversalClient, key string) (*redis.Client, error) {
	switch c := rdb.(type) {
	case *redis.ClusterClient:
		return c.MasterForKey(ctx, key)
	case *redis.Client:
		return c, nil
	}
	return nil, fmt.Errorf("durable: unsupported Redis client %T", rdb)
}

// Problem is a Redis setting that breaks durability.
type Problem struct {
	Setting string `json:"setting"`
	Want    string `json:"want"`
	Got     string `json:"got"`
	Message string `json:"message"`
}

// Check reads appendonly and maxmemory-policy on the master holding key
// and returns what is wrong with them (nothing when both are right). A
// server that does not let us read its configuration (a managed Redis
// without CONFIG) is reported as unknown, not as wrong.
func Check(ctx context.Context, rdb redis.UniversalClient, key string) ([]Problem, error) {
	node, err := masterFor(ctx, rdb, key)
	if err != nil {
		return nil, err
	}
	want := []struct{ name, value, why string }{
		{"appendonly", "yes", "Redis 未开启 AOF 持久化（appendonly no）：Redis 重启会丢失已应答企业微信的消息和发送记录，请在 redis.conf 中设置 appendonly yes"},
		{"maxmemory-policy", "noeviction", "Redis 内存满时会淘汰键（maxmemory-policy 不是 noeviction）：排队中的消息和发送记录可能被悄悄删除，请设置 maxmemory-policy noeviction"},
	}
	var out []Problem
	for _, w := range want {
		vals, err := node.ConfigGet(ctx, w.name).Result()
		if err != nil {
			if ctx.Err() != nil || isNetwork(err) {
				return nil, err
			}
			out = append(out, Problem{Setting: w.name, Want: w.value, Got: "unknown",
				Message: fmt.Sprintf("无法读取 Redis 配置 %s（%v）：请确认它为 %s", w.name, err, w.value)})
			continue
		}
		got, ok := vals[w.name]
		if !ok {
			out = append(out, Problem{Setting: w.name, Want: w.value, Got: "unknown",
				Message: fmt.Sprintf("Redis 没有返回配置 %s：请确认它为 %s", w.name, w.value)})
			continue
		}
		if !strings.EqualFold(got, w.value) {
			out = append(out, Problem{Setting: w.name, Want: w.value, Got: got, Message: w.why})
		}
	}
	return out, nil
}

func isNetwork(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "connection refused") || strings.Contains(msg, "i/o timeout") ||
		strings.Contains(msg, "EOF") || strings.Contains(msg, "broken pipe")
}
