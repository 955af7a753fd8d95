package keys

// LedgerVersion is a counter incremented by every transaction that writes
// or deletes a case. A batch too large to WATCH case by case (an import of
// thousands of rows) WATCHes this one key instead: any case written by
// anyone meanwhile changes it, so the batch retries on fresh data.
func (k Keys) LedgerVersion() string { return k.p + "ledger:version" }
