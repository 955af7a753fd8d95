// Package llm is casebot's client for an OpenAI-compatible chat model
// (DeepSeek, Qwen, GLM, vLLM, Ollama…), built on sashabaranov/go-openai.
// It adds what a bureau's deployment needs around the bare API: a timeout
// per try, retries with backoff on 429, 5xx, timeouts and empty answers
// (honouring Retry-After), a limit on concurrent calls in the process, and
// a per-user hourly limit kept in Redis so that it holds across replicas.
//
// The client sends whatever messages it is given: anonymizing them is the
// caller's job (bot/explain does it with bot/privacy).
package llm

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	openai "github.com/sashabaranov/go-openai"

	"casebot/bot/clock"
	"casebot/config"
)

// Role is the author of a chat message.
type Role string

const (
	System Role = openai.ChatMessageRoleSystem
	User   Role = openai.ChatMessageRoleUser
)

// Message is one chat message.
type Message struct {
	Role    Role
	Content string
}

// Answer is what the model wrote.
type Answer struct {
	Content string
	Model   string // as the server reports it
	// Tries is how many calls it took.
	Tries int
}

// ErrNotConfigured is returned by New when llm.base_url is empty.
var ErrNotConfigured = errors.New("llm.base_url is not set")

// ErrEmpty is an answer with no text in it, treated as a failure.
var ErrEmpty = errors.New("the model answered with no text")

// Client calls the model. It is safe for concurrent use; build one per
// process, because its concurrency limit is per Client.
type Client struct {
	api       *openai.Client
	model     string
	timeout   time.Duration
	retries   int
	maxTokens int
	sem       chan struct{}

	// Backoff returns the wait before try n+1 (n ≥ 1) when the server gave
	// no Retry-After. If nil, 1s·2^(n-1) with ±20% jitter, at most
	// config.MaxRetryWait.
	Backoff func(n int) time.Duration
	// Sleep waits, or returns early with ctx's error. Tests replace it to
	// record waits instead of spending them. If nil, clock.Sleep (the wall
	// clock).
	Sleep func(ctx context.Context, d time.Duration) error
	// Log receives one line per failed try. If nil, slog.Default.
	Log *slog.Logger
}

// New builds a client from the llm section of the configuration.
func New(cfg config.LLM) (*Client, error) {
	if cfg.BaseURL == "" {
		return nil, ErrNotConfigured
	}
	oc := openai.DefaultConfig(cfg.APIKey)
	oc.BaseURL = cfg.BaseURL
	// No client-wide timeout: each try gets its own context deadline, and
	// the transport notes Retry-After, which go-openai's errors drop.
	oc.HTTPClient = retryAfterDoer{&http.Client{}}
	conc := max(cfg.MaxConcurrency, 1)
	return &Client{
		api:       openai.NewClientWithConfig(oc),
		model:     cfg.Model,
		timeout:   cfg.Timeout,
		retries:   cfg.Retries,
		maxTokens: cfg.MaxTokens,
		sem:       make(chan struct{}, conc),
	}, nil
}

// Model is the configured model name.
func (c *Client) Model() string { return c.model }

// Complete sends the conversation and returns the model's answer. A try
// that ends in 429, a 5xx, a timeout, a connection error or an empty answer
// is repeated up to llm.retries times; other errors (400, 401, 404) are
// returned at once, since trying again cannot help.
func (c *Client) Complete(ctx context.Context, msgs []Message) (Answer, error) {
	return c.do(ctx, c.request(msgs), contentOf)
}

// Tool is a function the model is asked to call: its name, what it is
// for, and the JSON schema of its arguments.
type Tool struct {
	Name        string
	Description string
	Parameters  any // a JSON schema (map[string]any or json.RawMessage)
}

// Call sends the conversation with one tool that the model must call, and
// returns the call's arguments as the model wrote them (JSON, unchecked:
// the caller validates every field). It retries as Complete does; an
// answer without the call counts as empty.
func (c *Client) Call(ctx context.Context, msgs []Message, tool Tool) (json.RawMessage, Answer, error) {
	req := c.request(msgs)
	req.Tools = []openai.Tool{{Type: openai.ToolTypeFunction, Function: &openai.FunctionDefinition{
		Name: tool.Name, Description: tool.Description, Parameters: tool.Parameters}}}
	req.ToolChoice = openai.ToolChoice{Type: openai.ToolTypeFunction, Function: openai.ToolFunction{Name: tool.Name}}
	ans, err := c.do(ctx, req, func(resp openai.ChatCompletionResponse) (Answer, error) {
		if len(resp.Choices) == 0 {
			return Answer{}, ErrEmpty
		}
		for _, tc := range resp.Choices[0].Message.ToolCalls {
			if tc.Function.Name == tool.Name && strings.TrimSpace(tc.Function.Arguments) != "" {
				return Answer{Content: tc.Function.Arguments, Model: resp.Model}, nil
			}
		}
		return Answer{}, ErrEmpty
	})
	if err != nil {
		return nil, ans, err
	}
	return json.RawMessage(ans.Content), ans, nil
}

