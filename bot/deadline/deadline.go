package deadline

import (
	"fmt"
	"strconv"
	"time"

	"casebot/bot/cases"
	"casebot/bot/workcal"
	"casebot/config"
)

// Kind names one deadline a case can have. The values are part of Redis
// keys (keys.Deadlines) and of `casebot case --json`, so they never change.
type Kind string

const (
	// Answer: the defendant's evidence and 答辩状 (行政诉讼法 第六十七条).
	Answer Kind = "answer"
	// Reply: the respondent's 书面答复 (行政复议法 第四十八条、第五十四条).
	Reply Kind = "reply"
	// Appeal: the appeal period of a first-instance judgment or ruling
	// (行政诉讼法 第八十五条).
	Appeal Kind = "appeal"
	// Decision: the reconsideration decision (行政复议法 第六十二条).
	Decision Kind = "decision"
	// JudicialReply: the written reply to a 司法建议 (local period).
	JudicialReply Kind = "judicial_suggestion"
	// ProcuratorialReply: the written reply to a 检察建议 (人民检察院检察建议
	// 工作规定 第十九条).
	ProcuratorialReply Kind = "procuratorial_suggestion"
	// Rectify: the 败诉原因分析 and 整改措施 of a loss (一案一整改, local
	// period rectify.due_days), once the agency was asked for them.
	Rectify Kind = "rectify"
	// RectifyReview: the bureau's review (通过/退回) of a filed 整改 report,
	// within ReviewWorkdays working days of its filing (the bureau's own
	// target, not a statute).
	RectifyReview Kind = "rectify_review"
)

// ReviewWorkdays is the bureau's target for reviewing a filed 整改 report.
const ReviewWorkdays = 5

// Kinds lists every kind, in the order a case card shows them.
var Kinds = []Kind{Answer, Reply, Appeal, Decision, JudicialReply, ProcuratorialReply, Rectify, RectifyReview}

// Label is the kind as people name it.
func (k Kind) Label() string {
	switch k {
	case Answer:
		return "答辩举证期限"
	case Reply:
		return "复议答复期限"
	case Appeal:
		return "上诉期限"
	case Decision:
		return "复议决定期限"
	case JudicialReply:
		return "司法建议回复期限"
	case ProcuratorialReply:
		return "检察建议回复期限"
	case Rectify:
		return "整改报告期限"
	case RectifyReview:
		return "整改报告审核期限"
	}
	return string(k)
}

// Deadline is one deadline of a case: when its clock started, its last
// day, and whether what it asks for was done.
type Deadline struct {
	Kind Kind
	// Start is the day that started the clock (not counted in the period).
	Start workcal.Day
	// Due is the last day, after the holiday rule.
	Due workcal.Day
	// Period is the period as the law states it (15日, 10个工作日, 2个月).
	Period string
	// Basis is the article that sets the period, or the local rule.
	Basis string
	// Postponed names why the period did not end on its nominal last day
	// (the holiday it fell in, or 周末); "" when it did.
	Postponed string
	// Done is true once what the deadline asks for is recorded: the answer
	// submitted, the appeal decided, the decision made, the reply sent.
	Done bool
	// DoneOn is the day it was done, when the ledger records one (an
	// appeal decision has none).
	DoneOn workcal.Day
	// Result says what was done when that is more than “done”: 已上诉 or
	// 未上诉 for an appeal.
	Result string
	// Moot is true for an answer or reply that was never recorded before
	// the case closed: nothing is due any more, and nothing is known.
	Moot bool
}

// Open reports whether the deadline still asks for something: not done
// and not moot. Open deadlines are the ones the store indexes.
func (d Deadline) Open() bool { return !d.Done && !d.Moot }

// Rules computes the deadlines of cases with one work calendar, time zone
// and set of local periods. It is safe for concurrent use.
type Rules struct {
	cal          *workcal.Calendar
	loc          *time.Location
	judicialDays int
	rectifyDays  int
}

// New returns the rules over cal, with case dates read in loc and the
// local periods of cfg (config.Deadlines, config.Rectify; zero values get
// the defaults).
func New(cal *workcal.Calendar, loc *time.Location, d config.Deadlines, r config.Rectify) *Rules {
	def := config.Default()
	if d.JudicialSuggestionDays <= 0 {
		d.JudicialSuggestionDays = def.Deadlines.JudicialSuggestionDays
	}
	if r.DueDays <= 0 {
		r.DueDays = def.Rectify.DueDays
	}
	return &Rules{cal: cal, loc: loc, judicialDays: d.JudicialSuggestionDays, rectifyDays: r.DueDays}
}

// FromConfig returns the rules a validated configuration describes: its
// work calendar (reminders.calendar, the built-in one when unset), time
// zone and local periods.
func FromConfig(cfg *config.Config) (*Rules, error) {
	cal, err := workcal.LoadCalendar(cfg.Reminder.Calendar)
	if err != nil {
		return nil, err
	}
	loc := cfg.Location
	if loc == nil {
		if loc, err = time.LoadLocation(cfg.Timezone); err != nil {
			return nil, fmt.Errorf("时区 %s：%w", cfg.Timezone, err)
		}
	}
	return New(cal, loc, cfg.Deadlines, cfg.Rectify), nil
}

