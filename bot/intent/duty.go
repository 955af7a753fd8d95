package intent

import (
	"regexp"
	"slices"
	"strings"
)

// A duty question asks, of one case, yes/no or which about what its rules
// require or how it is counted: 23号那个再审要我们领导去吗, 那个庭负责人不用去吧
// (must the head appear), 卫十四那个我也没去 算不算没出庭 (how the recorded
// attendance counts), 85号算11月还是12月的 (which month's figures), 通报里要
// 不要点名 (what the bulletin prints of it), 原因分析让周洁写就行了吧 我还要签字
// 吗 (what 一案一整改 asks and of whom), 那还要不要写情况说明 (the written
// statement of a head who does not appear). It is read as a topic word and a
// question form in the same clause — the product of the two, not a list of
// sentences — so that another wording of the same need is read too; which
// case it is about is the ordinary reading's (a number, a party, a day, the
// case in focus).

// DutyTopic names what a duty question asks of its case.
type DutyTopic string

// The duty topics.
const (
	DutyAppear   DutyTopic = "appear"   // 要不要负责人去, 不用去吧: must the head appear at its next hearing
	DutyCounted  DutyTopic = "counted"  // 算不算没出庭, 算出庭吗: how its recorded attendance counts
	DutyMonth    DutyTopic = "month"    // 算11月还是12月, 算哪个月: which month's figures it enters
	DutyBulletin DutyTopic = "bulletin" // 通报里要不要点名, 会不会被通报: what the bulletin prints of it
	DutySign     DutyTopic = "sign"     // 还要我签字吗: whether the head signs
	DutyRectify  DutyTopic = "rectify"  // 原因分析让周洁写就行吧, 要不要写整改报告: what 一案一整改 asks and of whom
	DutyExplain  DutyTopic = "explain"  // 要不要写情况说明: the statement of a head who does not appear
	DutyPapers   DutyTopic = "papers"   // 要不要交身份证明: the head's identity paper and the court's notice
	DutyFiled    DutyTopic = "filed"    // 说明交法院了没, 身份证明交了没: a paper the ledger does not track
)

// The question forms, shared by every topic.
const (
	// dutyAnotA is an A-not-A question or its like (要不要, 算不算, 是不是).
	dutyAnotA = `(?:要不要|需不需要|需要不需要|用不用|得不得|必不必须|该不该|应不应该|应不应当|是不是|是否|会不会|能不能|可不可以|行不行|有没有必要|算不算|算没算|计不计)`
	// dutyModal is a modal or its negation before the verb (要, 还得, 不用).
	dutyModal = `(?:还要|还得|还需要|还用|还需|也要|也得|都要|一定要|需要|必须|应该|应当|不用|不需要|不必|无需|用不着|没必要|可以不|要|得|该|用|需)`
	// dutyEnd is a question's particle.
	dutyEnd = `(?:吗|么|嘛|吧|呢|不|没|没有|否|\?)`
)

