package handlers

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"time"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/bulletin"
	"casebot/bot/cases"
	"casebot/bot/docx"
	"casebot/bot/intent"
	"casebot/bot/people"
	"casebot/bot/store"
)

// memBulletinExtra names, in the conversation memory, the parts added to
// the bulletin just sent (加上出庭情况, 各单位都列上, 公安那块单列一段), so
// that its Word file carries them too.
const memBulletinExtra = "bulletin.extra"

// bulletinExtra is what was added to the bulletin in focus.
type bulletinExtra struct {
	Month    string   `json:"month"`
	Edits    []string `json:"edits,omitempty"`
	Agencies []string `json:"agencies,omitempty"`
	// Cases are the cases asked added (把83号也加进去): listed after the
	// notice as a supplement, and read by 点名.
	Cases []string `json:"cases,omitempty"`
}

// bulletinEdit answers a request about the bulletin just sent: the part
// asked for, computed from the same report (bulletin.Compute of that
// month), never the same notice again; the Word file of the notice with
// the parts added; or, when the request is for something the notice
// cannot give the asker, what they can have instead.
func (s *service) bulletinEdit(c bot.Context, e intent.BulletinEdit, prev *lastQuestion) error {
	h := s.bulletins
	viewer, loc := c.Person(), c.Location()
	month := bulletin.MonthOf(prev.U.Period.From, loc)
	var claims []claim // a case asked added that the asker cannot see (EditCase)
	reply := func(md string, parts []string) error {
		a := answer{md: md, outcome: audit.Answered, noEcho: true, detail: month.String(), claims: claims}
		if err := s.recordAnswer(c, intent.Understanding{Kind: intent.Bulletin, Period: prev.U.Period, Anchored: true}, a, 0); err != nil {
			return err
		}
		if err := rememberLast(c, *prev); err != nil {
			return err // the bulletin stays in focus for the next request
		}
		if md != "" {
			if err := c.ReplyMarkdown(md); err != nil {
				return err
			}
		}
		for _, p := range parts {
			if err := c.ReplyMarkdown(p); err != nil {
				return err
			}
		}
		return nil
	}
	if !viewer.Bureau() && viewer.Role != people.Head {
		return reply("您好！月度败诉通报只发给司法局应诉专班、管理员和各单位负责人。", nil)
	}
	var extra bulletinExtra
	if ok, err := c.Memory().Recall(memBulletinExtra, &extra); err != nil {
		return err
	} else if !ok || extra.Month != month.String() {
		extra = bulletinExtra{Month: month.String()}
	}
	rep, err := h.set.Compute(c.Ctx(), s.st, month, c.Now())
	if err != nil {
		return err
	}
	own := []string(nil) // a head sees their own agency's parts only
	if !viewer.Bureau() {
		own = s.ownLedgerAgencies(c, viewer)
		if len(own) == 0 {
			own = []string{viewer.Agency}
		}
	}
	remember := func(edit string, agencies ...string) error {
		if !slices.Contains(extra.Edits, edit) {
			extra.Edits = append(extra.Edits, edit)
		}
		for _, a := range agencies {
			if !slices.Contains(extra.Agencies, a) {
				extra.Agencies = append(extra.Agencies, a)
			}
		}
		return c.Memory().Remember(memBulletinExtra, extra)
	}
	const wordHint = "\n\n需要 Word 版（含以上内容），请回复“导出Word”。"
	switch e {
	case intent.EditTone, intent.EditLine:
		// The notice is written to a fixed form from the figures: its
		// sentences are not rewritten here, and saying so beats a list.
		what := "改语气"
		if e == intent.EditLine {
			what = "加入自拟的句子"
		}
		return reply(fmt.Sprintf("%s通报的正文由系统按固定格式根据台账数据生成，在聊天里没法%s（未配置大模型改写）。可以回复“点名”，我按台账列出负责人未出庭的单位和案件，写成一段点名通报（加“语气重一点”则措辞从严）；其余措辞请导出 Word（回复“导出Word”）后人工修改。", month.Label(), what), nil)
	case intent.EditName:
		if !viewer.Bureau() {
			return reply("点名通报由司法局应诉专班拟定；您收到的通报已列出贵单位的情况。", nil)
		}
		md, err := s.nameAbsent(c, month, rep, extra.Cases, intent.EditFirm(c.Message().Text))
		if err != nil {
			return err
		}
		return reply(md, nil)
	case intent.EditCase:
		md, added, none, err := s.bulletinAddCase(c, month, rep)
		if err != nil {
			return err
		}
		claims = none
		for _, n := range added {
			if !slices.Contains(extra.Cases, n) {
				extra.Cases = append(extra.Cases, n)
			}
		}
		if len(added) > 0 {
			if err := c.Memory().Remember(memBulletinExtra, extra); err != nil {
				return err
			}
		}
		return reply(md, nil)
	case intent.EditAppearance:
		if err := remember(string(e)); err != nil {
			return err
		}
		parts := rep.AppearanceMarkdown(h.set.Style, own)
		return reply(fmt.Sprintf("%s通报的“负责人出庭应诉情况”只列出庭率未达 100%% 的单位；以下是%s的负责人出庭情况（与通报同一数据）：", month.Label(),
			map[bool]string{true: "各单位", false: "贵单位"}[viewer.Bureau()]), appendHint(parts, wordHint))
	case intent.EditAgencies:
		if !viewer.Bureau() {
			return reply("各单位的完整数据只提供给司法局应诉专班；您收到的通报已列出各单位败诉率排名和贵单位的情况。", nil)
		}
		if err := remember(string(e)); err != nil {
			return err
		}
		return reply(fmt.Sprintf("%s通报的排名只列有审结案件的单位；以下是通报涉及的全部 %d 个单位（与通报同一数据）：", month.Label(), len(rep.Agencies)),
			appendHint(rep.AgencyTableMarkdown(h.set.Style), wordHint))
	case intent.EditShort:
		// 简单点发群里: the notice cut to one message to forward; a head's
		// has the county's figures and their own agency's lost cases.
		short := rep.ShortMarkdown(h.set.Style, own)
		return reply(fmt.Sprintf("以下是%s通报的简版（与通报同一数据，当事人不具名），可直接转发到群里：", month.Label()), []string{short})
	case intent.EditAgency:
		u, err := intent.Understand(c.Message().Text, s.options(c, viewer))
		if err != nil {
			return err
		}
		switch {
		case len(u.Agencies) != 1:
			return reply("请问要单列哪个单位？请写明单位，例如“公安局那段单独发我”。", nil)
		case !viewer.Bureau() && !slices.Contains(own, u.Agencies[0]):
			return reply("其他单位的情况只提供给司法局应诉专班；您收到的通报已列出贵单位的情况。", nil)
		}
		if err := remember(string(e), u.Agencies[0]); err != nil {
			return err
		}
		return reply("", appendHint(rep.AgencyMarkdown(u.Agencies[0], h.set.Style), wordHint))
	}
	// EditWord: the notice as the asker gets it, with the parts added.
	var parts []string
	if viewer.Bureau() {
		parts = rep.Markdown(h.set.Style)
	} else {
		parts = rep.HeadMarkdown(viewer.Agency, h.set.Style)
	}
	var added []string
	for _, ed := range extra.Edits {
		switch intent.BulletinEdit(ed) {
		case intent.EditAppearance:
			parts = append(parts, rep.AppearanceMarkdown(h.set.Style, own)...)
			added = append(added, "负责人出庭情况")
		case intent.EditAgencies:
			parts = append(parts, rep.AgencyTableMarkdown(h.set.Style)...)
			added = append(added, "各单位情况一览")
		}
	}
	for _, ag := range extra.Agencies {
		parts = append(parts, rep.AgencyMarkdown(ag, h.set.Style)...)
		added = append(added, ag+"部分")
	}
	if len(extra.Cases) > 0 {
		cs, err := s.visible(c.Ctx(), viewer, extra.Cases, nil)
		if err != nil {
			return err
		}
		if sup := s.supplementOf(c, month, cs); sup != "" {
			parts = append(parts, sup)
			added = append(added, "补充的案件")
		}
	}
	md, err := h.sendWord(c, month, parts, added)
	if err != nil {
		return err
	}
	return reply(md, nil)
}

