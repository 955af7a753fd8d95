// Package intent reads what a user asks the bot, in the Chinese people
// type on a phone: voice-input run-ons, typos, full-width digits,
// abbreviations, polite filler, first person, follow-ups. Understand
// accounts for every part of a message: the slots it understood (case,
// party, agency, person, period, kind of question...), the filler it
// ignored (Fillers), and the residue it could not place, so that an answer
// can say what it was based on and never turns an unread word into a
// filter. ParseUpdate reads the chat commands that change a case.
//
// It is pure given its Options: the same text, clock and lexicon give the
// same Understanding, so phrasing is tested as tables and as the corpus in
// handlers/testdata.
package intent

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"casebot/bot/agency"
	"casebot/bot/cases"
	"casebot/bot/deadline"
	"casebot/bot/numeral"
	"casebot/bot/workcal"
)

// Kind is what a message asks for.
type Kind string

const (
	Help      Kind = "help"      // how to use the bot
	Greet     Kind = "greet"     // the app was opened (enter_agent)
	Thanks    Kind = "thanks"    // 谢谢, 好的, 收到
	More      Kind = "more"      // the next page of the last list
	Pick      Kind = "pick"      // one item of the last list (第二个)
	Confirm   Kind = "confirm"   // 确认 / 登记: apply a reported change (staff)
	Case      Kind = "case"      // one or more given cases, or a fact about them
	Cases     Kind = "cases"     // the cases of a party, agency, person, kind…
	Hearings  Kind = "hearings"  // hearings in a period, of an agency, a person…
	Count     Kind = "count"     // how many cases did something in a period, and which
	Rates     Kind = "rate"      // rates and rankings of the bulletin
	Bulletin  Kind = "bulletin"  // the monthly 败诉通报
	Explain   Kind = "explain"   // a 以案说法 write-up
	News      Kind = "news"      // news from the field: a hearing moved, cancelled, a head cannot appear
	Changes   Kind = "changes"   // hearings recently moved or cancelled
	Files     Kind = "files"     // the app page's files: 导出台账, 写入台账, 上传判决书, 撤销导入
	Deadlines Kind = "deadlines" // statutory deadlines due or overdue (答辩期快到了, 有没有超期没答辩的)
	Legal     Kind = "legal"     // a legal question of one's own (我被罚款了怎么办)
	People    Kind = "people"    // who someone is in the directory (在名单里吗, 什么职务, 企业微信号)
	Scope     Kind = "scope"     // something the bot does not do
	Unknown   Kind = "unknown"   // nothing understood
)

// Metric is what a Count counts.
type Metric string

const (
	Lost      Metric = "lost"      // closed litigation with a 败诉 outcome
	Closed    Metric = "closed"    // closed in the period
	Filed     Metric = "filed"     // filed in the period
	Corrected Metric = "corrected" // reconsideration closed with a 纠错 decision
	Open      Metric = "open"      // not closed yet (no period)
	All       Metric = "all"       // every case of the ledger (台账里一共多少案件)
	Suggested Metric = "suggested" // drew a 司法建议 or 检察建议 received in the period
)

// Aspect is the fact a question asks about a case or a hearing.
type Aspect string

const (
	Head       Aspect = "head"       // 出庭负责人 (and whether they appeared)
	Handler    Aspect = "handler"    // 承办人
	Outcome    Aspect = "outcome"    // 判了吗: the 结案方式, or why not yet
	Held       Aspect = "held"       // 开庭了没: held or not, when
	Stage      Aspect = "stage"      // 到哪一步了: the status
	When       Aspect = "when"       // the hearing's time
	Where      Aspect = "where"      // the courtroom
	Court      Aspect = "court"      // the court (复议机关)
	Plaintiff  Aspect = "plaintiff"  // 原告 (申请人)
	Defendant  Aspect = "defendant"  // 被告 (被申请人): which agencies
	Reason     Aspect = "reason"     // 败诉原因
	Bring      Aspect = "bring"      // what a head brings to court
	Lawyer     Aspect = "lawyer"     // 代理律师 (not in the ledger)
	Cause      Aspect = "cause"      // 案由
	Advice     Aspect = "advice"     // the 司法建议 and 检察建议 the case drew
	Deadline   Aspect = "deadline"   // its statutory deadlines (答辩期, 上诉期…)
	Attached   Aspect = "attached"   // whether its decision is attached (判决书传了没)
	Reminded   Aspect = "reminded"   // whether its hearing's reminder was sent, and answered (提醒发了没, 确认出庭了没)
	Number     Aspect = "number"     // its full 案号 (案号咋写的)
	Appealed   Aspect = "appealed"   // whether it was appealed (上诉了没)
	Filing     Aspect = "filing"     // its 立案日期 (什么时候立案的), not its hearing
	Decided    Aspect = "decided"    // the day it was decided and served (哪天判的, 什么时候裁定的)
	Amount     Aspect = "amount"     // an amount written in its 结案方式 or 备注 (赔了多少, 判赔)
	Clash      Aspect = "clash"      // the other hearings on its hearing's day (撞了没, 那天还有别的庭吗)
	Appealable Aspect = "appealable" // whether it can still be appealed (还能上诉吗): the 上诉期 on the clock
)

// Rate is a rate of the bulletin.
type Rate string

const (
	LossRate       Rate = "loss"       // 败诉率: lost / closed
	JudgedLossRate Rate = "judged"     // 判决口径: lost judgments / judged
	AppearanceRate Rate = "appearance" // 出庭率: head appeared / heard
	CorrectionRate Rate = "correction" // 纠错率
	WithdrawalRate Rate = "withdrawal" // 调撤率
)

// Rank asks for a ranking of agencies.
type Rank string

const (
	RankTop    Rank = "top"    // 排名, 最多, 排第几
	RankBottom Rank = "bottom" // 最少, 最低
	RankUnder  Rank = "under"  // 没达标: 出庭率 under 100%, 败诉率 over the control line
	RankMet    Rank = "met"    // 达标的: 出庭率 100%, 败诉率 within the control line
	RankZero   Rank = "zero"   // 一件败诉都没有的单位: no loss (or correction) among the agencies with closed cases
)

// Mine limits an answer to the asker.
type Mine string

const (
	MineSelf   Mine = "self"   // 我的庭, 我手上的案子: as 出庭负责人 or 承办人
	MineAgency Mine = "agency" // 我们局: the asker's agency
)

// NewsKind is what someone reports about a hearing.
type NewsKind string

const (
	Moved     NewsKind = "moved"     // 改到下周三上午九点半
	Postponed NewsKind = "postponed" // 推迟了 (no new time yet)
	Cancelled NewsKind = "cancelled" // 取消了
	Cannot    NewsKind = "cannot"    // 我去不了: the head cannot appear
)

// Report is news from the field about a hearing.
type Report struct {
	Kind NewsKind `json:"kind"`
	// At is the new time (Moved); zero when not given. TimeGiven is false
	// when only a day was given (the time of day is kept).
	At        time.Time `json:"at,omitzero"`
	TimeGiven bool      `json:"time_given,omitempty"`
	// Place is the new courtroom, when given (改期 案号 时间 第三法庭).
	Place string `json:"place,omitempty"`
	// Kept is a clause naming a hearing the change leaves as it is (136明天
	// 那次取消了 只开9号那次: "只开9号那次"), as written; its day is not the
	// changed hearing's.
	Kept string `json:"kept,omitempty"`
	// Half is the half-day of the new time when only that was said (改到
	// 下周一上午): "am" or "pm"; the hearing's old clock time does not fit it.
	Half string `json:"half,omitempty"`
	// Days counts the different days the message names for the hearing
	// changed (kept clauses and a move's new time aside): two (136明天和
	// 26号的都取消了) leave the hearing for the reporter to say, one by one.
	Days int `json:"days,omitempty"`
	// Ordinal is which of the case's sittings the change is of, when the
	// message counts them (第二次开庭, 后面那次: 2; 第一次: 1); 0 when it
	// does not. It outranks a day said beside it (136周一开庭我去 第二次开
	// 庭的时间改到14号: the second sitting moved, not Monday's).
	Ordinal int `json:"ordinal,omitempty"`
}

// Understanding is what a message asks, part by part.
type Understanding struct {
	Kind Kind `json:"kind"`

	// Numbers are normalized case numbers: as written in full, or the
	// completions of a short one (Short) with this year and the
	// configured courts.
	Numbers []string `json:"numbers,omitempty"`
	Short   string   `json:"short,omitempty"`
	// Seq is a bare sequence number (117号, 复41号), for the handler to
	// complete against the ledger; Recon marks a 复议 one.
	Seq   int  `json:"seq,omitempty"`
	Recon bool `json:"recon,omitempty"`

	// Party is a plaintiff or applicant: named after a marker (查, 原告,
	// 申请人, X诉Y; Marked) or found in the ledger's names.
	Party  string `json:"party,omitempty"`
	Marked bool   `json:"marked,omitempty"`
	// Written is the party as written when only the start of the name was
	// (某某科技 for 某某科技有限公司).
	Written string `json:"written,omitempty"`
	// Others are further parties named with Party (郑十冯十一那个案子): a case
	// must name them all.
	Others []string `json:"others,omitempty"`
	// Agency is an agency as written; Agencies the ledger agencies it
	// designates (none: the ledger has no such agency).
	Agency   string   `json:"agency,omitempty"`
	Agencies []string `json:"agencies,omitempty"`
	// Person is someone named as 承办人 or 出庭负责人 (a ledger or directory
	// name); PersonRole says which when the message said (head, handler).
	Person     string `json:"person,omitempty"`
	PersonRole string `json:"person_role,omitempty"`
	Mine       Mine   `json:"mine,omitempty"`

	Metric   Metric `json:"metric,omitempty"`
	Outcome  string `json:"outcome,omitempty"`   // a 结案方式 stem (撤销, 撤诉…)
	Reason   string `json:"reason,omitempty"`    // a 败诉原因 keyword
	Cause    string `json:"cause,omitempty"`     // a 案由 stem (工伤, 征收…)
	CaseKind string `json:"case_kind,omitempty"` // 行政诉讼, 行政复议, 非诉执行审查
	Stage    string `json:"stage,omitempty"`     // 一审, 二审, 再审

	// Suggestion is the kind of suggestion a Suggested count counts
	// (司法建议, 检察建议); empty is both.
	Suggestion string `json:"suggestion,omitempty"`
	// Order is which hearing a When question asks of: "next" (下次/下回是
	// 哪天) or "last" (上次/前回开庭是哪天); empty is every one.
	Order string `json:"order,omitempty"`

	Rate   Rate   `json:"rate,omitempty"`
	Rank   Rank   `json:"rank,omitempty"`
	Aspect Aspect `json:"aspect,omitempty"`
	// Ordinal is the item of the last list a Pick takes (1-based).
	Ordinal int `json:"ordinal,omitempty"`

	Period Period `json:"period,omitzero"`
	// PeriodNote says why a period named could not be applied (a lunar
	// holiday in a year the work calendar does not cover).
	PeriodNote string `json:"period_note,omitempty"`
	// Upcoming limits hearings to those still to come (还有, 要开, 接下来).
	Upcoming bool `json:"upcoming,omitempty"`
	// TimeOfDay is am or pm (上午, 下午); Clock a time of day (九点的庭).
	TimeOfDay string `json:"time_of_day,omitempty"`
	Clock     string `json:"clock,omitempty"`
	// HalfDay: 上午还是下午 asks which half of the day, it filters nothing.
	HalfDay bool `json:"half_day,omitempty"`
	// CourtLevel keeps the cases before a court of that level (高院那个
	// 庭, 中院的案子, 基层法院): CourtHigh, CourtMiddle or CourtBasic.
	CourtLevel string `json:"court_level,omitempty"`
	// NumberYear keeps the cases whose 案号 carries that year (2015年那个
	// 案子: (2015)…), not those filed in it.
	NumberYear int `json:"number_year,omitempty"`
	// Place limits hearings to a courtroom (第一法庭明天有几个庭), in the
	// form CanonicalPlace gives; a courtroom only confirmed (是在第三法庭吧)
	// is not a filter.
	Place string `json:"place,omitempty"`
	// MustAppear limits hearings to 法释〔2020〕3号 第4条 cases.
	MustAppear bool `json:"must_appear,omitempty"`
	// Held limits hearings to those already held (开完的庭); NotAppeared
	// to held hearings whose head did not appear (负责人没出庭的).
	Held        bool    `json:"held,omitempty"`
	NotAppeared bool    `json:"not_appeared,omitempty"`
	News        *Report `json:"news,omitempty"`

	// Hearing is set when the message spoke of hearings (庭, 开庭, 出庭).
	Hearing bool `json:"hearing,omitempty"`
	// Anchored is set when a word named the kind of question; a message
	// without one (后天呢, 公安局的呢) is read as a follow-up of the last.
	Anchored bool `json:"anchored,omitempty"`
	// FollowUp is set by 呢, 那, 那么 and the like.
	FollowUp bool `json:"follow_up,omitempty"`
	// Attendance asks, over hearings, whether the heads came or confirmed
	// (都到了吗, 都确认了没, 谁还没确认): each hearing's state, not a bare
	// list. Set by handlers from the message's wording.
	Attendance bool `json:"attendance,omitempty"`
	// Repeat asks for the losses that repeat an earlier one (再次败诉: the
	// same agency, the same 案由, within rectify.repeat_within_days).
	Repeat bool `json:"repeat,omitempty"`
	// Contact is set when the message asks for a phone number.
	Contact bool `json:"contact,omitempty"`
	// Named is a name asked about in the directory that neither the
	// directory nor the ledger knows (赵一在名单里吗).
	Named string `json:"named,omitempty"`
	// Greeting is a greeting alone, or with a name or title (早, 陈局在吗,
	// 孙强你好): answered with a greeting and help, never a search.
	Greeting bool `json:"greeting,omitempty"`
	// Why asks the reason of a rate or a rank (为什么我们出庭率不到100%): the
	// cases behind the figure.
	Why bool `json:"why,omitempty"`
	// NotHeld names something asked that the ledger does not hold (other
	// counties, the judge, the judgment's text…): the answer says so and
	// where to ask, before anything it can show.
	NotHeld string `json:"not_held,omitempty"`
	// Reference is set by 那个案子, 这个案件, 它: the case spoken of before.
	Reference bool `json:"reference,omitempty"`
	// Follow is set by a request to be told later (判了通知我, 帮我盯一下,
	// 开庭前提醒我): the answer says what the bot sends of itself.
	Follow bool `json:"follow,omitempty"`
	// OffTopic is set when a word of everyday matters or of a service the
	// bot does not offer decided the question (今天天气咋样, 中午吃啥): never
	// a follow-up of the last question, whatever time word it has.
	OffTopic bool `json:"off_topic,omitempty"`
	// Scoped is set when a word states the message's own scope (整改情况,
	// 逾期的有哪些, 全部, 一共多少): the case or list in focus is not its
	// subject (see RefersBack).
	Scoped bool `json:"scoped,omitempty"`
	// ByCount ranks agencies by how many (败诉最多) rather than by rate.
	ByCount bool `json:"by_count,omitempty"`
	// Compare asks for the same count a year before too (同比);
	// Past asks about the last hearing held rather than the next one
	// (上次开庭吴局到庭没, 当时出庭了吗).
	Past bool `json:"past,omitempty"`
	// Back asks for the period this many months before the one last spoken
	// of (再往前一个月, 往前两个月, 上一期): a follow-up only.
	Back int `json:"back,omitempty"`
	// YearBefore asks for the period a year before the one meant (去年同期).
	Compare    bool `json:"compare,omitempty"`
	YearBefore bool `json:"year_before,omitempty"`

	// DeadlineKinds are the deadlines asked about (the kinds of
	// bot/deadline: answer, reply, appeal, decision, judicial_suggestion,
	// procuratorial_suggestion; none: every kind); Overdue asks for those
	// past their last day (超期, 逾期).
	DeadlineKinds []string `json:"deadline_kinds,omitempty"`
	Overdue       bool     `json:"overdue,omitempty"`

	// ExplainAct is what a message about 以案说法 drafts asks (the
	// Explain* acts; empty: a write-up); Note is a return's note or a
	// revision's instruction; DraftState a state to list drafts in
	// (草稿, 已审核, 已退回, 已发布).
	// FileAct is what a Files message asks (the File* acts).
	FileAct    string `json:"file_act,omitempty"`
	ExplainAct string `json:"explain_act,omitempty"`
	Note       string `json:"note,omitempty"`
	DraftState string `json:"draft_state,omitempty"`
	// OnlyInFocus is set on an act said with no word of drafts (换一个): it
	// means that act only while a draft or the candidates are in focus.
	OnlyInFocus bool `json:"only_in_focus,omitempty"`

	// Each is set by 都, 分别, 每个, 这些: a fact asked of every item of the
	// last list, not of its first.
	Each bool `json:"each,omitempty"`

	// ByAgency and ByMonth ask for a figure split by agency (各单位败诉率,
	// 败诉按单位分, 纠错率按局排) or by month (按月分一下, 今年每个月新收多少);
	// ByKind for counts of litigation and reconsideration side by side
	// (复议和诉讼各多少).
	ByAgency bool `json:"by_agency,omitempty"`
	ByMonth  bool `json:"by_month,omitempty"`
	ByKind   bool `json:"by_kind,omitempty"`

	// Filler lists the words ignored; Residue what could not be placed.
	Filler  []string `json:"filler,omitempty"`
	Residue []string `json:"residue,omitempty"`
	// Model is set when the model read the message (see handlers).
	Model bool `json:"model,omitempty"`
}

// Lexicon is what the rules know of the ledger and the directory, so that
// a word becomes a filter only when it names something real.
type Lexicon interface {
	// Agencies returns the ledger agencies name designates (none when it
	// designates none).
	Agencies(name string) ([]string, error)
	// Names finds the ledger's party and person names in each run of
	// text.
	Names(runs []string) ([]NameMatch, error)
	// Titled returns the names of the directory's people whose name
	// starts with surname and whose post contains title (孙局 → 孙强).
	Titled(surname, title string) ([]string, error)
}

