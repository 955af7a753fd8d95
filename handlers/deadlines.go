package handlers

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/cases"
	"casebot/bot/deadline"
	"casebot/bot/intent"
	"casebot/bot/people"
	"casebot/bot/store"
	"casebot/bot/workcal"
)

// The deadline questions of the chat: 本周到期, 我的待办, 逾期未答辩,
// 哪些案子快过上诉期, 整改情况, 重点案件. They are their own route (before the
// free-form query, after updates), with their own small reader, so the
// question reader of bot/intent stays untouched; the entry points are
// parseDeadlineAsk (what was asked) and service.answerDeadlines (the answer).

// listDeadlines is the list kind of deadline answers: items are
// "<number>@<kind>".
const listDeadlines = "deadlines"

// askWhat is the kind of deadline question.
type askWhat int

const (
	askDue     askWhat = iota + 1 // deadlines ending in a period
	askOverdue                    // deadlines past their last day, not done
	askMine                       // the asker's open deadlines and 整改 to do
	askRectify                    // 整改 reports: due, filed, overdue
)

// deadlineAsk is one deadline question.
type deadlineAsk struct {
	what  askWhat
	kinds []deadline.Kind // empty: every kind the question covers
	// from, to bound the last days asked about (askDue); label names them.
	from, to workcal.Day
	label    string
	// overdueOnly narrows a 整改 question to the reports past due;
	// rectify says what else it narrows to (rectify_chat.go).
	overdueOnly bool
	rectify     rectifyFilter
}

var (
	// caseNumberish is a text naming a case: a lookup, not a list question.
	caseNumberish = regexp.MustCompile(`[0-9０-９]+\s*号`)
	// withinDays is "3天内", "近7天", "未来五天", "七日内".
	withinDays = regexp.MustCompile(`(?:近|未来|最近|接下来)?([0-9]+|[一二两三四五六七八九十]+)(?:个工作日|天|日)(?:内|之内|以内)?`)
	askSpace   = strings.NewReplacer(" ", "", "　", "", "？", "", "?", "", "。", "", "，", "", ",", "", "！", "", "!", "")
)

// kindsNamed returns the deadline kinds a question names by their words.
func kindsNamed(t string) []deadline.Kind {
	var ks []deadline.Kind
	for _, k := range intent.DueKinds(t) {
		ks = append(ks, deadline.Kind(k)) // intent's vocabulary is bot/deadline's kinds
	}
	return ks
}

