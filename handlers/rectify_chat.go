package handlers

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"casebot/bot"
	"casebot/bot/cases"
	"casebot/bot/deadline"
	"casebot/bot/intent"
	"casebot/bot/workcal"
)

// The 一案一整改 questions of the chat (整改情况, 哪些整改还没交, 整改呢 after
// a lost case, 行初85的整改交了没) are answered from the rectification
// records: every state a user asks about (open and not yet due, due,
// overdue, filed and awaiting review, returned, approved), for one case
// when the question names one or follows one case shown, else for every
// case in the asker's scope. A “没有” is a claimRectify the corpus checks.

// rectifyFilter narrows a list question.
type rectifyFilter int

const (
	rectifyAll      rectifyFilter = iota // owed or awaiting review
	rectifyOverdue                       // owed and past the last day
	rectifyUnfiled                       // owed (not filed, or returned), due or not
	rectifyReturned                      // returned by the bureau
)

// claimRectify states that no visible case has a 整改 record in State
// (overdue, unfiled, returned, pending), or, with Numbers, that those
// cases have no 整改 record at all.
const claimRectify = "rectify"

// unaskedRectify is the list item kind of a loss whose 整改 request is not
// sent yet (reminders.Unasked): shown with the period it will have.
const unaskedRectify = "rectify_unasked"

// rectifyFilterOf reads what a 整改 question narrows to: 逾期/超期 are the
// overdue ones; 没交/还没/未报送 every report not filed, due or not (a
// report not yet due is not yet filed); 退回 the returned ones.
func rectifyFilterOf(t string, late bool) rectifyFilter {
	switch {
	case late:
		return rectifyOverdue
	case strings.Contains(t, "退回"):
		return rectifyReturned
	case containsAnyOf(t, "没交", "未交", "未报", "没报", "没有报", "没有交", "还没", "交齐"):
		return rectifyUnfiled
	}
	return rectifyAll
}

func containsAnyOf(t string, ws ...string) bool {
	return slices.ContainsFunc(ws, func(w string) bool { return strings.Contains(t, w) })
}

// rectifyCaseOf returns the case a 整改 question is about: one it names, or
// the one case the previous answer showed when the question names no
// agency or case of its own (整改呢, 那整改交了没).
func (s *service) rectifyCaseOf(c bot.Context) (string, error) {
	ns, err := s.rectifyCasesOf(c)
	if err != nil || len(ns) == 0 {
		return "", err
	}
	return ns[0], nil
}

// seqHaoAll finds every bare 号 number of a message (61号跟33号).
var seqHaoAll = regexp.MustCompile(`(?:^|[^\d])(\d{1,5})\s*号`)

// rectifyCasesOf is rectifyCaseOf for a question that may name several
// cases (61号跟33号两个整改都要我们报？各自几号截止): each of them, where only
// the first was answered and the second read as if it needed nothing.
func (s *service) rectifyCasesOf(c bot.Context) ([]string, error) {
	text := c.Message().Text
	u, err := intent.Understand(text, s.options(c, c.Person()))
	if err != nil {
		return nil, err
	}
	if len(u.Numbers) > 0 && u.Short != "" {
		// 行初70 completes to every configured court's number: the ones
		// that exist, else the first as written (its none names it).
		ns, err := s.caseRefs(c.Ctx(), c.Person(), u, c.Now())
		if err != nil || len(ns) == 0 || len(ns) == len(u.Numbers) {
			return u.Numbers[:1], err
		}
		return ns, nil
	}
	if len(u.Numbers) > 0 {
		return u.Numbers, nil
	}
	if u.Seq > 0 {
		seqs := []int{u.Seq}
		for _, m := range seqHaoAll.FindAllStringSubmatch(intent.Normalize(text), -1) {
			if n, _ := strconv.Atoi(m[1]); n > 0 && !slices.Contains(seqs, n) {
				seqs = append(seqs, n)
			}
		}
		var out []string
		for _, n := range seqs {
			ns, err := s.completeSeq(c.Ctx(), c.Person(), n, u.Recon && n == u.Seq, c.Now())
			if err != nil {
				return nil, err
			}
			if len(ns) > 1 {
				// 33号 is 行终33 and 复33: in a 整改 question, the one that owes a report.
				cs, err := s.visible(c.Ctx(), c.Person(), ns, func(k *cases.Case) bool { return s.loss.Lost(k) || cases.Corrected(k) })
				if err != nil {
					return nil, err
				}
				if len(cs) == 1 {
					ns = []string{cs[0].Number}
				}
			}
			if len(ns) == 1 {
				out = append(out, ns[0])
			}
		}
		return out, nil
	}
	if len(u.Agencies) > 0 || u.Agency != "" || u.Mine != "" || u.Person != "" || !u.Period.IsZero() || !intent.RefersBack(u) {
		return nil, nil // 整改情况, 逾期未整改的有哪些, 王局的整改: its own scope, not the case in focus
	}
	var last lastQuestion
	found, err := c.Memory().RecallAll(map[string]any{memLast: &last})
	if err != nil || !found[memLast] || len(last.Shown) != 1 {
		return nil, err
	}
	return []string{last.Shown[0]}, nil
}

