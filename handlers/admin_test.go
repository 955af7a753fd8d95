package handlers

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"casebot/bot"
	"casebot/bot/logtest"
	"casebot/bot/wecom"
	"casebot/config"
)

const adminTestToken = "0123456789abcdef0123456789abcdef-admin"

// adminRig is the admin handler with a simulated clock and a log to read.
type adminRig struct {
	t   *testing.T
	e   *chatEnv
	h   http.Handler
	now time.Time
	log *logtest.Buffer
}

func newAdminRig(t *testing.T, inbox InboxAdmin) *adminRig {
	e := newChatEnv(t, func(c *config.Config) { c.Admin.Token, c.Admin.MaxFailures = adminTestToken, 3 })
	r := &adminRig{t: t, e: e, now: time.Date(2025, 11, 3, 9, 0, 0, 0, time.UTC), log: &logtest.Buffer{}}
	r.h = Admin(Deps{Config: e.cfg, Store: e.st}, AdminOptions{
		Log: slog.New(slog.NewJSONHandler(r.log, nil)), Inbox: inbox, Now: func() time.Time { return r.now }})
	return r
}

// do makes a request from client (an IP address) with token ("" for none).
func (r *adminRig) do(client, method, path, token, body string) *httptest.ResponseRecorder {
	r.t.Helper()
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	req.RemoteAddr = client + ":40123"
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	rr := httptest.NewRecorder()
	r.h.ServeHTTP(rr, req)
	return rr
}

// TestAdminThrottlesWrongTokens: every refused request is logged with the
// client address; after admin.max_failures refusals in a minute that
// address is refused outright (429 with Retry-After), even with the right
// token, while other addresses are served; a minute later it is served
// again.
func TestAdminThrottlesWrongTokens(t *testing.T) {
	r := newAdminRig(t, nil)
	const attacker, operator = "203.0.113.7", "198.51.100.2"
	for i, tok := range []string{"guess-1", "", "guess-3"} {
		if rr := r.do(attacker, "GET", "/admin/people", tok, ""); rr.Code != http.StatusUnauthorized {
			t.Fatalf("attempt %d: %d %s, want 401", i+1, rr.Code, rr.Body)
		}
		r.now = r.now.Add(time.Second)
	}
	var refused []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(r.log.String()), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("log line %q: %v", line, err)
		}
		if m["msg"] == "admin API: request refused" {
			refused = append(refused, m)
		}
	}
	if len(refused) != 3 {
		t.Fatalf("%d refusals logged, want 3:\n%s", len(refused), r.log)
	}
	for i, m := range refused {
		if m["client"] != attacker || m["path"] != "/admin/people" || m["failures_in_last_minute"] != float64(i+1) {
			t.Errorf("refusal %d logged as %v", i+1, m)
		}
	}
	if strings.Contains(r.log.String(), "guess-") {
		t.Error("a guessed token was written to the log")
	}

	// The fourth request, right token or not, is throttled.
	rr := r.do(attacker, "GET", "/admin/people", adminTestToken, "")
	if rr.Code != http.StatusTooManyRequests || rr.Header().Get("Retry-After") == "" || !strings.Contains(rr.Body.String(), "错误次数过多") {
		t.Errorf("throttled request: %d %q %s", rr.Code, rr.Header().Get("Retry-After"), rr.Body)
	}
	if !strings.Contains(r.log.String(), "client throttled") {
		t.Error("throttling was not logged")
	}
	// Another address is not affected.
	if rr := r.do(operator, "GET", "/admin/people", adminTestToken, ""); rr.Code != http.StatusOK {
		t.Errorf("another client: %d %s", rr.Code, rr.Body)
	}
	// X-Forwarded-For is not trusted to escape the throttle.
	req := httptest.NewRequest("GET", "/admin/people", nil)
	req.RemoteAddr = attacker + ":1"
	req.Header.Set("X-Forwarded-For", operator)
	req.Header.Set("Authorization", "Bearer "+adminTestToken)
	rec := httptest.NewRecorder()
	r.h.ServeHTTP(rec, req)
	if rec.Code != http.StatusTooManyRequests {
		t.Errorf("X-Forwarded-For escaped the throttle: %d", rec.Code)
	}
	// Once the minute since the first failure has passed, it is served.
	r.now = r.now.Add(time.Minute)
	if rr := r.do(attacker, "GET", "/admin/people", adminTestToken, ""); rr.Code != http.StatusOK {
		t.Errorf("after the minute: %d %s", rr.Code, rr.Body)
	}
}

