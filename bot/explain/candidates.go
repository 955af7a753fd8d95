package explain

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"casebot/bot/cases"
)

// Candidate is a recently closed case worth writing up.
type Candidate struct {
	Number   string        `json:"number"`
	Kind     cases.Kind    `json:"kind"`
	Agencies []string      `json:"agencies"`
	Cause    string        `json:"cause,omitempty"`
	Outcome  cases.Outcome `json:"outcome"`
	// Class says how it ended for the agency: 行政机关败诉, 复议纠错…
	Class    string    `json:"class"`
	ClosedOn time.Time `json:"closed_on"`
	// Lost is set for a 败诉 or 纠错 case: those come first.
	Lost        bool `json:"lost"`
	HasDecision bool `json:"has_decision"`
	// Drafts counts the case's drafts; State is its newest's review state.
	Drafts int   `json:"drafts"`
	State  State `json:"state,omitempty"`
}

// Line is the candidate in one line, as the chat and the CLI list it:
// the number, how it ended, the agencies, the 结案方式 and day, whether a
// decision is attached and where its drafts stand.
func (c Candidate) Line() string {
	doc := "未关联文书"
	if c.HasDecision {
		doc = "已关联文书"
	}
	draft := "尚无草稿"
	if c.Drafts > 0 {
		draft = fmt.Sprintf("草稿第 %d 版：%s", c.Drafts, c.State)
	}
	return fmt.Sprintf("%s｜%s｜%s｜%s｜%s结案｜%s｜%s", c.Number, c.Class, strings.Join(c.Agencies, "、"), c.Outcome,
		c.ClosedOn.Format("2006-01-02"), doc, draft)
}

// Candidates lists the cases closed in the window before now that are
// worth a 以案说法: lost (败诉) and corrected (纠错) cases first, then those
// the agency settled by changing its act, then the others; within each,
// by agency, the most recently closed first. Each says whether a decision
// is attached and where its drafts stand. Non-litigation reviews (非诉执行)
// are left out. limit 0 means all. Five round trips whatever the number
// of cases (closed index, cases, decisions, drafts and reviews).
func (s *Service) Candidates(ctx context.Context, now time.Time, window time.Duration, limit int) ([]Candidate, error) {
	numbers, err := s.Store.ClosedNumbers(ctx, now.Add(-window), now)
	if err != nil {
		return nil, err
	}
	cs, err := s.Store.GetMany(ctx, numbers)
	if err != nil {
		return nil, err
	}
	var out []Candidate
	for _, c := range cs {
		if c == nil || c.Closure == nil || c.Kind == cases.NonLitigation {
			continue
		}
		out = append(out, s.candidate(c))
	}
	if err := s.annotate(ctx, out); err != nil {
		return nil, err
	}
	rank := func(c Candidate) int {
		switch {
		case c.Lost:
			return 0
		case c.Outcome == cases.WithdrawalAfterCorrection:
			return 1
		}
		return 2
	}
	agency := func(c Candidate) string {
		if len(c.Agencies) > 0 {
			return c.Agencies[0]
		}
		return ""
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if rank(a) != rank(b) {
			return rank(a) < rank(b)
		}
		if agency(a) != agency(b) {
			return agency(a) < agency(b)
		}
		return a.ClosedOn.After(b.ClosedOn)
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

// CandidateOf is closed case c as a candidate: how it ended, whether a
// decision is attached and where its drafts stand (chat's 85号能写吗).
func (s *Service) CandidateOf(ctx context.Context, c *cases.Case) (Candidate, error) {
	out := []Candidate{s.candidate(c)}
	if err := s.annotate(ctx, out); err != nil {
		return Candidate{}, err
	}
	return out[0], nil
}

// candidate is closed case c with how it ended, before annotate.
func (s *Service) candidate(c *cases.Case) Candidate {
	class := outcomeClass(c, s.Gen.Loss)
	return Candidate{
		Number: c.Number, Kind: c.Kind, Agencies: c.Defendants, Cause: c.Cause, Outcome: c.Closure.Method,
		Class: class, ClosedOn: c.Closure.On.In(s.Gen.loc()), Lost: class == "行政机关败诉" || class == "复议纠错",
	}
}

// annotate says of each candidate whether a decision is attached and
// where its drafts stand: three round trips whatever their number.
func (s *Service) annotate(ctx context.Context, out []Candidate) error {
	nums := make([]string, len(out))
	for i, c := range out {
		nums[i] = c.Number
	}
	has, err := s.Attach.Decisions.Has(ctx, nums)
	if err != nil {
		return err
	}
	counts, err := s.Drafts.Counts(ctx, nums)
	if err != nil {
		return err
	}
	reviews, err := s.Reviews.Newest(ctx, nums, counts)
	if err != nil {
		return err
	}
	for i := range out {
		out[i].HasDecision, out[i].Drafts = has[i], counts[i]
		if rv := reviews[i]; rv != nil {
			out[i].State = rv.State
		}
	}
	return nil
}
