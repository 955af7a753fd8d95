package handlers

import (
	"slices"
	"strings"
	"time"

	"casebot/bot/cases"
	"casebot/bot/intent"
	"casebot/bot/people"
)

// query is what a question keeps of the ledger, besides the asker's
// scope: the filters the understanding step found, made concrete for the
// asker (我们局 is their agency, 我的庭 the hearings they appear at).
type query struct {
	// Agencies are ledger agencies (nil: any). Unknown is an agency as
	// written that the ledger does not have: nothing matches it.
	Agencies []string `json:"agencies,omitempty"`
	Unknown  string   `json:"unknown,omitempty"`
	// Numbers, when set, keeps those cases only (a report naming a case).
	Numbers []string `json:"numbers,omitempty"`
	// Own keeps the cases of the asker's own agency.
	Own   bool   `json:"own,omitempty"`
	Party string `json:"party,omitempty"`
	// Others are further plaintiffs the case must name too.
	Others []string `json:"others,omitempty"`
	// Person is named as 出庭负责人 (Role head), 承办人 (handler) or either.
	Person string `json:"person,omitempty"`
	Role   string `json:"role,omitempty"`

	Kind    string `json:"kind,omitempty"`
	Stage   string `json:"stage,omitempty"`
	Cause   string `json:"cause,omitempty"`
	Outcome string `json:"outcome,omitempty"`
	Reason  string `json:"reason,omitempty"`
	// Metric, for counts, says which date From/To bound and which cases
	// count (lost, corrected); Open keeps open cases only.
	Metric intent.Metric `json:"metric,omitempty"`
	Open   bool          `json:"open,omitempty"`
	// DeadlineKinds, for deadlines, are the kinds asked (none: every kind).
	DeadlineKinds []string `json:"deadline_kinds,omitempty"`
	// Suggestion, for a Suggested count, is the kind counted (empty: both).
	Suggestion string `json:"suggestion,omitempty"`
	// Since keeps open cases and those closed on or after it: the working
	// set a question naming only a kind, stage or 案由 is about.
	Since time.Time `json:"since,omitzero"`

	// From and To bound the hearing's time (hearings) or the metric's
	// date (counts); zero is unbounded.
	From time.Time `json:"from,omitzero"`
	To   time.Time `json:"to,omitzero"`
	// TimeOfDay (am, pm), Clock (09:30) and Must (第4条 cases) narrow
	// hearings.
	TimeOfDay string `json:"tod,omitempty"`
	Clock     string `json:"clock,omitempty"`
	Must      bool   `json:"must,omitempty"`
	// Place keeps hearings in a courtroom (intent.CanonicalPlace form).
	Place string `json:"place,omitempty"`
	// CourtLevel keeps the cases before a court of that level
	// (intent.CourtOfLevel).
	CourtLevel string `json:"court_level,omitempty"`
	// NumberYear keeps the cases whose 案号 carries that year.
	NumberYear int `json:"number_year,omitempty"`
	// NotAppeared keeps hearings whose head was recorded as absent or
	// not recorded at all (the bulletin counts both as absent).
	NotAppeared bool `json:"not_appeared,omitempty"`
	// HeardBy, for cases (not hearings) with NotAppeared, keeps the cases
	// with a hearing held before it whose head was recorded absent or not
	// recorded (有没有负责人没出庭的败诉案子).
	HeardBy time.Time `json:"heard_by,omitzero"`
	// HeldBy keeps the cases with a hearing held before it, whoever
	// appeared (开完庭还没判的: with Open, heard and not yet decided).
	HeldBy time.Time `json:"held_by,omitzero"`
}

// claim is a “没有 / 0 件” statement an answer makes, with what it is a
// statement about, so that every one can be checked against the ledger
// (the corpus test does, for every reply): Text is the words of the reply
// that say it.
type claim struct {
	Text string `json:"text"`
	// What is one of the claim kinds below.
	What string `json:"what"`
	Q    query  `json:"q"`
	// Numbers are the case numbers a claimNumber says the asker cannot
	// see (none of them exists in their scope).
	Numbers []string    `json:"numbers,omitempty"`
	Rate    intent.Rate `json:"rate,omitempty"`
	// State is the review state a claimDrafts says no draft is in.
	State string `json:"state,omitempty"`
}

