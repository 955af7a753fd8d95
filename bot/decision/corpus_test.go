package decision

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// corpusCase is what a reader of each corpus decision must find in it.
type corpusCase struct {
	file   string
	kind   Kind
	number string // the decision's own case number, normalized
	issuer string
	act    string // the contested act's 文号, "" when it names none
	// parts must be present; operative is a phrase of the 主文.
	parts     []Part
	operative string
	statutes  []string
	amounts   []string // values (in any writing) that must be found
	related   []string
}

var mainParts = []Part{PartHead, PartParties, PartOrigin, PartClaims, PartDefense, PartFacts, PartReasoning, PartOperative, PartTail}

// The corpus covers 基层 一审 (撤销, 确认违法, 履行, 驳回诉讼请求, 赔偿), 裁定
// (驳回起诉, 准许撤诉), 中院 一审 against a county government and 二审
// (维持, 改判), 高院 再审审查 and 再审判决, and 复议 decisions of county,
// district and city governments (撤销, 维持, 驳回, 确认违法, 责令履行).
var corpus = []corpusCase{
	{file: "d01_county_first_revoke.txt", kind: KindJudgment, number: "(2025)黔0122行初45号", issuer: "贵州省青山县人民法院",
		act: "青公（治）行罚决字〔2025〕123号", parts: append(mainParts, PartEvidence), operative: "撤销被告青山县公安局于2025年1月20日作出的",
		statutes: []string{"《中华人民共和国治安管理处罚法》第四十三条第一款", "《中华人民共和国治安管理处罚法》第九十四条第一款", "《中华人民共和国行政处罚法》第四十四条", "《中华人民共和国行政处罚法》第四十五条", "《中华人民共和国行政诉讼法》第七十条第（三）项"},
		amounts:  []string{"五百元", "50元"}},
	{file: "d02_district_first_illegal.txt", kind: KindJudgment, number: "(2024)苏0703行初210号", issuer: "江苏省东海市云台区人民法院",
		parts: mainParts, operative: "强制拆除原告钱玉兰、钱志刚房屋的行为违法",
		statutes: []string{"《中华人民共和国城乡规划法》第六十五条", "《中华人民共和国行政强制法》第三十五条", "《中华人民共和国行政强制法》第三十七条", "《中华人民共和国行政强制法》第四十四条", "《中华人民共和国行政诉讼法》第七十四条第二款第（一）项"},
		amounts:  []string{"50元"}},
	{file: "d03_county_first_perform.txt", kind: KindJudgment, number: "(2024)浙0624行初88号", issuer: "浙江省安澜县人民法院",
		parts: mainParts, operative: "责令被告安澜县市场监督管理局于本判决生效之日起三十日内",
		statutes: []string{"《市场监督管理投诉举报处理暂行办法》第三十一条", "《市场监督管理行政处罚程序规定》第十八条第一款", "《中华人民共和国行政诉讼法》第七十二条"}},
	{file: "d04_county_first_dismiss_claims.txt", kind: KindJudgment, number: "(2025)川0182行初17号", issuer: "四川省龙泉县人民法院",
		act: "龙市监处罚〔2025〕45号", parts: mainParts, operative: "驳回原告龙泉县鑫隆副食品经营部的诉讼请求",
		statutes: []string{"《中华人民共和国食品安全法》第三十四条第（十）项", "《中华人民共和国食品安全法》第一百二十四条第一款第（五）项", "《中华人民共和国行政诉讼法》第六十九条"},
		amounts:  []string{"50000元", "五万元", "96元"}},
	{file: "d05_county_ruling_dismiss_suit.txt", kind: KindRuling, number: "(2025)豫0926行初33号", issuer: "河南省临河县人民法院",
		act: "临人社工伤认字〔2023〕8号", parts: mainParts, operative: "驳回原告郭春燕的起诉",
		statutes: []string{"《中华人民共和国行政诉讼法》第四十六条第一款", "《最高人民法院关于适用〈中华人民共和国行政诉讼法〉的解释》第六十九条第一款第（二）项"}},
	{file: "d06_county_ruling_withdrawal.txt", kind: KindRuling, number: "(2025)黔0122行初71号", issuer: "贵州省青山县人民法院",
		act: "青自然资罚〔2025〕19号", parts: []Part{PartHead, PartParties, PartOrigin, PartReasoning, PartOperative, PartTail}, operative: "准许原告青山县禾丰农业开发有限公司撤回起诉",
		statutes: []string{"《中华人民共和国行政诉讼法》第六十二条", "《最高人民法院关于适用〈中华人民共和国行政诉讼法〉的解释》第八十一条第二款"},
		amounts:  []string{"50元", "25元"}},
	{file: "d07_intermediate_appeal_upheld.txt", kind: KindJudgment, number: "(2025)浙06行终112号", issuer: "浙江省明州市中级人民法院",
		parts: append(mainParts, PartPrior), operative: "驳回上诉，维持原判",
		statutes: []string{"《中华人民共和国道路交通安全法》第九十一条第一款", "《中华人民共和国行政诉讼法》第六十九条", "《中华人民共和国行政诉讼法》第八十九条第一款第（一）项"},
		amounts:  []string{"1500元"}, related: []string{"(2024)浙0624行初131号"}},
	{file: "d08_intermediate_appeal_reversed.txt", kind: KindJudgment, number: "(2025)苏07行终58号", issuer: "江苏省东海市中级人民法院",
		act: "云应急罚〔2024〕36号", parts: append(mainParts, PartPrior), operative: "撤销东海市云台区应急管理局于2024年5月20日作出的云应急罚〔2024〕36号",
		statutes: []string{"《中华人民共和国安全生产法》第二十八条第一款", "《中华人民共和国安全生产法》第九十七条第（三）项", "《中华人民共和国行政处罚法》第三十三条第一款", "《中华人民共和国行政处罚法》第五条第二款", "《中华人民共和国行政诉讼法》第七十条第（六）项", "《中华人民共和国行政诉讼法》第八十九条第一款第（二）项"},
		amounts:  []string{"八万元"}, related: []string{"(2024)苏0703行初266号"}},
	{file: "d09_intermediate_first_county_gov.txt", kind: KindJudgment, number: "(2024)黔26行初19号", issuer: "贵州省清江市中级人民法院",
		act: "青府征补决〔2024〕7号", parts: mainParts, operative: "责令被告青山县人民政府于本判决生效之日起九十日内",
		statutes: []string{"《国有土地上房屋征收与补偿条例》第十九条第二款", "《国有土地上房屋征收评估办法》第十七条", "《中华人民共和国行政诉讼法》第七十条第（一）项", "《中华人民共和国行政诉讼法》第七十条第（三）项"},
		amounts:  []string{"386,500元", "3,000元", "1,200元"}},
	{file: "d10_high_retrial_review_denied.txt", kind: KindRuling, number: "(2025)豫行申406号", issuer: "河南省高级人民法院",
		parts: []Part{PartHead, PartParties, PartOrigin, PartClaims, PartDefense, PartReasoning, PartOperative, PartTail}, operative: "驳回马占山的再审申请",
		statutes: []string{"《中华人民共和国行政诉讼法》第九十一条", "《最高人民法院关于适用〈中华人民共和国行政诉讼法〉的解释》第一百一十六条第二款"},
		related:  []string{"(2024)豫09行终215号"}},
	{file: "d11_high_retrial_judgment.txt", kind: KindJudgment, number: "(2025)川行再12号", issuer: "四川省高级人民法院",
		act: "龙环罚〔2023〕11号", parts: append(mainParts, PartPrior), operative: "撤销龙泉县生态环境局龙环罚〔2023〕11号行政处罚决定中罚款人民币二十三万元的部分",
		statutes: []string{"《中华人民共和国环境影响评价法》第三十一条第一款", "《中华人民共和国行政诉讼法》第七十条第（二）项", "《中华人民共和国行政诉讼法》第八十九条第一款第（二）项", "《最高人民法院关于适用〈中华人民共和国行政诉讼法〉的解释》第一百一十九条", "《最高人民法院关于适用〈中华人民共和国行政诉讼法〉的解释》第一百二十二条"},
		amounts:  []string{"二十三万元", "1150万元", "380万元", "770万元"}, related: []string{"(2023)川01行终487号", "(2024)川行申1032号", "(2023)川0182行初56号"}},
	{file: "d12_county_compensation.txt", kind: KindJudgment, number: "(2025)豫0926行赔初5号", issuer: "河南省临河县人民法院",
		parts: mainParts, operative: "赔偿原告高秀琴财产损失人民币118,150元",
		statutes: []string{"《中华人民共和国国家赔偿法》第四条第（四）项", "《中华人民共和国国家赔偿法》第三十六条第（八）项", "《中华人民共和国行政诉讼法》第七十六条"},
		amounts:  []string{"258,600元", "46,800元", "71,350元", "118,150元"}, related: []string{"(2024)豫0926行初102号"}},
	{file: "d13_county_gov_recon_revoke.txt", kind: KindDecision, number: "青府复决字〔2025〕12号", issuer: "青山县人民政府",
		act: "青市监处罚〔2025〕9号", parts: mainParts, operative: "撤销被申请人青山县市场监督管理局作出的青市监处罚〔2025〕9号行政处罚决定",
		statutes: []string{"《中华人民共和国食品安全法》第一百二十六条第一款第（六）项", "《中华人民共和国行政处罚法》第四十四条", "《中华人民共和国行政复议法》第六十四条第一款第（三）项"},
		amounts:  []string{"三千元", "3000元", "8000元"}},
	{file: "d14_city_gov_recon_uphold.txt", kind: KindDecision, number: "淮政复决字〔2025〕87号", issuer: "淮州市人民政府",
		act: "淮交罚〔2025〕203号", parts: mainParts, operative: "维持被申请人淮州市交通运输局作出的淮交罚〔2025〕203号行政处罚决定",
		statutes: []string{"《中华人民共和国道路运输条例》第六十三条第（三）项", "《中华人民共和国行政复议法》第六十八条"},
		amounts:  []string{"3000元", "45元"}},
	{file: "d15_district_gov_recon_dismiss.txt", kind: KindDecision, number: "云政复决字〔2025〕31号", issuer: "东海市云台区人民政府",
		parts: mainParts, operative: "驳回申请人的行政复议请求",
		statutes: []string{"《中华人民共和国城乡规划法》第六十五条", "《中华人民共和国行政复议法》第六十九条"}},
	{file: "d16_county_gov_recon_illegal.txt", kind: KindDecision, number: "安政复决字〔2025〕6号", issuer: "安澜县人民政府",
		parts: mainParts, operative: "扣押申请人店外广告牌及户外桌椅的行为违法",
		statutes: []string{"《中华人民共和国行政强制法》第十八条", "《中华人民共和国行政强制法》第二十四条", "《中华人民共和国行政复议法》第六十五条第二款第（一）项"}},
	{file: "d17_city_gov_recon_perform.txt", kind: KindDecision, number: "锦府复决字〔2025〕142号", issuer: "锦城市人民政府",
		parts: mainParts, operative: "对申请人蒲晓军于2025年3月31日提出的政府信息公开申请依法作出答复",
		statutes: []string{"《中华人民共和国政府信息公开条例》第三十三条第二款", "《中华人民共和国行政复议法》第六十六条"}},
	// The act sued against is a 信访 复查意见 and a 政府信息公开 答复, numbered
	// with 第 and a 复 that is no 复议 decision's; other 文号 are cited as
	// evidence, as the earlier 处理意见 and as another application's 告知书.
	{file: "d18_county_ruling_petition_review.txt", kind: KindRuling, number: "(2025)湘1127行初58号", issuer: "湖南省江球县人民法院",
		act: "江球信复字〔2025〕第62号", parts: append(mainParts, PartEvidence), operative: "驳回原告吴德胜的起诉",
		statutes: []string{"《最高人民法院关于适用〈中华人民共和国行政诉讼法〉的解释》第一条第二款第（九）项", "《中华人民共和国行政诉讼法》第四十九条第（四）项", "《最高人民法院关于适用〈中华人民共和国行政诉讼法〉的解释》第六十九条第一款第（一）项"},
		amounts:  []string{"200元"}},
	{file: "d19_city_gov_recon_disclosure_reply.txt", kind: KindDecision, number: "江州府复决字〔2026〕15号", issuer: "江州市人民政府",
		act: "江自然资依复〔2026〕第3号", parts: mainParts, operative: "撤销被申请人江州市自然资源和规划局作出的江自然资依复〔2026〕第3号",
		statutes: []string{"《中华人民共和国政府信息公开条例》第三十六条第（四）项", "《中华人民共和国行政复议法》第六十四条第一款第（一）项"}},
}

