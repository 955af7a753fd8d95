package handlers

import (
	"fmt"
	"strings"

	"casebot/bot"
	"casebot/bot/cases"
	"casebot/bot/intent"
	"casebot/bot/people"
	"casebot/bot/store"
	"casebot/bot/workcal"
)

// List kinds, for “更多”.
const (
	listCases    = "cases"    // items are case numbers
	listHearings = "hearings" // items are hearing refs (number#id)
	listPeople   = "people"   // items are userids
)

// maxListed caps how many items one list remembers for “更多”; the count
// in the answer stays exact.
const maxListed = 500

// page is a list answer remembered in the user's conversation memory so
// that “更多” shows the next page and “第二个” picks an item. Items were in
// the asker's scope when listed and are checked again on every page, so a
// page never shows what the asker may no longer see. Aspect is the fact
// the list was asked about (出庭负责人…), shown on every page.
type page struct {
	Title  string        `json:"title"`
	Kind   string        `json:"kind"`
	Items  []string      `json:"items"`
	Total  int           `json:"total"`
	Next   int           `json:"next"`
	Aspect intent.Aspect `json:"aspect,omitempty"`
	// Kinds are the deadline kinds a list about deadlines was asked of
	// (检察院那个建议啥时候截至): each case shows those, not all of its own.
	Kinds []string `json:"kinds,omitempty"`
	// Lines are the items as written when listed, for lists whose items
	// are not cases or hearings to load again (the 以案说法 candidates and
	// drafts); Footer says what to reply.
	Lines  []string `json:"lines,omitempty"`
	Footer string   `json:"footer,omitempty"`
}

// memPage names the last list in the conversation memory.
const memPage = "query.page"

func (s *service) savePage(c bot.Context, p *page) error {
	if err := c.Memory().Forget(memDraftLast); err != nil { // a list after the draft: the list is in focus
		return err
	}
	return c.Memory().Remember(memPage, p)
}

func (s *service) loadPage(c bot.Context) (*page, error) {
	var p page
	ok, err := c.Memory().Recall(memPage, &p)
	if err != nil || !ok {
		return nil, err
	}
	return &p, nil
}

func (s *service) clearPage(c bot.Context) error { return c.Memory().Forget(memPage) }

// answer is what a handler replies and what the audit records.
type answer struct {
	md      string
	results int      // how many cases the answer found or counted
	shown   []string // the case numbers it showed
	// claims are the “没有 / 0 件” statements the answer makes, each with
	// the filter it is true of (see claim); the tests check every one.
	claims []claim
	// outcome says how the question fared, for the audit (see audit).
	outcome string
	// noEcho keeps the “按…查询” line off an answer that is no search.
	noEcho bool
	// action and detail are the audit's (default: a query).
	action, detail string
	// period, when set, is the period the answer was in fact about (本月通报
	// is last month's figures): what a follow-up (上个月的呢) steps from.
	period intent.Period
	// pick, when set, is the question the answer asks back with options
	// (a.shown): the next message may pick one (see pendingPick).
	pick *pendingPick
	// states is set when the answer gave each hearing's attendance state
	// (attendanceList): no lead of one hearing's state goes before it.
	states bool
}

// list answers with the first page of items and remembers the rest. The
// caller has checked that items is not empty; total may exceed len(items).
func (s *service) list(c bot.Context, title, kind string, items []string, total int) (answer, error) {
	return s.listAbout(c, title, kind, items, total, "")
}

// listAbout is list with the fact asked shown on every line.
func (s *service) listAbout(c bot.Context, title, kind string, items []string, total int, aspect intent.Aspect) (answer, error) {
	return s.showPage(c, &page{Title: title, Kind: kind, Items: items, Total: total, Aspect: aspect})
}

// showPage answers with the first page of p and remembers it.
func (s *service) showPage(c bot.Context, p *page) (answer, error) {
	if len(p.Items) > maxListed {
		p.Items = p.Items[:maxListed]
		if len(p.Lines) > maxListed {
			p.Lines = p.Lines[:maxListed]
		}
	}
	total := p.Total
	a, err := s.renderPage(c, p)
	if err != nil {
		return a, err
	}
	a.results = total
	// Kept even when it fits one page, for 第二个.
	return a, s.savePage(c, p)
}

