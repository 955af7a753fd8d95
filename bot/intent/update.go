package intent

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"casebot/bot/cases"
)

// UpdateKind is a change staff make to a case in chat.
type UpdateKind string

const (
	// SetHearing sets the case's next hearing: moves it when one is
	// coming, adds one when none is (开庭 案号 时间 地点).
	SetHearing UpdateKind = "hearing"
	// AddHearing adds another hearing beside a coming one (增加开庭 …).
	AddHearing UpdateKind = "add-hearing"
	// MoveHearing moves the next hearing (改期 案号 新时间 [地点]).
	MoveHearing UpdateKind = "move-hearing"
	// CloseCase records the outcome (结案 案号 [日期] 结案方式 [败诉原因]).
	CloseCase UpdateKind = "closure"
	// Appearance records whether the head appeared (出庭 案号 是/否 [日期]).
	Appearance UpdateKind = "appearance"
	// DeleteCase removes a case entered by mistake (删除案件 案号), for
	// admins, after confirmation; undoable.
	DeleteCase UpdateKind = "delete"
	// SetHead names the 出庭负责人 of a hearing (行初121出庭的是张明副局长,
	// 我让王副局长去), read by FieldWrite.
	SetHead UpdateKind = "head"
	// DeadlineDone records that a deadline's work was done (复47答复已经交了,
	// 行初133答辩状今天交了), read by FieldWrite.
	DeadlineDone UpdateKind = "deadline-done"
	// DocServed records the day the judgment or ruling was served on the
	// agency (101判决书刚拿到了, 裁定书今天收到), read by FieldWrite.
	DocServed UpdateKind = "served"
	// CopyReceived records the day the 起诉状副本 (or 复议申请书副本) was
	// received (今天收到法院送来的起诉状副本 原告张三), read by FieldWrite.
	CopyReceived UpdateKind = "copy-received"
	// SetMustAppear sets a hearing's 应当出庭 (法释〔2020〕3号第4条), never
	// whether the head appeared: 92号写的否应当出庭 其实法院发了出庭通知.
	SetMustAppear UpdateKind = "must-appear"
)

// Update is a parsed chat update.
type Update struct {
	Kind UpdateKind `json:"kind"`
	// Numbers are the case numbers meant: one when written in full, the
	// completions of a short number otherwise.
	Numbers []string `json:"numbers"`
	Short   string   `json:"short,omitempty"`
	// At is the hearing's time (hearings), the closing date (CloseCase), or
	// the date of the hearing meant (Appearance; zero for the latest).
	At    time.Time `json:"at,omitzero"`
	Place string    `json:"place,omitempty"`
	// Method is the 结案方式 as written, Reason what follows it (败诉原因).
	Method   string `json:"method,omitempty"`
	Reason   string `json:"reason,omitempty"`
	Appeared *bool  `json:"appeared,omitempty"`
	// Must is the 应当出庭 a SetMustAppear writes.
	Must *bool `json:"must,omitempty"`
	// Surname is the surname of the head a report names by title (陈局出庭
	//了: 陈), for the hearing to be found by its head when no case is named.
	Surname string `json:"surname,omitempty"`
	// Head and HeadPost are the 出庭负责人 named (SetHead); Delegated is set
	// when a head sends them in their place (我让王副局长去).
	Head      string `json:"head,omitempty"`
	HeadPost  string `json:"head_post,omitempty"`
	Delegated bool   `json:"delegated,omitempty"`
	// Deadline is the deadline.Kind whose work was done (DeadlineDone).
	Deadline string `json:"deadline,omitempty"`
	// Seq is a bare sequence number the report names (88号判了): the
	// caller resolves it against the ledger; Unread, a number it names
	// that could not be read. Either way the case in focus is not used.
	Seq    int  `json:"seq,omitempty"`
	Unread bool `json:"unread,omitempty"`
	// Party is the 原告 or 申请人 a CopyReceived names (原告张三), for the
	// case to be found by it when no number is given.
	Party string `json:"party,omitempty"`
	// Held is set on a SetHead told of a hearing already held (陈局没去 是
	// 王刚副局长去的): who appeared, a fact a handler may report too.
	Held bool `json:"held,omitempty"`
	// Review is set when the copy received is a 复议申请书 (申请人 named):
	// the case is a reconsideration.
	Review bool `json:"review,omitempty"`
}

