package wecom

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"casebot/bot"
	"casebot/bot/durable"
	"casebot/bot/keys"
	"casebot/bot/sendlog"
	"casebot/config"
)

// Sender is the one way out to WeCom for replies, reminders, notices,
// bulletins and drafts, and the one implementation of the send-once
// policy (see bot/sendlog): a push made under a push id (sendlog.WithID,
// sendlog.WithSequence) is claimed, each of its API calls saved before it
// goes and recorded once WeCom accepted it, and the push recorded when
// all are; it is never sent twice while its record lives, and a failed
// push resumes at the first part not yet accepted.
//
// It also splits long text UTF-8-safely under bot.MaxTextBytes and
// delivers the parts in order, queues pushes to stay under the per-user
// limits, and sends through Client (token refresh, retries, errcode
// checks).
type Sender struct {
	client       *Client
	agentID      int
	limiter      *Limiter
	log          *sendlog.Log
	clock        Clock
	timeout      time.Duration
	partInterval time.Duration
	logger       *slog.Logger
	metrics      *Metrics
}

var _ bot.Sender = (*Sender)(nil)

// Options are the parts of a Sender that tests and the demo replace.
type Options struct {
	// Clock defaults to the wall clock. It is the one clock of the send
	// log: records, attempt ages, rate-limit slots and backoffs.
	Clock Clock
	// HTTPClient defaults to one with cfg.Timeout and pooled connections.
	HTTPClient *http.Client
	// Owner names this process in send claims (its presence name); with
	// Heartbeat, its claims die with its presence (lock.Presence).
	Owner     string
	Heartbeat bool
	// Durable confirms send records on replicas (redis.wait_replicas).
	Durable *durable.Writer
	Log     *slog.Logger
	Metrics *Metrics
}

// DuplicateCheckInterval is the duplicate_check_interval of every push
// made under a push id: the longest WeCom allows (4 h), so that a push
// retried hours later (a reminder after its backoff) is still resolved by
// the check.
const DuplicateCheckInterval = 4 * time.Hour

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
		http: opt.HTTPClient, retries: sc.Retries, timeout: sc.Timeout, clock: opt.Clock, log: opt.Log,
		metrics: opt.Metrics, health: &Health{},
	}
	c.tokens = &TokenSource{cache: NewRedisCache(rdb), key: k.AccessToken(wc.CorpID, wc.AgentID), fetch: c.fetchToken}
	return &Sender{
		client: c, agentID: wc.AgentID,
		limiter: NewLimiter(rdb, k, sc.PerUserPerMinute, sc.PerUserPerHour),
		log: sendlog.New(rdb, k, sendlog.Options{
			Owner: opt.Owner, Heartbeat: opt.Heartbeat, ClaimTTL: sendlog.ClaimTTL(sc.Timeout),
			Window: DuplicateCheckInterval, Now: opt.Clock.Now, Durable: opt.Durable,
		}),
		clock:        opt.Clock,
		timeout:      sc.Timeout,
		partInterval: sc.PartInterval,
		logger:       opt.Log,
		metrics:      opt.Metrics,
	}
}

// Health returns the WeCom configuration errors seen, for /readyz.
func (s *Sender) Health() *Health { return s.client.health }

// Tokens returns the access-token source (shared with SDK clients if any).
func (s *Sender) Tokens() *TokenSource { return s.client.tokens }

// SendLog returns the send log the sender records in, for readers (what
// was sent) and for fakes that keep the same records.
func (s *Sender) SendLog() *sendlog.Log { return s.log }

// ErrBusy means another live process is making this push right now.
var ErrBusy = sendlog.ErrBusy

// wire is the JSON of message/send and appchat/send. agentid is an integer,
// as the API documents (silenceper sends a string); the duplicate check's
// interval is set explicitly, as the API asks.
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
	InvalidUser  userList `json:"invaliduser"`
	MsgID        string   `json:"msgid"`
	ResponseCode string   `json:"response_code"`
}

// part is one API call of a push.
type part struct {
	text  string // text or markdown content of this part
	image bool
}

