package handlers

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/cases"
	"casebot/bot/intent"
	"casebot/bot/people"
	"casebot/bot/store"
)

// News from the field: a head or a handler writes what the court told them
// (法院说改到下周三上午九点半, 明天的庭推迟了, 我去不了). The bot finds the
// hearing meant, acknowledges, and forwards it with the case to the 专班
// group chat and to every staff member; the change (a move, a cancellation)
// waits as a pending update, which one “确认改期” from any staff member
// applies through the same confirmed-update path as a chat update
// (applyCase: one transaction that re-checks the hearing, recorded as a
// reschedule so those reminded are told).

// newsTTL is how long a reported change waits for a staff member's 确认.
const newsTTL = 48 * time.Hour

// maxPendingNews bounds the reported changes a staff member's list keeps.
const maxPendingNews = 20

// cannotText is what a head who cannot appear is reminded of.
const cannotText = "依法释〔2020〕3号第8、9条，不能出庭须有正当理由（不可抗力、意外事件、需本人处理的公务等），" +
	"请准备加盖公章的书面说明，并安排相应的工作人员出庭；确需延期的，请及时向法院申请延期开庭。"

func (s *service) news(c bot.Context, u intent.Understanding) (answer, error) {
	viewer, now, loc := c.Person(), c.Now(), c.Location()
	a := answer{noEcho: true, action: audit.Update, detail: "改期消息"}
	h, choices, err := s.reportedHearing(c, u)
	if err != nil {
		return a, err
	}
	if h != nil && u.News.Days > 1 {
		// 136明天和26号的都取消了: two days named for one change; which
		// hearing (or each) is the reporter's to say, one message each.
		choices = nil
		for _, x := range h.Case.ActiveHearings() {
			if !x.At.Before(now.Add(-reportedPast)) {
				choices = append(choices, store.ScheduledHearing{Case: h.Case, Hearing: x})
			}
		}
		if len(choices) > 1 {
			h = nil
		}
	}
	if h == nil && len(choices) > 0 {
		// Several hearings fit and the message names none: ask, never pick.
		return s.whichHearing(c, u, choices), nil
	}
	if h == nil {
		// Nothing matches all the message says: say so, list the nearest,
		// ask; nothing is proposed or forwarded.
		return s.noReportedHearing(c, u, a)
	}
	if viewer.Bureau() && u.News.Kind != intent.Cannot {
		// Staff reporting a change: the change itself, to confirm.
		ch, summary, err := s.newsChange(c, u, h)
		if err != nil {
			return a, err
		}
		a.md = ""
		if u.News.Kept != "" {
			summary += fmt.Sprintf("\n> 您说“%s”：那一场不作改动", u.News.Kept)
		}
		return a, s.propose(c, &pending{Summary: summary, Case: ch})
	}
	var p *pending
	if u.News.Kind != intent.Cannot {
		ch, summary, err := s.newsChange(c, u, h)
		if err != nil {
			return a, err
		}
		p = &pending{Author: c.UserID(), Summary: summary, Case: ch}
	}
	forwarded, err := s.forwardNews(c, u, h, p)
	if err != nil {
		return a, err
	}
	a.shown, a.results = []string{h.Case.Number}, 1
	var b strings.Builder
	fmt.Fprintf(&b, "收到。您说的是 **%s**（%s）%s 的开庭", h.Case.Number, s.parties(viewer, h.Case), whenCN(h.Hearing.At, now, loc))
	if h.Hearing.Place != "" {
		b.WriteString("，" + h.Hearing.Place)
	}
	b.WriteString("。\n\n")
	switch u.News.Kind {
	case intent.Moved:
		fmt.Fprintf(&b, "已告知司法局应诉专班：法院将开庭改到 **%s**。专班登记后，相关人员会按新时间收到开庭提醒。", whenCN(p.Case.At, now, loc))
		if note := movedTimeNote(u.News, h.Hearing.At, loc); note != "" {
			b.WriteString(note)
		}
	case intent.Postponed, intent.Cancelled:
		word := map[intent.NewsKind]string{intent.Postponed: "推迟（新时间待定）", intent.Cancelled: "取消"}[u.News.Kind]
		fmt.Fprintf(&b, "已告知司法局应诉专班：该场开庭%s。专班登记后不再就原时间提醒；定了新时间请再告诉我。", word)
	case intent.Cannot:
		if own := viewer.Role == people.Head && (h.Hearing.Head == "" || h.Hearing.Head == viewer.Name); !own {
			// 我刚打电话问了人社局 说赵磊去 负责人来不了: told of another's
			// hearing, by staff or a handler: the head's absence and who
			// goes instead, and the rule as what the agency must do.
			b.WriteString(othersCannot(viewer, h, standInOf(c.Message().Text, viewer, h.Hearing.Head), forwarded))
			break
		}
		b.WriteString("已将您不能出庭的情况转告司法局应诉专班。")
		if h.Hearing.MustAppear {
			b.WriteString("该场开庭台账标注为**应当出庭**（法释〔2020〕3号第4条所列情形）。")
		}
		b.WriteString(cannotText)
	}
	if u.News.Kept != "" {
		fmt.Fprintf(&b, "\n\n您说“%s”：那一场不作改动。", u.News.Kept)
	}
	if !forwarded && !viewer.Bureau() {
		// Staff are the 专班 themselves: only a reporter from the field is
		// told that no one could be reached.
		b.WriteString("\n（系统中没有登记应诉专班，未能转告，请直接电话联系司法局应诉专班。）")
	}
	a.md = b.String()
	return a, nil
}

