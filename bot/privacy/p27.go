package privacy

import (
	"strings"
	"unicode/utf8"
)

// Round 27: names that start with no surname the census knows (Dai names
// 岩X and 玉X, Tibetan and Uyghur names outside the inventory, nicknames),
// read by the structure around them rather than by their characters; and
// places and firms the rules read as names.
//
// The structure is the same in every pass: a slot only a person fills (a
// person's role word, a list with a person in it, a boundary before a
// household's field) and, in it, a run of Chinese characters the
// dictionary cannot explain as ordinary words (slotRun). A run that opens
// with an ordinary word (证人证言, 原告诉称, 审判长宣布) is no slot.

// slotStops end a run in a slot: function characters, speech verbs and
// what follows a person's name (的, 说, 家), besides neverGiven.
const slotStops = "说称讲问答是系在于与和及等也均已未曾就将把被向对因的之所户家时后前经由给请叫则又还再便却才都亦有"

// slotStopSet is neverGiven and slotStops, but for 科, which
// transliterated names use (扎科尔, 科尔沁 aside: a word ends the run).
var slotStopSet = newRuneSet(strings.ReplaceAll(neverGiven, "科", "") + slotStops)

// slotCloses are the single characters a person's name may stand before
// at the end of a slot: the speech verbs and function characters of
// slotStops.
var slotCloses = newRuneSet(slotStops)

// slotPunct end a slot as a clause boundary or a list does.
const slotPunct = "，。；：、,;:！？!?（()）“”\"」「"

// ordinaryWordAt returns the end of the longest dictionary word of two
// characters or more at k that is no name reading (查明, 当庭, 人身), or 0.
func ordinaryWordAt(t *text, k int) int {
	end := 0
	t.words(k, func(j int, w word) {
		if w.freq >= 20 && !strings.HasPrefix(w.pos, "nr") {
			end = j
		}
	})
	return end
}

// commonWordAt reports whether a frequent word that names nothing (no
// place, no proper noun, no name) starts at k: 代表, 工作.
func commonWordAt(t *text, k int) bool {
	common := false
	t.words(k, func(_ int, w word) {
		if w.freq >= 1000 && w.pos != "ns" && w.pos != "nz" && !strings.HasPrefix(w.pos, "nr") {
			common = true
		}
	})
	return common
}

// slotRun returns the end of the run of unexplained characters at j, or
// j: it ends at punctuation, at a function character, at a word a person
// does (代签, 陈述) and at an ordinary word of two characters or more; an
// ordinary word at j itself ends it at once, unless whole (a list's
// member: 白马拉姆, where 白马 is a word) says the word is only the name's
// first part.
func (d *detector) slotRun(j int, whole bool) int {
	return d.slotRunTo(j, j+7, whole)
}

// slotRunOver is slotRun reading over names other passes read inside the
// run (泽郎翁 of 泽郎翁姆, 温坎 of 岩温坎): the slot says where the name
// starts and ends, and addOver puts the whole in their place.
func (d *detector) slotRunOver(j int, whole bool) int {
	saved := map[int]bool{}
	for k := j; k < d.t.n() && k < j+7; k++ {
		if d.taken[k] {
			saved[k] = true
			d.taken[k] = false
		}
	}
	e := d.slotRun(j, whole)
	for k := range saved {
		d.taken[k] = true
	}
	return e
}

// addOver adds [s, e) as a name in place of the hits inside it (absorb);
// hits that run past it, or carry a name of their own, keep theirs, and
// then nothing is added.
func (d *detector) addOver(s, e int, c capacity) bool {
	if d.isThing(hit{s, e, c, ""}, d.docRanges()) {
		return false
	}
	for _, h := range d.hits {
		if h.start < e && h.end > s {
			if h.start < s || h.end > e || h.name != "" {
				return false
			}
			// 欧建波释明后: a full name of a frequent surname opening the
			// slot is whole; what follows it is the sentence's. One
			// starting inside the slot is a misreading (马央措 of
			// 黑马央措).
			if r := surnameRank[d.t.rs[h.start]]; h.start == s && h.end-h.start >= 3 && surnameAt(d.t, h.start) == 1 && r > 0 && r <= 200 {
				return false
			}
		}
	}
	return d.absorb(s, e, c)
}

