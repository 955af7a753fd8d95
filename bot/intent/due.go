package intent

// dueVocabulary is the one table of the words that name a statutory
// deadline by its kind (bot/deadline's kinds). phrases are taken as the
// deadline slot by Understand (答辩期限, 复议答复); stems are the looser
// words that still name the kind in a question about deadlines (答辩,
// 证据, 答复, 建议…), read by DueKinds for the deadlines route and by the
// 整改 follow-up to tell another period from the 整改 report's own.
var dueVocabulary = []struct {
	kind    string
	phrases []string
	stems   []string
}{
	{"judicial_suggestion", []string{"司法建议回复期限", "司法建议回复期", "司法建议答复期", "司法建议回复", "司法建议答复",
		"法院那个建议", "法院的建议", "法院发的建议", "法院建议"}, []string{"司法建议"}},
	{"procuratorial_suggestion", []string{"检察建议回复期限", "检察建议回复期", "检察建议答复期", "检察建议回复", "检察建议答复",
		"检察院那个建议", "检察院的建议", "检察院发的建议", "检察院建议"}, []string{"检察建议"}},
	{"answer", []string{"答辩举证期限", "答辩举证期", "答辩期限", "答辩期", "举证期限", "举证期", "答辩状交了", "答辩状提交", "交答辩状",
		"提交答辩", "交答辩", "没答辩", "未答辩", "没有答辩",
		// 答辩交了没, 答辩材料交没交: whether the answer is in, said of the case
		"答辩状交", "答辩材料交", "答辩交",
		// 答辩状都交了吗, 哪些案子答辩状还没交: over every case when none is named
		"答辩状都交", "答辩状还没交", "答辩状没交", "答辩状没有交", "答辩状未交", "答辩都交",
		// 证据材料送法院了吗: the evidence is filed with the answer (行政诉讼法 第67条)
		"证据材料送法院", "证据材料交法院", "证据送法院", "证据交法院", "证据材料交", "证据材料送", "证据交", "举证材料交",
		// 起诉状副本哪天收到的: the day the answer period runs from
		"起诉状副本哪天收到", "起诉状副本什么时候收到", "起诉状副本是什么时候收到", "起诉状副本是哪天收到", "起诉状是什么时候收到", "起诉状什么时候收到",
		"起诉状哪天收到", "什么时候收到的起诉状", "哪天收到的起诉状", "收到起诉状副本的日期", "收到起诉状副本日期", "收到副本的日期", "副本哪天收到",
		"副本什么时候收到", "副本是哪天收到", "副本是什么时候收到"}, []string{"答辩", "举证", "应诉材料", "证据"}},
	{"reply", []string{"复议答复期限", "复议答复期", "复议答复", "书面答复期限", "书面答复期", "答复期限", "答复期", "书面答复", "没答复", "未答复", "没有答复"},
		[]string{"复议答复", "书面答复", "答复"}},
	{"appeal", []string{"上诉期限", "上诉期", "上诉截止"}, []string{"上诉"}},
	{"decision", []string{"复议决定期限", "决定期限", "复议审理期限", "审理期限"}, []string{"复议决定", "作出决定", "审理期限", "决定期限", "决定"}},
	// The periods the ledger keeps no clock for (UntrackedKinds): named so
	// that a question of one is answered as not recorded, never with the
	// day of another kind (申请再审期限 read as the 再审 stage's deadlines).
	{"retrial", []string{"申请再审期限", "申请再审的期限", "申请再审期", "再审申请期限", "再审期限", "申诉期限", "申诉期"}, nil},
	{"suit", []string{"起诉期限", "起诉的期限", "起诉期"}, nil},
	{"perform", []string{"判决履行期限", "判决的履行期限", "履行期限", "履行的期限", "履行期"}, nil},
}

// UntrackedKinds are the deadline kinds of dueVocabulary that bot/deadline
// does not compute: 申请再审 (after the judgment takes effect), the
// plaintiff's 起诉期限 and the 履行期限 a judgment sets.
var UntrackedKinds = []string{"retrial", "suit", "perform"}

// suggestionStem names a suggestion without saying whose: both replies.
const suggestionStem = "建议"

// rectifyDueWords ask when the 整改 report is due to be filed;
// hearingDueWords name a hearing's date or a judgment, another period.
var (
	rectifyDueWords = []string{"交", "报送", "最迟", "截止"}
	hearingDueWords = []string{"开庭", "听证", "判", "回复"}
)

// DueKinds returns the kinds of deadline text names (bot/deadline's kind
// strings), in the vocabulary's order: the stems read loosely, and a bare
// 建议 as both kinds of suggestion.
func DueKinds(text string) []string {
	t := newText(Normalize(text))
	found := map[string]bool{}
	// Phrases first, then stems, each word taken once: 司法建议答复 is the
	// suggestion's reply, not also a 复议答复.
	for _, words := range []func(int) []string{
		func(i int) []string { return dueVocabulary[i].phrases },
		func(i int) []string { return dueVocabulary[i].stems },
	} {
		for i, g := range dueVocabulary {
			if len(t.cutAll(words(i)...)) > 0 {
				found[g.kind] = true
			}
		}
	}
	if _, ok := t.cut(suggestionStem); ok && !found["judicial_suggestion"] && !found["procuratorial_suggestion"] {
		found["judicial_suggestion"], found["procuratorial_suggestion"] = true, true
	}
	var kinds []string
	for _, g := range dueVocabulary {
		if found[g.kind] {
			kinds = append(kinds, g.kind)
		}
	}
	return kinds
}

// RectifyDueAsked reports whether text asks when a 整改 report is due (最迟
// 哪天交, 什么时候报送) and names no other period: a deadline of another
// kind (复41决定期限) or a hearing's date.
func RectifyDueAsked(text string) bool {
	t := Normalize(text)
	return containsAny(t, rectifyDueWords) && len(DueKinds(t)) == 0 && !containsAny(t, hearingDueWords)
}
