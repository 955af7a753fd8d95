package workcal

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
	"time"
)

// Calendar says which days are working days: Monday to Friday, except the
// public holidays, plus the weekend days made working days (调休上班), as the
// State Council announces each year. Years the calendar does not cover fall
// back to Monday–Friday; Covers tells which years it knows.
type Calendar struct {
	Name    string
	Sources []string
	years   map[int]bool
	off     map[Day]string // holiday name
	work    map[Day]string // 调休 working day, by the holiday it makes up for
}

// calendarFile is the JSON form of a calendar (see cn-2025-2026.json).
type calendarFile struct {
	Name      string   `json:"name"`
	Years     []int    `json:"years"`
	Sources   []string `json:"sources"`
	Festivals []struct {
		Name string    `json:"name"`
		Off  [2]string `json:"off"`  // first and last day off, inclusive
		Work []string  `json:"work"` // weekend days made working days
		Text string    `json:"text"` // the notice's own words
	} `json:"festivals"`
}

//go:embed cn-2025-2026.json
var builtinCalendar []byte

// BuiltinCalendar returns the calendar shipped with casebot: China's 2025
// and 2026 public holidays and make-up working days.
func BuiltinCalendar() *Calendar {
	c, err := ParseCalendar(builtinCalendar)
	if err != nil {
		panic("built-in work calendar: " + err.Error())
	}
	return c
}

// LoadCalendar reads a calendar file; an empty path is the built-in one.
func LoadCalendar(path string) (*Calendar, error) {
	if path == "" {
		return BuiltinCalendar(), nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("读取工作日历 %s 失败：%w", path, err)
	}
	c, err := ParseCalendar(b)
	if err != nil {
		return nil, fmt.Errorf("工作日历 %s 有误：%w", path, err)
	}
	return c, nil
}

// ParseCalendar decodes and checks a calendar: dates must be real, inside
// the years the file declares, holiday blocks in order, and every make-up
// working day a Saturday or Sunday outside any holiday — a typo in a date
// is caught here rather than by a head reminded on a holiday.
func ParseCalendar(b []byte) (*Calendar, error) {
	var f calendarFile
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("不是有效的日历 JSON：%w", err)
	}
	if len(f.Years) == 0 {
		return nil, fmt.Errorf("缺少 years（日历覆盖的年份）")
	}
	c := &Calendar{Name: f.Name, Sources: f.Sources, years: map[int]bool{}, off: map[Day]string{}, work: map[Day]string{}}
	for _, y := range f.Years {
		c.years[y] = true
	}
	for i, fe := range f.Festivals {
		where := fmt.Sprintf("第 %d 个节日（%s）", i+1, fe.Name)
		from, err := ParseDay(fe.Off[0])
		if err != nil {
			return nil, fmt.Errorf("%s 放假起始：%w", where, err)
		}
		to, err := ParseDay(fe.Off[1])
		if err != nil {
			return nil, fmt.Errorf("%s 放假结束：%w", where, err)
		}
		if to.Before(from) || from.AddDays(31).Before(to) {
			return nil, fmt.Errorf("%s 放假区间 %s 至 %s 不合理", where, from, to)
		}
		for d := from; !to.Before(d); d = d.AddDays(1) {
			if !c.years[d.Year] {
				return nil, fmt.Errorf("%s：%s 不在日历声明的年份内", where, d)
			}
			c.off[d] = fe.Name
		}
		for _, s := range fe.Work {
			d, err := ParseDay(s)
			if err != nil {
				return nil, fmt.Errorf("%s 调休上班日：%w", where, err)
			}
			if wd := d.Weekday(); wd != time.Saturday && wd != time.Sunday {
				return nil, fmt.Errorf("%s：调休上班日 %s 是工作日（%s），应为周六或周日", where, d, wd)
			}
			if !c.years[d.Year] {
				return nil, fmt.Errorf("%s：%s 不在日历声明的年份内", where, d)
			}
			c.work[d] = fe.Name
		}
	}
	for d, name := range c.work {
		if _, ok := c.off[d]; ok {
			return nil, fmt.Errorf("%s 既是放假日又是调休上班日（%s）", d, name)
		}
	}
	return c, nil
}

// Covers reports whether the calendar knows the holidays of year.
func (c *Calendar) Covers(year int) bool { return c.years[year] }

// Workday reports whether d is a working day.
func (c *Calendar) Workday(d Day) bool {
	if _, ok := c.work[d]; ok {
		return true
	}
	if _, ok := c.off[d]; ok {
		return false
	}
	wd := d.Weekday()
	return wd != time.Saturday && wd != time.Sunday
}

// Festival returns the first and last day off of the holiday of year
// whose name contains name (国庆 finds 国庆节 and 国庆节、中秋节); ok is
// false when the calendar holds none.
func (c *Calendar) Festival(name string, year int) (first, last Day, ok bool) {
	for d, n := range c.off {
		if d.Year != year || !strings.Contains(n, name) {
			continue
		}
		if !ok || d.Before(first) {
			first = d
		}
		if !ok || d.After(last) {
			last = d
		}
		ok = true
	}
	return first, last, ok
}

// Holiday returns the name of the holiday d falls in, or "".
func (c *Calendar) Holiday(d Day) string { return c.off[d] }

// LastWorkdayBefore returns the last working day strictly before d.
func (c *Calendar) LastWorkdayBefore(d Day) Day {
	for i := 1; ; i++ {
		if p := d.AddDays(-i); c.Workday(p) {
			return p
		}
	}
}

// LongestBreak returns the most consecutive non-working days the calendar
// holds (at least 2, a weekend): how far ahead a "last working day before"
// reminder can fall.
func (c *Calendar) LongestBreak() int {
	longest := 2
	for d := range c.off {
		if c.Workday(d.AddDays(-1)) {
			n := 0
			for e := d; !c.Workday(e); e = e.AddDays(1) {
				n++
			}
			longest = max(longest, n)
		}
	}
	return longest
}

// MakeUp returns the name of the holiday a 调休 working day makes up for,
// or "" when d is not one.
func (c *Calendar) MakeUp(d Day) string { return c.work[d] }

// OnOrAfter returns d when it is a working day, else the first working day
// after it.
func (c *Calendar) OnOrAfter(d Day) Day {
	for !c.Workday(d) {
		d = d.AddDays(1)
	}
	return d
}

// AddWorkdays returns the n-th working day after d (n ≥ 1); d itself is
// not counted, whether or not it is a working day.
func (c *Calendar) AddWorkdays(d Day, n int) Day {
	for n > 0 {
		d = d.AddDays(1)
		if c.Workday(d) {
			n--
		}
	}
	return d
}

// SubWorkdays returns the n-th working day before d (n ≥ 1), or d itself
// for n = 0: the day a reminder "n working days ahead" of a last day d
// goes out.
func (c *Calendar) SubWorkdays(d Day, n int) Day {
	for n > 0 {
		d = c.LastWorkdayBefore(d)
		n--
	}
	return d
}

// Digest names the calendar's content: the years it covers, its days off
// and its make-up working days, not its names or sources. Two calendars
// with the same digest say the same of every day, so anything computed
// from one (the deadline index) holds for the other.
func (c *Calendar) Digest() string {
	h := sha256.New()
	years := slices.Sorted(maps.Keys(c.years))
	fmt.Fprintln(h, years)
	for _, m := range []map[Day]string{c.off, c.work} {
		days := slices.SortedFunc(maps.Keys(m), func(a, b Day) int { return a.Number() - b.Number() })
		for _, d := range days {
			fmt.Fprint(h, d.Number(), " ")
		}
		fmt.Fprintln(h)
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}
