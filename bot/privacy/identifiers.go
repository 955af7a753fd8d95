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
	KindName     Kind = "姓名"
	KindID       Kind = "身份证号"
	KindPhone    Kind = "电话号码"
	KindAccount  Kind = "银行账号"
	KindPlate    Kind = "车牌号"
	KindCert     Kind = "权属证书编号"
	KindAddress  Kind = "详细住址"
	KindEmail    Kind = "电子邮箱"
	KindWeChat   Kind = "微信号"
	KindQQ       Kind = "QQ号"
	KindPass     Kind = "护照号码"
	KindPermit   Kind = "出入境证件号码"
	KindVehicle  Kind = "车辆识别代号"
	KindMarriage Kind = "婚姻登记证号"
	// KindRecord is a number that files one person: a hospital or
	// social-insurance number, a registration, an archive, a parcel, a
	// work or enforcement card, an individual business's credit code.
	KindRecord Kind = "个人编号"
	// KindNetwork is the IP or MAC address of a person's device.
	KindNetwork Kind = "网络地址"
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

func isHan(r rune) bool {
	// The CJK Unified Ideographs block first: nearly every character of a
	// judgment is there, and unicode.Is is a table search.
	if r >= 0x4E00 && r <= 0x9FFF {
		return true
	}
	if r < 0x2E80 {
		return false
	}
	return unicode.Is(unicode.Han, r)
}

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
		case r == '＠':
			r = '@'
		case r == '＿':
			r = '_'
		case r == '＋':
			r = '+'
		case r == '．' || r == '・' || r == '•' || r == '‧' || r == '∙' || r == '⋅' || r == '･':
			r = '·'
		default:
			r = simplified(r) // 陳志強 reads as 陈志强 (traditional.go)
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
	// The check character is X, but registers and forms also show a
	// mistyped letter there (…481A): the birth date inside is what makes it
	// a person's number.
	id18Re = regexp.MustCompile(`[1-9]\d{5}[ -]?(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])[ -]?\d{3}[\dA-Za-z]`)
	// The same in groups of four: 5201 0219 8001 0112 3X.
	id18GroupedRe = regexp.MustCompile(`[1-9]\d{3}(?:[ -]\d{4}){3}[ -]\d[\dXx]`)
	id15Re        = regexp.MustCompile(`[1-9]\d{7}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}`)
	// Mobile numbers in any spacing: 13800138000, 138 0013 8000,
	// 138-0013-8000, +86 138…; the country code is taken along.
	mobileRe = regexp.MustCompile(`(?:[(（]?(?:\+|00)?86[)）]?[ -]{0,2})?1[3-9]\d(?:[ -]{0,2}\d){8}`)
	// Landlines with an area code: 0851-88886666, (0851) 8888 6666,
	// 010-6655 4433 转 123.
	landlineRe = regexp.MustCompile(`(?:[(（]0\d{2,3}[)）]|0\d{2,3})[ -]{0,2}[1-9]\d{2,3}[ -]{0,2}\d{4}(?:[ -]{0,2}(?:转|-|ext\.?)[ -]?\d{1,5})?`)
	// Plates of non-motor and agricultural vehicles: province, two digits,
	// a dash and five digits (浙05-27163).
	plateDashRe = regexp.MustCompile(`[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼黔滇陇]\d{2}-\d{5}`)
	// Hong Kong, Macau and Taiwan phones written with a space: the region's
	// code and eight digits (852 9173 6628), or a two-digit area code and
	// seven or eight (07 3829164, 02 27315846).
	regionPhoneRe = regexp.MustCompile(`(?:\(?(?:852|853|886)\)?[ -])\d{4}[ -]?\d{4}|0\d[ -]\d{7,8}`)
	// Hong Kong and Macau identity cards: letters, six or seven digits and
	// the check character in brackets (K582716(7), 1382746(3)).
	regionIDRe = regexp.MustCompile(`[A-Z]{0,2}\d{6,7}\s?[(（][0-9A][)）]`)
	// Passports of any country by their shape where the clause speaks of
	// a travel document (passportClause): one or two capital letters and
	// seven to nine digits (K20183746, Q430126518); the letters open the
	// value (ISO9001 is three letters).
	passportShapeRe = regexp.MustCompile(`[A-Z]{1,2}\d{7,9}`)
	// Bank accounts: 16–19 digits in a row, or in groups of four.
	accountRe = regexp.MustCompile(`\d{4}(?:[ -]\d{4}){3}(?:[ -]\d{1,4})?|\d{16,19}`)
	// Plates: province, letter, 5 characters (6 for new-energy plates), or 4
	// and 挂/学/警….
	// A plate written in part, the rest elided or starred: 贵A·7K…,
	// 川A5**12, 黔A***12 (with a digit: 贵A××× is masked already).
	partialPlateRe = regexp.MustCompile(provinces + `[A-HJ-NP-Z][ ·•・.-]?[A-HJ-NP-Z0-9]{0,5}(?:…+|\.{3,}|[*＊×]+)[A-HJ-NP-Z0-9]{0,4}`)
	plateRe        = regexp.MustCompile(`[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼黔滇陇][A-HJ-NP-Za-hj-np-z][ ·•・.-]?(?:[A-HJ-NP-Za-hj-np-z0-9]{5,6}|[A-HJ-NP-Za-hj-np-z0-9]{4}[挂学警港澳])`)
	// Property certificates: the serial after 不动产权, 房权证…字, 国用(年),
	// 土地证…字 is the identifier; the issuing authority before it is kept.
	// A year in brackets may stand between the prefix and the serial:
	// 林证字（2009）第520123004571号.
	certRe = regexp.MustCompile(`(?:林权证\p{Han}{0,6}?字?|林权|林证字|不动产权|不动产证|房权证\p{Han}{0,6}?字?|房产证\p{Han}{0,6}?字?|[国集]用[(（〔\[]\d{4}[)）〕\]]字?|集建[(（〔\[]\d{4}[)）〕\]]字?|土地证\p{Han}{0,6}?字?)\s*(?:[(（〔\[]\d{4}[)）〕\]]\s*)?(第?\s*[0-9A-Za-z]{3,}\s*号?)`)
	// Marriage and divorce certificates: J (结婚), L (离婚) or B (补发), the
	// issuing office's six-digit code, the year and the serial:
	// J522731-2016-004317.
	marriageRe = regexp.MustCompile(`[JLBjlb]\d{6}-(?:19|20)\d{2}-\d{4,6}[0-9Xx]?`)
	// Values after a label: 电话：…, 账号：…, 房产证号：…; these catch the
	// shorter numbers (a local landline, an 8-digit account) that have no
	// shape of their own.
	// E-mail addresses.
	emailRe = regexp.MustCompile(`[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}`)
	wxidRe  = regexp.MustCompile(`wxid_[A-Za-z0-9]{6,24}`)
	// Chinese passports without a label: E12345678, EA1234567, G12345678.
	passportBareRe = regexp.MustCompile(`[EGDSP][A-Z]?\d{7,8}`)
	// Mainland travel permits of Hong Kong and Macao residents: H12345678.
	permitBareRe = regexp.MustCompile(`[HM]\d{8}(?:\d{2})?`)
	// Foreign phone numbers: a country code other than +86, then groups.
	// North American numbers written without the country code: (415)
	// 555-0199, （415）555 0199. A bracketed year has four digits.
	nanpPhoneRe    = regexp.MustCompile(`[(（]\d{3}[)）] ?\d{3}[- ]\d{4}`)
	foreignPhoneRe = regexp.MustCompile(`(?:\+|00)(?:[1-9]\d{0,2})[ -]?(?:\(\d{1,4}\)[ -]?)?\d{1,4}(?:[ -]?\d{2,8}){1,4}`)
	// Vehicle identification and engine numbers: 17 characters without
	// I, O, Q, or the value after a label.
	upuTrackingRe = regexp.MustCompile(`[A-Z]{2}\d{9}[A-Z]{2}`)
	vinRe         = regexp.MustCompile(`[A-HJ-NPR-Z0-9]{17}`)
	// The addresses of a device: IPv4 (183.62.117.45) and MAC
	// (3C:46:D8:1A:7F:22, 3C-46-D8-1A-7F-22). A dotted date has three
	// parts, a version number rarely four below 256 each.
	ipv4Re = regexp.MustCompile(`(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)`)
	macRe  = regexp.MustCompile(`[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5}|[0-9A-Fa-f]{2}(?:-[0-9A-Fa-f]{2}){5}`)
)

