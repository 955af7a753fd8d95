package handlers

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/cases"
	"casebot/bot/intent"
	"casebot/bot/people"
	"casebot/bot/store"
)

// registerQuery makes the free-form question handler the Fallback: every
// text no command took is read as a question about cases.
func registerQuery(b *bot.Bot, s *service) {
	b.Fallback(s.handleQuery)
}

func (s *service) handleQuery(c bot.Context) error {
	in := intent.Parse(c.Message().Text, s.options(c.Now()))
	a, err := s.ask(c, in)
	if err != nil {
		return err
	}
	if err := s.record(c, audit.Query, string(in.Kind), a.results, a.shown, ""); err != nil {
		return err
	}
	return c.ReplyMarkdown(a.md)
}

// ask answers one question, within the asker's scope.
func (s *service) ask(c bot.Context, in intent.Intent) (answer, error) {
	switch in.Kind {
	case intent.Help:
		return answer{md: helpText(c.Person(), s.scope.FullNames(c.Person()))}, nil
	case intent.Thanks:
		return answer{md: "不客气！需要查询时随时发消息给我。"}, nil
	case intent.More:
		return s.more(c)
	case intent.Lookup:
		return s.lookup(c, in)
	case intent.Party:
		return s.party(c, in)
	case intent.Agency:
		return s.agency(c, in.Name)
	case intent.Mine:
		return s.mine(c)
	case intent.Hearings:
		return s.hearingsIn(c, in)
	case intent.Count:
		return s.count(c, in)
	}
	return answer{md: "抱歉，我没有看懂您的问题。可以这样问：\n> (2025)黔0115行初123号\n> 查 张三\n> 本周开庭\n> 本月败诉\n\n回复“帮助”查看全部用法。"}, nil
}

// notFound is the one answer for a case that does not exist and for a case
// the asker may not see: the two must read the same, or the answer would
// tell a head that another agency's case exists.
func notFound(what string) string {
	return "没有找到您可以查看的" + what + "。"
}

func (s *service) lookup(c bot.Context, in intent.Intent) (answer, error) {
	viewer := c.Person()
	if len(in.Numbers) == 0 {
		return answer{md: fmt.Sprintf("无法确定“%s”是哪个法院的案件，请写出完整案号，例如 (2025)黔0115行初123号。", in.Short)}, nil
	}
	cs, err := s.visible(c.Ctx(), viewer, in.Numbers, nil)
	if err != nil {
		return answer{}, err
	}
	var a answer
	var cards []string
	for _, cs := range cs {
		cards = append(cards, s.card(viewer, cs, c.Now(), c.Location()))
		a.shown = append(a.shown, cs.Number)
	}
	a.results = len(cs)
	var missing []string
	if in.Short == "" {
		for _, n := range in.Numbers {
			if !slices.Contains(a.shown, n) {
				missing = append(missing, n)
			}
		}
	} else if len(cs) == 0 {
		missing = in.Numbers
	}
	var parts []string
	if len(missing) > 0 {
		what := "案件 " + strings.Join(missing, "、")
		if in.Short != "" {
			what = "案件“" + in.Short + "”（按今年及本地法院补全为 " + strings.Join(missing, "、") + "）"
		}
		msg := notFound(what)
		sugg, err := s.suggestNumbers(c.Ctx(), viewer, missing)
		if err != nil {
			return answer{}, err
		}
		if len(sugg) > 0 {
			msg += "您要找的是不是："
			for i, sc := range sugg {
				msg += "\n\n" + s.caseLine(i+1, viewer, sc, c.Now(), c.Location())
				a.shown = append(a.shown, sc.Number)
			}
		} else {
			msg += "请核对案号，或按当事人、单位查询（回复“帮助”查看用法）。"
		}
		parts = append(parts, msg)
	}
	a.md = strings.Join(append(cards, parts...), "\n\n")
	return a, nil
}

// filters are the limits a question puts on an answer besides scope.
type filters struct {
	agencies []string // ledger agency names; nil means any
	mine     bool
	party    string
}

// filterFor resolves the agency a question names. ok is false when the
// question names an agency the ledger does not know.
func (s *service) filterFor(ctx context.Context, viewer *people.Person, in intent.Intent) (f filters, ok bool, err error) {
	f.party = in.Name
	f.mine = in.Mine && viewer.Agency != ""
	if in.Agency == "" {
		return f, true, nil
	}
	known, err := s.st.Agencies(ctx)
	if err != nil {
		return f, false, err
	}
	f.agencies = s.scope.Agencies().Resolve(in.Agency, known)
	return f, len(f.agencies) > 0, nil
}

