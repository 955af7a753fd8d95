package cases

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// NumberForm says which numbering system a case number belongs to.
type NumberForm int

const (
	// CourtNumber is the 2016 court format: (2025)黔0115行初123号.
	CourtNumber NumberForm = iota + 1
	// LegacyCourtNumber is the pre-2016 form: (2015)黔高行终字第12号.
	LegacyCourtNumber
	// ReconsiderationNumber is a 复议 document number: 黔府复〔2024〕12号.
	ReconsiderationNumber
)

// Number is a parsed case number. Two writings of one number parse to equal
// Numbers and print the same String, which is the key a case is stored under.
type Number struct {
	Form NumberForm
	Year int
	// Court is the court code (黔0115, 最高法, 苏8601) or, for legacy numbers,
	// the court abbreviation (黔高, 南市).
	Court string
	// Special is the 专门审判代字 (知), usually empty.
	Special string
	// Type is the case-type code (行初, 行赔终, 行审复...). For reconsideration
	// numbers it is empty.
	Type string
	// Org is the issuing organ's code of a reconsideration number, with its
	// document word (黔府复, 平府复决字).
	Org string
	Seq int
}

// String returns the normalized writing: half-width parentheses for court
// numbers, 〔〕 for reconsideration numbers, no spaces, no leading zeros.
func (n Number) String() string {
	switch n.Form {
	case CourtNumber:
		return fmt.Sprintf("(%d)%s%s%s%d号", n.Year, n.Court, n.Special, n.Type, n.Seq)
	case LegacyCourtNumber:
		return fmt.Sprintf("(%d)%s%s%s字第%d号", n.Year, n.Court, n.Special, n.Type, n.Seq)
	case ReconsiderationNumber:
		return fmt.Sprintf("%s〔%d〕%d号", n.Org, n.Year, n.Seq)
	}
	return ""
}

// Kind returns the case kind a number implies: 行审 and 行审复 are
// 非诉执行审查, a 复议 number is 行政复议, every other code 行政诉讼.
func (n Number) Kind() Kind {
	switch {
	case n.Form == ReconsiderationNumber:
		return Reconsideration
	case n.Type == "行审" || n.Type == "行审复":
		return NonLitigation
	}
	return Litigation
}

// Stage returns the stage a number implies, or "" when the code does not
// say (行他, 行辖...).
func (n Number) Stage() Stage {
	if n.Form == ReconsiderationNumber {
		return StageReconsideration
	}
	t := strings.TrimPrefix(strings.TrimPrefix(n.Type, "行赔"), "行")
	switch t {
	case "初":
		return StageFirst
	case "终":
		return StageSecond
	case "再", "申", "监", "抗":
		return StageRetrial
	case "审", "审复":
		return StageReview
	}
	return ""
}

// FirstInstance reports whether the number is a first-instance litigation
// number (行初, 行赔初), the ones official statistics count.
func (n Number) FirstInstance() bool { return n.Type == "行初" || n.Type == "行赔初" }

// typeCodes lists the administrative case-type codes, longest first, so that
// 行审复 is tried before 行审 and 行赔初 before 行初.
var typeCodes = []string{
	"行赔初", "行赔终", "行赔监", "行赔申", "行赔抗", "行赔再", "行赔他",
	"行审复", "行辖终", "赔辖终", "司救行",
	"行初", "行终", "行监", "行申", "行抗", "行再", "行审", "行他", "行辖", "赔辖",
}

// nonAdminCodes are codes that look administrative but are not: 行保 is a
// civil 行为保全 number.
var nonAdminCodes = []string{"行保复", "行保"}

const provinces = "京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤琼川黔云陕甘青宁新藏桂内军兵"

// Provinces are the one-character province codes that start court codes
// (黔 in 黔0115), for code that recognises court numbers written partly.
const Provinces = provinces

// The patterns below run on folded text (see foldNumber): one kind of
// parenthesis, half-width digits, no spaces.
const (
	yearPat   = `\(((?:19|20)\d{2})\)`
	courtPat  = `(最高法|[` + provinces + `](?:\d{4}|\d{2})?)`
	legacyPat = `(\p{Han}{1,10}?)`
	reconPat  = `(\p{Han}{0,12}?(?:复|责履)\p{Han}{0,4}?)`
)

