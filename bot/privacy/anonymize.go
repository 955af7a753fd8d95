package privacy

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Numbering is how people who mask alike (张三 and 张四 are both 张某) are
// told apart.
type Numbering int

const (
	// Stems follows the courts: 张某甲, 张某乙, 张某丙… (after 癸, 张某11).
	Stems Numbering = iota
	// Digits numbers them: 张某1, 张某2.
	Digits
)

// stems are the ten heavenly stems courts number same-surname people with.
var stems = []string{"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"}

// Options are the configurable rules (config privacy.*).
type Options struct {
	// KeepOfficials keeps the names of judges, clerks and agency officials
	// acting in office (审判长, 工作人员, 副区长…) instead of masking them.
	// Someone who is also a party, a witness or a relative is masked.
	KeepOfficials bool
	// Numbering tells same-surname people apart; Stems by default.
	Numbering Numbering
}

// person is a natural person the anonymizer knows.
type person struct {
	name string
	// given caches givenName(name) once computed (givenSet): givenOwner
	// asks it of every registered person for every hit, and Surname walks
	// the compound surnames each time.
	given    string
	givenSet bool
	// official is set when the person was seen acting in office (审判长,
	// 工作人员, 副区长), personal when seen in a private capacity (a party,
	// a relative, a known name). Only an official who is not also a
	// private person may be kept.
	official, personal bool
	// known is set for a name the caller passed (the case store's parties,
	// the handler): it is that person wherever it stands as a name.
	known bool
	// proved is set for a name the text itself proves somewhere (a role
	// word before it, 男/女 after it): like a known name, it is the person
	// wherever the words around it say a person, also where it is an
	// everyday word (原告戴明亮… 后明亮反悔).
	proved bool
}

// Anonymizer removes personal data from texts per 法释〔2016〕19号 第9–10条,
// as DOMAIN.md §5 asks for texts that leave the bureau. See the package
// documentation for what it finds and how.
//
// One Anonymizer serves one document or one draft: a name gets the same
// pseudonym everywhere it is used, in the prompt sent to the model and in
// the draft that comes back. It is not safe for concurrent use.
type Anonymizer struct {
	opts   Options
	order  []*person          // in order of registration
	people map[string]*person // name → person
	pseudo map[string]string  // name → pseudonym, once assigned
	// groups counts pseudonyms handed out per masked form (张某).
	groups map[string]int
	// originals are the exact identifiers removed, for the post-check.
	originals map[string]Kind
	// lastNorm and lastHits remember the names found in the last text
	// read: Prepare and Clean read a judgment twice.
	lastNorm string
	lastHits []hit
	// shopKeepers maps a family business's name (张记, 王氏) to the
	// keeper a prepared sentence names beside it (shops.go).
	shopKeepers map[string]string
	// aloneOwners counts, for each part of a name that stands for its
	// person alone (健太 of 山本健太), the registered names it is part of
	// (p25.go); anonymize fills it.
	aloneOwners map[string]int
}

// detect returns the names in normalized text, reusing the last answer
// for the same text.
func (a *Anonymizer) detect(norm string) []hit {
	if norm != a.lastNorm || a.lastHits == nil {
		a.lastNorm, a.lastHits = norm, detect(norm)
		if a.lastHits == nil {
			a.lastHits = []hit{}
		}
	}
	return a.lastHits
}

// NewAnonymizer returns an anonymizer with the default options that knows
// names (natural persons; empty and already masked names are ignored).
func NewAnonymizer(names ...string) *Anonymizer {
	return NewAnonymizerWith(Options{}, names...)
}

// NewAnonymizerWith returns an anonymizer with the given options that
// knows names.
func NewAnonymizerWith(opts Options, names ...string) *Anonymizer {
	a := &Anonymizer{opts: opts, people: map[string]*person{}, pseudo: map[string]string{}, groups: map[string]int{}, originals: map[string]Kind{}}
	a.AddNames(names...)
	return a
}

// AddNames registers natural persons' names: parties, witnesses, relatives,
// anyone the case store holds. They are masked wherever they appear.
func (a *Anonymizer) AddNames(names ...string) {
	for _, n := range names {
		a.register(n, capPersonal, true)
	}
}

// AddOfficials registers the names of officials acting in office (the
// handler, the agency head who appeared): masked unless KeepOfficials.
func (a *Anonymizer) AddOfficials(names ...string) {
	for _, n := range names {
		a.register(n, capOfficial, true)
	}
}

func (a *Anonymizer) register(n string, c capacity, known bool) {
	n = strings.TrimSpace(n)
	if n == "" || strings.Contains(n, "某") || utf8.RuneCountInString(n) < 2 {
		return
	}
	p, ok := a.people[n]
	if !ok {
		p = &person{name: n}
		a.people[n] = p
		a.order = append(a.order, p)
	}
	p.official = p.official || c == capOfficial
	p.personal = p.personal || c == capPersonal
	p.known = p.known || known
}

// kept reports whether the name stays in the text: an official's, with
// KeepOfficials set.
func (a *Anonymizer) kept(n string) bool {
	p, ok := a.people[n]
	return ok && a.opts.KeepOfficials && p.official && !p.personal
}

// Prepare registers the names it finds in texts, without changing them,
// so that later Anonymize calls number pseudonyms across all texts. Call
// it with every text of a case (or the whole judgment) first.
func (a *Anonymizer) Prepare(texts ...string) {
	for _, t := range texts {
		norm, _ := normalize(t)
		a.registerHits(norm, a.detect(norm))
	}
	// The shops' keepers, once every name of the texts is registered: a
	// keeper named in one text makes the shop theirs in the others.
	for _, t := range texts {
		norm, _ := normalize(t)
		a.keeperShops(newText(norm))
	}
}

