package handlers

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/cases"
	"casebot/bot/deadline"
	"casebot/bot/explain"
	"casebot/bot/intent"
	"casebot/bot/people"
	"casebot/bot/store"
	"casebot/bot/workcal"
)

// The chat commands of 以案说法 drafts.
const (
	regenerateWord = "重新生成"
	angleWord      = "换个角度"
)

// explainHandlers answers requests for 以案说法 drafts. A request is checked
// (role, case, closed), counted against the user's hourly limit and queued;
// the user is answered at once and the draft follows from the worker
// (explain.Worker), because a model takes a minute or more.
type explainHandlers struct {
	s  *service
	ex *explain.Service
}

// registerExplain adds the routes of the follow-up commands (重新生成,
// 换个角度) and returns the handlers, to which the understanding step
// hands every request for a write-up in whatever wording (以案说法 行初85号,
// 帮我写一篇以案说法 就用行初85号, 行初85号那个案子写个以案说法) with the case
// numbers it found. They are registered even when the feature is not wired
// (ex nil), so that the words are answered rather than read as a query.
func registerExplain(b *bot.Bot, s *service, ex *explain.Service) *explainHandlers {
	h := &explainHandlers{s: s, ex: ex}
	if ex != nil {
		ex.Worker.Revise = h.reviseJob // instructions riding on a request, made on the first version
	}
	b.Text(exactWord(regenerateWord), h.regenerate)
	b.Text(bot.Prefix(angleWord), h.angle)
	return h
}

// exactWord matches a message that is the word alone, give or take spaces
// and closing punctuation.
func exactWord(w string) bot.Matcher {
	return func(text string) bool {
		return strings.TrimRight(strings.TrimSpace(text), "。！!.，, ") == w
	}
}

// explainUsage says how to ask, with a number of this year.
func (h *explainHandlers) explainUsage(c bot.Context) string {
	return "请在“以案说法”后写上已结案件的案号，例如：\n以案说法 " + h.s.example(c.Now()) + "，或简写 以案说法 行初85号"
}

// request handles a request for a write-up as the understanding step read
// it: the case named by number (full, short, 85号), or the one closed case
// of the party named; otherwise how to ask.
// A request naming no case (找个市监局的典型案例写一篇) gets the candidates,
// narrowed to what it names, to pick from with 第二个.
func (h *explainHandlers) request(c bot.Context, u intent.Understanding) (answer, error) {
	if u.ExplainAct != "" {
		return h.act(c, u)
	}
	a := answer{noEcho: true}
	if ok, err := h.allowed(c); !ok {
		return a, err
	}
	viewer := c.Person()
	numbers := u.Numbers
	var err error
	if u.Seq > 0 {
		if numbers, err = h.s.completeSeq(c.Ctx(), viewer, u.Seq, u.Recon, c.Now()); err != nil {
			return a, err
		}
	}
	if len(numbers) > 1 {
		// A short number completed with several courts: the ones that exist.
		found, err := h.s.visible(c.Ctx(), viewer, numbers, nil)
		if err != nil {
			return a, err
		}
		if len(found) == 1 {
			numbers = []string{found[0].Number}
		} else if len(found) > 1 {
			var ns []string
			for _, f := range found {
				ns = append(ns, f.Number)
			}
			return a, c.Reply("“" + u.Short + "”对应多个案件（" + strings.Join(ns, "、") + "），请写出完整案号。")
		}
	}
	if len(numbers) == 0 && u.Party != "" {
		// 用杨十八那个案子写一篇: the party's one closed case, when it has
		// one (several are for the candidates the explain handlers offer).
		ns, err := h.s.st.PartyNumbers(c.Ctx(), u.Party)
		if err != nil {
			return a, err
		}
		cs, err := h.s.visible(c.Ctx(), viewer, ns, func(cs *cases.Case) bool { return !cs.Open() })
		if err != nil {
			return a, err
		}
		if len(cs) == 1 {
			numbers = []string{cs[0].Number}
		}
	}
	terms := explainTerms(u.Residue)
	if len(numbers) == 0 && (described(u) || len(terms) > 0) {
		// 上个月那个镇政府强拆败诉的, 没听取陈述申辩那个: the closed cases
		// the description fits, offered with the request to send; never a
		// guess.
		offer, shown, none, err := h.byDescription(c, u, terms)
		if err != nil {
			return a, err
		}
		if offer == "" && len(shown) == 1 {
			// 资源局那个没听陈述申辩被撤销的, 强拆那个写一篇: one closed case
			// fits; that one is written at once, said which and how to
			// change it, since the user expects the draft next (改短一点
			// comes after it, never an answer to "是这件吗").
			a.shown = shown
			lead, err := h.foundLead(c, shown[0])
			if err != nil {
				return a, err
			}
			return a, h.submitWith(c, shown[0], "", writeOpts{lead: lead, riding: u.Note})
		}
		if offer != "" {
			a.shown, a.pick = shown, &pendingPick{Explain: true} // 对, 第二个: the request again, of that case
			return a, c.ReplyMarkdown(offer)
		}
		if none != nil && len(terms) == 0 {
			// 这周败诉的写一篇: nothing closed fits; say what was searched
			// (a claim the checker holds to), then the nearest candidates.
			v := u
			v.Period = intent.Period{}
			return h.nearestAfter(c, v, none.Text, "以下是近期可以选用的案件，供参考：", none)
		}
		if len(terms) > 0 {
			// 写一篇关于食品安全的: no case has those words; say what was
			// searched, then the nearest closed cases to pick from.
			v := u
			v.Residue = nil
			span := "近三年"
			if !u.Period.IsZero() {
				span = u.Period.Label
			}
			note := "按" + termsSearched(terms) + "查找了您可以查看的" + span + "已结案件（案由、结案方式、败诉原因、备注），未找到相符的案件。"
			return h.nearestAfter(c, v, note, "以下是可以选用的案件，供参考：", nil)
		}
	}
	if len(numbers) == 0 {
		// 找个市监局的典型案例写一篇, 帮我写一篇以案说法: the candidates.
		return h.candidates(c, u)
	}
	a.shown = numbers[:1]
	return a, h.submitWith(c, numbers[0], "", writeOpts{riding: u.Note})
}

