package handlers

import (
	"casebot/bot/cases"
	"time"
)

// filingFact answers 什么时候立案的 / 立案日期 of one case with its 立案日期,
// never its hearing: the lead says the field asked, and says plainly when
// the ledger does not have it.
func filingFact(c *cases.Case, loc *time.Location) string {
	if c.FiledOn.IsZero() {
		return "立案日期：台账未登记该案的立案日期，请向承办人了解。"
	}
	return "立案日期：**" + cases.FormatDate(c.FiledOn, loc) + "**。"
}

// numberYear is the year a 案号 carries ((2015)黔高行终字第12号: 2015), 0
// when it does not parse.
func numberYear(number string) int {
	n, err := cases.ParseCanonical(number)
	if err != nil {
		return 0
	}
	return n.Year
}
