package keys

// Cases by the 司法建议 and 检察建议 they drew.

// Suggested is a sorted set of the numbers of the cases that drew a
// suggestion of kind (司法建议, 检察建议), scored by the day it was received
// in Unix seconds.
func (k Keys) Suggested(kind string) string { return k.p + "idx:suggested:" + kind }

// SuggestionIndexVersion marks a ledger whose Suggested sets were rebuilt
// from the stored cases (store.ReindexSuggestions); every write keeps them
// up to date afterwards.
func (k Keys) SuggestionIndexVersion() string { return k.p + "idx:suggested:version" }
