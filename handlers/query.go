package handlers

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"casebot/bot"
	"casebot/bot/cases"
	"casebot/bot/intent"
	"casebot/bot/people"
	"casebot/bot/store"
)

// notFound says that nothing the asker may see matches what. A case asked
// for by number that exists outside the asker's scope is not answered so
// (outOfScope): a head told “没有找到” of a case they are due in court for
// would stay away; that the number exists is told, nothing else of it.
func notFound(what string) string {
	return "没有找到您可以查看的" + what + "。"
}

// caseAnswer answers about given cases: by number (full, short, a bare
// 117号), or the cases a party, agency or stage designates, or the case
// shown before; with the fact asked (出庭负责人, 判了吗…) said first.
func (s *service) caseAnswer(c bot.Context, u intent.Understanding) (answer, error) {
	viewer := c.Person()
	if u.Short != "" && len(u.Numbers) == 0 {
		return answer{md: fmt.Sprintf("无法确定“%s”是哪个法院的案件，请写出完整案号，例如 %s。", u.Short, s.example(c.Now()))}, nil
	}
	numbers, err := s.caseRefs(c.Ctx(), viewer, u, c.Now())
	if err != nil {
		return answer{}, err
	}
	if u.Seq > 0 {
		if len(numbers) == 0 {
			cands, err := s.seqOrReconCandidates(c.Ctx(), u.Seq, u.Recon, c.Now())
			if err != nil {
				return answer{}, err
			}
			hidden, _, err := s.unseen(c.Ctx(), cands)
			if err != nil {
				return answer{}, err
			}
			if len(hidden) > 0 {
				return answer{md: outOfScope(viewer, fmt.Sprintf("案号序号为 %d 的案件（%s）", u.Seq, strings.Join(hidden, "、")))}, nil
			}
			if u.Seq <= 31 && !u.Recon && u.Period.IsZero() {
				// 24号的负责人是谁 with no case numbered 24: the 24th, read
				// as a day (intent reads 24号 + what is asked of a case as
				// the case; the ledger says there is none).
				if a, ok, err := s.seqAsDay(c, u, cands); err != nil || ok {
					return a, err
				}
			}
			what := fmt.Sprintf("案号序号为 %d 的案件", u.Seq)
			return answer{md: notFound(what) + "请写出完整案号，例如 " + s.example(c.Now()) + "。",
				claims: []claim{{Text: notFound(what), What: claimNumber, Numbers: cands}}}, nil
		}
	}
	if len(numbers) == 0 {
		q := s.queryOf(u, viewer)
		if q.Party == "" && q.Agencies == nil && q.Unknown == "" && q.Stage == "" && q.Cause == "" && q.Person == "" && !q.Own && q.Kind == "" && q.CourtLevel == "" && q.NumberYear == 0 {
			return answer{md: "请问您问的是哪个案件？请发送案号（例如 " + s.example(c.Now()) + "），或先查出案件再问。"}, nil
		}
		return s.casesAbout(c, u, q)
	}
	return s.lookup(c, u, numbers)
}

// seqAsDay answers a question read of case number seq (1–31) that no case
// has as the hearings on that day of the month, saying so.
func (s *service) seqAsDay(c bot.Context, u intent.Understanding, cands []string) (answer, bool, error) {
	d, err := intent.Understand(fmt.Sprintf("%d号的庭", u.Seq), s.options(c, c.Person()))
	if err != nil || d.Kind != intent.Hearings || d.Period.IsZero() {
		return answer{}, false, err
	}
	v := u
	v.Kind, v.Seq, v.Anchored, v.Period, v.Hearing = intent.Hearings, 0, true, d.Period, true
	if v.Aspect != intent.Head && v.Aspect != intent.Handler && v.Aspect != intent.When && v.Aspect != intent.Where {
		v.Aspect = ""
	}
	a, err := s.hearingsAnswer(c, v)
	if err != nil || a.md == "" {
		return a, false, err
	}
	none := fmt.Sprintf("台账中没有案号序号为 %d 的案件", u.Seq)
	a.md = none + fmt.Sprintf("，按日期（%s）理解：\n\n", d.Period.Short()) + a.md
	a.claims = append(a.claims, claim{Text: none, What: claimNumber, Numbers: cands})
	a.noEcho = true
	return a, true, nil
}