// foundLead says which case a description found, before its draft: the
// case's line, and how to say it is another.
func (h *explainHandlers) foundLead(c bot.Context, number string) (string, error) {
	cs, err := h.s.visible(c.Ctx(), c.Person(), []string{number}, nil)
	if err != nil || len(cs) == 0 {
		return "", err
	}
	x := cs[0]
	line := fmt.Sprintf("%s %s｜%s", x.Number, h.s.parties(c.Person(), x), x.Cause)
	if x.Closure != nil {
		line += "｜" + cases.FormatDate(x.Closure.On, c.Location()) + " " + string(x.Closure.Method)
	}
	return "按您的描述找到 1 件已结案件：" + line + "，就用这件来写。如不是这件，请告诉我案号。\n", nil
}

// regenerate handles "重新生成": the user's last case, with its angle.
func (h *explainHandlers) regenerate(c bot.Context) error {
	if ok, err := h.allowed(c); !ok {
		return err
	}
	number, hint, err := h.ex.Queue.Last(c.Ctx(), c.UserID())
	if errors.Is(err, explain.ErrNoLast) {
		return c.Reply("您最近没有申请过以案说法草稿，不知道要重新生成哪一篇。" + h.explainUsage(c))
	}
	if err != nil {
		return err
	}
	return h.submit(c, number, hint)
}

// angle handles "换个角度：<提示>": the user's last case, from that angle.
func (h *explainHandlers) angle(c bot.Context) error {
	if ok, err := h.allowed(c); !ok {
		return err
	}
	hint := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(c.Message().Text), angleWord))
	hint = strings.TrimSpace(strings.TrimLeft(hint, "：: ，,"))
	if hint == "" {
		return c.Reply("请在“换个角度：”后写上您希望的写作角度，例如：\n换个角度：从行政机关负责人出庭应诉的角度写")
	}
	if n := len([]rune(hint)); n > maxHintRunes {
		return c.Reply(fmt.Sprintf("写作角度请控制在 %d 字以内（您写了 %d 字）。", maxHintRunes, n))
	}
	number, _, err := h.ex.Queue.Last(c.Ctx(), c.UserID())
	if errors.Is(err, explain.ErrNoLast) {
		return c.Reply("请先发送“以案说法 案号”生成一篇草稿，再用“换个角度：…”改写。")
	}
	if err != nil {
		return err
	}
	return h.submit(c, number, hint)
}

// maxHintRunes bounds the angle a user may give, which goes into the prompt.
const maxHintRunes = 200

