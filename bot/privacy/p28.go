package privacy

import "strings"

// Round 28 (priv28): frames of court writing that say a person whatever
// the characters, and the shapes of things the name passes read as names.
//
// A party's introduction (上诉人（原审原告）X，男，…) and a judge's
// signature (审判员　X) hold a name between a role and what closes it,
// ordinary words inside (才让西周 holds 西周) or not; a quote the sentence
// declares a person's other name (“X”系原告的小名, 称张某为“X”) is that
// person. A court's case number (（2025）甘01行初77号), a brand in quotes
// before 牌, 王姓 (a surname named as such), a family's landform (李家渠),
// a place before its industrial park (石岗工业区) and an agency's short
// name before 局 or 委 (文旅局) are no names.

// introCloses follow a party's name in the introduction: the sex.
var introCloses = []string{"，男，", "，女，", "，男。", "，女。", ",男,", ",女,", "，男,", "，女,"}

// introNames reads the name of a party introduced with its sex: the
// shortest run after a role word (or a role in brackets) up to the sex.
func (d *detector) introNames() {
	t := d.t
	if !strings.Contains(t.s, "，男") && !strings.Contains(t.s, "，女") && !strings.Contains(t.s, ",男") && !strings.Contains(t.s, ",女") {
		return
	}
	for p := 2; p < t.n(); p++ {
		if t.rs[p] != '，' && t.rs[p] != ',' || p+1 < t.n() && t.rs[p+1] != '男' && t.rs[p+1] != '女' {
			continue
		}
		if _, ok := hasPrefixAny(t.rest(p), introCloses); !ok {
			continue
		}
		for l := 2; l <= 6 && p-l > 0; l++ {
			s := p - l
			if !allHan(t, s, p) {
				break
			}
			if !introRoleBefore(t, s) {
				continue
			}
			if e, ok := d.hitStartingAt(s); ok && e == p {
				break
			}
			// A dictionary word as a whole (原告单位，男) is no name.
			if w, ok := t.word(s, p); ok && !strings.HasPrefix(w.pos, "nr") && w.freq >= 20 {
				break
			}
			d.addOver(s, p, capPersonal)
			break
		}
	}
}

// introRoleBefore reports whether a party's role ends right before s,
// also one in brackets after another (上诉人（原审原告）).
func introRoleBefore(t *text, s int) bool {
	if n, k := roleEnding(t, s); n > 0 && k != markBoundary && k != markLabel {
		return true
	}
	if t.rs[s-1] != '）' && t.rs[s-1] != ')' {
		return false
	}
	o := s - 2
	for o >= 0 && s-o <= 16 && t.rs[o] != '（' && t.rs[o] != '(' {
		o--
	}
	if o < 1 || s-o > 16 {
		return false
	}
	n, _ := roleEnding(t, s-1)
	m, _ := roleEnding(t, o)
	return n > 0 && m > 0
}

// signatureRoles sign a judgment at its end, a space between the post and
// the name.
var signatureRoles = []string{"审判长", "审判员", "代理审判员", "人民陪审员", "书记员", "法官助理"}

// signatureNames reads the name after a signing post and spaces, up to
// spaces or the end of the line.
func (d *detector) signatureNames() {
	t := d.t
	for _, r := range signatureRoles {
		t.eachIndex(r, func(i int) {
			j := i + len([]rune(r))
			if j >= t.n() || !isSpaceRune(t.rs[j]) {
				return
			}
			if i > 0 && t.han(i-1) && r == "审判员" && t.rs[i-1] == '理' {
				return // 代理审判员 reads itself
			}
			for j < t.n() && isSpaceRune(t.rs[j]) {
				j++
			}
			e := j
			for e < t.n() && t.han(e) && e-j < 7 {
				e++
			}
			// 书记员　宣读法庭纪律: a clerk's deed, no name, opens with an
			// ordinary word a surname does not open; names sign in four
			// characters at most (完么才让).
			// The slot closes at spaces, the line's end or, where the block
			// runs inline (审判长 向阳，审判员 石榴红。), its punctuation (p32).
			if e-j < 2 || e-j > 4 || e < t.n() && !isSpaceRune(t.rs[e]) && t.rs[e] != '\n' && t.rs[e] != '\r' && !strings.ContainsRune(signatureClose32, t.rs[e]) {
				return
			}
			if ordinaryWordAt(t, j) > 0 && (surnameAt(t, j) == 0 || verbOpensAt(t, j)) {
				return // 审判长　宣布开庭: 宣 is a surname, 宣布 a deed
			}
			// A frequent word stays unless it is a noun or an adjective,
			// which a name written inline is often (书记员 明亮。; p32).
			if w, ok := t.word(j, e); ok && !strings.HasPrefix(w.pos, "nr") && w.freq >= 300 && !(strings.ContainsRune(signatureClose32, runeOr(t, e)) && (nounPOS[w.pos] || w.pos == "a")) {
				return
			}
			if ex, ok := d.hitStartingAt(j); ok && ex == e {
				return
			}
			d.addOver(j, e, capOfficial)
		})
	}
}

