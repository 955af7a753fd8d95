package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"time"

	"github.com/redis/go-redis/v9"

	"casebot/bot/keys"
	"casebot/bot/wecomtest"
	"casebot/bot/wecomtest/load"
	"casebot/config"
)

// runLoadtest is `casebot loadtest`: it starts `casebot serve` (this very
// binary) on real Redis with a fake WeCom, drives it with WeCom-signed
// callbacks, and prints latency, memory and a Redis baseline.
func runLoadtest(e *env, args []string) error {
	fs := e.flags("loadtest")
	redisAddr := fs.String("redis", "", "Redis 地址；不填则用配置 redis.addr，再不填则启动一个临时 redis-server")
	ackRate := fs.Int("ack-rate", 1000, "第一阶段（应答延迟）每秒回调数")
	ackDur := fs.Duration("ack-duration", 30*time.Second, "第一阶段时长")
	e2eRate := fs.Int("e2e-rate", 200, "第二阶段（端到端延迟）每秒回调数")
	e2eDur := fs.Duration("e2e-duration", 30*time.Second, "第二阶段时长")
	target := fs.String("target", "", "压测已在运行的 casebot serve 的回调地址（例如 http://127.0.0.1:8080/wecom/callback）；其 wecom.api_base 须指向 --fake-addr，wecom.* 与本命令的配置一致")
	fakeAddr := fs.String("fake-addr", "127.0.0.1:0", "模拟企业微信的监听地址")
	pid := fs.Int("pid", 0, "与 --target 同用：被测进程的 PID，用于读取内存占用和 CPU 时间")
	server := fs.String("server", "", "作为被测 casebot serve 启动的程序（默认本程序）：同一压测程序对比两个版本")
	profile := fs.String("profile", "", "目录：被测 casebot serve 在其中写入 CPU 剖析 cpu.pprof 与内存分配剖析 allocs.pprof（go tool pprof 读取）")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if *target != "" && (*server != "" || *profile != "") {
		return usagef("--server、--profile 只用于本命令启动的 casebot serve，不能与 --target 同用")
	}
	if *ackRate < 1 || *e2eRate < 1 || *ackDur <= 0 || *e2eDur <= 0 {
		return usagef("--ack-rate、--e2e-rate 须为正整数，--ack-duration、--e2e-duration 须为正的时长")
	}
	cfg, err := e.config(config.ModeDemo)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	// Real Redis: the flag, the configuration, or a private redis-server.
	addr := *redisAddr
	if addr == "" && cfg.Redis.Addr != "" {
		addr = cfg.Redis.Addr
	}
	if addr == "" {
		a, stopRedis, err := startRedisServer(e)
		if err != nil {
			return err
		}
		defer stopRedis()
		addr = a
	}
	rdb := redis.NewClient(&redis.Options{Addr: addr, Password: cfg.Redis.Password, DB: cfg.Redis.DB})
	defer rdb.Close()
	if err := rdb.Ping(ctx).Err(); err != nil {
		return fmt.Errorf("无法连接 Redis %s：%w", addr, err)
	}

	if *target == "" {
		demoIdentity(cfg) // a fresh, fictional app identity shared with the child
	}
	fake := wecomtest.New(cfg.WeCom.CorpID, cfg.WeCom.Secret, cfg.WeCom.AgentID)
	fln, err := net.Listen("tcp", *fakeAddr)
	if err != nil {
		return fmt.Errorf("无法监听模拟企业微信地址 %s：%w", *fakeAddr, err)
	}
	fsrv := &http.Server{Handler: fake}
	go fsrv.Serve(fln)
	defer fsrv.Close()

	prefix := "loadtest-" + randomHex(4)
	callbackURL, serverPID := *target, *pid
	if callbackURL == "" {
		exe := *server
		if exe == "" {
			if exe, err = os.Executable(); err != nil {
				return err
			}
		}
		var extra []string
		if *profile != "" {
			dir, err := filepath.Abs(*profile)
			if err != nil {
				return err
			}
			extra = append(extra, profileDirEnv+"="+dir)
		}
		url, childPID, child, err := startServeExe(ctx, exe, addr, prefix, "http://"+fln.Addr().String(), cfg, extra...)
		if err != nil {
			return err
		}
		defer child()
		callbackURL, serverPID = url, childPID
	}
	client := &wecomtest.Client{URL: callbackURL, Token: cfg.WeCom.Token, AESKey: cfg.WeCom.AESKey,
		CorpID: cfg.WeCom.CorpID, AgentID: cfg.WeCom.AgentID,
		HTTP: &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{
			MaxIdleConns: 1024, MaxIdleConnsPerHost: 1024, IdleConnTimeout: time.Minute}}}

	fmt.Fprintf(e.stdout, "casebot loadtest: server %s (pid %d), Redis %s, fake WeCom %s\n", callbackURL, serverPID, addr, fln.Addr())
	fmt.Fprintln(e.stdout, "note: 2 shared CPU cores run the server, Redis, the fake WeCom and the load generator at once; figures are noisy")
	inbox := ""
	if *target == "" {
		inbox = keys.New(prefix).Inbox()
	}
	_, err = load.Run(ctx, load.Options{Client: client, Fake: fake, Redis: rdb, PID: serverPID, Out: e.stdout, Inbox: inbox,
		Phases: []load.Phase{
			{Name: "ack", Rate: *ackRate, Duration: *ackDur},
			{Name: "end-to-end", Rate: *e2eRate, Duration: *e2eDur},
		}})
	if *target == "" {
		cleanPrefix(context.Background(), rdb, prefix)
	}
	return err
}

