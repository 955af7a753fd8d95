package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func writeFile(t *testing.T, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "casebot.yaml")
	if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestDefaults(t *testing.T) {
	t.Setenv("CASEBOT_CONFIG", "")
	cfg, err := Load("")
	if err != nil {
		t.Fatal(err)
	}
	if cfg.HTTP.Addr != "127.0.0.1:8080" || cfg.Timezone != "Asia/Shanghai" || cfg.Redis.Prefix != "casebot" ||
		cfg.WeCom.APIBase != "https://qyapi.weixin.qq.com" || cfg.LLM.Timeout != time.Minute {
		t.Errorf("defaults: %s", cfg)
	}
	if cfg.Location.String() != "Asia/Shanghai" {
		t.Errorf("location = %v", cfg.Location)
	}
}

func TestFileAndEnv(t *testing.T) {
	p := writeFile(t, `
http:
  addr: 0.0.0.0:9000
redis:
  addr: 10.0.0.1:6379
  prefix: bureau
wecom:
  corp_id: ww123
  agent_id: 1000002
  api_base: https://wecom.example.gov.cn/
llm:
  timeout: 90s
cases:
  loss_outcomes: [判决撤销, 改变行为后撤诉]
`)
	t.Setenv("CASEBOT_REDIS_ADDR", "10.0.0.2:6379")            // env wins over the file
	t.Setenv("CASEBOT_WECOM_AES_KEY", strings.Repeat("a", 43)) // a key only the env sets
	t.Setenv("CASEBOT_REDIS_ADDRS", "s1:26379, s2:26379")
	t.Setenv("CASEBOT_TIMEZONE", "Asia/Urumqi")
	cfg, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Redis.Addr != "10.0.0.2:6379" {
		t.Errorf("redis.addr = %q, want the environment's", cfg.Redis.Addr)
	}
	if diff := cmp.Diff([]string{"s1:26379", "s2:26379"}, cfg.Redis.Addrs); diff != "" {
		t.Errorf("redis.addrs from a comma list (-want,+got):\n%s", diff)
	}
	if cfg.HTTP.Addr != "0.0.0.0:9000" || cfg.Redis.Prefix != "bureau" || cfg.WeCom.AgentID != 1000002 {
		t.Errorf("file values: %s", cfg)
	}
	if cfg.WeCom.APIBase != "https://wecom.example.gov.cn" {
		t.Errorf("api_base keeps its trailing slash: %q", cfg.WeCom.APIBase)
	}
	if cfg.WeCom.AESKey != strings.Repeat("a", 43) || cfg.LLM.Timeout != 90*time.Second {
		t.Errorf("aes key / timeout: %q %v", cfg.WeCom.AESKey, cfg.LLM.Timeout)
	}
	if diff := cmp.Diff([]string{"判决撤销", "改变行为后撤诉"}, cfg.Cases.LossOutcomes); diff != "" {
		t.Errorf("loss outcomes (-want,+got):\n%s", diff)
	}
	if cfg.Location.String() != "Asia/Urumqi" {
		t.Errorf("timezone = %v", cfg.Location)
	}
}

// TestListItemsTrimmed: every list key, from the environment or the file,
// holds its items without surrounding spaces and without empty items.
func TestListItemsTrimmed(t *testing.T) {
	p := writeFile(t, `
query:
  courts: ["  某县人民法院 ", "", 某市中级人民法院]
`)
	t.Setenv("CASEBOT_BULLETIN_USER_IDS", "zhangsan, lisi ,, wangwu,")
	t.Setenv("CASEBOT_BULLETIN_CHAT_IDS", " , ")
	t.Setenv("CASEBOT_SCOPE_FULL_NAME_ROLES", " admin ,staff")
	t.Setenv("CASEBOT_REDIS_ADDRS", "s1:26379 ,  s2:26379")
	cfg, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		key       string
		want, got []string
	}{
		{"bulletin.user_ids", []string{"zhangsan", "lisi", "wangwu"}, cfg.Bulletin.UserIDs},
		{"bulletin.chat_ids", []string{}, cfg.Bulletin.ChatIDs},
		{"scope.full_name_roles", []string{"admin", "staff"}, cfg.Scope.FullNameRoles},
		{"redis.addrs", []string{"s1:26379", "s2:26379"}, cfg.Redis.Addrs},
		{"query.courts", []string{"某县人民法院", "某市中级人民法院"}, cfg.Query.Courts},
	} {
		if diff := cmp.Diff(tc.want, tc.got); diff != "" {
			t.Errorf("%s (-want,+got):\n%s", tc.key, diff)
		}
	}
}

