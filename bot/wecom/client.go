package wecom

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"mime/multipart"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// API names, as they appear in metrics and logs.
const (
	apiGetToken    = "gettoken"
	apiSend        = "message/send"
	apiAppChat     = "appchat/send"
	apiUpdateCard  = "message/update_template_card"
	apiMediaUpload = "media/upload"
)

// APIError is a WeCom answer that is not a success: a non-zero errcode
// (even on HTTP 200), or an HTTP error status.
type APIError struct {
	API    string
	Status int // HTTP status
	Code   int // errcode; 0 when the HTTP status is the error
	Msg    string
}

func (e *APIError) Error() string {
	if e.Code != 0 {
		return fmt.Sprintf("wecom %s: errcode %d: %s", e.API, e.Code, e.Msg)
	}
	return fmt.Sprintf("wecom %s: HTTP %d", e.API, e.Status)
}

// Code returns the errcode of a WeCom error, or 0.
func Code(err error) int {
	var ae *APIError
	if errors.As(err, &ae) {
		return ae.Code
	}
	return 0
}

// transient reports whether a failed call may succeed if retried: WeCom
// busy (-1), a 5xx, an answer that is not JSON (a proxy's error page), or a
// network error. A timeout after the request left is retried too: the
// retry is the same request byte for byte, and a push sent under a push id
// carries WeCom's duplicate check, so WeCom delivers it only if the first
// never arrived (see sendlog).
func transient(err error) bool {
	var ae *APIError
	if errors.As(err, &ae) {
		return ae.Code == -1 || ae.Status >= 500 || (ae.Code == 0 && ae.Status == http.StatusOK)
	}
	var ne net.Error
	return errors.As(err, &ne) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF)
}

// definite reports whether WeCom answered a call with a refusal that says
// it was not accepted (an errcode other than -1, which means busy and is
// answered for requests WeCom may have begun). Anything else — a timeout,
// a dropped connection, a 5xx, -1 — leaves the outcome unknown.
func definite(err error) bool {
	var ae *APIError
	return errors.As(err, &ae) && ae.Code != 0 && ae.Code != -1
}

// tokenExpired reports errcodes that mean the access token is no longer
// good: 40014 (invalid, also returned for expired ones) and 42001.
func tokenExpired(err error) bool {
	c := Code(err)
	return c == 40014 || c == 42001
}

// Client calls the WeCom server API of one self-built app, under an API
// root that can point at 政务微信, a private deployment or a fake.
//
// It uses its own http.Client (with a timeout) rather than silenceper's
// package-global one; checks errcode on every answer; on 40014/42001 drops
// the cached token, fetches a new one and retries once; retries -1, 5xx and
// network errors with exponential backoff; and records configuration
// errors (40001 bad secret, 60020 untrusted IP...) for /readyz.
type Client struct {
	base    string
	corpID  string
	secret  string
	http    *http.Client
	tokens  *TokenSource
	retries int
	timeout time.Duration // of one request; backoff never exceeds it
	clock   Clock
	log     *slog.Logger
	metrics *Metrics
	health  *Health
}

// baseBackoff is the first retry delay; it doubles each retry, with jitter.
const baseBackoff = 200 * time.Millisecond

// backoff never exceeds the request timeout, so that a claim renewed
// before each request (sendlog.ClaimTTL: two timeouts) outlives the pause
// and the request that follow.
func (c *Client) backoff(attempt int) time.Duration {
	d := baseBackoff << attempt
	d = min(d, 5*time.Second)
	if c.timeout > 0 {
		d = min(d, c.timeout)
	}
	return d/2 + time.Duration(rand.Int64N(int64(d/2)+1))
}

// retry runs call, retrying transient failures.
func (c *Client) retry(ctx context.Context, api string, call func() error) error {
	for attempt := 0; ; attempt++ {
		err := call()
		if err == nil || !transient(err) || attempt >= c.retries || ctx.Err() != nil {
			return err
		}
		d := c.backoff(attempt)
		c.log.Warn("wecom call failed; retrying", "api", api, "attempt", attempt+1, "in", d, "err", err)
		if serr := c.clock.Sleep(ctx, d); serr != nil {
			return err
		}
	}
}