// more answers “更多” with the next page of the remembered list.
func (s *service) more(c bot.Context) (answer, error) {
	p, err := s.loadPage(c)
	if err != nil {
		return answer{}, err
	}
	if p == nil || p.Next >= len(p.Items) {
		msg := "没有可以继续查看的列表了。请重新提问，例如“本周开庭”或“本月败诉”。"
		return answer{md: msg, claims: []claim{{Text: msg, What: claimList}}, noEcho: true}, nil
	}
	a, err := s.renderPage(c, p)
	if err != nil {
		return a, err
	}
	// The list stays for 第N个 after its last page; the page says it ended.
	err = s.savePage(c, p)
	return a, err
}

// renderPage renders items [Next, Next+pageSize) and advances Next.
func (s *service) renderPage(c bot.Context, p *page) (answer, error) {
	viewer, loc, now := c.Person(), c.Location(), c.Now()
	start := p.Next
	end := min(start+s.pageSize, len(p.Items))
	items := p.Items[start:end]
	p.Next = end

	var lines, shown []string
	lead := ""
	switch p.Kind {
	case listCases:
		cs, err := s.visible(c.Ctx(), viewer, items, nil)
		if err != nil {
			return answer{}, err
		}
		if p.Aspect == intent.Outcome && start == 0 && len(cs) > 1 && len(cs) == p.Total {
			lead = outcomeLead(cs)
		}
		for i, cs := range cs {
			fact := s.lineFact(viewer, cs, nil, p.Aspect, now, loc)
			if p.Aspect == intent.Deadline && len(p.Kinds) > 0 {
				fact = "\n" + s.kindsFact(cs, p.Kinds, now, loc)
			}
			lines = append(lines, s.caseLine(start+i+1, viewer, cs, now, loc)+fact)
			shown = append(shown, cs.Number)
		}
	case listHearings:
		hs, err := s.hearings(c, viewer, items)
		if err != nil {
			return answer{}, err
		}
		for i, h := range hs {
			lines = append(lines, s.hearingLine(start+i+1, viewer, h, loc)+s.lineFact(viewer, h.Case, &h.Hearing, p.Aspect, now, loc))
			shown = append(shown, h.Case.Number)
		}
	case listDeadlines:
		dds, err := s.deadlineEntries(c, viewer, items)
		if err != nil {
			return answer{}, err
		}
		today := workcal.DateOf(now, s.st.Deadlines.Location())
		for i, d := range dds {
			lines = append(lines, s.deadlineLine(start+i+1, viewer, d, today))
			shown = append(shown, d.Case.Number)
		}
	case listCandidates, listDrafts:
		for i := range items {
			if start+i < len(p.Lines) {
				lines = append(lines, fmt.Sprintf("%d. %s", start+i+1, p.Lines[start+i]))
			}
		}
	case listPeople:
		if viewer == nil || viewer.Role != people.Admin {
			return answer{md: "只有管理员可以查看人员名单。"}, nil
		}
		for i, id := range items {
			p, err := s.st.LookupPerson(c.Ctx(), id)
			if err != nil {
				return answer{}, err
			}
			if p != nil {
				lines = append(lines, fmt.Sprintf("%d. %s", start+i+1, personLine(p)))
			}
		}
	}
	var b strings.Builder
	b.WriteString(p.Title)
	if start > 0 {
		fmt.Fprintf(&b, "（续）")
	}
	b.WriteString(lead)
	for _, l := range lines {
		b.WriteString("\n\n" + l)
	}
	switch {
	case p.Next < len(p.Items):
		fmt.Fprintf(&b, "\n\n第 %d—%d 项，共 %d 项。回复“更多”看下一页。", start+1, end, p.Total)
	case p.Total > len(p.Items):
		fmt.Fprintf(&b, "\n\n已列出前 %d 项，共 %d 项。请缩小范围（如加上时间或单位）后再查。", len(p.Items), p.Total)
	case start > 0:
		fmt.Fprintf(&b, "\n\n第 %d—%d 项，共 %d 项，以上为全部。", start+1, end, p.Total)
	}
	if p.Footer != "" {
		b.WriteString("\n" + p.Footer)
	}
	return answer{md: b.String(), shown: shown}, nil
}