var updateCommands = []struct {
	kind  UpdateKind
	words []string
}{
	{AddHearing, []string{"增加开庭", "新增开庭", "追加开庭", "再次开庭", "加开庭"}},
	{MoveHearing, []string{"开庭改期", "改期开庭", "延期开庭", "调整开庭", "变更开庭", "开庭延期", "改期", "延期"}},
	{SetHearing, []string{"设置开庭", "登记开庭", "安排开庭", "开庭时间", "开庭"}},
	{CloseCase, []string{"登记结案", "录入结案", "结案"}},
	{Appearance, []string{"负责人出庭", "登记出庭", "出庭"}},
	{DeleteCase, []string{"删除案件", "删除台账中的案件", "删除误录案件"}},
}

// Usage is the example of an update of kind k shown when one cannot be
// read: a case number of now's year, a hearing two weeks ahead, a closing
// yesterday, so that the example itself is never stale.
func Usage(k UpdateKind, now time.Time) string {
	number := fmt.Sprintf("(%d)黔0115行初123号", now.Year())
	ahead := now.AddDate(0, 0, 14)
	switch k {
	case SetHearing:
		return "开庭 " + number + " " + ahead.Format("2006-01-02") + " 09:30 第三法庭"
	case AddHearing:
		return "增加开庭 " + number + " " + fmt.Sprintf("%d月%d日", ahead.Month(), ahead.Day()) + " 14:30 第一法庭"
	case MoveHearing:
		return "改期 " + number + " " + fmt.Sprintf("%d月%d日", ahead.Month(), ahead.Day()) + " 上午9点半"
	case CloseCase:
		return "结案 " + number + " " + now.AddDate(0, 0, -1).Format("2006-01-02") + " 判决驳回诉讼请求"
	case Appearance:
		return "出庭 " + number + " 是"
	case DeleteCase:
		return "删除案件 " + number
	}
	return number
}

// ParseUpdate reads a chat update. ok is false when the text is not an
// update at all (no command word, no case number, or nothing after the
// number: “开庭 (2025)…号” asks about the case); err is a user-facing
// explanation when it is an update that cannot be read.
func ParseUpdate(text string, o Options) (u Update, ok bool, err error) {
	t := Normalize(text)
	for _, p := range []string{"请", "麻烦", "帮我"} {
		t = strings.TrimSpace(strings.TrimPrefix(t, p))
	}
	rest := ""
	for _, c := range updateCommands {
		for _, w := range c.words {
			if r, found := strings.CutPrefix(t, w); found {
				u.Kind, rest = c.kind, r
				break
			}
		}
		if u.Kind != "" {
			break
		}
	}
	if u.Kind == "" {
		return u, false, nil
	}
	rest = strings.TrimLeft(rest, " :：,，")
	var span [2]int
	if ns := cases.FindNumbers(rest); len(ns) > 0 {
		if len(ns) > 1 {
			return u, true, fmt.Errorf("一次只能修改一个案件，请分开发送")
		}
		u.Numbers = []string{ns[0].String()}
		span = numberSpan(rest, ns[0].String())
	} else if short, numbers, found := findShort(rest, o); found {
		u.Short, u.Numbers = short, numbers
		i := strings.Index(rest, short)
		span = [2]int{i, i + len(short)}
	} else {
		return u, false, nil
	}
	rest = strings.TrimSpace(rest[:span[0]] + " " + rest[span[1]:])
	if u.Kind == DeleteCase {
		return u, true, nil // the number is all it takes; the rest is a reason
	}
	if questionOnly(rest) {
		return u, false, nil // “开庭 案号”, “结案情况 案号” ask about the case
	}
	switch u.Kind {
	case SetHearing, AddHearing, MoveHearing:
		err = u.parseHearing(rest, o)
	case CloseCase:
		err = u.parseClosure(rest, o)
	case Appearance:
		err = u.parseAppearance(rest, o)
	}
	return u, true, err
}

// questionWords are what may follow a command word and a case number in a
// question about the case rather than a change to it.
var questionWords = strings.NewReplacer("情况", "", "进展", "", "安排", "", "时间", "", "日期", "", "怎么样", "",
	"如何", "", "是什么", "", "什么时候", "", "查询", "", "查一下", "", "了吗", "", "吗", "", "呢", "",
	"的", "", "了", "")

func questionOnly(s string) bool {
	return tidy(questionWords.Replace(s)) == ""
}

// numberSpan finds the bytes of s that spell the case number normalized as
// want: the shortest substring that parses to it.
func numberSpan(s, want string) [2]int {
	starts := []int{}
	for i := range s {
		starts = append(starts, i)
	}
	ends := append(append([]int(nil), starts[1:]...), len(s))
	for _, i := range starts {
		for _, j := range ends {
			if j <= i {
				continue
			}
			if n, err := cases.ParseNumber(s[i:j]); err == nil && n.String() == want {
				// Take a trailing 号 the shortest match left out.
				if strings.HasPrefix(s[j:], "号") {
					j += len("号")
				}
				return [2]int{i, j}
			}
		}
	}
	return [2]int{0, 0}
}

