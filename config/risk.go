package config

import (
	"fmt"
	"strings"
)

// Risk configures 包案: who is told when staff flag a case 败诉风险.
type Risk struct {
	// Leaders are the 分管领导 of agencies and case categories, each
	// "名称:userid" — the name is a defendant agency as the ledger writes it
	// or a 案由 (行政处罚, 行政强制 …) — repeated for several leaders. A
	// flagged case notifies the leaders of each of its agencies and of its
	// 案由; with none configured, the 专班 is told that nobody was.
	Leaders []string `mapstructure:"leaders"`
}

// RiskLeaders returns the configured leaders by name.
func (r Risk) RiskLeaders() map[string][]string {
	out := map[string][]string{}
	for _, e := range r.Leaders {
		name, user, _ := strings.Cut(e, ":")
		name, user = strings.TrimSpace(name), strings.TrimSpace(user)
		out[name] = append(out[name], user)
	}
	return out
}

func (c *Config) validateRisk() error {
	for _, e := range c.Risk.Leaders {
		name, user, ok := strings.Cut(e, ":")
		if !ok || strings.TrimSpace(name) == "" || strings.TrimSpace(user) == "" {
			return fmt.Errorf("配置 risk.leaders（%s）中的“%s”应写成“单位或案由:userid”，例如“某县自然资源局:zhangsan”", EnvName("risk.leaders"), e)
		}
	}
	return nil
}
