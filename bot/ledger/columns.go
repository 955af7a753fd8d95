package ledger

import (
	"strings"
	"unicode"
)

// field is one column of the ledger template.
type field int

const (
	fNumber field = iota
	fKind
	fPlaintiffs
	fDefendants
	fCause
	fCourt
	fFiledOn
	fStage
	fHearingAt
	fPlace
	fMustAppear
	fHead
	fHeadPost
	fHandler
	fHeadAppeared
	fClosedOn
	fOutcome
	fReason
	fNote
	numFields
)

// column is a template column: the header export writes and the other
// headers import accepts for it.
type column struct {
	header  string
	aliases []string
}

// columns lists the template in the order of the contract
// (shared/ARCHITECTURE.md, "Ledger template"); export writes this order.
// The contract's aliases come first in each list; the rest are headers
// found in real ledgers for the same thing.
var columns = [numFields]column{
	fNumber:       {"案号", []string{"案件编号", "文号", "复议文号", "案号/文号"}},
	fKind:         {"案件类型", []string{"案件类别", "类型"}},
	fPlaintiffs:   {"原告", []string{"申请人", "原告(申请人)", "原告/申请人"}},
	fDefendants:   {"被告", []string{"被申请人", "被诉机关", "被告(被申请人)", "被告/被申请人", "被诉行政机关", "被告单位"}},
	fCause:        {"案由", []string{"案件事由"}},
	fCourt:        {"承办法院", []string{"复议机关", "承办法院(复议机关)", "承办法院/复议机关", "受理法院", "审理法院", "法院"}},
	fFiledOn:      {"立案日期", []string{"立案时间", "收案日期", "受理日期"}},
	fStage:        {"审理阶段", []string{"审级", "审理程序", "审判程序"}},
	fHearingAt:    {"开庭时间", []string{"开庭日期", "庭审时间"}},
	fPlace:        {"开庭地点", []string{"法庭", "开庭法庭", "庭审地点"}},
	fMustAppear:   {"应当出庭", []string{"是否应当出庭", "应出庭", "是否应出庭"}},
	fHead:         {"出庭负责人", []string{"拟出庭负责人", "出庭应诉负责人"}},
	fHeadPost:     {"负责人职务", []string{"出庭负责人职务", "出庭人职务"}},
	fHandler:      {"承办人", []string{"应诉承办人", "经办人"}},
	fHeadAppeared: {"负责人是否出庭", []string{"是否出庭", "负责人出庭", "负责人是否出庭应诉", "实际是否出庭"}},
	fClosedOn:     {"结案日期", []string{"结案时间", "审结日期"}},
	fOutcome:      {"结案方式", []string{"裁判结果", "审理结果", "结案结果", "复议结果"}},
	fReason:       {"败诉原因", []string{"败诉(纠错)原因", "纠错原因"}},
	fNote:         {"备注", []string{"说明"}},
}

// caseFields are the columns that describe the case; the others describe
// one hearing. Rows of one case must agree on the case fields.
var caseFields = []field{fKind, fPlaintiffs, fDefendants, fCause, fCourt, fFiledOn, fStage,
	fHandler, fClosedOn, fOutcome, fReason, fNote}

// hearingDetails are the hearing columns beside its time.
var hearingDetails = []field{fPlace, fMustAppear, fHead, fHeadPost, fHeadAppeared}

// ignoredHeaders are columns ledgers carry that import does not need and
// need not mention.
var ignoredHeaders = map[string]bool{"序号": true, "编号": true, "No.": true, "NO.": true, "no.": true}

// byHeader maps every normalized header and alias to its field.
var byHeader = func() map[string]field {
	m := map[string]field{}
	for f, c := range columns {
		m[normalizeHeader(c.header)] = field(f)
		for _, a := range c.aliases {
			m[normalizeHeader(a)] = field(f)
		}
	}
	return m
}()

// normalizeHeader folds the ways people decorate a header onto one
// writing: no spaces or line breaks, half-width punctuation, and no
// "required" marks (a leading or trailing *, （必填）, （选填）).
func normalizeHeader(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff':
			continue
		case r >= '！' && r <= '～': // full-width ASCII block
			r -= 0xFEE0
		case r == '【' || r == '〔':
			r = '('
		case r == '】' || r == '〕':
			r = ')'
		}
		b.WriteRune(r)
	}
	h := b.String()
	for changed := true; changed; {
		changed = false
		for _, mark := range []string{"(必填)", "(选填)", "(可选)", "(必填项)", "必填", "*", ":"} {
			if t, ok := strings.CutSuffix(h, mark); ok {
				h, changed = t, true
			}
		}
		if t, ok := strings.CutPrefix(h, "*"); ok {
			h, changed = t, true
		}
	}
	return h
}

// lookupHeader returns the field a header names.
func lookupHeader(s string) (field, bool) {
	f, ok := byHeader[normalizeHeader(s)]
	return f, ok
}
