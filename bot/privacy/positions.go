package privacy

import "strings"

// Positions where only a person stands. A name that is an ordinary word
// (黄河, 江山, 常青, 文静) is read by what the sentence does with the span,
// not by what word it makes:
//   - the object of a verb of meeting or finding, when the sentence then
//     refers back to it as a person (碰见江山的弟弟; 找到常青，要求其…);
//   - the first of a couple (黄河与其妻李某): only a person has a wife;
//   - an item of a ；/、 list written in parallel with a name before it
//     (严某，执法证号…；文静，执法证号…).
//   - an item of a 、-list whose other items are names already read, when
//     it is shaped like a name (乌兰、图雅、阿拉坦仓、宝力道、萨其拉图: a list
//     is all people when most of its items are known to be).
// Each of the first three needs a surname first and a given part the lexicon allows; the
// guards (dropThings) still veto what they find.

// meetingVerbs take the person met, sought or fetched as their object.
var meetingVerbs = newMatcher([]string{
	"碰见", "碰到", "遇见", "遇到", "见到", "撞见", "找到", "找来", "叫来", "喊来", "约见", "请来", "拦住", "叫住", "追上",
})

// kinMatcher finds a relative's word (妻子, 之子, 其妻).
var kinMatcher = newMatcher(roleWords[markKin])

// personPositions reads the names in the positions above.
func (d *detector) personPositions() {
	t := d.t
	for i := 0; i+2 < t.n(); i++ {
		n := t.match(i, meetingVerbs)
		if n == 0 {
			continue
		}
		s := i + n
		if s < t.n() && t.rs[s] == '了' {
			s++
		}
		if e := referredObject(t, s); e > 0 && !anyTaken(d.taken, s, e) {
			d.add(s, e, capNeutral)
		} else if e := d.namedAgain(s); e > 0 {
			d.add(s, e, capNeutral)
		}
		i = s - 1
	}
	if strings.Contains(t.s, "其") {
		d.coupleFirsts()
	}
	if strings.ContainsAny(t.s, "；;、") {
		d.parallelItems()
	}
	if strings.Contains(t.s, "、") {
		d.peopleLists()
	}
	d.numberedPeople()
	d.slotNames()
}

// socialNouns name a person by a tie to the speaker or a post, as kin
// words do: 室友于海洋, 我爱人叫春燕, 门卫常青说…, 仓库保管员华夏称.
var socialNouns = []string{
	"室友", "舍友", "同学", "同事", "邻居", "朋友", "好友", "战友", "老乡", "工友", "发小", "闺蜜", "同伴", "同乡",
	"爱人", "老公", "老婆", "对象", "闺女", "丫头", "男友", "女友", "男朋友", "女朋友", "媳妇", "丈夫", "妻子", "小舅子", "小姨子", "大舅哥",
	"会计", "出纳", "门卫", "保安", "保管员", "仓管员", "库管员", "司机", "厨师", "店员", "收银员", "服务员", "营业员",
	"老板", "老板娘", "师傅", "徒弟", "学徒", "雇工", "帮工", "伙计", "保姆", "护工", "值班员", "调度员", "管理员",
	"记账员", "统计员", "报账员", "村会计", "网格员", "联络员", "信息员", "协管员",
}

// socialMatcher finds a social noun or a kin word.
var socialMatcher = newMatcher(append(append([]string(nil), socialNouns...), roleWords[markKin]...))

// slotLinks may stand between the noun and the name: 我爱人叫春燕, 老板是芳姐.
var slotLinks = []string{"名叫", "叫做", "叫", "是", "为"}

// signLabels are the labels of a form's sign-off lines: after their colon
// the signer's name, whatever word it is (校对：田野　审核：高山, 经手人签字：
// 严明). Without a colon they are verbs (审核通过) and read nothing.
var signLabels = newMatcher([]string{
	"校对", "审核", "审批", "复核", "签发", "核稿", "拟稿", "制表", "填表", "批准", "审定", "核对", "初审", "复审",
	"经手人签字", "经办人签字", "经手人签名", "经办人签名", "负责人签字", "签字", "签名", "经手人", "经手", "签收",
})

// slotNames reads names in the positions a person fills, whatever word
// they are (slotAfter, signLabels, loanFrom, nicknames).
func (d *detector) slotNames() {
	t := d.t
	for i := 0; i+2 < t.n(); i++ {
		// 朋友圈, 康师傅: the noun inside a longer word is none.
		if n := t.match(i, socialMatcher); n > 0 && !wordFrom(t, i+n-1, i+n+1, 20) && !(i > 0 && wordFrom(t, i-1, i+n, 20)) && !addressedBy(t, i, n) {
			j := i + n
			for _, l := range slotLinks {
				if strings.HasPrefix(t.rest(j), l) {
					j += len([]rune(l))
					break
				}
			}
			if e := slotAfter(t, j); e > 0 && !anyTaken(d.taken, j, e) {
				d.add(j, e, capPersonal)
			}
			i += n - 1
			continue
		}
		if n := t.match(i, signLabels); n > 0 && i+n < t.n() && strings.ContainsRune("：:", t.rs[i+n]) {
			j := i + n + 1
			e := j
			for e < t.n() && t.han(e) && e-j <= 4 {
				e++
			}
			w, ok := t.word(j, e)
			deed := grammarSpan(t, j, e) || ok && verbLike(w.pos) && w.freq >= 300 // 审核：同意
			if e-j >= 2 && e-j <= 4 && closedAsName(t, e) && !deed && !anyTaken(d.taken, j, e) && !labelValueIsThing(t, j, e, true) && !isThingWord(t, j, e) && !timeWord(t, j, e) {
				d.add(j, e, capNeutral)
			}
		}
	}
	d.loansFrom()
	d.nicknames()
	d.unquotedNicknames() // occupations.go
	if strings.Contains(t.s, "是") || strings.Contains(t.s, "系") {
		d.tiedPairs()
	}
	d.partners()
	d.deedSubjects()
	if t.recordLike() {
		d.recordNames()
	}
}

// personDeeds are what only a person does, right after the subject: 江南
// 借款五万元, 平安签字确认, 赖和平证称.
var personDeeds = newMatcher([]string{"借款", "借钱", "签字", "签名", "捺印", "按手印", "证称", "陈述称", "出具了", "出具借条", "打了借条", "写下"})

// deedSubjects reads the subject of a deed only a person does at a
// clause's start (after punctuation, a date or a numbered item), whatever
// word it is: a surname and one or two characters, no organisation, no
// frequent common noun, no role or time word.
func (d *detector) deedSubjects() {
	t := d.t
	for i := 0; i+3 < t.n(); i++ {
		if i > 0 && t.han(i-1) {
			continue
		}
		sur := surnameAt(t, i)
		if sur == 0 {
			continue
		}
		for _, e := range []int{i + sur + 2, i + sur + 1} {
			if e >= t.n() || !allHan(t, i, e) || !validGiven(t, i+sur, e) || t.match(e, personDeeds) == 0 || anyTaken(d.taken, i, e) {
				continue
			}
			if t.match(i, anyRole) > 0 || timeWord(t, i, e) || commonNounAt(t, i, e) || isThingWord(t, i, e) || labelValueIsThing(t, i, e, true) || formOfAddress(t, i) {
				break
			}
			d.add(i, e, capPersonal)
			break
		}
	}
}

