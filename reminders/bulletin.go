package reminders

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/robfig/cron/v3"

	"casebot/bot"
	"casebot/bot/bulletin"
	"casebot/bot/keys"
	"casebot/bot/lock"
	"casebot/bot/sendlog"
	"casebot/bot/store"
	"casebot/config"
)

// The monthly 败诉通报 is pushed by Bulletins: month M's bulletin falls due
// at the first firing of bulletin.cron on or after the 1st of M+1 (09:00 on
// the 1st by default), in the configured time zone, and is pushed to every
// configured group chat and user exactly once. A sweep — at every firing,
// every bulletin.retry_interval and once at start — pushes whatever is due
// and not yet delivered, for bulletin.catch_up after it fell due: a process
// that was down at 09:00 catches up when it comes back, and a push WeCom
// refused is tried again. One replica sweeps at a time (a Redis lock); each
// message of each recipient is claimed in the send log before it is sent
// and marked done only once WeCom accepted it, so a restart or a second
// replica repeats nothing and a recipient whose push broke off resumes
// where it stopped, with the same edition.
const (
	// bulletinLock names the lease held while pushing bulletins.
	bulletinLock = "bulletin-push"
	// bulletinLockTTL bounds a dead pusher's hold; a live one extends it
	// after every recipient.
	bulletinLockTTL = 5 * time.Minute
	// bulletinClaimTTL bounds a dead sender's claim on one message.
	bulletinClaimTTL = 5 * time.Minute
	// bulletinMonthsBack is how far back a sweep looks for a month whose
	// push is still within the catch-up window.
	bulletinMonthsBack = 13
)

// ErrBulletinBusy means another process is pushing bulletins right now.
var ErrBulletinBusy = errors.New("另一个进程正在推送通报，请稍后再试")

// Bulletins pushes the monthly bulletin on schedule.
type Bulletins struct {
	cfg    config.Bulletin
	set    *bulletin.Settings
	sched  cron.Schedule
	st     *store.Store
	rdb    redis.UniversalClient
	k      keys.Keys
	sent   *sendlog.Log
	sender bot.Sender

	// Now is the clock of scheduled sweeps. It defaults to time.Now.
	Now func() time.Time
	// Log receives sweep errors and refused pushes.
	Log *slog.Logger

	mu     sync.Mutex
	cron   *cron.Cron
	cancel context.CancelFunc
}

// NewBulletins builds the bulletin pusher from the configuration.
func NewBulletins(cfg *config.Config, st *store.Store, sender bot.Sender) (*Bulletins, error) {
	sched, err := cfg.Bulletin.Schedule()
	if err != nil {
		return nil, err
	}
	if cfg.Bulletin.RetryInterval < time.Minute {
		return nil, fmt.Errorf("配置 bulletin.retry_interval=%v 应不少于 1m", cfg.Bulletin.RetryInterval)
	}
	set, err := bulletin.NewSettings(cfg)
	if err != nil {
		return nil, err
	}
	return &Bulletins{
		cfg: cfg.Bulletin, set: set, sched: sched, st: st, rdb: st.Client(), k: st.Keys(),
		sent:   sendlog.New(st.Client(), st.Keys(), keys.BulletinSendNS, keys.BulletinSentTTL),
		sender: sender, Now: time.Now, Log: slog.Default(),
	}, nil
}

// Settings returns the settings bulletins are computed and written with.
func (b *Bulletins) Settings() *bulletin.Settings { return b.set }

// BulletinRecipient is a group chat (appchat chatid) or a user.
type BulletinRecipient struct {
	Chat string
	User string
}

// ID names the recipient in the send log: "chat:ID" or "user:ID".
func (r BulletinRecipient) ID() string {
	if r.Chat != "" {
		return "chat:" + r.Chat
	}
	return "user:" + r.User
}

// String is how the recipient is shown to an operator.
func (r BulletinRecipient) String() string {
	if r.Chat != "" {
		return "群聊 " + r.Chat
	}
	return "成员 " + r.User
}