// docRanges returns the document numbers' ranges (docNumberRanges),
// computed once for the slots.
func (d *detector) docRanges() [][2]int {
	if d.docs == nil {
		d.docs = docNumberRanges(d.t)
		if d.docs == nil {
			d.docs = [][2]int{}
		}
	}
	return d.docs
}

// slotRunTo is slotRun stopping at limit at the latest.
func (d *detector) slotRunTo(j, limit int, whole bool) int {
	t := d.t
	k := j
	for k < t.n() && k < limit {
		if !t.han(k) || d.taken[k] || slotStopSet.has(t.rs[k]) || d.reserved != nil && d.reserved[k] {
			break
		}
		if k > j || !whole {
			if ordinaryWordAt(t, k) > 0 || t.match(k, personVerbMatcher) >= 2 {
				break
			}
		}
		// A whole member may open with a word that names (白马 of
		// 白马拉姆), not with a frequent common one (代表仲某 after 村民).
		if k == j && whole && commonWordAt(t, k) {
			break
		}
		// 被告查明, 被告宁可错拆: a frequent word jieba tags as a name
		// opens no slot.
		if k == j && !whole && frequentWordAt(t, k, k+2, 300) {
			break
		}
		k++
	}
	return k
}

// slotEnds27 reports whether what stands at e closes a person's name: a
// clause boundary, the end of the text, a person's deed or speech.
func slotEnds27(t *text, e int) bool {
	if e >= t.n() || !t.han(e) {
		return e >= t.n() || strings.ContainsRune(slotPunct, t.rs[e])
	}
	if slotCloses.has(t.rs[e]) {
		return true
	}
	return t.match(e, personVerbMatcher) >= 2 || t.match(e, followerMatcher) >= 2
}

// slotNameRun reports whether rs[s:e] may be a name written without a
// known surname: two to six characters, no ordinary word as a whole, no
// numeral and classifier (三户, 两名), no place or firm ending after it
// (勐罕镇: the stop already ends it), and not a form of address of a
// surname the titles read (老李, 小王: titled.go).
func slotNameRun(t *text, s, e int) bool {
	return slotNameRunMin(t, s, e, -12, 2)
}

// slotNameRunMin is slotNameRun with the score a character must reach
// (min) and the score per character the run must reach: a list with a
// person in it says more than a role word does, so its members may hold
// characters of Tibetan names words use more (央措).
func slotNameRunMin(t *text, s, e, min, per int) bool {
	if e-s < 2 || e-s > 6 {
		return false
	}
	if w, ok := t.word(s, e); ok && (!strings.HasPrefix(w.pos, "nr") || w.freq >= 300) {
		return false
	}
	// 曼迈寨寨老: a village's character (寨, 屯, 坝) names a place.
	for k := s; k < e; k++ {
		if strings.ContainsRune(placeOnlyChars, t.rs[k]) {
			return false
		}
	}
	// 格朗和乡: a conjunction that a township's or a village's character
	// follows ends the place's name, not a person's.
	if e+1 < t.n() && strings.ContainsRune("和与及", t.rs[e]) && strings.ContainsRune("乡镇村寨县", t.rs[e+1]) {
		return false
	}
	// 暂扣, 签批, 按月, 代耕: a verb, a preposition or an adverb of one
	// character each is the party's deed; the characters of a name are
	// likelier in names than in words (岩依坎, 格绒泽仁, 通雄).
	sum := 0
	for k := s; k < e; k++ {
		g := t.d.givenScore(t.rs[k])
		if g < min {
			return false
		}
		sum += g
	}
	if sum < per*(e-s) {
		return false
	}
	if strings.ContainsRune(numerals, t.rs[s]) && strings.ContainsRune(classifiers, t.rs[s+1]) {
		return false
	}
	if e-s == 2 && strings.ContainsRune("老小大", t.rs[s]) && surnameSet.has(t.rs[s+1]) {
		return false
	}
	// 老三一家: a birth rank alone is how the family calls a sibling,
	// many share it.
	if t.match(s, birthRanks) == e-s {
		return false
	}
	if e < t.n() && orgEndingAt(t, e) {
		return false
	}
	// A place the list of cities holds (延边, 玉溪 is not there but
	// ends in no name either way).
	if placeSpan(t, s, e) {
		return false
	}
	return true
}

