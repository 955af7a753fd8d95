package handlers

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/cases"
	"casebot/bot/deadline"
	"casebot/bot/intent"
	"casebot/bot/people"
	"casebot/bot/scope"
	"casebot/bot/store"
	"casebot/bot/workcal"
)

// The to-do list (我的待办) and the 整改 questions (整改情况, 逾期未整改) are
// their own route (before the free-form query, after updates); the entry
// points are parseDeadlineAsk (whether it is one) and
// service.answerDeadlines (the answer). Deadlines due or overdue (本周到期,
// 逾期未答辩, 哪些案子快过上诉期) are read by the understanding step with
// every other question (deadlines_understood.go), whose "none" answers the
// corpus checks; this route once had a period reader of its own for them,
// which nothing reached.

// listDeadlines is the list kind of deadline answers: items are
// "<number>@<kind>".
const listDeadlines = "deadlines"

// askWhat is the kind of deadline question.
type askWhat int

const (
	askMine    askWhat = iota + 1 // the asker's open deadlines and 整改 to do
	askRectify                    // 整改 reports: due, filed, overdue
)

// deadlineAsk is one deadline question.
type deadlineAsk struct {
	what askWhat
	// overdueOnly narrows a 整改 question to the reports past due;
	// rectify says what else it narrows to (rectify_chat.go).
	overdueOnly bool
	rectify     rectifyFilter
}

var (
	// caseNumberish is a text naming a case: a lookup, not a list question.
	caseNumberish = regexp.MustCompile(`[0-9０-９]+\s*号`)
	askSpace      = strings.NewReplacer(" ", "", "　", "", "？", "", "?", "", "。", "", "，", "", ",", "", "！", "", "!", "")
)

// reportHowRe asks where or how a loss's 原因分析 (the first part of the 整改
// report) is submitted (85号原因分析我写好了在哪里交, 原因分析怎么报): the 整改
// procedure, not the case's 败诉原因 (it showed the card).
var reportHowRe = regexp.MustCompile(`(?:原因分析|整改措施|分析报告|整改报告).{0,8}(?:在哪|哪里|哪儿|往哪|怎么|咋|如何|交给谁|报给谁|交谁|发给谁|给谁)|` +
	// 原因分析写好了 直接发你这里行吗, 是发给你还是在卡片里填: how, asked as
	// a choice of ways.
	`(?:原因分析|整改措施|分析报告|整改报告).{0,14}(?:发给你|发你|发到你|发到这|发这里|直接发|直接在卡片|卡片里填|卡片上填|在卡片里|在卡片上)|(?:在哪|哪里|哪儿|往哪|怎么|咋|如何)(?:里)?(?:交|报|提交|上传|填)[^，。]{0,3}(?:原因分析|整改措施)`)

// ownTodoRe asks what the asker (or their agency) has to do or hand in,
// by its parts: a first person, a question word, a modal and a verb of
// doing or handing in (我有什么要交的, 我还有哪些该报的): the to-do list, not
// the asker's cases. 我们 is left out: the list is the asker's own, and a
// none of it would be no answer for the agency.
var ownTodoRe = regexp.MustCompile(`(?:我|咱)(?:[^们，。？?][^，。？?]{0,5})?(?:什么|啥|哪些|哪几|有没有)[^，。？?]{0,4}(?:要|该|得|需要|待|还没)(?:办|交|处理|做|弄|报|提交|完成)`)

// ownPendingRe asks what the asker still has unfinished (我这礼拜还有几个事
// 没弄完, 我手上还有啥没办完的, 咱还有哪些没处理好): every kind of thing
// pending is asked, not only hearings, so it is the to-do list (期限 and
// 整改), whose answer and none name the kinds it checked.
var ownPendingRe = regexp.MustCompile(`(?:我|咱)(?:[^们，。？?][^，。？?]{0,9})?(?:没|未|还没|尚未|没有)(?:弄|办|做|处理|搞|忙|完成)(?:完|好|掉|结)?(?:的|吗|呢|吧|啊|没有){0,2}[？?]?$`)