var (
	// standInRe is someone named as going in the head's place (说赵磊去,
	// 孙局来不了 周洁去, 由王芳出庭); selfStandInRe the teller themselves (我去).
	standInRe     = regexp.MustCompile(`(?:^|说|由|让|派|换成|改由|是|[\s，,。])(\p{Han}{2,3}?)(?:去|来|出庭|参加)(?:了|的|吧)?(?:$|[\s，,。])`)
	selfStandInRe = regexp.MustCompile(`(?:^|[\s，,。])我(?:去|来|出庭|参加)(?:了|的|吧)?(?:$|[\s，,。])`)
)

// standInOf is who a report of a head's absence says goes instead, "" when
// it names none: the teller (我去) when they are not the head, else a name
// that is not the head's (by surname).
func standInOf(text string, viewer *people.Person, head string) string {
	t := intent.Normalize(text)
	if selfStandInRe.MatchString(t) && viewer.Name != "" && viewer.Name != head {
		return viewer.Name
	}
	for _, m := range standInRe.FindAllStringSubmatch(t, -1) {
		name := m[1]
		if r := []rune(name); len(r) == 3 && strings.ContainsRune("说由让派是叫请", r[0]) {
			name = string(r[1:]) // 说赵磊去: the name after the verb
		}
		if strings.ContainsAny(name, "不没我他她谁人") || strings.Contains(name, "负责") || strings.Contains(name, "领导") ||
			head != "" && strings.HasPrefix(name, string([]rune(head)[:1])) {
			continue
		}
		return name
	}
	return ""
}

// othersCannot is the answer to a head's absence told by someone else
// (staff who phoned the agency, the agency's handler): what was relayed,
// the one going instead when named, and the rule put as what the agency
// has to do, not as a reproach to the teller.
func othersCannot(viewer *people.Person, h *store.ScheduledHearing, standIn string, forwarded bool) string {
	var b strings.Builder
	who := "该场开庭的负责人"
	if h.Hearing.Head != "" {
		who = "出庭负责人" + headText(h.Hearing)
	}
	switch {
	case viewer.Bureau() && forwarded:
		fmt.Fprintf(&b, "已转告专班其他同事：%s不能出庭", who)
	case viewer.Bureau():
		fmt.Fprintf(&b, "收到：%s不能出庭", who)
	default:
		fmt.Fprintf(&b, "已将%s不能出庭的情况转告司法局应诉专班", who)
	}
	if standIn != "" {
		fmt.Fprintf(&b, "，由%s出庭", standIn)
	}
	b.WriteString("。台账未作修改。")
	if h.Hearing.MustAppear {
		b.WriteString("\n\n该场开庭台账标注为**应当出庭**（法释〔2020〕3号第4条所列情形）。")
	} else {
		b.WriteString("\n\n该场开庭台账未标注为应当出庭。")
	}
	b.WriteString("按法释〔2020〕3号第8–10条，负责人因正当理由（不可抗力、意外事件、需本人处理的公务等）不能出庭的，" +
		"被诉机关应向法院提交加盖公章的书面说明，并由相应的工作人员出庭；承办人等工作人员出庭不计为负责人出庭。")
	if viewer.Bureau() {
		b.WriteString("开庭后“负责人是否出庭”请按实际情况登记（格式：出庭 " + shortNumber(h.Case.Number) + " 否）。")
	}
	return b.String()
}

