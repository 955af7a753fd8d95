package handlers

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	agencies "casebot/bot/agency"
	"casebot/bot/cases"
	"casebot/bot/deadline"
	"casebot/bot/intent"
	"casebot/bot/people"
	"casebot/bot/workcal"
)

// checkClaim checks a “没有 / 0 件” an answer stated against the ledger as
// it is in Redis now, by looking at every case: a second implementation
// of what each claim says, deliberately naive (no index, no shortcut), so
// that a claim the handlers' indexes got wrong is caught. It returns the
// case that makes the claim false.
func (e *corpusEnv) checkClaim(viewer *people.Person, cl claim) error {
	var all []*cases.Case
	if err := e.st.EachCase(context.Background(), 500, func(cs []*cases.Case) error {
		all = append(all, cs...)
		return nil
	}); err != nil {
		return err
	}
	names, err := agencies.New(e.cfg.Scope.AgencyAliases)
	if err != nil {
		return err
	}
	loss, err := cases.NewLossSet(e.cfg.Cases.LossOutcomes)
	if err != nil {
		return err
	}
	// A head or handler also sees another agency's case that names them,
	// when nobody else in the directory has their name.
	dir, err := e.st.People(context.Background())
	if err != nil {
		return err
	}
	namesakes := 0
	for _, p := range dir {
		if viewer != nil && p.Name == viewer.Name {
			namesakes++
		}
	}
	visible := func(c *cases.Case) bool {
		switch viewer.Role {
		case people.Admin, people.Staff:
			return true
		case people.Pufa:
			return c.Closure != nil
		}
		if namesakes == 1 && (c.Handler == viewer.Name || slices.ContainsFunc(c.Hearings, func(h cases.Hearing) bool { return !h.Cancelled && h.Head == viewer.Name })) {
			return true
		}
		for _, d := range c.Defendants {
			if viewer.Agency != "" && names.Key(d) == names.Key(viewer.Agency) {
				return true
			}
		}
		return false
	}
	q := cl.Q
	in := func(t time.Time) bool {
		return !t.IsZero() && (q.From.IsZero() || !t.Before(q.From)) && (q.To.IsZero() || t.Before(q.To))
	}
	caseMatches := func(c *cases.Case) bool {
		if q.Unknown != "" {
			return len(names.Resolve(q.Unknown, defendantsOf(all))) > 0
		}
		if q.Numbers != nil && !slices.Contains(q.Numbers, c.Number) {
			return false
		}
		if q.Agencies != nil && !slices.ContainsFunc(c.Defendants, func(d string) bool { return slices.Contains(q.Agencies, d) }) {
			return false
		}
		if q.Own && !slices.ContainsFunc(c.Defendants, func(d string) bool { return names.Key(d) == names.Key(viewer.Agency) }) {
			return false
		}
		for _, name := range append([]string{q.Party}, q.Others...) {
			if name != "" && !slices.ContainsFunc(c.Plaintiffs, func(p cases.Party) bool { return p.Name == name }) {
				return false
			}
		}
		if q.Kind != "" && string(c.Kind) != q.Kind || q.Stage != "" && string(c.Stage) != q.Stage ||
			q.CourtLevel != "" && !intent.CourtOfLevel(c.Court, q.CourtLevel) || q.NumberYear != 0 && numberYear(c.Number) != q.NumberYear ||
			q.Cause != "" && !strings.Contains(c.Cause, q.Cause) || q.Open && c.Closure != nil ||
			!q.Since.IsZero() && c.Closure != nil && c.Closure.On.Before(q.Since) {
			return false
		}
		if !q.HeardBy.IsZero() {
			absent := false
			for _, h := range c.Hearings {
				if !h.Cancelled && h.At.Before(q.HeardBy) && !(h.HeadAppeared != nil && *h.HeadAppeared) {
					absent = true
				}
			}
			if !absent {
				return false
			}
		}
		if !q.HeldBy.IsZero() && !slices.ContainsFunc(c.Hearings, func(h cases.Hearing) bool { return !h.Cancelled && h.At.Before(q.HeldBy) }) {
			return false
		}
		if q.Outcome != "" && (c.Closure == nil || !strings.Contains(string(c.Closure.Method), q.Outcome)) ||
			q.Reason != "" && (c.Closure == nil || !strings.Contains(c.Closure.Reason, q.Reason)) {
			return false
		}
		return true
	}
	personOf := func(c *cases.Case, h *cases.Hearing) bool {
		if q.Person == "" {
			return true
		}
		if q.Role != "head" && c.Handler == q.Person {
			return true
		}
		if q.Role == "handler" {
			return false
		}
		if h != nil {
			return h.Head == q.Person
		}
		for _, h := range c.Hearings {
			if !h.Cancelled && h.Head == q.Person {
				return true
			}
		}
		return false
	}
	switch cl.What {
	case claimList, claimField:
		return nil
	case claimUncovered:
		for _, c := range all {
			if c.FiledOn.Before(q.To) && (c.Closure == nil || !c.Closure.On.Before(q.From)) {
				return fmt.Errorf("%s was pending in the period (filed %s)", c.Number, c.FiledOn.Format("2006-01-02"))
			}
		}
	case claimRisk:
		for _, c := range all {
			if visible(c) && c.Risk != nil && c.Open() {
				return fmt.Errorf("%s is flagged 败诉风险", c.Number)
			}
		}
	case claimAbsent:
		for _, c := range all {
			if slices.Contains(cl.Numbers, c.Number) {
				return fmt.Errorf("%s is in the ledger", c.Number)
			}
		}
	case claimNumber:
		for _, c := range all {
			if slices.Contains(cl.Numbers, c.Number) && visible(c) {
				return fmt.Errorf("%s exists and is visible", c.Number)
			}
		}
	case claimHearings:
		for _, c := range all {
			if !visible(c) || !caseMatches(c) {
				continue
			}
			for i := range c.Hearings {
				h := &c.Hearings[i]
				at := h.At.In(cst)
				if h.Cancelled || !in(at) || q.Must && !h.MustAppear || !personOf(c, h) ||
					q.Place != "" && !strings.Contains(strings.NewReplacer("1号法庭", "第一法庭", "第1法庭", "第一法庭", "第2法庭", "第二法庭", "第3法庭", "第三法庭").Replace(h.Place), q.Place) ||
					q.NotAppeared && h.HeadAppeared != nil && *h.HeadAppeared {
					continue
				}
				if q.TimeOfDay == "am" && at.Hour() >= 12 || q.TimeOfDay == "pm" && at.Hour() < 12 || q.Clock != "" && at.Format("15:04") != q.Clock {
					continue
				}
				return fmt.Errorf("%s has a hearing at %s", c.Number, at.Format("2006-01-02 15:04"))
			}
		}
	case claimCases:
		for _, c := range all {
			if !visible(c) || !caseMatches(c) || !personOf(c, nil) {
				continue
			}
			ok := true
			switch q.Metric {
			case intent.Lost:
				ok = c.Closure != nil && loss[c.Closure.Method] && c.Kind == cases.Litigation && in(c.Closure.On)
			case intent.Corrected:
				ok = c.Closure != nil && c.Kind == cases.Reconsideration && c.Closure.Method.Correction() && in(c.Closure.On)
			case intent.Closed:
				ok = c.Closure != nil && in(c.Closure.On)
			case intent.Filed:
				ok = in(c.FiledOn)
			case intent.Open:
				ok = c.Closure == nil
			case intent.Suggested:
				ok = false
				for _, sg := range c.Suggestions {
					if (q.Suggestion == "" || string(sg.Kind) == q.Suggestion) && in(sg.ReceivedOn) {
						ok = true
					}
				}
			default:
				if q.Outcome != "" || q.Reason != "" {
					ok = c.Closure != nil && in(c.Closure.On)
				}
			}
			if ok {
				return fmt.Errorf("%s matches", c.Number)
			}
		}
	case claimRate:
		for _, c := range all {
			if !visible(c) || !caseMatches(c) {
				continue
			}
			first := c.Kind == cases.Litigation && (c.Stage == cases.StageFirst || c.Stage == "" && strings.Contains(c.Number, "行初"))
			switch cl.Rate {
			case intent.AppearanceRate:
				for _, h := range c.Hearings {
					if first && !h.Cancelled && in(h.At) && h.At.Before(e.now) && (!q.Must || h.MustAppear) {
						return fmt.Errorf("%s was heard on %s", c.Number, h.At.In(cst).Format("2006-01-02"))
					}
				}
			case intent.CorrectionRate:
				if c.Kind == cases.Reconsideration && c.Closure != nil && in(c.Closure.On) {
					return fmt.Errorf("%s closed in the period", c.Number)
				}
			case intent.JudgedLossRate:
				if first && c.Closure != nil && in(c.Closure.On) && strings.HasPrefix(string(c.Closure.Method), "判决") {
					return fmt.Errorf("%s judged in the period", c.Number)
				}
			default:
				if first && c.Closure != nil && in(c.Closure.On) {
					return fmt.Errorf("%s closed in the period", c.Number)
				}
			}
		}
	case claimChanges:
		for _, c := range all {
			if !visible(c) {
				continue
			}
			for _, h := range c.Hearings {
				for _, r := range h.Reschedules {
					if in(r.At) {
						return fmt.Errorf("%s was moved on %s", c.Number, r.At.In(cst).Format("2006-01-02"))
					}
				}
			}
		}
	case claimDeadlines:
		today := workcal.DateOf(e.now, cst)
		for _, c := range all {
			if !visible(c) || !caseMatches(c) {
				continue
			}
			for _, d := range e.st.Deadlines.Open(c) {
				at := d.Due.At(workcal.Clock{}, cst)
				named := slices.Contains(q.DeadlineKinds, string(d.Kind))
				if len(q.DeadlineKinds) > 0 && !named || !in(at) {
					continue
				}
				if len(q.DeadlineKinds) == 0 && d.Kind == deadline.Appeal && d.Due.Before(today) {
					continue // a lapsed appeal period is listed only when asked about
				}
				return fmt.Errorf("%s has its %s due %s", c.Number, d.Kind.Label(), d.Due)
			}
		}
	case claimRectify:
		today := workcal.DateOf(e.now, cst)
		for _, c := range all {
			rc := c.Rectify
			if rc == nil && visible(c) && rectifyQ(cl.Q, c) && len(cl.Numbers) == 0 && c.Closure != nil &&
				(cl.State == "unfiled" || cl.State == "pending") && (e.s.loss.Lost(c) || cases.Corrected(c)) {
				// A loss not asked about yet is owed all the same, within its period.
				from := c.ServedOn
				if from.IsZero() {
					from = c.Closure.On
				}
				due := deadline.RectifyDue(e.st.Deadlines.Calendar(), workcal.DateOf(from, cst), e.cfg.Rectify.DueDays)
				if !due.Before(today) {
					return fmt.Errorf("%s lost and owes a 整改 report not yet requested, due %s", c.Number, due)
				}
			}
			if rc == nil || !visible(c) || !rectifyQ(cl.Q, c) {
				continue
			}
			if len(cl.Numbers) > 0 {
				if slices.Contains(cl.Numbers, c.Number) {
					return fmt.Errorf("%s has a 整改 record (%s)", c.Number, rc.Status)
				}
				continue
			}
			due := deadline.RectifyDue(e.st.Deadlines.Calendar(), workcal.DateOf(rc.From, cst), e.cfg.Rectify.DueDays)
			owed := rc.Status == cases.RectifyRequested || rc.Status == cases.RectifyReturned
			var hit bool
			switch cl.State {
			case "overdue":
				hit = owed && due.Before(today)
			case "unfiled":
				hit = owed
			case "returned":
				hit = rc.Status == cases.RectifyReturned
			default: // pending: owed or awaiting review
				hit = owed || rc.Status == cases.RectifyFiled
			}
			if hit {
				return fmt.Errorf("%s has a 整改 report %s, due %s", c.Number, rc.Status, due)
			}
		}
	case claimDrafts:
		ex := e.s.explains.ex
		for _, n := range cl.Numbers { // these cases have no draft at all
			if k, err := ex.Drafts.Count(context.Background(), n); err != nil || k > 0 {
				return fmt.Errorf("%s has %d drafts (%v)", n, k, err)
			}
		}
		if len(cl.Numbers) > 0 {
			return nil
		}
		for _, c := range all {
			n, err := ex.Drafts.Count(context.Background(), c.Number)
			if err != nil {
				return err
			}
			for v := 1; v <= n; v++ {
				rv, err := ex.Reviews.Get(context.Background(), c.Number, v, n)
				if err != nil {
					return err
				}
				if string(rv.State) == cl.State {
					return fmt.Errorf("%s version %d is %s", c.Number, v, rv.State)
				}
			}
		}
	case claimBulletin:
		ytd := time.Date(q.From.Year(), 1, 1, 0, 0, 0, 0, cst)
		span := func(t time.Time) bool { return !t.IsZero() && !t.Before(ytd) && t.Before(q.To) }
		for _, c := range all {
			first := c.Kind == cases.Litigation && c.Stage == cases.StageFirst
			if !first && c.Kind != cases.Reconsideration {
				continue
			}
			if span(c.FiledOn) && first || c.Closure != nil && span(c.Closure.On) {
				return fmt.Errorf("%s counts in %s", c.Number, q.From.Format("2006-01"))
			}
		}
	case claimRepeat:
		// Brute force over the whole ledger, not reminders.RepeatLosses.
		within := time.Duration(e.cfg.Rectify.RepeatWithinDays) * 24 * time.Hour
		lostOr := func(c *cases.Case) bool { return c.Closure != nil && (e.s.loss.Lost(c) || cases.Corrected(c)) }
		for _, c := range all {
			if !visible(c) || !caseMatches(c) || !lostOr(c) || !in(c.Closure.On) {
				continue
			}
			for _, p := range all {
				if p.Number == c.Number || !lostOr(p) || strings.TrimSpace(p.Cause) != strings.TrimSpace(c.Cause) ||
					!p.Closure.On.Before(c.Closure.On) || p.Closure.On.Before(c.Closure.On.Add(-within)) {
					continue
				}
				if slices.ContainsFunc(c.Defendants, func(d string) bool { return slices.Contains(p.Defendants, d) }) {
					return fmt.Errorf("%s repeats %s (same defendant and 案由 within %v)", c.Number, p.Number, within)
				}
			}
		}
	default:
		return fmt.Errorf("unknown claim %q", cl.What)
	}
	return nil
}

func defendantsOf(cs []*cases.Case) []string {
	var out []string
	for _, c := range cs {
		for _, d := range c.Defendants {
			if !slices.Contains(out, d) {
				out = append(out, d)
			}
		}
	}
	return out
}
