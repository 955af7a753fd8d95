package privacy

import "testing"

// TestStrongMarkerKinds pins the rules of strong.go and this round's
// identifiers, each with a fresh example (never a blind-set sentence),
// and the guards next to them.
func TestStrongMarkerKinds(t *testing.T) {
	checkCleans(t, []cleanCase{
		// Strong markers: a word or a rare surname is a name.
		{"a word after 男方", "男方黄海与女方温馨于2010年结婚。", "男方黄某与女方温某于2010年结婚。"},
		{"a rare surname after 职工", "职工冷静在车间内被机器压伤。", "职工冷某在车间内被机器压伤。"},
		{"a marker-only surname", "女方禾苗要求抚养孩子。", "女方禾某要求抚养孩子。"},
		{"a kin word starting a word with the surname", "其子宫廷现在某市读书。", "其子宫某现在某市读书。"},
		{"a bracketed list after a colon", "公示：梁栋（一级肢体）、戴维（二级智力）。", "公示：梁某（一级肢体）、戴某（二级智力）。"},
		{"a later list item before a verb", "工作人员朱军、常在到场。", "工作人员朱某、常某到场。"},
		// Guards.
		{"a noun phrase after 职工", "职工安全教育未落实。", "职工安全教育未落实。"},
		{"a grammar word after 经营者", "经营者应当依法纳税。", "经营者应当依法纳税。"},
		{"a relation going on into a word", "该房屋系其父母留给他的。", "该房屋系其父母留给他的。"},
		{"an attribute after a role", "以上事实有违法嫌疑人陈述在卷佐证。", "以上事实有违法嫌疑人陈述在卷佐证。"},
		{"a function surname", "原告的妻子于次年外出。", "原告的妻子于次年外出。"},
		{"a word of time after a marker", "职工平时在车间工作。", "职工平时在车间工作。"},
		{"a word of time closed by a separator", "见证人夏季、秋雨在笔录上签字。", "见证人夏某、秋某在笔录上签字。"},
		// Speech verbs and object frames.
		{"a word-name before 说", "邻居白鸽说，那天没人来过。", "邻居白某说，那天没人来过。"},
		{"a word-name before 签收", "原告之妻柳絮签收了通知。", "原告之妻柳某签收了通知。"},
		{"与X办理", "被告与金星办理了交接手续。", "被告与金某办理了交接手续。"},
		{"对X说", "镇长对马良说，必须拆除。", "镇长对马某说，必须拆除。"},
		{"见过X", "原告称曾见过黄莺。", "原告称曾见过黄某。"},
		{"an office before 称", "林业站称已经发放了补偿款。", "林业站称已经发放了补偿款。"},
		{"对方自称", "电话中对方自称是镇上的。", "电话中对方自称是镇上的。"},
		{"a party's plea", "原告申辩称其不知情。", "原告申辩称其不知情。"},
		// Other kinds.
		{"a dated clause start", "2021.6.1鲍勃在村口摆摊。", "2021.6.1鲍某在村口摆摊。"},
		{"a vocative", "母亲喊“秀英，回家吃饭”。", "母亲喊“秀某，回家吃饭”。"},
		{"a table cell", "| 2 | 尤佳 | 住宅 | 88平方米 |", "| 2 | 尤某 | 住宅 | 88平方米 |"},
		{"a Cyrillic name", "申请人Наталья Иванова未到庭。", "申请人Н某未到庭。"},
		// Shops, landmarks, road markings, lists of things.
		{"a shop named X记", "原告在李记面馆门口摆摊。", "原告在李记面馆门口摆摊。"},
		{"a landmark", "游客在范公亭前拍照。", "游客在范公亭前拍照。"},
		{"a road marking", "车辆越过黄实线后掉头。", "车辆越过黄实线后掉头。"},
		{"a brand and its product in quotes", "包装上印有“王小二烤鸭”字样。", "包装上印有“王小二烤鸭”字样。"},
		{"a list of plants", "山上种有毛竹、杨梅和茶树。", "山上种有毛竹、杨梅和茶树。"},
		// Identifiers.
		{"a foreign passport with letters", "其护照号码为X9KL27M41。", "其护照号码为×××。"},
		{"an ID with a mistyped check letter", "身份证号码为33012219900101123B。", "身份证号码为×××。"},
		{"a birth certificate number", "出生医学证明编号Q430126518。", "出生医学证明编号×××。"},
		{"a marriage serial with 字", "其结婚证号为湘婚字第2015008号。", "其结婚证号为×××。"},
		{"an agency's decision number stays", "被告作出某公安决字〔2023〕77号决定。", "被告作出某公安决字〔2023〕77号决定。"},
		{"a plate with a dash", "号牌为浙05-27163的三轮车被扣押。", "号牌为×××的三轮车被扣押。"},
		{"a Hong Kong identity card", "第三人的香港身份证号码为A123456(7)。", "第三人的香港身份证号码为×××。"},
		{"a Macau phone with spaces", "申请人澳门电话853 6688 1234。", "申请人澳门电话×××。"},
		{"a Taiwan landline with a space", "其在台湾的住宅电话为07 2618375。", "其在台湾的住宅电话为×××。"},
	})
}
