package privacy

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Strong person markers: role words that stand only before a person
// (男方, 职工, 死者, 持证人, 见证人, 楼长, 经营者, 估价师, 其子, 婚生子), unlike
// 原告 or 申请人, which may introduce an organisation. After one of them
// the span up to the next punctuation, bracket or verb is the person's
// name even when it is an everyday word (其子江山, 死者常青) or its surname
// is rare (牧, 沃, 蔚…), and every item of a list that follows is a person
// (公示：X（一级肢体）、Y（二级视力）).

// strongRoles are the role words of parties and officials that are always
// persons; every kin word is one as well (see strongRole).
var strongRoles = newMatcher([]string{
	"男方", "女方", "职工", "员工", "雇员", "工人", "死者", "伤者", "患者", "持证人", "持有人", "见证人", "证人",
	"证明人", "在场人", "楼长", "栋长", "经营者", "经营户", "个体户", "估价师", "评估师", "评估人员",
	"鉴定人", "邻居", "同事", "村民", "居民", "村民代表", "户主", "业主", "房主", "车主", "店主", "养殖户",
	"种植户", "承包户", "驾驶员", "驾驶人", "司机", "被侵害人", "违法行为人", "被处罚人", "收款人", "开户人",
	"工作人员", "执法人员", "干部", "干事", "民警", "委托代理人", "委托诉讼代理人", "诉讼代理人", "法定代理人", "代理律师", "小组成员", "成员", "公示名单", "名单",
	"公示",
}, strongRoles26) // roles26.go

// colonOnlyRoles are strong only before a colon: 公示：X、Y, 小组成员：X.
var colonOnlyRoles = map[string]bool{"成员": true, "小组成员": true, "名单": true, "公示名单": true, "公示": true}

// markerSurnames are the surnames of the 百家姓 that the default does not
// weigh because too many words start with them (越, 养, 牧, 贡…); after a
// strong marker they start a name like any other.
var markerSurnames = newRuneSet("水昌贝松牧山秋暴韶怀咸籍双贡习鱼弘广禄东沃蔚越养巢红益谯禾桃菊茶竹荷莲")

// strongRole says whether the role word w of the given kind at i..j is a
// strong person marker (a colon after it when it needs one).
func strongRole(t *text, i, j int, kind markerKind) bool {
	w := t.str(i, j)
	if kind == markKin {
		return j-i >= 2
	}
	if strongRoles.at(w) != w {
		return false
	}
	if colonOnlyRoles[w] {
		return j < t.n() && strings.ContainsRune("：:", t.rs[j])
	}
	return true
}

// markerSurnameAt is surnameAt with the marker-only surnames.
func markerSurnameAt(t *text, i int) int {
	if n := surnameAt(t, i); n > 0 {
		return n
	}
	if t.han(i) && markerSurnames.has(t.rs[i]) {
		return 1
	}
	return 0
}

// grammarAt says whether a function word, an adverb or a verb of the
// dictionary starts at k: what follows a name, never its last character.
func grammarAt(t *text, k int) bool {
	if !t.han(k) {
		return true
	}
	if strings.ContainsRune(functionChars+adverbsBefore+"未现当生", t.rs[k]) || t.match(k, deedFollowers) > 0 {
		return true
	}
	g := false
	t.words(k, func(_ int, w word) {
		if verbLike(w.pos) && w.freq >= 50 || timePOS[w.pos] && w.pos != "f" {
			g = true
		}
	})
	return g
}

// closedItem reports whether e closes a list item: punctuation, a bracket
// or a separator.
func closedItem(t *text, e int) bool {
	return e >= t.n() || !t.han(e) || listSep(t, e) > 0 && !t.han(e+1) || t.rs[e] == '、'
}

