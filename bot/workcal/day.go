// Package workcal is the work calendar: civil dates, times of day, and
// which days are working days (public holidays and the weekend days made
// working days, 调休, as the State Council announces each year). Hearing
// reminders use it to find the last working day before a hearing; the
// statutory deadline rules (bot/deadline) use it to end a period on a
// working day and to count working-day periods.
package workcal

import (
	"fmt"
	"time"
)

// Day is a civil date, free of time zones: the unit the work calendar
// and legal periods speak in. The zero Day is "no date".
type Day struct {
	Year  int
	Month time.Month
	Day   int
}

// DateOf returns the date of t in loc.
func DateOf(t time.Time, loc *time.Location) Day {
	y, m, d := t.In(loc).Date()
	return Day{y, m, d}
}

// ParseDay reads YYYY-MM-DD.
func ParseDay(s string) (Day, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Day{}, fmt.Errorf("日期“%s”应写作 YYYY-MM-DD", s)
	}
	return Day{t.Year(), t.Month(), t.Day()}, nil
}

// MustParseDay is ParseDay for literals known to be valid (tests, tables).
func MustParseDay(s string) Day {
	d, err := ParseDay(s)
	if err != nil {
		panic(err)
	}
	return d
}

func (d Day) utc() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// IsZero reports whether d is the zero Day.
func (d Day) IsZero() bool { return d == Day{} }

// AddDays returns the date n days later (earlier when n < 0).
func (d Day) AddDays(n int) Day {
	y, m, dd := d.utc().AddDate(0, 0, n).Date()
	return Day{y, m, dd}
}

// AddMonths returns the same day of the month n months later; when that
// month is shorter, its last day (1-31 plus one month is 2-28, or 2-29 in
// a leap year). This is the corresponding-day rule of 民法典 第二百零二条
// (按照年、月计算期间的，到期月的对应日为期间的最后一日；没有对应日的，月末日为
// 期间的最后一日); time.AddDate would normalize 2-31 to 3-3 instead.
func (d Day) AddMonths(n int) Day {
	first := time.Date(d.Year, d.Month+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	return Day{first.Year(), first.Month(), min(d.Day, last)}
}

// DaysUntil returns how many days e is after d (negative when before).
func (d Day) DaysUntil(e Day) int {
	return int(e.utc().Sub(d.utc()).Hours() / 24)
}

// Weekday returns the day of the week.
func (d Day) Weekday() time.Weekday { return d.utc().Weekday() }

// At returns the instant at hh:mm of this date in loc.
func (d Day) At(c Clock, loc *time.Location) time.Time {
	return time.Date(d.Year, d.Month, d.Day, c.Hour, c.Minute, 0, 0, loc)
}

// Before reports whether d is earlier than e.
func (d Day) Before(e Day) bool { return d.utc().Before(e.utc()) }

// After reports whether d is later than e.
func (d Day) After(e Day) bool { return e.Before(d) }

// Number writes d as the integer yyyymmdd: ordered like the dates, and
// readable in redis-cli where it scores the deadline index.
func (d Day) Number() int { return d.Year*10000 + int(d.Month)*100 + d.Day }

// DayFromNumber reads what Number wrote.
func DayFromNumber(n int) Day { return Day{n / 10000, time.Month(n / 100 % 100), n % 100} }

func (d Day) String() string { return d.utc().Format(time.DateOnly) }

// Chinese writes d as people write dates in documents: 2026年12月18日.
func (d Day) Chinese() string { return fmt.Sprintf("%d年%d月%d日", d.Year, d.Month, d.Day) }

// Clock is a time of day.
type Clock struct{ Hour, Minute int }

// ParseClock reads "HH:MM" (also "H:MM").
func ParseClock(s string) (Clock, error) {
	t, err := time.Parse("15:04", s)
	if err != nil {
		return Clock{}, fmt.Errorf("时间“%s”应写作 HH:MM，例如 16:00", s)
	}
	return Clock{t.Hour(), t.Minute()}, nil
}

func (c Clock) String() string { return fmt.Sprintf("%02d:%02d", c.Hour, c.Minute) }
