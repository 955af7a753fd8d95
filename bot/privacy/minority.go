package privacy

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Names with no surname, and names whose surname or given name is also a
// word (issue 12, round 10). Three passes live here:
//
//   - reserveWords, run first, marks the words that hold a name part or a
//     surname but name a place, a title or a thing (乌兰察布, 嘎查长, 上官道口,
//     第五条, 杜康酒, 徐长卿 in a prescription), so no later pass reads a
//     name across them;
//   - wordNames, run after the default reading, reads what that reading
//     leaves: a single Tibetan, Mongolian or Uyghur name part in a name's
//     position (尼玛将牦牛…, 次仁、多吉和…, 图雅与格某…, 嘎查长宝音对…), a
//     compound surname before a given name that is a word (第五平安驾驶…), and
//     an ordinary surname before a given name of an era (张建设将…,
//     经查，杨建设在…);
//   - the lexicon: moreMinorityParts extends lexicon.go's minorityParts.
//
// The name parts were collected by hand from the name elements that public
// guides to Tibetan, Mongolian and Uyghur names list as the most common (the
// Tibetan ones are Tibetan words: 扎西 "luck", 次仁 "long life", 卓玛 "Tara";
// the Uyghur ones are mostly Arabic and Persian given names, a father's name
// following as a second part; the Mongolian ones are words such as 巴特尔
// "hero", 其其格 "flower"), and from the examples. None is taken
// from any person.

// moreMinorityParts are name parts added in round 10 (minorityParts in
// lexicon.go holds the earlier ones; the matcher reads both).
var moreMinorityParts = []string{
	// Tibetan, as written in Tibet, Qinghai, Gansu and Sichuan.
	"东智", "周措", "万玛", "更藏", "仁欠", "华旦", "先巴", "公保", "加羊", "旦巴", "次成", "次旺", "格列", "旺扎",
	"泽仁", "泽旺", "降央", "降措", "向巴", "曲扎", "嘎玛", "坚参", "坚赞", "赤列", "扎桑", "央拉", "措吉", "拉珍",
	"次央", "美朵", "梅朵", "洛追", "贡觉", "曲尼", "仁措", "才让吉", "卓玛吉", "索南措", "多杰才让",
	"德青", "仓决", "白珍", "琼珍", "央珍", "尼玛次仁", "边珍", "旺久", "次德", "普珍", "洛布",
	// Mongolian.
	"乌日图", "额日和木", "阿木尔", "巴雅斯古楞", "乌恩", "包音", "满达", "宝力高", "图力古尔", "苏日娜",
	"萨日娜", "娜日苏", "阿茹娜", "额尔德木图", "孟根", "朝格吉乐", "毕力贡", "达楞", "敖日格勒", "特古斯",
	"达古拉", "乌日其玛格", "查干", "乌力吉木仁", "白乙拉", "其其格玛", "格日乐图", "阿日斯楞", "那日苏",
	"苏德", "吉日木图", "额尔敦巴特尔", "朝鲁门", "恩和", "包力高",
	// Uyghur and Kazakh.
	"艾尔肯", "买吾兰", "努尔买买提", "阿卜力孜", "吐尔地", "阿布来提", "热合木", "阿力甫", "亚库甫", "吾甫尔",
	"努尔古丽", "阿依夏木", "再娜甫", "热孜万古丽", "玛依拉", "巴哈古丽", "阿曼古丽", "古再丽努尔", "艾克热木",
	"麦尔丹", "伊斯拉木", "阿巴斯", "卡米力", "努热麦麦提", "买买提明", "阿不力米提", "吐尼沙", "热汗古丽",
	"阿不都外力", "艾则孜", "吾尔开西", "克然木", "依力哈木", "玉苏甫", "阿依古", "帕尔哈提", "哈力克",
	"托乎提", "买提", "依米提", "吐逊古丽", "努尔比亚", "古丽巴哈尔", "库尔班江",
	// Mongolian parts of round 19 (那顺乌力吉).
	"那顺", "乌力吉",
	// Uyghur given names written alone, added in round 19 (热依汗称…).
	"热依汗", "古再丽", "迪丽拜尔", "祖丽皮耶", "麦合木提", "阿依提拉", "帕提曼", "阿瓦汗", "米热古丽", "图尔荪", "阿依达尔",
	// Tibetan given names written alone, added in round 23 (证人其美陈述).
	"其美", "其加", "次措", "白央",
}

// partWords are words that hold a name part, a title or a unit of a
// pastoral area but name a place, a thing or an office: 乌兰察布市 stays,
// 嘎查长 is a title, 嘎查 and 苏木 are a village and a township. They are
// reserved wherever no role word or name part comes right before them.
var partWords = newMatcher([]string{
	"乌兰察布", "乌兰浩特", "乌兰牧骑", "乌兰哈达", "乌兰巴托", "乌兰花", "乌兰木伦", "呼和浩特", "呼伦贝尔",
	"巴音郭楞", "巴音布鲁克", "巴音温都尔", "巴彦淖尔", "巴彦浩特", "巴彦", "阿拉善", "锡林郭勒", "锡林浩特",
	"达坂城", "那曲", "尼玛县", "格桑花", "扎西德勒", "宝音图嘎查", "宝音图苏木", "哈达", "达赖", "吐鲁番", "阿勒泰", "阿克苏",
	"阿图什", "喀什", "和田", "伊犁", "博尔塔拉", "克拉玛依", "鄂尔多斯", "鄂温克", "鄂伦春", "达斡尔",
	"查干湖", "查干淖尔", "查干诺尔", "玉树", "果洛", "黄南", "迪庆", "甘南", "昌都", "阿坝", "甘孜", "海西蒙古族",
	"嘎查长", "嘎查达", "嘎查", "苏木达", "苏木", "敖包", "那达慕", "马头琴", "酥油", "糌粑", "青稞",
})

// compoundWordFollowers are what follows a compound surname that is also a
// word (东方, 上官, 第五, 司马…) when the pair names a place, a firm or a
// thing: 上官道口, 东方明珠, 东方航空, 司马台, 东方红拖拉机厂.
var compoundWordFollowers = newMatcher([]string{
	"道口", "路口", "路段", "大道", "大街", "大桥", "广场", "明珠", "航空", "集团", "公司", "酒店", "宾馆", "饭店",
	"医院", "市场", "商场", "电厂", "拖拉机", "机械", "厂", "台", "一带", "附近", "方向", "路", "街", "巷", "村",
	"镇", "乡", "市", "县", "区", "桥", "站", "港", "湖", "山", "之", "红日", "欲晓", "既白", "文化", "卫视",
	"电视", "时空", "小学", "中学", "学校", "学院", "大学", "剧院", "影院",
})

