// Package keys builds every Redis key casebot uses, so that the whole key
// space can be read in one place and no two features collide.
//
// All keys share one hash tag, {prefix}, so they live in one Redis Cluster
// slot: a case and its index entries are written in one MULTI/EXEC, which
// Cluster only allows within a slot. A bureau's ledger is small enough that
// one slot is no constraint.
package keys

import (
	"strconv"
	"time"
)

// Keys builds keys under one prefix (config redis.prefix).
type Keys struct{ p string }

// New returns the key builder for prefix.
func New(prefix string) Keys { return Keys{p: "{" + prefix + "}:"} }

// Pattern matches every key under the prefix (for tests and tools).
func (k Keys) Pattern() string { return k.p + "*" }

// Cases: the ledger.

// Case holds one case as JSON, under its normalized number.
func (k Keys) Case(number string) string { return k.p + "case:" + number }

// AllCases is a sorted set of every case number, all scored 0 so that
// ZRANGEBYLEX serves prefix searches on numbers.
func (k Keys) AllCases() string { return k.p + "idx:cases" }

// OpenCases is a set of the numbers of cases not yet closed.
func (k Keys) OpenCases() string { return k.p + "idx:open" }

// Hearings is a sorted set of active hearing refs (number#id) scored by
// start time in Unix seconds.
func (k Keys) Hearings() string { return k.p + "idx:hearings" }

// AgencyCases is a sorted set of an agency's case numbers, scored by filing
// time in Unix seconds.
func (k Keys) AgencyCases(agency string) string { return k.p + "idx:agency:" + agency }

// Agencies is a set of every agency that is a defendant in some case.
func (k Keys) Agencies() string { return k.p + "idx:agencies" }

// Closed is a sorted set of closed case numbers scored by closing time.
func (k Keys) Closed() string { return k.p + "idx:closed" }

// Filed is a sorted set of case numbers scored by filing time.
func (k Keys) Filed() string { return k.p + "idx:filed" }

// PartyCases is a set of the numbers of cases where name is a party.
func (k Keys) PartyCases(name string) string { return k.p + "idx:party:" + name }

// PartyNames is a sorted set of every party name, scored 0, for prefix search.
func (k Keys) PartyNames() string { return k.p + "idx:parties" }

// HearingChanges is a stream of hearing reschedules and cancellations,
// appended in the same transaction as the case, for reminders to act on.
func (k Keys) HearingChanges() string { return k.p + "stream:hearing-changes" }

// HearingChangesMaxLen caps the hearing-change stream (approximate trim).
const HearingChangesMaxLen = 100000

// Imports: undo snapshots.

// ImportUndo is a list of snapshot ids, newest first.
func (k Keys) ImportUndo() string { return k.p + "import:undo" }

// ImportSnapshot holds the state of the cases an import touched, before it.
func (k Keys) ImportSnapshot(id string) string { return k.p + "import:snapshot:" + id }

// ImportSnapshotChunk holds part n (from 0) of the undo snapshot of an
// import written in batches: the state before it of one batch's cases.
func (k Keys) ImportSnapshotChunk(id string, n int) string {
	return k.p + "import:snapshot:" + id + ":" + strconv.Itoa(n)
}

// ImportUndoDepth is how many imports can be undone, newest first.
const ImportUndoDepth = 10

// ImportSnapshotTTL is how long an undo snapshot is kept.
const ImportSnapshotTTL = 90 * 24 * time.Hour

// People: the directory.

// Person holds one directory entry as JSON, under the WeCom userid.
func (k Keys) Person(userID string) string { return k.p + "person:" + userID }

// People is a set of every userid in the directory.
func (k Keys) People() string { return k.p + "idx:people" }

// AgencyPeople is a set of the userids of an agency's people.
func (k Keys) AgencyPeople(agency string) string { return k.p + "idx:agency-people:" + agency }

// RolePeople is a set of the userids holding a role.
func (k Keys) RolePeople(role string) string { return k.p + "idx:role-people:" + role }

// NamePeople is a set of the userids of the directory's people with a name
// (two people may share one), so that scope can tell whether a name the
// ledger writes is one person's.
func (k Keys) NamePeople(name string) string { return k.p + "idx:name-people:" + name }

// Conversations.

// Await holds the question the bot is waiting for a user to answer, as a
// hash {name, data}, expiring after bot.AwaitTTL.
func (k Keys) Await(userID string) string { return k.p + "await:" + userID }

// Conversation is a hash of a user's conversation memory (bot.Memory):
// one JSON entry per name, each stamped with when it was written.
func (k Keys) Conversation(userID string) string { return k.p + "conv:" + userID }

// Exactly-once pushes and locks.

// SendDone records that push id of namespace ns (reminder, bulletin...) was
// accepted by WeCom; the n-th API call of a push is recorded as "id:n".
func (k Keys) SendDone(ns, id string) string { return k.p + "sent:" + ns + ":" + id }

// SendClaim is the lease a sender holds on push id while sending it: the
// owner's name, expiring after the claim TTL unless renewed.
func (k Keys) SendClaim(ns, id string) string { return k.p + "claim:" + ns + ":" + id }