// lookup shows the cases under numbers that the asker may see, each with
// the fact asked; numbers that find nothing get the nearest numbers.
func (s *service) lookup(c bot.Context, u intent.Understanding, numbers []string) (answer, error) {
	viewer, now, loc := c.Person(), c.Now(), c.Location()
	cs, err := s.visible(c.Ctx(), viewer, numbers, nil)
	if err != nil {
		return answer{}, err
	}
	var a answer
	var parts []string
	fact := func(cs *cases.Case) string {
		if u.Past && u.Aspect == intent.Head {
			if f := s.lastHeadFact(cs, now, loc); f != "" {
				return f
			}
			if u.FollowUp {
				// 行初117 → 上次我去了没: it has not been heard yet; say so,
				// then the hearing to come.
				msg := fmt.Sprintf("**%s** 台账中还没有已开过的庭", cs.Number)
				a.claims = append(a.claims, claim{Text: msg, What: claimHearings, Q: query{Numbers: []string{cs.Number}, To: now}})
				return msg + "。" + s.fact(viewer, cs, u.Aspect, now, loc)
			}
		}
		if u.Aspect == intent.Court && u.Stage == string(cases.StageFirst) && cs.Stage != "" && cs.Stage != cases.StageFirst {
			// 一审是哪个法院判的 of an appeal: the ledger's 承办法院 is this
			// stage's court, not the first instance's, which it does not record.
			return "台账未登记该案一审的法院（只登记本案" + string(cs.Stage) + "的承办法院：" + orNone(cs.Court) + "），一审情况请查看一审裁判文书或向承办人了解。"
		}
		if u.Aspect == intent.Deadline && len(u.DeadlineKinds) > 0 {
			return s.kindsFact(cs, u.DeadlineKinds, now, loc) // the kind asked, never another's day
		}
		if u.Aspect == intent.Advice && u.Suggestion != "" {
			return s.adviceDue(cs, cases.SuggestionKind(u.Suggestion), now, loc)
		}
		if u.Aspect == intent.When && u.Order != "" {
			return orderedWhen(cs, u.Order, now, loc) // 下回是哪天: the next hearing only
		}
		return s.fact(viewer, cs, u.Aspect, now, loc)
	}
	if u.Aspect == intent.Attached || u.Aspect == intent.Reminded || u.Aspect == intent.Clash || firstInstanceAsked(u) {
		facts := map[string]string{}
		for _, cs := range cs {
			if firstInstanceAsked(u) {
				// 行终33一审咋判的: what the ledger records of the first
				// instance, never the appeal's own outcome.
				f, ok, ferr := s.firstInstance(c, cs)
				if !ok {
					f = s.fact(viewer, cs, u.Aspect, now, loc)
				}
				facts[cs.Number], err = f, ferr
			} else if u.Aspect == intent.Clash {
				facts[cs.Number], err = s.clashFact(c.Ctx(), viewer, cs, now, loc)
			} else if u.Aspect == intent.Reminded {
				facts[cs.Number], err = s.remindedFact(c, cs, nil, u.Person)
				if err == nil {
					// 为什么没人确认: whether anyone of the agency can be reached
					facts[cs.Number], err = s.withWhyUnconfirmed(c, facts[cs.Number], cs, nil)
				}
			} else {
				facts[cs.Number], err = s.attachedFact(c, cs)
			}
			if err != nil {
				return answer{}, err
			}
		}
		fact = func(cs *cases.Case) string { return facts[cs.Number] }
	}
	for _, cs := range cs {
		part := s.card(viewer, cs, now, loc)
		if u.Aspect != "" {
			part = fact(cs) + "\n\n" + part
		}
		parts = append(parts, part)
		a.shown = append(a.shown, cs.Number)
	}
	a.results = len(cs)
	if u.Aspect != "" && len(cs) > 1 {
		// Several cases and one fact: the fact of each, then the cards.
		var facts []string
		for _, cs := range cs {
			facts = append(facts, "**"+cs.Number+"**："+fact(cs))
		}
		parts = []string{strings.Join(facts, "\n\n")}
	}
	var missing []string
	if u.Short == "" && u.Seq == 0 {
		for _, n := range numbers {
			if !slices.Contains(a.shown, n) {
				missing = append(missing, n)
			}
		}
	} else if len(cs) == 0 {
		missing = numbers
	}
	hidden, absent, err := s.unseen(c.Ctx(), missing)
	if err != nil {
		return answer{}, err
	}
	if len(hidden) > 0 {
		// In the ledger, outside the asker's scope: said so, never “没有”.
		what := "案件 " + strings.Join(hidden, "、") + " "
		if u.Short != "" {
			what = "案件“" + u.Short + "”（" + strings.Join(hidden, "、") + "）"
		}
		parts = append(parts, outOfScope(viewer, what))
		if u.Short != "" || u.Seq > 0 {
			absent = nil // the completions that do not exist were not asked for
		}
	}
	if len(absent) > 0 {
		msg := absentText(u.Short, absent)
		a.claims = append(a.claims, claim{Text: msg, What: claimAbsent, Numbers: absent})
		sugg, err := s.suggestNumbers(c.Ctx(), viewer, absent)
		if err != nil {
			return answer{}, err
		}
		if len(sugg) > 0 {
			msg += "您要找的是不是："
			for i, sc := range sugg {
				msg += "\n\n" + s.caseLine(i+1, viewer, sc, now, loc)
				a.shown = append(a.shown, sc.Number)
			}
		} else {
			msg += "请核对案号，或按当事人、单位查询（回复“帮助”查看用法）。"
		}
		parts = append(parts, msg)
	}
	if len(cs) == 1 {
		if err := s.clearPage(c); err != nil {
			return answer{}, err
		}
	}
	a.md = strings.Join(parts, "\n\n")
	return a, nil
}

// seqTypes are the type codes a bare sequence number (117号) is completed
// with, most common first.
var seqTypes = []string{"行初", "行终", "行审", "行申", "行赔初", "行再"}

// seqCandidates are the numbers a bare sequence may stand for: this year
// and last, the configured courts, the common type codes.
func (s *service) seqCandidates(seq int, recon bool, now time.Time) []string {
	if recon {
		return nil
	}
	var out []string
	for _, y := range []int{now.Year(), now.Year() - 1} {
		for _, court := range s.courts {
			for _, t := range seqTypes {
				if n, err := cases.ParseNumber(fmt.Sprintf("(%d)%s%s%d号", y, court, t, seq)); err == nil {
					out = append(out, n.String())
				}
			}
		}
	}
	return out
}

// seqOrReconCandidates are seqCandidates, or for a 复议 number (复议41号)
// the ledger's 复议 numbers ending with seq: a 市监局 handler asking of 复议
// 41号, which is 住建局's, is told it exists and is not theirs, never that
// there is no such case.
func (s *service) seqOrReconCandidates(ctx context.Context, seq int, recon bool, now time.Time) ([]string, error) {
	if recon {
		return s.reconCandidates(ctx, seq, now)
	}
	return s.seqCandidates(seq, false, now), nil
}

// reconCandidates are the 复议 numbers of this year and last ending with
// seq, this year's first. 复议 numbers begin with their organ's name, so
// they sort after every court number, which begins with “(”.
func (s *service) reconCandidates(ctx context.Context, seq int, now time.Time) ([]string, error) {
	tails := []string{fmt.Sprintf("〔%d〕%d号", now.Year(), seq), fmt.Sprintf("〔%d〕%d号", now.Year()-1, seq)}
	var found [2][]string
	const page = 20000
	for offset := int64(0); ; offset += page {
		ns, err := s.st.Client().ZRangeByLex(ctx, s.st.Keys().AllCases(), &redis.ZRangeBy{Min: "[\u4e00", Max: "+", Offset: offset, Count: page}).Result()
		if err != nil {
			return nil, err
		}
		for _, n := range ns {
			for i, tail := range tails {
				if strings.HasSuffix(n, tail) {
					found[i] = append(found[i], n)
				}
			}
		}
		if len(ns) < page {
			break
		}
	}
	return append(found[0], found[1]...), nil
}

// caseRefs resolves the cases u names by number, the one resolver of short
// references: full numbers as written; a short one (行初85, completed by
// intent with this year and the configured courts) or a bare one (85号) to
// the cases viewer may see, this year's when there is one, else last
// year's (行终33 in January). A short number that finds neither stays as
// completed, so the answer can say what it looked for.
func (s *service) caseRefs(ctx context.Context, viewer *people.Person, u intent.Understanding, now time.Time) ([]string, error) {
	if u.Seq > 0 {
		return s.completeSeq(ctx, viewer, u.Seq, u.Recon, now)
	}
	if u.Short == "" || len(u.Numbers) == 0 {
		return u.Numbers, nil
	}
	for _, ns := range [][]string{u.Numbers, yearBefore(u.Numbers)} {
		cs, err := s.visible(ctx, viewer, ns, nil)
		if err != nil {
			return nil, err
		}
		if len(cs) > 0 {
			out := make([]string, len(cs))
			for i, c := range cs {
				out[i] = c.Number
			}
			return out, nil
		}
	}
	return u.Numbers, nil
}

