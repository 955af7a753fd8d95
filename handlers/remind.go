package handlers

import (
	"errors"

	"casebot/bot"
	"casebot/reminders"
)

// registerRemind wires the buttons of hearing reminder cards (确认出庭,
// 更换出庭人, 无法出庭, and 是/否 of the attendance question) and the
// follow-up questions they ask. It needs d.Reminders; without it the
// routes are not registered.
func registerRemind(b *bot.Bot, d Deps) {
	svc := d.Reminders
	if svc == nil {
		return
	}
	b.Button(reminders.KeyPrefix, func(c bot.Context) error {
		action, taskID, ok := reminders.ParseButtonKey(c.Message().EventKey)
		if !ok {
			return bot.Errorf(bot.EInvalid, "这个按钮已失效，请以最新的提醒为准。")
		}
		t, err := svc.Task(c.Ctx(), taskID)
		if errors.Is(err, reminders.ErrNoTask) {
			return bot.Errorf(bot.ENotFound, "这张提醒卡片已过期，请以最新的提醒为准。")
		}
		if err != nil {
			return err
		}
		out, err := svc.Click(c.Ctx(), t, c.UserID(), action, c.Now())
		if err != nil {
			return err
		}
		return follow(c, t, out)
	})
	for _, q := range []string{reminders.QuestionReplace, reminders.QuestionCannot,
		reminders.QuestionAnalysis, reminders.QuestionMeasures, reminders.QuestionReturn} {
		b.Await(q, answerRemind(svc, q))
	}
}

// follow carries out an Outcome: the card update, the question, the reply.
// The answer is recorded before the card is updated, so a card that can no
// longer be updated (the click's code expired) still leaves the question
// asked and the reply sent before the error is reported.
func follow(c bot.Context, t *reminders.Task, out reminders.Outcome) error {
	var cardErr error
	if out.Card != nil {
		cardErr = c.UpdateCard(out.Card)
	}
	if out.Await != "" {
		if err := c.Await(out.Await, t.ID); err != nil {
			return err
		}
	}
	if out.Reply != "" {
		if err := c.Reply(out.Reply); err != nil {
			return err
		}
	}
	return cardErr
}

// answerRemind handles the text answering question q. An unusable answer
// (a name not in the directory) keeps the question open.
func answerRemind(svc *reminders.Service, q string) bot.HandlerFunc {
	return func(c bot.Context) error {
		t, err := svc.Task(c.Ctx(), c.AwaitData())
		if errors.Is(err, reminders.ErrNoTask) {
			c.ClearAwait()
			return bot.Errorf(bot.ENotFound, "这张提醒卡片已过期，请以最新的提醒为准。")
		}
		if err != nil {
			return err
		}
		out, err := svc.Answer(c.Ctx(), q, t, c.UserID(), c.Message().Text, c.Now())
		if err != nil {
			return err
		}
		if err := c.ClearAwait(); err != nil {
			return err
		}
		return c.Reply(out.Reply)
	}
}