// sendWord sends the bulletin parts as a Word file to the asker and
// returns the line saying so (with the parts added, when any).
func (h *bulletinHandlers) sendWord(c bot.Context, month bulletin.Month, parts, added []string) (string, error) {
	doc := bulletin.Document(parts, h.set.Style.Issuer, c.Now())
	var buf bytes.Buffer
	if err := docx.Write(&buf, doc); err != nil {
		return "", err
	}
	name := bulletin.Title(month) + ".docx"
	if _, err := c.Send(bot.FileMessage(name, buf.Bytes(), c.UserID())); err != nil {
		return "", err
	}
	md := fmt.Sprintf("已发送 Word 版《%s》（按台账当前数据生成）", name)
	if len(added) > 0 {
		md += "，已附上" + strings.Join(added, "、")
	}
	return md + "。", nil
}

// appendHint adds hint to the last part.
func appendHint(parts []string, hint string) []string {
	if len(parts) > 0 {
		parts[len(parts)-1] += hint
	}
	return parts
}

// nameAbsent writes the 点名 paragraph of a month's bulletin: the agencies
// whose head did not appear at a hearing held in the month (or at the last
// hearing of a case lost in the month, or of one added to the notice), each with its case, the head the
// ledger names and what followed (the loss, a 司法建议), as the ledger has
// them; firm words it as a firmer demand. Nothing is said that the ledger
// does not hold: the time limit is left for the 专班 to fill.
func (s *service) nameAbsent(c bot.Context, month bulletin.Month, rep *bulletin.Report, added []string, firm bool) (string, error) {
	loc := c.Location()
	from := time.Date(month.Year, month.Month, 1, 0, 0, 0, 0, loc)
	to := from.AddDate(0, 1, 0)
	if now := c.Now(); to.After(now) {
		to = now
	}
	type absent struct {
		agency, line string
	}
	var rows []absent
	var unrecorded []string // heard, appearance not recorded: not named
	seen := map[string]bool{}
	add := func(k *cases.Case, h cases.Hearing) {
		if seen[k.Number] || !s.scope.CanSee(c.Person(), k) {
			return
		}
		seen[k.Number] = true
		if h.HeadAppeared == nil {
			unrecorded = append(unrecorded, k.Number)
			return
		}
		line := fmt.Sprintf("%s，%s开庭", k.Number, whenCN(h.At, c.Now(), loc))
		if h.Head != "" {
			line += "，出庭负责人" + headText(h)
		}
		line += "未出庭应诉"
		if k.Closure != nil && s.loss.Lost(k) {
			line += fmt.Sprintf("；该案已于%s%s，行政机关败诉", cnDate(k.Closure.On, loc), k.Closure.Method)
		}
		if k.Suggestion(cases.JudicialSuggestion) != nil {
			line += "；法院已发出司法建议"
		}
		for _, ag := range k.Defendants {
			rows = append(rows, absent{ag, line})
		}
	}
	hs, err := s.st.HearingsBetween(c.Ctx(), from, to)
	if err != nil {
		return "", err
	}
	for _, h := range hs {
		if h.Hearing.Cancelled || h.Case.Kind != cases.Litigation || (h.Hearing.HeadAppeared != nil && *h.Hearing.HeadAppeared) {
			continue
		}
		add(h.Case, h.Hearing)
	}
	var lost []string
	for _, lc := range rep.LostCases {
		lost = append(lost, lc.Number)
	}
	lost = append(lost, added...) // the cases asked added to the notice (把83号也加进去)
	if len(lost) > 0 {
		cs, err := s.visible(c.Ctx(), c.Person(), lost, nil)
		if err != nil {
			return "", err
		}
		for _, k := range cs {
			if h := lastHeld(k, c.Now()); h != nil && (h.HeadAppeared == nil || !*h.HeadAppeared) {
				add(k, *h)
			}
		}
	}
	pending := ""
	if len(unrecorded) > 0 {
		pending = fmt.Sprintf("\n\n另有 %s 的开庭台账未登记负责人是否出庭，未列入点名；登记后（例如“出庭 %s 否”）再发“点名”即可。", strings.Join(unrecorded, "、"), shortNumbers(unrecorded[:1])[0])
	}
	// An agency named in the request (点名住建局) with nothing recorded
	// against it is said so, never named on a guess.
	// Each piece is read alone: 语气严厉点 would make the whole a draft's
	// revision, whose reading names no agency.
	var named []string
	for _, piece := range rewordSepRe.Split(intent.Normalize(c.Message().Text), -1) {
		if piece == "" {
			continue
		}
		u, err := intent.Understand(piece, s.options(c, c.Person()))
		if err != nil {
			return "", err
		}
		for _, ag := range u.Agencies {
			if !slices.Contains(named, ag) {
				named = append(named, ag)
			}
		}
	}
	{
		for _, ag := range named {
			if !slices.ContainsFunc(rows, func(r absent) bool { return r.agency == ag }) {
				line := fmt.Sprintf("\n\n您提到的%s：%s开庭的案件、本月败诉案件和补充的案件中，均未登记该单位负责人未出庭，未列入点名。", ag, month.Label())
				if other, err := s.absentElsewhere(c, ag, seen); err != nil {
					return "", err
				} else if len(other) > 0 {
					line += "该单位其他月份负责人未出庭的案件：" + strings.Join(other, "；") + "。如要一并点名，可先发“把" + shortNumber(strings.SplitN(other[0], "（", 2)[0]) + "也加进去”再发“点名”。"
				}
				pending += line
			}
		}
	}
	if len(rows) == 0 {
		return fmt.Sprintf("按台账登记，%s开庭的案件和本月败诉案件中，均未登记负责人未出庭的情况，这次不列点名单位。", month.Label()) + pending, nil
	}
	var agencies []string
	var b strings.Builder
	fmt.Fprintf(&b, "**点名通报（草稿，可加入%s通报）**\n\n", month.Label())
	if firm {
		b.WriteString("经统计，下列单位存在行政机关负责人应当出庭而未出庭应诉的情况，现予点名通报：\n")
	} else {
		b.WriteString("经统计，下列单位存在行政机关负责人未出庭应诉的情况，现予通报：\n")
	}
	byAgency := map[string][]string{}
	for _, r := range rows {
		if !slices.Contains(agencies, r.agency) {
			agencies = append(agencies, r.agency)
		}
		byAgency[r.agency] = append(byAgency[r.agency], r.line)
	}
	for i, ag := range agencies {
		fmt.Fprintf(&b, "%d. **%s**：%s。\n", i+1, ag, strings.Join(byAgency[ag], "；另，"))
	}
	if firm {
		fmt.Fprintf(&b, "\n%s要高度重视、严肃对待，于____年__月__日前向县司法局书面说明负责人未出庭应诉的原因，并报送整改措施；败诉案件同时落实“一案一整改”。对无正当理由应当出庭而不出庭、整改不到位的单位，将提请县人民政府约谈单位主要负责人，并纳入法治政府建设考核。", strings.Join(agencies, "、"))
	} else {
		fmt.Fprintf(&b, "\n请%s于____年__月__日前向县司法局书面说明负责人未出庭应诉的原因，并报送整改措施。", strings.Join(agencies, "、"))
	}
	b.WriteString(pending)
	b.WriteString("\n\n<font color=\"comment\">按台账登记生成；期限请专班填写，事实请核对后使用。通报正文其余部分未改动，需要 Word 版请回复“导出Word”后人工合并。</font>")
	return b.String(), nil
}

