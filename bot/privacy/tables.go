package privacy

import (
	"strings"
	"unicode/utf8"
)

// Tables pasted as text: a header row, then rows whose cells are
// separated by bars, tabs or runs of spaces (a full-width space is one
// space after normalize). Registers of parties, enforcement staff and
// payees are written so:
//
//	执法人员  执法证号  所属单位
//	晏某某    33011911052  某县综合行政执法局
//
// A cell's meaning is its column's, not its words': under 姓名 or 当事人 a
// word (石磊, 常乐, 高山) is a name, under 工号 or 执法证号 any number is a
// person's, under 住址 the address goes below the county; the header
// itself and the unit, post and amount columns stay. Identifier columns
// are read as a person's only in a table that has a person column: a
// project table's 规划许可证号 (建字第…号 of a company) stays.

// columnKind is what a header cell says its column holds.
type columnKind int8

const (
	colOther columnKind = iota
	colPerson
	colIdent
	colAddress
)

// tableCell is one cell of a data row, byte offsets in the text.
type tableCell struct {
	start, end int
	kind       columnKind
}

// textTable is what the reader found: the header cells (to keep) and the
// cells of the person, identifier and address columns of every row.
type textTable struct {
	headers []tableCell
	cells   []tableCell
}

// personHeaderEnds end the header of a column of people (当事人, 执法人员,
// 户主姓名, 承包方代表).
var personHeaderEnds = []string{"姓名", "户名", "人", "人员", "户主", "业主", "房主", "驾驶员", "经营者", "代表", "队员", "民警", "辅警"}

// identHeaderEnds end the header of a column of numbers that file one
// person (工号, 执法证号, 身份证号码, 联系电话, 收款账号).
var identHeaderEnds = []string{"号", "号码", "电话", "手机", "联系方式", "账户", "QQ", "微信"}

// notIdentHeaders end in 号 but number no one (序号, 案号, 文号, 门牌号).
var notIdentHeaders = []string{"序号", "案号", "文号", "批号", "型号", "字号", "门牌号", "房号", "楼号", "栋号", "坐落号"}

// addressHeaders head a column of where people live.
var addressHeaders = []string{"住址", "住所", "家庭住址", "现住址", "现住", "户籍地", "户籍地址", "居住地", "经常居住地", "送达地址", "联系地址", "通讯地址"}

// otherHeaderEnds end the other headers a register has: these make a
// header row with the ones above, and stay.
var otherHeaderEnds = []string{"序号", "编次", "性别", "年龄", "民族", "出生", "出生年月", "出生日期", "日期", "时间", "年月", "金额", "面积", "数量", "人数", "人口", "单位", "单位名称", "名称", "职务", "职级", "岗位", "职业", "备注", "事实", "行为", "依据", "结果", "方式", "案由", "地点", "坐落", "用途", "类型", "情况", "结构", "高度", "层数", "份额", "考勤", "开户行", "银行", "状态", "标准", "项目", "内容", "期限", "理由", "文化程度", "政治面貌", "关系", "与户主关系", "家庭关系", "类别", "等级", "来源", "处罚", "罚款", "补偿", "签名", "签字", "说明", "部门", "科室", "所属单位", "工作单位", "建设单位", "项目名称"}

// headerKind classifies one header cell; ok is false for a cell no header
// list holds (a name, a number, a sentence), which makes the row no header.
func headerKind(cell string) (columnKind, bool) {
	// 补偿金额（元）, 面积（㎡）: the unit in brackets says nothing of the kind.
	if i := strings.IndexAny(cell, "（("); i > 0 && (strings.HasSuffix(cell, "）") || strings.HasSuffix(cell, ")")) {
		cell = cell[:i]
	}
	n := utf8.RuneCountInString(cell)
	if n == 0 || n > 8 || !allHanString(cell) && !strings.HasSuffix(cell, "QQ") {
		return colOther, false
	}
	switch {
	case containsAny(cell, addressHeaders) && !strings.HasSuffix(cell, "人"):
		return colAddress, true
	case hasSuffixAny(cell, notIdentHeaders):
		return colOther, true
	case hasSuffixAny(cell, identHeaderEnds) || strings.HasSuffix(cell, "证号") || strings.HasSuffix(cell, "编号") || strings.HasSuffix(cell, "卡号") || strings.HasSuffix(cell, "账号"):
		return colIdent, true
	case hasSuffixAny(cell, otherHeaderEnds) || strings.HasSuffix(cell, "单位"):
		return colOther, true
	case hasSuffixAny(cell, personHeaderEnds) && n >= 2:
		return colPerson, true
	}
	return colOther, false
}

