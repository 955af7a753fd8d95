package ledger

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"casebot/bot/cases"
	"casebot/bot/numeral"
)

// The deadline columns: the dates that start and stop the statutory
// deadlines (bot/deadline), the appeal, 简易程序 and extension of a
// reconsideration, and a 司法建议 and a 检察建议 with their replies. They
// follow 备注 in the template, so the older columns keep their places.

// clockFields are the deadline columns, in template order.
var clockFields = []field{fCopyReceived, fAppCopyReceived, fAnswered, fServed, fAppealed, fAppealNumber,
	fSimplified, fExtended,
	fJudicialReceived, fJudicialIssuer, fJudicialContent, fJudicialDue, fJudicialReplied,
	fProcuratorialReceived, fProcuratorialIssuer, fProcuratorialContent, fProcuratorialDue, fProcuratorialReplied}

// The parts of a suggestion, as offsets from its kind's first column.
const (
	partReceived = iota
	partIssuer
	partContent
	partDue
	partReplied
	suggestionParts
)

// suggestionColumn is the column of part of the suggestion of kind index k
// (in cases.SuggestionKinds).
func suggestionColumn(k, part int) field { return fJudicialReceived + field(k*suggestionParts+part) }

// suggestionOf tells which suggestion kind (its index) and part column f
// is, if any.
func suggestionOf(f field) (k, part int, ok bool) {
	if f < fJudicialReceived || f > fProcuratorialReplied {
		return 0, 0, false
	}
	i := int(f - fJudicialReceived)
	return i / suggestionParts, i % suggestionParts, true
}

// isDateField says which columns hold one date.
func isDateField(f field) bool {
	switch f {
	case fFiledOn, fClosedOn, fCopyReceived, fAppCopyReceived, fAnswered, fServed:
		return true
	}
	_, part, ok := suggestionOf(f)
	return ok && (part == partReceived || part == partDue || part == partReplied)
}

// Words of the 是否上诉 column beyond 是/否: what happened, as ledgers write
// it. Any party's appeal counts: the judgment then does not take effect.
var (
	appealedWords = map[string]bool{"已上诉": true, "上诉": true, "提起上诉": true, "已提起上诉": true, "原告上诉": true,
		"对方上诉": true, "被告上诉": true, "我方上诉": true, "双方上诉": true, "均上诉": true, "第三人上诉": true,
		"申请人上诉": true, "上诉人": true}
	notAppealedWords = map[string]bool{"未上诉": true, "不上诉": true, "没有上诉": true, "均未上诉": true, "未提起上诉": true,
		"服判": true, "服判息诉": true, "息诉": true, "已生效": true, "生效": true, "判决生效": true, "放弃上诉": true,
		"双方均未上诉": true}
)

func parseAppealed(s string) (v, known bool, err error) {
	k := strings.Join(strings.Fields(foldWidth(s)), "")
	switch {
	case appealedWords[k]:
		return true, true, nil
	case notAppealedWords[k]:
		return false, true, nil
	}
	v, known, err = parseYesNo(s)
	if err != nil {
		return false, false, fmt.Errorf("“%s”无法识别，应填 是（已上诉）、否（未上诉）或留空", s)
	}
	return v, known, nil
}

func parseSimplified(s string) (bool, error) {
	switch strings.TrimSpace(s) {
	case "简易", "简易程序", "适用简易程序":
		return true, nil
	case "普通", "普通程序", "适用普通程序":
		return false, nil
	}
	v, _, err := parseYesNo(s)
	if err != nil {
		return false, fmt.Errorf("“%s”无法识别，应填 是（简易程序）、否（普通程序）或留空", s)
	}
	return v, nil
}

// extensionRe reads an extension: 30, 30日, 三十日, 延长30天, 已延长十五日.
var extensionRe = regexp.MustCompile(`^(?:已?延长|延期)?([0-9]{1,3}|[一二三四五六七八九十]{1,3})(?:日|天|个?自然日)?$`)

