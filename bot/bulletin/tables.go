package bulletin

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"casebot/bot/docx"
)

// The tables below are what people ask to add to a bulletin they have
// read (加上出庭情况, 各单位都列上): the same report's figures, for every
// agency rather than those the notice singles out.

// AppearanceMarkdown lists the head appearance of every agency with a
// hearing held in the month (the notice names only those under 100%),
// lowest rate first, after the total. agencies limits it (nil: all).
func (r *Report) AppearanceMarkdown(st Style, agencies []string) []string {
	w := newWriter(r, st)
	whose := "各单位"
	if agencies != nil {
		whose = strings.Join(agencies, "、")
	}
	lines := []string{"# " + w.m.Label() + "负责人出庭应诉情况（" + whose + "）", w.asOf(), "", "全地区：" + w.appearanceLine(r.Total.Figures, "本月")}
	var rows []Stats
	for _, a := range r.Agencies {
		if a.Heard > 0 && (agencies == nil || slices.Contains(agencies, a.Agency)) {
			rows = append(rows, a)
		}
	}
	sortByRate(rows, func(s *Stats) *Rate { return s.AppearanceRate })
	for i, a := range rows {
		line := fmt.Sprintf("%d. %s：开庭 %d 件，负责人出庭 %d 件，出庭率 **%s**", i+1, a.Agency, a.Heard, a.HeadAppeared, pct(a.AppearanceRate))
		if a.HeadUnrecorded > 0 {
			line += fmt.Sprintf("（%d 件未登记出庭情况，按未出庭计）", a.HeadUnrecorded)
		}
		lines = append(lines, line)
	}
	if r.Total.Heard > 0 && len(rows) == 0 {
		lines = append(lines, "所选单位本月无开庭审理的一审行政诉讼案件。")
	}
	return pack([]section{{lines: lines}}, st.maxBytes())
}

// AgencyTableMarkdown lists every agency of the report with its month's
// figures (新收, 审结, 败诉 and 败诉率, 开庭 and 出庭率, 复议办结 and 纠错), in
// the notice's order, so none is left out as the ranking leaves out those
// with nothing closed.
func (r *Report) AgencyTableMarkdown(st Style) []string {
	w := newWriter(r, st)
	lines := []string{"# " + w.m.Label() + "各单位情况一览", w.asOf(), ""}
	for i, a := range r.Agencies {
		parts := []string{fmt.Sprintf("新收 %d 件", a.Filed), fmt.Sprintf("审结 %d 件", a.Closed)}
		if a.Closed > 0 {
			parts = append(parts, fmt.Sprintf("败诉 %d 件，败诉率 %s", a.Lost, pct(a.LossRate)))
		}
		if a.Heard > 0 {
			parts = append(parts, fmt.Sprintf("开庭 %d 件，负责人出庭 %d 件，出庭率 %s", a.Heard, a.HeadAppeared, pct(a.AppearanceRate)))
		}
		if a.ReconsiderationClosed > 0 {
			parts = append(parts, fmt.Sprintf("复议办结 %d 件，纠错 %d 件", a.ReconsiderationClosed, a.ReconsiderationCorrected))
		}
		name := a.Agency
		if w.above(a.LossRate) {
			name = `<font color="warning">` + name + `</font>`
		}
		lines = append(lines, fmt.Sprintf("%d. %s：%s；%s累计审结 %d 件、败诉 %d 件", i+1, name, strings.Join(parts, "，"), w.ytdLabel(), a.YTD.Closed, a.YTD.Lost))
	}
	return pack([]section{{lines: lines}}, st.maxBytes())
}

// sortByRate orders rows by a rate, lowest first, those without one last;
// ties keep their order.
func sortByRate(rows []Stats, rate func(*Stats) *Rate) {
	slices.SortStableFunc(rows, func(a, b Stats) int {
		ra, rb := rate(&a), rate(&b)
		switch {
		case ra == nil && rb == nil:
			return 0
		case ra == nil:
			return 1
		case rb == nil:
			return -1
		}
		return cmp.Compare(*ra, *rb)
	})
}

// markRe are the WeCom markdown marks a Word document leaves out.
var markRe = regexp.MustCompile(`</?font[^>]*>|\*\*`)

// Document lays markdown parts of the bulletin (Markdown, HeadMarkdown,
// AgencyMarkdown) out as a Word document in the publication layout: "# "
// the title, "## " headings, other lines body paragraphs, the marks of
// WeCom markdown removed.
func Document(parts []string, author string, created time.Time) docx.Document {
	d := docx.Document{Author: author, Created: created}
	for _, part := range parts {
		for _, l := range strings.Split(part, "\n") {
			t := strings.TrimSpace(markRe.ReplaceAllString(l, ""))
			t = strings.TrimSpace(strings.TrimPrefix(t, ">"))
			switch {
			case t == "":
			case strings.HasPrefix(t, "## "):
				d.Paragraphs = append(d.Paragraphs, docx.P(docx.Heading, strings.TrimPrefix(t, "## ")))
			case strings.HasPrefix(t, "# "):
				title := strings.TrimPrefix(t, "# ")
				if d.Title == "" {
					d.Title = title
				}
				d.Paragraphs = append(d.Paragraphs, docx.P(docx.Title, title))
			default:
				d.Paragraphs = append(d.Paragraphs, docx.P(docx.Body, t))
			}
		}
	}
	return d
}
