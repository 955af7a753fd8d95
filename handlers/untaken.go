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

// A statement from the field that no action recognizer took (47号答复下午
// 三点交到复议科了 before its wording was read, 立案庭说又来了个新案子 先记一
// 下, 麻烦给何县长也推一下) must not be answered as the query its words
// happen to fit: a card or a list reads as "understood" and, to a head,
// as "registered". From a head or a handler it is acknowledged, relayed
// word for word to the 专班 (with the case when one is named or in focus)
// and the ledger is said to be unchanged; from the 专班 themselves it is
// said not to have been read as a change, with the command that makes
// one. Nothing here writes to the ledger.

// queryKinds are the readings a statement falls back to when no action
// took it: a lookup, a list, a count, or nothing understood.
var queryKinds = []intent.Kind{intent.Case, intent.Cases, intent.Count, intent.Hearings, intent.Rates, intent.Deadlines,
	intent.People, intent.Files, intent.Scope, intent.Unknown}

// untakenStatement answers text when it tells or asks to record something
// and the rules read it only as a query (said, with words left unread)
// or not at all. done is false for anything else: a question, a message
// fully read, one outside the work (我今天请假了), a stranger's.
func (s *service) untakenStatement(c bot.Context, text string, said, u intent.Understanding, prev *lastQuestion) (bool, error) {
	viewer := c.Person()
	if viewer == nil || viewer.Role == "" || viewer.Role == people.Pufa || !slices.Contains(queryKinds, said.Kind) {
		return false, nil
	}
	if len(said.Residue) == 0 && said.Kind != intent.Scope && said.Kind != intent.Unknown {
		return false, nil // every word placed: the query is what was meant
	}
	if ownAnswer(said.NotHeld) || ownAnswer(u.NotHeld) || said.Follow || u.Follow || toldMeRe.MatchString(intent.Normalize(text)) {
		return false, nil // 还没收到出庭通知书, 判了通知我: answered by the notice's rule, or what is sent anyway
	}
	if !intent.Statement(text) || asksOfPeople(text) {
		// 133号答辩逾期了的事情 给我列一下负责人电话: the overdue told is the
		// ground of a question about people, which the query and its acts answer.
		return false, nil
	}
	anchored := hasRef(said) || said.Party != "" || said.Person != "" || len(said.Agencies) > 0
	if !anchored && !intent.DomainWords(text) && !intent.StatementRequest(text) {
		return false, nil // 我今天请假了: nothing of the work
	}
	k, err := s.statementCase(c, said, prev)
	if err != nil {
		return true, err
	}
	if viewer.Bureau() {
		return true, s.staffStatement(c, text, k, s.statementChoices(c, said, k))
	}
	return true, s.relayStatement(c, text, said, k)
}

// asksOfPeople reports whether text asks after people of a case (a phone,
// who tells them, whether the directory reaches them): acts the query's
// reply answers, never a change to the ledger.
func asksOfPeople(text string) bool {
	return slices.ContainsFunc(messageActs(text), func(x act) bool {
		return x.kind == actContact || x.kind == actNotify || x.kind == actDirectory
	})
}

// statementCase is the one case a statement is about: the one it names
// (in the teller's scope), else the one in focus when it names nothing of
// its own; nil when neither is one case.
func (s *service) statementCase(c bot.Context, said intent.Understanding, prev *lastQuestion) (*cases.Case, error) {
	var numbers []string
	switch {
	case hasRef(said):
		ns, err := s.caseRefs(c.Ctx(), c.Person(), said, c.Now())
		if err != nil {
			return nil, err
		}
		numbers = ns
	case said.Party != "":
		ns, err := s.st.PartyNumbers(c.Ctx(), said.Party)
		if err != nil {
			return nil, err
		}
		numbers = ns // 原告那边刚才又打电话来了 marks no party of the ledger: none
	}
	if len(numbers) == 0 && !hasRef(said) && len(said.Agencies) == 0 && prev != nil && len(prev.Shown) == 1 &&
		(said.Period.IsZero() || isToday(said.Period, c.Now(), c.Location())) {
		// 刚才又打电话来了 is of the case in focus; 昨天的庭没人去 of a day, not it.
		numbers = prev.Shown
	}
	if len(numbers) == 0 {
		return nil, nil
	}
	found, err := s.visible(c.Ctx(), c.Person(), numbers, nil)
	if err != nil || len(found) != 1 {
		return nil, err
	}
	return found[0], nil
}

