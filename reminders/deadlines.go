package reminders

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"casebot/bot/cases"
	"casebot/bot/deadline"
	"casebot/bot/keys"
	"casebot/bot/people"
	"casebot/bot/store"
	"casebot/bot/workcal"
	"casebot/config"
)

// Deadline pushes. Like the hearing kinds, the values are part of send-log
// ids and never change.
const (
	// DeadlineReminder reminds the 承办人 and the heads of the defendant
	// agencies of an open deadline, at each lead time (deadlines.remind_workdays).
	DeadlineReminder Kind = "deadline"
	// DeadlineEscalation lists to the 专班 chat and staff the deadlines whose
	// last day arrived with nothing recorded (a 整改 report: the day after).
	DeadlineEscalation Kind = "deadline_escalation"
	// DeadlineMissing reports to staff the people a deadline's reminders
	// cannot reach.
	DeadlineMissing Kind = "deadline_missing"
	// RectifyRequest asks the heads of an agency that lost a case for the
	// 败诉原因分析 and 整改措施 (again, with the note, after a 退回).
	RectifyRequest Kind = "rectify_request"
	// RectifyReview asks the staff to review (通过/退回) a filed report.
	RectifyReview Kind = "rectify_review"
)

// deadlineCatchUp bounds how late an escalation or a reminder missed by an
// outage is still sent: a week after its day, later ones are only listed
// (逾期 in chat and the bulletin), so a first start on an old ledger does not
// send years of them.
const deadlineCatchUp = 7

// deadlineSchedule is the configured timing of deadline pushes.
type deadlineSchedule struct {
	leads      []int // working days before the last day, descending
	at         workcal.Clock
	escalateAt *workcal.Clock
	rectify    config.Rectify
}

func newDeadlineSchedule(cfg *config.Config) (deadlineSchedule, error) {
	d := deadlineSchedule{leads: slices.Clone(cfg.Deadlines.RemindWorkdays), rectify: cfg.Rectify}
	slices.Sort(d.leads)
	slices.Reverse(d.leads)
	at, err := workcal.ParseClock(cfg.Deadlines.RemindAt)
	if err != nil {
		return d, fmt.Errorf("配置 deadlines.remind_at：%w", err)
	}
	d.at = at
	if cfg.Deadlines.EscalateAt != "" {
		e, err := workcal.ParseClock(cfg.Deadlines.EscalateAt)
		if err != nil {
			return d, fmt.Errorf("配置 deadlines.escalate_at：%w", err)
		}
		d.escalateAt = &e
	}
	return d, nil
}

// maxLead is the longest lead time, in working days.
func (d deadlineSchedule) maxLead() int {
	if len(d.leads) == 0 {
		return 0
	}
	return d.leads[0]
}

// escalationDay is the day a deadline not done is escalated: its last day,
// or for a 整改 report (whose last day is the agency's to use) the first
// working day after it.
func escalationDay(cal *workcal.Calendar, d deadline.Deadline) workcal.Day {
	if d.Kind == deadline.Rectify {
		return cal.AddWorkdays(d.Due, 1)
	}
	return d.Due
}

// deadlineRef names a case's deadline of a kind in the hid table shared
// with hearings: "<number>@<kind>" can never be a hearing's "<number>#<id>".
func deadlineRef(number string, k deadline.Kind) cases.HearingRef {
	return cases.HearingRef(number + "@" + string(k))
}

// deadlineOcc names one deadline with one last day: a last day moved (a
// new calendar, an extension) is a new occurrence, reminded afresh.
func deadlineOcc(hid string, due workcal.Day) string {
	return hid + "-d" + strconv.Itoa(due.Number())
}

// statutory reports whether a deadline of kind k is one of the law's (not a
// 整改 report or its review), whose pushes after the last day are only the
// escalation.
func statutory(k deadline.Kind) bool {
	return k != deadline.Rectify && k != deadline.RectifyReview
}

