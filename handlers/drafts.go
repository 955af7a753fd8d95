package handlers

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/bulletin"
	"casebot/bot/cases"
	"casebot/bot/deadline"
	"casebot/bot/intent"
	"casebot/bot/people"
	"casebot/bot/workcal"
)

// Offline drafts: documents the bot writes from the ledger's own facts
// with no model, in a plain official style, each headed as a draft to be
// reviewed (draftHead). The 一案一整改 notice (rectifyNotice) was the
// first; the others are read by the same table (draftAsked) and written
// the same way: the facts the ledger holds, the law that sets the task,
// and placeholders for what only the handler knows.

// draftKind is a document the bot can draft.
type draftKind string

const (
	draftRectify draftKind = "整改通知"   // 一案一整改通知 (rectify_chat.go)
	draftDefence draftKind = "答辩状提纲"  // outline of a 行政诉讼 defence
	draftReply   draftKind = "复议答复书"  // 行政复议答复书
	draftReport  draftKind = "情况汇报"   // a period's 行政应诉 figures, as the bulletin computes them
	draftAppear  draftKind = "催促出庭通知" // to an agency: its head to appear at the next hearing
	// draftMeeting is a document the bot cannot write (会议材料提纲, 讲话稿,
	// PPT): it needs the meeting's agenda and the leader's points. It is
	// answered honestly, with the figures and the lists such a document is
	// built from, never with a search for something else.
	draftMeeting draftKind = "会议材料"
)

// draftVerb asks for a document to be written before its name (起草,
// 拟一下, 写个, 出一份, 帮我弄个); draftVerbAfter after it (答复书起草一下,
// 答辩状写一下). A lone 出 or 做 is not one (明天出庭要带答辩状吗).
const (
	draftVerb      = `(?:起草|草拟|拟一下|拟个|拟一个|拟一份|拟|写一下|写个|写一个|写一份|写份|写|弄一下|弄个|弄一个|弄一份|做个|做一个|做一份|出个|出一个|出一份|生成|准备一份|准备个|列一下|列个|整一个|整个)`
	draftVerbAfter = `(?:起草|草拟|拟一下|拟个|写一下|写个|写一份|弄一下|列一下|生成|出一份|出一下|整一下|做一下)`
)

// draftDocs are the documents as people name them, most specific first;
// a verb is needed where the name alone is also a question of state
// (答复书交了没 asks whether it was filed, 写个答复书 asks for one).
var draftDocs = []struct {
	kind draftKind
	re   *regexp.Regexp
}{
	{draftAppear, regexp.MustCompile(`(?:催促|督促|催|提醒|要求)[^，。]{0,8}?(?:按时)?出庭(?:应诉)?的?(?:通知书|通知函|函|通知)(?:$|[^一他她到下])|出庭(?:应诉)?(?:督促|催促|提示)(?:通知书?|函)`)},
	{draftDefence, regexp.MustCompile(`答辩(?:状|书)?的?(?:提纲|要点|框架|思路|大纲|草稿|初稿|模板)|` + draftVerb + `[^，。]{0,10}?答辩(?:状|书|意见)|答辩(?:状|书|意见)[^，。]{0,3}?` + draftVerbAfter)},
	{draftReply, regexp.MustCompile(`(?:复议)?答复(?:书|意见)?的?(?:提纲|要点|框架|草稿|初稿|模板)|` + draftVerb + `[^，。]{0,10}?(?:复议答复|答复书|答复意见)|(?:复议答复|答复书|答复意见)[^，。]{0,3}?` + draftVerbAfter)},
	{draftMeeting, regexp.MustCompile(`(?i)(?:会议|会上|开会|汇报会|座谈会|推进会|调度会|例会)[^，。]{0,6}?(?:材料|提纲|讲话稿|发言稿|讲稿|ppt|幻灯片|课件|纪要|议程)|` +
		`(?i)讲话稿|发言稿|发言提纲|讲话提纲|汇报提纲|讲稿|ppt|幻灯片|会议纪要|会议议程|(?:` + draftVerb + `)[^，。整答通说]{0,6}?(?:提纲|大纲)`)},
	{draftReport, regexp.MustCompile(`(?:季度|半年|年度|月度|本月|上月|今年|这个月|上个月)[^，。]{0,8}?(?:情况汇报|工作汇报|汇报材料|情况报告|工作总结)|` + draftVerb + `[^，。]{0,10}?(?:情况汇报|工作汇报|汇报材料|情况报告)|(?:情况汇报|工作汇报|汇报材料)[^，。]{0,4}?` + draftVerbAfter)},
	{draftRectify, draftNoticeRe},
}