// NameMatch is a name the lexicon found in a run, at runes [Start, End).
// A match that is only the start of the name (某某建材 for
// 某某建材有限公司) ends at the run's end.
type NameMatch struct {
	Run        int
	Start, End int
	Name       string
	Party      bool
	Person     bool
}

// Options are what Understand needs besides the text.
type Options struct {
	// Now is the current time in the configured time zone.
	Now time.Time
	// Courts complete short case numbers (config query.courts).
	Courts []string
	// Lexicon knows the ledger's names; nil knows none (a stranger's
	// message, tests of phrasing alone).
	Lexicon Lexicon
	// Calendar gives the holidays' days off (春节前, 国庆后); nil knows
	// only the fixed dates (元旦, 五一, 国庆).
	Calendar *workcal.Calendar
}

// Understand reads one message.
func Understand(raw string, o Options) (Understanding, error) {
	r := &reader{o: o}
	return r.read(raw)
}

type reader struct {
	o Options
	t *text
	u Understanding
	// followSelf: the request to be told (follow) said 我
	followSelf bool
	// what the message named, before the kind is decided
	asked       bool   // 查, 搜, 找 at the start
	askedAt     int    // rune index after the ask word
	markerAt    int    // rune index after a party marker, -1 none
	scopeWord   bool   // something the bot does not do
	scopeAct    bool   // … done to what it finds (发给, 打印): out of scope even about hearings
	legal       bool   // a legal question of one's own
	explain     bool   // 以案说法, or 典型案例 with 写
	bulletin    bool   // 通报
	changes     bool   // 最近改期
	outcomeLost bool   // the outcome asked is 败诉 (我们今年败诉了吗)
	rankWord    string // the rank word, to infer the rate
	headMarker  int    // rune index after 承办人/负责人 used as a name marker, -1 none
	suesAt      int    // rune index of the 诉 of X诉Y, 0 none
	caseWord    bool   // 案子, 案件: the question is about cases
	dirWord     bool   // 在名单里, 什么职务, 企业微信: a question about the directory
	dirAt       int    // rune index of the directory word
	headWord    bool   // the head asked for by 负责人 (是谁), not by 出庭: maybe the directory's
	typical     bool   // 典型案例 without a word for writing: the lost cases
	loneHearing bool   // 庭 alone (明天的庭), not 出庭
	bound       bound  // the period named is one side of a day (bound.go)
	boundWords  string // the words of the bounded period, for its label
	holiday     int    // 1 + the index in holidays of a holiday bound, 0 none
	holidaySpan [2]int // its rune span
}

func (r *reader) read(raw string) (Understanding, error) {
	norm := Normalize(raw)
	b := bare(norm)
	switch {
	case b == "" && emojiAck(raw):
		return Understanding{Kind: Thanks, Anchored: true}, nil
	case b == "" || helpWords[b] || strings.Contains(b, "帮助") || strings.Contains(b, "怎么用") || strings.Contains(b, "使用说明") || helpAsked(b):
		return Understanding{Kind: Help, Anchored: true}, nil
	case moreWords[b]:
		return Understanding{Kind: More, Anchored: true}, nil
	case confirmWords[b]:
		return Understanding{Kind: Confirm, Anchored: true}, nil
	case vagueOnly(b):
		return Understanding{Kind: Unknown, Anchored: true}, nil
	case acknowledges(norm):
		return Understanding{Kind: Thanks, Anchored: true}, nil
	case r.greeting(b):
		return Understanding{Kind: Help, Greeting: true, Anchored: true}, nil
	}
	if nonAdmin(norm) {
		// 民初123号: not a number to complete into 行初123 or a day.
		return Understanding{Kind: Scope, NotHeld: "non-admin", Anchored: true}, nil
	}
	if personalLegal(norm) {
		return Understanding{Kind: Legal, Anchored: true}, nil
	}
	pointed := pronounRe.MatchString(norm) // 它明天开庭吗: courtesy drops the leading 它
	// 早上好 今天有几个庭: the greeting's 早上 is no half-day.
	norm, courteous := courtesy(norm)
	r.u.Filler = append(r.u.Filler, courteous...)
	r.u.Each = eachRe.MatchString(norm)
	r.t = newText(relativeYears(digitsInClocks(monthDays(digitsInDates(caseNumerals(norm)))), r.o.Now))
	r.markerAt, r.headMarker = -1, -1
	// 好的，那后天呢: an acknowledgement before a question is filler.
	if m, ok := r.t.take(leadAckRe, 1); ok {
		r.u.Filler = append(r.u.Filler, m[1])
	}
	if m, s1, e1, ok := r.t.find(audienceRe, 1); ok {
		// 要给何县长汇报: whom the answer is for, never a filter.
		r.t.mark(s1, e1)
		r.u.Filler = append(r.u.Filler, m[1])
	}
	r.pick()
	r.follow()
	if err := r.numbers(); err != nil {
		return r.u, err
	}
	if _, _, _, ok := r.t.find(referenceRe, 0); ok || pointed {
		r.u.Reference = true
	}
	r.u.Scoped = ownScopeRe.MatchString(norm)
	if _, ok := r.t.take(attachedQRe, 0); ok {
		// 判决书传了没, 85号的判决书上传了吗: whether it is attached, a
		// question, not the page to upload it on.
		r.u.Aspect = Attached
	} else if r.fileCommand(strings.ToLower(norm)) {
		return r.u, nil
	}
	if r.explainCommand(raw, norm) && r.u.ExplainAct != ExplainCandidates {
		return r.u, nil // the candidates read on: 市监局的, 复议的
	}
	r.hearingOrder()
	r.newsAndChanges()
	r.mine()
	if r.followSelf && r.u.Mine == "" && !r.u.Anchored && len(r.u.Numbers) == 0 && r.u.Seq == 0 {
		r.u.Mine = MineSelf // 开庭前一天提醒我: the asker's own hearings
	}
	r.deadlines()
	r.bounds()
	r.words()
	if err := r.zhouNames(); err != nil {
		return r.u, err
	}
	r.periods()
	r.markers()
	if strings.Contains(norm, "听证") || strings.Contains(norm, "复议") {
		// 赵六那个听证 司法局哪个同志主持: the 司法局 that holds a 复议's
		// hearing is the reviewing body, no respondent to filter by (it
		// made a false none of the applicant's own case).
		r.u.Filler = append(r.u.Filler, r.t.cutAll("司法局的", "司法局")...)
	}
	if err := r.agencies(); err != nil {
		return r.u, err
	}
	if err := r.names(); err != nil {
		return r.u, err
	}
	if err := r.titled(); err != nil {
		return r.u, err
	}
	r.directoryName()
	r.fillers()
	r.marked()
	r.residue()
	r.decide()
	r.notHeld(norm)
	r.documentDeadline(norm)
	r.partyDeadline()
	return r.u, nil
}

// hearingOrder takes 下次/上次 (下回 and 前回 are spelled so by Normalize)
// as which hearing is asked of; they are filler to every other rule.
func (r *reader) hearingOrder() {
	if ws := r.t.cutAll("下一次", "下一场", "下次"); len(ws) > 0 {
		r.u.Order = "next"
		r.u.Filler = append(r.u.Filler, ws...)
	}
	if ws := r.t.cutAll("上一次", "上一场", "上次"); len(ws) > 0 {
		r.u.Order = "last"
		r.u.Filler = append(r.u.Filler, ws...)
	}
}

// greetWords greet; greetTitles are how people are addressed.
var (
	greetWords  = []string{"早上好", "上午好", "中午好", "下午好", "晚上好", "早安", "你好", "您好", "在吗", "在么", "在不在", "在嘛", "早", "在", "好", "hello", "hi", "嗨", "哈喽"}
	greetTitles = mustCompile(`^\p{Han}{1,3}?(?:副局长|局长|副县长|县长|副镇长|镇长|副主任|主任|科长|股长|所长|老师|领导|同志|局|县|主任|总)$`)
)

// greeting reports whether b (the message stripped by bare) is a greeting
// alone or with a name or a title: 早, 陈局在吗, 孙强你好, 吴局 早上好. A
// name counts only when the directory or the ledger knows it, so 明天早
// (a time) is not a greeting.
func (r *reader) greeting(b string) bool {
	rest, found := b, false
	for changed := true; changed; {
		changed = false
		rest = strings.TrimFunc(rest, func(c rune) bool {
			return unicode.IsSpace(c) || unicode.IsPunct(c) || strings.ContainsRune("啊呀哈~～", c)
		})
		for _, w := range greetWords {
			if t, ok := strings.CutSuffix(rest, w); ok {
				rest, found, changed = t, true, true
				break
			}
			if t, ok := strings.CutPrefix(rest, w); ok && (w != "早" || t == "" || !strings.ContainsAny(t[:min(len(t), 3)], "上")) {
				rest, found, changed = t, true, true
				break
			}
		}
	}
	if !found {
		return false
	}
	if rest == "" || greetTitles.MatchString(rest) {
		return true
	}
	if r.o.Lexicon == nil || utf8.RuneCountInString(rest) > 4 {
		return false
	}
	ms, err := r.o.Lexicon.Names([]string{rest})
	if err != nil {
		return false
	}
	for _, m := range ms {
		if m.Person && m.Start == 0 && m.End == utf8.RuneCountInString(rest) {
			return true
		}
	}
	return false
}

// vagueWords are what people type while thinking (嗯嗯那个 就那个): a
// message of them alone says nothing to answer.
var vagueWords = []string{"就那个", "那个", "这个", "就是", "然后", "嗯嗯", "嗯", "呃", "额", "啊", "哦", "就", "那"}

// vagueOnly reports whether b is made of vague words alone, with at least
// one of 那个/这个/就是 (嗯 alone is an acknowledgement).
func vagueOnly(b string) bool {
	t := strings.Map(func(c rune) rune {
		if unicode.IsSpace(c) || unicode.IsPunct(c) || c == '…' {
			return -1
		}
		return c
	}, b)
	if !strings.Contains(t, "那个") && !strings.Contains(t, "这个") && !strings.Contains(t, "就是") {
		return false
	}
	for t != "" {
		cut := false
		for _, w := range vagueWords {
			if rest, ok := strings.CutPrefix(t, w); ok {
				t, cut = rest, true
				break
			}
		}
		if !cut {
			return false
		}
	}
	return true
}

// notHeldTopics are questions about what the ledger does not hold, each
// with the words that ask it.
var notHeldTopics = []struct {
	topic string
	words []string
}{
	{"other-county", []string{"其他区县", "别的区县", "其他县", "别的县", "外县", "兄弟区县", "兄弟县", "其他地区", "别的地区", "周边县", "全市各县", "各区县", "其他区"}},
	{"court-phone", []string{"法院电话", "法院的电话", "法院联系电话", "法院的联系电话", "法院联系方式", "法院的联系方式", "立案庭电话",
		"立案庭的电话", "法官电话", "法官的电话", "书记员电话", "书记员的电话", "法庭电话"}},
	{"judge", []string{"审判长", "法官是谁", "哪个法官", "主审法官", "承办法官", "审判员", "书记员是谁", "合议庭", "法官叫", "哪位法官", "法官", "书记员"}},
	{"personal-id", []string{"身份证", "证件号", "家庭住址", "住址", "家庭地址", "家住", "住哪", "住在哪", "户籍", "多大年纪", "年龄", "原告电话", "原告的电话", "原告手机", "原告的手机",
		"对方电话", "对方的电话", "当事人电话", "当事人的电话", "申请人电话", "申请人的电话"}},
	{"directions", []string{"法院地址", "法院的地址", "法院在哪", "法院在什么地方", "法院位置", "法院的位置", "怎么走", "咋个走", "咋走", "怎样走", "怎么去", "咋个去", "咋去", "怎么过去", "咋过去", "怎么到", "路线", "导航", "在什么位置", "停车", "几路车"}},
	{"judgment-text", []string{"判决书全文", "判决书原文", "裁判文书全文", "文书全文", "判决书发我", "判决书给我", "全文"}},
	{"material-deadline", []string{"材料什么时候", "材料要什么时候", "材料截止", "交材料", "材料之前要交", "提交材料的期限", "补充材料"}},
	{"amount", []string{"赔了多少钱", "罚了多少钱", "罚款多少钱", "赔偿多少钱", "判赔多少钱", "赔多少钱", "罚多少钱", "判了多少钱", "判多少钱", "赔了多少", "赔多少", "赔偿多少", "赔偿金额", "赔偿数额", "判赔", "罚了多少", "罚款多少", "罚款金额", "罚了好多",
		"赔了好多", "多少钱", "好多钱", "金额是多少", "涉案金额", "标的额"}},
	{"duration", []string{"庭审持续", "持续多久", "持续多长", "持续了多久", "开了多久", "开了多长时间", "开了好久", "庭审多久", "庭审多长时间", "庭审时长",
		"开庭多久", "开庭多长时间", "开庭时长", "审了多久", "审了好久", "开了几个小时", "开了几小时",
		"开庭用了多长时间", "开庭用了多久", "庭审用了多长时间", "庭审用了多久", "开庭用了", "庭审用了", "开庭花了", "庭审花了", "开庭要多久", "开庭要多长时间", "庭审要多久"}},
	// 出庭通知书法院送了没有, 117号传票收到没: the court's notice is not
	// recorded; the rule says when it is due.
	{"court-notice", []string{"出庭通知书", "出庭通知", "应诉通知书", "应诉通知", "传票", "开庭通知书", "开庭通知"}},
	{"third-party", []string{"第三人是谁", "第三人是哪个", "第三人叫", "第三人有", "有没有第三人", "第三人", "第3人"}},
	{"absence-reason", []string{"说明理由", "说明原因", "书面说明", "说了理由", "说了原因", "讲了原因", "讲了理由", "未出庭理由", "未出庭的理由",
		"没出庭的理由", "没出庭的原因", "没去的原因", "没去的理由", "为什么没去", "为啥没去", "咋个没去", "为什么没出庭", "为啥没出庭"}},
	{"plaintiff-appearance", []string{"原告来了", "原告到了", "原告到庭", "原告来没来", "原告出庭了", "对方来了", "对方到了", "对方到庭", "对方出庭",
		"原告来不来", "原告会不会来", "原告会来", "原告要来", "原告出不出庭", "原告到不到", "对方来不来", "对方会不会来", "对方会来",
		"对方要来", "对方出不出庭", "对方到不到", "对方来人", "申请人来不来", "申请人来了"}},
}

// notHeldForms are the not-held questions said in too many ways for a
// word list: whether the other side comes (原告那边来不来人, 对方会不会到庭).
var notHeldForms = []struct {
	topic string
	re    *pattern
}{
	{"plaintiff-appearance", mustCompile(`(?:原告|对方当事人|对方|申请人)(?:那边|那方|方面|方|的人)?(?:会不会|会|要|能|有没有人|有人)?(?:来|到|出庭|到庭|出席)(?:了没|没有|不来|不到|没来|没到|不|没|了|吗|人)+`)},
	// 镇政府那边来人没, 交通局那边到了没有: another side's attendance (a
	// co-defendant), which no field records; our own side (我们那边) is not.
	{"side-appearance", mustCompile(`(?:^|[\s，,])(?:另外|还有|那)?(?:镇政府|乡政府|镇里|乡里|镇上|街道|[^我们本\s，,]\p{Han}{0,4}?局|[^我们本\s，,]\p{Han}{0,3}?政府)那边(?:有没有人|有人)?(?:来|到|出庭|到庭|出席)(?:人)?(?:了没|没有|没来|没到|没|了吗|吗|了没有)`)},
}

// judgeSaidRe is the court's people as the source of what is told (法官说,
// 书记员讲了, 审判长当庭表示).
var judgeSaidRe = mustCompile(`(?:审判长|审判员|主审法官|承办法官|法官|书记员)(?:那边|刚才|刚刚|当时|当庭|庭上|也|又|就)?(?:说|讲|表示|宣布|让|要求|通知|打电话|来电话|电话)`)

// notHeld marks a question about something the ledger does not hold.
func (r *reader) notHeld(norm string) {
	if r.u.Kind == News && r.u.News != nil && r.u.News.Kind != Cannot {
		// 法官请假 改成下周一: news of the hearing, its reason told in
		// passing; nothing is asked of what the ledger does not hold.
		return
	}
	for _, f := range notHeldForms {
		if m := f.re.FindString(norm); m != "" {
			r.u.NotHeld = f.topic
			r.u.Residue = slices.DeleteFunc(r.u.Residue, func(res string) bool { return strings.Contains(m, res) || strings.Contains(res, m) })
			if r.u.Kind == Case {
				r.u.Aspect = ""
			}
			return
		}
	}
	for _, t := range notHeldTopics {
		in := norm
		if t.topic == "judge" {
			// 法官说另行通知, 书记员讲等通知: the judge is who said it, the
			// message's source; nothing is asked of the judge.
			in = judgeSaidRe.ReplaceAllString(norm, "")
		}
		for _, w := range t.words {
			if strings.Contains(in, w) {
				r.u.NotHeld = t.topic
				// The words that asked it were answered by the statement
				// of what is not held: no residue to echo (法官是哪个 after
				// a hearing is not "未能按“法官”筛选").
				// A word another rule cut in part (出庭 of 出庭通知书) leaves
				// the rest leading a run: that run was asked too.
				r.u.Residue = slices.DeleteFunc(r.u.Residue, func(res string) bool {
					return strings.Contains(res, w) || strings.Contains(w, res) || leadsWithTail(res, w)
				})
				// The question is about what is not held: the words around
				// it (是哪个, 承办法官, 什么时候交) asked for it, not for another
				// fact of the case. An appeal's papers are due within the
				// 上诉期, which the ledger counts: that is the fact to give.
				switch {
				case t.topic == "material-deadline" && strings.Contains(norm, "上诉"):
					r.u.Aspect, r.u.Stage = Deadline, ""
				case t.topic == "amount" && r.u.Kind == Case:
					// 行初85赔了多少: the amount, when its 结案方式 or 备注
					// writes one; the fact says which fields hold none.
					r.u.Aspect, r.u.NotHeld = Amount, ""
				case r.u.Kind == Case:
					r.u.Aspect = ""
				}
				return
			}
		}
	}
}

