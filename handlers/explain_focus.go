package handlers

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"casebot/bot"
	"casebot/bot/cases"
	"casebot/bot/explain"
	"casebot/bot/intent"
	"casebot/bot/people"
)

// A 以案说法 conversation seldom follows the bot's script: a request
// carries how to write it (八百字左右 当事人名字隐掉), a pick from the
// candidates carries it too (就76号吧 写成公众号口吻 别太长), and while a
// draft is the last thing said, a message about text (标题再给我几个 不要
// 太官方) is about that draft. These are the mechanisms that read them.

// memDraftLast marks that a draft (sent or being written) is the last
// thing in the conversation: the message that asked it. A later answer
// that remembers a question or a list (rememberLast, savePage) clears it,
// so that an instruction after another question is not taken for the
// draft's.
const memDraftLast = "explain.last"

// draftLast is what memDraftLast keeps: the message that made the draft
// the focus, so that the same message remembering its question (第二个 on
// the candidates is a pick) does not clear it.
type draftLast struct {
	Msg string `json:"msg"`
}

// rememberLast remembers the last question; the draft is no longer the
// last thing, unless this very message asked for it.
func rememberLast(c bot.Context, q lastQuestion) error {
	var dl draftLast
	var nd noticeDraft
	found, err := c.Memory().RecallAll(map[string]any{memDraftLast: &dl, memNotice: &nd})
	if err != nil {
		return err
	}
	// A question answered ends what waited on the last message: the draft
	// in focus, the message draft, the time asked for a personal reminder.
	forget := []string{memOwnAsk}
	if found[memDraftLast] && (dl.Msg == "" || dl.Msg != c.Message().ID) {
		forget = append(forget, memDraftLast)
	}
	if found[memNotice] && nd.Msg != c.Message().ID {
		forget = append(forget, memNotice)
	}
	if err := c.Memory().Forget(forget...); err != nil {
		return err
	}
	return c.Memory().Remember(memLast, q)
}

// draftIsLast reports whether a draft is the last thing in the
// conversation (and which), so that an unclear message about text is its.
func (h *explainHandlers) draftIsLast(c bot.Context) (draftFocus, bool, error) {
	var dl draftLast
	var f draftFocus
	found, err := c.Memory().RecallAll(map[string]any{memDraftLast: &dl, memDraftFocus: &f})
	if err != nil || !found[memDraftLast] || !found[memDraftFocus] {
		return f, false, err
	}
	return f, true, nil
}

var (
	// ridingPieceRe is a piece of a write request that says how to write
	// rather than which case (八百字左右, 当事人名字隐掉, 写成公众号口吻, 别太长,
	// 标题要醒目点, 语气活泼些): it rides on the request as an instruction.
	ridingPieceRe = regexp.MustCompile(`[0-9一二两三四五六七八九十百千]+\s*个?字|字数|篇幅|名字|姓名|人名|全名|真名|实名|隐掉|隐去|隐名|脱敏|匿名|标题|题目|口吻|语气|口气|措辞|文风|公众号|推文|简讯|` +
		`短一?点|短些|短一些|写短|简短|精简|压缩|太长|别太长|不要太长|长一?点|通俗|口语|接地气|白话|生动|活泼|正式|官方|书面|严肃|法条|条文|法律依据|举例|例子|开头|结尾|段|单位名|局名|某县某局|某某`)
	// ridingSepRe splits a request into pieces.
	ridingSepRe = regexp.MustCompile(`[，,。；;！!？?\s]+|吧`)
)

// ridingOf returns the instructions riding on a write request, pieces
// joined by a space as the user wrote them; "" when there are none.
func ridingOf(text string) string {
	var out []string
	for _, p := range ridingSepRe.Split(strings.TrimSpace(text), -1) {
		p = strings.TrimSpace(p)
		if p == "" || !ridingPieceRe.MatchString(p) {
			continue
		}
		if caseRefInRe.MatchString(p) || strings.Contains(p, "以案说法") {
			continue // 就用行初85号那篇: the case, not how to write it
		}
		out = append(out, p)
	}
	return strings.Join(out, " ")
}

// withoutRiding is text without the pieces that say how to write it.
func withoutRiding(text string) string {
	var out []string
	for _, p := range ridingSepRe.Split(strings.TrimSpace(text), -1) {
		if p = strings.TrimSpace(p); p != "" && (!ridingPieceRe.MatchString(p) || caseRefInRe.MatchString(p) || strings.Contains(p, "以案说法")) {
			out = append(out, p)
		}
	}
	return strings.Join(out, " ")
}

