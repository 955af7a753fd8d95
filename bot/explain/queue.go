package explain

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"

	"casebot/bot/keys"
	"casebot/bot/stream"
)

// Job is one queued draft request.
type Job struct {
	// ID is the stream entry id, set when the job is read.
	ID     string
	Number string
	User   string
	Hint   string
	// Revise are the instructions that rode on the request (帮我写一篇
	// 八百字左右 当事人名字隐掉) when no model writes the draft: the worker
	// makes them as a revision of the first version (Worker.Revise), since
	// an offline draft cannot be written to them.
	Revise      string
	RequestedAt time.Time
}

// Queue is the durable queue of draft requests: a Redis Stream read by the
// workers' consumer group (bot/stream). An entry stays pending until a
// worker has delivered its draft, so a crash at any point loses nothing.
type Queue struct {
	rdb   redis.UniversalClient
	k     keys.Keys
	group sync.Once
	gerr  error
}

// NewQueue returns the queue.
func NewQueue(rdb redis.UniversalClient, k keys.Keys) *Queue { return &Queue{rdb: rdb, k: k} }

// ensureGroup creates the consumer group once. It starts at the beginning
// of the stream, so jobs queued before any worker ever ran are read too.
func (q *Queue) ensureGroup(ctx context.Context) error {
	q.group.Do(func() {
		err := q.rdb.XGroupCreateMkStream(ctx, q.k.ExplainJobs(), keys.ExplainJobsGroup, "0").Err()
		if err != nil && !strings.HasPrefix(err.Error(), "BUSYGROUP") {
			q.gerr = fmt.Errorf("create consumer group: %w", err)
		}
	})
	return q.gerr
}

// Submit queues a job and remembers it as the user's last request, for
// 重新生成 and 换个角度. It returns the job's id.
func (q *Queue) Submit(ctx context.Context, j Job) (string, error) {
	if err := q.ensureGroup(ctx); err != nil {
		return "", err
	}
	var add *redis.StringCmd
	_, err := q.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		add = p.XAdd(ctx, &redis.XAddArgs{
			Stream: q.k.ExplainJobs(), MaxLen: keys.ExplainJobsMaxLen, Approx: true,
			Values: []string{"number", j.Number, "user", j.User, "hint", j.Hint, "revise", j.Revise, "at", j.RequestedAt.Format(time.RFC3339Nano)},
		})
		last := q.k.ExplainLast(j.User)
		p.HSet(ctx, last, "number", j.Number, "hint", j.Hint)
		p.Expire(ctx, last, keys.ExplainLastTTL)
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("queue draft of %s: %w", j.Number, err)
	}
	return add.Val(), nil
}

// ErrNoLast means the user has not asked for a draft recently.
var ErrNoLast = errors.New("no previous request")

// Last returns the case and angle of the user's last request.
func (q *Queue) Last(ctx context.Context, user string) (number, hint string, err error) {
	vals, err := q.rdb.HMGet(ctx, q.k.ExplainLast(user), "number", "hint").Result()
	if err != nil {
		return "", "", err
	}
	number, _ = vals[0].(string)
	hint, _ = vals[1].(string)
	if number == "" {
		return "", "", ErrNoLast
	}
	return number, hint, nil
}

func parseJob(e stream.Entry) Job {
	at, _ := time.Parse(time.RFC3339Nano, e.Field("at"))
	return Job{ID: e.ID, Number: e.Field("number"), User: e.Field("user"), Hint: e.Field("hint"), Revise: e.Field("revise"), RequestedAt: at}
}
