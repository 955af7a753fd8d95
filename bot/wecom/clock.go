package wecom

import "casebot/bot/clock"

// Clock is the time source of the sender: when a rate-limit slot comes, how
// long to back off. Tests inject a fake whose Sleep advances time at once.
type Clock = clock.Clock

// RealClock is the wall clock (clock.Real, kept under this name for the
// sender's callers).
type RealClock = clock.Real