var clockRe = mustCompile(`(上午|下午|晚上|中午|早上|凌晨|傍晚|早|晚)?\s*(\d{1,2})\s*(?::|点|时)\s*(\d{1,2}|半|一刻|三刻)?\s*分?`)

// findClock finds a time of day and returns the text without it.
func findClock(s string) (h, m int, rest string, ok bool) {
	t := newText(digitsInClock(s))
	if h, m, ok = takeClock(t); !ok {
		return 0, 0, s, false
	}
	v, _ := t.view()
	return h, m, strings.ReplaceAll(v, string(hole), " "), true
}

// cnClock turns Chinese numerals before 点 and 时 into digits (九点半).
var cnClock = mustCompile(`([〇零一二两三四五六七八九十]{1,3})(点|时)([〇零一二三四五六七八九十]{1,3})?`)

func digitsInClock(s string) string { return clockDigits(s, false) }

// digitsInClocks is digitsInClock for free text, where 一点 may not be a
// time (快一点): only numerals next to a time of day, a date, or 半 / 分 /
// 的庭 are read as one.
func digitsInClocks(s string) string { return clockDigits(s, true) }

var (
	clockBefore = []string{"上午", "下午", "晚上", "中午", "早上", "凌晨", "傍晚", "早", "晚", "号", "日", "天", "周一", "周二", "周三",
		"周四", "周五", "周六", "周日", "到", "改", "在", "是"}
	clockAfter = []string{"半", "整", "钟", "分", "一刻", "三刻", "的", "开", "那", "出", "到", "前", "左右", "准时"}
)

func clockDigits(s string, guarded bool) string {
	locs := cnClock.FindAllStringSubmatchIndex(s, -1)
	var b strings.Builder
	last := 0
	for _, loc := range locs {
		m := s[loc[0]:loc[1]]
		if guarded {
			before, after := s[:loc[0]], s[loc[1]:]
			ok := false
			for _, w := range clockBefore {
				ok = ok || strings.HasSuffix(before, w)
			}
			for _, w := range clockAfter {
				ok = ok || strings.HasPrefix(after, w)
			}
			if loc[6] >= 0 || after == "" {
				ok = true
			}
			if !ok {
				continue
			}
		}
		b.WriteString(s[last:loc[0]])
		b.WriteString(clockDigit(m))
		last = loc[1]
	}
	b.WriteString(s[last:])
	return b.String()
}

func clockDigit(m string) string {
	sub := cnClock.FindStringSubmatch(m)
	h, ok := cnNumber(sub[1])
	if !ok {
		return m
	}
	out := strconv.Itoa(h) + sub[2]
	if sub[3] != "" {
		mm, ok := cnNumber(sub[3])
		if !ok {
			return m
		}
		out += strconv.Itoa(mm)
	}
	return out
}

// findDate finds one day in s (2025-12-03, 12月3日, 12/3, 明天, 下周三...),
// placed at its nearest occurrence, and returns s without it.
func findDate(s string, now time.Time, l lean) (time.Time, string, bool) {
	p, rest, ok := findPeriod(s, now, l)
	if !ok || !p.To.Equal(p.From.AddDate(0, 0, 1)) {
		return time.Time{}, s, false
	}
	return p.From, rest, true
}

// tidy trims what is left of a message around an argument.
func tidy(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r) && r != '(' && r != ')'
	})
}

// hearingVerbs is built once, not on every call (building a Replacer allocates).
var hearingVerbs = strings.NewReplacer("改为", " ", "改到", " ", "改成", " ", "调整为", " ", "延期至", " ", "延期到", " ", "定于", " ", "时间", " ")

func (u *Update) parseHearing(rest string, o Options) error {
	usage := Usage(u.Kind, o.Now)
	rest = hearingVerbs.Replace(rest)
	d, rest, ok := findDate(rest, o.Now, nearest)
	if !ok {
		return fmt.Errorf("没有看懂开庭日期。请这样写：%s", usage)
	}
	h, m, rest, ok := findClock(rest)
	if !ok {
		return fmt.Errorf("请写明开庭的具体时间（如 09:30 或 上午9点半）。例如：%s", usage)
	}
	u.At = time.Date(d.Year(), d.Month(), d.Day(), h, m, 0, 0, o.Now.Location())
	place := tidy(rest)
	for _, p := range []string{"地点在", "地点为", "地点:", "地点", "在"} {
		place = tidy(strings.TrimPrefix(place, p))
	}
	u.Place = place
	return nil
}

