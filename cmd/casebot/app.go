package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/redis/go-redis/v9"

	"casebot/bot"
	"casebot/bot/explain"
	"casebot/bot/keys"
	"casebot/bot/store"
	"casebot/bot/wecom"
	"casebot/config"
	"casebot/handlers"
	"casebot/reminders"
)

// app is the running server, built the same way by `casebot serve` and
// `casebot demo`: the store, the WeCom sender, the bot with every handler,
// the background services (inbox workers, reminders, bulletin, explain
// drafts) and the HTTP mux.
type app struct {
	cfg       *config.Config
	rdb       redis.UniversalClient
	store     *store.Store
	sender    *wecom.Sender
	bot       *bot.Bot
	inbox     *wecom.Inbox
	reminders *reminders.Service
	bulletins *reminders.Bulletins
	explain   *explain.Service
	metrics   *wecom.Metrics
	mux       *http.ServeMux
	log       *slog.Logger

	stopInbox context.CancelFunc
	inboxDone chan struct{}
	closeOnce sync.Once
}

// appOptions are what the demo and tests replace.
type appOptions struct {
	// Redis is the client to use; if nil, store.Dial(cfg.Redis). The app
	// closes it either way.
	Redis redis.UniversalClient
	// HTTPClient is the sender's; if nil, one with sender.timeout.
	HTTPClient *http.Client
	Log        *slog.Logger
	// InboxDone, if set, is told the outcome of every inbox message (tests).
	InboxDone func(msg *bot.Message, outcome string)
}

// newApp builds the server from validated configuration. Nothing runs until
// start.
func newApp(cfg *config.Config, opt appOptions) (*app, error) {
	log := opt.Log
	if log == nil {
		log = slog.Default()
	}
	rdb := opt.Redis
	if rdb == nil {
		rdb = store.Dial(cfg.Redis)
	}
	k := keys.New(cfg.Redis.Prefix)
	st, err := openLedger(cfg, rdb)
	if err != nil {
		rdb.Close()
		return nil, err
	}
	a := &app{cfg: cfg, rdb: rdb, store: st, log: log, mux: http.NewServeMux()}

	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	a.metrics = wecom.NewMetrics(reg)

	a.sender = wecom.NewSender(cfg.WeCom, cfg.Sender, rdb, k,
		wecom.Options{HTTPClient: opt.HTTPClient, Log: log, Metrics: a.metrics})

	a.bot = &bot.Bot{
		Sender: a.sender, Directory: bot.DirectoryFunc(a.store.LookupPerson),
		Redis: rdb, Keys: k, Location: cfg.Location, Log: log,
	}
	a.bot.Use(bot.Logger(log))

	// Hearing reminders (reminders/): swept by cron, buttons handled by
	// handlers/remind.go.
	rs, err := reminders.New(cfg, a.store, a.sender)
	if err != nil {
		rdb.Close()
		return nil, err
	}
	rs.Log = log
	a.reminders = rs

	// Monthly 败诉 bulletin (reminders/bulletin.go): pushed by cron on the
	// 1st, caught up after downtime; chat asks are handled by handlers.
	bs, err := reminders.NewBulletins(cfg, a.store, a.sender)
	if err != nil {
		rdb.Close()
		return nil, err
	}
	bs.Log = log
	a.bulletins = bs

	// 以案说法 drafts (bot/explain): the worker writes queued drafts with the
	// model, or offline when llm.base_url is unset, and sends them. A
	// prompt template that does not parse stops the start here.
	model, err := explain.Model(cfg.LLM)
	if err != nil {
		rdb.Close()
		return nil, err
	}
	ex, err := explain.New(cfg, a.store, a.sender, model)
	if err != nil {
		rdb.Close()
		return nil, fmt.Errorf("以案说法：%w", err)
	}
	ex.SetLog(log)
	a.explain = ex

	deps := handlers.Deps{Config: cfg, Store: a.store, Reminders: a.reminders, Explain: a.explain}
	handlers.Register(a.bot, deps)

	a.inbox = wecom.NewInbox(rdb, k, a.bot.Handle, wecom.InboxOptions{
		Workers: cfg.Inbox.Workers, ClaimIdle: cfg.Inbox.ClaimIdle, MaxDeliveries: cfg.Inbox.MaxDeliveries,
		DrainTimeout: cfg.Inbox.DrainTimeout, Log: log, Metrics: a.metrics, Done: opt.InboxDone,
		GiveUp: func(ctx context.Context, msg *bot.Message) {
			if msg.From == "" {
				return
			}
			if _, err := a.sender.Send(ctx, bot.Outbound{ToUsers: []string{msg.From}, Type: bot.MsgText,
				Text: wecom.GiveUpMessage()}); err != nil {
				log.Error("apology for a given-up message not sent", "user", msg.From, "err", err)
			}
		},
	})

	crypto, err := wecom.NewCrypto(cfg.WeCom.Token, cfg.WeCom.AESKey, cfg.WeCom.CorpID)
	if err != nil {
		rdb.Close()
		return nil, fmt.Errorf("配置 wecom.token / wecom.aes_key / wecom.corp_id：%w", err)
	}
	cb := &wecom.Callback{Crypto: crypto, Inbox: a.inbox, Log: log, Metrics: a.metrics,
		MaxInFlight: cfg.Inbox.MaxInFlight}
	a.mux.Handle("GET /wecom/callback", cb)
	a.mux.Handle("POST /wecom/callback", cb)
	a.mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintln(w, "ok")
	})
	a.mux.HandleFunc("GET /readyz", a.readyz)
	a.mux.Handle("GET /metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{Registry: reg}))
	a.mux.Handle("/admin/", handlers.Admin(deps))
	return a, nil
}

