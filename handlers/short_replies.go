package handlers

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/cases"
	"casebot/bot/deadline"
	"casebot/bot/intent"
	"casebot/bot/people"
	"casebot/reminders"
)

// Short replies to what the bot just showed: a word or two that only make
// sense against the last answer (下一个呢, 同比呢, 去, 上次我去了没, 他名单
// 里有没有). Each reader here takes the message only when the last answer
// gives it its meaning; otherwise the ordinary reading goes on, so a
// message that refers back never falls to the scope line and a fresh
// question is never bent to the last one.

// shortText is a message as these readers compare it: normalized, without
// spaces, punctuation and the trailing particles people add.
func shortText(text string) string {
	t := intent.Normalize(text)
	t = strings.Map(func(r rune) rune {
		if strings.ContainsRune(" 　,，.。!！?？~、…", r) {
			return -1
		}
		return r
	}, t)
	return strings.TrimRight(t, "呢嘛噻撒哈哦啊呀嘞咧喃")
}

// nextItemRe asks for the item after the one in focus (下一个呢, 再下一个,
// 那下一场呢, 后一个是哪个).
var nextItemRe = regexp.MustCompile(`^(?:那|那么|然后)?(?:再)?(?:下一|后一|往后一|接下来一)(?:个|条|件|场|项|位|个庭|场庭|个案子|个开庭)(?:是哪个|是哪场|是什么|是啥|是哪天|在哪天)?$`)

// nextItem answers 下一个 after a list or a pick: the item after the one
// picked (第一个 → 下一个: the second), the second of a list that answered
// a question of one (我下次出庭是什么时候 → 下一个呢), the hearing after the
// one given of a case (行初96下次开庭 → 下一场呢), or says the list has no
// more, or asks which item is meant. ok is false when text is no such
// reply or nothing was shown.
func (s *service) nextItem(c bot.Context, text string, last *lastQuestion) (answer, intent.Understanding, bool, error) {
	if last == nil || !strings.Contains(text, "一") || !nextItemRe.MatchString(shortText(text)) {
		return answer{}, intent.Understanding{}, false, nil
	}
	p := last.U
	if p.Kind == intent.Case && len(last.Shown) == 1 {
		a, err := s.hearingAfter(c, last.Shown[0])
		return a, intent.Understanding{Kind: intent.Case, Numbers: last.Shown, Aspect: intent.When, FollowUp: true, Anchored: true}, true, err
	}
	pg, err := s.loadPage(c)
	if err != nil || pg == nil || len(pg.Items) == 0 || pg.Kind != listHearings && pg.Kind != listCases {
		return answer{}, intent.Understanding{}, false, err
	}
	n := 0
	switch {
	case p.Kind == intent.Pick && p.Ordinal > 0:
		n = p.Ordinal + 1
	case p.Order == "next" || p.Aspect == intent.When || len(pg.Items) == 1:
		n = 2 // the list answered 下次…: its first is the one given
	default:
		md := fmt.Sprintf("上面列出了 %d 项，您说的“下一个”是哪一项？请回复序号（例如“第二个”）或案号。", len(pg.Items))
		return answer{md: md, noEcho: true, shown: last.Shown}, p, true, nil
	}
	if n > len(pg.Items) && pg.Kind == listHearings && p.Kind == intent.Hearings && !p.Period.IsZero() {
		// 明天上午公安局那个庭 → 下一个呢: the same question's next hearing
		// after the last one shown, whatever its day.
		hs, err := s.hearings(c, c.Person(), pg.Items[len(pg.Items)-1:])
		if err != nil || len(hs) == 0 {
			return answer{}, intent.Understanding{}, false, err
		}
		at := hs[0].Hearing.At
		m := p
		m.Period = intent.Period{From: at.Add(time.Minute), To: at.AddDate(1, 0, 0), Label: whenCN(at, c.Now(), c.Location()) + "之后"}
		m.TimeOfDay, m.Clock, m.Upcoming, m.FollowUp, m.Anchored = "", "", false, true, true
		a, err := s.hearingsAnswer(c, m)
		return a, m, true, err
	}
	if n > len(pg.Items) {
		title := strings.Trim(strings.SplitN(pg.Title, "：", 2)[0], "*")
		md := fmt.Sprintf("上面列出的%s共 %d 项，第 %d 项已是最后一项。", title, len(pg.Items), len(pg.Items))
		return answer{md: md, noEcho: true, shown: last.Shown}, p, true, nil
	}
	u := intent.Understanding{Kind: intent.Pick, Ordinal: n, FollowUp: true, Anchored: true}
	a, err := s.pick(c, u)
	return a, u, true, err
}

