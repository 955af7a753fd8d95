package intent

import (
	"strings"
)

// The vocabularies the rules read. Each list is tried longest first where
// one word is part of another; every word a list takes is accounted for in
// the Understanding (as a slot, a kind, or filler), so nothing a user
// wrote is dropped silently.

// Fillers are the words that carry no argument: politeness, the verbs of
// asking, speech fillers, demonstratives and the question words whose
// meaning the kind of question already holds. They are removed wherever
// they stand and listed in Understanding.Filler. README (在聊天中查询)
// lists them; TestREADMEListsFillers keeps the two together.
var Fillers = []string{
	// politeness
	"请问一下", "请问", "请教", "麻烦您", "麻烦你", "麻烦", "劳驾", "帮我们", "帮我", "帮忙", "帮个忙", "给我们", "给我",
	"单月", "单看", "您好", "你好", "谢谢您", "谢谢你", "谢谢了", "谢谢", "多谢", "感谢", "辛苦了", "辛苦", "老师", "领导", "一下子", "一下",
	// verbs of asking
	"查询一下", "查一下", "查下", "查查", "查询", "查看", "看一下", "看下", "看看", "瞅瞅", "搜一下", "搜索", "找一下",
	"告诉我", "发给我", "发我", "发一下", "发一份", "发个", "我想知道", "我想看", "我想查", "我想问", "想知道", "想问问",
	"想问", "问一下", "问下", "我要", "我想", "了解一下", "统计一下", "统计", "列一下", "列出", "说一下", "说说",
	// speech fillers and demonstratives
	"嗯嗯", "那个", "这个", "那件", "这件", "那场", "这场", "那次", "这次", "那起", "这起", "那一个", "这一个",
	"我这边", "那边", "这边", "就是说", "就是", "然后", "来着", "的话", "对了", "那么", "是这样",
	// switch words: a new topic follows (另外问下 本月败诉几件)
	"顺便问一下", "顺便问下", "顺便问问", "顺便说下", "顺便", "还有个事", "还有件事", "换个问题", "再问个事",
	// dialect asides: 晓得不 (do you know), 咋个安排的 (how is it arranged)
	"你晓得不", "晓不晓得", "晓得不", "晓得吗", "晓得", "咋个安排", "咋安排", "怎么安排",
	// question words the kind already holds
	"有哪些", "都有哪些", "哪几个", "哪一些", "哪些", "有什么", "都有啥", "是什么", "是啥子", "是啥", "什么", "啥子", "啥", "几个", "几件",
	"几起", "几场", "几次", "多少件", "多少个", "多少起", "多少场", "多少", "有没有", "有不", "有么", "有吗", "是不是", "是否",
	"怎么样", "咋样", "如何", "一共", "总共", "共有", "都有", "全部", "所有", "一览", "列表", "清单", "目前", "现在", "当前",
	"具体", "情况", "信息", "详情", "数据", "明细", "一份", "的时候", "时候", "多久了", "多久", "多长时间", "两次", "每次",
	"第一次", "第二次", "第三次", "下一次", "上一次", "别的", "其他的", "其他", "其它", "另外", "全县", "全区", "全市", "总体",
	"整体", "全口径", "去中院", "中院", "高院", "县法院", "法院那边", "没收到通知", "还没收到", "收到通知", "一起", "共同", "作为", "县里", "截至目前", "截止目前", "截止到目前", "截至今天", "到目前为止", "分别", "各自",
	// the generic nouns of the domain, once the kind is known
	"老案子", "旧案子", "老案件", "老案", "旧案", "案件", "案子", "案例", "官司", "案",
}