// firmNouns follow a brand or a firm named with a compound surname that is
// a word and two characters more (东方雨虹防水材料, 东方希望集团).
var firmNouns = newMatcher([]string{"防水", "材料", "牌", "集团", "股份", "科技", "电器", "电子", "有限公司", "公司", "品牌", "产品", "系列", "涂料", "建材", "饲料", "药业", "食品"})

// compoundWordSurnames are the compound surnames that also are words.
const compoundWordSurnames = "东方上官第五司马西门南宫南门东门东郭百里长孙"

// compoundWordFirsts are their first characters, for a quick look.
var compoundWordFirsts = newRuneSet(compoundWordSurnames)

// ordinalFollowers follow 第五 as an ordinal: 第五条, 第五次, 第五届.
const ordinalFollowers = "条次届项款章节名组个十百千万天年月日期批轮部位类种号页段层季代道排列卷编辑款目点周号户栋楼单元者"

// namesakes are herbs, brands and famous people whose names read as a
// person's, and the contexts in which they are the thing: an herb in a
// clause about medicine, a brand or a famous person before a thing's or an
// institution's noun (杜康酒, 李宁牌, 詹天佑中学, 焦裕禄精神, 中山公园).
var (
	herbNamesakes   = newMatcher([]string{"徐长卿", "刘寄奴", "王不留行", "使君子", "韩信草", "马兜铃", "杜衡", "苏合香", "徐长"})
	famousNamesakes = newMatcher([]string{
		"杜康", "李宁", "张裕", "张飞", "茅台", "孔府家", "康师傅", "周黑鸭", "老干妈", "王守义",
		"詹天佑", "焦裕禄", "鲁迅", "孙中山", "中山", "逸仙", "雷锋", "岳飞", "包公", "包拯", "鲁班", "欧阳修",
		"李时珍", "张仲景", "华佗", "孔子", "孟子", "杜甫", "李白", "白居易", "苏轼", "苏东坡", "王羲之",
		"周恩来", "邓小平", "毛泽东", "黄继光", "董存瑞", "刘胡兰", "诸葛亮", "关公", "关羽", "郑成功", "林则徐",
		"孔繁森", "钱学森", "袁隆平", "屈原", "司马迁", "司马光", "宋庆龄", "秋瑾", "徐霞客", "郭守敬", "祖冲之",
		"张衡", "范仲淹", "海瑞", "文天祥", "戚继光", "左权", "朱德", "贺龙", "杨靖宇", "赵一曼", "冼星海",
		"聂耳", "白求恩", "杨善洲", "谷文昌", "廖俊波", "黄大年", "南仁东", "张謇", "陶行知", "蔡元培", "梅兰芳",
		"齐白石", "徐悲鸿", "老舍", "茅盾", "巴金", "冰心", "郭沫若", "武训", "王进喜", "陈嘉庚", "邵逸夫", "霍英东",
	})
	namesakeThings = newMatcher([]string{
		"中学", "小学", "大学", "学校", "学院", "幼儿园", "精神", "文学奖", "奖", "公园", "纪念馆", "纪念碑", "纪念日",
		"纪念堂", "故居", "祠", "庙", "墓", "陵", "广场", "路", "大道", "街", "中医院", "医院", "大药房", "药房", "药店",
		"酒", "牌", "商标", "品牌", "字样", "系列", "专卖", "旗舰店", "运动", "服饰", "牛肉", "凉茶", "葡萄", "号",
		"杯", "像", "铜像", "雕像", "景区", "研究会", "基金会", "图书馆", "剧院", "体育馆", "舰", "班", "式", "红",
		"大桥", "中心", "陵园", "文化", "思想", "同志纪念", "塑像", "书院", "诗", "体",
	})
	// herbCues in a clause make its herbs' names the herbs.
	herbCues = []string{"药", "处方", "采挖", "收购", "种植", "炮制", "晾晒", "草本"}
)

// reserveWords marks the words above so that no pass reads a name across
// them. A role word or a name part right before the word lifts the
// reservation (第三人东方红称, 原告格桑花诉称, 巴特尔哈达), since a person's
// name then stands there.
func (d *detector) reserveWords() {
	d.reserved = d.t.reservedRunes()
}

// reserveStarts are the characters a reserved word may start with, but
// for a frequent noun before a role word, which may start with any and is
// looked for before the gate (see computeReserved).
var reserveStarts runeSet

func init() {
	// Built at init, after the matchers it reads.
	reserveStarts = newRuneSet("")
	for _, m := range []*matcher{partWords, famousNamesakes, herbNamesakes, minorityMatcher, placeAndThingWords} {
		for r := range m.byFirst {
			if r < 0x10000 {
				reserveStarts[r/64] |= 1 << (r % 64)
			}
		}
	}
	for _, r := range compoundWordSurnames + capitalDigits + capitalUnits {
		reserveStarts[r/64] |= 1 << (r % 64)
	}
}