func (u *Update) parseClosure(rest string, o Options) error {
	d, rest, ok := findDate(rest, o.Now, past)
	if !ok {
		d = day(o.Now)
	}
	u.At = d
	rest = tidy(rest)
	if rest == "" {
		return fmt.Errorf("请写明结案方式。例如：%s", Usage(CloseCase, o.Now))
	}
	// The method is the longest leading run of words that is a 结案方式
	// of some kind; what follows is the reason (败诉原因).
	words := strings.FieldsFunc(rest, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune("，,；;。", r) })
	for i := len(words); i > 0; i-- {
		cand := strings.Join(words[:i], "")
		if outcomeKnown(cand) {
			u.Method = cand
			u.Reason = tidy(strings.Join(words[i:], " "))
			break
		}
	}
	if u.Method == "" {
		// Keep what was written; the handler names the case kind's list.
		u.Method = words[0]
		u.Reason = tidy(strings.Join(words[1:], " "))
	}
	for _, p := range []string{"败诉原因:", "败诉原因", "原因:", "原因", "理由:", "理由"} {
		u.Reason = tidy(strings.TrimPrefix(u.Reason, p))
	}
	return nil
}

// outcomeKnown reports whether s is a 结案方式 of some kind. outcomeIn asks
// it of every substring of a message, so it is a set lookup, not
// ParseOutcome's error per kind.
func outcomeKnown(s string) bool {
	return cases.KnownOutcome(s)
}

var (
	yesWords = []string{"已出庭", "出庭了", "已到庭", "到庭了", "到庭", "出了", "到了", "参加了", "是", "有", "对", "yes", "y"}
	noWords  = []string{"未出庭", "没出庭", "没有出庭", "未到庭", "没到庭", "缺席", "没有", "没去", "未到", "没", "否", "不是", "不", "无", "no", "n"}
)

func (u *Update) parseAppearance(rest string, o Options) error {
	d, rest, ok := findDate(rest, o.Now, past)
	if ok {
		u.At = d
	}
	w := strings.ToLower(tidy(rest))
	// A single character (是, 不, 无…) answers only on its own: 不知道 and
	// 有待确认 are not answers.
	answers := func(word string) bool {
		return w == word || utf8.RuneCountInString(word) > 1 && strings.HasPrefix(w, word)
	}
	for _, y := range noWords { // 未出庭 before 出庭
		if answers(y) {
			f := false
			u.Appeared = &f
			return nil
		}
	}
	for _, y := range yesWords {
		if answers(y) {
			t := true
			u.Appeared = &t
			return nil
		}
	}
	return fmt.Errorf("请写明负责人是否出庭（是 或 否）。例如：%s", Usage(Appearance, o.Now))
}

