package bulletin

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/robfig/cron/v3"

	"casebot/bot"
	"casebot/bot/clock"
	"casebot/bot/keys"
	"casebot/bot/lock"
	"casebot/bot/sendlog"
	"casebot/bot/store"
	"casebot/bot/sweep"
	"casebot/config"
)

// The monthly 败诉通报 is pushed by a Pusher: month M's bulletin falls due at
// the first firing of bulletin.cron on or after the 1st of M+1 (09:00 on
// the 1st by default), in the configured time zone, and is pushed to every
// configured group chat and user exactly once. A sweep (bot/sweep) — at
// every firing, every bulletin.retry_interval and once at start — pushes
// whatever is due and not yet delivered, for bulletin.catch_up after it
// fell due: a process that was down at 09:00 catches up when it comes
// back, and a push WeCom refused is tried again. One replica sweeps at a
// time (a Redis lock); each message of each recipient goes out through
// the one send-once mechanism (bot/sendlog) under an id of its own, so a
// restart or a second replica repeats nothing and a recipient whose push
// broke off resumes where it stopped, with the same edition.
const (
	// pushLock names the lease held while pushing bulletins.
	pushLock = "bulletin-push"
	// pushLockTTL bounds a dead pusher's hold; a live one renews it.
	pushLockTTL = 5 * time.Minute
	// monthsBack is how far back a sweep looks for a month whose push is
	// still within the catch-up window.
	monthsBack = 13
)

// ErrBusy means another process is pushing bulletins right now.
var ErrBusy = errors.New("另一个进程正在推送通报，请稍后再试")

// Pusher pushes the monthly bulletin on schedule.
type Pusher struct {
	cfg    config.Bulletin
	set    *Settings
	sched  cron.Schedule
	st     *store.Store
	rdb    redis.UniversalClient
	k      keys.Keys
	sent   *sendlog.Log
	sender bot.Sender

	// Now is the clock of scheduled sweeps. It defaults to time.Now.
	Now func() time.Time
	// Sleep waits d on Now's clock, or until ctx ends (Push waiting out a
	// recipient's rate limit). It defaults to clock.Sleep, the wall clock.
	Sleep func(ctx context.Context, d time.Duration) error
	// Log receives sweep errors and refused pushes.
	Log *slog.Logger

	mu     sync.Mutex
	runner *sweep.Runner
	dmu    sync.Mutex
	// deferred are the pushes a recipient's rate limit put off (by
	// wholeID), until when: not made again before, and made again then
	// even after the catch-up window, so the bulletin still goes out.
	deferred map[string]deferral
}

// deferral is a push put off by the recipient's rate limit.
type deferral struct {
	month Month
	until time.Time
}

// NewPusher builds the bulletin pusher from the configuration. The
// records it reads and completes are the sender's (a sender with a
// SendLog method, as the WeCom sender has), else a log of its own.
func NewPusher(cfg *config.Config, st *store.Store, sender bot.Sender) (*Pusher, error) {
	sched, err := cfg.Bulletin.Schedule()
	if err != nil {
		return nil, err
	}
	if cfg.Bulletin.RetryInterval < time.Minute {
		return nil, fmt.Errorf("配置 bulletin.retry_interval=%v 应不少于 1m", cfg.Bulletin.RetryInterval)
	}
	set, err := NewSettings(cfg)
	if err != nil {
		return nil, err
	}
	var sent *sendlog.Log
	if ls, ok := sender.(interface{ SendLog() *sendlog.Log }); ok {
		sent = ls.SendLog()
	} else {
		sent = sendlog.New(st.Client(), st.Keys(), sendlog.Options{})
	}
	return &Pusher{
		cfg: cfg.Bulletin, set: set, sched: sched, st: st, rdb: st.Client(), k: st.Keys(),
		sent: sent, sender: sender, Now: time.Now, Sleep: clock.Sleep, Log: slog.Default(),
		deferred: map[string]deferral{},
	}, nil
}

// Settings returns the settings bulletins are computed and written with.
func (b *Pusher) Settings() *Settings { return b.set }

// Recipient is a group chat (appchat chatid) or a user.
type Recipient struct {
	Chat string
	User string
}

