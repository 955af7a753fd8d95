package handlers

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"casebot/bot"
	"casebot/bot/cases"
	"casebot/bot/keys"
	"casebot/bot/people"
	"casebot/bot/redistest"
	"casebot/bot/sendlog"
	"casebot/bot/store"
	"casebot/config"
	"casebot/reminders"
)

var cst = func() *time.Location { l, _ := time.LoadLocation("Asia/Shanghai"); return l }()

func at(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, cst)
	if err != nil {
		panic(err)
	}
	return t
}

type remindEnv struct {
	t     *testing.T
	b     *bot.Bot
	rec   *recorder
	st    *store.Store
	svc   *reminders.Service
	now   time.Time
	case_ *cases.Case
}

const agency = "某县市场监督管理局"

func newRemindEnv(t *testing.T) *remindEnv {
	var rec *recorder
	e := newRemindEnvWith(t, nil, func(rdb redis.UniversalClient, k keys.Keys) bot.Sender {
		rec = &recorder{log: sendlog.New(rdb, k, sendlog.Options{})}
		return rec
	})
	e.rec = rec
	return e
}

// newRemindEnvWith builds the bot and the reminders service on sender;
// mkSender, when set, builds the sender on the test's Redis instead.
func newRemindEnvWith(t *testing.T, sender bot.Sender, mkSender func(redis.UniversalClient, keys.Keys) bot.Sender) *remindEnv {
	rdb, k := redistest.New(t)
	if mkSender != nil {
		sender = mkSender(rdb, k)
	}
	st := store.New(rdb, k)
	cfg := config.MustDefault()
	cfg.Reminder.StaffChat = "zhuanban"
	ctx := context.Background()
	if err := st.PutPeople(ctx, []*people.Person{
		{UserID: "wangwu", Name: "王五", Role: people.Head, Agency: agency, Post: "局长"},
		{UserID: "zhaoliu", Name: "赵六", Role: people.Head, Agency: agency, Post: "副局长"},
		{UserID: "lisi", Name: "李四", Role: people.Handler, Agency: agency},
		{UserID: "staff1", Name: "陈专班", Role: people.Staff},
	}); err != nil {
		t.Fatal(err)
	}
	n := cases.MustParseNumber("(2025)黔0115行初201号")
	c := &cases.Case{Number: n.String(), Kind: n.Kind(), Stage: n.Stage(), Plaintiffs: []cases.Party{cases.NewParty("张三")},
		Defendants: []string{agency}, Cause: "行政处罚", Court: "某县人民法院", Handler: "李四"}
	c.AddHearing(cases.Hearing{At: at("2025-09-24 09:30"), Place: "第三法庭", Head: "王五", HeadPost: "局长"})
	if err := st.Put(ctx, c); err != nil {
		t.Fatal(err)
	}
	svc, err := reminders.New(cfg, st, sender)
	if err != nil {
		t.Fatal(err)
	}
	svc.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	e := &remindEnv{t: t, st: st, svc: svc, case_: c}
	e.b = &bot.Bot{Sender: sender, Redis: rdb, Keys: k, Location: cst, Directory: bot.DirectoryFunc(st.LookupPerson),
		Now: func() time.Time { return e.now }, Log: svc.Log}
	Register(e.b, Deps{Config: cfg, Store: st, Reminders: svc})
	return e
}

// sweep runs a sweep at now and returns the cards sent, by recipient.
func (e *remindEnv) sweep(now string) map[string]*bot.TemplateCard {
	e.t.Helper()
	e.now = at(now)
	if _, err := e.svc.Sweep(context.Background(), e.now); err != nil {
		e.t.Fatal(err)
	}
	cards := map[string]*bot.TemplateCard{}
	for _, o := range e.rec.take() {
		if o.Card != nil {
			cards[o.ToUsers[0]] = o.Card
		}
	}
	return cards
}

// click presses a card button as user.
func (e *remindEnv) click(user string, card *bot.TemplateCard, text, code string) []bot.Outbound {
	e.t.Helper()
	key := ""
	for _, b := range card.ButtonList {
		if b.Text == text {
			key = b.Key
		}
	}
	if key == "" {
		e.t.Fatalf("no button %q on card %s", text, card.TaskID)
	}
	msg := &bot.Message{Type: "event", Event: bot.EventTemplateCard, From: user, EventKey: key,
		TaskID: card.TaskID, CardType: card.CardType, ResponseCode: code}
	if err := e.b.Handle(context.Background(), msg); err != nil {
		e.t.Fatal(err)
	}
	return e.rec.take()
}