// parseExtension reads the 延长审理期限 column: a number of days (1–30; 0
// for none), 是 for the longest extension the law allows, or 否.
func parseExtension(s string) (int, error) {
	k := strings.Join(strings.Fields(foldWidth(s)), "")
	n := -1
	if m := extensionRe.FindStringSubmatch(k); m != nil {
		n = chineseNumber(m[1])
	} else if v, known, err := parseYesNo(k); err == nil && known {
		if v {
			return cases.MaxExtensionDays, nil
		}
		return 0, nil
	}
	switch {
	case n < 0:
		return 0, fmt.Errorf("“%s”无法识别，应填延长的天数（如 30 或 30日）、是（延长30日）或否", s)
	case n == 0:
		return 0, nil
	case n > cases.MaxExtensionDays:
		return 0, fmt.Errorf("延长 %d 日不符合规定：行政复议法第六十二条规定延长期限最多不超过三十日", n)
	}
	return n, nil
}

// chineseNumber reads 0–999 in digits or 1–99 in Chinese numerals (十五,
// 二十, 三十); -1 when it is neither.
func chineseNumber(s string) int {
	n, ok := numeral.Parse(s)
	if !ok || n > 999 {
		return -1
	}
	return int(n)
}

// readClocks reads the deadline columns of the row into v.
func (r *rowParser) readClocks(v *rowValues) {
	v.copyLit = r.date(fCopyReceived, &v.vals)
	v.copyRecon = r.date(fAppCopyReceived, &v.vals)
	v.c.AnsweredOn = r.date(fAnswered, &v.vals)
	v.c.ServedOn = r.date(fServed, &v.vals)
	if s := r.get(fAppealed); s != "" {
		if b, known, err := parseAppealed(s); err != nil {
			r.fail(fAppealed, "%v", err)
		} else if known {
			v.c.Appealed = &b
			v.vals[fAppealed] = yesNo(b)
		}
	}
	if s := r.get(fAppealNumber); s != "" {
		if n, err := cases.ParseNumber(s); err != nil {
			r.fail(fAppealNumber, "上诉案号：%v", err)
		} else {
			v.c.AppealNumber, v.vals[fAppealNumber] = n.String(), n.String()
		}
	}
	if s := r.get(fSimplified); s != "" {
		if b, err := parseSimplified(s); err != nil {
			r.fail(fSimplified, "%v", err)
		} else {
			v.c.Simplified, v.vals[fSimplified] = b, yesNo(b)
		}
	}
	if s := r.get(fExtended); s != "" {
		if n, err := parseExtension(s); err != nil {
			r.fail(fExtended, "%v", err)
		} else {
			v.c.ExtendedDays, v.vals[fExtended] = n, strconv.Itoa(n)
		}
	}
	for k := range cases.SuggestionKinds {
		sg := &v.sugg[k]
		sg.ReceivedOn = r.date(suggestionColumn(k, partReceived), &v.vals)
		sg.DueOn = r.date(suggestionColumn(k, partDue), &v.vals)
		sg.RepliedOn = r.date(suggestionColumn(k, partReplied), &v.vals)
		for _, p := range []struct {
			part int
			dst  *string
		}{{partIssuer, &sg.Issuer}, {partContent, &sg.Content}} {
			f := suggestionColumn(k, p.part)
			*p.dst = cleanText(r.get(f))
			v.vals[f] = *p.dst
		}
	}
}

// setClockField copies deadline column f of a row into its entry.
func setClockField(e *Entry, v *rowValues, f field) {
	c := e.Case
	switch f {
	case fCopyReceived:
		c.CopyReceivedOn = v.copyLit
	case fAppCopyReceived:
		c.CopyReceivedOn = v.copyRecon
	case fAnswered:
		c.AnsweredOn = v.c.AnsweredOn
	case fServed:
		c.ServedOn = v.c.ServedOn
	case fAppealed:
		b := *v.c.Appealed
		c.Appealed = &b
	case fAppealNumber:
		c.AppealNumber = v.c.AppealNumber
	case fSimplified:
		c.Simplified = v.c.Simplified
	case fExtended:
		c.ExtendedDays = v.c.ExtendedDays
	}
	k, part, ok := suggestionOf(f)
	if !ok {
		return
	}
	kind := cases.SuggestionKinds[k]
	sg := c.Suggestion(kind)
	if sg == nil {
		c.Suggestions = append(c.Suggestions, cases.Suggestion{Kind: kind})
		sortSuggestions(c.Suggestions)
		sg = c.Suggestion(kind)
	}
	copyPart(sg, v.sugg[k], part)
}