// leadsWithTail reports whether res begins with the last two or more
// characters of w (通知书法院送了没 after 出庭通知书).
func leadsWithTail(res, w string) bool {
	rs := []rune(w)
	for k := 1; k <= len(rs)-2; k++ {
		if strings.HasPrefix(res, string(rs[k:])) {
			return true
		}
	}
	return false
}

// bare strips politeness and punctuation from both ends, lower-cased.
func bare(s string) string {
	for changed := true; changed; {
		changed = false
		s = strings.TrimFunc(s, func(r rune) bool {
			return unicode.IsSpace(r) || unicode.IsPunct(r) && r != '?' || unicode.IsSymbol(r)
		})
		for _, p := range []string{"请问", "麻烦", "您好", "你好", "请", "老师"} {
			if rest, ok := strings.CutPrefix(s, p); ok && rest != "" {
				s, changed = rest, true
			}
		}
		for _, p := range []string{"谢谢了", "谢谢", "多谢", "辛苦了", "辛苦", "吗", "呢", "吧", "啊", "呀", "哈", "谢"} {
			if rest, ok := strings.CutSuffix(s, p); ok && rest != "" {
				s, changed = rest, true
			}
		}
		if t := strings.TrimRight(s, "?"); t != s && t != "" {
			s, changed = t, true
		}
	}
	return strings.ToLower(s)
}

// acknowledges reports whether a message only acknowledges: it is made of
// acknowledgement words, or starts with one and asks nothing (收到，准时参加;
// but 好的，那下周的呢 asks). A one-character acknowledgement (行, 好, 嗯) at
// the start of a word (行政协议的案子, 好多庭) is not one: it must be followed
// by a break, the end, or another acknowledgement.
func acknowledges(norm string) bool {
	segs := strings.FieldsFunc(strings.ToLower(norm), func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r)
	})
	if len(segs) == 0 {
		return false
	}
	first := true
	for i, seg := range segs {
		for rest := seg; rest != ""; {
			w := ""
			for _, a := range ackWords {
				if strings.HasPrefix(rest, a) {
					w = a
					break
				}
			}
			if w != "" && utf8.RuneCountInString(w) == 1 && len(rest) > len(w) {
				next, _ := utf8.DecodeRuneInString(rest[len(w):])
				if !strings.ContainsRune("了啦啊呀哈嘛喽哦噢呐的", next) &&
					!slices.ContainsFunc(ackWords, func(a string) bool { return strings.HasPrefix(rest[len(w):], a) }) {
					w = "" // the start of a word
				}
			}
			if w == "" {
				if first {
					return false
				}
				return statement(strings.Join(append([]string{rest}, segs[i+1:]...), ""), norm)
			}
			first = false
			rest = rest[len(w):]
		}
	}
	return true
}

// fewWordsStrip is built once, not on every call (building a Replacer allocates).
var fewWordsStrip = strings.NewReplacer("这几", "", "那几", "")

// statement reports whether what follows an acknowledgement only states
// something: no question in it, no case number, nothing to look up or
// report (改期, 推迟, 取消, 去不了).
func statement(rest, norm string) bool {
	// 好的 那今年出庭率, 行 明天的庭提醒发了没, 好 再问下…: an acknowledgement
	// that leads into the next question, which must not be swallowed.
	for _, w := range []string{"那", "再", "还有", "然后", "另外", "顺便", "请问", "问下", "问一下", "帮我", "麻烦"} {
		if strings.HasPrefix(rest, w) {
			return false
		}
	}
	for _, w := range []string{"没", "不", "否"} {
		if strings.HasSuffix(rest, w) {
			return false
		}
	}
	if ackRequestRe.MatchString(rest) {
		// 好 住建和镇政府也补上: a request after the 好, to be answered or
		// named unanswered, never thanked for.
		return false
	}
	for _, w := range []string{"咋", "如何", "率", "通报", "情况"} {
		if strings.Contains(rest, w) {
			return false
		}
	}
	// 这几篇我先发给科长看: 这几/那几 point at things, they ask no number.
	asked := fewWordsStrip.Replace(rest)
	for _, q := range questionMarks {
		if strings.Contains(asked, q) {
			return false
		}
	}
	// 何县长那边我已经电话说过了: a thing already done by the teller, told
	// along with the thanks, may run longer than a remark.
	limit := 12
	if toldDoneRe.MatchString(rest) {
		limit = 24
	}
	return !strings.ContainsAny(rest, "0123456789") && !strings.ContainsAny(norm, "?？") &&
		utf8.RuneCountInString(rest) <= limit && !strings.Contains(rest, "改") && !strings.Contains(rest, "推迟") &&
		!strings.Contains(rest, "取消") && !strings.Contains(rest, "不了")
}

// ackRequestRe is something asked to be done, after an acknowledgement (好
// 住建和镇政府也补上, 行 把教育局也加进去): an act of the message, not part
// of the thanks. What the teller does (好 我先补录一下) is still theirs.
var ackRequestRe = mustCompile(`^[^我]*(?:补上|补一下|补录|补进|补齐|加上|加进|加一下|添加|导入|导进|录入|录进|也列|列一下|列出)`)

// toldDoneRe is the teller's own errand told as done (我已经电话说过了, 我
// 已经通知他了, 跟他讲过了): nothing to look up in it.
var toldDoneRe = mustCompile(`(?:已经|都|早就|刚才|刚刚?)+(?:打|用|当面)?(?:电话|微信)?(?:跟\p{Han}{1,4})?(?:说过|讲过|说了|讲了|通知过|通知了|告诉过|告诉了|转告了|转告过|联系过|联系了|交代过|交代了)`)

// emojiAck reports whether a message of symbols alone (👌, 👍👍, 🙏) is an
// acknowledgement: it holds an emoji and no question mark or puzzled face.
func emojiAck(raw string) bool {
	emoji := false
	for _, r := range raw {
		switch {
		case strings.ContainsRune("?？❓❔🤔😕😟🙄", r):
			return false
		case unicode.Is(unicode.So, r) || r >= 0x1F000 && r <= 0x1FAFF:
			emoji = true
		}
	}
	return emoji
}

// attachedQRe asks whether a case's decision has been attached: the
// document, an upload verb within a few characters, and a question.
var attachedQRe = mustCompile(`(?:判决书|裁定书|裁判文书|文书|决定书)[^，。,？?]{0,4}?(?:有没有|是否|有无|有没)(?:上传|传|挂|附|关联|导入)|(?:判决书|裁定书|裁判文书|文书|决定书)[^，。,？?]{0,6}?(?:上传|传|挂|附|关联|导入)(?:上来|上去|进去|到系统|到台账)?(?:了吗|了没有|了没|没有|没|了不|吗|了吧)|有没有(?:上传|传)(?:判决书|裁定书|裁判文书|文书|决定书)`)

// remindAskRe makes a mention of reminders a question about them.
var remindAskRe = mustCompile(`没|吗|么|是否|有无|[?？]|收到|到了|过|不[?？]?$|` + scheduledRemind)

// scheduledRemind asks for the day-before reminder (提前一天给他发个提醒,
// 开庭前一天记得提醒孙局), which is already scheduled: its plan is the answer.
const scheduledRemind = `提前|前一天|前一日|头一天|到时候|记得`

var scheduledRemindRe = mustCompile(scheduledRemind)

// backRe reads a step back from the month last spoken of: 再往前一个月,
// 往前两个月, 再前一个月, 前一个月的, 上一期, 再上一期.
var backRe = mustCompile(`(?:再往前|往前|再前|再早|前推)(一|两|二|三|四|五|六|[1-6])个?月|^前(一|两|二|三)个月|(?:再上|上|前)(一)期`)

// backMonths is how many months backRe's match steps back.
func backMonths(m []string) int {
	for _, g := range m[1:] {
		if g == "" {
			continue
		}
		if n := strings.IndexRune("一二三四五六", []rune(g)[0]); n >= 0 {
			return n/3 + 1 // a Han digit is three bytes
		}
		if g == "两" {
			return 2
		}
		return int(g[0] - '0')
	}
	return 1
}

var leadAckRe = mustCompile(`^\s*(好的|好嘞|好吧|好|嗯嗯|嗯|收到|明白了|明白|知道了|行|ok|OK|谢谢)[\s,，.。!！、]`)

var pickRe = mustCompile(`^[\x00\s]*(?:那|那么|再|看看|看下|看一下|打开|查看|点开|要|就|就用|用|选|就选|写|就写|选择)*\s*第\s*([一二三四五六七八九十两\d]{1,3})\s*(?:个|条|件|项|场|位|号案|篇)`)

// pick reads 第二个: an item of the last list.
func (r *reader) pick() {
	m, ok := r.t.take(pickRe, 0)
	if !ok {
		return
	}
	n, err := strconv.Atoi(m[1])
	if err != nil {
		n, _ = cnNumber(m[1])
	}
	if n > 0 {
		r.u.Ordinal = n
	}
}

// shortNumber finds a case number written without its year or court:
// 行初123, 25行初123, 2025行初123号, 黔0115行初123.
var shortNumber = mustCompile(`(?:\(?((?:19|20)?\d{2})\)?\s*年?\s*)?(最高法|[` + cases.Provinces + `](?:\d{4}|\d{2})?)?\s*(知)?\s*(行\p{Han}{1,2}|赔辖终?|司救行)\s*(\d{1,8})\s*号?`)

// legacyNoYear is an old-style number written after its year without the
// brackets: 2015年那个黔高行终字第12号.
var legacyNoYear = mustCompile(`((?:19|20)\d{2})\s*年?([^\d\x00]{1,8}?)(行[\p{Han}]{1,2}字第\s*\d{1,6}\s*号)`)

func findShort(t string, o Options) (short string, numbers []string, ok bool) {
	m := shortNumber.FindStringSubmatch(t)
	if m == nil {
		return "", nil, false
	}
	return completeShort(m, o)
}

func completeShort(m []string, o Options) (short string, numbers []string, ok bool) {
	year := o.Now.Year()
	if m[1] != "" {
		year, _ = strconv.Atoi(m[1])
		if year < 100 {
			year += 2000
		}
	}
	courts := o.Courts
	if m[2] != "" {
		courts = []string{m[2]}
	}
	// Type codes are at most three characters; the pattern may have taken
	// one more (行初一) that ParseNumber then refuses.
	valid := false
	for _, c := range courts {
		n, err := cases.ParseNumber("(" + strconv.Itoa(year) + ")" + c + m[3] + m[4] + m[5] + "号")
		if err == nil {
			numbers = append(numbers, n.String())
			valid = true
		}
	}
	if !valid {
		// Check the code itself, with a stand-in court, so that 行初123
		// is recognised even when no court is configured.
		if _, err := cases.ParseNumber("(" + strconv.Itoa(year) + ")京01" + m[3] + m[4] + m[5] + "号"); err != nil {
			return "", nil, false
		}
	}
	return strings.TrimSpace(m[0]), numbers, true
}

// seqRe is a bare sequence number: 117号, 88号那个案子, 117那个案子; reconRe
// a 复议 one: 复41号, 复议41号, 41号复议.
var (
	seqHaoRe  = mustCompile(`(?:案号|案子号)?\s*(\d{1,5})\s*号`)
	seqCaseRe = mustCompile(`(\d{1,5})\s*(?:那个案|这个案|案子|案件|的案)`)
	reconRe   = mustCompile(`复议?\s*(?:第)?\s*(\d{1,4})\s*号?|(\d{1,4})\s*号?\s*复议`)
	// A stage or a court paper right after the number is a case's too (21号
	// 终审判决书收到了, 12号二审那个): no day has an instance or a 判决书.
	caseAfter = []string{"那个案", "这个案", "案", "的案", "那件", "这件", "终审", "二审", "一审", "再审", "判决书", "裁定书"}
	// caseAskAfter are what is asked of one case, not of a day: 21号判了吗,
	// 12号撤诉了吗, 21号的原告是谁, 85号那边啥进展. After a number of 1–31
	// they make it the case's sequence number, where a day would give a
	// none for a question no day answers (what of the hearings on the 21st
	// was 判了?). Words of hearings on a day (12号的庭, 12号上午, 12号有几个庭,
	// 12号结案的) are not among them.
	caseAskAfter = []string{"判了", "判没", "判决了", "判下来", "判的", "判了没", "判完", "宣判了", "结了", "结没", "结案了", "结案没",
		"撤诉了", "撤诉没", "撤了", "上诉了", "上诉没", "原告", "被告", "申请人", "第三人", "承办", "出庭负责人", "负责人",
		"进展", "进度", "怎么样", "咋样", "怎样", "什么情况", "啥情况", "情况", "到哪", "案由", "结果", "下次", "现在",
		"哪个法院", "什么法院", "哪个单位的", "是谁的", "谁承办", "谁负责", "是哪个局",
		"出结果", "有结果", "结果出", "出判决", "有判决", "宣判没", "裁定了", "裁了",
		// 21号的判决下来没, 21号的裁定书: a court paper of a case, no day's
		"判决", "裁定", "文书", "上诉期", "判维持", "维持原判", "维持了", "改判", "判撤销", "判驳回", "驳回上诉"}
)

// followRe asks to be told of a case later (101判了通知我一下, 帮我盯一下85号,
// 开庭前一天提醒我, 有新情况及时告诉我): the bot keeps no such subscription,
// so the request is read (Follow) and answered with what is sent anyway.
var followRe = mustCompile(`(?:前(?:一天|1天|两天|2天|一日)?)?(?:麻烦|请|记得|及时|第一时间|马上|务必|到时候?|到时)*` +
	`(?:通知我|告诉我|告知我|提醒我|跟我说|和我说|给我说|通知一下我|提醒一下我|告诉一下我|通知下我|提醒下我|说一声)(?:一下|一声|下)?|` +
	`(?:帮我|帮忙|麻烦)?(?:盯一下|盯着点|盯着|盯紧点?|盯下|关注一下|关注下|跟一下|跟进一下|跟踪一下|留意一下)`)

// follow reads a request to be told later (followRe); 我 in it asks for
// the asker's own hearings when nothing else is named (开庭前一天提醒我).
func (r *reader) follow() {
	v, _ := r.t.view()
	if !asksToFollow(v) {
		return
	}
	if m, ok := r.t.take(followRe, 0); ok {
		r.u.Follow = true
		r.followSelf = strings.Contains(m[0], "我")
	}
}

// asksToFollow reports whether t asks to be told later (followRe): 通知我们
// (法院通知我们101号判了) tells what someone was told, not a request.
func asksToFollow(t string) bool {
	loc := followRe.FindStringIndex(t)
	return loc != nil && !strings.HasPrefix(t[loc[1]:], "们")
}

// asksOfCase reports whether what follows a number 1–31 with 号 asks of a
// case (caseAskAfter), past a joining 的, 那个, 这个 or 那边.
func asksOfCase(after string) bool {
	after = strings.TrimLeft(after, " ")
	// 21号二审判了没, 21号的那个判了没: a stage word and a joining word
	// may stand between; each is passed once, in this order.
	// 21号中院判维持了: a court, too.
	for _, js := range [][]string{{"的"}, {"一审", "二审", "再审", "复议", "诉讼"}, {"的"}, {"那个", "这个", "那边", "这边"}, {"中院", "高院", "市中院", "中级法院", "县法院", "法院"}} {
		for _, j := range js {
			if strings.HasPrefix(after, j) {
				after = strings.TrimPrefix(after, j)
				break
			}
		}
	}
	after = strings.TrimRight(after, " ?？。呢啊")
	return slices.ContainsFunc(caseAskAfter, func(w string) bool { return strings.HasPrefix(after, w) })
}

// numbers reads case numbers: full ones, short ones, bare sequences.
func (r *reader) numbers() error {
	v, _ := r.t.view()
	for _, n := range cases.FindNumbers(v) {
		s := n.String()
		sp := numberSpan(v, s)
		if sp[1] > sp[0] {
			start := utf8.RuneCountInString(v[:sp[0]])
			r.t.mark(start, start+utf8.RuneCountInString(v[sp[0]:sp[1]]))
		}
		r.u.Numbers = append(r.u.Numbers, s)
		v, _ = r.t.view()
	}
	if len(r.u.Numbers) > 0 {
		r.u.Anchored = true
		return nil
	}
	if m, s, e, ok := r.t.find(legacyNoYear, 0); ok {
		// The court is what is left between the year and the type once
		// filler is dropped (那个黔高 → 黔高).
		court := m[2]
		for _, f := range append([]string{"的是", "那个", "这个", "案号", "的", "是"}, Fillers...) {
			court = strings.ReplaceAll(court, f, "")
		}
		if n, err := cases.ParseNumber("(" + m[1] + ")" + strings.TrimSpace(court) + m[3]); err == nil && court != "" {
			r.t.mark(s, e)
			r.u.Numbers, r.u.Anchored = []string{n.String()}, true
			return nil
		}
	}
	for {
		m, s, e, ok := r.t.find(shortNumber, 0)
		if !ok {
			break
		}
		if m[3] != "" && m[1] == "" && m[2] == "" && s > 0 && unicode.Is(unicode.Han, r.t.rs[s-1]) {
			// 整改通知行初70, 告知 行初85: the 知 ends a word (通知, 告知),
			// not the 知 of an IP court's number, which follows a court.
			m[3], m[0] = "", strings.TrimLeft(strings.TrimPrefix(strings.TrimSpace(m[0]), "知"), " ")
			s++
		}
		short, numbers, valid := completeShort(m, r.o)
		if !valid {
			break
		}
		r.t.mark(s, e)
		if r.u.Short == "" {
			r.u.Short = short
		} else {
			r.u.Short += "、" + short
		}
		r.u.Numbers = append(r.u.Numbers, numbers...)
	}
	if r.u.Short != "" {
		r.u.Anchored = true
		return nil
	}
	if m, ok := r.t.take(reconRe, 0); ok {
		r.u.Seq, _ = strconv.Atoi(m[1] + m[2])
		r.u.Recon, r.u.Anchored = true, true
		return nil
	}
	// 117号, 88号那个案子: a day of the month is 1–31 and not followed by
	// a word for a case; those are left to the periods.
	if m, s, e, ok := r.t.find(seqHaoRe, 0); ok {
		n, _ := strconv.Atoi(m[1])
		after := r.t.after(e)
		caseWord := slices.ContainsFunc(caseAfter, func(w string) bool { return strings.HasPrefix(after, w) })
		if n > 31 || caseWord || asksOfCase(after) {
			r.t.mark(s, e)
			r.u.Seq, r.u.Anchored = n, true
			return nil
		}
	}
	if m, s, e, ok := r.t.find(seqCaseRe, 1); ok {
		r.t.mark(s, e)
		r.u.Seq, _ = strconv.Atoi(m[1])
		r.u.Anchored = true
		return nil
	}
	// 查下117, 117的情况: a number of two to five digits standing alone (not
	// a day, a time, a count or a year, which the periods and the counts
	// read) is a case's sequence number; 150字 is a length.
	if m, s, e, ok := r.t.find(bareSeqRe, 1); ok {
		after := r.t.after(e)
		if c, _ := utf8.DecodeRuneInString(after); after == "" || !strings.ContainsRune("年月日号点时件个天%:场次周元万岁条项字", c) {
			r.t.mark(s, e)
			r.u.Seq, _ = strconv.Atoi(m[1])
			r.u.Anchored = true
		}
	}
	return nil
}

