package privacy

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Names are found by evidence, never by a surname alone. A surname-led
// span becomes a name when something says so: a role word or a label
// before it, 男/女, an honorific, a title or a role in brackets after it, a
// list or coordination with another name, or the start of a clause before
// a verb people do (称, 证实, 签订…). The dictionary says when a span is a
// word instead (陈述, 程序, 高度, 方面, 张家港), and a word needs the
// strongest evidence to be read as a name.

// evidence is how sure the detector is that a span is a name.
type evidence uint8

const (
	evNone   evidence = iota // name-shaped only: three characters, common given name, no word
	evWeak                   // a clause start before a person's verb, a list with another name
	evMarker                 // a role word before it (原告, 其妻, 驾驶员, 东至…承包地)
	evStrong                 // a label (姓名：), 男/女, an honorific, a title or a role in brackets after it
)

// capacity is what a hit says about the person: acting in office, in a
// private capacity, or nothing either way (a name before 称).
type capacity uint8

const (
	capNeutral capacity = iota
	capPersonal
	capOfficial
)

// hit is a name found in a text, in runes.
type hit struct {
	start, end int
	cap        capacity
	// name is the name when the text writes it spaced out (凤　雪 in a
	// signature block is 凤雪); empty when it is the text of the span.
	name string
}

// nameOf returns the name a hit stands for.
func (t *text) nameOf(h hit) string {
	if h.name != "" {
		return h.name
	}
	return t.str(h.start, h.end)
}

// text is a normalized text seen as runes.
type text struct {
	s   string
	rs  []rune
	off []int // byte offset of each rune; off[len(rs)] == len(s)
	d   *dictionary
	// seg and segName are the best path's token ends and names (see
	// segment), once computed.
	seg     []int32
	segName []bool
	// titleOpen and titleClose hold, for each rune inside a 《…》 title,
	// where the title opens and closes (-1 outside), once computed.
	titleOpen, titleClose []int32
	// roleN and roleK hold, for each position, the length (-1: not yet
	// asked) and kind of the role word ending there (see roleEnding).
	roleN []int8
	// record is 2 when the text is written as a record of what was said
	// (recordLike), 1 when not, 0 before it is asked.
	record int8
	roleK  []markerKind
	// reserved marks the runes of words that hold a name part but are no
	// name (乌兰察布, 嘎查长, 第五条), once computed (minority.go).
	reserved []bool
	// tbl holds the tables pasted as text, once read (tables.go).
	tbl *textTable
}

// title returns where the 《…》 title holding i opens and closes, or
// -1, -1: a title of at most 80 characters with no title inside it,
// computed for the whole text at the first call.
func (t *text) title(i int) (open, close int) {
	if t.titleOpen == nil {
		n := t.n()
		t.titleOpen, t.titleClose = make([]int32, n), make([]int32, n)
		for k := range t.titleOpen {
			t.titleOpen[k], t.titleClose[k] = -1, -1
		}
		for a := 0; a < n; a++ {
			if t.rs[a] != '《' {
				continue
			}
			for b := a + 1; b < n && b <= a+80; b++ {
				if t.rs[b] == '《' {
					break
				}
				if t.rs[b] == '》' {
					for k := a + 1; k < b; k++ {
						t.titleOpen[k], t.titleClose[k] = int32(a), int32(b)
					}
					a = b
					break
				}
			}
		}
	}
	if i < 0 || i >= t.n() {
		return -1, -1
	}
	return int(t.titleOpen[i]), int(t.titleClose[i])
}

func newText(s string) *text {
	t := &text{s: s, rs: make([]rune, 0, len(s)/2), off: make([]int, 0, len(s)/2+1), d: dict()}
	for i, r := range s {
		t.rs = append(t.rs, r)
		t.off = append(t.off, i)
	}
	t.off = append(t.off, len(s))
	return t
}

func (t *text) n() int              { return len(t.rs) }
func (t *text) str(i, j int) string { return t.s[t.off[i]:t.off[j]] }
func (t *text) rest(i int) string   { return t.s[t.off[min(i, len(t.rs))]:] }

func (t *text) han(i int) bool { return i >= 0 && i < len(t.rs) && isHan(t.rs[i]) }

// word looks rs[i:j] up in the dictionary.
func (t *text) word(i, j int) (word, bool) {
	if i < 0 || j > len(t.rs) || j-i < 1 {
		return word{}, false
	}
	return t.d.lookup(t.str(i, j))
}

// words calls fn for every dictionary word of two or more runes starting
// at i, shortest first.
func (t *text) words(i int, fn func(j int, w word)) {
	if !t.han(i) {
		return
	}
	maxLen := t.d.longest(t.rs[i])
	for j := i + 2; j <= min(len(t.rs), i+maxLen); j++ {
		if !t.han(j - 1) {
			return
		}
		if w, ok := t.word(i, j); ok {
			fn(j, w)
		}
	}
}

// match returns the rune length of the longest word of m at i.
func (t *text) match(i int, m *matcher) int {
	if i >= len(t.rs) {
		return 0
	}
	return utf8.RuneCountInString(m.at(t.rest(i)))
}

// isNameWord reports whether a dictionary entry reads as a word rather
// than a name. jieba tags many ordinary words as names (nr: 陈述, 文明),
// so a name tag only counts when the given part is a common given name.
func isNameWord(t *text, i, j, sur int, ev evidence) (isWord bool, w word) {
	w, ok := t.word(i, j)
	if !ok {
		return false, w
	}
	if strings.HasPrefix(w.pos, "nr") && allCommonGiven(t, i+sur, j) {
		// Frequent nr entries are mostly words (明白, 阳光, 查明): without
		// a role word they are names only with one of the commonest
		// surnames.
		if ev < evMarker && (sur != 1 || !strings.ContainsRune(topSurnames, t.rs[i])) {
			return true, w
		}
		return false, w
	}
	return true, w
}

// topSurnames are the hundred commonest surnames.
const topSurnames = "傅萧洪赖王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"

// functionSurnames are surnames that are also prepositions, conjunctions
// or adverbs (向原告, 于法定期限, 但均, 曾多次): a name starting with one
// needs a common given name.
const functionSurnames = "向于和由但都时曾从经及将对"

func allCommonGiven(t *text, i, j int) bool {
	// 张老三, 王小二: a nickname written as the given name.
	if j-i == 2 && (t.rs[i] == '老' || t.rs[i] == '小') && strings.ContainsRune("大二三四五六七八九幺", t.rs[i+1]) {
		return true
	}
	for k := i; k < j; k++ {
		if !isCommonGiven(t, t.rs[k]) {
			return false
		}
	}
	return j > i
}

// isCommonGiven reports whether r is a common given-name character: one
// of commonGiven, or one the given-name model finds far likelier in names
// than in words (芹, 昀, 蕙), surnames aside.
func isCommonGiven(t *text, r rune) bool {
	return commonGivenSet.has(r) || t.d.givenScore(r) >= 25 && !surnameSet.has(r)
}

// wordAt reports whether rs[i:j] is a frequent dictionary word that is no
// name (查明, 阳光).
func wordAt(t *text, i, j int) bool {
	w, ok := t.word(i, j)
	return ok && w.freq >= 20 && !strings.HasPrefix(w.pos, "nr")
}

// frequentWordAt reports whether rs[i:j] is a dictionary word seen at
// least minFreq times (阳光 is, 万福 is not).
func frequentWordAt(t *text, i, j, minFreq int) bool {
	w, ok := t.word(i, j)
	return ok && w.freq >= uint32(minFreq)
}

// anyWordAt reports whether rs[i:j] is a frequent dictionary word, names
// included (查明 is tagged as one).
func anyWordAt(t *text, i, j int) bool {
	w, ok := t.word(i, j)
	return ok && w.freq >= 20
}

// givenScore sums the given-name character model's scores of rs[i:j]
// (tenths of a log-ratio: 芳 40, 来 −14).
func givenScore(t *text, i, j int) int {
	n := 0
	for k := i; k < j && k < t.n(); k++ {
		n += t.d.givenScore(t.rs[k])
	}
	return n
}

func validGiven(t *text, i, j int) bool {
	if j > len(t.rs) || j <= i {
		return false
	}
	for k := i; k < j; k++ {
		if !isHan(t.rs[k]) || neverGivenSet.has(t.rs[k]) {
			return false
		}
	}
	return true
}

// surnameAt returns the length of the surname starting at i: 2 for a
// compound surname, 1 for a common one, 0 otherwise.
func surnameAt(t *text, i int) int {
	if !t.han(i) {
		return 0
	}
	if t.han(i+1) && compoundSet[t.str(i, i+2)] {
		return 2
	}
	if surnameSet.has(t.rs[i]) {
		if wordStartSet.has(t.rs[i]) && (anyWordAt(t, i, i+2) || anyWordAt(t, i, i+3)) {
			return 0
		}
		return 1
	}
	return 0
}

var compoundSet = func() map[string]bool {
	m := map[string]bool{}
	for _, c := range compoundSurnames {
		m[c] = true
	}
	return m
}()

// boundary says how clearly a name may end before rs[e]: 3 at the end of
// the text or before anything but a Chinese character, 2 before a
// follower of two or more characters or a verb, 1 before a one-character
// follower, 0 otherwise.
func boundary(t *text, e int) int {
	if e >= len(t.rs) || !isHan(t.rs[e]) {
		return 3
	}
	if strings.ContainsRune(numerals, t.rs[e]) && e+1 < len(t.rs) && strings.ContainsRune(classifiers, t.rs[e+1]) {
		return 2 // 张三、李四二人, 三户
	}
	if n := t.match(e, followerMatcher); n >= 2 {
		return 2
	} else if n == 1 {
		// A one-character follower that starts a longer word is that word
		// (在于, 于是): then it counts only if the word is a verb.
		strong := 1
		t.words(e, func(j int, w word) {
			if verbLike(w.pos) && w.freq >= 20 {
				strong = 2
			}
		})
		return strong
	}
	b := 0
	t.words(e, func(j int, w word) {
		if verbLike(w.pos) && w.freq >= 20 {
			b = 2
		}
	})
	return b
}

func verbLike(pos string) bool {
	switch pos {
	case "v", "vd", "vn", "vi", "vg", "p", "c", "d", "ad", "uj", "ul":
		return true
	}
	return false
}

// crossesRight reports whether a frequent word starts inside rs[s+1:e] and
// runs past e: 明确 in 张明确认 makes 张明确 a bad cut.
//
// A word of the last given-name character and a preposition that follows
// names (贵在 in 周德贵在某银行) does not count: the preposition is what
// the person did next.
func crossesRight(t *text, s, e, minFreq int) bool {
	for a := s + 1; a < e; a++ {
		found := false
		t.words(a, func(j int, w word) {
			if j == e+1 && a == e-1 && strings.ContainsRune(prepositionsAfter, t.rs[e]) && commonGivenSet.has(t.rs[a]) {
				return
			}
			if j > e && w.freq >= uint32(minFreq) && !strings.HasPrefix(w.pos, "nr") && !nounBeyond(t, e, j, w.freq) && !verbBeyond(t, e, j) {
				found = true
			}
		})
		if found {
			return true
		}
	}
	return false
}

// nounBeyond reports whether a noun more frequent than the crossing word
// (of frequency f, ending at j) starts at e and runs past j: 人身 in
// 黎永强人身自由 reads the text better than 强人 (priv27), so the
// crossing word does not cut the name.
func nounBeyond(t *text, e, j int, f uint32) bool {
	found := false
	t.words(e, func(k int, w word) {
		if k > j && w.pos == "n" && w.freq > f {
			found = true
		}
	})
	return found
}

// prepositionsAfter follow a name to say where or to whom: 在, 于, 向….
const prepositionsAfter = "在于向对与和从"

// crossesLeft reports whether a frequent word starts before s and ends
// inside the span: 最高 in 最高人民法院 covers the 高 of 高人民.
func crossesLeft(t *text, s, e, minFreq int) bool {
	for a := max(0, s-4); a < s; a++ {
		found := false
		t.words(a, func(j int, w word) {
			if j > s && j <= e+1 && w.freq >= uint32(minFreq) && !strings.HasPrefix(w.pos, "nr") {
				found = true
			}
		})
		if found {
			return true
		}
	}
	return false
}

// leftOK reports whether a name may start at s: at the start, after
// anything but a Chinese character, after a role word or a function
// character, or where a word ends.
func leftOK(t *text, s int) bool {
	if s == 0 || !t.han(s-1) {
		return true
	}
	if strings.ContainsRune(functionChars, t.rs[s-1]) {
		return true
	}
	for a := max(0, s-6); a < s-1; a++ {
		if w := anyRole.at(t.str(a, s)); w != "" && utf8.RuneCountInString(w) == s-a {
			return true
		}
		if w, ok := t.word(a, s); ok && w.freq >= 20 {
			return true
		}
	}
	return roleEndingAt(t, s) > 0
}

// functionChars come right before a name but never end one.
const functionChars = "与和及同跟或对向被由是系的将把给让请即在于从经据称为至到了着过就随"

// placeChars end the names of villages and places (张家岭, 李家湾).
const placeChars = "岭坡湾沟坝寨村庄屯冲坪垭嘴岗塘洼峪堡铺营集桥湖河院坟园店场"

// placeOnlyChars end place names and hardly ever a given name.
const placeOnlyChars = "岭坡湾沟坝寨屯冲坪垭嘴岗塘洼峪堡铺村"

// landChars end the names of hills, woods and fields (柏树林, 白石岩).
const landChars = placeChars + "林岩石山峰田地土溪江路坎埂"

// numerals and classifiers: 三户, 二人, 两兄弟.
const (
	numerals    = "一二三四五六七八九十两"
	classifiers = "户人个名位家兄姐姊弟妹口"
)

// candidate is a possible Han name at s.
type candidate struct {
	s, e, sur int
}

// hanCandidates lists the surname-led spans at s: surname and one or two
// given characters. rare admits a character outside the surname list
// (after a label or a role word, 原告禤志明).
func hanCandidates(t *text, s int, rare bool) []candidate {
	sur := surnameAt(t, s)
	if sur == 0 && rare && rareSurname(t, s) {
		// A rare surname only for a name that ends at punctuation
		// (原告禤志明，) or, with a common given name, before 的
		// (申请人郦春燕的复议请求).
		for g := 2; g >= 1; g-- {
			e := s + 1 + g
			if e > t.n() || !validGiven(t, s+1, e) {
				continue
			}
			if boundary(t, e) == 3 || g == 2 && t.rs[e] == '的' && allCommonGiven(t, s+1, e) {
				return []candidate{{s, e, 1}}
			}
			// 准许原告糜某芳撤回起诉: before a verb, a surname rare in
			// words and a given name the model reads as one.
			if g == 2 && boundary(t, e) == 2 && t.d.commonness(t.rs[s]) <= 3 && allCommonGiven(t, s+1, e) &&
				givenScore(t, s+1, e) >= 20 && !crossesRight(t, s, e, 20) {
				return []candidate{{s, e, 1}}
			}
		}
		return nil
	}
	if sur == 0 {
		return nil
	}
	var out []candidate
	for g := 1; g <= 2; g++ {
		e := s + sur + g
		if e > len(t.rs) || !validGiven(t, s+sur, e) {
			break
		}
		out = append(out, candidate{s, e, sur})
	}
	return out
}

// rareSurname reports whether the character at s may be a surname outside
// the list: not a character that starts a word there (到庭, 提交) or is a
// verb or a function word by itself.
func rareSurname(t *text, s int) bool {
	if !t.han(s) || neverGivenSet.has(t.rs[s]) || strings.ContainsRune("男女子其该本原被第某", t.rs[s]) {
		return false
	}
	starts := false
	t.words(s, func(j int, w word) {
		if w.freq >= 5 && !strings.HasPrefix(w.pos, "nr") {
			starts = true
		}
	})
	if starts {
		return false
	}
	if w, ok := t.word(s, s+1); ok && (verbLike(w.pos) || functionPOS[w.pos]) && w.freq >= 1000 {
		return false
	}
	// A character as common in words as 家 or 的 is no rare surname
	// (原告家管护).
	return t.d.commonness(t.rs[s]) < 5
}