func (c *Client) request(msgs []Message) openai.ChatCompletionRequest {
	req := openai.ChatCompletionRequest{Model: c.model, MaxTokens: c.maxTokens}
	for _, m := range msgs {
		req.Messages = append(req.Messages, openai.ChatCompletionMessage{Role: string(m.Role), Content: m.Content})
	}
	return req
}

func contentOf(resp openai.ChatCompletionResponse) (Answer, error) {
	if len(resp.Choices) == 0 || strings.TrimSpace(resp.Choices[0].Message.Content) == "" {
		return Answer{}, ErrEmpty
	}
	return Answer{Content: resp.Choices[0].Message.Content, Model: resp.Model}, nil
}

// do sends req, reads the answer with parse, and retries as Complete says.
func (c *Client) do(ctx context.Context, req openai.ChatCompletionRequest, parse func(openai.ChatCompletionResponse) (Answer, error)) (Answer, error) {
	var last error
	for try := 1; try <= c.retries+1; try++ {
		ans, wait, err := c.try(ctx, req, parse)
		if err == nil {
			ans.Tries = try
			return ans, nil
		}
		last = err
		if ctx.Err() != nil {
			return Answer{}, ctx.Err()
		}
		if !retryable(err) || try > c.retries {
			break
		}
		if wait == 0 {
			wait = c.backoff(try)
		}
		if wait > config.MaxRetryWait {
			break // the server asks for longer than a draft can wait
		}
		c.log().Warn("model call failed; trying again", "try", try, "wait", wait, "err", err)
		if err := c.sleep(ctx, wait); err != nil {
			return Answer{}, err
		}
	}
	return Answer{}, fmt.Errorf("model %s: %w", c.model, last)
}

// try makes one call under the concurrency limit and the per-try timeout.
// wait is the server's Retry-After, if it sent one.
func (c *Client) try(ctx context.Context, req openai.ChatCompletionRequest, parse func(openai.ChatCompletionResponse) (Answer, error)) (Answer, time.Duration, error) {
	select {
	case c.sem <- struct{}{}:
	case <-ctx.Done():
		return Answer{}, 0, ctx.Err()
	}
	defer func() { <-c.sem }()

	tctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	note := &responseNote{}
	resp, err := c.api.CreateChatCompletion(context.WithValue(tctx, noteKey{}, note), req)
	if err != nil {
		if tctx.Err() == context.DeadlineExceeded && ctx.Err() == nil {
			err = &timeoutError{c.timeout, err}
		}
		return Answer{}, note.retryAfter(), err
	}
	ans, err := parse(resp)
	return ans, 0, err
}

type timeoutError struct {
	d   time.Duration
	err error
}

func (e *timeoutError) Error() string { return fmt.Sprintf("no answer within %s: %v", e.d, e.err) }
func (e *timeoutError) Unwrap() error { return e.err }

// retryable reports whether another try may succeed.
func retryable(err error) bool {
	var te *timeoutError
	if errors.As(err, &te) || errors.Is(err, ErrEmpty) {
		return true
	}
	status := 0
	var ae *openai.APIError
	var re *openai.RequestError
	switch {
	case errors.As(err, &ae):
		status = ae.HTTPStatusCode
	case errors.As(err, &re):
		status = re.HTTPStatusCode
	}
	switch {
	case status == http.StatusTooManyRequests || status >= 500:
		return true
	case status != 0:
		return false
	}
	// No HTTP status: the connection failed, or the body was not JSON.
	return true
}

func (c *Client) backoff(n int) time.Duration {
	if c.Backoff != nil {
		return c.Backoff(n)
	}
	d := time.Second << (n - 1)
	d = time.Duration(float64(d) * (0.8 + 0.4*rand.Float64()))
	return min(d, config.MaxRetryWait)
}

func (c *Client) sleep(ctx context.Context, d time.Duration) error {
	if c.Sleep != nil {
		return c.Sleep(ctx, d)
	}
	return clock.Sleep(ctx, d)
}

func (c *Client) log() *slog.Logger {
	if c.Log != nil {
		return c.Log
	}
	return slog.Default()
}

// retryAfterDoer records the Retry-After header of each response in the
// note carried by the request's context: go-openai turns error responses
// into errors without their headers.
type retryAfterDoer struct{ next openai.HTTPDoer }

type noteKey struct{}

type responseNote struct {
	mu     sync.Mutex
	header string
	at     time.Time
}

func (d retryAfterDoer) Do(req *http.Request) (*http.Response, error) {
	resp, err := d.next.Do(req)
	if resp != nil {
		if n, ok := req.Context().Value(noteKey{}).(*responseNote); ok {
			n.mu.Lock()
			n.header, n.at = resp.Header.Get("Retry-After"), time.Now()
			n.mu.Unlock()
		}
	}
	return resp, err
}

// retryAfter parses Retry-After: seconds, or an HTTP date.
func (n *responseNote) retryAfter() time.Duration {
	n.mu.Lock()
	defer n.mu.Unlock()
	h := strings.TrimSpace(n.header)
	if h == "" {
		return 0
	}
	if s, err := strconv.Atoi(h); err == nil && s >= 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(h); err == nil {
		if d := t.Sub(n.at); d > 0 {
			return d
		}
	}
	return 0
}
