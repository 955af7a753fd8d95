package handlers

import (
	"fmt"

	"casebot/bot"
	"casebot/bot/audit"
)

// knownOnly is middleware that answers anyone missing from the directory
// with how to ask for access, and nothing else: no handler runs for them,
// whatever they send. The refusal is audited.
func knownOnly(s *service) bot.MiddlewareFunc {
	return func(next bot.HandlerFunc) bot.HandlerFunc {
		return func(c bot.Context) error {
			if c.Person() != nil {
				return next(c)
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
		"如需开通，请联系%s，告知您的账号 %s、姓名、所在单位和岗位（如单位负责人、承办人），登记后即可使用。",
		userID, contact, userID)
}
