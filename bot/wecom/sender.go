package wecom

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"casebot/bot"
	"casebot/bot/keys"
	"casebot/bot/sendlog"
	"casebot/config"
)

// Sender is the one way out to WeCom for replies, reminders and bulletins.
// It splits long text UTF-8-safely under bot.MaxTextBytes and delivers the
// parts in order, queues pushes to stay under the per-user limits, and
// sends through Client (token refresh, retries, errcode checks). Under a
// send key (WithSendKey) every push is recorded once WeCom accepted it and
// never repeated.
type Sender struct {
	client       *Client
	agentID      int
	limiter      *Limiter
	once         *sendlog.Log
	clock        Clock
	partInterval time.Duration
	log          *slog.Logger
	metrics      *Metrics
}

var _ bot.Sender = (*Sender)(nil)

// Options are the parts of a Sender that tests and the demo replace.
type Options struct {
	// Clock defaults to the wall clock.
	Clock Clock
	// HTTPClient defaults to one with cfg.Timeout and pooled connections.
	HTTPClient *http.Client
	Log        *slog.Logger
	Metrics    *Metrics
}

// sentTTL is how long the record of an accepted push under a send key is
// kept: longer than any message can stay in the inbox.
const sentTTL = 7 * 24 * time.Hour

// NewSender returns the sender of the app wc, under API root wc.APIBase.
func NewSender(wc config.WeCom, sc config.Sender, rdb redis.UniversalClient, k keys.Keys, opt Options) *Sender {
	if opt.Clock == nil {
		opt.Clock = RealClock{}
	}
	if opt.Log == nil {
		opt.Log = slog.Default()
	}
	if opt.HTTPClient == nil {
		opt.HTTPClient = newHTTPClient(sc.Timeout)
	}
	opt.Metrics = orDiscard(opt.Metrics)
	c := &Client{
		base: trimBase(wc.APIBase), corpID: wc.CorpID, secret: wc.Secret,
		http: opt.HTTPClient, retries: sc.Retries, clock: opt.Clock, log: opt.Log,
		metrics: opt.Metrics, health: &Health{},
	}
	c.tokens = &TokenSource{cache: NewRedisCache(rdb), key: k.AccessToken(wc.CorpID, wc.AgentID), fetch: c.fetchToken}
	return &Sender{
		client: c, agentID: wc.AgentID,
		limiter:      NewLimiter(rdb, k, sc.PerUserPerMinute, sc.PerUserPerHour),
		once:         sendlog.New(rdb, k, "wecom", sentTTL),
		clock:        opt.Clock,
		partInterval: sc.PartInterval,
		log:          opt.Log,
		metrics:      opt.Metrics,
	}
}

// Health returns the WeCom configuration errors seen, for /readyz.
func (s *Sender) Health() *Health { return s.client.health }

// Tokens returns the access-token source (shared with SDK clients if any).
func (s *Sender) Tokens() *TokenSource { return s.client.tokens }

// ErrBusy means another sender held the same push until ctx ended.
var ErrBusy = errors.New("wecom: this push is being sent by another worker")

// claimTTL bounds how long a push may stay claimed by a sender that died.
const claimTTL = 2 * time.Minute

// wire is the JSON of message/send and appchat/send. agentid is an integer,
// as the API documents (silenceper sends a string); duplicate checking is
// off and its interval is set explicitly, as the API asks.
type wire struct {
	ToUser                 string            `json:"touser,omitempty"`
	ChatID                 string            `json:"chatid,omitempty"`
	MsgType                string            `json:"msgtype"`
	AgentID                int               `json:"agentid,omitempty"`
	Text                   *content          `json:"text,omitempty"`
	Markdown               *content          `json:"markdown,omitempty"`
	TextCard               *bot.TextCard     `json:"textcard,omitempty"`
	TemplateCard           *bot.TemplateCard `json:"template_card,omitempty"`
	Image                  *media            `json:"image,omitempty"`
	File                   *media            `json:"file,omitempty"`
	Safe                   int               `json:"safe"`
	EnableDuplicateCheck   int               `json:"enable_duplicate_check"`
	DuplicateCheckInterval int               `json:"duplicate_check_interval"`
}

type content struct {
	Content string `json:"content"`
}

type media struct {
	MediaID string `json:"media_id"`
}

type sendAnswer struct {
	InvalidUser  string `json:"invaliduser"`
	MsgID        string `json:"msgid"`
	ResponseCode string `json:"response_code"`
}

// part is one API call of a push.
type part struct {
	text  string // text or markdown content of this part
	image bool
}