// provinces are the one-character names of provinces that open plates,
// enforcement cards and vessels' numbers.
const provinces = `[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼黔滇陇]`

// Values after a label: a label is found by a word scan, then its value
// by a pattern anchored right after it, so a 20,000-character judgment is
// read once per label set instead of once per alternative of a long
// regular expression.
type labelled struct {
	labels    *matcher
	value     *regexp.Regexp // anchored at the end of the label; group 1 is the value
	kind      func(label string) Kind
	minDigits int
	// unitAfter drops a value a measure follows (尾数为120箱 counts goods).
	unitAfter bool
}

// valueSep returns the length of a list's separator between two values
// after one label (、 / ／ 和 及 与, spaces around), or 0. Except after 、
// the next value must start with a letter or a digit (和原告 is no value).
func valueSep(s string) int {
	n := len(s) - len(strings.TrimLeft(s, " "))
	for _, sep := range []string{"、", "/", "／", "和", "及", "与", ",", "，"} {
		if strings.HasPrefix(s[n:], sep) {
			m := n + len(sep)
			m += len(s[m:]) - len(strings.TrimLeft(s[m:], " "))
			// After 、 the value may open with its province (鲁0124-0251).
			if sep == "、" || m < len(s) && (s[m] >= '0' && s[m] <= '9' || s[m] >= 'A' && s[m] <= 'Z' || s[m] >= 'a' && s[m] <= 'z') {
				return m
			}
			return 0
		}
	}
	return 0
}

// unitAfter reports whether a measure follows a value: 12箱, 120个 count
// things; 3317的银行卡 and 0815账户 do not.
func unitAfter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune("箱个件只台户人元吨斤米辆次张份笔条株棵头亩袋包瓶盒批块根", r)
}

func newLabelled(labels []string, value string, kind func(string) Kind, minDigits int) *labelled {
	return &labelled{newMatcher(labels), regexp.MustCompile(`^` + value), kind, minDigits, false}
}

func kindOf(k Kind) func(string) Kind { return func(string) Kind { return k } }

// spans finds the labelled values in s.
func (l *labelled) spans(s string, out []span) []span {
	for i, r := range s {
		if l.labels.starts != nil && !l.labels.starts.has(r) {
			continue
		}
		lab := l.labels.at(s[i:])
		if lab == "" {
			continue
		}
		at := i + len(lab)
		// 问：你的微信号是多少？答：…: in a record of questions the value
		// is the answer to the question that names the label.
		if q := answerAfterRe.FindStringIndex(s[at:min(len(s), at+40)]); q != nil {
			at += q[1]
		}
		// 执法证号：鲁0124-0236、鲁0124-0251: the label covers every value
		// of its list.
		prev := 0
		for {
			rest := s[at:min(len(s), at+96)]
			m := l.value.FindStringSubmatchIndex(rest)
			if m == nil || m[2] < 0 {
				break
			}
			vs, ve := at+m[2], at+m[3]
			if !digitBounded(s, vs, ve) || countDigits(s[vs:ve]) < l.minDigits {
				break
			}
			if l.unitAfter && unitAfter(s[ve:]) {
				break
			}
			// After a separator other than 、 the next value must be
			// written as the first was (44-0312-0076，44-0312-0081): a
			// year or an amount after a comma is none.
			if prev > 0 && ve-vs != prev {
				break
			}
			out = append(out, span{vs, ve, l.kind(lab), Mask})
			// 执法证号 44-0312-0076 / 44-0312-0081, 分别为JX0231和JX0236:
			// the next value of the list.
			n := valueSep(s[ve:])
			if n == 0 {
				break
			}
			prev = 0
			if !strings.HasPrefix(strings.TrimLeft(s[ve:], " "), "、") {
				prev = ve - vs
			}
			at = ve + n
		}
	}
	return out
}

// answerAfterRe skips from a label in a question to its answer: 是多少？答：,
// ？答：, and the answer of a record that labels its turns by who speaks
// (审：…？被：…, 问：…？被询问人：…).
var answerAfterRe = regexp.MustCompile(`^(?:是多少|是什么|多少|是|号码|号码是多少)?[？?]\s*(?:答|被询问人|被调查人|被检查人|被|当事人)\s*[:：]\s*`)

