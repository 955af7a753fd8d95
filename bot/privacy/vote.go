package privacy

import "strings"

// The second opinion. The rules of the passes before (role words, labels,
// frames, the default's cut) share one blind spot: a given name that is an
// everyday word (时光, 宁静, 温暖) with no marker before it. This source
// does not ask what word a span is; it asks what the sentence does with it
// and how likely its characters are as a given name, from the name table
// the dictionary is built with (dict.go's given-name statistics):
//
//   - subject: a surname and one or two characters opening a clause,
//     followed at once by an adverbial (于+time, 将, 多次, 当场…) that leads
//     to a deed only a person does in the same clause (报案, 购买, 告知…),
//     whose given part scores as a given name at least as often as a word;
//   - siblings: two or more items of a 、-list, each a surname and two
//     characters, all with the same surname and none a word or a place;
//   - marked list: a list after a role word, one of whose items is
//     already a name: every item of a name's shape is a person, whatever
//     word it is (工作人员向前、路遥).
//
// go-ego/gse offers no other evidence of this kind: its part-of-speech
// cut (hmm/pos) runs its HMM only over runs of characters its dictionary
// cannot cover and tags every dictionary word with the dictionary's own
// tag, which is the jieba dictionary embedded here (dict.go). A given name
// that is a word (时光, n) would come back tagged as the word, the very
// blind spot this source is for; so it is not a dependency.
//
// The vote, where the two sources disagree: a span this source proposes
// and the rules left alone becomes a name, because each proposal needs
// two independent cues (the sentence's structure and the name statistics,
// or a coordination with a name); but every guard of the rules (an
// organisation's ending, a thing, a place, a masked form, a statute)
// still runs after it and vetoes it (dropThings), so a proposal never
// overrides a guard. Where the rules found a name this source has no
// opinion on, the rules' name stands; where the statistics contradict a
// name the rules read from a clause's frame alone, the word stays
// (voteVeto).

// subjectOpeners follow a clause's subject before its deed.
var subjectOpeners = newMatcher([]string{
	"于", "将", "多次", "曾", "曾经", "已", "遂", "即", "当即", "当场", "当庭", "当晚", "当天", "当日", "次日", "随后", "又", "也", "一直", "先后",
	"主动", "自愿", "再次", "擅自", "私自", "长期", "经常", "因", "在", "向", "到", "从",
})

// subjectDeeds are deeds only a person (or a body of people) does.
var subjectDeeds = newMatcher([]string{
	"报案", "报警", "购买", "购得", "承租", "租赁", "出租", "转租", "转让", "转包", "取得", "告知", "签订", "签署", "签字", "签名", "捺印",
	"申请", "提出", "提交", "提起", "起诉", "上访", "信访", "反映", "投诉", "举报", "控告", "缴纳", "借款", "借用", "经营", "驾驶", "驾车",
	"搭建", "建造", "修建", "新建", "扩建", "外出", "务工", "打工", "结婚", "离婚", "出生", "去世", "病故", "死亡", "到庭", "出庭", "到场",
	"居住", "前往", "来到", "返回", "拒绝", "承认", "同意", "表示", "认为", "陈述", "声称", "要求", "委托", "雇请", "雇佣", "聘请", "收到",
	"领取", "交纳", "交付", "付清", "还款", "承包", "耕种", "种植", "养殖", "砍伐", "开采", "开挖", "拆除", "殴打", "辱骂", "报名", "登记",
})

// subjectWindow is how far into a clause its deed may stand (时光于2022年
// 取得…, 夏天将事发经过告知了村委会).
const subjectWindow = 16

// voteSubjects proposes the subject of a person's deed at a clause's
// start.
func (d *detector) voteSubjects() {
	t := d.t
	for s := 0; s+2 < t.n(); s++ {
		if d.taken[s] || (s > 0 && t.han(s-1)) || surnameAt(t, s) != 1 {
			continue
		}
		// The shorter cut first: 宁静/于当日 before 宁静于/当日.
		for _, n := range []int{2, 3} {
			e := s + n
			if e >= t.n() || !hanRun(t, s, e) || d.taken[e-1] || t.match(e, subjectOpeners) == 0 {
				continue
			}
			if d.subjectName(s, e) && personDeedAhead(t, e) && !timeBeforeTense(t, s, e) {
				d.add(s, e, capNeutral)
			}
			break
		}
	}
}

