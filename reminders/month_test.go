package reminders

import (
	"context"
	"fmt"
	"hash/fnv"
	"io"
	"log/slog"
	"math/rand/v2"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"casebot/bot"
	"casebot/bot/bulletin"
	"casebot/bot/cases"
	"casebot/bot/people"
	"casebot/bot/redistest"
	"casebot/bot/store"
	"casebot/config"
)

// The simulated month: 160 cases (320 with REMIND_MONTHS=2) with hearings from 2025-09-22 to
// 2025-10-24, across weekends, the 国庆 block (10-01..08) and its two 调休
// working days (Sunday 09-28, Saturday 10-11). The clock steps every five
// minutes from 09-20 to 10-27; at each step two replicas (Service
// instances on the same Redis) sweep at once, each restarted at random
// minutes, and both are down for random stretches (and three chosen ones:
// across a 16:00 and an 08:00). WeCom refuses some cards (one recipient at
// one sweep in forty), which are retried with backoff. Hearings are moved
// and cancelled, heads click 确认出庭 or 无法出庭, 承办人 answer the
// attendance question.
//
// The expected sends are computed here from an independent model of the
// schedule (the holidays are written out below, not read from the
// calendar file), the truth of every hearing over time and the instants
// at which some replica swept. Everything is seeded: a failure names the
// seed, and REMIND_SEED=<seed> replays it.

const simStep = 5 * time.Minute

var (
	simStart = at("2025-09-20 00:00")
	simEnd   = at("2025-10-27 00:00")
	// The model's calendar for the month, from the 2025 notice.
	simOff  = dayRange("2025-10-01", "2025-10-08")
	simWork = map[Day]bool{day("2025-09-28"): true, day("2025-10-11"): true}
)

func dayRange(from, to string) map[Day]bool {
	out := map[Day]bool{}
	for d := day(from); !day(to).Before(d); d = d.AddDays(1) {
		out[d] = true
	}
	return out
}

func simWorkday(d Day) bool {
	if simWork[d] {
		return true
	}
	wd := d.Weekday()
	return !simOff[d] && wd != time.Saturday && wd != time.Sunday
}

// simSlots is the model of the schedule under the default configuration:
// 16:00 the day before; when that is not a working day, also 16:00 on the
// last working day before it; 08:00 on the day; none at or after the start.
func simSlots(hearing time.Time) map[Kind]time.Time {
	out := map[Kind]time.Time{}
	d := DateOf(hearing, shanghai)
	prev := d.AddDays(-1)
	if !simWorkday(prev) {
		w := prev.AddDays(-1)
		for !simWorkday(w) {
			w = w.AddDays(-1)
		}
		out[WorkdayBefore] = w.At(Clock{Hour: 16, Minute: 0}, shanghai)
	}
	out[DayBefore] = prev.At(Clock{Hour: 16, Minute: 0}, shanghai)
	out[DayOf] = d.At(Clock{Hour: 8, Minute: 0}, shanghai)
	for k, due := range out {
		if !due.Before(hearing) {
			delete(out, k)
		}
	}
	return out
}

// simPeriod is one hearing at one time, from the step it was set (from)
// to the step it was moved or cancelled (to; zero while it stands).
type simPeriod struct {
	ref           cases.HearingRef
	number        string
	head, handler string
	// co are the recipients of a co-defendant agency: its heads (the
	// named head is not one of its people) and its handler, reminded as
	// the first agency's head and handler are.
	co, coHandlers []string
	at, from, to   time.Time
	confirmedAt    time.Time
	clickPlanned   bool
	answerPlanned  bool
}

type simEvent struct {
	ref    cases.HearingRef
	cancel bool
	to     time.Time
}

type simAction struct {
	p      *simPeriod
	task   string
	user   string
	action string
}

