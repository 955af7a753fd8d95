package handlers

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/cases"
	"casebot/bot/deadline"
	"casebot/bot/intent"
	"casebot/bot/people"
	"casebot/bot/workcal"
)

// A message asks one or more things (its acts: 孙局能去吗, 能不能晚点交,
// 说理由没有, 跟市监局那个是一个人吗), and the reply built from its words may
// answer a neighbouring question instead: the case's card, a list, a
// deadline, a how-to. A card that only names the head does not say whether
// he can go; a deadline does not say whether it can be extended. Every act
// the reply leaves unanswered gets one honest line here, naming it with
// what the ledger does hold of it and where to turn (the 专班); nothing the
// ledger does not hold (a phone, a reason, a confirmation) is ever stated.

// actKind is what an act asks, as far as the reply's coverage is concerned.
type actKind int

const (
	actConfirm   actKind = iota + 1 // 孙局能去吗: whether someone will appear
	actExtension                    // 能不能晚点交: a later date for something owed
	actReason                       // 说理由没有: the reason someone gave
	actSame                         // 跟市监局那个是一个人吗: two names, one person?
	actContact                      // 赵磊电话谁有: a phone or contact
	actNotify                       // 谁去通知: who tells someone
	actWhy                          // 怎么还报我未确认: why something is so
	actSkip                         // 明天的庭我能不去吗: may the head not appear
	actDirectory                    // 通讯录里有他们的人没: whether the agency's people can be reached
	actInTime                       // 周一交来得及吗: whether a day is within a deadline
	actTogether                     // 检察建议也一起回吗: whether a suggestion's reply goes with the report
)

// act is one question or request clause of a message and what it asks.
type act struct {
	text string
	kind actKind
}

var (
	actDirectoryRe = regexp.MustCompile(`(?:通讯录|名单|系统)里?(?:面)?(?:有|有没有)(?:他们|她们|他|她|对方|那边|该局|该单位|[^，, ]{0,6}?)(?:的)?人|(?:能|会)收到(?:提醒|通知)|(?:提醒|通知)(?:能|会)?(?:发到|收到)` +
		// 推给谁了, 提醒发给谁了, 通知到谁了: who the reminders reach.
		`|(?:推|推送|发|提醒|通知)(?:给|到)?了?谁|(?:提醒|通知|卡片)(?:发|推|推送)?(?:给|到)了?谁`)
	actSameRe     = regexp.MustCompile(`同一个?人|是一个人|一个人吗|一个人不|是不是一个|同一位|同一个李|同名|重名`)
	actContactRe  = regexp.MustCompile(`电话|手机|联系方式|座机`)
	actNotifyRe   = regexp.MustCompile(`谁(?:去|来|负责|能|会|给|跟|帮)?(?:通知|联系|告诉|转告|说一声|讲一声|催|对接)|(?:通知|联系|告诉)(?:谁|哪个|哪位)|由谁(?:通知|联系)`)
	actExtendRe   = regexp.MustCompile(`晚(?:点|一点|些|几天|两天|一两天|一周)|延期|宽限|缓(?:几天|一下|两天|一缓)|推迟(?:交|报|提交|报送)|延后|往后(?:推|延|拖)|延长(?:期限|几天|时间)?|延(?:到|至|一延|一下)|(?:能不能|能否|可不可以|可以|可否)(?:再)?延`)
	actConfirmRe  = regexp.MustCompile(`(?:能|会|可以|来得及)(?:去|来|出庭|到场|到庭)(?:吗|不|么|嘛|了吗)|能不能(?:去|来|出庭|到)|会不会(?:去|来|出庭)|去不去|来不来|去得了|来得了|能否(?:出庭|到庭|参加)|能出庭不|确定(?:能)?(?:去|来)(?:吗|了没)`)
	actReasonRe   = regexp.MustCompile(`(?:理由|原因)(?:没有?|吗|呢|是什么|是啥|有没有|有吗)|(?:说|讲|给|交|报|写)(?:了|过|没)?(?:理由|原因|情况说明)|(?:为什么|为啥|咋|怎么)没(?:去|来|出庭|到庭|到场)`)
	actWhyRe      = regexp.MustCompile(`为什么|为啥|凭什么|为何|干嘛要|怎么(?:还|又|要|会|就|是|让)|咋(?:还|又|要|会|就)`)
	actHowRe      = regexp.MustCompile(`怎么要求|怎么要交|怎么还款|怎么就是|怎么还没|咋还没|怎么还不|咋还不`) // how, or a state asked (88号怎么还没判), not why
	actSkipRe     = regexp.MustCompile(`能不去|可以不去|不去行不行|不去可以|不去行吗|能不能不去|可不可以不去|能不出庭|可以不出庭|不出庭行吗|不出庭可以|能不能不出庭|不用去吧|不去也行吧`)
	actInTimeRe   = regexp.MustCompile(`来得及|来不来得及|赶得上|赶得及|赶不赶得上|不晚吧|晚不晚|晚了吗|算不算逾期|算逾期吗|会不会逾期|超期了?吗|超没超期|过没过期|还在期限内吗|在不在期限内`)
	actTogetherRe = regexp.MustCompile(`(?:司法建议|检察建议|建议)[^，, ]{0,6}?(?:也|都)?(?:一起|一并|同时|顺便|合在一起|放一起)(?:回|回复|报|报送|交|答复|写)`)
	// actAbsentRe is the absence a reason is asked of (郑伟没去 说理由没有).
	actAbsentRe = regexp.MustCompile(`没去|没来|没到|未出庭|不出庭|没出庭|缺席|不去|不来|去不了|来不了`)
	// actOwedRe is something owed a later date may be asked for.
	actOwedRe = regexp.MustCompile(`交|报|整改|答辩|答复|材料|报告|回复|提交|期限`)
)

