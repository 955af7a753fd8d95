package privacy

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Addresses. 第10条 removes a natural person's 住址; casebot keeps the
// province, city and county (which say where the case happened) and masks
// everything finer: 镇/乡/街道, 村/社区, 路/街/巷 and 号/栋/单元/室.

// addressMarkers introduce an address. The bare 住 is handled apart
// because it also starts 住房和城乡建设局.
var addressMarkers = []string{
	"户籍所在地", "经常居住地", "联系地址", "送达地址", "通讯地址", "住所地", "居住地", "户籍地", "户籍地址", "居住地址", "现住址",
	"住址", "住所", "家住", "现住", "居住于", "居住在", "地址", "位于", "坐落于", "座落于", "坐落在", "坐落",
	// 我住在…, 租住在…, 暂住于…: 住 before 在 or 于 always says where
	// someone lives (bareZhuIsAddress leaves 住在 to this marker).
	"住在", "住于",
	// A business's premises (see businessMarkers).
	"生产经营场所", "经营场所", "营业场所", "经营地址", "经营地点",
}

// addressMarkerMatcher finds the markers with one look at most runes.
var addressMarkerMatcher = newMatcher(addressMarkers)

// addressStops end an address that runs into the rest of a sentence.
var addressStops = []string{"的", "因", "系", "与", "并", "至今", "期间", "时", "处", "附近", "一带", "内", "一处", "一间", "一套"}

// adminSuffixes are the levels kept, from the widest.
var adminSuffixes = []struct {
	suffix string
	level  int
}{
	{"特别行政区", 1}, {"自治区", 1}, {"省", 1},
	{"自治州", 2}, {"地区", 2}, {"盟", 2}, {"州", 2}, {"市", 2},
	{"自治县", 3}, {"自治旗", 3}, {"县", 3}, {"旗", 3}, {"区", 3}, {"市", 3},
}

// notAdmin are words ending in 区 or 市 that are not administrative areas.
var notAdmin = []string{"小区", "社区", "园区", "街区", "景区", "厂区", "校区", "城区", "营区", "矿区", "牧区", "林区", "超市", "菜市", "夜市"}

// adminPrefix returns the byte length of the province/city/county prefix
// of an address.
func adminPrefix(addr string) int {
	kept, level := 0, 0
	rest := addr
	// 香港新界沙田…, 澳门花地玛堂区…: the regions and districts of Hong Kong
	// and Macau are written without the mainland's suffixes.
	for _, names := range [][]string{{"香港特别行政区", "澳门特别行政区", "香港", "澳门"}, {"新界", "九龙", "香港岛", "港岛"}, hkMacauDistricts} {
		if p, ok := hasPrefixAny(rest, names); ok {
			kept, rest = kept+len(p), rest[len(p):]
			level = 3
		}
	}
	for rest != "" {
		best, bestLevel, bestLen := -1, 0, 0
		for _, a := range adminSuffixes {
			if a.level <= level {
				continue
			}
			i := strings.Index(rest, a.suffix)
			if i <= 0 || utf8.RuneCountInString(rest[:i]) > 8 {
				continue
			}
			word := rest[:i+len(a.suffix)]
			if hasSuffixAny(word, notAdmin) && !districtOfCity(word) && !(level == 2 && word == "新城区") || strings.ContainsAny(rest[:i], "镇乡村路街道号栋组") {
				continue
			}
			// 贵州省, 广州市: a 州 or 市 followed by another level is part of
			// the name of that level.
			if next, _ := utf8.DecodeRuneInString(rest[len(word):]); strings.ContainsRune("省市县区州旗盟", next) {
				continue
			}
			if best < 0 || i < best || (i == best && len(a.suffix) > bestLen) {
				best, bestLevel, bestLen = i, a.level, len(a.suffix)
			}
		}
		if best < 0 {
			break
		}
		kept += best + bestLen
		rest = rest[best+bestLen:]
		level = bestLevel
	}
	return kept
}

// hkMacauDistricts are the eighteen districts of Hong Kong and the
// parishes of Macau (the county level of an address there).
var hkMacauDistricts = []string{"中西区", "湾仔区", "湾仔", "东区", "南区", "油尖旺区", "油尖旺", "深水埗区", "深水埗", "九龙城区", "九龙城",
	"黄大仙区", "黄大仙", "观塘区", "观塘", "荃湾区", "荃湾", "屯门区", "屯门", "元朗区", "元朗", "北区", "大埔区", "大埔", "西贡区", "西贡",
	"沙田区", "沙田", "葵青区", "葵青", "离岛区", "离岛", "花地玛堂区", "圣安多尼堂区", "大堂区", "望德堂区", "风顺堂区", "氹仔", "路环"}