// allowed lets the 普法 team, the bureau's staff and admins ask; others
// get a polite refusal, as does everyone when the feature is not wired.
// When it returns false the user has been answered (or err says why not).
func (h *explainHandlers) allowed(c bot.Context) (bool, error) {
	if h.ex == nil {
		return false, c.Reply("抱歉，以案说法草稿功能尚未启用。如需使用，请联系" + h.s.cfg.People.Contact + "。")
	}
	p := c.Person()
	if p == nil || (p.Role != people.Pufa && p.Role != people.Staff && p.Role != people.Admin) {
		if err := h.s.record(c, audit.Refused, "explain-role", 0, nil, ""); err != nil {
			return false, err
		}
		return false, bot.Errorf(bot.EForbidden, "抱歉，以案说法草稿只面向普法工作人员和司法局应诉专班。如您需要用某个案件做普法素材，请联系%s。", h.s.cfg.People.Contact)
	}
	return true, nil
}

// writeOpts are what a request brings besides its case: lead, said before
// the answer (which case a description found, and how to change it), and
// riding, instructions on how to write it (八百字左右 当事人名字隐掉, 写成
// 公众号口吻): with a model they are the prompt's angle; without one the
// worker makes them as a revision of the first version (reviseJob).
type writeOpts struct{ lead, riding string }

// submit checks the case and queues the draft.
func (h *explainHandlers) submit(c bot.Context, number, hint string) error {
	return h.submitWith(c, number, hint, writeOpts{})
}

// submitWith is submit with what the request brought besides the case.
func (h *explainHandlers) submitWith(c bot.Context, number, hint string, o writeOpts) error {
	ctx := c.Ctx()
	viewer := c.Person()
	cs, err := h.s.st.Get(ctx, number)
	if errors.Is(err, store.ErrNotFound) {
		cs, err = nil, nil
	}
	if err != nil {
		return err
	}
	// One answer for a missing case and one the viewer may not see; the
	// 普法 team sees closed cases only, so an open case reads the same to
	// them as a missing one, worded so it explains both.
	switch {
	case cs == nil || !h.s.scope.CanSee(viewer, cs):
		if err := h.s.record(c, audit.Query, "explain", 0, nil, hint); err != nil {
			return err
		}
		return c.Reply(fmt.Sprintf("没有找到您可以使用的已结案件 %s。以案说法只以已结案件为素材；如该案尚未结案，请在结案后再试。", number))
	case cs.Open():
		if err := h.s.record(c, audit.Query, "explain", 0, []string{number}, hint); err != nil {
			return err
		}
		return c.Reply(fmt.Sprintf("案件 %s 尚未结案。以案说法只以已结案件为素材，请在结案后再试。", number))
	}
	if hint != "" && !h.ex.ModelConfigured() {
		// Without a model a draft is the ledger's fields put in order: a
		// revision a fixed operation can make (隐名, 压缩, 标题, 法条原文)
		// is made; another angle or a rewording would be the same text
		// again, so no new version is made, and the user is told why.
		instr := strings.TrimPrefix(hint, "在上一版基础上修改：")
		if eds, skipped, ok := offlineEditsOf(instr); ok && strings.HasPrefix(hint, "在上一版基础上修改：") {
			return h.offlineEdit(c, number, eds, skipped, instr, o.lead)
		}
		if err := h.s.record(c, audit.Refused, "explain-hint-no-model", 0, []string{number}, hint); err != nil {
			return err
		}
		return c.Reply(o.lead + fmt.Sprintf("按“%s”改写需要大模型，本系统未配置大模型：草稿只能根据台账字段自动整理，换角度或改写后的文字与原稿相同，"+
			"因此这次未生成新版本，原草稿不变。如需调整，请在原稿上人工修改；如需由大模型改写，请联系%s。\n%s", strings.TrimPrefix(hint, "在上一版基础上修改："), h.s.cfg.People.Contact, offlineCan))
	}
	revise := ""
	if o.riding != "" {
		if h.ex.ModelConfigured() {
			hint = strings.TrimSpace(hint + " " + o.riding)
		} else {
			revise = o.riding
		}
	}
	if n := len([]rune(hint)); n > maxHintRunes {
		return c.Reply(fmt.Sprintf("写作要求请控制在 %d 字以内（您写了 %d 字）。", maxHintRunes, n))
	}
	if err := h.s.record(c, audit.Query, "explain", 1, []string{number}, strings.TrimSpace(hint+" "+revise)); err != nil {
		return err
	}
	if err := h.focus(c, draftFocus{Number: number}); err != nil {
		return err
	}
	_, err = h.ex.Request(ctx, explain.Job{Number: number, User: c.UserID(), Hint: hint, Revise: revise, RequestedAt: c.Now()})
	var le *explain.LimitedError
	if errors.As(err, &le) {
		return c.Reply(fmt.Sprintf("抱歉，每人每小时最多申请 %d 篇由大模型撰写的以案说法草稿，您本小时的次数已用完。请在 %s 以后再试，谢谢理解。",
			le.Limit, retryAt(le.Next, c.Now(), c.Location())))
	}
	if err != nil {
		return err
	}
	var b strings.Builder
	b.WriteString(o.lead)
	fmt.Fprintf(&b, "正在生成案件 %s 的以案说法草稿", number)
	if hint != "" {
		fmt.Fprintf(&b, "（写作角度：%s）", hint)
	}
	b.WriteString("…\n")
	if h.ex.ModelConfigured() {
		b.WriteString("大模型撰写通常需要一到两分钟，完成后将分段发送给您。")
	} else if revise != "" {
		fmt.Fprintf(&b, "本系统未配置大模型，将根据台账字段自动整理成稿；您的要求“%s”会在初稿上离线处理（能做的固定修改会做，做不到的会说明），稍后一并发送给您。", revise)
	} else {
		b.WriteString("本系统未配置大模型，将根据台账字段自动整理成稿，稍后发送给您。")
	}
	b.WriteString("草稿中的当事人信息已脱敏，须经人工审核后方可发布。")
	b.WriteString(h.notFinal(c, cs))
	return c.Reply(b.String())
}

