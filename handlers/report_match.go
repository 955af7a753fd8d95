package handlers

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"casebot/bot"
	"casebot/bot/cases"
	"casebot/bot/intent"
	"casebot/bot/people"
	"casebot/bot/store"
)

// A change told from the field (今天下午的庭推迟了, 12月1号的庭取消了) is
// bound to a hearing only when the hearing matches everything the message
// says: the case named, the day, the half-day or time, the agency and the
// person. The hearing comes from the ledger; the case in the conversation's
// focus is used only when that case itself matches. When nothing matches,
// the answer says so (a claim the corpus checks), lists the nearest
// hearings and asks which; when several match, it asks which. Nothing is
// proposed or forwarded until one hearing is identified.

// timeGiven reports whether a report says when the hearing is.
func timeGiven(u intent.Understanding) bool {
	return !u.Period.IsZero() || u.TimeOfDay != "" || u.Clock != ""
}

// reportNumbers are the case numbers a report names: written in full, or a
// short or bare number completed in the reporter's scope.
func (s *service) reportNumbers(c bot.Context, u intent.Understanding) ([]string, error) {
	return s.caseRefs(c.Ctx(), c.Person(), u, c.Now())
}

// reportQuery is the filter a report's hearing must pass: the reporter's
// scope, the agency and person named, the time of day, and the period
// (from now on when none is named).
func (s *service) reportQuery(c bot.Context, u intent.Understanding) query {
	now := c.Now()
	q := s.queryOf(u, c.Person())
	if u.Period.IsZero() {
		q.From, q.To = now.Add(-12*time.Hour), now.Add(upcomingWindow)
	} else {
		q.From, q.To = u.Period.From, u.Period.To
	}
	return q
}

// unresolvedNumber reports whether a report named a case (a number, a
// short one, a 序号) that resolves to none the reporter may see; numbers
// are what reportNumbers made of it. Both the binding and the answer that
// nothing was bound read it here.
func unresolvedNumber(u intent.Understanding, numbers []string) bool {
	return len(numbers) == 0 && hasRef(u)
}

// reportedHearing finds the hearing a report is about (see above). It
// returns the hearing, or the choices to ask among when several match, or
// neither when none does.
func (s *service) reportedHearing(c bot.Context, u intent.Understanding) (*store.ScheduledHearing, []store.ScheduledHearing, error) {
	viewer, now, loc := c.Person(), c.Now(), c.Location()
	q := s.reportQuery(c, u)
	numbers, err := s.reportNumbers(c, u)
	if err != nil {
		return nil, nil, err
	}
	byParty := false
	if len(numbers) == 0 && !hasRef(u) && u.Party != "" {
		// 张三那个 法院通知改到下周三上午: the party's cases, whose hearing
		// may already be past (a postponement is often told the day after).
		if numbers, err = s.st.PartyNumbers(c.Ctx(), u.Party); err != nil {
			return nil, nil, err
		}
		byParty = len(numbers) > 0
	}
	own := func(h store.ScheduledHearing) bool {
		return viewer.Name != "" && (h.Hearing.Head == viewer.Name || h.Case.Handler == viewer.Name)
	}
	if unresolvedNumber(u, numbers) {
		// 117推迟了 from a head who cannot see 117: the number binds to no
		// hearing of theirs, never to their own next one.
		return nil, nil, nil
	}
	if len(numbers) > 0 {
		cs, err := s.visible(c.Ctx(), viewer, numbers, nil)
		if err != nil {
			return nil, nil, err
		}
		if u.News != nil && u.News.Ordinal > 0 {
			// 第二次开庭改到14号: the case's sittings counted in order;
			// the day said beside it is another sitting's.
			var hs []store.ScheduledHearing
			for _, cs := range cs {
				if all := cs.ActiveHearings(); u.News.Ordinal <= len(all) {
					hs = append(hs, store.ScheduledHearing{Case: cs, Hearing: all[u.News.Ordinal-1]})
				}
			}
			switch len(hs) {
			case 0:
				return nil, nil, nil
			case 1:
				return &hs[0], nil, nil
			}
			return nil, hs, nil
		}
		var hs []store.ScheduledHearing
		for _, cs := range cs {
			for _, h := range cs.ActiveHearings() {
				if hearingOK(q, cs, h, loc) {
					hs = append(hs, store.ScheduledHearing{Case: cs, Hearing: h})
				}
			}
		}
		if !timeGiven(u) {
			// The case named and no time said: its next hearing, whatever
			// the day, or, when it has none, its last one if that was
			// recent and is not recorded as held (法院通知改到下周三, told
			// the day after the hearing that did not take place); a
			// hearing of the last two days may be meant though another is
			// ahead (孔二十七那个庭推迟了, the day after the first of two),
			// and then the bot asks. A time said that the case's hearings
			// do not match binds to none of them.
			inWindow := len(hs) > 0
			for _, cs := range cs {
				next := cs.NextHearing(now)
				if !inWindow && next != nil {
					hs = append(hs, store.ScheduledHearing{Case: cs, Hearing: *next})
				}
				recent := recentHearing(cs, now)
				if recent != nil && (next == nil || now.Sub(recent.At) <= reportedLately) &&
					!slices.ContainsFunc(hs, func(h store.ScheduledHearing) bool { return h.Hearing.ID == recent.ID && h.Case == cs }) {
					hs = append(hs, store.ScheduledHearing{Case: cs, Hearing: *recent})
				}
			}
			slices.SortStableFunc(hs, func(a, b store.ScheduledHearing) int { return a.Hearing.At.Compare(b.Hearing.At) })
		}
		mixed := slices.ContainsFunc(hs, func(h store.ScheduledHearing) bool { return h.Hearing.At.Before(now) }) &&
			slices.ContainsFunc(hs, func(h store.ScheduledHearing) bool { return !h.Hearing.At.Before(now) })
		switch {
		case len(hs) == 0:
			return nil, nil, nil
		case len(hs) > 1 && (timeGiven(u) || byParty || mixed):
			// Two hearings in the period said, of the party named, or one
			// just past and one ahead: ask which.
			return nil, hs, nil
		}
		for _, h := range hs {
			if own(h) {
				return &h, nil, nil
			}
		}
		return &hs[0], nil, nil
	}
	hs, err := s.hearingsOf(c.Ctx(), viewer, q, loc)
	if err != nil || len(hs) == 0 {
		return nil, nil, err
	}
	var mine []store.ScheduledHearing
	for _, h := range hs {
		if own(h) {
			mine = append(mine, h)
		}
	}
	named := timeGiven(u) || q.Person != "" || len(q.Agencies) > 0
	switch {
	case len(mine) == 1:
		return &mine[0], nil, nil
	case len(mine) > 1:
		return nil, mine, nil
	case len(hs) == 1 && named:
		return &hs[0], nil, nil
	}
	return nil, hs, nil
}

