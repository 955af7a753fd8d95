package privacy

import "testing"

// TestTitledSurnames checks what a surname before a post becomes: the
// pseudonym of the one person of that surname the text names, the
// surname and 某 when two share it or none is named, and nothing changes
// when officials are kept.
func TestTitledSurnames(t *testing.T) {
	cases := []struct {
		name string
		opts Options
		in   string
		want string
	}{
		{"unknown person", Options{}, "陈所长带人到了现场。", "陈某所长带人到了现场。"},
		{"the one person of the surname", Options{}, "被告的副局长郑建华主持了听证会，郑副局长当场告知了原告的权利。", "被告的副局长郑某主持了听证会，郑某副局长当场告知了原告的权利。"},
		{"two of the surname", Options{}, "原告郑建国、第三人郑建华到庭。郑副局长宣读了决定。", "原告郑某甲、第三人郑某乙到庭。郑某副局长宣读了决定。"},
		{"a post without a person", Options{}, "该处罚决定经局长办公会讨论通过。", "该处罚决定经局长办公会讨论通过。"},
		{"officials kept", Options{KeepOfficials: true}, "陈所长带人到了现场。", "陈所长带人到了现场。"},
	}
	for _, c := range cases {
		a := NewAnonymizerWith(c.opts)
		a.Prepare(c.in)
		if got := a.Anonymize(c.in); got != c.want {
			t.Errorf("%s: %s\n\tgot  %s\n\twant %s", c.name, c.in, got, c.want)
		}
	}
}
