package reminders

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"casebot/bot"
	"casebot/bot/cases"
	"casebot/bot/keys"
	"casebot/bot/people"
	"casebot/bot/store"
)

// CannotAppear is the alert to the 专班 when someone answers 无法出庭: sent
// at once by the answer, not planned by sweeps.
const CannotAppear Kind = "cannot_appear"

// Questions the bot asks after a click; the handlers route the next text
// of the user to Answer with the question's name.
const (
	QuestionReplace = questionReplace
	QuestionCannot  = questionCannot
)

// Outcome is what the chat should do after a click or an answer.
type Outcome struct {
	// Card replaces the clicked card (update_template_card with the
	// click's response code).
	Card *bot.TemplateCard
	// Await asks the user a question: their next text goes to Answer.
	Await string
	// Reply is sent back to the user.
	Reply string
}

// current loads the case and hearing of a task's card and says whether the
// card is still about the hearing as it stands (not moved, cancelled or
// deleted since).
func (s *Service) current(ctx context.Context, t *Task) (it Item, cur bool, err error) {
	it = Item{Hearing: t.Hearing, Case: t.Case, Recipient: t.Recipient, Kind: t.Kind, Occ: t.Occ, At: t.At,
		Role: people.Role(t.Role), Agency: t.Agency}
	number, id, err := t.Hearing.Split()
	if err != nil {
		return it, false, err
	}
	c, err := s.st.Get(ctx, number)
	if errors.Is(err, store.ErrNotFound) {
		return it, false, nil
	}
	if err != nil {
		return it, false, err
	}
	h := c.Hearing(id)
	if h == nil {
		return it, false, nil
	}
	dir, _, err := s.directory(ctx)
	if err != nil {
		return it, false, err
	}
	rs, _ := dir.Recipients(c, *h)
	it.Heads, it.Handlers = byRole(rs)
	it.CaseData, it.HearingD, it.Person = c, *h, dir.Person(t.Recipient)
	if h.Cancelled || !h.At.Equal(t.At) {
		return it, false, nil
	}
	hid, _, _ := strings.Cut(t.Occ, "-")
	field := epochField(hid, t.At)
	epochs, err := s.epochs(ctx, []string{field})
	if err != nil {
		return it, false, err
	}
	return it, occID(hid, t.At, epochs[field]) == t.Occ, nil
}

// settled returns the card of task t with its buttons replaced by text: a
// hearing card, or a deadline card (it.Deadline set); a bare one when the
// case is gone.
func (s *Service) settled(it Item, t *Task, now time.Time, text string) *bot.TemplateCard {
	if it.CaseData == nil {
		title := "开庭提醒"
		if t.Deadline != "" {
			title = "期限提醒"
		}
		return &bot.TemplateCard{CardType: "button_interaction", TaskID: t.ID,
			MainTitle:   bot.CardTitle{Title: title, Desc: t.Case},
			ButtonList:  []bot.CardButton{{Text: "已处理", Style: 2, Key: ButtonKey("none", t.ID)}},
			ReplaceText: text}
	}
	card := s.Card(it, t.ID, now)
	if it.Deadline != nil {
		card = s.DeadlineCard(it, t.ID, now)
	}
	card.ReplaceText = text
	return card
}

const staleText = "该开庭已改期或取消，请以最新通知为准"

