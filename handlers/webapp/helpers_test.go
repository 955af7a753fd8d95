package webapp_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"html"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"casebot/bot/audit"
	"casebot/bot/explain"
	"casebot/bot/keys"
	"casebot/bot/ledger"
	"casebot/bot/people"
	"casebot/bot/redistest"
	"casebot/bot/store"
	"casebot/bot/wecom"
	"casebot/bot/wecomtest"
	"casebot/config"
	"casebot/handlers/webapp"
	"casebot/reminders"
)

var shanghai = func() *time.Location {
	l, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		panic(err)
	}
	return l
}()

// epoch is the tests' "now": a Tuesday morning.
var epoch = time.Date(2026, 9, 1, 10, 0, 0, 0, shanghai)

// env is the page on a test server, with a real Redis, the fake WeCom
// for 网页授权 and messages, and a simulated clock.
type env struct {
	t      testing.TB
	cfg    *config.Config
	rdb    redis.UniversalClient
	k      keys.Keys
	st     *store.Store
	clock  *wecomtest.Clock
	fake   *wecomtest.Server
	api    *httptest.Server
	sender *wecom.Sender
	ex     *explain.Service
	rs     *reminders.Service
	app    *webapp.App
	srv    *httptest.Server
}

// The people of the tests' directory.
var directory = []*people.Person{
	{UserID: "zb", Name: "专班甲", Role: people.Staff},
	{UserID: "admin", Name: "管理员乙", Role: people.Admin},
	{UserID: "fz", Name: "负责人丙", Role: people.Head, Agency: "某县市场监督管理局", Post: "局长"},
	{UserID: "cb", Name: "承办人丁", Role: people.Handler, Agency: "某县市场监督管理局"},
	{UserID: "cb2", Name: "承办人戊", Role: people.Handler, Agency: "某县人力资源和社会保障局"},
	{UserID: "pf", Name: "普法己", Role: people.Pufa},
}

// seedCSV is the tests' ledger: three closed cases (201 of the 市监局,
// 202 and 203 of the 人社局) and an open one (204) with a hearing ahead.
const seedCSV = `案号,案件类型,原告,被告,案由,承办法院,立案日期,审理阶段,开庭时间,开庭地点,结案日期,结案方式
(2026)黔0115行初201号,行政诉讼,罗某某,某县市场监督管理局,行政处罚,某县人民法院,2026-04-02,一审,2026-05-19 09:30,第一法庭,2026-06-08,判决撤销
(2026)黔0115行初202号,行政诉讼,陆某甲,某县人力资源和社会保障局,工伤认定,某县人民法院,2026-02-10,一审,,,2026-07-02,判决撤销
(2026)黔0115行初203号,行政诉讼,陆某乙,某县人力资源和社会保障局,工伤认定,某县人民法院,2026-02-10,一审,,,2026-07-02,判决撤销
(2026)黔0115行初204号,行政诉讼,某某餐饮有限公司,某县市场监督管理局,行政处罚,某县人民法院,2026-08-03,一审,2026-09-15 09:30,第二法庭,,
`

