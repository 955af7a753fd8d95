package config

import (
	"strings"
	"testing"
)

func TestDeadlinePeriods(t *testing.T) {
	t.Setenv("CASEBOT_RECTIFY_DUE_DAYS", "45")
	cfg, err := Load(writeFile(t, "deadlines:\n  judicial_suggestion_days: 60\n"))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Deadlines.JudicialSuggestionDays != 60 || cfg.Rectify.DueDays != 45 {
		t.Errorf("deadlines %+v, rectify %+v", cfg.Deadlines, cfg.Rectify)
	}
	if err := cfg.Validate(ModeDemo); err != nil {
		t.Errorf("valid periods: %v", err)
	}
	t.Setenv("CASEBOT_RECTIFY_DUE_DAYS", "")
	for _, tt := range []struct{ body, key string }{
		{"deadlines:\n  judicial_suggestion_days: 0\n", "deadlines.judicial_suggestion_days"},
		{"rectify:\n  due_days: 400\n", "rectify.due_days"},
	} {
		cfg, err := Load(writeFile(t, tt.body))
		if err != nil {
			t.Fatal(err)
		}
		if err := cfg.Validate(ModeDemo); err == nil || !strings.Contains(err.Error(), tt.key) {
			t.Errorf("%q: %v, want an error naming %s", tt.body, err, tt.key)
		}
	}
}

func TestDeadlineReminderKeys(t *testing.T) {
	cfg := MustDefault()
	if got := cfg.Deadlines.RemindWorkdays; len(got) != 2 || got[0] != 3 || got[1] != 0 {
		t.Errorf("default remind_workdays %v, want [3 0]", got)
	}
	t.Setenv("CASEBOT_DEADLINES_REMIND_WORKDAYS", "5,1,0")
	cfg, err := Load(writeFile(t, "deadlines:\n  remind_at: \"08:30\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := cfg.Deadlines.RemindWorkdays; len(got) != 3 || got[0] != 5 || got[2] != 0 || cfg.Deadlines.RemindAt != "08:30" {
		t.Errorf("from env and file: %+v", cfg.Deadlines)
	}
	if err := cfg.Validate(ModeDemo); err != nil {
		t.Errorf("valid: %v", err)
	}
	t.Setenv("CASEBOT_DEADLINES_REMIND_WORKDAYS", "")
	for _, tt := range []struct{ body, key string }{
		{"deadlines:\n  remind_workdays: [3, 3]\n", "deadlines.remind_workdays"},
		{"deadlines:\n  remind_workdays: [30]\n", "deadlines.remind_workdays"},
		{"deadlines:\n  remind_at: \"9点\"\n", "deadlines.remind_at"},
		{"deadlines:\n  escalate_at: \"25:00\"\n", "deadlines.escalate_at"},
		{"rectify:\n  repeat_within_days: 0\n", "rectify.repeat_within_days"},
	} {
		cfg, err := Load(writeFile(t, tt.body))
		if err != nil {
			t.Fatal(err)
		}
		if err := cfg.Validate(ModeDemo); err == nil || !strings.Contains(err.Error(), tt.key) {
			t.Errorf("%q: %v, want an error naming %s", tt.body, err, tt.key)
		}
	}
}
