// Package durable makes the writes behind casebot's promises survive a
// Redis failover, and checks that Redis keeps what it was given.
//
// A 200 to WeCom promises that the message will be answered; a send
// record promises that a push will not be repeated. On replicated Redis
// (a Sentinel group, a Cluster) a write is acknowledged by the master
// before it reaches a replica, so a failover in between loses it. Writer
// confirms such writes on replicas with WAIT before they count: the
// callback answers 200 only after WAIT, and a send record is written with
// WAIT. With redis.wait_replicas at 0 (a single server) Writer is a plain
// pipeline.
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
	"strings"
	"time"

	"github.com/redis/go-redis/v9"
)

// ErrNotReplicated means a write reached the master but fewer replicas
// than required confirmed it in time: it may be lost on failover, so it
// must not count (the callback answers 503 and WeCom retries).
var ErrNotReplicated = errors.New("write not confirmed by a replica in time")

// Writer runs durable writes on rdb.
type Writer struct {
	rdb      redis.UniversalClient
	replicas int
	timeout  time.Duration
}

// NewWriter returns a writer confirming each write on replicas replicas
// within timeout (redis.wait_replicas, redis.wait_timeout); replicas 0
// confirms nothing.
func NewWriter(rdb redis.UniversalClient, replicas int, timeout time.Duration) *Writer {
	return &Writer{rdb: rdb, replicas: replicas, timeout: timeout}
}

// Replicas is how many replicas must confirm a write.
func (w *Writer) Replicas() int {
	if w == nil {
		return 0
	}
	return w.replicas
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
	if w == nil || w.replicas <= 0 {
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
	return cmd, w.wait(ctx, conn)
}

// wait confirms the connection's writes on the writer's replicas.
func (w *Writer) wait(ctx context.Context, conn *redis.Conn) error {
	n, err := conn.Wait(ctx, w.replicas, w.timeout).Result()
	if err != nil {
		return fmt.Errorf("WAIT: %w", err)
	}
	if int(n) < w.replicas {
		return fmt.Errorf("%w (%d of %d replicas within %s)", ErrNotReplicated, n, w.replicas, w.timeout)
	}
	return nil
}

func (w *Writer) do(ctx context.Context, key string, tx bool, fn func(redis.Pipeliner) error) ([]redis.Cmder, error) {
	if w == nil || w.replicas <= 0 {
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
	return cmds, w.wait(ctx, conn)
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
