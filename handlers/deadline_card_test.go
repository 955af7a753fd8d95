package handlers

import (
	"testing"

	"casebot/bot/cases"
	"casebot/bot/people"
)

// TestCaseCardShowsDeadlines: the case card carries each statutory
// deadline with the days left (bot/deadline formats the lines; the card
// calls it once).
func TestCaseCardShowsDeadlines(t *testing.T) {
	e := newChatEnv(t, nil)
	e.people(&people.Person{UserID: "staff1", Name: "陈专班", Role: people.Staff})
	open := lawsuit("(2025)黔0115行初201号", "赵一明", "某县公安局")
	open.CopyReceivedOn = at("2025-11-20 00:00")
	served := lawsuit("(2025)黔0115行初202号", "钱二宝", "某县公安局")
	served.Closure = &cases.Closure{On: at("2025-11-05 00:00"), Method: cases.JudgmentRevoke}
	served.CopyReceivedOn, served.AnsweredOn, served.ServedOn = at("2025-09-01 00:00"), at("2025-09-22 00:00"), at("2025-11-10 00:00")
	e.put(open, served)
	mustContain(t, "open", e.one("staff1", "(2025)黔0115行初201号"), "> 答辩举证期限：2025年12月5日（周五，还剩9天）")
	mustContain(t, "served", e.one("staff1", "(2025)黔0115行初202号"),
		"> 答辩举证期限：2025年9月16日（周二，9月22日已提交，逾期6天）", "> 上诉期限：2025年11月25日（周二，上诉期已届满，未登记是否上诉）")
}
