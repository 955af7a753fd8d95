package handlers

// This file answers the deadline questions the understanding step reads
// (slots DeadlineKinds, Overdue, a period); deadlines.go has the route for
// 本周到期, 我的待办, 整改情况 and the deadline list lines. The two should
// become one reader in bot/intent (see the stop note).

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"casebot/bot"
	"casebot/bot/deadline"
	"casebot/bot/intent"
	"casebot/bot/store"
	"casebot/bot/workcal"
)

// deadlineSoon is how far ahead a question about deadlines with no period
// (哪些案子答辩期快到了) looks, besides those already overdue.
const deadlineSoon = 14

// deadlinesAnswer answers a question about statutory deadlines: those of
// the kinds asked (every kind when none) falling in the period asked, or,
// with no period, every open one of the kinds named, or (no kind named)
// those overdue and those due within deadlineSoon days (超期/逾期: overdue
// only), from the deadline index, within the asker's
// scope. A lapsed appeal period is listed only when appeals were asked
// about: whether anyone appealed is what is missing, not a duty overdue.
func (s *service) deadlinesAnswer(c bot.Context, u intent.Understanding) (answer, error) {
	ctx, viewer, now, loc := c.Ctx(), c.Person(), c.Now(), c.Location()
	if un := untrackedOf(u.DeadlineKinds); len(un) > 0 {
		// 哪些案子履行期限快到了: no clock of that kind is kept, so no
		// list of it, and never a "没有" it could not stand behind.
		lines := []string{"台账不登记这类期限，无法按它列出案件："}
		for _, k := range un {
			lines = append(lines, untrackedRule(k))
		}
		if len(un) < len(u.DeadlineKinds) {
			lines = append(lines, "其他期限请分别询问，例如“本周到期的期限”。")
		}
		return answer{md: strings.Join(lines, "\n")}, nil
	}
	q := s.queryOf(u, viewer)
	kinds := make([]deadline.Kind, len(u.DeadlineKinds))
	for i, k := range u.DeadlineKinds {
		kinds[i] = deadline.Kind(k)
	}
	q.DeadlineKinds = u.DeadlineKinds
	today := workcal.DateOf(now, loc)
	var found []store.DueDeadline
	var what string
	add := func(from, to workcal.Day, ks []deadline.Kind) error {
		if len(ks) == 0 && len(kinds) > 0 {
			return nil
		}
		ds, err := s.st.DeadlinesBetween(ctx, from, to, ks...)
		found = append(found, ds...)
		return err
	}
	// overdueKinds are the kinds whose lapse is a duty missed.
	overdueKinds := kinds
	if len(kinds) == 0 {
		overdueKinds = slices.DeleteFunc(slices.Clone(deadline.Kinds), func(k deadline.Kind) bool { return k == deadline.Appeal })
	}
	var err error
	switch {
	case !u.Period.IsZero():
		from, to := workcal.DateOf(u.Period.From, loc), workcal.DateOf(u.Period.To.Add(-time.Nanosecond), loc)
		q.From, q.To = u.Period.From, u.Period.To
		what = u.Period.Short() + "到期的"
		if strings.ContainsAny(u.Period.Label, "—起") {
			what = u.Period.Label + "到期的" // a range says its days: 元旦前（11月19日—12月31日）
		}
		err = add(from, to, kinds)
		if err == nil && from == today && to == today && (u.Overdue || stillOpenRe.MatchString(c.Message().Text)) {
			// 今天截止还有谁没回复的, 已经逾期和今天到期的: what is still
			// undone today includes what lapsed before it (133号 逾期1天 was
			// left out of a list of today's).
			q.From = time.Time{}
			what = "已逾期及今天到期的"
			err = add(workcal.Day{}, today.AddDays(-1), overdueKinds)
		}
	case u.Overdue:
		q.To = today.At(workcal.Clock{}, loc)
		what = "已逾期的"
		err = add(workcal.Day{}, today.AddDays(-1), overdueKinds)
	case len(kinds) > 0:
		// 检察建议回复期限什么时候到: every open one of the kinds named.
		what = "在计的"
		err = add(workcal.Day{}, today.AddDays(3660), kinds)
		q.To = today.AddDays(3661).At(workcal.Clock{}, loc)
	default:
		q.To = today.AddDays(deadlineSoon+1).At(workcal.Clock{}, loc)
		what = fmt.Sprintf("已逾期及%d天内到期的", deadlineSoon)
		if err = add(workcal.Day{}, today.AddDays(-1), overdueKinds); err == nil {
			err = add(today, today.AddDays(deadlineSoon), kinds)
		}
	}
	if err != nil {
		return answer{}, err
	}
	var numbers []string
	for _, d := range found {
		if s.scope.CanSee(viewer, d.Case) && s.caseOK(caseLevel(q), viewer, d.Case) && !slices.Contains(numbers, d.Case.Number) {
			numbers = append(numbers, d.Case.Number)
		}
	}
	label := "法定期限"
	if len(kinds) > 0 {
		label = ""
		for i, k := range kinds {
			if i > 0 {
				label += "、"
			}
			label += k.Label()
		}
	}
	title := s.whoOf(u, viewer) + what + label
	if len(numbers) == 0 {
		msg := fmt.Sprintf("**%s**：没有%s。", title, scopeNote(viewer))
		return answer{md: msg + lapsedAppealNote(u), claims: []claim{{Text: msg, What: claimDeadlines, Q: q}}}, nil
	}
	// Each case shows the kinds asked (检察院那个建议啥时候截至), not its
	// other deadlines' days.
	a, err := s.showPage(c, &page{Title: fmt.Sprintf("**%s**：%d 件案件%s", title, len(numbers), scopeNote(viewer)), Kind: listCases,
		Items: numbers, Total: len(numbers), Aspect: intent.Deadline, Kinds: u.DeadlineKinds})
	a.md += lapsedAppealNote(u)
	return a, err
}

