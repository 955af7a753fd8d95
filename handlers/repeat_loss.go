package handlers

import (
	"fmt"
	"slices"
	"strings"

	"casebot/bot"
	"casebot/bot/cases"
	"casebot/bot/intent"
	"casebot/reminders"
)

// claimRepeat: no loss (or 复议 correction) of a visible case matching Q,
// closed in [From, To), repeats an earlier one of the same defendant in the
// same 案由 within rectify.repeat_within_days.
const claimRepeat = "repeat"

// repeatAnswer answers 再次败诉的有没有 / 同一单位同样案由又输的: of the
// losses and corrections counted over u's period and scope (numbers, from
// countNumbers), those reminders.RepeatLosses flags — the computation the
// 整改 request records as Rectification.Repeat — each with its earlier
// case; or, truthfully, that none is, naming the period and the rule.
func (s *service) repeatAnswer(c bot.Context, u intent.Understanding, q query, lost []string) (answer, error) {
	ctx := c.Ctx()
	uc := u
	uc.Metric = intent.Corrected
	qc := q
	qc.Metric = intent.Corrected
	corrected, err := s.countNumbers(c, uc, qc)
	if err != nil {
		return answer{}, err
	}
	numbers := append(slices.Clone(lost), corrected...)
	cs, err := s.st.GetMany(ctx, numbers)
	if err != nil {
		return answer{}, err
	}
	cs = slices.DeleteFunc(cs, func(k *cases.Case) bool { return k == nil || k.Closure == nil })
	within := s.cfg.Rectify.RepeatWithinDays
	earlier, err := reminders.RepeatLosses(ctx, s.st, s.loss, within, cs)
	if err != nil {
		return answer{}, err
	}
	what := strings.Replace(s.countTitle(u, c.Person()), "败诉案件", "再次败诉的案件", 1)
	rule := fmt.Sprintf("“再次败诉”指同一被告单位、同一案由，在前一件败诉（或复议被纠错）后 %d 天内又败诉或被纠错", within)
	var hits, lines []string
	for _, k := range cs {
		if e := earlier[k.Number]; e != "" {
			hits = append(hits, k.Number)
			lines = append(lines, fmt.Sprintf("- **%s**（%s · %s，%s 结案）：前案 %s", k.Number, strings.Join(k.Defendants, "、"),
				orNone(k.Cause), k.Closure.On.In(c.Location()).Format("2006-01-02"), e))
		}
	}
	if len(hits) == 0 {
		msg := fmt.Sprintf("**%s**：0 件%s。", what, scopeNote(c.Person()))
		md := msg + fmt.Sprintf("\n\n同期败诉及复议被纠错的案件共 %d 件，均不属于再次败诉。%s。", len(cs), rule)
		return answer{md: md, claims: []claim{{Text: msg, What: claimRepeat, Q: q}}}, nil
	}
	title := fmt.Sprintf("**%s**：共 %d 件%s\n%s\n\n%s。", what, len(hits), scopeNote(c.Person()), strings.Join(lines, "\n"), rule)
	return s.list(c, title, listCases, hits, len(hits))
}
