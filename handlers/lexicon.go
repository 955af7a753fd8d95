package handlers

import (
	"context"
	"strings"
	"unicode/utf8"

	"casebot/bot/intent"
	"casebot/bot/people"
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
	dir      []*people.Person
	dirRead  bool
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
	return l.s.scope.Agencies().Resolve(name, known), nil
}

// Names finds the ledger's party and person names in runs: for every
// position of every run, the names starting with its next two characters
// (one pipelined round trip for all), kept when the name is spelled out
// there in full, or when the rest of the run (three characters or more)
// is the start of exactly one name (某某建材 → 某某建材有限公司).
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
	parties, persons, err := l.s.st.NamesWithPrefixes(l.ctx, prefixes, 20)
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
		add(parties[k], true)
		add(persons[k], false)
	}
	// A name that is both a party and a person is one match of each;
	// join them so the reader can choose.
	return mergeMatches(out), nil
}

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
	}
	return nil, nil // nobody, or several of other agencies: not a guess
}
