package handlers

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/redis/go-redis/v9"

	"casebot/bot"
	"casebot/bot/cases"
	"casebot/bot/keys"
	"casebot/bot/wecom"
	"casebot/bot/wecomtest"
	"casebot/config"
)

// TestHearingInHeadsCalendar: with reminders.calendar_events, the sweep
// puts the hearing in the head's WeCom calendar through the real sender
// and the fake WeCom's oa/schedule API — once, the 承办人 attending, the
// courtroom as location, WeCom's reminder a day before — moves it when
// the hearing is rescheduled and removes it when it is cancelled.
func TestHearingInHeadsCalendar(t *testing.T) {
	fake := wecomtest.New("wwcasebot", "secret", 1000002)
	api := httptest.NewServer(fake)
	t.Cleanup(api.Close)
	e := configuredRemindEnv(t, func(cfg *config.Config) { cfg.Reminder.CalendarEvents = true },
		func(rdb redis.UniversalClient, k keys.Keys) bot.Sender {
			wc := config.WeCom{CorpID: "wwcasebot", AgentID: 1000002, Secret: "secret", APIBase: api.URL}
			return wecom.NewSender(wc, config.MustDefault().Sender, rdb, k,
				wecom.Options{Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
		})
	ctx := context.Background()
	n := cases.MustParseNumber("(2025)黔0115行初501号")
	c := &cases.Case{Number: n.String(), Kind: n.Kind(), Stage: n.Stage(), Plaintiffs: []cases.Party{cases.NewParty("张三")},
		Defendants: []string{agency}, Cause: "行政处罚", Court: "某县人民法院", Handler: "李四"}
	id := c.AddHearing(cases.Hearing{At: at("2025-09-24 09:30"), Place: "第三法庭", Head: "王五", HeadPost: "局长"})
	if err := e.st.Put(ctx, c); err != nil {
		t.Fatal(err)
	}
	sweep := func(now string) {
		t.Helper()
		if _, err := e.svc.Sweep(ctx, at(now)); err != nil {
			t.Fatal(err)
		}
	}
	sweep("2025-09-20 10:00")
	sweep("2025-09-20 10:05") // nothing changed: nothing called
	got := fake.Schedules()
	if len(got) != 1 {
		t.Fatalf("%d events, want 1: %+v", len(got), got)
	}
	ev := got[0]
	want := wecomtest.Schedule{ID: ev.ID, Admins: []string{"wangwu"}, Attendees: []string{"wangwu", "lisi"},
		Start: at("2025-09-24 09:30").Unix(), End: at("2025-09-24 11:30").Unix(),
		Summary: "出庭应诉：行政处罚（(2025)黔0115行初501号）", Location: "某县人民法院 第三法庭", RemindBefore: 86400,
		Description: ev.Description}
	if diff := cmp.Diff(want, ev); diff != "" {
		t.Errorf("event (-want,+got):\n%s", diff)
	}
	for _, w := range []string{"原告：张某", "承办人：李四", "身份证明"} {
		if !strings.Contains(ev.Description, w) {
			t.Errorf("description lacks %q: %s", w, ev.Description)
		}
	}

	// Rescheduled: the same event moves.
	if _, err := e.st.Update(ctx, c.Number, func(c *cases.Case) error {
		c.MoveHearing(id, at("2025-09-26 14:30"), at("2025-09-21 09:00"), "chat")
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	sweep("2025-09-21 09:05")
	got = fake.Schedules()
	if len(got) != 1 || got[0].ID != ev.ID || got[0].Updates != 1 || got[0].Start != at("2025-09-26 14:30").Unix() {
		t.Fatalf("after the reschedule: %+v", got)
	}
	// Cancelled: removed.
	if _, err := e.st.Update(ctx, c.Number, func(c *cases.Case) error {
		c.Hearing(id).Cancelled = true
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	sweep("2025-09-22 09:05")
	sweep("2025-09-22 09:10")
	got = fake.Schedules()
	if len(got) != 1 || !got[0].Deleted {
		t.Fatalf("after the cancellation: %+v", got)
	}
}
