package intent

import (
	"strings"
	"unicode"
)

// MayBeLegal reports whether Understand could read raw as a legal question
// of one's own (Kind Legal). Both readings need one of their words in the
// message (personalMatters for the early reading, legalWords for the one in
// the parse), so a message holding none of them is not one. Strangers are
// only ever answered with the legal pointer or the access refusal, so their
// messages are parsed only when this says they may be legal: a flood of
// strangers' messages then costs a few substring scans each instead of a
// full parse (the loadtest's traffic is such a flood).
func MayBeLegal(raw string) bool {
	// Only the Han characters: whatever Normalize and the parse drop or
	// take between two characters of a word, the word stays a substring.
	han := strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Han, r) {
			return r
		}
		return -1
	}, Normalize(raw))
	for _, ws := range [][]string{legalWords, personalMatters} {
		for _, w := range ws {
			if strings.Contains(han, w) {
				return true
			}
		}
	}
	return false
}