func allHanString(s string) bool {
	for _, r := range s {
		if !isHan(r) {
			return false
		}
	}
	return s != ""
}

// splitCells cuts one line into trimmed cells (byte offsets into the
// line): by bars where the line has one, else by tabs, else by runs of
// two spaces or more, else by single spaces.
func splitCells(line string) ([][2]int, byte) {
	var seps func(s string, i int) int // length of the separator at i, or 0
	mode := byte(' ')
	switch {
	case strings.IndexByte(line, '|') >= 0 || strings.Contains(line, "｜"):
		mode = '|'
		seps = func(s string, i int) int {
			if s[i] == '|' {
				return 1
			}
			if strings.HasPrefix(s[i:], "｜") {
				return len("｜")
			}
			return 0
		}
	case strings.IndexByte(line, '\t') >= 0:
		mode = '\t'
		seps = func(s string, i int) int {
			if s[i] == '\t' {
				return 1
			}
			return 0
		}
	case strings.Contains(line, "  "):
		mode = '2'
		// A run of spaces is one separator, however long.
		seps = func(s string, i int) int {
			n := 0
			for i+n < len(s) && s[i+n] == ' ' {
				n++
			}
			if n < 2 {
				return 0
			}
			return n
		}
	default:
		seps = func(s string, i int) int {
			if s[i] == ' ' {
				return 1
			}
			return 0
		}
	}
	var out [][2]int
	start := 0
	flush := func(end int) {
		a, b := start, end
		for a < b && (line[a] == ' ' || line[a] == '\t') {
			a++
		}
		for b > a && (line[b-1] == ' ' || line[b-1] == '\t') {
			b--
		}
		out = append(out, [2]int{a, b})
	}
	for i := 0; i < len(line); {
		if n := seps(line, i); n > 0 {
			flush(i)
			i += n
			start = i
			continue
		}
		i++
	}
	flush(len(line))
	// | 1 | 张某 |: the bars at the ends make empty cells.
	for len(out) > 0 && out[0][0] == out[0][1] {
		out = out[1:]
	}
	for len(out) > 0 && out[len(out)-1][0] == out[len(out)-1][1] {
		out = out[:len(out)-1]
	}
	return out, mode
}

// mayHoldTable says cheaply whether s may hold a table row: a separator
// between two characters of a line.
func mayHoldTable(s string) bool {
	// Bytes, not runes: ContainsAny with a non-ASCII set decodes every rune.
	return strings.IndexByte(s, '|') >= 0 || strings.IndexByte(s, '\t') >= 0 || strings.IndexByte(s, ' ') >= 0 || strings.Contains(s, "｜")
}

// readTables finds the tables of s (the normalized text).
func readTables(s string) textTable {
	var tb textTable
	if !mayHoldTable(s) {
		return tb
	}
	var kinds []columnKind // the open table's columns, nil outside one
	person := false
	var mode byte // the header's separator; its rows use the same
	for at := 0; at <= len(s); {
		end := strings.IndexByte(s[at:], '\n')
		if end < 0 {
			end = len(s)
		} else {
			end += at
		}
		line := s[at:end]
		if !mayHoldTable(line) {
			kinds = nil
			at = end + 1
			continue
		}
		cells, m := splitCells(line)
		if len(cells) >= 2 && len(line) <= 400 {
			if hk, ok := headerRow(line, cells); ok {
				kinds, person, mode = hk, false, m
				for i, c := range cells {
					tb.headers = append(tb.headers, tableCell{at + c[0], at + c[1], hk[i]})
					person = person || hk[i] == colPerson
				}
			} else if kinds != nil && len(cells) <= len(kinds) && (m == mode || mode == ' ' || m == ' ') {
				for i, c := range cells {
					if k := kinds[i]; k != colOther && c[1] > c[0] && (k != colIdent || person) {
						tb.cells = append(tb.cells, tableCell{at + c[0], at + c[1], k})
					}
				}
			} else {
				kinds = nil
				flatTable(&tb, s, at, line)
			}
		} else {
			kinds = nil
		}
		at = end + 1
	}
	return tb
}

