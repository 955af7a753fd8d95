package wecom

import (
	"context"
	"time"

	"casebot/bot"
)

// The 日程 API (oa/schedule/...), as documented at
// https://developer.work.weixin.qq.com/document/path/93648: a self-built
// app creates the event in its calendar with the attendees (and admins)
// named; WeCom reminds them itself.

type scheduleWire struct {
	ScheduleID  string             `json:"schedule_id,omitempty"`
	Admins      []string           `json:"admins,omitempty"`
	StartTime   int64              `json:"start_time"`
	EndTime     int64              `json:"end_time"`
	Attendees   []scheduleAttendee `json:"attendees,omitempty"`
	Summary     string             `json:"summary,omitempty"`
	Description string             `json:"description,omitempty"`
	Reminders   *scheduleReminders `json:"reminders,omitempty"`
	Location    string             `json:"location,omitempty"`
}

type scheduleAttendee struct {
	UserID string `json:"userid"`
}

type scheduleReminders struct {
	IsRemind              int   `json:"is_remind"`
	RemindBeforeEventSecs int64 `json:"remind_before_event_secs"`
	Timezone              int   `json:"timezone"`
}

func toWire(s bot.Schedule) scheduleWire {
	w := scheduleWire{Admins: s.Admins, StartTime: s.Start.Unix(), EndTime: s.End.Unix(),
		Summary: s.Summary, Description: s.Description, Location: s.Location}
	for _, u := range s.Attendees {
		w.Attendees = append(w.Attendees, scheduleAttendee{UserID: u})
	}
	_, off := s.Start.Zone()
	w.Reminders = &scheduleReminders{Timezone: off / 3600}
	if s.RemindBefore > 0 {
		w.Reminders.IsRemind, w.Reminders.RemindBeforeEventSecs = 1, int64(s.RemindBefore/time.Second)
	}
	return w
}

// AddSchedule creates an event and returns its schedule_id.
func (s *Sender) AddSchedule(ctx context.Context, sc bot.Schedule) (string, error) {
	var out struct {
		ScheduleID string `json:"schedule_id"`
	}
	body := struct {
		Schedule scheduleWire `json:"schedule"`
		AgentID  int          `json:"agentid,omitempty"`
	}{toWire(sc), s.agentID}
	if err := s.client.postJSON(ctx, "oa/schedule/add", body, &out); err != nil {
		return "", err
	}
	return out.ScheduleID, nil
}

// UpdateSchedule replaces the time, attendees, text and place of event id.
func (s *Sender) UpdateSchedule(ctx context.Context, id string, sc bot.Schedule) error {
	w := toWire(sc)
	w.ScheduleID = id
	body := struct {
		Schedule scheduleWire `json:"schedule"`
	}{w}
	return s.client.postJSON(ctx, "oa/schedule/update", body, nil)
}

// DeleteSchedule removes event id.
func (s *Sender) DeleteSchedule(ctx context.Context, id string) error {
	return s.client.postJSON(ctx, "oa/schedule/del", map[string]string{"schedule_id": id}, nil)
}

var _ bot.Calendar = (*Sender)(nil)
