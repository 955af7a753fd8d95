package privacy

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"
)

// corpusRow is one sentence of a corpus file (see the header of
// testdata/corpus.tsv for the format).
type corpusRow struct {
	line       int
	kind, text string
	gone, kept []string
	known      []string
}

func loadCorpus(t *testing.T, path string) []corpusRow {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	split := func(s string) []string {
		var out []string
		for _, p := range strings.Split(s, "|") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
		return out
	}
	var rows []corpusRow
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 4 || len(cols) > 5 {
			t.Fatalf("%s:%d: %d columns, want 4 or 5", path, n, len(cols))
		}
		// A table pasted as text spans lines and holds tabs: its row writes
		// them as \n and \t.
		text := strings.NewReplacer(`\n`, "\n", `\t`, "\t").Replace(cols[1])
		r := corpusRow{line: n, kind: cols[0], text: text, gone: split(cols[2]), kept: split(cols[3])}
		if len(cols) == 5 {
			r.known = split(cols[4])
		}
		for _, g := range r.gone {
			if !strings.Contains(r.text, g) {
				t.Fatalf("%s:%d: gone item %q is not in the sentence", path, n, g)
			}
		}
		for _, k := range r.kept {
			if !strings.Contains(r.text, k) {
				t.Fatalf("%s:%d: kept item %q is not in the sentence", path, n, k)
			}
		}
		rows = append(rows, r)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

// corpusScore is what one run over a corpus found.
type corpusScore struct {
	sentences, unchanged int
	gone, leaked         int
	kept, overMasked     int
	failures             []string
	leakKinds, overKinds map[string]int
}

// runCorpus anonymizes each sentence on its own, as a one-sentence
// document, and counts the items that leaked and the items that were
// masked but should have stayed. A sentence where nothing may change
// counts as one kept item.
func runCorpus(rows []corpusRow) corpusScore {
	sc := corpusScore{leakKinds: map[string]int{}, overKinds: map[string]int{}}
	for _, r := range rows {
		a := NewAnonymizer(r.known...)
		a.Prepare(r.text)
		out, err := a.Clean(r.text)
		if err != nil {
			out = "" // refused: nothing leaked, everything kept is lost
		}
		sc.sentences++
		var bad []string
		for _, g := range r.gone {
			sc.gone++
			if strings.Contains(out, g) {
				sc.leaked++
				sc.leakKinds[r.kind]++
				bad = append(bad, "leaked "+g)
			}
		}
		for _, k := range r.kept {
			sc.kept++
			if !strings.Contains(out, k) {
				sc.overMasked++
				sc.overKinds[r.kind]++
				bad = append(bad, "over-masked "+k)
			}
		}
		if len(r.gone) == 0 {
			sc.unchanged++
			sc.kept++
			if out != r.text {
				sc.overMasked++
				sc.overKinds[r.kind]++
				bad = append(bad, "changed")
			}
		}
		if err != nil {
			bad = append(bad, "refused: "+err.Error())
		} else {
			bad = append(bad, lostFunctionChars(r, out)...)
		}
		if len(bad) > 0 {
			sc.failures = append(sc.failures, fmt.Sprintf("line %d [%s] %s\n\tgot:  %s\n\t%s", r.line, r.kind, r.text, out, strings.Join(bad, "; ")))
		}
	}
	return sc
}

func (sc corpusScore) report(name string) string {
	rate := func(n, of int) float64 {
		if of == 0 {
			return 0
		}
		return 100 * float64(n) / float64(of)
	}
	return fmt.Sprintf("%s: %d sentences (%d where nothing may change); leaked %d of %d items (%.2f%%), over-masked %d of %d items (%.2f%%); leaks by kind %v, over-masks by kind %v",
		name, sc.sentences, sc.unchanged, sc.leaked, sc.gone, rate(sc.leaked, sc.gone), sc.overMasked, sc.kept, rate(sc.overMasked, sc.kept), sc.leakKinds, sc.overKinds)
}

// TestCorpus runs the judgment corpus and the blind sets and prints the
// leak and over-mask rates of each file; all must be zero.
func TestCorpus(t *testing.T) {
	for _, file := range corpusFiles {
		if _, err := os.Stat(file); err != nil {
			continue
		}
		rows := loadCorpus(t, file)
		sc := runCorpus(rows)
		t.Log(sc.report(file))
		fmt.Println(sc.report(file))
		for _, f := range sc.failures {
			t.Error(f)
		}
	}
}

// corpusFiles are the corpus, the blind sets written to check it and a
// probe of over-masking (see the header of each).
var corpusFiles = []string{"testdata/corpus.tsv", "testdata/blind1.tsv", "testdata/blind2.tsv", "testdata/blind3.tsv", "testdata/blind4.tsv", "testdata/blind5.tsv", "testdata/blind6.tsv", "testdata/blind7.tsv", "testdata/blind8.tsv", "testdata/blind9.tsv", "testdata/blind10.tsv", "testdata/blind11.tsv", "testdata/blind12.tsv", "testdata/blind13.tsv", "testdata/blind14.tsv", "testdata/blind15.tsv", "testdata/blind16.tsv", "testdata/dev7.tsv", "testdata/blind17.tsv", "testdata/blind18.tsv", "testdata/blind19.tsv", "testdata/blind20.tsv", "testdata/blind21.tsv", "testdata/blind22.tsv", "testdata/blind23.tsv", "testdata/blind24.tsv", "testdata/blind25.tsv", "testdata/blind26.tsv", "testdata/blind27.tsv", "testdata/blind28.tsv", "testdata/blind29.tsv", "testdata/blind30.tsv", "testdata/blind31.tsv", "testdata/blind32.tsv", "testdata/blind33.tsv", "testdata/blind34.tsv", "testdata/blind35.tsv", "testdata/spaced36.tsv", "testdata/blind37.tsv", "testdata/guards.tsv", "testdata/dev23.tsv", "testdata/blind38.tsv", "testdata/blind39.tsv", "testdata/blind40.tsv", "testdata/dev41.tsv", "testdata/dev42.tsv", "testdata/dev43.tsv", "testdata/dev44.tsv", "testdata/dev45.tsv", "testdata/dev46.tsv"}

// TestCorpusAsOneDocument anonymizes each corpus file as one document, as
// a whole judgment is: a name found in one sentence is then looked for in
// all, so a false name would spread to words elsewhere (建设 in 违法建设,
// 高山 in 高山草甸). Sentences with names known in advance are left out.
func TestCorpusAsOneDocument(t *testing.T) {
	strictTotal, lines := 0, 0
	defer func() {
		// The strict pass before a model (strict.go) on what the anonymizer
		// left: how many more spans a request would lose.
		report := fmt.Sprintf("strict pass: %d extra spans masked in %d anonymized corpus lines", strictTotal, lines)
		t.Log(report)
		fmt.Println(report)
	}()
	for _, file := range corpusFiles {
		var rows []corpusRow
		var texts []string
		for _, r := range loadCorpus(t, file) {
			if len(r.known) == 0 {
				rows = append(rows, r)
				texts = append(texts, r.text)
			}
		}
		doc := strings.Join(texts, "\n")
		a := NewAnonymizer()
		a.Prepare(doc)
		out, err := a.Clean(doc)
		if err != nil {
			t.Errorf("%s as one document: %v", file, err)
			continue
		}
		strict, n := Strict(out)
		strictTotal += n
		lines += strings.Count(out, "\n") + 1
		if strings.Count(strict, "\n") != strings.Count(out, "\n") {
			t.Errorf("%s: the strict pass changed the lines", file)
		}
		// A row that is a table holds several lines: regroup them.
		var lines []string
		outLines := strings.Split(out, "\n")
		for _, r := range rows {
			n := strings.Count(r.text, "\n") + 1
			if len(outLines) < n {
				t.Fatalf("%s: fewer lines out than in", file)
			}
			lines = append(lines, strings.Join(outLines[:n], "\n"))
			outLines = outLines[n:]
		}
		if len(outLines) != 0 {
			t.Fatalf("%s: %d lines out beyond the input", file, len(outLines))
		}
		for i, r := range rows {
			for _, g := range r.gone {
				if strings.Contains(lines[i], g) {
					t.Errorf("%s:%d leaked %s in the whole document\n\tgot: %s", file, r.line, g, lines[i])
				}
			}
			for _, k := range r.kept {
				if !strings.Contains(lines[i], k) {
					t.Errorf("%s:%d over-masked %s in the whole document\n\tgot: %s", file, r.line, k, lines[i])
				}
			}
			if len(r.gone) == 0 && lines[i] != r.text {
				t.Errorf("%s:%d changed in the whole document\n\tgot: %s", file, r.line, lines[i])
			}
		}
	}
}

// TestCorpusSize keeps the corpus as large as the issue asks: 300
// sentences, 50 of them where nothing may change.
func TestCorpusSize(t *testing.T) {
	rows := loadCorpus(t, "testdata/corpus.tsv")
	unchanged := 0
	for _, r := range rows {
		if len(r.gone) == 0 {
			unchanged++
		}
	}
	if len(rows) < 300 || unchanged < 50 {
		t.Errorf("corpus has %d sentences, %d where nothing may change; want at least 300 and 50", len(rows), unchanged)
	}
}
