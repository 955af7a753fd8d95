package main

import (
	"context"
	"fmt"
	"io"

	"github.com/redis/go-redis/v9"

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
	e.store = store.New(e.rdb, keys.New(cfg.Redis.Prefix))
	return e.store, nil
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
