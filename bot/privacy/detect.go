package privacy

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind is a type of personal data the anonymizer removes.
type Kind string

const (
	KindName    Kind = "姓名"
	KindID      Kind = "身份证号"
	KindPhone   Kind = "电话号码"
	KindAccount Kind = "银行账号"
	KindPlate   Kind = "车牌号"
	KindCert    Kind = "权属证书编号"
	KindAddress Kind = "详细住址"
)

// Mask is what an identifier is replaced with: 法释〔2016〕19号 第10条 lets
// “×” stand in where deleting would hurt reading.
const Mask = "×××"

// span is a piece of the normalized text to replace.
type span struct {
	start, end int // byte offsets in the normalized text
	kind       Kind
	repl       string
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// normalize folds full-width digits, letters, hyphens and spaces to ASCII,
// so that one set of patterns finds ０１３８ and 0138 alike. offs maps each
// byte offset of the result (and its end) to the original text.
func normalize(s string) (string, []int) {
	var b strings.Builder
	b.Grow(len(s))
	offs := make([]int, 0, len(s)+1)
	for i, r := range s {
		switch {
		case r >= '０' && r <= '９', r >= 'Ａ' && r <= 'Ｚ', r >= 'ａ' && r <= 'ｚ':
			r = r - '０' + '0'
		case r == '－' || r == '‐' || r == '‑' || r == '–' || r == '—':
			r = '-'
		case r == '\u3000' || r == '\u00a0':
			r = ' '
		}
		n := utf8.RuneLen(r)
		for k := 0; k < n; k++ {
			offs = append(offs, i)
		}
		b.WriteRune(r)
	}
	offs = append(offs, len(s))
	return b.String(), offs
}

// Identifiers. Every pattern is checked for digit boundaries by hand (Go's
// regexp has no look-around), so a phone number inside a longer digit run is
// not mistaken for one; the longer run is an account or an ID instead.
var (
	id18Re = regexp.MustCompile(`[1-9]\d{5}[ -]?(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])[ -]?\d{3}[\dXx]`)
	// The same in groups of four: 5201 0219 8001 0112 3X.
	id18GroupedRe = regexp.MustCompile(`[1-9]\d{3}(?:[ -]\d{4}){3}[ -]\d[\dXx]`)
	id15Re        = regexp.MustCompile(`[1-9]\d{7}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}`)
	// Mobile numbers in any spacing: 13800138000, 138 0013 8000,
	// 138-0013-8000, +86 138…; the country code is taken along.
	mobileRe = regexp.MustCompile(`(?:[(（]?(?:\+|00)?86[)）]?[ -]{0,2})?1[3-9]\d(?:[ -]{0,2}\d){8}`)
	// Landlines with an area code: 0851-88886666, (0851) 8888 6666,
	// 010-6655 4433 转 123.
	landlineRe = regexp.MustCompile(`(?:[(（]0\d{2,3}[)）]|0\d{2,3})[ -]{0,2}[1-9]\d{2,3}[ -]{0,2}\d{4}(?:[ -]{0,2}(?:转|-|ext\.?)[ -]?\d{1,5})?`)
	// Bank accounts: 16–19 digits in a row, or in groups of four.
	accountRe = regexp.MustCompile(`\d{4}(?:[ -]\d{4}){3}(?:[ -]\d{1,4})?|\d{16,19}`)
	// Plates: province, letter, 5 characters (6 for new-energy plates), or 4
	// and 挂/学/警….
	plateRe = regexp.MustCompile(`[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Za-hj-np-z][ ·•・.-]?(?:[A-HJ-NP-Za-hj-np-z0-9]{5,6}|[A-HJ-NP-Za-hj-np-z0-9]{4}[挂学警港澳])`)
	// Property certificates: the serial after 不动产权, 房权证…字, 国用(年),
	// 土地证…字 is the identifier; the issuing authority before it is kept.
	certRe = regexp.MustCompile(`(?:林权证\p{Han}{0,6}?字?|林权|不动产权|不动产证|房权证\p{Han}{0,6}?字?|房产证\p{Han}{0,6}?字?|[国集]用[(（〔\[]\d{4}[)）〕\]]|土地证\p{Han}{0,6}?字?)\s*(第?\s*[0-9A-Za-z]{3,}\s*号?)`)
	// Values after a label: 电话：…, 账号：…, 房产证号：…; these catch the
	// shorter numbers (a local landline, an 8-digit account) that have no
	// shape of their own.
	labelledRe = regexp.MustCompile(`(联系电话|电话号码|手机号码|手机号|联系方式|电话|手机|座机|[Tt][Ee][Ll]|银行账号|银行卡号|银行账户|开户账号|账号|账户|卡号|不动产权证书号|不动产权证号|不动产权证书编号|不动产证号|房产证号|房屋所有权证号|土地证号|土地使用证号|土地使用权证号|林权证号|权属证书编号|产权证号|身份证号码|身份证号|公民身份号码|身份号码)(?:码)?\s*(?:[:：]|为|是)?\s*([0-9A-Za-z][0-9A-Za-z ()（）-]{5,30}[0-9A-Za-z])`)
)

func labelKind(label string) Kind {
	switch {
	case strings.Contains(label, "身份"):
		return KindID
	case strings.Contains(label, "证"):
		return KindCert
	case strings.ContainsAny(label, "账卡户"):
		return KindAccount
	}
	return KindPhone
}

// digitBounded reports whether s[start:end] is not glued to a longer run of
// digits or letters on either side.
func digitBounded(s string, start, end int) bool {
	if start > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:start])
		if r < utf8.RuneSelf && (unicode.IsDigit(r) || unicode.IsLetter(r)) {
			return false
		}
	}
	if end < len(s) {
		r, _ := utf8.DecodeRuneInString(s[end:])
		if r < utf8.RuneSelf && (unicode.IsDigit(r) || unicode.IsLetter(r)) {
			return false
		}
	}
	return true
}

