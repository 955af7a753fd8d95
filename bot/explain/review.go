package explain

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/keys"
)

// State is where a draft stands in review: 草稿 → 已审核 (or 已退回 with a
// note) → 已发布.
type State string

const (
	// StateDraft awaits review (待审核).
	StateDraft State = "草稿"
	// StateReturned was sent back with a note; a new version answers it.
	StateReturned State = "已退回"
	// StateApproved passed review and may be exported and published.
	StateApproved State = "已审核"
	// StatePublished is final.
	StatePublished State = "已发布"
	// StateSuperseded is an unreviewed draft a newer version replaced; it
	// is not listed, but may still be approved.
	StateSuperseded State = "已被新版本取代"
)

// ParseState reads a state as people write it: 待审核, 草稿, 已审核, 审核通过,
// 已退回, 退回, 已发布, 发布, or draft, approved, returned, published.
func ParseState(s string) (State, error) {
	switch strings.TrimSpace(strings.ToLower(s)) {
	case "草稿", "待审核", "未审核", "draft", "pending":
		return StateDraft, nil
	case "已审核", "审核通过", "通过", "approved":
		return StateApproved, nil
	case "已退回", "退回", "returned":
		return StateReturned, nil
	case "已发布", "发布", "published":
		return StatePublished, nil
	}
	return "", bot.Errorf(bot.EInvalid, "审核状态“%s”无法识别，应为 待审核、已审核、已退回 或 已发布。", s)
}

// Change is one step of a draft's review.
type Change struct {
	From State     `json:"from"`
	To   State     `json:"to"`
	By   string    `json:"by"`             // WeCom userid, or "cli"
	Name string    `json:"name,omitempty"` // the person's name
	At   time.Time `json:"at"`
	Note string    `json:"note,omitempty"`
}

// Review is a draft version's state and how it got there.
type Review struct {
	Number  string   `json:"number"`
	Version int      `json:"version"`
	State   State    `json:"state"`
	History []Change `json:"history,omitempty"`
}

// Last returns the latest change, or nil for a draft never reviewed.
func (r *Review) Last() *Change {
	if len(r.History) == 0 {
		return nil
	}
	return &r.History[len(r.History)-1]
}

// Reviews keeps the review state of drafts in Redis.
type Reviews struct {
	rdb redis.UniversalClient
	k   keys.Keys
}

// NewReviews returns the review store.
func NewReviews(rdb redis.UniversalClient, k keys.Keys) *Reviews { return &Reviews{rdb: rdb, k: k} }

func member(number string, version int) string { return number + "#" + strconv.Itoa(version) }

// Get returns the review of version v of a case whose newest version is
// latest: stored, or implied (草稿 for the newest, 已被新版本取代 for an
// older one never reviewed).
func (r *Reviews) Get(ctx context.Context, number string, v, latest int) (*Review, error) {
	return r.get(ctx, r.rdb, number, v, latest)
}

