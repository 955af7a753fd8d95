package privacy

import "strings"

// Round 29 (priv29): a nickname set in quotes right before the name it
// belongs to (司机“二楞子”刘海军), a pseudonym the writer marks as one
// (患儿小宇（化名）), a modal 应 after a party (被上诉人应信守承诺: the party
// should keep a promise, no 应 is named) and a place before a public
// facility (石井停车场, 钟落潭收费站).

// appositiveNicknames reads a quote of two to four Han characters set
// right before a person's name (司机“二楞子”刘海军, 村民“黑皮”王建军): a
// nickname in apposition to the name, which goes with it. A dictionary
// word in quotes (签订“补充协议”) is read only where it is shaped as a
// nickname or a person's noun stands before it.
func (d *detector) appositiveNicknames() {
	t := d.t
	if !strings.ContainsAny(t.s, "“「\"") {
		return
	}
	for i := 0; i+4 < t.n(); i++ {
		if !strings.ContainsRune("“「\"", t.rs[i]) {
			continue
		}
		e := i + 1
		for e < t.n() && t.han(e) && e-i <= 5 {
			e++
		}
		if n := e - i - 1; n < 2 || n > 4 || e+1 >= t.n() || !strings.ContainsRune("”」\"", t.rs[e]) {
			continue
		}
		s := i + 1
		if d.taken[s] || t.reservedIn(s, e) || characterizations[t.str(s, e)] || strings.ContainsRune(quotedThingEnds, t.rs[e-1]) {
			continue
		}
		he, ok := d.hitStartingAt(e + 1)
		if !ok || he-(e+1) < 2 || surnameAt(t, e+1) == 0 {
			continue
		}
		person := roleEndingAt(t, i) > 0 || personNounBefore(t, i) || socialEndingAt(t, i)
		// “情况说明”李明已签字: a quote opening with a word of the
		// dictionary is a paper or a phrase unless it is shaped as a
		// nickname or a person's noun stands before it.
		if !nicknameShaped(t, s, e) && !nickname3Shaped(t, s, e) && !person && (quotedWord(t, s, e) || wordOpens(t, s, e)) {
			continue
		}
		d.addOver(s, e, capPersonal)
	}
}

// pseudonymNames reads the name a writer marks as a pseudonym (患儿小宇
// （化名，…）, 被害人“小雨”（化名）, 化名“甜甜”): the pseudonym still points
// to one child or one victim in the case and goes as a name does.
func (d *detector) pseudonymNames() {
	t := d.t
	if !strings.Contains(t.s, "化名") {
		return
	}
	t.eachIndex("化名", func(k int) {
		// X（化名, “X”（化名: the name before the bracket.
		if k >= 3 && (t.rs[k-1] == '（' || t.rs[k-1] == '(') {
			p := k - 1
			if p > 0 && strings.ContainsRune("”」\"", t.rs[p-1]) {
				p--
			}
			// 罗泽市（化名）, 某县中学（化名）: a place or a unit's pseudonym
			// is no person's.
			if s, ok := pseudonymStart(t, p); ok && !anyTaken(d.taken, s, p) && !strings.ContainsRune(quotedThingEnds+"市县省州司厂校", t.rs[p-1]) {
				d.addOver(s, p, capPersonal)
			}
			return
		}
		// 化名为“X”, 化名小雨: the name after the cue.
		j := k + 2
		cued := false
		for _, l := range []string{"为", "叫", "是"} {
			if strings.HasPrefix(t.rest(j), l) {
				j++
				cued = true
				break
			}
		}
		if j < t.n() && strings.ContainsRune("“「\"：:", t.rs[j]) {
			j++
			cued = true
		}
		e := j
		for e < t.n() && t.han(e) && e-j < 4 {
			e++
		}
		// 用化名开设账户: a name's shape (小雪, 婷婷, 李丽) is the pseudonym,
		// and after a cue or a quote what is no word of the dictionary.
		shaped := e-j >= 2 && (strings.ContainsRune("小阿", t.rs[j]) || t.rs[j] == t.rs[j+1] || surnameAt(t, j) > 0 && e-j <= 3)
		word := quotedWord(t, j, e) || wordOpens(t, j, e)
		if e-j >= 2 && (shaped || cued && !word) && (e >= t.n() || !t.han(e)) && !anyTaken(d.taken, j, e) {
			d.addOver(j, e, capPersonal)
		}
	})
}

