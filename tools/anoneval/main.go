// Command anoneval measures the anonymizer on a held-out set of judgment
// sentences written by people who never saw the code, the way the bureau
// will meet it: how many personal items leak and how many words that must
// stay are changed.
//
//	go run ./tools/anoneval -set set.tsv [-v]
//
// The set is a TSV with a header: doc, row, text, gone, keep (items
// separated by |, each an exact substring of text). It is run twice:
// DOCUMENT (one Anonymizer per document, every row Prepared first, then
// Clean per row, as a judgment is anonymized) and SENTENCE (each row
// alone), and MODEL: the DOCUMENT text after privacy.Strict, the last
// pass before a request leaves for a model, which is what the model would
// be sent (its over-masks are words lost to the model only; the draft a
// person reads is the DOCUMENT text). An item already written 姓+某 in the set is skipped. A row Clean
// refuses (its residual check still finds personal data) is counted as
// refused and measured on Anonymize's text, so a refusal hides nothing.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"strings"

	"casebot/bot/privacy"
)

type row struct {
	doc, text  string
	gone, keep []string
}

func main() {
	set := flag.String("set", "", "the held-out set (TSV: doc, row, text, gone, keep)")
	verbose := flag.Bool("v", false, "print every leak and over-mask")
	flag.Parse()
	rows, err := read(*set)
	if err != nil {
		fmt.Fprintln(os.Stderr, "anoneval:", err)
		os.Exit(1)
	}
	for _, mode := range []string{"DOCUMENT", "SENTENCE", "MODEL"} {
		docs := map[string]*privacy.Anonymizer{}
		if mode != "SENTENCE" {
			texts := map[string][]string{}
			for _, r := range rows {
				texts[r.doc] = append(texts[r.doc], r.text)
			}
			for d, ts := range texts {
				a := privacy.NewAnonymizer()
				a.Prepare(ts...)
				docs[d] = a
			}
		}
		var gone, leaked, keep, over, refused int
		for _, r := range rows {
			a := docs[r.doc]
			if a == nil {
				a = privacy.NewAnonymizer()
				a.Prepare(r.text)
			}
			out, err := a.Clean(r.text)
			if err != nil {
				refused++
				out = a.Anonymize(r.text)
			}
			if mode == "MODEL" {
				out, _ = privacy.Strict(out)
			}
			for _, g := range r.gone {
				if strings.HasSuffix(g, "某") {
					continue
				}
				gone++
				if strings.Contains(out, g) {
					leaked++
					if *verbose {
						fmt.Printf("%s LEAK %s\t%s\t%s\n", mode, r.doc, g, out)
					}
				}
			}
			for _, k := range r.keep {
				keep++
				if !strings.Contains(out, k) {
					over++
					if *verbose {
						fmt.Printf("%s OVER %s\t%s\t%s\n", mode, r.doc, k, out)
					}
				}
			}
		}
		fmt.Printf("%s: leaked %d/%d (%.2f%%), over-masked %d/%d (%.2f%%), refused %d rows\n", mode,
			leaked, gone, pct(leaked, gone), over, keep, pct(over, keep), refused)
	}
}

func pct(a, b int) float64 { return 100 * float64(a) / float64(max(b, 1)) }

func read(path string) ([]row, error) {
	if path == "" {
		return nil, fmt.Errorf("-set is required")
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	items := func(s string) (out []string) {
		for _, x := range strings.Split(s, "|") {
			if x = strings.TrimSpace(x); x != "" {
				out = append(out, x)
			}
		}
		return out
	}
	var rows []row
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		c := strings.Split(sc.Text(), "\t")
		if len(c) < 4 || c[0] == "doc" || strings.HasPrefix(c[0], "#") {
			continue
		}
		r := row{doc: c[0], text: c[2], gone: items(c[3])}
		if len(c) > 4 {
			r.keep = items(c[4])
		}
		rows = append(rows, r)
	}
	return rows, sc.Err()
}
