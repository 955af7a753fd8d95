package config

import (
	"fmt"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

// App configures the app's own web page inside WeCom (`/app/`), where
// files come in (台账, 判决书) and the person is identified by WeCom
// 网页授权. Without BaseURL the page is off: it answers that it is not
// configured.
type App struct {
	// BaseURL is the public root WeCom and phones reach casebot at, e.g.
	// https://casebot.example.gov.cn: the redirect URI of 网页授权 and the
	// links sent in chat are built from it, and its host must be the app's
	// 可信域名. Scheme and host (and port) only, no path.
	BaseURL string `mapstructure:"base_url"`
	// OAuthBase is the root of WeCom's authorize page. If unset,
	// https://open.weixin.qq.com; set it for 政务微信 or a private
	// deployment, as wecom.api_base.
	OAuthBase string `mapstructure:"oauth_base"`
	// SessionSecret signs the page's session cookies and form tokens. If
	// unset, a key is derived from wecom.secret (rotating the secret then
	// ends every session). At least 32 characters when set.
	SessionSecret string `mapstructure:"session_secret" secret:"true"`
	// SessionTTL is how long a sign-in lasts; the page signs in again,
	// silently, after it. If unset, 1h.
	SessionTTL time.Duration `mapstructure:"session_ttl"`
	// UploadTTL is how long an uploaded file waits on the server for the
	// user to confirm its preview. If unset, 30m.
	UploadTTL time.Duration `mapstructure:"upload_ttl"`
	// DomainVerifyFile is the domain-ownership file WeCom hands out when
	// 可信域名 is set (WW_verify_….txt); casebot serves it at the root of
	// its address (/WW_verify_….txt) for WeCom to find. Unneeded when a
	// reverse proxy in front serves it.
	DomainVerifyFile string `mapstructure:"domain_verify_file"`
	// MaxLedgerBytes caps the size of a 台账 uploaded on the page. If
	// unset, 20 MB: a 10,000-row .xlsx is about 1 MB, a 50,000-row CSV
	// about 15 MB.
	MaxLedgerBytes int64 `mapstructure:"max_ledger_bytes"`
}

// DefaultApp is the app section of Default().
func DefaultApp() App {
	return App{OAuthBase: "https://open.weixin.qq.com", SessionTTL: time.Hour, UploadTTL: 30 * time.Minute,
		MaxLedgerBytes: 20 << 20}
}

// verifyName is the name of WeCom's domain-ownership file.
var verifyName = regexp.MustCompile(`^WW_verify_[A-Za-z0-9]+\.txt$`)

// MaxLedgerUpload is the most app.max_ledger_bytes may be: the file is kept
// in Redis until it is confirmed.
const MaxLedgerUpload = 100 << 20

// Enabled reports whether the page is configured.
func (a App) Enabled() bool { return a.BaseURL != "" }

// Secure reports whether the page is served over https (its cookies are
// then Secure).
func (a App) Secure() bool { return strings.HasPrefix(a.BaseURL, "https://") }

// resolve writes the page's address as browsers send it in Origin: no
// trailing slash, the host in lower case, no default port.
func (a *App) resolve() {
	a.BaseURL = strings.TrimRight(a.BaseURL, "/")
	if u, err := url.Parse(a.BaseURL); err == nil && u.Host != "" {
		u.Host = strings.ToLower(u.Host)
		if p := u.Port(); (u.Scheme == "https" && p == "443") || (u.Scheme == "http" && p == "80") {
			u.Host = u.Hostname()
		}
		a.BaseURL = u.String()
	}
	a.OAuthBase = strings.TrimRight(a.OAuthBase, "/")
}

func (a App) validate() error {
	if a.BaseURL != "" {
		u, err := url.Parse(a.BaseURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || (u.Path != "" && u.Path != "/") || u.RawQuery != "" {
			return fmt.Errorf("配置 app.base_url=%q 应为 casebot 对外的根地址，只含协议和域名（及端口），例如 https://casebot.example.gov.cn", a.BaseURL)
		}
	}
	if u, err := url.Parse(a.OAuthBase); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("配置 app.oauth_base=%q 应为网页授权页的根地址，例如 https://open.weixin.qq.com", a.OAuthBase)
	}
	if f := a.DomainVerifyFile; f != "" && !verifyName.MatchString(filepath.Base(f)) {
		return fmt.Errorf("配置 app.domain_verify_file=%q 应为企业微信后台下载的域名校验文件（文件名形如 WW_verify_xxxxxxxx.txt）", f)
	}
	switch {
	case a.SessionSecret != "" && len(a.SessionSecret) < 32:
		return fmt.Errorf("配置 app.session_secret 至少 32 个字符（当前 %d 个）；不设则由 wecom.secret 派生", len(a.SessionSecret))
	case a.SessionTTL < time.Minute || a.SessionTTL > 24*time.Hour:
		return fmt.Errorf("配置 app.session_ttl 应在 1m 到 24h 之间，当前为 %s", a.SessionTTL)
	case a.UploadTTL < time.Minute || a.UploadTTL > 24*time.Hour:
		return fmt.Errorf("配置 app.upload_ttl 应在 1m 到 24h 之间，当前为 %s", a.UploadTTL)
	case a.MaxLedgerBytes < 64<<10 || a.MaxLedgerBytes > MaxLedgerUpload:
		return fmt.Errorf("配置 app.max_ledger_bytes 应在 65536（64 KB）到 %d（100 MB）之间，当前为 %d", MaxLedgerUpload, a.MaxLedgerBytes)
	}
	return nil
}