// Send delivers out, every part in order, and returns once WeCom accepted
// them all, or with the error that stopped it (parts already accepted
// stay accepted and, under a send key, are not sent again).
func (s *Sender) Send(ctx context.Context, out bot.Outbound) (bot.Receipt, error) {
	if err := validate(out); err != nil {
		return bot.Receipt{}, err
	}
	parts := s.split(out)
	base := nextSendID(ctx)
	var rcpt bot.Receipt

	// Under a send key, skip parts already accepted and claim the others.
	todo := make([]int, 0, len(parts))
	ids := make([]string, len(parts))
	release := func(from int) {
		if base == "" {
			return
		}
		for _, i := range todo[from:] {
			s.once.Release(context.WithoutCancel(ctx), ids[i])
		}
	}
	for i := range parts {
		if base == "" {
			todo = append(todo, i)
			continue
		}
		ids[i] = fmt.Sprintf("%s:%d", base, i+1)
		res, err := s.claim(ctx, ids[i])
		if err != nil {
			release(0)
			return rcpt, err
		}
		switch res {
		case sendlog.AlreadyDone:
			if rec, ok, _ := s.once.Get(ctx, ids[i]); ok {
				mergeRecorded(&rcpt, rec)
			}
		default:
			todo = append(todo, i)
		}
	}
	if len(todo) == 0 {
		return rcpt, nil
	}

	slots, err := s.limiter.Reserve(ctx, limitedUsers(out), len(todo), s.clock.Now(), s.partInterval)
	if err != nil {
		release(0)
		return rcpt, fmt.Errorf("wecom: booking send slots: %w", err)
	}
	for j, i := range todo {
		if wait := slots[j].Sub(s.clock.Now()); wait > 0 {
			s.metrics.SendWait.Observe(wait.Seconds())
			if wait > 5*time.Second {
				s.log.Info("push queued by the per-user rate limit", "to", strings.Join(out.ToUsers, "|"), "wait", wait.Round(time.Second))
			}
			if err := s.clock.Sleep(ctx, wait); err != nil {
				release(j)
				return rcpt, err
			}
		}
		r, err := s.sendPart(ctx, out, parts[i])
		if err != nil {
			release(j)
			return rcpt, err
		}
		merge(&rcpt, r)
		if base != "" {
			if err := s.once.Done(context.WithoutCancel(ctx), ids[i], sendlog.Record{At: s.clock.Now(), Detail: r}); err != nil {
				s.log.Warn("push accepted but not recorded; a retry could repeat it", "id", ids[i], "err", err)
			}
		}
	}
	if len(rcpt.Invalid) > 0 {
		s.log.Warn("WeCom did not deliver to some recipients (not in the app's visible range?)", "invalid", strings.Join(rcpt.Invalid, "|"))
	}
	return rcpt, nil
}

// claim claims a push under a send key. When another sender holds it (a
// worker of a replica that crashed mid-send, whose message was reclaimed;
// or, rarely, a live duplicate) it waits for that claim to end: the push is
// then either recorded as done (and skipped) or free to send. Waiting, not
// failing, matters: a failed reply would end the handler with an apology
// instead of the answer. The claim expires after claimTTL at most; ctx
// bounds the wait. Redis keeps real time, so this polls on the wall clock.
func (s *Sender) claim(ctx context.Context, id string) (sendlog.Result, error) {
	logged := false
	for {
		res, err := s.once.Claim(ctx, id, claimTTL)
		if err != nil || res != sendlog.Busy {
			return res, err
		}
		if !logged {
			s.log.Info("push held by another sender; waiting for its claim to end", "id", id)
			logged = true
		}
		if err := (RealClock{}).Sleep(ctx, claimPoll); err != nil {
			return res, fmt.Errorf("%w: %v", ErrBusy, err)
		}
	}
}

// claimPoll is how often a push held by another sender is checked.
const claimPoll = 250 * time.Millisecond

func validate(out bot.Outbound) error {
	switch {
	case len(out.ToUsers) == 0 && out.ToChat == "":
		return errors.New("wecom: push with no recipient")
	case len(out.ToUsers) > 0 && out.ToChat != "":
		return errors.New("wecom: push to both users and a chat")
	case len(out.ToUsers) > bot.MaxRecipients:
		return fmt.Errorf("wecom: %d recipients, at most %d per push", len(out.ToUsers), bot.MaxRecipients)
	}
	switch out.Type {
	case bot.MsgText, bot.MsgMarkdown:
		if strings.TrimSpace(out.Text) == "" {
			return fmt.Errorf("wecom: empty %s push", out.Type)
		}
	case bot.MsgTextCard:
		if out.TextCard == nil || out.ToChat != "" {
			return errors.New("wecom: textcard needs a card and user recipients")
		}
	case bot.MsgTemplateCard:
		if out.Card == nil || out.ToChat != "" {
			return errors.New("wecom: template_card needs a card and user recipients")
		}
	case bot.MsgImage:
		if out.Image == nil || len(out.Image.Data) == 0 {
			return errors.New("wecom: image push with no image")
		}
	case bot.MsgFile:
		return validateFile(out) // file.go
	default:
		return fmt.Errorf("wecom: unknown message type %q", out.Type)
	}
	return nil
}

