package intent

import (
	"strings"
)

// The key predicate of a question, said in the many ways people say it,
// is spelled in one form here (inside Normalize) so that the rules read one
// word and none of it is left over as a filter: "庭都开过了但还没出结果的",
// "已经开过庭还在等判决的", "开了庭还没宣判的" all ask for the open cases
// already heard, which the rules read as 开完庭 (aspect held) + 未判
// (metric open).

var (
	// undecidedRe says the result is not out yet.
	undecidedRe = mustCompile(`(?:还在|正在|在|还)?等(?:待)?(?:判决|宣判|结果|判)|(?:还|都)?(?:没|未|没有)(?:宣判|出判决|下判决|出结果|有结果|判下来)|` +
		`(?:结果|判决)(?:还|都)?(?:没|未|没有)(?:出来|下来|出)`)
	// heardRe says the hearing has been held; read only next to an
	// undecided phrase, so that a report (庭开完了 原告没来) stays one.
	heardRe = mustCompile(`(?:庭(?:都|已经|已)*开(?:过|完)了|(?:都|已经|已)?开(?:了|过)庭(?:了)?|庭审(?:都|已经)?(?:完|结束)了?|庭(?:都|已经|已)*开了(?:的)?)` +
		`(?:但是|但|可是|可|不过)?`)
)

// undecidedHeard rewrites the phrases of undecidedRe to 未判 and, when one
// was found, those of heardRe to 开完庭.
func undecidedHeard(s string) string {
	if !strings.Contains(s, "判") && !strings.Contains(s, "结果") {
		return s
	}
	out := undecidedRe.ReplaceAllString(s, "未判")
	if out == s {
		return s
	}
	return heardRe.ReplaceAllString(out, "开完庭")
}
