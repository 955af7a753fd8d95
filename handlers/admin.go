package handlers

import (
	"context"
	"crypto/subtle"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/wecom"
)

// AdminOptions are the admin API's parts beyond the chat dependencies.
type AdminOptions struct {
	// Log receives refused requests. If nil, slog.Default.
	Log *slog.Logger
	// Inbox, when set, is served under /admin/inbox.
	Inbox InboxAdmin
	// Now is the throttle's clock. If nil, time.Now.
	Now func() time.Time
}

// InboxAdmin is what /admin/inbox reads and does (wecom.Inbox).
type InboxAdmin interface {
	Status(ctx context.Context) (wecom.Status, error)
	DeadLetters(ctx context.Context, n int64) ([]wecom.DeadLetter, error)
	Redrive(ctx context.Context, id string) (*bot.Message, error)
}

var _ InboxAdmin = (*wecom.Inbox)(nil)

// Admin serves /admin/... behind the bearer token admin.token:
//
//	/admin/people[/{userid}]   the directory (see adminPeople)
//	GET  /admin/inbox          {"backlog","pending","dead","dead_letters":[…]}
//	POST /admin/inbox/redrive/{id}  put a dead letter back into the inbox
//
// Every request without the right token is refused (401) and logged with
// the client's address; a client address with admin.max_failures refused
// requests within a minute is refused outright (429) until the minute has
// passed, right token or not, so the token cannot be guessed at speed.
// Every change is audited as user "admin-http", with the client address.
func Admin(d Deps, opt AdminOptions) http.Handler {
	mux := http.NewServeMux()
	people := adminPeople(d)
	mux.Handle("/admin/people", people)
	mux.Handle("/admin/people/", people)
	if opt.Inbox != nil {
		ia := &inboxAdmin{in: opt.Inbox, audit: newService(d).audit, now: d.Store.Now}
		mux.HandleFunc("GET /admin/inbox", ia.status)
		mux.HandleFunc("POST /admin/inbox/redrive/{id}", ia.redrive)
	}
	g := &guard{token: d.Config.Admin.Token, max: d.Config.Admin.MaxFailures, window: time.Minute,
		log: opt.Log, now: opt.Now, fails: map[string][]time.Time{}, warned: map[string]time.Time{}}
	if g.log == nil {
		g.log = slog.Default()
	}
	if g.now == nil {
		g.now = time.Now
	}
	if g.max <= 0 {
		g.max = 10
	}
	g.next = mux
	return g
}

// guard lets through requests carrying "Authorization: Bearer <token>",
// and throttles client addresses that keep failing. With no token
// configured every request is refused.
type guard struct {
	token  string
	max    int
	window time.Duration
	log    *slog.Logger
	now    func() time.Time
	next   http.Handler

	mu     sync.Mutex
	fails  map[string][]time.Time // per client address: refused requests in the window
	warned map[string]time.Time   // per client address: when throttling was last logged
}

// maxTracked bounds the client addresses remembered: beyond it the
// oldest records are dropped (an attacker rotating addresses is slowed
// by each address's own limit anyway).
const maxTracked = 10000

func (g *guard) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	client := clientAddr(r)
	now := g.now()
	if wait := g.throttled(client, now); wait > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(int(wait.Seconds())+1))
		writeError(w, http.StatusTooManyRequests, "该地址的管理令牌错误次数过多，请 %d 秒后再试", int(wait.Seconds())+1)
		return
	}
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if g.token == "" || !ok || subtle.ConstantTimeCompare([]byte(got), []byte(g.token)) != 1 {
		n := g.fail(client, now)
		reason := "wrong token"
		switch {
		case g.token == "":
			reason = "admin.token is not set"
		case !ok:
			reason = "no bearer token"
		}
		g.log.Warn("admin API: request refused", "client", client, "method", r.Method, "path", r.URL.Path,
			"reason", reason, "failures_in_last_minute", n)
		w.Header().Set("WWW-Authenticate", `Bearer realm="casebot admin"`)
		writeError(w, http.StatusUnauthorized, "需要管理令牌：请求头 Authorization: Bearer <admin.token>")
		return
	}
	next := g.next
	next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), clientKey{}, client)))
}

