package handlers

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"casebot/bot"
	"casebot/bot/cases"
	"casebot/bot/intent"
	"casebot/bot/people"
	"casebot/bot/store"
)

// upcomingWindow is how far ahead a question about hearings with no period
// (开庭安排, 住建局的庭什么时候开) looks.
const upcomingWindow = 120 * 24 * time.Hour

// nearWindow is how far beyond a period with no hearing the nearest one
// is looked for.
const nearWindow = 365 * 24 * time.Hour

// hearingsAnswer lists the hearings a question designates: in a period (or
// from now on), of an agency, a party, a person, the asker (as 出庭负责人 or
// 承办人, then the rest of their agency's), with the fact asked on each.
// When none matches, it says so and names the nearest hearing that does.
func (s *service) hearingsAnswer(c bot.Context, u intent.Understanding) (answer, error) {
	viewer, now := c.Person(), c.Now()
	if u.Period.IsZero() && u.TimeOfDay != "" && u.Clock == "" && !u.Held && !u.NotAppeared && !hasRef(u) {
		// 上午有几个庭, 下午呢: this morning, not every morning from now on.
		u.Period = intent.Today(now)
	}
	q := s.queryOf(u, viewer)
	if q.Unknown != "" {
		return s.unknownAgency(c, q.Unknown, "的开庭"), nil
	}
	if len(u.Numbers) > 0 {
		q.Numbers = u.Numbers // 那85号呢, 这个案子今天开庭吗: that case's hearings, and a none names it
	}
	if (u.Aspect == intent.Reminded || u.Attendance) && u.Period.IsZero() && q.Person == "" && len(u.Numbers) == 0 {
		// 提醒发了没, with nothing in focus: the hearings being reminded now.
		u.Period = s.remindingNow(now, c.Location()) // today's held ones too: they were reminded
	}
	if (u.Clock != "" || u.TimeOfDay != "") && !u.Period.IsZero() {
		if a, ok, err := s.nearbyTime(c, u, q); err != nil || ok {
			return a, err
		}
	}
	label := u.Period.Label
	switch {
	case u.Period.IsZero() && u.NotAppeared:
		q.From, q.To = yearOf(now).From, now
		label = yearOf(now).Label + "以来"
	case u.Period.IsZero() && u.Held:
		q.From, q.To = now.AddDate(0, 0, -30), now
		label = "近 30 天"
	case u.Period.IsZero():
		q.From, q.To = now, now.Add(upcomingWindow)
		label = "今后"
	default:
		q.From, q.To = u.Period.From, u.Period.To
		if u.Upcoming && q.From.Before(now) && q.To.After(now) {
			q.From = now
			// 元旦前（11月19日—12月31日） said today already starts today:
			// （今后） after it would say it twice.
			switch {
			case sameDay(u.Period.From, now, c.Location()) && !u.Period.To.After(u.Period.From.Add(24*time.Hour)):
				// 今天还有庭吗: today's hearings already held are today's
				// too; a none must say it looked only after now.
				label += now.In(c.Location()).Format("15:04") + "以后"
			case !(strings.HasSuffix(label, "）") && sameDay(u.Period.From, now, c.Location())):
				label += "（今后）"
			}
		}
	}
	if (u.Held || u.NotAppeared) && q.To.After(now) {
		q.To = now // only what was held
		if q.From.After(now) {
			q.From = now
		}
	}
	self := u.Mine == intent.MineSelf && q.Person != ""
	if u.Mine == intent.MineSelf && q.Person == "" && viewer.Bureau() {
		label = "（您是司法局" + viewer.Role.Label() + "，无出庭任务）" + label
	}
	hs, err := s.hearingsOf(c.Ctx(), viewer, q, c.Location())
	if err != nil {
		return answer{}, err
	}
	what := label + s.hearingWhat(u, viewer)
	if self {
		// Their own first, then the rest of their agency's.
		rest := q
		rest.Person, rest.Role, rest.Own = "", "", true
		all, err := s.hearingsOf(c.Ctx(), viewer, rest, c.Location())
		if err != nil {
			return answer{}, err
		}
		return s.selfHearings(c, u, q, hs, all, label)
	}
	if len(hs) == 0 && s.foreign(viewer, q) {
		if a, ok, err := s.foreignAnswer(c, q, "开庭"); err != nil || ok {
			return a, err
		}
	}
	if len(hs) == 0 {
		a, err := s.noHearings(c, u, q, what)
		if u.Aspect == intent.Bring {
			a.md += "\n\n" + bringText
		}
		return a, err
	}
	if u.Attendance && len(hs) > 1 {
		return s.attendanceList(c, what, hs) // 都到了吗, 谁还没确认: each hearing's state
	}
	if len(hs) == 1 && u.Aspect != "" {
		h := hs[0]
		lead := s.hearingFact(viewer, h.Case, h.Hearing, u.Aspect, now, c.Location())
		if u.Aspect == intent.Reminded {
			var err error
			if lead, err = s.remindedFact(c, h.Case, &h.Hearing, u.Person); err != nil {
				return answer{}, err
			}
			if lead, err = s.withWhyUnconfirmed(c, lead, h.Case, &h.Hearing); err != nil {
				return answer{}, err
			}
		}
		a, err := s.listAbout(c, fmt.Sprintf("**%s**：共 1 场%s\n\n%s", what, scopeNote(viewer), lead), listHearings,
			[]string{string(h.Ref())}, 1, "")
		a.shown = []string{h.Case.Number}
		return a, err
	}
	if u.Aspect == intent.Reminded {
		return s.remindedList(c, what, hs, u.Person)
	}
	refs := make([]string, len(hs))
	var shown []string
	for i, h := range hs {
		refs[i] = string(h.Ref())
		shown = append(shown, h.Case.Number)
	}
	aspect := u.Aspect
	if aspect == "" && (u.Held || u.NotAppeared) {
		aspect = intent.Head // each line says whether the head appeared
	}
	a, err := s.listAbout(c, fmt.Sprintf("**%s**：共 %d 场%s", what, len(hs), scopeNote(viewer)), listHearings, refs, len(refs), aspect)
	a.shown = shown[:min(len(shown), s.pageSize)]
	if u.Aspect == intent.Bring {
		a.md += "\n\n" + bringText
	}
	return a, err
}

