package privacy

import (
	"strings"
)

// Names the syntax proves. Where the position says a person — a party's
// role word before and what only a person does right after (证人时凤英称,
// 原告刘成功诉称, 第三人于洋未到庭), a list or a pair that holds a proved
// name (俞春雨、时国庆二人), a frame only people fill (由房建设驾驶, X与Y签订)
// — the word check does not veto the name: the syntax has already said
// what the span is.

// positionSurnames are surnames of the census's first few hundred and of
// the 百家姓 whose characters are everyday ones (代, 过, 才, 占, 蔚, 贡…):
// read as a surname only where the position proves a person, never by the
// segmentation's default, where they would start words (代表, 过去, 占用).
const positionSurnames = "充代习才员续操占过旷贠候蔚贡禾谯者字泽寸尕折撒脱线种朗鱼台次塔兀校旦问底咸苻后红益养须巢空沃越弘广禄归帖钦伯赏墨年爱言福双拜买木纳喇妥矣贝琚顿招矫雒铁秘弥"

// prepositionSurnames are surnames that are prepositions or conjunctions
// too (向本院, 于庭后, 和被告).
const prepositionSurnames = "向于和由从经及将对"

var positionSurnameSet = newRuneSet(positionSurnames)

// provedFollowers follow only a person's name after a party's role word:
// what a party says or does in the proceedings, or the person's details.
var provedFollowers = newMatcher([]string{
	"诉称", "述称", "辩称", "称", "证称",
	// 代理人石建明质证称: the deed before 称 closes the name, not 称.
	"质证", "举证", "陈述", "证实", "证明", "作证", "出庭", "当庭", "到庭", "未到庭", "未出庭",
	"未提交", "未参加", "未提出", "未答辩", "不服", "经本院", "经合法", "经公告", "经传票", "的委托",
	"的丈夫", "的妻子", "的儿子", "的女儿", "的父亲", "的母亲", "的证言", "的陈述", "签字", "签名",
	"捺印", "提交", "提出", "，男", "，女", ",男", ",女", "（男", "（女", "(男", "(女",
	"与被告", "与原告", "与第三人", "与申请人", "与被申请人", "于1", "于2",
	"未提供", "未举证", "未陈述", "未签字", "未出示", "未申请", "未到场",
	// 经查，充国强确在该厂上班: a finding about the person.
	"确在", "确系", "确于",
})

// findingOpeners open a finding of fact, after which a clause's subject
// is a person as after a role word: 经查，贡振华于2023年5月….
var findingOpeners = []string{"经审理查明，", "本院查明，", "另查明，", "经查明，", "现查明，", "经查，", "查明，", "经调查，", "经核实，", "调查查明，"}

// afterFindings reads a proved name right after an opener of a finding.
func (d *detector) afterFindings() {
	t := d.t
	for _, o := range findingOpeners {
		for from := 0; ; {
			k := strings.Index(t.s[from:], o)
			if k < 0 {
				break
			}
			from += k + len(o)
			j := t.runeAt(from)
			if n := provedAfterRole(t, j); n > 0 {
				d.add(j, j+n, capPersonal)
			}
		}
	}
}

// provedSurnameAt returns the length of a surname at j that the position
// may prove: a compound one, one of the table, or one of positionSurnames
// (then pos is true).
func provedSurnameAt(t *text, j int) (n int, pos bool) {
	if n := surnameAt(t, j); n > 0 {
		return n, false
	}
	if t.han(j) && positionSurnameSet.has(t.rs[j]) {
		return 1, true
	}
	// 原告邗立新诉称: a surname below the register's lists, a rare
	// character that starts no word there and is no verb or function word
	// (rareSurname), in the position only a name stands in.
	if t.han(j) && t.han(j+1) && rareSurname(t, j) && !strings.ContainsRune(placeChars+orgEnds, t.rs[j]) {
		// …and a rare character: 庭 (庭后提交) is a word of its own.
		if w, ok := t.word(j, j+1); !ok || w.freq < 200 {
			return 1, true
		}
	}
	return 0, false
}

