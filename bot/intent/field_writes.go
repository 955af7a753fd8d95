package intent

import (
	"strings"
	"time"
)

// FieldWrite reads two writes people type in free text rather than as
// commands: who appears at a hearing (登记 行初121 出庭人 张明 副局长,
// 行初124出庭的是王刚副局长, 我让王副局长去行不, 换周洁去出庭) and a deadline's
// work done (复47答复已经交了 帮我登记, 行初133答辩状今天交了). ok is false for
// anything else, a question above all (答辩状交了吗, 换成孙局了没). The case
// may be missing: the caller finds the hearing from the rest of the message
// or asks. Nothing is written without the caller's echo and 确认.
func FieldWrite(text string, o Options) (u Update, ok bool) {
	t := Normalize(text)
	// 让周洁去行不, 叫小王替我去可以吗: asking approval to send someone is a
	// proposal, not a question of fact; the ask is cut before the test.
	approval := false
	if loc := approvalRe.FindStringIndex(t); loc != nil {
		t, approval = strings.TrimSpace(t[:loc[0]]), true
	}
	t = CutChangeAsk(t) // 是赵副局长代的 要改吗: the stand-in, proposed
	if fieldAskRe.MatchString(t) {
		return u, false
	}
	if w, ok := dateWrite(t, o); ok {
		return w, true
	}
	if !strings.Contains(t, "出庭") && !strings.Contains(t, "去") && !strings.Contains(t, "参加") && !doneRe.MatchString(t) && !buttonDoneLooseRe.MatchString(t) && !standInPastRe.MatchString(t) && !standInForRe.MatchString(t) {
		return u, false // most messages: no word of either write, no number to parse
	}
	rest, one := u.caseIn(t, o)
	if !one {
		return u, false
	}
	if m := standInForRe.FindStringSubmatch(rest); m != nil {
		u.Kind, u.Held = SetHead, true
		u.Head, u.HeadPost = headOf(m[1], m[2])
		return u, u.Head != ""
	}
	if m := standInPastRe.FindStringSubmatch(rest); m != nil {
		// 陈局没去 派的副局长王刚: the head who did appear.
		u.Kind, u.Held = SetHead, true
		title := m[1]
		if title == "" {
			title = m[3]
		}
		u.Head, u.HeadPost = headOf(m[2], title)
		return u, u.Head != ""
	}
	if m := headSetRe.FindStringSubmatch(rest); m != nil {
		u.Kind = SetHead
		u.Head, u.HeadPost = headOf(m[1], m[2])
		return u, u.Head != ""
	}
	m := delegateRe.FindStringSubmatch(rest)
	if m == nil && approval {
		m = standInRe.FindStringSubmatch(rest) // 明天那个庭周洁代我去可以吗
		if m != nil {
			m[1] = strings.TrimLeft(m[1], "庭个的那这天了")
		}
	}
	if m != nil && !strings.Contains(m[1], "我") &&
		(strings.Contains(t, "庭") || strings.Contains(t, "应诉") || approval || standsInForMe(m[0]) || titledSentForDay(t, m, o)) { // 我让周洁去开会 is no hearing
		u.Kind, u.Delegated = SetHead, true
		u.Head, u.HeadPost = headOf(m[1], m[2])
		return u, u.Head != ""
	}
	m = doneRe.FindStringSubmatch(rest)
	if m == nil {
		m = buttonDoneRe.FindStringSubmatch(strings.TrimSpace(rest))
	}
	if m != nil {
		u.Kind = DeadlineDone
		for _, o := range doneObjects {
			if strings.Contains(m[1], o.word) {
				u.Deadline = o.kind
				break
			}
		}
		u.At = doneDay(rest, o)
		return u, u.Deadline != ""
	}
	return u, false
}

