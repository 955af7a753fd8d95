package webapp

import (
	"context"
	"time"

	"casebot/bot"
	"casebot/bot/keys"
	"casebot/bot/sendlog"
)

// pushOnce returns a context under which the pushes made are made once
// for id, however often the request that makes them is repeated (a double
// tap, a reload, a retry): the sender's one send-once mechanism
// (bot/sendlog) records the n-th push under id as "<id>:<n>" in the app's
// namespace, and skips one recorded before. It is not cancelled with the
// request: a result computed is delivered even if the browser left.
func pushOnce(ctx context.Context, id string) context.Context {
	return sendlog.WithSequence(context.WithoutCancel(ctx), keys.AppSendNS, id)
}

// sendLater makes a page's push again at its time when the sender put it
// off — the person's per-minute limit of WeCom messages is full
// (bot.DeferredUntil) — and reports that time, so that the page says
// when it comes instead of calling it a failure. push must make it
// under the same push id (a new pushOnce context: a context's sequence
// has moved on), so it still goes once; put off again, it is made again
// then, up to maxLater times. For any other error it does nothing. The
// retry lives in this process: a restart before then loses it (the page
// said when to look, and pressing again is safe).
func (a *App) sendLater(err error, what string, push func() error) (time.Time, bool) {
	until, ok := bot.DeferredUntil(err)
	if !ok {
		return time.Time{}, false
	}
	var try func(n int, at time.Time)
	try = func(n int, at time.Time) {
		a.After(max(at.Sub(a.now()), 0), func() {
			err := push()
			if next, again := bot.DeferredUntil(err); again && n < maxLater {
				try(n+1, next)
				return
			}
			if err != nil {
				a.log.Error("app page: push put off by the rate limit failed when made again", "what", what, "err", err)
			}
		})
	}
	try(1, until)
	a.log.Info("app page: push put off by the per-member rate limit; made again then", "what", what, "until", until)
	return until, true
}

// maxLater bounds how often sendLater makes a push again.
const maxLater = 3

// clockText is how a page says when a deferred push comes.
func (a *App) clockText(t time.Time) string { return t.In(a.loc()).Format("15:04:05") }

// sendText pushes a page's confirmation in chat, once for id (pushOnce):
// sent sets *chat; put off by the rate limit, it is made again then and
// *at says when (no error).
func (a *App) sendText(ctx context.Context, id string, out bot.Outbound, chat *bool, at *string) error {
	send := func() error {
		_, err := a.sender.Send(pushOnce(ctx, id), out)
		return err
	}
	err := send()
	if when, later := a.sendLater(err, id, send); later {
		*at = a.clockText(when)
		return nil
	}
	*chat = err == nil
	return err
}