// copyPart copies one part of a suggestion from src to dst.
func copyPart(dst *cases.Suggestion, src cases.Suggestion, part int) {
	switch part {
	case partReceived:
		dst.ReceivedOn = src.ReceivedOn
	case partIssuer:
		dst.Issuer = src.Issuer
	case partContent:
		dst.Content = src.Content
	case partDue:
		dst.DueOn = src.DueOn
	case partReplied:
		dst.RepliedOn = src.RepliedOn
	}
}

func sortSuggestions(ss []cases.Suggestion) {
	slices.SortFunc(ss, func(a, b cases.Suggestion) int {
		return slices.Index(cases.SuggestionKinds, a.Kind) - slices.Index(cases.SuggestionKinds, b.Kind)
	})
}

// finishClocks checks the deadline columns of a case once all its rows
// are read; fail reports at the row that gave field at, in column f.
func finishClocks(e *Entry, loc *time.Location, fail func(f, at field, msg string)) {
	c := e.Case
	day := func(t time.Time) string { return formatTime(t, loc) }
	if e.vals[fCopyReceived] != "" && e.vals[fAppCopyReceived] != "" && e.vals[fCopyReceived] != e.vals[fAppCopyReceived] {
		fail(fAppCopyReceived, fAppCopyReceived, fmt.Sprintf("与“%s”不一致：一件案件只有一个收到副本的日期，请只填与案件类型相符的一列",
			e.header(fCopyReceived)))
	}
	if !c.AnsweredOn.IsZero() && !c.CopyReceivedOn.IsZero() && c.AnsweredOn.Before(c.CopyReceivedOn) {
		copyField := fCopyReceived
		if e.vals[fCopyReceived] == "" {
			copyField = fAppCopyReceived
		}
		fail(fAnswered, fAnswered, fmt.Sprintf("提交日期 %s 早于%s %s，请核对", day(c.AnsweredOn), e.header(copyField), day(c.CopyReceivedOn)))
	}
	if e.seen[fServed] && e.present[fClosedOn] {
		switch {
		case c.Closure == nil:
			fail(fServed, fServed, "填写了裁判文书送达日期，但没有结案日期和结案方式：上诉期自判决或裁定送达起算，"+
				"是判决（15日）还是裁定（10日）由结案方式决定")
		case !c.Closure.On.IsZero() && c.ServedOn.Before(c.Closure.On):
			fail(fServed, fServed, fmt.Sprintf("送达日期 %s 早于结案日期 %s，请核对", day(c.ServedOn), day(c.Closure.On)))
		}
	}
	if c.AppealNumber != "" {
		switch {
		case c.Appealed != nil && !*c.Appealed:
			fail(fAppealNumber, fAppealNumber, fmt.Sprintf("填写了上诉案号 %s，但“%s”为否", c.AppealNumber, e.header(fAppealed)))
		case c.Appealed == nil:
			// A second-instance number says the case was appealed.
			yes := true
			c.Appealed, e.present[fAppealed] = &yes, true
		}
	}
	if c.Simplified && c.ExtendedDays > 0 {
		fail(fExtended, fExtended, "适用简易程序的行政复议案件不能延长审理期限（行政复议法第六十二条）；已转为普通程序的，请把“适用简易程序”改为否")
	}
	for k, kind := range cases.SuggestionKinds {
		sg := c.Suggestion(kind)
		if sg == nil {
			continue
		}
		received := suggestionColumn(k, partReceived)
		if sg.ReceivedOn.IsZero() && e.present[received] {
			other := suggestionColumn(k, partIssuer)
			for p := range suggestionParts {
				if f := suggestionColumn(k, p); e.seen[f] {
					other = f
					break
				}
			}
			fail(received, other, fmt.Sprintf("填写了%s的其他内容，但缺少%s", kind, e.header(received)))
			continue
		}
		for _, later := range []struct {
			part int
			t    time.Time
		}{{partDue, sg.DueOn}, {partReplied, sg.RepliedOn}} {
			f := suggestionColumn(k, later.part)
			if !later.t.IsZero() && !sg.ReceivedOn.IsZero() && later.t.Before(sg.ReceivedOn) {
				fail(f, f, fmt.Sprintf("%s %s 早于%s %s，请核对", e.header(f), day(later.t), e.header(received), day(sg.ReceivedOn)))
			}
		}
	}
}

