package privacy

import "strings"

// The organisation and brand guard. A surname-led span that runs, inside
// one stretch of words, into an organisation's or shop's ending is the
// organisation (王守信饮片厂, 李金山体育用品有限公司, 老陈家牛肉面馆,
// 《常州日报》); so is a shop's 记 or a family's 氏 right after the
// surname (杨氏秘制辣子鸡, 邱氏正骨推拿馆, 冯记烧腊行). A person marker right
// before the span (原告, 经营者, 店主) says otherwise and keeps the person.

// orgEndings end an organisation's or a shop's name. Single characters
// that also open everyday words are checked with orgEndingBlocked.
var orgEndings = []string{
	"有限公司", "有限责任公司", "股份有限公司", "公司", "集团", "合作社", "商行", "超市", "诊所", "医院", "卫生院",
	"药店", "药房", "国药号", "药号", "茶号", "商号", "酒楼", "饭店", "酒家", "宾馆", "旅社", "茶楼", "大舞台",
	"舞台", "工作室", "事务所", "门诊", "日报", "晚报", "报社", "商店", "宗祠", "祠堂", "茶庄", "扇庄", "钱庄",
	"山庄", "农庄", "牧场", "农场", "养殖场", "加工厂", "珠宝", "金店", "银楼", "民宿", "客栈", "农家乐", "牧家乐",
	"店", "馆", "坊", "铺", "厂", "堂", "社", "行",
}

// orgEndingBlocked lists, for a one-character ending, what after it makes
// an everyday word or a person's title instead: 厂长, 店主, 堂弟, 社保,
// 行使, 馆长, 铺设.
var orgEndingBlocked = map[string]string{
	"店": "主长员内里外前门",
	"馆": "长员内里外前门",
	"坊": "主间",
	"铺": "主设开面盖",
	"厂": "长方区内里外前门",
	"堂": "兄弟姐妹哥伯叔侄",
	"社": "长员保会区交",
	"行": "使为政动人走驶程李车长至进",
}

// orgBreaks are the characters that end the stretch a name and an
// ending must share: a particle, a preposition, a conjunction or a verb
// of being (张三经营的五金店 is a person and a shop).
const orgBreaks = "的在与和及向对被将把于是系为称到去从给让由同跟经开办租营购买卖送交进出"

// orgWindow is how far past a span an ending may start (李金山体育用品
// 有限公司: four characters of trade between).
const orgWindow = 6

// organisation reports whether the hit is the start of an organisation's
// or a shop's name rather than a person.
func (d *detector) organisation(h hit) bool {
	t := d.t
	if placeLedOrganisation(t, h) {
		return true
	}
	if roleEndingAt(t, h.start) > 0 {
		return false
	}
	// 杨氏秘制…, 冯记烧腊行: 氏 or 记 after a one-character surname, and the
	// words running on past the span. 陈氏秋与原告… (a Vietnamese name, 氏
	// its middle name) stops at a conjunction, as a person's name does.
	if h.end-h.start >= 2 && h.end < t.n() && t.han(h.end) && !strings.ContainsRune(orgBreaks, t.rs[h.end]) && !verbAt(t, h.end) {
		if c := t.rs[h.start+1]; (c == '氏' || c == '记') && surnameAt(t, h.start) == 1 {
			return true
		}
	}
	for k := h.end; k < t.n() && k <= h.end+orgWindow; k++ {
		if !t.han(k) {
			return false
		}
		if orgEndingAt(t, k) {
			return true
		}
		if strings.ContainsRune(orgBreaks, t.rs[k]) || deedAt(t, k) || motionIntoEnding(t, k) {
			return false
		}
	}
	return false
}

// deedAt reports whether a verb used as a verb, a preposition, a
// conjunction, an adverb or a particle starts at k: 王芳提交了医院的…. A
// verbal noun (体育, 加工, 推拿) may stand inside a trade's name.
func deedAt(t *text, k int) bool {
	v := false
	t.words(k, func(_ int, w word) { v = v || w.pos != "vn" && verbLike(w.pos) && w.freq >= 100 })
	return v
}