func countDigits(s string) int {
	n := 0
	for _, r := range s {
		if r >= '0' && r <= '9' {
			n++
		}
	}
	return n
}

// identifierSpans finds IDs, phones, accounts, plates and certificate
// serials in normalized text.
func identifierSpans(s string) []span {
	var out []span
	add := func(re *regexp.Regexp, kind Kind, ok func(m string) bool) {
		for _, loc := range re.FindAllStringIndex(s, -1) {
			if !digitBounded(s, loc[0], loc[1]) {
				continue
			}
			if ok != nil && !ok(s[loc[0]:loc[1]]) {
				continue
			}
			out = append(out, span{loc[0], loc[1], kind, Mask})
		}
	}
	add(id18Re, KindID, nil)
	add(id18GroupedRe, KindID, nil)
	add(id15Re, KindID, func(m string) bool { return len(m) == 15 })
	add(accountRe, KindAccount, func(m string) bool { d := countDigits(m); return d >= 16 && d <= 19 })
	add(mobileRe, KindPhone, nil)
	add(landlineRe, KindPhone, nil)
	for _, loc := range plateRe.FindAllStringIndex(s, -1) {
		if !digitBounded(s, loc[0], loc[1]) || countDigits(s[loc[0]:loc[1]]) == 0 {
			continue
		}
		out = append(out, span{loc[0], loc[1], KindPlate, Mask})
	}
	for _, m := range certRe.FindAllStringSubmatchIndex(s, -1) {
		out = append(out, span{m[2], m[3], KindCert, "第" + Mask + "号"})
	}
	for _, m := range labelledRe.FindAllStringSubmatchIndex(s, -1) {
		if countDigits(s[m[4]:m[5]]) < 6 {
			continue
		}
		out = append(out, span{m[4], m[5], labelKind(s[m[2]:m[3]]), Mask})
	}
	return out
}

// Addresses. 第10条 removes a natural person's 住址; casebot keeps the
// province, city and county (which say where the case happened) and masks
// everything finer: 镇/乡/街道, 村/社区, 路/街/巷 and 号/栋/单元/室.

// addressMarkers introduce an address. The bare 住 is handled apart
// because it also starts 住房和城乡建设局.
var addressMarkers = []string{
	"户籍所在地", "经常居住地", "联系地址", "送达地址", "通讯地址", "住所地", "居住地", "户籍地",
	"住址", "住所", "家住", "现住", "居住于", "居住在", "地址", "位于", "坐落于", "座落于", "坐落在", "坐落",
}

// addressStops end an address that runs into the rest of a sentence.
var addressStops = []string{"的", "因", "系", "与", "并", "至今", "期间", "时", "处", "附近", "一带", "内"}

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
			if hasSuffixAny(word, notAdmin) || strings.ContainsAny(rest[:i], "镇乡村路街道号栋组") {
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
			if _, ok := hasPrefixAny(s[i:], addressStops); ok {
				return i
			}
		}
		if i >= 120 {
			return i
		}
	}
	return len(s)
}

