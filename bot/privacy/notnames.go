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
	return append(out, caseNumberRanges(t)...) // p28.go
}

// thingAfterName are what makes the words before them a thing's name: a
// brand (李宁牌), a shop or a firm (万家乐家电经营部, 黄妈妈土菜馆), an
// institution or a prize named after a person (焦裕禄干部学院, 鲁迅文学奖).
var thingAfterName = []string{"牌", "干部学院", "学院", "纪念馆", "故居", "基金会", "文学奖", "奖", "精神", "家电", "经营部", "商行", "超市", "土菜馆", "菜馆", "饭店", "酒楼", "餐馆", "炭火", "烧烤", "牛肉粉", "米粉", "凉茶", "燃气", "热水器", "电器", "有限公司", "公司", "加工厂",
	// Forms of a medicine: 乌鸡白凤丸, X胶囊, X颗粒.
	"胶囊", "颗粒", "口服液", "冲剂", "注射液", "软膏", "药丸", "药膏", "喷雾剂"}

// expresswayAfter follow the name of an expressway or a railway.
var expresswayAfter = []string{"高速公路", "高速铁路", "高速沿线", "高速出口", "高速入口", "高速服务区", "高速收费站", "高速改扩建", "高速某段",
	"高速段", "高速互通", "高速连接线", "高速项目", "高速路段", "高速K", "高速的", "高速，", "高速。", "高速、", "高铁", "铁路", "城际铁路"}

// conditionAfter measure a condition (石漠化严重, 沙化程度), never a person.
var conditionAfter = []string{"严重", "加剧", "程度", "现象", "趋势", "防治", "治理"}

// goodsLabels introduce the name of goods: 品名：王老吉凉茶, 货物：….
var goodsLabels = []string{"品名", "商品名称", "商品", "货物", "物品名称", "物品", "货品", "产品名称", "产品"}