// titledSentForDay reports whether a sending (m, a delegateRe match of t)
// sends a titled head on a day the message names, with nothing after 去
// (明天我要去省里开会 让分管的刘建副局长去): the head's hearing that day, for the
// caller to find; 让王副局长去开会 sends them elsewhere.
func titledSentForDay(t string, m []string, o Options) bool {
	if m[2] == "" {
		return false
	}
	if _, _, ok := findPeriod(t, o.Now, nearest); !ok {
		return false
	}
	after := strings.TrimLeft(t[strings.Index(t, m[0])+len(m[0]):], " ，,。!！~")
	for _, p := range []string{"了", "吧", "啊", "哈", "的", "就行", "就可以", "可以"} {
		after = strings.TrimPrefix(after, p)
	}
	return strings.TrimLeft(after, " ，,。!！~") == ""
}

// CutChangeAsk returns the normalized t without a closing ask whether the
// ledger must change (要改吗, 需要更正吗) when what comes before it reports a
// stand-in head (陈局不是本人去的 是赵副局长代的): that message proposes the
// change, to be echoed and confirmed, and is no question of fact. Any other
// t comes back as it was.
func CutChangeAsk(t string) string {
	if loc := changeAskRe.FindStringIndex(t); loc != nil && loc[0] > 0 && (standInPastRe.MatchString(t[:loc[0]]) || standInForRe.MatchString(t[:loc[0]])) {
		return strings.TrimSpace(t[:loc[0]])
	}
	return t
}

// standsInForMe reports whether a sending names the head's own place (让周洁
// 替我去, 叫王副局长代我去): that is an appearance even with no 庭 said.
func standsInForMe(sent string) bool {
	return strings.Contains(sent, "替我") || strings.Contains(sent, "代我") || strings.Contains(sent, "代替我")
}

// doneDay is the day a piece of work was said to be done: 前天, 昨天, a date
// written, else today.
func doneDay(s string, o Options) time.Time {
	at := day(o.Now)
	switch {
	case strings.Contains(s, "前天"):
		return at.AddDate(0, 0, -2)
	case strings.Contains(s, "昨天") || strings.Contains(s, "昨日"):
		return at.AddDate(0, 0, -1)
	case strings.Contains(s, "今天") || strings.Contains(s, "今日"):
		return at
	}
	if d, _, found := findDate(s, o.Now, past); found {
		return d
	}
	return at
}

// BareDone reads a report of work done that names neither the work nor
// the case (刚交了 帮我登记, 已经回了 昨天交的, 今天交的 登记一下): it is the
// deadline the conversation is about, which only the caller knows, so the
// Update it returns has no Deadline and no case. Every segment of the
// message must be a done verb, a day, or a request to record it; anything
// else (a question, a name, another word) is not this.
func BareDone(text string, o Options) (u Update, ok bool) {
	t := Normalize(text)
	if fieldAskRe.MatchString(t) {
		return u, false
	}
	rest := bareDoneStrip.Replace(t)
	verb := false
	for _, seg := range strings.FieldsFunc(rest, func(r rune) bool { return strings.ContainsRune(" ，,。!！~", r) }) {
		if !bareDoneRe.MatchString(seg) {
			return u, false
		}
		verb = verb || bareVerbRe.MatchString(seg)
	}
	if !verb {
		return u, false
	}
	return Update{Kind: DeadlineDone, At: doneDay(t, o)}, true
}

// BareReceived reads the day a copy was received told alone (十一月五号收到
// 的, 是11月5号收到的, 昨天收到的副本), the answer to a deadline that could not
// be counted for want of it: the case is the one the conversation is about,
// which only the caller knows. Anything more (a document named, a number,
// a question) is not this.
func BareReceived(text string, o Options) (u Update, ok bool) {
	t := bareDoneStrip.Replace(digitsInDates(Normalize(text)))
	t = strings.Trim(t, " ，,。!！~")
	if fieldAskRe.MatchString(t) || !bareReceivedRe.MatchString(t) {
		return u, false
	}
	return Update{Kind: CopyReceived, At: doneDay(t, o)}, true
}

var bareReceivedRe = mustCompile(`^(?:是|就是|那是|应该是)?(?:今天|昨天|前天|上周[一二三四五六日天]|\d{1,2}月\d{1,2}[日号]|\d{1,2}[日号])(?:上午|下午|早上)?(?:就)?` +
	`(?:收到|签收|拿到|接到)(?:的|了)?(?:起诉状副本|上诉状副本|申请书副本|副本)?(?:的)?$`)

