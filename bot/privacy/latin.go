package privacy

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Latin-letter names in positions no role word marks (issue 12, round 16):
// after an honorific (Mr. Thomas Becker, Dr. Peter Müller), a passport's
// capitals quoted after a name's label (姓名为“LIU YANG”), a name of two
// capitalised parts after a preposition or before a person's deed
// (向John Miller送达, Maria Garcia称); then, once a name is read, its
// family name written alone (Miller当场签收) and the Chinese name in
// brackets after it (Li Wei(李伟)).

// honorificRe is an English honorific and its gap before a name.
// A passport's capitals write it in capitals too (MR. KEVIN O'BRIEN).
// The longer forms come first (Mrs before Mr), and the word must end
// there: Mrs. Linda is not Mr and a name "s. Linda".
var honorificRe = regexp.MustCompile(`^(?:Mrs|Miss|Mr|Ms|Dr|Prof|Sir|Madam|Mme|Herr|Frau|MRS|MISS|MR|MS|DR)(?:\. ?| |\.)`)

// honorificBefore returns the rune length of an English honorific at i
// when a Latin name follows it (Mr. Kevin O'Brien, Miss Emily Watson),
// or 0. The honorific is no part of the name: it stays.
func honorificBefore(t *text, i int) int {
	m := honorificRe.FindString(t.rest(i))
	if m == "" {
		return 0
	}
	h := utf8.RuneCountInString(m)
	if latinNameAt(t, i+h) == 0 {
		return 0
	}
	return h
}

// latinNameLabels are labels a quoted or bare name in capitals follows.
var latinNameLabels = []string{"姓名", "名字", "英文名", "拼音", "署名", "签名", "名为", "叫"}

// latinInContext reads the Latin names described above at their first
// writing.
func (d *detector) latinInContext() {
	t := d.t
	for i := 0; i < t.n(); i++ {
		r := t.rs[i]
		if d.taken[i] || r < 'A' || r > 'Z' || i > 0 && t.rs[i-1] < utf8.RuneSelf && unicode.IsLetter(t.rs[i-1]) {
			continue
		}
		if h := honorificBefore(t, i); h > 0 {
			j := i + h
			if n := latinAt(t, j); n > 0 && d.add(j, j+n, capNeutral) {
				i = j + n - 1
				continue
			}
		}
		n := latinAt(t, i)
		if n == 0 {
			continue
		}
		name := t.str(i, i+n)
		if corporateLatin(name) {
			i += n - 1
			continue
		}
		parts := strings.Count(name, " ") + 1
		capitals := strings.ToUpper(name) == name
		var ok bool
		switch {
		case capitals:
			// “LI XIAOHONG”于…入境: a passport's capitals quoted whole are
			// a name without their label too.
			ok = parts >= 2 && (latinLabelBefore(t, i) || latinPersonBefore26(t, i) || quotedWhole(t, i, i+n) && !latinPlace(name))
		case parts == 1:
			// Smith先生称…: a capitalised name alone before a Chinese
			// honorific; O'Brien在听证中陈述…, Fischer当庭表示…: a clause
			// opened by it whose verb says what a person says.
			_, ok = hasPrefixAny(t.rest(i+n), latinHonorificsAfter)
			ok = ok || n >= 4 && (i == 0 || strings.ContainsRune("。；;\n！？", t.rs[i-1])) && latinSpeaker(t, i+n)
		case parts >= 2:
			prev := rune(0)
			if i > 0 {
				prev = t.rs[i-1]
			}
			e := i + n
			deed := e < t.n() && t.han(e) && !strings.HasPrefix(t.rest(e), "系列") && (personAfter(t, e) || t.match(e, personVerbMatcher) > 0) && !thingNamedAfter(t, e)
			// 翻译人员为Anna Schmidt, 还有Sophie Laurent、佐藤健一: after 为 or
			// 是 following a person's noun, or opening a list of those
			// present.
			ok = !latinPlace(name) && (strings.ContainsRune(latinPersonCues, prev) || latinLabelBefore(t, i) || latinPersonBefore26(t, i) || deed || latinPersonSlot(t, i) ||
				quotedWhole(t, i, e) && quotedPersonCue(t, i, e))
		}
		if ok && d.add(i, i+n, capNeutral) {
			i += n - 1
		}
	}
}