func isSpaceRune(r rune) bool { return r == ' ' || r == '\u3000' || r == '\t' }

// otherNameNouns name what a quote is declared to be: a person's other
// names. 昵称 and 网名 name accounts as often and are left out.
var otherNameNouns = []string{"的小名", "的乳名", "的外号", "的绰号", "的曾用名", "的别名", "的化名", "的诨名", "的艺名"}

// declaredNames reads a quote the sentence declares to be a person's other
// name: “X”系原告的小名, “X”是他的乳名; and 称张某为“X”, 叫王某“X”.
func (d *detector) declaredNames() {
	t := d.t
	for i := 0; i+3 < t.n(); i++ {
		if !strings.ContainsRune("“「\"", t.rs[i]) {
			continue
		}
		e := i + 1
		for e < t.n() && t.han(e) && e-i <= 5 {
			e++
		}
		if e-i-1 < 2 || e-i-1 > 4 || e >= t.n() || !strings.ContainsRune("”」\"", t.rs[e]) || anyTaken(d.taken, i+1, e) {
			continue
		}
		if strings.ContainsRune(quotedThingEnds, t.rs[e-1]) {
			continue
		}
		if declaredAfter(t, e+1) || calledPersonBefore(d, i) || t.match(e+1, signedAfter28) > 0 && roleEndingAt(t, e) == 0 && !quotedWord(t, i+1, e) {
			d.add(i+1, e, capPersonal)
		}
	}
}

// declaredAfter reports whether 系, 是 or 为 opens the text at p and the
// clause goes on to a person's other name within a few characters.
func declaredAfter(t *text, p int) bool {
	if p >= t.n() || !strings.ContainsRune("系是为乃即", t.rs[p]) {
		return false
	}
	rest := t.str(p, min(t.n(), p+14))
	if k := strings.IndexAny(rest, "，。；;,\n"); k >= 0 {
		rest = rest[:k]
	}
	return containsAny(rest, otherNameNouns)
}

// calledPersonBefore reports whether 称, 叫 or 喊, a person's name (read,
// or masked) and 为 stand before the quote at i: 称韦某为“X”.
func calledPersonBefore(d *detector, i int) bool {
	t := d.t
	k := i
	if k > 0 && t.rs[k-1] == '为' {
		k--
	}
	s := -1
	for _, h := range d.hits {
		if h.end == k {
			s = h.start
		}
	}
	if s < 0 {
		s = maskedEndingAt(t, k)
	}
	if s < 1 {
		return false
	}
	before := t.str(max(0, s-2), s)
	return strings.HasSuffix(before, "称") || strings.HasSuffix(before, "叫") || strings.HasSuffix(before, "喊")
}

// familyLandforms end a place named after a family (李家渠, 王家梁,
// 张家滩) besides the villages' characters.
const familyLandforms = "坳渠梁峁滩庄营窑垴畈圩洞"

// parkNouns follow a place's name to make an industrial or business
// park's (石岗工业区).
var parkNouns = []string{"工业区", "工业园", "工业园区", "开发区", "产业园", "科技园", "物流园", "工业城", "创业园"}

