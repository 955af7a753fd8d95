package privacy

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Round 30 (priv30), from set U's misses by kind: a false name read from
// the head of a place's name whose unit comes a character or two later
// (王爱召镇, 黄联关镇, 由荣家湾镇, 巴彦塔拉旗, 金普新区); the persons a list names
// before counting them (黄河、高原两名原告, 张伟、李强二人); a post's holder
// between the title and the deed done to a paper (科长曾凡荣批注); the Amdo
// 措 closing a Tibetan part (卓玛措); a name opening a clause before 系 and
// a party's role; 老 and a named person's surname before his home in a
// quoted statement; and a Yi name recurring whole.

// placeUnits30 end the name of a township, banner or new district; the
// characters before one are the place's own.
var placeUnits30 = []string{"新区", "镇", "乡", "旗", "苏木", "嘎查", "街道"}

// placeUnitFollowers after a unit make it a post or a direction, which a
// person's name may stand before (王强镇长, 张伟旗下, 李明乡里).
const placeUnitFollowers = "长上里下委"

// placeBetween30 are characters that part a person from a place after
// him (张伟到镇上, 李强回乡, 王芳在镇): with one between, the unit is no part
// of a name read before it.
const placeBetween30 = "到在去回来往赴返下进出至从向于和与及的是系为等也都就已曾被把将对给说称各全本该某"

// placeHead30 reports whether the hit [s, e), which no role word opens,
// is the head of a place's name: up to two more Han characters and a
// township's, banner's or new district's unit follow it (当事人在王爱召镇
// 新民堡村, 2024年黄联关镇, 由荣家湾镇负责, 大连市金普新区).
func placeHead30(t *text, h hit) bool {
	s, e := h.start, h.end
	if e-s > 3 {
		return false
	}
	// 原审被告巴彦塔拉旗人民政府: after a role word only a place whose
	// organ follows it, the party being the organ.
	role := roleEndingAt(t, s) > 0
	for k := 0; k <= 2; k++ {
		u := e + k
		if u > t.n() || k > 0 && (!t.han(u-1) || strings.ContainsRune(placeBetween30, t.rs[u-1])) {
			return false
		}
		unit, ok := hasPrefixAny(t.rest(u), placeUnits30)
		if !ok {
			continue
		}
		// 张伟镇长: directly after the name only the new district's
		// unit, which no post shares, is the place's.
		if k == 0 && unit != "新区" {
			return false
		}
		v := u + len([]rune(unit))
		if v < t.n() && strings.ContainsRune(placeUnitFollowers, t.rs[v]) {
			return false
		}
		if role {
			_, organ := hasPrefixAny(t.rest(v), placeOrgans30)
			return organ
		}
		return true
	}
	return false
}

// placeOrgans30 open the name of a place's organ (…旗人民政府, …镇司法所).
var placeOrgans30 = []string{"人民政府", "政府", "人民法院", "人民检察院", "公安", "管理委员会", "管委会", "党委", "司法", "财政",
	"自然资源", "市场监督", "城市管理", "综合行政执法", "派出所", "卫生", "教育", "农业", "林业", "水务", "住房", "生态环境", "人力资源"}

// countedRoles name whom a count after a list of names counts (黄河、高原
// 两名原告): persons, so every item before is one.
var countedRoles = []string{"原告", "被告人", "被告", "被申请人", "申请人", "第三人", "证人", "当事人", "上诉人", "被上诉人",
	"村民", "职工", "工人", "员工", "执法人员", "工作人员", "民警", "未成年人", "学生", "同志", "被害人", "死者", "人"}

const countDigits30 = "两二三四五六七八九十0123456789"