// strongNameAt reads the name right after a strong marker at j: a surname
// and one or two characters up to punctuation, a bracket or a verb; in a
// list (item true) up to the separator whatever the characters are.
func strongNameAt(t *text, j int, item bool) int {
	sur := markerSurnameAt(t, j)
	// 于同年, 和孙子: a surname that is also a function word is left to
	// the other rules; 邻居余大姐, 儿媳和孙子: nor does a relation or a form
	// of address make a name.
	if sur == 0 || sur == 1 && strings.ContainsRune(functionSurnames, t.rs[j]) ||
		anyRole.at(t.rest(j)) != "" || personAttributes.at(t.rest(j)) != "" || anyRole.at(t.rest(j+sur)) != "" || t.match(j+sur, honorificMatcher) > 0 {
		return 0
	}
	for _, n := range []int{sur + 2, sur + 1} {
		e := j + n
		if e > t.n() || !allHan(t, j, e) || strings.ContainsRune("某×", t.rs[e-1]) {
			continue
		}
		// 工作人员朱某、常在到场: a later item of the list is read whatever
		// word it is, before a verb.
		if item && j > 0 && t.rs[j-1] == '、' && n == sur+1 && boundary(t, e) >= 2 && !grammarAt(t, j) {
			return n
		}
		if anyNeverGiven(t, j+sur, e) {
			continue
		}
		// 证人常胜证称: a party's deed (证称, 陈述) starts inside the span.
		if n == sur+2 && t.match(e-1, provedFollowers) > 1 {
			continue
		}
		// 见附件: a verb of one character and its object.
		if v, ok := t.word(j, j+1); ok && verbLike(v.pos) && v.freq >= 1000 && e-j >= 3 && nounWordAt(t, j+1, e) {
			continue
		}
		// 见证人夏天、秋实在…: an item closed by a separator is a name
		// whatever word it is.
		if (item || e < t.n() && t.rs[e] == '、') && closedItem(t, e) {
			return n
		}
		// 我儿子乔平安开。: a verb of one character closing the clause
		// follows a name as a longer one does.
		oneVerb := false
		if v, ok := t.word(e, e+1); ok && (verbLike(v.pos) || v.pos == "zg") && v.freq >= 1000 && (e+1 >= t.n() || !t.han(e+1) || strings.ContainsRune("了着过的", t.rs[e+1])) {
			// …not the end of a word that starts inside the span (签收, 陈述).
			_, inWord := t.word(e-1, e+1)
			oneVerb = n == sur+2 && !inWord
		}
		if boundary(t, e) == 0 && !grammarAt(t, e) && !oneVerb {
			continue
		}
		// 高原未取得: the last character must not itself start the clause's
		// grammar; 经营者应当…: nor is the span grammar.
		// 职工平时在…: nor is a word of time, unless a list's separator
		// closes it (above).
		if n == sur+2 && grammarAt(t, j+sur+1) || grammarSpan(t, j, e) || timeWord(t, j, e) {
			continue
		}
		// 其父母留下的: the given part is a verb of the dictionary.
		if w, ok := t.word(j+sur, e); ok && e-j-sur == 2 && verbLike(w.pos) && w.freq >= 50 {
			continue
		}
		// 宿舍位于, 安全教育, 平均工资: a word of the dictionary after the
		// marker is a name only before what follows a person's name, not
		// before the rest of a noun phrase.
		if w, ok := t.word(j, e); ok && w.freq >= 20 && !strings.HasPrefix(w.pos, "nr") && !nameFollows(t, e) {
			continue
		}
		// 白云交来了…: a word and a verb of one character after it.
		if n == sur+2 && anyWordAt(t, j, e-1) && !anyWordAt(t, j, e) {
			if w, ok := t.word(e-1, e); ok && verbLike(w.pos) && w.freq >= 1000 {
				continue
			}
		}
		return n
	}
	return 0
}

// grammarSpan says whether rs[s:e] is a function word, adverb, pronoun or
// verb of the dictionary (应当, 当时, 全部), which no marker makes a name.
func grammarSpan(t *text, s, e int) bool {
	w, ok := t.word(s, e)
	if !ok {
		return false
	}
	switch w.pos {
	case "d", "p", "c", "u", "uj", "ul", "r", "ad", "vd", "m", "q", "f":
		return true
	case "v", "vn", "vi":
		// 陈述, 签字: a verb of two characters is never read as a name
		// here; a longer one only when rare.
		return e-s == 2 && w.freq >= 300 || w.freq >= 500
	}
	return false
}

func allHan(t *text, s, e int) bool {
	for k := s; k < e; k++ {
		if !t.han(k) {
			return false
		}
	}
	return true
}

// skipBracket returns the end of a short bracketed note at j (（村支书）,
// （注册号…）, （一级肢体）), or j when there is none.
func skipBracket(t *text, j int) int {
	if j >= t.n() || t.rs[j] != '（' && t.rs[j] != '(' {
		return j
	}
	for k := j + 1; k < t.n() && k <= j+24; k++ {
		if t.rs[k] == '）' || t.rs[k] == ')' {
			return k + 1
		}
	}
	return j
}