type sim struct {
	t      *testing.T
	seed   uint64
	rng    *rand.Rand
	st     *store.Store
	cfg    *config.Config
	sender *fakeSender

	// clock is the instant being swept; WeCom's refusals depend on it.
	clock time.Time

	mu         sync.Mutex // guards everything below against the replicas' callbacks
	periods    []*simPeriod
	live       map[cases.HearingRef]*simPeriod
	cancelled  map[cases.HearingRef]bool
	used       map[cases.HearingRef]map[int64]bool
	events     map[int64][]simEvent
	actions    map[int64][]simAction
	ups        []time.Time
	deliveries []Delivery
	problems   []string
	appeared   map[cases.HearingRef]bool
	stats      map[string]int
	deadlines  []*simDeadline
	// attend holds the instants an attendance question can fall due (two
	// hours after a hearing), for the sweeps to be taken then.
	attend map[int64]bool
}

func (m *sim) problem(format string, args ...any) {
	if len(m.problems) < 50 {
		m.problems = append(m.problems, fmt.Sprintf(format, args...))
	}
}

// hash decides per-item things (who clicks what, when) from the seed and a
// stable name, so that the order in which replicas deliver changes nothing.
func (m *sim) hash(s string) uint64 {
	h := fnv.New64a()
	fmt.Fprintf(h, "%d:%s", m.seed, s)
	return h.Sum64()
}

// monthCases is how many cases each simulated month is seeded with:
// enough for every kind of push many times over (the month asserts each);
// each sweep reads them all.
const monthCases = 160

func TestSimulatedMonth(t *testing.T) {
	if testing.Short() {
		t.Skip("the simulated month takes a while; run without -short")
	}
	// One month by default: the whole suite's CPU is CI's budget, and a
	// month costs about 40 s of it under -race. REMIND_MONTHS=2 runs a
	// second seed side by side, each in its own world (another draw of
	// clicks, moves, outages and refusals; most of each month's time is
	// waiting on Redis, which the other one fills).
	seeds := []uint64{20251001}
	if os.Getenv("REMIND_MONTHS") == "2" {
		seeds = append(seeds, 20251002)
	}
	if s := os.Getenv("REMIND_SEED"); s != "" {
		n, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			t.Fatalf("REMIND_SEED=%q: %v", s, err)
		}
		seeds = []uint64{n}
	}
	for _, seed := range seeds {
		t.Run(fmt.Sprintf("seed=%d", seed), func(t *testing.T) {
			t.Parallel()
			t.Logf("seed %d (replay with REMIND_SEED=%d)", seed, seed)
			simulateMonth(t, seed)
		})
	}
}

func simulateMonth(t *testing.T, seed uint64) {
	rdb, k := redistest.New(t)
	cfg := config.MustDefault()
	cfg.Reminder.StaffChat = chatID
	st := store.New(rdb, k)
	m := &sim{t: t, seed: seed, rng: rand.New(rand.NewPCG(seed, seed^0x5eed)), st: st, cfg: cfg,
		sender: newFakeSender(st), live: map[cases.HearingRef]*simPeriod{}, cancelled: map[cases.HearingRef]bool{},
		used: map[cases.HearingRef]map[int64]bool{}, events: map[int64][]simEvent{}, actions: map[int64][]simAction{},
		appeared: map[cases.HearingRef]bool{}, stats: map[string]int{}, attend: map[int64]bool{}}
	m.sender.fail = m.refuse
	m.seedLedger(monthCases)
	m.run()
	m.check()
}

// workdays lists the model's working days from..to.
func workdays(from, to Day) []Day {
	var out []Day
	for d := from; !to.Before(d); d = d.AddDays(1) {
		if simWorkday(d) {
			out = append(out, d)
		}
	}
	return out
}

// hearingTime picks a court time on day d: 08:30 to 16:30, sometimes 07:45
// (before the 08:00 reminder).
func (m *sim) hearingTime(d Day) time.Time {
	if m.rng.IntN(20) == 0 {
		return d.At(Clock{Hour: 7, Minute: 45}, shanghai)
	}
	n := m.rng.IntN(17)
	return d.At(Clock{Hour: 8 + (30+30*n)/60, Minute: (30 + 30*n) % 60}, shanghai)
}

