package main

import (
	"context"
	"fmt"
	"io"

	"github.com/redis/go-redis/v9"

	"casebot/bot/deadline"
	"casebot/bot/durable"
	"casebot/bot/keys"
	"casebot/bot/lock"
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
	e.rdb = store.Dial(cfg.Redis)
	if e.store, err = openLedger(cfg, e.rdb); err != nil {
		e.rdb.Close()
		e.rdb = nil
		return nil, err
	}
	return e.store, nil
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
		Durable: durable.NewWriter(e.rdb, cfg.Redis.Replicas(), cfg.Redis.WaitTimeout)})
	return s, func() { p.Stop(ctxBackground()) }, nil
}
