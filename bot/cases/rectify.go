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
	// Files are the documents uploaded with the report on the app page,
	// in the order uploaded; their bytes and text are kept beside the case
	// (store.RectifyFiles), not in it.
	Files []RectifyFile `json:"files,omitempty"`
	// Report is the text read from the current report file (for the
	// reviewers and chat), up to MaxReportRunes; empty when the report was
	// filed by chat replies only.
	Report string `json:"report,omitempty"`
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

// MaxReportRunes bounds the report text kept in the case record (the full
// text stays with the file): about four pages, what a review reads.
const MaxReportRunes = 6000

// FileRole says what a file of a report is.
type FileRole string

const (
	// FileReport is the report itself (败诉原因分析 and 整改措施), a
	// document with a text layer.
	FileReport FileRole = "report"
	// FileAttachment is a supporting document: a scan, a photo of the
	// signed page, a PDF without text.
	FileAttachment FileRole = "attachment"
)

// RectifyFile is one uploaded file of a 整改 report: what it was, who
// uploaded it, when, and whether a later upload replaced it.
type RectifyFile struct {
	Name   string    `json:"name"`
	Size   int       `json:"size"`
	SHA256 string    `json:"sha256"`
	Role   FileRole  `json:"role"`
	Format string    `json:"format"` // docx, pdf, txt, jpeg, png
	Pages  int       `json:"pages,omitempty"`
	Runes  int       `json:"runes,omitempty"` // characters of text read; 0 for a scan
	By     string    `json:"by"`
	At     time.Time `json:"at"`
	// Superseded: a report replaced by the one uploaded after a 退回 (its
	// record stays; its bytes are dropped).
	Superseded bool `json:"superseded,omitempty"`
}

// Current returns the files of the report as it stands: every file not
// superseded.
func (r *Rectification) Current() []RectifyFile {
	if r == nil {
		return nil
	}
	var out []RectifyFile
	for _, f := range r.Files {
		if !f.Superseded {
			out = append(out, f)
		}
	}
	return out
}

// HasText reports whether the report has something a reviewer can read:
// both parts replied in chat, or a report file with text.
func (r *Rectification) HasText() bool {
	return r != nil && (r.Analysis != "" && r.Measures != "" || r.Report != "")
}

// Open reports whether the agency may file (or file again) now: asked
// and not filed, or returned.
func (r *Rectification) Open() bool {
	return r != nil && (r.Status == RectifyRequested || r.Status == RectifyReturned)
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
