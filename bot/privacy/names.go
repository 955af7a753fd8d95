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
}

// text is a normalized text seen as runes.
type text struct {
	s   string
	rs  []rune
	off []int // byte offset of each rune; off[len(rs)] == len(s)
	d   *dictionary
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
const topSurnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"

// functionSurnames are surnames that are also prepositions, conjunctions
// or adverbs (向原告, 于法定期限, 但均, 曾多次): a name starting with one
// needs a common given name.
const functionSurnames = "向于和由但都时曾从经及将对"

func allCommonGiven(t *text, i, j int) bool {
	for k := i; k < j; k++ {
		if !commonGivenSet[t.rs[k]] {
			return false
		}
	}
	return j > i
}

func validGiven(t *text, i, j int) bool {
	if j > len(t.rs) || j <= i {
		return false
	}
	for k := i; k < j; k++ {
		if !isHan(t.rs[k]) || neverGivenSet[t.rs[k]] {
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
	if surnameSet[t.rs[i]] {
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
func crossesRight(t *text, s, e, minFreq int) bool {
	for a := s + 1; a < e; a++ {
		found := false
		t.words(a, func(j int, w word) {
			if j > e && w.freq >= uint32(minFreq) && !strings.HasPrefix(w.pos, "nr") {
				found = true
			}
		})
		if found {
			return true
		}
	}
	return false
}

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
	return false
}

// functionChars come right before a name but never end one.
const functionChars = "与和及同跟或对向被由是系的将把给让请即在于从经据称为至到了着过"

// placeChars end the names of villages and places (张家岭, 李家湾).
const placeChars = "岭坡湾沟坝寨村庄屯冲坪垭嘴岗塘洼峪堡铺营集桥湖河院坟园店场"

// placeOnlyChars end place names and hardly ever a given name.
const placeOnlyChars = "岭坡湾沟坝寨屯冲坪垭嘴岗塘洼峪堡铺村"

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
		// A rare surname only for a name that ends at punctuation (原告禤志明，).
		for g := 2; g >= 1; g-- {
			if e := s + 1 + g; e <= t.n() && validGiven(t, s+1, e) && boundary(t, e) == 3 {
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
	if !t.han(s) || neverGivenSet[t.rs[s]] || strings.ContainsRune("男女子其该本原被第某", t.rs[s]) {
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
	return true
}

// plausible applies the checks every reading of a span as a name must
// pass at the given strength of evidence.
func plausible(t *text, c candidate, ev evidence) bool {
	// 金华镇, 王家坝, 向阳村: the span is the start of a place or an
	// organisation.
	if t.match(c.e, orgMatcher) > 0 {
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
	// 焦师傅, 王局长: a surname and an honorific or a title.
	if t.match(c.s+c.sur, honorificMatcher) >= 2 || t.match(c.s+c.sur, officialAfter) >= 2 {
		return false
	}
	// Role words are never names (原告, 申请人), nor is a name made of a
	// surname and a role word (向原告).
	if n := t.match(c.s, anyRole); n >= c.e-c.s || n >= 2 {
		return false
	}
	if n := t.match(c.s+c.sur, anyRole); n >= 2 && c.s+c.sur+n >= c.e {
		return false
	}
	if c.sur == 1 && strings.ContainsRune(functionSurnames, t.rs[c.s]) && !allCommonGiven(t, c.s+1, c.e) {
		return false
	}
	// 张家 is the Zhang family, 陈家院子 their courtyard, 张家岭 a place.
	if c.sur == 1 && t.rs[c.s+1] == '家' && (c.e-c.s == 2 || strings.ContainsRune(placeChars, t.rs[c.e-1])) && ev < evStrong {
		return false
	}
	// 高峰岭, 黄泥坡: without a role word, a span ending as villages and
	// hills do is a place.
	if ev < evMarker && strings.ContainsRune(placeOnlyChars, t.rs[c.e-1]) {
		return false
	}
	// 凤三户, 张三人: a numeral counting what follows.
	if strings.ContainsRune(numerals, t.rs[c.e-1]) && c.e < t.n() && strings.ContainsRune(classifiers, t.rs[c.e]) {
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
		// 林地边界: the surname and the next character are a word, and the
		// rest is no given name.
		if c.e-c.s > 2 && c.sur == 1 && !allCommonGiven(t, c.s+1, c.e) {
			if w, ok := t.word(c.s, c.s+2); ok && !strings.HasPrefix(w.pos, "nr") && w.freq >= 20 {
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
			if isW, w := isNameWord(t, c.s, c.s+2, 1, ev); isW && w.freq >= 20 && (ev == evNone || w.freq >= 2000 || !commonGivenSet[t.rs[c.e-1]]) {
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
		thirdFollows := t.match(long.c.e-1, followerMatcher) == 1 && !commonGivenSet[third]
		switch {
		case short.b >= need && thirdFollows:
			pick(0)
		case long.b >= need && !long.cross && !(short.b >= 2 && long.b < 3 && !commonGivenSet[third]):
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

// dots join the parts of a transliterated name: 阿依古丽·买买提, and its
// variants in other fonts and keyboards.
const dots = "·•・‧∙⋅･.．"

// dottedAt returns the span of a dotted name containing the dot at i.
func dottedAt(t *text, i int) (int, int, bool) {
	if !strings.ContainsRune(dots, t.rs[i]) || !t.han(i-1) || !t.han(i+1) {
		return 0, 0, false
	}
	start := i
	for n := 0; n < 8 && start > 0 && t.han(start-1); n++ {
		r := t.rs[start-1]
		if strings.ContainsRune(functionChars, r) || !translitSet[r] && n > 0 {
			break
		}
		if k := roleEndingAt(t, start); k > 0 {
			break
		}
		start--
	}
	end := i + 1
	for end < len(t.rs) && end-i <= 10 {
		if t.han(end) {
			if end > i+1 && boundary(t, end) >= 1 {
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
	if start == i || end == i+1 {
		return 0, 0, false
	}
	return start, end, true
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
	for n := 6; n >= 1; n-- {
		s := e - n
		if s < 0 {
			continue
		}
		if w := anyRole.at(t.str(s, e)); w != "" && utf8.RuneCountInString(w) == n {
			return n
		}
	}
	return 0
}

// latinRe reads a foreign name in Latin letters: capitalised parts (John
// Smith, Mary-Jane O'Brien) or a passport's capitals (SMITH JOHN).
var latinRe = regexp.MustCompile(`^(?:[A-Z][a-z]+(?:['-][A-Z]?[a-z]+)*(?:[ .·][A-Z][a-z]+(?:['-][A-Z]?[a-z]+)*){0,3}|[A-Z]{2,}(?:[ ,][A-Z]{2,}){1,3})`)

// latinOrgs follow a Latin word that names an organisation, not a person.
var latinOrgs = []string{"公司", "有限", "集团", "银行", "律师事务所", "事务所", "中心", "协会", "大学", "学院", " Co", " Ltd", " Inc", " Group", " Bank", " LLC", " Corp"}

// latinAt returns the rune length of a Latin-letter name at i, or 0.
func latinAt(t *text, i int) int {
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
	return len(m) // ASCII: bytes are runes
}

// detector collects the names of one text.
type detector struct {
	t    *text
	hits []hit
	// taken marks runes already inside a name.
	taken []bool
}

func (d *detector) add(s, e int, c capacity) bool {
	if e <= s || s < 0 || e > d.t.n() {
		return false
	}
	for k := s; k < e; k++ {
		if d.taken[k] {
			return false
		}
	}
	for k := s; k < e; k++ {
		d.taken[k] = true
	}
	d.hits = append(d.hits, hit{s, e, c})
	return true
}

// detect returns the names in normalized text s, in order of position.
func detect(s string) []hit {
	t := newText(s)
	d := &detector{t: t, taken: make([]bool, t.n())}
	d.dotted()
	d.afterRoles()
	d.beforeAnchors()
	d.minority()
	d.lists()
	d.clauseStarts()
	d.lists()
	d.bare()
	for _, h := range append([]hit(nil), d.hits...) {
		d.latinInBrackets(h.end)
	}
	sort.Slice(d.hits, func(i, j int) bool { return d.hits[i].start < d.hits[j].start })
	return d.hits
}

// dotted finds minority and foreign names written with a dot.
func (d *detector) dotted() {
	t := d.t
	for i := 1; i+1 < t.n(); i++ {
		if s, e, ok := dottedAt(t, i); ok {
			if d.add(s, e, capNeutral) {
				d.latinInBrackets(e)
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
		}
	}
}

// afterRoles reads the names written after role words and labels, and
// the lists after them (原告张三、李四和王五).
func (d *detector) afterRoles() {
	t := d.t
	for i := 0; i < t.n(); i++ {
		w := anyRole.at(t.rest(i))
		if w == "" {
			continue
		}
		kind := roleKind[w]
		j := i + utf8.RuneCountInString(w)
		if kind == markKin && utf8.RuneCountInString(w) == 1 {
			// 妻, 夫 alone only in 其妻/之夫 writings, handled above, or
			// before a colon: too common otherwise.
			if j >= t.n() || !strings.ContainsRune("：:", t.rs[j]) {
				continue
			}
		}
		if n := d.readRole(j, kind); n > 0 {
			i = n - 1
		}
	}
}

// readRole reads names at j after a role word of the given kind and
// returns where it stopped, or 0 when it read none.
func (d *detector) readRole(j int, kind markerKind) int {
	t := d.t
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
	colon := false
	for j < t.n() && strings.ContainsRune("：: \u3000", t.rs[j]) {
		colon = colon || t.rs[j] != ' '
		j++
	}
	// 法定代表人为张三, 户主是李四, 名叫王五.
	if !colon && j < t.n() && strings.ContainsRune("为是叫", t.rs[j]) && kind != markBoundary {
		if kind == markLabel || kind == markAgent || roleIsHolder(t, j) {
			j++
		}
	}
	ev := evMarker
	if kind == markLabel || colon && kind != markBoundary {
		ev = evStrong
	}
	read := 0
	for {
		n := d.nameAt(j, kind, ev)
		if n == 0 {
			break
		}
		if !d.taken[j] {
			c := capPersonal
			if kind == markOfficial || kind != markKin && officialContext(t, j+n) {
				c = capOfficial
			}
			d.add(j, j+n, c)
		}
		read = j + n
		j += n
		// A list: 、 和 与 及 以及.
		if sep := listSep(t, j); sep > 0 {
			j += sep
			continue
		}
		break
	}
	return read
}

// roleIsHolder says whether 为/是 after a role word introduces its holder
// (负责人为张三) rather than a description (原告为某公司员工): only when a
// name-shaped span follows it.
func roleIsHolder(t *text, j int) bool {
	return surnameAt(t, j+1) > 0
}

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
			if isWord, _ := isNameWord(t, c.s, c.e, c.sur, evWeak); isWord {
				continue
			}
			return c.e - j
		}
		return 0
	}
	if n, parts := minorityAt(t, j); parts > 0 && boundary(t, j+n) >= 1 {
		return n
	}
	if n := japaneseAt(t, j, ev); n > 0 {
		return n
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
	return chooseAfter(t, j, ev, true, 1)
}

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

// officialContext reports whether the words right after a name describe
// an official: 李四，该局工作人员; 王五，局长.
func officialContext(t *text, e int) bool {
	end := min(t.n(), e+16)
	for k := e; k < end; k++ {
		if strings.ContainsRune("。；;\n", t.rs[k]) {
			break
		}
		rest := t.rest(k)
		for _, w := range []string{"工作人员", "公务员", "干部", "民警", "执法人员", "局长", "县长", "区长", "市长", "镇长", "乡长", "主任", "书记", "所长", "科长", "队长", "站长", "院长", "庭长", "处长", "厅长", "部长"} {
			if strings.HasPrefix(rest, w) {
				return true
			}
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
		case t.match(e, honorificMatcher) > 0:
			ev = evStrong
			if t.match(e, honorificMatcher) == 1 { // 户 alone: 张三户
				ev = evMarker
			}
		case t.match(e, officialAfter) > 0:
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
		case (t.rs[e] == '（' || t.rs[e] == '(') && t.match(e+1, bracketRole) > 0:
			ev, c = evStrong, capPersonal
		default:
			continue
		}
		if n := chooseBefore(t, e, ev); n > 0 {
			d.add(e-n, e, c)
		}
	}
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
		if k := roleEndingAt(t, s); k > 0 {
			w := t.str(s-k, s)
			if kind := roleKind[w]; (kind == markParty || kind == markAgent || kind == markKin) && validGiven(t, s, e) && t.match(s, anyRole) == 0 {
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
	if s > 0 && !strings.ContainsRune("\n：:", t.rs[s-1]) {
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
		if n, parts := minorityAt(t, i); parts >= 2 && boundary(t, i+n) >= 1 {
			d.add(i, i+n, capNeutral)
			i += n - 1
		} else if parts == 1 && n >= 3 && leftOK(t, i) && t.match(i+n, personVerbMatcher) > 0 {
			d.add(i, i+n, capNeutral) // 巴特尔称…
			i += n - 1
		} else if jp := japaneseAt(t, i, evWeak); jp > 0 && leftOK(t, i) {
			d.add(i, i+jp, capNeutral)
			i += jp - 1
		}
	}
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

// clauseStarts reads a name at the start of a clause when a person's verb
// follows it: 王建国称…, 张三与李四签订…, 《关于王某同志…》.
func (d *detector) clauseStarts() {
	t := d.t
	for i := 0; i < t.n(); i++ {
		if d.taken[i] || !t.han(i) {
			continue
		}
		if i > 0 && t.han(i-1) && !strings.HasSuffix(t.str(max(0, i-2), i), "关于") || afterBoundary(t, i) {
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
		n := chooseAfter(t, i, evWeak, false, 1)
		if n == 0 {
			continue
		}
		if t.match(i+n, personVerbMatcher) == 0 && listSep(t, i+n) == 0 {
			continue
		}
		// A list at a clause start needs a name on the other side too.
		if t.match(i+n, personVerbMatcher) == 0 {
			j := i + n + listSep(t, i+n)
			if chooseAfter(t, j, evWeak, false, 1) == 0 {
				continue
			}
		}
		d.add(i, i+n, capNeutral)
	}
}

// bare reads a three-character name with no other evidence: a common
// surname, a common given name, no word of the dictionary, and a good
// place to start and end (经查，刘德明擅自…).
func (d *detector) bare() {
	t := d.t
	for i := 0; i+3 <= t.n(); i++ {
		if d.taken[i] || surnameAt(t, i) != 1 || !leftOK(t, i) || afterBoundary(t, i) {
			continue
		}
		c := candidate{i, i + 3, 1}
		if !validGiven(t, i+1, i+3) || !plausible(t, c, evNone) || crossesRight(t, i, i+3, 20) {
			continue
		}
		if boundary(t, i+3) < 2 && t.match(i+3, personVerbMatcher) == 0 {
			continue
		}
		if d.add(i, i+3, capNeutral) {
			i += 2
		}
	}
}
