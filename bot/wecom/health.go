package wecom

import (
	"sort"
	"sync"
	"time"
)

// Problem is a configuration error WeCom reported: nothing will work until
// an operator fixes it, so it is shown by /readyz.
type Problem struct {
	Code int       `json:"errcode"`
	API  string    `json:"api"`
	Msg  string    `json:"errmsg"`
	Hint string    `json:"hint"`
	At   time.Time `json:"at"`
}

// configErrors are the errcodes that mean the deployment is misconfigured,
// with what to do about each (WeCom 全局错误码, path/90313).
var configErrors = map[int]string{
	40001: "应用 Secret 不正确：请核对配置 wecom.secret（企业微信管理后台 → 应用管理 → 本应用 → Secret）",
	40013: "企业 ID 不正确：请核对配置 wecom.corp_id（管理后台 → 我的企业 → 企业ID）",
	40056: "应用 AgentId 不正确：请核对配置 wecom.agent_id",
	48002: "应用无权调用该接口：请检查应用的 API 权限与可见范围",
	50001: "网页授权的回调域名不是应用的可信域名：请在管理后台 → 应用管理 → 本应用 → 网页授权及JS-SDK 中把 app.base_url 的域名设为可信域名",
	60020: "本机出口 IP 不在应用的「企业可信IP」中：请在管理后台 → 应用管理 → 本应用 → 企业可信IP 中添加本服务器的出口 IP",
}

// tokenErrors are the errcodes that only gettoken can clear.
var tokenErrors = map[int]bool{40001: true, 40013: true}

// Health remembers the configuration errors WeCom reported until a later
// call shows them fixed.
type Health struct {
	mu       sync.Mutex
	problems map[int]Problem
}

func (h *Health) record(p Problem) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.problems == nil {
		h.problems = map[int]Problem{}
	}
	_, seen := h.problems[p.Code]
	h.problems[p.Code] = p
	return !seen
}

// clear forgets problems a successful call of api disproves: a token proves
// the secret and corp id; any other accepted call proves everything.
func (h *Health) clear(api string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for code := range h.problems {
		if api != apiGetToken || tokenErrors[code] {
			delete(h.problems, code)
		}
	}
}

// Problems returns the configuration errors seen and not yet cleared.
func (h *Health) Problems() []Problem {
	h.mu.Lock()
	defer h.mu.Unlock()
	out := make([]Problem, 0, len(h.problems))
	for _, p := range h.problems {
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}