// voteTranslitSubjects proposes a transliterated name with no surname at a
// clause's start before a person's deed (乌力吉图驾驶…, 格日勒图系该嘎查牧民,
// 阿不都热依木在该市场经营…): three to six transliteration characters, no
// dictionary word and no reserved place (乌兰察布, 呼和浩特), then an opener,
// 系 or the deed itself.
func (d *detector) voteTranslitSubjects() {
	t := d.t
	for s := 0; s+3 < t.n(); s++ {
		if (s > 0 && t.han(s-1)) || d.taken[s] || !translitSet.has(t.rs[s]) {
			continue
		}
		n := 0
		for n < 7 && s+n < t.n() && translitSet.has(t.rs[s+n]) {
			n++
		}
		for ; n >= 3; n-- {
			e := s + n
			if e >= t.n() || n > 6 || d.taken[e-1] || d.blocked(s, e) {
				continue
			}
			if _, ok := t.word(s, e); ok {
				continue
			}
			if commonPairIn(t, s, e) {
				continue // 年合法建造, 西班牙…: an everyday word inside
			}
			next := t.match(e, subjectOpeners) > 0 || t.match(e, subjectDeeds) > 0 || t.rs[e] == '系'
			if next && personDeedAhead(t, e) || t.match(e, subjectDeeds) > 0 {
				d.add(s, e, capNeutral)
				s = e
				break
			}
		}
	}
}

// foreignHonorifics follow a foreigner's family name written in Chinese
// (威尔逊女士, 布朗先生, 安德森夫人).
var foreignHonorifics = newMatcher([]string{"先生", "女士", "夫人", "小姐", "太太"})

// voteTranslitTitled proposes a transliterated family name right before an
// honorific (提交了威尔逊女士出具的…, 经询问，布朗先生表示…): two to five
// transliteration characters back from the honorific, no everyday word
// among them (青年女士, 各位先生 stay), the longest such run first. The
// honorific says a person, the characters say a foreign name; nothing
// else in the clause need say more.
func (d *detector) voteTranslitTitled() {
	t := d.t
	for h := 2; h+1 < t.n(); h++ {
		if t.match(h, foreignHonorifics) == 0 || d.taken[h-1] {
			continue
		}
		// 山田先生, 中村女士: a Japanese family name in kanji before the
		// honorific, where no longer word ends (高山田 is no 山田).
		if jp := japaneseBefore(t, h); jp > 0 && !anyTaken(d.taken, h-jp, h) && !d.blocked(h-jp, h) {
			d.add(h-jp, h, capNeutral)
			continue
		}
		s := h
		for s > 0 && h-s < 5 && translitSet.has(t.rs[s-1]) && !d.taken[s-1] {
			s--
		}
		for ; h-s >= 2; s++ {
			// 摩根先生, 摩尔女士: a proper noun of transliterated
			// characters (nz) before the honorific is the person's
			// family name, as a name's tag (nr) is.
			if w, ok := t.word(s, h); ok && !strings.HasPrefix(w.pos, "nr") && w.pos != "nz" {
				continue
			}
			if everydayPairIn(t, s, h) || d.blocked(s, h) {
				continue
			}
			d.add(s, h, capNeutral)
			break
		}
	}
}

// japaneseBefore returns the length of a Japanese family name ending
// right before h and opening where no other name or word runs into it, or
// 0.
func japaneseBefore(t *text, h int) int {
	for n := 3; n >= 2; n-- {
		s := h - n
		if s < 0 || t.match(s, japaneseMatcher) != n {
			continue
		}
		// 王中村先生 is a Chinese name's end: before the family name only
		// punctuation or a function character (据, 与, 向, 经).
		if s > 0 && t.han(s-1) && (anyWordAt(t, s-1, s+1) || !strings.ContainsRune(functionChars+"据经问时", t.rs[s-1])) {
			continue
		}
		return n
	}
	return 0
}

// everydayPairIn is commonPairIn without the names the dictionary holds
// (布朗 is a name, 青年 a word).
func everydayPairIn(t *text, s, e int) bool {
	for k := s; k+2 <= e; k++ {
		if w, ok := t.word(k, k+2); ok && w.freq >= 300 && !strings.HasPrefix(w.pos, "nr") {
			return true
		}
	}
	return false
}

// commonPairIn reports whether a frequent two-character word stands inside
// rs[s:e]: transliterated names are built of characters that rarely pair
// into everyday words.
func commonPairIn(t *text, s, e int) bool {
	for k := s; k+2 <= e; k++ {
		if w, ok := t.word(k, k+2); ok && w.freq >= 300 {
			return true
		}
	}
	return false
}