// hearingAfter is the hearing of a case after its next one (行初96 → 下一场
// 呢), read from the case itself: the ledger either lists one or it does not.
func (s *service) hearingAfter(c bot.Context, number string) (answer, error) {
	viewer, now, loc := c.Person(), c.Now(), c.Location()
	cs, err := s.visible(c.Ctx(), viewer, []string{number}, nil)
	if err != nil || len(cs) == 0 {
		return answer{md: "这个案件已删除或您已无权查看。", noEcho: true}, err
	}
	k := cs[0]
	var coming []cases.Hearing
	for _, h := range k.ActiveHearings() {
		if h.At.After(now) {
			coming = append(coming, h)
		}
	}
	a := answer{noEcho: true, shown: []string{k.Number}, results: 1}
	switch len(coming) {
	case 0:
		msg := fmt.Sprintf("**%s** 台账中今后没有待开的庭", k.Number)
		a.md = msg + "。\n\n" + s.card(viewer, k, now, loc)
		a.claims = []claim{{Text: msg, What: claimHearings, Q: query{Numbers: []string{k.Number}, From: now}}}
	case 1:
		msg := fmt.Sprintf("**%s** 台账中今后没有 %s 之后的开庭", k.Number, whenCN(coming[0].At, now, loc))
		a.md = msg + "（下次开庭即这一场，" + orNone(coming[0].Place) + "）。\n\n" + s.card(viewer, k, now, loc)
		a.claims = []claim{{Text: msg, What: claimHearings, Q: query{Numbers: []string{k.Number}, From: coming[0].At.Add(time.Minute)}}}
	default:
		h := coming[1]
		a.md = fmt.Sprintf("**%s** 下次开庭之后的一场：**%s** %s。\n\n%s", k.Number, whenCN(h.At, now, loc), orNone(h.Place), s.card(viewer, k, now, loc))
	}
	return a, nil
}

// comparedPeriod reads 同比 / 环比 after a count or a rate: the last
// question, and the period to compare it with (a year before, or the span
// just before of the same length: the month, quarter, half or year before).
// A count's 同比 is the count's own comparison (Compare); everything else
// is the same question asked again over the other period, so chat gives
// the figures the bulletin's computation gives for each.
func comparedPeriod(text string, last *lastQuestion, now time.Time) (u intent.Understanding, other intent.Period, ok bool) {
	if last == nil || last.U.Kind != intent.Count && last.U.Kind != intent.Rates {
		return u, other, false
	}
	m := intent.CompareAsked(shortText(text))
	if m == nil {
		return u, other, false
	}
	u = last.U
	u.FollowUp, u.Anchored, u.Residue, u.Filler = true, true, nil, nil
	p := u.Period
	if p.IsZero() {
		y := now.Year()
		p = intent.Period{From: time.Date(y, 1, 1, 0, 0, 0, 0, now.Location()), To: time.Date(y+1, 1, 1, 0, 0, 0, 0, now.Location()), Label: fmt.Sprintf("%d年", y)}
		u.Period = p
	}
	if m[1] != "" {
		if u.Kind == intent.Count {
			u.Compare = true
			return u, intent.Period{}, true
		}
		from, to := p.From.AddDate(-1, 0, 0), p.To.AddDate(-1, 0, 0)
		if p.To.After(now) {
			to = now.AddDate(-1, 0, 0) // a period still running: up to the same day
		}
		return u, intent.Period{From: from, To: to, Label: fmt.Sprintf("去年同期（%s—%s）", from.Format("2006年1月2日"), to.Add(-time.Nanosecond).Format("1月2日"))}, true
	}
	months := (p.To.Year()-p.From.Year())*12 + int(p.To.Month()) - int(p.From.Month())
	var from time.Time
	if p.From.Day() == 1 && p.To.Day() == 1 && months > 0 {
		from = p.From.AddDate(0, -months, 0) // a month, quarter, half or year: the one before
	} else {
		from = p.From.Add(-p.To.Sub(p.From))
	}
	to := p.From
	return u, intent.Period{From: from, To: to, Label: spanLabel(from, to)}, true
}