// nameQuestions ask a person's name in a record: the answer is the name.
var nameQuestions = []string{"姓名？", "名字？", "叫什么？", "叫什么名字？", "姓名?", "名字?", "叫什么名字?"}

// recordNames reads the names a record of a hearing or an inquiry gives
// by its form: the one the court addresses after a party's role word
// (第三人丰收，你有无补充意见？), and the answer to a question of a name
// (你的姓名？被询问人：宁静。), whatever word they are.
func (d *detector) recordNames() {
	t := d.t
	for i := 0; i < t.n(); i++ {
		n, kind := roleAt(t, i)
		if n > 0 && (kind == markParty || kind == markAgent) {
			j := i + n
			for e := j + 2; e <= j+3 && e+1 < t.n(); e++ {
				if !allHan(t, j, e) || t.rs[e] != '，' || !strings.ContainsRune("你您请", t.rs[e+1]) {
					continue
				}
				// 丰收 is a verb of the dictionary, and a name here.
				w, ok := t.word(j, e)
				function := ok && strings.ContainsAny(w.pos[:1], "dpcrumq")
				if !anyTaken(d.taken, j, e) && !function && !labelValueIsThing(t, j, e, true) && t.match(j, anyRole) == 0 {
					d.add(j, e, capPersonal)
				}
				break
			}
			i += n - 1
			continue
		}
		q, ok := hasPrefixAny(t.rest(i), nameQuestions)
		if !ok {
			continue
		}
		// The answer's label: 答：, 被询问人：, a role word and a colon.
		k := i + len([]rune(q))
		c := k
		for c < t.n() && c-k <= 6 && !strings.ContainsRune("：:。？\n", t.rs[c]) {
			c++
		}
		if c >= t.n() || !strings.ContainsRune("：:", t.rs[c]) {
			continue
		}
		j := c + 1
		e := j
		for e < t.n() && t.han(e) && e-j <= 4 {
			e++
		}
		if e-j >= 2 && e-j <= 4 && (e == t.n() || strings.ContainsRune("。，；\n ", t.rs[e])) && !anyTaken(d.taken, j, e) && !labelValueIsThing(t, j, e, true) && !grammarSpan(t, j, e) {
			d.add(j, e, capPersonal)
		}
	}
}

// addressedBy reports whether the social noun at i is a form of address
// after a surname (王师傅, 康师傅方便面, 李老板): no name follows it.
func addressedBy(t *text, i, n int) bool {
	w := t.str(i, i+n)
	return i > 0 && (w == "师傅" || w == "老板" || w == "老板娘" || w == "师父") && surnameAt(t, i-1) > 0
}

// slotAfter returns the end of a name at j after a kin word or a social
// noun, or 0: a surname and one or two given characters, or two
// characters a person is named (暖暖, 春燕, 秋月), closed by punctuation or
// what follows a name (当时, 开车, 于次日, 说). Words of grammar, time, a
// role, a place or an organisation are no name, nor a form of address
// (老周, 小王).
func slotAfter(t *text, j int) int {
	if j+2 > t.n() || !allHan(t, j, j+2) {
		return 0
	}
	// 舍友于海洋: a surname that is also a function word starts a name of
	// three characters whose given part is no word of grammar or time.
	if e := j + 3; strings.ContainsRune(functionChars, t.rs[j]) && surnameAt(t, j) == 1 && e <= t.n() && allHan(t, j, e) && validGiven(t, j+1, e) &&
		slotClosed(t, j, e) && !slotWord(t, j+1, e) && !timeWord(t, j+1, e) && t.match(j+1, anyRole) == 0 && !verbWordAt(t, j+1, e) {
		return e
	}
	if strings.ContainsRune(functionChars+"其他她我你您某×也都还又就才已曾", t.rs[j]) {
		return 0
	}
	if anyRole.at(t.rest(j)) != "" || personAttributes.at(t.rest(j)) != "" || t.match(j, honorificMatcher) > 0 || t.match(j, socialMatcher) > 0 {
		return 0
	}
	if formOfAddress(t, j) {
		return 0
	}
	// 邻居余大姐, 王师傅: a form of address.
	if sur := surnameAt(t, j); sur > 0 && (t.match(j+sur, honorificMatcher) > 0 || strings.ContainsRune("姐哥叔婶姨爷伯嫂", t.rs[j+sur])) {
		return 0
	}
	if sur := surnameAt(t, j); sur > 0 {
		for _, e := range []int{j + sur + 2, j + sur + 1} {
			if e <= t.n() && allHan(t, j, e) && validGiven(t, j+sur, e) && slotClosed(t, j, e) && !slotWord(t, j, e) {
				return e
			}
		}
	}
	e := j + 2
	if !slotClosed(t, j, e) || slotWord(t, j, e) {
		return 0
	}
	if t.rs[j] == t.rs[j+1] {
		return e // 暖暖, 乐乐
	}
	a, b := t.d.givenScore(t.rs[j]), t.d.givenScore(t.rs[j+1])
	if min(a, b) <= -20 || max(a, b) < 5 {
		return 0
	}
	return e
}

// formOfAddress reports whether 老/小/阿 and a surname start at j: 老张,
// 小王, 老李 are how people address one another, not names. 小 before a
// surname that is rarely one and often a given name (小梅, 小芳) is a
// nickname.
func formOfAddress(t *text, j int) bool {
	if j+1 >= t.n() || !strings.ContainsRune("老小阿", t.rs[j]) || surnameAt(t, j+1) == 0 {
		return false
	}
	if t.rs[j] == '老' {
		return true
	}
	r := surnameRank[t.rs[j+1]]
	return r > 0 && r <= 60
}

// slotClosed reports whether a name may end at e: punctuation, the text's
// end, or what follows a name (grammarAt, nameFollows), and no word runs
// from inside the span past e (海洋那天 is closed, 海洋局 is not).
func slotClosed(t *text, s, e int) bool {
	if e > t.n() {
		return false
	}
	if e == t.n() || !t.han(e) {
		return true
	}
	// 方便面, 海洋局: the span opens a longer word.
	if crossesRight(t, s, e, 50) && !strings.ContainsRune(functionChars, t.rs[e]) || wordFrom(t, s, e+1, 20) {
		return false
	}
	if grammarAt(t, e) || nameFollows(t, e) || verbAt(t, e) {
		return true
	}
	// 甜甜那天在学校, 田野这两天: a demonstrative or a word of time; 海波帮我办:
	// a frequent verb of one character.
	if strings.ContainsRune("那这今昨", t.rs[e]) {
		return true
	}
	if v, ok := t.word(e, e+1); ok && verbLike(v.pos) && v.freq >= 5000 {
		return true
	}
	w, ok := t.word(e, min(e+2, t.n()))
	return ok && (w.pos == "t" || w.pos == "r")
}

