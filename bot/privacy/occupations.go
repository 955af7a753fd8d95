package privacy

import (
	"strings"
	"unicode/utf8"
)

// Round 24 (priv24): names before the occupation a person is addressed
// by, and names before a post whose unit is already masked.

// occupationTitles follow a full name as its holder's occupation: 车建明教授,
// 宫立新医生, 向志远律师, 骆文华老师, 管红梅会计. The surname alone before
// them (卢医生) is titled.go's.
var occupationTitles = newMatcher([]string{"教授", "副教授", "医生", "医师", "主任医师", "副主任医师", "主治医师", "大夫", "律师", "老师", "会计", "会计师", "出纳",
	"工程师", "高级工程师", "护士", "护士长", "教练", "研究员", "法医", "鉴定人", "鉴定师", "评估师", "药师", "兽医"})

// occupationNames reads a surname and two given characters right before an
// occupation's title. The title is the evidence a role word would be:
// 经鉴定人车建明教授鉴定 names the expert as 鉴定人车建明 would. A post or
// a word that is no name (班主任老师, 主治医生) stays: the given part must
// read as a given name and the span must start where a word may end.
func (d *detector) occupationNames() {
	t := d.t
	for e := 3; e < t.n(); e++ {
		if t.match(e, occupationTitles) == 0 || d.taken[e-1] {
			continue
		}
		for _, s := range []int{e - 3, e - 4} {
			if s < 0 || d.taken[s] || !leftOK(t, s) {
				continue
			}
			for _, c := range hanCandidates(t, s, false) {
				if c.e != e || c.e-c.s-c.sur != 2 || !allCommonGiven(t, c.s+c.sur, c.e) || !plausible(t, c, evMarker) || crossesLeft(t, c.s, c.e, 20) {
					continue
				}
				// 由主任医师, 向班主任老师: a post in the given part.
				if t.match(c.s+c.sur, officialAfter) > 0 || t.match(c.s+c.sur, anyRole) > 0 {
					continue
				}
				d.add(c.s, c.e, capNeutral)
			}
		}
	}
}

// officeUnits are the units an office masks as 某局, 某科, 某支队 before its
// post.
var officeUnits = newMatcher([]string{"局", "科", "所", "队", "支队", "大队", "中队", "处", "股", "站", "办", "部", "院", "庭", "县", "镇", "乡", "街道", "村", "区", "市", "公司", "厂", "中心", "派出所"})

// maskedUnitPost reports whether a masked unit and its post start at k, the
// 某 of 覃志强某支队长 or 韦明亮某局副局长: the 某 there is the office's,
// not a masked name's, and the name before it is a name still to mask.
func maskedUnitPost(t *text, k int) bool {
	if k >= t.n() || t.rs[k] != '某' {
		return false
	}
	m := t.match(k+1, officeUnits)
	if m == 0 {
		return false
	}
	p := k + 1 + m
	return p < t.n() && (t.rs[p] == '长' || t.match(p, officialAfter) > 0 || t.match(p, postsAfterSurname) > 0)
}

// householdAfter are what a household has or where it lives, after 家:
// 德富家的承包地, 到建忠家中, 玉成家院坝, 东至桂芳家房屋.
var householdAfter = newMatcher([]string{"家的承包地", "家的责任田", "家的自留地", "家的宅基地", "家的房屋", "家的房子", "家的住房", "家的老屋", "家的院子", "家的院坝",
	"家的耕地", "家的水田", "家的旱地", "家的林地", "家的山林", "家的菜地", "家的果园", "家的田", "家的地", "家的土地", "家的围墙", "家的猪圈",
	"家中", "家里", "家门口", "家门前", "家院坝", "家院子", "家院内", "家房屋", "家房后", "家屋后", "家屋前", "家老屋", "家宅基地", "家承包地",
	"家责任田", "家自留地", "家水田", "家旱地", "家林地", "家山林", "家菜地", "家围墙", "家猪圈", "家楼下", "家楼上"})