// filedRe tells a statement about a document filed (我写的答辩状交了) from
// a request to write one.
var filedRe = regexp.MustCompile(`交了|已交|交没|交过|提交了|已提交|递交|报送了|写了没|写好了|写完了`)

// draftAsked returns the document a message asks to be drafted.
func draftAsked(text string) (draftKind, bool) {
	t := strings.ReplaceAll(text, " ", "")
	if filedRe.MatchString(t) {
		return "", false
	}
	for _, d := range draftDocs {
		if d.re.MatchString(t) {
			return d.kind, true
		}
	}
	return "", false
}

// draftHead is the first line of every draft: what it is, and that it is
// a draft for review, never a document to send as it stands.
func draftHead(title, use string) string {
	return "**" + title + "（草稿，须经审核后" + use + "）**\n\n"
}

// draft answers a request for a document other than the 整改通知 (which
// the 整改 route answers with the case's record): the case it is of, from
// the message, the one case just shown or the agency's next hearing, then
// the draft, or what is missing to write it.
func (s *service) draft(c bot.Context, kind draftKind, text string, prev *lastQuestion) (bool, error) {
	viewer := c.Person()
	a := answer{action: audit.Query, noEcho: true}
	u, err := intent.Understand(text, s.options(c, viewer))
	if err != nil {
		return false, err
	}
	if kind == draftReport && (strings.Contains(text, "败诉") || oneMonth(u.Period)) {
		return false, nil // 弄个十月份败诉情况汇报: that month's bulletin itself
	}
	if kind == draftMeeting {
		if a.md, err = s.meetingDraft(c, u, text); err != nil {
			return false, err
		}
		return true, s.replyRouted(c, intent.Understanding{Kind: intent.Bulletin, Period: u.Period}, a)
	}
	if kind == draftReport {
		if a.md, err = s.reportDraft(c, u); err != nil {
			return false, err
		}
		return true, s.replyRouted(c, intent.Understanding{Kind: intent.Bulletin, Period: u.Period}, a)
	}
	k, why, err := s.draftCase(c, kind, u, prev)
	if err != nil {
		return false, err
	}
	if k == nil && why == "" {
		return false, nil // 你能帮我写一份答辩状吗: no case to outline, the reader says what it can do
	}
	if k == nil {
		a.md = why
		return true, s.replyRouted(c, intent.Understanding{Kind: intent.Case}, a)
	}
	a.shown, a.results = []string{k.Number}, 1
	switch {
	case kind == draftDefence && k.Kind == cases.Reconsideration:
		kind = draftReply
		a.md = k.Number + " 是行政复议案件，被申请人提交的是复议答复书，不是答辩状；以下按复议答复书起草。\n\n"
	case kind == draftReply && k.Kind == cases.Litigation:
		kind = draftDefence
		a.md = k.Number + " 是行政诉讼案件，被告提交的是答辩状，不是复议答复书；以下按答辩状提纲起草。\n\n"
	}
	switch kind {
	case draftDefence, draftReply:
		if k.Kind == cases.NonLitigation {
			a.md = k.Number + " 是非诉执行审查案件，行政机关是申请执行人，不需要提交答辩状或复议答复书；如法院要求说明情况，请与承办人" + orWord(k.Handler, "") + "联系。"
			break
		}
		a.md += s.defenceDraft(c, k, kind)
	case draftAppear:
		a.md += s.appearDraft(c, k)
	}
	return true, s.replyRouted(c, intent.Understanding{Kind: intent.Case, Numbers: []string{k.Number}}, a)
}

