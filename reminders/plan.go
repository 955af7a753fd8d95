package reminders

import (
	"sort"
	"strings"
	"time"

	"casebot/bot/cases"
	"casebot/bot/deadline"
	"casebot/bot/people"
	"casebot/bot/store"
)

// Item is one push that is due: a reminder card to one person, a report to
// one staff destination, a notice. The first five fields are what
// `casebot remind --dry-run --json` prints.
type Item struct {
	Hearing cases.HearingRef `json:"hearing"`
	Case    string           `json:"case"`
	// Recipient is a WeCom userid, or "chat:<chatid>" for the 专班 group chat.
	Recipient string    `json:"recipient"`
	Kind      Kind      `json:"kind"`
	DueAt     time.Time `json:"due_at"`

	// ID is the send-log id: the occurrence, the recipient and the kind.
	ID string `json:"-"`
	// Occ is the occurrence (hearing, time, epoch) the item is about, and
	// At that hearing time.
	Occ string    `json:"-"`
	At  time.Time `json:"-"`
	// The case and hearing as stored when the item was planned.
	CaseData *cases.Case   `json:"-"`
	HearingD cases.Hearing `json:"-"`
	// Person, Role and Agency of a card's recipient.
	Person *people.Person `json:"-"`
	Role   people.Role    `json:"-"`
	Agency string         `json:"-"`
	// Heads and Handlers are everyone reminded of the hearing, for the
	// card's "who appears" and "whom to call" lines.
	Heads, Handlers []Recipient `json:"-"`
	// Problems are what a Missing report lists.
	Problems []Problem `json:"-"`
	// Ack is the recorded answer, for escalations.
	Ack Ack `json:"-"`
	// NewAt is the new time of a Rescheduled notice.
	NewAt time.Time `json:"-"`
	// Orig is the push a Failed report is about; Reason is free text (why
	// someone cannot appear).
	Orig   *Item  `json:"-"`
	Reason string `json:"-"`
	// Deadline is the deadline a deadline push is about (nil for hearing
	// pushes), and Lead the lead time (working days before its last day)
	// of a DeadlineReminder. The dry run's JSON names its kind and last day.
	Deadline    *deadline.Deadline `json:"-"`
	Lead        int                `json:"-"`
	DeadlineKey deadline.Kind      `json:"deadline,omitempty"`
	LastDay     string             `json:"last_day,omitempty"`
	// File is the file a RectifyFile push sends.
	File *cases.RectifyFile `json:"-"`
}

// tells reports whether an item's recipient must hear about a later move
// or cancellation of the hearing.
func (it Item) tells() bool { return it.Kind.reminder() || it.Kind == Escalation }

// chatPrefix marks the 专班 group chat as a recipient.
const chatPrefix = "chat:"

// occurrence is one hearing at one time, as a sweep sees it.
type occurrence struct {
	sh  store.ScheduledHearing
	occ string
}