// thing28 reports whether the hit is one of the things above.
func thing28(t *text, h hit) bool {
	s, e := h.start, h.end
	if foreignLabelAt(t, s) {
		return true
	}
	// 王姓男子, 刘姓医生: the surname named as a surname.
	if s+1 < t.n() && t.rs[s+1] == '姓' && surnameSet.has(t.rs[s]) && (s+2 >= t.n() || t.rs[s+2] != '名') {
		return true
	}
	if e-s == 3 && t.rs[s+1] == '家' && strings.ContainsRune(familyLandforms, t.rs[s+2]) {
		return true
	}
	// “金桂花”牌: a brand closes its quote before 牌.
	if e+1 < t.n() && strings.ContainsRune("”」\"", t.rs[e]) && t.rs[e+1] == '牌' && insideQuote(t, s) {
		return true
	}
	// 查干敖包: a cairn's name, the cairn read into the hit or after it.
	for k := s + 1; k <= e && k+1 < t.n(); k++ {
		if t.rs[k] == '敖' && t.rs[k+1] == '包' {
			return true
		}
	}
	if _, ok := hasPrefixAny(t.rest(e), parkNouns); ok {
		return true
	}
	// 文旅局, 卫健委, 应急局: an agency's short name before its kind, not
	// a post (局长, 委员) or the office's inside (局里).
	if e-s == 2 && e+1 < t.n() && strings.ContainsRune("局委厅", t.rs[e]) && !strings.ContainsRune("长员里内", t.rs[e+1]) {
		return true
	}
	return false
}

// caseNumberRanges returns the ranges of a court's case numbers after
// their bracketed year: （2025）甘01行初77号, (2023)川01民初88号.
func caseNumberRanges(t *text) [][2]int {
	var out [][2]int
	for i := 0; i+6 < t.n(); i++ {
		if t.rs[i] != '（' && t.rs[i] != '(' {
			continue
		}
		k := i + 1
		for k < t.n() && k-i <= 4 && t.rs[k] >= '0' && t.rs[k] <= '9' {
			k++
		}
		if k-i-1 != 4 || k >= t.n() || t.rs[k] != '）' && t.rs[k] != ')' {
			continue
		}
		s := k + 1
		e := s
		for e < t.n() && e-s < 14 && t.rs[e] != '号' && (t.han(e) || t.rs[e] >= '0' && t.rs[e] <= '9') {
			e++
		}
		if e < t.n() && t.rs[e] == '号' && t.han(s) && e-s >= 3 && t.rs[e-1] >= '0' && t.rs[e-1] <= '9' {
			out = append(out, [2]int{s, e + 1})
		}
	}
	return out
}

// verbOpensAt reports whether a verb of the dictionary of two characters or
// more starts at k.
func verbOpensAt(t *text, k int) bool {
	verb := false
	t.words(k, func(j int, w word) {
		if j-k >= 2 && w.freq >= 20 && strings.HasPrefix(w.pos, "v") {
			verb = true
		}
	})
	return verb
}

// kinOfEnds follow the person a party is kin of: 系X之妻, 系X之子.
const kinOfEnds = "妻夫子女父母兄弟姐妹孙媳婿侄"

// kinOfNames reads X in 系X之妻, 是X之子, 为X之女: whom a party is kin of
// is a person whatever the characters (系才让西周之妻). A role (系原告之妻),
// a pronoun or a word (系本人之子) stays.
func (d *detector) kinOfNames() {
	t := d.t
	if !strings.Contains(t.s, "之") {
		return
	}
	for p := 3; p+1 < t.n(); p++ {
		if t.rs[p] != '之' || !strings.ContainsRune(kinOfEnds, t.rs[p+1]) {
			continue
		}
		for l := 2; l <= 6 && p-l >= 0; l++ {
			s := p - l
			if !allHan(t, s, p) {
				break
			}
			if (s == 0 || !strings.ContainsRune("系是为", t.rs[s-1])) && !kinOfOpens31(t, s, p) {
				continue
			}
			if anyTaken(d.taken, s, p) && !d.hitStartsAt(s) || roleEndingAt(t, p) > 0 || strings.ContainsAny(t.str(s, p), "某其本该此") {
				break
			}
			if w, ok := t.word(s, p); ok && !strings.HasPrefix(w.pos, "nr") && w.freq >= 20 {
				break
			}
			if e, ok := d.hitStartingAt(s); ok && e == p {
				break
			}
			d.addOver(s, p, capPersonal)
			break
		}
	}
}

// foreignNameLabels introduce a person's name written in Latin letters.
var foreignNameLabels = []string{"英文名", "英文姓名", "韩文名", "韩文姓名", "日文名", "外文名", "外文姓名", "护照姓名", "拼音名", "罗马字名"}