// draftCase is the case a draft is of: one the message names (the first
// the asker may see), else the one case just shown; for the 出庭 notice
// also the agency's next hearing. why says what is missing when none.
func (s *service) draftCase(c bot.Context, kind draftKind, u intent.Understanding, prev *lastQuestion) (*cases.Case, string, error) {
	viewer, now := c.Person(), c.Now()
	var numbers []string
	if len(u.Numbers) > 0 || u.Short != "" || u.Seq > 0 {
		ns, err := s.caseRefs(c.Ctx(), viewer, u, now)
		if err != nil {
			return nil, "", err
		}
		numbers = ns
	} else if prev != nil && len(prev.Shown) == 1 {
		numbers = prev.Shown
	} else if kind == draftAppear && len(u.Agencies) == 1 {
		k, err := s.nextHearingOf(c, u.Agencies[0])
		if err != nil || k != nil {
			return k, "", err
		}
		return nil, fmt.Sprintf("台账中%s一年内查不到待开庭的案件，暂不需要催促出庭；如有新的开庭安排，请先登记开庭时间，或写明案号。", u.Agencies[0]), nil
	}
	if len(numbers) == 0 {
		if kind != draftAppear {
			return nil, "", nil
		}
		return nil, fmt.Sprintf("请写明要起草%s的案件或单位，例如“起草行初130号的%s”。", kind, kind), nil
	}
	cs, err := s.visible(c.Ctx(), viewer, numbers[:1], nil)
	if err != nil {
		return nil, "", err
	}
	if len(cs) == 0 {
		hidden, _, err := s.unseen(c.Ctx(), numbers[:1])
		if err != nil {
			return nil, "", err
		}
		if len(hidden) > 0 {
			return nil, outOfScope(viewer, "案件 "+numbers[0]+" "), nil
		}
		// The number as completed is absent: the same words as a lookup's.
		return nil, absentText(u.Short, numbers[:1]) + "请核对案号后再发。", nil
	}
	return cs[0], "", nil
}

// nextHearingOf is the visible case of agency with the soonest hearing
// from now to a year on (the hearing index, as the hearing lists read
// it), nil when none.
func (s *service) nextHearingOf(c bot.Context, agency string) (*cases.Case, error) {
	hs, err := s.st.HearingsBetween(c.Ctx(), c.Now(), c.Now().AddDate(1, 0, 0))
	if err != nil {
		return nil, err
	}
	for _, h := range hs { // in order of time
		if s.scope.CanSee(c.Person(), h.Case) && containsAgency(h.Case.Defendants, agency, s.scope.Agencies().Same) {
			return h.Case, nil
		}
	}
	return nil, nil
}

