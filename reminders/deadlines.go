package reminders

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strconv"
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

// deadlineWindow loads the open deadlines that can have anything due on
// today: statutory ones whose last day is from a catch-up week ago to the
// longest lead time ahead, and every open 整改 report and review (few, and
// their requests go out on the day they are made). Lapsed statutory ones
// already settled (every push they can have sent, see settle) are left
// out without reading their cases: in a large ledger the catch-up week
// holds far more lapsed-but-unrecorded deadlines (appeal periods nobody
// closed, say) than ones with anything still to send.
func (s *Service) deadlineWindow(ctx context.Context, today workcal.Day, dests []string) ([]store.DueDeadline, error) {
	var kinds []deadline.Kind
	for _, k := range deadline.Kinds {
		if statutory(k) {
			kinds = append(kinds, k)
		}
	}
	from := today.AddDays(-deadlineCatchUp)
	to := s.sched.Cal.AddWorkdays(today, max(s.dl.maxLead(), 1))
	refs, err := s.st.DeadlineRefs(ctx, from, to, kinds...)
	if err != nil {
		return nil, fmt.Errorf("load deadlines: %w", err)
	}
	if refs, err = s.unsettled(ctx, today, refs, dests); err != nil {
		return nil, fmt.Errorf("load settled deadlines: %w", err)
	}
	near, err := s.st.DeadlinesOf(ctx, refs, from, to)
	if err != nil {
		return nil, fmt.Errorf("load deadlines: %w", err)
	}
	// A 整改 report is escalated the working day after its last day: look
	// back over the longest break too.
	rect, err := s.st.DeadlinesBetween(ctx, from.AddDays(-s.sched.Cal.LongestBreak()), today.AddDays(400),
		deadline.Rectify, deadline.RectifyReview)
	if err != nil {
		return nil, fmt.Errorf("load 整改 reports: %w", err)
	}
	return append(near, rect...), nil
}

// settledKey is the settled set of the pushes a lapsed statutory deadline
// has at most: the escalation (if deadlines.escalate_at is set) to each of
// dests, within the catch-up week. Another set of destinations or setting
// is another set, empty at first, so a new staff person is escalated to
// exactly as before.
func (s *Service) settledKey(dests []string) string {
	h := sha256.New()
	for _, d := range slices.Sorted(slices.Values(dests)) {
		h.Write([]byte(d))
		h.Write([]byte{0})
	}
	if s.dl.escalateAt != nil {
		fmt.Fprintf(h, "escalate %s\x00", s.dl.escalateAt)
	}
	fmt.Fprintf(h, "catch-up %d", deadlineCatchUp)
	return s.k.RemindDeadlinesSettled(hex.EncodeToString(h.Sum(nil))[:16])
}

// unsettled returns refs without the lapsed ones (last day before today)
// the settled set holds: two round trips (their ids, the set), however
// many they are, and no case read.
func (s *Service) unsettled(ctx context.Context, today workcal.Day, refs []store.DeadlineAt, dests []string) ([]store.DeadlineAt, error) {
	var lapsed []cases.HearingRef
	var at []int
	for i, r := range refs {
		if r.Due.Before(today) && statutory(r.Kind) {
			lapsed = append(lapsed, deadlineRef(r.Number, r.Kind))
			at = append(at, i)
		}
	}
	if len(lapsed) == 0 {
		return refs, nil
	}
	hids, err := s.hids(ctx, lapsed, false)
	if err != nil {
		return nil, err
	}
	var occs []string
	var which []int
	for j, ref := range lapsed {
		if hid := hids[ref]; hid != "" { // without an id nothing was sent
			occs = append(occs, deadlineOcc(hid, refs[at[j]].Due))
			which = append(which, at[j])
		}
	}
	if len(occs) == 0 {
		return refs, nil
	}
	scores, err := s.rdb.ZMScore(ctx, s.settledKey(dests), occs...).Result()
	if err != nil {
		return nil, err
	}
	settled := make(map[int]bool, len(occs))
	for j, sc := range scores {
		if sc != 0 { // a member's score is its last day, never 0
			settled[which[j]] = true
		}
	}
	out := make([]store.DeadlineAt, 0, len(refs)-len(settled))
	for i, r := range refs {
		if !settled[i] {
			out = append(out, r)
		}
	}
	return out, nil
}