// placeAndThingWords are words that hold a surname or a name part and
// are never a person, whatever stands before them: the banners and
// counties of pastoral areas (翁牛特旗, 陈巴尔虎旗, 杜尔伯特), brands that
// read as a name (谭木匠, 周大福), a historical figure's byname (包青天)
// and everyday words a role word may precede (被告门卫, 文中称). Unlike
// partWords, a role word before them does not lift the reservation.
var placeAndThingWords = newMatcher([]string{
	"翁牛特", "巴尔虎", "杜尔伯特", "科尔沁", "鄂托克", "阿巴嘎", "苏尼特", "乌拉特", "达尔罕", "茂明安", "扎鲁特",
	"奈曼旗", "库伦旗", "喀喇沁", "敖汉", "克什克腾", "巴林左旗", "巴林右旗", "土默特", "准格尔", "杭锦", "乌审",
	"察哈尔", "正蓝旗", "正镶白旗", "镶黄旗", "镶白旗", "莫力达瓦", "阿荣旗", "额济纳", "四子王旗", "太仆寺旗",
	"乌珠穆沁", "扎赉特", "扎兰屯", "额尔古纳", "根河", "阿尔山", "二连浩特", "满洲里", "牙克石", "霍林郭勒",
	"前郭尔罗斯", "郭尔罗斯", "蒙古贞", "阜新蒙古族", "博湖", "和静", "和硕", "焉耆", "尉犁", "若羌", "且末",
	"包青天", "包龙图", "谭木匠", "周大福", "周生生", "周六福", "老凤祥", "谢瑞麟", "王麻子", "张小泉", "王老吉",
	"马应龙", "同仁堂", "胡庆余堂", "全聚德", "陈李济", "冯了性", "曹素功", "戴春林", "谢馥春", "汪恕有",
	"门卫", "文中称", "文中所", "文中的", "文中提", "文中载", "果园", "周边",
	// Chains named like a person (priv24): “永辉超市” is no 永辉's shop.
	"永辉超市", "联华超市", "物美超市", "美宜佳", "华润万家", "家家悦", "红旗连锁", "步步高超市",
	// Drugs and substances found in food and medicine cases (priv24): their
	// transliterated syllables hold a surname and a given character
	// (西布曲明 read 曲明, 苯海拉明 read 海拉明, 右美沙芬 read 沙芬).
	"西布曲明", "芬氟拉明", "苯海拉明", "氯苯那敏", "西地那非", "他达拉非", "伐地那非", "豪莫西地那非", "奥利司他", "利莫那班",
	"罗格列酮", "吡格列酮", "格列本脲", "格列齐特", "格列美脲", "苯乙双胍", "二甲双胍", "右美沙芬", "伪麻黄碱", "麻黄碱",
	"曲马多", "氯胺酮", "甲基苯丙胺", "苯丙胺", "芬太尼", "地西泮", "艾司唑仑", "阿普唑仑", "三唑仑", "卡马西平", "硝苯地平",
	"利福平", "甲硝唑", "阿莫西林", "罗红霉素", "阿奇霉素", "克林霉素", "头孢曲松", "利巴韦林", "氯霉素", "呋喃唑酮",
	"孔雀石绿", "莱克多巴胺", "克伦特罗", "沙丁胺醇", "地塞米松", "泼尼松", "氢氯噻嗪", "呋塞米", "安乃近", "氨基比林",
	"对乙酰氨基酚", "布洛芬", "双氯芬酸", "吲哚美辛", "酚酞", "咖啡因", "三聚氰胺", "苏丹红", "罂粟壳", "喹诺酮",
})

// capitalAmountEnd returns the end of a run of capital numerals and their
// units (notnames.go's capitalDigits and capitalUnits) from i holding two
// numerals or more, or i: in 壹佰零贰万叁仟伍佰元整 the 万 and 伍 that are
// surnames stay with the amount.
func capitalAmountEnd(t *text, i int) int {
	j, digits := i, 0
	for j < t.n() && strings.ContainsRune(capitalDigits+capitalUnits, t.rs[j]) {
		if t.rs[j] != '零' && strings.ContainsRune(capitalDigits, t.rs[j]) {
			digits++
		}
		j++
	}
	if digits < 2 {
		return i
	}
	return j
}

// reservedIn reports whether a rune of [s, e) is reserved: a registered
// name found again inside 宝音图嘎查 or 东方红拖拉机厂 is the word there.
func (t *text) reservedIn(s, e int) bool {
	res := t.reservedRunes()
	for k := s; k < e && k < len(res); k++ {
		if res[k] {
			return true
		}
	}
	return false
}

// reservedRunes computes the reserved runes of t once.
func (t *text) reservedRunes() []bool {
	if t.reserved == nil {
		t.reserved = computeReserved(t)
	}
	return t.reserved
}

func computeReserved(t *text) []bool {
	reserved := make([]bool, t.n())
	reserve := func(s, e int) {
		for k := s; k < e && k < t.n(); k++ {
			reserved[k] = true
		}
	}
	// lifted is asked only where a word matched: a role word's lookup at
	// every rune would cost a fifth of a judgment's time.
	lifted := func(i int) bool {
		return roleEndingAt(t, i) > 0 || i >= 2 && t.match(i-2, minorityMatcher) == 2 || i >= 3 && t.match(i-3, minorityMatcher) == 3 ||
			i >= 1 && (yiClanOpens(t, i-1) || yiClanAndPart31(t, i-1))
	}
	brands := strings.ContainsRune(t.s, '牌')
	for i := 0; i < t.n(); i++ {
		if !t.han(i) {
			continue
		}
		// 房屋承租人, 车辆所有人: a frequent noun before a role word of three
		// characters or more says whose role it is, and is no name.
		if t.han(i+2) && roleNounAhead(t, i+4) && (i == 0 || !t.han(i-1) || !surnameSet.has(t.rs[i-1])) {
			if r := anyRole.at(t.rest(i + 2)); utf8.RuneCountInString(r) >= 3 {
				if w, ok := t.word(i, i+2); ok && w.pos == "n" && w.freq >= 1000 && !lifted(i) {
					reserve(i, i+2)
					i++
					continue
				}
			}
		}
		if !reserveStarts.has(t.rs[i]) {
			continue
		}
		if e := capitalAmountEnd(t, i); e > i {
			reserve(i, e)
			i = e - 1
			continue
		}
		if n := t.match(i, placeAndThingWords); n > 0 {
			reserve(i, i+n)
			i += n - 1
			continue
		}
		if n := t.match(i, partWords); n > 0 {
			// 东至乌兰察布方向的公路: a land boundary bounds places as
			// often as people's land, and lifts nothing.
			if _, k := roleEnding(t, i); k == markBoundary || !lifted(i) {
				reserve(i, i+n)
				i += n - 1
			}
			continue
		}
		// 古丽牌干果: a name part before 牌 names a brand; 达娃卓玛民宿,
		// 格桑花饭店: parts before an organisation's ending name a shop.
		if minorityMatcher.starts.has(t.rs[i]) {
			if n, _ := minorityAt(t, i); n > 0 && i+n < t.n() && (brands && t.rs[i+n] == '牌' || orgEndingAt(t, i+n)) && !lifted(i) {
				reserve(i, i+n+1)
				i += n
				continue
			}
		}
		if compoundWordFirsts.has(t.rs[i]) && t.han(i+1) && compoundSet[t.str(i, i+2)] && strings.Contains(compoundWordSurnames, t.str(i, i+2)) {
			if t.str(i, i+2) == "第五" && (t.han(i+2) && strings.ContainsRune(ordinalFollowers+numerals, t.rs[i+2])) {
				reserve(i, i+3)
				i += 2
				continue
			}
			for j := i + 2; j <= i+4 && j < t.n(); j++ {
				n := t.match(j, compoundWordFollowers)
				if j == i+4 {
					// 东方雨虹防水材料: two characters more before a product's
					// or a firm's noun.
					n = t.match(j, firmNouns)
				}
				if n > 0 {
					if !lifted(i) {
						reserve(i, j+n)
						i = j + n - 1
					}
					break
				}
			}
			continue
		}
		if n := t.match(i, famousNamesakes); n > 0 && (t.match(i+n, namesakeThings) > 0 || i > 0 && strings.ContainsRune(goodsClassifiers, t.rs[i-1])) && !lifted(i) { // 一瓶杜康 (unexplained.go's classifiers)
			reserve(i, i+n)
			i += n - 1
			continue
		}
		if n := t.match(i, herbNamesakes); n > 0 && herbClause(t, i) && !lifted(i) {
			reserve(i, i+n)
			i += n - 1
		}
	}
	// 巴音嘎查, 查干沐沦苏木: the names of pastoral places (places.go).
	reservePastoralPlaces(t, reserve)
	// 执法人员  执法证号  所属单位: a table's header cells (tables.go).
	reserveTableHeaders(t, reserved)
	return reserved
}