// clashRe asks whether a hearing clashes with others that day (和别的庭撞了没,
// 那天还有别的庭吗, 时间冲突吗, 同一天还有其他庭没有).
var clashRe = mustCompile(`(?:那天|当天|同一天|同天|那一天|当日|同一时间|那个时间)?(?:还有|有没有|有无|另有|又有|有)?(?:和|跟|与)?(?:别的|其他|其它|另外的?|其余)(?:的)?(?:庭|开庭|庭审|案子|案件)` +
	`(?:要开|安排)?(?:撞了没有|撞了没|撞了吗|撞没撞|撞车|撞期|冲突|重了|吗|么|没有|没)?|撞了没有|撞了没|撞了吗|撞没撞|撞车了?|撞期|撞庭|时间冲突|有冲突|冲突了?吗|冲突没|冲不冲突|冲突不|重没重|(?:同一天|同天|那天|当天)(?:还有|有没有)(?:庭|开庭)`)

var bareSeqRe = mustCompile(`(?:^|[^\d.:\-/])(\d{2,5})(?:$|[^\d.:\-/%])`)

var (
	movedVerbs = []string{"推迟到", "推迟至", "延期到", "延期至", "延后到", "推后到", "提前到", "改期到", "改期至", "改期为", "改到",
		"延到", "推到", "顺延到", "延迟到", "改至", "挪至",
		"改为", "改成", "改在", "调到", "调整到", "调整为", "挪到", "延至", "换到"}
	postponedVerbs = []string{"推迟了", "延期了", "延后了", "推后了", "改期了", "要改期", "往后推", "往后延", "顺延", "推迟", "延期", "延后", "改期",
		"暂缓开庭", "择期开庭", "另行通知"}
	cancelledVerbs = []string{"不开庭了", "取消了", "不开了", "撤庭了", "取消"}
	// hearingDropped say a hearing was called off (那个庭法院说撤了) only
	// when a 庭 stands before them; of a case they tell a withdrawal.
	hearingDropped = []string{"撤掉了", "撤了"}
	cannotVerbs    = []string{"出不了庭", "不能出庭", "无法出庭", "没法出庭", "去不了", "来不了", "参加不了", "没法去", "赶不过去",
		"赶不回来", "出不了", "不能去", "去不成",
		// 我不去了, 明天不来了: the head's answer that they will not go
		"我不去了", "不去了", "我不去", "去不到", "不来了", "参加不到", "不参加了", "没空去",
		// someone else in the head's place: staff must record the change
		"代替我出庭", "代替我去", "代我出庭", "替我出庭", "代我去", "替我去", "换人出庭", "换个人出庭", "换人去", "换个人去",
		// 那个庭改由王副局长去: the substitute named, no 替 said
		"改由", "改派"}
	newsMarkers = []string{"刚接到法院通知", "法院刚打电话说", "法院打电话说", "法院刚打电话", "法院刚通知", "法院通知说", "法院通知",
		"法院说", "书记员说", "法官说", "刚接到通知", "接到通知", "刚收到通知", "临时有事", "有个会", "有会"}
	// askChange words ask whether a hearing moved: a question, not news.
	askChange = []string{"有没有改期", "是不是改期", "改期了没", "改期了吗", "改期没", "有没有推迟", "推迟了吗", "取消了吗",
		"取消了没有", "取消了没", "取消没有", "有没有取消", "是不是取消了", "是否取消", "改期了没有", "推迟了没有"}
)

// changesAskRe asks, of no hearing in particular, which hearings were
// moved: 开庭时间有变的有吗, 有没有庭改时间了, 最近哪些庭推迟了, 有没有改了开庭时间
// 的案子. A message naming a case asks about that case (askChange).
var changesAskRe = mustCompile(`(?:开庭|庭审)?时间(?:有|有没有|有无|都)?(?:变|变化|变动|调整|改动|更改|改)(?:过|了|的)*|` +
	`(?:哪些|哪几场|哪几个|哪个|有没有|有无|有)(?:庭|场|案子|案件|开庭)?(?:被)?(?:推迟|延期|延后|改期|改时间|改了时间|调整|取消|调时间)(?:了|过|的)*|` +
	`(?:改|调|变)(?:了|过)(?:开庭)?时间(?:的)?`)

// changeRune is a character every form of changesAskRe holds one of: a
// message with none is not read further (nor copied to a string).
func changeRune(r rune) bool { return strings.ContainsRune("变改推延调取", r) }

// changesAsked reports whether s is a question (not news: 开庭时间改了
// 改到下周三 reports a change) that changesAskRe may read.
func changesAsked(s string) bool {
	if !changesAskRe.MatchString(s) || !questionMarkRe.MatchString(s) {
		return false
	}
	for _, ws := range [][]string{movedVerbs, newsMarkers} {
		for _, w := range ws {
			if strings.Contains(s, w) {
				return false
			}
		}
	}
	return true
}

// nextSetAskRe asks whether the next hearing's date is set (下次开庭定了没,
// 第二次庭审时间定下来没有, 下一次开庭时间出来了吗).
var nextSetAskRe = mustCompile(`(?:下次|下一次|下回|再次|第二次|后面的?|续)(?:开庭|庭审|庭|开)(?:的)?(?:时间|日期|日子)?(?:定了?没有?|定了吗|定没定|定下来?了?没有?|定下来了?吗|确定了?没有?|确定了吗|出来了?没有?|出来了吗|有了?没有?|有了吗|有没有定|通知了?没有?|通知了吗)`)

// nextSetWords are nextSetAskRe's words, cut once it is read.
var nextSetWords = []string{"下一次", "下次", "下回", "再次", "第二次", "时间", "日期", "日子", "定下来了没有", "定下来没有", "定下来了没", "定下来没", "定下来了吗", "定了没有", "定了没", "定了吗", "定没定",
	"确定了没有", "确定了没", "确定了吗", "确定没", "出来了没有", "出来没有", "出来了没", "出来没", "出来了吗", "有了没有", "有没有定", "有了没", "有了吗", "通知了没有", "通知了没", "通知了吗", "等通知", "上次"}

var questionMarkRe = mustCompile(`吗|么|没|哪|有无|有没有|不|\?|有的|的有`)

// newsAndChanges reads a report about a hearing (改到…, 推迟了, 取消了, 去不了)
// and a question about recent changes (最近改期).
func (r *reader) newsAndChanges() {
	if _, ok := r.t.cut(changesWords...); ok {
		r.changes, r.u.Anchored = true, true
		r.t.cutAll("有没有", "有哪些", "哪些", "的庭", "的案子", "开庭", "情况")
		return
	}
	if len(r.u.Numbers) == 0 && r.u.Short == "" && r.u.Seq == 0 && slices.ContainsFunc(r.t.rs, changeRune) && changesAsked(string(r.t.rs)) {
		if _, ok := r.t.take(changesAskRe, 0); ok {
			// 开庭时间有变的有吗, 最近哪些庭推迟了: the recent changes, asked
			// of no one hearing.
			r.changes, r.u.Anchored = true, true
			r.t.cutAll("有没有", "有哪些", "哪些", "的庭", "的案子", "开庭", "情况", "有吗", "有没")
			return
		}
	}
	if w, ok := r.t.cut(askChange...); ok {
		r.u.Aspect, r.u.Hearing = When, true
		_ = w
		return
	}
	if nextSetAskRe.MatchString(string(r.t.rs)) {
		// 101号下次开庭定了没 法官说另行通知: the next date asked; the
		// 另行通知 is what the court said after the hearing held, not news
		// of a postponement to relay.
		r.t.cutAll(postponedVerbs...)
		r.t.cutAll(newsMarkers...)
		r.t.cutAll(nextSetWords...)
		r.u.Aspect, r.u.Hearing = When, true
		return
	}
	kept := r.keptClause()
	ordinal := 0
	if slices.ContainsFunc(r.t.rs, changeRune) || strings.Contains(v0(r.t), "不开") {
		if m, ok := r.t.take(sittingOrdinalRe, 0); ok {
			ordinal = sittingOrdinal(m)
		}
	}
	now := r.o.Now
	find := func(kind NewsKind, verbs []string) bool {
		for _, v := range verbs {
			i := r.t.index(v)
			if i < 0 {
				continue
			}
			end := i + utf8.RuneCountInString(v)
			tail := r.t.after(end)
			if kind == Cannot && otherSideRe.MatchString(clauseBefore(r.t.rs, i)) {
				// 镇政府那边说他们不来了: another side will not come, not our
				// head; a report of it, no absence to relay as the head's.
				continue
			}
			if (kind == Postponed || kind == Moved) && askedForRe.MatchString(clauseBefore(r.t.rs, i)) {
				// 原告说要申请延期 法院还没答复: a party asking for a delay, not a
				// hearing the court has moved.
				continue
			}
			if (kind == Moved || kind == Postponed || kind == Cancelled) && (askedAfter(tail) || askedWhether(clauseBefore(r.t.rs, i), tail)) {
				// 中院那个庭改到什么时候了: a question about the change.
				r.t.mark(i, end+utf8.RuneCountInString(tail))
				r.u.Aspect, r.u.Hearing = When, true
				return true
			}
			if kind == Moved && !timeFirst(tail, now) {
				// 答辩状框架改成正式一点的: 改成 with no time after it is an
				// edit, not a hearing moved (一点 read as 13:00 moved one).
				continue
			}
			r.t.mark(i, end)
			n := &Report{Kind: kind}
			switch kind {
			case Moved, Postponed:
				sub := newText(tail)
				if p, ok := takePeriod(sub, now, future); ok && p.To.Equal(p.From.AddDate(0, 0, 1)) {
					n.At = p.From
				}
				if h, m, ok := takeClock(sub); ok {
					if n.At.IsZero() {
						n.At = time.Date(1, 1, 1, h, m, 0, 0, now.Location())
					} else {
						n.At = time.Date(n.At.Year(), n.At.Month(), n.At.Day(), h, m, 0, 0, now.Location())
					}
					n.TimeGiven = true
				}
				if !n.TimeGiven {
					for _, w := range todWords {
						if strings.Contains(tail, w.word) {
							n.Half = w.tod
							break
						}
					}
				}
				if n.At.IsZero() {
					n.Kind = Postponed
					if _, ok := takePeriod(newText(tail), now, future); ok {
						// 延到明年1月: the new time, too loose to move the
						// hearing to, is not the hearing's own period.
						r.t.mark(end, end+utf8.RuneCountInString(tail))
					}
				} else {
					n.Kind = Moved
					r.t.mark(end, end+utf8.RuneCountInString(tail))
				}
			case Cannot:
				// What follows is the reason; staff read the message itself.
				r.t.mark(end, end+utf8.RuneCountInString(tail))
			}
			n.Kept, n.Ordinal = kept, ordinal
			r.u.News, r.u.Anchored = n, true
			return true
		}
		return false
	}
	dropped := func() bool {
		v, _ := r.t.view()
		i := strings.Index(v, "庭")
		if i < 0 || strings.Contains(v, "撤诉") || strings.Contains(v, "撤回") || strings.Contains(v, "案子撤") || strings.Contains(v, "案件撤") {
			return false
		}
		for _, w := range hearingDropped {
			if j := strings.Index(v, w); j > i {
				return find(Cancelled, []string{w})
			}
		}
		return false
	}
	if find(Moved, movedVerbs) || find(Cancelled, cancelledVerbs) || dropped() || find(Cannot, cannotVerbs) || find(Postponed, postponedVerbs) {
		if r.u.News != nil {
			r.u.News.Days = r.daysLeft()
		}
		r.t.cutAll(newsMarkers...)
		r.t.cutAll("让副局长替我", "让别人替我", "替我", "我临时", "我这边", "了")
	}
}

// askedForRe is a party asking for a change rather than the court making
// it (原告说要申请延期, 对方想改期, 我们申请推迟).
var askedForRe = mustCompile(`申请|想要?|打算|准备|要求`)

// clauseBefore is the part of rs's clause before rune i.
func clauseBefore(rs []rune, i int) string {
	s := i
	for s > 0 && !strings.ContainsRune(" \t\n，,。；;！!？?、", rs[s-1]) {
		s--
	}
	return string(rs[s:i])
}

// daysLeft counts the different days the free text names, read on a copy
// (the periods rule reads the first one later).
func (r *reader) daysLeft() int {
	c := &text{rs: r.t.rs, used: slices.Clone(r.t.used)}
	var days []time.Time
	for range 4 {
		p, ok := takePeriod(c, r.o.Now, nearest)
		if !ok {
			break
		}
		if p.Day() && !slices.ContainsFunc(days, p.From.Equal) {
			days = append(days, p.From)
		}
	}
	return len(days)
}

// sittingOrdinalRe counts a case's sittings: 第二次开庭, 第2场, 第一回的庭,
// 后面那次, 后一次, 前面那次, 头一次.
var sittingOrdinalRe = mustCompile(`第([一二三四1-4])(?:次|场|回)(?:开庭|庭审|的庭|的开庭|庭)?|(后面|后边|后一|前面|前边|前一|头一)(?:那|一)?(?:次|场)(?:开庭|庭审|的庭|庭)?`)