// Send delivers out, every part in order, and returns once WeCom accepted
// them all, or with the error that stopped it; errors.Is(err,
// bot.ErrUndelivered) for anything a later try may deliver. Under a push
// id, parts already accepted stay accepted and are not sent again, and a
// push accepted before returns its recorded receipt with Already set.
func (s *Sender) Send(ctx context.Context, out bot.Outbound) (bot.Receipt, error) {
	if err := validate(out); err != nil {
		return bot.Receipt{}, err
	}
	parts := s.split(out)
	p, keyed := sendlog.Next(ctx)
	if !keyed {
		rcpt, _, err := s.sendParts(ctx, nil, sendlog.Push{}, out, parts)
		return rcpt, err
	}
	// The first part's request is built before the claim, so the claim
	// saves it too (one round trip, see sendlog.ClaimBegin) — unless
	// building it uploads media, which waits until the push is ours.
	var first *sendlog.Request
	if out.Type != bot.MsgImage && out.Type != bot.MsgFile {
		api, on, off, err := s.build(ctx, out, parts[0], true)
		if err != nil {
			return bot.Receipt{}, undelivered(err)
		}
		first = &sendlog.Request{API: api, On: on, Off: off}
	}
	claim, res, err := s.log.ClaimBegin(ctx, p, len(parts), first)
	switch {
	case err != nil:
		return bot.Receipt{}, fmt.Errorf("%w: claim %s: %w", bot.ErrUndelivered, p, err)
	case res == sendlog.AlreadyDone:
		return s.recorded(ctx, p), nil
	case res == sendlog.Busy:
		return bot.Receipt{}, ErrBusy
	}
	rcpt, finished, err := s.sendParts(ctx, claim, p, out, parts)
	nctx := context.WithoutCancel(ctx)
	if err != nil {
		claim.Release(nctx)
		return rcpt, err
	}
	if !finished {
		// Every part had been accepted before: record the whole.
		if err := s.log.Done(nctx, claim, rcpt); err != nil {
			s.logger.Warn("push accepted, its parts recorded, the whole not", "push", p.String(), "err", err)
		}
	}
	if len(rcpt.Invalid) > 0 {
		s.logger.Warn("WeCom did not deliver to some recipients (not in the app's visible range?)", "invalid", strings.Join(rcpt.Invalid, "|"))
	}
	return rcpt, nil
}

// recorded is the receipt kept for a push accepted before.
func (s *Sender) recorded(ctx context.Context, p sendlog.Push) bot.Receipt {
	var r bot.Receipt
	if rec, ok, _ := s.log.Get(ctx, p.NS, p.ID); ok {
		if b, err := json.Marshal(rec.Detail); err == nil {
			json.Unmarshal(b, &r)
		}
	}
	r.Already = true
	return r
}

// sendParts sends the parts not yet recorded, in order, each in the slot
// the rate limiter books for it. claim is nil for a push without an id.
// finished says the last part sent also recorded the whole push and
// released the claim (see sendPart).
func (s *Sender) sendParts(ctx context.Context, claim *sendlog.Claim, p sendlog.Push, out bot.Outbound, parts []part) (rcpt bot.Receipt, finished bool, err error) {
	todo := make([]int, 0, len(parts))
	for i := range parts {
		if claim != nil {
			if rec, ok := claim.PartDone(i + 1); ok {
				mergeRecorded(&rcpt, rec)
				continue
			}
		}
		todo = append(todo, i)
	}
	if len(todo) == 0 {
		return rcpt, false, nil
	}
	book, err := s.limiter.Book(ctx, limitedUsers(out), len(todo), s.clock.Now(), s.partInterval)
	if err != nil {
		return rcpt, false, fmt.Errorf("%w: booking send slots: %w", bot.ErrUndelivered, err)
	}
	slots := book.At
	for j, i := range todo {
		if wait := slots[j].Sub(s.clock.Now()); claim != nil && wait > s.maxSlotWait() {
			// Too far off to hold a worker for: give back the slots
			// not used (nothing went in them) and let the caller try
			// again then; the parts sent are recorded, so the retry
			// resumes at this one.
			if err := s.limiter.Refund(context.WithoutCancel(ctx), book, j); err != nil {
				s.logger.Warn("deferred push: refunding its rate-limit slots failed (they expire unused)", "push", p.String(), "err", err)
			}
			s.metrics.SendWait.Observe(wait.Seconds())
			s.logger.Info("push deferred by the per-user rate limit", "push", p.String(), "part", i+1,
				"to", strings.Join(out.ToUsers, "|"), "until", slots[j])
			return rcpt, false, &DeferredError{Until: slots[j]}
		}
		if err := s.waitSlot(ctx, claim, slots[j], out); err != nil {
			return rcpt, false, err
		}
		last := j == len(todo)-1
		r, err := s.sendPart(ctx, claim, p, i+1, out, parts[i], last, rcpt)
		if err != nil {
			return rcpt, false, err
		}
		merge(&rcpt, r)
	}
	return rcpt, claim != nil, nil
}

