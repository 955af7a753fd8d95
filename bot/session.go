package bot

import (
	"context"
	"errors"

	"github.com/redis/go-redis/v9"
)

// sessionStore keeps pending questions in Redis so that a question asked by
// one replica can be answered through another, and survives restarts.
type sessionStore struct{ b *Bot }

func (b *Bot) sessions() sessionStore { return sessionStore{b} }

func (s sessionStore) setAwait(ctx context.Context, user, name, data string) error {
	if s.b.Redis == nil {
		return errors.New("bot has no Redis for conversation state")
	}
	key := s.b.Keys.Await(user)
	_, err := s.b.Redis.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.Del(ctx, key)
		p.HSet(ctx, key, "name", name, "data", data)
		p.Expire(ctx, key, AwaitTTL)
		return nil
	})
	return err
}

func (s sessionStore) clearAwait(ctx context.Context, user string) error {
	if s.b.Redis == nil {
		return nil
	}
	return s.b.Redis.Del(ctx, s.b.Keys.Await(user)).Err()
}

func (s sessionStore) await(ctx context.Context, user string) (name, data string, err error) {
	return awaited(s.b.Redis.HMGet(ctx, s.b.Keys.Await(user), "name", "data"))
}

// queueAwait queues the read of await on p (see Bot.read).
func (s sessionStore) queueAwait(ctx context.Context, p redis.Pipeliner, user string) *redis.SliceCmd {
	return p.HMGet(ctx, s.b.Keys.Await(user), "name", "data")
}

// awaited is the pending question's name and data read by cmd.
func awaited(cmd *redis.SliceCmd) (name, data string, err error) {
	vals, err := cmd.Result()
	if err != nil {
		return "", "", err
	}
	name, _ = vals[0].(string)
	data, _ = vals[1].(string)
	return name, data, nil
}