// completeSeq finds the cases viewer may see that a bare sequence number
// names: the court numbers of seqCandidates that exist (this year's first),
// or, for 复41号, the 复议 numbers of this year or last ending 〔年〕41号.
func (s *service) completeSeq(ctx context.Context, viewer *people.Person, seq int, recon bool, now time.Time) ([]string, error) {
	cands := s.seqCandidates(seq, false, now)
	if recon {
		cands = nil
	}
	// 33号 is 行终33 and 复33 alike: a bare number takes the 复议 numbers
	// too, so that both are shown and neither is picked silently.
	rc, err := s.reconCandidates(ctx, seq, now)
	if err != nil {
		return nil, err
	}
	cands = append(cands, rc...)
	cs, err := s.visible(ctx, viewer, cands, nil)
	if err != nil {
		return nil, err
	}
	var out []string
	year := 0
	for _, c := range cs {
		y := cases.MustParseNumber(c.Number).Year
		if year == 0 {
			year = y
		}
		if y == year { // this year's when it has one, else last year's
			out = append(out, c.Number)
		}
	}
	return out, nil
}

// casesAbout answers a fact about the cases a party, an agency, a person
// or a kind designates (某某建材那个案子开庭时间, 交通局的案子结了没): the
// fact of each, open cases first.
func (s *service) casesAbout(c bot.Context, u intent.Understanding, q query) (answer, error) {
	viewer, now, loc := c.Person(), c.Now(), c.Location()
	numbers, a, err := s.casesFor(c, u, q)
	if err != nil || len(numbers) == 0 {
		return a, err
	}
	cs, err := s.visible(c.Ctx(), viewer, numbers, nil)
	if err != nil {
		return answer{}, err
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].Open() && !cs[j].Open() })
	if len(cs) == 1 {
		return s.lookup(c, u, []string{cs[0].Number})
	}
	title := fmt.Sprintf("**%s**：共 %d 件", s.whoseCases(u, viewer), len(cs))
	items := make([]string, len(cs))
	for i, cs := range cs {
		items[i] = cs.Number
	}
	a, err = s.listAbout(c, title, listCases, items, len(items), u.Aspect)
	a.shown = items[:min(len(items), s.pageSize)]
	_ = now
	_ = loc
	return a, err
}

// casesAnswer lists the cases a question designates: a party's, an
// agency's, a person's, the asker's own, of a kind or stage.
func (s *service) casesAnswer(c bot.Context, u intent.Understanding) (answer, error) {
	viewer := c.Person()
	headSelf := false
	if u.Mine == intent.MineSelf && viewer.Role == people.Head {
		// A head's 我的案件 is their agency's: they appear for all of it;
		// and the other agencies' cases that name them (headNamed).
		u.Mine, headSelf = intent.MineAgency, true
	}
	q := s.queryOf(u, viewer)
	if u.Mine == intent.MineSelf && q.Person == "" {
		return s.bureauSelf(c, u)
	}
	if q.Party == "" && q.Agencies == nil && q.Unknown == "" && q.Person == "" && !q.Own && q.Kind == "" && q.Stage == "" && q.Cause == "" && q.CourtLevel == "" && q.NumberYear == 0 {
		return s.notUnderstood(c, u)
	}
	numbers, a, err := s.casesFor(c, u, q)
	if err != nil {
		return a, err
	}
	if headSelf {
		more, err := s.headNamed(c, viewer, q)
		if err != nil {
			return answer{}, err
		}
		if len(more) > 0 {
			u.Mine = intent.MineSelf // named: 贵单位 alone would not say it
			numbers, a = append(numbers, more...), answer{}
		}
	}
	head := ""
	if u.Mine == intent.MineSelf && !headSelf {
		// A head's or handler's own cases first, then their agency's.
		all, err := s.ownNumbers(c.Ctx(), viewer)
		if err != nil {
			return answer{}, err
		}
		role := map[string]string{"head": "出庭负责人", "handler": "承办人"}[q.Role]
		switch {
		case len(numbers) == 0 && len(all) > 0 && len(a.claims) > 0 && !s.foreign(viewer, q):
			// Said of the agency's cases only: the ledger may name the same
			// person on another agency's case, which this viewer cannot see
			// and so cannot be told there is none of.
			head = fmt.Sprintf("贵单位（%s）的案件中没有以您（%s）为%s的，以下为贵单位的全部案件。\n\n", viewer.Agency, viewer.Name, role)
			a.claims[0].Text = strings.TrimSuffix(head, "\n\n")
			numbers = all
		case len(numbers) > 0 && len(without(all, numbers)) > 0:
			a.md = fmt.Sprintf("\n\n贵单位（%s）共有 %d 件案件，回复“我们单位的案件”查看全部。", viewer.Agency, len(all))
		}
	}
	if len(numbers) == 0 {
		return a, nil
	}
	tail := ""
	if u.Mine == intent.MineSelf && head == "" {
		tail, a.md = a.md, ""
	}
	// Counted whole, listed from the newest: a page is shown and at most
	// maxListed remembered, so only those are put in order.
	top, total, err := s.st.NewestFirstTop(c.Ctx(), numbers, maxListed)
	if err != nil {
		return answer{}, err
	}
	switch {
	case total <= maxListed:
		numbers = top
	case total < len(numbers):
		numbers = distinctNumbers(numbers)
	}
	open, err := s.countOpen(c.Ctx(), numbers)
	if err != nil {
		return answer{}, err
	}
	echo := s.whoseCases(u, viewer)
	if head != "" {
		echo = "贵单位（" + viewer.Agency + "）的案件"
	}
	if s.foreign(viewer, q) {
		echo += "（仅含您可以查看的：与贵单位共同被诉的、列您为出庭负责人或承办人的；该单位其他案件不在您可以查看的范围内）"
	}
	if headSelf && u.Mine == intent.MineSelf {
		echo = "贵单位（" + viewer.Agency + "）的案件及列您（" + viewer.Name + "）为出庭负责人或承办人的其他单位案件"
	}
	if q.Party == "" && q.Person == "" && q.Agencies == nil && !q.Own {
		echo += fmt.Sprintf("（未结及%d年以来结案的）", c.Now().Year())
	}
	claims := a.claims
	title := head + fmt.Sprintf("**%s**：共 %d 件，其中未结 %d 件", echo, total, open)
	if !u.Period.IsZero() && q.Party == "" && q.Person == "" && total > 1 && total <= maxFiledNote {
		// 今年一共多少行政诉讼: how many of them came in during the period too.
		// From the filing index's scores of the listed cases: no case is loaded.
		scores, has, err := s.st.FiledScores(c.Ctx(), numbers)
		if err != nil {
			return answer{}, err
		}
		from, to := float64(u.Period.From.Unix()), float64(u.Period.To.Unix())
		k := 0
		for i := range numbers {
			if has[i] && scores[i] >= from && scores[i] < to {
				k++
			}
		}
		switch {
		case k == len(numbers):
			title += fmt.Sprintf("，均为%s立案（新收）", u.Period.Short())
		case k > 0:
			title += fmt.Sprintf("；其中%s立案（新收）%d 件", u.Period.Short(), k)
		}
	}
	if total == 1 {
		a, err := s.lookup(c, u, top)
		if err == nil {
			a.md = head + fmt.Sprintf("**%s**：共 1 件\n\n", echo) + a.md + tail
			a.claims = append(a.claims, claims...)
		}
		return a, err
	}
	a, err = s.listAbout(c, title, listCases, top, total, u.Aspect)
	a.md += tail
	a.claims = append(a.claims, claims...)
	return a, err
}