// deadlineWindow loads the open deadlines that can have anything due at
// now: statutory ones whose last day is from a catch-up week ago to the
// longest lead time ahead, and every open 整改 report and review (their
// requests go out on the day they are made). Those settled (see settle)
// are left out without decoding their cases: a large ledger's window holds
// far more deadlines whose pushes are all sent (lapsed appeal periods
// nobody closed, answers reminded this morning, reports asked for last
// week) than ones with anything due, and decoding cases is most of a
// sweep's cost.
func (s *Service) deadlineWindow(ctx context.Context, now time.Time, set settledSet) ([]store.DueDeadline, error) {
	today := DateOf(now, s.loc)
	var kinds []deadline.Kind
	for _, k := range deadline.Kinds {
		if statutory(k) {
			kinds = append(kinds, k)
		}
	}
	from := today.AddDays(-deadlineCatchUp)
	to := s.sched.Cal.AddWorkdays(today, max(s.dl.maxLead(), 1))
	near, err := s.st.DeadlineRefs(ctx, from, to, kinds...)
	if err != nil {
		return nil, fmt.Errorf("load deadlines: %w", err)
	}
	// A 整改 report is escalated the working day after its last day: look
	// back over the longest break too.
	rfrom, rto := s.rectifyWindow(today)
	rect, err := s.st.DeadlineRefs(ctx, rfrom, rto, deadline.Rectify, deadline.RectifyReview)
	if err != nil {
		return nil, fmt.Errorf("load 整改 reports: %w", err)
	}
	skip, err := set.skip(ctx, s, now, append(append([]store.DeadlineAt(nil), near...), rect...))
	if err != nil {
		return nil, fmt.Errorf("load settled deadlines: %w", err)
	}
	dds, err := s.st.DeadlinesOf(ctx, near, from, to, skip)
	if err != nil {
		return nil, fmt.Errorf("load deadlines: %w", err)
	}
	rdds, err := s.st.DeadlinesOf(ctx, rect, rfrom, rto, skip)
	if err != nil {
		return nil, fmt.Errorf("load 整改 reports: %w", err)
	}
	return append(dds, rdds...), nil
}

// rectifyWindow is the span of last days of the 整改 reports a sweep on
// today reads: every open one.
func (s *Service) rectifyWindow(today workcal.Day) (workcal.Day, workcal.Day) {
	return today.AddDays(-deadlineCatchUp - s.sched.Cal.LongestBreak()), today.AddDays(400)
}

// settledSet is where a sweep records, and finds, the open deadlines that
// have nothing due until a later instant while their cases stay as they
// are: keys.RemindDeadlinesSettled under the digest of everything else
// their pushes depend on.
type settledSet struct {
	hash, days string
}

// settledSetOf names the set for the directory dir and staff destinations
// dests under the service's settings: the recipients (the directory's
// people, their roles and agencies), where escalations go, the lead times
// and clock times, the catch-up week, the 整改 settings, the calendar, the
// time zone and the deadline rules. A change of any is another set, empty
// at first, so everything is read again once.
func (s *Service) settledSetOf(dir *Directory, dests []string) settledSet {
	h := sha256.New()
	for _, d := range slices.Sorted(slices.Values(dests)) {
		fmt.Fprintf(h, "dest %q\n", d)
	}
	for _, id := range slices.Sorted(maps.Keys(dir.byID)) {
		b, _ := json.Marshal(dir.byID[id])
		fmt.Fprintf(h, "person %s\n", b)
	}
	esc := ""
	if s.dl.escalateAt != nil {
		esc = s.dl.escalateAt.String()
	}
	fmt.Fprintf(h, "leads %v at %s escalate %q catch-up %d rectify %+v\n", s.dl.leads, s.dl.at, esc, deadlineCatchUp, s.dl.rectify)
	fmt.Fprintf(h, "calendar %s zone %s rules %s\n", s.sched.Cal.Digest(), s.loc, s.st.Deadlines.Fingerprint())
	digest := hex.EncodeToString(h.Sum(nil))[:16]
	return settledSet{hash: s.k.RemindDeadlinesSettled(digest), days: s.k.RemindDeadlinesSettledDays(digest)}
}

// settledField names a deadline in the set.
func settledField(number string, k deadline.Kind) string { return string(deadlineRef(number, k)) }

// skip reads, in one round trip, what the set holds of refs and returns
// the test DeadlinesOf applies: a deadline is skipped when it was settled
// with the same last day, its case is stored as it was then, and now is
// before the next instant anything can fall due for it.
func (set settledSet) skip(ctx context.Context, s *Service, now time.Time, refs []store.DeadlineAt) (func(store.DeadlineAt, string) bool, error) {
	if len(refs) == 0 {
		return nil, nil
	}
	fields := make([]string, len(refs))
	for i, r := range refs {
		fields[i] = settledField(r.Number, r.Kind)
	}
	vals, err := s.rdb.HMGet(ctx, set.hash, fields...).Result()
	if err != nil {
		return nil, err
	}
	marks := make(map[string]string, len(vals))
	for i, v := range vals {
		if str, ok := v.(string); ok {
			marks[fields[i]] = str
		}
	}
	return func(r store.DeadlineAt, version string) bool {
		due, rest, _ := strings.Cut(marks[settledField(r.Number, r.Kind)], "|")
		until, ver, _ := strings.Cut(rest, "|")
		if due != strconv.Itoa(r.Due.Number()) || ver != version {
			return false
		}
		u, err := strconv.ParseInt(until, 10, 64)
		return err == nil && (u == 0 || now.Before(time.Unix(u, 0)))
	}, nil
}

