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
		// bare, with neither prefix nor 号
		"查下一零一":       "查下101",
		"查一下幺零幺":      "查一下101",
		"一百零一":        "101",
		"帮我查查一一七":     "帮我查查117",
		"一一七明天几点开":    "117明天几点开",
		"幺三三谁承办":      "133谁承办",
		"查下九十六":       "查下96",
		"五一前有庭吗":      "五一前有庭吗",  // a holiday
		"十一长假后":       "十一长假后",   // a holiday
		"下一个庭":        "下一个庭",    // not a number
		"魏三十二的案子":     "魏三十二的案子", // a name
		"近九十天":        "近九十天",    // a count
		"一百多件":        "一百多件",    // an amount
		"下午三点":        "下午三点",    // a time
		"三五天":         "三五天",     // a guess
		"一二三四五":       "一二三四五",   // not a number of a case
		"十二":          "十二",      // a day or a count
		"查下一三九 答辩交了没": "查下139 答辩交了没",
		"一零一和一一七":     "101和117",
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
