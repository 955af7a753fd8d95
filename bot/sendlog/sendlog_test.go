package sendlog_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"casebot/bot"
	"casebot/bot/keys"
	"casebot/bot/redistest"
	"casebot/bot/sendlog"
)

func newLog(t *testing.T, owner string, heartbeat bool) (*sendlog.Log, redis.UniversalClient, keys.Keys) {
	rdb, k := redistest.New(t)
	return sendlog.New(rdb, k, sendlog.Options{Owner: owner, Heartbeat: heartbeat, ClaimTTL: time.Minute}), rdb, k
}

func TestClaimOnce(t *testing.T) {
	ctx := context.Background()
	l, _, _ := newLog(t, "a", false)
	p := sendlog.Push{NS: "test", ID: "h1"}
	// Ten concurrent senders: exactly one gets the claim.
	var wg sync.WaitGroup
	var mu sync.Mutex
	var held []*sendlog.Claim
	for range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, r, err := l.Claim(ctx, p, 0)
			if err != nil {
				t.Error(err)
			}
			if r == sendlog.Claimed {
				mu.Lock()
				held = append(held, c)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if len(held) != 1 {
		t.Fatalf("%d senders claimed, want 1", len(held))
	}
	if err := held[0].Renew(ctx); err != nil {
		t.Errorf("renew of a held claim: %v", err)
	}
	if err := l.Done(ctx, held[0], "ok"); err != nil {
		t.Fatal(err)
	}
	if _, r, _ := l.Claim(ctx, p, 0); r != sendlog.AlreadyDone {
		t.Errorf("claim after done = %v, want AlreadyDone", r)
	}
	if err := held[0].Renew(ctx); !errors.Is(err, sendlog.ErrLost) {
		t.Errorf("renew after done = %v, want ErrLost", err)
	}
	// A released claim can be taken again at once.
	q := sendlog.Push{NS: "test", ID: "h2"}
	c, r, _ := l.Claim(ctx, q, 0)
	if r != sendlog.Claimed {
		t.Fatalf("first claim of h2 = %v", r)
	}
	if _, r, _ := l.Claim(ctx, q, 0); r != sendlog.Busy {
		t.Errorf("second claim of h2 = %v, want Busy", r)
	}
	c.Release(ctx)
	if _, r, _ := l.Claim(ctx, q, 0); r != sendlog.Claimed {
		t.Errorf("claim after release = %v, want Claimed", r)
	}
	if done, _ := l.IsDone(ctx, "test", "h2"); done {
		t.Error("h2 is not done")
	}
	if !errors.Is(sendlog.ErrBusy, bot.ErrUndelivered) {
		t.Error("ErrBusy must read as undelivered, so the caller retries")
	}
}

// TestClaimOfADeadOwner: a claim whose owner keeps a presence is taken
// over as soon as the presence is gone, not at the end of its TTL; one
// whose owner is alive is Busy; one whose owner keeps no presence is left
// to its TTL.
func TestClaimOfADeadOwner(t *testing.T) {
	ctx := context.Background()
	dead, rdb, k := newLog(t, "replica-1", true)
	live := sendlog.New(rdb, k, sendlog.Options{Owner: "replica-2", Heartbeat: true, ClaimTTL: time.Minute})
	p := sendlog.Push{NS: "test", ID: "reply:msg:1:1"}
	rdb.Set(ctx, k.Alive("replica-1"), "1", time.Minute)
	if _, r, err := dead.Claim(ctx, p, 0); r != sendlog.Claimed || err != nil {
		t.Fatalf("claim = %v, %v", r, err)
	}
	if _, r, _ := live.Claim(ctx, p, 0); r != sendlog.Busy {
		t.Fatalf("claim while the owner lives = %v, want Busy", r)
	}
	rdb.Del(ctx, k.Alive("replica-1")) // replica-1 died: its heartbeat expired
	c, r, err := live.Claim(ctx, p, 0)
	if r != sendlog.Claimed || err != nil {
		t.Fatalf("claim after the owner died = %v, %v; want Claimed at once", r, err)
	}
	c.Release(ctx)

	anon := sendlog.New(rdb, k, sendlog.Options{Owner: "cli", ClaimTTL: 200 * time.Millisecond})
	q := sendlog.Push{NS: "test", ID: "other"}
	if _, r, _ := anon.Claim(ctx, q, 0); r != sendlog.Claimed {
		t.Fatal("anon claim failed")
	}
	if _, r, _ := live.Claim(ctx, q, 0); r != sendlog.Busy {
		t.Errorf("claim of an owner without presence = %v, want Busy until its TTL", r)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		if _, r, _ := live.Claim(ctx, q, 0); r == sendlog.Claimed {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the claim never expired")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestBeginAndFingerprints: the request of a part is saved before it goes;
// the same request from a different push within the window goes without
// WeCom's duplicate check (WeCom would drop it); done forgets the attempt.
func TestBeginAndFingerprints(t *testing.T) {
	ctx := context.Background()
	l, _, _ := newLog(t, "a", false)
	on, off := []byte(`{"touser":"u1","text":"同一句话","enable_duplicate_check":1}`), []byte(`{"touser":"u1","text":"同一句话"}`)
	p1 := sendlog.Push{NS: "test", ID: "reply:1:1"}
	a, err := l.Begin(ctx, p1, 1, "message/send", on, off)
	if err != nil || !a.Check || string(a.Body) != string(on) {
		t.Fatalf("first begin = %+v, %v; want the checked request", a, err)
	}
	got, err := l.LastAttempt(ctx, p1, 1)
	if err != nil || got == nil || string(got.Body) != string(on) || !got.Resolvable(l.Now(), l.Window()) {
		t.Fatalf("saved attempt = %+v, %v", got, err)
	}
	// The same part again (a retry) keeps the check.
	if a, _ := l.Begin(ctx, p1, 1, "message/send", on, off); !a.Check {
		t.Error("a retry of the same part lost the duplicate check")
	}
	// A different push with the very same request: no check.
	p2 := sendlog.Push{NS: "test", ID: "reply:2:1"}
	if a, _ := l.Begin(ctx, p2, 1, "message/send", on, off); a.Check || string(a.Body) != string(off) {
		t.Errorf("second push's attempt = %+v; want the unchecked request", a)
	}
	if err := l.DonePart(ctx, p1, 1, "receipt"); err != nil {
		t.Fatal(err)
	}
	if got, _ := l.LastAttempt(ctx, p1, 1); got != nil {
		t.Errorf("attempt kept after the part was recorded: %+v", got)
	}
	if _, ok, _ := l.PartDone(ctx, p1, 1); !ok {
		t.Error("part not recorded")
	}
	// An API without the check (appchat) saves the plain request.
	p3 := sendlog.Push{NS: "test", ID: "chat:1"}
	if a, _ := l.Begin(ctx, p3, 1, "appchat/send", nil, off); a.Check {
		t.Error("a request without the check was marked checked")
	}
}

// TestRecordCovers: a push covering several items records each.
func TestRecordCovers(t *testing.T) {
	ctx := context.Background()
	l, _, _ := newLog(t, "a", false)
	if err := l.Record(ctx, sendlog.Push{NS: keys.RemindSendNS, ID: "group:x", Covers: []string{"i1", "i2"}}, nil); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"group:x", "i1", "i2"} {
		if done, _ := l.IsDone(ctx, keys.RemindSendNS, id); !done {
			t.Errorf("%s not recorded", id)
		}
	}
}

func TestContextPushIDs(t *testing.T) {
	ctx := sendlog.WithSequence(context.Background(), "wecom", "reply:msg:9")
	for i, want := range []string{"reply:msg:9:1", "reply:msg:9:2"} {
		if p, ok := sendlog.Next(ctx); !ok || p.ID != want || p.NS != "wecom" {
			t.Errorf("push %d = %+v, %v; want %s", i+1, p, ok, want)
		}
	}
	ctx = sendlog.WithID(context.Background(), "bulletin", "2025-10|chat:x|1")
	if p, _ := sendlog.Next(ctx); p.ID != "2025-10|chat:x|1" || p.Part(2) != "2025-10|chat:x|1:2" {
		t.Errorf("fixed push = %+v", p)
	}
	if _, ok := sendlog.Next(context.Background()); ok {
		t.Error("a bare context names a push")
	}
}

// TestStaleClaimOfOurOwn: a claim this process could not release (Redis
// failed over mid-send) is taken over by its next attempt; one held by a
// live send of this process is Busy.
func TestStaleClaimOfOurOwn(t *testing.T) {
	ctx := context.Background()
	l, rdb, k := newLog(t, "replica-1", true)
	rdb.Set(ctx, k.Alive("replica-1"), "1", time.Minute)
	p := sendlog.Push{NS: "test", ID: "reply:msg:5:1"}
	c, r, err := l.Claim(ctx, p, 0)
	if r != sendlog.Claimed || err != nil {
		t.Fatal(r, err)
	}
	if _, r, _ := l.Claim(ctx, p, 0); r != sendlog.Busy {
		t.Errorf("claim while a send of ours holds it = %v, want Busy", r)
	}
	// The release never reaches Redis: the key stays.
	v := rdb.Get(ctx, k.SendClaim("test", p.ID)).Val()
	c.Release(ctx)
	rdb.Set(ctx, k.SendClaim("test", p.ID), v, time.Minute)
	if _, r, _ := l.Claim(ctx, p, 0); r != sendlog.Claimed {
		t.Errorf("claim of our own stale claim = %v, want Claimed", r)
	}
}

// TestClaimReadsPartsFinishRecordsAll: the claim tells where a multi-part
// push stands (parts accepted, requests whose outcome is unknown) in the
// same step, and Finish records the last part, the push and what it
// covers and releases the claim at once.
func TestClaimReadsPartsFinishRecordsAll(t *testing.T) {
	ctx := context.Background()
	l, _, _ := newLog(t, "a", false)
	p := sendlog.Push{NS: keys.RemindSendNS, ID: "group:y", Covers: []string{"i1", "i2"}}
	if err := l.DonePart(ctx, p, 1, map[string]any{"msgids": []string{"m1"}}); err != nil {
		t.Fatal(err)
	}
	on, off := []byte(`{"part":2,"enable_duplicate_check":1}`), []byte(`{"part":2}`)
	if _, err := l.Begin(ctx, p, 2, "message/send", on, off); err != nil {
		t.Fatal(err)
	}
	c, r, err := l.Claim(ctx, p, 3)
	if err != nil || r != sendlog.Claimed {
		t.Fatalf("claim = %v %v", r, err)
	}
	if _, ok := c.PartDone(1); !ok {
		t.Error("part 1 not seen as accepted")
	}
	if _, ok := c.PartDone(2); ok {
		t.Error("part 2 seen as accepted")
	}
	if a := c.Attempt(2); a == nil || string(a.Body) != string(on) || !a.Check {
		t.Errorf("part 2's attempt = %+v, want the saved checked request", a)
	}
	if c.Attempt(1) != nil || c.Attempt(3) != nil || c.Attempt(4) != nil {
		t.Error("an attempt where none was saved")
	}
	if err := l.DonePart(ctx, p, 2, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Begin(ctx, p, 3, "message/send", []byte(`{"part":3,"c":1}`), []byte(`{"part":3}`)); err != nil {
		t.Fatal(err)
	}
	if err := l.Finish(ctx, c, 3, "part 3", "whole"); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{p.ID, p.Part(3), "i1", "i2"} {
		if done, _ := l.IsDone(ctx, p.NS, id); !done {
			t.Errorf("%s not recorded", id)
		}
	}
	if a, _ := l.LastAttempt(ctx, p, 3); a != nil {
		t.Errorf("part 3's attempt kept: %+v", a)
	}
	// Released and done: a later claim reads it as sent.
	if _, r, _ := l.Claim(ctx, p, 3); r != sendlog.AlreadyDone {
		t.Errorf("claim after Finish = %v, want AlreadyDone", r)
	}
	if rec, ok, _ := l.Get(ctx, p.NS, p.ID); !ok || rec.Detail != "whole" {
		t.Errorf("push record = %+v %v", rec, ok)
	}
}

// TestClaimBegin: a push's first claim saves part 1's request in the same
// step (Begun); once released unsent, the next claim finds that attempt
// as an unknown outcome to resend as is. A different push with the very
// same request gets it unchecked (the fingerprint is taken), as with
// Begin; a part 1 already accepted is not begun again.
func TestClaimBegin(t *testing.T) {
	ctx := context.Background()
	l, _, _ := newLog(t, "a", false)
	on, off := []byte(`{"text":"x","enable_duplicate_check":1}`), []byte(`{"text":"x","enable_duplicate_check":0}`)
	req := &sendlog.Request{API: "message/send", On: on, Off: off}
	p1 := sendlog.Push{NS: "test", ID: "cb1"}
	c, r, err := l.ClaimBegin(ctx, p1, 2, req)
	if err != nil || r != sendlog.Claimed {
		t.Fatalf("ClaimBegin = %v, %v", r, err)
	}
	if a := c.Attempt(1); !c.Begun(1) || a == nil || !a.Check || string(a.Body) != string(on) {
		t.Fatalf("part 1: begun %v, attempt %+v; want the checked request, begun", c.Begun(1), a)
	}
	if c.Begun(2) || c.Attempt(2) != nil {
		t.Errorf("part 2 was begun too")
	}
	if a, err := l.LastAttempt(ctx, p1, 1); err != nil || a == nil || string(a.Body) != string(on) {
		t.Fatalf("saved attempt = %+v, %v; want the checked request", a, err)
	}
	c.Release(ctx)

	c, _, err = l.ClaimBegin(ctx, p1, 2, &sendlog.Request{API: "message/send", On: []byte(`{"other":1}`), Off: []byte(`{"other":0}`)})
	if err != nil {
		t.Fatal(err)
	}
	if a := c.Attempt(1); c.Begun(1) || a == nil || string(a.Body) != string(on) {
		t.Errorf("second claim: begun %v, attempt %+v; want the first request, to resend", c.Begun(1), a)
	}
	// Part 1 accepted: a later claim begins nothing.
	if err := l.Finish(ctx, c, 1, nil, nil); err != nil {
		t.Fatal(err)
	}
	p2 := sendlog.Push{NS: "test", ID: "cb2"}
	c2, _, err := l.ClaimBegin(ctx, p2, 1, req)
	if err != nil {
		t.Fatal(err)
	}
	if a := c2.Attempt(1); !c2.Begun(1) || a == nil || a.Check || string(a.Body) != string(off) {
		t.Errorf("another push with the same request: attempt %+v; want it unchecked", a)
	}
	c2.Release(ctx)
	if err := l.DonePart(ctx, sendlog.Push{NS: "test", ID: "cb3"}, 1, nil); err != nil {
		t.Fatal(err)
	}
	c3, _, err := l.ClaimBegin(ctx, sendlog.Push{NS: "test", ID: "cb3"}, 2, req)
	if err != nil {
		t.Fatal(err)
	}
	if c3.Begun(1) || c3.Attempt(1) != nil {
		t.Errorf("an accepted part 1 was begun again")
	}
	if _, ok := c3.PartDone(1); !ok {
		t.Errorf("part 1's record not read")
	}
}