// plausible applies the checks every reading of a span as a name must
// pass at the given strength of evidence.
func plausible(t *text, c candidate, ev evidence) bool {
	if !shaped(t, c, ev) {
		return false
	}
	// A surname-led word longer than the span (张家港, 高速公路).
	longer := false
	t.words(c.s, func(j int, w word) {
		if j > c.e && w.freq >= 20 && !strings.HasPrefix(w.pos, "nr") {
			longer = true
		}
	})
	if longer && ev < evStrong {
		return false
	}
	// 曾经, 于是, 何时, 常年: the surname character starts a function word.
	if w, ok := t.word(c.s, c.s+2); ok && functionPOS[w.pos] && w.freq >= 50 && ev < evStrong {
		return false
	}
	// 曾多次: the given part is a numeral, an adverb, a pronoun…
	if w, ok := t.word(c.s+c.sur, c.e); ok && c.e-c.s-c.sur >= 2 && functionPOS[w.pos] && w.freq >= 50 && (w.freq >= 2000 || !allCommonGiven(t, c.s+c.sur, c.e)) {
		return false
	}
	// Without a role word, 由安全…, 由方圆…: a preposition before any
	// frequent word.
	if c.sur == 1 && strings.ContainsRune(functionSurnames, t.rs[c.s]) && ev < evStrong {
		if w, ok := t.word(c.s+1, c.e); ok && !strings.HasPrefix(w.pos, "nr") && (timePOS[w.pos] || functionPOS[w.pos] || ev < evMarker && w.freq >= 100) {
			return false
		}
	}
	if c.sur == 1 && strings.ContainsRune(functionSurnames, t.rs[c.s]) && !allCommonGiven(t, c.s+1, c.e) {
		return false
	}
	isWord, w := isNameWord(t, c.s, c.e, c.sur, ev)
	switch ev {
	case evStrong:
		// 陈述，男… cannot happen; a word is a name here if its given
		// part reads as a given name (高峰先生), unless it is one of the
		// most frequent words of the language.
		if isWord && (w.freq >= 20000 || !allCommonGiven(t, c.s+c.sur, c.e)) {
			return false
		}
	case evMarker:
		// After a role word: 原告高峰 is a name, 原告陈述称, 原告方面 and
		// 第三人修建 (a verb) are not.
		if isWord && (w.freq >= 3000 || !allCommonGiven(t, c.s+c.sur, c.e) || !nounPOS[w.pos] && w.freq >= 50) {
			return false
		}
		// 被告印章: a word after a role word is a name (原告高峰) only with
		// one of the commonest surnames.
		if isWord && c.sur == 1 && !strings.HasPrefix(w.pos, "nr") && !strings.ContainsRune(topSurnames, t.rs[c.s]) {
			return false
		}
		// 被告查明，…: what a party or a court found, which jieba tags as a
		// name.
		if findingVerbs[t.str(c.s, c.e)] {
			return false
		}
		// 林地边界: the surname and the next character are a word, and the
		// rest is no given name.
		// 宁可错拆: jieba's name tag on 宁可 does not make 宁可错 a name
		// when the last character is no common given one.
		if c.e-c.s > 2 && c.sur == 1 && !allCommonGiven(t, c.s+1, c.e) {
			if w, ok := t.word(c.s, c.s+2); ok && w.freq >= 20 && (!strings.HasPrefix(w.pos, "nr") || !commonGivenSet.has(t.rs[c.e-1])) {
				return false
			}
		}
	default:
		if isWord || !allCommonGiven(t, c.s+c.sur, c.e) {
			return false
		}
		// 林地面积, 马路边, 柏树林: the surname and the next character are
		// a word. Before a person's verb (申明华在…) a common given name
		// still makes it a name.
		if c.e-c.s > 2 && c.sur == 1 {
			if isW, w := isNameWord(t, c.s, c.s+2, 1, ev); isW && w.freq >= 20 && (ev == evNone || w.freq >= 2000 || !commonGivenSet.has(t.rs[c.e-1])) {
				return false
			}
		}
		if crossesLeft(t, c.s, c.e, 20) {
			return false
		}
	}
	return true
}

// chooseAfter picks the name that starts at s, given what follows each
// reading: the three-character reading unless its third character is a
// follower the two-character reading ends on well (王伟称, 李明和), or a
// word crosses its end (李明当庭). need is the smallest boundary accepted.
func chooseAfter(t *text, s int, ev evidence, rare bool, need int) int {
	cands := hanCandidates(t, s, rare)
	var ok []candidate
	for _, c := range cands {
		if plausible(t, c, ev) {
			ok = append(ok, c)
		}
	}
	if len(ok) == 0 {
		return 0
	}
	type scored struct {
		c     candidate
		b     int
		cross bool
	}
	var sc []scored
	for _, c := range ok {
		sc = append(sc, scored{c, boundary(t, c.e), crossesRight(t, c.s, c.e, 50)})
	}
	best := -1
	pick := func(i int) {
		if best < 0 {
			best = i
		}
	}
	if len(sc) == 2 {
		short, long := sc[0], sc[1]
		third := t.rs[long.c.e-1]
		thirdFollows := t.match(long.c.e-1, followerMatcher) == 1 && !commonGivenSet.has(third)
		// 戈丽独任审理: a word starts at the third character and runs
		// past it, and the third is no given-name character.
		thirdStarts := false
		t.words(long.c.e-1, func(j int, w word) {
			if w.freq >= 20 && !strings.HasPrefix(w.pos, "nr") {
				thirdStarts = true
			}
		})
		// 律师严某向被告申请: a preposition that is also a given-name
		// character, before a party or a court, ends the name before it.
		prepBefore := strings.ContainsRune(functionChars, third) && (t.match(long.c.e, anyRole) >= 2 || t.match(long.c.e, orgMatcher) > 0 ||
			strings.HasPrefix(t.rest(long.c.e), "本院") || strings.HasPrefix(t.rest(long.c.e), "法院"))
		// 找到高明后对其询问: 后, 时 or 前 after two characters is when
		// the deed came, not the end of a three-character name.
		timeAfter := strings.ContainsRune("后时前", third) && !commonGivenSet.has(third)
		switch {
		case short.b >= need && thirdFollows, prepBefore, timeAfter && !short.cross:
			pick(0)
		case (thirdStarts || t.d.givenScore(third) < 0) && !commonGivenSet.has(third) && !short.cross:
			pick(0)
		case long.b >= need && !long.cross && !(short.b >= 2 && long.b < 3 && !commonGivenSet.has(third)):
			pick(1)
		case short.b >= need && !short.cross:
			pick(0)
		case long.b >= need:
			pick(1)
		case short.b >= need:
			pick(0)
		}
	} else if sc[0].b >= need {
		pick(0)
	}
	// After a role word, a three-character name of common given-name
	// characters that no word crosses needs no follower (我爷爷潘某福手上,
	// 出借人乔某英借款): the role word said a name comes.
	if best < 0 && ev >= evMarker && len(sc) == 2 && !sc[1].cross && sc[1].c.sur == 1 &&
		!strings.ContainsRune(functionSurnames, t.rs[s]) && !anyWordAt(t, s, s+2) && !frequentWordAt(t, s+1, s+3, 500) &&
		allCommonGiven(t, sc[1].c.s+1, sc[1].c.e) && givenScore(t, sc[1].c.s+1, sc[1].c.e) >= 10 {
		best = 1
	}
	if best < 0 {
		return 0
	}
	if ev < evMarker && sc[best].cross {
		return 0
	}
	return sc[best].c.e - s
}

// chooseBefore picks the name that ends at e (before an honorific, a
// title, 男/女 or a role in brackets): three characters when its start is
// a good place for a name to start and its given name is common, else two.
func chooseBefore(t *text, e int, ev evidence) int {
	best := 0
	for _, n := range []int{4, 3, 2} {
		s := e - n
		if s < 0 {
			continue
		}
		for _, c := range hanCandidates(t, s, false) {
			if c.e != e || !plausible(t, c, ev) {
				continue
			}
			if n >= 3 {
				// 于王芳女士: a two-character name after a function
				// character beats a three-character one that starts with it.
				if !leftOK(t, s) || strings.ContainsRune(functionChars, t.rs[s]) && leftOK(t, s+1) || !allCommonGiven(t, s+c.sur, e) && leftOK(t, e-2) {
					continue
				}
			} else if !leftOK(t, s) {
				continue
			}
			if best == 0 {
				best = n
			}
		}
	}
	return best
}

// minorityAt returns the length of a Tibetan, Mongolian or Turkic name
// made of known parts at i, and how many parts it has.
func minorityAt(t *text, i int) (n, parts int) {
	j := i
	for parts < 4 {
		m := t.match(j, minorityMatcher)
		if m == 0 {
			break
		}
		j += m
		parts++
	}
	return j - i, parts
}

// japaneseAt returns the length of a Japanese name in kanji at i (山田太郎),
// or 0. Without a role word the given name must end as Japanese given
// names do.
func japaneseAt(t *text, i int, ev evidence) int {
	sur := t.match(i, japaneseMatcher)
	if sur == 0 {
		return 0
	}
	for g := 3; g >= 1; g-- {
		e := i + sur + g
		if e > len(t.rs) || !validGiven(t, i+sur, e) || boundary(t, e) == 0 || t.match(e, orgMatcher) > 0 {
			continue
		}
		if ev >= evMarker || strings.ContainsRune(japaneseGivenEnds, t.rs[e-1]) {
			return e - i
		}
	}
	return 0
}

// japaneseAtClauseStart returns the length of a Japanese name in kanji at
// a clause's start before a person's deed or a preposition (渡边美穂与其雇主…,
// 经查，佐藤美咲于…), whatever its given name ends with, or 0. A given name
// that is a word (田中作物于…) is the word.
func japaneseAtClauseStart(t *text, i int) int {
	if i > 0 && t.han(i-1) {
		return 0
	}
	sur := t.match(i, japaneseMatcher)
	if sur == 0 {
		return 0
	}
	for g := 2; g >= 1; g-- {
		e := i + sur + g
		if e >= len(t.rs) || !t.han(e-1) || !validGiven(t, i+sur, e) {
			continue
		}
		if w, ok := t.word(i+sur, e); g == 2 && ok && w.freq >= 20 {
			continue
		}
		if t.match(e, personVerbMatcher) > 0 || strings.ContainsRune("与于和同跟向对在将把被称说系", t.rs[e]) {
			return e - i
		}
	}
	return 0
}

// dots join the parts of a transliterated name: 阿依古丽·买买提, and its
// variants in other fonts and keyboards.
const dots = "·•・‧∙⋅･.．"

// dottedAt returns the span of a dotted name containing the dot at i.
func dottedAt(t *text, i int) (int, int, bool) {
	if !strings.ContainsRune(dots, t.rs[i]) || !t.han(i-1) || !t.han(i+1) {
		return 0, 0, false
	}
	start, n0 := i, 0
	// 孟和·巴特尔, 其其格·那顺: a known part before the dot is read whole,
	// though it ends in a conjunction's character or holds one the
	// transliteration table lacks (minority.go partBefore).
	if p := partBefore(t, i); p > 0 {
		start, n0 = i-p, 1
	}
	for n := n0; n < 8 && start > 0 && t.han(start-1); n++ {
		r := t.rs[start-1]
		if strings.ContainsRune(functionChars, r) || !translitSet.has(r) && n > 0 {
			break
		}
		if k := roleEndingAt(t, start); k > 0 {
			break
		}
		start--
	}
	end := dottedEnd(t, i)
	if start == i || end == i+1 {
		return 0, 0, false
	}
	return start, end, true
}

// dottedEnd returns the end of the dotted name whose dot is at i.
func dottedEnd(t *text, i int) int {
	end := i + 1
	// 巴特尔·孟和: a known part after the dot is read whole (minority.go).
	end += partAfter(t, end)
	for end < len(t.rs) && end-i <= 10 {
		if t.han(end) {
			// 扎西·顿珠二〇二一年九月三日: a date in Chinese numerals ends it.
			if end > i+1 && (boundary(t, end) >= 1 || hanDateAt(t, end)) {
				break
			}
			end++
			continue
		}
		if strings.ContainsRune(dots, t.rs[end]) && t.han(end+1) {
			end++
			continue
		}
		break
	}
	return end
}

// afterBoundary reports whether a land-boundary word (东至, 西邻) ends at
// s: what follows is a place unless the boundary pass read a name there.
func afterBoundary(t *text, s int) bool {
	for n := 2; n <= 3 && s-n >= 0; n++ {
		if w := anyRole.at(t.str(s-n, s)); utf8.RuneCountInString(w) == n && roleKind[w] == markBoundary {
			return true
		}
	}
	k := s
	for k > 0 && strings.ContainsRune("：: ", t.rs[k-1]) {
		k--
	}
	return k < s && afterBoundary(t, k)
}

// roleEndingAt returns the length of a role word ending right before e.
func roleEndingAt(t *text, e int) int {
	n, _ := roleEnding(t, e)
	return n
}

// roleEnding returns the length and kind of a role word ending right
// before e.
//
// It is asked of the same positions by many passes, so each answer is
// kept with the text.
func roleEnding(t *text, e int) (int, markerKind) {
	if e < 0 || e > t.n() {
		return 0, 0
	}
	if t.roleN == nil {
		t.roleN, t.roleK = make([]int8, t.n()+1), make([]markerKind, t.n()+1)
		for i := range t.roleN {
			t.roleN[i] = -1
		}
	}
	if n := t.roleN[e]; n >= 0 {
		return int(n), t.roleK[e]
	}
	n, k := roleEndingUncached(t, e)
	t.roleN[e], t.roleK[e] = int8(n), k
	return n, k
}

func roleEndingUncached(t *text, e int) (int, markerKind) {
	for n := 6; n >= 1; n-- {
		s := e - n
		if s < 0 {
			continue
		}
		if w := anyRole.at(t.str(s, e)); w != "" && utf8.RuneCountInString(w) == n {
			return n, roleKind[w]
		}
		if agentiveAt(t, s) == n {
			return n, markParty
		}
	}
	return 0, 0
}

// roleAt returns the length and kind of the longest role word at i: one
// of the lexicon's, or an agent noun the dictionary makes (送达人,
// 记录员, 出租方).
func roleAt(t *text, i int) (int, markerKind) {
	n, kind := 0, markerKind(0)
	if w := anyRole.at(t.rest(i)); w != "" {
		n, kind = utf8.RuneCountInString(w), roleKind[w]
	}
	// 登记在房东升名下: a role word of two characters that starts a name
	// (房 and 东升) before what only a person has is that name.
	if n == 2 && surnameAt(t, i) == 1 && i+3 <= t.n() && allHan(t, i, i+3) && validGiven(t, i+1, i+3) &&
		(personAfter(t, i+3) || t.match(i+3, provedFollowers) >= 2) && t.match(i+2, anyRole) == 0 {
		return 0, 0
	}
	// 原告员志宏的…: a role word and the surname of a name after it are no
	// agent noun (原告员).
	if m := agentiveAt(t, i); m > n && !(m == n+1 && n > 0 && provedAfterRole(t, i+n) > 0) {
		n, kind = m, markParty
	}
	return n, kind
}

// agentiveAt returns the length of an agent noun at i: a verb or a noun
// of the dictionary followed by 人, 员 or 方 (送达人, 利害关系人, 记录员,
// 出租方), as judgments name whoever did something; 0 when there is none.
func agentiveAt(t *text, i int) int {
	for m := 4; m >= 2; m-- {
		k := i + m
		if k >= t.n() || t.rs[k] != '人' && t.rs[k] != '员' && t.rs[k] != '方' {
			continue
		}
		w, ok := t.word(i, k)
		if !ok || w.freq < 20 || !agentivePOS[w.pos] {
			continue
		}
		if notAgentive[t.str(i, k+1)] {
			return 0
		}
		// 人民币, 方面, 员工: the suffix starts a word of its own; 送达人员
		// is still the agents.
		if strings.HasPrefix(t.rest(k), "人员") {
			return m + 2
		}
		// 领取人为平某: 人为 is a word, but a holder follows 为.
		if wordFrom(t, k, 0, 20) && !(k+1 < t.n() && strings.ContainsRune("为是", t.rs[k+1]) && roleIsHolder(t, k+1)) {
			return 0
		}
		return m + 1
	}
	return 0
}

// ownsAfter reports whether 的 and a thing follow e: 与冯某的院墙, where
// the span owns what follows and is a person after all.
func ownsAfter(t *text, e int) bool {
	return e+1 < t.n() && t.rs[e] == '的' && t.han(e+1) && !strings.ContainsRune("是时话", t.rs[e+1])
}

// thingsListedBefore reports whether the span at i is the next item of a
// list whose item before it is a thing, not a person: 黄金、白银; 白菜、
// 花生和杨树苗; 六味地黄丸和马应龙… A person listed first is a name
// already found, a role word or a pronoun (原告与高某, 他和王某).
func thingsListedBefore(t *text, taken []bool, i int) bool {
	sep := 0
	switch {
	case i >= 2 && t.rs[i-1] == '、':
		sep = 1
	case i >= 2 && strings.ContainsRune("和与及或", t.rs[i-1]):
		sep = 1
	case i >= 3 && (t.str(i-2, i) == "以及" || t.str(i-2, i) == "或者"):
		sep = 2
	}
	if sep == 0 {
		return false
	}
	p := i - sep // the end of the item before
	if !t.han(p-1) || taken[p-1] || strings.ContainsRune("他她其我你您", t.rs[p-1]) || roleEndingAt(t, p) > 0 || kinCollectiveEnds(t, p) {
		return false
	}
	if thingItemEnds(t, p) {
		return true
	}
	// 党参、黄芪、当归和白芷: an earlier item of the list is a thing (当归
	// is tagged a verb); or the list closes on a kind of things (…和白芷等
	// 中药材).
	for k, items := p-1, 0; k > 0 && k > p-24 && items < 4; k-- {
		if t.rs[k-1] == '、' {
			items++
			if thingItemEnds(t, k-1) {
				return true
			}
			continue
		}
		if !t.han(k-1) || taken[k-1] {
			break
		}
	}
	if thingsCloseList(t, i) {
		return true
	}
	return false
}

// thingItemEnds reports whether the list item ending at p is a thing.
func thingItemEnds(t *text, p int) bool {
	if p < 2 || !t.han(p-1) || strings.ContainsRune("他她其我你您", t.rs[p-1]) || roleEndingAt(t, p) > 0 {
		return false
	}
	// 白菜、花生: the item before is a noun of the dictionary that is no
	// name (提交了与王某, 东与李某: a verb or a direction before 与 makes
	// it a preposition).
	// jieba tags many nouns as names (松树 nr): such an entry is a word
	// unless its characters read as a name.
	for k := max(0, p-6); k < p-1; k++ {
		w, ok := t.word(k, p)
		if !ok || !nounPOS[w.pos] || w.freq < 20 && !(w.freq >= 10 && w.pos == "n") {
			continue
		}
		if !strings.HasPrefix(w.pos, "nr") {
			return true
		}
		if sur := surnameAt(t, k); sur == 0 || p-k <= sur {
			return true
		} else if isWord, _ := isNameWord(t, k, p, sur, evWeak); isWord {
			return true
		}
	}
	return false
}

