package lock

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"

	"casebot/bot/keys"
)

// Presence is a process's heartbeat: a key, named after the process,
// that it refreshes every Interval and that expires after TTL without one.
// Stream entries (bot/stream) and send claims (bot/sendlog) are held in
// the process's name; once its presence is gone they are taken over at
// once, instead of after a long idle timeout. A graceful Stop deletes the
// key, so another replica takes over without waiting even that long.
//
// One process has one Presence, started first and stopped last by the
// lifecycle in cmd/casebot.
type Presence struct {
	rdb      redis.UniversalClient
	k        keys.Keys
	name     string
	interval time.Duration
	ttl      time.Duration
	log      *slog.Logger

	mu     sync.Mutex
	cancel context.CancelFunc
	done   chan struct{}
}

// PresenceBeats is how many heartbeats may be missed before a process is
// taken for dead: its presence lives this many intervals.
const PresenceBeats = 5

// NewPresence returns the presence of a process named name (a fresh
// host-pid-random name if empty), beating every interval.
func NewPresence(rdb redis.UniversalClient, k keys.Keys, name string, interval time.Duration, log *slog.Logger) *Presence {
	if name == "" {
		name = ProcessName()
	}
	if interval <= 0 {
		interval = time.Second
	}
	if log == nil {
		log = slog.Default()
	}
	return &Presence{rdb: rdb, k: k, name: name, interval: interval, ttl: PresenceBeats * interval, log: log}
}

// ProcessName is a name unique to this process: host, pid and a random
// suffix (a restarted process never reuses a dead one's name).
func ProcessName() string {
	host, _ := os.Hostname()
	b := make([]byte, 3)
	rand.Read(b)
	return fmt.Sprintf("%s-%d-%s", host, os.Getpid(), hex.EncodeToString(b))
}

// Name is the process's name, under which it holds entries and claims.
func (p *Presence) Name() string { return p.name }

// Interval is the heartbeat period.
func (p *Presence) Interval() time.Duration { return p.interval }

// TTL is how long the presence outlives the last heartbeat: how soon a
// dead process is known to be dead.
func (p *Presence) TTL() time.Duration { return p.ttl }

// Start writes the presence and keeps it fresh until Stop. It fails only
// when Redis cannot take the first heartbeat.
func (p *Presence) Start(ctx context.Context) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.cancel != nil {
		return errors.New("presence already started")
	}
	if err := p.beat(ctx); err != nil {
		return fmt.Errorf("heartbeat: %w", err)
	}
	bctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	p.cancel, p.done = cancel, make(chan struct{})
	go p.loop(bctx, p.done)
	return nil
}

func (p *Presence) beat(ctx context.Context) error {
	c, cancel := context.WithTimeout(ctx, p.ttl)
	defer cancel()
	return p.rdb.Set(c, p.k.Alive(p.name), time.Now().UnixMilli(), p.ttl).Err()
}

func (p *Presence) loop(ctx context.Context, done chan struct{}) {
	defer close(done)
	t := time.NewTicker(p.interval)
	defer t.Stop()
	failing := false
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		err := p.beat(ctx)
		switch {
		case err != nil && !failing && ctx.Err() == nil:
			p.log.Error("heartbeat failed: other replicas will take over this process's work", "name", p.name, "err", err)
			failing = true
		case err == nil && failing:
			p.log.Info("heartbeat restored", "name", p.name)
			failing = false
		}
	}
}

// Stop ends the heartbeat and deletes the presence, so what this process
// still holds is taken over at once.
func (p *Presence) Stop(ctx context.Context) error {
	p.mu.Lock()
	cancel, done := p.cancel, p.done
	p.cancel, p.done = nil, nil
	p.mu.Unlock()
	if cancel == nil {
		return nil
	}
	cancel()
	<-done
	return p.rdb.Del(ctx, p.k.Alive(p.name)).Err()
}

// Alive reports whether the process named name has a live presence.
func Alive(ctx context.Context, rdb redis.UniversalClient, k keys.Keys, name string) (bool, error) {
	n, err := rdb.Exists(ctx, k.Alive(name)).Result()
	return n == 1, err
}
