package privacy

import (
	"strings"
	"unicode/utf8"
)

// Places of prefecture level and above (and the cities of Taiwan, Hong
// Kong and Macau), without their 市/州/盟 suffix: the jieba dictionary
// tags some of them as names (高雄 nr) or lacks them (台中), and many start
// with a surname character (常州, 金华, 高雄, 连云港). Without a role word
// before it, such a span names the place (其在高雄的电话, 在常州、金华等地).
// No Go library keeps a gazetteer of Chinese divisions, and the
// dictionary's ns tag covers counties well enough; this compact list
// covers what it misses at the levels people name where they have lived
// or worked. Places whose names read as given names (朝阳, 安康, 金华,
// 林芝) are left out: there a missed person costs more than a masked place. A party named after one (原告金华) is still read after the role
// word: the list is consulted only where nothing but the default or a weak
// cue says a person.
var placeNames = newMatcher(strings.Fields(`
北京 天津 上海 重庆 香港 澳门 台湾 台北 新北 桃园 台中 台南 高雄 基隆 新竹 嘉义 苗栗 彰化 南投 云林 屏东 宜兰 花莲 台东 澎湖 金门 马祖
河北 石家庄 唐山 秦皇岛 邯郸 邢台 保定 张家口 承德 沧州 廊坊 衡水
山西 太原 大同 阳泉 晋城 朔州 晋中 运城 忻州 临汾 吕梁
内蒙古 呼和浩特 包头 乌海 赤峰 通辽 鄂尔多斯 呼伦贝尔 巴彦淖尔 乌兰察布 锡林郭勒 阿拉善
辽宁 沈阳 大连 鞍山 抚顺 本溪 丹东 锦州 营口 阜新 辽阳 盘锦 铁岭 葫芦岛
四平 辽源 通化 松原 延边
黑龙江 哈尔滨 齐齐哈尔 鸡西 鹤岗 双鸭山 大庆 伊春 佳木斯 七台河 牡丹江 黑河 绥化 大兴安岭
江苏 南京 无锡 徐州 常州 苏州 南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁
浙江 杭州 温州 嘉兴 湖州 绍兴 衢州 舟山 台州
安徽 合肥 芜湖 蚌埠 淮南 马鞍山 淮北 铜陵 安庆 滁州 阜阳 宿州 六安 亳州 池州 宣城
福建 福州 厦门 莆田 泉州 漳州 龙岩
江西 南昌 景德镇 萍乡 九江 新余 鹰潭 赣州 抚州 上饶
山东 济南 青岛 淄博 枣庄 烟台 潍坊 济宁 威海 日照 临沂 德州 聊城 滨州 菏泽
河南 郑州 开封 洛阳 平顶山 安阳 鹤壁 新乡 焦作 濮阳 许昌 漯河 三门峡 南阳 商丘 信阳 周口 驻马店 济源
湖北 武汉 黄石 十堰 宜昌 襄阳 鄂州 荆门 孝感 荆州 黄冈 咸宁 随州 仙桃 潜江 天门 神农架
湖南 长沙 株洲 湘潭 衡阳 邵阳 岳阳 张家界 益阳 郴州 娄底 湘西
广东 广州 韶关 深圳 珠海 汕头 佛山 湛江 茂名 肇庆 惠州 梅州 汕尾 河源 阳江 清远 东莞 潮州 揭阳
广西 南宁 柳州 桂林 梧州 北海 防城港 钦州 贵港 百色 贺州 河池 来宾 崇左
海口 三亚 三沙 儋州
四川 成都 自贡 攀枝花 泸州 绵阳 广元 遂宁 内江 乐山 南充 眉山 宜宾 达州 雅安 巴中 资阳 阿坝 甘孜 凉山
贵州 贵阳 六盘水 遵义 安顺 毕节 黔西南 黔东南 黔南
云南 昆明 曲靖 昭通 丽江 临沧 楚雄 西双版纳 大理 怒江 迪庆
西藏 拉萨 日喀则 昌都 那曲
陕西 西安 铜川 咸阳 渭南 延安 汉中 榆林 商洛
甘肃 兰州 嘉峪关 张掖 酒泉 陇南 临夏 甘南
青海 西宁 果洛
宁夏 银川 石嘴山 吴忠 固原
新疆 乌鲁木齐 克拉玛依 吐鲁番 哈密 昌吉 博尔塔拉 巴音郭楞 阿克苏 克孜勒苏 喀什 和田 伊犁 塔城 阿勒泰 石河子
`), countyCities26) // words26.go

