package cases

import (
	"fmt"
	"strings"
)

// Outcome is a canonical 结案方式 from the contract's vocabulary.
type Outcome string

// Litigation outcomes. The first eight are 败诉 by default.
const (
	JudgmentRevoke            Outcome = "判决撤销" // 含责令重作
	JudgmentPartlyRevoke      Outcome = "判决部分撤销"
	JudgmentIllegal           Outcome = "判决确认违法"
	JudgmentVoid              Outcome = "判决确认无效"
	JudgmentPerform           Outcome = "判决履行法定职责"
	JudgmentPay               Outcome = "判决给付"
	JudgmentAlter             Outcome = "判决变更"
	JudgmentCompensate        Outcome = "判决赔偿"
	JudgmentDismissClaims     Outcome = "判决驳回诉讼请求"
	RulingDismissSuit         Outcome = "裁定驳回起诉"
	RulingNotAccepted         Outcome = "裁定不予立案"
	WithdrawalPermitted       Outcome = "准许撤诉"
	WithdrawalDeemed          Outcome = "按撤诉处理"
	Mediation                 Outcome = "调解"
	Termination               Outcome = "终结"
	WithdrawalAfterCorrection Outcome = "改变行为后撤诉" // 被告改变行政行为后原告撤诉
	// Appeal and retrial outcomes: accepted so second-instance rows import,
	// never counted in the first-instance figures.
	AppealDismissed Outcome = "驳回上诉维持原判"
	AppealAmended   Outcome = "改判"
	AppealRemanded  Outcome = "发回重审"
)

// Reconsideration outcomes. The first five are 纠错.
const (
	ReconRevoke      Outcome = "撤销"
	ReconAlter       Outcome = "变更"
	ReconIllegal     Outcome = "确认违法"
	ReconVoid        Outcome = "确认无效"
	ReconPerform     Outcome = "责令履行"
	ReconUphold      Outcome = "维持"
	ReconDismiss     Outcome = "驳回复议申请"
	ReconMediation   Outcome = "调解"
	ReconSettlement  Outcome = "和解"
	ReconTermination Outcome = "终止"
)

// Non-litigation enforcement review outcomes.
const (
	EnforcementAllowed Outcome = "准予执行"
	EnforcementDenied  Outcome = "不准予执行"
)

// DefaultLoss is the 败诉 set of the contract.
var DefaultLoss = []Outcome{JudgmentRevoke, JudgmentPartlyRevoke, JudgmentIllegal, JudgmentVoid,
	JudgmentPerform, JudgmentPay, JudgmentAlter, JudgmentCompensate}

// Corrections is the 纠错 set of reconsideration.
var Corrections = []Outcome{ReconRevoke, ReconAlter, ReconIllegal, ReconVoid, ReconPerform}

var litigationOutcomes = []Outcome{JudgmentRevoke, JudgmentPartlyRevoke, JudgmentIllegal, JudgmentVoid,
	JudgmentPerform, JudgmentPay, JudgmentAlter, JudgmentCompensate, JudgmentDismissClaims,
	RulingDismissSuit, RulingNotAccepted, WithdrawalPermitted, WithdrawalDeemed, Mediation, Termination,
	WithdrawalAfterCorrection, AppealDismissed, AppealAmended, AppealRemanded}

var reconsiderationOutcomes = []Outcome{ReconRevoke, ReconAlter, ReconIllegal, ReconVoid, ReconPerform,
	ReconUphold, ReconDismiss, ReconMediation, ReconSettlement, ReconTermination}

var nonLitigationOutcomes = []Outcome{EnforcementAllowed, EnforcementDenied}

