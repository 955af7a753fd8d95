package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/redis/go-redis/v9"

	"casebot/bot"
	"casebot/bot/bulletin"
	"casebot/bot/durable"
	"casebot/bot/explain"
	"casebot/bot/keys"
	"casebot/bot/lock"
	"casebot/bot/people"
	"casebot/bot/priority"
	"casebot/bot/sendlog"
	"casebot/bot/store"
	"casebot/bot/wecom"
	"casebot/config"
	"casebot/handlers"
	"casebot/handlers/webapp"
	"casebot/reminders"
)

// app is the running server, built the same way by `casebot serve` and
// `casebot demo`: the store, the WeCom sender, the bot with every handler,
// the background services (the process's presence, inbox workers, draft
// worker, reminders, bulletin pusher) and the HTTP mux.
//
// Every background service has the same shape (Start, Stop) and is run and
// drained here, in one place: start runs them in order, close stops them
// in the reverse order within one deadline (inbox.drain_timeout), the
// presence last, so that what is still held is taken over at once.
type app struct {
	cfg       *config.Config
	rdb       redis.UniversalClient
	store     *store.Store
	presence  *lock.Presence
	durable   *durable.Writer
	sender    *wecom.Sender
	bot       *bot.Bot
	inbox     *wecom.Inbox
	reminders *reminders.Service
	bulletins *bulletin.Pusher
	explain   *explain.Service
	webapp    *webapp.App
	metrics   *wecom.Metrics
	mux       *http.ServeMux
	log       *slog.Logger
	opt       appOptions

	services  []service // in start order
	started   []service
	closeOnce sync.Once
}

// service is the one lifecycle of every background service.
type service interface {
	Start(ctx context.Context) error
	Stop(ctx context.Context) error
}

// namedService names a service in logs.
type namedService struct {
	name string
	service
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
	// NoRedisCheck skips the durability settings check (the demo's
	// in-process Redis has no configuration to check).
	NoRedisCheck bool
	// Now is the clock of everything that reads the date: the ledger's
	// stamps, the chat's "today", reminders, bulletins, drafts (the demo's
	// --at). If nil, time.Now. Claims, leases and heartbeats keep the wall
	// clock: other processes share them.
	Now func() time.Time
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
	if opt.Now != nil {
		st.Now = opt.Now
	}
	a := &app{cfg: cfg, rdb: rdb, store: st, log: log, mux: http.NewServeMux(), opt: opt}

	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	a.metrics = wecom.NewMetrics(reg)

	// The process's presence: the name its stream entries and send claims
	// are held under, and the heartbeat that lets other replicas take them
	// over within seconds of this process dying.
	a.presence = lock.NewPresence(rdb, k, "", cfg.Inbox.Heartbeat, log)
	a.durable = durable.NewWriter(rdb, cfg.Redis.Replicas(), cfg.Redis.WaitTimeout).Expect(cfg.Redis.Replicated())
	a.durable.Key = k.Inbox()

	a.sender = wecom.NewSender(cfg.WeCom, cfg.Sender, rdb, k,
		wecom.Options{HTTPClient: opt.HTTPClient, Log: log, Metrics: a.metrics,
			Owner: a.presence.Name(), Heartbeat: true, Durable: a.durable})

	a.bot = &bot.Bot{
		Sender: a.sender, Directory: a.store.Directory(),
		Redis: rdb, Keys: k, Location: cfg.Location, Log: log, Now: opt.Now,
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
	if opt.Now != nil {
		rs.Now = opt.Now
	}
	a.reminders = rs

	// Monthly 败诉 bulletin (bot/bulletin): pushed by cron on the 1st,
	// caught up after downtime; chat asks are handled by handlers.
	bs, err := bulletin.NewPusher(cfg, a.store, a.sender)
	if err != nil {
		rdb.Close()
		return nil, err
	}
	bs.Log = log
	if opt.Now != nil {
		bs.Now = opt.Now
	}
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
	ex.Worker.Consumer = a.presence.Name()
	a.explain = ex

	// The app page first: the chat hands it the file requests it reads.
	if err := a.mountWebApp(); err != nil { // webapp.go
		rdb.Close()
		return nil, err
	}
	deps := handlers.Deps{Config: cfg, Store: a.store, Reminders: a.reminders, Explain: a.explain, Files: a.webapp}
	handlers.Register(a.bot, deps)

	// Replies yield to acknowledgements (bot/priority): the callback tells
	// the limiter how fast it answers, the workers wait for its turn.
	pace := priority.New(cfg.Inbox.Workers, cfg.Inbox.AckTarget, nil)
	reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "casebot_inbox_handling_limit",
		Help: "Messages this replica may handle at once now (lower while acknowledgements are slow).",
	}, func() float64 { return float64(pace.Limit()) }))
	a.inbox = wecom.NewInbox(rdb, k, a.bot.Handle, wecom.InboxOptions{
		Workers: cfg.Inbox.Workers, Heartbeat: cfg.Inbox.Heartbeat, ClaimIdle: cfg.Inbox.ClaimIdle,
		MaxDeliveries: cfg.Inbox.MaxDeliveries, Backoff: cfg.Inbox.RetryBackoff,
		Consumer: a.presence.Name(), Durable: a.durable, Gate: pace, MaxBacklog: cfg.Inbox.MaxBacklog,
		Log: log, Metrics: a.metrics, Done: opt.InboxDone, GiveUp: a.giveUp,
	})

	crypto, err := wecom.NewCrypto(cfg.WeCom.Token, cfg.WeCom.AESKey, cfg.WeCom.CorpID)
	if err != nil {
		rdb.Close()
		return nil, fmt.Errorf("配置 wecom.token / wecom.aes_key / wecom.corp_id：%w", err)
	}
	cb := &wecom.Callback{Crypto: crypto, Inbox: a.inbox, Log: log, Metrics: a.metrics,
		MaxInFlight: cfg.Inbox.MaxInFlight, MaxClockSkew: cfg.WeCom.MaxClockSkew, Acks: pace}
	a.mux.Handle("GET /wecom/callback", cb)
	a.mux.Handle("POST /wecom/callback", cb)
	a.mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintln(w, "ok")
	})
	a.mux.HandleFunc("GET /readyz", a.readyz)
	a.mux.Handle("GET /metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{Registry: reg}))
	a.mux.Handle("/admin/", handlers.Admin(deps, handlers.AdminOptions{Log: log, Inbox: a.inbox}))

	a.services = []service{
		namedService{"presence", a.presence},
		namedService{"inbox", a.inbox},
		namedService{"explain worker", a.explain},
		namedService{"reminders", a.reminders},
		namedService{"bulletin pusher", a.bulletins},
	}
	return a, nil
}