// pseudonymStart returns where the pseudonym ending at p starts: after a
// quote, a delimiter, a digit or a person's noun (患儿, 被害人), two to four
// Han characters back; 小X, 阿X and a doubled character (婷婷) are two.
func pseudonymStart(t *text, p int) (int, bool) {
	if p >= 1 && p < t.n() && !t.han(p-1) {
		return 0, false
	}
	if p >= 2 && (strings.ContainsRune("小阿", t.rs[p-2]) || t.rs[p-2] == t.rs[p-1]) && t.han(p-2) {
		return p - 2, true
	}
	for l := 2; l <= 4 && p-l >= 0; l++ {
		s := p - l
		if !allHan(t, s, p) {
			return 0, false
		}
		if s == 0 || !t.han(s-1) || roleEndingAt(t, s) > 0 || personNounBefore(t, s) {
			if quotedWord(t, s, p) {
				return 0, false
			}
			return s, true
		}
	}
	return 0, false
}

// facilityNouns follow a place's name to make a public facility's: 石井
// 停车场, 钟落潭收费站, 罗冲围菜市场. A person does not stand right before
// them.
var facilityNouns = []string{"停车场", "停车库", "加油站", "加气站", "充电站", "收费站", "服务区", "汽车站", "客运站", "火车站", "高铁站", "地铁站", "公交站", "公交车站", "车站",
	"菜市场", "农贸市场", "批发市场", "市场", "码头", "渡口", "立交", "立交桥", "大桥", "隧道", "水库", "电站", "变电站", "公园", "广场", "体育场", "体育馆", "派出所", "卫生院", "中学", "小学", "幼儿园"}

// modalChars are modals that a common surname writes too: 应 in 被告应履行.
const modalChars = "应"

// thing29 reports whether the hit is one of the things above: a place
// before a facility, or a modal after a party before what the party
// should do.
func thing29(t *text, h hit) bool {
	s, e := h.start, h.end
	if e-s <= 3 && roleEndingAt(t, s) == 0 {
		if _, ok := hasPrefixAny(t.rest(e), facilityNouns); ok {
			return true
		}
	}
	return modalAfterParty(t, s, e) || thing32(t, h)
}

// modalAfterParty reports whether the hit [s, e) opens with a modal after
// a party's role or a pronoun and goes on as the party's duty (被上诉人应
// 信守承诺, 第三人应恪守约定, 被上诉人应依约履行): a word of the dictionary or a
// preposition after the modal, and the clause running on past the hit
// with no deed or speech only a person's name takes (原告应建国诉称 stays a
// name).
func modalAfterParty(t *text, s, e int) bool {
	if e-s < 2 || !strings.ContainsRune(modalChars, t.rs[s]) || e >= t.n() || !t.han(e) {
		return false
	}
	if roleEndingAt(t, s) == 0 && (s == 0 || !strings.ContainsRune("他她其你您我方", t.rs[s-1])) {
		return false
	}
	w, ok := t.word(s+1, min(e, s+3))
	if !(ok && w.freq >= 20 && !strings.HasPrefix(w.pos, "nr")) && !strings.ContainsRune("依按予如及当向对与", t.rs[s+1]) {
		return false
	}
	if strings.ContainsRune("称说讲，", t.rs[e]) || t.match(e, personVerbMatcher) > 0 && strings.ContainsRune("诉辩陈证述", t.rs[e]) {
		return false
	}
	return true
}

// socialEndingAt reports whether a social noun or a kin word ends right
// before i (司机, 邻居, 其妻).
func socialEndingAt(t *text, i int) bool {
	for l := 2; l <= 3 && i-l >= 0; l++ {
		if t.match(i-l, socialMatcher) == l {
			return true
		}
	}
	return false
}

// wordOpens reports whether a word of the dictionary that is no name
// starts at s and ends inside [s, e].
func wordOpens(t *text, s, e int) bool {
	found := false
	t.words(s, func(j int, w word) {
		if j <= e && w.freq >= 20 && !strings.HasPrefix(w.pos, "nr") {
			found = true
		}
	})
	return found
}

// verbBeyond reports whether a verb of the dictionary starts at e and runs
// past the crossing word's end j, leaving that word's last character
// with no word of its own (韦金生出具的证明: 生出 leaves 具 stranded, 出具
// reads the text whole), so the crossing word does not cut the
// name before it.
func verbBeyond(t *text, e, j int) bool {
	if j != e+1 || j+1 >= t.n() {
		return false
	}
	found := false
	t.words(e, func(k int, w word) {
		if k == j+1 && w.pos == "v" && w.freq >= 100 {
			found = true
		}
	})
	if !found {
		return false
	}
	stranded := true
	t.words(j, func(k int, w word) {
		if w.freq >= 20 {
			stranded = false
		}
	})
	return stranded
}

