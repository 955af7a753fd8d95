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

// A rate is asked again on another basis (口径) than the bulletin's: the
// figure just given (a rate, or the bulletin's) or a rate asked with its
// basis named. Read as a question of its own, 只算应当出庭的呢 listed the
// hearings to come, 分母不算撤诉的呢 the 撤诉 cases (the very ones to leave
// out), and 按区里那个口径 was a filter the rates could not apply. Every
// basis is computed from the bulletin's own tally, beside the bulletin's
// figure, so chat and the bulletin still never disagree on what is printed.

// rateBasis is the basis asked.
type rateBasis int

const (
	basisNone       rateBasis = iota
	basisNoMediated           // 不算撤诉/调撤: lost ÷ (closed − mediated or withdrawn)
	basisJudged               // 只算判决的: the 判决口径
	basisMustAppear           // 只算应当出庭的: heard cases with a 应当出庭 hearing
	basisRecorded             // 没登记的不算: heard cases whose appearance is recorded
	basisOther                // 按区里的口径: the bases the ledger can compute
	basisHow                  // 怎么算的: the bulletin's formula, then the other bases
)

var (
	noMediatedRe = regexp.MustCompile(`(?:不算|不计|不含|不包括|除去|除了|去掉|去除|扣除|扣掉|刨去|刨除|排除|剔除)(?:那些|这些|那几个|掉)?(?:撤诉|调解|调撤|撤回起诉|撤案)`)
	judgedRe     = regexp.MustCompile(`(?:只算|只看|仅算|仅计|光算|只计)判决|按判决(?:结案)?(?:的)?(?:口径|算)|判决口径`)
	mustRe       = regexp.MustCompile(`(?:应当|应该|应|必须)(?:负责人)?出庭`)
	recordedRe   = regexp.MustCompile(`(?:没|未|没有)登记(?:的)?(?:不算|不计|除去|去掉|剔除|排除|扣掉|不要)|(?:不算|不计|除去|去掉|剔除|排除|扣除|扣掉)(?:掉)?(?:那些|这些|那几个)?(?:没|未|没有)登记|按(?:已)?登记(?:了)?的(?:算|口径)?|(?:只算|只计|仅算|只看)(?:已)?登记|已登记(?:的)?口径`)
	otherNameRe  = regexp.MustCompile(`区里|市里|省里|县里|上级|上面|考核|省厅|市局|法治办|依法治[县区市]办`)
	otherRe      = regexp.MustCompile(`(?:区里|市里|省里|县里|上级|上面|考核|省厅|市局|法治办|依法治[县区市]办|别的|其他|另一个|另外)(?:那个|的|那种)?(?:口径|算法|标准)`)
	howRe        = regexp.MustCompile(`(?:什么|啥|哪个|哪种)口径|口径(?:是)?(?:怎么|如何|咋)|(?:怎么|咋|如何)算(?:出来)?的|分母是(?:什么|啥|哪些)|分母(?:怎么|咋)算`)
	// A list asked (应当出庭的庭有哪些) is no basis of a rate.
	basisListRe = regexp.MustCompile(`哪些|哪几|哪个案|列一下|列出|清单|明细|名单|几场|多少场|什么时候|哪天|几号|有谁|是谁`)
	rateWordRe  = regexp.MustCompile(`败诉率|出庭率|出庭应诉率|纠错率|调撤率|判决口径`)
)

// basisAsked reads the basis a message asks, on its normalized text.
func basisAsked(t string) rateBasis {
	switch {
	case noMediatedRe.MatchString(t):
		return basisNoMediated
	case recordedRe.MatchString(t):
		return basisRecorded
	case mustRe.MatchString(t) && !basisListRe.MatchString(t):
		return basisMustAppear
	case judgedRe.MatchString(t):
		return basisJudged
	case otherRe.MatchString(t):
		return basisOther
	case howRe.MatchString(t):
		return basisHow
	}
	return basisNone
}

