package privacy

import (
	"strings"
	"unicode/utf8"
)

// shaped applies the structural checks every reading of a span as a name
// must pass, whatever the probabilities and the words around say: what
// follows, the shape of the given part and what precedes the surname. ev
// relaxes the checks a role word or a label overrides (原告张家岭 may be
// a person; 王家坝 alone is a place).
func shaped(t *text, c candidate, ev evidence) bool {
	g := c.s + c.sur
	// 金华镇, 王家坝, 向阳村: the span is the start of a place or an
	// organisation.
	if t.match(c.e, orgMatcher) > 0 {
		return false
	}
	// 冉某, 张××: what follows is a name already masked, and the span ends
	// with its surname (向冉某).
	// 韦明亮某局副局长: a masked unit and its post after a full name are
	// the office's 某 (occupations.go).
	if c.e < t.n() && strings.ContainsRune("某×*＊", t.rs[c.e]) && !(c.e-c.s-c.sur == 2 && maskedUnitPost(t, c.e)) {
		return false
	}
	// 阿布都·吾斯曼: a part of a transliterated name, which the dotted
	// names' pass reads whole.
	if c.s > 0 && strings.ContainsRune(dots, t.rs[c.s-1]) && t.han(c.s-2) || c.e < t.n() && strings.ContainsRune(dots, t.rs[c.e]) && t.han(c.e+1) {
		return false
	}
	// 罗某丁: a pseudonym's mark after 某 (甲, 乙, 丙, 丁…) is no surname.
	if c.s > 0 && t.rs[c.s-1] == '某' {
		return false
	}
	// 焦师傅, 王局长: a surname and an honorific or a title.
	if t.match(g, honorificMatcher) >= 2 || t.match(g, officialAfter) >= 2 {
		return false
	}
	// Role words are never names (原告, 申请人), nor is a name made of a
	// surname and a role word (向原告).
	if n := t.match(c.s, anyRole); n >= c.e-c.s || n >= 2 {
		return false
	}
	if n := t.match(g, anyRole); n >= 2 && g+n >= c.e {
		return false
	}
	// 凤三户, 张三人: a numeral counting what follows.
	if strings.ContainsRune(numerals, t.rs[c.e-1]) && c.e < t.n() && strings.ContainsRune(classifiers, t.rs[c.e]) {
		return false
	}
	// 《中华人民共和国土地管理法》: inside the title of a statute.
	if inStatuteTitle(t, c.s) {
		return false
	}
	if ev >= evStrong {
		return true
	}
	// 向阳小学, 李大学城: the given part starts the name of an
	// organisation (小学, 大学).
	for k := g; k < c.e; k++ {
		if n := t.match(k, orgMatcher); n >= 2 && k+n >= c.e {
			return false
		}
	}
	// 于白天, 于凌晨, 向当地: a preposition before a word of time, place or
	// function is no name, even after a role word (执法人员于白天…).
	// 向蒙自市, 于都县: a preposition before a place.
	if c.sur == 1 && strings.ContainsRune(functionSurnames, t.rs[c.s]) {
		for k := c.e; k <= c.e+1 && k < t.n(); k++ {
			if strings.ContainsRune("市县州区旗", t.rs[k]) {
				return false
			}
			if !t.han(k) {
				break
			}
		}
	}
	// 张家 is the Zhang family, 陈家院子 and 陈家老屋 their courtyard and
	// their house (a word after 家), 张家岭 a place.
	if t.rs[g] == '家' && (c.e == g+1 || strings.ContainsRune(placeChars, t.rs[c.e-1]) || wordFrom(t, g+1, c.e+1, 20)) {
		return false
	}
	// 陈姐, 王总, 李工: a surname and a form of address, which stays as
	// written, as nicknames do, also after a verb that takes a person
	// (你找彭总说); only a label's value (姓名：王总) is read whole.
	if c.e == g+1 && strings.ContainsRune(addressForms, t.rs[g]) {
		return false
	}
	// 李子树, 杨梅树, 禾苗: a span ending in a plant's part is the plant;
	// no given name ends so (花, common in women's names, is not among
	// them).
	if strings.ContainsRune(plantEnds, t.rs[c.e-1]) && (c.e-c.s >= 3 || ev < evMarker && surnameAt(t, c.s-1) > 0) {
		return false // (杨/梅苗: the cut fell inside the plant's name)
	}
	// 杨梅树: or the plant's part follows, standing alone (张芳树立… is a
	// name before a word).
	if c.e < t.n() && strings.ContainsRune(plantEnds, t.rs[c.e]) && !wordFrom(t, c.e, c.e+2, 20) {
		return false
	}
	if ev >= evMarker {
		return true
	}
	// 其在高雄的电话, 在常州、温州等地: a city, not a person, where no role
	// word says one.
	// 在滕州打工, 参观了赵州桥: a 州 (or a 县) names a place, not a given
	// name, wherever it stands in the span.
	if placeSpan(t, c.s, c.e) || strings.ContainsRune("州县", t.rs[c.e-1]) || c.e-c.s == 3 && t.rs[c.e-2] == '州' {
		return false
	}
	// “李宁”商标, “周大福”门店, “王老吉”凉茶: a quoted span that names
	// the thing after it is a brand or a shop, not a person (“张三”字样
	// and “张三”签名 are still a person's).
	if quotedBrand(t, c) {
		return false
	}
	// 曹氏烧饼, 李氏宗祠: a surname and 氏 names a family or a trade
	// without a role word (married names, 黄李氏, are read on their own).
	if c.e == g+1 && t.rs[g] == '氏' {
		return false
	}
	// 马应龙麝香痔疮膏, 王老吉凉茶: a brand before its product, which ends
	// as medicines, drinks and goods do.
	if productAhead(t, c.e) || goodsAhead(t, c.e) {
		return false
	}
	// 药材主要为黄精和白芨: the value of what a thing is, not of who
	// holds a role.
	if thingValue(t, c.s) {
		return false
	}
	// 已付清, 均已, 未曾: after an adverb the span is a verb phrase; no
	// name stands right after one.
	if c.s > 0 && strings.ContainsRune(adverbsBefore, t.rs[c.s-1]) && !anyWordAt(t, c.s-2, c.s) {
		return false
	}
	// 高峰岭, 黄泥坡: without a role word, a span ending as villages and
	// hills do is a place.
	if strings.ContainsRune(placeOnlyChars, t.rs[c.e-1]) {
		return false
	}
	// 一张, 每周, 这黄: after a numeral or a demonstrative the surname
	// character is a measure word or an adjective.
	// A date written in figures (2022.3.9闵某…) opens a clause instead.
	if c.sur == 1 && c.s > 0 && (isDigitRune(t.rs[c.s-1]) && !dottedDateBefore(t, c.s) || strings.ContainsRune(countersBefore, t.rs[c.s-1])) {
		return false
	}
	// 黄记煌焖锅店, 陈记肠粉: a surname and 记 name a shop.
	if c.sur == 1 && c.s+1 < t.n() && t.rs[c.s+1] == '记' && t.han(c.s+2) {
		return false
	}
	// 盖然性, 韦陀寺, 金田路: a suffix that makes a word, a building or a
	// street of what precedes it, standing on its own.
	if c.e < t.n() && strings.ContainsRune(wordSuffixes, t.rs[c.e]) && !wordFrom(t, c.e, c.e+2, 20) {
		return false
	}
	// 盖然性, 韦陀寺: a span ending with such a suffix.
	if strings.ContainsRune(wordEnds, t.rs[c.e-1]) {
		return false
	}
	// 毛重为49吨, 方量约300立方米: an attribute and its measure.
	if quantityAfter(t, c.e) {
		return false
	}
	// 林证字（2009）第…号: the head of a document's number.
	if serialAfter(t, c.e) || c.e < t.n() && t.rs[c.e] == '字' && serialAfter(t, c.e+1) {
		return false
	}
	// 李宁专卖店, 王老吉凉茶经销部, 顺丰速运公司: the head of the name of a
	// shop, a brand or a firm.
	if shopAhead(t, c.e) {
		return false
	}
	// 老张, 小刘: a form of address, not a name with its given part here
	// (addressedSurnames, titled.go, masks the form where the clause says
	// a person); 班组长老贺带着: 长老 is no word there after the role.
	if c.s > 0 && strings.ContainsRune("老小", t.rs[c.s-1]) && (!anyWordAt(t, c.s-2, c.s) || addressRoleBefore(t, c.s-1)) {
		return false
	}
	return true
}

