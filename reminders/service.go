// Package reminders sends hearing reminders to the agency heads who must
// appear in court (负责人出庭应诉), with the agency's 承办人 copied, exactly
// once, on China's work calendar; takes their answers by card button;
// escalates unconfirmed hearings to the bureau; tells those reminded when a
// hearing moves or is cancelled; and asks afterwards whether the head
// appeared.
//
// What is due at an instant is a function of the ledger, the directory,
// the calendar, the configuration and the send log (Due); a sweep (Sweep)
// sends it through the one send-once mechanism (bot/sendlog: each push
// under an id naming its items, recorded only once WeCom accepted it).
// Sweeps run every five minutes (bot/sweep) under a Redis lock, so a
// restart at any minute loses nothing and two replicas send nothing twice.
package reminders

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/robfig/cron/v3"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/cases"
	"casebot/bot/deadline"
	"casebot/bot/keys"
	"casebot/bot/lock"
	"casebot/bot/scope"
	"casebot/bot/store"
	"casebot/bot/sweep"
	"casebot/config"
)

const (
	// sendNS is the send-log namespace of every reminder push.
	sendNS = keys.RemindSendNS
	// sweepLock names the lease one replica holds while sweeping.
	sweepLock = "remind-sweep"
	// sweepLockTTL bounds a dead sweeper's hold; a live one renews it.
	sweepLockTTL = 4 * time.Minute
)

// Service plans and sends hearing reminders and handles the answers.
type Service struct {
	cfg    config.Reminders
	loc    *time.Location
	sched  Schedule
	st     *store.Store
	rdb    redis.UniversalClient
	k      keys.Keys
	sender bot.Sender
	scope  scope.Policy
	// dl times deadline pushes; loss says which outcomes are 败诉; audit
	// records what card buttons change in the ledger.
	dl    deadlineSchedule
	loss  cases.LossSet
	audit *audit.Log
	// leaders are the 分管领导 by agency or 案由 (risk.leaders).
	leaders map[string][]string
	// calendar, with reminders.calendar_events, keeps hearings in the
	// heads' WeCom calendars.
	calendar bot.Calendar
	// rectifyPage is the app page's address for uploading a 整改 report
	// (empty while app.base_url is unset), named on the request cards.
	rectifyPage string

	// Now is the clock of scheduled sweeps. It defaults to time.Now.
	Now func() time.Time
	// Log receives sweep errors and problems nobody can be told about.
	Log *slog.Logger
	// Delivered, when set, is called after WeCom accepted a push, with the
	// items the push carried (for metrics and audit).
	Delivered func(Delivery)

	mu     sync.Mutex
	runner *sweep.Runner
	// warnedDay is the last day the calendar's coverage was warned about.
	warnedDay Day
	// parts are the times of personal reminders set for a part of the day.
	parts DayParts
}

// Delivery is one push WeCom accepted.
type Delivery struct {
	At    time.Time
	Items []Item
	Out   bot.Outbound
}

// New builds the service from the configuration: the work calendar
// (reminders.calendar or the built-in one), the schedule, the scoping rule.
func New(cfg *config.Config, st *store.Store, sender bot.Sender) (*Service, error) {
	cal, err := LoadCalendar(cfg.Reminder.Calendar)
	if err != nil {
		return nil, fmt.Errorf("配置 reminders.calendar：%w", err)
	}
	loc := cfg.Location
	if loc == nil {
		loc = time.FixedZone("CST", 8*3600)
	}
	sched, err := NewSchedule(cfg.Reminder, cal, loc)
	if err != nil {
		return nil, err
	}
	pol, err := scope.New(cfg.Scope)
	if err != nil {
		return nil, err
	}
	if cfg.Reminder.MaxAttempts < 1 {
		return nil, fmt.Errorf("配置 reminders.max_attempts=%d 至少为 1", cfg.Reminder.MaxAttempts)
	}
	if cfg.Reminder.RetryBackoff <= 0 {
		return nil, fmt.Errorf("配置 reminders.retry_backoff 应为正数，例如 5m")
	}
	if _, err := cron.ParseStandard(cfg.Reminder.Sweep); err != nil {
		return nil, fmt.Errorf("配置 reminders.sweep=%q 不是有效的 cron 表达式（例如 */5 * * * *）：%w", cfg.Reminder.Sweep, err)
	}
	dl, err := newDeadlineSchedule(cfg)
	if err != nil {
		return nil, err
	}
	loss, err := cases.NewLossSet(cfg.Cases.LossOutcomes)
	if err != nil {
		return nil, err
	}
	parts, err := dayParts(cfg.Reminder.PersonalMorning, cfg.Reminder.PersonalAfternoon, cfg.Reminder.PersonalEvening)
	if err != nil {
		return nil, err
	}
	var calendar bot.Calendar
	if cfg.Reminder.CalendarEvents {
		c, ok := sender.(bot.Calendar)
		if !ok {
			return nil, fmt.Errorf("配置 reminders.calendar_events：当前的消息通道不支持企业微信日程")
		}
		calendar = c
	}
	return &Service{
		calendar: calendar, parts: parts,
		cfg: cfg.Reminder, loc: loc, sched: sched, st: st, rdb: st.Client(), k: st.Keys(),
		sender: sender, scope: pol, dl: dl, loss: loss, audit: audit.New(st.Client(), st.Keys(), cfg.Audit.MaxLen),
		leaders: cfg.Risk.RiskLeaders(), rectifyPage: RectifyPage(cfg),
		Now: time.Now, Log: slog.Default(),
	}, nil
}

