package intent

// The conversation focus (the case or list the last answer showed) is the
// subject of a message only when the message leans on it: an anaphor (那个
// 案子, 这个, 它, 上面), an ellipsis (呢-fragments, 那…), a pick (第二个) or a
// bare field question with no subject of its own (判了吗, 谁出庭, 整改呢). A
// message that states its own scope (今天, 下周, 一个单位, 整改情况, 逾期的,
// 哪些, 全部, 多少) or is off-topic is answered on its own: a stale case
// applied to it turns a general question into a per-case “没有” read as
// a general one.

// pronounRe is a pronoun for the case spoken of: 它, 这件, 那件, 该案
// (其它 is “other”).
var pronounRe = mustCompile(`(?:^|[^其])它|这件|那件|该案|上面那|刚才那`)

// ownScopeRe is a word by which a message states its own scope: a whole
// set (全部, 所有, 各单位), a question over many (哪些, 哪几, 有多少件, 一共;
// not 案号是多少, which asks a field), or
// a topic's overall state (整改情况, 出庭情况) or lateness (逾期, 超期).
var ownScopeRe = mustCompile(`全部|所有|哪些|哪几|(?:有|共)多少|多少(?:件|个|场|份|起|家|案)|一共|总共|各单位|各个单位|哪个单位|哪家单位|逾期|超期|(?:整改|出庭|开庭|应诉|败诉|结案|收案|整体|总体|全县)情况`)

// RefersBack reports whether a message leans on the conversation's focus
// (see above). u is the message as read on its own.
func RefersBack(u Understanding) bool {
	if u.OffTopic {
		return false
	}
	if u.Reference || u.Ordinal > 0 {
		return true // 那个案子, 它, 第二个
	}
	if u.Scoped || !u.Period.IsZero() || len(u.Agencies) > 0 || u.Agency != "" || u.Party != "" || u.Person != "" || u.Mine != "" ||
		len(u.Numbers) > 0 || u.Short != "" || u.Seq > 0 {
		return false // its own scope
	}
	// 呢, 那…, 判了吗, 整改呢; a word left unread alone (整改交了没) is no
	// subject of its own either.
	return u.FollowUp || u.Aspect != "" || u.Kind == Deadlines || u.Kind == Scope && len(u.Residue) > 0
}
