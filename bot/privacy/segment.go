package privacy

// The segmentation is jieba's without its HMM, with a name model beside
// the dictionary: every run of Chinese characters is cut along the path of
// highest probability over the word graph (a unigram model: a word's
// probability is its frequency over the sum of all frequencies; a
// character the dictionary lacks counts once), where a surname and one or
// two given characters may also be read as one token, a name, with the
// probability the name model gives it. A name is on the best path where
// the dictionary cannot explain the characters better: 张/建国 (a measure
// word and a word) is a poorer reading of 张建国 than one name, while
// 高峰 (a frequent word) stays a word unless the context says otherwise.

// Name model: a name token's probability is the share of name tokens in
// running text, times the share of people bearing the surname, times the
// share of given names of that length, times the given name's
// probability: a character's as a given-name character, a pair's mixed
// from how often the pair is a given name and its characters alone.
const (
	// nameTokenLn is ln of the share of name tokens among all tokens: in
	// the jieba dictionary, words tagged as names weigh 4.3% of all.
	nameTokenLn = -3.15
	// givenOneLn and givenTwoLn are ln of the shares of given names of one
	// and of two characters.
	givenOneLn = -1.6
	givenTwoLn = -0.22
)

// segment cuts every Han run of t along its best path and returns, for
// each rune, the end of the token starting there, or 0 inside a token;
// name is set at the start of each token read as a name. A rune that is
// not Han is a token of its own.
func segment(t *text) (ends []int32, name []bool) {
	n := t.n()
	ends = make([]int32, n)
	name = make([]bool, n)
	route := make([]float64, n+1)
	for a := 0; a < n; {
		if !t.han(a) {
			ends[a] = int32(a + 1)
			a++
			continue
		}
		b := a
		for b < n && t.han(b) {
			b++
		}
		t.bestPath(a, b, ends, name, route)
		a = b
	}
	return ends, name
}

// bestPath fills ends and name for the Han run rs[a:b] by dynamic
// programming from the right, as jieba's calc does: route[i] is the best
// log-probability of rs[i:b]; among equal scores the longer word wins.
func (t *text) bestPath(a, b int, ends []int32, name []bool, route []float64) {
	d := t.d
	route[b] = 0
	for i := b - 1; i >= a; i-- {
		single := -d.logTotal
		if w, ok := t.word(i, i+1); ok {
			single += float64(w.logFreq)
		}
		best, next, isName := single+route[i+1], i+1, false
		for j := i + 2; j <= min(b, i+d.longest(t.rs[i])); j++ {
			w, ok := t.word(i, j)
			if !ok {
				continue
			}
			if sc := float64(w.logFreq) - d.logTotal + route[j]; sc >= best {
				best, next, isName = sc, j, nrWordIsName(t, i, j, w)
			}
		}
		if sur := surnameAt(t, i); sur > 0 {
			for g := 1; g <= 2 && i+sur+g <= b; g++ {
				e := i + sur + g
				ln, ok := nameEdge(t, i, e, sur)
				if !ok {
					continue
				}
				if sc := ln + route[e]; sc > best {
					best, next, isName = sc, e, true
				}
			}
		}
		route[i] = best
		ends[i] = int32(next)
		name[i] = isName
	}
	// Keep only the tokens on the path.
	for i := a; i < b; {
		j := int(ends[i])
		for k := i + 1; k < j; k++ {
			ends[k] = 0
			name[k] = false
		}
		i = j
	}
}

// nameEdge returns ln of the name model's probability of rs[s:e] as a
// name with a surname of sur characters, and whether it may be one at all
// (the structural checks of shaped).
func nameEdge(t *text, s, e, sur int) (float64, bool) {
	if !validGiven(t, s+sur, e) || !shaped(t, candidate{s, e, sur}, evNone) {
		return 0, false
	}
	ln := nameTokenLn
	if sur == 2 {
		ln += compoundSurnameLn
	} else {
		ln += surnameLogP(t.rs[s])
	}
	if e-s-sur == 1 {
		ln += givenOneLn + t.d.givenLogP(t.rs[s+sur])
	} else {
		ln += givenTwoLn + t.d.pairLogP(t, s+sur)
	}
	return ln, true
}

// tokens returns the segmentation of t, computing it once.
func (t *text) tokens() ([]int32, []bool) {
	if t.seg == nil {
		t.seg, t.segName = segment(t)
	}
	return t.seg, t.segName
}

// tokenAt returns the end of the token of the best path that starts at i,
// or 0 when i is inside a token (or past the text).
func (t *text) tokenAt(i int) int {
	if i < 0 || i >= t.n() {
		return 0
	}
	ends, _ := t.tokens()
	return int(ends[i])
}

// nameTokenAt returns the end of the name the best path reads at i, or 0.
func (t *text) nameTokenAt(i int) int {
	if i < 0 || i >= t.n() {
		return 0
	}
	ends, name := t.tokens()
	if !name[i] {
		return 0
	}
	return int(ends[i])
}
