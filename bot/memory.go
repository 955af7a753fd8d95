package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"
)

// Memory is one user's short conversation memory: what a follow-up refers
// to. The query handlers keep there what they last understood, listed and
// showed (后天呢, 第二个, 更多); the explain handlers can keep the candidates
// they offered (第二个) or the draft they sent (上面那篇改短一点).
//
// Entries are JSON values under names, per user, in one Redis hash
// ({prefix}:conv:<userid>), so every replica sees them. An entry is
// forgotten MemoryTTL after it was last written, by the bot's clock (so a
// test moves time on instead of sleeping); Redis drops the whole hash some
// time after the last write. Names are namespaced by feature: "query.",
// "explain.".
//
// Usage, in a handler:
//
//	var last draftRef
//	ok, err := c.Memory().Recall("explain.draft", &last)
//	...
//	err = c.Memory().Remember("explain.draft", draftRef{Number: n, Version: v})
type Memory struct {
	b    *Bot
	ctx  context.Context
	user string
}

// DefaultMemoryTTL is how long a follow-up refers to what came before when
// Bot.MemoryTTL is not set.
const DefaultMemoryTTL = 10 * time.Minute

// memoryGrace keeps the Redis hash a while past the last TTL, so that the
// clock decides expiry (see Recall) and Redis only collects garbage.
const memoryGrace = time.Hour

type memoryEntry struct {
	At    int64           `json:"at"` // Unix milliseconds, the bot's clock
	Value json.RawMessage `json:"v"`
}

func (m *Memory) ttl() time.Duration {
	if m.b.MemoryTTL > 0 {
		return m.b.MemoryTTL
	}
	return DefaultMemoryTTL
}

func (m *Memory) key() string { return m.b.Keys.Conversation(m.user) }

// Remember keeps v under name for the user, replacing what was there.
func (m *Memory) Remember(name string, v any) error {
	if m.b.Redis == nil {
		return errors.New("bot has no Redis for conversation memory")
	}
	raw, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("remember %s: %w", name, err)
	}
	e, err := json.Marshal(memoryEntry{At: m.b.now().UnixMilli(), Value: raw})
	if err != nil {
		return err
	}
	_, err = m.b.Redis.TxPipelined(m.ctx, func(p redis.Pipeliner) error {
		p.HSet(m.ctx, m.key(), name, e)
		p.Expire(m.ctx, m.key(), m.ttl()+memoryGrace)
		return nil
	})
	return err
}

// Recall loads what is kept under name into v. It reports false when
// nothing is, or it was written longer than MemoryTTL ago.
func (m *Memory) Recall(name string, v any) (bool, error) {
	if m.b.Redis == nil {
		return false, nil
	}
	raw, err := m.b.Redis.HGet(m.ctx, m.key(), name).Bytes()
	if errors.Is(err, redis.Nil) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return m.decode(name, raw, v)
}

// RecallAll loads several entries in one round trip: into[name] receives
// the value of name; the names found (and not expired) are returned.
func (m *Memory) RecallAll(into map[string]any) (map[string]bool, error) {
	found := map[string]bool{}
	if m.b.Redis == nil || len(into) == 0 {
		return found, nil
	}
	names := make([]string, 0, len(into))
	for n := range into {
		names = append(names, n)
	}
	vals, err := m.b.Redis.HMGet(m.ctx, m.key(), names...).Result()
	if err != nil {
		return found, err
	}
	for i, n := range names {
		s, ok := vals[i].(string)
		if !ok {
			continue
		}
		ok, err := m.decode(n, []byte(s), into[n])
		if err != nil {
			return found, err
		}
		if ok {
			found[n] = true
		}
	}
	return found, nil
}

func (m *Memory) decode(name string, raw []byte, v any) (bool, error) {
	var e memoryEntry
	if err := json.Unmarshal(raw, &e); err != nil {
		return false, fmt.Errorf("recall %s: %w", name, err)
	}
	if m.b.now().Sub(time.UnixMilli(e.At)) > m.ttl() {
		return false, nil
	}
	if err := json.Unmarshal(e.Value, v); err != nil {
		return false, fmt.Errorf("recall %s: %w", name, err)
	}
	return true, nil
}

// Forget drops the entries under names (all of the user's when none).
func (m *Memory) Forget(names ...string) error {
	if m.b.Redis == nil {
		return nil
	}
	if len(names) == 0 {
		return m.b.Redis.Del(m.ctx, m.key()).Err()
	}
	return m.b.Redis.HDel(m.ctx, m.key(), names...).Err()
}

// WrittenAt returns when each of names was last written, for the names
// kept and not expired: which of two things the conversation did last
// (the draft sent after the list, or the list after the draft).
func (m *Memory) WrittenAt(names ...string) (map[string]time.Time, error) {
	out := map[string]time.Time{}
	if m.b.Redis == nil || len(names) == 0 {
		return out, nil
	}
	vals, err := m.b.Redis.HMGet(m.ctx, m.key(), names...).Result()
	if err != nil {
		return out, err
	}
	for i, n := range names {
		s, ok := vals[i].(string)
		if !ok {
			continue
		}
		var e memoryEntry
		if err := json.Unmarshal([]byte(s), &e); err != nil {
			return out, fmt.Errorf("recall %s: %w", n, err)
		}
		if at := time.UnixMilli(e.At); m.b.now().Sub(at) <= m.ttl() {
			out[n] = at
		}
	}
	return out, nil
}