// retryAt writes a time for people, rounded up to the minute so that the
// time said is never too early: 15:04 today, else 1月2日 15:04.
func retryAt(t, now time.Time, loc *time.Location) string {
	if r := t.Truncate(time.Minute); !r.Equal(t) {
		t = r.Add(time.Minute)
	}
	t, now = t.In(loc), now.In(loc)
	if t.Year() == now.Year() && t.YearDay() == now.YearDay() {
		return t.Format("15:04")
	}
	return fmt.Sprintf("%d月%d日 %s", int(t.Month()), t.Day(), t.Format("15:04"))
}

// explainHelp is the help paragraph on 以案说法 for p, empty for roles that
// may not ask; the help answer appends it.
func explainHelp(p *people.Person, number string) string {
	if p == nil || (p.Role != people.Pufa && p.Role != people.Staff && p.Role != people.Admin) {
		return ""
	}
	return "**以案说法草稿**（仅限已结案件）\n> 以案说法 " + number + "（或 帮我写一篇以案说法 就用行初85号）\n> 重新生成\n> 换个角度：从负责人出庭应诉的角度写\n草稿中的当事人信息已脱敏，须经人工审核后方可发布。"
}

// nearestAfter answers a description nothing fits: note (what was searched
// and not found), then the candidates of v to pick from, introduced by
// lead. none is note's claim for the checker, nil when note states no
// count the checker holds; with none, a note is left out when the
// candidates state their own none (the two would say it twice).
func (h *explainHandlers) nearestAfter(c bot.Context, v intent.Understanding, note, lead string, none *claim) (answer, error) {
	ca, err := h.candidates(c, v)
	if err != nil {
		return ca, err
	}
	switch {
	case ca.md != "" && len(ca.claims) == 0:
		ca.md = note + lead + "\n\n" + ca.md
		if none != nil {
			ca.claims = append(ca.claims, *none)
		}
	case ca.md != "" && none == nil:
		ca.md = note + "\n\n" + ca.md // the candidates' own none follows
	}
	ca.noEcho = true
	return ca, nil
}

// described reports whether a request without a number describes its
// case: an agency, an outcome, a cause, a loss reason, a period.
func described(u intent.Understanding) bool {
	return u.Agency != "" || len(u.Agencies) > 0 || u.Outcome != "" || u.Cause != "" || u.Reason != "" ||
		u.Metric == intent.Lost || u.Metric == intent.Corrected || !u.Period.IsZero()
}

// byDescription finds the closed cases a described request fits (the

