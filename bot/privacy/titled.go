package privacy

// A surname and a post (邹副局长, 陈所长, 刘队长, 王书记, 李主任) point to
// one person as the name does: within an agency, a township or a village
// there is one 陈所长. The surname keeps its 某 (邹某副局长, as 邹某 would
// stand for the name), or the pseudonym of the one person of that surname
// the document names (郑建华 → 郑某, so 郑副局长 → 郑某副局长). A post with
// no surname before it (局长办公会, 副局长某某, 时任局长, 班主任) stays.

// postsAfterSurname are the posts read after a surname: the officials'
// titles, without the judges' (a 审判长 is named in full) and the words
// that are posts only sometimes (主席 as in a historic figure, 会计 as in
// accounting).
var postsAfterSurname = newMatcher(func() []string {
	var out []string
	for _, w := range officialTitlesAfter {
		switch w {
		case "审判长", "审判员", "书记员", "主席", "会计":
			continue
		}
		out = append(out, w)
	}
	// Posts of a village's and a police station's own (罗支书, 周指导员).
	return append(out, "支书", "指导员", "教导员")
}())

// notSurnameBeforePost are characters of the surname table that, before a
// post, are a word of their own: a modifier (原局长, 代县长, 时任, 常务) or a
// preposition or conjunction (由局长签发, 向所长报告, 和书记, 于局长任内).
var notSurnameBeforePost = newRuneSet("原前代正总常时现该各全任兼由向和于但都及与从同经据将对被给让叫找请问跟把称为是有无非位名两")

// titledSurnames finds a surname right before a post and returns its
// replacement spans. The name passes run first: a full name before a post
// (郑建华副局长) is a name hit, which starts earlier and wins in resolve.
func (a *Anonymizer) titledSurnames(t *text) []span {
	if a.opts.KeepOfficials || !containsAny(t.s, officialTitlesAfter) {
		return nil
	}
	var out []span
	for i := 0; i+1 < t.n(); i++ {
		n := t.match(i+1, postsAfterSurname)
		if n == 0 || !t.han(i) || !surnameSet.has(t.rs[i]) || notSurnameBeforePost.has(t.rs[i]) {
			continue
		}
		// 书记员 is the court's clerk, 主任科员 a rank: still a person, but
		// 文书记录, 史书记载, 全局长远, 班主任 are words.
		// The post's last character may open a word instead (贡江镇长征路:
		// 镇 ends a town's name and 长征 is the road's).
		if wordAt(t, i, i+2) || wordAt(t, i, i+3) || i > 0 && wordAt(t, i-1, i+1) || wordAt(t, i+n, i+n+2) {
			continue
		}
		// A masked name before the post (冉某副局长) or a name's last
		// character (张建华副局长, read by the name passes).
		if i > 0 && t.rs[i-1] == '某' || t.reservedIn(i, i+1) {
			continue
		}
		sur := string(t.rs[i])
		out = append(out, span{t.off[i], t.off[i+1], KindName, a.surnamePseudonym(sur)})
		i += n
	}
	return out
}

// surnamePseudonym returns what a surname alone before a post becomes:
// the pseudonym of the one registered person of that surname, else the
// surname and 某.
func (a *Anonymizer) surnamePseudonym(sur string) string {
	found := ""
	for _, p := range a.order {
		if Surname(p.name) != sur || a.kept(p.name) {
			continue
		}
		if found != "" {
			return sur + "某" // two of them: which one is not said
		}
		found = a.pseudo[p.name]
	}
	if found == "" {
		return sur + "某"
	}
	return found
}
