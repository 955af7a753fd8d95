package privacy

import (
	_ "embed"
	"strings"
	"unicode/utf8"
)

// Traditional characters. Parties from Hong Kong, Macau and Taiwan, and
// old 證明 and 契約 quoted in a judgment, write names and words in
// traditional characters (陳志強, 證人, 申請人); the surname tables, the
// role words and the segmentation dictionary are simplified. normalize
// reads each traditional character as its simplified form, one character
// for one, so every pass sees 陈志强 and 证人 while the output keeps the
// text as written (the spans map back through normalize's offsets).
//
// The table is OpenCC's (see the header of traditional.txt). A library
// that converts whole texts (github.com/longbridgeapp/opencc) was not
// taken: it converts phrase by phrase, may change the length of a text,
// and carries dictionaries casebot does not need; the one-for-one
// character table is all the positions allow.

//go:embed traditional.txt
var traditionalData string

// simplifiedOf maps a traditional character to its simplified form.
var simplifiedOf = func() map[rune]rune {
	m := make(map[rune]rune, 3300)
	for _, line := range strings.Split(traditionalData, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		for _, pair := range strings.Fields(line) {
			t, n := utf8.DecodeRuneInString(pair)
			s, _ := utf8.DecodeRuneInString(pair[n:])
			if t != utf8.RuneError && s != utf8.RuneError {
				m[t] = s
			}
		}
	}
	return m
}()

// traditionalSet holds the keys of simplifiedOf in the basic plane: a bit
// test spares the map lookup for the simplified characters of a judgment.
var traditionalSet = func() runeSet {
	var b strings.Builder
	for r := range simplifiedOf {
		b.WriteRune(r)
	}
	return newRuneSet(b.String())
}()

// simplified returns r's simplified form, or r. Characters below the CJK
// blocks are never looked up.
func simplified(r rune) rune {
	if r < 0x3400 || r < 0x10000 && !traditionalSet.has(r) {
		return r
	}
	if s, ok := simplifiedOf[r]; ok {
		return s
	}
	return r
}
