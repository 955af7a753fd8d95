package handlers

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"casebot/bot"
	"casebot/bot/cases"
	"casebot/bot/intent"
	"casebot/bot/people"
	"casebot/bot/workcal"
)

// rectifyOf narrows a 整改 list to the cases of a person (as 出庭负责人 of a
// hearing or as 承办人: 王局的整改, 周洁手上的整改) or of agencies (公安局的
// 整改); zero keeps every case in the asker's scope.
type rectifyOf struct {
	person   string
	agencies []string
	label    string // said in the answer's title and in its none
}

func (o rectifyOf) has(c *cases.Case) bool {
	return o.person == "" && len(o.agencies) == 0 || rectifyQ(query{Person: o.person, Agencies: o.agencies}, c)
}

// rectifyQ reports whether c is a case of q's person (head or handler) and
// of one of q's agencies; the corpus's claim checker reads the same.
func rectifyQ(q query, c *cases.Case) bool {
	if q.Person != "" && c.Handler != q.Person && !slices.ContainsFunc(c.Hearings, func(h cases.Hearing) bool { return h.Head == q.Person }) {
		return false
	}
	if len(q.Agencies) > 0 && !slices.ContainsFunc(c.Defendants, func(d string) bool { return slices.Contains(q.Agencies, d) }) {
		return false
	}
	return true
}

// rectifyHowRe asks how, where or to whom a 整改 report is submitted
// (整改报告咋个交, 怎么报, 交给谁, 在哪里提交), not whether it was.
var rectifyHowRe = regexp.MustCompile(`整改.{0,8}(怎么|咋个|咋|如何|怎样|在哪|哪里|哪儿|往哪|给谁|交谁|报谁|什么方式|啥方式|什么途径|哪个系统|什么流程|啥流程|流程)|` +
	`(怎么|咋个|咋|如何|在哪|哪里|往哪).{0,4}(交|报|提交|报送|上传).{0,2}整改|` + reportHowRe.String())

// bareHowRe asks how to submit without saying what (咋个交, 那怎么报呢,
// 交给谁): in a conversation about 整改 (rectifyFollowUp) it is the 整改
// report's procedure.
var bareHowRe = regexp.MustCompile(`^那?\s*(?:(?:怎么|咋个|咋|如何|怎样|在哪里?|往哪里?)(?:交|报|提交|报送|上传|递交)|(?:交|报|提交|报送)(?:给谁|给哪个|到哪里?|去哪里?))\s*(?:呢|啊|哈|嘛|撒|噻)?[?？]?$`)

// AsksRectifyHow reports whether text asks how to submit a 整改 report.
func asksRectifyHow(text string) bool {
	t := intent.Normalize(text)
	return rectifyHowRe.MatchString(t) || bareHowRe.MatchString(strings.TrimSpace(t))
}

// rectifyHow is the bureau's procedure for a 整改 report (README 一案一整改),
// for the asker's role.
func (s *service) rectifyHow(viewer *people.Person) string {
	lines := []string{
		"**整改报告怎么交**（一案一整改）：",
		"1. 由被告单位的出庭负责人或承办人报送：在本应用中发送“上传整改报告”，打开上传页面，选择案件，上传报告（Word、带文字的 PDF 或 txt），扫描件、照片可作为附件一并上传；",
		"2. 也可以直接点整改通知卡片上的“填报原因分析”“填报整改措施”，各回复一条消息，两部分都填好即视为报送；",
		fmt.Sprintf("3. 报送期限：判决（决定）送达之日起 %d 日内（未登记送达日期的，自结案之日起算）；报送后由司法局应诉专班审核，通过或退回，退回的按意见修改后重新报送。", s.cfg.Rectify.DueDays),
	}
	if viewer != nil && viewer.Bureau() {
		lines = append(lines, "您是司法局工作人员：报告报送后，您会收到审核卡片，点“通过”或“退回”并写明意见即可。")
	}
	return strings.Join(lines, "\n")
}

