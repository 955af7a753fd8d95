// Package llmtest is a local OpenAI-compatible chat server for tests and
// the demo: it checks every request it receives (model, messages, and that
// no personal data of the fixture is in them) and answers from a script
// that can inject 429s, 5xx, hangs and empty answers. A request offering
// tools is answered with a call of the first one (tool calling).
package llmtest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	openai "github.com/sashabaranov/go-openai"

	"casebot/config"
)

// Reply is one scripted answer.
type Reply struct {
	// Status, when not 0 or 200, answers with that HTTP status and an
	// OpenAI-style error body.
	Status int
	// RetryAfter is sent as the Retry-After header.
	RetryAfter string
	// Hang keeps the request open until the client gives up.
	Hang bool
	// Empty answers 200 with an empty message.
	Empty bool
	// Content is the answer; if empty (and not Empty), Server.Answer is used.
	Content string
	// Arguments, for a request offering tools, are the arguments (JSON) of
	// the call answered; if empty, Server.Call is used.
	Arguments string
}

// Request is one request the server received.
type Request struct {
	Model    string
	Messages []openai.ChatCompletionMessage
	// Tools are the tools offered (tool calling); ToolChoice as sent.
	Tools      []openai.Tool
	ToolChoice any
	Body       string
}

// Server is the fake model.
type Server struct {
	*httptest.Server
	t testing.TB

	// Model is the model every request must name.
	Model string
	// APIKey is the bearer token every request must carry.
	APIKey string
	// Answer writes the answer when the script is exhausted. If nil, a
	// short fixed text that echoes nothing of the request.
	Answer func(r Request) string
	// Call writes the arguments (JSON) of the tool call answering a
	// request that offers tools, when the script gives none. If nil, "{}".
	Call func(r Request) string

	mu        sync.Mutex
	script    []Reply
	requests  []Request
	forbidden []string
}

// New starts a server for t, closed when the test ends.
func New(t testing.TB, model string) *Server {
	s := &Server{t: t, Model: model, APIKey: "test-key"}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

// Config returns the llm configuration pointing at the server.
func (s *Server) Config() config.LLM {
	c := config.Default().LLM
	c.BaseURL = s.URL + "/v1"
	c.APIKey = s.APIKey
	c.Model = s.Model
	return c
}

// Script queues replies, used in order before falling back to Answer.
func (s *Server) Script(rs ...Reply) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.script = append(s.script, rs...)
}

// Forbid makes any request holding one of the strings (names, IDs, phone
// numbers, addresses of the fixture) fail the test. Digits are also
// looked for with every separator removed.
func (s *Server) Forbid(personal ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.forbidden = append(s.forbidden, personal...)
}

// Requests returns the requests received so far.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

var separators = regexp.MustCompile(`[\s\-·.()（）]+`)

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	t := s.t
	if r.Method != http.MethodPost || r.URL.Path != "/v1/chat/completions" {
		t.Errorf("llmtest: unexpected %s %s", r.Method, r.URL.Path)
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	if got := r.Header.Get("Authorization"); got != "Bearer "+s.APIKey {
		t.Errorf("llmtest: Authorization = %q", got)
	}
	var req openai.ChatCompletionRequest
	var raw strings.Builder
	if err := json.NewDecoder(teeReader{r.Body, &raw}).Decode(&req); err != nil {
		t.Errorf("llmtest: bad request body: %v", err)
		http.Error(w, "bad json", http.StatusBadRequest)
		return
	}
	got := Request{Model: req.Model, Messages: req.Messages, Tools: req.Tools, ToolChoice: req.ToolChoice, Body: raw.String()}
	s.check(got)

	s.mu.Lock()
	s.requests = append(s.requests, got)
	var reply Reply
	if len(s.script) > 0 {
		reply, s.script = s.script[0], s.script[1:]
	}
	answer, call := s.Answer, s.Call
	s.mu.Unlock()

	if reply.RetryAfter != "" {
		w.Header().Set("Retry-After", reply.RetryAfter)
	}
	switch {
	case reply.Hang:
		select {
		case <-r.Context().Done():
		case <-time.After(time.Minute):
			t.Errorf("llmtest: the client never gave up on a hanging request")
		}
		return
	case reply.Status != 0 && reply.Status != http.StatusOK:
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(reply.Status)
		fmt.Fprintf(w, `{"error":{"message":"injected %d","type":"test","code":null}}`, reply.Status)
		return
	}
	if len(req.Tools) > 0 && !reply.Empty && reply.Content == "" {
		args := reply.Arguments
		if args == "" && call != nil {
			args = call(got)
		}
		if args == "" {
			args = "{}"
		}
		name := ""
		if req.Tools[0].Function != nil {
			name = req.Tools[0].Function.Name
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(openai.ChatCompletionResponse{
			ID: "test", Object: "chat.completion", Model: req.Model,
			Choices: []openai.ChatCompletionChoice{{Message: openai.ChatCompletionMessage{Role: "assistant",
				ToolCalls: []openai.ToolCall{{ID: "call-1", Type: openai.ToolTypeFunction,
					Function: openai.FunctionCall{Name: name, Arguments: args}}}}, FinishReason: "tool_calls"}},
		})
		return
	}
	content := reply.Content
	switch {
	case reply.Empty:
		content = ""
	case content == "" && answer != nil:
		content = answer(got)
	case content == "":
		content = "这是一篇测试用的以案说法草稿。"
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(openai.ChatCompletionResponse{
		ID: "test", Object: "chat.completion", Model: req.Model,
		Choices: []openai.ChatCompletionChoice{{Message: openai.ChatCompletionMessage{Role: "assistant", Content: content}, FinishReason: "stop"}},
	})
}

// check fails the test for a request that names the wrong model, has no
// system and user message, or carries personal data.
func (s *Server) check(r Request) {
	t := s.t
	if r.Model != s.Model {
		t.Errorf("llmtest: model = %q, want %q", r.Model, s.Model)
	}
	if len(r.Messages) < 2 || r.Messages[0].Role != openai.ChatMessageRoleSystem || r.Messages[len(r.Messages)-1].Role != openai.ChatMessageRoleUser {
		t.Errorf("llmtest: messages should be a system message then the user's, got %d messages", len(r.Messages))
	}
	var text strings.Builder
	for _, m := range r.Messages {
		if strings.TrimSpace(m.Content) == "" {
			t.Errorf("llmtest: empty %s message", m.Role)
		}
		text.WriteString(m.Content)
		text.WriteString("\n")
	}
	all := text.String()
	flat := separators.ReplaceAllString(all, "")
	s.mu.Lock()
	forbidden := append([]string(nil), s.forbidden...)
	s.mu.Unlock()
	for _, f := range forbidden {
		if strings.Contains(all, f) || strings.Contains(flat, separators.ReplaceAllString(f, "")) {
			t.Errorf("llmtest: personal data %q was sent to the model", f)
		}
	}
}

type teeReader struct {
	r interface{ Read([]byte) (int, error) }
	w *strings.Builder
}

func (t teeReader) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	t.w.Write(p[:n])
	return n, err
}
