package intent

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// cnCaseNumber is a Chinese numeral before 号, with what precedes it.
var cnCaseNumber = mustCompile(`(行初|行终|行申|行审|行赔|行保|复|第)?([零〇幺一二两三四五六七八九十百千]+)号(的案子|的案件|案|那个案|那件)?`)

// cnPrefixedNumber is a Chinese numeral right after a case prefix with no
// 号 (行初一零一, 行初九十六, 复四十一几点开): the prefix alone makes it a
// number. What follows is kept to tell a count (复三次) from a number.
var cnPrefixedNumber = mustCompile(`(行初|行终|行申|行审|行赔|行保|复)([零〇幺一二两三四五六七八九十百千]+)($|[^号零〇一二两三四五六七八九十百千])`)

// countWords after a numeral make it a count, not a case number (复三次).
const countWords = "次遍个件天月年日场周"

// caseNumerals writes a case number said in Chinese numerals in digits
// (一百二十四号 → 124号, 行初一百零一号 → 行初101号), so that the number rules
// read it. A numeral after 月 is a day (十二月十六号) and is left to the
// date rules; one of 31 or less is a day too unless a case prefix or 案
// makes it a number (行初八十五号, 二十四号的案子).
func caseNumerals(s string) string {
	s = bareNumerals(prefixedNumerals(s))
	if !strings.Contains(s, "号") {
		return s
	}
	return numeralsAt(s, cnCaseNumber.FindAllStringSubmatchIndex(s, -1), func(m []int) (int, int, int, bool) {
		prefix := m[2] >= 0
		numeral := s[m[4]:m[5]]
		caseCtx := m[6] >= 0
		n, ok := cnInteger(numeral)
		afterMonth := strings.HasSuffix(s[:m[0]], "月")
		if !ok || n == 0 || afterMonth && !prefix {
			return 0, 0, 0, false
		}
		if n <= 31 && !prefix && !caseCtx && !strings.ContainsAny(numeral, "百千") {
			return 0, 0, 0, false
		}
		if prefix && s[m[2]:m[3]] == "第" && !caseCtx {
			return 0, 0, 0, false // 第三号法庭: an ordinal
		}
		return m[4], m[5], n, true
	})
}