// rectifyAnswer answers a 整改 question: the case it names or follows,
// else the list in the asker's scope narrowed to the person or agencies
// named; a question how to submit gets the procedure first.
func (s *service) rectifyAnswer(c bot.Context, q deadlineAsk, today workcal.Day) (answer, error) {
	numbers, err := s.rectifyCasesOf(c)
	if err != nil {
		return answer{}, err
	}
	var a answer
	if len(numbers) > 0 {
		for _, n := range numbers {
			b, err := s.rectifyOfCase(c, n, today)
			if err != nil {
				return answer{}, err
			}
			if b.md != "" && rectifyWhoRe.MatchString(intent.Normalize(c.Message().Text)) {
				line, err := s.rectifyOwner(c, n)
				if err != nil {
					return answer{}, err
				}
				if line != "" {
					b.md += "\n" + line
				}
			}
			a = joinAnswers(a, b)
		}
	} else {
		var only rectifyOf
		if only, err = s.rectifyWho(c); err == nil {
			a, err = s.rectifyList(c, today, q.rectify, only)
		}
	}
	if err != nil {
		return answer{}, err
	}
	frame := asksRectifyFrame(c.Message().Text)
	if asksRectifyHow(c.Message().Text) && (!frame || submitWordRe.MatchString(c.Message().Text)) {
		a.md = s.rectifyHow(c.Person()) + "\n\n" + a.md
	}
	if frame {
		// 61号整改报告要写哪几块 能不能给我个框架: the parts, filled from the
		// ledger where it can, then the state and the last day.
		var k *cases.Case
		if len(numbers) == 1 {
			cs, err := s.visible(c.Ctx(), c.Person(), numbers, nil)
			if err != nil {
				return answer{}, err
			}
			if len(cs) == 1 {
				k = cs[0]
			}
		}
		a.md = s.rectifyFrame(c.Person(), k, c.Location()) + "\n\n" + a.md
	}
	return a, nil
}

// rectifyFrameRe asks what a 整改 report contains (要写哪几块, 给个框架,
// 模板, 怎么写), not whether or how it is submitted.
var rectifyFrameRe = regexp.MustCompile(`框架|模板|模版|提纲|大纲|格式|范本|样本|样稿|参考|结构|哪几块|哪几部分|哪些部分|哪几个部分|几部分|几块|哪些内容|什么内容|啥内容|写哪些|写什么|写些什么|写啥|怎么写|如何写|咋写|咋个写|要写哪`)

// submitWordRe is a verb of submitting: a frame question that also asks
// how to submit gets the procedure too.
var submitWordRe = regexp.MustCompile(`交|提交|报送|上传|报给`)

// asksRectifyFrame reports whether text asks the contents of a 整改 report.
func asksRectifyFrame(text string) bool {
	t := intent.Normalize(text)
	return containsAnyOf(t, "整改", "原因分析") && rectifyFrameRe.MatchString(t)
}

// rectifyFrame is the 整改 report's framework (一案一整改): the two parts
// the bureau reads (败诉原因分析, 整改措施; their headings are what an
// uploaded report is split by, rectify_file.go), with the case's facts
// and the ledger's 败诉原因 filled in when k is the case asked about.
func (s *service) rectifyFrame(viewer *people.Person, k *cases.Case, loc *time.Location) string {
	lines := []string{"**整改报告框架**（一案一整改）：请保留“败诉原因分析”“整改措施”两个标题，司法局按这两部分审核。"}
	basic := "写明案号、原告、被告单位、案由，判决（复议决定）的日期和结果。"
	reason := "对照裁判文书（复议决定书）认定的问题，"
	if k != nil {
		who := "原告 " + s.scope.Plaintiffs(viewer, k) + " 诉 "
		if k.Kind == cases.Reconsideration {
			who = "申请人 " + s.scope.Plaintiffs(viewer, k) + " 对 "
		}
		basic = fmt.Sprintf("%s，%s%s，案由%s", k.Number, who, strings.Join(k.Defendants, "、"), orPendingWord(k.Cause, "（待补充）"))
		if k.Closure != nil {
			basic += fmt.Sprintf("，%s以“%s”结案", cnDate(k.Closure.On, loc), k.Closure.Method)
		}
		basic += "。"
		if k.Closure != nil && strings.TrimSpace(k.Closure.Reason) != "" {
			reason += "台账登记的原因是“" + strings.TrimRight(strings.TrimSpace(k.Closure.Reason), "。") + "”，"
		}
	}
	lines = append(lines,
		"一、案件基本情况："+basic,
		"二、败诉原因分析："+reason+"从事实认定、证据收集固定、法律适用、执法程序等方面逐项分析，查找执法环节存在的具体问题。",
		"三、整改措施：针对上述原因逐条写明具体措施（如完善执法流程、规范告知和陈述申辩程序、开展培训和案卷评查），每条写明责任部门（责任人）和完成时限。",
		"四、责任落实与举一反三：相关人员的责任落实情况，同类案件的排查和制度完善情况。")
	if k != nil {
		for _, sg := range k.Suggestions {
			if strings.TrimSpace(sg.Content) == "" {
				continue
			}
			lines = append(lines, fmt.Sprintf("本案还有%s%s（%s），整改措施可一并回应。", orPendingWord(sg.Issuer, ""), sg.Kind, strings.TrimRight(sg.Content, "。")))
		}
	}
	lines = append(lines, "两部分可以在整改通知卡片上点“填报原因分析”“填报整改措施”分别回复，也可以写成一份报告，发送“上传整改报告”上传。")
	return strings.Join(lines, "\n")
}

