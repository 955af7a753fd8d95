package handlers

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/bulletin"
	"casebot/bot/cases"
	"casebot/bot/intent"
)

// Breakdowns split a figure the bot already answers: a count by month
// (今年败诉了几件 → 按月分一下), a rate by agency or by month (各单位败诉率,
// 纠错率按局排, 今年出庭率按月), and a count or list by kind of case
// (复议和诉讼各多少). Each part is computed by the code that answers the
// whole, so the parts add up to the figure just given.

// monthSplit says how many of the counted cases fall in each month, by
// the date the count counts them on: the closing date for 败诉, 结案 and
// 纠错, the filing date for 新收 and 未结, read from that date's index (no
// case is loaded). Only months holding a case are named, so it states no
// none.
func (s *service) monthSplit(ctx context.Context, numbers []string, m intent.Metric, loc *time.Location) (string, error) {
	if m == intent.Suggested {
		return "", nil // counted by the day the suggestion came, which no case date here is
	}
	byFiling := m == intent.Filed || m == intent.Open
	scores, has, err := s.st.ClosedScores(ctx, numbers)
	if byFiling {
		scores, has, err = s.st.FiledScores(ctx, numbers)
	}
	if err != nil {
		return "", err
	}
	type month struct {
		y int
		m time.Month
	}
	counts := map[month]int{}
	var order []month
	undated := 0
	for i := range numbers {
		if !has[i] || scores[i] == 0 {
			undated++
			continue
		}
		on := time.Unix(int64(scores[i]), 0).In(loc)
		k := month{on.Year(), on.Month()}
		if counts[k] == 0 {
			order = append(order, k)
		}
		counts[k]++
	}
	if len(order) == 0 {
		return "", nil
	}
	slices.SortFunc(order, func(a, b month) int { // chronological, oldest first
		return cmp.Or(cmp.Compare(a.y, b.y), cmp.Compare(a.m, b.m))
	})
	sameYear := order[0].y == order[len(order)-1].y
	var parts []string
	for _, k := range order {
		label := fmt.Sprintf("%d月", k.m)
		if !sameYear {
			label = fmt.Sprintf("%d年%d月", k.y, k.m)
		}
		parts = append(parts, fmt.Sprintf("%s %d 件", label, counts[k]))
	}
	by := "结案日期"
	if byFiling {
		by = "立案日期"
	}
	out := "按月（" + by + "）：" + strings.Join(parts, "、")
	if undated > 0 {
		out += fmt.Sprintf("；另有 %d 件未登记%s", undated, by)
	}
	return out, nil
}

// rateByMonth answers a rate month by month over the period asked (up to
// today), each month computed as the bulletin computes that month:
// 今年败诉率按月分一下. A run of months with nothing to divide by is one
// line, its none computed over the run (the counts add up month by month).
func (s *service) rateByMonth(c bot.Context, u intent.Understanding, p intent.Period, label, who, agency string) (answer, error) {
	now := c.Now()
	a := answer{results: 1}
	var lines []string
	var runFrom, runTo time.Time // months in a row with no denominator
	flush := func() {
		if runFrom.IsZero() {
			return
		}
		label := fmt.Sprintf("%d年%d月", runFrom.Year(), runFrom.Month())
		if last := runTo.AddDate(0, -1, 0); last.After(runFrom) {
			label = fmt.Sprintf("%d年%d—%d月", runFrom.Year(), runFrom.Month(), last.Month())
		}
		line, cl := rateLine(who, &bulletin.Stats{Agency: agency}, u.Rate, label)
		for i := range cl {
			cl[i].Q.From, cl[i].Q.To = runFrom, runTo
			if agency != "" {
				cl[i].Q.Agencies = []string{agency}
			}
		}
		lines = append(lines, "- "+line)
		a.claims = append(a.claims, cl...)
		runFrom = time.Time{}
	}
	for from := time.Date(p.From.Year(), p.From.Month(), 1, 0, 0, 0, 0, p.From.Location()); from.Before(p.To) && !from.After(now); from = from.AddDate(0, 1, 0) {
		to := from.AddDate(0, 1, 0)
		if to.After(p.To) {
			to = p.To
		}
		sp, err := s.span(c.Ctx(), from, to, now)
		if err != nil {
			return answer{}, err
		}
		st := &sp.Total
		if agency != "" {
			if st = sp.Agency(agency); st == nil {
				st = &bulletin.Stats{Agency: agency}
			}
		}
		if ratePtr(st, u.Rate) == nil && from.Year() == to.AddDate(0, 0, -1).Year() && (runFrom.IsZero() || runFrom.Year() == from.Year()) {
			if runFrom.IsZero() {
				runFrom = from
			}
			runTo = to
			continue
		}
		flush()
		if ratePtr(st, u.Rate) == nil {
			runFrom, runTo = from, to
			continue
		}
		line, _ := rateLine(who, st, u.Rate, fmt.Sprintf("%d年%d月", from.Year(), from.Month()))
		lines = append(lines, "- "+line)
	}
	flush()
	a.md = fmt.Sprintf("**%s%s按月**（每月按月度通报口径计算）：", label, who) + "\n" + strings.Join(lines, "\n")
	return a, nil
}