// numeralsAt writes in digits, over each match of locs that read accepts,
// the numeral it spans (start, end) with its value n; s is returned as is
// when read accepts none.
func numeralsAt(s string, locs [][]int, read func(m []int) (start, end, n int, ok bool)) string {
	var b strings.Builder
	last := 0
	for _, m := range locs {
		start, end, n, ok := read(m)
		if !ok {
			continue
		}
		b.WriteString(s[last:start])
		b.WriteString(strconv.Itoa(n))
		last = end
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// prefixedNumerals writes in digits a Chinese numeral that follows a case
// prefix without 号 (行初一零一 → 行初101); caseNumerals reads those with 号.
func prefixedNumerals(s string) string {
	return numeralsAt(s, cnPrefixedNumber.FindAllStringSubmatchIndex(s, -1), func(m []int) (int, int, int, bool) {
		if next := s[m[6]:m[7]]; next != "" && strings.Contains(countWords, next) {
			return 0, 0, 0, false
		}
		n, ok := cnInteger(s[m[4]:m[5]])
		return m[4], m[5], n, ok && n > 0
	})
}

// cnBareNumber is a run of Chinese numerals, as bareNumerals reads it.
var cnBareNumber = mustCompile(`[零〇幺一二两三四五六七八九十百千]+`)

// bareLeads may stand right before a case number said with no prefix and
// no 号 (查下一零一, 帮我查查一一七, 是一百零一): a verb of looking up, a
// pointer or a particle. Any other Chinese character before a numeral
// makes it part of a word or a name (魏三十二, 十一长假, 下一个).
const bareLeads = "查下看问找是的个说把和与及或跟"

// bareNotAfter are what make a numeral a count, an amount, a time or a
// date rather than a case number (三百块, 一百多件, 一二三四年, 十一点).
const bareNotAfter = countWords + "号点时分秒岁元块万倍人家名份条项页位期批类种届多余来几%‰第之半成折以度"

// bareNumerals writes in digits a case number said in Chinese numerals
// with neither prefix nor 号 (查下一零一, 幺三三谁承办, 一百零一, 一一七明天
// 几点开), so that the bare-number rule reads it as the case's sequence
// number and it never becomes a party called 一零一. Only forms that are
// numbers beyond doubt are read: digits said one by one, three or more
// (一零一, 一二三; 五一 and 十一 are holidays, 三五 a guess), or with 幺,
// the digit one as only numbers are said; or a numeral with units above
// 31 (一百零一, 九十六; smaller ones are days and counts). The run must
// stand alone: at the start, after a space or punctuation or one of
// bareLeads, and not before a unit word.
func bareNumerals(s string) string {
	if !numeralPair(s) {
		return s // most messages: no run of two numerals, nothing to read
	}
	return numeralsAt(s, cnBareNumber.FindAllStringIndex(s, -1), func(m []int) (int, int, int, bool) {
		run := s[m[0]:m[1]]
		if prev, _ := utf8.DecodeLastRuneInString(s[:m[0]]); m[0] > 0 && unicode.Is(unicode.Han, prev) && !strings.ContainsRune(bareLeads, prev) {
			return 0, 0, 0, false
		}
		if next, _ := utf8.DecodeRuneInString(s[m[1]:]); m[1] < len(s) && (strings.ContainsRune(bareNotAfter, next) || unicode.IsDigit(next) || unicode.IsLetter(next) && next < 0x80) {
			return 0, 0, 0, false
		}
		n, ok := cnInteger(run)
		if !ok || n == 0 || strings.HasPrefix(run, "两") { // 两百: an amount
			return 0, 0, 0, false
		}
		runes := utf8.RuneCountInString(run)
		if strings.ContainsAny(run, "十百千") {
			if n <= 31 || strings.Contains(run, "幺") {
				return 0, 0, 0, false
			}
		} else if runes < 3 && !(runes == 2 && strings.Contains(run, "幺")) {
			return 0, 0, 0, false
		}
		return m[0], m[1], n, true
	})
}

// numeralPair reports whether s holds two Chinese numerals in a row, the
// least bareNumerals reads; it costs no allocation.
func numeralPair(s string) bool {
	prev := false
	for _, r := range s {
		_, digit := cnDigits[r]
		is := digit || r == '十' || r == '百' || r == '千'
		if is && prev {
			return true
		}
		prev = is
	}
	return false
}

// cnInteger reads a Chinese numeral below 10000 (一百二十四, 一百零一, 八十五,
// 三千, 十) or a run of digits written one by one (一二四).
func cnInteger(s string) (int, bool) {
	if !strings.ContainsAny(s, "十百千") {
		n := 0
		for _, r := range s {
			d, ok := cnDigits[r]
			if !ok {
				return 0, false
			}
			n = n*10 + d
		}
		return n, utf8.RuneCountInString(s) <= 4
	}
	total, digit, seen := 0, -1, false
	units := map[rune]int{'十': 10, '百': 100, '千': 1000}
	lastUnit := 10000
	for _, r := range s {
		if u, ok := units[r]; ok {
			if u >= lastUnit {
				return 0, false
			}
			if digit < 0 {
				if u != 10 || seen {
					return 0, false
				}
				digit = 1 // 十二: 一十二
			}
			total += digit * u
			digit, lastUnit, seen = -1, u, true
			continue
		}
		d, ok := cnDigits[r]
		if !ok || digit >= 0 && d != 0 {
			return 0, false
		}
		if d == 0 {
			seen = true
			continue // 一百零一: the 零 holds a place
		}
		digit, seen = d, true
	}
	if digit > 0 {
		total += digit
	}
	return total, true
}

// courtesies open or close a message without asking anything; a time
// word in them (早上好, 明天见) is no period.
var courtesies = mustCompile(`^(?:(?:早上好|上午好|中午好|下午好|晚上好|早安|早啊[,，.。!！~ ]|早[,，.。!！~ ]|大家好|领导好|今天辛苦了|今天辛苦|辛苦了|辛苦)[,，.。!！~ ]*)+|[,，.。!！~ ]*(?:明天见|明早见|下午见|晚安|今天辛苦了|辛苦了)[,，.。!！~ ]*$`)

// pronoun is a leading 它/该案 pointing at the case in focus (它的被告呢).
var pronoun = mustCompile(`^(?:那么|那)?(?:它的|它|该案的|该案件的|该案)`)

// courtesy removes (早上的庭 keeps its 早上: only the greeting forms go) the courtesies of a message that also asks something
// and returns what is left and what was removed.
func courtesy(s string) (string, []string) {
	var removed []string
	out := courtesies.ReplaceAllStringFunc(s, func(m string) string {
		w := strings.Trim(m, ",，.。!！~ ")
		removed = append(removed, w)
		return " "
	})
	out = strings.TrimSpace(out)
	if p := pronoun.FindString(out); p != "" && p != out {
		removed = append(removed, p)
		out = strings.TrimSpace(strings.TrimPrefix(out, p))
	}
	if out == "" || len(removed) == 0 {
		return s, nil
	}
	return out, removed
}

// nonAdminNumber is a case number of a kind the ledger never holds: civil
// (民初, 民终…), criminal (刑初…), enforcement (执, 执恢…) and 行保
// (preservation), written with or without its year and court.
var nonAdminNumber = mustCompile(`(?:民初|民终|民申|民再|民特|民辖|刑初|刑终|刑申|刑再|执恢|执保|执异|执复|执监|执|行保|破)(?:字第|第)?\s*\d+\s*号`)

// nonAdmin reports whether a message names a case number of a kind the
// ledger does not hold.
func nonAdmin(norm string) bool {
	return nonAdminNumber.MatchString(caseNumerals(norm))
}

// personalOpen begins a message about the asker's own affairs or their
// family's (我自己, 我老公, 邻居家); 我们 speaks for the agency and is not one.
var personalOpen = mustCompile(`^(?:我自己|我本人|我家|我老公|我老婆|我爱人|我爸|我妈|我父亲|我母亲|我儿子|我女儿|我哥|我姐|我弟|我妹|我亲戚|我朋友|邻居|我(?:被|的|要|想|在|跟|和|与)|我[^们])`)

// personalMatters are the disputes of private life people bring to the
// bureau's staff; ledgerWords keep a question about the work a work one.
var (
	personalMatters = []string{"离婚", "劳动纠纷", "劳动仲裁", "工资", "欠薪", "车祸", "交通事故", "宅基地", "赔钱", "不赔", "借钱",
		"欠钱", "罚款", "被打", "被骗", "遗产", "继承", "抚养", "赡养", "彩礼", "房东", "租房", "物业费", "工伤赔偿", "邻居",
		"维权", "怎么办", "咋个办", "咋办", "咨询你", "法律咨询", "找律师", "能不能复议", "能不能起诉", "可以起诉吗"}
	ledgerWords = []string{"出庭", "开庭", "庭", "案号", "台账", "败诉", "承办", "负责人", "通报", "以案说法", "我们局", "我们单位",
		"我局", "行初", "行终", "复〔", "号案", "我手上", "我的案", "我办的", "我承办"}
)

// personalLegal reports whether a message asks a legal question of the
// asker's own life (我要离婚怎么办, 我被交警罚款了能不能复议), which goes to
// 12348 whoever asks, rather than to their agency's cases.
func personalLegal(norm string) bool {
	if !personalOpen.MatchString(norm) {
		return false
	}
	for _, w := range ledgerWords {
		if strings.Contains(norm, w) {
			return false
		}
	}
	for _, w := range personalMatters {
		if strings.Contains(norm, w) {
			return true
		}
	}
	return false
}
