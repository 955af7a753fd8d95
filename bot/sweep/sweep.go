// Package sweep runs periodic sweeps: the scaffold the hearing reminders
// and the bulletin pusher share. A sweep runs once at Start (so a process
// started late catches up at once), at every firing of its cron specs in
// the configured time zone, and every Every if set. Cron only triggers:
// the work is the sweep function, which decides from the clock what is
// due. A firing while the previous sweep still runs is skipped, a panic is
// recovered and logged, and Stop waits for the running sweep.
//
// What keeps two replicas from sweeping at once is the sweep's own Redis
// lease (lock.Hold), taken inside the function, so that a sweep run from
// the command line is excluded the same way.
package sweep

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/robfig/cron/v3"
)

// Runner schedules one sweep. The zero Location is UTC; set it to the
// configured time zone.
type Runner struct {
	// Name is the sweep's name in logs ("reminder sweep").
	Name string
	// Specs are five-field cron specs, in Location.
	Specs []string
	// Every, when positive, also runs the sweep at this interval.
	Every    time.Duration
	Location *time.Location
	// Now is the clock handed to each run. If nil, time.Now.
	Now func() time.Time
	Log *slog.Logger
	// Run is one sweep at now.
	Run func(ctx context.Context, now time.Time) error

	mu     sync.Mutex
	cron   *cron.Cron
	cancel context.CancelFunc
	first  chan struct{}
	job    cron.Job
	extra  map[*time.Timer]bool // RunAt's runs not yet started
	runs   sync.WaitGroup       // RunAt's runs started
}

// Start schedules the sweep and runs it once at once, in the background.
func (r *Runner) Start(ctx context.Context) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.cron != nil {
		return fmt.Errorf("%s already started", r.Name)
	}
	if r.Run == nil {
		return errors.New("sweep: no Run function")
	}
	loc := r.Location
	if loc == nil {
		loc = time.UTC
	}
	rctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	logger := cronLogger{r.log()}
	c := cron.New(cron.WithLocation(loc), cron.WithLogger(logger))
	// Recover sits inside SkipIfStillRunning: cron's skip wrapper hands
	// its token back only when the job returns, so a panic escaping it
	// would leave every later firing skipped, the sweep dead for good.
	job := cron.NewChain(cron.SkipIfStillRunning(logger), cron.Recover(logger)).Then(cron.FuncJob(func() {
		if err := r.Run(rctx, r.now()); err != nil && rctx.Err() == nil {
			r.log().Error(r.Name+" failed", "err", err)
		}
	}))
	for _, spec := range r.Specs {
		if _, err := c.AddJob(spec, job); err != nil {
			cancel()
			return fmt.Errorf("%s: cron spec %q: %w", r.Name, spec, err)
		}
	}
	if r.Every > 0 {
		c.Schedule(cron.Every(r.Every), job)
	}
	r.cron, r.cancel, r.job, r.extra = c, cancel, job, map[*time.Timer]bool{}
	c.Start()
	// The catch-up run goes through cron's chain too, so a firing that
	// comes while it runs is skipped rather than run beside it.
	r.first = make(chan struct{})
	go func(done chan struct{}) { defer close(done); job.Run() }(r.first)
	return nil
}

// RunAt also runs the sweep once at t, on Now's clock: a sweep that left
// work due at a known time (a push put off by a rate limit) has it done
// then rather than at the next firing. Like a firing, it is skipped if a
// sweep is running then. Before Start or after Stop it does nothing.
func (r *Runner) RunAt(t time.Time) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.cron == nil {
		return
	}
	var tm *time.Timer
	tm = time.AfterFunc(max(t.Sub(r.now()), 0), func() {
		r.mu.Lock()
		live := r.extra[tm]
		delete(r.extra, tm)
		if live {
			r.runs.Add(1)
		}
		job := r.job
		r.mu.Unlock()
		if live {
			defer r.runs.Done()
			job.Run()
		}
	})
	r.extra[tm] = true
}

// Stop stops scheduling and waits, until ctx ends, for a running sweep.
func (r *Runner) Stop(ctx context.Context) error {
	r.mu.Lock()
	c, cancel, first := r.cron, r.cancel, r.first
	r.cron, r.cancel, r.first = nil, nil, nil
	for tm := range r.extra {
		tm.Stop()
	}
	r.extra = nil
	r.mu.Unlock()
	if c == nil {
		return nil
	}
	cancel()
	stopped := c.Stop().Done()
	extra := make(chan struct{})
	go func() { r.runs.Wait(); close(extra) }()
	for _, ch := range []<-chan struct{}{stopped, first, extra} {
		select {
		case <-ch:
		case <-ctx.Done():
			return fmt.Errorf("%s still running: %w", r.Name, ctx.Err())
		}
	}
	return nil
}

func (r *Runner) now() time.Time {
	if r.Now != nil {
		return r.Now()
	}
	return time.Now()
}

func (r *Runner) log() *slog.Logger {
	if r.Log != nil {
		return r.Log
	}
	return slog.Default()
}

// cronLogger adapts slog to cron's logger.
type cronLogger struct{ l *slog.Logger }

func (c cronLogger) Info(msg string, kv ...any) { c.l.Debug("cron: "+msg, kv...) }
func (c cronLogger) Error(err error, msg string, kv ...any) {
	c.l.Error("cron: "+msg, append(kv, "err", err)...)
}
