package handlers

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/bulletin"
	"casebot/bot/intent"
	"casebot/bot/people"
)

// bulletinHandlers answer requests for the monthly 败诉通报 in any wording
// that names it (本月通报, 上个月的败诉通报发我看看, 3月份通报出了没有): staff
// and admins get the whole notice and its chart; an agency's head gets the
// ranking and their own agency's line and lost cases; anyone else is told
// politely who to ask. Figures are computed from the ledger as it is now
// (corrections made since the 1st show).
type bulletinHandlers struct {
	s   *service
	set *bulletin.Settings
	// chart draws the ranking chart sent after the text; the chat corpus,
	// which reads text only, leaves it out (the chart is bot/bulletin's,
	// tested there, and drawing it was a fifth of the corpus's time).
	chart func(*bulletin.Report) ([]byte, error)
}

func newBulletinHandlers(s *service) *bulletinHandlers {
	set, err := bulletin.NewSettings(s.cfg)
	if err != nil {
		panic(fmt.Sprintf("handlers: %v", err)) // the font file was checked at start
	}
	return &bulletinHandlers{s: s, set: set, chart: func(r *bulletin.Report) ([]byte, error) { return r.Chart(set.Chart) }}
}

// ask turns what was understood into the month asked for. The fixed
// forms keep their documented meaning (bulletin.ParseAsk: 本月通报 is the
// one issued this month, on last month's figures; 上月通报 the one issued
// last month); otherwise a month named is its latest occurrence up to now.
func (h *bulletinHandlers) ask(c bot.Context, u intent.Understanding) (bulletin.Ask, error) {
	now, loc := c.Now(), c.Location()
	if a, ok, err := bulletin.ParseAsk(c.Message().Text, now, loc); ok {
		return a, err
	}
	cur := bulletin.MonthOf(now, loc)
	p := u.Period
	switch {
	case p.IsZero(), p.Word == "本月" || p.Word == "这个月" || p.Word == "当月" || p.Word == "这月" || p.Word == "本月份":
		return bulletin.Ask{Month: cur.Add(-1), Issued: cur}, nil
	case p.Word == "上个月" || p.Word == "上月" || p.Word == "上一个月":
		if aboutMonth(c.Message().Text) {
			// 上个月的败诉情况通报一下: last month's losses, which this
			// month's bulletin reports; only 上个月的通报 (the bulletin
			// as a thing) is the one issued last month.
			return bulletin.Ask{Month: cur.Add(-1), Issued: cur}, nil
		}
		return bulletin.Ask{Month: cur.Add(-2), Issued: cur.Add(-1)}, nil
	}
	m := bulletin.MonthOf(p.From, loc)
	if last := bulletin.MonthOf(p.To.Add(-time.Nanosecond), loc); !p.To.IsZero() && m.Before(last) {
		// 今年的通报, 上半年败诉原因 (after a bulletin): a bulletin is
		// monthly and its 当年累计 covers the year so far, so the
		// period's latest issued one answers; its first month's would
		// say "nothing" of a year that has losses.
		if !last.Before(cur) {
			last = cur.Add(-1)
		}
		if last.Before(m) {
			return bulletin.Ask{}, fmt.Errorf("%s的月度通报尚未发布（每月1日发布上一个月的通报）。", p.Short())
		}
		return bulletin.Ask{Month: last, Issued: last.Add(1)}, nil
	}
	if cur.Before(m) {
		return bulletin.Ask{}, fmt.Errorf("%s还没有到，暂无该月通报。", m.Label())
	}
	return bulletin.Ask{Month: m, InProgress: m == cur}, nil
}

