package keys

import "time"

// Decisions (裁判文书, 复议决定书) attached to cases.

// Decision holds the text of the decision attached to a case, as JSON,
// with the file's name, format, size and SHA-256. The file itself is not
// kept (see bot/decision).
func (k Keys) Decision(number string) string { return k.p + "decision:" + number }

// DecisionPending holds a file a user sent that is read and matched but
// waits for them to confirm the case (or choose one), as JSON.
func (k Keys) DecisionPending(userID string) string { return k.p + "decision:pending:" + userID }

// DecisionPendingTTL is how long a file waits for that confirmation.
const DecisionPendingTTL = 30 * time.Minute