// whichHearing answers a report that fits several hearings: it lists them
// (the first few) and asks for the case number; nothing is proposed.
func (s *service) whichHearing(c bot.Context, u intent.Understanding, hs []store.ScheduledHearing) answer {
	viewer, loc := c.Person(), c.Location()
	a := answer{noEcho: true, action: audit.Update, detail: "改期消息：未指明案件"}
	var b strings.Builder
	oneCase := !slices.ContainsFunc(hs, func(h store.ScheduledHearing) bool { return h.Case.Number != hs[0].Case.Number })
	switch {
	case u.News != nil && u.News.Days > 1:
		fmt.Fprintf(&b, "您的消息提到了 %d 个日期，我不能替您判断变化的是哪一场；几场都有变化的，请一场一条分别告诉我。", u.News.Days)
	case u.Period.IsZero() && u.Party != "" && !hasRef(u):
		// 孔二十七那个庭推迟了: the party's case has several hearings.
		fmt.Fprintf(&b, "当事人%s的案件有 %d 场开庭，您的消息未指明是哪一场，我不能替您选定。", s.shownName(viewer, u.Party), len(hs))
	case u.Period.IsZero() && oneCase:
		// 136推迟了 the day after its first of two hearings.
		fmt.Fprintf(&b, "%s 有 %d 场开庭，您的消息未指明是哪一场，我不能替您选定。", hs[0].Case.Number, len(hs))
	case u.Period.IsZero():
		b.WriteString("您的消息未写明是哪个案件的开庭，我不能替您选定。")
	default:
		fmt.Fprintf(&b, "%s有 %d 场开庭，您的消息未指明是哪一场，我不能替您选定。", u.Period.Short(), len(hs))
	}
	n := min(len(hs), 5)
	if len(hs) > n {
		fmt.Fprintf(&b, "最近的 %d 场：", n)
	}
	b.WriteString("\n\n")
	for i, h := range hs[:n] {
		fmt.Fprintf(&b, "%d. %s\n\n", i+1, s.hearingText(viewer, h, loc))
		a.shown = append(a.shown, h.Case.Number)
	}
	ex := "行初85号"
	if sn := cases.MustParseNumber(hs[0].Case.Number); strings.HasPrefix(sn.Type, "行") && sn.Seq > 0 {
		ex = fmt.Sprintf("%s%d号", sn.Type, sn.Seq)
	}
	fmt.Fprintf(&b, "请连同案号再发一次，例如“%s明天的庭推迟了”或“%s改到12月3日上午9点半”。", ex, ex)
	a.md = b.String()
	a.pick = &pendingPick{} // 公安局那个, 第二个: the report again, of the one picked
	return a
}

// yearBefore returns numbers with their year one less: a short number
// completed with this year may mean last year's case.
func yearBefore(numbers []string) []string {
	var out []string
	for _, n := range numbers {
		if num, err := cases.ParseCanonical(n); err == nil && num.Year > 0 {
			num.Year--
			out = append(out, num.String())
		}
	}
	return out
}