func chineseNumber(s string) int {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	digits := map[rune]int{'一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	r := []rune(s)
	switch {
	case len(r) == 1 && r[0] == '十':
		return 10
	case len(r) == 1:
		return digits[r[0]]
	case len(r) == 2 && r[0] == '十':
		return 10 + digits[r[1]]
	case len(r) == 2 && r[1] == '十':
		return digits[r[0]] * 10
	case len(r) == 3 && r[1] == '十':
		return digits[r[0]]*10 + digits[r[2]]
	}
	return 0
}

// period reads the window of last days a question names, from today:
// 今天, 明天, 本周, 下周, 本月, "N天内"; ok is false when it names none.
func period(t string, today workcal.Day, cal *workcal.Calendar) (from, to workcal.Day, label string, ok bool) {
	monday := today.AddDays(-((int(today.Weekday()) + 6) % 7))
	switch {
	case strings.Contains(t, "今天") || strings.Contains(t, "今日"):
		return today, today, "今天", true
	case strings.Contains(t, "明天") || strings.Contains(t, "明日"):
		return today.AddDays(1), today.AddDays(1), "明天", true
	case strings.Contains(t, "下周") || strings.Contains(t, "下星期") || strings.Contains(t, "下个星期"):
		return monday.AddDays(7), monday.AddDays(13), "下周", true
	case strings.Contains(t, "本周") || strings.Contains(t, "这周") || strings.Contains(t, "本星期") || strings.Contains(t, "这个星期") || strings.Contains(t, "这星期") || strings.Contains(t, "这礼拜"):
		return today, monday.AddDays(6), "本周", true
	case strings.Contains(t, "本月") || strings.Contains(t, "这个月") || strings.Contains(t, "这月"):
		first := workcal.Day{Year: today.Year, Month: today.Month, Day: 1}
		return today, first.AddMonths(1).AddDays(-1), "本月", true
	}
	if m := withinDays.FindStringSubmatch(t); m != nil {
		if n := chineseNumber(m[1]); n > 0 && n <= 366 {
			if strings.Contains(m[0], "工作日") {
				return today, cal.AddWorkdays(today, n), fmt.Sprintf("%d个工作日内", n), true
			}
			return today, today.AddDays(n), fmt.Sprintf("%d天内", n), true
		}
	}
	return today, today, "", false
}

// parseDeadlineAsk reads a deadline question; ok is false for any other
// text (which goes on to the other routes).
func parseDeadlineAsk(text string, today workcal.Day, cal *workcal.Calendar) (deadlineAsk, bool) {
	t := askSpace.Replace(strings.TrimSpace(text))
	// A number is a case question, except with 整改: 85号整改最晚啥时候交
	// asks that case's 整改 report (rectifyCaseOf reads the number).
	if t == "" || len([]rune(t)) > 40 || caseNumberish.MatchString(t) && !strings.Contains(t, "整改") {
		return deadlineAsk{}, false
	}
	has := func(ws ...string) bool {
		for _, w := range ws {
			if strings.Contains(t, w) {
				return true
			}
		}
		return false
	}
	late := has("逾期", "超期", "过期", "超过期限", "超时", "没按时", "未按时", "没有按时", "误期", "已过期限", "晚了")
	if has("整改") {
		return deadlineAsk{what: askRectify, overdueOnly: late, rectify: rectifyFilterOf(t, late)}, true
	}
	if has("待办", "我的任务", "我要办", "我该办", "我需要办", "我还有什么要办", "我还有什么事", "我有哪些期限", "我的期限", "我负责的期限") {
		return deadlineAsk{what: askMine}, true
	}
	kinds := kindsNamed(t)
	from, to, label, hasPeriod := period(t, today, cal)
	if late && (len(kinds) > 0 || has("期限", "未提交", "没提交", "未答", "没答", "未回复", "没回复", "案件", "案子", "哪些")) {
		if len(kinds) == 0 {
			kinds = []deadline.Kind{deadline.Answer, deadline.Reply, deadline.Decision, deadline.JudicialReply, deadline.ProcuratorialReply}
		}
		return deadlineAsk{what: askOverdue, kinds: kinds}, true
	}
	soon := has("快", "即将", "将要", "要到", "马上", "临近", "快要", "还剩", "剩几天", "剩下几天")
	ending := has("到期", "届满", "截止", "期满", "截至", "过期")
	appealPeriod := has("上诉期")
	if !(ending || appealPeriod || has("期限") && (soon || hasPeriod)) {
		return deadlineAsk{}, false
	}
	if !hasPeriod {
		if !soon && !appealPeriod && !has("哪些", "什么", "有没有", "多少", "几个", "几件", "列出", "查") {
			return deadlineAsk{}, false
		}
		from, to, label = today, today.AddDays(7), "7天内"
	}
	return deadlineAsk{what: askDue, kinds: kinds, from: from, to: to, label: label}, true
}

// matchDay is the day the route's matcher reads questions on: whether a
// text is a deadline question does not depend on the day (only the window
// it asks about does, which the handler reads on the message's clock).
var matchDay = workcal.MustParseDay("2026-01-05")

// registerDeadlines adds the deadline questions' route.
//
// Only the to-do list and the 整改 questions take this route: questions
// about deadlines due or overdue (本周到期, 逾期未答辩) are read by the
// understanding step with every other question (deadlines_understood.go),
// whose "none" answers the corpus checks.
func registerDeadlines(b *bot.Bot, s *service) {
	b.Text(func(text string) bool {
		q, ok := parseDeadlineAsk(text, matchDay, s.st.Deadlines.Calendar())
		return ok && (q.what == askMine || q.what == askRectify)
	}, s.handleDeadlines)
}

func (s *service) handleDeadlines(c bot.Context) error {
	today := workcal.DateOf(c.Now(), s.st.Deadlines.Location())
	q, ok := parseDeadlineAsk(c.Message().Text, today, s.st.Deadlines.Calendar())
	if !ok {
		return s.handleText(c)
	}
	a, err := s.answerDeadlines(c, q, today)
	if err != nil {
		return err
	}
	// A 整改 answer's follow-up (公安局那件呢) keeps the topic.
	if q.what == askRectify {
		if err := markRectify(c); err != nil {
			return err
		}
	}
	return s.replyDeadlines(c, a)
}

// replyDeadlines checks, audits and sends a deadlines answer.
func (s *service) replyDeadlines(c bot.Context, a answer) error {
	if s.onAnswer != nil {
		s.onAnswer(c, intent.Understanding{Kind: intent.Deadlines}, a) // its claims are checked like every answer's
	}
	if err := s.record(c, audit.Query, "deadlines", a.results, a.shown, ""); err != nil {
		return err
	}
	return c.ReplyMarkdown(a.md)
}

// answerDeadlines answers q for the asker, within their scope. A "没有" is
// only said once the deadline index is known complete.
func (s *service) answerDeadlines(c bot.Context, q deadlineAsk, today workcal.Day) (answer, error) {
	ready, err := s.st.DeadlineIndexReady(c.Ctx())
	if err != nil {
		return answer{}, err
	}
	if !ready {
		return answer{md: "期限索引正在建立，暂时无法准确列出期限，请几分钟后再问。"}, nil
	}
	viewer := c.Person()
	var dds []store.DueDeadline
	var title, none string
	switch q.what {
	case askDue:
		kinds := q.kinds
		if len(kinds) == 0 {
			kinds = slices.DeleteFunc(slices.Clone(deadline.Kinds), func(k deadline.Kind) bool { return k == deadline.RectifyReview })
		}
		dds, err = s.st.DeadlinesBetween(c.Ctx(), q.from, q.to, kinds...)
		what := kindWords(q.kinds)
		title = fmt.Sprintf("**%s到期的%s**（%s至%s）", q.label, what, q.from.Chinese(), q.to.Chinese())
		none = fmt.Sprintf("%s（%s至%s）没有到期的%s", q.label, q.from.Chinese(), q.to.Chinese(), what)
	case askOverdue:
		dds, err = s.st.DeadlinesOverdue(c.Ctx(), today, q.kinds...)
		if slices.Contains(q.kinds, deadline.Appeal) {
			// A lapsed appeal is not the agency's failure: only those
			// lapsed within a month, whose outcome is worth recording.
			dds = slices.DeleteFunc(dds, func(d store.DueDeadline) bool {
				return d.Deadline.Kind == deadline.Appeal && d.Deadline.Due.Before(today.AddDays(-31))
			})
		}
		what := kindWords(q.kinds)
		title = "**已过期限仍未登记完成的" + what + "**"
		none = "没有已过期限仍未登记完成的" + what
	case askMine:
		return s.myTodo(c, today)
	case askRectify:
		return s.rectifyAnswer(c, q, today)
	}
	if err != nil {
		return answer{}, err
	}
	var items []string
	for _, d := range dds {
		if s.scope.CanSee(viewer, d.Case) {
			items = append(items, d.Case.Number+"@"+string(d.Deadline.Kind))
		}
	}
	if len(items) == 0 {
		return answer{md: none + scopeNote(viewer) + "。"}, nil
	}
	return s.list(c, fmt.Sprintf("%s：共 %d 项%s", title, len(items), scopeNote(viewer)), listDeadlines, items, len(items))
}

// kindWords names the kinds asked about.
func kindWords(ks []deadline.Kind) string {
	if len(ks) == 0 {
		return "期限"
	}
	var ws []string
	for _, k := range ks {
		ws = append(ws, k.Label())
	}
	return strings.Join(ws, "、")
}

// myTodo lists the asker's open deadlines from a week overdue to a month
// ahead, with the 整改 reports their agency owes; for the bureau's staff,
// the 整改 reports waiting for review and the deadlines of the coming week.
func (s *service) myTodo(c bot.Context, today workcal.Day) (answer, error) {
	viewer := c.Person()
	var dds []store.DueDeadline
	var err error
	if viewer.Bureau() {
		if dds, err = s.st.DeadlinesBetween(c.Ctx(), today.AddDays(-7), today.AddDays(7)); err != nil {
			return answer{}, err
		}
		review, err := s.st.DeadlinesBetween(c.Ctx(), workcal.Day{}, today.AddDays(400), deadline.RectifyReview)
		if err != nil {
			return answer{}, err
		}
		dds = append(review, dds...)
	} else {
		if dds, err = s.st.DeadlinesBetween(c.Ctx(), today.AddDays(-7), today.AddDays(31)); err != nil {
			return answer{}, err
		}
		rect, err := s.st.DeadlinesBetween(c.Ctx(), workcal.Day{}, today.AddDays(400), deadline.Rectify)
		if err != nil {
			return answer{}, err
		}
		dds = append(dds, rect...)
		// A 承办人 named on cases sees theirs; one named on none, the agency's.
		if viewer.Role == people.Handler {
			var own []store.DueDeadline
			for _, d := range dds {
				if strings.TrimSpace(d.Case.Handler) == viewer.Name {
					own = append(own, d)
				}
			}
			if len(own) > 0 {
				dds = own
			}
		}
	}
	seen := map[string]bool{}
	var items []string
	for _, d := range dds {
		id := d.Case.Number + "@" + string(d.Deadline.Kind)
		if d.Deadline.Kind == deadline.RectifyReview && !viewer.Bureau() || seen[id] || !s.scope.CanSee(viewer, d.Case) {
			continue
		}
		if !viewer.Bureau() && !s.ownAgencyCase(viewer, d.Case) {
			continue
		}
		seen[id] = true
		items = append(items, id)
	}
	if len(items) == 0 {
		return answer{md: "您目前没有待办的期限事项（已逾期一周内至未来一个月内到期的法定期限、待报送的整改报告）。"}, nil
	}
	return s.list(c, fmt.Sprintf("**您的待办**：共 %d 项", len(items)), listDeadlines, items, len(items))
}

func (s *service) ownAgencyCase(viewer *people.Person, c *cases.Case) bool {
	for _, a := range c.Defendants {
		if s.ownAgency(viewer, a) {
			return true
		}
	}
	return false
}

// deadlineEntries loads "<number>@<kind>" items with their cases, keeping
// the deadlines still there of cases viewer may see, in the order given.
func (s *service) deadlineEntries(c bot.Context, viewer *people.Person, items []string) ([]store.DueDeadline, error) {
	numbers := make([]string, len(items))
	kinds := make([]deadline.Kind, len(items))
	for i, it := range items {
		n, k, _ := strings.Cut(it, "@")
		numbers[i], kinds[i] = n, deadline.Kind(k)
	}
	cs, err := s.st.GetMany(c.Ctx(), numbers)
	if err != nil {
		return nil, err
	}
	var out []store.DueDeadline
	for i, cs := range cs {
		if cs == nil || !s.scope.CanSee(viewer, cs) {
			continue
		}
		k := kinds[i]
		if k == unaskedRectify {
			if s.reminders == nil {
				continue
			}
			if u := s.reminders.UnaskedCase(cs, c.Now()); u != nil {
				cs = u
			}
			k = deadline.Rectify // asked since: the request itself
		}
		if d, ok := s.st.Deadlines.Find(cs, k); ok {
			out = append(out, store.DueDeadline{Case: cs, Deadline: d})
		}
	}
	return out, nil
}

// deadlineLine is one entry of a list of deadlines.
func (s *service) deadlineLine(i int, viewer *people.Person, d store.DueDeadline, today workcal.Day) string {
	c := d.Case
	line := fmt.Sprintf("%d. **%s** %s：%s", i, c.Number, d.Deadline.Kind.Label(), d.Deadline.Value(today))
	line += "\n" + s.parties(viewer, c)
	if c.Handler != "" {
		line += "｜承办人 " + c.Handler
	}
	if rc := c.Rectify; rc != nil && (d.Deadline.Kind == deadline.Rectify || d.Deadline.Kind == deadline.RectifyReview) {
		if rc.RequestedOn.IsZero() && rc.Status == cases.RectifyRequested {
			line += "｜整改要求尚未发出"
		} else {
			line += "｜" + rc.Status.Label()
		}
		if rc.Repeat != "" {
			line += "｜一年内同类再次败诉"
		}
	}
	return line
}