var (
	typeAlt = `(` + strings.Join(typeCodes, "|") + `)`
	// courtRe matches a 2016-format number.
	courtRe = regexp.MustCompile(`^` + yearPat + courtPat + `(知)?` + typeAlt + `(\d{1,8})号?$`)
	// legacyRe matches a pre-2016 number: the court is an abbreviation in
	// Chinese characters and the sequence may carry 字第.
	legacyRe = regexp.MustCompile(`^` + yearPat + legacyPat + `(知)?` + typeAlt + `字?第?(\d{1,8})号?$`)
	// reconRe matches a reconsideration document number; the organ's code
	// must contain 复 (复议) or be a 责履 word.
	reconRe = regexp.MustCompile(`^` + reconPat + yearPat + `第?(\d{1,6})号?$`)

	// Unanchored forms, for finding numbers inside a message.
	courtInText  = regexp.MustCompile(yearPat + courtPat + `(知)?` + typeAlt + `(\d{1,8})号?`)
	legacyInText = regexp.MustCompile(yearPat + legacyPat + `(知)?` + typeAlt + `字?第?(\d{1,8})号?`)
	reconInText  = regexp.MustCompile(`(\p{Han}{1,16}?(?:复|责履)\p{Han}{0,4}?)` + yearPat + `第?(\d{1,6})号?`)
)

// NumberError says why a string is not a case number.
type NumberError struct {
	Input  string
	Reason string
}

func (e *NumberError) Error() string {
	return fmt.Sprintf("“%s”不是有效的案号：%s", e.Input, e.Reason)
}

// ParseNumber parses a case number in any of its usual writings: full- or
// half-width parentheses, 〔〕 or [], stray spaces, full-width digits, the
// pre-2016 字第 form and 复议 document numbers. A string that is not a case
// number gets a *NumberError saying why.
func ParseNumber(s string) (Number, error) {
	norm := foldNumber(s)
	// A year written without its brackets (2026黔0115行初203号, which chat
	// reads too: intent's short numbers) is bracketed when a court code
	// follows. FindNumbers leaves such text to chat's reader.
	if bareYear.MatchString(norm) {
		m := bareYearKeep.FindStringSubmatch(norm)
		norm = "(" + m[1] + ")" + norm[len(m[0]):]
	}
	if norm == "" {
		return Number{}, &NumberError{Input: s, Reason: "内容为空"}
	}
	if m := courtRe.FindStringSubmatch(norm); m != nil {
		return Number{Form: CourtNumber, Year: atoi(m[1]), Court: m[2], Special: m[3], Type: m[4], Seq: atoi(m[5])}, validSeq(s, m[5])
	}
	if m := legacyRe.FindStringSubmatch(norm); m != nil {
		return Number{Form: LegacyCourtNumber, Year: atoi(m[1]), Court: m[2], Special: m[3], Type: m[4], Seq: atoi(m[5])}, validSeq(s, m[5])
	}
	if m := reconRe.FindStringSubmatch(norm); m != nil {
		return Number{Form: ReconsiderationNumber, Org: m[1], Year: atoi(m[2]), Seq: atoi(m[3])}, validSeq(s, m[3])
	}
	return Number{}, &NumberError{Input: s, Reason: explain(norm)}
}

// ParseCanonical parses a number as Number.String writes it — the form
// the store keeps — without the regular expressions of ParseNumber, which
// cost microseconds each: narrowing 100k stored numbers by kind or stage
// reads every one. It agrees with ParseNumber on every input (a test and a
// fuzz target hold it to that); a string not in the canonical court or
// 复议 form is handed to ParseNumber.
func ParseCanonical(s string) (Number, error) {
	if n, ok := canonicalCourt(s); ok {
		return n, nil
	}
	if n, ok := canonicalRecon(s); ok {
		return n, nil
	}
	return ParseNumber(s)
}

