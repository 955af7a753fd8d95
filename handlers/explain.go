package handlers

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/cases"
	"casebot/bot/explain"
	"casebot/bot/people"
	"casebot/bot/store"
)

// The chat commands of 以案说法 drafts.
const (
	explainWord    = "以案说法"
	regenerateWord = "重新生成"
	angleWord      = "换个角度"
)

// explainHandlers answers requests for 以案说法 drafts. A request is checked
// (role, case, closed), counted against the user's hourly limit and queued;
// the user is answered at once and the draft follows from the worker
// (explain.Worker), because a model takes a minute or more.
type explainHandlers struct {
	s  *service
	ex *explain.Service
}

// registerExplain adds the routes. They are registered even when the
// feature is not wired (ex nil), so that the words are answered rather
// than read as a case query.
func registerExplain(b *bot.Bot, s *service, ex *explain.Service) {
	h := &explainHandlers{s: s, ex: ex}
	b.Text(bot.Prefix(explainWord, "以案释法"), h.explain)
	b.Text(exactWord(regenerateWord), h.regenerate)
	b.Text(bot.Prefix(angleWord), h.angle)
}

// exactWord matches a message that is the word alone, give or take spaces
// and closing punctuation.
func exactWord(w string) bot.Matcher {
	return func(text string) bool {
		return strings.TrimRight(strings.TrimSpace(text), "。！!.，, ") == w
	}
}

const explainUsage = "请在“以案说法”后写上已结案件的案号，例如：\n以案说法 (2025)黔0115行初123号"

// explain handles "以案说法 <案号>".
func (h *explainHandlers) explain(c bot.Context) error {
	if ok, err := h.allowed(c); !ok {
		return err
	}
	text := strings.TrimSpace(c.Message().Text)
	rest := strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(text, explainWord), "以案释法"))
	rest = strings.TrimLeft(rest, "：: ")
	if rest == "" {
		return c.Reply(explainUsage)
	}
	n, err := cases.ParseNumber(rest)
	if err != nil {
		found := cases.FindNumbers(rest)
		if len(found) == 0 {
			return c.Reply(fmt.Sprintf("没有认出“%s”中的案号。%s", rest, explainUsage))
		}
		n = found[0]
	}
	return h.submit(c, n.String(), "")
}

// regenerate handles "重新生成": the user's last case, with its angle.
func (h *explainHandlers) regenerate(c bot.Context) error {
	if ok, err := h.allowed(c); !ok {
		return err
	}
	number, hint, err := h.ex.Queue.Last(c.Ctx(), c.UserID())
	if errors.Is(err, explain.ErrNoLast) {
		return c.Reply("您最近没有申请过以案说法草稿，不知道要重新生成哪一篇。" + explainUsage)
	}
	if err != nil {
		return err
	}
	return h.submit(c, number, hint)
}

// angle handles "换个角度：<提示>": the user's last case, from that angle.
func (h *explainHandlers) angle(c bot.Context) error {
	if ok, err := h.allowed(c); !ok {
		return err
	}
	hint := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(c.Message().Text), angleWord))
	hint = strings.TrimSpace(strings.TrimLeft(hint, "：: ，,"))
	if hint == "" {
		return c.Reply("请在“换个角度：”后写上您希望的写作角度，例如：\n换个角度：从行政机关负责人出庭应诉的角度写")
	}
	if n := len([]rune(hint)); n > maxHintRunes {
		return c.Reply(fmt.Sprintf("写作角度请控制在 %d 字以内（您写了 %d 字）。", maxHintRunes, n))
	}
	number, _, err := h.ex.Queue.Last(c.Ctx(), c.UserID())
	if errors.Is(err, explain.ErrNoLast) {
		return c.Reply("请先发送“以案说法 案号”生成一篇草稿，再用“换个角度：…”改写。")
	}
	if err != nil {
		return err
	}
	return h.submit(c, number, hint)
}

// maxHintRunes bounds the angle a user may give, which goes into the prompt.
const maxHintRunes = 200

