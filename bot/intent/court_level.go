package intent

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Court levels a question names (CourtLevel).
const (
	CourtHigh   = "high"   // 高院, 省高院, 高级人民法院
	CourtMiddle = "middle" // 中院, 市中院, 中级人民法院
	CourtBasic  = "basic"  // 基层法院, 县法院, 县人民法院
)

// courtLevelWords name a court by its level, longest first.
var courtLevelWords = []struct{ word, level string }{
	{"最高人民法院", ""}, // not a level the county's cases reach: left alone
	{"高级人民法院", CourtHigh}, {"省高级法院", CourtHigh}, {"高级法院", CourtHigh}, {"省高院", CourtHigh}, {"高院", CourtHigh},
	{"中级人民法院", CourtMiddle}, {"市中级法院", CourtMiddle}, {"中级法院", CourtMiddle}, {"市中院", CourtMiddle}, {"中院", CourtMiddle},
	{"基层人民法院", CourtBasic}, {"基层法院", CourtBasic}, {"县人民法院", CourtBasic}, {"县法院", CourtBasic}, {"区法院", CourtBasic},
	{"县里法院", CourtBasic}, {"县里的法院", CourtBasic},
}

// courtLevel reads a court named by its level. A courtroom written with
// it (中院第五法庭) is left to the place reading; 去中院 / 上高院 also
// speaks of a sitting there.
func (r *reader) courtLevel() {
	t := r.t
	for _, w := range courtLevelWords {
		i := t.index(w.word)
		if i < 0 || w.level == "" {
			continue
		}
		n := len([]rune(w.word))
		if rest := string(t.rs[i+n:]); strings.HasPrefix(rest, "第") || strings.HasPrefix(rest, "法庭") {
			continue // 中院第五法庭: a room
		}
		t.mark(i, i+n)
		r.u.CourtLevel = w.level
		if i > 0 && strings.ContainsRune("去上到在", t.rs[i-1]) {
			t.mark(i-1, i)
			r.u.Hearing = true
		}
		return
	}
}

// CourtOfLevel reports whether court (a case's 承办法院) is of level: the
// 高级 and 中级 courts by name, the basic ones being every other people's
// court (县、区人民法院, 人民法庭). A 复议机关 is no court of any level.
func CourtOfLevel(court, level string) bool {
	switch level {
	case CourtHigh:
		return strings.Contains(court, "高级人民法院") || strings.Contains(court, "高院")
	case CourtMiddle:
		return strings.Contains(court, "中级人民法院") || strings.Contains(court, "中院")
	case CourtBasic:
		return (strings.Contains(court, "法院") || strings.Contains(court, "法庭")) && !strings.Contains(court, "高级") &&
			!strings.Contains(court, "中级") && !strings.Contains(court, "最高")
	}
	return true
}

// numberYearRe is a year said of one case, 2015年那个案子 / 15年那个行终字
// 的案子: the year in its 案号 ((2015)…), not the cases filed that year.
var numberYearRe = mustCompile(`(20\d\d|\d\d)年(?:的)?(?:那个|那件|那起|那一个|那宗|那一件|那个案|那案)`)

// numberYearCountRe is a count asked of the year's cases; compiled once
// here, not on every message numberYear reads.
var numberYearCountRe = mustCompile(`多少|几个|几件|一共|总共`)

// numberYear reads a year that names a case by its 案号, unless the message
// counts (2015年那个案子有几个 is not a question about one case).
func (r *reader) numberYear() {
	t := r.t
	s := string(t.rs)
	loc := numberYearRe.FindStringSubmatchIndex(s)
	if loc == nil || strings.ContainsAny(s, "几多") && numberYearCountRe.MatchString(s) {
		return
	}
	y, err := strconv.Atoi(s[loc[2]:loc[3]])
	if err != nil {
		return
	}
	if y < 100 {
		y += 2000
	}
	if y > r.o.Now.Year() {
		return
	}
	i := utf8.RuneCountInString(s[:loc[2]])
	n := utf8.RuneCountInString(s[loc[2]:loc[3]]) + 1 // the digits and 年
	if anyUsed(t.used[i : i+n]) {
		return
	}
	t.mark(i, i+n)
	r.u.NumberYear = y
	r.u.Reference = true
}