var helpWords = map[string]bool{
	"帮助": true, "help": true, "?": true, "h": true, "怎么用": true, "如何使用": true, "使用说明": true, "说明": true,
	"菜单": true, "功能": true, "你能做什么": true, "能做什么": true, "你会什么": true, "会什么": true, "你好": true,
	"您好": true, "hi": true, "hello": true, "在吗": true, "在么": true, "在不在": true, "指令": true, "命令": true,
	"用法": true, "使用帮助": true, "帮助信息": true, "怎么查": true, "如何查询": true, "怎么查询": true, "功能介绍": true,
	"你能干啥": true, "你能干什么": true, "能干啥": true, "能干什么": true, "你是谁": true, "有什么功能": true,
	"怎么使用": true, "你好啊": true, "在": true, "喂": true, "哈喽": true,
}

// helpAskRe and helpUseRe are a whole message asking what the bot does or
// how it is used, as people say it (你有啥子功能, 这个机器人能干啥子, 你都会
// 些啥子嘛, 这个咋个用哦, 咋个用这个东西). helpAsked also wants the bot
// named or a word of doing (功能, 干, 做), so 还有什么 after a list stays 更多.
var (
	helpAskRe = mustCompile(`^(?:这个|那个|你们|你|您|机器人|助手|小助手|这个机器人|这个助手|这个东西|这东西|这玩意|这个系统|系统)*` +
		`(?:都|还|到底|究竟|一般)?(?:有|会|能|可以)(?:些|哪些)?(?:帮我|帮忙|帮)?(?:干|做|查)?(?:些|点|哪些)?` +
		`(?:啥子|啥|什么|哪些|些什么|些啥)(?:功能|用处|用|事|事情|东西|本事|忙)?(?:嘛|哦|噻|撒|哈|啦|喃|嘞|喔)*$`)
	helpUseRe = mustCompile(`^(?:这个|那个|你|您|机器人|助手|这个机器人|这个助手|这个东西|这东西|这玩意|这个系统|系统)*` +
		`(?:该|要)?(?:咋个|咋|怎么|怎样|如何|啷个)(?:个)?(?:用|使用|操作|弄|问|玩)(?:这个|你|机器人|东西|这个东西|这个机器人|系统|这个系统)*` +
		`(?:嘛|哦|噻|撒|哈|啦|喃|嘞|喔)*$`)
	helpNamed = mustCompile(`你|您|机器人|助手|东西|玩意|系统|功能|用处|本事|干|做|帮`)
)

func helpAsked(b string) bool {
	if helpUseRe.MatchString(b) {
		return true
	}
	return helpAskRe.MatchString(b) && helpNamed.MatchString(b)
}

var moreWords = map[string]bool{
	"更多": true, "下一页": true, "继续": true, "more": true, "还有吗": true, "还有": true, "后面": true, "下页": true,
	"再看看": true, "n": true, "下一批": true, "翻页": true, "后面的": true, "接着": true, "再来": true, "继续看": true,
	"看更多": true, "查看更多": true, "更多案件": true, "下一頁": true, "还有呢": true, "再多点": true, "剩下的": true,
}

// ackWords are acknowledgements: a message of them alone, or one that
// starts with one and asks nothing (收到，准时参加), is thanked briefly.
var ackWords = []string{
	"好的谢谢", "谢谢提醒", "谢谢你", "谢谢您", "谢谢啦", "谢谢了", "谢谢", "多谢", "感谢", "辛苦了", "辛苦", "收到了", "收到",
	"知道了", "明白了", "明白", "了解了", "好嘞", "好滴", "好的", "好吧", "好", "没问题", "可以", "行的", "行", "okay",
	"ok", "thanks", "thx", "嗯嗯", "嗯", "谢",
}

// confirmWords apply a change someone reported from the field (staff
// only); see handlers, 改期消息.
var confirmWords = map[string]bool{
	"确认": true, "确认改期": true, "确认登记": true, "登记": true, "登记改期": true, "同意": true, "同意改期": true,
	"确认取消": true, "确认推迟": true, "登记一下": true, "确认无误": true,
}