// caseRefInRe is a case number inside a piece (76号, 行初85, 复33).
var caseRefInRe = regexp.MustCompile(`[0-9]+\s*号|行[初终申审]|复\s*[0-9]|第[一二三四五六七八九十0-9]+个`)

var (
	// pickLeadRe is what may stand around a pick from the candidates and ask
	// nothing else (就76号吧, 那就写83号那个, 第二个吧, 用这个): what is left of
	// a pick once its reference and its instructions are taken out.
	pickFillerRe = regexp.MustCompile(`^(?:好的?|行|嗯|那|那就|就|还是|要不|先|就用|用|写|选|挑|定|就写|那就写|就选|那就选|就它|这个|那个|这件|那件|这篇|那篇|的|吧|呗|了|哈|嘛|一篇|篇|个|一个|案子|案例|以案说法|来|写一篇|写个|写吧|也|帮我|给我|帮忙|麻烦|起草|起个草|起个稿|打个草稿|草拟|拟个稿|拟一篇|出个初稿|初稿|草稿|稿子|一稿|写一下|一下)*$`)
	// pickAskRe is a question, which a pick is not (第二个是哪个局的, 76号判的什么).
	pickAskRe = regexp.MustCompile(`吗|么|呢|什么|啥|哪|几|谁|怎么|怎样|如何|多少|是不是|有没有|[?？]`)
	// pickOrdRe is an ordinal of the list (第二个, 第2个, 2号那个 is a number).
	pickOrdRe = regexp.MustCompile(`第\s*([0-9]+|[一二两三四五六七八九十]+)\s*(?:个|件|篇|条|项)?`)
	// pickNumRe is a case named by number (76号, 行初85, 复33, 83号那个).
	pickNumRe = regexp.MustCompile(`(?:行[初终申审]字?第?|复|某府复〔[0-9]+〕)?\s*[0-9]+\s*号?(?:那个|这个|那件|这件|的)?`)
)

// explainOffer is the candidates the conversation offered last: the
// options of a pending pick the explain handlers asked, else the
// candidates' list when it is the current page; nil when neither.
// With write, a request to write (写), also the cases the last answer
// showed: the one case (写这个 短一点 after 行初70), or the list's (第二个
// 写一篇 after 确认违法的案子).
func (h *explainHandlers) explainOffer(c bot.Context, ask *pendingPick, prev *lastQuestion, write bool) ([]string, error) {
	if ask != nil && ask.Explain && len(ask.Options) > 0 {
		return ask.Options, nil
	}
	if write && prev != nil && len(prev.Shown) == 1 {
		return prev.Shown, nil
	}
	p, err := h.s.loadPage(c)
	if err != nil || p == nil || !(p.Kind == listCandidates || write && p.Kind == listCases) {
		return nil, err
	}
	return p.Items, nil
}