// slotWord reports whether rs[s:e] is a word no person is named after in
// that slot: grammar, time, a verb, a place or an organisation, a frequent
// common noun (家里, 单位), a role.
func slotWord(t *text, s, e int) bool {
	w, ok := t.word(s, e)
	// 秋月 is a word of time the dictionary rarely sees; 当天, 今年 are
	// frequent ones.
	// 我舍友田野那天…: a common noun that opens with a surname and closes
	// before grammar is the name; 我同事单位的 stays.
	surnamedNoun := surnameAt(t, s) == 1 && e-s == 2 && t.d.givenScore(t.rs[s+1]) >= 0 && e < t.n() && t.han(e) && !strings.ContainsRune("的里上中内外下边", t.rs[e]) && grammarAt(t, e)
	if grammarSpan(t, s, e) || ok && w.pos == "t" && w.freq >= 100 || isThingWord(t, s, e) && w.pos != "t" || commonNounAt(t, s, e) && !surnamedNoun || labelValueIsThing(t, s, e, true) {
		return true
	}
	return ok && !strings.HasPrefix(w.pos, "nr") && (verbLike(w.pos) && w.freq >= 50 || w.pos == "a" && w.freq >= 2000 || w.pos == "s")
}

// verbWordAt reports whether rs[s:e] is a verb of the dictionary, however
// rare (由同住的: 同住).
func verbWordAt(t *text, s, e int) bool {
	w, ok := t.word(s, e)
	return ok && verbLike(w.pos)
}

// tiedPairs reads X in 我和X是邻居, 他与X系同学: a person the speaker is tied
// to by a social noun or a kin word after 是 or 系.
func (d *detector) tiedPairs() {
	t := d.t
	for i := 0; i+4 < t.n(); i++ {
		if !strings.ContainsRune("和与跟同", t.rs[i]) || i == 0 || !strings.ContainsRune("我他她你其", t.rs[i-1]) {
			continue
		}
		j := i + 1
		for e := j + 2; e <= j+3 && e+1 < t.n(); e++ {
			if !allHan(t, j, e) || !strings.ContainsRune("是系", t.rs[e]) {
				continue
			}
			k := e + 1
			// 是老乡: the relation itself may open with 老; else 老 is
			// an intensifier (老同学 → 同学).
			if t.match(k, socialMatcher) == 0 {
				for _, w := range []string{"多年的", "多年", "老", "好", "的"} {
					if strings.HasPrefix(t.rest(k), w) {
						k += len([]rune(w))
						break
					}
				}
			}
			if t.match(k, socialMatcher) == 0 || anyTaken(d.taken, j, e) || slotWord(t, j, e) || t.match(j, anyRole) > 0 || strings.ContainsRune("其他她我你您某×", t.rs[j]) || formOfAddress(t, j) {
				continue
			}
			// 他和田小军是老乡: a place read across the conjunction (和田)
			// gives way; the frame reads 和 as "and".
			if d.reserved != nil && d.reserved[i] {
				for r := i; r < e; r++ {
					d.reserved[r] = false
				}
			}
			d.add(j, e, capPersonal)
			break
		}
	}
}

// partnerVerbs follow the person one spoke or dealt with: 我跟小芳说过, 他和
// 秋生商量, 我对阿强讲.
var partnerVerbs = newMatcher([]string{"说过", "说了", "说", "讲过", "讲了", "讲", "提过", "提起", "提到", "商量", "打过招呼", "打招呼", "反映", "联系", "借过", "借了", "吵", "打了"})

// partners reads X in 我跟X说过…: after a pronoun and 跟/和/对/同, a
// nickname of 小/阿 and a given-name character (小芳, 阿强) or a name of a
// surname and one or two given characters, before a verb of speaking or
// dealing. 小王 and 老张 are forms of address and stay.
func (d *detector) partners() {
	t := d.t
	for i := 1; i+3 < t.n(); i++ {
		if !strings.ContainsRune("跟和对同", t.rs[i]) || !strings.ContainsRune("我他她们", t.rs[i-1]) {
			continue
		}
		j := i + 1
		if strings.ContainsRune("小阿", t.rs[j]) && surnameAt(t, j+1) == 0 && t.han(j+1) && t.d.givenScore(t.rs[j+1]) >= 10 && t.match(j+2, partnerVerbs) > 0 {
			if !anyTaken(d.taken, j, j+2) && !frequentWordAt(t, j, j+2, 200) {
				d.add(j, j+2, capPersonal)
			}
			continue
		}
		if sur := surnameAt(t, j); sur > 0 {
			for _, e := range []int{j + sur + 2, j + sur + 1} {
				if e < t.n() && allHan(t, j, e) && validGiven(t, j+sur, e) && t.match(e, partnerVerbs) > 0 && !slotWord(t, j, e) && !anyWordAt(t, j, e) && !anyTaken(d.taken, j, e) {
					d.add(j, e, capPersonal)
					break
				}
			}
		}
	}
}

// loanVerbs follow the lender of 向X借款: only a person or a firm lends,
// and a firm's name ends as one (银行, 公司).
var loanVerbs = newMatcher([]string{"借款", "借钱", "借了", "借得", "借取", "借用", "借支", "借", "赊"})

// loansFrom reads the lender in 向X借款 (原告向高峰借款五万元): a surname
// and one or two given characters before a verb of borrowing.
func (d *detector) loansFrom() {
	t := d.t
	for i := 0; i+3 < t.n(); i++ {
		if t.rs[i] != '向' || !strings.Contains(t.s[t.off[i]:t.off[min(t.n(), i+8)]], "借") {
			continue
		}
		j := i + 1
		sur := surnameAt(t, j)
		if sur == 0 {
			continue
		}
		for _, e := range []int{j + sur + 2, j + sur + 1} {
			if e < t.n() && allHan(t, j, e) && validGiven(t, j+sur, e) && t.match(e, loanVerbs) > 0 && !anyTaken(d.taken, j, e) && !isThingWord(t, j, e) && !commonNounAt(t, j, e) && t.match(j, anyRole) == 0 {
				if w, ok := t.word(j, e); ok && !strings.HasPrefix(w.pos, "nr") && (w.pos == "nt" || w.pos == "n" && w.freq >= 300) {
					continue
				}
				d.add(j, e, capPersonal)
				break
			}
		}
	}
}

// nicknameCues introduce a nickname in quotes: 外号叫“黑皮”, 都叫他“二柱”,
// 绰号“老三”, 小名“丫丫”.
var nicknameCues = []string{"外号叫", "外号是", "外号", "绰号叫", "绰号是", "绰号", "小名叫", "小名", "乳名叫", "乳名", "诨名", "人称", "叫他", "叫她", "喊他", "喊她", "称他", "称她", "管他叫", "管她叫", "昵称",
	// 第三人的绰号为“黑子”: the cue and 为 (priv24).
	"绰号为", "外号为", "小名为", "乳名为", "外号叫做", "绰号叫做"}

