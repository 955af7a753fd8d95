package reminders

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"casebot/bot"
)

// A personal reminder goes out once, at its time, by the sweep: not
// before, not again after a restart (a new Service over the same Redis),
// and a later sweep clears it from the schedule.
func TestPersonalNoteOnceAcrossRestart(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	s := f.service()
	n, err := s.AddNote(ctx, Note{UserID: "staff1", What: "找人社局补通讯录", At: at("2026-12-07 09:00")}, at("2026-12-04 15:40"))
	if err != nil {
		t.Fatal(err)
	}
	if got := f.sweep(s, "2026-12-07 08:55"); len(got) != 0 {
		t.Fatalf("sent before its time: %v", got)
	}
	due, err := s.Due(ctx, at("2026-12-07 09:00"))
	if err != nil {
		t.Fatal(err)
	}
	if len(due) != 1 || due[0].Kind != PersonalNote || due[0].Recipient != "staff1" {
		t.Fatalf("dry run at its time: %+v", due)
	}
	rep, err := s.Sweep(ctx, at("2026-12-07 09:00"))
	if err != nil || rep.Sent != 1 {
		t.Fatalf("sweep at its time: %+v, %v", rep, err)
	}
	sent := f.sender.take()
	if len(sent) != 1 || sent[0].ToUsers[0] != "staff1" || !strings.Contains(sent[0].Text, "找人社局补通讯录") || !strings.Contains(sent[0].Text, "12月7日周一 09:00") {
		t.Fatalf("sent %+v", sent)
	}
	// A restart: a new instance over the same Redis sends nothing more.
	for _, now := range []string{"2026-12-07 09:05", "2026-12-07 09:10"} {
		if got := f.sweep(f.service(), now); len(got) != 0 {
			t.Fatalf("sent again at %s after a restart: %v", now, got)
		}
	}
	if left, err := f.st.Client().ZCard(ctx, f.st.Keys().RemindNotes()).Result(); err != nil || left != 0 {
		t.Fatalf("still scheduled: %d, %v", left, err)
	}
	if ok, err := s.CancelNote(ctx, "staff1", n.ID); err != nil || ok {
		t.Fatalf("cancelled a reminder already sent: %v %v", ok, err)
	}
}

// A sweep that dies after WeCom accepted the push but before anything
// else: the send log has it, so the next process does not send it again;
// a push that failed is tried again at the next sweep, once.
func TestPersonalNoteRetriedOnce(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	fails := 1
	f.sender.fail = func(out bot.Outbound) error {
		if fails > 0 {
			fails--
			return errTransient
		}
		return nil
	}
	s := f.service()
	if _, err := s.AddNote(ctx, Note{UserID: "lisi", What: "给法院打电话", At: at("2026-12-07 15:00")}, at("2026-12-07 10:00")); err != nil {
		t.Fatal(err)
	}
	var got []string
	for now := at("2026-12-07 15:00"); now.Before(at("2026-12-07 15:30")); now = now.Add(5 * time.Minute) {
		got = append(got, f.sweep(f.service(), now.Format("2006-01-02 15:04"))...)
	}
	if diff := cmp.Diff([]string{"lisi 提醒"}, got); diff != "" {
		t.Errorf("(-want,+got):\n%s", diff)
	}
}

func TestPersonalNoteCancelAndPast(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	s := f.service()
	if _, err := s.AddNote(ctx, Note{UserID: "lisi", What: "x", At: at("2026-12-07 09:00")}, at("2026-12-07 09:00")); !errors.Is(err, ErrNotePast) {
		t.Fatalf("a time gone: %v", err)
	}
	n, err := s.AddNote(ctx, Note{UserID: "lisi", What: "报材料", At: at("2026-12-08 09:00")}, at("2026-12-07 09:00"))
	if err != nil {
		t.Fatal(err)
	}
	if ns, err := s.NotesOf(ctx, "lisi"); err != nil || len(ns) != 1 {
		t.Fatalf("notes of lisi: %v %v", ns, err)
	}
	if ok, err := s.CancelNote(ctx, "wangwu", n.ID); err != nil || ok {
		t.Fatalf("someone else cancelled it: %v %v", ok, err)
	}
	if ok, err := s.CancelNote(ctx, "lisi", n.ID); err != nil || !ok {
		t.Fatalf("cancel: %v %v", ok, err)
	}
	if got := f.sweep(s, "2026-12-08 09:00"); len(got) != 0 {
		t.Fatalf("a cancelled reminder was sent: %v", got)
	}
}