// parseDeadlineAsk reads the questions this route answers: the to-do list
// (我的待办) and the 整改 reports (整改情况, 逾期未整改); ok is false for any
// other text, which goes on to the other routes. Questions about
// deadlines due or overdue (本周到期, 逾期未答辩) are read with every other
// question by the understanding step (deadlines_understood.go), with the
// one period reader of bot/intent.
func parseDeadlineAsk(text string) (deadlineAsk, bool) {
	t := askSpace.Replace(strings.TrimSpace(text))
	// A number is a case question, except with 整改: 85号整改最晚啥时候交
	// asks that case's 整改 report (rectifyCaseOf reads the number).
	if t == "" || len([]rune(t)) > 40 || caseNumberish.MatchString(t) && !strings.Contains(t, "整改") && !reportHowRe.MatchString(t) {
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
	if _, rule := intent.AsksRule(text); rule {
		return deadlineAsk{}, false // 如果败诉了要不要写整改报告: the rule, read by the understanding step
	}
	if has("整改") || reportHowRe.MatchString(t) {
		late := has("逾期", "超期", "过期", "超过期限", "超时", "没按时", "未按时", "没有按时", "误期", "已过期限", "晚了")
		return deadlineAsk{what: askRectify, overdueOnly: late, rectify: rectifyFilterOf(t, late)}, true
	}
	if has("待办", "我的任务", "我要办", "我该办", "我需要办", "我还有什么要办", "我还有什么事", "我有哪些期限", "我的期限", "我负责的期限") || ownTodoRe.MatchString(t) || ownPendingRe.MatchString(t) {
		return deadlineAsk{what: askMine}, true
	}
	return deadlineAsk{}, false
}

// registerDeadlines adds the deadline questions' route.
//
// Only the to-do list and the 整改 questions take this route: questions
// about deadlines due or overdue (本周到期, 逾期未答辩) are read by the
// understanding step with every other question (deadlines_understood.go),
// whose "none" answers the corpus checks.
func registerDeadlines(b *bot.Bot, s *service) {
	b.Text(func(text string) bool {
		_, ok := parseDeadlineAsk(text)
		if k, drafting := draftAsked(text); drafting && k != draftRectify {
			return false // 起草行初130的答辩状提纲: a draft, not the 答辩期
		}
		if ok && dutyOfRectify(text) {
			return false // 85号原因分析让周洁写就行吧: the duty of that case first (handleText)
		}
		return ok
	}, s.handleDeadlines)
}

func (s *service) handleDeadlines(c bot.Context) error {
	q, ok := parseDeadlineAsk(c.Message().Text)
	if _, _, stated := statedReport(c.Message().Text); !ok || stated {
		return s.handleText(c) // 原因是…… 整改是……: content told, read there (rectifyStated)
	}
	return s.deadlinesReply(c, q)
}

// dutyOfRectify reports whether text asks a duty of 一案一整改 (who files
// it, whether it is owed, whether the head signs): of one case it is
// answered by dutyAnswer, else as a deadlines question.
func dutyOfRectify(text string) bool {
	ts, ok := intent.DutyAsked(text)
	return ok && (slices.Contains(ts, intent.DutyRectify) || slices.Contains(ts, intent.DutySign))
}

// deadlinesReply answers a deadlines question q.
func (s *service) deadlinesReply(c bot.Context, q deadlineAsk) error {
	today := workcal.DateOf(c.Now(), s.st.Deadlines.Location())
	a, err := s.answerDeadlines(c, q, today)
	if err != nil {
		return err
	}
	// A 整改 answer's follow-up (公安局那件呢) keeps the topic.
	if q.what == askRectify {
		if err := markRectify(c); err != nil {
			return err
		}
		// The one case a 整改 answer was about, for the report's content
		// told next (33号原因分析写好了 咋交 → 原因就是……): rectifyStated.
		var err error
		if len(a.shown) == 1 {
			err = c.Memory().Remember(memRectifyCase, a.shown[0])
		} else {
			err = c.Memory().Forget(memRectifyCase)
		}
		if err != nil {
			return err
		}
	}
	return s.replyDeadlines(c, a)
}

// replyDeadlines checks, audits and sends a deadlines answer.
func (s *service) replyDeadlines(c bot.Context, a answer) error {
	if err := s.openActsOf(c, &a); err != nil {
		return err // 61号整改能不能晚点交: the extension asked, not the deadline alone
	}
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
	if q.what == askRectify {
		return s.rectifyAnswer(c, q, today)
	}
	return s.myTodo(c, today)
}

// myTodo lists the asker's open deadlines from a week overdue to a month
// ahead, with the 整改 reports their agency owes; for the bureau's staff,
// the 整改 reports waiting for review and the deadlines of the coming week.
func (s *service) myTodo(c bot.Context, today workcal.Day) (answer, error) {
	viewer := c.Person()
	items, _, err := s.todo(c, today)
	if err != nil {
		return answer{}, err
	}
	if len(items) == 0 {
		// The none says the window it searched, which differs by role, and
		// claims the deadlines in it (the 整改 reports are any day ahead).
		from, to := today.AddDays(-7), today.AddDays(32)
		msg := "您目前没有待办的期限事项（已逾期一周内至未来一个月内到期的法定期限、待报送的整改报告）。"
		if viewer.Bureau() {
			to = today.AddDays(8)
			msg = "您目前没有待办的期限事项（已逾期一周内至未来一周内到期的法定期限、待审核的整改报告）。"
		}
		loc := s.st.Deadlines.Location()
		q := query{Own: !viewer.Bureau(), From: from.At(workcal.Clock{}, loc), To: to.At(workcal.Clock{}, loc)}
		return answer{md: msg, claims: []claim{{Text: strings.TrimSuffix(msg, "。"), What: claimDeadlines, Q: q}}}, nil
	}
	return s.list(c, fmt.Sprintf("**您的待办**：共 %d 项", len(items)), listDeadlines, items, len(items))
}

// todo is the asker's to-do list of myTodo: the item ids (number@kind) and
// their deadlines, in the same order.
func (s *service) todo(c bot.Context, today workcal.Day) ([]string, []store.DueDeadline, error) {
	viewer := c.Person()
	var dds []store.DueDeadline
	var err error
	if viewer.Bureau() {
		if dds, err = s.st.DeadlinesBetween(c.Ctx(), today.AddDays(-7), today.AddDays(7)); err != nil {
			return nil, nil, err
		}
		review, err := s.st.DeadlinesBetween(c.Ctx(), workcal.Day{}, today.AddDays(400), deadline.RectifyReview)
		if err != nil {
			return nil, nil, err
		}
		dds = append(review, dds...)
	} else {
		if dds, err = s.st.DeadlinesBetween(c.Ctx(), today.AddDays(-7), today.AddDays(31)); err != nil {
			return nil, nil, err
		}
		rect, err := s.st.DeadlinesBetween(c.Ctx(), workcal.Day{}, today.AddDays(400), deadline.Rectify)
		if err != nil {
			return nil, nil, err
		}
		dds = append(dds, rect...)
		// A 承办人 named on cases sees theirs (of any agency: scope.Named);
		// one named on none, the agency's.
		if viewer.Role == people.Handler {
			var own []store.DueDeadline
			for _, d := range dds {
				if strings.TrimSpace(d.Case.Handler) == viewer.Name && s.scope.CanSee(viewer, d.Case) {
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
	var kept []store.DueDeadline
	for _, d := range dds {
		id := d.Case.Number + "@" + string(d.Deadline.Kind)
		if d.Deadline.Kind == deadline.RectifyReview && !viewer.Bureau() || seen[id] || !s.scope.CanSee(viewer, d.Case) {
			continue
		}
		if !viewer.Bureau() && !s.ownAgencyCase(viewer, d.Case) && !scope.Named(viewer, d.Case) {
			continue // their agency's, and the cases naming them
		}
		seen[id] = true
		items = append(items, id)
		kept = append(kept, d)
	}
	return items, kept, nil
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
	line := fmt.Sprintf("%d. **%s** %s：%s", i, c.Number, d.Deadline.Title(), d.Deadline.Value(today))
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
