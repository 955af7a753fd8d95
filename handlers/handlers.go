// Package handlers holds the chat handlers (queries, hearing updates,
// reminder buttons, bulletins, 以案说法 drafts, help) and the admin HTTP
// endpoints. Register wires them onto a Bot.
package handlers

import (
	"casebot/bot"
	"casebot/bot/explain"
	"casebot/bot/store"
	"casebot/config"
	"casebot/reminders"
)

// Deps is what the handlers need. Each area adds the parts it uses.
type Deps struct {
	Config *config.Config
	Store  *store.Store
	// Reminders sends hearing reminders and handles their buttons; the
	// lead builds it with reminders.New and also Starts it in serve/demo.
	Reminders *reminders.Service
	// Explain queues 以案说法 drafts; its worker delivers them. Build it with
	// explain.New and Start it in serve/demo; nil leaves the feature off.
	Explain *explain.Service
	// Files are the app page's chat commands (handlers/webapp's App): the
	// understanding step hands them what it reads as 导出台账, 写入台账,
	// 上传判决书, 撤销导入 or 导出 (a reviewed 以案说法) in any wording; nil
	// answers that the page is not set up.
	Files Files
}

// Files answers the requests for the app page's files; each handler
// replies itself (a file message, a link card, a question).
type Files interface {
	HandleExportLedger(c bot.Context) error
	HandleLedgerLink(c bot.Context) error
	HandleDecisionLink(c bot.Context) error
	HandleUndo(c bot.Context) error
	// HandleExportDraft sends version v (0: the newest reviewed) of a
	// case's 以案说法 as a Word file message.
	HandleExportDraft(c bot.Context, number string, v int) error
}

// Register adds every chat route to b: the commands that start with a
// keyword (directory edits, case updates, 以案说法 commands), the reminder
// buttons and the enter_agent greeting, then the understanding step as
// the Fallback, which reads every other message (see understand.go) and
// answers it or hands it to the bulletin, explain or field-news handlers.
//
// Everyone missing from the people directory is answered by middleware
// before any route runs, so every handler may assume c.Person() != nil.
func Register(b *bot.Bot, d Deps) { register(b, d) }

func register(b *bot.Bot, d Deps) *service {
	s := newService(d)
	if b.MemoryTTL == 0 {
		b.MemoryTTL = d.Config.Chat.ContextTTL
	}
	b.Use(knownOnly(s), topicEnds)
	registerPeople(b, s)
	registerWork(b, s)          // before the updates: 提醒我…, 起个催办通知… are work asked, not changes
	registerOutcomeCounts(b, s) // before the updates: 36号驳回了 不算纠错吧 asks
	registerUpdates(b, s)
	registerRemind(b, d, s)
	s.bulletins = newBulletinHandlers(s)
	s.explains = registerExplain(b, s, d.Explain)
	registerRisk(b, s, d.Reminders)
	registerDeadlines(b, s)
	b.Event(bot.EventEnterAgent, s.greet)
	b.Fallback(s.handleText) // the understanding step: keep it last
	return s
}