// crossedIntoRole reports whether the role word ending at j is the start
// of a longer word (老板娘, 员工宿舍): no slot opens after it.
func crossedIntoRole(t *text, j, n int) bool {
	for a := j - n; a < j; a++ {
		crossed := false
		t.words(a, func(e int, w word) {
			if e > j && w.freq >= 20 {
				crossed = true
			}
		})
		if crossed {
			return true
		}
	}
	return false
}

// roleEnds27 are the last characters of the role words, the agent nouns
// (人, 员, 方) and the birth ranks: a slot opens only after one.
var roleEnds27 = func() runeSet {
	var b strings.Builder
	for _, l := range roleWords {
		for _, w := range l {
			r := []rune(w)
			b.WriteRune(r[len(r)-1])
		}
	}
	b.WriteString("人员方大二三四五六七八幺小")
	return newRuneSet(b.String())
}()

// birthRanks name a sibling by their rank (老二通雄, 老三岩光): a person's
// slot as a kin word is.
var birthRanks = newMatcher([]string{"老大", "老二", "老三", "老四", "老五", "老六", "老七", "老八", "老幺", "老小"})

// roleSlots reads the name in a person's role slot that no surname opens
// (证人岩依坎当庭陈述, 审判长格绒泽仁，, 村民小组长岩庄代签, 老二通雄，).
func (d *detector) roleSlots() {
	t := d.t
	for j := 1; j < t.n(); j++ {
		// A name read already at j may be a part of the slot's (泽郎翁 of
		// 泽郎翁姆): addOver widens it.
		if !t.han(j) || d.taken[j] && !d.hitStartsAt(j) {
			continue
		}
		if !roleEnds27.has(t.rs[j-1]) {
			continue
		}
		n, kind := roleEnding(t, j)
		if n == 0 && j >= 2 && t.match(j-2, birthRanks) == 2 {
			n, kind = 2, markKin
		}
		if n == 0 || kind == markBoundary || kind == markLabel {
			continue
		}
		// 证人老幺岩罕: a birth rank after the role word opens its own
		// slot, read at the next position.
		if crossedIntoRole(t, j, n) || t.match(j, birthRanks) == 2 {
			continue
		}
		// 法制审核人员为宋某: the copula after the role word is no part of
		// the name read after it (p32).
		if strings.ContainsRune("为是系即", t.rs[j]) && d.hitStartsAt(j+1) {
			continue
		}
		e := d.slotRunOver(j, false)
		if !slotNameRun(t, j, e) || !slotEnds27(t, e) {
			continue
		}
		c := capPersonal
		if kind == markOfficial {
			c = capOfficial
		}
		d.addOver(j, e, c)
	}
}

// maskedEndingAt returns where a name already masked ending at e starts
// (王某, 岩某乙, 张某1), or -1.
func maskedEndingAt(t *text, e int) int {
	k := e
	for k > 0 && (t.rs[k-1] >= '0' && t.rs[k-1] <= '9' || strings.ContainsRune(stemRunes, t.rs[k-1])) && k > e-2 {
		k--
	}
	if k < 2 || t.rs[k-1] != '某' {
		return -1
	}
	s := k - 1
	for s > 0 && k-1-s < 2 && t.han(s-1) && t.rs[s-1] != '某' && surnameSet.has(t.rs[s-1]) {
		s--
	}
	if s == k-1 {
		return -1
	}
	return s
}