// A change told as news rather than written as a command: staff relay
// what happened in their own words (行初124今天判了 驳回诉讼请求, 局长上午出庭
// 了 登记一下). Read as a lookup, the user would take the card shown for a
// recorded change; read here, it goes through the same echo and 确认.
var (
	// closedVerbs say that a case was decided.
	closedVerbs = []string{"判下来了", "判决下来了", "判决出来了", "出判决了", "宣判了", "已宣判", "判决了", "判了", "裁定了",
		"结案了", "已结案", "结了", "出结果了", "撤诉了", "撤了", "判决书收到了", "收到判决书", "判决书到了", "裁定书收到了",
		"收到裁定书", "裁定书到了", "裁定书下来了", "判决书下来了", "驳回了", "调解了", "准许了", "准了"}
	// decidedVerbs tell that the court decided, with or without saying how
	// (判了 我们赢了): DecidedReport reads them when no 结案方式 is named.
	decidedVerbs = []string{"判下来了", "判决下来了", "判决出来了", "出判决了", "宣判了", "已宣判", "判决了", "判了", "裁定了",
		"出结果了", "判决书收到了", "收到判决书", "判决书到了", "裁定书收到了", "收到裁定书", "裁定书到了", "裁定书下来了", "判决书下来了"}
	// outcomeSpoken rewrites how a report says an outcome into the
	// vocabulary's words (撤回起诉 → 撤诉, 驳回了原告的诉讼请求 → 驳回原告诉讼
	// 请求) so that outcomeIn finds it.
	outcomeSpoken = strings.NewReplacer("原告那边撤了", "原告撤诉了", "原告撤了", "原告撤诉了", "对方撤了", "对方撤诉了", "申请人撤了", "申请人撤回申请了",
		"原告那边主动撤了", "原告撤诉了", "撤回了起诉", "撤诉", "撤回起诉", "撤诉", "撤回了诉讼", "撤诉", "撤回诉讼", "撤诉", "撤了诉", "撤诉",
		"驳回了原告的诉讼请求", "驳回原告诉讼请求", "驳回了原告诉讼请求", "驳回原告诉讼请求", "驳回原告的诉讼请求", "驳回原告诉讼请求",
		"驳回了诉讼请求", "驳回诉讼请求", "驳回了对方的诉讼请求", "驳回原告诉讼请求", "驳回了起诉", "驳回起诉", "驳回了上诉", "驳回上诉",
		"撤回了复议申请", "撤回申请", "撤回复议申请", "撤回申请", "撤回了申请", "撤回申请")
	// appearedVerbs say that the head appeared (or did not).
	appearedVerbs = []string{"出庭了", "到庭了", "本人去的", "本人去了", "本人到的", "本人参加的", "亲自参加的", "亲自出的庭", "自己去的",
		"本人参加了", "亲自参加了", "亲自到的", "出的庭", "去出庭了", "参加庭审了", "参加了庭审", "去了法院", "去法院了",
		"到庭应诉", "出庭应诉", "亲自出庭", "亲自到庭", "本人出庭", "本人到庭", "我到庭", "亲自去的", "亲自去了", "出庭回来",
		"出廷了", "出厅了", "亲自来了", "亲自来的", "亲自到了", "本人来了", "到场了", "按时到了"} // the last two as voice input and pinyin typing write 出庭了
	absentVerbs = []string{"没出庭", "没有出庭", "未出庭", "没到庭", "没去出庭", "没有去", "没去", "没来", "没有来", "没到", "未到",
		"没参加", "未参加", "没能出庭", "没能去", "缺席", "没露面"}
	// lawyerOnlyRe: only the lawyer (or staff) went, the head did not
	// (让律师去的, 委托律师出庭, 只有律师去了, 仅委托代理人).
	lawyerOnlyRe = mustCompile(`(?:让|叫|派|委托|只有|只是|仅|仅委托|就|是)(?:了)?(?:代理)?(?:律师|代理人)(?:去|出庭|到庭|参加|去的|出的庭)`)
	// pastHearingWords place a report on a hearing held (那次, 上次开庭):
	// with them a report needs no day.
	pastHearingWords = []string{"今天", "上午", "下午", "昨天", "前天", "刚才", "已经", "那次", "上次", "那天", "当天", "那场", "上一次"}
	// standInHeadRe: another head went in the head's place (派的副局长王刚,
	// 王副局长去的): no absence of a 负责人, so none is recorded.
	standInHeadRe = mustCompile(`(?:派|换|改|让|由|是)(?:的|了)?(?:\p{Han}{0,3})(?:副局长|副县长|副镇长|副主任|局长|县长|镇长|主任|书记)|` +
		`(?:副局长|副县长|副镇长|副主任|局长|县长|镇长|主任|书记)(?:代我|替我|代替我|代替他|替他|代他|代替)`)
	// appearedEndRe is 出庭/到庭 closing a clause (负责人陈立出庭。): a
	// statement, where 出庭 inside a clause may be anything (出庭率).
	appearedEndRe = mustCompile(`(?:出庭|到庭|到场)(?:$|[，,。.!！；;\s])`)
	// headWords name who appeared: the head, by title or as 负责人.
	headWords = []string{"负责人", "局长", "县长", "镇长", "主任", "领导", "书记", "我"}
	// recordWords ask for the fact to be put in the ledger.
	recordWords = []string{"登记一下", "登记下", "登记", "记一下", "记下", "记上", "录一下", "录入", "更新一下", "改一下"}
	// reportAsks mark a question, not a report.
	// A guess checked with 吧 (撤诉了吧, 没出庭是吧) is a question too; 记一下吧
	// is not.
	reportAsks = []string{"吗", "?", "呢", "是否", "有没有", "了没", "没有判", "什么", "啥", "怎么", "哪", "谁", "几",
		"了吧", "是吧", "对吧", "的吧", "没吧", "不是吧",
		// 孙局都没去 法院是不是两个都要发司法建议啊: a question about what
		// follows, not the absence told as news
		"是不是", "要不要", "会不会", "能不能", "可不可以", "需不需要", "该不该", "算不算",
		// 85号那个也写一篇吧 负责人没出庭被法院发建议的那个: a case described
		// for a write-up, not its absence told as news
		"写一篇", "写篇", "写个", "写一个", "以案说法", "起草", "起个草", "稿子", "案例宣传"}
)

