package intent

import (
	"regexp"
	"strings"
)

// HowTo is a question about using the system itself, not about cases: how
// to load the people directory, what an import error means, who may use
// the bot and see what, what to do when a card's button does nothing, how
// the reminders are set. Each is answered from what the product does (its
// commands, columns and roles), never with a list of cases.
type HowTo string

// The topics.
const (
	HowImport      HowTo = "import"       // 通讯录怎么补录, 导入那个表要哪几列
	HowImportError HowTo = "import-error" // 导入提示第5行单位不匹配
	HowAccess      HowTo = "access"       // 书记员加不了机器人 能开个权限吗, 有哪些角色
	HowButton      HowTo = "button"       // 已答复按钮点了没反应
	HowReminders   HowTo = "reminders"    // 提醒怎么设置, 能不能提前两天提醒
)

var (
	// howDirWords name the people directory as users call it.
	howDirWords = []string{"通讯录", "人员名单", "名单", "花名册", "人员信息", "人员表", "人员"}
	// howImportRe is a way of putting people into it.
	howImportRe = mustCompile(`导入|导进|补录|录入|录进|补进|补上|添加|加进|加到|加入|加人|放进|批量|上传|模板|表格|那个表|这个表|哪几列|哪些列|几列|什么列|字段|表头|格式|填哪些|填什么`)
	// howAskRe asks how, or what a thing needs.
	howAskRe = mustCompile(`怎么|怎样|如何|咋|啥格式|什么格式|要哪|要什么|需要什么|需要哪|要填|哪几列|哪些列|几列|什么列|表头|步骤|方法|流程|模板|在哪|哪里|哪个命令|什么命令|用什么|是啥|是什么|啥样|什么样|行不行|行不|能不能|可不可以|可以吗|行吗|吗$|么$|啊$|谁(?:报|给|提供|负责|来报|来弄|弄)`)
	// howErrorRe is an import that complained.
	howErrorRe = mustCompile(`提示|报错|错误|失败|不匹配|匹配不上|对不上|不对|识别不了|无法识别|不能识别|对应多个|出错|不成功|导不进|导不了|进不去|第\d+行`)
	// howAccessRe is someone who cannot reach the bot, or an access asked for.
	howAccessRe = mustCompile(`权限|开通|开个号|开号|开账号|开个账号|加不了|加不上|加不进|进不来|用不了|用不上|搜不到|找不到(?:应用|机器人)|加进来|拉进来|能不能加|可不可以加|可以加|能加|让(?:他|她|他们)用|给(?:他|她|他们)用|能不能(?:也)?用|可不可以(?:也)?用|能(?:也)?用吗|可以(?:也)?用吗|(?:能|可以)(?:也)?用(?:这个|咱们|我们|机器人|系统|应用)|只让看|只能看|只给看|只看|哪些角色|什么角色|几种角色|角色有哪些|各角色|角色分别|谁能看|谁可以看|能看到什么|能看什么|看得到什么`)
	// howAccessWho is whom access is for: the bot itself, or someone outside.
	howAccessWho = mustCompile(`机器人|应用|系统|权限|法院|书记员|法官|律师|外单位|外部|检察院|账号|角色|她|他|人`)
	// howButtonRe is a button that did nothing.
	howButtonRe  = mustCompile(`没反应|没有反应|无反应|不反应|点不了|点不动|按不动|点不开|没用|没有用|不管用|不好使|失灵|无效|没效果|点了没|点了也|按了没|按了也|点完没|灰的|报错|卡住|转圈`)
	howButtonWho = mustCompile(`按钮|按键|卡片|确认出庭|更换出庭人|无法出庭|已出庭|未出庭|已答复|已提交|已回复|已上诉|不上诉|已知悉|已处理|填报原因|点`)
	// howRemindRe is the reminders' settings asked about.
	howRemindRe = mustCompile(`(?:怎么|如何|怎样|咋|能不能|可不可以|可以|在哪)(?:设置|设定|设|配置|开启|开通|打开|关闭|关掉|关|取消|改|调|调整)|(?:设置|设定|配置|开启|关闭|关掉|调整)(?:一下)?(?:开庭)?提醒|提醒(?:的)?(?:时间)?(?:怎么|如何|在哪|能不能|可以)(?:设置|设定|设|配置|改|调|开|关)|提醒(?:是)?(?:自动|默认)|提醒(?:是)?(?:几点|提前几天|提前多久)(?:发|推送)?(?:的)?(?:啊|呀|呢|吗)?$|(?:不想|不要|不用)(?:再)?收(?:到)?提醒|提醒(?:能不能|可不可以|可以|能)(?:再)?(?:提前|早)|提醒[^，,。]{0,8}?(?:能|可以)(?:改|调|设置|设)(?:吗|不|么)|(?:能不能|可不可以|可以)(?:提前|早)(?:几|一|两|三|\d)天(?:发)?提醒`)
	// howCaseListRe asks a list or count of cases: a case question that
	// merely names the directory (通讯录里没有承办人的案子有哪些).
	howCaseListRe = mustCompile(`(?:案子|案件|开庭|庭)[^，,。]{0,6}(?:有哪些|有哪几|哪几个|哪些|几个|几件|多少|列一下|列出来)|(?:有哪些|哪几个|哪些|几个|几件|多少)[^，,。]{0,4}(?:案子|案件|开庭|庭)`)
	// howChaseRe is a reminder to send now, not a setting (提前一天给他发个提醒).
	howChaseRe = mustCompile(`给[^，,。]{0,8}(?:发|推)|帮我|提醒(?:一下)?(?:他|她|孙|何|吴|陈|王|李|张|周|马|赵)|催`)
	// howAgencyPeopleRe is the people of an agency or unit.
	howAgencyPeopleRe = mustCompile(`(?:局|单位|部门|政府|镇里|乡里|委|办)(?:那边|这边)?(?:的)?(?:人|联系人|负责人|承办人|人员)`)
	// howPeopleCmdRe names the directory's own commands (casebot people
	// import, people sync): a question about them is about loading people.
	howPeopleCmdRe = regexp.MustCompile(`people(?:import|sync|导入|同步)|(?:导入|导)(?:人员|通讯录|名单)的?(?:那个|这个)?命令`)
	// alsoAddRe asks more put into the directory (也补上, 一并录入, 都加上).
	alsoAddRe = mustCompile(`(?:也|都|一起|一并)(?:要)?(?:补上|补录|补进|补一下|加上|加进|加一下|导进|导入|录入|录进)`)
	numberish = regexp.MustCompile(`\d+号|行初|行终|行审|行申|复\d|\d{2,}`)
)