// subjectName reports whether rs[s:e] may be a surname and a given name
// by the statistics: the given part no function word, verb or number, and
// its characters at least as likely in names as in words.
func (d *detector) subjectName(s, e int) bool {
	t := d.t
	if w, ok := t.word(s, e); ok && (!nounish(w.pos) || w.pos == "n" && w.freq >= 1000) {
		// 程序, 时期: a frequent plain noun is the thing it names.
		return false
	}
	// 房东, 车主: a role word is the role, not a name.
	if roleEndingAt(t, e) == e-s {
		return false
	}
	if e-s == 3 {
		// A three-character span: no word of itself, and neither given
		// character far likelier in words.
		if w, ok := t.word(s, e); ok && w.freq >= 20 {
			return false
		}
		return t.d.givenScore(t.rs[s+1]) >= -5 && t.d.givenScore(t.rs[s+2]) >= -5
	}
	return t.d.givenScore(t.rs[s+1]) >= 0
}

// timeBeforeTense reports whether a time word opens the clause as its
// time, not its subject: 平时在外务工, 明天将前往; a time word stands as a
// name only before 将 and the thing it disposes of (夏天将事发经过告知…).
func timeBeforeTense(t *text, s, e int) bool {
	w, ok := t.word(s, e)
	if !ok || w.pos != "t" {
		return false
	}
	if t.rs[e] != '将' || e+1 >= t.n() {
		return true
	}
	// 将 disposes of a thing (将事发经过, 将该房屋) or marks the future
	// (将前往, 将持续).
	if strings.ContainsRune("该其此这那本所上全", t.rs[e+1]) {
		return false
	}
	disposal := false
	t.words(e+1, func(_ int, w word) { disposal = disposal || strings.HasPrefix(w.pos, "n") && w.freq >= 20 })
	return !disposal
}

// nounish reports whether a part of speech may be a name read as a word:
// a noun, a name, a place, a time word, an adjective or a locality.
func nounish(pos string) bool {
	if pos == "" {
		return true
	}
	switch pos[0] {
	case 'n', 't', 'a', 'f', 's', 'z':
		return pos != "ad"
	}
	return false
}

// personDeedAhead reports whether a deed only a person does stands in
// the clause that starts at e.
func personDeedAhead(t *text, e int) bool {
	for k := e; k < t.n() && k < e+subjectWindow; k++ {
		if strings.ContainsRune("，。；：！？,;:!?\n", t.rs[k]) {
			return false
		}
		if t.match(k, subjectDeeds) > 0 {
			return true
		}
	}
	return false
}

// placeEndChars end a place's or a thing's name, never a list of
// siblings: 李子园、李子坝.
const placeEndChars = "园坝村湾沟寨屯庄镇乡街路桥山河湖塘坡岭冲坪场厂店馆社区县市省"

// voteSiblings proposes the items of a 、-list of people: items of a
// surname and two characters each, either all of one surname (罗温暖、
// 罗单纯), or of any surnames when what closes the list speaks of people
// (鲁迅雷、华罗成均为…, …二人). No item may be a word or end like a place.
func (d *detector) voteSiblings() {
	t := d.t
	for s := 0; s+6 < t.n(); s++ {
		items, same := d.nameList(s, 3)
		if len(items) < 2 {
			continue
		}
		last := items[len(items)-1] + 3
		closed := last < t.n() && t.match(last, peopleClosers) > 0
		if !same && !closed {
			continue
		}
		if !closed && last < t.n() && t.han(last) && t.rs[last] != '等' && t.match(last, subjectOpeners) == 0 && !verbAt(t, last) && boundary(t, last) == 0 {
			continue
		}
		ok, scored := true, false
		for _, k := range items {
			if w, found := t.word(k, k+3); found && w.freq >= 5 || strings.ContainsRune(placeEndChars, t.rs[k+2]) {
				ok = false
				break
			}
			if t.d.givenScore(t.rs[k+1]) > 0 || t.d.givenScore(t.rs[k+2]) > 0 {
				scored = true
			}
		}
		if !ok || !scored {
			continue
		}
		for _, k := range items {
			if !d.add(k, k+3, capNeutral) && d.dropCrossing(k, k+3) {
				d.add(k, k+3, capNeutral)
			}
		}
		s = last
	}
}