// reportedPast is how long after a hearing a report about it still
// comes: a change the court made is often told a day or two later.
const reportedPast = 7 * 24 * time.Hour

// reportedLately is how recent a past hearing is when a report may mean
// it though the case has another ahead: the day after, or the next.
const reportedLately = 48 * time.Hour

// recentHearing is the last active hearing of c before now, when it lies
// within reportedPast and no appearance is recorded for it (a hearing
// recorded as attended was held: no report moves it), or nil.
func recentHearing(c *cases.Case, now time.Time) *cases.Hearing {
	if c.Closure != nil {
		return nil
	}
	var last *cases.Hearing
	for _, h := range c.ActiveHearings() {
		if h.At.Before(now) && !h.At.Before(now.Add(-reportedPast)) {
			last = &h
		}
	}
	if last == nil || last.HeadAppeared != nil {
		return nil
	}
	return last
}

// focusFits reports whether the case in the conversation's focus has a
// hearing matching what a report without a case number says, so that the
// report may be taken to be about it.
func (s *service) focusFits(c bot.Context, u intent.Understanding, number string) (bool, error) {
	v := u
	v.Numbers, v.Short, v.Seq = []string{number}, "", 0
	h, hs, err := s.reportedHearing(c, v)
	return h != nil || len(hs) > 0, err
}

// reportWhat names what a report said of its hearing: the case, the day,
// the half-day or time and the person, as the “none” claim states it.
func (s *service) reportWhat(u intent.Understanding, numbers []string, viewer *people.Person) string {
	var b strings.Builder
	if len(numbers) > 0 {
		b.WriteString(strings.Join(numbers, "、") + " ")
	}
	if len(u.Agencies) > 0 {
		b.WriteString(joinNames(u.Agencies)) // every filter is named (公安局今天的庭取消了)
	}
	if u.Person != "" && u.Mine == "" {
		b.WriteString(u.Person)
	}
	if u.Party != "" && len(numbers) == 0 {
		b.WriteString("当事人" + s.shownName(viewer, u.Party)) // 张三那个庭推迟了: the party is a filter too
	}
	if !u.Period.IsZero() {
		b.WriteString(u.Period.Short())
	} else if len(numbers) == 0 {
		b.WriteString("今后") // the window looked in: from now on
	}
	switch {
	case u.Clock != "":
		b.WriteString(u.Clock)
	case u.TimeOfDay == "am":
		b.WriteString("上午")
	case u.TimeOfDay == "pm":
		b.WriteString("下午")
	}
	if !timeGiven(u) {
		b.WriteString("待开")
	}
	// The kind of case and the stage filter the search too (高院那个再审的庭):
	// a none that did not say them would read wider than it is.
	if u.CaseKind != "" {
		b.WriteString(u.CaseKind)
	}
	if u.Stage != "" {
		b.WriteString(u.Stage)
	}
	return b.String() + "的庭"
}

