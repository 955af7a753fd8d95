package privacy

import "strings"

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
var postsAfterSurname = newMatcher(postWords)

var postWords = func() []string {
	var out []string
	for _, w := range officialTitlesAfter {
		switch w {
		case "审判长", "审判员", "书记员", "主席", "会计":
			continue
		}
		out = append(out, w)
	}
	// Posts of a village's and a police station's own (罗支书, 周指导员),
	// and the occupations a person is addressed by, which point to one
	// person within a clinic or a firm as a post does (卢医生, 马大夫,
	// 周护士). 律师 and 老师 are honorifics the name passes read with the
	// surname (王律师 → 王某); 王师傅 stays, as the corpus has it, a form
	// of address shared by many.
	return append(out, "支书", "指导员", "教导员", "医生", "大夫", "医师", "护士", "护士长", "教授", "教练", "工程师", "技术员")
}()

// notSurnameBeforePost are characters of the surname table that, before a
// post, are a word of their own: a modifier (原局长, 代县长, 时任, 常务) or a
// preposition or conjunction (由局长签发, 向所长报告, 和书记, 于局长任内).
var notSurnameBeforePost = newRuneSet("原前代正总常时现该各全任兼由向和于但都及与从同经据将对被给让叫找请问跟把称为是有无非位名两")

