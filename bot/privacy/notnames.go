package privacy

import (
	"regexp"
	"strings"
)

// The passes below drop hits that some earlier pass read as names but
// that the text around them shows to be something else: a document's
// number, a brand or a shop, goods counted in a table, an institution
// named after a famous person. They run last, over every hit, because
// the shape that proves the thing (a bracketed year, a unit after a
// number, an institution's noun) lies outside the name's own window.

// docNumberRe finds a document number: an agency's abbreviation ending in
// a kind character (罚, 复, 决, 字, 函, 发…), optionally a bracketed
// sub-agency (黔公(交)行罚决字), a bracketed year and a serial with 号:
// 沈和卫罚〔2024〕17号, 京朝规自罚字(2023)第8号. The number must survive whole.
var docNumberRe = regexp.MustCompile(`\p{Han}{1,14}(?:[(（]\p{Han}{1,4}[)）]\p{Han}{0,8})?[〔(（\[［]\d{4}[〕)）\]］] ?第? ?\d{1,6} ?号`)

// docNumberBreaks end the words before a document number's abbreviation,
// so a name before it (申请人张三不服某局罚〔…〕) is no part of it.
var docNumberBreaks = []string{"作出的", "作出", "出具的", "出具", "下发的", "印发", "根据", "依据", "依照", "按照", "不服", "收到", "送达", "撤销", "维持", "确认", "即", "以", "的", "和", "及", "与", "、"}

// docNumberRanges returns the rune ranges of the abbreviations of the
// document numbers in t.
func docNumberRanges(t *text) [][2]int {
	if !strings.ContainsAny(t.s, "〔(（[［") {
		return nil
	}
	var out [][2]int
	for _, m := range docNumberRe.FindAllStringIndex(t.s, -1) {
		s, e := t.runeAt(m[0]), t.runeAt(m[1])
		// Cut at the last break word inside the run of characters.
		for k := e - 1; k > s; k-- {
			if hasSuffixAny(t.str(s, k), docNumberBreaks) {
				s = k
				break
			}
		}
		out = append(out, [2]int{s, e})
	}
	return out
}

// thingAfterName are what makes the words before them a thing's name: a
// brand (李宁牌), a shop or a firm (万家乐家电经营部, 黄妈妈土菜馆), an
// institution or a prize named after a person (焦裕禄干部学院, 鲁迅文学奖).
var thingAfterName = []string{"牌", "干部学院", "学院", "纪念馆", "故居", "基金会", "文学奖", "奖", "精神", "家电", "经营部", "商行", "超市", "土菜馆", "菜馆", "饭店", "酒楼", "餐馆", "炭火", "烧烤", "牛肉粉", "米粉", "凉茶", "燃气", "热水器", "电器", "有限公司", "公司", "加工厂"}

// conditionAfter measure a condition (石漠化严重, 沙化程度), never a person.
var conditionAfter = []string{"严重", "加剧", "程度", "现象", "趋势", "防治", "治理"}

// goodsLabels introduce the name of goods: 品名：王老吉凉茶, 货物：….
var goodsLabels = []string{"品名", "商品名称", "商品", "货物", "物品名称", "物品", "货品", "产品名称", "产品"}

// shopNameCues introduce a shop's name in quotes: 店名叫“…”, 招牌为“…”,
// 一家名为“…”的小吃店. A bare 名为 is no cue: 签名为“…”, 户名为“…” and
// 姓名为“…” introduce a person.
var shopNameCues = []string{"店名叫", "店名为", "店名是", "店名", "店铺名为", "门店名为", "招牌为", "招牌是", "招牌上写着", "招牌", "字号为", "字号", "一家名为", "家名为", "一家叫"}

// measureRe is a quantity with a unit of goods, trees or land right after
// a word (何首乌 8kg, 桑树120株): the word is the thing counted. Money (元)
// and people (人) are left out: 支付张三5000元 is a person.
var measureRe = regexp.MustCompile(`^ ?\d+(?:\.\d+)? ?(?:kg|KG|Kg|g|斤|公斤|千克|克|吨|株|棵|箱|袋|盒|瓶|包|件|台|双|亩|平方米|米|只|头|捆|筐|束)`)

// dropThings removes the hits the text shows to be things.
func (d *detector) dropThings() {
	t := d.t
	docs := docNumberRanges(t)
	kept := d.hits[:0]
	for _, h := range d.hits {
		if h.name == "" && d.isThing(h, docs) {
			for k := h.start; k < h.end; k++ {
				d.taken[k] = false
			}
			continue
		}
		kept = append(kept, h)
	}
	d.hits = kept
}

func (d *detector) isThing(h hit, docs [][2]int) bool {
	t := d.t
	for _, r := range docs {
		if h.start < r[1] && h.end > r[0] {
			return true
		}
	}
	after := t.rest(h.end)
	// 石漠化严重: with no cue for a person, a span before a word of a
	// condition's extent is the condition.
	if _, ok := hasPrefixAny(after, conditionAfter); ok && h.cap == capNeutral {
		return true
	}
	// 审判长：请安静: 请 opening a verb is a request, not a surname.
	if t.rs[h.start] == '请' {
		if w, ok := t.word(h.start, h.start+2); ok && strings.HasPrefix(w.pos, "v") {
			return true
		}
	}
	if _, ok := hasPrefixAny(after, thingAfterName); ok {
		return true
	}
	if measureRe.MatchString(after) {
		return true
	}
	before := t.str(max(0, h.start-8), h.start)
	before = strings.TrimRight(before, " ：:")
	if hasSuffixAny(before, goodsLabels) && t.han(h.end) {
		return true
	}
	// “黄妈妈土菜馆” after 店名叫: the whole quote is the shop's name.
	if q := strings.TrimRight(before, "“\"「『"); q != before && hasSuffixAny(q, shopNameCues) {
		return true
	}
	return false
}
