package handlers

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	agencies "casebot/bot/agency"
	"casebot/bot/cases"
	"casebot/bot/intent"
	"casebot/bot/people"
	"casebot/bot/store"
	"casebot/bot/textdist"
)

// lexicon is what the understanding step knows of the ledger and the
// directory, read lazily for one message: a word becomes a filter only
// when it names something real (an agency of the ledger, a party, a
// person), so an unread word never turns into a false “没有”.
type lexicon struct {
	s      *service
	ctx    context.Context
	viewer *people.Person

	agencies []string // the ledger's agencies, once read
	// guessed are the agencies found only by correcting a typo (住健局 →
	// 住建局): the answer must say what it was based on.
	guessed []string
	dir     []*people.Person
	dirRead bool
}

var _ intent.Lexicon = (*lexicon)(nil)

func (s *service) lexicon(ctx context.Context, viewer *people.Person) *lexicon {
	return &lexicon{s: s, ctx: ctx, viewer: viewer}
}

// Agencies resolves an agency name against the ledger's agencies (with
// the configured aliases and common abbreviations), and also against the
// asker's own agency as registered.
func (l *lexicon) Agencies(name string) ([]string, error) {
	if l.agencies == nil {
		as, err := l.s.st.Agencies(l.ctx)
		if err != nil {
			return nil, err
		}
		l.agencies = append(as, "") // non-nil once read
	}
	known := l.agencies[:len(l.agencies)-1]
	names := l.s.scope.Agencies()
	if alt, ok := agencies.Standing(name); ok {
		name = alt // 某县交警大队: 某县公安局, by the table the bare words use
	}
	if got := names.Resolve(name, known); len(got) > 0 {
		return got, nil
	}
	// 卫健委 for 卫生健康局: the county's bureau of a committee's name.
	if w, ok := strings.CutSuffix(name, "委员会"); ok {
		name = w + "委"
	}
	if w, ok := strings.CutSuffix(name, "委"); ok {
		if got := names.Resolve(w+"局", known); len(got) > 0 {
			return got, nil
		}
		name = w + "局"
	}
	if got := shortened(name, known, names); len(got) > 0 {
		return got, nil
	}
	return l.alternatives(name, known, names), nil
}

// alternatives resolves what agency.ShortName and agency.Typo know of a
// name (资规局, 教体局, 镇里; 人设局 for 人社局): a short name by the first
// of its bodies the ledger has, a typo only when its correction designates
// exactly one agency, recorded in guessed so that the answer says so.
func (l *lexicon) alternatives(name string, known []string, names agencies.Names) []string {
	if bodies, ok := agencies.ShortName(name); ok {
		for _, b := range bodies {
			if got := names.Resolve(b, known); len(got) > 0 {
				return got
			}
		}
		return nil
	}
	var guess []string
	for _, f := range agencies.Typo(name) {
		for _, a := range names.Resolve(f, known) {
			if !slices.Contains(guess, a) {
				guess = append(guess, a)
			}
		}
	}
	if len(guess) == 0 {
		guess = slipped(name, known, names)
	}
	if len(guess) != 1 {
		return nil // none, or two agencies one slip away: no guess
	}
	l.guessed = append(l.guessed, guess[0])
	return guess
}

// slipped finds the agencies a longer name is one character away from,
// the place aside (自然资原局 → 某县自然资源局, 生态环竟局): a slip of the
// input method in a name of four characters or more, its suffix included,
// which agency.Typo (three-character forms) does not see; in a shorter one
// any slip makes a different word.
func slipped(name string, known []string, names agencies.Names) []string {
	rs := []rune(name)
	if len(rs) < 4 {
		return nil
	}
	var out []string
	for _, a := range known {
		body := agencyBody(names.Key(a))
		if len([]rune(body)) != len(rs) || []rune(body)[len(rs)-1] != rs[len(rs)-1] {
			continue // the suffix (局, 办) is never the slip
		}
		if textdist.Distance(body, name) == 1 && !slices.Contains(out, a) {
			out = append(out, a)
		}
	}
	return out
}

// agencyBody is an agency's name without its place (某县, 某镇): what people
// write when they name it.
func agencyBody(k string) string {
	for _, p := range []string{"县", "市", "区", "镇", "乡"} {
		if i := strings.Index(k, p); i >= 0 && i <= 9 {
			return k[i+len(p):]
		}
	}
	return k
}

