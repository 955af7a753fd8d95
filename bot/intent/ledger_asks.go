package intent

import "strings"

// LedgerAsk is a question about the ledger or the system as a whole, not
// about cases by their facts: see the constants.
type LedgerAsk string

const (
	AskDuplicates LedgerAsk = "duplicates" // 有没有重复录入的案件, 台账里有重复的吗
	AskAccounts   LedgerAsk = "accounts"   // 现在有账号的一共几个人, 名单里有多少人
	AskUnbound    LedgerAsk = "unbound"    // 谁还没绑定, 哪些人还没开通账号
	AskUnanswered LedgerAsk = "unanswered" // 哪些还没回复, 哪些司法建议没回
	AskAuditTrail LedgerAsk = "audit"      // 系统日志, 谁改了这个案子, 117的修改记录
)

var (
	dupRe        = mustCompile(`重复录入|重复登记|重复导入|重复录|录重|导重|重复的案件|重复的案子|重复案件|重复的条目|重复的记录|重复数据|重号|案号重复|同一个案子录了|录了两(?:次|遍|条)|登记了两(?:次|遍|条)`)
	accountsRe   = mustCompile(`(?:有|开了|开通了?|注册了?)?账号的?(?:人)?(?:一共|总共|共)?(?:有)?(?:几|多少)(?:个)?人|(?:名单|系统|机器人|通讯录)(?:里|中|上)?(?:现在)?(?:一共|总共|共)?(?:有)?(?:几|多少)(?:个)?(?:人|账号|用户)|(?:一共|总共|共)(?:有)?(?:几|多少)(?:个)?(?:账号|用户)|用户(?:数|数量)|账号(?:数|数量)`)
	unboundRe    = mustCompile(`(?:没|未|还没有?)(?:绑定|绑|开通账号|开账号|注册|激活|加入名单|登记账号|关注)|(?:绑定|激活)(?:了)?(?:没|吗|情况)`)
	unansweredRe = mustCompile(`(?:哪些|哪个|哪几个|有没有|还有|几个|多少)[^，,。]{0,10}?(?:没回|没有回|未回|还没回|尚未回|没答复|未答复)|(?:建议)[^，,。]{0,6}?(?:没回|没有回|未回|还没回|尚未回|逾期|超期|过期)|(?:没回|未回|未回复|没回复)的(?:建议|司法建议|检察建议)`)
	auditRe      = mustCompile(`系统日志|操作日志|操作记录|修改记录|改动记录|变更记录|审计日志|审计记录|谁改了|谁改过|谁动了|谁动过|谁修改|谁删了|谁录的|谁导入|被谁改|谁登记的`)
)

// LedgerAsked reads a question about the ledger or the system as a whole
// (see LedgerAsk). ok is false for anything else.
func LedgerAsked(text string) (LedgerAsk, bool) {
	t := strings.ReplaceAll(Normalize(text), " ", "")
	switch {
	case auditRe.MatchString(t):
		return AskAuditTrail, true
	case dupRe.MatchString(t) && !containsAny(t, []string{"败诉", "再次", "输"}):
		return AskDuplicates, true
	case unboundRe.MatchString(t) && (strings.Contains(t, "谁") || strings.Contains(t, "哪些") || strings.Contains(t, "哪几") || strings.Contains(t, "有没有") || strings.Contains(t, "情况") || strings.Contains(t, "多少") || strings.Contains(t, "几")):
		return AskUnbound, true
	case accountsRe.MatchString(t):
		return AskAccounts, true
	case unansweredRe.MatchString(t) && !containsAny(t, []string{"答辩", "提醒", "卡片", "确认"}) && !deadlineUnanswered(t):
		return AskUnanswered, true
	}
	return "", false
}

// deadlineUnanswered reports whether a 没回复 asks of deadlines, not of
// 建议: 今天截止还有谁没回复的 is who has not answered what falls due (a 复议
// 答复, an 答辩), read as the 司法建议 unanswered it left out 47号 due today
// and 133号 overdue.
func deadlineUnanswered(t string) bool {
	return containsAny(t, []string{"截止", "到期", "期限", "逾期", "超期", "过期"}) && !strings.Contains(t, "建议")
}
