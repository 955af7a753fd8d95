// Package bot is casebot's core: the Bot that turns an inbound message into
// a Context and runs the handler the Router picks, the Context handlers
// answer through, middleware, user-facing errors, and the message types
// shared by the transport, the handlers and the schedulers.
package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"time"

	"github.com/redis/go-redis/v9"

	"casebot/bot/keys"
	"casebot/bot/people"
)

// Sender pushes messages to WeCom. Send returns once WeCom accepted every
// part, or with the error that stopped it.
type Sender interface {
	Send(ctx context.Context, out Outbound) (Receipt, error)
	// UpdateCard replaces a clicked card for the given users, using the
	// click's one-time response code.
	UpdateCard(ctx context.Context, responseCode string, card *TemplateCard, userIDs ...string) error
}

// Directory finds who a userid is. It returns (nil, nil) for a user who is
// not in the directory.
type Directory interface {
	Lookup(ctx context.Context, userID string) (*people.Person, error)
}

// QueuedDirectory is a Directory whose entries are on the Bot's Redis and
// whose lookup can be queued on a pipeline of it: Handle then reads the
// person and the pending question in one round trip instead of two. get
// is called after the pipeline ran and answers as Lookup would.
type QueuedDirectory interface {
	Directory
	QueueLookup(ctx context.Context, p redis.Pipeliner, userID string) (get func() (*people.Person, error))
}

// DirectoryFunc adapts a function to Directory.
type DirectoryFunc func(ctx context.Context, userID string) (*people.Person, error)

// Lookup calls f.
func (f DirectoryFunc) Lookup(ctx context.Context, userID string) (*people.Person, error) {
	return f(ctx, userID)
}

// Bot dispatches messages to handlers.
type Bot struct {
	Router

	Sender    Sender
	Directory Directory
	// Redis and Keys hold conversation state (pending questions).
	Redis redis.UniversalClient
	Keys  keys.Keys
	// Location is the configured time zone. If nil, Asia/Shanghai is used.
	Location *time.Location
	// Now is the clock. If nil, time.Now is used.
	Now func() time.Time
	// MemoryTTL is how long a user's conversation memory lasts after its
	// last write (see Memory). If 0, DefaultMemoryTTL.
	MemoryTTL time.Duration
	// Log receives handler errors and panics. If nil, slog.Default is used.
	Log *slog.Logger
	// OnError handles every error a handler returns. If nil, the error is
	// logged (unless it is a user-facing *Error) and the user is told
	// ErrorMessage(err).
	OnError func(error, Context)
}

var shanghai = func() *time.Location {
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		return time.FixedZone("CST", 8*3600)
	}
	return loc
}()

func (b *Bot) now() time.Time {
	if b.Now != nil {
		return b.Now().In(b.loc())
	}
	return time.Now().In(b.loc())
}

func (b *Bot) loc() *time.Location {
	if b.Location != nil {
		return b.Location
	}
	return shanghai
}

func (b *Bot) log() *slog.Logger {
	if b.Log != nil {
		return b.Log
	}
	return slog.Default()
}

// PanicError is what a recovered handler panic becomes.
type PanicError struct {
	Value any
	Stack []byte
}

func (e *PanicError) Error() string { return fmt.Sprintf("handler panic: %v", e.Value) }

// Handle routes one message to its handler and runs it. Handler errors and
// panics go to OnError, which answers the user. Handle itself returns an
// error when the message was not handled: the directory or Redis was
// unreachable (a Transient error, also from the handler), or a push made
// while handling it (the answer, or the apology) did not reach WeCom
// (ErrUndelivered). The caller then retries
// it; pushes already made are not made again (the sender's send log), and
// no apology is sent for a reply that failed to go: the retry is the
// answer.
func (b *Bot) Handle(ctx context.Context, msg *Message) (err error) {
	person, await, awaitData, err := b.read(ctx, msg)
	if err != nil {
		return err
	}
	c := &nativeContext{ctx: ctx, b: b, msg: msg, person: person, awaitData: awaitData}
	h := b.route(msg, await)
	if h == nil {
		return nil // an event nobody handles: acknowledged and ignored
	}
	herr := b.run(h, c)
	c.failed(herr) // a handler may return an undelivered push of its own
	if herr != nil && c.undeliveredErr() == nil && Transient(herr) {
		// Redis failing over, the network: handled again in a moment, the
		// message is answered; an apology now would be premature.
		return fmt.Errorf("handle %s: %w", msg.ID, herr)
	}
	if herr != nil && c.undeliveredErr() == nil {
		b.onError(herr, c)
	}
	if err := c.undeliveredErr(); err != nil {
		return fmt.Errorf("reply to %s not delivered: %w", msg.ID, err)
	}
	return nil
}

