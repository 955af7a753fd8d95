package wecom

import (
	"context"
	"strconv"
	"sync/atomic"
)

// A send key makes the pushes made under a context idempotent: the n-th
// Send (or UpdateCard) under key K is recorded as K:n in the send log once
// WeCom accepted it, and skipped if it was already recorded. The inbox puts
// the message id under every handler's context, so a message handled again
// after a crash (its acknowledgement lost) does not answer twice. This
// holds as long as a handler makes its pushes in the same order each time,
// which is what handlers that reply sequentially do.
type sendKey struct {
	base string
	n    atomic.Int64
}

type sendKeyCtx struct{}

// WithSendKey returns ctx under which pushes are idempotent under base.
func WithSendKey(ctx context.Context, base string) context.Context {
	return context.WithValue(ctx, sendKeyCtx{}, &sendKey{base: base})
}

// nextSendID returns the id of the next push under ctx's key, or "".
func nextSendID(ctx context.Context) string {
	k, _ := ctx.Value(sendKeyCtx{}).(*sendKey)
	if k == nil {
		return ""
	}
	return k.base + ":" + strconv.FormatInt(k.n.Add(1), 10)
}