// period said, else the last three years), through the count's own
// selection, and offers at most five; "" when none fits.
func (h *explainHandlers) byDescription(c bot.Context, u intent.Understanding, terms []string) (string, []string, *claim, error) {
	viewer, now := c.Person(), c.Now()
	v := u
	v.Kind = intent.Count
	if v.Metric != intent.Lost && v.Metric != intent.Corrected {
		v.Metric = intent.Closed
	}
	if v.Period.IsZero() {
		v.Period = intent.Period{From: now.AddDate(-3, 0, 0), To: now.AddDate(0, 0, 1), Label: "近三年"}
	}
	q := h.s.queryOf(v, viewer)
	q.Metric = v.Metric
	q.From, q.To = v.Period.From, v.Period.To
	if q.Unknown != "" {
		return "", nil, nil, nil
	}
	// none is what was searched, when nothing closed fits it.
	none := &claim{What: claimCases, Q: q}
	if echo := v.Echo(func(p string) string { return h.s.shownName(viewer, p) }); echo != "" {
		none.Text = "按“" + echo + "”查找，没有您可以查看的相符已结案件。"
	} else {
		none = nil
	}
	ns, err := h.s.countNumbers(c, v, q)
	if err != nil || len(ns) == 0 {
		return "", nil, none, err
	}
	cs, err := h.s.visible(c.Ctx(), viewer, ns, func(cs *cases.Case) bool { return !cs.Open() && casesHave(cs, terms) })
	if err != nil || len(cs) == 0 {
		if len(terms) == 0 && err == nil {
			return "", nil, none, nil // the count's cases are all open: none closed fits
		}
		return "", nil, nil, err
	}
	if said := saidOf(c.Message().Text); len(cs) > 1 && len(said) > 0 {
		var strong []*cases.Case
		for _, x := range cs {
			if caseSays(x, said) {
				strong = append(strong, x)
			}
		}
		if len(strong) == 1 && singular(c.Message().Text) {
			return "", []string{strong[0].Number}, nil, nil
		}
	}
	text := c.Message().Text
	sorted := false // by what was won rather than by date
	if wonAskRe.MatchString(text) && v.Metric == intent.Closed {
		// 最近有没有赢了的典型案子 想写个正面的: the cases the agency won,
		// those decided on the merits (驳回诉讼请求, 维持) before those
		// ended otherwise (终止, 撤诉); all of them when it won none.
		var won, other []*cases.Case
		for _, x := range cs {
			switch {
			case h.s.loss.Lost(x) || cases.Corrected(x):
			case meritsWonRe.MatchString(string(x.Closure.Method)):
				won = append(won, x)
			default:
				other = append(other, x)
			}
		}
		if len(won)+len(other) > 0 {
			cs, sorted = append(won, other...), true
		}
	}
	asked := offerAskRe.MatchString(text)
	if len(cs) == 1 && !asked {
		return "", []string{cs[0].Number}, nil, nil // one case fits: written at once (request)
	}
	n := min(len(cs), 5)
	var b strings.Builder
	fmt.Fprintf(&b, "按您的描述找到 %d 件已结案件", len(cs))
	switch {
	case len(cs) > n && sorted:
		fmt.Fprintf(&b, "（行政机关胜诉的在前，列出 %d 件）", n)
	case len(cs) > n:
		fmt.Fprintf(&b, "（列出最近 %d 件）", n)
	}
	if len(cs) == 1 {
		b.WriteString("：\n\n") // 有没有…的案子: asked, so offered, not written
	} else {
		b.WriteString("，请选一件：\n\n")
	}
	var shown []string
	for i, x := range cs[:n] {
		line := fmt.Sprintf("%d. **%s** %s｜%s", i+1, x.Number, h.s.parties(viewer, x), x.Cause)
		if x.Closure != nil {
			line += "｜" + cases.FormatDate(x.Closure.On, c.Location()) + " " + string(x.Closure.Method)
		}
		b.WriteString(line + "\n")
		shown = append(shown, x.Number)
	}
	sn := cases.MustParseNumber(cs[0].Number)
	ref := cs[0].Number
	if strings.HasPrefix(sn.Type, "行") && sn.Seq > 0 {
		ref = fmt.Sprintf("%s%d号", sn.Type, sn.Seq)
	}
	if len(cs) == 1 {
		fmt.Fprintf(&b, "\n要用这件写，请回复“写这个”（或“以案说法 %s”），也可以同时说怎么写（例如“写这个 三百字以内”）。", ref)
	} else {
		fmt.Fprintf(&b, "\n请回复序号（例如“第一个”）或“以案说法 %s”（换成您选的案号），我再生成草稿；也可以同时说怎么写（例如“第一个 三百字以内”）。", ref)
	}
	return b.String(), shown, nil, nil
}

