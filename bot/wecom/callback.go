package wecom

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"sync"
	"time"

	"casebot/bot"
	"casebot/config"
)

// Enqueuer takes a verified message durably. It returns fresh=false for a
// message already taken (a WeCom retry), and an error when the message
// could not be stored, in which case nothing was kept.
type Enqueuer interface {
	Enqueue(ctx context.Context, msg *bot.Message) (fresh bool, err error)
}

// Callback serves GET and POST /wecom/callback.
//
// GET is WeCom's URL verification: the decrypted echostr is answered as is.
// POST verifies msg_signature over the Encrypt element, decrypts with our
// CorpID as receiveid, decodes the message, and enqueues it (deduplicated)
// before answering 200 with an empty body; handling happens later, in a
// worker. A 200 is a promise: when Redis cannot take the message the answer
// is 503, and WeCom retries.
type Callback struct {
	Crypto  *Crypto
	Inbox   Enqueuer
	Log     *slog.Logger
	Metrics *Metrics
	// Now is the clock stamped on messages as ReceivedAt. If nil, time.Now.
	Now func() time.Time
	// Timeout bounds the Redis work of one callback, well inside WeCom's
	// five seconds. If zero, 2s.
	Timeout time.Duration
	// MaxClockSkew bounds how far a callback's signed timestamp (and its
	// message's CreateTime) may be from now: a captured callback replayed
	// later is refused (403), and within the window the dedupe key, kept
	// far longer, refuses it. Set from wecom.max_clock_skew; if zero, that
	// key's default.
	MaxClockSkew time.Duration
	// MaxInFlight bounds the POSTs being answered at once. Beyond it a
	// POST is answered 503 at once (WeCom retries it) rather than queued:
	// an overloaded server keeps bounded memory and answers quickly,
	// instead of piling up connections that time out anyway. Set from the
	// config key inbox.max_in_flight; if zero, that key's default.
	MaxInFlight int
	// Acks, if set, is told how long each accepted POST took to be
	// answered 200 (a *priority.Limiter: reply work yields while
	// acknowledgements are slow).
	Acks interface{ ObserveAck(time.Duration) }

	slotsOnce sync.Once
	slots     chan struct{}
}

// Results of a callback, as counted in Metrics.Callbacks.
const (
	resultOK            = "ok"
	resultDuplicate     = "duplicate"
	resultIgnored       = "ignored"
	resultVerified      = "verified"
	resultBadRequest    = "bad_request"
	resultBadSignature  = "bad_signature"
	resultWrongReceiver = "wrong_receiver"
	resultTooLarge      = "too_large"
	resultUnavailable   = "unavailable"
	resultOverloaded    = "overloaded"
	resultBacklogFull   = "backlog_full"
	resultStale         = "stale"
)

func (h *Callback) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var result string
	switch r.Method {
	case http.MethodGet:
		result = h.verifyURL(w, r)
	case http.MethodPost:
		if !h.acquire() {
			http.Error(w, "busy, retry later", http.StatusServiceUnavailable)
			result = resultOverloaded
			break
		}
		start := time.Now()
		result = h.receive(w, r)
		h.release()
		if h.Acks != nil && (result == resultOK || result == resultDuplicate) {
			h.Acks.ObserveAck(time.Since(start))
		}
	default:
		w.Header().Set("Allow", "GET, POST")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		result = resultBadRequest
	}
	h.metrics().Callbacks.WithLabelValues(result).Inc()
}

