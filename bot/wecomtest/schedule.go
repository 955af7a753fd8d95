package wecomtest

import (
	"encoding/json"
	"net/http"
	"slices"
	"unicode/utf8"
)

// Schedule is one event of the fake's calendar (oa/schedule/...), as WeCom
// keeps it.
type Schedule struct {
	ID          string   `json:"schedule_id"`
	Admins      []string `json:"admins,omitempty"`
	Attendees   []string `json:"attendees"`
	Start       int64    `json:"start_time"`
	End         int64    `json:"end_time"`
	Summary     string   `json:"summary"`
	Description string   `json:"description"`
	Location    string   `json:"location"`
	// RemindBefore is reminders.remind_before_event_secs when is_remind is 1,
	// else -1.
	RemindBefore int64 `json:"remind_before_event_secs"`
	// Updates counts oa/schedule/update calls; Deleted is set by
	// oa/schedule/del (the event stays listed, as a record).
	Updates int  `json:"updates"`
	Deleted bool `json:"deleted"`
}

type scheduleBody struct {
	ScheduleID string   `json:"schedule_id"`
	Admins     []string `json:"admins"`
	StartTime  int64    `json:"start_time"`
	EndTime    int64    `json:"end_time"`
	Attendees  []struct {
		UserID string `json:"userid"`
	} `json:"attendees"`
	Summary     string `json:"summary"`
	Description string `json:"description"`
	Location    string `json:"location"`
	Reminders   *struct {
		IsRemind              int   `json:"is_remind"`
		RemindBeforeEventSecs int64 `json:"remind_before_event_secs"`
	} `json:"reminders"`
}

// remindValues are the values remind_before_event_secs takes.
var remindValues = []int64{0, 300, 900, 3600, 86400, 259200, 604800, 1296000, 2592000}

// check applies WeCom's documented limits; it returns an errcode and
// message, or 0.
func (b scheduleBody) check() (int, string) {
	switch {
	case b.StartTime <= 0 || b.EndTime <= b.StartTime:
		return 40058, "invalid start_time or end_time"
	case utf8.RuneCountInString(b.Summary) > 128:
		return 40058, "summary exceed max length 128"
	case utf8.RuneCountInString(b.Description) > 1000:
		return 40058, "description exceed max length 1000"
	case utf8.RuneCountInString(b.Location) > 128:
		return 40058, "location exceed max length 128"
	case len(b.Attendees) > 1000 || len(b.Admins) > 3:
		return 40058, "too many attendees or admins"
	case b.Reminders != nil && b.Reminders.IsRemind == 1 && !slices.Contains(remindValues, b.Reminders.RemindBeforeEventSecs):
		return 40058, "invalid remind_before_event_secs"
	}
	return 0, ""
}

func (b scheduleBody) apply(s *Schedule) {
	s.Admins, s.Start, s.End = b.Admins, b.StartTime, b.EndTime
	s.Summary, s.Description, s.Location = b.Summary, b.Description, b.Location
	s.Attendees = nil
	for _, a := range b.Attendees {
		s.Attendees = append(s.Attendees, a.UserID)
	}
	s.RemindBefore = -1
	if b.Reminders != nil && b.Reminders.IsRemind == 1 {
		s.RemindBefore = b.Reminders.RemindBeforeEventSecs
	}
}

// decodeSchedule reads the schedule of an add or update request, or
// answers WeCom's error and returns false.
func decodeSchedule(w http.ResponseWriter, body []byte) (scheduleBody, bool) {
	var req struct {
		Schedule scheduleBody `json:"schedule"`
	}
	if err := json.Unmarshal(body, &req); err != nil {
		answer(w, errAnswer(47001, "data format error"))
		return scheduleBody{}, false
	}
	if code, msg := req.Schedule.check(); code != 0 {
		answer(w, errAnswer(code, msg))
		return scheduleBody{}, false
	}
	return req.Schedule, true
}

func (s *Server) scheduleAdd(w http.ResponseWriter, _ *http.Request, body []byte) {
	b, ok := decodeSchedule(w, body)
	if !ok {
		return
	}
	s.mu.Lock()
	sc := &Schedule{ID: randomID(16)}
	b.apply(sc)
	s.schedules = append(s.schedules, sc)
	s.changedLocked()
	s.mu.Unlock()
	answer(w, map[string]any{"errcode": 0, "errmsg": "ok", "schedule_id": sc.ID})
}

func (s *Server) scheduleUpdate(w http.ResponseWriter, _ *http.Request, body []byte) {
	b, ok := decodeSchedule(w, body)
	if !ok {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	sc := s.scheduleLocked(b.ScheduleID)
	if sc == nil || sc.Deleted {
		answer(w, errAnswer(40058, "invalid schedule_id"))
		return
	}
	b.apply(sc)
	sc.Updates++
	s.changedLocked()
	answer(w, map[string]any{"errcode": 0, "errmsg": "ok"})
}

func (s *Server) scheduleDel(w http.ResponseWriter, _ *http.Request, body []byte) {
	var req struct {
		ScheduleID string `json:"schedule_id"`
	}
	if err := json.Unmarshal(body, &req); err != nil {
		answer(w, errAnswer(47001, "data format error"))
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	sc := s.scheduleLocked(req.ScheduleID)
	if sc == nil || sc.Deleted {
		answer(w, errAnswer(40058, "invalid schedule_id"))
		return
	}
	sc.Deleted = true
	s.changedLocked()
	answer(w, map[string]any{"errcode": 0, "errmsg": "ok"})
}

func (s *Server) scheduleLocked(id string) *Schedule {
	for _, sc := range s.schedules {
		if sc.ID == id {
			return sc
		}
	}
	return nil
}

func (s *Server) changedLocked() {
	close(s.changed)
	s.changed = make(chan struct{})
}

// Schedules returns copies of every event created, deleted ones included.
func (s *Server) Schedules() []Schedule {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Schedule, len(s.schedules))
	for i, sc := range s.schedules {
		out[i] = *sc
		out[i].Attendees = slices.Clone(sc.Attendees)
	}
	return out
}
