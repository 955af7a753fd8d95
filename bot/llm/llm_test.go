package llm_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"casebot/bot/llm"
	"casebot/bot/llm/llmtest"
	"casebot/bot/redistest"
	"casebot/config"
)

var convo = []llm.Message{{Role: llm.System, Content: "你是司法局的普法编辑。"}, {Role: llm.User, Content: "请撰写以案说法。"}}

// newClient returns a client on srv whose waits are recorded, not spent.
func newClient(t *testing.T, srv *llmtest.Server, edit func(*config.LLM)) (*llm.Client, *[]time.Duration) {
	cfg := srv.Config()
	cfg.Timeout = 2 * time.Second
	if edit != nil {
		edit(&cfg)
	}
	c, err := llm.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	waits := new([]time.Duration)
	c.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	c.Backoff = func(n int) time.Duration { return time.Duration(n) * time.Second }
	c.Sleep = func(ctx context.Context, d time.Duration) error {
		mu.Lock()
		defer mu.Unlock()
		*waits = append(*waits, d)
		return ctx.Err()
	}
	return c, waits
}

func TestNewNeedsBaseURL(t *testing.T) {
	if _, err := llm.New(config.Default().LLM); !errors.Is(err, llm.ErrNotConfigured) {
		t.Errorf("New without base_url = %v, want ErrNotConfigured", err)
	}
}

func TestComplete(t *testing.T) {
	tests := []struct {
		name      string
		script    []llmtest.Reply
		edit      func(*config.LLM)
		wantErr   bool
		wantTries int // requests the server sees
		wantWaits []time.Duration
	}{
		{name: "first try", wantTries: 1},
		{name: "429 honours Retry-After", script: []llmtest.Reply{{Status: 429, RetryAfter: "7"}}, wantTries: 2, wantWaits: []time.Duration{7 * time.Second}},
		{name: "429 without Retry-After backs off", script: []llmtest.Reply{{Status: 429}, {Status: 429}}, wantTries: 3, wantWaits: []time.Duration{time.Second, 2 * time.Second}},
		{name: "500 and 503 are retried", script: []llmtest.Reply{{Status: 500}, {Status: 503}}, wantTries: 3, wantWaits: []time.Duration{time.Second, 2 * time.Second}},
		{name: "empty answer is a failure", script: []llmtest.Reply{{Empty: true}}, wantTries: 2, wantWaits: []time.Duration{time.Second}},
		{name: "timeout is retried", script: []llmtest.Reply{{Hang: true}}, edit: func(c *config.LLM) { c.Timeout = 200 * time.Millisecond }, wantTries: 2, wantWaits: []time.Duration{time.Second}},
		{name: "gives up after retries", script: []llmtest.Reply{{Status: 500}, {Status: 502}, {Empty: true}, {Status: 429}}, wantErr: true, wantTries: 4, wantWaits: []time.Duration{time.Second, 2 * time.Second, 3 * time.Second}},
		{name: "retries 0 means one try", script: []llmtest.Reply{{Status: 500}}, edit: func(c *config.LLM) { c.Retries = 0 }, wantErr: true, wantTries: 1},
		{name: "400 is not retried", script: []llmtest.Reply{{Status: 400}}, wantErr: true, wantTries: 1},
		{name: "401 is not retried", script: []llmtest.Reply{{Status: 401}}, wantErr: true, wantTries: 1},
		{name: "Retry-After longer than a draft can wait", script: []llmtest.Reply{{Status: 429, RetryAfter: "3600"}}, wantErr: true, wantTries: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := llmtest.New(t, "deepseek-chat")
			srv.Script(tt.script...)
			c, waits := newClient(t, srv, tt.edit)
			ans, err := c.Complete(context.Background(), convo)
			if (err != nil) != tt.wantErr {
				t.Fatalf("Complete error = %v, want error %v", err, tt.wantErr)
			}
			if !tt.wantErr && (ans.Content == "" || ans.Tries != tt.wantTries || ans.Model != "deepseek-chat") {
				t.Errorf("answer = %+v", ans)
			}
			if got := len(srv.Requests()); got != tt.wantTries {
				t.Errorf("server saw %d requests, want %d", got, tt.wantTries)
			}
			if diff := cmp.Diff(tt.wantWaits, *waits); diff != "" {
				t.Errorf("waits (-want,+got):\n%s", diff)
			}
			for _, r := range srv.Requests() {
				if diff := cmp.Diff([]string{"system", "user"}, []string{r.Messages[0].Role, r.Messages[1].Role}); diff != "" {
					t.Errorf("roles (-want,+got):\n%s", diff)
				}
			}
		})
	}
}

func TestRetryAfterDate(t *testing.T) {
	srv := llmtest.New(t, "qwen")
	srv.Script(llmtest.Reply{Status: 503, RetryAfter: time.Now().Add(30 * time.Second).UTC().Format(http.TimeFormat)})
	c, waits := newClient(t, srv, nil)
	if _, err := c.Complete(context.Background(), convo); err != nil {
		t.Fatal(err)
	}
	if len(*waits) != 1 || (*waits)[0] < 25*time.Second || (*waits)[0] > 31*time.Second {
		t.Errorf("waits = %v, want about 30s from the HTTP date", *waits)
	}
}

