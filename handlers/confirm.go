package handlers

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/redis/go-redis/v9"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/intent"
)

// A change made in chat (a hearing, an outcome, a directory entry) is not
// applied at once: it is echoed back and waits for the author's “确认”.
//
// The confirmation is a text reply read through Router.Await rather than a
// template card with buttons: text works in every client, including the
// WeChat plugin (微信插件), which shows only text; it leaves no stale buttons
// behind once the 30 minutes are over; and it needs no card state. The
// change itself is kept under its own key and taken with GETDEL, so two
// “确认” racing through two workers apply it once.

// awaitConfirm names the question “确认 or 取消?”.
const awaitConfirm = "confirm-change"

// pending is a change waiting for 确认.
type pending struct {
	Author  string        `json:"author"`
	Summary string        `json:"summary"` // the echo, as markdown
	Case    *caseChange   `json:"case,omitempty"`
	Person  *personChange `json:"person,omitempty"`
	// Attend is a head's typed 确认出庭 (去, 好 到时候我去) of their hearing.
	Attend *attendChange `json:"attend,omitempty"`
	// Rectify is a 整改 report's parts told in chat (rectify_text.go).
	Rectify *rectifyText `json:"rectify,omitempty"`
}

func (p *pending) kind() string {
	if p.Case != nil {
		return string(p.Case.Kind)
	}
	if p.Person != nil {
		return p.Person.Op
	}
	if p.Attend != nil {
		return "attend"
	}
	if p.Rectify != nil {
		return "rectify_text"
	}
	return ""
}

func (p *pending) action() string {
	if p.Person != nil {
		return audit.People
	}
	return audit.Update
}

// propose stores p, asks its author to confirm, and audits the proposal.
func (s *service) propose(c bot.Context, p *pending) error {
	b := make([]byte, 12)
	if _, err := rand.Read(b); err != nil {
		return err
	}
	token := hex.EncodeToString(b)
	p.Author = c.UserID()
	raw, err := json.Marshal(p)
	if err != nil {
		return err
	}
	if err := s.st.Client().Set(c.Ctx(), s.st.Keys().PendingUpdate(token), raw, bot.AwaitTTL).Err(); err != nil {
		return err
	}
	if err := c.Await(awaitConfirm, token); err != nil {
		return err
	}
	if err := s.record(c, p.action(), p.kind(), 0, p.numbers(), "待确认"); err != nil {
		return err
	}
	return c.ReplyMarkdown(p.Summary + fmt.Sprintf("\n\n回复“确认”执行，回复“取消”放弃（%d 分钟内有效）。", int(bot.AwaitTTL.Minutes())))
}

func (p *pending) numbers() []string {
	if p.Case != nil {
		return []string{p.Case.Number}
	}
	if p.Attend != nil {
		return []string{p.Attend.Number}
	}
	if p.Rectify != nil {
		return []string{p.Rectify.Number}
	}
	return nil
}

var (
	// attendWords confirm a proposed attendance only (确认出庭 under “将登记：
	// 您确认出庭…”).
	attendWords = map[string]bool{"确认出庭": true, "确认参加": true, "确认出席": true, "我去": true, "去": true, "会去": true,
		"我会去": true, "我确认出庭": true, "出庭": true, "参加": true, "我参加": true}
	confirmWords = map[string]bool{"确认": true, "确定": true, "是": true, "是的": true, "好": true, "好的": true,
		"对": true, "可以": true, "同意": true, "执行": true, "ok": true, "y": true, "yes": true, "确认修改": true,
		"确认执行": true, "没问题": true, "无误": true, "确认无误": true}
	cancelWords = map[string]bool{"取消": true, "否": true, "不": true, "不是": true, "算了": true, "放弃": true,
		"不用了": true, "no": true, "n": true, "不对": true, "错了": true, "取消修改": true}
)

// cancelOnly reports whether text only calls something off (取消, 算了
// 取消, 不用了吧): with no change pending, it cancels nothing and must never
// be read as news that a hearing was cancelled.
func cancelOnly(text string) bool {
	t := strings.ToLower(strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.IsPunct(r) {
			return -1
		}
		return r
	}, intent.Normalize(text)))
	if t == "" {
		return false // 👌 alone is an acknowledgement
	}
	for t != "" {
		cut := false
		for _, w := range cancelOrder {
			if r, ok := strings.CutPrefix(t, w); ok {
				t, cut = r, true
				break
			}
		}
		if !cut {
			return false
		}
	}
	return true
}

// cancelOrder is cancelWords longest first, with the particles that may
// follow them, for cancelOnly to strip one after another. Single letters
// (n, no) are left out: inside a longer message they are not a cancel.
var cancelOrder = func() []string {
	var ws []string
	for w := range cancelWords {
		if len(w) > 2 {
			ws = append(ws, w)
		}
	}
	ws = append(ws, "那就", "还是", "吧", "了", "啊", "呀", "先", "不登", "不改", "不弄", "别登", "别改", "不用", "暂时", "暂不", "哦", "噢", "嗯", "那")
	sort.Slice(ws, func(i, j int) bool { return len(ws[i]) > len(ws[j]) || len(ws[i]) == len(ws[j]) && ws[i] < ws[j] })
	return ws
}()