// provedAfterRole reads a name at j right after a party's or an agent's
// role word when a proved follower closes it: 证人时凤英称, 原告代兴旺诉称,
// 申请人高远称. It returns the name's length or 0.
func provedAfterRole(t *text, j int) int {
	sur, pos := provedSurnameAt(t, j)
	if sur == 0 || t.match(j+sur, anyRole) > 0 {
		return 0
	}
	for _, g := range []int{2, 1} {
		e := j + sur + g
		if e > t.n() || !allHan(t, j, e) || !validGiven(t, j+sur, e) || t.match(e, provedFollowers) == 0 && !listProved(t, e) {
			continue
		}
		// A role word as long as the span is the role (原告代理人称); 房东升
		// is longer than 房东.
		if t.match(j, anyRole) >= e-j {
			continue
		}
		// 温馨述称, 陈述称: the follower starts inside the span; 方当庭提交:
		// or right after the surname.
		if t.match(e-1, provedFollowers) > 1 || anyWordAt(t, e-1, e+1) && t.match(e, provedFollowers) == 1 || t.match(j+sur, provedFollowers) > 1 {
			continue
		}
		// 原告才华与被告之间: a noun of an everyday-character surname and
		// one given character, before a follower of two characters or more.
		if pos && e-j == 2 && t.match(e, provedFollowers) >= 2 {
			if w, ok := t.word(j, e); ok && nounPOS[w.pos] && w.freq < 2000 && t.match(j, anyRole) == 0 {
				return 2
			}
		}
		if provedSpanIsWord(t, j, e, sur, pos) {
			continue
		}
		return e - j
	}
	return 0
}

// provedSpanIsWord reports whether the span rs[s:e] with a surname of sur
// characters is a word that a role word and a follower still do not make
// a name: a role or a relation (代理人, 母亲), a word as frequent as 单位
// or 方面, a frequent verb, adverb or word of time (强调, 明确, 平时), a
// function word; for a surname of positionSurnames also any word its
// first two characters make (代理, 过去, 才能), and for a surname that is
// also a preposition a frequent word after it (向本院, 于庭审).
func provedSpanIsWord(t *text, s, e, sur int, pos bool) bool {
	if pos && (e-s != 3 || anyWordAt(t, s, s+2) || anyWordAt(t, s, e)) {
		return true
	}
	// 原告于庭后提交, 原告向本院陈述: a surname that is also a preposition
	// only before a given name that is no word.
	if sur == 1 && strings.ContainsRune(prepositionSurnames, t.rs[s]) && e-s == 3 {
		if _, ok := t.word(s+1, e); ok || !allCommonGiven(t, s+1, e) {
			return true
		}
	}
	// 原告曾多次称, 证人时常陈述: an adverb's surname before a frequent word.
	if sur == 1 && strings.ContainsRune(functionSurnames, t.rs[s]) && e-s == 3 {
		if w, ok := t.word(s+1, e); ok && w.freq >= 1000 && !strings.HasPrefix(w.pos, "nr") {
			return true
		}
	}
	if w, ok := t.word(s, e); ok && !strings.HasPrefix(w.pos, "nr") {
		switch {
		case w.freq >= 5000:
			return true
		case functionPOS[w.pos] && !strings.ContainsAny(w.pos[:1], "dm") && w.freq >= 20:
			return true
		case (verbLike(w.pos) || w.pos[0] == 'm' || w.pos == "ad") && w.freq >= 1000:
			return true
		case (w.pos[0] == 'd' || w.pos[0] == 't') && w.freq >= 200:
			return true // 时常, 平时; 高远 (81) and 国庆 (131) may be names
		case e-s == 3 && w.freq >= 20:
			return true
		}
	}
	if e-s == 3 {
		// 单位负责人称, 原告房屋建于…: a frequent word and a character of
		// the next.
		if w, ok := t.word(s, s+2); ok && !strings.HasPrefix(w.pos, "nr") && (w.freq >= 5000 || nounPOS[w.pos] && w.freq >= 1000) {
			return true
		}
		// 许诺曾于2016年: the span ends in an adverb of the clause.
		if w, ok := t.word(e-1, e); ok && (w.pos == "d" || functionPOS[w.pos] && w.pos != "m") && w.freq >= 1000 {
			return true
		}
	}
	return false
}

// listClosers close an item of a list of persons: the next separator, a
// count of people, 等, a word all of them do or a clause's end.
var listClosers = newMatcher([]string{
	"、", "，", "。", "；", "和", "与", "及", "二人", "两人", "三人", "四人", "五人", "等", "均", "都", "共同",
	"分别", "的证言", "之间", "签订", "系", "也", "一起", "各自",
})

// orgEnds are last characters of organisations, places and things a list
// of persons may be coordinated with (石料厂, 施工方, 林业站).
const orgEnds = "厂站局所社店队院行部处办组会司场馆校园区县市镇乡村方庄户组团室科股委"

