package handlers

import (
	"fmt"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/bulletin"
	"casebot/bot/people"
)

// registerBulletin answers "本月通报", "上月通报", "10月通报", "2025年10月通报":
// staff and admins get the whole notice and its chart; an agency's head
// gets the ranking and their own agency's line and lost cases; anyone else
// is told politely who to ask. Figures are computed from the ledger as it
// is now (corrections made since the 1st show).
func registerBulletin(b *bot.Bot, s *service) {
	set, err := bulletin.NewSettings(s.cfg)
	if err != nil {
		panic(fmt.Sprintf("handlers: %v", err)) // the font file was checked at start
	}
	b.Text(bulletin.IsAsk, func(c bot.Context) error {
		ask, _, err := bulletin.ParseAsk(c.Message().Text, c.Now(), c.Location())
		if err != nil {
			return bot.Errorf(bot.EInvalid, "%s", err.Error())
		}
		p := c.Person()
		if !p.Bureau() && p.Role != people.Head {
			if err := s.record(c, audit.Refused, "bulletin", 0, nil, ask.Month.String()); err != nil {
				return err
			}
			return c.Reply("您好！月度败诉通报只发给司法局应诉专班、管理员和各单位负责人。如需了解本单位的情况，请向本单位负责人或司法局应诉专班了解。")
		}
		rep, err := set.Compute(c.Ctx(), s.st, ask.Month, c.Now())
		if err != nil {
			return err
		}
		if emptyBulletin(rep) {
			if err := s.record(c, audit.Query, "bulletin", 0, nil, ask.Month.String()); err != nil {
				return err
			}
			return c.Reply(fmt.Sprintf("台账中没有%s及当年以来的一审行政诉讼或行政复议案件，暂无可通报的数据。", ask.Month.Label()))
		}
		var parts []string
		var numbers []string
		if p.Bureau() {
			parts = rep.Markdown(set.Style)
			for _, l := range rep.LostCases {
				numbers = append(numbers, l.Number)
			}
		} else {
			parts = rep.HeadMarkdown(p.Agency, set.Style)
			for _, l := range rep.LostCases {
				if l.Agency == p.Agency {
					numbers = append(numbers, l.Number)
				}
			}
		}
		numbers = distinctNumbers(numbers)
		if err := s.record(c, audit.Query, "bulletin", len(numbers), numbers, ask.Month.String()); err != nil {
			return err
		}
		if err := c.Reply(bulletinIntro(ask, bulletin.MonthOf(c.Now(), c.Location()))); err != nil {
			return err
		}
		for _, part := range parts {
			if err := c.ReplyMarkdown(part); err != nil {
				return err
			}
		}
		if !p.Bureau() {
			return nil
		}
		chart, err := rep.Chart(set.Chart)
		if err != nil || chart == nil {
			return err
		}
		_, err = c.Send(bot.Outbound{ToUsers: []string{c.UserID()}, Type: bot.MsgImage,
			Image: &bot.Image{Name: bulletin.ChartName(rep.Month), Data: chart}})
		return err
	})
}

// bulletinIntro says which month's figures follow, since "本月通报" on the
// 5th is last month's.
func bulletinIntro(a bulletin.Ask, now bulletin.Month) string {
	other := fmt.Sprintf("查其他月份请发送如“%d年%d月通报”", a.Month.Year, int(a.Month.Month))
	switch {
	case a.Issued == now:
		return fmt.Sprintf("本月（%d月）通报的是%s的情况，内容如下（按台账当前数据生成；%s）：", int(a.Issued.Month), a.Month.Label(), other)
	case a.Issued != (bulletin.Month{}):
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