// countedLists reads the names of a list the text then counts as persons
// (黄河、高原两名原告信息另附; 张伟、李强二人系夫妻; 王芳、刘洋、陈静三位证人):
// after such a count the items are persons whatever words they are, so a
// list of two or more Han items of two to four characters, each opening
// with a surname, goes item by item.
func (d *detector) countedLists() {
	t := d.t
	if !strings.Contains(t.s, "、") {
		return
	}
	for i := 1; i < t.n(); i++ {
		if !strings.ContainsRune(countDigits30, t.rs[i]) || strings.ContainsRune(countDigits30, t.rs[i-1]) || !t.han(i-1) {
			continue
		}
		j := i + 1
		for j < t.n() && strings.ContainsRune(countDigits30, t.rs[j]) {
			j++
		}
		if j < t.n() && (t.rs[j] == '名' || t.rs[j] == '位') {
			j++
		}
		role, ok := hasPrefixAny(t.rest(j), countedRoles)
		if !ok {
			continue
		}
		// 二人, 两人: not the head of a longer word (三人民调解…, 两人员).
		if role == "人" && j+1 < t.n() && strings.ContainsRune("民员大", t.rs[j+1]) {
			continue
		}
		items := d.countedItems(i)
		if len(items) < 2 {
			continue
		}
		for _, it := range items {
			if !d.taken[it[0]] {
				d.addOver(it[0], it[1], capPersonal)
			}
		}
	}
}

// countedItems returns the items of the list of names ending at e (the
// count's first character), last first: each of two to four Han
// characters opening with a surname, parted by 、 (the last pair also by
// 和 or 与), the first closed before by no Han character or by a role word.
func (d *detector) countedItems(e int) [][2]int {
	t := d.t
	var items [][2]int
	for {
		s := -1
		for n := 2; n <= 4; n++ {
			k := e - n
			if k < 0 || !allHan(t, k, e) || surnameAt(t, k) == 0 {
				continue
			}
			open := k == 0 || !t.han(k-1) || t.rs[k-1] == '、' || roleEndingAt(t, k) > 0 ||
				len(items) == 0 && (t.rs[k-1] == '和' || t.rs[k-1] == '与')
			if open {
				s = k
				break
			}
		}
		if s < 0 {
			return nil
		}
		items = append(items, [2]int{s, e})
		if s == 0 || t.rs[s-1] != '、' && !(len(items) == 1 && (t.rs[s-1] == '和' || t.rs[s-1] == '与')) {
			return items
		}
		e = s - 1
	}
}

// postTitles30 end the title of a post whose holder signs off papers.
var postTitles30 = []string{"科长", "局长", "主任", "所长", "处长", "股长", "队长", "站长", "镇长", "乡长", "县长", "区长",
	"书记", "主席", "部长", "厅长", "院长", "庭长", "经理", "董事长", "组长", "审判长", "负责人"}

// signOffDeeds30 are what a post's holder does to a paper (批注, 批示,
// 签发) or at a meeting (主持, 强调).
var signOffDeeds30 = newMatcher([]string{"批注", "批示", "签批", "批复", "审核", "审批", "审签", "审阅", "圈阅", "阅示",
	"签发", "核稿", "复核", "签字", "签名", "签收", "主持", "强调", "指出", "汇报", "核实"})

// postHolders reads the holder's name between a post's title and what
// the holder does to a paper (科长曾凡荣批注：…, 局长王建平批示, 所长张明
// 签发): the slot between the title and the deed holds no other word,
// so a surname and one or two given characters there are the holder,
// even when the surname is also an adverb (曾) or the given characters
// are rare.
func (d *detector) postHolders() {
	t := d.t
	if !containsAny(t.s, []string{"批", "审", "签", "阅", "核", "主持", "强调", "指出", "汇报"}) {
		return
	}
	for j := 2; j+2 < t.n(); j++ {
		if !hasSuffixAny(t.str(max(j-3, 0), j), postTitles30) || surnameAt(t, j) == 0 || d.taken[j] {
			continue
		}
		sur := surnameAt(t, j)
		for _, e := range []int{j + sur + 2, j + sur + 1} {
			if e >= t.n() || !allHan(t, j, e) || t.match(e, signOffDeeds30) == 0 || anyTaken(d.taken, j, e) {
				continue
			}
			// 局长审核批示: no deed stands in the slot.
			if w, ok := t.word(j, e); ok && w.freq >= 300 {
				continue
			}
			// 局长于当日签发: a preposition before a word of time or place
			// is the preposition.
			if strings.ContainsRune(functionSurnames, t.rs[j]) && anyWordAt(t, j+1, e) {
				continue
			}
			if t.match(e-1, signOffDeeds30) > 0 {
				continue
			}
			d.addOver(j, e, capOfficial)
			break
		}
	}
}