func (a *Anonymizer) registerHits(norm string, hits []hit) {
	if len(hits) == 0 {
		return
	}
	t := newText(norm)
	// A given name read alone (国栋 after 莫国栋, in the text or known) is
	// the person it belongs to, not a person of its own.
	givens := map[string]int{}
	for _, h := range hits {
		if g := givenName(t.nameOf(h)); g != "" {
			givens[g]++
		}
	}
	var later []hit
	reg := func(h hit) {
		n := t.nameOf(h)
		a.register(n, h.cap, false)
		if p := a.people[n]; p != nil && !p.proved && provedAt(t, h) {
			p.proved = true
		}
	}
	for _, h := range hits {
		if n := t.nameOf(h); a.people[n] == nil && (givens[n] > 0 || a.givenOwner(n) != "") {
			later = append(later, h)
			continue
		}
		reg(h)
	}
	// Two people of that given name (莫国栋, 李国栋): the name alone is
	// its own.
	for _, h := range later {
		if a.givenOwner(t.nameOf(h)) == "" {
			reg(h)
		}
	}
	a.siblingsListed(t)
}

// siblingGroups close a list of siblings' given names: 建国、建华兄弟二人.
var siblingGroups = newMatcher([]string{"兄弟", "姐妹", "兄妹", "姐弟"})

// siblingsListed registers the sibling listed by given name beside a
// registered person's given name before a word of siblings (原告张建国…
// 建国、建华兄弟二人…): the sibling shares the surname, and is masked as
// a person of it.
func (a *Anonymizer) siblingsListed(t *text) {
	if !strings.ContainsAny(t.s, "兄弟姐妹") {
		return
	}
	for i := 0; i+2 < t.n(); i++ {
		if t.rs[i] != '、' && t.rs[i] != '和' && t.rs[i] != '与' {
			continue
		}
		var owner, other string
		// The registered given name before the separator, the other after,
		// or the other way round.
		if i >= 2 && i+3 < t.n() && t.match(i+3, siblingGroups) > 0 && allHan(t, i-2, i) && allHan(t, i+1, i+3) && (i < 3 || !t.han(i-3)) {
			g1, g2 := t.str(i-2, i), t.str(i+1, i+3)
			if o := a.givenOwner(g1); o != "" && a.givenOwner(g2) == "" {
				owner, other = o, g2
			} else if o := a.givenOwner(g2); o != "" && a.givenOwner(g1) == "" {
				owner, other = o, g1
			}
		}
		if owner == "" || !validGiven(newText(other), 0, 2) || wordAt(newText(other), 0, 2) && !strings.HasPrefix(other, string([]rune(givenName(owner))[:1])) {
			continue
		}
		a.register(Surname(owner)+other, capPersonal, false)
	}
}

// givenOwner returns the one registered name whose given name is n (莫国栋
// for 国栋), or "" when none or several are.
func (a *Anonymizer) givenOwner(n string) string {
	owner := ""
	for _, p := range a.order {
		if !p.givenSet {
			p.given, p.givenSet = givenName(p.name), true
		}
		if p.name != n && p.given == n {
			if owner != "" {
				return ""
			}
			owner = p.name
		}
	}
	return owner
}

// provedAt reports whether the text proves the hit a person where it
// stands: a role word right before it, or 男/女 right after it.
func provedAt(t *text, h hit) bool {
	if roleEndingAt(t, h.start) > 0 {
		return true
	}
	r := t.rest(h.end)
	return strings.HasPrefix(r, "，男") || strings.HasPrefix(r, "，女") || strings.HasPrefix(r, ",男") || strings.HasPrefix(r, ",女")
}

// assign gives every registered name without a pseudonym one. Names that
// mask alike are numbered in registration order; a pseudonym once used is
// never changed, so a name that turns up later gets the next number.
func (a *Anonymizer) assign() {
	count := map[string]int{}
	for _, p := range a.order {
		count[MaskName(p.name)]++
	}
	for _, p := range a.order {
		if _, ok := a.pseudo[p.name]; ok {
			continue
		}
		m := MaskName(p.name)
		if count[m] == 1 && a.groups[m] == 0 {
			a.pseudo[p.name] = m
			a.groups[m] = 1
			continue
		}
		a.groups[m]++
		a.pseudo[p.name] = m + a.suffix(a.groups[m])
	}
}

// suffix returns the n-th distinguishing mark: 甲, 乙… or 1, 2….
func (a *Anonymizer) suffix(n int) string {
	if a.opts.Numbering == Stems && n <= len(stems) {
		return stems[n-1]
	}
	return fmt.Sprint(n)
}

// Pseudonym returns the name's replacement (张某, 张某乙…), registering the
// name as a natural person's if needed.
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

// Entity is a person the anonymizer knows, with the pseudonym they get.
type Entity struct {
	Name, Pseudonym string
	// Official is true for someone seen only acting in office.
	Official bool
	// Kept is true when KeepOfficials leaves the name in the text.
	Kept bool
}

// Entities lists the people registered so far, in order of registration.
// It holds the names themselves: show it to those who may see them only.
func (a *Anonymizer) Entities() []Entity {
	a.assign()
	out := make([]Entity, 0, len(a.order))
	for _, p := range a.order {
		out = append(out, Entity{Name: p.name, Pseudonym: a.pseudo[p.name], Official: p.official && !p.personal, Kept: a.kept(p.name)})
	}
	return out
}

// Anonymize returns text with personal data replaced. Names found in text
// are registered first, so they are replaced wherever they appear in it.
func (a *Anonymizer) Anonymize(text string) string {
	return a.anonymize(text, false)
}

