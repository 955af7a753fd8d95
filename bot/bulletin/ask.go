package bulletin

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Ask is a bulletin asked for in chat.
type Ask struct {
	// Month is the month whose figures are asked for.
	Month Month
	// Issued, for "本月通报" and "上月通报", is the month the bulletin was
	// (or is to be) issued in: the bulletin issued in November is
	// October's. It is the zero Month when a month was named.
	Issued Month
	// InProgress is set when Month is the current month: its figures are
	// as of now and not final.
	InProgress bool
}

// askRe takes "本月通报", "上月通报", "10月通报", "十月份通报",
// "2025年10月通报", "2025-10通报", "查看2025年10月败诉通报", "通报".
var askRe = regexp.MustCompile(`^(?:请|帮我)?(?:查看|查询|查|看看|看|发一下|发送|发)?(?:一下)?` +
	`(本月|这个月|当月|这月|上月|上个月|上一个月|(?:(\d{4})年)?(\d{1,2}|[一二三四五六七八九十]{1,3})月份?|(\d{4})[-./](\d{1,2}))?` +
	`的?(?:行政机关)?(?:败诉)?(?:案件)?(?:情况)?(?:的)?通报$`)

// IsAsk reports whether text asks for a bulletin.
func IsAsk(text string) bool { return askRe.MatchString(compact(text)) }

func compact(text string) string {
	return strings.Join(strings.Fields(strings.TrimRight(strings.TrimSpace(text), "。？?！!")), "")
}

var cnMonths = map[string]int{"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
	"十": 10, "十一": 11, "十二": 12}

// ParseAsk reads a request for a bulletin written at now. ok is false when
// text is not one; err explains a month that cannot be given (13月, a
// month still to come).
//
// "本月通报" is the bulletin issued this month, on the 1st: last month's
// figures, complete. "上月通报" is the one issued last month: the month
// before that. A month named without a year is its latest occurrence up to
// now: "10月通报" in February 2026 is October 2025's. The current month
// may be named; its figures are as of now.
func ParseAsk(text string, now time.Time, loc *time.Location) (a Ask, ok bool, err error) {
	m := askRe.FindStringSubmatch(compact(text))
	if m == nil {
		return a, false, nil
	}
	cur := MonthOf(now, loc)
	switch {
	case m[1] == "" || m[1] == "本月" || m[1] == "这个月" || m[1] == "当月" || m[1] == "这月":
		return Ask{Month: cur.Add(-1), Issued: cur}, true, nil
	case strings.HasPrefix(m[1], "上"):
		return Ask{Month: cur.Add(-2), Issued: cur.Add(-1)}, true, nil
	}
	year, month := 0, 0
	if m[4] != "" {
		year, _ = strconv.Atoi(m[4])
		month, _ = strconv.Atoi(m[5])
	} else {
		if m[2] != "" {
			year, _ = strconv.Atoi(m[2])
		}
		if n, err := strconv.Atoi(m[3]); err == nil {
			month = n
		} else {
			month = cnMonths[m[3]]
		}
	}
	if month < 1 || month > 12 {
		return a, true, fmt.Errorf("“%s月”不是有效的月份，请写 1 到 12 月，例如“10月通报”或“2025年10月通报”。", m[3]+m[5])
	}
	if year == 0 {
		year = cur.Year
		if time.Month(month) > cur.Month {
			year--
		}
	}
	want := Month{year, time.Month(month)}
	if year < 1990 {
		return a, true, fmt.Errorf("年份“%d”不对，请写作“2025年10月通报”。", year)
	}
	if cur.Before(want) {
		return a, true, fmt.Errorf("%s还没有到，暂无该月通报。", want.Label())
	}
	return Ask{Month: want, InProgress: want == cur}, true, nil
}