// roleNounAhead reports whether 人, 者 or 员 stands at k, k+1 or k+2: a
// cheap look before the role words are matched at every rune.
func roleNounAhead(t *text, k int) bool {
	for j := k; j < k+3 && j < t.n(); j++ {
		if r := t.rs[j]; r == '人' || r == '者' || r == '员' {
			return true
		}
	}
	return false
}

// herbClause reports whether the sentence around i speaks of medicine.
func herbClause(t *text, i int) bool {
	s, e := i, i
	for s > 0 && !strings.ContainsRune("。；\n", t.rs[s-1]) {
		s--
	}
	for e < t.n() && !strings.ContainsRune("。；\n", t.rs[e]) {
		e++
	}
	c := t.str(s, e)
	for _, w := range herbCues {
		if strings.Contains(c, w) {
			return true
		}
	}
	return false
}

// wordNames reads the names the default reading leaves because they hold
// no surname or their given name is a word; see the file's comment.
func (d *detector) wordNames() {
	t := d.t
	d.latinWithInitials()
	if hasLatinUpper(t.s) {
		d.latinInContext() // latin.go
	}
	for i := 0; i < t.n(); i++ {
		if d.taken[i] || d.reserved[i] || !t.han(i) {
			continue
		}
		if n := d.minorityAlone(i); n > 0 {
			d.add(i, i+n, capNeutral)
			i += n - 1
			continue
		}
		if n := d.minorityRun(i); n > 0 && d.add(i, i+n, capNeutral) {
			d.yiGivenAlone(i, i+n)
			i += n - 1
			continue
		}
		if n := d.translitSubject(i); n > 0 && d.add(i, i+n, capNeutral) {
			i += n - 1
			continue
		}
		if n := wordGivenName(t, i); n > 0 && d.add(i, i+n, capNeutral) {
			i += n - 1
		}
	}
}

// minorityAlone returns the length of a run of name parts at i that stands
// where a person does, or 0. A single part is common and short (尼玛, 巴图,
// 图雅), so it needs one of: a clause's start or a title before it and a
// person's deed after it; another part or a name listed with it
// (次仁、多吉和…; 图雅与格某…); a title of a pastoral area before it
// (嘎查长宝音对…).
func (d *detector) minorityAlone(i int) int {
	t := d.t
	if !minorityMatcher.starts.has(t.rs[i]) {
		return 0
	}
	n, parts := minorityAt(t, i)
	if parts == 0 || n < 2 || d.blocked(i, i+n) {
		return 0
	}
	e := i + n
	// 艾合买提江: 江 ends Uyghur men's names as a diminutive, unless it
	// starts a word (江边, 江苏).
	if e < t.n() && t.rs[e] == '江' && !anyWordAt(t, e, e+2) && !anyWordAt(t, e, e+3) {
		n, e = n+1, e+1
	}
	// The run must end where a word does: no dictionary word runs on
	// from its last character (巴图腾).
	if t.han(e) && t.match(e, minorityMatcher) == 0 && crossesRight(t, i, e, 20) {
		return 0
	}
	// 乌云密布: a part that is also a frequent word of the dictionary
	// needs a title or a list; a clause's start is not enough.
	// The dictionary's nrt (a transliterated name: 洛桑, 拉姆) is no word;
	// its nr is one when frequent (乌云 655, but 卓玛 181).
	wordPart := false
	if w, ok := t.word(i, e); ok && parts == 1 && w.freq >= 100 && w.pos != "nrt" && (w.pos != "nr" || w.freq >= 500) {
		wordPart = true
	}
	// 收款人为努尔兰: a role word and 为 or 是 before it, as a title.
	titled := titleBefore(t, i) || i > 0 && strings.ContainsRune("为是", t.rs[i-1]) && titleBefore(t, i-1)
	// 找尼玛协商, 支付给扎西。, 委托巴桑代为…: a verb that takes a person.
	cue := objectCueLen(t, i)
	strongCue := cue > 0 && !weakObjectCues[t.str(i-cue, i)]
	// 是扎西告诉我的: 是 before a person's deed opens a cleft sentence.
	start := i == 0 || !t.han(i-1) || strings.ContainsRune(objectPrepositions+"及、有是", t.rs[i-1]) || titled || cue > 0
	if start && (!wordPart || titled) && (personRight(t, e, true) || boundary(t, e) == 3 && titled || strongCue && boundary(t, e) >= 2) {
		return n
	}
	// 对洛桑次仁罚款五万元: the one a penalty is imposed on (penaltyOn).
	if !wordPart && penaltyOn(t, i, e) {
		return n
	}
	// 原告阿拉坦仓诉称: after a role word, parts and one or two more
	// characters of a transliteration before what a party says.
	if titled {
		for k := 1; k <= 2 && e+k < t.n(); k++ {
			if !translitSet.has(t.rs[e+k-1]) && !strings.ContainsRune(translitTails, t.rs[e+k-1]) {
				break
			}
			if _, ok := hasPrefixAny(t.rest(e+k), namePartSays); ok {
				return n + k
			}
		}
	}
	// A list: the part before or after a separator is a part or a name.
	if sep := listSep(t, e); sep > 0 && e+sep < t.n() {
		if m, _ := minorityAt(t, e+sep); m >= 2 || d.taken[e+sep] {
			return n
		}
	}
	if i >= 2 && listSep(t, i-1) == 1 && (d.taken[i-2] || partEndsAt(t, i-1)) {
		return n
	}
	return 0
}