// hitInMember reports whether the member of a list ending at e, between
// two separators, holds a name read inside it (玉应叫 read as 玉应 before
// 叫): the member is a person.
func (d *detector) hitInMember(e int) bool {
	t := d.t
	s := e
	for s > 0 && s > e-4 && t.han(s-1) && listSep27(t, s-1) == 0 {
		s--
	}
	if s == e || s == 0 || listSep27(t, s-1) == 0 {
		return false
	}
	for _, h := range d.hits {
		if h.start >= s && h.end <= e && h.end-h.start >= 2 {
			return true
		}
	}
	return false
}

// maskedMemberEndingAt reports whether a masked member of a list ends at
// e: 玉某叫 between two separators.
func maskedMemberEndingAt(t *text, e int) bool {
	s := e
	for s > 0 && s > e-4 && t.han(s-1) && listSep27(t, s-1) == 0 {
		s--
	}
	return s < e && s > 0 && listSep27(t, s-1) > 0 && strings.ContainsRune(t.str(s, e), '某') && t.rs[s] != '某'
}

// stemRunes number people who mask alike (张某甲, 张某乙).
const stemRunes = "甲乙丙丁戊己庚辛壬癸"

// hitEndingAt and hitStartingAt find a name the passes read.
func (d *detector) hitEndingAt(e int) bool {
	for _, h := range d.hits {
		if h.end == e {
			return true
		}
	}
	return false
}

func (d *detector) hitStartsAt(s int) bool {
	_, ok := d.hitStartingAt(s)
	return ok
}

func (d *detector) hitStartingAt(s int) (int, bool) {
	for _, h := range d.hits {
		if h.start == s {
			return h.end, true
		}
	}
	return 0, false
}

// listSep27 returns the length of a separator between two persons: 、,
// or 和, 与, 及 between two members.
func listSep27(t *text, j int) int {
	if j >= t.n() {
		return 0
	}
	if strings.ContainsRune("、和与及", t.rs[j]) {
		return 1
	}
	return 0
}

// listSiblings reads the other members of a list one of whose members is
// a person, masked or read (人民陪审员王某、白马拉姆; 监督员杨某、四郎甲措
// 检查时; 原告岩某、玉某叫、岩罕经济损失): a member of two to six
// characters the dictionary cannot explain as one ordinary word, a place
// or a firm is a person too. A whole member beats a word reading: 白马 is
// a word, 白马拉姆 a name.
func (d *detector) listSiblings() {
	t := d.t
	for p := 1; p+1 < t.n(); p++ {
		sep := listSep27(t, p)
		if sep == 0 {
			continue
		}
		person := d.hitEndingAt(p) || maskedEndingAt(t, p) >= 0 || maskedMemberEndingAt(t, p) || d.hitInMember(p)
		if !person {
			continue
		}
		q := p + sep
		for q < t.n() {
			if !t.han(q) {
				break
			}
			// 妻子甘秀英, 乙方查东升: a member opening with a role word is
			// read by the role word's own pass.
			if n, _ := roleAt(t, q); n > 0 {
				break
			}
			if end, ok := d.hitStartingAt(q); ok {
				q = end
			} else if maskedStartingAt(t, q) > 0 {
				q += maskedStartingAt(t, q)
			} else {
				e := d.slotRunOver(q, true)
				if !slotNameRunMin(t, q, e, -20, -8) || !slotEnds27(t, e) || !memberShaped(t, q, e) {
					break
				}
				if !d.addOver(q, e, capPersonal) {
					break
				}
				q = e
			}
			s := listSep27(t, q)
			if s == 0 {
				break
			}
			q += s
		}
	}
}

// maskedStartingAt returns the length of a masked member at s (王某,
// 岩某乙, 玉某叫: a Dai name keeps its last character), up to the next
// separator or the clause's end, or 0.
func maskedStartingAt(t *text, s int) int {
	e := s
	for e < t.n() && e < s+5 && t.han(e) && listSep27(t, e) == 0 {
		e++
	}
	if !strings.ContainsRune(t.str(s, e), '某') || t.rs[s] == '某' {
		return 0
	}
	if e < t.n() && t.han(e) {
		// 王某经济损失: stop after 某 and what numbers it.
		k := s
		for k < e && t.rs[k] != '某' {
			k++
		}
		k++
		if k < t.n() && (strings.ContainsRune(stemRunes, t.rs[k]) || t.rs[k] >= '0' && t.rs[k] <= '9') {
			k++
		}
		return k - s
	}
	return e - s
}