// run calls h, turning a panic into a *PanicError so one bad message never
// takes its worker down.
func (b *Bot) run(h HandlerFunc, c Context) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &PanicError{Value: r, Stack: debug.Stack()}
		}
	}()
	return h(c)
}

func (b *Bot) onError(err error, c Context) {
	if b.OnError != nil {
		b.OnError(err, c)
		return
	}
	var ue *Error
	if !errors.As(err, &ue) {
		attrs := []any{"user", c.UserID(), "msg", c.Message().ID, "err", err}
		var pe *PanicError
		if errors.As(err, &pe) {
			attrs = append(attrs, "stack", string(pe.Stack))
		}
		b.log().Error("handler failed", attrs...)
	}
	if rerr := c.Reply(ErrorMessage(err)); rerr != nil {
		b.log().Error("could not tell the user about an error", "user", c.UserID(), "err", rerr)
	}
}

// read looks up the sender and, for a text, reads their pending question
// (see Context.Await): in one round trip when the directory can share the
// pipeline (QueuedDirectory), else one after the other. A failed lookup
// is reported before a failed read, as when they ran in turn.
func (b *Bot) read(ctx context.Context, msg *Message) (person *people.Person, await, data string, err error) {
	pending := msg.Type == "text" && b.Redis != nil
	qd, queued := b.Directory.(QueuedDirectory)
	if !pending || !queued || msg.From == "" {
		if person, err = b.lookup(ctx, msg.From); err != nil {
			return nil, "", "", fmt.Errorf("look up %s: %w", msg.From, err)
		}
		if pending {
			if await, data, err = b.sessions().await(ctx, msg.From); err != nil {
				return nil, "", "", fmt.Errorf("read pending question of %s: %w", msg.From, err)
			}
		}
		return person, await, data, nil
	}
	var get func() (*people.Person, error)
	var vals *redis.SliceCmd
	// The pipeline's own error is its first command's, a missing person
	// (redis.Nil) included: each command's is read instead.
	b.Redis.Pipelined(ctx, func(p redis.Pipeliner) error {
		get = qd.QueueLookup(ctx, p, msg.From)
		vals = b.sessions().queueAwait(ctx, p, msg.From)
		return nil
	})
	if person, err = get(); err != nil {
		return nil, "", "", fmt.Errorf("look up %s: %w", msg.From, err)
	}
	if await, data, err = awaited(vals); err != nil {
		return nil, "", "", fmt.Errorf("read pending question of %s: %w", msg.From, err)
	}
	return person, await, data, nil
}

func (b *Bot) lookup(ctx context.Context, userID string) (*people.Person, error) {
	if b.Directory == nil || userID == "" {
		return nil, nil
	}
	return b.Directory.Lookup(ctx, userID)
}

// Logger is middleware that logs each handled message with its latency.
func Logger(l *slog.Logger) MiddlewareFunc {
	return func(next HandlerFunc) HandlerFunc {
		return func(c Context) error {
			start := time.Now()
			err := next(c)
			m := c.Message()
			l.Info("handled", "user", c.UserID(), "type", m.Type, "event", m.Event,
				"ms", time.Since(start).Milliseconds(), "result", resultOf(err))
			return err
		}
	}
}

func resultOf(err error) string {
	if err == nil {
		return "ok"
	}
	return ErrorCode(err)
}
