package keys

// Closed cases by 结案方式.

// ClosedOutcome is a sorted set of the numbers of closed cases of one kind
// (行政诉讼, 行政复议...) whose canonical 结案方式 is outcome, scored by
// closing time in Unix seconds. The kind is part of the key because the
// vocabularies share words (调解 closes both a lawsuit and a
// reconsideration) that count differently.
func (k Keys) ClosedOutcome(kind, outcome string) string {
	return k.p + "idx:closed-outcome:" + kind + ":" + outcome
}

// OutcomeIndexVersion marks a ledger whose ClosedOutcome sets were rebuilt
// from the stored cases (store.ReindexOutcomes). Every write keeps them up
// to date afterwards; a ledger written before the index existed lacks the
// marker and gets rebuilt once at start.
func (k Keys) OutcomeIndexVersion() string { return k.p + "idx:closed-outcome:version" }
