package reminders

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/cases"
	"casebot/bot/deadline"
	"casebot/bot/people"
)

// answerCase is a first-instance suit against the market regulator whose
// 起诉状副本 was received on received (a "2006-01-02 15:04" instant), with
// no hearing yet.
func answerCase(seq int, received string) *cases.Case {
	n := cases.Number{Form: cases.CourtNumber, Court: "黔0115", Type: "行初", Year: 2025, Seq: seq}
	return &cases.Case{
		Number: n.String(), Kind: n.Kind(), Stage: n.Stage(),
		Plaintiffs: []cases.Party{cases.NewParty("张三")},
		Defendants: []string{agency}, Cause: "行政处罚", Court: "某县人民法院",
		FiledOn: at("2025-09-15 00:00"), Handler: "李四", CopyReceivedOn: at(received),
	}
}

// cardOf returns the card sent to user, or fails.
func cardOf(t *testing.T, outs []bot.Outbound, user string) *bot.TemplateCard {
	t.Helper()
	for _, o := range outs {
		if o.Card != nil && len(o.ToUsers) == 1 && o.ToUsers[0] == user {
			return o.Card
		}
	}
	t.Fatalf("no card to %s among %d pushes", user, len(outs))
	return nil
}

// A copy received on Monday 09-22 before 国庆: 15 days end on 10-07, in
// the holiday (10-01…10-08), so the last day is Thursday 10-09. Three
// working days before it is the 调休 Sunday 09-28 (10-08, 10-01…07 off;
// 09-30, 09-29, 09-28 working). Reminders go out then and on 10-09 at
// 09:00, with the escalation on 10-09; nothing on the holiday.
func TestDeadlineRemindersAcrossNationalDay(t *testing.T) {
	f := newFixture(t)
	f.put(answerCase(201, "2025-09-22 00:00"))
	steps := []struct {
		now  string
		want []string
	}{
		{"2025-09-26 09:00", nil},
		{"2025-09-27 09:00", nil}, // Saturday
		{"2025-09-28 08:55", nil},
		{"2025-09-28 09:00", []string{"lisi deadline", "wangwu deadline", "zhaoliu deadline"}},
		{"2025-09-28 09:05", nil},
		{"2025-09-30 09:00", nil},
		{"2025-10-07 09:00", nil}, // the nominal last day, in the holiday
		{"2025-10-09 08:55", nil},
		{"2025-10-09 09:00", []string{"chat:zhuanban 法定期限预警", "lisi deadline", "staff1 法定期限预警", "wangwu deadline", "zhaoliu deadline"}},
		{"2025-10-09 09:05", nil},
		{"2025-10-10 09:00", nil},
	}
	for _, st := range steps {
		if diff := cmp.Diff(st.want, f.sweep(f.service(), st.now)); diff != "" {
			t.Errorf("sweep at %s (-want,+got):\n%s", st.now, diff)
		}
	}
}

// An outage over the 3-days-ahead reminder: the sweep after it sends that
// one late; over both, only the last-day one (never a stale "还剩3天").
func TestDeadlineCatchUpSendsTheLatestOnly(t *testing.T) {
	f := newFixture(t)
	f.put(answerCase(202, "2025-09-22 00:00"))
	if diff := cmp.Diff([]string{"lisi deadline", "wangwu deadline", "zhaoliu deadline"},
		f.sweep(f.service(), "2025-09-29 10:00")); diff != "" {
		t.Errorf("late 3-day reminder (-want,+got):\n%s", diff)
	}
	g := newFixture(t)
	g.put(answerCase(203, "2025-09-22 00:00"))
	s := g.service()
	if _, err := s.Sweep(context.Background(), at("2025-10-09 11:00")); err != nil {
		t.Fatal(err)
	}
	outs := g.sender.take()
	if got := summary(t, s, outs); len(got) != 5 {
		t.Fatalf("after the outage: %v", got)
	}
	card := cardOf(t, outs, "wangwu")
	if !strings.Contains(card.MainTitle.Title, "今天到期") {
		t.Errorf("title %q, want 今天到期", card.MainTitle.Title)
	}
}