var (
	// bareDoneStrip removes the requests to record and the particles
	// around a bare report of work done.
	bareDoneStrip = strings.NewReplacer("帮我登记一下", "", "帮忙登记一下", "", "帮我登记", "", "帮忙登记", "", "帮我记一下", "",
		"帮忙记一下", "", "帮我记下", "", "帮忙记下", "", "麻烦登记一下", "", "麻烦登记", "", "请登记", "", "帮我记", "", "帮忙记", "",
		"登记一下", "", "登记下", "", "记一下", "", "记下", "", "登记", "",
		// 交了 12月2号交的 帮我登一下: 登/录/填/更新 said for 登记
		"帮我登一下", "", "帮忙登一下", "", "帮我登下", "", "登一下", "", "登下", "", "帮我录一下", "", "录一下", "", "帮我填一下", "", "填一下", "",
		"帮我更新一下", "", "更新一下", "", "哈", "", "哦", "", "啊", "", "嘛", "", "噻", "", "撒", "")
	bareDoneRe = mustCompile(`^(?:我们|我|已经|已|刚刚|刚才|刚|都|早就|就|今天|昨天|前天|上午|下午|早上|\d{1,2}月\d{1,2}[日号]|\d{1,2}[日号])*` +
		`(?:(?:交|提交|递交|报送|报|回|回复|答复|发|寄|送)(?:了|的|过了|上去了|过去了|出去了)?)?$`)
	bareVerbRe = mustCompile(`(?:交|提交|递交|报送|报|回|回复|答复|发|寄|送)(?:了|的|过了|上去了|过去了|出去了)?$`)
)

// fieldAskRe marks a question (交了吗, 换成孙局了没, 谁出庭, 答辩状还没交的有哪些); 行不 and 可以吗
// after a head sending someone ask for approval and are no question of
// fact, so they are left to delegateRe.
var fieldAskRe = mustCompile(`吗|[?？]|了没|没有|没得|交没交|确认没|谁|哪个|哪些|哪几|哪天|哪一天|何时|好久|多久|还没|未交|没交|什么|啥|几|呢`)

const headTitles = `副局长|局长|副县长|县长|副镇长|镇长|副主任|主任|政委|副书记|书记|副队长|队长|副所长|所长|副局|局`

