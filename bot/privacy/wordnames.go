package privacy

import (
	"strings"
	"sync"
	"unicode/utf8"
)

// Names the dictionary hides: a surname that starts no word (亓, 冼, 禤, 郗)
// before a given name that is one (亓建设协议互换…, 侬建设开的…), and given
// names that are everyday words written without their surname after a kin
// word or in a frame only a person fills (之女小满代为签收, 由小满代为签收,
// 牧歌是我堂弟, a spaced table row 3  牧歌  女  1988.06).

// surnameOnlySet holds the surnames no word of the dictionary starts with
// and that are no frequent word themselves: where one stands before Chinese
// characters, a person's name starts.
var surnameOnlySet = sync.OnceValue(func() runeSet {
	d := dict()
	cands := map[rune]bool{}
	for _, r := range rankedSurnames + rareSurnames {
		if d.commonness(r) <= 2 {
			cands[r] = true
		}
	}
	for s, w := range d.words {
		r, _ := utf8.DecodeRuneInString(s)
		if !cands[r] || strings.HasPrefix(w.pos, "nr") {
			continue
		}
		if w.freq >= 5 && len(s) > utf8.RuneLen(r) || w.freq >= 100 {
			delete(cands, r)
		}
	}
	var only strings.Builder
	for r := range cands {
		only.WriteRune(r)
	}
	return newRuneSet(only.String())
})

// surnameOnly reads a name at every surname of surnameOnlySet that nothing
// else read: the surname and two characters when they are a given name the
// model or the dictionary knows (建设, 国强) or the third is a given-name
// character that starts no verb, else the surname and one character before
// what follows a name.
func (d *detector) surnameOnly() {
	t := d.t
	set := surnameOnlySet()
	for i := 0; i+1 < t.n(); i++ {
		if d.taken[i] || !set.has(t.rs[i]) || !t.han(i+1) || d.taken[i+1] || strings.ContainsRune("某×", t.rs[i+1]) {
			continue
		}
		// 宋冼…: the character ends a word before it; 马庄镇仝楼村: a
		// place (the shape checks below) is no person.
		if t.han(i-1) && (!leftOK(t, i) || wordAcross(t, i)) {
			continue
		}
		e := 0
		if i+3 <= t.n() && allHan(t, i+1, i+3) && d.free(i, i+3) && !strings.ContainsRune(functionChars+adverbsBefore+"某×了着过", t.rs[i+2]) {
			given := t.str(i+1, i+3)
			known := t.d.pairs[given] > 0 || anyWordAt(t, i+1, i+3)
			if known || t.d.givenScore(t.rs[i+2]) >= 0 && !verbAt(t, i+2) && !crossesRight(t, i, i+3, 50) {
				e = i + 3
			}
		}
		if e == 0 && t.d.givenScore(t.rs[i+1]) > -20 && nameFollows(t, i+2) {
			e = i + 2
		}
		// 姚安县, 滕州, 赵州桥: a place named after the family.
		if e > 0 && (strings.ContainsRune(placeEnds, t.rs[e-1]) || e-i == 3 && strings.ContainsRune(placeEnds, t.rs[e-2])) {
			continue
		}
		if e == 0 || !shaped(t, candidate{i, e, 1}, evWeak) || grammarSpan(t, i, e) {
			continue
		}
		if d.add(i, e, capNeutral) {
			i = e - 1
		}
	}
}

// wordAcross reports whether a word of the dictionary runs from before i
// into it (师傅 in 师傅负责): i is inside a word, not at a surname.
func wordAcross(t *text, i int) bool {
	for a := max(0, i-3); a < i; a++ {
		hit := false
		t.words(a, func(j int, w word) { hit = hit || j > i && w.freq >= 5 })
		if hit {
			return true
		}
	}
	return false
}

// placeEnds end the names of places and divisions, never a given name.
const placeEnds = "州县市区镇乡村桥庄屯寨旗盟"

// bareGivenAt reads a given name written alone after a kin word (之女小满代
// 为签收, 之兄建设在外地务工, 儿媳春燕当日…): two characters a given name
// may hold, no relation, role, grammar or time word, before what follows a
// name. A verbal noun (建设) is read so only before a deed, never before
// 的 or its object.
func bareGivenAt(t *text, j int) int { return bareGiven(t, j, false, false) }

// bareGiven is bareGivenAt; timeOK lets a word of time be the name where
// another word of time follows it (国庆后来也…: 国庆 is no time there);
// anyFollow lets any Chinese character follow, where the frame alone says
// a person (答：是X报的警).
func bareGiven(t *text, j int, timeOK, anyFollow bool) int {
	return bareGivenAny(t, j, timeOK, anyFollow, false)
}

