package reminders

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"time"

	"casebot/bot/cases"
	"casebot/bot/deadline"
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
func deadlineOcc(hid string, d deadline.Deadline) string {
	return hid + "-d" + strconv.Itoa(d.Due.Number())
}

// deadlineWindow loads the open deadlines that can have anything due on
// today: statutory ones whose last day is from a catch-up week ago to the
// longest lead time ahead, and every open 整改 report and review (few, and
// their requests go out on the day they are made).
func (s *Service) deadlineWindow(ctx context.Context, today workcal.Day) ([]store.DueDeadline, error) {
	var statutory []deadline.Kind
	for _, k := range deadline.Kinds {
		if k != deadline.Rectify && k != deadline.RectifyReview {
			statutory = append(statutory, k)
		}
	}
	from := today.AddDays(-deadlineCatchUp)
	near, err := s.st.DeadlinesBetween(ctx, from, s.sched.Cal.AddWorkdays(today, max(s.dl.maxLead(), 1)), statutory...)
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

// deadlineItems returns the deadline pushes due at now that are not sent
// yet. With assign (a sweep), deadlines get their compact ids; without (a
// dry run) nothing is written.
func (s *Service) deadlineItems(ctx context.Context, now time.Time, dir *Directory, dests []string, assign bool) ([]Item, error) {
	dds, err := s.deadlineWindow(ctx, DateOf(now, s.loc))
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
// sent yet.
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
	for i, dd := range dds {
		hid := hids[refs[i]]
		if hid == "" {
			hid = "new"
		}
		cands = append(cands, s.deadlineCandidates(now, today, dd, deadlineOcc(hid, dd.Deadline), dir, dests)...)
	}
	items, err := s.open(ctx, now, cands, nil, dests)
	if err != nil {
		return nil, fmt.Errorf("load send log: %w", err)
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
			out = append(out, reviewFiles(out[len(out)-1])...) // rectify_file.go
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
