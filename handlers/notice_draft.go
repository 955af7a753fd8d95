package handlers

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/cases"
	"casebot/bot/deadline"
	"casebot/bot/intent"
	"casebot/bot/numeral"
	"casebot/bot/people"
	"casebot/bot/workcal"
)

// Drafted messages (帮我起个催办通知发卫健局 就说133号答辩超期了赶紧交): a
// short message about one case from the ledger's facts — what is overdue
// or due, the day, the number, who — shown as a draft with its choices:
// 发送 sends it through the bot's one send path to the directory's people
// of the addressee, and instructions revise the draft in focus (改短一点,
// 五十字以内, 语气重一点, 客气点, 加上开庭时间, 发给李文). It never changes
// the ledger: what the asker says of the facts is not a report to record.

// memNotice keeps the message draft in focus.
const memNotice = "notice.draft"

// noticeDraft is the message draft in focus: what it is of and how it is
// to be written; the text is rendered from it and the ledger every time.
type noticeDraft struct {
	// Msg is the message that last made or revised it (see rememberLast).
	Msg    string `json:"msg"`
	Form   string `json:"form"` // 催办通知, 提醒, 短信, 通知, 回复口径
	Number string `json:"number"`
	// Agency or Person is the addressee, as asked.
	Agency string `json:"agency,omitempty"`
	Person string `json:"person,omitempty"`
	Topic  string `json:"topic,omitempty"` // as intent.Chase's: answer, suggestion, appeal, hearing, rectify
	Tone   string `json:"tone,omitempty"`  // firm, polite
	Limit  int    `json:"limit,omitempty"` // at most this many characters (0: none)
	Short  bool   `json:"short,omitempty"`
	// NoHearing and NoLaw drop those lines; Extras are sentences added.
	NoHearing bool     `json:"no_hearing,omitempty"`
	NoLaw     bool     `json:"no_law,omitempty"`
	Extras    []string `json:"extras,omitempty"`
	Sent      []string `json:"sent,omitempty"` // names it was sent to
}

var (
	// noticeAskRe asks for a message to be written: a verb of drafting,
	// then the kind of message (起个催办通知, 写条短信, 拟一条提醒, 编个消息).
	noticeAskRe = regexp.MustCompile(`(?:起草|草拟|起个|起一个|起一份|起一条|拟个|拟一个|拟一条|拟一份|拟条|拟|写个|写一个|写一条|写条|写一份|写段|写一段|编个|编一条|编条|弄个|弄一条|整个|整一条|出个|帮我写|帮我拟|帮我起)[^，。,]{0,8}?(催办通知|催办函|催办单|催告函|催办|提醒|通知|短信|消息|信息|微信|回复口径|答复口径|口径)`)
	// noticeNotRe are documents other drafts write (整改通知书, 答辩状提纲…).
	noticeNotRe = regexp.MustCompile(`整改通知|以案说法|通报|汇报|提纲`)
)

// noticeAsked returns the form of message a request asks to be drafted.
func noticeAsked(text string) (string, bool) {
	t := strings.ReplaceAll(intent.Normalize(text), " ", "")
	loc := noticeAskRe.FindStringSubmatchIndex(t)
	if loc == nil || noticeNotRe.MatchString(t) {
		return "", false
	}
	m := []string{t[loc[0]:loc[1]], t[loc[2]:loc[3]]}
	if k, ok := draftAsked(text); ok && k != draftRectify {
		// 起草催促出庭通知: another draft's own name is the request; 拟一条
		// 提醒 47号复议答复今天到期 asks a message about the 答复.
		if k2, ok := draftAsked(t[:loc[1]]); ok && k2 == k {
			return "", false
		}
	}
	if strings.Contains(t, "提醒我") || strings.Contains(t, "通知我") {
		return "", false // a personal reminder, or a case followed
	}
	form := m[1]
	switch form {
	case "催办", "催办函", "催办单", "催告函":
		form = "催办通知"
	case "消息", "信息", "微信":
		form = "短信"
	case "答复口径", "口径":
		form = "回复口径"
	}
	if form == "通知" && strings.Contains(t, "催") {
		form = "催办通知"
	}
	return form, true
}

