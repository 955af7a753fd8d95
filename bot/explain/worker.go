package explain

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"sync"
	"time"

	"casebot/bot"
	"casebot/bot/keys"
	"casebot/bot/lock"
	"casebot/bot/sendlog"
	"casebot/bot/store"
	"casebot/bot/stream"
)

// Worker reads queued draft requests, writes the drafts and sends them to
// the users who asked. It is a user of casebot's one stream consumer
// (bot/stream): a job is acknowledged only after its draft (or a clear
// refusal) reached WeCom; a failed job is tried again with backoff, and
// after MaxAttempts the user is told it failed; a job held by a process
// that died is taken over as soon as its heartbeat is gone, while a live
// worker's slow draft is never taken from it. Each part goes out under a
// push id of its own (bot/sendlog), so a job handled again never sends a
// part twice, and a draft already written is sent rather than rewritten.
type Worker struct {
	Queue  *Queue
	Store  *store.Store
	Gen    *Generator
	Sender bot.Sender

	// Consumer names this process in the consumer group: its presence
	// name (lock.Presence). If empty, a fresh process name.
	Consumer string
	// Concurrency is how many jobs run at once. If 0, 1.
	Concurrency int
	// Heartbeat is how often held jobs are renewed and dead workers looked
	// for. If 0, 1s.
	Heartbeat time.Duration
	// Backoff is the wait before a failed job is tried again, doubled each
	// further time. If 0, 10s.
	Backoff time.Duration
	// ClaimIdle is the safety net: a job left unrenewed this long with any
	// worker is taken over. It is also the longest one job may run before
	// it is cancelled (at least 30m). If 0, 5m. New sets it to the job's
	// whole budget (jobBudget).
	ClaimIdle time.Duration
	// Block is how long one read waits for a job; it bounds how quickly
	// Stop is noticed. If 0, 1s.
	Block time.Duration
	// MaxAttempts is how often a job is tried before the user is told it
	// failed. If 0, 5.
	MaxAttempts int
	Log         *slog.Logger
	// Revise makes a job's riding instructions (Job.Revise) as a revision
	// of the draft d it just wrote: what to say before the draft (what was
	// done and not) and the new version (nil: d unchanged). It must be
	// idempotent per job (a job handled again must not make a second
	// version). Nil: the instructions are left for the user to send again.
	Revise func(ctx context.Context, job Job, d *Draft) (lead string, nd *Draft, err error)

	mu sync.Mutex
	c  *stream.Consumer
}

// footer follows every draft in chat.
const footer = "\n---\n如需改写，请回复“重新生成”；如需换个角度，请回复“换个角度：您的提示”。"

// consumer builds the stream consumer from the fields, once.
func (w *Worker) consumer() *stream.Consumer {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.c != nil {
		return w.c
	}
	if w.Consumer == "" {
		w.Consumer = lock.ProcessName()
	}
	or := func(d, def time.Duration) time.Duration {
		if d > 0 {
			return d
		}
		return def
	}
	w.c = stream.New(w.Queue.rdb, w.handle, stream.Options{
		Stream: w.Queue.k.ExplainJobs(), Group: keys.ExplainJobsGroup, Consumer: w.Consumer, Keys: w.Queue.k,
		Heartbeat: w.Heartbeat, Workers: max(w.Concurrency, 1), MaxDeliveries: w.maxAttempts(),
		Backoff: or(w.Backoff, 10*time.Second), MaxBackoff: 5 * time.Minute,
		Block: or(w.Block, time.Second), ClaimIdle: or(w.ClaimIdle, 5*time.Minute),
		HandleTimeout: max(30*time.Minute, w.ClaimIdle),
		OnDead:        w.onDead,
		Log:           w.log(),
	})
	return w.c
}

// Start begins reading jobs in the background and returns.
func (w *Worker) Start(ctx context.Context) error {
	if err := w.Queue.ensureGroup(ctx); err != nil {
		return err
	}
	return w.consumer().Start(ctx)
}

// Stop stops reading, lets jobs in flight finish until ctx is done, then
// cancels them; a cancelled job stays pending and is taken over later.
func (w *Worker) Stop(ctx context.Context) error {
	w.mu.Lock()
	c := w.c
	w.mu.Unlock()
	if c == nil {
		return nil
	}
	return c.Stop(ctx)
}

// ProcessPending handles, synchronously, the jobs that are waiting now
// (new ones, those of dead workers, those abandoned for ClaimIdle), each
// failed one tried again at once up to MaxAttempts, and returns how many
// deliveries it made. Tests and one-off tools use it instead of Start.
func (w *Worker) ProcessPending(ctx context.Context) (int, error) {
	if err := w.Queue.ensureGroup(ctx); err != nil {
		return 0, err
	}
	return w.consumer().ProcessPending(ctx)
}

// handle runs one job. Errors worth retrying leave the job pending;
// everything else ends with the user told and the job acknowledged.
func (w *Worker) handle(ctx context.Context, e stream.Entry) error {
	job := parseJob(e)
	if job.Number == "" || job.User == "" {
		return fmt.Errorf("%w: malformed explain job %s", stream.ErrPoison, job.ID)
	}
	d, err := w.draft(ctx, job)
	var ue *bot.Error
	switch {
	case errors.As(err, &ue):
		return w.send(ctx, job.ID+":refused", bot.Text(ue.Message, job.User))
	case err != nil:
		return fmt.Errorf("draft of %s (attempt %d): %w", job.Number, e.Deliveries, err)
	}
	lead := ""
	if job.Revise != "" && w.Revise != nil {
		l, nd, err := w.Revise(ctx, job, d)
		switch {
		case errors.As(err, &ue):
			lead = ue.Message + "\n\n" // the first version is still sent
		case err != nil:
			return fmt.Errorf("revise the draft of %s (attempt %d): %w", job.Number, e.Deliveries, err)
		default:
			lead = l
			if nd != nil {
				d = nd
			}
		}
	}
	parts := splitMarkdown(lead+d.Render(w.Gen.loc())+footer, bot.MaxTextBytes)
	for i, p := range parts {
		if err := w.send(ctx, job.ID+":"+strconv.Itoa(i), bot.Markdown(p, job.User)); err != nil {
			return fmt.Errorf("send part %d of the draft of %s: %w", i+1, job.Number, err)
		}
	}
	return nil
}

// onDead tells the user a job failed for good.
func (w *Worker) onDead(ctx context.Context, e stream.Entry, reason string) error {
	job := parseJob(e)
	if job.User == "" {
		return nil
	}
	w.log().Error("explain job failed too often; the user is told", "job", job.ID, "case", job.Number, "reason", reason)
	text := fmt.Sprintf("抱歉，案件 %s 的以案说法草稿多次生成失败，系统已停止重试。请稍后重新发送“以案说法 %s”，如仍失败请联系司法局管理员。", job.Number, job.Number)
	if err := w.send(ctx, job.ID+":fail", bot.Text(text, job.User)); err != nil {
		w.log().Error("could not tell the user about a failed explain job", "job", job.ID, "err", err)
		if errors.Is(err, bot.ErrUndelivered) {
			return err // kept pending: told once WeCom takes it
		}
	}
	return nil
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

// send pushes one message exactly once under its id (see bot/sendlog).
func (w *Worker) send(ctx context.Context, id string, out bot.Outbound) error {
	_, err := w.Sender.Send(sendlog.WithID(ctx, keys.ExplainSendNS, id), out)
	return err
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