// spanLabel names the period before, as the answers title it: a month
// (2026年10月), a quarter, a half, a year, or the dates.
func spanLabel(from, to time.Time) string {
	months := (to.Year()-from.Year())*12 + int(to.Month()) - int(from.Month())
	if from.Day() == 1 && to.Day() == 1 {
		switch {
		case months == 1:
			return from.Format("2006年1月")
		case months == 3 && (from.Month()-1)%3 == 0:
			return fmt.Sprintf("%d年第%d季度", from.Year(), (from.Month()-1)/3+1)
		case months == 6 && (from.Month() == 1 || from.Month() == 7):
			return fmt.Sprintf("%d年%s", from.Year(), map[bool]string{true: "上半年", false: "下半年"}[from.Month() == 1])
		case months == 12 && from.Month() == 1:
			return fmt.Sprintf("%d年", from.Year())
		}
	}
	return fmt.Sprintf("%s—%s", from.Format("2006年1月2日"), to.Add(-time.Nanosecond).Format("1月2日"))
}

// attendDoneRe is an attendance told as done (今天的庭我去了, 刚才已经出庭了,
// 昨天那个庭我到了): the ordinary reading records it after the hearing,
// never a confirmation of one to come.
var attendDoneRe = regexp.MustCompile(`(?:今天|昨天|前天|刚才|刚刚|已经|上午|下午).*(?:去|到|参加|出庭|出席|到场)了$`)

// attendWhich names the hearing a yes is about, before it (明天那个庭我去,
// 后天的庭 我准时到, 12号那场我参加): the day, then the hearing.
const attendWhich = `(?:(?:今天|明天|后天|当天|(?:下|这|本)?(?:个)?(?:周|星期|礼拜)[一二三四五六日天]|[0-9０-９一二三四五六七八九十]{1,3}(?:号|日))?(?:上午|下午)?(?:(?:那个|这个|的)?(?:庭|开庭|庭审)|那场|这场)(?:的话)?)?`

// attendYesRe is a head's yes to their own hearing just shown (去, 好 到时
// 候我去, 行 我去, 晓得了 我准时到, 没问题 会去的); attendAckRe the bare
// agreement that counts as one right under that hearing (行, 可以, 要得).
var (
	attendYesRe = regexp.MustCompile(`^(?:好的|好|行|嗯嗯|嗯|可以|要得|没问题|收到|晓得了|知道了|明白|ok)*(?:那)?` + attendWhich + `(?:到时候|到时|那天|明天|后天|当天|准时|按时)?(?:我)?(?:一定|肯定|会|要|就|能|可以)?(?:准时|按时)?(?:去|到|参加|出庭|到场|过去|出席)(?:的|了)?$|` +
		`^(?:我)?` + attendWhich + `(?:我)?(?:确认|确定)(?:一下)?(?:会)?(?:出庭|参加|出席|到庭|去|能去|会去)(?:的|了)?$`)
	// attendNamedYesRe is the yes with the hearing named by its day and a
	// party (下周一王五那个我能去, 明天张三那个庭我去).
	attendNamedYesRe = regexp.MustCompile(`^(?:今天|明天|后天|(?:下|这|本)?(?:个)?(?:周|星期|礼拜)[一二三四五六日天]|[0-9]{1,2}(?:号|日))(?:上午|下午)?\p{Han}{2,4}?(?:那个|这个|那件|的)(?:庭|案子|案件|开庭)?(?:我)?(?:一定|肯定|会|要|就|能|可以)?(?:准时|按时)?(?:去|到|参加|出庭|到场|出席)(?:的|了)?$`)
	attendAckRe      = regexp.MustCompile(`^(?:行|可以|要得|没问题|没得问题|行的|可以的|好嘞|妥)$`)
	// attendHedge and attendConflict are the two halves of an undecided
	// reply: the hedge (说不准, 可能去不了) and the clash that makes it
	// one (那天可能有检查, 明天上午有个会冲突了); either or both.
	attendHedge    = `看情况|看看情况|看看再说|再看看|看时间|到时候再说|到时再说|到时候看|再说|不好说|说不准|说不好|不确定|还不确定|不一定|尽量(?:去|参加|安排)?|争取(?:去|参加)?|(?:可能|估计|怕是|恐怕)(?:去不了|去不成|来不了|参加不了|没空|没时间)|不一定(?:去得了|去得成|能去|有空|有时间)`
	attendConflict = `(?:那天|当天|明天|后天|那个时间|那个时候|那时候)?(?:上午|下午)?(?:可能|估计|好像)?(?:要|有个?|还有个?|要开个?)(?:会|开会|会议|别的安排|安排|事|其他事|接待|检查|调研)(?:时间)?(?:冲突|撞了|撞车)?`
	// attendMaybeRe is a head's answer that is neither yes nor no (看情况吧,
	// 到时候再说, 不一定去得了, 我尽量, 可能去不了, 那天要开会): it must not
	// be recorded as a confirmation, nor relayed as a refusal they did not
	// make; the bot asks which of the card's answers they mean.
	attendMaybeRe = regexp.MustCompile(`^(?:我|那|这个|嗯)?(?:(?:` + attendHedge + `)(?:` + attendConflict + `)?|` + attendConflict + `)(?:的|了|啊|吧)?$`)
)