func TestUnknownKeyAndBadValues(t *testing.T) {
	if _, err := Load(writeFile(t, "redis:\n  adress: x\n")); err == nil || !strings.Contains(err.Error(), "adress") {
		t.Errorf("a misspelt key should be named in the error, got %v", err)
	}
	if _, err := Load(writeFile(t, "timezone: Mars/Base\n")); err == nil || !strings.Contains(err.Error(), "timezone") {
		t.Errorf("a bad time zone should be named, got %v", err)
	}
	if err := func() error {
		cfg, err := Load(writeFile(t, "inbox:\n  max_in_flight: 0\n"))
		if err != nil {
			return err
		}
		return cfg.Validate(ModeDemo)
	}(); err == nil || !strings.Contains(err.Error(), "inbox.max_in_flight") {
		t.Errorf("a zero inbox.max_in_flight should be named, got %v", err)
	}
	if _, err := Load(filepath.Join(t.TempDir(), "missing.yaml")); err == nil {
		t.Error("a missing config file should be an error")
	}
}

func TestValidateNamesEveryMissingKey(t *testing.T) {
	cfg := MustDefault()
	err := cfg.Validate(ModeServe)
	if err == nil {
		t.Fatal("serve with nothing configured validated")
	}
	for _, k := range []string{"redis.addr", "wecom.corp_id", "wecom.agent_id", "wecom.secret", "wecom.token",
		"wecom.aes_key", "admin.token", "CASEBOT_WECOM_SECRET"} {
		if !strings.Contains(err.Error(), k) {
			t.Errorf("error %q does not name %s", err, k)
		}
	}
	if strings.Contains(err.Error(), "\n") {
		t.Errorf("error is not one line: %q", err)
	}
	if err := cfg.Validate(ModeDemo); err != nil {
		t.Errorf("demo needs nothing: %v", err)
	}
	cfg.Redis.Addrs = []string{"a:1", "b:2"}
	if err := cfg.Validate(ModeTool); err != nil {
		t.Errorf("addrs satisfy redis for the tools: %v", err)
	}
	cfg.WeCom.AESKey = "short"
	if err := cfg.Validate(ModeTool); err == nil || !strings.Contains(err.Error(), "aes_key") {
		t.Errorf("a short aes key: %v", err)
	}
}

func TestSecretsNeverPrinted(t *testing.T) {
	cfg := MustDefault()
	cfg.WeCom.Secret, cfg.WeCom.Token, cfg.Admin.Token, cfg.LLM.APIKey, cfg.Redis.Password =
		"s3cret-corp", "tok-abc", "admin-xyz", "sk-llm", "redispw"
	out := cfg.String()
	for _, s := range []string{"s3cret-corp", "tok-abc", "admin-xyz", "sk-llm", "redispw"} {
		if strings.Contains(out, s) {
			t.Errorf("secret %q printed in %q", s, out)
		}
	}
	if !strings.Contains(out, "wecom.secret=***") || !strings.Contains(out, "wecom.corp_id=") {
		t.Errorf("redacted form lacks keys: %q", out)
	}
}

func TestKeysAndEnvNames(t *testing.T) {
	keys := Keys()
	for _, want := range []string{"http.addr", "timezone", "redis.addr", "redis.master_name", "wecom.aes_key",
		"llm.base_url", "admin.token", "cases.loss_outcomes"} {
		found := false
		for _, k := range keys {
			found = found || k == want
		}
		if !found {
			t.Errorf("key %s missing from Keys()", want)
		}
	}
	if got := EnvName("wecom.aes_key"); got != "CASEBOT_WECOM_AES_KEY" {
		t.Errorf("EnvName = %q", got)
	}
}

// TestREADMEDocumentsEveryKey keeps the README's configuration table true:
// a key added to Config without a README row fails here.
func TestREADMEDocumentsEveryKey(t *testing.T) {
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range Keys() {
		if !strings.Contains(string(b), "`"+k+"`") {
			t.Errorf("README.md does not document config key `%s`", k)
		}
	}
}

