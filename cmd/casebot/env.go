package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/redis/go-redis/v9"

	"casebot/bot/agency"
	"casebot/bot/deadline"
	"casebot/bot/durable"
	"casebot/bot/keys"
	"casebot/bot/lock"
	"casebot/bot/scope"
	"casebot/bot/store"
	"casebot/bot/wecom"
	"casebot/config"
)

// env is what a command runs in: its streams, and the configuration and
// connections it opens on first use.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	configPath     string

	cfg   *config.Config
	rdb   redis.UniversalClient
	store *store.Store
}

// config loads and validates the configuration for mode.
func (e *env) config(mode config.Mode) (*config.Config, error) {
	if e.cfg == nil {
		cfg, err := config.Load(e.configPath)
		if err != nil {
			return nil, err
		}
		e.cfg = cfg
	}
	if err := e.cfg.Validate(mode); err != nil {
		return nil, err
	}
	return e.cfg, nil
}

// openStore connects to the configured Redis for an offline tool.
func (e *env) openStore() (*store.Store, error) {
	if e.store != nil {
		return e.store, nil
	}
	cfg, err := e.config(config.ModeTool)
	if err != nil {
		return nil, err
	}
	// A tool reports an unreachable Redis in one Chinese line (below),
	// not in the client's own English log lines.
	redis.SetLogger(quietLog{})
	e.rdb = store.Dial(cfg.Redis)
	if err := e.rdb.Ping(ctxBackground()).Err(); err != nil {
		e.rdb.Close()
		e.rdb = nil
		return nil, unreachable(cfg, err)
	}
	if e.store, err = openLedger(cfg, e.rdb); err != nil {
		e.rdb.Close()
		e.rdb = nil
		return nil, err
	}
	return e.store, nil
}

// quietLog drops the Redis client's log lines.
type quietLog struct{}

func (quietLog) Printf(context.Context, string, ...any) {}

// unreachable says in one line which Redis could not be reached, why,
// and what to do about it.
func unreachable(cfg *config.Config, err error) error {
	addr := strings.Join(cfg.Redis.Endpoints(), "、")
	why := "连接失败"
	msg := err.Error()
	switch {
	case strings.Contains(msg, "connection refused"):
		why = "连接被拒绝（该地址上没有运行 Redis）"
	case strings.Contains(msg, "no such host"):
		why = "找不到这个主机名"
	case strings.Contains(msg, "timeout") || strings.Contains(msg, "i/o timeout"):
		why = "连接超时（地址不通或被防火墙挡住）"
	case strings.Contains(msg, "NOAUTH") || strings.Contains(msg, "WRONGPASS") || strings.Contains(msg, "invalid password"):
		return fmt.Errorf("Redis（%s）拒绝了密码：请检查配置 redis.password（环境变量 %s）", addr, config.EnvName("redis.password"))
	}
	return fmt.Errorf("无法连接 Redis（%s）：%s。请检查配置 redis.addr（环境变量 %s），或在本机启动一个：redis-server --port 6379；只想试用请运行 casebot demo（内置 Redis）",
		addr, why, config.EnvName("redis.addr"))
}

// openLedger returns the store of the configured ledger on rdb, computing
// statutory deadlines with the configured rules (work calendar, time zone,
// local periods): every process that writes the ledger opens it here, so
// they all keep the deadline index alike.
func openLedger(cfg *config.Config, rdb redis.UniversalClient) (*store.Store, error) {
	rules, err := deadline.FromConfig(cfg)
	if err != nil {
		return nil, err
	}
	st := store.New(rdb, keys.New(cfg.Redis.Prefix))
	st.Deadlines = rules
	return st, nil
}

func (e *env) close() {
	if e.rdb != nil {
		e.rdb.Close()
	}
}

// ctxBackground is the context of a command line run; commands are short
// and are stopped with the process.
func ctxBackground() context.Context { return context.Background() }

// pushSender returns the WeCom sender of a command that pushes (bulletin
// --send). Its send claims are held under a presence of the command's own
// (lock.Presence), exactly like serve's, so a serve replica sending the
// same push waits for it, and takes it over if the command dies; stop
// ends the presence.
func (e *env) pushSender() (*wecom.Sender, func(), error) {
	st, err := e.openStore()
	if err != nil {
		return nil, nil, err
	}
	cfg := e.cfg
	p := lock.NewPresence(e.rdb, st.Keys(), "cli-"+lock.ProcessName(), cfg.Inbox.Heartbeat, nil)
	if err := p.Start(ctxBackground()); err != nil {
		return nil, nil, fmt.Errorf("无法连接 Redis（检查 redis.addr）：%w", err)
	}
	s := wecom.NewSender(cfg.WeCom, cfg.Sender, e.rdb, st.Keys(), wecom.Options{Owner: p.Name(), Heartbeat: true,
		Durable: durable.NewWriter(e.rdb, cfg.Redis.Replicas(), cfg.Redis.WaitTimeout).Expect(cfg.Redis.Replicated())})
	return s, func() { p.Stop(ctxBackground()) }, nil
}

// agencyNames returns how the tools compare agency names: the configured
// aliases (scope.agency_aliases) and the abbreviations chat understands.
func (e *env) agencyNames() (agency.Names, error) {
	cfg, err := e.config(config.ModeTool)
	if err != nil {
		return agency.Names{}, err
	}
	pol, err := scope.New(cfg.Scope)
	if err != nil {
		return agency.Names{}, err
	}
	return pol.Agencies(), nil
}