// newEnv builds the env; opts adjust the configuration before anything
// is built from it.
func newEnv(t testing.TB, opts ...func(*config.Config)) *env {
	t.Helper()
	rdb, k := redistest.New(t)
	e := &env{t: t, rdb: rdb, k: k, clock: wecomtest.NewClock(epoch)}
	cfg := config.MustDefault()
	cfg.Redis.Prefix = "unused" // the store's keys are k's
	cfg.WeCom = config.WeCom{CorpID: "ww_webapp_test", AgentID: 1000002, Secret: "webapp-test-secret"}
	e.fake = wecomtest.New(cfg.WeCom.CorpID, cfg.WeCom.Secret, cfg.WeCom.AgentID)
	e.fake.Now = e.clock.Now
	e.api = httptest.NewServer(e.fake)
	t.Cleanup(e.api.Close)
	cfg.WeCom.APIBase, cfg.App.OAuthBase = e.api.URL, e.api.URL
	cfg.App.MaxLedgerBytes = 256 << 10
	cfg.Explain.MaxDocumentBytes = 128 << 10
	cfg.Rectify.MaxFileBytes = 64 << 10
	for _, o := range opts {
		o(cfg)
	}
	e.cfg = cfg

	e.st = store.New(rdb, k)
	e.st.Now = e.clock.Now
	ctx := context.Background()
	if err := e.st.PutPeople(ctx, directory); err != nil {
		t.Fatal(err)
	}
	e.importCSV(seedCSV)

	e.sender = wecom.NewSender(cfg.WeCom, cfg.Sender, rdb, k, wecom.Options{Clock: e.clock,
		Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	ex, err := explain.New(cfg, e.st, e.sender, nil)
	if err != nil {
		t.Fatal(err)
	}
	e.ex = ex

	mux := http.NewServeMux()
	e.srv = httptest.NewServer(mux)
	t.Cleanup(e.srv.Close)
	cfg.App.BaseURL = e.srv.URL
	if e.rs, err = reminders.New(cfg, e.st, e.sender); err != nil {
		t.Fatal(err)
	}
	e.rs.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	e.app, err = webapp.New(webapp.Deps{Config: cfg, Store: e.st, Sender: e.sender, OAuth: e.sender.OAuth(cfg.App.OAuthBase),
		Explain: ex, Rectify: e.rs, Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	mux.Handle("/app/", e.app)
	return e
}

func (e *env) importCSV(csv string) *ledger.Result {
	e.t.Helper()
	l, err := ledger.Read("seed.csv", []byte(csv), ledger.ReadOptions{Location: shanghai})
	if err != nil || len(l.Errors) > 0 {
		e.t.Fatalf("seed ledger: %v %v", err, l.Errors)
	}
	res, err := ledger.Import(context.Background(), e.st, l, ledger.Options{Now: e.clock.Now(), Force: true})
	if err != nil {
		e.t.Fatal(err)
	}
	return res
}

// client is a browser: a cookie jar, following redirects (to the fake's
// authorize page and back).
type client struct {
	e    *env
	hc   *http.Client
	csrf string
}

func (e *env) browser() *client {
	jar, _ := cookiejar.New(nil)
	return &client{e: e, hc: &http.Client{Jar: jar}}
}

// signIn opens the page as user, through 网页授权, and keeps its form token.
func (e *env) signIn(user string) *client {
	e.t.Helper()
	e.fake.SignIn(user)
	c := e.browser()
	r := c.get("/app/")
	if r.status != http.StatusOK || !strings.Contains(r.body, "您好") {
		e.t.Fatalf("sign-in as %s: %d %s", user, r.status, r.text())
	}
	if m := regexp.MustCompile(`<meta name="csrf-token" content="([^"]+)">`).FindStringSubmatch(r.body); m != nil {
		c.csrf = m[1]
	}
	if c.csrf == "" {
		e.t.Fatalf("no form token on the home page of %s", user)
	}
	return c
}

type response struct {
	status int
	body   string
	header http.Header
	url    *url.URL
}

// text is the page's visible text, roughly: tags stripped, entities read.
func (r response) text() string {
	s := regexp.MustCompile(`(?s)<style.*?</style>|<script.*?</script>`).ReplaceAllString(r.body, "")
	s = regexp.MustCompile(`<[^>]+>`).ReplaceAllString(s, " ")
	return strings.Join(strings.Fields(html.UnescapeString(s)), " ")
}

func (c *client) do(req *http.Request) response {
	c.e.t.Helper()
	resp, err := c.hc.Do(req)
	if err != nil {
		c.e.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return response{status: resp.StatusCode, body: string(b), header: resp.Header, url: resp.Request.URL}
}

func (c *client) get(path string) response {
	req, _ := http.NewRequest(http.MethodGet, c.e.srv.URL+path, nil)
	return c.do(req)
}

// post sends a form, with the client's token unless vals has one.
func (c *client) post(path string, vals url.Values) response {
	if !vals.Has("csrf") {
		vals.Set("csrf", c.csrf)
	}
	req, _ := http.NewRequest(http.MethodPost, c.e.srv.URL+path, strings.NewReader(vals.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return c.do(req)
}

// upload sends a file as the page's forms do: the token first, then the
// other fields, then the file.
func (c *client) upload(path, csrf, name string, data []byte, fields map[string]string) response {
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	w.WriteField("csrf", csrf)
	for k, v := range fields {
		w.WriteField(k, v)
	}
	if name != "" {
		fw, _ := w.CreateFormFile("file", name)
		fw.Write(data)
	}
	w.Close()
	req, _ := http.NewRequest(http.MethodPost, c.e.srv.URL+path, &b)
	req.Header.Set("Content-Type", w.FormDataContentType())
	return c.do(req)
}

// part is one file of a multipart form.
type part struct {
	field, name string
	data        []byte
}

// uploadParts sends a form with several files, as a page with more than
// one file input does.
func (c *client) uploadParts(path string, fields map[string]string, parts ...part) response {
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	w.WriteField("csrf", c.csrf)
	for k, v := range fields {
		w.WriteField(k, v)
	}
	for _, p := range parts {
		fw, _ := w.CreateFormFile(p.field, p.name)
		fw.Write(p.data)
	}
	w.Close()
	req, _ := http.NewRequest(http.MethodPost, c.e.srv.URL+path, &b)
	req.Header.Set("Content-Type", w.FormDataContentType())
	return c.do(req)
}

// field returns the value of the first hidden input named name.
func field(body, name string) string {
	m := regexp.MustCompile(`name="` + regexp.QuoteMeta(name) + `" value="([^"]*)"`).FindStringSubmatch(body)
	if m == nil {
		return ""
	}
	return html.UnescapeString(m[1])
}

// texts returns the text messages delivered to user.
func (e *env) texts(user string) []string {
	var out []string
	for _, m := range e.fake.Delivered(user, 0) {
		if m.MsgType == "text" {
			out = append(out, m.Content)
		}
	}
	return out
}

// auditEntries returns the audit log.
func (e *env) auditEntries() []audit.Entry {
	e.t.Helper()
	l := audit.New(e.rdb, e.k, 1000)
	es, err := l.List(context.Background(), audit.Filter{})
	if err != nil {
		e.t.Fatal(err)
	}
	return es
}

// uploadsStaged counts the files waiting on the server.
func (e *env) uploadsStaged() int {
	e.t.Helper()
	keys, err := e.rdb.Keys(context.Background(), e.k.AppUpload("*", "*")).Result()
	if err != nil {
		e.t.Fatal(err)
	}
	return len(keys)
}

func mustRead(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func has(t testing.TB, r response, wants ...string) {
	t.Helper()
	txt := r.text()
	for _, w := range wants {
		if !strings.Contains(txt, w) {
			t.Errorf("page (%d) lacks %q:\n%s", r.status, w, txt)
		}
	}
}

func b64(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }
