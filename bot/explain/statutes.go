package explain

import (
	"strings"

	"casebot/bot/cases"
	"casebot/bot/decision"
)

// The articles a draft may cite, by 结案方式: the legal basis of the way the
// case ended. The model is given these and told to cite nothing else, and
// drafts citing anything else are flagged for the reviewer. Numbering is
// that of the 行政诉讼法 as amended in 2017 and the 行政复议法 as revised in
// 2023; the bureau extends this table as it sees fit.
const (
	litigationLaw      = "《中华人民共和国行政诉讼法》"
	litigationInterp   = "《最高人民法院关于适用〈中华人民共和国行政诉讼法〉的解释》"
	reconsiderationLaw = "《中华人民共和国行政复议法》"
	appearanceRules    = "《最高人民法院关于行政机关负责人出庭应诉若干问题的规定》"
)

var statutesByOutcome = map[cases.Outcome][]string{
	cases.JudgmentRevoke:            {litigationLaw + "第七十条（判决撤销或者部分撤销，并可以判决重新作出行政行为）"},
	cases.JudgmentPartlyRevoke:      {litigationLaw + "第七十条（判决撤销或者部分撤销，并可以判决重新作出行政行为）"},
	cases.JudgmentIllegal:           {litigationLaw + "第七十四条（判决确认违法）"},
	cases.JudgmentVoid:              {litigationLaw + "第七十五条（判决确认无效）"},
	cases.JudgmentPerform:           {litigationLaw + "第七十二条（判决履行法定职责）"},
	cases.JudgmentPay:               {litigationLaw + "第七十三条（判决履行给付义务）"},
	cases.JudgmentAlter:             {litigationLaw + "第七十七条（判决变更）"},
	cases.JudgmentCompensate:        {litigationLaw + "第七十六条（判决采取补救措施或者承担赔偿责任）"},
	cases.JudgmentDismissClaims:     {litigationLaw + "第六十九条（判决驳回原告的诉讼请求）"},
	cases.RulingDismissSuit:         {litigationInterp + "第六十九条（裁定驳回起诉）"},
	cases.RulingNotAccepted:         {litigationLaw + "第五十一条（登记立案）"},
	cases.WithdrawalPermitted:       {litigationLaw + "第六十二条（撤诉）"},
	cases.WithdrawalDeemed:          {litigationLaw + "第六十二条（撤诉）"},
	cases.WithdrawalAfterCorrection: {litigationLaw + "第六十二条（被告改变行政行为后原告撤诉）"},
	cases.Mediation:                 {litigationLaw + "第六十条（调解）"},
	cases.AppealDismissed:           {litigationLaw + "第八十九条（二审裁判）"},
	cases.AppealAmended:             {litigationLaw + "第八十九条（二审裁判）"},
	cases.AppealRemanded:            {litigationLaw + "第八十九条（二审裁判）"},
	cases.EnforcementAllowed:        {litigationLaw + "第九十七条（非诉行政执行）"},
	cases.EnforcementDenied:         {litigationLaw + "第九十七条（非诉行政执行）"},
}

var reconStatutes = map[cases.Outcome][]string{
	cases.ReconRevoke:      {reconsiderationLaw + "第六十四条（决定撤销或者部分撤销，并可以责令重新作出行政行为）"},
	cases.ReconAlter:       {reconsiderationLaw + "第六十三条（决定变更）"},
	cases.ReconIllegal:     {reconsiderationLaw + "第六十五条（决定确认违法）"},
	cases.ReconVoid:        {reconsiderationLaw + "第六十七条（决定确认无效）"},
	cases.ReconPerform:     {reconsiderationLaw + "第六十六条（决定责令履行）"},
	cases.ReconUphold:      {reconsiderationLaw + "第六十八条（决定维持）"},
	cases.ReconDismiss:     {reconsiderationLaw + "第六十九条（决定驳回行政复议请求）"},
	cases.ReconMediation:   {reconsiderationLaw + "第五条（行政复议调解）"},
	cases.ReconSettlement:  {reconsiderationLaw + "第七十四条（行政复议和解）"},
	cases.ReconTermination: {reconsiderationLaw + "第四十一条（行政复议终止）"},
}

// statutesFor returns the articles supplied for c.
func statutesFor(c *cases.Case, headAbsent bool) []string {
	var out []string
	if c.Closure != nil {
		if c.Kind == cases.Reconsideration {
			out = append(out, reconStatutes[c.Closure.Method]...)
		} else {
			out = append(out, statutesByOutcome[c.Closure.Method]...)
		}
	}
	if headAbsent {
		out = append(out, appearanceRules+"（法释〔2020〕3号）第十二条（负责人不出庭的司法建议）")
	}
	return out
}

// maxQuoteRunes bounds an article's text quoted into the prompt.
const maxQuoteRunes = 300

// citable merges the articles a draft may cite: those the decision itself
// cites, with their text where the decision quotes it, and those that
// ground the case's 结案方式 (the table above), once per article. It
// returns the lines for the prompt and the statutes for the checks.
func citable(ledger []string, doc *decision.Document) ([]string, []decision.Statute) {
	var lines []string
	var all []decision.Statute
	gloss := map[string]string{}
	var ledgerOnly []string
	for _, l := range ledger {
		ss := decision.FindStatutes(l)
		if len(ss) == 0 {
			ledgerOnly = append(ledgerOnly, l)
			continue
		}
		g := ""
		if i := strings.Index(l, "（"); i >= 0 && strings.HasSuffix(l, "）") {
			g = l[i:]
		}
		gloss[ss[0].ArticleKey()] = g
	}
	cited := map[string]bool{}
	if doc != nil {
		for _, s := range doc.Statutes {
			line := s.String()
			if q := strings.TrimSpace(s.Quote); q != "" {
				if r := []rune(q); len(r) > maxQuoteRunes {
					q = string(r[:maxQuoteRunes]) + "……"
				}
				line += "：“" + q + "”"
			} else if g := gloss[s.ArticleKey()]; g != "" {
				line += g
			}
			lines = append(lines, line)
			all = append(all, s)
			cited[s.ArticleKey()] = true
		}
	}
	for _, l := range ledger {
		ss := decision.FindStatutes(l)
		if len(ss) == 0 || cited[ss[0].ArticleKey()] {
			continue
		}
		lines = append(lines, l)
		all = append(all, ss...)
	}
	return append(lines, ledgerOnly...), all
}

// foreignCitations lists the articles a draft cites that are not among
// those supplied, in order, each once; 《行政处罚法》 and 《中华人民共和国
// 行政处罚法》 are one law, and 第四十四条、第四十五条 two articles.
func foreignCitations(draft string, supplied []decision.Statute) []string {
	var out []string
	seen := map[string]bool{}
	for _, c := range decision.FindStatutes(draft) {
		ok := false
		for _, s := range supplied {
			if s.Covers(c) {
				ok = true
				break
			}
		}
		if !ok && !seen[c.String()] {
			seen[c.String()] = true
			out = append(out, c.String())
		}
	}
	return out
}
