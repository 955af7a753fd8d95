package keys

// Risk is a set of the numbers of the cases flagged 败诉风险 (重点案件),
// kept with each case write, so the 重点案件 list is one SMEMBERS.
func (k Keys) Risk() string { return k.p + "idx:risk" }