func TestCancelStopsRetrying(t *testing.T) {
	srv := llmtest.New(t, "glm")
	srv.Script(llmtest.Reply{Status: 500}, llmtest.Reply{Status: 500})
	c, _ := newClient(t, srv, nil)
	ctx, cancel := context.WithCancel(context.Background())
	c.Sleep = func(ctx context.Context, d time.Duration) error { cancel(); return ctx.Err() }
	if _, err := c.Complete(ctx, convo); !errors.Is(err, context.Canceled) {
		t.Errorf("Complete = %v, want context.Canceled", err)
	}
	if n := len(srv.Requests()); n != 1 {
		t.Errorf("server saw %d requests after cancel, want 1", n)
	}
}

// TestConcurrencyLimit holds every request at the server and lets them go
// one by one, checking that no more than llm.max_concurrency are ever in
// flight although more callers are waiting.
func TestConcurrencyLimit(t *testing.T) {
	srv := llmtest.New(t, "vllm")
	var inflight, peak atomic.Int32
	arrived, release := make(chan struct{}), make(chan struct{})
	srv.Answer = func(llmtest.Request) string {
		n := inflight.Add(1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		arrived <- struct{}{}
		<-release
		inflight.Add(-1)
		return "好"
	}
	c, _ := newClient(t, srv, func(c *config.LLM) { c.MaxConcurrency = 2; c.Timeout = 30 * time.Second })
	const callers = 6
	var wg sync.WaitGroup
	for i := 0; i < callers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := c.Complete(context.Background(), convo); err != nil {
				t.Error(err)
			}
		}()
	}
	for i := 0; i < callers; i++ {
		<-arrived
		if n := inflight.Load(); n > 2 {
			t.Errorf("%d calls in flight, limit is 2", n)
		}
		release <- struct{}{}
	}
	wg.Wait()
	if p := peak.Load(); p > 2 {
		t.Errorf("peak concurrency %d, limit is 2", p)
	}
}

// TestUserLimit checks the hourly limit on a real Redis with a simulated
// clock, shared by two replicas.
func TestUserLimit(t *testing.T) {
	rdb, k := redistest.New(t)
	now := time.Date(2025, 11, 20, 9, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	a := llm.NewUserLimit(rdb, k, 3, time.Hour)
	b := llm.NewUserLimit(rdb, k, 3, time.Hour) // another replica
	a.Now, b.Now = clock, clock
	ctx := context.Background()
	allow := func(l *llm.UserLimit, user string) (bool, time.Time) {
		ok, next, err := l.Allow(ctx, user)
		if err != nil {
			t.Fatal(err)
		}
		return ok, next
	}
	first := now
	for i, l := range []*llm.UserLimit{a, b, a} {
		if ok, _ := allow(l, "pufa1"); !ok {
			t.Fatalf("request %d refused", i+1)
		}
		now = now.Add(10 * time.Minute)
	}
	ok, next := allow(b, "pufa1")
	if ok || !next.Equal(first.Add(time.Hour)) {
		t.Errorf("4th request: ok=%v next=%v, want refused until %v", ok, next, first.Add(time.Hour))
	}
	if ok, _ := allow(a, "pufa2"); !ok {
		t.Error("another user was refused")
	}
	now = first.Add(time.Hour + time.Millisecond)
	if ok, _ := allow(b, "pufa1"); !ok {
		t.Error("refused after the first request left the window")
	}
	if ok, _ := allow(a, "pufa1"); ok {
		t.Error("allowed a 4th request within the hour")
	}
	if ok, _, _ := llm.NewUserLimit(rdb, k, 0, time.Hour).Allow(ctx, "pufa1"); !ok {
		t.Error("limit 0 should mean no limit")
	}
}

// TestCall: a request offering a tool gets the call's arguments back; an
// answer without the call is empty and tried again.
func TestCall(t *testing.T) {
	srv := llmtest.New(t, "test-model")
	srv.Script(llmtest.Reply{Empty: true}, llmtest.Reply{Arguments: `{"kind":"hearings"}`})
	cfg := srv.Config()
	cfg.Retries = 1
	c, err := llm.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	c.Backoff = func(int) time.Duration { return 0 }
	args, ans, err := c.Call(context.Background(), []llm.Message{{Role: llm.System, Content: "读懂这句话"}, {Role: llm.User, Content: "明天有庭吗"}},
		llm.Tool{Name: "understand", Description: "what the message asks", Parameters: map[string]any{"type": "object"}})
	if err != nil {
		t.Fatal(err)
	}
	if string(args) != `{"kind":"hearings"}` || ans.Tries != 2 {
		t.Errorf("Call = %s after %d tries, want the scripted arguments on the second", args, ans.Tries)
	}
	reqs := srv.Requests()
	if len(reqs) != 2 || len(reqs[1].Tools) != 1 || reqs[1].Tools[0].Function.Name != "understand" {
		t.Errorf("requests did not offer the tool: %+v", reqs)
	}
}