// householdNames reads a given name written alone before the household it
// heads (priv24): 争议地块东至德富家的承包地, 民警前往秀兰家中. The
// household's 家 and what it has stay; the given name goes, as its owner's
// pseudonym where the text names the owner in full (向德富 … 德富家 →
// 向某家). It runs before the passes that would read a surname in the
// given name's first character and 家 as the given name (玉成家 → 玉+成家).
// A word (村民家中, 老人家中, 亲戚家里), a role (被告家中), a post (村长
// 家) or a span a longer word runs into (受害人家中) is no given name.
func (d *detector) householdNames() {
	t := d.t
	if !strings.ContainsRune(t.s, '家') {
		return
	}
	for k := 2; k < t.n(); k++ {
		if t.rs[k] != '家' || t.match(k, householdAfter) == 0 {
			continue
		}
		s := k - 2
		if d.taken[s] || d.taken[s+1] || !allHan(t, s, k) || !validGiven(t, s, k) || !allCommonGiven(t, s, k) {
			continue
		}
		if strings.ContainsRune("老小大阿", t.rs[s]) && surnameSet.has(t.rs[s+1]) {
			continue // 老李家, 小王家中: a form of address (titled.go).
		}
		if w, ok := t.word(s, k); ok && (w.freq >= 300 || !strings.HasPrefix(w.pos, "nr") && w.freq >= 20 && w.pos != "n" && w.pos != "nz") {
			continue
		}
		if t.match(s, anyRole) > 0 || t.match(s, officialAfter) > 0 || t.match(s+1, anyRole) > 0 || crossesLeft(t, s, k, 20) && !afterBoundary(t, s) {
			continue
		}
		// The full name's surname before the given name (向德富家) is the
		// name passes' to read whole.
		if s > 0 && t.han(s-1) && !strings.ContainsRune(functionChars+"到去往至因入进回", t.rs[s-1]) && !afterBoundary(t, s) && !leftOK(t, s) {
			continue
		}
		if s > 0 && t.han(s-1) && surnameSet.has(t.rs[s-1]) && !strings.ContainsRune(functionChars+"到去往至因入进回", t.rs[s-1]) {
			continue
		}
		d.add(s, k, capNeutral)
	}
}

// shopSuffixes end a shop's name inside its quotes: “国栋干货行”, “建军面馆”,
// “阿梅快餐”, “秀英裁缝店”.
var shopSuffixes = []string{"店", "馆", "行", "铺", "坊", "部", "厂", "场", "庄", "楼", "吧", "摊", "超市", "烧烤", "火锅", "快餐", "小吃", "烤鱼", "麻辣烫", "米粉", "餐厅", "酒家", "门市", "诊所", "工作室", "公司"}

// quotedShopNames reads the given name a shop is named after, quoted with
// the shop's trade and no keeper named (priv24): “国栋干货行” → “国某干货行”,
// “阿梅快餐” → “阿某快餐”. The trade stays. A word (“幸福面馆”, “阳光超
// 市”), a place (“华联超市”), a surname's 记 or 家 (“胡记面馆”, “毛家饭店”;
// shops.go), a form of address (“老曾卤味店”) and a doubled character
// (“佳佳超市”) are no given name.
func (d *detector) quotedShopNames() {
	t := d.t
	for q := 0; q+4 < t.n(); q++ {
		if t.rs[q] != '“' && t.rs[q] != '"' {
			continue
		}
		s, g := q+1, q+3
		end := -1
		for k := g + 1; k < t.n() && k <= g+6; k++ {
			if t.rs[k] == '”' || t.rs[k] == '"' {
				end = k
				break
			}
			if !t.han(k) {
				break
			}
		}
		if end < 0 || d.taken[s] || d.taken[s+1] || !allHan(t, s, g) || t.rs[s] == t.rs[s+1] {
			continue
		}
		if _, ok := hasSuffixAny2(t.str(g, end), shopSuffixes); !ok || strings.ContainsRune("记家氏", t.rs[g]) {
			continue
		}
		// 阿梅, 小红: 阿 or 小 and a given character; else two given
		// characters.
		lead := strings.ContainsRune("阿小", t.rs[s])
		// 小李 is a form of address (titled.go); 阿梅 a given name.
		if lead && (t.rs[s] == '小' && surnameSet.has(t.rs[s+1]) || !isCommonGiven(t, t.rs[s+1]) && t.d.givenScore(t.rs[s+1]) <= 0) || !lead && !allCommonGiven(t, s, g) {
			continue
		}
		if w, ok := t.word(s, g); ok && (w.freq >= 300 || w.freq >= 20 && !strings.HasPrefix(w.pos, "nr") && w.pos != "n") || crossesRight(t, s, g, 20) {
			continue
		}
		// “杨国福麻辣烫”: a surname and a full given name open the quote;
		// the shop is a full name's (a keeper's or a chain's), not this
		// reading's.
		if !lead && surnameAt(t, s) > 0 && (t.han(g) && wordAt(t, s+1, g+1) || validGiven(t, s+1, s+3) && allCommonGiven(t, s+1, s+3)) {
			continue
		}
		d.add(s, g, capNeutral)
	}
}