// latinPersonCues are the prepositions a person's Latin name follows (向,
// 与, 由…); 系, 为 and 经 before a brand or a model are left out.
const latinPersonCues = "对向由被给让与和同跟"

// latinPersonSlot reports whether a person's slot ends right before i:
// 为 or 是 after a person's noun (翻译人员为, 代理人是), or a list of those
// present (还有, 在场人员有).
func latinPersonSlot(t *text, i int) bool {
	before := t.str(max(0, i-6), i)
	for _, w := range []string{"为", "是"} {
		if b, ok := strings.CutSuffix(before, w); ok && hasSuffixAny(b, []string{"人员", "人", "翻译", "译员", "代理人", "证人", "员"}) {
			return true
		}
	}
	return hasSuffixAny(before, []string{"还有", "人员有", "在场的有", "在场有", "包括"})
}

// latinSpeaker reports whether the clause after a Latin name at e says
// what a person says or does before its end: 当庭表示, 在听证中陈述.
func latinSpeaker(t *text, e int) bool {
	if e >= t.n() || !t.han(e) {
		return false
	}
	if personAfter(t, e) {
		return true
	}
	end := e
	for end < t.n() && end-e < 12 && !strings.ContainsRune("，。；;,\n", t.rs[end]) {
		end++
	}
	return containsAny(t.str(e, end), []string{"陈述", "表示", "称", "证实", "签字", "签收", "到庭", "作证", "承认", "辩称"})
}

// latinPlaceWords open the Latin names of places (New York, San Diego,
// Hong Kong), not people's.
var latinPlaceWords = map[string]bool{"New": true, "San": true, "Santa": true, "Los": true, "Las": true, "Hong": true, "Saint": true,
	"St": true, "North": true, "South": true, "East": true, "West": true, "Port": true, "Fort": true, "Mount": true, "Lake": true}

// latinPlace reports whether a Latin run opens with a place's word.
func latinPlace(name string) bool {
	first, _, _ := strings.Cut(name, " ")
	return latinPlaceWords[first]
}

// latinLabelBefore reports whether a name's label ends right before i,
// past a quote, a colon or 为/是 (姓名为“LIU YANG”, 护照姓名：ZHANG WEI).
func latinLabelBefore(t *text, i int) bool {
	j := i
	for j > 0 && strings.ContainsRune("“\"'‘「：: 为是", t.rs[j-1]) {
		j--
	}
	if j == i {
		return false
	}
	before := t.str(max(j-4, 0), j)
	return hasSuffixAny(before, latinNameLabels)
}

// latinRecurrences masks, for every Latin name of two or more parts read
// so far, its family name where it is written alone (John Miller …
// Miller当场签收; Ms. Garcia) and a Chinese name in brackets right after
// it (Li Wei(李伟), Wang Fang（王芳）).
func (d *detector) latinRecurrences() {
	t := d.t
	families := map[string]bool{}
	for _, h := range append([]hit(nil), d.hits...) {
		if h.start >= t.n() || t.rs[h.start] >= utf8.RuneSelf || !unicode.IsUpper(t.rs[h.start]) {
			continue
		}
		name := t.str(h.start, h.end)
		if sp := strings.LastIndexByte(name, ' '); sp > 0 {
			family := name[sp+1:]
			// Lee Jun-ho, Nguyen Van An: a family name written first.
			if first := name[:strings.IndexByte(name, ' ')]; familyFirst[strings.ToLower(first)] {
				family = first
			}
			if utf8.RuneCountInString(family) >= 3 && !strings.Contains(family, ".") {
				// O'BRIEN … O'Brien: a passport's capitals, then the
				// name as prose writes it.
				families[family] = true
				families[strings.ToUpper(family)] = true
				families[titleCase(family)] = true
			}
			latinGivenAlone(families, name) // latin26.go
		}
		d.hanInBrackets(h.end)
	}
	for family := range families {
		n := utf8.RuneCountInString(family)
		t.eachIndex(family, func(i int) {
			if i > 0 && latinLetter(t.rs[i-1]) || i+n < t.n() && latinLetter(t.rs[i+n]) {
				return
			}
			d.add(i, i+n, capNeutral)
		})
	}
}