// noReportedHearing answers a report that matches no hearing: it says so,
// lists the hearings nearest what was said (those of the case named, or
// the reporter's), and asks which; nothing is proposed or forwarded.
func (s *service) noReportedHearing(c bot.Context, u intent.Understanding, a answer) (answer, error) {
	numbers, err := s.reportNumbers(c, u)
	if err != nil {
		return a, err
	}
	if unresolvedNumber(u, numbers) {
		if len(u.Numbers) == 0 && u.Seq == 0 {
			// 行初85 with no court to complete it: nothing is claimed of it.
			a.md = fmt.Sprintf("无法确定“%s”是哪个法院的案件，这次没有作任何修改。请写出完整案号，例如 %s。", u.Short, s.example(c.Now()))
			return a, nil
		}
		// The number names no case the reporter may see: say so of it.
		what, cands := strings.Join(u.Numbers, "、")+" 案件", u.Numbers
		if u.Seq > 0 {
			rc, err := s.seqOrReconCandidates(c.Ctx(), u.Seq, u.Recon, c.Now())
			if err != nil {
				return answer{}, err
			}
			what, cands = fmt.Sprintf("案号序号为 %d 的案件", u.Seq), rc
			hidden, _, err := s.unseen(c.Ctx(), cands)
			if err != nil {
				return answer{}, err
			}
			if len(hidden) > 0 {
				a.md = outOfScope(c.Person(), fmt.Sprintf("案号序号为 %d 的案件（%s）", u.Seq, strings.Join(hidden, "、"))) + "这次没有作任何修改。"
				return a, nil
			}
		}
		msg := notFound(what)
		a.claims = []claim{{Text: msg, What: claimNumber, Numbers: cands}}
		a.md = msg + "这次没有作任何修改。如是本单位的案件，请写出完整案号，例如 " + s.example(c.Now()) + "。"
		return a, nil
	}
	if u.News != nil && u.News.Kind == intent.Cannot && len(numbers) == 1 {
		// 85号怎么又输了 我那天有会去不了: of a case with no hearing to come,
		// "去不了" explains a hearing past; the case is what is asked, with
		// how a justified absence counts, never "which hearing?".
		if b, ok, err := s.pastAbsence(c, u, numbers[0]); err != nil || ok {
			return b, err
		}
	}
	q := s.reportQuery(c, u)
	if len(numbers) > 0 {
		// The case named: the claim is about it (and last year's).
		q.Numbers = append(slices.Clone(numbers), yearBefore(numbers)...)
	}
	msg := fmt.Sprintf("没有找到您可以查看的%s，无法确定是哪一场。", s.reportWhat(u, numbers, c.Person()))
	a.claims = []claim{{Text: msg, What: claimHearings, Q: q}}
	a.md = msg + "请写明案号，例如“行初85号改到12月3日上午9点半”。"
	if !timeGiven(u) && (u.Party == "" || len(numbers) > 0) {
		return a, nil
	}
	near, shown, err := s.nearestReported(c, u)
	if err != nil {
		return a, err
	}
	if near != "" {
		a.md, a.shown = msg+"\n\n"+near, shown
	}
	return a, nil
}