// courtLevelWord names a court level in a title (在中级法院的开庭).
var courtLevelWord = map[string]string{intent.CourtHigh: "高级法院", intent.CourtMiddle: "中级法院", intent.CourtBasic: "基层法院"}

// hearingWhat names the hearings asked about after the period: 某县公安局的开庭.
func (s *service) hearingWhat(u intent.Understanding, viewer *people.Person) string {
	// Every filter is named: a “没有” that left one out would claim more
	// than was looked for (今后林涛没有开庭安排, when only 陈十二's were).
	var whos []string
	if len(u.Numbers) > 0 {
		whos = append(whos, strings.Join(u.Numbers, "、")) // a case in focus is a filter too
	}
	switch {
	case len(u.Agencies) > 0:
		whos = append(whos, joinNames(u.Agencies))
	case u.Mine == intent.MineAgency && u.Person == "":
		whos = append(whos, "贵单位")
	}
	if u.Party != "" {
		whos = append(whos, "当事人"+s.shownName(viewer, u.Party))
	}
	if u.Person != "" {
		whos = append(whos, u.Person)
	}
	if k := u.CaseKind + u.Stage + u.Cause; k != "" {
		whos = append(whos, k+"案件") // 本周非诉执行审查案件没有开庭安排
	}
	who := strings.Join(whos, "、")
	tod := todWord(u)
	// A court's level is a filter a follow-up carries (中院的庭 → 下周呢):
	// named, as the courtroom is, so the title never reads as every court's.
	if at := courtLevelWord[u.CourtLevel] + u.Place; at != "" {
		who += "在" + at
	}
	w := tod + who + "的开庭"
	switch {
	case u.MustAppear:
		w = tod + who + "应当出庭的开庭"
	case u.NotAppeared:
		w = tod + who + "负责人未出庭（或未登记）的开庭"
	case u.Held:
		w = tod + who + "已开的庭"
	}
	return w
}