// hasSuffixAny2 is hasSuffixAny that also says which suffix matched.
func hasSuffixAny2(s string, suffixes []string) (string, bool) {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return x, true
		}
	}
	return "", false
}

// calledAsPerson reports whether a frame that calls a person something
// ends right before the quote at i (priv24): 称其为, 称第三人为, 叫他作,
// 都管他叫 — a verb of calling, the person (其, 他, 她 or a party's role)
// and 为/作/做. 俗称“老赖” and 被称为“城中村” name no one and stay.
func calledAsPerson(t *text, i int) bool {
	if i < 3 || !strings.ContainsRune("为作做", t.rs[i-1]) {
		return false
	}
	p := i - 1
	switch {
	case strings.ContainsRune("其他她", t.rs[p-1]):
		p--
	case roleEndingAt(t, p) > 0:
		// 称呼被告为“城管”: the agencies of an administrative case (被告,
		// 被申请人, 被上诉人) are called by their trade, not nicknamed.
		n := roleEndingAt(t, p)
		if strings.HasPrefix(t.str(p-n, p), "被") {
			return false
		}
		p -= n
	default:
		return false
	}
	before := t.str(max(0, p-2), p)
	return hasSuffixAny(before, []string{"称", "叫", "喊", "唤", "称呼"})
}

// characterizations are what people call a person to judge them, not to
// name them (村民称其为“骗子”): they stay.
var characterizations = map[string]bool{"骗子": true, "老赖": true, "钉子户": true, "恶霸": true, "村霸": true, "路霸": true, "流氓": true, "好人": true, "坏人": true, "能人": true,
	"老好人": true, "英雄": true, "恩人": true, "仇人": true, "小偷": true, "疯子": true, "傻子": true, "神经病": true, "败家子": true, "大款": true, "土豪": true,
	"暴发户": true, "专业户": true, "贫困户": true, "五保户": true, "孤儿": true, "黑社会": true, "老实人": true, "热心人": true, "带头人": true, "致富能手": true}

// unquotedNicknames reads a name written without quotes after a frame of
// calling a person (priv24): 工友们平时都叫他小龙，…; 大家都喊她阿芳。 The
// name runs to the clause's end, two or three characters, and reads as a
// name (a name's tag, 小/老/阿 and a character, or a surname-led name):
// 叫他过来, 叫他回家 are what he was told.
func (d *detector) unquotedNicknames() {
	t := d.t
	for _, cue := range []string{"叫他", "叫她", "喊他", "喊她", "管他叫", "管她叫", "称他为", "称她为", "称呼他为", "称呼她为"} {
		t.eachIndex(cue, func(i int) {
			s := i + utf8.RuneCountInString(cue)
			for n := 3; n >= 2; n-- {
				e := s + n
				if e > t.n() || !allHan(t, s, e) || e < t.n() && !strings.ContainsRune("，。；;,、！\n", t.rs[e]) || anyTaken(d.taken, s, e) {
					continue
				}
				w, isWord := t.word(s, e)
				named := isWord && strings.HasPrefix(w.pos, "nr") ||
					n == 2 && strings.ContainsRune("小老阿", t.rs[s]) && (!isWord || w.freq < 1000) && !verbLike(w.pos) ||
					surnameAt(t, s) > 0 && chooseAfter(t, s, evMarker, false, 0) == n
				if named && !characterizations[t.str(s, e)] {
					d.add(s, e, capPersonal)
				}
				return
			}
		})
	}
}
