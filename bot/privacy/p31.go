package privacy

import (
	"slices"
	"strings"
	"unicode"
)

// Round 31 (priv31), from set S's misses by kind: 老X家 before what a
// household holds or its home's words, also in a record's answer
// (老韦家宅基地, 答：…老包家早年…); a form of address glossed by the
// person's name in brackets, which is that person (钟大爷（钟文华）); whose
// kin a label's value or a clause opens with (在场人：宝音图之母…); a chat
// record's speaker after or before the time (21:14 海子哥：…); a Yi clan
// and a known given part across a township's word (“阿苏木呷”的签名) and a
// name without a surname in a title (《关于注销阿苏拉则学籍的通知》); a
// Tibetan part opening a quoted statement (“多杰出院时…”); the name alone
// before 不服 and a challenge (健一不服，申请行政复议); the name after 自称
// (set U: 其中一个自称国华); and a stream's name after what flows into it,
// which is no person (排入白石溪).

// householdThingAt31 reports whether a word of what a household has or
// did starts at e, right after 老X家 (老韦家宅基地, 老包家早年让给我们的,
// 老马家房子): the household is named by its head. 家具, 家庭 and 家属
// read across 家 are words unless a longer word starts after 家
// (老王家具有限公司 stays a firm's name).
func householdThingAt31(t *text, e int) bool {
	if e >= t.n() || !t.han(e) {
		return false
	}
	end := ordinaryWordAt(t, e)
	if end-e < 2 {
		return false
	}
	if end-e == 2 && anyWordAt(t, e-1, e+1) {
		return false
	}
	// 老王家具有限公司, 老李家电维修部: a firm's or a shop's ending after it.
	for k := e; k < e+8 && k < t.n() && t.han(k); k++ {
		if t.match(k, firmEndings) > 0 || t.match(k, shopKinds) > 0 && k > e {
			return false
		}
	}
	w, _ := t.word(e, end)
	return nounish(w.pos) || timePOS[w.pos] || w.pos == "l"
}

// answerTurn31 reports whether i stands in a turn of a record of
// questions and answers (问：…？答：没有，国强说…), on its line after the
// turn's label: what is said there is speech, as a quote is.
func answerTurn31(t *text, i int) bool {
	for k := i - 1; k >= 1 && t.rs[k] != '\n'; k-- {
		if (t.rs[k] == '：' || t.rs[k] == ':') && (t.rs[k-1] == '答' || t.rs[k-1] == '问') {
			return true
		}
	}
	return false
}

// addressGloss31 are the words a surname is addressed with before a
// bracket that names the person (钟大爷（钟文华）, 何嫂（何秀英）).
var addressGloss31 = newMatcher([]string{"大爷", "大妈", "大娘", "大叔", "大伯", "大婶", "大姐", "大哥", "阿姨", "老汉", "老太", "老头", "师傅", "老板", "老板娘", "婶", "嫂", "姐", "哥", "叔", "伯", "爷", "奶", "姨", "婆", "公", "老大", "老二", "老三", "老四", "老五", "老幺"})

// glossedForms finds a form of address right before a bracket that
// names a person the text registers, of the form's surname (邻居钟大爷
// （钟文华）, 老万（即万长林）): the gloss says whom the form calls so, and
// the form goes as that person's pseudonym, so the two read as one.
func (a *Anonymizer) glossedForms(t *text) []span {
	if !strings.ContainsAny(t.s, "（(") {
		return nil
	}
	var out []span
	for k := 2; k < t.n(); k++ {
		if t.rs[k] != '（' && t.rs[k] != '(' {
			continue
		}
		name, p := "", k+1
		for _, cue := range []string{"即", "本名", "真名", "原名", "大名"} {
			if strings.HasPrefix(t.rest(p), cue) {
				p += len([]rune(cue))
				break
			}
		}
		for e := p + 2; e <= p+4 && e < t.n(); e++ {
			if t.rs[e] == '）' || t.rs[e] == ')' {
				if pe := a.people[t.str(p, e)]; pe != nil && !a.kept(pe.name) {
					name = pe.name
				}
				break
			}
		}
		sur := []rune(Surname(name))
		if len(sur) != 1 {
			continue
		}
		s := -1
		for b := k - 4; b <= k-2; b++ {
			if b >= 0 && allHan(t, b, k) {
				if at := glossedSurnameAt31(t, b, k); at >= 0 && t.rs[at] == sur[0] {
					s = b
					break
				}
			}
		}
		if s < 0 || t.reservedIn(s, k) || s > 0 && t.rs[s-1] == '“' {
			continue
		}
		out = append(out, span{t.off[s], t.off[k], KindName, a.pseudo[name]})
	}
	return out
}