var (
	// headSetRe: 出庭人 张明 副局长, 出庭的是王刚副局长, 出庭负责人改成刘斌局长.
	headSetRe = mustCompile(`出庭(?:的负责人|的领导|的人|负责人|人|领导|的)\s*(?:是|为|改成|改为|换成|换为|变更为|登记为|登记成|定为|定成)?\s*(?:\p{Han}{1,10}?(?:局|政府|办公室|中心)的)?(\p{Han}{1,3}?)\s*(` + headTitles + `)?(?:\s|$|，|,|。|帮|登记|记一下|记下)`)
	// delegateRe: 我让王副局长去, 换周洁去出庭, 让李明代我出庭.
	delegateRe = mustCompile(`(?:我让|让|叫|派|换|改派|安排)(?:分管的|分管|主管的|主管|常务)?(\p{Han}{1,3}?)(` + headTitles + `)?(?:代我|替我|代替我)?(?:去|出庭|参加)`)
	// standInPastRe: the head did not go and another head did (陈局没去 派
	// 的副局长王刚, 局长没来 是王刚副局长出的庭); the title makes them a 负责人.
	// standInForRe: the head did not go and another went for them (我没去成
	// 王刚副局长代我去的).
	standInForRe = mustCompile(`(?:没去成|没去|没来|没出庭|没到|没参加|去不了|来不了|(?:不是|并非)(?:他|她)?(?:本人|亲自)(?:去|来|出庭|到庭|参加)?的?|(?:他|她)?本人(?:没|未)(?:去|来|出庭|到庭|参加))[^，,。；;]{0,4}?(\p{Han}{2,3}?)(` + headTitles + `)(?:代我|替我|代替我|代替他|替他|代他|代替)(?:去|出庭|参加|到庭)`)
	// 陈局今天不是本人去的 是赵副局长代的: 不是本人去 is the head's absence
	// too, and 代的 the other head's appearance.
	standInPastRe = mustCompile(`(?:没去|没来|没出庭|没到|没参加|去不了|来不了|(?:不是|并非)(?:他|她)?(?:本人|亲自)(?:去|来|出庭|到庭|参加)?|(?:他|她)?本人(?:没|未)(?:去|来|出庭|到庭|参加)|没亲自(?:去|来|出庭))[^，,。；;]{0,4}?(?:派的|派了|换的|换了|改派|改由|让|由|是)(` + headTitles + `)?(\p{Han}{2,3}?)(` + headTitles + `)?(?:去的|去了|出的庭|出庭|到庭|参加|代(?:他|她)?(?:去|出)?的(?:庭)?|替(?:他|她)?(?:去|出)?的(?:庭)?|代替(?:他|她)?(?:去|出庭)?的?|代为出庭|$|\s|，|,|。)`)
	// changeAskRe ends a report of a stand-in with whether the ledger must
	// change (要改吗, 需不需要改一下, 用不用更正): the report is a proposal to
	// echo and confirm, not a question of fact.
	changeAskRe = mustCompile(`[，, ]*(?:那|这)?(?:台账)?(?:要|需要|用|得)?(?:不要|不需要|不用)?(?:改|更正|修改|调整|变更)(?:一下|下)?(?:吗|么|嘛|不|没)?[?？。!！]*$`)
	// standInRe: 周洁代我去, 李文替我去 (no verb of sending before the name).
	standInRe = mustCompile(`(\p{Han}{2,4}?)(` + headTitles + `)?(?:代我|替我|代替我)(?:去|出庭|参加)`)
	// approvalRe ends a message asking leave (行不, 可以吗, 得不得行).
	approvalRe = mustCompile(`(?:行不行|行不|行吗|行么|可以不|可以吗|可以么|可以吧|可不可以|得不得行|要得不|好不好|成不成|成不|成吗|能行吗|能不能行)[?？。!！吧]*$`)
	// doneRe: 答辩状今天交了, 答复已经交了, 检察建议的回复已经发了, 答辩状已提交,
	// 答复下午三点交到复议科了 (any office it was handed to).
	// The evidence is filed with the 答辩状 in the same period (《行政诉讼法》
	// 第67条): 证据材料已经送法院了 records that deadline as met. 已 before
	// the verb is done whatever follows (答辩材料已经递交法院, 司法建议回复已发).
	doneRe = mustCompile(`(答辩状|答辩材料|答辩书|答辩|答复材料|答复书|书面答复|复议答复|答复|司法建议|检察建议|证据材料|证据和依据|举证材料|证据|举证)[^，,。；;]{0,8}?(?:(?:送|交|提交|递交|寄|报)(?:到|给|至)?(?:法院|复议机关|法官|司法局)(?:了|去了)|(?:送|交|提交|递交|寄|报)(?:到|给|至)\p{Han}{0,6}?(?:科|室|庭|院|局|处|办|中心|窗口|机关|法官|书记员)(?:了|去了)|已经?(?:提交|递交|报送|送达|寄出|发出|回复|答复|交|送|寄|报|发|回)|已于[^，,。；;]{1,8}?(?:提交|递交|报送|送交|交)|(?:发|寄|送|交|报|回)(?:出去|过去|上去)了|交了|交上去了|交过去了|提交了|已提交|递交了|报了|报送了|发了|回复了|回了|答复了|寄了|送了|提交的|交的|回复的|回的|报送的|寄的|送的)`)
	// buttonDoneRe is a deadline card's button typed after the case (复47已答复,
	// 行初117已提交答辩状, 47号已经答复了): what to type when the button did
	// nothing. The whole rest of the message, so a question (已答复了吗) or
	// more words (已答复按钮没反应) is none.
	buttonDoneRe      = mustCompile(`^(?:(?:复议|复|行初|行终|行审|行申)?\d+号?(?:案|案子)?)?(?:那个|这个|这件|的)?(?:已经?|都)(?:提交|递交|报送)?(?:了)?(答复书|复议答复|答复|答辩状|答辩材料|答辩)(?:了|过了|好了)?[，,。!！~]*$`)
	buttonDoneLooseRe = mustCompile(`(?:已经?|都)(?:提交|递交|报送)?了?(?:答复|答辩)`)
	doneObjects       = []struct{ word, kind string }{
		{"司法建议", "judicial_suggestion"}, {"检察建议", "procuratorial_suggestion"},
		{"答辩", "answer"}, {"答复", "reply"},
		{"证据", "answer"}, {"举证", "answer"}, // the case's kind makes it the 答复 of a 复议
	}
)