// SendAttempt keeps the request of one API call of a push whose outcome
// is not known yet (sent, no answer), so that the call is resolved by
// sending exactly the same request again (WeCom's duplicate check).
func (k Keys) SendAttempt(ns, id string) string { return k.p + "attempt:" + ns + ":" + id }

// SendFingerprint maps the digest of a request sent with WeCom's duplicate
// check on to the push part that sent it, for the check's interval: a
// different push whose request is byte for byte the same (the same text
// to the same person) is sent with the check off, or WeCom would drop it.
func (k Keys) SendFingerprint(digest string) string { return k.p + "fp:" + digest }

// Alive is the presence of a process (its consumer name): refreshed by its
// heartbeat, gone within seconds of the process dying, so the stream
// entries and send claims it held are taken over at once.
func (k Keys) Alive(name string) string { return k.p + "alive:" + name }

// SendRecordTTL is how long the record of an accepted push of namespace ns
// is kept, which is how long it is guaranteed not to be sent again. A new
// kind of push adds its namespace here.
func SendRecordTTL(ns string) time.Duration {
	switch ns {
	case RemindSendNS:
		return RemindSentTTL
	case BulletinSendNS:
		return BulletinSentTTL
	case ExplainSendNS:
		return ExplainSentTTL
	case ReplySendNS:
		return ReplySentTTL
	case AppSendNS:
		return AppSentTTL
	}
	return DefaultSentTTL
}

// Send-log namespaces.
const (
	// ReplySendNS holds replies to inbox messages ("reply:<msg>:<n>", the
	// n-th push of the handler) and the apologies of given-up messages.
	ReplySendNS = "wecom"
	// RemindSendNS holds hearing reminders, notices and reports.
	RemindSendNS = "reminder"
	// ExplainSendNS holds 以案说法 drafts ("<job>:<part>").
	ExplainSendNS = "explain"
	// AppSendNS holds the pushes the app page makes (handlers/webapp): an
	// import's or an attachment's result in chat ("import:<token>:<n>",
	// "decision:<token>:<n>"), a ledger exported from the page
	// ("export:<user>:<form>:<n>").
	AppSendNS = "app"
)

const (
	// ReplySentTTL outlives any redelivery of an inbox message; the
	// callback dedupe window (WeComSeenTTL) is as long, so a message whose
	// reply is remembered is also remembered as taken.
	ReplySentTTL = 7 * 24 * time.Hour
	// AppSentTTL outlives any repeat of a page's request (a double tap, a
	// reload, a retry): the upload behind it lives app.upload_ttl, hours at
	// the most.
	AppSentTTL = 7 * 24 * time.Hour
	// ExplainSentTTL keeps draft deliveries for a month.
	ExplainSentTTL = 30 * 24 * time.Hour
	// DefaultSentTTL is the retention of namespaces not listed above.
	DefaultSentTTL = 400 * 24 * time.Hour
)

// Lock is a named lease held by one replica at a time (e.g. "sweep").
func (k Keys) Lock(name string) string { return k.p + "lock:" + name }

// Removed holds, for the undo snapshot id, a key of a deleted case (its
// decision, its drafts, their reviews) moved aside until the snapshot
// expires, so that undoing the deletion moves it back.
func (k Keys) Removed(id, key string) string { return k.p + "import:removed:" + id + ":" + key }

// CaseAttachments are the keys holding what hangs off case number beside
// its indexes: the attached decision (and its anonymized text), the 以案说法
// drafts and their reviews, the 整改 report's files. Deleting the case
// removes them with it.
func (k Keys) CaseAttachments(number string) []string {
	return []string{k.Decision(number), k.DecisionAnonymized(number), k.ExplainDrafts(number), k.ExplainReview(number), k.RectifyFiles(number)}
}

// RectifyFiles is a hash of the files of case number's 整改 report
// uploaded on the app page: field "<sha256>" holds a file's bytes,
// "<sha256>.text" the text read from it. The case record lists them
// (cases.Rectification.Files); a file a later upload replaced is removed.
func (k Keys) RectifyFiles(number string) string { return k.p + "rectify:files:" + number }

// AgencySpellings is a hash of the other spellings of agencies: field =
// the spelling written (in a ledger, or merged away), value = the name the
// ledger uses. Imports read it to record a spelling under its agency.
func (k Keys) AgencySpellings() string { return k.p + "idx:agency-spellings" }

// PartyStems is a sorted set, scored 0, of "stem\x00name" for every
// organisation party: each run of two or more characters of its name
// without the legal form (建材, 某某建材 for 某某建材有限公司), so that the
// way people shorten it (那个建材公司) is found by prefix search.
func (k Keys) PartyStems() string { return k.p + "idx:party-stems" }

// PartyStemIndexVersion marks a ledger whose PartyStems were rebuilt from
// the stored cases (store.Reindex); writes keep them afterwards.
func (k Keys) PartyStemIndexVersion() string { return k.p + "idx:party-stems:version" }