// markedAddressSpans masks what follows an address marker, below county.
func markedAddressSpans(s string) []span {
	var out []span
	mark := func(at int) {
		for at < len(s) && (s[at] == ' ' || strings.HasPrefix(s[at:], "：") || s[at] == ':' || strings.HasPrefix(s[at:], "在") || strings.HasPrefix(s[at:], "于")) {
			_, n := utf8.DecodeRuneInString(s[at:])
			at += n
		}
		end := at + addressEnd(s[at:])
		if end <= at {
			return
		}
		keep := adminPrefix(s[at:end])
		if rest := s[at+keep : end]; rest != "" && isInstitution(rest) {
			return // 地址：某县人民法院第一法庭 names a court, not a home
		}
		if at+keep < end {
			out = append(out, span{at + keep, end, KindAddress, Mask})
		}
	}
	for i := 0; i < len(s); {
		if m, ok := hasPrefixAny(s[i:], addressMarkers); ok {
			mark(i + len(m))
			i += len(m)
			continue
		}
		if strings.HasPrefix(s[i:], "住") && bareZhuIsAddress(s, i) {
			mark(i + len("住"))
		}
		_, n := utf8.DecodeRuneInString(s[i:])
		i += n
	}
	return out
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
	return !isHan(prev) || strings.ContainsRune("男女族均现家", prev)
}

// Unmarked addresses are found by their house numbers: 路/街/巷/村/小区…
// followed by 12号, 3组, 5栋2单元301室. The street or village name before
// the number is masked with it, back to the county (or the start of the
// phrase), so 观山湖区金华镇翁井村3组12号 keeps 观山湖区.
var (
	houseNumberRe = regexp.MustCompile(`\d+(?:-\d+)?(?:号楼|号院|号|栋|幢|单元|楼|层|室|组|户)(?:\s*(?:附)?\d+(?:-\d+)?(?:号楼|号院|号|栋|幢|单元|楼|层|室|组|户))*`)
	placeSuffixes = []string{"路", "街", "道", "巷", "弄", "胡同", "村", "社区", "小区", "花园", "苑", "大厦", "广场", "新村", "组", "屯", "寨", "里"}
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
		start := loc[0]
		for n := 0; n < 20 && start > 0; n++ {
			r, size := utf8.DecodeLastRuneInString(s[:start])
			if !isHan(r) && !(r >= '0' && r <= '9') || strings.ContainsRune(streetStops, r) {
				break
			}
			if strings.ContainsRune("省市县区旗盟州", r) && !hasSuffixAny(s[:start], notAdmin) {
				break
			}
			start -= size
		}
		if start < loc[0] {
			out = append(out, span{start, loc[1], KindAddress, Mask})
		}
	}
	return out
}

// Names.

// nameMarkers are words after which a person's name is written.
var nameMarkers = []string{
	"再审申请人", "被申请人", "申请人", "被上诉人", "上诉人", "被申诉人", "申诉人", "第三人", "原告", "被告",
	"委托诉讼代理人", "委托代理人", "诉讼代理人", "法定代理人", "法定代表人", "代理人", "负责人", "证人",
	"当事人", "被处罚人", "受害人", "被害人", "举报人", "投诉人", "承办人", "经办人", "执法人员", "户主",
	"村民", "审判长", "审判员", "人民陪审员", "陪审员", "书记员", "法官助理", "法官", "律师", "复议人员",
	"之妻", "之夫", "其妻", "其夫", "妻子", "丈夫", "之子", "之女", "其子", "其女", "儿子", "女儿", "父亲", "母亲",
	"联系人", "收件人", "签收人", "见证人", "鉴定人",
}

// followers are words that come right after a name: verbs and particles
// that end it (原告张三不服…, 张三诉…).
var followers = []string{
	"不服", "诉称", "辩称", "认为", "要求", "申请", "提起", "请求", "提出", "作为", "委托", "出生", "身份",
	"名下", "驾驶", "拨打", "电话", "手机", "联系", "居住", "户籍", "夫妇", "之妻", "之夫", "父亲", "母亲",
	"妻子", "丈夫", "儿子", "女儿", "先生", "女士", "同志", "律师", "局长", "主任", "科长", "所长", "队长",
	"书记", "经理", "一案", "等人", "签字", "签收", "到庭", "出庭", "陈述", "表示", "收到", "不",
	"证实", "证明", "作证", "确认", "承认", "指出", "介绍", "反映", "报称", "持有", "签订", "购买", "承包",
	"修建", "申报", "办理", "缴纳", "领取", "主张", "提交", "补充", "上诉", "起诉", "答辩", "辩解", "报警",
	"投诉", "举报", "说", "讲",
	"诉", "称", "因", "与", "于", "向", "对", "在", "的", "等", "及", "和", "系", "是", "已", "未", "就",
	"被", "将", "也", "均", "并", "遂", "但", "仍", "曾", "男", "女", "住", "之", "（", "(",
}