// litigationAliases maps the short forms people write in ledgers onto the
// vocabulary. Keys are compared after folding (see foldOutcome).
var litigationAliases = map[string]Outcome{
	"撤销": JudgmentRevoke, "判决撤销": JudgmentRevoke, "撤销判决": JudgmentRevoke, "判决撤销并责令重作": JudgmentRevoke,
	"撤销并责令重作": JudgmentRevoke, "撤销并重作": JudgmentRevoke, "责令重作": JudgmentRevoke, "判决撤销含责令重作": JudgmentRevoke,
	"全部撤销": JudgmentRevoke, "判决全部撤销": JudgmentRevoke, "撤销行政行为": JudgmentRevoke,
	"部分撤销": JudgmentPartlyRevoke, "判决部分撤销": JudgmentPartlyRevoke,
	"确认违法": JudgmentIllegal, "判决确认违法": JudgmentIllegal, "确认行政行为违法": JudgmentIllegal,
	"确认无效": JudgmentVoid, "判决确认无效": JudgmentVoid,
	"履行": JudgmentPerform, "履行法定职责": JudgmentPerform, "判决履行法定职责": JudgmentPerform, "责令履行": JudgmentPerform,
	"判决履行": JudgmentPerform, "责令履行法定职责": JudgmentPerform, "履职": JudgmentPerform,
	"给付": JudgmentPay, "判决给付": JudgmentPay, "履行给付义务": JudgmentPay, "判决履行给付义务": JudgmentPay,
	"变更": JudgmentAlter, "判决变更": JudgmentAlter,
	"赔偿": JudgmentCompensate, "判决赔偿": JudgmentCompensate, "行政赔偿": JudgmentCompensate, "判决行政赔偿": JudgmentCompensate,
	"单独判赔": JudgmentCompensate, "补偿": JudgmentCompensate, "判决补偿": JudgmentCompensate,
	"驳回诉讼请求": JudgmentDismissClaims, "判决驳回诉讼请求": JudgmentDismissClaims, "驳回原告诉讼请求": JudgmentDismissClaims,
	"判决驳回": JudgmentDismissClaims, "判决驳回原告诉讼请求": JudgmentDismissClaims, "驳回诉请": JudgmentDismissClaims,
	"驳回起诉": RulingDismissSuit, "裁定驳回起诉": RulingDismissSuit,
	"不予立案": RulingNotAccepted, "裁定不予立案": RulingNotAccepted, "不予受理": RulingNotAccepted, "裁定不予受理": RulingNotAccepted,
	"准许撤诉": WithdrawalPermitted, "撤诉": WithdrawalPermitted, "准予撤诉": WithdrawalPermitted, "裁定准许撤诉": WithdrawalPermitted,
	"原告撤诉": WithdrawalPermitted, "裁定准予撤诉": WithdrawalPermitted, "主动撤诉": WithdrawalPermitted,
	"按撤诉处理": WithdrawalDeemed, "视为撤诉": WithdrawalDeemed, "裁定按撤诉处理": WithdrawalDeemed, "按自动撤诉处理": WithdrawalDeemed,
	"调解": Mediation, "调解结案": Mediation, "和解": Mediation, "调解和解": Mediation,
	"终结": Termination, "终结诉讼": Termination, "裁定终结诉讼": Termination,
	"改变行为后撤诉": WithdrawalAfterCorrection, "被告改变行为后撤诉": WithdrawalAfterCorrection,
	"被告改变行政行为后撤诉": WithdrawalAfterCorrection, "改变行政行为后撤诉": WithdrawalAfterCorrection,
	"被告改变被诉行政行为原告撤诉": WithdrawalAfterCorrection,
	"驳回上诉维持原判":       AppealDismissed, "驳回上诉": AppealDismissed, "维持原判": AppealDismissed, "驳回上诉维持原裁定": AppealDismissed,
	"改判": AppealAmended, "二审改判": AppealAmended,
	"发回重审": AppealRemanded, "撤销原判发回重审": AppealRemanded,
}

// ambiguousLitigation are short forms that name two outcomes a ledger must
// tell apart (the one counts as judged on the merits, the other not):
// they are an error naming both, never a guess.
var ambiguousLitigation = map[string][2]Outcome{
	"驳回":   {JudgmentDismissClaims, RulingDismissSuit},
	"裁定驳回": {RulingDismissSuit, AppealDismissed},
}

var reconsiderationAliases = map[string]Outcome{
	"撤销": ReconRevoke, "撤销决定": ReconRevoke, "决定撤销": ReconRevoke, "撤销原行政行为": ReconRevoke, "部分撤销": ReconRevoke,
	"变更": ReconAlter, "决定变更": ReconAlter, "变更决定": ReconAlter,
	"确认违法": ReconIllegal, "决定确认违法": ReconIllegal,
	"确认无效": ReconVoid, "决定确认无效": ReconVoid,
	"责令履行": ReconPerform, "责令履行法定职责": ReconPerform, "责令履职": ReconPerform, "履行": ReconPerform, "决定责令履行": ReconPerform,
	"维持": ReconUphold, "维持原行政行为": ReconUphold, "决定维持": ReconUphold, "维持决定": ReconUphold,
	"驳回复议申请": ReconDismiss, "驳回": ReconDismiss, "驳回申请": ReconDismiss, "驳回行政复议申请": ReconDismiss, "决定驳回": ReconDismiss,
	"调解": ReconMediation, "调解结案": ReconMediation,
	"和解": ReconSettlement, "达成和解": ReconSettlement,
	"终止": ReconTermination, "终止审理": ReconTermination, "终止复议": ReconTermination, "撤回申请": ReconTermination,
	"申请人撤回": ReconTermination, "终止行政复议": ReconTermination,
}

var nonLitigationAliases = map[string]Outcome{
	"准予执行": EnforcementAllowed, "裁定准予执行": EnforcementAllowed, "准许执行": EnforcementAllowed,
	"不准予执行": EnforcementDenied, "裁定不准予执行": EnforcementDenied, "不予执行": EnforcementDenied,
}

// foldOutcome drops the punctuation and spaces people put in 结案方式 cells
// (判决撤销（含责令重作）, 驳回上诉，维持原判) so aliases match.
func foldOutcome(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case ' ', '\t', '\u3000', '(', ')', '（', '）', '，', ',', '、', '；', ';', '。', '“', '”', '"':
			continue
		}
		b.WriteRune(r)
	}
	out := b.String()
	return strings.TrimSuffix(out, "结案")
}

