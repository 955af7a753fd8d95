package config

import "fmt"

// Audit configures the record of who looked at or changed what.
type Audit struct {
	// MaxLen caps the audit stream (oldest entries are trimmed). If unset,
	// 200000 entries, years of a bureau's traffic.
	MaxLen int64 `mapstructure:"max_len"`
}

func (a Audit) validate() error {
	if a.MaxLen < 1000 {
		return fmt.Errorf("配置 audit.max_len=%d 太小，至少 1000 条", a.MaxLen)
	}
	return nil
}
