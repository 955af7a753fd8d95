package webapp

import (
	"bytes"
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"log/slog"
	"mime"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"time"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/explain"
	"casebot/bot/people"
	"casebot/bot/scope"
	"casebot/bot/store"
	"casebot/config"
	"casebot/reminders"
)

// Identifier is WeCom 网页授权 as the page uses it (*wecom.OAuth).
type Identifier interface {
	// AuthorizeURL is the link that sends the browser to WeCom and back
	// to redirectURI with a code and state.
	AuthorizeURL(redirectURI, state string) string
	// UserID exchanges a code for the member's userid
	// (wecom.ErrBadCode, wecom.ErrNotMember).
	UserID(ctx context.Context, code string) (string, error)
}

// Deps is what the page needs.
type Deps struct {
	Config *config.Config
	Store  *store.Store
	// Sender posts results in chat and sends files.
	Sender bot.Sender
	OAuth  Identifier
	// Explain holds the decision attach service and the 以案说法 drafts;
	// nil leaves decisions and draft exports off.
	Explain *explain.Service
	// Rectify takes 整改 reports uploaded on the page (the reminders
	// service); nil leaves that page off.
	Rectify Rectifier
	Log     *slog.Logger
}

// App is the page (an http.Handler for /app/) and the file services the
// chat commands call (files.go, chat.go).
type App struct {
	cfg     *config.Config
	st      *store.Store
	sender  bot.Sender
	oauth   Identifier
	ex      *explain.Service
	rectify Rectifier
	scope   scope.Policy
	audit   *audit.Log
	sign    signer
	uploads *uploads
	ledger  ledgerAPI
	log     *slog.Logger
	mux     *http.ServeMux
	pages   map[string]*template.Template

	// After runs f after d: how a push put off by the rate limit is made
	// again (sendLater). Tests replace it to run it on their clock.
	After func(d time.Duration, f func())
}

//go:embed templates
var templateFS embed.FS

// New builds the page from validated configuration.
func New(d Deps) (*App, error) {
	pol, err := scope.New(d.Config.Scope)
	if err != nil {
		return nil, err
	}
	log := d.Log
	if log == nil {
		log = slog.Default()
	}
	sign, shared := newSigner(d.Config)
	if !shared && d.Config.App.Enabled() {
		log.Warn("app page: no app.session_secret and no wecom.secret; sessions are signed with a key of this process only")
	}
	maxLen := d.Config.Audit.MaxLen
	if maxLen <= 0 {
		maxLen = config.Default().Audit.MaxLen
	}
	a := &App{
		cfg: d.Config, st: d.Store, sender: d.Sender, oauth: d.OAuth, ex: d.Explain, rectify: d.Rectify, scope: pol,
		audit: audit.New(d.Store.Client(), d.Store.Keys(), maxLen), sign: sign,
		uploads: &uploads{rdb: d.Store.Client(), k: d.Store.Keys(), ttl: d.Config.App.UploadTTL},
		log:     log,
		After:   func(d time.Duration, f func()) { time.AfterFunc(d, f) },
	}
	a.audit.Now = a.now
	a.ledger = ledgerAPI{st: d.Store, loc: a.loc, names: pol.Agencies()}
	if a.pages, err = parsePages(); err != nil {
		return nil, err
	}
	a.routes()
	return a, nil
}

func parsePages() (map[string]*template.Template, error) {
	base, err := template.ParseFS(templateFS, "templates/layout.html")
	if err != nil {
		return nil, err
	}
	names, err := templateFS.ReadDir("templates")
	if err != nil {
		return nil, err
	}
	out := map[string]*template.Template{}
	for _, e := range names {
		name := strings.TrimSuffix(e.Name(), ".html")
		if name == "layout" {
			continue
		}
		t, err := template.Must(base.Clone()).ParseFS(templateFS, "templates/"+e.Name())
		if err != nil {
			return nil, err
		}
		out[name] = t
	}
	return out, nil
}