// sittingOrdinal is the sitting a sittingOrdinalRe match counts (1-based;
// 后面那次 the second, 前面那次 the first).
func sittingOrdinal(m []string) int {
	switch {
	case m[1] != "":
		return map[string]int{"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}[m[1]]
	case strings.HasPrefix(m[2], "后"):
		return 2
	}
	return 1
}

// timeFirst reports whether the words after a move verb start with the
// new time (改到下周三上午九点半, 改在12月1号, 改成了10点): a period or a clock
// time at once, after 了 or a space at most.
func timeFirst(tail string, now time.Time) bool {
	tail = strings.TrimLeft(tail, " 　了,，:：")
	t := newText(relativeYears(digitsInClocks(monthDays(digitsInDates(caseNumerals(tail)))), now))
	if _, s, _, ok := takePeriodSpan(t, now, future); ok && s == 0 {
		return true
	}
	t = newText(digitsInClocks(digitsInDates(tail)))
	_, s, _, ok := t.find(clockRe, 0)
	return ok && s == 0
}

// keptWords say a hearing stays as it is; a clause holding one beside a
// change names the hearing that is NOT changed.
var keptWords = []string{"只开", "只保留", "保留", "照常", "照旧", "照开", "不变", "没变", "正常开", "正常进行", "还是开", "还开", "继续开",
	"仍然开", "依然开", "依旧", "不受影响", "没取消", "不取消", "没推迟", "不推迟", "没改", "不改"}

// keptClause finds, in a message that tells a change (取消, 推迟, 改到,
// 去不了), a clause saying another hearing stays (只开9号那次, 26号的照常,
// 下周四的保留), takes it whole so that its day is not read as the changed
// hearing's, and returns it; "" when there is none. Without this, 136明天那
// 次取消了 只开9号那次 read 9号 (a date rule outranks the word 明天) and
// proposed cancelling the one hearing that was kept.
func (r *reader) keptClause() string {
	t := r.t
	v, _ := t.view()
	changed := func(s string) bool {
		for _, ws := range [][]string{cancelledVerbs, hearingDropped, postponedVerbs, movedVerbs, cannotVerbs} {
			for _, w := range ws {
				if strings.Contains(s, w) {
					return true
				}
			}
		}
		return false
	}
	if !changed(v) {
		return ""
	}
	// Clause boundaries: punctuation and spaces, the end of a change verb
	// (取消了只开9号), and the start of a kept word that opens a clause (只开).
	n := len(t.rs)
	cut := make([]bool, n+1)
	cut[0], cut[n] = true, true
	for i, c := range t.rs {
		if unicode.IsSpace(c) || unicode.IsPunct(c) || t.used[i] {
			cut[i], cut[i+1] = true, true
		}
	}
	s := string(t.rs)
	for _, ws := range [][]string{cancelledVerbs, hearingDropped, postponedVerbs, cannotVerbs, {"但是", "但", "不过", "只有", "只"}} {
		for _, w := range ws {
			for off := 0; ; {
				j := strings.Index(s[off:], w)
				if j < 0 {
					break
				}
				at := utf8.RuneCountInString(s[:off+j])
				if w == "但是" || w == "但" || w == "不过" || w == "只有" || w == "只" {
					cut[at] = true
				} else {
					cut[at+utf8.RuneCountInString(w)] = true
				}
				off += j + len(w)
			}
		}
	}
	for start := 0; start < n; {
		end := start + 1
		for end < n && !cut[end] {
			end++
		}
		clause := string(t.rs[start:end])
		if !slices.Contains(t.used[start:end], true) && !changed(clause) && slices.ContainsFunc(keptWords, func(w string) bool { return strings.Contains(clause, w) }) {
			if _, _, ok := findPeriod(clause, r.o.Now, nearest); ok || strings.Contains(clause, "那次") || strings.Contains(clause, "那场") {
				t.mark(start, end)
				return strings.TrimSpace(clause)
			}
		}
		start = end
	}
	return ""
}

// deadlineAny name a deadline of any kind (the kinds' own words are
// dueVocabulary, due.go).
var (
	// 快过期, 要逾期: about to run out, not run out (read before overdueWords
	// take 过期 and 逾期).
	deadlineAny = []string{"法定期限", "各类期限", "期限", "快到期", "即将到期", "马上到期", "要到期", "到期",
		"快要过期", "快过期", "即将过期", "马上过期", "要过期", "快要超期", "快超期", "即将超期", "马上超期", "要超期",
		"快要逾期", "快逾期", "即将逾期", "马上逾期", "要逾期",
		// 今天截止还有谁没回复的: what falls due on a day (the day is the
		// period, read first); 截止 alone is also "as of" (截止目前), so
		// only its forms that ask what falls due
		"截止的", "截止还有", "截止还没"}
	overdueWords  = []string{"已经超期", "已超期", "超期", "已经逾期", "已逾期", "逾期", "过期了", "过期", "超过期限", "超时"}
	deadlineTails = []string{"快到了", "快到", "到了没", "还有几天", "还剩几天", "剩几天", "是哪天", "到哪天", "到什么时候", "什么时候到", "截止",
		"过了没有", "过了没", "过了吗", "到了吗",
		"什么时候要回复", "什么时候回复", "要回复", "要注意的", "要注意", "注意一下", "最近", "近期", "近日", "马上"}
	// lossWords make 超期 a reason for losing (答复超期败诉的), not a deadline.
	lossWords = []string{"败诉", "输", "撤销", "纠错", "确认违法", "原因"}
)

// deadlines reads a question about statutory deadlines: a kind named
// (答辩期, 上诉期) or 期限/到期, with 超期/逾期 for those past. 超期 alone
// is a 败诉原因 (答复超期), so it is read here only beside a deadline word.
func (r *reader) deadlines() {
	t := r.t
	if _, ok := t.take(appealableRe, 0); ok {
		// 还能上诉吗, 上诉还来得及不: whether the 上诉期 still runs, one fact.
		r.u.Aspect, r.u.Anchored = Appealable, true
		r.u.DeadlineKinds = []string{"appeal"}
		t.cutAll("最晚", "最迟") // 最晚哪天: the last day is what is given
		// 上不上诉还没定 上诉期到哪天: the period named too is this one, not a 二审
		t.cutAll("上诉期限", "上诉期", "上诉截止")
		t.cutAll(deadlineTails...)
		return
	}
	found := false
	for _, g := range dueVocabulary {
		if ws := t.cutAll(g.phrases...); len(ws) > 0 {
			r.u.DeadlineKinds = append(r.u.DeadlineKinds, g.kind)
			found = true
		}
	}
	if ws := t.cutAll(deadlineAny...); len(ws) > 0 {
		found = true
	}
	if !found {
		// 我们局有没有超期的: overdue, unless it is why a case was lost.
		v, _ := t.view()
		if !slices.ContainsFunc(overdueWords, func(w string) bool { return strings.Contains(v, w) }) ||
			slices.ContainsFunc(lossWords, func(w string) bool { return strings.Contains(v, w) }) {
			return
		}
	}
	if ws := t.cutAll(overdueWords...); len(ws) > 0 {
		r.u.Overdue = true
	}
	if slices.Contains(r.u.DeadlineKinds, "appeal") {
		// 上诉期过了还没登记结果的: the period run out, the outcome not recorded.
		if ws := t.cutAll("已经过了", "过了", "已过", "超过了", "超过", "届满了", "已届满"); len(ws) > 0 {
			r.u.Overdue = true
			t.cutAll("还没有登记", "还没登记", "没有登记", "没登记", "未登记", "还没录", "没录", "结果")
		}
	}
	t.cutAll(deadlineTails...)
	r.u.Aspect, r.u.Anchored = Deadline, true
}

// appealableRe asks whether a case can still be appealed (还能上诉吗,
// 能不能上诉, 上诉还来得及吗, 上诉期过了没).
var appealableRe = mustCompile(`(?:还|现在|目前|那)?(?:能不能|能否|可不可以|可以|能|来得及|来不来得及|还来得及)(?:提起|提出|去|再)?上诉(?:吗|么|不|没|了吗|嘛|吧|呢)?|` +
	`上诉(?:还)?(?:来得及|来不来得及)(?:吗|不|没)?|(?:还有|有没有)(?:机会|时间)上诉|上诉期?(?:过了没有|过了没|过了吗|过没过|还有没有|截止了吗|结束了吗|结束没)|` +
	// 局里还在商量要不要上诉 最晚哪天, 上不上诉 最迟什么时候定: whether to
	// appeal still open, and by when: the 上诉期, never a 二审 filter
	`(?:要不要|打不打算|准备不准备|是否要|是不是要|还在商量要不要|商量要不要|考虑要不要|决定要不要)(?:提起|提出|去)?上诉|` +
	// 县里还上不上诉还没定: 上不上诉 is one word, its 上 shared
	`上不上诉|诉不诉`)

// askedAfter reports whether what follows 改到 or 推迟 asks (什么时候了,
// 几号, 了吗) rather than tells.
// askedWhether reports whether the clause of a change verb asks whether
// the change happened (117号改到下周三了吗, 明天的庭是不是改到下午了):
// a question about the hearing, not news of it.
func askedWhether(before, tail string) bool {
	cl := strings.TrimLeft(tail, "\x00")
	if i := strings.IndexAny(cl, " ，,。；;！!"); i >= 0 {
		cl = cl[:i]
	}
	return yesNoEndRe.MatchString(cl) || whetherRe.MatchString(before) || confirmTagRe.MatchString(strings.TrimSpace(tail))
}

var (
	yesNoEndRe = mustCompile(`(?:吗|么|嘛|没有|没|是吧|对吧|是不是|对不对|是真的吗)[？?]*$|[？?]$`)
	whetherRe  = mustCompile(`是不是|是否|有没有|真的`)
	// confirmTagRe asks the whole message to be confirmed (听说92号改到下周一了
	// 是真的吗).
	confirmTagRe = mustCompile(`(?:是真的吗|真的吗|是吗|对吗|是不是真的|对不对|确定吗|准不准)[？?]*$`)
)

func askedAfter(tail string) bool {
	tail = strings.TrimLeft(tail, "\x00 了")
	for _, q := range []string{"什么时候", "啥时候", "几号", "哪天", "哪一天", "几点", "多久", "吗", "没有", "没", "么", "?"} {
		if strings.HasPrefix(tail, q) {
			return true
		}
	}
	return false
}

var (
	bulletinTails = []string{"出了没有", "出了没", "出了吗", "出来了吗", "出来没", "发了吗", "发了没", "发布了吗", "发布了没", "生成一下",
		"生成", "最新一期", "最新的", "最新", "一期", "发我看看", "发我",
		// 把本月通报导出word: its file (the handler reads EditAsked)
		"能导出word", "导出word", "导出Word", "导出WORD", "导成word", "给我个word版", "给我个Word版", "word版", "Word版", "word文档", "word", "Word", "WORD", "能导出", "导出"}
	mustWords = []string{"应当出庭", "应该出庭", "应出庭", "必须出庭", "要求出庭",
		// 哪几个要负责人去的, 需要领导出庭的有哪些: the 第4条 hearings, said by
		// who must go
		"要负责人去的", "要负责人出庭的", "需要负责人出庭的", "需要负责人去的", "需要负责人出庭", "需要负责人去", "必须负责人出庭", "必须负责人去",
		"要领导去的", "要领导出庭的", "需要领导出庭", "需要领导去", "负责人必须去的", "负责人必须出庭的", "得负责人去的", "得负责人出庭的"}
	// notAppearedWords ask for the hearings a head missed; heldWords for
	// the hearings already held (a relative clause, not 开完了吗).
	notAppearedWords = []string{"负责人没出庭", "负责人没有出庭", "负责人未出庭", "没有出庭的", "没出庭的", "未出庭的", "缺席的", "没去出庭", "负责人没去", "没去的",
		// 负责人没到的庭, 领导没来的: the head's absence said as not coming;
		// 没到 alone is a deadline's (期限没到的), so the head is named.
		"负责人没到", "负责人没有到", "负责人没来", "负责人没有来", "负责人未到", "负责人缺席", "领导没到", "领导没来", "领导没出庭",
		"领导缺席", "局长没来", "局长没到", "没到庭的", "未到庭的", "没到场的",
		// 孙局是不是好几次没出庭了, 经常不出庭: a head's absences counted
		"好几次没出庭", "几次没出庭", "几次没有出庭", "几次没去", "几回没出庭", "经常不出庭", "老是不出庭", "总是不出庭", "经常没出庭",
		"老是没出庭", "总是没出庭", "缺席了几次", "缺了几次庭", "缺庭", "没出庭几次", "没出庭过", "没出过庭", "没出庭的次数"}
	heldWords = []string{"已经开完的", "已经开过的", "开完的", "开过的", "已开的", "开了的", "已开庭的", "已经开庭的"}
	// totalWords ask for the whole ledger.
	totalWords = []string{"台账里一共", "台账上一共", "台账一共", "台账中一共", "系统里一共", "总共有多少案件", "一共有多少案件",
		"台账里", "台账上", "台账中", "系统里", "系统中", "全部案件", "所有案件"}
	upcomingWords = []string{"还没开", "没开", "还有", "要开", "接下来", "即将", "将要", "今后", "以后", "之后", "后面", "剩下"}
	roleWords     = []struct{ word, role string }{{"手上", "handler"}, {"手里", "handler"}, {"名下", "handler"}, {"承办的", "handler"},
		{"经办的", "handler"}, {"负责的", "any"}, {"负责", "any"}}
	// byAgencyWords split a figure by agency; byMonthWords by month.
	byAgencyWords = []string{"按单位排", "按局排", "按部门排", "分单位排", "按单位分", "按局分", "按部门分", "分单位", "分部门",
		"按单位", "按局", "按部门", "按被告单位", "各单位分别", "各个单位", "各个局", "各个部门", "各单位", "每个单位", "每家单位", "各局", "每个局", "各部门", "每个部门"}
	byMonthWords = []string{"按月份分", "按月分", "按月份", "按月", "分月份", "分月", "逐月", "每个月", "各月份", "各月"}
	unitWords    = []string{"哪个单位的", "哪个单位", "哪些单位", "哪家单位", "什么单位", "各单位", "各个单位", "哪个部门", "哪些部门", "哪个局", "哪些局", "哪家局",
		"单位是哪个", "单位是哪些", "单位", "是哪个", "哪个"}
)

// words reads the vocabularies: what is asked for (explain, bulletin,
// rates, counts, hearings, facts) and the filters named by a word.
func (r *reader) words() {
	t := r.t
	if _, ok := t.cut(repeatWords...); ok {
		// Read first, before 案由 and 单位 are taken for slots.
		// 再次败诉的有没有, 同一个单位同样案由又输的: the losses flagged as a
		// repeat, never every loss; what qualifies the repeat is its rule.
		r.u.Repeat, r.u.Metric = true, Lost
		r.u.Filler = append(r.u.Filler, t.cutAll(repeatQualifiers...)...)
	}
	r.courtLevel()
	r.numberYear()
	if ws := t.cutAll(halfDayWords...); len(ws) > 0 {
		// 上午还是下午 (开): a question about the time, answered, not a
		// filter that would find nothing in the other half. Read before
		// the lone 开 of 上午开还是下午开 is taken for a sitting.
		r.u.HalfDay, r.u.Hearing = true, true
		defer func() {
			if r.u.Aspect == "" {
				r.u.Aspect = When
			}
		}()
	}
	if _, _, _, ok := t.find(caseWordRe, 0); ok {
		r.caseWord = true
	}
	if m, i, j, ok := t.find(courtroomRe, 0); ok {
		// 第一法庭明天有几个庭 names the room to look in; 是在第三法庭吧 and
		// 在第几法庭 ask where.
		before, after := string(t.rs[max(0, i-2):i]), strings.TrimLeft(t.after(j), "\x00 ")
		confirm := strings.HasSuffix(before, "在") || strings.HasPrefix(after, "吧") || strings.HasPrefix(after, "吗") ||
			strings.HasPrefix(after, "么") || strings.HasPrefix(after, "对吧") || strings.HasPrefix(after, "是吧")
		t.mark(i, j)
		r.u.Hearing = true
		if confirm {
			if r.u.Aspect == "" {
				r.u.Aspect = Where
			}
		} else {
			r.u.Place = CanonicalPlace(m[0])
		}
	}
	// 给公众号写个案例, 推荐个案例给公众号: where the write-up goes, no filter.
	t.cutAll("给公众号", "公众号上", "公众号用的", "公众号用", "发公众号", "公众号")
	if _, ok := t.cut("以案说法", "以案释法"); ok {
		r.explain = true
		t.cutAll(writeWords...)
	} else if !t.has("普法组") && !t.has("通报") && slices.ContainsFunc(promoWords, t.has) && slices.ContainsFunc(promoVerbs, t.has) {
		// 拿行初101做个案例宣传, 整一篇普法稿子, 适合写普法的: a write-up
		// named by what it is for, with a verb of making it; 通报出了没 我要
		// 拿去做普法宣传 asks for the bulletin, the 普法 is what it is for.
		r.explain = true
		t.cut(promoWords...)
		t.cutAll(promoVerbs...)
		t.cutAll("适合拿来", "适合用来", "适合")
	} else if w, ok := t.cut("典型案例", "典型案件", "典型的案例", "典型的案子", "典型", "普法文章", "普法素材", "普法用的案例", "案例"); ok {
		if _, ok := t.cut(writeWords...); ok {
			r.explain = true
		} else if strings.HasPrefix(w, "典型") || strings.HasPrefix(w, "普法") || t.has("推荐") {
			r.typical = true // 今年的典型案例有哪些, 普法用的案例推荐几个
			t.cutAll("推荐一下", "推荐几个", "推荐", "普法用的", "普法用")
		}
	} else if !t.has("通报") && !t.has("台账") {
		// 答复超期被撤销那个复议写一篇, 写写那个违法强拆的, 最近败诉的挑一个写:
		// the 普法 team asks for a write-up by its verb alone; nothing
		// else the bot does is written (通报 and 台账 have their own words).
		if _, ok := t.take(loneWriteRe, 0); ok {
			r.explain = true
		} else if _, s1, e1, ok := t.find(pickWriteRe, 1); ok {
			_, s2, e2, _ := t.find(pickWriteRe, 2)
			t.mark(s1, e1)
			t.mark(s2, e2)
			r.explain = true
		}
	}
	if !t.has("通报批评") {
		if w, ok := t.cut(bulletinWords...); ok && w == "汇报" && purposeListRe.MatchString(string(t.rs)) {
			// 下周一要给何县长汇报 帮我列一下11月以来结案的败诉案件: what the
			// list is for, not the monthly bulletin (which would answer one
			// month for a period that runs to now).
			r.u.Filler = append(r.u.Filler, w)
		} else if ok {
			r.bulletin = true
			t.cutAll(bulletinTails...)
		}
	}
	if _, ok := t.cut(legalWords...); ok {
		r.legal = true
	}
	if raw := string(t.rs); PhoneOnlyTold(raw) {
		// 他电话一直打不通: a call told, filler to the question beside it.
		for _, loc := range phoneToldRe.FindAllStringIndex(raw, -1) {
			s, e := utf8.RuneCountInString(raw[:loc[0]]), utf8.RuneCountInString(raw[:loc[1]])
			if !anyUsed(t.used[s:e]) {
				t.mark(s, e)
				r.u.Filler = append(r.u.Filler, raw[loc[0]:loc[1]])
			}
		}
	} else if _, ok := t.cut(contactWords...); ok {
		r.u.Contact, r.scopeWord = true, true
	}
	for _, w := range dirWords {
		if i := t.index(w); i >= 0 {
			t.mark(i, i+utf8.RuneCountInString(w))
			r.dirWord, r.dirAt = true, i
			break
		}
	}
	if w, ok := t.cut(scopeWords...); ok {
		r.scopeWord = true
		r.scopeAct = slices.Contains(scopeActs, w)
	}
	if _, ok := t.cut(offTopicWords...); ok {
		r.scopeWord = true // 明天放假不, 今天食堂吃啥: no hearings question
	}
	if _, ok := t.cut(mustWords...); ok {
		r.u.MustAppear, r.u.Hearing = true, true
	}
	if t.cutFilter(notAppearedWords...) {
		r.u.NotAppeared, r.u.Hearing = true, true
	}
	if _, ok := t.cut(heldWords...); ok {
		r.u.Held, r.u.Hearing = true, true
	}
	if _, ok := t.cut("与去年同期相比", "和去年同期比", "跟去年同期比", "比去年同期", "比去年", "和去年比", "跟去年比", "同比"); ok {
		r.u.Compare = true
	}
	if _, ok := t.cut("去年同期", "上年同期", "同期"); ok {
		r.u.YearBefore = true
	}
	if _, ok := t.cut("上一次", "上次", "上回", "那一次", "那次", "当时", "前一次"); ok {
		r.u.Past = true
	}
	if m, ok := t.take(backRe, 0); ok {
		r.u.Back, r.u.FollowUp = backMonths(m), true
	}
	if _, ok := t.cut(totalWords...); ok {
		r.u.Metric = All
	}
	if zeroAgencyRe.MatchString(string(t.rs)) {
		// 哪几个单位今年一件败诉都没有: the complement of the losses by
		// agency, never the list of those that lost.
		r.u.Rank, r.rankWord, r.u.Rate = RankZero, "没有", LossRate
		if strings.Contains(string(t.rs), "纠错") || strings.Contains(string(t.rs), "纠正") {
			r.u.Rate = CorrectionRate
		}
		t.cutAll("败诉率", "纠错率", "一件败诉", "一个败诉", "一次败诉", "败诉", "被纠错", "纠错", "被纠正", "输过", "输", "都没有", "都没", "没有", "没", "从来", "从未", "过", "一件", "一个", "一次", "为零", "为0", "是零", "是0", "零")
	}
	for _, g := range rankWords {
		if r.u.Rank != "" {
			break
		}
		if w, ok := t.cut(g.words...); ok {
			r.u.Rank, r.rankWord = g.rank, w
			break
		}
	}
	if r.u.NotAppeared && r.u.Rank == RankTop && r.rankWord == "最多" {
		// 哪个局负责人没出庭最多: notAppearedWords took 负责人没出庭, so
		// 最多 is left alone; it asks for the lowest 出庭率.
		r.u.Rank, r.rankWord, r.u.NotAppeared, r.u.Hearing = RankBottom, "没出庭最多", false, false
	}
	for _, g := range rateWords {
		if _, ok := t.cut(g.words...); ok {
			if r.u.Rate == "" {
				r.u.Rate = g.rate
			}
		}
	}
	if r.u.Rank != "" && r.u.Rate == "" && strings.Contains(r.rankWord, "控制线") {
		r.u.Rate = LossRate
	}
	if _, ok := t.take(clashRe, 0); ok && r.u.Aspect == "" {
		// 和别的庭撞了没, 那天还有别的庭吗: the other hearings that day.
		r.u.Aspect, r.u.Hearing = Clash, true
	}
	if raw := string(t.rs); r.u.Aspect == "" && strings.Contains(raw, "确认") && strings.Contains(raw, "庭") {
		// 孙局确认117号出庭了吗, 117号孙强确认了没有: the card's state (who
		// confirmed, when), with the case or the head between the words.
		if _, s1, e1, ok := t.find(confirmAskRe, 0); ok {
			t.mark(s1, e1)
			r.u.Aspect, r.u.Hearing = Reminded, true
		}
	}
	for _, g := range aspectWords {
		for _, w := range g.words {
			i := t.index(w)
			if i < 0 {
				continue
			}
			t.mark(i, i+utf8.RuneCountInString(w))
			if strings.Contains(w, "庭") || strings.Contains(w, "听证") {
				r.u.Hearing = true
			}
			if r.u.Aspect == "" {
				r.u.Aspect = g.aspect
				r.headWord = g.aspect == Head && (w == "负责人是谁" || w == "负责人都是谁" || w == "负责人")
				if g.aspect == Head && strings.ContainsAny(w, "了没") && !strings.ContainsAny(w, "确定") {
					r.u.Past = true // 出庭了没, 到庭没, 没去吧: the hearing held, not the next one
				}
				if g.aspect == Handler && w == "承办人" || g.aspect == Head && w == "负责人" {
					r.headMarker = i + utf8.RuneCountInString(w)
				}
				if g.aspect == Outcome && (strings.Contains(w, "败诉") || strings.Contains(w, "输")) {
					r.outcomeLost = true
				}
			}
		}
	}
	if r.u.Aspect == Appealed {
		// 对方上诉了没, 是我方上诉的吗: the side is part of the question
		// (the answer says what the ledger records of it), no filter.
		t.cut("对方", "我方", "原告方", "被告方", "原告")
	}
	if t.has("听证") && !t.has("开庭") && !t.has("庭审") && !t.has("法院") && r.u.CaseKind == "" {
		// 明天那个听证几点: a 听证 is a 复议 hearing (the courts 开庭).
		r.u.CaseKind = "行政复议"
	}
	if ws := t.cutAll(hearingWords...); len(ws) > 0 {
		r.u.Hearing = true
	}
	// 明天开还是今天开: a lone 开 is a sitting (not 开会, 开通, 打开…).
	for i := range t.rs {
		if t.used[i] || t.rs[i] != '开' {
			continue
		}
		prev, next := rune(0), rune(0)
		if i > 0 {
			prev = t.rs[i-1]
		}
		if i+1 < len(t.rs) {
			next = t.rs[i+1]
		}
		if !strings.ContainsRune("打公召展", prev) && !strings.ContainsRune("心会通始放具发展支除车门票户", next) {
			t.mark(i, i+1)
			r.u.Hearing = true
		}
	}
	// A lone 庭 is a hearing (明天的庭, 我的庭), but 法庭 is a courtroom.
	for {
		i := t.index("庭")
		if i < 0 {
			break
		}
		t.mark(i, i+1)
		if i == 0 || !strings.ContainsRune("法家宫门前", t.rs[i-1]) {
			r.u.Hearing = true
			r.loneHearing = r.loneHearing || i == 0 || t.rs[i-1] != '出'
		}
	}
	if ws := t.cutAll("司法建议和检察建议", "司法建议、检察建议", "司法检察建议", "司法建议书", "司法建议", "检察建议书", "检察建议"); len(ws) > 0 {
		// 今年收到几份检察建议: the cases that drew one.
		r.u.Metric, r.u.Aspect = Suggested, Advice
		if len(ws) == 1 && !strings.Contains(ws[0], "和") && !strings.Contains(ws[0], "、") && ws[0] != "司法检察建议" {
			r.u.Suggestion = strings.TrimSuffix(ws[0], "书")
		}
		t.cutAll("收到过", "收到了", "收到", "发来", "几份", "多少份", "份")
	}
	for _, g := range metricWords {
		if ws := t.cutAll(g.words...); len(ws) > 0 && r.u.Metric == "" {
			r.u.Metric = g.metric
		}
	}
	if r.u.Metric == "" && r.u.Aspect == "" && r.u.Seq == 0 && len(r.u.Numbers) == 0 && r.u.Short == "" {
		if _, ok := t.cut(judgedWords...); ok {
			r.u.Metric = Closed
		} else if _, s, e, ok := t.find(judgedAskRe, 1); ok {
			t.mark(s, e) // the 哪 or 几 stays, the list's or the count's
			r.u.Metric = Closed
		}
	}
	if i := t.index("输的"); i >= 0 && (i == 0 || t.rs[i-1] != '运') {
		// 输的呢, 今年输的有几个: the cases lost; 交通运输的案子 is the
		// transport bureau's.
		t.mark(i, i+2)
		if r.u.Metric == "" {
			r.u.Metric = Lost
		}
	}
	if _, ok := t.cut("被法院判决", "被法院判", "法院判决的", "法院判决", "法院判的", "法院判了", "法院判", "法院裁判"); ok && r.u.CaseKind == "" {
		r.u.CaseKind = "行政诉讼" // 今年法院判撤销的: lawsuits, not a 复议 撤销
	}
	for _, o := range outcomeWords {
		if _, ok := t.cut(o.word); ok && r.u.Outcome == "" {
			r.u.Outcome = o.stem
		}
	}
	if w, ok := t.cut(reasonWords...); ok {
		r.u.Reason = w
	}
	kinds := 0
	for _, k := range caseKindWords {
		if _, ok := t.cut(k.word); ok {
			if r.u.CaseKind == "" {
				r.u.CaseKind = k.kind
				kinds++
			} else if r.u.CaseKind != k.kind {
				kinds++
			}
		}
	}
	if kinds == 1 && r.u.CaseKind != "行政诉讼" {
		// 复议和诉讼各多少: a bare 诉讼 is a kind only beside the other one
		// (alone it is read with what it qualifies: 诉讼今年判了几个).
		if _, ok := t.cut("诉讼"); ok {
			kinds++
		}
	}
	if kinds > 1 {
		// 复议和诉讼各多少: both kinds, side by side, never the first alone.
		r.u.ByKind = true
		r.u.Filler = append(r.u.Filler, t.cutAll("各有多少", "各多少件", "各多少", "各几个", "各几件", "分别多少件", "分别多少", "分别有多少", "分别是多少", "多少件", "几件", "各", "分别", "和", "与", "跟")...)
	}
	for _, s := range stageWords {
		if _, ok := t.cut(s.word); ok && r.u.Stage == "" {
			r.u.Stage = s.stage
		}
	}
	for _, c := range causeWords {
		if _, ok := t.cut(c.word); ok && r.u.Cause == "" {
			r.u.Cause = c.stem
		}
	}
	if w, ok := t.cut(byAgencyWords...); ok {
		r.u.ByAgency = true
		if _, ok := t.cut("排一下", "排个序", "排一排", "排个名", "排序", "排"); (ok || strings.HasSuffix(w, "排")) && r.u.Rank == "" {
			r.u.Rank = RankTop // 纠错率按局排一下, 各个局的纠错率排一下: the whole ranking
		}
		if r.u.Aspect == "" && r.u.Rank == "" {
			r.u.Aspect = Defendant // a count split by agency: 按被告单位
		}
	}
	if _, ok := t.cut(byMonthWords...); ok {
		r.u.ByMonth = true
	}
	if _, ok := t.cut(unitWords...); ok && r.u.Aspect == "" && r.u.Rank == "" {
		r.u.Aspect = Defendant
	}
	if i := t.index("还有"); i >= 0 && leadingAlso(t.rs, i) {
		t.mark(i, i+2) // 还有陈局今天不是本人去的: "and", not what is still to come
	}
	if countAheadRe.MatchString(v0(t)) {
		r.u.Upcoming = true // 接下来两个星期: the words are the period's
	} else if ws := t.cutAll(upcomingWords...); len(ws) > 0 {
		r.u.Upcoming = true
	}
	for _, w := range roleWords {
		if _, ok := t.cut(w.word); ok {
			if r.u.PersonRole == "" || r.u.PersonRole == "any" {
				r.u.PersonRole = w.role
			}
		}
	}
	v, _ := t.view()
	// 那下周呢, 那公安局: a leading 那 continues the last question; 那个,
	// 那件, 那场 and 那些 only point at what follows (那个生态环境局孙七的
	// 案子…), which is a question of its own.
	lead := strings.TrimLeft(v, "\x00 ")
	if strings.Contains(v, "呢") || strings.HasPrefix(lead, "那") && !demonstrativeRe.MatchString(lead) {
		r.u.FollowUp = true
	}
	if m, ok := t.take(thenRe, 1); ok && m != nil {
		r.u.FollowUp = true
	}
	// 只看没结的, 其中败诉的: a narrowing of the last answer.
	if _, ok := t.take(narrowRe, 1); ok {
		r.u.FollowUp = true
	}
}

// countAheadRe is a span counted ahead from now (接下来两个星期, 今后三天),
// which the period rules read whole.
var countAheadRe = mustCompile(`(?:接下来|今后|往后)\s*(?:\d{1,3}|[一二三四五六七八九十两]{1,3})\s*(?:天|日|周|个?星期|个?月)`)

func v0(t *text) string { v, _ := t.view(); return v }

// leadingAlso reports whether the 还有 at rune i of rs opens the message
// (after nothing but 对了, 另外 and punctuation) as "and another thing"
// (还有陈局今天不是本人去的, 对了 还有101号…): what follows is another
// matter, not a count of what is left (还有几个庭, 还有没开的吗, 还有哪些).
func leadingAlso(rs []rune, i int) bool {
	lead := strings.NewReplacer("对了", "", "另外", "", "哦", "", "噢", "").Replace(string(rs[:i]))
	if strings.TrimFunc(lead, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) }) != "" {
		return false
	}
	if i+2 >= len(rs) {
		return false
	}
	return !strings.ContainsRune("几多哪什没要吗呢么啥谁场个件庭的", rs[i+2])
}