// headNamed returns the cases of other agencies that name the head viewer
// (scope.Named) and that q, without its own-agency filter, keeps: the rest
// of a head's 我的案件.
func (s *service) headNamed(c bot.Context, viewer *people.Person, q query) ([]string, error) {
	more, err := s.namedElsewhere(c.Ctx(), viewer, s.ownLedgerAgencies(c, viewer))
	if err != nil || len(more) == 0 {
		return nil, err
	}
	q.Own = false
	return s.narrow(c.Ctx(), viewer, q, more, true)
}

// without returns the numbers of all that are not among some.
func without(all, some []string) []string {
	in := make(map[string]bool, len(some))
	for _, n := range some {
		in[n] = true
	}
	var out []string
	for _, n := range all {
		if !in[n] {
			out = append(out, n)
		}
	}
	return out
}

// maxFiledNote bounds the lists whose filings in the period are counted
// for the title: reading the filing scores of 5,000 numbers costs Redis
// about 10 ms (store.NewestFirst); a longer list (a ledger far beyond a
// county's) is titled without it rather than answered slower.
const maxFiledNote = 5000

// bureauSelf answers 我的案件 from someone of the bureau, who is no
// agency's head or handler: every open case (the 普法 team: closed ones).
func (s *service) bureauSelf(c bot.Context, u intent.Understanding) (answer, error) {
	viewer := c.Person()
	if viewer.Role == people.Pufa {
		return answer{md: "普法组可以查看已结案件，请按案号、当事人或时间查询，例如“本月结案”“今年败诉”。"}, nil
	}
	numbers, err := s.st.OpenNumbers(c.Ctx())
	if err != nil {
		return answer{}, err
	}
	if len(numbers) == 0 {
		msg := "目前没有未结案件。"
		return answer{md: msg, claims: []claim{{Text: msg, What: claimCases, Q: query{Open: true}}}}, nil
	}
	if numbers, err = s.newestFirst(c.Ctx(), numbers); err != nil {
		return answer{}, err
	}
	return s.list(c, fmt.Sprintf("**您是司法局%s，不承办具体案件；以下为全部未结案件**：共 %d 件", viewer.Role.Label(), len(numbers)), listCases, numbers, len(numbers))
}

// casesFor returns the numbers of the cases viewer may see that q keeps,
// read from the narrowest index that applies (party, person, agency, the
// asker's agency; else the open cases and those closed this year, with the
// kind and stage read from the number before a case is loaded). When none
// is found, the answer says so, with the nearest real things.
func (s *service) casesFor(c bot.Context, u intent.Understanding, q query) ([]string, answer, error) {
	ctx, viewer := c.Ctx(), c.Person()
	if q.Unknown != "" {
		return nil, s.unknownAgency(c, q.Unknown, "的案件"), nil
	}
	if u.NotAppeared {
		q.HeardBy = c.Now()
	}
	var cands []string
	var err error
	switch {
	case q.Party != "":
		if cands, err = s.st.PartyNumbers(ctx, q.Party); err == nil && len(cands) == 0 && !u.Model {
			a, err := s.partyNotFound(c, u, q)
			return nil, a, err
		}
	case q.Person != "":
		cands, err = s.st.PersonNumbers(ctx, q.Person)
	case q.Agencies != nil:
		cands, err = s.numbersOfAgencies(ctx, q.Agencies)
	case q.Own:
		cands, err = s.ownNumbers(ctx, viewer)
	case q.NumberYear != 0:
		// 2015年那个案子: the cases numbered (2015)…, closed long ago or
		// not, rather than this year's working set.
		cands, err = s.st.NumbersWithPrefix(ctx, "("+strconv.Itoa(q.NumberYear)+")", 0)
	default:
		q.Since = yearOf(c.Now()).From
		cands, err = s.workingSet(ctx, c.Now())
	}
	if err != nil {
		return nil, answer{}, err
	}
	numbers, err := s.narrow(ctx, viewer, q, cands, true)
	if err != nil {
		return nil, answer{}, err
	}
	if len(numbers) > 0 {
		return numbers, answer{}, nil
	}
	if s.foreign(viewer, q) {
		// Another agency's cases, none of which names the asker.
		if a, ok, err := s.foreignAnswer(c, q, "案件"); err != nil || ok {
			return nil, a, err
		}
	}
	msg := notFound(s.whoseCases(u, viewer))
	if !q.Since.IsZero() {
		msg = fmt.Sprintf("未结及%d年以来结案的案件中，%s更早结案的请加上年份再查，例如“%d年%s”。",
			q.Since.Year(), notFound(s.whoseCases(u, viewer)), q.Since.Year()-1, s.whoseCases(u, viewer))
	}
	a := answer{claims: []claim{{Text: msg, What: claimCases, Q: q}}}
	a.md = msg
	return nil, a, nil
}

// workingSet is the open cases and those closed this year: what a
// question naming only a kind, stage or 案由 (复议案件有几个) is about
// (narrow then reads kind and stage from the numbers).
func (s *service) workingSet(ctx context.Context, now time.Time) ([]string, error) {
	open, err := s.st.OpenNumbers(ctx)
	if err != nil {
		return nil, err
	}
	year := time.Date(now.Year(), 1, 1, 0, 0, 0, 0, now.Location())
	closed, err := s.st.ClosedNumbers(ctx, year, year.AddDate(1, 0, 0))
	if err != nil {
		return nil, err
	}
	return append(open, closed...), nil
}

func (s *service) numbersOfAgencies(ctx context.Context, agencies []string) ([]string, error) {
	seen := map[string]bool{}
	var out []string
	for _, a := range agencies {
		ns, _, err := s.st.AgencyNumbers(ctx, a, store.Page{})
		if err != nil {
			return nil, err
		}
		for _, n := range ns {
			if !seen[n] {
				seen[n] = true
				out = append(out, n)
			}
		}
	}
	return out, nil
}

