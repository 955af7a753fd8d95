package reminders

import (
	"context"
	"encoding/json"
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"casebot/bot"
	"casebot/bot/cases"
)

// TestDayInTheLife follows one hearing on Wednesday 24 September 2025 at
// 09:30 through every sweep, with a new instance each time (a restart).
func TestDayInTheLife(t *testing.T) {
	f := newFixture(t)
	f.put(sampleCase(101, "2025-09-24 09:30"))
	steps := []struct {
		now  string
		want []string
	}{
		{"2025-09-23 15:55", nil},
		{"2025-09-23 16:00", []string{"lisi day_before", "wangwu day_before"}},
		{"2025-09-23 16:05", nil},
		{"2025-09-23 18:00", []string{"chat:zhuanban 负责人出庭未确认", "staff1 负责人出庭未确认"}},
		{"2025-09-23 18:05", nil},
		{"2025-09-24 07:55", nil},
		{"2025-09-24 08:00", []string{"lisi day_of", "wangwu day_of"}},
		{"2025-09-24 09:30", nil}, // started: too late for anything
		{"2025-09-24 11:25", nil},
		{"2025-09-24 11:30", []string{"lisi attendance"}},
		{"2025-09-24 11:35", nil},
		{"2025-09-28 11:35", nil},
	}
	for _, st := range steps {
		if diff := cmp.Diff(st.want, f.sweep(f.service(), st.now)); diff != "" {
			t.Errorf("sweep at %s (-want,+got):\n%s", st.now, diff)
		}
	}
}

var taskIDPattern = regexp.MustCompile(`^[0-9A-Za-z_\-@]{1,128}$`)

func TestReminderCard(t *testing.T) {
	f := newFixture(t)
	c := sampleCase(102, "2025-09-24 09:30")
	f.put(c)
	s := f.service()
	if _, err := s.Sweep(context.Background(), at("2025-09-23 16:00")); err != nil {
		t.Fatal(err)
	}
	outs := f.sender.take()
	if len(outs) != 2 {
		t.Fatalf("sent %d pushes, want 2", len(outs))
	}
	var head *bot.TemplateCard
	for _, o := range outs {
		if o.Type != bot.MsgTemplateCard || o.Card.CardType != "button_interaction" {
			t.Fatalf("push %+v is not a button card", o)
		}
		if !taskIDPattern.MatchString(o.Card.TaskID) {
			t.Errorf("task_id %q breaks WeCom's rule", o.Card.TaskID)
		}
		for _, b := range o.Card.ButtonList {
			for _, r := range b.Key {
				if r > 0x7e {
					t.Errorf("button key %q is not ASCII", b.Key)
				}
			}
		}
		if o.ToUsers[0] == "wangwu" {
			head = o.Card
		}
	}
	if head == nil {
		t.Fatal("no card to the head")
	}
	fields := map[string]bot.CardField{}
	for _, fl := range head.HorizontalContentList {
		fields[fl.KeyName] = fl
	}
	want := map[string]string{"案号": c.Number, "案由": "行政处罚（一审）", "法院": "某县人民法院", "地点": "第三法庭", "原告": "张某", "承办人": "李四（法规科科长）"}
	for k, v := range want {
		if fields[k].Value != v {
			t.Errorf("card %s = %q, want %q", k, fields[k].Value, v)
		}
	}
	if fields["承办人"].UserID != "lisi" || fields["承办人"].Type != bot.CardFieldMember {
		t.Errorf("承办人 line does not open lisi's profile: %+v", fields["承办人"])
	}
	if len(head.HorizontalContentList) > 6 {
		t.Errorf("%d lines, WeCom allows 6", len(head.HorizontalContentList))
	}
	if !strings.Contains(head.MainTitle.Title, "明天 09:30") || !strings.Contains(head.MainTitle.Desc, "9月24日（周三）") {
		t.Errorf("title %+v", head.MainTitle)
	}
	for _, want := range []string{"王五（局长）", "法释〔2020〕3号第4条", agency} {
		if !strings.Contains(head.QuoteArea.Title+head.QuoteArea.QuoteText, want) {
			t.Errorf("quote area lacks %q: %+v", want, head.QuoteArea)
		}
	}
	for _, want := range []string{"身份证明", "更换出庭人", "无法出庭"} {
		if !strings.Contains(head.SubTitleText, want) {
			t.Errorf("subtitle lacks %q: %s", want, head.SubTitleText)
		}
	}
	if n := len([]rune(head.SubTitleText)); n > 160 {
		t.Errorf("subtitle has %d characters, WeCom suggests 160", n)
	}
	var texts []string
	for _, b := range head.ButtonList {
		texts = append(texts, b.Text)
	}
	if diff := cmp.Diff([]string{"确认出庭", "更换出庭人", "无法出庭"}, texts); diff != "" {
		t.Errorf("buttons (-want,+got):\n%s", diff)
	}
}