// placeSpan reports whether rs[s:e] is one of those places, standing
// whole: not the start of a longer name (高雄伟 is a person) and not
// glued to a given-name character the place does not end with.
func placeSpan(t *text, s, e int) bool {
	p := placeNames.at(t.rest(s))
	return p != "" && len([]rune(p)) == e-s
}

// Roads. Streets are named after mountains, rivers and people (金雀山路,
// 鹿溪南路, 彭德怀路, 高雄路), and a surname-led span right before a
// road's ending is the road's name, whether or not the road is someone's
// home: an address is masked by the address passes (address.go), below
// the county, and a road that is no one's home stays (执法人员在金雀山路与
// 沂蒙路交汇处…). 路过, 路上 and 街头 after a name are a person's deed or
// whereabouts, not a road: the ending must not start a dictionary word.

// roadEndings end a road's name; 大街 and 大道 before 街 and 道.
var roadEndings = []string{"大街", "大道", "胡同", "路", "街", "巷", "弄"}

// roadContinuations may follow a road's ending inside the road's own
// words (路口, 路段, 街道 of a district's 街道办事处 is not one: that is a
// place, and placeOnly covers it).
var roadContinuations = []string{"路口", "路段", "路东", "路西", "路南", "路北", "街口", "巷口"}

// roadName reports whether the hit is the name of a road: it ends right
// before a road's ending, maybe after a side (东, 南…: 鹿溪南路), and the
// ending starts no other word (路过 and 路上 are a person's).
func roadName(t *text, h hit) bool {
	k := h.end
	// 金雀 + 山路: one or two characters of the road's name may follow
	// the span, but no deed (张三走路) and no function word.
	for j := 0; j < 2 && k < t.n() && t.han(k) && !strings.ContainsRune(functionChars+"东西南北中", t.rs[k]); j++ {
		if _, road := hasPrefixAny(t.rest(k), roadEndings); road {
			break
		}
		if w, ok := t.word(k, k+1); !ok || verbLike(w.pos) {
			return false
		}
		k++
	}
	if k < t.n() && strings.ContainsRune("东西南北中", t.rs[k]) {
		k++
	}
	if k >= t.n() {
		return false
	}
	rest := t.rest(k)
	end, ok := hasPrefixAny(rest, roadEndings)
	if !ok {
		return false
	}
	if _, cont := hasPrefixAny(rest, roadContinuations); cont {
		return true
	}
	n := k + utf8.RuneCountInString(end)
	if !t.han(n) {
		return true // 高雄路88号, 金雀山路，
	}
	// 路过, 路上, 街头, 巷战: a word the ending starts is no road's.
	if w, ok := t.word(k, n+1); ok && w.freq >= 20 {
		return false
	}
	return true
}

// pastoralUnits are the units of a pastoral area and the endings of its
// places (宝音图嘎查, 查干沐沦苏木, 锡林浩特, 查干淖尔, 锡林郭勒): a run of
// name parts right before one is the place's name (巴音嘎查 is Bayan
// gacha, not 巴某), unless the unit opens a title (嘎查长, 嘎查达, 苏木达).
var pastoralUnits = []string{"嘎查", "苏木", "浩特", "淖尔", "诺尔", "郭勒"}

// unitTitles follow a unit to make an office of it.
var unitTitles = []string{"长", "达", "书记", "主任", "干部"}

// placeRunStops end the walk back from a unit over a place's name: a
// particle, a preposition, a verb of being or a place's own level.
const placeRunStops = "的在于系是为与和及到至向从住等省市县区旗盟州镇乡村某"

// reservePastoralPlaces reserves the names of pastoral places: from a
// unit back over up to six characters to a stop (原告所在的巴音嘎查 →
// 巴音嘎查; 巴林右旗查干沐沦苏木 → 查干沐沦苏木).
func reservePastoralPlaces(t *text, reserve func(s, e int)) {
	for _, u := range pastoralUnits {
		if !strings.Contains(t.s, u) {
			continue
		}
		un := utf8.RuneCountInString(u)
		first, _ := utf8.DecodeRuneInString(u)
		for i := 1; i+un <= t.n(); i++ {
			if t.rs[i] != first || t.str(i, i+un) != u {
				continue
			}
			if _, title := hasPrefixAny(t.rest(i+un), unitTitles); title {
				continue
			}
			s := i
			for s > 0 && i-s < 6 && t.han(s-1) && !strings.ContainsRune(placeRunStops, t.rs[s-1]) && roleEndingAt(t, s) == 0 {
				s--
			}
			if i-s >= 2 {
				reserve(s, i+un)
			}
		}
	}
}