// ownNumbers returns the numbers of the cases of viewer's own agency.
func (s *service) ownNumbers(ctx context.Context, viewer *people.Person) ([]string, error) {
	known, err := s.st.Agencies(ctx)
	if err != nil {
		return nil, err
	}
	var own []string
	for _, a := range known {
		if s.scope.Agencies().Same(a, viewer.Agency) {
			own = append(own, a)
		}
	}
	sort.Strings(own)
	return s.numbersOfAgencies(ctx, own)
}

// unknownAgency answers a question about an agency the ledger does not
// have: say so, and name the ledger's agencies that come closest.
func (s *service) unknownAgency(c bot.Context, name, what string) answer {
	msg := notFound("“" + name + "”" + what)
	a := answer{claims: []claim{{Text: msg, What: claimCases, Q: query{Unknown: name}}}}
	known, err := s.st.Agencies(c.Ctx())
	if err == nil {
		near := nearestAgencies(name, known, 5)
		if len(near) == 0 {
			sort.Strings(known)
			near = known[:min(len(known), 8)]
		}
		if len(near) > 0 {
			msg += "台账中的单位有：" + strings.Join(near, "、")
			if len(near) < len(known) {
				msg += " 等"
			}
			msg += "。"
		}
	}
	a.md = msg + "请核对单位名称。"
	return a
}

// agencyGenericWords is built once, not on every call (building a Replacer allocates).
var agencyGenericWords = strings.NewReplacer("局", "", "政府", "", "人民", "", "某县", "", "县", "", "区", "")

// nearestAgencies orders the known agencies by how many characters of
// name they share, and returns the first n that share any.
func nearestAgencies(name string, known []string, n int) []string {
	type scored struct {
		a string
		k int
	}
	core := agencyGenericWords.Replace(name)
	var ss []scored
	for _, a := range known {
		k := 0
		for _, r := range core {
			if strings.ContainsRune(a, r) {
				k++
			}
		}
		if strings.HasSuffix(name, "政府") && strings.HasSuffix(a, "政府") {
			k += 2
		}
		if k > 0 {
			ss = append(ss, scored{a, k})
		}
	}
	sort.SliceStable(ss, func(i, j int) bool {
		if ss[i].k != ss[j].k {
			return ss[i].k > ss[j].k
		}
		return ss[i].a < ss[j].a
	})
	var out []string
	for _, s := range ss {
		if len(out) < n {
			out = append(out, s.a)
		}
	}
	return out
}

// partyNotFound answers a party the ledger has no case of: one party whose
// name starts with what was written is taken as meant; several are
// offered.
func (s *service) partyNotFound(c bot.Context, u intent.Understanding, q query) (answer, error) {
	viewer := c.Person()
	keep := func(cs *cases.Case) bool {
		qq := q
		qq.Party = ""
		return s.caseOK(qq, viewer, cs)
	}
	byName, err := s.partiesWithPrefix(c.Ctx(), viewer, q.Party, keep)
	if err != nil {
		return answer{}, err
	}
	if len(byName) == 1 {
		for name, numbers := range byName {
			if numbers, err = s.newestFirst(c.Ctx(), numbers); err != nil {
				return answer{}, err
			}
			head := fmt.Sprintf("没有当事人“%s”，以下是“%s”的案件", s.shownName(viewer, q.Party), s.shownName(viewer, name))
			if len(numbers) == 1 {
				a, err := s.lookup(c, u, numbers)
				a.md = head + "：\n\n" + a.md
				return a, err
			}
			return s.listAbout(c, fmt.Sprintf("**%s**：共 %d 件", head, len(numbers)), listCases, numbers, len(numbers), u.Aspect)
		}
	}
	msg := notFound("当事人“" + s.shownName(viewer, q.Party) + "”的案件")
	a := answer{claims: []claim{{Text: msg, What: claimCases, Q: q}}}
	sugg, err := s.suggestParties(c.Ctx(), viewer, q.Party, byName, keep)
	if err != nil {
		return answer{}, err
	}
	if len(sugg) == 0 {
		a.md = msg + "请核对姓名或名称，也可以用案号查询。"
		return a, nil
	}
	msg += "您要找的是不是："
	for i, sc := range sugg {
		msg += "\n\n" + s.caseLine(i+1, viewer, sc, c.Now(), c.Location())
		a.shown = append(a.shown, sc.Number)
	}
	a.md = msg
	return a, nil
}

// shownName is how a party name the asker typed or we found is echoed:
// a natural person's full name only to those who see full names.
func (s *service) shownName(viewer *people.Person, name string) string {
	return s.scope.PartyName(viewer, cases.NewParty(name))
}

// whoseCases names the cases a question is about in a phrase: 某县公安局
// 2026年的行政复议案件, 当事人杨某的案件.
func (s *service) whoseCases(u intent.Understanding, viewer *people.Person) string {
	who := s.whoOf(u, viewer)
	if !u.Period.IsZero() {
		who += u.Period.Short()
	}
	what := u.CaseKind + u.Stage + u.Cause
	switch {
	case what == "":
		what = "案件"
	case strings.HasSuffix(what, "复议") || strings.HasSuffix(what, "诉讼") || strings.HasSuffix(what, "审"):
		what += "案件"
	default:
		what += "类案件"
	}
	if who == "" {
		return what
	}
	return who + "的" + what
}

// whoOf names whose cases a question is about: 某县公安局, 当事人“张三”,
// 林涛, 贵单位, 您本人; "" for everyone's.
func (s *service) whoOf(u intent.Understanding, viewer *people.Person) string {
	var who []string
	if len(u.Agencies) > 0 {
		who = append(who, strings.Join(u.Agencies, "、"))
	}
	if u.Party != "" {
		w := "当事人“" + s.shownName(viewer, u.Party) + "”"
		if u.Written != "" && u.Written != u.Party {
			w += "（按“" + u.Written + "”查到）"
		}
		who = append(who, w)
	}
	if u.Person != "" {
		who = append(who, u.Person)
	}
	if l := courtLevelWord[u.CourtLevel]; l != "" {
		who = append(who, l) // 中院的案子 → 那没结的呢: 中级法院未结案件, not every court's
	}
	switch u.Mine {
	case intent.MineSelf:
		who = append(who, "您本人")
	case intent.MineAgency:
		if viewer.Agency != "" {
			who = append(who, "贵单位（"+viewer.Agency+"）")
		} else {
			who = append(who, "贵单位")
		}
	}
	return strings.Join(who, "、")
}

// countTitle names what a count counts: 2026年11月败诉案件, 某县公安局
// 2026年结案, 2026年撤诉案件.
func (s *service) countTitle(u intent.Understanding, viewer *people.Person) string {
	w := s.whoOf(u, viewer)
	if !u.Period.IsZero() {
		w += u.Period.Short()
	}
	label := map[intent.Metric]string{intent.Lost: "败诉案件", intent.Closed: "结案", intent.Filed: "新收案件",
		intent.Corrected: "复议纠错案件", intent.Open: "未结案件",
		intent.Suggested: "收到" + cmp.Or(u.Suggestion, "司法建议、检察建议") + "的案件"}[u.Metric]
	named := false
	for _, x := range []string{u.Cause, u.CaseKind, u.Stage, u.Reason, u.Outcome} {
		if x != "" {
			label, named = x+label, true
		}
	}
	if label == "" || named && u.Metric == "" {
		label = strings.TrimSuffix(label, "案件") + "案件"
	}
	if u.NotAppeared {
		label = "负责人未出庭的" + label
	}
	return w + label
}