// howToStrip is built once, not on every call (building a Replacer allocates).
var howToStrip = strings.NewReplacer(" ", "", "　", "", "？", "", "?", "", "，", "，")

// HowToAsked reads a question about using the system (see HowTo). ok is
// false for anything else, a case question above all: one that lists or
// counts cases stays one whatever directory word it holds.
func HowToAsked(text string) (HowTo, bool) {
	t := howToStrip.Replace(Normalize(text))
	if t == "" {
		return "", false
	}
	if _, ok := LedgerAsked(text); ok {
		return "", false // 哪些人还没开通账号: who, answered from the directory
	}
	if AsksAgencyCoverage(text) && !containsAny(t, []string{"怎么", "如何", "咋", "怎样", "哪几列", "哪些列", "模板"}) {
		return "", false // 卫健局的人是不是还没导进通讯录: the directory's gaps, answered from it
	}
	// An agency's people (人社局的人, 那几个单位的联系人) are the directory's
	// entries when a way of putting them in is said with them.
	dir := containsAny(t, howDirWords) || strings.Contains(t, "加人") || howAgencyPeopleRe.MatchString(t)
	caseList := howCaseListRe.MatchString(t)
	switch {
	case howPeopleCmdRe.MatchString(strings.ToLower(t)) && !caseList:
		// casebot people import 这个命令要什么格式的表: the command named
		// is the directory's import, whatever else the question says.
		return HowImport, true
	case howButtonRe.MatchString(t) && howButtonWho.MatchString(t) && !strings.Contains(t, "庭审") && (strings.Contains(t, "按钮") || strings.Contains(t, "按键") || strings.Contains(t, "点") || strings.Contains(t, "卡片")):
		return HowButton, true
	case strings.Contains(t, "导") && howErrorRe.MatchString(t) && !containsAny(t, []string{"台账", "案号", "案件", "案子", "开庭"}) && (dir || strings.Contains(t, "单位") || strings.Contains(t, "角色") || strings.Contains(t, "账号") || strings.Contains(t, "行")) && !caseList:
		return HowImportError, true
	case (dir || containsAny(t, []string{"系统", "机器人", "应用"}) && containsAny(t, []string{"承办人", "负责人", "同事", "新来", "人"})) && howImportRe.MatchString(t) && howAskRe.MatchString(t) && !caseList && !strings.Contains(t, "台账"):
		return HowImport, true
	case alsoAddRe.MatchString(t) && !caseList && !numberish.MatchString(t) && !strings.Contains(t, "台账"):
		// 好 住建和镇政府也补上, after the directory's gaps were listed: a
		// request to put more agencies' people in, answered with how and
		// their gaps (it was thanked for).
		return HowImport, true
	case howAccessRe.MatchString(t) && howAccessWho.MatchString(t) && !caseList && !numberish.MatchString(t):
		return HowAccess, true
	case strings.Contains(t, "提醒") && howRemindRe.MatchString(t) && !howChaseRe.MatchString(t) && !numberish.MatchString(t) && !caseList:
		return HowReminders, true
	}
	return "", false
}