// listItemAt reads one item of a list of persons at j: a surname (also
// one of positionSurnames) and one or two given characters, closed as an
// item is. It returns its length or 0.
func listItemAt(t *text, j int, taken []bool) int {
	return listItem(t, j, taken, false)
}

// listItem reads an item as listItemAt does; a bounded item (between a
// role word and 、) may hold a given character names rarely use (林本立)
// as long as it is no particle.
func listItem(t *text, j int, taken []bool, bounded bool) int {
	sur, pos := provedSurnameAt(t, j)
	// 房东升 may be an item: only a role word as long as the item is none
	// (checked below), and none may follow the surname (和被告).
	if sur == 0 || t.match(j+sur, anyRole) > 0 {
		return 0
	}
	for _, g := range []int{2, 1} {
		e := j + sur + g
		if e > t.n() || !allHan(t, j, e) || anyTaken(taken, j, e) {
			continue
		}
		if !validGiven(t, j+sur, e) && !(bounded && e-j == 3 && !strings.ContainsAny(t.str(j+sur, e), particles)) {
			continue
		}
		if e < t.n() && t.han(e) && t.match(e, listClosers) == 0 {
			continue
		}
		if strings.ContainsRune(orgEnds, t.rs[e-1]) || t.match(j, anyRole) >= e-j || provedSpanIsWord(t, j, e, sur, pos) {
			continue
		}
		// 和 may close the item only when what follows reads as a person
		// too; a one-character given name before 与/和 is ambiguous
		// (张某与王平和李四): take the longer reading first.
		return e - j
	}
	return 0
}

// anyTaken reports whether a rune of [s, e) is inside a name already;
// taken may be nil (nothing is).
func anyTaken(taken []bool, s, e int) bool {
	for k := s; k < e && k < len(taken); k++ {
		if taken[k] {
			return true
		}
	}
	return false
}

// provedLists extends the proof of a name to the other items of its list:
// after a personal hit, a separator (、 和 与 及) and an item closed as
// items are (俞春雨、时国庆二人, 孙丽及赵成功均证实) is a person, and so on
// to the list's end; before it, an item that opens the list after a role
// word or a clause's start (村民林本立、卢春雨).
func (d *detector) provedLists() {
	t := d.t
	for hi := 0; hi < len(d.hits); hi++ {
		h := d.hits[hi]
		// A name the default alone read proves a list only when the list
		// closes as one of persons does (俞春雨、时国庆二人).
		neutral := h.cap == capNeutral
		var items [][2]int
		e := h.end
		for {
			sep := listSep(t, e)
			if sep == 0 || e+sep >= t.n() {
				break
			}
			n := listItemAt(t, e+sep, d.taken)
			if n == 0 {
				// 原告夏雨、冬梅系夫妻关系: the last item of a proved name's
				// list written as a given name alone, where what closes
				// the list says persons (priv22).
				j := e + sep
				if !neutral && !anyTaken(d.taken, j, j+2) && bareGiven(t, j, false, true) == 2 && t.match(j+2, personListClosers) > 0 {
					items = append(items, [2]int{j, j + 2})
					e = j + 2
				}
				break
			}
			items = append(items, [2]int{e + sep, e + sep + n})
			e += sep + n
		}
		if !neutral || t.match(e, personListClosers) > 0 {
			for _, it := range items {
				d.add(it[0], it[1], h.cap)
			}
		}
		// Backwards: the item before a 、 in front of the hit, or before
		// 与/和/及 when the hit was proved (原告系房东升与柏某之女).
		if h.start >= 3 && (t.rs[h.start-1] == '、' || strings.ContainsRune("与和及", t.rs[h.start-1]) && (!neutral || t.match(skipDate(t, h.end), personListClosers) > 0)) {
			for _, n := range []int{3, 2} {
				s := h.start - 1 - n
				if s < 0 || anyTaken(d.taken, s, h.start-1) {
					continue
				}
				if listItem(t, s, d.taken, roleEndingAt(t, s) > 0) != n || !itemOpensList(t, s) || neutral && roleEndingAt(t, s) == 0 && t.match(skipDate(t, h.end), personListClosers) == 0 {
					continue
				}
				d.add(s, s+n, h.cap)
				break
			}
		}
	}
}

// personListClosers close only a list of persons.
var personListClosers = newMatcher([]string{"二人", "两人", "三人", "四人", "五人", "等人", "的证言", "签订", "之间", "共同", "夫妻", "系夫妻", "系兄弟", "系父子", "系母子", "之女", "之子", "夫妇"})