// nicknames reads a nickname quoted after its cue: a person's other name
// points to them as the name does.
//
// Without a cue, a quoted word shaped as a nickname (nicknameShaped: 老包,
// 黑三, 刘二) is one where a person is said around it: after 叫 or 称为
// (一个叫“老包”的男子), before a person's noun (“黑三”的男子) or before a
// person's deed (“老包”当时也在现场). A quoted word of the dictionary is a
// word there (俗称“老赖”, “小产权”房, “城中村”改造).
func (d *detector) nicknames() {
	t := d.t
	cued := containsAny(t.s, nicknameCues)
	if !cued && !strings.ContainsAny(t.s, "“「\"") {
		return
	}
	for i := 0; i+3 < t.n(); i++ {
		if !strings.ContainsRune(openQuotes, t.rs[i]) {
			continue
		}
		e := i + 1
		for e < t.n() && t.han(e) && e-i <= 5 {
			e++
		}
		if e-i-1 < 2 || e-i-1 > 4 || e >= t.n() || !strings.ContainsRune("”」’\"'", t.rs[e]) {
			continue
		}
		// “波哥”（即第三人骆明波）, 绰号"黑皮"（戴春林）, “芳姐”即原审第三人蒙芳:
		// the gloss after the quote names the person the quote calls so;
		// both go, the gloss also where another pass read the quote.
		if gs, ge, ok := glossedName(d, e+1); ok && allHan(t, i+1, e) && !strings.ContainsRune(quotedThingEnds, t.rs[e-1]) {
			if !anyTaken(d.taken, i+1, e) {
				d.add(i+1, e, capPersonal)
			}
			if !anyTaken(d.taken, gs, ge) {
				d.add(gs, ge, capPersonal)
			}
			continue
		}
		// “老牛”（牛某）, “胖子”（即卢某）: the person in the gloss is masked
		// already (the writer's own pseudonym); the nickname still points
		// to them and goes.
		if pseudonymGloss(t, e+1) && allHan(t, i+1, e) && !strings.ContainsRune(quotedThingEnds, t.rs[e-1]) {
			if !anyTaken(d.taken, i+1, e) {
				d.add(i+1, e, capPersonal)
			}
			continue
		}
		if anyTaken(d.taken, i+1, e) {
			continue
		}
		switch {
		case cued && hasSuffixAny(t.str(max(0, i-3), i), nicknameCues):
		case calledAsPerson(t, i) && e-i-1 <= 3 && allHan(t, i+1, e) && !characterizations[t.str(i+1, e)] && !strings.ContainsRune(quotedThingEnds, t.rs[e-1]):
			// 村民称其为“猴子”, 都称第三人为“海子”: what people call a
			// person is their nickname, an everyday word too (occupations.go).
		case e-i-1 == 2 && isCommonGiven(t, t.rs[i+1]) && isCommonGiven(t, t.rs[i+2]) && !quotedWord(t, i+1, e) && namedInSentence(t, e+1):
			// 多次提到“含香”，经核实系其前妻的名字: the sentence says the
			// quote is someone's name (priv22).
		case e-i-1 <= 3 && namedBy(t, i, e) && !strings.Contains(t.str(max(0, i-3), i), "昵称") && allHan(t, i+1, e) && !strings.ContainsRune(quotedThingEnds, t.rs[e-1]) &&
			(!quotedWord(t, i+1, e) || e-i-1 == 2 && t.rs[i+1] == t.rs[i+2] && isCommonGiven(t, t.rs[i+1])):
			// 家人称其“莹莹”: a doubled given-name character is a pet name
			// although the dictionary holds it as a word; 昵称为“山里人家”
			// is an account's name, not a person's.
		case nickname3Shaped(t, i+1, e) && !quotedWord(t, i+1, e) && (hasSuffixAny(t.str(max(0, i-3), i), nicknameFrames) || t.match(e+1, nicknamePeople) > 0 || quotedPersonSlot32(t, i, e)):
			// “二林子”一方的说法, 叫“三狗子”的男子: a diminutive of three
			// characters only where a person is said right there (“三板子”
			// 工作法 stays).
		case !nicknameShaped(t, i+1, e) || quotedWord(t, i+1, e):
			continue
		case hasSuffixAny(t.str(max(0, i-3), i), nicknameFrames) || t.match(e+1, nicknamePeople) > 0:
		case personRight(t, e+1, true):
		default:
			continue
		}
		d.add(i+1, e, capPersonal)
	}
}

// glossedName returns the name that glosses a quote closing right before
// p: in brackets, 即 or not, after a party's role (（即第三人骆明波）,
// （戴春林）), or after 即 alone up to a delimiter (即原审第三人蒙芳，). The
// name is a surname and one or two given characters and no word.
func glossedName(d *detector, p int) (int, int, bool) {
	t := d.t
	bracket := p < t.n() && (t.rs[p] == '（' || t.rs[p] == '(')
	if bracket {
		p++
	}
	ji := p < t.n() && t.rs[p] == '即'
	if ji {
		p++
	}
	if !bracket && !ji {
		return 0, 0, false
	}
	if strings.HasPrefix(t.str(p, min(t.n(), p+2)), "原审") {
		p += 2
	}
	if n := t.match(p, anyRole); n > 0 {
		p += n
	}
	sur := 0
	switch {
	case p+1 < t.n() && compoundSet[t.str(p, p+2)]:
		sur = 2
	case p < t.n() && surnameSet.has(t.rs[p]):
		sur = 1
	default:
		return 0, 0, false
	}
	for _, e := range []int{p + sur + 2, p + sur + 1} {
		if e > t.n() || !allHan(t, p, e) || !validGiven(t, p+sur, e) || d.blocked(p, e) {
			continue
		}
		closed := e < t.n() && (t.rs[e] == '）' || t.rs[e] == ')')
		if !bracket {
			closed = e == t.n() || !t.han(e)
		}
		if !closed || strings.ContainsRune(quotedThingEnds, t.rs[e-1]) {
			continue
		}
		if w, ok := t.word(p, e); ok && w.freq >= 20 && !strings.HasPrefix(w.pos, "nr") {
			continue
		}
		return p, e, true
	}
	return 0, 0, false
}

// pseudonymGloss reports whether a bracket opening at p holds a name
// masked already, a surname and 某 (（牛某）, （即第三人卢某某）, （张某甲）).
func pseudonymGloss(t *text, p int) bool {
	if p >= t.n() || t.rs[p] != '（' && t.rs[p] != '(' {
		return false
	}
	p++
	if p < t.n() && t.rs[p] == '即' {
		p++
	}
	if strings.HasPrefix(t.str(p, min(t.n(), p+2)), "原审") {
		p += 2
	}
	if n := t.match(p, anyRole); n > 0 {
		p += n
	}
	switch {
	case p+1 < t.n() && compoundSet[t.str(p, p+2)]:
		p += 2
	case p < t.n() && surnameSet.has(t.rs[p]):
		p++
	default:
		return false
	}
	if p >= t.n() || t.rs[p] != '某' {
		return false
	}
	for p < t.n() && (t.rs[p] == '某' || strings.ContainsRune("甲乙丙丁戊", t.rs[p])) {
		p++
	}
	return p < t.n() && (t.rs[p] == '）' || t.rs[p] == ')')
}

// namedAsRole reports whether the quote opening at i follows 称 or 叫, a
// party's role and 为 (村民称原告为“国庆哥”, 大家都叫第三人“老四”, 习惯称呼申请人为
// “芳姐”): what people call that party.
func namedAsRole(t *text, i int) bool {
	k := i
	if k > 0 && t.rs[k-1] == '为' {
		k--
	}
	for s := max(0, k-8); s < k; s++ {
		if n := t.match(s, anyRole); n > 0 && s+n == k {
			before := t.str(max(0, s-2), s)
			return strings.HasSuffix(before, "称") || strings.HasSuffix(before, "叫") || strings.HasSuffix(before, "称呼") || strings.HasSuffix(before, "喊")
		}
	}
	return false
}

// namedInSentence reports whether the sentence from p on says that what
// was just quoted is a person's name (…系其前妻的名字, …是他的小名).
func namedInSentence(t *text, p int) bool {
	rest := t.str(p, min(t.n(), p+30))
	if k := strings.IndexAny(rest, "。；;\n"); k >= 0 {
		rest = rest[:k]
	}
	return containsAny(rest, []string{"的名字", "的小名", "的乳名", "的外号", "的绰号", "的昵称", "名字叫"})
}