var (
	wechatLabels = newLabelled([]string{"微信号码", "微信号", "微信账号", "微信帐号", "微信ID", "微信id", "微信名", "WeChat ID", "WeChatID", "WeChat", "wechat", "Wechat", "VX号", "vx号", "VX", "vx", "V信", "WX号", "wx号", "微信"},
		// 微信（ID：huiguiying_jn）: the ID named in brackets after the app.
		`\s*(?:[（(]\s*(?:ID|id|Id|号码|号|账号|帐号)\s*)?(?:[:：]|为|是|号为)?\s*["“”'‘’「」『』]?([A-Za-z][-_A-Za-z0-9]{5,19}|\d{5,12})`, kindOf(KindWeChat), 0)
	qqLabels = newLabelled([]string{"QQ号码", "QQ账号", "QQ帐号", "QQ号", "QQ", "qq号码", "qq号", "qq", "Qq", "扣扣号", "扣扣"},
		`\s*[（(]?\s*(?:号码|账号|帐号|号)?\s*(?:[:：]|为|是)?\s*["“”'‘’「」『』]?([1-9]\d{4,11})`, kindOf(KindQQ), 5) // written in groups: spaced.go
	// Foreign passports mix letters and digits anywhere (C7KM38P42).
	passportLabels = newLabelled([]string{"护照号码", "护照编号", "护照号", "护照", "Passport No.", "Passport No", "Passport", "passport no.", "passport"},
		`\s*(?:[:：]|为|是|号码为|号为)?\s*([A-Za-z0-9]{6,12})`, kindOf(KindPass), 4)
	permitLabels = newLabelled([]string{"港澳居民来往内地通行证", "往来港澳通行证", "港澳通行证", "台湾居民来往大陆通行证", "大陆居民往来台湾通行证", "台胞证", "回乡证", "通行证", "外国人永久居留身份证", "永久居留证", "居留许可", "居留证", "签证",
		// A foreigner's work permit: up to 19 characters, letters at either end.
		"外国人工作许可证", "工作许可证", "外国人就业证", "就业证", "居住证"},
		`\s*(?:号码|号|编号)?\s*(?:[:：]|为|是)?\s*[(（]?\s*([A-Za-z]{0,3}\d{6,18}[A-Za-z0-9]{0,3})`, kindOf(KindPermit), 6)
	vinLabels = newLabelled([]string{"车架号码", "车架号", "车架编号", "车辆识别代号", "车辆识别代码", "车辆识别号", "VIN码", "VIN", "vin", "发动机号码", "发动机编号", "发动机号"},
		`\s*(?:[:：]|为|是)?\s*([A-Za-z0-9](?:[A-Za-z0-9-]{4,19}[A-Za-z0-9])?)`, kindOf(KindVehicle), 3)
	// Values after a label: 电话：…, 账号：…, 房产证号：…; these catch the
	// shorter numbers (a local landline, an 8-digit account) that have no
	// shape of their own.
	numberLabels = newLabelled([]string{"联系电话", "电话号码", "手机号码", "手机号", "联系方式", "电话", "手机", "座机", "TEL", "Tel", "tel", "银行账号", "银行卡号", "银行账户", "开户账号", "账号", "账户", "卡号",
		"不动产权证书号", "不动产权证号", "不动产权证书编号", "不动产证号", "房产证号", "房屋所有权证号", "土地证号", "土地使用证号", "土地使用权证号", "林权证号", "权属证书编号", "产权证号",
		"身份证号码", "身份证字号", "身份证号", "公民身份号码", "身份号码", "证件号码", "证件号", "驾驶证号码", "驾驶证号", "社会保障号码", "社会保障卡号", "社保卡号", "医保卡号", "传真"},
		`(?:码)?\s*(?:分别为|分别是)?\s*(?:[:：]|为|是)?\s*([0-9A-Za-z][0-9A-Za-z ()（）-]{5,30}[0-9A-Za-z])`, labelKind, 6)
	// Numbers that file one person, after the label of the record: the
	// hospital's (住院号, 门诊号, 病案号), social insurance's (个人编号,
	// 社保编号), a registration's (注册号), an archive's (档案编号), land
	// registration's (不动产单元号, 宗地代码: one parcel, one holder), a
	// school's (学籍号), a card's (执法证号, 工作证号, 残疾人证号). A bare
	// 编号 (合同编号, 案件编号) is no such label.
	recordLabels = newLabelled([]string{"住院号码", "住院号", "门诊号码", "门诊号", "病案号", "病历号", "就诊卡号", "医保号", "医疗保险号",
		"执法证件号码", "执法证件号", "执法证编号", "执法证号", "工作证编号", "工作证号", "警号", "工号", "员工编号",
		"个人编号", "个人编码", "社保编号", "社保号", "保险号",
		// A person's account with a fund or an insurer (个人账户编号为…,
		// 公积金账号, 医保编号).
		"个人账户编号", "个人账户号", "个人账号", "账户编号", "医保编号", "医保卡号", "医保账号", "社保卡编号", "公积金账号", "公积金账户", "养老保险账号",
		// A certificate whose title is quoted before its number
		// (《出生医学证明》编号为Q…, 《医师执业证书》编号).
		"证明》编号", "证明书》编号", "证》编号", "证书》编号", "证》号", "证书》号",
		"注册号", "档案编号", "档案号", "不动产单元号", "不动产单元代码", "宗地代码", "宗地编号", "宗地号", "地籍号",
		// A land contract's or right's certificate (trailing letter and
		// all) and a parcel's number (3-17-22) name one holder's land.
		"土地承包经营权证编号", "土地承包经营权证号", "承包经营权证编号", "承包经营权证号", "经营权证编号", "经营权证号", "林权证编号",
		"丘地号", "丘号", "地块编号", "地块号", "宗地编码",
		"学籍号", "考生号", "准考证号", "残疾人证号", "残疾证号", "低保证号", "救助证号", "特困证号", "户号",
		// A utility's customer and a card's holder: 燃气用户编号, 医疗证证号.
		"用户编号", "用户号", "客户编号", "客户号", "证号",
		// A person's licence or certificate numbered with 编号 (健康证编号,
		// 职业资格证书编号, 捕捞许可证（编号…）); a bare 编号 stays, and so
		// does a project's permit (keepProjectPermits).
		"证编号", "证书编号", "证书编码", "执业证编码", "证书号", "证（编号", "证(编号", "证书（编号", "证书(编号", "证，编号",
		// A birth or death certificate numbered in brackets (出生医学证明（编号M…）).
		"证明（编号", "证明(编号", "证明书（编号", "证明书(编号",
		// Certificates of one birth or one death: 出生医学证明编号Q…, 死亡医学证明书编号M….
		"出生医学证明编号", "出生医学证明号", "出生证编号", "出生证号", "死亡医学证明书编号", "死亡医学证明编号",
		"死亡证明书编号", "死亡证明编号", "火化证编号", "火化证明编号",
		// A practitioner's own number (评估师编号为51230019, 鉴定人执业编号):
		// it names the one practitioner as the name does.
		"师编号", "师注册号", "师注册编号", "师执业号", "执业编号", "执业注册号", "鉴定人编号", "评估人编号", "人员编号"},
		// A year in brackets may lead the number (（2019）FB-370211-0033).
		`\s*(?:分别为|分别是|[:：]|为|是)?\s*(?:[(（〔\[]\d{4}[)）〕\]])?\s*((?:`+provinces+`[卫监执法环药食质交运城管林渔农水]{0,3})?[0-9A-Za-z][0-9A-Za-z-]{2,40}[0-9A-Za-z])`, kindOf(KindRecord), 3)
	// A staff member's number after its label, three characters and up
	// (胸牌号为037, 警员编号F0215, 员工号SF1023): it names one of the
	// staff as the name would.
	staffLabels = newLabelled([]string{"警员编号", "警员号", "员工号", "员工编号", "职工号", "职工编号", "工号", "工牌号", "胸牌号", "胸牌编号", "胸卡号", "工作牌号", "工作证号", "工作证编号", "执勤证号"},
		`\s*(?:[:：]|为|是)?\s*([0-9A-Za-z][0-9A-Za-z-]{1,20}[0-9A-Za-z])`, kindOf(KindRecord), 2)
	// The last digits of a card, a phone, an account or an ID point to
	// one holder as the whole number does: 尾号为3317的银行卡, 手机尾号0926,
	// 身份证号后四位为1028, 卡号末四位4471.
	// A plate's last characters mix letters in (车牌尾号7K, 尾号为3A8,
	// 后两位为9T): two to five of them with a digit and a capital.
	tailLabels = &labelled{newMatcher([]string{"尾号", "尾数", "末尾", "后两位", "后三位", "后四位", "后五位", "后六位", "后八位", "末两位", "末三位", "末四位", "末五位", "末六位", "末尾四位", "最后四位", "后2位", "后3位", "后4位", "后6位", "末4位", "末6位"}),
		regexp.MustCompile(`^\s*(?:后[两三四五六八2346]位)?\s*(?:分别为|分别是|[:：]|为|是|系)?\s*[“"]?(\d{3,8}[Xx]?|\d{0,4}[A-HJ-NP-Z][0-9A-HJ-NP-Z]{0,4})`), kindOf(KindRecord), 1, true}
	// Vessels' registration numbers start with the port's characters:
	// 船舶登记号码为黔遵义货1168; a boat, like a car, points to its owner.
	vesselLabels = newLabelled([]string{"船舶登记号码", "船舶登记号", "船舶识别号", "船舶编号", "渔船编号", "船舶号码", "船号"},
		`\s*(?:[:：]|为|是)?\s*(\p{Han}{1,5}[0-9A-Za-z]{0,3}\d{2,8})`, kindOf(KindVehicle), 2)
	// Account names after a label, letters and all: 账号：zyh_19880412.
	// A value quoted after its label (账号"zyh_1988") is the same value.
	accountNameLabels = newLabelled([]string{"账号", "帐号", "用户名", "账户名"},
		`\s*(?:[:：]|为|是)?\s*["“”'‘’「」『』]?([A-Za-z][A-Za-z0-9_.-]{4,30}[A-Za-z0-9])`, kindOf(KindAccount), 0)
	// The handles of video, shopping and payment platforms name one
	// person as a WeChat ID does: 抖音号"tianyuan6688", 支付宝账号：….
	handleLabels = newLabelled([]string{"抖音号", "抖音账号", "抖音ID", "抖音id", "快手号", "快手账号", "快手ID", "微博号", "微博账号", "微博ID", "小红书号", "淘宝账号", "淘宝ID", "闲鱼账号", "支付宝账号", "支付宝帐号", "支付宝", "钉钉号", "视频号"},
		`\s*(?:[:：]|为|是)?\s*["“”'‘’「」『』]?([A-Za-z0-9][-_.A-Za-z0-9]{4,30}[A-Za-z0-9])`, kindOf(KindAccount), 0)
	// 抖音（ID：tianyuan6688）, 快手(账号:ks_88123): a platform's name and
	// its ID in brackets; the bare name (抖音直播) is no label.
	platformIDLabels = newLabelled([]string{"抖音", "快手", "微博", "小红书", "哔哩哔哩", "B站", "钉钉", "淘宝", "闲鱼", "拼多多"},
		`\s*[（(]\s*(?:ID|id|Id|号码|号|账号|帐号|用户名)\s*(?:[:：]|为)?\s*["“”'‘’「」『』]?([A-Za-z0-9][-_.A-Za-z0-9]{3,30}[A-Za-z0-9])`, kindOf(KindAccount), 0)
	// A personal certificate's or record's serial written as its office
	// writes it, 字 and all: 结婚证字号为鄂婚字第1023874号, 房屋所有权证号为东字第…号,
	// 档案编号为税稽字3301829. An agency's decision number carries its year in
	// brackets (某税稽罚〔2023〕12号) and is no such value.
	serialLabels = newLabelled([]string{"结婚证字号", "离婚证字号", "结婚证号", "离婚证号", "证字号", "所有权证号", "产权证号", "房产证号",
		"土地证号", "使用证号", "证书号", "证书编号", "证号", "档案编号", "档案号", "个人编号",
		// 集体土地使用证编号为柳集用（2003）字第0782号: one holder's land.
		"使用证编号", "土地证编号", "所有权证编号", "产权证编号",
		// 《农村宅基地使用证》（编号桂农宅字第2091号）: a certificate's title in
		// book-title marks before its serial (priv28).
		"证》编号", "证》（编号", "证》(编号", "证》号码"},
		// A licence's office writes up to eight characters before 字 (豫交运管许可字410102-00518号).
		`\s*(?:[:：]|为|是)?\s*(\p{Han}{0,8}(?:[(（〔\[]\d{4}[)）〕\]]\p{Han}{0,2})?字\s*第?\s*[0-9A-Za-z-]{3,20}号?)`, kindOf(KindCert), 3)
	// A posted item's tracking number names its sender and addressee
	// (运单号：9816452307114, 快递单号SF1402937758461, EMS（单号…）, a
	// registered letter's 挂号信编号): the delivery slip shows both
	// names and addresses to whoever holds the number. Nine digits at
	// least, so 单号 before a short ticket count stays.
	trackingLabels = newLabelled([]string{"快递单号码", "快递单号", "快递单", "快递号", "快件单号", "快件号", "运单号码", "运单号", "运单编号", "物流单号", "邮件号码", "邮件号", "邮件编号",
		"邮寄单号", "邮寄号码", "邮单号", "面单号", "挂号信编号", "挂号信号码", "挂号编号", "邮件条码", "EMS", "ems", "单号"},
		`\s*(?:[(（]\s*)?(?:邮件号码|邮件号|运单号|单号|号码|编号|号)?\s*(?:分别为|分别是|[:：]|为|是)?\s*[“"]?([A-Za-z]{0,4}\d{9,20}[A-Za-z]{0,2})`, kindOf(KindRecord), 9)
	// A certificate of death the doctor writes as 《居民死亡医学证明（推断）书》
	// before its number.
	deathCertLabels = newLabelled([]string{"（推断）书》编号", "(推断)书》编号", "（推断）书编号", "(推断)书编号", "推断书编号", "推断）书》号"},
		`\s*(?:[:：]|为|是)?\s*([0-9A-Za-z][0-9A-Za-z-]{4,20}[0-9A-Za-z])`, kindOf(KindRecord), 4)
	// 婚字第…号, 离字第…号 name one marriage wherever they stand.
	marriageSerialRe = regexp.MustCompile(`[^\P{Han}为是号：]?[婚离]字第?\s*\d{3,}号?`)
	// certMarkers must appear before certRe is worth running.
	certMarkers = []string{"林权", "林证字", "不动产", "房权证", "房产证", "国用", "集用", "集建", "土地证"}
	// Marriage certificate serials after their label: 结婚证字号为…
	marriageLabels = newLabelled([]string{"结婚证字号", "结婚证号码", "结婚证编号", "结婚证号", "离婚证字号", "离婚证号码", "离婚证编号", "离婚证号", "婚姻登记证号", "结婚证书编号"},
		`\s*(?:[:：]|为|是)?\s*([0-9A-Za-z][0-9A-Za-z-]{5,24}[0-9A-Za-z])`, kindOf(KindMarriage), 6)
)