// visibleNumbers returns, in order, the numbers of the cases viewer may
// see that keep accepts, loading them in batches. A bureau viewer with no
// filter sees every number without a load.
func (s *service) visibleNumbers(ctx context.Context, viewer *people.Person, numbers []string, keep func(*cases.Case) bool) ([]string, error) {
	if viewer.Bureau() && keep == nil {
		return numbers, nil
	}
	var out []string
	const batch = 1000
	for i := 0; i < len(numbers); i += batch {
		cs, err := s.visible(ctx, viewer, numbers[i:min(i+batch, len(numbers))], keep)
		if err != nil {
			return nil, err
		}
		for _, c := range cs {
			out = append(out, c.Number)
		}
	}
	return out, nil
}

// ownAgency reports whether the ledger agency a is viewer's own and so
// every case of it is in viewer's scope.
func (s *service) ownAgency(viewer *people.Person, a string) bool {
	return (viewer.Role == people.Head || viewer.Role == people.Handler) && viewer.Agency != "" &&
		s.scope.Agencies().Same(a, viewer.Agency)
}

// amongOwnAgencies keeps, in order, the numbers that are cases of one of
// viewer's own ledger agencies (those ownAgency accepts), asking the agency
// index rather than loading the cases, and, with named, the cases of other
// agencies that name viewer (namedElsewhere). It only narrows: whoever
// shows the cases still checks scope on each.
func (s *service) amongOwnAgencies(ctx context.Context, viewer *people.Person, numbers []string, named bool) ([]string, error) {
	if len(numbers) == 0 {
		return numbers, nil
	}
	known, err := s.st.Agencies(ctx)
	if err != nil {
		return nil, err
	}
	own := known[:0:0]
	for _, a := range known {
		if s.ownAgency(viewer, a) {
			own = append(own, a)
		}
	}
	kept, err := s.inAgencies(ctx, own, numbers)
	if err != nil || !named {
		return kept, err
	}
	elsewhere, err := s.namedElsewhere(ctx, viewer, own)
	if err != nil || len(elsewhere) == 0 {
		return kept, err
	}
	// The cases of other agencies that name viewer (scope.Named) are in
	// scope too: kept in the order numbers gives.
	in := map[string]bool{}
	for _, n := range append(kept, elsewhere...) {
		in[n] = true
	}
	out := numbers[:0:0]
	for _, n := range numbers {
		if in[n] {
			out = append(out, n)
		}
	}
	return out, nil
}

// namedElsewhere returns the numbers of the cases of other agencies than
// own (viewer's, as the ledger names them) that name viewer as 承办人 or
// 出庭负责人 and that viewer may see for it (scope.Named): the person
// index holds exactly the cases naming a name (trimmed, hearings not
// cancelled), so when the name is viewer's alone none is loaded.
func (s *service) namedElsewhere(ctx context.Context, viewer *people.Person, own []string) ([]string, error) {
	if viewer == nil || !viewer.SoleName || viewer.Role != people.Head && viewer.Role != people.Handler {
		return nil, nil
	}
	numbers, err := s.st.PersonNumbers(ctx, strings.TrimSpace(viewer.Name))
	if err != nil || len(numbers) == 0 {
		return nil, err
	}
	sort.Strings(numbers)
	mine, err := s.inAgencies(ctx, own, numbers)
	if err != nil {
		return nil, err
	}
	return without(numbers, mine), nil
}

func (s *service) countOpen(ctx context.Context, numbers []string) (int, error) {
	return s.st.CountOpenAmong(ctx, numbers)
}

// scopeNote is added to counts for people who do not see every case.
func scopeNote(viewer *people.Person) string {
	if viewer.Bureau() {
		return ""
	}
	if viewer.Role == people.Pufa {
		return "（普法组仅可查看已结案件）"
	}
	return "（仅统计您可查看的案件）"
}

// countAnswer answers how many cases did something in a period (败诉,
// 结案, 新收, 纠错, 未结, 撤诉的…), with the list; a 败诉 or 新收 count also
// says how many of them the bulletin counts (一审行政诉讼), so chat and the
// bulletin never disagree.
func (s *service) countAnswer(c bot.Context, u intent.Understanding) (answer, error) {
	viewer := c.Person()
	if u.Metric == intent.All {
		return s.totals(c)
	}
	q := s.queryOf(u, viewer)
	q.Metric, q.Suggestion = u.Metric, u.Suggestion
	if u.NotAppeared {
		q.HeardBy = c.Now()
	}
	if u.Metric == intent.Open && (u.Held || u.Aspect == intent.Held) {
		q.HeldBy = c.Now() // 开完庭还没判的: open cases already heard
	}
	if u.Metric == intent.Open {
		// 未结 is a state now, counted over every open case whatever the
		// period: the title names none (2015年的案子 → 没结的呢 said
		// 2015年未结案件 of all 18 open ones).
		u.Period = intent.Period{}
	} else {
		p := u.Period
		if p.IsZero() && (u.Metric != "" || u.Outcome != "" || u.Reason != "") {
			p = yearOf(c.Now())
			u.Period = p
		}
		q.From, q.To = p.From, p.To
	}
	if q.Unknown != "" {
		return s.unknownAgency(c, q.Unknown, "的案件"), nil
	}
	if u.Mine == intent.MineSelf && q.Person == "" && !viewer.Bureau() {
		q.Own = true
	}
	if countyAsked(u, viewer) {
		return s.countyCount(c, u, q) // 11月全县败诉几件: the bulletin's county figure
	}
	if note := countyNote(u, viewer); note != "" {
		a, err := s.countAnswerScoped(c, u, q)
		a.md = note + a.md
		return a, err
	}
	return s.countAnswerScoped(c, u, q)
}

