package handlers

import (
	"time"

	"casebot/bot"
	"casebot/bot/intent"
)

// registerWork routes the small pieces of work staff ask of the bot (a
// personal reminder, a message to draft) to the understanding step before
// any command route reads them as a change to the ledger or a deadline
// question (帮我起个催办通知发卫健局 就说133号答辩超期了 was offered as
// 答辩状已提交, the opposite of the facts).
func registerWork(b *bot.Bot, s *service) {
	b.Text(func(text string) bool {
		now := time.Now()
		if b.Now != nil {
			now = b.Now()
		}
		if _, ok := intent.OwnReminderAsked(text, now, intent.OwnReminderOptions{}); ok {
			return true
		}
		_, ok := noticeAsked(text)
		return ok
	}, s.handleText)
}