// plantEnds end the names of plants and their parts: 李子树, 杨梅树, 树苗,
// 茶籽.
const plantEnds = "树苗草果菜籽藤"

// productEnds end the names of products: 痔疮膏, 六味丸, 凉茶, 运动鞋.
const productEnds = "膏丸片剂液粉酒茶鞋服衣帽饮露霜"

// goodsWords are goods a brand is marked on or a shop sells, and the forms
// medicines come in: 茶叶, 胶囊, 颗粒, 麻辣烫, 米粉.
var goodsWords = newMatcher([]string{
	"茶叶", "商品", "产品", "货物", "食品", "包装", "包装袋", "包装盒", "包装箱", "外包装", "标签", "白酒", "香烟", "卷烟", "化肥", "农药", "饲料", "种子", "服装", "鞋子",
	"胶囊", "颗粒", "口服液", "冲剂", "注射液", "软膏", "喷雾剂", "糖浆", "丸剂", "片剂",
	"麻辣烫", "米粉", "米线", "烩面", "拉面", "火锅", "烧烤", "烧饼", "凉皮", "包子", "饺子", "馄饨", "黄焖鸡", "酸辣粉", "螺蛳粉", "炸鸡", "奶茶", "小吃", "快餐",
})

// verbAt reports whether a frequent verb of the dictionary starts at k.
func verbAt(t *text, k int) bool {
	v := false
	t.words(k, func(_ int, w word) { v = v || verbLike(w.pos) && w.freq >= 100 })
	return v
}