// recordSettled keeps the marks of settled deadlines, refreshes the set's
// life and drops the marks of deadlines too old for any window: one round
// trip.
var recordSettled = redis.NewScript(`
for i = 3, #ARGV, 3 do
  redis.call("HSET", KEYS[1], ARGV[i], ARGV[i+1])
  redis.call("ZADD", KEYS[2], ARGV[i+2], ARGV[i])
end
local old = redis.call("ZRANGEBYSCORE", KEYS[2], "-inf", "(" .. ARGV[1])
for _, f in ipairs(old) do redis.call("HDEL", KEYS[1], f) end
redis.call("ZREMRANGEBYSCORE", KEYS[2], "-inf", "(" .. ARGV[1])
redis.call("EXPIRE", KEYS[1], ARGV[2])
redis.call("EXPIRE", KEYS[2], ARGV[2])
return #old`)

// settle records the deadlines of dds (read with their case versions) that
// are settled at now: each push they had due (cands[spans[i][0]:spans[i][1]])
// is in the send log, none given up (which still owes its report), so
// nothing is left to do for them before next[i] (zero: never), the first
// instant at which deadlineCandidates would give another push, as long
// as the case is stored as read (a done button, a filed or returned 整改
// report, a new 承办人 is another version) and the set's inputs stay. One
// still waiting (an outage, a retry in backoff) is not settled and is read
// again by every sweep until it is done, so a restart or an outage loses
// nothing.
func (s *Service) settle(ctx context.Context, now time.Time, set settledSet, dds []store.DueDeadline, spans [][2]int, next []time.Time, cands []Item, l *ledger) error {
	var args []any
	for i, dd := range dds {
		if dd.Version == "" {
			continue // not read from the store with its version
		}
		done := true
		for _, it := range cands[spans[i][0]:spans[i][1]] {
			if !l.done[it.ID] || l.tries[it.ID].GaveUp {
				done = false
				break
			}
		}
		if !done {
			continue
		}
		var until int64
		if !next[i].IsZero() {
			until = next[i].Unix()
		}
		due := dd.Deadline.Due.Number()
		args = append(args, settledField(dd.Case.Number, dd.Deadline.Kind), fmt.Sprintf("%d|%d|%s", due, until, dd.Version), due)
	}
	if len(args) == 0 {
		return nil
	}
	rfrom, _ := s.rectifyWindow(DateOf(now, s.loc))
	args = append([]any{rfrom.Number(), int(keys.RemindSettledTTL.Seconds())}, args...)
	return recordSettled.Run(ctx, s.rdb, []string{set.hash, set.days}, args...).Err()
}

// deadlineItems returns the deadline pushes due at now that are not sent
// yet. With assign (a sweep), deadlines get their compact ids and settled
// ones are recorded; without (a dry run) nothing is written.
func (s *Service) deadlineItems(ctx context.Context, now time.Time, dir *Directory, dests []string, assign bool) ([]Item, error) {
	set := s.settledSetOf(dir, dests)
	dds, err := s.deadlineWindow(ctx, now, set)
	if err != nil {
		return nil, err
	}
	items, err := s.deadlinePlan(ctx, now, dds, dir, dests, assign)
	if err != nil {
		return nil, err
	}
	risks, err := s.riskItems(ctx, now, dests, assign)
	if err != nil {
		return nil, fmt.Errorf("risk alerts: %w", err)
	}
	return append(items, risks...), nil
}

// deadlinePlan returns the pushes of deadlines dds due at now that are not
// sent yet; with assign, it records those it finds settled.
func (s *Service) deadlinePlan(ctx context.Context, now time.Time, dds []store.DueDeadline, dir *Directory, dests []string, assign bool) ([]Item, error) {
	today := DateOf(now, s.loc)
	refs := make([]cases.HearingRef, len(dds))
	for i, dd := range dds {
		refs[i] = deadlineRef(dd.Case.Number, dd.Deadline.Kind)
	}
	hids, err := s.hids(ctx, refs, assign)
	if err != nil {
		return nil, fmt.Errorf("deadline ids: %w", err)
	}
	var cands []Item
	spans := make([][2]int, len(dds))
	next := make([]time.Time, len(dds))
	for i, dd := range dds {
		hid := hids[refs[i]]
		if hid == "" {
			hid = "new"
		}
		spans[i][0] = len(cands)
		var its []Item
		its, next[i] = s.deadlineCandidates(now, today, dd, deadlineOcc(hid, dd.Deadline.Due), dir, dests)
		cands = append(cands, its...)
		spans[i][1] = len(cands)
	}
	l, err := s.loadLedger(ctx, itemIDs(cands), nil)
	if err != nil {
		return nil, fmt.Errorf("load send log: %w", err)
	}
	items, err := s.openIn(ctx, now, cands, l, dests)
	if err != nil {
		return nil, fmt.Errorf("load send log: %w", err)
	}
	if assign {
		if err := s.settle(ctx, now, s.settledSetOf(dir, dests), dds, spans, next, cands, l); err != nil {
			return nil, fmt.Errorf("record settled deadlines: %w", err)
		}
	}
	return items, nil
}

