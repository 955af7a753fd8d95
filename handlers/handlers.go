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
}

// Register adds every chat route to b, most specific first: commands with a
// leading keyword before the free-form query, which is the fallback.
//
// Everyone missing from the people directory is refused by middleware
// before any route runs, so every handler may assume c.Person() != nil.
func Register(b *bot.Bot, d Deps) {
	s := newService(d)
	b.Use(knownOnly(s))
	registerPeople(b, s)
	registerUpdates(b, s)
	registerRemind(b, d)
	registerBulletin(b, s)
	registerExplain(b, s, d.Explain)
	registerRisk(b, s, d.Reminders)
	registerDeadlines(b, s)
	registerQuery(b, s) // the Fallback: keep it last
}
