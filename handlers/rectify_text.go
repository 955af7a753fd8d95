package handlers

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/cases"
	"casebot/bot/intent"
	"casebot/bot/people"
	"casebot/bot/store"
)

// The 整改 report told in chat (原因就是当时调查笔录不全…, 原因就是答复超期没
// 说明理由 整改是建信息公开台账到期前三天提醒) by a head or 承办人 who owes it:
// the content of the report, not a question (it was read as a query of
// 败诉原因, or listed the reports owed). It is echoed back as the report's
// parts for the case meant, and filed as the card's 填报原因分析 / 填报整改
// 措施 would file it only on the author's 确认: never a silent change.

// memRectifyCase is the one case the last 整改 answer was about, read
// while that topic lasts (memRectify).
const memRectifyCase = "query.rectify_case"

// rectifyText is a 整改 report's parts waiting for 确认 (pending.Rectify).
type rectifyText struct {
	Number   string `json:"number"`
	Analysis string `json:"analysis,omitempty"`
	Measures string `json:"measures,omitempty"`
}

var (
	// statedAnalysisRe opens the 败诉原因分析 told as a statement: a short
	// lead (85号的, 33号复议那个), the word for the cause and 是/为/：.
	statedAnalysisRe = regexp.MustCompile(`^(.{0,14}?)(?:败诉原因分析|败诉的原因|败诉原因|被纠错原因|纠错原因|被撤的原因|被撤原因|原因分析|存在的问题|原因)(?:主要|其实|当时)?(?:就|主要|应该)?(?:是|为|在于|出在|：|:)\s*`)
	// statedMeasuresRe opens the 整改措施 the same way (整改是…, 措施就是…,
	// 下一步打算…), anywhere in the message.
	statedMeasuresRe = regexp.MustCompile(`(?:整改措施|整改举措|整改方案|整改|改进措施|措施|下一步打算|下一步)(?:主要|打算)?(?:就|主要)?(?:是|为|：|:)\s*`)
	// statedQuestionRe is a question, not a statement (原因是什么, 原因是
	// 啥, 原因是不是证据不足吗).
	statedQuestionRe = regexp.MustCompile(`[?？]|什么|啥|哪|为何|为什么|为啥|怎么|如何|咋|是不是|是否|还是|要不要|用不用|需不需要|需要吗|能不能|可不可以|行不行|对不对|好不好|有没有|算不算|谁|几号|几天|多久|吗\s*$|呢\s*$|么\s*$|不\s*$|没\s*$|没有\s*$|吧\s*$`)
	// statedOtherRe is a cause of something else than the loss: a head's
	// absence (去不了 原因是要开会), a hearing moved.
	statedOtherRe = regexp.MustCompile(`出庭|开庭|到庭|庭审|去不了|来不了|请假|开会|出差|延期|改期|推迟|不能去|没法去|替我|代我`)
	// statedLeadRe is what may stand before the cause word: a case, 那个,
	// 我们的; not a verb of asking (查一下原因是).
	statedLeadRe = regexp.MustCompile(`查|看|问|告诉|说下|说一下|帮我`)
)

// statedReport reads the parts of a 整改 report told in text; ok is false
// when text is no such statement.
func statedReport(text string) (analysis, measures string, ok bool) {
	analysis, measures, _, ok = statedReportAsked(text)
	return analysis, measures, ok
}

// rewordRe is an instruction to the bot that rides on the report's
// content (帮我整理成正式一点的, 润色一下, 写规范点): never part of what is
// filed. formalRe is the piece it makes: an instruction whole.
var (
	rewordRe = regexp.MustCompile(`^(?:你|再|请|麻烦|帮我|帮忙|给我|替我|那)*(?:整理|润色|改写|改|写|弄|整|优化|修饰|加工|提炼)(?:一下|一遍|下|成|得|好)?` +
		`(?:正式|规范|书面|专业|通顺|像样|官方|好看|公文)?(?:一点|一些|点|些)?(?:的)?(?:文字|表述|说法|语言|版本|格式|样子)?(?:吧|哈|呗|啊)?$` +
		`|^(?:再|请|麻烦)?(?:正式|规范|书面|专业|通顺)(?:一点|一些|点|些)(?:的)?(?:吧|哈)?$`)
	// rewordTailRe is the instruction run on at the end of a part without
	// a space (…书面告知帮我整理成正式一点的).
	rewordTailRe = regexp.MustCompile(`(?:帮我|帮忙|麻烦|请你|给我)(?:再)?(?:整理|润色|改写|写成|弄成|改成|规范|优化)[^，,。；;]*$`)
	// rewordSepRe splits the message into the pieces an instruction is one of.
	rewordSepRe = regexp.MustCompile(`[ ，,。；;！!]+`)
)

