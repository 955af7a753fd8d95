package keys

// Open statutory deadlines (bot/deadline).

// Deadlines is a sorted set of the numbers of the cases whose deadline of
// kind (deadline.Kind: answer, reply, appeal…) is open, scored by its last
// day written yyyymmdd (20261218), so that “due this week” and “overdue”
// are one ZRANGEBYSCORE each. A case has at most one deadline of a kind.
func (k Keys) Deadlines(kind string) string { return k.p + "idx:deadline:" + kind }

// DeadlineIndexVersion marks a ledger whose Deadlines sets were rebuilt
// from the stored cases under the rules named by fingerprint
// (deadline.Rules.Fingerprint: rules version, work calendar, time zone,
// local periods). Writes keep the sets afterwards; a ledger written before
// the index existed, or under other rules (a new calendar file), lacks the
// marker of the current rules and is rebuilt once at start.
func (k Keys) DeadlineIndexVersion(fingerprint string) string {
	return k.p + "idx:deadline-version:" + fingerprint
}
