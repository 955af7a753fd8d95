package intent

import (
	"strings"
)

// A rule question asks how the work is counted or done (撤诉算不算败诉,
// 书面审理要不要出庭, 败诉率怎么算), not what the ledger holds: its answer is
// the rule, never a count of the cases that happen to match its words
// (which is what the ordinary reading gave: "2026年撤诉败诉案件：0 件").

// RuleTopic names what a rule question is about.
type RuleTopic string

// The rule topics.
const (
	RuleLoss       RuleTopic = "loss"       // 撤诉算不算败诉: whether a 结案方式 is a loss
	RuleCorrection RuleTopic = "correction" // 复议维持算纠错吗: whether a decision is a correction
	RuleWritten    RuleTopic = "written"    // 书面审理要不要出庭
	RuleLength     RuleTopic = "length"     // 以案说法有字数要求不
	RuleRate       RuleTopic = "rate"       // 败诉率怎么算
	RuleStandIn    RuleTopic = "stand-in"   // 负责人不能出庭可以让别人去吗
	RuleChange     RuleTopic = "change"     // 如果法院改期了要怎么办, 延期了要重新报吗
	RuleAbsent     RuleTopic = "absent"     // 不出庭会咋样: what follows when nobody (or no head) appears
	RuleLost       RuleTopic = "lost"       // 要是败诉了会怎样: what follows a loss
	RuleRepeat     RuleTopic = "repeat"     // 上次去过了 这次还必须去吗: once per 审级 (第7条)
	RuleExcuse     RuleTopic = "excuse"     // 说明理由了算不算出庭: no, a reason for not appearing (第8–9条)
	RuleNotice     RuleTopic = "notice"     // 出庭通知书和身份证明要怎么弄 (第5–6条)
	RuleDeputy     RuleTopic = "deputy"     // 是不是必须局长本人去 副局长行不行 (第2条)
	RuleSanction   RuleTopic = "sanction"   // 我没去 会不会被发建议 (第12条)
	RuleAdviceDue  RuleTopic = "advice-due" // 这个建议要多久回复: a 检察建议's two months, a 司法建议's configured days
	RuleAnonymize  RuleTopic = "anonymize"  // 原告名字是不是要打码: the 隐名 rule for what is published (以案说法)
)

// RuleQuestion is a rule question as read: its topic and, for RuleLoss and
// RuleCorrection, the 结案方式 it names in the contract's vocabulary
// (cases.Outcome names); for RuleRate, the rate.
type RuleQuestion struct {
	Topic   RuleTopic
	Outcome string
	Rate    Rate
}