func (m *sim) seedLedger(n int) {
	ctx := context.Background()
	const nAgencies = 24
	var ps []*people.Person
	agencyName := func(i int) string { return fmt.Sprintf("某县第%02d局", i+1) }
	for i := range nAgencies {
		a := agencyName(i)
		ps = append(ps,
			&people.Person{UserID: fmt.Sprintf("h%02da", i), Name: fmt.Sprintf("甲%02d", i), Role: people.Head, Agency: a, Post: "局长"},
			&people.Person{UserID: fmt.Sprintf("h%02db", i), Name: fmt.Sprintf("乙%02d", i), Role: people.Head, Agency: a, Post: "副局长"},
			&people.Person{UserID: fmt.Sprintf("c%02d", i), Name: fmt.Sprintf("丙%02d", i), Role: people.Handler, Agency: a, Post: "法制股股长"})
	}
	ps = append(ps, &people.Person{UserID: "staff1", Name: "陈专班", Role: people.Staff},
		&people.Person{UserID: "staff2", Name: "刘专班", Role: people.Staff})
	if err := m.st.PutPeople(ctx, ps); err != nil {
		m.t.Fatal(err)
	}

	days := workdays(day("2025-09-22"), day("2025-10-24"))
	pickDay := func() Day {
		switch r := m.rng.IntN(100); {
		case r < 5:
			return day("2025-10-11") // 调休 Saturday
		case r < 8:
			return day("2025-09-28") // 调休 Sunday
		case r < 13:
			return day("2025-10-09") // first day after 国庆
		default:
			return days[m.rng.IntN(len(days))]
		}
	}
	var all []*cases.Case
	for i := range n {
		a := m.rng.IntN(nAgencies)
		num := cases.Number{Form: cases.CourtNumber, Court: "黔0115", Type: "行初", Year: 2025, Seq: 1000 + i}
		c := &cases.Case{Number: num.String(), Kind: num.Kind(), Stage: num.Stage(),
			Plaintiffs: []cases.Party{cases.NewParty("张三")}, Defendants: []string{agencyName(a)},
			Cause: "行政处罚", Court: "某县人民法院", FiledOn: at("2025-08-01 00:00"), Handler: fmt.Sprintf("丙%02d", a)}
		co := -1
		if m.rng.IntN(5) == 0 {
			co = (a + 1 + m.rng.IntN(nAgencies-1)) % nAgencies
			c.Defendants = append(c.Defendants, agencyName(co))
		}
		first := m.hearingTime(pickDay())
		hs := []time.Time{first}
		if m.rng.IntN(10) == 0 {
			for _, d := range days {
				if d.Before(DateOf(first, shanghai).AddDays(7)) {
					continue
				}
				hs = append(hs, m.hearingTime(d))
				break
			}
		}
		for _, h := range hs {
			id := c.AddHearing(cases.Hearing{At: h, Place: "第一法庭", Head: fmt.Sprintf("甲%02d", a), HeadPost: "局长", MustAppear: i%3 == 0})
			ref := cases.Ref(c.Number, id)
			p := &simPeriod{ref: ref, number: c.Number, head: fmt.Sprintf("h%02da", a), handler: fmt.Sprintf("c%02d", a), at: h, from: simStart}
			if co >= 0 {
				p.co = []string{fmt.Sprintf("h%02da", co), fmt.Sprintf("h%02db", co), fmt.Sprintf("c%02d", co)}
				p.coHandlers = []string{fmt.Sprintf("c%02d", co)}
			}
			m.periods = append(m.periods, p)
			m.live[ref] = p
			m.used[ref] = map[int64]bool{h.Unix(): true}
			// Some hearings move, some are cancelled, from four days to an
			// hour before they start.
			switch r := m.rng.IntN(100); {
			case r < 12:
				m.plan(p, false)
			case r < 18:
				m.plan(p, true)
			}
		}
		all = append(all, c)
	}
	all = append(all, m.seedDeadlines(40, 16)...)
	for _, p := range m.periods {
		m.attend[p.at.Add(2*time.Hour).Unix()] = true
	}
	if err := m.st.PutMany(ctx, all, nil); err != nil {
		m.t.Fatal(err)
	}
	m.stats["cases"] = len(all)
	m.stats["hearings"] = len(m.periods)
}

