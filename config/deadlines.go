package config

import (
	"fmt"
	"strings"
	"time"
)

// Deadlines configures the periods of the statutory-deadline rules that a
// locality, not a statute, sets (see README, “法定期限”), and the
// reminders of open deadlines. The statutory periods themselves (15 days
// to answer a suit, 10 working days to answer a reconsideration, …) are law
// and not configurable.
type Deadlines struct {
	// JudicialSuggestionDays is how many calendar days after receiving a
	// 司法建议 the agency has to reply in writing, when the 司法建议书
	// itself sets no date (no statute fixes it). If unset, 30.
	JudicialSuggestionDays int `mapstructure:"judicial_suggestion_days"`
	// RemindWorkdays are the lead times of deadline reminders, in working
	// days before the last day; 0 is the last day itself. Empty turns the
	// reminders off. If unset, 3 and 0.
	RemindWorkdays []int `mapstructure:"remind_workdays"`
	// RemindAt is the time of day the reminders go out. If unset, 09:00.
	RemindAt string `mapstructure:"remind_at"`
	// EscalateAt is when, on the last day, deadlines still not recorded
	// done are listed to the 专班 chat and the staff (for a 整改 report, on
	// the first working day after its last day). Empty disables it. If
	// unset, 09:00.
	EscalateAt string `mapstructure:"escalate_at"`
}

// Rectify configures 一案一整改: the report an agency files after a loss.
type Rectify struct {
	// DueDays is how many calendar days after the judgment or decision was
	// served (or, when no service date is recorded, after the closing
	// date) the 败诉原因分析 and 整改措施 are due. If unset, 30.
	DueDays int `mapstructure:"due_days"`
	// RepeatWithinDays is the window in which a second loss of the same
	// agency in the same category (案由) is flagged on the request and in
	// the bulletin. If unset, 365.
	RepeatWithinDays int `mapstructure:"repeat_within_days"`
	// MaxFileBytes caps one file of a 整改 report uploaded on the app page
	// (the report, or a scan attached to it). The file is kept in Redis
	// and sent to the reviewers as a WeCom file message, so it may not
	// exceed that message's 20 MB. If unset, 10 MB.
	MaxFileBytes int64 `mapstructure:"max_file_bytes"`
}

// DefaultRectifyFileBytes is rectify.max_file_bytes when unset: a text
// report is well under 1 MB, a phone photo of a signed page 2–5 MB.
const DefaultRectifyFileBytes = 10 << 20

// maxRectifyFileBytes is WeCom's file message limit (bot.MaxFileBytes;
// config cannot import bot).
const maxRectifyFileBytes = 20 << 20

// maxLocalPeriodDays bounds the local periods: a year is already longer
// than any bureau sets, and a larger number is more likely a typo.
const maxLocalPeriodDays = 366

// maxLeadWorkdays bounds a reminder's lead time: a month of working days.
const maxLeadWorkdays = 22

func defaultDeadlines() Deadlines {
	return Deadlines{JudicialSuggestionDays: 30, RemindWorkdays: []int{3, 0}, RemindAt: "09:00", EscalateAt: "09:00"}
}

func (c *Config) validateDeadlines() error {
	for _, p := range []struct {
		key string
		v   int
	}{
		{"deadlines.judicial_suggestion_days", c.Deadlines.JudicialSuggestionDays},
		{"rectify.due_days", c.Rectify.DueDays},
		{"rectify.repeat_within_days", c.Rectify.RepeatWithinDays},
	} {
		if p.v < 1 || p.v > maxLocalPeriodDays {
			return fmt.Errorf("配置 %s（%s）应为 1 至 %d 之间的天数，当前为 %d", p.key, EnvName(p.key), maxLocalPeriodDays, p.v)
		}
	}
	if n := c.Rectify.MaxFileBytes; n < 64<<10 || n > maxRectifyFileBytes {
		return fmt.Errorf("配置 rectify.max_file_bytes（%s）应在 65536（64 KB）至 %d（20 MB，企业微信文件消息的上限）之间，当前为 %d",
			EnvName("rectify.max_file_bytes"), maxRectifyFileBytes, n)
	}
	seen := map[int]bool{}
	for _, n := range c.Deadlines.RemindWorkdays {
		if n < 0 || n > maxLeadWorkdays {
			return fmt.Errorf("配置 deadlines.remind_workdays（%s）中的 %d 应为 0 至 %d 之间的工作日数（0 表示期限最后一天）",
				EnvName("deadlines.remind_workdays"), n, maxLeadWorkdays)
		}
		if seen[n] {
			return fmt.Errorf("配置 deadlines.remind_workdays（%s）重复填写了 %d", EnvName("deadlines.remind_workdays"), n)
		}
		seen[n] = true
	}
	for _, k := range []struct{ key, v string }{
		{"deadlines.remind_at", c.Deadlines.RemindAt}, {"deadlines.escalate_at", c.Deadlines.EscalateAt},
	} {
		if k.v == "" && k.key == "deadlines.escalate_at" {
			continue
		}
		if _, err := time.Parse("15:04", strings.TrimSpace(k.v)); err != nil {
			return fmt.Errorf("配置 %s（%s）应为 时:分，例如 09:00，当前为“%s”", k.key, EnvName(k.key), k.v)
		}
	}
	return nil
}