var (
	// countsAsRe asks whether something counts as a loss or a correction,
	// at the end of the message: 算不算败诉, 算败诉吗, 是不是也算输,
	// 属于纠错吗. Anchored at the end so that a count (算败诉的有几个) is
	// not taken for one.
	countsAsRe = mustCompile(`(?:算不算|算没算|是不是|属不属于|计不计入|计不计|能不能算|算|计入|计为|算作|算是|视为|属于|当作|当成)` +
		`(?:是|也|就|作|为|算)*(败诉|输|败|胜诉|赢|被纠错|纠错)(?:了)?(?:的)?(?:案件|案子|一类|那种)?` +
		`(?:吗|么|不|没|呢|吧|嘛|啊|呀|没有|不算|还是不算|还是胜诉|还是败诉|\?)*$`)
	// bareCountsRe is 算不算 right after an outcome (撤诉的算不算, 驳回起诉那个算吗).
	bareCountsRe = mustCompile(`(?:撤诉|撤回起诉|驳回起诉|不予立案|驳回诉讼请求|驳回请求)(?:的|那个|这个|那件|这种)*(?:算不算|算吗|能算吗|算不)`)
	// bareCountsNotRe is another question beside it: a count (输了几个 撤诉的
	// 算不算 is the count, then the rule) or a measure named (算不算实质纠错).
	bareCountsNotRe = mustCompile(`几|多少|纠错|实质|出庭`)
	// writtenRe asks whether a case heard on the papers needs anyone there.
	writtenRe = mustCompile(`书面审理.{0,8}(?:出庭|到庭|到场|开庭|去|参加|负责人)|(?:出庭|到场|开庭).{0,6}书面审理`)
	// ruleLengthRe asks how long a 以案说法 should be.
	ruleLengthRe     = mustCompile(`(?:以案说法|以案释法).{0,10}(?:字数|多少字|多少个字|几个字|几千字|多长|篇幅)|(?:字数|篇幅).{0,8}(?:以案说法|以案释法)`)
	ruleLengthWordRe = mustCompile(`要求|规定|限制|标准|合适|一般|上限|下限|多少字|多长`)
	// rateHowRe asks how a rate is computed.
	rateHowRe = mustCompile(`(败诉率|出庭率|出庭应诉率|纠错率|调撤率|撤诉率|判决口径)(?:是|到底|具体)*(?:怎么|咋个|咋|如何|怎样)(?:个)?(?:算|计算|统计|来的|得出)|` +
		`(败诉率|出庭率|出庭应诉率|纠错率|调撤率|撤诉率)的?(?:口径|算法|计算方法|计算公式|公式|分母|分子)|` +
		`(?:怎么|咋个|咋|如何)(?:算|计算|统计)(败诉率|出庭率|出庭应诉率|纠错率|调撤率|撤诉率)`)
	// standInAskRe asks whether a head who cannot appear may send someone
	// else (负责人不能出庭的话可以让别人去吗): a question in the third person,
	// not a head's own news (我去不了 让王副局长去).
	standInAskRe = mustCompile(`(?:负责人|领导|局长|县长|主要负责人)(?:确实|实在)?(?:不能|没法|无法|去不了|来不了|出不了庭|参加不了)(?:出庭|去|到庭)?.{0,6}` +
		`(?:让|叫|找|派|委托|换)(?:别人|其他人|别的人|其他负责人|工作人员|律师|副职|副局长|人)(?:去|代|替|出庭|参加)?.{0,4}(?:吗|不|么|行不|可以|能不能|可不可以|行吗)`)
	// headCannotHowRe asks, in the third person, what to do when the head
	// cannot appear (负责人不能出庭怎么办, 领导去不了出庭该咋办): the
	// stand-in rule, never news of one hearing.
	headCannotHowRe = mustCompile(`^(?:那|请问|如果|要是|万一)?(?:行政机关)?(?:的)?(?:负责人|领导|局长|县长|主要负责人|一把手)(?:确实|实在|临时)?(?:不能|没法|无法|去不了|来不了|出不了庭|参加不了)(?:出庭|去|到庭|应诉|出庭应诉)?(?:了)?(?:的话)?` +
		`(?:该|要|应该|需要|得)?(?:怎么办|咋办|怎么处理|如何处理|怎么弄|咋弄|走什么程序|有什么程序|要走什么手续|什么手续|要什么手续)(?:呢|啊|呀|\?)*$`)
	// aloneAskRe asks whether someone who is no 负责人 may appear alone
	// (第二次能不能我一个人去, 负责人不去 承办人自己去行不行, 只派律师去可以吗):
	// the stand-in rule.
	aloneAskRe = mustCompile(`(?:(?:只|仅|就)(?:派|让|委托|叫)?(?:律师|代理人|承办人|工作人员)|(?:承办人|工作人员|律师|我)(?:一个人|单独|自己))(?:去|出庭|参加|到庭)?` +
		`(?:开庭)?(?:的话)?(?:行不行|可不可以|能不能|可以吗|行吗|可以不|行不|成不成|算不算)|(?:能不能|可不可以|可以)(?:只|仅)?(?:让|派)?(?:我|承办人|律师|工作人员)(?:一个人|单独|自己)(?:去|出庭)`)
	digitRe = mustCompile(`\d`)
	// hypotheticalRe asks what to do if something happened (要是下周去不了
	// 怎么办, 如果法院改期了要怎么办): a question, never news to relay; the
	// middle says which rule answers it.
	hypotheticalRe = mustCompile(`(?:要是|如果|万一|假如|假设|若是|倘若)(.{1,16}?)(?:的话)?(?:那)?(?:我们|我)?(?:该|要|应该|需要)?(?:怎么办|咋办|怎么处理|如何处理|怎么弄|咋弄|怎么搞|咋搞|怎么整|怎么操作|走什么程序|有什么程序)`)
	hypoCannotRe   = mustCompile(`去不了|来不了|去不成|不能出庭|出不了庭|无法出庭|没法出庭|参加不了|不能去|没法去|没空|没时间|有事|有会|开会|出差|冲突|病了|生病`)
	hypoChangeRe   = mustCompile(`改期|推迟|延期|延后|改时间|取消|不开了|不开庭|另行通知`)
	// absentWhatRe asks what follows when the head (or anyone) does not
	// appear (不出庭会咋样, 负责人不出庭有什么后果, 没去出庭会被通报吗): a
	// question about the rule, anchored at its end so that news (孙局明天
	// 不出庭) and a list (不出庭的有哪些) are not taken for one.
	absentWhatRe = mustCompile(`(?:不出庭|没出庭|未出庭|不去出庭|不到庭|没到庭|拒不到庭|缺席|不去开庭|不参加庭审|不出庭应诉)(?:了)?(?:的话|的)?` +
		`(?:会|要|有|能|需要)*(?:咋样|怎样|怎么样|怎么着|咋办|怎么办|什么后果|啥后果|哪些后果|后果|什么影响|啥影响|影响|被追责|被通报|被处分|受处分|被问责|扣分|` +
		`(?:承担|负)(?:什么|啥|哪些)?(?:法律)?责任|什么责任|啥责任)` +
		`(?:吗|么|不|呢|啊|呀|嘛|没有|\?)*$`)
	// lostWhatRe asks what follows a loss (要是败诉了会怎样, 输了会咋样,
	// 败诉了要干啥): anchored at the end, and needing a consequence word,
	// so that 败诉了几件 or 败诉的有哪些 stay counts.
	lostWhatRe = mustCompile(`(?:败诉|输了|被判输|官司输|被撤销|被判撤销|被纠错)(?:了)?(?:的话|的)?(?:那)?(?:我们|单位)?(?:会|要|有|该|得|需要)*` +
		`(?:咋样|怎样|怎么样|怎么着|咋办|怎么办|什么后果|啥后果|哪些后果|后果|什么影响|啥影响|影响|干啥|干什么|做什么|做啥|走什么程序|被追责|被通报|扣分|` +
		`(?:不要|不用|需不需要)?(?:写|报|交|报送|提交)?(?:整改报告|整改材料|整改))` +
		`(?:吗|么|不|呢|啊|呀|嘛|\?)*$`)
	// hypoWhatRe asks what follows if something happens (要是出庭负责人临时
	// 去不了会怎样): the middle says which rule answers it.
	hypoWhatRe = mustCompile(`(?:要是|如果|万一|假如|假设|若是|倘若)(.{1,16}?)(?:的话)?(?:那)?(?:会|要|有)*(?:怎样|咋样|怎么样|怎么着|什么后果|啥后果|后果|什么影响|啥影响|影响)(?:吗|么|呢|啊|呀|\?)*$`)
	hypoLostRe = mustCompile(`败诉|输|被撤销|被纠错|判撤`)
	// changeAgainRe asks whether a moved hearing must be reported or
	// arranged again (延期了要重新报吗, 改期的话出庭负责人要重新报不): the
	// change rule, never news of a change.
	changeAgainRe = mustCompile(`(?:延期|改期|推迟|延后|改时间|换时间)(?:了)?(?:的话)?.{0,8}(?:要|需要|用|得|还要|还得)(?:不要)?(?:重新|再|另外)(?:报|上报|报送|报备|登记|备案|提交|申请|确认|安排|通知)`)
	// swapAskRe asks whether the head may be replaced (可以换人吗, 能不能换个
	// 人出庭, 换人可以不): the stand-in rule, not a substitution made.
	swapAskRe = mustCompile(`^(?:那|我|这个|明天|那天)?(?:可以|能|能不能|可不可以|可否|能否|允许)(?:换人|换个人|换别人|换一个人|让别人|叫别人|找人|派人|找别人|请人)(?:去|出庭|代|替|代替)?(?:吗|不|么|嘛|没)?$|^换(?:个)?人(?:出庭|去)?(?:可以|行|能行)(?:吗|不|么|嘛)?$`)
)