// ownHearingShown returns the one hearing to come the viewer heads among
// the cases just shown (我明天的庭, a reminder asked about), with its case:
// the first of several when the last question asked for the next one (我
// 下次出庭是什么时候); ok is false when there is none, or several and no
// one of them was asked for.
func (s *service) ownHearingShown(c bot.Context, last *lastQuestion) (*cases.Case, *cases.Hearing, bool, error) {
	viewer, now := c.Person(), c.Now()
	if last == nil || viewer == nil || viewer.Role != people.Head || viewer.Name == "" || len(last.Shown) == 0 {
		return nil, nil, false, nil
	}
	cs, err := s.visible(c.Ctx(), viewer, last.Shown, nil)
	if err != nil {
		return nil, nil, false, err
	}
	asked := last.U.Order == "next" || last.U.Aspect == intent.When
	var k *cases.Case
	var h *cases.Hearing
	for _, x := range cs {
		next := x.NextHearing(now)
		if next == nil || next.Head != viewer.Name {
			continue
		}
		if k != nil && !asked {
			return nil, nil, false, nil // two of theirs, neither asked for: the ordinary reading
		}
		if k == nil || next.At.Before(h.At) {
			k, h = x, next
		}
	}
	return k, h, k != nil, nil
}

// attendReply reads a head's yes (去, 好 到时候我去, 行) right after their own
// hearing was shown as the answer to that hearing's reminder: it proposes
// the confirmation the card's 确认出庭 button records, to be confirmed with
// “确认”. Their no (我不去了, 去不了) is news the ordinary reading already
// relays to the 专班 with the rule. ok is false for anything else.
func (s *service) attendReply(c bot.Context, text string, last *lastQuestion) (bool, error) {
	if viewer := c.Person(); viewer == nil || viewer.Role != people.Head || s.reminders == nil || utf8.RuneCountInString(text) > 20 {
		return false, nil // only a head answers their own hearing, and briefly
	}
	t := shortText(text)
	if attendDoneRe.MatchString(t) {
		return false, nil // 今天的庭我去了: an attendance told, not a yes to come
	}
	maybe := attendMaybeRe.MatchString(t)
	named := attendNamedYesRe.MatchString(t)
	if !attendYesRe.MatchString(t) && !attendAckRe.MatchString(t) && !maybe && !named {
		return false, nil
	}
	k, h, ok, err := s.ownHearingShown(c, last)
	if err != nil {
		return false, err
	}
	if !ok && (last == nil || len(last.Shown) == 0) {
		// Nothing shown in chat: the reminder card they were sent is what
		// they answer (去 under the card, typed instead of the button).
		if k, h, ok, err = s.remindedOwnHearing(c); err != nil {
			return false, err
		}
		if !ok {
			if k, h, ok, err = s.unansweredOwnHearing(c, t); err != nil {
				return false, err
			}
		}
	}
	if !ok && (named || strings.Contains(t, "庭") || strings.Contains(t, "那场") || strings.Contains(t, "这场")) {
		// 下周一那个庭我去 after another case was shown: the hearing is
		// named by its day, whatever the conversation was about.
		if k, h, ok, err = s.unansweredOwnHearing(c, t); err != nil {
			return false, err
		}
	}
	if !ok {
		return false, nil
	}
	now, loc := c.Now(), c.Location()
	if maybe {
		return true, s.attendAsk(c, text, k, h)
	}
	summary := fmt.Sprintf("将登记：您（%s）确认出庭 **%s** %s的开庭（%s %s）", c.Person().Name, k.Number, whenCN(h.At, now, loc), orNone(k.Court), h.Place)
	if h.MustAppear {
		summary += "，该场台账标注为应当出庭"
	}
	summary += "。与提醒卡片上的“确认出庭”相同，专班可以看到。"
	return true, s.propose(c, &pending{Summary: summary, Attend: &attendChange{Number: k.Number, Hearing: h.ID, At: h.At}})
}