// districtOfCity reports whether a word ending in 城区 is the name of a
// county-level district (柯城区, 任城区, 越城区), not a town's centre (老城区,
// 主城区, 某县城区). 新城区 is a district only right after a city
// (呼和浩特市新城区, 西安市新城区; adminPrefix checks the level).
func districtOfCity(word string) bool {
	rs := []rune(word)
	return len(rs) == 3 && strings.HasSuffix(word, "城区") && !strings.ContainsRune("老旧主新中某县市", rs[0])
}

// lastRunes returns the last n runes of s.
func lastRunes(s string, n int) string {
	i := len(s)
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

func hasSuffixAny(s string, suffixes []string) bool {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

func hasPrefixAny(s string, prefixes []string) (string, bool) {
	for _, x := range prefixes {
		if strings.HasPrefix(s, x) {
			return x, true
		}
	}
	return "", false
}

// addressEnd returns where an address starting at s[0] ends.
func addressEnd(s string) int {
	for i, r := range s {
		if r == '，' || r == '。' || r == '；' || r == ';' || r == ',' || r == '、' || r == '\n' || r == '（' || r == '(' || r == '）' || r == ')' || r == ' ' || r == '：' || r == ':' || r == '“' || r == '”' || r == '"' {
			return i
		}
		if i > 0 {
			// 街道办事处, 管理处: an office's name, not 住处.
			if x, ok := hasPrefixAny(s[i:], addressStops); ok && !(x == "处" && hasSuffixAny(s[:i], []string{"办事", "管理", "服务"})) {
				return i
			}
		}
		if i >= 120 {
			return i
		}
	}
	return len(s)
}

// neutralMarkers introduce an address that may be an organisation's (被告
// 某县自然资源局，住所地…): those are kept.
var neutralMarkers = map[string]bool{"住所地": true, "住所": true, "地址": true, "联系地址": true, "送达地址": true, "通讯地址": true, "位于": true, "坐落于": true, "座落于": true, "坐落在": true, "坐落": true,
	"生产经营场所": true, "经营场所": true, "营业场所": true, "经营地址": true, "经营地点": true}

// placeMarkers give where a thing is (位于, 坐落于), not where a person
// lives (住, 住址, 现住, 户籍地, 送达地址).
//
// A business's premises (经营场所, 营业场所, 经营地址) are one of them.
// 第10条 removes a natural person's 住址; where a business trades is no
// home and is public (on its sign, its licence and the enterprise credit
// register, sole traders included). So an organisation's premises stay
// whole (neutralMarkers and subjectIsInstitution), and a sole trader's or
// a person's keep their place names while the door number goes, as after
// 位于: the shop is often the home too, and the number pins one
// household (当事人王某，经营场所：某县人民路×××).
var placeMarkers = map[string]bool{"位于": true, "坐落于": true, "座落于": true, "坐落在": true, "坐落": true,
	"生产经营场所": true, "经营场所": true, "营业场所": true, "经营地址": true, "经营地点": true}

// placeMarkedBefore says whether a place marker ends s, maybe with 某县 or
// 某镇 kept before the place.
func placeMarkedBefore(s string) bool {
	s = strings.TrimRight(s, " ")
	// 经营场所：某县…, 经营场所为某县…
	trimMarks := func() { s = strings.TrimRight(strings.TrimSuffix(strings.TrimSuffix(s, "为"), "设在"), "：: ") }
	for k := 0; k < 3 && strings.HasSuffix(s, "县") || strings.HasSuffix(s, "镇") || strings.HasSuffix(s, "区") || strings.HasSuffix(s, "市"); k++ {
		_, n := utf8.DecodeLastRuneInString(s)
		s = s[:len(s)-n]
		if r, m := utf8.DecodeLastRuneInString(s); r == '某' {
			s = s[:len(s)-m]
		} else {
			break
		}
	}
	trimMarks()
	for m := range placeMarkers {
		if strings.HasSuffix(s, m) {
			return true
		}
	}
	return false
}

// doorNumberRe is where a house number starts: 77号, 9号楼, 2幢, 402室.
var doorNumberRe = regexp.MustCompile(`[0-9A-Za-z]+(?:-[0-9A-Za-z]+)*\s*(?:号|栋|幢|单元|室|楼|弄|层|户)|[一二三四五六七八九十百零]+(?:号|栋|幢|单元|室)`)

// addressLike reports whether a marked value reads as an address: a house
// number, a village, a township, a residential compound or a named street,
// not 涉案房屋, 同上 or 马路边.
var (
	addressTokenRe = regexp.MustCompile(`\d+(?:-\d+)?(?:号|栋|幢|单元|室|组|楼|层|户)|[镇乡村屯寨]|社区|小区|街道|花园|新村|家园|大厦|公寓|嘎查|苏木`)
	streetRe       = regexp.MustCompile(`(\p{Han}{1,2})(?:路|街|巷|大道|胡同)`)
)

func addressLike(v string) bool {
	if addressTokenRe.MatchString(v) {
		// 农村, 乡村, 城乡 are not places.
		// 村东方向, 村口: a direction from the village places no one.
		cleaned := strings.NewReplacer("城中村", "", "农村", "", "乡村", "", "城乡", "", "乡镇", "", "村民", "", "村委", "",
			"村东", "", "村西", "", "村南", "", "村北", "", "村头", "", "村口", "", "村尾", "", "村边", "", "村旁", "").Replace(v)
		if addressTokenRe.MatchString(cleaned) {
			return true
		}
	}
	for _, m := range streetRe.FindAllStringSubmatch(v, -1) {
		w := m[0]
		if _, ok := dict().lookup(w); !ok {
			if _, ok := dict().lookup(string([]rune(w)[len([]rune(w))-2:])); !ok || utf8.RuneCountInString(w) > 2 {
				return true
			}
		}
	}
	return false
}

// subjectIsInstitution reports whether the sentence holding s[at] is about
// an organisation: its first clause ends with one (被告某县自然资源局，住所地…).
func subjectIsInstitution(s string, at int) bool {
	start := strings.LastIndexAny(s[:at], "。；;\n") + 1
	if start > 0 {
		_, n := utf8.DecodeRuneInString(s[start-1:])
		start += n - 1
	}
	clause := s[start:at]
	if i := strings.IndexAny(clause, "，,"); i >= 0 {
		clause = clause[:i]
	}
	// 原告某食品厂（个人独资企业）: a remark in brackets after the name.
	clause = trimRemark(clause)
	// 某县人民政府的办公地址位于…: the place of an organisation's office.
	owner := clause
	for _, w := range []string{"位于", "坐落", "座落", "办公地址", "办公地点", "所在地", "地址"} {
		if i := strings.Index(owner, w); i > 0 {
			owner = owner[:i]
		}
	}
	owner = trimRemark(strings.TrimRight(strings.TrimSuffix(owner, "的"), "（(：: "))
	// 当事人经营场所位于…: a place (场所, 住所) is no institution for
	// ending in 所; whose place it is decides.
	// 当事人的门店位于…: so is a person's shop, stall or workshop.
	for _, w := range []string{"经营场所", "场所", "住所", "处所", "门店", "店铺", "店面", "门面", "商铺", "铺面", "档口", "摊位", "摊档", "厂房", "作坊"} {
		if strings.HasSuffix(owner, w) && owner != clause {
			owner = strings.TrimSuffix(owner, w)
			for _, q := range []string{"办公", "经营", "生产", "营业", "办事"} {
				owner = strings.TrimSuffix(owner, q)
			}
			owner = strings.TrimSuffix(owner, "的")
			if !hasSuffixAny(owner, institutionSuffixes) {
				return false
			}
		}
	}
	if owner != clause && hasSuffixAny(owner, institutionSuffixes) {
		return true
	}
	for _, m := range neutralMarkersOrder {
		if i := strings.Index(clause, m); i >= 0 {
			clause = clause[i+len(m):]
		}
	}
	return hasSuffixAny(clause, institutionSuffixes)
}

var neutralMarkersOrder = []string{"住所地", "地址"}

// personRoles open a 当事人 header that is a natural person's when no
// organisation ends its first clause (原告严某，住所…).
var personRoles = []string{"原告", "申请人", "第三人", "上诉人", "被上诉人", "再审申请人", "被申请人", "委托诉讼代理人", "委托代理人", "法定代理人", "证人", "当事人", "被处罚人", "举报人", "投诉人"}

// personSubject reports whether the sentence holding s[at] is a natural
// person's header: it opens with a party's role word, and its first
// clause is no organisation (subjectIsInstitution).
func personSubject(s string, at int) bool {
	start := strings.LastIndexAny(s[:at], "。；;\n") + 1
	if start > 0 {
		_, n := utf8.DecodeRuneInString(s[start-1:])
		start += n - 1
	}
	clause := strings.TrimLeft(s[start:at], " ")
	if _, ok := hasPrefixAny(clause, personRoles); !ok {
		return false
	}
	// 被申请人某县公安局…: an agency; 某公司（个人独资企业）: an
	// organisation either way.
	return !subjectIsInstitution(s, at)
}

var institutionSuffixes = []string{"局", "机关", "政府", "公司", "法院", "委员会", "中心", "合作社", "厂", "店", "学校", "医院", "银行", "所", "院", "队", "站", "办事处", "大队", "支队", "社", "部", "委", "办", "协会", "集团",
	// An office, a division or a court's division receiving mail
	// (收件人：某县自然资源局办公室，地址：…; 某县人民法院立案庭).
	"办公室", "科", "庭", "联社",
	// Schools and associations (被告某某大学，住所地某市学院路38号): a
	// university's seat is public, as an agency's is.
	"大学", "中学", "小学", "幼儿园", "学会", "商会", "基金会", "联合会", "研究会",
	// Shops named like their keepers (谢记裁缝铺位于老街十二号): the shop's
	// address, as the organisation guard of the names reads them.
	"铺", "馆", "坊", "超市", "诊所", "酒楼", "饭店", "宾馆", "茶庄", "药号", "国药号",
	// Public places a family or a faith built (王氏宗祠位于该村东头): a
	// landmark, not where a person lives.
	"宗祠", "祠堂", "家祠", "祠", "寺", "庙", "道观", "教堂", "牌坊", "纪念馆", "故居", "文化广场", "文化礼堂"}

// markedAddressSpans masks what follows an address marker, below county.
func markedAddressSpans(s string) []span {
	var out []span
	mark := func(at int, marker string) {
		markerAt := at - len(marker)
		for at < len(s) && (s[at] == ' ' || strings.HasPrefix(s[at:], "：") || s[at] == ':' || strings.HasPrefix(s[at:], "在") || strings.HasPrefix(s[at:], "于")) {
			_, n := utf8.DecodeRuneInString(s[at:])
			at += n
		}
		// 送达地址为…, 户籍地址是…: the copula stays with its marker.
		if marker != "住" && !placeMarkers[marker] {
			if v, ok := hasPrefixAny(s[at:], []string{"为", "是", "系"}); ok {
				at += len(v)
			}
		}
		// 经营场所位于…, 经营场所为…: the premises' own verb.
		if placeMarkers[marker] && !strings.HasSuffix(marker, "于") && !strings.HasPrefix(marker, "坐") && !strings.HasPrefix(marker, "座") {
			if v, ok := hasPrefixAny(s[at:], []string{"位于", "设在", "为", "系", "是"}); ok {
				at += len(v)
			}
		}
		// 问：你的住址？答：林家村: in a record of questions the address
		// is the answer.
		if a := answerAfter(s, at); a > at {
			at = a
		}
		end := at + addressEnd(s[at:])
		if end <= at {
			return
		}
		// 送达地址确认书载明送达地址为…: the marker names a document; the
		// address follows the later marker.
		for k := at; k < end; {
			if addressMarkerMatcher.at(s[k:end]) != "" {
				return
			}
			_, n := utf8.DecodeRuneInString(s[k:])
			k += n
		}
		keep := adminPrefix(s[at:end])
		// 住在县城北关村: the county's town, named by its kind only, is
		// no finer than the county.
		if g, ok := hasPrefixAny(s[at+keep:end], []string{"县城", "市区", "城区"}); ok {
			keep += len(g)
		}
		if maskedPlaceRe.MatchString(s[at+keep : end]) {
			return // 某镇某村某组: already masked
		}
		if relativePlace(s[at+keep : end]) {
			return // 住本村, 住同村: no more than the case says already
		}
		// 住某区上海路街道办事处: after a home's marker a 街道's office
		// names the 街道, below the county.
		if rest := s[at+keep : end]; rest != "" && isInstitution(rest) && !(!neutralMarkers[marker] && strings.Contains(rest, "街道办事处")) {
			return // 地址：某县人民法院第一法庭 names a court, not a home
		}
		if !addressLike(s[at+keep : end]) {
			return
		}
		if neutralMarkers[marker] && subjectIsInstitution(s, at) {
			return
		}
		// 申请人严某，住所某县清水江镇: a natural party's 住所 is the
		// person's home, however coarse (第10条).
		if neutralMarkers[marker] && !placeMarkers[marker] && !personSubject(s, markerAt) && (roadLocation(s, at) || sideOfPlace(s[at+keep:end]) || townOnlyRe.MatchString(s[at+keep:end])) ||
			placeMarkers[marker] && (roadLocation(s, at) || sideOfPlace(s[at+keep:end]) || townOnlyRe.MatchString(s[at+keep:end])) {
			return
		}
		// 案涉房屋坐落于某区文一路, 位于王家村村口: after 位于 or 坐落 a place
		// is given as a place, not as where someone lives, and its names
		// stay; only a door number and what is finer (77号2幢1单元402室)
		// goes, which pins one household.
		// 你户位于百乐村板干屯的房屋: a household's house is its home, and
		// the place after 位于 is then where people live.
		if placeMarkers[marker] && !householdBefore(s[:markerAt]) {
			door := doorNumberRe.FindStringIndex(s[at+keep : end])
			if door == nil {
				return
			}
			keep += door[0]
			// …116号门面: the number and its units go, the premises'
			// kind after them stays.
			if n := houseNumberRe.FindStringIndex(s[at+keep : end]); n != nil && n[0] == 0 {
				if e := at + keep + n[1] + unitTail(s[at+keep+n[1]:end]); e < end {
					end = e
				}
			}
		}
		// 北京中路××号: the author masked it already; it stays as written.
		if strings.Contains(s[at:end], "××") {
			return
		}
		if at+keep < end {
			out = append(out, span{at + keep, end, KindAddress, Mask})
		}
	}
	for i := 0; i < len(s); {
		if m := addressMarkerMatcher.at(s[i:]); m != "" {
			// 单位于, 岗位于: 位 ends a word before 于.
			if m == "位于" && i > 0 {
				prev, n := utf8.DecodeLastRuneInString(s[:i])
				// 宅基地位于, 用地位于: 地 ends a land's noun, not 地位.
				// 约定位于, 认定位于: 定 ends the verb before it (约定), and
				// 位于 stands as the marker (priv29).
				if w, ok := dict().lookup(s[i-n:i] + "位"); ok && w.freq >= 100 && isHan(prev) && prev != '地' && !wordEndsBefore(s, i) {
					i += len(m)
					continue
				}
			}
			mark(i+len(m), m)
			i += len(m)
			continue
		}
		if strings.HasPrefix(s[i:], "住") && bareZhuIsAddress(s, i) {
			mark(i+len("住"), "住")
		}
		_, n := utf8.DecodeRuneInString(s[i:])
		i += n
	}
	return out
}

// maskedPlaceRe matches what is already masked below the county: 某镇某村某组.
// A pastoral area's 苏木 (township) and 嘎查 (village), a 民族乡, and 境
// after them (某苏木境内) are the same.
var maskedPlaceRe = regexp.MustCompile(`^(?:某(?:街道|社区|小区|单元|镇|乡|村|组|路|街|巷|号|栋|幢|室|楼|屯|寨|居委会|村委会|苏木|嘎查|民族乡))+境?$`)

// townOnlyRe is a place no finer than a township (集宁区白海子镇 after the
// county's part is kept): after 位于 it places a plot or a shop among
// thousands of people, and its name may hold a surname (白, 贡). After
// 位于 and 坐落 every place but a door number stays (placeMarkers); this
// also serves 地址 and 住所 of an organisation's premises.
var townOnlyRe = regexp.MustCompile(`^(?:\p{Han}{1,5}(?:镇|乡|苏木))+(?:境内|辖区)?$`)

// sideOfPlace reports whether a place after 位于 ends with a side of a
// road or a landmark (建国路西侧, 贡江镇长征路南侧, 村北): it locates a
// thing, not the home of a person.
func sideOfPlace(v string) bool {
	return hasSuffixAny(v, []string{"东侧", "西侧", "南侧", "北侧", "东面", "西面", "南面", "北面", "一侧", "两侧", "附近", "一带", "沿岸", "对面", "旁边", "东北角", "西北角", "东南角", "西南角"})
}

// roadLocation reports whether the place after a marker at s[at] is where
// roads meet or run (该路段位于某区某路与某路交叉口), not where someone
// lives.
func roadLocation(s string, at int) bool {
	end := strings.IndexAny(s[at:], "，。；;\n")
	if end < 0 {
		end = len(s) - at
	}
	for _, w := range []string{"交叉口", "路口", "交汇处", "路段", "沿线", "十字"} {
		if strings.Contains(s[at:at+end], w) {
			return true
		}
	}
	return false
}

// institutions end the names of courts and agencies, whose addresses are
// kept: casebot masks where people live, not where the court sits.
var institutions = []string{"法院", "法庭", "人民政府", "政府", "局", "委员会", "办事处", "司法所", "派出所", "中心", "检察院", "大厅", "窗口"}

func isInstitution(s string) bool {
	if strings.ContainsAny(s, "0123456789号栋幢室组") {
		return false
	}
	for _, x := range institutions {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

// bareZhuIsAddress reports whether the 住 at s[i] introduces an address, as
// in “张某，男，住某县某镇”: after punctuation or 男/女/族/均/现/家, and not
// the start of 住房, 住宿, 住院, 住所, 住址, 住建.
func bareZhuIsAddress(s string, i int) bool {
	next := s[i+len("住"):]
	if _, ok := hasPrefixAny(next, []string{"房", "宿", "院", "所", "址", "建", "户", "在", "着", "进", "了"}); ok {
		return false
	}
	if i == 0 {
		return true
	}
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	if !isHan(prev) || strings.ContainsRune("男女族均现家", prev) {
		return true
	}
	// 才让多杰住下贡麻乡格日则村二社, 索南扎西住同村一社: right after a
	// name, what an address is shaped as says it (p32).
	if zhuAddressShape32.MatchString(next) {
		return true
	}
	// 第三人住某县…, 证人住…, 其母住…: right after a role word of any
	// kind (a party, a witness, an agent, a relative).
	for k, n := i, 0; k > 0 && n < 8; n++ {
		_, size := utf8.DecodeLastRuneInString(s[:k])
		k -= size
		if anyRole.at(s[k:i]) == s[k:i] {
			return true
		}
	}
	return strings.HasSuffix(s[:i], "村民")
}

// Unmarked addresses are found by their house numbers: 路/街/巷/村/小区…
// followed by 12号, 3组, 5栋2单元301室. The street or village name before
// the number is masked with it, back to the county (or the start of the
// phrase), so 观山湖区金华镇翁井村3组12号 keeps 观山湖区.
var (
	houseNumberRe = regexp.MustCompile(`(?:\d+(?:-\d+)?|[一二三四五六七八九十]{1,3})(?:号楼|号院|号|栋|幢|单元|楼|层|室|组|户)(?:\s*(?:附)?\d+(?:-\d+)?(?:号楼|号院|号|栋|幢|单元|楼|层|室|组|户))*`)
	placeSuffixes = []string{"路", "街", "道", "巷", "弄", "胡同", "村", "社区", "小区", "花园", "苑", "大厦", "广场", "新村", "组", "屯", "寨", "里", "段"}
	// relativeVillages name a village by reference to the speaker or the
	// case (系本村三组村民), which places no one beyond what the case says.
	relativeVillages = []string{"本村", "该村", "同村", "我村", "其村", "本组", "该组"}
	// streetStops end the backward walk over a street name: a word before
	// an address, never part of one.
	streetStops = "在于住至到往从的是为系即将和与及对把被向"
)

func unmarkedAddressSpans(s string) []span {
	var out []span
	for _, loc := range houseNumberRe.FindAllStringIndex(s, -1) {
		if !digitBounded(s, loc[0], loc[1]) {
			continue
		}
		before := s[:loc[0]]
		if !hasSuffixAny(before, placeSuffixes) {
			continue
		}
		// 七宝万科广场四楼, 房屋临街一层: a floor alone locates premises
		// in a building and pins no household (p32).
		if floorOnly32(s[loc[0]:loc[1]]) {
			continue
		}
		// 李子园村三组村民反映…: a village's 组 with no house number after
		// it names a village group, a place the case is about, not
		// someone's home (a home written as an address is found by its
		// label or marker: 家住, 住址).
		if villageGroupOnly(s, loc[0], loc[1]) {
			continue
		}
		start := loc[0]
		for n := 0; n < 20 && start > 0; n++ {
			r, size := utf8.DecodeLastRuneInString(s[:start])
			if !isHan(r) && !(r >= '0' && r <= '9') || strings.ContainsRune(streetStops, r) {
				break
			}
			if strings.ContainsRune("省市县区旗盟州", r) && (!hasSuffixAny(s[:start], notAdmin) || districtOfCity(lastRunes(s[:start], 3)) || strings.HasSuffix(s[:start], "市新城区")) {
				break
			}
			start -= size
		}
		if _, rel := hasPrefixAny(s[start:loc[0]], relativeVillages); rel && len(s[start:loc[0]]) <= len("本村") {
			continue
		}
		// 香港新界沙田大围村12号: Hong Kong and Macau write their levels
		// without the suffixes the walk stops at.
		if _, hk := hasPrefixAny(s[start:loc[0]], []string{"香港", "澳门"}); hk {
			start += adminPrefix(s[start:loc[0]])
		}
		end := loc[1] + unitTail(s[loc[1]:])
		// A street or compound's name before the number makes it an
		// address; after 位于 the name then stays and the number goes
		// (约定位于金都花园12幢1402室 keeps 金都花园).
		named := start < loc[0]
		// 坐落于某镇东山村三组: a place given as a place keeps all but its
		// door number (see markedAddressSpans).
		if placeMarkedBefore(s[:start]) && !householdBefore(strings.TrimRight(strings.TrimSuffix(s[:start], "某县"), " 位于坐落在座")) {
			door := doorNumberRe.FindStringIndex(s[start:end])
			if door == nil {
				continue
			}
			start += door[0]
		}
		if named && start <= loc[0] && !subjectIsInstitution(s, start) && !premisesAfter(s[end:]) && !agencyTail(s[loc[1]:end]) && !organAfter(s[loc[1]:]) {
			out = append(out, span{start, end, KindAddress, Mask})
		}
	}
	return out
}

// unitTailRe is what may follow a house number inside one premises: a
// building, a floor, a stall or a room (…号白马服装市场三楼3058档口,
// …号首层102铺位, …号A栋1802房).
var unitTailRe = regexp.MustCompile(`^[\p{Han}A-Za-z0-9-]{0,24}(?:档口|铺位|号铺|商铺|铺|摊位|档|房|室|层|楼|座|栋|幢|单元)(?:之[一二三四五六七八九十\d]+)?`)

// unitTail returns the length in bytes of the premises' details after a
// house number, or 0: only a tail that ends in a unit (档口, 铺位, 首层,
// 1802房) is the address's, so 号令, 号召 and the sentence after it stay.
func unitTail(s string) int {
	m := unitTailRe.FindString(s)
	if m == "" {
		return 0
	}
	// The tail must not run into the rest of the sentence: no verb or
	// grammar word inside it.
	if strings.ContainsAny(m, "的了在于是和与及将把被对从向为") {
		return 0
	}
	// 7组房屋已被列入…: a unit that opens a word with what follows
	// (房屋, 楼房, 层次) is that word, not the premises' unit.
	last, _ := utf8.DecodeLastRuneInString(m)
	if next, _ := utf8.DecodeRuneInString(s[len(m):]); isHan(next) {
		if w, ok := dict().lookup(string([]rune{last, next})); ok && w.freq >= 100 {
			return 0
		}
	}
	return len(m)
}

// trimRemark drops a remark in brackets at the end of a clause
// (某食品厂（个人独资企业）), and the open bracket of an address in brackets
// (某街道办事处（地址：…), so what remains ends with the owner's name.
func trimRemark(c string) string {
	// 某县人民政府办公室（某县府前路1号: an address in brackets open at
	// the end belongs to what stands before the bracket.
	if i := strings.LastIndexAny(c, "（("); i >= 0 && !strings.ContainsAny(c[i:], "）)") {
		c = c[:i]
	}
	c = strings.TrimRight(c, "（(：: ")
	for strings.HasSuffix(c, "）") || strings.HasSuffix(c, ")") {
		i := strings.LastIndexAny(c, "（(")
		if i < 0 {
			break
		}
		c = strings.TrimRight(c[:i], " ")
	}
	return c
}

// answerAfter returns where the answer starts when s[at:] closes a
// question about where someone lives (住址？答：…, 你住在哪里？答：…,
// with a line break between), or at.
func answerAfter(s string, at int) int {
	rest := s[at:]
	for _, q := range []string{"是", "哪里", "哪儿", "哪", "何处", "什么地方", "在哪里", "在哪"} {
		if strings.HasPrefix(rest, q+"？") || strings.HasPrefix(rest, q+"?") {
			rest = rest[len(q):]
			break
		}
	}
	if !strings.HasPrefix(rest, "？") && !strings.HasPrefix(rest, "?") {
		return at
	}
	_, n := utf8.DecodeRuneInString(rest)
	rest = strings.TrimLeft(rest[n:], " \n")
	if !strings.HasPrefix(rest, "答") {
		return at
	}
	rest = strings.TrimLeft(rest[len("答"):], " ")
	if !strings.HasPrefix(rest, "：") && !strings.HasPrefix(rest, ":") {
		return at
	}
	_, n = utf8.DecodeRuneInString(rest)
	rest = strings.TrimLeft(rest[n:], " ")
	// 答：我家在柳湾村二组 / 答：住在东关村: the speaker's own marker.
	for _, p := range []string{"我家住在", "我家住", "我家在", "我住在", "我住", "家住", "住在", "在"} {
		if strings.HasPrefix(rest, p) {
			rest = rest[len(p):]
			break
		}
	}
	return len(s) - len(rest)
}

// relativePlace reports whether a value names a place only by reference
// to the case or the speaker (本村, 同村; 该村三组 is finer and goes) or
// only by its kind (镇上, 县城).
func relativePlace(v string) bool {
	// 住在这条街上, 住在那个小区里: a demonstrative and a measure word
	// point at a place named elsewhere, if at all (那坡县 is a county: 那
	// alone is no demonstrative here).
	if demonstrativePlaceRe.MatchString(v) {
		return true
	}
	// 住在镇上, 住村里, 住县城: a kind of place, no place named.
	for _, r := range append(relativeVillages, "本乡", "本镇", "本社区", "本小区", "该小区", "同一小区内", "该社区", "本楼", "该楼", "同组", "同乡", "同一村", "同一小区", "一起", "隔壁",
		"镇上", "镇里", "村里", "村上", "乡里", "乡下", "城里", "县城", "县城里", "街上", "市区", "城区", "城郊", "老家", "当地", "本地", "外地") {
		if v == r {
			return true
		}
	}
	return false
}

// demonstrativePlaceRe is a place written only as 这/那 and a measure
// word or a place word (这条街上, 那个小区, 这边, 那一带, 这里).
var demonstrativePlaceRe = regexp.MustCompile(`^(?:这|那)(?:条|个|片|座|栋|幢|间|户|家|块|处|边|里|儿|一带|附近|周边)`)

// householdRe ends the words that name a household as the owner of a
// place: 你户, 该户, 其户, 你家, 被征收户, and their house (你户的房屋).
var householdRe = regexp.MustCompile(`(?:(?:你|您|其|该|我|本|他|她)(?:户|家)|农户|住户|被征收户|被拆迁户|拆迁户|征收户|困难户)(?:的)?(?:房屋|住房|住宅|房子|宅院|院落|宅基地|老宅|祖屋|自建房)?$`)

// householdBefore reports whether s ends with a household (and maybe its
// house): what is then located is a home (你户位于百乐村板干屯), not a
// plot or a shop.
//
// Only the last runes are matched: householdRe is anchored at the end, and
// matching it against the whole text before every address made a long
// judgment quadratic. Its longest match is well under 16 runes.
func householdBefore(s string) bool {
	return householdRe.MatchString(lastRunes(strings.TrimRight(s, " "), 16))
}

// premisesWords name an organisation's premises.
var premisesWords = []string{"办公地点", "办公场所", "办公楼", "办公用房", "办公地址", "驻地", "所在地", "厂址", "校址", "院址", "旧址", "机关大院"}

// premisesAfter reports whether the clause after an unmarked address says
// whose premises it is (高雄路88号系被告下属事业单位的办公地点): an
// organisation's address stays, as after 住所地 (第10条 removes the
// addresses of natural persons).
func premisesAfter(rest string) bool {
	if _, ok := hasPrefixAny(rest, []string{"系", "是", "为", "现为", "原为", "曾是", "作为"}); !ok {
		return false
	}
	if i := strings.IndexAny(rest, "，。；;,\n"); i >= 0 {
		rest = rest[:i]
	}
	for _, w := range premisesWords {
		if strings.Contains(rest, w) {
			return true
		}
	}
	return false
}

// villageGroupOnly reports whether the house number at s[i:j] is only a
// village's group (三组, 5组) after 村, with no door number or unit after
// it.
func villageGroupOnly(s string, i, j int) bool {
	if !strings.HasSuffix(s[:i], "村") || !strings.HasSuffix(s[i:j], "组") {
		return false
	}
	for _, u := range []string{"号", "栋", "幢", "单元", "室", "户"} {
		if strings.Contains(s[i:j], u) {
			return false
		}
	}
	if unitTail(s[j:]) != 0 {
		return false
	}
	// Only a group named as a group of people or land: its villagers,
	// its land, or the next group of a list or a range. A group before
	// a house (向阳村7组房屋) or alone in a table's or a form's cell is
	// a home.
	_, group := hasPrefixAny(s[j:], villageGroupFollowers)
	return group
}

// villageGroupFollowers follow a village group named as a community:
// 三组村民, 三组集体土地, 一组至四组, 二组、三组.
var villageGroupFollowers = []string{"村民", "群众", "集体", "土地", "耕地", "农田", "道路", "组长", "范围", "、", "至", "和", "与", "及",
	"的村民", "的群众", "的土地", "的耕地", "的道路"}

// wordEndsBefore reports whether the two characters before s[i] are a
// word of the dictionary (约定, 认定, 确定): the character before 位 closes
// that word and does not open one with 位.
func wordEndsBefore(s string, i int) bool {
	_, n1 := utf8.DecodeLastRuneInString(s[:i])
	if i-n1 <= 0 {
		return false
	}
	_, n2 := utf8.DecodeLastRuneInString(s[:i-n1])
	w, ok := dict().lookup(s[i-n1-n2 : i])
	return ok && w.freq >= 100 && !strings.HasPrefix(w.pos, "nr")
}