// rateOnBasis answers a rate asked on a basis, of the figure just given
// (prev) or asked with its rate. It reports whether it answered.
func (s *service) rateOnBasis(c bot.Context, text string, prev *lastQuestion) (bool, error) {
	t := intent.Normalize(text)
	basis := basisAsked(t)
	if basis == basisNone {
		return false, nil
	}
	viewer, now := c.Person(), c.Now()
	if viewer == nil || viewer.Role == people.Pufa || viewer.Role == "" {
		return false, nil
	}
	own, err := intent.Understand(text, s.options(c, viewer))
	if err != nil {
		return true, err
	}
	var u intent.Understanding
	switch {
	case rateWordRe.MatchString(t) && own.Kind == intent.Rates:
		u = own // 今年出庭率 按区里那个口径
		if u.Period.IsZero() && prev != nil && figureGiven(prev.U) {
			u.Period = prev.U.Period // 11月通报 → 应出庭的出庭率呢: of November
		}
	case prev != nil && figureGiven(prev.U) && utf8Short(t) && !hasRef(own):
		u = prev.U // 今年出庭率 → 只算应当出庭的呢
		if !own.Period.IsZero() {
			u.Period = own.Period
		}
		if len(own.Agencies) > 0 {
			u.Agencies, u.Mine = own.Agencies, ""
		}
	default:
		return false, nil
	}
	if u.ByMonth || u.Rank != "" {
		return false, nil
	}
	loss, appearance := rateFamilies(u, basis)
	if !loss && !appearance {
		return false, nil // 纠错率 has one basis
	}
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
	switch len(u.Agencies) {
	case 0:
	case 1:
		who = u.Agencies[0]
		if st = sp.Agency(who); st == nil {
			st = &bulletin.Stats{Agency: who}
		}
	default:
		return false, nil
	}
	if viewer.Role == people.Handler && !s.scope.Agencies().Same(who, viewer.Agency) {
		return false, nil // rateAnswer says whose figures a handler sees
	}
	pre := "**" + periodSoFar(p, now) + who + "**"
	f := st.Figures
	var b []string
	var a answer
	switch basis {
	case basisNoMediated:
		line, cl := noMediatedLine(pre, f)
		b, a.claims = append(b, line), cl
		if f.LossRateJudged != nil {
			b = append(b, fmt.Sprintf("判决口径（只计判决结案的 %d 件）败诉率为 %s；月度通报的败诉率按全部审结案件计算，为 %s。",
				f.Judged, bulletin.Percent(f.LossRateJudged), bulletin.Percent(f.LossRate)))
		}
	case basisJudged:
		line, cl := rateLine(who, st, intent.JudgedLossRate, periodSoFar(p, now))
		b, a.claims = append(b, line), cl
		if f.LossRate != nil {
			b = append(b, fmt.Sprintf("月度通报的败诉率按全部审结案件计算，为 %s。", bulletin.Percent(f.LossRate)))
		}
	case basisMustAppear:
		line, cl := mustAppearLine(pre, f)
		b, a.claims = append(b, line), cl
		if f.Heard > 0 {
			b = append(b, fmt.Sprintf("按月度通报口径（全部开庭审理的案件）出庭率为 %s：开庭审理 %d 件，负责人出庭 %d 件。",
				bulletin.Percent(f.AppearanceRate), f.Heard, f.HeadAppeared))
		}
	case basisRecorded:
		line, cl := recordedLine(pre, f)
		b, a.claims = append(b, line), cl
	case basisOther, basisHow:
		if basis == basisOther {
			b = append(b, "“"+otherName(t)+"”具体怎么算，台账里查不到，我没法确定它和下面哪一种一致；以下是按台账能算的几种口径，供您核对：")
		} else {
			for _, r := range []intent.Rate{intent.LossRate, intent.AppearanceRate} {
				if r == intent.LossRate && loss || r == intent.AppearanceRate && appearance {
					b = append(b, strings.TrimSuffix(rateRule(r), "\n口径同月度败诉通报：诉讼只计一审行政诉讼案件。"))
				}
			}
			b = append(b, "按这一口径和其他常见口径算出的数：")
		}
		if loss {
			line, cl := rateLine(who, st, intent.LossRate, periodSoFar(p, now))
			if appearance {
				b = append(b, "败诉率：")
			}
			b, a.claims = append(b, "· 月度通报口径（全部审结案件）："+line), append(a.claims, cl...)
			if f.Closed > 0 {
				j, _ := rateLine("", st, intent.JudgedLossRate, "")
				n, _ := noMediatedLine("", f)
				b = append(b, "· 只计判决结案："+j, "· "+n)
			}
			if appearance {
				b = append(b, "出庭率：")
			}
		}
		if appearance {
			line, cl := rateLine(who, st, intent.AppearanceRate, periodSoFar(p, now))
			b, a.claims = append(b, "· 月度通报口径（全部开庭审理的案件）："+line), append(a.claims, cl...)
			if f.Heard > 0 {
				m, _ := mustAppearLine("", f)
				r, _ := recordedLine("", f)
				b = append(b, "· 只计应当出庭的案件："+m, "· "+r)
			}
		}
		if basis == basisOther {
			b = append(b, "如"+otherName(t)+"与这些都不同，请告诉应诉专班具体怎么算，或回复“转给专班”，我把您的原话转过去。")
		}
	}
	for i := range a.claims {
		a.claims[i].Q.From, a.claims[i].Q.To = p.From, p.To
		if len(u.Agencies) == 1 {
			a.claims[i].Q.Agencies = u.Agencies
		}
	}
	b = append(b, "<font color=\"comment\">诉讼只计一审行政诉讼案件；除月度通报口径外，其余是按您的要求另行计算的参考口径。</font>")
	a.md, a.outcome, a.noEcho, a.detail = strings.Join(b, "\n\n"), audit.Answered, true, "rate:basis"
	if basis == basisOther {
		if err := offerRelay(c, text); err != nil {
			return true, err
		}
	}
	if err := rememberLast(c, lastQuestion{U: u}); err != nil {
		return true, err // 按区里那个口径 → 只算应当出庭的呢: of this figure
	}
	return true, s.recordAndReply(c, u, a)
}