// hearingsOf returns the active hearings of cases viewer may see that q
// keeps, in time order: from the person index when q names a person (or
// the asker), else from the hearing index over q's period.
func (s *service) hearingsOf(ctx context.Context, viewer *people.Person, q query, loc *time.Location) ([]store.ScheduledHearing, error) {
	var hs []store.ScheduledHearing
	if q.Person != "" {
		numbers, err := s.st.PersonNumbers(ctx, q.Person)
		if err != nil {
			return nil, err
		}
		cs, err := s.visible(ctx, viewer, numbers, nil)
		if err != nil {
			return nil, err
		}
		for _, c := range cs {
			for _, h := range c.Hearings {
				hs = append(hs, store.ScheduledHearing{Case: c, Hearing: h})
			}
		}
		sort.SliceStable(hs, func(i, j int) bool { return hs[i].Hearing.At.Before(hs[j].Hearing.At) })
	} else {
		all, err := s.st.HearingsBetween(ctx, q.From, q.To)
		if err != nil {
			return nil, err
		}
		hs = all
	}
	out := hs[:0]
	for _, h := range hs {
		if s.scope.CanSee(viewer, h.Case) && s.caseOK(caseLevel(q), viewer, h.Case) && hearingOK(q, h.Case, h.Hearing, loc) {
			out = append(out, h)
		}
	}
	return out, nil
}

// caseLevel is q without the person, which hearings check themselves (as
// the hearing's 出庭负责人, not any hearing's of the case).
func caseLevel(q query) query {
	q.Person, q.Role = "", ""
	return q
}

// selfHearings answers 我的庭, 我下次出庭是什么时候: the asker's own
// hearings (as 出庭负责人, or of the cases they handle), then the rest of
// their agency's in the same period.
func (s *service) selfHearings(c bot.Context, u intent.Understanding, q query, mine, all []store.ScheduledHearing, label string) (answer, error) {
	viewer, now, loc := c.Person(), c.Now(), c.Location()
	role := "出庭负责人"
	if q.Role == "handler" {
		role = "承办人"
	}
	own := map[cases.HearingRef]bool{}
	for _, h := range mine {
		own[h.Ref()] = true
	}
	var rest []store.ScheduledHearing
	for _, h := range all {
		if !own[h.Ref()] {
			rest = append(rest, h)
		}
	}
	var refs, shown []string
	var a answer
	var b []string
	party := ""
	if u.Party != "" {
		party = "当事人为" + s.shownName(viewer, u.Party) + "的"
	}
	if tod := todWord(u); tod != "" {
		party += tod // 我下午两点半的庭: the none says the time looked for
	}
	if len(mine) == 0 {
		msg := fmt.Sprintf("%s没有您（%s）作为%s的%s开庭。", label, viewer.Name, role, party)
		a.claims = append(a.claims, claim{Text: msg, What: claimHearings, Q: q})
		b = append(b, msg)
		if w := s.withdrawnNote(c, q); w != "" {
			b = append(b, w)
		}
	} else {
		lead := fmt.Sprintf("**%s您（%s）作为%s的开庭**：共 %d 场", label, viewer.Name, role, len(mine))
		if len(mine) >= 1 && u.Aspect == intent.Reminded {
			// 我明天的庭提醒发了没: the send log, which hearingFact does not read.
			fact, err := s.remindedFact(c, mine[0].Case, &mine[0].Hearing, viewer.Name)
			if err != nil {
				return answer{}, err
			}
			lead += "\n\n" + fact
		} else if len(mine) >= 1 && u.Aspect != "" {
			lead += "\n\n" + s.hearingFact(viewer, mine[0].Case, mine[0].Hearing, u.Aspect, now, loc)
		}
		b = append(b, lead)
	}
	for _, h := range mine {
		refs = append(refs, string(h.Ref()))
		shown = append(shown, h.Case.Number)
	}
	if len(rest) > 0 {
		for _, h := range rest {
			refs = append(refs, string(h.Ref()))
			shown = append(shown, h.Case.Number)
		}
	}
	if len(refs) == 0 {
		msg := fmt.Sprintf("贵单位（%s）%s也没有%s开庭。", viewer.Agency, label, party)
		qa := q
		qa.Person, qa.Role, qa.Own = "", "", true
		a.claims = append(a.claims, claim{Text: msg, What: claimHearings, Q: qa})
		b = append(b, msg)
		if near := s.nearestHearing(c, q); near != "" {
			b = append(b, near)
		} else if near := s.nearestHearing(c, qa); near != "" {
			b = append(b, near)
		}
		a.md = joinParas(b)
		return a, nil
	}
	title := joinParas(b)
	if len(rest) > 0 {
		title += fmt.Sprintf("\n\n贵单位其他开庭 %d 场，列在其后。", len(rest))
	}
	a2, err := s.listAbout(c, title, listHearings, refs, len(refs), u.Aspect)
	a2.claims = a.claims
	a2.shown = shown[:min(len(shown), s.pageSize)]
	if len(mine) == 0 {
		if near := s.nearestHearing(c, q); near != "" {
			a2.md += "\n\n" + near
		}
	}
	return a2, err
}

