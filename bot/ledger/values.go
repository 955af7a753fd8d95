package ledger

import (
	"fmt"
	"strings"
)

// splitList splits several hearing times in one cell: the contract's 、
// and semicolons, and line breaks (Alt+Enter).
func splitList(s string) []string {
	return split(s, false)
}

// splitNames splits several plaintiffs or defendants in one cell: as
// splitList, and at commas too (甲局，乙局), which no name contains but a
// time may (2026年12月3日，上午9:30).
func splitNames(s string) []string {
	return split(s, true)
}

func split(s string, commas bool) []string {
	parts := strings.FieldsFunc(s, func(r rune) bool {
		switch r {
		case '、', ';', '；', '\n', '\r':
			return true
		case '，', ',':
			return commas
		}
		return false
	})
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// yes/no words people (and Excel's boolean cells, read raw as 1/0) put in
// the 应当出庭 and 负责人是否出庭 columns.
var (
	yesWords = map[string]bool{"是": true, "√": true, "✓": true, "✔": true, "Y": true, "YES": true, "TRUE": true,
		"1": true, "应当": true, "应当出庭": true, "应出庭": true, "出庭": true, "已出庭": true, "有": true, "对": true}
	noWords = map[string]bool{"否": true, "×": true, "✗": true, "✘": true, "X": true, "N": true, "NO": true, "FALSE": true,
		"0": true, "不": true, "不是": true, "无": true, "未出庭": true, "没有出庭": true, "不出庭": true, "不需要": true, "无需": true}
)

// parseYesNo reads 是/否/空 (and √/×, Y/N). known is false for a blank cell.
func parseYesNo(s string) (v, known bool, err error) {
	k := strings.ToUpper(strings.TrimSpace(foldWidth(s)))
	switch {
	case k == "":
		return false, false, nil
	case yesWords[k]:
		return true, true, nil
	case noWords[k]:
		return false, true, nil
	}
	return false, false, fmt.Errorf("“%s”无法识别，应填 是、否 或留空", s)
}

// cleanText trims a free-text cell; inner line breaks are kept.
func cleanText(s string) string {
	return strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n"))
}
