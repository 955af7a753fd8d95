package reminders

import (
	"context"
	"errors"
	"time"

	"github.com/redis/go-redis/v9"

	"casebot/bot/cases"
)

// Told is what the reminders recorded of one hearing at its current time,
// for chat's questions (提醒发给孙强了没, 孙局确认出庭了没): who was told,
// the answer given on a card, and when the first reminder is due. It only
// reads; the keys stay this package's.
type Told struct {
	// Recipients are the userids told of this hearing at this time
	// ("chat:<id>" for a group chat), in no order.
	Recipients []string
	// Ack is the answer recorded on a card; its Status is empty when
	// nobody answered.
	Ack Ack
	// FirstDue is when the schedule sends the first reminder of a hearing
	// at that time (the hearing's own time when it has none).
	FirstDue time.Time
}

// HearingTold returns what was recorded for the hearing ref at time at: a
// hearing never swept yet has an empty record. Moving a hearing starts a
// new record (the reminders of the old time do not count for the new one).
func (s *Service) HearingTold(ctx context.Context, ref cases.HearingRef, at time.Time) (Told, error) {
	out := Told{FirstDue: s.sched.First(at)}
	hids, err := s.hids(ctx, []cases.HearingRef{ref}, false)
	if err != nil {
		return out, err
	}
	hid := hids[ref]
	if hid == "" {
		return out, nil
	}
	field := epochField(hid, at)
	epochs, err := s.epochs(ctx, []string{field})
	if err != nil {
		return out, err
	}
	occ := occID(hid, at, epochs[field])
	var told *redis.StringSliceCmd
	var ack *redis.MapStringStringCmd
	if _, err := s.rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
		told = p.SMembers(ctx, s.k.RemindTold(occ))
		ack = p.HGetAll(ctx, s.k.RemindAck(occ))
		return nil
	}); err != nil && !errors.Is(err, redis.Nil) {
		return out, err
	}
	out.Recipients = told.Val()
	if m := ack.Val(); len(m) > 0 {
		out.Ack = ackFrom(m)
	}
	return out, nil
}

// ConfirmTyped records user's typed confirmation (去, 好 到时候我去, confirmed
// with 确认 in chat) of the hearing ref at time at: the same answer the
// card's 确认出庭 button records, so the reminders that follow and chat's
// 确认了没 read it alike. A hearing never swept yet gets its id here.
func (s *Service) ConfirmTyped(ctx context.Context, ref cases.HearingRef, at time.Time, user, text string, now time.Time) error {
	hids, err := s.hids(ctx, []cases.HearingRef{ref}, true)
	if err != nil {
		return err
	}
	hid := hids[ref]
	if hid == "" {
		return errors.New("reminders: no hearing id assigned")
	}
	field := epochField(hid, at)
	epochs, err := s.epochs(ctx, []string{field})
	if err != nil {
		return err
	}
	occ := occID(hid, at, epochs[field])
	return s.setAck(ctx, occ, Ack{Status: AckConfirmed, By: user, At: now},
		Click{User: user, Action: ActionConfirm, At: now, Text: text})
}
