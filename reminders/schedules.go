package reminders

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"casebot/bot"
	"casebot/bot/cases"
	"casebot/bot/people"
	"casebot/bot/store"
)

// The hearing in the head's WeCom calendar (reminders.calendar_events):
// each sweep makes the calendar follow the ledger — one 日程 per hearing and
// reminded head (the head its admin, the 承办人 attendees, the courtroom its
// location, WeCom's own reminder a day before), updated when the hearing
// moves, deleted when it is cancelled, the case closes or the head changes.
// The schedule_id of each is kept in Redis (keys.RemindSchedules), so each
// is created once; only the sweep (under its lock) writes them.

const (
	// scheduleAhead is how far ahead hearings are put in calendars.
	scheduleAhead = 60 * 24 * time.Hour
	// hearingLength is the length given to the event (a hearing has no end
	// time in the ledger).
	hearingLength = 2 * time.Hour
	// scheduleRemind is WeCom's own reminder of the event.
	scheduleRemind = 24 * time.Hour
)

// scheduleRecord is what is kept of one event.
type scheduleRecord struct {
	ID   string `json:"id"`
	At   int64  `json:"at"`
	Hash string `json:"hash"`
}

// scheduleField names the event of one hearing and head.
func scheduleField(ref cases.HearingRef, head string) string { return string(ref) + "|" + head }

// scheduleFor is the event of hearing h for head, with the 承办人 handlers.
func (s *Service) scheduleFor(c *cases.Case, h cases.Hearing, head *people.Person, handlers []Recipient) bot.Schedule {
	sc := bot.Schedule{Admins: []string{head.UserID}, Attendees: []string{head.UserID},
		Start: h.At, End: h.At.Add(hearingLength), RemindBefore: scheduleRemind}
	var hs []string
	for _, r := range handlers {
		sc.Attendees = append(sc.Attendees, r.Person.UserID)
		hs = append(hs, personText(r.Person))
	}
	sc.Summary = truncate("出庭应诉："+c.Cause+"（"+c.Number+"）", 128)
	sc.Location = truncate(strings.TrimSpace(c.Court+" "+placeText(h)), 128)
	party := "原告"
	if c.Kind == cases.Reconsideration {
		party = "申请人"
	}
	desc := fmt.Sprintf("案号：%s\n%s：%s\n被告：%s\n承办人：%s\n请携带身份证明（写明姓名、职务并加盖单位公章），提前到庭。",
		c.Number, party, s.scope.Plaintiffs(head, c), strings.Join(c.Defendants, "、"), strings.Join(hs, "、"))
	if h.MustAppear {
		desc += "\n本案属于法释〔2020〕3号第4条规定的应当出庭情形。"
	}
	sc.Description = truncate(desc, 1000)
	return sc
}

func scheduleHash(sc bot.Schedule) string {
	b, _ := json.Marshal(sc)
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:8])
}

// syncSchedules makes the calendars follow the hearings. A failed call is
// logged and retried by the next sweep; only a Redis failure is returned.
func (r *run) syncSchedules(ctx context.Context, dir *Directory) error {
	s := r.s
	if s.calendar == nil {
		return nil
	}
	stored, err := s.rdb.HGetAll(ctx, s.k.RemindSchedules()).Result()
	if err != nil {
		return err
	}
	hs, err := s.st.HearingsBetween(ctx, r.now.Add(time.Second), r.now.Add(scheduleAhead))
	if err != nil {
		return err
	}
	// Events whose hearing is not in the window: their hearing may have
	// moved out of it, been cancelled or deleted; read their cases.
	inWindow := map[cases.HearingRef]bool{}
	for _, h := range hs {
		inWindow[h.Ref()] = true
	}
	var others []string
	for f := range stored {
		ref, _, _ := strings.Cut(f, "|")
		if !inWindow[cases.HearingRef(ref)] {
			if n, _, err := cases.HearingRef(ref).Split(); err == nil {
				others = append(others, n)
			}
		}
	}
	if len(others) > 0 {
		cs, err := s.st.GetMany(ctx, others)
		if err != nil {
			return err
		}
		for _, c := range cs {
			if c == nil {
				continue
			}
			for _, h := range c.Hearings {
				if _, ok := inWindow[cases.Ref(c.Number, h.ID)]; !ok && h.At.After(r.now) {
					hs = append(hs, store.ScheduledHearing{Case: c, Hearing: h})
					inWindow[cases.Ref(c.Number, h.ID)] = true
				}
			}
		}
	}
	want := map[string]bot.Schedule{}
	for _, sh := range hs {
		c, h := sh.Case, sh.Hearing
		if !c.Open() || h.Cancelled || !h.At.After(r.now) {
			continue
		}
		rs, _ := dir.Recipients(c, h)
		heads, handlers := byRole(rs)
		for _, hd := range heads {
			want[scheduleField(sh.Ref(), hd.Person.UserID)] = s.scheduleFor(c, h, hd.Person, handlers)
		}
	}
	put := func(f string, rec scheduleRecord) error {
		b, _ := json.Marshal(rec)
		return s.rdb.HSet(ctx, s.k.RemindSchedules(), f, b).Err()
	}
	for f, sc := range want {
		var rec scheduleRecord
		if raw, ok := stored[f]; ok && json.Unmarshal([]byte(raw), &rec) == nil {
			hash := scheduleHash(sc)
			if rec.Hash == hash {
				continue
			}
			if err := s.calendar.UpdateSchedule(ctx, rec.ID, sc); err != nil {
				s.Log.Warn("calendar event not updated; the next sweep retries", "event", f, "err", err)
				continue
			}
			if err := put(f, scheduleRecord{ID: rec.ID, At: sc.Start.Unix(), Hash: hash}); err != nil {
				return err
			}
			continue
		}
		id, err := s.calendar.AddSchedule(ctx, sc)
		if err != nil {
			s.Log.Warn("calendar event not added; the next sweep retries", "event", f, "err", err)
			continue
		}
		if err := put(f, scheduleRecord{ID: id, At: sc.Start.Unix(), Hash: scheduleHash(sc)}); err != nil {
			return err
		}
	}
	for f, raw := range stored {
		if _, ok := want[f]; ok {
			continue
		}
		var rec scheduleRecord
		if json.Unmarshal([]byte(raw), &rec) == nil && time.Unix(rec.At, 0).After(r.now) {
			// Cancelled, closed, deleted or another head: out of the calendar.
			if err := s.calendar.DeleteSchedule(ctx, rec.ID); err != nil {
				s.Log.Warn("calendar event not deleted; the next sweep retries", "event", f, "err", err)
				continue
			}
		}
		// A past hearing's event stays in the calendar, as a record.
		if err := s.rdb.HDel(ctx, s.k.RemindSchedules(), f).Err(); err != nil {
			return err
		}
	}
	return nil
}
