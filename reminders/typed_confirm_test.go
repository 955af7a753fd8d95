package reminders

import (
	"context"
	"strings"
	"testing"

	"casebot/bot/cases"
)

// TestTypedConfirmIsTheButtons: a head's typed 确认出庭 (去 → 确认 in chat)
// records the same answer as the card's button, before any card was sent:
// HearingTold reads it, and the escalation of unconfirmed hearings leaves
// that hearing out.
func TestTypedConfirmIsTheButtons(t *testing.T) {
	f := newFixture(t)
	a, b := sampleCase(117, "2025-09-24 09:30"), sampleCase(118, "2025-09-24 14:30")
	f.put(a, b)
	s := f.service()
	ctx := context.Background()
	ref := cases.Ref(a.Number, a.Hearings[0].ID)
	if err := s.ConfirmTyped(ctx, ref, a.Hearings[0].At, "wangwu", "好 到时候我去", at("2025-09-23 10:00")); err != nil {
		t.Fatal(err)
	}
	told, err := s.HearingTold(ctx, ref, a.Hearings[0].At)
	if err != nil {
		t.Fatal(err)
	}
	if told.Ack.Status != AckConfirmed || told.Ack.By != "wangwu" {
		t.Fatalf("ack = %+v, want confirmed by wangwu", told.Ack)
	}
	f.sweep(s, "2025-09-23 16:00")
	f.sender.take()
	if _, err := s.Sweep(ctx, at("2025-09-23 18:00")); err != nil {
		t.Fatal(err)
	}
	outs := f.sender.take()
	if len(outs) == 0 {
		t.Fatal("no escalation of the unconfirmed hearing")
	}
	for _, o := range outs {
		if strings.Contains(o.Text, a.Number) || !strings.Contains(o.Text, b.Number) {
			t.Errorf("escalation should list %s only:\n%s", b.Number, o.Text)
		}
	}
}
