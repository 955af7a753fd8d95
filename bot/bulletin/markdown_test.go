package bulletin_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"casebot/bot"
	"casebot/bot/bulletin"
)

var style = bulletin.Style{ControlLine: 0.15, Issuer: "某县司法局", Location: shanghai}

// inOrder fails unless every string of want occurs in text, in order.
func inOrder(t *testing.T, text string, want ...string) {
	t.Helper()
	pos := 0
	for _, w := range want {
		i := strings.Index(text[pos:], w)
		if i < 0 {
			if strings.Contains(text, w) {
				t.Errorf("%q is out of order", w)
			} else {
				t.Errorf("%q missing", w)
			}
			continue
		}
		pos += i + len(w)
	}
	if t.Failed() {
		t.Logf("text:\n%s", text)
	}
}

func checkParts(t *testing.T, parts []string) string {
	t.Helper()
	for i, p := range parts {
		if len(p) > bot.MaxTextBytes {
			t.Errorf("part %d has %d bytes, over WeCom's %d", i, len(p), bot.MaxTextBytes)
		}
		if strings.TrimSpace(p) == "" {
			t.Errorf("part %d is empty", i)
		}
	}
	return strings.Join(parts, "\n\n")
}

func TestMarkdownNotice(t *testing.T) {
	rep := compute(t, nil, "2025-11-01 09:00")
	text := checkParts(t, rep.Markdown(style))
	inOrder(t, text,
		"# 关于2025年10月行政机关败诉案件情况的通报",
		"各行政机关：",
		"## 一、总体情况",
		"新收案件 **3** 件，审结 **7** 件，其中行政机关败诉 **3** 件，败诉率 **42.86%**（判决结案 4 件，判决口径败诉率 75.00%）；调解、撤诉结案 3 件，调撤率 42.86%。",
		"开庭审理 4 件，行政机关负责人出庭应诉 2 件，出庭率 **50.00%**（其中 1 件未登记出庭情况，按未出庭计）。",
		"行政复议办结 3 件，纠错 2 件，纠错率 66.67%。",
		"同比（2024年10月）：新收增加 2 件，审结增加 4 件，败诉增加 2 件，败诉率上升 9.52 个百分点，出庭率下降 50.00 个百分点。",
		"## 二、各单位败诉率排名",
		"控制线为 15%",
		`1. <font color="warning">某县自然资源局</font>：审结 2 件，败诉 2 件，败诉率 **100.00%**，超过控制线`,
		`2. <font color="warning">某县市场监督管理局</font>：审结 3 件，败诉 2 件，败诉率 **66.67%**，超过控制线`,
		"3. 某县公安局：审结 3 件，败诉 0 件，败诉率 **0.00%**\n",
		"本月有案件但无审结的单位：某镇人民政府。",
		"## 三、负责人出庭应诉情况",
		"负责人出庭率未达 100% 的单位：",
		"某县自然资源局</font>：开庭 2 件，负责人出庭 1 件，出庭率 **50.00%**",
		"某县市场监督管理局</font>：开庭 1 件，负责人出庭 0 件，出庭率 **0.00%**",
		"某镇人民政府</font>：开庭 1 件，负责人出庭 0 件，出庭率 **0.00%**（1 件未登记）",
		"其余 1 个有开庭案件的单位，负责人均已出庭应诉。",
		"## 四、败诉案件情况",
		"本月败诉案件 3 件",
		"1. (2025)黔0115行初1号｜某县自然资源局｜判决撤销｜10月10日结案\n> 败诉原因：未履行告知义务，程序违法",
		"2. (2025)黔0115行赔初1号｜某县市场监督管理局｜判决赔偿｜10月22日结案\n> 败诉原因：<font color=\"comment\">未填报，请承办单位补报</font>",
		"3. (2025)黔0115行初2号｜某县自然资源局、某县市场监督管理局｜判决确认违法｜10月31日结案\n> 败诉原因：超期作出决定",
		"## 五、行政复议纠错情况",
		"本月办结行政复议案件 3 件，作出撤销、变更、确认违法、确认无效、责令履行等纠错决定 2 件，纠错率 **66.67%**。",
		"被纠错的单位：某县自然资源局 1 件（办结 1 件，纠错率 100.00%）；某县公安局 1 件（办结 2 件，纠错率 50.00%）。",
		"## 六、“一案一整改”落实情况",
		"本月无到期或逾期的败诉案件整改报告。",
		"## 七、重点案件（败诉风险）",
		"目前无标记为败诉风险的重点案件。",
		"## 八、2025年1—10月累计情况",
		"一审行政诉讼新收 11 件，审结 9 件，败诉 4 件，败诉率 **44.44%**（判决口径 66.67%），调撤率 33.33%。",
		"开庭审理 6 件，行政机关负责人出庭应诉 4 件，出庭率 **66.67%**",
		"累计败诉率超过控制线的单位：某县自然资源局（100.00%）、某县市场监督管理局（50.00%）。",
		"## 九、有关要求",
		"败诉率超过控制线的单位",
		"出庭率未达 100% 的单位",
		"某县司法局\n2025年11月1日",
	)
	// C is below the line and its head always appeared: never marked.
	if strings.Contains(text, `<font color="warning">某县公安局`) {
		t.Error("某县公安局 is marked although under the control line and at 100% appearance")
	}
	// A month that is over carries no "in progress" note.
	if strings.Contains(text, "尚未结束") {
		t.Error("a finished month is marked as in progress")
	}
}