// countThenRuleRe is a count of losses or corrections followed by whether
// one 结案方式 counts (我们局今年输了几个 撤诉的算不算): the count, then the
// rule; the 结案方式 is no filter of the count.
var (
	countThenRuleRe = mustCompile(`^(.*?(?:输|败诉|败|被纠错|纠错|被撤|撤了|撤销).*?(?:几|多少).*?)[，,。；;\s]*(?:那|但是?|那么|这里|其中)?([^，,。；;\s]{2,12}?)(?:的|那种|那类)?(?:也|都|就)?(?:算不算|算吗|算不|算没|算没算|算进去了?吗|算进去没|算在内吗|算在里面吗|包括吗|包不包括|包含吗|含不含|计不计|计入了?吗|计进去了?吗)(?:在内|进去)?[吗呢啊呀嘛?？]*$`)
)

// CountThenRule reads a count followed by whether a 结案方式 counts: the
// count's words and the rule question. ok is false for anything else.
func CountThenRule(text string) (count string, q RuleQuestion, ok bool) {
	t := strings.TrimSpace(Normalize(text))
	m := countThenRuleRe.FindStringSubmatch(t)
	if m == nil {
		return "", RuleQuestion{}, false
	}
	correction := strings.Contains(m[1], "纠错") || strings.Contains(m[1], "复议")
	for _, p := range outcomePhrases {
		if !p.re.MatchString(m[2]) {
			continue
		}
		if correction && p.correction != "" {
			return m[1], RuleQuestion{Topic: RuleCorrection, Outcome: p.correction}, true
		}
		if !correction && p.loss != "" {
			return m[1], RuleQuestion{Topic: RuleLoss, Outcome: p.loss}, true
		}
	}
	return "", RuleQuestion{}, false
}