func (e *remindEnv) say(user, text string) []bot.Outbound {
	e.t.Helper()
	if err := e.b.Handle(context.Background(), &bot.Message{Type: "text", From: user, Text: text}); err != nil {
		e.t.Fatal(err)
	}
	return e.rec.take()
}

func (e *remindEnv) hearing() cases.Hearing {
	e.t.Helper()
	c, err := e.st.Get(context.Background(), e.case_.Number)
	if err != nil {
		e.t.Fatal(err)
	}
	return c.Hearings[0]
}

func texts(outs []bot.Outbound) string {
	var ss []string
	for _, o := range outs {
		ss = append(ss, strings.Join(o.ToUsers, ",")+o.ToChat+": "+o.Text)
	}
	return strings.Join(ss, "\n")
}

func TestConfirmButton(t *testing.T) {
	e := newRemindEnv(t)
	cards := e.sweep("2025-09-23 16:00")
	e.now = at("2025-09-23 16:20")
	e.click("wangwu", cards["wangwu"], "确认出庭", "rc-1")
	u := e.rec.lastUpdate()
	if u.code != "rc-1" || !strings.Contains(u.card.ReplaceText, "已确认出庭（王五，9月23日16:20）") || u.card.TaskID != cards["wangwu"].TaskID {
		t.Errorf("card update = %q %+v", u.code, u.card)
	}
	// Confirmed: nothing to escalate at 18:00.
	if got := e.sweep("2025-09-23 18:00"); len(got) != 0 {
		t.Errorf("escalated a confirmed hearing: %v", got)
	}
	clicks, err := e.svc.Clicks(context.Background(), mustTask(t, e, cards["wangwu"]).Occ)
	if err != nil || len(clicks) != 1 || clicks[0].User != "wangwu" || clicks[0].Action != reminders.ActionConfirm {
		t.Errorf("recorded clicks = %+v, %v", clicks, err)
	}
}

func mustTask(t *testing.T, e *remindEnv, card *bot.TemplateCard) *reminders.Task {
	t.Helper()
	task, err := e.svc.Task(context.Background(), card.TaskID)
	if err != nil {
		t.Fatal(err)
	}
	return task
}

func TestReplaceButton(t *testing.T) {
	e := newRemindEnv(t)
	cards := e.sweep("2025-09-23 16:00")
	e.now = at("2025-09-23 16:30")
	outs := e.click("wangwu", cards["wangwu"], "更换出庭人", "rc-2")
	if len(outs) != 1 || !strings.Contains(outs[0].Text, "请直接回复新的出庭负责人姓名") || !strings.Contains(outs[0].Text, "赵六（副局长）") {
		t.Fatalf("question = %s", texts(outs))
	}
	if u := e.rec.lastUpdate(); u.code != "rc-2" || !strings.Contains(u.card.ReplaceText, "已申请更换出庭人") {
		t.Errorf("card update = %+v", u)
	}
	// A name nobody has: asked again, nothing changed.
	outs = e.say("wangwu", "钱七")
	if len(outs) != 1 || !strings.Contains(outs[0].Text, "通讯录中没有找到“钱七”") {
		t.Fatalf("unknown name answer = %s", texts(outs))
	}
	if h := e.hearing(); h.Head != "王五" {
		t.Fatalf("head changed to %q on a bad answer", h.Head)
	}
	// The deputy: recorded in the ledger, reminded at once.
	outs = e.say("wangwu", "赵六副局长")
	var card *bot.TemplateCard
	var reply string
	for _, o := range outs {
		if o.Card != nil && o.ToUsers[0] == "zhaoliu" {
			card = o.Card
		} else if o.ToUsers[0] == "wangwu" {
			reply = o.Text
		}
	}
	if card == nil || !strings.Contains(reply, "已改由 赵六（副局长） 出庭") || !strings.Contains(reply, "已向其发送开庭提醒") {
		t.Fatalf("after naming the deputy:\n%s", texts(outs))
	}
	if h := e.hearing(); h.Head != "赵六" || h.HeadPost != "副局长" {
		t.Errorf("hearing head = %q %q, want 赵六 副局长", h.Head, h.HeadPost)
	}
	// The question is closed; the new head's reminders continue, the old
	// head's stop.
	if outs := e.say("wangwu", "赵六"); len(outs) == 1 && strings.Contains(outs[0].Text, "已改由") {
		t.Error("the question stayed open")
	}
	got := e.sweep("2025-09-24 08:00")
	if got["zhaoliu"] == nil || got["wangwu"] != nil || got["lisi"] == nil {
		t.Errorf("morning reminders went to %v", keysOf(got))
	}
}

