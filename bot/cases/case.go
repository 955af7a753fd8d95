// Package cases holds the domain model of the ledger (台账): cases, their
// hearings and closure, the parsing of case numbers (案号) and the
// vocabulary of closing methods (结案方式) from which 败诉 and 纠错 derive.
package cases

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Kind is the kind of a case.
type Kind string

const (
	Litigation      Kind = "行政诉讼"
	Reconsideration Kind = "行政复议"
	NonLitigation   Kind = "非诉执行审查"
)

// Kinds lists the kinds in the order the ledger template names them.
var Kinds = []Kind{Litigation, Reconsideration, NonLitigation}

// ParseKind accepts the kind names and their short forms (诉讼, 复议, 非诉).
func ParseKind(s string) (Kind, error) {
	switch strings.TrimSpace(s) {
	case "行政诉讼", "诉讼", "行政案件", "行政应诉", "应诉":
		return Litigation, nil
	case "行政复议", "复议":
		return Reconsideration, nil
	case "非诉执行审查", "非诉执行", "非诉", "非诉审查", "非诉行政执行":
		return NonLitigation, nil
	}
	return "", fmt.Errorf("案件类型“%s”无法识别，应为 行政诉讼、行政复议 或 非诉执行审查", s)
}

// Stage is the procedural stage (审理阶段).
type Stage string

const (
	StageFirst           Stage = "一审"
	StageSecond          Stage = "二审"
	StageRetrial         Stage = "再审"
	StageReconsideration Stage = "复议"
	StageReview          Stage = "审查" // 非诉执行审查
)

// ParseStage accepts the stage names and common variants.
func ParseStage(s string) (Stage, error) {
	switch strings.TrimSpace(s) {
	case "一审", "第一审", "初审", "一审程序":
		return StageFirst, nil
	case "二审", "第二审", "终审", "上诉", "二审程序":
		return StageSecond, nil
	case "再审", "申请再审", "再审审查", "审判监督", "再审程序":
		return StageRetrial, nil
	case "复议", "行政复议", "复议审理":
		return StageReconsideration, nil
	case "审查", "非诉审查", "执行审查":
		return StageReview, nil
	}
	return "", fmt.Errorf("审理阶段“%s”无法识别，应为 一审、二审、再审 或 复议", s)
}

// Party is a plaintiff or applicant.
type Party struct {
	Name string `json:"name"`
	// Natural is true for a natural person, whose name is 隐名 (张某) to
	// everyone but bureau staff; false for companies and other organisations.
	Natural bool `json:"natural"`
}

// Case is one entry of the ledger.
type Case struct {
	// Number is the normalized 案号 (Number.String()); it is the case's key.
	Number     string    `json:"number"`
	Kind       Kind      `json:"kind"`
	Plaintiffs []Party   `json:"plaintiffs"`
	Defendants []string  `json:"defendants"` // agencies, at least one
	Cause      string    `json:"cause"`      // 案由
	Court      string    `json:"court"`      // 承办法院, or 复议机关
	FiledOn    time.Time `json:"filed_on,omitzero"`
	Stage      Stage     `json:"stage"`
	Hearings   []Hearing `json:"hearings,omitempty"`
	Handler    string    `json:"handler,omitempty"` // 承办人
	Closure    *Closure  `json:"closure,omitempty"`
	Note       string    `json:"note,omitempty"` // 备注

	// The dates that start and stop the statutory deadlines (bot/deadline
	// computes the deadlines from them). Dates are midnight in the ledger's
	// time zone; zero is "not recorded".
	//
	// CopyReceivedOn is when the defendant received the 起诉状副本
	// (litigation), or the respondent the 行政复议申请书副本 or 申请笔录复印件
	// (reconsideration).
	CopyReceivedOn time.Time `json:"copy_received_on,omitzero"`
	// AnsweredOn is when the 答辩状 with the evidence and the normative
	// documents relied on (litigation), or the 书面答复 with the evidence
	// (reconsideration), was submitted.
	AnsweredOn time.Time `json:"answered_on,omitzero"`
	// ServedOn is when the judgment or ruling that closed the instance was
	// served on the agency (裁判文书送达日期).
	ServedOn time.Time `json:"served_on,omitzero"`
	// Appealed is nil until someone records whether the judgment or ruling
	// was appealed (by the agency or by another party); AppealNumber is the
	// second-instance 案号, normalized.
	Appealed     *bool  `json:"appealed,omitempty"`
	AppealNumber string `json:"appeal_number,omitempty"`
	// Simplified marks a reconsideration heard under 简易程序 (行政复议法
	// 第五十三条); ExtendedDays is the extension of a reconsideration's
	// decision period approved under 第六十二条 (at most 30 days).
	Simplified   bool `json:"simplified,omitempty"`
	ExtendedDays int  `json:"extended_days,omitempty"`
	// Suggestions are the 司法建议 and 检察建议 the case drew, at most one
	// of each kind.
	Suggestions []Suggestion `json:"suggestions,omitempty"`

	// NextHearingID numbers hearings within the case; IDs are never reused,
	// so a reminder sent for hearing 2 can never be confused with another.
	NextHearingID int       `json:"next_hearing_id"`
	UpdatedAt     time.Time `json:"updated_at,omitzero"`
}