// goodsAt reports whether one of the goods words starts at k.
func goodsAt(t *text, k int) bool { return t.match(k, goodsWords) > 0 }

// goodsAhead reports whether goods follow e at once or, for a medicine's
// form, within three characters of the name (杨国福麻辣烫, 连花清瘟胶囊).
func goodsAhead(t *text, e int) bool {
	for k := e; k < t.n() && k <= e+3 && t.han(k); k++ {
		// 杨国/福麻辣烫: the cut fell inside the brand, one given-name
		// character before the goods (张三吃包子 has a verb there).
		inside := k == e+1 && t.d.givenScore(t.rs[e]) > 0 && !verbAt(t, e)
		if n := t.match(k, goodsWords); n > 0 && (k == e || inside || t.str(k, k+n) == "胶囊" || t.str(k, k+n) == "颗粒" || strings.HasSuffix(t.str(k, k+n), "液") || strings.HasSuffix(t.str(k, k+n), "剂")) {
			return true
		}
	}
	return false
}

// productAhead reports whether a product's name follows e at once: a
// noun of the dictionary and, within four characters, a product's end.
func productAhead(t *text, e int) bool {
	// Most spans have no product's end near: say so before any lookup.
	end := false
	for k := e + 1; k < t.n() && k <= e+5; k++ {
		end = end || strings.ContainsRune(productEnds, t.rs[k])
	}
	if !end {
		return false
	}
	noun := 0
	t.words(e, func(j int, w word) {
		if nounPOS[w.pos] && !strings.HasPrefix(w.pos, "nr") && w.freq >= 20 {
			noun = j
		}
	})
	if noun == 0 || t.match(e, personAttributes) > 0 {
		return false
	}
	for k := noun - 1; k < t.n() && k <= e+5; k++ {
		if !t.han(k) {
			return false
		}
		if strings.ContainsRune(productEnds, t.rs[k]) && (!t.han(k+1) || strings.ContainsRune(numerals+"的等和、", t.rs[k+1])) {
			return true
		}
	}
	return false
}

// thingKinds end the nouns of kinds of things: 药材, 物品, 品种, 颜色, 材质,
// 金属, 原料 (对象, 女子, 代表 and 证据 are not among them: people can be
// their value).
const thingKinds = "材品种物色质类型属料"

