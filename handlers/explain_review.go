package handlers

import (
	"cmp"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/explain"
	"casebot/bot/intent"
	"casebot/bot/people"
)

// The 以案说法 work in chat beyond a request: the candidates to pick from,
// the drafts by review state, a revision of the draft spoken of, review
// (审核通过, 退回 with a note, 发布) and export. Lists are pages of the
// conversation memory (listCandidates, listDrafts), so 第二个 and 更多 work
// on them as on any list; the draft last spoken of is remembered under
// memDraftFocus, so 审核通过 or 上面那篇改短一点 need no number.

// List kinds of the explain pages.
const (
	listCandidates = "explain-candidates" // items are case numbers
	listDrafts     = "explain-drafts"     // items are "number#version"
)

// memDraftFocus names the draft the user last saw or asked for.
const memDraftFocus = "explain.focus"

// candidateWindow is how far back the candidates look, as the CLI's
// default (casebot explain --candidates).
const candidateWindow = 180 * 24 * time.Hour

// draftFocus is the draft a follow-up refers to; Version 0 is the newest.
type draftFocus struct {
	Number  string `json:"number"`
	Version int    `json:"version,omitempty"`
}

func (h *explainHandlers) focus(c bot.Context, f draftFocus) error {
	if err := c.Memory().Forget(memNotice); err != nil { // the 以案说法 is now the last thing
		return err
	}
	if err := c.Memory().Remember(memDraftLast, draftLast{Msg: c.Message().ID}); err != nil {
		return err // the draft is the last thing now (draftOwns)
	}
	return c.Memory().Remember(memDraftFocus, f)
}

// act answers the explain acts other than a request.
func (h *explainHandlers) act(c bot.Context, u intent.Understanding) (answer, error) {
	a := answer{noEcho: true}
	if u.OnlyInFocus {
		// 换一个 said with nothing of drafts before it: another case only
		// when a draft or the candidates are in focus; otherwise ask what
		// to change, never a refusal or a list the user did not ask for.
		if ok, err := h.draftInFocus(c); err != nil || !ok {
			if err != nil {
				return a, err
			}
			return a, c.Reply("请问您想换成什么？请说明要换的案件（发案号）、开庭或时间；如要换一个案子写以案说法，请说“换个案子写以案说法”。")
		}
	}
	if ok, err := h.allowed(c); !ok {
		return a, err
	}
	switch u.ExplainAct {
	case intent.ExplainCandidates, intent.ExplainAnother:
		if u.ExplainAct == intent.ExplainCandidates && len(explainTerms(u.Residue)) > 0 {
			// 找个关于电信诈骗的案子写: the words looked for in the cases
			// first, as a request by description.
			v := u
			v.ExplainAct = ""
			return h.request(c, v)
		}
		return h.candidates(c, u)
	case intent.ExplainList:
		return h.list(c, u)
	case intent.ExplainRevise:
		return h.revise(c, u)
	case intent.ExplainAbout:
		return h.about(c, u)
	case intent.ExplainApprove, intent.ExplainReturn, intent.ExplainPublish:
		return h.review(c, u)
	case intent.ExplainExport:
		return h.export(c, u)
	}
	return a, c.Reply(h.explainUsage(c))
}