// questionMarks tell a question from a statement after an
// acknowledgement (好的，那下周的呢 asks; 收到，准时参加 does not).
var questionMarks = []string{"吗", "呢", "?", "几", "什么", "啥", "哪", "谁", "多少", "怎么", "有没有", "是否", "么"}

// hearingWords make a question about hearings.
var hearingWords = []string{"开庭安排", "开庭时间", "开庭情况", "庭审安排", "开庭", "庭审", "出庭", "庭期", "排庭", "有没有庭", "有庭",
	"上庭", "听证", "审理安排", "开不开", "开没开", "要开吗", "开吗", "去法院", "上法院", "到法院", "去中院", "去高院", "没庭", "没有庭"}

// Aspect words: what a question asks about a case or a hearing. Longer
// phrases first; the order of the groups matters where they overlap.
var aspectWords = []struct {
	aspect Aspect
	words  []string
}{
	// Filing first: 立案日期 holds 日期 (When), 立案 (the Filed count).
	{Filing, []string{"立案时间是好久", "立案日期是好久", "立案时间是哪天", "立案日期是哪天", "立案时间是多少", "立案日期是多少", "什么时候立案的", "什么时候立的案", "什么时候立案", "啥时候立案的", "啥时候立的案", "啥时候立案", "哪天立的案", "哪天立案的",
		"哪天立案", "几号立的案", "几号立案的", "几号立案", "哪一天立案", "好久立的案", "好久立案", "何时立案", "立案日期", "立案时间", "立案是哪天",
		"立案是哪一天", "立案是什么时候", "立案是啥时候", "立案是几号", "立案是好久", "立案多久了", "立案那天", "受理日期", "受理时间"}},
	{Reminded, []string{"提醒发给", "提醒发了没有", "提醒发了没", "提醒发了吗", "提醒发出去了", "提醒发出了", "提醒发没发", "提醒收到了", "提醒收到没",
		"提醒收到", "收到提醒", "收到开庭提醒", "开庭提醒", "提醒到了", "通知到了", "通知到位", "提醒了没有", "提醒了没", "提醒了吗", "提醒过",
		"发提醒", "发过提醒", "要不要通知", "需不需要通知", "需要通知", "用不用通知", "要通知吗", "确认出庭了没有", "确认出庭了没", "确认出庭了吗", "确认出庭没", "点确认了", "点了确认", "提醒"}},
	{Appealed, []string{"上诉了没有", "上诉了没得", "上诉了没", "上诉了吗", "上诉了么", "上诉没有", "上诉没", "有没有上诉", "上没上诉", "是否上诉",
		"提起上诉了吗", "提起上诉没", "有没有提起上诉", "对方上诉了吗", "对方上诉没"}},
	{Lawyer, []string{"有没有请律师", "请没请律师", "请律师", "代理律师", "律师", "代理人"}},
	{Bring, []string{"要带什么材料", "带什么材料", "需要带什么", "要带什么", "带什么", "要带", "需要带", "准备什么材料",
		"需要准备什么", "准备什么", "需要准备", "什么材料", "要注意什么", "注意什么", "注意事项", "出庭须知", "有什么要求"}},
	{Head, []string{"负责人都到了吗", "负责人都到了没", "负责人到了吗", "负责人到了没", "负责人都到庭了吗", "到庭了吗", "到场了吗", "出庭情况", "出庭负责人是谁", "出庭负责人", "出庭领导", "出庭人", "负责人出庭了没有", "负责人出庭了吗", "负责人出庭了没",
		"负责人都是谁", "负责人是谁", "负责人都定了吗", "负责人都确认了吗", "还没确认", "没确认", "未确认", "都到位了没", "到位了没", "到位没", "到位了吗",
		"都到齐了吗", "到齐了没", "到齐了吗", "到齐没", "确认了没有", "确认了没", "确认了吗", "确认没有", "确认没", "确认了不", "确认好了吗", "谁去出庭", "谁来出庭", "谁出的庭", "谁出庭", "出庭的是谁",
		"去的是谁", "谁参加", "哪个领导", "哪位领导", "谁去", "谁出",
		// who a defendant sends (镇政府那边派哪个, 镇上派的谁, 镇政府的人谁来)
		"派的哪个", "派的哪位", "派哪个", "派哪位", "派的谁", "派了谁", "派谁", "派什么人", "派啥人", "谁来",
		// whether the head named went (吴局到庭没, 我当时是没去吧, 何县长要去吧)
		"出庭了没有", "出庭了没", "出庭没", "出庭了吗", "到庭没有", "到庭没", "到了没有", "到了没", "去了没有", "去了没", "去没去",
		"没去吧", "去了吧", "去了吗", "要去吧", "要去吗", "去不去", "要不要去", "负责人"}},
	{Handler, []string{"承办人是谁", "是谁承办", "谁承办", "谁经办", "经办人", "谁在办", "承办人", "承办"}},
	{Reason, []string{"败诉原因", "为什么败诉", "为啥败诉", "为什么输", "怎么输的", "怎么被撤了", "怎么被撤", "被撤的原因",
		"为什么被撤销", "纠错原因", "什么原因", "为什么", "为啥", "怎么这么低", "怎么这么高", "原因"}},
	{Outcome, []string{"宣判了没有", "宣判了没", "宣判没有", "宣判没得", "宣判没", "宣判了吗", "宣判了么", "判下来没有", "判下来了没",
		"判下来没", "判下来了吗", "判下来了么", "撤了没有", "撤了没", "撤诉没有", "撤诉没", "办结了没", "办结没有", "办结没", "办结了吗", "裁了没有",
		"裁了没", "裁定了没", "裁定了吗", "结案没有", "判了么", "判了没得", "结了么", "结案了么", "结了没得", "什么时候判决", "什么时候宣判", "什么时候判", "啥时候判", "何时判决", "多久能判", "多久判", "执行了没", "执行了吗",
		"裁定执行了吗", "判决书出来", "判决书下来", "判决出来", "判决下来", "结果出来", "出结果了没", "出结果", "出判决", "下判决", "判决书", "判决了没有", "判决了没", "判决没", "判了没有", "判了没", "判了吗", "判没判", "判决了吗", "宣判了吗", "出结果了吗", "怎么判的", "判的什么",
		"判的啥", "最后咋判的", "最后怎么判的", "咋判的", "咋个判的", "判成啥样", "判了啥", "判了什么", "怎么结的", "结案了吗", "结案了没", "结案没", "结了没有", "结了没", "结了吗", "撤诉了吗", "撤诉了没", "撤了吗",
		"败诉了吗", "胜诉了吗", "输了吗", "赢了吗", "什么结果", "结案方式", "结果"}},
	{Held, []string{"开完没有", "开完没得", "开完没", "开始了没有", "开始了没", "开始了吗", "开了没得", "开庭没得", "开庭了没有", "开庭了没", "开庭了吗", "开过庭了吗", "开过庭了没", "开过庭没", "开过庭", "开完了吗", "开完了没",
		"开完庭", "庭开了吗", "开了吗", "开了没", "什么时候开的庭", "什么时候开的", "开完了", "开的庭"}},
	{Stage, []string{"到哪一步了", "到哪步了", "到哪儿了", "到哪了", "到什么阶段", "到什么程度", "什么阶段", "进展", "进度", "什么情况", "怎么样了",
		"咋样了", "怎样了", "搞哪样了", "搞哪样", "搞得怎么样", "搞得咋样", "弄得怎么样", "弄得咋样", "咋回事", "怎么回事", "状态", "办到哪",
		"走到哪", "还在打吗", "打得怎么样"}},
	{When, []string{"什么时候开庭", "什么时候开", "什么时候", "啥时候", "几点开庭", "几点开", "几点", "几号", "哪天", "哪一天",
		"何时", "时间", "日期", "有没有改期", "改期了没", "改期了吗"}},
	{Court, []string{"哪个法院", "哪家法院", "什么法院", "法院是"}},
	{Where, []string{"第几法庭", "几号法庭", "哪个法庭开", "几楼", "在哪个法庭", "哪个法庭", "在哪开庭", "在哪里开", "在哪开", "在哪儿", "在哪里", "在哪", "哪个庭", "地点",
		"地址", "哪个地方", "哪里开"}},
	// Defendant first: 被申请人是谁 holds 申请人是谁, 申请执行人 is the agency.
	{Defendant, []string{"申请执行人是谁", "申请执行人是哪个", "申请执行的是谁", "申请执行人", "被申请人是什么单位", "被申请人", "被告都是谁", "被告都有谁", "被告都有哪些", "被告是哪些", "两个被告", "几个被告", "被告有几个", "被告有哪些", "另一个被告", "其他被告", "被告是谁", "被申请人是谁", "被申请人是哪个", "被申请人呢", "被告是哪个", "被告叫啥", "被告呢"}},
	{Plaintiff, []string{"被执行人是谁", "被执行人是哪个", "被执行人是哪家", "被执行人", "原告是谁", "原告都是谁", "原告都有谁", "原告有几个", "原告几个", "几个原告", "原告有哪些", "原告是哪些", "原告是哪个", "申请人是谁", "申请人有几个", "申请人几个", "谁告的", "谁起诉的", "原告是", "原告叫什么名字", "原告叫什么", "原告叫啥名字", "原告叫啥", "原告叫", "原告呢",
		"申请人叫什么", "申请人叫啥", "申请人呢", "申请人叫啥名字", "对方叫什么名字", "对方叫什么", "对方叫啥", "对方是谁", "对方是哪个", "对方是哪家", "对方当事人是谁", "对方呢"}},
	{Number, []string{"案号咋个写", "案号咋写", "案号怎么写", "案号是多少", "案号多少", "案号是啥", "案号是什么", "完整案号", "案号全称",
		"全称案号", "全部案号", "按号是多少", "按号多少", "案号发我", "案号给我", "什么案号", "啥案号"}},
	{Advice, []string{"内容是啥子", "内容是啥", "内容是什么", "内容呢", "什么内容", "啥内容", "写的啥", "写的什么", "说的啥", "说的什么", "写了啥", "写了什么"}},
	{Cause, []string{"案由", "什么案子", "因为什么"}},
}

