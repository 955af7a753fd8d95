package main

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/redis/go-redis/v9"

	"casebot/bot/sandbox"
	"casebot/bot/store"
	"casebot/bot/wecomtest"
	"casebot/config"
)

func runDemo(e *env, args []string) error {
	fs := e.flags("demo")
	at := fs.String("at", "", "演示从这一时刻开始（按配置时区，如 \"2026-12-01 08:55\"），此后时间照常流逝：用来演练开庭前一天的提醒、每月1日的通报等；不填为现在")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	cfg, err := e.config(config.ModeDemo)
	if err != nil {
		return err
	}
	now := time.Now
	if *at != "" {
		start, err := parseDemoAt(*at, cfg.Location)
		if err != nil {
			return usagef("--at：%v", err)
		}
		now = shiftedClock(start, time.Now)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	log := slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	d, err := startDemo(ctx, cfg, log, now)
	if err != nil {
		return err
	}
	n, _ := d.app.store.CountCases(ctx)
	fmt.Fprintf(e.stderr, "casebot 演示已启动：请用浏览器打开 %s ，已载入 %d 件虚构案件；管理接口令牌 %s；按 Ctrl+C 停止\n",
		d.URL, n, cfg.Admin.Token)
	return d.wait(ctx)
}

// demoServer is a running demo: the app as `serve` builds it, on Redis
// in-process (unless redis.addr is set), sending through a fake WeCom, with
// the sandbox page at /.
type demoServer struct {
	URL    string // http://host:port of the page
	app    *app
	fake   *wecomtest.Server
	client *wecomtest.Client
	served chan error

	cleanup []func()
}

// demoIdentity fills in the WeCom app identity the demo's fake and callback
// client share. Nothing here reaches a real WeCom.
func demoIdentity(cfg *config.Config) {
	cfg.WeCom.CorpID = "ww_casebot_demo"
	cfg.WeCom.AgentID = 1000002
	cfg.WeCom.Secret = "demo-secret-" + randomHex(8)
	cfg.WeCom.Token = "demo" + randomHex(8)
	key := make([]byte, 32)
	rand.Read(key)
	cfg.WeCom.AESKey = base64.StdEncoding.EncodeToString(key)[:43]
	if cfg.Admin.Token == "" {
		cfg.Admin.Token = "demo-" + randomHex(16)
	}
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// startDemo starts everything and returns once the page is served.
func startDemo(ctx context.Context, cfg *config.Config, log *slog.Logger, now func() time.Time) (d *demoServer, err error) {
	d = &demoServer{served: make(chan error, 1)}
	defer func() {
		if err != nil {
			d.close()
		}
	}()
	demoIdentity(cfg)
	// The demo's WeCom is the fake, whose calendar the sandbox shows
	// (/demo/api/schedules): put the hearings in it.
	cfg.Reminder.CalendarEvents = true

	var rdb redis.UniversalClient
	inProcess := len(cfg.Redis.Endpoints()) == 0
	if inProcess {
		mr := miniredis.NewMiniRedis()
		if err := mr.Start(); err != nil {
			return nil, fmt.Errorf("无法启动内置 Redis：%w", err)
		}
		d.cleanup = append(d.cleanup, mr.Close)
		rdb = redis.NewClient(&redis.Options{Addr: mr.Addr()})
	} else {
		rdb = store.Dial(cfg.Redis)
	}

	// The fake WeCom, on a loopback port of its own: the app reaches it
	// through wecom.api_base like the real one.
	d.fake = wecomtest.New(cfg.WeCom.CorpID, cfg.WeCom.Secret, cfg.WeCom.AgentID)
	fln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		rdb.Close()
		return nil, fmt.Errorf("无法启动模拟企业微信：%w", err)
	}
	fsrv := &http.Server{Handler: d.fake, ReadHeaderTimeout: 10 * time.Second}
	go fsrv.Serve(fln)
	d.cleanup = append(d.cleanup, func() { fsrv.Close() })
	cfg.WeCom.APIBase = "http://" + fln.Addr().String()

	st, err := openLedger(cfg, rdb)
	if err != nil {
		rdb.Close()
		return nil, err
	}
	if err := seedDemo(ctx, st, cfg, now()); err != nil {
		rdb.Close()
		return nil, err
	}

	ln, err := net.Listen("tcp", cfg.HTTP.Addr)
	if err != nil {
		rdb.Close()
		return nil, fmt.Errorf("无法监听 %s（可用 --config 或 CASEBOT_HTTP_ADDR 换一个地址）：%v", cfg.HTTP.Addr, err)
	}
	host := ln.Addr().(*net.TCPAddr)
	if host.IP.IsUnspecified() {
		host = &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: host.Port}
	}
	d.URL = "http://" + host.String()
	// The app page signs in through the fake's 网页授权, which returns to
	// the demo's own address.
	cfg.App.BaseURL, cfg.App.OAuthBase = d.URL, cfg.WeCom.APIBase
	a, err := newApp(cfg, appOptions{Redis: rdb, Log: log, NoRedisCheck: inProcess, Now: now})
	if err != nil {
		ln.Close()
		return nil, err
	}
	d.app = a
	d.client = &wecomtest.Client{URL: d.URL + "/wecom/callback", Token: cfg.WeCom.Token, AESKey: cfg.WeCom.AESKey,
		CorpID: cfg.WeCom.CorpID, AgentID: cfg.WeCom.AgentID, Retries: 3}
	sb := &sandbox.Sandbox{Fake: d.fake, Client: d.client, People: st.People}
	sb.Register(a.mux)

	if err := a.start(ctx); err != nil {
		ln.Close()
		return nil, err
	}
	go func() { d.served <- a.serve(ctx, ln) }()
	return d, nil
}

// wait blocks until the demo stops (ctx ended, or the server failed).
func (d *demoServer) wait(ctx context.Context) error {
	err := <-d.served
	d.close()
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return err
}

func (d *demoServer) close() {
	if d.app != nil {
		d.app.close()
	}
	for i := len(d.cleanup) - 1; i >= 0; i-- {
		d.cleanup[i]()
	}
	d.cleanup = nil
}

// demoAtLayouts are the ways --at may be written.
var demoAtLayouts = []string{"2006-01-02 15:04", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02T15:04:05", "2006-01-02"}

// parseDemoAt reads --at in the configured time zone.
func parseDemoAt(s string, loc *time.Location) (time.Time, error) {
	for _, layout := range demoAtLayouts {
		if t, err := time.ParseInLocation(layout, strings.TrimSpace(s), loc); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("“%s”不是日期时间，请写成 2026-12-01 08:55 的样子", s)
}

// shiftedClock is a clock that read start when it was made and runs at
// the pace of real: the demo's pretended day.
func shiftedClock(start time.Time, real func() time.Time) func() time.Time {
	offset := start.Sub(real())
	return func() time.Time { return real().Add(offset) }
}