// translitTails end Mongolian and Turkic names and are no
// transliteration characters of translitChars: 阿拉坦仓, 努尔兰别克.
const translitTails = "仓江别克汗"

// namePartSays is what a party says after its name: 原告X诉称.
var namePartSays = []string{"诉称", "述称", "辩称", "称", "陈述", "认为", "不服"}

// blocked reports whether a rune of [s, e) is reserved.
func (d *detector) blocked(s, e int) bool { return d.t.reservedIn(s, e) }

// partEndsAt reports whether a name part ends right before e.
func partEndsAt(t *text, e int) bool {
	for n := 2; n <= 5 && e-n >= 0; n++ {
		if t.match(e-n, minorityMatcher) == n {
			return true
		}
	}
	return false
}

// pastoralTitles are titles of the villages and townships of pastoral
// areas and everyday titles of a village, after which a person is named.
var pastoralTitles = []string{"嘎查长", "嘎查达", "苏木达", "嘎查书记", "嘎查委员会主任", "牧民", "村民", "村主任", "老人", "之妻", "之夫", "之子", "之女", "之母", "之父"}

// titleBefore reports whether a title or a role word ends right before i.
func titleBefore(t *text, i int) bool {
	if roleEndingAt(t, i) > 0 {
		return true
	}
	for _, w := range pastoralTitles {
		if strings.HasSuffix(t.str(max(0, i-len([]rune(w))), i), w) {
			return true
		}
	}
	return false
}

// eraGiven are given names of an era (the 1950s to the 1970s) that are
// ordinary words: after a surname at a clause's start and before a
// person's deed they are a name (张建设将…, 被刘和平殴打), while 城市建设,
// 世界和平 and 粮食丰收 stand after a character that starts no name.
var eraGiven = newMatcher([]string{
	"建设", "和平", "丰收", "卫东", "卫国", "向前", "向阳", "胜利", "红旗", "春风", "抗美", "援朝", "跃进", "国庆",
	"建军", "建国", "建华", "卫红", "红卫", "解放", "东风", "前进", "超英", "援越", "拥军", "爱国", "学军", "立新",
	"红军", "永红", "卫兵", "文革", "新华", "振华", "兴华", "跃华", "建新", "卫星", "红星", "东升", "光明", "春雷",
	"文化", "学工", "学农", "反修", "继红", "建民", "国强", "富强", "民主", "自力", "更生", "幸福", "和谐",
	// Wishes of the countryside that are words too (羊得胜, 栗长青, 能长江).
	"得胜", "得水", "得福", "长青", "长江", "长河", "长城", "平安", "永安", "春雨", "秋雨", "丰年", "兴旺", "满仓",
	"金山", "银山", "铁柱", "来福", "有福", "发财", "福生", "水生", "春生", "秋生", "国平", "国安", "长安", "长海",
})

// wordGivenName returns the length of a name at i whose given name is a
// word, or 0: a common surname and a given name of an era, or a compound
// surname and one or two characters (第五平安), standing at a clause's
// start or after a preposition or a verb that takes a person (names.go's
// objectPrepositions and object cues: 系刘丰收于…, 找王建设), and followed
// by a person's deed.
func wordGivenName(t *text, i int) int {
	sl := surnameAt(t, i)
	if sl == 0 {
		return 0
	}
	var ends []int
	if sl == 1 {
		if t.match(i+1, eraGiven) == 2 {
			ends = append(ends, i+3)
		}
	} else {
		ends = append(ends, i+4, i+3)
	}
	// The position last: the object cues' lookup is the dearest test.
	if len(ends) == 0 || !(i == 0 || !t.han(i-1) || strings.ContainsRune(objectPrepositions, t.rs[i-1]) || objectCueLen(t, i) > 0) {
		return 0
	}
	for _, e := range ends {
		if e > t.n() || !validGiven(t, i+sl, e) || !t.han(e) {
			continue
		}
		// 李建设局长, 高建设标准: no word of the dictionary may run on from
		// inside the given name, but a preposition or an auxiliary after
		// its last character is the person's next word (杨建设在, 郑胜利于).
		if givenRunsOn(t, i+sl, e) {
			continue
		}
		if sl == 2 && wordAt(t, i, e) {
			continue
		}
		// 严建设管理, 曾建设的道路: the given name runs on into a word of
		// the dictionary, 的 follows with nothing only a person has, or the
		// surname is also an adverb or a preposition (曾, 将, 于) and no
		// deed only a person does follows.
		if anyWordAt(t, i+sl, e+1) || anyWordAt(t, i+sl, e+2) || t.rs[e] == '的' && !personAfter(t, e) {
			continue
		}
		if personRight(t, e, !strings.ContainsRune(functionSurnames, t.rs[i])) {
			return e - i
		}
	}
	return 0
}

// givenRunsOn reports whether a word of 20 uses or more starts inside the
// given name [s, e) and ends after e, unless it starts at the last
// character and what follows e is a preposition or an auxiliary.
func givenRunsOn(t *text, s, e int) bool {
	found := false
	for a := s; a < e; a++ {
		t.words(a, func(j int, w word) {
			if j <= e || w.freq < 20 || strings.HasPrefix(w.pos, "nr") {
				return
			}
			if a == e-1 && strings.ContainsRune("在于将把向对与和从被已曾称", t.rs[e]) {
				return
			}
			found = true
		})
	}
	return found
}

// translitLabels introduce the Chinese writing of a foreign name
// (中文译名：安娜·施密特).
var translitLabels = []string{"中文译名", "中文名", "译名", "汉译名", "中文姓名"}

// translitLabelBefore returns the rune length of such a label, with its
// colon, ending right before s, or 0.
func translitLabelBefore(t *text, s int) int {
	k := s
	for k > 0 && strings.ContainsRune("：: ", t.rs[k-1]) {
		k--
	}
	if k == s {
		return 0
	}
	for _, l := range translitLabels {
		n := utf8.RuneCountInString(l)
		if k >= n && t.str(k-n, k) == l {
			return s - (k - n)
		}
	}
	return 0
}

