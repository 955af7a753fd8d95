package reminders

import "casebot/bot/workcal"

// The work calendar lives in bot/workcal, where the statutory deadline
// rules (bot/deadline) use it too. These names keep the reminders code
// reading as it did; they are aliases, not copies.
type (
	// Day is a civil date (workcal.Day).
	Day = workcal.Day
	// Clock is a time of day (workcal.Clock).
	Clock = workcal.Clock
	// Calendar says which days are working days (workcal.Calendar).
	Calendar = workcal.Calendar
)

var (
	// DateOf returns the date of an instant in a time zone.
	DateOf = workcal.DateOf
	// ParseDay reads YYYY-MM-DD.
	ParseDay = workcal.ParseDay
	// MustParseDay is ParseDay for literals known to be valid.
	MustParseDay = workcal.MustParseDay
	// ParseClock reads HH:MM.
	ParseClock = workcal.ParseClock
	// BuiltinCalendar is China's 2025–2026 calendar shipped with casebot.
	BuiltinCalendar = workcal.BuiltinCalendar
	// LoadCalendar reads a calendar file; "" is the built-in one.
	LoadCalendar = workcal.LoadCalendar
	// ParseCalendar decodes and checks a calendar file's content.
	ParseCalendar = workcal.ParseCalendar
)