// statementChoices are the cases a statement's number may mean when it is
// not one (88号: 行初88号 and 行申88号), for the reply to name.
func (s *service) statementChoices(c bot.Context, said intent.Understanding, k *cases.Case) []string {
	if k != nil || !hasRef(said) {
		return nil
	}
	ns, err := s.caseRefs(c.Ctx(), c.Person(), said, c.Now())
	if err != nil {
		return nil // only a note: the reply stands without it
	}
	found, err := s.visible(c.Ctx(), c.Person(), ns, nil)
	if err != nil {
		return nil
	}
	var out []string
	for _, f := range found {
		out = append(out, f.Number)
	}
	return out
}

// relayStatement relays a head's or handler's statement to the 专班, and,
// when it asks for someone in the directory to be told of the case just
// relayed (麻烦给何县长也推一下), tells them what was relayed.
func (s *service) relayStatement(c bot.Context, text string, said intent.Understanding, k *cases.Case) error {
	viewer := c.Person()
	var prior forwarded
	hadPrior, err := c.Memory().Recall(memForwarded, &prior)
	if err != nil {
		return err
	}
	// Who is to be told: the one the request clause names (帮我跟刘洋说一下
	// 明天的庭孙局可能晚点到 is for 刘洋, not 孙局).
	target := ""
	if clause := requestClauseRe.FindString(intent.Normalize(text)); clause != "" {
		cu, err := intent.Understand(clause, s.options(c, viewer))
		if err != nil {
			return err
		}
		target = cu.Person
		if target == "" {
			// 刘洋 is no name of the ledger the lexicon knows: the directory's.
			all, err := s.st.People(c.Ctx())
			if err != nil {
				return err
			}
			for _, p := range all {
				if utf8.RuneCountInString(p.Name) >= 2 && strings.Contains(clause, p.Name) {
					target = p.Name
					break
				}
			}
		}
	}
	var told *people.Person
	if target != "" {
		if told, err = s.personNamed(c, target); err != nil {
			return err
		}
	}
	var fw strings.Builder
	if k != nil {
		s.reportHead(&fw, c, "【现场消息】", "", &store.ScheduledHearing{Case: k})
	} else {
		who := viewer.Name
		if viewer.Post != "" {
			who += viewer.Post
		}
		if viewer.Agency != "" {
			who += "（" + viewer.Agency + "）"
		}
		fmt.Fprintf(&fw, "【现场消息】%s 报：“%s”", who, strings.TrimSpace(text))
	}
	if target != "" {
		fmt.Fprintf(&fw, "\n请求通知：%s", target)
	}
	fw.WriteString("\n机器人未能将这条消息识别为可直接登记的修改，台账未作改动，请专班核实处理。")
	sent, err := s.sendStaff(c, fw.String(), nil)
	if err != nil {
		return err
	}
	var b strings.Builder
	b.WriteString("收到。")
	if k != nil {
		fmt.Fprintf(&b, "您说的是 **%s**（%s）。", k.Number, s.parties(viewer, k))
	}
	// What the person named is sent: the message itself when it carries
	// its own news (跟刘洋说一下 明天的庭孙局可能晚点到), else what this teller
	// relayed just before (the news of the case): never a summary the bot
	// made up. The 专班 themselves were told already.
	direct := false
	content := ""
	if ownContent(text) {
		content = strings.TrimSpace(text)
	} else if hadPrior && prior.Said != "" && k != nil {
		content = prior.Said
	}
	switch {
	case told != nil && told.Bureau() && sent:
		direct = true
		fmt.Fprintf(&b, "已把您的消息转给%s及专班其他同事。", personLabel(told))
	case told != nil && told.UserID != c.UserID() && content != "":
		msg := fmt.Sprintf("%s请我转告您：“%s”", viewer.Name, content)
		if k != nil && s.scope.CanSee(told, k) {
			msg += fmt.Sprintf("（案件：%s %s）", k.Number, s.parties(told, k)) // as the one told may see it
		}
		msg += "。该消息已转告司法局应诉专班，台账以专班核实登记为准。"
		if _, err := c.Send(bot.Text(msg, told.UserID)); err != nil {
			return err
		}
		direct = true
		if content == prior.Said && content != strings.TrimSpace(text) {
			fmt.Fprintf(&b, "已把您刚才报的“%s”发给%s。", content, personLabel(told))
		} else {
			fmt.Fprintf(&b, "已把您的消息发给%s。", personLabel(told))
		}
	}
	switch {
	case direct && told.Bureau():
		b.WriteString("这条消息我没能识别为可以直接登记的修改，由专班核实处理。")
	case sent && target != "" && !direct:
		fmt.Fprintf(&b, "我不能直接通知%s，已把您的消息原文转告司法局应诉专班，请专班通知。", s.shownName(viewer, target))
	case sent:
		b.WriteString("这条消息我没能识别为可以直接登记的修改，已原文转告司法局应诉专班，由专班核实处理。")
	default:
		b.WriteString("这条消息我没能识别为可以直接登记的修改；系统中没有登记应诉专班，未能转告，请直接电话联系司法局应诉专班。")
	}
	b.WriteString("台账未作修改。")
	if k != nil {
		if err := focusOn(c, k.Number); err != nil {
			return err
		}
	}
	var shown []string
	if k != nil {
		shown = []string{k.Number}
	}
	detail := "转告专班：未识别的现场消息"
	if direct {
		detail += "；已转告" + told.Name
	}
	if err := s.record(c, audit.Update, string(intent.News), len(shown), shown, detail); err != nil {
		return err
	}
	return c.ReplyMarkdown(b.String())
}