// The 出庭 rules of 法释〔2020〕3号 asked in a head's words.
var (
	repeatRuleRe = mustCompile(`(?:上次|上回|之前|前面|第一次|头一次|已经|以前)(?:已经)?(?:去过|出过庭|出庭过|到过庭|出了庭|来过|参加过|去了)(?:了)?.{0,10}(?:这次|这回|下次|第二次|再开|再次|还)(?:还|也)?(?:必须|要|得|需要|用|要不要|需不需要|用不用|是不是)?(?:要)?(?:去|出庭|到庭|参加|来)|` +
		`(?:第二次|再次|又|二次)开庭.{0,6}(?:还要|还得|还用|要不要|需不需要|还需要|用不用)(?:负责人|领导|局长)?(?:去|出庭|到庭)`)
	excuseRuleRe = mustCompile(`(?:说明(?:了)?理由|请假|请了假|报了假|写了(?:情况)?说明|有正当理由|交了说明|提交了说明|说明了情况)(?:了)?.{0,6}(?:算不算|算|能不能算|可不可以算|算没算)(?:是|作)?(?:出庭|出了庭|已出庭|出庭了)`)
	noticeRuleRe = mustCompile(`(?:出庭通知书|身份证明|出庭证明|负责人身份证明|法定代表人身份证明).{0,12}(?:怎么|咋|如何|要不要|需不需要|需要|啥|什么|哪里|谁|样稿|模板|格式|范本)`)
	// deputyWords are the deputy leaders of an agency a head may send.
	deputyWords  = `(?:副(?:局长|县长|镇长|乡长|主任|区长|处长|队长|书记)|常务副\p{Han}{1,2}|分管(?:的|这块的|这项工作的)?(?:副局长|领导|副县长|负责人|局长)|政委|副政委)`
	deputyRuleRe = mustCompile(`(?:副局长|副职|副县长|副镇长|副主任|分管(?:的)?(?:领导|副局长|负责人|局长)|常务副\p{Han}{0,2})(?:去|出庭|来|代替|替)?(?:行不行|可以吗|可以不|行吗|可不可以|能不能|算不算|算吗|能算|也行吗|也可以吗|能行吗)|` +
		`(?:是不是|是否|是)(?:必须|一定要|只能|非得|得)(?:局长|一把手|正职|主要负责人|县长|镇长|主任)(?:本人|亲自)?(?:去|出庭|到庭)|` +
		// 能不能换个副县长去, 可以派分管的副局长出庭吗, 让政委替我去行吗: a
		// deputy leader named as the one to go (a 负责人 under 第2条); with
		// no hearing named (明天的庭我让政委代我去 is news of that hearing).
		`^[^庭]*(?:能不能|可不可以|可以|能否|可否|行不行)(?:换|派|让|叫|找|安排)(?:个|一个|一位|名)?` + deputyWords + `(?:去|出庭|代替|替我|代我|替)[^庭]*$|` +
		`^[^庭]*(?:换|派|让|叫|安排)(?:个|一个|一位)?` + deputyWords + `(?:替我|代我|代替我?|替)(?:去|出庭)[^庭]*$`)
	adviceDueRuleRe = mustCompile(`(?:检察建议|司法建议|建议)书?.{0,6}(?:多久|多长时间|几天|几个月|期限|时限)(?:之?内)?(?:要|得|需要|必须)?(?:回复|答复|反馈|回函)|` +
		`(?:回复|答复|反馈)(?:检察建议|司法建议|建议)的?(?:期限|时限|时间)`)
	// anonymizeRuleRe asks whether a person's name or details must be
	// hidden in what is written up (原告名字是不是要打码, 当事人能写全名吗,
	// 身份证号要不要删): the 隐名 rule, never a search for a party.
	anonymizeRuleRe = mustCompile(`(?:名字|姓名|真名|全名|真实姓名|人名|实名|身份证|住址|家庭地址|电话|手机号|个人信息|隐私)` +
		`[^，,。]{0,8}?(?:写全|写出来|写真|写实名|出现|公开|露出来|露|保留|打码|打上码|隐|脱敏|匿名|遮|去掉|删掉|删|处理|马赛克|码掉)|` +
		`(?:打码|隐名|脱敏|匿名化?)[^，,。]{0,4}?(?:规定|要求|规则|标准|依据|怎么弄|怎么做|怎么处理)`)
	// anonymizeNotRe asks a party's name itself (原告叫什么名字) or the
	// directory's people: not the rule.
	anonymizeNotRe = mustCompile(`叫什么|叫啥|是谁|是什么|是啥|哪个|通讯录|名单|台账里`)
	// anonymizeAskRe makes it a question (是不是要, 能不能, 吗), not an
	// instruction for a draft (把名字都去掉).
	anonymizeAskRe = mustCompile(`是不是|是否|要不要|需不需要|用不用|得不得|该不该|能不能|可不可以|可以不|行不行|怎么|如何|有什么|有啥|吗|么|嘛|呢|[?？]`)
	sanctionRuleRe = mustCompile(`(?:会不会|会否|是否会|会|要不要|会被)(?:也|因此)?(?:被)?(?:法院)?(?:发|提|提出|下|收到)(?:个)?(?:司法)?建议`)
)

