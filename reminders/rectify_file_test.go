package reminders

import (
	"strings"
	"testing"
)

// splitReport reads the two parts of a 整改报告 under the headings bureaus
// use, and gives up (the reviewers read the whole) when they are not there.
func TestSplitReport(t *testing.T) {
	for _, tc := range []struct {
		name, text         string
		analysis, measures string // prefixes; "" = not split
	}{
		{"numbered headings", "关于某案败诉情况的报告\n县司法局：\n现将有关情况报告如下。\n一、基本案情\n申请人不服我局作出的不予受理决定。\n二、败诉原因分析\n（一）对法定职责理解不准确。\n（二）未充分听取申请人意见。\n三、整改措施\n（一）开展专题学习。\n（二）完善受理审查流程。\n某县自然资源局\n2026年10月9日",
			"（一）对法定职责理解不准确", "（一）开展专题学习"},
		{"inline after a colon", "一、败诉原因：执法程序不规范，未依法告知听证权利。\n二、整改措施：修订执法流程，将听证告知纳入法制审核清单。",
			"执法程序不规范", "修订执法流程"},
		{"存在的问题 and 下一步", "（一）存在的问题\n证据收集不全面，现场笔录未经当事人签字确认。\n（二）下一步工作打算\n加强执法人员证据意识培训，每季度开展一次案卷评查。",
			"证据收集不全面", "加强执法人员"},
		{"unnumbered short headings", "被纠错原因\n复议机关认为我局认定事实不清。\n整改举措\n建立重大案件集体讨论制度。",
			"复议机关认为", "建立重大案件"},
		{"no headings", "我局高度重视本案败诉，经认真分析，主要是调查取证不充分，今后将加强培训，严格法制审核，防止类似问题再次发生。", "", ""},
		{"measures only", "整改措施\n一是加强培训。二是严格审核。", "", ""},
		{"a sentence naming the reason is no heading", "本案的败诉原因分析如下，请审阅，并就整改措施提出意见，我们将认真落实。\n具体内容见附件。", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, m, ok := splitReport(tc.text)
			if tc.analysis == "" {
				if ok {
					t.Errorf("split: %q / %q", a, m)
				}
				return
			}
			if !ok || !strings.HasPrefix(a, tc.analysis) || !strings.HasPrefix(m, tc.measures) {
				t.Errorf("ok %v\nanalysis %q\nmeasures %q", ok, a, m)
			}
			if strings.Contains(m, "2026年10月9日") || strings.Contains(m, "某县自然资源局") {
				t.Errorf("the signature is read as a measure: %q", m)
			}
			if strings.Contains(a, tc.measures) {
				t.Errorf("the analysis runs into the measures: %q", a)
			}
		})
	}
}

// BenchmarkSplitReport reads the parts of a report of about 6,000
// characters (what cases.MaxReportRunes keeps).
//
//	go test ./reminders -run '^$' -bench SplitReport -benchtime 2000x
func BenchmarkSplitReport(b *testing.B) {
	text := "关于某案败诉情况的报告\n县司法局：\n一、基本案情\n" + strings.Repeat("申请人不服我局作出的不予受理决定，向县人民法院提起行政诉讼。\n", 40) +
		"二、败诉原因分析\n" + strings.Repeat("（一）对法定职责理解不准确，未全面审查申请材料。\n", 40) +
		"三、整改措施\n" + strings.Repeat("（一）开展专题学习，完善受理审查流程和法制审核。\n", 40) + "某县自然资源局\n2026年10月9日"
	for b.Loop() {
		if _, _, ok := splitReport(text); !ok {
			b.Fatal("not split")
		}
	}
}
