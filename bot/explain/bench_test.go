package explain

import (
	"os"
	"path/filepath"
	"testing"

	"casebot/bot/cases"
	"casebot/bot/decision"
	"casebot/prompts"
)

// benchPrompt measures the assembly of one prompt from an attached
// decision: anonymizing the whole text, reading it into parts, fitting
// them to the budget and rendering the templates. No Redis, no model.
func benchPrompt(b *testing.B, path string) {
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	x, err := decision.Extract(filepath.Base(path), data, 0)
	if err != nil {
		b.Fatal(err)
	}
	doc := decision.Parse(x.Text)
	m := material{att: &decision.Attachment{Text: x.Text, FileName: filepath.Base(path)}, doc: doc}
	n := doc.Numbers[0]
	c := &cases.Case{Number: n.String(), Kind: n.Kind(), Stage: n.Stage(), Plaintiffs: []cases.Party{cases.NewParty("杨德明")},
		Defendants: []string{"青山县公安局"}, Cause: "治安管理行政处罚", Court: doc.Issuer,
		Closure: &cases.Closure{On: at("2025-06-12 10:00"), Method: cases.JudgmentRevoke}}
	g := &Generator{Prompts: prompts.MustLoad(), Location: cst, MaxInputChars: 24000}
	b.ReportAllocs()
	for b.Loop() {
		a := g.anonymizerFor(c, m)
		in, _, err := g.prompt(c, m, a, "")
		if err != nil {
			b.Fatal(err)
		}
		if _, _, err := g.Prompts.Render(in); err != nil {
			b.Fatal(err)
		}
	}
}

// One ordinary judgment (3 pages).
func BenchmarkPromptAssembly(b *testing.B) {
	benchPrompt(b, filepath.Join(corpusDir, "d01_county_first_revoke.txt"))
}

// A 33-page PDF's text (20,000 characters): the budget cuts it.
func BenchmarkPromptAssembly30Pages(b *testing.B) {
	benchPrompt(b, "../decision/testdata/files/long30_libreoffice.pdf")
}
