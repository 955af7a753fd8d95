package keys

// Chat queries and updates.

// PendingUpdate holds a chat update (JSON) echoed back to its author and
// waiting for 确认; taking it with GETDEL makes applying it one-shot.
func (k Keys) PendingUpdate(token string) string { return k.p + "update:pending:" + token }

// FieldNews is a list of the pending-update tokens of the news from the
// field (a hearing moved, cancelled) forwarded to a staff member, newest
// first, which their 确认 applies.
func (k Keys) FieldNews(userID string) string { return k.p + "news:pending:" + userID }

// Greeted holds the day a user was last greeted on opening the app, so the
// greeting comes once a day.
func (k Keys) Greeted(userID string) string { return k.p + "greeted:" + userID }
