package reminders

import (
	"context"
	"errors"
	"fmt"
	"time"

	"casebot/bot/cases"
)

// The simulated month's statutory deadlines and 一案一整改, with their own
// model (the holiday rule and working days from the model's calendar
// above, not from bot/deadline): answer deadlines whose 起诉状副本 arrived
// from mid-September (some periods ending in 国庆), and losses closed before
// the month whose reports fall due in it. Some answers are recorded, some
// reports filed (by import, at planned instants); the rest are escalated.

// simDeadline is one deadline case of the month.
type simDeadline struct {
	number  string
	agency  int
	rectify bool
	// start is the day the clock runs from; due the last day.
	start, due Day
	// done is when the answer was recorded or the report filed (zero:
	// never).
	done time.Time
}

// simDue is the model's holiday rule: n calendar days after start, moved
// to the first working day when it is not one.
func simDue(start Day, n int) Day {
	d := start.AddDays(n)
	for !simWorkday(d) {
		d = d.AddDays(1)
	}
	return d
}

// simSubWorkdays is the n-th working day before d.
func simSubWorkdays(d Day, n int) Day {
	for ; n > 0; n-- {
		d = d.AddDays(-1)
		for !simWorkday(d) {
			d = d.AddDays(-1)
		}
	}
	return d
}

func simAddWorkday(d Day) Day {
	d = d.AddDays(1)
	for !simWorkday(d) {
		d = d.AddDays(1)
	}
	return d
}

// seedDeadlines adds n answer cases and k losses to the ledger.
func (m *sim) seedDeadlines(n, k int) []*cases.Case {
	var out []*cases.Case
	for i := range n + k {
		a := m.rng.IntN(24)
		num := cases.Number{Form: cases.CourtNumber, Court: "黔0115", Type: "行初", Year: 2025, Seq: 5000 + i}
		c := &cases.Case{Number: num.String(), Kind: num.Kind(), Stage: num.Stage(),
			Plaintiffs: []cases.Party{cases.NewParty("李四")}, Defendants: []string{fmt.Sprintf("某县第%02d局", a+1)},
			Cause: "行政许可", Court: "某县人民法院", FiledOn: at("2025-08-15 00:00"), Handler: fmt.Sprintf("丙%02d", a)}
		sd := &simDeadline{number: c.Number, agency: a}
		if i < n {
			// Received from 09-12 to 10-08: some 15-day periods end in 国庆.
			sd.start = day("2025-09-12").AddDays(m.rng.IntN(27))
			sd.due = simDue(sd.start, 15)
			c.CopyReceivedOn = sd.start.At(Clock{}, shanghai)
		} else {
			// Closed from 08-25 to 09-19, served the day after: reports due
			// from late September to mid October.
			closed := day("2025-08-25").AddDays(m.rng.IntN(26))
			sd.rectify, sd.start = true, closed.AddDays(1)
			sd.due = simDue(sd.start, 30)
			c.Closure = &cases.Closure{On: closed.At(Clock{}, shanghai), Method: cases.JudgmentRevoke}
			c.ServedOn = sd.start.At(Clock{}, shanghai)
			c.Appealed = new(bool) // not appealed: the appeal period is not modelled here
		}
		// One in three is done, some time from a week before the last day
		// to a day after it, at a five-minute step.
		if m.rng.IntN(3) == 0 {
			d := sd.due.At(Clock{Hour: 9}, shanghai).Add(time.Duration(m.rng.IntN(8*24*12)-7*24*12) * simStep)
			if d.After(simStart) && d.Before(simEnd) {
				sd.done = d
			}
		}
		m.deadlines = append(m.deadlines, sd)
		out = append(out, c)
	}
	m.stats["deadline cases"] = n + k
	return out
}