// Newest returns the review of the newest version of each case, whose
// numbers of versions are latest (a case without drafts gets nil), in
// one round trip.
func (r *Reviews) Newest(ctx context.Context, numbers []string, latest []int) ([]*Review, error) {
	cmds := make([]*redis.StringCmd, len(numbers))
	_, err := r.rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
		for i, n := range numbers {
			if latest[i] > 0 {
				cmds[i] = p.HGet(ctx, r.k.ExplainReview(n), strconv.Itoa(latest[i]))
			}
		}
		return nil
	})
	if err != nil && !errors.Is(err, redis.Nil) {
		return nil, err
	}
	out := make([]*Review, len(numbers))
	for i, c := range cmds {
		if c == nil {
			continue
		}
		if out[i], err = r.decode(numbers[i], latest[i], latest[i], c); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (r *Reviews) get(ctx context.Context, c redis.Cmdable, number string, v, latest int) (*Review, error) {
	return r.decode(number, v, latest, c.HGet(ctx, r.k.ExplainReview(number), strconv.Itoa(v)))
}

// decode reads the answer to the HGET of version v's review.
func (r *Reviews) decode(number string, v, latest int, cmd *redis.StringCmd) (*Review, error) {
	b, err := cmd.Bytes()
	if errors.Is(err, redis.Nil) {
		st := StateDraft
		if v < latest {
			st = StateSuperseded
		}
		return &Review{Number: number, Version: v, State: st}, nil
	}
	if err != nil {
		return nil, err
	}
	var rv Review
	if err := json.Unmarshal(b, &rv); err != nil {
		return nil, fmt.Errorf("decode review of %s v%d: %w", number, v, err)
	}
	return &rv, nil
}

// allowed lists the states each state may move to.
var allowed = map[State][]State{
	StateDraft:      {StateApproved, StateReturned},
	StateSuperseded: {StateApproved, StateReturned},
	StateApproved:   {StatePublished, StateReturned},
	StateReturned:   {StateApproved},
	StatePublished:  nil,
}

// move changes version v's state to `to`, atomically with the state
// indexes, if the move is allowed from where it stands.
func (r *Reviews) move(ctx context.Context, number string, v, latest int, to State, ch Change) (*Review, error) {
	key := r.k.ExplainReview(number)
	var out *Review
	err := r.rdb.Watch(ctx, func(tx *redis.Tx) error {
		rv, err := r.get(ctx, tx, number, v, latest)
		if err != nil {
			return err
		}
		if !contains(allowed[rv.State], to) {
			return refusal(rv, to)
		}
		ch.From, ch.To = rv.State, to
		rv.State = to
		rv.History = append(rv.History, ch)
		b, err := json.Marshal(rv)
		if err != nil {
			return err
		}
		_, err = tx.TxPipelined(ctx, func(p redis.Pipeliner) error {
			p.HSet(ctx, key, strconv.Itoa(v), b)
			if ch.From != StateSuperseded {
				p.ZRem(ctx, r.k.ExplainState(string(ch.From)), member(number, v))
			}
			p.ZAdd(ctx, r.k.ExplainState(string(to)), redis.Z{Score: float64(ch.At.Unix()), Member: member(number, v)})
			return nil
		})
		out = rv
		return err
	}, key)
	if errors.Is(err, redis.TxFailedErr) {
		return nil, bot.Errorf(bot.EInvalid, "第 %d 版草稿刚被他人处理过，请刷新后再试。", v)
	}
	return out, err
}

func refusal(rv *Review, to State) error {
	what := map[State]string{StateApproved: "审核通过", StateReturned: "退回", StatePublished: "发布"}[to]
	switch {
	case rv.State == StatePublished:
		return bot.Errorf(bot.EInvalid, "第 %d 版已发布，不能再%s。如需更正，请生成新的版本并重新审核。", rv.Version, what)
	case to == StatePublished:
		return bot.Errorf(bot.EInvalid, "第 %d 版当前为“%s”，须先审核通过才能发布。", rv.Version, rv.State)
	case rv.State == to:
		return bot.Errorf(bot.EInvalid, "第 %d 版已经是“%s”状态。", rv.Version, rv.State)
	}
	return bot.Errorf(bot.EInvalid, "第 %d 版当前为“%s”，不能%s。", rv.Version, rv.State, what)
}

// Listed is one draft in a state listing.
type Listed struct {
	Number  string    `json:"number"`
	Version int       `json:"version"`
	State   State     `json:"state"`
	Since   time.Time `json:"since"`
	Title   string    `json:"title"`
	// Note is the reviewer's note of a returned draft.
	Note        string    `json:"note,omitempty"`
	Requester   string    `json:"requester"`
	CreatedAt   time.Time `json:"created_at"`
	HasDecision bool      `json:"has_decision"`
}

func parseMember(m string) (string, int, bool) {
	i := strings.LastIndexByte(m, '#')
	if i < 0 {
		return "", 0, false
	}
	v, err := strconv.Atoi(m[i+1:])
	return m[:i], v, err == nil
}

func contains[T comparable](list []T, x T) bool {
	for _, y := range list {
		if y == x {
			return true
		}
	}
	return false
}

// --- The service's review transitions.

// Reviewer is who reviews: an audit entry carrying the userid (or "cli")
// and, when known, the name and role.
type Reviewer = audit.Entry

// resolve returns the version meant: v, or the newest when v is 0, and
// the newest version.
func (s *Service) resolve(ctx context.Context, number string, v int) (int, int, error) {
	n, err := s.Drafts.Count(ctx, number)
	if err != nil {
		return 0, 0, err
	}
	if n == 0 {
		return 0, 0, bot.Errorf(bot.ENotFound, "案件 %s 还没有以案说法草稿。", number)
	}
	if v == 0 {
		v = n
	}
	if v < 1 || v > n {
		return 0, 0, bot.Errorf(bot.ENotFound, "案件 %s 只有 %d 版草稿，没有第 %d 版。", number, n, v)
	}
	return v, n, nil
}

// Approve passes version v (0: the newest) of a case's draft: 草稿 → 已审核.
func (s *Service) Approve(ctx context.Context, number string, v int, by Reviewer, note string) (*Review, error) {
	return s.transition(ctx, number, v, StateApproved, by, note, "审核通过")
}

// Return sends a draft back with a note (required): 草稿 or 已审核 → 已退回.
func (s *Service) Return(ctx context.Context, number string, v int, by Reviewer, note string) (*Review, error) {
	if strings.TrimSpace(note) == "" {
		return nil, bot.Errorf(bot.EInvalid, "退回草稿时请写明退回意见，例如：退回 事实部分与判决书不符，请重写争议焦点。")
	}
	return s.transition(ctx, number, v, StateReturned, by, note, "退回")
}

// Publish marks an approved draft published: 已审核 → 已发布.
func (s *Service) Publish(ctx context.Context, number string, v int, by Reviewer) (*Review, error) {
	return s.transition(ctx, number, v, StatePublished, by, "", "发布")
}

func (s *Service) transition(ctx context.Context, number string, v int, to State, by Reviewer, note, verb string) (*Review, error) {
	v, latest, err := s.resolve(ctx, number, v)
	if err != nil {
		return nil, err
	}
	if by.User == "" {
		return nil, errors.New("explain: a review needs a reviewer")
	}
	now := s.Gen.now()
	rv, err := s.Reviews.move(ctx, number, v, latest, to, Change{By: by.User, Name: by.Name, At: now, Note: strings.TrimSpace(note)})
	if err != nil {
		return nil, err
	}
	last := rv.Last()
	by.Action, by.Kind, by.Results, by.Cases, by.At = audit.Update, "explain-review", 1, []string{number}, now
	by.Text = verb
	if last.Note != "" {
		by.Text += "：" + last.Note
	}
	by.Detail = fmt.Sprintf("第 %d 版：%s → %s", v, last.From, last.To)
	if err := s.Audit.Record(ctx, by); err != nil {
		return rv, err
	}
	return rv, nil
}

// ReviewOf returns the review of version v (0: the newest) of a case.
func (s *Service) ReviewOf(ctx context.Context, number string, v int) (*Review, error) {
	v, latest, err := s.resolve(ctx, number, v)
	if err != nil {
		return nil, err
	}
	return s.Reviews.Get(ctx, number, v, latest)
}

// List returns the drafts in a state, the most recent first, at most limit
// (0: all). 草稿 lists each case's newest unreviewed version.
func (s *Service) List(ctx context.Context, state State, limit int) ([]Listed, error) {
	if state == StateSuperseded {
		return nil, bot.Errorf(bot.EInvalid, "被新版本取代的草稿不单独列出。")
	}
	stop := int64(-1)
	if limit > 0 {
		stop = int64(limit - 1)
	}
	zs, err := s.Store.Client().ZRevRangeWithScores(ctx, s.Store.Keys().ExplainState(string(state)), 0, stop).Result()
	if err != nil {
		return nil, err
	}
	var out []Listed
	for _, z := range zs {
		m, _ := z.Member.(string)
		number, v, ok := parseMember(m)
		if !ok {
			continue
		}
		d, err := s.Drafts.Get(ctx, number, v)
		if errors.Is(err, ErrNoDraft) {
			continue
		}
		if err != nil {
			return nil, err
		}
		l := Listed{Number: number, Version: v, State: state, Since: time.Unix(int64(z.Score), 0).In(s.Gen.loc()),
			Title: Title(d.Body), Requester: d.Requester, CreatedAt: d.CreatedAt, HasDecision: d.Decision != nil}
		if state != StateDraft {
			n, _ := s.Drafts.Count(ctx, number)
			if rv, err := s.Reviews.Get(ctx, number, v, n); err == nil && rv.Last() != nil {
				l.Note = rv.Last().Note
			}
		}
		out = append(out, l)
	}
	return out, nil
}