// memberShaped reports whether a list member may be a person: no
// dictionary word covers it with a thing's part of speech (白银, 医疗费,
// 公安), no place (ns) as a whole, and the characters are no numeral.
func memberShaped(t *text, s, e int) bool {
	// 老张和陈姐: a surname and a form of address stay (titled.go).
	if e-s == 2 && surnameSet.has(t.rs[s]) && strings.ContainsRune("哥姐叔嫂婶姨伯爷", t.rs[s+1]) {
		return false
	}
	if w, ok := t.word(s, e); ok && !strings.HasPrefix(w.pos, "nr") {
		return false
	}
	// 黄金、白银和钻石: every part an ordinary word.
	k := s
	for k < e {
		w := ordinaryWordAt(t, k)
		if w == 0 || w > e {
			break
		}
		k = w
	}
	if k == e {
		return false
	}
	for i := s; i < e; i++ {
		if strings.ContainsRune(numerals, t.rs[i]) && i == s && e-s <= 2 {
			return false
		}
	}
	return true
}

// householdHeads reads the head of a household named in a land boundary
// by what the household owns (西至岩依坎家玉米地, 北至莫老四家的鱼塘): a
// boundary word, two to four characters, 家, 的 perhaps, and a field,
// a house or a pond. One character and 家 (韦家祠堂, 王家坝, 张家口) is a
// clan or a place, and stays.
func (d *detector) householdHeads() {
	t := d.t
	if !strings.Contains(t.s, "家") {
		return
	}
	for j := 2; j+2 < t.n(); j++ {
		if t.rs[j+2] != '家' && (j+3 >= t.n() || t.rs[j+3] != '家') && (j+4 >= t.n() || t.rs[j+4] != '家') {
			continue
		}
		if n, kind := roleEnding(t, j); n == 0 || kind != markBoundary {
			continue
		}
		for l := 4; l >= 2; l-- {
			g := j + l
			if g+1 >= t.n() || t.rs[g] != '家' || !allHan(t, j, g) {
				continue
			}
			k := g + 1
			if t.rs[k] == '的' {
				k++
			}
			if !ownedAt(t, k) {
				continue
			}
			ok := true
			for i := j; i < g; i++ {
				if slotStopSet.has(t.rs[i]) {
					ok = false
				}
			}
			if !ok || !slotNameRun(t, j, g) || ordinaryWordAt(t, j) >= g || ordinaryWordAt(t, j) > 0 && surnameAt(t, j) == 0 {
				continue
			}
			if d.addOver(j, g, capPersonal) {
				break
			}
		}
	}
}

// ownedAt reports whether a household's field, house or pond is named at
// k: a possession of the boundary's list, or a noun of the dictionary
// ending in a land character (玉米地, 橡胶林, 茶园).
func ownedAt(t *text, k int) bool {
	if t.match(k, possessionMatcher) > 0 {
		return true
	}
	for l := 4; l >= 2; l-- {
		if k+l > t.n() || !allHan(t, k, k+l) {
			continue
		}
		if strings.ContainsRune(landChars+"房屋棚圈舍墙", t.rs[k+l-1]) {
			if w, ok := t.word(k, k+l-1); ok && nounPOS[w.pos] || ok && w.freq >= 100 {
				return true
			}
		}
	}
	return false
}