// Default returns the rules of the default configuration: the built-in
// calendar, Asia/Shanghai and the default local periods.
func Default() *Rules {
	cfg := config.Default()
	r, err := FromConfig(&cfg)
	if err != nil {
		// The built-in calendar is checked by its tests; Asia/Shanghai is
		// in every Go's tzdata (cmd/casebot embeds it).
		return New(workcal.BuiltinCalendar(), time.FixedZone("CST", 8*3600), cfg.Deadlines, cfg.Rectify)
	}
	return r
}

// Calendar returns the work calendar the rules count with.
func (r *Rules) Calendar() *workcal.Calendar { return r.cal }

// Location returns the time zone case dates are read in.
func (r *Rules) Location() *time.Location { return r.loc }

// RectifyDays returns the configured 一案一整改 period (rectify.due_days).
func (r *Rules) RectifyDays() int { return r.rectifyDays }

// rulesVersion changes whenever Of changes which deadlines a case has or
// how they are computed, so that a stored deadline index is rebuilt.
const rulesVersion = 2

// Fingerprint names everything the deadline index depends on besides the
// cases: the rules' version, the calendar's days, the time zone and the
// local periods that are indexed. An index computed under one fingerprint
// is valid under the same one only.
func (r *Rules) Fingerprint() string {
	return fmt.Sprintf("v%d-%s-%s-j%d-r%d", rulesVersion, r.cal.Digest(), r.loc.String(), r.judicialDays, r.rectifyDays)
}

// day reads a case date in the rules' time zone; zero stays zero.
func (r *Rules) day(t time.Time) workcal.Day {
	if t.IsZero() {
		return workcal.Day{}
	}
	return workcal.DateOf(t, r.loc)
}

// Of returns every deadline case c has, open or not, in the order of
// Kinds. A deadline exists once the date that starts its clock is
// recorded; which rule applies follows from the case's kind, stage and
// 结案方式.
func (r *Rules) Of(c *cases.Case) []Deadline {
	var out []Deadline
	closed := !c.Open()
	switch c.Kind {
	case cases.Litigation:
		if received := r.day(c.CopyReceivedOn); !received.IsZero() {
			d := Deadline{Kind: Answer, Start: received, Due: AnswerDue(r.cal, received), Period: "15日",
				Basis: "《行政诉讼法》第六十七条", Postponed: postponed(r.cal, received.AddDays(15))}
			if c.Stage == cases.StageSecond {
				// The appellee's answer to the 上诉状副本: the same 15 days.
				d.Basis = "《民事诉讼法》第一百七十四条（《行政诉讼法》第一百零一条）"
			}
			r.answered(&d, c, closed)
			out = append(out, d)
		}
		if d, ok := r.appeal(c); ok {
			out = append(out, d)
		}
	case cases.Reconsideration:
		if received := r.day(c.CopyReceivedOn); !received.IsZero() {
			d := Deadline{Kind: Reply, Start: received, Due: ReplyDue(r.cal, received, c.Simplified),
				Period: "10个工作日", Basis: "《行政复议法》第四十八条、第八十八条"}
			if c.Simplified {
				d.Period, d.Basis = "5个工作日", "《行政复议法》第五十四条、第八十八条"
			}
			r.answered(&d, c, closed)
			out = append(out, d)
		}
		if accepted := r.day(c.FiledOn); !accepted.IsZero() {
			out = append(out, r.decision(c, accepted))
		}
	}
	for _, s := range c.Suggestions {
		out = append(out, r.suggestion(s))
	}
	if c.Rectify != nil {
		out = append(out, r.rectify(c.Rectify))
		if c.Rectify.Status == cases.RectifyFiled {
			filed := r.day(c.Rectify.FiledOn)
			out = append(out, Deadline{Kind: RectifyReview, Start: filed, Due: r.cal.AddWorkdays(filed, ReviewWorkdays),
				Period: strconv.Itoa(ReviewWorkdays) + "个工作日", Basis: "司法局审核整改报告"})
		}
	}
	return out
}

// rectify is the deadline of a requested 整改 report: rectify.due_days
// from its From day; done once filed (a returned report is open again,
// with the same last day).
func (r *Rules) rectify(rc *cases.Rectification) Deadline {
	from := r.day(rc.From)
	d := Deadline{Kind: Rectify, Start: from, Due: RectifyDue(r.cal, from, r.rectifyDays),
		Period: strconv.Itoa(r.rectifyDays) + "日", Basis: "本地规定（rectify.due_days，一案一整改）",
		Postponed: postponed(r.cal, from.AddDays(r.rectifyDays))}
	if rc.Filed() {
		d.Done, d.DoneOn = true, r.day(rc.FiledOn)
		d.Result = "已报送"
		if rc.Status == cases.RectifyApproved {
			d.Result = "已报送并审核通过"
		}
	}
	return d
}

