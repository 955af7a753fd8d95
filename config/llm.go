package config

import (
	"fmt"
	"time"
)

// Configured reports whether a model is set up; without one, drafts are
// built from the case fields alone.
func (l LLM) Configured() bool { return l.BaseURL != "" }

func (l LLM) validate() error {
	switch {
	case l.BaseURL != "" && l.Model == "":
		return fmt.Errorf("已配置 llm.base_url，还需配置 llm.model（%s），即模型名称", EnvName("llm.model"))
	case l.Timeout <= 0:
		return fmt.Errorf("配置 llm.timeout 应为正的时长，例如 60s，当前为 %s", l.Timeout)
	case l.MaxConcurrency < 1:
		return fmt.Errorf("配置 llm.max_concurrency 至少为 1，当前为 %d", l.MaxConcurrency)
	case l.UserPerHour < 0:
		return fmt.Errorf("配置 llm.user_per_hour 不能为负数（0 表示不限），当前为 %d", l.UserPerHour)
	case l.Retries < 0 || l.Retries > 10:
		return fmt.Errorf("配置 llm.retries 应在 0 到 10 之间，当前为 %d", l.Retries)
	case l.MaxTokens < 256:
		return fmt.Errorf("配置 llm.max_tokens 至少为 256，当前为 %d", l.MaxTokens)
	case l.MaxInputChars < MinInputChars:
		return fmt.Errorf("配置 llm.max_input_chars 至少为 %d（提示词本身约需 1500 字，还要容纳判决书的本院认为和主文），当前为 %d", MinInputChars, l.MaxInputChars)
	}
	return nil
}

// CallBudget is the longest one draft can spend on the model: every try
// with its timeout plus the waits between them. A queued draft left
// unfinished for longer than this by a crashed worker is taken over.
func (l LLM) CallBudget() time.Duration {
	return time.Duration(l.Retries+1)*l.Timeout + time.Duration(l.Retries)*MaxRetryWait
}

// MaxRetryWait is the longest casebot waits before trying a model again,
// even when the server's Retry-After asks for longer.
const MaxRetryWait = 2 * time.Minute