func (a *App) routes() {
	m := http.NewServeMux()
	m.HandleFunc("GET /app/{$}", a.authed(a.home))
	m.HandleFunc("GET /app/login", a.login)
	m.HandleFunc("GET /app/oauth", a.oauthCallback)
	m.HandleFunc("GET /app/ledger", a.authed(a.ledgerForm))
	m.HandleFunc("POST /app/ledger", a.authed(a.ledgerUpload))
	m.HandleFunc("POST /app/ledger/confirm", a.authed(a.ledgerConfirm))
	m.HandleFunc("POST /app/ledger/undo", a.authed(a.ledgerUndo))
	m.HandleFunc("POST /app/export/ledger", a.authed(a.exportLedgerPage))
	m.HandleFunc("GET /app/decision", a.authed(a.decisionForm))
	m.HandleFunc("POST /app/decision", a.authed(a.decisionUpload))
	m.HandleFunc("POST /app/decision/confirm", a.authed(a.decisionConfirm))
	m.HandleFunc("GET "+reminders.RectifyPagePath, a.authed(a.rectifyForm))
	m.HandleFunc("POST "+reminders.RectifyPagePath, a.authed(a.rectifyUpload))
	// A form's address opened by GET (a link copied from the address bar,
	// a page restored from history) leads back to its form, not to 页面不存在.
	for path, to := range map[string]string{"/app/ledger/confirm": "/app/ledger", "/app/ledger/undo": "/app/ledger",
		"/app/export/ledger": "/app/", "/app/decision/confirm": "/app/decision"} {
		m.Handle("GET "+path, http.RedirectHandler(to, http.StatusSeeOther))
	}
	m.HandleFunc("/app/", func(w http.ResponseWriter, r *http.Request) {
		a.message(w, r, nil, http.StatusNotFound, msg{Heading: "页面不存在", Lines: []string{"您打开的地址不存在，可能链接已过时。"}, Links: homeLink})
	})
	a.mux = m
}

func (a *App) now() time.Time {
	if a.st.Now != nil {
		return a.st.Now()
	}
	return time.Now()
}

func (a *App) loc() *time.Location {
	if a.cfg.Location != nil {
		return a.cfg.Location
	}
	return time.Local
}

type ctxKey int

const nonceKey ctxKey = iota

// ServeHTTP serves the page with headers that keep it to itself: no
// framing, no other origin's scripts or styles (the one inline script and
// style carry this response's nonce), no referrer to other sites (with
// "no-referrer" browsers would send Origin: null on the page's own forms,
// which sameOrigin refuses), no caching.
func (a *App) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	nonce := randomToken(16)
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'nonce-"+nonce+"'; script-src 'nonce-"+nonce+
		"'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "same-origin")
	h.Set("Cache-Control", "no-store")
	r = r.WithContext(context.WithValue(r.Context(), nonceKey, nonce))
	if !a.cfg.App.Enabled() {
		a.message(w, r, nil, http.StatusServiceUnavailable, msg{Heading: "页面尚未启用",
			Lines: []string{"本应用的网页尚未配置（管理员需设置 app.base_url，并在企业微信管理后台设置可信域名）。请联系" + a.contact() + "。"}})
		return
	}
	a.mux.ServeHTTP(w, r)
}

func (a *App) contact() string {
	if c := a.cfg.People.Contact; c != "" {
		return c
	}
	return "司法局应诉专班的管理员"
}

// request is a signed-in person's request.
type request struct {
	ss     session
	person *people.Person
	// form holds the fields of a url-encoded POST; mr reads the parts of a
	// multipart POST after the csrf field.
	form url.Values
	mr   *multipart.Reader
}

func (rq *request) entry(action, kind string) audit.Entry {
	return audit.Entry{User: rq.person.UserID, Name: rq.person.Name, Role: string(rq.person.Role), Action: action, Kind: kind}
}

// maxFormBytes caps a POST that carries no file.
const maxFormBytes = 64 << 10

// authed runs h for a signed-in person in the directory. Without a valid
// session a GET goes through 网页授权 and back; a POST is refused (its
// form is not replayed). A POST must come from this page: the first field
// is the session's csrf token (checked before any file is read), and a
// browser's Origin, when sent, must be the page's own.
func (a *App) authed(h func(http.ResponseWriter, *http.Request, *request)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ss, err := a.sessionOf(r)
		if err != nil {
			if r.Method == http.MethodGet {
				a.startLogin(w, r, r.URL.RequestURI())
				return
			}
			a.message(w, r, nil, http.StatusUnauthorized, msg{Heading: "请重新打开页面",
				Lines: []string{"您尚未登录或登录已过期，刚才的操作没有执行。请点击下方按钮重新进入（在企业微信中打开会自动识别身份）。"},
				Links: []link{{URL: "/app/login", Text: "重新进入"}}})
			return
		}
		p, err := a.st.LookupPerson(r.Context(), ss.User)
		if err != nil {
			a.internal(w, r, nil, err)
			return
		}
		if p == nil {
			a.refuseUnknown(w, r, ss.User)
			return
		}
		rq := &request{ss: ss, person: p}
		if r.Method == http.MethodPost {
			if !a.sameOrigin(r) {
				a.forbidden(w, r, rq, "csrf", "请求不是从本页面发出的，已拒绝。请回到页面重新操作。")
				return
			}
			ok, err := a.readCSRF(w, r, rq)
			if err != nil || !ok {
				a.forbidden(w, r, rq, "csrf", "页面已过期或不是从本页面提交的（校验码不符），刚才的操作没有执行。请返回页面刷新后重试。")
				return
			}
		}
		h(w, r, rq)
	}
}

