package keys

import (
	"strconv"
	"time"
)

// Chat queries and updates.

// PendingUpdate holds a chat update (JSON) echoed back to its author and
// waiting for 确认; taking it with GETDEL makes applying it one-shot.
func (k Keys) PendingUpdate(token string) string { return k.p + "update:pending:" + token }

// FieldNews is a list of the pending-update tokens of the news from the
// field (a hearing moved, cancelled) forwarded to a staff member, newest
// first, which their 确认 applies.
func (k Keys) FieldNews(userID string) string { return k.p + "news:pending:" + userID }

// CaseNews is a list of the pending-update tokens of the hearing changes
// reported from the field for one case, newest first: answers about the
// case's hearings mention those still waiting.
func (k Keys) CaseNews(number string) string { return k.p + "news:case:" + number }

// Greeted holds the day a user was last greeted on opening the app, so the
// greeting comes once a day.
func (k Keys) Greeted(userID string) string { return k.p + "greeted:" + userID }

// ChatSpan caches the bulletin's figures over [from, to) (Unix seconds) as
// the ledger was at version (LedgerVersion), for chat's rates: a write
// changes the version, so a stale entry is never read. The v2 segment
// is the encoding's: a span cached before the 应当出庭 counts were added
// would read them as 0.
func (k Keys) ChatSpan(from, to int64, version string) string {
	return k.p + "chat:span:v2:" + strconv.FormatInt(from, 10) + ":" + strconv.FormatInt(to, 10) + ":" + version
}

// ChatSpanTTL bounds how long cached figures are used: hearings that
// start meanwhile count once it passes.
const ChatSpanTTL = 5 * time.Minute