// Click handles a button of a card sent to user: records it, and says how
// to update the card and what to ask or answer.
func (s *Service) Click(ctx context.Context, t *Task, user, action string, now time.Time) (Outcome, error) {
	if t.Recipient != user {
		return Outcome{}, bot.Errorf(bot.EForbidden, "这张卡片是发给其他同事的，请由本人操作。")
	}
	if t.Deadline != "" {
		return s.deadlineClick(ctx, t, user, action, now)
	}
	it, cur, err := s.current(ctx, t)
	if err != nil {
		return Outcome{}, err
	}
	click := Click{User: user, Action: action, At: now, Task: t.ID}
	stamp := now.In(s.loc).Format("1月2日15:04")
	switch action {
	case ActionAppeared, ActionNotAppear:
		if t.Kind != Attendance {
			break
		}
		appeared := action == ActionAppeared
		number, id, _ := t.Hearing.Split()
		_, err := s.st.Update(ctx, number, func(c *cases.Case) error {
			h := c.Hearing(id)
			if h == nil {
				return store.ErrNotFound
			}
			h.HeadAppeared = &appeared
			return nil
		})
		if errors.Is(err, store.ErrNotFound) {
			return Outcome{Card: s.settled(it, t, now, staleText)}, nil
		}
		if err != nil {
			return Outcome{}, err
		}
		if err := s.logClick(ctx, t.Occ, click); err != nil {
			return Outcome{}, err
		}
		text := "已登记：负责人已出庭（" + stamp + "）"
		if !appeared {
			text = "已登记：负责人未出庭（" + stamp + "）"
		}
		return Outcome{Card: s.settled(it, t, now, text)}, nil

	case ActionConfirm, ActionReplace, ActionCannot:
		if !t.Kind.reminder() {
			break
		}
		if !cur {
			return Outcome{Card: s.settled(it, t, now, staleText), Reply: staleText + "。"}, nil
		}
		if !now.Before(t.At) && action != ActionConfirm {
			return Outcome{Reply: "开庭时间已到，无法再更换或报告。如有情况请直接联系司法局应诉专班。"}, nil
		}
		a := Ack{By: user, At: now}
		var out Outcome
		switch action {
		case ActionConfirm:
			a.Status = AckConfirmed
			who := user
			if it.Person != nil {
				who = it.Person.Name
			}
			out.Card = s.settled(it, t, now, "已确认出庭（"+who+"，"+stamp+"）")
		case ActionReplace:
			a.Status = AckReplacing
			out.Card = s.settled(it, t, now, "已申请更换出庭人，请在对话中回复新人选")
			out.Await = QuestionReplace
			out.Reply = "请直接回复新的出庭负责人姓名（须是被告单位通讯录中的人员" + s.headHint(ctx, it) + "）。回复“取消”可放弃更换。"
		case ActionCannot:
			a.Status = AckCannot
			out.Card = s.settled(it, t, now, "已报告无法出庭，请在对话中说明理由")
			out.Await = QuestionCannot
			out.Reply = "请回复不能出庭的理由（例如：不可抗力、意外事件、他人不能代替的公务），我们将立即转告司法局应诉专班。"
		}
		if err := s.setAck(ctx, t.Occ, a, click); err != nil {
			return Outcome{}, err
		}
		return out, nil
	}
	return Outcome{}, bot.Errorf(bot.EInvalid, "这个按钮已失效，请以最新的提醒为准。")
}

// headHint lists the defendant agencies' heads, to help the user answer.
func (s *Service) headHint(ctx context.Context, it Item) string {
	if it.CaseData == nil {
		return ""
	}
	dir, _, err := s.directory(ctx)
	if err != nil {
		return ""
	}
	var ns []string
	for _, a := range it.CaseData.Defendants {
		for _, p := range dir.Agency(a) {
			if p.Role == people.Head && len(ns) < 5 {
				ns = append(ns, personText(p))
			}
		}
	}
	if len(ns) == 0 {
		return ""
	}
	return "，例如：" + strings.Join(ns, "、")
}

func (s *Service) logClick(ctx context.Context, occ string, c Click) error {
	b, err := json.Marshal(c)
	if err != nil {
		return err
	}
	_, err = s.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.RPush(ctx, s.k.RemindClicks(occ), b)
		p.Expire(ctx, s.k.RemindClicks(occ), keys.RemindRecordTTL)
		return nil
	})
	return err
}