// countAnswerScoped is countAnswer over the asker's scope, once q is made.
func (s *service) countAnswerScoped(c bot.Context, u intent.Understanding, q query) (answer, error) {
	viewer := c.Person()
	ctx := c.Ctx()
	numbers, err := s.countNumbers(c, u, q)
	if err != nil {
		return answer{}, err
	}
	if u.Repeat {
		return s.repeatAnswer(c, u, q, numbers) // 再次败诉的有没有: the repeats only
	}
	first, err := s.firstInstances(ctx, numbers)
	if err != nil {
		return answer{}, err
	}
	what := s.countTitle(u, viewer)
	if !q.HeldBy.IsZero() {
		what = "已开过庭、" + what
	}
	if len(numbers) == 0 && s.foreign(viewer, q) {
		if a, ok, err := s.foreignAnswer(c, q, "案件和统计"); err != nil || ok {
			return a, err
		}
	}
	if len(numbers) == 0 && !q.From.IsZero() && u.Metric != intent.Open {
		// 2025年败诉几件 with no case of 2025 in the ledger: unknown, not 0.
		covered, err := s.ledgerCovers(ctx, q.From, q.To)
		if err != nil {
			return answer{}, err
		}
		if !covered {
			msg := uncoveredText(periodLabel(u.Period, q), "统计")
			return answer{md: fmt.Sprintf("**%s**：%s", what, msg),
				claims: []claim{{Text: msg, What: claimUncovered, Q: query{From: q.From, To: q.To}}}}, nil
		}
	}
	if len(numbers) == 0 {
		msg := fmt.Sprintf("**%s**：0 件%s。", what, scopeNote(viewer))
		a := answer{claims: []claim{{Text: msg, What: claimCases, Q: q}}}
		a.md = msg + s.latestBefore(c, q)
		if s.headCountyFallback(u, q, viewer) {
			// 复议那边纠错了几件 from a head whose own scope has none: the
			// scoped 0 alone reads as the county's; the county figure,
			// which the bulletin sends heads, is said after it.
			line, err := s.countyLine(c, u)
			if err != nil {
				return answer{}, err
			}
			a.md += "\n\n" + line
		}
		return a, nil
	}
	var notes []string
	if n := strings.Trim(scopeNote(viewer), "（）"); n != "" {
		notes = append(notes, n)
	}
	switch u.Metric {
	case intent.Lost:
		if first != len(numbers) {
			notes = append(notes, fmt.Sprintf("其中一审 %d 件计入败诉通报，其余为二审、再审", first))
		}
	case intent.Filed:
		if u.CaseKind != "" && u.CaseKind != string(cases.Litigation) {
			break // 复议新收: no litigation among them to point at
		}
		notes = append(notes, fmt.Sprintf("其中一审行政诉讼 %d 件，即通报中的“新收”", first))
	}
	title := fmt.Sprintf("**%s**：共 %d 件", what, len(numbers))
	if len(notes) > 0 {
		title += "（" + strings.Join(notes, "；") + "）"
	}
	var compared []claim
	if u.Compare && !q.From.IsZero() {
		// 今年新收案件同比: the same count over the period a year before.
		qb := q
		qb.From, qb.To = q.From.AddDate(-1, 0, 0), q.To.AddDate(-1, 0, 0)
		if q.To.After(c.Now()) {
			qb.To = c.Now().AddDate(-1, 0, 0) // a period still running: up to the same day
		}
		before, err := s.countNumbers(c, u, qb)
		if err != nil {
			return answer{}, err
		}
		line := compareLine(len(numbers), len(before))
		covered := true
		if len(before) == 0 {
			if covered, err = s.ledgerCovers(ctx, qb.From, qb.To); err != nil {
				return answer{}, err
			}
		}
		label := "去年同期（" + qb.From.Format("2006年1月2日") + "—" + qb.To.Add(-time.Nanosecond).Format("1月2日") + "）"
		if !covered {
			// No case of that period at all: not 0, unknown.
			line = uncoveredText(label, "同比")
			compared = append(compared, claim{Text: line, What: claimUncovered, Q: query{From: qb.From, To: qb.To}})
		} else if len(before) == 0 {
			// The none names what it counted a year before (the agency,
			// person and period), as every none does.
			vb := u
			vb.Period = intent.Period{From: qb.From, To: qb.To, Label: qb.From.Format("2006年1月2日") + "—" + qb.To.Add(-time.Nanosecond).Format("1月2日")}
			line = fmt.Sprintf("去年同期 0 件（%s），今年 %d 件。", s.countTitle(vb, viewer), len(numbers))
			compared = append(compared, claim{Text: line, What: claimCases, Q: qb})
		}
		title += "\n" + line
	}
	if u.Aspect == intent.Defendant && len(numbers) > 1 {
		// 各单位今年的案件数量, 哪些单位败诉了: how many of them each has.
		by, err := s.byAgency(ctx, numbers)
		if err != nil {
			return answer{}, err
		}
		title += "\n按被告单位：" + by
	}
	if u.ByMonth {
		// 今年败诉了几件 → 按月分一下: the same cases, by month.
		by, err := s.monthSplit(ctx, numbers, u.Metric, c.Location())
		if err != nil {
			return answer{}, err
		}
		if by != "" {
			title += "\n" + by
		}
	}
	a, err := s.listAbout(c, title, listCases, numbers, len(numbers), u.Aspect)
	a.claims = append(a.claims, compared...)
	return a, err
}

// countNumbers returns the numbers of the cases a count counts, in the
// order listed: read from the metric's index over q's period, then
// narrowed to the viewer's scope and q's filters.
func (s *service) countNumbers(c bot.Context, u intent.Understanding, q query) ([]string, error) {
	ctx, viewer := c.Ctx(), c.Person()
	var numbers []string
	var err error
	switch u.Metric {
	// 败诉 and 纠错 come from the 结案方式 index: one range per outcome of
	// the configured set, O(log n + k), instead of loading every case
	// closed in the period to test its outcome.
	case intent.Lost:
		numbers, err = s.st.ClosedWithOutcomes(ctx, cases.Litigation, s.loss.Outcomes(), q.From, q.To)
		slices.Reverse(numbers)
	case intent.Corrected:
		numbers, err = s.st.ClosedWithOutcomes(ctx, cases.Reconsideration, cases.Corrections, q.From, q.To)
		slices.Reverse(numbers)
	case intent.Filed:
		numbers, err = s.st.FiledNumbers(ctx, q.From, q.To)
		slices.Reverse(numbers)
	case intent.Suggested:
		numbers, err = s.st.SuggestedNumbers(ctx, q.From, q.To, suggestionKinds(q)...)
		slices.Reverse(numbers)
	case intent.Open:
		// The narrowest index first: the agencies named, or a head's or
		// handler's own (narrow keeps the open ones), else every open case.
		switch {
		case q.Agencies != nil:
			numbers, err = s.numbersOfAgencies(ctx, q.Agencies)
		case q.Person != "":
			numbers, err = s.st.PersonNumbers(ctx, q.Person) // 我手上还有几个没结的: every case naming them
		case viewer.Role == people.Head || viewer.Role == people.Handler:
			numbers, err = s.ownNumbers(ctx, viewer)
		default:
			numbers, err = s.st.OpenNumbers(ctx)
		}
	default: // closed, or an outcome or reason of cases closed in the period
		numbers, err = s.st.ClosedNumbers(ctx, q.From, q.To)
		slices.Reverse(numbers)
	}
	if err != nil {
		return nil, err
	}
	// The candidates come from the metric's index over the period; scope,
	// agencies and the kind are checked on the indexes, and only a filter
	// no index holds (a party, a 案由, a 结案方式…) loads the cases.
	fromIndex := u.Metric != "" // an outcome or reason alone counts closures, checked on the case
	if numbers, err = s.narrow(ctx, viewer, q, numbers, fromIndex); err != nil {
		return nil, err
	}
	if u.Metric == intent.Open {
		if numbers, err = s.newestFirst(ctx, numbers); err != nil {
			return nil, err
		}
	}
	return numbers, nil
}

