package wecomtest

import (
	"context"

	"casebot/bot"
	"casebot/bot/sendlog"
)

// Once lets a fake bot.Sender keep the contract of push ids (bot/sendlog)
// as the WeCom sender keeps it for a whole push: under a push id, send
// runs only if the push is not recorded yet (else the receipt says
// Already), and the push, with what it covers, is recorded once send
// succeeds. Without a push id under ctx, or without a log, send just runs.
// Fakes of code that pushes (reminders, bulletins, drafts) use it so that
// their tests see the exactly-once behaviour production has.
func Once(ctx context.Context, log *sendlog.Log, send func() (bot.Receipt, error)) (bot.Receipt, error) {
	p, ok := sendlog.Next(ctx)
	if !ok || log == nil {
		return send()
	}
	done, err := log.IsDone(ctx, p.NS, p.ID)
	if err != nil {
		return bot.Receipt{}, err
	}
	if done {
		return bot.Receipt{Already: true}, nil
	}
	r, err := send()
	if err != nil {
		return r, err
	}
	return r, log.Record(ctx, p, r)
}
