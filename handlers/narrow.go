package handlers

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"casebot/bot/bulletin"
	"casebot/bot/cases"
	"casebot/bot/intent"
	"casebot/bot/people"
)

// narrow keeps, in order, the numbers of the cases viewer may see that q
// keeps, reading indexes before cases: the kind and stage from the number,
// scope and agencies from the agency index (ZMSCORE), openness from the
// open set (SMISMEMBER); only when q still asks something only a case
// holds (a party, a person, a 案由, a 结案方式 or 败诉原因, a count's date
// from a source not indexed by it) are the remaining cases loaded. fromIndex
// says the numbers already satisfy q's metric and period (they came from
// that metric's index), so counts need not load them to check dates.
func (s *service) narrow(ctx context.Context, viewer *people.Person, q query, numbers []string, fromIndex bool) ([]string, error) {
	// A number that does not parse, or whose code implies no stage (行他),
	// is checked on its case: the ledger's 审理阶段 column says it.
	recheck := false
	if q.Kind != "" || q.Stage != "" {
		out := numbers[:0:0]
		for _, n := range numbers {
			num, err := cases.ParseCanonical(n)
			switch {
			case err != nil || q.Stage != "" && num.Stage() == "":
				recheck = true
			case q.Kind != "" && string(num.Kind()) != q.Kind, q.Stage != "" && string(num.Stage()) != q.Stage:
				continue
			}
			out = append(out, n)
		}
		numbers = out
	}
	if q.CourtLevel != "" {
		// 高院那个案子 over 100k cases decoded every one (1.2 s): the court
		// code of a 案号 says the level (黔 a high court, 黔01 an
		// intermediate, 黔0115 a basic one), and a 复议 number is no court's.
		// A legacy number (黔高行终字) is left to the case's 承办法院.
		out := numbers[:0:0]
		for _, n := range numbers {
			if num, err := cases.ParseCanonical(n); err == nil && !courtCodeMayBe(num, q.CourtLevel) {
				continue
			}
			out = append(out, n)
		}
		numbers = out
	}
	var err error
	switch viewer.Role {
	case people.Head, people.Handler:
		// Their agency's cases and those of other agencies naming them
		// (scope.Named); their agency's only when q says 我们局 (Own).
		if numbers, err = s.amongOwnAgencies(ctx, viewer, numbers, !q.Own); err != nil {
			return nil, err
		}
	case people.Pufa:
		if numbers, err = s.openFilter(ctx, numbers, false); err != nil {
			return nil, err
		}
	case people.Admin, people.Staff:
	default:
		return nil, nil
	}
	if q.Own && viewer.Bureau() {
		return nil, nil // the bureau has no agency of its own
	}
	if q.Agencies != nil {
		if numbers, err = s.inAgencies(ctx, q.Agencies, numbers); err != nil {
			return nil, err
		}
	}
	if q.Open || q.Metric == "open" {
		if numbers, err = s.openFilter(ctx, numbers, true); err != nil {
			return nil, err
		}
	}
	data := recheck || q.CourtLevel != "" || q.NumberYear != 0 || q.Party != "" || len(q.Others) > 0 || q.Person != "" || q.Cause != "" || q.Outcome != "" || q.Reason != "" ||
		q.Unknown != "" || !q.HeardBy.IsZero() || !q.HeldBy.IsZero() || !q.Since.IsZero() && !fromIndex || q.Metric != "" && q.Metric != "open" && !fromIndex
	if !data {
		return numbers, nil
	}
	if !recheck && q.CourtLevel == "" && q.NumberYear == 0 && q.Numbers == nil && q.Party == "" && len(q.Others) == 0 && q.Person != "" && q.Cause == "" && q.Outcome == "" && q.Reason == "" &&
		q.Unknown == "" && q.HeardBy.IsZero() && q.HeldBy.IsZero() && (q.Since.IsZero() || fromIndex) && (q.Metric == "" || q.Metric == "open" || fromIndex) {
		// Only the person's role is left to check (钱坤手上有几个案子, 我的
		// 案件): scope was narrowed by the indexes above, and the role can
		// be read off the stored JSON without decoding every case.
		return s.personRole(ctx, q.Person, q.Role, numbers)
	}
	return s.visibleNumbers(ctx, viewer, numbers, func(c *cases.Case) bool {
		return s.caseOK(q, viewer, c) && (fromIndex || s.countOK(q, c))
	})
}