// withoutReword takes the instructions out of a report's part (以后处罚前
// 一律书面告知 帮我整理成正式一点的 → 以后处罚前一律书面告知); asked is true
// when there was one.
func withoutReword(part string) (string, bool) {
	var keep []string
	asked := false
	if loc := rewordTailRe.FindStringIndex(part); loc != nil && loc[0] > 0 {
		part, asked = part[:loc[0]], true // …书面告知帮我整理成正式一点的
	}
	for _, p := range rewordSepRe.Split(part, -1) {
		if p == "" {
			continue
		}
		if rewordRe.MatchString(p) {
			asked = true
			continue
		}
		keep = append(keep, p)
	}
	return strings.Join(keep, " "), asked
}

// statedReportAsked is statedReport that also reports whether the message
// asked the content put in formal words (帮我整理成正式一点的): the
// instruction is taken out of the parts, never filed as content.
func statedReportAsked(text string) (analysis, measures string, formal, ok bool) {
	t := strings.TrimSpace(intent.Normalize(text))
	if t == "" || statedQuestionRe.MatchString(t) || statedOtherRe.MatchString(t) {
		return "", "", false, false
	}
	body := t
	if m := statedAnalysisRe.FindStringSubmatchIndex(t); m != nil && !statedLeadRe.MatchString(t[m[2]:m[3]]) {
		body = t[m[1]:]
		analysis = body
	}
	if m := statedMeasuresRe.FindStringSubmatchIndex(body); m != nil {
		lead := strings.TrimSpace(body[:m[0]])
		if analysis == "" && utf8.RuneCountInString(lead) > 14 {
			return "", "", false, false // a measure word deep in a message of something else
		}
		if analysis != "" {
			analysis = lead
		}
		measures = strings.TrimSpace(body[m[1]:])
	}
	var fa, fm bool
	analysis, fa = withoutReword(analysis)
	measures, fm = withoutReword(measures)
	formal = fa || fm
	trim := func(s string) string { return strings.Trim(s, " ，,。；;、") }
	analysis, measures = trim(analysis), trim(measures)
	if utf8.RuneCountInString(analysis) < 4 && utf8.RuneCountInString(measures) < 4 {
		return "", "", false, false
	}
	if utf8.RuneCountInString(analysis) < 4 {
		analysis = ""
	}
	if utf8.RuneCountInString(measures) < 4 {
		measures = ""
	}
	return analysis, measures, formal, true
}

