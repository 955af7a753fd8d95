package intent

import (
	"slices"
	"strconv"
	"strings"
)

// A write told in free text (88号宣判了 撤销 理由是程序违法 你们记一下) names
// its case by a bare sequence number more often than by a full one. That
// number always wins over the case in focus: the caller resolves it
// against the ledger (one case → that case; several → ask; none → say so)
// and uses the focus only when the message names no case at all.

var (
	// reportedSeqRe is a bare sequence number a report names: 88号, 96号的,
	// 121号那个; reportedLeadRe one that opens the report with no 号 (133
	// 宣判了): a number of two to five digits standing first.
	reportedSeqRe  = mustCompile(`(?:^|[^\d.:\-/年月])(\d{1,5})\s*号`)
	reportedLeadRe = mustCompile(`^\s*(\d{2,5})(?:\s|那个|的|[^\d号年月日点时:：.\-/%])`)
	// reportedCaseRe is a bare number a word for the case follows
	// anywhere in the report (孙局说117那个案子原告撤了).
	reportedCaseRe = mustCompile(`(?:^|[^\d.:\-/年月])(\d{2,5})\s*(?:那个案|这个案|案子|案件|的案|那件|那个庭|的庭)`)
	// reportedCnRe is a case number said in Chinese numerals that
	// caseNumerals could not read (二零零号, digit by digit).
	reportedCnRe = mustCompile(`[零〇一二两三四五六七八九十百千]{2,}号`)
)

// reportedSeq returns the bare sequence number a report names and the text
// without it; unread is true when the report names a number that cannot
// be read (the caller must then ask, never fall back to the focus).
func reportedSeq(t string) (seq int, rest string, unread bool) {
	if m := reportedSeqRe.FindStringSubmatchIndex(t); m != nil {
		n, _ := strconv.Atoi(t[m[2]:m[3]])
		after := t[m[1]:]
		caseWord := slices.ContainsFunc(caseAfter, func(w string) bool { return strings.HasPrefix(after, w) })
		// A day of the month (13号开的庭) is left to the dates unless a
		// word for a case follows it.
		if n > 31 || caseWord {
			return n, t[:m[2]] + " " + t[m[1]:], false
		}
	}
	if m := reportedLeadRe.FindStringSubmatchIndex(t); m != nil {
		n, _ := strconv.Atoi(t[m[2]:m[3]])
		return n, t[:m[2]] + " " + t[m[3]:], false
	}
	if m := reportedCaseRe.FindStringSubmatchIndex(t); m != nil {
		n, _ := strconv.Atoi(t[m[2]:m[3]])
		return n, t[:m[2]] + " " + t[m[3]:], false
	}
	if reportedCnRe.MatchString(t) {
		return 0, t, true
	}
	return 0, t, false
}

// reportFiller is what people add to a write told in free text that is no
// part of the fact: asking it recorded (你们记一下, 帮我登记下) and courtesy
// (麻烦了, 谢谢, 哈). It is cut from the free-text fields (败诉原因) so that
// the ledger holds the reason, not the request.
var reportFiller = []string{
	"你们记一下", "你们记下", "你们登记一下", "你们登记下", "帮我登记一下", "帮我登记下", "帮忙登记一下", "帮忙登记下",
	"麻烦登记一下", "麻烦登记下", "帮我记一下", "帮我记下", "帮忙记一下", "帮我录一下", "帮我更新一下", "登记一下",
	"登记下", "记一下", "记下", "记上", "录一下", "更新一下", "麻烦你了", "麻烦了", "麻烦", "谢谢你", "谢谢", "多谢",
	"辛苦了", "辛苦", "好吧", "好的", "哈", "啊", "呀", "吧", "哦", "嗯", "一下",
}

// trimFiller cuts reportFiller from the end (and the courtesy from the
// start) of a free-text field, with the punctuation between them.
func trimFiller(s string) string {
	for {
		s = tidy(s)
		cut := false
		for _, f := range reportFiller {
			if strings.HasSuffix(s, f) {
				s, cut = strings.TrimSuffix(s, f), true
				break
			}
		}
		if !cut {
			break
		}
	}
	for _, f := range []string{"麻烦", "你好", "您好"} {
		s = tidy(strings.TrimPrefix(s, f))
	}
	return s
}

// heldReportRe says, as news, that a hearing has just been held (刚开完庭,
// 庭开完了, 庭审结束了); heldQuestionRe is the same words asked (开完了吗,
// 开完没).
var (
	heldReportRe = mustCompile(`刚开完庭|刚开完|开完庭了|开完庭|庭开完了|庭审结束了|庭审完了|庭审刚结束|开庭结束了|刚开庭回来|开完了|出完庭|` +
		`出庭回来|开庭回来|从法院回来|庭已开|已开完|已经开完|开过庭了|` +
		// 下午那个庭结束了, 庭审已经结束, 庭已经开完: a 庭 then, a few
		// characters on, its end (not 结束后, a time still to come).
		`庭[^，,。；;！!？?\s]{0,6}?(?:结束|开完|审完)(?:了|$|[，,。；;！!\s])|` +
		// 101号庭上审判长说一个月内宣判: what the court said at the hearing.
		courtSaid)
	// 没 asks only at the end or right after the verb (开完没, 结束了没):
	// 原告没到场 in a report is a fact.
	heldQuestionRe = mustCompile(`[吗嘛么？?]|了没|完没|束没|没[有呢啊呀]?\s*$|是不是|有没有|什么时候|几点|哪`)
)