// noticeTopic is what the message is about, from the words of the request.
func noticeTopic(t string) string {
	switch {
	case strings.Contains(t, "整改"):
		return "rectify"
	case strings.Contains(t, "建议"):
		return "suggestion"
	case strings.Contains(t, "答辩") || strings.Contains(t, "答复") || strings.Contains(t, "举证") || strings.Contains(t, "证据"):
		return "answer"
	case strings.Contains(t, "上诉"):
		return "appeal"
	case strings.Contains(t, "庭"):
		return "hearing"
	}
	return ""
}

// noticeDraftAsk answers a request for a message draft.
func (s *service) noticeDraftAsk(c bot.Context, form, text string, prev *lastQuestion) error {
	viewer := c.Person()
	reply := func(md string) error {
		if err := s.record(c, audit.Query, "notice_draft", 0, nil, "起草"+form+"：未能起草"); err != nil {
			return err
		}
		return c.ReplyMarkdown(md)
	}
	if !viewer.Bureau() && viewer.Role != people.Head && viewer.Role != people.Handler {
		return reply("您好！起草催办通知、提醒等消息由司法局应诉专班和各单位的负责人、承办人使用。")
	}
	u, err := intent.Understand(text, s.options(c, viewer))
	if err != nil {
		return err
	}
	// A 短信 is short from the first.
	d := noticeDraft{Form: form, Topic: noticeTopic(text), Person: u.Person, Short: form == "短信"}
	if len(u.Agencies) > 0 {
		d.Agency = u.Agencies[0]
	}
	var numbers []string
	switch {
	case len(u.Numbers) > 0 || u.Short != "" || u.Seq > 0:
		if numbers, err = s.caseRefs(c.Ctx(), viewer, u, c.Now()); err != nil {
			return err
		}
	case d.Agency != "":
		if numbers, err = s.numbersOfAgencies(c.Ctx(), u.Agencies); err != nil {
			return err
		}
	case d.Person != "":
		if numbers, err = s.st.PersonNumbers(c.Ctx(), d.Person); err != nil {
			return err
		}
	case prev != nil && len(prev.Shown) == 1:
		numbers = prev.Shown
	}
	cs, err := s.visible(c.Ctx(), viewer, numbers, func(k *cases.Case) bool { return k.Open() || len(s.st.Deadlines.Open(k)) > 0 })
	if err != nil {
		return err
	}
	if len(cs) == 0 {
		if len(numbers) > 0 {
			return reply(fmt.Sprintf("台账中查不到可以催办的未结案件或在计期限（%s），这次未起草。请写明案号，例如“起草催办通知 行初133 答辩逾期”。", strings.Join(shortNumbers(numbers), "、")))
		}
		return reply("请写明要催办的案件，例如“帮我起个催办通知发卫健局 就说行初133答辩超期了”。")
	}
	k := s.mostPressing(c, cs, d.Topic)
	d.Number = k.Number
	if d.Agency == "" && d.Person == "" && len(k.Defendants) > 0 {
		d.Agency = k.Defendants[0]
	}
	return s.showNotice(c, d, k, "")
}

// mostPressing is the case of cs whose open deadline of the topic ends
// first (then the one with the soonest hearing).
func (s *service) mostPressing(c bot.Context, cs []*cases.Case, topic string) *cases.Case {
	best, bestDue := cs[0], 99999999
	for _, k := range cs {
		for _, dl := range s.st.Deadlines.Open(k) {
			if noticeFits(topic, dl.Kind) && dl.Due.Number() < bestDue {
				best, bestDue = k, dl.Due.Number()
			}
		}
	}
	return best
}

// noticeFits reports whether deadline kind k is of the topic (all of the
// agency's own tasks when none is said).
func noticeFits(topic string, k deadline.Kind) bool {
	if topic == "rectify" {
		return k == deadline.Rectify
	}
	return topicFits(topic, k)
}

