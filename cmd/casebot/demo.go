package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/redis/go-redis/v9"

	"casebot/bot/keys"
	"casebot/bot/store"
	"casebot/config"
)

func runDemo(e *env, args []string) error {
	fs := e.flags("demo")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	cfg, err := e.config(config.ModeDemo)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return demo(ctx, e, cfg)
}

// demo runs until ctx ends: Redis in-process unless redis.addr is set, the
// demo ledger loaded, and /healthz served on http.addr.
func demo(ctx context.Context, e *env, cfg *config.Config) error {
	var rdb redis.UniversalClient
	if len(cfg.Redis.Endpoints()) == 0 {
		mr := miniredis.NewMiniRedis()
		if err := mr.Start(); err != nil {
			return fmt.Errorf("无法启动内置 Redis：%w", err)
		}
		defer mr.Close()
		rdb = redis.NewClient(&redis.Options{Addr: mr.Addr()})
	} else {
		rdb = store.Dial(cfg.Redis)
	}
	defer rdb.Close()
	st := store.New(rdb, keys.New(cfg.Redis.Prefix))
	if err := seedDemo(ctx, st, cfg, time.Now()); err != nil {
		return err
	}

	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintln(w, "ok")
	})
	ln, err := net.Listen("tcp", cfg.HTTP.Addr)
	if err != nil {
		return fmt.Errorf("无法监听 %s（可用 --config 或 CASEBOT_HTTP_ADDR 换一个地址）：%v", cfg.HTTP.Addr, err)
	}
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	n, _ := st.CountCases(ctx)
	fmt.Fprintf(e.stderr, "casebot 演示已启动：http://%s/healthz ，已载入 %d 件虚构案件；按 Ctrl+C 停止\n", ln.Addr(), n)

	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
