package intent

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Period is the half-open window [From, To) a message named, with a label
// that says it back to the user.
type Period struct {
	From  time.Time `json:"from"`
	To    time.Time `json:"to"`
	Label string    `json:"label"`
	// Word is the word that named it (本月, 上月…), when a word did.
	Word string `json:"word,omitempty"`
}

// IsZero reports whether no period was named.
func (p Period) IsZero() bool { return p.From.IsZero() && p.To.IsZero() }

// Short is the label without its dates: 明天, 下周, 2026年11月.
func (p Period) Short() string {
	s := p.Label
	if i := strings.Index(s, "，"); i > 0 {
		s = s[:i]
	}
	if i := strings.Index(s, "（"); i > 0 {
		s = s[:i]
	}
	return s
}

// Day reports whether the period is one day.
func (p Period) Day() bool { return !p.From.IsZero() && p.To.Equal(p.From.AddDate(0, 0, 1)) }

// lean says how a date written without its year is placed: at its nearest
// occurrence (hearings may be past or coming), or in the past (counts of
// what happened).
type lean int

const (
	nearest lean = iota
	past
	future // the first occurrence from today on: a hearing's new date
)

var weekdayNames = []string{"周日", "周一", "周二", "周三", "周四", "周五", "周六"}

func day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}

func monday(t time.Time) time.Time {
	d := day(t)
	off := (int(d.Weekday()) + 6) % 7
	return d.AddDate(0, 0, -off)
}

// Today is the period of now's day, labelled as a question's 今天 is.
func Today(now time.Time) Period { return dayPeriod(day(now), now) }

func dayPeriod(d, now time.Time) Period {
	label := fmt.Sprintf("%d月%d日（%s）", d.Month(), d.Day(), weekdayNames[d.Weekday()])
	if d.Year() != now.Year() {
		label = fmt.Sprintf("%d年", d.Year()) + label
	}
	switch d.Sub(day(now)) / (24 * time.Hour) {
	case 0:
		label = "今天，" + label
	case 1:
		label = "明天，" + label
	case 2:
		label = "后天，" + label
	case -1:
		label = "昨天，" + label
	}
	return Period{From: d, To: d.AddDate(0, 0, 1), Label: label}
}

func monthPeriod(y int, m time.Month, loc *time.Location) Period {
	from := time.Date(y, m, 1, 0, 0, 0, 0, loc)
	return Period{From: from, To: from.AddDate(0, 1, 0), Label: fmt.Sprintf("%d年%d月", y, m)}
}

func yearPeriod(y int, loc *time.Location) Period {
	from := time.Date(y, 1, 1, 0, 0, 0, 0, loc)
	return Period{From: from, To: from.AddDate(1, 0, 0), Label: fmt.Sprintf("%d年", y)}
}

func span(from, to time.Time, label string) Period {
	last := to.AddDate(0, 0, -1)
	return Period{From: from, To: to, Label: fmt.Sprintf("%s（%d月%d日—%d月%d日）", label, from.Month(), from.Day(), last.Month(), last.Day())}
}

// placeDay returns the date m/d in the year that lean picks: the latest
// one not after today, or the one nearest today.
func placeDay(m, d int, now time.Time, l lean) (time.Time, bool) {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return time.Time{}, false
	}
	today := day(now)
	var best time.Time
	for _, y := range []int{now.Year() - 1, now.Year(), now.Year() + 1} {
		t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, now.Location())
		if t.Day() != d { // 2月30日
			return time.Time{}, false
		}
		switch {
		case l == past && t.After(today):
		case l == future && t.Before(today):
		case best.IsZero():
			best = t
		case l == past && t.After(best):
			best = t
		case l == nearest && absDur(t.Sub(today)) < absDur(best.Sub(today)):
			best = t
		case l == future && t.Before(best):
			best = t
		}
	}
	return best, !best.IsZero()
}

// placeMonth returns the year of month m that lean picks.
func placeMonth(m int, now time.Time, l lean) int {
	y := now.Year()
	if l == past {
		if m > int(now.Month()) {
			return y - 1
		}
		return y
	}
	if l == future {
		if m < int(now.Month()) {
			return y + 1
		}
		return y
	}
	// Nearest: a month more than six months ahead is last year's.
	switch diff := m - int(now.Month()); {
	case diff > 6:
		return y - 1
	case diff < -6:
		return y + 1
	}
	return y
}

func absDur(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

func validDate(y, m, d int, loc *time.Location) (time.Time, bool) {
	if m < 1 || m > 12 || d < 1 || d > 31 || y < 1990 || y > 2100 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, loc)
	return t, t.Day() == d
}

// cnDateNumber turns Chinese numerals before 月, 日, 号 into digits
// (十二月三日 → 12月3日), and 年 years written digit by digit (二〇二五年).
var cnDateNumber = mustCompile(`([〇零一二两三四五六七八九十]{1,4})(年|月|日|号)`)

func digitsInDates(s string) string {
	return cnDateNumber.ReplaceAllStringFunc(s, func(m string) string {
		sub := cnDateNumber.FindStringSubmatch(m)
		if sub[2] == "年" {
			rs := []rune(sub[1])
			if len(rs) != 4 {
				return m
			}
			var b strings.Builder
			for _, r := range rs {
				d, ok := cnDigits[r]
				if !ok {
					return m
				}
				b.WriteString(strconv.Itoa(d))
			}
			return b.String() + "年"
		}
		n, ok := cnNumber(sub[1])
		if !ok || n == 0 {
			return m
		}
		return strconv.Itoa(n) + sub[2]
	})
}