// thingsCloseList reports whether the list that the span at i belongs to
// closes on 等 and a kind of things (黄精、白及、党参和重楼等中药材; 水泥、
// 石灰等建筑材料), not on a number of people or a role (等五人, 等村民).
func thingsCloseList(t *text, i int) bool {
	for k := i; k < t.n() && k < i+30; k++ {
		r := t.rs[k]
		if r == '等' {
			if k+1 < t.n() && (strings.ContainsRune(numerals, t.rs[k+1]) || t.match(k+1, anyRole) > 0 || t.match(k+1, personAttributes) > 0) {
				return false
			}
			thing := false
			t.words(k+1, func(j int, w word) {
				if nounPOS[w.pos] && !strings.HasPrefix(w.pos, "nr") && w.freq >= 10 && !strings.ContainsRune("人员者户民方", t.rs[j-1]) {
					thing = true
				}
			})
			return thing
		}
		if !t.han(k) && r != '、' {
			return false
		}
	}
	return false
}

// agentivePOS are the parts of speech an agent noun's stem has.
var agentivePOS = map[string]bool{"v": true, "vn": true, "n": true, "vd": true, "an": true}

// notAgentive are words of that shape that name no one in particular.
var notAgentive = map[string]bool{
	"成年人": true, "未成年人": true, "老年人": true, "中年人": true, "自然人": true, "机器人": true,
	"陌生人": true, "外地人": true, "本地人": true, "当地人": true, "家里人": true, "有关人": true,
	"相关人": true, "解决方": true,
}

// latinRe reads a foreign name in Latin letters: capitalised parts (John
// Smith, Mary-Jane O'Brien, Hans Peter Müller), with initials before or
// between them (John M. Harrison, A. Petrov), a family name in capitals
// before given names as prose writes them (TAN Wei Jie, KIM Jisoo), or a
// passport's capitals (SMITH JOHN).
var latinRe = regexp.MustCompile(`^(?:(?:[A-Z]\. ?)*(?:[A-Z]')?[A-Z]\p{Ll}+(?:['-][A-Z]?\p{Ll}+)*(?:[ .·](?:[A-Z]\. ?)*(?:[A-Z]')?[A-Z]\p{Ll}+(?:['-][A-Z]?\p{Ll}+)*){0,3}|[A-Z]{2,}(?: [A-Z]\p{Ll}+(?:-[A-Z]?\p{Ll}+)*){1,3}|[A-Z](?:[A-Z]|'[A-Z])+(?:[ ,][A-Z](?:[A-Z]|'[A-Z])+){1,3})`)

// latinOrgs follow a Latin word that names an organisation, not a person.
var latinOrgs = []string{"公司", "有限", "集团", "银行", "律师事务所", "事务所", "中心", "协会", "大学", "学院", " Co", " Ltd", " Inc", " Group", " Bank", " LLC", " Corp"}

// latinAt returns the rune length of a Latin-letter name at i, or 0.
// An English honorific at i (Mr. Kevin O'Brien after 外籍教师) is no name
// of its own: latinInContext reads the name after it and keeps it.
func latinAt(t *text, i int) int {
	if honorificBefore(t, i) > 0 {
		return 0
	}
	return latinNameAt(t, i)
}

// latinNameAt returns the rune length of a Latin-letter name at i, or 0,
// whatever comes before it.
func latinNameAt(t *text, i int) int {
	if i >= len(t.rs) || t.rs[i] >= utf8.RuneSelf {
		return 0
	}
	rest := t.rest(i)
	if len(rest) > 80 {
		rest = rest[:80]
	}
	m := latinRe.FindString(rest)
	if m == "" {
		return 0
	}
	after := rest[len(m):]
	if _, org := hasPrefixAny(strings.TrimLeft(after, " "), latinOrgs); org {
		return 0
	}
	if after != "" && after[0] < utf8.RuneSelf && (unicode.IsLetter(rune(after[0])) || unicode.IsDigit(rune(after[0]))) {
		return 0
	}
	return utf8.RuneCountInString(m) // Müller: not all ASCII
}

// detector collects the names of one text.
type detector struct {
	t    *text
	hits []hit
	// taken marks runes already inside a name.
	taken []bool
	// reserved is t.reservedRunes() (minority.go).
	reserved []bool
	// docs are the document numbers' ranges, once the slots of p27.go
	// ask.
	docs [][2]int
}

func (d *detector) add(s, e int, c capacity) bool {
	if e <= s || s < 0 || e > d.t.n() {
		return false
	}
	// 温某, 张××: a name already masked is no name to find again.
	if strings.ContainsAny(d.t.str(s, e), "某×") {
		return false
	}
	e = trimNameTail(d.t, s, e)
	// 尚未署名, 并不知情: a word of two characters that ends in a
	// negation is the negation, never a surname and its given name.
	if e-s == 2 && strings.ContainsRune("不没未", d.t.rs[e-1]) && anyWordAt(d.t, s, e) {
		return false
	}
	for k := s; k < e; k++ {
		if d.taken[k] || d.reserved != nil && d.reserved[k] {
			return false
		}
	}
	for k := s; k < e; k++ {
		d.taken[k] = true
	}
	d.hits = append(d.hits, hit{s, e, c, ""})
	if traceAdd != nil {
		traceAdd(d.t.str(s, e))
	}
	return true
}

// nameTailStops are function characters and speech verbs a name does
// not end with: a reader that runs one character too far (旦增尼玛不在家,
// 央金拉姆都不知情, 证人达娃说…) would swallow the negation, the adverb or
// the verb and change what the sentence says (旦某在家).
const nameTailStops = "不没未在也都就又是的了与及曾已仍还便却说讲称问答"

// trimNameTail returns the end of the name read as [s, e): one
// character shorter where the last is a function character and the
// shorter reading is still a name (a known minority part ends there, or
// a surname opens two characters or more).
func trimNameTail(t *text, s, e int) int {
	if e-s < 3 || !strings.ContainsRune(nameTailStops, t.rs[e-1]) {
		return e
	}
	// 阿不都, 满都拉: a known part that holds the character keeps it.
	shorter := false
	for k := s; k < e; k++ {
		if m := t.match(k, minorityMatcher); m > 0 && k+m == e {
			return e
		} else if m > 0 && k+m == e-1 {
			shorter = true
		}
	}
	if shorter {
		return e - 1
	}
	if surnameAt(t, s) > 0 || e-1-s >= 3 {
		return e - 1
	}
	return e
}

// traceAdd, when set (by a test), is told every name a pass adds: which
// pass read a false name is then one stack frame away.
var traceAdd func(name string)

// detect returns the names in normalized text s, in order of position.
func detect(s string) []hit {
	t := newText(s)
	d := &detector{t: t, taken: make([]bool, t.n())}
	d.reserveWords()
	d.signatures()
	d.courtStaff()       // p25.go
	d.keeperInShopName() // p25.go
	d.latinColleagues()  // p25.go
	d.firmLawyers()      // p25.go
	d.unknownPartNames() // p25.go
	d.spacedAfterRole()
	d.spacedNames()
	d.signedLines()
	d.dotted()
	d.tableNames(*t.tables())
	if containsAny(s, enforcementStaff) {
		d.cardHolders() // strong.go
	}
	d.marriedNames()
	d.householdNames() // occupations.go
	// 由房东升报警: the frames go first, so that a role word inside a name
	// (房东) does not start another.
	d.byFrames()
	d.pairFrames()
	if strings.Contains(s, "名下") {
		d.ownerFrames()
	}
	d.labelNames()
	d.noticeAddressees()
	if strings.Contains(s, "年") {
		d.statementSigners()
	}
	if strings.Contains(s, "族") {
		d.ethnicityNames()
	}
	d.afterRoles()
	d.afterFindings()
	if strings.Contains(s, "答：") || strings.Contains(s, "问：") || strings.Contains(s, "答:") || strings.Contains(s, "问:") {
		d.answerSubjects()
		d.qaNames()
	}
	d.beforeAnchors()
	d.minority()
	d.lists()
	d.cyrillic()
	d.clauseStarts()
	d.speechAndObjects()
	d.vocatives()
	if strings.ContainsAny(s, "|｜") {
		d.tableCells()
	}
	d.titles()
	d.occupationNames() // occupations.go
	d.objects()
	d.kinSharingSurname()
	d.lists()
	d.surnameOnly()
	d.positionNames()
	d.wordNameFrames()
	d.bare()
	d.wordNames()
	d.unexplained()
	d.alsoSubjects()
	d.provedLists()
	// The second opinion (vote.go), before the last lists and the guards.
	d.voteMarkedLists()
	d.voteSiblings()
	d.voteShortLists()
	d.voteRolePairs()
	d.voteRoleSpeech()
	d.voteRoleGiven()
	d.voteSubjects()
	d.voteTranslitSubjects()
	d.voteTranslitTitled()
	d.lists()
	d.listNextItems()      // p25.go
	d.givenAloneEvidence() // p25.go
	d.personPositions()    // positions.go
	d.dropThings()
	d.voteVeto()
	// Round 27's slots, after the guards: the persons a list is read
	// from are those the guards left, and what a slot reads passes the
	// same guards (addOver).
	d.roleSlots()           // p27.go
	d.householdHeads()      // p27.go
	d.listSiblings()        // p27.go
	d.listSiblingsBefore()  // p27.go
	d.nicknameQuotes()      // p27.go
	d.clauseSlots()         // p27.go
	d.ahNicknames()         // p27.go
	d.brotherNicknames()    // p27.go
	d.introNames()          // p28.go
	d.signatureNames()      // p28.go
	d.declaredNames()       // p28.go
	d.kinOfNames()          // p28.go
	d.latinNames28()        // p28.go
	d.speakerLabels()       // p28.go
	d.turkicNames28()       // p28.go
	d.inquirySubjects()     // p28.go
	d.appositiveNicknames() // p29.go
	d.pseudonymNames()      // p29.go
	d.widenMinorityRuns()   // p29.go
	d.bodyAndAgentNames()   // p29.go
	d.countedLists()        // p30.go
	d.postHolders()         // p30.go
	d.widenAmdo()           // p30.go
	d.subjectsOfRoles()     // p30.go
	d.minorityTitles()      // p31.go
	d.quotedPartOpeners()   // p31.go
	d.appellantSubjects()   // p31.go
	d.selfNamed()           // p31.go
	d.oldForms32()          // p32.go
	d.yiAfterRole32()       // p32.go
	d.ownersAfterGui()      // p29.go
	d.trimFollowers()
	// A shop's given name reads its own guards (a word, a place, a 记):
	// after the guards of the names, which veto every quoted trade name.
	d.quotedShopNames() // occupations.go
	d.oldSurnameNames() // nick26.go
	for _, h := range append([]hit(nil), d.hits...) {
		d.latinInBrackets(h.end)
	}
	d.readingsInBrackets() // latin.go
	if hasLatinUpper(s) {
		d.latinRecurrences() // latin.go
	}
	d.pairedWithGiven()  // positions.go
	d.dropGlossedForms() // p31.go
	d.widenToLonger()
	sort.Slice(d.hits, func(i, j int) bool { return d.hits[i].start < d.hits[j].start })
	return d.hits
}

// widenToLonger widens a hit cut one character short of a longer name
// the text reads elsewhere (原告邬春来，… read as 邬春 before 来, 邬春来：
// in the next turn): one person, one name.
func (d *detector) widenToLonger() {
	t := d.t
	longer := map[string]bool{}
	for _, h := range d.hits {
		if h.name == "" && h.end-h.start >= 3 {
			longer[t.str(h.start, h.end)] = true
		}
	}
	if len(longer) == 0 {
		return
	}
	for i := range d.hits {
		h := &d.hits[i]
		if h.name != "" || h.end >= t.n() || d.taken[h.end] || !longer[t.str(h.start, h.end+1)] {
			continue
		}
		d.taken[h.end] = true
		h.end++
	}
}

// signatureRe finds the titles of a signature block, where courts and
// agencies space the characters out to align them: 审　判　长　　张　三,
// 书记员　向　阳, 复议人员：梁　晨　杜　鹃.
var signatureRe = regexp.MustCompile(signatureTitles)

// signatureStartRe is a title at the start of a string.
var signatureStartRe = regexp.MustCompile(`^` + signatureTitles)

// The titles of people, optionally followed by 签名 or 签字 (执法人员签名：,
// 被询问人（签名）：); then the sign-off labels of a document's tail
// (校对：, 审核：, 撰稿：, 复核人：), titles only with their colon, since
// 审核 and 复核 are also the deeds prose names.
const signatureTitles = `(?:(?:审 ?判 ?长|代 ?理 ?审 ?判 ?员|审 ?判 ?员|人 ?民 ?陪 ?审 ?员|陪 ?审 ?员|书 ?记 ?员|法 ?官 ?助 ?理|执 ?行 ?员|记 ?录 ?人|记 ?录 ?员|承 ?办 ?人|审 ?核 ?人|经 ?办 ?人|复 ?议 ?人 ?员|执 ?法 ?人 ?员|调 ?查 ?人 ?员|听 ?证 ?主 ?持 ?人|主 ?持 ?人|送 ?达 ?人|工 ?作 ?人 ?员|调 ?解 ?员|见 ?证 ?人|鉴 ?定 ?人|勘 ?验 ?人|询 ?问 ?人|检 ?查 ?人|核 ?对 ?人|校 ?对 ?人|签 ?收 ?人|代 ?收 ?人|受 ?送 ?达 ?人)(?: ?[（(]?签 ?[名字][）)]?)?[ ：:]*|(?:校 ?对|审 ?核|复 ?核 ?人|复 ?核|撰 ?稿 ?人|撰 ?稿|核 ?稿|拟 ?稿 ?人|拟 ?稿|制 ?表 ?人|制 ?表|填 ?表 ?人|审 ?批 ?人|批 ?准 ?人|签 ?发 ?人|签 ?发) ?[：:][ ]*)`

// signatures reads the spaced-out names of a signature block: after a
// title, a run of single characters each followed by a space is one name
// (two or three characters) or, when it holds four or more, names of two
// characters each (the last of three when the run is odd). The spacing is
// the block's, so a name that is an ordinary word (时　雨, 向　阳) is read
// too; only its first character must be a surname.
func (d *detector) signatures() {
	t := d.t
	if !strings.Contains(t.s, " ") {
		return
	}
	// The titles' pattern is costly on a long text: only lines that hold
	// a space are searched, as spaced signatures do.
	var found [][]int
	eachLineSpan(t.s, func(off, end int) {
		if strings.IndexByte(t.s[off:end], ' ') >= 0 {
			for _, m := range signatureRe.FindAllStringIndex(t.s[off:end], -1) {
				found = append(found, []int{off + m[0], off + m[1]})
			}
		}
	})
	for _, m := range found {
		for i := skipSignerOffice(t, t.runeAt(m[1])); i < t.n(); {
			// 代理审判员　孟和·巴特尔: a dotted signer is read whole (minority.go).
			if j := skipSpaces(t, i); dottedFrom(t, j) > j {
				d.add(j, dottedFrom(t, j), capPersonal)
				break
			}
			run, next := d.spacedRun(i)
			if len(run) < 2 {
				if wide := d.wideSpacedName(i); wide != nil {
					// 审判员 巩  磊: a two-character name spaced by two to
					// align with three-character ones.
					d.signRun(wide)
					break
				}
				// 书记员 成功, 书 记 员　　平安: an unspaced name after the
				// title's gap is the signer whatever word it is; 人民陪审员
				// 向阳　夏雨: so is the next one after another gap.
				e := d.signedWord(i)
				j := e
				for j > 0 && j < t.n() && t.rs[j] == ' ' {
					j++
				}
				if e == 0 || j == e || j >= t.n() || !t.han(j) || signatureStartRe.MatchString(t.rest(j)) {
					break
				}
				i = j
				continue
			}
			d.signRun(run)
			// 执法人员签名：龙　飞（执法证号…）、易　明（…）: the signers of one
			// title may be listed, each with a remark in brackets.
			if k := nextListedSigner(t, next); k > next {
				if more, _ := d.spacedRun(k); len(more) >= 2 {
					i = k
					continue
				}
			}
			// 送达人：汪　洋　　唐　宁: one title may sign for another name
			// after a wider gap, unless a title follows.
			j := next
			for j < t.n() && t.rs[j] == ' ' {
				j++
			}
			// 执法人员：申屠　明　宇文　静: after one space a compound surname
			// opening another spaced name starts the next name too.
			compoundNext := j-next == 1 && j+2 < t.n() && compoundSet[t.str(j, j+2)] && t.rs[j+2] == ' '
			if j-next < 2 && !compoundNext || signatureStartRe.MatchString(t.rest(j)) {
				break
			}
			i = j
		}
	}
}

// skipSignerOffice skips the office a sign-off names before its signer
// (撰稿：某县自然资源局　田　野): an unspaced run that ends in an
// organisation's ending, and the gap after it. It returns i otherwise.
func skipSignerOffice(t *text, i int) int {
	e := i
	for e < t.n() && t.han(e) {
		e++
	}
	if e-i < 3 || e >= t.n() || t.rs[e] != ' ' {
		return i
	}
	if run := t.str(i, e); hasSuffixAny(run, institutionSuffixes) || hasSuffixAny(run, orgEndings) {
		return skipSpaces(t, e)
	}
	return i
}

// nextListedSigner returns where the next signer of a list starts after a
// signer's end at i: past a remark in brackets on the same line and a
// 、 or ，; i when no list goes on there.
func nextListedSigner(t *text, i int) int {
	// 白 云 、 金 山: a block spaced with single spaces spaces the 、 too.
	j := i
	if j+1 < t.n() && t.rs[j] == ' ' && strings.ContainsRune("、，,（(", t.rs[j+1]) {
		j++
	}
	if j < t.n() && (t.rs[j] == '（' || t.rs[j] == '(') {
		for j < t.n() && t.rs[j] != '）' && t.rs[j] != ')' && t.rs[j] != '\n' {
			j++
		}
		if j >= t.n() || t.rs[j] == '\n' {
			return i
		}
		j++
	}
	if j < t.n() && (t.rs[j] == '、' || t.rs[j] == '，' || t.rs[j] == ',') {
		return skipSpaces(t, j+1)
	}
	return i
}

