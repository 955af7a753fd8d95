package intent

import (
	"strconv"
	"strings"
)

// Old-style numbers (before 2016: (2015)黔高行终字第12号) are often typed
// without their year, which is said apart: "15年那个老案子 黔高行终字12号",
// "15年的黔高行终字12号结了没". Read without it, the number was completed
// with this year and answered "没有找到(2026)…". oldNumberYear writes the
// year the message gives into the number. Only years up to 2015 are
// taken: the 字 form was replaced by the current one in 2016, so a later
// year is not the number's.

var (
	// oldNumberRe is an old-style number with no year before it: a court's
	// abbreviation (a province's character and what follows it), the kind
	// with 字, and the sequence.
	oldNumberRe = mustCompile(`([京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵黔粤青藏川宁琼][\p{Han}\d]{0,4}?)(行(?:初|终|申|再|审|赔|监)?字)第?(\d+)号`)
	// spokenYearRe is a year said apart: 15年, 2015年, 一五年, 二〇一五年.
	spokenYearRe = mustCompile(`((?:19|20)?\d{2}|[一二〇零两三四五六七八九]{2,4})年`)
)

// oldNumberYear writes the year said in s into an old-style number of s
// that has none.
func oldNumberYear(s string) string {
	if !strings.Contains(s, "字") || !strings.Contains(s, "年") {
		return s
	}
	loc := oldNumberRe.FindStringSubmatchIndex(s)
	if loc == nil || strings.HasSuffix(strings.TrimRight(s[:loc[0]], " "), ")") {
		return s // none, or its year is written: (2015)黔高行终字第12号
	}
	y, yi, yj := 0, 0, 0
	for _, m := range spokenYearRe.FindAllStringSubmatchIndex(s, -1) {
		if y = spokenYear(s[m[2]:m[3]]); y >= 1990 && y <= 2015 {
			yi, yj = m[0], m[1]
			break
		}
		y = 0
	}
	if y == 0 {
		return s
	}
	full := "(" + strconv.Itoa(y) + ")" + s[loc[2]:loc[3]] + s[loc[4]:loc[5]] + "第" + s[loc[6]:loc[7]] + "号"
	out := s[:loc[0]] + full + s[loc[1]:]
	if yj <= loc[0] {
		// The year said apart is now in the number: drop it (and a 的
		// joining the two), so it is not left over as a filter word.
		if strings.HasPrefix(out[yj:], "的") {
			yj += len("的")
		}
		out = out[:yi] + out[yj:]
	}
	return out
}

// spokenYear reads 15, 2015, 一五 or 二〇一五 as a year (0 when it is not one).
func spokenYear(w string) int {
	var ds []byte
	for _, r := range w {
		switch {
		case r >= '0' && r <= '9':
			ds = append(ds, byte(r))
		default:
			d, ok := cnDigits[r]
			if !ok {
				return 0
			}
			ds = append(ds, byte('0'+d))
		}
	}
	n, err := strconv.Atoi(string(ds))
	if err != nil {
		return 0
	}
	switch len(ds) {
	case 2:
		if n > 50 {
			return 1900 + n
		}
		return 2000 + n
	case 4:
		return n
	}
	return 0
}
