package bulletin

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"casebot/bot"
)

// Style is how a report is written up.
type Style struct {
	// ControlLine is the loss rate above which an agency is marked (0.15).
	ControlLine float64
	// Issuer signs the notice ("某县司法局").
	Issuer string
	// ListLimit caps the lost cases listed one by one (the rest are counted).
	ListLimit int
	// Location is the configured time zone.
	Location *time.Location
	// MaxBytes is the size of one message; 0 means bot.MaxTextBytes.
	MaxBytes int
}

func (s Style) maxBytes() int {
	if s.MaxBytes > 0 {
		return s.MaxBytes
	}
	return bot.MaxTextBytes
}

// maxReasonRunes keeps one lost case's line well inside one message.
const maxReasonRunes = 300

// Title is the notice's title.
func Title(m Month) string { return "关于" + m.Label() + "行政机关败诉案件情况的通报" }

// Markdown writes the report up as a government notice in WeCom markdown,
// split at section boundaries (and, inside a section too long for one
// message, at line boundaries) into messages of at most MaxBytes each, to
// be sent in order.
func (r *Report) Markdown(st Style) []string {
	w := newWriter(r, st)
	secs := []section{w.header(), w.overview(), w.ranking(), w.appearance(), w.lostCases(), w.corrections()}
	if w.r.Rectification != nil {
		secs = append(secs, w.rectification(), w.keyCases())
	}
	if w.m.Month != time.January { // in January the year to date is the month
		secs = append(secs, w.yearToDate())
	}
	secs = append(secs, w.requirements(), w.signature())
	return pack(numbered(secs), st.maxBytes())
}

// HeadMarkdown is the bulletin as an agency's head gets it: the headline
// figures and the ranking of every agency, then their own agency's line and
// its own lost cases, but no other agency's cases.
func (r *Report) HeadMarkdown(agency string, st Style) []string {
	w := newWriter(r, st)
	h := section{title: "", lines: []string{
		"# " + w.m.Label() + "行政机关败诉案件情况（" + agency + "）",
		w.asOf(),
	}}
	secs := []section{h, w.overview(), w.ranking(), w.own(agency)}
	return pack(numbered(secs), st.maxBytes())
}

type writer struct {
	r  *Report
	st Style
	m  Month
}

func newWriter(r *Report, st Style) *writer {
	m, err := ParseMonth(r.Month)
	if err != nil {
		panic("bulletin: report with a bad month " + r.Month) // Compute never makes one
	}
	if st.Location == nil {
		st.Location = time.Local
	}
	if st.ListLimit <= 0 {
		st.ListLimit = 30
	}
	if st.Issuer == "" {
		st.Issuer = "司法局"
	}
	return &writer{r: r, st: st, m: m}
}

// numbered turns the titles of secs into "## 一、总体情况" headings, in order.
func numbered(secs []section) []section {
	const numerals = "一二三四五六七八九十"
	n := 0
	for i := range secs {
		if secs[i].title != "" {
			secs[i].title = "## " + string([]rune(numerals)[n]) + "、" + secs[i].title
			n++
		}
	}
	return secs
}

// section is a titled block; its lines are kept together when they fit one
// message, and its title is repeated on a continuation.
type section struct {
	title string
	lines []string
}

func (w *writer) partial() bool {
	return w.r.GeneratedAt.Before(w.m.End(w.st.Location))
}

// asOf notes a month still in progress.
func (w *writer) asOf() string {
	if !w.partial() {
		return ""
	}
	return fmt.Sprintf("<font color=\"comment\">（本月尚未结束，数据统计至 %s）</font>",
		w.r.GeneratedAt.In(w.st.Location).Format("1月2日 15:04"))
}

func (w *writer) header() section {
	return section{lines: []string{
		"# " + Title(w.m),
		w.asOf(),
		"各行政机关：",
		"现将本地区" + w.m.Label() + "一审行政诉讼案件审结、败诉和行政机关负责人出庭应诉情况，以及行政复议纠错情况通报如下：",
	}}
}