func (r BulletinRecipient) address(o bot.Outbound) bot.Outbound {
	if r.Chat != "" {
		o.ToChat = r.Chat
	} else {
		o.ToUsers = []string{r.User}
	}
	return o
}

// Recipients are the configured chats then users, each once.
func (b *Bulletins) Recipients() []BulletinRecipient {
	var out []BulletinRecipient
	seen := map[string]bool{}
	add := func(r BulletinRecipient) {
		// Lists from the environment are comma-separated: "a, b".
		r.Chat, r.User = strings.TrimSpace(r.Chat), strings.TrimSpace(r.User)
		if id := r.ID(); !seen[id] {
			seen[id] = true
			out = append(out, r)
		}
	}
	for _, c := range b.cfg.ChatIDs {
		add(BulletinRecipient{Chat: c})
	}
	for _, u := range b.cfg.UserIDs {
		add(BulletinRecipient{User: u})
	}
	return out
}

// DueAt is when month m's push falls due: the first firing of
// bulletin.cron on or after the first instant of the next month.
func (b *Bulletins) DueAt(m bulletin.Month) time.Time {
	return b.sched.Next(m.End(b.set.Location).Add(-time.Second))
}

// window is how long after falling due a push is still made. Zero means
// no catch-up beyond the minute of the firing itself.
func (b *Bulletins) window() time.Duration { return max(b.cfg.CatchUp, time.Minute) }

// DueMonths returns, oldest first, the months whose push has fallen due
// at now and is still within the catch-up window.
func (b *Bulletins) DueMonths(now time.Time) []bulletin.Month {
	var out []bulletin.Month
	cur := bulletin.MonthOf(now, b.set.Location)
	for i := bulletinMonthsBack; i >= 1; i-- {
		m := cur.Add(-i)
		due := b.DueAt(m)
		if !due.IsZero() && !now.Before(due) && now.Before(due.Add(b.window())) {
			out = append(out, m)
		}
	}
	return out
}

