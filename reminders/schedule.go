package reminders

import (
	"fmt"
	"time"

	"casebot/config"
)

// Kind names what a push is. The values are what `casebot remind --json`
// prints and part of every send-log id, so they never change.
type Kind string

const (
	// DayBefore is the reminder at before_at, before_days before the hearing.
	DayBefore Kind = "day_before"
	// WorkdayBefore is the extra reminder at before_at on the last working
	// day before that day, when that day is not a working day.
	WorkdayBefore Kind = "workday_before"
	// DayOf is the reminder at day_of_at on the hearing day.
	DayOf Kind = "day_of"
	// Escalation lists a hearing nobody confirmed to the 专班 chat and staff.
	Escalation Kind = "escalation"
	// Attendance asks the 承办人, after the hearing, whether the head appeared.
	Attendance Kind = "attendance"
	// Rescheduled and Cancelled tell those already reminded of a change.
	Rescheduled Kind = "rescheduled"
	Cancelled   Kind = "cancelled"
	// Missing reports to staff the people a hearing's reminders could not
	// reach: a named head or an agency's head or 承办人 not in the directory.
	Missing Kind = "missing_recipient"
	// Failed reports to staff a push that failed on every attempt.
	Failed Kind = "send_failed"
)

// reminderKind reports whether k is one of the reminder cards to heads and
// 承办人 (not a report to staff, not a notice).
func (k Kind) reminder() bool { return k == DayBefore || k == WorkdayBefore || k == DayOf }

// Label is the kind as users read it.
func (k Kind) Label() string {
	switch k {
	case DayBefore:
		return "开庭前提醒"
	case WorkdayBefore:
		return "节假日前提醒"
	case DayOf:
		return "开庭当天提醒"
	case Escalation:
		return "未确认出庭汇总"
	case Attendance:
		return "出庭情况登记"
	case Rescheduled:
		return "改期通知"
	case Cancelled:
		return "取消通知"
	case Missing:
		return "提醒对象缺失报告"
	case Failed:
		return "发送失败报告"
	case DeadlineReminder:
		return "期限提醒"
	case DeadlineEscalation:
		return "期限预警"
	case DeadlineMissing:
		return "期限提醒对象缺失报告"
	case RectifyRequest:
		return "整改报告通知"
	case RectifyReview:
		return "整改报告审核通知"
	case RectifyFile:
		return "整改报告文件"
	case RiskAlert:
		return "败诉风险预警"
	case PersonalNote:
		return "个人提醒"
	}
	return string(k)
}

// Slot is one scheduled reminder of a hearing.
type Slot struct {
	Kind Kind
	Due  time.Time
}

// Schedule turns a hearing time into the times it is reminded at. It is
// pure: a function of the configuration and the work calendar.
type Schedule struct {
	Cal           *Calendar
	Loc           *time.Location
	BeforeDays    int
	BeforeAt      *Clock // nil: no day-before reminder
	WorkdayBefore bool
	DayOfAt       *Clock // nil: no reminder on the day
	EscalateAt    *Clock // nil: no escalation
	// AttendanceAfter (0: never) and AttendanceWithin, see config.Reminders.
	AttendanceAfter  time.Duration
	AttendanceWithin time.Duration
}