// noticeDeadline is the open deadline the draft is about, if any.
func (s *service) noticeDeadline(k *cases.Case, topic string) (deadline.Deadline, bool) {
	var best deadline.Deadline
	found := false
	for _, dl := range s.st.Deadlines.Open(k) {
		if noticeFits(topic, dl.Kind) && (!found || dl.Due.Before(best.Due)) {
			best, found = dl, true
		}
	}
	return best, found
}

// renderNotice writes the message from the ledger's facts and the draft's
// instructions. It returns the text and a note on what the facts lack.
func (s *service) renderNotice(c bot.Context, d noticeDraft, k *cases.Case) (string, string) {
	now, loc := c.Now(), c.Location()
	today := workcal.DateOf(now, s.st.Deadlines.Location())
	to := d.Agency
	if d.Person != "" {
		to = d.Person
	}
	if to == "" {
		to = strings.Join(k.Defendants, "、")
	}
	short := shortNumbers([]string{k.Number})[0]
	dl, hasDL := s.noticeDeadline(k, d.Topic)
	h := k.NextHearing(now)
	court := orWord(k.Court, "法院")
	note := ""
	if !hasDL && d.Topic != "" && d.Topic != "hearing" {
		note = fmt.Sprintf("台账中 %s 未登记在计的%s（可能已办结，或未登记起算日期），通知按台账现有事项起草，请核实后再发。", k.Number, map[string]string{"answer": "答辩（答复）期限", "suggestion": "建议回复期限", "appeal": "上诉期限", "rectify": "整改报告期限"}[d.Topic])
	}
	if !hasDL && h == nil {
		if note == "" {
			note = fmt.Sprintf("台账中 %s 未登记在计的期限，也未登记待开庭的安排，通知只写了案件本身，请补充要催办的事项后再发。", k.Number)
		}
	}
	// What is due, and what to do about it.
	var due, act, law, dueShort, actShort string
	if hasDL {
		days := today.DaysUntil(dl.Due)
		day := fmt.Sprintf("%d月%d日", int(dl.Due.Month), dl.Due.Day)
		status := ""
		switch {
		case days < 0:
			status = fmt.Sprintf("已于%s（%s）届满，现已逾期%d天", day, weekdayCN(dl.Due.At(workcal.Clock{}, loc)), -days)
			dueShort = dl.Kind.Label() + day + "已逾期"
		case days == 0:
			status = fmt.Sprintf("今天（%s）届满", day)
			dueShort = dl.Kind.Label() + "今天到期"
		default:
			status = fmt.Sprintf("至%s（%s）届满，还剩%d天", day, weekdayCN(dl.Due.At(workcal.Clock{}, loc)), days)
			dueShort = dl.Kind.Label() + day + "到期"
		}
		due = dl.Kind.Label() + status
		now := "在期限内"
		if days <= 0 {
			now = "立即"
		}
		switch dl.Kind {
		case deadline.Answer:
			act = now + "向" + court + "提交答辩状及作出行政行为的证据和所依据的规范性文件"
			actShort = "请" + now + "提交答辩状和证据"
			law = "逾期不提供证据的，视为无相应证据（《中华人民共和国行政诉讼法》第三十四条第二款）。"
		case deadline.Reply:
			act = now + "向复议机关提交书面答复及作出行政行为的证据、依据"
			actShort = "请" + now + "提交书面答复和证据"
			law = "未按期提出书面答复、提交证据和依据的，视为该行政行为无证据、依据（《中华人民共和国行政复议法》第七十条）。"
		case deadline.Appeal:
			act = now + "研究决定是否上诉，需上诉的按期递交上诉状"
			actShort = "请" + now + "决定是否上诉"
		case deadline.JudicialReply, deadline.ProcuratorialReply:
			act = now + "书面回复建议，写明整改落实情况"
			actShort = "请" + now + "书面回复"
		case deadline.Rectify:
			act = now + "报送败诉原因分析和整改措施"
			actShort = "请" + now + "报送原因分析和整改措施"
		default:
			act = now + "办理"
			actShort = "请" + now + "办理"
		}
	}
	hearing, hearingShort := "", ""
	if h != nil && !d.NoHearing {
		what := "开庭"
		if k.Kind == cases.Reconsideration {
			what = "听证"
		}
		hearing = fmt.Sprintf("本案定于%s在%s%s", whenCN(h.At, now, loc), strings.TrimSpace(court+" "+h.Place), what)
		if h.MustAppear {
			hearing += "，属于应当出庭情形"
		}
		if h.Head != "" {
			hearing += "，出庭负责人" + headText(*h) + "请按时出庭应诉"
		} else if h.MustAppear {
			hearing += "，请确定出庭负责人并按时出庭应诉"
		}
		hearing += "。"
		hearingShort = fmt.Sprintf("%s%s", whenCN(h.At, now, loc), what)
		if !hasDL {
			act = "确保负责人按时出庭应诉，不能出庭的提前向法院书面说明理由"
			actShort = "请负责人按时出庭"
		}
	}
	if d.NoLaw {
		law = ""
	}
	party, def, _ := labels(k.Kind)
	_ = party
	sign := "某县司法局应诉专班"
	date := fmt.Sprintf("%d月%d日", int(now.In(loc).Month()), now.In(loc).Day())

	if d.Form == "回复口径" {
		var b strings.Builder
		fmt.Fprintf(&b, "关于%s一案：该案由%s受理，", k.Number, court)
		if k.Closure != nil {
			fmt.Fprintf(&b, "已于%s审结。", cnDate(k.Closure.On, loc))
		} else if h != nil {
			fmt.Fprintf(&b, "定于%s开庭审理，目前尚未审结。", whenCN(h.At, now, loc))
		} else {
			b.WriteString("目前正在审理中，尚未审结。")
		}
		b.WriteString("我单位将依法积极应诉，尊重并执行人民法院的生效裁判。具体情况以法院公开的信息为准。")
		for _, e := range d.Extras {
			b.WriteString(e)
		}
		return limitNotice(b.String(), d.Limit), note
	}

	if d.Short || d.Limit > 0 {
		// The short form: addressee, number, what is due, what to do.
		parts := []string{"【" + map[bool]string{true: "催办", false: "提醒"}[d.Form == "催办通知"] + "】" + shortAgency(to) + "："}
		body := short
		if dueShort != "" {
			body += dueShort
		} else if hearingShort != "" {
			body += hearingShort
		}
		parts = append(parts, body+"，")
		tail := actShort
		if tail == "" {
			tail = "请及时办理"
		}
		switch d.Tone {
		case "firm":
			tail = strings.Replace(tail, "请", "务必", 1)
		case "polite":
			tail = strings.Replace(tail, "请", "烦请", 1)
		}
		// The optional pieces go first when over the limit: the hearing,
		// then 并报专班; what the asker added stays.
		var optional []string
		if hasDL && hearingShort != "" && !d.NoHearing {
			optional = append(optional, hearingShort+"须按时到庭。")
		}
		text, over := fitParts(strings.Join(parts, "")+tail, "并报专班。", optional, strings.Join(d.Extras, ""), d.Limit)
		// Still too long: shorter words for the same facts, one at a time.
		for _, r := range [][2]string{{"答辩举证期限", "答辩期"}, {"复议答复期限", "答复期"}, {"司法建议回复期限", "建议回复期"}, {"检察建议回复期限", "建议回复期"},
			{"整改报告期限", "整改期"}, {"【催办】", ""}, {"【提醒】", ""}, {"和证据", ""}, {"已逾期，请立即", "已逾期，立即"}} {
			if !over {
				break
			}
			text = strings.Replace(text, r[0], r[1], 1)
			over = noticeLen(text) > d.Limit
		}
		if over {
			note = strings.TrimSpace(note + fmt.Sprintf(" 按台账事项和您加的内容，最短也有 %d 字，超过了 %d 字的上限；可以说“去掉最后一句”或复制后自行删减。", noticeLen(text), d.Limit))
		}
		return text, note
	}

	var b strings.Builder
	title := map[string]string{"催办通知": "【催办通知】", "提醒": "【提醒】", "通知": "【通知】", "短信": ""}[d.Form]
	fmt.Fprintf(&b, "%s%s：\n", title, to)
	if d.Tone == "polite" {
		b.WriteString("您好！")
	}
	fmt.Fprintf(&b, "你单位作为%s的%s（%s，案由：%s）一案，", def, k.Number, s.parties(&people.Person{Role: people.Staff}, k), orPendingWord(k.Cause, "待补充"))
	switch {
	case due != "":
		b.WriteString(due + "，台账尚未登记办结。")
	case hearing != "":
		b.WriteString("即将开庭。")
	default:
		b.WriteString("目前尚未审结。")
	}
	if act != "" {
		switch d.Tone {
		case "firm":
			fmt.Fprintf(&b, "请高度重视，务必%s，并于今日内将办理情况报司法局应诉专班。", act)
		case "polite":
			fmt.Fprintf(&b, "烦请%s，并将办理情况告知司法局应诉专班，辛苦！", act)
		default:
			fmt.Fprintf(&b, "请%s，并将办理情况报司法局应诉专班。", act)
		}
	}
	if hasDL {
		b.WriteString(hearing)
	}
	b.WriteString(law)
	if d.Tone == "firm" {
		b.WriteString("逾期未办理的，将在月度通报中予以通报。")
	}
	for _, e := range d.Extras {
		b.WriteString(e)
	}
	fmt.Fprintf(&b, "\n%s\n%s", sign, date)
	return b.String(), note
}