// newsChange is the change a report asks for, as a chat update would make
// it: a move planned like 改期 (the reported time; the day of the hearing
// when only a time was given, its time of day when only a day), or the
// hearing cancelled.
func (s *service) newsChange(c bot.Context, u intent.Understanding, h *store.ScheduledHearing) (*caseChange, string, error) {
	loc, now := c.Location(), c.Now()
	if u.News.Kind == intent.Moved {
		at := u.News.At.In(loc)
		old := h.Hearing.At.In(loc)
		if at.Year() == 1 { // a time only
			at = time.Date(old.Year(), old.Month(), old.Day(), at.Hour(), at.Minute(), 0, 0, loc)
		} else if !u.News.TimeGiven {
			at = time.Date(at.Year(), at.Month(), at.Day(), old.Hour(), old.Minute(), 0, 0, loc)
			if h, ok := halfDayClock(u.News.Half, old); ok {
				at = time.Date(at.Year(), at.Month(), at.Day(), h, 0, 0, 0, loc)
			}
		}
		ch := &caseChange{Kind: intent.MoveHearing, Number: h.Case.Number, Op: opMoveHearing, HearingID: h.Hearing.ID,
			From: h.Hearing.At, At: at, Place: u.News.Place}
		place := h.Hearing.Place
		if u.News.Place != "" {
			place = u.News.Place
		}
		lines := []string{"**请核对以下修改**", "> 案号：" + h.Case.Number, "> 开庭改期：" + whenCN(old, now, loc) + " → " + whenCN(at, now, loc),
			"> 地点：" + orNone(place)}
		if note := movedTimeNote(u.News, old, loc); note != "" {
			lines = append(lines, note)
		}
		return ch, strings.Join(lines, "\n"), nil
	}
	word := map[intent.NewsKind]string{intent.Postponed: "推迟（新时间待定）", intent.Cancelled: "取消"}[u.News.Kind]
	ch := &caseChange{Kind: intent.MoveHearing, Number: h.Case.Number, Op: opCancelHearing, HearingID: h.Hearing.ID,
		From: h.Hearing.At, Reason: word}
	return ch, strings.Join([]string{"**请核对以下修改**", "> 案号：" + h.Case.Number,
		"> " + whenCN(h.Hearing.At, now, loc) + " 的开庭：" + word}, "\n"), nil
}

// forwardNews tells the 专班 group chat and every staff member, and leaves
// the change waiting for their 确认. It reports whether anyone was told.
func (s *service) forwardNews(c bot.Context, u intent.Understanding, h *store.ScheduledHearing, p *pending) (bool, error) {
	loc, now := c.Location(), c.Now()
	title := map[intent.NewsKind]string{intent.Moved: "【改期消息】", intent.Postponed: "【推迟消息】",
		intent.Cancelled: "【取消开庭消息】", intent.Cannot: "【无法出庭】"}[u.News.Kind]
	var b strings.Builder
	s.reportHead(&b, c, title, "原定开庭", h)
	b.WriteString("\n")
	switch {
	case p != nil && p.Case.Op == opMoveHearing:
		fmt.Fprintf(&b, "拟登记：改期至 %s%s%s\n回复“确认改期”即登记到台账（%d 小时内有效）；时间有出入的，请用“改期 案号 时间”登记。",
			whenCN(p.Case.At, now, loc), map[bool]string{true: " " + p.Case.Place, false: ""}[p.Case.Place != ""], movedTimeNote(u.News, h.Hearing.At, loc), int(newsTTL.Hours()))
	case p != nil:
		fmt.Fprintf(&b, "拟登记：该场开庭%s\n回复“确认改期”即登记到台账（%d 小时内有效）；定了新时间，请用“开庭 案号 时间 地点”登记。",
			p.Case.Reason, int(newsTTL.Hours()))
	default:
		b.WriteString("请专班跟进：" + cannotText)
	}
	return s.sendStaff(c, b.String(), p)
}

// reportHead writes the head of a field report relayed to the 专班: who
// said what, the case, and the hearing (labelled when) with its place and
// head.
func (s *service) reportHead(b *strings.Builder, c bot.Context, title, when string, h *store.ScheduledHearing) {
	viewer := c.Person()
	who := viewer.Name
	if viewer.Post != "" {
		who += viewer.Post
	}
	if viewer.Agency != "" {
		who += "（" + viewer.Agency + "）"
	}
	fmt.Fprintf(b, "%s%s 报：“%s”\n", title, who, strings.TrimSpace(c.Message().Text))
	fmt.Fprintf(b, "案件：%s %s", h.Case.Number, s.parties(&people.Person{Role: people.Staff}, h.Case))
	if h.Hearing.At.IsZero() {
		return // a case with no hearing held: the case alone
	}
	fmt.Fprintf(b, "\n%s：%s", when, whenCN(h.Hearing.At, c.Now(), c.Location()))
	if h.Hearing.Place != "" {
		b.WriteString(" " + h.Hearing.Place)
	}
	if h.Hearing.Head != "" {
		b.WriteString("，出庭负责人 " + headText(h.Hearing))
	}
}