// creditCodeLabels name an organisation's code; what follows them is
// public and stays, an individual business's (个体工商户, class 92) too
// (priv20): it is the business's registered code, published with its
// licence, while its keeper's name is masked as any person's.
var creditCodeLabels = []string{"统一社会信用代码", "社会信用代码", "信用代码", "组织机构代码"}

// keepOrganisationCodes drops the spans that took an organisation's code
// for something else (an 18-digit code read as an account): a span right
// after a credit code's label.
func keepOrganisationCodes(s string, out []span) []span {
	kept := out[:0]
	for _, sp := range out {
		before := strings.TrimRight(s[:sp.start], " ：:为是")
		if sp.kind != KindRecord && hasSuffixAny(before, creditCodeLabels) || strings.HasPrefix(s[sp.start:], "92") && hasSuffixAny(before, creditCodeLabels) {
			continue
		}
		kept = append(kept, sp)
	}
	return kept
}

// keepDocumentNumbers drops an account read in a document's own number: a
// run of digits right after a bare 编号 (处罚决定书（编号：3701…）), which
// numbers the document, not a person's card; a personal record's 编号
// (个人编号, 档案编号) is read by its own label and stays masked.
func keepDocumentNumbers(s string, out []span) []span {
	kept := out[:0]
	for _, sp := range out {
		before := strings.TrimRight(s[:sp.start], " ：:为是")
		if sp.kind == KindAccount && strings.HasSuffix(before, "编号") {
			lead := strings.TrimSuffix(before, "编号")
			if strings.HasSuffix(lead, "（") || strings.HasSuffix(lead, "(") || hasSuffixAny(lead, documentNouns) || strings.HasSuffix(lead, "作出") ||
				strings.HasPrefix(s[sp.end:], "的") && documentAfter(s[sp.end+len("的"):]) {
				continue
			}
		}
		kept = append(kept, sp)
	}
	return kept
}

