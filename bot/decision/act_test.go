package decision

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// judgment writes a short first-instance decision around its claims and
// facts paragraphs, with what else is given (evidence, 原审) before the
// facts.
func judgment(claims, evidence, facts string) string {
	parts := []string{
		"湖南省江球县人民法院", "行政裁定书", "（2025）湘1127行初60号",
		"原告：龙再兴，男，1966年3月1日出生，汉族，住江球县白沙镇。",
		"被告：江球县人民政府，住所地江球县城关镇人民中路1号。",
		"法定代表人：唐志明，县长。",
		"原告龙再兴不服被告江球县人民政府信访事项复查意见，于2025年6月9日向本院提起行政诉讼。本院依法组成合议庭进行了审查。本案现已审查终结。",
		claims,
		"被告江球县人民政府辩称，复查意见不属于行政诉讼的受案范围。请求驳回原告的起诉。",
	}
	if evidence != "" {
		parts = append(parts, evidence)
	}
	parts = append(parts, facts,
		"本院认为，原告的起诉不符合法定起诉条件，依法应予驳回。依照《中华人民共和国行政诉讼法》第四十九条第（四）项之规定，裁定如下：",
		"驳回原告龙再兴的起诉。",
		"审判长　黄志强", "二〇二五年七月二十一日", "书记员　龙飞")
	return strings.Join(parts, "\n")
}

// The act sued against is what the claim names, whatever its kind (a
// 复查意见, an 答复, a 告知书, a 决定) and however numbered (with 第, with a
// 复 that is no 复议's); a 文号 cited as evidence, as the act reviewed, or
// as a 复议 decision is not.
func TestContestedActIsWhatTheClaimSues(t *testing.T) {
	facts := "经审查查明，2025年2月10日，白沙镇人民政府作出江白信处字〔2025〕第15号《信访事项处理意见书》。原告不服，申请复查。"
	tests := []struct {
		name, claims, evidence, facts, want string
	}{
		{"复查意见 with 第 and 信复",
			"原告龙再兴诉称，请求撤销被告作出的江球信复字〔2025〕第62号《信访事项复查意见书》。", "", facts, "江球信复字〔2025〕第62号"},
		{"the number in brackets after the title",
			"原告龙再兴诉称，被告的复查意见认定事实错误。请求：1.撤销被告作出的《信访事项复查意见》（某信复〔2026〕第3号）；2.责令被告重新处理。", "", facts, "某信复〔2026〕第3号"},
		{"named first in the narrative, sued after",
			"原告龙再兴诉称，白沙镇人民政府于2025年2月10日作出江白信处字〔2025〕第15号处理意见，被告于2025年4月2日作出江球信复字〔2025〕第62号复查意见予以维持。请求确认江球信复字〔2025〕第62号复查意见违法。", "", facts, "江球信复字〔2025〕第62号"},
		{"an 答复 numbered with 依复",
			"原告龙再兴诉称，请求撤销被告作出的江自然资依复〔2026〕第3号《政府信息公开申请答复书》，责令被告重新答复。", "", facts, "江自然资依复〔2026〕第3号"},
		{"a 告知书 with 第",
			"原告龙再兴诉称，请求确认被告作出的江人社告字〔2025〕第7号《不予受理告知书》违法。", "", facts, "江人社告字〔2025〕第7号"},
		{"a 决定 with 第, under 不服",
			"原告龙再兴诉称，原告不服被告作出的江自然资决字〔2025〕第8号《责令停止违法行为决定书》，请求予以撤销。", "", facts, "江自然资决字〔2025〕第8号"},
		{"the act and the 复议 decision that upheld it",
			"原告龙再兴诉称，请求撤销江州市人民政府作出的江府复决字〔2025〕9号行政复议决定及被告作出的江公（治）行罚决字〔2025〕5号行政处罚决定。", "", facts, "江公（治）行罚决字〔2025〕5号"},
		{"an appeal's claims naming the 原审 ruling and the act, the 原审 citing the act reviewed",
			"上诉人龙再兴上诉称，请求撤销江球县人民法院（2025）湘1127行初58号行政裁定，指令一审法院继续审理其诉江球信复字〔2025〕第62号复查意见一案。",
			"原审法院认为，白沙镇人民政府作出的江白信处字〔2025〕第15号《信访事项处理意见书》及被告的复查意见均属信访处理行为。", facts, "江球信复字〔2025〕第62号"},
		// Guards.
		{"a rule the act relied on, in the claim",
			"原告龙再兴诉称，请求确认被告依据江政发〔2020〕3号文件作出的强制拆除行为违法，并按照江政办〔2021〕7号文件的标准予以补偿。", "",
			"经审查查明，被告于2025年3月强制拆除了原告的房屋。", ""},
		{"a 文号 listed only as evidence",
			"原告龙再兴诉称，请求撤销被告作出的信访事项复查意见。",
			"被告向本院提交了以下证据：1.江白信处字〔2025〕第15号《信访事项处理意见书》；2.送达回证。",
			"经审查查明，原告不服白沙镇人民政府的处理意见，申请复查，被告作出复查意见予以维持。", ""},
		{"the act reviewed, named where the claim names the review by its kind",
			"原告龙再兴诉称，原告于2025年2月收到白沙镇人民政府江白信处字〔2025〕第15号《信访事项处理意见书》后申请复查。请求撤销被告作出的复查意见。", "", facts, ""},
		{"a 复议 decision alone",
			"原告龙再兴诉称，请求撤销江州市人民政府作出的江府复决字〔2025〕9号行政复议决定。", "",
			"经审查查明，江州市人民政府于2025年5月作出江府复决字〔2025〕9号行政复议决定。", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Parse(judgment(tt.claims, tt.evidence, tt.facts))
			if d.Section(PartClaims) == "" {
				t.Fatalf("no claims part in %v", d.Sections)
			}
			got := ""
			if d.ContestedAct != nil {
				got = d.ContestedAct.Text
			}
			if got != tt.want {
				t.Errorf("contested act %q, want %q", got, tt.want)
			}
			// A 信访 or 答复 number is a 文号, not a related case.
			for _, n := range d.Related {
				if strings.Contains(n.String(), "信") || strings.Contains(n.String(), "依复") {
					t.Errorf("%s read as a related case number", n)
				}
			}
		})
	}
}