// metricWords name what a count counts. Aspect phrases (结了没) are read
// before these, so what is left of 结 here is the count.
var metricWords = []struct {
	metric Metric
	words  []string
}{
	{Lost, []string{"败诉案件", "败诉案例", "败诉", "败了", "输了", "输掉", "输官司", "输了官司", "输的官司", "打输"}},
	{Corrected, []string{"被纠错", "纠错案件", "纠错"}},
	{Open, []string{"未结案件", "未结案", "未办结", "没结案", "没结的", "没结", "未结", "在办案件", "在办", "正在忙", "在忙", "忙着", "忙的", "在跟的", "在跟", "正在审理", "审理中", "在审",
		"没打完", "还在打", "没判完", "没判的", "还没判", "没有判", "未判", "待判", "没结束", "没出结果", "还没结果"}},
	{Closed, []string{"已结案件", "结案案件", "已结案", "结案", "审结", "办结", "已结", "结了"}},
	{Filed, []string{"新收案件", "新增案件", "立案案件", "新收", "收案", "立案", "立了", "受理", "新案件", "新案", "被告了", "被诉", "被起诉", "新增"}},
}

// repeatWords ask for repeat losses (再次败诉); repeatQualifiers restate
// the rule (同一单位, 同样案由, 一年内) and are filler once one is read.
var repeatWords = []string{"再次败诉", "重复败诉", "屡次败诉", "多次败诉", "二次败诉", "两次败诉", "连续败诉", "接连败诉", "又败诉了",
	"又败诉", "又败了", "又输了", "又输掉", "又输", "重复输", "输了又输", "反复败诉", "再败诉", "再次输", "屡败", "再次被纠错", "又被纠错", "又被撤销",
	// habitual and serial: 连着输同类案子, 老是败诉的单位, 输了两次的
	"连着输", "接连输", "连续输", "连输", "老是败诉", "老是输", "总是败诉", "总是输", "经常败诉", "经常输", "屡屡败诉", "屡次输",
	"反复输", "一再败诉", "输了两次", "输过两次", "输了好几次", "输了几次", "败诉了两次", "两次都输", "接二连三"}
