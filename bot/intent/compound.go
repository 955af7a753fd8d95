package intent

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Two questions in one message (85号判了没 117号什么时候开庭, 明天有几个庭
// 另外今年败诉率多少) were read as one: the slots of both merged into a
// question nobody asked (“明天 · 败诉率”), answered with a figure or a none
// of that. Compound splits such a message into its questions, so that each
// is answered as if sent alone.
//
// A clause is a run between clause marks (spaces of voice input, commas,
// question marks) or before a word that opens another question (另外, 还有,
// 顺便问下). A clause asks a question of its own when, read alone, it is a
// question of a kind that looks something up, a word named that kind, it
// is no follow-up (呢, 那个) and it names its own subject: a case, a
// period, an agency, a party, a person or the asker (我的, 我们局). Every
// other clause (公安局的, 负责人都确认了吗, 电话没人接) belongs to the
// question before it, or to the first one when it comes first.

// compoundCutRe cuts a message into clauses: the marks, and before the
// words that open another question.
// listAskedRe ends a clause that asks for a list without a question word
// (我的庭, 我们局的案子, 今年败诉率).
var listAskedRe = regexp.MustCompile(`(的庭|开庭|庭审|案子|案件|通报|率|期限)$`)

// timeAskedRe asks when, in words questionRe leaves to the clock readers
// (117号明天几点开).
var timeAskedRe = regexp.MustCompile(`几点|几时|何时|多久|多长时间`)

// 还有 and 以及 open a question only after a mark (还有几个庭 asks how many
// are left): there they are dropped as a clause's first word.
var (
	compoundCutRe  = regexp.MustCompile(`[\s，,；;。？?！!]+|另外|顺便问一下|顺便问下|顺便问问|顺便|再问一下|再问下`)
	compoundLeadRe = regexp.MustCompile(`^(还有|以及|然后|再就是)`)
)

// Compound returns the questions of a message that asks two or more, each
// with the clauses that belong to it, in order; nil when it asks one.
func Compound(raw string, o Options) ([]string, error) {
	clauses := cutClauses(Normalize(raw))
	if len(clauses) < 2 || !mayBeCompound(clauses) {
		return nil, nil
	}
	var groups []string
	lead := "" // clauses before the first question of its own
	for _, cl := range clauses {
		own, err := ownClause(cl, o)
		if err != nil {
			return nil, err
		}
		if !own && len(groups) > 0 && CompareAsked(cl) != nil {
			own = true // 上个月败诉率 和去年同期比怎么样: the comparison of the figure before it
		}
		if !own && len(groups) > 0 {
			// 本月到现在败诉几件 出庭率多少, 我们局今年被告了几个 输了几个:
			// another figure asked of the question before's subject, which
			// it is given; answered with the first, it would be lost.
			sub, err := otherFigure(groups[len(groups)-1], cl, o)
			if err != nil {
				return nil, err
			}
			if sub != "" {
				groups = append(groups, sub+cl)
				continue
			}
		}
		switch {
		case own:
			groups = append(groups, lead+cl)
			lead = ""
		case len(groups) == 0:
			lead += cl + " "
		default:
			groups[len(groups)-1] += " " + cl
		}
	}
	if len(groups) < 2 {
		return nil, nil
	}
	return groups, nil
}

// mayBeCompound reports whether two clauses could each be a question of
// its own by their words alone (or one and a comparison after it), so that
// the common message of spaced words (公安局 下周 开庭) is not read clause by
// clause with the ledger's names for nothing.
func mayBeCompound(clauses []string) bool {
	asks, compares := 0, 0
	for _, cl := range clauses {
		switch {
		case asksByWords(cl):
			asks++
		case CompareAsked(cl) != nil:
			compares++
		}
	}
	return asks >= 2 || asks == 1 && compares > 0
}

// asksByWords reports whether a clause has the words a question of its
// own needs (ownClause reads the rest).
func asksByWords(cl string) bool {
	return utf8.RuneCountInString(cl) >= 3 && (questionRe.MatchString(cl) || timeAskedRe.MatchString(cl) || listAskedRe.MatchString(cl))
}

// cutClauses splits t at compoundCutRe, dropping the marks and the opening
// words (they say only that another question follows).
func cutClauses(t string) []string {
	var out []string
	at := 0
	for _, loc := range compoundCutRe.FindAllStringIndex(t, -1) {
		out = appendClause(out, t[at:loc[0]])
		at = loc[1]
	}
	return appendClause(out, t[at:])
}

// appendClause adds a clause without its opening word, unless nothing is
// left of it.
func appendClause(out []string, s string) []string {
	s = strings.TrimSpace(compoundLeadRe.ReplaceAllString(strings.TrimSpace(s), ""))
	if s == "" {
		return out
	}
	return append(out, s)
}

// ownClause reports whether a clause, read alone, is a question of its own
// (see the comment above).
func ownClause(cl string, o Options) (bool, error) {
	if !asksByWords(cl) {
		return false, nil // 负责人陈立出庭, 开之前跟我说一声: told or asked for, no question
	}
	u, err := Understand(cl, o)
	if err != nil {
		return false, err
	}
	switch u.Kind {
	case Case, Cases, Hearings, Count, Rates, Bulletin, Deadlines:
	default:
		return false, nil
	}
	if u.FollowUp || u.Reference || u.News != nil {
		return false, nil
	}
	if len(u.Numbers) > 0 || u.Short != "" || u.Seq > 0 {
		return true, nil // a case named is a question's subject and kind enough (117号明天几点开)
	}
	if !u.Anchored {
		return false, nil
	}
	if u.Kind == Case {
		return false, nil // a fact asked with no case named: of the case before it
	}
	return !u.Period.IsZero() || u.Agency != "" || len(u.Agencies) > 0 || u.Party != "" || u.Person != "" || u.Mine != "", nil
}

// compareRe is a comparison asked alone after a figure: 同比 (the same
// period a year before, group 1) or 环比 (the period just before, group 2).
var compareRe = regexp.MustCompile(`^(?:那|那么)?(?:(同比|和去年比|跟去年比|与去年比|比去年|和去年同期比|跟去年同期比|和上年比|比上年)|(环比|和上个月比|跟上个月比|比上个月|和上月比|跟上月比|比上月|和上季度比|跟上季度比|比上季度|和上期比|跟上期比|比上期))(?:怎么样|咋样|如何|多少|是多少|有变化吗|变化|情况|的|呢)*$`)

// CompareAsked returns compareRe's submatches of text (said alone, or as
// a clause after the figure it compares: 上个月败诉率 和去年同期比怎么样),
// nil when it is no comparison.
func CompareAsked(text string) []string { return compareRe.FindStringSubmatch(text) }

// otherFigure is the subject (period, the asker's agency, an agency) of
// the question prev, said as words to put before cl, when cl asks, of no
// subject of its own, a figure other than prev's: a count or a rate of
// another metric. "" when cl is no such question.
func otherFigure(prev, cl string, o Options) (string, error) {
	if !asksByWords(cl) {
		return "", nil
	}
	u, err := Understand(cl, o)
	if err != nil || u.Kind != Count && u.Kind != Rates || u.Metric == "" && u.Rate == "" {
		return "", err
	}
	if len(u.Numbers) > 0 || u.Short != "" || u.Seq > 0 || !u.Period.IsZero() || u.Agency != "" || len(u.Agencies) > 0 || u.Mine != "" || u.Party != "" || u.Person != "" {
		return "", nil // a subject of its own: ownClause's to read
	}
	p, err := Understand(prev, o)
	if err != nil || p.Kind != Count && p.Kind != Rates || p.Metric == u.Metric && p.Rate == u.Rate {
		return "", err
	}
	var sub []string
	switch p.Mine {
	case MineAgency:
		sub = append(sub, "我们局")
	case MineSelf:
		sub = append(sub, "我的")
	}
	if p.Mine == "" && p.Agency != "" {
		sub = append(sub, p.Agency)
	}
	if !p.Period.IsZero() {
		w := p.Period.Word
		if w == "" {
			w = p.Period.Label
		}
		sub = append(sub, w)
	}
	if len(sub) == 0 {
		return "", nil
	}
	return strings.Join(sub, ""), nil
}