// dropCrossing removes the hits that overlap rs[s:e] and run past one of
// its ends (罗成均 across 华罗成 and the 均 that closes the list): where
// the rules' cut and a list's items disagree, the list's boundaries win.
// It reports whether rs[s:e] is free afterwards.
func (d *detector) dropCrossing(s, e int) bool {
	kept := d.hits[:0]
	for _, h := range d.hits {
		if h.start < e && h.end > s && (h.start < s || h.end > e) && h.name == "" {
			for k := h.start; k < h.end; k++ {
				d.taken[k] = false
			}
			continue
		}
		kept = append(kept, h)
	}
	d.hits = kept
	for k := s; k < e; k++ {
		if d.taken[k] {
			return false
		}
	}
	return true
}

// nameList reads a 、-list at s whose items are a surname and width-1
// characters each, opening a clause, following a list opener (为, 由…) or
// a role word; it reports the items' starts (none unless s opens one) and
// whether they share one surname.
func (d *detector) nameList(s, width int) (items []int, same bool) {
	t := d.t
	if t.rs[s+width] != '、' || surnameAt(t, s) != 1 {
		return nil, false
	}
	if s > 0 && t.han(s-1) && !strings.ContainsRune(listOpeners, t.rs[s-1]) && !d.roleBefore(s) {
		return nil, false
	}
	same = true
	for k := s; k+width <= t.n() && surnameAt(t, k) == 1 && hanRun(t, k+1, k+width); k += width + 1 {
		items = append(items, k)
		same = same && t.rs[k] == t.rs[s]
		if k+width >= t.n() || t.rs[k+width] != '、' {
			break
		}
	}
	return items, same
}

// peopleClosers close a list of people: 均为, 二人, 分别….
var peopleClosers = newMatcher([]string{"均", "都", "二人", "两人", "三人", "四人", "五人", "等人", "分别", "共同", "各自", "夫妇", "兄弟", "姐妹", "父子", "母子", "母女", "父女"})

// voteRolePairs proposes the span between a party's role word and a
// conjunction that leads to another party: 原告朝鲁门与第三人苏和…. The
// role words on both sides are the evidence, so the span need not start
// with a surname (a Mongolian name) nor be no word; it must not be what a
// role word is followed by when it means the side (原告方, 原告单位).
func (d *detector) voteRolePairs() {
	t := d.t
	for s := 1; s+3 < t.n(); s++ {
		// Every party's role word ends in 告 or 人.
		if r := t.rs[s-1]; r != '告' && r != '人' || d.taken[s] || !t.han(s) || partyRoleBefore(t, s) == 0 || verbAt(t, s) {
			continue
		}
		for n := 2; n <= 4 && s+n < t.n(); n++ {
			e := s + n
			if !hanRun(t, s, e) || !strings.ContainsRune("与和及", t.rs[e]) || partyRoleAt(t, e+1) == 0 {
				continue
			}
			if strings.ContainsAny(t.str(s, e), "其之的") {
				break
			}
			if strings.ContainsRune(sideChars, t.rs[s]) || strings.ContainsRune(sideChars, t.rs[e-1]) {
				break
			}
			if w, ok := t.word(s, e); ok && (w.freq >= 50 || !nounish(w.pos)) {
				break
			}
			d.add(s, e, capNeutral)
			break
		}
	}
}

// sideChars open or end what follows a role word when it means the side,
// not a person: 原告方, 原告单位, 原告等, 原告一方, 原告夫妇.
const sideChars = "方单等一二三夫们本及人"

// partyRoles are the parties a pair of names stands between.
var partyRoles = []string{"原告", "被告", "第三人", "申请人", "被申请人", "上诉人", "被上诉人", "证人", "村民", "牧民", "牧户"}

// partyRoleBefore returns the length of a party's role word ending at s.
func partyRoleBefore(t *text, s int) int {
	for _, r := range partyRoles {
		if n := len([]rune(r)); n <= s && t.str(s-n, s) == r {
			// 被申请人 is no 申请人 of its own.
			if r == "申请人" && s > n && t.rs[s-n-1] == '被' {
				continue
			}
			return n
		}
	}
	return 0
}

// partyRoleAt returns the length of a party's role word starting at i.
func partyRoleAt(t *text, i int) int {
	for _, r := range partyRoles {
		if strings.HasPrefix(t.rest(i), r) {
			return len([]rune(r))
		}
	}
	return 0
}

// listOpeners may stand right before a list of people: 同住人员为…, 由….
const listOpeners = "为有是由给向对将把被让即及和与同"