var repeatQualifiers = []string{"同一个局", "同一局", "同一个部门", "同一部门", "哪个局", "哪些局", "哪家局", "同一个单位", "同一家单位", "同一单位", "同个单位", "同一个案由", "同样的案由", "同样案由", "同一案由", "同类的案子",
	"同类案件", "同类案子", "同类型", "同类", "一年之内", "一年内", "一年以内", "的单位", "单位"}

// outcomeWords filter a count by 结案方式; a case matches when its 结案方式
// contains the stem (撤销 takes 判决撤销, 判决部分撤销 and 复议的 撤销).
var outcomeWords = []struct{ word, stem string }{
	{"判决撤销", "判决撤销"}, {"被撤销", "撤销"}, {"撤销", "撤销"}, {"确认违法", "确认违法"}, {"确认无效", "确认无效"},
	{"驳回诉讼请求", "驳回诉讼请求"}, {"驳回起诉", "驳回起诉"}, {"驳回复议申请", "驳回复议申请"}, {"驳回", "驳回"},
	{"准许撤诉", "撤诉"}, {"撤诉", "撤诉"}, {"维持", "维持"}, {"调解", "调解"}, {"履行法定职责", "履行法定职责"},
	{"责令履行", "责令履行"}, {"变更", "变更"}, {"终止", "终止"}, {"准予执行", "准予执行"},
}

