package privacy

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// StrictName replaces, in a request to a model, a span the strict pass
// reads as a name; identifiers get Mask.
const StrictName = "某某"

// Strict masks, in text the anonymizer has already cleaned, every span
// still shaped like a person's name or an identifier, and says how many
// it masked. It is the last pass before text leaves the bureau for a
// model: it fails closed, trading a few ordinary words for the certainty
// that no name the rules missed goes out. It is never used for what a
// person reads (the stored draft, `casebot anonymize`), where those words
// matter.
//
// Shaped like a name: a surname and one to three characters the
// dictionary's best path reads as a name rather than words, unless the
// structural guards explain it (the start of a place or an organisation,
// a statute's title, a pseudonym, a title after a surname); a run of four
// or more transliteration characters that the dictionary cannot cut into
// words; a dotted name (阿依古丽·买买提). Shaped like an identifier: a
// run of letters and digits with six digits or more, or letters and three
// digits or more, that is not a date, an amount, a case or document
// number or a technical standard.
func Strict(text string) (string, int) {
	norm, offs := normalize(text)
	t := newText(norm)
	covered := make([]bool, t.n())
	var spans []span
	add := func(s, e int, repl string) {
		for k := s; k < e; k++ {
			if covered[k] {
				return
			}
		}
		for k := s; k < e; k++ {
			covered[k] = true
		}
		spans = append(spans, span{t.off[s], t.off[e], KindName, repl})
	}
	strictDotted(t, add)
	strictTranslit(t, add)
	strictNames(t, add)
	for _, sp := range strictIdentifiers(norm) {
		spans = append(spans, sp)
	}
	spans = resolve(spans)
	if len(spans) == 0 {
		return text, 0
	}
	var b strings.Builder
	b.Grow(len(text))
	last := 0
	for _, sp := range spans {
		b.WriteString(text[last:offs[sp.start]])
		b.WriteString(sp.repl)
		last = offs[sp.end]
	}
	b.WriteString(text[last:])
	return b.String(), len(spans)
}

// strictNames masks the names the best path reads that no structural
// guard explains.
func strictNames(t *text, add func(s, e int, repl string)) {
	// The guards every name of the rules passes (notnames.go) explain a
	// span as a thing: a shop, a brand, a document number, goods listed.
	d := &detector{t: t, taken: make([]bool, t.n()), reserved: t.reservedRunes()}
	var docs [][2]int
	docsRead := false
	for i := 0; i < t.n(); i++ {
		e := t.nameTokenAt(i)
		if e == 0 {
			continue
		}
		c := candidate{i, e, surnameAt(t, i)}
		if c.sur > 0 && e-i >= 2 && e-i <= 4 && !t.reservedIn(i, e) && !placeSpan(t, i, e) && !defaultIsWord(t, i, e) && shaped(t, c, evNone) && !strictWord(t, d, i, e) {
			if !docsRead {
				docs, docsRead = docNumberRanges(t), true
			}
			if !d.isThing(hit{i, e, capNeutral, ""}, docs) {
				add(i, e, StrictName)
			}
		}
		i = e - 1
	}
}

// strictWord says whether rs[s:e] is explained as words: a dictionary
// word that is no name (杨梅, 白芷), an item of a list of things, goods
// counted in a table.
func strictWord(t *text, d *detector, s, e int) bool {
	if w, ok := t.word(s, e); ok && !strings.HasPrefix(w.pos, "nr") && w.freq >= 20 {
		return true
	}
	// 东至田埂: a boundary's field, hill or wood.
	if afterBoundary(t, s) && strings.ContainsRune(landChars, t.rs[e-1]) {
		return true
	}
	return (thingsListedBefore(t, d.taken, s) || thingsListedAfter(t, e)) && !ownsAfter(t, e) || goodsCountAfter(t, e)
}

// strictDotted masks the Chinese characters joined by a dot (·, after
// normalize), a foreign or minority name however its parts are written.
func strictDotted(t *text, add func(s, e int, repl string)) {
	for i := 1; i+1 < t.n(); i++ {
		if t.rs[i] != '·' || !t.han(i-1) || !t.han(i+1) {
			continue
		}
		s := i - 1
		for s > 0 && i-s < 8 && t.han(s-1) && translitSet.has(t.rs[s-1]) {
			s--
		}
		e := i + 1
		for e < t.n() && (t.han(e) && e-i < 8 && (translitSet.has(t.rs[e]) || e == i+1) || t.rs[e] == '·' && t.han(e+1)) {
			e++
		}
		add(s, e, StrictName)
		i = e - 1
	}
}

