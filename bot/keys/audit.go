package keys

// Audit.

// Audit is a stream of who looked at or changed what, capped by
// configuration (audit.max_len).
func (k Keys) Audit() string { return k.p + "stream:audit" }