// quotedWord reports whether rs[s:e] is a word of the dictionary that is
// neither a name nor a numeral's compound (老赖, 老街 are words; 老三, 二柱
// are nicknames the dictionary holds).
func quotedWord(t *text, s, e int) bool {
	w, ok := t.word(s, e)
	return ok && w.freq >= 20 && !strings.HasPrefix(w.pos, "nr") && w.pos != "m"
}

// nicknameFrames say a name follows: 一个叫“老包”的男子, 被称为“黑三”.
var nicknameFrames = []string{"叫", "叫做", "称为", "称作", "名叫", "自称", "称其为", "称其", "称呼其为", "称呼为"}

// nicknameNamedBy introduce any quoted name that is no word of the
// dictionary (被称作“菊姐”, 村民均称其为“黑娃”, 人称“东子”): what is quoted
// after them is what people call a person.
var nicknameNamedBy = []string{"称其为", "称其", "称呼其为", "人称", "外号", "绰号", "小名", "乳名"}

// nicknameNamedWeak name a thing as often as a person (被称为“城中村”): what
// they quote is a person's name only where the name or what follows says
// a person (“菊姐”的女子, “明仔”当晚…).
var nicknameNamedWeak = []string{"称作", "称为", "叫做", "名叫", "所称", "所称的", "所说的"}

// quotedThingEnds end the quoted names of places and things (“城中村”,
// “小产权房”, “金三角”区).
const quotedThingEnds = "村区镇乡街路房楼园场厂店所局院队站社屯湾岭坡沟桥"

// namedBy reports whether the quote opening at i, closing at e, follows
// a frame that names a person by it.
func namedBy(t *text, i, e int) bool {
	before := t.str(max(0, i-4), i)
	if hasSuffixAny(before, nicknameNamedBy) || namedAsRole(t, i) {
		return true
	}
	if !hasSuffixAny(before, nicknameNamedWeak) {
		return false
	}
	return strings.ContainsRune("姐哥娃仔子妹叔婶姨爷伯嫂儿", t.rs[e-1]) || t.match(e+1, nicknamePeople) > 0 || personRight(t, e+1, false)
}

// nicknamePeople are what a nickname's bearer is called after it:
// “黑三”的男子, “刘二”等人.
var nicknamePeople = newMatcher([]string{"一方", "一家", "一伙", "夫妇", "夫妻", "兄弟", "父子", "母子", "的男子", "的女子", "的男人", "的女人", "的中年男子", "的青年男子", "的青年", "的年轻人", "的老人", "的妇女", "的小伙", "的人", "的村民", "的司机", "的老板", "的工人", "的朋友", "等人", "本人"})

// nicknameNumerals and nicknameTails end the nicknames built on an
// ordinal or a trait (刘二, 黑三, 二柱, 大头).
var (
	nicknameHeads    = newRuneSet("黑大二三四五胖瘦矮麻疤秃")
	nicknameNumerals = newRuneSet("二三四五六七八九")
	nicknameTails    = newRuneSet("二三四五六七八九子娃皮头狗柱蛋牛毛虎猴")
)

// nickname3Shaped reports whether rs[s:e] is a diminutive of three
// characters: a trait or an ordinal, one character and a diminutive's
// tail (二林子, 三狗子, 黑蛋娃; priv29).
func nickname3Shaped(t *text, s, e int) bool {
	return e-s == 3 && nicknameHeads.has(t.rs[s]) && t.han(s+1) && strings.ContainsRune("子娃蛋", t.rs[s+2])
}

// nicknameShaped reports whether rs[s:e] is built as a nickname: 老, 小 or
// 阿 and one character (老包, 小刘, 阿强), a surname and an ordinal (刘二,
// 王老三), or a trait and a tail (黑三, 二柱, 大头).
func nicknameShaped(t *text, s, e int) bool {
	n := e - s
	switch {
	case n == 2 && strings.ContainsRune("老小阿", t.rs[s]):
		return true
	case surnameSet.has(t.rs[s]) && (n == 2 && nicknameNumerals.has(t.rs[s+1]) || n == 3 && t.rs[s+1] == '老' && nicknameNumerals.has(t.rs[s+2])):
		return true
	case n == 2 && nicknameHeads.has(t.rs[s]) && nicknameTails.has(t.rs[s+1]):
		return true
	case n == 2 && strings.ContainsRune("哥姐", t.rs[s+1]) && (nicknameNumerals.has(t.rs[s]) || isCommonGiven(t, t.rs[s])):
		// 波哥, 芳姐, 三哥: a given-name character or an ordinal and an
		// elder's title (大哥, 空姐 are words: quotedWord).
		return true
	}
	return false
}

// personHeadings end the heading of a list of people before its colon:
// 证人名单：, 被征收人：, 参加勘查的人员有：.
var personHeadings = []string{"人", "人员", "人员有", "名单", "人员名单", "人有", "户", "户主", "成员", "成员有", "代表", "证人", "人员为", "人为"}

// numberedPeople reads the items of a numbered list of people (1.谷雨（村主任）；
// 2.林立（村民代表）; （1）秦川，原告邻居；（2）田丰…; 1. 康乐 2. 安然): when
// one item's head is a name already read, or the list's heading says
// people, every item's head shaped as a name is a name whatever word it
// is. A head is two to four Han characters from a surname to the item's
// delimiter.
func (d *detector) numberedPeople() {
	t := d.t
	type item struct{ s, e int }
	var group []item
	flush := func() {
		if len(group) < 2 {
			group = group[:0]
			return
		}
		people := d.personHeading(group[0].s)
		for _, it := range group {
			if !people && d.taken[it.s] && hitAt(d.hits, it.s, it.e) {
				people = true
			}
		}
		if people {
			for _, it := range group {
				if w, ok := t.word(it.s, it.e); !anyTaken(d.taken, it.s, it.e) && !labelValueIsThing(t, it.s, it.e, true) && !(ok && (w.pos == "nt" || w.pos == "r")) {
					d.add(it.s, it.e, capNeutral)
				}
			}
		}
		group = group[:0]
	}
	last := -1
	for i := 2; i < t.n(); i++ {
		if !numberedItem(t, i) || i >= 3 && isDigitRune(t.rs[i-3]) && t.rs[i-1] == '.' {
			continue
		}
		s := i
		for s < t.n() && t.rs[s] == ' ' {
			s++
		}
		e := s
		for e < t.n() && t.han(e) && e-s <= 4 {
			e++
		}
		if last >= 0 && (i-last > 30 || strings.ContainsAny(t.str(last, i), "\n。")) {
			flush()
		}
		sur := surnameAt(t, s)
		if sur == 0 || e-s < sur+1 || e-s > sur+2 || !(e == t.n() || strings.ContainsRune("，,；;。（( 　\n、", t.rs[e])) || !validGiven(t, s+sur, e) {
			flush()
			last = -1
			continue
		}
		group = append(group, item{s, e})
		last = e
		i = e - 1
	}
	flush()
}

// personHeading reports whether the text before the numbered item at s
// (its number and the heading's colon) ends with a heading of people.
func (d *detector) personHeading(s int) bool {
	t := d.t
	k := s - 1
	for k >= 0 && !strings.ContainsRune("：:", t.rs[k]) && s-k <= 6 {
		k--
	}
	if k < 1 || !strings.ContainsRune("：:", t.rs[k]) {
		return false
	}
	return hasSuffixAny(t.str(max(0, k-6), k), personHeadings)
}