// rectifyOfCase answers the 整改 state of one case.
func (s *service) rectifyOfCase(c bot.Context, number string, today workcal.Day) (answer, error) {
	viewer := c.Person()
	cs, err := s.visible(c.Ctx(), viewer, []string{number}, nil)
	if err != nil {
		return answer{}, err
	}
	if len(cs) == 0 {
		msg := notFound("案件 " + number) // a none names the case it is about
		return answer{md: msg, claims: []claim{{Text: msg, What: claimNumber, Numbers: []string{number}}}}, nil
	}
	k := cs[0]
	head := "**" + k.Number + "**"
	a := answer{shown: []string{k.Number}, results: 1}
	rc := k.Rectify
	if rc == nil {
		switch {
		case k.Closure == nil:
			a.md = head + " 尚未结案，目前不涉及一案一整改。"
		case !s.loss.Lost(k) && !cases.Corrected(k):
			a.md = fmt.Sprintf("%s 已结案（%s），未败诉，不需要一案一整改。", head, k.Closure.Method)
		default:
			msg := "台账中还没有" + k.Number + "的一案一整改记录"
			due := ""
			if s.reminders != nil {
				if u := s.reminders.UnaskedCase(k, c.Now()); u != nil {
					if d, ok := s.st.Deadlines.Find(u, deadline.Rectify); ok {
						due = "，整改报告报送期限：" + d.Value(today)
					}
				}
			}
			a.md = fmt.Sprintf("%s 已结案（%s），属于需要一案一整改的案件，但%s（整改要求由提醒服务在结案后发出%s）。", head, k.Closure.Method, msg, due)
			a.claims = []claim{{Text: msg, What: claimRectify, Numbers: []string{k.Number}}}
			if draftNoticeRe.MatchString(c.Message().Text) {
				a.md += "\n\n" + rectifyNotice(k, strings.TrimPrefix(due, "，整改报告报送期限："), c.Location())
			}
		}
		return a, nil
	}
	lines := []string{fmt.Sprintf("%s 一案一整改：**%s**", head, rc.Status.Label())}
	if d, ok := s.st.Deadlines.Find(k, deadline.Rectify); ok {
		lines = append(lines, "报送期限："+d.Value(today))
	}
	if !rc.FiledOn.IsZero() {
		lines = append(lines, "报送："+rc.FiledOn.In(c.Location()).Format("2006-01-02")+orBy(rc.FiledBy))
	}
	if rc.Status == cases.RectifyFiled {
		if d, ok := s.st.Deadlines.Find(k, deadline.RectifyReview); ok {
			lines = append(lines, "审核期限："+d.Value(today))
		}
	}
	if !rc.ReviewedOn.IsZero() {
		lines = append(lines, "审核："+rc.ReviewedOn.In(c.Location()).Format("2006-01-02")+orBy(rc.ReviewedBy))
	}
	if rc.ReviewNote != "" {
		lines = append(lines, "退回意见："+rc.ReviewNote)
	}
	if rc.Repeat != "" {
		lines = append(lines, "一年内同类再次败诉（前案 "+rc.Repeat+"）")
	}
	a.md = strings.Join(lines, "\n")
	if draftNoticeRe.MatchString(c.Message().Text) {
		due := ""
		if d, ok := s.st.Deadlines.Find(k, deadline.Rectify); ok {
			due = d.Value(today)
		}
		a.md += "\n\n" + rectifyNotice(k, due, c.Location())
	}
	return a, nil
}