// permanent wraps an error the outer retry loop must not retry again.
type permanent struct{ err error }

func (p permanent) Error() string { return p.err.Error() }
func (p permanent) Unwrap() error { return p.err }

// call runs an authenticated request: build gets the access token. A token
// WeCom rejects is dropped and the request retried once with a fresh one.
// before, if set, runs just before each request goes (the sender renews
// its claim there); its error stops the call.
func (c *Client) call(ctx context.Context, api string, build func(token string) (*http.Request, error), out any, before func() error) error {
	refreshed := false
	err := c.retry(ctx, api, func() error {
		for {
			tok, err := c.tokens.Token(ctx)
			if err != nil {
				return permanent{err}
			}
			req, err := build(tok)
			if err != nil {
				return permanent{err}
			}
			if before != nil {
				if err := before(); err != nil {
					return permanent{err}
				}
			}
			err = c.do(req, api, out)
			if tokenExpired(err) && !refreshed {
				refreshed = true
				c.log.Info("wecom access token rejected; fetching a new one", "api", api, "errcode", Code(err))
				c.tokens.Invalidate(ctx, tok)
				continue
			}
			return err
		}
	})
	var p permanent
	if errors.As(err, &p) {
		return p.err
	}
	return err
}

// errorBody is the part of every WeCom answer that says how it went.
type errorBody struct {
	ErrCode int    `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

// maxAnswer bounds what is read of an answer.
const maxAnswer = 1 << 20

// do sends one request and decodes the answer into out (which must embed
// errorBody's fields) after checking the HTTP status and the errcode.
func (c *Client) do(req *http.Request, api string, out any) error {
	resp, err := c.http.Do(req)
	if err != nil {
		c.metrics.Sends.WithLabelValues(api, "network").Inc()
		return fmt.Errorf("wecom %s: %w", api, redactToken(err))
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxAnswer))
	if err != nil {
		c.metrics.Sends.WithLabelValues(api, "network").Inc()
		return fmt.Errorf("wecom %s: reading answer: %w", api, redactToken(err))
	}
	if resp.StatusCode != http.StatusOK {
		c.metrics.Sends.WithLabelValues(api, "http_"+strconv.Itoa(resp.StatusCode)).Inc()
		return &APIError{API: api, Status: resp.StatusCode}
	}
	var eb errorBody
	if err := json.Unmarshal(body, &eb); err != nil {
		c.metrics.Sends.WithLabelValues(api, "bad_answer").Inc()
		return &APIError{API: api, Status: resp.StatusCode, Msg: "answer is not JSON"}
	}
	if eb.ErrCode != 0 {
		c.metrics.Sends.WithLabelValues(api, "errcode_"+strconv.Itoa(eb.ErrCode)).Inc()
		ae := &APIError{API: api, Status: resp.StatusCode, Code: eb.ErrCode, Msg: eb.ErrMsg}
		if hint, ok := configErrors[eb.ErrCode]; ok {
			if c.health.record(Problem{Code: eb.ErrCode, API: api, Msg: eb.ErrMsg, Hint: hint, At: time.Now()}) {
				c.log.Error("WeCom configuration error: "+hint, "api", api, "errcode", eb.ErrCode, "errmsg", eb.ErrMsg)
			}
		}
		return ae
	}
	c.metrics.Sends.WithLabelValues(api, "ok").Inc()
	c.health.clear(api)
	if out != nil {
		if err := json.Unmarshal(body, out); err != nil {
			// WeCom accepted the call; failing it now would make it retried.
			c.log.Warn("wecom answer not fully understood", "api", api, "err", err)
		}
	}
	return nil
}

// redactToken keeps access tokens and secrets, which travel in query
// strings, out of errors that get logged.
func redactToken(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		if u, perr := url.Parse(ue.URL); perr == nil {
			q := u.Query()
			for _, k := range []string{"access_token", "corpsecret"} {
				if q.Has(k) {
					q.Set(k, "***")
				}
			}
			u.RawQuery = q.Encode()
			return &url.Error{Op: ue.Op, URL: u.String(), Err: ue.Err}
		}
	}
	return err
}

func (c *Client) url(path string, q url.Values) string {
	return c.base + "/cgi-bin/" + path + "?" + q.Encode()
}

// postJSON calls an authenticated JSON API.
func (c *Client) postJSON(ctx context.Context, api string, body, out any) error {
	b, err := json.Marshal(body)
	if err != nil {
		return err
	}
	return c.postRaw(ctx, api, b, out, nil)
}

// postRaw posts a JSON body as is: every retry sends the same bytes.
func (c *Client) postRaw(ctx context.Context, api string, b []byte, out any, before func() error) error {
	return c.call(ctx, api, func(tok string) (*http.Request, error) {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.url(api, url.Values{"access_token": {tok}}), bytes.NewReader(b))
		if err == nil {
			req.Header.Set("Content-Type", "application/json; charset=utf-8")
		}
		return req, err
	}, out, before)
}

type tokenAnswer struct {
	AccessToken string `json:"access_token"`
	ExpiresIn   int    `json:"expires_in"`
}

// fetchToken asks WeCom for an access token and how long to cache it: its
// lifetime less a margin (as silenceper does), so a token is never used in
// its last minutes.
func (c *Client) fetchToken(ctx context.Context) (string, time.Duration, error) {
	var a tokenAnswer
	err := c.retry(ctx, apiGetToken, func() error {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet,
			c.url(apiGetToken, url.Values{"corpid": {c.corpID}, "corpsecret": {c.secret}}), nil)
		if err != nil {
			return err
		}
		return c.do(req, apiGetToken, &a)
	})
	if err != nil {
		return "", 0, err
	}
	if a.AccessToken == "" {
		return "", 0, &APIError{API: apiGetToken, Status: http.StatusOK, Msg: "no access_token in the answer"}
	}
	life := time.Duration(a.ExpiresIn) * time.Second
	ttl := life - 25*time.Minute
	if ttl < life/2 {
		ttl = life / 2
	}
	if ttl <= 0 {
		ttl = time.Minute
	}
	return a.AccessToken, ttl, nil
}

type uploadAnswer struct {
	Type    string `json:"type"`
	MediaID string `json:"media_id"`
}

// upload sends a temporary media file (media/upload) and returns its id.
func (c *Client) upload(ctx context.Context, kind, name string, data []byte) (string, error) {
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	part, err := w.CreateFormFile("media", name)
	if err != nil {
		return "", err
	}
	part.Write(data)
	if err := w.Close(); err != nil {
		return "", err
	}
	body, ctype := buf.Bytes(), w.FormDataContentType()
	var a uploadAnswer
	err = c.call(ctx, apiMediaUpload, func(tok string) (*http.Request, error) {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost,
			c.url(apiMediaUpload, url.Values{"access_token": {tok}, "type": {kind}}), bytes.NewReader(body))
		if err == nil {
			req.Header.Set("Content-Type", ctype)
		}
		return req, err
	}, &a, nil)
	if err != nil {
		return "", err
	}
	if a.MediaID == "" {
		return "", &APIError{API: apiMediaUpload, Status: http.StatusOK, Msg: "no media_id in the answer"}
	}
	return a.MediaID, nil
}

// Health returns the configuration errors this client saw.
func (c *Client) Health() *Health { return c.health }

// newHTTPClient returns the client used for WeCom: a whole-request timeout,
// and enough idle connections that a burst of replies reuses them.
func newHTTPClient(timeout time.Duration) *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConns = 128
	t.MaxIdleConnsPerHost = 64
	t.ResponseHeaderTimeout = timeout
	return &http.Client{Timeout: timeout, Transport: t}
}

func trimBase(s string) string { return strings.TrimRight(s, "/") }
