package bot

import (
	"context"
	"time"
)

// Schedule is an event in the WeCom calendar (日程) of its attendees.
type Schedule struct {
	// Admins may edit it (at most 3, among the attendees).
	Admins    []string
	Attendees []string
	Start     time.Time
	End       time.Time
	Summary   string
	// Description is at most 1000 characters; Location at most 128.
	Description string
	Location    string
	// RemindBefore is WeCom's own reminder, before the start; 0 is none.
	// WeCom takes 0 (at the start), 5 min, 15 min, 1 h, 1 day, 3 days, 1 week.
	RemindBefore time.Duration
}

// Calendar adds, changes and removes events in the WeCom calendar
// (oa/schedule/add, oa/schedule/update, oa/schedule/del).
type Calendar interface {
	AddSchedule(ctx context.Context, s Schedule) (id string, err error)
	UpdateSchedule(ctx context.Context, id string, s Schedule) error
	DeleteSchedule(ctx context.Context, id string) error
}
