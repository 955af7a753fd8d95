package handlers

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/redis/go-redis/v9"

	"casebot/bot"
	"casebot/bot/cases"
	"casebot/bot/keys"
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

// page is a list answer remembered per user so that “更多” shows the next
// page. Items were in the asker's scope when listed and are checked again
// on every page, so a page never shows what the asker may no longer see.
type page struct {
	Title string   `json:"title"`
	Kind  string   `json:"kind"`
	Items []string `json:"items"`
	Total int      `json:"total"`
	Next  int      `json:"next"`
}

func (s *service) savePage(c bot.Context, p *page) error {
	b, err := json.Marshal(p)
	if err != nil {
		return err
	}
	return s.st.Client().Set(c.Ctx(), s.st.Keys().QueryPage(c.UserID()), b, keys.QueryPageTTL).Err()
}

func (s *service) loadPage(c bot.Context) (*page, error) {
	b, err := s.st.Client().Get(c.Ctx(), s.st.Keys().QueryPage(c.UserID())).Bytes()
	if errors.Is(err, redis.Nil) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var p page
	if err := json.Unmarshal(b, &p); err != nil {
		return nil, fmt.Errorf("decode page: %w", err)
	}
	return &p, nil
}

func (s *service) clearPage(c bot.Context) error {
	return s.st.Client().Del(c.Ctx(), s.st.Keys().QueryPage(c.UserID())).Err()
}

// answer is what a handler replies and what the audit records.
type answer struct {
	md      string
	results int      // how many cases the answer found or counted
	shown   []string // the case numbers it showed
}

// list answers with the first page of items and remembers the rest. The
// caller has checked that items is not empty; total may exceed len(items).
func (s *service) list(c bot.Context, title, kind string, items []string, total int) (answer, error) {
	if len(items) > maxListed {
		items = items[:maxListed]
	}
	p := &page{Title: title, Kind: kind, Items: items, Total: total}
	a, err := s.renderPage(c, p)
	if err != nil {
		return a, err
	}
	a.results = total
	if p.Next < len(p.Items) {
		err = s.savePage(c, p)
	} else {
		err = s.clearPage(c)
	}
	return a, err
}

// more answers “更多” with the next page of the remembered list.
func (s *service) more(c bot.Context) (answer, error) {
	p, err := s.loadPage(c)
	if err != nil {
		return answer{}, err
	}
	if p == nil || p.Next >= len(p.Items) {
		return answer{md: "没有可以继续查看的列表了。请重新提问，例如“本周开庭”或“本月败诉”。"}, nil
	}
	a, err := s.renderPage(c, p)
	if err != nil {
		return a, err
	}
	if p.Next < len(p.Items) {
		err = s.savePage(c, p)
	} else {
		err = s.clearPage(c)
	}
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
	switch p.Kind {
	case listCases:
		cs, err := s.visible(c.Ctx(), viewer, items, nil)
		if err != nil {
			return answer{}, err
		}
		for i, cs := range cs {
			lines = append(lines, s.caseLine(start+i+1, viewer, cs, now, loc))
			shown = append(shown, cs.Number)
		}
	case listHearings:
		hs, err := s.hearings(c, viewer, items)
		if err != nil {
			return answer{}, err
		}
		for i, h := range hs {
			lines = append(lines, s.hearingLine(start+i+1, viewer, h, loc))
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
	for _, l := range lines {
		b.WriteString("\n\n" + l)
	}
	switch {
	case p.Next < len(p.Items):
		fmt.Fprintf(&b, "\n\n第 %d—%d 项，共 %d 项。回复“更多”看下一页。", start+1, end, p.Total)
	case p.Total > len(p.Items):
		fmt.Fprintf(&b, "\n\n已列出前 %d 项，共 %d 项。请缩小范围（如加上时间或单位）后再查。", len(p.Items), p.Total)
	case start > 0:
		fmt.Fprintf(&b, "\n\n以上为全部 %d 项。", p.Total)
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