// requestClauseRe is the asking-to-tell part of a message (麻烦也给何县长推
// 一下, 帮我跟刘洋说一声, 告诉孙局一声), cut to see what news is left.
var requestClauseRe = regexp.MustCompile(`(?:好的|好|麻烦|帮我|帮忙|请|你|也|再)*(?:给|跟|和|向)?\p{Han}{1,4}?(?:也)?(?:推一下|推送一下|推下|推送|说一下|说一声|讲一声|讲一下|转告一下|转告|转一下|提醒一下)|` +
	`(?:好的|好|麻烦|帮我|帮忙|请|你|也|再)*(?:告诉|通知|转告)(?:一下)?\p{Han}{1,4}?(?:一声|一下)|` +
	// 帮我提醒下李文, 催一下孙局: a reminder asked, the verb first.
	`(?:好的|好|麻烦|帮我|帮忙|请|你|也|再)*(?:提醒一下|提醒下|提醒|催一下|催下|催促|催|通知一下|通知下)\p{Han}{1,4}`)

// ownContent reports whether a request to tell someone carries news of
// its own (帮我跟刘洋说一下 明天的庭孙局可能晚点到), beyond the request and a
// remark (他那天原本要下乡) that is no news for them.
func ownContent(text string) bool {
	t := intent.Normalize(text)
	rest := requestClauseRe.ReplaceAllString(t, " ")
	n := 0
	for _, cl := range clausesOf(rest) {
		if utf8.RuneCountInString(cl) >= 6 && !strings.HasPrefix(cl, "他") && !strings.HasPrefix(cl, "她") {
			n += utf8.RuneCountInString(cl)
		}
	}
	return n >= 6
}

// personNamed is the directory's entry of the one person of that name, nil
// when there is none or several.
func (s *service) personNamed(c bot.Context, name string) (*people.Person, error) {
	all, err := s.st.People(c.Ctx())
	if err != nil {
		return nil, err
	}
	var hit *people.Person
	for _, p := range all {
		if p.Name == name && p.UserID != "" {
			if hit != nil {
				return nil, nil
			}
			hit = p
		}
	}
	return hit, nil
}

// personLabel is a name with the post (何平（县长）).
func personLabel(p *people.Person) string {
	if p.Post != "" {
		return p.Name + "（" + p.Post + "）"
	}
	return p.Name
}