func (w *writer) overview() section {
	t := w.r.Total
	lines := []string{
		fmt.Sprintf("%s，一审行政诉讼新收案件 **%d** 件，审结 **%d** 件，其中行政机关败诉 **%d** 件，败诉率 **%s**（判决结案 %d 件，判决口径败诉率 %s）；调解、撤诉结案 %d 件，调撤率 %s。",
			w.m.Label(), t.Filed, t.Closed, t.Lost, pct(t.LossRate), t.Judged, pct(t.LossRateJudged),
			t.MediatedWithdrawn, pct(t.WithdrawalRate)),
		w.appearanceLine(t.Figures, "本月"),
		fmt.Sprintf("行政复议办结 %d 件，纠错 %d 件，纠错率 %s。", t.ReconsiderationClosed, t.ReconsiderationCorrected, pct(t.CorrectionRate)),
		"同比（" + yoyLabel(t.YoY.Month) + "）：" + yoyLine(t.YoY),
	}
	return section{title: "总体情况", lines: lines}
}

// appearanceLine states the 出庭 figures of a period ("本月", "累计").
func (w *writer) appearanceLine(f Figures, period string) string {
	if f.Heard == 0 {
		return period + "无开庭审理的案件。"
	}
	s := fmt.Sprintf("开庭审理 %d 件，行政机关负责人出庭应诉 %d 件，出庭率 **%s**", f.Heard, f.HeadAppeared, pct(f.AppearanceRate))
	if f.HeadUnrecorded > 0 {
		s += fmt.Sprintf("（其中 %d 件未登记出庭情况，按未出庭计）", f.HeadUnrecorded)
	}
	return s + "。"
}

func (w *writer) above(r *Rate) bool { return r != nil && float64(*r) > w.st.ControlLine }

func (w *writer) ranking() section {
	lines := []string{fmt.Sprintf("控制线为 %s，超过控制线的单位以<font color=\"warning\">橙色</font>标出。", pctShort(w.st.ControlLine))}
	var idle []string
	rank := 0
	for _, a := range w.r.Agencies {
		if a.LossRate == nil {
			if a.Closed == 0 && (a.Filed > 0 || a.Heard > 0 || a.ReconsiderationClosed > 0) {
				idle = append(idle, a.Agency)
			}
			continue
		}
		rank++
		name, rate, mark := a.Agency, pct(a.LossRate), ""
		if w.above(a.LossRate) {
			name = `<font color="warning">` + name + `</font>`
			mark = "，超过控制线"
		}
		lines = append(lines, fmt.Sprintf("%d. %s：审结 %d 件，败诉 %d 件，败诉率 **%s**%s", rank, name, a.Closed, a.Lost, rate, mark))
	}
	if rank == 0 {
		lines = append(lines, "本月各单位均无审结的一审行政诉讼案件。")
	}
	if len(idle) > 0 {
		lines = append(lines, "本月有案件但无审结的单位："+strings.Join(idle, "、")+"。")
	}
	return section{title: "各单位败诉率排名", lines: lines}
}

func (w *writer) appearance() section {
	t := w.r.Total
	var lines []string
	if t.Heard == 0 {
		return section{title: "负责人出庭应诉情况", lines: []string{"本月无开庭审理的一审行政诉讼案件。"}}
	}
	full := 0
	for _, a := range w.r.Agencies {
		if a.Heard == 0 {
			continue
		}
		if a.HeadAppeared == a.Heard {
			full++
			continue
		}
		line := fmt.Sprintf("- <font color=\"warning\">%s</font>：开庭 %d 件，负责人出庭 %d 件，出庭率 **%s**", a.Agency, a.Heard, a.HeadAppeared, pct(a.AppearanceRate))
		if a.HeadUnrecorded > 0 {
			line += fmt.Sprintf("（%d 件未登记）", a.HeadUnrecorded)
		}
		lines = append(lines, line)
	}
	if len(lines) == 0 {
		lines = []string{"本月开庭审理案件的行政机关负责人均已出庭应诉，出庭率 100%。"}
	} else {
		lines = append([]string{"负责人出庭率未达 100% 的单位："}, lines...)
		if full > 0 {
			lines = append(lines, fmt.Sprintf("其余 %d 个有开庭案件的单位，负责人均已出庭应诉。", full))
		}
	}
	return section{title: "负责人出庭应诉情况", lines: lines}
}