// defenceDraft is the outline of a 答辩状 (行政诉讼法第34、67条) or a 复议
// 答复书 (行政复议法第44、48条): the parties and cause from the ledger, the
// points the agency must prove, an evidence list to fill, and the day it
// is due as the deadline rules count it from the copy received.
func (s *service) defenceDraft(c bot.Context, k *cases.Case, kind draftKind) string {
	viewer := c.Person()
	today := workcal.DateOf(c.Now(), s.st.Deadlines.Location())
	recon := kind == draftReply
	party, def, court := labels(k.Kind)
	var b strings.Builder
	if recon {
		b.WriteString(draftHead("行政复议答复书", "报送复议机关"))
	} else {
		b.WriteString(draftHead("行政答辩状提纲", "提交法院"))
	}
	signer := "答辩人"
	if recon {
		signer = "答复人"
	}
	if k.Closure != nil {
		fmt.Fprintf(&b, "<font color=\"comment\">本案已于%s结案（%s），一般不再需要%s；以下仅供存档或复盘参考。</font>\n\n", cnDate(k.Closure.On, c.Location()), k.Closure.Method, map[bool]string{true: "复议答复书", false: "答辩状"}[recon])
	}
	fmt.Fprintf(&b, "案号：%s\n%s：%s\n", k.Number, court, orPendingWord(k.Court, "待补充"))
	fmt.Fprintf(&b, "%s（%s）：%s\n", def, signer, strings.Join(k.Defendants, "、"))
	fmt.Fprintf(&b, "%s：%s\n", party, s.scope.Plaintiffs(viewer, k))
	fmt.Fprintf(&b, "案由：%s\n\n", orPendingWord(k.Cause, "待补充"))

	// When it is due: the deadline rules' own count, never a second one.
	dk, what, period, basis := deadline.Answer, "起诉状副本", "15日", "《中华人民共和国行政诉讼法》第六十七条"
	if recon {
		dk, what, period, basis = deadline.Reply, "复议申请书副本", "10日", "《中华人民共和国行政复议法》第四十八条"
	}
	b.WriteString("**一、提交期限**\n")
	if d, ok := s.st.Deadlines.Find(k, dk); ok {
		fmt.Fprintf(&b, "依据%s，应自收到%s之日起%s内提交。本案%s收到%s，期限：%s。\n", basis, what, period, d.Start.Chinese(), what, d.Value(today))
	} else {
		fmt.Fprintf(&b, "依据%s，应自收到%s之日起%s内提交。台账未登记收到%s的日期，期限待核实，请承办人核对后登记（例如“%s收到副本日期 11月5日”）。\n", basis, what, period, what, shortNumbers([]string{k.Number})[0])
	}

	fmt.Fprintf(&b, "\n**二、%s要点**\n", map[bool]string{true: "答复", false: "答辩"}[recon])
	if recon {
		b.WriteString("（依据《中华人民共和国行政复议法》第四十四条，被申请人对其作出的行政行为的合法性、适当性负有举证责任。）\n")
	} else {
		b.WriteString("（依据《中华人民共和国行政诉讼法》第三十四条，被告对作出的行政行为负有举证责任，应当提供作出该行政行为的证据和所依据的规范性文件。）\n")
	}
	points := []string{
		"职权依据：" + signer + "依法具有作出该行政行为的法定职权（列明法律、法规或规章条款）；",
		"事实认定：认定的事实清楚，主要证据确实、充分（逐项对应下列证据）；",
		"程序合法：已依法履行立案、调查、告知、听取陈述申辩（或听证）、决定、送达等程序（列明各环节日期）；",
		"法律适用：适用法律、法规正确（写明依据的条款）；",
		"处理适当：处理结果与违法事实、情节相当，裁量适当；",
	}
	if strings.Contains(k.Cause, "信息公开") {
		points[1] = "事实认定：已在法定期限内依申请作出答复，答复内容与所申请信息的实际情况相符（附检索、答复材料）；"
	}
	for i, p := range points {
		fmt.Fprintf(&b, "%d. %s\n", i+1, p)
	}
	if recon {
		fmt.Fprintf(&b, "%d. 答复意见：请求复议机关依法维持（或驳回行政复议申请）。\n", len(points)+1)
	} else {
		fmt.Fprintf(&b, "%d. 答辩请求：请求人民法院依法驳回原告的诉讼请求。\n", len(points)+1)
	}
	b.WriteString("\n**三、证据清单（待承办人补充）**\n")
	b.WriteString("| 序号 | 证据名称 | 来源 | 证明目的 |\n| --- | --- | --- | --- |\n| 1 | （待补充） | | 职权依据 |\n| 2 | （待补充） | | 认定事实 |\n| 3 | （待补充） | | 程序合法 |\n| 4 | （待补充） | | 法律依据 |\n")
	if recon {
		b.WriteString("被申请人未按期提出书面答复、提交证据和依据的，视为该行政行为无证据、依据（行政复议法第七十条），复议机关将决定撤销，请务必按期报送。\n")
	} else {
		b.WriteString("逾期或无正当理由不提供证据的，视为无相应证据（行政诉讼法第三十四条第二款），请务必在期限内一并提交。\n")
	}
	fmt.Fprintf(&b, "\n%s：%s（盖章）\n法定代表人：（签名）\n（日期待填）", signer, strings.Join(k.Defendants, "、"))
	if k.Handler != "" {
		fmt.Fprintf(&b, "\n\n<font color=\"comment\">以上按台账数据生成，仅为提纲；事实、证据和法律依据请承办人%s对照案卷补充、核实。</font>", k.Handler)
	}
	return b.String()
}