// Answer handles the text a user typed in answer to question (asked by a
// click on card t). A *bot.Error means the answer was not usable: the
// question stays open and the error tells the user what to write.
func (s *Service) Answer(ctx context.Context, question string, t *Task, user, text string, now time.Time) (Outcome, error) {
	text = strings.TrimSpace(text)
	switch question {
	case QuestionAnalysis, QuestionMeasures, QuestionReturn:
		return s.rectifyAnswer(ctx, question, t, user, text, now)
	}
	it, cur, err := s.current(ctx, t)
	if err != nil {
		return Outcome{}, err
	}
	if !cur {
		return Outcome{Reply: staleText + "。"}, nil
	}
	click := Click{User: user, At: now, Task: t.ID, Text: text}
	switch question {
	case QuestionReplace:
		click.Action = "replace_answer"
		if text == "取消" || text == "算了" {
			return Outcome{Reply: "已取消更换，出庭负责人不变。"}, s.setAck(ctx, t.Occ, Ack{By: user, At: now}, click)
		}
		p, err := s.findPerson(ctx, it, t.Agency, text)
		if err != nil {
			return Outcome{}, err
		}
		number, id, _ := t.Hearing.Split()
		_, err = s.st.Update(ctx, number, func(c *cases.Case) error {
			h := c.Hearing(id)
			if h == nil || h.Cancelled || !h.At.Equal(t.At) {
				return bot.Errorf(bot.EInvalid, staleText+"。")
			}
			h.Head, h.HeadPost = p.Name, p.Post
			return nil
		})
		if err != nil {
			return Outcome{}, err
		}
		if err := s.setAck(ctx, t.Occ, Ack{Status: AckReplaced, By: user, At: now, Head: p.UserID}, click); err != nil {
			return Outcome{}, err
		}
		n, err := s.SweepHearing(ctx, t.Hearing, now)
		if err != nil {
			return Outcome{}, err
		}
		reply := "已改由 " + personText(p) + " 出庭，台账已更新。"
		if n > 0 {
			reply += "已向其发送开庭提醒，请其点“确认出庭”。"
		} else {
			reply += "其已收到开庭提醒，请其点“确认出庭”。"
		}
		return Outcome{Reply: reply}, nil

	case QuestionCannot:
		click.Action = "cannot_answer"
		if text == "" {
			return Outcome{}, bot.Errorf(bot.EInvalid, "请回复不能出庭的理由。")
		}
		reason := truncate(text, maxReasonRunes)
		if err := s.setAck(ctx, t.Occ, Ack{Status: AckCannot, By: user, At: now, Reason: reason}, click); err != nil {
			return Outcome{}, err
		}
		if err := s.alertCannot(ctx, it, t, user, reason, now); err != nil {
			return Outcome{}, err
		}
		return Outcome{Reply: "已将理由转告司法局应诉专班。依法释〔2020〕3号第8、9条，不能出庭须有正当理由，" +
			"请准备加盖公章的书面说明，并安排相应的工作人员出庭；确需延期的，请及时向法院申请延期开庭。"}, nil
	}
	return Outcome{}, fmt.Errorf("unknown reminder question %q", question)
}

// findPerson finds the person a user named among the defendant agencies'
// people: an exact name, or a name followed by a post ("王五副局长"); the
// agency of the card first.
func (s *Service) findPerson(ctx context.Context, it Item, agency, text string) (*people.Person, error) {
	dir, _, err := s.directory(ctx)
	if err != nil {
		return nil, err
	}
	agencies := []string{agency}
	for _, a := range it.CaseData.Defendants {
		if a != agency {
			agencies = append(agencies, a)
		}
	}
	var best *people.Person
	for _, a := range agencies {
		for _, p := range dir.Agency(a) {
			if p.Name == text {
				return p, nil
			}
			if strings.HasPrefix(text, p.Name) && (best == nil || len(p.Name) > len(best.Name)) {
				best = p
			}
		}
	}
	if best != nil {
		return best, nil
	}
	return nil, bot.Errorf(bot.EInvalid, "通讯录中没有找到“%s”。请回复被告单位通讯录中的姓名%s，或回复“取消”。",
		truncate(text, 20), s.headHint(ctx, it))
}

// alertCannot tells the 专班 group chat and the staff at once that someone
// cannot appear, exactly once per reporter and destination.
func (s *Service) alertCannot(ctx context.Context, it Item, t *Task, user, reason string, now time.Time) error {
	dir, dests, err := s.directory(ctx)
	if err != nil {
		return err
	}
	if len(dests) == 0 {
		s.Log.Error("nobody to tell that a head cannot appear: set reminders.staff_chat or add staff to the directory",
			"hearing", t.Hearing, "user", user)
		return bot.Errorf(bot.ENotFound, "系统中没有登记应诉专班，无法转告。请直接电话联系司法局应诉专班。")
	}
	who := user
	if p := dir.Person(user); p != nil {
		who = personText(p) + "，" + p.Agency
	}
	text := fmt.Sprintf("【无法出庭】%s 报告无法出庭：\n%s\n原因：%s\n请专班跟进：依法释〔2020〕3号第8、9条，不能出庭须有正当理由并提交加盖公章的说明，"+
		"同时由相应的工作人员出庭；必要时可向法院申请延期开庭。", who, s.hearingLine(it), reason)
	r := &run{s: s, now: now, rep: &Report{}}
	for _, d := range dests {
		item := it
		item.Recipient, item.Kind, item.DueAt = d, CannotAppear, now
		item.ID = t.Occ + ":" + d + ":" + string(CannotAppear) + ":" + user
		if err := r.deliver(ctx, []Item{item}, func(context.Context, []Item, time.Time) (bot.Outbound, error) {
			return to(d, text), nil
		}); err != nil {
			return err
		}
	}
	if r.rep.Failed > 0 {
		return bot.Errorf(bot.EUnknown, "转告专班时出了问题，请稍后再回复一次理由，或直接电话联系司法局应诉专班。")
	}
	return nil
}