type periodRule struct {
	re *pattern
	// group is the submatch that spans the words to remove (0: the whole
	// match), for rules that look at a character on either side.
	group int
	build func(m []string, now time.Time, l lean) (Period, bool)
	// nameLike, when set, rejects a match that is the start of a name
	// rather than a date: 周四海 is a person surnamed 周.
	nameLike func(m []string, after string) bool
}

// dateFollowers are the characters that may follow a bare 周X in a
// question about a day (周四的开庭, 周三上午, 周五有庭吗).
const dateFollowers = "的有上下午早晚中开庭审是和及与到至或、，,。？?！!吗呢要会"

// surnameWeekday reports whether a bare 周X (no 本/下/上 before it) is
// followed by a character that continues a name.
func surnameWeekday(m []string, after string) bool {
	if m[1] != "" || !strings.HasPrefix(m[0], "周") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(after)
	return unicode.Is(unicode.Han, r) && !strings.ContainsRune(dateFollowers, r)
}

var weekdayIndex = map[string]int{"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6, "末": 5,
	"1": 0, "2": 1, "3": 2, "4": 3, "5": 4, "6": 5, "7": 6}

// weekOf is the Monday of the week a prefix names: 下(个)周 next week's,
// 上(个)周 last week's, anything else this week's.
func weekOf(prefix string, now time.Time) time.Time {
	switch {
	case strings.HasPrefix(prefix, "下下"):
		return monday(now).AddDate(0, 0, 14) // 下下周一: the week after next
	case strings.HasPrefix(prefix, "上上"):
		return monday(now).AddDate(0, 0, -14)
	case strings.HasPrefix(prefix, "下"):
		return monday(now).AddDate(0, 0, 7)
	case strings.HasPrefix(prefix, "上"):
		return monday(now).AddDate(0, 0, -7)
	}
	return monday(now)
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

// periodRules are tried in order; the first that matches anywhere wins, so
// longer, more specific forms come first.
var periodRules = []periodRule{
	// 上旬, 12月中旬, 下个月下旬, 2026年12月上旬: days 1–10, 11–20, 21–end
	{mustCompile(`(?:(?:((?:19|20)\d{2})\s*年\s*)?(\d{1,2})\s*月份?|(本月|这个月|这月|当月|下个月|下月|下一个月|上个月|上月))?\s*的?\s*([上中下])旬`), 0,
		func(m []string, now time.Time, l lean) (Period, bool) {
			first := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, now.Location())
			switch {
			case m[2] != "":
				mo := atoi(m[2])
				if mo < 1 || mo > 12 {
					return Period{}, false
				}
				y := placeMonth(mo, now, l)
				if m[1] != "" {
					y = atoi(m[1])
				}
				first = time.Date(y, time.Month(mo), 1, 0, 0, 0, 0, now.Location())
			case strings.HasPrefix(m[3], "下"):
				first = first.AddDate(0, 1, 0)
			case strings.HasPrefix(m[3], "上"):
				first = first.AddDate(0, -1, 0)
			}
			from, to := first, first.AddDate(0, 0, 10)
			switch m[4] {
			case "中":
				from, to = first.AddDate(0, 0, 10), first.AddDate(0, 0, 20)
			case "下":
				from, to = first.AddDate(0, 0, 20), first.AddDate(0, 1, 0)
			}
			return span(from, to, fmt.Sprintf("%d年%d月%s旬", first.Year(), first.Month(), m[4])), true
		}, nil},
	// 今年前十个月, 今年头三个月, 去年前6个月: January to the end of month N
	// of that year (a year-to-date span said by its length); the year is
	// named, so 前三个月 alone is not read as this.
	{mustCompile(`(今年|本年度|本年|今年度|这一年|去年|上一年|上年)\s*的?\s*(?:前|头)\s*(\d{1,2}|[一二三四五六七八九十两]{1,3})\s*个?月(?:份)?`), 0,
		func(m []string, now time.Time, _ lean) (Period, bool) {
			n, err := strconv.Atoi(m[2])
			if err != nil {
				var ok bool
				if n, ok = cnNumber(m[2]); !ok {
					return Period{}, false
				}
			}
			if n < 1 || n > 12 {
				return Period{}, false
			}
			y := now.Year()
			if strings.Contains(m[1], "去") || strings.Contains(m[1], "上") {
				y--
			}
			from := time.Date(y, 1, 1, 0, 0, 0, 0, now.Location())
			return Period{From: from, To: from.AddDate(0, n, 0), Label: fmt.Sprintf("%d年1—%d月", y, n)}, true
		}, nil},
	// 1-10月, 1月至10月, 2025年1—10月
	{mustCompile(`(?:((?:19|20)\d{2})\s*年\s*)?(\d{1,2})\s*月?\s*(?:-|—+|~|至|到)\s*(\d{1,2})\s*月份?`), 0,
		func(m []string, now time.Time, l lean) (Period, bool) {
			a, b := atoi(m[2]), atoi(m[3])
			if a < 1 || b > 12 || a > b {
				return Period{}, false
			}
			y := now.Year()
			if m[1] != "" {
				y = atoi(m[1])
			} else if l == past && a > int(now.Month()) {
				y--
			}
			from := time.Date(y, time.Month(a), 1, 0, 0, 0, 0, now.Location())
			to := time.Date(y, time.Month(b)+1, 1, 0, 0, 0, 0, now.Location())
			return Period{From: from, To: to, Label: fmt.Sprintf("%d年%d—%d月", y, a, b)}, true
		}, nil},
	// 11月23日到25日, 11月23日至12月1日
	{mustCompile(`(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?\s*(?:到|至|-|—+|~)\s*(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*[日号]?`), 0,
		func(m []string, now time.Time, l lean) (Period, bool) {
			a, ok := placeDay(atoi(m[1]), atoi(m[2]), now, l)
			if !ok {
				return Period{}, false
			}
			mo := atoi(m[1])
			if m[3] != "" {
				mo = atoi(m[3])
			}
			b, ok := validDate(a.Year(), mo, atoi(m[4]), now.Location())
			if ok && b.Before(a) {
				b, ok = validDate(a.Year()+1, mo, atoi(m[4]), now.Location())
			}
			if !ok {
				return Period{}, false
			}
			return span(a, b.AddDate(0, 0, 1), fmt.Sprintf("%d月%d日至%d月%d日", a.Month(), a.Day(), b.Month(), b.Day())), true
		}, nil},
	// 2025-12-03, 2025/12/3, 2025.12.3, 2025年12月3日
	{mustCompile(`((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?`), 0,
		func(m []string, now time.Time, _ lean) (Period, bool) {
			d, ok := validDate(atoi(m[1]), atoi(m[2]), atoi(m[3]), now.Location())
			return dayPeriod(d, now), ok
		}, nil},
	// 12月3日, 12月3号, 12月3
	{mustCompile(`(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?`), 0,
		func(m []string, now time.Time, l lean) (Period, bool) {
			d, ok := placeDay(atoi(m[1]), atoi(m[2]), now, l)
			return dayPeriod(d, now), ok
		}, nil},
	// 12.8 (a month and a day, not a decimal)
	{mustCompile(`(?:^|[^\d.])((\d{1,2})\.(\d{1,2}))(?:$|[^\d.%])`), 1,
		func(m []string, now time.Time, l lean) (Period, bool) {
			d, ok := placeDay(atoi(m[2]), atoi(m[3]), now, l)
			return dayPeriod(d, now), ok
		}, nil},
	// 3月到现在, 1月以来, 5月至今: from the start of that month to today
	{mustCompile(`(\d{1,2})\s*月份?\s*(?:到现在为止|到现在|到目前|到今天|至今|以来)`), 0,
		func(m []string, now time.Time, _ lean) (Period, bool) {
			mo := atoi(m[1])
			if mo < 1 || mo > int(now.Month()) {
				return Period{}, false
			}
			from := time.Date(now.Year(), time.Month(mo), 1, 0, 0, 0, 0, now.Location())
			return span(from, day(now).AddDate(0, 0, 1), fmt.Sprintf("%d月至今", mo)), true
		}, nil},
	// 11-24 (a month and a day; 1-10月 was read above)
	{mustCompile(`(?:^|[^\d\-/.])((\d{1,2})-(\d{1,2}))(?:$|[^\d\-/.月号日])`), 1,
		func(m []string, now time.Time, l lean) (Period, bool) {
			d, ok := placeDay(atoi(m[2]), atoi(m[3]), now, l)
			return dayPeriod(d, now), ok
		}, nil},
	// 12/3
	{mustCompile(`(?:^|[^\d/])((\d{1,2})/(\d{1,2}))(?:$|[^\d/])`), 1,
		func(m []string, now time.Time, l lean) (Period, bool) {
			d, ok := placeDay(atoi(m[2]), atoi(m[3]), now, l)
			return dayPeriod(d, now), ok
		}, nil},
	// 2025年10月, 2025-10
	{mustCompile(`((?:19|20)\d{2})\s*(?:年|-|/|\.)\s*(\d{1,2})\s*月?份?`), 0,
		func(m []string, now time.Time, _ lean) (Period, bool) {
			mo := atoi(m[2])
			if mo < 1 || mo > 12 {
				return Period{}, false
			}
			return monthPeriod(atoi(m[1]), time.Month(mo), now.Location()), true
		}, nil},
	// 本季度, 这个季度, 上季度, 下个季度
	{mustCompile(`(本|这个|这|当|上个|上一个|上一|上|下个|下一个|下一|下)\s*季度?`), 0,
		func(m []string, now time.Time, _ lean) (Period, bool) {
			q := (int(now.Month()) - 1) / 3
			from := time.Date(now.Year(), time.Month(q*3+1), 1, 0, 0, 0, 0, now.Location())
			switch {
			case strings.HasPrefix(m[1], "上"):
				from = from.AddDate(0, -3, 0)
			case strings.HasPrefix(m[1], "下"):
				from = from.AddDate(0, 3, 0)
			}
			return Period{From: from, To: from.AddDate(0, 3, 0), Label: fmt.Sprintf("%d年第%d季度", from.Year(), (int(from.Month())-1)/3+1)}, true
		}, nil},
	// 2025年第一季度, 一季度, Q3
	{mustCompile(`(?:((?:19|20)\d{2})\s*年\s*)?(?:第)?([一二三四1-4])\s*季度|[Qq]([1-4])`), 0,
		func(m []string, now time.Time, l lean) (Period, bool) {
			q := map[string]int{"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}[m[2]+m[3]]
			y := now.Year()
			if m[1] != "" {
				y = atoi(m[1])
			} else if l == past && (q-1)*3+1 > int(now.Month()) {
				y--
			}
			from := time.Date(y, time.Month((q-1)*3+1), 1, 0, 0, 0, 0, now.Location())
			return Period{From: from, To: from.AddDate(0, 3, 0), Label: fmt.Sprintf("%d年第%d季度", y, q)}, true
		}, nil},
	// 2025年上半年 / 下半年, 上半年
	{mustCompile(`(?:((?:19|20)\d{2})\s*年\s*)?(上|下)半年`), 0,
		func(m []string, now time.Time, _ lean) (Period, bool) {
			y := now.Year()
			if m[1] != "" {
				y = atoi(m[1])
			}
			from, label := time.Date(y, 1, 1, 0, 0, 0, 0, now.Location()), "上半年"
			if m[2] == "下" {
				from, label = from.AddDate(0, 6, 0), "下半年"
			}
			return Period{From: from, To: from.AddDate(0, 6, 0), Label: fmt.Sprintf("%d年%s", y, label)}, true
		}, nil},
	// 2025年, 2025年度
	{mustCompile(`((?:19|20)\d{2})\s*年度?`), 0,
		func(m []string, now time.Time, _ lean) (Period, bool) {
			return yearPeriod(atoi(m[1]), now.Location()), true
		}, nil},
	// 下周一到周三, 本周三至周五; 周六周日, 周四和周五, 周六日: two days
	// joined without 到 are a span only when they are adjacent
	{mustCompile(`(本|这个?|下个?|上个?|下一)?(?:周|星期|礼拜)([一二三四五六日天1-7])\s*(?:(到|至|-|—+|~)\s*(?:周|星期|礼拜)?([一二三四五六日天1-7])|(和|、|跟|与|或|，|,)?\s*(?:(?:周|星期|礼拜)([一二三四五六日天1-7])|([一二三四五六日天])))`), 0,
		func(m []string, now time.Time, l lean) (Period, bool) {
			if m[3] == "" {
				second := m[6] + m[7]
				if weekdayIndex[second] != weekdayIndex[m[2]]+1 {
					return Period{}, false
				}
				m = []string{m[0], m[1], m[2], second}
			} else {
				m = []string{m[0], m[1], m[2], m[4]}
			}
			base := weekOf(m[1], now)
			a, b := base.AddDate(0, 0, weekdayIndex[m[2]]), base.AddDate(0, 0, weekdayIndex[m[3]])
			if b.Before(a) {
				return Period{}, false
			}
			week := "" // 下周一至周五: the week said stays in the title
			switch {
			case strings.HasPrefix(m[1], "下"):
				week = "下"
			case strings.HasPrefix(m[1], "上"):
				week = "上"
			case m[1] != "":
				week = "本"
			}
			return span(a, b.AddDate(0, 0, 1), week+weekdayNames[a.Weekday()]+"至"+weekdayNames[b.Weekday()]), true
		}, nil},
	// 10月, 10月份
	{mustCompile(`(\d{1,2})\s*月份?`), 0,
		func(m []string, now time.Time, l lean) (Period, bool) {
			mo := atoi(m[1])
			if mo < 1 || mo > 12 {
				return Period{}, false
			}
			return monthPeriod(placeMonth(mo, now, l), time.Month(mo), now.Location()), true
		}, nil},
	// 下周三, 本周五, 周一, 星期天, 这周末
	{mustCompile(`(本|这个?|下下个?|下个?|上上个?|上个?|下一)?(?:周|星期|礼拜)([一二三四五六日天末1-7])`), 0,
		func(m []string, now time.Time, l lean) (Period, bool) {
			base := weekOf(m[1], now)
			d := base.AddDate(0, 0, weekdayIndex[m[2]])
			if m[1] == "" {
				// A bare 礼拜一: the coming one for hearings, the last one
				// for what happened.
				switch {
				case l != past && d.Before(day(now)):
					d = d.AddDate(0, 0, 7)
				case l == past && d.After(day(now)):
					d = d.AddDate(0, 0, -7)
				}
			}
			if m[2] == "末" {
				return span(d, d.AddDate(0, 0, 2), "周末"), true
			}
			return dayPeriod(d, now), true
		}, surnameWeekday},
	// 近 7 天, 最近30天, 未来3天, 7天内
	{mustCompile(`(?:(近|最近|未来|接下来|今后|往后|过去)\s*(\d{1,3}|[一二三四五六七八九十两]{1,3})\s*(天|日|周|个?星期|个?月)(?:内|以内)?)|(?:(\d{1,3}|[一二三四五六七八九十两]{1,3})\s*(天|日|周|个?星期|个?月)(?:内|以内))`), 0,
		func(m []string, now time.Time, l lean) (Period, bool) {
			word, num, unit := m[1], m[2], m[3]
			if num == "" {
				num, unit = m[4], m[5]
			}
			n, err := strconv.Atoi(num)
			if err != nil {
				var ok bool
				if n, ok = cnNumber(num); !ok {
					return Period{}, false
				}
			}
			days := n
			today := day(now)
			switch {
			case strings.HasSuffix(unit, "月"):
				// Calendar months: 近三个月 on 11-19 is 8-20 to 11-19.
				if l == past || word == "过去" || word == "近" || word == "最近" {
					if word != "未来" && word != "接下来" && word != "今后" && word != "往后" {
						from := today.AddDate(0, -n, 1)
						return span(from, today.AddDate(0, 0, 1), fmt.Sprintf("近%s个月", num)), n >= 1 && n <= 24
					}
				}
				days = int(today.AddDate(0, n, 0).Sub(today).Hours() / 24)
			case unit != "天" && unit != "日":
				days = n * 7
			}
			if days < 1 || days > 731 {
				return Period{}, false
			}
			if word == "过去" || (l == past && word != "未来" && word != "接下来" && word != "今后" && word != "往后") {
				return span(today.AddDate(0, 0, 1-days), today.AddDate(0, 0, 1), fmt.Sprintf("近 %d 天", days)), true
			}
			return span(today, today.AddDate(0, 0, days), fmt.Sprintf("近 %d 天", days)), true
		}, nil},
	// 本月30号, 下个月5号, 上月28日: a day of the month named
	{mustCompile(`(本月|这个月|这月|当月|下个月|下月|下一个月|上个月|上月)\s*(\d{1,2})\s*[号日]`), 0,
		func(m []string, now time.Time, _ lean) (Period, bool) {
			shift := 0
			switch {
			case strings.HasPrefix(m[1], "下"):
				shift = 1
			case strings.HasPrefix(m[1], "上"):
				shift = -1
			}
			first := time.Date(now.Year(), now.Month()+time.Month(shift), 1, 0, 0, 0, 0, now.Location())
			t, ok := validDate(first.Year(), int(first.Month()), atoi(m[2]), now.Location())
			if !ok {
				return Period{}, false
			}
			return dayPeriod(t, now), true
		}, nil},
	// 15号, 20日: a day of this month (of the next one when past, for hearings)
	{mustCompile(`(?:^|[^\d月./\-])((\d{1,2})\s*[号日])`), 1,
		func(m []string, now time.Time, l lean) (Period, bool) {
			d := atoi(m[2])
			t, ok := validDate(now.Year(), int(now.Month()), d, now.Location())
			if !ok {
				return Period{}, false
			}
			switch {
			case l == past && t.After(day(now)):
				t = t.AddDate(0, -1, 0)
			case l != past && t.Before(day(now)):
				t = t.AddDate(0, 1, 0)
			}
			if t.Day() != d {
				return Period{}, false
			}
			return dayPeriod(t, now), true
		}, nil},
}

// periodWords are the periods named by a word.
var periodWords = []struct {
	words []string
	build func(now time.Time, l lean) Period
}{
	{[]string{"大后天"}, func(now time.Time, _ lean) Period { return dayPeriod(day(now).AddDate(0, 0, 3), now) }},
	{[]string{"明后两天", "明后天", "明天后天"}, func(now time.Time, _ lean) Period {
		return span(day(now).AddDate(0, 0, 1), day(now).AddDate(0, 0, 3), "明后天")
	}},
	{[]string{"今明两天", "今明天", "今天明天", "今明"}, func(now time.Time, _ lean) Period {
		return span(day(now), day(now).AddDate(0, 0, 2), "今明两天")
	}},
	{[]string{"后天"}, func(now time.Time, _ lean) Period { return dayPeriod(day(now).AddDate(0, 0, 2), now) }},
	{[]string{"明天", "明日", "明儿"}, func(now time.Time, _ lean) Period { return dayPeriod(day(now).AddDate(0, 0, 1), now) }},
	{[]string{"前天"}, func(now time.Time, _ lean) Period { return dayPeriod(day(now).AddDate(0, 0, -2), now) }},
	{[]string{"昨天", "昨日"}, func(now time.Time, _ lean) Period { return dayPeriod(day(now).AddDate(0, 0, -1), now) }},
	{[]string{"今天", "今日", "当天", "今儿"}, func(now time.Time, _ lean) Period { return dayPeriod(day(now), now) }},
	{[]string{"下下周"}, func(now time.Time, _ lean) Period {
		m := monday(now).AddDate(0, 0, 14)
		return span(m, m.AddDate(0, 0, 7), "下下周")
	}},
	{[]string{"下周", "下星期", "下个星期", "下礼拜", "下一周", "下个礼拜"}, func(now time.Time, _ lean) Period {
		m := monday(now).AddDate(0, 0, 7)
		return span(m, m.AddDate(0, 0, 7), "下周")
	}},
	{[]string{"上周", "上星期", "上个星期", "上礼拜", "上一周", "上个礼拜"}, func(now time.Time, _ lean) Period {
		m := monday(now).AddDate(0, 0, -7)
		return span(m, m.AddDate(0, 0, 7), "上周")
	}},
	{[]string{"本周内", "这周内", "本周", "这周", "这星期", "本星期", "这个星期", "这一周", "本礼拜", "这礼拜", "这个礼拜", "周内"}, func(now time.Time, _ lean) Period {
		m := monday(now)
		return span(m, m.AddDate(0, 0, 7), "本周")
	}},
	{[]string{"下个月", "下月", "下一个月"}, func(now time.Time, _ lean) Period {
		n := time.Date(now.Year(), now.Month()+1, 1, 0, 0, 0, 0, now.Location())
		return monthPeriod(n.Year(), n.Month(), now.Location())
	}},
	{[]string{"上个月", "上月", "上一个月"}, func(now time.Time, _ lean) Period {
		n := time.Date(now.Year(), now.Month()-1, 1, 0, 0, 0, 0, now.Location())
		return monthPeriod(n.Year(), n.Month(), now.Location())
	}},
	// 这个月底前 before 这个月: the end of the month, not the whole of it.
	{[]string{"这个月底前", "这个月底之前", "这个月月底前", "这月底前", "本月月底前", "这个月底以前"}, func(now time.Time, _ lean) Period {
		end := time.Date(now.Year(), now.Month()+1, 1, 0, 0, 0, 0, now.Location())
		return span(day(now), end, "月底前")
	}},
	{[]string{"这个月底", "这个月月底", "这月底", "本月月底"}, func(now time.Time, _ lean) Period {
		end := time.Date(now.Year(), now.Month()+1, 1, 0, 0, 0, 0, now.Location())
		return span(end.AddDate(0, 0, -7), end, "月底")
	}},
	// 元旦前: from today to the end of the year.
	{[]string{"元旦前", "元旦之前", "元旦以前", "元旦放假前"}, func(now time.Time, _ lean) Period {
		end := time.Date(now.Year()+1, 1, 1, 0, 0, 0, 0, now.Location())
		return span(day(now), end, "元旦前") // span says the dates
	}},
	{[]string{"本月份", "本月", "这个月", "当月", "这月"}, func(now time.Time, _ lean) Period {
		return monthPeriod(now.Year(), now.Month(), now.Location())
	}},
	{[]string{"去年", "上年", "上一年", "前一年"}, func(now time.Time, _ lean) Period { return yearPeriod(now.Year()-1, now.Location()) }},
	{[]string{"明年", "下一年"}, func(now time.Time, _ lean) Period { return yearPeriod(now.Year()+1, now.Location()) }},
	{[]string{"今年年底前", "今年年底之前", "今年底前", "年底前", "年底之前", "年底以前", "到年底", "年末前"}, func(now time.Time, _ lean) Period {
		end := time.Date(now.Year()+1, 1, 1, 0, 0, 0, 0, now.Location())
		return span(day(now), end, "年底前")
	}},
	{[]string{"今年", "本年度", "本年", "年内", "当年", "这一年", "全年", "年初至今", "今年以来"}, func(now time.Time, _ lean) Period {
		return yearPeriod(now.Year(), now.Location())
	}},
	{[]string{"月底前", "月底之前", "到月底", "月底以前", "本月底前"}, func(now time.Time, _ lean) Period {
		end := time.Date(now.Year(), now.Month()+1, 1, 0, 0, 0, 0, now.Location())
		return span(day(now), end, "月底前")
	}},
	{[]string{"下月初", "下个月初"}, func(now time.Time, _ lean) Period {
		from := time.Date(now.Year(), now.Month()+1, 1, 0, 0, 0, 0, now.Location())
		return span(from, from.AddDate(0, 0, 7), "下月初")
	}},
	{[]string{"月底", "本月底", "这个月底"}, func(now time.Time, _ lean) Period {
		end := time.Date(now.Year(), now.Month()+1, 1, 0, 0, 0, 0, now.Location())
		return span(end.AddDate(0, 0, -7), end, "月底")
	}},
	{[]string{"月初"}, func(now time.Time, l lean) Period {
		from := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, now.Location())
		if l != past && now.Day() > 10 {
			from = from.AddDate(0, 1, 0)
		}
		return span(from, from.AddDate(0, 0, 7), "月初")
	}},
	{[]string{"年底", "年末"}, func(now time.Time, _ lean) Period {
		return monthPeriod(now.Year(), time.December, now.Location())
	}},
	{[]string{"近半年", "最近半年", "这半年", "半年来", "近六个月"}, func(now time.Time, l lean) Period {
		today := day(now)
		if l != past {
			return span(today, today.AddDate(0, 6, 0), "今后半年")
		}
		return span(today.AddDate(0, -6, 1), today.AddDate(0, 0, 1), "近半年")
	}},
	{[]string{"近一年", "最近一年", "一年来", "近12个月"}, func(now time.Time, l lean) Period {
		today := day(now)
		if l != past {
			return span(today, today.AddDate(1, 0, 0), "今后一年")
		}
		return span(today.AddDate(-1, 0, 1), today.AddDate(0, 0, 1), "近一年")
	}},
	{[]string{"这两天", "这几天", "近两天", "最近两天"}, func(now time.Time, l lean) Period {
		today := day(now)
		if l == past {
			return span(today.AddDate(0, 0, -2), today.AddDate(0, 0, 1), "这几天")
		}
		return span(today, today.AddDate(0, 0, 3), "这几天")
	}},
	{[]string{"近半个月", "最近半个月", "未来半个月", "接下来半个月", "半个月内", "半月内", "近半月"}, func(now time.Time, l lean) Period {
		today := day(now)
		if l == past {
			return span(today.AddDate(0, 0, -14), today.AddDate(0, 0, 1), "近半个月")
		}
		return span(today, today.AddDate(0, 0, 15), "半个月内")
	}},
	{[]string{"近一周", "最近一周", "一周内", "未来一周", "近期", "最近", "近日"}, func(now time.Time, l lean) Period {
		today := day(now)
		if l == past {
			return span(today.AddDate(0, 0, -6), today.AddDate(0, 0, 1), "近 7 天")
		}
		return span(today, today.AddDate(0, 0, 7), "近 7 天")
	}},
}

