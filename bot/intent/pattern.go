package intent

import (
	"regexp"
	"regexp/syntax"
	"strings"
)

// pattern is a compiled regexp with a literal prefilter: needs holds runes
// of which every match must contain at least one, so a text with none of
// them is answered "no match" by strings.ContainsAny instead of the
// backtracker, which otherwise tries every start position of the text.
// Most patterns here are alternations of Chinese words that a given message
// contains none of, so most calls end at the prefilter. The answer is the
// regexp's own whenever it can match at all (pattern_test.go pins that).
type pattern struct {
	*regexp.Regexp
	needs string // "" when the pattern promises no rune (then no prefilter)
}

// patterns are all patterns compiled by mustCompile, for the equivalence
// test.
var patterns []*pattern

// mustCompile is regexp.MustCompile with the prefilter of pattern.
func mustCompile(expr string) *pattern {
	p := &pattern{Regexp: regexp.MustCompile(expr)}
	if re, err := syntax.Parse(expr, syntax.Perl); err == nil {
		if set, ok := neededRunes(re.Simplify()); ok && len(set) > 0 {
			p.needs = string(set)
		}
	}
	patterns = append(patterns, p)
	return p
}

// maxNeeded bounds a character class taken as a needed set: a larger one
// (\p{Han}, [^，。]) would filter almost nothing and cost more to check.
const maxNeeded = 48

// neededRunes returns a set of runes of which every match of re contains at
// least one; ok is false when no such set is known (re may match the empty
// string, or only through classes too large to list).
func neededRunes(re *syntax.Regexp) ([]rune, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 || len(re.Rune) == 0 {
			return nil, false
		}
		return re.Rune[:1], true
	case syntax.OpCharClass:
		var set []rune
		for i := 0; i+1 < len(re.Rune); i += 2 {
			lo, hi := re.Rune[i], re.Rune[i+1]
			if int(hi-lo)+1+len(set) > maxNeeded {
				return nil, false
			}
			for r := lo; r <= hi; r++ {
				set = append(set, r)
			}
		}
		return set, len(set) > 0
	case syntax.OpCapture, syntax.OpPlus:
		return neededRunes(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min < 1 {
			return nil, false
		}
		return neededRunes(re.Sub[0])
	case syntax.OpConcat:
		// Every part must match, so any part's set will do: take the
		// smallest, the one that filters most.
		var best []rune
		found := false
		for _, sub := range re.Sub {
			if set, ok := neededRunes(sub); ok && (!found || len(set) < len(best)) {
				best, found = set, true
			}
		}
		return best, found
	case syntax.OpAlternate:
		// A match is a match of one branch: the union of all branches'
		// sets, and none if any branch promises nothing.
		var union []rune
		for _, sub := range re.Sub {
			set, ok := neededRunes(sub)
			if !ok {
				return nil, false
			}
			for _, r := range set {
				if !strings.ContainsRune(string(union), r) {
					union = append(union, r)
				}
			}
			if len(union) > maxNeeded {
				return nil, false
			}
		}
		return union, len(union) > 0
	}
	// Empty matches, anchors, stars, optionals and any-char promise no rune.
	return nil, false
}

// may reports whether s can hold a match of p at all.
func (p *pattern) may(s string) bool {
	return p.needs == "" || strings.ContainsAny(s, p.needs)
}

// The methods below are the regexp's, answered without it when s cannot
// hold a match; each returns what regexp returns for no match.

func (p *pattern) MatchString(s string) bool {
	return p.may(s) && p.Regexp.MatchString(s)
}

func (p *pattern) FindString(s string) string {
	if !p.may(s) {
		return ""
	}
	return p.Regexp.FindString(s)
}

func (p *pattern) FindStringIndex(s string) []int {
	if !p.may(s) {
		return nil
	}
	return p.Regexp.FindStringIndex(s)
}

func (p *pattern) FindStringSubmatch(s string) []string {
	if !p.may(s) {
		return nil
	}
	return p.Regexp.FindStringSubmatch(s)
}

func (p *pattern) FindStringSubmatchIndex(s string) []int {
	if !p.may(s) {
		return nil
	}
	return p.Regexp.FindStringSubmatchIndex(s)
}

func (p *pattern) FindAllString(s string, n int) []string {
	if !p.may(s) {
		return nil
	}
	return p.Regexp.FindAllString(s, n)
}

func (p *pattern) FindAllStringIndex(s string, n int) [][]int {
	if !p.may(s) {
		return nil
	}
	return p.Regexp.FindAllStringIndex(s, n)
}

func (p *pattern) FindAllStringSubmatch(s string, n int) [][]string {
	if !p.may(s) {
		return nil
	}
	return p.Regexp.FindAllStringSubmatch(s, n)
}

func (p *pattern) FindAllStringSubmatchIndex(s string, n int) [][]int {
	if !p.may(s) {
		return nil
	}
	return p.Regexp.FindAllStringSubmatchIndex(s, n)
}

func (p *pattern) ReplaceAllString(s, repl string) string {
	if !p.may(s) {
		return s
	}
	return p.Regexp.ReplaceAllString(s, repl)
}

func (p *pattern) ReplaceAllStringFunc(s string, repl func(string) string) string {
	if !p.may(s) {
		return s
	}
	return p.Regexp.ReplaceAllStringFunc(s, repl)
}
