package handlers

import (
	"fmt"
	"strings"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/cases"
	"casebot/bot/intent"
	"casebot/bot/store"
)

const opExtend = "extend"

// extension answers news that a period was extended (intent.ExtensionTold)
// as what it is, never as a hearing put off: a 复议机关's extension of its
// decision period is the 延长审理期限 of that 复议 case (行政复议法第六十二条,
// at most 30 days), proposed to staff to confirm as any chat change, or,
// from a head or handler, forwarded to the 专班 waiting for their 确认登记;
// a court's 审限 extended is news the ledger keeps no field for, relayed
// as such. The hearing times stay as they are either way.
func (s *service) extension(c bot.Context, e intent.Extension, prev *lastQuestion) error {
	viewer := c.Person()
	const same = "开庭时间不变（这不是开庭改期）。"
	if e.Litigation {
		if err := s.record(c, audit.Update, "extension", 0, nil, "审限延长：告知"); err != nil {
			return err
		}
		if viewer.Bureau() {
			return c.Reply("收到：法院延长审理期限。" + same + "审限不是台账登记的字段，这次未作修改；如开庭时间随之变化，请发送“改期 案号 新时间”。")
		}
		forwarded, err := s.sendStaff(c, fmt.Sprintf("【审限延长】%s%s 报：“%s”\n开庭时间未变，仅供知悉。", viewer.Name, viewer.Post, strings.TrimSpace(c.Message().Text)), nil)
		if err != nil {
			return err
		}
		msg := "收到：法院延长了审理期限。" + same + "已转告司法局应诉专班知悉。"
		if !forwarded {
			msg = "收到：法院延长了审理期限。" + same + "（系统中未登记应诉专班，未能转告，请直接告知专班。）"
		}
		return c.Reply(msg)
	}
	// The 复议 case: the one named, else the one in focus, else the only
	// open 复议 case of the teller's side.
	numbers, err := s.toldNumbers(c, prev)
	if err != nil {
		return err
	}
	if len(numbers) == 0 && !viewer.Bureau() {
		own, err := s.ownNumbers(c.Ctx(), viewer)
		if err != nil {
			return err
		}
		if viewer.Name != "" {
			mine, err := s.st.PersonNumbers(c.Ctx(), viewer.Name)
			if err != nil {
				return err
			}
			own = append(own, mine...)
		}
		numbers = own
	}
	cs, err := s.visible(c.Ctx(), viewer, numbers, func(k *cases.Case) bool { return k.Kind == cases.Reconsideration && k.Open() })
	if err != nil {
		return err
	}
	cs = uniqueCases(cs)
	days := "（未写明天数）"
	if e.Days > 0 {
		days = fmt.Sprintf(" %d 日", e.Days)
	}
	if len(cs) != 1 {
		if err := s.record(c, audit.Update, "extension", 0, nil, "复议延期：未确定案件"); err != nil {
			return err
		}
		var lines []string
		for i, k := range cs[:min(len(cs), s.pageSize)] {
			lines = append(lines, fmt.Sprintf("%d. **%s** %s", i+1, k.Number, s.parties(viewer, k)))
		}
		msg := "收到：这是复议机关延长复议审理期限" + days + "，" + same + "请写明是哪个复议案件再发一次，例如“复47延期30天”，这次未作任何修改。"
		if len(lines) > 0 {
			msg += "\n\n" + strings.Join(lines, "\n")
		}
		return c.ReplyMarkdown(msg)
	}
	k := cs[0]
	if e.Days == 0 || e.Days > cases.MaxExtensionDays {
		if err := s.record(c, audit.Update, "extension", 0, []string{k.Number}, "复议延期：天数不明"); err != nil {
			return err
		}
		return c.ReplyMarkdown(fmt.Sprintf("收到：**%s** 的复议审理期限延长。%s按行政复议法第六十二条，延长期限最多不超过 30 日；请写明延长的天数（以延期通知书为准）再发一次，例如“%s延期30天”，这次未作任何修改。",
			k.Number, same, shortNumber(k.Number)))
	}
	ch := &caseChange{Kind: "extension", Number: k.Number, Op: opExtend, Days: e.Days}
	summary := strings.Join([]string{"**请核对以下修改**", "> 案号：" + k.Number,
		fmt.Sprintf("> 延长审理期限：%s → %d 日（复议决定期限相应延长；开庭时间不变）", orNone(daysText(k.ExtendedDays)), e.Days)}, "\n")
	if viewer.Bureau() {
		return s.propose(c, &pending{Summary: summary, Case: ch})
	}
	p := &pending{Author: c.UserID(), Summary: summary, Case: ch}
	line := fmt.Sprintf("拟登记：延长审理期限 %d 日（不是开庭改期）\n回复“确认登记”即登记到台账（%d 小时内有效）。", e.Days, int(newsTTL.Hours()))
	forwarded, err := s.toStaff(c, "【复议期限延长】", &store.ScheduledHearing{Case: k}, line, p)
	if err != nil {
		return err
	}
	if err := s.record(c, audit.Update, "extension", 0, []string{k.Number}, "转专班：复议期限延长"); err != nil {
		return err
	}
	msg := fmt.Sprintf("收到：**%s** 复议机关延长审理期限 %d 日。%s已转告司法局应诉专班，专班确认后登记到台账，复议决定期限随之顺延。", k.Number, e.Days, same)
	if !forwarded {
		msg += "\n（系统中没有登记应诉专班，未能转告，请直接电话联系司法局应诉专班。）"
	}
	return c.ReplyMarkdown(msg)
}

func daysText(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("%d 日", n)
}

func uniqueCases(cs []*cases.Case) []*cases.Case {
	seen := map[string]bool{}
	var out []*cases.Case
	for _, k := range cs {
		if !seen[k.Number] {
			seen[k.Number] = true
			out = append(out, k)
		}
	}
	return out
}