// thingValue reports whether s follows 为 or 是 after a noun that names a
// kind of thing (药材主要为, 金属为, 品种是), not a role word (收款人为).
func thingValue(t *text, s int) bool {
	k := s - 1
	if k < 1 || !strings.ContainsRune("为是", t.rs[k]) {
		return false
	}
	for _, adv := range []string{"主要", "分别", "均", "则", "都", "系"} {
		if n := utf8.RuneCountInString(adv); k-n >= 0 && t.str(k-n, k) == adv {
			k -= n
			break
		}
	}
	if roleEndingAt(t, k) > 0 {
		return false
	}
	for j := max(0, k-4); j <= k-2; j++ {
		if w, ok := t.word(j, k); ok && nounPOS[w.pos] && !strings.HasPrefix(w.pos, "nr") && w.freq >= 20 && strings.ContainsRune(thingKinds, t.rs[k-1]) {
			return true
		}
	}
	return false
}

// adverbsBefore are adverbs that stand before a verb, never before a
// name: 已付清, 均已成年, 未曾, 仍在.
const adverbsBefore = "已未均都也又再尚没仍亦皆"

// quotedBrand reports whether c is quoted and the quote is followed by a
// noun it names: “李宁”商标, “周大福”门店.
func quotedBrand(t *text, c candidate) bool {
	if c.s == 0 || !strings.ContainsRune("“「‘\"'", t.rs[c.s-1]) {
		return false
	}
	// The quote may close after the span (“周大福”: 周大 is no name either).
	k := c.e
	for k < t.n() && k < c.s+10 && t.han(k) {
		k++
	}
	if k+1 >= t.n() || !strings.ContainsRune("”」’\"'", t.rs[k]) {
		return false
	}
	// “杨某福麻辣烫”字样: the quote goes on past the name with the product or
	// the shop it names; a brand, whatever follows the quote.
	if k >= c.e+2 {
		brand := false
		for m := c.e; m+1 < k; m++ {
			t.words(m, func(j int, w word) {
				if j <= k && !strings.HasPrefix(w.pos, "nr") && w.freq >= 20 {
					brand = true
				}
			})
		}
		if brand {
			return true
		}
	}
	k++
	// 标有“雷公山”字样的茶叶: the words marked on goods name a brand; a
	// person's name is marked on a paper (字样的收条) or signed.
	if strings.HasPrefix(t.rest(k), "字样的") && goodsAt(t, k+3) {
		return true
	}
	if t.match(k, personAttributes) > 0 || t.match(k, quotedPersonWords) > 0 {
		return false
	}
	if t.match(k, orgMatcher) > 0 {
		return true
	}
	noun := false
	t.words(k, func(_ int, w word) {
		if nounPOS[w.pos] && !strings.HasPrefix(w.pos, "nr") && w.freq >= 20 {
			noun = true
		}
	})
	return noun
}

// quotedPersonWords follow a quoted name that is a person's: “张三”字样,
// “张三”二字, “张三”本人.
var quotedPersonWords = newMatcher([]string{"字样", "二字", "三字", "本人", "名字", "姓名", "一人", "签名", "签字", "手印"})

// addressForms follow a surname to address someone by it: 陈姐, 王哥,
// 李叔, 张总, 刘工.
const addressForms = "姐哥叔婶伯姨嫂爷奶妈总工"

// countersBefore are the numerals and demonstratives before a measure
// word: 一张, 两周, 每周, 这黄, 该项.
const countersBefore = "一二三四五六七八九十百千万两几每这那该此各半整首数"

// wordSuffixes make words of what precedes them (盖然性, 现代化), or name
// buildings and streets (韦陀寺, 金田路, 杏花巷); a name is never followed
// by one standing alone.
const wordSuffixes = "性化率寺庙庵路街巷店祠阁亭塔线"

// wordEnds are the suffixes no given name ends with.
const wordEnds = "性率寺庙庵巷店街祠阁亭塔线"

// serialAfter reports whether a document's number follows e: （2009）,
// 第123号.
func serialAfter(t *text, e int) bool {
	if e+1 >= t.n() {
		return false
	}
	switch t.rs[e] {
	case '（', '(', '第':
		// 第×××号: a number already masked.
		return isDigitRune(t.rs[e+1]) || t.rs[e] == '第' && t.rs[e+1] == '×'
	}
	return false
}