// giveUp tells staff of a message given up on, then the user, each push
// under an id naming the message and the recipient, so that a redriven
// message given up again (or a directory changed meanwhile) tells nobody
// twice and nobody is skipped. Staff go first so that the apology can tell
// the truth about whether they were told. While WeCom (or Redis) is
// failing — a push undelivered, staff not readable — it returns the error
// and the message stays pending: tried again later, the pushes already
// made are not made twice, and the apology waits until staff were told.
// A push WeCom refuses for good (a recipient unknown) is logged and
// skipped.
func (a *app) giveUp(ctx context.Context, msg *bot.Message, reason string) error {
	if msg.From == "" {
		return nil
	}
	send := func(to string, out bot.Outbound) error {
		_, err := a.sender.Send(sendlog.WithID(ctx, keys.ReplySendNS, "giveup:"+msg.ID+":"+to), out)
		return err
	}
	told := 0
	dests, err := a.staff(ctx)
	if err != nil {
		return fmt.Errorf("staff to alert about a given-up message: %w", err)
	}
	if len(dests) == 0 {
		a.log.Error("no staff to alert about a given-up message: set reminders.staff_chat or add staff to the directory", "msg", msg.ID)
	}
	text := a.alertText(ctx, msg)
	var undelivered error
	for _, d := range dests {
		out := bot.Text(text, d)
		if chat, ok := strings.CutPrefix(d, "chat:"); ok {
			out = bot.Outbound{ToChat: chat, Type: bot.MsgText, Text: text}
		}
		if err := send(d, out); err != nil {
			a.log.Error("staff alert about a given-up message not sent", "to", d, "msg", msg.ID, "err", err)
			if errors.Is(err, bot.ErrUndelivered) {
				undelivered = err
			}
			continue
		}
		told++
	}
	if undelivered != nil {
		return fmt.Errorf("staff alert about a given-up message: %w", undelivered)
	}
	if err := send("user", bot.Text(wecom.GiveUpMessage(told > 0), msg.From)); err != nil {
		a.log.Error("apology for a given-up message not sent", "user", msg.From, "msg", msg.ID, "err", err)
		if errors.Is(err, bot.ErrUndelivered) {
			return fmt.Errorf("apology for a given-up message: %w", err)
		}
	}
	return nil
}

// staff are whom a given-up message is reported to: the 专班 group chat
// (reminders.staff_chat, as "chat:ID") and every staff person in the
// directory.
func (a *app) staff(ctx context.Context) ([]string, error) {
	var out []string
	if a.cfg.Reminder.StaffChat != "" {
		out = append(out, "chat:"+a.cfg.Reminder.StaffChat)
	}
	ps, err := a.store.People(ctx)
	if err != nil {
		return out, err
	}
	var ids []string
	for _, p := range ps {
		if p.Role == people.Staff {
			ids = append(ids, p.UserID)
		}
	}
	sort.Strings(ids)
	return append(out, ids...), nil
}

