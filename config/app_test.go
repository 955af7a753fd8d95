package config

import (
	"strings"
	"testing"
	"time"
)

func TestAppSection(t *testing.T) {
	t.Setenv("CASEBOT_APP_SESSION_SECRET", strings.Repeat("s", 40))
	cfg, err := Load(writeFile(t, "app:\n  base_url: https://casebot.example.gov.cn/\n  session_ttl: 30m\n  max_ledger_bytes: 10485760\n"))
	if err != nil {
		t.Fatal(err)
	}
	a := cfg.App
	if a.BaseURL != "https://casebot.example.gov.cn" || !a.Enabled() || !a.Secure() || a.SessionTTL != 30*time.Minute ||
		a.UploadTTL != 30*time.Minute || a.MaxLedgerBytes != 10<<20 || a.OAuthBase != "https://open.weixin.qq.com" ||
		a.SessionSecret != strings.Repeat("s", 40) {
		t.Errorf("app section: %+v", a)
	}
	if err := cfg.Validate(ModeDemo); err != nil {
		t.Errorf("valid: %v", err)
	}
	if strings.Contains(cfg.String(), strings.Repeat("s", 40)) {
		t.Error("app.session_secret printed")
	}
	t.Setenv("CASEBOT_APP_SESSION_SECRET", "")
	for _, tt := range []struct{ body, key string }{
		{"app:\n  base_url: casebot.example.gov.cn\n", "app.base_url"},
		{"app:\n  base_url: https://example.gov.cn/casebot\n", "app.base_url"},
		{"app:\n  oauth_base: open.weixin.qq.com\n", "app.oauth_base"},
		{"app:\n  session_secret: short\n", "app.session_secret"},
		{"app:\n  session_ttl: 30s\n", "app.session_ttl"},
		{"app:\n  upload_ttl: 48h\n", "app.upload_ttl"},
		{"app:\n  max_ledger_bytes: 1000\n", "app.max_ledger_bytes"},
		{"app:\n  max_ledger_bytes: 209715200\n", "app.max_ledger_bytes"},
	} {
		cfg, err := Load(writeFile(t, tt.body))
		if err != nil {
			t.Fatal(err)
		}
		if err := cfg.Validate(ModeDemo); err == nil || !strings.Contains(err.Error(), tt.key) {
			t.Errorf("%q: %v, want an error naming %s", tt.body, err, tt.key)
		}
	}
	// The address is kept as browsers send it in Origin.
	cfg, _ = Load(writeFile(t, "app:\n  base_url: https://CaseBot.Example.gov.cn:443/\n"))
	if cfg.App.BaseURL != "https://casebot.example.gov.cn" {
		t.Errorf("base_url resolved to %q", cfg.App.BaseURL)
	}
	// Unset, the page is off and nothing is required.
	cfg, _ = Load(writeFile(t, "timezone: Asia/Shanghai\n"))
	if cfg.App.Enabled() {
		t.Error("the page is on without app.base_url")
	}
}

func TestDomainVerifyFile(t *testing.T) {
	for name, ok := range map[string]bool{"/etc/casebot/WW_verify_Ab12Cd34.txt": true, "WW_verify_x.txt": true,
		"/etc/passwd": false, "WW_verify_.txt": false, "ww_verify_abc.txt": false} {
		a := DefaultApp()
		a.DomainVerifyFile = name
		if err := a.validate(); (err == nil) != ok {
			t.Errorf("%s: %v", name, err)
		}
	}
}