// deicticTimes are the time words that point at a moment (明天, 当时); the
// dictionary's other time words (明月, 春晓, 秋月 — poetic) are given names
// too, where a frame already says a person stands there.
var deicticTimes = newMatcher([]string{"今天", "明天", "昨天", "前天", "后天", "今年", "明年", "去年", "前年", "后年", "今晚", "明晚", "昨晚",
	"今早", "明早", "昨早", "现在", "当时", "以前", "以后", "之前", "之后", "平时", "最近", "原来", "早上", "晚上", "上午", "下午", "中午",
	"春节", "过年", "周末", "那天", "这天", "当天", "次日", "每天", "天天", "今后", "目前", "本月", "上月", "下月", "今日", "昨日", "明日",
	"从小", "小时", "当年", "那年", "早年", "晚年", "近来", "将来", "如今", "此时", "那时", "这时", "平日", "往年", "一早", "傍晚", "半夜", "夜里"})

// bareGivenAny is bareGiven that, with anyTime, also takes a time word that
// points at no moment (not a deicticTimes word).
func bareGivenAny(t *text, j int, timeOK, anyFollow, anyTime bool) int {
	e := j + 2
	if e > t.n() || !allHan(t, j, e) || strings.ContainsRune("其他她我你您某×", t.rs[j]) {
		return 0
	}
	w, isWord := t.word(j, e)
	if anyRole.at(t.rest(j)) != "" || personAttributes.at(t.rest(j)) != "" || t.match(j, honorificMatcher) > 0 ||
		grammarSpan(t, j, e) && !(isWord && (w.pos == "vn" || w.freq < 100)) || timeWord(t, j, e) && !(timeOK && timeWord(t, e, e+2)) && !(anyTime && t.match(j, deicticTimes) != 2) || anyNeverGiven(t, j, e) {
		return 0
	}
	a, b := t.d.givenScore(t.rs[j]), t.d.givenScore(t.rs[j+1])
	if min(a, b) <= -20 || max(a, b) < 5 {
		return 0
	}
	// 建设在外地: a preposition after the name may form a word with its
	// last character (设在).
	// 女儿小雪陪同…: a verb may follow the name at once.
	// 光明代为缴纳: nor may a deed after it (明代).
	follows := nameFollows(t, e) || verbAt(t, e) || anyFollow && t.han(e)
	deed := t.match(e, deedFollowers) > 0 || t.match(e, personVerbMatcher) > 1
	if !follows || crossesRight(t, j, e, 50) && !strings.ContainsRune(functionChars, t.rs[e]) && !deed {
		return 0
	}
	if isWord && t.d.pairs[t.str(j, e)] == 0 {
		switch {
		case w.pos == "vn":
			if e < t.n() && (t.rs[e] == '的' || !t.han(e+1) || nounWordAt(t, e, e+2)) {
				return 0
			}
		case verbLike(w.pos) && w.freq >= 50, w.pos == "a" || w.pos == "ad",
			w.pos == "n" && w.freq >= 200 && min(a, b) < 10: // 娘家, not 光明

			return 0
		}
	}
	return 2
}

// proxyVerbs follow the person who signs or receives for another: 由小满代为
// 签收, 由其弟代收.
var proxyVerbs = newMatcher([]string{"代为", "代收", "代签", "代领", "代交", "转交"})

// wordNameFrames reads given names written alone in frames only a person
// fills: 由X代为签收; X是我堂弟 (a clause's subject before 是我 and a kin
// word); and a cell of a spaced table before a cell of 男 or 女.
func (d *detector) wordNameFrames() {
	t := d.t
	for i := 1; i+2 < t.n(); i++ {
		switch {
		case i >= 2 && strings.ContainsRune("我你他她俺咱", t.rs[i-2]) && t.rs[i-1] == '家' && d.free(i, i+2) && insideQuote(t, i):
			// “我家明月从小就懂事”: in a quoted speech 我家 before a given
			// name is the speaker's child or spouse (priv22); the frame
			// says a person whatever follows.
			if n := bareGivenAny(t, i, false, true, true); n > 0 {
				d.add(i, i+2, capPersonal)
			}
		case t.rs[i-1] == '由' && d.free(i, i+2) && t.match(i+2, proxyVerbs) > 0:
			if n := bareGivenAt(t, i); n > 0 || surnameAt(t, i) > 0 && allHan(t, i, i+2) {
				d.add(i, i+2, capPersonal)
			}
		case (i == 0 || !t.han(i-1)) && d.free(i, i+2) && kinAfterCopula(t, i+2):
			if n := bareGivenAt(t, i); n > 0 {
				d.add(i, i+2, capPersonal)
			}
		case i >= 2 && strings.ContainsRune("与和同跟", t.rs[i-1]) && roleEndingAt(t, i-1) > 0 && d.free(i, i+2) && t.match(i+2, dealVerbs) > 0:
			// 原告与春雨签订…: a party deals with a person; an organisation's
			// short name has a character no given name has (物业, 村委, 银行).
			if n := bareGivenAt(t, i); n > 0 && min(t.d.givenScore(t.rs[i]), t.d.givenScore(t.rs[i+1])) >= 5 {
				d.add(i, i+2, capPersonal)
			}
		case i >= 3 && t.str(i-3, i) == "答：是" && askedWho(t, i-3) && d.free(i, i+2) && !strings.ContainsAny(t.str(i, i+2), "某×") && !placeSpan(t, i, i+2):
			// 问：谁动手打的人？答：是春雨先推的我: the answer to who names a
			// person; 答：是西昌的包工头 names a place (priv26).
			if n := bareGiven(t, i, false, true); n > 0 || surnameAt(t, i) > 0 && allHan(t, i, i+2) && nameFollows(t, i+2) {
				d.add(i, i+2, capPersonal)
			}
		}
	}
	if strings.Contains(t.s, "  ") {
		d.spacedCells()
	}
}