// draftNoticeRe asks for the 整改 notice itself to be drafted (帮我起草一个
// 整改通知, 整改通知书拟一下, 写个整改通知).
var draftNoticeRe = regexp.MustCompile(`(?:起草|草拟|拟|写|弄个|弄一个|做个|做一个|整个|整一个)[^，。]{0,6}(?:整改)?通知|通知书?[^，。]{0,4}(?:起草|草拟|拟一下|拟个|写一下|写个|弄一下)`)

// rectifyNotice drafts the 一案一整改 notice to the losing agency from the
// ledger's own facts: the case, its outcome and 败诉原因, what to submit
// and by when (the period the reminders compute). No party is named: the
// notice goes to an agency, about its own conduct.
func rectifyNotice(k *cases.Case, due string, loc *time.Location) string {
	var b strings.Builder
	b.WriteString(draftHead("一案一整改通知", "印发")) // the heading every offline draft has
	fmt.Fprintf(&b, "%s：\n\n", strings.Join(k.Defendants, "、"))
	outcome := ""
	if k.Closure != nil {
		outcome = fmt.Sprintf("，%s以“%s”结案", k.Closure.On.In(loc).Format("2006年1月2日"), k.Closure.Method)
	}
	role, lost := "被告", "败诉"
	if k.Kind == cases.Reconsideration {
		role, lost = "被申请人", "被复议机关纠错"
	}
	fmt.Fprintf(&b, "你单位作为%s的 %s（%s）%s，%s。", role, k.Number, orPendingWord(k.Cause, "案由待补充"), outcome, lost)
	if k.Closure != nil && strings.TrimSpace(k.Closure.Reason) != "" {
		fmt.Fprintf(&b, "败诉原因：%s。", strings.TrimRight(strings.TrimSpace(k.Closure.Reason), "。"))
	}
	b.WriteString("\n\n根据一案一整改工作要求，请你单位对照裁判文书（复议决定书），逐项分析败诉原因，查找执法中存在的问题，制定并落实整改措施，明确责任人员和完成时限，并举一反三，防止同类问题再次发生。\n\n")
	when := "（报送期限待核实）"
	if due != "" {
		when = due
		if i := strings.Index(when, "（"); i > 0 {
			when = when[:i] // the days left are the reader's, not the notice's
		}
	}
	fmt.Fprintf(&b, "请于 %s 前将整改报告（含败诉原因分析、整改措施及落实情况、相关制度完善情况）报送司法局。\n\n特此通知。\n\n某县司法局（待盖章）\n（日期待填）", when)
	return b.String()
}

func orPendingWord(s, pending string) string {
	if strings.TrimSpace(s) == "" {
		return pending
	}
	return s
}

func orBy(who string) string {
	if who == "" {
		return ""
	}
	return "，" + who
}