// roleBefore reports whether a role word ends right before s.
func (d *detector) roleBefore(s int) bool { return roleEndingAt(d.t, s) > 0 }

// voteMarkedLists makes every item of a name's shape a person in a list
// after a role word, once one item is a name: 工作人员向前、路遥到现场.
func (d *detector) voteMarkedLists() {
	t := d.t
	for _, h := range append([]hit(nil), d.hits...) {
		// Walk left to the list's start.
		start := h.start
		for start >= 3 && t.rs[start-1] == '、' {
			n := 0
			for _, m := range []int{2, 3} {
				if b := start - 1 - m; b >= 0 && surnameAt(t, b) == 1 && hanRun(t, b, start-1) {
					if b == 0 || !t.han(b-1) || roleEndingAt(t, b) > 0 || t.rs[b-1] == '、' {
						n = m
						break
					}
				}
			}
			if n == 0 {
				break
			}
			start = start - 1 - n
		}
		if roleEndingAt(t, start) == 0 {
			continue
		}
		// Right: 执法人员童话、关爱出示了…: the items after the name, each of
		// two characters before a deed or the list's next item, or three.
		for j := h.end; j+2 < t.n() && t.rs[j] == '、' && surnameAt(t, j+1) == 1; {
			k := j + 1
			n := 0
			if hanRun(t, k, k+2) && (k+2 >= t.n() || t.rs[k+2] == '、' || !t.han(k+2) || deedAt(t, k+2) || t.match(k+2, peopleClosers) > 0) {
				n = 2
			} else if k+3 <= t.n() && hanRun(t, k, k+3) && (k+3 >= t.n() || t.rs[k+3] == '、' || !t.han(k+3) || deedAt(t, k+3) || t.match(k+3, peopleClosers) > 0) {
				n = 3
			}
			if n == 0 || !d.add(k, k+n, h.cap) {
				break
			}
			j = k + n
		}
		if start == h.start {
			continue
		}
		for k := start; k < h.start; {
			e := k
			for e < t.n() && t.han(e) && t.rs[e] != '、' {
				e++
			}
			if e-k >= 2 && e-k <= 3 {
				d.add(k, e, h.cap)
			}
			k = e + 1
		}
	}
}

// hanRun reports whether rs[s:e] are all Chinese characters.
func hanRun(t *text, s, e int) bool {
	for k := s; k < e; k++ {
		if !t.han(k) {
			return false
		}
	}
	return true
}

// voteVeto is the second opinion against the rules, where they read a
// frequent plain noun opening a clause before 于 or 将 as a name
// (房屋于2019年取得…, 程序于2022年启动): when the name table says the
// noun's second character is far likelier in words than in given names,
// and nothing else says a person (no role word before, no 男/女 after),
// the noun stays: 于 or 将 after a clause's first word is the very cue
// the rules read, so it cannot count for them twice.
func (d *detector) voteVeto() {
	kept := d.hits[:0]
	for _, h := range d.hits {
		if h.name == "" && h.end-h.start == 2 && d.contradicted(h) {
			for k := h.start; k < h.end; k++ {
				d.taken[k] = false
			}
			continue
		}
		kept = append(kept, h)
	}
	d.hits = kept
}

func (d *detector) contradicted(h hit) bool {
	t := d.t
	s, e := h.start, h.end
	if s > 0 && t.han(s-1) || e >= t.n() || !strings.ContainsRune("于将", t.rs[e]) || provedAt(t, h) {
		return false
	}
	w, ok := t.word(s, e)
	return ok && w.pos == "n" && w.freq >= 1000 && t.d.givenScore(t.rs[s+1]) <= -5
}

// voteShortLists proposes the items of a 、-list of two-character names
// that the close of the list says are people: 文强、乔木均未到庭,
// 桃红、水莲二人到场. 均 or 都 counts only before a person's deed in the same
// clause (黄金、白银均为贵金属 stays).
func (d *detector) voteShortLists() {
	t := d.t
	for s := 0; s+4 < t.n(); s++ {
		items, _ := d.nameList(s, 2)
		if len(items) < 2 {
			continue
		}
		last := items[len(items)-1] + 2
		if last >= t.n() {
			continue
		}
		n := t.match(last, peopleClosers)
		if n == 0 {
			continue
		}
		if c := t.rs[last]; (c == '均' || c == '都') && !personDeedAhead(t, last+1) {
			continue
		}
		ok, scored := true, false
		for _, k := range items {
			if w, found := t.word(k, k+2); found && !nounish(w.pos) || strings.ContainsRune(placeEndChars, t.rs[k+1]) {
				ok = false
				break
			}
			if t.d.givenScore(t.rs[k+1]) > 0 {
				scored = true
			}
		}
		if !ok || !scored {
			continue
		}
		for _, k := range items {
			d.add(k, k+2, capNeutral)
		}
		s = last
	}
}