// hitAt reports whether a hit covers exactly rs[s:e].
func hitAt(hits []hit, s, e int) bool {
	for _, h := range hits {
		if h.start == s && h.end == e {
			return true
		}
	}
	return false
}

// isThingWord reports whether rs[s:e] is a common noun of the dictionary
// for a place, an organisation or a time (北京, 法院, 当时), which no
// numbered list makes a person.
func isThingWord(t *text, s, e int) bool {
	w, ok := t.word(s, e)
	return ok && (w.pos == "nt" || w.pos == "t" || w.pos == "f" || w.pos == "r")
}

// referredObject returns the end of the name at s after a verb of
// meeting, when what follows refers to it as a person: 的 and a relative
// or what only a person has (江山的弟弟), or, after a clause break or
// 后, a pronoun in the next few characters (常青，要求其退还; 高明后对其…).
// It returns 0 otherwise.
func referredObject(t *text, s int) int {
	sur := surnameAt(t, s)
	if sur == 0 {
		return 0
	}
	for e := s + sur + 1; e <= s+sur+2 && e < t.n(); e++ {
		if !validGiven(t, s+sur, e) {
			break
		}
		// 找到金条后对其登记: a thing found is referred to as 其 too; a
		// common noun is a person only before 的 and a relative.
		if w, ok := t.word(s, e); ok && w.freq >= 20 && (w.pos == "n" || w.pos == "nz" || verbLike(w.pos)) && !(t.rs[e] == '的' && t.match(e+1, kinMatcher) > 0) {
			return 0
		}
		// 高明后: 后 or 时 is when, not the name's third character.
		if e-s == sur+2 && strings.ContainsRune("后时前", t.rs[e-1]) {
			return 0
		}
		if referredAfter(t, e) {
			return e
		}
	}
	return 0
}

// namedAgain returns the end of the name at s after a verb of meeting
// when the text reads the same name as a person elsewhere and this one
// ends its clause (遇到了高峰，…，高峰将原告推倒), or 0.
func (d *detector) namedAgain(s int) int {
	t := d.t
	sur := surnameAt(t, s)
	if sur == 0 {
		return 0
	}
	for e := s + sur + 1; e <= s+sur+2 && e < t.n(); e++ {
		if !strings.ContainsRune("，,。；", t.rs[e]) || anyTaken(d.taken, s, e) {
			continue
		}
		name := t.str(s, e)
		for _, h := range d.hits {
			if h.end-h.start == e-s && t.str(h.start, h.end) == name {
				return e
			}
		}
	}
	return 0
}

// referredAfter reports whether what follows e speaks of a person: 的 and
// a relative or a person's attribute, or a pronoun (其, 他, 她) within the
// next clause, after a comma or 后/时.
func referredAfter(t *text, e int) bool {
	k := e
	if t.rs[e] == '的' {
		if t.match(e+1, kinMatcher) > 0 || t.match(e+1, personAttributes) > 0 {
			return true
		}
		// 遇见春雷的时候，其正在摆摊: when the meeting was, then the pronoun.
		if !strings.HasPrefix(t.rest(e+1), "时候") {
			return false
		}
		k = e + 3
	}
	switch {
	case t.rs[k] == '，' || t.rs[k] == ',':
		k++
	case strings.ContainsRune("后时", t.rs[k]) && k+1 < t.n() && t.han(k+1):
		k++
	default:
		return false
	}
	for j := k; j < t.n() && j < k+8 && t.han(j); j++ {
		if strings.ContainsRune("其他她", t.rs[j]) {
			// 其他 and 其中 are no pronoun for a person.
			return !(t.rs[j] == '其' && j+1 < t.n() && strings.ContainsRune("他中余次实", t.rs[j+1]))
		}
	}
	return false
}

// coupleFirsts reads the first of a couple: X与其妻Y, X和其子Y, where Y
// is a name already read or a surname leads it. X opens a clause or
// follows a role word.
func (d *detector) coupleFirsts() {
	t := d.t
	for p := 2; p+2 < t.n(); p++ {
		if t.rs[p+1] != '其' || !strings.ContainsRune("与和及同", t.rs[p]) {
			continue
		}
		k := t.match(p+2, kinMatcher)
		if k == 0 {
			// 其妻 is itself a kin word: 与其妻 matches at p+1.
			k = t.match(p+1, kinMatcher) - 1
		}
		q := p + 2 + max(k, 0)
		if k <= 0 || q >= t.n() || !(d.taken[q] || surnameAt(t, q) > 0) {
			continue
		}
		for _, n := range []int{2, 3} {
			s := p - n
			// 原告与其妻子, 乙方及其妻: a role word is the first of the couple.
			if s < 0 || surnameAt(t, s) == 0 || anyTaken(d.taken, s, p) || !validGiven(t, s+surnameAt(t, s), p) || roleInside(t, s, p) {
				continue
			}
			if (s == 0 || !t.han(s-1)) && !strings.ContainsRune(functionSurnames, t.rs[s]) || roleEndingAt(t, s) > 0 {
				d.add(s, p, capNeutral)
				break
			}
		}
	}
}

// parallelItems reads an item of a ；/、 list written like a name's item
// before it: the same separator after the span and the same three
// characters after that (严某，执法证号…；文静，执法证号…).
func (d *detector) parallelItems() {
	t := d.t
	for h := 0; h < len(d.hits); h++ {
		e := d.hits[h].end
		if e+3 > t.n() || !strings.ContainsRune("，, （(", t.rs[e]) || !allHan(t, e+1, e+3) {
			continue
		}
		sep, tail := t.rs[e], t.str(e+1, e+3)
		// The next item starts after the next ； or 、 of the sentence.
		q := e + 3
		for q < t.n() && q < e+40 && !strings.ContainsRune("；;、。\n", t.rs[q]) {
			q++
		}
		if q >= t.n() || !strings.ContainsRune("；;、", t.rs[q]) {
			continue
		}
		s := q + 1
		sur := surnameAt(t, s)
		if sur == 0 {
			continue
		}
		for n := sur + 1; n <= sur+2; n++ {
			f := s + n
			if f+3 > t.n() || !validGiven(t, s+sur, f) {
				break
			}
			if t.rs[f] == sep && t.str(f+1, f+3) == tail {
				if !anyTaken(d.taken, s, f) {
					d.add(s, f, capNeutral)
				}
				break
			}
		}
	}
}

// roleInside reports whether a role word or a strong label starts in
// rs[s:e] (由乙方, 原告).
func roleInside(t *text, s, e int) bool {
	for k := s; k < e; k++ {
		if t.match(k, anyRole) > 0 || t.match(k, strongLabels) > 0 {
			return true
		}
	}
	return false
}

// absorb adds rs[s:e] as one name in place of the hits inside it (艾则孜
// read alone inside 阿不都克力木艾则孜): the longer reading is the person.
// It reports whether the name was added.
func (d *detector) absorb(s, e int, c capacity) bool {
	kept := d.hits[:0]
	for _, h := range d.hits {
		if h.start >= s && h.end <= e && h.name == "" {
			for k := h.start; k < h.end; k++ {
				d.taken[k] = false
			}
			continue
		}
		kept = append(kept, h)
	}
	d.hits = kept
	return d.add(s, e, c)
}

