package intent

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// text is a message being read: its runes and which of them a slot or a
// filler word has taken. Recognizers look only at what is still free, so a
// word is read once and what no recognizer took is, at the end, exactly
// the residue.
type text struct {
	rs   []rune
	used []bool
	// The view as last built, until mark takes a rune: recognizers ask
	// for it hundreds of times per message (every word tried is an
	// index), and rebuilding it each time was most of reading's cost.
	v      string
	vIdx   []int
	vvalid bool
}

func newText(s string) *text {
	rs := []rune(s)
	return &text{rs: rs, used: make([]bool, len(rs))}
}

// hole stands for a taken rune in the view: no pattern matches it, so a
// match never spans a word already read, and it separates what is left.
const hole = '\x00'

// view returns the free text, taken runes as hole, and for each byte
// offset of it the index of its rune. The index is shared by every
// caller until the next mark: it must not be modified.
func (t *text) view() (string, []int) {
	if t.vvalid {
		return t.v, t.vIdx
	}
	b := make([]byte, 0, len(t.rs)*3)
	idx := make([]int, 0, len(t.rs)*3+1) // fresh: an earlier view's may still be read
	for i, r := range t.rs {
		if t.used[i] {
			r = hole
		}
		at := len(b)
		b = utf8.AppendRune(b, r)
		for range len(b) - at {
			idx = append(idx, i)
		}
	}
	idx = append(idx, len(t.rs))
	t.v, t.vIdx, t.vvalid = string(b), idx, true
	return t.v, t.vIdx
}

// find returns the submatches of the first match of re in the free text,
// with its rune span; group selects the submatch whose span is returned (0:
// the whole match).
func (t *text) find(re *pattern, group int) (m []string, start, end int, ok bool) {
	v, idx := t.view()
	loc := re.FindStringSubmatchIndex(v)
	if loc == nil {
		return nil, 0, 0, false
	}
	m = make([]string, len(loc)/2)
	for i := range m {
		if loc[2*i] >= 0 {
			m[i] = v[loc[2*i]:loc[2*i+1]]
		}
	}
	if loc[2*group] < 0 {
		return m, 0, 0, false
	}
	return m, idx[loc[2*group]], idx[loc[2*group+1]], true
}

// take is find that also marks the span taken.
func (t *text) take(re *pattern, group int) ([]string, bool) {
	m, s, e, ok := t.find(re, group)
	if ok {
		t.mark(s, e)
	}
	return m, ok
}

func (t *text) mark(start, end int) {
	for i := start; i < end && i < len(t.used); i++ {
		if !t.used[i] {
			t.used[i], t.vvalid = true, false
		}
	}
}

// index returns the rune index of the first free occurrence of w, or -1.
func (t *text) index(w string) int {
	v, idx := t.view()
	i := strings.Index(v, w)
	if i < 0 {
		return -1
	}
	return idx[i]
}

// has reports whether w occurs in the free text.
func (t *text) has(w string) bool { return t.index(w) >= 0 }

// cut takes the first free occurrence of the first of words that occurs
// (words are tried in order: put longer ones first) and returns it.
func (t *text) cut(words ...string) (string, bool) {
	for _, w := range words {
		if i := t.index(w); i >= 0 {
			t.mark(i, i+utf8.RuneCountInString(w))
			return w, true
		}
	}
	return "", false
}

// cutAll takes every free occurrence of each of words, in order, and
// returns the words found (once each).
func (t *text) cutAll(words ...string) []string {
	var found []string
	for _, w := range words {
		hit := false
		for {
			i := t.index(w)
			if i < 0 {
				break
			}
			t.mark(i, i+utf8.RuneCountInString(w))
			hit = true
		}
		if hit {
			found = append(found, w)
		}
	}
	return found
}

// before and after return the free runes just before start (back to the
// previous taken rune or the start) and just after end.
func (t *text) after(end int) string {
	j := end
	for j < len(t.rs) && !t.used[j] {
		j++
	}
	return string(t.rs[end:j])
}

func (t *text) before(start int) string {
	j := start
	for j > 0 && !t.used[j-1] {
		j--
	}
	return string(t.rs[j:start])
}

// run is a run of free runes.
type run struct {
	start, end int
	s          string
}

// runs returns the maximal runs of free runes, split at spaces and
// punctuation, each trimmed of single particle characters at its edges and
// dropped when nothing is left.
func (t *text) runs() []run {
	var out []run
	flush := func(s, e int) {
		for s < e && isParticle(t.rs[s]) {
			s++
		}
		for e > s && isParticle(t.rs[e-1]) {
			e--
		}
		if s < e {
			out = append(out, run{s, e, string(t.rs[s:e])})
		}
	}
	start := -1
	for i, r := range t.rs {
		free := !t.used[i] && !unicode.IsSpace(r) && !unicode.IsPunct(r) && !unicode.IsSymbol(r)
		switch {
		case free && start < 0:
			start = i
		case !free && start >= 0:
			flush(start, i)
			start = -1
		}
	}
	if start >= 0 {
		flush(start, len(t.rs))
	}
	return out
}

// particles are single characters that carry no argument; they are
// dropped at the edges of what is left (inside a name they are part of
// it: 李有才).
const particles = "的了吗呢吧啊呀哈啦嘛么呗哦噢喔咯喽哇诶欸哎唉嗯呃额是在有和与及都也还就又要会能去把给让被再跟同或个下上些点儿么那这哪呐" +
	"开不号归事数出定谁发用帮查写拿办"

func isParticle(r rune) bool { return strings.ContainsRune(particles, r) }
