package decision

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"casebot/bot/numeral"
)

// Amount is a sum of money in fen (分), as written (Text). The lower
// bound of a range written with one unit (五万以上十万元以下, 2000至5000元)
// is written with the unit it shares (五万元, 2000元).
type Amount struct {
	Fen  int64  `json:"fen"`
	Text string `json:"text"`
}

func (a Amount) String() string { return a.Text }

const (
	// arabicAmount is a figure: 5000, 5,000.00, ５０００; thousands are
	// grouped by threes, so a clause's comma (罚款500，1000元) joins nothing.
	arabicAmount = `(?:[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+|[0-9０-９]+)(?:[.．][0-9０-９]+)?`
	// amountNum is a figure with a Chinese magnitude after it (5千, 1.5万,
	// 3千万), or a Chinese numeral, everyday or financial (五万, 贰万叁仟).
	amountNum  = `(?:` + arabicAmount + `[十百千万亿]*|[零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]+)`
	smallDigit = `[零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖0-9]`
)

var (
	// amountRe is a sum with its unit: 5000元, 伍仟元整, 伍仟圆整, 5千元,
	// 1.5万元, 5000（伍仟）元 (the figure and its 大写 before one unit: one
	// sum), 壹佰元伍角, 200块钱, 二十块.
	amountRe = regexp.MustCompile(`(` + amountNum + `)\s*(?:[（(]\s*(?:大写[:：]?\s*)?` + amountNum + `\s*[)）]\s*)?(元|圆|块钱|块)(?:\s*(` + smallDigit + `)角)?(?:\s*零?(` + smallDigit + `)分)?`)
	// yuanSignRe is a sum after the yuan sign: ￥5000.00, ¥ 5,000.
	yuanSignRe = regexp.MustCompile(`[¥￥]\s*(` + arabicAmount + `)`)
	// rangeLowRe is the lower bound of a range that shares the upper
	// bound's unit, at the end of the text before that bound: 五万以上
	// (十万元以下), 2000至 (5000元), 5- (10万元).
	rangeLowRe = regexp.MustCompile(`(` + amountNum + `)\s*(?:以上|至|到|——|[-~～－—–])\s*(?:人民币)?\s*$`)
)

// colloquialAfter may follow a bare 块 said as money in a quoted statement
// (“给了他二十块。”, “两百块就行”); any other Han character makes 块 the
// measure word it also is (三块广告牌, 两块砖).
const colloquialAfter = "了吧呢啊嘛么吗呀哦就都也还给的我你他她咱不没够多左"

// vagueBefore make the numeral after them no sum: 数十万元, 几百元.
const vagueBefore = "数几"

// FindAmounts returns the sums of money in text, in order, each value once:
// a sum written twice (5000元（伍仟元整）, 罚款人民币伍仟元（￥5000.00）) is one.
// Both bounds of a range are sums (五万元以上十万元以下, 五万以上十万元以下,
// 2000至5000元, 5-10万元). A bare 块 is read as yuan only inside a quoted
// statement; 块钱 anywhere. A vague sum (数万元, 几千元, 1万余元, 上万元) is
// none.
func FindAmounts(text string) []Amount {
	type hit struct {
		at int
		a  Amount
	}
	var hits []hit
	for _, m := range amountRe.FindAllStringSubmatchIndex(text, -1) {
		num, unit := text[m[2]:m[3]], text[m[4]:m[5]]
		end := m[1]
		if !definiteAt(text, m[2], num) {
			continue
		}
		if strings.HasPrefix(unit, "块") {
			end = m[5]
			if unit == "块" && !colloquialYuan(text, m[2], num, end) {
				continue
			}
		}
		fen, ok := amountFen(num)
		if !ok {
			continue
		}
		if end == m[1] {
			jiao, fen2 := m[6], m[8]
			if fen2 >= 0 && strings.HasPrefix(text[m[1]:], "钟") {
				// 5元5分钟: the minutes are no fen.
				fen2, end = -1, m[5]
				if jiao >= 0 {
					end = m[7] + len("角")
				}
			}
			if jiao >= 0 {
				d, _ := numeral.Parse(text[m[6]:m[7]])
				fen += d * 10
			}
			if fen2 >= 0 {
				d, _ := numeral.Parse(text[m[8]:m[9]])
				fen += d
			}
		}
		hits = append(hits, hit{m[0], Amount{Fen: fen, Text: strings.TrimSpace(text[m[0]:end])}})
		if low, at, ok := rangeLow(text, m[0], num, unit, fen); ok {
			hits = append(hits, hit{at, low})
		}
	}
	for _, m := range yuanSignRe.FindAllStringSubmatchIndex(text, -1) {
		if fen, ok := amountFen(text[m[2]:m[3]]); ok {
			hits = append(hits, hit{m[0], Amount{Fen: fen, Text: text[m[0]:m[1]]}})
		}
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].at < hits[j].at })
	var out []Amount
	seen := map[int64]bool{}
	for _, h := range hits {
		if !seen[h.a.Fen] {
			seen[h.a.Fen] = true
			out = append(out, h.a)
		}
	}
	return out
}