// shortAgency is an agency as a short message names it (某县卫生健康局 →
// 卫生健康局): the county is the reader's own.
func shortAgency(a string) string {
	if r := []rune(a); len(r) > 4 && strings.HasPrefix(a, "某县") {
		return string(r[2:])
	}
	return a
}

// noticeLen counts a message's characters as people count them: every
// character but spaces and line breaks.
func noticeLen(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.IsSpace(r) {
			n++
		}
	}
	return n
}

// fitParts is the short message within limit: the required text, then
// the closing (并报专班) and the optional pieces while they fit, then what
// the asker added. over is set when even the required text and the
// additions exceed the limit.
func fitParts(required, closing string, optional []string, extras string, limit int) (string, bool) {
	end := func(s string) string { return strings.TrimRight(s, "，") + "。" }
	full := required + closing + strings.Join(optional, "") + extras
	if limit <= 0 || noticeLen(full) <= limit {
		return full, false
	}
	for n := len(optional) - 1; n >= 0; n-- {
		if t := required + closing + strings.Join(optional[:n], "") + extras; noticeLen(t) <= limit {
			return t, false
		}
	}
	t := end(required) + extras
	return t, noticeLen(t) > limit
}

// limitNotice cuts a reply line at the last sentence within limit.
func limitNotice(s string, limit int) string {
	if limit <= 0 || noticeLen(s) <= limit {
		return s
	}
	out := ""
	for _, sent := range strings.SplitAfter(s, "。") {
		if noticeLen(out+sent) > limit {
			break
		}
		out += sent
	}
	if out == "" {
		return s
	}
	return out
}