// Hearing is one court session (开庭) of a case.
type Hearing struct {
	ID    int       `json:"id"`
	At    time.Time `json:"at"`
	Place string    `json:"place,omitempty"`
	// MustAppear marks a 法释〔2020〕3号 第4条 case: the head must appear.
	MustAppear bool   `json:"must_appear,omitempty"`
	Head       string `json:"head,omitempty"`      // 出庭负责人
	HeadPost   string `json:"head_post,omitempty"` // 负责人职务
	// HeadAppeared is nil until someone records whether the head appeared.
	HeadAppeared *bool `json:"head_appeared,omitempty"`
	// Cancelled hearings stay in the record so that people already reminded
	// can be told; they are left out of the hearing index.
	Cancelled   bool         `json:"cancelled,omitempty"`
	Reschedules []Reschedule `json:"reschedules,omitempty"`
}

// Reschedule records a hearing moved from one time to another.
type Reschedule struct {
	From time.Time `json:"from"`
	To   time.Time `json:"to"`
	// At is when the move was recorded; Source is "import" or "chat:<user>".
	At     time.Time `json:"at"`
	Source string    `json:"source,omitempty"`
}

// Closure is how and when a case ended.
type Closure struct {
	On     time.Time `json:"on"`
	Method Outcome   `json:"method"`
	Reason string    `json:"reason,omitempty"` // 败诉原因
}

// HearingRef names one hearing across the ledger: "<number>#<id>".
type HearingRef string

// Ref returns the ledger-wide name of hearing h of case c.
func Ref(number string, id int) HearingRef {
	return HearingRef(number + "#" + strconv.Itoa(id))
}

// Split returns the case number and hearing id of a ref.
func (r HearingRef) Split() (number string, id int, err error) {
	i := strings.LastIndexByte(string(r), '#')
	if i < 0 {
		return "", 0, fmt.Errorf("bad hearing ref %q", r)
	}
	id, err = strconv.Atoi(string(r[i+1:]))
	if err != nil {
		return "", 0, fmt.Errorf("bad hearing ref %q", r)
	}
	return string(r[:i]), id, nil
}

// Open reports whether the case has not been closed.
func (c *Case) Open() bool { return c.Closure == nil }

// Hearing returns the hearing with the given id, or nil.
func (c *Case) Hearing(id int) *Hearing {
	for i := range c.Hearings {
		if c.Hearings[i].ID == id {
			return &c.Hearings[i]
		}
	}
	return nil
}

// ActiveHearings returns the hearings that are not cancelled, in time order.
func (c *Case) ActiveHearings() []Hearing {
	var out []Hearing
	for _, h := range c.Hearings {
		if !h.Cancelled {
			out = append(out, h)
		}
	}
	sortHearings(out)
	return out
}

// NextHearing returns the first active hearing at or after now, or nil.
func (c *Case) NextHearing(now time.Time) *Hearing {
	var best *Hearing
	for i := range c.Hearings {
		h := &c.Hearings[i]
		if h.Cancelled || h.At.Before(now) {
			continue
		}
		if best == nil || h.At.Before(best.At) {
			best = h
		}
	}
	return best
}

// PlaintiffNames returns the plaintiffs' names joined by 、.
func (c *Case) PlaintiffNames() string {
	names := make([]string, len(c.Plaintiffs))
	for i, p := range c.Plaintiffs {
		names[i] = p.Name
	}
	return strings.Join(names, "、")
}

// HasDefendant reports whether agency is one of the case's defendants.
func (c *Case) HasDefendant(agency string) bool {
	for _, d := range c.Defendants {
		if d == agency {
			return true
		}
	}
	return false
}

// Clone returns a deep copy, so a caller can change it without touching a
// value shared with others.
func (c *Case) Clone() *Case {
	if c == nil {
		return nil
	}
	out := *c
	out.Plaintiffs = append([]Party(nil), c.Plaintiffs...)
	out.Defendants = append([]string(nil), c.Defendants...)
	out.Hearings = make([]Hearing, len(c.Hearings))
	for i, h := range c.Hearings {
		h.Reschedules = append([]Reschedule(nil), h.Reschedules...)
		if h.HeadAppeared != nil {
			v := *h.HeadAppeared
			h.HeadAppeared = &v
		}
		out.Hearings[i] = h
	}
	if c.Hearings == nil {
		out.Hearings = nil
	}
	if c.Closure != nil {
		cl := *c.Closure
		out.Closure = &cl
	}
	if c.Appealed != nil {
		v := *c.Appealed
		out.Appealed = &v
	}
	out.Suggestions = slices.Clone(c.Suggestions)
	return &out
}

// Validate checks the invariants every stored case keeps.
func (c *Case) Validate() error {
	if _, err := ParseNumber(c.Number); err != nil {
		return err
	}
	if c.Kind == "" {
		return fmt.Errorf("%s：缺少案件类型", c.Number)
	}
	if len(c.Defendants) == 0 {
		return fmt.Errorf("%s：缺少被告（被申请人）", c.Number)
	}
	if c.Closure != nil {
		if c.Closure.On.IsZero() {
			return fmt.Errorf("%s：已填结案方式但缺少结案日期", c.Number)
		}
		if _, err := ParseOutcome(c.Kind, string(c.Closure.Method)); err != nil {
			return fmt.Errorf("%s：%w", c.Number, err)
		}
	}
	if err := c.validateClocks(); err != nil {
		return fmt.Errorf("%s：%w", c.Number, err)
	}
	seen := map[int]bool{}
	for _, h := range c.Hearings {
		if h.ID <= 0 || h.ID > c.NextHearingID || seen[h.ID] {
			return fmt.Errorf("%s：开庭记录编号 %d 无效", c.Number, h.ID)
		}
		seen[h.ID] = true
	}
	return nil
}
