package bulletin

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Month is a calendar month. Its boundaries are midnights in the
// configured time zone, given to Start and End.
type Month struct {
	Year  int
	Month time.Month
}

// MonthOf returns the month t falls in, in loc.
func MonthOf(t time.Time, loc *time.Location) Month {
	y, m, _ := t.In(loc).Date()
	return Month{y, m}
}

var monthRe = regexp.MustCompile(`^(\d{4})-(\d{1,2})$`)

// ParseMonth reads "2025-10".
func ParseMonth(s string) (Month, error) {
	m := monthRe.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return Month{}, fmt.Errorf("月份“%s”格式不对，应写作 YYYY-MM，例如 2025-10", s)
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	if mo < 1 || mo > 12 || y < 1990 || y > 2200 {
		return Month{}, fmt.Errorf("月份“%s”不存在，应写作 YYYY-MM，例如 2025-10", s)
	}
	return Month{y, time.Month(mo)}, nil
}

// String is the contract's writing, "2025-10".
func (m Month) String() string { return fmt.Sprintf("%04d-%02d", m.Year, int(m.Month)) }

// Label is how people write it, "2025年10月".
func (m Month) Label() string { return fmt.Sprintf("%d年%d月", m.Year, int(m.Month)) }

// Start is the first instant of the month in loc.
func (m Month) Start(loc *time.Location) time.Time {
	return time.Date(m.Year, m.Month, 1, 0, 0, 0, 0, loc)
}

// End is the first instant after the month in loc.
func (m Month) End(loc *time.Location) time.Time { return m.Start(loc).AddDate(0, 1, 0) }

// Add returns the month n months later (earlier for negative n).
func (m Month) Add(n int) Month {
	t := time.Date(m.Year, m.Month+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	return Month{t.Year(), t.Month()}
}

// Before reports whether m is earlier than o.
func (m Month) Before(o Month) bool {
	return m.Year < o.Year || m.Year == o.Year && m.Month < o.Month
}

// YearStart is January of m's year.
func (m Month) YearStart() Month { return Month{m.Year, time.January} }