func TestDueJSON(t *testing.T) {
	f := newFixture(t)
	f.put(sampleCase(103, "2025-09-24 09:30"))
	s := f.service()
	items, err := s.Due(context.Background(), at("2025-09-23 18:00"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(items)
	if err != nil {
		t.Fatal(err)
	}
	ref := `"hearing":"(2025)黔0115行初103号#1","case":"(2025)黔0115行初103号"`
	want := `[{` + ref + `,"recipient":"lisi","kind":"day_before","due_at":"2025-09-23T16:00:00+08:00"},` +
		`{` + ref + `,"recipient":"wangwu","kind":"day_before","due_at":"2025-09-23T16:00:00+08:00"},` +
		`{` + ref + `,"recipient":"chat:zhuanban","kind":"escalation","due_at":"2025-09-23T18:00:00+08:00"},` +
		`{` + ref + `,"recipient":"staff1","kind":"escalation","due_at":"2025-09-23T18:00:00+08:00"}]`
	if diff := cmp.Diff(want, string(b)); diff != "" {
		t.Errorf("dry run (-want,+got):\n%s", diff)
	}
	// The dry run wrote nothing: a real sweep still sends all four.
	if got := f.sweep(s, "2025-09-23 18:00"); len(got) != 4 {
		t.Errorf("sweep after dry run sent %v", got)
	}
	items, err = s.Due(context.Background(), at("2025-09-23 18:00"))
	if err != nil || len(items) != 0 {
		t.Errorf("dry run after the sweep = %v, %v; want nothing", items, err)
	}
}

var errTransient = errors.New("wecom: -1 system busy")

func TestRetryWithBackoff(t *testing.T) {
	f := newFixture(t)
	f.put(sampleCase(104, "2025-09-24 09:30"))
	failures := 2
	f.sender.fail = func(out bot.Outbound) error {
		if len(out.ToUsers) == 1 && out.ToUsers[0] == "wangwu" && failures > 0 {
			failures--
			return errTransient
		}
		return nil
	}
	steps := []struct {
		now  string
		want []string
	}{
		{"2025-09-23 16:00", []string{"lisi day_before"}}, // wangwu failed: retry at 16:05
		{"2025-09-23 16:05", nil},                         // failed again: retry at 16:15
		{"2025-09-23 16:10", nil},                         // backing off
		{"2025-09-23 16:15", []string{"wangwu day_before"}},
		{"2025-09-23 16:20", nil},
	}
	for _, st := range steps {
		if diff := cmp.Diff(st.want, f.sweep(f.service(), st.now)); diff != "" {
			t.Errorf("sweep at %s (-want,+got):\n%s", st.now, diff)
		}
	}
}

func TestGiveUpIsReported(t *testing.T) {
	f := newFixture(t)
	f.put(sampleCase(105, "2025-09-24 09:30"))
	f.sender.fail = func(out bot.Outbound) error {
		if len(out.ToUsers) == 1 && out.ToUsers[0] == "wangwu" {
			return errTransient
		}
		return nil
	}
	s := f.service()
	var got []string
	for now := at("2025-09-23 16:00"); now.Before(at("2025-09-23 17:00")); now = now.Add(5 * time.Minute) {
		got = append(got, f.sweep(s, now.Format("2006-01-02 15:04"))...)
	}
	// Tries at 16:00, 16:05, 16:15 and 16:35 (the fourth, max_attempts),
	// then the report at the next sweep, once.
	want := []string{"lisi day_before", "chat:zhuanban 出庭提醒发送失败", "staff1 出庭提醒发送失败"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want,+got):\n%s", diff)
	}
}

func TestNotDeliveredIsReportedAtOnce(t *testing.T) {
	f := newFixture(t)
	f.put(sampleCase(106, "2025-09-24 09:30"))
	s := f.service()
	s.sender = invalidSender{f.sender, "wangwu"}
	got := f.sweep(s, "2025-09-23 16:00")
	got = append(got, f.sweep(s, "2025-09-23 16:05")...)
	want := []string{"lisi day_before", "wangwu day_before", "chat:zhuanban 出庭提醒发送失败", "staff1 出庭提醒发送失败"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want,+got):\n%s", diff)
	}
}

// invalidSender answers like WeCom for a userid that left: accepted, but
// listed as invalid.
type invalidSender struct {
	*fakeSender
	invalid string
}