// pickWrite answers a pick from the candidates just offered that says how
// to write (就76号吧 写成公众号口吻 别太长, 第二个 写短点, 那就写83号那个):
// the draft of that case, the instructions riding on it, never the case's
// card. The case may be one the list did not show (the user knows its
// number). It reports false for anything else, a question above all.
func (h *explainHandlers) pickWrite(c bot.Context, text string, ask *pendingPick, prev *lastQuestion) (bool, error) {
	if h.ex == nil {
		return false, nil
	}
	p := c.Person()
	if p == nil || p.Role != people.Pufa && p.Role != people.Staff && p.Role != people.Admin {
		return false, nil // those who may not ask for drafts: their words are read as questions
	}
	norm := strings.TrimSpace(intent.Normalize(text))
	offer, err := h.explainOffer(c, ask, prev, strings.Contains(norm, "写"))
	if err != nil || len(offer) == 0 {
		return false, err
	}
	riding := ridingOf(norm)
	// What is left once the instructions are out must be a pick and
	// filler: the reference, then nothing asked.
	var rest []string
	for _, piece := range ridingSepRe.Split(norm, -1) {
		if piece = strings.TrimSpace(piece); piece != "" && !ridingPieceRe.MatchString(piece) {
			rest = append(rest, piece)
		}
	}
	ref := strings.Join(rest, "")
	if pickAskRe.MatchString(ref) {
		return false, nil
	}
	var number string
	switch {
	case pickOrdRe.MatchString(ref):
		m := pickOrdRe.FindStringSubmatch(ref)
		n := ordinalValue(m[1])
		if n < 1 || n > len(offer) || !pickFillerRe.MatchString(strings.Replace(ref, m[0], "", 1)) {
			return false, nil
		}
		number = offer[n-1]
	case pickNumRe.MatchString(ref):
		m := pickNumRe.FindString(ref)
		if !pickFillerRe.MatchString(strings.Replace(ref, m, "", 1)) {
			return false, nil
		}
		u, err := intent.Understand(m, h.s.options(c, p))
		if err != nil {
			return false, err
		}
		ns := u.Numbers
		if len(ns) == 0 && u.Seq > 0 {
			if ns, err = h.s.completeSeq(c.Ctx(), p, u.Seq, u.Recon, c.Now()); err != nil {
				return false, err
			}
		}
		// The offered case of that number first (76号 among the list),
		// else the one closed case of it the user may see.
		for _, n := range ns {
			if slices.Contains(offer, n) {
				number = n
				break
			}
		}
		if number == "" {
			cs, err := h.s.visible(c.Ctx(), p, ns, func(x *cases.Case) bool { return !x.Open() })
			if err != nil || len(cs) != 1 {
				return false, err
			}
			number = cs[0].Number
		}
	case len(offer) == 1 && ref != "" && pickFillerRe.MatchString(ref) && strings.ContainsAny(ref, "写用就选"):
		number = offer[0] // 写这个 三百字以内, after the one case offered
	default:
		return false, nil
	}
	if riding == "" && !strings.ContainsAny(ref, "写用选就吧") {
		return false, nil // 76号 alone: the pick the conversation already reads
	}
	if ok, err := h.allowed(c); !ok {
		return true, err
	}
	return true, h.submitWith(c, number, "", writeOpts{riding: riding})
}

// ordinalValue reads 2 or 二.
func ordinalValue(s string) int {
	if n, ok := map[string]int{"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}[s]; ok {
		return n
	}
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0
		}
		n = n*10 + int(r-'0')
	}
	return n
}

var (
	// textWordRe speaks of text: a draft's title, length, paragraphs, tone,
	// articles (标题, 三百字, 第二段, 开头, 口吻, 正式, 官方, 法条, 再加, 删,
	// 改, 短, 长, 通俗, 举例).
	textWordRe = regexp.MustCompile(`标题|题目|[0-9一二两三四五六七八九十百千几多]\s*个?字|字数|篇幅|段|开头|结尾|结语|口吻|语气|口气|措辞|用词|文风|正式|官方|书面|口语|通俗|接地气|白话|` +
		`生动|活泼|严肃|法条|条文|法律依据|再加|加一|加个|加点|加上|补充|删|去掉|改|短|长|精简|精炼|精练|简练|啰嗦|举例|例子|配图|小标题|吸引人`)
	// textWordNotRe are words that hold a text word and are about the
	// ledger (局长, 改期, 改到下周, 延长, 短信, 名字叫什么): taken out first.
	textWordNotRe = regexp.MustCompile(`局长|县长|镇长|乡长|村长|院长|庭长|科长|处长|部长|所长|站长|队长|市长|省长|家长|延长|长期|长时间|多长时间|增长|改期|改到|改在|改为[0-9一二三四五六七八九十下上明后本]|` +
		`改判|改变|变更|更改|整改|改革|改正|改天|台账|短信|短期|短时间|删除案件|名字叫|叫什么名字|判决书|裁定书|决定书`)
)

// draftNamedRe names a draft by pointing at it (那篇, 上面那篇, 刚才这篇稿子).
var draftNamedRe = regexp.MustCompile(`(?:那|这|上面那|上面这|刚才那|刚才这|刚那)篇`)

