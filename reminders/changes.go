package reminders

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/redis/go-redis/v9"

	"casebot/bot/cases"
	"casebot/bot/store"
)

// changeBatch is how many hearing-change entries one read takes.
const changeBatch = 200

// changes works through the hearing-change stream (written by imports and
// chat updates in the same transaction as the case) from the stored
// cursor. For each change whose hearing really left its old time, everyone
// told about the old time gets a 改期 or 取消 notice, exactly once; then the
// old time's epoch is bumped, so should the hearing come back to it, it is
// reminded afresh. Entries are handled in order; one whose notices must be
// retried later stops the walk until a later sweep.
func (r *run) changes(ctx context.Context, dir *Directory, dests []string) error {
	s := r.s
	cursor, err := s.rdb.Get(ctx, s.k.RemindCursor()).Result()
	if errors.Is(err, redis.Nil) {
		cursor = "0"
	} else if err != nil {
		return fmt.Errorf("read change cursor: %w", err)
	}
	for {
		chs, err := s.st.HearingChanges(ctx, cursor, changeBatch)
		if err != nil {
			return fmt.Errorf("read hearing changes: %w", err)
		}
		for _, ch := range chs {
			handled, err := r.change(ctx, ch, dests)
			if err != nil || !handled {
				return err
			}
			cursor = ch.StreamID
		}
		if len(chs) < changeBatch {
			return nil
		}
	}
}

// noticeFor works out what a change means now: the notices due to those
// told about the hearing's old time, and the epoch field to bump once they
// are sent. No items and no field: nothing to tell (nobody was told, or
// the hearing is back at that time).
func (s *Service) noticeFor(ctx context.Context, ch store.HearingChange) (items []Item, field string, err error) {
	hid, err := s.rdb.HGet(ctx, s.k.RemindHIDs(), string(ch.Ref)).Result()
	if errors.Is(err, redis.Nil) {
		return nil, "", nil // never reminded of anything
	}
	if err != nil {
		return nil, "", err
	}
	c, err := s.st.Get(ctx, ch.Case)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return nil, "", err
	}
	_, id, err := ch.Ref.Split()
	if err != nil {
		return nil, "", err
	}
	kind := Cancelled
	var h *cases.Hearing
	if c != nil {
		h = c.Hearing(id)
	}
	if h != nil && !h.Cancelled {
		if h.At.Equal(ch.From) {
			return nil, "", nil // moved back before anyone was told
		}
		kind = Rescheduled
	}
	field = epochField(hid, ch.From)
	epochs, err := s.epochs(ctx, []string{field})
	if err != nil {
		return nil, "", err
	}
	occ := occID(hid, ch.From, epochs[field])
	told, err := s.rdb.SMembers(ctx, s.k.RemindTold(occ)).Result()
	if err != nil {
		return nil, "", err
	}
	if len(told) == 0 {
		return nil, "", nil
	}
	sort.Strings(told)
	for _, rcp := range told {
		it := Item{Hearing: ch.Ref, Case: ch.Case, Recipient: rcp, Kind: kind, DueAt: ch.At,
			Occ: occ, At: ch.From, CaseData: c}
		if h != nil {
			it.HearingD = *h
			if kind == Rescheduled {
				it.NewAt = h.At
			}
		}
		// One notice per recipient and occurrence, whatever the change.
		it.ID = occ + ":" + rcp + ":notice"
		items = append(items, it)
	}
	return items, field, nil
}

// change handles one stream entry and reports whether it is done with.
func (r *run) change(ctx context.Context, ch store.HearingChange, dests []string) (bool, error) {
	s := r.s
	items, field, err := s.noticeFor(ctx, ch)
	if err != nil {
		return false, fmt.Errorf("hearing change %s: %w", ch.StreamID, err)
	}
	if len(items) > 0 {
		due, err := s.open(ctx, r.now, items, nil, dests)
		if err != nil {
			return false, err
		}
		for _, it := range due {
			render := s.renderNotice
			if it.Kind == Failed {
				render = s.renderReport
			}
			if err := r.deliver(ctx, []Item{it}, render); err != nil {
				return false, err
			}
		}
		left, err := s.open(ctx, time.Time{}, items, nil, dests)
		if err != nil || len(left) > 0 {
			return false, err // retried by a later sweep, after its backoff
		}
	}
	// Done with: bump the epoch and move the cursor together, so a crash
	// cannot bump twice.
	_, err = s.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		if field != "" {
			p.HIncrBy(ctx, s.k.RemindEpochs(), field, 1)
		}
		p.Set(ctx, s.k.RemindCursor(), ch.StreamID, 0)
		return nil
	})
	return err == nil, err
}

// pendingNotices lists, read-only, the notices a sweep at now would send
// for the unhandled part of the change stream: for the dry run.
func (s *Service) pendingNotices(ctx context.Context, now time.Time, dests []string) ([]Item, error) {
	cursor, err := s.rdb.Get(ctx, s.k.RemindCursor()).Result()
	if errors.Is(err, redis.Nil) {
		cursor = "0"
	} else if err != nil {
		return nil, err
	}
	var out []Item
	for {
		chs, err := s.st.HearingChanges(ctx, cursor, changeBatch)
		if err != nil {
			return nil, err
		}
		for _, ch := range chs {
			items, _, err := s.noticeFor(ctx, ch)
			if err != nil {
				return nil, err
			}
			due, err := s.open(ctx, now, items, nil, dests)
			if err != nil {
				return nil, err
			}
			out = append(out, due...)
			cursor = ch.StreamID
		}
		if len(chs) < changeBatch {
			return out, nil
		}
	}
}
