package keys

import "time"

// Chat queries and updates.

// QueryPage holds a user's last list answer (JSON), so that “更多” shows
// the next page; it expires after QueryPageTTL.
func (k Keys) QueryPage(userID string) string { return k.p + "query:page:" + userID }

// QueryPageTTL is how long “更多” keeps working after a list.
const QueryPageTTL = 30 * time.Minute

// PendingUpdate holds a chat update (JSON) echoed back to its author and
// waiting for 确认; taking it with GETDEL makes applying it one-shot.
func (k Keys) PendingUpdate(token string) string { return k.p + "update:pending:" + token }