// lostCase is a lost case with every agency that lost it.
type lostCase struct {
	LostCase
	agencies []string
}

func groupLost(ls []LostCase, keep func(LostCase) bool) []lostCase {
	var out []lostCase
	idx := map[string]int{}
	for _, l := range ls {
		if keep != nil && !keep(l) {
			continue
		}
		if i, ok := idx[l.Number]; ok {
			out[i].agencies = append(out[i].agencies, l.Agency)
			continue
		}
		idx[l.Number] = len(out)
		out = append(out, lostCase{l, []string{l.Agency}})
	}
	return out
}

func (w *writer) lostLines(cs []lostCase) []string {
	var lines []string
	for i, c := range cs {
		if i == w.st.ListLimit {
			lines = append(lines, fmt.Sprintf("另有 %d 件败诉案件未逐一列出，请查阅台账。", len(cs)-i))
			break
		}
		on := c.ClosedOn
		if t, err := time.Parse(time.DateOnly, c.ClosedOn); err == nil {
			on = t.Format("1月2日")
		}
		lines = append(lines, fmt.Sprintf("%d. %s｜%s｜%s｜%s结案", i+1, c.Number, strings.Join(c.agencies, "、"), c.Outcome, on))
		reason := strings.TrimSpace(c.Reason)
		if reason == "" {
			lines = append(lines, `> 败诉原因：<font color="comment">未填报，请承办单位补报</font>`)
		} else {
			lines = append(lines, "> 败诉原因："+clip(oneLine(reason), maxReasonRunes))
		}
	}
	return lines
}

func (w *writer) lostCases() section {
	cs := groupLost(w.r.LostCases, nil)
	if len(cs) == 0 {
		return section{title: "败诉案件情况", lines: []string{"本月无行政机关败诉案件。"}}
	}
	lines := append([]string{fmt.Sprintf("本月败诉案件 %d 件，逐案情况如下：", len(cs))}, w.lostLines(cs)...)
	return section{title: "败诉案件情况", lines: lines}
}

func (w *writer) corrections() section {
	t := w.r.Total
	if t.ReconsiderationClosed == 0 {
		return section{title: "行政复议纠错情况", lines: []string{"本月无办结的行政复议案件。"}}
	}
	lines := []string{fmt.Sprintf("本月办结行政复议案件 %d 件，作出撤销、变更、确认违法、确认无效、责令履行等纠错决定 %d 件，纠错率 **%s**。",
		t.ReconsiderationClosed, t.ReconsiderationCorrected, pct(t.CorrectionRate))}
	var corrected []string
	for _, a := range w.r.Agencies {
		if a.ReconsiderationCorrected > 0 {
			corrected = append(corrected, fmt.Sprintf("%s %d 件（办结 %d 件，纠错率 %s）", a.Agency, a.ReconsiderationCorrected, a.ReconsiderationClosed, pct(a.CorrectionRate)))
		}
	}
	if len(corrected) > 0 {
		lines = append(lines, "被纠错的单位："+strings.Join(corrected, "；")+"。")
	}
	return section{title: "行政复议纠错情况", lines: lines}
}

func (w *writer) ytdLabel() string {
	return fmt.Sprintf("%d年1—%d月", w.m.Year, int(w.m.Month))
}