var (
	// meritsWonRe are the endings in which the agency won on the merits.
	meritsWonRe = regexp.MustCompile(`驳回诉讼请求|维持|驳回复议申请|驳回上诉`)
	// offerAskRe asks whether there is a case (有没有…的, …的有哪些): the
	// cases are offered even when one fits, never written unasked.
	offerAskRe = regexp.MustCompile(`有没有|有无|有哪些|哪些|哪几个|哪个|有吗|吗[?？]?$|[?？]`)
)

// explainFiller are the words of a request by description that name no
// case (写一篇, 那个, 关于): what is left of a residue word without them is
// a word to look for in the cases.
var explainFiller = strings.NewReplacer("关于", "", "有关", "", "涉及", "", "那个", "", "这个", "", "那件", "", "案子", "", "案件", "",
	"案例", "", "一篇", "", "一个", "", "方面", "", "的", "", "写", "", "挑", "", "选", "", "找", "", "个", "", "篇", "", "吧", "", "呢", "",
	// what makes a case worth writing, said of any case (有教育意义的, 最好是
	// 典型的): no words to find in a case's text
	"有教育意义", "", "教育意义", "", "有意义", "", "最好是", "", "最好", "", "典型", "", "代表性", "", "适合", "", "合适", "", "正面", "", "反面", "", "警示", "",
	// a case the agency won (胜诉的, 打赢了的): a filter of its own (wonAskRe), no words to find
	"胜诉", "", "打赢", "", "赢了", "", "赢", "",
	// what the write-up is (一篇普法文章, 稿子): no words to find in a case
	"普法文章", "", "普法稿", "", "普法", "", "文章", "", "稿子", "", "稿", "", "素材", "",
	// the kind of case said loosely (拆违那类的, 违法建筑相关的) and the
	// ask's own words (可以做, 能写): no words to find in a case
	"那类", "", "这类", "", "一类", "", "此类", "", "相关", "", "可以", "", "能够", "")