// listClauseEnds close the clause a 、-list stands in.
const listClauseEnds = "，。；：！？,;:!?\n（）()《》“”"

// itemStops are characters no name in a list holds: function words, and
// what closes a list (等, 均).
const itemStops = "的了们是在有被把将从以因也都就还已未不没无非各每些另本个与对于即系并但却所之者第该你我他她它这那等均共"

// peopleLists reads the unknown items of a 、-list whose known items are
// names: at least two items are names already read, no fewer than the
// unknown ones, and every unknown item is shaped like a name (two to six
// characters, no word of the dictionary as a whole, no function word, no
// role, no organisation's or place's ending).
func (d *detector) peopleLists() {
	t := d.t
	for i := 0; i < t.n(); i++ {
		if t.rs[i] != '、' {
			continue
		}
		s, e := i, i
		for s > 0 && !strings.ContainsRune(listClauseEnds, t.rs[s-1]) {
			s--
		}
		for e < t.n() && !strings.ContainsRune(listClauseEnds, t.rs[e]) {
			e++
		}
		d.peopleList(s, e)
		i = e
	}
}

func (d *detector) peopleList(s, e int) {
	t := d.t
	var items [][2]int
	a := s
	for k := s; k <= e; k++ {
		if k == e || t.rs[k] == '、' {
			items = append(items, [2]int{a, k})
			a = k + 1
		}
	}
	// The last item may join one more with 和 or 及, and close the list
	// with 等 or 均 and a deed.
	last := items[len(items)-1]
	for k := last[0] + 2; k < last[1]; k++ {
		if strings.ContainsRune("和及与", t.rs[k]) {
			items = append(items[:len(items)-1], [2]int{last[0], k}, [2]int{k + 1, last[1]})
			last = items[len(items)-1]
			break
		}
	}
	for k := last[0] + 2; k < last[1]; k++ {
		// …均到场, …等人, …三人共同出资.
		if strings.ContainsRune("等均都共", t.rs[k]) || strings.ContainsRune(numerals, t.rs[k]) && k+1 < last[1] && strings.ContainsRune("人户名位", t.rs[k+1]) {
			items[len(items)-1][1] = k
			break
		}
	}
	// hitAt reports whether names read cover the item (敖特根巴雅尔 read as
	// two parts counts), or, for the first item, end it.
	hitAt := func(s, e int, tail bool) bool {
		starts, ends := tail, false
		for _, h := range d.hits {
			starts = starts || h.start == s
			ends = ends || h.end == e
		}
		if !starts || !ends {
			return false
		}
		if tail {
			return d.taken[e-1]
		}
		return allTaken(d.taken, s, e)
	}
	// cutShort reports whether a name read at the item's start ends one
	// character before it (阿拉坦 of 阿拉坦仓): the item is that name.
	cutShort := func(s, e int) bool {
		for _, h := range d.hits {
			// One character more, that is no numeral, no deed and starts
			// no word (三人, 反映, 诉称 close the list instead).
			if h.start == s && h.end == e-1 && h.name == "" && !d.taken[h.end] {
				r := t.rs[h.end]
				return !strings.ContainsRune(itemStops+numerals+"称说讲人户名位", r) && t.match(h.end, personVerbMatcher) == 0 && !wordFrom(t, h.end, h.end+2, 20)
			}
		}
		return false
	}
	known := 0
	var unknown, widen [][2]int
	for n, it := range items {
		switch {
		case hitAt(it[0], it[1], n == 0):
			known++
		case n > 0 && cutShort(it[0], it[1]):
			known++
			widen = append(widen, it)
		case n == 0 && (it[0] == 0 || !t.han(it[0]-1)) && it[1]-it[0] <= 4 && nameShapedItem(t, d.taken, it[0], it[1]):
			// 邗立新、笪某、钭某三人: the list opens the clause.
			unknown = append(unknown, it)
		case n == 0:
			// The first item holds what leads into the list (参加调解的有…).
		case nameShapedItem(t, d.taken, it[0], it[1]):
			unknown = append(unknown, it)
		default:
			return
		}
	}
	if known < 2 || len(unknown)+len(widen) == 0 || len(unknown) > known {
		return
	}
	for _, w := range widen {
		d.absorb(w[0], w[1], capNeutral)
	}
	for _, u := range unknown {
		d.add(u[0], u[1], capNeutral)
	}
}

// nameShapedItem reports whether the list item rs[s:e] may be a name the
// lexicon lacks.
func nameShapedItem(t *text, taken []bool, s, e int) bool {
	if e-s < 2 || e-s > 6 || !allHan(t, s, e) || anyTaken(taken, s, e) || anyWordAt(t, s, e) || roleInside(t, s, e) {
		return false
	}
	if strings.ContainsRune(orgEnds+placeChars, t.rs[e-1]) {
		return false
	}
	for k := s; k < e; k++ {
		if strings.ContainsRune(itemStops, t.rs[k]) {
			return false
		}
	}
	// 牧草种子: a frequent word inside is a thing.
	thing := false
	for k := s; k < e && !thing; k++ {
		t.words(k, func(j int, w word) {
			if j <= e && w.freq >= 500 && !strings.HasPrefix(w.pos, "nr") {
				thing = true
			}
		})
	}
	return !thing
}

// allTaken reports whether every rune of rs[s:e] is in a name read.
func allTaken(taken []bool, s, e int) bool {
	for k := s; k < e; k++ {
		if !taken[k] {
			return false
		}
	}
	return e > s
}

// speakingRoles are the labels of turns in a record of a hearing, an
// inquiry or a reconsideration hearing: what follows their colon may be
// what was said. Form labels (承办人, 法定代表人, 姓名) never open speech.
var speakingRoles = []string{
	"原告", "被告", "第三人", "申请人", "上诉人", "代理人", "证人", "被询问人", "询问人", "被调查人", "调查人",
	"审判长", "审判员", "主持人", "当事人", "法官", "书记员", "被处罚人", "答", "问",
}

// speechOpeners open the clause of a turn of speech after a comma (原告代理人：
// 明白，没有异议; 被申请人：高度重视，已经整改); a header goes on with what a
// person is (，男 ，局长 ，某律师事务所律师).
var speechOpeners = []string{"没", "不", "已", "也", "都", "我", "你", "他", "她", "请", "现在", "下面", "好的", "要", "就", "还", "但", "可", "因", "所以", "希望", "同意", "是", "有", "无", "对", "这", "那", "当时", "现在"}

