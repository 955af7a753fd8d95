package config

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/robfig/cron/v3"
)

// Bulletin configures the monthly 败诉通报.
type Bulletin struct {
	// Cron is when the previous month's bulletin is pushed, a standard
	// five-field spec in the configured time zone. If unset, "0 9 1 * *":
	// 09:00 on the 1st. The first firing on or after the 1st is when a
	// month's push falls due.
	Cron string `mapstructure:"cron"`
	// ChatIDs are the WeCom app group chats (appchat chatid) the bulletin
	// is pushed to; UserIDs are the members it is pushed to one by one.
	// With neither, nothing is pushed (it can still be asked for in chat).
	ChatIDs []string `mapstructure:"chat_ids"`
	UserIDs []string `mapstructure:"user_ids"`
	// ControlLine is the loss rate above which an agency is marked, as a
	// fraction: 0.15 is 15% (the default).
	ControlLine float64 `mapstructure:"control_line"`
	// CatchUp is how long after it fell due a push not yet made (the
	// process was down, WeCom refused) is still made. If unset, 7 days;
	// later, the bulletin is stale and is left to `casebot bulletin --send`.
	CatchUp time.Duration `mapstructure:"catch_up"`
	// RetryInterval is how often due pushes that failed are retried. If
	// unset, 10 minutes.
	RetryInterval time.Duration `mapstructure:"retry_interval"`
	// Issuer signs the notice, e.g. "某县司法局". If unset, "司法局".
	Issuer string `mapstructure:"issuer"`
	// FontFile replaces the embedded chart font (GB 2312 subset of Noto Sans
	// CJK SC) with a fuller one, for names with rarer characters.
	FontFile string `mapstructure:"font_file"`
	// ListLimit caps the lost cases listed one by one in the markdown; the
	// rest are counted. If unset, 30. The JSON always lists them all.
	ListLimit int `mapstructure:"list_limit"`
}

// DefaultBulletin is the bulletin section of Default().
func DefaultBulletin() Bulletin {
	return Bulletin{
		Cron:          "0 9 1 * *",
		ControlLine:   0.15,
		CatchUp:       7 * 24 * time.Hour,
		RetryInterval: 10 * time.Minute,
		Issuer:        "司法局",
		ListLimit:     30,
	}
}

// Schedule parses Cron.
func (b Bulletin) Schedule() (cron.Schedule, error) {
	s, err := cron.ParseStandard(b.Cron)
	if err != nil {
		return nil, fmt.Errorf("配置 bulletin.cron=%q 不是有效的 cron 表达式（五段式，例如 \"0 9 1 * *\" 表示每月1日9:00）：%w", b.Cron, err)
	}
	return s, nil
}

// validate checks the bulletin section; every mode needs it sound, since
// the command line computes bulletins too.
func (b Bulletin) validate() error {
	if _, err := b.Schedule(); err != nil {
		return err
	}
	if !(b.ControlLine > 0 && b.ControlLine < 1) {
		return fmt.Errorf("配置 bulletin.control_line=%v 应为 0 到 1 之间的小数（0.15 表示 15%%）", b.ControlLine)
	}
	if b.CatchUp < 0 {
		return fmt.Errorf("配置 bulletin.catch_up=%v 不能为负", b.CatchUp)
	}
	if b.RetryInterval < time.Minute {
		return fmt.Errorf("配置 bulletin.retry_interval=%v 应不少于 1m", b.RetryInterval)
	}
	if b.ListLimit < 1 {
		return fmt.Errorf("配置 bulletin.list_limit=%d 应为正整数", b.ListLimit)
	}
	if b.FontFile != "" {
		if _, err := os.Stat(b.FontFile); err != nil {
			return fmt.Errorf("配置 bulletin.font_file=%q 无法读取：%w", b.FontFile, err)
		}
	}
	for _, id := range append(append([]string(nil), b.ChatIDs...), b.UserIDs...) {
		if strings.TrimSpace(id) == "" {
			return fmt.Errorf("配置 bulletin.chat_ids / bulletin.user_ids 中有空的接收人")
		}
	}
	return nil
}