// yearBeforeRe is a relative year written before a month, a quarter or a
// half (去年10月, 今年1到10月份, 前年第四季度, 明年上半年).
var yearBeforeRe = mustCompile(`(前年|去年|上年|今年|本年|明年)(\s*(?:\d{1,2}\s*月|\d{1,2}\s*(?:-|—|~|至|到)|第?[一二三四1-4]\s*季度|[上下]半年))`)

// relativeYears writes a relative year before a month, quarter or half as
// the year it is (去年10月 → 2025年10月), so the period rules read one form.
func relativeYears(s string, now time.Time) string {
	if now.IsZero() {
		return s
	}
	return yearBeforeRe.ReplaceAllStringFunc(s, func(m string) string {
		sub := yearBeforeRe.FindStringSubmatch(m)
		y := now.Year() + map[string]int{"前年": -2, "去年": -1, "上年": -1, "今年": 0, "本年": 0, "明年": 1}[sub[1]]
		return strconv.Itoa(y) + "年" + sub[2]
	})
}

// takePeriod finds the first period the free text of t names, takes its
// words and returns it. Chinese numerals of dates were made digits first
// (digitsInDates).
func takePeriod(t *text, now time.Time, l lean) (Period, bool) {
	p, s, _, ok := takePeriodSpan(t, now, l)
	if ok && comparisonBase(t, s) {
		// 今年出庭率多少 比上半年高了没有: the period after 比 is what the
		// asked period is measured against, not the one asked; when the
		// message names another, that one is asked (the base stays taken,
		// so it is not read again as the question's).
		if p2, _, _, ok2 := takePeriodSpan(t, now, l); ok2 {
			return p2, true
		}
	}
	return p, ok
}