func (s invalidSender) Send(ctx context.Context, out bot.Outbound) (bot.Receipt, error) {
	r, err := s.fakeSender.Send(ctx, out)
	if len(out.ToUsers) == 1 && out.ToUsers[0] == s.invalid {
		r.Invalid = []string{s.invalid}
	}
	return r, err
}

func TestMissingRecipientsReported(t *testing.T) {
	f := newFixture(t)
	c := sampleCase(107, "2025-09-24 09:30")
	c.Hearings[0].Head = "钱局长"                   // not in the directory
	c.Defendants = append(c.Defendants, "某县无人局") // nobody registered
	c.Hearings[0].Head, c.Handler = "钱局长", "周八"  // neither is anyone
	f.put(c)
	s := f.service()
	got := f.sweep(s, "2025-09-23 16:00")
	want := []string{"chat:zhuanban 出庭提醒对象缺失", "lisi day_before", "staff1 出庭提醒对象缺失", "wangwu day_before", "zhaoliu day_before"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want,+got):\n%s", diff)
	}
	items, _ := s.Due(context.Background(), at("2025-09-23 16:00"))
	if len(items) != 0 {
		t.Errorf("still due after the sweep: %v", items)
	}
}

func TestMissingReportText(t *testing.T) {
	f := newFixture(t)
	c := sampleCase(108, "2025-09-24 09:30")
	c.Hearings[0].Head = "钱局长"
	c.Defendants = append(c.Defendants, "某县无人局")
	f.put(c)
	s := f.service()
	if _, err := s.Sweep(context.Background(), at("2025-09-23 16:00")); err != nil {
		t.Fatal(err)
	}
	var report string
	for _, o := range f.sender.take() {
		if o.ToChat == chatID {
			report = o.Text
		}
	}
	for _, want := range []string{c.Number, "出庭负责人“钱局长”不在被告单位的通讯录中", "某县无人局 在通讯录中没有负责人", "某县无人局 在通讯录中没有承办人"} {
		if !strings.Contains(report, want) {
			t.Errorf("report lacks %q:\n%s", want, report)
		}
	}
}

