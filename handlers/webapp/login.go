package webapp

import (
	"errors"
	"net/http"
	"net/url"

	"casebot/bot/audit"
	"casebot/bot/wecom"
)

// Signing in: the browser is sent to WeCom's authorize page with a fresh
// random state, which is also kept in a signed cookie; WeCom sends it back
// to /app/oauth with a code and the state. The state must match the
// cookie's: a code brought by a link someone else made (to sign the
// browser in as them) is refused. The code is exchanged once for the
// userid, and the session cookie is set.

// loginAction is the audit action of a sign-in.
const loginAction = "login"

// login always starts a fresh sign-in (the sandbox's switch of person,
// "重新进入" after an expired session).
func (a *App) login(w http.ResponseWriter, r *http.Request) {
	a.startLogin(w, r, r.URL.Query().Get("next"))
}

func (a *App) startLogin(w http.ResponseWriter, r *http.Request, next string) {
	st := oauthState{State: randomState(), Next: safeNext(next), Expires: a.now().Add(stateTTL)}
	a.setCookie(w, stateCookie, a.sign.encodeState(st), stateTTL)
	http.Redirect(w, r, a.oauth.AuthorizeURL(a.cfg.App.BaseURL+"/app/oauth", st.State), http.StatusFound)
}

func (a *App) oauthCallback(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	var st oauthState
	ok := false
	if c, err := r.Cookie(stateCookie); err == nil {
		st, ok = a.sign.decodeState(c.Value, a.now())
	}
	a.setCookie(w, stateCookie, "", -1) // a state is good for one return
	if !ok || q.Get("state") == "" || q.Get("state") != st.State {
		a.log.Warn("app page: sign-in refused: state does not match", "remote", r.RemoteAddr)
		a.message(w, r, nil, http.StatusBadRequest, msg{Heading: "登录校验未通过",
			Lines: []string{"这个登录链接已过期，或不是从本页面发起的，为了您的账号安全已停止登录。请点击下方按钮重新进入。"},
			Links: []link{{URL: loginLink(st.Next), Text: "重新进入"}}})
		return
	}
	code := q.Get("code")
	if code == "" {
		a.message(w, r, nil, http.StatusForbidden, msg{Heading: "未获得授权",
			Lines: []string{"企业微信没有提供您的身份信息，无法打开本页面。请在企业微信中打开本应用后再试。"}})
		return
	}
	user, err := a.oauth.UserID(r.Context(), code)
	switch {
	case errors.Is(err, wecom.ErrBadCode):
		a.message(w, r, nil, http.StatusBadRequest, msg{Heading: "登录已失效",
			Lines: []string{"登录码已使用过或已超过 5 分钟有效期。请点击下方按钮重新进入。"},
			Links: []link{{URL: loginLink(st.Next), Text: "重新进入"}}})
		return
	case errors.Is(err, wecom.ErrNotMember):
		a.message(w, r, nil, http.StatusForbidden, msg{Heading: "暂无使用权限",
			Lines: []string{"本页面仅供本单位企业微信成员使用，您当前的微信账号不在本单位通讯录中。"}})
		return
	case err != nil:
		a.log.Error("app page: code exchange failed", "err", err)
		a.message(w, r, nil, http.StatusBadGateway, msg{Heading: "暂时无法登录",
			Lines: []string{"暂时无法向企业微信确认您的身份，请稍后重新打开本页面。"},
			Links: []link{{URL: loginLink(st.Next), Text: "重新进入"}}})
		return
	}
	p, err := a.st.LookupPerson(r.Context(), user)
	if err != nil {
		a.internal(w, r, nil, err)
		return
	}
	if p == nil {
		a.refuseUnknown(w, r, user)
		return
	}
	ss := session{User: user, ID: randomToken(12), Expires: a.now().Add(a.cfg.App.SessionTTL)}
	a.setCookie(w, sessionCookie, a.sign.encodeSession(ss), a.cfg.App.SessionTTL)
	a.record(r.Context(), audit.Entry{User: p.UserID, Name: p.Name, Role: string(p.Role), Action: loginAction,
		Kind: "app", Text: st.Next, Detail: "网页授权登录，会话 " + ss.ID})
	http.Redirect(w, r, st.Next, http.StatusFound)
}

// loginLink signs in again and returns to next.
func loginLink(next string) string { return "/app/login?next=" + url.QueryEscape(safeNext(next)) }
