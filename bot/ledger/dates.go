package ledger

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"casebot/bot/numeral"
)

// dateForms are the forms a date error suggests; hint leaves out the one
// the user has just typed, which evidently was not the problem.
var dateForms = []string{"2025-11-20 09:30", "2025/11/20 9:30", "2025年11月20日 上午9:30", "2025年11月20日9时30分"}

// dateHint is the full suggestion, for inputs that resemble no form.
var dateHint = hint("")

// hint lists the date forms to suggest after an error in input.
func hint(input string) string {
	shape := dateShape(input)
	var forms []string
	for _, f := range dateForms {
		if dateShape(f) != shape {
			forms = append(forms, f)
		}
	}
	if len(forms) == 1 {
		return "可写作 " + forms[0]
	}
	return "可写作 " + strings.Join(forms[:len(forms)-1], "、") + " 或 " + forms[len(forms)-1]
}

// dateShape is the form of a date written, without its numbers, its
// weekday or its spaces: 2026年12月3日 上午9:30（星期四） is 9年9月9日上午9:9.
func dateShape(s string) string {
	s = weekdayAnywhere.ReplaceAllString(foldWidth(s), "")
	s = strings.Join(strings.Fields(s), "")
	return digitsRe.ReplaceAllString(s, "9")
}

var (
	// ymdRe: 2025-11-20, 2025/11/20, 2025.11.20, then an optional time.
	ymdRe = regexp.MustCompile(`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s]+(.*))?$`)
	// chineseRe: 2025年11月20日, then an optional time (日 may be 号).
	chineseRe = regexp.MustCompile(`^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?(.*)$`)
	// compactRe: 20251120, as some systems export dates.
	compactRe = regexp.MustCompile(`^((?:19|20)\d{2})(\d{2})(\d{2})$`)
	// serialRe: an Excel date serial, the raw value of a date cell.
	serialRe = regexp.MustCompile(`^\d{1,6}(?:\.\d+)?(?:[eE][-+]?\d+)?$`)
	// clockRe: 9, 9:30, 09:30:00, 09:30:00.000 (after folding 时/点/分).
	clockRe = regexp.MustCompile(`^(\d{1,2})(?::(\d{1,2}))?(?::(\d{1,2})(?:\.\d+)?)?$`)
	// weekdayAnywhere: （星期四）, 周四, 礼拜四 wherever the cell writes it:
	// between the date and the time, or after the time.
	weekdayAnywhere = regexp.MustCompile(`[(（]?\s*(?:星期|周|礼拜)([一二三四五六日天七1-7])\s*[)）]?`)
	// monthDayRe: 12月3日 or 12/3, a date without its year, then a time.
	monthDayRe = regexp.MustCompile(`^(\d{1,2})(?:月(\d{1,2})[日号]?|[/.](\d{1,2})(?:\s+|$))(.*)$`)
	digitsRe   = regexp.MustCompile(`\d+`)
)

var chineseWeekdays = map[string]time.Weekday{"日": time.Sunday, "天": time.Sunday, "七": time.Sunday, "7": time.Sunday,
	"一": time.Monday, "二": time.Tuesday, "三": time.Wednesday, "四": time.Thursday, "五": time.Friday, "六": time.Saturday,
	"1": time.Monday, "2": time.Tuesday, "3": time.Wednesday, "4": time.Thursday, "5": time.Friday, "6": time.Saturday}

// period markers before (or after) a clock time.
var (
	amMarkers = []string{"上午", "早上", "早晨", "清晨", "凌晨", "AM", "am", "A.M.", "a.m."}
	pmMarkers = []string{"下午", "晚上", "傍晚", "夜间", "晚间", "中午", "PM", "pm", "P.M.", "p.m."}
)

// parseTime reads a date, with or without a time of day, in loc. It
// accepts the forms of the contract, RFC 3339 (with its offset honoured)
// and Excel date serials (date1904 says which epoch the workbook uses).
// hasTime reports whether a time of day was written. A date without its
// year is an error here; see readTime.
func parseTime(s string, loc *time.Location, date1904 bool) (t time.Time, hasTime bool, err error) {
	r, err := readTime(s, loc, date1904, time.Time{})
	return r.t, r.hasTime, err
}

// reading is a date as read from a cell.
type reading struct {
	t       time.Time
	hasTime bool
	// yearGuessed is set when the cell wrote no year and the nearest
	// one to now was taken.
	yearGuessed bool
	// weekday is set when the cell wrote a weekday (checked against the date).
	weekday bool
}