// figureGiven reports whether the question just answered gave a rate: a
// rate of a period, or the month's bulletin.
func figureGiven(u intent.Understanding) bool {
	return u.Kind == intent.Bulletin || u.Kind == intent.Rates && u.Metric == ""
}

// utf8Short reports whether a follow-up is short enough to be one: a
// message of its own carries its own rate word.
func utf8Short(t string) bool { return len([]rune(t)) <= 24 }

// rateFamilies are the rates a basis is computed for: the one it names,
// else the one asked before, else (after the bulletin) both.
func rateFamilies(u intent.Understanding, basis rateBasis) (loss, appearance bool) {
	switch basis {
	case basisNoMediated, basisJudged:
		return true, false
	case basisMustAppear, basisRecorded:
		return false, true
	}
	switch u.Rate {
	case intent.AppearanceRate:
		return false, true
	case intent.LossRate, intent.JudgedLossRate, intent.WithdrawalRate:
		return true, false
	case "":
		return true, true
	}
	return false, false
}

// noMediatedLine is the loss rate without the closings by mediation or
// withdrawal.
func noMediatedLine(pre string, f bulletin.Figures) (string, []claim) {
	base := f.Closed - f.MediatedWithdrawn
	if f.Closed == 0 {
		msg := pre + "没有审结的一审行政诉讼案件，无法计算不计调解、撤诉结案的败诉率。"
		return msg, []claim{{Text: msg, What: claimRate, Rate: intent.LossRate}}
	}
	if base <= 0 {
		return fmt.Sprintf("%s审结的 %d 件都是调解、撤诉结案，除去后不能计算这一口径的败诉率。", pre, f.Closed), nil
	}
	return fmt.Sprintf("%s不计调解、撤诉结案的败诉率 **%.2f%%**：审结 %d 件，除去调解、撤诉结案 %d 件后为 %d 件，败诉 %d 件。",
		pre, 100*float64(f.Lost)/float64(base), f.Closed, f.MediatedWithdrawn, base, f.Lost), nil
}

// mustAppearLine is the appearance rate over the heard cases with a
// hearing marked 应当出庭 (法释〔2020〕3号 第4条).
func mustAppearLine(pre string, f bulletin.Figures) (string, []claim) {
	if f.Heard == 0 {
		msg := pre + "没有开庭审理的一审行政诉讼案件，无法计算出庭率。"
		return msg, []claim{{Text: msg, What: claimRate, Rate: intent.AppearanceRate}}
	}
	if f.HeardMust == 0 {
		msg := fmt.Sprintf("%s开庭审理的 %d 件中，没有开庭标注为应当出庭的案件，无法计算这一口径的出庭率。", pre, f.Heard)
		return msg, []claim{{Text: msg, What: claimRate, Rate: intent.AppearanceRate, Q: query{Must: true}}}
	}
	line := fmt.Sprintf("%s应当出庭案件的负责人出庭率 **%.2f%%**：开庭审理的应当出庭案件 %d 件，负责人出庭 %d 件",
		pre, 100*float64(f.HeadAppearedMust)/float64(f.HeardMust), f.HeardMust, f.HeadAppearedMust)
	if f.HeadUnrecordedMust > 0 {
		line += fmt.Sprintf("（其中 %d 件未登记出庭情况，按未出庭计）", f.HeadUnrecordedMust)
	}
	return line + "。", nil
}

// recordedLine is the appearance rate over the heard cases whose head's
// appearance is recorded either way.
func recordedLine(pre string, f bulletin.Figures) (string, []claim) {
	if f.Heard == 0 {
		msg := pre + "没有开庭审理的一审行政诉讼案件，无法计算出庭率。"
		return msg, []claim{{Text: msg, What: claimRate, Rate: intent.AppearanceRate}}
	}
	base := f.Heard - f.HeadUnrecorded
	if base <= 0 {
		return fmt.Sprintf("%s开庭审理的 %d 件都还没有登记出庭情况，不能计算这一口径的出庭率。", pre, f.Heard), nil
	}
	line := fmt.Sprintf("%s不计未登记出庭情况的案件，负责人出庭率 **%.2f%%**：开庭审理 %d 件，除去未登记的 %d 件后为 %d 件，负责人出庭 %d 件。",
		pre, 100*float64(f.HeadAppeared)/float64(base), f.Heard, f.HeadUnrecorded, base, f.HeadAppeared)
	if f.HeadUnrecorded > 0 {
		line += fmt.Sprintf("月度通报把未登记的按未出庭计，为 %s。", bulletin.Percent(f.AppearanceRate))
	}
	return line, nil
}

// otherName is how the message names the basis it means (区里的口径).
func otherName(t string) string {
	if m := otherNameRe.FindString(t); m != "" {
		return m + "的口径"
	}
	return "您说的口径"
}