// staffStatement answers a 专班 member's statement no command took: it
// was not read as a change, nothing was changed, and the command that
// makes the change it seems to be about.
func (s *service) staffStatement(c bot.Context, text string, k *cases.Case, choices []string) error {
	ref := "案号"
	if k != nil {
		ref = shortNumber(k.Number)
	}
	var b strings.Builder
	b.WriteString("这条消息我没能理解为对台账的修改，台账未作任何修改。")
	if k != nil {
		fmt.Fprintf(&b, "（您说的应是 **%s**。）", k.Number)
	} else if len(choices) > 1 {
		fmt.Fprintf(&b, "（您说的案号对应 %s，请写明是哪一个。）", strings.Join(shortNumbers(choices), "、"))
	}
	b.WriteString("\n\n" + changeCommands(intent.Normalize(text), ref, c.Now().Year()))
	if k != nil {
		// What is registered now, so a check (117号下周开庭了) is answered
		// too and a change can be compared with it.
		card, err := s.caseAnswer(c, intent.Understanding{Kind: intent.Case, Numbers: []string{k.Number}, Anchored: true})
		if err != nil {
			return err
		}
		if card.md != "" {
			b.WriteString("\n\n该案目前登记的情况：\n\n" + card.md)
		}
	}
	if err := s.record(c, audit.Update, string(intent.Unknown), 0, nil, "未识别为修改"); err != nil {
		return err
	}
	if k != nil {
		if err := focusOn(c, k.Number); err != nil {
			return err
		}
	}
	return c.ReplyMarkdown(b.String())
}

// ownAnswer reports whether a topic the ledger does not hold has an
// answer of its own that a statement of it needs (the notice to appear and
// its rule, the other side's attendance beside our own); the others (书记员
// 说…, 法院要我们补材料) are relayed like any statement.
func ownAnswer(notHeld string) bool {
	return notHeld == "court-notice" || notHeld == "plaintiff-appearance"
}

// toldMeRe asks the bot to tell the teller later (判了通知我, 记得告诉我):
// a follow request, answered by followNote, not a relay.
var toldMeRe = regexp.MustCompile(`(?:通知|告诉|提醒|说一声)(?:一下)?我|跟我说|和我说|给我说`)

// newCaseRe is a case not yet in the ledger told (新案子, 新收了一件, 刚立案).
var newCaseRe = regexp.MustCompile(`新案|新收|新来|又来了|刚立案|立案庭|起诉状副本|案号还没|没有案号|还没案号`)

// changeCommands is the command (or the way) to make the change a message
// seems to be about, ref the case as it is to be typed.
func changeCommands(t, ref string, year int) string {
	var lines []string
	if newCaseRe.MatchString(t) {
		lines = append(lines, "**新收案件**：台账按案号登记。案号出来后，请发送“写入台账”打开上传页面，按台账模板新增一行（原告、被告、案由、收到起诉状副本日期等）。"+
			"答辩举证期限自收到起诉状副本之日起 15 日（行政诉讼法第六十七条），登记了收到日期，系统就会按期提醒。")
	}
	if strings.Contains(t, "庭") && containsAnyOf(t, "改", "推迟", "取消", "延期", "定了", "排了") {
		lines = append(lines, fmt.Sprintf("**开庭**：开庭 %s %d-12-03 09:30 第三法庭；改期 %s 新时间", ref, year, ref))
	}
	if containsAnyOf(t, "出庭", "到庭", "没来", "来了", "没去", "去了", "领导") && !newCaseRe.MatchString(t) {
		lines = append(lines, fmt.Sprintf("**负责人是否出庭**：出庭 %s 是（或 否）", ref))
	}
	if containsAnyOf(t, "判", "裁定", "结案", "撤诉", "宣判", "驳回", "维持", "撤销") {
		lines = append(lines, fmt.Sprintf("**结案**：结案 %s 结案日期 结案方式（例如“结案 %s %d-12-01 判决撤销”）", ref, ref, year))
	}
	if containsAnyOf(t, "答辩", "答复", "举证", "交了", "提交", "送到", "交到", "寄") {
		switch {
		case strings.HasPrefix(ref, "复"):
			lines = append(lines, fmt.Sprintf("**复议答复已提交**：%s答复已提交", ref))
		case strings.HasPrefix(ref, "行"):
			lines = append(lines, fmt.Sprintf("**答辩状已提交**：%s答辩状已提交", ref))
		default:
			lines = append(lines, fmt.Sprintf("**答辩、答复已提交**：%s答复已提交（或 %s答辩状已提交）", ref, ref))
		}
	}
	if len(lines) == 0 {
		lines = append(lines, fmt.Sprintf("**常用修改**：开庭 %s 时间 地点；改期 %s 新时间；出庭 %s 是（或 否）；结案 %s 日期 结案方式；%s答复已提交", ref, ref, ref, ref, ref))
	}
	return "如需登记，可以这样发（发出后回复“确认”）：\n> " + strings.Join(lines, "\n> ")
}