// hearings loads hearing refs with their cases, keeping the active
// hearings of cases viewer may see, in the order given.
func (s *service) hearings(c bot.Context, viewer *people.Person, refs []string) ([]store.ScheduledHearing, error) {
	var numbers []string
	ids := make([]int, len(refs))
	nums := make([]string, len(refs))
	for i, r := range refs {
		n, id, err := cases.HearingRef(r).Split()
		if err != nil {
			return nil, err
		}
		nums[i], ids[i] = n, id
		numbers = append(numbers, n)
	}
	cs, err := s.st.GetMany(c.Ctx(), numbers)
	if err != nil {
		return nil, err
	}
	var out []store.ScheduledHearing
	for i, cs := range cs {
		if cs == nil || !s.scope.CanSee(viewer, cs) {
			continue
		}
		if h := cs.Hearing(ids[i]); h != nil && !h.Cancelled {
			out = append(out, store.ScheduledHearing{Case: cs, Hearing: *h})
		}
	}
	return out, nil
}

func personLine(p *people.Person) string {
	s := fmt.Sprintf("%s（%s）%s", p.Name, p.UserID, p.Role.Label())
	if p.Agency != "" {
		s += "｜" + p.Agency
	}
	if p.Post != "" {
		s += "｜" + p.Post
	}
	return s
}

// pick answers 第二个: the item of the last list, shown in full, with the
// fact asked (第四个出庭的是谁).
func (s *service) pick(c bot.Context, u intent.Understanding) (answer, error) {
	p, err := s.loadPage(c)
	if err != nil {
		return answer{}, err
	}
	if p == nil || len(p.Items) == 0 {
		msg := "没有可以选的列表（上一次的列表已过期或没有列表）。请重新提问，例如“本周开庭”。"
		return answer{md: msg, claims: []claim{{Text: msg, What: claimList}}, noEcho: true}, nil
	}
	if u.Ordinal > len(p.Items) {
		return answer{md: fmt.Sprintf("上一个列表只有 %d 项，请回复 1 到 %d 之间的序号，例如“第二个”。", len(p.Items), len(p.Items)), noEcho: true}, nil
	}
	item := p.Items[u.Ordinal-1]
	viewer, now, loc := c.Person(), c.Now(), c.Location()
	a := answer{noEcho: true}
	switch p.Kind {
	case listHearings:
		hs, err := s.hearings(c, viewer, []string{item})
		if err != nil {
			return answer{}, err
		}
		if len(hs) == 0 {
			msg := "这一场开庭已取消或您已无权查看。"
			return answer{md: msg}, nil
		}
		h := hs[0]
		md := fmt.Sprintf("第 %d 项：", u.Ordinal)
		if u.Aspect != "" {
			md += s.hearingFact(viewer, h.Case, h.Hearing, u.Aspect, now, loc) + "\n\n"
		} else {
			md += s.hearingText(viewer, h, loc) + "\n\n"
		}
		a.md = md + s.card(viewer, h.Case, now, loc)
		a.shown, a.results = []string{h.Case.Number}, 1
	case listCases:
		cs, err := s.visible(c.Ctx(), viewer, []string{item}, nil)
		if err != nil {
			return answer{}, err
		}
		if len(cs) == 0 {
			return answer{md: "这个案件已删除或您已无权查看。"}, nil
		}
		md := fmt.Sprintf("第 %d 项：", u.Ordinal)
		if u.Aspect != "" {
			md += s.fact(viewer, cs[0], u.Aspect, now, loc) + "\n\n"
		} else {
			md += "\n\n"
		}
		a.md = md + s.card(viewer, cs[0], now, loc)
		a.shown, a.results = []string{cs[0].Number}, 1
	case listCandidates:
		return s.explains.pickCandidate(c, item)
	case listDrafts:
		return s.explains.pickDraft(c, item)
	default:
		return answer{md: "这个列表不能按序号查看。"}, nil
	}
	return a, nil
}

// outcomeLead is the answer to 判了没 asked of several cases at once (那个
// 工伤的案子判了没 where the ledger has two), said before the list: how many
// are closed and how many are not.
func outcomeLead(cs []*cases.Case) string {
	closed, open := 0, 0
	for _, k := range cs {
		if k.Open() {
			open++
		} else {
			closed++
		}
	}
	switch {
	case open == 0:
		return "，均已结案"
	case closed == 0:
		return "，均尚未结案"
	}
	return fmt.Sprintf("，其中已结案 %d 件、尚未结案 %d 件", closed, open)
}
