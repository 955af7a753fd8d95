package reminders

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"casebot/config"
)

func defaultSchedule(t *testing.T) Schedule {
	t.Helper()
	s, err := NewSchedule(config.Default().Reminder, BuiltinCalendar(), shanghai)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

type slotText struct{ Kind, Due string }

func slotTexts(ss []Slot) []slotText {
	var out []slotText
	for _, s := range ss {
		out = append(out, slotText{string(s.Kind), s.Due.In(shanghai).Format("2006-01-02 15:04")})
	}
	return out
}

func TestSlots(t *testing.T) {
	s := defaultSchedule(t)
	tests := []struct {
		name, hearing string
		want          []slotText
	}{
		{"a Wednesday: the day before and the morning", "2025-09-24 09:30", []slotText{
			{"day_before", "2025-09-23 16:00"}, {"day_of", "2025-09-24 08:00"}}},
		{"a Monday: also on Friday, the last working day", "2025-09-22 09:30", []slotText{
			{"workday_before", "2025-09-19 16:00"}, {"day_before", "2025-09-21 16:00"}, {"day_of", "2025-09-22 08:00"}}},
		{"a Monday after a 调休 Sunday: that Sunday is the day before and a working day", "2025-09-29 14:30", []slotText{
			{"day_before", "2025-09-28 16:00"}, {"day_of", "2025-09-29 08:00"}}},
		{"right after the 国庆 block: the last working day before it", "2025-10-09 09:00", []slotText{
			{"workday_before", "2025-09-30 16:00"}, {"day_before", "2025-10-08 16:00"}, {"day_of", "2025-10-09 08:00"}}},
		{"Monday after the 调休 Saturday: Saturday is the last working day", "2025-10-13 09:00", []slotText{
			{"workday_before", "2025-10-11 16:00"}, {"day_before", "2025-10-12 16:00"}, {"day_of", "2025-10-13 08:00"}}},
		{"after 春节 2026: back to the 调休 Saturday ten days before", "2026-02-24 09:00", []slotText{
			{"workday_before", "2026-02-14 16:00"}, {"day_before", "2026-02-23 16:00"}, {"day_of", "2026-02-24 08:00"}}},
		{"before 08:00: no morning reminder", "2025-09-24 07:30", []slotText{
			{"day_before", "2025-09-23 16:00"}}},
		{"at 08:00 exactly: no morning reminder at its start", "2025-09-24 08:00", []slotText{
			{"day_before", "2025-09-23 16:00"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, slotTexts(s.Slots(at(tt.hearing)))); diff != "" {
				t.Errorf("Slots(%s) (-want,+got):\n%s", tt.hearing, diff)
			}
		})
	}
}

func TestSlotsConfigured(t *testing.T) {
	cfg := config.Default().Reminder
	cfg.BeforeDays, cfg.BeforeAt, cfg.DayOfAt, cfg.WorkdayBefore = 2, "10:00", "", false
	s, err := NewSchedule(cfg, BuiltinCalendar(), shanghai)
	if err != nil {
		t.Fatal(err)
	}
	want := []slotText{{"day_before", "2025-10-07 10:00"}} // two days before, inside the block: no workday extra
	if diff := cmp.Diff(want, slotTexts(s.Slots(at("2025-10-09 09:00")))); diff != "" {
		t.Errorf("(-want,+got):\n%s", diff)
	}
	due, ok := s.EscalationDue(at("2025-10-09 09:00"))
	if !ok || !due.Equal(at("2025-10-07 18:00")) {
		t.Errorf("EscalationDue = %v %v, want 2025-10-07 18:00", due, ok)
	}
}

func TestNewScheduleErrors(t *testing.T) {
	tests := []struct {
		edit func(*config.Reminders)
		want string
	}{
		{func(c *config.Reminders) { c.BeforeAt = "4pm" }, "reminders.before_at"},
		{func(c *config.Reminders) { c.DayOfAt = "25:00" }, "reminders.day_of_at"},
		{func(c *config.Reminders) { c.EscalateAt = "18" }, "reminders.escalate_at"},
		{func(c *config.Reminders) { c.BeforeDays = 0 }, "reminders.before_days"},
		{func(c *config.Reminders) { c.AttendanceAfter = 100 * time.Hour }, "reminders.attendance_after"},
	}
	for _, tt := range tests {
		cfg := config.Default().Reminder
		tt.edit(&cfg)
		if _, err := NewSchedule(cfg, BuiltinCalendar(), shanghai); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("error = %v, want one naming %s", err, tt.want)
		}
	}
}

func TestEscalationAndHorizon(t *testing.T) {
	s := defaultSchedule(t)
	if due, ok := s.EscalationDue(at("2025-09-24 09:30")); !ok || !due.Equal(at("2025-09-23 18:00")) {
		t.Errorf("EscalationDue = %v %v", due, ok)
	}
	tests := []struct{ now, want string }{
		// Tuesday afternoon: Wednesday's reminders are due; Thursday's not yet.
		{"2025-09-23 16:05", "2025-09-25 00:00"},
		{"2025-09-23 15:55", "2025-09-24 00:00"},
		// Friday 16:00: Monday is reminded today (last working day), Sunday
		// hearings were reminded at the 调休 Sunday... the window reaches Tuesday.
		{"2025-09-19 16:00", "2025-09-23 00:00"},
		// 30 September, 16:00: everything up to 9 October is due.
		{"2025-09-30 16:00", "2025-10-10 00:00"},
	}
	for _, tt := range tests {
		if got := s.Horizon(at(tt.now)); !got.Equal(at(tt.want)) {
			t.Errorf("Horizon(%s) = %s, want %s", tt.now, got.Format("2006-01-02 15:04"), tt.want)
		}
	}
}