// stillOpenRe asks what is still undone (还有谁没回复, 哪些还没交): of
// today's deadlines, the lapsed ones are undone too.
var stillOpenRe = regexp.MustCompile(`还有|还没|没回|没交|未交|没提交|没答复|逾期|超期`)

// ofHearingRe names a hearing by its day (明天的庭, 下周一那个庭, 那场庭);
// 开庭前 or 庭审 say no hearing of the day.
var ofHearingRe = regexp.MustCompile(`(?:的|那个|那场|这个|这场)庭(?:的|审的)?`)

// deadlineOfHearings reads a deadline asked of the hearings of a day (下周一
// 的庭答辩状交了没有, 明天那个庭的答辩状交了吗) as that hearing's case's
// deadline: the day names the hearing, not the day the deadline falls due
// (read so, it answered a true but unasked "没有"). ok is false unless the
// message says 庭 and the day's hearings the asker may see are of one case.
func (s *service) deadlineOfHearings(c bot.Context, u intent.Understanding) (intent.Understanding, bool, error) {
	if !ofHearingRe.MatchString(c.Message().Text) || u.Period.IsZero() || hasRef(u) {
		return u, false, nil
	}
	q := s.queryOf(u, c.Person())
	q.From, q.To = u.Period.From, u.Period.To
	hs, err := s.hearingsOf(c.Ctx(), c.Person(), q, c.Location())
	if err != nil || len(hs) == 0 {
		return u, false, err
	}
	for _, h := range hs[1:] {
		if h.Case.Number != hs[0].Case.Number {
			return u, false, nil // several cases heard that day: the list as asked
		}
	}
	m := u
	m.Kind, m.Aspect, m.Numbers = intent.Case, intent.Deadline, []string{hs[0].Case.Number}
	m.Period, m.Mine, m.Hearing = intent.Period{}, "", false
	return m, true, nil
}
