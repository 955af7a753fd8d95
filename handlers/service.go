package handlers

import (
	"context"
	"fmt"
	"time"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/cases"
	"casebot/bot/decision"
	"casebot/bot/intent"
	"casebot/bot/people"
	"casebot/bot/scope"
	"casebot/bot/store"
	"casebot/config"
	"casebot/reminders"
)

// service is what the query, update and directory handlers share: the
// store, the scoping rule, the 败诉 set, the audit log and the settings
// they read from configuration once.
type service struct {
	st  *store.Store
	cfg *config.Config
	// decisions are the decisions attached to cases, read to say whether
	// one is (判决书传了没); bot/decision writes them.
	decisions *decision.Store
	// reminders, when wired, say whether a hearing's reminder was sent and
	// answered (提醒发了没); nil when the reminders do not run.
	reminders *reminders.Service
	scope     scope.Policy
	loss      cases.LossSet
	audit     *audit.Log
	courts    []string
	pageSize  int

	bulletins *bulletinHandlers
	explains  *explainHandlers
	files     Files // nil: the app page is not set up
	// reader asks the model to read what the rules leave; nil when the
	// model is not configured or chat.model is off.
	reader *modelReader
	// onAnswer, when set (tests), sees every question answered.
	onAnswer func(bot.Context, intent.Understanding, answer)
}

// newService builds the service from validated configuration. The
// configuration was checked at start (config.Validate), so a failure here
// is a programming error.
func newService(d Deps) *service {
	pol, err := scope.New(d.Config.Scope)
	if err != nil {
		panic(fmt.Sprintf("handlers: %v", err))
	}
	loss, err := cases.NewLossSet(d.Config.Cases.LossOutcomes)
	if err != nil {
		panic(fmt.Sprintf("handlers: %v", err))
	}
	size := d.Config.Query.PageSize
	if size <= 0 {
		size = 8
	}
	maxLen := d.Config.Audit.MaxLen
	if maxLen <= 0 {
		maxLen = config.Default().Audit.MaxLen
	}
	s := &service{
		st: d.Store, cfg: d.Config, scope: pol, loss: loss,
		audit:  audit.New(d.Store.Client(), d.Store.Keys(), maxLen),
		courts: d.Config.Query.Courts, pageSize: size, files: d.Files,
		decisions: decision.NewStore(d.Store.Client(), d.Store.Keys()), reminders: d.Reminders,
	}
	s.reader = newModelReader(s, d.Config)
	return s
}

// clock is the store's clock, for rendering without a Context.
func (s *service) clock() time.Time { return s.st.Now() }

// updateOptions are what ParseUpdate needs at now.
func (s *service) updateOptions(now time.Time) intent.Options {
	return intent.Options{Now: now, Courts: s.courts}
}

// record writes an audit entry for what c's sender did. An audit failure
// is returned: a query that cannot be audited is not answered silently.
func (s *service) record(c bot.Context, action, kind string, results int, numbers []string, detail string) error {
	return s.audit.Record(c.Ctx(), s.entry(c, action, kind, results, numbers, detail))
}

func (s *service) entry(c bot.Context, action, kind string, results int, numbers []string, detail string) audit.Entry {
	e := audit.Entry{At: c.Now(), User: c.UserID(), Action: action, Kind: kind, Text: c.Message().Text,
		Results: results, Cases: numbers, Detail: detail}
	if e.Text == "" && c.Message().EventKey != "" {
		e.Text = c.Message().Event + ":" + c.Message().EventKey
	}
	if e.Text == "" && c.Message().Event != "" {
		e.Text = "event:" + c.Message().Event
	}
	if p := c.Person(); p != nil {
		e.Name, e.Role = p.Name, string(p.Role)
	}
	return e
}

// visible loads the cases stored under numbers, in order, keeping those
// viewer may see and keep accepts (nil keeps all).
func (s *service) visible(ctx context.Context, viewer *people.Person, numbers []string, keep func(*cases.Case) bool) ([]*cases.Case, error) {
	cs, err := s.st.GetMany(ctx, numbers)
	if err != nil {
		return nil, err
	}
	out := cs[:0]
	for _, c := range cs {
		if c != nil && s.scope.CanSee(viewer, c) && (keep == nil || keep(c)) {
			out = append(out, c)
		}
	}
	return out, nil
}
