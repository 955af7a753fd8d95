package reminders

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"

	"casebot/bot"
)

// Personal reminders (下周一早上提醒我找人社局补通讯录, 明早九点叫我去中院):
// one person asks to be told something at a time of their choosing. The
// chat sets one (AddNote); each sweep sends those due through the same
// deliver as every other reminder, under the send-log id "note:<id>", so a
// note goes out once across retries, restarts and replicas, and is
// cleared from the schedule by the first sweep that finds it sent.

// PersonalNote is the kind of a personal reminder push.
const PersonalNote Kind = "personal_note"

// Note is one personal reminder.
type Note struct {
	ID     string    `json:"id"`
	UserID string    `json:"user"`
	Name   string    `json:"name,omitempty"`
	What   string    `json:"what"`
	At     time.Time `json:"at"`
	Made   time.Time `json:"made"`
}

// sendID is the note's send-log id.
func (n Note) sendID() string { return "note:" + n.ID }

// DayParts are the times a personal reminder is set for when only a part
// of the day (or only a day) is said: reminders.personal_morning,
// personal_afternoon, personal_evening.
type DayParts struct {
	Morning, Afternoon, Evening Clock
}

// Parts returns the configured day parts.
func (s *Service) Parts() DayParts { return s.parts }

// Enabled reports whether scheduled sweeps run (reminders.enabled): a
// personal reminder is only delivered by them.
func (s *Service) Enabled() bool { return s.cfg.Enabled }

// Location is the configured time zone.
func (s *Service) Location() *time.Location { return s.loc }

// dayParts reads the day parts from the configuration.
func dayParts(morning, afternoon, evening string) (DayParts, error) {
	var p DayParts
	for _, f := range []struct {
		key, v string
		to     *Clock
	}{{"personal_morning", morning, &p.Morning}, {"personal_afternoon", afternoon, &p.Afternoon}, {"personal_evening", evening, &p.Evening}} {
		c, err := ParseClock(f.v)
		if err != nil {
			return p, fmt.Errorf("配置 reminders.%s：%w", f.key, err)
		}
		*f.to = c
	}
	return p, nil
}

// ErrNotePast is a note asked for a time already gone.
var ErrNotePast = errors.New("the time of the reminder has passed")

// AddNote schedules a personal reminder and returns it with its id.
func (s *Service) AddNote(ctx context.Context, n Note, now time.Time) (Note, error) {
	if !n.At.After(now) {
		return n, ErrNotePast
	}
	seq, err := s.rdb.Incr(ctx, s.k.RemindNoteSeq()).Result()
	if err != nil {
		return n, err
	}
	n.ID, n.Made = strconv.FormatInt(seq, 36), now
	b, err := json.Marshal(n)
	if err != nil {
		return n, err
	}
	if _, err := s.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.HSet(ctx, s.k.RemindNoteData(), n.ID, b)
		p.ZAdd(ctx, s.k.RemindNotes(), redis.Z{Score: float64(n.At.Unix()), Member: n.ID})
		return nil
	}); err != nil {
		return n, err
	}
	return n, nil
}

// CancelNote removes a personal reminder not yet sent, asked by user. It
// reports false when there is none of theirs under id, or it went out.
func (s *Service) CancelNote(ctx context.Context, user, id string) (bool, error) {
	n, ok, err := s.note(ctx, id)
	if err != nil || !ok || n.UserID != user {
		return false, err
	}
	sent, err := s.rdb.Exists(ctx, s.k.SendDone(sendNS, n.sendID())).Result()
	if err != nil || sent == 1 {
		return false, err
	}
	removed, err := s.rdb.ZRem(ctx, s.k.RemindNotes(), id).Result()
	if err != nil || removed == 0 {
		return false, err
	}
	return true, s.rdb.HDel(ctx, s.k.RemindNoteData(), id).Err()
}