// noticeRecipients are the directory's people the draft goes to: the
// person named; for an agency, the case's 承办人 when they are of it, else
// its heads. who names them; missing says who could not be found.
func (s *service) noticeRecipients(c bot.Context, d noticeDraft, k *cases.Case) (to []*people.Person, missing string, err error) {
	dir, err := s.st.People(c.Ctx())
	if err != nil {
		return nil, "", err
	}
	same := s.scope.Agencies().Same
	if d.Person != "" {
		for _, p := range dir {
			if p.Name == d.Person {
				to = append(to, p)
			}
		}
		if len(to) == 0 {
			return nil, d.Person + "不在人员名单中", nil
		}
		return to, "", nil
	}
	for _, p := range dir {
		if k != nil && p.Name == k.Handler && same(p.Agency, d.Agency) {
			to = append(to, p)
		}
	}
	if len(to) == 0 {
		for _, p := range dir {
			if p.Role == people.Head && same(p.Agency, d.Agency) {
				to = append(to, p)
			}
		}
	}
	if len(to) == 0 {
		for _, p := range dir {
			if (p.Role == people.Handler || p.Role == people.Head) && same(p.Agency, d.Agency) {
				to = append(to, p)
			}
		}
	}
	if len(to) == 0 {
		return nil, "人员名单中未登记" + d.Agency + "的人员", nil
	}
	return to, "", nil
}