// suggestionKinds are the kinds of suggestion a Suggested count reads
// (none: every kind).
func suggestionKinds(q query) []cases.SuggestionKind {
	if q.Suggestion == "" {
		return nil
	}
	return []cases.SuggestionKind{cases.SuggestionKind(q.Suggestion)}
}

// compareLine says a count against the same period a year before.
func compareLine(now, before int) string {
	switch {
	case before == 0:
		return fmt.Sprintf("去年同期 0 件，今年 %d 件。", now)
	case now == before:
		return fmt.Sprintf("去年同期 %d 件，持平。", before)
	case now > before:
		return fmt.Sprintf("去年同期 %d 件，同比增加 %d 件（%.1f%%）。", before, now-before, float64(now-before)*100/float64(before))
	}
	return fmt.Sprintf("去年同期 %d 件，同比减少 %d 件（%.1f%%）。", before, before-now, float64(before-now)*100/float64(before))
}

// latestBefore names, for a count that found nothing, the latest case of
// the same kind before the period, when there is one (its nearest real
// thing): “最近一件：2026-11-13 (2026)…号”.
func (s *service) latestBefore(c bot.Context, q query) string {
	if q.From.IsZero() || q.Metric == intent.Open {
		return ""
	}
	qq := q
	qq.From, qq.To = q.From.AddDate(-3, 0, 0), q.From
	if q.To.After(c.Now()) {
		// A period still running: look after it too (nothing is after now).
		qq.To = q.From
	}
	var numbers []string
	var err error
	ctx := c.Ctx()
	switch q.Metric {
	case intent.Lost:
		numbers, err = s.st.ClosedWithOutcomes(ctx, cases.Litigation, s.loss.Outcomes(), qq.From, qq.To)
	case intent.Corrected:
		numbers, err = s.st.ClosedWithOutcomes(ctx, cases.Reconsideration, cases.Corrections, qq.From, qq.To)
	case intent.Filed:
		numbers, err = s.st.FiledNumbers(ctx, qq.From, qq.To)
	case intent.Suggested:
		numbers, err = s.st.SuggestedNumbers(ctx, qq.From, qq.To, suggestionKinds(q)...)
	default:
		numbers, err = s.st.ClosedNumbers(ctx, qq.From, qq.To)
	}
	if err != nil || len(numbers) == 0 {
		return ""
	}
	slices.Reverse(numbers)
	viewer := c.Person()
	for i := 0; i < len(numbers) && i < 200; i += 50 {
		cs, err := s.visible(ctx, viewer, numbers[i:min(i+50, len(numbers))], func(cs *cases.Case) bool {
			return s.caseOK(qq, viewer, cs) && s.countOK(qq, cs)
		})
		if err != nil || len(cs) == 0 {
			continue
		}
		on := cs[0].FiledOn
		switch {
		case q.Metric == intent.Suggested:
			for _, sg := range cs[0].Suggestions {
				if q.Suggestion == "" || string(sg.Kind) == q.Suggestion {
					on = sg.ReceivedOn
				}
			}
		case q.Metric != intent.Filed && cs[0].Closure != nil:
			on = cs[0].Closure.On
		}
		return fmt.Sprintf("此前最近的一件：%s **%s**（%s）。", cases.FormatDate(on, c.Location()), cs[0].Number, s.parties(viewer, cs[0]))
	}
	return ""
}

// yearOf is the calendar year of now.
func yearOf(now time.Time) intent.Period {
	from := time.Date(now.Year(), 1, 1, 0, 0, 0, 0, now.Location())
	return intent.Period{From: from, To: from.AddDate(1, 0, 0), Label: strconv.Itoa(now.Year()) + "年"}
}

// example is a full case number of this year at the bureau's court, for
// help and placeholders.
func (s *service) example(now time.Time) string {
	court := "黔0115"
	if len(s.courts) > 0 {
		court = s.courts[0]
	}
	return fmt.Sprintf("(%d)%s行初123号", now.Year(), court)
}

// totals answers 台账里一共多少案件: how many cases the asker may see, by
// kind, open and closed (kinds read from the numbers; the cases of a head
// or handler, or the 普法 team's closed ones, checked case by case).
func (s *service) totals(c bot.Context) (answer, error) {
	ctx, viewer := c.Ctx(), c.Person()
	var numbers []string
	var err error
	switch {
	case viewer.Bureau() || viewer.Role == people.Pufa:
		numbers, err = s.st.Client().ZRange(ctx, s.st.Keys().AllCases(), 0, -1).Result()
	default:
		numbers, err = s.ownNumbers(ctx, viewer)
	}
	if err != nil {
		return answer{}, err
	}
	if !viewer.Bureau() {
		if numbers, err = s.visibleNumbers(ctx, viewer, numbers, nil); err != nil {
			return answer{}, err
		}
	}
	if len(numbers) == 0 {
		msg := "台账中没有您可以查看的案件" + scopeNote(viewer) + "。"
		return answer{md: msg, claims: []claim{{Text: msg, What: claimCases, Q: query{}}}}, nil
	}
	open, err := s.countOpen(ctx, numbers)
	if err != nil {
		return answer{}, err
	}
	kinds := map[cases.Kind]int{}
	first := 0
	for _, n := range numbers {
		num, err := cases.ParseCanonical(n)
		if err != nil {
			continue
		}
		kinds[num.Kind()]++
		if num.FirstInstance() {
			first++
		}
	}
	who := "台账中"
	if !viewer.Bureau() && viewer.Agency != "" {
		who = "贵单位（" + viewer.Agency + "）"
	}
	md := fmt.Sprintf("**%s共有案件 %d 件**%s：未结 %d 件，已结 %d 件。\n> 行政诉讼 %d 件（其中一审 %d 件）\n> 行政复议 %d 件\n> 非诉执行审查 %d 件",
		who, len(numbers), scopeNote(viewer), open, len(numbers)-open, kinds[cases.Litigation], first,
		kinds[cases.Reconsideration], kinds[cases.NonLitigation])
	return answer{md: md, results: len(numbers)}, nil
}