// A 复议 decision cited in a judgment is a related number; a 信访 复查
// numbered like one is not.
func TestReviewNumbersAmongRelated(t *testing.T) {
	d := Parse(judgment("原告龙再兴诉称，请求撤销被告作出的江公（治）行罚决字〔2025〕5号行政处罚决定及江州市人民政府作出的江府复决字〔2025〕9号行政复议决定。", "",
		"经审查查明，原告曾就同一事项信访，被告作出江球信复字〔2025〕第62号复查意见。"))
	var related []string
	for _, n := range d.Related {
		related = append(related, n.String())
	}
	if diff := cmp.Diff([]string{"江府复决字〔2025〕9号"}, related); diff != "" {
		t.Errorf("related (-want,+got):\n%s", diff)
	}
}

// Every person a line of the head or a signature of the tail lists is a
// person of their own; a name spaced out to align is one name.
func TestPeopleListedOnOneLine(t *testing.T) {
	text := strings.Join([]string{
		"湖南省江球县人民法院", "行 政 判 决 书", "（2025）湘1127行初61号",
		"原告：龙再兴、龙再旺，均住江球县白沙镇。",
		"委托诉讼代理人：吴文杰、欧阳丹，湖南楚衡律师事务所律师。",
		"被告：江球县人民政府，住所地江球县城关镇人民中路1号。",
		"法定代表人：唐志明，县长。",
		"委托诉讼代理人黎建新、谭　敏，江球县信访局工作人员。",
		"委托诉讼代理人：杨帆，湖南楚衡律师事务所律师；石　磊，该所实习律师。",
		"委托代理人：龙再才，男，住白沙镇；住址同上。",
		"原告龙再兴、龙再旺诉被告江球县人民政府一案，本院受理后依法审理。本案现已审理终结。",
		"本院认为，被告的行为并无不当。依照《中华人民共和国行政诉讼法》第六十九条之规定，判决如下：",
		"驳回原告龙再兴、龙再旺的诉讼请求。",
		"如不服本判决，可以在判决书送达之日起十五日内上诉。",
		"审　判　长　　黄志强",
		"审　判　员　　刘　成",
		"人民陪审员　　张三、李四",
		"审判员：王五　赵六",
		"代理审判员 孙七 人民陪审员 周　八",
		"二〇二五年七月二十一日",
		"书　记　员　　龙　飞",
		"法官助理　欧阳晓明",
	}, "\n")
	d := Parse(text)
	want := []string{"龙再兴", "龙再旺", "吴文杰", "欧阳丹", "唐志明", "黎建新", "谭敏", "杨帆", "石磊", "龙再才", "黄志强", "刘成", "张三", "李四", "王五", "赵六", "孙七", "周八", "龙飞", "欧阳晓明"}
	if diff := cmp.Diff(want, d.NameNatural()); diff != "" {
		t.Errorf("people (-want,+got):\n%s", diff)
	}
	roles := map[string]string{}
	for _, p := range d.People {
		roles[p.Name] = p.Role
		if strings.ContainsAny(p.Name, "、 \u3000") {
			t.Errorf("%q read as one person", p.Name)
		}
	}
	for name, role := range map[string]string{"吴文杰": "委托诉讼代理人", "欧阳丹": "委托诉讼代理人", "刘成": "审判员", "李四": "人民陪审员", "赵六": "审判员", "孙七": "代理审判员", "周八": "人民陪审员", "龙飞": "书记员"} {
		if roles[name] != role {
			t.Errorf("%s has role %q, want %q", name, roles[name], role)
		}
	}
	var plaintiffs []string
	for _, p := range d.Parties {
		if p.Role == "原告" {
			plaintiffs = append(plaintiffs, p.Name)
		}
	}
	if diff := cmp.Diff([]string{"龙再兴", "龙再旺"}, plaintiffs); diff != "" {
		t.Errorf("plaintiffs (-want,+got):\n%s", diff)
	}
}