// Personal is what a corpus decision holds that must never leave the
// bureau: Known are named in the head and tail (parties, agents, judges)
// or are their identifiers; Introduced are people only the body names.
type Personal struct {
	Known      []string `json:"known"`
	Introduced []string `json:"introduced"`
}

// CorpusPersonal reads testdata/corpus/personal.json.
func corpusPersonal(t testing.TB) map[string]Personal {
	t.Helper()
	b, err := os.ReadFile("testdata/corpus/personal.json")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]Personal
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func readCorpus(t testing.TB, file string) *Document {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata/corpus", file))
	if err != nil {
		t.Fatal(err)
	}
	x, err := Extract(file, b, 0)
	if err != nil {
		t.Fatal(err)
	}
	return Parse(x.Text)
}

func TestCorpusIsComplete(t *testing.T) {
	files, _ := filepath.Glob("testdata/corpus/*.txt")
	if len(files) != len(corpus) || len(corpus) < 15 {
		t.Fatalf("%d corpus files, %d expectations; every file needs one, and at least 15", len(files), len(corpus))
	}
	personal := corpusPersonal(t)
	for _, f := range files {
		if _, ok := personal[filepath.Base(f)]; !ok {
			t.Errorf("%s has no list of personal items in personal.json", f)
		}
	}
}

