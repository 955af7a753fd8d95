package webapp

import (
	"context"

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
