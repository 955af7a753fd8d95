package privacy

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"
)

// Anonymizer removes personal data from texts per 法释〔2016〕19号 第9–10条,
// as DOMAIN.md §5 asks for texts that leave the bureau: every natural
// person becomes 张某 (张某1, 张某2 when two would collide), and IDs, phone
// numbers, bank accounts, plates, property-certificate serials and
// addresses below the county are masked with ×××. Agencies, courts and
// companies are kept.
//
// One Anonymizer serves one draft: a name gets the same pseudonym in the
// prompt sent to the model and in the draft that comes back. Register the
// names known in advance (the case's natural-person parties) and every
// text of the case with Prepare before the first Anonymize, so that
// numbering covers them all.
//
// Names are found reliably when known, after markers (原告, 申请人, 第三人,
// 委托代理人, 法定代表人, 证人…), before “，男，”, and in dotted minority
// names. A name written nowhere near such a marker cannot be told from
// ordinary words; that is why a draft is always for human review.
type Anonymizer struct {
	names  []string          // registered natural persons, in order
	pseudo map[string]string // name → pseudonym, once assigned
	// groups counts pseudonyms handed out per masked form (张某), and
	// plain remembers the name that holds the unnumbered form.
	groups map[string]int
	// originals are the exact strings removed, for the post-check.
	originals map[string]Kind
}

// NewAnonymizer returns an anonymizer that knows names (natural persons;
// empty and already masked names are ignored).
func NewAnonymizer(names ...string) *Anonymizer {
	a := &Anonymizer{pseudo: map[string]string{}, groups: map[string]int{}, originals: map[string]Kind{}}
	a.AddNames(names...)
	return a
}

// AddNames registers natural persons' names.
func (a *Anonymizer) AddNames(names ...string) {
	for _, n := range names {
		n = strings.TrimSpace(n)
		if n == "" || strings.Contains(n, "某") || utf8.RuneCountInString(n) < 2 {
			continue
		}
		if _, ok := a.pseudo[n]; ok || contains(a.names, n) {
			continue
		}
		a.names = append(a.names, n)
	}
}