var (
	// appearAskRe: an A-not-A form, at most six characters of who (我们领导,
	// 负责人, 县长) and the verb of appearing; or 去不去. appearModalRe: a
	// modal (要, 还得, 不用) in its place, which asks only with a particle
	// after the verb (要我们领导去吗, 不用去吧; 我要去法院 is no question).
	appearAskRe   = mustCompile(`(?:要不要|需不需要|需要不需要|用不用|得不得|必不必须|该不该|应不应该|应不应当|是不是|是否|有没有必要)` + `([^,.;!?\s]{0,6}?)(?:亲自|本人)?(?:去|出庭|到庭|到场|出席|露面|出面|参加庭审|参加)|(?:去不去|出不出庭|到不到庭|参不参加)()`)
	appearModalRe = mustCompile(dutyModal + `([^,.;!?\s]{0,6}?)(?:亲自|本人)?(?:去|出庭|到庭|到场|出席|露面|出面|参加庭审|参加)`)
	appearEndRe   = regexp.MustCompile(`^[^,.;!?\s]{0,8}?` + dutyEnd)
	// appearNotRe, right after the verb, makes it no question of duty:
	// 去不了 (news), 去了没 / 去过 (attendance), 去哪 (where).
	appearNotRe = regexp.MustCompile(`^(?:不了|不成|了没|了吗|了么|了没有|过|哪|年|世|率)`)
	// appearWhoRe in the who-part asks who, not whether: 要谁去.
	appearWhoRe = regexp.MustCompile(`谁|哪个|哪位|什么人|几个人|没|未`)
	// countedRe asks how an attendance counts: 算不算没出庭, 算出庭吗, 计不计
	// 入出庭率, 这样算缺席吗.
	countedRe = mustCompile(`(?:算不算|算没算|计不计|能不能算|算是|算作|视为|算|计)(?:是|作|为)?(?:我们?|负责人|领导)?(?:没有?|未|不|已经?|已)?(?:出庭|出了庭|到庭|出席|缺席)(?:了)?` +
		`|算(?:我|是)?出了(?:吧|吗|没|么)` + // 我昨天那个庭算出了吧: counted as appeared
		`|(?:算不算|计不计|算没算|算|计)(?:进|入|在)?(?:了)?(?:出庭率|出庭应诉率|出庭数)`)
	countedAskRe = mustCompile(dutyAnotA + `|算没|算不`)
	// justifiedRe asks whether an absence counts as justified (算不算无正当
	// 理由, 属于正当理由吗): how the recorded absence counts, too.
	justifiedRe = mustCompile(`(?:算不算|是不是|属不属于|算|属于)(?:是)?(?:无正当理由|有正当理由|正当理由)`)
	// papersRe is the head's identity paper or the court's notice.
	papersRe = mustCompile(`身份证明|出庭通知书|出庭通知|授权委托书|出庭材料|出庭手续`)
	// papersNeedRe asks whether they are needed (要不要交身份证明, 身份证明
	// 需要提前交吗, 收到出庭通知书了吗 is no such question).
	papersNeedRe = mustCompile(dutyAnotA + `|` + dutyModal + `[^,.;!?\s]{0,10}?` + dutyEnd)
	// monthRe asks which month's figures a case enters: 算11月还是12月,
	// 算哪个月, 算这个月的吗, 计入几月份.
	monthRe = mustCompile(`(?:算|计入|计在|算在|算到|计到|归到|归入|归|统计在|统计到|放在|进|记在|算进)(?:到)?(?:哪个月|哪一个月|几月|哪月|什么月份)` +
		`|(?:算|计入|计在|算在|算到|归到|归|统计在|进|是)(?:到)?` + dutyMonthWord + `(?:份)?(?:的)?(?:还是|或者|或是)(?:算)?(?:到)?` + dutyMonthWord +
		`|(?:算|计入|计在|算在|算到|统计在|算进|是不是)(?:到)?` + dutyMonthWord + `(?:份)?(?:的)?(?:通报|数据|统计|里|败诉数|败诉率|出庭率|审结数|结案数|败诉)?(?:吗|么|不|没|吧|呢|\?)` +
		`|(?:哪个月|几月份?)的?(?:通报|统计|数据)`)
	// bulletinRe asks what the bulletin prints of a case: 通报里要不要点名,
	// 会不会被通报, 通报上有没有它, 上不上通报.
	bulletinRe = mustCompile(`通报(?:里|上|中|里面|上面|中间)?(?:` + dutyAnotA + `|会|要|需要|得|有没有)(?:被)?(?:写|列|提|点名|点|体现|出现|写进|列进|列入|有|点出|通报)` +
		`|(?:` + dutyAnotA + `|会|要)(?:被)?(?:点名|点名通报|写进通报|列入通报|列进通报|上通报|进通报|通报)(?:吗|么|不|呢|\?)?` +
		`|(?:要不要|会不会|需不需要|该不该|用不用)(?:在)?通报(?:里|上|中)?(?:点名|点|写|提|列)` +
		`|(?:上不上|进不进|列不列|写不写)通报|通报(?:点不点名|写不写|列不列|提不提)`)
	// The topics of a duty to do something: the thing, then whether a
	// question about doing it (a need, who does it, or whether someone's
	// doing it is enough) is in the clause.
	signRe    = mustCompile(`签字|签名|签个字|签个名|签批|审签|签发|签一下|签章|盖章|盖公章|盖个章|盖一下章`)
	rectifyRe = mustCompile(`原因分析|整改报告|整改措施|整改材料|整改方案|整改情况|一案一整改|整改`)
	explainRe = mustCompile(`情况说明|书面说明|说明材料|不出庭(?:的)?说明|未出庭(?:的)?说明|不能出庭(?:的)?说明|缺席说明|请假说明|说明函|(?:写|交|出|提交|出具|报)(?:个|一个|一份|份)?说明`)
	// needRe is the question form of such a duty.
	needRe = mustCompile(dutyAnotA + `|` + dutyModal + `[^,.;!?\s]{0,8}?(?:写|报|交|填|做|弄|提交|报送|签|盖|出具)[^,.;!?\s]{0,10}?` + dutyEnd +
		`|(?:让|叫|由|给|交给|安排)[^,.;!?\s]{1,4}?(?:来)?(?:写|填|报|弄|做|交|填报|签)(?:就行|就可以|就好|行不行|可以吗|行吗|可不可以|吧|行不|可以不)` +
		`|(?:谁|哪个|哪位)(?:来)?(?:写|填|报|交|弄|负责|签)` +
		`|(?:就行了?|就可以了?|就好了?)(?:吧|吗|么|\?)`)
	// needNotRe is a question about the state or the way of it (交了没, 怎么
	// 写, 什么时候交) or a request to draft it: other answers.
	needNotRe = mustCompile(`(?:交|报|写|提交|报送|填|签|盖)(?:了|过|好了?)(?:没有|没|吗|么|没得)|交没交|报没报|写没写|签没签|怎么|咋|如何|什么时候|啥时候|哪天|几号|截止|起草|帮我写|帮忙写|给我写|替我写|拟一|草拟|上诉状|答辩状|上诉书|身份证明|出庭通知书|授权委托书`)
	// rectifyNeedRe is the question form of the report itself (要不要报,
	// 谁来写, 让周洁写就行吧), not only of signing it (整改报告要局长签字吗
	// asks the signature).
	rectifyNeedRe = mustCompile(`(?:要不要|需不需要|用不用|是不是|是否|该不该|得不得|还要不要)[^,.;!?\s]{0,8}?(?:写|报|交|填|做|弄|提交|报送)` +
		`|` + dutyModal + `[^,.;!?\s]{0,8}?(?:写|报|交|填|做|弄|提交|报送)[^,.;!?\s]{0,10}?` + dutyEnd +
		`|(?:让|叫|由|给|交给|安排)[^,.;!?\s]{1,4}?(?:来)?(?:写|填|报|弄|做|交|填报)` +
		`|(?:谁|哪个|哪位)(?:来)?(?:写|填|报|交|弄|负责)|(?:就行了?|就可以了?|就好了?)(?:吧|吗|么|\?)` +
		`|^[^签盖]*(?:要不要|需不需要|用不用|是不是|该不该)[^签盖]*$`)
	// filedRe asks whether a paper to the court was handed in (领导没出庭
	// 的说明交法院了没, 身份证明交了没): the ledger has no field for it.
	filedRe = mustCompile(`(?:身份证明|授权委托书|情况说明|书面说明|说明材料|说明)[^,.;!?\s]{0,8}?(?:交|提交|送|递交|报)(?:到|给|去)?(?:法院)?(?:了|过|上去了)(?:没有|没|吗|么|没得)?` +
		`|(?:身份证明|授权委托书|情况说明|书面说明|说明材料|说明)[^,.;!?\s]{0,8}?(?:交没交|送没送|报没报)`)
	// papersNotRe asks the state or the way of them (收到了吗, 交了没, 怎么写).
	papersNotRe = mustCompile(`(?:收到|交|送达|提交|开|准备)(?:了|过|好了?)(?:没有|没|吗|么)|怎么|咋|如何|模板|样稿|格式|范本`)
	// dutyClauseRe splits a message into clauses.
	dutyClauseRe = regexp.MustCompile(`[,.;!。，；！、\s]+`)
)