// messageActs are the acts of text, one per clause, in order.
func messageActs(text string) []act {
	t := intent.Normalize(text)
	var out []act
	for _, cl := range clausesOf(t) {
		k := actKind(0)
		switch {
		case actDirectoryRe.MatchString(cl) && (askFormRe.MatchString(cl) || strings.HasSuffix(cl, "没")):
			k = actDirectory
		case actSameRe.MatchString(cl):
			k = actSame
		case actContactRe.MatchString(cl) && (askFormRe.MatchString(cl) || strings.Contains(cl, "有") || strings.Contains(cl, "给我") || strings.Contains(cl, "发我")):
			k = actContact
		case actNotifyRe.MatchString(cl):
			k = actNotify
		case actReasonRe.MatchString(cl):
			k = actReason
		case actExtendRe.MatchString(cl) && actOwedRe.MatchString(t) && !strings.Contains(cl, "庭") &&
			(askFormRe.MatchString(cl) || modalAskRe.MatchString(cl) || strings.Contains(cl, "申请") || strings.Contains(cl, "能否") || strings.Contains(cl, "可否")):
			k = actExtension
		case actTogetherRe.MatchString(cl):
			k = actTogether
		case actInTimeRe.MatchString(cl) && actOwedRe.MatchString(t):
			k = actInTime
		case actSkipRe.MatchString(cl):
			k = actSkip
		case actConfirmRe.MatchString(cl):
			k = actConfirm
		case actWhyRe.MatchString(cl) && !actHowRe.MatchString(cl):
			k = actWhy
		}
		if k != 0 {
			out = append(out, act{text: askPart(cl), kind: k})
		}
	}
	return out
}

// actEvidence is, per kind, what a reply that answers the act says.
var actEvidence = map[actKind]*regexp.Regexp{
	actConfirm:   regexp.MustCompile(`确认出庭|无法出庭|更换为|更换出庭人`),
	actExtension: regexp.MustCompile(`延期|延长|不能批准`),
	actReason:    regexp.MustCompile(`理由|情况说明`),
	actSame:      regexp.MustCompile(`同一人|同一个人|是否同一`),
	actContact:   regexp.MustCompile(`电话|[0-9]{7,}`),
	actNotify:    regexp.MustCompile(`通知|转告|提醒已发送|已发送给`),
	actWhy:       regexp.MustCompile(`因为|由于|原因是|原因：|原因在于|败诉原因|理由|之所以|规定|第[一二三四五六七八九十百0-9]+条|依据|口径`),
	actSkip:      regexp.MustCompile(`正当理由|书面说明|情况说明`),
	actDirectory: regexp.MustCompile(`人员名单|通讯录`),
	actInTime:    regexp.MustCompile(`在期限内|已过期限|已经过了期限|期限之后`),
	actTogether:  regexp.MustCompile(`单独回复|分别回复|各自的期限`),
}

