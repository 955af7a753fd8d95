package reminders

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"casebot/bot"
	"casebot/bot/keys"
	"casebot/bot/lock"
	"casebot/bot/sendlog"
)

// run is one sweep (or one hearing's catch-up) in progress.
type run struct {
	s        *Service
	now      time.Time
	rep      *Report
	lease    *lock.Lease // nil outside a sweep
	extended time.Time
}

// send delivers planned items in the order people should get them: what
// cannot reach someone first (staff can phone them), then the reminders,
// the escalations, the attendance questions and the failure reports. Items
// to staff are grouped into one message per destination.
func (r *run) send(ctx context.Context, items []Item, dests []string) error {
	order := []Kind{Missing, WorkdayBefore, DayBefore, DayOf, Escalation, Attendance, Failed}
	byKind := map[Kind][]Item{}
	for _, it := range items {
		byKind[it.Kind] = append(byKind[it.Kind], it)
	}
	for _, k := range order {
		its := byKind[k]
		switch k {
		case Missing, Escalation, Failed:
			for _, group := range byRecipient(its) {
				if err := r.deliver(ctx, group, r.s.renderReport); err != nil {
					return err
				}
			}
		default:
			for _, it := range its {
				if err := r.deliver(ctx, []Item{it}, r.s.renderCard); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// byRecipient groups items by recipient, keeping the order recipients
// first appear in.
func byRecipient(items []Item) [][]Item {
	idx := map[string]int{}
	var out [][]Item
	for _, it := range items {
		i, ok := idx[it.Recipient]
		if !ok {
			i = len(out)
			idx[it.Recipient] = i
			out = append(out, nil)
		}
		out[i] = append(out[i], it)
	}
	return out
}

// renderFunc builds the message for claimed items (one destination).
type renderFunc func(ctx context.Context, items []Item, now time.Time) (bot.Outbound, error)

// errNotDelivered is a push WeCom accepted but did not deliver to its
// recipient (an invalid userid or chat): retrying cannot help.
var errNotDelivered = errors.New("WeCom did not deliver to the recipient")

// deliver sends one message carrying items, exactly once per item: each is
// claimed in the send log, the message is built from the claimed ones and
// sent, and each is marked done only once WeCom accepted it. A failure
// releases the claims and records the attempt for a later sweep. Only a
// Redis failure (which stops the sweep) is returned.
func (r *run) deliver(ctx context.Context, items []Item, render renderFunc) error {
	s := r.s
	var claimed []Item
	for _, it := range items {
		res, err := s.sent.Claim(ctx, it.ID, claimTTL)
		if err != nil {
			return fmt.Errorf("claim %s: %w", it.ID, err)
		}
		switch res {
		case sendlog.Claimed:
			claimed = append(claimed, it)
		case sendlog.Busy:
			r.rep.Busy++
		}
	}
	if len(claimed) == 0 {
		return nil
	}
	out, err := render(ctx, claimed, r.now)
	if err != nil {
		r.release(ctx, claimed)
		return fmt.Errorf("build message: %w", err)
	}
	receipt, err := s.sender.Send(ctx, out)
	if err == nil && len(out.ToUsers) > 0 && len(receipt.Invalid) >= len(out.ToUsers) {
		err = errNotDelivered
	}
	if err != nil {
		r.rep.Failed += len(claimed)
		for _, it := range claimed {
			if ferr := r.fail(ctx, it, err); ferr != nil {
				return ferr
			}
		}
		return nil
	}
	for _, it := range claimed {
		if it.tells() {
			// Recorded before Done: a crash in between resends (and re-adds)
			// rather than leaving someone reminded but never told of a change.
			told := s.k.RemindTold(it.Occ)
			if _, err := s.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
				p.SAdd(ctx, told, it.Recipient)
				p.Expire(ctx, told, keys.RemindRecordTTL)
				return nil
			}); err != nil {
				return fmt.Errorf("record %s: %w", it.ID, err)
			}
		}
		if err := s.sent.Done(ctx, it.ID, sendlog.Record{At: r.now, Detail: it}); err != nil {
			return fmt.Errorf("mark %s sent: %w", it.ID, err)
		}
		s.rdb.Del(ctx, s.k.RemindTry(it.ID))
	}
	r.rep.Sent += len(claimed)
	if s.Delivered != nil {
		s.Delivered(Delivery{At: r.now, Items: claimed, Out: out})
	}
	r.keepLease(ctx)
	return nil
}

// fail records a failed attempt of it and releases its claim. After
// reminders.max_attempts attempts (at once for a recipient WeCom refuses)
// it is given up, which makes the next plan report it to staff.
func (r *run) fail(ctx context.Context, it Item, cause error) error {
	s := r.s
	key := s.k.RemindTry(it.ID)
	var t try
	if b, err := s.rdb.Get(ctx, key).Bytes(); err == nil {
		json.Unmarshal(b, &t)
	} else if !errors.Is(err, redis.Nil) {
		return err
	}
	t.N++
	t.Err = cause.Error()
	if t.N >= s.cfg.MaxAttempts || errors.Is(cause, errNotDelivered) {
		t.GaveUp, t.Next = true, r.now
		lvl := s.Log.Warn
		if it.Kind == Failed {
			lvl = s.Log.Error // nobody else can be told
		}
		lvl("reminder push given up", "id", it.ID, "kind", it.Kind, "recipient", it.Recipient, "attempts", t.N, "err", cause)
	} else {
		t.Next = r.now.Add(s.cfg.RetryBackoff << (t.N - 1))
		s.Log.Warn("reminder push failed; will retry", "id", it.ID, "recipient", it.Recipient, "attempt", t.N, "next", t.Next, "err", cause)
	}
	b, err := json.Marshal(t)
	if err != nil {
		return err
	}
	if err := s.rdb.Set(ctx, key, b, keys.RemindTryTTL).Err(); err != nil {
		return err
	}
	return s.sent.Release(ctx, it.ID)
}

func (r *run) release(ctx context.Context, items []Item) {
	for _, it := range items {
		r.s.sent.Release(ctx, it.ID)
	}
}

// keepLease renews the sweep lock during a long sweep (WeCom is slow).
func (r *run) keepLease(ctx context.Context) {
	if r.lease == nil || time.Since(r.extended) < sweepLockTTL/4 {
		return
	}
	if ok, err := r.lease.Extend(ctx, sweepLockTTL); err != nil || !ok {
		r.s.Log.Warn("sweep lock lost; per-push claims still keep sends single", "err", err)
	}
	r.extended = time.Now()
}

// newTaskID returns a fresh WeCom task_id for a card about occurrence occ:
// [0-9A-Za-z_-@], unique per attempt so that a retried send never reuses an
// id WeCom may have taken (errcode 42014).
func newTaskID(occ string, k Kind) string {
	b := make([]byte, 6)
	rand.Read(b)
	code := map[Kind]string{DayBefore: "db", WorkdayBefore: "wb", DayOf: "do", Attendance: "at"}[k]
	if code == "" {
		code = "x"
	}
	id := "rm_" + occ + "_" + code + "_" + hex.EncodeToString(b)
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '_' || r == '-' || r == '@' {
			return r
		}
		return '-'
	}, id)
}