func (h *bulletinHandlers) answer(c bot.Context, u intent.Understanding) (answer, error) {
	s := h.s
	if a, ok, err := s.caseExposure(c, u); err != nil || ok {
		return a, err // 那88号呢 会不会也被通报: that case under the bulletin's rules
	}
	a := answer{noEcho: true}
	ask, err := h.ask(c, u)
	if err != nil {
		return a, bot.Errorf(bot.EInvalid, "%s", err.Error())
	}
	p := c.Person()
	a.detail = ask.Month.String()
	a.period = monthPeriod(ask.Month, c.Location())
	if !p.Bureau() && p.Role != people.Head {
		a.action, a.outcome = audit.Refused, audit.Answered
		msg := "您好！月度败诉通报只发给司法局应诉专班、管理员和各单位负责人。如需了解本单位的情况，请向本单位负责人或司法局应诉专班了解。"
		if issuedAskRe.MatchString(intent.Normalize(c.Message().Text)) {
			// 这个月的通报出了没 我要拿去做普法: whether it is out is the
			// schedule's, not the bulletin's content; the 普法 way to the
			// cases lost is the candidates.
			msg = "您好！" + issueLine(ask, c.Now(), c.Location()) + strings.TrimPrefix(msg, "您好！")
			if p.Role == people.Pufa {
				msg += "做普法宣传用的素材，可以发“以案说法候选”，从已结案的败诉、纠错案件中选一件起草以案说法（当事人信息会脱敏）。"
			}
		}
		return a, c.Reply(msg)
	}
	rep, err := h.set.Compute(c.Ctx(), s.st, ask.Month, c.Now())
	if err != nil {
		return a, err
	}
	if emptyBulletin(rep) {
		msg := fmt.Sprintf("台账中没有%s及当年以来的一审行政诉讼或行政复议案件，暂无可通报的数据。", ask.Month.Label())
		a.claims = []claim{{Text: msg, What: claimBulletin, Q: query{From: ask.Month.Start(c.Location()), To: ask.Month.End(c.Location())}}}
		return a, c.Reply(msg)
	}
	var parts []string
	var numbers []string
	if p.Bureau() && len(u.Agencies) == 1 {
		// 公安局那段单独发我: that agency's section of the same bulletin.
		parts = rep.AgencyMarkdown(u.Agencies[0], h.set.Style)
		for _, l := range rep.LostCases {
			if l.Agency == u.Agencies[0] {
				numbers = append(numbers, l.Number)
			}
		}
	} else if p.Bureau() {
		parts = rep.Markdown(h.set.Style)
		for _, l := range rep.LostCases {
			numbers = append(numbers, l.Number)
		}
	} else {
		parts = rep.HeadMarkdown(p.Agency, h.set.Style)
		for _, l := range rep.LostCases {
			if l.Agency == p.Agency {
				numbers = append(numbers, l.Number)
			}
		}
	}
	if err := c.Memory().Forget(memBulletinExtra); err != nil {
		return a, err // a bulletin sent afresh: nothing added to it yet
	}
	a.shown = distinctNumbers(numbers)
	a.results = len(a.shown)
	if e, ok := intent.EditAsked(c.Message().Text); ok && e == intent.EditWord {
		// 把本月通报导出word: the file, not the text again.
		md, err := h.sendWord(c, ask.Month, parts, nil)
		if err != nil {
			return a, err
		}
		return a, c.Reply(md + "通报的是" + ask.Month.Label() + "的情况；要在聊天中查看全文，请发送“" + ask.Month.Label() + "通报”。")
	}
	if err := c.Reply(bulletinIntro(ask, bulletin.MonthOf(c.Now(), c.Location()))); err != nil {
		return a, err
	}
	for _, part := range parts {
		if err := c.ReplyMarkdown(part); err != nil {
			return a, err
		}
	}
	if !p.Bureau() || len(u.Agencies) == 1 {
		return a, nil
	}
	chart, err := h.chart(rep)
	if err != nil || chart == nil {
		return a, err
	}
	_, err = c.Send(bot.Outbound{ToUsers: []string{c.UserID()}, Type: bot.MsgImage,
		Image: &bot.Image{Name: bulletin.ChartName(rep.Month), Data: chart}})
	return a, err
}

// aboutMonth reports whether a bulletin request asks about the month's
// cases (上个月的败诉情况, 上个月败诉的案件, 上月输了哪些) rather than naming
// the bulletin issued in it (上个月的通报).
func aboutMonth(text string) bool {
	for _, w := range []string{"情况", "败诉的", "败诉了", "输了", "案件", "案子"} {
		if strings.Contains(text, w) {
			return true
		}
	}
	return false
}

// monthPeriod is m as a period, labelled as the answers say it.
func monthPeriod(m bulletin.Month, loc *time.Location) intent.Period {
	return intent.Period{From: m.Start(loc), To: m.End(loc), Label: m.Label()}
}

// bulletinIntro says which month's figures follow, since "本月通报" on the
// 5th is last month's.
func bulletinIntro(a bulletin.Ask, now bulletin.Month) string {
	other := fmt.Sprintf("查其他月份请发送如“%d年%d月通报”", a.Month.Year, int(a.Month.Month))
	switch {
	case a.Issued == now:
		return fmt.Sprintf("本月（%d月）通报的是%s的情况，内容如下（按台账当前数据生成；%s）：", int(a.Issued.Month), a.Month.Label(), other)
	case a.Issued != (bulletin.Month{}):
		// Whoever meant the bulletin on last month itself is told how to
		// ask for it.
		next := a.Month.Add(1)
		other = fmt.Sprintf("%s的情况见本月通报，请发送“%d年%d月通报”", next.Label(), next.Year, int(next.Month))
		return fmt.Sprintf("上月（%d月）通报的是%s的情况，内容如下（按台账当前数据生成；%s）：", int(a.Issued.Month), a.Month.Label(), other)
	case a.InProgress:
		return fmt.Sprintf("%s尚未结束，以下是截至目前的数据，仅供参考，正式通报于下月初发布：", a.Month.Label())
	}
	return fmt.Sprintf("%s的败诉通报如下（按台账当前数据生成）：", a.Month.Label())
}

// emptyBulletin reports whether a report has nothing in the month or the year to
// date: a month before the ledger began.
func emptyBulletin(r *bulletin.Report) bool {
	t := r.Total
	return len(r.Agencies) == 0 && t.Filed == 0 && t.Closed == 0 && t.Heard == 0 && t.ReconsiderationClosed == 0 &&
		t.YTD.Filed == 0 && t.YTD.Closed == 0 && t.YTD.Heard == 0 && t.YTD.ReconsiderationClosed == 0
}

func distinctNumbers(ss []string) []string {
	seen := map[string]bool{}
	out := ss[:0]
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// issuedAskRe asks whether a bulletin is out (通报出了没有, 发了没, 出来了吗).
var issuedAskRe = regexp.MustCompile(`(?:出|发|发布|印发|下发|出来|发出来|发出)(?:了)?(?:没有|没|吗|么|了吗|了没)`)

// issueLine says, by the schedule (每月1日发布上一个月的通报), whether the
// bulletin of ask's month has been issued; it states no content.
func issueLine(ask bulletin.Ask, now time.Time, loc *time.Location) string {
	due := ask.Month.End(loc)
	if now.Before(due) {
		return fmt.Sprintf("%s的月度通报尚未发布：通报每月1日发布上一个月的情况，%s的将于%s发布。", ask.Month.Label(), ask.Month.Label(), due.Format("2006年1月2日"))
	}
	return fmt.Sprintf("%s的月度通报按安排已于%s发布（每月1日发布上一个月的情况）。", ask.Month.Label(), due.Format("2006年1月2日"))
}