// personRole keeps, in order, the numbers whose case names person in role
// (names: "handler", "head" or "" for either). Decoding a case's JSON is
// what lists of an agency's or a person's 2000 cases spent their time on
// (the profile of BenchmarkQueryByNumber), so the stored bytes are
// searched first: names compares exactly, and the case is encoded by
// json.Marshal, so `"handler":<name>` is in the bytes exactly when the
// case's 承办人 is person, and without `"head":<name>` no hearing has
// person as its 出庭负责人; only a case with the latter, whose hearing may
// be cancelled, is decoded to be sure.
func (s *service) personRole(ctx context.Context, person, role string, numbers []string) ([]string, error) {
	name, err := json.Marshal(person)
	if err != nil {
		return nil, err
	}
	handler, head := []byte(`"handler":`+string(name)), []byte(`"head":`+string(name))
	raws, err := s.st.GetManyRaw(ctx, numbers)
	if err != nil {
		return nil, err
	}
	out := numbers[:0:0]
	for i, b := range raws {
		switch {
		case b == nil:
		case role != "head" && bytes.Contains(b, handler):
			out = append(out, numbers[i])
		case role != "handler" && bytes.Contains(b, head):
			var c cases.Case
			if err := json.Unmarshal(b, &c); err != nil {
				return nil, fmt.Errorf("decode case %s: %w", numbers[i], err)
			}
			if names(&c, person, role) {
				out = append(out, numbers[i])
			}
		}
	}
	return out, nil
}

// inAgencies keeps the numbers that are cases of one of agencies.
func (s *service) inAgencies(ctx context.Context, agencies []string, numbers []string) ([]string, error) {
	keep := make([]bool, len(numbers))
	for _, a := range agencies {
		in, err := s.st.InAgency(ctx, a, numbers)
		if err != nil {
			return nil, err
		}
		for i, ok := range in {
			keep[i] = keep[i] || ok
		}
	}
	out := numbers[:0:0]
	for i, n := range numbers {
		if keep[i] {
			out = append(out, n)
		}
	}
	return out, nil
}

// openFilter keeps the open cases (open) or the closed ones (!open).
func (s *service) openFilter(ctx context.Context, numbers []string, open bool) ([]string, error) {
	out := numbers[:0:0]
	const batch = 5000
	for i := 0; i < len(numbers); i += batch {
		part := numbers[i:min(i+batch, len(numbers))]
		is, err := s.st.OpenAmong(ctx, part)
		if err != nil {
			return nil, err
		}
		for j, o := range is {
			if o == open {
				out = append(out, part[j])
			}
		}
	}
	return out, nil
}

// newestFirst orders case numbers by filing date, newest first, from the
// filing index (no case is loaded); cases filed on no date last.
func (s *service) newestFirst(ctx context.Context, numbers []string) ([]string, error) {
	return s.st.NewestFirst(ctx, numbers)
}

// firstInstances counts the 一审行政诉讼 among numbers as the bulletin does
// (bulletin.FirstInstance): by the number, whose stage the ledger's 审理阶段
// must agree with; a number that implies no stage (行他) or does not parse
// is counted by its case.
func (s *service) firstInstances(ctx context.Context, numbers []string) (int, error) {
	first := 0
	var unsure []string
	for _, n := range numbers {
		num, err := cases.ParseCanonical(n)
		switch {
		case err != nil || num.Stage() == "":
			unsure = append(unsure, n)
		case num.Kind() == cases.Litigation && num.Stage() == cases.StageFirst:
			first++
		}
	}
	if len(unsure) == 0 {
		return first, nil
	}
	cs, err := s.st.GetMany(ctx, unsure)
	if err != nil {
		return 0, err
	}
	for _, c := range cs {
		if c != nil && bulletin.FirstInstance(c) {
			first++
		}
	}
	return first, nil
}

// byAgency counts numbers by defendant agency from the agency index (a
// case of two agencies counts for each), most first: 某县公安局 5 件、….
func (s *service) byAgency(ctx context.Context, numbers []string) (string, error) {
	known, err := s.st.Agencies(ctx)
	if err != nil {
		return "", err
	}
	type count struct {
		agency string
		n      int
	}
	var counts []count
	for _, a := range known {
		in, err := s.st.InAgency(ctx, a, numbers)
		if err != nil {
			return "", err
		}
		n := 0
		for _, ok := range in {
			if ok {
				n++
			}
		}
		if n > 0 {
			counts = append(counts, count{a, n})
		}
	}
	slices.SortFunc(counts, func(a, b count) int {
		if a.n != b.n {
			return b.n - a.n
		}
		return strings.Compare(a.agency, b.agency)
	})
	parts := make([]string, len(counts))
	for i, c := range counts {
		parts[i] = fmt.Sprintf("%s %d 件", c.agency, c.n)
	}
	return strings.Join(parts, "、"), nil
}

// courtCodeMayBe reports whether the court of number n may be of level (an
// intent.Court* level): false only when its code says another level. The
// case's 承办法院 is still checked (caseOK) for the numbers kept.
func courtCodeMayBe(n cases.Number, level string) bool {
	switch n.Form {
	case cases.ReconsiderationNumber:
		return false // a 复议机关 is no court of any level (intent.CourtOfLevel)
	case cases.CourtNumber:
	default:
		return true
	}
	if n.Court == "最高法" {
		return false
	}
	digits := 0
	for _, r := range n.Court {
		if r >= '0' && r <= '9' {
			digits++
		}
	}
	switch level {
	case intent.CourtHigh:
		return digits == 0
	case intent.CourtMiddle:
		return digits == 2
	case intent.CourtBasic:
		return digits == 4
	}
	return true
}