// applyDeadlines records the answers and reports done at now, as an import
// would.
func (m *sim) applyDeadlines(ctx context.Context, now time.Time) {
	for _, sd := range m.deadlines {
		if !sd.done.Equal(now) {
			continue
		}
		_, err := m.st.Update(ctx, sd.number, func(c *cases.Case) error {
			if !sd.rectify {
				c.AnsweredOn = DateOf(now, shanghai).At(Clock{}, shanghai)
				return nil
			}
			if c.Rectify == nil {
				return errSkip // asked for after it was filed: cannot happen in this month
			}
			c.Rectify.Analysis, c.Rectify.Measures = "未充分听取陈述申辩", "建立听证复核制度"
			c.Rectify.Status, c.Rectify.FiledOn, c.Rectify.FiledBy = cases.RectifyFiled, now, fmt.Sprintf("h%02da", sd.agency)
			return nil
		})
		if errors.Is(err, errSkip) {
			sd.done = time.Time{} // filed before it was asked for: not filed, in the model too
			continue
		}
		if err != nil {
			m.t.Fatalf("record %s done: %v", sd.number, err)
		}
		m.stats["deadlines done"]++
	}
}

// wantDeadlines is what the model says the deadline cases must have sent,
// as simKey lines.
func (m *sim) wantDeadlines() []string {
	var want []string
	staff := []string{"chat:" + chatID, "staff1", "staff2"}
	for _, sd := range m.deadlines {
		kind := "answer"
		if sd.rectify {
			kind = "rectify"
		}
		ref := cases.HearingRef(sd.number + "@" + kind)
		dueAt := sd.due.At(Clock{}, shanghai)
		a := sd.agency
		rs := []string{fmt.Sprintf("h%02da", a), fmt.Sprintf("h%02db", a), fmt.Sprintf("c%02d", a)}
		notDone := func(u time.Time) bool { return sd.done.IsZero() || sd.done.After(u) }
		var requested time.Time
		escDay := sd.due
		if sd.rectify {
			escDay = simAddWorkday(sd.due)
			// Asked at the first sweep of the month (the loss is older).
			u, ok := m.upFrom(simStart, simEnd)
			if !ok || !notDone(u) {
				continue
			}
			requested = u
			until := escDay.AddDays(deadlineCatchUp+1).At(Clock{}, shanghai)
			for _, r := range rs {
				if sent, ok := m.sentAt(r, u, earliest(until, sd.done)); ok {
					want = append(want, simKey(ref, dueAt, r, string(RectifyRequest), sent))
				}
			}
			if !sd.done.IsZero() {
				review := DateOf(sd.done, shanghai)
				for range 5 { // the bureau's 5 working days
					review = simAddWorkday(review)
				}
				if u, ok := m.upFrom(sd.done, simEnd); ok {
					for _, s := range []string{"staff1", "staff2"} {
						want = append(want, simKey(cases.HearingRef(sd.number+"@rectify_review"), review.At(Clock{}, shanghai), s, string(RectifyReview), u))
					}
				}
			}
		}
		// Reminders: 3 working days ahead and on the last day, at 09:00; a
		// lead time reached only after the next one is superseded.
		leads := []int{3, 0}
		for i, n := range leads {
			from := simSubWorkdays(sd.due, n).At(Clock{Hour: 9}, shanghai)
			if !from.After(requested) {
				continue
			}
			until := sd.due.AddDays(1).At(Clock{}, shanghai)
			if i+1 < len(leads) {
				until = simSubWorkdays(sd.due, leads[i+1]).At(Clock{Hour: 9}, shanghai)
			}
			u, ok := m.upFrom(from, until)
			if !ok || !notDone(u) {
				continue
			}
			for _, r := range rs {
				if sent, ok := m.sentAt(r, u, earliest(until, sd.done)); ok {
					want = append(want, simKey(ref, dueAt, r, fmt.Sprintf("%s:%d", DeadlineReminder, n), sent))
				}
			}
		}
		esc := escDay.At(Clock{Hour: 9}, shanghai)
		if u, ok := m.upFrom(esc, escDay.AddDays(deadlineCatchUp+1).At(Clock{}, shanghai)); ok && notDone(u) {
			for _, d := range staff {
				want = append(want, simKey(ref, dueAt, d, string(DeadlineEscalation), u))
			}
		}
	}
	return want
}

// deadlineKey is the simKey of a delivered deadline item.
func deadlineKey(it Item, sent time.Time) string {
	what := string(it.Kind)
	if it.Kind == DeadlineReminder {
		what = fmt.Sprintf("%s:%d", it.Kind, it.Lead)
	}
	return simKey(cases.HearingRef(it.Case+"@"+string(it.Deadline.Kind)), it.Deadline.Due.At(Clock{}, shanghai), it.Recipient, what, sent)
}