// canonicalCourt reads (2025)黔0115行初123号, (2025)最高法行申1号 and
// (2025)黔01知行初3号.
func canonicalCourt(s string) (Number, bool) {
	if len(s) < 6 || s[0] != '(' || s[5] != ')' {
		return Number{}, false
	}
	year, ok := canonicalYear(s[1:5])
	rest, hasNo := strings.CutSuffix(s[6:], "号")
	if !ok || !hasNo {
		return Number{}, false
	}
	n := Number{Form: CourtNumber, Year: year}
	if r, ok := strings.CutPrefix(rest, "最高法"); ok {
		n.Court, rest = "最高法", r
	} else {
		r, size := utf8.DecodeRuneInString(rest)
		if size == 0 || !strings.ContainsRune(provinces, r) {
			return Number{}, false
		}
		j := size
		for j < len(rest) && rest[j] >= '0' && rest[j] <= '9' {
			j++
		}
		if d := j - size; d != 0 && d != 2 && d != 4 {
			return Number{}, false
		}
		n.Court, rest = rest[:j], rest[j:]
	}
	if r, ok := strings.CutPrefix(rest, "知"); ok {
		n.Special, rest = "知", r
	}
	for _, c := range typeCodes {
		if r, ok := strings.CutPrefix(rest, c); ok {
			n.Type, rest = c, r
			break
		}
	}
	seq, ok := canonicalSeq(rest, 8)
	if n.Type == "" || !ok {
		return Number{}, false
	}
	n.Seq = seq
	return n, true
}

// canonicalRecon reads 某府复〔2026〕41号: an organ's code of Chinese
// characters holding 复 (or 责履) with at most 12 characters before it and
// 4 after, as reconRe has it.
func canonicalRecon(s string) (Number, bool) {
	org, rest, ok := strings.Cut(s, "〔")
	if !ok || org == "" {
		return Number{}, false
	}
	ys, rest, ok := strings.Cut(rest, "〕")
	if !ok {
		return Number{}, false
	}
	year, okYear := canonicalYear(ys)
	rest, hasNo := strings.CutSuffix(rest, "号")
	seq, okSeq := canonicalSeq(rest, 6)
	if !okYear || !hasNo || !okSeq {
		return Number{}, false
	}
	rs := []rune(org)
	for _, r := range rs {
		if !unicode.Is(unicode.Han, r) || r == '號' { // ParseNumber folds 號 to 号
			return Number{}, false
		}
	}
	word := false
	for i, r := range rs {
		switch {
		case r == '复' && i <= 12 && len(rs)-i-1 <= 4,
			r == '责' && i+1 < len(rs) && rs[i+1] == '履' && i <= 12 && len(rs)-i-2 <= 4:
			word = true
		}
	}
	if !word {
		return Number{}, false
	}
	return Number{Form: ReconsiderationNumber, Org: org, Year: year, Seq: seq}, true
}

// canonicalYear reads a year of yearPat: 19xx or 20xx.
func canonicalYear(s string) (int, bool) {
	if len(s) != 4 || !(s[:2] == "19" || s[:2] == "20") {
		return 0, false
	}
	return canonicalSeq(s, 4)
}

// canonicalSeq reads 1 to max ASCII digits, not 0 and without a leading 0
// (Number.String writes none).
func canonicalSeq(s string, max int) (int, bool) {
	if s == "" || len(s) > max || s[0] == '0' {
		return 0, false
	}
	v := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		v = v*10 + int(s[i]-'0')
	}
	return v, v > 0
}

// MustParseNumber is ParseNumber for literals in tests and fixtures.
func MustParseNumber(s string) Number {
	n, err := ParseNumber(s)
	if err != nil {
		panic(err)
	}
	return n
}

// Normalize returns the normalized writing of a case number.
func Normalize(s string) (string, error) {
	n, err := ParseNumber(s)
	if err != nil {
		return "", err
	}
	return n.String(), nil
}

func validSeq(input, seq string) error {
	if atoi(seq) == 0 {
		return &NumberError{Input: input, Reason: "案件编号不能为 0"}
	}
	return nil
}