// Firms are named place, trade name, trade and form (黄山 云谷 旅游开发
// 有限公司, 曲靖 宣威 何氏火腿 有限公司): a span that opens with a place
// and runs, unbroken, into an organisation's ending is the firm, even
// after a role word (原告黄山云谷旅游开发有限公司诉称), since a person's name
// does not start with a city's. The trade may hold verbs (开发, 经营,
// 加工), so only particles, prepositions and punctuation break the run.

// placeLedWindow is how far past the place an ending may start: a trade
// name, a second place and a trade (宣威何氏火腿).
const placeLedWindow = 12

// placeLedBreaks end the run between a place and an ending.
const placeLedBreaks = "的在与和及向对被将把于是系为称等"

// placeLedOrganisation reports whether the hit opens with a place and
// runs into an organisation's ending.
func placeLedOrganisation(t *text, h hit) bool {
	// 我外甥海洋负责看店: after a relative's word a person stands, whatever
	// the dictionary says of the word (海洋 is tagged a place).
	if n, kind := roleEnding(t, h.start); n > 0 && kind == markKin {
		return false
	}
	p := placeAt(t, h.start)
	if p < 2 {
		// 延边金达莱房地产开发有限公司: the place stands right before the
		// span, which is the firm's trade name (priv27).
		if placeBefore(t, h.start) > 0 && placeLedRun(t, h.end) {
			return true
		}
		return familyBrandAhead(t, h)
	}
	for k := h.start + p; k < t.n() && k <= h.start+p+placeLedWindow; k++ {
		if !t.han(k) || strings.ContainsRune(placeLedBreaks, t.rs[k]) {
			return false
		}
		if k > h.start+p && orgEndingAt(t, k) {
			return true
		}
	}
	return false
}

// placeLedRun reports whether the run from k goes on, unbroken, into an
// organisation's ending within placeLedWindow.
func placeLedRun(t *text, k0 int) bool {
	for k := k0; k < t.n() && k <= k0+placeLedWindow; k++ {
		if !t.han(k) || strings.ContainsRune(placeLedBreaks, t.rs[k]) {
			return false
		}
		if orgEndingAt(t, k) {
			return true
		}
	}
	return false
}

// placeAt returns the rune length of a place's name at i (a city of the
// list in places.go, or a place the dictionary tags ns: 黄山, 宣威), or 0.
func placeAt(t *text, i int) int {
	if n := t.match(i, placeNames); n >= 2 {
		return n
	}
	best := 0
	t.words(i, func(j int, w word) {
		if w.pos == "ns" && j-i <= 4 {
			best = j - i
		}
	})
	return best
}

// orgEndingAt reports whether an organisation's ending starts at k (厂长
// and 店主 are no endings: orgEndingBlocked).
func orgEndingAt(t *text, k int) bool {
	rest := t.rest(k)
	for _, e := range orgEndings {
		if !strings.HasPrefix(rest, e) {
			continue
		}
		if blocked, ok := orgEndingBlocked[e]; ok {
			if next := k + 1; next < t.n() && strings.ContainsRune(blocked, t.rs[next]) {
				continue
			}
		}
		return true
	}
	return false
}

// familyBrandAhead reports whether the run after the hit holds a family's
// brand (宋氏, 何氏) and then an organisation's ending, unbroken:
// 章丘明水宋氏建材厂 is a firm led by a place the dictionary lacks (章丘,
// 明水), not a person and a shop.
func familyBrandAhead(t *text, h hit) bool {
	brand := false
	for k := h.end; k < t.n() && k <= h.end+placeLedWindow; k++ {
		if !t.han(k) || strings.ContainsRune(placeLedBreaks, t.rs[k]) {
			return false
		}
		if t.rs[k] == '氏' && k > h.end && surnameAt(t, k-1) == 1 {
			brand = true
			continue
		}
		if brand && orgEndingAt(t, k) {
			return true
		}
	}
	return false
}