func move(t *testing.T, f *fixture, number string, to string) {
	t.Helper()
	_, err := f.st.Update(context.Background(), number, func(c *cases.Case) error {
		c.MoveHearing(1, at(to), at("2025-09-23 19:00"), "chat:lisi")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func cancel(t *testing.T, f *fixture, number string) {
	t.Helper()
	_, err := f.st.Update(context.Background(), number, func(c *cases.Case) error {
		c.Hearings[0].Cancelled = true
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestRescheduleNotice(t *testing.T) {
	f := newFixture(t)
	c := sampleCase(109, "2025-09-24 09:30")
	f.put(c)
	s := f.service()
	f.sweep(s, "2025-09-23 16:00")
	f.sweep(s, "2025-09-23 18:00")
	move(t, f, c.Number, "2025-09-26 10:00")
	steps := []struct {
		now  string
		want []string
	}{
		{"2025-09-23 19:05", []string{"chat:zhuanban 开庭改期", "lisi 开庭改期", "staff1 开庭改期", "wangwu 开庭改期"}},
		{"2025-09-23 19:10", nil},
		{"2025-09-24 08:00", nil}, // the old morning reminder is gone
		{"2025-09-25 16:00", []string{"lisi day_before", "wangwu day_before"}},
	}
	for _, st := range steps {
		if diff := cmp.Diff(st.want, f.sweep(f.service(), st.now)); diff != "" {
			t.Errorf("sweep at %s (-want,+got):\n%s", st.now, diff)
		}
	}
}

func TestRescheduleNoticeText(t *testing.T) {
	f := newFixture(t)
	c := sampleCase(110, "2025-09-24 09:30")
	f.put(c)
	s := f.service()
	f.sweep(s, "2025-09-23 16:00")
	move(t, f, c.Number, "2025-09-26 10:00")
	if _, err := s.Sweep(context.Background(), at("2025-09-23 19:05")); err != nil {
		t.Fatal(err)
	}
	outs := f.sender.take()
	if len(outs) != 2 {
		t.Fatalf("sent %d, want 2", len(outs))
	}
	want := "【开庭改期】" + c.Number + "（行政处罚） 原定9月24日（周三）09:30的开庭已改至9月26日（周五）10:00，地点：某县人民法院 第三法庭。此前的出庭提醒以本通知为准，系统将按新时间再次提醒。"
	if diff := cmp.Diff(want, outs[0].Text); diff != "" {
		t.Errorf("notice (-want,+got):\n%s", diff)
	}
}

func TestCancelNotice(t *testing.T) {
	f := newFixture(t)
	c := sampleCase(111, "2025-09-24 09:30")
	f.put(c)
	f.sweep(f.service(), "2025-09-23 16:00")
	cancel(t, f, c.Number)
	steps := []struct {
		now  string
		want []string
	}{
		{"2025-09-23 16:05", []string{"lisi 开庭取消", "wangwu 开庭取消"}},
		{"2025-09-23 18:00", nil}, // no escalation
		{"2025-09-24 08:00", nil},
		{"2025-09-24 11:30", nil}, // no attendance question
	}
	for _, st := range steps {
		if diff := cmp.Diff(st.want, f.sweep(f.service(), st.now)); diff != "" {
			t.Errorf("sweep at %s (-want,+got):\n%s", st.now, diff)
		}
	}
}

func TestMovedBackIsRemindedAgain(t *testing.T) {
	f := newFixture(t)
	c := sampleCase(112, "2025-09-24 09:30")
	f.put(c)
	s := f.service()
	f.sweep(s, "2025-09-23 16:00")
	move(t, f, c.Number, "2025-09-26 10:00")
	f.sweep(s, "2025-09-23 16:05") // 改期 notices
	move(t, f, c.Number, "2025-09-24 09:30")
	// Told it moved away, they must hear it is back: the catch-up
	// reminder for the old time goes out again.
	if diff := cmp.Diff([]string{"lisi day_before", "wangwu day_before"}, f.sweep(s, "2025-09-23 16:10")); diff != "" {
		t.Errorf("(-want,+got):\n%s", diff)
	}
}

func TestMovedBackBeforeAnyoneWasToldIsQuiet(t *testing.T) {
	f := newFixture(t)
	c := sampleCase(113, "2025-09-24 09:30")
	f.put(c)
	s := f.service()
	f.sweep(s, "2025-09-23 16:00")
	move(t, f, c.Number, "2025-09-26 10:00")
	move(t, f, c.Number, "2025-09-24 09:30")
	if got := f.sweep(s, "2025-09-23 16:05"); len(got) != 0 {
		t.Errorf("a round trip nobody saw sent %v", got)
	}
}

func TestDeleteAndReimportRemindsAgain(t *testing.T) {
	f := newFixture(t)
	c := sampleCase(114, "2025-09-24 09:30")
	f.put(c)
	s := f.service()
	f.sweep(s, "2025-09-23 16:00")
	if err := f.st.Delete(context.Background(), c.Number); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"lisi 开庭取消", "wangwu 开庭取消"}, f.sweep(s, "2025-09-23 16:05")); diff != "" {
		t.Errorf("(-want,+got):\n%s", diff)
	}
	f.put(sampleCase(114, "2025-09-24 09:30")) // the same ref and time again
	if diff := cmp.Diff([]string{"lisi day_before", "wangwu day_before"}, f.sweep(s, "2025-09-23 16:10")); diff != "" {
		t.Errorf("(-want,+got):\n%s", diff)
	}
}

func TestConfirmedIsNotEscalated(t *testing.T) {
	f := newFixture(t)
	a, b := sampleCase(115, "2025-09-24 09:30"), sampleCase(116, "2025-09-24 14:30")
	f.put(a, b)
	s := f.service()
	f.sweep(s, "2025-09-23 16:00")
	ctx := context.Background()
	items, err := s.Due(ctx, at("2025-09-23 18:00"))
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 4 {
		t.Fatalf("due = %v, want 2 hearings × 2 destinations", items)
	}
	// Confirm hearing a through its card.
	var task *Task
	for _, id := range f.taskIDs(a.Number) {
		if tk, _ := s.Task(ctx, id); tk.Recipient == "wangwu" {
			task = tk
		}
	}
	if _, err := s.Click(ctx, task, "wangwu", ActionConfirm, at("2025-09-23 17:00")); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Sweep(ctx, at("2025-09-23 18:00")); err != nil {
		t.Fatal(err)
	}
	for _, o := range f.sender.take() {
		if strings.Contains(o.Text, a.Number) || !strings.Contains(o.Text, b.Number) {
			t.Errorf("escalation should list %s only:\n%s", b.Number, o.Text)
		}
	}
}

// taskIDs returns the task ids of the cards sent so far about a case.
func (f *fixture) taskIDs(number string) []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var ids []string
	for _, d := range f.delivered {
		for _, it := range d.Items {
			if it.Case == number && d.Out.Card != nil {
				ids = append(ids, d.Out.Card.TaskID)
			}
		}
	}
	return ids
}
