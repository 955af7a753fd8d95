package bulletin_test

import (
	"strings"
	"testing"
)

// TestAgencyMarkdown: staff asking for one agency's part get that agency's
// figures and lost cases under its name, and nothing of the others.
func TestAgencyMarkdown(t *testing.T) {
	rep := compute(t, nil, "2025-11-01 09:00")
	text := checkParts(t, rep.AgencyMarkdown(agB, style))
	inOrder(t, text,
		"# 2025年10月行政机关败诉案件情况（某县市场监督管理局部分）",
		"## 一、某县市场监督管理局情况",
		"某县市场监督管理局本月新收 2 件，审结 3 件，败诉 2 件，败诉率 **66.67%**（在 3 个有审结案件的单位中排第 2 位，",
		"本单位败诉案件：",
		"(2025)黔0115行赔初1号",
	)
	for _, other := range []string{"某县自然资源局", "(2025)黔0115行初1号", "各单位败诉率排名", "## 二、"} {
		if strings.Contains(text, other) {
			t.Errorf("the part of B holds %q, which belongs to another agency or the full notice", other)
		}
	}
}