// withdrawnNote names the hearings a query would have found but for their
// cancellation or postponement (孙局下次出庭 after 行初117's hearing was
// postponed with no new time): the none is true of the hearings on the
// calendar, and the reader is told of the one they may be thinking of.
// They are read from the hearing-change stream (its latest entries), since
// the hearing and person indexes drop a cancelled hearing; "" when none.
func (s *service) withdrawnNote(c bot.Context, q query) string {
	viewer, now, loc := c.Person(), c.Now(), c.Location()
	msgs, err := s.st.Client().XRevRangeN(c.Ctx(), s.st.Keys().HearingChanges(), "+", "-", 200).Result()
	if err != nil {
		return ""
	}
	var numbers []string
	for _, m := range msgs {
		ch, err := store.ParseHearingChange(m)
		if err == nil && ch.Kind == cases.HearingCancelled && !slices.Contains(numbers, ch.Case) {
			numbers = append(numbers, ch.Case)
		}
	}
	if len(numbers) == 0 {
		return ""
	}
	cs, err := s.visible(c.Ctx(), viewer, numbers, nil)
	if err != nil {
		return ""
	}
	var ts []string
	for _, k := range cs {
		if !s.caseOK(caseLevel(q), viewer, k) {
			continue
		}
		for _, h := range k.Hearings {
			if !h.Cancelled {
				continue
			}
			h.Cancelled = false
			if hearingOK(q, k, h, loc) {
				ts = append(ts, "**"+k.Number+"** "+whenCN(h.At, now, loc))
			}
		}
	}
	if len(ts) == 0 {
		return ""
	}
	return "另：" + strings.Join(ts[:min(len(ts), 3)], "、") + "的开庭已取消或推迟（以台账登记为准）。"
}

// noHearings answers a question no hearing matches: a true “没有”, with
// the nearest hearing that matches all but the period.
func (s *service) noHearings(c bot.Context, u intent.Understanding, q query, what string) (answer, error) {
	viewer := c.Person()
	msg := strings.TrimSuffix(what, "的开庭") + "没有开庭安排" + scopeNote(viewer) + "。"
	switch {
	case u.MustAppear:
		msg = strings.TrimSuffix(what, "应当出庭的开庭") + "没有应当出庭的开庭安排" + scopeNote(viewer) + "。"
	case u.NotAppeared:
		msg = strings.TrimSuffix(what, "负责人未出庭（或未登记）的开庭") + "没有负责人未出庭或未登记出庭情况的开庭" + scopeNote(viewer) + "。"
	case u.Held:
		msg = strings.TrimSuffix(what, "已开的庭") + "没有已开的庭" + scopeNote(viewer) + "。"
	}
	if viewer.Role == people.Pufa {
		msg = strings.TrimSuffix(what, "的开庭") + "没有您可以查看的开庭安排（普法组仅可查看已结案件）。"
	}
	a := answer{claims: []claim{{Text: msg, What: claimHearings, Q: q}}}
	a.md = msg
	if w := s.withdrawnNote(c, q); w != "" {
		a.md += "\n\n" + w
	}
	if near := s.nearestHearing(c, q); near != "" {
		a.md += "\n\n" + near
	}
	return a, nil
}

// nearestHearing names the hearing nearest to q's period that matches q
// otherwise: the next one after it, else the last one before.
func (s *service) nearestHearing(c bot.Context, q query) string {
	viewer, loc := c.Person(), c.Location()
	// Windows that widen up to nearWindow: the nearest hearing lies in the
	// smallest window holding any, and a busy ledger's year of hearings is
	// not loaded to find one a week away.
	windows := []time.Duration{7 * 24 * time.Hour, 31 * 24 * time.Hour, nearWindow}
	for _, w := range windows {
		after := q
		after.From, after.To = q.To, q.To.Add(w)
		if now := c.Now(); after.From.Before(now) {
			after.From = now
		}
		if !after.From.Before(after.To) {
			continue
		}
		hs, err := s.hearingsOf(c.Ctx(), viewer, after, loc)
		if err == nil && len(hs) > 0 {
			return "最近的一场在其后：" + s.hearingText(viewer, hs[0], loc)
		}
	}
	for _, w := range windows {
		before := q
		before.From, before.To = q.From.Add(-w), q.From
		hs, err := s.hearingsOf(c.Ctx(), viewer, before, loc)
		if err == nil && len(hs) > 0 {
			return "此前最近的一场：" + s.hearingText(viewer, hs[len(hs)-1], loc)
		}
	}
	return ""
}