// askedWho reports whether the question the answer at a (答) replies to
// asks who: 谁 between the last 问 and a, with no other answer and no
// line break between.
func askedWho(t *text, a int) bool {
	q := strings.LastIndex(t.s[:t.off[a]], "问")
	if q < 0 {
		return false
	}
	between := t.s[q:t.off[a]]
	return strings.Contains(between, "谁") && !strings.ContainsAny(between, "答\n")
}

// alsoSubjects reads, once the other passes have read the sentence's
// people, the subject of a clause that did the same as one of them (是春雨
// 先推的我，国庆后来也上手了): a given name alone before 也, 又 or 还 and a
// verb.
func (d *detector) alsoSubjects() {
	t := d.t
	for i := 1; i+2 < t.n(); i++ {
		if t.rs[i-1] == '，' && d.free(i, i+2) && alsoDeedAhead(t, i+2) && d.personEarlierInSentence(i) && bareGiven(t, i, true, false) > 0 {
			d.add(i, i+2, capPersonal)
		}
	}
}

// alsoDeedAhead reports whether, within a word of time after e, 也, 又 or
// 还 and a verb follow: X后来也上手了.
func alsoDeedAhead(t *text, e int) bool {
	k := e
	if w, ok := t.word(k, k+2); ok && w.pos == "t" {
		k += 2
	}
	if k+1 >= t.n() || !strings.ContainsRune("也又还", t.rs[k]) {
		return false
	}
	w, ok := t.word(k+1, k+2)
	v := ok && w.pos == "v" && w.freq >= 1000 // 也打了
	t.words(k+1, func(_ int, w word) { v = v || verbLike(w.pos) && w.freq >= 20 })
	return v
}

// personEarlierInSentence reports whether a person was read before i in
// the sentence holding it.
func (d *detector) personEarlierInSentence(i int) bool {
	start := i
	for start > 0 && !strings.ContainsRune("。！？\n", d.t.rs[start-1]) {
		start--
	}
	for _, h := range d.hits {
		if h.start >= start && h.end <= i {
			return true
		}
	}
	return false
}

// dealVerbs are what a party does with another person: 签订, 办理, 协商.
var dealVerbs = newMatcher([]string{"签订", "签署", "办理", "协商", "达成", "订立", "约定", "协议", "发生"})

// kinAfterCopula reports whether 是我/是他/系其 and a kin word or a form of
// address follow k: 牧歌是我堂弟, 春燕是他老婆.
func kinAfterCopula(t *text, k int) bool {
	if k+3 > t.n() || !strings.ContainsRune("是系", t.rs[k]) || !strings.ContainsRune("我他她其你", t.rs[k+1]) {
		return false
	}
	j := k + 2
	if j < t.n() && t.rs[j] == '的' {
		j++
	}
	n, kind := roleAt(t, j)
	return n > 0 && kind == markKin
}

// functionSpan says whether rs[s:e] is a function word, a pronoun or a
// numeral of the dictionary, which no cell before 男/女 names.
func functionSpan(t *text, s, e int) bool {
	w, ok := t.word(s, e)
	return ok && strings.Contains(" d p c u uj ul r m q ", " "+w.pos+" ")
}

// spacedCells reads the name cell of a table pasted with spaces, before a
// cell of 男 or 女 (3  牧歌  女  1988.06): whatever word the cell is.
func (d *detector) spacedCells() {
	t := d.t
	for i := 0; i < t.n(); i++ {
		if !t.han(i) || i > 0 && t.rs[i-1] != ' ' && t.rs[i-1] != '\u3000' {
			continue
		}
		e := i
		for e < t.n() && t.han(e) {
			e++
		}
		k := e
		for k < t.n() && (t.rs[k] == ' ' || t.rs[k] == '\u3000') {
			k++
		}
		if e-i < 2 || e-i > 4 || k-e < 1 || k >= t.n() || !strings.ContainsRune("男女", t.rs[k]) || k+1 < t.n() && t.han(k+1) || !d.free(i, e) {
			i = e
			continue
		}
		if anyRole.at(t.rest(i)) == "" && !functionSpan(t, i, e) && !strings.ContainsAny(t.str(i, e), "某×") {
			d.add(i, e, capNeutral)
		}
		i = e
	}
}

// insideQuote reports whether rune i stands inside a quotation opened
// earlier in its paragraph and not yet closed.
func insideQuote(t *text, i int) bool {
	for k := i - 1; k >= 0 && i-k < 200; k-- {
		switch t.rs[k] {
		case '“', '「':
			return true
		case '”', '」', '\n':
			return false
		}
	}
	return false
}
