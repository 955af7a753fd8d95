package main

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"syscall"

	"casebot/config"
)

// runServe is `casebot serve`: the production server. The configuration is
// checked first, and every missing key is named on one line (exit 1).
func runServe(e *env, args []string) error {
	fs := e.flags("serve")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	cfg, err := e.config(config.ModeServe)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	log := slog.New(slog.NewJSONHandler(e.stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	slog.SetDefault(log)
	stopProfiles, err := startProfiles()
	if err != nil {
		return err
	}
	defer func() {
		if err := stopProfiles(); err != nil {
			log.Warn("profiles not written", "err", err)
		}
	}()
	return serve(ctx, cfg, appOptions{Log: log})
}

// serve builds the app, listens on http.addr and runs until ctx ends.
func serve(ctx context.Context, cfg *config.Config, opt appOptions) error {
	a, err := newApp(cfg, opt)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", cfg.HTTP.Addr)
	if err != nil {
		a.close()
		return fmt.Errorf("无法监听 %s（可用 http.addr 或 CASEBOT_HTTP_ADDR 换一个地址）：%v", cfg.HTTP.Addr, err)
	}
	if err := a.start(ctx); err != nil {
		ln.Close()
		a.close()
		return err
	}
	a.log.Info("casebot serving", "addr", ln.Addr().String(), "callback", "/wecom/callback")
	return a.serve(ctx, ln)
}