// appearDraft is the notice to an agency that its head appear at the
// case's next hearing (行政诉讼法第三条第三款, 法释〔2020〕3号): when and where,
// whom the ledger names, and what to bring.
func (s *service) appearDraft(c bot.Context, k *cases.Case) string {
	now, loc := c.Now(), c.Location()
	h := k.NextHearing(now)
	if h == nil {
		return k.Number + " 目前未登记待开庭的开庭时间，暂不能起草催促出庭通知；开庭时间确定后请先登记，再发“起草催促出庭通知 " + shortNumbers([]string{k.Number})[0] + "”。"
	}
	var b strings.Builder
	b.WriteString(draftHead("关于做好行政机关负责人出庭应诉工作的通知", "印发"))
	fmt.Fprintf(&b, "%s：\n\n", strings.Join(k.Defendants, "、"))
	_, def, court := labels(k.Kind)
	at := h.At.In(loc)
	place := orWord(k.Court, "法院")
	if h.Place != "" {
		place += h.Place
	}
	what := "开庭审理"
	if k.Kind == cases.Reconsideration {
		what = "听证"
	}
	fmt.Fprintf(&b, "你单位作为%s的 %s（%s，案由：%s）一案，%s定于 **%d年%d月%d日（%s）%s** 在 %s %s。\n\n",
		def, k.Number, s.parties(c.Person(), k), orPendingWord(k.Cause, "待补充"), court, at.Year(), int(at.Month()), at.Day(), weekdayCN(at), at.Format("15:04"), place, what)
	if k.Kind == cases.Reconsideration {
		b.WriteString("根据行政复议工作要求，请你单位负责人或者指定的工作人员按时参加听证，说明作出行政行为的事实和依据。")
	} else {
		b.WriteString("根据《中华人民共和国行政诉讼法》第三条第三款和《最高人民法院关于行政机关负责人出庭应诉若干问题的规定》（法释〔2020〕3号），被诉行政机关负责人应当出庭应诉；不能出庭的，应当委托行政机关相应的工作人员出庭，并向人民法院书面说明理由。")
	}
	if h.Head != "" {
		fmt.Fprintf(&b, "台账登记的出庭负责人为 %s。", headText(*h))
	} else {
		b.WriteString("台账尚未登记本次出庭负责人，请于开庭前确定并报司法局。")
	}
	b.WriteString("\n\n请你单位：\n1. 确保负责人按时出庭，出庭时携带身份证明、授权委托书（如委托代理人）等材料；\n2. 负责人确因特殊情况不能出庭的，提前向法院书面说明理由，并同时报告司法局；\n3. 庭审结束后，及时将出庭情况报司法局应诉专班。\n\n特此通知。\n\n某县司法局（待盖章）\n（日期待填）")
	return b.String()
}

// weekdayCN is 周一…周日.
func weekdayCN(t time.Time) string {
	return []string{"周日", "周一", "周二", "周三", "周四", "周五", "周六"}[t.Weekday()]
}