// sendStaff tells the 专班 group chat and every staff member text, and
// leaves p (when not nil) waiting for their 确认. It reports whether anyone
// was told.
func (s *service) sendStaff(c bot.Context, text string, p *pending) (bool, error) {
	staff, err := s.st.PeopleWithRole(c.Ctx(), people.Staff)
	if err != nil {
		return false, err
	}
	var token string
	if p != nil {
		b := make([]byte, 12)
		if _, err := rand.Read(b); err != nil {
			return false, err
		}
		token = hex.EncodeToString(b)
		raw, err := json.Marshal(p)
		if err != nil {
			return false, err
		}
		rdb, k := s.st.Client(), s.st.Keys()
		if _, err := rdb.TxPipelined(c.Ctx(), func(pl redis.Pipeliner) error {
			pl.Set(c.Ctx(), k.PendingUpdate(token), raw, newsTTL)
			for _, st := range staff {
				pl.LPush(c.Ctx(), k.FieldNews(st.UserID), token)
				pl.LTrim(c.Ctx(), k.FieldNews(st.UserID), 0, maxPendingNews-1)
				pl.Expire(c.Ctx(), k.FieldNews(st.UserID), newsTTL)
			}
			if ch := p.Case; ch != nil && (ch.Op == opMoveHearing || ch.Op == opCancelHearing) {
				pl.LPush(c.Ctx(), k.CaseNews(ch.Number), token)
				pl.LTrim(c.Ctx(), k.CaseNews(ch.Number), 0, maxPendingNews-1)
				pl.Expire(c.Ctx(), k.CaseNews(ch.Number), newsTTL)
			}
			return nil
		}); err != nil {
			return false, err
		}
	}
	// What was relayed, for a retraction that follows (刚才说错了).
	if err := c.Memory().Remember(memForwarded, forwarded{Said: strings.TrimSpace(c.Message().Text), Token: token}); err != nil {
		return false, err
	}
	sent := false
	if chat := s.cfg.Reminder.StaffChat; chat != "" {
		if _, err := c.Send(bot.Outbound{ToChat: chat, Type: bot.MsgText, Text: text}); err != nil {
			return false, err
		}
		sent = true
	}
	var to []string
	for _, st := range staff {
		if st.UserID != c.UserID() {
			to = append(to, st.UserID)
		}
	}
	if len(to) > 0 {
		if _, err := c.Send(bot.Text(text, to...)); err != nil {
			return sent, err
		}
		sent = true
	}
	return sent, nil
}