// notUnderstood answers a message the rules could not read: when it is
// of the work (那还要不要写情况说明), that the question was not understood,
// what the bot can do on its topic, and that the 专班 can be asked; the
// scope line only for what is outside the work (天气, 请假).
func (s *service) notUnderstood(c bot.Context, u intent.Understanding) (answer, error) {
	text := c.Message().Text
	viewer := c.Person()
	if viewer == nil || viewer.Role == "" || !intent.DomainWords(text) {
		return answer{md: s.scopeText(c, u), outcome: audit.NotKnown, noEcho: true}, nil
	}
	t := intent.Normalize(text)
	var b strings.Builder
	b.WriteString("抱歉，这个问题我没能看懂，台账里也查不到现成的答案。")
	switch {
	case containsAnyOf(t, "整改", "原因分析", "整改措施"):
		b.WriteString("关于整改报告，我能告诉您的是：\n\n" + s.rectifyHow(viewer))
	case containsAnyOf(t, "情况说明", "书面说明", "不出庭说明", "不能出庭", "去不了", "出庭"):
		b.WriteString("关于负责人出庭，规则是：" + appearRule)
	case containsAnyOf(t, "以案说法", "草稿", "稿子"):
		b.WriteString("以案说法可以这样说：“帮我写一篇以案说法 就用行初85号”，写好后按“改短一点”“标题换一个”等修改。")
	default:
		ex := examples(viewer)
		b.WriteString("我可以查台账里的案件、开庭、期限、统计和通报，例如“" + ex[0] + "”“" + ex[min(len(ex)-1, 3)] + "”。")
	}
	if !viewer.Bureau() {
		b.WriteString("\n\n如需司法局应诉专班答复，请回复“转给专班”，我把您的原话转过去。")
		if err := offerRelay(c, text); err != nil {
			return answer{}, err
		}
	}
	b.WriteString("\n\n回复“帮助”查看全部用法。")
	return answer{md: b.String(), outcome: audit.NotKnown, noEcho: true}, nil
}

// appearRule is who counts as the 负责人 appearing and when a written
// explanation is owed (法释〔2020〕3号第2条、第8–10条).
const appearRule = "按法释〔2020〕3号第2条，出庭应诉的负责人包括行政机关的正职、副职和参与分管被诉行为的负责人，由其中任何一位出庭的，都属于负责人出庭，" +
	"不需要提交负责人不能出庭的情况说明；更换出庭负责人的，开庭前向法院提交新出庭负责人的身份证明（写明姓名、职务，加盖公章）。" +
	"负责人都不能出庭的，须有正当理由（不可抗力、意外事件、需本人处理的公务等），向法院提交加盖公章的书面说明，并由相应的工作人员出庭（第8–10条）。"

// memUnanswered names, in the conversation memory, the last question of a
// head or handler the bot could not answer: “转给专班” next relays it.
const memUnanswered = "query.unanswered"

// offerRelay keeps text as the question “转给专班” next passes on to the
// 专班; the 专班's own questions are not kept (they are the 专班).
func offerRelay(c bot.Context, text string) error {
	if c.Person().Bureau() {
		return nil
	}
	return c.Memory().Remember(memUnanswered, strings.TrimSpace(text))
}

