package privacy

import (
	"strings"
	"unicode/utf8"
)

// Round 26 (priv26): a person the text names, written later in a record of
// questions or a quoted statement by the given name alone (马福成 …
// “福成说价钱便宜就收了”; 陈海鹰 … 帮海鹰代购, 店是海鹰他爸…传下来的) or as 老
// and the surname (老板林国栋 … 老林只回“再等等”, 上面有老林签的字). Where the
// given name is also a word or its characters are likelier in words, the
// readings of occurrences and aloneParts let it stand; a frame only a
// person fills decides here: what a person says or signs, a relative's
// word, 帮/替 and a deed. 老林家冷面馆, 老王烧烤店 and 老李家中 stay: no such
// frame follows.

// personFrames26 follow a person's name where only a person stands.
var personFrames26 = newMatcher([]string{"说", "讲", "称", "只回", "回复", "回了", "答应", "签的", "签了", "签字", "签名", "喊", "他爸", "他妈", "他老婆", "他媳妇",
	"他儿子", "他女儿", "他哥", "他弟", "他姐", "他妹", "他父亲", "他母亲", "他本人", "她爸", "她妈", "她老公", "她丈夫", "她本人", "本人", "那边", "发消息", "打电话", "发语音"})

// helperBefore26 stand before a person someone acts for: 帮海鹰代购, 替建军
// 签收.
const helperBefore26 = "帮替"

// framedAlone26 returns the places where needle (a registered person's given
// name or 老 and the surname) stands in such a frame.
func framedAlone26(t *text, needle, repl string) []span {
	var out []span
	n := utf8.RuneCountInString(needle)
	t.eachIndex(needle, func(s int) {
		e := s + n
		if t.reservedIn(s, e) {
			return
		}
		helper := s > 0 && strings.ContainsRune(helperBefore26, t.rs[s-1])
		// A clause, a quote or a preposition opens the name; after another
		// character the name may end a word (海鹰 of 雄海鹰) or be another
		// person's given name (陈福成; not so 老林, 后来老林只回): 店是海鹰他爸,
		// 上面有老林签的字 are read.
		if s > 0 && t.han(s-1) && !helper && !strings.ContainsRune(givenPrepositions, t.rs[s-1]) {
			if surnameAt(t, s-1) > 0 && t.rs[s] != '老' {
				return
			}
			if w, ok := t.word(s-1, s+1); ok && w.freq >= 20 {
				return
			}
		}
		if e >= t.n() || !t.han(e) {
			return
		}
		// 他二哥生前和建军一起盖的: a partner in a joint deed (priv28).
		joint := s > 0 && strings.ContainsRune("和与跟同", t.rs[s-1]) && t.match(e, jointDeeds28) > 0
		if t.match(e, personFrames26) == 0 && !joint && !(helper && t.match(e, shopKinds) == 0 && !orgAfterName(t, s, e)) {
			return
		}
		out = append(out, span{t.off[s], t.off[e], KindName, repl})
	})
	return out
}

// framedOccurrences26 finds the given name and the 老-form of a registered
// person in those frames. The given name takes the person's pseudonym
// where one person has it; 老林 becomes 老某 whoever of the family it is.
func (a *Anonymizer) framedOccurrences26(t *text, name, repl string) []span {
	var out []span
	if g := givenName(name); g != "" && !titleWord(g) && a.givenOwner(g) == name {
		out = append(out, framedAlone26(t, g, repl)...)
	}
	if sur := Surname(name); utf8.RuneCountInString(sur) == 1 && allHanString(name) && utf8.RuneCountInString(name) >= 2 {
		out = append(out, framedAlone26(t, "老"+sur, "老某")...)
		out = append(out, homeOfOld30(t, "老"+sur)...) // p30.go
	}
	return out
}
