package intent

import "strings"

// 有没有, 有无, 是不是 and 是否 make a question, not a negation: 我明天有没有
// 出庭的安排 asks whether there is a hearing, and must never become the
// filter “hearings whose head did not appear” (没有出庭的). Only 没/未 + verb
// outside such a form (负责人没出庭的, 没去的) filters.

// cutFilter takes the first free occurrence of a word of words that is a
// filter and not the tail of a question form (有没有出庭的 holds 没有出庭的).
func (t *text) cutFilter(words ...string) bool {
	for _, w := range words {
		v, idx := t.view()
		from := 0
		for {
			j := strings.Index(v[from:], w)
			if j < 0 {
				break
			}
			i := idx[from+j]
			if !questionTail(t.rs, i, w) {
				t.mark(i, i+len([]rune(w)))
				return true
			}
			from += j + len(w)
		}
	}
	return false
}

// questionTail reports whether w at rune i is the tail of a question form:
// 没有… right after 有 (有没有), or 没… right after 有 when 有没 is the whole
// form (有没出庭的 spoken for 有没有出庭的).
func questionTail(rs []rune, i int, w string) bool {
	if i == 0 || rs[i-1] != '有' {
		return false
	}
	return strings.HasPrefix(w, "没")
}
