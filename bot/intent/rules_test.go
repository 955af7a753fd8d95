package intent

import "testing"

func TestAsksRule(t *testing.T) {
	for _, tc := range []struct {
		text    string
		topic   RuleTopic
		outcome string
	}{
		{"撤诉算不算败诉", RuleLoss, "准许撤诉"},
		{"调解算不算败诉啊", RuleLoss, "调解"},
		{"驳回起诉算败诉吗", RuleLoss, "裁定驳回起诉"},
		{"确认违法算败诉不", RuleLoss, "判决确认违法"},
		{"被告改了行政行为原告撤诉 这种算不算输", RuleLoss, "改变行为后撤诉"},
		{"按撤诉处理的也算输吗？", RuleLoss, "按撤诉处理"},
		{"判决驳回诉讼请求是不是胜诉", RuleLoss, "判决驳回诉讼请求"},
		{"复议维持算纠错吗", RuleCorrection, "维持"},
		{"复议决定确认违法算不算纠错", RuleCorrection, "确认违法"},
		{"书面审理要不要出庭", RuleWritten, ""},
		{"书面审理的案子负责人用去吗", RuleWritten, ""},
		{"以案说法有字数要求不", RuleLength, ""},
		{"以案说法写多少字合适", RuleLength, ""},
		{"败诉率怎么算的", RuleRate, ""},
		{"出庭率的分母是什么", RuleRate, ""},
		{"负责人不能出庭的话可以让别人去吗", RuleStandIn, ""},
		{"不出庭会咋样", RuleAbsent, ""},
		{"负责人不出庭有什么后果", RuleAbsent, ""},
		{"要是没出庭的话会被通报吗", RuleAbsent, ""},
		{"领导不到庭会怎么样？", RuleAbsent, ""},
		{"要是败诉了会怎样", RuleLost, ""},
		{"万一输了咋办", RuleLost, ""},
		{"败诉了要干啥", RuleLost, ""},
		{"案子被判撤销的话有什么影响", RuleLost, ""},
		{"延期了要重新报吗", RuleChange, ""},
		{"改期的话出庭负责人要重新报不", RuleChange, ""},
		{"推迟了还要再登记吗", RuleChange, ""},
		{"要是出庭负责人临时去不了会怎样", RuleAbsent, ""},
		{"如果败诉了要不要写整改报告", RuleLost, ""},
		{"万一法院延期了会有什么影响", RuleChange, ""},
	} {
		q, ok := AsksRule(tc.text)
		if !ok || q.Topic != tc.topic || q.Outcome != tc.outcome {
			t.Errorf("AsksRule(%q) = %+v, %v; want %s %q", tc.text, q, ok, tc.topic, tc.outcome)
		}
	}
	for _, text := range []string{
		"今年算败诉的有几个", "行初85算败诉吗", "撤诉的有几件", "本月败诉率", "书面审理的案件有哪些",
		"今年撤诉了几个", "以案说法 行初85", "这篇多少字", "我去不了 让王副局长去", "85号是不是败诉了",
		"公安局今年输了几个", "败诉原因",
		"孙局明天不出庭", "不出庭的有哪些", "今年败诉了几件", "败诉的案子有哪些", "明天的庭延期了",
		"行初117延期了要重新报吗", "没出庭的案子", "败诉率多少", "败诉的整改报告交了没", "整改报告什么时候交",
	} {
		if q, ok := AsksRule(text); ok {
			t.Errorf("AsksRule(%q) = %+v, want no rule question", text, q)
		}
	}
}