// attendAsk answers a head's undecided reply to their hearing's reminder:
// nothing is recorded or relayed; it names the hearing and says what each
// of the card's answers means and how to give it in words.
func (s *service) attendAsk(c bot.Context, text string, k *cases.Case, h *cases.Hearing) error {
	now, loc := c.Now(), c.Location()
	var b strings.Builder
	fmt.Fprintf(&b, "您说的是 **%s** %s的开庭（%s %s）", k.Number, whenCN(h.At, now, loc), orNone(k.Court), h.Place)
	if h.MustAppear {
		b.WriteString("，该场台账标注为应当出庭")
	}
	fmt.Fprintf(&b, "。“%s”我先不登记为确认出庭，也先不转告专班。请告诉我您的决定：\n\n", strings.TrimSpace(text))
	b.WriteString("1. 能去：回复“我去”，与提醒卡片上的“确认出庭”相同；\n")
	b.WriteString("2. 无法出庭：回复“去不了”并说明原因（如“去不了 要开会”），我转告司法局应诉专班登记无法出庭；\n")
	b.WriteString("3. 更换出庭人：回复由谁出庭（如“换王副局长去”），由专班登记更换出庭人。")
	if h.MustAppear {
		b.WriteString("\n\n依法释〔2020〕3号第8、9条，不能出庭须有正当理由，并安排相应的工作人员出庭。")
	}
	if err := s.record(c, audit.Query, "attend-ask", 1, []string{k.Number}, ""); err != nil {
		return err
	}
	return c.Reply(b.String())
}

// remindWindow is how far ahead a head's hearing can be the one their
// last reminder card was about (the reminders start days before).
const remindWindow = 8 * 24 * time.Hour

// ownHearing is a hearing to come that the viewer heads, with what the
// reminders recorded about it.
type ownHearing struct {
	k    *cases.Case
	h    *cases.Hearing
	told reminders.Told
}

// ownUpcoming lists the hearings to come within remindWindow that the
// viewer (a head) is recorded to appear at, soonest first: the one place
// that reads which of their hearings a reminder was sent about and which
// they answered, for the typed answers and for the greeting.
func (s *service) ownUpcoming(c bot.Context) ([]ownHearing, error) {
	viewer, now := c.Person(), c.Now()
	if viewer == nil || viewer.Role != people.Head || viewer.Name == "" || s.reminders == nil {
		return nil, nil
	}
	ns, err := s.ownNumbers(c.Ctx(), viewer)
	if err != nil {
		return nil, err
	}
	cs, err := s.visible(c.Ctx(), viewer, ns, nil)
	if err != nil {
		return nil, err
	}
	var out []ownHearing
	for _, x := range cs {
		next := x.NextHearing(now)
		if next == nil || next.Head != viewer.Name || next.At.Sub(now) > remindWindow {
			continue
		}
		told, err := s.reminders.HearingTold(c.Ctx(), cases.Ref(x.Number, next.ID), next.At)
		if err != nil {
			return nil, err
		}
		out = append(out, ownHearing{k: x, h: next, told: told})
	}
	slices.SortStableFunc(out, func(a, b ownHearing) int { return a.h.At.Compare(b.h.At) })
	return out, nil
}

// remindedOwnHearing is the one hearing to come that the viewer heads,
// was sent a reminder card about and has not answered yet; ok is false
// when there is none or several.
func (s *service) remindedOwnHearing(c bot.Context) (*cases.Case, *cases.Hearing, bool, error) {
	hs, err := s.ownUpcoming(c)
	if err != nil {
		return nil, nil, false, err
	}
	var one *ownHearing
	for i, o := range hs {
		if !slices.Contains(o.told.Recipients, c.UserID()) || o.told.Ack.Status != "" {
			continue
		}
		if one != nil {
			return nil, nil, false, nil // two cards unanswered: which one is not ours to guess
		}
		one = &hs[i]
	}
	if one == nil {
		return nil, nil, false, nil
	}
	return one.k, one.h, true, nil
}