// applyNews applies, for a staff member who replies 确认改期, a change
// reported from the field that is still waiting, once: the first staff
// member's 确认 applies it, a second one is told it was applied. When
// several are waiting and the reply does not say which (numbers, from the
// pick that follows), the bot lists them and asks: applying the newest
// silently would write a change the staff member may not have read.
func (s *service) applyNews(c bot.Context, numbers []string) (answer, error) {
	a := answer{noEcho: true}
	if !c.Person().Bureau() {
		a.md = "目前没有需要您确认的修改。"
		return a, nil
	}
	rdb, k := s.st.Client(), s.st.Keys()
	tokens, err := rdb.LRange(c.Ctx(), k.FieldNews(c.UserID()), 0, -1).Result()
	if err != nil {
		return a, err
	}
	type waiting struct {
		token string
		p     pending
	}
	var live []waiting
	for _, token := range tokens {
		raw, err := rdb.Get(c.Ctx(), k.PendingUpdate(token)).Bytes()
		if errors.Is(err, redis.Nil) || (err == nil && len(raw) == 0) {
			// applied by someone else, or expired
			if err := rdb.LRem(c.Ctx(), k.FieldNews(c.UserID()), 0, token).Err(); err != nil {
				return a, err
			}
			continue
		}
		if err != nil {
			return a, err
		}
		var p pending
		if err := json.Unmarshal(raw, &p); err != nil {
			return a, fmt.Errorf("decode reported change: %w", err)
		}
		if p.Case == nil {
			continue
		}
		if len(numbers) == 0 || slices.Contains(numbers, p.Case.Number) {
			live = append(live, waiting{token, p})
		}
	}
	if len(live) > 1 {
		var b strings.Builder
		fmt.Fprintf(&b, "有 %d 条负责人、承办人报来的消息（改期、出庭、结案）待确认，请问确认哪一条？\n\n", len(live))
		for i, w := range live {
			fmt.Fprintf(&b, "%d.\n%s\n\n", i+1, strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(w.p.Summary), "**请核对以下修改**")))
			if !slices.Contains(a.shown, w.p.Case.Number) {
				a.shown = append(a.shown, w.p.Case.Number)
			}
		}
		b.WriteString("请回复序号（例如“第一个”）或案号；逐条确认，每次一条。")
		a.md, a.results = b.String(), len(live)
		a.pick = &pendingPick{U: &intent.Understanding{Kind: intent.Confirm, Anchored: true}}
		return a, nil
	}
	for _, w := range live {
		raw, err := rdb.GetDel(c.Ctx(), k.PendingUpdate(w.token)).Bytes()
		if err := rdb.LRem(c.Ctx(), k.FieldNews(c.UserID()), 0, w.token).Err(); err != nil {
			return a, err
		}
		if errors.Is(err, redis.Nil) || len(raw) == 0 {
			continue // applied by someone else meanwhile
		}
		if err != nil {
			return a, err
		}
		if err := s.applyCase(c, &w.p); err != nil {
			return a, err
		}
		a.action, a.detail, a.results, a.shown = audit.Update, "登记改期消息", 1, []string{w.p.Case.Number}
		if n, err := rdb.LLen(c.Ctx(), k.FieldNews(c.UserID())).Result(); err == nil && n > 0 {
			if err := c.Reply(fmt.Sprintf("另有 %d 条报来的消息待确认，再回复“确认登记”继续。", n)); err != nil {
				return a, err
			}
		}
		return a, nil
	}
	msg := "目前没有待确认的改期消息或报来的出庭、结案消息。"
	if len(numbers) > 0 {
		msg = "目前没有" + strings.Join(numbers, "、") + "待确认的改期消息或报来的出庭、结案消息。"
	}
	a.md = msg
	a.claims = []claim{{Text: msg, What: claimList}}
	return a, nil
}

// changes answers 最近改期: the hearings moved or cancelled recently (the
// last 30 days unless a period is named), newest first, from the
// hearing-change stream; each case is shown only to those who may see it.
func (s *service) changes(c bot.Context, u intent.Understanding) (answer, error) {
	viewer, now, loc := c.Person(), c.Now(), c.Location()
	from, to, label := now.AddDate(0, 0, -30), now.Add(time.Minute), "近 30 天"
	if !u.Period.IsZero() {
		from, to, label = u.Period.From, u.Period.To, u.Period.Label
	}
	msgs, err := s.st.Client().XRevRangeN(c.Ctx(), s.st.Keys().HearingChanges(), "+", "-", 500).Result()
	if err != nil {
		return answer{}, err
	}
	var chs []store.HearingChange
	var numbers []string
	for _, m := range msgs {
		ch, err := store.ParseHearingChange(m)
		if err != nil {
			return answer{}, err
		}
		if ch.At.Before(from) || !ch.At.Before(to) {
			continue
		}
		chs = append(chs, ch)
		if !slices.Contains(numbers, ch.Case) {
			numbers = append(numbers, ch.Case)
		}
	}
	cs, err := s.visible(c.Ctx(), viewer, numbers, nil)
	if err != nil {
		return answer{}, err
	}
	byNumber := map[string]*cases.Case{}
	for _, cs := range cs {
		byNumber[cs.Number] = cs
	}
	var lines, shown []string
	for _, ch := range chs {
		cs := byNumber[ch.Case]
		if cs == nil {
			continue
		}
		v := fmt.Sprintf("%d. %s 登记：**%s** %s\n", len(lines)+1, ch.At.In(loc).Format("1月2日 15:04"), cs.Number, s.parties(viewer, cs))
		if ch.Kind == cases.HearingCancelled {
			v += "开庭 " + whenCN(ch.From, now, loc) + " 取消（或推迟，新时间待定）"
		} else {
			v += "开庭 " + whenCN(ch.From, now, loc) + " → " + whenCN(ch.To, now, loc)
		}
		lines = append(lines, v)
		if !slices.Contains(shown, cs.Number) {
			shown = append(shown, cs.Number)
		}
	}
	a := answer{shown: shown, results: len(lines)}
	if len(lines) == 0 {
		msg := label + "没有改期或取消的开庭" + scopeNote(viewer) + "。"
		a.claims = []claim{{Text: msg, What: claimChanges, Q: query{From: from, To: to}}}
		a.md = msg
	} else {
		a.md = fmt.Sprintf("**%s改期、取消的开庭**：共 %d 条%s\n\n", label, len(lines), scopeNote(viewer)) + strings.Join(lines, "\n\n")
	}
	if viewer.Bureau() {
		n, err := s.st.Client().LLen(c.Ctx(), s.st.Keys().FieldNews(c.UserID())).Result()
		if err == nil && n > 0 {
			a.md += fmt.Sprintf("\n\n另有 %d 条负责人、承办人报来的消息（改期、出庭、结案）待确认，回复“确认登记”登记。", n)
		}
		return a, nil
	}
	// A head or handler sees no staff queue, but a change their colleague
	// reported is coming: "没有改期" alone would read as if none were.
	note, err := s.reportedChangesOfOwn(c)
	if err != nil {
		return answer{}, err
	}
	if note != "" {
		a.md += "\n\n" + note
	}
	return a, nil
}

