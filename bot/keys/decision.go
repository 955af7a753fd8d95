package keys

import "time"

// Decisions (裁判文书, 复议决定书) attached to cases.

// Decision holds the text of the decision attached to a case, as JSON,
// with the file's name, format, size and SHA-256. The file itself is not
// kept (see bot/decision).
func (k Keys) Decision(number string) string { return k.p + "decision:" + number }

// DecisionAnonymized holds, beside the decision of a case, its text as it
// leaves the bureau (case numbers masked, anonymized) with what the
// anonymizer found, as JSON under a digest of every input (bot/explain):
// made once, not for every draft. Replacing the decision deletes it.
func (k Keys) DecisionAnonymized(number string) string { return k.p + "decision:anonymized:" + number }

// DecisionAnonymizedMaxBytes caps what is kept under DecisionAnonymized: a
// longer decision (several times a 30-page judgment) is anonymized for
// each draft instead.
const DecisionAnonymizedMaxBytes = 4 << 20

// DecisionPending holds a file a user sent that is read and matched but
// waits for them to confirm the case (or choose one), as JSON.
func (k Keys) DecisionPending(userID string) string { return k.p + "decision:pending:" + userID }

// DecisionPendingTTL is how long a file waits for that confirmation.
const DecisionPendingTTL = 30 * time.Minute