// sideWords speak of a town's side without naming it (那镇上那个呢). They
// are not agencies in general (行初108 → 镇上谁出庭 asks of the case shown),
// but in a 整改 follow-up they can only mean the town government's case.
var sideWords = []string{"镇上", "乡上", "镇政府", "乡政府"}

// rectifyWho reads the person or agencies a 整改 list question names.
func (s *service) rectifyWho(c bot.Context) (rectifyOf, error) {
	opts := s.options(c, c.Person())
	u, err := intent.Understand(c.Message().Text, opts)
	if err != nil {
		return rectifyOf{}, err
	}
	if u.Person == "" && len(u.Agencies) == 0 && opts.Lexicon != nil {
		for _, w := range sideWords {
			if !strings.Contains(c.Message().Text, w) {
				continue
			}
			if u.Agencies, err = opts.Lexicon.Agencies(w); err != nil {
				return rectifyOf{}, err
			}
			break
		}
	}
	var o rectifyOf
	switch {
	case u.Person != "":
		o.person = u.Person
		o.label = "限" + u.Person + "任出庭负责人或承办人的案件"
	case len(u.Agencies) > 0:
		o.agencies = u.Agencies
		o.label = "限被告为" + strings.Join(u.Agencies, "、")
	}
	return o, nil
}

// memRectify marks, in the conversation memory, that the last answer was
// about 整改 reports, so a follow-up naming only an agency, a person or a
// case (公安局那件呢, 王芳的呢) keeps the topic instead of listing cases. It
// holds the ID of the message that answer replied to: topicEnds forgets it
// after any other message is handled, whatever answered it (a question, an
// explain or bulletin command, a write).
const memRectify = "query.rectify"

// markRectify records that c's message was answered about 整改.
func markRectify(c bot.Context) error { return c.Memory().Remember(memRectify, c.Message().ID) }

// topicEnds is the one place the 整改 topic ends: after every text message
// whose answer did not mark it.
func topicEnds(next bot.HandlerFunc) bot.HandlerFunc {
	return func(c bot.Context) error {
		if err := next(c); err != nil || c.Message().Type != "text" {
			return err
		}
		var id string
		found, err := c.Memory().Recall(memRectify, &id)
		if found && err == nil && id == c.Message().ID {
			return nil
		}
		if found || err != nil {
			return c.Memory().Forget(memRectify) // an unreadable mark is no mark
		}
		return nil
	}
}

// caseTopicEnds is the one rule for when the case in focus stops carrying
// into the next question (kind is what the follow-up asks, u the message,
// p the last question): users who were just shown a case and then ask a
// figure, a list over the ledger or a bulletin (好的 那今年的败诉率呢, 另外
// 本月败诉几件, 还有个事 下周有几个庭, 那败诉的有哪些) have moved on to a new
// topic — with or without a switch word (另外, 还有个事, 对了, 好的 那…呢) —
// and the case is dropped. A question of a field of a case (那败诉原因呢,
// 好的 那检察建议呢, 另外 整改交了没, 负责人去了没) is naturally about the
// case and keeps it, switch word or not; it is answered as kind Case and
// never reaches here. The 整改 topic ends the same way, in topicEnds.
func caseTopicEnds(kind intent.Kind, u, p intent.Understanding) bool {
	if hasRef(u) || p.Kind != intent.Case && p.Kind != intent.Pick {
		return false
	}
	switch kind {
	case intent.Count, intent.Rates, intent.Cases, intent.Hearings, intent.Bulletin:
		return true
	}
	return false
}