// shopNameCues introduce a shop's name in quotes: 店名叫“…”, 招牌为“…”,
// 一家名为“…”的小吃店. A bare 名为 is no cue: 签名为“…”, 户名为“…” and
// 姓名为“…” introduce a person.
var shopNameCues = []string{"店名叫", "店名为", "店名是", "店名", "店铺名为", "门店名为", "招牌为", "招牌是", "招牌上写着", "招牌", "字号为", "字号", "一家名为", "家名为", "一家叫", "标有", "印有", "贴有", "标注有", "标示有"}

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
	if d.organisation(h) || capitalAmount(t, h.start) || roadName(t, h) || placeHit(t, h) || certAbbreviation(t, h) || functionSurname26(t, h) || thing27(t, h) || thing28(t, h) || thing29(t, h) || placeHead30(t, h) || water31(t, h) {
		return true
	}
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
	// 沈海高速沿线, 杭瑞高速某段: an expressway named from the syllables of
	// the places it joins. 高速 alone before a deed (高速行驶) is how a
	// person drove, so only the road's own words after it count.
	if _, ok := hasPrefixAny(after, expresswayAfter); ok {
		return true
	}
	// 苏宁与国美签订: a brand the dictionary knows (nz), and what the
	// default read coordinated with one, are the firms.
	if h.cap == capNeutral && h.end+1 < t.n() && listSep(t, h.end) == 1 && (brandItem(t, h.end+1, h.end+3) || brandItem(t, h.end+1, h.end+4)) {
		return true
	}
	if h.cap == capNeutral && h.start >= 3 && listSep(t, h.start-1) == 1 && (brandItem(t, h.start-3, h.start-1) || h.start >= 4 && brandItem(t, h.start-4, h.start-1)) {
		return true
	}
	// 苏宁与国美: a brand after a place's or a firm's name.
	if h.cap == capNeutral && brandAt(t, h.start, h.end) && h.start >= 3 && listSep(t, h.start-1) == 1 {
		if w, ok := t.word(h.start-3, h.start-1); ok && (w.pos == "ns" || w.pos == "nz") && (h.start == 3 || !t.han(h.start-4)) {
			return true
		}
	}
	// 乌鸡白凤丸, 八宝眼膏: a pill's or an ointment's name the default read
	// with its form.
	if h.cap == capNeutral && strings.ContainsRune("丸膏", t.rs[h.end-1]) {
		return true
	}
	// 原告平时称: a frequent word of time the default alone read right
	// after a role word is when the party did it (夏天签名 and 向前称 at a
	// clause's start may be names).
	// A list's first item is no time word (工作人员向前、路遥).
	if h.cap == capNeutral && h.end-h.start == 2 && roleEndingAt(t, h.start) > 0 && listSep(t, h.end) != 1 {
		if w, ok := t.word(h.start, h.end); ok && w.pos == "t" && w.freq >= 1000 {
			return true
		}
	}
	// 原告种植的田七、石斛均已成熟, 安宫牛黄丸: a thing's word starts at
	// the span or just before it, and no evidence said a person.
	if h.cap == capNeutral {
		for k := max(0, h.start-3); k <= h.start; k++ {
			n := t.match(k, thingWords)
			// The word covers the span (田七, 牛黄丸's 黄丸), or all but an
			// adverb after it (石斛均): 黄金龙 and 汤圆圆 stay names.
			if n > 0 && k+n > h.start && (k+n >= h.end || k+n == h.end-1 && strings.ContainsRune("均都也亦已还又皆", t.rs[h.end-1])) {
				return true
			}
		}
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

// thingWords are herbs, minerals, crops, goods and old shop and brand
// names that start with a surname's character and that the jieba
// dictionary lacks or tags as names (田七, 石斛, 朱砂, 牛黄, 何首乌, 同仁堂,
// 乔迁 as nr): a span the default alone reads as a name where one of them
// starts is the thing. A name the evidence reads (证人连翘称) is not
// touched.
var thingWords = newMatcher([]string{
	// Herbs and medicines.
	"田七", "三七", "石斛", "朱砂", "牛黄", "何首乌", "连翘", "金银花", "陈皮", "桂圆", "柴胡", "黄柏", "黄精",
	"丹参", "葛根", "黄连", "甘草", "杜仲", "白芍", "龙胆草", "高良姜", "党参", "黄芪", "当归", "白芷", "白术",
	"白及", "茯苓", "桔梗", "枸杞", "重楼", "柏子仁", "车前草", "车前子", "龙骨", "龙眼", "牛膝", "牛蒡",
	"石膏", "石菖蒲", "马齿苋", "马鞭草", "马钱子", "金钱草", "金樱子", "夏枯草", "秦艽", "秦皮", "苏木",
	"苏叶", "薄荷", "益母草", "姜黄", "姜半夏", "艾叶", "艾草", "麦冬", "麦芽", "谷芽", "贝母", "鹿茸",
	"鹿角", "阿胶", "罗汉果", "余甘子", "桂枝", "桂皮", "杭白菊", "甘松", "蒲公英", "蒲黄", "钟乳石",
	"雄黄", "黄芩", "黄药子", "白头翁", "白茅根", "白扁豆", "白果", "何首", "胡黄连", "胡芦巴", "柯子",
	"金钗", "石决明", "石韦", "龙葵", "牛至", "毛冬青", "冬虫夏草", "藏红花", "安宫牛黄丸", "牛黄丸",
	"乌梅", "乌药", "乌头", "沙参", "沙棘", "沙苑子", "防风", "防己", "常山", "贯众", "侯桃", "宁心",
	// Minerals, materials and goods.
	"石料", "石英", "钟乳", "云母", "黄铜", "白银", "黄金", "白矾", "明矾", "花岗岩", "汉白玉",
	"乔木林", "乔木层", "苗木", "苗圃", "苗床", "柏油", "杨木", "柏木", "杉木", "樟木", "杨梅", "杨桃", "柳丁",
	"花椒", "胡椒", "桑葚", "桑叶", "桑蚕", "秦椒", "单枞", "毛尖", "龙井", "普洱", "乌龙", "祁红", "滇红",
	"胡杨林", "胡杨", "金桔", "沙糖桔", "蜜桔", "黄瓜", "黄豆", "白菜", "花生", "凤梨", "雪梨", "金针菇", "毛竹", "毛豆",
	// Old shops and brands.
	"同仁堂", "胡庆余堂", "庆余堂", "陈李济", "王老吉", "马应龙", "张小泉", "全聚德", "吴裕泰", "李锦记",
	"云南白药", "片仔癀", "雷允上", "叶开泰", "童涵春", "乐家老铺", "鹤年堂", "东阿阿胶", "王致和",
	"六必居", "曹素功", "戴春林", "谢馥春", "孔凤春", "冯了性", "潘高寿", "敬修堂", "王守义",
	// Everyday words jieba tags as names.
	"乔迁", "农家乐", "捺印", "贺岁", "贺卡", "贺词", "祝寿", "祝福", "宋体", "黑体", "楷体", "汤圆", "汤药",
}, groves26) // words26.go

// brandItem reports whether rs[s:e] is a brand standing as a whole item
// of a list or a pair: a clause's start or a separator before it, a
// separator, a deal or the clause's end after it.
func brandItem(t *text, s, e int) bool {
	if s < 0 || e > t.n() || !brandAt(t, s, e) {
		return false
	}
	before := s == 0 || !t.han(s-1) || listSep(t, s-1) > 0
	after := e >= t.n() || !t.han(e) || listSep(t, e) > 0 || t.match(e, pairDeeds) > 0
	return before && after
}

// brandAt reports whether rs[s:e] is a brand or a firm's name of the
// dictionary (nz: 国美, 万科, 华润).
func brandAt(t *text, s, e int) bool {
	w, ok := t.word(s, e)
	return ok && w.pos == "nz" && w.freq >= 20
}

// capitalAmount reports whether an amount in capital numerals starts at
// i: 伍仟元整, 陆万元, 柒佰 (伍, 陆 and 柒 are surnames too).
func capitalAmount(t *text, i int) bool {
	return i+1 < t.n() && strings.ContainsRune(capitalDigits, t.rs[i]) && strings.ContainsRune(capitalUnits, t.rs[i+1])
}

const (
	capitalDigits = "零壹贰叁肆伍陆柒捌玖"
	capitalUnits  = "拾佰仟万亿元圆角分整"
)