// itemOpensList reports whether a list may start at s: at the text's or a
// clause's start, or after a role word (村民林本立、…).
func itemOpensList(t *text, s int) bool {
	if s == 0 || !t.han(s-1) || t.rs[s-1] == '系' {
		return true
	}
	n, _ := roleEnding(t, s)
	return n > 0
}

// pairDeeds follow the two persons of a pair at a clause's start: what
// two parties do together (谈笑与房东升签订了…).
var pairDeeds = newMatcher([]string{"签订", "订立", "签署", "协商", "约定", "达成", "之间", "共同", "二人", "两人", "系夫妻", "系父子", "系母子", "系兄弟", "系姐妹", "发生"})

// pairFrames reads X与Y签订 at a clause's start: two surname-led spans
// joined by 与 or 和 before what two parties do together. Neither may be
// a role, an organisation or a frequent word (原告与被告签订, 房东与租户,
// 石料厂与…).
func (d *detector) pairFrames() {
	t := d.t
	for i := 0; i < t.n(); i++ {
		if i > 0 && t.han(i-1) {
			continue
		}
		for _, n := range []int{3, 2} {
			x := i + n
			if x+1 >= t.n() || !strings.ContainsRune("与和", t.rs[x]) || !pairMember(t, i, x, d.taken) {
				continue
			}
			y := 0
			for _, m := range []int{3, 2} {
				if x+1+m <= t.n() && t.match(skipDate(t, x+1+m), pairDeeds) > 0 && pairMember(t, x+1, x+1+m, d.taken) {
					y = m
					break
				}
			}
			if y == 0 {
				continue
			}
			d.add(i, x, capPersonal)
			d.add(x+1, x+1+y, capPersonal)
			break
		}
	}
}

// pairMember reports whether rs[s:e] may be one of a pair of persons.
func pairMember(t *text, s, e int, taken []bool) bool {
	sur, pos := provedSurnameAt(t, s)
	// 房东升 may be a name: only a role word as long as the span is none.
	if sur == 0 || e-s <= sur || !allHan(t, s, e) || !validGiven(t, s+sur, e) || anyTaken(taken, s, e) ||
		t.match(s, anyRole) >= e-s || strings.ContainsRune(orgEnds, t.rs[e-1]) {
		return false
	}
	if w, ok := t.word(s, e); ok && !strings.HasPrefix(w.pos, "nr") && (w.freq >= 2000 || nounPOS[w.pos] && w.freq >= 500) {
		return false
	}
	// 苏宁与国美签订: brands, organisations and places the dictionary
	// knows are parties too, but no persons.
	if w, ok := t.word(s, e); ok && (w.pos == "nz" || w.pos == "nt" || w.pos == "ns") {
		return false
	}
	return !provedSpanIsWord(t, s, e, sur, pos)
}

// byDeeds follow 由 and a person: what someone does for the record
// (由房建设驾驶, 由温志强代为签收).
var byDeeds = newMatcher([]string{"驾驶", "代为", "代收", "代签", "签收", "经手", "收取", "保管", "垫付", "转交", "填写", "书写", "签字", "出资", "照看", "看管", "陪同", "担保", "报警", "报案", "领取", "接收", "负责", "开车", "送往"})

// harmDeeds follow 将 and a person: what harmed the person.
var harmDeeds = newMatcher([]string{"撞伤", "撞倒", "撞死", "撞成", "撞致", "刮伤", "碾压", "打伤", "打成", "刺伤", "砸伤", "咬伤", "推倒", "送往", "送至", "送医", "扶起", "拉出", "救出", "带至", "带回", "传唤至"})

// byFrames reads 由X驾驶: 由 (not 由于, 理由, 自由) and a surname and two
// given characters before a deed only a person does. The span is no word,
// no organisation (由房管所负责).
func (d *detector) byFrames() {
	t := d.t
	for i := 0; i+4 < t.n(); i++ {
		deeds := byDeeds
		switch {
		case t.rs[i] == '由' && !anyWordAt(t, i-1, i+1) && !anyWordAt(t, i, i+2):
		case t.rs[i] == '将' && !anyWordAt(t, i-1, i+1):
			// 货车将帅小红撞伤: the person a vehicle or a blow harmed,
			// whatever word 将 makes with the surname (将帅).
			deeds = harmDeeds
		default:
			continue
		}
		s, e := i+1, i+4
		sur, pos := provedSurnameAt(t, s)
		if sur != 1 || !allHan(t, s, e) || !validGiven(t, s+1, e) || anyTaken(d.taken, s, e) || t.match(e, deeds) == 0 ||
			t.match(s, anyRole) >= e-s || strings.ContainsRune(orgEnds, t.rs[e-1]) || anyWordAt(t, s, e) {
			continue
		}
		if pos && anyWordAt(t, s, s+2) {
			continue
		}
		d.add(s, e, capPersonal)
	}
}