// unansweredOwnHearing is the hearing a head's yes answers when nothing was
// shown and no card is waiting (a reminder not sent yet: 明天那个庭我去 the
// afternoon before): their one unanswered hearing to come, or the one on
// the day the message names (今天, 明天, 后天). ok is false when there is
// none or the choice is not theirs alone.
func (s *service) unansweredOwnHearing(c bot.Context, text string) (*cases.Case, *cases.Hearing, bool, error) {
	hs, err := s.ownUpcoming(c)
	if err != nil {
		return nil, nil, false, err
	}
	now, loc := c.Now().In(c.Location()), c.Location()
	// The day the message names: 大后天 before 后天, which it holds; two
	// different days named leave the choice open.
	day, named := -1, false
	rest := text
	for _, w := range []struct {
		word string
		day  int
	}{{"大后天", 3}, {"今天", 0}, {"明天", 1}, {"后天", 2}} {
		if !strings.Contains(rest, w.word) {
			continue
		}
		if named && day != w.day {
			return nil, nil, false, nil
		}
		day, named = w.day, true
		rest = strings.ReplaceAll(rest, w.word, "")
	}
	// 下周一那个庭我去, 25号那场我参加: any other day said, as the
	// ordinary reading dates it, picks the hearing of that day.
	var period intent.Period
	if !named {
		u, err := intent.Understand(text, s.options(c, c.Person()))
		if err != nil {
			return nil, nil, false, err
		}
		period = u.Period
	}
	var one *ownHearing
	for i, o := range hs {
		if o.told.Ack.Status != "" {
			continue
		}
		if !period.IsZero() && (o.h.At.Before(period.From) || !o.h.At.Before(period.To)) {
			continue
		}
		if named {
			y, m, d := now.AddDate(0, 0, day).Date()
			hy, hm, hd := o.h.At.In(loc).Date()
			if y != hy || m != hm || d != hd {
				continue
			}
		}
		if one != nil {
			return nil, nil, false, nil
		}
		one = &hs[i]
	}
	if one == nil {
		return nil, nil, false, nil
	}
	return one.k, one.h, true, nil
}

// attendChange is a head's typed confirmation of a hearing, waiting for 确认.
type attendChange struct {
	Number  string    `json:"number"`
	Hearing int       `json:"hearing"`
	At      time.Time `json:"at"`
}

// applyAttend records a confirmed attendance as the card's button does.
func (s *service) applyAttend(c bot.Context, p *pending) error {
	a := p.Attend
	if s.reminders == nil {
		return c.Reply("提醒服务未启用，无法登记确认出庭，请直接告知司法局应诉专班。")
	}
	cur, err := s.st.Get(c.Ctx(), a.Number)
	if err != nil {
		return err
	}
	h := cur.Hearing(a.Hearing)
	if h == nil || h.Cancelled || !h.At.Equal(a.At) {
		return c.Reply("该开庭已改期或取消，没有作任何修改，请以最新通知为准。")
	}
	if err := s.reminders.ConfirmTyped(c.Ctx(), cases.Ref(a.Number, a.Hearing), a.At, c.UserID(), c.Message().Text, c.Now()); err != nil {
		return err
	}
	if err := s.record(c, audit.Update, "attend", 1, []string{a.Number}, "已确认出庭"); err != nil {
		return err
	}
	return c.Reply(fmt.Sprintf("已确认出庭：%s %s的开庭（%s）。如有变化，请直接告诉我（例如“去不了 要开会”），会转告专班。",
		a.Number, whenCN(a.At, c.Now(), c.Location()), orNone(h.Place)))
}

// ownPastAsked: 上次我去了没, 上回我到了没得, 我上次出庭了吗 — the asker's
// appearance at the last hearing of the case in focus.
var ownPastAskedRe = regexp.MustCompile(`(?:上次|上一次|上一场|前一次|那次|之前)(?:开庭)?(?:我|我们)(?:去|到|出庭|到庭)(?:了)?(?:没|吗|没有|不|么)|(?:我|我们)(?:上次|上一次|那次)(?:去|到|出庭|到庭)(?:了)?(?:没|吗|没有|么)|(?:上次|上一次)(?:开庭)?(?:负责人|领导)?(?:去|到|出庭)了?(?:没|吗|没有)`)