// reasonAnsweredRe answers a reason asked of no absence (败诉原因是什么).
var reasonAnsweredRe = regexp.MustCompile(`理由|原因`)

// openActs adds to a the honest lines of the acts of text its reply does
// not answer; k is the one case the message is about (nil: none or
// several). It reports whether it added any.
func (s *service) openActs(c bot.Context, text string, k *cases.Case, a *answer) (bool, error) {
	if v := c.Person(); v == nil || v.Role == "" {
		return false, nil // a stranger's message is refused, not answered
	}
	acts := messageActs(text)
	if len(acts) == 0 {
		return false, nil
	}
	if a.pick != nil {
		return false, nil // the reply asks which case first
	}
	reply := a.md
	// Nothing understood, or the scope line (联系方式请在企业微信通讯录中查看):
	// the reply answers nothing, so the honest lines replace it.
	notUnderstood := strings.HasPrefix(reply, "抱歉，这个问题我没能看懂") || a.outcome == audit.NotKnown
	if notUnderstood {
		reply = ""
	}
	var lines []string
	for _, x := range acts {
		ev := actEvidence[x.kind]
		if x.kind == actReason && !actAbsentRe.MatchString(intent.Normalize(text)) {
			ev = reasonAnsweredRe // 败诉原因是什么: the card's 败诉原因 answers it
		}
		if strings.Contains(reply, "“"+x.text+"”") || ev.MatchString(reply) {
			continue // answered, or already said as left open
		}
		if k == nil && (x.kind == actConfirm || x.kind == actReason) {
			continue // of no one case: the list or the question back stands
		}
		line, err := s.actLine(c, text, x, k)
		if err != nil {
			return false, err
		}
		if line != "" && !slices.Contains(lines, line) {
			lines = append(lines, line)
		}
	}
	if len(lines) == 0 {
		return false, nil
	}
	viewer := c.Person()
	if viewer != nil && viewer.Role != "" && !viewer.Bureau() {
		if err := offerRelay(c, text); err != nil {
			return false, err
		}
		lines = append(lines, "需要的话回复“转给专班”，我把您的原话转给司法局应诉专班答复。")
	}
	lead := strings.Join(lines, "\n")
	switch {
	case notUnderstood && k != nil:
		card, err := s.caseAnswer(c, intent.Understanding{Kind: intent.Case, Numbers: []string{k.Number}, Anchored: true})
		if err != nil {
			return false, err
		}
		a.md, a.shown, a.results, a.outcome = lead, []string{k.Number}, 1, audit.Answered
		if card.md != "" {
			a.md += "\n\n该案登记的情况：\n\n" + card.md
		}
		if err := focusOn(c, k.Number); err != nil {
			return false, err
		}
	case notUnderstood:
		a.md = lead
	default:
		a.md = lead + "\n\n台账登记的相关情况：\n\n" + a.md
	}
	a.noEcho = true
	return true, nil
}