// plan schedules a move (to a time the hearing never had) or a
// cancellation of hearing p, before it starts.
func (m *sim) plan(p *simPeriod, cancel bool) {
	when := p.at.Add(-time.Hour - time.Duration(m.rng.IntN(4*24*12))*simStep).Truncate(simStep)
	if !when.After(simStart) {
		return
	}
	ev := simEvent{ref: p.ref, cancel: cancel}
	if !cancel {
		days := workdays(day("2025-09-22"), day("2025-10-24"))
		for range 20 {
			to := m.hearingTime(days[m.rng.IntN(len(days))])
			if to.After(when.Add(time.Hour)) && !m.used[p.ref][to.Unix()] {
				ev.to = to
				break
			}
		}
		if ev.to.IsZero() {
			return
		}
		m.used[p.ref][ev.to.Unix()] = true
	}
	m.events[when.Unix()] = append(m.events[when.Unix()], ev)
}

// failAt says whether WeCom refuses cards to recipient r at the sweep at u:
// one recipient-sweep in forty, for heads and 承办人 (not staff: the
// reports to them are not what this test is about).
func (m *sim) failAt(r string, u time.Time) bool {
	return !strings.HasPrefix(r, "staff") && !strings.HasPrefix(r, chatPrefix) && m.hash(fmt.Sprint("refuse:", r, u.Unix()))%40 == 0
}

func (m *sim) refuse(out bot.Outbound) error {
	if out.Card != nil && len(out.ToUsers) == 1 && m.failAt(out.ToUsers[0], m.clock) {
		m.mu.Lock()
		m.stats["cards refused by WeCom"]++
		m.mu.Unlock()
		return errTransient
	}
	return nil
}

// sentAt returns when a card first due at the sweep at u reaches r: at u,
// or, each time WeCom refuses it, at the first sweep after the backoff (5,
// 10, 20 minutes), as long as that is before until.
func (m *sim) sentAt(r string, u, until time.Time) (time.Time, bool) {
	for n := 1; m.failAt(r, u); n++ {
		if n == m.cfg.Reminder.MaxAttempts {
			m.t.Errorf("the model gives up a card to %s at %s: pick another seed", r, u)
			return time.Time{}, false
		}
		next, ok := m.upFrom(u.Add(m.cfg.Reminder.RetryBackoff<<(n-1)), until)
		if !ok {
			return time.Time{}, false
		}
		u = next
	}
	return u, true
}

// replica is one casebot process sweeping.
func (m *sim) replica() *Service {
	s, err := New(m.cfg, m.st, m.sender)
	if err != nil {
		m.t.Fatal(err)
	}
	s.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	s.Delivered = m.delivered
	return s
}