// readTime is parseTime that also reads a date without its year (12月3日
// 上午9:30) as the date of that day nearest to now, within half a year
// either way: a ledger lists hearings of the coming weeks and filings of
// the past ones. With now zero such a date is an error. A weekday may
// stand anywhere in the cell, and must agree with the date.
func readTime(s string, loc *time.Location, date1904 bool, now time.Time) (reading, error) {
	in := s
	s = strings.TrimSpace(foldWidth(s))
	if s == "" {
		return reading{}, nil
	}
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		t = t.In(loc)
		return reading{t: t, hasTime: true}, checkYear(in, t)
	}
	// The weekday, wherever it is, is taken out and checked at the end.
	var weekday string
	if m := weekdayAnywhere.FindStringSubmatchIndex(s); m != nil {
		weekday = s[m[2]:m[3]]
		s = strings.TrimSpace(s[:m[0]] + " " + s[m[1]:])
	}
	var y, mo, d int
	var rest string
	guessed := false
	switch {
	case compactRe.MatchString(s):
		m := compactRe.FindStringSubmatch(s)
		y, mo, d = atoi(m[1]), atoi(m[2]), atoi(m[3])
	case serialRe.MatchString(s) && weekday == "":
		t, err := fromSerial(s, loc, date1904)
		if err != nil {
			return reading{}, fmt.Errorf("无法识别的日期“%s”：%s", in, hint(in))
		}
		return reading{t: t, hasTime: t.Hour() != 0 || t.Minute() != 0 || t.Second() != 0}, checkYear(in, t)
	case ymdRe.MatchString(s):
		m := ymdRe.FindStringSubmatch(s)
		y, mo, d, rest = atoi(m[1]), atoi(m[2]), atoi(m[3]), m[4]
	case chineseRe.MatchString(s):
		m := chineseRe.FindStringSubmatch(s)
		y, mo, d, rest = atoi(m[1]), atoi(m[2]), atoi(m[3]), m[4]
	case monthDayRe.MatchString(s):
		m := monthDayRe.FindStringSubmatch(s)
		mo, d, rest = atoi(m[1]), atoi(m[2]+m[3]), m[4]
		if now.IsZero() {
			return reading{}, fmt.Errorf("日期“%s”没有写年份，请写全，例如 %d年%d月%d日", in, 2025, mo, d)
		}
		if y = nearestYear(mo, d, now.In(loc)); y == 0 {
			return reading{}, fmt.Errorf("日期“%s”不存在（没有 %d 月 %d 日）", in, mo, d)
		}
		guessed = true
	default:
		return reading{}, fmt.Errorf("无法识别的日期“%s”：%s", in, hint(in))
	}
	date := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, loc)
	if date.Year() != y || int(date.Month()) != mo || date.Day() != d {
		return reading{}, fmt.Errorf("日期“%s”不存在（%d 年 %d 月没有 %d 日）", in, y, mo, d)
	}
	if err := checkYear(in, date); err != nil {
		return reading{}, err
	}
	if weekday != "" {
		if wd := chineseWeekdays[weekday]; wd != date.Weekday() {
			if guessed {
				return reading{}, fmt.Errorf("日期“%s”有误：没写年份，按最近的 %d 年读，%d月%d日是%s，不是%s；请写上年份", in, y, mo, d, weekdayName(date.Weekday()), weekdayName(wd))
			}
			return reading{}, fmt.Errorf("日期“%s”有误：%d年%d月%d日是%s，不是%s", in, y, mo, d, weekdayName(date.Weekday()), weekdayName(wd))
		}
	}
	r := reading{t: date, yearGuessed: guessed, weekday: weekday != ""}
	rest = strings.TrimSpace(rest)
	if rest == "" {
		return r, nil
	}
	h, mi, sec, err := parseClock(rest)
	if errors.Is(err, errNoClock) {
		return reading{}, fmt.Errorf("“%s”中的时间无法识别：%s", in, hint(in))
	}
	if err != nil {
		return reading{}, fmt.Errorf("“%s”中的时间%s", in, err)
	}
	r.t, r.hasTime = time.Date(y, time.Month(mo), d, h, mi, sec, 0, loc), true
	return r, nil
}

// nearestYear returns the year in which month mo, day d is nearest to
// now (0 when no year has that day: 2月30日; 2月29日 looks for a leap year
// among the three).
func nearestYear(mo, d int, now time.Time) int {
	best, bestDist := 0, time.Duration(1<<63-1)
	for _, y := range []int{now.Year() - 1, now.Year(), now.Year() + 1} {
		t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, now.Location())
		if t.Month() != time.Month(mo) || t.Day() != d {
			continue
		}
		dist := t.Sub(now)
		if dist < 0 {
			dist = -dist
		}
		if dist < bestDist {
			best, bestDist = y, dist
		}
	}
	return best
}

// errNoClock is a time of day parseClock cannot read at all.
var errNoClock = errors.New("unreadable time of day")

// cnClock writes the Chinese numerals of a time of day (九:三十, 十四:)
// as digits, so that 上午九时三十分 reads like 上午9时30分.
func cnClock(s string) string {
	var b strings.Builder
	var run []rune
	flush := func() {
		if len(run) > 0 {
			if n, ok := cnNumber(run); ok {
				b.WriteString(strconv.Itoa(n))
			} else {
				b.WriteString(string(run))
			}
			run = run[:0]
		}
	}
	for _, r := range s {
		if strings.ContainsRune("〇零一二两三四五六七八九十", r) {
			run = append(run, r)
			continue
		}
		flush()
		b.WriteRune(r)
	}
	flush()
	return b.String()
}