// applyClocks copies into c (the stored case, or a new one) the deadline
// columns the file has: a column the file lacks keeps what is stored, a
// blank cell clears it, as for the other columns (see apply).
func applyClocks(c *cases.Case, e *Entry) {
	in := e.Case
	if e.present[fCopyReceived] || e.present[fAppCopyReceived] {
		c.CopyReceivedOn = in.CopyReceivedOn
	}
	if e.present[fAnswered] {
		c.AnsweredOn = in.AnsweredOn
	}
	if e.present[fServed] {
		c.ServedOn = in.ServedOn
	}
	if e.present[fAppealed] {
		c.Appealed = nil
		if in.Appealed != nil {
			b := *in.Appealed
			c.Appealed = &b
		}
	}
	if e.present[fAppealNumber] {
		c.AppealNumber = in.AppealNumber
	}
	if e.present[fSimplified] {
		c.Simplified = in.Simplified
	}
	if e.present[fExtended] {
		c.ExtendedDays = in.ExtendedDays
	}
	for k, kind := range cases.SuggestionKinds {
		var sg cases.Suggestion
		if old := c.Suggestion(kind); old != nil {
			sg = *old
		}
		src := cases.Suggestion{}
		if s := in.Suggestion(kind); s != nil {
			src = *s
		}
		touched := false
		for p := range suggestionParts {
			if !e.present[suggestionColumn(k, p)] {
				continue
			}
			touched = true
			copyPart(&sg, src, p)
		}
		if !touched {
			continue
		}
		c.Suggestions = slices.DeleteFunc(c.Suggestions, func(s cases.Suggestion) bool { return s.Kind == kind })
		if sg.ReceivedOn.IsZero() && sg.Issuer == "" && sg.Content == "" && sg.DueOn.IsZero() && sg.RepliedOn.IsZero() {
			continue // every cell of it blank: no suggestion
		}
		sg.Kind = kind
		c.Suggestions = append(c.Suggestions, sg)
	}
	sortSuggestions(c.Suggestions)
	if len(c.Suggestions) == 0 {
		c.Suggestions = nil
	}
}

// clockValues writes the deadline columns of c into a row (see values).
func (w *Writer) clockValues(c *cases.Case, v []any, text func(f field, s string)) {
	if c.Kind == cases.Reconsideration {
		v[fAppCopyReceived] = w.date(c.CopyReceivedOn)
	} else {
		v[fCopyReceived] = w.date(c.CopyReceivedOn)
	}
	v[fAnswered] = w.date(c.AnsweredOn)
	v[fServed] = w.date(c.ServedOn)
	if c.Appealed != nil {
		text(fAppealed, yesNo(*c.Appealed))
	}
	text(fAppealNumber, c.AppealNumber)
	if c.Simplified {
		text(fSimplified, "是")
	}
	if c.ExtendedDays > 0 {
		text(fExtended, strconv.Itoa(c.ExtendedDays))
	}
	for k, kind := range cases.SuggestionKinds {
		sg := c.Suggestion(kind)
		if sg == nil {
			continue
		}
		v[suggestionColumn(k, partReceived)] = w.date(sg.ReceivedOn)
		text(suggestionColumn(k, partIssuer), sg.Issuer)
		text(suggestionColumn(k, partContent), sg.Content)
		v[suggestionColumn(k, partDue)] = w.date(sg.DueOn)
		v[suggestionColumn(k, partReplied)] = w.date(sg.RepliedOn)
	}
}