// keepOfficeLandlines drops the landlines an organisation publishes: a
// number with its area code given as the 联系电话 of a bureau, an office or
// a centre (县信访局联系电话0731-…, a table row of an agency) is how the
// public reaches the agency and names no one. A mobile number is always a
// person's, and a landline is a person's when its own label or clause
// says so (住宅电话, 本人电话, 家庭电话) or a person's role opens the clause.
func keepOfficeLandlines(s string, out []span) []span {
	kept := out[:0]
	for _, sp := range out {
		if sp.kind == KindPhone && officeLandline(s, sp.start, sp.end) {
			continue
		}
		kept = append(kept, sp)
	}
	return kept
}

// keepAgencyAccounts drops the accounts a fee is paid into (缴至市财政局
// 非税收入汇缴结算户（开户行：…，账号…）) and an agency's public mailbox
// (征收办的公共邮箱…@….gov.cn): the state's accounts and addresses are
// published for everyone to pay and write to, and name no one. A clause
// that says the account or mailbox is a person's keeps them masked.
func keepAgencyAccounts(s string, out []span) []span {
	kept := out[:0]
	for _, sp := range out {
		from := max(strings.LastIndexAny(s[:sp.start], "\n。；;"), 0)
		clause := s[from:sp.start]
		personal := containsAny(clause, []string{"个人", "本人", "私人", "其账户", "其银行", "户名：", "户名:"})
		switch {
		case sp.kind == KindAccount && !personal && containsAny(clause, agencyAccountWords):
			continue
		case sp.kind == KindEmail && !personal && strings.HasSuffix(strings.ToLower(s[sp.start:sp.end]), ".gov.cn") && containsAny(clause, publicMailboxWords):
			continue
		}
		kept = append(kept, sp)
	}
	return kept
}

// agencyAccountWords name the state's collection accounts.
var agencyAccountWords = []string{"非税收入", "汇缴结算户", "财政专户", "国库", "罚没款", "代收账户", "代收专户"}

// publicMailboxWords name a mailbox an agency publishes.
var publicMailboxWords = []string{"公共邮箱", "官方邮箱", "公开邮箱", "受理邮箱", "举报邮箱", "信访邮箱", "政务邮箱", "工作邮箱"}

// keepMaskedNumbers drops a value that runs into asterisks: a number
// already partly masked (4201**********4417) identifies no one and must
// stay exactly as written, not lose its visible digits.
func keepMaskedNumbers(s string, out []span) []span {
	if !strings.Contains(s, "**") {
		return out
	}
	kept := out[:0]
	for _, sp := range out {
		if strings.HasPrefix(s[sp.end:], "*") || strings.HasSuffix(s[:sp.start], "*") {
			continue
		}
		kept = append(kept, sp)
	}
	return kept
}

// officeLandline reports whether the phone at s[start:end] is a landline
// with an area code in a clause that names an organisation and no person.
func officeLandline(s string, start, end int) bool {
	m := landlineRe.FindStringIndex(s[start:end])
	if m == nil || m[0] != 0 || m[1] != end-start {
		return false
	}
	v := s[start:end]
	if !strings.HasPrefix(v, "0") && !strings.HasPrefix(v, "(0") && !strings.HasPrefix(v, "（0") {
		return false
	}
	// The clause before: back to a line, a sentence or a semicolon, or the
	// previous clause when this one is the label alone (…18号，联系电话：…).
	from := max(strings.LastIndexAny(s[:start], "\n。；;"), 0)
	clause := s[from:start]
	// 被申请人联系电话：0851-…: the respondent of a reconsideration (and
	// the defendant of a suit, 被告 not 被告人) is an agency.
	agency := strings.Contains(clause, "被申请人") || strings.Contains(clause, "被告") && !strings.Contains(clause, "被告人")
	if containsAny(strings.ReplaceAll(clause, "被申请人", ""), personalPhoneWords) {
		return false
	}
	return agency || containsAny(clause, officeWords)
}

