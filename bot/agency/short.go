package agency

import (
	"strings"
	"unicode/utf8"

	"casebot/bot/textdist"
)

// shortNames are the short names people use for a county department that
// are not a contraction of one full name: each may stand for any of the
// bodies listed, tried in order (资规局 is 自然资源和规划局 where the two
// were merged, 自然资源局 where they were not). Unlike abbreviations they
// are not folded into keys, since a ledger may hold either body.
var shortNames = map[string][]string{
	"资规局":   {"自然资源和规划局", "自然资源局"},
	"自规局":   {"自然资源和规划局", "自然资源局"},
	"规资局":   {"自然资源和规划局", "自然资源局"},
	"国土局":   {"自然资源局", "自然资源和规划局"},
	"市管局":   {"市场监督管理局"},
	"市场局":   {"市场监督管理局"},
	"工商局":   {"市场监督管理局"},
	"安监局":   {"应急管理局"}, // 安全生产监督管理局, merged into 应急管理局 in 2018
	"计生局":   {"卫生健康局", "卫生健康委员会"},
	"计生委":   {"卫生健康局", "卫生健康委员会"},
	"卫计委":   {"卫生健康局", "卫生健康委员会"},
	"国土资源局": {"自然资源局", "自然资源和规划局"},
	"农农局":   {"农业农村局"},
	"农业农村":  {"农业农村局"},
	"卫生局":   {"卫生健康局", "卫生健康委员会"},
	"卫计局":   {"卫生健康局", "卫生健康委员会"},
	"交运局":   {"交通运输局"},
	"生态局":   {"生态环境局"},
	"环境局":   {"生态环境局"},
	"教体局":   {"教育和体育局", "教育体育局", "教育局"},
	"教科局":   {"教育和科技局", "教育局"},
	"城管局":   {"综合行政执法局", "城市管理局", "城市管理综合执法局", "城市管理综合行政执法局"},
	"执法局":   {"综合行政执法局", "城市管理综合执法局"},
	"综执局":   {"综合行政执法局", "城市管理综合执法局", "城市管理综合行政执法局"},
	"人社厅":   {"人力资源和社会保障局"}, // a county has no 厅: the 局 is meant
	"社保局":   {"人力资源和社会保障局"},
	"劳动局":   {"人力资源和社会保障局"},
	"税局":    {"税务局"},
	"镇里":    {"镇人民政府"},
	"镇上":    {"镇人民政府"},
	"乡上":    {"乡人民政府"},
	"乡里":    {"乡人民政府"},
	"乡镇":    {"镇人民政府", "乡人民政府"},
	"县府":    {"县人民政府"},
}

// ShortName returns the bodies a short name may stand for, in the order to
// try them, and whether it is one.
func ShortName(name string) ([]string, bool) {
	out, ok := shortNames[fold(name)]
	return out, ok
}

// shortForms are the three-character forms a typo is compared with: the
// abbreviations and the short names above.
var shortForms = func() []string {
	var out []string
	for _, s := range []string{"市监局", "人社局", "住建局", "卫健局", "卫健委", "交通局", "农业局", "文旅局",
		"应急局", "医保局", "发改局", "发改委", "环保局", "自资局", "公安局", "民政局", "财政局", "税务局",
		"林业局", "水务局", "水利局", "教育局", "司法局", "审计局", "统计局", "商务局", "科技局", "气象局"} {
		out = append(out, s)
	}
	for s := range shortNames {
		if utf8.RuneCountInString(s) == 3 {
			out = append(out, s)
		}
	}
	return out
}()

// Typo returns the short forms a three-character department name differs
// from by one character (人设局 → 人社局; 卫建局 → 住建局, 卫健局), or the one a
// known misspelling stands for (住健局 → 住建局); the caller keeps a guess
// only when they all designate one agency of the ledger, and says back
// what it used.
func Typo(name string) []string {
	name = fold(name)
	if m, ok := misspelled(name); ok {
		return []string{m}
	}
	if utf8.RuneCountInString(name) != 3 || !strings.HasSuffix(name, "局") && !strings.HasSuffix(name, "委") {
		return nil
	}
	var out []string
	for _, f := range shortForms {
		if f == name {
			return nil // a form itself, not a typo
		}
		if strings.HasSuffix(f, string([]rune(name)[2:])) && textdist.Distance(f, name) == 1 {
			out = append(out, f)
		}
	}
	return out
}
