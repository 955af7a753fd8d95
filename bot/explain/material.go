package explain

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"casebot/bot/cases"
	"casebot/bot/decision"
	"casebot/prompts"
)

// material is what a draft is written from besides the ledger fields: the
// decision attached to the case, read into its parts, or nothing.
type material struct {
	att *decision.Attachment
	doc *decision.Document // parsed from the original text
	// anon is the decision as it leaves the bureau: its case numbers
	// masked, every name and identifier removed by the one anonymizer the
	// prompt and the answer share (so a person is 张某1 everywhere), read
	// into its parts (Generator.anonymize).
	anon *decision.Document
}

// decisionText is the decision's text with its case numbers masked, as it
// is anonymized (maskNumbers).
func (m material) decisionText() string {
	if m.doc == nil {
		return m.att.Text
	}
	return maskNumbers(m.att.Text, m.doc)
}

// people are the natural persons the decision names in its head and tail,
// known to the anonymizer before it reads the text: the private ones (the
// parties, their agents and representatives) and those named in office
// (judges, the clerk, an agency's heads), whom privacy.keep_officials may
// keep.
func (m material) people() (private, officials []string) {
	if m.doc == nil {
		return nil, nil
	}
	for _, p := range m.doc.People {
		if p.Official {
			officials = append(officials, p.Name)
		} else {
			private = append(private, p.Name)
		}
	}
	return private, officials
}

// courtNumberRe finds a court case number as written in a decision:
// （2024）浙0624行初131号, (2015)X行初字第12号, of any case type.
var courtNumberRe = regexp.MustCompile(`[（(〔\[]\s*(?:19|20)\d{2}\s*[）)〕\]]\s*[\p{Han}\d]{1,12}?\s*\d*\s*(?:行|民|刑|执|赔|司救|知)[\p{Han}]{0,3}?字?第?\s*\d{1,8}\s*号`)

// maskNumbers removes the case numbers from a decision's text: with its
// 案号 (or a 复议 number) anyone can find the published decision and the
// parties' full names in it, so a number identifies as surely as a name.
func maskNumbers(text string, doc *decision.Document) string {
	text = courtNumberRe.ReplaceAllString(text, "（案号略）")
	for _, n := range append(append([]cases.Number(nil), doc.Numbers...), doc.Related...) {
		if n.Form != cases.ReconsiderationNumber {
			continue
		}
		for _, dn := range decision.FindDocNumbers(text) {
			if p, err := cases.ParseNumber(dn.Text); err == nil && p == n {
				text = strings.ReplaceAll(text, dn.Text, "（文号略）")
			}
		}
	}
	return text
}

// promptSlack is kept free in the budget for the section headers the
// template adds around the decision's parts.
const promptSlack = 200