// reasonWords filter lost cases by their 败诉原因.
var reasonWords = []string{"程序违法", "事实不清", "证据不足", "适用法律错误", "超越职权", "滥用职权", "明显不当", "超期", "逾期",
	"未听取", "未告知", "未催告", "不作为"}

// rateWords name the rates of the bulletin.
var rateWords = []struct {
	rate  Rate
	words []string
}{
	{JudgedLossRate, []string{"判决口径败诉率", "判决败诉率", "判决口径"}},
	{LossRate, []string{"败诉率", "胜诉率", "控制线", "败诉的比例", "败诉比例"}},
	{AppearanceRate, []string{"负责人出庭应诉率", "负责人出庭率", "出庭应诉率", "出庭率", "出庭的比例", "出庭比例"}},
	{CorrectionRate, []string{"复议纠错率", "被纠错率", "纠错率", "复议维持率", "维持率", "纠错的比例", "纠错比例"}},
	// 调解撤诉的比例, 撤诉比例: a rate said as a proportion
	{WithdrawalRate, []string{"调解撤诉率", "调撤率", "撤诉率", "调解撤诉的比例", "调解撤诉比例", "调撤的比例", "调撤比例", "撤诉的比例", "撤诉比例"}},
}

var rankWords = []struct {
	rank  Rank
	words []string
}{
	{RankUnder, []string{"没达标", "未达标", "不达标", "没有达标", "没达到100", "未达到100", "没有达到100", "没到100", "不到100", "低于100", "不足100",
		"不到百分百", "没到百分百", "没达到百分百", "没到百分之百", "不到百分之百", "没有到百分之百", "低于百分之百", "未达到百分之百", "不满百分之百",
		"没有全部出庭", "没全部出庭", "不是全部出庭", "超没超控制线", "超过控制线", "超控制线", "超标"}},
	{RankBottom, []string{"最少", "最低", "倒数", "最差"}},
	{RankTop, []string{"排名第一", "排第一", "第一名", "排第几", "排在第几", "第几名", "排名", "排行", "最多", "最高", "最严重", "靠前", "排位"}},
}