// notPersonWords are nouns that stand where a head's name would (出庭的名单,
// 出庭情况): never a person.
var notPersonWords = map[string]bool{"名单": true, "清单": true, "情况": true, "安排": true, "人员": true, "人选": true,
	"名字": true, "姓名": true, "材料": true, "手续": true, "记录": true, "通知": true, "时间": true, "人数": true, "领导": true}

// headOf is the head as written: a full name, or a surname with a title
// (张局长) when only that was given.
func headOf(name, title string) (string, string) {
	name = strings.TrimSpace(name)
	if title == "局" || title == "副局" {
		title += "长" // 王局, 张副局: how 局长 and 副局长 are called
	}
	switch {
	case name == "" || strings.ContainsAny(name, "他她去的了个没吗呢确认知道回复谁"):
		return "", ""
	case notPersonWords[name]:
		return "", "" // 没确认出庭的名单: a list asked for, no one named
	case strings.Contains(name, "律师") || strings.Contains(name, "代理") || strings.Contains(name, "承办") || strings.Contains(name, "工作人员"):
		return "", "" // 是律师去的: no 负责人 (an absence, read by ReportedUpdate)
	case strings.HasPrefix(name, "副") || strings.HasPrefix(name, "常务") || strings.HasPrefix(name, "分管"):
		return "", "" // 我让副局长替我去: a post, nobody named (news: cannot appear)
	case len([]rune(name)) == 2 && strings.HasSuffix(name, "副") && title != "" && !strings.HasPrefix(title, "副"):
		return string([]rune(name)[:1]) + "副" + title, "" // 赵副局长: 赵 and 副局长, not 赵副
	case len([]rune(name)) == 1 && title == "":
		return "", "" // 换王去: not a name
	case len([]rune(name)) == 1:
		return name + title, "" // 张局长: the title is part of the name written
	}
	return name, title
}

// appealIntentRe says the defendant means to appeal (我们准备上诉, 打算上诉,
// 局里决定上诉); appealNotRe that it means not to (打算不上诉了, 不上诉了,
// 服判). Neither is a fact the ledger records: the appeal is filed, or the
// period runs out, later.
var (
	appealIntentRe = mustCompile(`(?:准备|打算|计划|想|决定|拟|考虑|研究后|商量后|要)(?:要|还是|再)?(?:提起|提|去)?上诉`)
	appealNotRe    = mustCompile(`(?:不打算|不准备|决定不|打算不|准备不|不想|不用|不再|不|不去|没打算)(?:提起|提|去)?上诉|服判|认了这个判决|接受判决`)
)

// AppealIntent reads a message saying whether the defendant means to
// appeal (我们准备上诉: appeal true; 打算不上诉了: false). ok is false for
// anything else, a question above all (上诉了没, 要不要上诉, 上诉期多久).
func AppealIntent(text string) (appeal bool, ok bool) {
	t := Normalize(text)
	if fieldAskRe.MatchString(t) || strings.Contains(t, "要不要") || strings.Contains(t, "是否") || strings.Contains(t, "期") {
		return false, false
	}
	switch {
	case appealNotRe.MatchString(t):
		return false, true
	case appealIntentRe.MatchString(t):
		return true, true
	}
	return false, false
}

