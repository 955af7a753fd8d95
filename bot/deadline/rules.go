package deadline

import "casebot/bot/workcal"

// The rules: one function each, from the date that starts the clock to the
// last day of the period. README “法定期限” has them as a table.

// AnswerDue is the last day for the defendant of a suit to submit its
// evidence, the normative documents relied on and its 答辩状: 15 days from
// receiving the 起诉状副本.
//
// 行政诉讼法 第六十七条第一款: 人民法院应当在立案之日起五日内，将起诉状副本发送被告。
// 被告应当在收到起诉状副本之日起十五日内向人民法院提交作出行政行为的证据和所依据的规范
// 性文件，并提出答辩状。 Counted as calendar days (CalendarDays). An appellee's
// answer to the 上诉状副本 has the same 15 days (民事诉讼法 第一百七十四条:
// 对方当事人在收到之日起十五日内提出答辩状, applied by 行政诉讼法 第一百零一条).
func AnswerDue(cal *workcal.Calendar, received workcal.Day) workcal.Day {
	return CalendarDays(cal, received, 15)
}

// ReplyDue is the last day for the respondent of a reconsideration to
// answer in writing with its evidence: 10 working days from receiving the
// application copy, 5 under 简易程序.
//
// 行政复议法 (2023) 第四十八条: 被申请人应当自收到行政复议申请书副本或者行政复议申请笔录
// 复印件之日起十日内，提出书面答复，并提交作出行政行为的证据、依据和其他有关材料。
// 第五十四条 (简易程序): 被申请人应当自收到…之日起五日内，提出书面答复…
// 第八十八条第二款 makes both working days (WorkingDays).
func ReplyDue(cal *workcal.Calendar, received workcal.Day, simplified bool) workcal.Day {
	if simplified {
		return WorkingDays(cal, received, 5)
	}
	return WorkingDays(cal, received, 10)
}

// AppealDue is the last day to appeal a first-instance judgment (15 days
// from its service) or ruling (10 days).
//
// 行政诉讼法 第八十五条: 当事人不服人民法院第一审判决的，有权在判决书送达之日起十五日
// 内向上一级人民法院提起上诉。当事人不服人民法院第一审裁定的，有权在裁定书送达之日起十日
// 内向上一级人民法院提起上诉。逾期不提起上诉的，人民法院的第一审判决或者裁定发生法律效力。
// Calendar days (CalendarDays).
func AppealDue(cal *workcal.Calendar, served workcal.Day, ruling bool) workcal.Day {
	if ruling {
		return CalendarDays(cal, served, 10)
	}
	return CalendarDays(cal, served, 15)
}

// DecisionDue is the last day for the reconsideration organ to decide: 60
// days from accepting the application (30 under 简易程序), plus an approved
// extension of at most 30 days.
//
// 行政复议法 (2023) 第六十二条: 适用普通程序审理的行政复议案件，行政复议机关应当自受理
// 申请之日起六十日内作出行政复议决定；但是法律规定的行政复议期限少于六十日的除外。情况复杂，
// 不能在规定期限内作出行政复议决定的，经行政复议机构的负责人批准，可以适当延长，并书面告知
// 当事人；但是延长期限最多不超过三十日。适用简易程序审理的行政复议案件，行政复议机关应当自
// 受理申请之日起三十日内作出行政复议决定。
//
// Calendar days: 第八十八条 makes only 三日、五日、七日、十日 working days. The
// extension continues the period from its nominal last day, not from a
// day the holiday rule moved it to (the holiday rule applies to the last
// day of the whole period), so 60 + 30 is one 90-day period. Extensions
// apply to 普通程序 only; callers reject 简易程序 with one (cases.Validate).
func DecisionDue(cal *workcal.Calendar, accepted workcal.Day, simplified bool, extendedDays int) workcal.Day {
	if simplified {
		return CalendarDays(cal, accepted, 30)
	}
	return CalendarDays(cal, accepted, 60+extendedDays)
}

// ProcuratorialDue is the last day to answer a 检察建议 in writing: two
// months from receiving it.
//
// 人民检察院检察建议工作规定 (2019) 第十九条: 人民检察院提出检察建议，除另有规定外，应当
// 要求被建议单位自收到检察建议书之日起两个月以内作出相应处理，并书面回复人民检察院。因情况
// 紧急需要被建议单位尽快处理的，可以根据实际情况确定相应的回复期限。 A month period
// (Months); a shorter date the 检察建议书 sets is recorded on the case and
// wins (Suggestion.DueOn).
func ProcuratorialDue(cal *workcal.Calendar, received workcal.Day) workcal.Day {
	return Months(cal, received, 2)
}

// JudicialDue is the last day to answer a 司法建议: days calendar days from
// receiving it. No statute sets the period: the 司法建议书 names one, or a
// local rule (府院联动 arrangements) does, so days is configured
// (deadlines.judicial_suggestion_days) and a date the 司法建议书 sets is
// recorded on the case and wins (Suggestion.DueOn).
func JudicialDue(cal *workcal.Calendar, received workcal.Day, days int) workcal.Day {
	return CalendarDays(cal, received, days)
}

// RectifyDue is the last day for an agency that lost a case to file its
// 败诉原因分析 and 整改措施 (一案一整改): days calendar days (rectify.due_days)
// from from, the day the judgment or decision was served on it. No statute
// sets this; the bureau's 行政应诉工作 rules do (凡败必报、一案一整改).
func RectifyDue(cal *workcal.Calendar, from workcal.Day, days int) workcal.Day {
	return CalendarDays(cal, from, days)
}