// latinNames28 reads a Latin writing of a name in brackets right after the
// Chinese one a role or a hit stands in (渡边健一（WATANABE KENICHI）), widening
// the hit to the whole run, and one after its label (韩文名CHOI YOUNG HO).
func (d *detector) latinNames28() {
	t := d.t
	if !hasLatinUpper(t.s) {
		return
	}
	for _, l := range foreignNameLabels {
		t.eachIndex(l, func(i int) {
			j := i + len([]rune(l))
			if j < t.n() && t.rs[j] == '称' {
				return // 英文名称: a firm's or a product's
			}
			for j < t.n() && strings.ContainsRune("：: 为是", t.rs[j]) {
				j++
			}
			if n := latinNameAt(t, j); n > 0 && !anyTaken(d.taken, j, j+n) {
				d.add(j, j+n, capNeutral)
			}
		})
	}
	for p := 2; p+2 < t.n(); p++ {
		if t.rs[p] != '（' && t.rs[p] != '(' {
			continue
		}
		n := latinNameAt(t, p+1)
		if n == 0 || p+1+n >= t.n() || t.rs[p+1+n] != '）' && t.rs[p+1+n] != ')' {
			continue
		}
		s := p
		for s > 0 && p-s < 5 && t.han(s-1) {
			s--
		}
		if p-s < 2 {
			continue
		}
		// The name starts where the hit inside the run starts (原告张伟
		// keeps its role); a hit that ends before the brackets is a
		// part of it the Latin shows whole (渡边 of 渡边健一).
		hs, he := -1, -1
		for _, h := range d.hits {
			if h.start >= s && h.start < p && h.end <= p && h.end > he {
				hs, he = h.start, h.end
			}
		}
		if hs < 0 {
			continue
		}
		if he < p && p-hs <= 5 {
			d.addOver(hs, p, capPersonal)
		}
		if !anyTaken(d.taken, p+1, p+1+n) {
			d.add(p+1, p+1+n, capNeutral)
		}
	}
}

// foreignLabelAt reports whether a label of a Latin name starts at s: 韩文名
// is no 韩 and a given name.
func foreignLabelAt(t *text, s int) bool {
	_, ok := hasPrefixAny(t.rest(s), foreignNameLabels)
	return ok
}

// speakerLabels reads the speaker a record's line opens with (岩温：我家…,
// 扎西：我们…): a run of two to four characters, a colon, and speech in
// the first person. A role (原告：我方…), a word (经查：, 说明：) or a
// masked name stays as it is.
func (d *detector) speakerLabels() {
	t := d.t
	if !strings.ContainsAny(t.s, "：:") || !strings.ContainsAny(t.s, "我俺咱你他她") {
		return
	}
	for s := 0; s+3 < t.n(); s++ {
		chat := false
		if s > 0 && t.rs[s-1] != '\n' {
			if chat = chatTimeBefore31(t, s); !chat {
				continue
			}
		}
		e := s
		for e < t.n() && t.han(e) && e-s <= 4 {
			e++
		}
		// 海子哥 2024-08-03 21:14：…: the time between the speaker and the
		// colon (or the line's end, the message on the next).
		colon := e
		if c := chatTimeAfter31(t, e); !chat && c > 0 {
			colon, chat = c, true
		}
		if e-s < 2 || e-s > 4 || colon+1 >= t.n() || !strings.ContainsRune("：:\n", t.rs[colon]) || t.rs[colon] == '\n' && !chat || !firstPersonClause(t, colon+1) && !(chat && personalClause31(t, colon+1)) {
			continue
		}
		// 经查：我局…, 综上：我局…: the characters must be likelier in
		// names than in words.
		if !slotNameRun(t, s, e) {
			continue
		}
		if anyTaken(d.taken, s, e) || roleEndingAt(t, e) > 0 || strings.ContainsRune(t.str(s, e), '某') {
			continue
		}
		if w, ok := t.word(s, e); ok && !strings.HasPrefix(w.pos, "nr") && w.freq >= 20 {
			continue
		}
		if ordinaryWordAt(t, s) >= e || commonWordAt(t, s) {
			continue
		}
		d.add(s, e, capPersonal)
	}
}

// firstPersonClause reports whether the clause from p on speaks in the
// first person (我家, 我们, 俺).
func firstPersonClause(t *text, p int) bool {
	for k := p; k < t.n() && k < p+12; k++ {
		if strings.ContainsRune("，。；！？,;", t.rs[k]) {
			return false
		}
		if strings.ContainsRune("我俺咱", t.rs[k]) {
			return true
		}
	}
	return false
}

