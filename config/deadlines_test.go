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