// partySays follow a party who speaks.
var partySays = newMatcher([]string{"诉称", "述称", "辩称", "称", "陈述", "认为", "表示", "主张", "请求", "提出"})

// voteRoleSpeech proposes the span between a party's role word and what
// the party says (申请人阿拉坦仓称…): the role word and the speech are the
// two cues, so the span need not start with a surname. It must hold no
// verb or adverb (原告明确称, 原告当庭称) and be no word of its own or the
// party's side (原告方称, 原告单位称).
func (d *detector) voteRoleSpeech() {
	t := d.t
	for s := 1; s+3 < t.n(); s++ {
		if r := t.rs[s-1]; r != '告' && r != '人' && r != '民' && r != '户' || d.taken[s] || partyRoleBefore(t, s) == 0 {
			continue
		}
		// 牧民阿拉腾敖其尔称: a transliterated name runs to six characters.
		for n := 3; n <= 6 && s+n < t.n(); n++ {
			e := s + n
			if !hanRun(t, s, e) || t.match(e, partySays) == 0 {
				continue
			}
			if strings.ContainsRune(sideChars, t.rs[s]) || strings.ContainsAny(t.str(s, e), "之的") || pronounQi(t, s, e) {
				break
			}
			// 在笔录中, 向本院, 庭审中: a preposition first, or a word that is
			// no name inside, is what the party did, not who.
			clean := !strings.ContainsRune(functionChars+"在向对于从由给将把被和与同跟", t.rs[s])
			for k := s; k < e && clean; k++ {
				t.words(k, func(j int, w word) {
					if j <= e && w.freq >= 20 && !strings.HasPrefix(w.pos, "nr") {
						clean = false
					}
				})
			}
			if w, ok := t.word(s, e); ok && w.freq >= 20 || !clean {
				break
			}
			d.add(s, e, capNeutral)
			break
		}
	}
}

// pronounQi reports whether 其 stands in rs[s:e] as a pronoun: first, or
// before 他, 中, 余, 实 or 次. Inside a Mongolian name (敖其尔, 其其格) it
// is a syllable.
func pronounQi(t *text, s, e int) bool {
	for k := s; k < e; k++ {
		if t.rs[k] == '其' && (k == s || k+1 < t.n() && strings.ContainsRune("他中余实次", t.rs[k+1])) {
			return true
		}
	}
	return false
}

// voteRoleGiven proposes a name after a role word whose surname the tables
// lack (保证人卯光华在借条上签名): three characters, no word, whose last two
// are both strong given-name characters, before what a person does.
func (d *detector) voteRoleGiven() {
	t := d.t
	for s := 2; s+3 < t.n(); s++ {
		// The table lookups first: most positions fail them.
		if t.d.givenScore(t.rs[s+1]) < 10 || t.d.givenScore(t.rs[s+2]) < 10 {
			continue
		}
		if d.taken[s] || d.taken[s+1] || d.taken[s+2] || !hanRun(t, s, s+3) || surnameAt(t, s) > 0 || roleEndingAt(t, s) == 0 {
			continue
		}
		if strings.ContainsRune(functionChars+sideChars+"在向对于从由给将把被和与同跟叫是为称名系", t.rs[s]) {
			continue
		}
		// No word starts at the surname's place (the given part may be one:
		// 光华).
		inWord := false
		t.words(s, func(j int, w word) { inWord = inWord || w.freq >= 5 && !strings.HasPrefix(w.pos, "nr") })
		e := s + 3
		if inWord || !(t.match(e, subjectOpeners) > 0 || deedAt(t, e) || t.match(e, partySays) > 0 || boundary(t, e) >= 2) {
			continue
		}
		// 东至老鹰岩, 北至白石岩: after a land boundary a span that ends
		// as hills and fields do is a place, unless what a person owns
		// follows (unexplained's rule).
		if afterBoundary(t, s) && strings.ContainsRune(landChars, t.rs[e-1]) && !ownsAfter(t, e) {
			continue
		}
		d.add(s, e, capNeutral)
	}
}
