package handlers

import (
	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/intent"
)

// askCourt answers a request to ask or tell the court something (帮我问下法
// 院117能不能延期): the bot cannot, and says so politely, pointing to who
// can (the case's 承办人 when the message names one case the asker may see,
// and the 专班); nothing is proposed, recorded in the ledger or forwarded.
func (s *service) askCourt(c bot.Context) error {
	viewer := c.Person()
	who := "本案承办人"
	u, err := intent.Understand(c.Message().Text, s.options(c, viewer))
	if err != nil {
		return err
	}
	numbers := u.Numbers
	if len(numbers) == 0 && u.Seq > 0 {
		if numbers, err = s.completeSeq(c.Ctx(), viewer, u.Seq, u.Recon, c.Now()); err != nil {
			return err
		}
	}
	if len(numbers) == 1 {
		if cs, err := s.visible(c.Ctx(), viewer, numbers, nil); err != nil {
			return err
		} else if len(cs) == 1 && cs[0].Handler != "" {
			who = cs[0].Number + " 的承办人" + cs[0].Handler
		}
	}
	if err := s.record(c, audit.Refused, "ask-court", 0, numbers, "代为联系法院：无法办理"); err != nil {
		return err
	}
	msg := "抱歉，我不能代您联系法院，也不能代为申请延期或改期。请联系" + who + "向法院提出（延期开庭需当事人向法院申请，由法院决定），也可以找司法局应诉专班协调。"
	if !viewer.Bureau() {
		msg += "\n\n法院定了新的开庭时间后，告诉我（例如“法院说改到下周三上午九点半”），我会转告专班登记。"
	} else {
		msg += "\n\n法院定了新的开庭时间后，可以直接发给我登记（例如“117号改到下周三上午九点半”）。"
	}
	return c.Reply(msg)
}
