package intent

import "testing"

func TestCaseNumerals(t *testing.T) {
	for in, want := range map[string]string{
		"一百二十四号":     "124号",
		"一百二十四号的案子":  "124号的案子",
		"行初一百零一号":    "行初101号",
		"八十五号判了没":    "85号判了没",
		"二十四号的案子":    "24号的案子",
		"十二月十六号":     "十二月十六号",  // a day
		"二十四号开庭吗":    "二十四号开庭吗", // a day of this month
		"第三号法庭":      "第三号法庭",
		"一千零二十号":     "1020号",
		"复四十一号":      "复41号",
		"一百一十七号搞哪样了": "117号搞哪样了",
		"行初一零一":      "行初101",
		"行初九十六":      "行初96",
		"复四十一几点开":    "复41几点开",
		"行初一一七谁出庭":   "行初117谁出庭",
		"复三次了":       "复三次了", // a count
		"行终三十三号":     "行终33号",
	} {
		if got := caseNumerals(in); got != want {
			t.Errorf("caseNumerals(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCourtesy(t *testing.T) {
	for in, want := range map[string]string{
		"早上好 今天有几个庭":   "今天有几个庭",
		"早上好，今天有哪些庭":   "今天有哪些庭",
		"今天辛苦了 下周有几个庭": "下周有几个庭",
		"早上的庭":         "早上的庭",
		"早上9点的庭":       "早上9点的庭",
		"明天的庭 明天见":     "明天的庭",
		"它的被告呢":        "被告呢",
	} {
		if got, _ := courtesy(in); got != want {
			t.Errorf("courtesy(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPersonalAndNonAdmin(t *testing.T) {
	for in, want := range map[string]bool{
		"我要离婚怎么办":       true,
		"我被交警罚款了能不能复议":  true,
		"我们局被起诉了怎么办":    false,
		"我明天的庭怎么办":      false,
		"我手上的案子":        false,
		"邻居家占了我家宅基地怎么办": true,
	} {
		if got := personalLegal(in); got != want {
			t.Errorf("personalLegal(%q) = %v", in, got)
		}
	}
	for in, want := range map[string]bool{
		"(2026)黔0115民初123号": true, "执45号": true, "行保3号": true, "行审12号": false, "执法局有几个案子": false, "行初85号": false,
	} {
		if got := nonAdmin(in); got != want {
			t.Errorf("nonAdmin(%q) = %v", in, got)
		}
	}
}
