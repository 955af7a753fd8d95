package handlers

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/intent"
	"casebot/bot/workcal"
	"casebot/reminders"
)

// Personal reminders (下周一早上提醒我找人社局补通讯录): the asker is told
// what was set and when it will come, and the reminders' sweep delivers it
// once at that time (reminders.AddNote). A request without a time is
// answered with a question, and the next message naming a time sets it.

const (
	// memOwnAsk keeps what a personal reminder is to say while the bot
	// asks when.
	memOwnAsk = "remind.own.ask"
	// memOwnLast keeps the personal reminder just set, for 取消提醒.
	memOwnLast = "remind.own.last"
)

type ownAsk struct {
	What string `json:"what"`
}

type ownLast struct {
	ID   string    `json:"id"`
	What string    `json:"what"`
	At   time.Time `json:"at"`
}

// ownCancelRe withdraws the personal reminder just set (取消提醒, 不用提醒了).
var ownCancelRe = regexp.MustCompile(`^(?:那|算了|好的?)?\s*(?:取消|撤销|删掉|删除)(?:刚才的|这个|那个|刚才那个)?提醒$|^(?:那|算了)?\s*(?:不用|别|不要)(?:再)?提醒(?:我)?了?$`)

// ownOptions are the configured day parts and the work calendar.
func (s *service) ownOptions() intent.OwnReminderOptions {
	p := s.reminders.Parts()
	cal := s.st.Deadlines.Calendar()
	loc := s.reminders.Location()
	return intent.OwnReminderOptions{
		Morning:   intent.DayPart{Hour: p.Morning.Hour, Minute: p.Morning.Minute},
		Afternoon: intent.DayPart{Hour: p.Afternoon.Hour, Minute: p.Afternoon.Minute},
		Evening:   intent.DayPart{Hour: p.Evening.Hour, Minute: p.Evening.Minute},
		NextWorkday: func(t time.Time) time.Time {
			d := workcal.DateOf(t, loc).AddDays(1)
			for i := 0; i < 40 && !cal.Workday(d); i++ {
				d = d.AddDays(1)
			}
			return d.At(workcal.Clock{}, loc)
		},
	}
}

// ownReminderTurn answers a message about a personal reminder: a request
// for one, the time asked for one, or its withdrawal. ok is false for any
// other message. asked is the reminder waiting for its time, if any.
func (s *service) ownReminderTurn(c bot.Context, text string, asked *ownAsk) (bool, error) {
	viewer := c.Person()
	if viewer == nil || viewer.Role == "" {
		return false, nil
	}
	norm := strings.TrimSpace(strings.TrimRight(intent.Normalize(text), "。.!！~ "))
	if ownCancelRe.MatchString(norm) {
		var last ownLast
		ok, err := c.Memory().Recall(memOwnLast, &last)
		if err != nil || !ok || s.reminders == nil {
			return false, err
		}
		done, err := s.reminders.CancelNote(c.Ctx(), c.UserID(), last.ID)
		if err != nil {
			return true, err
		}
		if err := c.Memory().Forget(memOwnLast); err != nil {
			return true, err
		}
		if err := s.record(c, audit.Update, "own_reminder", 0, nil, "取消个人提醒"); err != nil {
			return true, err
		}
		if !done {
			return true, c.Reply("这条提醒已经发出，无需取消。")
		}
		return true, c.Reply(fmt.Sprintf("好的，已取消 %s 的提醒（%s）。", whenCN(last.At, c.Now(), c.Location()), last.What))
	}
	var opts intent.OwnReminderOptions
	if s.reminders != nil {
		opts = s.ownOptions()
	} else {
		opts = intent.OwnReminderOptions{Morning: intent.DayPart{Hour: 9}, Afternoon: intent.DayPart{Hour: 14, Minute: 30}, Evening: intent.DayPart{Hour: 19}}
	}
	r, ok := intent.OwnReminderAsked(text, c.Now(), opts)
	if !ok {
		// The time asked for a reminder whose content was said before.
		if asked == nil {
			return false, nil
		}
		r, ok = intent.OwnReminderAsked(text+" 提醒我", c.Now(), opts)
		if !ok || r.At.IsZero() || len([]rune(norm)) > 24 {
			return false, nil
		}
		r.What = asked.What
	}
	return true, s.ownReminder(c, r)
}

// ownReminder sets r, or asks when, or says why it cannot.
func (s *service) ownReminder(c bot.Context, r intent.OwnReminder) error {
	now, loc := c.Now(), c.Location()
	reply := func(detail, md string) error {
		if err := s.record(c, audit.Update, "own_reminder", 0, nil, detail); err != nil {
			return err
		}
		return c.ReplyMarkdown(md)
	}
	if s.reminders == nil || !s.reminders.Enabled() {
		return reply("个人提醒：定时提醒未开启", "抱歉，本系统的定时提醒目前未开启（reminders.enabled），我没法在指定时间给您发提醒，这次**未设置**。请用手机的日程或闹钟记一下"+
			ifWhat(r.What, "：“%s”")+"；需要开启的，请联系管理员。")
	}
	if r.At.IsZero() {
		if err := c.Memory().Remember(memOwnAsk, ownAsk{What: r.What}); err != nil {
			return err
		}
		return reply("个人提醒：问时间", fmt.Sprintf("好的，请问什么时候提醒您%s？请告诉我日期和时间，例如“明天上午9点”“下周一早上”“下午三点”。", ifWhat(r.What, "“%s”")))
	}
	if r.What == "" {
		if err := c.Memory().Remember(memOwnAsk, ownAsk{}); err != nil {
			return err
		}
	}
	n, err := s.reminders.AddNote(c.Ctx(), reminders.Note{UserID: c.UserID(), Name: c.Person().Name, What: r.What, At: r.At}, now)
	if errors.Is(err, reminders.ErrNotePast) {
		return reply("个人提醒：时间已过", fmt.Sprintf("%s 已经过去了，这次未设置提醒。请换一个以后的时间，例如“明天上午9点提醒我%s”。", whenCN(r.At, now, loc), r.What))
	}
	if err != nil {
		return err
	}
	if err := c.Memory().Forget(memOwnAsk); err != nil {
		return err
	}
	if err := c.Memory().Remember(memOwnLast, ownLast{ID: n.ID, What: r.What, At: r.At}); err != nil {
		return err
	}
	when := whenCN(r.At, now, loc)
	if r.At.Hour() == 0 && r.At.Minute() == 0 {
		when += "00:00"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "好的，已设置提醒：**%s** 提醒您%s。", when, ifWhat(r.What, "：%s"))
	switch r.Part {
	case "":
	case "day":
		fmt.Fprintf(&b, "（没说具体时间，按上午 %s 提醒。）", r.At.In(loc).Format("15:04"))
	default:
		fmt.Fprintf(&b, "（“%s”按 %s 提醒。）", r.Part, r.At.In(loc).Format("15:04"))
	}
	b.WriteString("\n到时我会在这里给您发一条消息（系统每几分钟检查一次，可能晚几分钟）。不需要了回复“取消提醒”；要改时间，取消后重新设置即可。")
	if r.What == "" {
		b.WriteString("\n您没说提醒什么事，到时只提示时间；可以再发一次，例如“明天上午9点提醒我给法院打电话”。")
	}
	return reply("个人提醒："+r.At.In(loc).Format("2006-01-02 15:04")+" "+r.What, b.String())
}

// ifWhat formats what into f when said, else nothing.
func ifWhat(what, f string) string {
	if what == "" {
		return ""
	}
	return fmt.Sprintf(f, what)
}
