package keys

import "time"

// Bulletins.

// BulletinSendNS is the send-log namespace of bulletin pushes (see
// SendDone): ids are "<month>|<recipient>" for a recipient that got the
// whole bulletin and "<month>|<recipient>|<n>" for its n-th message, the
// recipient written "chat:<chatid>" or "user:<userid>".
const BulletinSendNS = "bulletin"

// BulletinEdition holds the edition of a month's bulletin as first pushed
// (its markdown parts and chart), so that every recipient, and every retry,
// gets the same text even if the ledger changes meanwhile.
func (k Keys) BulletinEdition(month string) string { return k.p + "bulletin:edition:" + month }

// BulletinEditionTTL is how long a pushed edition is kept; it outlives any
// catch-up window, after which no push of the month is made anyway.
const BulletinEditionTTL = 400 * 24 * time.Hour

// BulletinSentTTL is how long a bulletin push is remembered as done.
const BulletinSentTTL = 400 * 24 * time.Hour