// officeWords name an organisation whose number is public.
var officeWords = []string{"局", "办公室", "中心", "委员会", "人民政府", "政府", "机关", "大队", "中队", "支队", "法院", "检察院", "办事处", "派出所", "司法所", "窗口", "热线", "信访办", "城建办", "管委会", "服务站"}

// personalPhoneWords say a number is a person's own, or open a clause
// about a person.
var personalPhoneWords = []string{"住宅", "家庭", "本人", "个人", "私人", "手机", "住址", "住所", "当事人", "申请人", "原告", "被告人", "证人", "受害人", "被害人", "第三人", "委托代理人", "代理人", "联系人", "户主", "男，", "女，", "出生"}

// documentAfter reports whether s starts with a document's noun.
func documentAfter(s string) bool { _, ok := hasPrefixAny(s, documentNouns); return ok }

// documentNouns are the documents whose own numbers follow 编号.
var documentNouns = []string{"决定书", "通知书", "文书", "裁定书", "判决书", "告知书", "责令改正通知书", "罚款收据", "票据", "决定", "通知", "处罚决定"}

func labelKind(label string) Kind {
	switch {
	case strings.Contains(label, "身份"), strings.Contains(label, "证件"), strings.Contains(label, "驾驶证"), strings.Contains(label, "社"), strings.Contains(label, "医保"):
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

// emailWindows returns the stretches around each @ made of the characters
// an e-mail address may hold.
func emailWindows(s string) [][2]int {
	var out [][2]int
	email := func(c byte) bool {
		return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || strings.IndexByte("._%+-@", c) >= 0
	}
	for i := 0; i < len(s); {
		j := strings.IndexByte(s[i:], '@')
		if j < 0 {
			break
		}
		at := i + j
		a, b := at, at+1
		for a > 0 && email(s[a-1]) {
			a--
		}
		for b < len(s) && email(s[b]) {
			b++
		}
		if len(out) > 0 && a < out[len(out)-1][1] {
			out[len(out)-1][1] = b
		} else {
			out = append(out, [2]int{a, b})
		}
		i = b
	}
	return out
}

// digitWindows returns the stretches of s made of digits, Latin letters
// and the separators numbers are written with, that hold at least four
// digits, each widened by the character before it.
func digitWindows(s string) [][2]int {
	var out [][2]int
	inWindow := func(r rune) bool {
		return r < utf8.RuneSelf && (r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || strings.ContainsRune(" -+().:", r)) ||
			strings.ContainsRune("（）·•・…＊×*转挂学警港澳领使\u3000", r)
	}
	start, digits, letters := -1, 0, 0
	flush := func(end int) {
		// Four digits make a number worth reading; a plate may have fewer
		// among its letters (川A8G52K).
		if start >= 0 && (digits >= 4 || digits >= 1 && letters >= 1 && end-start >= 5) {
			ws := start
			if ws > 0 {
				_, n := utf8.DecodeLastRuneInString(s[:ws])
				ws -= n
			}
			out = append(out, [2]int{ws, end})
		}
		start, digits, letters = -1, 0, 0
	}
	for i, r := range s {
		if inWindow(r) {
			if start < 0 {
				start = i
			}
			if r >= '0' && r <= '9' {
				digits++
			} else if r >= 'A' && r <= 'Z' {
				letters++
			}
			continue
		}
		flush(i)
	}
	flush(len(s))
	return out
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// hasUpperDigit reports whether s has an upper-case ASCII letter right
// before a digit, as every bare passport, permit and vehicle number does.
func hasUpperDigit(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' && (s[i+1] >= '0' && s[i+1] <= '9' || s[i+1] >= 'A' && s[i+1] <= 'Z') {
			return true
		}
	}
	return false
}

// hanDigits are the characters a number is spelled out with, digit by
// digit (一三九八五零二一四七三); 十, 百 and 千 count instead.
var hanDigits = newRuneSet("〇零一二三四五六七八九幺")

// hanDigitSpans finds phone, ID and account numbers spelled out in Chinese
// digits: seven or more in a row, which no date (二〇一九年) or count
// reaches.
func hanDigitSpans(s string) []span {
	var out []span
	start, n := -1, 0
	flush := func(end int) {
		if n >= 7 {
			k := KindPhone
			switch {
			case n == 15 || n == 18 || n == 17 && (strings.HasSuffix(s[:end], "X") || strings.HasSuffix(s[:end], "x")):
				k = KindID
			case n >= 16:
				k = KindAccount
			}
			if n == 17 && k == KindID {
				end++ // the X
			}
			out = append(out, span{start, end, k, Mask})
		}
		start, n = -1, 0
	}
	for i, r := range s {
		if hanDigits.has(r) {
			if start < 0 {
				start = i
			}
			n++
			continue
		}
		flush(i)
	}
	flush(len(s))
	return out
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
	// The number patterns run only on the stretches that hold digits (and
	// the character before, a plate's province): most of a judgment is
	// Chinese text they could never match.
	windows := digitWindows(s)
	for _, w := range windows {
		in := func(re *regexp.Regexp, kind Kind, ok func(m string) bool) {
			for _, loc := range re.FindAllStringIndex(s[w[0]:w[1]], -1) {
				a, b := w[0]+loc[0], w[0]+loc[1]
				if !digitBounded(s, a, b) || ok != nil && !ok(s[a:b]) {
					continue
				}
				out = append(out, span{a, b, kind, Mask})
			}
		}
		in(id18Re, KindID, nil)
		in(id18GroupedRe, KindID, nil)
		in(id15Re, KindID, func(m string) bool { return len(m) == 15 })
		in(accountRe, KindAccount, func(m string) bool { d := countDigits(m); return d >= 16 && d <= 19 })
		in(mobileRe, KindPhone, nil)
		in(landlineRe, KindPhone, nil)
		in(plateRe, KindPlate, func(m string) bool { return countDigits(m) > 0 })
		in(plateDashRe, KindPlate, nil)
		in(partialPlateRe, KindPlate, func(m string) bool { return countDigits(m) > 0 })
		in(regionPhoneRe, KindPhone, nil)
		in(regionIDRe, KindID, func(m string) bool { return countDigits(m) >= 7 })
		in(nanpPhoneRe, KindPhone, nil)
		in(ipv4Re, KindNetwork, nil)
		in(macRe, KindNetwork, func(m string) bool { return countDigits(m) >= 2 })
	}
	if containsAny(s, certMarkers) {
		for _, m := range certRe.FindAllStringSubmatchIndex(s, -1) {
			out = append(out, span{m[2], m[3], KindCert, "第" + Mask + "号"})
		}
	}
	// An e-mail address is read around each @ only: the pattern over a
	// whole judgment costs more than every other pattern together.
	for _, w := range emailWindows(s) {
		for _, loc := range emailRe.FindAllStringIndex(s[w[0]:w[1]], -1) {
			if a, b := w[0]+loc[0], w[0]+loc[1]; digitBounded(s, a, b) {
				out = append(out, span{a, b, KindEmail, Mask})
			}
		}
	}
	if strings.Contains(s, "wxid_") {
		add(wxidRe, KindWeChat, nil)
	}
	out = wechatLabels.spans(s, out)
	out = qqLabels.spans(s, out)
	out = passportLabels.spans(s, out)
	out = permitLabels.spans(s, out)
	out = vinLabels.spans(s, out)
	out = marriageLabels.spans(s, out)
	out = numberLabels.spans(s, out)
	out = recordLabels.spans(s, out)
	out = serialLabels.spans(s, out)
	out = tailLabels.spans(s, out)
	out = staffLabels.spans(s, out)
	out = trackingLabels.spans(s, out)
	out = deathCertLabels.spans(s, out)
	if strings.Contains(s, "婚字") || strings.Contains(s, "离字") {
		add(marriageSerialRe, KindMarriage, nil)
	}
	out = accountNameLabels.spans(s, out)
	out = handleLabels.spans(s, out)
	out = platformIDLabels.spans(s, out)
	out = spacedSpans(s, out) // spaced.go
	// A passport's shape where no label named the value as something else
	// (通行证（H12345678）, 用户编号：SH0092731 keep their kinds).
	for _, w := range windows {
		for _, loc := range passportShapeRe.FindAllStringIndex(s[w[0]:w[1]], -1) {
			a, b := w[0]+loc[0], w[0]+loc[1]
			if digitBounded(s, a, b) && !asciiLetterAt(s, a-1) && !asciiLetterAt(s, b) && !overlapsAny(out, a, b) && passportClause(s, a) {
				out = append(out, span{a, b, KindPass, Mask})
			}
		}
	}
	out = vesselLabels.spans(s, out)
	out = append(out, hanDigitSpans(s)...)
	out = keepOrganisationCodes(s, out)
	out = keepDocumentNumbers(s, out)
	out = append(out, holderCertificateSpans(s)...)   // p25.go
	out = append(out, holderCertificateSpans26(s)...) // certificates26.go
	out = append(out, personCertificateSpans32(s)...) // p32.go
	out = keepOfficeLandlines(s, out)
	out = keepAgencyAccounts(s, out)
	out = keepOfficeLines(s, out) // spaced.go
	out = keepMaskedNumbers(s, out)
	out = append(out, enforcementCards(s)...)
	out = append(out, quotedPartialPlates(s)...)
	out = keepProjectPermits(s, out)
	out = append(out, tableSpans(s, readTables(s))...)
	if hasUpperDigit(s) {
		add(marriageRe, KindMarriage, nil)
		add(passportBareRe, KindPass, func(m string) bool { return len(m) == 9 })
		add(permitBareRe, KindPermit, nil)
		// A UPU tracking number wherever it stands: two letters, nine
		// digits, the country (EA529610384CN).
		add(upuTrackingRe, KindRecord, nil)
		add(vinRe, KindVehicle, func(m string) bool { return countDigits(m) >= 3 && countDigits(m) < 17 })
	}
	// A foreign number is digits, spaces, dashes, brackets and +: it lies
	// inside one digit window.
	if strings.Contains(s, "+") || strings.Contains(s, "00") {
		var found [][]int
		for _, w := range windows {
			for _, loc := range foreignPhoneRe.FindAllStringIndex(s[w[0]:w[1]], -1) {
				found = append(found, []int{w[0] + loc[0], w[0] + loc[1]})
			}
		}
		for _, loc := range found {
			m := s[loc[0]:loc[1]]
			d := countDigits(m)
			// 00 inside 138-0013-8000 is no country prefix.
			if prev, _ := utf8.DecodeLastRuneInString(s[:loc[0]]); loc[0] > 0 && (prev == '-' || prev == '+' || prev >= '0' && prev <= '9') {
				continue
			}
			if !digitBounded(s, loc[0], loc[1]) || d < 8 || d > 17 || strings.HasPrefix(m, "+86") || strings.HasPrefix(m, "0086") {
				continue
			}
			out = append(out, span{loc[0], loc[1], KindPhone, Mask})
		}
	}
	return out
}

// passportCues say that a clause is about a person's travel document:
// 持外国护照，号码K20183746 (a report's 编号JC20240512 is no passport).
var passportCues = []string{"护照", "证件", "身份", "签证", "入境", "出境", "国籍", "籍", "passport", "Passport", "PASSPORT"}

// passportClause reports whether the clause before byte at names a travel
// document or a nationality.
func passportClause(s string, at int) bool {
	start := strings.LastIndexAny(s[:at], "。；;\n") + 1
	return containsAny(s[start:at], passportCues)
}

// asciiLetterAt reports whether s holds an ASCII letter at byte i.
func asciiLetterAt(s string, i int) bool {
	if i < 0 || i >= len(s) {
		return false
	}
	c := s[i] | 0x20
	return c >= 'a' && c <= 'z'
}

// overlapsAny reports whether a span of out overlaps [a, b).
func overlapsAny(out []span, a, b int) bool {
	for _, sp := range out {
		if sp.start < b && sp.end > a {
			return true
		}
	}
	return false
}

// projectPermits are the permits of a building project or a company's
// land, public by law (规划许可 is published): their numbers name no one.
var projectPermits = []string{"规划许可证", "施工许可证", "建设用地批准书", "建设用地规划许可", "工程规划许可", "施工许可", "用地规划许可", "建字第", "地字第", "建设工程规划"}

// keepProjectPermits drops the spans of a project's permit number (建设工程
// 规划许可证号为建字第…号, 施工许可证编号为…) and of a certificate held by a
// company (某公司持有的国有土地使用证为某国用（2015）第…号).
func keepProjectPermits(s string, out []span) []span {
	kept := out[:0]
	for _, sp := range out {
		clauseStart := strings.LastIndexAny(s[:sp.start], "。；;，,\n") + 1
		if clauseStart > 0 {
			_, n := utf8.DecodeRuneInString(s[clauseStart-1:])
			clauseStart += n - 1
		}
		clause := s[clauseStart:sp.start]
		v := s[sp.start:sp.end]
		company := containsAny(clause, companyHolders)
		if sp.kind != KindName && (containsAny(clause, projectPermits) || strings.HasPrefix(v, "建字第") || strings.HasPrefix(v, "地字第")) && (company || !containsAny(clause, personalPermitHolders)) {
			continue
		}
		if sp.kind == KindCert && (company || subjectIsInstitution(s, sp.start)) {
			continue
		}
		// 该测速设备经某研究院检定合格，检定证书编号为JD2024-08871: a
		// device's or a firm's certificate names no person.
		if (sp.kind == KindRecord || sp.kind == KindCert) && thingCertificate(clause, company) {
			continue
		}
		kept = append(kept, sp)
	}
	return kept
}

// deviceCertificates are the labels of what certifies a device, a
// measuring instrument or a product, not a person.
var deviceCertificates = []string{"检定证书", "校准证书", "检测证书", "检验证书", "检定合格证", "产品合格证", "合格证", "出厂编号", "设备编号", "仪器编号", "型式批准", "计量器具", "检测报告编号", "检验报告编号", "校准报告编号", "检定报告编号"}

// deviceNouns say the clause is about a device.
var deviceNouns = []string{"设备", "仪器", "测速仪", "测速装置", "装置", "器具", "电子眼", "探头", "计量"}

// thingCertificate reports whether the clause before a number says it
// certifies a device or a firm: a device's certificate label, or a device
// or a firm in the clause and no person who holds it.
func thingCertificate(clause string, company bool) bool {
	if containsAny(clause, deviceCertificates) {
		return true
	}
	if !strings.Contains(clause, "证书") && !strings.Contains(clause, "证编号") {
		return false
	}
	return (company || containsAny(clause, deviceNouns)) && !containsAny(clause, personalPermitHolders) && !containsAny(clause, practitionerNouns)
}

// practitionerNouns hold a certificate of their own (评估师, 鉴定人).
var practitionerNouns = []string{"师", "鉴定人", "评估人", "人员", "个人"}

// personalPermitHolders in a clause make a permit a person's even where
// its noun reads like a project's (个人建房施工许可证 of a villager).
var personalPermitHolders = []string{"原告", "申请人", "第三人", "当事人", "村民", "个人", "本人", "其"}

// companyHolders in a clause say an organisation holds the permit or the
// certificate (第三人某置业有限公司的…许可证号为…).
var companyHolders = []string{"公司", "集团", "企业", "合作社", "政府", "管委会"}

// enforcementStaff are the words that say a clause lists officers and
// their cards.
var enforcementStaff = []string{"执法人员", "执法队员", "检查人员", "调查人员", "执法证", "民警", "辅警", "稽查人员"}

// enforcementCards finds the card numbers written straight after the
// officers' names, no 执法证号 label between (执法人员晏某33011911052、庞某
// 33011911067): eight to fourteen digits, maybe led by one or two capitals,
// right after a Chinese character, in a clause about enforcement staff. A
// scan of the digit runs, not a pattern over the whole judgment.
func enforcementCards(s string) []span {
	if !containsAny(s, enforcementStaff) {
		return nil
	}
	var out []span
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			continue
		}
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		a := i
		for a > 0 && i-a < 2 && s[a-1] >= 'A' && s[a-1] <= 'Z' {
			a--
		}
		n := j - i
		i = j
		if n < 8 || n > 14 || j < len(s) && (s[j] >= 'A' && s[j] <= 'Z' || s[j] >= 'a' && s[j] <= 'z' || s[j] == '-' || s[j] == '.') {
			continue
		}
		if prev, _ := utf8.DecodeLastRuneInString(s[:a]); !isHan(prev) {
			continue
		}
		clauseStart := strings.LastIndexAny(s[:a], "。；;\n") + 1
		if !containsAny(s[clauseStart:a], enforcementStaff) {
			continue
		}
		out = append(out, span{a, j, KindRecord, Mask})
	}
	return append(out, provinceCards(s)...)
}