// cnNumber reads a Chinese numeral from 0 to 59: 九, 十, 十四, 二十, 三十五, 〇五.
func cnNumber(rs []rune) (int, bool) {
	n, ok := numeral.Parse(string(rs))
	return int(n), ok && n <= 59
}

// parseClock reads a time of day: 9:30, 09:30:00, 9时30分, 9点半, with an
// optional 上午/下午 (or AM/PM) marker.
func parseClock(s string) (h, m, sec int, err error) {
	pm, am, marker := false, false, ""
	for _, mk := range pmMarkers {
		if t, ok := cutAffix(s, mk); ok {
			s, pm, marker = t, true, mk
			break
		}
	}
	if !pm {
		for _, mk := range amMarkers {
			if t, ok := cutAffix(s, mk); ok {
				s, am, marker = t, true, mk
				break
			}
		}
	}
	s = strings.TrimSpace(s)
	if strings.ContainsAny(s, "-~～至到") {
		return 0, 0, 0, fmt.Errorf("是一个时间段：开庭时间只填开始时间，例如 2025-11-20 09:30")
	}
	s = strings.NewReplacer("时", ":", "点", ":", "分", ":", "秒", "", "整", "").Replace(s)
	s = strings.Replace(s, ":半", ":30", 1)
	s = strings.TrimRight(s, ":")
	c := clockRe.FindStringSubmatch(cnClock(s))
	if c == nil {
		return 0, 0, 0, errNoClock
	}
	h, m, sec = atoi(c[1]), atoi(c[2]), atoi(c[3])
	switch {
	case marker == "中午" && h >= 11: // 中午11:30 is before noon
	case pm && h < 12:
		h += 12
	case am && h == 12 && marker == "凌晨": // 凌晨12点 is midnight
		h = 0
	case am && h > 12:
		return 0, 0, 0, fmt.Errorf("自相矛盾：%s没有 %d 点", marker, h)
	}
	if h > 23 || m > 59 || sec > 59 {
		return 0, 0, 0, fmt.Errorf("不存在（小时应为 0–23，分钟 0–59）")
	}
	return h, m, sec, nil
}

func cutAffix(s, affix string) (string, bool) {
	if t, ok := strings.CutPrefix(s, affix); ok {
		return t, true
	}
	return strings.CutSuffix(s, affix)
}

func weekdayName(d time.Weekday) string {
	return "星期" + []string{"日", "一", "二", "三", "四", "五", "六"}[d]
}

// checkYear catches numbers that are not dates (a stray 3 read as an Excel
// serial is 1900-01-03) and typos in the year.
func checkYear(in string, t time.Time) error {
	if y := t.Year(); y < 1950 || y > 2099 {
		return fmt.Errorf("日期“%s”的年份 %d 不合理，请检查", in, y)
	}
	return nil
}

// Excel serials count days from an epoch in the workbook's wall clock:
// 1899-12-30 in the 1900 system (which absorbs Lotus's fictitious
// 1900-02-29 for every date after it), 1904-01-01 in the 1904 system.
var (
	epoch1900 = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	epoch1904 = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
)

// fromSerial converts an Excel date serial to the same wall-clock time in
// loc, rounded to the second: serials are floats, and 09:30 is stored as
// 0.395833333...
func fromSerial(s string, loc *time.Location, date1904 bool) (time.Time, error) {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v < 0 || v > 2958465 { // 9999-12-31
		return time.Time{}, fmt.Errorf("bad serial %q", s)
	}
	epoch := epoch1900
	if date1904 {
		epoch = epoch1904
	}
	secs := int64(math.Round(v * 86400))
	w := epoch.Add(time.Duration(secs) * time.Second)
	return time.Date(w.Year(), w.Month(), w.Day(), w.Hour(), w.Minute(), w.Second(), 0, loc), nil
}

// toSerial is the inverse of fromSerial for the 1900 system: the serial of
// t's wall clock in loc, exact to the second when read back.
func toSerial(t time.Time, loc *time.Location) float64 {
	t = t.In(loc)
	w := time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
	return float64(w.Sub(epoch1900)/time.Second) / 86400
}

// formatTime writes t in loc the way parseTime reads it back exactly: a
// date alone at midnight, minutes when there are no seconds.
func formatTime(t time.Time, loc *time.Location) string {
	t = t.In(loc)
	switch {
	case t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0:
		return t.Format("2006-01-02")
	case t.Second() == 0:
		return t.Format("2006-01-02 15:04")
	}
	return t.Format("2006-01-02 15:04:05")
}

// foldWidth turns full-width digits, letters and punctuation into their
// half-width forms and the ideographic space into a space.
func foldWidth(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '！' && r <= '～':
			return r - 0xFEE0
		case r == '\u3000':
			return ' '
		}
		return r
	}, s)
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