func joinNames(ns []string) string {
	out := ""
	for i, n := range ns {
		if i > 0 {
			out += "、"
		}
		out += n
	}
	return out
}

func joinParas(ps []string) string {
	out := ""
	for i, p := range ps {
		if i > 0 {
			out += "\n\n"
		}
		out += p
	}
	return out
}

// nearbyTime answers a question whose time matches no hearing when the
// same half-day (for a time: 10:30 when the hearing is at 09:30) or the
// same day has one in scope: people misremember the time of their own
// hearing, and a bare “没有” would keep them from court. It says the time
// asked has none (a claim) and shows the hearings nearby. ok is false when
// the time asked has a hearing, or the day has none either: the ordinary
// answer then stands.
func (s *service) nearbyTime(c bot.Context, u intent.Understanding, q query) (answer, bool, error) {
	viewer, loc := c.Person(), c.Location()
	exact := q
	exact.From, exact.To = u.Period.From, u.Period.To
	exact.Person, exact.Role = "", "" // the asker's agency's, whoever's
	hs, err := s.hearingsOf(c.Ctx(), viewer, exact, loc)
	if err != nil || len(hs) > 0 {
		return answer{}, false, err
	}
	asked := map[string]string{"am": "上午", "pm": "下午"}[u.TimeOfDay]
	if u.Clock != "" {
		asked += u.Clock
	}
	for _, relax := range []func(*intent.Understanding){
		func(v *intent.Understanding) { v.Clock = "" },
		func(v *intent.Understanding) { v.Clock, v.TimeOfDay = "", "" },
	} {
		v := u
		relax(&v)
		if v.Clock == u.Clock && v.TimeOfDay == u.TimeOfDay {
			continue
		}
		wide := exact
		wide.Clock, wide.TimeOfDay = v.Clock, v.TimeOfDay
		near, err := s.hearingsOf(c.Ctx(), viewer, wide, loc)
		if err != nil {
			return answer{}, false, err
		}
		if len(near) == 0 {
			continue
		}
		a, err := s.hearingsAnswer(c, v)
		if err != nil {
			return a, false, err
		}
		// Every filter of exact is named (今天下午当事人张三没有开庭安排): a
		// none that left the party out would read as the whole county's.
		named := u
		named.Person, named.PersonRole, named.Clock, named.TimeOfDay = "", "", "", ""
		who := strings.TrimSuffix(s.hearingWhat(named, viewer), "的开庭")
		msg := fmt.Sprintf("%s%s%s没有开庭安排%s。", u.Period.Short(), asked, who, scopeNote(viewer))
		a.claims = append(a.claims, claim{Text: msg, What: claimHearings, Q: exact})
		day := "同一天"
		if v.TimeOfDay != "" {
			day = "同一" + map[string]string{"am": "上午", "pm": "下午"}[v.TimeOfDay]
		}
		lead := fmt.Sprintf("%s%s有以下开庭，您说的可能是这一场（请以此时间为准）：", msg, day)
		if len(near) > 1 {
			lead = fmt.Sprintf("%s%s有以下 %d 场开庭，您说的可能是其中一场：", msg, day, len(near))
		}
		if w := s.withdrawnNote(c, exact); w != "" {
			lead = msg + w + "\n\n" + strings.TrimPrefix(lead, msg) // 明天下午的庭 after 行初136's was cancelled
		}
		a.md = lead + "\n\n" + a.md
		return a, true, nil
	}
	return answer{}, false, nil
}

// todWord names the time of day or clock a question narrows hearings to.
func todWord(u intent.Understanding) string {
	if u.Clock != "" {
		return u.Clock
	}
	return map[string]string{"am": "上午", "pm": "下午"}[u.TimeOfDay]
}