// byKindAnswer answers a count or a list for each kind of case named
// (复议和诉讼各多少): the same question once per kind, each part's first
// paragraph (its title and count), side by side.
func (s *service) byKindAnswer(c bot.Context, u intent.Understanding, last *lastQuestion) (answer, error) {
	var out answer
	var parts []string
	for _, k := range []string{string(cases.Litigation), string(cases.Reconsideration)} {
		v := u
		v.CaseKind, v.ByKind = k, false
		a, err := s.answerFor(c, v, last)
		if err != nil {
			return answer{}, err
		}
		first, _, _ := strings.Cut(a.md, "\n\n")
		parts = append(parts, first)
		for _, cl := range a.claims {
			if strings.Contains(first, cl.Text) {
				out.claims = append(out.claims, cl)
			}
		}
	}
	out.md = strings.Join(parts, "\n\n") + "\n\n分别查看清单，请发送如“行政复议案件”或“行政诉讼案件”。"
	out.results = 1
	return out, nil
}

// splitLast answers a follow-up that asks only for the last figure split
// (按月分一下, 按单位分): the last count or rate again, split; after a
// bulletin, the bulletin's own split (bulletinSplit); with no figure
// before it, which figure to split is asked, never guessed.
func (s *service) splitLast(c bot.Context, sp intent.Split, prev *lastQuestion) error {
	var u intent.Understanding
	ok := prev != nil && (prev.U.Kind == intent.Count || prev.U.Kind == intent.Rates)
	if ok {
		u = prev.U
		u.FollowUp, u.Anchored, u.Residue = true, true, nil
		switch sp {
		case intent.SplitMonth:
			u.ByMonth, u.ByAgency = true, false
		case intent.SplitAgency:
			u.ByAgency, u.ByMonth = true, false
			if u.Kind == intent.Count {
				u.Aspect = intent.Defendant
			}
		}
	}
	var a answer
	if !ok {
		what := map[intent.Split]string{intent.SplitMonth: "按月", intent.SplitAgency: "按单位"}[sp]
		a = answer{md: fmt.Sprintf("请问要%s分的是哪项统计？请连同统计一起发送，例如“今年败诉%s分一下”“今年出庭率%s分”。", what, what, what),
			outcome: audit.NotKnown, noEcho: true}
		u = intent.Understanding{Kind: intent.Unknown}
	} else {
		var err error
		if a, err = s.answerFor(c, u, prev); err != nil {
			return err
		}
		if err := rememberLast(c, lastQuestion{U: u, Shown: a.shown}); err != nil {
			return err
		}
	}
	if err := s.recordAnswer(c, u, a, 0); err != nil {
		return err
	}
	return c.ReplyMarkdown(a.md)
}
