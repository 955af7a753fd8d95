// Package numeral reads and writes the numbers people and documents write
// in Chinese: 十五, 二十, 一百零二, 贰万叁仟, 二〇二五, 两, 幺 (as said on the
// phone), beside Arabic digits of either width. The ledger, the chat and
// the decision reader all read them here, so that 十五日 is fifteen
// wherever it is written.
package numeral

import (
	"strconv"
	"strings"
)

// digitValue are the digits, in the everyday, the financial (大写) and the
// spoken forms.
var digitValue = map[rune]int64{
	'零': 0, '〇': 0, '○': 0, 'О': 0, '0': 0,
	'一': 1, '壹': 1, '幺': 1, '二': 2, '贰': 2, '两': 2, '三': 3, '叁': 3, '四': 4, '肆': 4,
	'五': 5, '伍': 5, '六': 6, '陆': 6, '七': 7, '柒': 7, '八': 8, '捌': 8, '九': 9, '玖': 9,
}

var unitValue = map[rune]int64{'十': 10, '拾': 10, '百': 100, '佰': 100, '千': 1000, '仟': 1000}

// thousandsSeps is built once, not on every call (building a Replacer allocates).
var thousandsSeps = strings.NewReplacer(",", "", "，", "")

// Parse reads an Arabic or Chinese number: 124, １２４, 一百二十四, 十五,
// 贰万叁仟, 1,000, 二〇二五 (a run of digits with no unit is read digit by
// digit). ok is false for anything else, and for a malformed numeral: a
// unit not smaller than the one before it (十十, 百千), or two digits in a
// row among units (十二三).
func Parse(s string) (int64, bool) {
	s = strings.TrimSpace(thousandsSeps.Replace(s))
	if s == "" {
		return 0, false
	}
	if n, err := strconv.ParseInt(ASCIIDigits(s), 10, 64); err == nil {
		return n, true
	}
	rs := []rune(s)
	plain := true
	for _, r := range rs {
		if _, ok := digitValue[r]; !ok {
			plain = false
			break
		}
	}
	if plain {
		var n int64
		for _, r := range rs {
			n = n*10 + digitValue[r]
		}
		return n, true
	}
	var total, section, digit, lastUnit int64
	hasDigit := false // a digit waits for its unit
	for _, r := range rs {
		switch {
		case r == '万' || r == '萬' || r == '亿':
			big := int64(10000)
			if r == '亿' {
				big = 100000000
			}
			section += digit
			if section == 0 {
				section = 1
			}
			total = (total + section) * big
			section, digit, lastUnit, hasDigit = 0, 0, 0, false
		case unitValue[r] > 0:
			u := unitValue[r]
			if lastUnit > 0 && u >= lastUnit {
				return 0, false
			}
			if digit == 0 {
				digit = 1
			}
			section += digit * u
			digit, lastUnit, hasDigit = 0, u, false
		default:
			d, ok := digitValue[r]
			if !ok || (hasDigit && d != 0 && digit != 0) {
				return 0, false
			}
			digit, hasDigit = d, true
		}
	}
	return total + section + digit, true
}

// ASCIIDigits turns full-width digits into ASCII ones.
func ASCIIDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return r - '０' + '0'
		}
		return r
	}, s)
}

// Format writes n (1–9999) the way statutes number articles and courts
// number rooms: 十, 十五, 二十, 一百一十, 一百零二; any other n in Arabic
// digits.
func Format(n int) string {
	if n <= 0 || n > 9999 {
		return strconv.Itoa(n)
	}
	digits := []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	units := []string{"", "十", "百", "千"}
	var parts []int
	for m := n; m > 0; m /= 10 {
		parts = append(parts, m%10)
	}
	var b strings.Builder
	zero := false
	for i := len(parts) - 1; i >= 0; i-- {
		d := parts[i]
		if d == 0 {
			zero = true
			continue
		}
		if zero && b.Len() > 0 {
			b.WriteString("零")
		}
		zero = false
		if !(d == 1 && i == 1 && len(parts) == 2) {
			b.WriteString(digits[d])
		}
		b.WriteString(units[i])
	}
	return b.String()
}