// actLine is the honest line of one act left unanswered: the act quoted,
// what the ledger (or the directory, or the reminder's card) holds of it,
// and nothing it does not.
func (s *service) actLine(c bot.Context, text string, x act, k *cases.Case) (string, error) {
	q := "“" + x.text + "”"
	if strings.Contains(x.text, "没有") {
		// 说理由没有: the words quoted would read as a “没有” of the bot's.
		q = "您问的这一点"
	}
	switch x.kind {
	case actConfirm:
		if k.NextHearing(c.Now()) == nil {
			return "", nil // no hearing to come: the card says what was
		}
		h := k.NextHearing(c.Now())
		sent, acked, err := s.remindedParts(c, k, h, "")
		if err != nil {
			return "", err
		}
		head := strings.TrimSpace(h.Head)
		if head == "" {
			head = "出庭负责人"
		}
		line := fmt.Sprintf("%s：**%s** %s的开庭，台账登记的出庭负责人是%s。%s%s", q, shortNumber(k.Number), whenCN(h.At, c.Now(), c.Location()), head, sent, acked)
		if !strings.Contains(acked, "在提醒卡片上确认出庭") && !strings.Contains(acked, "无法出庭") && !strings.Contains(acked, "更换") {
			line += "台账和提醒卡片上都未见" + head + "本人能否出庭的答复，我无法替他确认，建议直接联系" + head + "。"
		}
		return line, nil
	case actExtension:
		return q + "：" + extendRule(intent.Normalize(text)), nil
	case actReason:
		who := "负责人"
		if k != nil {
			if h := lastHeld(k, c.Now()); h != nil && strings.TrimSpace(h.Head) != "" {
				who = strings.TrimSpace(h.Head)
			}
		}
		if !actAbsentRe.MatchString(intent.Normalize(text)) {
			return q + "这一问我还不能从台账回答：台账不登记这项理由。", nil
		}
		if h := lastHeld(k, c.Now()); h != nil {
			_, acked, err := s.remindedParts(c, k, h, "")
			if err != nil {
				return "", err
			}
			if strings.Contains(acked, "无法出庭") {
				return q + "：" + acked + "台账本身不登记未出庭的理由。", nil // the card's answer is the reason given
			}
		}
		return q + "：台账只登记负责人是否出庭，不登记" + who + "未出庭的理由，提醒卡片上也未见他回复的理由；需要向其单位核实。", nil
	case actSame:
		return s.sameLine(c, text, q, k)
	case actContact:
		return s.contactLine(c, text, q, k)
	case actNotify:
		return s.notifyLine(c, text, q, k)
	case actSkip:
		return q + "：" + mustAppearMark(k, c) + appearRule, nil
	case actDirectory:
		return s.directoryLine(c, q, k)
	case actInTime:
		return s.inTimeLine(c, text, q, k), nil
	case actTogether:
		return togetherLine(c, text, q, k), nil
	case actWhy:
		line := q + "这一问我还不能从台账回答，台账不登记原因。"
		if strings.Contains(x.text, "出庭") {
			// 我为什么要出庭: what the ledger marks of the hearing, and the rule.
			line += mustAppearMark(k, c) + "关于负责人出庭，规则是：" + appearRule
		}
		if k != nil && containsAnyOf(intent.Normalize(text), "整改", "报") {
			// 70号是镇里的案子 整改怎么要我这边报: who owes the report, as the ledger has it.
			owner, err := s.rectifyOwner(c, k.Number)
			if err != nil {
				return "", err
			}
			if owner != "" {
				line += "按一案一整改，**" + shortNumber(k.Number) + "** " + strings.TrimPrefix(owner, "报送单位：")
			}
		}
		return line, nil
	}
	return "", nil
}

