package cases

import (
	"slices"
	"time"
)

// RectifyStatus is where a 一案一整改 report stands.
type RectifyStatus string

const (
	// RectifyRequested: the agency was asked and has not filed both parts.
	RectifyRequested RectifyStatus = "requested"
	// RectifyFiled: both parts filed, waiting for the bureau's review.
	RectifyFiled RectifyStatus = "filed"
	// RectifyApproved: the bureau accepted the report (通过).
	RectifyApproved RectifyStatus = "approved"
	// RectifyReturned: the bureau sent it back with a note (退回); the
	// agency files again.
	RectifyReturned RectifyStatus = "returned"
)

// Label is the status as staff read it.
func (s RectifyStatus) Label() string {
	switch s {
	case RectifyRequested:
		return "待报送"
	case RectifyFiled:
		return "已报送，待审核"
	case RectifyApproved:
		return "审核通过"
	case RectifyReturned:
		return "已退回，待重新报送"
	}
	return string(s)
}

// Rectification is the 一案一整改 record of a case the agency lost (败诉)
// or whose act a reconsideration corrected (纠错): the request, the report
// (败诉原因分析 and 整改措施) and the bureau's review.
type Rectification struct {
	// RequestedOn is when the agency's heads were asked; From is the day
	// the period runs from (service of the judgment or decision, else the
	// closing date).
	RequestedOn time.Time     `json:"requested_on"`
	From        time.Time     `json:"from"`
	Status      RectifyStatus `json:"status"`
	// Analysis is the 败诉原因分析, Measures the 整改措施.
	Analysis string `json:"analysis,omitempty"`
	Measures string `json:"measures,omitempty"`
	// Files are documents attached to the report (stored decision ids or
	// file names, as the attach path gives them).
	Files []string `json:"files,omitempty"`
	// FiledOn/FiledBy: when the report became complete, and who completed it.
	FiledOn time.Time `json:"filed_on,omitzero"`
	FiledBy string    `json:"filed_by,omitempty"`
	// The review: who, when, and the note of a 退回.
	ReviewedOn time.Time `json:"reviewed_on,omitzero"`
	ReviewedBy string    `json:"reviewed_by,omitempty"`
	ReviewNote string    `json:"review_note,omitempty"`
	// Repeat names an earlier case the same agency lost in the same 案由
	// within rectify.repeat_within_days (再次败诉), when there is one.
	Repeat string `json:"repeat,omitempty"`
}

// Filed reports whether the report is in (waiting for review or approved).
func (r *Rectification) Filed() bool {
	return r != nil && (r.Status == RectifyFiled || r.Status == RectifyApproved)
}

// Risk is a staff member's flag that a case is likely to be lost (败诉风险),
// which puts it in the 重点案件 list and notifies the 分管领导 (包案).
type Risk struct {
	Reason string    `json:"reason"`
	By     string    `json:"by"`
	On     time.Time `json:"on"`
	// Leaders are the userids of the 分管领导 notified.
	Leaders []string `json:"leaders,omitempty"`
}

func (r *Rectification) clone() *Rectification {
	if r == nil {
		return nil
	}
	out := *r
	out.Files = slices.Clone(r.Files)
	return &out
}

func (r *Risk) clone() *Risk {
	if r == nil {
		return nil
	}
	out := *r
	out.Leaders = slices.Clone(r.Leaders)
	return &out
}
