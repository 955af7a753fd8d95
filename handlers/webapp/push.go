package webapp

import (
	"context"

	"casebot/bot/wecom"
)

// pushOnce returns a context under which the pushes made are made once
// for id, however often the request that makes them is repeated (a double
// tap, a reload, a retry): the sender records each push under id and its
// order, and skips one recorded before. It is not cancelled with the
// request: a result computed is delivered even if the browser left.
//
// The one place the page names the send-once mechanism (merge note: on
// the send-once rework it is sendlog.WithSequence(ctx, "app", id)).
func pushOnce(ctx context.Context, id string) context.Context {
	return wecom.WithSendKey(context.WithoutCancel(ctx), "app:"+id)
}
