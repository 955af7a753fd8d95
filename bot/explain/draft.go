// Package explain turns closed cases into 以案说法 drafts: it anonymizes
// the case fields (bot/privacy), renders the prompts (prompts/), asks the
// model (bot/llm), anonymizes and checks what comes back, falls back to a
// structured draft built from the fields when no model is configured or
// the model keeps failing, and stores every draft as a new version.
//
// In chat the work is queued (Queue) and done by a Worker, so that the
// user's message is answered at once and the draft follows; the queue is
// a Redis Stream read by a consumer group, so a request survives a crash.
package explain

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"casebot/bot/cases"
	"casebot/bot/keys"
)

// Draft is one version of a case's 以案说法.
type Draft struct {
	Number string `json:"number"`
	// Version counts the case's drafts from 1; it is the draft's position
	// in the case's list, filled in when read.
	Version int `json:"-"`
	// Body is the article in markdown, anonymized and checked.
	Body string `json:"body"`
	// Model is the model that wrote it; empty for an offline draft.
	Model         string    `json:"model,omitempty"`
	PromptVersion string    `json:"prompt_version,omitempty"`
	CreatedAt     time.Time `json:"created_at"`
	// Requester is the WeCom userid that asked, or "cli".
	Requester string `json:"requester"`
	// Offline drafts were built from the case fields, not by a model;
	// OfflineReason says why.
	Offline       bool   `json:"offline"`
	OfflineReason string `json:"offline_reason,omitempty"`
	// Hint is the angle asked for with 换个角度, anonymized.
	Hint string `json:"hint,omitempty"`
	// Warnings are things the reviewer must check, e.g. an article cited
	// that was not supplied to the model.
	Warnings []string `json:"warnings,omitempty"`
	JobID    string   `json:"job_id,omitempty"`
	// Decision names the decision the draft was written from; nil when
	// the case had none attached and the draft rests on the ledger alone.
	Decision *DecisionRef `json:"decision,omitempty"`
	// Reduced says how the decision was shortened for the prompt.
	Reduced string `json:"reduced,omitempty"`
}

// DecisionRef identifies the decision behind a draft.
type DecisionRef struct {
	Title    string `json:"title"`
	Issuer   string `json:"issuer,omitempty"`
	FileName string `json:"file_name"`
	SHA256   string `json:"sha256"`
}

func decisionRef(m material) *DecisionRef {
	if m.att == nil {
		return nil
	}
	return &DecisionRef{Title: titleOf(m.doc), Issuer: m.doc.Issuer, FileName: m.att.FileName, SHA256: m.att.SHA256}
}

// NoDecisionNotice heads a draft written without the case's decision.
const NoDecisionNotice = "本稿未依据裁判文书撰写：该案尚未关联判决书或复议决定书，内容仅来自台账记录，事实、理由和法条须对照文书逐一核对后方可使用。关联文书后可重新生成。"

// Reasons for an offline draft.
const (
	ReasonAsked         = "按要求离线生成"
	ReasonNotConfigured = "未配置大模型"
	ReasonModelFailed   = "大模型多次调用失败"
)

// Render returns the draft as the reviewer reads it: a header saying it
// is a draft for human review, who or what wrote it and when, then the body.
func (d *Draft) Render(loc *time.Location) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# 以案说法草稿（第 %d 版）\n", d.Version)
	b.WriteString("> **本稿为草稿，须经人工审核后方可发布，请勿直接转发或公开。**\n")
	fmt.Fprintf(&b, "> 案号：%s\n", d.Number)
	if d.Decision == nil {
		fmt.Fprintf(&b, "> <font color=\"warning\">%s</font>\n", NoDecisionNotice)
	} else {
		fmt.Fprintf(&b, "> 依据：%s%s（文件“%s”，SHA-256 %s…）\n", d.Decision.Issuer, d.Decision.Title, d.Decision.FileName, short(d.Decision.SHA256))
	}
	if d.Offline {
		from := "台账字段"
		if d.Decision != nil {
			from = "台账字段和" + d.Decision.Title
		}
		fmt.Fprintf(&b, "> 撰写：<font color=\"warning\">本稿未经大模型撰写</font>，系统根据%s自动整理（%s），“待补充”处请人工完善\n", from, d.OfflineReason)
	} else {
		fmt.Fprintf(&b, "> 撰写：大模型 %s 生成（提示词 %s），事实与法条须逐一核对\n", d.Model, d.PromptVersion)
	}
	fmt.Fprintf(&b, "> 生成时间：%s · 请求人：%s\n", d.CreatedAt.In(loc).Format("2006-01-02 15:04"), d.Requester)
	if d.Hint != "" {
		fmt.Fprintf(&b, "> 写作角度：%s\n", d.Hint)
	}
	for _, w := range d.Warnings {
		fmt.Fprintf(&b, "> <font color=\"warning\">请核实：%s</font>\n", w)
	}
	b.WriteString("\n")
	b.WriteString(strings.TrimSpace(d.Body))
	b.WriteString("\n")
	return b.String()
}

func short(sum string) string {
	if len(sum) > 12 {
		return sum[:12]
	}
	return sum
}

