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
	// The dates that start and stop the statutory deadlines (clocks.go).
	fCopyReceived    // 收到起诉状副本日期
	fAppCopyReceived // 收到复议申请书副本日期
	fAnswered
	fServed
	fAppealed
	fAppealNumber
	fSimplified
	fExtended
	// A 司法建议 and a 检察建议: suggestionParts columns each, in the
	// order of cases.SuggestionKinds.
	fJudicialReceived
	fJudicialIssuer
	fJudicialContent
	fJudicialDue
	fJudicialReplied
	fProcuratorialReceived
	fProcuratorialIssuer
	fProcuratorialContent
	fProcuratorialDue
	fProcuratorialReplied
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

	fCopyReceived: {"收到起诉状副本日期", []string{"起诉状副本收到日期", "收到起诉状日期", "起诉状副本签收日期",
		"应诉通知书签收日期", "应诉通知签收日期", "收到应诉通知书日期", "收到应诉通知日期", "收到应诉材料日期",
		"收到上诉状副本日期", "上诉状副本收到日期"}},
	fAppCopyReceived: {"收到复议申请书副本日期", []string{"复议申请书副本收到日期", "收到复议申请书日期", "收到申请书副本日期",
		"收到答复通知书日期", "答复通知书签收日期", "收到行政复议答复通知书日期", "复议答复通知书签收日期"}},
	fAnswered: {"答辩举证提交日期", []string{"答辩举证日期", "举证答辩日期", "答辩日期", "举证日期", "提交答辩状日期",
		"答辩状提交日期", "答复提交日期", "提交答复日期", "书面答复日期", "复议答复日期", "答复举证日期"}},
	fServed: {"裁判文书送达日期", []string{"判决书送达日期", "裁定书送达日期", "文书送达日期", "裁判文书收到日期",
		"收到判决书日期", "收到裁判文书日期", "判决送达日期", "送达日期"}},
	fAppealed:     {"是否上诉", []string{"上诉情况", "是否提起上诉", "上诉与否", "是否已上诉"}},
	fAppealNumber: {"上诉案号", []string{"二审案号", "上诉案件案号", "二审案件案号"}},
	fSimplified:   {"适用简易程序", []string{"简易程序", "是否简易程序", "是否适用简易程序"}},
	fExtended:     {"延长审理期限", []string{"延长期限", "延长审限", "延期天数", "复议延期", "是否延长", "延长天数"}},

	fJudicialReceived: {"司法建议收到日期", []string{"收到司法建议日期", "司法建议送达日期", "司法建议日期"}},
	fJudicialIssuer:   {"司法建议发出单位", []string{"司法建议发出机关", "司法建议发出法院", "发出司法建议的法院", "司法建议法院"}},
	fJudicialContent:  {"司法建议内容", []string{"司法建议事项", "司法建议主要内容"}},
	fJudicialDue:      {"司法建议回复期限", []string{"司法建议答复期限", "司法建议回复时限", "司法建议反馈期限"}},
	fJudicialReplied:  {"司法建议回复日期", []string{"司法建议答复日期", "回复司法建议日期", "司法建议反馈日期"}},

	fProcuratorialReceived: {"检察建议收到日期", []string{"收到检察建议日期", "检察建议送达日期", "检察建议日期"}},
	fProcuratorialIssuer:   {"检察建议发出单位", []string{"检察建议发出机关", "检察建议发出检察院", "发出检察建议的检察院", "检察建议检察院"}},
	fProcuratorialContent:  {"检察建议内容", []string{"检察建议事项", "检察建议主要内容"}},
	fProcuratorialDue:      {"检察建议回复期限", []string{"检察建议答复期限", "检察建议回复时限", "检察建议反馈期限"}},
	fProcuratorialReplied:  {"检察建议回复日期", []string{"检察建议答复日期", "回复检察建议日期", "检察建议反馈日期"}},
}

// caseFields are the columns that describe the case; the others describe
// one hearing. Rows of one case must agree on the case fields.
var caseFields = append([]field{fKind, fPlaintiffs, fDefendants, fCause, fCourt, fFiledOn, fStage,
	fHandler, fClosedOn, fOutcome, fReason, fNote}, clockFields...)

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
