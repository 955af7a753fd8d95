package wecom

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/silenceper/wechat/v2/cache"
	"github.com/silenceper/wechat/v2/credential"
)

// RedisCache is silenceper's cache.Cache (and ContextCache) on a go-redis
// v9 client. The SDK's own Redis cache is built on go-redis v8; this one
// shares casebot's client. Get returns a string, as the SDK's token
// handlers expect, and nil for a missing key (redis.Nil) or a failed read.
type RedisCache struct {
	rdb redis.UniversalClient
	// Timeout bounds the calls made without a context. If zero, 2s.
	Timeout time.Duration
}

var _ cache.ContextCache = (*RedisCache)(nil)

// NewRedisCache returns the cache on rdb.
func NewRedisCache(rdb redis.UniversalClient) *RedisCache { return &RedisCache{rdb: rdb} }

func (c *RedisCache) bg() (context.Context, context.CancelFunc) {
	t := c.Timeout
	if t <= 0 {
		t = 2 * time.Second
	}
	return context.WithTimeout(context.Background(), t)
}

func (c *RedisCache) Get(key string) interface{} {
	ctx, cancel := c.bg()
	defer cancel()
	return c.GetContext(ctx, key)
}

func (c *RedisCache) GetContext(ctx context.Context, key string) interface{} {
	v, err := c.rdb.Get(ctx, key).Result()
	if err != nil { // redis.Nil, or Redis unreachable: both read as "not cached"
		return nil
	}
	return v
}

func (c *RedisCache) Set(key string, val interface{}, timeout time.Duration) error {
	ctx, cancel := c.bg()
	defer cancel()
	return c.SetContext(ctx, key, val, timeout)
}

func (c *RedisCache) SetContext(ctx context.Context, key string, val interface{}, timeout time.Duration) error {
	return c.rdb.Set(ctx, key, fmt.Sprint(val), timeout).Err()
}

func (c *RedisCache) IsExist(key string) bool {
	ctx, cancel := c.bg()
	defer cancel()
	return c.IsExistContext(ctx, key)
}

func (c *RedisCache) IsExistContext(ctx context.Context, key string) bool {
	n, err := c.rdb.Exists(ctx, key).Result()
	return err == nil && n == 1
}

func (c *RedisCache) Delete(key string) error {
	ctx, cancel := c.bg()
	defer cancel()
	return c.DeleteContext(ctx, key)
}

func (c *RedisCache) DeleteContext(ctx context.Context, key string) error {
	err := c.rdb.Del(ctx, key).Err()
	if errors.Is(err, redis.Nil) {
		return nil
	}
	return err
}

// TokenSource hands out the app's access token, cached under one key in a
// silenceper cache shared by every replica, and fetched from WeCom when
// missing. Unlike silenceper's WorkAccessToken it can drop a token WeCom
// rejected (40014/42001), and fetches through our own client so that
// wecom.api_base is honoured. It satisfies the SDK's
// credential.AccessTokenContextHandle, so SDK clients can share it.
type TokenSource struct {
	cache cache.Cache
	key   string
	fetch func(ctx context.Context) (string, time.Duration, error)
	mu    sync.Mutex // one fetch at a time in this process

	// memo keeps the token read from the cache for memoTTL, sparing a
	// Redis round trip per push. A token WeCom rejects is invalidated
	// (and the call retried) whatever its age, so a stale memo costs at
	// most one retry.
	memoMu sync.Mutex
	memo   string
	memoAt time.Time
}

// memoTTL is how long a token read from Redis is reused in process.
const memoTTL = 30 * time.Second

func (t *TokenSource) remembered() string {
	t.memoMu.Lock()
	defer t.memoMu.Unlock()
	if t.memo != "" && time.Since(t.memoAt) < memoTTL {
		return t.memo
	}
	return ""
}

func (t *TokenSource) remember(tok string) {
	t.memoMu.Lock()
	t.memo, t.memoAt = tok, time.Now()
	t.memoMu.Unlock()
}

var _ credential.AccessTokenContextHandle = (*TokenSource)(nil)

// Token returns a cached token, or fetches one.
func (t *TokenSource) Token(ctx context.Context) (string, error) {
	if tok := t.remembered(); tok != "" {
		return tok, nil
	}
	if tok := t.cached(ctx); tok != "" {
		t.remember(tok)
		return tok, nil
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if tok := t.cached(ctx); tok != "" {
		t.remember(tok)
		return tok, nil
	}
	tok, ttl, err := t.fetch(ctx)
	if err != nil {
		return "", err
	}
	// A token that cannot be cached is still good for this call.
	cache.SetContext(ctx, t.cache, t.key, tok, ttl)
	t.remember(tok)
	return tok, nil
}

func (t *TokenSource) cached(ctx context.Context) string {
	s, _ := cache.GetContext(ctx, t.cache, t.key).(string)
	return s
}

// Invalidate drops the cached token if it is still bad, so the next Token
// fetches a new one; a token another replica already replaced is kept.
func (t *TokenSource) Invalidate(ctx context.Context, bad string) {
	t.memoMu.Lock()
	if t.memo == bad {
		t.memo = ""
	}
	t.memoMu.Unlock()
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.cached(ctx) == bad {
		cache.DeleteContext(ctx, t.cache, t.key)
	}
}

// GetAccessToken is Token without a context, for silenceper's interfaces.
func (t *TokenSource) GetAccessToken() (string, error) { return t.Token(context.Background()) }

// GetAccessTokenContext is Token, for silenceper's interfaces.
func (t *TokenSource) GetAccessTokenContext(ctx context.Context) (string, error) {
	return t.Token(ctx)
}