// anyNeverGiven says whether a character of rs[s:e] never stands in a
// given name (某 of a masked name, 的, 局…).
func anyNeverGiven(t *text, s, e int) bool {
	for k := s; k < e; k++ {
		if neverGivenSet.has(t.rs[k]) {
			return true
		}
	}
	return false
}

// speechVerbs end the subject of a clause that only a person opens: what
// someone said, signed for, confirmed or handed in (江南说…, 杜鹃交来的…).
var speechVerbs = newMatcher([]string{"称", "说", "签收", "证实", "交来", "证明", "陈述", "表示", "承认", "供述", "辩称", "回忆", "反映"})

// notSpeech are words that start with a speech verb but say something
// else (说明, 称为, 证明书).
var notSpeech = newMatcher([]string{"说明", "说法", "称为", "称作", "称号", "称重", "证明书", "证明材料", "表示为", "反映出"})

// objectFrames are a preposition or verb before a person and what is done
// with them after (与X办理, 对X说), or nothing but the clause's end after
// (见过X。).
var objectFrames = []struct {
	before string
	after  *matcher // nil: punctuation or the end must follow
}{
	{"与", newMatcher([]string{"办理", "签订", "签署", "协商", "达成", "商定", "约定", "发生", "交接"})},
	{"和", newMatcher([]string{"办理", "签订", "签署", "协商", "达成", "商定", "交接"})},
	{"对", newMatcher([]string{"说", "讲", "表示", "称"})},
	{"见过", nil},
	{"见到", nil},
	{"认识", nil},
}

// speechAndObjects reads a surname and a given name that may be a word
// (江南, 杜鹃, 林立) as the subject of a speech verb at a clause's start or
// right after a role word, and as the person of an object frame.
func (d *detector) speechAndObjects() {
	t := d.t
	for i := 0; i < t.n(); i++ {
		if d.taken[i] || surnameAt(t, i) != 1 {
			continue
		}
		// Only a speech verb after the span or a frame around it makes the
		// rest worth asking (the role words before are the costly part).
		speech := func(e int) bool {
			return e < t.n() && speechVerbs.at(t.rest(e)) != "" && notSpeech.at(t.rest(e)) == ""
		}
		if !speech(i+2) && !speech(i+3) && !(i > 0 && strings.ContainsRune("与和对过到识", t.rs[i-1])) {
			continue
		}
		opens := i == 0 || !t.han(i-1) && !isLatinOrDigit(t.rs[i-1]) || dottedDateBefore(t, i) ||
			roleEndingAt(t, i) > 0 && (i < 2 || !d.taken[i-1])
		for _, n := range []int{3, 2} {
			e := i + n
			// 局长信箱反映: the office's channel (names.go officeChannels).
			if e > t.n() || !allHan(t, i, e) || !d.free(i, e) || !personSpan(t, i, e) || t.match(i, officeChannels) == n {
				continue
			}
			// After a role word (原告申辩称, 原告方面表示) a word needs a
			// given name's character to be read as a name.
			afterRole := i > 0 && t.han(i-1)
			if afterRole && n == 2 && anyWordAt(t, i, e) && !wordMayName(t, i, true) {
				continue
			}
			if opens && !strings.ContainsRune(functionSurnames, t.rs[i]) || opens && n == 2 && clauseHead(t, i) {
				if speech(e) {
					d.add(i, e, capNeutral)
					break
				}
			}
			// 原告与银行签订: a frequent common noun is the party's other
			// side, not a person.
			if objectFrameAround(t, i, e) && !commonNounAt(t, i, e) {
				d.add(i, e, capNeutral)
				break
			}
		}
	}
}

// clauseHead says whether a clause opens at i with nothing but the span
// before its verb (向前称…: no word joins the span to what went before).
func clauseHead(t *text, i int) bool {
	return i == 0 || strings.ContainsRune("。；;\n", t.rs[i-1])
}

// objectFrameAround says whether rs[i:e] stands in one of objectFrames.
func objectFrameAround(t *text, i, e int) bool {
	for _, f := range objectFrames {
		b := utf8.RuneCountInString(f.before)
		// 对方自称: the preposition starts a word with the span's first
		// character.
		if i < b || t.str(i-b, i) != f.before || anyWordAt(t, i-1, i+1) {
			continue
		}
		if f.after == nil {
			if e >= t.n() || !t.han(e) && !isLatinOrDigit(t.rs[e]) {
				return true
			}
			continue
		}
		if f.after.at(t.rest(e)) != "" {
			return true
		}
	}
	return false
}

