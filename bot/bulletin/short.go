package bulletin

import (
	"fmt"
	"slices"
	"strings"
)

// ShortMarkdown is the bulletin cut down for a group chat (简单点发群里):
// one message with the month's headline figures, each lost case by its
// number with the agency and the reason, and what the agencies are asked
// to do. It names no party: the lost cases are listed by number only, as
// in the full notice. agencies, when given, keeps only those agencies'
// lost cases (a head's own); the figures are the county's either way.
func (r *Report) ShortMarkdown(st Style, agencies []string) string {
	w := newWriter(r, st)
	t := r.Total
	lines := []string{"**" + w.m.Label() + "行政机关败诉案件情况（简版）**"}
	if w.partial() {
		lines = append(lines, fmt.Sprintf("（本月尚未结束，数据统计至 %s）", r.GeneratedAt.In(w.st.Location).Format("1月2日 15:04")))
	}
	head := fmt.Sprintf("一审行政诉讼审结 %d 件", t.Closed)
	if t.Closed > 0 {
		head += fmt.Sprintf("，行政机关败诉 %d 件，败诉率 %s", t.Lost, pct(t.LossRate))
	}
	if t.Heard > 0 {
		head += fmt.Sprintf("；负责人出庭率 %s（开庭 %d 件，出庭 %d 件）", pct(t.AppearanceRate), t.Heard, t.HeadAppeared)
	}
	if t.ReconsiderationClosed > 0 {
		head += fmt.Sprintf("；行政复议办结 %d 件，纠错 %d 件", t.ReconsiderationClosed, t.ReconsiderationCorrected)
	}
	lines = append(lines, head+"。")
	cs := groupLost(r.LostCases, func(l LostCase) bool {
		return len(agencies) == 0 || slices.Contains(agencies, l.Agency)
	})
	for i, c := range cs {
		if i == w.st.ListLimit {
			lines = append(lines, fmt.Sprintf("另有 %d 件未列出。", len(cs)-i))
			break
		}
		reason := strings.TrimSpace(c.Reason)
		if reason == "" {
			reason = "败诉原因未填报"
		} else {
			reason = clip(oneLine(reason), maxReasonRunes)
		}
		lines = append(lines, fmt.Sprintf("%d. %s（%s）：%s", i+1, c.Number, strings.Join(c.agencies, "、"), reason))
	}
	if len(r.LostCases) > 0 {
		lines = append(lines, "请各败诉单位按“凡败必报”要求，及时报送败诉原因分析和整改情况。")
	}
	lines = append(lines, "—— "+w.st.Issuer)
	return strings.Join(lines, "\n")
}