// audienceRe is whom a report is for, and when (下周一要给何县长汇报, 向局长
// 报告, 跟领导汇报用): group 1 is no person, agency or period to filter by.
var audienceRe = mustCompile(`((?:(?:下|这|本)?(?:周|星期|礼拜)[一二三四五六日天]|明天|后天|今天|明早|明天上午|明天下午)?(?:上午|下午|早上)?\s*(?:要|得|准备|需要|打算)?\s*(?:给|向|跟)\p{Han}{0,3}?(?:副县长|县长|副局长|局长|书记|副镇长|镇长|主任|领导|局里|县里|政府))(?:汇报|报告|做汇报|作汇报)`)

// confirmAskRe asks whether a hearing's attendance was confirmed, words
// taken (holes) allowed inside: 确认117号出庭了吗, 有没有确认, 确认了没有.
var confirmAskRe = mustCompile("确认[\\x00\\s]*(?:了|过)?[\\x00\\s]*(?:要|会|能)?[\\x00\\s]*出庭(?:了|没)?(?:吗|没有|没|么|不)|(?:有没有|是否|有无|确没)确认(?:出庭)?|确认(?:了|过)(?:吗|没有|没|么)")

// zeroAgencyRe asks which agencies had no loss (or correction): 哪几个单位
// 今年一件败诉都没有, 哪些局没有败诉过, 零败诉的单位, 败诉率为零的有哪些.
var zeroAgencyRe = mustCompile(`(?:哪些|哪几个|哪几家|哪个|哪家|什么)(?:单位|局|部门|机关)[^，,。；;？?]*?(?:(?:没有|没|无|从未|从来没有?|未)(?:过)?(?:被)?(?:败诉|输|纠错|纠正)|(?:败诉|输|纠错|纠正)(?:过)?[^，,。；;？?]{0,3}?(?:都)?(?:没有|没|无)|(?:败诉|纠错)率?(?:为|是)(?:零|0))|零败诉|(?:败诉|纠错)率(?:为|是)(?:零|0)[^，,。；;]{0,4}(?:单位|局|部门)|(?:没有|没|无|从未)(?:过)?(?:败诉|被纠错)(?:过)?的(?:单位|局|部门)`)

// purposeListRe asks for a list of cases (列一下…案件, 输了哪些案子, 有哪些败诉
// 的): beside a bare 汇报 it is what the report needs, the list itself.
var purposeListRe = mustCompile(`(?:列一下|列个|列出|列一列|列下|梳理一下|整理一下|汇总一下|哪些|哪几)[^，,。；;]*(?:案件|案子|官司|案)|(?:案件|案子|官司)[^，,。；;]{0,3}?(?:有哪些|清单|名单|列表|列一下|列个|列出|列一列|列下|梳理一下|汇总一下)`)

// demonstrativeRe is a leading 那 that points (那个, 那件, 那场, 那些,
// 那几个) rather than continues.
var demonstrativeRe = mustCompile(`^那(?:个|件|场|些|几)`)

var (
	caseWordRe  = mustCompile(`案子|案件|官司|[^以]案(?:[^例由说释号]|$)`)
	eachRe      = mustCompile(`都|分别|谁确认|哪些确认|几个确认|有没有人确认|各自|每个|每场|每一场|每一个|这几个|这几场|这些|这两个|这两场|这俩|他们`)
	courtroomRe = mustCompile(`第[一二三四五六七八九十\d]{1,2}法庭|[一二三四五六七八九十\d]{1,2}号(?:法庭|庭)|听证室`)
	narrowRe    = mustCompile(`^[\x00\s]*(只看|只要|只查|只列|只显示|只说|其中|这里面|这些里面|这些当中|这些中|里面)`)
	thenRe      = mustCompile(`^[\x00\s]*(那么|那)(?:[^个些边里件场次]|$)`)
	referenceRe = mustCompile(`(?:那个|这个|该|上面那个|刚才那个|刚才的|上面的|这)[\x00\s]*(?:案子|案件|案)`)
)

var (
	halfDayWords = []string{"上午开还是下午开", "下午开还是上午开", "上午还是下午开", "下午还是上午开", "上午开庭还是下午开庭", "上午还是下午",
		"下午还是上午", "早上还是下午", "早上还是晚上", "上午或者下午", "上午下午", "上下午", "早上开还是下午开"}
	todWords = []struct{ word, tod string }{{"上午", "am"}, {"早上", "am"}, {"早晨", "am"}, {"一早", "am"}, {"早场", "am"},
		{"中午", "pm"}, {"下午", "pm"}, {"傍晚", "pm"}, {"晚上", "pm"}}
)

// periods reads the period, the time of day and a clock time.
func (r *reader) periods() {
	l := nearest
	if r.u.Metric != "" || r.u.Rate != "" || r.u.Rank != "" || r.bulletin || r.u.Outcome != "" || r.u.Reason != "" ||
		r.u.ExplainAct == ExplainCandidates {
		l = past // 最近判的有能写的吗: cases closed, so the days before
	}
	if r.u.Hearing || r.u.News != nil {
		l = nearest
	}
	r.dropStatedPeriod(l) // 我明天去学习 下周有庭没: 下周 is asked, not 明天
	if r.holiday > 0 {
		if p, ok := r.holidayPeriod(l); ok {
			r.u.Period = p
		}
	} else if p, ok := takePeriod(r.t, r.o.Now, l); ok {
		if r.bound != noBound {
			p = bounded(p, r.bound, r.boundWords, r.o.Now, l)
		}
		r.u.Period = p
		// 那这个月呢 十一月, 明天 20号的庭: the same span said twice (a word
		// and a date) is read once, not left as residue.
		for range 2 {
			c := &text{rs: r.t.rs, used: slices.Clone(r.t.used)}
			q, ok := takePeriod(c, r.o.Now, l)
			if !ok || !q.From.Equal(p.From) || !q.To.Equal(p.To) {
				break
			}
			r.t.used, r.t.vvalid = c.used, false
		}
		// 明天开还是今天开: two days offered, the span of both.
		if r.t.has("还是") || r.t.has("或者") {
			if q, ok := takePeriod(r.t, r.o.Now, l); ok {
				from, to := p.From, p.To
				if q.From.Before(from) {
					from = q.From
				}
				if q.To.After(to) {
					to = q.To
				}
				r.u.Period = span(from, to, q.Short()+"或"+p.Short())
				r.t.cutAll("还是", "或者")
			}
		}
	}
	if h, m, ok := takeClock(r.t); ok {
		r.u.Clock = strconv.Itoa(h/10) + strconv.Itoa(h%10) + ":" + strconv.Itoa(m/10) + strconv.Itoa(m%10)
		if h < 12 {
			r.u.TimeOfDay = "am"
		} else {
			r.u.TimeOfDay = "pm"
		}
	}
	for _, w := range todWords {
		if _, ok := r.t.cut(w.word); ok && r.u.TimeOfDay == "" {
			r.u.TimeOfDay = w.tod
		}
	}
}

// zhouNames takes, before the periods are read, the ledger's names that
// begin with the surname 周 right after a period word's 周 (看下周洁承办的
// 案子 names 周洁, not 下周): a 周 followed by a weekday is left to the
// periods.
func (r *reader) zhouNames() error {
	if r.o.Lexicon == nil {
		return nil
	}
	for i, c := range r.t.rs {
		if c != '周' || r.t.used[i] || i+1 >= len(r.t.rs) || r.t.used[i+1] || strings.ContainsRune("一二三四五六日天末1234567", r.t.rs[i+1]) ||
			!unicode.Is(unicode.Han, r.t.rs[i+1]) {
			continue
		}
		end := min(i+4, len(r.t.rs))
		for k := i + 1; k < end; k++ {
			if r.t.used[k] {
				end = k
			}
		}
		ms, err := r.o.Lexicon.Names([]string{string(r.t.rs[i:end])})
		if err != nil {
			return err
		}
		best := NameMatch{}
		for _, m := range ms {
			if m.Start == 0 && m.End > best.End && m.Name == string(r.t.rs[i:i+m.End]) {
				best = m
			}
		}
		if best.End < 2 {
			continue
		}
		r.t.mark(i, i+best.End)
		switch {
		case best.Person && r.u.Person == "":
			r.u.Person = best.Name
			r.absorbTitle(i + best.End)
		case best.Party && r.u.Party == "":
			r.u.Party = best.Name
		}
	}
	return nil
}