// quantityAfter reports whether a measured value follows e: 为49吨, 约300
// 立方米, 达12.5平方米 (a verb of being or about, a number, a unit).
func quantityAfter(t *text, e int) bool {
	k := e
	if k < t.n() && strings.ContainsRune("为是约达计共", t.rs[k]) {
		k++
	}
	d := k
	for k < t.n() && (isDigitRune(t.rs[k]) || t.rs[k] == '.') {
		k++
	}
	return k > d && k < t.n() && strings.ContainsRune(units, t.rs[k])
}

// units follow a measured number: 吨, 公斤, 米, 平方米, 亩, 元.
const units = "吨公千斤克米平立亩元万%‰厘毫"

// shopAhead reports whether the name of a shop, a brand or a firm ends
// soon after e: within five characters that are neither function words nor
// verbs (a product, a trade, a closing quote), an organisation's suffix of
// two characters or more (凉茶经销部, 专卖店, 速运公司, 加工作坊).
func shopAhead(t *text, e int) bool {
	for k := e; k < t.n() && k <= e+5; k++ {
		if t.match(k, orgMatcher) >= 2 {
			return true
		}
		if strings.ContainsRune("”」’\"'", t.rs[k]) {
			continue
		}
		if !t.han(k) || strings.ContainsRune(functionChars, t.rs[k]) || neverGivenSet.has(t.rs[k]) {
			return false
		}
		verb := false
		t.words(k, func(j int, w word) {
			if w.pos == "v" && w.freq >= 20 {
				verb = true
			}
		})
		if verb {
			return false
		}
	}
	return false
}

// statuteEnds end the titles of statutes and rules: 《…法》, 《…条例》.
var statuteEnds = []string{"法", "条例", "规定", "办法", "细则", "规则", "解释", "规范", "标准", "章程", "纲要"}

// inStatuteTitle reports whether i is inside a 《…》 title that names a
// statute, not a decision about someone (《关于王某违法建设的处理决定》).
func inStatuteTitle(t *text, i int) bool {
	if !insideTitle(t, i) {
		return false
	}
	open, close := t.title(i)
	return hasSuffixAny(t.str(open+1, close), statuteEnds)
}

// unexplained reads the names the segmentation's best path reads where
// nothing else has: the default for a surname-led span the dictionary
// cannot explain.
func (d *detector) unexplained() {
	t := d.t
	for i := 0; i < t.n(); i++ {
		e := t.nameTokenAt(i)
		if e == 0 {
			continue
		}
		// 找到高明后对其询问: 后, 时 or 前 after a surname and one given
		// character is when the deed came, not the name's third character.
		if e-i == 3 && surnameAt(t, i) == 1 && strings.ContainsRune("后时前", t.rs[e-1]) && !commonGivenSet.has(t.rs[e-1]) {
			e--
		}
		if (thingsListedBefore(t, d.taken, i) || thingsListedAfter(t, e)) && !ownsAfter(t, e) || defaultIsWord(t, i, e) || goodsCountAfter(t, e) {
			i = e - 1
			continue
		}
		// 东至田埂, 北至白石岩: after a land boundary, a span ending as
		// fields, hills and woods do is a place.
		if !afterBoundary(t, i) || !strings.ContainsRune(landChars, t.rs[e-1]) {
			d.add(i, e, capNeutral)
		}
		i = e - 1
	}
}

// goodsCountAfter reports whether the next cell of a table row counts goods
// (2  黄精  8袋  60元): the row is an inventory's, its cell a thing. A
// person's row goes on with a sex, an age or a number of their own.
func goodsCountAfter(t *text, e int) bool {
	k := e
	for k < t.n() && strings.ContainsRune(" \u3000|｜\t", t.rs[k]) {
		k++
	}
	if k == e {
		return false
	}
	d := k
	for d < t.n() && (isDigitRune(t.rs[d]) || t.rs[d] == '.') {
		d++
	}
	return d > k && d < t.n() && strings.ContainsRune(goodsClassifiers, t.rs[d])
}

