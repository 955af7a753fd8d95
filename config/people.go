package config

import (
	"fmt"
	"strconv"
	"strings"
)

// People configures the directory of who may use the bot.
type People struct {
	// Contact is whom a user missing from the directory is told to ask for
	// access. If unset, 司法局应诉专班的管理员.
	Contact string `mapstructure:"contact"`
	// Departments map WeCom address-list departments onto ledger agencies
	// for `casebot people sync`, each written 部门ID=单位 (12=某县市场监督管理局).
	Departments []string `mapstructure:"departments"`
	// SyncRole is the role a synced member gets when first added, unless
	// the address list marks them as the department's leader (then head).
	// handler or head; if unset, handler.
	SyncRole string `mapstructure:"sync_role"`
}

func (p People) validate() error {
	for _, d := range p.Departments {
		id, agency, ok := strings.Cut(d, "=")
		n, err := strconv.Atoi(strings.TrimSpace(id))
		if !ok || err != nil || n <= 0 || strings.TrimSpace(agency) == "" {
			return fmt.Errorf("配置 people.departments 中的“%s”格式不对，应写作 部门ID=单位，例如 12=某县市场监督管理局", d)
		}
	}
	switch strings.ToLower(strings.TrimSpace(p.SyncRole)) {
	case "handler", "承办人", "head", "负责人":
	default:
		return fmt.Errorf("配置 people.sync_role=%q 应为 handler（承办人）或 head（负责人）", p.SyncRole)
	}
	return nil
}
