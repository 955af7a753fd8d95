package intent

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// A write told in free text (88号宣判了 撤销 理由是程序违法 你们记一下) names
// its case by a bare sequence number more often than by a full one. That
// number always wins over the case in focus: the caller resolves it
// against the ledger (one case → that case; several → ask; none → say so)
// and uses the focus only when the message names no case at all.

var (
	// reportedSeqRe is a bare sequence number a report names: 88号, 96号的,
	// 121号那个; reportedLeadRe one that opens the report with no 号 (133
	// 宣判了): a number of two to five digits standing first.
	reportedSeqRe  = regexp.MustCompile(`(?:^|[^\d.:\-/年月])(\d{1,5})\s*号`)
	reportedLeadRe = regexp.MustCompile(`^\s*(\d{2,5})(?:\s|那个|的|[^\d号年月日点时:：.\-/%])`)
	// reportedCnRe is a case number said in Chinese numerals that
	// caseNumerals could not read (二零零号, digit by digit).
	reportedCnRe = regexp.MustCompile(`[零〇一二两三四五六七八九十百千]{2,}号`)
)

// reportedSeq returns the bare sequence number a report names and the text
// without it; unread is true when the report names a number that cannot
// be read (the caller must then ask, never fall back to the focus).
func reportedSeq(t string) (seq int, rest string, unread bool) {
	if m := reportedSeqRe.FindStringSubmatchIndex(t); m != nil {
		n, _ := strconv.Atoi(t[m[2]:m[3]])
		after := t[m[1]:]
		caseWord := slices.ContainsFunc(caseAfter, func(w string) bool { return strings.HasPrefix(after, w) })
		// A day of the month (13号开的庭) is left to the dates unless a
		// word for a case follows it.
		if n > 31 || caseWord {
			return n, t[:m[2]] + " " + t[m[1]:], false
		}
	}
	if m := reportedLeadRe.FindStringSubmatchIndex(t); m != nil {
		n, _ := strconv.Atoi(t[m[2]:m[3]])
		return n, t[:m[2]] + " " + t[m[3]:], false
	}
	if reportedCnRe.MatchString(t) {
		return 0, t, true
	}
	return 0, t, false
}

// reportFiller is what people add to a write told in free text that is no
// part of the fact: asking it recorded (你们记一下, 帮我登记下) and courtesy
// (麻烦了, 谢谢, 哈). It is cut from the free-text fields (败诉原因) so that
// the ledger holds the reason, not the request.
var reportFiller = []string{
	"你们记一下", "你们记下", "你们登记一下", "你们登记下", "帮我登记一下", "帮我登记下", "帮忙登记一下", "帮忙登记下",
	"麻烦登记一下", "麻烦登记下", "帮我记一下", "帮我记下", "帮忙记一下", "帮我录一下", "帮我更新一下", "登记一下",
	"登记下", "记一下", "记下", "记上", "录一下", "更新一下", "麻烦你了", "麻烦了", "麻烦", "谢谢你", "谢谢", "多谢",
	"辛苦了", "辛苦", "好吧", "好的", "哈", "啊", "呀", "吧", "哦", "嗯", "一下",
}

// trimFiller cuts reportFiller from the end (and the courtesy from the
// start) of a free-text field, with the punctuation between them.
func trimFiller(s string) string {
	for {
		s = tidy(s)
		cut := false
		for _, f := range reportFiller {
			if strings.HasSuffix(s, f) {
				s, cut = strings.TrimSuffix(s, f), true
				break
			}
		}
		if !cut {
			break
		}
	}
	for _, f := range []string{"麻烦", "你好", "您好"} {
		s = tidy(strings.TrimPrefix(s, f))
	}
	return s
}
