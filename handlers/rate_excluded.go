package handlers

import (
	"fmt"
	"regexp"
	"strings"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/bulletin"
	"casebot/bot/intent"
	"casebot/bot/people"
)

// excludedAskedRe is a loss rate asked again without the cases closed by
// mediation or withdrawal (不算撤诉的话呢, 去掉调撤的): read as its own
// question it listed the 撤诉 cases, the very ones to leave out.
var excludedAskedRe = regexp.MustCompile(`(?:不算|不计|不含|不包括|除去|除了|去掉|去除|扣除|扣掉|刨去|刨除|排除)(?:那些|这些|那几个|掉)?(?:撤诉|调解|调撤|撤回起诉|撤案)`)

// excludedRate answers a loss rate just given again without the cases
// closed by mediation or withdrawal: lost ÷ (closed − mediated or
// withdrawn), from the bulletin's own figures, beside the 判决口径 rate
// (which leaves out every closing that is no judgment). It reports whether
// the message asked that of the last rate.
func (s *service) excludedRate(c bot.Context, text string, prev *lastQuestion) (bool, error) {
	if prev == nil || prev.U.Kind != intent.Rates || prev.U.Rate != intent.LossRate && prev.U.Rate != intent.JudgedLossRate && prev.U.Rate != "" ||
		prev.U.ByMonth || prev.U.Rank != "" || !excludedAskedRe.MatchString(intent.Normalize(text)) {
		return false, nil
	}
	viewer, now := c.Person(), c.Now()
	if viewer == nil || viewer.Role == people.Pufa || viewer.Role == "" {
		return false, nil
	}
	u := prev.U
	p := u.Period
	if p.IsZero() {
		p = yearOf(now)
	}
	sp, err := s.span(c.Ctx(), p.From, p.To, now)
	if err != nil {
		return true, err
	}
	who, st := "本地区", &sp.Total
	if len(u.Agencies) == 0 && (u.Mine != "" || viewer.Role == people.Handler) {
		u.Agencies = s.ownLedgerAgencies(c, viewer) // 我们局今年败诉率 → 去掉调撤的: the agency's own
		if len(u.Agencies) == 0 {
			return false, nil
		}
	}
	if len(u.Agencies) == 1 {
		who = u.Agencies[0]
		if st = sp.Agency(who); st == nil {
			st = &bulletin.Stats{Agency: who}
		}
	} else if len(u.Agencies) > 1 {
		return false, nil
	}
	label := periodSoFar(p, now)
	f := st.Figures
	base := f.Closed - f.MediatedWithdrawn
	var b []string
	if base <= 0 {
		b = append(b, fmt.Sprintf("**%s%s**审结的 %d 件都是调解、撤诉结案，除去后不能计算这一口径的败诉率。", label, who, f.Closed))
	} else {
		b = append(b, fmt.Sprintf("**%s%s**不计调解、撤诉结案的败诉率 **%.2f%%**：审结 %d 件，除去调解、撤诉结案 %d 件后为 %d 件，败诉 %d 件。",
			label, who, 100*float64(f.Lost)/float64(base), f.Closed, f.MediatedWithdrawn, base, f.Lost))
	}
	if f.LossRateJudged != nil {
		b = append(b, fmt.Sprintf("判决口径（只计判决结案的 %d 件）败诉率为 %s；月度通报的败诉率按全部审结案件计算，为 %s。",
			f.Judged, bulletin.Percent(f.LossRateJudged), bulletin.Percent(f.LossRate)))
	}
	b = append(b, "<font color=\"comment\">口径同月度败诉通报：诉讼只计一审行政诉讼案件；“不计调解、撤诉”是按您的要求另行计算的参考口径。</font>")
	md := strings.Join(b, "\n\n")
	return true, s.recordAndReply(c, u, answer{md: md, outcome: audit.Answered, noEcho: true, detail: "rate:excluded"})
}
