package privacy

import (
	"strings"
	"testing"
)

// TestNameTailGuard: a name never swallows the negation, adverb or
// particle after it (旦增尼玛不在家 once came out 旦某在家, the opposite
// of what the court found), whichever reader reads it: minority names
// of known parts, Yi and dotless Uyghur names, Han names after a role.
func TestNameTailGuard(t *testing.T) {
	checkCleans(t, []cleanCase{
		{"tibetan", "原告之子旦增尼玛不在家。", "原告之子旦某不在家。"},
		{"tibetan", "原告之妻央金拉姆都不知情。", "原告之妻央某都不知情。"},
		{"tibetan", "证人次仁卓玛也在现场看到了。", "证人次某也在现场看到了。"},
		{"tibetan", "第三人扎西多吉没有到场参加调查。", "第三人扎某没有到场参加调查。"},
		{"tibetan", "原告之女格桑德吉又去了县城。", "原告之女格某又去了县城。"},
		{"tibetan", "原告之子旦增尼玛是在校学生。", "原告之子旦某是在校学生。"},
		{"tibetan", "原告之子旦增尼玛的邻居作证。", "原告之子旦某的邻居作证。"},
		{"mongol", "原告之子巴特尔未到庭。", "原告之子巴某未到庭。"},
		{"mongol", "第三人其木格不同意调解。", "第三人其某不同意调解。"},
		{"uyghur", "申请人阿依古丽就此提出异议。", "申请人阿某就此提出异议。"},
		{"uyghur", "申请人阿依古丽不服该决定。", "申请人阿某不服该决定。"},
		{"han", "第三人王建国不在家。", "第三人王某不在家。"},
		// A speech verb after the name, typed without punctuation.
		{"speech", "证人其美说评估人员来的时候原告之子旦增尼玛不在家", "证人其某说评估人员来的时候原告之子旦某不在家"},
		{"speech", "证人达娃说当天没有人来过", "证人达某说当天没有人来过"},
		{"speech", "原告之妻央金拉姆也不清楚这个事情", "原告之妻央某也不清楚这个事情"},
		{"han", "原告之子李志强没在家里住。", "原告之子李某没在家里住。"},
		// A negation word after a list of names is no name.
		{"han", "执法人员刘洋、尚未到岗的协管员均未签字。", "执法人员刘某、尚未到岗的协管员均未签字。"},
		{"han", "证人赵磊、并不认识原告的路人均作了陈述。", "证人赵某、并不认识原告的路人均作了陈述。"},
	})
}

// lostFunctionChars is what TestCorpus checks besides leaks and over-masks:
// masking only replaces names and identifiers, so the function characters
// of a sentence (不, 没, 未, 也, 都…) are as many after it as before, and no
// mask has changed what a sentence says. It is checked on TestCorpus's own
// output rather than by a second pass over the corpus.
func lostFunctionChars(r corpusRow, out string) []string {
	// The characters outside what must go.
	rest := r.text
	for _, g := range r.gone {
		rest = strings.ReplaceAll(rest, g, "")
	}
	// 阿不都热依木·艾力: the characters of a name's known parts.
	for _, ps := range [][]string{minorityParts, moreMinorityParts, sourcedMinorityParts} {
		for _, p := range ps {
			rest = strings.ReplaceAll(rest, p, "")
		}
	}
	var lost []string
	for _, c := range "不没未也都就又说" {
		if strings.Count(out, string(c)) < strings.Count(rest, string(c)) {
			lost = append(lost, "lost "+string(c))
		}
	}
	return lost
}