// latinHonorificsAfter follow a Latin family name alone (Smith先生).
var latinHonorificsAfter = []string{"先生", "女士", "小姐", "夫人", "太太"}

// familyFirst are family names that Korean and Vietnamese names (and
// Chinese ones in pinyin) write first: Lee Jun-ho's family name is Lee.
// Those under three letters (Le, Li) are left out, as every family name
// that short is.
var familyFirst = map[string]bool{"lee": true, "kim": true, "park": true, "choi": true, "jung": true, "kang": true, "yoon": true,
	"nguyen": true, "tran": true, "pham": true, "hoang": true, "huynh": true, "phan": true, "dang": true, "bui": true,
	"wang": true, "zhang": true, "chen": true, "liu": true, "yang": true, "zhao": true, "huang": true, "zhou": true}

// titleCase writes a family name as prose does: capitals at its start
// and after an apostrophe or a hyphen (O'BRIEN is O'Brien).
func titleCase(s string) string {
	rs := []rune(strings.ToLower(s))
	for k := range rs {
		if k == 0 || rs[k-1] == '\'' || rs[k-1] == '-' {
			rs[k] = unicode.ToUpper(rs[k])
		}
	}
	return string(rs)
}

// chineseNameLabels open a Chinese rendering in brackets after a Latin
// name.
var chineseNameLabels = newMatcher([]string{"中文名：", "中文名:", "中文名为", "中文名", "中文译名：", "中文译名:", "中文译名为", "中文译名", "译名：", "译名为", "译名", "汉语名：", "中文姓名："})

// hanInBrackets masks a Chinese name of two to four characters in
// brackets at e, right after a Latin name: the same person's name.
func (d *detector) hanInBrackets(e int) {
	t := d.t
	if e >= t.n() || t.rs[e] != '(' && t.rs[e] != '（' {
		return
	}
	j := e + 1
	k := j
	for k < t.n() && t.han(k) {
		k++
	}
	// John Carter（中文名：卡特）: the Chinese rendering after its label,
	// a transliteration of any surname.
	if lab := t.match(j, chineseNameLabels); lab > 0 {
		j += lab
		k = j
		for k < t.n() && (t.han(k) || t.rs[k] == '·') && k-j <= 8 {
			k++
		}
		if k-j >= 2 && k < t.n() && (t.rs[k] == ')' || t.rs[k] == '）' || t.rs[k] == '，' || t.rs[k] == '、') {
			d.add(j, k, capNeutral)
		}
		return
	}
	if k-j < 2 || k-j > 4 || k >= t.n() || t.rs[k] != ')' && t.rs[k] != '）' || surnameAt(t, j) == 0 {
		return
	}
	d.add(j, k, capNeutral)
}

// hasLatinUpper reports whether s holds a capital Latin letter: without
// one no pass here can read anything.
func hasLatinUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' {
			return true
		}
	}
	return false
}

// latinLetter reports whether r is a letter of a Latin-script word
// (Müller's ü too), not a Chinese character.
func latinLetter(r rune) bool {
	return unicode.Is(unicode.Latin, r)
}

// corporateWords end or fill a firm's Latin name (Apple Inc., JINHUA
// TRADING CO., LTD.): a run holding one is no person.
var corporateWords = map[string]bool{"Inc": true, "Ltd": true, "Co": true, "Corp": true, "LLC": true, "Group": true, "Bank": true,
	"GmbH": true, "AG": true, "SA": true, "PLC": true, "Company": true, "Limited": true, "Corporation": true, "Trading": true,
	"Technology": true, "Industries": true, "International": true, "Holdings": true, "Services": true, "Store": true, "Office": true}

// corporateLatin reports whether a Latin run holds a corporate word, in
// any case.
func corporateLatin(name string) bool {
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == ',' || r == '.' }) {
		if corporateWords[w] || corporateWords[strings.ToUpper(w[:1])+strings.ToLower(w[1:])] || corporateWords[strings.ToUpper(w)] {
			return true
		}
	}
	return false
}