// Start schedules sweeps at every firing of bulletin.cron and every
// bulletin.retry_interval, and runs one at once, so a process started
// after 09:00 on the 1st catches up without waiting. With no recipient
// configured it schedules nothing.
func (b *Bulletins) Start(ctx context.Context) error {
	if len(b.Recipients()) == 0 {
		b.Log.Info("monthly bulletin: no bulletin.chat_ids or bulletin.user_ids, nothing is pushed")
		return nil
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.cron != nil {
		return errors.New("bulletins already started")
	}
	ctx, cancel := context.WithCancel(ctx)
	logger := cronLogger{b.Log}
	c := cron.New(cron.WithLocation(b.set.Location), cron.WithLogger(logger))
	job := cron.NewChain(cron.Recover(logger), cron.SkipIfStillRunning(logger)).Then(cron.FuncJob(func() {
		if _, err := b.Sweep(ctx, b.Now()); err != nil && ctx.Err() == nil {
			b.Log.Error("bulletin sweep failed", "err", err)
		}
	}))
	if _, err := c.AddJob(b.cfg.Cron, job); err != nil {
		cancel()
		return fmt.Errorf("配置 bulletin.cron：%w", err)
	}
	c.Schedule(cron.Every(b.cfg.RetryInterval), job)
	b.cron, b.cancel = c, cancel
	c.Start()
	go job.Run()
	return nil
}

// Stop stops scheduling and waits for a running sweep to end.
func (b *Bulletins) Stop() {
	b.mu.Lock()
	c, cancel := b.cron, b.cancel
	b.cron, b.cancel = nil, nil
	b.mu.Unlock()
	if c == nil {
		return
	}
	cancel()
	<-c.Stop().Done()
}

// BulletinSweep says what one sweep did.
type BulletinSweep struct {
	// Skipped is true when another replica held the lock.
	Skipped bool
	// Pushes has one entry per month that was due.
	Pushes []BulletinPush
}

// BulletinPush says what became of one month's push.
type BulletinPush struct {
	Month string
	// Delivered got the whole bulletin in this run; Already had it before.
	Delivered, Already []BulletinRecipient
	// Busy were being sent to by another process; they are retried later.
	Busy []BulletinRecipient
	// Failed were refused (or could not be reached); they are retried at
	// the next sweep within the catch-up window.
	Failed []BulletinFailure
}

// BulletinFailure is a recipient whose push broke off, and why.
type BulletinFailure struct {
	Recipient BulletinRecipient
	Err       error
}

// Done reports whether every recipient has the bulletin.
func (p BulletinPush) Done() bool { return len(p.Busy) == 0 && len(p.Failed) == 0 }

// Sweep pushes every month due at now to every recipient that does not
// have it yet. Only one replica sweeps at a time; the others return with
// Skipped set.
func (b *Bulletins) Sweep(ctx context.Context, now time.Time) (BulletinSweep, error) {
	var rep BulletinSweep
	months := b.DueMonths(now)
	if len(months) == 0 || len(b.Recipients()) == 0 {
		return rep, nil
	}
	lease, err := lock.Acquire(ctx, b.rdb, b.k.Lock(bulletinLock), bulletinLockTTL)
	if err != nil {
		return rep, fmt.Errorf("take the bulletin lock: %w", err)
	}
	if lease == nil {
		rep.Skipped = true
		return rep, nil
	}
	defer lease.Release(context.WithoutCancel(ctx))
	for _, m := range months {
		p, err := b.push(ctx, lease, m, now)
		if err != nil {
			return rep, fmt.Errorf("push the bulletin of %s: %w", m, err)
		}
		rep.Pushes = append(rep.Pushes, p)
	}
	return rep, nil
}

// Push pushes month m's bulletin now to every configured recipient that
// does not have it yet, whether or not it is due (for `casebot bulletin
// --send`), through the same send log as the scheduled pushes: nobody gets
// it twice. A month not yet over is refused: its figures are incomplete,
// and pushing them would stand in for the real bulletin.
func (b *Bulletins) Push(ctx context.Context, m bulletin.Month, now time.Time) (BulletinPush, error) {
	if now.Before(m.End(b.set.Location)) {
		return BulletinPush{}, fmt.Errorf("%s尚未结束，数据不完整，不能推送该月通报（可先不加 --send 预览）", m.Label())
	}
	if len(b.Recipients()) == 0 {
		return BulletinPush{}, errors.New("没有配置通报的接收人：请设置 bulletin.chat_ids（CASEBOT_BULLETIN_CHAT_IDS）或 bulletin.user_ids（CASEBOT_BULLETIN_USER_IDS）")
	}
	lease, err := lock.Acquire(ctx, b.rdb, b.k.Lock(bulletinLock), bulletinLockTTL)
	if err != nil {
		return BulletinPush{}, fmt.Errorf("take the bulletin lock: %w", err)
	}
	if lease == nil {
		return BulletinPush{}, ErrBulletinBusy
	}
	defer lease.Release(context.WithoutCancel(ctx))
	return b.push(ctx, lease, m, now)
}

// push delivers month m to each recipient in turn, under lease.
func (b *Bulletins) push(ctx context.Context, lease *lock.Lease, m bulletin.Month, now time.Time) (BulletinPush, error) {
	p := BulletinPush{Month: m.String()}
	var todo []BulletinRecipient
	for _, r := range b.Recipients() {
		done, err := b.sent.IsDone(ctx, wholeID(m, r))
		if err != nil {
			return p, err
		}
		if done {
			p.Already = append(p.Already, r)
		} else {
			todo = append(todo, r)
		}
	}
	if len(todo) == 0 {
		return p, nil
	}
	ed, err := b.edition(ctx, m, now)
	if err != nil {
		return p, err
	}
	for _, r := range todo {
		res, err := b.deliver(ctx, ed, m, r, now)
		switch {
		case err != nil:
			if ctx.Err() != nil {
				return p, ctx.Err()
			}
			b.Log.Warn("bulletin push failed; retried later", "month", p.Month, "to", r.ID(), "err", err)
			p.Failed = append(p.Failed, BulletinFailure{r, err})
		case res == sendlog.Busy:
			p.Busy = append(p.Busy, r)
		default:
			p.Delivered = append(p.Delivered, r)
		}
		if ok, err := lease.Extend(ctx, bulletinLockTTL); err != nil || !ok {
			return p, fmt.Errorf("lost the bulletin lock (err %v)", err)
		}
	}
	return p, nil
}

// wholeID names a recipient's whole push of a month in the send log; the
// n-th message of it is wholeID|n.
func wholeID(m bulletin.Month, r BulletinRecipient) string { return m.String() + "|" + r.ID() }

// deliver sends the edition's messages to r in order, skipping those
// already accepted, and stops at the first failure (later messages wait,
// to keep the order). It returns Busy when another process is sending one
// of them right now.
func (b *Bulletins) deliver(ctx context.Context, ed *bulletin.Edition, m bulletin.Month, r BulletinRecipient, now time.Time) (sendlog.Result, error) {
	whole := wholeID(m, r)
	msgs := ed.Messages(r.address)
	for i, out := range msgs {
		id := fmt.Sprintf("%s|%d", whole, i+1)
		res, err := b.sent.Claim(ctx, id, bulletinClaimTTL)
		if err != nil {
			return res, err
		}
		switch res {
		case sendlog.AlreadyDone:
			continue
		case sendlog.Busy:
			return res, nil
		}
		rcpt, err := b.sender.Send(ctx, out)
		if err != nil {
			b.sent.Release(context.WithoutCancel(ctx), id)
			return res, fmt.Errorf("message %d of %d: %w", i+1, len(msgs), err)
		}
		if len(rcpt.Invalid) > 0 {
			b.Log.Warn("bulletin not delivered to some recipients (outside the app's visible range?)",
				"month", ed.Month, "invalid", strings.Join(rcpt.Invalid, "|"))
		}
		if err := b.sent.Done(context.WithoutCancel(ctx), id, sendlog.Record{At: now, Detail: rcpt}); err != nil {
			return res, fmt.Errorf("record message %d: %w", i+1, err)
		}
	}
	detail := map[string]any{"messages": len(msgs), "generated_at": ed.GeneratedAt}
	if err := b.sent.Done(context.WithoutCancel(ctx), whole, sendlog.Record{At: now, Detail: detail}); err != nil {
		return sendlog.Claimed, fmt.Errorf("record the push: %w", err)
	}
	return sendlog.Claimed, nil
}

// edition returns month m's edition as first pushed, computing and keeping
// it (first writer wins) when there is none yet.
func (b *Bulletins) edition(ctx context.Context, m bulletin.Month, now time.Time) (*bulletin.Edition, error) {
	key := b.k.BulletinEdition(m.String())
	if ed, err := b.loadEdition(ctx, key); ed != nil || err != nil {
		return ed, err
	}
	rep, err := b.set.Compute(ctx, b.st, m, now)
	if err != nil {
		return nil, err
	}
	ed, err := b.set.Edition(rep)
	if err != nil {
		return nil, err
	}
	raw, err := json.Marshal(ed)
	if err != nil {
		return nil, err
	}
	ok, err := b.rdb.SetNX(ctx, key, raw, keys.BulletinEditionTTL).Result()
	if err != nil {
		return nil, fmt.Errorf("keep the edition of %s: %w", m, err)
	}
	if !ok {
		return b.loadEdition(ctx, key)
	}
	return ed, nil
}

func (b *Bulletins) loadEdition(ctx context.Context, key string) (*bulletin.Edition, error) {
	raw, err := b.rdb.Get(ctx, key).Bytes()
	if errors.Is(err, redis.Nil) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var ed bulletin.Edition
	if err := json.Unmarshal(raw, &ed); err != nil {
		return nil, fmt.Errorf("read the kept edition %s: %w", key, err)
	}
	return &ed, nil
}