// speechAfterColon reports whether what stands at j, right after the colon
// of the label that ends at le, is what the speaker said, not a name: in a
// record 原告：同意调解。, 被告：严格按照程序办理, 第三人：万一判决不利… are
// turns of speech. Another role word at j is no name either (审判长：原告
// 陆春华，…: the role word reads its own name).
//
// A turn's label is a party's or the court's (speakingRoles). What
// follows it is speech when it opens with a word of the dictionary and is
// not closed as a header or a signature closes a name (原告：冯丽娟，女;
// 原告：高峰（…）; 记录人：温和 at the line's end): it ends a sentence, or a
// comma opens more speech, or it runs on into a clause. A word the
// dictionary tags as a name (明白, 高峰) opens speech only in a text
// written as a record (问：, 答：, a question mark).
func speechAfterColon(t *text, le, j int) bool {
	if j >= t.n() || !t.han(j) {
		return false
	}
	e := j
	for e < t.n() && t.han(e) && !strings.ContainsRune(labelEnds, t.rs[e]) {
		e++
	}
	// 第三人：房东升，男: a role word that starts a name closed as one.
	if n, _ := roleAt(t, j); n > 0 && !(e-j <= 4 && closedAsName(t, e) && e-j > n) {
		return true
	}
	if !hasSuffixAny(t.str(max(0, le-5), le), speakingRoles) {
		return false
	}
	// 书记员：请全体起立; 原告：我不同意: a word of speech opens the turn.
	if speechOpens(t, j) {
		return true
	}
	first := 0
	var fw word
	t.words(j, func(k int, w word) {
		if w.freq >= 5 && k <= e {
			first, fw = k-j, w
		}
	})
	if first == 0 {
		return false
	}
	// 原告：高山林诉称…: a name before a party's deed.
	for k := j + 2; k <= j+4 && k < e; k++ {
		if t.match(k, provedFollowers) > 0 {
			return false
		}
	}
	// 原告：杨树是我家种的: a clause runs on where a header's name would
	// stop.
	if e-j > 4 {
		return true
	}
	// 明白，没有异议: a comma and more speech say a turn whatever the word.
	if strings.HasPrefix(fw.pos, "nr") && !t.recordLike() && !(first == e-j && e < t.n() && (t.rs[e] == '，' || t.rs[e] == ',') && speechOpens(t, e+1)) {
		return false
	}
	// 原告：高山林，…: a word that opens a longer span shaped like a name.
	if first < e-j && !wordFrom(t, j+first, e, 20) {
		return false
	}
	if e >= t.n() || strings.ContainsRune("\n \u3000\t（(、；;及：:", t.rs[e]) {
		return false
	}
	if t.rs[e] == '，' || t.rs[e] == ',' {
		return speechOpens(t, e+1) || !strings.HasPrefix(fw.pos, "nr") && !headerClause(t, e+1)
	}
	return true // 。！？: a sentence said
}

// headerTitles end the clause of a header that says what a person is:
// 代理人：高原，某法律服务所法律工作者; 原告：X，该村村民.
var headerTitles = []string{"律师", "工作者", "员工", "职工", "职员", "局长", "主任", "经理", "科长", "所长", "队长", "村民", "居民", "农民", "干部", "人员", "负责人", "法定代表人", "股东", "经营者", "个体户", "之妻", "之夫", "之子", "之女", "之父", "之母"}

// headerClause reports whether the clause at i goes on as a header does
// about a person: a header's usual opening (closedAsName) or a title at
// its end.
func headerClause(t *text, i int) bool {
	if i > 0 && closedAsName(t, i-1) {
		return true
	}
	e := i
	for e < t.n() && t.han(e) && e-i < 20 {
		e++
	}
	return hasSuffixAny(t.str(i, e), headerTitles)
}

// speechOpens reports whether a clause of speech opens at i (speechOpeners).
func speechOpens(t *text, i int) bool {
	_, ok := hasPrefixAny(t.rest(i), speechOpeners)
	return ok
}

// recordLike reports whether the text is written as a record of what was
// said: questions and answers, or a question mark.
func (t *text) recordLike() bool {
	if t.record == 0 {
		t.record = 1
		if strings.ContainsAny(t.s, "？?") || strings.Contains(t.s, "问：") || strings.Contains(t.s, "答：") {
			t.record = 2
		}
	}
	return t.record == 2
}

// roleWordAt reports whether a party's or an agent's role word of the
// lexicon starts at i (当事人, 原告, 代理人; vote.go's partyRoles are the
// parties a vote weighs, a shorter list).
func roleWordAt(t *text, i int) bool {
	n, kind := roleAt(t, i)
	return n > 0 && (kind == markParty || kind == markAgent)
}

// roleVerb reports whether rs[s:e], right after a role word, is the
// party's deed rather than a name: a verb of the dictionary of two
// characters (查扣, 查封, 查获) that an aspect particle follows (查扣了),
// or one whose second character the given-name model scores as almost no
// one's (获, 要: 查获, 简要陈述); also an adverb or an adjective of that
// kind before a deed (第三人简要陈述).
func roleVerb(t *text, s, e int) bool {
	if e-s != 2 {
		return false
	}
	w, ok := t.word(s, e)
	// 执法人员查实当事人…: a party right after the span is the deed's
	// object; no name runs into a role word.
	if ok && verbLike(w.pos) && roleWordAt(t, e) {
		return true
	}
	if !ok || strings.HasPrefix(w.pos, "nr") {
		return false
	}
	verb := verbLike(w.pos) || w.pos == "a"
	if !verb {
		return false
	}
	if e < t.n() && strings.ContainsRune("了着过", t.rs[e]) && !wordFrom(t, e, e+2, 20) {
		return true
	}
	return t.d.givenScore(t.rs[s+1]) <= -20
}

// closedAsName reports whether what follows rs[:e] closes a name written
// after a label: the text's or the line's end, a space, brackets, the next
// item of a list, or a comma and what a header says next about a person
// (，男 ，1980年生 ，住… ，系…).
func closedAsName(t *text, e int) bool {
	if e >= t.n() || strings.ContainsRune("\n \u3000\t（(、；;及", t.rs[e]) {
		return true
	}
	if (t.rs[e] == '，' || t.rs[e] == ',') && e+1 < t.n() {
		r := t.rs[e+1]
		return strings.ContainsRune("男女住系现户汉身出生曾原该（(", r) || isDigitRune(r)
	}
	return false
}

// pairCollectives close a pair of people named together: 兄弟二人,
// 父子, 夫妻, 二人.
var pairCollectives = newMatcher([]string{"兄弟", "姐妹", "兄妹", "姐弟", "父子", "父女", "母子", "母女", "夫妻", "夫妇", "二人", "两人", "三人", "等人"})

// pairedWithGiven reads the name coordinated with a person's given name
// before a word that closes a pair of people (杭水生 … 由水生、春根兄弟二人;
// 冬生、水根父子): the other one is a person too, though named only there.
// It runs after the full names are read.
func (d *detector) pairedWithGiven() {
	t := d.t
	if !strings.ContainsRune(t.s, '、') && !strings.ContainsRune(t.s, '和') {
		return
	}
	given := map[string]bool{}
	for _, h := range d.hits {
		if h.end-h.start == 3 && surnameAt(t, h.start) == 1 {
			given[t.str(h.start+1, h.end)] = true
		}
	}
	for i := 0; i+5 <= t.n(); i++ {
		if t.rs[i+2] != '、' && t.rs[i+2] != '和' || !allHan(t, i, i+2) || !allHan(t, i+3, i+5) {
			continue
		}
		if i > 0 && t.han(i-1) && !strings.ContainsRune(givenPrepositions, t.rs[i-1]) || t.match(i+5, pairCollectives) == 0 {
			continue
		}
		a, b := t.str(i, i+2), t.str(i+3, i+5)
		switch {
		case given[a] && !given[b] && !frequentWordAt(t, i+3, i+5, 200):
			d.add(i+3, i+5, capNeutral)
		case given[b] && !given[a] && !frequentWordAt(t, i, i+2, 200):
			d.add(i, i+2, capNeutral)
		}
	}
}