// verifyURL answers WeCom's GET: the plaintext of echostr, raw, with no
// quotes and no newline. Query() has already URL-decoded echostr, and the
// signature is over the decoded value.
func (h *Callback) verifyURL(w http.ResponseWriter, r *http.Request) string {
	q := r.URL.Query()
	sig, ts, nonce, echo := q.Get("msg_signature"), q.Get("timestamp"), q.Get("nonce"), q.Get("echostr")
	if sig == "" || ts == "" || nonce == "" || echo == "" {
		return h.fail(w, r, http.StatusBadRequest, resultBadRequest, "missing query parameters", nil)
	}
	if !h.Crypto.Verify(sig, ts, nonce, echo) {
		return h.fail(w, r, http.StatusForbidden, resultBadSignature, "URL verification with a bad msg_signature", nil)
	}
	plain, err := h.Crypto.Decrypt(echo)
	if errors.Is(err, ErrWrongReceiver) {
		return h.fail(w, r, http.StatusForbidden, resultWrongReceiver, "URL verification for another CorpID", nil)
	}
	if err != nil {
		return h.fail(w, r, http.StatusBadRequest, resultBadRequest, "echostr cannot be decrypted", err)
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Write(plain)
	h.log().Info("wecom URL verified")
	return resultVerified
}

func (h *Callback) receive(w http.ResponseWriter, r *http.Request) string {
	q := r.URL.Query()
	sig, ts, nonce := q.Get("msg_signature"), q.Get("timestamp"), q.Get("nonce")
	if sig == "" || ts == "" || nonce == "" {
		return h.fail(w, r, http.StatusBadRequest, resultBadRequest, "missing query parameters", nil)
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, bot.MaxCallbackBody))
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		return h.fail(w, r, http.StatusRequestEntityTooLarge, resultTooLarge, "callback body over the limit", nil)
	}
	if err != nil {
		return h.fail(w, r, http.StatusBadRequest, resultBadRequest, "callback body unreadable", err)
	}
	var env envelope
	if enc, ok := envelopeEncrypt(body); ok {
		env.Encrypt = enc
	} else if err := xml.Unmarshal(body, &env); err != nil || env.Encrypt == "" {
		// The body is not logged: it is unauthenticated input.
		return h.fail(w, r, http.StatusBadRequest, resultBadRequest, "callback envelope is not WeCom XML", nil)
	}
	if !h.Crypto.Verify(sig, ts, nonce, env.Encrypt) {
		return h.fail(w, r, http.StatusForbidden, resultBadSignature, "callback with a bad msg_signature", nil)
	}
	// The timestamp is signed: a replay cannot refresh it.
	if !h.fresh(ts) {
		return h.fail(w, r, http.StatusForbidden, resultStale, "callback timestamp outside wecom.max_clock_skew (a replay, or a wrong clock)", nil)
	}
	plain, err := h.Crypto.Decrypt(env.Encrypt)
	if errors.Is(err, ErrWrongReceiver) {
		return h.fail(w, r, http.StatusForbidden, resultWrongReceiver, "callback for another CorpID", nil)
	}
	if err != nil {
		return h.fail(w, r, http.StatusBadRequest, resultBadRequest, "callback cannot be decrypted", err)
	}
	msg, err := decodeMessage(plain, h.now())
	if err != nil {
		return h.fail(w, r, http.StatusBadRequest, resultBadRequest, "callback is not a WeCom message", err)
	}
	if msg == nil {
		w.WriteHeader(http.StatusOK)
		return resultIgnored
	}
	if d := h.now().Sub(msg.CreateTime); d > h.skew() || -d > h.skew() {
		return h.fail(w, r, http.StatusForbidden, resultStale, "message CreateTime outside wecom.max_clock_skew (a replay, or a wrong clock)", nil)
	}
	ctx, cancel := context.WithTimeout(r.Context(), h.timeout())
	defer cancel()
	fresh, err := h.Inbox.Enqueue(ctx, msg)
	if errors.Is(err, ErrBacklogFull) {
		// Every replica is far behind: refuse more until the backlog
		// drains; WeCom retries, and nothing accepted is at risk.
		h.log().Warn("callback refused: inbox backlog full (inbox.max_backlog); answering 503 so that WeCom retries", "msg", msg.ID)
		http.Error(w, "backlog full, retry later", http.StatusServiceUnavailable)
		return resultBacklogFull
	}
	if err != nil {
		// WeCom retries anything but a 200; the message is not lost.
		h.log().Error("callback not stored; answering 503 so that WeCom retries", "msg", msg.ID, "err", err)
		http.Error(w, "temporarily unavailable", http.StatusServiceUnavailable)
		return resultUnavailable
	}
	w.WriteHeader(http.StatusOK)
	if !fresh {
		h.log().Debug("duplicate callback", "msg", msg.ID)
		return resultDuplicate
	}
	return resultOK
}

// envelopeEncrypt reads the Encrypt element of the envelope WeCom posts
// without the XML decoder, which took a third of the callback's own CPU
// at 1,000 callbacks a second: WeCom always writes it as
// <Encrypt><![CDATA[base64]]></Encrypt>. Anything else (no CDATA, a
// character outside base64, a second Encrypt element) is left to
// xml.Unmarshal. Either way, what is decrypted is what the signature is
// checked over, so the shortcut accepts nothing the decoder would not
// have to be trusted with.
func envelopeEncrypt(body []byte) (string, bool) {
	const open, end = "<Encrypt><![CDATA[", "]]></Encrypt>"
	i := bytes.Index(body, []byte(open))
	if i < 0 {
		return "", false
	}
	rest := body[i+len(open):]
	j := bytes.Index(rest, []byte(end))
	if j <= 0 || bytes.Contains(rest[j:], []byte("<Encrypt")) || bytes.Contains(body[:i], []byte("<Encrypt")) {
		return "", false
	}
	enc := rest[:j]
	for _, c := range enc {
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/' || c == '=') {
			return "", false
		}
	}
	return string(enc), true
}

// fail answers an error. Only the reason and the error are logged, never
// the body or the decrypted content.
func (h *Callback) fail(w http.ResponseWriter, r *http.Request, status int, result, reason string, err error) string {
	attrs := []any{"status", status, "remote", r.RemoteAddr}
	if err != nil {
		attrs = append(attrs, "err", err)
	}
	h.log().Warn(reason, attrs...)
	http.Error(w, http.StatusText(status), status)
	return result
}

func (h *Callback) acquire() bool {
	h.slotsOnce.Do(func() {
		n := h.MaxInFlight
		if n <= 0 {
			n = config.Default().Inbox.MaxInFlight
		}
		h.slots = make(chan struct{}, n)
	})
	select {
	case h.slots <- struct{}{}:
		return true
	default:
		return false
	}
}

func (h *Callback) release() { <-h.slots }

func (h *Callback) now() time.Time {
	if h.Now != nil {
		return h.Now()
	}
	return time.Now()
}

// fresh reports whether a callback timestamp (Unix seconds) is within
// the allowed skew of now.
func (h *Callback) fresh(ts string) bool {
	secs, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return false
	}
	d := h.now().Sub(time.Unix(secs, 0))
	return d <= h.skew() && -d <= h.skew()
}

func (h *Callback) skew() time.Duration {
	if h.MaxClockSkew > 0 {
		return h.MaxClockSkew
	}
	return config.Default().WeCom.MaxClockSkew
}

func (h *Callback) timeout() time.Duration {
	if h.Timeout > 0 {
		return h.Timeout
	}
	return 2 * time.Second
}

func (h *Callback) log() *slog.Logger {
	if h.Log != nil {
		return h.Log
	}
	return slog.Default()
}

func (h *Callback) metrics() *Metrics { return orDiscard(h.Metrics) }