// Prepare registers the names it can detect in texts, without changing
// them, so that later Anonymize calls number pseudonyms across all texts.
func (a *Anonymizer) Prepare(texts ...string) {
	for _, t := range texts {
		norm, _ := normalize(t)
		a.AddNames(detectNames(norm)...)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// assign gives every registered name without a pseudonym one. Names that
// mask alike (张三 and 张四 are both 张某) are numbered in registration
// order; a pseudonym once used is never changed, so a name that turns up
// later gets the next number.
func (a *Anonymizer) assign() {
	var fresh []string
	for _, n := range a.names {
		if _, ok := a.pseudo[n]; !ok {
			fresh = append(fresh, n)
		}
	}
	if len(fresh) == 0 {
		return
	}
	count := map[string]int{}
	for _, n := range a.names {
		count[MaskName(n)]++
	}
	for _, n := range fresh {
		m := MaskName(n)
		switch {
		case count[m] == 1 && a.groups[m] == 0:
			a.pseudo[n] = m
		default:
			a.groups[m]++
			a.pseudo[n] = fmt.Sprintf("%s%d", m, a.groups[m])
		}
		if a.pseudo[n] == m {
			a.groups[m] = 1
		}
	}
}

// Pseudonym returns the name's replacement (张某, 张某2…), registering the
// name if needed.
func (a *Anonymizer) Pseudonym(name string) string {
	name = strings.TrimSpace(name)
	if name == "" || strings.Contains(name, "某") {
		return name
	}
	a.AddNames(name)
	a.assign()
	if p, ok := a.pseudo[name]; ok {
		return p
	}
	return MaskName(name)
}

// Anonymize returns text with personal data replaced. Names detected in
// text are registered first, so they are replaced everywhere in it.
func (a *Anonymizer) Anonymize(text string) string {
	return a.anonymize(text, false)
}

func (a *Anonymizer) anonymize(text string, strict bool) string {
	norm, offs := normalize(text)
	a.AddNames(detectNames(norm)...)
	a.assign()

	var spans []span
	spans = append(spans, identifierSpans(norm)...)
	spans = append(spans, markedAddressSpans(norm)...)
	spans = append(spans, unmarkedAddressSpans(norm)...)
	for _, n := range a.names {
		spans = append(spans, occurrences(norm, n, a.pseudo[n], strict)...)
	}
	if strict {
		for o, k := range a.originals {
			if k != KindName {
				spans = append(spans, fuzzyOccurrences(norm, o, k)...)
			}
		}
	}
	spans = resolve(spans)

	var b strings.Builder
	b.Grow(len(text))
	last := 0
	for _, sp := range spans {
		start, end := offs[sp.start], offs[sp.end]
		b.WriteString(text[last:start])
		b.WriteString(sp.repl)
		a.original(norm[sp.start:sp.end], sp.kind)
		last = end
	}
	b.WriteString(text[last:])
	return b.String()
}

// original records a removed string for the post-check. Identifiers are
// kept without separators, so 138 0013 8000 and 13800138000 are one.
func (a *Anonymizer) original(s string, k Kind) {
	if k != KindName {
		s = compact(s)
		if utf8.RuneCountInString(s) < 4 {
			return
		}
	}
	a.originals[s] = k
}

// occurrences finds name in s. In strict mode it also finds the name with
// spaces or zero-width characters between its characters (张 三).
func occurrences(s, name, repl string, strict bool) []span {
	var out []span
	for i := 0; ; {
		j := strings.Index(s[i:], name)
		if j < 0 {
			break
		}
		out = append(out, span{i + j, i + j + len(name), KindName, repl})
		i += j + len(name)
	}
	if strict {
		re := spacedRe(name, `[\s\x{200B}-\x{200D}\x{2060}\x{FEFF}]*`)
		for _, loc := range re.FindAllStringIndex(s, -1) {
			out = append(out, span{loc[0], loc[1], KindName, repl})
		}
	}
	return out
}

// fuzzyOccurrences finds an identifier written with other separators.
func fuzzyOccurrences(s, original string, k Kind) []span {
	var out []span
	re := spacedRe(original, `[\s\-–—·.•_\x{200B}-\x{200D}\x{2060}\x{FEFF}]*`)
	for _, loc := range re.FindAllStringIndex(s, -1) {
		out = append(out, span{loc[0], loc[1], k, Mask})
	}
	return out
}

// spacedRe matches the runes of s with sep allowed between them.
func spacedRe(s, sep string) *regexp.Regexp {
	var parts []string
	for _, r := range s {
		parts = append(parts, regexp.QuoteMeta(string(r)))
	}
	return regexp.MustCompile(strings.Join(parts, sep))
}

// resolve orders spans and drops the ones that overlap an earlier or
// longer one.
func resolve(spans []span) []span {
	sort.SliceStable(spans, func(i, j int) bool {
		if spans[i].start != spans[j].start {
			return spans[i].start < spans[j].start
		}
		return spans[i].end > spans[j].end
	})
	var out []span
	end := -1
	for _, sp := range spans {
		if sp.start < end || sp.end <= sp.start {
			continue
		}
		out = append(out, sp)
		end = sp.end
	}
	return out
}

// separators are dropped before identifiers are compared.
var separators = regexp.MustCompile(`[\s\-–—·.•_*~` + "`" + `()（）\x{200B}-\x{200D}\x{2060}\x{FEFF}]+`)

func compact(s string) string {
	n, _ := normalize(s)
	return strings.ToUpper(separators.ReplaceAllString(n, ""))
}

// Leak is personal data found by the post-check. Value is the data itself:
// log the Kind, never the Value.
type Leak struct {
	Kind  Kind
	Value string
}

// Leaks checks text for personal data: any name or identifier this
// anonymizer removed before, even with spaces, markdown or zero-width
// characters inside it, and anything the detectors still find.
func (a *Anonymizer) Leaks(text string) []Leak {
	norm, _ := normalize(text)
	var out []Leak
	seen := map[string]bool{}
	add := func(k Kind, v string) {
		if !seen[v] {
			seen[v] = true
			out = append(out, Leak{k, v})
		}
	}
	names := append([]string(nil), a.names...)
	sort.Strings(names)
	for _, n := range names {
		if spacedRe(n, `[\s*_~`+"`"+`\x{200B}-\x{200D}\x{2060}\x{FEFF}]*`).MatchString(norm) {
			add(KindName, n)
		}
	}
	flat := compact(norm)
	var ids []string
	for o, k := range a.originals {
		if k != KindName {
			ids = append(ids, o)
		}
	}
	sort.Strings(ids)
	for _, o := range ids {
		if strings.Contains(flat, o) {
			add(a.originals[o], o)
		}
	}
	for _, sp := range identifierSpans(norm) {
		add(sp.kind, norm[sp.start:sp.end])
	}
	for _, n := range detectNames(norm) {
		if !contains(a.names, n) {
			add(KindName, n)
		}
	}
	return out
}

// LeakError is returned when a text still holds personal data after two
// passes. Its message names the kinds of data, never the data.
type LeakError struct{ Kinds []Kind }

func (e *LeakError) Error() string {
	ks := make([]string, len(e.Kinds))
	for i, k := range e.Kinds {
		ks[i] = string(k)
	}
	return "脱敏后仍检出个人信息（" + strings.Join(ks, "、") + "）"
}

// Clean anonymizes text, checks the result and, when something still
// leaks, anonymizes it again in strict mode: names with spaces or
// zero-width characters inside, and every identifier removed before in
// any spacing or punctuation. If data still leaks after that
// (a name split by markdown, for instance, which cannot be replaced without
// breaking the formatting), it returns a *LeakError and no text.
func (a *Anonymizer) Clean(text string) (string, error) {
	out := a.Anonymize(text)
	if len(a.Leaks(out)) == 0 {
		return out, nil
	}
	// The second pass starts again from the text itself: the first may have
	// masked part of an identifier and left the rest unrecognisable.
	out = a.anonymize(text, true)
	leaks := a.Leaks(out)
	if len(leaks) == 0 {
		return out, nil
	}
	var kinds []Kind
	for _, l := range leaks {
		if !containsKind(kinds, l.Kind) {
			kinds = append(kinds, l.Kind)
		}
	}
	return "", &LeakError{Kinds: kinds}
}

func containsKind(ks []Kind, k Kind) bool {
	for _, x := range ks {
		if x == k {
			return true
		}
	}
	return false
}

// Anonymize is a one-off anonymization of a text, with names known in
// advance if any: what `casebot anonymize` does.
func Anonymize(text string, names ...string) string {
	a := NewAnonymizer(names...)
	a.Prepare(text)
	return a.Anonymize(text)
}
