package config

import "fmt"

// Deadlines configures the periods of the statutory-deadline rules that a
// locality, not a statute, sets (see README, “法定期限”). The statutory
// periods themselves (15 days to answer a suit, 10 working days to answer
// a reconsideration, …) are law and not configurable.
type Deadlines struct {
	// JudicialSuggestionDays is how many calendar days after receiving a
	// 司法建议 the agency has to reply in writing, when the 司法建议书
	// itself sets no date (no statute fixes it). If unset, 30.
	JudicialSuggestionDays int `mapstructure:"judicial_suggestion_days"`
}

// Rectify configures 一案一整改: the report an agency files after a loss.
type Rectify struct {
	// DueDays is how many calendar days after the judgment or decision was
	// served (or, when no service date is recorded, after the closing
	// date) the 败诉原因分析 and 整改措施 are due. If unset, 30.
	DueDays int `mapstructure:"due_days"`
}

// maxLocalPeriodDays bounds the local periods: a year is already longer
// than any bureau sets, and a larger number is more likely a typo.
const maxLocalPeriodDays = 366

func (c *Config) validateDeadlines() error {
	for _, p := range []struct {
		key string
		v   int
	}{
		{"deadlines.judicial_suggestion_days", c.Deadlines.JudicialSuggestionDays},
		{"rectify.due_days", c.Rectify.DueDays},
	} {
		if p.v < 1 || p.v > maxLocalPeriodDays {
			return fmt.Errorf("配置 %s（%s）应为 1 至 %d 之间的天数，当前为 %d", p.key, EnvName(p.key), maxLocalPeriodDays, p.v)
		}
	}
	return nil
}