func (m *sim) run() {
	ctx := context.Background()
	reps := [2]*Service{m.replica(), m.replica()}
	forced := [][2]time.Time{
		{at("2025-09-30 15:50"), at("2025-09-30 16:40")}, // the last working day before 国庆
		{at("2025-10-10 07:30"), at("2025-10-10 09:10")}, // across 08:00; some hearings start meanwhile
		{at("2025-10-12 15:00"), at("2025-10-13 08:20")}, // overnight, Sunday to Monday
	}
	var downUntil, lastFailed time.Time
	wasDown := true // the first step is swept
	for now := simStart; now.Before(simEnd); now = now.Add(simStep) {
		m.apply(ctx, now)
		m.applyDeadlines(ctx, now)
		m.act(ctx, reps[0], now)
		down := now.Before(downUntil)
		for _, f := range forced {
			down = down || !now.Before(f[0]) && now.Before(f[1])
		}
		if !down && m.rng.IntN(400) == 0 {
			downUntil = now.Add(time.Duration(1+m.rng.IntN(36)) * simStep)
			m.stats["outages"]++
			down = true
		}
		if down {
			wasDown = true
			continue
		}
		// Sweeping every five minutes of a month is most of this test's
		// cost and most of those sweeps have nothing to do: sweep at every
		// instant something can fall due or change — the schedule's clock
		// times, two hours after each hearing, the step of and after a
		// change or a click, the first step after an outage, the half hour
		// after a refused card (its retries) — and at one quiet step in 24 (one
		// every two hours), so sweeps with nothing due are still checked to send nothing.
		if !m.due(now, wasDown, lastFailed) && m.rng.IntN(24) != 0 {
			m.stats["quiet steps not swept"]++
			continue
		}
		wasDown = false
		m.clock = now
		for i := range reps {
			if m.rng.IntN(60) == 0 {
				reps[i] = m.replica() // a restart: a new process, nothing kept in memory
				m.stats["restarts"]++
			}
		}
		var wg sync.WaitGroup
		var reports [2]Report
		var errs [2]error
		for i, s := range reps {
			wg.Add(1)
			go func() {
				defer wg.Done()
				reports[i], errs[i] = s.Sweep(ctx, now)
			}()
		}
		wg.Wait()
		swept := false
		for i := range reps {
			if errs[i] != nil {
				m.t.Fatalf("%s: replica %d: %v", now.Format(time.DateTime), i, errs[i])
			}
			if reports[i].Busy > 0 {
				m.t.Fatalf("%s: replica %d: %+v", now.Format(time.DateTime), i, reports[i])
			}
			swept = swept || !reports[i].Skipped
			if reports[i].Failed > 0 {
				lastFailed = now
			}
			if reports[i].Skipped {
				m.stats["sweeps skipped (lock held)"]++
			}
		}
		if swept {
			m.ups = append(m.ups, now)
		}
	}
}

// due says whether something can fall due or change at now (see run).
func (m *sim) due(now time.Time, afterOutage bool, lastFailed time.Time) bool {
	switch c := now.In(shanghai); {
	case afterOutage, c.Minute() == 0 && (c.Hour() == 8 || c.Hour() == 9 || c.Hour() == 16 || c.Hour() == 18):
		return true
	case !lastFailed.IsZero() && now.Sub(lastFailed) <= 45*time.Minute:
		return true
	}
	prev := now.Add(-simStep).Unix()
	if m.attend[now.Unix()] || len(m.events[now.Unix()]) > 0 || len(m.events[prev]) > 0 ||
		len(m.actions[now.Unix()]) > 0 || len(m.actions[prev]) > 0 {
		return true
	}
	for _, sd := range m.deadlines {
		if sd.done.Equal(now) {
			return true
		}
	}
	return false
}

// apply carries out the moves and cancellations planned for now, as an
// import or a chat update would: through the store, which records the
// change in the same transaction.
func (m *sim) apply(ctx context.Context, now time.Time) {
	for _, ev := range m.events[now.Unix()] {
		m.mu.Lock()
		p := m.live[ev.ref]
		m.mu.Unlock()
		if m.cancelled[ev.ref] || !p.at.After(now) {
			continue
		}
		number, id, _ := ev.ref.Split()
		if _, err := m.st.Update(ctx, number, func(c *cases.Case) error {
			if ev.cancel {
				c.Hearing(id).Cancelled = true
			} else if !c.MoveHearing(id, ev.to, now, "import") {
				return fmt.Errorf("move %s to %s refused", ev.ref, ev.to)
			}
			return nil
		}); err != nil {
			m.t.Fatal(err)
		}
		m.mu.Lock()
		p.to = now
		if ev.cancel {
			m.cancelled[ev.ref] = true
			m.stats["cancelled"]++
		} else {
			np := &simPeriod{ref: p.ref, number: p.number, head: p.head, handler: p.handler, co: p.co, coHandlers: p.coHandlers, at: ev.to, from: now}
			m.periods = append(m.periods, np)
			m.attend[ev.to.Add(2*time.Hour).Unix()] = true
			m.live[ev.ref] = np
			m.stats["moved"]++
			if m.rng.IntN(4) == 0 {
				m.plan(np, m.rng.IntN(3) == 0) // moved again, or cancelled after all
			}
		}
		m.mu.Unlock()
	}
}