// spacedAfterRole reads a two-character name written spaced after a
// party's role word (委托代理人邓　超，系原告的同事): a name typed as a
// signature block aligns it. Only the shape 邓　超 closed by no further
// character is read, and its first character must be a surname.
func (d *detector) spacedAfterRole() {
	t := d.t
	if !strings.Contains(t.s, " ") && !strings.Contains(t.s, "\u3000") {
		return
	}
	for k := 1; k+2 < t.n(); k++ {
		if t.rs[k+1] != ' ' || !t.han(k) || !t.han(k+2) || t.han(k-1) && t.han(k+3) || k+3 < t.n() && (t.han(k+3) || t.rs[k+3] == ' ' && t.han(k+4)) {
			continue
		}
		for m := 2; m <= 7 && m <= k; m++ {
			if n, kind := roleAt(t, k-m); n == m && (kind == markParty || kind == markAgent) {
				d.signRun([]int{k, k + 2})
				break
			}
		}
	}
	// 委托代理人　　谭　晓　丽，女; 原告刘 明 辉诉称: after a party's or an
	// agent's role word, perhaps a colon and a gap, a name of two or three
	// characters each one space apart, its first a surname, closed by
	// what is no character or by a party's deed.
	for i := 0; i < t.n(); i++ {
		n, kind := roleAt(t, i)
		if n == 0 || kind != markParty && kind != markAgent {
			continue
		}
		j := i + n
		for j < t.n() && strings.ContainsRune("：: ", t.rs[j]) {
			j++
		}
		var run []int
		k := j
		if compoundSet[t.str(k, min(k+2, t.n()))] && k+3 < t.n() && t.rs[k+2] == ' ' {
			run = append(run, k)
			k++
		} else if surnameAt(t, k) != 1 {
			continue
		}
		for k < t.n() && t.han(k) && len(run) < 4 {
			// 第三人 黄 文 斌 未到庭: the party's deed closes the name.
			if len(run) >= 2 && t.match(k, provedFollowers) > 0 {
				break
			}
			run = append(run, k)
			if k+2 < t.n() && t.rs[k+1] == ' ' && t.han(k+2) {
				k += 2
				continue
			}
			k++
			break
		}
		if len(run) < 2 || len(run) > 4 || run[1] == run[0]+1 && len(run) < 3 {
			continue
		}
		if e := run[len(run)-1] + 1; e < t.n() && t.han(e) && t.match(e, provedFollowers) == 0 {
			continue
		}
		var name strings.Builder
		for _, p := range run {
			name.WriteRune(t.rs[p])
		}
		if strings.ContainsAny(name.String(), signGrammar) {
			continue
		}
		if d.add(run[0], run[len(run)-1]+1, capPersonal) {
			d.hits[len(d.hits)-1].name = name.String()
		}
		i = run[len(run)-1]
	}
}

// signedWord reads the unspaced name of two to four characters at i,
// after a signature title and its gap, closed by a space or the line's
// end: it is the signer whatever word it makes, unless it is masked text,
// a placeholder, a role word or an organisation (书记员：未到庭). It
// returns the name's end, or 0.
func (d *detector) signedWord(i int) int {
	t := d.t
	if i == 0 || t.rs[i-1] != ' ' {
		return 0
	}
	e := i
	for e < t.n() && t.han(e) {
		e++
	}
	if e-i < 2 || e-i > 4 || e < t.n() && t.rs[e] != ' ' && t.rs[e] != '\n' || labelValueIsThing(t, i, e, true) {
		return 0
	}
	d.add(i, e, capPersonal)
	return e
}

// signedLines reads a signature line written without a gap: a title at
// the line's start and the signer right after it, up to the line's end or
// a space (书记员夏天, 审判员：黄山). After a title there the name is the
// signer whatever word it makes; only its first character must be a
// surname, and masked text, placeholders and role words stay.
func (d *detector) signedLines() {
	t := d.t
	eachLineSpan(t.s, func(off, end int) {
		line := t.s[off:end]
		m := signatureStartRe.FindStringIndex(line)
		if m == nil || strings.Contains(line[:m[1]], " ") {
			return
		}
		i := t.runeAt(off + m[1])
		e := i
		for e < t.n() && t.han(e) {
			e++
		}
		// 人民陪审员　向阳　夏雨: the signers of one title, each after a
		// gap, to the line's end.
		for {
			closed := e == t.n() || t.rs[e] == '\n' || t.rs[e] == ' '
			// 审判长宣判: a deed of the court is no signer.
			w, ok := t.word(i, e)
			deed := ok && w.freq >= 20 && verbLike(w.pos)
			// 审核人：长江: a proper noun alone in a signer's slot is a name
			// too, whatever its first character.
			proper := ok && (strings.HasPrefix(w.pos, "nr") || strings.HasPrefix(w.pos, "ns"))
			if !closed {
				return
			}
			// 经办人：春雷　　复核人：昆仑: a slot another rule reads (or
			// none fills) leaves the next title of the line to be read.
			signer := e-i >= 2 && e-i <= 3 && !deed && (surnameAt(t, i) > 0 || positionSurnameSet.has(t.rs[i]) || proper) && !labelValueIsThing(t, i, e, true)
			if signer {
				d.add(i, e, capOfficial)
			}
			k := e
			for k < t.n() && t.rs[k] == ' ' {
				k++
			}
			if k == e || k >= t.n() || !t.han(k) {
				return
			}
			// 承办人：红梅　　审核人：长江: the next title of the line, and
			// its signer after it.
			if m := signatureStartRe.FindString(t.rest(k)); m != "" {
				if strings.Contains(m, " ") {
					return
				}
				k += utf8.RuneCountInString(m)
			} else if !signer {
				return
			}
			i, e = k, k
			for e < t.n() && t.han(e) {
				e++
			}
		}
	})
}

// eachLineSpan calls fn with the byte span of every line of s.
func eachLineSpan(s string, fn func(off, end int)) {
	for off := 0; off < len(s); {
		end := strings.IndexByte(s[off:], '\n')
		if end < 0 {
			end = len(s)
		} else {
			end += off
		}
		fn(off, end)
		off = end + 1
	}
}

// wideSpacedName returns the two positions of a name written 巩  磊 at i —
// one character, two spaces, one character, then the line's end, a wider
// gap or a title — or nil. Blocks align a two-character name with the
// three-character ones this way.
func (d *detector) wideSpacedName(i int) []int {
	t := d.t
	if i+3 >= t.n() || !t.han(i) || t.rs[i+1] != ' ' || t.rs[i+2] != ' ' || !t.han(i+3) {
		return nil
	}
	if e := i + 4; e < t.n() && t.han(e) || e+1 < t.n() && t.rs[e] == ' ' && t.han(e+1) && !signatureStartRe.MatchString(t.rest(e+1)) {
		return nil // a longer run, or one space then more text: not this shape
	}
	return []int{i, i + 3}
}

// spacedRun returns the positions of the single characters, each one
// space apart, that start at i, and the position after the last.
func (d *detector) spacedRun(i int) (run []int, next int) {
	t := d.t
	// 书记员　司马　青: a compound surname is written as one unit of the
	// spaced name, its two characters unspaced.
	if i+2 < t.n() && compoundSet[t.str(i, i+2)] && t.rs[i+2] == ' ' && t.han(i+3) {
		run = append(run, i)
		i++
	}
	for i < t.n() && t.han(i) && (i+1 == t.n() || !t.han(i+1)) {
		run = append(run, i)
		if i+1 < t.n() && t.rs[i+1] == ' ' && i+2 < t.n() && t.han(i+2) {
			i += 2
			continue
		}
		break
	}
	if len(run) == 0 {
		return nil, i
	}
	return run, run[len(run)-1] + 1
}

// signGrammar are characters no signer's name holds; a spaced run with
// one is emphasis, not a signature.
const signGrammar = "的了是在和与及或对为把被就也都不"

// signRun reads the names of one spaced run of a signature block.
func (d *detector) signRun(run []int) {
	t := d.t
	var groups [][]int
	compound := len(run) >= 3 && run[1] == run[0]+1
	switch {
	case len(run) <= 3 || compound && len(run) <= 4:
		groups = [][]int{run}
	case compound:
		groups = [][]int{run[:3]}
		d.signRun(run[3:])
	default:
		for k := 0; k < len(run); k += 2 {
			if len(run)-k == 3 {
				groups = append(groups, run[k:])
				break
			}
			groups = append(groups, run[k:min(k+2, len(run))])
		}
	}
	for _, g := range groups {
		if len(g) < 2 {
			continue
		}
		var name strings.Builder
		for _, k := range g {
			name.WriteRune(t.rs[k])
		}
		n := name.String()
		rs := []rune(n)
		// 审　判　员　　央　宗: a run that is the whole slot after a title is
		// its signer whatever its first character; in a longer run the
		// surname tells where each name starts.
		whole := len(groups) == 1 && len(g) == len(run) && !strings.ContainsAny(n, signGrammar)
		if !whole && !surnameSet.has(rs[0]) && !positionSurnameSet.has(rs[0]) && !compoundSet[string(rs[:min(2, len(rs))])] {
			continue
		}
		if d.add(g[0], g[len(g)-1]+1, capOfficial) {
			d.hits[len(d.hits)-1].name = n
		}
	}
}

// dotted finds minority and foreign names written with a dot.
func (d *detector) dotted() {
	t := d.t
	for i := 1; i+1 < t.n(); i++ {
		if s, e, ok := dottedAt(t, i); ok {
			if d.add(s, e, capNeutral) {
				d.latinInBrackets(e)
				d.latinBeforeBrackets(s, e)
			}
			i = e
		}
	}
}

// latinInBrackets masks a Latin writing of a name in brackets right after
// it: 约翰·史密斯（John Smith）.
func (d *detector) latinInBrackets(e int) {
	t := d.t
	if e < t.n() && (t.rs[e] == '（' || t.rs[e] == '(') {
		j := e + 1
		for _, l := range []string{"英文名", "英文姓名", "外文名", "护照姓名"} {
			if strings.HasPrefix(t.rest(j), l) {
				j += utf8.RuneCountInString(l)
				for j < t.n() && strings.ContainsRune("：: ", t.rs[j]) {
					j++
				}
			}
		}
		if n := latinAt(t, j); n > 0 {
			d.add(j, j+n, capNeutral)
			return
		}
		// 阮文德（越南籍，NGUYEN VAN DUC）: a later item of the note
		// after the name, a whole Latin name up to the next item or the
		// bracket's close, is the name as the passport writes it.
		for k := j; k < t.n() && k-j < 40 && t.rs[k] != '）' && t.rs[k] != ')'; k++ {
			if !strings.ContainsRune("，,、；;", t.rs[k]) {
				continue
			}
			m := skipSpaces(t, k+1)
			if n := latinAt(t, m); n > 0 && m+n < t.n() && strings.ContainsRune("，,、；;）)", t.rs[m+n]) {
				d.add(m, m+n, capNeutral)
				return
			}
		}
	}
}

// latinBeforeBrackets masks a Latin name right before a name in brackets
// that writes it in Chinese: Michael Brown（迈克尔·布朗）.
func (d *detector) latinBeforeBrackets(s, e int) {
	t := d.t
	// Anna Schmidt（中文译名：安娜·施密特）: a label may open the brackets.
	if n := translitLabelBefore(t, s); n > 0 {
		s -= n
	}
	if s < 2 || e >= t.n() || t.rs[s-1] != '（' && t.rs[s-1] != '(' || t.rs[e] != '）' && t.rs[e] != ')' {
		return
	}
	end := s - 1
	for end > 0 && t.rs[end-1] == ' ' {
		end--
	}
	start := end
	for start > 0 && t.rs[start-1] < utf8.RuneSelf && (unicode.IsLetter(t.rs[start-1]) || strings.ContainsRune(" .'-", t.rs[start-1])) {
		start--
	}
	for start < end && t.rs[start] == ' ' {
		start++
	}
	if start < end && latinAt(t, start) == end-start {
		d.add(start, end, capNeutral)
	}
}

// marriedNames reads the names married women were registered under in
// older documents, the husband's surname, their own and 氏: 黄李氏, 潘陈氏.
func (d *detector) marriedNames() {
	t := d.t
	if !strings.ContainsRune(t.s, '氏') {
		return
	}
	for i := 0; i+3 <= t.n(); i++ {
		if t.rs[i+2] != '氏' || surnameAt(t, i) != 1 || surnameAt(t, i+1) != 1 || compoundSet[t.str(i, i+2)] ||
			strings.ContainsRune(functionSurnames, t.rs[i]) || d.taken[i] {
			continue
		}
		if anyWordAt(t, i, i+3) || anyWordAt(t, i, i+2) || crossesLeft(t, i, i+1, 20) {
			continue
		}
		d.add(i, i+3, capPersonal)
	}
}

// kinSharingSurname reads a word after a relation as a name when it has
// the surname of someone the text names: 简振华去世后，其子简明、其女简某然
// — children and siblings mostly share the family's surname. Function
// words, verbs and the most frequent words stay words (其父曾经).
func (d *detector) kinSharingSurname() {
	t := d.t
	surnames := map[rune]bool{}
	for _, h := range d.hits {
		if t.han(h.start) && surnameAt(t, h.start) == 1 {
			surnames[t.rs[h.start]] = true
		}
	}
	if len(surnames) == 0 {
		return
	}
	for i := 0; i < t.n(); i++ {
		wn, kind := roleAt(t, i)
		if wn < 2 || kind != markKin {
			continue
		}
		j := i + wn
		if j+2 > t.n() || d.taken[j] || surnameAt(t, j) != 1 || !surnames[t.rs[j]] || !validGiven(t, j+1, j+2) || t.match(j, anyRole) > 0 {
			continue
		}
		if w, ok := t.word(j, j+2); ok && (functionPOS[w.pos] || verbLike(w.pos) || w.freq >= 3000) {
			continue
		}
		if boundary(t, j+2) == 3 || listSep(t, j+2) > 0 || personAfter(t, j+2) {
			d.add(j, j+2, capPersonal)
			i = j + 1
		}
	}
}

// afterRoles reads the names written after role words and labels, and
// the lists after them (原告张三、李四和王五).
func (d *detector) afterRoles() {
	t := d.t
	for i := 0; i < t.n(); i++ {
		wn, kind := roleAt(t, i)
		if wn == 0 {
			continue
		}
		j := i + wn
		if kind == markKin && wn == 1 {
			// 妻, 夫 alone only in 其妻/之夫 writings, handled above, or
			// before a colon: too common otherwise.
			if j >= t.n() || !strings.ContainsRune("：:", t.rs[j]) {
				continue
			}
		}
		if n := d.readRole(j, kind, strongRole(t, i, j, kind)); n > 0 {
			i = n - 1
		}
	}
}