// showNotice renders the draft, remembers it and shows it with its choices.
func (s *service) showNotice(c bot.Context, d noticeDraft, k *cases.Case, lead string) error {
	text, note := s.renderNotice(c, d, k)
	d.Msg = c.Message().ID
	if err := c.Memory().Remember(memNotice, d); err != nil {
		return err
	}
	if err := c.Memory().Forget(memDraftLast); err != nil { // the message draft is now the last thing
		return err
	}
	to, missing, err := s.noticeRecipients(c, d, k)
	if err != nil {
		return err
	}
	var b strings.Builder
	b.WriteString(lead)
	fmt.Fprintf(&b, "**%s（草稿，未发送）**\n\n> %s\n\n<font color=\"comment\">案件 %s；共 %d 字；按台账数据起草，台账未作任何修改。</font>\n", d.Form, strings.ReplaceAll(text, "\n", "\n> "), k.Number, noticeLen(text))
	if note != "" {
		b.WriteString("\n" + note + "\n")
	}
	if d.Form == "回复口径" {
		b.WriteString("\n供您答复询问时使用（可直接复制）；要修改请直接说，例如“改短一点”“五十字以内”“加一句…”。")
	} else if len(to) > 0 {
		fmt.Fprintf(&b, "\n回复“**发送**”发给 %s；要修改请直接说，例如“改短一点”“五十字以内”“语气重一点”“客气点”“加上开庭时间”“发给李文”。", personNames(to))
	} else {
		fmt.Fprintf(&b, "\n%s，机器人发不出去：可复制上面的文字转发，或回复“发给+姓名”发给名单中的人（也可请管理员补录该单位人员）。要修改请直接说，例如“改短一点”“语气重一点”。", missing)
	}
	if err := s.record(c, audit.Query, "notice_draft", 1, []string{k.Number}, "起草"+d.Form+"："+d.Agency+d.Person); err != nil {
		return err
	}
	return c.ReplyMarkdown(b.String())
}

// personNames lists people as 姓名职务（单位）.
func personNames(ps []*people.Person) string {
	var names []string
	for _, p := range ps {
		names = append(names, p.Name+orWord(p.Post, "")+"（"+p.Agency+"）")
	}
	return strings.Join(names, "、")
}

var (
	noticeDropAllRe = regexp.MustCompile(`^(?:那|那就)?(?:算了\s*)?(?:先不发了?|不发了|不用发了|别发了|暂时不发|算了)(?:吧|了)?$`)
	noticeSendRe    = regexp.MustCompile(`^(?:那就|好的?|可以|行|没问题|嗯)?\s*(?:发送|发吧|发出去|发了吧|就这样发|这样发吧|可以发了|确认发送|发一下|帮我发了?|发过去)(?:吧|了|一下)?$`)
	noticeSendToRe  = regexp.MustCompile(`^(?:那就|好的?|可以|行|改成|换成)?\s*(?:(?:发给|发送给|转给|转发给)(.{1,16}?)(?:吧|一下)?|给(.{1,16}?)(?:发过去|发了吧|发一下|发吧|发))$`)
	noticeLimitRe   = regexp.MustCompile(`([0-9]+|[一二两三四五六七八九十百]+)\s*(?:个)?字(?:以内|之内|以下|左右|内)?`)
	noticeShortRe   = regexp.MustCompile(`短一?点|短些|简短|精简|压缩|简单点|简单一点|简洁|太长|缩短|简化`)
	noticeFirmRe    = regexp.MustCompile(`语气重|重一点|重些|严厉|强硬|加重|严肃一?点|狠一?点|硬一?点|口气重|措辞重|更重`)
	noticePoliteRe  = regexp.MustCompile(`客气|委婉|温和|缓和|软一?点|礼貌|柔和|别那么硬|不要那么硬`)
	noticeFullRe    = regexp.MustCompile(`正式一?点|详细一?点|完整一?点|长一?点|原来那版|恢复`)
	noticeAddRe     = regexp.MustCompile(`^(?:再)?(?:加上|加一句|加个|再加|补上|补一句|写上|添上|加)(?:一句)?[：:，,]?\s*(.+)$`)
	noticeDropRe    = regexp.MustCompile(`^(?:把)?(.{0,10}?)(?:去掉|删掉|删了|不要了|别写|删去)|^(?:去掉|删掉|不要|别写|删去)(.+)$`)
)