// waterEnds31 end the names of streams, rivers and ponds (白石溪, 金竹溪,
// 清水江, 大堰渠).
const waterEnds31 = "溪河江渠涧泉潭湖塘沟池"

// flowVerbs31 are what water, waste or a boat does into or along a
// stream: the object is the stream.
var flowVerbs31 = []string{"排入", "流入", "汇入", "注入", "流经", "排至", "排放至", "排放到", "排到", "排向", "流进", "流向", "倒入", "倾倒入", "倾倒至", "直排", "引自", "引入", "取自", "沿着", "紧邻", "毗邻", "横跨", "跨越", "污染了", "污染"}

// water31 reports whether a name read with no role word for it is a
// stream's name after what flows into or along it (暗管排入白石溪, 污水流入
// 金竹溪后…): a person ending in 溪 or 江 (李清溪) stands there only before
// what he owns (排入王小江的鱼塘).
func water31(t *text, h hit) bool {
	if h.cap != capNeutral || h.end-h.start < 2 || !strings.ContainsRune(waterEnds31, t.rs[h.end-1]) {
		return false
	}
	// What follows a stream is the clause's end or where in it (后, 中,
	// 下游); 汇入李长江账户, 汇入李长江名下 are a person's account.
	if h.end < t.n() && t.han(h.end) && !strings.ContainsRune("后中内里处段边岸侧下上和及、", t.rs[h.end]) {
		return false
	}
	return hasSuffixAny(t.str(max(0, h.start-3), h.start), flowVerbs31)
}

// kinOfOpens31 reports whether rs[s:p], right before 之 and a kin word,
// opens its clause or a label's value (在场人：宝音图之母其其格, 。宝音图之弟
// 朝鲁到场) and is shaped as a name: a surname or a name part first, the
// characters likelier in names than in words. Whose mother or brother
// the clause says is a person; 大地之母, 成功之母 are words.
func kinOfOpens31(t *text, s, p int) bool {
	if s > 0 && (t.han(s-1) || unicode.IsLetter(t.rs[s-1]) || unicode.IsDigit(t.rs[s-1])) {
		return false
	}
	if p-s > 4 || wordAt(t, s, p) {
		return false
	}
	// After a role's label (见证人：宝力德之母…) the value is a person's
	// whatever its characters; elsewhere they must read as a name.
	if s > 0 && (t.rs[s-1] == '：' || t.rs[s-1] == ':') && roleEndingAt(t, s-1) > 0 {
		return !t.reservedIn(s, p) && !strings.ContainsAny(t.str(s, p), "某其该本此")
	}
	if surnameAt(t, s) == 0 && t.match(s, minorityMatcher) < 2 {
		return false
	}
	return slotNameRun(t, s, p)
}