// reportDraft is a period's 行政应诉 situation report (default: this
// quarter so far), its figures read from bulletin.ComputeSpan through the
// same span the rates use, so the report, the rates and the bulletin agree.
func (s *service) reportDraft(c bot.Context, u intent.Understanding) (string, error) {
	viewer, now := c.Person(), c.Now()
	if viewer.Role == people.Pufa {
		return "您好！各单位的败诉率、出庭率等统计只提供给司法局应诉专班、管理员和各单位负责人，如需情况汇报请联系司法局应诉专班。", nil
	}
	p := u.Period
	if p.IsZero() {
		p = quarterOf(now)
	}
	sp, err := s.span(c.Ctx(), p.From, p.To, now)
	if err != nil {
		return "", err
	}
	label := periodSoFar(p, now)
	who, st := viewerStats(viewer, sp)
	f := st.Figures
	var b strings.Builder
	b.WriteString(draftHead("关于"+label+"行政应诉工作情况的汇报", "报送"))
	fmt.Fprintf(&b, "%s，%s行政应诉工作情况如下：\n\n", label, who)
	b.WriteString("**一、案件基本情况**\n")
	fmt.Fprintf(&b, "一审行政诉讼新收案件 %d 件，审结 %d 件，其中行政机关败诉 %d 件，败诉率 %s（判决结案 %d 件，判决口径败诉率 %s）；调解、撤诉结案 %d 件，调撤率 %s。\n",
		f.Filed, f.Closed, f.Lost, bulletin.Percent(f.LossRate), f.Judged, bulletin.Percent(f.LossRateJudged), f.MediatedWithdrawn, bulletin.Percent(f.WithdrawalRate))
	fmt.Fprintf(&b, "行政复议办结 %d 件，纠错 %d 件，纠错率 %s。\n\n", f.ReconsiderationClosed, f.ReconsiderationCorrected, bulletin.Percent(f.CorrectionRate))
	b.WriteString("**二、行政机关负责人出庭应诉情况**\n")
	fmt.Fprintf(&b, "开庭审理 %d 件，负责人出庭应诉 %d 件，出庭率 %s", f.Heard, f.HeadAppeared, bulletin.Percent(f.AppearanceRate))
	if f.HeadUnrecorded > 0 {
		fmt.Fprintf(&b, "（其中 %d 件未登记出庭情况，按未出庭计）", f.HeadUnrecorded)
	}
	b.WriteString("。\n")
	if who == "本地区" {
		var over []string
		for _, ag := range sp.Agencies {
			if ag.LossRate != nil && float64(*ag.LossRate) > s.cfg.Bulletin.ControlLine {
				over = append(over, fmt.Sprintf("%s（%s）", ag.Agency, bulletin.Percent(ag.LossRate)))
			}
		}
		if len(over) > 0 {
			fmt.Fprintf(&b, "\n**三、需要关注的问题**\n败诉率超过控制线的单位：%s。（其他问题待补充）\n", strings.Join(over, "、"))
		} else {
			b.WriteString("\n**三、需要关注的问题**\n（待补充：败诉原因分析、出庭应诉中存在的问题等）\n")
		}
	} else {
		b.WriteString("\n**三、存在的问题**\n（待补充：败诉原因分析、出庭应诉中存在的问题等）\n")
	}
	b.WriteString("\n**四、下一步工作打算**\n（待补充）\n\n")
	fmt.Fprintf(&b, "<font color=\"comment\">数据按台账当前数据计算，口径与月度败诉通报相同（诉讼只计一审行政诉讼案件）%s。</font>", scopeNote(viewer))
	return b.String(), nil
}

// oneMonth reports whether p is one calendar month (the bulletin's own span).
func oneMonth(p intent.Period) bool {
	return !p.IsZero() && p.From.Day() == 1 && p.From.AddDate(0, 1, 0).Equal(p.To)
}

// quarterOf is the quarter now is in.
func quarterOf(now time.Time) intent.Period {
	q := (int(now.Month()) - 1) / 3
	from := time.Date(now.Year(), time.Month(q*3+1), 1, 0, 0, 0, 0, now.Location())
	return intent.Period{From: from, To: from.AddDate(0, 3, 0), Label: fmt.Sprintf("%d年第%d季度", now.Year(), q+1)}
}

// meetingDocRe names the document asked, for the answer's first words.
var meetingDocRe = regexp.MustCompile(`(?i)会议材料提纲|会议材料|会议提纲|汇报提纲|发言提纲|讲话提纲|讲话稿|发言稿|讲稿|ppt|幻灯片|课件|会议纪要|会议议程|提纲|大纲`)