func TestCorpusStructure(t *testing.T) {
	personal := corpusPersonal(t)
	for _, tc := range corpus {
		t.Run(tc.file, func(t *testing.T) {
			d := readCorpus(t, tc.file)
			if d.Kind != tc.kind || d.Issuer != tc.issuer {
				t.Errorf("kind %s issuer %q, want %s %q", d.Kind, d.Issuer, tc.kind, tc.issuer)
			}
			if d.Reconsideration != (tc.kind == KindDecision) {
				t.Errorf("reconsideration = %v", d.Reconsideration)
			}
			if len(d.Numbers) != 1 || d.Numbers[0].String() != tc.number {
				t.Errorf("own numbers %v, want [%s]", d.Numbers, tc.number)
			}
			var related []string
			for _, n := range d.Related {
				related = append(related, n.String())
			}
			if diff := cmp.Diff(tc.related, related); diff != "" {
				t.Errorf("related numbers (-want,+got):\n%s", diff)
			}
			for _, p := range tc.parts {
				if strings.TrimSpace(d.Section(p)) == "" {
					t.Errorf("part %s not found", p)
				}
			}
			for _, p := range Parts {
				if d.Section(p) != "" && !contains(tc.parts, p) {
					t.Errorf("part %s found where the decision has none:\n%s", p, d.Section(p))
				}
			}
			if !strings.Contains(d.Section(PartOperative), tc.operative) {
				t.Errorf("主文 lacks %q:\n%s", tc.operative, d.Section(PartOperative))
			}
			// Markers open their parts.
			for p, opens := range map[Part][]string{PartFacts: {"查明"}, PartReasoning: {"认为"}} {
				if s := d.Section(p); s != "" && !containsAny(firstLine(s), opens) {
					t.Errorf("part %s opens with %q", p, firstLine(s))
				}
			}
			if strings.Contains(d.Section(PartOperative), "如不服") || strings.Contains(d.Section(PartOperative), "审判长") {
				t.Errorf("the 主文 runs into the tail:\n%s", d.Section(PartOperative))
			}
			act := ""
			if d.ContestedAct != nil {
				act = d.ContestedAct.Text
			}
			if act != tc.act {
				t.Errorf("contested act %q, want %q", act, tc.act)
			}
			var got []string
			for _, s := range d.Statutes {
				got = append(got, s.String())
			}
			if diff := cmp.Diff(tc.statutes, got); diff != "" {
				t.Errorf("statutes (-want,+got):\n%s", diff)
			}
			amounts := map[int64]bool{}
			for _, a := range d.Amounts {
				amounts[a.Fen] = true
			}
			for _, a := range tc.amounts {
				if as := FindAmounts(a); len(as) != 1 || !amounts[as[0].Fen] {
					t.Errorf("amount %s not found in %v", a, d.Amounts)
				}
			}
			// Every natural person of the head and tail is known by name;
			// no organisation is taken for one.
			names := d.NameNatural()
			for _, item := range personal[tc.file].Known {
				if isName(item) && !contains(names, item) {
					t.Errorf("person %s not found among %v", item, names)
				}
			}
			for _, n := range names {
				if strings.ContainsAny(n, "局院府司所") {
					t.Errorf("organisation %s read as a person", n)
				}
			}
			if len(d.Dates) == 0 {
				t.Error("no dates found")
			}
		})
	}
}

func isName(s string) bool {
	n := len([]rune(s))
	return n >= 2 && n <= 4 && !strings.ContainsAny(s, "0123456789号村路街组年")
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	return l
}

// The parts are the text, in order: nothing is lost or repeated.
func TestCorpusPartsCoverTheText(t *testing.T) {
	for _, tc := range corpus {
		d := readCorpus(t, tc.file)
		b, _ := os.ReadFile(filepath.Join("testdata/corpus", tc.file))
		var parts []string
		for _, s := range d.Sections {
			parts = append(parts, s.Text)
		}
		got := compactSpace(strings.Join(strings.Fields(strings.Join(parts, "")), ""))
		want := compactSpace(strings.Join(strings.Fields(string(b)), ""))
		if got != want {
			t.Errorf("%s: the parts do not add up to the text (%d vs %d runes)", tc.file, len([]rune(got)), len([]rune(want)))
		}
		order := map[Part]int{}
		for i, p := range Parts {
			order[p] = i
		}
		var seq []int
		for _, s := range d.Sections {
			seq = append(seq, order[s.Part])
		}
		if !sort.IntsAreSorted(seq) {
			t.Errorf("%s: parts out of order: %v", tc.file, d.Sections)
		}
	}
}