// Claim kinds.
const (
	claimHearings  = "hearings"  // no hearing of a visible case matches Q
	claimCases     = "cases"     // no visible case matches Q (with Q.Metric in the period)
	claimNumber    = "number"    // none of Numbers is a case the asker may see
	claimAbsent    = "absent"    // none of Numbers is in the ledger at all
	claimRate      = "rate"      // the rate has no denominator over Q (no closed or heard case)
	claimChanges   = "changes"   // no hearing moved or cancelled in [From, To)
	claimBulletin  = "bulletin"  // no first-instance litigation or reconsideration in the month and year to date
	claimList      = "list"      // the conversation holds no list (更多 past the end, 第N个)
	claimDrafts    = "drafts"    // no 以案说法 draft version is in State (with Numbers: those cases have no draft)
	claimDeadlines = "deadlines" // no open deadline of Q.DeadlineKinds of a visible case falls in [From, To) (zero From: any day before To; appeals only when named)
	claimField     = "field"     // the case does not record the field (no 出庭负责人, no 败诉原因)
	claimRisk      = "risk"      // no open visible case is flagged 败诉风险 (重点案件)
	claimUncovered = "uncovered" // no case of the whole ledger was pending in [Q.From, Q.To): closed in it, or filed before Q.To and not closed before Q.From
)

// queryOf makes the understanding's filters concrete for viewer.
func (s *service) queryOf(u intent.Understanding, viewer *people.Person) query {
	q := query{Agencies: u.Agencies, Party: u.Party, Others: u.Others, Person: u.Person, Role: u.PersonRole,
		Kind: u.CaseKind, Stage: u.Stage, Cause: u.Cause, Outcome: u.Outcome, Reason: u.Reason,
		TimeOfDay: u.TimeOfDay, Clock: u.Clock, Must: u.MustAppear, Place: u.Place, NotAppeared: u.NotAppeared,
		CourtLevel: u.CourtLevel, NumberYear: u.NumberYear}
	if q.Role == "any" {
		q.Role = ""
	}
	if u.Agency != "" && len(u.Agencies) == 0 {
		q.Unknown = u.Agency
	}
	switch u.Mine {
	case intent.MineAgency:
		q.Own = viewer.Agency != ""
	case intent.MineSelf:
		if viewer.Role == people.Head || viewer.Role == people.Handler {
			// Their own are the cases that name them, of whichever agency
			// they may see (scope.Named), not only their agency's.
			q.Person = viewer.Name
			q.Role = map[people.Role]string{people.Head: "head", people.Handler: "handler"}[viewer.Role]
		}
	}
	return q
}

// caseOK reports whether case c, which viewer may see, passes q's case
// filters (not its period: callers bound dates).
func (s *service) caseOK(q query, viewer *people.Person, c *cases.Case) bool {
	switch {
	case q.Unknown != "":
		return false
	case q.Numbers != nil && !slices.Contains(q.Numbers, c.Number):
		return false
	case q.Agencies != nil && !slices.ContainsFunc(q.Agencies, c.HasDefendant):
		return false
	case q.Own && !s.scope.OwnAgency(viewer, c):
		return false
	case q.Party != "" && !slices.ContainsFunc(c.Plaintiffs, func(p cases.Party) bool { return p.Name == q.Party }):
		return false
	case slices.ContainsFunc(q.Others, func(o string) bool {
		return !slices.ContainsFunc(c.Plaintiffs, func(p cases.Party) bool { return p.Name == o })
	}):
		return false
	case q.Person != "" && !names(c, q.Person, q.Role):
		return false
	case q.Kind != "" && string(c.Kind) != q.Kind:
		return false
	case q.Stage != "" && string(c.Stage) != q.Stage:
		return false
	case q.CourtLevel != "" && !intent.CourtOfLevel(c.Court, q.CourtLevel):
		return false
	case q.NumberYear != 0 && numberYear(c.Number) != q.NumberYear:
		return false
	case q.Cause != "" && !strings.Contains(c.Cause, q.Cause):
		return false
	case q.Outcome != "" && (c.Closure == nil || !strings.Contains(string(c.Closure.Method), q.Outcome)):
		return false
	case q.Reason != "" && (c.Closure == nil || !strings.Contains(c.Closure.Reason, q.Reason)):
		return false
	case q.Open && c.Closure != nil:
		return false
	case !q.Since.IsZero() && c.Closure != nil && c.Closure.On.Before(q.Since):
		return false
	case !q.HeardBy.IsZero() && !headAbsent(c, q.HeardBy):
		return false
	case !q.HeldBy.IsZero() && !heldBefore(c, q.HeldBy):
		return false
	}
	return true
}