// draftOwns reports whether a message no reading took (out of scope,
// unknown) is an instruction for the draft that is the last thing in the
// conversation: it speaks of text and asks nothing of the ledger (no case,
// period, rate, count, agency or person named). It answers it as a
// revision of that draft, and reports false for anything else.
func (h *explainHandlers) draftOwns(c bot.Context, text string, u intent.Understanding) (bool, error) {
	if h.ex == nil || u.Kind == intent.Explain {
		return false, nil
	}
	if yesWords[bare(text)] && (u.Kind == intent.Scope || u.Kind == intent.Unknown || u.Kind == intent.Help && !u.Greeting) {
		// 对 after a case was taken from a description: the habit of
		// confirming; the draft is already on its way.
		f, ok, err := h.draftIsLast(c)
		if err != nil || !ok {
			return false, err
		}
		return true, c.Reply("好的，就用案件 " + f.Number + " 来写，草稿正在生成或已发给您。如需修改，直接告诉我怎么改即可，例如“改短一点”“标题再给几个”。")
	}
	// 强拆那篇法条帮我补上: a draft named by what it is about (那篇) is the
	// draft, whatever kind and filters its description reads as.
	ofDraft := draftNamedRe.MatchString(text) && !hasRef(u) && textWordRe.MatchString(textWordNotRe.ReplaceAllString(intent.Normalize(text), ""))
	switch {
	case ofDraft:
	case u.Kind == intent.Unknown, u.Kind == intent.Scope, u.Kind == intent.More:
	case u.Kind == intent.Hearings:
		if !strings.Contains(text, "开头") || strings.Contains(text, "庭") {
			return false, nil // 开头能不能吸引人一点 is read as 开庭; a hearing asked is that
		}
		u.Period, u.Hearing = intent.Period{}, false
	case u.Kind == intent.Help:
		if u.Greeting {
			return false, nil
		}
	default:
		return false, nil // a question the reading understood is that question
	}
	if !ofDraft && (hasRef(u) || !u.Period.IsZero() || u.Rate != "" || u.Metric != "" || u.Agency != "" || len(u.Agencies) > 0 || u.Party != "" || u.Person != "" || u.NotHeld != "") {
		return false, nil
	}
	t := textWordNotRe.ReplaceAllString(intent.Normalize(text), "")
	if !textWordRe.MatchString(t) {
		return false, nil
	}
	if _, ok, err := h.draftIsLast(c); err != nil || !ok {
		return false, err
	}
	v := intent.Understanding{Kind: intent.Explain, ExplainAct: intent.ExplainRevise, Note: strings.TrimSpace(text), Anchored: true}
	a, err := h.revise(c, v)
	if err != nil {
		return true, err
	}
	return true, h.s.recordAndReply(c, v, a)
}

// lawEditVerbRe asks an article put into a draft (加上, 补一条, 附上), which
// the revision answers with the question.
var lawEditVerbRe = regexp.MustCompile(`加|补|附|写进|放进|引用|列上`)

// lawQuestion is the answer to a question of which article says something
// the bot's own rules hold (负责人出庭是哪条规定, 负责人出庭应诉依据是哪一条),
// asked alone: the article, never a case's card. ok is false for a question
// naming a case, or one asking the article put into a draft.
func lawQuestion(text string) (string, bool) {
	t := intent.Normalize(text)
	if caseRefInRe.MatchString(t) || lawEditVerbRe.MatchString(t) || len([]rune(t)) > 30 {
		return "", false
	}
	_, _, an, ok := lawOf(t)
	return an, ok
}

var (
	// otherCaseRe says the case taken is not the one meant, and which is
	// (不是这个 是81号, 不对 是复议那个信息公开的), or asks another in its
	// place (换成85号写吧, 改写83号那个).
	otherCaseRe  = regexp.MustCompile(`^(?:不是这个|不是这件|不是这篇|不是这一个|不是它|不是|不对|错了|搞错了|弄错了|写错了)[，,。！!\s]*(?:我要的|我说的|要写的|应该)?(?:是|写)?(.+)$`)
	switchCaseRe = regexp.MustCompile(`^(?:那|还是|要不)?(?:换成|换|改成|改写|改为)(.+?)(?:来写|写吧|写|吧|呗)+$`)
	// draftExportRe asks the draft as a file (发我word版, 导出来).
	draftExportRe = regexp.MustCompile(`word|docx|导出|下载|文档版|文件版`)
	// publishAskRe asks whether the draft may go out (这篇可以发了吗).
	publishAskRe = regexp.MustCompile(`(?:可以|能|是不是可以)(?:直接)?(?:发|发布|用|推送|发出去|登)了?(?:吗|没|不|么|嘛)[?？。]*$|^(?:这篇|那篇|这个|稿子|草稿)?(?:能不能|可不可以)(?:直接)?(?:发|发布|用|推送|发出去)了?[?？。]*$|发得了吗|能发不`)
	// dropDraftRe lets the draft be (算了 先不写了, 不用写了).
	dropDraftRe = regexp.MustCompile(`^(?:那|好吧|好的)?[，,\s]*(?:算了|先不写了|不写了|不用写了|先不用了|不要了|先放着|先这样)(?:吧|了)?[，,\s]*(?:先不写了|不写了|先这样|以后再说)?(?:吧|了)?[。！!\s]*$`)
)