// candidates returns every push hearing o has due at now, before the send
// log is consulted. upcoming says whether the hearing has yet to start
// (reminders, reports, escalation) or has started (attendance question).
func (s *Service) candidates(now time.Time, o occurrence, dir *Directory, dests []string, upcoming bool) []Item {
	c, h := o.sh.Case, o.sh.Hearing
	ref := cases.Ref(c.Number, h.ID)
	base := Item{Hearing: ref, Case: c.Number, Occ: o.occ, At: h.At, CaseData: c, HearingD: h}
	rs, problems := dir.Recipients(c, h)
	heads, handlers := byRole(rs)
	base.Heads, base.Handlers = heads, handlers
	var out []Item
	add := func(it Item) {
		it.ID = it.Occ + ":" + it.Recipient + ":" + string(it.Kind)
		out = append(out, it)
	}

	if !upcoming {
		if s.sched.AttendanceAfter <= 0 || h.HeadAppeared != nil {
			return nil
		}
		due := h.At.Add(s.sched.AttendanceAfter)
		if due.After(now) || now.Sub(h.At) > s.sched.AttendanceWithin {
			return nil
		}
		for _, r := range handlers {
			it := base
			it.Recipient, it.Kind, it.DueAt = r.Person.UserID, Attendance, due
			it.Person, it.Role, it.Agency = r.Person, r.Role, r.Agency
			add(it)
		}
		return out
	}

	if !c.Open() || !now.Before(h.At) {
		return nil // a closed case's hearing will not be held; a started one is too late
	}
	slots := s.sched.Slots(h.At)
	if len(problems) > 0 && len(slots) > 0 && !slots[0].Due.After(now) {
		for _, d := range dests {
			it := base
			it.Recipient, it.Kind, it.DueAt, it.Problems = d, Missing, slots[0].Due, problems
			add(it)
		}
	}
	for _, sl := range slots {
		if sl.Due.After(now) {
			continue
		}
		for _, r := range rs {
			it := base
			it.Recipient, it.Kind, it.DueAt = r.Person.UserID, sl.Kind, sl.Due
			it.Person, it.Role, it.Agency = r.Person, r.Role, r.Agency
			add(it)
		}
	}
	if due, ok := s.sched.EscalationDue(h.At); ok && !due.After(now) {
		for _, d := range dests {
			it := base
			it.Recipient, it.Kind, it.DueAt = d, Escalation, due
			add(it)
		}
	}
	return out
}

// filter keeps the candidates a sweep must send now: not sent yet, not
// waiting out a retry backoff (unless now is zero), not given up, and
// (escalations) not confirmed. A push given up becomes Failed reports to staff, returned as
// well; reports of their own failures are not reported again.
func (s *Service) filter(now time.Time, cands []Item, l *ledger, dests []string) []Item {
	var out []Item
	for _, it := range cands {
		// A push given up is reported even when WeCom recorded it as
		// accepted (to a recipient it then listed as invalid).
		if t, ok := l.tries[it.ID]; !ok || !t.GaveUp {
			if l.done[it.ID] {
				continue
			}
		}
		if t, ok := l.tries[it.ID]; ok {
			if t.GaveUp {
				if it.Kind != Failed {
					for _, d := range dests {
						r := Item{Hearing: it.Hearing, Case: it.Case, Recipient: d, Kind: Failed, DueAt: t.Next,
							Occ: it.Occ, At: it.At, CaseData: it.CaseData, HearingD: it.HearingD,
							Deadline: it.Deadline, DeadlineKey: it.DeadlineKey, LastDay: it.LastDay}
						orig := it
						r.Orig = &orig
						r.ID = it.ID + ":failed:" + d
						out = append(out, r)
					}
				}
				continue
			}
			if !now.IsZero() && now.Before(t.Next) {
				continue
			}
		}
		if it.Kind == Escalation {
			a := l.acks[it.Occ]
			if a.Status == AckConfirmed {
				continue
			}
			it.Ack = a
		}
		out = append(out, it)
	}
	return out
}

// staffDests returns where reports and escalations go: the 专班 group chat
// (reminders.staff_chat) and every staff person in the directory.
func (s *Service) staffDests(dir *Directory) []string {
	var out []string
	if s.cfg.StaffChat != "" {
		out = append(out, chatPrefix+s.cfg.StaffChat)
	}
	for _, p := range dir.Staff() {
		out = append(out, p.UserID)
	}
	return out
}

// sortItems orders items as the dry run lists them: by due time, then case,
// hearing, kind and recipient.
func sortItems(items []Item) {
	sort.SliceStable(items, func(i, j int) bool {
		a, b := items[i], items[j]
		switch {
		case !a.DueAt.Equal(b.DueAt):
			return a.DueAt.Before(b.DueAt)
		case a.Case != b.Case:
			return a.Case < b.Case
		case a.Hearing != b.Hearing:
			return a.Hearing < b.Hearing
		case a.Kind != b.Kind:
			return a.Kind < b.Kind
		}
		return strings.Compare(a.Recipient, b.Recipient) < 0
	})
}