// chatTimeBefore31 reports whether a chat record's time opens the line
// before s (2024年8月3日21:14 海子哥：…, 08:02 马丽娅：…): the run after it
// and before a colon is the speaker, as at a line's start.
func chatTimeBefore31(t *text, s int) bool {
	k := s - 1
	for k >= 0 && (t.rs[k] == ' ' || t.rs[k] == '\t') {
		k--
	}
	// 【2024-08-03 21:14】海子哥：, [21:14] 胖虎：: the time in brackets.
	if k >= 0 && strings.ContainsRune("】]）)", t.rs[k]) {
		k--
	} else if k == s-1 {
		return false
	}
	// HH:MM or HH:MM:SS.
	digits := func() bool {
		n := 0
		for k >= 0 && isDigitRune(t.rs[k]) {
			k--
			n++
		}
		return n >= 1 && n <= 2
	}
	if !digits() || k < 0 || t.rs[k] != ':' && t.rs[k] != '：' {
		return false
	}
	k--
	if !digits() {
		return false
	}
	if k >= 0 && (t.rs[k] == ':' || t.rs[k] == '：') {
		k--
		if !digits() {
			return false
		}
	}
	// A date or nothing before it on the line.
	for ; k >= 0 && t.rs[k] != '\n'; k-- {
		if !isDigitRune(t.rs[k]) && !strings.ContainsRune("年月日-/. \t【[（(", t.rs[k]) {
			return false
		}
	}
	return true
}

// chatTimeAfter31 returns where the colon stands after a chat record's
// time that follows the speaker at e (海子哥 2024-08-03 21:14：…), or -1.
func chatTimeAfter31(t *text, e int) int {
	if e >= t.n() || t.rs[e] != ' ' {
		return -1
	}
	k, colons := e, 0
	for k < t.n() && (isDigitRune(t.rs[k]) || strings.ContainsRune(" -/.年月日:", t.rs[k])) {
		if t.rs[k] == ':' {
			colons++
		}
		k++
	}
	if colons == 0 || k >= t.n() || t.rs[k] != '：' && t.rs[k] != '\n' {
		return -1
	}
	return k
}

// personalClause31 reports whether the clause from p on speaks to or of
// a person (你问…去, 他那份…), as a chat turn does.
func personalClause31(t *text, p int) bool {
	for k := p; k < t.n() && k < p+12; k++ {
		if strings.ContainsRune("，。；！？,;", t.rs[k]) {
			return false
		}
		if strings.ContainsRune("我俺咱你他她", t.rs[k]) {
			return true
		}
	}
	return false
}

// yiClanAndPart31 reports whether a Yi clan name at i and a known Yi given
// part right after it make the name (“阿苏木呷”的签名): the word reserved
// across them (苏木, a township's) is an accident of the characters, as
// after a role word (yiClanOpens).
func yiClanAndPart31(t *text, i int) bool {
	if i+4 > t.n() || !slices.Contains(yiClans, t.str(i, i+2)) || t.match(i+2, minorityMatcher) != 2 {
		return false
	}
	return i+4 == t.n() || !t.han(i+4) || strings.ContainsRune(particles+"称说在于和与及", t.rs[i+4])
}

// titleCues31 stand before the person a notice or a decision is about
// inside its title besides titleCues: what is undone for them (《关于注销
// 阿苏拉则学籍的通知》, 《关于取消X低保资格的决定》).
var titleCues31 = []string{"注销", "取消", "吊销", "开除", "恢复", "核销", "停发", "清退"}

// titleRecords31 are what a person holds that such a title undoes.
var titleRecords31 = newMatcher([]string{"学籍", "户口", "户籍", "低保", "资格", "待遇", "学位", "职务", "党籍", "会员", "补贴", "补助", "编制"})

// minorityTitles reads a Yi, Tibetan or Mongolian name with no surname
// inside a title, between such a cue (or one of titleCues) and what is
// undone or done to the person (《关于注销阿苏拉则学籍的通知》): the title
// says a person, as for a Han name (titles).
func (d *detector) minorityTitles() {
	t := d.t
	if !strings.Contains(t.s, "《") {
		return
	}
	for i := 2; i+4 < t.n(); i++ {
		if d.taken[i] || !insideTitle(t, i) || inStatuteTitle(t, i) {
			continue
		}
		if !hasSuffixAny(t.str(max(0, i-2), i), titleCues31) && !hasSuffixAny(t.str(max(0, i-2), i), titleCues) {
			continue
		}
		clan := slices.Contains(yiClans, t.str(i, i+2))
		if !clan && t.match(i, minorityMatcher) < 2 {
			continue
		}
		for _, e := range []int{i + 4, i + 3} {
			if e+2 > t.n() || !allHan(t, i, e) || anyTaken(d.taken, i, e) {
				continue
			}
			if t.match(e, titleRecords31) == 0 && t.match(e, titleDeedMatcher) == 0 {
				continue
			}
			if wordAt(t, i, e) || !clan && !slotNameRun(t, i, e) {
				continue
			}
			d.addOver(i, e, capNeutral)
			break
		}
	}
}

