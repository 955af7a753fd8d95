// Command gendict writes bot/privacy/dict.txt, the compact word list the
// name detector consults, and bot/privacy/given.txt, its model of the
// characters of Chinese given names, from the jieba dictionary as
// go-ego/gse ships it (data/dict/zh/s_1.txt: word, frequency, part of
// speech per line).
//
//	go run ./bot/privacy/internal/gendict -src $(go env GOMODCACHE)/github.com/go-ego/gse@v0.80.3/data/dict/zh/s_1.txt
//
// (t_1.txt, the traditional list beside it, repairs single characters.)
//
// Only what the detector needs is kept: words of Chinese characters, one to
// six long, seen at least minFreq times. Words tagged as person names (nr,
// nrt, nrfg) are kept only when frequent: jieba tags many ordinary words
// nr (陈述, 高峰, 文明), and those must still read as words, while its rare
// nr entries (王建国, 杨帆) are names and must not.
//
// given.txt scores each character as part of a given name: how much more
// often it is a given-name character of jieba's nr entries (a common
// surname and one or two characters: some 33,000 names) than it is a
// character of ordinary words, weighted by their frequency. The score is
// the log-ratio in tenths, smoothed:
//
//	10 · ( ln((inNames+0.5)/names) − ln((inWords+200)/words) )
//
// 芳 40, 伟 32, 建 6, 国 −2, 来 −14, 证 −14, 的 −32: evidence that a span
// with little else around it reads as a name (卢平的证言) or not (许来使用).
// With it goes how common the character is in words (log10 of its
// weighted count): a character as common as 家 or 的 is no rare surname.
// And its probability as a given-name character, ln((inNames+0.5)/names)
// in tenths (明 −50, 芳 −65, 证 −90): the name model's side of the
// segmentation (see segment.go), weighed against the dictionary's words.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"casebot/bot/privacy"
)

const (
	minFreq   = 5
	minNRFreq = 100
	maxRunes  = 6
)