// delivered checks each push WeCom accepted against the truth at that
// instant and plans the recipients' answers.
func (m *sim) delivered(d Delivery) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.deliveries = append(m.deliveries, d)
	for _, it := range d.Items {
		p := m.live[it.Hearing]
		standing := p != nil && !m.cancelled[it.Hearing] && p.at.Equal(it.At)
		switch {
		case it.Deadline != nil:
			for _, sd := range m.deadlines {
				if sd.number == it.Case && !sd.done.IsZero() && !d.At.Before(sd.done) && it.Kind != RectifyReview {
					m.problem("%s of %s to %s at %s: recorded done at %s", it.Kind, it.Case, it.Recipient, d.At, sd.done)
				}
			}
			continue
		case it.Kind.reminder() || it.Kind == Escalation:
			if !d.At.Before(it.At) {
				m.problem("%s %s to %s at %s: the hearing started at %s", it.Kind, it.Hearing, it.Recipient, d.At, it.At)
			}
			if !standing {
				m.problem("%s %s (%s) to %s at %s: the hearing is cancelled or moved", it.Kind, it.Hearing, it.At, it.Recipient, d.At)
			}
		case it.Kind == Attendance:
			if !standing || d.At.Before(it.At.Add(2*time.Hour)) {
				m.problem("attendance question %s (%s) at %s: not held or too early", it.Hearing, it.At, d.At)
			}
		case it.Kind == Rescheduled:
			if p == nil || m.cancelled[it.Hearing] || !p.at.Equal(it.NewAt) {
				m.problem("改期 notice %s at %s names %s; the hearing is at %v (cancelled %v)", it.Hearing, d.At, it.NewAt, p.at, m.cancelled[it.Hearing])
			}
		case it.Kind == Cancelled:
			if !m.cancelled[it.Hearing] {
				m.problem("取消 notice %s at %s: the hearing stands at %s", it.Hearing, d.At, p.at)
			}
		case it.Kind == CannotAppear:
		default:
			m.problem("unexpected %s about %s to %s", it.Kind, it.Hearing, it.Recipient)
		}
		if !standing || d.Out.Card == nil {
			continue
		}
		h := m.hash(it.ID)
		switch {
		case (it.Kind == DayBefore || it.Kind == WorkdayBefore) && it.Recipient == p.head && !p.clickPlanned && h%10 < 6:
			// Six heads in ten answer the card, within two hours.
			when := d.At.Add(time.Duration(h/10%24) * simStep)
			if !when.Before(p.at.Add(-simStep)) {
				continue
			}
			action := ActionConfirm
			if h/1000%10 == 0 {
				action = ActionCannot
			}
			p.clickPlanned = true
			m.actions[when.Unix()] = append(m.actions[when.Unix()], simAction{p: p, task: d.Out.Card.TaskID, user: it.Recipient, action: action})
		case it.Kind == Attendance && !p.answerPlanned:
			when := d.At.Add(time.Duration(1+h/10%12) * simStep)
			action := ActionAppeared
			if h/1000%10 < 3 {
				action = ActionNotAppear
			}
			p.answerPlanned = true
			m.actions[when.Unix()] = append(m.actions[when.Unix()], simAction{p: p, task: d.Out.Card.TaskID, user: it.Recipient, action: action})
		}
	}
}

