package privacy

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestSegmentation pins the best path on a few sentences: the
// dictionary's words, and a name where the dictionary cannot explain the
// characters better (* marks a name token).
func TestSegmentation(t *testing.T) {
	tests := []struct{ in, want string }{
		{"执法人员于白天进行了现场勘验。", "执法/人员/于/白天/进行/了/现场/勘验/。"},
		{"原告认为卢平的证言与事实不符。", "原告/认为/卢平*/的/证言/与/事实/不符/。"},
		// A given name that is a word (建国) reads as a name after a
		// surname left alone (张 would be a measure word).
		{"原告张建国称", "原告/张建国*/称"},
		// A frequent word stays a word without context: 高峰.
		{"早高峰期间车流量大。", "早/高峰/期间/车流量/大/。"},
	}
	for _, tt := range tests {
		if got := segmentString(newText(tt.in)); got != tt.want {
			t.Errorf("%s\n got  %s\n want %s", tt.in, got, tt.want)
		}
	}
}

// segmentString writes the best path of t with / between tokens and * after
// each name.
func segmentString(t *text) string {
	var b strings.Builder
	for i := 0; i < t.n(); {
		j := t.tokenAt(i)
		if i > 0 {
			b.WriteString("/")
		}
		b.WriteString(t.str(i, j))
		if t.nameTokenAt(i) > 0 {
			b.WriteString("*")
		}
		i = j
	}
	return b.String()
}

// TestDefaultKinds pins what the segmentation's default reads as a name
// with no other evidence, and each structural guard against reading one.
func TestDefaultKinds(t *testing.T) {
	tests := []cleanCase{
		{"a name in running text", "事后孔德生把钥匙交了出来。", "事后孔某把钥匙交了出来。"},
		{"a given name that is a word", "那天是鲁海洋先到的。", "那天是鲁某先到的。"},
		{"a name of two characters", "钥匙在祁峰手里。", "钥匙在祁某手里。"},
		{"a rare surname", "款项由蒯德明收取。", "款项由蒯某收取。"},
		{"a compound surname", "当天上官秀梅不在场。", "当天上官某不在场。"},
		// Guards.
		{"a measure word after a numeral", "现场拍摄照片一张，每周巡查两次。", "现场拍摄照片一张，每周巡查两次。"},
		{"a place of a family", "该地块位于刘家湾。", "该地块位于刘家湾。"},
		{"a place's suffix", "原告在金田镇务工。", "原告在金田镇务工。"}, // 住在金田镇 is an address (address.go)
		{"a statute's title", "依照《中华人民共和国城乡规划法》第六十四条。", "依照《中华人民共和国城乡规划法》第六十四条。"},
		{"a name already masked", "原告李某某、胡××未到庭。", "原告李某某、胡××未到庭。"},
		{"a pseudonym's mark", "罗某丁田地一亩。", "罗某丁田地一亩。"},
		{"a shop named by a brand", "原告系某县李宁专卖店的店员。", "原告系某县李宁专卖店的店员。"},
		{"a measured value", "涉案车辆毛重为49吨。", "涉案车辆毛重为49吨。"},
		{"a suffix making a word", "证据达到高度盖然性的标准。", "证据达到高度盖然性的标准。"},
		{"a document's number", "林权证号为林证字（2009）第0012号。", "林权证号为林证字（2009）第×××号。"},
		// priv20: a form of address before speech is a person's (titled.go).
		{"a nickname", "老张和陈姐都说不知道。", "张某和陈姐都说不知道。"},
		{"a land boundary", "东至田埂，西至公路。", "东至田埂，西至公路。"},
	}
	checkCleans(t, tests)
}

// defaultHits returns what the segmentation's default alone reads as
// names in normalized text s, without any evidence rule.
func defaultHits(s string) (*text, []hit) {
	t := newText(s)
	d := &detector{t: t, taken: make([]bool, t.n())}
	d.reserveWords() // as detect does: no name across 乌兰察布, 杜康酒, 第五条
	d.unexplained()
	d.dropThings() // the guard every hit passes, the default's included
	return t, d.hits
}