// candidates lists the recently closed cases worth a write-up (lost and
// corrected first), narrowed to the agencies, kind and outcome named
// (找个市监局的典型案例写一篇, 有没有适合做以案说法的复议案子), numbered for
// 第二个, which asks for that case's draft.
func (h *explainHandlers) candidates(c bot.Context, u intent.Understanding) (answer, error) {
	ctx, viewer := c.Ctx(), c.Person()
	all, err := h.ex.Candidates(ctx, c.Now(), candidateWindow, 0)
	if err != nil {
		return answer{}, err
	}
	q := h.s.queryOf(u, viewer)
	var party []string
	if q.Party != "" {
		if party, err = h.s.st.PartyNumbers(ctx, q.Party); err != nil {
			return answer{}, err
		}
	}
	skip, err := h.another(c, u)
	if err != nil {
		return answer{}, err
	}
	var numbers, lines []string
	for _, cd := range all {
		if cd.Number == skip {
			continue // 换个案子: not the case of the draft in focus
		}
		if q.Party != "" && !slices.Contains(party, cd.Number) || q.Unknown != "" || q.Agencies != nil && !slices.ContainsFunc(cd.Agencies, func(a string) bool { return slices.Contains(q.Agencies, a) }) ||
			q.Kind != "" && string(cd.Kind) != q.Kind || q.Cause != "" && !strings.Contains(cd.Cause, q.Cause) ||
			u.Metric == intent.Lost && !cd.Lost ||
			!u.Period.IsZero() && (cd.ClosedOn.Before(u.Period.From) || !cd.ClosedOn.Before(u.Period.To)) { // 今天判的那几个: closed then
			continue
		}
		numbers = append(numbers, cd.Number)
		lines = append(lines, cd.Line())
	}
	what := "可写成以案说法的已结案件"
	if w := h.s.whoOf(u, viewer); w != "" {
		what = w + what
	}
	if u.CaseKind != "" {
		what = strings.Replace(what, "已结案件", "已结"+u.CaseKind+"案件", 1)
	}
	// The none names every filter it applied.
	if q.Cause != "" {
		what = strings.Replace(what, "案件", q.Cause+"类案件", 1)
	}
	if u.Metric == intent.Lost {
		what = strings.Replace(what, "已结", "已结且败诉或被纠错的", 1)
	}
	days := int(candidateWindow.Hours() / 24)
	span, from, to := fmt.Sprintf("近 %d 天", days), c.Now().Add(-candidateWindow), c.Now()
	if !u.Period.IsZero() {
		span, from, to = u.Period.Short(), u.Period.From, u.Period.To
	}
	if len(numbers) == 0 {
		msg := fmt.Sprintf("%s没有%s。", span, what)
		cl := claim{Text: msg, What: claimCases, Q: query{Agencies: q.Agencies, Unknown: q.Unknown, Kind: q.Kind, Party: q.Party, Cause: q.Cause,
			Metric: intent.Closed, From: from, To: to}}
		if u.Metric == intent.Lost {
			cl.Q.Metric = intent.Lost
		}
		var near, nearLines []string
		for _, cd := range all {
			if cd.Number != skip && len(near) < 5 {
				near, nearLines = append(near, cd.Number), append(nearLines, cd.Line())
			}
		}
		if len(near) == 0 {
			return answer{md: msg + "可以直接写明案号，例如“以案说法 " + h.s.example(c.Now()) + "”。", noEcho: true, claims: []claim{cl}}, nil
		}
		// 环保罚款那个写一篇: nothing fits; the nearest closed cases to
		// pick from instead, numbered for 第N个.
		p := &page{Title: msg + "以下是最近可写成以案说法的其他已结案件，供参考：", Kind: listCandidates, Items: near, Lines: nearLines, Total: len(near),
			Footer: "回复“第N个”为该案生成以案说法草稿；也可写明案号，例如“以案说法 行初123号”。"}
		a, err := h.s.showPage(c, p)
		a.noEcho = true
		a.claims = append(a.claims, cl)
		return a, err
	}
	order := "败诉和纠错案件在前"
	if wonAskRe.MatchString(c.Message().Text) && u.Metric != intent.Lost {
		// 最近有没有赢了的典型案子 想写个正面的: the cases the agency won
		// first, the same list otherwise (nothing is left out, so no "没有").
		lost := map[string]bool{}
		for _, cd := range all {
			lost[cd.Number] = cd.Lost
		}
		idx := make([]int, len(numbers))
		for i := range idx {
			idx[i] = i
		}
		sort.SliceStable(idx, func(a, b int) bool { return !lost[numbers[idx[a]]] && lost[numbers[idx[b]]] })
		ns, ls := make([]string, len(idx)), make([]string, len(idx))
		for i, j := range idx {
			ns[i], ls[i] = numbers[j], lines[j]
		}
		numbers, lines, order = ns, ls, "行政机关胜诉（未败诉、未被纠错）的案件在前"
	}
	title := fmt.Sprintf("**%s%s**（%d 件，%s）", span, what, len(numbers), order)
	p := &page{Title: title, Kind: listCandidates, Items: numbers, Lines: lines, Total: len(numbers),
		Footer: "回复“第N个”为该案生成以案说法草稿；也可写明案号，例如“以案说法 行初123号”。"}
	return h.s.showPage(c, p)
}