// TestAdminChangesAuditedWithClient: a directory change over the API is
// audited as admin-http with the address it came from.
func TestAdminChangesAuditedWithClient(t *testing.T) {
	r := newAdminRig(t, nil)
	if rr := r.do("192.0.2.44", "PUT", "/admin/people/sunqi", adminTestToken, `{"name":"孙七","role":"staff"}`); rr.Code != http.StatusCreated {
		t.Fatalf("PUT: %d %s", rr.Code, rr.Body)
	}
	if rr := r.do("192.0.2.45", "DELETE", "/admin/people/sunqi", adminTestToken, ""); rr.Code != http.StatusNoContent {
		t.Fatalf("DELETE: %d %s", rr.Code, rr.Body)
	}
	got := auditOf(t, r.e, "admin-http")
	if len(got) != 2 || !strings.HasPrefix(got[0], "people/add 1 ") || !strings.HasSuffix(got[0], "client 192.0.2.44") ||
		!strings.HasPrefix(got[1], "people/delete 1 ") || !strings.HasSuffix(got[1], "client 192.0.2.45") {
		t.Errorf("audit = %q", got)
	}
}

// fakeInbox is an InboxAdmin holding dead letters in memory.
type fakeInbox struct {
	dead []wecom.DeadLetter
}

func (f *fakeInbox) Status(context.Context) (wecom.Status, error) {
	return wecom.Status{Backlog: 2, Pending: 1, Dead: int64(len(f.dead))}, nil
}

func (f *fakeInbox) DeadLetters(_ context.Context, n int64) ([]wecom.DeadLetter, error) {
	return f.dead[:min(int(n), len(f.dead))], nil
}

func (f *fakeInbox) Redrive(_ context.Context, id string) (*bot.Message, error) {
	for i, d := range f.dead {
		if d.ID == id {
			f.dead = append(f.dead[:i], f.dead[i+1:]...)
			return d.Message, nil
		}
	}
	return nil, wecom.ErrNoDeadLetter
}

// TestAdminInbox: the inbox's dead letters are listed with why, and one
// put back is audited with the client address.
func TestAdminInbox(t *testing.T) {
	in := &fakeInbox{dead: []wecom.DeadLetter{{ID: "1700000000000-0", Deliveries: "5", Reason: "WeCom 500",
		Message: &bot.Message{ID: "7001", From: "zhangsan", Type: "text", Text: "查询"}}}}
	r := newAdminRig(t, in)
	rr := r.do("192.0.2.9", "GET", "/admin/inbox?limit=10", adminTestToken, "")
	var st struct {
		Backlog, Pending, Dead int64
		DeadLetters            []wecom.DeadLetter `json:"dead_letters"`
	}
	if rr.Code != http.StatusOK || json.Unmarshal(rr.Body.Bytes(), &st) != nil || st.Dead != 1 ||
		len(st.DeadLetters) != 1 || st.DeadLetters[0].Reason != "WeCom 500" {
		t.Errorf("GET /admin/inbox: %d %s", rr.Code, rr.Body)
	}
	if rr := r.do("192.0.2.9", "GET", "/admin/inbox?limit=0", adminTestToken, ""); rr.Code != http.StatusBadRequest || !strings.Contains(rr.Body.String(), "limit") {
		t.Errorf("limit=0: %d %s", rr.Code, rr.Body)
	}
	if rr := r.do("192.0.2.9", "POST", "/admin/inbox/redrive/1700000000000-0", adminTestToken, ""); rr.Code != http.StatusAccepted {
		t.Errorf("redrive: %d %s", rr.Code, rr.Body)
	}
	if rr := r.do("192.0.2.9", "POST", "/admin/inbox/redrive/1700000000000-0", adminTestToken, ""); rr.Code != http.StatusNotFound || !strings.Contains(rr.Body.String(), "没有编号") {
		t.Errorf("redrive again: %d %s", rr.Code, rr.Body)
	}
	got := auditOf(t, r.e, "admin-http")
	if len(got) != 1 || !strings.HasPrefix(got[0], "inbox/redrive 1 message 7001 from zhangsan") || !strings.HasSuffix(got[0], "client 192.0.2.9") {
		t.Errorf("audit = %q", got)
	}
}
