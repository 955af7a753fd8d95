package audit

import (
	"context"
	"sort"
	"strings"
	"time"
	"unicode"
)

// Group is one kind of message the bot did not fully answer, with how
// often it came.
type Group struct {
	// Outcome is NotKnown (nothing understood, or out of scope), Partly
	// (answered with words left unread), Nothing (a true “none”) or
	// LegalQ (a legal question of one's own).
	Outcome string `json:"outcome"`
	// Key is what the messages of the group share: the words left unread
	// (Partly), what was asked (Nothing), or the message itself.
	Key      string    `json:"key"`
	Count    int       `json:"count"`
	Users    int       `json:"users"`
	Examples []string  `json:"examples"`
	First    time.Time `json:"first"`
	Last     time.Time `json:"last"`
}

// maxExamples is how many messages a group quotes.
const maxExamples = 3

// Unanswered reads the questions matching f that the bot did not fully
// answer and groups them: misunderstood ones by the words left unread,
// unanswered ones by what was asked, the rest by the message, most
// frequent first. It is what `casebot audit --unanswered` prints, so the
// bureau sees what people ask that the bot cannot yet answer.
func (l *Log) Unanswered(ctx context.Context, f Filter) ([]Group, error) {
	groups := map[string]*Group{}
	users := map[string]map[string]bool{}
	limit := f.Limit
	f.Limit = 0
	err := l.Each(ctx, f, func(e Entry) error {
		var key string
		switch {
		case e.Outcome == Partly || e.Residue != "" && e.Outcome != NotKnown:
			key = e.Residue
		case e.Outcome == Nothing:
			key = e.Understood
		case e.Outcome == NotKnown, e.Outcome == LegalQ, e.Action == Refused && e.Kind == "legal":
			key = fold(e.Text)
		default:
			return nil
		}
		outcome := e.Outcome
		if outcome == "" {
			outcome = LegalQ
		}
		if e.Outcome == Answered && e.Residue != "" {
			outcome = Partly
		}
		id := outcome + "\x00" + key
		g := groups[id]
		if g == nil {
			g = &Group{Outcome: outcome, Key: key, First: e.At}
			groups[id] = g
			users[id] = map[string]bool{}
		}
		g.Count++
		g.Last = e.At
		if !users[id][e.User] {
			users[id][e.User] = true
			g.Users++
		}
		if len(g.Examples) < maxExamples {
			g.Examples = append(g.Examples, e.Text)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := make([]Group, 0, len(groups))
	for _, g := range groups {
		out = append(out, *g)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		if !out[i].Last.Equal(out[j].Last) {
			return out[i].Last.After(out[j].Last)
		}
		return out[i].Key < out[j].Key
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

// fold makes messages that differ in spacing, punctuation and width one.
func fold(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '！' && r <= '～':
			r -= 0xFEE0
		case r == '\u3000':
			continue
		}
		if unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}