// strictTranslit masks a run of four or more transliteration characters
// that the best path cuts mostly into single characters: no word
// explains it (阿不都热依木, 艾合买提江).
func strictTranslit(t *text, add func(s, e int, repl string)) {
	for i := 0; i < t.n(); i++ {
		if !translitSet.has(t.rs[i]) {
			continue
		}
		e := i
		for e < t.n() && translitSet.has(t.rs[e]) {
			e++
		}
		if e-i >= 4 {
			singles := 0
			for k := i; k < e; k++ {
				if end := t.tokenAt(k); end == k+1 {
					singles++
				}
			}
			if singles*4 >= (e-i)*3 && !t.reservedIn(i, e) {
				add(i, e, StrictName)
			}
		}
		i = e
	}
}

// strictRunRe is a run of letters and digits, dashes inside.
var strictRunRe = regexp.MustCompile(`[0-9A-Za-z]+(?:-[0-9A-Za-z]+)*`)

// caseOrDocumentRe holds a case number or a document number, whose digits
// name a case or an act, not a person: （2023）浙0102行初123号, 某政复〔2023〕218号.
var caseOrDocumentRe = regexp.MustCompile(`[(（〔\[]\d{4}[)）〕\]][^，。；\s]{0,16}?\d+号`)

// dateRunRe is a date written in digits: 20230518, 2023-05-18.
var dateRunRe = regexp.MustCompile(`^(?:19|20)\d{2}-?(?:0[1-9]|1[0-2])-?(?:0[1-9]|[12]\d|3[01])$`)

// unitRunRe is a measure written with its unit: 100ml, 8kg, 220kV.
var unitRunRe = regexp.MustCompile(`(?i)^\d+(?:mg|ml|kg|km|cm|mm|g|m|t|kw|kv|kwh|l|mpa|db|w|v|h|min|s)$`)

// amountAfter are the units that make a number an amount, a size or a
// count (元, 平方米, 亩).
var amountAfter = []string{"元", "万", "亿", "平方", "㎡", "亩", "米", "公里", "千米", "吨", "公斤", "千克", "克", "件", "户", "人", "个", "字", "次", "股", "%", "％", "年", "月", "日", "时", "天", "条", "款", "项", "页", "份", "套", "辆", "株", "棵", "只", "头", "箱", "袋"}

// routeAfter make a letter and digits a road's, a train's or a flight's
// number.
var routeAfter = []string{"国道", "省道", "县道", "乡道", "高速", "公路", "线", "次列车", "次", "航班", "路公交"}

// standardPrefixes lead a technical standard's number (GB 50016-2014).
var standardPrefixes = []string{"GB", "JGJ", "CJJ", "DB", "HJ", "GBT", "JTG", "CJ", "SL", "DL", "NY", "QB", "ISO"}

// strictIdentifiers finds the runs of letters and digits still shaped like
// an identifier.
func strictIdentifiers(s string) []span {
	docs := caseOrDocumentRe.FindAllStringIndex(s, -1)
	var out []span
	for _, loc := range strictRunRe.FindAllStringIndex(s, -1) {
		a, b := loc[0], loc[1]
		v := s[a:b]
		d := countDigits(v)
		letters := len(strings.ReplaceAll(v, "-", "")) - d
		if d < 6 && (letters == 0 || d < 3) {
			continue
		}
		if dateRunRe.MatchString(v) || letters > 0 && d < 3 || unitRunRe.MatchString(v) {
			continue
		}
		if _, ok := hasPrefixAny(strings.ToUpper(v), standardPrefixes); ok && letters <= 3 {
			continue
		}
		inDoc := false
		for _, r := range docs {
			inDoc = inDoc || a >= r[0] && b <= r[1]
		}
		if inDoc {
			continue
		}
		rest := strings.TrimLeft(s[b:], " ")
		if _, ok := hasPrefixAny(rest, amountAfter); ok && letters == 0 {
			continue
		}
		// G107国道, K1024次列车: a road, a train or a flight.
		if _, ok := hasPrefixAny(rest, routeAfter); ok && letters > 0 && letters <= 2 {
			continue
		}
		if before := strings.TrimRight(s[:a], " "); letters == 0 && (strings.HasSuffix(before, "￥") || strings.HasSuffix(before, "¥") || strings.HasSuffix(before, "人民币")) {
			continue
		}
		// A word of letters alone is no identifier (PDF, WeCom).
		if r, _ := utf8.DecodeRuneInString(v); d == 0 || r == '-' {
			continue
		}
		out = append(out, span{a, b, KindRecord, Mask})
	}
	return out
}
