package wecom_test

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"casebot/bot/wecom"
	"casebot/bot/wecomtest"
)

// follow opens an authorize URL as a browser would, without following the
// redirect back, and returns where WeCom sends it.
func follow(t *testing.T, u string) *url.URL {
	t.Helper()
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusFound {
		t.Fatalf("authorize answered %d, want a redirect", resp.StatusCode)
	}
	loc, err := url.Parse(resp.Header.Get("Location"))
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func TestOAuthRoundTrip(t *testing.T) {
	w := newWorld(t)
	o := w.sender.OAuth(w.api.URL)
	au := o.AuthorizeURL("https://casebot.example.cn/app/oauth?next=%2Fapp%2F", "abc123")
	for _, want := range []string{"/connect/oauth2/authorize?appid=" + testCorp,
		"&redirect_uri=https%3A%2F%2Fcasebot.example.cn%2Fapp%2Foauth%3Fnext%3D%252Fapp%252F",
		"&response_type=code&scope=snsapi_base&state=abc123&agentid=1000002#wechat_redirect"} {
		if !strings.Contains(au, want) {
			t.Errorf("authorize URL %s lacks %s", au, want)
		}
	}
	w.fake.SignIn("zhangsan")
	back := follow(t, au)
	if back.Host != "casebot.example.cn" || back.Path != "/app/oauth" || back.Query().Get("state") != "abc123" || back.Query().Get("next") != "/app/" {
		t.Fatalf("sent back to %s", back)
	}
	code := back.Query().Get("code")
	ctx := context.Background()
	user, err := o.UserID(ctx, code)
	if err != nil || user != "zhangsan" {
		t.Fatalf("UserID = %q, %v", user, err)
	}
	// A code is good once.
	if _, err := o.UserID(ctx, code); !errors.Is(err, wecom.ErrBadCode) {
		t.Errorf("second use of a code: %v, want ErrBadCode", err)
	}
	if _, err := o.UserID(ctx, "made-up"); !errors.Is(err, wecom.ErrBadCode) {
		t.Errorf("made-up code: %v, want ErrBadCode", err)
	}
}

func TestOAuthCodeExpires(t *testing.T) {
	w := newWorld(t)
	o := w.sender.OAuth(w.api.URL)
	w.fake.SignIn("zhangsan")
	code := follow(t, o.AuthorizeURL("http://127.0.0.1:1/app/oauth", "s")).Query().Get("code")
	w.clock.Advance(wecomtest.OAuthCodeTTL + 1)
	if _, err := o.UserID(context.Background(), code); !errors.Is(err, wecom.ErrBadCode) {
		t.Errorf("expired code: %v, want ErrBadCode", err)
	}
}

func TestOAuthOutsider(t *testing.T) {
	w := newWorld(t)
	o := w.sender.OAuth(w.api.URL)
	w.fake.SignInOutsider("oWeChatUser")
	code := follow(t, o.AuthorizeURL("http://127.0.0.1:1/app/oauth", "s")).Query().Get("code")
	if _, err := o.UserID(context.Background(), code); !errors.Is(err, wecom.ErrNotMember) {
		t.Errorf("outsider: %v, want ErrNotMember", err)
	}
}

func TestValidState(t *testing.T) {
	for s, want := range map[string]bool{"abc123XYZ": true, "": false, "a-b": false, strings.Repeat("a", 129): false, "中文": false} {
		if got := wecom.ValidState(s); got != want {
			t.Errorf("ValidState(%q) = %v", s, got)
		}
	}
}
