package handlers

import (
	"fmt"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/intent"
)

// knownOnly is middleware that answers anyone missing from the directory
// with how to ask for access, and nothing else: no handler runs for them,
// whatever they send, and nothing of the ledger is read. A legal question
// of their own (我被罚款了怎么办) is pointed to 12348 and the 公共法律服务
// platform as well. Opening the app is answered once a day. The refusal
// is audited.
func knownOnly(s *service) bot.MiddlewareFunc {
	return func(next bot.HandlerFunc) bot.HandlerFunc {
		return func(c bot.Context) error {
			if c.Person() != nil {
				return next(c)
			}
			m := c.Message()
			if m.Type == "event" && m.Event == bot.EventEnterAgent {
				if first, err := s.firstToday(c); err != nil || !first {
					return err
				}
			}
			// Parsed only when it may be a legal question (the answer is
			// otherwise the refusal, whatever it says), and with no lexicon:
			// nothing of the ledger is looked up for them.
			if m.Type == "text" && intent.MayBeLegal(m.Text) {
				u, err := intent.Understand(m.Text, intent.Options{Now: c.Now()})
				if err == nil && u.Kind == intent.Legal {
					e := s.entry(c, audit.Refused, string(intent.Legal), 0, nil, "未登记用户的法律咨询")
					e.Outcome = audit.LegalQ
					if err := s.audit.Record(c.Ctx(), e); err != nil {
						return err
					}
					return c.Reply(legalText(false, s.cfg.People.Contact, c.UserID()))
				}
			}
			if err := s.record(c, audit.Refused, "unknown-user", 0, nil, ""); err != nil {
				return err
			}
			return c.Reply(refusal(c.UserID(), s.cfg.People.Contact))
		}
	}
}

func refusal(userID, contact string) string {
	if contact == "" {
		contact = "司法局应诉专班的管理员"
	}
	return fmt.Sprintf("您好！您的企业微信账号（%s）还没有登记在本机器人的人员名单中，暂时无法查询案件信息。\n"+
		"如需开通，请联系%s，告知您的账号 %s、姓名、所在单位和岗位（如单位负责人、承办人），登记后即可使用。\n"+
		"如您想咨询个人的法律问题，请拨打公共法律服务热线 12348，或登录中国法律服务网（www.12348.gov.cn）。",
		userID, contact, userID)
}