// inDirectoryRe asks whether someone is in the directory now (现在能查到赵磊
// 了吧, 赵磊导进去了没, 王五在通讯录里了吗): the directory answers, not cases.
var inDirectoryRe = mustCompile(`(?:能|可以)?(?:查到|查得到|查的到|找到|找得到|搜到|搜得到)[^，,。]{0,6}?(?:了吧|了吗|了没|了不|吗|没|不|吧)|(?:导进去|导进来|导入|导上|录进去|录上|加进去|加上|添加)了?(?:没|吗|吧|没有|了吗|了没|成功)|(?:在|进)(?:通讯录|人员名单|名单)(?:里|中|上)?了?(?:没|吗|吧|没有|了吗|了没|了吧)|(?:通讯录|人员名单|名单)(?:里|中|上)?(?:有没有|有)[^，,。局单位]{2,6}?(?:吗|没|不|没有)$`)

// inDirectoryStrip is built once, not on every call (building a Replacer allocates).
var inDirectoryStrip = strings.NewReplacer(" ", "", "　", "", "？", "", "?", "")

// AsksInDirectory reports whether text asks whether a person is in the
// people directory now. The caller finds the person.
func AsksInDirectory(text string) bool {
	t := inDirectoryStrip.Replace(Normalize(text))
	if AsksAgencyCoverage(text) || howCaseListRe.MatchString(t) || strings.Contains(t, "案") || strings.Contains(t, "庭") || strings.Contains(t, "答辩") {
		return false
	}
	return inDirectoryRe.MatchString(t)
}

// agencyCoverageRe asks whether agencies' people are in the directory yet
// (卫健局的人是不是还没导进通讯录, 通讯录里还缺哪些单位, 哪些单位没录进名单).
var agencyCoverageRe = mustCompile(`(?:没|未|还没|没有)(?:导进|导入|录进|录入|录|导|加进|加入|进)(?:去|来)?(?:到)?(?:通讯录|人员名单|名单)|(?:通讯录|人员名单|名单)(?:里|中|上)?(?:还)?(?:缺|少|没有|没)(?:哪些|哪几个|哪个|什么)?(?:单位|局)|(?:哪些|哪几个|哪个)(?:单位|局)(?:的人)?(?:在)?(?:通讯录|人员名单|名单)(?:里|中|上)?(?:还)?(?:没|缺|没有)|(?:局|单位|政府)[^，,。]{0,8}?(?:的人|人员)(?:都|已经|已|也)?(?:导进|导入|录进|录入|加进|补录|录)(?:去|来)?了?(?:没|吗|没有|吧)$|(?:局|单位|政府)[^，,。]{0,8}?(?:的人|人员)(?:都|已经|已|也)?(?:导进|导入|录进|录入|加进|进)(?:去|来)?(?:了)?(?:到)?(?:通讯录|人员名单|名单)(?:里|中)?了?(?:吗|没|没有|吧|不)`)

// Whether an agency has anyone in the directory, asked without the words
// agencyCoverageRe spells out: a word of the directory or of an agency, a
// word of someone being there (有人吗, 是不是也没人, 谁能收到提醒), and no
// word of a hearing or of coming to one (来人没, 出庭, 到场), which asks who
// came, not who is listed.
var (
	coverPlaceRe    = mustCompile(`通讯录|人员名单|名单|企业微信|局|政府|单位|委员会|中心|大队|所`)
	coverPresenceRe = mustCompile(`有没有人|没有人|没人|有人吗|有人没|缺人|人齐|人全|都有人|谁能收到|收不到提醒|能收到提醒|收得到提醒|发不出去|发不到`)
	coverAbsentRe   = mustCompile(`庭|出庭|来人|到场|去了|去没|参加|开会|电话|来了|到了|值班`)
)

// agencyCoverageStrip is built once, not on every call (building a Replacer allocates).
var agencyCoverageStrip = strings.NewReplacer(" ", "", "　", "", "？", "", "?", "")

// AsksAgencyCoverage reports whether text asks which agencies have nobody
// (or no head or handler) in the people directory.
func AsksAgencyCoverage(text string) bool {
	t := agencyCoverageStrip.Replace(Normalize(text))
	if howCaseListRe.MatchString(t) {
		return false
	}
	return agencyCoverageRe.MatchString(t) ||
		coverPlaceRe.MatchString(t) && coverPresenceRe.MatchString(t) && !coverAbsentRe.MatchString(t)
}