// wonAskRe asks for a case the agency won, to write up as a good example.
var wonAskRe = regexp.MustCompile(`赢|胜诉|正面|正向|驳回诉讼请求|维持了`)

// draftInFocus reports whether the conversation has a draft or the
// candidates in focus, which a bare 换一个 refers to.
func (h *explainHandlers) draftInFocus(c bot.Context) (bool, error) {
	var f draftFocus
	if ok, err := c.Memory().Recall(memDraftFocus, &f); err != nil || ok {
		return ok, err
	}
	pg, err := h.s.loadPage(c)
	return pg != nil && pg.Kind == listCandidates, err
}

// another is, for 换个案子, the case of the draft in focus (the one last
// spoken of, else the user's last request), which the candidates leave out;
// "" otherwise.
func (h *explainHandlers) another(c bot.Context, u intent.Understanding) (string, error) {
	if u.ExplainAct != intent.ExplainAnother {
		return "", nil
	}
	var f draftFocus
	if ok, err := c.Memory().Recall(memDraftFocus, &f); err != nil || ok {
		return f.Number, err
	}
	number, _, err := h.ex.Queue.Last(c.Ctx(), c.UserID())
	if errors.Is(err, explain.ErrNoLast) {
		return "", nil
	}
	return number, err
}

// list answers 待审核的以案说法 and the like: the drafts in a state, the
// most recent first, numbered for 第二个 (which shows that draft).
func (h *explainHandlers) list(c bot.Context, u intent.Understanding) (answer, error) {
	state, err := explain.ParseState(cmp.Or(u.DraftState, "草稿"))
	if err != nil {
		return answer{}, err
	}
	ls, err := h.ex.List(c.Ctx(), state, maxListed)
	if err != nil {
		return answer{}, err
	}
	name := stateName(state)
	if len(ls) == 0 {
		msg := fmt.Sprintf("目前没有%s的以案说法草稿。", name)
		return answer{md: msg, noEcho: true, claims: []claim{{Text: msg, What: claimDrafts, State: string(state)}}}, nil
	}
	var items, lines []string
	for _, l := range ls {
		items = append(items, fmt.Sprintf("%s#%d", l.Number, l.Version))
		line := fmt.Sprintf("**%s** 第 %d 版｜%s｜%s", l.Number, l.Version, cmp.Or(l.Title, "（无标题）"), l.Since.Format("1月2日 15:04"))
		if !l.HasDecision {
			line += "｜未依据判决书"
		}
		if l.Note != "" {
			line += "\n退回意见：" + l.Note
		}
		lines = append(lines, line)
	}
	p := &page{Title: fmt.Sprintf("**%s的以案说法草稿**（%d 篇）", name, len(ls)), Kind: listDrafts, Items: items, Lines: lines,
		Total: len(items), Footer: "回复“第N个”查看该篇；看过后可回复“审核通过”“退回：意见”“发布”或“导出”。"}
	return h.s.showPage(c, p)
}

// stateName is a review state as a list names it.
func stateName(s explain.State) string {
	if s == explain.StateDraft {
		return "待审核"
	}
	return string(s)
}

// pickCandidate answers 第N个 on the candidates: that case's draft.
func (h *explainHandlers) pickCandidate(c bot.Context, number string) (answer, error) {
	a := answer{noEcho: true, shown: []string{number}}
	if ok, err := h.allowed(c); !ok {
		return a, err
	}
	return a, h.submit(c, number, "")
}

// pickDraft answers 第N个 on a list of drafts: the draft's head and start,
// its state, and what can be done with it; it becomes the draft spoken of.
func (h *explainHandlers) pickDraft(c bot.Context, item string) (answer, error) {
	a := answer{noEcho: true}
	if ok, err := h.allowed(c); !ok {
		return a, err
	}
	number, v, ok := splitDraftItem(item)
	if !ok {
		return a, fmt.Errorf("explain: bad draft item %q", item)
	}
	d, err := h.ex.Drafts.Get(c.Ctx(), number, v)
	if errors.Is(err, explain.ErrNoDraft) {
		return answer{md: "这篇草稿已不存在。", noEcho: true}, nil
	}
	if err != nil {
		return a, err
	}
	rv, err := h.ex.ReviewOf(c.Ctx(), number, v)
	if err != nil {
		return a, err
	}
	if err := h.focus(c, draftFocus{Number: number, Version: v}); err != nil {
		return a, err
	}
	a.shown, a.results = []string{number}, 1
	a.md = fmt.Sprintf("**%s** 第 %d 版｜%s\n\n%s\n\n%s", number, v, rv.State, excerpt(d.Body, 600), reviewHint(rv.State))
	return a, nil
}