func answerWord(text string) string {
	t := strings.ToLower(strings.TrimFunc(intent.Normalize(text), func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r)
	}))
	for _, suffix := range []string{"吧", "了", "啊", "呀"} {
		if r, ok := strings.CutSuffix(t, suffix); ok && r != "" {
			t = r
		}
	}
	return t
}

// confirm answers the question “确认 or 取消?”. Anything else drops the
// pending change and is handled as a new message, so a user who moves on
// is never stuck.
func (s *service) confirm(b *bot.Bot) bot.HandlerFunc {
	return func(c bot.Context) error {
		// The await's data is the change's token, and “|told” once the
		// author was reminded of it (see below).
		told := strings.HasSuffix(c.AwaitData(), awaitTold)
		token := strings.TrimSuffix(c.AwaitData(), awaitTold)
		key := s.st.Keys().PendingUpdate(token)
		if err := c.ClearAwait(); err != nil {
			return err
		}
		word := answerWord(c.Message().Text)
		yes := confirmWords[word] || yesKeeping(c.Message().Text)
		if !yes && attendWords[word] {
			// 确认出庭 / 我去 under a proposed attendance is its 确认; under
			// any other change it says something else and drops it.
			raw, err := s.st.Client().Get(c.Ctx(), key).Bytes()
			if err != nil && !errors.Is(err, redis.Nil) {
				return err
			}
			var p pending
			yes = len(raw) > 0 && json.Unmarshal(raw, &p) == nil && p.Attend != nil
		}
		switch {
		case yes:
			raw, err := s.st.Client().GetDel(c.Ctx(), key).Bytes()
			if errors.Is(err, redis.Nil) {
				return c.Reply("这条修改已经处理过，或已超过 30 分钟，请重新发送。")
			}
			if err != nil {
				return err
			}
			var p pending
			if err := json.Unmarshal(raw, &p); err != nil {
				return fmt.Errorf("decode pending change: %w", err)
			}
			if p.Author != c.UserID() {
				return c.Reply("这条修改不是您发起的，无法确认。")
			}
			return s.apply(c, &p)
		case intent.Retracts(c.Message().Text):
			// 刚才说错了，不是改期: the change is called off, and said which.
			raw, err := s.st.Client().GetDel(c.Ctx(), key).Bytes()
			if err != nil && !errors.Is(err, redis.Nil) {
				return err
			}
			var p pending
			if len(raw) > 0 && json.Unmarshal(raw, &p) == nil {
				if err := s.record(c, p.action(), p.kind(), 0, p.numbers(), "已撤回"); err != nil {
					return err
				}
				return c.ReplyMarkdown(retracted(p.Summary))
			}
			return s.retract(c)
		case cancelWords[word] || cancelOnly(c.Message().Text):
			// 算了 取消, 先不登了: this change is called off.
			raw, err := s.st.Client().GetDel(c.Ctx(), key).Bytes()
			if err != nil && !errors.Is(err, redis.Nil) {
				return err
			}
			var p pending
			if len(raw) > 0 && json.Unmarshal(raw, &p) == nil {
				if err := s.record(c, p.action(), p.kind(), 0, p.numbers(), "已取消"); err != nil {
					return err
				}
			}
			return c.Reply("已取消，没有作任何修改。")
		}
		if h, m, ok := intent.TimeAnswer(c.Message().Text); ok {
			// 几点没说 先按九点半记吧: the answer to the move's “请核实”, which
			// completes that change instead of dropping it.
			if done, err := s.timedMove(c, key, h, m); done || err != nil {
				return err
			}
		}
		// Anything else is a message of its own, answered as such; the
		// change stays waiting (nothing is written without 确认) and the
		// reply says so, unless that message made a question of its own.
		// Dropping it silently lost a reported change whenever the user
		// asked something first (行审12号要不要安排出庭 after a move).
		if err := b.Handle(c.Ctx(), c.Message()); err != nil {
			return err
		}
		if n, err := s.st.Client().Exists(c.Ctx(), key).Result(); err != nil || n == 0 {
			return err // applied, withdrawn or expired meanwhile
		}
		if n, err := s.st.Client().Exists(c.Ctx(), s.st.Keys().Await(c.UserID())).Result(); err != nil || n > 0 {
			return err // the message asked a question of its own
		}
		// Reminded once: after that the change waits silently (a later 确认
		// still applies it). Told on every reply, the line read as noise on
		// questions that had nothing to do with it.
		if err := c.Await(awaitConfirm, token+awaitTold); err != nil {
			return err
		}
		if told {
			return nil
		}
		return c.Reply("（上一条修改仍待确认：回复“确认”登记，回复“取消”放弃，30 分钟内有效。）")
	}
}

// awaitTold marks, in the await's data, a change its author was already
// reminded of.
const awaitTold = "|told"

