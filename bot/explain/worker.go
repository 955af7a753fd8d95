package explain

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strconv"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"

	"casebot/bot"
	"casebot/bot/keys"
	"casebot/bot/sendlog"
	"casebot/bot/store"
)

// Worker reads queued draft requests, writes the drafts and sends them to
// the users who asked. A job is acknowledged only after its draft (or a
// clear refusal) reached WeCom; a job left pending by a crashed worker is
// taken over once it has been idle for ClaimIdle. Sending goes through a
// send log, part by part, so a job redelivered after a crash never sends
// a part twice, and a draft already written is sent rather than rewritten.
type Worker struct {
	Queue  *Queue
	Store  *store.Store
	Gen    *Generator
	Sender bot.Sender
	Sent   *sendlog.Log

	// Consumer names this process in the consumer group; goroutine i reads
	// as Consumer-i. If empty, hostname-pid.
	Consumer string
	// Concurrency is how many jobs run at once. If 0, 1.
	Concurrency int
	// ClaimIdle is how long a pending job must sit untouched before another
	// worker takes it over: longer than the slowest draft, or a draft being
	// written would be written twice.
	ClaimIdle time.Duration
	// Block is how long one read waits for a job; it bounds how quickly
	// Stop is noticed. If 0, 1s.
	Block time.Duration
	// MaxAttempts is how often a job is tried before the user is told it
	// failed. If 0, 5.
	MaxAttempts int
	Log         *slog.Logger

	mu      sync.Mutex
	stop    context.CancelFunc // stops reading
	abandon context.CancelFunc // cancels jobs in flight
	wg      sync.WaitGroup
}

// sendLogTTL is how long a delivered part is remembered.
const sendLogTTL = 30 * 24 * time.Hour

// footer follows every draft in chat.
const footer = "\n---\n如需改写，请回复“重新生成”；如需换个角度，请回复“换个角度：您的提示”。"

// Start begins reading jobs in the background and returns.
func (w *Worker) Start(ctx context.Context) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.stop != nil {
		return errors.New("explain worker already started")
	}
	if err := w.Queue.ensureGroup(ctx); err != nil {
		return err
	}
	readCtx, stop := context.WithCancel(context.WithoutCancel(ctx))
	workCtx, abandon := context.WithCancel(context.WithoutCancel(ctx))
	w.stop, w.abandon = stop, abandon
	for i := 0; i < max(w.Concurrency, 1); i++ {
		w.wg.Add(1)
		go func(consumer string) {
			defer w.wg.Done()
			w.loop(readCtx, workCtx, consumer)
		}(w.consumer(i))
	}
	return nil
}

// Stop stops reading, lets jobs in flight finish until ctx is done, then
// cancels them; a cancelled job stays pending and is taken over later.
func (w *Worker) Stop(ctx context.Context) error {
	w.mu.Lock()
	stop, abandon := w.stop, w.abandon
	w.stop, w.abandon = nil, nil
	w.mu.Unlock()
	if stop == nil {
		return nil
	}
	stop()
	done := make(chan struct{})
	go func() { w.wg.Wait(); close(done) }()
	select {
	case <-done:
		abandon()
		return nil
	case <-ctx.Done():
		abandon()
		<-done
		return ctx.Err()
	}
}

func (w *Worker) loop(readCtx, workCtx context.Context, consumer string) {
	for readCtx.Err() == nil {
		msgs, err := w.claim(readCtx, consumer)
		if err == nil && len(msgs) == 0 {
			msgs, err = w.read(readCtx, consumer, w.block())
		}
		if err != nil {
			if readCtx.Err() == nil {
				w.log().Error("read explain jobs", "err", err)
				select {
				case <-readCtx.Done():
				case <-time.After(w.block()):
				}
			}
			continue
		}
		for _, m := range msgs {
			w.process(workCtx, m)
		}
	}
}

// ProcessPending handles, synchronously, the jobs that are waiting now
// (new ones and those abandoned for ClaimIdle) and returns how many it
// handled. Tests and one-off tools use it instead of Start.
func (w *Worker) ProcessPending(ctx context.Context) (int, error) {
	if err := w.Queue.ensureGroup(ctx); err != nil {
		return 0, err
	}
	consumer := w.consumer(0)
	n := 0
	for {
		msgs, err := w.claim(ctx, consumer)
		if err == nil && len(msgs) == 0 {
			msgs, err = w.read(ctx, consumer, -1)
		}
		if err != nil {
			return n, err
		}
		if len(msgs) == 0 {
			return n, nil
		}
		for _, m := range msgs {
			w.process(ctx, m)
			n++
		}
	}
}

// claim takes over jobs another consumer left idle for ClaimIdle.
func (w *Worker) claim(ctx context.Context, consumer string) ([]redis.XMessage, error) {
	msgs, _, err := w.Queue.rdb.XAutoClaim(ctx, &redis.XAutoClaimArgs{
		Stream: w.Queue.k.ExplainJobs(), Group: keys.ExplainJobsGroup, Consumer: consumer,
		MinIdle: w.ClaimIdle, Start: "0-0", Count: 1,
	}).Result()
	return msgs, err
}