// Open returns the deadlines of c that are open (see Deadline.Open).
func (r *Rules) Open(c *cases.Case) []Deadline {
	var out []Deadline
	for _, d := range r.Of(c) {
		if d.Open() {
			out = append(out, d)
		}
	}
	return out
}

// Find returns the deadline of kind that c has.
func (r *Rules) Find(c *cases.Case, kind Kind) (Deadline, bool) {
	for _, d := range r.Of(c) {
		if d.Kind == kind {
			return d, true
		}
	}
	return Deadline{}, false
}

// answered marks an answer or reply done when its submission is
// recorded, and moot when the case closed without it.
func (r *Rules) answered(d *Deadline, c *cases.Case, closed bool) {
	switch {
	case !c.AnsweredOn.IsZero():
		d.Done, d.DoneOn = true, r.day(c.AnsweredOn)
	case closed:
		d.Moot = true
	}
}

// appeal is the appeal deadline of a closed first-instance case served
// with a judgment or an appealable ruling. Of the rulings that close a
// first instance only 不予立案 and 驳回起诉 can be appealed (最高人民法院关于适用
// 《中华人民共和国行政诉讼法》的解释 第一百零一条); 准许撤诉, 调解 and 终结 cannot,
// and second-instance judgments are final (行政诉讼法 第七条 两审终审).
func (r *Rules) appeal(c *cases.Case) (Deadline, bool) {
	served := r.day(c.ServedOn)
	if served.IsZero() || c.Closure == nil || c.Stage != cases.StageFirst {
		return Deadline{}, false
	}
	o, err := cases.ParseOutcome(c.Kind, string(c.Closure.Method))
	if err != nil {
		return Deadline{}, false
	}
	d := Deadline{Kind: Appeal, Start: served}
	switch {
	case o.Judged():
		d.Period, d.Basis = "15日", "《行政诉讼法》第八十五条（判决）"
		d.Due, d.Postponed = AppealDue(r.cal, served, false), postponed(r.cal, served.AddDays(15))
	case o == cases.RulingDismissSuit || o == cases.RulingNotAccepted:
		d.Period, d.Basis = "10日", "《行政诉讼法》第八十五条（裁定）"
		d.Due, d.Postponed = AppealDue(r.cal, served, true), postponed(r.cal, served.AddDays(10))
	default:
		return Deadline{}, false
	}
	if c.Appealed != nil {
		d.Done, d.Result = true, "未上诉"
		if *c.Appealed {
			d.Result = "已上诉"
		}
	}
	return d, true
}

// decision is the reconsideration decision deadline, counted from the
// 受理 date (the ledger's 立案日期, alias 受理日期).
func (r *Rules) decision(c *cases.Case, accepted workcal.Day) Deadline {
	n, period := 60+c.ExtendedDays, "60日"
	switch {
	case c.Simplified:
		n, period = 30, "30日（简易程序）"
	case c.ExtendedDays > 0:
		period = fmt.Sprintf("60日，延长%d日", c.ExtendedDays)
	}
	d := Deadline{Kind: Decision, Start: accepted, Due: DecisionDue(r.cal, accepted, c.Simplified, c.ExtendedDays),
		Period: period, Basis: "《行政复议法》第六十二条", Postponed: postponed(r.cal, accepted.AddDays(n))}
	if c.Closure != nil {
		d.Done, d.DoneOn = true, r.day(c.Closure.On)
	}
	return d
}

// suggestionOwnBasis is the basis of a suggestion's reply date the ledger
// records (the one the 建议书 sets), as against the rule's.
const suggestionOwnBasis = "建议书载明的回复期限"

// suggestion is the reply deadline of a 司法建议 or 检察建议: the date the
// document sets when recorded, else the rule's.
func (r *Rules) suggestion(s cases.Suggestion) Deadline {
	received := r.day(s.ReceivedOn)
	d := Deadline{Kind: ProcuratorialReply, Start: received, Due: ProcuratorialDue(r.cal, received),
		Period: "2个月", Basis: "《人民检察院检察建议工作规定》第十九条", Postponed: postponed(r.cal, received.AddMonths(2))}
	if s.Kind == cases.JudicialSuggestion {
		d = Deadline{Kind: JudicialReply, Start: received, Due: JudicialDue(r.cal, received, r.judicialDays),
			Period: strconv.Itoa(r.judicialDays) + "日", Basis: "本地规定（deadlines.judicial_suggestion_days）",
			Postponed: postponed(r.cal, received.AddDays(r.judicialDays))}
	}
	if due := r.day(s.DueOn); !due.IsZero() {
		d.Due, d.Period, d.Postponed = due, "建议书确定的期限", ""
		d.Basis = suggestionOwnBasis
	}
	if !s.RepliedOn.IsZero() {
		d.Done, d.DoneOn = true, r.day(s.RepliedOn)
	}
	return d
}