// allowed lets the 普法 team, the bureau's staff and admins ask; others
// get a polite refusal, as does everyone when the feature is not wired.
// When it returns false the user has been answered (or err says why not).
func (h *explainHandlers) allowed(c bot.Context) (bool, error) {
	if h.ex == nil {
		return false, c.Reply("抱歉，以案说法草稿功能尚未启用。如需使用，请联系" + h.s.cfg.People.Contact + "。")
	}
	p := c.Person()
	if p == nil || (p.Role != people.Pufa && p.Role != people.Staff && p.Role != people.Admin) {
		if err := h.s.record(c, audit.Refused, "explain-role", 0, nil, ""); err != nil {
			return false, err
		}
		return false, bot.Errorf(bot.EForbidden, "抱歉，以案说法草稿只面向普法工作人员和司法局应诉专班。如您需要用某个案件做普法素材，请联系%s。", h.s.cfg.People.Contact)
	}
	return true, nil
}

// submit checks the case and queues the draft.
func (h *explainHandlers) submit(c bot.Context, number, hint string) error {
	ctx := c.Ctx()
	viewer := c.Person()
	cs, err := h.s.st.Get(ctx, number)
	if errors.Is(err, store.ErrNotFound) {
		cs, err = nil, nil
	}
	if err != nil {
		return err
	}
	// One answer for a missing case and one the viewer may not see; the
	// 普法 team sees closed cases only, so an open case reads the same to
	// them as a missing one, worded so it explains both.
	switch {
	case cs == nil || !h.s.scope.CanSee(viewer, cs):
		if err := h.s.record(c, audit.Query, "explain", 0, nil, hint); err != nil {
			return err
		}
		return c.Reply(fmt.Sprintf("没有找到您可以使用的已结案件 %s。以案说法只以已结案件为素材；如该案尚未结案，请在结案后再试。", number))
	case cs.Open():
		if err := h.s.record(c, audit.Query, "explain", 0, []string{number}, hint); err != nil {
			return err
		}
		return c.Reply(fmt.Sprintf("案件 %s 尚未结案。以案说法只以已结案件为素材，请在结案后再试。", number))
	}
	if err := h.s.record(c, audit.Query, "explain", 1, []string{number}, hint); err != nil {
		return err
	}
	_, err = h.ex.Request(ctx, explain.Job{Number: number, User: c.UserID(), Hint: hint, RequestedAt: c.Now()})
	var le *explain.LimitedError
	if errors.As(err, &le) {
		return c.Reply(fmt.Sprintf("抱歉，每人每小时最多申请 %d 篇由大模型撰写的以案说法草稿，您本小时的次数已用完。请在 %s 以后再试，谢谢理解。",
			le.Limit, retryAt(le.Next, c.Now(), c.Location())))
	}
	if err != nil {
		return err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "正在生成案件 %s 的以案说法草稿", number)
	if hint != "" {
		fmt.Fprintf(&b, "（写作角度：%s）", hint)
	}
	b.WriteString("…\n")
	if h.ex.ModelConfigured() {
		b.WriteString("大模型撰写通常需要一到两分钟，完成后将分段发送给您。")
	} else {
		b.WriteString("本系统未配置大模型，将根据台账字段自动整理成稿，稍后发送给您。")
	}
	b.WriteString("草稿中的当事人信息已脱敏，须经人工审核后方可发布。")
	return c.Reply(b.String())
}

// retryAt writes a time for people, rounded up to the minute so that the
// time said is never too early: 15:04 today, else 1月2日 15:04.
func retryAt(t, now time.Time, loc *time.Location) string {
	if r := t.Truncate(time.Minute); !r.Equal(t) {
		t = r.Add(time.Minute)
	}
	t, now = t.In(loc), now.In(loc)
	if t.Year() == now.Year() && t.YearDay() == now.YearDay() {
		return t.Format("15:04")
	}
	return fmt.Sprintf("%d月%d日 %s", int(t.Month()), t.Day(), t.Format("15:04"))
}

// explainHelp is the help paragraph on 以案说法 for p, empty for roles that
// may not ask; the help answer appends it.
func explainHelp(p *people.Person) string {
	if p == nil || (p.Role != people.Pufa && p.Role != people.Staff && p.Role != people.Admin) {
		return ""
	}
	return "**以案说法草稿**（仅限已结案件）\n> 以案说法 (2025)黔0115行初123号\n> 重新生成\n> 换个角度：从负责人出庭应诉的角度写\n草稿中的当事人信息已脱敏，须经人工审核后方可发布。"
}