// comparisonBase reports whether the period whose words start at rune s is
// the base of a comparison: led by 比, 跟…比, 和…相比, 较 (比上半年, 跟去年比,
// 较上月).
func comparisonBase(t *text, s int) bool {
	i := s
	for i > 0 && unicode.IsSpace(t.rs[i-1]) {
		i--
	}
	if i == 0 {
		return false
	}
	before := string(t.rs[max(0, i-2):i])
	for _, w := range []string{"比", "较", "相较", "对比", "比起"} {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	// 跟上半年比, 和去年相比, 与上月比较: a joiner before, 比 after.
	if !strings.HasSuffix(before, "跟") && !strings.HasSuffix(before, "和") && !strings.HasSuffix(before, "与") && !strings.HasSuffix(before, "同") {
		return false
	}
	e := s
	for e < len(t.rs) && t.used[e] {
		e++
	}
	after := strings.TrimSpace(string(t.rs[e:min(len(t.rs), e+3)]))
	return strings.HasPrefix(after, "比") || strings.HasPrefix(after, "相比")
}

// takePeriodSpan is takePeriod that also returns the rune span of the words
// that named the period. Two periods joined by 到 or 至 (7号到9号, 这周四到下周二,
// 明天到后天, 从今天到月底) are one span from the first to the end of the
// second: read alone, the first would answer a question about both.
func takePeriodSpan(t *text, now time.Time, l lean) (Period, int, int, bool) {
	p, s, e, ok := takeOnePeriod(t, now, l)
	if !ok {
		return p, s, e, ok
	}
	// A rule reads 下周二 before a word reads 今天: 今天至下周二 is looked
	// for from the period before the joiner too.
	if js := joinerBefore(t, s); js >= 0 {
		lo := js
		for lo > 0 && !t.used[lo-1] {
			lo--
		}
		before := newText(string(t.rs[lo:js]))
		for {
			p0, s0, e0, ok := takeOnePeriod(before, now, l)
			if !ok {
				break
			}
			if strings.TrimSpace(string(before.rs[e0:])) != "" {
				continue // not the one just before the joiner
			}
			if p.To.After(p0.From) && !p.From.Before(p0.From) {
				from := lo + s0
				if from > 0 && t.rs[from-1] == '从' && !t.used[from-1] {
					from--
				}
				label := strings.TrimPrefix(string(t.rs[from:lo+e0]), "从") + "至" + string(t.rs[s:e])
				t.mark(from, e)
				return span(p0.From, p.To, label), from, e, true
			}
			break
		}
	}
	j := e
	for j < len(t.rs) && !t.used[j] && unicode.IsSpace(t.rs[j]) {
		j++
	}
	joiner := 0
	for _, w := range spanJoiners {
		if strings.HasPrefix(string(t.rs[j:]), w) && !slices.Contains(t.used[j:j+utf8.RuneCountInString(w)], true) {
			joiner = utf8.RuneCountInString(w)
			break
		}
	}
	if joiner == 0 {
		return p, s, e, true
	}
	k := j + joiner
	for k < len(t.rs) && unicode.IsSpace(t.rs[k]) {
		k++
	}
	end := k
	for end < len(t.rs) && !t.used[end] {
		end++
	}
	rest := newText(string(t.rs[k:end]))
	p2, s2, e2, ok := takeOnePeriod(rest, now, future)
	if !ok || s2 != 0 || !p2.To.After(p.From) || !p2.From.After(p.From.Add(-time.Nanosecond)) {
		return p, s, e, true
	}
	if s > 0 && t.rs[s-1] == '从' && !t.used[s-1] {
		s-- // 从今天到月底
	}
	label := string(t.rs[s:e]) + "至" + string(rest.rs[:e2])
	t.mark(s, k+e2)
	return span(p.From, p2.To, strings.TrimPrefix(label, "从")), s, k + e2, true
}

// spanJoiners join two periods into one span (明天到后天), longest first;
// the last two, dashes, join only a period before them to one after
// (12月3日—5日): before a period a dash is more often a date's own.
var spanJoiners = []string{"一直到", "到", "至", "~", "～", "—", "-"}

// joinerBefore returns where a 到 or 至 ends just before rune s of t (spaces
// between), or -1: its start.
func joinerBefore(t *text, s int) int {
	i := s
	for i > 0 && !t.used[i-1] && unicode.IsSpace(t.rs[i-1]) {
		i--
	}
	for _, w := range spanJoiners[:len(spanJoiners)-2] {
		n := utf8.RuneCountInString(w)
		if i >= n && string(t.rs[i-n:i]) == w && !slices.Contains(t.used[i-n:i], true) {
			return i - n
		}
	}
	return -1
}

// takeOnePeriod finds the first period the free text of t names.
func takeOnePeriod(t *text, now time.Time, l lean) (Period, int, int, bool) {
	for _, r := range periodRules {
		v, idx := t.view()
		loc := r.re.FindStringSubmatchIndex(v)
		if loc == nil {
			continue
		}
		m := make([]string, len(loc)/2)
		for i := range m {
			if loc[2*i] >= 0 {
				m[i] = v[loc[2*i]:loc[2*i+1]]
			}
		}
		if r.nameLike != nil && r.nameLike(m, v[loc[1]:]) {
			continue
		}
		p, ok := r.build(m, now, l)
		if !ok {
			continue
		}
		s, e := idx[loc[2*r.group]], idx[loc[2*r.group+1]]
		t.mark(s, e)
		return p, s, e, true
	}
	// The leftmost word, the longest at a place (大后天 over 后天): 明天到后天
	// is read from 明天.
	best, bestAt, bestLen := -1, -1, 0
	var bestWord string
	for n, pw := range periodWords {
		for _, w := range pw.words {
			i := t.index(w)
			if i < 0 {
				continue
			}
			wl := utf8.RuneCountInString(w)
			if bestAt < 0 || i < bestAt || i == bestAt && wl > bestLen {
				best, bestAt, bestLen, bestWord = n, i, wl, w
			}
		}
	}
	if best >= 0 {
		e := bestAt + bestLen
		t.mark(bestAt, e)
		p := periodWords[best].build(now, l)
		p.Word = bestWord
		return p, bestAt, e, true
	}
	return Period{}, 0, 0, false
}

// takeClock finds a time of day in the free text of t and takes it.
func takeClock(t *text) (h, m int, ok bool) {
	sub, s, e, found := t.find(clockRe, 0)
	if !found {
		return 0, 0, false
	}
	h, _ = strconv.Atoi(sub[2])
	if h == 1 && sub[1] == "" && sub[3] == "" && s > 0 && unicode.Is(unicode.Han, t.rs[s-1]) && !strings.ContainsRune("到在于为成是至从天号日午晚早周", t.rs[s-1]) {
		// 正式一点, 短一点, 快一点: "a little", not one o'clock (改成正式
		// 一点的 moved a hearing to 13:00).
		return 0, 0, false
	}
	switch mm := sub[3]; mm {
	case "":
	case "半":
		m = 30
	case "一刻":
		m = 15
	case "三刻":
		m = 45
	default:
		m, _ = strconv.Atoi(mm)
	}
	switch sub[1] {
	case "下午", "晚上", "晚", "傍晚":
		if h < 12 {
			h += 12
		}
	case "中午":
		if h < 6 {
			h += 12
		}
	case "凌晨":
		if h == 12 {
			h = 0
		}
	case "":
		// 三点开庭: a court sits by day, so 1 to 6 o'clock is afternoon.
		if h >= 1 && h <= 6 {
			h += 12
		}
	}
	if h > 23 || m > 59 {
		return 0, 0, false
	}
	t.mark(s, e)
	return h, m, true
}

// findPeriod finds the first period s names and returns it with s minus
// the words that named it.
func findPeriod(s string, now time.Time, l lean) (Period, string, bool) {
	t := newText(digitsInDates(s))
	p, ok := takePeriod(t, now, l)
	if !ok {
		return Period{}, s, false
	}
	v, _ := t.view()
	return p, strings.ReplaceAll(v, string(hole), " "), true
}