// Schedule returns the schedule in force.
func (s *Service) Schedule() Schedule { return s.sched }

func (s *Service) now() time.Time { return s.Now().In(s.loc) }

// Start schedules sweeps (reminders.sweep, in the configured time zone) and
// runs one at once, so a restart catches up without waiting. Cron only
// triggers: the work is Sweep. Start does nothing when reminders are
// disabled.
func (s *Service) Start(ctx context.Context) error {
	if !s.cfg.Enabled {
		s.Log.Info("hearing reminders are disabled (reminders.enabled=false)")
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.runner != nil {
		return errors.New("reminders already started")
	}
	r := &sweep.Runner{Name: "reminder sweep", Specs: []string{s.cfg.Sweep}, Location: s.loc,
		Now: s.now, Log: s.Log,
		Run: func(ctx context.Context, now time.Time) error {
			_, err := s.Sweep(ctx, now)
			return err
		}}
	if err := r.Start(ctx); err != nil {
		return fmt.Errorf("配置 reminders.sweep：%w", err)
	}
	s.runner = r
	return nil
}

// Stop stops scheduling and waits, until ctx ends, for a running sweep.
func (s *Service) Stop(ctx context.Context) error {
	s.mu.Lock()
	r := s.runner
	s.runner = nil
	s.mu.Unlock()
	if r == nil {
		return nil
	}
	return r.Stop(ctx)
}

// Report says what one sweep did.
type Report struct {
	// Skipped is true when another replica held the sweep lock.
	Skipped bool
	// Sent counts pushes WeCom accepted; Failed those that failed (to be
	// retried or reported); Busy those another sender was sending.
	// Deferred those the recipient's rate limit put off (tried again
	// at their time, not counted as attempts).
	Sent, Failed, Busy, Deferred int
}

// Sweep sends everything due at now that is not sent yet: notices of
// changed hearings first, then reports of missing recipients, reminders,
// escalations, attendance questions and reports of failed sends. Only one
// replica sweeps at a time; the others return a Report with Skipped set.
func (s *Service) Sweep(ctx context.Context, now time.Time) (Report, error) {
	var rep Report
	held, err := lock.Hold(ctx, s.rdb, s.k.Lock(sweepLock), sweepLockTTL, func(ctx context.Context) error {
		s.checkCalendar(now)
		r := &run{s: s, now: now.In(s.loc), rep: &rep}
		dir, dests, err := s.directory(ctx)
		if err != nil {
			return err
		}
		if err := r.changes(ctx, dir, dests); err != nil {
			return err
		}
		if err := r.syncSchedules(ctx, dir); err != nil {
			return err
		}
		items, err := s.hearingPass(ctx, r.now, dir, dests)
		if err != nil {
			return err
		}
		dls, err := s.deadlinePass(ctx, r.now, dir, dests)
		if err != nil {
			return err
		}
		notes, err := s.noteItems(ctx, r.now, true)
		if err != nil {
			return err
		}
		return r.send(ctx, append(append(items, dls...), notes...), dests)
	})
	if err == nil && !held {
		rep.Skipped = true
	}
	if err != nil && !held {
		err = fmt.Errorf("take sweep lock: %w", err)
	}
	return rep, err
}

// hearingPass plans the hearing pushes a sweep at now sends.
func (s *Service) hearingPass(ctx context.Context, now time.Time, dir *Directory, dests []string) ([]Item, error) {
	upcoming, past, err := s.window(ctx, now)
	if err != nil {
		return nil, err
	}
	return s.plan(ctx, now, upcoming, past, dir, dests, true)
}

// deadlinePass asks for the 整改 reports new losses call for and plans the
// deadline, 整改 and risk pushes a sweep at now sends.
func (s *Service) deadlinePass(ctx context.Context, now time.Time, dir *Directory, dests []string) ([]Item, error) {
	if err := s.requestRectifications(ctx, now); err != nil {
		return nil, err
	}
	return s.deadlineItems(ctx, now, dir, dests, true)
}

// checkCalendar warns, once a day, when the work calendar does not know the
// holidays of the current year or, in December, of the coming one: without
// them, holidays are taken for working days.
func (s *Service) checkCalendar(now time.Time) {
	today := DateOf(now, s.loc)
	s.mu.Lock()
	warned := s.warnedDay == today
	s.warnedDay = today
	s.mu.Unlock()
	if warned {
		return
	}
	for _, y := range []int{today.Year, today.Year + 1} {
		if y > today.Year && today.Month != time.December {
			break
		}
		if !s.sched.Cal.Covers(y) {
			s.Log.Warn("the work calendar does not cover this year: holidays and 调休 days are unknown, Monday-Friday is assumed; "+
				"add the State Council notice to a calendar file and set reminders.calendar (see README, 开庭提醒)",
				"year", y, "calendar", s.sched.Cal.Name)
		}
	}
}

// SweepHearing sends what one hearing has due at now, without the sweep
// lock (each push is still claimed): used right after 更换出庭人 so the new
// head is reminded at once. It returns how many pushes went out.
func (s *Service) SweepHearing(ctx context.Context, ref cases.HearingRef, now time.Time) (int, error) {
	number, id, err := ref.Split()
	if err != nil {
		return 0, err
	}
	c, err := s.st.Get(ctx, number)
	if err != nil {
		return 0, err
	}
	h := c.Hearing(id)
	if h == nil || h.Cancelled || !now.Before(h.At) {
		return 0, nil
	}
	dir, dests, err := s.directory(ctx)
	if err != nil {
		return 0, err
	}
	now = now.In(s.loc)
	items, err := s.plan(ctx, now, []store.ScheduledHearing{{Case: c, Hearing: *h}}, nil, dir, dests, true)
	if err != nil {
		return 0, err
	}
	var rep Report
	r := &run{s: s, now: now, rep: &rep}
	err = r.send(ctx, items, dests)
	return rep.Sent, err
}

// Due returns what a sweep at now would send, without sending or writing
// anything: the dry run of `casebot remind`. Pushes waiting out a retry
// backoff are left out, as the sweep would.
func (s *Service) Due(ctx context.Context, now time.Time) ([]Item, error) {
	now = now.In(s.loc)
	dir, dests, err := s.directory(ctx)
	if err != nil {
		return nil, err
	}
	notices, err := s.pendingNotices(ctx, now, dests)
	if err != nil {
		return nil, err
	}
	upcoming, past, err := s.window(ctx, now)
	if err != nil {
		return nil, err
	}
	items, err := s.plan(ctx, now, upcoming, past, dir, dests, false)
	if err != nil {
		return nil, err
	}
	dls, err := s.deadlineItems(ctx, now, dir, dests, false)
	if err != nil {
		return nil, err
	}
	// The 整改 requests the sweep would make, and their cards.
	ask, err := s.pendingRectifications(ctx, now)
	if err != nil {
		return nil, err
	}
	var dds []store.DueDeadline
	for _, c := range ask {
		if d, ok := s.st.Deadlines.Find(c, deadline.Rectify); ok {
			dds = append(dds, store.DueDeadline{Case: c, Deadline: d})
		}
	}
	reqs, err := s.deadlinePlan(ctx, now, dds, dir, dests, false)
	if err != nil {
		return nil, err
	}
	notes, err := s.noteItems(ctx, now, false)
	if err != nil {
		return nil, err
	}
	items = append(append(append(append(notices, items...), dls...), reqs...), notes...)
	sortItems(items)
	return items, nil
}

// open returns the candidates still to send at now, with the reports of
// pushes given up: it reads the send log, the failure records and (for
// occs) the answers. With a zero now, retry backoff is ignored: the result
// is everything not yet done with.
func (s *Service) open(ctx context.Context, now time.Time, cands []Item, occs []string, dests []string) ([]Item, error) {
	l, err := s.loadLedger(ctx, itemIDs(cands), occs)
	if err != nil {
		return nil, err
	}
	return s.openIn(ctx, now, cands, l, dests)
}

// itemIDs returns the send-log ids of items.
func itemIDs(items []Item) []string {
	ids := make([]string, len(items))
	for i, it := range items {
		ids[i] = it.ID
	}
	return ids
}

// openIn is open with the send log of cands already read into l.
func (s *Service) openIn(ctx context.Context, now time.Time, cands []Item, l *ledger, dests []string) ([]Item, error) {
	items := s.filter(now, cands, l, dests)
	// Reports of given-up pushes are new ids: look them up too.
	var reportIDs []string
	for _, it := range items {
		if it.Kind == Failed {
			reportIDs = append(reportIDs, it.ID)
		}
	}
	if len(reportIDs) == 0 {
		return items, nil
	}
	rl, err := s.loadLedger(ctx, reportIDs, nil)
	if err != nil {
		return nil, err
	}
	kept := items[:0]
	for _, it := range items {
		if it.Kind == Failed {
			if rl.done[it.ID] {
				continue
			}
			if t, ok := rl.tries[it.ID]; ok && (t.GaveUp || !now.IsZero() && now.Before(t.Next)) {
				continue
			}
		}
		kept = append(kept, it)
	}
	return kept, nil
}

// directory loads the people directory and the staff destinations.
func (s *Service) directory(ctx context.Context) (*Directory, []string, error) {
	ps, err := s.st.People(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("load directory: %w", err)
	}
	dir := NewDirectory(ps)
	return dir, s.staffDests(dir), nil
}

// window loads the hearings that can have anything due at now: those yet
// to start up to the schedule's horizon, and those started recently enough
// for the attendance question.
func (s *Service) window(ctx context.Context, now time.Time) (upcoming, past []store.ScheduledHearing, err error) {
	upcoming, err = s.st.HearingsBetween(ctx, now.Add(time.Second), s.sched.Horizon(now))
	if err != nil {
		return nil, nil, fmt.Errorf("load hearings: %w", err)
	}
	if s.sched.AttendanceAfter > 0 {
		past, err = s.st.HearingsBetween(ctx, now.Add(-s.sched.AttendanceWithin), now.Add(-s.sched.AttendanceAfter+time.Second))
		if err != nil {
			return nil, nil, fmt.Errorf("load past hearings: %w", err)
		}
	}
	return upcoming, past, nil
}

// plan returns the pushes due at now for the given hearings. With assign,
// hearings get their compact ids (a sweep); without, nothing is written (a
// dry run), and a hearing without an id has simply sent nothing yet.
func (s *Service) plan(ctx context.Context, now time.Time, upcoming, past []store.ScheduledHearing, dir *Directory, dests []string, assign bool) ([]Item, error) {
	all := append(append([]store.ScheduledHearing(nil), upcoming...), past...)
	refs := make([]cases.HearingRef, len(all))
	for i, sh := range all {
		refs[i] = sh.Ref()
	}
	hids, err := s.hids(ctx, refs, assign)
	if err != nil {
		return nil, fmt.Errorf("hearing ids: %w", err)
	}
	fields := make([]string, 0, len(all))
	for i, sh := range all {
		if hid := hids[refs[i]]; hid != "" {
			fields = append(fields, epochField(hid, sh.Hearing.At))
		}
	}
	epochs, err := s.epochs(ctx, fields)
	if err != nil {
		return nil, fmt.Errorf("hearing epochs: %w", err)
	}

	var cands []Item
	var occs []string
	for i, sh := range all {
		hid := hids[refs[i]]
		if hid == "" {
			hid = "new" // nothing was sent for it: no send-log entry can match
		}
		o := occurrence{sh: sh, occ: occID(hid, sh.Hearing.At, epochs[epochField(hid, sh.Hearing.At)])}
		its := s.candidates(now, o, dir, dests, i < len(upcoming))
		cands = append(cands, its...)
		if len(its) > 0 {
			occs = append(occs, o.occ)
		}
	}
	items, err := s.open(ctx, now, cands, occs, dests)
	if err != nil {
		return nil, fmt.Errorf("load send log: %w", err)
	}
	return items, nil
}