// TestFirstRunLeaks asks, for the items each blind set leaked on its
// first run (testdata/firstrun.tsv), which the default alone reads as
// names, and checks that the anonymizer as a whole leaks none of them
// now. firstRunFloor keeps the default from falling back.
func TestFirstRunLeaks(t *testing.T) {
	data, err := os.ReadFile("testdata/firstrun.tsv")
	if err != nil {
		t.Fatal(err)
	}
	type tally struct{ items, names, caught, caughtNames int }
	per := map[string]*tally{}
	var sets []string
	total := tally{}
	for _, line := range strings.Split(string(data), "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		c := strings.Split(line, "\t")
		if len(c) != 6 {
			t.Fatalf("firstrun.tsv: %d columns in %q", len(c), line)
		}
		set, item := c[0], c[3]
		sentence := strings.NewReplacer(`\n`, "\n", `\t`, "\t").Replace(c[4]) // a table's rows (blind27)
		var known []string
		if c[5] != "" {
			known = strings.Split(c[5], "|")
		}
		if per[set] == nil {
			per[set] = &tally{}
			sets = append(sets, set)
		}
		norm, _ := normalize(sentence)
		tx, hits := defaultHits(norm)
		caught := false
		for _, h := range hits {
			caught = caught || tx.str(h.start, h.end) == item
		}
		name := surnameLed(item)
		for _, p := range []*tally{per[set], &total} {
			p.items++
			if name {
				p.names++
			}
			if caught {
				p.caught++
				if name {
					p.caughtNames++
				}
			}
		}
		if !caught {
			t.Logf("%s: the default alone misses %s in %s", set, item, sentence)
		}
		a := NewAnonymizer(known...)
		a.Prepare(sentence)
		if out, err := a.Clean(sentence); err == nil && strings.Contains(out, item) {
			t.Errorf("%s: %s still leaks: %s", set, item, out)
		}
	}
	for _, s := range sets {
		p := per[s]
		report := fmt.Sprintf("%s: the default alone reads %d of %d first-run leaked items (%d of %d surname-led names)", s, p.caught, p.items, p.caughtNames, p.names)
		t.Log(report)
		fmt.Println(report)
	}
	fmt.Printf("all sets: the default alone reads %d of %d first-run leaked items (%d of %d surname-led names)\n", total.caught, total.items, total.caughtNames, total.names)
	if total.caught < firstRunFloor {
		t.Errorf("the default alone reads %d of the first-run leaks, below the %d it read when this test was written", total.caught, firstRunFloor)
	}
}

// firstRunFloor is how many first-run leaks the default read when
// TestFirstRunLeaks was written.
const firstRunFloor = 51

// surnameLed reports whether s is a Chinese name of two to four
// characters led by a surname the detector knows.
func surnameLed(s string) bool {
	rs := []rune(s)
	if len(rs) < 2 || len(rs) > 4 {
		return false
	}
	for _, r := range rs {
		if !isHan(r) {
			return false
		}
	}
	return surnameSet.has(rs[0]) || compoundSet[string(rs[:2])]
}

// TestDefaultAloneOverMasks measures the default by itself on every corpus
// file: what masking only the names it reads would over-mask (kept items
// lost, sentences where nothing may change changed), and how many of the
// files' surname-led names it reads. Each file's over-mask rate must stay
// under 1%: the default must not need the evidence rules to be safe.
func TestDefaultAloneOverMasks(t *testing.T) {
	for _, file := range corpusFiles {
		var kept, over, names, read int
		for _, r := range loadCorpus(t, file) {
			norm, _ := normalize(r.text)
			tx, hits := defaultHits(norm)
			var b strings.Builder
			last := 0
			found := map[string]bool{}
			for _, h := range hits {
				b.WriteString(tx.str(last, h.start))
				b.WriteString(MaskName(tx.str(h.start, h.end)))
				found[tx.str(h.start, h.end)] = true
				last = h.end
			}
			b.WriteString(tx.str(last, tx.n()))
			out := b.String()
			for _, k := range r.kept {
				kept++
				if k, _ = normalize(k); !strings.Contains(out, k) {
					over++
					t.Logf("%s:%d the default over-masks %s: %s", file, r.line, k, out)
				}
			}
			if len(r.gone) == 0 {
				kept++
				if out != norm {
					over++
					t.Logf("%s:%d the default changes: %s", file, r.line, out)
				}
			}
			for _, g := range r.gone {
				if surnameLed(g) {
					names++
					if found[g] {
						read++
					}
				}
			}
		}
		rate := 100 * float64(over) / float64(max(kept, 1))
		report := fmt.Sprintf("%s: the default alone over-masks %d of %d kept items (%.2f%%) and reads %d of %d surname-led names", file, over, kept, rate, read, names)
		t.Log(report)
		fmt.Println(report)
		if rate >= 1 {
			t.Errorf("%s: the default alone over-masks %.2f%%, want under 1%%", file, rate)
		}
	}
}
