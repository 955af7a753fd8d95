package handlers

import (
	"context"
	"sync"

	"casebot/bot"
)

// recorder is a bot.Sender keeping what was sent and every card update.
type recorder struct {
	mu      sync.Mutex
	sent    []bot.Outbound
	updates []update
}

type update struct {
	code string
	card *bot.TemplateCard
}

func (r *recorder) Send(_ context.Context, out bot.Outbound) (bot.Receipt, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.sent = append(r.sent, out)
	return bot.Receipt{}, nil
}

func (r *recorder) UpdateCard(_ context.Context, code string, card *bot.TemplateCard, _ ...string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.updates = append(r.updates, update{code, card})
	return nil
}

func (r *recorder) take() []bot.Outbound {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := r.sent
	r.sent = nil
	return out
}

func (r *recorder) lastUpdate() update {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.updates) == 0 {
		return update{}
	}
	return r.updates[len(r.updates)-1]
}