// meetingDraft answers a request for a document the bot cannot write (会
// 议材料提纲, 讲话稿, PPT): said plainly, then what it can give for it, the
// period's figures as the bulletin computes them (this year so far unless a
// month or longer is named; 周一上午要 is when it is due, not its span),
// and the lists to ask next. A 普法 member gets no figures (reportDraft's
// rule).
func (s *service) meetingDraft(c bot.Context, u intent.Understanding, text string) (string, error) {
	viewer, now := c.Person(), c.Now()
	doc := meetingDocRe.FindString(text)
	if doc == "" || strings.EqualFold(doc, "ppt") {
		doc = map[bool]string{true: "PPT", false: "会议材料"}[doc != ""]
	}
	var b strings.Builder
	fmt.Fprintf(&b, "**%s**要按会议的议题和领导的要求来拟，本机器人不能代写%s，也不能按页数排版（未接入大模型写作）。", doc, doc)
	if viewer.Role == people.Pufa {
		b.WriteString("各单位的败诉率、出庭率等统计只提供给司法局应诉专班、管理员和各单位负责人；以案说法的素材可以发“以案说法候选”查看。")
		return b.String(), nil
	}
	b.WriteString("其中要用的数据和清单，可以按台账提供：\n\n")
	p := u.Period
	if p.IsZero() || p.To.Sub(p.From) < 28*24*time.Hour {
		from := time.Date(now.Year(), 1, 1, 0, 0, 0, 0, now.Location())
		p = intent.Period{From: from, To: from.AddDate(1, 0, 0), Label: fmt.Sprintf("%d年", now.Year())}
	}
	sp, err := s.span(c.Ctx(), p.From, p.To, now)
	if err != nil {
		return "", err
	}
	who, st := viewerStats(viewer, sp)
	f := st.Figures
	fmt.Fprintf(&b, "**%s%s行政应诉数据**（口径同月度败诉通报，诉讼只计一审行政诉讼案件）\n", periodSoFar(p, now), who)
	fmt.Fprintf(&b, "- 一审行政诉讼：新收 %d 件，审结 %d 件，行政机关败诉 %d 件，败诉率 %s（判决口径 %s）；调解、撤诉 %d 件，调撤率 %s\n",
		f.Filed, f.Closed, f.Lost, bulletin.Percent(f.LossRate), bulletin.Percent(f.LossRateJudged), f.MediatedWithdrawn, bulletin.Percent(f.WithdrawalRate))
	fmt.Fprintf(&b, "- 负责人出庭：开庭审理 %d 件，负责人出庭 %d 件，出庭率 %s", f.Heard, f.HeadAppeared, bulletin.Percent(f.AppearanceRate))
	if f.HeadUnrecorded > 0 {
		fmt.Fprintf(&b, "（其中 %d 件未登记出庭情况，按未出庭计）", f.HeadUnrecorded)
	}
	fmt.Fprintf(&b, "\n- 行政复议：办结 %d 件，纠错 %d 件，纠错率 %s\n\n", f.ReconsiderationClosed, f.ReconsiderationCorrected, bulletin.Percent(f.CorrectionRate))
	b.WriteString("**可以接着发我的清单**（逐条发送）：\n")
	b.WriteString("- “今年败诉的案件”：逐案的单位、结案方式和败诉原因\n")
	b.WriteString("- “今年各单位败诉率排名”\n")
	b.WriteString("- “整改报告还有哪些没交”\n")
	b.WriteString("- “下周开庭的有哪些”\n")
	b.WriteString("- “起草今年的情况汇报”：按上面的数据生成一份情况汇报草稿（案件情况、负责人出庭、存在问题、下一步打算），可作为提纲的底稿\n\n")
	fmt.Fprintf(&b, "<font color=\"comment\">数据按台账当前数据计算%s。</font>", scopeNote(viewer))
	return b.String(), nil
}

// viewerStats are the figures of span sp a draft for viewer is written
// with: the whole area's for the bureau, the viewer's own agency's for
// anyone else (zero figures when it has no case in the span).
func viewerStats(viewer *people.Person, sp *bulletin.Span) (string, *bulletin.Stats) {
	if viewer.Bureau() || viewer.Agency == "" {
		return "本地区", &sp.Total
	}
	if st := sp.Agency(viewer.Agency); st != nil {
		return viewer.Agency, st
	}
	return viewer.Agency, &bulletin.Stats{Agency: viewer.Agency}
}