// namesIn are the names text mentions of the case's people (出庭负责人,
// 承办人) and of the directory, in that order, each once.
func (s *service) namesIn(c bot.Context, text string, k *cases.Case) ([]string, []*people.Person, error) {
	dir, err := s.st.People(c.Ctx())
	if err != nil {
		return nil, nil, err
	}
	var names []string
	add := func(n string) {
		n = strings.TrimSpace(n)
		if len([]rune(n)) >= 2 && strings.Contains(text, n) && !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	if k != nil {
		for _, h := range k.Hearings {
			add(h.Head)
		}
		add(k.Handler)
	}
	for _, p := range dir {
		add(p.Name)
	}
	return names, dir, nil
}

// dirEntries are the directory's entries of a name that viewer may be
// told of: all of them to the bureau, a unit's own people to a head or a
// handler (the directory route's rule: 本单位人员的名单信息 only).
func (s *service) dirEntries(viewer *people.Person, dir []*people.Person, name string) (shown []*people.Person, hidden bool) {
	for _, p := range dir {
		if p.Name != name {
			continue
		}
		if viewer == nil || !viewer.Bureau() && (viewer.Agency == "" || !s.scope.Agencies().Same(p.Agency, viewer.Agency)) {
			hidden = true
			continue
		}
		shown = append(shown, p)
	}
	return shown, hidden
}

// entryText is a directory entry as the reply names it: 李文（某县市场监督管理局 法规股股长）.
func entryText(p *people.Person) string {
	where := strings.TrimSpace(p.Agency + " " + p.Post)
	if where == "" {
		return p.Name
	}
	return p.Name + "（" + where + "）"
}

// sameLine answers “is the X the ledger writes the X of the directory”:
// the ledger writes a name only, so it cannot tell; what each side holds.
func (s *service) sameLine(c bot.Context, text, q string, k *cases.Case) (string, error) {
	names, dir, err := s.namesIn(c, intent.Normalize(text), k)
	if err != nil || len(names) == 0 {
		return q + "这一问我还不能从台账回答：台账只登记姓名，不登记身份信息，是否同一人需要人工核实。", err
	}
	n := names[0]
	var b strings.Builder
	b.WriteString(q + "：台账只登记姓名“" + n + "”")
	if k != nil {
		fmt.Fprintf(&b, "（**%s** 的被告是%s）", shortNumber(k.Number), strings.Join(k.Defendants, "、"))
	}
	b.WriteString("，不登记其单位和账号；")
	if es, hidden := s.dirEntries(c.Person(), dir, n); hidden && len(es) == 0 {
		// another unit's people are not told of to a head or a handler
	} else if len(es) > 0 {
		var ts []string
		for _, e := range es {
			ts = append(ts, entryText(e))
		}
		b.WriteString("人员名单中的是" + strings.Join(ts, "、") + "。")
	} else {
		b.WriteString(n + "不在本机器人的人员名单中。")
	}
	b.WriteString("是否同一人我无法从台账判断，可能同名也可能录错，需要人工核实。")
	return b.String(), nil
}

// contactLine answers a phone asked for: the directory holds WeCom
// accounts, never phone numbers.
func (s *service) contactLine(c bot.Context, text, q string, k *cases.Case) (string, error) {
	names, dir, err := s.namesIn(c, intent.Normalize(text), k)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	b.WriteString(q + "：台账和本机器人的人员名单都不登记电话号码，我查不到。")
	if len(names) == 0 && k != nil {
		// 给我列一下负责人电话: the case's head and handler, as the ledger
		// names them, are the people asked after.
		t := intent.Normalize(text)
		if h := caseHead(k); h != "" && !strings.Contains(t, "承办人") {
			b.WriteString("台账登记的出庭负责人是" + h + "。")
			names = append(names, h)
		}
		if hd := strings.TrimSpace(k.Handler); hd != "" && !strings.Contains(t, "负责人") {
			b.WriteString("台账登记的承办人是" + hd + "。")
			names = append(names, hd)
		}
	}
	for _, n := range names {
		switch es, hidden := s.dirEntries(c.Person(), dir, n); {
		case len(es) > 0:
			b.WriteString(entryText(es[0]) + "在人员名单中，可以在企业微信通讯录中按账号 " + es[0].UserID + " 查看。")
		case !hidden:
			b.WriteString(n + "不在本机器人的人员名单中。")
		}
	}
	if k != nil && len(k.Defendants) > 0 {
		b.WriteString("可以通过" + strings.Join(k.Defendants, "、") + "办公室联系。")
	}
	return b.String(), nil
}

// caseHead is the head the ledger names for case k's hearings: the next
// one's, else the last named; "" when none is.
func caseHead(k *cases.Case) string {
	head := ""
	for _, h := range k.Hearings {
		if v := strings.TrimSpace(h.Head); v != "" {
			head = v
		}
	}
	return head
}

// notifyLine answers who is to tell someone: the ledger records no such
// duty; what the reminders can and cannot reach.
func (s *service) notifyLine(c bot.Context, text, q string, k *cases.Case) (string, error) {
	names, dir, err := s.namesIn(c, intent.Normalize(text), k)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	b.WriteString(q + "：台账不登记由谁负责通知。")
	var out []string
	for _, n := range names {
		switch es, hidden := s.dirEntries(c.Person(), dir, n); {
		case len(es) > 0:
			b.WriteString(entryText(es[0]) + "在人员名单中，可以在企业微信里直接联系。")
		case !hidden:
			out = append(out, n)
		}
	}
	if len(out) > 0 {
		b.WriteString(strings.Join(out, "、") + "不在本机器人的人员名单中，机器人的提醒发不到，需要电话通知")
		if k != nil && len(k.Defendants) > 0 {
			b.WriteString(strings.Join(k.Defendants, "、"))
		} else {
			b.WriteString("其单位")
		}
		b.WriteString("。")
	}
	return b.String(), nil
}

// actCase is the one case the acts of a message are about: the one the
// reply showed, else the one the message names; nil when neither is one.
func (s *service) actCase(c bot.Context, said, u intent.Understanding, a answer, prev *lastQuestion) (*cases.Case, error) {
	numbers := a.shown
	if len(numbers) != 1 {
		k, err := s.statementCase(c, said, prev)
		if err != nil || k != nil || !hasRef(u) {
			return k, err
		}
		if numbers, err = s.caseRefs(c.Ctx(), c.Person(), u, c.Now()); err != nil {
			return nil, err
		}
	}
	if len(numbers) != 1 {
		return nil, nil
	}
	found, err := s.visible(c.Ctx(), c.Person(), numbers, nil)
	if err != nil || len(found) != 1 {
		return nil, err
	}
	return found[0], nil
}

// namedSeqRe is a case named by its sequence number alone (61号, 33号, 复33号).
var namedSeqRe = regexp.MustCompile(`(复|行初|行终|行申|行审)?([0-9]{1,4})号`)

// eachNamedCase completes an answer that left out some of the cases a
// message names (61号和33号两个整改都要我报 answered of 61号 only): the same
// question, asked of each case missing, is appended. The understanding
// holds one sequence number; the message may name more.
func (s *service) eachNamedCase(c bot.Context, text string, u intent.Understanding, a *answer, prev *lastQuestion) error {
	ms := namedSeqRe.FindAllStringSubmatch(intent.Normalize(text), -1)
	if len(ms) < 2 || a.md == "" {
		return nil
	}
	seen := map[string]bool{}
	for _, m := range ms {
		if seen[m[0]] {
			continue
		}
		seen[m[0]] = true
		n := 0
		fmt.Sscanf(m[2], "%d", &n)
		if n <= 0 {
			continue
		}
		v := u
		v.Numbers, v.Short, v.Seq, v.Recon = nil, "", n, m[1] == "复"
		refs, err := s.caseRefs(c.Ctx(), c.Person(), v, c.Now())
		if err != nil {
			return err
		}
		if len(refs) == 0 || slices.ContainsFunc(refs, func(r string) bool { return strings.Contains(a.md, r) }) {
			continue // shown already, or no case of that number to show
		}
		b, err := s.answerFor(c, v, prev)
		if err != nil {
			return err
		}
		if b.md == "" {
			continue
		}
		a.md += "\n\n---\n\n" + b.md
		a.shown = append(a.shown, b.shown...)
		a.results += b.results
		a.claims = append(a.claims, b.claims...)
	}
	return nil
}

// openActsOf is openActs for an answer a route of its own made (a 整改 or
// deadline answer, a duty): the case is the one it showed, if one.
func (s *service) openActsOf(c bot.Context, a *answer) error {
	if a.md == "" {
		return nil
	}
	var k *cases.Case
	if len(a.shown) == 1 {
		found, err := s.visible(c.Ctx(), c.Person(), a.shown, nil)
		if err != nil {
			return err
		}
		if len(found) == 1 {
			k = found[0]
		}
	}
	_, err := s.openActs(c, c.Message().Text, k, a)
	return err
}

// mustAppearMark says whether the ledger marks the case's next hearing as
// one the head must attend (法释〔2020〕3号第4条); "" when there is none.
func mustAppearMark(k *cases.Case, c bot.Context) string {
	if k == nil {
		return ""
	}
	h := k.NextHearing(c.Now())
	if h == nil {
		return ""
	}
	mark := "台账未标注为应当出庭（法释〔2020〕3号第4条的情形）"
	if h.MustAppear {
		mark = "台账标注为**应当出庭**（法释〔2020〕3号第4条的情形）"
	}
	return fmt.Sprintf("**%s** %s的开庭%s。", shortNumber(k.Number), whenCN(h.At, c.Now(), c.Location()), mark)
}

// directoryLine says, of each agency of case k, who of it is in the
// directory (the people reminders and notices reach), or that nobody is.
func (s *service) directoryLine(c bot.Context, q string, k *cases.Case) (string, error) {
	if k == nil || len(k.Defendants) == 0 {
		return "", nil
	}
	dir, err := s.st.People(c.Ctx())
	if err != nil {
		return "", err
	}
	var parts []string
	for _, ag := range k.Defendants {
		var names []string
		for _, p := range dir {
			if p.Agency != "" && s.scope.Agencies().Same(ag, p.Agency) {
				names = append(names, p.Name)
			}
		}
		if len(names) == 0 {
			parts = append(parts, "**"+ag+"**在本机器人的人员名单中一个人也未登记，提醒和通知发不到该单位，请管理员补录该单位的负责人和承办人")
		} else {
			parts = append(parts, "人员名单中**"+ag+"**有"+strings.Join(names, "、")+"，提醒和通知发给他们")
		}
	}
	return q + "：" + strings.Join(parts, "；") + "。", nil
}

// inTimeLine answers whether handing something in later is in time (他们
// 说周一交来得及吗): the open deadline of case k the message names (答辩,
// 答复, 上诉), and whether it has passed; a deadline passed is said so
// plainly, a day to come is left to compare with its last day.
func (s *service) inTimeLine(c bot.Context, text, q string, k *cases.Case) string {
	if k == nil {
		return ""
	}
	t := intent.Normalize(text)
	open := s.st.Deadlines.Open(k)
	var d *deadline.Deadline
	for i := range open {
		x := &open[i]
		switch {
		case x.Kind == deadline.Answer && strings.Contains(t, "答辩"),
			x.Kind == deadline.Reply && strings.Contains(t, "答复"),
			x.Kind == deadline.Appeal && strings.Contains(t, "上诉"),
			x.Kind == deadline.JudicialReply && strings.Contains(t, "司法建议"),
			x.Kind == deadline.ProcuratorialReply && strings.Contains(t, "检察建议"):
			d = x
		}
		if d != nil {
			break
		}
	}
	if d == nil && len(open) == 1 {
		d = &open[0]
	}
	if d == nil {
		return ""
	}
	today := workcal.DateOf(c.Now(), c.Location())
	label := d.Kind.Label()
	if u, err := intent.Understand(text, s.options(c, c.Person())); err == nil && !u.Period.IsZero() && u.Period.To.Sub(u.Period.From) <= 24*time.Hour {
		// 下周一交来得及吗: the day named, against the last day.
		day := workcal.DateOf(u.Period.From, c.Location())
		when := day.Chinese()
		if day.Before(today) {
			day = today
		}
		switch {
		case d.Due.Before(today):
		case day.After(d.Due):
			return fmt.Sprintf("%s：**%s** 的%s最后一天是%s，%s交已**晚于期限**（逾期%d天）；最迟须在%s当天提交，确有困难的请尽快向%s说明情况。",
				q, shortNumber(k.Number), label, d.Due.Chinese(), when, d.Due.DaysUntil(day), d.Due.Chinese(), orNone(k.Court))
		default:
			return fmt.Sprintf("%s：**%s** 的%s最后一天是%s，%s交**在期限内**。", q, shortNumber(k.Number), label, d.Due.Chinese(), when)
		}
	}
	if d.Due.Before(today) {
		return fmt.Sprintf("%s：**%s** 的%s最后一天是%s，已逾期%d天，现在再交已在期限之后；请尽快提交，并向%s说明逾期的情况。",
			q, shortNumber(k.Number), label, d.Due.Chinese(), d.Due.DaysUntil(today), orNone(k.Court))
	}
	left := fmt.Sprintf("还剩%d天", today.DaysUntil(d.Due))
	if d.Due == today {
		left = "今天到期"
	}
	return fmt.Sprintf("%s：**%s** 的%s最后一天是%s（%s），在这一天之前（含当天）交即在期限内，晚于这一天即逾期。",
		q, shortNumber(k.Number), label, d.Due.Chinese(), left)
}

// togetherLine answers whether a 司法建议's or 检察建议's reply goes with
// the 整改 report (检察院那个建议也一起回吗): they are answered each to its
// issuer, by its own deadline; what the ledger holds of the suggestion.
func togetherLine(c bot.Context, text, q string, k *cases.Case) string {
	if k == nil {
		return ""
	}
	t := intent.Normalize(text)
	var parts []string
	for _, kind := range cases.SuggestionKinds {
		sg := k.Suggestion(kind)
		if sg == nil || strings.Contains(t, "检察") && kind != cases.ProcuratorialSuggestion || strings.Contains(t, "司法建议") && kind != cases.JudicialSuggestion {
			continue
		}
		v := fmt.Sprintf("台账登记 **%s** %s收到%s的%s", shortNumber(k.Number), sg.ReceivedOn.In(c.Location()).Format("1月2日"), orNone(sg.Issuer), kind)
		switch {
		case !sg.RepliedOn.IsZero():
			v += "，已于" + sg.RepliedOn.In(c.Location()).Format("1月2日") + "回复"
		case !sg.DueOn.IsZero():
			v += "，建议书载明的回复期限是" + sg.DueOn.In(c.Location()).Format("2006年1月2日")
		default:
			v += "，台账未登记建议书载明的回复期限"
		}
		parts = append(parts, v)
	}
	if len(parts) == 0 {
		return q + "：台账未登记该案的司法建议或检察建议。一案一整改报告报送司法局应诉专班；建议如另有，须按建议书要求单独回复发出单位。"
	}
	return q + "：" + strings.Join(parts, "；") + "。一案一整改报告报送司法局应诉专班，司法建议、检察建议须按建议书的要求**单独回复**发出单位，各有各的期限；整改措施可以一并准备、内容互相衔接，但不能以整改报告代替对建议的回复。"
}

// extendRule says who decides whether the deadline a request to put it off
// names (整改, 答辩, 复议答复, 司法建议) may be extended, and how to ask: the
// bot grants none, and the request is never answered as if unmade.
func extendRule(t string) string {
	switch {
	case strings.Contains(t, "整改"):
		return "机器人不能批准延期。整改报告的报送期限由司法局确定，确需延期的，请由本单位向司法局应诉专班书面说明理由提出申请，专班同意后在台账中调整；未获同意前，请仍按原期限报送。"
	case strings.Contains(t, "司法建议") || strings.Contains(t, "检察建议"):
		return "机器人不能批准延期。回复期限以建议书载明的为准，由发出建议的法院或检察院决定；需要延期的，请与发出单位沟通，并告知司法局应诉专班。"
	case strings.Contains(t, "答辩") || strings.Contains(t, "举证") || strings.Contains(t, "证据"):
		return "机器人不能批准延期。答辩举证期限是法定期限（《行政诉讼法》第六十七条，收到起诉状副本之日起15日内），司法局也不能延长；因不可抗力等正当事由不能按期提供证据的，须在期限内向人民法院书面申请延期提供，由法院决定（《行政诉讼法》第三十六条）。"
	case strings.Contains(t, "答复"):
		return "机器人不能批准延期。复议答复期限是法定期限（《行政复议法》第四十八条，收到申请书副本或申请笔录复印件之日起10日内），司法局也不能延长；有特殊情况的，请尽快与复议机构沟通。"
	}
	return "机器人不能批准延期，期限以台账登记的为准；确需延期的，请向司法局应诉专班说明情况。"
}