// goodsClassifiers count goods: 袋, 箱, 瓶, 斤.
const goodsClassifiers = "袋箱包瓶盒件斤克吨桶罐条支株棵只头套台份"

// defaultIsWord reports whether a name the best path reads, with nothing
// else saying a person, is better read as words: a preposition as surname
// before given characters no name has (于庭后), or a word at the surname
// and a character no given name ends with (孙辈均, 杨树苗).
func defaultIsWord(t *text, s, e int) bool {
	sur := surnameAt(t, s)
	// 梅树和: a function word never ends a name; 柳青名下: nor does the
	// start of a word running past the span.
	if strings.ContainsRune(functionChars, t.rs[e-1]) || e-s == 3 && crossesRight(t, s, e, 50) {
		return true
	}
	if sur == 1 && strings.ContainsRune(functionSurnames, t.rs[s]) && (!allCommonGiven(t, s+1, e) || t.han(s-1)) {
		return true
	}
	// 孙辈均: a given character seen almost only in words (辈, 均 after
	// it) is no name with nothing else to say so.
	for k := s + sur; k < e; k++ {
		if t.d.givenScore(t.rs[k]) <= -30 {
			return true
		}
	}
	if sur == 1 && e-s == 3 && !commonGivenSet.has(t.rs[e-1]) {
		if w, ok := t.word(s, s+2); ok && !strings.HasPrefix(w.pos, "nr") && w.freq >= 20 {
			return true
		}
	}
	// 某县安监站, 乡农经站: an office's short name right after the
	// administrative unit it serves.
	if e-s == 3 && s > 0 && strings.ContainsRune("县市区镇乡", t.rs[s-1]) && strings.ContainsRune("站所办局队股科", t.rs[e-1]) {
		return true
	}
	// 林权权利人, 林权变更, 林权人: a surname-like character and 权 before
	// what rights have (a holder, a certificate, a transfer) is the right.
	if e-s == 2 && t.rs[e-1] == '权' && t.match(e, rightFollowers) > 0 || e-s == 3 && t.str(e-2, e) == "权人" {
		return true
	}
	return false
}

// rightFollowers follow a right named by its object (林权, 矿权, 渔权):
// its holder, its certificate, what is done to it.
var rightFollowers = newMatcher([]string{
	"权利人", "权人", "人", "证", "证书", "登记", "变更", "转让", "流转", "抵押", "纠纷", "争议", "归属", "确权",
	"确认", "交易", "制度", "改革", "管理", "类", "期限", "范围", "面积", "界址", "主体",
})

// thingsListedAfter reports whether a list of things goes on after e: a
// separator and a noun of the dictionary that is no name and no role,
// closing its own item (杨梅、柿子和桃树; 毛竹、柳杉和香樟).
func thingsListedAfter(t *text, e int) bool {
	sep := listSep(t, e)
	if sep == 0 {
		return false
	}
	k := e + sep
	if anyRole.at(t.rest(k)) != "" {
		return false
	}
	// 黄精、白及、党参和重楼: a later item may be the thing the dictionary
	// knows; the items run to the end of the list.
	for items := 0; items < 4 && k < t.n() && k < e+24; items++ {
		if thingItemStarts(t, k) {
			return true
		}
		for k < t.n() && t.han(k) && listSep(t, k) == 0 {
			k++
		}
		if n := listSep(t, k); n > 0 && k < t.n() {
			k += n
			continue
		}
		break
	}
	return thingsCloseList(t, e)
}

// thingItemStarts reports whether the list item at k is a noun of the
// dictionary that is no name, no organisation and no role, closing its
// own item (柿子 in 杨梅、柿子和桃树).
func thingItemStarts(t *text, k int) bool {
	if anyRole.at(t.rest(k)) != "" {
		return false
	}
	thing := false
	t.words(k, func(j int, w word) {
		if nounPOS[w.pos] && !strings.HasPrefix(w.pos, "nr") && w.pos != "nt" && w.freq >= 10 && (listSep(t, j) > 0 || !t.han(j) || t.rs[j] == '等') {
			thing = true
		}
	})
	return thing
}
