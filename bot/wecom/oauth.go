package wecom

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// OAuth is WeCom 网页授权 for the app's own web page (the `/app/` page):
// the browser is sent to the authorize page, WeCom sends it back to the
// redirect URI with a one-time code, and the server exchanges the code for
// the member's userid (auth/getuserinfo). snsapi_base is silent: a member
// who opens the page inside WeCom is never asked anything.
//
// The redirect URI's domain must be the app's 可信域名; WeCom answers
// 50001 otherwise (reported in Health). The code is good once, for five
// minutes.
type OAuth struct {
	client  *Client
	corpID  string
	agentID int
	base    string
}

const apiGetUserInfo = "auth/getuserinfo"

// DefaultAuthorizeBase is the root of WeCom's authorize page.
const DefaultAuthorizeBase = "https://open.weixin.qq.com"

// OAuth returns the 网页授权 of the sender's app. authorizeBase is the root
// of the authorize page: DefaultAuthorizeBase, a private deployment's, or
// a fake's; "" means DefaultAuthorizeBase. The code is exchanged through
// the sender's client (its token, retries and errcode checks).
func (s *Sender) OAuth(authorizeBase string) *OAuth {
	if authorizeBase == "" {
		authorizeBase = DefaultAuthorizeBase
	}
	return &OAuth{client: s.client, corpID: s.client.corpID, agentID: s.agentID, base: trimBase(authorizeBase)}
}

// ValidState reports whether s can travel as the state parameter, which
// WeCom limits to a-zA-Z0-9, at most 128 bytes.
func ValidState(s string) bool {
	if s == "" || len(s) > 128 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// AuthorizeURL is the link that sends the browser to WeCom and back to
// redirectURI with ?code=CODE&state=STATE. The parameters are in the
// documented order (path/91022), ending with #wechat_redirect, which the
// WeCom client looks for.
func (o *OAuth) AuthorizeURL(redirectURI, state string) string {
	var b strings.Builder
	b.WriteString(o.base)
	b.WriteString("/connect/oauth2/authorize?appid=")
	b.WriteString(url.QueryEscape(o.corpID))
	b.WriteString("&redirect_uri=")
	b.WriteString(url.QueryEscape(redirectURI))
	b.WriteString("&response_type=code&scope=snsapi_base&state=")
	b.WriteString(url.QueryEscape(state))
	b.WriteString("&agentid=")
	b.WriteString(strconv.Itoa(o.agentID))
	b.WriteString("#wechat_redirect")
	return b.String()
}

// ErrNotMember means the code belongs to someone who is not a member of
// the corp (WeCom answered an openid, no userid).
var ErrNotMember = errors.New("wecom: the visitor is not a member of the corp")

// ErrBadCode means WeCom refused the code: used already, older than five
// minutes, or made up (40029).
var ErrBadCode = errors.New("wecom: invalid or expired oauth code")

type userInfoAnswer struct {
	UserID string `json:"userid"`
	OpenID string `json:"openid"`
}

// UserID exchanges a code for the member's userid.
func (o *OAuth) UserID(ctx context.Context, code string) (string, error) {
	if code == "" || len(code) > 512 {
		return "", ErrBadCode
	}
	var a userInfoAnswer
	err := o.client.call(ctx, apiGetUserInfo, func(tok string) (*http.Request, error) {
		return http.NewRequestWithContext(ctx, http.MethodGet,
			o.client.url(apiGetUserInfo, url.Values{"access_token": {tok}, "code": {code}}), nil)
	}, &a, nil)
	switch {
	case Code(err) == 40029:
		return "", ErrBadCode
	case err != nil:
		return "", err
	case a.UserID == "" && a.OpenID != "":
		return "", ErrNotMember
	case a.UserID == "":
		return "", &APIError{API: apiGetUserInfo, Status: http.StatusOK, Msg: "no userid in the answer"}
	}
	return a.UserID, nil
}
