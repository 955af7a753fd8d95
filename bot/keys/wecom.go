package keys

import (
	"strconv"
	"time"
)

// WeCom transport: the inbox of callbacks, their deduplication, the access
// token, and per-user send slots.

// Inbox is the Redis Stream of accepted callbacks, read by the workers'
// consumer group. Handled entries are acknowledged and deleted, so its
// length is the backlog.
func (k Keys) Inbox() string { return k.p + "wecom:inbox" }

// InboxGroup is the consumer group the workers of every replica share.
const InboxGroup = "workers"

// InboxDead is a stream of callbacks given up on after too many deliveries,
// kept for an operator to read (and redrive) from /admin/inbox.
func (k Keys) InboxDead() string { return k.p + "wecom:inbox-dead" }

// InboxDeadMaxLen caps the dead-letter stream (approximate trim).
const InboxDeadMaxLen = 10000

// Seen marks a callback id (MsgId, or FromUserName+CreateTime+event of an
// event) as taken, for SeenTTL, so WeCom's retries and replays are
// handled once.
func (k Keys) Seen(id string) string { return k.p + "wecom:seen:" + id }

// SeenTTL is the dedupe window of callbacks: as long as a reply's send
// record, and far longer than wecom.max_clock_skew, beyond which a
// callback is refused by its timestamp anyway. A replay is therefore
// refused either way.
const SeenTTL = ReplySentTTL

// AccessToken caches the app's access token (a plain string) for its
// lifetime minus a margin.
func (k Keys) AccessToken(corpID string, agentID int) string {
	return k.p + "wecom:token:" + corpID + ":" + strconv.Itoa(agentID)
}

// SendSlots is a sorted set of the times (Unix ms) at which messages to a
// user were or will be sent, scored by that time; the per-user rate
// limiter queues a message into the first slot both windows allow.
func (k Keys) SendSlots(userID string) string { return k.p + "wecom:slots:" + userID }

// SendSlotsTTL outlives the longest rate window, so idle users' slot sets
// disappear on their own.
const SendSlotsTTL = 2 * time.Hour