// read takes new jobs; block < 0 does not wait.
func (w *Worker) read(ctx context.Context, consumer string, block time.Duration) ([]redis.XMessage, error) {
	res, err := w.Queue.rdb.XReadGroup(ctx, &redis.XReadGroupArgs{
		Group: keys.ExplainJobsGroup, Consumer: consumer,
		Streams: []string{w.Queue.k.ExplainJobs(), ">"}, Count: 1, Block: block,
	}).Result()
	if errors.Is(err, redis.Nil) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []redis.XMessage
	for _, s := range res {
		out = append(out, s.Messages...)
	}
	return out, nil
}

// process handles one job. Errors worth retrying leave the job pending;
// everything else ends with the user told and the job acknowledged.
func (w *Worker) process(ctx context.Context, m redis.XMessage) {
	job := parseJob(m)
	rdb, k := w.Queue.rdb, w.Queue.k
	attempts, err := rdb.Incr(ctx, k.ExplainJobAttempts(job.ID)).Result()
	if err != nil {
		w.log().Error("count explain job attempt", "job", job.ID, "err", err)
		return
	}
	rdb.Expire(ctx, k.ExplainJobAttempts(job.ID), keys.ExplainJobTTL)
	if job.Number == "" || job.User == "" {
		w.log().Error("malformed explain job dropped", "job", job.ID)
		w.ack(ctx, job)
		return
	}
	if attempts > int64(w.maxAttempts()) {
		w.log().Error("explain job failed too often; giving up", "job", job.ID, "case", job.Number, "attempts", attempts-1)
		w.tell(ctx, job, "fail", fmt.Sprintf("抱歉，案件 %s 的以案说法草稿多次生成失败，系统已停止重试。请稍后重新发送“以案说法 %s”，如仍失败请联系司法局管理员。", job.Number, job.Number))
		return
	}

	d, err := w.draft(ctx, job)
	var ue *bot.Error
	switch {
	case errors.As(err, &ue):
		w.tell(ctx, job, "refused", ue.Message)
		return
	case err != nil:
		w.log().Error("explain job failed; it will be retried", "job", job.ID, "case", job.Number, "attempt", attempts, "err", err)
		return
	}
	parts := splitMarkdown(d.Render(w.Gen.loc())+footer, bot.MaxTextBytes)
	for i, p := range parts {
		if err := w.send(ctx, job.ID+":"+strconv.Itoa(i), bot.Markdown(p, job.User)); err != nil {
			w.log().Error("send explain draft; it will be retried", "job", job.ID, "part", i, "err", err)
			return
		}
	}
	w.ack(ctx, job)
}

// draft returns the job's draft: the one already written if the job ran
// before, else a new one.
func (w *Worker) draft(ctx context.Context, job Job) (*Draft, error) {
	d, err := w.Gen.Drafts.ForJob(ctx, job.ID, job.Number)
	if !errors.Is(err, ErrNoDraft) {
		return d, err
	}
	c, err := w.Store.Get(ctx, job.Number)
	if errors.Is(err, store.ErrNotFound) {
		return nil, bot.Errorf(bot.ENotFound, "案件 %s 已不在台账中，无法生成以案说法草稿。", job.Number)
	}
	if err != nil {
		return nil, err
	}
	return w.Gen.Generate(ctx, Request{Case: c, Requester: job.User, Hint: job.Hint, JobID: job.ID})
}

// tell sends a short text in place of a draft and acknowledges the job.
func (w *Worker) tell(ctx context.Context, job Job, what, text string) {
	if err := w.send(ctx, job.ID+":"+what, bot.Text(text, job.User)); err != nil {
		w.log().Error("tell user about explain job", "job", job.ID, "err", err)
		return
	}
	w.ack(ctx, job)
}

var errBusy = errors.New("another worker is sending this part")

// send pushes one message exactly once per id.
func (w *Worker) send(ctx context.Context, id string, out bot.Outbound) error {
	res, err := w.Sent.Claim(ctx, id, time.Minute)
	if err != nil {
		return err
	}
	switch res {
	case sendlog.AlreadyDone:
		return nil
	case sendlog.Busy:
		return errBusy
	}
	rec, err := w.Sender.Send(ctx, out)
	if err != nil {
		w.Sent.Release(ctx, id)
		return err
	}
	return w.Sent.Done(ctx, id, sendlog.Record{At: time.Now(), Detail: rec})
}

func (w *Worker) ack(ctx context.Context, job Job) {
	rdb, k := w.Queue.rdb, w.Queue.k
	_, err := rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.XAck(ctx, k.ExplainJobs(), keys.ExplainJobsGroup, job.ID)
		p.XDel(ctx, k.ExplainJobs(), job.ID)
		p.Del(ctx, k.ExplainJobAttempts(job.ID))
		return nil
	})
	if err != nil {
		w.log().Error("acknowledge explain job", "job", job.ID, "err", err)
	}
}

func (w *Worker) consumer(i int) string {
	base := w.Consumer
	if base == "" {
		host, _ := os.Hostname()
		base = fmt.Sprintf("%s-%d", host, os.Getpid())
	}
	return fmt.Sprintf("%s-%d", base, i)
}

func (w *Worker) block() time.Duration {
	if w.Block > 0 {
		return w.Block
	}
	return time.Second
}

func (w *Worker) maxAttempts() int {
	if w.MaxAttempts > 0 {
		return w.MaxAttempts
	}
	return 5
}

func (w *Worker) log() *slog.Logger {
	if w.Log != nil {
		return w.Log
	}
	return slog.Default()
}
