package config

import (
	"fmt"
	"time"
)

// Inbox configures the durable inbox between the WeCom callback and the
// workers that handle messages.
type Inbox struct {
	// Workers is how many messages one replica handles at once. If unset, 8.
	Workers int `mapstructure:"workers"`
	// ClaimIdle is the safety net behind the heartbeat: a message left
	// unrenewed this long with any worker is taken over. If unset, 1m. A
	// crashed replica's messages are taken over much sooner, once its
	// heartbeat is gone; live workers renew theirs.
	ClaimIdle time.Duration `mapstructure:"claim_idle"`
	// MaxDeliveries is how many times one message is tried before it is
	// moved to the dead-letter stream, the user gets an apology and staff
	// an alert. If unset, 5.
	MaxDeliveries int `mapstructure:"max_deliveries"`
	// DrainTimeout bounds graceful shutdown: in-flight callbacks and
	// messages get this long to finish. If unset, 30s.
	DrainTimeout time.Duration `mapstructure:"drain_timeout"`
	// Heartbeat is how often a replica renews the messages it holds and
	// looks for dead replicas; a replica silent for 5 heartbeats is dead
	// and its messages are taken over at once. If unset, 1s.
	Heartbeat time.Duration `mapstructure:"heartbeat"`
	// RetryBackoff is the wait before a message whose handling or reply
	// failed is tried again; doubled after each further failure, up to a
	// minute. If unset, 2s.
	RetryBackoff time.Duration `mapstructure:"retry_backoff"`
	// MaxInFlight bounds the callback POSTs one replica answers at once;
	// beyond it a POST is answered 503 at once and WeCom retries it, so an
	// overloaded replica keeps bounded memory. If unset, 2048: WeCom waits
	// 5 s for an answer, so at 1,000 callbacks a second with a starved
	// machine answering in 2 s, 2,000 are in flight; far beyond that
	// WeCom gives up on them and retries anyway. (512 refused callbacks
	// whenever a saturated box slowed acknowledgements to half a second.)
	MaxInFlight int `mapstructure:"max_in_flight"`
	// AckTarget is the acknowledgement time the callback is kept under:
	// while more than 1 % of callbacks take longer, fewer messages are
	// handled at once (down to one), so acknowledgements get the CPU and a
	// saturated replica grows a durable backlog instead (bot/priority).
	// 0 turns this off (always Workers at once). If unset, 5ms.
	AckTarget time.Duration `mapstructure:"ack_target"`
	// MaxBacklog bounds the messages accepted and not yet handled, across
	// replicas: beyond it the callback answers 503 (WeCom retries later)
	// rather than grow the inbox stream without end. 0 means no bound. If
	// unset, 50000 (about 25 MB of Redis memory).
	MaxBacklog int64 `mapstructure:"max_backlog"`
}

// Sender configures pushes to WeCom.
type Sender struct {
	// Timeout bounds one WeCom API request. If unset, 10s.
	Timeout time.Duration `mapstructure:"timeout"`
	// Retries is how many times a request WeCom answered with errcode -1
	// (busy), an HTTP 5xx or a network error is retried, with backoff. If
	// unset, 3 (WeCom asks for no more).
	Retries int `mapstructure:"retries"`
	// PerUserPerMinute and PerUserPerHour are the per-member limits WeCom
	// enforces by silently dropping messages (30/min, 1000/h); casebot
	// queues messages to stay under them. Lower them, never raise them.
	PerUserPerMinute int `mapstructure:"per_user_per_minute"`
	PerUserPerHour   int `mapstructure:"per_user_per_hour"`
	// PartInterval is the pause between the parts of a long message, so the
	// WeCom client shows them in order. If unset, 200ms.
	PartInterval time.Duration `mapstructure:"part_interval"`
}

// callbackBudget bounds redis.wait_timeout: the callback's Redis work
// must end well inside WeCom's five seconds (the callback itself allows 2s).
const callbackBudget = 2*time.Second + time.Millisecond

func defaultInbox() Inbox {
	return Inbox{Workers: 8, ClaimIdle: time.Minute, MaxDeliveries: 5, DrainTimeout: 30 * time.Second,
		Heartbeat: time.Second, RetryBackoff: 2 * time.Second, MaxInFlight: 2048,
		AckTarget: 5 * time.Millisecond, MaxBacklog: 50_000}
}