// quotedPartOpeners reads a Tibetan or Mongolian name part alone opening a
// quoted statement (证人作证：“多杰出院时还在流脓…”): speech names people so,
// and a word read across the part's end (杰出) is an accident there. The
// part must be no word, and no longer word may start with it.
func (d *detector) quotedPartOpeners() {
	t := d.t
	for i := 1; i+3 < t.n(); i++ {
		if t.rs[i-1] != '“' && t.rs[i-1] != '「' || d.taken[i] {
			continue
		}
		// A statement's quote: after a colon or a speech verb.
		if i < 2 || !strings.ContainsRune("：:称说道证", t.rs[i-2]) {
			continue
		}
		n := t.match(i, minorityMatcher)
		if n < 2 || n > 3 || anyTaken(d.taken, i, i+n) || t.reservedIn(i, i+n) || anyWordAt(t, i, i+n) {
			continue
		}
		longer := false
		t.words(i, func(j int, w word) {
			if j > i+n && w.freq >= 20 {
				longer = true
			}
		})
		if longer || !t.han(i+n) && t.rs[i+n] != '，' {
			continue
		}
		// “白音仓库那边…”: a place's or a building's head right after the
		// part is what the part names, not what a person did.
		if t.han(i+n) && strings.ContainsRune("仓库场院站厂店馆河湖山沟村镇乡路街寺庙桥", t.rs[i+n]) {
			continue
		}
		d.addOver(i, i+n, capPersonal)
	}
}

// unitChars31 end the abbreviated names of organs and units (县局, 区委,
// 该所, 镇府, 村组).
const unitChars31 = "局委府厅署所院会办队组部处科站社校行司厂场中心团"

// appealAfter31 follow 不服 where a party goes on to challenge a decision
// (健一不服，申请行政复议; 不服，向本院提起诉讼).
var appealAfter31 = []string{"申请", "提起", "向", "诉至", "遂", "上诉", "起诉"}

// appellantSubjects reads the run of two or three characters that opens a
// sentence before 不服 and a challenge (健一不服，申请行政复议): only a party
// challenges a decision, and a run that is no word, no role and no
// pronoun is the party's name written alone (a given name, a foreign
// given name). 原告不服, 该局不服, 双方不服 are words or roles and stay.
func (d *detector) appellantSubjects() {
	t := d.t
	if !strings.Contains(t.s, "不服") {
		return
	}
	t.eachIndex("不服", func(k int) {
		j := k + 2
		if j < t.n() && (t.rs[j] == '，' || t.rs[j] == ',') {
			j++
		}
		if _, ok := hasPrefixAny(t.rest(j), appealAfter31); !ok {
			return
		}
		for _, s := range []int{k - 2, k - 3} {
			// The sentence opens with it, or a clause of when (处罚决定
			// 送达后，美咲不服…).
			if s < 0 {
				continue
			}
			opens := s == 0 || strings.ContainsRune("。；;！？\n", t.rs[s-1]) || s >= 2 && t.rs[s-1] == '，' && t.rs[s-2] == '后'
			if !opens || !allHan(t, s, k) || anyTaken(d.taken, s, k) {
				continue
			}
			// Any word of the dictionary (原审, 二审, 市局) is the word; the
			// characters must not be likelier in words than in names.
			if w, ok := t.word(s, k); ok && !strings.HasPrefix(w.pos, "nr") || ordinaryWordAt(t, s) > 0 || roleEndingAt(t, k) > 0 || t.match(s, anyRole) > 0 || t.reservedIn(s, k) || givenScore(t, s, k) < 0 {
				continue
			}
			if strings.ContainsAny(t.str(s, k), "某其该本此双各两二三四五全我你他她") {
				continue
			}
			// 县局不服, 市场所不服: an organ's abbreviation (a place's
			// character first, a unit's last) is the organ.
			if strings.ContainsRune(unitChars31, t.rs[k-1]) || strings.ContainsRune("省市县区镇乡村州旗", t.rs[s]) {
				continue
			}
			d.addOver(s, k, capPersonal)
			return
		}
	})
}