// reportedChangesOfOwn is pendingHearingNotes over the open cases of the
// asker's agency that have reports waiting (the first ten of them).
func (s *service) reportedChangesOfOwn(c bot.Context) (string, error) {
	own, err := s.ownNumbers(c.Ctx(), c.Person())
	if err != nil || len(own) == 0 {
		return "", err
	}
	if own, err = s.openFilter(c.Ctx(), own, true); err != nil || len(own) == 0 {
		return "", err
	}
	rdb, k := s.st.Client(), s.st.Keys()
	lens := make([]*redis.IntCmd, len(own))
	if _, err := rdb.Pipelined(c.Ctx(), func(p redis.Pipeliner) error {
		for i, n := range own {
			lens[i] = p.LLen(c.Ctx(), k.CaseNews(n))
		}
		return nil
	}); err != nil {
		return "", err
	}
	var with []string
	for i, l := range lens {
		if l.Val() > 0 {
			with = append(with, own[i])
		}
	}
	if len(with) == 0 {
		return "", nil
	}
	return s.pendingHearingNotes(c, with)
}

// pendingHearingNotes says, for the cases an answer shows, the hearing
// changes reported from the field that no staff member has confirmed yet
// (另：周洁报告 行初117 11月20日的开庭改到11月25日 09:30，尚未确认): an
// answer about that hearing must not read as if nothing were coming. A
// change applied or withdrawn is gone with its pending key.
func (s *service) pendingHearingNotes(c bot.Context, numbers []string) (string, error) {
	rdb, k, now, loc := s.st.Client(), s.st.Keys(), c.Now(), c.Location()
	var lines []string
	for _, n := range numbers[:min(len(numbers), 10)] {
		tokens, err := rdb.LRange(c.Ctx(), k.CaseNews(n), 0, -1).Result()
		if err != nil {
			return "", err
		}
		for _, t := range tokens {
			raw, err := rdb.Get(c.Ctx(), k.PendingUpdate(t)).Bytes()
			if errors.Is(err, redis.Nil) {
				continue // applied, withdrawn or expired
			}
			if err != nil {
				return "", err
			}
			var p pending
			if json.Unmarshal(raw, &p) != nil || p.Case == nil {
				continue
			}
			who := "有人"
			if p.Author != "" {
				if a, err := s.st.LookupPerson(c.Ctx(), p.Author); err == nil && a != nil {
					who = a.Name
				}
			}
			ch := p.Case
			what := "推迟（新时间待定）"
			if ch.Op == opMoveHearing {
				what = "改期到 " + whenCN(ch.At, now, loc)
			}
			lines = append(lines, fmt.Sprintf("另：%s报告 %s %s的开庭%s，尚未经专班确认，台账暂未修改。", who, shortNumber(ch.Number), whenCN(ch.From, now, loc), what))
		}
	}
	return strings.Join(lines, "\n"), nil
}

// halfDayClock is the hour a move to a half-day alone (改到下周一上午) is
// entered at when the old time lies in the other half: 09:00 or 14:30's
// hour (14). ok is false when the old time already fits or none was said.
func halfDayClock(half string, old time.Time) (int, bool) {
	switch {
	case half == "am" && old.Hour() >= 12:
		return 9, true
	case half == "pm" && old.Hour() < 12:
		return 14, true
	}
	return 0, false
}