func main() {
	src := flag.String("src", "", "jieba-format dictionary (word freq pos per line)")
	out := flag.String("out", "bot/privacy/dict.txt", "file to write")
	givenOut := flag.String("given", "bot/privacy/given.txt", "given-name character model to write")
	flag.Parse()
	if *src == "" {
		fmt.Fprintln(os.Stderr, "usage: gendict -src s_1.txt [-out bot/privacy/dict.txt]")
		os.Exit(2)
	}
	f, err := os.Open(*src)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer f.Close()
	words := map[string]entry{}
	inNames, inWords := map[rune]float64{}, map[rune]float64{}
	var names, wordChars float64
	// nrMass is the weight of all name entries, for the probability of a
	// word jieba tags as a name being a given name (小龙 4342, 光辉 1223).
	var nrMass float64
	// pairs counts the given names of two characters (建国 12, 海洋 5).
	pairs := map[string]int{}
	var pairNames int
	// first and second count the characters of those by their place: 向
	// opens given names (向东) but hardly ends one.
	first, second := map[rune]float64{}, map[rune]float64{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 3 {
			continue
		}
		w, pos := fields[0], fields[2]
		freq, err := strconv.ParseFloat(fields[1], 64)
		if err != nil || !han(w) || utf8.RuneCountInString(w) > maxRunes {
			continue
		}
		if strings.HasPrefix(pos, "nr") {
			nrMass += freq
			if rs := []rune(w); (len(rs) == 2 || len(rs) == 3) && privacy.IsCommonSurname(rs[0]) {
				for _, r := range rs[1:] {
					inNames[r]++
					names++
				}
				if len(rs) == 3 {
					pairs[string(rs[1:])]++
					pairNames++
					first[rs[1]]++
					second[rs[2]]++
				}
			}
		} else if freq >= minFreq {
			for _, r := range w {
				inWords[r] += freq
				wordChars += freq
			}
		}
		n := int(freq)
		if n < minFreq || strings.HasPrefix(pos, "nr") && n < minNRFreq {
			continue
		}
		if old, ok := words[w]; !ok || n > old.freq {
			words[w] = entry{n, pos}
		}
	}
	if err := sc.Err(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	// Single characters: the simplified list lost the entries of many whose
	// traditional form differs (为 from 為, 会 from 會: 100 and 9 times
	// where words use them hundreds of thousands of times) or gave them to
	// a rare variant folded onto them (向 112 from 嚮, 家 2 from 傢). The
	// segmentation and the name model weigh a character alone against a
	// name, so those are repaired. A character's entry is commonly a tenth
	// to a hundredth of its weight in words (the median a seventh); the
	// lost ones are below a three-hundredth, with a clear gap. A lost
	// entry gets the traditional list's entry of the same character where
	// there is one (向 75979 p, 家 41022 q), else the median share.
	trad := readSingles(filepath.Join(filepath.Dir(*src), "t_1.txt"))
	for r, n := range inWords {
		c := string(r)
		e, ok := words[c]
		if float64(e.freq) >= n/lostShare || n/medianShare < minFreq {
			continue
		}
		if !ok {
			e.pos = "zg"
		}
		e.freq = int(math.Round(n / medianShare))
		if tr, ok := trad[c]; ok && tr.freq > e.freq {
			e = tr
		}
		words[c] = e
	}
	keys := make([]string, 0, len(words))
	for w := range words {
		keys = append(keys, w)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString("# Generated by bot/privacy/internal/gendict from the jieba dictionary (MIT) as shipped\n")
	b.WriteString("# in github.com/go-ego/gse v0.80.3 (Apache-2.0), data/dict/zh/s_1.txt. Do not edit.\n")
	fmt.Fprintf(&b, "# word freq pos; Chinese words of 1-%d characters seen at least %d times, nr-tagged ones at least %d.\n", maxRunes, minFreq, minNRFreq)
	for _, w := range keys {
		fmt.Fprintf(&b, "%s %d %s\n", w, words[w].freq, words[w].pos)
	}
	if err := os.WriteFile(*out, []byte(b.String()), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "%d words written to %s\n", len(keys), *out)

	chars := map[rune]bool{}
	for r := range inNames {
		chars[r] = true
	}
	for r := range inWords {
		chars[r] = true
	}
	runes := make([]rune, 0, len(chars))
	for r := range chars {
		runes = append(runes, r)
	}
	sort.Slice(runes, func(i, j int) bool { return runes[i] < runes[j] })
	var g strings.Builder
	g.WriteString("# Generated by bot/privacy/internal/gendict from the jieba dictionary (MIT) as shipped\n")
	g.WriteString("# in github.com/go-ego/gse v0.80.3 (Apache-2.0), data/dict/zh/s_1.txt. Do not edit.\n")
	fmt.Fprintf(&g, "# char score common lnp lnp1 lnp2: score = 10·(ln((inNames+0.5)/%.0f) − ln((inWords+200)/%.0f)),\n", names, wordChars)
	g.WriteString("# common = round(log10(inWords+1)), how common the character is in words,\n")
	fmt.Fprintf(&g, "# lnp = 10·ln((inNames+0.5)/%.0f), the character's probability as a given-name character,\n", names)
	fmt.Fprintf(&g, "# lnp1, lnp2 = 10·ln((n+0.5)/%d), as the first and as the second of a given name of two; see gendict.\n", pairNames)
	ln10 := func(n, of float64) int { return int(math.Round(10 * math.Log((n+0.5)/of))) }
	for _, r := range runes {
		score := 10 * (math.Log((inNames[r]+0.5)/names) - math.Log((inWords[r]+200)/wordChars))
		fmt.Fprintf(&g, "%c %d %d %d %d %d\n", r, int(math.Round(score)), int(math.Round(math.Log10(inWords[r]+1))),
			ln10(inNames[r], names), ln10(first[r], float64(pairNames)), ln10(second[r], float64(pairNames)))
	}
	// Given names of two characters seen twice or more, but not the titles,
	// kin and common nouns that follow surnames in the name entries (王先生,
	// 李将军: frequent nouns; 张夫人, 李二人: what ends in 人).
	pairKeys := make([]string, 0, len(pairs))
	for p, n := range pairs {
		if w, ok := words[p]; n < 2 || ok && w.pos == "n" && w.freq >= 1000 || strings.HasSuffix(p, "人") {
			continue
		}
		pairKeys = append(pairKeys, p)
	}
	sort.Strings(pairKeys)
	fmt.Fprintf(&g, "# given names of two characters: pair count, of %d names of three characters.\n", pairNames)
	fmt.Fprintf(&g, "pairs %d\n", pairNames)
	fmt.Fprintf(&g, "nrmass %.0f\n", nrMass)
	for _, p := range pairKeys {
		fmt.Fprintf(&g, "%s %d\n", p, pairs[p])
	}
	if err := os.WriteFile(*givenOut, []byte(g.String()), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "%d characters and %d given names written to %s\n", len(runes), len(pairKeys), *givenOut)
}

// entry is what the list says of a word.
type entry struct {
	freq int
	pos  string
}

// A single character's entry is lost below 1/lostShare of its weight in
// words, and then gets 1/medianShare of it (see the repair in main).
const (
	lostShare   = 316
	medianShare = 7
)

// readSingles reads the single-character entries of a jieba-format list.
func readSingles(path string) map[string]entry {
	out := map[string]entry{}
	f, err := os.Open(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 3 || utf8.RuneCountInString(fields[0]) != 1 || !han(fields[0]) {
			continue
		}
		n, err := strconv.Atoi(fields[1])
		if err != nil {
			continue
		}
		if old, ok := out[fields[0]]; !ok || n > old.freq {
			out[fields[0]] = entry{n, fields[2]}
		}
	}
	return out
}

func han(s string) bool {
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return s != ""
}