// leadFollowers are followers that may also start a given name (王为民,
// 李自成 are names), so they only end a name after its first given
// character.
var multiFollowers = func() []string {
	var out []string
	for _, f := range followers {
		if utf8.RuneCountInString(f) > 1 {
			out = append(out, f)
		}
	}
	return out
}()

// neverInName are characters no given name uses in practice; a candidate
// holding one is a phrase, not a name.
const neverInName = "某告的了们着过吗呢吧啊该此这那其或且被把诉称局院府委会所厂司队站部厅处科办室市县区省镇乡村街路号公司店行业中心组社等及与和对认"

func validGiven(rs []rune) bool {
	for _, r := range rs {
		if !isHan(r) || strings.ContainsRune(neverInName, r) {
			return false
		}
	}
	return true
}

// boundaryAt reports whether a name may end right before rs[i]: at the end,
// before a non-Han character, or before a follower (only multi-character
// followers when lead is set).
func boundaryAt(rs []rune, i int, lead bool) bool {
	if i >= len(rs) || !isHan(rs[i]) {
		return true
	}
	rest := string(rs[i:min(len(rs), i+4)])
	list := followers
	if lead {
		list = multiFollowers
	}
	_, ok := hasPrefixAny(rest, list)
	return ok
}

// nameAt reads a name that starts at rs[i], for a common or compound
// surname and a given name of one or two characters. It returns 0 when no
// name can be read reliably.
func nameAt(rs []rune, i int) int {
	if i >= len(rs) {
		return 0
	}
	sur := 0
	for _, c := range compoundSurnames {
		if strings.HasPrefix(string(rs[i:min(len(rs), i+2)]), c) {
			sur = 2
			break
		}
	}
	if sur == 0 && surnameSet[rs[i]] {
		sur = 1
	}
	if sur == 0 || boundaryAt(rs, i+sur, true) {
		return 0
	}
	g := i + sur
	if g+1 <= len(rs) && validGiven(rs[g:g+1]) && boundaryAt(rs, g+1, false) {
		return sur + 1
	}
	if g+2 <= len(rs) && validGiven(rs[g:g+2]) && boundaryAt(rs, g+2, false) {
		return sur + 2
	}
	return 0
}

// dots join the parts of a transliterated name: 阿依古丽·买买提.
const dots = "·•・‧"

// dottedNameSpans finds minority and foreign names written with a middle
// dot between Han parts.
func dottedNameSpans(rs []rune) [][2]int {
	var out [][2]int
	for i := 1; i+1 < len(rs); i++ {
		if !strings.ContainsRune(dots, rs[i]) || !isHan(rs[i-1]) || !isHan(rs[i+1]) {
			continue
		}
		start := i
		for n := 0; n < 8 && start > 0 && isHan(rs[start-1]); n++ {
			if endsWithMarker(rs[:start]) || strings.ContainsRune(functionWords, rs[start-1]) {
				break
			}
			start--
		}
		end := i + 1
		for end < len(rs) && (isHan(rs[end]) || strings.ContainsRune(dots, rs[end]) && end+1 < len(rs) && isHan(rs[end+1])) {
			if end > i+1 && !strings.ContainsRune(dots, rs[end]) && boundaryAt(rs, end, false) {
				break
			}
			end++
		}
		if start < i && end > i+1 {
			out = append(out, [2]int{start, end})
			i = end
		}
	}
	return out
}

// functionWords come before a name but are never the end of one.
const functionWords = "与和及对向被由是系的将把给让请即"

func endsWithMarker(rs []rune) bool {
	return hasSuffixAny(string(rs[max(0, len(rs)-8):]), nameMarkers)
}

// roleAfterRe finds a name followed by its role in brackets: 张三（原告）.
var roleAfterRe = regexp.MustCompile(`(\p{Han}{2,6})[（(](?:原告|被告|申请人|被申请人|第三人|上诉人|被上诉人|原审原告|原审第三人|证人|委托代理人)[）)]`)

// latinRe reads a foreign name in Latin letters, each part capitalized:
// John Smith, Mary-Jane O'Brien. Acronyms (ABC) are not names.
var latinRe = regexp.MustCompile(`^[A-Z][a-z]+(?:['-][A-Z]?[a-z]+)*(?:[ .·][A-Z][a-z]+(?:['-][A-Z]?[a-z]+)*){0,3}`)

// latinOrgs follow a Latin word that names an organisation, not a person.
var latinOrgs = []string{"公司", "有限", "集团", "银行", "律师事务所", "事务所", "中心", "协会", " Co", " Ltd", " Inc", " Group", " Bank"}