// TestServeRefusesAShortAdminToken: serve does not start with an admin
// token a guesser could find; the error names the key and the length.
func TestServeRefusesAShortAdminToken(t *testing.T) {
	cfg := MustDefault()
	cfg.Redis.Addr = "127.0.0.1:6379"
	cfg.WeCom = WeCom{CorpID: "ww1", AgentID: 1000002, Secret: "s", Token: "t",
		AESKey: strings.Repeat("a", 43), APIBase: cfg.WeCom.APIBase, MaxClockSkew: cfg.WeCom.MaxClockSkew}
	cfg.Admin.Token = strings.Repeat("x", MinAdminToken-1)
	err := cfg.Validate(ModeServe)
	if err == nil || !strings.Contains(err.Error(), "admin.token") || !strings.Contains(err.Error(), "32") {
		t.Errorf("a %d-character token: %v", len(cfg.Admin.Token), err)
	}
	cfg.Admin.Token = strings.Repeat("x", MinAdminToken)
	if err := cfg.Validate(ModeServe); err != nil {
		t.Errorf("a %d-character token: %v", MinAdminToken, err)
	}
}

// TestUnknownKeyNamesTheNearest: a mistyped key is refused in one Chinese
// line that names it and the valid key meant.
func TestUnknownKeyNamesTheNearest(t *testing.T) {
	path := filepath.Join(t.TempDir(), "casebot.yaml")
	if err := os.WriteFile(path, []byte("redis:\n  adr: 127.0.0.1:6379\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Load(path)
	if err == nil || !strings.Contains(err.Error(), "配置项 redis.adr 不存在，是不是 redis.addr？") {
		t.Errorf("Load = %v", err)
	}
	if err := os.WriteFile(path, []byte("redis:\n  addr: 127.0.0.1:6379\npeople:\n  departments: [\"3=某县公安局\"]\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(path); err != nil {
		t.Errorf("valid keys refused: %v", err)
	}
}

// TestWaitReplicas: redis.wait_replicas takes auto (the default: 1 for a
// Sentinel group, 0 for one server), a number or all, from the file or the
// environment; anything else is named.
func TestWaitReplicas(t *testing.T) {
	for _, tc := range []struct {
		yaml, env string
		want      int
		bad       bool
	}{
		{yaml: "", want: 0},
		{yaml: "redis:\n  master_name: casebot\n  addrs: [\"127.0.0.1:26379\"]\n", want: 1},
		{yaml: "redis:\n  wait_replicas: auto\n", want: 0},
		{yaml: "redis:\n  wait_replicas: all\n", want: WaitAll},
		{yaml: "redis:\n  wait_replicas: ALL\n", want: WaitAll},
		{yaml: "redis:\n  wait_replicas: 2\n", want: 2},
		{yaml: "redis:\n  wait_replicas: 0\n", want: 0},
		{yaml: "redis:\n  wait_replicas: -1\n", want: 0}, // auto's old spelling, one server
		{env: "1", want: 1},
		{env: "all", want: WaitAll},
		{yaml: "redis:\n  wait_replicas: some\n", bad: true},
		{yaml: "redis:\n  wait_replicas: -2\n", bad: true},
		{env: "两个", bad: true},
	} {
		t.Setenv("CASEBOT_REDIS_WAIT_REPLICAS", tc.env)
		if tc.env == "" {
			os.Unsetenv("CASEBOT_REDIS_WAIT_REPLICAS")
		}
		cfg, err := Load(writeFile(t, tc.yaml))
		if err == nil {
			err = cfg.Validate(ModeDemo)
		}
		if tc.bad {
			if err == nil || !strings.Contains(err.Error(), "redis.wait_replicas") {
				t.Errorf("%q / env %q: error %v, want one naming redis.wait_replicas", tc.yaml, tc.env, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%q / env %q: %v", tc.yaml, tc.env, err)
			continue
		}
		if got := cfg.Redis.Replicas(); got != tc.want {
			t.Errorf("%q / env %q: Replicas() = %d, want %d", tc.yaml, tc.env, got, tc.want)
		}
	}
}