// personSpan says whether rs[s:e] may be a person's name in a frame that
// says it is one: no character that never names, no grammar, no relation
// or attribute of a person, no organisation's or place's ending.
func personSpan(t *text, s, e int) bool {
	if anyNeverGiven(t, s+1, e) || grammarSpan(t, s, e) || anyRole.at(t.rest(s)) != "" ||
		personAttributes.at(t.rest(s)) != "" || strings.ContainsRune(placeOnlyChars, t.rs[e-1]) {
		return false
	}
	// 林业站称, 国土所说: an office, not a name.
	if e-s == 3 && (grammarAt(t, s+2) || crossesRight(t, s, e, 20) || strings.ContainsRune(officeEnds, t.rs[e-1])) {
		return false
	}
	return true
}

func (d *detector) free(s, e int) bool {
	for k := s; k < e; k++ {
		if d.taken[k] {
			return false
		}
	}
	return true
}

func isLatinOrDigit(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
}

// dottedDateBefore says whether a date written in figures with dots,
// dashes or slashes (2022.3.9, 2022-3-9) ends right before i.
func dottedDateBefore(t *text, i int) bool {
	k, dots := i, 0
	for k > 0 && (isDigitRune(t.rs[k-1]) || strings.ContainsRune(".-/", t.rs[k-1])) {
		if !isDigitRune(t.rs[k-1]) {
			dots++
		}
		k--
	}
	return dots == 2 && i-k >= 6 && isDigitRune(t.rs[i-1])
}

// cyrillicRe is a name in Cyrillic letters: a capitalised word and up to
// three more (Дмитрий Соколов).
var cyrillicRe = regexp.MustCompile(`^[А-ЯЁІЇЄҐ][а-яёіїєґ'-]+(?:[ .·][А-ЯЁІЇЄҐ][а-яёіїєґ'-]+){0,3}`)

// cyrillic reads names in Cyrillic letters: in a Chinese judgment a
// capitalised Cyrillic word is a foreign party's name.
func (d *detector) cyrillic() {
	t := d.t
	for i := 0; i < t.n(); i++ {
		r := t.rs[i]
		if r < 'А' || r > 'я' && r != 'Ё' && r != 'І' && r != 'Ї' && r != 'Є' && r != 'Ґ' || d.taken[i] || i > 0 && t.rs[i-1] >= 'А' && t.rs[i-1] <= 'я' {
			continue
		}
		m := cyrillicRe.FindString(t.rest(i))
		if m == "" {
			continue
		}
		n := utf8.RuneCountInString(m)
		d.add(i, i+n, capNeutral)
		i += n - 1
	}
}

// vocativeVerbs introduce direct speech that may open with the name of
// the person spoken to: 喊“建军，快出来”, 说：“春燕，你去…”.
var vocativeVerbs = newMatcher([]string{"喊", "叫", "说", "问", "道", "嚷", "骂", "称", "告诉"})

// vocatives reads a given name of two characters called out at the start
// of a quote, before a comma or an exclamation mark: both characters are
// given names' (建军, 春燕) and the two are no word of things.
func (d *detector) vocatives() {
	t := d.t
	for i := 1; i+3 < t.n(); i++ {
		if !strings.ContainsRune("“「\"", t.rs[i-1]) || !strings.ContainsRune("，,！!", t.rs[i+2]) || !d.free(i, i+2) {
			continue
		}
		k := i - 1
		for k > 0 && strings.ContainsRune("：: ", t.rs[k-1]) {
			k--
		}
		ok := false
		for n := 1; n <= 2 && k-n >= 0; n++ {
			if v := vocativeVerbs.at(t.str(k-n, k)); utf8.RuneCountInString(v) == n {
				ok = true
			}
		}
		if !ok || !isCommonGiven(t, t.rs[i]) || !isCommonGiven(t, t.rs[i+1]) || anyRole.at(t.rest(i)) != "" {
			continue
		}
		if w, found := t.word(i, i+2); found && !strings.HasPrefix(w.pos, "nr") && w.freq >= 200 {
			continue
		}
		d.add(i, i+2, capNeutral)
	}
}

