package cases

import (
	"errors"
	"fmt"
	"slices"
	"time"
)

// SuggestionKind is the kind of a suggestion an agency must answer.
type SuggestionKind string

const (
	// JudicialSuggestion is a 司法建议 from a court.
	JudicialSuggestion SuggestionKind = "司法建议"
	// ProcuratorialSuggestion is a 检察建议 from a procuratorate.
	ProcuratorialSuggestion SuggestionKind = "检察建议"
)

// SuggestionKinds lists the kinds in the order the ledger template names
// them.
var SuggestionKinds = []SuggestionKind{JudicialSuggestion, ProcuratorialSuggestion}

// Suggestion is a 司法建议 or 检察建议 an agency received about a case, and
// its reply.
type Suggestion struct {
	Kind       SuggestionKind `json:"kind"`
	ReceivedOn time.Time      `json:"received_on"`
	Issuer     string         `json:"issuer,omitempty"`  // the court or procuratorate
	Content    string         `json:"content,omitempty"` // what it asks
	// DueOn is the reply date the document itself sets, when it sets one
	// (a 检察建议 may set a shorter one when urgent); zero leaves the period
	// to the rules.
	DueOn     time.Time `json:"due_on,omitzero"`
	RepliedOn time.Time `json:"replied_on,omitzero"`
}

// Suggestion returns the case's suggestion of kind, or nil.
func (c *Case) Suggestion(kind SuggestionKind) *Suggestion {
	for i := range c.Suggestions {
		if c.Suggestions[i].Kind == kind {
			return &c.Suggestions[i]
		}
	}
	return nil
}

// validateClocks checks the invariants of the deadline fields.
func (c *Case) validateClocks() error {
	if c.ExtendedDays < 0 || c.ExtendedDays > MaxExtensionDays {
		return fmt.Errorf("行政复议延长期限为 %d 日，超出范围：行政复议法第六十二条规定延长期限最多不超过 %d 日", c.ExtendedDays, MaxExtensionDays)
	}
	if c.Simplified && c.ExtendedDays > 0 {
		return errors.New("适用简易程序的行政复议案件不能延长审理期限；已转为普通程序的，请把“适用简易程序”改为否")
	}
	if c.AppealNumber != "" {
		if c.Appealed != nil && !*c.Appealed {
			return fmt.Errorf("填写了上诉案号 %s，但是否上诉为“否”", c.AppealNumber)
		}
		if _, err := ParseNumber(c.AppealNumber); err != nil {
			return fmt.Errorf("上诉案号：%w", err)
		}
	}
	seen := map[SuggestionKind]bool{}
	for _, s := range c.Suggestions {
		if !slices.Contains(SuggestionKinds, s.Kind) {
			return fmt.Errorf("建议类型“%s”无法识别，应为 司法建议 或 检察建议", s.Kind)
		}
		if seen[s.Kind] {
			return fmt.Errorf("%s记录了两条，一件案件每类建议只记一条", s.Kind)
		}
		seen[s.Kind] = true
		if s.ReceivedOn.IsZero() {
			return fmt.Errorf("%s缺少收到日期", s.Kind)
		}
	}
	return nil
}

// MaxExtensionDays is the longest extension of a reconsideration's
// decision period (行政复议法 第六十二条: 延长期限最多不超过三十日).
const MaxExtensionDays = 30

// SameClocks reports whether a and b agree on every deadline field, times
// compared as instants and an empty suggestion list equal to a nil one.
func SameClocks(a, b *Case) bool {
	if !a.CopyReceivedOn.Equal(b.CopyReceivedOn) || !a.AnsweredOn.Equal(b.AnsweredOn) || !a.ServedOn.Equal(b.ServedOn) ||
		(a.Appealed == nil) != (b.Appealed == nil) || (a.Appealed != nil && *a.Appealed != *b.Appealed) ||
		a.AppealNumber != b.AppealNumber || a.Simplified != b.Simplified || a.ExtendedDays != b.ExtendedDays {
		return false
	}
	return slices.EqualFunc(a.Suggestions, b.Suggestions, func(x, y Suggestion) bool {
		return x.Kind == y.Kind && x.ReceivedOn.Equal(y.ReceivedOn) && x.Issuer == y.Issuer && x.Content == y.Content &&
			x.DueOn.Equal(y.DueOn) && x.RepliedOn.Equal(y.RepliedOn)
	})
}