// fitDecision fills the prompt's decision from the anonymized document
// within budget characters (runes). The reduction, in order:
//
//  1. 本院认为 (本机关认为) and the 主文 are kept whole: they are the
//     decision. Only when they alone overflow is the reasoning shortened,
//     keeping its first and last paragraphs.
//  2. 经审理查明 comes next, whole if it fits; else shortened by
//     paragraphs: the first and the last are kept, then the paragraphs
//     that hold dates, amounts or 文号, then the others, in their order,
//     each gap marked “（中略 N 段）”. A quarter of what is left after 1
//     is held back for the parties' claims and answers.
//  3. 诉讼请求 (复议请求), 被告答辩, 审理经过 and 原审情况 follow, each whole
//     if it fits, else its first paragraph, else left out.
//
// No summarising call is made: a summary is one more model answer that
// could invent, and the reviewer could not check it against the file.
func fitDecision(doc *decision.Document, title, issuer string, budget int) *prompts.Decision {
	pd := &prompts.Decision{
		Title: title, Issuer: issuer,
		ClaimsLabel: doc.Label(decision.PartClaims), DefenseLabel: doc.Label(decision.PartDefense),
		FactsLabel: doc.Label(decision.PartFacts), ReasoningLabel: doc.Label(decision.PartReasoning),
		OperativeLabel: doc.Label(decision.PartOperative),
	}
	if doc.ContestedAct != nil {
		pd.ContestedAct = doc.ContestedAct.Text
	}
	var notes []string
	left := budget
	take := func(text string, limit int, label string) string {
		out, dropped, cut := shorten(text, limit)
		switch {
		case out == "" && text != "":
			notes = append(notes, label+"未提供")
		case dropped > 0:
			notes = append(notes, fmt.Sprintf("%s删去 %d 段", label, dropped))
		case cut:
			notes = append(notes, label+"有删节")
		}
		left -= runes(out)
		return out
	}
	pd.Operative = take(doc.Section(decision.PartOperative), left, pd.OperativeLabel)
	pd.Reasoning = take(doc.Section(decision.PartReasoning), left, pd.ReasoningLabel)
	optional := []struct {
		dst   *string
		part  decision.Part
		label string
	}{
		{&pd.Claims, decision.PartClaims, pd.ClaimsLabel},
		{&pd.Defense, decision.PartDefense, pd.DefenseLabel},
		{&pd.Origin, decision.PartOrigin, "审理经过"},
		{&pd.Prior, decision.PartPrior, "原审情况"},
	}
	want := 0
	for _, o := range optional {
		want += runes(doc.Section(o.part))
	}
	facts := doc.Section(decision.PartFacts)
	reserve := min(want, max(left, 0)/4)
	if runes(facts)+want <= left {
		reserve = want
	}
	pd.Facts = take(facts, left-reserve, pd.FactsLabel)
	for _, o := range optional {
		text := doc.Section(o.part)
		if runes(text) > left {
			first, _, _ := strings.Cut(text, "\n")
			if runes(first) <= left && first != text {
				*o.dst = first
				left -= runes(first)
				notes = append(notes, o.label+"仅保留第一段")
				continue
			}
			if text != "" {
				notes = append(notes, o.label+"未提供")
			}
			continue
		}
		*o.dst = text
		left -= runes(text)
	}
	if len(notes) > 0 {
		pd.Reduced = "文书较长，为控制篇幅：" + strings.Join(notes, "，")
	}
	return pd
}

func runes(s string) int { return utf8.RuneCountInString(s) }

// keyFactRe marks a paragraph that holds a date, an amount or a 文号.
var keyFactRe = regexp.MustCompile(`\d{4}\s*年|元|〔\d{4}〕|\[\d{4}\]`)

// shorten keeps text within limit runes by whole paragraphs (see
// fitDecision); a first paragraph longer than limit is cut at its last
// sentence end within it. It returns the text, the paragraphs dropped, and
// whether a paragraph was cut.
func shorten(text string, limit int) (string, int, bool) {
	if runes(text) <= limit {
		return text, 0, false
	}
	if limit <= 0 {
		return "", 0, false
	}
	paras := strings.Split(text, "\n")
	if len(paras) == 1 || runes(paras[0]) > limit {
		return cutSentence(paras[0], limit), len(paras) - 1, true
	}
	keep := make([]bool, len(paras))
	used := 0
	try := func(i int) {
		if !keep[i] && used+runes(paras[i])+8 <= limit {
			keep[i] = true
			used += runes(paras[i]) + 8
		}
	}
	try(0)
	try(len(paras) - 1)
	for i := range paras {
		if keyFactRe.MatchString(paras[i]) {
			try(i)
		}
	}
	for i := range paras {
		try(i)
	}
	var out []string
	dropped, gap := 0, 0
	for i, p := range paras {
		if keep[i] {
			if gap > 0 {
				out = append(out, fmt.Sprintf("（中略 %d 段）", gap))
				gap = 0
			}
			out = append(out, p)
			continue
		}
		gap++
		dropped++
	}
	if gap > 0 {
		out = append(out, fmt.Sprintf("（以下略 %d 段）", gap))
	}
	return strings.Join(out, "\n"), dropped, false
}

// cutSentence cuts s to at most limit runes at a sentence end.
func cutSentence(s string, limit int) string {
	rs := []rune(s)
	if len(rs) <= limit {
		return s
	}
	limit = max(limit-6, 0)
	cut := string(rs[:limit])
	if i := strings.LastIndex(cut, "。"); i > 0 {
		cut = cut[:i+len("。")]
	}
	return cut + "……（略）"
}
