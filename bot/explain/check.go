package explain

import (
	"fmt"
	"strings"
	"time"

	"casebot/bot/cases"
	"casebot/bot/decision"
)

// source is what a draft's facts may come from: the decision's original
// text (dates, amounts, 文号, case numbers) and the ledger's fields.
type source struct {
	// label names the source in the warning: 判决书, 复议决定书, 台账记录.
	label    string
	decision bool
	dates    []decision.Date
	amounts  map[int64]bool
	docs     map[string]bool
	numbers  map[string]bool
}

func sourceFor(c *cases.Case, m material, loc *time.Location) source {
	s := source{label: "台账记录", amounts: map[int64]bool{}, docs: map[string]bool{}, numbers: map[string]bool{c.Number: true}}
	addTime := func(t time.Time) {
		if !t.IsZero() {
			t = t.In(loc)
			s.dates = append(s.dates, decision.Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()})
		}
	}
	addTime(c.FiledOn)
	if c.Closure != nil {
		addTime(c.Closure.On)
	}
	for _, h := range c.ActiveHearings() {
		addTime(h.At)
	}
	for _, dn := range decision.FindDocNumbers(c.Number + "\n" + c.Note + "\n" + c.Cause) {
		s.docs[dn.Key()] = true
	}
	if m.doc == nil {
		return s
	}
	s.decision = true
	s.label = sourceLabel(m.doc)
	s.dates = append(s.dates, decision.FindDates(m.att.Text, true)...)
	for _, a := range m.doc.Amounts {
		s.amounts[a.Fen] = true
	}
	for _, dn := range decision.FindDocNumbers(m.att.Text) {
		s.docs[dn.Key()] = true
	}
	for _, n := range append(append([]cases.Number(nil), m.doc.Numbers...), m.doc.Related...) {
		s.numbers[n.String()] = true
	}
	return s
}

// add counts what text holds as source too: the prompt, whose case
// fields, articles (法释〔2020〕3号…) and decision parts the model was given.
func (s *source) add(text string) {
	s.dates = append(s.dates, decision.FindDates(text, true)...)
	for _, a := range decision.FindAmounts(text) {
		s.amounts[a.Fen] = true
	}
	for _, dn := range decision.FindDocNumbers(text) {
		s.docs[dn.Key()] = true
	}
}

// sourceLabel names a decision as the warning does: 判决书, 裁定书,
// 复议决定书.
func sourceLabel(d *decision.Document) string {
	switch d.Kind {
	case decision.KindJudgment, decision.KindRuling, decision.KindDecision, decision.KindMediation:
		return string(d.Kind)
	}
	return "裁判文书"
}

// unfound lists what the draft states that its source does not: dates,
// amounts, 文号 and case numbers, and, when a decision is attached, the
// articles neither it nor the ledger's table supports. Each is listed as
// the draft writes it, once.
func (s source) unfound(draft string, supplied []decision.Statute) []string {
	var out []string
	seen := map[string]bool{}
	add := func(x string) {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	for _, d := range decision.FindDates(draft, true) {
		ok := false
		for _, src := range s.dates {
			if d.Matches(src) {
				ok = true
				break
			}
		}
		if !ok {
			add(d.String())
		}
	}
	for _, a := range decision.FindAmounts(draft) {
		if !s.amounts[a.Fen] {
			add(a.Text)
		}
	}
	for _, n := range cases.FindNumbers(draft) {
		if !s.numbers[n.String()] {
			add(n.String())
		}
	}
	for _, dn := range decision.FindDocNumbers(draft) {
		if n, err := cases.ParseNumber(dn.Text); err == nil && s.numbers[n.String()] {
			continue
		}
		if !s.docs[dn.Key()] {
			add(dn.Text)
		}
	}
	if s.decision {
		out = append(out, foreignCitations(draft, supplied)...)
	}
	return out
}

// unfoundWarning is the reviewer's line for what the source lacks.
func (s source) unfoundWarning(items []string) string {
	return fmt.Sprintf("以下内容在%s中未找到：%s", s.label, strings.Join(items, "、"))
}

// Headings every draft must have, in order; the result and comment
// headings depend on the kind of case.
func headings(c *cases.Case) []string {
	result, comment := labels(c)
	return []string{"【要点】", "基本案情", "争议焦点", result, comment, "典型意义与执法警示", "相关法条"}
}

// labels names the result and comment sections for a case.
func labels(c *cases.Case) (result, comment string) {
	if c.Kind == cases.Reconsideration {
		return "复议结果", "复议机构说法"
	}
	return "裁判结果", "法官说法"
}

// missingHeadings lists the house structure's parts a draft lacks: its
// title line and the ## headings.
func missingHeadings(c *cases.Case, draft string) []string {
	var out []string
	if Title(draft) == "" {
		out = append(out, "标题")
	}
	for _, h := range headings(c) {
		found := false
		for _, l := range strings.Split(draft, "\n") {
			t := strings.TrimSpace(l)
			if strings.HasPrefix(t, "##") && strings.Contains(t, h) {
				found = true
				break
			}
		}
		if !found && !(h == "法官说法" && strings.Contains(draft, "律师说法")) {
			out = append(out, h)
		}
	}
	return out
}

// Title returns a draft's headline: its “# ” line, or the text under a
// “## 标题” heading; "" when it has neither.
func Title(md string) string {
	lines := strings.Split(md, "\n")
	for i, l := range lines {
		t := strings.TrimSpace(l)
		switch {
		case strings.HasPrefix(t, "# "):
			return strings.TrimSpace(strings.TrimPrefix(t, "# "))
		case strings.HasPrefix(t, "##") && strings.TrimSpace(strings.TrimLeft(t, "#")) == "标题":
			for _, n := range lines[i+1:] {
				if n = strings.TrimSpace(n); n != "" && !strings.HasPrefix(n, "#") {
					return strings.Trim(n, "*")
				}
			}
		}
	}
	return ""
}