// dottedFrom returns the end of a dotted name (孟和·巴特尔, 阿依古丽·买买提)
// that starts at i, or i: a signature's passes read a signer from i and
// must not stop at the dot.
func dottedFrom(t *text, i int) int {
	for k := i + 1; k < t.n() && k <= i+8 && t.han(k-1); k++ {
		if strings.ContainsRune(dots, t.rs[k]) {
			// The dot's own reading (dottedAt) may start later or not at
			// all (孟和·巴特尔: 和 is a conjunction there); after a title
			// the signer starts at i.
			if t.han(k + 1) {
				return dottedEnd(t, k)
			}
			return i
		}
	}
	return i
}

// skipSpaces returns the first index at or after i that holds no space.
func skipSpaces(t *text, i int) int {
	for i < t.n() && t.rs[i] == ' ' {
		i++
	}
	return i
}

// sourcedMinorityParts are name components added in round 15 (priv15),
// each read in a public guide to the names of its people (stored pages,
// read 2026-12-02):
//
//   - Tibetan: the weekday names, names of good things and of Buddhist
//     words, and the names used by women or by men only, listed at
//     touch.travel.qunar.com/bookElement/4938152/1024701-2; the names of
//     days and wishes and the short forms of four-character names at
//     wanbiaoku.com/new/147ecfee44d447dda25c1775625be057; and
//     auzhu.com/entertainment/4803009.html;
//
//   - Mongolian: the names of happiness, strength, birds and beasts,
//     metals, the sun, moon and stars, flowers and jewels listed at
//     cnphk.com/Freenamelist/drvzdbeemh.html and dongezwzwm.html (in
//     English transliteration there; the usual Chinese writing here), and
//     www.jmdydc.com/nanhaiquming/147344.html;
//
//   - Uyghur: names from religion, birth order and birth month, the
//     women's endings and the honorific endings at
//     m.ningxialong.com/c/0R39206352022_2.html, the short forms of
//     Muhammad and Ahmad at news.43b.com.cn/a/528072.html, and the names
//     at zqbbs.5ijt.cn (维族的名字) and www.mixuai.com/thread/20221103/4590445.html.
//
//   - Yi (诺苏, round 16, priv16): the clan names (家支) listed at
//     www.fengsuwang.com/minzu/yizuxingming.asp (沙马, 曲比, 乃保, 阿约,
//     吉木, 阿力, 哈马, 阿黑, 阿措, 拖觉, 阿苦, 阿子, 嘿哈, 火布, 吉斯, 吉克,
//     尼色, 吉补), tjls.net/lvyou/202301/28/15221.html (曲木, 吉子, 阿祝,
//     克惹) and mingzi8.com/wangmingdaquan/120193.html (阿鲁, 贾巴, 黑来,
//     阿伙); the given names by birth direction, sacrificial beast, humble
//     names, beasts and flowers at lm263.com/article/202310/149916_3.html
//     (子到, 日木, 立色, 友色, 衣尔, 威杂, 哈比, 赤次, 帕所, 赤莫, 日则,
//     尔子, 俄里, 木土, 史外, 俄外, 阿合) and the women's names at
//     en.nctoro.com/tag_yizunvshengmingzi (阿呷, 尔洛, 阿芝) and
//     www.wangluoqianming.com/lizhiqianming/261657.html (尔外, 沙红, 子杂,
//     俄铁); the women's ending 莫 (嫫) is in minoritySuffixes.
//
// Words that are also brands or everyday words (伊利, 阿洪 alone, 塔西;
// the Yi 有日, 里外 and 赤子) were left out.
var sourcedMinorityParts = []string{
	// Tibetan
	"白玛", "梅朵", "罗布", "嘉措", "洛桑", "德勒", "益希", "土登", "丹巴", "降央", "杰布", "旺姆", "桑姆",
	"拉珍", "仓决", "帕卓", "珠杰", "罗追", "占推", "次松", "次捷", "朗嘎", "布赤", "穷达", "仓木决", "江村",
	"单增", "琼培", "罗普", "顿朱", "格让", "拉毛吉", "江扬", "旺杰", "次仁多杰", "次仁罗布", "多吉才让",
	"格桑德吉", "米玛旺堆", "扎西多吉", "扎西罗布", "尼玛次仁", "单增琼培",
	// Mongolian
	"吉日嘎朗", "巴雅斯古楞", "庆格勒", "毕力格达来", "恩和巴图", "乌恩宝音", "特古斯朝克图", "恩和巴雅尔",
	"特古斯巴雅尔", "乌力吉巴雅尔", "孟和巴雅尔", "那斯图", "那顺布和", "哈森高娃", "斯琴高娃", "乌云其木格",
	"其木格", "托雅", "阿日斯楞", "布日古德", "达林台", "乃仁台", "莫日根", "孟根", "敖登格日乐",
	"哈森", "图日根", "乌恩其", "阿古拉", "哈斯尔", "腾格尔", "恩和宝力德", "乌云毕力格", "诺敏",
	"特古斯", "朝格巴达拉呼", "那仁格日勒",
	// Uyghur
	"阿不都肉索里", "艾伯不拉", "阿不力孜", "塔里甫", "艾克板尔", "牙库甫", "艾合坦木", "热比安", "哈蒂曼",
	"吾守尔", "赛盘尔", "热健甫", "巴拉提", "奴肉孜", "海伊提", "阿孜娜", "南吾巴哈尔", "吐尔地", "阿扎提",
	"尼贾提", "艾尔克", "库吐鲁克", "亚里坤", "艾孜买提", "肉孜买提", "努尔买提", "尼亚孜买提", "买吐送",
	"买合买提", "达吾提", "胡达拜地", "阿尔肯", "艾买提", "帕里但", "阿娜尔汗", "古力娜扎", "拜合提亚尔",
	"尼格买提", "西热力江", "木合塔尔", "卡丽比努尔", "艾力亚尔", "阿不都沙拉木", "阿不都热西提", "迪力木拉提",
	"阿不都拉", "乌斯曼", "司马义",
	// Yi: clans, then given names (see the comment above).
	"乃保", "阿约", "阿力", "哈马", "阿黑", "阿措", "拖觉", "阿苦", "嘿哈", "火布", "吉斯", "尼色", "吉补", "曲木",
	"吉子", "阿祝", "克惹", "阿鲁", "贾巴", "黑来", "阿伙", "阿说", "阿的", "俄木", "吉伍", "子到", "日木", "立色",
	"友色", "衣尔", "威杂", "哈比", "赤次", "帕所", "赤莫", "日则", "尔子", "俄里", "木土", "史外", "俄外",
	"阿合", "尔洛", "阿芝", "尔外", "沙红", "子杂", "俄铁", "石且", "惹古", "拉哈",
}