// focusPast turns a question about the last hearing of the one case just
// shown — did I (or the head) attend, was a reason given for not attending —
// into that case's last hearing as recorded (u.Past). ok is false when
// no one case is in focus or the message names its own case, person,
// agency or period.
func focusPast(text string, u intent.Understanding, last *lastQuestion) (intent.Understanding, bool) {
	if last == nil || len(last.Shown) != 1 || hasRef(u) || u.Party != "" || u.Person != "" || len(u.Agencies) > 0 || !u.Period.IsZero() ||
		u.Aspect != intent.Head && u.NotHeld != "absence-reason" && u.Mine == "" {
		return u, false
	}
	switch last.U.Kind {
	case intent.Case, intent.Pick, intent.Hearings, intent.Cases:
	default:
		return u, false
	}
	if !ownPastAskedRe.MatchString(shortText(text)) && u.NotHeld != "absence-reason" {
		return u, false
	}
	m := intent.Understanding{Kind: intent.Case, Numbers: append([]string(nil), last.Shown...), Aspect: intent.Head, Past: true,
		NotHeld: u.NotHeld, Filler: u.Filler, FollowUp: true, Anchored: true, Model: u.Model}
	return m, true
}

// inDirectoryRe asks whether the person spoken of is in the directory (他名
// 单里有没有, 她在通讯录里面没, 这个人在系统里吗).
var inDirectoryRe = regexp.MustCompile(`^(?:那)?(?:他|她|这个人|此人|这人|该人|这位)?(?:在不在|在没在|在)?(?:人员)?(?:名单|通讯录|系统|名册)(?:里面|里头|里|中|上)?(?:有没有|有没|在不在|没有|有吗|在吗|在没|没得|没|吗|有不)?(?:他|她|这个人)?$`)

// inDirectoryAsked is inDirectoryRe with a pronoun or a question in it:
// 人员名单 alone is no question about the person in focus.
func inDirectoryAsked(t string) bool {
	return inDirectoryRe.MatchString(t) && askedOfSomeoneRe.MatchString(t)
}

var askedOfSomeoneRe = regexp.MustCompile(`他|她|这个人|此人|这人|该人|这位|没|吗|不`)

// focusPersonName is the person the last answer was about: the person
// asked of, else the head (or handler) the one case shown was asked for
// (行初117谁出庭 → 他名单里有没有).
func (s *service) focusPersonName(c bot.Context, last *lastQuestion) (string, error) {
	if last == nil {
		return "", nil
	}
	if last.U.Person != "" {
		return last.U.Person, nil
	}
	if len(last.Shown) != 1 || last.U.Aspect != intent.Head && last.U.Aspect != intent.Handler {
		return "", nil
	}
	cs, err := s.visible(c.Ctx(), c.Person(), last.Shown, nil)
	if err != nil || len(cs) != 1 {
		return "", err
	}
	k := cs[0]
	if last.U.Aspect == intent.Handler {
		return k.Handler, nil
	}
	h := k.NextHearing(c.Now())
	if h == nil {
		hs := k.ActiveHearings()
		if len(hs) == 0 {
			return "", nil
		}
		h = &hs[len(hs)-1]
	}
	return h.Head, nil
}

// personOfFocus reads a directory question that names no one (他名单里有没
// 有, 他企业微信是多少) as asked of the person in focus.
func (s *service) personOfFocus(c bot.Context, text string, u intent.Understanding, last *lastQuestion) (intent.Understanding, bool, error) {
	if last == nil || hasRef(u) || hasWho(u) || u.Agency != "" {
		return u, false, nil
	}
	if !inDirectoryAsked(shortText(text)) && !intent.AsksDirectory(text) {
		return u, false, nil
	}
	name, err := s.focusPersonName(c, last)
	if err != nil || name == "" {
		return u, false, err
	}
	m := intent.Understanding{Kind: intent.People, Person: name, PersonRole: last.U.PersonRole,
		Contact: u.Contact || strings.Contains(text, "电话") || strings.Contains(text, "手机"), Filler: u.Filler, FollowUp: true, Anchored: true, Model: u.Model}
	return m, true, nil
}

// pronounCasesRe asks for the cases or hearings of someone named by a
// pronoun (她手上还有别的案子吗, 他名下有几个没结的, 他下周还有庭吗).
var pronounCasesRe = regexp.MustCompile(`(?:他|她)(?:们)?(?:手上|手里|名下|负责的|承办的|办的|那边|自己)?.{0,6}?(?:案子|案件|庭|没结)`)