// noticeCutWords is built once, not on every call (building a Replacer allocates).
var noticeCutWords = strings.NewReplacer("去掉", "", "删掉", "", "删了", "", "不要了", "", "别写", "", "删去", "", "把", "")

// noticeTurn answers a message about the message draft in focus: send it,
// or revise it. ok is false when no draft is in focus or the message is
// none of these (it is then read as any other, which ends the focus).
// shown is the draft in focus, read with the rest of the conversation.
func (s *service) noticeTurn(c bot.Context, text string, shown *noticeDraft) (bool, error) {
	if shown == nil {
		return false, nil
	}
	d := *shown
	t := strings.TrimSpace(strings.TrimRight(intent.Normalize(text), "。.!！~ "))
	if len([]rune(t)) > 60 {
		return false, nil
	}
	cs, err := s.visible(c.Ctx(), c.Person(), []string{d.Number}, nil)
	if err != nil {
		return true, err
	}
	if len(cs) == 0 {
		return false, c.Memory().Forget(memNotice)
	}
	k := cs[0]
	lead := ""
	switch {
	case noticeDropAllRe.MatchString(t):
		if err := c.Memory().Forget(memNotice); err != nil {
			return true, err
		}
		return true, c.Reply("好的，这份" + d.Form + "草稿先不发，未发送给任何人。")
	case noticeSendRe.MatchString(t) && d.Form == "回复口径":
		return true, c.Reply("回复口径是供您答复询问时用的，没有默认的收件人；要发给谁，请说“发给+姓名”。")
	case noticeSendRe.MatchString(t):
		return true, s.sendNotice(c, d, k)
	case noticeSendToRe.MatchString(t):
		sm := noticeSendToRe.FindStringSubmatch(t)
		name := sm[1] + sm[2]
		u, err := intent.Understand(name, s.options(c, c.Person()))
		if err != nil {
			return true, err
		}
		switch {
		case u.Person != "":
			d.Person, d.Agency = u.Person, ""
		case len(u.Agencies) == 1:
			d.Agency, d.Person = u.Agencies[0], ""
		default:
			return true, c.Reply(fmt.Sprintf("人员名单和台账中找不到“%s”，这次未发送。请写明姓名或单位，例如“发给李文”“发给卫健局”。", name))
		}
		return true, s.sendNotice(c, d, k)
	}
	changed := false
	if m := noticeLimitRe.FindStringSubmatch(t); m != nil {
		n, err := strconv.Atoi(m[1])
		if err != nil {
			v, ok := numeral.Parse(m[1])
			if !ok {
				return false, nil
			}
			n = int(v)
		}
		if n < 10 {
			return true, c.Reply("字数太少写不下案号和事项，请给一个至少 20 字的上限，例如“五十字以内”。")
		}
		d.Limit, d.Short, changed = n, true, true
	} else if noticeShortRe.MatchString(t) {
		d.Short, changed = true, true
	}
	if noticeFirmRe.MatchString(t) {
		d.Tone, changed = "firm", true
	} else if noticePoliteRe.MatchString(t) {
		d.Tone, changed = "polite", true
	}
	if noticeFullRe.MatchString(t) && !changed {
		d.Short, d.Limit, changed = false, 0, true
	}
	if m := noticeAddRe.FindStringSubmatch(t); m != nil && !changed {
		add := strings.TrimSpace(strings.TrimPrefix(m[1], "说"))
		switch {
		case strings.Contains(add, "开庭") || strings.Contains(add, "庭审") || strings.Contains(add, "出庭"):
			d.NoHearing, changed = false, true
			if k.NextHearing(c.Now()) == nil {
				lead = "台账中该案未登记待开庭的安排，无法加上开庭时间。\n\n"
			}
		case strings.Contains(add, "法条") || strings.Contains(add, "依据") || strings.Contains(add, "法律"):
			d.NoLaw, changed = false, true
		case add != "":
			if !strings.ContainsAny(add, "。！!") {
				add += "。"
			}
			d.Extras, changed = append(d.Extras, add), true
		}
	}
	if noticeDropRe.MatchString(t) && !changed {
		what := noticeCutWords.Replace(t)
		switch {
		case strings.Contains(what, "开庭") || strings.Contains(what, "庭"):
			d.NoHearing, changed = true, true
		case strings.Contains(what, "法条") || strings.Contains(what, "依据") || strings.Contains(what, "法律"):
			d.NoLaw, changed = true, true
		case strings.Contains(what, "最后") || strings.Contains(what, "加的") || strings.Contains(what, "那句"):
			if len(d.Extras) > 0 {
				d.Extras, changed = d.Extras[:len(d.Extras)-1], true
			}
		case strings.Contains(what, "通知") || strings.Contains(what, "草稿") || strings.Contains(what, "这个") || strings.Contains(what, d.Form):
			if err := c.Memory().Forget(memNotice); err != nil {
				return true, err
			}
			return true, c.Reply("好的，这份" + d.Form + "草稿不要了，未发送给任何人。")
		default:
			return true, c.Reply("这部分我没法单独删掉（未配置大模型，只能按固定格式改写）。可以说“去掉开庭时间”“去掉法条”“改短一点”，或复制后自己修改。")
		}
	}
	if !changed {
		return false, nil
	}
	return true, s.showNotice(c, d, k, lead)
}

