package intent

import (
	"bufio"
	"os"
	"reflect"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"testing"
	"time"
)

// corpusMessages are the chat corpus's messages (handlers/testdata), the
// texts the prefilter must not change an answer of, with their Normalize
// forms (what most patterns see).
func corpusMessages(t *testing.T) []string {
	f, err := os.Open("../../handlers/testdata/corpus.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	seen := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' || line[0] == ' ' || line[0] == '\t' {
			continue
		}
		if _, msg, ok := strings.Cut(line, ": "); ok {
			for _, m := range []string{msg, Normalize(msg)} {
				if !seen[m] {
					seen[m] = true
					out = append(out, m)
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestPatternPrefilterEquivalence pins that the prefilter of every pattern
// only ever says "no match" where the regexp itself finds none, and that
// each guarded method returns exactly what the bare regexp returns, over
// the corpus and texts made to hold the needed runes.
func TestPatternPrefilterEquivalence(t *testing.T) {
	// Every eighth corpus text: TestCorpus already runs all of them
	// through the guarded patterns unchanged; this is the direct check,
	// kept to a few seconds under -race.
	var texts []string
	for i, m := range corpusMessages(t) {
		if i%8 == 0 {
			texts = append(texts, m)
		}
	}
	texts = append(texts,
		"", " ", "号", "1号", "3月", "下周三", "Q3", "q3", "2025年上半年", "复47", "（2025）黔0115行初123号",
		"撤诉", "以案说法多少字", "判决书收到了", "出庭负责人是张明副局长", "\x00那么", "\xff\xfe", "一二三号")
	filtered := 0
	for _, p := range patterns {
		for _, s := range texts {
			if !p.may(s) {
				filtered++
				if loc := p.Regexp.FindStringIndex(s); loc != nil {
					t.Fatalf("%q: prefilter %q said no match in %q, regexp matched %v", p, p.needs, s, loc)
				}
			}
		}
		// Where the prefilter lets the regexp run, the answer is the
		// regexp's by construction; check each method's no-match value.
		for _, s := range texts[len(texts)-18:] {
			if got, want := p.FindAllStringSubmatchIndex(s, -1), p.Regexp.FindAllStringSubmatchIndex(s, -1); !reflect.DeepEqual(got, want) {
				t.Fatalf("%q on %q: %v, regexp %v", p, s, got, want)
			}
			if got, want := p.FindAllString(s, -1), p.Regexp.FindAllString(s, -1); !reflect.DeepEqual(got, want) {
				t.Fatalf("%q on %q: %v, regexp %v", p, s, got, want)
			}
			if got, want := p.ReplaceAllString(s, "<$0>"), p.Regexp.ReplaceAllString(s, "<$0>"); got != want {
				t.Fatalf("%q on %q: %q, regexp %q", p, s, got, want)
			}
			if got, want := p.FindStringSubmatch(s), p.Regexp.FindStringSubmatch(s); !reflect.DeepEqual(got, want) {
				t.Fatalf("%q on %q: %q, regexp %q", p, s, got, want)
			}
			if got, want := p.FindString(s), p.Regexp.FindString(s); got != want {
				t.Fatalf("%q on %q: %q, regexp %q", p, s, got, want)
			}
		}
	}
	if filtered == 0 {
		t.Fatal("the prefilter filtered nothing")
	}
}

// TestNeededRunes pins the analysis on the shapes the patterns use: a set
// only where every match must hold one of its runes.
func TestNeededRunes(t *testing.T) {
	for _, c := range []struct {
		expr string
		want string // "" for no set
	}{
		{`撤诉|撤回起诉|撤案`, "撤"},
		{`驳回上诉|维持原判`, "驳维"},
		{`(\d{1,2})\s*月份?`, "月"},
		{`(?:^|[^\d/])((\d{1,2})/(\d{1,2}))(?:$|[^\d/])`, "/"},
		{`[Qq]([1-4])`, "1234"},
		{`(?i)word`, ""},
		{`吗?`, ""},
		{`^\s*`, ""},
		{`a|b?`, ""},
		{`.{0,12}写`, "写"},
		{`\p{Han}+`, ""},
		{`\d`, "0123456789"},
		{`(上|下)半年`, "半"},
	} {
		re, err := syntax.Parse(c.expr, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		set, ok := neededRunes(re.Simplify())
		got := ""
		if ok {
			s := []rune(string(set))
			slices.Sort(s)
			got = string(s)
		}
		w := []rune(c.want)
		slices.Sort(w)
		if got != string(w) {
			t.Errorf("%s: needed %q, want %q", c.expr, got, string(w))
		}
		// Whatever the set, the pattern's answers are the regexp's.
		p := &pattern{Regexp: regexp.MustCompile(c.expr), needs: got}
		for _, s := range []string{"", "写", "word", "WORD", "半年", "12月", "1/2", "Q3", "撤案", "张三"} {
			if p.MatchString(s) != p.Regexp.MatchString(s) {
				t.Errorf("%s on %q: prefilter changed the answer", c.expr, s)
			}
		}
	}
}

// TestNoPatternPerMessage pins that reading a message compiles nothing: a
// pattern compiled per call was the costliest line of numberYear.
func TestNoPatternPerMessage(t *testing.T) {
	n := len(patterns)
	now := time.Date(2026, 11, 19, 8, 40, 0, 0, time.FixedZone("CST", 8*3600))
	for _, m := range []string{"2015年那个案子有多少个", "15年那个行终字的案子", "下周有哪些案子要开庭"} {
		if _, err := Understand(m, Options{Now: now}); err != nil {
			t.Fatal(err)
		}
		FieldWrite(m, Options{Now: now})
	}
	if len(patterns) != n {
		t.Fatalf("reading messages compiled %d patterns", len(patterns)-n)
	}
}