// ParseOutcome maps a 结案方式 as written in a ledger onto the vocabulary of
// the case's kind. An unknown method is an error, never a guess.
func ParseOutcome(kind Kind, s string) (Outcome, error) {
	var aliases map[string]Outcome
	var vocab []Outcome
	switch kind {
	case Reconsideration:
		aliases, vocab = reconsiderationAliases, reconsiderationOutcomes
	case NonLitigation:
		aliases, vocab = nonLitigationAliases, nonLitigationOutcomes
	default:
		aliases, vocab = litigationAliases, litigationOutcomes
	}
	f := foldOutcome(s)
	for _, o := range vocab {
		if f == foldOutcome(string(o)) {
			return o, nil
		}
	}
	if o, ok := aliases[f]; ok {
		return o, nil
	}
	if o, ok := aliases[f+"结案"]; ok { // "调解结案" folded to "调解"
		return o, nil
	}
	if two, ok := ambiguousLitigation[f]; ok && kind != Reconsideration && kind != NonLitigation {
		return "", fmt.Errorf("结案方式“%s”有两种可能：%s 或 %s，请写明是哪一种", s, two[0], two[1])
	}
	names := make([]string, len(vocab))
	for i, o := range vocab {
		names[i] = string(o)
	}
	return "", fmt.Errorf("结案方式“%s”不在%s的结案方式表中（可用：%s）", s, kind, strings.Join(names, "、"))
}

// knownFolds are the folded forms ParseOutcome accepts for some kind: each
// kind's vocabulary and aliases, and an alias's stem without 结案 (the
// lookups ParseOutcome makes, so KnownOutcome answers as it does).
var knownFolds = func() map[string]bool {
	m := map[string]bool{}
	for _, v := range [][]Outcome{litigationOutcomes, reconsiderationOutcomes, nonLitigationOutcomes} {
		for _, o := range v {
			m[foldOutcome(string(o))] = true
		}
	}
	for _, a := range []map[string]Outcome{litigationAliases, reconsiderationAliases, nonLitigationAliases} {
		for k := range a {
			m[k] = true
			if stem, ok := strings.CutSuffix(k, "结案"); ok {
				m[stem] = true
			}
		}
	}
	return m
}()

// KnownOutcome reports whether ParseOutcome accepts s for some kind,
// without building the error of every kind that does not: chat tries it
// on every substring of a message.
func KnownOutcome(s string) bool {
	return knownFolds[foldOutcome(s)]
}

// Outcomes lists the vocabulary of a kind.
func Outcomes(kind Kind) []Outcome {
	switch kind {
	case Reconsideration:
		return reconsiderationOutcomes
	case NonLitigation:
		return nonLitigationOutcomes
	}
	return litigationOutcomes
}

// Judged reports whether a litigation outcome is a judgment (判决…).
func (o Outcome) Judged() bool { return strings.HasPrefix(string(o), "判决") }

// MediatedOrWithdrawn reports whether a litigation outcome counts toward the
// 调撤率: 调解, 准许撤诉, 按撤诉处理 and 改变行为后撤诉.
func (o Outcome) MediatedOrWithdrawn() bool {
	switch o {
	case Mediation, WithdrawalPermitted, WithdrawalDeemed, WithdrawalAfterCorrection:
		return true
	}
	return false
}

// Correction reports whether a reconsideration outcome is 纠错.
func (o Outcome) Correction() bool {
	for _, c := range Corrections {
		if o == c {
			return true
		}
	}
	return false
}

// LossSet is the configurable set of litigation outcomes counted as 败诉.
type LossSet map[Outcome]bool

// NewLossSet builds the 败诉 set from configured names, or the contract's
// default when names is empty. An unknown name is an error.
func NewLossSet(names []string) (LossSet, error) {
	set := LossSet{}
	if len(names) == 0 {
		for _, o := range DefaultLoss {
			set[o] = true
		}
		return set, nil
	}
	for _, n := range names {
		o, err := ParseOutcome(Litigation, n)
		if err != nil {
			return nil, fmt.Errorf("配置 cases.loss_outcomes：%w", err)
		}
		set[o] = true
	}
	return set, nil
}

// Outcomes lists the set in the order of the vocabulary, for looking the
// 败诉 cases up in the store's 结案方式 index.
func (s LossSet) Outcomes() []Outcome {
	var out []Outcome
	for _, o := range litigationOutcomes {
		if s[o] {
			out = append(out, o)
		}
	}
	return out
}

// Lost reports whether a closed litigation case is 败诉 under this set.
func (s LossSet) Lost(c *Case) bool {
	return c.Kind == Litigation && c.Closure != nil && s[c.Closure.Method]
}

// Corrected reports whether a closed reconsideration case was 纠错.
func Corrected(c *Case) bool {
	return c.Kind == Reconsideration && c.Closure != nil && c.Closure.Method.Correction()
}
