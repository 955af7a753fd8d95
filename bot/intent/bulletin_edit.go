package intent

import "strings"

// BulletinEdit is what someone asks of a bulletin they have just been
// sent: a part added or taken out on its own, or the file.
type BulletinEdit string

// The edits.
const (
	EditWord       BulletinEdit = "word"       // 导出word, 给我个word版
	EditAppearance BulletinEdit = "appearance" // 加上出庭情况
	EditAgencies   BulletinEdit = "agencies"   // 各单位都列上
	EditAgency     BulletinEdit = "agency"     // 公安那块单列一段 (the agency is read by Understand)
	EditShort      BulletinEdit = "short"      // 简单点发群里, 拟个简版
	// EditName names the agencies whose heads did not appear (把没出庭那两个
	// 单位点个名); with tone words the paragraph is written firmly.
	EditName BulletinEdit = "name"
	// EditTone asks another tone of the notice's own text (语气重一点), and
	// EditLine a sentence of the asker's added (加一句…): the notice is
	// written to a fixed form, so these are answered honestly.
	EditTone BulletinEdit = "tone"
	EditLine BulletinEdit = "line"
	// EditCase adds a case to the bulletin (把83号也加进去 今天刚判的): the
	// case is read by Understand, and the month it counts in is said.
	EditCase BulletinEdit = "case"
)

var (
	editWordRe = mustCompile(`(?i)(?:word|doc|docx|文档|文件|附件|wps)|(?:导出|导成|下载|转成|生成|做成|弄成|出个|给我个|发个|发我个|要个)(?:一个|一份|个)?(?:电子版|正式版|可编辑|可以编辑)`)
	// editAppearanceRe adds head appearance (加上出庭情况, 出庭的也列一下).
	editAppearanceRe = mustCompile(`(?:加上|加进|加入|补上|补充|添上|增加|再加|也加|带上|列上|也列|再列|附上)(?:一下|个|一段|一块|上)?(?:负责人)?(?:的)?出庭|` +
		`(?:负责人)?出庭(?:应诉)?(?:的)?(?:情况|率|数据|这块|那块|部分)?(?:也)?(?:要)?(?:加上|加进去|加一下|补上|补充|列上|列一下|列出来|写上|加|都列|详细)`)
	// editAgenciesRe lists every agency (各单位都列上, 所有单位都列出来).
	editAgenciesRe = mustCompile(`(?:各单位|各个单位|每个单位|所有单位|全部单位|每家单位|所有的单位|各部门|每个局|所有局)(?:的)?(?:情况|数据)?(?:都|全|全部|也)(?:要)?(?:列|写|加|放|显示|体现)|` +
		`(?:把|将)?(?:各单位|所有单位|全部单位|每个单位)(?:都)?(?:列上|列出来|列全|加上|写上)|(?:单位)(?:没列全|不全|漏了|少了)`)
	// editAgencyRe asks one agency's part alone (公安那块单列一段, 把公安局单独列出来).
	editAgencyRe = mustCompile(`单列|单独(?:列|发|拎|拿|写|成|一段|做)|单拎|拎出来|另列|单独的`)
	// editShortRe asks a short version to pass on (简单点发群里, 拟个简版,
	// 压缩成几句话, 太长了).
	// editCaseRe adds a case named by number (把83号也加进去, 85号也补上,
	// 行初83加到通报里, 再加上83号): the number and a verb of adding.
	editCaseRe = mustCompile(`(?:[0-9]+号|行[初终申审赔]+[0-9]+|复[0-9]+)(?:那个|那件|这个|这件|的|案子|案件)?(?:也|都|一起|一并|再)?(?:要)?(?:加进去|加进来|加进|加上|加入|加到|加在|补进去|补进|补上|补充进去|放进去|放进|放到|写进去|写进|写上|列进去|列进|列上|列入|算进去|算上|纳入|添上|添进去)|` +
		`(?:加上|加入|补上|补充|纳入|添上|再加|也加)(?:一下)?(?:[0-9]+号|行[初终申审赔]+[0-9]+|复[0-9]+)`)
	editNameRe = mustCompile(`点名|点个名|点一下名|点出来|通报批评|指名`)
	editToneRe = mustCompile(`语气|口气|措辞|严厉|重一点|重点儿|加重|客气|委婉|温和|强硬|狠一点`)
	editLineRe = mustCompile(`^(?:再)?(?:加一句|加一段|补一句|补一段|加上一句|添一句|加句)`)
	// EditFirm reports whether a request asks a firmer tone.
	editFirmRe  = mustCompile(`重一点|重些|重一些|更重|加重|严厉|强硬|狠一?点|严肃|严一点|严些|严格一点`)
	editShortRe = mustCompile(`简单点|简单些|简单一点|简单的|简短|简版|精简|简要|简化|短一点|短点|短些|太长|压缩|缩短|发群里|群里发|发到群|发群|转发到群|一段话|几句话|摘要|概要|要点|提炼|浓缩`)
)

// editAskedStrip is built once, not on every call (building a Replacer allocates).
var editAskedStrip = strings.NewReplacer(" ", "", "，", "", ",", "", "。", "")

// EditAsked reads a request to change or add to the bulletin just sent.
// ok is false for anything else; the caller applies it only right after a
// bulletin.
func EditAsked(text string) (BulletinEdit, bool) {
	t := editAskedStrip.Replace(Normalize(text))
	switch {
	case t == "":
		return "", false
	case editWordRe.MatchString(t):
		return EditWord, true
	case editCaseRe.MatchString(t) && !editNameRe.MatchString(t):
		return EditCase, true
	case editNameRe.MatchString(t):
		return EditName, true
	case editLineRe.MatchString(t):
		return EditLine, true
	case editToneRe.MatchString(t):
		return EditTone, true
	case editAgenciesRe.MatchString(t):
		return EditAgencies, true
	case editAppearanceRe.MatchString(t):
		return EditAppearance, true
	case editAgencyRe.MatchString(t):
		return EditAgency, true
	case editShortRe.MatchString(t):
		return EditShort, true
	}
	return "", false
}

// EditFirm reports whether a request about the bulletin asks a firmer
// tone (语气重一点, 严厉些).
func EditFirm(text string) bool { return editFirmRe.MatchString(Normalize(text)) }
