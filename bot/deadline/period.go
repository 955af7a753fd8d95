// Package deadline computes the statutory deadlines of a case (法定期限):
// when the agency must answer a suit or a reconsideration, until when a
// judgment can be appealed, by when a reconsideration must be decided, and
// by when a 司法建议 or 检察建议 must be answered. Each rule is one function
// citing its article; they share the three ways Chinese law counts a
// period (calendar days, working days, months), defined here once.
//
// Every rule starts from a civil date and the work calendar (bot/workcal)
// and returns the last day of the period: on that day the act is still in
// time (民法典 第二百零三条第二款: 期间的最后一日的截止时间为二十四时).
package deadline

import "casebot/bot/workcal"

// The counting rules. Litigation periods follow 民事诉讼法 (行政诉讼法 第一百零一条
// refers to it for 期间); reconsideration periods follow it too (行政复议法
// 第八十八条第一款); 民法典 第二百条至第二百零四条 state the same rules for
// periods in general, which is what a 检察建议's period is.
//
// 民事诉讼法 (2023) 第八十五条: 期间以时、日、月、年计算。期间开始的时和日，不计算
// 在期间内。期间届满的最后一日是法定休假日的，以法定休假日后的第一日为期间届满的日期。
//
// What counts as a 法定休假日 is the one interpretation these functions make:
//
//   - Ordinary Saturdays and Sundays are. State organs rest on them (国务院
//     关于职工工作时间的规定 第七条: 国家机关、事业单位实行统一的工作时间，星期六和
//     星期日为周休息日), and the Supreme People's Court reads the rule so: a
//     period ending “如星期六、星期日、‘五一’、‘十一’、元旦、春节等” ends on the
//     first day after, while days off inside the period are not deducted
//     (最高人民法院 2014-12-12 答复, quoted at https://055110.com/law/1/13850.html).
//   - A weekend day the State Council makes a working day (调休上班) is not:
//     state organs and courts work on it, so a period ending on it ends
//     that day. This is also the safe reading for the agency the bot
//     reminds: it never moves a deadline later than the office is open.
//
// Both follow from one test, “not a working day of the work calendar”, so
// the calendar file (holidays and 调休 as announced each year) decides.

// CalendarDays returns the last day of a period of n days that starts on
// start: the day start itself is not counted (民事诉讼法 第八十五条第二款,
// 民法典 第二百零一条), and a last day that is not a working day moves to the
// first working day after it (第八十五条第三款, 民法典 第二百零三条). Days off
// inside the period count like any other day.
func CalendarDays(cal *workcal.Calendar, start workcal.Day, n int) workcal.Day {
	return cal.OnOrAfter(start.AddDays(n))
}

// WorkingDays returns the last day of a period of n working days that
// starts on start: the n-th working day after it (行政复议法 第八十八条第二款:
// 本法关于行政复议期间有关“三日”、“五日”、“七日”、“十日”的规定是指工作日，不含法定
// 休假日). A 调休 Saturday counts as a working day, the days off of a
// holiday do not; the last day is a working day by construction.
func WorkingDays(cal *workcal.Calendar, start workcal.Day, n int) workcal.Day {
	return cal.AddWorkdays(start, n)
}

// Months returns the last day of a period of n months that starts on
// start: the day of the same number n months later, or that month's last
// day when it has none (民法典 第二百零二条: 到期月的对应日为期间的最后一日；没有
// 对应日的，月末日为期间的最后一日; the Supreme People's Court's reading of
// 民事诉讼法 is the same: 不分大月、小月 … 没有对应于开始月份的那一天的，应当为届满
// 那个月的最后一天), moved to the first working day after when it is not a
// working day.
func Months(cal *workcal.Calendar, start workcal.Day, n int) workcal.Day {
	return cal.OnOrAfter(start.AddMonths(n))
}

// postponed says why a period of the kind CalendarDays or Months counts
// did not end on its nominal last day: the holiday it fell in, or 周末
// for an ordinary weekend; "" when it did.
func postponed(cal *workcal.Calendar, nominal workcal.Day) string {
	if cal.Workday(nominal) {
		return ""
	}
	if h := cal.Holiday(nominal); h != "" {
		return h
	}
	return "周末"
}