// ErrNoDraft is returned when a case has no draft (of that version).
var ErrNoDraft = errors.New("no draft")

// Drafts keeps drafts in Redis: one list per case, oldest first.
type Drafts struct {
	rdb redis.UniversalClient
	k   keys.Keys
}

// NewDrafts returns the draft store.
func NewDrafts(rdb redis.UniversalClient, k keys.Keys) *Drafts { return &Drafts{rdb: rdb, k: k} }

// addDraft appends a draft, lists it as awaiting review in place of the
// case's earlier unreviewed or returned versions (a new version answers
// them), and, for a queued job, records its version in the same step, so
// a job redelivered after a crash finds its draft.
var addDraft = redis.NewScript(`
local v = redis.call("RPUSH", KEYS[1], ARGV[1])
redis.call("ZADD", KEYS[2], ARGV[3], ARGV[4] .. "#" .. v)
for i = 1, v - 1 do
	redis.call("ZREM", KEYS[2], ARGV[4] .. "#" .. i)
	redis.call("ZREM", KEYS[3], ARGV[4] .. "#" .. i)
end
if KEYS[4] then
	redis.call("SET", KEYS[4], v, "EX", ARGV[2])
end
return v`)

// Add stores d as the case's next version and sets d.Version.
func (s *Drafts) Add(ctx context.Context, d *Draft) error {
	b, err := json.Marshal(d)
	if err != nil {
		return err
	}
	ks := []string{s.k.ExplainDrafts(d.Number), s.k.ExplainState(string(StateDraft)), s.k.ExplainState(string(StateReturned))}
	if d.JobID != "" {
		ks = append(ks, s.k.ExplainJobDraft(d.JobID))
	}
	v, err := addDraft.Run(ctx, s.rdb, ks, b, int(keys.ExplainJobTTL.Seconds()), d.CreatedAt.Unix(), d.Number).Int()
	if err != nil {
		return fmt.Errorf("store draft of %s: %w", d.Number, err)
	}
	d.Version = v
	return nil
}

// Latest returns the newest draft of a case.
func (s *Drafts) Latest(ctx context.Context, number string) (*Draft, error) {
	var n *redis.IntCmd
	var last *redis.StringCmd
	_, err := s.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		n = p.LLen(ctx, s.k.ExplainDrafts(number))
		last = p.LIndex(ctx, s.k.ExplainDrafts(number), -1)
		return nil
	})
	if errors.Is(err, redis.Nil) || err == nil && n.Val() == 0 {
		return nil, ErrNoDraft
	}
	if err != nil {
		return nil, err
	}
	return decodeDraft(last.Val(), int(n.Val()))
}

// Get returns version v of a case's drafts.
func (s *Drafts) Get(ctx context.Context, number string, v int) (*Draft, error) {
	if v < 1 {
		return nil, ErrNoDraft
	}
	b, err := s.rdb.LIndex(ctx, s.k.ExplainDrafts(number), int64(v-1)).Result()
	if errors.Is(err, redis.Nil) {
		return nil, ErrNoDraft
	}
	if err != nil {
		return nil, err
	}
	return decodeDraft(b, v)
}

// Count returns how many drafts a case has.
func (s *Drafts) Count(ctx context.Context, number string) (int, error) {
	n, err := s.rdb.LLen(ctx, s.k.ExplainDrafts(number)).Result()
	return int(n), err
}

// Counts returns how many drafts each case has, in one round trip.
func (s *Drafts) Counts(ctx context.Context, numbers []string) ([]int, error) {
	cmds := make([]*redis.IntCmd, len(numbers))
	_, err := s.rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
		for i, n := range numbers {
			cmds[i] = p.LLen(ctx, s.k.ExplainDrafts(n))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := make([]int, len(numbers))
	for i, c := range cmds {
		out[i] = int(c.Val())
	}
	return out, nil
}

// ForJob returns the draft a queued job produced, or ErrNoDraft.
func (s *Drafts) ForJob(ctx context.Context, jobID, number string) (*Draft, error) {
	v, err := s.rdb.Get(ctx, s.k.ExplainJobDraft(jobID)).Int()
	if errors.Is(err, redis.Nil) {
		return nil, ErrNoDraft
	}
	if err != nil {
		return nil, err
	}
	return s.Get(ctx, number, v)
}

func decodeDraft(b string, v int) (*Draft, error) {
	var d Draft
	if err := json.Unmarshal([]byte(b), &d); err != nil {
		return nil, fmt.Errorf("decode draft: %w", err)
	}
	d.Version = v
	return &d, nil
}

// Label says how a case ended, for people: 行政机关败诉, 复议纠错….
func outcomeClass(c *cases.Case, loss cases.LossSet) string {
	if c.Closure == nil {
		return ""
	}
	switch {
	case c.Kind == cases.Reconsideration && c.Closure.Method.Correction():
		return "复议纠错"
	case c.Kind == cases.Reconsideration:
		return "复议未纠错"
	case c.Kind == cases.NonLitigation:
		return ""
	case loss.Lost(c):
		return "行政机关败诉"
	case c.Closure.Method == cases.WithdrawalAfterCorrection:
		return "被告改变行政行为后原告撤诉"
	}
	return "行政机关未败诉"
}