// movedTimeNote says, under a move, what of the new time was not said:
// the clock time kept from the old hearing, or the one entered for a
// half-day alone; "" when the time was given.
func movedTimeNote(n *intent.Report, old time.Time, loc *time.Location) string {
	if n.TimeGiven || n.At.Year() == 1 {
		return ""
	}
	if h, ok := halfDayClock(n.Half, old.In(loc)); ok {
		half := map[string]string{"am": "上午", "pm": "下午"}[n.Half]
		return fmt.Sprintf("（只说了%s，具体时间未说，暂按 %02d:00 登记，请向法院核实）", half, h)
	}
	return fmt.Sprintf("（只说了日期，时间暂沿用原定的 %s，请核实）", old.In(loc).Format("15:04"))
}

// forwardedTime answers a time of day given by a reporter from the field
// right after their move was relayed with the time kept from the old
// hearing (“请核实”): 还是十点 五庭 confirms it, 下午两点半 corrects it. The
// change still waiting for the 专班's 确认 is updated (its time, and the
// note dropped), and the 专班 is told. ok is false when no such move of
// theirs is waiting, or the message says a courtroom other than its own.
func (s *service) forwardedTime(c bot.Context, text string) (bool, error) {
	viewer := c.Person()
	if viewer == nil || viewer.Bureau() || viewer.Role == "" {
		return false, nil
	}
	h, m, room, ok := intent.TimePlaceAnswer(text)
	if !ok {
		return false, nil
	}
	var f forwarded
	if found, err := c.Memory().Recall(memForwarded, &f); err != nil || !found || f.Token == "" {
		return false, err
	}
	key := s.st.Keys().PendingUpdate(f.Token)
	p, err := s.ownPendingMove(c, key)
	if p == nil || err != nil {
		return false, err
	}
	if room != "" {
		place := p.Case.Place
		if place == "" {
			k, err := s.st.Get(c.Ctx(), p.Case.Number)
			if err != nil {
				return false, err
			}
			if hr := k.Hearing(p.Case.HearingID); hr != nil {
				place = hr.Place
			}
		}
		if !strings.Contains(place, room) {
			return false, nil // another courtroom: a change of its own
		}
	}
	loc, now := c.Location(), c.Now()
	old, at := p.retime(h, m, now, loc)
	same := at.Equal(old)
	p.Case.At = at
	raw, err := json.Marshal(p)
	if err != nil {
		return false, err
	}
	ttl, err := s.st.Client().TTL(c.Ctx(), key).Result()
	if err != nil {
		return false, err
	}
	if ttl <= 0 {
		ttl = newsTTL
	}
	if err := s.st.Client().Set(c.Ctx(), key, raw, ttl).Err(); err != nil {
		return false, err
	}
	who := viewer.Name + viewer.Post
	if viewer.Agency != "" {
		who += "（" + viewer.Agency + "）"
	}
	note := fmt.Sprintf("【补充】%s：%s 改期后的开庭时间为 %s（原定时间不变）。", who, shortNumber(p.Case.Number), whenCN(at, now, loc))
	if !same {
		note = fmt.Sprintf("【补充】%s：%s 改期后的开庭时间为 %s，前一条拟登记的时间已按此更正；回复“确认改期”即登记。", who, shortNumber(p.Case.Number), whenCN(at, now, loc))
	}
	told, err := s.sendStaff(c, note, nil)
	if err != nil {
		return true, err
	}
	// sendStaff remembered the note; the move stays the one to correct.
	if err := c.Memory().Remember(memForwarded, f); err != nil {
		return true, err
	}
	if err := s.record(c, audit.Update, string(intent.MoveHearing), 0, []string{p.Case.Number}, "补充改期时间"); err != nil {
		return true, err
	}
	msg := fmt.Sprintf("好的，**%s** 改期后的开庭时间按 **%s** 转告专班", p.Case.Number, whenCN(at, now, loc))
	if told {
		msg += "，专班确认后登记；这次我未直接修改台账。"
	} else {
		msg += "。（系统中没有登记应诉专班，未能转告，请直接电话联系司法局应诉专班。）"
	}
	return true, c.ReplyMarkdown(msg)
}