func TestDeadlineCardAndDoneButton(t *testing.T) {
	f := newFixture(t)
	c := answerCase(204, "2025-09-22 00:00")
	f.put(c)
	s := f.service()
	ctx := context.Background()
	if _, err := s.Sweep(ctx, at("2025-09-28 09:00")); err != nil {
		t.Fatal(err)
	}
	outs := f.sender.take()
	card := cardOf(t, outs, "wangwu")
	if !taskIDPattern.MatchString(card.TaskID) {
		t.Errorf("task_id %q breaks WeCom's rule", card.TaskID)
	}
	fields := map[string]string{}
	for _, fl := range card.HorizontalContentList {
		fields[fl.KeyName] = fl.Value
	}
	want := map[string]string{"案号": c.Number, "案由": "行政处罚", "原告": "张某", "承办人": "李四（法规科科长）", "起算": "9月22日收到起诉状（上诉状）副本"}
	for k, v := range want {
		if fields[k] != v {
			t.Errorf("card %s = %q, want %q", k, fields[k], v)
		}
	}
	if len(card.HorizontalContentList) > 6 {
		t.Errorf("%d lines, WeCom allows 6", len(card.HorizontalContentList))
	}
	if card.MainTitle.Title != "答辩举证期限还剩11天" || !strings.Contains(card.MainTitle.Desc, "2025年10月9日（周四）") {
		t.Errorf("title %+v", card.MainTitle)
	}
	for _, w := range []string{"15日", "第六十七条", "顺延至10月9日"} {
		if !strings.Contains(card.QuoteArea.QuoteText, w) {
			t.Errorf("quote lacks %q: %s", w, card.QuoteArea.QuoteText)
		}
	}
	if len(card.ButtonList) != 1 || card.ButtonList[0].Text != "已提交" {
		t.Fatalf("buttons %+v", card.ButtonList)
	}

	task, err := s.Task(ctx, card.TaskID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Click(ctx, task, "lisi", ActionDone, at("2025-09-29 10:00")); err == nil {
		t.Error("someone else's card was clicked")
	}
	out, err := s.Click(ctx, task, "wangwu", ActionDone, at("2025-09-29 10:00"))
	if err != nil {
		t.Fatal(err)
	}
	if out.Card == nil || !strings.Contains(out.Card.ReplaceText, "已提交") || !strings.Contains(out.Card.ReplaceText, "王五") {
		t.Errorf("settled card %+v", out.Card)
	}
	got, _ := f.st.Get(ctx, c.Number)
	if !got.AnsweredOn.Equal(at("2025-09-29 00:00")) {
		t.Errorf("answered on %v, want 09-29", got.AnsweredOn)
	}
	entries, err := audit.New(f.st.Client(), f.st.Keys(), 1000).List(ctx, audit.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || entries[0].User != "wangwu" || entries[0].Kind != "deadline_done" || entries[0].Cases[0] != c.Number {
		t.Errorf("audit %+v", entries)
	}
	// Clicked again (another card of the same deadline): stale, nothing written twice.
	again, err := s.Click(ctx, task, "wangwu", ActionDone, at("2025-09-29 10:05"))
	if err != nil || again.Card == nil || !strings.Contains(again.Card.ReplaceText, "已登记完成") {
		t.Errorf("second click: %+v, %v", again, err)
	}
	// The tap registered nothing, and its reply says so and what the
	// ledger holds (done, on the day), never that it was done now.
	if !strings.Contains(again.Reply, "这次点击未作登记") || !strings.Contains(again.Reply, "2025-09-29") {
		t.Errorf("second click reply: %q", again.Reply)
	}
	// Done: no last-day reminder, no escalation.
	if got := f.sweep(s, "2025-10-09 09:00"); got != nil {
		t.Errorf("after done: %v", got)
	}
}

func TestAppealButtons(t *testing.T) {
	f := newFixture(t)
	c := answerCase(205, "2025-08-01 00:00")
	c.AnsweredOn = at("2025-08-10 00:00")
	c.Closure = &cases.Closure{On: at("2025-09-25 00:00"), Method: cases.JudgmentDismissClaims}
	c.ServedOn = at("2025-09-26 00:00") // 15 days: 10-11, the 调休 Saturday, a working day
	f.put(c)
	s := f.service()
	ctx := context.Background()
	if got := f.sweep(s, "2025-10-11 09:00"); len(got) != 5 {
		t.Fatalf("last day of the appeal: %v", got)
	}
	if _, err := s.Sweep(ctx, at("2025-10-11 09:00")); err != nil {
		t.Fatal(err)
	}
	// Reread the card from a fresh sweep at the 3-days-ahead time on
	// another fixture would be the same: check the buttons here.
	g := newFixture(t)
	g.put(c)
	gs := g.service()
	if _, err := gs.Sweep(ctx, at("2025-10-11 09:00")); err != nil {
		t.Fatal(err)
	}
	card := cardOf(t, g.sender.take(), "lisi")
	if len(card.ButtonList) != 2 || card.ButtonList[0].Text != "已上诉" || card.ButtonList[1].Text != "不上诉" {
		t.Fatalf("buttons %+v", card.ButtonList)
	}
	task, _ := gs.Task(ctx, card.TaskID)
	if _, err := gs.Click(ctx, task, "lisi", ActionNoAppeal, at("2025-10-11 10:00")); err != nil {
		t.Fatal(err)
	}
	got, _ := g.st.Get(ctx, c.Number)
	if got.Appealed == nil || *got.Appealed {
		t.Errorf("appealed %v, want false", got.Appealed)
	}
	if d, _ := g.st.Deadlines.Find(got, deadline.Appeal); !d.Done || d.Result != "未上诉" {
		t.Errorf("appeal deadline %+v", d)
	}
}

// inWindow reports whether the sweep's deadline window at now decodes the
// case numbered number.
func inWindow(t *testing.T, s *Service, now string, number string) bool {
	t.Helper()
	dir := mustDirectory(t, s)
	dds, err := s.deadlineWindow(context.Background(), at(now), s.settledSetOf(dir, s.staffDests(dir)))
	if err != nil {
		t.Fatal(err)
	}
	for _, dd := range dds {
		if dd.Case.Number == number {
			return true
		}
	}
	return false
}

func mustDirectory(t *testing.T, s *Service) *Directory {
	t.Helper()
	dir, _, err := s.directory(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// A lapsed deadline is decoded by the sweeps of its catch-up week only
// until its escalation is done: one failing (WeCom down for the 专班 chat) keeps
// it read and retried, after a restart too; once every escalation is in the
// send log it is settled and no longer read; a new staff person is
// escalated to as before.
func TestLapsedDeadlineIsSettledOnceEscalated(t *testing.T) {
	f := newFixture(t)
	c := answerCase(206, "2025-09-22 00:00") // last day 10-09
	f.put(c)
	down := true
	f.sender.fail = func(out bot.Outbound) error {
		if down && out.ToChat != "" {
			return errTransient
		}
		return nil
	}
	s := f.service()
	if diff := cmp.Diff([]string{"lisi deadline", "staff1 法定期限预警", "wangwu deadline", "zhaoliu deadline"},
		f.sweep(s, "2025-10-09 09:00")); diff != "" {
		t.Errorf("last day, the chat down (-want,+got):\n%s", diff)
	}
	if got := f.sweep(s, "2025-10-10 09:00"); got != nil {
		t.Errorf("the day after, the chat still down: %v", got)
	}
	if !inWindow(t, s, "2025-10-10 12:00", c.Number) {
		t.Fatal("a lapsed deadline with its escalation still failing left the window")
	}
	down = false
	s = f.service() // a restart
	if diff := cmp.Diff([]string{"chat:zhuanban 法定期限预警"}, f.sweep(s, "2025-10-10 11:00")); diff != "" {
		t.Errorf("caught up after the outage (-want,+got):\n%s", diff)
	}
	if got := f.sweep(s, "2025-10-10 11:05"); got != nil { // this sweep finds it settled
		t.Errorf("after the catch-up: %v", got)
	}
	if inWindow(t, f.service(), "2025-10-10 12:00", c.Number) || inWindow(t, s, "2025-10-13 12:00", c.Number) {
		t.Error("a settled deadline is still read")
	}
	if got := f.sweep(f.service(), "2025-10-13 09:00"); got != nil {
		t.Errorf("a later sweep: %v", got)
	}
	ps, err := f.st.People(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	ps = append(ps, &people.Person{UserID: "staff2", Name: "周专班", Role: people.Staff})
	if err := f.st.PutPeople(context.Background(), ps); err != nil {
		t.Fatal(err)
	}
	if !inWindow(t, s, "2025-10-13 12:00", c.Number) {
		t.Error("a new staff destination does not read the deadline again")
	}
	if diff := cmp.Diff([]string{"staff2 法定期限预警"}, f.sweep(s, "2025-10-13 09:05")); diff != "" {
		t.Errorf("a new staff person (-want,+got):\n%s", diff)
	}
	if got := f.sweep(s, "2025-10-16 09:00"); got != nil {
		t.Errorf("the last day of the catch-up: %v", got)
	}
	if inWindow(t, s, "2025-10-16 12:00", c.Number) {
		t.Error("settled again, the deadline is still read")
	}
}

// An open deadline whose pushes so far are sent is not decoded again until
// its next lead time, or until its case changes: a second defendant
// agency added after the 3-days-ahead reminder gets its head reminded at
// the next sweep, and the last-day reminder still goes out.
func TestSettledDeadlineIsReadAgainWhenItsCaseChanges(t *testing.T) {
	f := newFixture(t)
	c := answerCase(207, "2025-09-22 00:00") // last day 10-09, reminded 09-28 and 10-09
	f.put(c)
	s := f.service()
	if got := f.sweep(s, "2025-09-28 09:00"); len(got) != 3 {
		t.Fatalf("3 days ahead: %v", got)
	}
	if got := f.sweep(s, "2025-09-28 09:05"); got != nil { // finds it settled
		t.Fatalf("after the reminder: %v", got)
	}
	if inWindow(t, s, "2025-09-30 09:00", c.Number) {
		t.Error("a deadline with nothing due before 10-09 is decoded")
	}
	if !inWindow(t, s, "2025-10-09 09:00", c.Number) {
		t.Error("not read at its last day's reminder")
	}
	if _, err := f.st.Update(context.Background(), c.Number, func(c *cases.Case) error {
		c.Defendants = append(c.Defendants, agency2)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if !inWindow(t, s, "2025-09-30 09:00", c.Number) {
		t.Error("a changed case is not read again")
	}
	// 自然资源局 has a head and no 承办人: staff hear of that too.
	if diff := cmp.Diff([]string{"chat:zhuanban 期限提醒对象缺失", "staff1 期限提醒对象缺失", "sunqi deadline"},
		f.sweep(s, "2025-09-30 09:00")); diff != "" {
		t.Errorf("the new agency's head (-want,+got):\n%s", diff)
	}
	if got := f.sweep(s, "2025-10-09 09:00"); len(got) != 6 {
		t.Errorf("last day: %v", got)
	}
}