func (a *App) sessionOf(r *http.Request) (session, error) {
	c, err := r.Cookie(sessionCookie)
	if err != nil {
		return session{}, errNoSession
	}
	return a.sign.decodeSession(c.Value, a.now())
}

// sameOrigin: a browser says where a form came from (Origin, and
// Sec-Fetch-Site in newer ones); a POST from another site is refused even
// before its token is looked at.
func (a *App) sameOrigin(r *http.Request) bool {
	if r.Header.Get("Sec-Fetch-Site") == "cross-site" {
		return false
	}
	o := r.Header.Get("Origin")
	return o == "" || o == a.cfg.App.BaseURL
}

// readCSRF reads the csrf field of a POST and checks it.
func (a *App) readCSRF(w http.ResponseWriter, r *http.Request, rq *request) (bool, error) {
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if ct == "multipart/form-data" {
		// The largest file any form takes; each handler checks its own
		// (and refuses a body announced larger than that before reading).
		bodyLimit(w, r, a.maxUpload())
		mr, err := r.MultipartReader()
		if err != nil {
			return false, err
		}
		part, err := mr.NextPart()
		if err != nil {
			return false, err
		}
		defer part.Close()
		if part.FormName() != "csrf" || part.FileName() != "" {
			return false, nil
		}
		tok, err := io.ReadAll(io.LimitReader(part, 256))
		if err != nil {
			return false, err
		}
		rq.mr = mr
		return a.sign.checkCSRF(rq.ss, string(tok)), nil
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
	if err := r.ParseForm(); err != nil {
		return false, err
	}
	rq.form = r.PostForm
	return a.sign.checkCSRF(rq.ss, r.PostForm.Get("csrf")), nil
}

// maxUpload is the largest body a multipart form may have: a ledger, or a
// decision (read up to twice its limit, so that the attach service can
// say how large an oversize file is).
func (a *App) maxUpload() int64 {
	return max(a.cfg.App.MaxLedgerBytes, 2*a.maxDecision(), a.maxRectifyBody())
}

func (a *App) maxDecision() int64 {
	if n := a.cfg.Explain.MaxDocumentBytes; n > 0 {
		return n
	}
	return config.DefaultExplain().MaxDocumentBytes
}

// errTooLarge is a file beyond its limit.
var errTooLarge = errors.New("file too large")

// uploaded is the file of a multipart POST and its other fields.
type uploaded struct {
	// Name and Data are the file of the field "file".
	Name   string
	Data   []byte
	Fields url.Values
	// Files are every file sent, in order, whatever its field.
	Files []formFile
}

// formFile is one file of a multipart POST.
type formFile struct {
	Field, Name string
	Data        []byte
}

// readFile reads the rest of a multipart POST: small fields and the files
// (the one of field "file" in Name and Data), each of at most limit bytes
// (errTooLarge beyond, with Name the file's).
func (rq *request) readFile(limit int64) (*uploaded, error) {
	if rq.mr == nil {
		return nil, errors.New("not a multipart form")
	}
	up := &uploaded{Fields: url.Values{}}
	for {
		part, err := rq.mr.NextPart()
		if errors.Is(err, io.EOF) {
			return up, nil
		}
		if err != nil {
			return nil, err
		}
		name := part.FormName()
		if part.FileName() != "" {
			b, err := io.ReadAll(io.LimitReader(part, limit+1))
			part.Close()
			if err != nil {
				return nil, err
			}
			if int64(len(b)) > limit {
				up.Name = part.FileName()
				return up, errTooLarge
			}
			up.Files = append(up.Files, formFile{Field: name, Name: part.FileName(), Data: b})
			if name == "file" {
				up.Name, up.Data = part.FileName(), b
			}
			continue
		}
		v, err := io.ReadAll(io.LimitReader(part, 4<<10))
		part.Close()
		if err != nil {
			return nil, err
		}
		up.Fields.Add(name, string(v))
	}
}

// bodyLimit caps a request body: the file's limit, its form fields and
// the multipart framing.
func bodyLimit(w http.ResponseWriter, r *http.Request, limit int64) {
	r.Body = http.MaxBytesReader(w, r.Body, limit+maxFormBytes)
	// A large file over a phone network takes longer than the server's
	// default read timeout allows a request; the processing too.
	rc := http.NewResponseController(w)
	rc.SetReadDeadline(time.Now().Add(5 * time.Minute))
	rc.SetWriteDeadline(time.Now().Add(5 * time.Minute))
}

// Rendering.

type link struct {
	URL, Text string
	Secondary bool
}

var homeLink = []link{{URL: "/app/", Text: "返回首页"}}

// msg is the data of the message page.
type msg struct {
	Heading string
	Lines   []string
	Error   string
	Success string
	Links   []link
}

// pageData is what every page template gets.
type pageData struct {
	Title  string
	Person *people.Person
	CSRF   string
	Nonce  string
	Data   any
}

// render writes a page; the template is executed into a buffer first, so a
// failing template never sends half a page.
func (a *App) render(w http.ResponseWriter, r *http.Request, rq *request, status int, name, title string, data any) {
	t, ok := a.pages[name]
	if !ok {
		panic("webapp: no template " + name)
	}
	pd := pageData{Title: title, Data: data}
	pd.Nonce, _ = r.Context().Value(nonceKey).(string)
	if rq != nil {
		pd.Person, pd.CSRF = rq.person, a.sign.csrf(rq.ss)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", pd); err != nil {
		a.log.Error("app page: template failed", "page", name, "err", err)
		http.Error(w, pageErrorMessage, http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

func (a *App) message(w http.ResponseWriter, r *http.Request, rq *request, status int, m msg) {
	a.render(w, r, rq, status, "message", m.Heading, m)
}

// userError shows a *bot.Error's message, or the generic one for anything
// else (logged for operators).
func (a *App) userError(w http.ResponseWriter, r *http.Request, rq *request, heading string, err error, links []link) {
	var ue *bot.Error
	if !errors.As(err, &ue) {
		a.internal(w, r, rq, err)
		return
	}
	status := http.StatusBadRequest
	switch ue.Code {
	case bot.ENotFound:
		status = http.StatusNotFound
	case bot.EForbidden:
		status = http.StatusForbidden
	}
	a.message(w, r, rq, status, msg{Heading: heading, Error: ue.Message, Links: links})
}

func (a *App) internal(w http.ResponseWriter, r *http.Request, rq *request, err error) {
	attrs := []any{"path", r.URL.Path, "err", err}
	if rq != nil {
		attrs = append(attrs, "user", rq.person.UserID)
	}
	a.log.Error("app page failed", attrs...)
	a.message(w, r, rq, http.StatusInternalServerError, msg{Heading: "暂时无法完成", Error: pageErrorMessage, Links: homeLink})
}

// pageErrorMessage is the page's bot.GenericErrorMessage: what failed is an
// action on a page, not a chat message.
const pageErrorMessage = "抱歉，系统暂时出了点问题，刚才的操作没能完成，请稍后再试一次。如急需处理，请联系司法局应诉专班。"

// forbidden refuses an action and audits the refusal.
func (a *App) forbidden(w http.ResponseWriter, r *http.Request, rq *request, kind, text string) {
	e := rq.entry(audit.Refused, "app-"+kind)
	e.Text = r.Method + " " + r.URL.Path
	e.Detail = text
	if err := a.audit.Record(r.Context(), e); err != nil {
		a.log.Error("app page: refusal not audited", "user", rq.person.UserID, "err", err)
	}
	a.message(w, r, rq, http.StatusForbidden, msg{Heading: "无法办理", Error: text, Links: homeLink})
}

// refuseUnknown answers someone WeCom knows but the directory does not.
func (a *App) refuseUnknown(w http.ResponseWriter, r *http.Request, userID string) {
	e := audit.Entry{User: userID, Action: audit.Refused, Kind: "app-unknown-user", Text: r.Method + " " + r.URL.Path}
	if err := a.audit.Record(r.Context(), e); err != nil {
		a.log.Error("app page: refusal not audited", "user", userID, "err", err)
	}
	a.setCookie(w, sessionCookie, "", -1)
	a.message(w, r, nil, http.StatusForbidden, msg{Heading: "暂无使用权限", Lines: []string{
		fmt.Sprintf("您好！您的企业微信账号（%s）还没有登记在本机器人的人员名单中，暂时无法使用本页面。", userID),
		fmt.Sprintf("如需开通，请联系%s，告知您的账号 %s、姓名、所在单位和岗位，登记后即可使用。", a.contact(), userID),
	}})
}

// record audits an action; a failure is logged (the action happened).
func (a *App) record(ctx context.Context, e audit.Entry) {
	if err := a.audit.Record(ctx, e); err != nil {
		a.log.Error("app page: action not audited", "user", e.User, "kind", e.Kind, "err", err)
	}
}
