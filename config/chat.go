package config

import (
	"fmt"
	"time"
)

// Chat configures how chat messages are understood.
type Chat struct {
	// ContextTTL is how long a follow-up (后天呢, 第二个, 更多) refers to
	// what came before: a user's conversation memory is forgotten this
	// long after their last question. If unset, 10 minutes.
	ContextTTL time.Duration `mapstructure:"context_ttl"`
	// Model lets the model help read a message the rules leave words of,
	// when llm.base_url is set. If unset, true; false keeps the model to
	// 以案说法 drafts.
	Model bool `mapstructure:"model"`
	// ModelTimeout bounds one model call made to read a message, so a
	// slow model delays an answer this long at most; the rules' reading
	// is used when it passes. If unset, 5s.
	ModelTimeout time.Duration `mapstructure:"model_timeout"`
}

func defaultChat() Chat {
	return Chat{ContextTTL: 10 * time.Minute, Model: true, ModelTimeout: 5 * time.Second}
}

func (c Chat) validate() error {
	switch {
	case c.ContextTTL < time.Minute || c.ContextTTL > 2*time.Hour:
		return fmt.Errorf("配置 chat.context_ttl 应在 1m 到 2h 之间，当前为 %s", c.ContextTTL)
	case c.ModelTimeout <= 0 || c.ModelTimeout > time.Minute:
		return fmt.Errorf("配置 chat.model_timeout 应为 1 分钟以内的正时长，例如 5s，当前为 %s", c.ModelTimeout)
	}
	return nil
}