// Guards: a signature line that holds no name gives none, and a party
// line's organisation is never split into persons.
func TestTailNamesGuards(t *testing.T) {
	for in, want := range map[string][]string{
		"刘　成":          {"刘成"},
		"张　三　丰":        {"张三丰"},
		"张三、李四":        {"张三", "李四"},
		"王五　赵六":        {"王五", "赵六"},
		"买买提·艾力":       {"买买提·艾力"},
		"（签名）":         nil,
		"2025年7月21日":   nil,
		"本件与原本核对无异的副本": nil,
	} {
		if diff := cmp.Diff(want, tailNames(in)); diff != "" {
			t.Errorf("%s (-want,+got):\n%s", in, diff)
		}
	}
}

// A 文号's organ code is what follows the words of the sentence around it;
// a code holding such a word's character (投诉) keeps it.
func TestDocNumberOrgAfterVerbs(t *testing.T) {
	for in, want := range map[string]string{
		"指令一审法院继续审理其诉江球信复字〔2025〕第62号复查意见一案": "江球信复字〔2025〕第62号",
		"请求撤销某信复〔2026〕第3号答复":                "某信复〔2026〕第3号",
		"被告审理江球信复字〔2025〕第62号":               "江球信复字〔2025〕第62号",
		"被告作出某市监投诉字〔2025〕12号投诉处理决定":         "某市监投诉字〔2025〕12号",
	} {
		got := ""
		if dns := FindDocNumbers(in); len(dns) == 1 {
			got = dns[0].Text
		}
		if got != want {
			t.Errorf("%s: %q, want %q", in, got, want)
		}
	}
}
