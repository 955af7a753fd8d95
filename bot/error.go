package bot

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"syscall"
	"time"
)

// Error is an error meant for the user: its Message is shown as is, in
// polite Chinese. Any other error is logged for operators and the user sees
// GenericErrorMessage, never the details.
type Error struct {
	// Code is a short machine-readable reason, e.g. "not_found", "forbidden".
	Code string
	// Message is what the user reads.
	Message string
}

func (e *Error) Error() string { return e.Message }

// ErrUndelivered marks a push that did not (or may not have) reached
// WeCom and must be retried: a failed request, an unknown outcome, a push
// held by another live process. A message whose reply is undelivered is
// never acknowledged as handled (Bot.Handle returns an error), so the
// inbox retries it.
var ErrUndelivered = errors.New("message not delivered")

// DeferredUntil reports whether err is a push deferred, not failed: its
// recipient's rate limit has no slot before the time returned
// (wecom.DeferredError, which also wraps ErrUndelivered). Whoever retries
// pushes makes it again then, without counting a failure; nothing was
// lost and nothing more was sent.
func DeferredUntil(err error) (time.Time, bool) {
	var d interface{ DeferredUntil() time.Time }
	if errors.As(err, &d) {
		return d.DeferredUntil(), true
	}
	return time.Time{}, false
}

// Transient reports whether err is a passing infrastructure failure — a
// network error, a timeout, Redis failing over or loading — after which
// the same message handled again a moment later should succeed. Bot.Handle
// returns such errors (the inbox retries the message) instead of
// answering with an apology.
func Transient(err error) bool {
	if err == nil {
		return false
	}
	var ne net.Error
	if errors.As(err, &ne) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, context.DeadlineExceeded) || errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ECONNRESET) {
		return true
	}
	msg := err.Error()
	for _, p := range []string{"LOADING", "READONLY", "MASTERDOWN", "CLUSTERDOWN", "TRYAGAIN", "NOREPLICAS"} {
		if strings.HasPrefix(msg, p) || strings.Contains(msg, ": "+p+" ") {
			return true
		}
	}
	// go-redis's own: every connection busy or being re-dialled (a loaded
	// machine during a failover), the sentinels not answering in time.
	return strings.Contains(msg, "connection refused") || strings.Contains(msg, "connection reset") ||
		strings.Contains(msg, "i/o timeout") || strings.Contains(msg, "broken pipe") ||
		strings.Contains(msg, "redis: connection pool timeout") || strings.Contains(msg, "redis: connection pool exhausted") ||
		strings.Contains(msg, "sentinels specified in configuration are unreachable")
}

// Error codes.
const (
	ENotFound  = "not_found"
	EForbidden = "forbidden"
	EInvalid   = "invalid"
	EUnknown   = "unknown_user"
	ELimited   = "rate_limited"
)

// Errorf returns a user-facing *Error.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// GenericErrorMessage is what users see when something fails inside.
const GenericErrorMessage = "抱歉，系统暂时出了点问题，您的这条消息没能处理完成，请稍后再发一次。如急需处理，请联系司法局应诉专班。"

// ErrorMessage returns the text to show a user for err.
func ErrorMessage(err error) string {
	var e *Error
	if err == nil {
		return ""
	}
	if errors.As(err, &e) {
		return e.Message
	}
	return GenericErrorMessage
}

// ErrorCode returns the code of a user-facing error, or "internal".
func ErrorCode(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return "internal"
}