// act presses the buttons planned for now.
func (m *sim) act(ctx context.Context, s *Service, now time.Time) {
	for _, a := range m.actions[now.Unix()] {
		task, err := s.Task(ctx, a.task)
		if err != nil {
			m.t.Fatalf("task %s: %v", a.task, err)
		}
		m.mu.Lock()
		standing := m.live[a.p.ref] == a.p && !m.cancelled[a.p.ref]
		m.mu.Unlock()
		out, err := s.Click(ctx, task, a.user, a.action, now)
		if err != nil {
			m.t.Fatalf("%s clicks %s on %s: %v", a.user, a.action, a.task, err)
		}
		if out.Card == nil {
			m.t.Fatalf("%s clicks %s on %s: no card update", a.user, a.action, a.task)
		}
		got := !strings.Contains(out.Card.ReplaceText, "已改期或取消")
		if got != standing {
			m.t.Fatalf("%s clicks %s on %s (%s): card says %q, hearing standing: %v", a.user, a.action, a.p.ref, a.p.at, out.Card.ReplaceText, standing)
		}
		if !standing {
			m.stats["clicks on stale cards"]++
			continue
		}
		switch a.action {
		case ActionConfirm:
			a.p.confirmedAt = now
			m.stats["确认出庭"]++
		case ActionCannot:
			if out.Await != QuestionCannot {
				m.t.Fatalf("无法出庭 asks %q", out.Await)
			}
			if _, err := s.Answer(ctx, QuestionCannot, task, a.user, "须出席市政府紧急会议", now); err != nil {
				m.t.Fatal(err)
			}
			m.stats["无法出庭"]++
		case ActionAppeared, ActionNotAppear:
			m.appeared[a.p.ref] = a.action == ActionAppeared
			m.stats["attendance answers"]++
		}
	}
}

// upFrom returns the first instant in [from, before) at which some replica
// swept.
func (m *sim) upFrom(from, before time.Time) (time.Time, bool) {
	i := sort.Search(len(m.ups), func(i int) bool { return !m.ups[i].Before(from) })
	if i < len(m.ups) && m.ups[i].Before(before) {
		return m.ups[i], true
	}
	return time.Time{}, false
}