// dutyMonthWord is a month as said: 11月, 十一月, 本月, 上个月.
const dutyMonthWord = `(?:\d{1,2}|[一二三四五六七八九十]{1,3}|本|这个|上个|下个|当|上|下)月`

// JustifiedAsked reports whether text asks whether an absence counts as
// justified (算不算无正当理由).
func JustifiedAsked(text string) bool { return justifiedRe.MatchString(Normalize(text)) }

// DutyAsked reads the duty questions of a message, in the order of the
// topics (a message may ask two: 原因分析让周洁写就行了吧 我还要签字吗); ok is
// false when it asks none.
func DutyAsked(text string) ([]DutyTopic, bool) {
	t := Normalize(text)
	var out []DutyTopic
	add := func(d DutyTopic) {
		if !slices.Contains(out, d) {
			out = append(out, d)
		}
	}
	for _, cl := range dutyClauseRe.Split(t, -1) {
		if cl == "" {
			continue
		}
		if asksAppear(cl) {
			add(DutyAppear)
		}
		if countedRe.MatchString(cl) && (strings.ContainsAny(cl, "吗么?呢吧") || countedAskRe.MatchString(cl)) || justifiedRe.MatchString(cl) {
			add(DutyCounted)
		}
		if filedRe.MatchString(cl) {
			add(DutyFiled)
		}
		if papersRe.MatchString(cl) && papersNeedRe.MatchString(cl) && !papersNotRe.MatchString(cl) {
			add(DutyPapers)
		}
		if monthRe.MatchString(cl) {
			add(DutyMonth)
		}
		if bulletinRe.MatchString(cl) {
			add(DutyBulletin)
		}
		if needNotRe.MatchString(cl) || !needRe.MatchString(cl) {
			continue
		}
		if explainRe.MatchString(cl) {
			add(DutyExplain)
		}
		if rectifyRe.MatchString(cl) && rectifyNeedRe.MatchString(cl) {
			add(DutyRectify)
		}
		if signRe.MatchString(cl) {
			add(DutySign)
		}
	}
	return out, len(out) > 0
}

// asksAppear reports whether a clause asks whether someone must appear:
// a question form before the verb, the verb not followed by what makes it
// news or attendance (去不了, 去了没), and no who asked (要谁去).
func asksAppear(cl string) bool {
	for _, re := range []*pattern{appearAskRe, appearModalRe} {
		for _, m := range re.FindAllStringSubmatchIndex(cl, -1) {
			if m[2] >= 0 && appearWhoRe.MatchString(cl[m[2]:m[3]]) {
				continue
			}
			rest := cl[m[1]:]
			if appearNotRe.MatchString(rest) || re == appearModalRe && !appearEndRe.MatchString(rest) {
				continue
			}
			return true
		}
	}
	return false
}