// splitDraftItem reads "number#version".
func splitDraftItem(item string) (string, int, bool) {
	i := strings.LastIndexByte(item, '#')
	if i < 0 {
		return "", 0, false
	}
	var v int
	if _, err := fmt.Sscanf(item[i+1:], "%d", &v); err != nil || v < 1 {
		return "", 0, false
	}
	return item[:i], v, true
}

// excerpt is the start of a draft, cut at a paragraph within max runes.
func excerpt(body string, max int) string {
	rs := []rune(strings.TrimSpace(body))
	if len(rs) <= max {
		return string(rs)
	}
	cut := string(rs[:max])
	if i := strings.LastIndex(cut, "\n"); i > len(cut)/2 {
		cut = cut[:i]
	}
	return cut + "\n……（全文共 " + fmt.Sprint(len(rs)) + " 字，导出或在命令行查看全文）"
}

// reviewHint says what can be done with a draft in a state.
func reviewHint(s explain.State) string {
	switch s {
	case explain.StateDraft, explain.StateSuperseded:
		return "可回复“审核通过”，或“退回：修改意见”；也可“改短一点”等，生成新的一版。"
	case explain.StateApproved:
		return "已审核通过：可回复“发布”或“导出”；如需修改，可“退回：意见”。"
	case explain.StateReturned:
		return "已退回：可回复“改短一点”等修改意见生成新的一版，或“重新生成”。"
	case explain.StatePublished:
		return "已发布（不再修改；如需更正，请生成新的一版并重新审核）。可回复“导出”。"
	}
	return ""
}

// target finds the draft a review, export or revision is about: the case
// named, else the item of the last list of drafts or candidates picked by
// number (第二个审核通过), else the draft last spoken of, else the case of
// the user's last request. It answers the user itself when there is none.
func (h *explainHandlers) target(c bot.Context, u intent.Understanding) (draftFocus, bool, error) {
	ctx, viewer := c.Ctx(), c.Person()
	numbers := u.Numbers
	var err error
	if u.Seq > 0 {
		if numbers, err = h.s.completeSeq(ctx, viewer, u.Seq, u.Recon, c.Now()); err != nil {
			return draftFocus{}, false, err
		}
	}
	if len(numbers) > 0 {
		found, err := h.s.visible(ctx, viewer, numbers, nil)
		if err != nil {
			return draftFocus{}, false, err
		}
		if len(found) == 0 {
			return draftFocus{}, false, c.Reply(fmt.Sprintf("没有找到您可以使用的已结案件 %s。", strings.Join(numbers, "、")))
		}
		if len(found) > 1 {
			return draftFocus{}, false, c.Reply("“" + u.Short + "”对应多个案件，请写出完整案号。")
		}
		return draftFocus{Number: found[0].Number}, true, nil
	}
	if u.Ordinal > 0 {
		p, err := h.s.loadPage(c)
		if err != nil {
			return draftFocus{}, false, err
		}
		if p != nil && (p.Kind == listDrafts || p.Kind == listCandidates) && u.Ordinal <= len(p.Items) {
			if n, v, ok := splitDraftItem(p.Items[u.Ordinal-1]); ok {
				return draftFocus{Number: n, Version: v}, true, nil
			}
			return draftFocus{Number: p.Items[u.Ordinal-1]}, true, nil
		}
	}
	var f draftFocus
	if ok, err := c.Memory().Recall(memDraftFocus, &f); err != nil || ok {
		return f, ok, err
	}
	number, _, err := h.ex.Queue.Last(ctx, c.UserID())
	if err == nil {
		return draftFocus{Number: number}, true, nil
	}
	if !errors.Is(err, explain.ErrNoLast) {
		return draftFocus{}, false, err
	}
	if u.ExplainAct == intent.ExplainRevise || u.ExplainAct == intent.ExplainAbout {
		// 短一点 800字左右 before any draft: there is nothing to revise yet.
		msg := "请写明是哪个案件的以案说法，例如“以案说法 " + h.s.example(c.Now()) + "”，或发“以案说法候选”后回复“第N个”。"
		if note := strings.TrimSpace(u.Note); note != "" {
			msg += "初稿写好后，再发“" + note + "”，我会据此改出新的一版。"
		}
		return draftFocus{}, false, c.Reply(msg)
	}
	return draftFocus{}, false, c.Reply("请写明是哪个案件的以案说法，例如“审核通过 " + h.s.example(c.Now()) + "”，或先发“待审核的以案说法”再回复“第N个”。")
}

