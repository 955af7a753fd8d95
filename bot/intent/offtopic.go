package intent

import (
	"strconv"
)

// offTopicWords are everyday matters people ask a colleague about (今天天气
// 咋样, 明天放假不, 今天食堂吃啥); with a time word in the message they are
// still no question about hearings, and get the one-line statement of
// scope instead of a period's hearings (never 今天没有开庭安排).
var offTopicWords = []string{"开会", "上班", "下班", "放假", "放几天假", "调休", "休息", "吃饭", "吃啥", "吃什么", "火锅", "喝茶",
	"喝酒", "聚餐", "去哪耍", "出去耍", "耍", "下雨", "下雪", "冷不冷", "好冷", "好热", "发工资", "打球", "体检", "团建",
	"现在几点", "几点了", "星期几", "礼拜几"}

// monthDayRe is a day of a month written out without 日 or 号 (十二月十六,
// 十一月二十五, 12月一): the month already in digits, the day in Chinese
// numerals, followed by nothing that makes the numeral a word of its own
// (12月一共, 12月一些, 12月十几个).
var monthDayRe = mustCompile(`(\d{1,2})月([一二三四五六七八九十]{1,3})([^一二三四五六七八九十日号月天周个共起些样直点下般切律份几多来号]|$)`)

// monthDays writes such a day as N月D日.
func monthDays(s string) string {
	return monthDayRe.ReplaceAllStringFunc(s, func(m string) string {
		sub := monthDayRe.FindStringSubmatch(m)
		d, ok := cnNumber(sub[2])
		if !ok || d < 1 || d > 31 {
			return m
		}
		return sub[1] + "月" + strconv.Itoa(d) + "日" + sub[3]
	})
}