// particles are the characters of grammar no name holds, even a rare one.
const particles = "的了们着过吗呢吧啊该此这那或且被把诉称等及说是从以因而也都就还将已未不没无非各每些另其与对在于即系并但却所之者第您你我他她它哪谁啥怎么某"

// answerOpeners may stand between 答： and the subject of an answer.
var answerOpeners = []string{"当时", "那天", "那时", "后来", "然后", "当天", "当晚", "事后", "之后", "接着", "是"}

// answerDeeds follow the subject of an answer: what a person did.
var answerDeeds = newMatcher([]string{"在开", "在干", "在做", "在家", "在场", "正在", "让我", "叫我", "找我", "带我", "给我", "跟我", "和我", "对我", "打电话", "打了", "开车", "说", "把", "拿", "先动手", "动手", "推", "签"})

// answerSubjects reads the subject of an answer in a record of questions
// (答：当时房建设在开车): a surname (also one of positionSurnames) and two
// given characters that are no word, at the answer's start or after a word
// of time, before what a person did. The dictionary's words there (施工队,
// 车辆在…) start no name.
func (d *detector) answerSubjects() {
	t := d.t
	for from := 0; ; {
		k := strings.Index(t.s[from:], "答")
		if k < 0 {
			return
		}
		from += k + len("答")
		j := t.runeAt(from)
		for j < t.n() && strings.ContainsRune("：: ", t.rs[j]) {
			j++
		}
		if j == t.runeAt(from) {
			continue
		}
		// 答：那天是…: a word of time and a copula may both open it.
		for range 2 {
			if o, ok := hasPrefixAny(t.rest(j), answerOpeners); ok {
				j += len([]rune(o))
			}
		}
		sur, _ := provedSurnameAt(t, j)
		e := j + 3
		if sur != 1 || e > t.n() || !allHan(t, j, e) || !validGiven(t, j+1, e) || anyTaken(d.taken, j, e) ||
			t.match(j, anyRole) > 0 || anyWordAt(t, j, j+2) || anyWordAt(t, j, e) || strings.ContainsRune(orgEnds, t.rs[e-1]) ||
			t.match(e, answerDeeds) == 0 {
			continue
		}
		d.add(j, e, capPersonal)
	}
}

// positionNames reads a surname of positionSurnames and two given
// characters where the three read as a name by themselves (givenShaped:
// both given characters likelier in names, no word across either end) and the surname starts no word with the next character (代理, 过去,
// 才能 stay words): 驾驶员代立群驾驶…, 答：钥匙一直在过春生手里. What
// stands around it must be what stands around a person: a role word or a
// preposition before, or a person's deed or the clause's end after.
func (d *detector) positionNames() {
	t := d.t
	for i := 0; i+3 <= t.n(); i++ {
		if !positionSurnameSet.has(t.rs[i]) || anyTaken(d.taken, i, i+3) || !allHan(t, i, i+3) || !validGiven(t, i+1, i+3) || strings.ContainsAny(t.str(i+1, i+3), "和与及或") ||
			anyWordAt(t, i, i+2) || !givenShaped(t, i) || !leftOK(t, i) {
			continue
		}
		if w, ok := t.word(i+1, i+3); ok && w.freq >= 500 && !strings.HasPrefix(w.pos, "nr") && w.pos != "ns" {
			continue // 过春节: the given part is a word of its own
		}
		before := i > 0 && (roleEndingAt(t, i) > 0 || strings.ContainsRune("给在把是让叫由向对", t.rs[i-1]))
		// 在那里种玉米, 我在种玉米: a frequent word the dictionary tags as a
		// name too (玉米) is the object of the everyday verb, where no role
		// word or preposition of a person's (给, 把, 由, 向…) says a person.
		if w, ok := t.word(i+1, i+3); ok && w.freq >= 1000 && roleEndingAt(t, i) == 0 && (i == 0 || !strings.ContainsRune("给把让叫由向对", t.rs[i-1])) {
			continue
		}
		if !before && !personRight(t, i+3, true) && boundary(t, i+3) < 3 && t.match(i+3, honorificMatcher) == 0 && !hasPrefixIn(t.rest(i+3), elderWords) {
			continue
		}
		d.add(i, i+3, capPersonal)
	}
}