// deadlineCandidates returns every push deadline dd has due at now, before
// the send log is consulted:
//   - a 整改 request to the agency's heads and 承办人 when the request was
//     made (again when a report was returned), and a review card to each
//     staff person when the report was filed;
//   - one reminder per recipient at the latest lead time reached (a lead
//     time an outage skipped is superseded by the next, never sent stale),
//     up to the last day;
//   - the escalation to the staff destinations on the escalation day;
//   - a report to staff of anyone the reminders cannot reach.
//
// It also returns the first instant after now at which it would give a
// push it does not give now (zero: none): the next lead time, the
// escalation, a request made for later.
func (s *Service) deadlineCandidates(now time.Time, today workcal.Day, dd store.DueDeadline, occ string, dir *Directory, dests []string) ([]Item, time.Time) {
	c, d := dd.Case, dd.Deadline
	cal := s.sched.Cal
	base := Item{Case: c.Number, CaseData: c, Occ: occ, At: d.Due.At(workcal.Clock{}, s.loc)}
	dl := d
	base.Deadline, base.DeadlineKey, base.LastDay = &dl, d.Kind, d.Due.String()
	rs, problems := dir.Recipients(c, cases.Hearing{})
	base.Heads, base.Handlers = byRole(rs)
	var out []Item
	person := func(it Item, r Recipient, kind Kind, due time.Time, id string) {
		it.Recipient, it.Kind, it.DueAt = r.Person.UserID, kind, due
		it.Person, it.Role, it.Agency = r.Person, r.Role, r.Agency
		it.ID = occ + ":" + it.Recipient + ":" + id
		out = append(out, it)
	}
	staff := func(kind Kind, due time.Time) {
		for _, dst := range dests {
			it := base
			it.Recipient, it.Kind, it.DueAt, it.Problems = dst, kind, due, problems
			it.ID = occ + ":" + dst + ":" + string(kind)
			out = append(out, it)
		}
	}
	var reached time.Time // the first push to the agency due, for the missing report
	var next time.Time
	later := func(t time.Time) {
		if t.After(now) && (next.IsZero() || t.Before(next)) {
			next = t
		}
	}

	if d.Kind == deadline.RectifyReview {
		rc := c.Rectify
		for _, p := range dir.Staff() {
			it := base
			person(it, Recipient{Person: p, Role: people.Staff}, RectifyReview, rc.FiledOn,
				string(RectifyReview)+":"+strconv.FormatInt(rc.FiledOn.Unix(), 36))
			out = append(out, reviewFiles(out[len(out)-1])...) // rectify_file.go
		}
		return out, next
	}
	var requested time.Time
	if d.Kind == deadline.Rectify && c.Rectify != nil {
		id := string(RectifyRequest)
		requested = c.Rectify.RequestedOn
		if c.Rectify.Status == cases.RectifyReturned {
			requested = c.Rectify.ReviewedOn
			id += ":r" + strconv.FormatInt(requested.Unix(), 36)
		}
		later(requested)
		if !requested.After(now) && !today.After(escalationDay(cal, d).AddDays(deadlineCatchUp)) {
			for _, r := range rs {
				person(base, r, RectifyRequest, requested, id)
			}
			reached = requested
		}
	}
	// The latest lead time reached, up to the last day. Leads are
	// descending, so their times ascend: the last one reached wins.
	if !today.After(d.Due) {
		var last time.Time
		lead := -1
		for _, n := range s.dl.leads {
			t := cal.SubWorkdays(d.Due, n).At(s.dl.at, s.loc)
			later(t)
			if !t.After(now) && t.After(requested) {
				last, lead = t, n
			}
		}
		if lead >= 0 {
			for _, r := range rs {
				it := base
				it.Lead = lead
				person(it, r, DeadlineReminder, last, string(DeadlineReminder)+":"+strconv.Itoa(lead))
			}
			if reached.IsZero() {
				reached = last
			}
		}
	}
	if len(problems) > 0 && !reached.IsZero() {
		staff(DeadlineMissing, reached)
	}
	if s.dl.escalateAt != nil {
		day := escalationDay(cal, d)
		due := day.At(*s.dl.escalateAt, s.loc)
		later(due)
		if !due.After(now) && !today.After(day.AddDays(deadlineCatchUp)) {
			staff(DeadlineEscalation, due)
		}
	}
	return out, next
}