func (a *Anonymizer) anonymize(text string, strict bool) string {
	norm, offs := normalize(text)
	t := newText(norm)
	hits := a.detect(norm)
	a.registerHits(norm, hits)
	a.assign()

	var spans []span
	spans = append(spans, identifierSpans(norm)...)
	marked := markedAddressSpans(norm)
	for _, sp := range append(marked, unmarkedAddressSpans(norm)...) {
		if !alreadyMasked(norm[sp.start:sp.end]) {
			spans = append(spans, sp)
		}
	}
	spans = append(spans, knownAddresses(norm, marked, spans)...)
	for _, h := range hits {
		n := t.nameOf(h)
		if a.people[n] == nil {
			n = a.givenOwner(n) // registerHits left it to its owner
		}
		if !a.kept(n) {
			spans = append(spans, span{t.off[h.start], t.off[h.end], KindName, a.pseudo[n]})
		}
	}
	a.aloneOwners = a.alonePartOwners() // p25.go
	for _, p := range a.order {
		if !a.kept(p.name) {
			spans = append(spans, a.occurrences(t, p.name, strict)...)
		}
	}
	spans = append(spans, a.titledSurnames(t)...)    // titled.go
	spans = append(spans, a.addressedSurnames(t)...) // titled.go
	spans = append(spans, a.keeperShops(t)...)       // shops.go
	spans = append(spans, a.familyForms(t)...)       // p25.go
	spans = append(spans, a.glossedForms(t)...)      // p31.go
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

// knownAddresses finds a person's address masked once after its marker
// (住某县石祥村金家埭38号) wherever the text names it again without one
// (在石祥村金家埭38号东侧…): a known identifier, like a name, goes
// throughout. Only marked addresses down to a door number are followed
// (five characters and a number), so a village's name alone stays where
// it names a place, and an address the rules only guessed spreads
// nowhere.
func knownAddresses(norm string, marked, spans []span) []span {
	seen := map[string]bool{}
	var values []string
	for _, sp := range marked {
		v := norm[sp.start:sp.end]
		// 该村金家埭38号: the part after the village or the town is
		// named alone too.
		cands := []string{v}
		if k := strings.LastIndexAny(v, "村镇乡"); k > 0 {
			cands = append(cands, v[k+len("村"):])
		}
		for _, c := range cands {
			if sp.kind == KindAddress && !seen[c] && utf8.RuneCountInString(c) >= 4 && strings.ContainsAny(c, "0123456789") && !alreadyMasked(c) {
				seen[c] = true
				values = append(values, c)
			}
		}
	}
	var out []span
	for _, v := range values {
		for i := 0; ; {
			j := strings.Index(norm[i:], v)
			if j < 0 {
				break
			}
			b, e := i+j, i+j+len(v)
			i = e
			// 金家埭38号 inside 金家埭385号: the number must end there.
			if r, _ := utf8.DecodeRuneInString(norm[e:]); e < len(norm) && isDigitRune(r) {
				continue
			}
			// 坐落于…解放路12号: where the clause reads an address of its
			// own (a place's door number), that reading stands.
			if overlapsAddress(spans, b, e) {
				continue
			}
			out = append(out, span{b, e, KindAddress, Mask})
		}
	}
	return out
}

// overlapsAddress reports whether an address span overlaps [b, e) without
// being exactly it.
func overlapsAddress(spans []span, b, e int) bool {
	for _, sp := range spans {
		if sp.kind == KindAddress && sp.start < e && b < sp.end && !(sp.start == b && sp.end == e) {
			return true
		}
	}
	return false
}

// original records a removed string for the post-check. Identifiers are
// kept without separators, so 138 0013 8000 and 13800138000 are one.
func (a *Anonymizer) original(s string, k Kind) {
	if k == KindName {
		return
	}
	s = compact(s)
	if utf8.RuneCountInString(s) < 4 {
		return
	}
	// A card's last four digits (尾号3317) is written as often as a year or
	// an amount (2023年第3317号, 罚款3317元): looked for everywhere it would
	// refuse the text for a number kept on purpose.
	if len(s) < 6 && strings.Trim(s, "0123456789Xx") == "" {
		return
	}
	a.originals[s] = k
}

// occurrences finds a known name in the text, each place checked on its
// own: a two-character name inside a word (高峰 in 最高峰, 高峰期) is the
// word. Where the given name of a three-character name stands alone and is
// no common word (秀英称…), it is the person too. In strict mode the name
// is also found with spaces or zero-width characters inside (张 三).
func (a *Anonymizer) occurrences(t *text, name string, strict bool) []span {
	repl := a.pseudo[name]
	known := a.people[name] != nil && (a.people[name].known || a.people[name].proved)
	var out []span
	find := func(needle string, whole bool) {
		for i := 0; ; {
			j := strings.Index(t.s[i:], needle)
			if j < 0 {
				break
			}
			bs, be := i+j, i+j+len(needle)
			i = be
			s, e := t.runeAt(bs), t.runeAt(be)
			// 湖南金霞律师事务所, 金霞物流园C区: an organisation's or a
			// place's ending right after the span says the name is
			// theirs, not the person's.
			if !standsAlone(t, s, e, whole, known) || !whole && splitFrom(t, s, Surname(name)) || t.reservedIn(s, e) && !yiWhole30(name, whole) || orgAfterName(t, s, e) {
				continue
			}
			out = append(out, span{bs, be, KindName, repl})
		}
	}
	find(name, true)
	// 罗伯特·约翰逊 … 约翰逊每日由原告考勤: a part of a dotted name, of
	// three characters or more and no word, written alone later is the
	// person.
	// Three characters of transliteration are the name wherever they
	// stand, as a whole name of three is (约翰逊每日由原告考勤).
	for _, part := range dottedParts(name) {
		find(part, true)
	}
	// 健太 of 山本健太, Kenta of YAMAMOTO KENTA written alone (p25.go).
	// A part two people share goes as a name of its own (多某): it names
	// one of them, and neither's pseudonym may be guessed.
	for _, part := range aloneParts(name) {
		if r := repl; a.aloneOwners[part] >= 1 {
			if a.aloneOwners[part] > 1 {
				r = MaskName(part)
			}
			out = append(out, aloneOccurrences(t, part, r)...)
		}
	}
	out = append(out, latinPartOccurrences(t, name, repl)...)
	out = append(out, japaneseFamilyOccurrences32(t, name, repl)...) // p32.go
	out = append(out, a.framedOccurrences26(t, name, repl)...)       // alone26.go
	// 王律师 read as one name: 律师 alone is the title, never the person.
	if g := givenName(name); g != "" && !titleWord(g) {
		find(g, false)
	}
	if strict {
		re := spacedRe(name, `[\s\x{200B}-\x{200D}\x{2060}\x{FEFF}]*`)
		for _, loc := range re.FindAllStringIndex(t.s, -1) {
			if t.reservedIn(t.runeAt(loc[0]), t.runeAt(loc[1])) {
				continue // 宝音图嘎查: the word (minority.go)
			}
			// 黎明时分, 海洋渔业 where 黎明 and 海洋 are parties: the name
			// written whole is checked as the first pass and the residue
			// check read it (a word inside a word stays); only a spaced
			// one is the name whatever stands around it. A retry caused by
			// another leak must not spread a word-name to its words.
			if loc[1]-loc[0] == len(name) && !standsAlone(t, t.runeAt(loc[0]), t.runeAt(loc[1]), true, known) {
				continue
			}
			out = append(out, span{loc[0], loc[1], KindName, repl})
		}
	} else if a.people[name] != nil && a.people[name].known {
		out = append(out, spacedOut(t, name, repl)...)
	}
	return out
}

// dottedParts returns the parts of a dotted name (罗伯特·约翰逊) that stand
// for the person alone: three Han characters or more, no word of the
// dictionary.
func dottedParts(name string) []string {
	if !strings.ContainsAny(name, dots) {
		return nil
	}
	var out []string
	for _, p := range strings.FieldsFunc(name, func(r rune) bool { return strings.ContainsRune(dots, r) }) {
		rs := []rune(p)
		if len(rs) < 3 || !isHan(rs[0]) || !isHan(rs[len(rs)-1]) {
			continue
		}
		// 加西亚 is a place of the dictionary too (ns), and a family name.
		if w, ok := dict().lookup(p); ok && w.freq >= 20 && !strings.HasPrefix(w.pos, "nr") && w.pos != "ns" {
			continue
		}
		out = append(out, p)
	}
	return out
}

// spacedOut finds a name the caller knows written with spaces between its
// characters, as decisions pad a name out to align their signatures and
// party lines (审判员　刘　成, 原告：刘　成): it is the person, as written.
// The full-width space is a space here (normalize).
func spacedOut(t *text, name, repl string) []span {
	rs := []rune(name)
	spaced := false
	for _, r := range rs[:len(rs)-1] {
		spaced = spaced || strings.Contains(t.s, string(r)+" ")
	}
	if !spaced { // the pattern is compiled only where it can match
		return nil
	}
	var out []span
	for _, loc := range spacedRe(name, ` *`).FindAllStringIndex(t.s, -1) {
		if strings.Contains(t.s[loc[0]:loc[1]], " ") && !t.reservedIn(t.runeAt(loc[0]), t.runeAt(loc[1])) {
			out = append(out, span{loc[0], loc[1], KindName, repl})
		}
	}
	return out
}

// orgAfterName reports whether an organisation's or a place's suffix of
// two characters or more follows rs[s:e] directly (金霞律师事务所, 金霞物流园),
// and no role word stands before it.
func orgAfterName(t *text, s, e int) bool {
	if e >= t.n() || roleEndingAt(t, s) > 0 {
		return false
	}
	for k := e; k <= e+2 && k < t.n() && t.han(k); k++ {
		if t.match(k, orgMatcher) >= 3 || k == e && t.match(k, orgMatcher) >= 2 {
			return true
		}
	}
	return false
}

// titleWord reports whether w is an honorific or a post (律师, 老师,
// 医生, 书记), which a surname before it may have been read with.
func titleWord(w string) bool {
	for _, l := range [][]string{honorifics, postWords} {
		for _, x := range l {
			if x == w {
				return true
			}
		}
	}
	return false
}

// givenName returns the two-character given name of a Chinese name of
// three characters or more, or "".
func givenName(name string) string {
	rs := []rune(name)
	sur := utf8.RuneCountInString(Surname(name))
	if strings.ContainsAny(name, dots) || len(rs)-sur != 2 || !isHan(rs[0]) {
		return ""
	}
	return string(rs[sur:])
}

// standsAlone reports whether a registered name (whole) or its given name
// at rs[s:e] is the person there, not part of a word. known is set for a
// name the caller passed.
func standsAlone(t *text, s, e int, whole, known bool) bool {
	n := e - s
	if whole && n >= 3 {
		return true
	}
	// 志成本人签字: a word across the name's end (成本) gives way to what
	// only a person is (本人, 自己) after a registered person's given name.
	// 建民主张…: so does a party's deed or a frequent verb (主张, 认为).
	// 小军用拳头击打…: so does a preposition opening a clause's deed with
	// its object (军用 is the word only without one).
	// 询问中建平讲过: a step of the proceedings ends at 中, so 中建 is no word there.
	if crossesLeft(t, s, e-1, 50) && !(!whole && stageBefore(t, s)) || crossesRight(t, s, e, 50) && !(!whole && (t.match(e, selfWords) > 0 || t.match(e, provedFollowers) > 0 || frequentVerbAt(t, e) || instrumentAt(t, s, e))) {
		return false
	}
	longer := false
	t.words(s, func(j int, w word) {
		if j > e && w.freq >= 20 {
			longer = true
		}
	})
	if longer {
		return false
	}
	// 高峰岭, 李家湾: a place named like the person.
	if e < t.n() && strings.ContainsRune(placeOnlyChars, t.rs[e]) && !t.han(e+1) {
		return false
	}
	// 林权权利人, 林权登记: a right named like the person.
	if t.rs[e-1] == '权' && t.match(e, rightFollowers) > 0 {
		return false
	}
	// 东至向阳路，西至白云寺，: a road or a temple named like the person
	// (路过 is a deed).
	if e < t.n() && strings.ContainsRune("路街巷寺庙庵祠阁亭塔", t.rs[e]) && (!t.han(e+1) || strings.ContainsRune("东西南北口段与和以", t.rs[e+1])) {
		return false
	}
	if w, ok := t.word(s, e); ok && w.freq >= 100 && n == 2 {
		// A name that is also a word (高山, 建设) is the person only where
		// the words around say a person: a role word before it, or what
		// only a person has or does after it (建国称, 高某的证言). 高山草甸
		// and 违法建设的法律责任 are the words.
		// A name the caller passed (the case's party 张三, a word of the
		// dictionary too) is the person wherever it stands as a name does:
		// after punctuation or a preposition, before a follower
		// (从张三的角度); 高峰时段 is still the word.
		// 建设遂报警: at a clause's start, before an adverb and a deed.
		clauseStart := s == 0 || !t.han(s-1)
		// 安全、消防、环保等部门: a given name alone that is a word, as an
		// item of a list of things, is the word.
		// 建国、建华兄弟二人: a list closed by a group of people is of people.
		groupAfter := e < t.n() && t.match(e, givenAfterWords) > 0
		if sep := listSep(t, e); sep > 0 && e+sep+2 < t.n() && t.match(e+sep+2, givenAfterWords) > 0 {
			groupAfter = true
		}
		if !whole && !groupAfter && roleEndingAt(t, s) == 0 && (thingsListedAfter(t, e) || s >= 2 && strings.ContainsRune("、和与及或者", t.rs[s-1]) && thingsListedBefore(t, make([]bool, t.n()), s)) {
			return false
		}
		// 文明执法是…, 平安建设工作: the word and a verb made a noun, the
		// subject of 是 or the head of a noun, are one phrase.
		if roleEndingAt(t, s) == 0 && (phraseSubject(t, e) || w.freq >= 1000 && compoundAfter(t, e)) {
			return false
		}
		// 该企业的安全生产责任制, 被告的程序违法: after 的 a word that is
		// a person's name elsewhere is the word, unless a role word or a
		// person's deed says the person (原告的代理人方正称).
		if s > 0 && t.rs[s-1] == '的' && roleEndingAt(t, s) == 0 && !personAfter(t, e) && !personRight(t, e, false) {
			return false
		}
		// 东升当时表示同意, 成功多次到现场查看: a registered person's given
		// name opening a clause before what a person does.
		// A person the text proves or the caller names (张某称李四未付款):
		// wherever an adverb and a deed, or what only a person has or does,
		// follows.
		// 被告程序违法, 第三人安全生产许可证: a role word before a frequent
		// word says a person only where a person's deed follows too
		// (slotAttribute, proved.go).
		// 经查，安全用木棍击打…: a person the text names opening a clause
		// with the instrument of a deed.
		if (roleEndingAt(t, s) == 0 || slotAttribute(t, s, e)) && !personAfter(t, e) && !(boundary(t, e) == 3 && clauseStart) && !(clauseStart && (adverbDeed(t, e) || personRight(t, e, false))) &&
			!(clauseStart && instrumentAt(t, s, e)) &&
			!(whole && known && boundary(t, e) >= 1 && (s == 0 || !t.han(s-1) || strings.ContainsRune(functionChars, t.rs[s-1]))) &&
			!(known && (adverbDeed(t, e) || personRight(t, e, false))) &&
			!(known && nounish(w.pos) && boundary(t, e) >= 2 && (clauseStart || strings.ContainsRune(clauseAdverbs, t.rs[s-1]) && (s < 2 || !t.han(s-2)))) &&
			!(!whole && boundary(t, e) == 3 && givenTo(t, s)) && !(!whole && positionedGiven(t, s, e)) {
			return false
		}
	}
	if whole {
		return true
	}
	// A given name alone: not after a surname (another person's name),
	// unless the surname is an adverb opening the clause before a proved
	// person's given name (后明亮反悔).
	if surnameAt(t, s-1) > 0 && t.han(s-1) && !timeOpensAt(t, s) && !(known && strings.ContainsRune(clauseAdverbs, t.rs[s-1]) && (s < 2 || !t.han(s-2))) && !(positionedGiven(t, s, e) && strings.ContainsRune(givenPrepositions, t.rs[s-1])) {
		return false
	}
	adverbOpens := known && s >= 1 && strings.ContainsRune(clauseAdverbs, t.rs[s-1]) && (s < 2 || !t.han(s-2))
	return (leftOK(t, s) || adverbOpens) && boundary(t, e) >= 1 || positionedGiven(t, s, e)
}

// deedTimes say when a person did something, after 于: 于次日, 于当晚.
var deedTimes = newMatcher([]string{"次日", "当日", "当天", "当晚", "同日", "同年", "同月", "事发", "案发", "事后", "此后", "其后", "当年", "翌日", "上午", "下午", "晚上", "凌晨"})

// deedPlaces say where a person did something, after 于: 于村口, 于家中.
var deedPlaces = newMatcher([]string{"村口", "家中", "家门口", "门口", "现场", "其承包", "其宅基", "其房屋", "自家", "原宅基", "本村", "该地", "该处", "该房屋", "该地块"})

// deedManners open a person's deed after the person: 安全按约支付, 建国随即
// 报警, 文明拒绝签字.
var deedManners = newMatcher([]string{"按约", "按期", "按时", "依约", "随即", "当即", "立即", "随后", "多次", "再次", "先后", "私自", "擅自", "自行", "拒绝", "拒不", "坚持要求", "主动", "本人", "亲自"})

// objectDeeds are done to or with a person named after a preposition (向X
// 送达, 将X推倒, 与X协商); 将安全放在首位 stays a word.
var objectDeeds = newMatcher([]string{"送达", "告知", "发出", "出具", "说明", "道歉", "赔偿", "支付", "交付", "借款", "协商", "签订", "推倒", "打伤", "撞伤", "殴打", "拉扯", "扭打", "带离", "带回", "送往", "送至", "约谈", "询问", "调查", "了解", "核实", "送去"})

// orderVerbs take a person who is then told what to do: 要求安全在十日内…,
// 责令文明拆除, 通知高山到场.
var orderVerbs = []string{"要求", "责令", "通知", "告知", "催告", "督促", "委托", "劝说", "安排", "告诉", "动员"}

// orderBefore reports whether an order verb ends right before s.
func orderBefore(t *text, s int) bool {
	return s >= 2 && hasSuffixAny(t.str(max(0, s-2), s), orderVerbs)
}

// givenPrepositions stand before a person in a clause: 向小平借款, 与秀英
// 协商, 由建党继承.
const givenPrepositions = "向与和跟同由对给让被把将及"

// givenAdverbs follow a person opening a clause: 秀英另称, 红军曾向…, 建党
// 遂….
const givenAdverbs = "另曾也又便遂则却亦均都还已未不即就再"

// positionedGiven reports whether the given name of a person the text
// names stands at rs[s:e] where a name stands (issue 12: 李秀英…秀英另称;
// 史红军与佴小平…红军曾向小平借款; 郭建党…建党分得): it opens a clause (after
// punctuation or a date) or follows a preposition, and it is followed by
// punctuation, an adverb, a party's deed, a verb or borrowing. It holds
// for the given name of a registered full name only (occurrences), so
// 违法建设 stays a word: 法 is neither.
func positionedGiven(t *text, s, e int) bool {
	if positionedGiven32(t, s, e) {
		return true
	}
	// 该房屋系建国出资建造: 系 before the given name of a person the text
	// names, and a deed of money or building after it.
	if s > 0 && t.rs[s-1] == '系' && t.match(e, fundingDeeds) > 0 {
		return true
	}
	left := s == 0 || !t.han(s-1) || strings.ContainsRune(givenPrepositions, t.rs[s-1]) || stageBefore(t, s) || timeOpensAt(t, s) || orderBefore(t, s)
	// 我哥海涛那天…: right after a relative's word the registered
	// person's given name is that relative.
	if !left && kinBefore(t, s) {
		return true
	}
	// 因德富家的承包地, 到建忠家中: the household a person heads, after a
	// preposition or a verb of going (occupations.go householdAfter).
	if t.match(e, householdAfter) > 0 && (left || s > 0 && strings.ContainsRune(functionChars+"到去往至因入进回", t.rs[s-1]) || afterBoundary(t, s)) {
		return true
	}
	// 击打海涛头部: a part of the body is a person's, whatever stands
	// before.
	if e < t.n() && t.match(e, bodyParts) > 0 {
		return true
	}
	if !left {
		return false
	}
	if e >= t.n() || !t.han(e) {
		return true
	}
	// 海燕那天提前走的, 玉田、玉兰兄妹俩: when the person did something, or
	// the group the person belongs to.
	if strings.ContainsRune(givenAdverbs, t.rs[e]) || t.match(e, provedFollowers) > 0 || t.match(e, loanVerbs) > 0 || t.match(e, givenAfterWords) > 0 {
		return true
	}
	// 建国于次日再次前往…, 秀英于当晚报警: when the person did what follows;
	// 建国于村口自建房屋: where.
	if t.rs[e] == '于' && (e+1 < t.n() && isDigitRune(t.rs[e+1]) || t.match(e+1, deedTimes) > 0 || t.match(e+1, deedPlaces) > 0) {
		return true
	}
	// 安全按约支付, 平安随即报警: a manner of the person's deed opening
	// what follows.
	if t.match(e, deedManners) > 0 {
		return true
	}
	// 向安全送达, 与海燕协商; 将高山推倒: what is done to or with a
	// person after a preposition.
	if s > 0 && strings.ContainsRune("向对给与跟同将把被", t.rs[s-1]) && t.match(e, objectDeeds) > 0 {
		return true
	}
	// 冬生说…, 建平讲过…: speech, one character, after the person.
	if strings.ContainsRune("说讲问答", t.rs[e]) && (!longerWordAt(t, e) || e+1 < t.n() && strings.ContainsRune("过了道", t.rs[e+1])) {
		return true
	}
	// 海波用木棍击打…: a preposition opening the person's deed (用, 以,
	// 从) and no longer word there (建设用地 is the word).
	if strings.ContainsRune("用以从在向对把将", t.rs[e]) && !longerWordAt(t, e) {
		return true
	}
	// 和平解决争议, 建设完成后: a frequent word before a bare verb is the
	// word; 建党分得 is the person.
	if w, ok := t.word(s, e); ok && w.freq >= 1000 && !strings.HasPrefix(w.pos, "nr") {
		return false
	}
	return boundary(t, e) >= 2 || verbAt(t, e)
}

// givenAfterWords follow a person's given name in speech: the time of
// what the person did (海燕那天提前走的) or the group of relatives the
// person belongs to (玉田、玉兰兄妹俩).
var givenAfterWords = newMatcher([]string{"那天", "那晚", "那时", "那会", "当时", "当天", "当晚", "平时", "后来", "一直", "已经", "兄妹", "姐妹", "兄弟", "姐弟", "夫妻", "夫妇", "母女", "母子", "父女", "父子", "俩", "两人", "二人", "两口子"})

// clauseTimes open a clause before a person: 当时秀芝就在屋里.
var clauseTimes = []string{"当时", "那天", "那时", "当晚", "当天", "后来", "随后", "事后", "次日", "第二天"}

// timeOpensAt reports whether a clause opens with a time word right
// before s (当时秀芝…, after punctuation or a quote).
func timeOpensAt(t *text, s int) bool {
	for _, w := range clauseTimes {
		n := len([]rune(w))
		if s >= n && t.str(s-n, s) == w && (s-n == 0 || !t.han(s-n-1)) {
			return true
		}
	}
	return false
}

// instrumentAt reports whether, after a given name opening a clause at
// rs[s:e], 用 or 以 takes a noun of two characters or more (小军用拳头, 建平以
// 木棍): the person's deed, not a word across the name's end.
func instrumentAt(t *text, s, e int) bool {
	if s > 0 && t.han(s-1) || e+1 >= t.n() || !strings.ContainsRune("用以拿持", t.rs[e]) {
		return false
	}
	noun := false
	t.words(e+1, func(_ int, w word) { noun = noun || nounish(w.pos) && w.freq >= 100 })
	return noun
}

// stageBefore reports whether a step of the proceedings and 中, 时 or 后
// end right before s (庭审中冬生说, 询问时秀英称, 调解后国强表示): a time
// phrase, after which a clause opens with its subject.
func stageBefore(t *text, s int) bool {
	if s < 3 || !strings.ContainsRune("中时后", t.rs[s-1]) {
		return false
	}
	return t.match(s-3, stageWords) == 2
}

// fundingDeeds are what a person does to a house or a sum (系建国出资建造,
// 系秀英购买).
var fundingDeeds = newMatcher([]string{"出资", "购买", "建造", "修建", "承包", "经营", "借款", "支付", "实际使用", "实际居住"})

// stageWords are steps of a case where people speak.
var stageWords = newMatcher([]string{"庭审", "审理", "询问", "调查", "调解", "协商", "谈话", "听证", "质证", "笔录", "开庭", "讯问"})

// bodyParts are parts of a person's body a given name is followed by
// (击打海涛头部); p29.go's personBodyParts are the wider set a full
// name is read before.
var bodyParts = newMatcher([]string{"头部", "面部", "脸部", "眼部", "颈部", "胸部", "背部", "腰部", "腹部", "手臂", "手部", "腿部", "左手", "右手", "左腿", "右腿", "左臂", "右臂", "左眼", "右眼"})

// longerWordAt reports whether a word of two characters or more seen at
// least 20 times starts at i (用地 in 建设用地).
func longerWordAt(t *text, i int) bool {
	longer := false
	t.words(i, func(j int, w word) {
		if j > i+1 && w.freq >= 20 {
			longer = true
		}
	})
	return longer
}

// kinBefore reports whether a relative's word of one to three
// characters ends right before s (我哥, 其弟, 他妹妹).
func kinBefore(t *text, s int) bool {
	// 我哥, 他姐: speech shortens the relative's word to one character
	// after a pronoun.
	if s >= 2 && strings.ContainsRune("哥姐弟妹叔舅姑姨", t.rs[s-1]) && strings.ContainsRune("我他她其你", t.rs[s-2]) {
		return true
	}
	for m := 1; m <= 3 && m <= s; m++ {
		if t.match(s-m, kinMatcher) == m {
			return true
		}
	}
	return false
}

// frequentVerbAt reports whether a verb of two characters seen at least
// 5,000 times (认为, 表示) or a party's claim (主张) starts at i.
func frequentVerbAt(t *text, i int) bool {
	w, ok := t.word(i, min(i+2, t.n()))
	return ok && i+2 <= t.n() && (w.pos == "v" && w.freq >= 5000 || t.match(i, claimVerbs) > 0)
}

// claimVerbs are what a party claims or admits that the dictionary tags
// as nouns: 建民主张…, 秀英承认….
var claimVerbs = newMatcher([]string{"主张", "承认", "否认", "辩解", "要求", "声称"})

// selfWords say the person themselves after a name: 志成本人签字.
var selfWords = newMatcher([]string{"本人", "自己", "亲自", "亲笔", "本身"})

// givenTo reports whether a verb that hands something to a person ends
// right before s (赠与明亮。, 交给秀兰。): the given name of a person the
// text names is that person there, before punctuation.
func givenTo(t *text, s int) bool {
	if n := objectCueLen(t, s); n > 0 && !weakObjectCues[t.str(s-n, s)] {
		return true
	}
	return hasSuffixAny(t.str(max(0, s-3), s), []string{"赠与", "赠给", "给予", "过户给", "让与", "留给", "分给"})
}

// splitFrom reports whether the given name at rs[s] follows its surname
// with only spaces, markdown or zero-width characters between (欧阳 娜娜):
// the whole name, split, which the strict pass replaces whole.
func splitFrom(t *text, s int, surname string) bool {
	k := s
	for k > 0 && strings.ContainsRune(" \t*_~`\u200b\u200c\u200d\u2060\ufeff", t.rs[k-1]) {
		k--
	}
	return k < s && strings.HasSuffix(t.s[:t.off[k]], surname)
}

// runeAt returns the rune index of byte offset b.
func (t *text) runeAt(b int) int {
	return sort.SearchInts(t.off, b)
}

// eachIndex calls f with the rune index of every occurrence of sub in the
// text, left to right, occurrences not overlapping.
func (t *text) eachIndex(sub string, f func(i int)) {
	for off := 0; ; {
		k := strings.Index(t.s[off:], sub)
		if k < 0 {
			return
		}
		f(t.runeAt(off + k))
		off += k + len(sub)
	}
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

// compact drops the separators identifiers are written with (spaces,
// dashes, dots, markdown, brackets, zero-width characters) and upper-cases
// the rest, so 138 0013 8000 and 13800138000 compare equal. A loop, not a
// pattern: the post-check compacts a whole judgment.
func compact(s string) string {
	n, _ := normalize(s)
	return strings.ToUpper(strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || strings.ContainsRune("-–—·.•_*~`()（）", r) || r >= 0x200B && r <= 0x200D || r == 0x2060 || r == 0xFEFF {
			return -1
		}
		return r
	}, n))
}