// readRole reads names at j after a role word of the given kind and
// returns where it stopped, or 0 when it read none.
//
// After a strong marker (strong.go) a name is read whatever its
// characters, and a list that follows is a list of persons, each item
// perhaps carrying a bracketed note (（村支书）, （一级肢体）).
func (d *detector) readRole(j int, kind markerKind, strong bool) int {
	t := d.t
	j0 := j
	// 原告（反诉被告）张三: skip a short parenthetical.
	if j < t.n() && (t.rs[j] == '（' || t.rs[j] == '(') {
		k := j + 1
		for k < t.n() && k < j+12 && t.rs[k] != '）' && t.rs[k] != ')' {
			k++
		}
		if k < t.n() && (t.rs[k] == '）' || t.rs[k] == ')') {
			j = k + 1
		}
	}
	if kind == markLabel {
		// 签名处为…, 姓名一栏填写为…: where the label stands on a form, and
		// how the value was written there (签名处签有“…”字样 is read by
		// the other passes).
		k := j
		for _, w := range []string{"一栏", "栏", "处"} {
			if strings.HasPrefix(t.rest(k), w) {
				k += utf8.RuneCountInString(w)
				break
			}
		}
		for _, w := range []string{"填写为", "填写的是", "写的是", "记载为", "显示为", "签署为", "为", "是", "：", ":"} {
			if strings.HasPrefix(t.rest(k), w) {
				if n := utf8.RuneCountInString(w); n > 1 {
					k += n
				}
				j = k
				break
			}
		}
	}
	// 岳父母留给…, 其子女均…: the relation goes on into a word (父母, 子女);
	// no name follows it.
	// One of the 200 commonest surnames there still starts a name
	// (外孙女童某).
	// After a strong marker a name that closes as names do still counts
	// (其子宫某现在…).
	if kind == markKin && j > 0 && j < t.n() && frequentWordAt(t, j-1, j+1, 100) && !(surnameRank[t.rs[j]] > 0 && surnameRank[t.rs[j]] <= 200) &&
		!(strong && kinWordName(t, j)) {
		return 0
	}
	colon := false
	gap := 0
	for j < t.n() && strings.ContainsRune("：: \u3000", t.rs[j]) {
		colon = colon || t.rs[j] != ' '
		if t.rs[j] == ' ' || t.rs[j] == '\u3000' {
			gap++
		}
		j++
	}
	// 法定代表人：　　　程序方面，…: a blank left on a form, and the text
	// going on with an ordinary word: the slot is empty.
	if gap >= 2 && blankThenWord(t, j) {
		return 0
	}
	// 被告：严格按照程序办理; 审判长：原告陆春华，…: speech, or another
	// role word that reads its own name.
	if colon && kind != markBoundary && j > 0 && (t.rs[j-1] == '：' || t.rs[j-1] == ':') && speechAfterColon(t, j0, j) {
		return 0
	}
	// 法定代表人为张三, 户主是李四, 名叫王五, 见证人有覃某、黄某.
	holder := false
	if !colon && j < t.n() && strings.ContainsRune("为是叫有", t.rs[j]) && kind != markBoundary {
		if kind == markLabel || kind == markAgent || roleIsHolder(t, j) {
			j++
			holder = true
		}
	}
	if j+1 < t.n() && strings.ContainsRune(openQuotes, t.rs[j]) && t.han(j+1) {
		j++
	}
	// 姓名登记为…, 姓名错误: a label in running text, followed by a verb,
	// not by its value.
	if kind == markLabel && !colon && j > 0 && !strings.ContainsRune("为是叫", t.rs[j-1]) {
		verb := false
		t.words(j, func(_ int, w word) {
			if verbLike(w.pos) && w.freq >= 50 {
				verb = true
			}
		})
		// 签名捺印: a deed of the form the dictionary lacks.
		if _, ok := hasPrefixAny(t.rest(j), formDeeds); ok {
			verb = true
		}
		// 写错, 填错: a verb of one character and its result.
		if w, ok := t.word(j, j+1); ok && verbLike(w.pos) && w.freq >= 1000 && !t.han(j+2) {
			verb = true
		}
		if verb {
			return 0
		}
	}
	ev := evMarker
	if kind == markLabel || colon && kind != markBoundary {
		ev = evStrong
	}
	// 他老婆都知道: an adverb that is also a surname (都, 也…) before a
	// verb says what the person did; no name follows the role word.
	if !colon && j+3 <= t.n() {
		if a, ok := t.word(j, j+1); ok && a.pos == "d" && a.freq >= 1000 {
			if v, ok := t.word(j+1, j+3); ok && verbLike(v.pos) && v.freq >= 100 {
				return 0
			}
		}
	}
	// 北至邻居戴红军房屋: a role word inside a land boundary; the name
	// before what the neighbour owns is read as after the boundary.
	inBoundary := false
	if kind != markBoundary {
		if m := roleEndingAt(t, j0); m > 0 {
			_, k := roleEnding(t, j0-m)
			inBoundary = k == markBoundary
		}
	}
	read := 0
	for {
		n := d.nameAt(j, kind, ev)
		// 经营者为向春雨，: after 为 a preposition cannot stand, so 向
		// (于, 和…) is the surname of a name that closes the clause.
		if n == 0 && holder && read == 0 && j+3 <= t.n() && strings.ContainsRune(functionSurnames, t.rs[j]) && t.han(j+1) && t.han(j+2) &&
			boundary(t, j+3) >= 1 && validGiven(t, j+1, j+3) && !d.blocked(j, j+3) {
			n = 3
		}
		owner := false
		if n == 0 && inBoundary && read == 0 {
			n = d.nameAt(j, markBoundary, ev)
			owner = n > 0
		}
		if strong && j < t.n() && !d.taken[j] {
			if m := strongNameAt(t, j, read > 0 || colon); m > n {
				n = m
			}
			// 之女小满代为签收: after a kin word a given name written
			// alone.
			if n == 0 && kind == markKin && read == 0 {
				n = bareGivenAt(t, j)
			}
		}
		// 原告吉克阿依莫: a minority name of known parts is read whole,
		// not as a surname (吉) and two given characters.
		if j < t.n() && !d.taken[j] {
			if m := d.minorityRun(j); m > n {
				n = m
			}
		}
		// 经营者为向春雨: after the role and 为 the value is its holder,
		// not a thing the role word qualifies.
		value := holder && read == 0 && surnameAt(t, j) > 0 && boundary(t, j+n) >= 1
		if n == 0 || !owner && !value && kind != markKin && markerThing(t, j, j+n) && provedAfterRole(t, j) != n && wordInSlot(t, j) != n {
			break
		}
		// 执法人员查扣了…, 第三人简要陈述: the party's deed (roleVerb).
		if read == 0 && !colon && roleVerb(t, j, j+n) {
			break
		}
		// 被告程序违法, 保障证人安全: a frequent word the role word
		// qualifies, with nothing a person does after it (proved.go).
		// 局长信箱, 市长热线: the office's own channel.
		if read == 0 && t.match(j, officeChannels) > 0 {
			break
		}
		// After a strong marker only where a verb takes the role word
		// (保障证人安全).
		if read == 0 && !colon && kind != markKin && (!strong || governedRole(t, j0)) && slotAttribute(t, j, j+n) {
			break
		}
		if !d.taken[j] {
			c := capPersonal
			if kind == markOfficial || kind != markKin && officialContext(t, j+n) {
				c = capOfficial
			}
			if d.add(j, j+n, c) {
				d.yiGivenAlone(j, j+n)
			}
		}
		read = j + n
		j += n
		if strong {
			j = skipBracket(t, j)
		}
		// A list: 、 和 与 及 以及.
		if sep := listSep(t, j); sep > 0 {
			j += sep
			continue
		}
		break
	}
	return read
}

// officeChannels are what an office is reached by, named after its post
// (局长信箱, 市长热线, 书记接待日).
var officeChannels = newMatcher([]string{"信箱", "邮箱", "热线", "专线", "接待日", "办公会", "办公室"})

// formDeeds are what is done on a form besides signing that the
// dictionary lacks: 签名捺印, 签字按印.
var formDeeds = []string{"捺印", "按印", "捺手印", "按手印", "摁手印", "盖章", "确认"}

// markerThing reports whether what a strong marker seems to name is a thing
// the marker qualifies (员工宿舍位于…, 员工花名册, 小组成员：见附件): a common
// noun of the dictionary, or a verb of one character and its object, not
// closed as an item of a list of persons (、 or a bracketed note after it).
// A kin word qualifies no thing so (其子宫廷现在… is a son's name).
func markerThing(t *text, s, e int) bool {
	if e < t.n() && (t.rs[e] == '、' || t.rs[e] == '（' || t.rs[e] == '(') {
		return false
	}
	if w, ok := t.word(s, e); ok && w.pos == "n" && w.freq >= 500 {
		return true
	}
	// 详见名单, 另见附件: a word that is no noun and a noun after it.
	for k := s + 2; k <= e-2; k++ {
		if w, ok := t.word(s, k); ok && !nounPOS[w.pos] && w.freq >= 100 && nounWordAt(t, k, e) {
			return true
		}
	}
	if e-s >= 3 {
		// 滑建业, 应天明: a verb that is a surname before a given name the
		// name model has seen (建业, 天明) is a person.
		if v, ok := t.word(s, s+1); ok && verbLike(v.pos) && v.freq >= 1000 && nounWordAt(t, s+1, e) && (e-s != 3 || t.d.pairs[t.str(s+1, e)] == 0) {
			return true
		}
	}
	return false
}

// roleIsHolder says whether 为/是 after a role word introduces its holder
// (负责人为张三) rather than a description (原告为某公司员工): only when a
// name-shaped span follows it.
func roleIsHolder(t *text, j int) bool {
	// 被处罚人有权提起诉讼: 有 and what follows are a word.
	if frequentWordAt(t, j, j+2, 100) {
		return false
	}
	k := j + 1
	if k < t.n() && strings.ContainsRune(openQuotes, t.rs[k]) {
		k++ // 户主为“黄李氏”
	}
	return surnameAt(t, k) > 0
}

// openQuotes open a quoted value: 户主为“黄李氏”.
const openQuotes = "“「‘\"'"

// listSep returns the length of a list separator at j: 、 和 与 及 以及 同.
func listSep(t *text, j int) int {
	if j >= t.n() {
		return 0
	}
	if strings.HasPrefix(t.rest(j), "以及") {
		return 2
	}
	if strings.ContainsRune("、和与及同跟或", t.rs[j]) {
		return 1
	}
	return 0
}

// nameAt reads one name at j after a role word.
func (d *detector) nameAt(j int, kind markerKind, ev evidence) int {
	t := d.t
	if j >= t.n() {
		return 0
	}
	if n := latinAt(t, j); n > 0 && kind != markBoundary {
		return n
	}
	if (kind == markParty || kind == markAgent) && !d.taken[j] && pairedAfterRole(t, j) {
		return 2
	}
	if !t.han(j) || d.taken[j] {
		if j < t.n() && d.taken[j] {
			// Already found (a dotted name): step over it for the list.
			for _, h := range d.hits {
				if h.start == j {
					return h.end - h.start
				}
			}
		}
		return 0
	}
	if kind == markBoundary {
		// 东至张三承包地: a name only before what a person owns, and never
		// a word (柏树林, 周边山林).
		cands := hanCandidates(t, j, false)
		for k := len(cands) - 1; k >= 0; k-- {
			c := cands[k]
			if !plausible(t, c, evMarker) || t.match(c.e, possessionMatcher) == 0 {
				continue
			}
			// 何平房屋: the last character opens what is owned (房屋), and
			// the name is the shorter one.
			if c.e-c.s >= 3 && t.match(c.e-1, possessionMatcher) >= 2 {
				continue
			}
			// 北邻巫家祖坟, 南至李家老屋: the family's, a word after 家.
			if c.sur == 1 && t.rs[c.s+1] == '家' && wordFrom(t, c.s+2, c.e, 20) {
				continue
			}
			if isWord, _ := isNameWord(t, c.s, c.e, c.sur, evWeak); isWord {
				continue
			}
			return c.e - j
		}
		// 南至张某德，: a three-character name standing alone between
		// boundaries, no word and no place (王家坡, 马家湾, 苟家沟 are
		// places; the place checks of plausible say so).
		for _, c := range cands {
			if c.e-c.s == 3 && c.sur == 1 && boundary(t, c.e) == 3 && plausible(t, c, evWeak) &&
				givenScore(t, c.s+1, c.e) >= 10 && !crossesRight(t, c.s, c.e, 20) &&
				!strings.ContainsRune(landChars, t.rs[c.e-1]) && !wordAt(t, c.s, c.s+2) {
				if isWord, _ := isNameWord(t, c.s, c.e, c.sur, evWeak); !isWord {
					return c.e - j
				}
			}
		}
		return 0
	}
	if n, parts := minorityAt(t, j); parts > 0 && boundary(t, j+n) >= 1 {
		return n
	}
	if n := japaneseAt(t, j, ev); n > 0 {
		return n
	}
	if n := doubleSurnameAt(t, j); n > 0 {
		return n
	}
	if kind == markParty {
		if n := caseTitleName(t, j); n > 0 {
			return n
		}
	}
	// 执法人员向平某出示…, 被告对李某作出…: a preposition after the role
	// word, governing the name that follows and what is done to it.
	if ev < evStrong && strings.ContainsRune("向对由将把被给", t.rs[j]) {
		for k := j + 3; k <= j+4 && k < t.n(); k++ {
			if t.match(k, deliveryMatcher) > 0 {
				return 0
			}
		}
	}
	// 证人时凤英称, 原告刘成功诉称: a party's role word and a follower only a
	// person has prove the name, whatever word or rare surname it is.
	if kind == markParty || kind == markAgent {
		if n := provedAfterRole(t, j); n > 0 {
			return n
		}
	}
	// 原告章程不服…, 登记人员甘露在登记簿上签字: a word in a party's or an
	// official's slot before a deed only a person does (proved.go).
	if kind == markParty || kind == markAgent || kind == markOfficial {
		if n := wordInSlot(t, j); n > 0 {
			return n
		}
	}
	// 委托诉讼代理人万里，某省正衡律师事务所律师: an agent's slot up to a
	// comma and the agent's description holds the name, although the two
	// characters are a word (a numeral's, 万里) of the dictionary.
	if kind == markAgent && j+2 < t.n() && surnameSet.has(t.rs[j]) && t.han(j+1) && describedAfter(t, j+2) && !d.blocked(j, j+2) {
		return 2
	}
	// A label's value is the name whatever its characters: 姓名：禤志明.
	if kind == markLabel || ev == evStrong {
		if n := chooseAfter(t, j, ev, true, 1); n > 0 {
			return n
		}
		if n := wholeRun(t, j); n > 0 {
			return n
		}
		return 0
	}
	if n := chooseAfter(t, j, ev, true, 1); n > 0 {
		return n
	}
	if n := wordGivenAt(t, j); n > 0 {
		return n
	}
	return wordNameAt(t, j)
}

// wordGivenAt reads a surname and a given name that is a word (钱多多,
// 林海洋) after a role word, before what only a person has (的户口, 的证言):
// the whole is no word (高血压 is), nor are the surname and the first
// given character, and the given characters are not far likelier in words.
func wordGivenAt(t *text, j int) int {
	if !personAfter(t, j+3) || !wordGivenShaped(t, j) {
		return 0
	}
	return 3
}

// wordGivenShaped reports whether rs[j:j+3] may be a surname and a given
// name that is a word (钱多多, 王建设, 武大力): the whole is no word (高血压
// is), nor are the surname and the first given character, the given part
// is a word, and its characters are not far likelier in words. The
// caller brings the evidence.
func wordGivenShaped(t *text, j int) bool {
	// 于凌晨, 向当地: a preposition before a word.
	if j+3 > t.n() || surnameAt(t, j) != 1 || !validGiven(t, j+1, j+3) || t.match(j, anyRole) >= 2 || strings.ContainsRune(functionSurnames, t.rs[j]) {
		return false
	}
	if _, ok := t.word(j, j+3); ok || frequentWordAt(t, j, j+2, 20) {
		return false
	}
	if _, ok := t.word(j+1, j+3); !ok {
		return false
	}
	return t.d.givenScore(t.rs[j+1])+t.d.givenScore(t.rs[j+2]) >= -30
}

// coordinatedWithPronoun reports whether i follows a pronoun for a person
// and a conjunction: 其与武某之间, 他和李某.
func coordinatedWithPronoun(t *text, i int) bool {
	return i >= 2 && strings.ContainsRune("与和同跟", t.rs[i-1]) && strings.ContainsRune("其他她", t.rs[i-2])
}

// doubleSurnameAt returns 4 for a name of both parents' surnames and a
// two-character given name after a role word (原告张李子涵, 申请人陈林雨某),
// or 0.
func doubleSurnameAt(t *text, j int) int {
	if j+4 > t.n() || surnameAt(t, j) != 1 || surnameAt(t, j+1) != 1 || compoundSet[t.str(j, j+2)] ||
		strings.ContainsRune(functionSurnames, t.rs[j]) || strings.ContainsRune(functionSurnames, t.rs[j+1]) {
		return 0
	}
	if !validGiven(t, j+2, j+4) || !allCommonGiven(t, j+2, j+4) || frequentWordAt(t, j+2, j+4, 20) ||
		frequentWordAt(t, j, j+2, 20) || boundary(t, j+4) == 0 || crossesRight(t, j, j+4, 20) {
		return 0
	}
	return 4
}

// caseTitleName reads a word as a two-character name after a party's role
// word in a case's title, where only a name stands: 申请执行被执行人甘某行政
// 处罚决定一案, 原告江山诉某县政府一案. The clause ends in 一案 and the word
// is no function word.
func caseTitleName(t *text, j int) int {
	if j+3 > t.n() || surnameAt(t, j) != 1 || !validGiven(t, j+1, j+2) || !isCommonGiven(t, t.rs[j+1]) {
		return 0
	}
	if w, ok := t.word(j, j+2); ok && (functionPOS[w.pos] || w.freq >= 3000) {
		return 0
	}
	if t.rs[j+2] != '诉' && t.rs[j+2] != '因' && !strings.HasPrefix(t.rest(j+2), "不服") {
		// A case's cause follows the name: 行政处罚, 房屋征收.
		cause := false
		t.words(j+2, func(k int, w word) {
			if (nounPOS[w.pos] || w.pos == "vn") && w.freq >= 100 {
				cause = true
			}
		})
		if !cause {
			return 0
		}
	}
	end := j + 2
	for end < t.n() && end-j < 40 && !strings.ContainsRune("，。；;,\n", t.rs[end]) {
		end++
	}
	if !strings.HasSuffix(t.str(j, end), "一案") {
		return 0
	}
	return 2
}

// wordNameAt reads a word as a two-character name after a role word when
// the words after it end a name (利害关系人万某的意见, 原告高某于2019年…,
// 证人文某出庭作证, 收款人为成某，): a surname and a word that is a noun, a
// place, a number or an adjective, not a verb, an adverb or a function
// word (第三人修建, 原告曾经, 原告于是), whose second character names
// people at least as often as things (原告方面, 原告房屋 stay). A
// surname that is also a preposition (向, 于) needs the clause to end
// there or a person's attribute after it.
func wordNameAt(t *text, j int) int {
	holder := j > 0 && strings.ContainsRune("为是", t.rs[j-1]) && boundary(t, j+2) == 3
	// 原告与第三人严某之间: between a party's role word and 之间 only two
	// people stand, so an adjective used as an adverb (严格) is a name too.
	between := strings.HasPrefix(t.rest(j+2), "之间")
	// 证人江某出庭作证称: a role word before and what only a person does
	// after are the strongest context there is.
	relaxed := holder || between
	// What a person does next, not what 的 attaches (强制拆除原告房屋的行为:
	// 的 closes the whole deed).
	if !relaxed && personAfter(t, j+2) && t.rs[min(j+2, t.n()-1)] != '的' {
		// Only a noun or a place may be frequent there (江南, not 成功).
		w, _ := t.word(j, j+2)
		relaxed = w.freq < 2000 || nounPOS[w.pos]
	}
	if !wordMayName(t, j, relaxed) && !(between && adjectiveWord(t, j)) {
		return 0
	}
	// The end of the clause says a name only after a holder's 为 or 是
	// (收款人为成某，); after the role word itself it may close a verb or
	// a possession (被告查明，, 加盖了被告印章。).
	strong := personAfter(t, j+2) || holder || between
	if strings.ContainsRune(functionSurnames, t.rs[j]) && !strong {
		return 0
	}
	if !strong && !personRight(t, j+2, true) {
		return 0
	}
	return 2
}