// modalGuessRe is a guess about what must follow, checked with 吧 (这个要通报
// 吧, 应该要整改吧, 得发司法建议吧): a question whatever was told before it,
// never a write. A request closed with 吧 (记一下吧, 帮我登一下吧) has no
// modal and stays a request.
var modalGuessRe = mustCompile(`(?:要|应该|应当|得|需要|该|会)\p{Han}{1,5}吧(?:$|[，,。.！!？?\s])`)

// reportAsked reports whether t asks rather than tells: a question word
// (reportAsks) or a guess about what must follow (modalGuessRe: 83号输了郑局
// 没出庭 这个要通报吧 asks what follows, it tells nothing to write). Every
// report read from free text (appearance, closing, hearing held) checks it.
func reportAsked(t string) bool {
	return containsAny(t, reportAsks) || modalGuessRe.MatchString(t)
}

// countedAppearedRe asks an appearance be counted (算我出了吧, 就算我出庭
// 了吧, 应该算出庭了吧): said by the one who went, it tells it.
var countedAppearedRe = mustCompile(`(?:就|应该|可以)?算(?:我|是我)?(?:已经)?(?:出了|出庭了|出过庭了|到庭了|出了庭|出庭)(?:的)?(?:吧|哈|啊)?`)

// headArrivedRe is the head said to have arrived (我到了的, 陈局到了): 到了
// right after who, not of a paper (开庭通知到了).
var headArrivedRe = mustCompile(`(?:我|局长|县长|镇长|负责人|领导|\p{Han}局|\p{Han}县)(?:本人|亲自|已经|也|都)?(?:到了|到的)`)

// ownDoneRe is the teller's own appearance told as past (我本人去的, 我亲自
// 去的, 我自己去的): the 的 of a thing done, a report without a day said.
var ownDoneRe = mustCompile(`(?:本人|亲自|自己)(?:去|到|参加|出)(?:的|了)`)

// appearanceSetRe sets the 负责人是否出庭 column in words: 把出庭记成否,
// 出庭那栏填是, 负责人出庭登记为未出庭.
var appearanceSetRe = mustCompile(`(?:负责人)?(?:是否)?出庭(?:情况)?(?:那栏|那一栏|一栏|那项|那一项)?(?:记成|记为|记作|登记成|登记为|改成|改为|填成|填为|填|写成|写为)(是|否|已出庭|未出庭|出庭了|没出庭|没去|去了)`)

var (
	// mustAppearFieldRe names the 应当出庭 column; mustAppearFixRe asks it
	// changed (更正, 改成, 写错了, 其实…).
	mustAppearFieldRe = mustCompile(`应当出庭|应出庭|应该出庭|须出庭|必须出庭`)
	mustAppearFixRe   = mustCompile(`更正|改成|改为|改一下|改下|修改|更改|写错|填错|登记错|记错|应为|其实|实际上`)
	// mustAppearNoRe sets it to 否; mustAppearYesRe to 是 (a 出庭通知书
	// served is the court's 通知, 第5条); 写的否 corrected is 是.
	mustAppearNoRe  = mustCompile(`(?:改成|改为|应为|更正为|登记为|填)(?:否|不)|不属于?应当出庭|不是应当出庭|不用出庭|不需要出庭|写的是应当出庭|写成(?:了)?应当出庭`)
	mustAppearYesRe = mustCompile(`(?:改成|改为|应为|更正为|登记为|填)(?:是|应当)|出庭通知|写的否|写成(?:了)?否|写的不用|属于应当出庭|就是应当出庭`)
)

// mustAppearWrite reads a change of a hearing's 应当出庭 and its value; ok
// is false unless the column is named and a change asked.
func mustAppearWrite(t string) (bool, bool) {
	if !mustAppearFieldRe.MatchString(t) || !mustAppearFixRe.MatchString(t) {
		return false, false
	}
	switch {
	case mustAppearYesRe.MatchString(t):
		return true, true
	case mustAppearNoRe.MatchString(t):
		return false, true
	}
	return false, false
}

