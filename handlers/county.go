package handlers

import (
	"fmt"
	"strings"

	"casebot/bot"
	"casebot/bot/bulletin"
	"casebot/bot/intent"
	"casebot/bot/people"
)

// A head asking a county-wide count (11月全县败诉几件, 全县今年新收多少)
// is answered with the county's figure: the monthly bulletin, which heads
// receive, publishes it, so chat tells them no more than they are sent.
// The figure is the bulletin's own computation over the period
// (bulletin.ComputeSpan, as rates are), said as the county's, with their
// agency's beside it and the cases of theirs it counts; other agencies'
// case lists stay outside their scope, and the answer says so. Handlers,
// who are not sent the bulletin, keep their scoped count; agency wording
// (我们局) never reaches here.

// countyMetric reports whether the bulletin publishes a county figure for
// what u counts, with no filter it does not break down by.
func countyMetric(u intent.Understanding) bool {
	switch u.Metric {
	case intent.Lost, intent.Closed, intent.Filed, intent.Corrected:
	default:
		return false
	}
	return u.Cause == "" && u.Stage == "" && u.Party == "" && u.Person == "" && u.Place == "" && u.CourtLevel == "" &&
		u.Outcome == "" && u.Reason == "" && !u.NotAppeared && !u.Repeat && u.NumberYear == 0 &&
		(u.CaseKind == "" || u.CaseKind == kindFor(u.Metric))
}

// kindFor is the kind of case a county figure counts.
func kindFor(m intent.Metric) string {
	if m == intent.Corrected {
		return "行政复议"
	}
	return "行政诉讼"
}

// countyAsked reports whether a head asks the whole county's count.
func countyAsked(u intent.Understanding, viewer *people.Person) bool {
	return viewer.Role == people.Head && countyWide(u) && len(u.Agencies) == 0 && u.Agency == "" && u.Mine == "" && countyMetric(u)
}

// countyFigure states one count of the figures f.
func countyFigure(m intent.Metric, f bulletin.Figures) string {
	rate := func(name string, r *bulletin.Rate) string {
		if r == nil {
			return "" // no denominator: no rate to state
		}
		return "，" + name + " " + bulletin.Percent(r)
	}
	switch m {
	case intent.Lost:
		return fmt.Sprintf("一审行政诉讼审结 %d 件，其中败诉 %d 件", f.Closed, f.Lost) + rate("败诉率", f.LossRate)
	case intent.Closed:
		return fmt.Sprintf("一审行政诉讼审结 %d 件，其中败诉 %d 件", f.Closed, f.Lost)
	case intent.Filed:
		return fmt.Sprintf("新收一审行政诉讼 %d 件", f.Filed)
	}
	return fmt.Sprintf("行政复议办结 %d 件，其中纠错 %d 件", f.ReconsiderationClosed, f.ReconsiderationCorrected) + rate("纠错率", f.CorrectionRate)
}

// countyNote leads a scoped count that was asked of the whole county and
// is not answered with the county's figure, so that its number is not read
// as the county's: a handler is not sent the bulletin; a head asked
// something the bulletin does not publish (全县未结案件).
func countyNote(u intent.Understanding, viewer *people.Person) string {
	if viewer.Bureau() || !countyWide(u) || len(u.Agencies) > 0 || u.Mine != "" {
		return ""
	}
	switch {
	case viewer.Role == people.Handler || viewer.Role == people.Pufa:
		return "全县的统计数字随月度败诉通报提供给司法局应诉专班和各单位负责人；以下仅统计您可查看的案件：\n\n"
	case viewer.Role == people.Head && !countyAsked(u, viewer):
		return "月度败诉通报不公布这一项的全县数字；以下仅统计您可查看的案件：\n\n"
	}
	return ""
}

// countyCount answers a head's county-wide count (countyAsked) over the
// period of u (set by countAnswer), q being the count over their scope.
func (s *service) countyCount(c bot.Context, u intent.Understanding, q query) (answer, error) {
	viewer, now := c.Person(), c.Now()
	p := u.Period
	sp, err := s.span(c.Ctx(), p.From, p.To, now)
	if err != nil {
		return answer{}, err
	}
	label := periodSoFar(p, now)
	b := []string{fmt.Sprintf("**%s全县（本地区）**%s。", label, countyFigure(u.Metric, sp.Total.Figures))}
	for _, ag := range s.ownLedgerAgencies(c, viewer) {
		st := sp.Agency(ag)
		if st == nil {
			st = &bulletin.Stats{Agency: ag}
		}
		b = append(b, fmt.Sprintf("其中贵单位（%s）：%s。", ag, countyFigure(u.Metric, st.Figures)))
	}
	b = append(b, "<font color=\"comment\">全县数字与月度败诉通报同一口径（诉讼只计一审行政诉讼案件）。其他单位的案件清单不在您可以查看的范围内，如需了解请联系司法局应诉专班。</font>")
	md := strings.Join(b, "\n\n")
	numbers, err := s.countNumbers(c, u, q)
	if err != nil || len(numbers) == 0 {
		return answer{md: md, results: 1}, err
	}
	title := md + fmt.Sprintf("\n\n**您可以查看的%s**：%d 件", s.countTitle(u, viewer), len(numbers))
	return s.listAbout(c, title, listCases, numbers, len(numbers), u.Aspect)
}