// maxSlotWait is the longest a push under a push id waits for its
// rate-limit slot inside the caller's worker: one request's timeout
// (sender.timeout, which also sets the claim's TTL), i.e. no longer than
// sending itself may take. A slot further off defers the push (see
// DeferredError). Pushes without an id cannot resume, so they wait.
func (s *Sender) maxSlotWait() time.Duration {
	if s.timeout > 0 {
		return s.timeout
	}
	return defaultSlotWait
}

// defaultSlotWait is maxSlotWait when sender.timeout is unset.
const defaultSlotWait = 10 * time.Second

// DeferredError is the outcome of a push whose next rate-limit slot is
// more than maxSlotWait away: nothing more was sent, the slots not used
// were refunded, and the push should be made again, under the same push
// id, at or after Until (it resumes at the first part not yet accepted).
// It wraps bot.ErrUndelivered, so callers that only know that retry it;
// it is not a failure of the push: a queue must not count it as one
// (bot/stream reads DeferredUntil).
type DeferredError struct{ Until time.Time }

func (e *DeferredError) Error() string {
	return fmt.Sprintf("%v: deferred by the per-user rate limit until %s", bot.ErrUndelivered, e.Until.Format(time.RFC3339))
}

func (e *DeferredError) Unwrap() error { return bot.ErrUndelivered }

// DeferredUntil is when the push may be made again.
func (e *DeferredError) DeferredUntil() time.Time { return e.Until }

// waitSlot waits for a rate-limit slot, renewing the claim meanwhile: a
// push queued for minutes stays ours.
func (s *Sender) waitSlot(ctx context.Context, claim *sendlog.Claim, at time.Time, out bot.Outbound) error {
	wait := at.Sub(s.clock.Now())
	if wait <= 0 {
		return nil
	}
	s.metrics.SendWait.Observe(wait.Seconds())
	if wait > 5*time.Second {
		s.logger.Info("push queued by the per-user rate limit", "to", strings.Join(out.ToUsers, "|"), "wait", wait.Round(time.Second))
	}
	for {
		d := at.Sub(s.clock.Now())
		if d <= 0 {
			return nil
		}
		if claim != nil && s.timeout > 0 {
			d = min(d, s.timeout)
		}
		if err := s.clock.Sleep(ctx, d); err != nil {
			return fmt.Errorf("%w: %w", bot.ErrUndelivered, err)
		}
		if claim != nil {
			if err := claim.Refresh(ctx); err != nil {
				return err
			}
		}
	}
}