// latinNameAt returns the length in runes of a Latin-letter name at rs[i],
// or 0.
func latinNameAt(rs []rune, i int) int {
	if i >= len(rs) || rs[i] >= utf8.RuneSelf {
		return 0
	}
	rest := string(rs[i:min(len(rs), i+60)])
	m := latinRe.FindString(rest)
	if m == "" {
		return 0
	}
	if _, org := hasPrefixAny(strings.TrimLeft(rest[len(m):], " "), latinOrgs); org {
		return 0
	}
	if next := rest[len(m):]; next != "" && next[0] < utf8.RuneSelf && (unicode.IsLetter(rune(next[0])) || unicode.IsDigit(rune(next[0]))) {
		return 0
	}
	return len(m) // ASCII: bytes are runes
}

// genderedRe finds “<name>，男，” and “<name>（女，…”: the way judgments
// introduce a natural person, whatever the name's origin.
var genderedRe = regexp.MustCompile(`(\p{Han}{2,8})[，,（(]\s*[男女][，,、）)\s]`)

// detectNames returns the natural persons' names it can read reliably in
// normalized text: after a marker, before “，男，”, or written with a dot.
func detectNames(s string) []string {
	rs := []rune(s)
	var names []string
	seen := map[string]bool{}
	add := func(n string) {
		if n != "" && !seen[n] && !strings.Contains(n, "某") {
			seen[n] = true
			names = append(names, n)
		}
	}
	for _, sp := range dottedNameSpans(rs) {
		add(string(rs[sp[0]:sp[1]]))
	}
	for i := 0; i < len(rs); i++ {
		m, ok := hasPrefixAny(string(rs[i:min(len(rs), i+8)]), nameMarkers)
		if !ok {
			continue
		}
		j := i + utf8.RuneCountInString(m)
		// 原告（反诉被告）张三: skip a short parenthetical and a colon.
		if j < len(rs) && (rs[j] == '（' || rs[j] == '(') {
			k := j + 1
			for k < len(rs) && k < j+10 && rs[k] != '）' && rs[k] != ')' {
				k++
			}
			if k < len(rs) && (rs[k] == '）' || rs[k] == ')') {
				j = k + 1
			}
		}
		for j < len(rs) && (rs[j] == '：' || rs[j] == ':' || rs[j] == ' ') {
			j++
		}
		// A foreign name in Latin letters: 委托代理人John Smith.
		if n := latinNameAt(rs, j); n > 0 {
			add(string(rs[j : j+n]))
			continue
		}
		// A list of names after one marker: 原告张三、李四和王五.
		for {
			n := nameAt(rs, j)
			if n == 0 {
				break
			}
			add(string(rs[j : j+n]))
			j += n
			if j < len(rs) && (rs[j] == '、' || rs[j] == '和' || rs[j] == '及') {
				j++
				continue
			}
			break
		}
	}
	for _, m := range roleAfterRe.FindAllStringSubmatchIndex(s, -1) {
		cand := []rune(s[m[2]:m[3]])
		// Start after the last function word: 本案由张三（原告）.
		from := 0
		for k, r := range cand {
			if strings.ContainsRune(functionWords, r) {
				from = k + 1
			}
		}
		for k := from; k+1 < len(cand); k++ {
			if n := nameAt(cand[k:], 0); n == len(cand)-k {
				add(string(cand[k:]))
				break
			}
		}
	}
	for _, m := range genderedRe.FindAllStringSubmatchIndex(s, -1) {
		cand := []rune(s[m[2]:m[3]])
		// A run that starts a line, or follows “原告：”, may be a name of
		// any origin as a whole (扎西次仁，男，藏族).
		before := strings.TrimRight(s[:m[2]], "：: ")
		if whole := len(cand) <= 5 && (before == "" || strings.HasSuffix(before, "\n")) || len(before) < len(s[:m[2]]) && endsWithMarker([]rune(before)); whole && validGiven(cand) {
			add(string(cand))
			continue
		}
		// Take the longest tail of the Han run that reads as a name.
		for k := 0; k+1 < len(cand); k++ {
			tail := cand[k:]
			if n := nameAt(tail, 0); n == len(tail) {
				add(string(tail))
				break
			}
			if k > 0 && (strings.ContainsRune("告人", cand[k-1]) || endsWithMarker(cand[:k])) && validGiven(tail) && len(tail) >= 2 && len(tail) <= 6 {
				add(string(tail)) // 原告买买提艾力，男，…: a name without a common surname
				break
			}
		}
	}
	return names
}
