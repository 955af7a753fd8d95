package handlers

import (
	"context"
	"sync"

	"casebot/bot"
	"casebot/bot/sendlog"
	"casebot/bot/wecomtest"
)

// recorder is a bot.Sender keeping what was sent and every card update.
// With a log it keeps push ids the way the WeCom sender does (a reminder
// recorded as sent is not sent again).
type recorder struct {
	mu      sync.Mutex
	log     *sendlog.Log
	sent    []bot.Outbound
	updates []update
}

type update struct {
	code string
	card *bot.TemplateCard
}

func (r *recorder) Send(ctx context.Context, out bot.Outbound) (bot.Receipt, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return wecomtest.Once(ctx, r.log, func() (bot.Receipt, error) {
		r.sent = append(r.sent, out)
		return bot.Receipt{}, nil
	})
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