// pairedAfterRole reports whether two two-character items, each led by a
// surname and neither a role word nor a frequent noun, stand at j joined
// by 、 before what only a person does (第三人向前、向晚系原告之子女): after
// a party's role word they list two people, even where each is a word
// (向前) or its surname a preposition.
func pairedAfterRole(t *text, j int) bool {
	if j+5 > t.n() || t.rs[j+2] != '、' || !t.han(j+1) || !t.han(j+4) || surnameAt(t, j) != 1 || surnameAt(t, j+3) != 1 {
		return false
	}
	for _, k := range []int{j, j + 3} {
		// 告知原告陈述、申辩的权利: what a party does is no name.
		if w, ok := t.word(k, k+2); ok && (strings.HasPrefix(w.pos, "v") || findingVerbs[t.str(k, k+2)]) {
			return false
		}
		if t.match(k, anyRole) >= 2 || commonNounAt(t, k, k+2) || anyNeverGiven(t, k+1, k+2) {
			return false
		}
	}
	return personAfter(t, j+5) || personRight(t, j+5, false)
}

// relaxedGivenFloor is the lowest given-name score of a word's second
// character where the context alone says a person (a holder's value, a
// list after a name, a preposition before a person's deed, a clause
// start before a copula): below it (方面 -24, 于是 -49) the character is
// all but never a given name's; above it are words such as 童话 (-21) and
// 石料 (-21), which only such a context makes names.
const relaxedGivenFloor = -22

// wordMayName reports whether the word rs[j:j+2] may be a surname and a
// given name: a noun, a place, a number or an adjective (not a verb, an
// adverb or a function word), seen less than 2000 times, whose second
// character names people at least as often as things (方面, 房屋, 程序
// never are); a rarer surname needs a likelier given name. A holder's
// value (收款人为成某，) admits any such word.
func wordMayName(t *text, j int, holder bool) bool {
	// A role word is never a name (原告, 申请人), nor is what a court
	// finds or a party says (查明, 陈述).
	if j+2 > t.n() || surnameAt(t, j) != 1 || !validGiven(t, j+1, j+2) || t.match(j, anyRole) >= 2 || findingVerbs[t.str(j, j+2)] {
		return false
	}
	w, ok := t.word(j, j+2)
	// Where the context alone says a person, a word of time (向前, 夏天)
	// may be a name as well.
	if !ok || !wordNamePOS[w.pos] && !(holder && w.pos == "t") || w.freq >= 2000 && !holder {
		return false
	}
	score := t.d.givenScore(t.rs[j+1])
	if holder {
		return score >= relaxedGivenFloor
	}
	return score >= 0 && (strings.ContainsRune(topSurnames, t.rs[j]) || score >= 5)
}

// adjectiveWord reports whether rs[j:j+2] is an adjective of the
// dictionary, also one used as an adverb (严格, 认真).
func adjectiveWord(t *text, j int) bool {
	w, ok := t.word(j, j+2)
	return ok && (w.pos == "a" || w.pos == "ad") && t.match(j, anyRole) < 2
}

// strongCopula reports whether what follows e says what a person is or
// what befell them: 作为村民小组长, 系该场的经营者, 所受损伤, or what only a
// person has or does.
func strongCopula(t *text, e int) bool {
	if personAfter(t, e) || coordinatedBeforeParty(t, e) {
		return true
	}
	for _, w := range []string{"作为", "系", "所受", "所称", "所述", "本人"} {
		if strings.HasPrefix(t.rest(e), w) {
			return true
		}
	}
	return false
}

// personRight reports whether what follows e goes on as it does after a
// person: a person's deed (称, 证实, 签名), an adverb and a deed (当时并未,
// 也在场), a dated deed, or a preposition or a copula that takes the
// person as subject (系, 作为, 所受, 与原告, 之间). With anyDeed (after a
// role word or a verb that takes a person) any verb of the dictionary
// counts too (出庭作证, 享有).
func personRight(t *text, e int, anyDeed bool) bool {
	if e >= t.n() {
		return false
	}
	if personAfter(t, e) {
		return true
	}
	// Without a cue before, a person's verb of one character (的, 所, 均)
	// says too little: 祖传的…, 平安建设….
	if n := t.match(e, personVerbMatcher); n > 0 && (anyDeed || n >= 2 && !weakPersonVerbs[t.str(e, e+n)] || strings.ContainsRune("称说", t.rs[e])) || adverbDeed(t, e) || datedAfter(t, e) {
		return true
	}
	for _, w := range []string{"之间", "作为", "所受", "所称", "所述", "系", "与原告", "与被告", "与第三人", "与申请人", "当时", "当天", "当日", "并未", "并非"} {
		if strings.HasPrefix(t.rest(e), w) {
			return true
		}
	}
	if !anyDeed {
		return false
	}
	for _, w := range []string{"对", "向", "与", "在", "于", "将", "把", "已", "未", "并", "亦", "也"} {
		if strings.HasPrefix(t.rest(e), w) {
			return true
		}
	}
	verb := false
	t.words(e, func(_ int, w word) {
		if verbLike(w.pos) && w.freq >= 50 {
			verb = true
		}
	})
	return verb
}

// wordNamePOS are the parts of speech of words that are also names.
var wordNamePOS = map[string]bool{"n": true, "nr": true, "ns": true, "nz": true, "m": true, "a": true}

// wholeRun returns the length of a run of two to six Chinese characters
// at j that ends at punctuation: the value of a label.
func wholeRun(t *text, j int) int {
	k := j
	for k < t.n() && t.han(k) && k-j < 7 {
		k++
	}
	if k-j < 2 || k-j > 6 || t.han(k) || !validGiven(t, j, k) {
		return 0
	}
	if isWord, _ := isNameWord(t, j, k, 1, evStrong); isWord {
		return 0
	}
	return k - j
}

// officialWords describe an official after a name.
var officialWords = newMatcher([]string{"工作人员", "公务员", "干部", "民警", "执法人员", "局长", "县长", "区长", "市长", "镇长", "乡长", "主任", "书记", "所长", "科长", "队长", "站长", "院长", "庭长", "处长", "厅长", "部长"})

// officialContext reports whether the words right after a name describe
// an official: 李四，该局工作人员; 王五，局长.
func officialContext(t *text, e int) bool {
	end := min(t.n(), e+16)
	for k := e; k < end; k++ {
		if strings.ContainsRune("。；;\n", t.rs[k]) {
			break
		}
		if t.match(k, officialWords) > 0 {
			return true
		}
	}
	return false
}

// beforeAnchors reads names that end before an honorific, a title, 男/女
// or a role in brackets.
func (d *detector) beforeAnchors() {
	t := d.t
	for e := 1; e < t.n(); e++ {
		if !t.han(e-1) || d.taken[e-1] {
			continue
		}
		c := capNeutral
		ev := evNone
		switch {
		case t.match(e, honorificMatcher) > 0 && !anchorInWord(t, e):
			ev = evStrong
			if t.match(e, honorificMatcher) == 1 { // 户 alone: 张三户
				ev = evMarker
			}
		case t.match(e, officialAfter) > 0 && !anchorInWord(t, e):
			ev, c = evStrong, capOfficial
		case gendered(t, e):
			ev, c = evStrong, capPersonal
			// A run that starts a line or follows a colon may be a name of
			// any origin as a whole (扎西次仁，男，藏族); so is what stands
			// between a role word and 男/女 (原告解放军，男).
			if n := runBefore(t, e); n > 0 {
				d.add(e-n, e, c)
				continue
			}
			if n := betweenRoleAndGender(t, e); n > 0 {
				d.add(e-n, e, c)
				continue
			}
		case (t.rs[e] == '（' || t.rs[e] == '(') && (t.match(e+1, bracketRole) > 0 || kinInBrackets(t, e+1)):
			ev, c = evStrong, capPersonal
		default:
			continue
		}
		if n := chooseBefore(t, e, ev); n > 0 {
			d.add(e-n, e, c)
		}
	}
}

// anchorInWord reports whether a word of the dictionary starts right
// before e and runs into what follows: 组长 in 劳务班组长 is part of 班组,
// not a title after a name.
func anchorInWord(t *text, e int) bool {
	in := false
	for a := max(0, e-2); a < e; a++ {
		t.words(a, func(j int, w word) {
			if j > e && w.freq >= 20 && !strings.HasPrefix(w.pos, "nr") {
				in = true
			}
		})
	}
	return in
}

// kinInBrackets reports whether a relation alone stands in the brackets
// opened before i, as household lists write them: 汪某（子）, 陈某（妻）.
func kinInBrackets(t *text, i int) bool {
	k := i
	for k < t.n() && k-i <= 4 && t.han(k) {
		k++
	}
	if k == i || k >= t.n() || t.rs[k] != '）' && t.rs[k] != ')' {
		return false
	}
	w := t.str(i, k)
	return roleKind[w] == markKin || strings.Contains("子女妻夫父母兄弟姐妹孙侄媳婿", w) && k-i == 1
}

// gendered reports whether 男 or 女 follows e as a party header writes it:
// “，男，”, “（女，”, “,男,”.
func gendered(t *text, e int) bool {
	if e+2 >= t.n() || !strings.ContainsRune("，,（( ", t.rs[e]) {
		return false
	}
	k := e + 1
	if t.rs[k] == ' ' {
		k++
	}
	if k+1 >= t.n() || (t.rs[k] != '男' && t.rs[k] != '女') {
		return false
	}
	return strings.ContainsRune("，,、）) 。；;", t.rs[k+1]) || t.rs[k+1] == '性'
}

// betweenRoleAndGender returns the length of the span between a party's
// role word and 男/女 at e, when it is two to six characters.
func betweenRoleAndGender(t *text, e int) int {
	for n := 2; n <= 6 && e-n >= 0; n++ {
		s := e - n
		if !t.han(s) {
			return 0
		}
		if k, kind := roleEnding(t, s); k > 0 {
			if (kind == markParty || kind == markAgent || kind == markKin) && validGiven(t, s, e) && t.match(s, anyRole) == 0 {
				return n
			}
		}
	}
	return 0
}

// runBefore returns the length of the whole Han run ending at e when it
// starts a line, follows a colon or a role word, and reads as one name.
func runBefore(t *text, e int) int {
	s := e
	for s > 0 && t.han(s-1) && e-s < 8 {
		s--
	}
	if e-s < 2 {
		return 0
	}
	if s > 0 && t.han(s-1) {
		return 0
	}
	// 【基本案情】扎西多吉，男: a section's heading opens a line too.
	if s > 0 && !strings.ContainsRune("\n：:】］]", t.rs[s-1]) {
		return 0
	}
	if e-s > 6 || !validGiven(t, s, e) || t.match(s, anyRole) > 0 {
		return 0
	}
	if isWord, _ := isNameWord(t, s, e, 1, evStrong); isWord {
		return 0
	}
	// A common Chinese name is read by the surname rules instead.
	if surnameAt(t, s) > 0 && e-s <= 3 {
		return 0
	}
	return e - s
}

// minority finds undotted Tibetan, Mongolian and Turkic names made of two
// known parts or more (扎西多吉, 斯琴高娃).
func (d *detector) minority() {
	t := d.t
	for i := 0; i < t.n(); i++ {
		if d.taken[i] || !t.han(i) {
			continue
		}
		n, parts := minorityAt(t, i)
		if parts == 1 && n >= 3 {
			n, parts = fatherNameTail(t, i, n)
		}
		if parts <= 1 {
			// 原告阿不都克力木艾则孜: the known part may be read already.
			if m, _ := abduHead(t, i); m > n && d.absorb(i, i+m, capNeutral) {
				i += m - 1
				continue
			}
		}
		// 陈海龙推搡才让东智致其摔倒, 扎西才让上前: two known parts of four
		// characters or more are a name whatever follows (p30).
		if parts >= 2 && (boundary(t, i+n) >= 1 || n >= 4 && !anyWordAt(t, i, i+n)) {
			d.add(i, i+n, capNeutral)
			i += n - 1
		} else if parts == 1 && n >= 3 && leftOK(t, i) && t.match(i+n, personVerbMatcher) > 0 {
			d.add(i, i+n, capNeutral) // 巴特尔称…
			i += n - 1
		} else if c := speakerPartAt(t, i, n); parts == 1 && c > 0 {
			d.add(i, c, capNeutral) // 达来说…, 拉毛草称…
			i = c - 1
		} else if c := turnLabelAt(t, i, n); parts == 1 && c > 0 {
			d.add(i, c, capNeutral) // 吾买尔江：当时我在店门口。
			i = c - 1
		} else if jp := japaneseAt(t, i, evWeak); jp > 0 && leftOK(t, i) {
			d.add(i, i+jp, capNeutral)
			i += jp - 1
		} else if jp := japaneseAtClauseStart(t, i); jp > 0 {
			d.add(i, i+jp, capNeutral)
			i += jp - 1
		} else if n := daiAt(t, i); n > 0 {
			d.add(i, i+n, capNeutral)
			i += n - 1
		}
	}
}

// speakerPartAt returns the end of a two-character name part alone at s
// (n runes) as the subject of speech or a claim (达来说, 拉毛草称): at a
// clause's start or after a function word, no word of the dictionary, and
// with the Amdo women's 草 or 措 after it when written. It returns 0
// otherwise; 卓玛草场 is the pasture.
func speakerPartAt(t *text, s, n int) int {
	if n != 2 || !leftOK(t, s) {
		return 0
	}
	if w, ok := t.word(s, s+n); ok && w.freq >= 20 {
		return 0
	}
	e := s + n
	if e < t.n() && strings.ContainsRune("草措", t.rs[e]) {
		e++
	}
	if t.match(e, partSpeech) == 0 {
		return 0
	}
	return e
}

// partSpeech are the verbs of speech and claim a name part alone opens.
var partSpeech = newMatcher([]string{"称", "说", "讲", "诉称", "辩称", "述称", "陈述", "证实", "表示", "认为", "承认", "否认", "不服"})

// turnLabelAt returns the end of a turn's label in a record that opens
// with a name part of n runes at s: the label alone at a line's start,
// before a colon and what was said (吾买尔江：当时我在店门口, 拉毛草：是我的).
// The part may be followed by up to two characters the lexicon lacks (the
// diminutive 江, the Amdo women's 草). It returns 0 otherwise.
func turnLabelAt(t *text, s, n int) int {
	if n < 2 || s > 0 && t.rs[s-1] != '\n' {
		return 0
	}
	e := s + n
	for e < t.n() && e < s+n+2 && t.han(e) {
		e++
	}
	if e+1 >= t.n() || t.rs[e] != '：' && t.rs[e] != ':' || !t.han(e+1) && !strings.ContainsRune("“\"", t.rs[e+1]) {
		return 0
	}
	return e
}

// fatherNameTail extends a Uyghur name of one known part of n runes at i
// by a father's name opening with 阿不 or 阿布 that the lexicon does not
// hold (热依拉阿不力孜系…): one to three characters more, up to a clear
// boundary. It returns the name's length and its parts.
func fatherNameTail(t *text, i, n int) (int, int) {
	if !strings.HasPrefix(t.rest(i+n), "阿不") && !strings.HasPrefix(t.rest(i+n), "阿布") {
		return n, 1
	}
	for k := 1; k <= 3; k++ {
		e := i + n + 2 + k
		if e > t.n() || !t.han(e-1) {
			break
		}
		if boundary(t, e) >= 1 {
			return e - i, 2
		}
	}
	return n, 1
}

// abduHeads open Uyghur names the lexicon cannot list whole (阿不都克力木,
// 阿布都热合曼): Abdu- and Abli- with any ending.
var abduHeads = []string{"阿不都", "阿布都", "阿卜杜", "阿不力", "阿布力", "阿不来", "阿布来"}

// abduHead reads a Uyghur name whose first part opens with one of
// abduHeads and runs on into a known part within four characters
// (阿不都克力木艾则孜), at a clause's start or after a role word. It returns
// the name's length and its parts, or 0, 0.
func abduHead(t *text, i int) (int, int) {
	if !hasPrefixIn(t.rest(i), abduHeads) || !leftOK(t, i) {
		return 0, 0
	}
	for k := i + 4; k <= i+7 && k < t.n() && t.han(k-1); k++ {
		if n, parts := minorityAt(t, k); parts >= 1 && n >= 2 {
			return k + n - i, parts + 1
		}
	}
	// 阿不都热依木家的院墙: two or three characters more, then 家 or what a
	// person does or has.
	for k := i + 5; k <= i+6 && k < t.n() && t.han(k-1); k++ {
		if t.rs[k] == '家' || personAfter(t, k) || t.match(k, personVerbMatcher) > 0 {
			return k - i, 1
		}
	}
	return 0, 0
}

// daiAt returns the length of a Dai name at a clause start before a
// person's verb or what only a person has (岩温某家的橡胶林, 岩某称): men's
// names open with 岩, which is no surname (women's open with 玉, which is
// one). Words that start with 岩 (岩石, 岩洞) are not names.
func daiAt(t *text, i int) int {
	if t.rs[i] != '岩' || i > 0 && t.han(i-1) || wordFrom(t, i, 0, 5) {
		return 0
	}
	for g := 2; g >= 1; g-- {
		e := i + 1 + g
		if e > t.n() || !validGiven(t, i+1, e) || crossesRight(t, i, e, 20) {
			continue
		}
		if t.match(e, personVerbMatcher) > 0 || personAfter(t, e) {
			return e - i
		}
	}
	return 0
}