// dropGlossedForms drops the hits of a form of address right before a
// bracket that glosses it with a name of its surname read too (张婶（张桂兰）,
// 刘老四（刘德明）): the form is that person, not a second one numbered
// apart (张某甲（张某乙）); glossedForms gives it the person's pseudonym.
func (d *detector) dropGlossedForms() {
	t := d.t
	if !strings.ContainsAny(t.s, "（(") {
		return
	}
	kept := d.hits[:0]
	for _, h := range d.hits {
		k := h.end
		if h.name == "" && k+3 < t.n() && (t.rs[k] == '（' || t.rs[k] == '(') && h.end-h.start <= 4 && glossedForm31(t, h.start, k) {
			p := k + 1
			for _, cue := range []string{"即", "本名", "真名", "原名", "大名"} {
				if strings.HasPrefix(t.rest(p), cue) {
					p += len([]rune(cue))
					break
				}
			}
			if e, ok := d.hitStartingAt(p); ok && e < t.n() && (t.rs[e] == '）' || t.rs[e] == ')') && surnameAt(t, p) == 1 && t.rs[p] == t.rs[glossedSurnameAt31(t, h.start, k)] {
				for j := h.start; j < h.end; j++ {
					d.taken[j] = false
				}
				continue
			}
		}
		kept = append(kept, h)
	}
	d.hits = kept
}

// glossedForm31 reports whether rs[s:k] is shaped as a form of address:
// 老/小/大/阿 and a surname, or a surname and an address word (大爷, 婶).
func glossedForm31(t *text, s, k int) bool {
	return glossedSurnameAt31(t, s, k) >= 0
}

// glossedSurnameAt31 returns where the surname of the form rs[s:k] stands,
// or -1.
func glossedSurnameAt31(t *text, s, k int) int {
	if k-s == 2 && strings.ContainsRune("老小大阿", t.rs[s]) && surnameSet.has(t.rs[s+1]) {
		return s + 1
	}
	if surnameSet.has(t.rs[s]) && t.match(s+1, addressGloss31) == k-s-1 {
		return s
	}
	return -1
}

// selfNamedCues introduce the name a person gives himself (其中一个自称国华,
// 该男子自称叫阿龙): what follows is a name, true or not, and points to one
// person.
var selfNamedCues = []string{"自称叫", "自称名叫", "自称是", "自称"}

// selfNamed reads the name after such a cue: two or three Han characters
// that are no word of the dictionary (自称律师, 自称不知情 stay), likelier
// in names than in words, closed by the clause's end or 的.
func (d *detector) selfNamed() {
	t := d.t
	if !strings.Contains(t.s, "自称") {
		return
	}
	t.eachIndex("自称", func(k int) {
		j := k
		if c, ok := hasPrefixAny(t.rest(k), selfNamedCues); ok {
			j += len([]rune(c))
		}
		for _, e := range []int{j + 3, j + 2} {
			if e > t.n() || !allHan(t, j, e) || anyTaken(d.taken, j, e) || e < t.n() && t.han(e) && t.rs[e] != '的' {
				continue
			}
			// 国华, 秀兰 are names the dictionary holds, seldom or as nr: names
			// still.
			if w, ok := t.word(j, e); ok && w.freq >= 20 && !(strings.HasPrefix(w.pos, "nr") && allCommonGiven(t, j, e)) || ordinaryWordAt(t, j) > 0 || givenScore(t, j, e) < 0 || t.match(j, anyRole) > 0 || strings.ContainsAny(t.str(j, e), "姓某其该本此我你他她") {
				continue
			}
			d.addOver(j, e, capPersonal)
			return
		}
	})
}