func latest(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func earliest(a, b time.Time) time.Time {
	if !b.IsZero() && b.Before(a) {
		return b
	}
	return a
}

func simKey(ref cases.HearingRef, hearing time.Time, to, what string, sent time.Time) string {
	return fmt.Sprintf("%s|%s|%s|%s|%s", ref, hearing.In(shanghai).Format("01-02 15:04"), to, what, sent.In(shanghai).Format("01-02 15:04"))
}

func (m *sim) check() {
	t := m.t
	for _, p := range m.problems {
		t.Error(p)
	}
	ctx := context.Background()

	// What was sent, once per send-log id, and by what it is about.
	var got []string
	ids := map[string]int{}
	told := map[string]map[string]bool{} // ref|time → recipients reminded or escalated to
	kinds := map[Kind]int{}
	for _, d := range m.deliveries {
		for _, it := range d.Items {
			kinds[it.Kind]++
			if ids[it.ID]++; ids[it.ID] == 2 {
				t.Errorf("sent twice: %s (%s %s to %s)", it.ID, it.Kind, it.Hearing, it.Recipient)
			}
			what := string(it.Kind)
			switch it.Kind {
			case Rescheduled, Cancelled:
				what = "notice"
			case CannotAppear:
				continue
			}
			if it.tells() {
				k := fmt.Sprint(it.Hearing, "|", it.At.Unix())
				if told[k] == nil {
					told[k] = map[string]bool{}
				}
				told[k][it.Recipient] = true
			}
			if it.Deadline != nil {
				got = append(got, deadlineKey(it, d.At))
				continue
			}
			got = append(got, simKey(it.Hearing, it.At, it.Recipient, what, d.At))
		}
	}

	// What should have been sent, from the model.
	var want []string
	staff := []string{"chat:" + chatID, "staff1", "staff2"}
	for _, p := range m.periods {
		until := earliest(p.at, p.to)
		for k, due := range simSlots(p.at) {
			if u, ok := m.upFrom(latest(due, p.from), until); ok {
				for _, r := range append([]string{p.head, p.handler}, p.co...) {
					if sent, ok := m.sentAt(r, u, until); ok {
						want = append(want, simKey(p.ref, p.at, r, string(k), sent))
					}
				}
			}
		}
		esc := DateOf(p.at, shanghai).AddDays(-1).At(Clock{Hour: 18, Minute: 0}, shanghai)
		if u, ok := m.upFrom(latest(esc, p.from), until); ok && esc.Before(p.at) && (p.confirmedAt.IsZero() || p.confirmedAt.After(u)) {
			for _, d := range staff {
				want = append(want, simKey(p.ref, p.at, d, string(Escalation), u))
			}
		}
		if !p.to.IsZero() {
			if u, ok := m.upFrom(p.to, simEnd); ok {
				for r := range told[fmt.Sprint(p.ref, "|", p.at.Unix())] {
					want = append(want, simKey(p.ref, p.at, r, "notice", u))
				}
			}
		} else if !m.cancelled[p.ref] {
			until := p.at.Add(72*time.Hour + time.Second)
			if u, ok := m.upFrom(latest(p.at.Add(2*time.Hour), p.from), until); ok {
				for _, r := range append([]string{p.handler}, p.coHandlers...) {
					if sent, ok := m.sentAt(r, u, until); ok {
						want = append(want, simKey(p.ref, p.at, r, string(Attendance), sent))
					}
				}
			}
		}
	}
	want = append(want, m.wantDeadlines()...)
	sort.Strings(got)
	sort.Strings(want)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("sent (-want,+got), as hearing|time|recipient|kind|sent at:\n%s", diff)
	}

	// The answers are in the ledger and in the bulletin's 出庭率.
	heard, appeared := map[string]bool{}, map[string]bool{}
	for ref, p := range m.live {
		number, id, _ := ref.Split()
		c, err := m.st.Get(ctx, number)
		if err != nil {
			t.Fatal(err)
		}
		h := c.Hearing(id)
		a, answered := m.appeared[ref]
		switch {
		case !answered && h.HeadAppeared != nil:
			t.Errorf("%s: HeadAppeared = %v, nobody answered", ref, *h.HeadAppeared)
		case answered && (h.HeadAppeared == nil || *h.HeadAppeared != a):
			t.Errorf("%s: HeadAppeared = %v, the 承办人 answered %v", ref, h.HeadAppeared, a)
		}
		if !m.cancelled[ref] && p.at.Month() == time.October && p.at.Before(simEnd) {
			heard[number] = true
			appeared[number] = appeared[number] || a
		}
	}
	rep, err := bulletin.Compute(ctx, m.st, bulletin.Month{Year: 2025, Month: time.October},
		bulletin.Options{Location: shanghai, Now: simEnd})
	if err != nil {
		t.Fatal(err)
	}
	nAppeared := 0
	for _, ok := range appeared {
		if ok {
			nAppeared++
		}
	}
	if rep.Total.Heard != len(heard) || rep.Total.HeadAppeared != nAppeared {
		t.Errorf("bulletin October: heard %d, head appeared %d; want %d, %d", rep.Total.Heard, rep.Total.HeadAppeared, len(heard), nAppeared)
	}

	// The month exercised what it is meant to.
	m.stats["sweeps"] = len(m.ups)
	for k, n := range kinds {
		m.stats["sent "+string(k)] = n
	}
	var lines []string
	for k, n := range m.stats {
		lines = append(lines, fmt.Sprintf("%s=%d", k, n))
	}
	sort.Strings(lines)
	t.Logf("%s", strings.Join(lines, " "))
	for _, k := range []string{"sent " + string(WorkdayBefore), "sent " + string(DayBefore), "sent " + string(DayOf),
		"sent " + string(Escalation), "sent " + string(Attendance), "sent " + string(Rescheduled), "sent " + string(Cancelled),
		"sent " + string(CannotAppear), "restarts", "outages", "cards refused by WeCom", "moved", "cancelled", "确认出庭", "无法出庭",
		"sweeps skipped (lock held)", "sent " + string(DeadlineReminder), "sent " + string(DeadlineEscalation),
		"sent " + string(RectifyRequest), "sent " + string(RectifyReview), "deadlines done"} {
		if m.stats[k] == 0 {
			t.Errorf("the month never exercised %q", k)
		}
	}
	if m.stats["cases"] < monthCases { // seedLedger(monthCases) and the cases it adds meanwhile
		t.Errorf("only %d cases", m.stats["cases"])
	}
}

var _ bot.Sender = (*fakeSender)(nil)