// outcomePhrases name a 结案方式 as people say it, most specific first;
// loss is the litigation vocabulary, correction the reconsideration one.
var outcomePhrases = []struct {
	re               *pattern
	loss, correction string
}{
	{mustCompile(`(?:改变|改了|纠正|撤回|撤销了?)(?:原)?(?:行政)?(?:行为|决定|处罚).{0,10}撤诉|撤诉.{0,12}(?:改变|纠正|改了|自己改)`), "改变行为后撤诉", ""},
	{mustCompile(`按撤诉处理`), "按撤诉处理", ""},
	{mustCompile(`撤诉|撤回起诉|撤案`), "准许撤诉", ""},
	{mustCompile(`撤回(?:复议)?申请`), "", "终止"},
	{mustCompile(`驳回起诉`), "裁定驳回起诉", ""},
	{mustCompile(`不予立案|不立案`), "裁定不予立案", ""},
	{mustCompile(`驳回(?:诉讼)?请求|驳回诉请`), "判决驳回诉讼请求", ""},
	{mustCompile(`驳回(?:复议)?申请`), "", "驳回复议申请"},
	{mustCompile(`驳回上诉|维持原判`), "驳回上诉维持原判", ""},
	{mustCompile(`发回重审`), "发回重审", ""},
	{mustCompile(`改判`), "改判", ""},
	{mustCompile(`确认违法`), "判决确认违法", "确认违法"},
	{mustCompile(`确认无效`), "判决确认无效", "确认无效"},
	{mustCompile(`部分撤销`), "判决部分撤销", "撤销"},
	{mustCompile(`撤销|判撤`), "判决撤销", "撤销"},
	{mustCompile(`责令履行|履行(?:法定)?职责|判履行`), "判决履行法定职责", "责令履行"},
	{mustCompile(`给付`), "判决给付", ""},
	{mustCompile(`赔偿`), "判决赔偿", ""},
	{mustCompile(`变更`), "判决变更", "变更"},
	{mustCompile(`调解`), "调解", "调解"},
	{mustCompile(`和解`), "调解", "和解"},
	{mustCompile(`终结`), "终结", ""},
	{mustCompile(`终止`), "", "终止"},
	{mustCompile(`维持`), "", "维持"},
}