// startServe runs `casebot serve` as a child process configured through the
// environment, and waits until it is ready. It returns the callback URL and
// the child's pid; stop sends SIGTERM and waits for a graceful exit.
// extraEnv adds or overrides variables (CASEBOT_INBOX_WORKERS=1...).
func startServe(ctx context.Context, redisAddr, prefix, apiBase string, cfg *config.Config, extraEnv ...string) (url string, pid int, stop func(), err error) {
	exe, err := os.Executable()
	if err != nil {
		return "", 0, nil, err
	}
	return startServeExe(ctx, exe, redisAddr, prefix, apiBase, cfg, extraEnv...)
}

// startServeExe is startServe with the program to run as the server.
func startServeExe(ctx context.Context, exe, redisAddr, prefix, apiBase string, cfg *config.Config, extraEnv ...string) (url string, pid int, stop func(), err error) {
	port, err := freePort()
	if err != nil {
		return "", 0, nil, err
	}
	httpAddr := "127.0.0.1:" + strconv.Itoa(port)
	logPath := filepath.Join(os.TempDir(), fmt.Sprintf("casebot-serve-%d.log", port))
	logf, err := os.Create(logPath)
	if err != nil {
		return "", 0, nil, err
	}
	cmd := exec.Command(exe, "serve")
	cmd.Env = append(os.Environ(),
		"CASEBOT_CONFIG=",
		"CASEBOT_HTTP_ADDR="+httpAddr,
		"CASEBOT_REDIS_ADDR="+redisAddr,
		"CASEBOT_REDIS_PREFIX="+prefix,
		"CASEBOT_WECOM_CORP_ID="+cfg.WeCom.CorpID,
		"CASEBOT_WECOM_AGENT_ID="+strconv.Itoa(cfg.WeCom.AgentID),
		"CASEBOT_WECOM_SECRET="+cfg.WeCom.Secret,
		"CASEBOT_WECOM_TOKEN="+cfg.WeCom.Token,
		"CASEBOT_WECOM_AES_KEY="+cfg.WeCom.AESKey,
		"CASEBOT_WECOM_API_BASE="+apiBase,
		"CASEBOT_ADMIN_TOKEN="+cfg.Admin.Token,
		"CASEBOT_REMINDERS_ENABLED=false",
	)
	cmd.Env = append(cmd.Env, extraEnv...)
	cmd.Stdout, cmd.Stderr = logf, logf
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		logf.Close()
		return "", 0, nil, err
	}
	pid = cmd.Process.Pid
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	var once sync.Once
	stop = func() {
		once.Do(func() {
			cmd.Process.Signal(syscall.SIGTERM)
			select {
			case <-exited:
			case <-time.After(time.Minute):
				cmd.Process.Kill()
				<-exited
			}
			logf.Close()
		})
	}
	deadline := time.Now().Add(60 * time.Second)
	for {
		resp, err := http.Get("http://" + httpAddr + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return "http://" + httpAddr + "/wecom/callback", pid, stop, nil
			}
		}
		select {
		case err := <-exited:
			exited <- err // for stop
			stop()
			return "", 0, nil, fmt.Errorf("casebot serve 退出了（%v），日志见 %s", err, logPath)
		case <-ctx.Done():
			stop()
			return "", 0, nil, ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			stop()
			return "", 0, nil, fmt.Errorf("casebot serve 60 秒内未就绪，日志见 %s", logPath)
		}
	}
}

// startRedisServer starts a throwaway redis-server on a free port.
func startRedisServer(e *env) (string, func(), error) {
	path, err := exec.LookPath("redis-server")
	if err != nil {
		return "", nil, errors.New("没有可用的 Redis：请用 --redis 或 redis.addr 指定，或安装 redis-server")
	}
	port, err := freePort()
	if err != nil {
		return "", nil, err
	}
	addr := "127.0.0.1:" + strconv.Itoa(port)
	cmd := exec.Command(path, "--port", strconv.Itoa(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no")
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		return "", nil, err
	}
	stop := func() { cmd.Process.Kill(); cmd.Wait() }
	rdb := redis.NewClient(&redis.Options{Addr: addr})
	defer rdb.Close()
	for i := 0; ; i++ {
		if rdb.Ping(context.Background()).Err() == nil {
			return addr, stop, nil
		}
		if i > 200 {
			stop()
			return "", nil, fmt.Errorf("redis-server 未能在 %s 启动", addr)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// cleanPrefix deletes the keys the run wrote.
func cleanPrefix(ctx context.Context, rdb redis.UniversalClient, prefix string) {
	iter := rdb.Scan(ctx, 0, "{"+prefix+"}:*", 1000).Iterator()
	for iter.Next(ctx) {
		rdb.Del(ctx, iter.Val())
	}
}