// flatTable reads a table whose rows were run into one line, as text
// copied out of a PDF or a form arrives: the header cells, then the cells
// of each row in turn, all separated alike (姓名 工号 岗位 兰某 A0315 保安
// 石某 A0417 保洁), or a form's label and value pairs (姓名 阿旺罗布 性别 男
// 住址 … 电话 …). A run of two or more header words opens it; the cells
// after it must fill whole rows, and the first row's person cell must be
// one person's name, or the line is prose and nothing is read.
func flatTable(tb *textTable, s string, at int, line string) {
	var toks [][2]int
	for _, c := range splitFlat(line) {
		if v := line[c[0]:c[1]]; v != "—" && v != "-" && v != "——" {
			toks = append(toks, c)
		}
	}
	if len(toks) < 4 {
		return
	}
	cell := func(i int) string { return line[toks[i][0]:toks[i][1]] }
	var kinds []columnKind
	person := false
	for i := range toks {
		k, ok := headerKind(cell(i))
		if !ok {
			break
		}
		kinds = append(kinds, k)
		person = person || k == colPerson
	}
	add := func(i int, k columnKind) {
		if k != colOther && (k != colIdent || person) {
			tb.cells = append(tb.cells, tableCell{at + toks[i][0], at + toks[i][1], k})
		}
	}
	header := func(i int, k columnKind) {
		tb.headers = append(tb.headers, tableCell{at + toks[i][0], at + toks[i][1], k})
	}
	isName := func(v string) bool {
		n := utf8.RuneCountInString(v)
		_, hdr := headerKind(v)
		return n >= 2 && n <= 8 && allHanOrDot(v) && !hdr && !strings.ContainsAny(v, "某×") && !isInstitution(v)
	}
	// A header may end with a cell no list knows (值班人员 工号 班次): up to
	// two more short words count as other columns when the rows then come
	// out whole and every row's person cell is a name.
	w := len(kinds)
	rowsFit := func(w int, all bool) bool {
		if w < 2 || len(toks) <= w || (len(toks)-w)%w != 0 {
			return false
		}
		for r := w; r < len(toks); r += w {
			for c := 0; c < len(kinds) && c < w; c++ {
				if kinds[c] == colPerson && !isName(cell(r+c)) {
					return false
				}
			}
			if !all {
				break
			}
		}
		return true
	}
	if person && !rowsFit(w, false) {
		for extra := 1; extra <= 2 && w+extra < len(toks); extra++ {
			v := cell(w + extra - 1)
			if !allHanString(v) || utf8.RuneCountInString(v) < 2 || utf8.RuneCountInString(v) > 4 {
				break
			}
			// A cell led by a surname that is no dictionary word may be the
			// first row's name (姓名 邱某 邱某 …): no header (班次 is one).
			if vt := newText(v); surnameAt(vt, 0) > 0 && !wordAt(vt, 0, vt.n()) {
				break
			}
			// Two rows at least: one row after an unknown word may be a
			// signature line (听证主持人 钱 坤 记录员 苏 敏).
			if len(toks)-(w+extra) >= 2*(w+extra) && rowsFit(w+extra, true) {
				for i := 0; i < extra; i++ {
					kinds = append(kinds, colOther)
				}
				w = len(kinds)
				break
			}
		}
	}
	if w >= 2 && person && rowsFit(w, true) {
		for i := range kinds {
			header(i, kinds[i])
		}
		for i := w; i < len(toks); i++ {
			add(i, kinds[(i-w)%w])
		}
		return
	}
	// Label and value pairs: every second cell a header word, three pairs
	// or more, a person's label among them.
	if w != 1 || len(toks)%2 != 0 || len(toks) < 6 {
		return
	}
	kinds = kinds[:0]
	person = false
	for i := 0; i < len(toks); i += 2 {
		k, ok := headerKind(cell(i))
		if !ok {
			return
		}
		if _, hdr := headerKind(cell(i + 1)); hdr {
			return
		}
		kinds = append(kinds, k)
		person = person || k == colPerson
	}
	if !person {
		return
	}
	for j, k := range kinds {
		if k == colPerson && !isName(cell(2*j+1)) {
			return
		}
	}
	for j, k := range kinds {
		header(2*j, k)
		add(2*j+1, k)
	}
}

