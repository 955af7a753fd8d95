package ledger

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"time"

	"casebot/bot/cases"
	"casebot/bot/people"
)

// sampleCSV is a clearly fictional ledger (某县 agencies, placeholder
// names) in the template, for the demo and for people trying an import.
//
//go:embed sample/ledger.csv
var sampleCSV []byte

// sampleAnchor is the day the sample's dates are written around: its
// hearings fall on that day, the next, the rest of that week and after,
// and its closed cases in that month and the month before; some of the
// closed first-instance cases were heard in the month before, with the
// head's appearance recorded, for the bulletin's 出庭率.
var sampleAnchor = time.Date(2025, 11, 20, 0, 0, 0, 0, time.UTC)

// SampleCSV returns the sample ledger file as written, dates unshifted.
func SampleCSV() []byte { return sampleCSV }

// Sample returns the sample ledger moved to now, so that whenever the demo
// runs it has hearings today, tomorrow and next week and, for the monthly
// bulletin, cases closed (some lost) in the previous month and first-
// instance hearings held then by several agencies, whose heads appeared at
// most but not all of them (so one agency's 出庭率 is under 100%):
//   - open cases move by whole days, so that the anchor day is today;
//   - closed cases move by whole calendar months, so that the anchor month
//     is this month (their hearings with them, so the ones heard the month
//     before the anchor are heard last month); a closure that would then
//     lie after today is put on today, still after its hearings, which
//     are all in earlier months;
//   - the year in the numbers of the 2025 cases becomes the year their
//     filing dates moved to; the one old-style (2015) case stays as it is.
func Sample(now time.Time, loc *time.Location) (*Ledger, error) {
	y, m, d := now.In(loc).Date()
	today := time.Date(y, m, d, 0, 0, 0, 0, loc)
	days := int(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Sub(sampleAnchor).Hours() / 24)
	months := (y-sampleAnchor.Year())*12 + int(m) - int(sampleAnchor.Month())
	year := time.Date(2025, 9, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, days).Year()
	data := strings.NewReplacer("(2025)", "("+strconv.Itoa(year)+")", "〔2025〕", "〔"+strconv.Itoa(year)+"〕").Replace(string(sampleCSV))
	l, err := Read("sample.csv", []byte(data), ReadOptions{Location: loc})
	if err != nil {
		return nil, err
	}
	if len(l.Errors) > 0 {
		return nil, fmt.Errorf("sample ledger: %s", l.Errors[0])
	}
	for _, e := range l.Entries {
		c := e.Case
		switch {
		case cases.MustParseNumber(c.Number).Year != year:
		case c.Closure == nil:
			shiftCase(c, func(t time.Time) time.Time { return t.AddDate(0, 0, days) })
		default:
			shiftCase(c, func(t time.Time) time.Time { return addMonths(t, months) })
			if c.Closure.On.After(now) {
				c.Closure.On = today
			}
			// What followed the closing (service, a suggestion) cannot lie
			// in the future either.
			c.ServedOn = notAfter(c.ServedOn, now, today)
			for i := range c.Suggestions {
				c.Suggestions[i].ReceivedOn = notAfter(c.Suggestions[i].ReceivedOn, now, today)
			}
		}
	}
	return l, nil
}

// notAfter returns t, or today when t is after now.
func notAfter(t, now, today time.Time) time.Time {
	if t.After(now) {
		return today
	}
	return t
}

// shiftCase moves every date of c with shift; zero dates stay zero.
func shiftCase(c *cases.Case, shift func(time.Time) time.Time) {
	move := func(t time.Time) time.Time {
		if t.IsZero() {
			return t
		}
		return shift(t)
	}
	c.FiledOn = move(c.FiledOn)
	if c.Closure != nil {
		c.Closure.On = move(c.Closure.On)
	}
	for i := range c.Hearings {
		c.Hearings[i].At = move(c.Hearings[i].At)
	}
	c.CopyReceivedOn, c.AnsweredOn, c.ServedOn = move(c.CopyReceivedOn), move(c.AnsweredOn), move(c.ServedOn)
	for i := range c.Suggestions {
		s := &c.Suggestions[i]
		s.ReceivedOn, s.DueOn, s.RepliedOn = move(s.ReceivedOn), move(s.DueOn), move(s.RepliedOn)
	}
}

// addMonths moves t by n calendar months keeping its time of day, with the
// day clamped to the length of the month (10-31 + 1 month = 11-30).
func addMonths(t time.Time, n int) time.Time {
	first := time.Date(t.Year(), t.Month()+time.Month(n), 1, t.Hour(), t.Minute(), t.Second(), 0, t.Location())
	last := first.AddDate(0, 1, -1).Day()
	return first.AddDate(0, 0, min(t.Day(), last)-1)
}

// ShiftDays moves every date of the ledger by days, keeping times of day.
func (l *Ledger) ShiftDays(days int) {
	for _, e := range l.Entries {
		shiftCase(e.Case, func(t time.Time) time.Time { return t.AddDate(0, 0, days) })
	}
}

// SamplePeople is a fictional people directory that goes with the sample
// ledger: one admin, one staff member of the bureau's 应诉专班, one of the
// 普法 team, and the head and handler of four agencies, named as the
// sample's 出庭负责人 and 承办人 so that its hearings' reminders reach
// them. The other agencies of the sample have nobody, which the reminders
// report to staff, as they would in a real directory with gaps.
func SamplePeople() []*people.Person {
	return []*people.Person{
		{UserID: "zhangwei", Name: "张伟", Role: people.Admin, Post: "信息科科长"},
		{UserID: "liuyang", Name: "刘洋", Role: people.Staff, Post: "应诉专班"},
		{UserID: "huangli", Name: "黄丽", Role: people.Pufa, Post: "普法与依法治理科"},
		{UserID: "chenli", Name: "陈立", Role: people.Head, Agency: "某县市场监督管理局", Post: "副局长"},
		{UserID: "liwen", Name: "李文", Role: people.Handler, Agency: "某县市场监督管理局", Post: "法规股股长"},
		{UserID: "wumin", Name: "吴敏", Role: people.Head, Agency: "某县自然资源局", Post: "局长"},
		{UserID: "wangfang", Name: "王芳", Role: people.Handler, Agency: "某县自然资源局", Post: "法规股干部"},
		{UserID: "sunqiang", Name: "孙强", Role: people.Head, Agency: "某县公安局", Post: "副局长"},
		{UserID: "zhoujie", Name: "周洁", Role: people.Handler, Agency: "某县公安局", Post: "法制大队民警"},
		{UserID: "heping", Name: "何平", Role: people.Head, Agency: "某县人民政府", Post: "副县长"},
		{UserID: "mali", Name: "马丽", Role: people.Handler, Agency: "某县人民政府", Post: "县政府办干部"},
	}
}