// nicknameQuotes reads a nickname in quotes named as a person (管家“小巴桑”
// 询问, 由“阿香”代收): 老, 小 or 阿 and one to three characters, quoted
// whole, after a person's noun or before a person's deed.
func (d *detector) nicknameQuotes() {
	t := d.t
	for j := 0; j+3 < t.n(); j++ {
		if !strings.ContainsRune("“「", t.rs[j]) || !strings.ContainsRune("老小阿", t.rs[j+1]) {
			continue
		}
		c := j + 2
		for c < t.n() && c <= j+5 && t.han(c) {
			c++
		}
		if c >= t.n() || c-j-1 < 2 || c-j-1 > 4 || !strings.ContainsRune("”」", t.rs[c]) {
			continue
		}
		s, e := j+1, c
		if d.taken[s] || t.reservedIn(s, e) || !validGiven(t, s+1, e) {
			continue
		}
		if w, ok := t.word(s, e); ok && !strings.HasPrefix(w.pos, "nr") {
			continue // “老大难”, “小区”
		}
		person := roleEndingAt(t, j) > 0 || personNounBefore(t, j)
		after := c + 1
		if !person && (after >= t.n() || !(t.match(after, personVerbMatcher) >= 2 || t.match(after, followerMatcher) >= 2)) {
			continue
		}
		// “老海羊杂碎”: a shop's name runs on inside the quote; the quote
		// holds the nickname alone here.
		d.addOver(s, e, capPersonal)
	}
}

// personNounBefore reports whether a noun of a person's occupation ends
// at j (管家, 店员, 服务员, 泥水匠): a word of the dictionary ending in 家,
// 员, 工, 师, 手 or 匠 that is a noun.
func personNounBefore(t *text, j int) bool {
	for l := 2; l <= 3; l++ {
		if j-l < 0 {
			continue
		}
		if w, ok := t.word(j-l, j); ok && w.pos == "n" && strings.ContainsRune("家员工师手匠", t.rs[j-1]) {
			return true
		}
	}
	return false
}

// thing27 reports whether a hit is a place or a group the rules read as
// a name: a place of origin before 籍 (玉溪籍的李某), a village named after
// a clan and a landform (石家坳), a quoted name before 组 or 社 (“阿莫洛”组),
// a pasture's name running into 草场 (查干敖包草场), a word cut across
// (民宿管家 read as 宿管家).
func thing27(t *text, h hit) bool {
	s, e := h.start, h.end
	if e-s >= 3 && t.rs[e-1] == '籍' {
		return true
	}
	if e < t.n() && t.rs[e] == '籍' && (e+1 >= t.n() || t.rs[e+1] != '贯') {
		return true
	}
	if e-s == 3 && t.rs[s+1] == '家' && strings.ContainsRune(placeOnlyChars+"坳", t.rs[s+2]) {
		return true
	}
	// 证人证言, 鉴定人鉴定: a word opening with the role word's own
	// character is what the role gives or does, not a name.
	if n := roleEndingAt(t, s); n > 0 {
		if w, ok := t.word(s, e); ok && e-s == 2 && t.rs[s] == t.rs[s-n] && !strings.HasPrefix(w.pos, "nr") {
			return true
		}
		return false
	}
	// 高力板草场东至…: a pasture's name opening the clause.
	if s == 0 || strings.ContainsRune(slotPunct+"\n\r\t 。", t.rs[s-1]) {
		if _, ok := hasPrefixAny(t.rest(e), pastureNouns); ok {
			return true
		}
	}
	// A quoted group or a pasture: the quote closes, or the run goes on
	// two characters at most, before what names a place.
	for k := e; k < t.n() && k <= e+2; k++ {
		if strings.ContainsRune("”」", t.rs[k]) {
			if k+1 < t.n() && strings.ContainsRune("组社队", t.rs[k+1]) && ordinaryWordAt(t, k+1) == 0 && insideQuote(t, s) {
				return true
			}
			break
		}
		if !t.han(k) || slotStopSet.has(t.rs[k]) {
			break
		}
		if k > e {
			if _, ok := hasPrefixAny(t.rest(k), pastureNouns); ok {
				return true
			}
		}
	}
	// 民宿管家: the span is glued to the word before it and the rest is a
	// noun of a person's occupation, which no given name is.
	if s > 0 && e-s == 3 && t.han(s-1) {
		if w, ok := t.word(s+1, e); ok && w.pos == "n" && w.freq >= 100 && strings.ContainsRune("家员工师手", t.rs[e-1]) {
			return true
		}
	}
	return false
}