// lastHeld is the last hearing of k held before now, nil when none.
func lastHeld(k *cases.Case, now time.Time) *cases.Hearing {
	var last *cases.Hearing
	for i := range k.Hearings {
		h := &k.Hearings[i]
		if h.Cancelled || !h.At.Before(now) {
			continue
		}
		if last == nil || h.At.After(last.At) {
			last = h
		}
	}
	return last
}

// bulletinAddCase answers a case asked added to the bulletin in focus (把
// 83号也加进去 今天刚判的): a loss or correction of the month is already in
// it; one of another month is said to count there (the notice's figures
// are the month's and are not changed) and is listed as a supplement the
// Word file carries; an open case, or one that is no loss, is not added,
// and why is said. added are the cases taken as the supplement.
func (s *service) bulletinAddCase(c bot.Context, month bulletin.Month, rep *bulletin.Report) (string, []string, []claim, error) {
	viewer, now, loc := c.Person(), c.Now(), c.Location()
	u, err := intent.Understand(c.Message().Text, s.options(c, viewer))
	if err != nil {
		return "", nil, nil, err
	}
	numbers := u.Numbers
	if len(numbers) == 0 && u.Seq > 0 {
		if numbers, err = s.completeSeq(c.Ctx(), viewer, u.Seq, u.Recon, now); err != nil {
			return "", nil, nil, err
		}
	}
	cs, err := s.visible(c.Ctx(), viewer, numbers, nil)
	if err != nil {
		return "", nil, nil, err
	}
	if len(cs) == 0 {
		msg := fmt.Sprintf("没有找到您可以查看的案件%s", strings.Join(shortNumbers(numbers), "、"))
		return msg + fmt.Sprintf("，未加入%s通报。请写明完整案号，例如“把行初83号加进去”。", month.Label()), nil,
			[]claim{{Text: msg, What: claimNumber, Numbers: numbers}}, nil
	}
	listed := map[string]bool{}
	for _, lc := range rep.LostCases {
		listed[lc.Number] = true
	}
	var lines, added, later []string
	for _, k := range cs {
		switch {
		case listed[k.Number]:
			lines = append(lines, fmt.Sprintf("**%s** 已列在%s通报的案件情况中，不用再加。", k.Number, month.Label()))
		case k.Closure == nil:
			lines = append(lines, fmt.Sprintf("**%s** 尚未结案，不能作为败诉（纠错）案件列入通报；结案登记后会计入结案当月的通报。", k.Number))
		case !s.loss.Lost(k) && !cases.Corrected(k):
			lines = append(lines, fmt.Sprintf("**%s** 于%s%s，不属于行政机关败诉或复议纠错，通报的案件情况部分不列。", k.Number, cnDate(k.Closure.On, loc), k.Closure.Method))
		default:
			on := bulletin.MonthOf(k.Closure.On, loc)
			what := "行政机关败诉"
			if k.Kind == cases.Reconsideration {
				what = "复议纠错"
			}
			if on == month && k.Kind == cases.Reconsideration {
				lines = append(lines, fmt.Sprintf("**%s** 于%s%s（复议纠错），已计入%s通报的“行政复议纠错情况”，不用再加。", k.Number, cnDate(k.Closure.On, loc), k.Closure.Method, month.Label()))
				continue
			}
			if on == month {
				// Closed in the month but not in the report (not first
				// instance, say): listed as a supplement, figures unchanged.
				lines = append(lines, fmt.Sprintf("**%s** 于%s%s（%s），但不属于通报统计的一审行政诉讼（行政复议）案件，数字中未计入；已作为补充情况附在通报之后。", k.Number, cnDate(k.Closure.On, loc), k.Closure.Method, what))
			} else {
				lines = append(lines, fmt.Sprintf("**%s** 于%s%s（%s），按结案日期计入**%s**的统计，%s通报的审结、败诉数和各项比率不变（否则与月度口径不一致）；已作为补充情况附在%s通报之后。", k.Number, cnDate(k.Closure.On, loc), k.Closure.Method, what, on.Label(), month.Label(), month.Label()))
				later = append(later, on.Label())
			}
			added = append(added, k.Number)
		}
	}
	md := strings.Join(lines, "\n")
	if len(added) > 0 {
		sup, err := s.visible(c.Ctx(), viewer, added, nil)
		if err != nil {
			return "", nil, nil, err
		}
		md += "\n\n" + s.supplementOf(c, month, sup)
		md += "\n\n需要 Word 版（含补充情况）请回复“导出Word”；要点名负责人未出庭的单位，请回复“点名”。"
		if len(later) > 0 {
			md += fmt.Sprintf("%s的情况可在次月初发“%s通报”查看。", later[0], later[0])
		}
	}
	return md, added, nil, nil
}