// shortened finds the agencies a name shortened by dropping characters
// designates (自然局 → 某县自然资源局, 城管局 → 某县城市管理综合执法局): its
// characters before the suffix, two or more, appear in order in the
// agency's name, the first at the start of a word of it (after the place),
// with the same suffix; at most three agencies, else it is no name.
func shortened(name string, known []string, names agencies.Names) []string {
	var suffix string
	for _, s := range []string{"局", "政府", "办"} {
		if strings.HasSuffix(name, s) {
			suffix = s
		}
	}
	core := []rune(strings.TrimSuffix(name, suffix))
	if suffix == "" || len(core) < 2 {
		return nil
	}
	var out []string
	for _, a := range known {
		k := names.Key(a)
		if !strings.HasSuffix(k, suffix) {
			continue
		}
		// The place (某县, 某镇) is not part of what people shorten.
		body := []rune(strings.TrimSuffix(agencyBody(k), suffix))
		if len(body) == 0 || body[0] != core[0] {
			continue
		}
		j := 0
		for _, r := range body {
			if j < len(core) && r == core[j] {
				j++
			}
		}
		if j == len(core) {
			out = append(out, a)
		}
	}
	if len(out) > 3 {
		return nil
	}
	slices.Sort(out)
	return out
}

// Names finds the ledger's party and person names in runs: for every
// position of every run, the names starting with its next two characters
// (one pipelined round trip for all), kept when the name is spelled out
// there in full, or when the rest of the run (three characters or more)
// is the start of exactly one name (某某建材 → 某某建材有限公司), or when it
// is how one organisation is shortened (see stemMatch).
func (l *lexicon) Names(runs []string) ([]intent.NameMatch, error) {
	type at struct{ run, pos int }
	var prefixes []string
	var where []at
	seen := map[string]bool{}
	for i, r := range runs {
		rs := []rune(r)
		for p := 0; p+2 <= len(rs); p++ {
			pre := string(rs[p : p+2])
			where = append(where, at{i, p})
			prefixes = append(prefixes, pre)
			seen[pre] = true
		}
	}
	if len(prefixes) == 0 {
		return nil, nil
	}
	hits, err := l.s.st.NamesWithPrefixes(l.ctx, prefixes, 20)
	if err != nil {
		return nil, err
	}
	var out []intent.NameMatch
	for k, w := range where {
		rest := []rune(runs[w.run])[w.pos:]
		add := func(names []string, party bool) {
			full := false
			for _, n := range names {
				nr := []rune(n)
				if len(nr) <= len(rest) && string(rest[:len(nr)]) == n {
					out = append(out, intent.NameMatch{Run: w.run, Start: w.pos, End: w.pos + len(nr), Name: n, Party: party, Person: !party})
					full = true
				}
			}
			if full || !party {
				return
			}
			// The start of one party's name, three characters or more:
			// the longest start that names exactly one.
			for e := len(rest); e >= 3; e-- {
				var partial []string
				for _, n := range names {
					if len([]rune(n)) > e && strings.HasPrefix(n, string(rest[:e])) {
						partial = append(partial, n)
					}
				}
				if len(partial) == 1 {
					out = append(out, intent.NameMatch{Run: w.run, Start: w.pos, End: w.pos + e, Name: partial[0], Party: true})
					return
				}
				if len(partial) > 1 {
					return
				}
			}
		}
		add(hits[k].Parties, true)
		add(hits[k].Persons, false)
		runRs := []rune(runs[w.run])
		bounded := w.pos == 0 || strings.ContainsRune(pointerRunes, runRs[w.pos-1])
		if m, ok := stemMatch(rest, hits[k].Stems, bounded); ok {
			m.Run, m.Start, m.End = w.run, w.pos, w.pos+m.End
			out = append(out, m)
		}
	}
	masked, err := l.maskedNames(runs)
	if err != nil {
		return nil, err
	}
	out = append(out, masked...)
	// A name that is both a party and a person is one match of each;
	// join them so the reader can choose.
	return mergeMatches(out), nil
}

// maskedNames finds a party named the way the bot's replies show it (施某,
// 金某: the surname and 某, 法释〔2016〕19号第9条's form): the one person
// among the parties with that surname. Two of one surname, or a company,
// are no match; 某某 and 某县 are no surname's.
func (l *lexicon) maskedNames(runs []string) ([]intent.NameMatch, error) {
	var out []intent.NameMatch
	for i, r := range runs {
		rs := []rune(r)
		for p := 0; p+1 < len(rs); p++ {
			if rs[p+1] != '某' || rs[p] == '某' || !unicode.Is(unicode.Han, rs[p]) || p+2 < len(rs) && rs[p+2] == '某' {
				continue
			}
			names, err := l.s.st.PartyNamesWithPrefix(l.ctx, string(rs[p]), 10)
			if err != nil {
				return nil, err
			}
			var people []string
			for _, n := range names {
				if n := []rune(n); len(n) >= 2 && len(n) <= 4 && !organisationRe.MatchString(string(n)) {
					people = append(people, string(n))
				}
			}
			if len(people) == 1 {
				out = append(out, intent.NameMatch{Run: i, Start: p, End: p + 2, Name: people[0], Party: true})
			}
		}
	}
	return out, nil
}