// explain names the most likely problem with a string that did not parse.
func explain(norm string) string {
	for _, c := range nonAdminCodes {
		if strings.Contains(norm, c) {
			return "“" + c + "”是非诉行为保全案件，不属于行政案件"
		}
	}
	if !strings.HasPrefix(norm, "(") && !strings.Contains(norm, "(") {
		return "缺少带括号的年份，例如 (2025)黔0115行初123号 或 某府复〔2025〕12号"
	}
	hasType := false
	for _, c := range typeCodes {
		if strings.Contains(norm, c) {
			hasType = true
			break
		}
	}
	if !hasType && !strings.Contains(norm, "复") {
		return "没有行政案件类型代字（如 行初、行终、行审）或复议文号"
	}
	return "格式不符，法院案号应形如 (2025)黔0115行初123号，复议文号应形如 某府复〔2025〕12号"
}

// foldNumber turns every writing of a number into one: full-width ASCII to
// half-width, every bracket kind to ( ), and no whitespace at all.
func foldNumber(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff':
			continue
		case r >= '！' && r <= '～': // full-width ASCII block
			r -= 0xFEE0
		}
		switch r {
		case '（', '〔', '［', '【', '[', '〖', '{', '｛':
			r = '('
		case '）', '〕', '］', '】', ']', '〗', '}', '｝':
			r = ')'
		case '號':
			r = '号'
		}
		b.WriteRune(r)
	}
	out := strings.TrimRight(b.String(), "。.,，;；、")
	return out
}

// bareYear is a year without brackets before a court code; bareYearKeep
// is the part replaced (the court code stays).
var (
	bareYear     = regexp.MustCompile(`^((?:19|20)\d{2})年?(?:最高法|[` + provinces + `])`)
	bareYearKeep = regexp.MustCompile(`^((?:19|20)\d{2})年?`)
)

func atoi(s string) int {
	n, _ := strconv.Atoi(strings.TrimLeft(s, "0"))
	return n
}

// fillers are chat words that can stand right before a 复议 number and
// would otherwise be read as part of the organ's code.
var fillers = []string{"请帮我查询", "请帮我查", "帮我查询", "帮我查", "请查询", "查询", "请查", "查一下", "查下", "查", "看看", "看一下", "请问",
	"问", "复议案", "案件", "案号", "文号", "关于", "的", "是", "和", "与", "及", "或", "还有", "以及"}

// FindNumbers returns every case number written in text, in order of
// appearance, each once. Text that mentions none returns nil.
func FindNumbers(text string) []Number {
	norm := foldNumber(text)
	// Every number in text has its year in brackets (yearPat), which
	// foldNumber made '(': without one the three scans below find nothing,
	// and chat asks this of every message, most of which name no number.
	if strings.IndexByte(norm, '(') < 0 {
		return nil
	}
	type hit struct {
		start, end int
		n          Number
	}
	var hits []hit
	for _, m := range courtInText.FindAllStringSubmatchIndex(norm, -1) {
		if n, err := ParseNumber(norm[m[0]:m[1]]); err == nil {
			hits = append(hits, hit{m[0], m[1], n})
		}
	}
	for _, m := range legacyInText.FindAllStringSubmatchIndex(norm, -1) {
		if n, err := ParseNumber(norm[m[0]:m[1]]); err == nil {
			hits = append(hits, hit{m[0], m[1], n})
		}
	}
	for _, m := range reconInText.FindAllStringSubmatchIndex(norm, -1) {
		org := trimFillers(norm[m[2]:m[3]])
		if n, err := ParseNumber(org + norm[m[3]:m[1]]); err == nil {
			hits = append(hits, hit{m[1] - len(org+norm[m[3]:m[1]]), m[1], n})
		}
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].start < hits[j].start })
	var out []Number
	seen := map[string]bool{}
	end := -1
	for _, h := range hits {
		if h.start < end { // overlaps a number already taken
			continue
		}
		end = h.end
		if k := h.n.String(); !seen[k] {
			seen[k] = true
			out = append(out, h.n)
		}
	}
	return out
}

// trimFillers drops chat words from the front of a 复议 organ code.
func trimFillers(org string) string {
	for changed := true; changed; {
		changed = false
		for _, f := range fillers {
			if rest, ok := strings.CutPrefix(org, f); ok && strings.ContainsAny(rest, "复责") {
				org, changed = rest, true
			}
		}
	}
	return org
}