func (w *writer) yearToDate() section {
	y := w.r.Total.YTD
	lines := []string{
		fmt.Sprintf("%s累计，一审行政诉讼新收 %d 件，审结 %d 件，败诉 %d 件，败诉率 **%s**（判决口径 %s），调撤率 %s。",
			w.ytdLabel(), y.Filed, y.Closed, y.Lost, pct(y.LossRate), pct(y.LossRateJudged), pct(y.WithdrawalRate)),
		w.appearanceLine(y, "今年以来"),
		fmt.Sprintf("行政复议办结 %d 件，纠错 %d 件，纠错率 %s。", y.ReconsiderationClosed, y.ReconsiderationCorrected, pct(y.CorrectionRate)),
	}
	var over []string
	for _, a := range w.r.Agencies {
		if w.above(a.YTD.LossRate) {
			over = append(over, fmt.Sprintf("%s（%s）", a.Agency, pct(a.YTD.LossRate)))
		}
	}
	if len(over) > 0 {
		lines = append(lines, "累计败诉率超过控制线的单位："+strings.Join(over, "、")+"。")
	} else if y.Closed > 0 {
		lines = append(lines, "各单位累计败诉率均未超过控制线。")
	}
	return section{title: w.ytdLabel() + "累计情况", lines: lines}
}

func (w *writer) requirements() section {
	var lines []string
	n := 0
	item := func(s string) {
		n++
		lines = append(lines, fmt.Sprintf("%d. %s", n, s))
	}
	over, absent := false, false
	for _, a := range w.r.Agencies {
		over = over || w.above(a.LossRate)
		absent = absent || (a.Heard > 0 && a.HeadAppeared < a.Heard)
	}
	if over {
		item("败诉率超过控制线的单位，要逐案分析败诉原因，查找执法薄弱环节，落实整改措施，做到“败诉一案、规范一类”。")
	}
	if len(w.r.LostCases) > 0 {
		item("各败诉单位要按照“凡败必报”要求，及时报送败诉原因分析和整改情况。")
	}
	if absent {
		item("出庭率未达 100% 的单位，要严格落实行政机关负责人出庭应诉制度，做到“应出尽出、出庭出声”。")
	}
	item("各单位要及时在台账中登记开庭、负责人出庭和结案情况，确保统计数据准确。")
	return section{title: "有关要求", lines: lines}
}

func (w *writer) signature() section {
	return section{lines: []string{w.st.Issuer, w.r.GeneratedAt.In(w.st.Location).Format("2006年1月2日")}}
}

// own is an agency's own line for its head.
func (w *writer) own(agency string) section {
	title := "本单位情况"
	a := w.r.Agency(agency)
	if a == nil {
		return section{title: title, lines: []string{agency + "本月及今年以来无一审行政诉讼或行政复议案件。"}}
	}
	st := StandingOf(w.r.Agencies, agency, LossRateOf)
	place := fmt.Sprintf("排第 %d 位", st.Rank)
	if st.Tied {
		place = fmt.Sprintf("并列第 %d 位", st.Rank)
	}
	var lines []string
	if a.LossRate == nil {
		lines = append(lines, fmt.Sprintf("%s本月新收 %d 件，无审结的一审行政诉讼案件。", agency, a.Filed))
	} else {
		mark := ""
		if w.above(a.LossRate) {
			mark = `，<font color="warning">超过控制线</font>`
		}
		lines = append(lines, fmt.Sprintf("%s本月新收 %d 件，审结 %d 件，败诉 %d 件，败诉率 **%s**（在 %d 个有审结案件的单位中%s%s）；判决口径败诉率 %s，调撤率 %s。",
			agency, a.Filed, a.Closed, a.Lost, pct(a.LossRate), st.Of, place, mark, pct(a.LossRateJudged), pct(a.WithdrawalRate)))
	}
	lines = append(lines, w.appearanceLine(a.Figures, "本月"))
	if a.ReconsiderationClosed > 0 {
		lines = append(lines, fmt.Sprintf("行政复议办结 %d 件，被纠错 %d 件，纠错率 %s。", a.ReconsiderationClosed, a.ReconsiderationCorrected, pct(a.CorrectionRate)))
	}
	if w.m.Month != time.January {
		lines = append(lines, fmt.Sprintf("%s累计：审结 %d 件，败诉 %d 件，败诉率 %s；开庭 %d 件，出庭率 %s。",
			w.ytdLabel(), a.YTD.Closed, a.YTD.Lost, pct(a.YTD.LossRate), a.YTD.Heard, pct(a.YTD.AppearanceRate)))
	}
	lines = append(lines, "同比（"+yoyLabel(a.YoY.Month)+"）："+yoyLine(a.YoY))
	own := groupLost(w.r.LostCases, func(l LostCase) bool { return l.Agency == agency })
	if len(own) > 0 {
		lines = append(lines, "本单位败诉案件：")
		lines = append(lines, w.lostLines(own)...)
	}
	return section{title: title, lines: lines}
}