func keysOf(m map[string]*bot.TemplateCard) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestCannotButton(t *testing.T) {
	e := newRemindEnv(t)
	cards := e.sweep("2025-09-23 16:00")
	e.now = at("2025-09-23 16:40")
	outs := e.click("wangwu", cards["wangwu"], "无法出庭", "rc-3")
	if len(outs) != 1 || !strings.Contains(outs[0].Text, "请回复不能出庭的理由") {
		t.Fatalf("question = %s", texts(outs))
	}
	outs = e.say("wangwu", "须出席省政府紧急会议")
	var chat, staff, reply string
	for _, o := range outs {
		switch {
		case o.ToChat == "zhuanban":
			chat = o.Text
		case len(o.ToUsers) == 1 && o.ToUsers[0] == "staff1":
			staff = o.Text
		case len(o.ToUsers) == 1 && o.ToUsers[0] == "wangwu":
			reply = o.Text
		}
	}
	for _, s := range []string{chat, staff} {
		for _, want := range []string{"【无法出庭】王五（局长），" + agency, "须出席省政府紧急会议", e.case_.Number, "9月24日（周三）09:30"} {
			if !strings.Contains(s, want) {
				t.Errorf("alert lacks %q:\n%s", want, s)
			}
		}
	}
	if !strings.Contains(reply, "已将理由转告司法局应诉专班") || !strings.Contains(reply, "相应的工作人员出庭") {
		t.Errorf("reply = %s", reply)
	}
	// The escalation at 18:00 says why.
	e.now = at("2025-09-23 18:00")
	if _, err := e.svc.Sweep(context.Background(), e.now); err != nil {
		t.Fatal(err)
	}
	for _, o := range e.rec.take() {
		if !strings.Contains(o.Text, "已报告无法出庭，原因：须出席省政府紧急会议") {
			t.Errorf("escalation lacks the reason:\n%s", o.Text)
		}
	}
}

func TestAttendanceButtons(t *testing.T) {
	e := newRemindEnv(t)
	cards := e.sweep("2025-09-24 11:30")
	card := cards["lisi"]
	if card == nil || len(cards) != 1 {
		t.Fatalf("attendance cards = %v", keysOf(cards))
	}
	e.now = at("2025-09-24 11:40")
	e.click("lisi", card, "是，已出庭", "rc-4")
	if h := e.hearing(); h.HeadAppeared == nil || !*h.HeadAppeared {
		t.Errorf("HeadAppeared = %v, want true", h.HeadAppeared)
	}
	if u := e.rec.lastUpdate(); u.code != "rc-4" || !strings.Contains(u.card.ReplaceText, "已登记：负责人已出庭") {
		t.Errorf("card update = %+v", u)
	}
	// Answered: not asked again.
	if got := e.sweep("2025-09-24 11:45"); len(got) != 0 {
		t.Errorf("asked again: %v", keysOf(got))
	}
}

func TestClicksFromElsewhere(t *testing.T) {
	e := newRemindEnv(t)
	cards := e.sweep("2025-09-23 16:00")
	outs := e.click("zhaoliu", cards["wangwu"], "确认出庭", "rc-5")
	if len(outs) != 1 || !strings.Contains(outs[0].Text, "这张卡片是发给其他同事的") {
		t.Errorf("someone else's card: %s", texts(outs))
	}
	stale := *cards["wangwu"]
	stale.TaskID = "rm_unknown"
	stale.ButtonList = append([]bot.CardButton(nil), stale.ButtonList...)
	for i := range stale.ButtonList {
		stale.ButtonList[i].Key = reminders.ButtonKey(reminders.ActionConfirm, "rm_unknown")
	}
	outs = e.click("wangwu", &stale, "确认出庭", "rc-6")
	if len(outs) != 1 || !strings.Contains(outs[0].Text, "这张提醒卡片已过期") {
		t.Errorf("unknown task: %s", texts(outs))
	}
	// A card about a hearing that moved since.
	if _, err := e.st.Update(context.Background(), e.case_.Number, func(c *cases.Case) error {
		c.MoveHearing(1, at("2025-09-26 09:30"), at("2025-09-23 17:00"), "test")
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	outs = e.click("wangwu", cards["wangwu"], "确认出庭", "rc-7")
	if len(outs) != 1 || !strings.Contains(outs[0].Text, "该开庭已改期或取消") {
		t.Errorf("moved hearing: %s", texts(outs))
	}
}