// splitFlat cuts a line at every separator a table may use: bars, tabs and
// spaces alike (a run of them is one).
func splitFlat(line string) [][2]int {
	var out [][2]int
	start := -1
	for i := 0; i < len(line); {
		n := 0
		switch {
		case line[i] == '|' || line[i] == '\t' || line[i] == ' ':
			n = 1
		case strings.HasPrefix(line[i:], "｜"):
			n = len("｜")
		}
		if n > 0 {
			if start >= 0 {
				out = append(out, [2]int{start, i})
				start = -1
			}
			i += n
			continue
		}
		if start < 0 {
			start = i
		}
		i++
	}
	if start >= 0 {
		out = append(out, [2]int{start, len(line)})
	}
	return out
}

func allHanOrDot(s string) bool {
	for _, r := range s {
		if !isHan(r) && r != '·' {
			return false
		}
	}
	return s != ""
}

// headerRow says whether a line is a table's header: every cell a header
// word, at least one of a column to mask or two cells.
func headerRow(line string, cells [][2]int) ([]columnKind, bool) {
	kinds := make([]columnKind, len(cells))
	for i, c := range cells {
		k, ok := headerKind(line[c[0]:c[1]])
		if !ok {
			return nil, false
		}
		kinds[i] = k
	}
	return kinds, true
}

// tableNames adds the names of the person columns and reserves the
// header cells, so that no other pass reads 签收日期 or 执法人员 as a name.
func (d *detector) tableNames(tb textTable) {
	t := d.t
	for _, c := range tb.cells {
		if c.kind != colPerson {
			continue
		}
		s, e := t.runeAt(c.start), t.runeAt(c.end)
		// The column says a person: no guard may read the word as a thing
		// (蒲公英 under 姓名), so the hit is firm, as a spaced name is.
		if personCell(t, s, e) && d.add(s, e, capNeutral) {
			d.hits[len(d.hits)-1].name = t.str(s, e)
		}
	}
}

// personCell says whether a cell of a person column is one person's name:
// two to eight Chinese characters (or a dotted name), no organisation, no
// text already masked (某某餐饮店 in a 当事人 column stays).
func personCell(t *text, s, e int) bool {
	if e-s < 2 || e-s > 8 {
		return false
	}
	for k := s; k < e; k++ {
		if !t.han(k) && t.rs[k] != '·' {
			return false
		}
	}
	v := t.str(s, e)
	if _, ok := hasPrefixAny(v, tableTotals); ok {
		return false
	}
	if strings.ContainsAny(v, "某×") || isInstitution(v) || strings.ContainsRune(officeEnds, t.rs[e-1]) && e-s > 3 {
		return false
	}
	_, header := headerKind(v)
	return !header
}

// tableTotals open a table's closing rows, in any column.
var tableTotals = []string{"合计", "小计", "总计", "共计", "以下空白", "空白", "无", "同上", "不详"}

// tableSpans returns the identifier and address cells of the tables of s
// as spans to mask; header cells are never among them.
func tableSpans(s string, tb textTable) []span {
	var out []span
	for _, c := range tb.cells {
		v := s[c.start:c.end]
		switch c.kind {
		case colIdent:
			if countDigits(v) > 0 && !alreadyMasked(v) {
				out = append(out, span{c.start, c.end, KindRecord, Mask})
			}
		case colAddress:
			if p := adminPrefix(v); p < len(v) && !alreadyMasked(v[p:]) && utf8.RuneCountInString(v[p:]) >= 2 {
				out = append(out, span{c.start + p, c.end, KindAddress, Mask})
			}
		}
	}
	return out
}

// reserveTableHeaders reserves the header cells of the tables of t.
func reserveTableHeaders(t *text, reserved []bool) {
	for _, c := range t.tables().headers {
		for k := t.runeAt(c.start); k < t.runeAt(c.end) && k < len(reserved); k++ {
			reserved[k] = true
		}
	}
}

// tables reads the tables of t once.
func (t *text) tables() *textTable {
	if t.tbl == nil {
		tb := readTables(t.s)
		t.tbl = &tb
	}
	return t.tbl
}