// sendPart makes the API call of part n (from 1) of a push. Under a push
// id: a request whose outcome is unknown from an earlier try is resent as
// is; otherwise the request is built, saved, and sent; it is recorded once
// accepted — for the last part to send, together with the whole push
// (sofar is the receipt of the parts before it) and the claim's release.
// A definite refusal forgets the saved request; an unknown outcome keeps
// it for the next try.
func (s *Sender) sendPart(ctx context.Context, claim *sendlog.Claim, p sendlog.Push, n int, out bot.Outbound, pt part, last bool, sofar bot.Receipt) (bot.Receipt, error) {
	if claim == nil {
		api, _, off, err := s.build(ctx, out, pt, false)
		if err != nil {
			return bot.Receipt{}, undelivered(err)
		}
		r, _, err := s.post(ctx, api, off, nil)
		return r, undelivered(err)
	}
	att := claim.Attempt(n)
	resent := att != nil && !claim.Begun(n)
	if resent {
		if att.Resolvable(s.clock.Now(), s.log.Window()) {
			s.logger.Info("resending a request whose outcome is unknown; WeCom's duplicate check delivers it only if the first did not arrive",
				"push", p.String(), "part", n, "first_sent", att.At)
		} else {
			s.logger.Warn("the outcome of an earlier request is unknown and WeCom's duplicate check cannot settle it; sending again (a duplicate is possible, a miss is not)",
				"push", p.String(), "part", n, "first_sent", att.At, "checked", att.Check)
		}
	} else if att == nil {
		api, on, off, err := s.build(ctx, out, pt, true)
		if err != nil {
			return bot.Receipt{}, undelivered(err)
		}
		if att, err = s.log.Begin(ctx, p, n, api, on, off); err != nil {
			return bot.Receipt{}, fmt.Errorf("%w: save the attempt of %s: %w", bot.ErrUndelivered, p.Part(n), err)
		}
	}
	r, tries, err := s.post(ctx, att.API, att.Body, func() error { return claim.Refresh(ctx) })
	if err != nil && (resent || tries > 1) && arrived(att.API, err) {
		// The same request was sent before and WeCom now says it was
		// taken: the earlier one got through.
		s.logger.Info("an earlier request of this push got through", "push", p.String(), "part", n, "answer", err)
		r, err = bot.Receipt{}, nil
	}
	if err != nil {
		if definite(err) {
			s.log.Forget(context.WithoutCancel(ctx), p, n)
		}
		return bot.Receipt{}, undelivered(err)
	}
	nctx := context.WithoutCancel(ctx)
	rerr := error(nil)
	if last {
		total := sofar
		merge(&total, r)
		rerr = s.log.Finish(nctx, claim, n, r, total)
	} else {
		rerr = s.log.DonePart(nctx, p, n, r)
	}
	if rerr != nil {
		// The request stays saved: a retry resends it and WeCom's check
		// settles it, so this is not a duplicate in the making.
		s.logger.Warn("part accepted by WeCom but not recorded; a retry resends the same request", "push", p.String(), "part", n, "err", rerr)
	}
	return r, nil
}

// arrived reports answers that mean a resent request had arrived before:
// a card whose task_id WeCom already has (42014), or a card update whose
// one-time response code was used (40035).
func arrived(api string, err error) bool {
	switch Code(err) {
	case 42014:
		return api == apiSend
	case 40035:
		return api == apiUpdateCard
	}
	return false
}

// undelivered marks a send error as retryable later; validation errors
// (programming errors) stay as they are.
func undelivered(err error) error {
	if err == nil || errors.Is(err, bot.ErrUndelivered) {
		return err
	}
	return fmt.Errorf("%w: %w", bot.ErrUndelivered, err)
}

// post makes one API call with body (retried as is on transient
// failures) and returns the receipt and how many requests went.
func (s *Sender) post(ctx context.Context, api string, body []byte, before func() error) (bot.Receipt, int, error) {
	tries := 0
	hook := func() error {
		tries++
		if before != nil {
			return before()
		}
		return nil
	}
	var a sendAnswer
	err := s.client.postRaw(ctx, api, body, &a, hook)
	if err != nil {
		return bot.Receipt{}, tries, err
	}
	r := bot.Receipt{ResponseCode: a.ResponseCode}
	if a.MsgID != "" {
		r.MsgIDs = []string{a.MsgID}
	}
	r.Invalid = a.InvalidUser
	return r, tries, nil
}

// userList is WeCom's invaliduser: message/send writes it as one string,
// ids joined by "|" ("a|b"), and message/update_template_card as an array
// (["a","b"]); both mean the same list.
type userList []string