// ReportedUpdate reads a closing or a head's appearance told as news. ok
// is false for anything else, a question above all (判了吗, 局长出庭了没有).
// The case may be missing (Numbers and Short empty): the caller takes it
// from the conversation or asks for it.
func ReportedUpdate(text string, o Options) (u Update, ok bool) {
	t := Normalize(text)
	if m := countedAppearedRe.FindStringSubmatchIndex(t); m != nil {
		// 上午那个庭算我出了吧: the head asking their appearance be
		// counted tells it; 吧 here asks to record, not whether it was.
		t = t[:m[0]] + "我出庭了" + t[m[1]:]
	}
	if reportAsked(t) {
		return u, false
	}
	if asksToFollow(t) {
		return u, false // 33号判了通知我: to be told when it is, not news that it was
	}
	rest, one := u.caseIn(t, o)
	if !one {
		return u, false
	}
	if len(u.Numbers) == 0 {
		u.Seq, rest, u.Unread = reportedSeq(caseNumerals(t))
	}
	if must, ok := mustAppearWrite(rest); ok {
		// 92号台账写的否应当出庭 其实法院发了出庭通知: the 应当出庭 column,
		// not the appearance beside it.
		u.Kind, u.Must = SetMustAppear, &must
		return u, true
	}
	if m := appearanceSetRe.FindStringSubmatch(rest); m != nil {
		// 回头你把出庭记成否吧, 101的出庭登记为是: the 出庭 column set as the
		// command 出庭 案号 是/否 does, said in words.
		u.Kind = Appearance
		appeared := !strings.ContainsAny(m[1], "否未没不")
		u.Appeared = &appeared
		return u, true
	}
	rest = outcomeSpoken.Replace(rest)
	if method := outcomeIn(rest); method != "" && (containsAny(rest, closedVerbs) || decidedRe.MatchString(rest) || strings.Contains(rest, method+"了")) {
		u.Kind, u.Method = CloseCase, method
		u.At = day(o.Now)
		if d, _, found := findDate(rest, o.Now, past); found {
			u.At = d
		}
		for _, w := range []string{"败诉原因", "原因是", "原因", "理由是", "理由"} {
			if _, after, found := strings.Cut(rest, w); found {
				u.Reason = trimFiller(strings.TrimLeft(after, ":：，, "))
				break
			}
		}
		return u, true
	}
	titled := titledRe.FindStringSubmatch(rest)
	if !containsAny(rest, headWords) && titled == nil {
		return u, false
	}
	absent := containsAny(rest, absentVerbs) || lawyerOnlyRe.MatchString(rest) && !containsAny(rest, []string{"本人", "亲自"})
	if absent && otherSideAbsent(rest) {
		absent = false // 镇政府那边一个领导都没来, 原告没来: another side's absence, not the teller's head's
	}
	if absent && standInHeadRe.MatchString(afterAbsent(rest)) {
		return u, false // 陈局没去 派的副局长王刚: a 负责人 appeared all the same
	}
	// 今天的庭陈局长去了: 去了 after the hearing is named says they went;
	// so does 陈局去了的 with the head named (上午101陈局去了的 帮我登一下).
	went := (strings.Contains(rest, "庭") || titled != nil || containsAny(rest, []string{"负责人", "局长", "县长", "镇长", "领导"})) &&
		(containsAny(rest, []string{"去了", "去的"}) || headArrivedRe.MatchString(rest)) && !containsAny(rest, []string{"没去", "没到", "未到"})
	if !absent && !containsAny(rest, appearedVerbs) && !went && !appearedEndRe.MatchString(rest) && !ownDoneRe.MatchString(rest) {
		return u, false
	}
	if titled != nil {
		u.Surname = titled[1]
	}
	if !containsAny(rest, recordWords) && !containsAny(rest, pastHearingWords) && !heldReportRe.MatchString(rest) &&
		!ownDoneRe.MatchString(rest) && len(u.Numbers) == 0 && u.Seq == 0 { // 117 负责人出庭了: a case named makes it a report
		return u, false // 局长出庭了 alone could be anything; a report says when or asks to record it
	}
	u.Kind = Appearance
	appeared := !absent
	u.Appeared = &appeared
	if d, _, found := findDate(rest, o.Now, past); found {
		u.At = d
	} else if containsAny(rest, []string{"上午", "下午", "刚才"}) {
		u.At = day(o.Now)
	}
	return u, true
}

