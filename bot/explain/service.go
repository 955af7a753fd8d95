package explain

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"reflect"
	"time"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/cases"
	"casebot/bot/decision"
	"casebot/bot/llm"
	"casebot/bot/privacy"
	"casebot/bot/store"
	"casebot/config"
	"casebot/prompts"
)

// Service is the 以案说法 feature as serve, demo and the CLI run it: the
// draft store, the job queue, the generator, the worker that delivers
// drafts in chat, and the per-user limit on model drafts.
//
// Wiring (cmd/casebot/app.go):
//
//	model, err := explain.Model(cfg.LLM) // nil when llm.base_url is unset
//	ex, err := explain.New(cfg, st, sender, model)
//	ex.Start(ctx)                          // the worker; Stop(ctx) on shutdown
//	deps.Explain = ex                      // the chat handlers
type Service struct {
	Drafts *Drafts
	Queue  *Queue
	Gen    *Generator
	Worker *Worker
	// Limit caps model drafts per user per hour (llm.user_per_hour); it is
	// not applied when no model is configured, since offline drafts are
	// cheap.
	Limit *llm.UserLimit
	Store *store.Store
	// Attach attaches decisions to cases (casebot attach, the chat and the
	// app page); Gen reads them through Attach.Decisions.
	Attach *decision.Service
	// Reviews holds each draft's review state; Audit records every change.
	Reviews *Reviews
	Audit   *audit.Log
	// Source is the 来源 of exported articles (explain.source, else
	// bulletin.issuer).
	Source   string
	Location *time.Location
}

// Model builds the model client from the llm section, or returns nil (and
// no error) when llm.base_url is unset: drafts are then built offline.
func Model(cfg config.LLM) (*llm.Client, error) {
	if !cfg.Configured() {
		return nil, nil
	}
	return llm.New(cfg)
}

// claimMargin is added to the model's budget to get the longest a job may
// be held: the time to store and send the draft once the model has
// answered.
const claimMargin = 2 * time.Minute

// jobBudget is the longest one draft job may take: a draft that leaks is
// asked for again (leakAttempts model drafts, each within the call
// budget), then stored and sent.
func jobBudget(l config.LLM) time.Duration {
	return leakAttempts*l.CallBudget() + claimMargin
}

// New builds the service. model may be nil (every draft is then built
// offline); sender may be nil for a tool that never starts the worker.
// The prompt templates are loaded here, from llm.prompts_dir when set,
// else the embedded ones: a template that does not parse is returned as
// the error, and serve must not start without them.
func New(cfg *config.Config, st *store.Store, sender bot.Sender, model Completer) (*Service, error) {
	set, err := loadPrompts(cfg.LLM.PromptsDir)
	if err != nil {
		return nil, err
	}
	loss, err := cases.NewLossSet(cfg.Cases.LossOutcomes)
	if err != nil {
		return nil, err
	}
	if isNil(model) {
		model = nil
	}
	rdb, k := st.Client(), st.Keys()
	drafts := NewDrafts(rdb, k)
	queue := NewQueue(rdb, k)
	now := func() time.Time { return st.Now() }
	log := audit.New(rdb, k, cfg.Audit.MaxLen)
	log.Now = now
	attach := decision.NewService(st, log, cfg.Explain.MaxDocumentBytes)
	attach.Now = now
	gen := &Generator{LLM: model, Prompts: set, Drafts: drafts, Decisions: attach.Decisions, Loss: loss, Location: cfg.Location, Now: now,
		MaxInputChars: cfg.LLM.MaxInputChars, Privacy: privacyOptions(cfg.Privacy)}
	source := cfg.Explain.Source
	if source == "" {
		source = cfg.Bulletin.Issuer
	}
	s := &Service{Drafts: drafts, Queue: queue, Gen: gen, Store: st, Attach: attach, Audit: log,
		Reviews: NewReviews(rdb, k), Source: source, Location: cfg.Location}
	attach.Attached = s.anonymizeAttached
	if model != nil {
		s.Limit = llm.NewUserLimit(rdb, k, cfg.LLM.UserPerHour, time.Hour)
	}
	// Held jobs are renewed by the worker's heartbeat, so a slow draft is
	// never taken over; the safety net (ClaimIdle) covers the longest a
	// live worker may hold one, see jobBudget.
	s.Worker = &Worker{
		Queue: queue, Store: st, Gen: gen, Sender: sender,
		Concurrency: cfg.LLM.MaxConcurrency,
		Heartbeat:   cfg.Inbox.Heartbeat,
		ClaimIdle:   jobBudget(cfg.LLM),
	}
	return s, nil
}

// privacyOptions turns the privacy section into the anonymizer's options.
func privacyOptions(p config.Privacy) privacy.Options {
	o := privacy.Options{KeepOfficials: p.KeepOfficials}
	if p.Numbers() {
		o.Numbering = privacy.Digits
	}
	return o
}

// loadPrompts loads the embedded templates, or those in dir.
func loadPrompts(dir string) (*prompts.Set, error) {
	if dir == "" {
		return prompts.Load()
	}
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return nil, fmt.Errorf("配置 llm.prompts_dir=%q 不是可读的目录", dir)
	}
	return prompts.LoadFS(os.DirFS(dir))
}

// isNil catches a nil *llm.Client passed as a Completer, which is not a
// nil interface and would be called.
func isNil(c Completer) bool {
	if c == nil {
		return true
	}
	v := reflect.ValueOf(c)
	return v.Kind() == reflect.Pointer && v.IsNil()
}

// SetLog sends the service's logs to l.
func (s *Service) SetLog(l *slog.Logger) {
	s.Gen.Log, s.Worker.Log = l, l
}

// Start starts the worker that writes and delivers queued drafts.
func (s *Service) Start(ctx context.Context) error {
	if s.Worker.Sender == nil {
		return errors.New("explain: the worker needs a sender")
	}
	return s.Worker.Start(ctx)
}

// Stop stops the worker, letting drafts in flight finish until ctx ends.
func (s *Service) Stop(ctx context.Context) error { return s.Worker.Stop(ctx) }

// ModelConfigured reports whether drafts are written by a model.
func (s *Service) ModelConfigured() bool { return s.Gen.LLM != nil }

// LimitedError says a user has used up their model drafts for now.
type LimitedError struct {
	Limit int
	// Next is when the next draft may be asked for.
	Next time.Time
}

func (e *LimitedError) Error() string {
	return fmt.Sprintf("user draft limit of %d per hour reached until %s", e.Limit, e.Next.Format(time.RFC3339))
}

// Request queues a draft of job.Number for job.User, after taking one of
// the user's hourly model drafts (a *LimitedError when none is left). The
// caller has checked that the user may ask and the case is closed.
func (s *Service) Request(ctx context.Context, j Job) (string, error) {
	if s.Limit != nil {
		ok, next, err := s.Limit.Allow(ctx, j.User)
		if err != nil {
			return "", err
		}
		if !ok {
			return "", &LimitedError{Limit: s.Limit.Limit(), Next: next}
		}
	}
	return s.Queue.Submit(ctx, j)
}

// Latest returns the newest stored draft of a case, or ErrNoDraft.
func (s *Service) Latest(ctx context.Context, number string) (*Draft, error) {
	return s.Drafts.Latest(ctx, number)
}