// pastureNouns follow the name of a pasture or a field (查干敖包草场).
var pastureNouns = []string{"草场", "牧场", "草牧场", "草地", "草原", "地块"}

// placeBefore returns the length of a place written right before s (延边,
// 黄山), or 0.
func placeBefore(t *text, s int) int {
	for l := 4; l >= 2; l-- {
		if s-l >= 0 && placeAt(t, s-l) == l {
			return l
		}
	}
	return 0
}

var _ = utf8.RuneCountInString

// speechWords are what a speaker says at a clause's start (进货时吐尔洪说):
// one character of speech, unless it opens a longer word (说明, 称为), or
// a verb of telling.
var speechWords = newMatcher([]string{"说", "称", "讲", "告诉", "表示", "讲述", "介绍"})

// familyWords follow the head of a household or of a couple named at a
// clause's start or after a verb of seeing (即见通榜一家在该林地…).
var familyWords = newMatcher([]string{"一家", "一户", "全家", "夫妇", "夫妻", "两口子", "父子", "母子", "父女", "母女", "兄弟", "姐妹"})

// seeingBefore open the slot of a person seen or dealt with before a
// household's word: 见, 看见, 看到, 发现, 由, 与, 和, 帮, 替, 给.
const seeingBefore = "见到现由与和帮替给"

// clauseSlots reads a name no surname opens at a clause's start before a
// speech verb (，进货时吐尔洪说是…) or before a household's word after a
// verb of seeing (即见通榜一家), and between 代 and 签 (马福林代卓玛签):
// frames only a person fills, with a run of characters likelier in names
// than in words (slotNameRun).
func (d *detector) clauseSlots() {
	t := d.t
	for e := 2; e < t.n(); e++ {
		if !t.han(e) || d.taken[e] || !t.han(e-1) {
			continue
		}
		speech := t.match(e, speechWords) > 0 && ordinaryWordAt(t, e) <= e+t.match(e, speechWords)
		family := t.match(e, familyWords) > 0
		sign := t.rs[e] == '签' && !d.taken[e-1]
		if !speech && !family && !sign {
			continue
		}
		for l := 6; l >= 2; l-- {
			s := e - l
			if s < 0 || d.slotRunTo(s, e, false) != e || !slotNameRun(t, s, e) {
				continue
			}
			opens := s == 0 || strings.ContainsRune(slotPunct+"\n\r\t", t.rs[s-1])
			// Before speech or a household's word the run must end where
			// the verb starts (说 is no part of the name); before 签 the
			// character may run on (签 alone is no stop).
			if !sign && d.slotRun(s, false) != e {
				continue
			}
			switch {
			case sign:
				opens = s > 0 && t.rs[s-1] == '代'
			case speech:
				// 进货时, 当天下午…: a time clause closed by 时 or 后.
				opens = opens || s >= 2 && strings.ContainsRune("时后", t.rs[s-1]) && t.han(s-2)
			case family:
				opens = opens || s > 0 && strings.ContainsRune(seeingBefore, t.rs[s-1])
			}
			if opens && d.addOver(s, e, capPersonal) {
				break
			}
		}
	}
}

// kinChars27 are the kin characters 阿 makes a form of address with.
const kinChars27 = "婆公爸妈爹娘哥姐弟妹叔伯嫂姨爷奶舅婶姑嬷"

// ahNicknames reads 阿 and one given-name character as a nickname where
// the sentence goes on as after a person (当晚是阿刚先动手, 由阿珍代收):
// 阿 opens no word there (阿姨, 阿富汗 are words; 阿坝 a place), the
// character is far likelier in names than in words, and what follows
// closes a name (a function character, a deed, punctuation).
func (d *detector) ahNicknames() {
	t := d.t
	for j := 0; j+2 <= t.n(); j++ {
		if t.rs[j] != '阿' || !t.han(j+1) || d.taken[j] || d.taken[j+1] || t.reservedIn(j, j+2) {
			continue
		}
		if j > 0 && t.han(j-1) && !strings.ContainsRune(functionChars+slotStops, t.rs[j-1]) && roleEndingAt(t, j) == 0 && t.match(j-2, birthRanks) == 0 {
			continue // 马阿刚 is read as a name with its surname
		}
		opens := false
		t.words(j, func(int, word) { opens = true })
		// 阿婆, 阿爸, 阿叔: 阿 before a kin character is a form of address
		// many share.
		if opens || strings.ContainsRune(kinChars27, t.rs[j+1]) || placeSpan(t, j, j+2) || t.match(j, minorityMatcher) > 0 || t.d.givenScore(t.rs[j+1]) < 10 || neverGivenSet.has(t.rs[j+1]) {
			continue
		}
		e := j + 2
		if !nicknameClosed(t, e) {
			continue
		}
		// A function character after the pair may open a word (先后, 就是
		// are fine): what follows is read as the sentence's.
		d.addOver(j, e, capPersonal)
	}
}