// settle adds to the settled set the lapsed statutory deadlines of dds
// whose every push due at today is done: the send log holds each (and no
// give-up record, which still owes a report). After its last day such a
// deadline has no reminder left, and its escalation goes to the
// destinations the set is named for; so nothing more can fall due for it
// until it leaves the window, unless its last day moves, which is another
// occurrence, or it is closed, which takes it out of the index. One still
// waiting (an outage, a retry in backoff) is not settled and is read again
// by every sweep, as before, until it is done. Entries older than the
// window are dropped.
func (s *Service) settle(ctx context.Context, today workcal.Day, dds []store.DueDeadline, occs []string, spans [][2]int, cands []Item, l *ledger, dests []string) error {
	var zs []redis.Z
	for i, dd := range dds {
		if !statutory(dd.Deadline.Kind) || !dd.Deadline.Due.Before(today) {
			continue
		}
		done := true
		for _, it := range cands[spans[i][0]:spans[i][1]] {
			if !l.done[it.ID] || l.tries[it.ID].GaveUp {
				done = false
				break
			}
		}
		if done {
			zs = append(zs, redis.Z{Score: float64(dd.Deadline.Due.Number()), Member: occs[i]})
		}
	}
	if len(zs) == 0 {
		return nil
	}
	key := s.settledKey(dests)
	_, err := s.rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
		p.ZAdd(ctx, key, zs...)
		p.ZRemRangeByScore(ctx, key, "-inf", "("+strconv.Itoa(today.AddDays(-deadlineCatchUp).Number()))
		p.Expire(ctx, key, keys.RemindSettledTTL)
		return nil
	})
	return err
}

// deadlineItems returns the deadline pushes due at now that are not sent
// yet. With assign (a sweep), deadlines get their compact ids and settled
// ones are recorded; without (a dry run) nothing is written.
func (s *Service) deadlineItems(ctx context.Context, now time.Time, dir *Directory, dests []string, assign bool) ([]Item, error) {
	dds, err := s.deadlineWindow(ctx, DateOf(now, s.loc), dests)
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
// sent yet; with assign, it records the lapsed ones it finds settled.
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
	occs := make([]string, len(dds))
	spans := make([][2]int, len(dds))
	for i, dd := range dds {
		hid := hids[refs[i]]
		if hid == "" {
			hid = "new"
		}
		occs[i] = deadlineOcc(hid, dd.Deadline.Due)
		spans[i][0] = len(cands)
		cands = append(cands, s.deadlineCandidates(now, today, dd, occs[i], dir, dests)...)
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
		if err := s.settle(ctx, today, dds, occs, spans, cands, l, dests); err != nil {
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
func (s *Service) deadlineCandidates(now time.Time, today workcal.Day, dd store.DueDeadline, occ string, dir *Directory, dests []string) []Item {
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

	if d.Kind == deadline.RectifyReview {
		rc := c.Rectify
		for _, p := range dir.Staff() {
			it := base
			person(it, Recipient{Person: p, Role: people.Staff}, RectifyReview, rc.FiledOn,
				string(RectifyReview)+":"+strconv.FormatInt(rc.FiledOn.Unix(), 36))
		}
		return out
	}
	var requested time.Time
	if d.Kind == deadline.Rectify && c.Rectify != nil {
		id := string(RectifyRequest)
		requested = c.Rectify.RequestedOn
		if c.Rectify.Status == cases.RectifyReturned {
			requested = c.Rectify.ReviewedOn
			id += ":r" + strconv.FormatInt(requested.Unix(), 36)
		}
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
			if t := cal.SubWorkdays(d.Due, n).At(s.dl.at, s.loc); !t.After(now) && t.After(requested) {
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
		if !due.After(now) && !today.After(day.AddDays(deadlineCatchUp)) {
			staff(DeadlineEscalation, due)
		}
	}
	return out
}