func (l *userList) UnmarshalJSON(b []byte) error {
	if bytes.HasPrefix(bytes.TrimSpace(b), []byte("[")) {
		var ids []string
		if err := json.Unmarshal(b, &ids); err != nil {
			return err
		}
		*l = ids
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	*l = nil
	if s != "" {
		*l = strings.Split(s, "|")
	}
	return nil
}

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

// build returns the request of one part: on with WeCom's duplicate check
// (when checked is asked and the API has one: message/send), off without
// it. appchat/send has no duplicate check, so on is nil for group chats.
func (s *Sender) build(ctx context.Context, out bot.Outbound, p part, checked bool) (api string, on, off []byte, err error) {
	w := wire{MsgType: string(out.Type)}
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
			return "", nil, nil, err
		}
		w.Image = &media{id}
	case bot.MsgFile:
		id, err := s.uploadFile(ctx, out.File) // file.go
		if err != nil {
			return "", nil, nil, err
		}
		w.File = &media{id}
	}
	if out.ToChat != "" {
		w.ChatID = out.ToChat
		off, err = json.Marshal(w)
		return apiAppChat, nil, off, err
	}
	w.ToUser = strings.Join(out.ToUsers, "|")
	w.AgentID = s.agentID
	// The check is off explicitly, with its interval set, as the API asks.
	w.EnableDuplicateCheck, w.DuplicateCheckInterval = 0, 1800
	if off, err = json.Marshal(w); err != nil || !checked {
		return apiSend, off, off, err
	}
	// The checked request differs only in the check's two fields, the
	// last of wire: their JSON is swapped rather than the whole request
	// (a long answer, a card) marshalled again.
	if head, ok := bytes.CutSuffix(off, uncheckedTail); ok {
		on = append(append(make([]byte, 0, len(head)+len(checkedTail)), head...), checkedTail...)
		return apiSend, on, off, nil
	}
	w.EnableDuplicateCheck, w.DuplicateCheckInterval = 1, int(DuplicateCheckInterval/time.Second)
	on, err = json.Marshal(w)
	return apiSend, on, off, err
}

// uncheckedTail and checkedTail end wire's JSON without and with WeCom's
// duplicate check (see build).
var (
	uncheckedTail = []byte(`"enable_duplicate_check":0,"duplicate_check_interval":1800}`)
	checkedTail   = []byte(`"enable_duplicate_check":1,"duplicate_check_interval":` +
		strconv.Itoa(int(DuplicateCheckInterval/time.Second)) + `}`)
)

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
	var r bot.Receipt
	if b, err := json.Marshal(rec.Detail); err == nil {
		json.Unmarshal(b, &r)
	}
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
// click's one-time response code. Under a push id it is made once like
// any push; the API has no duplicate check, but a resent update whose
// code WeCom says was used had arrived.
func (s *Sender) UpdateCard(ctx context.Context, responseCode string, card *bot.TemplateCard, userIDs ...string) error {
	if responseCode == "" || card == nil || len(userIDs) == 0 {
		return errors.New("wecom: card update needs a response code, a card and users")
	}
	body, err := json.Marshal(updateCard{UserIDs: userIDs, AgentID: s.agentID, ResponseCode: responseCode, TemplateCard: card})
	if err != nil {
		return err
	}
	p, keyed := sendlog.Next(ctx)
	if !keyed {
		_, _, err := s.post(ctx, apiUpdateCard, body, nil)
		return undelivered(err)
	}
	claim, res, err := s.log.ClaimBegin(ctx, p, 1, &sendlog.Request{API: apiUpdateCard, Off: body})
	switch {
	case err != nil:
		return fmt.Errorf("%w: claim %s: %w", bot.ErrUndelivered, p, err)
	case res == sendlog.AlreadyDone:
		return nil
	case res == sendlog.Busy:
		return ErrBusy
	}
	nctx := context.WithoutCancel(ctx)
	att := claim.Attempt(1)
	resent := att != nil && !claim.Begun(1)
	if att == nil {
		if att, err = s.log.Begin(ctx, p, 1, apiUpdateCard, nil, body); err != nil {
			claim.Release(nctx)
			return undelivered(err)
		}
	}
	_, tries, err := s.post(ctx, apiUpdateCard, att.Body, func() error { return claim.Refresh(ctx) })
	if err != nil && (resent || tries > 1) && arrived(apiUpdateCard, err) {
		err = nil
	}
	if err != nil {
		if definite(err) {
			s.log.Forget(nctx, p, 1)
		}
		claim.Release(nctx)
		return undelivered(err)
	}
	if err := s.log.Finish(nctx, claim, 1, nil, nil); err != nil {
		s.logger.Warn("card update accepted but not recorded", "push", p.String(), "err", err)
	}
	return nil
}
