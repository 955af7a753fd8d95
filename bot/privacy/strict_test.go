package privacy

import (
	"strings"
	"testing"
)

// TestStrictPass: what the anonymizer missed and is shaped like a name or
// an identifier is masked before a model sees it; dates, amounts, case and
// document numbers, statutes, agencies, places and words stay.
func TestStrictPass(t *testing.T) {
	for _, c := range []struct {
		name, in string
		gone     []string
	}{
		{"unknown names by shape", "经查，屈望舒驾驶货车将围墙撞倒，阿不都热依木在场，古丽娜尔·买买提报警。", []string{"屈望舒", "阿不都热依木", "古丽娜尔", "买买提"}},
		{"identifiers by shape", "员工A0315当晚在岗，证号ZJ33010019876，电话13757023318，车牌浙A12345。", []string{"A0315", "ZJ33010019876", "13757023318", "A12345"}},
		{"nothing shaped so", "原告张某诉称，其于2023年5月12日向被告某县自然资源局申请，被告作出某自然资罚〔2023〕15号决定，罚款20000元。", nil},
		{"statutes and case numbers", "依据《中华人民共和国行政诉讼法》第七十条，本院作出（2023）浙0102行初123号判决。", nil},
		{"dates, amounts, standards", "涉案土地面积326.5平方米，2023-05-18作出，补偿款38765000元，GB50016-2014。", nil},
		{"words, places, shops", "高峰期间，原告陈述申辩，王家坝村民委员会，李宁专卖店，黄河北路。", nil},
	} {
		out, n := Strict(c.in)
		if c.gone == nil && (out != c.in || n != 0) {
			t.Errorf("%s: changed %d spans: %s", c.name, n, out)
		}
		for _, g := range c.gone {
			if strings.Contains(out, g) {
				t.Errorf("%s: %s left: %s", c.name, g, out)
			}
		}
	}
}
