package intent

import (
	"strings"
)

// A message from the field often tells rather than asks (47号答复下午三点交到
// 复议科了, 立案庭说又来了个新案子 先记一下, 麻烦给何县长也推一下). When no
// recognizer of an action takes it, the query reading that is left finds
// some case or list in its words and answers that, which the teller reads
// as the bot having understood (and, worse, registered) what they said.
// Statement tells such a message from a question by its form alone, so
// that the caller can acknowledge and relay it instead, whatever its
// wording.

// statementAskRe marks a question anywhere in the message: a question
// particle or mark, a question word, an A-not-A form written out, a 吧
// closing a clause (还要我去吧) and a rhetorical 不是 (上次不是去过了).
var statementAskRe = mustCompile(`[吗嘛呢？?]|么$|什么|怎么|为什么|多少|几[个件场次号天点时月年位条项份]|几$|哪|谁|啥|咋|如何|多久|何时|` +
	`是不是|要不要|需不需要|用不用|能不能|可不可以|行不行|对不对|有没有|是否|还是|了没|没有?$|没了?$|` +
	`没有?(?:\s|$)|到底|交没交|来没来|去没去|到没到|判没判|开没开|有没|可以不|行不$|对吧|吧(?:\s|$)|不是|的还是|男的女的`)

// askPair reports an A-不-A or A-没-A question (去不去, 来没来) over one
// character, which statementAskRe does not list.
func askPair(rs []rune) bool {
	for i := 1; i+1 < len(rs); i++ {
		if (rs[i] == '不' || rs[i] == '没') && rs[i-1] == rs[i+1] && rs[i-1] > 0x4e00 {
			return true
		}
	}
	return false
}

// statementEditRe is an instruction to rewrite something (刚才说的答辩状框架改成
// 正式一点的, 标题换成通俗一点的): a request of a draft, not news to relay.
var statementEditRe = mustCompile(`改成|改为|改得|写成|换成|改短|改长|精简|加一句|加上|删掉|去掉|正式一点|通俗一点`)

// statementRequestWords ask the bot to record or pass something on (先记一
// 下, 帮我登一下, 给何县长也推一下, 告诉他一声).
var statementRequestWords = []string{"记一下", "记下", "记着", "记上", "登一下", "登下", "登记", "录一下", "录入", "推一下", "推送", "推给",
	"转告", "转给", "转一下", "转达", "告诉", "通知", "说一声", "讲一声", "说一下", "讲一下", "提醒一下", "报一下", "备个案", "备注一下", "留个底"}

// statementPastRe is a fact told as done (交到复议科了, 开完了, 写好了, 又来了个,
// 已经寄出, 刚到): the telling form of a report.
var statementPastRe = mustCompile(`\p{Han}了|过了|已经|已于|刚刚|刚才`)

// Statement reports whether text tells (a fact done, what someone said,
// or a request to record or pass it on) rather than asks: no question
// form anywhere, and a request word, a past-tense fact or a report of
// what was told. It says nothing about what is told;
// the caller decides whether the message is of the domain.
func Statement(text string) bool {
	t := strings.TrimSpace(Normalize(text))
	for _, w := range []string{"这么", "那么", "多么", "怎么也"} {
		t = strings.ReplaceAll(t, w, "")
	}
	if t == "" || statementAskRe.MatchString(t) || askPair([]rune(t)) || statementEditRe.MatchString(t) {
		return false
	}
	return containsAny(t, statementRequestWords) || statementPastRe.MatchString(t) || statementToldRe.MatchString(t)
}

// statementToldRe is what someone told the teller (法院刚来电话 说…, 书记员说…,
// 市监局说下午交, 原告说要申请延期): a report relayed, whatever its tense.
var statementToldRe = mustCompile(`(?:法院|中院|高院|法官|书记员|立案庭|审判长|审判员|复议机关|复议科|复议办|检察院|原告|被告|对方|律师|当事人|申请人|局|政府|那边|他们)` +
	`(?:那边)?(?:刚刚|刚才|刚|今天|昨天|上午|下午|早上|也|又|还)?(?:打电话|打来电话|来电话|来电|通知|说|讲|反映|要求|表示)`)

// StatementRequest reports whether a statement asks the bot to record or
// pass it on (先记一下, 帮我登一下, 给何县长也推一下), not only tells.
func StatementRequest(text string) bool {
	return containsAny(Normalize(text), statementRequestWords)
}

// domainWords are the vocabulary of the 行政应诉 work: a message holding
// one is about the domain even when the rules cannot read what it asks
// (那还要不要写情况说明, 原因分析写好了 是发给你还是直接在卡片里填), and is
// owed a "not understood" with what the bot can do, never "超出范围".
var domainWords = []string{"案子", "案件", "案号", "立案", "开庭", "出庭", "应诉", "庭审", "法庭", "法院", "中院", "高院", "书记员", "法官",
	"整改", "原因分析", "情况说明", "书面说明", "不出庭说明", "答辩", "举证", "证据", "复议", "诉讼", "起诉", "上诉", "再审", "判决", "裁定",
	"判了", "撤诉", "败诉", "胜诉", "通报", "台账", "卡片", "提醒", "负责人", "承办人", "专班", "草稿", "以案说法", "司法建议", "检察建议",
	"代理词", "委托书", "授权委托", "传票", "出庭通知", "副本", "文书", "结案", "宣判", "调解", "行政处罚", "信息公开", "强拆", "被告", "原告",
	"第三人", "申请人", "被申请人"}

// DomainWords reports whether text holds the vocabulary of the work (see
// domainWords).
func DomainWords(text string) bool {
	return containsAny(Normalize(text), domainWords)
}
