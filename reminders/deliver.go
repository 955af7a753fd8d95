package reminders

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"casebot/bot"
	"casebot/bot/keys"
	"casebot/bot/sendlog"
)

// run is one sweep (or one hearing's catch-up) in progress.
type run struct {
	s   *Service
	now time.Time
	rep *Report
}

// send delivers planned items in the order people should get them: what
// cannot reach someone first (staff can phone them), then the reminders,
// the escalations, the attendance questions and the failure reports. Items
// to staff are grouped into one message per destination.
func (r *run) send(ctx context.Context, items []Item, dests []string) error {
	order := []Kind{Missing, WorkdayBefore, DayBefore, DayOf, Escalation, Attendance,
		DeadlineMissing, RectifyRequest, DeadlineReminder, RectifyReview, RectifyFile, DeadlineEscalation, RiskAlert, PersonalNote, Failed}
	byKind := map[Kind][]Item{}
	for _, it := range items {
		byKind[it.Kind] = append(byKind[it.Kind], it)
	}
	for _, k := range order {
		its := byKind[k]
		switch k {
		case Missing, Escalation, Failed, DeadlineMissing, DeadlineEscalation, RiskAlert:
			for _, group := range byRecipient(its) {
				if err := r.deliver(ctx, group, r.s.renderReport); err != nil {
					return err
				}
			}
		case PersonalNote:
			for _, it := range its {
				if err := r.deliver(ctx, []Item{it}, r.s.renderNote); err != nil {
					return err
				}
			}
		case RectifyFile:
			for _, it := range its {
				if err := r.deliver(ctx, []Item{it}, r.s.renderFile); err != nil {
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

// pushID names the push carrying items in the send log: the item's own id
// for one item (a card), else a digest of the ids, with the items as what
// the push covers, so that each is recorded as sent with it.
func pushID(items []Item) (id string, covers []string) {
	if len(items) == 1 {
		return items[0].ID, nil
	}
	ids := make([]string, len(items))
	for i, it := range items {
		ids[i] = it.ID
	}
	sort.Strings(ids)
	h := sha256.Sum256([]byte(strings.Join(ids, "\n")))
	return "group:" + hex.EncodeToString(h[:12]), ids
}

// deliver sends one message carrying items through the one send-once
// mechanism (bot/sendlog): the message is pushed under an id naming its
// items, and the sender records it — and each item it covers — only once
// WeCom accepted it; a push another live process is making is left to it
// (Busy). A failure records the attempt for a later sweep. Only a Redis
// failure (which stops the sweep) is returned.
func (r *run) deliver(ctx context.Context, items []Item, render renderFunc) error {
	s := r.s
	if len(items) == 0 {
		return nil
	}
	out, err := render(ctx, items, r.now)
	if err != nil {
		return fmt.Errorf("build message: %w", err)
	}
	// Those told about the hearing are recorded before the push: a crash
	// after it then still tells them of a change, rather than leaving
	// someone reminded and never told.
	for _, it := range items {
		if !it.tells() {
			continue
		}
		told := s.k.RemindTold(it.Occ)
		if _, err := s.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
			p.SAdd(ctx, told, it.Recipient)
			p.Expire(ctx, told, keys.RemindRecordTTL)
			return nil
		}); err != nil {
			return fmt.Errorf("record %s: %w", it.ID, err)
		}
	}
	id, covers := pushID(items)
	receipt, err := s.sender.Send(sendlog.WithID(ctx, keys.RemindSendNS, id, covers...), out)
	if errors.Is(err, sendlog.ErrBusy) {
		r.rep.Busy += len(items)
		return nil
	}
	if err == nil && !receipt.Already && len(out.ToUsers) > 0 && len(receipt.Invalid) >= len(out.ToUsers) {
		err = errNotDelivered
	}
	if until, ok := bot.DeferredUntil(err); ok {
		// The recipient's rate limit is used up: not a failed attempt
		// (it must not use up reminders.max_attempts); tried again then.
		r.rep.Deferred += len(items)
		for _, it := range items {
			if ferr := r.deferTo(ctx, it, until); ferr != nil {
				return ferr
			}
		}
		return nil
	}
	if err != nil {
		r.rep.Failed += len(items)
		for _, it := range items {
			if ferr := r.fail(ctx, it, err); ferr != nil {
				return ferr
			}
		}
		return nil
	}
	for _, it := range items {
		s.rdb.Del(ctx, s.k.RemindTry(it.ID))
	}
	r.rep.Sent += len(items)
	if s.Delivered != nil && !receipt.Already {
		s.Delivered(Delivery{At: r.now, Items: items, Out: out})
	}
	return nil
}

// readTry reads the attempts recorded under key (none yet: zero).
func (r *run) readTry(ctx context.Context, key string) (try, error) {
	var t try
	if b, err := r.s.rdb.Get(ctx, key).Bytes(); err == nil {
		json.Unmarshal(b, &t)
	} else if !errors.Is(err, redis.Nil) {
		return t, err
	}
	return t, nil
}

// deferTo sets the next try of it at until, its attempts unchanged.
func (r *run) deferTo(ctx context.Context, it Item, until time.Time) error {
	s := r.s
	key := s.k.RemindTry(it.ID)
	t, err := r.readTry(ctx, key)
	if err != nil {
		return err
	}
	t.Next = until
	s.Log.Info("reminder push deferred by the recipient's rate limit", "id", it.ID, "recipient", it.Recipient, "until", until)
	b, err := json.Marshal(t)
	if err != nil {
		return err
	}
	return s.rdb.Set(ctx, key, b, keys.RemindTryTTL).Err()
}

// fail records a failed attempt of it. After
// reminders.max_attempts attempts (at once for a recipient WeCom refuses)
// it is given up, which makes the next plan report it to staff.
func (r *run) fail(ctx context.Context, it Item, cause error) error {
	s := r.s
	key := s.k.RemindTry(it.ID)
	t, err := r.readTry(ctx, key)
	if err != nil {
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
	return s.rdb.Set(ctx, key, b, keys.RemindTryTTL).Err()
}

// newTaskID returns a fresh WeCom task_id for a card about occurrence occ:
// [0-9A-Za-z_-@], unique per rendering. A card whose send had an unknown
// outcome is resent from the request the send log saved, with the same
// task id, so WeCom's "task_id exist" (42014) then says the first arrived;
// a card rendered afresh never collides with one WeCom may have taken.
func newTaskID(occ string, k Kind) string {
	b := make([]byte, 6)
	rand.Read(b)
	code := map[Kind]string{DayBefore: "db", WorkdayBefore: "wb", DayOf: "do", Attendance: "at",
		DeadlineReminder: "dl", RectifyRequest: "rq", RectifyReview: "rv"}[k]
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
