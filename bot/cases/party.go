package cases

import (
	"strings"
	"unicode/utf8"
)

// orgMarkers are words that only organisations carry in their names.
var orgMarkers = []string{
	"公司", "有限", "集团", "企业", "厂", "店", "商行", "经营部", "门市", "工作室", "合作社", "农场", "牧场", "养殖场", "林场", "渔场", "茶场", "采石场", "基地",
	"中心", "委员会", "居委会", "村委会", "协会", "学会", "商会", "基金会", "联合会", "俱乐部",
	"学校", "学院", "大学", "中学", "小学", "幼儿园", "医院", "卫生院", "诊所", "药房", "银行", "信用社",
	"事务所", "研究所", "研究院", "政府", "局", "委", "办公室", "管委会", "街道", "社区", "村民小组", "组织",
	"酒店", "宾馆", "餐厅", "饭店", "超市", "市场", "物业", "置业", "地产", "建筑", "工程", "科技", "贸易",
	"股份", "合伙", "个体工商户", "分行", "支行", "分公司", "项目部", "车队", "站", "馆", "社",
}

// IsOrganization guesses whether a party name is an organisation rather than
// a natural person. Natural persons are 隐名 outside the bureau, so the guess
// leans toward "person": a name is an organisation only when it says so.
func IsOrganization(name string) bool {
	name = strings.TrimSpace(name)
	if utf8.RuneCountInString(name) <= 3 && !strings.ContainsAny(name, "局委厂店") {
		return false
	}
	for _, m := range orgMarkers {
		if strings.Contains(name, m) {
			return true
		}
	}
	return false
}

// NewParty returns a party with Natural guessed from the name.
func NewParty(name string) Party {
	name = strings.TrimSpace(name)
	return Party{Name: name, Natural: !IsOrganization(name)}
}