// givenShaped reports whether rs[i+1:i+3] reads as a given name after a
// surname at i: neither character far likelier in words, together
// likelier in names (立群, 春生, 国华), and no word of the dictionary
// across either end of the three (不过春…, …手里 stay outside).
func givenShaped(t *text, i int) bool {
	a, b := t.d.givenScore(t.rs[i+1]), t.d.givenScore(t.rs[i+2])
	return (a >= -5 && b >= -5 && a+b >= 10 || allCommonGiven(t, i+1, i+3)) && !anyWordAt(t, i, i+3) && !crossesLeft(t, i, i+3, 5) &&
		!crossesRight(t, i, i+3, 20) && !anyWordAt(t, i+2, i+4)
}

// listProved reports whether a list of persons goes on at e, the end of
// its first item after a role word, and closes as one: 第三人华夏、华山均为…,
// 第三人操建国、操建民系兄弟.
func listProved(t *text, e int) bool {
	if e >= t.n() || t.rs[e] != '、' {
		return false
	}
	for k := 0; k < 6 && e < t.n() && t.rs[e] == '、'; k++ {
		n := listItemAt(t, e+1, nil)
		if n == 0 {
			return false
		}
		e += 1 + n
	}
	return t.match(e, provedFollowers) > 0 || t.match(e, personListClosers) > 0 || t.match(e, listEnders) > 0
}

// listEnders close a list of persons after a role word: what all of them
// are or do (均为, 共同, 分别).
var listEnders = newMatcher([]string{"均为", "均系", "均是", "均未", "均已", "均称", "均证实", "均表示", "共同", "分别", "系兄弟", "系姐妹", "系夫妻"})

// qaVerbsBefore take a person as object in a record of questions: 借给了,
// 听…说, 是…先动手.
var qaVerbsBefore = []string{"借给了", "交给了", "卖给了", "给了", "借给", "交给", "我听", "听", "是", "找了", "找", "叫了", "问过", "问", "我跟", "我和", "我与", "跟"}

// qaFollowers follow a person in an answer besides a person's deed: a
// copula, a preposition of giving or company, an adverb.
var qaFollowers = newMatcher([]string{"是", "给", "跟", "和我", "一起", "也", "都", "先", "就", "把", "说", "在"})

// qaNames reads names in the lines of a record of questions (问：, 答：):
// a surname of the table and two given characters that are no word,
// whose first two characters are no word either, after a verb that takes a
// person (答：借给了房东升, 我听乔建设说的) or at the line's start before
// what a person does (问：时国庆当时在不在场). The given part may be a
// word (建设, 国庆): the line is a person's account.
func (d *detector) qaNames() {
	t := d.t
	for j := 0; j+2 < t.n(); j++ {
		if !strings.ContainsRune("问答", t.rs[j]) || !strings.ContainsRune("：:", t.rs[j+1]) || j > 0 && t.han(j-1) {
			continue
		}
		for i := j + 2; i+3 <= t.n() && t.rs[i] != '\n' && !(i > j+2 && strings.ContainsRune("问答", t.rs[i]) && strings.ContainsRune("：:", t.rs[i+1])); i++ {
			// 答：那笔钱是…: a demonstrative and a measure word open no name.
			open := i == j+2 && !strings.ContainsRune("那这该此", t.rs[i]) && !strings.ContainsRune(classifiers+"笔件次天些样", t.rs[i+1])
			if !open {
				for _, v := range qaVerbsBefore {
					if strings.HasSuffix(t.str(max(j, i-4), i), v) {
						open = true
						break
					}
				}
			}
			if !open || surnameAt(t, i) != 1 || anyTaken(d.taken, i, i+3) || !allHan(t, i, i+3) || !validGiven(t, i+1, i+3) ||
				t.match(i, anyRole) >= 3 || anyWordAt(t, i, i+3) || strings.ContainsRune(orgEnds, t.rs[i+2]) {
				continue
			}
			// 借给了房东升。: a role word of two characters may start a name
			// that ends the clause; any other word starts none.
			if wordAt(t, i, i+2) && !(t.match(i, anyRole) == 2 && boundary(t, i+3) == 3) {
				continue
			}
			if !personRight(t, i+3, true) && boundary(t, i+3) < 3 && !strings.HasPrefix(t.rest(i+3), "当时") && t.match(i+3, qaFollowers) == 0 {
				continue
			}
			d.add(i, i+3, capPersonal)
		}
	}
}