// supplementOf is the supplement of cases added to a month's notice, each
// written as the notice writes its lost cases, with the head's appearance
// at the last hearing as the ledger records it; "" when none is closed.
func (s *service) supplementOf(c bot.Context, month bulletin.Month, cs []*cases.Case) string {
	now, loc := c.Now(), c.Location()
	var b strings.Builder
	n := 0
	for _, k := range cs {
		if k.Closure == nil {
			continue
		}
		n++
		fmt.Fprintf(&b, "\n%d. %s｜%s｜%s｜%d月%d日结案", n, k.Number, strings.Join(k.Defendants, "、"), k.Closure.Method, k.Closure.On.In(loc).Month(), k.Closure.On.In(loc).Day())
		if r := strings.TrimSpace(k.Closure.Reason); r != "" {
			b.WriteString("\n> 败诉原因：" + r)
		} else {
			b.WriteString("\n> 败诉原因：未填报，请承办单位补报")
		}
		if h := lastHeld(k, now); h != nil && h.HeadAppeared != nil && !*h.HeadAppeared {
			who := "负责人"
			if h.Head != "" {
				who = "出庭负责人" + headText(*h)
			}
			fmt.Fprintf(&b, "\n> %s开庭，%s未出庭应诉", whenCN(h.At, now, loc), who)
		}
	}
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("**补充情况（%s通报之后）**", month.Label()) + b.String()
}

// absentElsewhere lists an agency's closed cases, not already named, whose
// last hearing the ledger records its head absent at (行初83号（9月30日开庭，
// 11月12日判决履行法定职责）): what 点名住建局 may mean when the month holds
// none of them. Only the first page of the agency's cases is read.
func (s *service) absentElsewhere(c bot.Context, agency string, seen map[string]bool) ([]string, error) {
	numbers, _, err := s.st.AgencyNumbers(c.Ctx(), agency, store.Page{Limit: 50})
	if err != nil {
		return nil, err
	}
	cs, err := s.visible(c.Ctx(), c.Person(), numbers, func(k *cases.Case) bool { return k.Closure != nil && !seen[k.Number] })
	if err != nil {
		return nil, err
	}
	now, loc := c.Now(), c.Location()
	var out []string
	for _, k := range cs {
		h := lastHeld(k, now)
		if h == nil || h.HeadAppeared == nil || *h.HeadAppeared || k.Kind != cases.Litigation {
			continue
		}
		out = append(out, fmt.Sprintf("%s（%d月%d日开庭，%s%s）", k.Number, h.At.In(loc).Month(), h.At.In(loc).Day(), cnDate(k.Closure.On, loc), k.Closure.Method))
	}
	return out, nil
}