// ourCountyRe is the county (or district) as a whole said as the asker's
// own (我们县, 我县, 本县, 整个县, 本地区): every agency, never the asker's
// agency; 我县政府 is the agency.
var ourCountyRe = mustCompile(`((?:我们|咱们|咱|我|本)(?:全)?(?:县|区)|整个县|整个区|全县范围|本地区)(政府|人民政府)?`)

var selfRe = mustCompile(`我(?:的|手上|手里|下次|下一次|名下)?|本人`)

// selfAppearRe is the asker said with what they must do at a hearing (我要
// 出庭, 我需要去开庭, 我是不是要到庭): group 1 is the asker's part.
var selfAppearRe = mustCompile(`(我(?:是不是|是否|还|也)?(?:要不要|需不需要|要|需要|得|该|应该)(?:去|亲自去|亲自)?)(?:出庭|开庭|到庭|应诉|出几次庭|出几个庭|去法院)`)

// selfPurposeRe is the asker telling what they need the answer for: a
// meeting, a report, a speech, material to write.
var selfPurposeRe = mustCompile(`我(?:这边|们)?(?:要|得|明天|下午|回头)?(?:去)?(?:开会|在会上|会上|汇报|写材料|写报告|写总结|做报告|做汇报|做材料|讲话|发言|向[\p{Han}]{1,6}汇报|报县里|报给[\p{Han}]{1,6}|准备材料|准备汇报)(?:时|的时候)?(?:要讲|要说|要用|要报|用|讲|说)?`)

// notSelf are the words with 我 that do not make a question about the
// asker (我想知道…, 我这边…, 我是公安局的).
var notSelf = []string{"我想知道", "我想看", "我想查", "我想问", "我想", "我要", "我这边", "我这里", "我是", "我被", "我家", "我刚",
	"我看一下", "我看看", "我看下", "我看", "我查一下", "我查下", "我查", "我问一下", "我问问", "我问", "我先", "我再", "我来",
	"我记得", "我听说", "我觉得", "我这儿"}

// mine reads 我们局 (the asker's agency) and 我的 (the asker).
func (r *reader) mine() {
	// 我们县 is the county as a whole (全县), not the asker's agency; 我们县政府
	// is the agency.
	for {
		m, s, e, ok := r.t.find(ourCountyRe, 1)
		if !ok || m[2] != "" {
			break
		}
		r.t.mark(s, e)
		r.u.Filler = append(r.u.Filler, m[1])
	}
	if _, ok := r.t.cut(mineAgencyWords...); ok {
		r.u.Mine = MineAgency
		r.t.cutAll(mineAgencyWords...)
	}
	// 何县长要我通知不: the asker as the one who would notify, asking
	// whether the reminder reaches that person, not the asker's own hearings.
	if _, ok := r.t.cut("要不要我通知", "需不需要我通知", "需要我通知", "要我去通知", "要我通知", "让我通知", "用不用我通知", "用我通知"); ok {
		r.u.Aspect, r.u.Hearing = Reminded, true
	}
	// Filler with 我 in it (帮我, 发我, 我想知道) is not the asker.
	var with []string
	for _, f := range Fillers {
		if strings.Contains(f, "我") {
			with = append(with, f)
		}
	}
	// 我开会要讲, 我汇报要用: the asker saying what the answer is for, not
	// asking of their own cases (it filtered the county's losses to the
	// one the asker heads).
	for {
		m, s, e, ok := r.t.find(selfPurposeRe, 0)
		if !ok {
			break
		}
		r.t.mark(s, e)
		r.u.Filler = append(r.u.Filler, m[0])
	}
	// 明天我要去开庭不, 下周我要出庭的有哪些: 我要 before an appearance is
	// the asker's own hearing, not the filler 我要 (我要查…).
	r.markSelf(selfAppearRe, 1)
	r.u.Filler = append(r.u.Filler, r.t.cutAll(append(with, notSelf...)...)...)
	r.markSelf(selfRe, 0)
}

// markSelf marks every match of re (its group, 0 for the whole) as the
// asker speaking of themself.
func (r *reader) markSelf(re *pattern, group int) {
	for {
		_, s, e, ok := r.t.find(re, group)
		if !ok {
			return
		}
		r.t.mark(s, e)
		if r.u.Mine == "" {
			r.u.Mine = MineSelf
		}
	}
}

var (
	askRe  = mustCompile(`^[\x00\s]*(?:请问|麻烦|帮我|帮忙|请)?[\x00\s]*(查一下|查询一下|查询|查查|查下|查|搜一下|搜索|搜|找一下|找)`)
	suesRe = mustCompile(`[\p{Han}·]诉[\p{Han}]`)
)

// markers reads the words that say a name follows: 查, 原告, 申请人, X诉Y,
// 被告.
func (r *reader) markers() {
	if _, s, e, ok := r.t.find(askRe, 1); ok {
		r.t.mark(s, e)
		r.asked, r.askedAt = true, e
	}
	for _, w := range partyMarkers {
		i := r.t.index(w)
		if i < 0 {
			continue
		}
		end := i + utf8.RuneCountInString(w)
		r.t.mark(i, end)
		if strings.TrimSpace(r.t.after(end)) == "" {
			// 行初108的原告: the plaintiff asked, no name given.
			if r.u.Aspect == "" {
				r.u.Aspect = Plaintiff
			}
			continue
		}
		r.markerAt = end
		break
	}
	for _, w := range []string{"被申请人", "被诉单位", "被诉机关", "被告"} {
		i := r.t.index(w)
		if i < 0 {
			continue
		}
		end := i + utf8.RuneCountInString(w)
		r.t.mark(i, end)
		if strings.TrimSpace(r.t.after(end)) == "" && r.u.Aspect == "" {
			r.u.Aspect = Defendant
		}
	}
	if _, s, _, ok := r.t.find(suesRe, 0); ok {
		i := s + 1
		if !strings.ContainsRune("败起上撤申胜公应反", r.t.rs[s]) {
			r.t.mark(i, i+1)
			r.suesAt = i
		}
	}
}

// agencyStems are the words an agency's name is made of; a name ending in
// 局 or 政府 that holds none of them (吴敏局长) is not taken for an agency.
var agencyStems = []string{"公安", "市场", "监管", "市监", "执法", "综合", "人社", "人力", "社保", "住建", "住房", "城乡", "自然",
	"资源", "规划", "交通", "运输", "卫健", "卫生", "健康", "应急", "环境", "生态", "环保", "教育", "税务", "农业", "农村", "水利",
	"水务", "民政", "财政", "文旅", "文化", "旅游", "医保", "医疗", "林业", "城管", "商务", "统计", "审计", "司法", "气象", "消防",
	"发改", "发展", "工信", "科技", "退役", "信访", "政府", "街道", "管委", "派出所", "烟草", "粮食", "人防", "体育", "国土", "房管",
	"畜牧", "资规", "自规", "规资", "城建", "市政", "园林", "广电", "档案", "机关", "邮政", "公路", "航道", "房产", "不动产", "民宗",
	"某县", "某市", "某镇", "某区", "某乡", "县", "区", "镇", "乡", "市"}

// agencies reads the agencies named: the longest run ending in an agency
// suffix that the lexicon resolves to ledger agencies; else, when it is
// made like an agency's name (综合执法局, 区政府), as an agency the ledger
// does not have, so the answer can say so.
func (r *reader) agencies() error {
	for {
		found, err := r.agency()
		if err != nil {
			return err
		}
		if !found {
			break
		}
	}
	// 人社那个工伤的案子: a department's short name without 局, when the
	// ledger has that agency.
	if r.o.Lexicon == nil {
		return nil
	}
	// The words and what they stand for are agency.BareWords, the table
	// the ledger side folds names with; each is taken only when the
	// ledger has the agency, or, when it names one department whatever
	// else is said (市监, 交警), as that department, so the answer says the
	// ledger has none.
	bare := agency.BareWords()
	for _, w := range townWords {
		bare = append(bare, agency.Bare{Word: w, Short: w}) // 镇里的案子: the town's government, when the ledger has one
	}
	for _, b := range bare {
		i := r.t.index(b.Word)
		if i < 0 || everydayBare(r.t.rs, i, b.Word) {
			continue
		}
		got, err := r.o.Lexicon.Agencies(b.Short)
		if err != nil {
			return err
		}
		if len(got) > 0 {
			r.t.mark(i, i+utf8.RuneCountInString(b.Word))
			r.addAgency(b.Word, got)
		} else if b.Named && r.u.Agency == "" {
			r.t.mark(i, i+utf8.RuneCountInString(b.Word))
			r.addAgency(agency.Body(b.Short), nil) // not in the ledger: said so
		}
	}
	return nil
}

// everydayPhrases hold a bare word as everyday speech, no department:
// 有教育意义 (a 以案说法 worth writing) is no 教育局, 应急处置 no 应急局.
var everydayPhrases = []string{"教育意义", "教育作用", "教育价值", "警示教育", "普法教育", "法治教育", "宣传教育", "教育引导", "教育警示",
	"受教育", "有教育", "应急处置", "应急预案", "应急措施", "生态文明"}

// everydayBare reports whether the bare word at i of rs is part of an
// everyday phrase (everydayPhrases).
func everydayBare(rs []rune, i int, word string) bool {
	for _, p := range everydayPhrases {
		pr := []rune(p)
		k := strings.Index(p, word)
		if k < 0 {
			continue
		}
		start := i - utf8.RuneCountInString(p[:k])
		if start >= 0 && start+len(pr) <= len(rs) && string(rs[start:start+len(pr)]) == p {
			return true
		}
	}
	return false
}

func (r *reader) agency() (bool, error) {
	t := r.t
	for i := range t.rs {
		for _, suf := range agencySuffixes {
			sr := []rune(suf)
			j := i + len(sr)
			if j > len(t.rs) || string(t.rs[i:j]) != suf || anyUsed(t.used[i:j]) {
				continue
			}
			// Candidates: free Han runes before the suffix, longest first.
			k := i
			for k > 0 && i-k < 12 && !t.used[k-1] && unicode.Is(unicode.Han, t.rs[k-1]) {
				k--
			}
			var unresolved string
			unresolvedAt := -1
			for s := k; s <= i; s++ {
				name := string(t.rs[s:j])
				if utf8.RuneCountInString(name) < 2 {
					continue
				}
				// 区政府 is not 政府: a place word just before a shorter
				// name makes it another agency.
				placed := s > k && strings.ContainsRune("区县镇乡市省", t.rs[s-1]) && !strings.ContainsRune("区县镇乡市省某", t.rs[s])
				if r.o.Lexicon != nil && !placed {
					got, err := r.o.Lexicon.Agencies(name)
					if err != nil {
						return false, err
					}
					if len(got) > 0 {
						t.mark(s, j)
						r.addAgency(trimLead(name), got)
						return true, nil
					}
				}
				if unresolvedAt < 0 {
					if n := trimLead(name); utf8.RuneCountInString(n) >= 3 && agencyMade(n) && !clauseMade(n) {
						unresolved, unresolvedAt = n, j-utf8.RuneCountInString(n)
					}
				}
			}
			if unresolvedAt >= 0 {
				t.mark(unresolvedAt, j)
				r.addAgency(unresolved, nil)
				return true, nil
			}
		}
	}
	return false, nil
}

func (r *reader) addAgency(name string, ledger []string) {
	if r.u.Agency == "" {
		r.u.Agency = name
	} else {
		r.u.Agency += "、" + name
	}
	for _, a := range ledger {
		if !slices.Contains(r.u.Agencies, a) {
			r.u.Agencies = append(r.u.Agencies, a)
		}
	}
}

func anyUsed(bs []bool) bool {
	for _, b := range bs {
		if b {
			return true
		}
	}
	return false
}

// trimLead drops filler and particles from the start of a name taken with
// what came before it (查一下综合执法局 → 综合执法局).
func trimLead(s string) string {
	for changed := true; changed; {
		changed = false
		for _, f := range Fillers {
			if rest, ok := strings.CutPrefix(s, f); ok && rest != "" {
				s, changed = rest, true
			}
		}
		if r, n := utf8.DecodeRuneInString(s); n > 0 && isParticle(r) && utf8.RuneCountInString(s) > 2 {
			s, changed = s[n:], true
		}
	}
	return s
}

func agencyMade(name string) bool {
	for _, s := range agencyStems {
		if strings.Contains(name, s) {
			return true
		}
	}
	return false
}

// clauseRunes and clauseWords never stand in an agency's name: a run
// ending in 乡 or 镇 that holds them is a clause about going somewhere (他那天
// 原本要下乡, 孙局说他周三要回老家那个乡, 我们的人刚从镇上回来), and taken for an
// agency the ledger lacks it answered a false "没有找到…的案件".
const clauseRunes = "我你他她它咱们要去了说吗呢吧啊的刚在把被让给"

var clauseWords = []string{"那个", "这个", "那天", "这天", "那边", "这边", "原本", "本来", "老家", "今天", "明天", "昨天", "刚才"}

// clauseMade reports whether a name taken before an agency suffix is a
// clause rather than a name.
func clauseMade(name string) bool {
	if strings.ContainsAny(name, clauseRunes) {
		return true
	}
	for _, w := range clauseWords {
		if strings.Contains(name, w) {
			return true
		}
	}
	return false
}

// AgencyLike reports whether a name looks like an agency's.
func AgencyLike(name string) bool {
	for _, s := range agencySuffixes {
		if strings.HasSuffix(name, s) {
			return true
		}
	}
	return false
}

// names finds the ledger's parties and people in what is left.
func (r *reader) names() error {
	if r.o.Lexicon == nil {
		return nil
	}
	rs := r.t.runs()
	if len(rs) == 0 {
		return nil
	}
	texts := make([]string, len(rs))
	for i, s := range rs {
		texts[i] = s.s
	}
	ms, err := r.o.Lexicon.Names(texts)
	if err != nil {
		return err
	}
	// Longest first, so 某某建材有限公司 wins over a shorter name inside it.
	slices.SortStableFunc(ms, func(a, b NameMatch) int { return (b.End - b.Start) - (a.End - a.Start) })
	for _, m := range ms {
		start, end := rs[m.Run].start+m.Start, rs[m.Run].start+m.End
		if anyUsed(r.t.used[start:end]) {
			continue
		}
		asPerson := m.Person && (!m.Party || r.personContext(start, end))
		switch {
		case asPerson && r.u.Person == "":
			r.t.mark(start, end)
			r.u.Person = m.Name
			r.absorbTitle(end)
			if r.headMarker >= 0 && r.headMarker <= start {
				if r.u.Aspect == Handler {
					r.u.PersonRole = "handler"
				} else {
					r.u.PersonRole = "head"
				}
				r.u.Aspect = ""
			}
		case m.Party && !asPerson && r.u.Party == "":
			r.t.mark(start, end)
			r.u.Party = m.Name
			if w := string(r.t.rs[start:end]); w != m.Name {
				r.u.Written = w
			}
		case m.Party && !asPerson && !slices.Contains(r.u.Others, m.Name) && m.Name != r.u.Party:
			r.t.mark(start, end)
			r.u.Others = append(r.u.Others, m.Name)
		}
	}
	return nil
}

// personContext reports whether a name that is both a party's and a
// person's is meant as the person: a title after it, 承办人 or 负责人 before
// it, or a question about hearings.
func (r *reader) personContext(start, end int) bool {
	after := r.t.after(end)
	for _, ti := range titles {
		if strings.HasPrefix(after, ti) {
			return true
		}
	}
	return r.headMarker >= 0 || r.u.Hearing || r.u.PersonRole != ""
}

func (r *reader) absorbTitle(end int) {
	after := r.t.after(end)
	for _, ti := range titles {
		if strings.HasPrefix(after, ti) {
			r.t.mark(end, end+utf8.RuneCountInString(ti))
			return
		}
	}
}

var titledRe = mustCompile(`(\p{Han})(副局长|局长|副县长|县长|副镇长|镇长|副主任|主任|科长|股长|所长|队长|书记|部长|处长|局)`)

// titled reads a head named by surname and title: 孙局, 何县长.
func (r *reader) titled() error {
	if r.o.Lexicon == nil || r.u.Person != "" {
		return nil
	}
	m, s, e, ok := r.t.find(titledRe, 0)
	if !ok {
		return nil
	}
	title := m[2]
	if title == "局" {
		title = "局长"
	}
	names, err := r.o.Lexicon.Titled(m[1], strings.TrimPrefix(title, "副"))
	if err != nil || len(names) == 0 {
		return err
	}
	r.t.mark(s, e)
	r.u.Person = names[0]
	return nil
}

// directoryName takes, in a question about the directory, a name no list
// knows right before the directory word (赵一在名单里吗): the answer says
// it is not in the directory rather than searching cases for it.
func (r *reader) directoryName() {
	if !r.dirWord || r.u.Person != "" || r.u.Party != "" {
		return
	}
	for _, s := range r.t.runs() {
		if s.end == r.dirAt || (s.end == r.dirAt-1 && r.t.rs[s.end] == '的') {
			if n := utf8.RuneCountInString(s.s); n >= 2 && n <= 4 && plausibleName(s.s) && !AgencyLike(s.s) {
				r.t.mark(s.start, s.end)
				r.u.Named = s.s
			}
			return
		}
	}
}

// fillers takes the filler words, longest first (列一下 before 一下),
// recording them.
func (r *reader) fillers() {
	r.u.Filler = append(r.u.Filler, r.t.cutAll(fillersByLength...)...)
}

var fillersByLength = func() []string {
	out := slices.Clone(Fillers)
	slices.SortStableFunc(out, func(a, b string) int { return utf8.RuneCountInString(b) - utf8.RuneCountInString(a) })
	return out
}()