// ID names the recipient in the send log: "chat:ID" or "user:ID".
func (r Recipient) ID() string {
	if r.Chat != "" {
		return "chat:" + r.Chat
	}
	return "user:" + r.User
}

// String is how the recipient is shown to an operator.
func (r Recipient) String() string {
	if r.Chat != "" {
		return "群聊 " + r.Chat
	}
	return "成员 " + r.User
}

func (r Recipient) address(o bot.Outbound) bot.Outbound {
	if r.Chat != "" {
		o.ToChat = r.Chat
	} else {
		o.ToUsers = []string{r.User}
	}
	return o
}

// Recipients are the configured chats then users, each once.
func (b *Pusher) Recipients() []Recipient {
	var out []Recipient
	seen := map[string]bool{}
	add := func(r Recipient) {
		// Lists from the environment are comma-separated: "a, b".
		r.Chat, r.User = strings.TrimSpace(r.Chat), strings.TrimSpace(r.User)
		if id := r.ID(); !seen[id] {
			seen[id] = true
			out = append(out, r)
		}
	}
	for _, c := range b.cfg.ChatIDs {
		add(Recipient{Chat: c})
	}
	for _, u := range b.cfg.UserIDs {
		add(Recipient{User: u})
	}
	return out
}

// DueAt is when month m's push falls due: the first firing of
// bulletin.cron on or after the first instant of the next month.
func (b *Pusher) DueAt(m Month) time.Time {
	return b.sched.Next(m.End(b.set.Location).Add(-time.Second))
}

// window is how long after falling due a push is still made. Zero means
// no catch-up beyond the minute of the firing itself.
func (b *Pusher) window() time.Duration { return max(b.cfg.CatchUp, time.Minute) }