// listSiblingsBefore reads the members before a person in a list
// (证人白马拉姆、王某均证实; 格桑央宗与王某系夫妻): the member opens after a
// role word, punctuation or another separator, and is shaped as
// listSiblings asks. The list is read from its end, so that a member read
// makes the one before it a sibling too.
func (d *detector) listSiblingsBefore() {
	t := d.t
	for p := t.n() - 2; p > 1; p-- {
		if listSep27(t, p) == 0 || !t.han(p-1) {
			continue
		}
		q := p + 1
		if !d.hitStartsAt(q) && maskedStartingAt(t, q) == 0 {
			continue
		}
		for l := 6; l >= 2; l-- {
			s := p - l
			if s < 0 {
				continue
			}
			opens := s == 0 || roleEndingAt(t, s) > 0 || strings.ContainsRune(slotPunct+"\n\r\t", t.rs[s-1]) || listSep27(t, s-1) > 0
			if !opens || d.slotRunOver(s, true) != p || !slotNameRunMin(t, s, p, -20, -8) || !memberShaped(t, s, p) {
				continue
			}
			if n, _ := roleAt(t, s); n > 0 {
				continue
			}
			if d.addOver(s, p, capPersonal) {
				break
			}
		}
	}
}

// nicknameClosed reports whether a nickname may end at e: what closes a
// name, a person's deed, or an adverb before one (先动手, 又说).
func nicknameClosed(t *text, e int) bool {
	if e >= t.n() || !t.han(e) || slotEnds27(t, e) || t.match(e, personVerbMatcher) > 0 {
		return true
	}
	return strings.ContainsRune("先又只刚", t.rs[e])
}

// brotherNicknames reads X哥 and X姐, a given-name character and the
// form of address, where a clause says a person (当晚是强哥先动的手,
// 据其陈述梅姐当天在收银台): the pair is no word (大哥, 表姐, 空姐), the
// character is no rank or kin character and is likelier in names than in
// words, a clause's start, a function character or a list stands before
// it and a name's close after it.
func (d *detector) brotherNicknames() {
	t := d.t
	for j := 1; j+2 <= t.n(); j++ {
		if (t.rs[j+1] != '哥' && t.rs[j+1] != '姐') || !t.han(j) || d.taken[j] || d.taken[j+1] || t.reservedIn(j, j+2) {
			continue
		}
		// 陈姐, 王哥: a surname and the form of address stay, a form many
		// share (titled.go).
		if strings.ContainsRune("大二三四五六七八九老小表堂亲师空嫂姐哥弟妹", t.rs[j]) || surnameSet.has(t.rs[j]) || t.d.givenScore(t.rs[j]) < 10 || neverGivenSet.has(t.rs[j]) {
			continue
		}
		if _, ok := t.word(j, j+2); ok {
			continue
		}
		// A word ending at j+1 (帅哥) or running over the pair is the word's.
		if j > 0 && t.han(j-1) && anyWordAt(t, j-1, j+1) {
			continue
		}
		before := !t.han(j-1) || strings.ContainsRune(slotStops+functionChars, t.rs[j-1]) || roleEndingAt(t, j) > 0
		if !before || !nicknameClosed(t, j+2) {
			continue
		}
		d.addOver(j, j+2, capPersonal)
	}
}