// definiteAt reports whether num, at offset at of text, is a sum: it holds
// a digit (万元 alone, the 千 of 几千元, is none) or opens with 十, and no
// 数 or 几 stands before it (数十万元).
func definiteAt(text string, at int, num string) bool {
	if r, _ := utf8.DecodeLastRuneInString(text[:at]); strings.ContainsRune(vagueBefore, r) || r == '第' {
		return false
	}
	if strings.HasPrefix(num, "十") || strings.HasPrefix(num, "拾") {
		return true
	}
	return strings.ContainsFunc(num, func(r rune) bool {
		return r >= '0' && r <= '9' || r >= '０' && r <= '９' || strings.ContainsRune("零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖", r)
	})
}

// colloquialYuan reports whether num块, ending at end, is money: said in a
// quoted statement, not 一块 (一块去: together), and not before a noun.
func colloquialYuan(text string, at int, num string, end int) bool {
	if num == "一" || num == "壹" || !quoted(text, at) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[end:])
	if !unicode.Is(unicode.Han, r) || strings.ContainsRune(colloquialAfter, r) {
		return true
	}
	// 两百块手续费, 五十块押金: a sum of a fee or a deposit.
	word := []rune(text[end:])
	for i, r := range word[:min(len(word), 4)] {
		if !unicode.Is(unicode.Han, r) {
			break
		}
		if r == '费' && i > 0 {
			return true
		}
	}
	return hasPrefixAny(text[end:], moneyNouns)
}

// moneyNouns are sums of money a bare 块 may count (五十块押金).
var moneyNouns = []string{"押金", "罚款", "现金", "红包", "工钱", "定金", "订金", "保证金"}

func hasPrefixAny(s string, list []string) bool {
	for _, x := range list {
		if strings.HasPrefix(s, x) {
			return true
		}
	}
	return false
}

// quoted reports whether offset at of text stands inside a quotation of
// its paragraph: “…”, 「…」, 『…』 or "…".
func quoted(text string, at int) bool {
	para := text[:at]
	if i := strings.LastIndexByte(para, '\n'); i >= 0 {
		para = para[i+1:]
	}
	for _, q := range [][2]string{{"“", "”"}, {"「", "」"}, {"『", "』"}} {
		if strings.LastIndex(para, q[0]) > strings.LastIndex(para, q[1]) {
			return true
		}
	}
	return strings.Count(para, `"`)%2 == 1
}

// rangeLow reads the lower bound of a range before the sum at offset at
// (num, unit, worth fen) when the bound is written without a unit of its
// own: it shares the sum's unit, and its magnitude too when it has none
// and would otherwise not be the lower bound (5-10万元 is 5万元 to 10万元;
// 2000至5万元 is 2000元 to 5万元).
func rangeLow(text string, at int, num, unit string, fen int64) (Amount, int, bool) {
	from := max(0, at-60)
	for from > 0 && !utf8.RuneStart(text[from]) {
		from--
	}
	m := rangeLowRe.FindStringSubmatchIndex(text[from:at])
	if m == nil {
		return Amount{}, 0, false
	}
	low := text[from+m[2] : from+m[3]]
	if !definiteAt(text, from+m[2], low) {
		return Amount{}, 0, false
	}
	v, ok := amountFen(low)
	if !ok {
		return Amount{}, 0, false
	}
	written := low
	if !strings.ContainsAny(low, "百千万亿佰仟") {
		last, _ := utf8.DecodeLastRuneInString(num)
		if strings.ContainsRune("百千万亿佰仟", last) {
			if mag, ok := numeral.Parse("一" + string(last)); ok && v*mag < fen {
				v *= mag
				written += string(last)
			}
		}
	}
	if unit == "块钱" {
		unit = "块"
	}
	return Amount{Fen: v, Text: written + unit}, from + m[0], true
}

// amountFen reads a sum written in yuan into fen: a figure, with decimals
// and a Chinese magnitude after it (1.5万, 3千万), or a Chinese numeral.
func amountFen(num string) (int64, bool) {
	num = strings.NewReplacer(",", "", "，", "", "．", ".").Replace(numeral.ASCIIDigits(num))
	i := strings.IndexFunc(num, func(r rune) bool { return (r < '0' || r > '9') && r != '.' })
	if i == 0 {
		n, ok := numeral.Parse(num)
		return n * 100, ok
	}
	figure, mult := num, int64(1)
	if i > 0 {
		m, ok := numeral.Parse("一" + num[i:])
		if !ok {
			return 0, false
		}
		figure, mult = num[:i], m
	}
	whole, frac, _ := strings.Cut(figure, ".")
	w, err := strconv.ParseInt(whole, 10, 64)
	if err != nil {
		return 0, false
	}
	fen := w * mult * 100
	scale := mult * 100
	for _, r := range frac {
		if r < '0' || r > '9' {
			return 0, false
		}
		scale /= 10
		fen += int64(r-'0') * scale
	}
	return fen, true
}