// organisationRe is a party's name that is no person's.
var organisationRe = regexp.MustCompile(`公司|店|厂|场|中心|合作社|协会|学校|医院|局|政府|委员会|集团|部`)

func mergeMatches(ms []intent.NameMatch) []intent.NameMatch {
	var out []intent.NameMatch
	for _, m := range ms {
		joined := false
		for i := range out {
			o := &out[i]
			if o.Run == m.Run && o.Start == m.Start && o.End == m.End && o.Name == m.Name {
				o.Party, o.Person = o.Party || m.Party, o.Person || m.Person
				joined = true
			}
		}
		if !joined {
			out = append(out, m)
		}
	}
	return out
}

// Titled finds the directory's people with the surname and a post holding
// the title, the asker's agency first (孙局 said by a 公安局 handler is
// 孙强, not a 孙 of another agency).
func (l *lexicon) Titled(surname, title string) ([]string, error) {
	if !l.dirRead {
		ps, err := l.s.st.People(l.ctx)
		if err != nil {
			return nil, err
		}
		l.dir, l.dirRead = ps, true
	}
	var own, other []string
	for _, p := range l.dir {
		if !strings.HasPrefix(p.Name, surname) || utf8.RuneCountInString(p.Name) < 2 || !strings.Contains(p.Post, title) {
			continue
		}
		if l.viewer != nil && l.viewer.Agency != "" && l.s.scope.Agencies().Same(p.Agency, l.viewer.Agency) {
			own = append(own, p.Name)
		} else {
			other = append(other, p.Name)
		}
	}
	switch {
	case len(own) > 0:
		return own, nil
	case len(other) == 1:
		return other, nil
	case len(other) > 1:
		return nil, nil // several of other agencies: not a guess
	}
	return l.ledgerTitled(surname, title)
}

// ledgerTitled finds, when the directory has nobody, the one 出庭负责人 of
// the ledger with the surname whose post on a hearing holds the title (郑局
// → 郑伟, recorded as 郑伟（局长）).
func (l *lexicon) ledgerTitled(surname, title string) ([]string, error) {
	hits, err := l.s.st.NamesWithPrefixes(l.ctx, []string{surname}, 20)
	if err != nil || len(hits) == 0 {
		return nil, err
	}
	var found []string
	for _, name := range hits[0].Persons {
		numbers, err := l.s.st.PersonNumbers(l.ctx, name)
		if err != nil {
			return nil, err
		}
		cs, err := l.s.st.GetMany(l.ctx, numbers[:min(len(numbers), 50)])
		if err != nil {
			return nil, err
		}
		if slices.ContainsFunc(cs, func(c *cases.Case) bool {
			return c != nil && slices.ContainsFunc(c.Hearings, func(h cases.Hearing) bool {
				return !h.Cancelled && h.Head == name && strings.Contains(h.HeadPost, title)
			})
		}) {
			found = append(found, name)
		}
	}
	if len(found) != 1 {
		return nil, nil
	}
	return found, nil
}

// orgTails are the generic words that end a shortened organisation's
// name: 建材公司, 化工厂, 餐饮店.
var orgTails = []string{"有限公司", "公司", "合作社", "养殖场", "厂", "店", "场", "社"}

// pointerRunes point at what follows or what came before (那个化工的, 化工
// 那个非诉的): a bare two-character stem next to them stands for a party.
const pointerRunes = "那这个的"

// stemMatch reports whether rest starts with a stem of exactly one
// organisation party (store.PartyStem), said the way people shorten it: a
// stem of three characters or more (黔东建材), of two with a generic tail
// after it (建材公司, 物业公司, 化工厂), or, when bounded (the stem starts
// its run or follows 那个/的), of two followed by a pointer or nothing (化工
// 那个非诉的, 商贸那个结了没): the words around it leave no other reading.
// The match's End counts runes from the start of rest.
func stemMatch(rest []rune, stems []store.PartyStem, bounded bool) (intent.NameMatch, bool) {
	best, names := 0, map[string]bool{}
	var name string
	for _, st := range stems {
		sr := []rune(st.Stem)
		if len(sr) > len(rest) || string(rest[:len(sr)]) != st.Stem {
			continue
		}
		end := len(sr)
		tail := string(rest[end:])
		for _, t := range orgTails {
			if strings.HasPrefix(tail, t) {
				end += utf8.RuneCountInString(t)
				break
			}
		}
		if end == len(sr) && len(sr) < 3 &&
			!(bounded && (end == len(rest) || strings.ContainsRune(pointerRunes, rest[end]))) {
			continue
		}
		switch {
		case end > best:
			best, name, names = end, st.Name, map[string]bool{st.Name: true}
		case end == best:
			names[st.Name] = true
		}
	}
	if best == 0 || len(names) != 1 {
		return intent.NameMatch{}, false // several organisations: not a guess
	}
	return intent.NameMatch{End: best, Name: name, Party: true}, true
}