// rectifyList lists the 整改 reports in the asker's scope that the filter
// keeps, overdue first, with how many are in each state; a list narrowed
// to the overdue ones that finds none still says what else is owed.
func (s *service) rectifyList(c bot.Context, today workcal.Day, f rectifyFilter, only rectifyOf) (answer, error) {
	viewer := c.Person()
	dds, err := s.st.DeadlinesBetween(c.Ctx(), workcal.Day{}, today.AddDays(400), deadline.Rectify, deadline.RectifyReview)
	if err != nil {
		return answer{}, err
	}
	type item struct {
		id    string
		group int // 0 overdue, 1 owed not due, 2 returned, 3 filed
	}
	var all []item
	for _, d := range dds {
		if !s.scope.CanSee(viewer, d.Case) || !only.has(d.Case) {
			continue
		}
		g := 3
		if d.Deadline.Kind == deadline.Rectify {
			switch {
			case d.Deadline.Due.Before(today):
				g = 0
			case d.Case.Rectify != nil && d.Case.Rectify.Status == cases.RectifyReturned:
				g = 2
			default:
				g = 1
			}
		}
		all = append(all, item{d.Case.Number + "@" + string(d.Deadline.Kind), g})
	}
	// Losses not asked about yet (new, or reminders off) are owed all the
	// same: counting only the requests would answer "nothing owed" for them.
	unasked := 0
	if s.reminders != nil {
		ks, err := s.reminders.Unasked(c.Ctx(), c.Now())
		if err != nil {
			return answer{}, err
		}
		for _, k := range ks {
			if s.scope.CanSee(viewer, k) && only.has(k) {
				all = append(all, item{k.Number + "@" + unaskedRectify, 1})
				unasked++
			}
		}
	}
	slices.SortStableFunc(all, func(a, b item) int { return a.group - b.group })
	var n [4]int
	for _, it := range all {
		n[it.group]++
	}
	keep := func(it item) bool {
		switch f {
		case rectifyOverdue:
			return it.group == 0
		case rectifyUnfiled:
			return it.group < 3
		case rectifyReturned:
			return it.group == 2
		}
		return true
	}
	var items []string
	for _, it := range all {
		if keep(it) {
			items = append(items, it.id)
		}
	}
	counts := fmt.Sprintf("逾期未报送 %d 项，待报送（未到期）%d 项，已退回待重新报送 %d 项，已报送待审核 %d 项", n[0], n[1], n[2], n[3])
	if unasked > 0 {
		counts += fmt.Sprintf("；待报送的其中 %d 项尚未发出整改要求", unasked)
	}
	scope := scopeNote(viewer)
	if only.label != "" {
		scope = "（" + only.label + "）" + scope
	}
	if len(items) == 0 {
		var msg, state string
		switch f {
		case rectifyOverdue:
			msg, state = "没有逾期未报送的整改报告", "overdue"
		case rectifyUnfiled:
			msg, state = "没有待报送的整改报告", "unfiled"
		case rectifyReturned:
			msg, state = "没有被退回的整改报告", "returned"
		default:
			msg, state = "目前没有待报送或待审核的整改报告", "pending"
		}
		a := answer{md: msg + scope + "。", claims: []claim{{Text: msg, What: claimRectify, State: state, Q: query{Person: only.person, Agencies: only.agencies}}}}
		if len(all) == 0 {
			return a, nil
		}
		// 有没有逾期没交的: none overdue, but the others are the truth too.
		var rest []string
		for _, it := range all {
			rest = append(rest, it.id)
		}
		more, err := s.list(c, fmt.Sprintf("%s。其余整改报告：共 %d 项（%s）%s", msg+scope, len(all), counts, scope), listDeadlines, rest, len(rest))
		if err != nil {
			return answer{}, err
		}
		more.claims = a.claims
		return more, nil
	}
	var title string
	switch f {
	case rectifyOverdue:
		title = fmt.Sprintf("**逾期未报送的整改报告**：共 %d 项%s", len(items), scope)
	case rectifyUnfiled:
		title = fmt.Sprintf("**尚未报送的整改报告**：共 %d 项（逾期 %d 项，未到期 %d 项，已退回待重新报送 %d 项）%s", len(items), n[0], n[1], n[2], scope)
	case rectifyReturned:
		title = fmt.Sprintf("**已退回、待重新报送的整改报告**：共 %d 项%s", len(items), scope)
	default:
		title = fmt.Sprintf("**整改报告情况**：共 %d 项（%s）%s", len(items), counts, scope)
	}
	return s.list(c, title, listDeadlines, items, len(items))
}