// dateWrite reads the two dates people report on receiving a paper: the
// judgment or ruling served (101判决书刚拿到了, 85号的判决今天送达的,
// 裁定书今天收到) and the 起诉状副本 or 复议申请书副本 received (今天收到法院送来
// 的起诉状副本 原告张三). t is normalized and no question. A message that
// also tells the outcome (判决书拿到了 我们败诉了 撤销处罚决定) is a closing,
// left to the closing report; one that asks (判决书收到没) is no write.
func dateWrite(t string, o Options) (u Update, ok bool) {
	copyMatch := copyRe.MatchString(t) || copyFirstRe.MatchString(t)
	served := !copyMatch && (servedRe.MatchString(t) || servedFirstRe.MatchString(t))
	if !copyMatch && !served || dateAskRe.MatchString(t) {
		return u, false
	}
	if served && outcomeToldRe.MatchString(t) {
		return u, false
	}
	rest, one := u.caseIn(t, o)
	if !one {
		return u, false
	}
	u.Kind = DocServed
	if copyMatch {
		u.Kind = CopyReceived
		if m := copyPartyRe.FindStringSubmatch(rest); m != nil {
			u.Party = m[1]
		}
		u.Review = strings.Contains(t, "复议") || strings.Contains(t, "申请书") || strings.Contains(t, "申请人") || strings.Contains(t, "申请笔录")
	}
	u.At = doneDay(rest, o)
	if len(u.Numbers) == 0 {
		// 判决书11月16号收到的 85号: a bare number once the day is out.
		if _, without, found := findDate(rest, o.Now, past); found {
			rest = without
		}
		u.Seq, _, u.Unread = reportedSeq(caseNumerals(rest))
	}
	return u, true
}

var (
	// servedRe: 判决书刚拿到了, 裁定书今天收到, 判决今天送达的, 文书已签收.
	servedRe = mustCompile(`(?:判决书|裁定书|调解书|裁判文书|判决文书|法律文书|判决|裁定|文书)[^，,。；;？?]{0,10}?(?:拿到|收到|送达|送过来|送来|寄来|寄到|签收|领到|领回|领取|到手|到了)`)
	// servedFirstRe: 收到判决书了, 今天拿到了101的裁定书, 法院送达了判决.
	servedFirstRe = mustCompile(`(?:拿到|收到|送达|签收|领到|领回|领取|接到)了?[^，,。；;？?]{0,12}?(?:判决书|裁定书|调解书|裁判文书|判决文书|法律文书)`)
	// copyRe: 收到法院送来的起诉状副本, 收到复议申请书副本, 接到应诉通知书.
	copyRe = mustCompile(`(?:收到|拿到|签收|接到|送来|送达|转来)了?[^，,。；;？?]{0,12}?(?:起诉状副本|起诉书副本|起诉状|起诉书|应诉通知书|应诉通知|复议申请书副本|申请书副本|复议申请书|申请笔录)`)
	// copyFirstRe: 起诉状副本今天收到, 复议申请书副本已签收.
	copyFirstRe = mustCompile(`(?:起诉状副本|起诉书副本|应诉通知书|复议申请书副本|申请书副本)[^，,。；;？?]{0,10}?(?:收到|拿到|签收|送达|送来|到了)`)
	// copyPartyRe: the 原告 or 申请人 named with the copy (原告张三, 申请人是李四).
	copyPartyRe = mustCompile(`(?:原告|申请人|起诉人|当事人)(?:是|为|叫)?\s*(\p{Han}{2,12}?)(?:\s|$|，|,|。|的|起诉|告|申请)`)
	// dateAskRe marks what fieldAskRe misses in these reports: 收到没,
	// 送达了不, 是否收到, 收到后 (the rule, 收到起诉状副本后几天内要答辩).
	dateAskRe = mustCompile(`没[收拿到签]|[到达收]没|了不$|是否|开始|起算|算起|之日|有没有|[到达]后|以后|之后|多久|多少天|怎么|如何|要不要|需不需要`)
	// outcomeToldRe: the outcome told with the paper, a closing.
	outcomeToldRe = mustCompile(`驳回|撤销|败诉|胜诉|维持|确认违法|确认无效|撤诉|赢了|输了|判赢|判输|责令|履行|变更`)
)

// PaperServed reports whether a message tells that the judgment or ruling
// was received (92号判决书拿到了 我们败诉了 撤销处罚决定), whatever else it
// tells: a closing told so also records the day it was served.
func PaperServed(text string) bool {
	t := Normalize(text)
	return !fieldAskRe.MatchString(t) && !dateAskRe.MatchString(t) && (servedRe.MatchString(t) || servedFirstRe.MatchString(t))
}