// alertText tells staff who wrote what, so they can call them.
func (a *app) alertText(ctx context.Context, msg *bot.Message) string {
	who := msg.From
	if p, err := a.store.LookupPerson(ctx, msg.From); err == nil && p != nil {
		who = p.Name + "（" + msg.From + "）"
		if p.Agency != "" {
			who = p.Agency + " " + who
		}
	}
	what := "一次操作"
	if msg.Type == "text" {
		r := []rune(strings.TrimSpace(msg.Text))
		if len(r) > 60 {
			r = append(r[:60], '…')
		}
		what = "消息“" + string(r) + "”"
	} else if msg.Event != "" {
		what = "一次卡片或菜单操作"
	}
	at := msg.CreateTime.In(a.cfg.Location).Format("1月2日15:04")
	return fmt.Sprintf("【消息未能处理】%s 于%s发来的%s多次处理未成功，系统已停止重试，并会另行告知本人。请尽快联系本人处理。该消息保存在待处理队列中，可在管理接口 /admin/inbox 查看。", who, at, what)
}

// readiness is the JSON of /readyz.
type readiness struct {
	Ready    bool            `json:"ready"`
	Redis    string          `json:"redis"`
	Problems []wecom.Problem `json:"wecom_problems"`
	// Durable is false when Redis's settings can lose what casebot
	// promised (appendonly, maxmemory-policy); RedisSettings says which.
	Durable       bool              `json:"durable"`
	RedisSettings []durable.Problem `json:"redis_settings,omitempty"`
	// WaitReplicas is the replicas each promise-backing write waits for
	// now; WaitSetting is redis.wait_replicas (a number, or all).
	WaitReplicas int       `json:"wait_replicas"`
	WaitSetting  string    `json:"wait_replicas_setting"`
	Message      string    `json:"message,omitempty"`
	Warning      string    `json:"warning,omitempty"`
	Checked      time.Time `json:"checked_at"`
}

// readyz answers 200 when Redis answers and WeCom reported no configuration
// error (bad secret 40001, untrusted IP 60020...), else 503 naming the cause.
// Redis settings that break durability (appendonly no, an evicting
// maxmemory-policy) are reported too, with durable=false and a warning:
// the server still works, and taking it out of service would lose more
// messages than the settings do.
func (a *app) readyz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	res := readiness{Ready: true, Redis: "ok", Problems: a.sender.Health().Problems(), Durable: true,
		WaitReplicas: a.durable.Replicas(), WaitSetting: a.durable.Setting(), Checked: time.Now()}
	if err := a.rdb.Ping(ctx).Err(); err != nil {
		res.Ready, res.Redis = false, err.Error()
		res.Message = "无法连接 Redis：请检查 redis.addr 与 Redis 服务状态"
	} else if !a.opt.NoRedisCheck {
		if ps, err := durable.Check(ctx, a.rdb, a.store.Keys().Inbox()); err == nil && len(ps) > 0 {
			res.Durable, res.RedisSettings = false, ps
			res.Warning = ps[0].Message
		}
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
// checks Redis's durability settings, then starts the background services
// in order. If one fails, those already started are stopped.
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
	if !a.opt.NoRedisCheck {
		ps, err := durable.Check(ctx, a.rdb, a.store.Keys().Inbox())
		if err != nil {
			return fmt.Errorf("无法读取 Redis（检查 redis.addr）：%w", err)
		}
		for _, p := range ps {
			a.log.Error("Redis is not set up to keep what casebot promises (see README, Redis)", "setting", p.Setting,
				"want", p.Want, "got", p.Got, "fix", p.Message)
		}
	}
	for _, s := range a.services {
		if err := s.Start(ctx); err != nil {
			a.stopServices(context.Background())
			return fmt.Errorf("启动%s失败：%w", s.(namedService).name, err)
		}
		a.started = append(a.started, s)
	}
	return nil
}

// stopServices stops the started services in reverse order, sharing one
// deadline.
func (a *app) stopServices(ctx context.Context) {
	for i := len(a.started) - 1; i >= 0; i-- {
		s := a.started[i].(namedService)
		if err := s.Stop(ctx); err != nil {
			a.log.Warn(s.name+" did not stop cleanly; what it held is resumed by another replica or the next start", "err", err)
		}
	}
	a.started = nil
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

// close stops the background services, in the reverse order of start,
// within inbox.drain_timeout, and closes Redis. It is safe to call more
// than once.
func (a *app) close() {
	a.closeOnce.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), a.cfg.Inbox.DrainTimeout)
		a.stopServices(ctx)
		cancel()
		a.rdb.Close()
		a.log.Info("stopped")
	})
}