// relayAskRe is a request to pass the question just unanswered on to the
// 专班 (转给专班, 帮我转一下, 好的 问下专班).
var relayAskRe = regexp.MustCompile(`^(?:好的?|行|可以|嗯|那)?\s*(?:麻烦|请|帮我|帮忙|你)?\s*(?:转给专班|转专班|转一下专班|转给司法局|转一下|转过去|问一下专班|问问专班|问下专班|帮我问问|帮我转)(?:吧|一下|吧谢谢|谢谢)?[。！!]?$`)

// relayUnanswered relays to the 专班 the question the bot offered to pass
// on; false when the message is no such request or nothing waits.
func (s *service) relayUnanswered(c bot.Context, text string) (bool, error) {
	viewer := c.Person()
	if viewer == nil || viewer.Role == "" || viewer.Bureau() || !relayAskRe.MatchString(strings.TrimSpace(intent.Normalize(text))) {
		return false, nil
	}
	var q string
	found, err := c.Memory().Recall(memUnanswered, &q)
	if err != nil {
		return false, err
	}
	if !found || q == "" {
		// Nothing offered to pass on (the offer expired, or the answer
		// before was no “不能回答”): relaying the words 转给专班 themselves
		// would tell the 专班 nothing.
		return true, c.Reply("好的。请把要转给应诉专班的问题或情况直接发给我，说明是哪个案件，我把原话转过去。")
	}
	if err := c.Memory().Forget(memUnanswered); err != nil {
		return true, err
	}
	who := viewer.Name
	if viewer.Post != "" {
		who += viewer.Post
	}
	if viewer.Agency != "" {
		who += "（" + viewer.Agency + "）"
	}
	sent, err := s.sendStaff(c, fmt.Sprintf("【待答复问题】%s 问：“%s”\n机器人未能回答，请专班直接答复。", who, q), nil)
	if err != nil {
		return true, err
	}
	md := fmt.Sprintf("好的，已把您的问题“%s”转给司法局应诉专班，请留意专班的答复。", q)
	if !sent {
		md = "系统中没有登记应诉专班，未能转告，请直接电话联系司法局应诉专班。"
	}
	if err := s.record(c, audit.Update, "relay", 0, nil, "转告专班：待答复问题"); err != nil {
		return true, err
	}
	return true, c.Reply(md)
}

// askedResidue is the part of text that asks or requests something the
// answer could not use (直接发你这里行吗, 我这边还要签字吗): the clauses
// holding a residue word that is a question or a request, not a filter
// (元旦后, 工伤) the answer could not apply. "" when there is none.
func askedResidue(text string, residue []string) string {
	t := intent.Normalize(text)
	var asked []string
	for _, r := range residue {
		if utf8.RuneCountInString(r) < 2 {
			continue
		}
		for _, cl := range clausesOf(t) {
			// 85号那个判决 我们还用不用开会研究: the word (研究) is no ask, its
			// clause is; 年前还有庭不 asks with a filter word, and keeps it.
			if strings.Contains(cl, r) && (residueAskRe.MatchString(r) || modalAskRe.MatchString(cl)) && !answeredAskRe.MatchString(cl) {
				if q := askPart(cl); !slices.Contains(asked, q) {
					asked = append(asked, q)
				}
			}
		}
	}
	if len(asked) == 0 || !questionOrRequest(t) {
		return ""
	}
	return strings.Join(asked, " ")
}

// residueAskRe is a leftover word that asks or requests rather than
// filters: a modal, the bot addressed, work said as done or to do.
var residueAskRe = regexp.MustCompile(`行$|能$|可以$|要不要|需要|用不用|该不该|还要|是不是|发你|给你|你那|你这|写好|填好|弄好|做好|发给|签字|怎么办|咋办`)

// answeredAskRe is a clause whose question the answer's list or card is
// (几点开, 搞得怎么样了, 有哪些可以写, 多了还是少了): never said to be left open.
var answeredAskRe = regexp.MustCompile(`怎么样|咋样|几点|什么时候|啥时候|哪天|哪些|哪几|多少|几个|几件|几场|多了还是少|进展`)