// yiClans are the Yi clan names a person's full name opens with; the
// rest of such a name is what the person is called alone later
// (吉克阿依莫 … 阿依莫表示).
var yiClans = []string{"吉克", "沙马", "阿苏", "俄底", "海来", "吉伍", "曲比", "马海", "吉木", "勒格", "瓦扎", "乃保", "阿约",
	"阿力", "哈马", "阿黑", "阿措", "拖觉", "阿苦", "嘿哈", "火布", "吉斯", "尼色", "吉补", "曲木", "吉子", "克惹", "阿鲁",
	"贾巴", "黑来", "阿伙", "阿说", "阿的", "俄木"}

// yiGivenWord reports whether rs[j:e], a noun of two characters right
// after a Yi clan name that opens the run at i, is the given name (阿黑赤子:
// Yi given names are often words, 赤子 among them); verbs stay words
// (阿力提供).
func yiGivenWord(t *text, i, j, e int) bool {
	if j-i != 2 || e-j != 2 || !slices.Contains(yiClans, t.str(i, j)) {
		return false
	}
	w, ok := t.word(j, e)
	return ok && w.pos == "n"
}

// yiClanOpens reports whether a Yi clan name opens a name at i, right
// after a role word (法定代表人阿苏木呷: 苏木 is a township's word, but here
// the clan 阿苏 and the given name 木呷).
func yiClanOpens(t *text, i int) bool {
	if i+2 > t.n() || !slices.Contains(yiClans, t.str(i, i+2)) {
		return false
	}
	return roleEndingAt(t, i) > 0
}

// yiGivenAlone masks, wherever it recurs, the given part of a Yi name
// read whole (the clan name off: 吉克阿依莫 … 阿依莫表示). A given part of
// two characters or more is the person's own name, as a Han given name
// is after its surname; a frequent word of the dictionary stays.
func (d *detector) yiGivenAlone(s, e int) {
	t := d.t
	full := t.str(s, e)
	for _, c := range yiClans {
		if !strings.HasPrefix(full, c) {
			continue
		}
		given := full[len(c):]
		if utf8.RuneCountInString(given) < 2 {
			return
		}
		if w, ok := t.word(s+2, e); ok && w.freq >= 20 && w.pos != "nr" {
			return
		}
		n := utf8.RuneCountInString(given)
		t.eachIndex(given, func(i int) {
			if i+n <= t.n() && !d.taken[i] && (i+n == t.n() || !t.han(i+n) || boundary(t, i+n) >= 1) {
				d.add(i, i+n, capNeutral)
			}
		})
		return // the first clan that opens the name is its clan
	}
}

// minoritySuffixes end a name after a known part: the Mongolian -图
// ("having": 宝音图, 朝克图), the Uyghur diminutive 江 and the women's 汗
// and 罕 (阿力木江, 阿娜尔汗), and the Yi women's 莫 or 嫫 (阿依莫, 阿呷嫫),
// unless they start a word (图片, 江边, 汗水, 莫名).
const minoritySuffixes = "图江汗罕莫嫫"

// minorityRun returns the length of a name built of known parts and
// short runs of transliteration characters between or after them, that
// stands where a person does (原告其木德道尔吉向…, 阿不来提阿不都拉于…,
// 向宝音图送达…, 平措旺杰的妻子…, 在达娃家的院子里…), or 0. The parts
// make the name; the unknown runs (one to three characters each) must be
// transliteration characters that pair into no everyday word.
func (d *detector) minorityRun(i int) int {
	t := d.t
	// A known part starts within the first four characters: a bit test
	// before any lookup.
	if !minorityMatcher.starts.has(t.rs[i]) && !(translitSet.has(t.rs[i]) || partChars.has(t.rs[i])) {
		return 0
	}
	part := false
	for k := i; k < i+4 && k < t.n() && !part; k++ {
		part = minorityMatcher.starts.has(t.rs[k]) && t.match(k, minorityMatcher) > 0
	}
	if !part {
		return 0
	}
	titled := titleBefore(t, i)
	prep := i > 0 && strings.ContainsRune(objectPrepositions+"在到去回往从来", t.rs[i-1])
	// 王建国、扎西共同经营…: an item after a name read already.
	listed := i >= 2 && listSep(t, i-1) == 1 && d.taken[i-2]
	start := i == 0 || !t.han(i-1) || titled || prep || listed || objectCueLen(t, i) > 0
	if !start {
		return 0
	}
	j, known, unknown, lastKnown := i, 0, 0, false
	for j < t.n() && j-i < 12 {
		if m := t.match(j, minorityMatcher); m > 0 {
			j, known, lastKnown = j+m, known+1, true
			continue
		}
		if lastKnown && strings.ContainsRune(minoritySuffixes, t.rs[j]) && !anyWordAt(t, j, j+2) {
			j, lastKnown = j+1, false
			break
		}
		// An unknown run: one to three characters, then a known part or
		// the name's end.
		took := false
		for k := 3; k >= 1; k-- {
			e := j + k
			if e > t.n() || !allTranslit(t, j, e) || commonPairIn(t, j, e) || anyWordAt(t, j, e) && k >= 2 && !yiGivenWord(t, i, j, e) {
				continue
			}
			if t.match(e, minorityMatcher) > 0 || known > 0 && minorityRunEnds(t, e) {
				j, unknown, lastKnown, took = e, unknown+1, false, true
				break
			}
		}
		if !took {
			break
		}
	}
	e := j
	home := e < t.n() && t.rs[e] == '家' && prep // 在达娃家
	if known == 0 || e-i < 3 && !home && !listed || d.blocked(i, e) || !minorityRunEnds(t, e) && !(listed && personRight(t, e, true)) {
		return 0
	}
	// A word of the dictionary (乌云密布, 图门江) is the word.
	if w, ok := t.word(i, e); ok && w.pos != "nr" && w.pos != "nrt" && w.freq >= 20 {
		return 0
	}
	if commonPairIn(t, i, e) {
		return 0
	}
	switch {
	case known >= 2 || known+unknown >= 2 && e-i >= 4:
		// Several parts: the shape is the evidence, but a bare clause
		// start needs what a person does or has after it.
		if titled || prep || personRight(t, e, true) || home {
			return e - i
		}
	case titled && personRight(t, e, true), prep && (home || boundary(t, e) >= 1 && personRight(t, e, true)),
		listed && (personRight(t, e, true) || boundary(t, e) >= 2):
		return e - i
	}
	return 0
}