// rectifyStated answers a 整改 report told in chat by a head or 承办人 (see
// the top of this file); ok is false when text is no such statement or the
// asker files no report, and the message is then read as any other.
func (s *service) rectifyStated(c bot.Context, text string, prev *lastQuestion) (bool, error) {
	viewer := c.Person()
	if s.reminders == nil || viewer == nil || viewer.Role != people.Head && viewer.Role != people.Handler {
		return false, nil
	}
	analysis, measures, formal, ok := statedReportAsked(text)
	if !ok {
		return false, nil
	}
	open, err := s.reminders.OpenRectifications(c.Ctx(), viewer, c.Now())
	if err != nil {
		return false, err
	}
	owed := func(n string) bool {
		return slices.ContainsFunc(open, func(d store.DueDeadline) bool { return d.Case.Number == n })
	}
	// The case meant: one named; else the case the conversation is about
	// (85号的原因分析我写好了 怎么交 → 原因就是……); else the asker's only
	// report owed. Several owed and none meant: asked which, nothing kept.
	numbers, err := s.rectifyCasesOf(c)
	if err != nil {
		return false, err
	}
	var topic string
	var mark string
	found, err := c.Memory().RecallAll(map[string]any{memRectify: &mark, memRectifyCase: &topic})
	if err != nil {
		return false, err
	}
	if !found[memRectify] || !found[memRectifyCase] {
		topic = "" // the 整改 topic ended (topicEnds): its case with it
	}
	var number string
	switch {
	case len(numbers) == 1:
		number = numbers[0]
	case topic != "" && owed(topic):
		number = topic
	case len(numbers) > 1:
		return true, c.Reply("您说的整改内容是哪个案件的？请一次写一个案件，例如“" + shortNumber(numbers[0]) + "原因是……整改措施是……”。这次没有作任何修改。")
	case prev != nil && len(prev.Shown) == 1 && owed(prev.Shown[0]):
		number = prev.Shown[0]
	case len(open) == 1:
		number = open[0].Case.Number
	}
	if number == "" {
		if len(open) == 0 {
			return false, nil // nothing owed: read as any other message
		}
		var lines []string
		for i, d := range open[:min(len(open), s.pageSize)] {
			lines = append(lines, fmt.Sprintf("%d. **%s** %s", i+1, d.Case.Number, s.parties(viewer, d.Case)))
		}
		if err := s.record(c, audit.Update, "rectify_text", 0, nil, "聊天填报整改内容：未写明案号"); err != nil {
			return true, err
		}
		return true, c.ReplyMarkdown("收到整改报告的内容。您有几件整改报告待报送，这段内容是哪个案件的？请写明案号后重新发送（例如“" +
			shortNumber(open[0].Case.Number) + "原因是……整改措施是……”），这次没有作任何修改：\n\n" + strings.Join(lines, "\n"))
	}
	cs, err := s.visible(c.Ctx(), viewer, []string{number}, nil)
	if err != nil || len(cs) == 0 {
		return false, err
	}
	k := cs[0]
	if !owed(k.Number) {
		if k.Closure == nil || !s.loss.Lost(k) && !cases.Corrected(k) {
			return false, nil // 原因就是… of a case not lost: no report, read as any other message
		}
		why := "该案的整改报告目前不在待报送状态（整改要求尚未发出，或已报送、已审核）"
		if !s.reminders.CanFileRectify(viewer, k) {
			why = "整改报告由被告（被申请人）单位的负责人或承办人报送"
		}
		if err := focusOn(c, k.Number); err != nil {
			return true, err
		}
		return true, c.ReplyMarkdown(fmt.Sprintf("收到。您说的是 **%s** 的整改内容，但%s，这次没有作任何修改。\n%s",
			k.Number, why, statedEcho(analysis, measures)))
	}
	lead := ""
	if formal {
		// 帮我整理成正式一点的: the parts in a report's formal frame, the
		// facts and measures as the author told them; no rewording of them
		// is made up (no model is used for it).
		analysis, measures = formalAnalysis(analysis, k), formalMeasures(measures)
		lead = "已按整改报告的书面格式整理：只补了公文的起承语句，原因和措施仍是您的原话；措辞还要调整，请在确认前直接发来改好的文字。\n\n"
	}
	lines := []string{lead + "**请核对整改报告内容**", "> 案号：" + k.Number}
	lines = append(lines, strings.Split(statedEcho(analysis, measures), "\n")...)
	lines = append(lines, "确认后作为本案整改报告填报（与点整改通知卡片上的“填报原因分析”“填报整改措施”相同），两部分都填好即报送司法局审核。")
	switch {
	case measures == "":
		lines = append(lines, "（还缺整改措施：确认后请再发“整改措施是……”）")
	case analysis == "":
		lines = append(lines, "（还缺败诉原因分析：确认后请再发“原因是……”）")
	}
	if err := focusOn(c, k.Number); err != nil {
		return true, err
	}
	return true, s.propose(c, &pending{Summary: strings.Join(lines, "\n"), Rectify: &rectifyText{Number: k.Number, Analysis: analysis, Measures: measures}})
}

// statedEcho quotes the parts read, one line each.
func statedEcho(analysis, measures string) string {
	var lines []string
	if analysis != "" {
		lines = append(lines, "> 败诉原因分析："+analysis)
	}
	if measures != "" {
		lines = append(lines, "> 整改措施："+measures)
	}
	return strings.Join(lines, "\n")
}

// applyRectify files a confirmed rectifyText.
func (s *service) applyRectify(c bot.Context, p *pending) error {
	r := p.Rectify
	if s.reminders == nil {
		return c.Reply("提醒服务未启用，无法填报整改报告，请发送“上传整改报告”上传，或联系司法局应诉专班。")
	}
	reply, err := s.reminders.FileText(c.Ctx(), c.Person(), r.Number, r.Analysis, r.Measures, c.Now())
	if err != nil {
		return err
	}
	if err := s.record(c, audit.Update, "rectify_text", 1, []string{r.Number}, "聊天填报整改内容："+truncateRunes(reply, 60)); err != nil {
		return err
	}
	return c.Reply(reply)
}

func truncateRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// formalAnalysis puts the 败诉原因分析 told in chat in a report's words,
// with the court's finding the ledger records when it says more; "" stays.
func formalAnalysis(analysis string, k *cases.Case) string {
	if analysis == "" {
		return ""
	}
	md := "经分析，本案败诉的主要原因是：" + strings.TrimRight(analysis, "。.") + "。"
	if k.Closure != nil {
		if r := strings.TrimSpace(k.Closure.Reason); r != "" && r != analysis {
			md += "（台账登记的败诉原因：" + strings.TrimRight(r, "。.") + "。）"
		}
	}
	return md
}

// formalMeasures puts the 整改措施 told in chat in a report's words.
func formalMeasures(measures string) string {
	if measures == "" {
		return ""
	}
	return "针对上述问题，本单位将采取以下整改措施：" + strings.TrimRight(measures, "。.") + "。"
}