// titledSurnames finds a surname right before a post and returns its
// replacement spans. The name passes run first: a full name before a post
// (郑建华副局长) is a name hit, which starts earlier and wins in resolve.
func (a *Anonymizer) titledSurnames(t *text) []span {
	if a.opts.KeepOfficials || !containsAny(t.s, postWords) {
		return nil
	}
	var out []span
	for i := 0; i+1 < t.n(); i++ {
		n := t.match(i+1, postsAfterSurname)
		if n == 0 || !t.han(i) {
			continue
		}
		// 朝鲁书记, 巴特尔嘎查长: a Mongolian, Tibetan or Uyghur name part
		// before the post goes whole, as its first character and 某.
		if p := partBefore(t, i+1); p >= 2 && !t.reservedIn(i+1-p, i+1) && (i+1-p == 0 || !t.han(i-p) || !anyWordAt(t, i-p, i+1-p+1)) {
			out = append(out, span{t.off[i+1-p], t.off[i+1], KindName, string(t.rs[i+1-p]) + "某"})
			i += n
			continue
		}
		if !surnameSet.has(t.rs[i]) || notSurnameBeforePost.has(t.rs[i]) {
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

// A form of address (老马, 小李, 大刘: 老, 小 or 大 and a surname) points to
// one person as 陈所长 does, and goes as the surname and 某 (老马说 → 马某说)
// where the clause says a person: a person's deed or speech follows it
// (personRight), a post follows it (老龙所长), a social or role noun stands
// before it (助理小郝, 邻居老谭, 班组长老贺), or it is coordinated with
// another such form (老周和小钱值班). Once one is proved, the same form
// goes wherever else it stands in the text. The same characters as words
// (老板, 老师, 小区, 小时, 大家, 大队, 老街, 老赖, 大刘村) stay: the
// second character must be a frequent surname, no word may run across the
// form's edges (大范围, 扩大, 最小), and the forms the dictionary holds as
// ordinary words (小钱, 大方, 老牛, 小龙) need speech or a duty after them,
// a role before or a coordinated form.

// addressNotForms are 老/小/大 and a frequent surname written as ordinary
// words (the dictionary's 大于, 小时, 老农…): a form of address only where
// the clause says a person outright.
var addressNotForms = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`大于 大任 大关 大包 大华 大唐 大夏 大宁 大安 大康 大成 大方 大曲 大梁 大段 大江 大熊 大王 大田
		大白 大石 大路 大车 大连 大邱 大钟 大钱 大阳 大陆 大项 大马 大黄 大龙 大谷 大毛 大林 大余 大罗 大师 大时 大米 大门 大区 大公 大雷 大洪 大水 大海 大山 大树 大红 大花 大平 大明 大强 大力 大庆 大雨
		小于 小农 小包 小叶 小孔 小康 小房 小时 小曲 小毛 小牛 小白 小石 小路 小车 小钱 小项 小解 小苏 小苗 小熊 小龙 小童 小区 小师 小米 小门 小年 小金 小马 小花 小红 小明 小强 小平 小海 小山 小雨
		老农 老汤 老牛 老翁 老赖 老路 老方 老师 老家 老年 老公 老区 老门 老于 老时 老成 老化 老石 老屋 老房 老井 老树 老城 老街 老汉 老黄`) {
		m[w] = true
	}
	return m
}()

// addressRoles stand before a form of address besides the social nouns
// (socialNouns): 助理小郝, 班组长老贺.
var addressRoles = []string{"助理", "班组长", "组长", "班长", "领班", "工长", "搭档", "队员", "职工", "工人", "村民", "民警", "辅警", "协警", "店长", "经理", "主管", "学生", "徒弟"}

// addressStrong follow a form that is also a word only when it is a
// person: speech and duty.
var addressStrong = newMatcher([]string{"说", "称", "讲", "证实", "证明", "值班", "负责", "同意", "答应", "表示", "承认", "告诉", "陈述", "签字", "作证", "介绍", "反映"})

// addressDeeds open a person's deed after a form of address that
// personRight does not read (老宋让我…, 大刘上前…, 老贺带着…).
var addressDeeds = newMatcher([]string{"让", "叫", "拿", "砸", "打", "踢", "推", "拉", "去", "来", "带", "找", "把", "被", "给", "跟", "先", "也", "都", "又", "就", "还", "上前", "过来", "动手", "开车", "喝", "骂"})

// addressFormAt reports whether 老/小/大 at j and a frequent surname after
// it are shaped as a form of address, and whether the pair is also an
// ordinary word.
func addressFormAt(t *text, j int) (ok, word bool) {
	if j+2 > t.n() || !strings.ContainsRune("老小大", t.rs[j]) || !t.han(j+1) {
		return false, false
	}
	if r := surnameRank[t.rs[j+1]]; r == 0 || r > 200 {
		return false, false
	}
	if j+2 < t.n() && t.rs[j+2] == '某' || t.reservedIn(j, j+2) {
		return false, false
	}
	// 大范围, 小高层, 扩大, 最小, 大刘村: a word across the form's edges.
	if wordAt(t, j+1, j+3) || wordAt(t, j+1, j+4) || wordAt(t, j, j+3) || wordAt(t, j, j+4) {
		return false, false
	}
	for b := 1; b <= 2 && b <= j && !addressRoleBefore(t, j); b++ {
		if anyWordAt(t, j-b, j+1) || anyWordAt(t, j-b, j+2) || anyWordAt(t, j-b, j+3) {
			return false, false
		}
	}
	// 老王烧烤店, 大刘村: a shop's or a place's name.
	if j+2 < t.n() && strings.ContainsRune("村庄屯寨镇乡街路家氏记店厂", t.rs[j+2]) {
		return false, false
	}
	for k := j + 2; k <= j+4 && k < t.n() && t.han(k) && !strings.ContainsRune(functionChars, t.rs[k]); k++ {
		if orgEndingAt(t, k) || strings.ContainsRune("店馆厂铺", t.rs[k]) {
			return false, false
		}
	}
	return true, addressNotForms[t.str(j, j+2)]
}

// addressRoleBefore reports whether a social or role noun ends at j
// (邻居老谭, 班组长老贺).
func addressRoleBefore(t *text, j int) bool {
	for n := 2; n <= 5 && n <= j; n++ {
		if t.match(j-n, socialMatcher) == n {
			return true
		}
	}
	return hasSuffixAny(t.str(max(0, j-3), j), addressRoles)
}

// addressedSurnames finds forms of address that the clause says are a
// person's and returns their replacement spans.
func (a *Anonymizer) addressedSurnames(t *text) []span {
	if !strings.ContainsAny(t.s, "老小大") {
		return nil
	}
	proved := map[string]bool{}
	var cands []int
	for j := 0; j+2 <= t.n(); j++ {
		if ok, _ := addressFormAt(t, j); ok {
			cands = append(cands, j)
		}
	}
	says := func(j int) bool {
		_, word := addressFormAt(t, j)
		e := j + 2
		if addressRoleBefore(t, j) || e < t.n() && t.match(e, postsAfterSurname) > 0 {
			return true
		}
		if word {
			return e < t.n() && t.match(e, addressStrong) > 0
		}
		return personRight(t, e, true) || e < t.n() && t.match(e, addressDeeds) > 0 || addressFramed(t, j, cands)
	}
	for k, j := range cands {
		if !says(j) {
			continue
		}
		proved[t.str(j, j+2)] = true
		// 老周和小钱值班: the forms coordinated before this one.
		for p := k - 1; p >= 0; p-- {
			q := cands[p]
			if link := t.str(q+2, cands[p+1]); link != "和" && link != "与" && link != "、" && link != "及" {
				break
			}
			proved[t.str(q, q+2)] = true
		}
	}
	if len(proved) == 0 {
		return nil
	}
	var out []span
	for _, j := range cands {
		if f := t.str(j, j+2); proved[f] && (!addressNotForms[f] || says(j) || linkedToProved(t, j, cands, proved)) {
			out = append(out, span{t.off[j], t.off[j+2], KindName, a.surnamePseudonym(string(t.rs[j+1]))})
		}
	}
	return out
}

// linkedToProved reports whether the form at j is coordinated with a
// proved form next to it (老周和小钱).
func linkedToProved(t *text, j int, cands []int, proved map[string]bool) bool {
	for _, q := range cands {
		if q == j || !proved[t.str(q, q+2)] {
			continue
		}
		var link string
		if q < j {
			link = t.str(q+2, j)
		} else {
			link = t.str(j+2, q)
		}
		if link == "和" || link == "与" || link == "、" || link == "及" {
			return true
		}
	}
	return false
}

// addressFrames end a clause's predicate whose complement is a person
// (在场的有老周、小李, 打人的是老钱, 称其父为老周, 村民都叫他小李, 村民称老马).
var addressFrames = []string{"的有", "还有", "是", "为", "叫他", "叫她", "喊他", "喊她", "称", "包括"}

// addressFramed reports whether the form at j, with nothing after it but
// the clause's end or the next form of a list (老周、小李。), completes a
// predicate that only a person completes (addressFrames), itself or
// through the list it stands in. Forms that are also words (老黄, 小明)
// are proved only by a coordinated form (linkedToProved).
func addressFramed(t *text, j int, cands []int) bool {
	linked := func(a, b int) bool {
		l := t.str(a+2, b)
		return l == "和" || l == "与" || l == "、" || l == "及"
	}
	e := j + 2
	end := e >= t.n() || strings.ContainsRune("，。；：、）)”」", t.rs[e])
	k := -1
	for i, q := range cands {
		if q == j {
			k = i
		}
	}
	if k < 0 {
		return false
	}
	if !end && (k+1 >= len(cands) || !linked(j, cands[k+1])) {
		return false
	}
	first := j
	for p := k - 1; p >= 0 && linked(cands[p], first); p-- {
		first = cands[p]
	}
	return hasSuffixAny(t.str(max(0, first-3), first), addressFrames)
}
