package intent

import "strings"

// Procedure questions (上诉期多少天, 上诉状谁签, 答辩期几天, 二审要准备什么,
// 复议期限是多久, 撤诉算不算实质纠错): the general rule of procedure, asked
// without a case number. They are rule topics like the others, answered by
// the handlers' procedure table; a message naming a case (a digit) asks
// about that case's own dates and is read elsewhere.

// The procedure topics.
const (
	RuleAppealPeriod   RuleTopic = "appeal-period"   // 上诉期多少天, 裁定驳回起诉还能上诉吗
	RuleAppealSign     RuleTopic = "appeal-sign"     // 上诉状谁签, 要盖什么章
	RuleAnswerPeriod   RuleTopic = "answer-period"   // 答辩期多少天, 答辩状多久要交
	RuleAppealPrep     RuleTopic = "appeal-prep"     // 二审要准备什么, 高院要什么材料
	RuleReconPeriod    RuleTopic = "recon-period"    // 复议期限是多久, 复议答复几天
	RuleWithdrawCorrec RuleTopic = "withdraw-correc" // 撤诉算不算实质纠错
)

// howLong is a question of how long a period runs.
const howLong = `(?:是)?(?:多少天|几天|几日|多少日|多久|多长时间|多长|多少时间|怎么算|咋算|如何计算|怎么计算|有多长|是多久|有几天|一般多久|有期限吗|有没有期限|有时限吗|时限是)`

var (
	// appealPeriodRe asks how long one may appeal, or whether a ruling may
	// be appealed at all (裁定驳回起诉还能上诉吗, 不予立案可以上诉不).
	// rulingAppealRe asks whether a ruling may be appealed at all.
	rulingAppealRe = mustCompile(`(?:驳回起诉|不予立案|不立案|裁定驳回|驳回的裁定|裁定)(?:的)?(?:裁定)?(?:还|也)?(?:能|可以|能不能|可不可以|允许|能否)(?:提起|提)?上诉`)
	appealPeriodRe = mustCompile(`(?:上诉期|上诉期限|上诉的期限|上诉时间|上诉时限)(?:一般|到底|具体)?` + howLong +
		`|(?:多少天|几天|多久|多长时间)(?:之?内|以内)?(?:可以|能|要|得|必须)?(?:提起|提|递交|交)?上诉` +
		`|(?:判决|裁定|判了|一审判决|一审裁定|判决书|裁定书)(?:送达|下来|出来)?(?:以?后)?(?:多少天|几天|多久|多长时间)(?:之?内|以内)?(?:可以|能|要)?(?:提起|提)?上诉`)
	// appealSignRe asks who signs an appeal and what seal it takes.
	appealSignRe = mustCompile(`(?:上诉状|上诉书|上诉材料|答辩状|起诉状副本回执)(?:由|要|需要|得|应该|应当)?(?:谁|哪个|哪位|什么人)(?:来)?(?:签|签字|签名|署名|盖章|落款)` +
		`|(?:上诉状|上诉书|答辩状)(?:要|需要|得|应该|应当|上)?(?:盖|加盖|签)(?:什么|哪个|啥|哪些)(?:章|字)?` +
		`|(?:上诉状|上诉书|答辩状)(?:的)?(?:落款|签字|签章|盖章)(?:怎么|咋|如何)(?:写|弄|盖|签)` +
		`|(?:上诉状|上诉书|答辩状)(?:要不要|需不需要|是否要|用不用)(?:法定代表人|法人|局长|负责人)?(?:签字|签名|盖章|盖公章)`)
	// answerPeriodRe asks how long the defendant has to answer a suit.
	answerPeriodRe = mustCompile(`(?:答辩期|答辩期限|答辩举证期限|举证期限|答辩的期限|答辩时间|举证期)` + howLong +
		`|(?:答辩状|答辩材料|证据)(?:要|得|应当|必须)?(?:在)?(?:多少天|几天|多久|多长时间)(?:之?内|以内)?(?:要|得)?(?:交|提交|递交|报送)` +
		`|(?:收到)?(?:起诉状副本|应诉通知书?)(?:以?后)?(?:多少天|几天|多久|多长时间)(?:之?内|以内)?(?:要|得)?(?:答辩|交答辩状|举证|提交)`)
	// appealPrepRe asks what a second-instance or retrial court needs (a
	// general checklist).
	appealPrepRe = mustCompile(`(?:二审|上诉|再审|高院|高级法院|中院|中级法院|上级法院)(?:的案子|案件|开庭|阶段|程序)?(?:要|需要|得|应该|应当)?(?:准备|提交|带|交|备)(?:些)?(?:什么|哪些|啥)(?:材料|东西|手续|资料)?` +
		`|(?:二审|上诉|再审|高院|高级法院|中院|中级法院|上级法院)(?:要|需要|得)?(?:什么|哪些|啥)(?:材料|手续|资料)`)
	// reconPeriodRe asks the periods of a reconsideration.
	reconPeriodRe = mustCompile(`(?:复议|行政复议)(?:的)?(?:期限|时限|答复期|答复期限|决定期限|答复|决定|申请期限|申请期)` + howLong +
		`|(?:复议|行政复议)(?:要|得|一般)?(?:多少天|几天|多久|多长时间)(?:之?内|以内)?(?:答复|作出决定|出结果|出决定|决定|办结|结案|申请)?` +
		`|(?:多少天|几天|多久|多长时间)(?:之?内|以内)?(?:可以|能|要)?(?:申请|提出|提起)(?:行政)?复议`)
	// withdrawCorrectionRe asks whether a withdrawal counts as a correction
	// (撤诉算不算实质纠错, 改变行为后撤诉算纠错吗, 实质纠错怎么算).
	withdrawCorrectionRe = mustCompile(`撤诉.{0,8}(?:算不算|算|是不是|属不属于|属于|计入|能不能算|视为|当作)(?:是|作|为)?(?:实质)?(?:性)?(?:纠错|纠正|化解)` +
		`|实质(?:性)?(?:纠错|纠正)(?:是什么|怎么算|咋算|如何计算|指什么|什么意思|包括|包不包括|含不含|算不算)`)
)

// AsksRulingAppeal reports whether a procedure question asks if a ruling
// (驳回起诉, 不予立案) may be appealed at all, so that the answer says yes
// first.
func AsksRulingAppeal(text string) bool {
	return rulingAppealRe.MatchString(strings.ReplaceAll(Normalize(text), " ", ""))
}

// asksProcedure reads a procedure question in t (normalized, without
// spaces and sentence punctuation, no digits).
func asksProcedure(t string) (RuleTopic, bool) {
	switch {
	case withdrawCorrectionRe.MatchString(t):
		return RuleWithdrawCorrec, true
	case appealSignRe.MatchString(t):
		return RuleAppealSign, true
	case appealPrepRe.MatchString(t):
		return RuleAppealPrep, true
	case appealPeriodRe.MatchString(t) || rulingAppealRe.MatchString(t):
		return RuleAppealPeriod, true
	case answerPeriodRe.MatchString(t):
		return RuleAnswerPeriod, true
	case reconPeriodRe.MatchString(t):
		return RuleReconPeriod, true
	}
	return "", false
}