// casesOfFocusPerson reads a question of cases or hearings that names its
// subject by a pronoun (承办人是谁 → 她手上还有别的案子吗) as asked of the
// person in focus: read alone, 别的案子 made it the hearings on the same day
// as the case shown. ok is false when the message names its own subject.
func (s *service) casesOfFocusPerson(c bot.Context, text string, u intent.Understanding, last *lastQuestion) (intent.Understanding, bool, error) {
	if last == nil || hasRef(u) || u.Person != "" || u.Party != "" || u.Agency != "" || len(u.Agencies) > 0 || u.Mine != "" ||
		!pronounCasesRe.MatchString(intent.Normalize(text)) {
		return u, false, nil
	}
	name, err := s.focusPersonName(c, last)
	if err != nil || name == "" {
		return u, false, err
	}
	m := u
	m.Person, m.Aspect, m.Numbers, m.Short, m.Seq = name, "", nil, "", 0
	switch t := intent.Normalize(text); {
	case m.Kind == intent.Count:
	case strings.Contains(t, "案子") || strings.Contains(t, "案件") || strings.Contains(t, "没结"):
		m.Kind = intent.Cases
	case strings.Contains(t, "庭"):
		m.Kind = intent.Hearings
	default:
		m.Kind = intent.Cases
	}
	m.FollowUp, m.Anchored = true, true
	m.Residue = slices.DeleteFunc(slices.Clone(m.Residue), func(r string) bool { return strings.ContainsAny(r, "他她") })
	return m, true, nil
}

// thatOneRe points at one item of a list by its agency (卫健局那个, 市监局
// 那件呢, 住建局的那个交了没).
var thatOneRe = regexp.MustCompile(`(?:的)?那(?:一)?(?:个|件|条|家|项|起)`)

// itemOfAgency reads 卫健局那个交了没 after a deadline list of several
// cases as the listed case (or cases) of that agency, with its deadlines
// (after a hearings or cases list, followUp narrows the list to the
// agency). ok is false when the message is no such pointer, names
// anything else of its own, or the agency has none of the listed cases.
func (s *service) itemOfAgency(c bot.Context, text string, u intent.Understanding, last *lastQuestion) (intent.Understanding, bool, error) {
	if last == nil || last.U.Kind != intent.Deadlines || len(last.Shown) < 2 || hasRef(u) || u.Party != "" || u.Person != "" || u.Mine != "" || !u.Period.IsZero() ||
		len(u.Agencies) != 1 || !thatOneRe.MatchString(intent.Normalize(text)) {
		return u, false, nil
	}
	cs, err := s.visible(c.Ctx(), c.Person(), last.Shown, func(k *cases.Case) bool { return slices.Contains(k.Defendants, u.Agencies[0]) })
	if err != nil || len(cs) == 0 {
		return u, false, err
	}
	m := u
	m.Kind, m.Agency, m.Agencies, m.Each = intent.Case, "", nil, false
	m.Numbers = nil
	for _, k := range cs {
		m.Numbers = append(m.Numbers, k.Number) // 公安局那件呢, of two of its items: both
	}
	if m.Aspect == "" {
		m.Aspect = intent.Deadline
	}
	m.FollowUp, m.Anchored = true, true
	return m, true, nil
}

// deadlineOfFocus asks a deadline question that names no case (答辩交了没,
// 那上诉期呢) of the one case just shown, as its deadlines; a question with
// its own scope (快到期的有哪些, 全部逾期的), period, agency or person is the
// ledger's list. ok is false otherwise.
func deadlineOfFocus(text string, u intent.Understanding, last *lastQuestion) (intent.Understanding, bool) {
	n, ok := focusCase(last)
	if !ok || u.Kind != intent.Deadlines || hasRef(u) || hasWho(u) || u.Agency != "" || !u.Period.IsZero() || u.Scoped {
		return u, false
	}
	if !doneAskRe.MatchString(intent.Normalize(text)) && !slices.ContainsFunc(u.DeadlineKinds, func(k string) bool {
		return k == string(deadline.Answer) || k == string(deadline.Reply) || k == string(deadline.Appeal) || k == string(deadline.Decision)
	}) {
		return u, false // 检察院的建议: the ledger's suggestions, not the case's deadlines
	}
	m := u
	m.Kind, m.Aspect, m.Numbers, m.FollowUp, m.Anchored = intent.Case, intent.Deadline, []string{n}, true, true
	return m, true
}
