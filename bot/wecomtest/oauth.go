package wecomtest

import (
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"time"
)

// 网页授权 (OAuth2, snsapi_base) as WeCom does it, for the app's web page:
// the authorize page at AuthorizePath checks the app and sends the browser
// back to redirect_uri with a one-time code and the state it was given;
// auth/getuserinfo turns the code into the member's userid, once, within
// five minutes.
//
// Who the browser belongs to is the fake's choice, since no WeCom client
// is signed in: the member SignIn named (the demo's sandbox signs in the
// person it acts as), or a userid query parameter on the authorize URL (a
// fake-only shortcut for tests and curl), or else the authorize page asks.

// AuthorizePath is the path of the authorize page under the fake's root,
// as under https://open.weixin.qq.com.
const AuthorizePath = "/connect/oauth2/authorize"

// OAuthCodeTTL is how long a code is good for (WeCom: five minutes).
const OAuthCodeTTL = 5 * time.Minute

type oauthState struct {
	signedIn string
	outsider bool
	codes    map[string]*oauthCode
	// trusted is the app's 可信域名; "" accepts any redirect host.
	trusted string
}

type oauthCode struct {
	user     string
	outsider bool
	issued   time.Time
	used     bool
}

// SignIn makes userID the member whose WeCom client opens pages from now
// on: the authorize page issues codes for them.
func (s *Server) SignIn(userID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.init()
	s.oauth.signedIn, s.oauth.outsider = userID, false
}

// SignInOutsider makes the next pages opened by someone who is not a
// member of the corp (a WeChat user): getuserinfo answers an openid.
func (s *Server) SignInOutsider(openID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.init()
	s.oauth.signedIn, s.oauth.outsider = openID, true
}

// SignedIn returns the member SignIn named, or "".
func (s *Server) SignedIn() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.oauth.signedIn
}

// TrustDomain sets the app's 可信域名: the authorize page refuses a
// redirect_uri on any other host, as WeCom does. "" accepts any.
func (s *Server) TrustDomain(host string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.init()
	s.oauth.trusted = host
}

// authorize serves the authorize page.
func (s *Server) authorize(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	s.mu.Lock()
	s.init()
	s.requests["oauth2/authorize"]++
	trusted := s.oauth.trusted
	signedIn, outsider := s.oauth.signedIn, s.oauth.outsider
	s.mu.Unlock()

	redirect, err := url.Parse(q.Get("redirect_uri"))
	switch {
	case q.Get("appid") != s.CorpID:
		authorizeError(w, "appid 参数错误")
		return
	case q.Get("response_type") != "code":
		authorizeError(w, "response_type 参数错误")
		return
	case q.Get("scope") != "snsapi_base" && q.Get("scope") != "snsapi_privateinfo":
		authorizeError(w, "scope 参数错误")
		return
	case q.Has("agentid") && q.Get("agentid") != strconv.Itoa(s.AgentID):
		authorizeError(w, "agentid 参数错误")
		return
	case err != nil || (redirect.Scheme != "http" && redirect.Scheme != "https") || redirect.Host == "":
		authorizeError(w, "redirect_uri 参数错误")
		return
	case trusted != "" && redirect.Hostname() != trusted:
		authorizeError(w, "redirect_uri 需使用应用可信域名")
		return
	case len(q.Get("state")) > 128:
		authorizeError(w, "state 参数错误")
		return
	}
	user := q.Get("userid")
	if user != "" {
		outsider = false
	} else {
		user = signedIn
	}
	if user == "" {
		s.pickMember(w, r)
		return
	}
	code := randomID(32)
	s.mu.Lock()
	s.oauth.codes[code] = &oauthCode{user: user, outsider: outsider, issued: s.now()}
	s.mu.Unlock()
	back := redirect.Query()
	back.Set("code", code)
	back.Set("state", q.Get("state"))
	redirect.RawQuery = back.Encode()
	http.Redirect(w, r, redirect.String(), http.StatusFound)
}

func authorizeError(w http.ResponseWriter, msg string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusOK) // WeCom shows its error page with 200
	fmt.Fprintf(w, "<!doctype html><meta charset=utf-8><title>出错了</title><p>%s</p>", template.HTMLEscapeString(msg))
}

var pickPage = template.Must(template.New("pick").Parse(`<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>模拟企业微信 · 选择成员</title></head>
<body style="font-family:sans-serif;max-width:32em;margin:2em auto;padding:0 1em">
<h1 style="font-size:1.2em">模拟企业微信</h1>
<p>这是演示与测试用的模拟企业微信，没有登录的成员。请填写以哪位成员的身份打开应用页面（账号即通讯录中的 userid）：</p>
<form method="get" action="">
{{range $k, $vs := .Params}}{{range $vs}}<input type="hidden" name="{{$k}}" value="{{.}}">{{end}}{{end}}
<p><input name="userid" list="members" required autofocus style="font-size:1em;width:100%"></p>
<datalist id="members">{{range .Members}}<option value="{{.}}">{{end}}</datalist>
<p><button type="submit" style="font-size:1em">以该成员身份打开</button></p>
</form></body></html>`))

// pickMember asks which member opens the page.
func (s *Server) pickMember(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	var members []string
	for u := range s.Users {
		members = append(members, u)
	}
	s.mu.Unlock()
	sort.Strings(members)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	pickPage.Execute(w, map[string]any{"Params": r.URL.Query(), "Members": members})
}

// getUserInfo serves auth/getuserinfo: a code good once, for five minutes.
func (s *Server) getUserInfo(w http.ResponseWriter, r *http.Request, _ []byte) {
	code := r.URL.Query().Get("code")
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.oauth.codes[code]
	if !ok || c.used || s.now().Sub(c.issued) > OAuthCodeTTL {
		answer(w, errAnswer(40029, "invalid code"))
		return
	}
	c.used = true
	if c.outsider {
		answer(w, map[string]any{"errcode": 0, "errmsg": "ok", "openid": c.user})
		return
	}
	answer(w, map[string]any{"errcode": 0, "errmsg": "ok", "userid": c.user})
}
