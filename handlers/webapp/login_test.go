package webapp_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"

	"casebot/bot/audit"
	"casebot/bot/wecomtest"
	"casebot/handlers/webapp"
)

// noRedirects is a browser that stops at each redirect, to look at it.
func noRedirects(c *client) *client {
	c.hc.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return c
}

func TestSignInThroughWeComOAuth(t *testing.T) {
	e := newEnv(t)
	c := noRedirects(e.browser())
	e.fake.SignIn("zb")
	r := c.get("/app/ledger")
	if r.status != http.StatusFound {
		t.Fatalf("page without a session answered %d, want a redirect to WeCom", r.status)
	}
	au, _ := url.Parse(r.header.Get("Location"))
	q := au.Query()
	if au.Path != wecomtest.AuthorizePath || q.Get("appid") != e.cfg.WeCom.CorpID || q.Get("scope") != "snsapi_base" ||
		q.Get("redirect_uri") != e.srv.URL+"/app/oauth" || q.Get("agentid") != "1000002" || q.Get("state") == "" {
		t.Fatalf("redirected to %s", au)
	}
	// The state cookie is HttpOnly, Lax, and limited to the page.
	sc := r.header.Values("Set-Cookie")
	if len(sc) != 1 || !strings.Contains(sc[0], "HttpOnly") || !strings.Contains(sc[0], "SameSite=Lax") || !strings.Contains(sc[0], "Path=/app/") {
		t.Errorf("state cookie: %q", sc)
	}
	// WeCom sends the browser back with a code; the page exchanges it,
	// sets the session and returns to where the user was going.
	back := c.do(mustReq(t, http.MethodGet, r.header.Get("Location")))
	if back.status != http.StatusFound {
		t.Fatalf("authorize answered %d", back.status)
	}
	r = c.do(mustReq(t, http.MethodGet, back.header.Get("Location")))
	if r.status != http.StatusFound || r.header.Get("Location") != "/app/ledger" {
		t.Fatalf("callback answered %d to %q", r.status, r.header.Get("Location"))
	}
	var session string
	for _, v := range r.header.Values("Set-Cookie") {
		if strings.HasPrefix(v, "casebot_app=") {
			session = v
		}
	}
	for _, want := range []string{"HttpOnly", "SameSite=Lax", "Path=/app/", "Max-Age=3600"} {
		if !strings.Contains(session, want) {
			t.Errorf("session cookie %q lacks %s", session, want)
		}
	}
	if strings.Contains(session, "Secure") {
		t.Errorf("session cookie over http is Secure (the browser would drop it): %q", session)
	}
	r = c.get("/app/ledger")
	has(t, r, "写入台账", "专班甲")
	found := false
	for _, en := range e.auditEntries() {
		found = found || (en.Action == "login" && en.User == "zb")
	}
	if !found {
		t.Error("sign-in not audited")
	}
}

func mustReq(t testing.TB, method, u string) *http.Request {
	t.Helper()
	req, err := http.NewRequest(method, u, nil)
	if err != nil {
		t.Fatal(err)
	}
	return req
}

// A code WeCom issued comes back with a state the browser never sent
// (or with no state cookie at all: a link someone else made): refused,
// no session.
func TestBadStateIsRefused(t *testing.T) {
	e := newEnv(t)
	e.fake.SignIn("zb")
	code := func() string {
		au := e.sender.OAuth(e.api.URL).AuthorizeURL(e.srv.URL+"/app/oauth", "elsewhere")
		resp, err := (&http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}).Get(au)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		loc, _ := url.Parse(resp.Header.Get("Location"))
		return loc.Query().Get("code")
	}
	for name, prepare := range map[string]func(c *client) string{
		"no state cookie": func(c *client) string { return "elsewhere" },
		"state differs": func(c *client) string {
			c.get("/app/login") // sets a state cookie of its own
			return "elsewhere"
		},
		"no state": func(c *client) string {
			c.get("/app/login")
			return ""
		},
	} {
		t.Run(name, func(t *testing.T) {
			c := noRedirects(e.browser())
			state := prepare(c)
			r := c.get("/app/oauth?code=" + code() + "&state=" + state)
			if r.status != http.StatusBadRequest {
				t.Fatalf("callback answered %d, want 400", r.status)
			}
			has(t, r, "登录校验未通过")
			for _, v := range r.header.Values("Set-Cookie") {
				if strings.HasPrefix(v, "casebot_app=") {
					t.Errorf("a session was set: %s", v)
				}
			}
			if r := c.get("/app/"); r.status != http.StatusFound {
				t.Errorf("after the refused callback the page answered %d, want a redirect to sign in", r.status)
			}
		})
	}
}

func TestBadCodeAndOutsider(t *testing.T) {
	e := newEnv(t)
	c := e.browser()
	e.fake.SignInOutsider("oWeChatSomeone")
	r := c.get("/app/")
	if r.status != http.StatusForbidden {
		t.Errorf("outsider: %d", r.status)
	}
	has(t, r, "仅供本单位企业微信成员使用")

	// A member WeCom knows whom the directory does not: refused, audited.
	e.fake.SignIn("stranger")
	r = e.browser().get("/app/")
	if r.status != http.StatusForbidden {
		t.Errorf("stranger: %d", r.status)
	}
	has(t, r, "stranger", "还没有登记")
	refused := false
	for _, en := range e.auditEntries() {
		refused = refused || (en.Action == audit.Refused && en.User == "stranger")
	}
	if !refused {
		t.Error("refusal of a stranger not audited")
	}
}

func TestMissingExpiredOrForgedSession(t *testing.T) {
	e := newEnv(t)
	c := noRedirects(e.signIn("zb"))
	u, _ := url.Parse(e.srv.URL + "/app/")
	var good *http.Cookie
	for _, ck := range c.hc.Jar.Cookies(u) {
		if ck.Name == "casebot_app" {
			good = ck
		}
	}
	if good == nil {
		t.Fatal("no session cookie")
	}
	parts := strings.Split(good.Value, ".")
	forge := func(user string) string {
		p := append([]string(nil), parts...)
		p[1] = strings.TrimRight(b64(user), "=")
		return strings.Join(p, ".")
	}
	for name, value := range map[string]string{
		"missing":           "",
		"garbage":           "not-a-session",
		"other user":        forge("admin"),
		"signature cut":     good.Value[:len(good.Value)-4],
		"expiry extended":   strings.Join(append(append([]string(nil), parts[:2]...), "9999999999", parts[3], parts[4]), "."),
		"no version prefix": strings.TrimPrefix(good.Value, "v1."),
	} {
		t.Run(name, func(t *testing.T) {
			b := noRedirects(e.browser())
			if value != "" {
				b.hc.Jar.SetCookies(u, []*http.Cookie{{Name: "casebot_app", Value: value, Path: "/app/"}})
			}
			if r := b.get("/app/ledger"); r.status != http.StatusFound || !strings.Contains(r.header.Get("Location"), wecomtest.AuthorizePath) {
				t.Errorf("GET answered %d to %q, want a redirect to sign in", r.status, r.header.Get("Location"))
			}
			r := b.upload("/app/ledger", c.csrf, "台账.csv", []byte(seedCSV), nil)
			if r.status != http.StatusUnauthorized {
				t.Errorf("POST answered %d, want 401", r.status)
			}
			has(t, r, "刚才的操作没有执行")
		})
	}
	if n := e.uploadsStaged(); n != 0 {
		t.Errorf("%d uploads staged without a session", n)
	}
	// The real session works until it expires.
	if r := c.get("/app/ledger"); r.status != http.StatusOK {
		t.Fatalf("signed in: %d", r.status)
	}
	e.clock.Advance(e.cfg.App.SessionTTL)
	if r := c.get("/app/ledger"); r.status != http.StatusFound {
		t.Errorf("after app.session_ttl: %d, want a redirect to sign in again", r.status)
	}
}

func TestFormTokenChecked(t *testing.T) {
	e := newEnv(t)
	c := e.signIn("zb")
	other := e.signIn("admin")
	for name, tok := range map[string]string{"missing": "", "wrong": "x" + c.csrf[1:], "another session's": other.csrf} {
		t.Run(name, func(t *testing.T) {
			r := c.upload("/app/ledger", tok, "台账.csv", []byte(seedCSV), nil)
			if r.status != http.StatusForbidden {
				t.Errorf("upload answered %d, want 403", r.status)
			}
			has(t, r, "校验码不符")
			r = c.post("/app/ledger/confirm", url.Values{"csrf": {tok}, "token": {"x"}})
			if r.status != http.StatusForbidden {
				t.Errorf("confirm answered %d, want 403", r.status)
			}
			r = c.post("/app/export/ledger", url.Values{"csrf": {tok}})
			if r.status != http.StatusForbidden {
				t.Errorf("export answered %d, want 403", r.status)
			}
		})
	}
	// The token must come first in a file form: after the file it is
	// never looked for (the file is not read without it).
	r := c.upload("/app/ledger", "", "台账.csv", []byte(seedCSV), map[string]string{"csrf": c.csrf})
	if r.status != http.StatusForbidden {
		t.Errorf("token after the file: %d", r.status)
	}
	// A form posted from another site.
	req := mustReq(t, http.MethodPost, e.srv.URL+"/app/export/ledger")
	req.Body = http.NoBody
	req.Header.Set("Origin", "https://evil.example")
	if r := c.do(req); r.status != http.StatusForbidden {
		t.Errorf("cross-origin POST answered %d", r.status)
	}
	// What browsers send on the page's own forms passes; Origin: null
	// (sent under a no-referrer policy, or from a sandboxed frame) not.
	for origin, want := range map[string]int{e.srv.URL: http.StatusOK, "null": http.StatusForbidden} {
		req := mustReq(t, http.MethodPost, e.srv.URL+"/app/ledger/undo")
		req.Body = io.NopCloser(strings.NewReader(url.Values{"csrf": {c.csrf}, "snapshot": {"none"}}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Origin", origin)
		req.Header.Set("Sec-Fetch-Site", "same-origin")
		if r := c.do(req); (r.status == http.StatusForbidden) != (want == http.StatusForbidden) {
			t.Errorf("Origin %s: %d", origin, r.status)
		}
	}
	if n := e.uploadsStaged(); n != 0 {
		t.Errorf("%d uploads staged", n)
	}
	if n := len(e.fake.Messages()); n != 0 {
		t.Errorf("%d messages sent", n)
	}
	refused := 0
	for _, en := range e.auditEntries() {
		if en.Action == audit.Refused && en.Kind == "app-csrf" {
			refused++
		}
	}
	if refused < 9 {
		t.Errorf("%d refusals audited, want every one", refused)
	}
}

func TestPageHeaders(t *testing.T) {
	e := newEnv(t)
	r := e.signIn("zb").get("/app/")
	csp := r.header.Get("Content-Security-Policy")
	for _, want := range []string{"default-src 'none'", "frame-ancestors 'none'", "form-action 'self'", "script-src 'nonce-"} {
		if !strings.Contains(csp, want) {
			t.Errorf("CSP %q lacks %s", csp, want)
		}
	}
	if r.header.Get("Cache-Control") != "no-store" || r.header.Get("Referrer-Policy") != "same-origin" {
		t.Errorf("headers: %v", r.header)
	}
	for _, ext := range []string{"<link ", "src=\"http", "href=\"http"} {
		if strings.Contains(r.body, ext) {
			t.Errorf("the page loads an external asset (%s)", ext)
		}
	}
}

func TestDomainVerifyFile(t *testing.T) {
	path := t.TempDir() + "/WW_verify_Ab12Cd34.txt"
	if err := os.WriteFile(path, []byte("Ab12Cd34verify"), 0o600); err != nil {
		t.Fatal(err)
	}
	pattern, h, err := webapp.DomainVerify(path)
	if err != nil || pattern != "GET /WW_verify_Ab12Cd34.txt" {
		t.Fatalf("DomainVerify = %q, %v", pattern, err)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/WW_verify_Ab12Cd34.txt", nil))
	if rec.Body.String() != "Ab12Cd34verify" {
		t.Errorf("served %q", rec.Body.String())
	}
	if _, _, err := webapp.DomainVerify(t.TempDir() + "/WW_verify_missing.txt"); err == nil || !strings.Contains(err.Error(), "app.domain_verify_file") {
		t.Errorf("missing file: %v", err)
	}
}

// A form's address opened by GET leads back to its form; an unknown
// address is a Chinese 页面不存在, not the library's English.
func TestFormAddressesOpenedByGet(t *testing.T) {
	e := newEnv(t)
	c := e.signIn("zb")
	for path, want := range map[string]string{"/app/ledger/confirm": "/app/ledger", "/app/ledger/undo": "/app/ledger",
		"/app/export/ledger": "/app/", "/app/decision/confirm": "/app/decision"} {
		r := c.get(path)
		if r.status != http.StatusOK || r.url.Path != want {
			t.Errorf("GET %s: %d at %s, want 200 at %s", path, r.status, r.url.Path, want)
		}
	}
	r := c.get("/app/nowhere")
	if r.status != http.StatusNotFound || !strings.Contains(r.text(), "页面不存在") {
		t.Errorf("unknown address: %d %.200s", r.status, r.text())
	}
	req, _ := http.NewRequest(http.MethodDelete, e.srv.URL+"/app/ledger", nil)
	if r := c.do(req); r.status == http.StatusMethodNotAllowed || !strings.Contains(r.text(), "页面") {
		t.Errorf("DELETE /app/ledger: %d %.200s", r.status, r.text())
	}
}