// courtSaid is what the bench said at a hearing held (庭上审判长说一个月内
// 宣判, 法官当庭说下个月判, 合议庭讲了让补交证据): news of that hearing.
const courtSaid = `(?:庭上|庭审上|庭审时|庭审中|开庭时|开庭的时候|当庭)[^，,。；;！!？?]{0,4}?(?:审判长|法官|合议庭|审判员|书记员|法院)[^，,。；;！!？?]{0,3}?(?:说|讲|表示|宣布|要求|让)|` +
	`(?:审判长|法官|合议庭|审判员)(?:当庭|在庭上|庭上)(?:说|讲|表示|宣布|要求|让)`

var courtSaidRe = mustCompile(courtSaid)

// CourtRemark returns what a report says the bench said at the hearing
// (庭上审判长说一个月内宣判 → 审判长说一个月内宣判), "" when it says none.
func CourtRemark(text string) string {
	t := Normalize(text)
	m := courtSaidRe.FindStringIndex(t)
	if m == nil {
		return ""
	}
	r := t[m[0]:]
	for _, lead := range []string{"庭上", "庭审上", "庭审时", "庭审中", "开庭的时候", "开庭时", "当庭"} {
		r = strings.TrimPrefix(r, lead)
	}
	return strings.TrimSpace(trimFiller(r))
}

// HeldReport reads a report that a hearing has just been held (刚开完庭
// 法官说下个月宣判, 108今天下午开完了, 一零八刚开完庭): an appearance whose
// Appeared is unknown, with the case it names if any (a number wins over
// the focus; without one the caller binds it to the reporter's hearing of
// today). A question (开完了吗) is not one.
func HeldReport(text string, o Options) (u Update, ok bool) {
	t := Normalize(text)
	if !heldReportRe.MatchString(t) || heldQuestionRe.MatchString(t) || reportAsked(t) || containsAny(t, decidedNot) || asksToFollow(t) {
		return u, false // 开完庭多久了还没判: a question; 开完庭跟我说一声: a request
	}
	if !u.reportCase(t, o) {
		return u, false
	}
	u.Kind = Appearance
	return u, true
}

// reportCase takes the case a report names into u: a full or short number
// (caseIn), else a bare sequence number in any form (reportedSeq). It is
// false when the report names several full numbers.
func (u *Update) reportCase(t string, o Options) bool {
	if _, one := u.caseIn(t, o); !one {
		return false
	}
	if len(u.Numbers) == 0 && u.Short == "" {
		u.Seq, _, u.Unread = reportedSeq(caseNumerals(t))
	}
	return true
}

// decidedNot make a message with a verb of deciding something else: not
// yet decided (还没判), or the judgment as a file to upload or send (判决书
// 下来了 我传一下).
var decidedNot = []string{"没判", "还没", "多久", "多长时间", "多少", "几个", "几件", "统计", "排名", "有哪些", "传一下", "上传", "我传", "传给", "发给", "发我", "发你", "看看", "看一下"}

// decidedRe tells of a decision in other words than closedVerbs: the
// judgment or ruling in hand (判决书拿到了, 裁定书已经送达了, 收到了判决书)
// or the result (我们败诉了, 官司赢了).
var decidedRe = mustCompile(`(?:判决书|裁定书|调解书|判决|裁定)(?:今天|昨天|刚刚|上午|下午|今早)?(?:已经|已|刚)?(?:收到|拿到|到手|下来|出来|送达|送到|到)了|` +
	`收到了?(?:判决书|裁定书|调解书|判决|裁定)|` + resultWords + `|已(?:经)?(?:准许|准予|宣判|判决|裁定|撤诉|结案|调解)|` +
	// 高院裁定驳回再审申请了: the court's act and its result, said as done
	`(?:判决|裁定)(?:驳回|撤销|维持|准许|准予|确认|不予)[^，,。；;\s]{0,8}了`)

// resultWords tell the result alone (我们败诉了, 一审赢了); resultRe is
// them on their own.
const resultWords = `(?:败诉|胜诉|输|赢)了`

var resultRe = mustCompile(resultWords)

// oneCaseWords make a result told alone about one case (一审我们赢了, 那个
// 官司输了), not a question about many (去年输了的案子).
var oneCaseWords = []string{"一审", "二审", "再审", "官司", "那个案", "这个案", "我们那个", "这个庭", "那个庭"}

// decided reports whether t tells of a decision: a verb of deciding, the
// judgment in hand, or the result alone when t is about one case (a number
// or oneCaseWords).
func decided(t string, numbered bool) bool {
	if containsAny(t, decidedVerbs) {
		return true
	}
	if !decidedRe.MatchString(t) {
		return false
	}
	if loc := decidedRe.FindStringIndex(t); loc != nil && resultRe.MatchString(t[loc[0]:loc[1]]) && len(decidedRe.FindAllString(t, -1)) == 1 {
		return numbered || containsAny(t, oneCaseWords) // 我们输了 alone: one case named
	}
	return true
}

// hasRef reports whether an update names a case in any form.
func hasRef(u Update) bool { return len(u.Numbers) > 0 || u.Short != "" || u.Seq > 0 }

// DecidedReport reads a report that the court decided a case without the
// 结案方式 (判了 我们赢了, 判决下来了 输了): a closing with no Method, which
// the 专班 cannot record until the reporter says how. A question (判了吗,
// 判了没) is not one, nor a report that names the outcome (ReportedUpdate
// takes those).
func DecidedReport(text string, o Options) (u Update, ok bool) {
	t := Normalize(text)
	if reportAsked(t) || containsAny(t, decidedNot) || asksToFollow(t) || !u.reportCase(t, o) {
		return u, false
	}
	if !decided(t, hasRef(u)) {
		return u, false
	}
	u.Kind = CloseCase
	return u, true
}