// marked takes the name after a marker (查 X, 原告 X, X诉Y) when the
// lexicon did not know it: the answer then says honestly that no such
// party was found.
func (r *reader) marked() {
	if r.u.Party != "" {
		if r.markerAt >= 0 || r.asked || r.suesAt > 0 {
			r.u.Marked = true
		}
		return
	}
	rs := r.t.runs()
	pick := func(ok func(run) bool) bool {
		for _, s := range rs {
			if ok(s) && plausibleName(s.s) {
				r.t.mark(s.start, s.end)
				r.u.Party, r.u.Marked = s.s, true
				return true
			}
		}
		return false
	}
	switch {
	case r.markerAt >= 0:
		pick(func(s run) bool { return s.start >= r.markerAt && s.start <= r.markerAt+2 })
	case r.suesAt > 0:
		pick(func(s run) bool { return s.end == r.suesAt })
	case r.asked:
		pick(func(s run) bool { return s.start >= r.askedAt && s.start <= r.askedAt+1 })
	}
}

// numeralRunes are digits and Chinese numerals: a run made only of them is
// a number (一零一, １０１), never a party's name.
const numeralRunes = "0123456789０１２３４５６７８９零〇幺一二两三四五六七八九十百千"

// plausibleName reports whether s can be a party's name: a person's (two
// to four Chinese characters, or a minority or foreign name with ·) or an
// organisation's.
func plausibleName(s string) bool {
	n := utf8.RuneCountInString(s)
	if n < 2 || n > 40 || strings.Trim(s, numeralRunes) == "" {
		return false
	}
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) && r != '·' && r != '(' && r != ')' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	if strings.ContainsAny(s, notNameRunes) || aNotA(s) {
		return false // 原告来了没, 对方在不在: a question, not a name
	}
	for _, w := range notNameStarts {
		if strings.HasPrefix(s, w) {
			return false // 驳回原告诉讼请求, 原告撤诉, 原告律师: what a party asked or did, or who acts for them
		}
	}
	return n <= 6 || cases.IsOrganization(s) || strings.Contains(s, "·")
}

// notNameRunes are characters of questions and verb complements (了, 没,
// 吗, 不…) that a party's name does not hold: after a party marker, a run
// holding one is the rest of a question (原告来了没, 原告到庭没有, 申请人
// 在不在), so common words (来, 去, 在) never become a 来某.
const notNameRunes = "了没吗呢吧嘛"

// notNameStarts begin what follows a party marker in a report or a
// question without naming anyone: the claim (原告诉讼请求), an act
// (原告撤诉, 原告上诉) or who acts for them (原告律师, 原告代理人).
var notNameStarts = []string{"诉讼请求", "的诉讼请求", "诉请", "起诉", "撤诉", "撤回", "上诉", "律师", "代理人", "代理律师", "委托代理人"}

// aNotA reports whether s holds an A不A question (在不在, 来不来, 到没到 is
// caught by 没 above).
func aNotA(s string) bool {
	rs := []rune(s)
	for i := 1; i+1 < len(rs); i++ {
		if rs[i] == '不' && rs[i-1] == rs[i+1] {
			return true
		}
	}
	return false
}

// residue is what no recognizer took.
func (r *reader) residue() {
	for _, s := range r.t.runs() {
		r.u.Residue = append(r.u.Residue, s.s)
	}
}

// decide settles the kind of question from what was read.
func (r *reader) decide() {
	u := &r.u
	has := func() bool {
		return u.Party != "" || u.Agency != "" || u.Person != "" || u.Mine != "" || u.CaseKind != "" || u.Stage != "" || u.Cause != "" ||
			u.CourtLevel != "" || u.NumberYear != 0
	}
	caseRef := len(u.Numbers) > 0 || u.Short != "" || u.Seq > 0
	if u.Aspect == Reminded && scheduledRemindRe.MatchString(string(r.t.rs)) {
		// 提前一天给他发个提醒: the words of the schedule asked are read.
		u.Residue = slices.DeleteFunc(u.Residue, func(w string) bool { return scheduledRemindRe.MatchString(w) })
	}
	if u.Aspect == Reminded && !remindAskRe.MatchString(string(r.t.rs)) {
		u.Aspect = "" // 提醒孙局明天开庭 asks for no record
	}
	if u.YearBefore {
		// 去年同期: a year before this year so far, unless a follow-up
		// shifts the last question's period (handlers).
		now := r.o.Now
		from := time.Date(now.Year()-1, 1, 1, 0, 0, 0, 0, now.Location())
		if u.Period.IsZero() {
			u.Period = span(from, day(now).AddDate(-1, 0, 1), "去年同期")
		}
		u.FollowUp = true
	}
	if u.Aspect == Stage && u.Metric != Open {
		// 那个上诉搞哪样了, 二审征收的案子怎么样了: how a case is going is
		// its state, never an outcome filter that could answer “0 件”.
		u.Metric, u.Outcome, u.Reason = "", "", ""
		r.outcomeLost = false
	}
	if r.typical && u.Metric == "" && u.Outcome == "" && u.Reason == "" && !caseRef {
		u.Metric = Lost // 今年的典型案例有哪些: the 败诉 cases, what 以案说法 is written from
	}
	switch {
	case u.Ordinal > 0:
		u.Kind = Pick
	case u.News != nil:
		u.Kind = News
	case r.changes:
		u.Kind = Changes
	case r.explain || u.ExplainAct != "":
		u.Kind = Explain
	case r.bulletin:
		u.Kind = Bulletin
	case u.Rank != "" && u.Rate == "" && r.loneHearing:
		u.Kind, u.Rank, u.ByCount = Hearings, "", false // 哪天庭最多, 谁的庭最多: the hearings, not a rate
	case u.Rate != "" || u.Rank != "":
		u.Kind = Rates
		if u.Rate == "" && (r.rankWord == "最多" || r.rankWord == "最少" || r.rankWord == "最高" || r.rankWord == "最低") {
			u.ByCount = true
			if u.Metric == "" && r.caseWord {
				u.Metric = Filed // 哪个单位案子最多: the cases brought, not the losses
			}
		}
		if u.Rate == "" {
			switch {
			case u.Metric == Corrected:
				u.Rate = CorrectionRate
			case u.Hearing || strings.Contains(r.rankWord, "达标") || strings.Contains(r.rankWord, "100") ||
				strings.Contains(r.rankWord, "百分之百") || strings.Contains(r.rankWord, "出庭") || strings.Contains(r.rankWord, "缺"):
				u.Rate = AppearanceRate
			default:
				u.Rate = LossRate
			}
		}
		u.Why = u.Aspect == Reason
		u.Aspect = ""
	case r.legal && !caseRef && !u.Hearing && u.Metric == "" && u.Party == "" && len(u.Agencies) == 0 && u.Person == "":
		u.Kind = Legal
	case (r.dirWord || u.Contact || u.Aspect == Defendant && u.Person != "" && !r.caseWord && u.Party == "") &&
		!caseRef && u.Rank == "" && u.Rate == "" && u.Metric == "" && u.Period.IsZero() &&
		(u.Person != "" || u.Named != "" || (r.dirWord && u.Agency != "")),
		r.headWord && u.Agency != "" && len(u.Agencies) == 1 && !caseRef && !r.caseWord && !u.Hearing && !u.Each && u.Period.IsZero() &&
			u.Party == "" && u.Person == "" && u.Mine == "" && u.Metric == "" && u.Rate == "" && u.Rank == "" && u.CaseKind == "" &&
			!r.bulletin && !r.explain && u.Stage == "" && u.Cause == "":
		// 公安局负责人是谁: the agency's head in the directory (and as the
		// ledger records them at its hearings), not its list of cases.
		// 李文在名单里吗, 孙强是什么职务, 吴敏电话多少, 县政府名单里有哪些人:
		// the directory, not the person's cases.
		u.Kind = People
		if !r.headWord {
			u.Aspect = ""
		}
	case u.Contact:
		u.Kind = Scope
	case u.Aspect == Deadline && !caseRef && u.Party == "":
		u.Kind, u.Metric, u.Reason, u.Hearing = Deadlines, "", "", false // 哪些案子答辩期快到了
	case caseRef:
		u.Kind = Case
		if u.Aspect == "" && u.Outcome != "" {
			u.Aspect = Outcome // 行初74撤诉了吧, 复36驳回了吗: whether it ended so
		}
		if u.Metric == Open && (u.Aspect == "" || u.Aspect == Held) {
			u.Aspect = Outcome // 88号案子开完庭多久了还没判
		}
		u.Metric = ""
	case u.Aspect == Reminded:
		// 明天那个庭提醒发给孙局了没, 提醒发了没: the reminder of a hearing,
		// found by the day and person said (or the case in focus, or the
		// hearings being reminded now); 发给 here is no errand.
		u.Kind, u.Hearing = Hearings, true
	case r.scopeWord && u.Metric == "" && (r.scopeAct || !u.Hearing):
		u.Kind, u.OffTopic = Scope, true // 帮我订一下明天下午的会议室, 把明天的庭发给孙强
	case u.Aspect == Outcome && r.outcomeLost && u.Party == "" && (!u.Period.IsZero() || u.Mine != "" || u.Agency != ""):
		// 我们县政府今年败诉了吗: a count, not one case's outcome.
		u.Kind, u.Metric, u.Aspect = Count, Lost, ""
	case u.Metric != "" || u.Outcome != "" || u.Reason != "":
		u.Kind = Count
		if u.Metric == "" && u.Reason != "" {
			u.Metric = Lost
		}
	case u.Aspect != "" && (u.Aspect != Defendant || u.Party != "") && u.Period.IsZero() && (u.Party != "" || (r.caseWord || u.Reference) && has()):
		u.Kind = Case // 卫十四那个案子开过庭了吗, 再审那个案子什么时候开庭
	case u.Reference && u.Aspect != "" && u.Period.IsZero() && !has():
		u.Kind = Case // 那个案子谁出的庭: the case shown before
	case u.Hearing || u.TimeOfDay != "" || u.Clock != "" || u.MustAppear:
		u.Kind = Hearings
	case (u.Person != "" || u.Mine == MineSelf) && !u.Period.IsZero() && !r.caseWord:
		u.Kind = Hearings // 这周有我的事吗, 陈立下周呢: their hearings then
	case u.Aspect != "" && u.Aspect != Defendant && (u.Party != "" || u.Agency != "" || u.Stage != "" || u.Cause != ""):
		u.Kind = Case
	case r.caseWord && !u.Period.IsZero() && u.Period.To.Sub(u.Period.From) >= 7*24*time.Hour:
		u.Kind, u.Metric = Count, Filed // 今年一共多少案子, 公安局本月的案件: those filed then
	case r.caseWord && !u.Period.IsZero():
		u.Kind, u.Hearing = Hearings, true // 张三案明天还是今天: a day is a sitting's
	case has():
		u.Kind = Cases
		if r.caseWord {
			u.Anchored = true
		}
	case u.Aspect != "":
		u.Kind = Case // 败诉原因是什么: the case shown before
	case !u.Period.IsZero() && len(u.Residue) == 0:
		u.Kind = Hearings // 明天, 下周三: the hearings then
	case !u.Period.IsZero() && scheduleOnly(u.Residue):
		// 下周一到周五有啥安排, …全部列一下 我要排车: the hearings then are
		// what the day holds for this bot.
		u.Kind, u.Hearing, u.Residue = Hearings, true, nil
	case len(u.Residue) > 0 || !u.Period.IsZero():
		u.Kind = Scope
	default:
		u.Kind = Help
	}
	if u.Metric == Open && slices.Contains([]string{"最近", "近期", "这段时间", "这阵子", "这些天", "这几天"}, u.Period.Word) {
		u.Period = Period{} // 王芳最近在忙哪几个案子: what is open now, whenever filed
	}
	switch u.Kind {
	case Explain, Bulletin, Rates, Legal, News, Changes, Pick, Count:
		u.Anchored = true
	case Hearings:
		if u.Hearing || u.MustAppear {
			u.Anchored = true
		}
	case Case:
		if caseRef {
			u.Anchored = true
		}
	}
	// A question that names nothing else is a follow-up of the last one.
	if !u.Anchored && (u.Kind == Hearings || u.Kind == Scope && len(u.Residue) == 0 && !u.OffTopic) {
		u.FollowUp = u.FollowUp || !u.Period.IsZero()
	}
	if u.Kind == Scope && !u.Contact && !r.scopeWord && len(u.Residue) == 0 && (u.Agency != "" || u.Party != "" || u.Person != "") {
		u.Kind = Cases
	}
}

// Echo says back what was understood, for an answer that starts
// "按“某县公安局 · 下周 · 开庭”查询：".
func (u Understanding) Echo(show func(party string) string) string {
	var parts []string
	add := func(s string) {
		if s != "" {
			parts = append(parts, s)
		}
	}
	if u.Short != "" {
		add(u.Short)
	} else {
		for _, n := range u.Numbers {
			add(n)
		}
	}
	switch {
	case u.Seq > 0 && u.Recon:
		add("复" + strconv.Itoa(u.Seq) + "号")
	case u.Seq > 0:
		add(strconv.Itoa(u.Seq) + "号")
	}
	if len(u.Agencies) > 0 {
		add(strings.Join(u.Agencies, "、"))
	} else {
		add(u.Agency)
	}
	if u.Party != "" {
		if show != nil {
			add("当事人" + show(u.Party))
		} else {
			add("当事人" + u.Party)
		}
	}
	add(u.Person)
	switch u.Mine {
	case MineSelf:
		add("本人")
	case MineAgency:
		add("本单位")
	}
	if !u.Period.IsZero() {
		add(u.Period.Short())
	}
	add(u.Place)
	if u.NumberYear != 0 {
		add("案号年份(" + strconv.Itoa(u.NumberYear) + ")")
	}
	add(map[string]string{CourtHigh: "高级法院", CourtMiddle: "中级法院", CourtBasic: "基层法院"}[u.CourtLevel])
	add(map[string]string{"am": "上午", "pm": "下午"}[u.TimeOfDay])
	add(u.Clock)
	add(u.CaseKind)
	add(u.Stage)
	add(u.Cause)
	add(u.Outcome)
	add(u.Reason)
	if u.NotAppeared && u.Kind != Hearings {
		add("负责人未出庭")
	}
	if u.Repeat {
		add("再次败诉")
	}
	add(u.KindWord())
	if (u.Kind != Count || u.Aspect != Advice) && u.Kind != Deadlines { // 检察建议 says it once
		add(u.AspectWord())
	}
	return strings.Join(parts, " · ")
}

// CanonicalPlace writes a courtroom the one way the ledger's places are
// compared in: 第1法庭, 1号法庭 and 一号庭 are 第一法庭; anything else is
// returned as it is.
func CanonicalPlace(s string) string {
	m := placeNumberRe.FindStringSubmatchIndex(s)
	if m == nil {
		return s
	}
	n := s[m[2]:m[3]]
	if v, err := strconv.Atoi(n); err == nil && v > 0 && v < 100 {
		n = numeral.Format(v)
	}
	return s[:m[0]] + "第" + n + "法庭" + s[m[1]:]
}

var placeNumberRe = mustCompile(`(?:第)?([一二三四五六七八九十\d]{1,2})(?:号法庭|号庭|法庭)`)

// scheduleWords ask what a period holds (明天有啥安排) or why it is asked
// (我要排车): with a period and nothing else, its hearings.
var scheduleWords = []string{"安排", "日程", "行程", "日程安排", "工作安排", "排车", "派车", "用车", "订车", "排班", "要忙的", "忙不忙", "啥事", "什么事", "哪些事"}

// scheduleOnly reports whether every word of residue is a schedule word.
func scheduleOnly(residue []string) bool {
	if len(residue) == 0 {
		return false
	}
	for _, w := range residue {
		if !slices.Contains(scheduleWords, w) {
			return false
		}
	}
	return true
}

// KindWord names the kind of question in a few characters.
func (u Understanding) KindWord() string {
	switch u.Kind {
	case Hearings:
		switch {
		case u.MustAppear:
			return "应当出庭的开庭"
		case u.NotAppeared:
			return "负责人未出庭的开庭"
		case u.Held:
			return "已开的庭"
		}
		return "开庭"
	case Count:
		if u.Metric == Suggested {
			return cmp.Or(u.Suggestion, "司法建议、检察建议")
		}
		return map[Metric]string{Lost: "败诉", Closed: "结案", Filed: "新收", Corrected: "纠错", Open: "未结"}[u.Metric]
	case Rates:
		w := map[Rate]string{LossRate: "败诉率", JudgedLossRate: "判决口径败诉率", AppearanceRate: "出庭率",
			CorrectionRate: "纠错率", WithdrawalRate: "调撤率"}[u.Rate]
		if u.Rank == RankZero {
			return map[bool]string{true: "无纠错的单位", false: "无败诉的单位"}[u.Rate == CorrectionRate]
		}
		if u.Rank != "" {
			w += "排名"
		}
		return w
	case Cases:
		return "案件"
	case Bulletin:
		return "通报"
	case Changes:
		return "改期记录"
	case Deadlines:
		w := "法定期限"
		if len(u.DeadlineKinds) > 0 {
			var ls []string
			for _, k := range u.DeadlineKinds {
				ls = append(ls, deadline.Kind(k).Label())
			}
			w = strings.Join(ls, "、")
		}
		if u.Overdue {
			w = "已逾期的" + w
		}
		return w
	}
	return ""
}

// AspectWord names the fact asked about.
func (u Understanding) AspectWord() string {
	if u.Aspect == Advice && u.Suggestion != "" {
		return u.Suggestion // 那检察建议呢: the one kind asked
	}
	return map[Aspect]string{Head: "出庭负责人", Handler: "承办人", Outcome: "结果", Held: "是否已开庭", Stage: "进展",
		When: "时间", Where: "地点", Court: "法院", Plaintiff: "原告", Defendant: "被告单位", Reason: "败诉原因",
		Bring: "出庭须知", Lawyer: "代理律师", Cause: "案由", Advice: "司法建议、检察建议", Deadline: "法定期限", Number: "案号", Appealed: "是否上诉",
		Decided: "结案日期", Amount: "金额", Clash: "同日开庭", Appealable: "上诉期"}[u.Aspect]
}