// noDraft answers, for a case with no draft yet, that it has none (a
// claim the tests check) and how to ask for one; ok is false then.
func (h *explainHandlers) noDraft(c bot.Context, number string) (answer, bool, error) {
	n, err := h.ex.Drafts.Count(c.Ctx(), number)
	if err != nil || n > 0 {
		return answer{}, err == nil, err
	}
	msg := fmt.Sprintf("案件 %s 还没有以案说法草稿。", number)
	return answer{md: msg + "可以发送“以案说法 " + number + "”生成一篇。", noEcho: true,
		claims: []claim{{Text: msg, What: claimDrafts, Numbers: []string{number}}}}, false, nil
}

// reviewer is who reviews: a 普法 member or staff (admins request drafts
// but do not review them). It answers a refusal itself.
func (h *explainHandlers) reviewer(c bot.Context) (explain.Reviewer, bool, error) {
	p := c.Person()
	if p == nil || p.Role != people.Pufa && p.Role != people.Staff {
		if err := h.s.record(c, audit.Refused, "explain-review-role", 0, nil, ""); err != nil {
			return explain.Reviewer{}, false, err
		}
		return explain.Reviewer{}, false, bot.Errorf(bot.EForbidden, "抱歉，以案说法草稿的审核和发布由普法工作人员和司法局应诉专班负责。")
	}
	return explain.Reviewer{User: c.UserID(), Name: p.Name, Role: string(p.Role)}, true, nil
}

// review answers 审核通过, 退回：意见 and 发布 for the draft meant.
func (h *explainHandlers) review(c bot.Context, u intent.Understanding) (answer, error) {
	a := answer{noEcho: true, action: audit.Update, detail: "以案说法审核"}
	by, ok, err := h.reviewer(c)
	if !ok {
		return a, err
	}
	f, ok, err := h.target(c, u)
	if !ok {
		return a, err
	}
	if none, ok, err := h.noDraft(c, f.Number); !ok {
		return none, err
	}
	ctx := c.Ctx()
	var rv *explain.Review
	switch u.ExplainAct {
	case intent.ExplainApprove:
		rv, err = h.ex.Approve(ctx, f.Number, f.Version, by, "")
	case intent.ExplainReturn:
		rv, err = h.ex.Return(ctx, f.Number, f.Version, by, u.Note)
	case intent.ExplainPublish:
		rv, err = h.ex.Publish(ctx, f.Number, f.Version, by)
	}
	if err != nil {
		return a, err
	}
	if err := h.focus(c, draftFocus{Number: rv.Number, Version: rv.Version}); err != nil {
		return a, err
	}
	a.shown, a.results = []string{rv.Number}, 1
	last := rv.Last()
	a.md = fmt.Sprintf("已将案件 **%s** 第 %d 版以案说法草稿从“%s”改为“**%s**”。", rv.Number, rv.Version, last.From, last.To)
	if last.Note != "" {
		a.md += "\n退回意见：" + last.Note
	}
	a.md += "\n\n" + reviewHint(rv.State)
	return a, nil
}

// revise answers 上面那篇改短一点: a new version of the draft spoken of,
// written with that instruction (it goes into the prompt as the angle,
// anonymized; a new version replaces the unreviewed one in review).
func (h *explainHandlers) revise(c bot.Context, u intent.Understanding) (answer, error) {
	a := answer{noEcho: true}
	f, ok, err := h.target(c, u)
	if !ok {
		return a, err
	}
	hint := "在上一版基础上修改：" + strings.TrimSpace(u.Note)
	if n := len([]rune(u.Note)); n > maxHintRunes {
		return a, c.Reply(fmt.Sprintf("修改要求请控制在 %d 字以内（您写了 %d 字）。", maxHintRunes, n))
	}
	if err := h.focus(c, draftFocus{Number: f.Number}); err != nil {
		return a, err
	}
	a.shown = []string{f.Number}
	// 再加一句法条 负责人出庭是哪条来着: the question is answered first,
	// the article added as the revision can.
	return a, h.submitWith(c, f.Number, hint, writeOpts{lead: lawAnswer(u.Note)})
}