// throttled returns how long client must wait, or 0.
func (g *guard) throttled(client string, now time.Time) time.Duration {
	g.mu.Lock()
	defer g.mu.Unlock()
	fs := g.recent(client, now)
	if len(fs) < g.max {
		return 0
	}
	wait := fs[len(fs)-g.max].Add(g.window).Sub(now)
	if last, ok := g.warned[client]; !ok || now.Sub(last) >= g.window {
		g.warned[client] = now
		g.log.Warn("admin API: client throttled after repeated wrong tokens", "client", client,
			"failures_in_last_minute", len(fs), "blocked_for", wait.Round(time.Second))
	}
	return wait
}

// fail records a refused request and returns the client's count.
func (g *guard) fail(client string, now time.Time) int {
	g.mu.Lock()
	defer g.mu.Unlock()
	fs := append(g.recent(client, now), now)
	g.fails[client] = fs
	if len(g.fails) > maxTracked {
		for c, f := range g.fails {
			if len(f) == 0 || now.Sub(f[len(f)-1]) >= g.window {
				delete(g.fails, c)
				delete(g.warned, c)
			}
		}
	}
	return len(fs)
}

// recent returns client's failures within the window.
func (g *guard) recent(client string, now time.Time) []time.Time {
	fs := g.fails[client]
	i := 0
	for i < len(fs) && now.Sub(fs[i]) >= g.window {
		i++
	}
	fs = fs[i:]
	if len(fs) == 0 {
		delete(g.fails, client)
	}
	return fs
}

// clientAddr is the client's IP address: the connection's peer. Headers
// such as X-Forwarded-For are not trusted, since anyone can send them.
func clientAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

type clientKey struct{}

// adminClient returns the client address of an admin request.
func adminClient(r *http.Request) string {
	if c, ok := r.Context().Value(clientKey{}).(string); ok {
		return c
	}
	return clientAddr(r)
}

// inboxAdmin serves /admin/inbox.
type inboxAdmin struct {
	in    InboxAdmin
	audit *audit.Log
	now   func() time.Time
}

func (a *inboxAdmin) status(w http.ResponseWriter, r *http.Request) {
	st, err := a.in.Status(r.Context())
	if err != nil {
		writeError(w, http.StatusInternalServerError, "读取消息队列失败")
		return
	}
	n := int64(50)
	if v := r.URL.Query().Get("limit"); v != "" {
		if n, err = strconv.ParseInt(v, 10, 64); err != nil || n < 1 || n > 1000 {
			writeError(w, http.StatusBadRequest, "参数 limit 应为 1 到 1000 之间的整数")
			return
		}
	}
	dead, err := a.in.DeadLetters(r.Context(), n)
	if err != nil {
		writeError(w, http.StatusInternalServerError, "读取待处理消息失败")
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"backlog": st.Backlog, "pending": st.Pending, "dead": st.Dead,
		"dead_letters": dead})
}

func (a *inboxAdmin) redrive(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	msg, err := a.in.Redrive(r.Context(), id)
	if errors.Is(err, wecom.ErrNoDeadLetter) {
		writeError(w, http.StatusNotFound, "待处理队列中没有编号为 %s 的消息", id)
		return
	}
	if err != nil {
		writeError(w, http.StatusInternalServerError, "重新投递失败：%s", err.Error())
		return
	}
	if err := a.audit.Record(r.Context(), audit.Entry{At: a.now(), User: adminUser, Action: "inbox", Kind: "redrive",
		Text: r.Method + " " + r.URL.Path, Results: 1, Detail: "message " + msg.ID + " from " + msg.From + "; client " + adminClient(r)}); err != nil {
		writeError(w, http.StatusInternalServerError, "已重新投递，但写入审计日志失败")
		return
	}
	writeJSON(w, http.StatusAccepted, map[string]any{"redriven": id, "message": msg.ID})
}