// draftTurn answers, while a draft is the last thing in the conversation,
// what speaks of it as a whole: another case meant than the one taken (不是
// 这个 是81号, 换成85号写吧), whether it may go out (这篇可以发了吗), or that
// it is to be let be (算了 先不写了). It reports false for anything else.
func (h *explainHandlers) draftTurn(c bot.Context, text string) (bool, error) {
	if h.ex == nil {
		return false, nil
	}
	norm := strings.TrimSpace(intent.Normalize(text))
	rest := ""
	if m := otherCaseRe.FindStringSubmatch(norm); m != nil {
		rest = m[1]
	} else if m := switchCaseRe.FindStringSubmatch(norm); m != nil {
		rest = m[1]
	}
	if draftExportRe.MatchString(strings.ToLower(norm)) && !caseRefInRe.MatchString(norm) && len([]rune(norm)) <= 14 {
		// 发我word版 of the draft just asked: its export (a reviewed one;
		// an unreviewed one is refused with its state).
		if _, ok, err := h.draftIsLast(c); err != nil || !ok {
			return false, err
		}
		v := intent.Understanding{Kind: intent.Explain, ExplainAct: intent.ExplainExport, Anchored: true}
		a, err := h.export(c, v)
		if err != nil {
			return true, err
		}
		return true, h.s.recordAndReply(c, v, a)
	}
	asksOut := publishAskRe.MatchString(norm) && !caseRefInRe.MatchString(norm) && len([]rune(norm)) <= 14
	drop := dropDraftRe.MatchString(norm)
	if rest == "" && !asksOut && !drop {
		return false, nil
	}
	f, ok, err := h.draftIsLast(c)
	if err != nil || !ok {
		return false, err
	}
	switch {
	case drop:
		return true, c.Reply("好的，不再修改。案件 " + f.Number + " 已生成的草稿保存为待审核状态，不审核通过就不会发布；以后要继续，发“待审核的以案说法”选出这篇即可。")
	case asksOut:
		d, err := h.ex.Drafts.Latest(c.Ctx(), f.Number)
		if errors.Is(err, explain.ErrNoDraft) {
			return true, c.Reply("案件 " + f.Number + " 的以案说法草稿还在生成，生成后须经人工审核通过才能发布。")
		}
		if err != nil {
			return true, err
		}
		rv, err := h.ex.ReviewOf(c.Ctx(), f.Number, d.Version)
		if err != nil {
			return true, err
		}
		msg := fmt.Sprintf("案件 %s 第 %d 版以案说法草稿目前是“%s”状态。", f.Number, d.Version, stateName(rv.State))
		if rv.State != explain.StateApproved && rv.State != explain.StatePublished {
			msg += "草稿须经人工审核通过后才能发布，请先核对事实、法条和隐名处理。"
		}
		return true, c.Reply(msg + reviewHint(rv.State))
	}
	if pickAskRe.MatchString(rest) && !strings.HasSuffix(rest, "的") {
		return false, nil // 不是说下周开庭吗: a question, not another case
	}
	v, err := intent.Understand("写一篇以案说法 "+withoutRiding(rest), h.s.options(c, c.Person()))
	if err != nil {
		return true, err
	}
	named := hasRef(v) || v.Party != ""
	describedCase := (described(v) || len(explainTerms(v.Residue)) > 0) && (strings.HasSuffix(rest, "的") || strings.Contains(rest, "那个") || strings.Contains(rest, "那件") || strings.Contains(rest, "案子"))
	if v.Kind != intent.Explain || v.ExplainAct != "" || !named && !describedCase {
		return false, nil
	}
	v.Note = ridingOf(rest)
	a, err := h.request(c, v)
	if err != nil {
		return true, err
	}
	return true, h.s.recordAndReply(c, v, a)
}