// penaltyVerbs follow the one an organ penalises: 对X罚款五万元, 对X处以
// 拘留, 对X予以警告.
var penaltyVerbs = []string{"罚款", "处以", "处罚款", "予以", "作出", "给予", "警告", "没收", "吊销", "暂停", "责令", "进行罚款", "进行处罚", "并处"}

// penaltyOn reports whether [i, e) stands between 对 and a penalty's verb
// (对洛桑次仁罚款五万元): an organ penalises a person or a unit there, and
// a run of a minority name's parts is the person.
func penaltyOn(t *text, i, e int) bool {
	if i == 0 || t.rs[i-1] != '对' {
		return false
	}
	_, ok := hasPrefixAny(t.rest(e), penaltyVerbs)
	return ok
}

// widenMinorityRuns widens a name cut inside a run of a minority name's
// known parts (次仁旺 of 次仁旺堆, read as a surname and two characters) to
// the whole run, where the run ends as a word does: one person, one name.
func (d *detector) widenMinorityRuns() {
	t := d.t
	for i := range d.hits {
		h := &d.hits[i]
		if h.name != "" || !minorityMatcher.starts.has(t.rs[h.start]) {
			continue
		}
		n, parts := minorityAt(t, h.start)
		e := h.start + n
		if parts < 2 || e <= h.end || e > t.n() || anyTaken(d.taken, h.end, e) || d.blocked(h.end, e) {
			continue
		}
		if e < t.n() && t.han(e) && (t.match(e, minorityMatcher) > 0 || crossesRight(t, h.start, e, 20)) {
			continue
		}
		for k := h.end; k < e; k++ {
			d.taken[k] = true
		}
		h.end = e
	}
}

// personBodyParts are what only a person's body has: a name right before one is
// the person hurt or examined (屈海军额头有血, 李建明头部外伤).
var personBodyParts = newMatcher([]string{"头部", "额头", "额部", "面部", "脸部", "脸上", "眼部", "眼眶", "鼻部", "鼻梁", "嘴唇", "嘴角", "口腔", "耳部", "颈部", "脖子", "胸部", "胸口", "腹部", "背部", "腰部", "臀部",
	"头顶", "后脑", "枕部", "肩部", "左肩", "右肩", "手臂", "左臂", "右臂", "左手", "右手", "双手", "手指", "手腕", "腿部", "左腿", "右腿", "双腿", "膝盖", "左膝", "右膝", "脚踝", "左脚", "右脚", "肋骨", "身上", "全身", "下肢", "上肢"})

// agentDeeds follow the one who did what a 所 clause says: 于海燕所驾电动
// 自行车, 于建波所驾驶, 王某所述.
var agentDeeds = newMatcher([]string{"所驾驶", "所驾", "所开", "所骑", "所乘", "所述", "所称", "所写", "所签", "所借", "所欠", "所持"})

// bodyAndAgentNames reads a surname and one or two given characters
// before a body part or a 所 clause of what a person does: only a person
// has a forehead or drives. A surname that is also a preposition (于, 向)
// counts there only after 的 or a delimiter, where no preposition stands
// before a person's own deed.
func (d *detector) bodyAndAgentNames() {
	t := d.t
	for i := 0; i+3 < t.n(); i++ {
		sur := surnameAt(t, i)
		if sur == 0 || d.taken[i] {
			continue
		}
		if strings.ContainsRune(functionSurnames, t.rs[i]) && i > 0 && t.han(i-1) && t.rs[i-1] != '的' {
			continue
		}
		// 甘肃籍男子头部: 籍 closes a place of origin.
		if t.rs[i] == '籍' && i > 0 && t.han(i-1) {
			continue
		}
		for _, e := range []int{i + sur + 2, i + sur + 1} {
			if e >= t.n() || !allHan(t, i, e) || !validGiven(t, i+sur, e) || anyTaken(d.taken, i, e) {
				continue
			}
			body := t.match(e, personBodyParts) > 0
			if !body && t.match(e, agentDeeds) == 0 {
				continue
			}
			// 李建明 is a name the dictionary holds (nr); a word that is
			// no name (高度, 海燕 alone) is none here.
			if w, ok := t.word(i, e); ok && w.freq >= 20 && !strings.HasPrefix(w.pos, "nr") || t.match(i, anyRole) > 0 || isThingWord(t, i, e) || formOfAddress(t, i) {
				break
			}
			// 车辆头部, 王家村口: the word before the part must not run
			// into the span's characters.
			if crossesLeft(t, i, e, 100) && !(i > 0 && t.rs[i-1] == '的') {
				break
			}
			// A two-character span needs a given character likelier in
			// names than in words and no word of its own (汪洋头部, 罗汉
			// 头部 stay: the dictionary tags both nr).
			if e-i-sur == 1 && (t.d.givenScore(t.rs[e-1]) < 5 || frequentWordAt(t, i, e, 100)) {
				continue
			}

			d.addOver(i, e, capPersonal)
			break
		}
	}
}