// quotedPartialPlateRe is the head of a plate quoted or said to open the
// number (号牌为“皖A·5F”开头, 车牌以皖A5F打头): a witness's or a camera's
// partial reading narrows the vehicle to a few holders.
var quotedPartialPlateRe = regexp.MustCompile(`(?:[“"「]\s*(` + provinces + `[A-HJ-NP-Z][ ·•・.-]?[A-HJ-NP-Z0-9]{1,4})\s*[”"」])|(?:(` + provinces + `[A-HJ-NP-Z][ ·•・.-]?[A-HJ-NP-Z0-9]{1,4})(?:开头|打头|字头))`)

// quotedPartialPlates finds the partial plates of quotedPartialPlateRe
// with a digit in them (“皖A”开头 names only a city).
func quotedPartialPlates(s string) []span {
	if !strings.Contains(s, "·") && !strings.ContainsAny(s, "“\"「") && !strings.Contains(s, "头") {
		return nil
	}
	var out []span
	for _, m := range quotedPartialPlateRe.FindAllStringSubmatchIndex(s, -1) {
		for g := 1; g <= 2; g++ {
			if a, b := m[2*g], m[2*g+1]; a >= 0 && countDigits(s[a:b]) > 0 {
				out = append(out, span{a, b, KindPlate, Mask})
			}
		}
	}
	return out
}

// provinceCardRe is an enforcement card numbered by its province's
// office: 川执0512034, 黔执字第0012号, 黔执法2201386.
var provinceCardRe = regexp.MustCompile(provinces + `执法?(?:证)?(?:字)?第?\d{4,14}号?`)

// provinceCards finds the cards a province numbers (provinceCardRe) in a
// clause about enforcement staff. A court's enforcement case number has
// its year in brackets before the province (（2019）黔执1234号) and stays.
func provinceCards(s string) []span {
	if !strings.Contains(s, "执") {
		return nil
	}
	var out []span
	for _, loc := range provinceCardRe.FindAllStringIndex(s, -1) {
		a, b := loc[0], loc[1]
		if !digitBounded(s, a, b) {
			continue
		}
		if prev, _ := utf8.DecodeLastRuneInString(s[:a]); strings.ContainsRune(")）〕]】", prev) || isDigitRune(prev) {
			continue
		}
		clauseStart := strings.LastIndexAny(s[:a], "。；;\n") + 1
		if !containsAny(s[clauseStart:min(len(s), b+len("执法证"))], enforcementStaff) {
			continue
		}
		out = append(out, span{a, b, KindRecord, Mask})
	}
	return out
}