// nameFollows says whether what starts at e follows a person's name: the
// end of the clause, a function word or an adverb (于, 在, 系, 未, 均), a word
// of time (生前, 现年) or a person's deed (称, 签字).
func nameFollows(t *text, e int) bool {
	if e >= t.n() || !t.han(e) || strings.ContainsRune(functionChars+adverbsBefore+"未现当生", t.rs[e]) {
		return true
	}
	if t.match(e, personVerbMatcher) > 0 || speechVerbs.at(t.rest(e)) != "" || t.match(e, deedFollowers) > 0 {
		return true
	}
	f := false
	t.words(e, func(_ int, w word) {
		if w.pos == "t" || w.pos == "d" || w.pos == "p" || w.pos == "c" {
			f = true
		}
	})
	return f
}

// deedFollowers are what people do that the dictionary tags as nouns or
// that no other list holds: 女方X协议离婚, 其父X耕种, 由X代为签收, X发生争执.
var deedFollowers = newMatcher([]string{"协议", "耕种", "代为", "代收", "代签", "代领", "转交", "发生", "共同", "一同", "一起", "相识", "结婚", "离婚", "务工", "外出"})

// officeEnds end the short names of offices and bodies (林业站, 派出所).
const officeEnds = "站所局院队办委会厂司部处科室组社行校园场馆"

// tableCells reads names in the cells of a table written with bars
// (| 2 | 尤某 | 住宅 | 88平方米 |): a cell of a surname and one to three
// characters that are no word of the dictionary.
func (d *detector) tableCells() {
	t := d.t
	for i := 0; i < t.n(); i++ {
		if t.rs[i] != '|' && t.rs[i] != '｜' {
			continue
		}
		s := i + 1
		for s < t.n() && t.rs[s] == ' ' {
			s++
		}
		e := s
		for e < t.n() && t.han(e) {
			e++
		}
		k := e
		for k < t.n() && t.rs[k] == ' ' {
			k++
		}
		if k >= t.n() || t.rs[k] != '|' && t.rs[k] != '｜' || e-s < 2 || e-s > 4 || !d.free(s, e) || goodsCountAfter(t, e) {
			continue
		}
		// | 4 | 额尔德尼 | 男 |: a cell that is one minority name or more.
		if n, _ := minorityAt(t, s); n == e-s {
			d.add(s, e, capNeutral)
			continue
		}
		sur := surnameAt(t, s)
		if sur == 0 || e-s-sur < 1 || e-s-sur > 2 || anyNeverGiven(t, s+sur, e) || anyRole.at(t.rest(s)) != "" {
			continue
		}
		if w, ok := t.word(s, e); ok && !strings.HasPrefix(w.pos, "nr") && w.freq >= 5 {
			continue
		}
		d.add(s, e, capNeutral)
	}
}

// kinWordName says whether a name that is a word (宫廷) follows a kin word
// whose last character starts a word with its surname (其子宫廷现在…): the
// relation does not go on into 子宫 when a whole word closes as a name
// does; 其父母留给… has no such word.
func kinWordName(t *text, j int) bool {
	n := strongNameAt(t, j, false)
	return n > 0 && (n == 3 || anyWordAt(t, j, j+n))
}

// timeWord says whether rs[s:e] is a word of time (平时, 当年).
func timeWord(t *text, s, e int) bool {
	w, ok := t.word(s, e)
	return ok && w.pos == "t" && w.freq >= 20
}

// commonNounAt says whether rs[s:e] is a frequent common noun of the
// dictionary (银行, 物业), which names no one.
func commonNounAt(t *text, s, e int) bool {
	w, ok := t.word(s, e)
	return ok && w.pos == "n" && w.freq >= 1000
}

// nounWordAt says whether rs[s:e] is a noun of the dictionary that is no
// name (附件, 房屋).
func nounWordAt(t *text, s, e int) bool {
	w, ok := t.word(s, e)
	return ok && w.freq >= 20 && strings.HasPrefix(w.pos, "n") && !strings.HasPrefix(w.pos, "nr")
}

// cardHolders reads the officers' names written straight before their
// card numbers (执法人员晏某33011911052、庞某33011911067): the number closes
// the name as a comma would, and the list's later items have no role word
// of their own.
func (d *detector) cardHolders() {
	t := d.t
	for _, sp := range enforcementCards(t.s) {
		e := t.runeAt(sp.start)
		for _, n := range []int{3, 2} {
			s := e - n
			if s < 0 || surnameAt(t, s) == 0 || !allHan(t, s, e) {
				continue
			}
			before := t.str(0, s)
			if s == 0 || strings.ContainsRune("、，,和及：:（(", t.rs[s-1]) || hasSuffixAny(before, enforcementStaff) {
				d.add(s, e, capNeutral)
				break
			}
		}
	}
}