// elderWords follow an old person's name as an honorific does (谯德明老人称).
var elderWords = []string{"老人", "老汉", "老太", "老伯", "大爷", "大娘"}

func hasPrefixIn(s string, words []string) bool {
	_, ok := hasPrefixAny(s, words)
	return ok
}

// trimFollowers ends a name of three characters before a follower it ran
// into (谈笑述称 is 谈笑 and 述称): the default reads the span when the
// dictionary lacks the name.
func (d *detector) trimFollowers() {
	t := d.t
	for i := range d.hits {
		h := &d.hits[i]
		if h.name == "" && h.end-h.start == 3 && t.match(h.end-1, provedFollowers) >= 2 && strings.ContainsRune("述诉辩", t.rs[h.end-1]) {
			d.taken[h.end-1] = false
			h.end--
		}
	}
}

// ownerFrames reads the holder of a registration: 在X名下 (登记在房东升名下),
// X of a surname and one or two characters, whatever words they make; an
// organisation (在金山区名下) or a pronoun (在其名下) is none.
func (d *detector) ownerFrames() {
	t := d.t
	for from := 0; ; {
		k := strings.Index(t.s[from:], "名下")
		if k < 0 {
			return
		}
		e := t.runeAt(from + k)
		from += k + len("名下")
		for _, n := range []int{3, 2} {
			s := e - n
			if s < 1 || t.rs[s-1] != '在' || anyTaken(d.taken, s, e) || !allHan(t, s, e) {
				continue
			}
			sur, _ := provedSurnameAt(t, s)
			if sur == 0 || e-s <= sur || !validGiven(t, s+sur, e) || strings.ContainsRune(orgEnds, t.rs[e-1]) || t.match(s, anyRole) >= n {
				continue
			}
			d.add(s, e, capPersonal)
			break
		}
	}
}

// skipDate returns where what follows a date at e starts (于2020年签订,
// 在2019年3月共同…), or e when no date stands there.
func skipDate(t *text, e int) int {
	k := e
	if k < t.n() && strings.ContainsRune("于在", t.rs[k]) {
		k++
	}
	start := k
	for k < t.n() && (isDigitRune(t.rs[k]) || strings.ContainsRune("年月日", t.rs[k])) {
		k++
	}
	if k == start || !strings.ContainsRune("年月日", t.rs[k-1]) {
		return e
	}
	return k
}

// Round 19: a word that is also a name in a role slot (原告章程不服…,
// 上诉人程序不服…, 申请人金融于2023年3月5日向本机关申请…, 登记人员甘露在登记簿上
// 签字, 原告章程、第三人高山均未到庭). The role word and a deed only a
// person does right after the word prove the name whatever word it is;
// the same word after a role word before anything else is the party's
// attribute (被告程序违法, 第三人安全生产许可证, 原告章程第十条, 保障证人安全).

// slotDeeds follow only a person in a party's or an official's slot.
var slotDeeds = newMatcher([]string{"诉称", "述称", "辩称", "证称", "上诉称", "答辩称", "陈述称", "起诉称", "申诉称", "不服", "到庭", "出庭", "未到庭", "未出庭", "作证", "当庭陈述", "当庭表示",
	"经本院", "经合法", "向本院", "向本机关", "向本府", "向法院", "向人民法院", "的委托", "的代理人", "的法定代理人", "之妻", "之夫", "之子", "之女", "之父", "之母"})

// signingDeeds close a clause of signing: 在登记簿上签字确认, 在笔录上捺印.
var signingDeeds = []string{"签字", "签名", "签署", "捺印", "按印", "盖章"}

// slotOwnNouns are words a role word qualifies that no deed makes a
// person: the party's side or body, its people and its things (被告单位不服,
// 原告方面辩称, 原告房屋于…, 原告申请出庭的证人, 原告陈述称).
var slotOwnNouns = newMatcher([]string{"单位", "公司", "方面", "代表", "全体", "双方", "员工", "职工", "集体", "房屋", "车辆", "律师", "代理", "委托",
	"监护", "同事", "邻居", "家属", "亲属", "本人", "法人", "股东", "村民", "承包", "经营", "申请", "陈述", "申诉", "答辩", "起诉", "上诉", "举报", "投诉", "证言", "证据"})

