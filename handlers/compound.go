package handlers

import (
	"fmt"

	"casebot/bot"
	"casebot/bot/intent"
)

// compoundKey marks a message being answered question by question, so that
// a question is never split again.
const compoundKey = "compound"

// compound answers a message that asks two or more questions (intent.
// Compound) one question at a time, each as if sent alone and in order,
// every answer headed by the question it answers. It reports whether the
// message was one.
func (s *service) compound(c bot.Context, text string) (bool, error) {
	if c.Get(compoundKey) != nil {
		return false, nil
	}
	groups, err := intent.Compound(text, s.options(c, c.Person()))
	if err != nil || len(groups) < 2 {
		return false, err
	}
	c.Set(compoundKey, true)
	for i, g := range groups {
		msg := *c.Message()
		msg.Text = g
		cc := &clauseContext{Context: c, msg: &msg, head: fmt.Sprintf("（%d/%d）%s", i+1, len(groups), g)}
		if err := s.handleText(cc); err != nil {
			return true, err
		}
	}
	return true, nil
}

// clauseContext is the message's context with one of its questions as the
// text; its first reply is headed by that question.
type clauseContext struct {
	bot.Context
	msg    *bot.Message
	head   string
	headed bool
}

func (c *clauseContext) Message() *bot.Message { return c.msg }

func (c *clauseContext) Reply(text string) error {
	if !c.headed {
		c.headed = true
		text = c.head + "\n" + text
	}
	return c.Context.Reply(text)
}

func (c *clauseContext) ReplyMarkdown(md string) error {
	if !c.headed {
		c.headed = true
		md = "**" + c.head + "**\n\n" + md
	}
	return c.Context.ReplyMarkdown(md)
}
