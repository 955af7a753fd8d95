package config

import "time"

// Reminders configures the hearing reminders to agency heads (see README,
// "Hearing reminders"). Times of day are "HH:MM" in the configured time zone.
type Reminders struct {
	// Enabled turns the scheduled sweeps on. If false, nothing is sent on
	// a schedule; `casebot remind --dry-run` still shows what would be.
	Enabled bool `mapstructure:"enabled"`
	// BeforeDays is how many calendar days before the hearing day the first
	// reminder goes out (1: the day before).
	BeforeDays int `mapstructure:"before_days"`
	// BeforeAt is the time of that reminder. Empty disables it.
	BeforeAt string `mapstructure:"before_at"`
	// WorkdayBefore adds a reminder at BeforeAt on the last working day
	// before that day when that day is not a working day (a Monday hearing
	// is also reminded on Friday; a hearing after a holiday block on the
	// last working day before the block).
	WorkdayBefore bool `mapstructure:"workday_before"`
	// DayOfAt is the time of the reminder on the hearing day. Empty
	// disables it; it is skipped for hearings starting before it.
	DayOfAt string `mapstructure:"day_of_at"`
	// EscalateAt is when, on the day of the day-before reminder (before_days
	// before the hearing), hearings nobody confirmed are listed to the 专班
	// group chat and the bureau staff. Empty disables escalation.
	EscalateAt string `mapstructure:"escalate_at"`
	// AttendanceAfter is how long after a hearing starts the 承办人 is asked
	// whether the head appeared. 0 disables the question.
	AttendanceAfter time.Duration `mapstructure:"attendance_after"`
	// AttendanceWithin bounds the catch-up of that question: hearings that
	// started longer ago than this are not asked about (so a first start on
	// an old ledger does not ask about years of hearings).
	AttendanceWithin time.Duration `mapstructure:"attendance_within"`
	// StaffChat is the chatid of the 专班 WeCom group chat (an appchat the
	// app created) that gets escalations and problem reports, besides every
	// directory person with the staff role.
	StaffChat string `mapstructure:"staff_chat"`
	// CalendarEvents puts each hearing in the WeCom calendar (日程) of the
	// reminded heads, with the 承办人 as attendees, and keeps it following
	// reschedules and cancellations.
	CalendarEvents bool `mapstructure:"calendar_events"`
	// Calendar is a work-calendar file replacing the built-in one (China's
	// 2025–2026 holidays and make-up working days), in the same JSON form.
	Calendar string `mapstructure:"calendar"`
	// Sweep is the cron schedule of sweeps (standard five fields, in the
	// configured time zone).
	Sweep string `mapstructure:"sweep"`
	// MaxAttempts is how many times a failing send is tried before it is
	// reported to staff.
	MaxAttempts int `mapstructure:"max_attempts"`
	// RetryBackoff is the wait after the first failure; it doubles after
	// each further failure.
	RetryBackoff time.Duration `mapstructure:"retry_backoff"`
	// PersonalMorning, PersonalAfternoon and PersonalEvening are the times
	// a personal reminder (下周一早上提醒我…) is set for when the asker names
	// a part of the day (早上, 下午, 晚上) or only a day, not a time.
	PersonalMorning   string `mapstructure:"personal_morning"`
	PersonalAfternoon string `mapstructure:"personal_afternoon"`
	PersonalEvening   string `mapstructure:"personal_evening"`
}

func defaultReminders() Reminders {
	return Reminders{
		Enabled:          true,
		BeforeDays:       1,
		BeforeAt:         "16:00",
		WorkdayBefore:    true,
		DayOfAt:          "08:00",
		EscalateAt:       "18:00",
		AttendanceAfter:  2 * time.Hour,
		AttendanceWithin: 72 * time.Hour,
		Sweep:            "*/5 * * * *",
		MaxAttempts:      4,
		RetryBackoff:     5 * time.Minute,
		// Office hours: the start of the working morning and afternoon.
		PersonalMorning:   "09:00",
		PersonalAfternoon: "14:30",
		PersonalEvening:   "19:00",
	}
}