// sendNotice sends the draft's text to its addressee through the bot's
// one send path and says to whom; the draft stays in focus.
func (s *service) sendNotice(c bot.Context, d noticeDraft, k *cases.Case) error {
	text, _ := s.renderNotice(c, d, k)
	to, missing, err := s.noticeRecipients(c, d, k)
	if err != nil {
		return err
	}
	if len(to) == 0 {
		if err := s.record(c, audit.Update, "notice_send", 0, []string{k.Number}, "未发送："+missing); err != nil {
			return err
		}
		hint := ""
		if k.Handler != "" {
			hint = fmt.Sprintf("台账登记的承办人是%s，", k.Handler)
		}
		return c.ReplyMarkdown(fmt.Sprintf("%s，这次**未发送**。%s可以回复“发给+姓名”发给名单中的人，或复制草稿电话、微信转达；要补录该单位人员，请管理员发“添加人员 账号 姓名 角色 单位 [职务]”。", missing, hint))
	}
	var ids []string
	for _, p := range to {
		if p.UserID == c.UserID() {
			continue
		}
		ids = append(ids, p.UserID)
	}
	if len(ids) == 0 {
		return c.Reply("收件人就是您自己，这次未发送。")
	}
	if _, err := c.Send(bot.Text(text, ids...)); err != nil {
		return err
	}
	names := personNames(to)
	for _, p := range to {
		if !slices.Contains(d.Sent, p.Name) {
			d.Sent = append(d.Sent, p.Name)
		}
	}
	d.Msg = c.Message().ID
	if err := c.Memory().Remember(memNotice, d); err != nil {
		return err
	}
	if err := s.record(c, audit.Update, "notice_send", 1, []string{k.Number}, d.Form+"已发送："+names); err != nil {
		return err
	}
	return c.ReplyMarkdown(fmt.Sprintf("已将%s发送给 %s（台账未作修改）：\n\n> %s", d.Form, names, strings.ReplaceAll(text, "\n", "\n> ")))
}