// slotDeedAfter reports whether what follows e is a deed only a person
// does in a role slot: a party's pleading or appearance (slotDeeds), a
// date and then what the person did to someone (于2023年3月5日向本机关…),
// signing a record (在登记簿上签字), or the next party of a list of parties
// (、第三人…).
func slotDeedAfter(t *text, e int) bool {
	if e >= t.n() {
		return false
	}
	if t.match(e, slotDeeds) > 0 {
		return true
	}
	// 第三人高山均未到庭, 上诉人程序亦不服: an adverb of the clause first.
	if strings.ContainsRune("均都亦也", t.rs[e]) && t.match(e+1, slotDeeds) > 0 {
		return true
	}
	switch t.rs[e] {
	case '诉': // 原告江山诉某县人民政府…一案: a case's title
		return e+1 < t.n() && !strings.ContainsRune("讼求", t.rs[e+1])
	case '于':
		k := e + 1
		for k < t.n() && (isDigitRune(t.rs[k]) || strings.ContainsRune("年月日号", t.rs[k])) {
			k++
		}
		return k > e+2 && k < t.n() && t.rs[k] == '向'
	case '在':
		end := min(t.n(), e+12)
		for k := e + 1; k < end && t.han(k); k++ {
			if t.match(k, signingMatcher) > 0 {
				return true
			}
		}
	case '、':
		if n, kind := roleAt(t, e+1); n > 0 && (kind == markParty || kind == markAgent) {
			return true
		}
	}
	return false
}

var signingMatcher = newMatcher(signingDeeds)

// wordInSlot reads a word of two characters right after a role word at j
// as a name when slotDeedAfter proves it: a noun, a place, an adjective or
// a rare verb (甘露), never a frequent verb, an adverb, a function word or
// a word of slotOwnNouns.
func wordInSlot(t *text, j int) int {
	e := j + 2
	if e > t.n() || !allHan(t, j, e) || surnameAt(t, j) != 1 || t.match(j, slotOwnNouns) == 2 || t.match(j, anyRole) > 0 {
		return 0
	}
	w, ok := t.word(j, e)
	// 驳回原告夏天的诉讼请求: a word of time before what only a party
	// has is the party's name, not when the party did something.
	if ok && w.pos == "t" && t.match(e, partyClaims) > 0 {
		return 2
	}
	if !ok || !slotDeedAfter(t, e) {
		return 0
	}
	switch {
	case strings.HasPrefix(w.pos, "nr"), nounPOS[w.pos], w.pos == "a", w.pos == "an":
	case verbLike(w.pos) && w.freq < 1000:
	default:
		return 0
	}
	return 2
}

// governedRole reports whether the role word ending at j is the object
// of a frequent verb (保障证人安全, 保护证人隐私): the role word and the
// word after it are then one thing the verb takes.
func governedRole(t *text, j int) bool {
	n := roleEndingAt(t, j)
	if n == 0 || j-n < 2 {
		return false
	}
	w, ok := t.word(j-n-2, j-n)
	return ok && verbLike(w.pos) && w.freq >= 1000
}

// slotAttribute reports whether a frequent word right after a role word
// (rs[j:e]) is the party's attribute, not its name: nothing a person does
// or is follows it (被告程序违法, 第三人安全生产许可证, 保障证人安全。).
func slotAttribute(t *text, j, e int) bool {
	if e-j != 2 {
		return false
	}
	w, ok := t.word(j, e)
	if !ok || w.freq < 1000 || strings.HasPrefix(w.pos, "nr") {
		return false
	}
	// 法定代理人高山，系原告之父; 收款人为成功，金额…: a header's or a
	// label's details after a comma.
	if e < t.n() && strings.ContainsRune("，,（(：:", t.rs[e]) {
		return false
	}
	// 第三人华夏、华山均为…: a list goes on, and its end says.
	return !slotDeedAfter(t, e) && t.match(e, provedFollowers) == 0 && !personRight(t, e, false) && !adverbDeed(t, e) && !gendered(t, e) && !listedName(t, e)
}

// listedName reports whether a list goes on at e with an item that opens
// as a name does (华夏、华山; not 安全和隐私).
func listedName(t *text, e int) bool {
	sep := listSep(t, e)
	return sep > 0 && surnameAt(t, e+sep) > 0
}

// partyClaims are what only a party has, after its name and 的: a word of
// time there is no time (驳回原告夏天的诉讼请求).
var partyClaims = newMatcher([]string{"的诉讼请求", "的起诉", "的上诉", "的上诉请求", "的复议申请", "的行政复议申请", "的再审申请", "的诉请", "的全部诉讼请求", "的其他诉讼请求"})