// keepClause is what may stand beside a yes under an echo without saying
// anything new: a part of the change the echo shows kept (地点不变, 其他都
// 没变, 时间没错), or a go-ahead (就这样, 登记吧, 帮我改).
var keepClause = regexp.MustCompile(`^(?:(?:(?:地点|地址|法庭|庭室|审判庭|开庭时间|时间|日期|其他的|其他|其余|其它|别的|法院|案号|内容|信息)(?:和|跟|与)?)*(?:也|都|还)?(?:不变|没变|没有变|未变|不动|照旧|一样|不用改|不改|没错|没问题|对的|是对的|正确|照常|还是原来的|还是原来那个|保持不变|按原来的)|(?:那)?就这样|(?:就)?这么(?:登|改|办)|(?:帮我|麻烦)?(?:登记|改|确认|执行|更新|改一下|登记一下|更新一下)(?:吧|一下)?)`)

// yesOpeners are the yes words a message under an echo may open with and
// go on (对 地点不变).
var yesOpeners = []string{"确认无误", "确认", "确定", "没错", "是的", "对的", "对", "是", "好的", "好", "可以", "嗯", "行", "ok"}

// yesKeeping reports whether text is a yes to the change waiting with only
// what the echo already shows beside it: 对 地点不变, 是的 其他不变 登记吧,
// 确认 时间地点都没错. Read as a new message, the yes was lost and the
// reported move never applied; anything new in it (对 但是改到三庭, a time,
// a number) is not this, and stays a message of its own.
func yesKeeping(text string) bool {
	t := strings.ToLower(strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) {
			return -1
		}
		return r
	}, intent.Normalize(text)))
	opened := false
	for _, w := range yesOpeners {
		if r, ok := strings.CutPrefix(t, w); ok {
			t, opened = r, true
			break
		}
	}
	if !opened || t == "" {
		return false
	}
	for t != "" {
		for _, p := range []string{"吧", "了", "啊", "呀", "的", "哈", "嗯"} {
			t = strings.TrimPrefix(t, p)
		}
		if t == "" {
			break
		}
		m := keepClause.FindString(t)
		if m == "" {
			return false
		}
		t = t[len(m):]
	}
	return true
}

// apply applies a confirmed change, answers and audits it.
func (s *service) apply(c bot.Context, p *pending) error {
	if p.Case != nil {
		return s.applyCase(c, p)
	}
	if p.Person != nil {
		return s.applyPerson(c, p)
	}
	if p.Attend != nil {
		return s.applyAttend(c, p)
	}
	if p.Rectify != nil {
		return s.applyRectify(c, p)
	}
	return fmt.Errorf("pending change with nothing to apply")
}

// timedMove answers a time of day given under a proposed move (the echo
// said the time was kept from the old hearing and asked to check it): the
// same time, said to be recorded so, is the author's 确认; another time
// makes a new echo of the move at that time, to confirm as before. done is
// false when the change waiting is no move of the author's.
func (s *service) timedMove(c bot.Context, key string, h, m int) (bool, error) {
	p, err := s.ownPendingMove(c, key)
	if p == nil || err != nil {
		return false, err
	}
	old, at := p.retime(h, m, c.Now(), c.Location())
	if at.Equal(old) {
		if _, err = s.st.Client().GetDel(c.Ctx(), key).Bytes(); errors.Is(err, redis.Nil) {
			return true, c.Reply("这条修改已经处理过，或已超过 30 分钟，请重新发送。")
		} else if err != nil {
			return true, err
		}
		return true, s.apply(c, p)
	}
	if err := s.st.Client().Del(c.Ctx(), key).Err(); err != nil {
		return true, err
	}
	p.Case.At = at
	p.Summary += fmt.Sprintf("\n（时间按您说的 %02d:%02d）", h, m)
	return true, s.propose(c, p)
}

// retime gives a proposed move the time of day h:m on its day: the echo's
// move line says the new time and the line that the time was kept from the
// old hearing goes. It returns the move's time before and after; the
// caller decides whether the case's time changes.
func (p *pending) retime(h, m int, now time.Time, loc *time.Location) (old, at time.Time) {
	old = p.Case.At.In(loc)
	at = time.Date(old.Year(), old.Month(), old.Day(), h, m, 0, 0, loc)
	var lines []string
	for _, l := range strings.Split(p.Summary, "\n") {
		switch {
		case strings.HasPrefix(l, "（只说了"):
			continue // the time is said now
		case strings.HasPrefix(l, "> 开庭改期："):
			if from, _, ok := strings.Cut(l, " → "); ok {
				l = from + " → " + whenCN(at, now, loc)
			}
		}
		lines = append(lines, l)
	}
	p.Summary = strings.Join(lines, "\n")
	return old, at
}

// ownPendingMove reads the change waiting under key when it is a hearing
// move the asker proposed (nil otherwise): what a time given under it
// (先按九点半记吧, 还是十点 五庭) may complete.
func (s *service) ownPendingMove(c bot.Context, key string) (*pending, error) {
	raw, err := s.st.Client().Get(c.Ctx(), key).Bytes()
	if errors.Is(err, redis.Nil) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var p pending
	if json.Unmarshal(raw, &p) != nil || p.Case == nil || p.Case.Op != opMoveHearing || p.Author != c.UserID() {
		return nil, nil
	}
	return &p, nil
}
