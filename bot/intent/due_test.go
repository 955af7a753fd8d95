package intent

import (
	"slices"
	"testing"
)

// TestDueVocabulary pins the one reading of deadline words that the
// understanding step, the deadlines route and the 整改 follow-up share.
func TestDueVocabulary(t *testing.T) {
	for msg, want := range map[string][]string{
		"下周到期的答辩期限":  {"answer"},
		"举证材料交了没":    {"answer"},
		"复议答复什么时候到":  {"reply"},
		"哪些案子快过上诉期":  {"appeal"},
		"复41决定期限":    {"decision"},
		"司法建议回复期限":   {"judicial_suggestion"},
		"检察建议什么时候回复": {"procuratorial_suggestion"},
		"建议的回复期限":    {"judicial_suggestion", "procuratorial_suggestion"},
		"本周到期":       nil,
		"司法建议答复了没":   {"judicial_suggestion"},
	} {
		if got := DueKinds(msg); !slices.Equal(got, want) {
			t.Errorf("DueKinds(%q) = %v, want %v", msg, got, want)
		}
	}
	// The 整改 when-due follow-up: 交/报送/最迟/截止, and no other period.
	for msg, want := range map[string]bool{
		"61那个最迟哪天交":   true,
		"什么时候报送":      true,
		"截止哪天":        true,
		"复41决定期限截止哪天": false,
		"答辩状交了没":      false,
		"下周开庭前交":      false,
		"判了以后多久交":     false,
		"司法建议回复最迟哪天":  false,
		"公安局那件呢":      false,
	} {
		if got := RectifyDueAsked(msg); got != want {
			t.Errorf("RectifyDueAsked(%q) = %v, want %v", msg, got, want)
		}
	}
	// Understand reads the same kinds from the same table.
	u, _ := Understand("行初139答辩期限是哪天", Options{})
	if !slices.Equal(u.DeadlineKinds, []string{"answer"}) {
		t.Errorf("Understand kinds %v", u.DeadlineKinds)
	}
}