// limitedUsers are the recipients the per-user limit applies to. A group
// chat has its own, much higher, limits; @all cannot be tracked per user.
func limitedUsers(out bot.Outbound) []string {
	if out.ToChat != "" || (len(out.ToUsers) == 1 && out.ToUsers[0] == "@all") {
		return nil
	}
	return out.ToUsers
}

func (s *Sender) split(out bot.Outbound) []part {
	switch out.Type {
	case bot.MsgText, bot.MsgMarkdown:
		texts := Split(out.Text, bot.MaxTextBytes, out.Type == bot.MsgMarkdown)
		ps := make([]part, len(texts))
		for i, t := range texts {
			ps[i] = part{text: t}
		}
		return ps
	case bot.MsgImage:
		return []part{{image: true}}
	}
	return []part{{}}
}

// sendPart makes the API call of one part.
func (s *Sender) sendPart(ctx context.Context, out bot.Outbound, p part) (bot.Receipt, error) {
	w := wire{MsgType: string(out.Type), DuplicateCheckInterval: 1800}
	switch out.Type {
	case bot.MsgText:
		w.Text = &content{p.text}
	case bot.MsgMarkdown:
		w.Markdown = &content{p.text}
	case bot.MsgTextCard:
		w.TextCard = out.TextCard
	case bot.MsgTemplateCard:
		w.TemplateCard = out.Card
	case bot.MsgImage:
		id, err := s.client.upload(ctx, "image", out.Image.Name, out.Image.Data)
		if err != nil {
			return bot.Receipt{}, err
		}
		w.Image = &media{id}
	case bot.MsgFile:
		id, err := s.uploadFile(ctx, out.File) // file.go
		if err != nil {
			return bot.Receipt{}, err
		}
		w.File = &media{id}
	}
	if out.ToChat != "" {
		w.ChatID = out.ToChat
		return bot.Receipt{}, s.client.postJSON(ctx, apiAppChat, w, nil)
	}
	w.ToUser = strings.Join(out.ToUsers, "|")
	w.AgentID = s.agentID
	var a sendAnswer
	if err := s.client.postJSON(ctx, apiSend, w, &a); err != nil {
		return bot.Receipt{}, err
	}
	r := bot.Receipt{ResponseCode: a.ResponseCode}
	if a.MsgID != "" {
		r.MsgIDs = []string{a.MsgID}
	}
	if a.InvalidUser != "" {
		r.Invalid = strings.Split(a.InvalidUser, "|")
	}
	return r, nil
}

func merge(dst *bot.Receipt, r bot.Receipt) {
	dst.MsgIDs = append(dst.MsgIDs, r.MsgIDs...)
	if r.ResponseCode != "" {
		dst.ResponseCode = r.ResponseCode
	}
	for _, u := range r.Invalid {
		if !contains(dst.Invalid, u) {
			dst.Invalid = append(dst.Invalid, u)
		}
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// mergeRecorded adds the receipt recorded for a part sent earlier.
func mergeRecorded(dst *bot.Receipt, rec sendlog.Record) {
	m, ok := rec.Detail.(map[string]any)
	if !ok {
		return
	}
	var r bot.Receipt
	if ids, ok := m["msgids"].([]any); ok {
		for _, id := range ids {
			if s, ok := id.(string); ok {
				r.MsgIDs = append(r.MsgIDs, s)
			}
		}
	}
	r.ResponseCode, _ = m["response_code"].(string)
	merge(dst, r)
}

// updateCard is the JSON of message/update_template_card.
type updateCard struct {
	UserIDs      []string          `json:"userids"`
	AgentID      int               `json:"agentid"`
	ResponseCode string            `json:"response_code"`
	TemplateCard *bot.TemplateCard `json:"template_card"`
}

// UpdateCard replaces a clicked card for users with card, using the
// click's one-time response code.
func (s *Sender) UpdateCard(ctx context.Context, responseCode string, card *bot.TemplateCard, userIDs ...string) error {
	if responseCode == "" || card == nil || len(userIDs) == 0 {
		return errors.New("wecom: card update needs a response code, a card and users")
	}
	id := nextSendID(ctx)
	if id != "" {
		res, err := s.claim(ctx, id)
		switch {
		case err != nil:
			return err
		case res == sendlog.AlreadyDone:
			return nil
		}
	}
	err := s.client.postJSON(ctx, apiUpdateCard,
		updateCard{UserIDs: userIDs, AgentID: s.agentID, ResponseCode: responseCode, TemplateCard: card}, nil)
	if id != "" {
		if err != nil {
			s.once.Release(context.WithoutCancel(ctx), id)
		} else {
			s.once.Done(context.WithoutCancel(ctx), id, sendlog.Record{At: s.clock.Now()})
		}
	}
	return err
}