func defaultSender() Sender {
	return Sender{Timeout: 10 * time.Second, Retries: 3, PerUserPerMinute: 30, PerUserPerHour: 1000,
		PartInterval: 200 * time.Millisecond}
}

// validateTransport checks the inbox and sender keys.
func (c *Config) validateTransport() error {
	switch {
	case c.Inbox.Workers < 1:
		return fmt.Errorf("配置 inbox.workers 应为正整数，当前为 %d", c.Inbox.Workers)
	case c.Inbox.ClaimIdle <= 0:
		return fmt.Errorf("配置 inbox.claim_idle 应为正的时长（例如 1m），当前为 %s", c.Inbox.ClaimIdle)
	case c.Inbox.MaxDeliveries < 1:
		return fmt.Errorf("配置 inbox.max_deliveries 应为正整数，当前为 %d", c.Inbox.MaxDeliveries)
	case c.Inbox.DrainTimeout <= 0:
		return fmt.Errorf("配置 inbox.drain_timeout 应为正的时长（例如 30s），当前为 %s", c.Inbox.DrainTimeout)
	case c.Inbox.Heartbeat <= 0:
		return fmt.Errorf("配置 inbox.heartbeat 应为正的时长（例如 1s），当前为 %s", c.Inbox.Heartbeat)
	case c.Inbox.RetryBackoff <= 0:
		return fmt.Errorf("配置 inbox.retry_backoff 应为正的时长（例如 2s），当前为 %s", c.Inbox.RetryBackoff)
	}
	if _, err := c.Redis.replicas(); err != nil {
		return err
	}
	switch {
	case c.Redis.Replicas() != 0 && c.Redis.WaitTimeout <= 0:
		return fmt.Errorf("配置 redis.wait_timeout 应为正的时长（例如 1s），当前为 %s", c.Redis.WaitTimeout)
	case c.Redis.WaitTimeout >= callbackBudget:
		return fmt.Errorf("配置 redis.wait_timeout=%s 太长：回调须在企业微信的 5 秒内应答，请设为 2s 以内", c.Redis.WaitTimeout)
	case c.WeCom.MaxClockSkew <= 0 || c.WeCom.MaxClockSkew > 24*time.Hour:
		return fmt.Errorf("配置 wecom.max_clock_skew 应在 1s 到 24h 之间（例如 5m），当前为 %s", c.WeCom.MaxClockSkew)
	case c.Admin.MaxFailures < 1:
		return fmt.Errorf("配置 admin.max_failures 应为正整数，当前为 %d", c.Admin.MaxFailures)
	case c.Inbox.AckTarget < 0 || c.Inbox.AckTarget > time.Second:
		return fmt.Errorf("配置 inbox.ack_target 应在 0（关闭）到 1s 之间（例如 5ms），当前为 %s", c.Inbox.AckTarget)
	case c.Inbox.MaxBacklog < 0:
		return fmt.Errorf("配置 inbox.max_backlog 不能为负数（0 表示不限），当前为 %d", c.Inbox.MaxBacklog)
	case c.Inbox.MaxInFlight < 1:
		return fmt.Errorf("配置 inbox.max_in_flight 应为正整数，当前为 %d", c.Inbox.MaxInFlight)
	case c.Sender.Timeout <= 0:
		return fmt.Errorf("配置 sender.timeout 应为正的时长（例如 10s），当前为 %s", c.Sender.Timeout)
	case c.Sender.Retries < 0:
		return fmt.Errorf("配置 sender.retries 不能为负数，当前为 %d", c.Sender.Retries)
	case c.Sender.PerUserPerMinute < 1 || c.Sender.PerUserPerMinute > 30:
		return fmt.Errorf("配置 sender.per_user_per_minute 应在 1 到 30 之间（企业微信对每位成员每分钟最多 30 条，超出的会被丢弃），当前为 %d", c.Sender.PerUserPerMinute)
	case c.Sender.PerUserPerHour < 1 || c.Sender.PerUserPerHour > 1000:
		return fmt.Errorf("配置 sender.per_user_per_hour 应在 1 到 1000 之间（企业微信对每位成员每小时最多 1000 条，超出的会被丢弃），当前为 %d", c.Sender.PerUserPerHour)
	case c.Sender.PartInterval < 0:
		return fmt.Errorf("配置 sender.part_interval 不能为负，当前为 %s", c.Sender.PartInterval)
	}
	return nil
}