// export answers 导出 for the draft meant: a reviewed version as a Word
// file message through the app page's handler; without the page (Files
// nil) it checks the draft can be exported and gives the command that
// writes the document.
func (h *explainHandlers) export(c bot.Context, u intent.Understanding) (answer, error) {
	a := answer{noEcho: true}
	f, ok, err := h.target(c, u)
	if !ok {
		return a, err
	}
	if none, ok, err := h.noDraft(c, f.Number); !ok {
		return none, err
	}
	if h.s.files != nil {
		// The page's file message: the reviewed draft as a Word document.
		a.shown, a.results = []string{f.Number}, 1
		return a, h.s.files.HandleExportDraft(c, f.Number, f.Version)
	}
	doc, d, err := h.ex.Export(c.Ctx(), f.Number, f.Version)
	if err != nil {
		return a, err
	}
	a.shown, a.results = []string{f.Number}, 1
	a.md = fmt.Sprintf("案件 **%s** 第 %d 版以案说法（%s）已审核，可以导出为 Word 文档（约 %d KB）。\n"+
		"聊天中暂不能直接发送文件，请在服务器上运行：\n`casebot explain '%s' --version %d --export 以案说法.docx`",
		f.Number, d.Version, cmp.Or(explain.Title(d.Body), "无标题"), (len(doc)+1023)/1024, f.Number, d.Version)
	return a, nil
}

// about answers a question about the draft spoken of (那篇多少字, 写得太长了
// 吗): its length and version, and how to change it; a draft still being
// written is said to be.
func (h *explainHandlers) about(c bot.Context, u intent.Understanding) (answer, error) {
	a := answer{noEcho: true}
	if len(u.Numbers) == 0 && u.Short == "" && u.Seq == 0 && u.Ordinal == 0 {
		// 字数多少 with no draft in view (after a refused request): say
		// what is missing rather than asking which case.
		var f draftFocus
		if found, err := c.Memory().Recall(memDraftFocus, &f); err != nil {
			return a, err
		} else if !found {
			a.md = "篇幅（字数）要针对具体的以案说法草稿回答，您当前尚未选定草稿。以案说法只以已结案件为素材：请先发送“以案说法 案号”（已结案件）生成草稿，或发送“待审核的以案说法”选一篇，再问多少字。"
			return a, nil
		}
	}
	f, ok, err := h.target(c, u)
	if !ok {
		return a, err
	}
	a.shown = []string{f.Number}
	var d *explain.Draft
	if f.Version > 0 {
		d, err = h.ex.Drafts.Get(c.Ctx(), f.Number, f.Version)
	} else {
		d, err = h.ex.Drafts.Latest(c.Ctx(), f.Number)
	}
	if err != nil && !errors.Is(err, explain.ErrNoDraft) {
		return a, err
	}
	if d == nil {
		if last, _, err := h.ex.Queue.Last(c.Ctx(), c.UserID()); err == nil && last == f.Number {
			a.md = fmt.Sprintf("案件 %s 的以案说法草稿正在生成，完成后会发给您，届时可再问篇幅（字数）。", f.Number)
			return a, nil
		}
		none, _, err := h.noDraft(c, f.Number)
		return none, err
	}
	n := utf8.RuneCountInString(strings.Join(strings.Fields(d.Body), ""))
	how := "如需调整篇幅，可发送“改短一点”或“控制在1000字以内”，将生成新的一版。"
	if !h.ex.ModelConfigured() {
		how = "本系统未配置大模型，篇幅只能在草稿上人工调整（自动整理的草稿改写后内容不变）。"
	}
	a.md = fmt.Sprintf("案件 %s 第 %d 版以案说法草稿约 **%d 字**（不含空格）。%s", f.Number, d.Version, n, how)
	a.results = 1
	return a, nil
}
