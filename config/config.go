// Package config holds casebot's typed configuration. It is the only package
// that knows about viper: everything else receives a *Config.
//
// Every key has a YAML path (redis.addr) and an environment variable made of
// the path upper-cased, dots turned into underscores and prefixed with
// CASEBOT_ (CASEBOT_REDIS_ADDR). Environment variables win over the file.
package config

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Config is the whole configuration. Field tags name the YAML path of each
// key; a `secret:"true"` tag keeps a value out of logs and printed output.
type Config struct {
	HTTP      HTTP           `mapstructure:"http"`
	Timezone  string         `mapstructure:"timezone"`
	Redis     Redis          `mapstructure:"redis"`
	WeCom     WeCom          `mapstructure:"wecom"`
	LLM       LLM            `mapstructure:"llm"`
	Admin     Admin          `mapstructure:"admin"`
	Cases     Cases          `mapstructure:"cases"`
	Scope     Scope          `mapstructure:"scope"`
	Query     Query          `mapstructure:"query"`
	Chat      Chat           `mapstructure:"chat"`
	People    People         `mapstructure:"people"`
	Audit     Audit          `mapstructure:"audit"`
	Demo      Demo           `mapstructure:"demo"`
	Inbox     Inbox          `mapstructure:"inbox"`
	Sender    Sender         `mapstructure:"sender"`
	Reminder  Reminders      `mapstructure:"reminders"`
	Bulletin  Bulletin       `mapstructure:"bulletin"`
	Deadlines Deadlines      `mapstructure:"deadlines"`
	Rectify   Rectify        `mapstructure:"rectify"`
	Risk      Risk           `mapstructure:"risk"`
	Explain   Explain        `mapstructure:"explain"`
	Privacy   Privacy        `mapstructure:"privacy"`
	App       App            `mapstructure:"app"`
	Location  *time.Location `mapstructure:"-"`
}

// HTTP configures the listener for the callback, health and admin endpoints.
type HTTP struct {
	// Addr is the listen address. If unset, 127.0.0.1:8080 is used.
	Addr string `mapstructure:"addr"`
}

// Redis says where the Redis server is. One Addr is a single server; Addrs
// with MasterName is a Sentinel group; several Addrs without MasterName is a
// Cluster. go-redis's UniversalClient picks the right client from this.
type Redis struct {
	Addr       string   `mapstructure:"addr"`
	Addrs      []string `mapstructure:"addrs"`
	MasterName string   `mapstructure:"master_name"`
	Password   string   `mapstructure:"password" secret:"true"`
	DB         int      `mapstructure:"db"`
	// Prefix starts every key casebot writes. If unset, "casebot" is used.
	Prefix string `mapstructure:"prefix"`
	// WaitReplicas is how many replicas must confirm a write that backs a
	// promise (an accepted callback, a send record) before it counts
	// (Redis WAIT): "auto", the default (1 for a Sentinel group, 0
	// otherwise), a number, or "all": every replica the master has had
	// online, never fewer while that master lasts (a replica down holds
	// writes until it is back; a failover starts a new count; at least 1
	// for a Sentinel group). "all" is strict and costs availability, so it
	// is not the default (README, durability; durable.All).
	WaitReplicas string `mapstructure:"wait_replicas"`
	// WaitTimeout bounds that wait; beyond it the callback answers 503
	// and WeCom retries. If unset, 1s.
	WaitTimeout time.Duration `mapstructure:"wait_timeout"`
}

// WaitAll is the replica count of redis.wait_replicas=all (durable.All).
const WaitAll = -1

// Replicas is the WAIT count configured: a number, or WaitAll. An
// invalid setting (Validate names it) counts as WaitAll, the safe side.
func (r Redis) Replicas() int {
	n, err := r.replicas()
	if err != nil {
		return WaitAll
	}
	return n
}

// Replicated says the deployment has replicas by construction (a
// Sentinel group): "all" then never means 0.
func (r Redis) Replicated() bool { return r.MasterName != "" }

func (r Redis) replicas() (int, error) {
	s := strings.TrimSpace(strings.ToLower(r.WaitReplicas))
	switch s {
	case "all":
		return WaitAll, nil
	case "", "auto", "-1": // -1 was auto's old spelling
		if r.Replicated() {
			return 1, nil
		}
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("配置 redis.wait_replicas 应为 auto（默认：哨兵部署为 1，否则为 0）、all（所有已连接的副本）或不小于 0 的整数（0 表示不等待），当前为 %q", r.WaitReplicas)
	}
	return n, nil
}