// Leak is personal data found by the post-check. Value is the data itself:
// log the Kind, never the Value.
type Leak struct {
	Kind  Kind
	Value string
}

// Leaks checks text for personal data: any name or identifier this
// anonymizer removed before, even with spaces, markdown or zero-width
// characters inside it, anything still shaped like an identifier, and any
// name the detectors find in it. Use it on a text this anonymizer did not
// produce (a model's draft read line by line); Clean checks its own output
// with the residue alone (see residue).
func (a *Anonymizer) Leaks(text string) []Leak {
	norm, _ := normalize(text)
	out := a.residue(norm)
	if hits := detect(norm); len(hits) > 0 {
		seen := map[string]bool{}
		for _, l := range out {
			seen[l.Value] = true
		}
		t := newText(norm)
		for _, h := range hits {
			if n := t.nameOf(h); !a.kept(n) && !seen[n] {
				seen[n] = true
				out = append(out, Leak{KindName, n})
			}
		}
	}
	return out
}

// residue is what is still personal in normalized text this anonymizer
// has masked: a registered name standing as a name (also spaced, split by
// markdown or zero-width characters), an identifier removed before in any
// spacing, and anything shaped like an identifier that holds no mask. It
// does not run the name detectors again: on masked text they read the
// masks themselves as new context (某 or ××× beside a word) and once
// refused a correctly masked sentence. Every name they find in the
// original is registered before masking, so a name that survives masking
// is a registered one and is found here.
func (a *Anonymizer) residue(norm string) []Leak {
	var out []Leak
	seen := map[string]bool{}
	add := func(k Kind, v string) {
		if !seen[v] {
			seen[v] = true
			out = append(out, Leak{k, v})
		}
	}
	var names []string
	known := map[string]bool{}
	for _, p := range a.order {
		if !a.kept(p.name) {
			names = append(names, p.name)
			known[p.name] = p.known || p.proved
		}
	}
	sort.Strings(names)
	if len(names) > 0 {
		t := newText(norm)
		for _, n := range names {
			if !mayContain(norm, n) {
				continue
			}
			for _, loc := range spacedRe(n, `[\s*_~`+"`"+`\x{200B}-\x{200D}\x{2060}\x{FEFF}]*`).FindAllStringIndex(norm, -1) {
				// A two-character name inside a word (高峰期) is the word.
				// So is one inside a reserved word (宝音图嘎查; minority.go).
				// 山田某 for 山田浩二 where 山田 (山田先生) is registered too:
				// a family name before 某 is a pseudonym.
				if strings.HasPrefix(norm[loc[1]:], "某") {
					continue
				}
				if loc[1]-loc[0] == len(n) && (!standsAlone(t, t.runeAt(loc[0]), t.runeAt(loc[1]), true, known[n]) || t.reservedIn(t.runeAt(loc[0]), t.runeAt(loc[1]))) {
					continue
				}
				add(KindName, n)
				break
			}
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
		// 城南街道 masked in a person's header stays in an agency's address
		// (被告某派出所，地址某县城南街道建设路8号): an address without a
		// door number names a place many share, and in an organisation's
		// sentence it is the organisation's.
		if a.originals[o] == KindAddress && !strings.ContainsAny(o, "0123456789") && onlyInstitutionsHold(norm, o) {
			continue
		}
		if strings.Contains(flat, o) {
			add(a.originals[o], o)
		}
	}
	for _, sp := range resolve(identifierSpans(norm)) {
		if v := norm[sp.start:sp.end]; !strings.ContainsAny(v, maskChars) {
			add(sp.kind, v)
		}
	}
	return out
}

// alreadyMasked reports whether an address span holds nothing but masks
// and the place words around them (××小区, ××路××号): text masked before
// stays exactly as it was written.
func alreadyMasked(s string) bool {
	if !strings.ContainsAny(s, maskChars) {
		return false
	}
	for _, r := range s {
		if !strings.ContainsRune(maskChars, r) && !strings.ContainsRune(maskedPlaceWords, r) && !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

// maskedPlaceWords are the characters that name a level or a kind of
// place after a mask (××省××市××区××小区×栋×单元).
const maskedPlaceWords = "省市区县镇乡村组社街道路巷弄号院栋幢楼单元室小区屯寨坝湾庄苑园城"

// clauseAdverbs open a clause before its subject and are surnames too:
// 后, 但, 又 (后明亮反悔).
const clauseAdverbs = "后但又遂即并而才也还就再"

// maskChars are what masked text is written with (×××, 138****5678).
const maskChars = "×*＊"

// mayContain reports whether every rune of name occurs in s, a cheap test
// before the spaced pattern is built and run.
func mayContain(s, name string) bool {
	for _, r := range name {
		if !strings.ContainsRune(s, r) {
			return false
		}
	}
	return true
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
	if len(a.residueOf(out)) == 0 {
		return out, nil
	}
	// The second pass starts again from the text itself: the first may have
	// masked part of an identifier and left the rest unrecognisable.
	out = a.anonymize(text, true)
	leaks := a.residueOf(out)
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

func (a *Anonymizer) residueOf(text string) []Leak {
	norm, _ := normalize(text)
	return a.residue(norm)
}

func containsKind(ks []Kind, k Kind) bool {
	for _, x := range ks {
		if x == k {
			return true
		}
	}
	return false
}

// Anonymize is a one-off anonymization of a text with the default
// options, with names known in advance if any: what `casebot anonymize`
// does.
func Anonymize(text string, names ...string) string {
	a := NewAnonymizer(names...)
	a.Prepare(text)
	return a.Anonymize(text)
}

// phraseHeads follow a word and a verb made a noun (文明执法是…, 平安建设
// 工作): the two are the phrase, not a person and a deed.
var phraseHeads = newMatcher([]string{"是", "工作", "活动", "理念", "原则", "要求", "水平", "意识", "示范", "创建", "宣传", "成效", "成果", "体系", "机制", "领域"})

// phraseSubject reports whether a verb of two characters at e is followed
// by a phrase's head (phraseHeads).
func phraseSubject(t *text, e int) bool {
	if e+2 >= t.n() {
		return false
	}
	w, ok := t.word(e, e+2)
	return ok && (w.pos == "v" || w.pos == "vn") && t.match(e+2, phraseHeads) > 0
}

// compoundAfter reports whether a verb of two characters at e runs on
// into more of a noun phrase (安全生产许可证, 文明经营承诺书, 程序违法的主张):
// after a frequent word it makes a compound with it. A person's deed
// after a name takes an aspect (建国修建了…) or is what only a person
// does (provedFollowers).
func compoundAfter(t *text, e int) bool {
	if e+2 >= t.n() || !t.han(e+2) || strings.ContainsRune("了着过得", t.rs[e+2]) || t.match(e, provedFollowers) > 0 || t.match(e, deedManners) > 0 {
		return false
	}
	// A verb made a noun, and a frequent one (生产, 经营, 违法, 管理): 出资,
	// 认为 and 推倒 are what a person does.
	w, ok := t.word(e, e+2)
	return ok && w.pos == "vn" && w.freq >= 1000
}

// onlyInstitutionsHold reports whether every place where v stands in s is
// in a sentence about an organisation (subjectIsInstitution), and v stands
// somewhere.
func onlyInstitutionsHold(s, v string) bool {
	found := false
	for i := 0; ; {
		j := strings.Index(s[i:], v)
		if j < 0 {
			return found
		}
		if !subjectIsInstitution(s, i+j) {
			return false
		}
		found = true
		i += j + len(v)
	}
}
