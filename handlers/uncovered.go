package handlers

import (
	"context"
	"fmt"
	"time"

	"casebot/bot"

	"casebot/bot/intent"
	"casebot/bot/people"
)

// A count over a period the ledger holds no case of at all (去年同期 when
// the ledger starts this year) is not 0: it is unknown. “去年同期 0 件” reads
// as a year without cases and a rise from nothing, when the ledger simply
// was not kept then. Every count and comparison asks ledgerCovers first
// and says the period is not in the ledger instead of a none.

// ledgerCovers reports whether the ledger holds any case pending at some
// moment of [from, to): closed in it, or filed before its end and not
// closed before its start.
func (s *service) ledgerCovers(ctx context.Context, from, to time.Time) (bool, error) {
	if n, err := s.st.CountClosed(ctx, from, to); err != nil || n > 0 {
		return n > 0, err
	}
	filed, err := s.st.FiledNumbers(ctx, from.AddDate(-30, 0, 0), to)
	if err != nil {
		return false, err
	}
	cs, err := s.st.GetMany(ctx, filed)
	if err != nil {
		return false, err
	}
	for _, c := range cs {
		if c != nil && (c.Open() || !c.Closure.On.Before(from)) {
			return true, nil
		}
	}
	// A case with no 立案日期 is in no filing index and may have been
	// pending then: one open, or closed after the period began, covers it.
	open, err := s.st.OpenNumbers(ctx)
	if err != nil {
		return false, err
	}
	later, err := s.st.ClosedNumbers(ctx, from, from.AddDate(100, 0, 0))
	if err != nil {
		return false, err
	}
	if cs, err = s.st.GetMany(ctx, append(open, later...)); err != nil {
		return false, err
	}
	for _, c := range cs {
		if c != nil && c.FiledOn.IsZero() {
			return true, nil
		}
	}
	return false, nil
}

// uncoveredText says that the ledger has no case of the period label, so
// that nothing can be counted or compared over it, and what would.
func uncoveredText(label, what string) string {
	return "台账中没有" + label + "的案件记录，无法" + what + "；如需" + what + "，请将该期间的案件补录进台账。"
}

// periodLabel names q's period as the question did, or by its dates.
func periodLabel(p intent.Period, q query) string {
	if p.Label != "" {
		return p.Label
	}
	return q.From.Format("2006年1月2日") + "—" + q.To.Add(-time.Nanosecond).Format("2006年1月2日")
}

// headCountyFallback reports whether a head's count over their scope that
// found nothing is to be answered with the county's figure: a count the
// bulletin publishes (countyMetric), of no agency or person of theirs
// named, whose county figure the bulletin sends heads anyway. Their scoped
// “0 件（仅统计您可查看的案件）” of 复议纠错 reads as the county having none
// when the 复议 cases are other agencies'.
func (s *service) headCountyFallback(u intent.Understanding, q query, viewer *people.Person) bool {
	return viewer != nil && viewer.Role == people.Head && countyMetric(u) && len(u.Agencies) == 0 && u.Agency == "" &&
		u.Mine == "" && len(q.Agencies) == 0 && !q.Own && q.Person == "" && !q.From.IsZero()
}

// countyLine is the county's figure of what u counts over u's period, as
// the monthly bulletin computes it, for a head's scoped none.
func (s *service) countyLine(c bot.Context, u intent.Understanding) (string, error) {
	sp, err := s.span(c.Ctx(), u.Period.From, u.Period.To, c.Now())
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("月度通报口径的全县数字（%s）：%s。其他单位的案件清单不在您可以查看的范围内，如需了解请联系司法局应诉专班。",
		periodSoFar(u.Period, c.Now()), countyFigure(u.Metric, sp.Total.Figures)), nil
}