// minorityRunEnds reports whether a name may end at e: a boundary, and no
// place's ending right after it (达来呼布镇 is a town).
func minorityRunEnds(t *text, e int) bool {
	if e < t.n() && strings.ContainsRune("镇乡村县旗市区路街河湖山盟州寺庙", t.rs[e]) {
		return false
	}
	// 东至那顺乌力吉草场: what a person owns, two characters or more.
	return e >= t.n() || t.rs[e] == '家' || boundary(t, e) >= 1 || t.match(e, possessionMatcher) >= 2
}

// partChars are the characters the name parts are written with (其 of
// 其其格, 嘎 of 卓嘎): the syllables an unknown part is built of too.
var partChars = func() runeSet {
	var b strings.Builder
	for _, ps := range [][]string{minorityParts, moreMinorityParts, sourcedMinorityParts} {
		for _, p := range ps {
			b.WriteString(p)
		}
	}
	return newRuneSet(b.String())
}()

// allTranslit reports whether every rune of [s, e) is a transliteration
// character (lexicon.go), a character of a name part or a name's tail.
func allTranslit(t *text, s, e int) bool {
	for k := s; k < e; k++ {
		if !t.han(k) || strings.ContainsRune(functionChars, t.rs[k]) || !translitSet.has(t.rs[k]) && !partChars.has(t.rs[k]) && !strings.ContainsRune(translitTails, t.rs[k]) {
			return false
		}
	}
	return true
}

// relationNouns name what a person is to the case or to another person
// (阿古达木是原告的邻居, 艾山江系该店的实际经营者).
var relationNouns = []string{"邻居", "妻子", "丈夫", "儿子", "女儿", "父亲", "母亲", "之子", "之女", "之妻", "之夫", "之父", "之母",
	"亲属", "亲戚", "朋友", "同事", "雇员", "员工", "村民", "牧民", "承包户", "经营者", "负责人", "法定代表人", "代理人", "证人", "户主", "房东", "租户"}

// translitSubject returns the length of a name of four to six
// transliteration characters that no known part explains, at a clause's
// start, when the clause says what the person is: 是 or 系, then a
// relation within the clause (阿古达木是原告的邻居). The dictionary must
// find no everyday word in the run.
func (d *detector) translitSubject(i int) int {
	t := d.t
	if i > 0 && t.han(i-1) || !allTranslit(t, i, min(i+1, t.n())) {
		return 0
	}
	e := i
	for e < t.n() && e-i < 7 && allTranslit(t, e, e+1) {
		e++
	}
	if e-i < 4 || e-i > 6 || e >= t.n() || !strings.ContainsRune("是系", t.rs[e]) || d.blocked(i, e) || commonPairIn(t, i, e) {
		return 0
	}
	// The best path may pair two syllables (阿古), but into no frequent
	// word, and no word of it runs past the name.
	for k := i; k < e; k++ {
		end := t.tokenAt(k)
		if end > e {
			return 0
		}
		if w, ok := t.word(k, end); end > k+1 && ok && w.freq >= 100 && w.pos != "nr" && w.pos != "nrt" {
			return 0
		}
	}
	clause := t.rest(e + 1)
	if k := strings.IndexAny(clause, "，。；,;\n"); k >= 0 {
		clause = clause[:k]
	}
	for _, w := range relationNouns {
		if strings.Contains(clause, w) {
			return e - i
		}
	}
	return 0
}

// initialRe finds an initial before a capitalised part inside a Latin
// name (Sergei V. Ivanov, A. Petrov).
var initialRe = regexp.MustCompile(`(?:^|[ ·])[A-Z]\. ?[A-Z]\p{Ll}`)

// latinWithInitials reads a Latin name written with an initial wherever
// it stands (翻译人员向Sergei V. Ivanov宣读…): brands and products are not
// written so, so the shape is the evidence that elsewhere a role word
// gives (names.go latinAt).
func (d *detector) latinWithInitials() {
	t := d.t
	if !strings.Contains(t.s, ".") {
		return
	}
	for i := 0; i < t.n(); i++ {
		if r := t.rs[i]; d.taken[i] || r < 'A' || r > 'Z' || i > 0 && t.rs[i-1] < utf8.RuneSelf && unicode.IsLetter(t.rs[i-1]) {
			continue
		}
		n := latinAt(t, i)
		if n > 0 && initialRe.MatchString(t.str(i, i+n)) && d.add(i, i+n, capNeutral) {
			i += n - 1
		}
	}
}

// partBefore returns the length of the longest known name part that ends
// right before i (孟和 before ·巴特尔, 其其格 before ·那顺), or 0; a role
// word may not end inside it.
func partBefore(t *text, i int) int {
	for n := 5; n >= 2; n-- {
		// The dot ends the match, so a part of n runes matches exactly n.
		if i-n >= 0 && t.match(i-n, minorityMatcher) == n && roleEndingAt(t, i-n+1) == 0 {
			return n
		}
	}
	return 0
}

// partAfter returns the length of a known name part at i that holds a
// conjunction's character (孟和 after 巴特尔·), or 0: the dotted name's end
// must not stop inside it.
func partAfter(t *text, i int) int {
	n := t.match(i, minorityMatcher)
	for k := i; k < i+n; k++ {
		if strings.ContainsRune(functionChars, t.rs[k]) {
			return n
		}
	}
	return 0
}

// hanDateAt reports whether a date written in Chinese numerals starts at
// i: numerals up to 年 (二〇二一年九月三日).
func hanDateAt(t *text, i int) bool {
	k := i
	for k < t.n() && k-i < 4 && strings.ContainsRune("〇零一二三四五六七八九", t.rs[k]) {
		k++
	}
	return k-i == 4 && k < t.n() && t.rs[k] == '年'
}