func TestMarkdownControlLineIsConfigurable(t *testing.T) {
	rep := compute(t, nil, "2025-11-01 09:00")
	st := style
	st.ControlLine = 0.7
	text := checkParts(t, rep.Markdown(st))
	inOrder(t, text, "控制线为 70%", `<font color="warning">某县自然资源局</font>：审结 2 件`, "2. 某县市场监督管理局：审结 3 件，败诉 2 件，败诉率 **66.67%**\n")
}

func TestMarkdownMonthInProgress(t *testing.T) {
	rep := compute(t, nil, "2025-10-21 12:00")
	text := checkParts(t, rep.Markdown(style))
	inOrder(t, text, "# 关于2025年10月", "本月尚未结束，数据统计至 10月21日 12:00")
}

// TestHeadMarkdown: a head sees the ranking of every agency and their own
// agency's line and lost cases, and no other agency's lost cases.
func TestHeadMarkdown(t *testing.T) {
	rep := compute(t, nil, "2025-11-01 09:00")
	text := checkParts(t, rep.HeadMarkdown(agB, style))
	inOrder(t, text,
		"# 2025年10月行政机关败诉案件情况（某县市场监督管理局）",
		"## 一、总体情况",
		"## 二、各单位败诉率排名",
		"某县自然资源局</font>：审结 2 件",
		"3. 某县公安局",
		"## 三、本单位情况",
		"某县市场监督管理局本月新收 2 件，审结 3 件，败诉 2 件，败诉率 **66.67%**（在 3 个有审结案件的单位中排第 2 位，",
		"开庭审理 1 件，行政机关负责人出庭应诉 0 件，出庭率 **0.00%**。",
		"2025年1—10月累计：审结 4 件，败诉 2 件，败诉率 50.00%；开庭 3 件，出庭率 66.67%。",
		"同比（2024年10月）：新收增加 2 件，审结增加 3 件，败诉增加 2 件。",
		"本单位败诉案件：",
		"(2025)黔0115行赔初1号",
		"(2025)黔0115行初2号",
	)
	for _, other := range []string{"(2025)黔0115行初1号", "未履行告知义务", "## 四、", "## 五、"} {
		if strings.Contains(text, other) {
			t.Errorf("the head of B sees %q, which belongs to another agency or the full notice", other)
		}
	}

	text = checkParts(t, rep.HeadMarkdown("某县水务局", style))
	inOrder(t, text, "## 二、各单位败诉率排名", "某县水务局本月及今年以来无一审行政诉讼或行政复议案件。")
	if strings.Contains(text, "(2025)") {
		t.Error("an agency without cases sees case numbers")
	}
}

// TestMarkdownSplitsLongSections: sixty lost cases with long reasons are
// split at line boundaries into messages under the WeCom limit, in order,
// the section title repeated; the list stops at ListLimit.
func TestMarkdownSplitsLongSections(t *testing.T) {
	rep := &bulletin.Report{Month: "2025-10", GeneratedAt: at("2025-11-01 09:00"), Agencies: []bulletin.Stats{}}
	for i := 1; i <= 60; i++ {
		rep.LostCases = append(rep.LostCases, bulletin.LostCase{
			Number: fmt.Sprintf("(2025)黔0115行初%d号", i), Agency: agA, Outcome: "判决撤销",
			Reason:   fmt.Sprintf("第%d案：%s", i, strings.Repeat("行政机关未依法履行告知义务，程序违法；", 8)),
			ClosedOn: "2025-10-15",
		})
	}
	st := style
	st.ListLimit = 50
	parts := rep.Markdown(st)
	text := checkParts(t, parts)
	if len(parts) < 5 {
		t.Fatalf("only %d parts for 50 long cases", len(parts))
	}
	var want []string
	for i := 1; i <= 50; i++ {
		want = append(want, fmt.Sprintf("%d. (2025)黔0115行初%d号｜", i, i))
	}
	want = append(want, "另有 10 件败诉案件未逐一列出，请查阅台账。", "## 五、行政复议纠错情况")
	inOrder(t, text, want...)
	if strings.Contains(text, "(2025)黔0115行初51号") {
		t.Error("case 51 listed beyond the limit of 50")
	}
	conts := 0
	for _, p := range parts {
		if strings.HasPrefix(p, "## 四、败诉案件情况（续）") {
			conts++
		}
		// A case's reason stays in the message that names the case.
		if strings.HasPrefix(p, "> ") {
			t.Errorf("a part starts with a reason cut from its case:\n%s", p)
		}
	}
	if conts == 0 {
		t.Error("no continuation carries the section title")
	}
	// Every part but the first of the section opens with a title, never mid-list.
	for i, p := range parts {
		if !strings.HasPrefix(p, "#") {
			t.Errorf("part %d opens mid-section:\n%.80s", i, p)
		}
	}
}

func TestMarkdownQuietMonth(t *testing.T) {
	rep := &bulletin.Report{Month: "2026-01", GeneratedAt: time.Date(2026, 2, 1, 9, 0, 0, 0, shanghai), Agencies: []bulletin.Stats{}}
	text := checkParts(t, rep.Markdown(style))
	inOrder(t, text, "2026年1月，一审行政诉讼新收案件 **0** 件，审结 **0** 件，其中行政机关败诉 **0** 件，败诉率 **—**",
		"本月各单位均无审结的一审行政诉讼案件。", "本月无开庭审理的一审行政诉讼案件。", "本月无行政机关败诉案件。",
		"本月无办结的行政复议案件。", "## 六、有关要求", "各单位要及时在台账中登记")
	if strings.Contains(text, "累计情况") {
		t.Error("January has a separate year-to-date section")
	}
}