// ownedAfter follow the owner of 归X…: 归X家, 归X所有, 归X使用.
var ownedAfter = []string{"家", "所有", "使用", "管理", "耕种", "承包", "经营", "占有", "继承"}

// ownersAfterGui reads X in 归X家, 归X所有 and 属于X家 (白石头以北归才让家, 该林地归王建国
// 家使用): after a clause's subject 归 is the verb of ownership, not a
// surname, and X, a name of two to four characters (a minority name's
// parts or a surname and one or two given characters), is the owner. A
// name read across 归 (归扎西) or cut by a word after it (王建 of 王建国家,
// 国家 being a word) is read again.
func (d *detector) ownersAfterGui() {
	t := d.t
	if !strings.Contains(t.s, "归") && !strings.Contains(t.s, "属于") {
		return
	}
	read := func(g, s int) {
		// 归男方所有: a name read across 归 whose rest is a word or a
		// role (男方, 女方, 申请人) is the owner's word, no name.
		if he, ok := d.hitStartingAt(g); ok && he > s {
			if _, own := hasPrefixAny(t.rest(he), ownedAfter); own && (anyWordAt(t, s, he) || t.match(s, anyRole) == he-s) {
				d.dropHitsIn(g, he, -1, -1)
				return
			}
		}
		for l := 4; l >= 2; l-- {
			e := s + l
			if e >= t.n() || !allHan(t, s, e) {
				continue
			}
			if _, ok := hasPrefixAny(t.rest(e), ownedAfter); !ok {
				continue
			}
			m, parts := minorityAt(t, s)
			minority := parts > 0 && m == l
			sur := surnameAt(t, s)
			han := sur > 0 && l-sur >= 1 && l-sur <= 2 && validGiven(t, s+sur, e)
			// 归申请人所有: a party's role owns there, no name.
			if !minority && !han || d.blocked(s, e) || t.match(s, anyRole) > 0 {
				continue
			}
			// 归韦家所有: the family's, a surname and 家, is no one's name;
			// a name read across 归 goes and nothing is added.
			if t.rs[e-1] == '家' {
				if _, ok := d.hitStartingAt(g); ok {
					d.dropHitsIn(g, e, -1, -1)
				}
				continue
			}
			// 归集体所有, 归国家所有: a word is the owner there.
			if w, ok := t.word(s, e); ok && w.freq >= 20 && !strings.HasPrefix(w.pos, "nr") {
				continue
			}
			if !d.dropHitsIn(g, e, s, e) {
				return
			}
			d.addOver(s, e, capPersonal)
			return
		}
	}
	for _, v := range []string{"归", "属于"} {
		t.eachIndex(v, func(g int) {
			if g > 0 && t.han(g-1) {
				read(g, g+len([]rune(v)))
			}
		})
	}
}

// dropHitsIn removes the hits overlapping [s, e) that are not [ks, ke)
// itself and lie inside [s, e); it reports false when a hit runs out of
// [s, e), which then stands.
func (d *detector) dropHitsIn(s, e, ks, ke int) bool {
	for _, h := range d.hits {
		if h.start < e && h.end > s && (h.start < s || h.end > e || h.name != "") {
			return false
		}
	}
	kept := d.hits[:0]
	for _, h := range d.hits {
		if h.start < e && h.end > s && !(h.start == ks && h.end == ke) {
			for k := h.start; k < h.end; k++ {
				d.taken[k] = false
			}
			continue
		}
		kept = append(kept, h)
	}
	d.hits = kept
	return true
}