// kinCollectives name people together by their kinship: 黎某甲、黎某乙兄弟及X
// lists persons, not things.
var kinCollectives = []string{"兄弟", "姐妹", "兄妹", "姐弟", "夫妇", "夫妻", "父子", "父女", "母子", "母女", "婆媳", "叔侄", "祖孙", "一家"}

// kinCollectiveEnds reports whether such a word ends right before p.
func kinCollectiveEnds(t *text, p int) bool {
	return p >= 2 && hasSuffixAny(t.str(p-2, p), kinCollectives)
}

// jointDeeds follow the partner of a joint deed after 和, 与, 跟 or 同:
// 和建军一起盖的, 跟建军合伙.
var jointDeeds28 = newMatcher([]string{"一起", "一块", "一同", "合伙", "共同", "两人", "二人"})

// signedAfter28 follow a quoted name only a person writes: 名单中有“塔拉”的签名.
var signedAfter28 = newMatcher([]string{"的签名", "的签字", "的手印", "的指印", "的亲笔签名", "签名", "签字", "按手印", "捺印"})

// turkicEnds28 end Kazakh, Kyrgyz and Uzbek men's names (努尔别克, 塔城别克).
var turkicEnds28 = []string{"别克", "拜克"}

// turkicNames28 reads such a name after a person's role word, a place's
// name inside it too (塔城 of 塔城别克): the ending says a person. A
// verb or a word before 别克 (驾驶别克轿车) is the car's brand.
func (d *detector) turkicNames28() {
	t := d.t
	for _, end := range turkicEnds28 {
		t.eachIndex(end, func(p int) {
			e := p + 2
			if e < t.n() && t.han(e) && !slotCloses.has(t.rs[e]) && t.match(e, personVerbMatcher) < 2 && t.match(e, followerMatcher) < 2 {
				return
			}
			for l := 1; l <= 4 && p-l > 0; l++ {
				s := p - l
				if !t.han(s) || strings.ContainsRune(slotPunct, t.rs[s]) {
					return
				}
				// 护林员, 草管员: an agent noun of 员 is a role as those of
				// the lexicon are.
				n, kind := roleEnding(t, s)
				if (n == 0 || kind == markBoundary || kind == markLabel) && t.rs[s-1] != '员' {
					continue
				}
				if verbOpensAt(t, s) || anyTaken(d.taken, s, e) && !d.hitStartsAt(s) {
					return
				}
				// A place read inside the name (塔城) gives way: the ending
				// says whose it is.
				if d.reserved != nil {
					for r := s; r < e; r++ {
						d.reserved[r] = false
					}
				}
				d.addOver(s, e, capPersonal)
				return
			}
		})
	}
}

// inquirySpeech28 are what a person says in a record (在询问中称): only a
// person is questioned, and the one questioned opens the clause.
var inquiryVerbs28 = []string{"称", "陈述", "表示", "供述", "承认", "辩称", "证实", "交代"}

// inquirySubjects reads X in X在询问中称, X在调查笔录中陈述 at a clause's start:
// a run of two to six characters likelier in names than in words; a role
// (被告在答辩中称), an agency or a pronoun stays.
func (d *detector) inquirySubjects() {
	t := d.t
	if !strings.Contains(t.s, "在") || !strings.Contains(t.s, "中") {
		return
	}
	t.eachIndex("在", func(e int) {
		// 在 + two to six characters + 中 + a speech verb.
		ok := false
		for k := e + 3; k <= e+7 && k < t.n(); k++ {
			if !t.han(k) {
				break
			}
			if t.rs[k] == '中' {
				_, ok = hasPrefixAny(t.rest(k+1), inquiryVerbs28)
				break
			}
		}
		if !ok || e < 2 {
			return
		}
		s := e
		for s > 0 && t.han(s-1) && e-s < 6 {
			s--
		}
		if s > 0 && t.han(s-1) || e-s < 2 {
			return
		}
		if anyTaken(d.taken, s, e) || roleEndingAt(t, e) > 0 || strings.ContainsAny(t.str(s, e), "某该其本此他她我") || !slotNameRun(t, s, e) {
			return
		}
		d.add(s, e, capPersonal)
	})
}