// headAbsent reports whether a hearing of c held before by had its head
// recorded absent or not recorded (the bulletin counts both as absent).
func headAbsent(c *cases.Case, by time.Time) bool {
	for _, h := range c.Hearings {
		if !h.Cancelled && h.At.Before(by) && (h.HeadAppeared == nil || !*h.HeadAppeared) {
			return true
		}
	}
	return false
}

// heldBefore reports whether a hearing of c was held before by.
func heldBefore(c *cases.Case, by time.Time) bool {
	return slices.ContainsFunc(c.Hearings, func(h cases.Hearing) bool { return !h.Cancelled && h.At.Before(by) })
}

// names reports whether c names person as 承办人 (role handler), as a
// hearing's 出庭负责人 (head), or either (role "").
func names(c *cases.Case, person, role string) bool {
	if role != "head" && c.Handler == person {
		return true
	}
	if role != "handler" {
		for _, h := range c.Hearings {
			if !h.Cancelled && h.Head == person {
				return true
			}
		}
	}
	return false
}

// hearingOK reports whether hearing h of case c passes q's hearing
// filters: the period, the time of day, the clock, 应当出庭, and the person
// (as the hearing's 出庭负责人, or the case's 承办人).
func hearingOK(q query, c *cases.Case, h cases.Hearing, loc *time.Location) bool {
	at := h.At.In(loc)
	switch {
	case h.Cancelled:
		return false
	case !q.From.IsZero() && at.Before(q.From):
		return false
	case !q.To.IsZero() && !at.Before(q.To):
		return false
	case q.TimeOfDay == "am" && at.Hour() >= 12, q.TimeOfDay == "pm" && at.Hour() < 12:
		return false
	case q.Clock != "" && at.Format("15:04") != q.Clock:
		return false
	case q.Must && !h.MustAppear:
		return false
	case q.Place != "" && !strings.Contains(intent.CanonicalPlace(h.Place), q.Place):
		return false
	case q.NotAppeared && h.HeadAppeared != nil && *h.HeadAppeared:
		return false
	case q.Person != "" && !(q.Role != "handler" && h.Head == q.Person || q.Role != "head" && c.Handler == q.Person):
		return false
	}
	return true
}

// inPeriod reports whether the date a count counts by falls in q's period.
func (s *service) countOK(q query, c *cases.Case) bool {
	in := func(t time.Time) bool {
		return !t.IsZero() && (q.From.IsZero() || !t.Before(q.From)) && (q.To.IsZero() || t.Before(q.To))
	}
	switch q.Metric {
	case intent.Lost:
		return c.Closure != nil && s.loss.Lost(c) && in(c.Closure.On)
	case intent.Corrected:
		return c.Closure != nil && cases.Corrected(c) && in(c.Closure.On)
	case intent.Closed:
		return c.Closure != nil && in(c.Closure.On)
	case intent.Filed:
		return in(c.FiledOn)
	case intent.Open:
		return c.Open()
	case intent.Suggested:
		return slices.ContainsFunc(c.Suggestions, func(sg cases.Suggestion) bool {
			return (q.Suggestion == "" || string(sg.Kind) == q.Suggestion) && in(sg.ReceivedOn)
		})
	}
	if q.Outcome != "" || q.Reason != "" { // 撤诉的, by closing date
		return c.Closure != nil && in(c.Closure.On)
	}
	return true
}
