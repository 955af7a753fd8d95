package privacy

import "strings"

// Round 26 (priv26): 老 and a surname is how a record of questions names a
// person its speaker knows (老林只回“再等等”, 上面有老林签的字, 包工头“老彭”，大名
// 彭跃军). As a form of address it guards the default (老张 is no name 张X),
// but where only a person stands — before what a person says or signs
// (personFrames26), or quoted before the person's real name — it names
// them, with or without their full name in the text. 老师说, 老板签的字:
// an everyday word of the dictionary is no such name; 老林家冷面馆 is a shop.

// realNameCues follow a quoted nickname and give the person's real name.
var realNameCues = []string{"，大名", "，真名", "，本名", "，全名", "，原名", "，名叫", "，大号", "，真实姓名"}

// oldSurnameNames reads those spans.
func (d *detector) oldSurnameNames() {
	t := d.t
	t.eachIndex("老", func(s int) {
		e := s + 2
		if e > t.n() || d.taken[s] || d.taken[s+1] || surnameAt(t, s+1) != 1 {
			return
		}
		if r := surnameRank[t.rs[s+1]]; r == 0 || r > 150 {
			return
		}
		// The dictionary holds 老张, 老周, 老杨 as words of their own, seldom
		// seen; 老公, 老师, 老板 and 老人 are everyday words, and 老赖 judges.
		if w, ok := t.word(s, e); ok && w.freq >= 1000 || characterizations[t.str(s, e)] {
			return
		}
		quoted := s > 0 && e < t.n() && strings.ContainsRune("“\"「『", t.rs[s-1]) && strings.ContainsRune("”\"」』", t.rs[e])
		switch {
		case quoted && realNameAfter(t, e+1):
		case quoted:
			return
		case e < t.n() && t.han(e) && t.match(e, personFrames26) > 0:
			// The clause or a preposition opens it, or a word ends before
			// it that is no surname (后来老林只回, 上面有老林签的字).
			if s > 0 && t.han(s-1) && !strings.ContainsRune(givenPrepositions+"有是来", t.rs[s-1]) {
				return
			}
		default:
			return
		}
		d.add(s, e, capPersonal)
	})
}

// realNameAfter reports whether a real name's cue opens the text at i.
func realNameAfter(t *text, i int) bool {
	_, ok := hasPrefixAny(t.rest(i), realNameCues)
	return ok
}
