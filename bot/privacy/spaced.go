package privacy

import (
	"regexp"
	"strings"
)

// Identifiers written with spaces (issue 12, round 10). People copy a
// passport or a QQ number the way it is printed or read out, in groups:
// 护照号码：E 1234 5678, QQ号为561 208 437, 港澳通行证号码：C 1234 5678. The
// labelled values of identifiers.go take one unbroken run, so these are
// read here, after the same labels, and only after a label: a bare
// "2,700 元", 1 234.5 平方米 or a case number with spaces stays.

// spacedLabelled are the labels of identifiers.go with values in groups.
var spacedLabelled = []*labelled{
	// 561 208 437, 3021 5567 89, 7788 1234, 561-208-437: five to twelve
	// digits in groups of two to five.
	{qqLabels.labels, regexp.MustCompile(`^\s*[（(]?\s*(?:号码|账号|帐号|号)?\s*(?:[:：]|为|是)?\s*["“”'‘’「」『』]?([1-9]\d{1,4}(?: \d{2,5}){1,3}|[1-9]\d{1,4}(?:-\d{2,5}){2,3})`), kindOf(KindQQ), 5, false},
	// E 1234 5678, EA 123 4567, E 87654321: one or two letters and six to
	// ten digits, the digits in groups or after one space.
	{passportLabels.labels, regexp.MustCompile(`^\s*[（(]?\s*(?:号码为|号码|号为|号|编号)?\s*(?:[:：]|为|是)?\s*([A-Za-z]{1,2} ?\d{2,5}(?: \d{2,5}){1,3}|[A-Za-z]{1,2} \d{6,10})`), kindOf(KindPass), 6, false},
	// C 1234 5678, H 1234 5678 9, and a 台胞证's digits alone (1234 5678).
	{permitLabels.labels, regexp.MustCompile(`^\s*[（(]?\s*(?:号码为|号码|号为|号|编号)?\s*(?:[:：]|为|是)?\s*([A-Za-z]{1,3} ?\d{2,5}(?: \d{2,5}){1,3}|[A-Za-z]{1,3} \d{6,12}|\d{4}(?: \d{4}){1,2})`), kindOf(KindPermit), 6, false},
}

// spacedSpans adds the spaced values after the labels above. A value of
// more than twelve digits after a QQ label is no QQ number.
func spacedSpans(s string, out []span) []span {
	if !digitAfterGap(s) {
		return out
	}
	for _, l := range spacedLabelled {
		n := len(out)
		out = l.spans(s, out)
		if l.labels == qqLabels.labels {
			kept := out[:n]
			for _, sp := range out[n:] {
				if countDigits(s[sp.start:sp.end]) <= 12 {
					kept = append(kept, sp)
				}
			}
			out = kept
		}
	}
	return out
}

// digitAfterGap reports whether a space or a dash stands before a digit
// somewhere in s: without one no value here can be in groups, and the
// label scans are skipped.
func digitAfterGap(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if (s[i] == ' ' || s[i] == '-') && s[i+1] >= '0' && s[i+1] <= '9' {
			return true
		}
	}
	return false
}

// officeLineLabels name a line an agency publishes for the public to call
// (投诉监督电话, 举报电话, 服务热线): the number after one is the office's,
// written with or without spaces.
var officeLineLabels = []string{"监督电话", "投诉电话", "举报电话", "咨询电话", "服务电话", "值班电话", "服务热线", "热线电话", "监督热线", "投诉热线", "举报热线"}

// keepOfficeLines drops a phone read right after an office line's label,
// unless the clause names a person's own number (本人, 手机, 联系人…).
func keepOfficeLines(s string, out []span) []span {
	phone := false
	for _, sp := range out {
		phone = phone || sp.kind == KindPhone
	}
	// Every label holds 电话 or 热线: two scans of a judgment, not eleven.
	if !phone || !strings.Contains(s, "电话") && !strings.Contains(s, "热线") || !containsAny(s, officeLineLabels) {
		return out
	}
	kept := out[:0]
	for _, sp := range out {
		if sp.kind == KindPhone {
			before := strings.TrimRight(s[:sp.start], " ：:为是")
			from := max(strings.LastIndexAny(before, "\n。；;，,"), 0)
			// 举报电话13977315046: an office publishes a landline or a short
			// number; a mobile's eleven digits after the label are the
			// caller's own (the 举报人's), and go.
			if hasSuffixAny(before, officeLineLabels) && !containsAny(before[from:], personalPhoneWords) && !mobileDigits(s[sp.start:sp.end]) {
				continue
			}
		}
		kept = append(kept, sp)
	}
	return kept
}

// mobileDigits reports whether v, without its spaces and dashes, is a
// mainland mobile number: eleven digits from 13 to 19.
func mobileDigits(v string) bool {
	var b []byte
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c >= '0' && c <= '9':
			b = append(b, c)
		case c == ' ' || c == '-':
		default:
			return false
		}
	}
	return len(b) == 11 && b[0] == '1' && b[1] >= '3' && b[1] <= '9'
}