// rectifyFollowUp answers such a follow-up as a 整改 question; ok is false
// when the last answer was not about 整改 or the message asks something
// else (a period, hearings, a rate, a count).
func (s *service) rectifyFollowUp(c bot.Context, text string) (bool, error) {
	var id string
	if found, err := c.Memory().Recall(memRectify, &id); err != nil || !found {
		return false, nil // topicEnds forgets an unreadable mark
	}
	t := strings.TrimSpace(intent.Normalize(text))
	if bareHowRe.MatchString(t) {
		// 行初85的整改 → 咋个交: the procedure, then the 整改 items.
		today := workcal.DateOf(c.Now(), s.st.Deadlines.Location())
		a, err := s.rectifyAnswer(c, deadlineAsk{what: askRectify}, today)
		if err != nil {
			return true, err
		}
		return true, s.replyDeadlines(c, a)
	}
	follows := strings.Contains(t, "呢") || strings.HasPrefix(t, "那")
	// 61那个最迟哪天交: when a case of the 整改 list is due, not its hearing.
	due := intent.RectifyDueAsked(t)
	if !follows && !due || utf8.RuneCountInString(t) > 16 {
		return false, nil
	}
	u, err := intent.Understand(text, s.options(c, c.Person()))
	if err != nil {
		return false, err
	}
	if !follows && !hasRef(u) {
		return false, nil
	}
	side := slices.ContainsFunc(sideWords, func(w string) bool { return strings.Contains(t, w) })
	if !(hasWho(u) || hasRef(u) || side) || !u.Period.IsZero() || u.Hearing || u.Rate != "" || u.Rank != "" || u.Metric != "" {
		return false, nil
	}
	if u.Aspect != "" && u.Aspect != intent.Deadline && u.Aspect != intent.Reason && !due {
		return false, nil // 整改报了没 → 那行申88号要我去吗: a question of its own about that case
	}
	if ts, _ := intent.DutyAsked(text); len(ts) > 0 && !slices.Contains(ts, intent.DutyRectify) {
		return false, nil // 117号呢 孙局去不去: whether the head goes, not its 整改
	}
	today := workcal.DateOf(c.Now(), s.st.Deadlines.Location())
	a, err := s.rectifyAnswer(c, deadlineAsk{what: askRectify, rectify: rectifyFilterOf(t, false)}, today)
	if err != nil {
		return true, err
	}
	if err := markRectify(c); err != nil {
		return true, err
	}
	return true, s.replyDeadlines(c, a)
}

// rectifyWhoRe asks who submits a 整改 report or whom to get it from
// (整改报告找谁要, 是我们报还是镇里报, 都要我们报吗, 该谁交).
var rectifyWhoRe = regexp.MustCompile(`找谁|谁报|谁交|谁写|谁来|谁负责|该谁|由谁|哪个单位|哪家|我们报|我们交|我们写|我们来|镇里报|镇上报|他们报|要我们|是我们|归谁|谁的事`)

// joinAnswers puts b after a, one case's answer after another's.
func joinAnswers(a, b answer) answer {
	if a.md == "" {
		return b
	}
	a.md += "\n\n" + b.md
	a.shown = append(a.shown, b.shown...)
	a.results += b.results
	a.claims = append(a.claims, b.claims...)
	return a
}

// rectifyOwner says who owes a case's 整改 report: the losing defendant
// (被申请人), its 出庭负责人 and 承办人 as the ledger records them, and,
// when the directory has nobody of that agency, that it has none and whom
// to reach them through. The report is the agency's own (README 一案一整改),
// so a question 我们报还是镇里报 is answered with the defendant, not only
// the deadline.
func (s *service) rectifyOwner(c bot.Context, number string) (string, error) {
	cs, err := s.visible(c.Ctx(), c.Person(), []string{number}, nil)
	if err != nil || len(cs) != 1 {
		return "", err
	}
	k := cs[0]
	if k.Closure == nil || !s.loss.Lost(k) && !cases.Corrected(k) || len(k.Defendants) == 0 {
		return "", nil
	}
	role := "被告"
	if k.Kind == cases.Reconsideration {
		role = "被申请人"
	}
	names := s.scope.Agencies()
	viewer := c.Person()
	who := strings.Join(k.Defendants, "、")
	if viewer != nil && viewer.Agency != "" && slices.ContainsFunc(k.Defendants, func(d string) bool { return names.Same(d, viewer.Agency) }) {
		who += "（贵单位）"
	}
	line := "报送单位：由" + role + " **" + who + "** 报送原因分析和整改措施"
	var ledger []string
	heads := map[string]bool{}
	for _, h := range k.Hearings {
		if h.Head != "" && !heads[h.Head] {
			heads[h.Head] = true
			ledger = append(ledger, "出庭负责人 "+headText(h))
		}
	}
	if k.Handler != "" {
		ledger = append(ledger, "承办人 "+k.Handler)
	}
	if len(ledger) > 0 {
		line += "；台账登记：" + strings.Join(ledger, "、")
	}
	line += "。"
	dir, err := s.st.People(c.Ctx())
	if err != nil {
		return "", err
	}
	var missing []string
	for _, d := range k.Defendants {
		if !slices.ContainsFunc(dir, func(p *people.Person) bool { return names.Same(p.Agency, d) }) {
			missing = append(missing, d)
		}
	}
	if len(missing) > 0 {
		line += "人员名单中未登记" + strings.Join(missing, "、") + "的人员，机器人无法向其发送整改通知和提醒"
		if k.Handler != "" {
			line += "；可请承办人 " + k.Handler + " 转告"
		}
		line += "，或联系管理员补录该单位的负责人、承办人（格式：" + usageAdd + "）。"
	}
	return line, nil
}