// ruleStrip is built once, not on every call (building a Replacer allocates).
var ruleStrip = strings.NewReplacer(" ", "", "？", "?", "。", "", "，", "", ",", "", "！", "", "!", "")

// AsksRule reads a rule question; ok is false for any other message. A
// message naming a case (any digit) asks about that case, not the rule.
func AsksRule(text string) (RuleQuestion, bool) {
	t := ruleStrip.Replace(Normalize(text))
	if t == "" || digitRe.MatchString(t) {
		return RuleQuestion{}, false
	}
	if m := countsAsRe.FindStringSubmatchIndex(t); m != nil {
		what, before := t[m[2]:m[3]], t[:m[0]]
		correction := what == "纠错" || what == "被纠错" || strings.Contains(before, "复议")
		for _, p := range outcomePhrases {
			if !p.re.MatchString(before) {
				continue
			}
			if correction && p.correction != "" {
				return RuleQuestion{Topic: RuleCorrection, Outcome: p.correction}, true
			}
			if !correction && p.loss != "" {
				return RuleQuestion{Topic: RuleLoss, Outcome: p.loss}, true
			}
		}
	}
	if bareCountsRe.MatchString(t) && !bareCountsNotRe.MatchString(t) {
		// 朱十九那个撤诉的算不算 交通局自己改了决定人家才撤的: an outcome and
		// 算不算 with no 败诉 said asks whether it counts as a loss.
		for _, p := range outcomePhrases {
			if p.loss != "" && p.re.MatchString(t) {
				return RuleQuestion{Topic: RuleLoss, Outcome: p.loss}, true
			}
		}
	}
	if topic, ok := asksProcedure(t); ok {
		return RuleQuestion{Topic: topic}, true
	}
	if writtenRe.MatchString(t) {
		return RuleQuestion{Topic: RuleWritten}, true
	}
	for _, r := range []struct {
		re    *pattern
		topic RuleTopic
	}{{repeatRuleRe, RuleRepeat}, {excuseRuleRe, RuleExcuse}, {noticeRuleRe, RuleNotice}, {deputyRuleRe, RuleDeputy}, {sanctionRuleRe, RuleSanction}, {adviceDueRuleRe, RuleAdviceDue}} {
		if r.re.MatchString(t) {
			return RuleQuestion{Topic: r.topic}, true
		}
	}
	if anonymizeRuleRe.MatchString(t) && anonymizeAskRe.MatchString(t) && !anonymizeNotRe.MatchString(t) {
		return RuleQuestion{Topic: RuleAnonymize}, true
	}
	if ruleLengthRe.MatchString(t) && ruleLengthWordRe.MatchString(t) {
		return RuleQuestion{Topic: RuleLength}, true
	}
	if m := rateHowRe.FindStringSubmatch(t); m != nil {
		name := m[1] + m[2] + m[3]
		rate := map[string]Rate{"败诉率": LossRate, "判决口径": JudgedLossRate, "出庭率": AppearanceRate, "出庭应诉率": AppearanceRate,
			"纠错率": CorrectionRate, "调撤率": WithdrawalRate, "撤诉率": WithdrawalRate}[name]
		return RuleQuestion{Topic: RuleRate, Rate: rate}, true
	}
	if standInAskRe.MatchString(t) || swapAskRe.MatchString(t) || headCannotHowRe.MatchString(t) || aloneAskRe.MatchString(t) {
		return RuleQuestion{Topic: RuleStandIn}, true
	}
	if absentWhatRe.MatchString(t) {
		return RuleQuestion{Topic: RuleAbsent}, true
	}
	if lostWhatRe.MatchString(t) {
		return RuleQuestion{Topic: RuleLost}, true
	}
	if changeAgainRe.MatchString(t) {
		return RuleQuestion{Topic: RuleChange}, true
	}
	if m := hypoWhatRe.FindStringSubmatch(t); m != nil {
		switch {
		case hypoChangeRe.MatchString(m[1]):
			return RuleQuestion{Topic: RuleChange}, true
		case hypoCannotRe.MatchString(m[1]) || strings.Contains(m[1], "不出庭") || strings.Contains(m[1], "没出庭"):
			return RuleQuestion{Topic: RuleAbsent}, true
		case hypoLostRe.MatchString(m[1]):
			return RuleQuestion{Topic: RuleLost}, true
		}
	}
	if m := hypotheticalRe.FindStringSubmatch(t); m != nil {
		switch {
		case hypoChangeRe.MatchString(m[1]):
			return RuleQuestion{Topic: RuleChange}, true
		case hypoCannotRe.MatchString(m[1]):
			return RuleQuestion{Topic: RuleStandIn}, true
		}
	}
	return RuleQuestion{}, false
}

