package privacy

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Round 26 (priv26): Latin names in the places 询问笔录 and 复议决定书 put
// foreigners. A person's noun right before the name (尼日利亚籍客商OKAFOR
// Chinedu Emmanuel, 俄罗斯来的帮工Anna Petrova), 叫 without a gap (缅甸人叫
// Aung Kyaw Min) and a foreign name's label (越南名NGUYEN VAN HUNG) say a
// person as a role word does; a brand or a firm after them stays
// (corporateLatin, latinOrgs).

// latinPersonNouns end right before a foreigner's Latin name.
var latinPersonNouns = []string{"客商", "商人", "外商", "教师", "外教", "老师", "帮工", "服务员", "务工人员", "员工", "工人", "雇员", "男子", "女子", "公民", "国民",
	"留学生", "学生", "游客", "旅客", "乘客", "船员", "海员", "司机", "厨师", "模特", "球员", "丈夫", "妻子", "朋友", "同事", "同乡", "店主", "租客", "房东",
	"买家", "卖家", "顾客", "嫌疑人", "被害人", "居民", "男友", "女友", "邻居"}

// latinNameLabels26 are labels written right against the name, with no
// colon or quote between: 叫 and the name a foreigner has in their own
// language or script.
var latinNameLabels26 = []string{"叫", "名叫", "名为", "外文名", "原名", "本名", "全名", "真名", "越南名", "缅甸名", "老挝名", "泰国名", "柬埔寨名",
	"俄文名", "俄语名", "外国名", "护照名"}

// latinPersonBefore26 reports whether a person's noun or a name's label
// ends right before i.
func latinPersonBefore26(t *text, i int) bool {
	before := t.str(max(0, i-6), i)
	return hasSuffixAny(before, latinNameLabels26) || hasSuffixAny(before, latinPersonNouns)
}

// latinGivenAlone adds, for a Latin name of two or more parts whose family
// name comes last, its given name written alone (Anna Petrova … 问：Anna有没有
// 签劳动合同？): in a record of questions a person is called by it.
func latinGivenAlone(families map[string]bool, name string) {
	first, _, ok := strings.Cut(name, " ")
	if !ok || familyFirst[strings.ToLower(first)] || latinPlaceWords[first] || utf8.RuneCountInString(first) < 3 || strings.ContainsAny(first, ".'") {
		return
	}
	// A passport's capitals (NGUYEN VAN HUNG) do not say which part is
	// the given name.
	r, _ := utf8.DecodeRuneInString(first)
	if !unicode.IsUpper(r) || strings.ToUpper(first) == first {
		return
	}
	families[first] = true
}