// caseKindWords and stageWords filter by the kind of case and its stage.
var caseKindWords = []struct {
	word string
	kind string
}{
	{"行政复议", "行政复议"}, {"复议", "行政复议"}, {"非诉执行", "非诉执行审查"}, {"非诉", "非诉执行审查"},
	{"行政诉讼", "行政诉讼"}, {"诉讼案件", "行政诉讼"}, {"行审", "非诉执行审查"},
}

var stageWords = []struct{ word, stage string }{
	{"一审", "一审"}, {"二审", "二审"}, {"上诉", "二审"}, {"申请再审", "再审"}, {"再审", "再审"},
}

// causeWords filter by 案由: a case matches when its 案由 contains the stem.
var causeWords = []struct{ word, stem string }{
	{"工伤认定", "工伤"}, {"工伤", "工伤"}, {"行政征收", "征收"}, {"征收", "征收"}, {"拆迁", "征收"}, {"征地", "征收"},
	{"政府信息公开", "信息公开"}, {"信息公开", "信息公开"}, {"治安管理处罚", "治安"}, {"治安处罚", "治安"}, {"治安", "治安"},
	{"道路交通", "交通"}, {"交通管理", "交通"}, {"行政处罚", "处罚"}, {"罚款", "处罚"}, {"处罚", "处罚"},
	{"行政许可", "许可"}, {"许可", "许可"}, {"行政强制", "强制"}, {"强制", "强制"}, {"强拆", "强制"}, {"行政登记", "登记"},
	{"行政协议", "协议"}, {"行政赔偿", "赔偿"}, {"登记的", "登记"},
}

// Mine words: the asker's own agency, and the asker themself.
var mineAgencyWords = []string{"我们单位", "咱们单位", "我所在单位", "我们局", "咱们局", "咱局", "我们县政府", "我们政府", "我们的",
	"我们", "咱们", "我局", "本局", "我单位", "本单位", "我方", "局里", "单位里", "我们这"}

// bulletinWords name the monthly bulletin.
var bulletinWords = []string{"败诉通报", "月度通报", "通报", "月报"}

// explainWords ask for a 以案说法 write-up.
var explainWords = []string{"以案说法", "以案释法", "典型案例", "普法文章", "普法素材"}

// writeWords, with 案例 or 典型, make an explain request.
var writeWords = []string{"写一篇", "写个", "写篇", "写一个", "撰写", "生成一篇", "生成", "写"}

// loneWriteRe asks for a write-up without naming it: 写一篇, 写写那个…,
// 挑一个写, …那个写个. A bare 写 (台账上写的, 备注写了什么) is not one.
var loneWriteRe = mustCompile(`写一篇|写篇|写写|写一写|(?:挑|选|找)一?(?:个|件|篇)(?:来|出来)?写|写个(?:稿子|稿|草稿|材料)?$|写一下(?:吧)?$|写个吧$`)

// pickWriteRe is 挑一个…写 around a description (挑一个最近败诉的写): the
// two ends ask for a write-up, the middle is read as usual.
var pickWriteRe = mustCompile(`^((?:挑|选|找)一?(?:个|件|篇)).{1,24}?(写(?:一下|一篇|吧)?)$`)

// changesWords ask for the hearings recently moved or cancelled.
var changesWords = []string{"改期记录", "改期情况", "最近改期", "最近有改期", "近期改期", "哪些改期", "有哪些改期", "改过期",
	"最近取消", "最近变更", "改期的"}