// Endpoints returns the addresses to dial: Addrs when given, else Addr.
func (r Redis) Endpoints() []string {
	if len(r.Addrs) > 0 {
		return r.Addrs
	}
	if r.Addr != "" {
		return []string{r.Addr}
	}
	return nil
}

// WeCom is the self-built application's identity and callback secrets.
type WeCom struct {
	CorpID  string `mapstructure:"corp_id"`
	AgentID int    `mapstructure:"agent_id"`
	Secret  string `mapstructure:"secret" secret:"true"`
	Token   string `mapstructure:"token" secret:"true"`
	AESKey  string `mapstructure:"aes_key" secret:"true"`
	// APIBase is the API root. If unset, https://qyapi.weixin.qq.com is used;
	// set it for 政务微信 or a private deployment.
	APIBase string `mapstructure:"api_base"`
	// MaxClockSkew is how far a callback's signed timestamp and its
	// message's CreateTime may be from our clock; outside it the callback
	// is refused as a replay. If unset, 5m.
	MaxClockSkew time.Duration `mapstructure:"max_clock_skew"`
}

// LLM configures the OpenAI-compatible model used for 以案说法 drafts.
// With no BaseURL the drafts fall back to a structured, model-free form.
type LLM struct {
	BaseURL string        `mapstructure:"base_url"`
	APIKey  string        `mapstructure:"api_key" secret:"true"`
	Model   string        `mapstructure:"model"`
	Timeout time.Duration `mapstructure:"timeout"`
	// MaxConcurrency is how many model calls one process makes at once;
	// further drafts wait their turn. If unset, 2.
	MaxConcurrency int `mapstructure:"max_concurrency"`
	// UserPerHour is how many model drafts one user may ask for in any
	// hour, across all replicas; 0 means no limit. If unset, 10.
	UserPerHour int `mapstructure:"user_per_hour"`
	// Retries is how many times a call that failed with 429, a 5xx, a
	// timeout or an empty answer is tried again. If unset, 3.
	Retries int `mapstructure:"retries"`
	// MaxTokens caps the length of one answer, in tokens. If unset, 4096.
	MaxTokens int `mapstructure:"max_tokens"`
	// PromptsDir, when set, is a directory holding system.tmpl and
	// user.tmpl that replace the embedded templates, so a bureau can change
	// the wording without a new build. A template that does not parse there
	// stops the service at start, as an embedded one would.
	PromptsDir string `mapstructure:"prompts_dir"`
	// MaxInputChars caps the characters of one prompt (system and user
	// together). An attached decision longer than fits is shortened (see
	// bot/explain). If unset, 24000: with an answer of llm.max_tokens
	// (4096) it fits a 32k-token context even at one token per Chinese
	// character, the worst of the common tokenizers.
	MaxInputChars int `mapstructure:"max_input_chars"`
}

// Admin protects /admin/... with a bearer token.
type Admin struct {
	// Token is the bearer token; serve refuses to start with one shorter
	// than MinAdminToken characters.
	Token string `mapstructure:"token" secret:"true"`
	// MaxFailures is how many requests with a wrong token one client
	// address may make in a minute; further requests from it are refused
	// (429) until the minute has passed. If unset, 10.
	MaxFailures int `mapstructure:"max_failures"`
}

// MinAdminToken is the shortest admin.token serve accepts: 32 random
// characters cannot be guessed at any rate the throttle allows.
const MinAdminToken = 32

// Cases holds the domain choices a locality makes.
type Cases struct {
	// LossOutcomes is the set of 结案方式 counted as 败诉. If unset, the eight
	// judgments of the contract are used. Some localities add 改变行为后撤诉.
	LossOutcomes []string `mapstructure:"loss_outcomes"`
}

// Scope configures who sees what.
type Scope struct {
	// FullNameRoles are the roles that see natural-person plaintiffs by
	// their full names; everyone else sees 张某. If unset, admin and staff.
	FullNameRoles []string `mapstructure:"full_name_roles"`
	// AgencyAliases are other names of ledger agencies, written
	// "别名=台账中的单位名". Common abbreviations (市场监管局, 人社局...) are
	// understood without them.
	AgencyAliases []string `mapstructure:"agency_aliases"`
}

// Demo configures `casebot demo`.
type Demo struct {
	// Ledger, when set, is imported instead of the built-in fictional sample.
	Ledger string `mapstructure:"ledger"`
}