// yiWhole30 reports whether name, found whole, is a Yi name of a clan and
// a given name of two characters or more (阿苏木呷): read as a person once
// (拉且的妻子阿苏木呷), it is the person wherever it recurs whole, though a
// word is reserved inside it there (苏木, a township's word: 文中沙马拉且、
// 阿苏木呷等人名).
func yiWhole30(name string, whole bool) bool {
	if !whole || utf8.RuneCountInString(name) < 4 {
		return false
	}
	for _, c := range yiClans {
		if strings.HasPrefix(name, c) {
			return true
		}
	}
	return false
}

// amdoSuffixes close a Tibetan woman's name in Amdo (卓玛措, 拉毛草).
const amdoSuffixes = "措草"

// widenAmdo widens a Tibetan name part read alone to the Amdo suffix
// right after it (转入卓玛措的账户 read as 卓玛 before 措): the suffix is
// the name's last character, and leaving it would keep 卓某措.
func (d *detector) widenAmdo() {
	t := d.t
	for i, h := range d.hits {
		e := h.end
		if h.name != "" || e >= t.n() || !strings.ContainsRune(amdoSuffixes, t.rs[e]) || d.taken[e] {
			continue
		}
		if t.match(h.start, minorityMatcher) != e-h.start || e+1 < t.n() && t.han(e+1) && !strings.ContainsRune(particles+"在说称于和与及", t.rs[e+1]) {
			continue
		}
		d.taken[e] = true
		d.hits[i].end = e + 1
	}
}

// homeFrames30 follow 老 and a surname where they name the person's home
// (老石家门口, 老周家里, 老马家院子).
var homeFrames30 = newMatcher([]string{"家门口", "家门前", "家大门", "家里", "家中", "家院", "家院子", "家后院", "家屋里", "家屋后", "家房前", "家房后", "家楼下", "家门外"})

// homeOfOld30 returns the places where needle, 老 and the surname of a
// person the text names (石永福 … 放在老石家门口), stands before the home's
// word after a place's verb or a preposition: in such a text the home is
// that family's, and 老石 points to them. Where nobody of the surname is
// named (原告回到老李家中) this is never called and 老李 stays.
func homeOfOld30(t *text, needle string) []span {
	var out []span
	t.eachIndex(needle, func(s int) {
		e := s + utf8.RuneCountInString(needle)
		if e >= t.n() || t.match(e, homeFrames30) == 0 || t.reservedIn(s, e) {
			return
		}
		if s > 0 && t.han(s-1) && !strings.ContainsRune(givenPrepositions+"在到去进从往回来是有的", t.rs[s-1]) {
			return
		}
		// Only in a quoted statement, where people are called so; the
		// writer's own 老李家 is how a house or a family is known.
		if !insideQuote30(t, s) {
			return
		}
		out = append(out, span{t.off[s], t.off[e], KindName, "老某"})
	})
	return out
}

// insideQuote30 reports whether i stands inside a quote opened earlier on
// its line and not yet closed.
func insideQuote30(t *text, i int) bool {
	for k := i - 1; k >= 0 && t.rs[k] != '\n'; k-- {
		switch t.rs[k] {
		case '”', '」', '』':
			return false
		case '“', '「', '『':
			return true
		}
	}
	return false
}

// subjectsOfRoles reads a name opening a clause before 系 and a party's
// role (温庆山系第三人原项目部仓库保管员, 高原系原告之子): the clause says who
// the person is, and only a person is a party's role.
func (d *detector) subjectsOfRoles() {
	t := d.t
	if !strings.Contains(t.s, "系") {
		return
	}
	t.eachIndex("系", func(k int) {
		for _, s := range []int{k - 3, k - 2} {
			if s < 0 || anyTaken(d.taken, s, k) || !allHan(t, s, k) || surnameAt(t, s) != 1 {
				continue
			}
			if s > 0 && (t.han(s-1) || unicode.IsLetter(t.rs[s-1]) || unicode.IsDigit(t.rs[s-1])) {
				continue
			}
			// 原告系原告本人: a role word is no name.
			if n, _ := roleAt(t, s); n > 0 {
				continue
			}
			if n, kind := roleAt(t, k+1); n == 0 || kind == markKin {
				continue
			}
			if w, ok := t.word(s, k); ok && w.freq >= 100 {
				continue
			}
			d.addOver(s, k, capPersonal)
			return
		}
	})
}
