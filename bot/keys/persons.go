package keys

// Cases by the people named in them.

// PersonCases is a set of the numbers of cases that name person as their
// 承办人 or as the 出庭负责人 of one of their hearings, exactly as the ledger
// writes the name.
func (k Keys) PersonCases(name string) string { return k.p + "idx:person:" + name }

// PersonNames is a sorted set of every such name, scored 0, so that names
// can be found by prefix in what a user wrote (林涛要出几次庭).
func (k Keys) PersonNames() string { return k.p + "idx:persons" }

// PersonIndexVersion marks a ledger whose PersonCases sets were rebuilt
// from the stored cases (store.Reindex); writes keep them afterwards.
func (k Keys) PersonIndexVersion() string { return k.p + "idx:person:version" }