// yoyLine says how a period compares with the same month a year before;
// a rate without a counterpart (no case then or now) is left out.
func yoyLine(y YearOnYear) string {
	c := y.Change
	parts := []string{"新收" + countChange(c.Filed), "审结" + countChange(c.Closed), "败诉" + countChange(c.Lost)}
	for _, r := range []struct {
		name string
		d    *Rate
	}{{"败诉率", c.LossRate}, {"出庭率", c.AppearanceRate}, {"复议纠错率", c.CorrectionRate}} {
		if r.d != nil {
			parts = append(parts, r.name+rateChange(r.d))
		}
	}
	return strings.Join(parts, "，") + "。"
}

func yoyLabel(month string) string {
	if m, err := ParseMonth(month); err == nil {
		return m.Label()
	}
	return month
}

func countChange(d int) string {
	switch {
	case d > 0:
		return fmt.Sprintf("增加 %d 件", d)
	case d < 0:
		return fmt.Sprintf("减少 %d 件", -d)
	}
	return "持平"
}

func rateChange(d *Rate) string {
	pp := float64(*d) * 100
	switch {
	case pp >= 0.005:
		return fmt.Sprintf("上升 %.2f 个百分点", pp)
	case pp <= -0.005:
		return fmt.Sprintf("下降 %.2f 个百分点", -pp)
	}
	return "持平"
}

// pct shows a rate as a percentage with two decimals, or — without one.
func pct(r *Rate) string {
	if r == nil {
		return "—"
	}
	return pctf(float64(*r))
}

func pctf(f float64) string { return fmt.Sprintf("%.2f%%", f*100) }

// pctShort shows a configured fraction without trailing zeros: 0.15 is 15%.
func pctShort(f float64) string {
	return strconv.FormatFloat(math.Round(f*10000)/100, 'f', -1, 64) + "%"
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "……"
}

// pack joins sections into messages of at most max bytes: whole sections
// while they fit; a section too long for one message is split at its lines,
// its title repeated with "（续）" on each continuation.
func pack(secs []section, max int) []string {
	var out []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			out = append(out, cur.String())
		}
		cur.Reset()
	}
	add := func(block string) {
		if cur.Len() > 0 && cur.Len()+2+len(block) > max {
			flush()
		}
		if cur.Len() > 0 {
			cur.WriteString("\n\n")
		}
		cur.WriteString(block)
	}
	for _, s := range secs {
		if block := s.render(); len(block) <= max {
			add(block)
			continue
		}
		flush()
		part := section{title: s.title}
		for _, l := range s.lines {
			next := section{part.title, append(part.lines[:len(part.lines):len(part.lines)], l)}
			if len(part.lines) > 0 && len(next.render()) > max {
				out = append(out, part.render())
				part = section{title: s.title + "（续）"}
				next = section{part.title, []string{l}}
			}
			part = next
		}
		add(part.render()) // the tail may share a message with what follows
	}
	flush()
	return out
}

// render writes the title and the non-empty lines, one per line.
func (s section) render() string {
	var b strings.Builder
	b.WriteString(s.title)
	for _, l := range s.lines {
		if l == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		b.WriteString(l)
	}
	return b.String()
}