// readiness is the JSON of /readyz.
type readiness struct {
	Ready    bool            `json:"ready"`
	Redis    string          `json:"redis"`
	Problems []wecom.Problem `json:"wecom_problems"`
	Message  string          `json:"message,omitempty"`
	Checked  time.Time       `json:"checked_at"`
}

// readyz answers 200 when Redis answers and WeCom reported no configuration
// error (bad secret 40001, untrusted IP 60020...), else 503 naming the cause.
func (a *app) readyz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	res := readiness{Ready: true, Redis: "ok", Problems: a.sender.Health().Problems(), Checked: time.Now()}
	if err := a.rdb.Ping(ctx).Err(); err != nil {
		res.Ready, res.Redis = false, err.Error()
		res.Message = "无法连接 Redis：请检查 redis.addr 与 Redis 服务状态"
	}
	if len(res.Problems) > 0 {
		res.Ready = false
		if res.Message == "" {
			res.Message = "企业微信报告配置错误：" + res.Problems[0].Hint
		}
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	if !res.Ready {
		w.WriteHeader(http.StatusServiceUnavailable)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(res)
}

// start rebuilds the derived indexes a ledger written before them lacks,
// then runs the background services: the inbox workers, the hearing
// reminders, the bulletin scheduler and the explain worker.
func (a *app) start(ctx context.Context) error {
	// A ledger written before the 结案方式, person and deadline indexes
	// existed (or whose deadlines were indexed under another work calendar)
	// gets them once, before any question is answered from them (a no-op
	// once their marker keys are set; see store.Reindex).
	if n, err := a.store.Reindex(ctx); err != nil {
		return fmt.Errorf("重建台账索引失败（检查 redis.addr）：%w", err)
	} else if n > 0 {
		a.log.Info("ledger indexes rebuilt", "cases", n)
	}
	if err := a.inbox.EnsureGroup(ctx); err != nil {
		return fmt.Errorf("无法在 Redis 中创建消息队列（检查 redis.addr）：%w", err)
	}
	ictx, stop := context.WithCancel(context.WithoutCancel(ctx))
	a.stopInbox, a.inboxDone = stop, make(chan struct{})
	go func() {
		defer close(a.inboxDone)
		a.inbox.Run(ictx)
	}()
	if err := a.reminders.Start(ctx); err != nil {
		return err
	}

	if err := a.bulletins.Start(ctx); err != nil {
		return err
	}

	if err := a.explain.Start(ctx); err != nil {
		return fmt.Errorf("以案说法队列：%w", err)
	}
	return nil
}

// serve answers HTTP on ln until ctx ends, then shuts down gracefully:
// callbacks in flight are answered, messages taken by workers are handled
// (up to inbox.drain_timeout), the schedulers stop after their running
// sweep, and Redis is closed last.
func (a *app) serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{Handler: a.mux, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second,
		WriteTimeout: 60 * time.Second, IdleTimeout: 2 * time.Minute,
		ErrorLog: slog.NewLogLogger(a.log.Handler(), slog.LevelWarn)}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	var err error
	select {
	case err = <-served:
	case <-ctx.Done():
		a.log.Info("shutting down: finishing callbacks and messages in flight")
		sctx, cancel := context.WithTimeout(context.Background(), a.cfg.Inbox.DrainTimeout)
		if serr := srv.Shutdown(sctx); serr != nil {
			a.log.Warn("HTTP shutdown", "err", serr)
		}
		cancel()
	}
	a.close()
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}

// close stops the background services, in the reverse order of start, and
// closes Redis. It is safe to call more than once.
func (a *app) close() {
	a.closeOnce.Do(func() {
		if a.stopInbox != nil {
			a.stopInbox()
			<-a.inboxDone // Run drains for up to inbox.drain_timeout
		}
		ctx, cancel := context.WithTimeout(context.Background(), a.cfg.Inbox.DrainTimeout)
		if err := a.explain.Stop(ctx); err != nil {
			a.log.Warn("explain worker stopped before its drafts were done; they will be resumed", "err", err)
		}
		cancel()
		a.bulletins.Stop()
		a.reminders.Stop()
		a.rdb.Close()
		a.log.Info("stopped")
	})
}