// outcomeIn finds the longest run of s that is a 结案方式 of some kind of
// case (驳回诉讼请求, 判决撤销, 准许撤诉).
func outcomeIn(s string) string {
	rs := []rune(s)
	best := ""
	for i := range rs {
		for j := min(len(rs), i+12); j >= i+2; j-- {
			if c := string(rs[i:j]); len(c) > len(best) && outcomeKnown(c) {
				best = c
				break
			}
		}
	}
	return best
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// caseIn takes the one case number t names, in full or short, into u and
// returns t without it; one is false when t names several.
func (u *Update) caseIn(t string, o Options) (rest string, one bool) {
	if ns := cases.FindNumbers(t); len(ns) == 1 {
		u.Numbers = []string{ns[0].String()}
		sp := numberSpan(t, ns[0].String())
		return t[:sp[0]] + " " + t[sp[1]:], true
	} else if len(ns) > 1 {
		return t, false
	}
	if short, numbers, found := findShort(t, o); found {
		u.Short, u.Numbers = short, numbers
		return strings.Replace(t, short, " ", 1), true
	}
	return t, true
}

// afterAbsent is what follows the first word of absence in s (陈局没去 派
// 的副局长王刚 → 派的副局长王刚), where a stand-in would be named.
func afterAbsent(s string) string {
	best := -1
	for _, w := range absentVerbs {
		if i := strings.Index(s, w); i >= 0 && (best < 0 || i < best) {
			best = i + len(w)
		}
	}
	if best < 0 {
		return s
	}
	return s[best:]
}

// timeAnswerFiller is what a reply giving the time of a move may say
// around the clock (几点没说 先按九点半记吧, 就按10点, 时间还是九点半): that
// the time was not said, and that it is to be recorded so.
var timeAnswerFiller = []string{"法院没说几点", "法院没说时间", "几点没说", "没说几点", "时间没说", "没说时间", "没讲几点", "几点没讲", "没说",
	"暂时", "暂定", "那就", "先", "就", "还是", "照旧", "也是", "时间是", "时间", "开庭", "按照", "按", "照", "登记为", "登记成", "登记", "记成", "记为",
	"记", "登", "写成", "写", "填", "算", "定", "吧", "的", "了", "啊", "哈", "嗯", "好", "那", "开", "一下"}

// TimeAnswer reads a reply that gives only the time of day of a change
// just proposed (几点没说 先按九点半记吧, 就按十点, 下午两点半): the answer
// to its “请核实时间”. ok is false for anything more (a day, a case, a
// question), which is a message of its own.
func TimeAnswer(text string) (h, m int, ok bool) {
	h, m, place, ok := TimePlaceAnswer(text)
	return h, m, ok && place == ""
}

// saidRoomRe is a courtroom said along with the time (还是十点 五庭, 第二法庭).
var saidRoomRe = mustCompile(`(?:还是|也是|在)?(?:第)?([一二三四五六七八九十0-9]{1,2})(?:号)?(?:法庭|庭)`)

// TimePlaceAnswer is TimeAnswer that also takes a courtroom said with the
// time (还是十点 五庭): place is its number as written (五), "" when none.
func TimePlaceAnswer(text string) (h, m int, place string, ok bool) {
	t := Normalize(text)
	if sm := saidRoomRe.FindStringSubmatchIndex(t); sm != nil {
		place = t[sm[2]:sm[3]]
		t = t[:sm[0]] + " " + t[sm[1]:]
	}
	if strings.ContainsAny(t, "吗？?呢") || strings.Contains(t, "号") || strings.Contains(t, "月") || strings.Contains(t, "周") {
		return 0, 0, "", false
	}
	h, m, rest, ok := findClock(t)
	if !ok {
		return 0, 0, "", false
	}
	for {
		rest = strings.Trim(rest, " ，,。.!！~")
		cut := false
		for _, w := range timeAnswerFiller {
			if r, found := strings.CutPrefix(rest, w); found {
				rest, cut = r, true
				break
			}
		}
		if !cut {
			break
		}
	}
	return h, m, place, rest == ""
}

// OtherSideAbsent reports whether text tells an absence, and only of a
// side other than the teller's agency (镇政府那边一个领导都没来, 原告没来).
func OtherSideAbsent(text string) bool { return otherSideAbsent(Normalize(text)) }

// otherSideRe names a side other than the teller's agency (镇政府那边, 对方,
// 原告, 第三人, 他们单位).
var otherSideRe = mustCompile(`那边|那头|那方|对方|原告|第三人|共同被告|人家|他们`)

// otherSideAbsent reports whether every clause of t telling an absence
// tells it of another side (镇政府那边一个领导都没来, 原告没来): the teller's
// head is not said to be absent.
func otherSideAbsent(t string) bool {
	found := false
	for _, cl := range strings.FieldsFunc(t, func(r rune) bool { return strings.ContainsRune(" \t\n，,。；;！!？?、", r) }) {
		if !containsAny(cl, absentVerbs) {
			continue
		}
		if !otherSideRe.MatchString(cl) {
			return false
		}
		found = true
	}
	return found
}
