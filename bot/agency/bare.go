package agency

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// Bare is a word people name a department by without its 局 (人社那个案子,
// 交警队的庭, 国土的): Short is the short name it stands for, resolved as
// any other through this package's tables (abbreviations, shortNames, a
// typo), so a question and the ledger fold a name the same way. Named
// says the word means that department whatever else the message says
// (市监, 人社, 综执): when the ledger has no such agency the answer says
// so; a word that is also everyday speech (公安, 教育, 应急) is only taken
// when the ledger has the agency.
type Bare struct {
	Word, Short string
	Named       bool
}

// bareWords are the bare words and what they stand for; a word whose
// short name is itself with 局 has "" here. Words that are also 案由
// (交通, 治安) are not among them.
var bareWords = []Bare{
	{"市场监管", "", false}, {"市场监督", "市场监督管理局", false}, {"市监", "", true},
	{"人社", "", true}, {"人力社保", "", false},
	{"住建委", "住建局", false}, {"住建", "", true}, {"住健", "", false}, // 住健: the same pinyin, a slip (see misspellings)
	{"公安", "", false}, {"交警大队", "公安局", true}, {"交警队", "公安局", true}, {"交警", "公安局", true},
	{"城管", "", true}, {"综合执法", "", true}, {"综执", "", true},
	{"卫健", "", true}, {"卫建", "卫健局", true}, {"卫生健康", "", false}, // 卫建: the same pinyin, a slip
	{"环保", "", false}, {"生态环境", "", false}, {"生态", "", false},
	{"自然资源", "", false}, {"国土", "", false}, {"资规", "", true}, {"自规", "", true}, {"规资", "", false}, {"自资", "", false},
	{"应急", "", false}, {"税务", "", false}, {"教育", "", false}, {"民政", "", false}, {"农业农村", "", false},
	{"安监", "安监局", false}, {"计生", "计生局", true}, {"工商", "工商局", false}, {"派出所", "公安局", true},
	{"林业", "", false}, {"水务", "", false}, {"医保", "", true}, {"文旅", "", true}, {"交运", "", false}, {"交通运输", "", false},
}

// BareWords returns the bare words, longest first (交警大队 before 交警),
// each with its short name filled in.
func BareWords() []Bare {
	out := make([]Bare, len(bareWords))
	for i, b := range bareWords {
		if b.Short == "" {
			b.Short = b.Word + "局"
		}
		out[i] = b
	}
	sort.SliceStable(out, func(i, j int) bool {
		return utf8.RuneCountInString(out[i].Word) > utf8.RuneCountInString(out[j].Word)
	})
	return out
}

// Body returns the full name of the body a short name stands for
// (市监局 → 市场监督管理局, 综执局 → 综合行政执法局, 交警队 → 公安局), the
// first when it may stand for several: what the answer names when the
// ledger has no such agency.
func Body(short string) string {
	k := fold(short)
	if bodies, ok := shortNames[k]; ok {
		return bodies[0]
	}
	if m, ok := misspellings[k]; ok {
		k = m
	}
	return abbreviations.Replace(k)
}

// misspellings are short names typed with another character of the same
// sound (住健局 for 住建局, zhùjiàn): unlike a slip Typo finds by distance,
// whose other readings (卫健局) make it no guess, the sound says which
// one is meant. The caller still says back what it used.
var misspellings = map[string]string{"住健局": "住建局", "卫建局": "卫健局"}

// misspelled returns the form a known misspelling stands for.
func misspelled(name string) (string, bool) {
	m, ok := misspellings[strings.TrimSpace(name)]
	return m, ok
}

// Standing returns the name written with its department replaced by the
// short name that department's word stands for, when the name ends with a
// bare word whose short name is not itself with 局 (某县交警大队 → 某县公安局,
// 县交警队 → 县公安局): what a question names, resolved as the ledger's
// names are. The place is kept, so 某市交警支队 is never 某县公安局.
func Standing(name string) (string, bool) {
	k := fold(name)
	for _, b := range BareWords() {
		if b.Short == b.Word+"局" || !strings.HasSuffix(k, b.Word) {
			continue
		}
		return strings.TrimSuffix(k, b.Word) + b.Short, true
	}
	return name, false
}