func (f filters) keep(s *service, viewer *people.Person) func(*cases.Case) bool {
	if f.agencies == nil && !f.mine && f.party == "" {
		return nil
	}
	return func(c *cases.Case) bool {
		if f.agencies != nil && !slices.ContainsFunc(f.agencies, c.HasDefendant) {
			return false
		}
		if f.mine && !s.scope.OwnAgency(viewer, c) {
			return false
		}
		if f.party != "" && !strings.Contains(c.PlaintiffNames(), f.party) {
			return false
		}
		return true
	}
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

// caseList answers with one case's card, or a paged list of several.
func (s *service) caseList(c bot.Context, title string, numbers []string) (answer, error) {
	if len(numbers) == 1 {
		cs, err := s.visible(c.Ctx(), c.Person(), numbers, nil)
		if err != nil || len(cs) == 0 {
			return answer{}, err
		}
		if err := s.clearPage(c); err != nil {
			return answer{}, err
		}
		return answer{md: s.card(c.Person(), cs[0], c.Now(), c.Location()), results: 1, shown: numbers}, nil
	}
	return s.list(c, title, listCases, numbers, len(numbers))
}

// newestFirst orders case numbers by filing date, newest first.
func (s *service) newestFirst(ctx context.Context, numbers []string) ([]string, error) {
	cs, err := s.st.GetMany(ctx, numbers)
	if err != nil {
		return nil, err
	}
	var live []*cases.Case
	for _, c := range cs {
		if c != nil {
			live = append(live, c)
		}
	}
	sort.SliceStable(live, func(i, j int) bool {
		if !live[i].FiledOn.Equal(live[j].FiledOn) {
			return live[i].FiledOn.After(live[j].FiledOn)
		}
		return live[i].Number > live[j].Number
	})
	out := make([]string, len(live))
	for i, c := range live {
		out[i] = c.Number
	}
	return out, nil
}

func (s *service) party(c bot.Context, in intent.Intent) (answer, error) {
	viewer := c.Person()
	f, ok, err := s.filterFor(c.Ctx(), viewer, intent.Intent{Agency: in.Agency})
	if err != nil {
		return answer{}, err
	}
	if !ok {
		return answer{md: notFound("“" + in.Agency + "”的案件")}, nil
	}
	keep := f.keep(s, viewer)
	for _, name := range []string{in.Name, in.Alt} {
		if name == "" {
			continue
		}
		numbers, err := s.st.PartyNumbers(c.Ctx(), name)
		if err != nil {
			return answer{}, err
		}
		if numbers, err = s.visibleNumbers(c.Ctx(), viewer, numbers, keep); err != nil {
			return answer{}, err
		}
		if len(numbers) > 0 {
			if numbers, err = s.newestFirst(c.Ctx(), numbers); err != nil {
				return answer{}, err
			}
			return s.caseList(c, fmt.Sprintf("**当事人“%s”的案件**：共 %d 件", s.shownName(viewer, name), len(numbers)), numbers)
		}
	}
	// No exact name: one party whose name starts with what was written is
	// taken as meant; several are offered.
	byName, err := s.partiesWithPrefix(c.Ctx(), viewer, in.Name, keep)
	if err != nil {
		return answer{}, err
	}
	if len(byName) == 1 {
		for name, numbers := range byName {
			if numbers, err = s.newestFirst(c.Ctx(), numbers); err != nil {
				return answer{}, err
			}
			a, err := s.caseList(c, fmt.Sprintf("**没有当事人“%s”，以下是“%s”的案件**：共 %d 件", in.Name, s.shownName(viewer, name), len(numbers)), numbers)
			if err == nil && len(numbers) == 1 {
				// A lone card has no title: say whose case it is.
				a.md = fmt.Sprintf("没有当事人“%s”，以下是“%s”的案件：\n\n", in.Name, s.shownName(viewer, name)) + a.md
			}
			return a, err
		}
	}
	msg := notFound("当事人“" + in.Name + "”的案件")
	sugg, err := s.suggestParties(c.Ctx(), viewer, in.Name, byName, keep)
	if err != nil {
		return answer{}, err
	}
	a := answer{}
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

func (s *service) agency(c bot.Context, name string) (answer, error) {
	known, err := s.st.Agencies(c.Ctx())
	if err != nil {
		return answer{}, err
	}
	matched := s.scope.Agencies().Resolve(name, known)
	return s.agencyCases(c, matched, "“"+name+"”的案件", strings.Join(matched, "、")+"的案件")
}

func (s *service) mine(c bot.Context) (answer, error) {
	viewer := c.Person()
	if viewer.Agency == "" {
		if viewer.Role == people.Pufa {
			return answer{md: "普法组可以查看已结案件，请按案号、当事人或时间查询，例如“本月结案”“今年结案”。"}, nil
		}
		numbers, err := s.st.OpenNumbers(c.Ctx())
		if err != nil {
			return answer{}, err
		}
		if numbers, err = s.visibleNumbers(c.Ctx(), viewer, numbers, nil); err != nil {
			return answer{}, err
		}
		if len(numbers) == 0 {
			return answer{md: "目前没有未结案件。"}, nil
		}
		if numbers, err = s.newestFirst(c.Ctx(), numbers); err != nil {
			return answer{}, err
		}
		return s.caseList(c, fmt.Sprintf("**您登记时未填单位，以下为全部未结案件**：共 %d 件", len(numbers)), numbers)
	}
	known, err := s.st.Agencies(c.Ctx())
	if err != nil {
		return answer{}, err
	}
	var matched []string
	for _, a := range known {
		if s.scope.Agencies().Same(a, viewer.Agency) {
			matched = append(matched, a)
		}
	}
	sort.Strings(matched)
	return s.agencyCases(c, matched, "贵单位（"+viewer.Agency+"）的案件", "贵单位（"+viewer.Agency+"）的案件")
}

// agencyCases lists the cases of the given ledger agencies that the asker
// may see. what names them when nothing is found, title when listed.
func (s *service) agencyCases(c bot.Context, agencies []string, what, title string) (answer, error) {
	viewer := c.Person()
	seen := map[string]bool{}
	var numbers []string
	for _, a := range agencies {
		ns, _, err := s.st.AgencyNumbers(c.Ctx(), a, store.Page{})
		if err != nil {
			return answer{}, err
		}
		// The cases of one's own agency are all in scope for a head or a
		// handler, as every case is for the bureau: no need to load them
		// to check. Every page shown is checked again (renderPage).
		if !viewer.Bureau() && !s.ownAgency(viewer, a) {
			if ns, err = s.visibleNumbers(c.Ctx(), viewer, ns, nil); err != nil {
				return answer{}, err
			}
		}
		for _, n := range ns {
			if !seen[n] {
				seen[n] = true
				numbers = append(numbers, n)
			}
		}
	}
	var err error
	if len(numbers) == 0 {
		return answer{md: notFound(what)}, nil
	}
	if len(agencies) > 1 {
		if numbers, err = s.newestFirst(c.Ctx(), numbers); err != nil {
			return answer{}, err
		}
	}
	open, err := s.countOpen(c.Ctx(), numbers)
	if err != nil {
		return answer{}, err
	}
	return s.caseList(c, fmt.Sprintf("**%s**：共 %d 件，其中未结 %d 件", title, len(numbers), open), numbers)
}

// ownAgency reports whether the ledger agency a is viewer's own and so
// every case of it is in viewer's scope.
func (s *service) ownAgency(viewer *people.Person, a string) bool {
	return (viewer.Role == people.Head || viewer.Role == people.Handler) && viewer.Agency != "" &&
		s.scope.Agencies().Same(a, viewer.Agency)
}

// amongOwnAgencies keeps, in order, the numbers that are cases of one of
// viewer's own ledger agencies (those ownAgency accepts), asking the agency
// index rather than loading the cases. It only narrows: whoever shows the
// cases still checks scope on each.
func (s *service) amongOwnAgencies(ctx context.Context, viewer *people.Person, numbers []string) ([]string, error) {
	if len(numbers) == 0 {
		return numbers, nil
	}
	known, err := s.st.Agencies(ctx)
	if err != nil {
		return nil, err
	}
	keep := make([]bool, len(numbers))
	for _, a := range known {
		if !s.ownAgency(viewer, a) {
			continue
		}
		in, err := s.st.InAgency(ctx, a, numbers)
		if err != nil {
			return nil, err
		}
		for i, ok := range in {
			keep[i] = keep[i] || ok
		}
	}
	out := numbers[:0:0]
	for i, n := range numbers {
		if keep[i] {
			out = append(out, n)
		}
	}
	return out, nil
}

func (s *service) countOpen(ctx context.Context, numbers []string) (int, error) {
	k := 0
	const batch = 5000
	for i := 0; i < len(numbers); i += batch {
		open, err := s.st.OpenAmong(ctx, numbers[i:min(i+batch, len(numbers))])
		if err != nil {
			return 0, err
		}
		for _, o := range open {
			if o {
				k++
			}
		}
	}
	return k, nil
}

// scopeNote is added to counts for people who do not see every case.
func scopeNote(viewer *people.Person) string {
	if viewer.Bureau() {
		return ""
	}
	return "（仅统计您可查看的案件）"
}

func (s *service) hearingsIn(c bot.Context, in intent.Intent) (answer, error) {
	viewer := c.Person()
	f, ok, err := s.filterFor(c.Ctx(), viewer, in)
	if err != nil {
		return answer{}, err
	}
	if !ok {
		return answer{md: notFound("“" + in.Agency + "”的开庭")}, nil
	}
	hs, err := s.st.HearingsBetween(c.Ctx(), in.Period.From, in.Period.To)
	if err != nil {
		return answer{}, err
	}
	keep := f.keep(s, viewer)
	var refs, numbers []string
	for _, h := range hs {
		if s.scope.CanSee(viewer, h.Case) && (keep == nil || keep(h.Case)) {
			refs = append(refs, string(h.Ref()))
			numbers = append(numbers, h.Case.Number)
		}
	}
	if len(refs) == 0 {
		return answer{md: in.Period.Label + "没有开庭安排" + scopeNote(viewer) + "。"}, nil
	}
	return s.list(c, fmt.Sprintf("**%s的开庭**：共 %d 场%s", in.Period.Label, len(refs), scopeNote(viewer)), listHearings, refs, len(refs))
}

func (s *service) count(c bot.Context, in intent.Intent) (answer, error) {
	viewer := c.Person()
	f, ok, err := s.filterFor(c.Ctx(), viewer, in)
	if err != nil {
		return answer{}, err
	}
	if !ok {
		return answer{md: notFound("“" + in.Agency + "”的案件")}, nil
	}
	var numbers []string
	switch in.Metric {
	// 败诉 and 纠错 come from the 结案方式 index: one range per outcome of
	// the configured set, O(log n + k), instead of loading every case
	// closed in the period to test its outcome.
	case intent.Lost:
		numbers, err = s.st.ClosedWithOutcomes(c.Ctx(), cases.Litigation, s.loss.Outcomes(), in.Period.From, in.Period.To)
		slices.Reverse(numbers)
	case intent.Corrected:
		numbers, err = s.st.ClosedWithOutcomes(c.Ctx(), cases.Reconsideration, cases.Corrections, in.Period.From, in.Period.To)
		slices.Reverse(numbers)
	case intent.Closed:
		numbers, err = s.st.ClosedNumbers(c.Ctx(), in.Period.From, in.Period.To)
		slices.Reverse(numbers)
	case intent.Filed:
		numbers, err = s.st.FiledNumbers(c.Ctx(), in.Period.From, in.Period.To)
		slices.Reverse(numbers)
	case intent.Open:
		if numbers, err = s.st.OpenNumbers(c.Ctx()); err == nil {
			numbers, err = s.newestFirst(c.Ctx(), numbers)
		}
	}
	if err != nil {
		return answer{}, err
	}
	// Scope (and any agency or party filter) is still checked on every
	// case, loaded; a head or handler first drops, from the agency index,
	// the candidates of other agencies, so only their own are loaded.
	if viewer.Role == people.Head || viewer.Role == people.Handler {
		if numbers, err = s.amongOwnAgencies(c.Ctx(), viewer, numbers); err != nil {
			return answer{}, err
		}
	}
	numbers, err = s.visibleNumbers(c.Ctx(), viewer, numbers, f.keep(s, viewer))
	if err != nil {
		return answer{}, err
	}
	what := metricLabel(in.Metric)
	if in.Period.Label != "" {
		what = in.Period.Label + what
	}
	if len(numbers) == 0 {
		return answer{md: fmt.Sprintf("**%s**：0 件%s。", what, scopeNote(viewer))}, nil
	}
	return s.list(c, fmt.Sprintf("**%s**：共 %d 件%s", what, len(numbers), scopeNote(viewer)), listCases, numbers, len(numbers))
}

func metricLabel(m intent.Metric) string {
	switch m {
	case intent.Lost:
		return "败诉案件"
	case intent.Closed:
		return "结案"
	case intent.Filed:
		return "立案"
	case intent.Corrected:
		return "复议纠错案件"
	case intent.Open:
		return "未结案件"
	}
	return string(m)
}
