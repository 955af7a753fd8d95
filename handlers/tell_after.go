package handlers

import (
	"fmt"
	"regexp"
	"strings"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/intent"
	"casebot/bot/people"
)

// tellAfterRe is a statement with a request to pass it on after it (下周一
// 王五那个我能去 跟周洁说一声): the words, and whom to tell.
var tellAfterRe = regexp.MustCompile(`^(.{2,40}?)[，,\s]*(?:你)?(?:帮我|麻烦|顺便)?(?:跟|和|给|向|告诉|通知)\s*(\p{Han}{2,3}?)\s*(?:说一声|说一下|说下|讲一声|讲一下|打个招呼|知会一声|一声)(?:吧|哈)?$`)

// tellAfter answers a statement followed by 跟X说一声, X a person of the
// directory: a head's yes to their hearing is proposed as the card's 确认出庭
// and the words go to X; anything else is relayed as 帮我跟X说一声 … is
// (chase). ok is false when the message is not of that form.
func (s *service) tellAfter(c bot.Context, text string, prev *lastQuestion) (bool, error) {
	viewer := c.Person()
	if viewer == nil || viewer.Role == "" || viewer.Role == people.Pufa {
		return false, nil
	}
	m := tellAfterRe.FindStringSubmatch(strings.TrimRight(intent.Normalize(text), "。.!！~ "))
	if m == nil {
		return false, nil
	}
	words, name := strings.TrimSpace(m[1]), m[2]
	if name == viewer.Name || strings.HasPrefix(name, "我") {
		return false, nil
	}
	dir, err := s.st.People(c.Ctx())
	if err != nil {
		return false, err
	}
	var to []*people.Person
	for _, p := range dir {
		if p.Name == name {
			to = append(to, p)
		}
	}
	if len(to) == 0 {
		return false, nil
	}
	if viewer.Role == people.Head {
		ok, err := s.attendReply(c, words, prev)
		if err != nil || !ok {
			if err != nil {
				return true, err
			}
		} else {
			var ids []string
			for _, p := range to {
				ids = append(ids, p.UserID)
			}
			msg := fmt.Sprintf("【转告】%s%s（%s）请机器人转告您：“%s”", viewer.Name, viewer.Post, viewer.Agency, words)
			if _, err := c.Send(bot.Text(msg, ids...)); err != nil {
				return true, err
			}
			if err := s.record(c, audit.Update, "tell", 0, nil, "转告"+personNames(to)); err != nil {
				return true, err
			}
			return true, c.Reply(fmt.Sprintf("已把您的话转告 %s。", personNames(to)))
		}
	}
	ch, ok := intent.ChaseAsked("帮我跟" + name + "说一声 " + words)
	if !ok {
		return false, nil
	}
	return s.chase(c, ch)
}
