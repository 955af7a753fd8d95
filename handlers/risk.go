package handlers

import (
	"fmt"
	"strings"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/cases"
	"casebot/bot/intent"
	"casebot/bot/store"
	"casebot/reminders"
)

// Risk and 包案: bureau staff flag a case 败诉风险 with a reason
// (“标记风险 (2025)黔0115行初123号 强制拆除前未依法催告”), which notifies the
// configured 分管领导 (risk.leaders) and lists it among the 重点案件; “取消风险
// <案号>” clears the flag; “重点案件” lists the flagged cases in scope.

var (
	flagWords  = []string{"标记败诉风险", "标记风险", "败诉风险标记", "风险标记", "败诉风险", "列为重点案件", "包案"}
	clearWords = []string{"取消败诉风险", "取消风险标记", "取消风险", "解除风险", "解除败诉风险", "移出重点案件"}
	keyWords   = []string{"重点案件", "风险案件", "败诉风险案件", "包案案件", "有败诉风险的案件", "有风险的案件"}
)

// riskCommand reads a flag or clear command: the command word first, a
// case number in the text.
func riskCommand(text string) (clear bool, rest string, ok bool) {
	t := strings.TrimSpace(text)
	if len(cases.FindNumbers(t)) == 0 {
		return false, "", false
	}
	for _, w := range clearWords {
		if r, found := strings.CutPrefix(t, w); found {
			return true, r, true
		}
	}
	for _, w := range flagWords {
		if r, found := strings.CutPrefix(t, w); found {
			return false, r, true
		}
	}
	return false, "", false
}

// isKeyCasesAsk is the list question: 重点案件, 哪些案子有败诉风险 ….
func isKeyCasesAsk(text string) bool {
	t := askSpace.Replace(strings.TrimSpace(text))
	if len([]rune(t)) > 20 || len(cases.FindNumbers(t)) > 0 {
		return false
	}
	for _, w := range keyWords {
		if strings.Contains(t, w) {
			return true
		}
	}
	return strings.Contains(t, "败诉风险") && (strings.Contains(t, "哪些") || strings.Contains(t, "有什么") || strings.Contains(t, "列"))
}

// reasonOf is what is left of a flag command once the command word and
// the case number are taken out: the reason.
func reasonOf(rest string, n cases.Number) string {
	r := rest
	for _, w := range []string{n.String(), "原因：", "原因:", "理由：", "理由:", "，", ",", "：", ":"} {
		r = strings.Replace(r, w, " ", 1)
	}
	// The number as the user wrote it may differ from its normal form.
	if i := strings.Index(r, "号"); i >= 0 && len(cases.FindNumbers(r[:i+len("号")])) > 0 {
		r = r[i+len("号"):]
	}
	return strings.TrimSpace(strings.Trim(strings.TrimSpace(r), "：:，,。"))
}

func registerRisk(b *bot.Bot, s *service, svc *reminders.Service) {
	b.Text(func(text string) bool { _, _, ok := riskCommand(text); return ok }, func(c bot.Context) error {
		viewer := c.Person()
		if !viewer.Bureau() {
			return c.Reply("只有司法局应诉专班可以标记或取消败诉风险。如认为案件有败诉风险，请联系专班。")
		}
		if svc == nil {
			return c.Reply("提醒服务未启用，暂时无法标记败诉风险。")
		}
		clear, rest, _ := riskCommand(c.Message().Text)
		n := cases.FindNumbers(c.Message().Text)[0]
		if clear {
			err := svc.ClearRisk(c.Ctx(), n.String(), c.UserID(), c.Now())
			if err == store.ErrNotFound {
				return c.Reply(notFound("案件 " + n.String()))
			}
			if err != nil {
				return err
			}
			return c.Reply(n.String() + " 已取消败诉风险标记，不再列入重点案件。")
		}
		reason := reasonOf(rest, n)
		if reason == "" {
			return c.Reply("请写明败诉风险的原因，例如：标记风险 " + n.String() + " 强制拆除前未依法催告。")
		}
		cs, err := svc.FlagRisk(c.Ctx(), n.String(), c.UserID(), reason, c.Now())
		if err == store.ErrNotFound {
			return c.Reply(notFound("案件 " + n.String()))
		}
		if err != nil {
			return err
		}
		if len(cs.Risk.Leaders) == 0 {
			return c.Reply(fmt.Sprintf("已将 %s 标记为败诉风险，列入重点案件。未配置被告单位或案由“%s”的分管领导（risk.leaders），没有通知任何领导，请直接报告。",
				cs.Number, cs.Cause))
		}
		var who []string
		for _, u := range cs.Risk.Leaders {
			name := u
			if p, err := s.st.Person(c.Ctx(), u); err == nil && p != nil {
				name = p.Name
			}
			who = append(who, name)
		}
		return c.Reply(fmt.Sprintf("已将 %s 标记为败诉风险，列入重点案件，并已通知分管领导：%s。", cs.Number, strings.Join(who, "、")))
	})
	b.Text(isKeyCasesAsk, func(c bot.Context) error {
		viewer := c.Person()
		numbers, err := s.st.RiskNumbers(c.Ctx())
		if err != nil {
			return err
		}
		numbers, err = s.visibleNumbers(c.Ctx(), viewer, numbers, func(c *cases.Case) bool { return c.Risk != nil && c.Open() })
		if err != nil {
			return err
		}
		var a answer
		if len(numbers) == 0 {
			msg := "目前没有标记为败诉风险的重点案件" + scopeNote(viewer)
			a = answer{md: msg + "。", claims: []claim{{Text: msg, What: claimRisk}}}
		} else if a, err = s.list(c, fmt.Sprintf("**重点案件（败诉风险）**：共 %d 件%s", len(numbers), scopeNote(viewer)), listCases, numbers, len(numbers)); err != nil {
			return err
		}
		if err := s.record(c, audit.Query, "key_cases", a.results, a.shown, ""); err != nil {
			return err
		}
		if s.onAnswer != nil {
			s.onAnswer(c, intent.Understanding{Kind: intent.Cases}, a) // its none is checked like every answer's
		}
		return c.ReplyMarkdown(a.md)
	})
}