// lists extends the names found to those listed or coordinated with them:
// 张三、李四共同申请; 王五与赵六签订.
func (d *detector) lists() {
	t := d.t
	for changed := true; changed; {
		changed = false
		for _, h := range append([]hit(nil), d.hits...) {
			// Right: 张三、李四.
			if sep := listSep(t, h.end); sep > 0 {
				j := h.end + sep
				if j < t.n() && !d.taken[j] {
					n := chooseAfter(t, j, evMarker, false, 1)
					if n == 0 {
						if m, parts := minorityAt(t, j); parts > 0 {
							n = m
						}
					}
					// 宣某、平凡、惠民三名村民: a word that may be a name,
					// listed after a name and before the next item or the
					// list's end, is the next name.
					if n == 0 && listSep(t, h.end) == 1 && wordMayName(t, j, true) && listItemEnds(t, j+2) {
						n = 2
					}
					if n > 0 && d.add(j, j+n, h.cap) {
						changed = true
					}
				}
			}
			// Left: 李四、张三 (the list before a known name).
			if h.start >= 2 && listSep(t, h.start-1) == 1 {
				e := h.start - 1
				if n := chooseBefore(t, e, evMarker); n > 0 && !d.taken[e-1] && d.add(e-n, e, h.cap) {
					changed = true
				}
			}
		}
	}
}

// titleCues stand before the person a decision or a notice is about,
// inside its title: 《关于给予王某行政拘留的决定》, 《解除与李某劳动合同通知书》.
var titleCues = []string{"给予", "对于", "对", "与", "关于", "同意", "撤销", "批准", "责令"}

// titleDeeds follow that person in such a title: what is done to them.
var titleDeedMatcher = newMatcher(titleNouns, []string{"行政拘留", "拘留", "罚款", "警告", "劳动合同", "劳动关系", "开除", "辞退", "处分", "撤职", "降级", "记过", "分户", "落户", "资格", "待遇"})

// titles reads the person a document's title is about, after a cue and
// before what is done to them, in a title that names no statute: the
// evidence of the title stands in for a role word, so a name whose given
// part is a word (车海洋) is read too.
func (d *detector) titles() {
	t := d.t
	for i := 1; i < t.n(); i++ {
		if d.taken[i] || surnameAt(t, i) == 0 || inStatuteTitle(t, i) || !insideTitle(t, i) {
			continue
		}
		cue := false
		for _, w := range titleCues {
			if strings.HasSuffix(t.str(max(0, i-2), i), w) {
				cue = true
			}
		}
		if !cue {
			continue
		}
		cands := hanCandidates(t, i, false)
		for k := len(cands) - 1; k >= 0; k-- {
			c := cands[k]
			// What is done follows at once, so a word across the end
			// (洋行 in 车海洋行政拘留) is an accident of the characters.
			if t.match(c.e, titleDeedMatcher) == 0 || !shaped(t, c, evMarker) || crossesRight(t, c.s, c.e, 50) && t.match(c.e, titleDeedMatcher) < 2 {
				continue
			}
			if w, ok := t.word(c.s, c.e); ok && (c.e-c.s != 2 || !wordMayName(t, c.s, true)) && !(strings.HasPrefix(w.pos, "nr") && allCommonGiven(t, c.s+c.sur, c.e)) {
				continue
			}
			if d.add(c.s, c.e, capNeutral) {
				break
			}
		}
	}
}

// insideTitle reports whether i is inside a 《…》 title, at most 40
// characters from either end.
func insideTitle(t *text, i int) bool {
	open, close := t.title(i)
	return open >= 0 && i-open <= 40 && close-i <= 40
}

// groupMatcher finds the groups a person heads: 一家, 夫妇, 父子, 等五人.
var groupMatcher = newMatcher([]string{"一家", "全家", "夫妇", "夫妻", "父子", "父女", "母子", "母女", "兄弟", "兄妹", "姐弟", "姐妹", "等人"})

// adverbNegation reports whether a negation or an adverb of a deed
// follows e: 未经批准, 未按, 拒不, 擅自, 多次.
func adverbNegation(t *text, e int) bool {
	for _, w := range []string{"未经", "未按", "未依", "拒不", "拒绝", "擅自", "私自", "多次", "先后", "一直", "曾经", "已经"} {
		if strings.HasPrefix(t.rest(e), w) {
			return true
		}
	}
	return false
}

// coordinatedBeforeParty reports whether a conjunction and a party's role
// word follow e: 向某与原告系同村村民 (a preposition there would need a
// place or a thing before 与).
func coordinatedBeforeParty(t *text, e int) bool {
	if e >= t.n() || !strings.ContainsRune("与和同跟", t.rs[e]) {
		return false
	}
	n, kind := roleAt(t, e+1)
	return n > 0 && (kind == markParty || kind == markAgent)
}

// numberedItem reports whether i opens a numbered item: 1.陆某的…,
// 2、…, （3）….
func numberedItem(t *text, i int) bool {
	return i >= 2 && strings.ContainsRune(".、）)", t.rs[i-1]) && (isDigitRune(t.rs[i-2]) || strings.ContainsRune(numerals, t.rs[i-2]))
}

// listItemEnds reports whether a list item may end at e: another
// separator, a count of the people listed (三人, 三名, 等), or the end of
// the clause.
func listItemEnds(t *text, e int) bool {
	if e >= t.n() || listSep(t, e) > 0 || boundary(t, e) == 3 {
		return true
	}
	if t.rs[e] == '等' || t.rs[e] == '共' {
		return true
	}
	return strings.ContainsRune(numerals, t.rs[e]) && e+1 < t.n() && strings.ContainsRune("人名位户", t.rs[e+1])
}

// clauseStarts reads a name at the start of a clause when a person's verb
// follows it: 王建国称…, 张三与李四签订…, 《关于王某同志…》.
func (d *detector) clauseStarts() {
	t := d.t
	for i := 0; i < t.n(); i++ {
		if d.taken[i] || !t.han(i) {
			continue
		}
		if i > 0 && t.han(i-1) && !strings.HasSuffix(t.str(max(0, i-2), i), "关于") && !clauseOpens(t, i) || afterBoundary(t, i) {
			continue
		}
		// In a title (《李长江房屋征收补偿协议》), what the document is about
		// follows the name.
		title := i > 0 && (t.rs[i-1] == '《' || t.rs[i-1] == '〈' || strings.HasSuffix(t.str(max(0, i-2), i), "关于"))
		if title {
			if n := chooseAfter(t, i, evWeak, false, 0); n > 0 && t.match(i+n, titleNounMatcher) > 0 {
				d.add(i, i+n, capNeutral)
				continue
			}
		}
		if thingsListedBefore(t, d.taken, i) {
			continue
		}
		n := chooseAfter(t, i, evWeak, false, 1)
		// 同日，玉兰向被告提交…: a preposition before a party or the court
		// is the clause's, not the name's third character.
		if n == 3 && strings.ContainsRune("向对把将给跟", t.rs[i+2]) {
			if _, court := hasPrefixAny(t.rest(i+3), courtObjects); court || t.match(i+3, anyRole) > 0 {
				n = 2
			}
		}
		clauseStart := i == 0 || strings.ContainsRune("，。；：:;,\n", t.rs[i-1]) || numberedItem(t, i) || clauseOpens(t, i) || dottedDateBefore(t, i)
		// 和建平一家已于…, 梁某夫妇: a clause opening with a name and the
		// group it heads (一家, 夫妇, 父子) is as sure as after a role word.
		if n == 0 && clauseStart {
			for _, c := range hanCandidates(t, i, false) {
				if t.match(c.e, groupMatcher) > 0 && plausible(t, c, evMarker) && !crossesRight(t, c.s, c.e, 50) {
					n = c.e - c.s
				}
			}
			if n > 0 {
				d.add(i, i+n, capNeutral)
				continue
			}
		}
		// 王某，某律师事务所律师；余味，某律师事务所实习律师: a word that
		// may be a name, opening a clause that a person's description
		// follows.
		if n == 0 && clauseStart && i > 0 && strings.ContainsRune("；;", t.rs[i-1]) && wordMayName(t, i, true) && describedAfter(t, i+2) {
			n = 2
		}
		if n == 0 && clauseStart && wordGivenShaped(t, i) && (personRight(t, i+3, false) || adverbNegation(t, i+3)) &&
			!strings.ContainsRune(functionSurnames, t.rs[i]) && t.d.givenScore(t.rs[i+1]) >= 0 {
			// 经查，王建设未经批准…: a surname and a given name that is a
			// word, opening a clause before a deed or its negation.
			n = 3
		}
		// 手写“同意。米某”字样: a sign-off closing a quoted note, before
		// what says it was written by hand.
		if clauseStart && i+3 < t.n() && strings.ContainsRune("”」’\"'", t.rs[i+2]) && t.match(i+3, quotedPersonWords) > 0 && wordMayName(t, i, true) {
			n = 2
			d.add(i, i+n, capNeutral)
			continue
		}
		// 房屋系原告于…购买: a frequent common noun before 系 is what the
		// clause is about, not who.
		copulaNoun := false
		if w, ok := t.word(i, i+2); ok && w.pos == "n" && w.freq >= 1000 && !personAfter(t, i+2) {
			copulaNoun = true
		}
		if n == 0 && clauseStart && personRight(t, i+2, false) && wordMayName(t, i, strongCopula(t, i+2) && !copulaNoun) &&
			(!strings.ContainsRune(functionSurnames, t.rs[i]) || coordinatedBeforeParty(t, i+2)) {
			// 高某于2019年5月向被告提交…, 经查，秦某系该场的经营者: a word
			// that is also a name, opening a clause before what a person
			// is or does.
			n = 2
		}
		// 毛竹、柳杉和香樟: an item of a list of things.
		if n == 0 || thingsListedAfter(t, i+n) {
			continue
		}
		// 周某，北京市某律师事务所律师; 戴某2019年起担任…: what a header or
		// a finding says of a person.
		if describedAfter(t, i+n) || datedAfter(t, i+n) {
			d.add(i, i+n, capNeutral)
			continue
		}
		if t.match(i+n, personVerbMatcher) == 0 && listSep(t, i+n) == 0 && !adverbDeed(t, i+n) {
			continue
		}
		// A list at a clause start needs a name on the other side too.
		if t.match(i+n, personVerbMatcher) == 0 && !adverbDeed(t, i+n) {
			j := i + n + listSep(t, i+n)
			if chooseAfter(t, j, evWeak, false, 1) == 0 {
				continue
			}
		}
		d.add(i, i+n, capNeutral)
	}
}

// courtObjects are what a party turns to besides another party (向本院提交).
var courtObjects = []string{"本院", "本机关", "本府", "本局", "法院", "人民法院", "派出所", "公安机关"}

// openingWords start a clause inside a sentence: 后因程某拒绝…, 经查王某….
var openingWords = newMatcher([]string{
	"后因", "因", "由于", "经查", "据查", "另查明", "查明", "后经", "其后", "此后", "随后", "后来", "同年",
	"次年", "当年", "当日", "当天", "当晚", "次日", "同日", "期间", "但", "而", "故", "遂", "后",
})

// clauseOpens reports whether a clause may start at i although a Chinese
// character stands before it: after a date (2018年12月刘某…), or after a
// word that opens a clause (后因, 经查).
func clauseOpens(t *text, i int) bool {
	if i >= 2 && dateEnds.has(t.rs[i-1]) &&
		(isDigitRune(t.rs[i-2]) || strings.ContainsRune("〇零一二三四五六七八九十", t.rs[i-2])) {
		return true
	}
	// 在第一次询问时訾某称…, 签订后王某…, 到达现场后伍某…: a verb (and its
	// object) and 时 or 后 end a clause of time.
	if i >= 3 && (t.rs[i-1] == '时' || t.rs[i-1] == '后') {
		verbEnds := func(e int) bool {
			for n := 2; n <= 3 && e-n >= 0; n++ {
				if w, ok := t.word(e-n, e); ok && (w.pos == "v" || w.pos == "vn") && w.freq >= 20 {
					return true
				}
			}
			return false
		}
		if verbEnds(i - 1) {
			return true
		}
		for n := 2; n <= 3 && i-1-n >= 0; n++ {
			if w, ok := t.word(i-1-n, i-1); ok && nounPOS[w.pos] && w.freq >= 20 && verbEnds(i-1-n) {
				return true
			}
		}
	}
	for n := 3; n >= 1; n-- {
		a := i - n
		if a < 0 {
			continue
		}
		if w := openingWords.at(t.str(a, i)); utf8.RuneCountInString(w) == n {
			// The opening word itself starts a clause.
			if a == 0 || !t.han(a-1) || clauseOpens(t, a) {
				return true
			}
		}
	}
	return false
}

// dateEnds end a date or a time: 2018年12月, 9时许, 2020年底.
var dateEnds = newRuneSet("年月日号时分许底初间起")