// legalWords mark a legal question (我被罚款了怎么办): the bot points the
// asker to 12348 and the 公共法律服务 platform.
var legalWords = []string{"怎么办", "怎么维权", "如何维权", "维权", "怎么起诉", "如何起诉", "去哪里告", "去哪告", "告哪里",
	"可以起诉吗", "能起诉吗", "能不能告", "可以告吗", "怎么告", "怎么申请行政复议", "如何申请行政复议", "怎么申请复议",
	"如何申请复议", "怎么申诉", "不服", "被罚款", "被拘留", "被拆", "赔偿标准", "找律师", "法律援助", "法律咨询", "咨询律师",
	"能告他", "能告吗", "告他们", "告他", "能不能起诉", "可以告", "怎么分", "离婚", "欠薪", "拖欠工资", "讨薪", "被扣", "被没收",
	"被收了", "被打", "被骗", "犯法吗", "要坐牢", "判几年", "想咨询"}

// scopeWords are things the bot does not do; a message asking them gets
// the one-line statement of what it does.
var scopeWords = []string{"会议室", "订一下", "订个", "预订", "预定", "发给", "转发", "转给", "打印", "天气", "吃什么", "食堂",
	"报销", "请假", "加班", "年终总结", "总结", "翻译", "写个报告", "写报告", "写一份", "写份", "起草", "代写", "草拟", "电话", "手机号", "联系方式", "微信号"}

// scopeActs are the scope words that act on what the bot finds (把明天的庭
// 发给孙强): out of scope even in a question about hearings, unlike a topic
// (没有的话我就请假了).
var scopeActs = []string{"订一下", "订个", "预订", "预定", "发给", "转发", "转给", "打印"}

// dirWords ask about someone in the directory, longest first.
var dirWords = []string{"在不在人员名单里面", "在不在人员名单里", "在不在人员名单", "在人员名单里面", "在人员名单里", "在人员名单中", "在不在名单里面", "在不在名单里", "在不在名单上", "在不在名单", "在名单里面", "在名单里", "在名单上", "在名单中",
	"名单里面有", "名单里有", "名单上有", "是什么职务", "什么职务", "啥子职务", "啥职务", "什么职位", "职务是", "企业微信账号", "企业微信号", "企业微信", "企微号", "企微", "账号", "userid",
	"人员名单", "花名册", "名单"}

// contactWords ask for someone's phone: pointed to the address book.
var contactWords = []string{"电话", "手机号", "联系方式", "微信号"}

// titles follow a surname in how people name a head (孙局, 何县长).
var titles = []string{"副局长", "局长", "副县长", "县长", "副镇长", "镇长", "副主任", "主任", "科长", "股长", "所长", "队长",
	"书记", "部长", "处长", "局"}

// partyMarkers precede a plaintiff's or applicant's name.
var partyMarkers = []string{"原告", "申请人", "第三人", "当事人", "起诉人", "上诉人", "相对人", "被执行人"}

// townWords speak of a town's or township's government without naming it
// (镇里的案子); the lexicon resolves them when the ledger has one.
var townWords = []string{"镇里", "镇上", "乡里", "乡上", "乡镇"}

// agencySuffixes end the names of agencies (as opposed to plaintiffs).
var agencySuffixes = []string{"管委会", "委员会", "办事处", "人民政府", "政府", "派出所", "司法所", "执法队", "大队", "支队", "中队",
	"分局", "局", "委", "街道", "镇", "乡"}

// AsksDirectory reports whether text asks for something the directory holds
// (企业微信, 账号, 职务) or the phone it does not (电话, 手机号): with no one
// named, it is asked of the person in focus (周洁 → 他企业微信是多少).
func AsksDirectory(text string) bool {
	t := Normalize(text)
	for _, ws := range [][]string{dirWords, contactWords, {"手机", "号码"}} {
		for _, w := range ws {
			if strings.Contains(t, w) && !strings.Contains(t, "名单") {
				return true
			}
		}
	}
	return false
}