// Split is how a follow-up asks the last figure to be split.
type Split string

// The splits.
const (
	SplitMonth  Split = "month"  // 按月分一下
	SplitAgency Split = "agency" // 按单位分, 各单位的呢
)

// splitRe is a whole message that asks only for the last figure split
// (按月分一下, 分单位看看, 那按局排一下呢, 每个月的呢): it names no figure
// of its own, so it splits the one just given.
var splitRe = mustCompile(`^(?:那|那么|再|麻烦|帮我|请|你)*(?:按|分|按照)(月份|月|被告单位|单位|局|部门)(?:来)?(?:分|拆|统计|列|看|排|排序|排名|显示)?` +
	`(?:个序|一下|下|一哈|看看|看|呢|吧|哈|嘛|啊|行吗|可以吗|行不|呀)*$|` +
	`^(?:那|那么)?(每个月|各月|逐月|每月|各单位|每个单位|各个单位|各局|每个局)(?:的|分别)?(?:呢|是多少|多少|情况|看看|列一下)*$`)

// splitStrip is built once, not on every call (building a Replacer allocates).
var splitStrip = strings.NewReplacer(" ", "", "？", "", "?", "", "。", "", "，", "", ",", "", "！", "", "!", "")

// SplitAsked reads a message that asks only for the last figure split by
// month or by agency.
func SplitAsked(text string) (Split, bool) {
	t := splitStrip.Replace(Normalize(text))
	m := splitRe.FindStringSubmatch(t)
	if m == nil {
		return "", false
	}
	if w := m[1] + m[2]; strings.Contains(w, "月") {
		return SplitMonth, true
	}
	return SplitAgency, true
}

// retractRe is a whole message that takes back what the sender just said
// or reported (刚才说错了，不是改期; 搞错了 那条不算; 刚才那条作废; 发错了):
// an admission with, at most, what was wrong (不是改期, 没有推迟, 那条不算),
// and nothing that says what is right instead (哦说错了 是明天的 corrects
// the last question, read elsewhere).
var retractRe = mustCompile(`^(?:不好意思|抱歉|对不起|哦|噢|啊|嗯|不对)*(?:我)?(?:刚才|刚刚|刚|上一条|上条|前面)?(?:我)?(?:说错了|搞错了|弄错了|发错了|报错了|写错了|打错了|说错|搞错|弄错|发错|报错|写错)` +
	`(?:了)?(?:不好意思|抱歉|对不起)*(?:不是改期|不是推迟|不是延期|不是取消|没有改期|没改期|没有推迟|没推迟|没有延期|没延期|没有取消|没取消|不改期了|不改了|不推迟了|不取消了|不延期了|没变|没有变|照常开|照常|还是原来的时间|时间没变|那条不算|那个不算|不算|作废|撤回|别登记|不用登记|先别登|请忽略|忽略|我能去|我可以去|能去|我去得了|能出庭|照常出庭|我照常去)*(?:了|的|哈|啊|吧|哦)*$|` +
	`^(?:刚才|刚刚|上一条|上条|前面)(?:那条|那个|说的|报的|发的)(?:消息)?(?:作废|撤回|不算|请忽略|忽略|说错了|搞错了|弄错了|不对)(?:了|哈|啊|吧)*$|` +
	`^(?:撤回|作废)(?:刚才|刚刚|上一条|上条)(?:那条|的|说的|报的)?(?:消息)?(?:了|哈|吧)*$`)

// retractStrip is built once, not on every call (building a Replacer allocates).
var retractStrip = strings.NewReplacer(" ", "", "？", "", "?", "", "。", "", "，", "", ",", "", "！", "", "!", "", "、", "", "~", "")

// Retracts reports whether text only takes back what the sender just said
// or reported.
func Retracts(text string) bool {
	t := retractStrip.Replace(Normalize(text))
	return t != "" && retractRe.MatchString(t)
}
