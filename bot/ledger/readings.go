package ledger

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"casebot/bot/cases"
)

// tellings collects what the reader read other than as written, so that
// each kind is told once, in one notice, however many rows it touches: a
// footnote is not worth eight errors, nor a missing year a line per row.
type tellings struct {
	skipped []string // rows without a case: "第 12 行（只有序号）"
	carried []string // rows whose blank 案号 means the case above
	years   []string // dates without a year and how they were read
	stages  []string // stages corrected from the 案号
	counts  [4]int
}

// maxTold bounds the examples a notice lists; the count is always whole.
const maxTold = 10

func (t *tellings) add(kind int, list *[]string, s string) {
	t.counts[kind]++
	if len(*list) < maxTold {
		*list = append(*list, s)
	}
}

func (t *tellings) skip(where, why string) {
	t.add(0, &t.skipped, fmt.Sprintf("%s（%s）", where, why))
}

func (t *tellings) carry(where, number string) {
	t.add(1, &t.carried, fmt.Sprintf("%s（%s）", where, number))
}

func (t *tellings) year(where, column, raw, read string) {
	t.add(2, &t.years, fmt.Sprintf("%s「%s」“%s”读作 %s", where, column, raw, read))
}

func (t *tellings) stage(where, written, number, stage string) {
	t.add(3, &t.stages, fmt.Sprintf("%s写作“%s”，按案号 %s 读作%s", where, written, number, stage))
}

// notices returns one notice per kind told.
func (t *tellings) notices() []string {
	var out []string
	list := func(n int, items []string) string {
		s := strings.Join(items, "；")
		if n > len(items) {
			s += fmt.Sprintf("；等共 %d 处", n)
		}
		return s
	}
	if n := t.counts[0]; n > 0 {
		out = append(out, fmt.Sprintf("已跳过 %d 行不是案件的行（只有序号、表注或合计等）：%s", n, list(n, t.skipped)))
	}
	if n := t.counts[1]; n > 0 {
		out = append(out, fmt.Sprintf("%d 行案号为空但填写了开庭时间，按“同上”读作上一行的案件：%s", n, list(n, t.carried)))
	}
	if n := t.counts[2]; n > 0 {
		out = append(out, fmt.Sprintf("%d 处日期没有写年份，已按离今天最近的年份读取，请核对：%s", n, list(n, t.years)))
	}
	if n := t.counts[3]; n > 0 {
		out = append(out, fmt.Sprintf("%d 行审理阶段与案号不符，已按案号更正：%s", n, list(n, t.stages)))
	}
	return out
}

// where names a row as the user finds it: the sheet when there are
// several, and the row number Excel shows.
func (sp *sheetParser) where(row int) string {
	if sp.sheet != "" {
		return fmt.Sprintf("工作表“%s”第 %d 行", sp.sheet, row)
	}
	return fmt.Sprintf("第 %d 行", row)
}

// footnoteRe matches the start of what ledgers write below or between
// the cases: notes, who filled the table, totals.
var footnoteRe = regexp.MustCompile(`^\s*(?:注|备注|说明|附注|填表|制表|填报|审核|统计|数据截至|截至|合计|总计|小计|共计|[*※★＊]|[(（]?\d{1,2}[)）.、．])`)

// noCase says why a row holds no case, or "" when it may: a row whose 案号
// cell is not a case number, and that has nothing but a 序号, or only
// footnote text (注：…, 制表人：…, 合计), or one long sentence across it
// (a merged footnote row). Rows that hold case content without a 案号
// stay errors: something real is there and would otherwise be lost.
func (sp *sheetParser) noCase(cells []string) string {
	number := ""
	for _, j := range sp.cols[fNumber] {
		if j < len(cells) && strings.TrimSpace(cells[j]) != "" {
			number = strings.TrimSpace(cells[j])
			break
		}
	}
	if number != "" {
		if _, err := cases.ParseNumber(number); err == nil {
			return ""
		}
	}
	var content []string
	for j, c := range cells {
		// A 序号 cell holds a serial number; anything else there (a
		// footnote typed into column A) is content.
		if c = strings.TrimSpace(c); c != "" && !(sp.ignored[j] && serialNo.MatchString(c)) {
			content = append(content, c)
		}
	}
	switch {
	case len(content) == 0:
		return "只有序号"
	case allFootnotes(content):
		return "表注“" + clip(content[0]) + "”"
	case len(content) == 1 && utf8.RuneCountInString(content[0]) >= 20:
		return "表注“" + clip(content[0]) + "”"
	}
	return ""
}

func allFootnotes(cells []string) bool {
	for _, c := range cells {
		if !footnoteRe.MatchString(c) {
			return false
		}
	}
	return true
}

// serialNo is what a 序号 cell holds: 1, 12, 3.0, (4), 5、
var serialNo = regexp.MustCompile(`^[(（]?\d{1,6}(?:\.0)?[)）.、]?$`)

// clip shortens a cell for a notice.
func clip(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 12 {
		return string(r[:12]) + "…"
	}
	return s
}

// carryNumber fills a blank 案号 with the one above when the row gives a
// hearing time: ledgers write a case's later hearings on the rows below
// it and leave the case columns, 案号 included, blank to mean "as above".
// Both passes of a streaming read see the same rows, so they agree.
func (sp *sheetParser) carryNumber(row int, cells []string) []string {
	cols := sp.cols[fNumber]
	for _, j := range cols {
		if j < len(cells) && strings.TrimSpace(cells[j]) != "" {
			sp.lastNumber = strings.TrimSpace(cells[j])
			return cells
		}
	}
	if sp.lastNumber == "" || len(cols) == 0 || !sp.has(cells, fHearingAt) {
		return cells
	}
	out := append([]string(nil), cells...)
	for len(out) <= cols[0] {
		out = append(out, "")
	}
	out[cols[0]] = sp.lastNumber
	if sp.onRow == nil {
		sp.told.carry(sp.where(row), sp.lastNumber)
	}
	return out
}

// has reports whether the row has a non-blank cell for f.
func (sp *sheetParser) has(cells []string, f field) bool {
	for _, j := range sp.cols[f] {
		if j < len(cells) && strings.TrimSpace(cells[j]) != "" {
			return true
		}
	}
	return false
}

// sameAsAbove gives the hearings of a later row of a case the details its
// row leaves blank from the case's hearing above: 出庭负责人, 职务, 地点 and
// 应当出庭 usually stay the same from one hearing to the next, and ledgers
// write them once. Whether the head appeared is a fact of each hearing and
// is never carried.
func (r *rowParser) sameAsAbove(e *Entry, hearings []cases.Hearing) {
	if len(e.Case.Hearings) == 0 {
		return
	}
	above := e.Case.Hearings[len(e.Case.Hearings)-1]
	for i := range hearings {
		h := &hearings[i]
		if r.get(fPlace) == "" {
			h.Place = above.Place
		}
		if r.get(fHead) == "" {
			h.Head = above.Head
		}
		if r.get(fHeadPost) == "" {
			h.HeadPost = above.HeadPost
		}
		if r.get(fMustAppear) == "" {
			h.MustAppear = above.MustAppear
		}
	}
}