// explainTerms are the residue words of a write-up request worth looking
// for in the cases' text (没听取陈述申辩, 食品安全), two runes or more.
func explainTerms(residue []string) []string {
	var out []string
	for _, r := range residue {
		if instructionTermRe.MatchString(r) {
			continue // 八百字左右, 当事人名字隐掉: how to write it, not what it is about
		}
		// 强拆前没催告: 强拆 is read as the 案由, its 前 leads the rest.
		if t := strings.TrimPrefix(explainFiller.Replace(r), "前"); len([]rune(t)) >= 2 && !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

// instructionTermRe is a residue word that says how to write, riding on a
// request by description.
var instructionTermRe = regexp.MustCompile(`[0-9一二两三四五六七八九十百千]+\s*字|^字(?:左右|以内|以下|上下)|名字|姓名|隐掉|隐去|隐名|脱敏|标题|口吻|公众号|短一点|长一点|简短|通俗`)

// negations are written several ways for one meaning (没听取, 未听取,
// 不听取): compared as one.
var negations = strings.NewReplacer("没有", "未", "没", "未", "无", "未", "不", "未")

// negatedNear reports whether core occurs in text negated by a 未 among
// the four runes before it (没催告 in 未依法催告, 没告知 in 未书面告知).
func negatedNear(text, core string) bool {
	for from := 0; ; {
		i := strings.Index(text[from:], core)
		if i < 0 {
			return false
		}
		i += from
		before := []rune(text[:i])
		if j := len(before) - 4; strings.ContainsRune(string(before[max(j, 0):]), '未') {
			return true
		}
		from = i + len(core)
	}
}

// casesHave reports whether every term occurs in the case's own text (案由,
// 结案方式, 败诉原因, 备注), negations compared as one; a term of five runes
// or more occurs when any four-rune stretch of it does (没听取陈述申辩 in
// 未听取陈述申辩). No terms: any case.
// writeThatRe is a request to write up a case just shown, named by a word of
// it or by nothing (就写复议那个, 写这个吧, 那就写信息公开那件).
var writeThatRe = regexp.MustCompile(`^(?:好的?|行|嗯)?[，, ]*(?:那就|就|那|那么就)?(?:写|用)(?:一篇|篇|个)?(?:这个|那个|这件|那件|它|这篇|这一个|那一个)?(?:吧|了|呗)?$|^(?:那就|就|那)?(?:写|用)(\p{Han}{1,8}?)(?:的)?(?:那个|这个|那件|这件|那篇)(?:吧|了|呗)?$`)

// writeShown writes up the case a request names among those the last answer
// showed: the only one, or the only one of the kind or agency it says
// (复议那个 after 复33 and 行初133). It reports false for anything else.
func (h *explainHandlers) writeShown(c bot.Context, text string, last *lastQuestion) (bool, error) {
	m := writeThatRe.FindStringSubmatch(strings.TrimSpace(intent.Normalize(text)))
	if m == nil || last == nil || len(last.Shown) == 0 || len(last.Shown) > 8 {
		return false, nil
	}
	cs, err := h.s.visible(c.Ctx(), c.Person(), last.Shown, func(x *cases.Case) bool {
		if x.Open() {
			return false
		}
		word := m[1]
		switch {
		case word == "":
			return true
		case strings.Contains(word, "复议"):
			return x.Kind == cases.Reconsideration
		case strings.Contains(word, "诉讼"):
			return x.Kind == cases.Litigation
		}
		return casesHave(x, []string{word}) || slices.ContainsFunc(x.Defendants, func(d string) bool { return strings.Contains(d, word) })
	})
	if err != nil || len(cs) != 1 {
		return false, err
	}
	if ok, err := h.allowed(c); !ok {
		return true, err
	}
	return true, h.submit(c, cs[0].Number, "")
}

// saidWords are colloquial names of what a case was about, with the words a
// ledger's free text (败诉原因, 备注) writes them in: 强拆 is a 行政强制
// like others, but only some say 拆除.
var saidWords = map[string][]string{
	"强拆": {"拆除", "强拆"}, "拆违": {"拆除", "违建", "违法建筑"}, "拆房": {"拆除"}, "拆迁": {"拆迁", "征收", "拆除"},
	// a 违建 case is its demolition: 强制拆除前未依法催告 is one
	"违建": {"拆除", "违法建筑", "违法建设"}, "违法建筑": {"拆除", "违建", "违法建设"}, "违章建筑": {"拆除", "违建", "违法建筑"},
	"查封": {"查封"}, "扣押": {"扣押"}, "吊销": {"吊销"}, "停产": {"停产", "停业"}, "关停": {"关停", "停业"},
	"罚款": {"罚款"}, "拘留": {"拘留"}, "催告": {"催告"}, "听证": {"听证"}, "陈述申辩": {"陈述", "申辩"},
}

// saidOf returns the free-text words of the colloquial names text uses.
func saidOf(text string) []string {
	var out []string
	for w, fs := range saidWords {
		if strings.Contains(text, w) {
			out = append(out, fs...)
		}
	}
	return out
}

// caseSays reports whether c's own words (败诉原因, 备注) hold one of words.
func caseSays(c *cases.Case, words []string) bool {
	text := c.Note
	if c.Closure != nil {
		text += "｜" + c.Closure.Reason
	}
	for _, w := range words {
		if strings.Contains(text, w) {
			return true
		}
	}
	return false
}

// singular reports whether a request names one case (强拆那个, 那件, 这个案子)
// rather than asking for some (强拆的有哪些).
func singular(text string) bool {
	return strings.Contains(text, "那个") || strings.Contains(text, "那件") || strings.Contains(text, "这个") || strings.Contains(text, "那篇") || strings.Contains(text, "那一个")
}

func casesHave(c *cases.Case, terms []string) bool {
	text := c.Cause + "｜" + c.Note
	if c.Closure != nil {
		text += "｜" + string(c.Closure.Method) + "｜" + c.Closure.Reason
	}
	text = negations.Replace(text)
	for _, t := range terms {
		if !termFound(text, []rune(negations.Replace(t))) && !stemFound(text, t) {
			return false
		}
	}
	return true
}

// termStems are the words the ledger writes a colloquial subject in (拆违:
// 拆除, 违建, 违法建筑), from both lists the rules keep (the subject
// keywords of refs and the free-text names of explain): a request for 拆违
// cases must find 强制拆除前未依法催告, which never says 拆违. Nil for a
// term with no other wording.
func termStems(t string) []string {
	var out []string
	add := func(ws []string) {
		for _, w := range ws {
			if w != t && !slices.Contains(out, w) {
				out = append(out, w)
			}
		}
	}
	add(subjectStems[t])
	add(saidWords[t])
	// 违建拆除, 拆违方面: a colloquial subject inside a longer term, the
	// subject's wordings sorted so the none reads the same every time.
	var inside []string
	for _, m := range []map[string][]string{subjectStems, saidWords} {
		for k, ws := range m {
			if k != t && utf8.RuneCountInString(k) >= 2 && strings.Contains(t, k) {
				inside = append(inside, append([]string{k}, ws...)...)
			}
		}
	}
	slices.Sort(inside)
	add(inside)
	return out
}

// stemFound reports whether one of the ledger's wordings of the term t
// occurs in text.
func stemFound(text, t string) bool {
	for _, w := range termStems(t) {
		if strings.Contains(text, w) {
			return true
		}
	}
	return false
}

// termsSearched names the terms of a search by description with the
// wordings each was also looked for as, so that a none says exactly what
// was searched: “拆违”（含拆除、违建、违法建筑的）.
func termsSearched(terms []string) string {
	var parts []string
	for _, t := range terms {
		p := "“" + t + "”"
		if ws := termStems(t); len(ws) > 0 {
			p += "（含" + strings.Join(ws, "、") + "的）"
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, "")
}

// termJoinRe joins two acts in one description (没催告就拆, 没听申辩就罚):
// each is looked for on its own.
var termJoinRe = regexp.MustCompile(`就|才|又|然后|以后|之后`)

// termFound reports whether the term rs (negations as 未) occurs in text,
// a case's own words, as casesHave says.
func termFound(text string, rs []rune) bool {
	found := strings.Contains(text, string(rs))
	for i := 0; !found && len(rs) > 4 && i+4 <= len(rs); i++ {
		found = strings.Contains(text, string(rs[i:i+4]))
	}
	if !found && len(rs) >= 3 && rs[0] == '未' {
		found = negatedNear(text, string(rs[1:]))
	}
	if !found && len(rs) >= 3 && rs[0] == '未' {
		// 没听申辩 in 未听取陈述申辩: the negated act's last two runes,
		// with a 未 a few words before them.
		found = negatedWithin(text, string(rs[len(rs)-2:]), 6)
	}
	if !found && len(rs) >= 4 {
		// 自己纠正后 in 被告自行纠正后: a colloquial wording of the
		// ledger's, most of its two-rune pieces there, its end too.
		found = mostBigrams(text, rs)
	}
	if !found && termJoinRe.MatchString(string(rs)) {
		// 没催告就拆: 没催告 found, 拆 too short to say anything.
		parts, long := termJoinRe.Split(string(rs), -1), 0
		found = true
		for _, p := range parts {
			if pr := []rune(p); len(pr) >= 2 {
				long++
				found = found && termFound(text, pr)
			}
		}
		found = found && long > 0
	}
	return found
}

// negatedWithin reports whether core occurs in text with a 未 among the n
// runes before it.
func negatedWithin(text, core string, n int) bool {
	for from := 0; ; {
		i := strings.Index(text[from:], core)
		if i < 0 {
			return false
		}
		i += from
		before := []rune(text[:i])
		if strings.ContainsRune(string(before[max(len(before)-n, 0):]), '未') {
			return true
		}
		from = i + len(core)
	}
}

// mostBigrams reports whether at least half of the two-rune pieces of rs
// occur in text, the last among them (what a description ends on is what
// it is about: 纠正后, 申辩).
func mostBigrams(text string, rs []rune) bool {
	n, hit := 0, 0
	for i := 0; i+2 <= len(rs); i++ {
		n++
		if strings.Contains(text, string(rs[i:i+2])) {
			hit++
		}
	}
	return strings.Contains(text, string(rs[len(rs)-2:])) && 2*hit >= n
}

// notFinal warns, for a first-instance decision still open to appeal (its
// appeal period as the deadline rules count it not yet run, no appeal
// decision recorded), that it is not yet in force: a write-up published
// now may have to be withdrawn. "" otherwise.
func (h *explainHandlers) notFinal(c bot.Context, cs *cases.Case) string {
	d, ok := h.s.st.Deadlines.Find(cs, deadline.Appeal)
	today := workcal.DateOf(c.Now(), h.s.st.Deadlines.Location())
	if !ok || d.Done || d.Due.Before(today) {
		return ""
	}
	return fmt.Sprintf("\n请注意：该案一审裁判文书于%s送达，上诉期限至%s，目前尚未生效（当事人仍可上诉）；建议生效后再发布，或稿中暂不写裁判结果的定性。", d.Start.Chinese(), d.Due.Chinese())
}
