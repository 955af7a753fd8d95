package handlers

import (
	"context"
	"regexp"
	"slices"
	"strings"

	"casebot/bot/numeral"
)

// digitNameRe is a Chinese character followed by Arabic digits (孙7, 金31,
// full-width 吕２４): how a party named with numerals is typed on a phone.
var digitNameRe = regexp.MustCompile(`(\p{Han})([0-9０-９]{1,2})`)

// numberChars end the words before a case number or an ordinal (行初85,
// 行终33, 复47, 第2个, 共3件, 前5); not 申 (行申88), a surname too.
const numberChars = "初终审复赔执号第共前约近"

// digitNames rewrites a party name typed with Arabic digits (孙7, 金31) as
// the ledger spells it (孙七, 金三十一), and only when the ledger has a party
// of exactly that spelling: read as it was typed, 孙7 is case number 7 and
// the answer a false “没有找到”. A character and digits naming no party
// (行初7, 第3) are left as they are.
func (s *service) digitNames(ctx context.Context, text string) string {
	if !digitNameRe.MatchString(text) {
		return text
	}
	ms := digitNameRe.FindAllStringSubmatchIndex(text, -1)
	var b strings.Builder
	last := 0
	for _, m := range ms {
		han, digits := text[m[2]:m[3]], text[m[4]:m[5]]
		if strings.Contains(numberChars, han) {
			continue // 行初85, 复33, 第2: a number, and no Redis round trip
		}
		name := han + chineseNumeral(digits)
		if name == han || !s.isParty(ctx, name) {
			continue
		}
		// The digits must end the name: 孙7号 is still a number, and
		// 孙123 no 孙十二 followed by 3.
		if rest := text[m[1]:]; strings.HasPrefix(rest, "号") || startsDigit(rest) {
			continue
		}
		b.WriteString(text[last:m[2]])
		b.WriteString(name)
		last = m[1]
	}
	if last == 0 {
		return text
	}
	b.WriteString(text[last:])
	return b.String()
}

// startsDigit reports whether s opens with a digit, half- or full-width.
func startsDigit(s string) bool {
	for _, r := range s {
		return r >= '0' && r <= '9' || r >= '０' && r <= '９'
	}
	return false
}

// isParty reports whether the ledger holds a party named exactly name.
func (s *service) isParty(ctx context.Context, name string) bool {
	rs := []rune(name)
	if len(rs) < 2 {
		return false
	}
	hits, err := s.st.NamesWithPrefixes(ctx, []string{string(rs[:2])}, 50)
	if err != nil || len(hits) == 0 {
		return false
	}
	return slices.Contains(hits[0].Parties, name)
}

// chineseNumeral reads digits, half- or full-width (7, ３１), and writes
// them in Chinese numerals (七, 三十一); more than 99 or not digits is "".
func chineseNumeral(digits string) string {
	n := 0
	for _, r := range digits {
		switch {
		case r >= '0' && r <= '9':
			n = n*10 + int(r-'0')
		case r >= '０' && r <= '９':
			n = n*10 + int(r-'０')
		default:
			return ""
		}
		if n > 99 {
			return ""
		}
	}
	if n == 0 {
		return ""
	}
	return numeral.Format(n)
}
