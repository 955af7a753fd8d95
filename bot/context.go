package bot

import (
	"context"
	"errors"
	"sync"
	"time"

	"casebot/bot/people"
)

// Context is what a handler gets: the message, who sent it, and ways to
// answer. It carries a context.Context for deadlines and cancellation.
type Context interface {
	// Ctx is the context for Redis, WeCom and LLM calls made while handling.
	Ctx() context.Context
	// Message is the inbound message or event.
	Message() *Message
	// UserID is the sender's WeCom userid.
	UserID() string
	// Person is the sender's directory entry, or nil for an unknown user.
	Person() *people.Person
	// Now is the bot's clock, in the configured time zone.
	Now() time.Time
	// Location is the configured time zone.
	Location() *time.Location

	// Reply sends text to the sender; ReplyMarkdown sends WeCom markdown;
	// ReplyCard sends a template card. Long content is split in order.
	Reply(text string) error
	ReplyMarkdown(md string) error
	ReplyCard(card *TemplateCard) (Receipt, error)
	// Send pushes any message to anyone.
	Send(out Outbound) (Receipt, error)
	// UpdateCard replaces the card the current click came from, using the
	// click's one-time response code.
	UpdateCard(card *TemplateCard) error

	// Await makes the sender's next text message go to the handler
	// registered with Router.Await(name), with data kept alongside.
	Await(name, data string) error
	// AwaitData returns the data stored by Await, for an awaited handler.
	AwaitData() string
	// ClearAwait ends a pending question.
	ClearAwait() error

	// Memory is the sender's short conversation memory, for follow-ups
	// (后天呢, 第二个, 上面那篇改短一点); see Memory.
	Memory() *Memory

	// Get and Set keep values for the duration of one message, for
	// middleware to hand things to handlers.
	Get(key string) any
	Set(key string, v any)
}

// nativeContext is the Context the Bot builds for each message.
type nativeContext struct {
	ctx       context.Context
	b         *Bot
	msg       *Message
	person    *people.Person
	awaitData string

	mu     sync.Mutex
	values map[string]any
	// undelivered is the first push of this message that did not reach
	// WeCom: the message is then not handled (Bot.Handle returns it).
	undelivered error
}

// failed records a push that did not reach WeCom.
func (c *nativeContext) failed(err error) {
	if err == nil || !errors.Is(err, ErrUndelivered) {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.undelivered == nil {
		c.undelivered = err
	}
}

func (c *nativeContext) undeliveredErr() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.undelivered
}

var _ Context = (*nativeContext)(nil)

func (c *nativeContext) Ctx() context.Context     { return c.ctx }
func (c *nativeContext) Message() *Message        { return c.msg }
func (c *nativeContext) UserID() string           { return c.msg.From }
func (c *nativeContext) Person() *people.Person   { return c.person }
func (c *nativeContext) Now() time.Time           { return c.b.now() }
func (c *nativeContext) Location() *time.Location { return c.b.loc() }
func (c *nativeContext) AwaitData() string        { return c.awaitData }
func (c *nativeContext) Reply(text string) error {
	_, err := c.Send(Text(text, c.msg.From))
	return err
}
func (c *nativeContext) ReplyMarkdown(md string) error {
	_, err := c.Send(Markdown(md, c.msg.From))
	return err
}

func (c *nativeContext) ReplyCard(card *TemplateCard) (Receipt, error) {
	return c.Send(Outbound{ToUsers: []string{c.msg.From}, Type: MsgTemplateCard, Card: card})
}

func (c *nativeContext) Send(out Outbound) (Receipt, error) {
	r, err := c.b.Sender.Send(c.ctx, out)
	c.failed(err)
	return r, err
}

func (c *nativeContext) UpdateCard(card *TemplateCard) error {
	if c.msg.ResponseCode == "" {
		return Errorf(EInvalid, "这张卡片已无法更新。")
	}
	err := c.b.Sender.UpdateCard(c.ctx, c.msg.ResponseCode, card, c.msg.From)
	c.failed(err)
	return err
}

func (c *nativeContext) Await(name, data string) error {
	return c.b.sessions().setAwait(c.ctx, c.msg.From, name, data)
}

func (c *nativeContext) ClearAwait() error {
	return c.b.sessions().clearAwait(c.ctx, c.msg.From)
}

func (c *nativeContext) Memory() *Memory {
	return &Memory{b: c.b, ctx: c.ctx, user: c.msg.From}
}

func (c *nativeContext) Get(key string) any {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.values[key]
}

func (c *nativeContext) Set(key string, v any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.values == nil {
		c.values = map[string]any{}
	}
	c.values[key] = v
}