// DueMonths returns, oldest first, the months whose push has fallen due
// at now and is still within the catch-up window.
func (b *Pusher) DueMonths(now time.Time) []Month {
	var out []Month
	cur := MonthOf(now, b.set.Location)
	for i := monthsBack; i >= 1; i-- {
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
func (b *Pusher) Start(ctx context.Context) error {
	if len(b.Recipients()) == 0 {
		b.Log.Info("monthly bulletin: no bulletin.chat_ids or bulletin.user_ids, nothing is pushed")
		return nil
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.runner != nil {
		return errors.New("bulletins already started")
	}
	r := &sweep.Runner{Name: "bulletin sweep", Specs: []string{b.cfg.Cron}, Every: b.cfg.RetryInterval,
		Location: b.set.Location, Now: func() time.Time { return b.Now() }, Log: b.Log,
	}
	r.Run = func(ctx context.Context, now time.Time) error {
		rep, err := b.Sweep(ctx, now)
		if until, ok := rep.NextDeferred(); ok {
			r.RunAt(until) // not at the next retry_interval
		}
		return err
	}
	if err := r.Start(ctx); err != nil {
		return fmt.Errorf("配置 bulletin.cron：%w", err)
	}
	b.runner = r
	return nil
}

// Stop stops scheduling and waits, until ctx ends, for a running sweep.
func (b *Pusher) Stop(ctx context.Context) error {
	b.mu.Lock()
	r := b.runner
	b.runner = nil
	b.mu.Unlock()
	if r == nil {
		return nil
	}
	return r.Stop(ctx)
}

// SweepReport says what one sweep did.
type SweepReport struct {
	// Skipped is true when another replica held the lock.
	Skipped bool
	// Pushes has one entry per month that was due.
	Pushes []PushReport
}

// PushReport says what became of one month's push.
type PushReport struct {
	Month string
	// Delivered got the whole bulletin in this run; Already had it before.
	Delivered, Already []Recipient
	// Busy were being sent to by another process; they are retried later.
	Busy []Recipient
	// Failed were refused (or could not be reached); they are retried at
	// the next sweep within the catch-up window.
	Failed []Failure
	// Deferred were put off by their per-user rate limit (WeCom's
	// messages per member per minute): not a failure; their push is made
	// again at Until, even past the catch-up window.
	Deferred []Deferred
}

// Deferred is a recipient whose push waits for its rate limit.
type Deferred struct {
	Recipient Recipient
	Until     time.Time
}

// NextDeferred is the earliest time a deferred push of the sweep waits
// for.
func (s SweepReport) NextDeferred() (time.Time, bool) {
	var first time.Time
	for _, p := range s.Pushes {
		if t, ok := p.nextDeferred(); ok && (first.IsZero() || t.Before(first)) {
			first = t
		}
	}
	return first, !first.IsZero()
}

func (p PushReport) nextDeferred() (time.Time, bool) {
	var first time.Time
	for _, d := range p.Deferred {
		if first.IsZero() || d.Until.Before(first) {
			first = d.Until
		}
	}
	return first, !first.IsZero()
}

// Failure is a recipient whose push broke off, and why.
type Failure struct {
	Recipient Recipient
	Err       error
}

// Done reports whether every recipient has the bulletin.
func (p PushReport) Done() bool {
	return len(p.Busy) == 0 && len(p.Failed) == 0 && len(p.Deferred) == 0
}

// Sweep pushes every month due at now to every recipient that does not
// have it yet. Only one replica sweeps at a time; the others return with
// Skipped set.
func (b *Pusher) Sweep(ctx context.Context, now time.Time) (SweepReport, error) {
	var rep SweepReport
	months := b.withDeferred(b.DueMonths(now))
	if len(months) == 0 || len(b.Recipients()) == 0 {
		return rep, nil
	}
	held, err := lock.Hold(ctx, b.rdb, b.k.Lock(pushLock), pushLockTTL, func(ctx context.Context) error {
		for _, m := range months {
			p, err := b.push(ctx, m, now)
			if err != nil {
				return fmt.Errorf("push the bulletin of %s: %w", m, err)
			}
			rep.Pushes = append(rep.Pushes, p)
		}
		return nil
	})
	if err != nil && !held {
		err = fmt.Errorf("take the bulletin lock: %w", err)
	}
	rep.Skipped = !held && err == nil
	return rep, err
}

// Push pushes month m's bulletin now to every configured recipient that
// does not have it yet, whether or not it is due (for `casebot bulletin
// --send`), through the same send log as the scheduled pushes: nobody gets
// it twice. A month not yet over is refused: its figures are incomplete,
// and pushing them would stand in for the real bulletin.
func (b *Pusher) Push(ctx context.Context, m Month, now time.Time) (PushReport, error) {
	if now.Before(m.End(b.set.Location)) {
		return PushReport{}, fmt.Errorf("%s尚未结束，数据不完整，不能推送该月通报（可先不加 --send 预览）", m.Label())
	}
	if len(b.Recipients()) == 0 {
		return PushReport{}, errors.New("没有配置通报的接收人：请设置 bulletin.chat_ids（CASEBOT_BULLETIN_CHAT_IDS）或 bulletin.user_ids（CASEBOT_BULLETIN_USER_IDS）")
	}
	// A recipient put off by its rate limit is waited for (a minute at
	// most each time), so that the command ends with everyone served.
	var all PushReport
	for round := 0; ; round++ {
		var p PushReport
		held, err := lock.Hold(ctx, b.rdb, b.k.Lock(pushLock), pushLockTTL, func(ctx context.Context) error {
			var err error
			p, err = b.push(ctx, m, now)
			return err
		})
		switch {
		case err != nil && !held:
			return all, fmt.Errorf("take the bulletin lock: %w", err)
		case !held:
			return all, ErrBusy
		}
		p.Delivered = append(all.Delivered, p.Delivered...)
		if round > 0 {
			p.Already = all.Already
		}
		all = p
		until, deferred := p.nextDeferred()
		if err != nil || !deferred || round == maxPushWaits {
			return all, err
		}
		b.Log.Info("bulletin push waits for a recipient's rate limit", "month", p.Month, "until", until)
		if err := b.Sleep(ctx, until.Sub(b.Now())); err != nil {
			return all, err
		}
		now = b.Now()
	}
}

// maxPushWaits bounds how often Push waits for a rate limit: each wait
// is for the next minute's slots, and a bulletin is a few messages.
const maxPushWaits = 3

// withDeferred adds to months (oldest first) those with a push deferred,
// so that a deferral never outlasts the catch-up window untried.
func (b *Pusher) withDeferred(months []Month) []Month {
	b.dmu.Lock()
	defer b.dmu.Unlock()
	for _, d := range b.deferred {
		if !slices.Contains(months, d.month) {
			months = append(months, d.month)
		}
	}
	slices.SortFunc(months, func(x, y Month) int { return strings.Compare(x.String(), y.String()) })
	return months
}

// deferralOf returns when the push whole was deferred until, if it was.
func (b *Pusher) deferralOf(whole string) (time.Time, bool) {
	b.dmu.Lock()
	defer b.dmu.Unlock()
	d, ok := b.deferred[whole]
	return d.until, ok
}

// setDeferral records (until non-zero) or forgets the deferral of whole.
func (b *Pusher) setDeferral(whole string, m Month, until time.Time) {
	b.dmu.Lock()
	defer b.dmu.Unlock()
	if until.IsZero() {
		delete(b.deferred, whole)
	} else {
		b.deferred[whole] = deferral{m, until}
	}
}

// push delivers month m to each recipient in turn, under the lock.
func (b *Pusher) push(ctx context.Context, m Month, now time.Time) (PushReport, error) {
	p := PushReport{Month: m.String()}
	var todo []Recipient
	for _, r := range b.Recipients() {
		done, err := b.sent.IsDone(ctx, keys.BulletinSendNS, wholeID(m, r))
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
		whole := wholeID(m, r)
		if until, ok := b.deferralOf(whole); ok && now.Before(until) {
			p.Deferred = append(p.Deferred, Deferred{r, until})
			continue
		}
		err := b.deliver(ctx, ed, m, r)
		until, deferred := bot.DeferredUntil(err)
		b.setDeferral(whole, m, until)
		switch {
		case errors.Is(err, sendlog.ErrBusy):
			p.Busy = append(p.Busy, r)
		case deferred:
			// Not a failure: the recipient had its fill this minute.
			b.Log.Info("bulletin push deferred by the recipient's rate limit; made again then", "month", p.Month, "to", r.ID(), "until", until)
			p.Deferred = append(p.Deferred, Deferred{r, until})
		case err != nil:
			if ctx.Err() != nil {
				return p, ctx.Err()
			}
			b.Log.Warn("bulletin push failed; retried later", "month", p.Month, "to", r.ID(), "err", err)
			p.Failed = append(p.Failed, Failure{r, err})
		default:
			p.Delivered = append(p.Delivered, r)
		}
	}
	return p, nil
}

// wholeID names a recipient's whole push of a month in the send log; the
// n-th message of it is wholeID|n.
func wholeID(m Month, r Recipient) string { return m.String() + "|" + r.ID() }

// deliver sends the edition's messages to r in order, each under an id of
// its own (the send log skips those already accepted), and stops at the
// first failure: later messages wait, to keep the order. Once all are
// accepted, the recipient's whole push is recorded.
func (b *Pusher) deliver(ctx context.Context, ed *Edition, m Month, r Recipient) error {
	whole := wholeID(m, r)
	msgs := ed.Messages(r.address)
	for i, out := range msgs {
		id := fmt.Sprintf("%s|%d", whole, i+1)
		rcpt, err := b.sender.Send(sendlog.WithID(ctx, keys.BulletinSendNS, id), out)
		if err != nil {
			return fmt.Errorf("message %d of %d: %w", i+1, len(msgs), err)
		}
		if len(rcpt.Invalid) > 0 {
			b.Log.Warn("bulletin not delivered to some recipients (outside the app's visible range?)",
				"month", ed.Month, "invalid", strings.Join(rcpt.Invalid, "|"))
		}
	}
	detail := map[string]any{"messages": len(msgs), "generated_at": ed.GeneratedAt}
	if err := b.sent.Record(context.WithoutCancel(ctx), sendlog.Push{NS: keys.BulletinSendNS, ID: whole}, detail); err != nil {
		return fmt.Errorf("record the push: %w", err)
	}
	return nil
}

// edition returns month m's edition as first pushed, computing and keeping
// it (first writer wins) when there is none yet.
func (b *Pusher) edition(ctx context.Context, m Month, now time.Time) (*Edition, error) {
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

func (b *Pusher) loadEdition(ctx context.Context, key string) (*Edition, error) {
	raw, err := b.rdb.Get(ctx, key).Bytes()
	if errors.Is(err, redis.Nil) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var ed Edition
	if err := json.Unmarshal(raw, &ed); err != nil {
		return nil, fmt.Errorf("read the kept edition %s: %w", key, err)
	}
	return &ed, nil
}