// NewSchedule checks the configuration and builds the schedule; errors name
// the key to fix.
func NewSchedule(cfg config.Reminders, cal *Calendar, loc *time.Location) (Schedule, error) {
	s := Schedule{Cal: cal, Loc: loc, BeforeDays: cfg.BeforeDays, WorkdayBefore: cfg.WorkdayBefore,
		AttendanceAfter: cfg.AttendanceAfter, AttendanceWithin: cfg.AttendanceWithin}
	clock := func(key, v string) (*Clock, error) {
		if v == "" {
			return nil, nil
		}
		c, err := ParseClock(v)
		if err != nil {
			return nil, fmt.Errorf("配置 reminders.%s：%w", key, err)
		}
		return &c, nil
	}
	var err error
	if s.BeforeAt, err = clock("before_at", cfg.BeforeAt); err != nil {
		return s, err
	}
	if s.DayOfAt, err = clock("day_of_at", cfg.DayOfAt); err != nil {
		return s, err
	}
	if s.EscalateAt, err = clock("escalate_at", cfg.EscalateAt); err != nil {
		return s, err
	}
	if cfg.BeforeDays < 1 || cfg.BeforeDays > 30 {
		return s, fmt.Errorf("配置 reminders.before_days=%d 应在 1 到 30 之间", cfg.BeforeDays)
	}
	if cfg.AttendanceAfter < 0 || cfg.AttendanceWithin < cfg.AttendanceAfter {
		return s, fmt.Errorf("配置 reminders.attendance_after（%s）不能为负，且不能大于 reminders.attendance_within（%s）",
			cfg.AttendanceAfter, cfg.AttendanceWithin)
	}
	return s, nil
}

// Slots returns the reminders of a hearing at `at`, in time order. A slot
// at or after the hearing's start is dropped, and of two slots at the same
// instant (the last working day is the day before) only the first is kept.
func (s Schedule) Slots(at time.Time) []Slot {
	var out []Slot
	add := func(k Kind, due time.Time) {
		if !due.Before(at) {
			return
		}
		for _, o := range out {
			if o.Due.Equal(due) {
				return
			}
		}
		out = append(out, Slot{k, due})
	}
	day := DateOf(at, s.Loc)
	if s.BeforeAt != nil {
		before := day.AddDays(-s.BeforeDays)
		if s.WorkdayBefore && !s.Cal.Workday(before) {
			add(WorkdayBefore, s.Cal.LastWorkdayBefore(before).At(*s.BeforeAt, s.Loc))
		}
		add(DayBefore, before.At(*s.BeforeAt, s.Loc))
	}
	if s.DayOfAt != nil {
		add(DayOf, day.At(*s.DayOfAt, s.Loc))
	}
	sortSlots(out)
	return out
}

func sortSlots(ss []Slot) {
	for i := 1; i < len(ss); i++ {
		for j := i; j > 0 && ss[j].Due.Before(ss[j-1].Due); j-- {
			ss[j], ss[j-1] = ss[j-1], ss[j]
		}
	}
}

// EscalationDue returns when a hearing at `at` nobody confirmed is
// escalated: escalate_at on the day of the day-before reminder, if that is
// before the hearing.
func (s Schedule) EscalationDue(at time.Time) (time.Time, bool) {
	if s.EscalateAt == nil {
		return time.Time{}, false
	}
	due := DateOf(at, s.Loc).AddDays(-s.BeforeDays).At(*s.EscalateAt, s.Loc)
	return due, due.Before(at)
}

// First returns the earliest due time of a hearing at `at` (its first
// reminder), or the hearing time when it has no reminder.
func (s Schedule) First(at time.Time) time.Time {
	first := at
	for _, sl := range s.Slots(at) {
		if sl.Due.Before(first) {
			first = sl.Due
		}
	}
	if due, ok := s.EscalationDue(at); ok && due.Before(first) {
		first = due
	}
	return first
}

// Horizon returns the end of the window of hearings that can have anything
// due at now: hearings starting on or after the returned instant have no
// reminder due yet. The earliest reminder of a hearing day never moves back
// as the day moves forward, so the walk stops at the first day with nothing
// due.
func (s Schedule) Horizon(now time.Time) time.Time {
	day := DateOf(now, s.Loc)
	// A day is bounded by its first minute: the earliest slot of any
	// hearing that day is the one of a hearing at 23:59 at the latest, and
	// no later than that of the day after.
	for i := 0; i < 400; i++ {
		d := day.AddDays(i + 1)
		if s.First(d.At(Clock{Hour: 23, Minute: 59}, s.Loc)).After(now) {
			return d.At(Clock{}, s.Loc)
		}
	}
	return day.AddDays(401).At(Clock{}, s.Loc)
}