// askPart is the asking part of a clause: all of a short one, else from
// a few characters before its first ask (…原因分析让周洁写就行了吧我这边还要
// 签字吗 → 我这边还要签字吗), so the reply quotes the question, not the
// whole message typed without a pause.
func askPart(cl string) string {
	rs := []rune(cl)
	if len(rs) <= 16 {
		return cl
	}
	loc := modalAskRe.FindStringIndex(cl)
	if loc == nil {
		loc = residueAskRe.FindStringIndex(cl)
	}
	if loc == nil {
		return cl
	}
	start := max(utf8.RuneCountInString(cl[:loc[0]])-3, 0)
	if i := strings.LastIndex(cl[:loc[0]], "还是"); i >= 0 {
		// 要带什么材料过去还是直接交电子版就行: the alternative asked is
		// quoted whole (还是直接交电子版就行), not cut inside a word (子版就行).
		start = utf8.RuneCountInString(cl[:i])
	}
	return string(rs[start:])
}

// modalAskRe is a clause asking whether something is to be done or may
// be (还用不用开会研究, 要我签字吗), not which cases or when.
var modalAskRe = regexp.MustCompile(`要不要|用不用|需不需要|能不能|可不可以|行不行|该不该|应不应该|还要|还用|还得|可以吗|可以不|行吗|要吗|能吗|得吗|签字`)

// questionOrRequest reports whether t asks (a question form) or requests.
func questionOrRequest(t string) bool {
	return !intent.Statement(t) && askFormRe.MatchString(t) || intent.StatementRequest(t)
}

// asksOnly reports whether text asks and does not tell: a question form
// and no request to record or pass anything on. Such a message is never
// taken as a change to the ledger or a report from the field.
func asksOnly(text string) bool {
	t := intent.Normalize(text)
	// 让周洁替我去行不, 王芳代我去可以吗: asking leave is proposing.
	t = permissionTagRe.ReplaceAllString(t, "")
	t = intent.CutChangeAsk(t) // 是赵副局长代的 要改吗: a stand-in reported, the change proposed
	return askFormRe.MatchString(t) && !intent.Statement(t) && !intent.StatementRequest(t)
}

// permissionTagRe is a request's asking leave (行不, 可以吗), after it.
var permissionTagRe = regexp.MustCompile(`(?:行不行|行不|行吗|行么|可以吗|可以不|可以么|可不可以|好吗|好不好|成不|中不|可否)[。？?！!]*$`)

var askFormRe = regexp.MustCompile(`[吗嘛呢？?]|么$|什么|怎么|多少|哪|谁|啥|咋|如何|是不是|要不要|需不需要|用不用|能不能|可不可以|行不行|是否|还是|了没|没有?$|行不$|可以不`)

// clausesOf splits t at spaces and punctuation.
func clausesOf(t string) []string {
	return strings.FieldsFunc(t, func(r rune) bool { return strings.ContainsRune(" \t\n，,。；;！!？?、", r) })
}

// askedLead heads an answer that left a question or a request of the
// message unanswered (askedResidue): that part said as not answered, and,
// to a head or a handler, the offer to pass it to the 专班.
func (s *service) askedLead(c bot.Context, asked string, u intent.Understanding, a answer) string {
	what := "以下是查到的相关情况"
	if u.Kind == intent.Case && len(a.shown) == 1 {
		what = "以下是该案登记的情况"
	} else if echo := u.Echo(func(p string) string { return s.shownName(c.Person(), p) }); echo != "" {
		what = "以下是按“" + echo + "”查到的情况"
	}
	lead := "“" + asked + "”这一问我还不能从台账回答；" + what + "："
	if v := c.Person(); v != nil && v.Role != "" && !v.Bureau() {
		if err := offerRelay(c, c.Message().Text); err == nil {
			lead = "“" + asked + "”这一问我还不能从台账回答，需要的话回复“转给专班”，我把原话转给司法局应诉专班答复；" + what + "："
		}
	}
	return lead + "\n\n"
}

// bareList reports whether u is a list or count narrowed by nothing but
// whose cases they are (我的案件, 我们局的案子): with a question left
// unread, such a list is no part of an answer.
func bareList(u intent.Understanding) bool {
	return (u.Kind == intent.Cases || u.Kind == intent.Count) && !hasRef(u) && u.Party == "" && u.Person == "" &&
		len(u.Agencies) == 0 && u.Period.IsZero() && u.Cause == "" && u.Stage == "" && u.CaseKind == "" && u.Metric == ""
}