// Default returns the configuration used when nothing is set.
func Default() Config {
	return Config{
		HTTP:      HTTP{Addr: "127.0.0.1:8080"},
		Timezone:  "Asia/Shanghai",
		Redis:     Redis{Prefix: "casebot", WaitReplicas: "auto", WaitTimeout: time.Second},
		WeCom:     WeCom{APIBase: "https://qyapi.weixin.qq.com", MaxClockSkew: 5 * time.Minute},
		Admin:     Admin{MaxFailures: 10},
		LLM:       LLM{Timeout: 60 * time.Second, MaxConcurrency: 2, UserPerHour: 10, Retries: 3, MaxTokens: 4096, MaxInputChars: 24000},
		Scope:     Scope{FullNameRoles: []string{"admin", "staff"}},
		Inbox:     defaultInbox(),
		Sender:    defaultSender(),
		Reminder:  defaultReminders(),
		Bulletin:  DefaultBulletin(),
		Query:     Query{PageSize: 8},
		Chat:      defaultChat(),
		People:    People{Contact: "司法局应诉专班的管理员", SyncRole: "handler"},
		Audit:     Audit{MaxLen: 200000},
		Deadlines: defaultDeadlines(),
		Rectify:   Rectify{DueDays: 30, RepeatWithinDays: 365, MaxFileBytes: DefaultRectifyFileBytes},
		Explain:   DefaultExplain(),
		Privacy:   defaultPrivacy(),
		App:       DefaultApp(),
	}
}

// Mode says what a command needs from the configuration.
type Mode int

const (
	// ModeTool is for offline subcommands (import, export, case...): Redis only.
	ModeTool Mode = iota
	// ModeServe is the production server: Redis and every WeCom secret.
	ModeServe
	// ModeDemo embeds everything; nothing is required.
	ModeDemo
)

// Validate checks the configuration for the given mode. Every missing key is
// named in one error, with its environment variable, so an operator fixes
// them all at once instead of one start at a time.
func (c *Config) Validate(mode Mode) error {
	var missing []string
	need := func(ok bool, key string) {
		if !ok {
			missing = append(missing, key+" ("+EnvName(key)+")")
		}
	}
	if mode == ModeServe || mode == ModeTool {
		need(len(c.Redis.Endpoints()) > 0, "redis.addr")
	}
	if mode == ModeServe {
		need(c.WeCom.CorpID != "", "wecom.corp_id")
		need(c.WeCom.AgentID != 0, "wecom.agent_id")
		need(c.WeCom.Secret != "", "wecom.secret")
		need(c.WeCom.Token != "", "wecom.token")
		need(c.WeCom.AESKey != "", "wecom.aes_key")
		need(c.Admin.Token != "", "admin.token")
	}
	if len(missing) > 0 {
		return &MissingError{Keys: missing}
	}
	if c.WeCom.AESKey != "" && len(c.WeCom.AESKey) != 43 {
		return fmt.Errorf("配置 wecom.aes_key 应为 43 个字符（企业微信后台的 EncodingAESKey），当前为 %d 个", len(c.WeCom.AESKey))
	}
	if c.Redis.Prefix == "" {
		return fmt.Errorf("配置 redis.prefix 不能为空")
	}
	if mode == ModeServe && len(c.Admin.Token) < MinAdminToken {
		return fmt.Errorf("配置 admin.token（%s）至少需要 %d 个字符，当前只有 %d 个：请换一个随机生成的令牌，例如 openssl rand -hex 24 的输出",
			EnvName("admin.token"), MinAdminToken, len(c.Admin.Token))
	}
	// Each area checks its own section; the first problem is reported.
	for _, check := range []func() error{
		c.validateTransport,
		c.Bulletin.validate,
		c.LLM.validate,
		c.Explain.validate,
		c.Query.validate,
		c.Chat.validate,
		c.Scope.validate,
		c.Audit.validate,
		c.People.validate,
		c.validateDeadlines,
		c.validateRisk,
		c.Privacy.validate,
		c.App.validate,
	} {
		if err := check(); err != nil {
			return err
		}
	}
	return nil
}

// MissingError lists required keys that are not set.
type MissingError struct{ Keys []string }

func (e *MissingError) Error() string {
	s := "缺少必填配置："
	for i, k := range e.Keys {
		if i > 0 {
			s += "，"
		}
		s += k
	}
	return s
}

func (s Scope) validate() error {
	for _, a := range s.AgencyAliases {
		if alias, name, ok := strings.Cut(a, "="); !ok || strings.TrimSpace(alias) == "" || strings.TrimSpace(name) == "" {
			return fmt.Errorf("配置 scope.agency_aliases 中的“%s”格式不对，应写作 别名=台账中的单位名", a)
		}
	}
	return nil
}