func isDigitRune(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

// personDescriptions are what a header or a finding says of a person
// after a comma: 周某，北京市某律师事务所律师; 王某，系原告之妻.
var personDescriptions = []string{
	"律师", "实习律师", "法律工作者", "工作人员", "职员", "员工", "公务员", "村民", "居民", "农民", "职工",
	"干部", "退休", "无业", "个体", "出生", "年生", "系原告", "系被告", "系申请人", "系第三人", "系上诉人",
	"之妻", "之夫", "之子", "之女", "之父", "之母", "之兄", "之弟", "之姐", "之妹", "汉族", "族，", "住",
}

// describedAfter reports whether a comma at e opens a description of a
// person that runs to the end of its clause.
func describedAfter(t *text, e int) bool {
	if e >= t.n() || t.rs[e] != '，' && t.rs[e] != ',' {
		return false
	}
	end := e + 1
	for end < t.n() && end-e < 40 && !strings.ContainsRune("。；;\n，,", t.rs[end]) {
		end++
	}
	clause := t.str(e+1, end)
	if end < t.n() && (t.rs[end] == '，' || t.rs[end] == ',') {
		clause += "，"
	}
	if orgClause(clause) {
		// 被告某局，住所地…: an organisation's address.
		return strings.HasSuffix(clause, "律师") || strings.HasSuffix(clause, "工作人员") ||
			strings.HasSuffix(clause, "法律工作者") || strings.HasSuffix(clause, "职员")
	}
	for _, w := range personDescriptions {
		if strings.HasPrefix(clause, w) || w != "住" && w != "族，" && strings.HasSuffix(strings.TrimSuffix(clause, "，"), w) {
			return true
		}
	}
	return false
}

// orgClause reports whether a clause names an organisation.
func orgClause(c string) bool {
	for _, w := range []string{"公司", "事务所", "局", "政府", "委员会", "法院", "中心", "银行", "学校", "医院", "所"} {
		if strings.Contains(c, w) {
			return true
		}
	}
	return false
}

// datedAfter reports whether a year follows at e (戴某2019年起…), or 于 and
// a date (高某于2019年…): a person's deed with its date.
func datedAfter(t *text, e int) bool {
	k := e
	if k < t.n() && strings.ContainsRune("于自从", t.rs[k]) {
		k++
	}
	d := 0
	for k < t.n() && isDigitRune(t.rs[k]) {
		k++
		d++
	}
	return d == 4 && k < t.n() && t.rs[k] == '年'
}

// objects reads a name inside a sentence where what stands on both sides
// says a person: the object of a verb or a preposition (通知路某作为第三人,
// 原告与贺某在村口, 认识朱某吗) before something only a person has or
// does (的证言, 的签名, 名下, 一人, 不服, 称).
func (d *detector) objects() {
	t := d.t
	for i := 1; i < t.n(); i++ {
		if d.taken[i] || d.taken[i-1] || surnameAt(t, i) == 0 || afterBoundary(t, i) || designatedAs(t, i) {
			continue
		}
		cue, at := objectCueLen(t, i), i
		if cue == 0 && strings.ContainsRune("了过", t.rs[i-1]) {
			// 询问了徐某, 找过李某.
			cue, at = objectCueLen(t, i-1), i-1
		}
		if cue == 0 && !leftOK(t, i) {
			continue
		}
		// 找来王某: the surname-like character completes a longer cue (找来,
		// 叫来), and the name starts after it.
		if cue > 0 && at == i && utf8.RuneCountInString(objectCueMatcher.at(t.str(i-cue, i+1))) == cue+1 {
			continue
		}
		// How strongly the left side takes a person: 2 after a verb that
		// takes one (通知, 委托) or a party and a conjunction (原告与), 1
		// after a weaker cue, a preposition (对, 向, 由, 系), a verb that
		// reports what someone said or did (证明, 称) or a time (当时),
		// else 0.
		left := 0
		switch {
		case coordinatedWithParty(t, i) || cue > 0 && !weakObjectCues[t.str(at-cue, at)] || coordinatedWithPronoun(t, i):
			left = 2
		case cue > 0 || strings.ContainsRune(objectPrepositions, t.rs[i-1]) || reportingBefore(t, i) || verbBefore(t, i):
			left = 1
		}
		coordinated := strings.ContainsRune("与和同跟", t.rs[i-1])
		// 白菜、花生和杨树苗; but 原告的房屋与管某的房屋 coordinates what two
		// people own.
		things := left < 2 && thingsListedBefore(t, d.taken, i)
		cands := hanCandidates(t, i, false)
		for k := len(cands) - 1; k >= 0; k-- {
			c := cands[k]
			// How strongly the right side says a person: 2 for what only a
			// person has or does (的证言, 名下, 称, 不服), 1 for a deed or
			// an adverb of one (作出, 也, 曾, 负责) or the end of the
			// clause after a verb, else 0.
			if things && !personAfter(t, c.e) && !ownsAfter(t, c.e) {
				continue
			}
			right := 0
			switch {
			case personAfter(t, c.e) || strings.HasPrefix(t.rest(c.e), "之间"):
				right = 2
			case t.rs[i-1] == '向' && t.match(c.e, deliveryMatcher) > 0:
				// 向齐某送达了…: what is delivered or explained to
				// someone (an organisation's name ends as one does).
				right = 2
			case topicFrame(t, i, c.e):
				right = 1
			case boundary(t, c.e) >= 2 || t.match(c.e, personVerbMatcher) > 0 || t.match(c.e, moneyMatcher) > 0 || adverbDeed(t, c.e) ||
				c.e+1 < t.n() && t.rs[c.e] == '的' && t.han(c.e+1):
				right = 1
			case left == 2 && boundary(t, c.e) >= 1:
				right = 1
			}
			// A preposition and a deed (对段某作出…, 由宋某承包) are enough
			// for a given name the model does not read as a word's.
			// A name the dictionary knows (沈某萍 is one of its names, 杨树 is
			// tagged so too) needs a person's verb after it then.
			// A trade after a thing (对汤圆加工作坊) is no deed of a person.
			// 无法证明洪某实际居住…: a name entry with one of the commonest
			// surnames before an adverb of two characters and a deed.
			weakOK := left == 1 && right == 1 && givenScore(t, c.s+c.sur, c.e) >= 0 && t.match(c.e, tradeMatcher) == 0 &&
				(!anyWordAt(t, c.s, c.e) || nameEntry(t, c.s, c.e) && (t.match(c.e, personVerbMatcher) > 0 ||
					c.sur == 1 && strings.ContainsRune(topSurnames, t.rs[c.s]) && adverbDeedLen(t, c.e) >= 2))
			// 本院向苏某德释明…: a three-character name the model reads as
			// one, after a preposition, before a verb the dictionary lacks.
			if !weakOK && left == 1 && right == 0 && c.e-c.s == 3 && c.sur == 1 && givenScore(t, c.s+1, c.e) >= 25 &&
				!anyWordAt(t, c.s, c.e) && !anyWordAt(t, c.e-1, c.e+1) && !anyWordAt(t, c.e, c.e+2) {
				weakOK = true
			}
			if right < 2 && left < 2 && !weakOK {
				continue
			}
			ev := evWeak
			if left == 2 || coordinated && right == 2 || left+right >= 3 {
				ev = evMarker
			}
			// A word that may be a name (告知田某享有…, 据甘某陈述) between a
			// verb that takes a person and a deed, or a preposition and what
			// only a person does: the structural checks alone apply.
			// With both sides at their strongest (原告与高某于2017年…) any
			// noun or adjective will do, as after a holder's 为.
			wordName := c.e-c.s == 2 && (left == 2 && right >= 1 || left >= 1 && right == 2) && wordMayName(t, c.s, right == 2) ||
				c.e-c.s == 3 && left == 2 && right == 2 && wordGivenShaped(t, c.s)
			// A word across the left end (为何 in 认为何某的行为) yields to
			// what only a person has after the span.
			if wordName && !shaped(t, c, ev) || !wordName && !plausible(t, c, ev) || crossesRight(t, c.s, c.e, 50) || crossesLeft(t, c.s, c.e, 50) && !(right == 2 && left >= 1) {
				continue
			}
			if !allCommonGiven(t, c.s+c.sur, c.e) && !wordName {
				continue
			}
			// A word is a name here only after a strong cue, or between a
			// conjunction and a person's deed (与金某签订).
			if w, ok := t.word(c.s, c.e); ok && !wordName && !strings.HasPrefix(w.pos, "nr") && (ev < evMarker || w.freq >= 1000) {
				continue
			}
			// 未经许可擅自…: after 经 a frequent word (许可, tagged a name)
			// is the word, unless the person's consent or introduction
			// follows (未经张三同意, 经李四介绍).
			if w, ok := t.word(c.s, c.e); ok && t.rs[c.s-1] == '经' && w.freq >= 300 && t.match(c.e, consentMatcher) == 0 {
				continue
			}
			// 有杨梅、柿子和桃树: an item of a list of things; 与银行签订: a
			// frequent common noun.
			if thingsListedAfter(t, c.e) || commonNounAt(t, c.s, c.e) {
				continue
			}
			if d.add(c.s, c.e, capNeutral) {
				break
			}
		}
	}
}

// designatedAs reports whether a verb of designation and 为 stand before
// i (划为公益林, 列为重点对象, 变更为商业用地): what follows is the category
// a thing is put in, not a person.
func designatedAs(t *text, i int) bool {
	if i < 2 || t.rs[i-1] != '为' {
		return false
	}
	return strings.ContainsRune("划列定改视", t.rs[i-2]) || i >= 3 && hasSuffixAny(t.str(i-3, i-1), designationVerbs)
}

// designationVerbs put a thing in a category before 为 (变更为, 调整为).
var designationVerbs = []string{"变更", "调整", "规划", "确定", "认定", "登记", "划分"}

// consentMatcher matches what a person gives after 经 or 未经: 同意, 介绍.
var consentMatcher = newMatcher([]string{"同意", "允许", "批准", "授权", "许可", "签字", "签名", "介绍", "确认", "认可", "手"})

// topicFrame reports whether rs[i:e] is the topic of 就…而言 or 对于…来说:
// 就汤某而言, 对于苗某来说.
func topicFrame(t *text, i, e int) bool {
	if i < 1 || !strings.ContainsRune("就对于", t.rs[i-1]) {
		return false
	}
	for _, w := range []string{"而言", "来说", "来讲"} {
		if strings.HasPrefix(t.rest(e), w) {
			return true
		}
	}
	return false
}

// tradeMatcher finds what follows a product or a material to name a
// trade: 汤圆加工, 石材开采, 家具销售.
var tradeMatcher = newMatcher([]string{"加工", "生产", "销售", "种植", "养殖", "制造", "批发", "零售", "运输", "开采", "维修", "经营", "收购", "回收", "制作", "烘焙", "冷藏", "仓储", "包装"})

// wordFrom reports whether a dictionary word seen at least minFreq times
// starts at i and ends at end or after it.
func wordFrom(t *text, i, end, minFreq int) bool {
	found := false
	t.words(i, func(j int, w word) {
		if j >= end && w.freq >= uint32(minFreq) {
			found = true
		}
	})
	return found
}

// nameEntry reports whether rs[i:j] is a name entry of the dictionary.
func nameEntry(t *text, i, j int) bool {
	w, ok := t.word(i, j)
	return ok && strings.HasPrefix(w.pos, "nr")
}

// reportingBefore reports whether a verb that reports what someone said or
// did, or a time, ends right before i: 村委会证明陈某系…, 原告称武某曾…,
// 当时侯某也在场.
func reportingBefore(t *text, i int) bool {
	for n := 2; n >= 1; n-- {
		if i-n >= 0 && reportingWords[t.str(i-n, i)] {
			return true
		}
	}
	return false
}

var reportingWords = map[string]bool{
	"证明": true, "证实": true, "认为": true, "称": true, "表示": true, "反映": true, "陈述": true, "确认": true,
	"查明": true, "认定": true, "得知": true, "听说": true, "当时": true, "此时": true, "同时": true, "后来": true,
	"随后": true, "然后": true, "其后": true, "此后": true, "之后": true, "期间": true, "主张": true, "指出": true,
	"承认": true, "否认": true,
}

// adverbDeed reports whether an adverb and a verb follow e: 也在场, 曾答应,
// 均未到庭, 已去世, 立即拨打, 代为领取.
func adverbDeed(t *text, e int) bool {
	return adverbDeedLen(t, e) > 0
}

// adverbDeedLen returns the length of the adverb of an adverb and a deed
// at e (也在场: 1, 实际居住: 2), or 0 when there is none. A modal (应, 须,
// 可) counts before a verb of one character too: 应发工资, 须缴.
func adverbDeedLen(t *text, e int) int {
	if e+1 >= t.n() {
		return 0
	}
	k := 0
	modal := strings.ContainsRune(modals, t.rs[e]) && !frequentWordAt(t, e, e+2, 20)
	if w, ok := t.word(e, e+2); ok && (w.pos == "d" || w.pos == "ad") && w.freq >= 20 && strings.ContainsRune("遂即随", t.rs[e]) {
		k = e + 2 // 随即报警, 即刻
	} else if strings.ContainsRune("也均都已曾又还亦仍便就先再遂即随", t.rs[e]) || modal {
		k = e + 1
	} else if w, ok := t.word(e, e+2); ok && (w.pos == "d" || w.pos == "ad") && w.freq >= 20 || adverbials[t.str(e, min(e+2, t.n()))] || strings.HasPrefix(t.rest(e), "代为") {
		k = e + 2
	}
	if k == 0 || k >= t.n() {
		return 0
	}
	verb := t.match(k, personVerbMatcher) >= 2
	t.words(k, func(j int, w word) {
		if (w.pos == "v" || w.pos == "vn") && w.freq >= 20 {
			verb = true
		}
	})
	if w, ok := t.word(k, k+1); modal && ok && w.pos == "v" && w.freq >= 100 {
		verb = true
	}
	if !verb {
		return 0
	}
	return k - e
}

// modals say what someone should, may or wants to do.
const modals = "应须需要可能会想愿敢"

// adverbials are adverbs of two characters the dictionary tags as other
// parts of speech: 实际居住, 私下约定, 当面交给.
var adverbials = map[string]bool{"实际": true, "私下": true, "当面": true, "事先": true, "事后": true, "长年": true, "常年": true}

// verbBefore reports whether a verb of the dictionary, with 了 after it,
// ends right before i: 提取了段某的指纹, 调取了宋某的银行流水.
func verbBefore(t *text, i int) bool {
	if i < 3 || t.rs[i-1] != '了' {
		return false
	}
	w, ok := t.word(i-3, i-1)
	return ok && w.pos == "v" && w.freq >= 20
}

// deliveryMatcher finds what is delivered, shown or explained to someone
// after 向: 向齐某送达, 向王某出示, 向李某释明.
var deliveryMatcher = newMatcher([]string{"送达", "邮寄", "寄送", "发出", "交付", "出示", "释明", "说明", "告知", "转达", "传达", "宣读", "发放", "支付", "退还"})

// objectPrepositions introduce the person a deed is done to or by: 对王某
// 作出处罚, 向李某送达, 由张某负责, 系赵某所有.
const objectPrepositions = "对向由系被给让把将与和同跟据经为就"

// objectCues take a person after them: 通知, 委托, 认识, 还有, 借给.
var objectCueMatcher = newMatcher([]string{
	"通知", "委托", "询问", "告知", "告诉", "发现", "看见", "看到", "认识", "联系", "找", "叫", "问", "还有",
	"找来", "叫来", "请来", "喊来",
	"邮寄给", "交给", "借给", "转给", "卖给", "租给", "送给", "出租给", "转让给", "转入", "支付给", "登记在",
	"原由", "追加", "列为", "起诉", "控告", "举报", "殴打", "打伤", "陪同", "协助", "帮助", "代替", "代理",
	"凭", "仅凭", "以", "有",
	// Money changing hands: 借到钟某现金, 收到王某补偿款, 欠李某工钱.
	"借到", "收到", "收取", "欠", "付给", "偿还", "归还", "退还", "赔偿", "补偿",
})

// moneyMatcher finds what changes hands after a name: 借到钟某现金.
var moneyMatcher = newMatcher([]string{"现金", "人民币", "借款", "欠款", "款项", "工钱", "工资", "补偿款", "赔偿款", "货款", "租金", "押金"})

// weakObjectCues may stand before a thing as well: a name after them needs
// what follows to be a person's (有牛某的签名, 以邱某不具备…).
var weakObjectCues = map[string]bool{"凭": true, "仅凭": true, "以": true, "有": true, "还有": true, "发现": true, "看到": true, "看见": true}

// objectCueLen returns the length of an object cue ending at i, or 0.
func objectCueLen(t *text, i int) int {
	for n := 3; n >= 1; n-- {
		if i-n >= 0 && utf8.RuneCountInString(objectCueMatcher.at(t.str(i-n, i))) == n {
			return n
		}
	}
	return 0
}

// coordinatedWithParty reports whether i follows a party's role word and a
// conjunction: 原告与贺某, 被告和李某.
func coordinatedWithParty(t *text, i int) bool {
	if i < 3 || !strings.ContainsRune("与和同跟及", t.rs[i-1]) {
		return false
	}
	n, kind := roleEnding(t, i-1)
	if n == 0 && strings.ContainsRune("曾也均还又已", t.rs[i-2]) {
		// 原告曾与沈某发生争执.
		n, kind = roleEnding(t, i-2)
	}
	return n > 0 && (kind == markParty || kind == markAgent)
}

// personAttributes follow a person's name and 的: 卢某的证言, 牛某的签名.
var personAttributes = newMatcher([]string{
	"证言", "证词", "陈述", "笔录", "询问笔录", "调查笔录", "签名", "签字", "手印", "身份证", "户口", "户籍",
	"账户", "账号", "银行卡", "伤情", "伤势", "死亡", "意见", "申请", "复议申请", "起诉", "诉讼请求", "房屋",
	"房子", "住房", "住宅", "宅基地", "承包地", "责任田", "丈夫", "妻子", "儿子", "女儿", "父亲", "母亲",
	"家属", "亲属", "家人", "名义", "名字", "姓名", "手机", "电话", "车辆", "工资", "病历", "诊断", "权利",
	"收条", "欠条", "借条", "代理人", "社保", "儿媳", "说法", "供述", "遗产", "遗嘱", "劳动关系", "伤残",
	"委托", "亲笔", "住处", "家中", "户主", "行为", "违法行为", "身份", "行踪", "户口簿", "承诺", "答复",
})

// personAfter reports whether what follows e is only said of a person.
func personAfter(t *text, e int) bool {
	if e >= t.n() {
		return false
	}
	if t.rs[e] == '的' && t.match(e+1, personAttributes) > 0 {
		return true
	}
	if e+1 < t.n() && strings.ContainsRune("吗呢", t.rs[e]) && !t.han(e+1) {
		return true
	}
	if datedAfter(t, e) {
		return true
	}
	// 杜某和她的丈夫; 邱某不具备…, 王某不服.
	if e+1 < t.n() && strings.ContainsRune("和与及同", t.rs[e]) && strings.ContainsRune("她他", t.rs[e+1]) {
		return true
	}
	if t.rs[e] == '不' {
		verb := false
		t.words(e+1, func(j int, w word) {
			if verbLike(w.pos) && w.freq >= 20 {
				verb = true
			}
		})
		if verb {
			return true
		}
	}
	if n := t.match(e, personVerbMatcher); n >= 2 {
		w := t.str(e, e+n)
		return !weakPersonVerbs[w]
	}
	return strings.ContainsRune("称说讲", t.rs[e])
}

// weakPersonVerbs are person verbs that things and places do too.
var weakPersonVerbs = map[string]bool{
	"一直": true, "先后": true, "多次": true, "共同": true, "分别": true, "作为": false, "处": true,
	"使用": true, "建设": true, "修建": true, "经营": true, "承包": true, "出租": true, "出售": true,
	"占用": true, "登记": true, "制作": true, "记录": true, "检查": true, "调查": true, "核实": true,
	"负责": true, "工作": true, "办理": true, "送达": true, "告知": true, "通知": true, "联系": true,
	"进入": true, "返回": true, "到场": false, "种植": true, "耕种": true, "当时": true, "当日": true,
	"当天": true, "当晚": true, "次日": true, "此前": true, "此后": true, "正在": true, "再次": true,
}

// nameShaped reports whether the three characters at i read as a name by
// themselves: both given characters far likelier in names than in words
// (秀芳, 德兴, 春燕) and no word of the dictionary across either end.
func nameShaped(t *text, i int) bool {
	a, b := t.d.givenScore(t.rs[i+1]), t.d.givenScore(t.rs[i+2])
	return a >= 10 && b >= 10 && a+b >= 35 && !anyWordAt(t, i, i+3) && !crossesLeft(t, i, i+3, 5) && !crossesRight(t, i, i+3, 5) && !anyWordAt(t, i+2, i+4)
}

// bare reads a three-character name with no other evidence: a common
// surname, a common given name, no word of the dictionary, and a good
// place to start and end (经查，刘德明擅自…).
func (d *detector) bare() {
	t := d.t
	for i := 0; i+3 <= t.n(); i++ {
		if d.taken[i] || surnameAt(t, i) != 1 || !leftOK(t, i) || afterBoundary(t, i) || thingsListedBefore(t, d.taken, i) && !ownsAfter(t, i+3) {
			continue
		}
		// 松树和杨梅苗: inside a clause a preposition or a conjunction is
		// what it says, with no evidence for a name.
		if t.han(i-1) && strings.ContainsRune(functionSurnames, t.rs[i]) {
			continue
		}
		c := candidate{i, i + 3, 1}
		if !validGiven(t, i+1, i+3) || !plausible(t, c, evNone) || crossesRight(t, i, i+3, 20) {
			continue
		}
		// With no evidence at all, a name the dictionary knows is a famous
		// one or a place (贺兰山), not a party's.
		if anyWordAt(t, i, i+3) {
			continue
		}
		if boundary(t, i+3) < 2 && t.match(i+3, personVerbMatcher) == 0 && !adverbDeed(t, i+3) && !nameShaped(t, i) {
			continue
		}
		if d.add(i, i+3, capNeutral) {
			i += 2
		}
	}
}

// blankThenWord reports whether a frequent word that is no name starts at
// j and the clause runs on after it in Han characters (程序方面, 安全方面):
// after a form's blank it is the text, not the slot's value.
func blankThenWord(t *text, j int) bool {
	found := false
	t.words(j, func(k int, w word) {
		if w.freq >= 500 && !strings.HasPrefix(w.pos, "nr") && k < t.n() && t.han(k) {
			found = true
		}
	})
	return found
}
