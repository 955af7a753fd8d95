package keys

import "time"

// Hearing reminders (package reminders).
//
// A hearing is named in reminder keys by a compact ASCII id (hid) instead
// of its ref, whose case number is Chinese: WeCom task ids only take
// [0-9A-Za-z_-@]. An occurrence (occ) is one hearing at one time in one
// epoch — "<hid>-<unix time base 36>-<epoch>" — and everything a reminder
// records hangs off it, so a rescheduled hearing starts afresh.

// RemindHIDs is a hash from hearing ref to its hid.
func (k Keys) RemindHIDs() string { return k.p + "remind:hid" }

// RemindHIDRefs is a hash from hid back to the hearing ref.
func (k Keys) RemindHIDRefs() string { return k.p + "remind:hid-ref" }

// RemindHIDSeq is the counter hids are made from.
func (k Keys) RemindHIDSeq() string { return k.p + "remind:hid-seq" }

// RemindEpochs is a hash from "<hid>:<unix time>" to the epoch of that
// hearing time, bumped when people were told it moved away or was
// cancelled, so that a hearing coming back to that time is reminded again.
func (k Keys) RemindEpochs() string { return k.p + "remind:epoch" }

// RemindTold is a set of the recipients (userids, "chat:<chatid>") told
// about an occurrence: those who get a notice if it moves or is cancelled.
func (k Keys) RemindTold(occ string) string { return k.p + "remind:told:" + occ }

// RemindAck is a hash of what the people reminded answered for an
// occurrence: status, by, at, reason, head.
func (k Keys) RemindAck(occ string) string { return k.p + "remind:ack:" + occ }

// RemindClicks is a list of every button click on an occurrence's cards,
// as JSON, oldest first.
func (k Keys) RemindClicks(occ string) string { return k.p + "remind:clicks:" + occ }

// RemindTask holds, under a card's task_id, what the card was about.
func (k Keys) RemindTask(taskID string) string { return k.p + "remind:task:" + taskID }

// RemindTry holds the failed attempts of one push (sendlog id).
func (k Keys) RemindTry(id string) string { return k.p + "remind:try:" + id }

// RemindCursor is the id of the last hearing-change stream entry fully
// handled.
func (k Keys) RemindCursor() string { return k.p + "remind:changes-cursor" }

// RemindDeadlinesSettled is a hash from "<number>@<kind>" to what the
// reminder sweep knows of that open deadline: every push it had due is in
// the send log, and nothing more can fall due before a given instant
// while its case is stored as it was ("<last day>|<unix until, 0 for
// never>|<case version>"), so sweeps need not decode the case.
// RemindDeadlinesSettledDays scores the same fields by last day
// (yyyymmdd), to drop those out of the sweep's window. digest names what
// those pushes depend on besides the case (the directory, the staff
// destinations, the deadline settings, the calendar): anything else is
// another pair of keys, empty at first.
func (k Keys) RemindDeadlinesSettled(digest string) string {
	return k.p + "remind:dl-settled:" + digest
}

// RemindDeadlinesSettledDays: see RemindDeadlinesSettled.
func (k Keys) RemindDeadlinesSettledDays(digest string) string {
	return k.p + "remind:dl-settled-days:" + digest
}

// Reminder retention.
const (
	// RemindSettledTTL outlives the sweep's window of a settled record
	// last written to (one under an old digest is just left to expire).
	RemindSettledTTL = 30 * 24 * time.Hour
	// RemindTaskTTL keeps a card's task record long enough to answer clicks
	// on it well after the hearing.
	RemindTaskTTL = 30 * 24 * time.Hour
	// RemindRecordTTL keeps told sets, answers and click logs for a year.
	RemindRecordTTL = 400 * 24 * time.Hour
	// RemindTryTTL keeps failure records (and the give-up mark).
	RemindTryTTL = 30 * 24 * time.Hour
	// RemindSentTTL keeps the exactly-once send records.
	RemindSentTTL = 400 * 24 * time.Hour
)

// RemindSchedules is a hash from "<hearing ref>|<userid>" to the WeCom
// calendar event (schedule_id, time, content digest) made for that head.
func (k Keys) RemindSchedules() string { return k.p + "remind:schedules" }

// Personal reminders (提醒我…, 明早九点叫我…): one person asked the bot to
// tell them something at a time of their choosing.

// RemindNotes is a sorted set of the ids of the personal reminders not yet
// cleared, scored by the unix second they are due.
func (k Keys) RemindNotes() string { return k.p + "remind:notes" }

// RemindNoteData is a hash from a personal reminder's id to the reminder
// as JSON (who, what, when, asked when).
func (k Keys) RemindNoteData() string { return k.p + "remind:note-data" }

// RemindNoteSeq is the counter personal reminder ids are made from.
func (k Keys) RemindNoteSeq() string { return k.p + "remind:note-seq" }
