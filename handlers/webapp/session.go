package webapp

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"casebot/config"
)

// Who is using the page is kept in a cookie the server signs, not in a
// server-side session: the page needs nothing but the userid between
// requests, and the role is read from the directory on every action, so a
// person removed from the directory loses access at once even while their
// cookie lives. The cookie is HttpOnly (no script reads it), SameSite=Lax
// (a form posted from another site carries no cookie; opening the page
// from a WeCom link still signs in), Secure when the page is served over
// https, limited to /app/, and short-lived (app.session_ttl).

const (
	sessionCookie = "casebot_app"
	stateCookie   = "casebot_oauth"
	// stateTTL bounds a round trip through WeCom's authorize page.
	stateTTL = 10 * time.Minute
	// cookiePath keeps the cookies to the page.
	cookiePath = "/app/"
)

// signer signs the page's cookies and form tokens with one key.
type signer struct{ key []byte }

// newSigner derives the signing key: from app.session_secret when set,
// else from the app's WeCom secret (so every replica derives the same
// key, and rotating the secret ends every session), else a random key for
// this process only.
func newSigner(cfg *config.Config) (signer, bool) {
	m := hmac.New(sha256.New, nil)
	switch {
	case cfg.App.SessionSecret != "":
		m = hmac.New(sha256.New, []byte(cfg.App.SessionSecret))
		m.Write([]byte("casebot/app/v1"))
	case cfg.WeCom.Secret != "":
		m = hmac.New(sha256.New, []byte(cfg.WeCom.Secret))
		m.Write([]byte("casebot/app/v1|" + cfg.WeCom.CorpID + "|" + strconv.Itoa(cfg.WeCom.AgentID)))
	default:
		b := make([]byte, 32)
		rand.Read(b)
		return signer{key: b}, false
	}
	return signer{key: m.Sum(nil)}, true
}

var b64 = base64.RawURLEncoding

// mac signs the parts of a value, under a purpose that keeps a token of
// one kind from passing for another.
func (s signer) mac(purpose string, parts ...string) string {
	m := hmac.New(sha256.New, s.key)
	m.Write([]byte(purpose))
	for _, p := range parts {
		m.Write([]byte{0})
		m.Write([]byte(p))
	}
	return b64.EncodeToString(m.Sum(nil))
}

func (s signer) verify(sig, purpose string, parts ...string) bool {
	return hmac.Equal([]byte(sig), []byte(s.mac(purpose, parts...)))
}

// session is a signed-in user.
type session struct {
	User    string
	ID      string // random, names the session in CSRF tokens and the audit
	Expires time.Time
}

var errNoSession = errors.New("no valid session")

func (s signer) encodeSession(ss session) string {
	u := b64.EncodeToString([]byte(ss.User))
	exp := strconv.FormatInt(ss.Expires.Unix(), 10)
	return "v1." + u + "." + exp + "." + ss.ID + "." + s.mac("session", u, exp, ss.ID)
}

func (s signer) decodeSession(v string, now time.Time) (session, error) {
	parts := strings.Split(v, ".")
	if len(parts) != 5 || parts[0] != "v1" {
		return session{}, errNoSession
	}
	u, exp, id, sig := parts[1], parts[2], parts[3], parts[4]
	if !s.verify(sig, "session", u, exp, id) {
		return session{}, errNoSession
	}
	user, err := b64.DecodeString(u)
	sec, err2 := strconv.ParseInt(exp, 10, 64)
	if err != nil || err2 != nil || len(user) == 0 || id == "" {
		return session{}, errNoSession
	}
	ss := session{User: string(user), ID: id, Expires: time.Unix(sec, 0)}
	if !now.Before(ss.Expires) {
		return session{}, errNoSession
	}
	return ss, nil
}

// csrf is the form token of a session: a form posted with it came from a
// page this server rendered for this session.
func (s signer) csrf(ss session) string { return s.mac("csrf", ss.ID)[:32] }

func (s signer) checkCSRF(ss session, token string) bool {
	return token != "" && hmac.Equal([]byte(token), []byte(s.csrf(ss)))
}

// oauthState is what the state cookie remembers across the trip through
// WeCom: the state sent (checked against the one WeCom brings back) and
// the page to return to.
type oauthState struct {
	State   string
	Next    string
	Expires time.Time
}

func (s signer) encodeState(st oauthState) string {
	n := b64.EncodeToString([]byte(st.Next))
	exp := strconv.FormatInt(st.Expires.Unix(), 10)
	return st.State + "." + n + "." + exp + "." + s.mac("state", st.State, n, exp)
}

func (s signer) decodeState(v string, now time.Time) (oauthState, bool) {
	parts := strings.Split(v, ".")
	if len(parts) != 4 || !s.verify(parts[3], "state", parts[0], parts[1], parts[2]) {
		return oauthState{}, false
	}
	next, err := b64.DecodeString(parts[1])
	sec, err2 := strconv.ParseInt(parts[2], 10, 64)
	if err != nil || err2 != nil {
		return oauthState{}, false
	}
	st := oauthState{State: parts[0], Next: string(next), Expires: time.Unix(sec, 0)}
	return st, now.Before(st.Expires)
}

// randomToken returns n random bytes as URL-safe text.
func randomToken(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return b64.EncodeToString(b)
}

// randomState returns a state WeCom accepts: a-zA-Z0-9 only.
func randomState() string {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	b := make([]byte, 32)
	rand.Read(b)
	for i := range b {
		b[i] = alphabet[int(b[i])%len(alphabet)]
	}
	return string(b)
}

func (a *App) setCookie(w http.ResponseWriter, name, value string, maxAge time.Duration) {
	c := &http.Cookie{Name: name, Value: value, Path: cookiePath, HttpOnly: true, SameSite: http.SameSiteLaxMode,
		Secure: a.cfg.App.Secure(), MaxAge: int(maxAge / time.Second)}
	if maxAge < 0 {
		c.MaxAge = -1
	}
	http.SetCookie(w, c)
}

// safeNext keeps a return path on the page: a path under /app/, never
// another host (//evil, /\evil) or scheme.
func safeNext(next string) string {
	if !strings.HasPrefix(next, cookiePath) || strings.ContainsAny(next, "\\\r\n") || strings.Contains(next, "//") {
		return cookiePath
	}
	return next
}