// nearestReported lists, for a change report whose time matches no
// hearing (25号的庭取消了, 117号后天的庭推迟了), the hearings the reporter may
// see nearest that time — of the case named, when one is — to ask which
// one was meant; nothing is proposed or forwarded.
func (s *service) nearestReported(c bot.Context, u intent.Understanding) (string, []string, error) {
	v := u
	v.Period, v.TimeOfDay, v.Clock = intent.Period{}, "", ""
	var hs []store.ScheduledHearing
	numbers, err := s.reportNumbers(c, u)
	if err != nil {
		return "", nil, err
	}
	if len(numbers) == 0 && !hasRef(u) && u.Party != "" {
		// 蒋十五那个庭改到下周三: the hearings registered for the party's
		// cases, though none is recent enough to be the one meant.
		if numbers, err = s.st.PartyNumbers(c.Ctx(), u.Party); err != nil {
			return "", nil, err
		}
	}
	if len(numbers) > 0 {
		cs, err := s.visible(c.Ctx(), c.Person(), numbers, nil)
		if err != nil {
			return "", nil, err
		}
		for _, cs := range cs {
			for _, h := range cs.ActiveHearings() {
				hs = append(hs, store.ScheduledHearing{Case: cs, Hearing: h})
			}
		}
	} else {
		h, more, err := s.reportedHearing(c, v)
		if err != nil {
			return "", nil, err
		}
		if h != nil {
			more = append(more, *h)
		}
		hs = more
	}
	if len(hs) == 0 {
		return "", nil, nil
	}
	at := c.Now()
	if !u.Period.IsZero() {
		at = u.Period.From
	}
	if t, err := time.ParseInLocation("15:04", u.Clock, c.Location()); err == nil {
		at = time.Date(at.Year(), at.Month(), at.Day(), t.Hour(), t.Minute(), 0, 0, c.Location())
	} else if u.TimeOfDay != "" {
		at = time.Date(at.Year(), at.Month(), at.Day(), map[string]int{"am": 9, "pm": 15}[u.TimeOfDay], 0, 0, 0, c.Location())
	}
	dist := func(h store.ScheduledHearing) time.Duration {
		d := h.Hearing.At.Sub(at)
		if d < 0 {
			d = -d
		}
		return d
	}
	slices.SortStableFunc(hs, func(a, b store.ScheduledHearing) int { return cmp.Compare(dist(a), dist(b)) })
	hs = hs[:min(len(hs), 3)]
	slices.SortStableFunc(hs, func(a, b store.ScheduledHearing) int { return a.Hearing.At.Compare(b.Hearing.At) })
	var b strings.Builder
	if len(numbers) > 0 {
		b.WriteString("该案登记的开庭：\n\n")
	} else {
		b.WriteString("离这个时间最近的开庭：\n\n")
	}
	var shown []string
	for i, h := range hs {
		fmt.Fprintf(&b, "%d. %s\n\n", i+1, s.hearingText(c.Person(), h, c.Location()))
		if !slices.Contains(shown, h.Case.Number) {
			shown = append(shown, h.Case.Number)
		}
	}
	b.WriteString("请问您说的是哪一场？请连同案号和时间再发一次。")
	return b.String(), shown, nil
}

// toldNumbers are the cases a piece of news from the field is about: those
// its message names, else the one case just shown (行初85 → 我们准备上诉).
func (s *service) toldNumbers(c bot.Context, prev *lastQuestion) ([]string, error) {
	u, err := intent.Understand(c.Message().Text, s.options(c, c.Person()))
	if err != nil {
		return nil, err
	}
	numbers, err := s.reportNumbers(c, u)
	if err != nil {
		return nil, err
	}
	if len(numbers) == 0 && prev != nil && len(prev.Shown) == 1 {
		numbers = prev.Shown
	}
	return numbers, nil
}

// pastAbsence answers an absence told of a case with no hearing to come:
// the case (its state and outcome first) and how a justified absence
// counts (法释〔2020〕3号第8、9条). ok is false when the case still has a
// hearing to come (the report is news of that one).
func (s *service) pastAbsence(c bot.Context, u intent.Understanding, number string) (answer, bool, error) {
	cs, err := s.visible(c.Ctx(), c.Person(), []string{number}, nil)
	if err != nil || len(cs) != 1 {
		return answer{}, false, err
	}
	for _, h := range cs[0].ActiveHearings() {
		if h.At.After(c.Now()) {
			return answer{}, false, nil
		}
	}
	v := intent.Understanding{Kind: intent.Case, Numbers: []string{number}, Aspect: intent.Outcome, Anchored: true}
	a, err := s.lookup(c, v, []string{number})
	if err != nil {
		return answer{}, false, err
	}
	msg := fmt.Sprintf("**%s** 台账中今后没有待开的庭", number)
	a.md = msg + "。您说的是已开过的庭，这次未转告专班。" + excuseRule + "\n\n" + a.md
	a.claims = append(a.claims, claim{Text: msg, What: claimHearings, Q: query{Numbers: []string{number}, From: c.Now()}})
	return a, true, nil
}