// NotesOf lists a person's personal reminders not yet sent, soonest first.
func (s *Service) NotesOf(ctx context.Context, user string) ([]Note, error) {
	ids, err := s.rdb.ZRange(ctx, s.k.RemindNotes(), 0, -1).Result()
	if err != nil {
		return nil, err
	}
	notes, err := s.notes(ctx, ids)
	if err != nil {
		return nil, err
	}
	var out []Note
	for _, n := range notes {
		if n.UserID != user {
			continue
		}
		if sent, err := s.rdb.Exists(ctx, s.k.SendDone(sendNS, n.sendID())).Result(); err != nil {
			return nil, err
		} else if sent == 0 {
			out = append(out, n)
		}
	}
	return out, nil
}

func (s *Service) note(ctx context.Context, id string) (Note, bool, error) {
	ns, err := s.notes(ctx, []string{id})
	if err != nil || len(ns) == 0 {
		return Note{}, false, err
	}
	return ns[0], true, nil
}

// notes loads the notes of ids, in order; ids without data are left out.
func (s *Service) notes(ctx context.Context, ids []string) ([]Note, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	vals, err := s.rdb.HMGet(ctx, s.k.RemindNoteData(), ids...).Result()
	if err != nil {
		return nil, err
	}
	var out []Note
	for _, v := range vals {
		str, ok := v.(string)
		if !ok {
			continue
		}
		var n Note
		if json.Unmarshal([]byte(str), &n) == nil {
			out = append(out, n)
		}
	}
	return out, nil
}

// noteItems returns the personal reminders due at now and not yet sent
// (nor waiting out a retry). With clear, notes found sent or given up are
// dropped from the schedule (the sweep); a dry run writes nothing.
func (s *Service) noteItems(ctx context.Context, now time.Time, clear bool) ([]Item, error) {
	ids, err := s.rdb.ZRangeByScore(ctx, s.k.RemindNotes(), &redis.ZRangeBy{Min: "-inf", Max: strconv.FormatInt(now.Unix(), 10)}).Result()
	if err != nil {
		return nil, fmt.Errorf("load personal reminders: %w", err)
	}
	notes, err := s.notes(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("load personal reminders: %w", err)
	}
	cands := make([]Item, 0, len(notes))
	byID := map[string]Note{}
	for _, n := range notes {
		cands = append(cands, Item{Recipient: n.UserID, Kind: PersonalNote, DueAt: n.At, At: n.At, ID: n.sendID(), Reason: n.What})
		byID[n.sendID()] = n
	}
	l, err := s.loadLedger(ctx, itemIDs(cands), nil)
	if err != nil {
		return nil, err
	}
	var out, gone []Item
	for _, it := range cands {
		t, tried := l.tries[it.ID]
		switch {
		case tried && t.GaveUp:
			// Nobody else can be told of a personal reminder: logged and dropped.
			s.Log.Error("personal reminder given up", "id", it.ID, "recipient", it.Recipient, "err", t.Err)
			gone = append(gone, it)
		case l.done[it.ID]:
			gone = append(gone, it)
		case tried && now.Before(t.Next):
		default:
			out = append(out, it)
		}
	}
	if clear && len(gone) > 0 {
		if _, err := s.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
			for _, it := range gone {
				id := byID[it.ID].ID
				p.ZRem(ctx, s.k.RemindNotes(), id)
				p.HDel(ctx, s.k.RemindNoteData(), id)
			}
			return nil
		}); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// renderNote is the message of a personal reminder.
func (s *Service) renderNote(_ context.Context, items []Item, _ time.Time) (bot.Outbound, error) {
	it := items[0]
	at := it.At.In(s.loc)
	wd := []string{"周日", "周一", "周二", "周三", "周四", "周五", "周六"}[at.Weekday()]
	what := it.Reason
	if what == "" {
		what = "（设置时未说明事项）"
	}
	msg := fmt.Sprintf("【提醒】您设置的提醒（%d月%d日%s %s）：%s", int(at.Month()), at.Day(), wd, at.Format("15:04"), what)
	return bot.Text(msg, it.Recipient), nil
}