// readingsInBrackets masks the other writing of a name in brackets
// beside it: a reading in kana or hangul (佐藤健一（さとう けんいち）,
// 朴智妍（박지연）), pinyin or a passport's spelling (张伟（ZHANG Wei）),
// and the Latin name before a Chinese one in brackets (HAN Meiling（韩美玲）).
// Either side being a name makes the other the same person's.
func (d *detector) readingsInBrackets() {
	t := d.t
	for _, h := range append([]hit(nil), d.hits...) {
		s, e := h.start, h.end
		if e < t.n() && (t.rs[e] == '（' || t.rs[e] == '(') {
			j := e + 1
			k := j
			for k < t.n() && k-j <= 30 && t.rs[k] != '）' && t.rs[k] != ')' {
				k++
			}
			if k < t.n() && k > j && (t.rs[k] == '）' || t.rs[k] == ')') && otherScriptName(t.str(j, k)) {
				d.add(j, k, capNeutral)
			}
		}
		if s > 1 && (t.rs[s-1] == '（' || t.rs[s-1] == '(') && e < t.n() && (t.rs[e] == '）' || t.rs[e] == ')') {
			j := s - 1
			for j > 0 && t.rs[j-1] == ' ' {
				j--
			}
			k := j
			for k > 0 && (latinLetter(t.rs[k-1]) || strings.ContainsRune(" -'", t.rs[k-1])) {
				k--
			}
			for k < j && t.rs[k] == ' ' {
				k++
			}
			if k < j && unicode.IsUpper(t.rs[k]) && otherScriptName(t.str(k, j)) {
				d.add(k, j, capNeutral)
			}
		}
	}
}

// otherScriptName reports whether s reads as a name in another script: a
// reading in kana or hangul, or Latin letters of two to four parts that
// are no firm's (ZHANG Wei, Li Na; CEO or Apple Inc. are not).
func otherScriptName(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	kana, latin, other := 0, 0, 0
	for _, r := range s {
		switch {
		case unicode.In(r, unicode.Hiragana, unicode.Katakana, unicode.Hangul):
			kana++
		case latinLetter(r):
			latin++
		case r == ' ' || r == '　' || r == '・' || r == '·' || r == '-' || r == '\'':
		default:
			other++
		}
	}
	if other > 0 || kana > 0 && latin > 0 {
		return false
	}
	if kana > 0 {
		return kana >= 2 && kana <= 12
	}
	parts := strings.Fields(s)
	return len(parts) >= 2 && len(parts) <= 4 && !corporateLatin(s) && !latinPlace(s) && unicode.IsUpper([]rune(s)[0])
}

// quotedWhole reports whether the run [i, e) is all a quote holds
// (“Maria Lopez”, "LI XIAOHONG").
func quotedWhole(t *text, i, e int) bool {
	if i == 0 || e >= t.n() {
		return false
	}
	open, close := t.rs[i-1], t.rs[e]
	return open == '“' && close == '”' || open == '"' && close == '"' || open == '‘' && close == '’' || open == '「' && close == '」'
}

// quotedPersonCue reports whether a quoted Latin name of title case at
// [i, e) stands for a person: a person's noun before the quote (配偶“Maria
// Lopez”) or a nationality or a person's deed after it (…”系菲律宾籍).
// A quoted brand or title (“Blue Ocean”品牌) has neither.
func quotedPersonCue(t *text, i, e int) bool {
	before := t.str(max(0, i-1-4), i-1)
	if hasSuffixAny(before, []string{"配偶", "妻子", "丈夫", "之妻", "之夫", "其妻", "其夫", "女友", "男友", "朋友", "人员", "当事人", "申请人", "被申请人", "第三人", "证人", "外籍人", "外国人", "男子", "女子"}) {
		return true
	}
	j := e + 1
	if j < t.n() && t.han(j) && personAfter(t, j) {
		return true
	}
	end := j
	for end < t.n() && end-j < 8 && !strings.ContainsRune("，。；;,\n", t.rs[end]) {
		end++
	}
	after := t.str(j, end)
	return strings.HasPrefix(after, "系") && strings.Contains(after, "籍") || strings.HasPrefix(after, "为") && strings.Contains(after, "国籍")
}
