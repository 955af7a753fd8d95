package privacy

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// The words below are the evidence the name detector weighs. They are
// grouped by what they say about the span next to them, and every group is
// a kind of Chinese legal writing (party headers, role words, kinship,
// officials' titles, honorifics), never a list of examples.

// markerKind says who a role word introduces.
type markerKind uint8

const (
	markParty    markerKind = iota + 1 // a party or another private person: 原告, 证人, 驾驶员
	markAgent                          // a representative: 委托诉讼代理人, 法定代理人
	markKin                            // a relative: 其妻, 之子, 女儿
	markLabel                          // a form label whose value is a name: 姓名, 户名
	markOfficial                       // a judge, clerk or agency official: 审判长, 工作人员, 副区长
	markBoundary                       // a land boundary: 东至, 西邻; a name only before 承包地, 家…
)

// roleWords introduce a person written right after them (原告张三, 其妻李四,
// 工作人员王五、赵六). Longer words are matched first.
var roleWords = map[markerKind][]string{
	markParty: {
		"再审申请人", "被再审申请人", "复议申请人", "申请执行人", "被申请执行人", "被执行人", "被申请人", "申请人",
		"被上诉人", "上诉人", "被申诉人", "申诉人", "原审原告", "原审被告", "原审第三人", "一审原告", "一审被告",
		"一审第三人", "第三人", "原告", "被告人", "被告", "当事人", "被处罚人", "违法行为人", "违法嫌疑人",
		"犯罪嫌疑人", "嫌疑人", "行为人", "受害人", "被害人", "举报人", "投诉人", "报案人", "报警人", "控告人",
		"信访人", "申报人", "被征收人", "被拆迁人", "被安置人", "权利人", "使用权人", "所有权人", "产权人",
		"房屋所有人", "所有人", "承包人", "承包户", "承包方", "户主", "村民", "居民", "业主", "房主", "车主",
		"店主", "经营者", "经营户", "个体户", "法定代表人", "主要负责人", "实际控制人", "投资人", "代表人",
		"诉讼代表人", "村民代表", "群众代表", "户代表", "联系人", "收件人", "签收人", "代收人", "受送达人", "见证人", "在场人", "证人", "鉴定人",
		"勘验人", "翻译人员", "询问人", "被询问人", "调查人", "被调查人", "被检查人", "驾驶员", "驾驶人",
		"司机", "乘车人", "乘客", "死者", "伤者", "患者", "员工", "职工", "工人", "雇员", "股东", "监护人",
		"被监护人", "继承人", "被继承人", "受托人", "委托人", "出租人", "承租人", "出卖人", "买受人", "转让人",
		"受让人", "借款人", "出借人", "担保人", "保证人", "抵押人", "债权人", "债务人", "收款人", "付款人",
		"汇款人", "开户人", "持卡人", "持有人", "登记人", "缴款人", "纳税人", "申请者", "甲方", "乙方", "丙方",
		"建设人", "施工人", "实际施工人", "用工人", "工友", "邻居", "同事", "朋友", "同学", "老板", "负责人",
		"案外人", "在场人员", "现场人员", "相关人员", "当事人员", "租户", "住户", "农户", "房东", "雇主",
		"会计", "出纳", "经理", "总经理", "副总经理", "厂长", "董事长", "董事", "监事", "店长", "店员", "营业员",
		"收银员", "保安员", "保管员", "仓管员", "出纳员", "保安", "保洁员", "保姆", "厨师", "医生", "护士", "教师", "老师", "校长", "班主任", "记者",
		"技术员", "施工员", "安全员", "质检员", "测绘员", "评估师", "法律工作者", "村医", "业务员", "销售员",
		"起诉人", "送达人", "记录人", "利害关系人", "审核人", "复核人", "签发人", "批准人", "填表人", "证明人",
		"日本籍人士", "日本国籍", "日本籍", "日籍",
		// Public-security findings and traffic reports: 同案人闵某, 被侵害人阮某.
		"同案人", "同案违法人", "被侵害人", "侵害人", "加害人", "肇事人", "肇事者", "肇事司机", "目击者", "目击证人",
		// What a person is before the name: 中国公民杜某, 农民工蒲某, 包工头晏某.
		"公民", "中国公民", "外国公民", "群众", "农民工", "包工头", "班组长",
		// Parties of a marriage, valuers, list headings (strong.go).
		"男方", "女方", "估价师", "评估人员", "小组成员", "公示名单", "公示", "养殖户", "种植户",
		// Who wrote or signed for a party who could not: 代书人：某某.
		"代书人", "代写人", "代笔人", "代签人", "签名人",
		// Occupations written before a name as 村民 is: 牧民格日勒图, 渔民X.
		"牧民", "牧户", "渔民", "农民", "社员", "牧工",
		// Who interpreted or drove for the parties (priv26): 经翻译阿苏拉且
		// 用彝语宣读, 拖拉机手那仁陈述.
		"翻译", "拖拉机手", "挖机手", "铲车司机", "货车司机",
	},
	markAgent: {
		"共同委托诉讼代理人", "委托诉讼代理人", "共同委托代理人", "委托代理人", "诉讼代理人", "法定代理人",
		"指定代理人", "代理律师", "代理人", "辩护人", "律师",
		"甲方代表", "乙方代表", "承包方代表", "发包方代表", "出租方代表", "承租方代表", "转让方代表", "受让方代表",
	},
	markKin: {
		"其妻", "其夫", "其子", "其女", "其父", "其母", "其兄", "其弟", "其姐", "其妹", "之妻", "之夫", "之子",
		"之女", "之父", "之母", "之兄", "之弟", "之姐", "之妹", "之孙", "之叔", "之侄", "之婿", "之媳", "妻子", "丈夫", "儿子", "女儿", "父亲", "母亲", "哥哥", "弟弟", "姐姐", "妹妹",
		"爷爷", "奶奶", "外公", "外婆", "祖父", "祖母", "孙子", "孙女", "外孙", "侄子", "侄女", "外甥", "儿媳",
		"女婿", "岳父", "岳母", "公公", "婆婆", "长子", "次子", "三子", "长女", "次女", "三女", "养子", "养女",
		"继子", "继女", "配偶", "前妻", "前夫", "亡夫", "亡妻", "胞兄", "胞弟", "胞姐", "胞妹", "兄长", "堂兄",
		"堂弟", "表哥", "表弟", "表姐", "表妹", "叔叔", "伯父", "舅舅", "姑姑", "亲属", "近亲属", "家属",
		"未婚妻", "未婚夫", "丈母娘", "妻", "夫", "外孙女", "外孙子", "孙女婿", "曾孙", "重孙", "外甥女", "侄女婿",
		"侄孙", "儿媳妇", "媳妇", "大儿子", "二儿子", "三儿子", "小儿子", "大女儿", "二女儿", "三女儿", "小女儿",
		"幼子", "幼女", "继父", "继母", "养父", "养母", "爸爸", "妈妈", "大哥", "二哥", "三哥", "大姐", "二姐",
		"三姐", "嫂子", "弟媳", "姐夫", "妹夫", "叔父", "伯伯", "伯母", "婶婶", "舅妈", "姑父", "姨妈", "姨父",
		"外祖父", "外祖母", "姥姥", "姥爷", "老婆", "老公", "爱人", "男友", "女友", "男朋友", "女朋友", "亲戚",
		"家人", "其兄", "其姐", "其妻子", "其丈夫", "其儿子", "其女儿", "其父亲", "其母亲", "其配偶",
		"婚生子", "婚生女", "非婚生子", "非婚生女",
		// 其侄任小军, 其孙王浩: the 其 forms of the 之 relations above.
		"其侄", "其孙", "其叔", "其婿", "其媳", "其侄子", "其侄女", "其孙子", "其孙女", "其外甥", "其外孙", "其嫂", "其舅",
		// Uncles, aunts and cousins by their rank: 二叔, 大舅, 小姨, 堂哥.
		"大伯", "二伯", "三伯", "大叔", "二叔", "三叔", "四叔", "小叔", "幺叔", "大舅", "二舅", "三舅", "小舅",
		"大姑", "二姑", "三姑", "小姑", "大姨", "二姨", "三姨", "小姨", "姑妈", "舅父", "舅母", "叔公", "伯公",
		"堂哥", "堂姐", "堂妹", "表叔", "表舅", "表姑", "表姨", "表兄", "表姐夫", "连襟",
	},
	markLabel: {
		"姓名", "户名", "开户名", "账户名", "账户名称", "户主姓名", "名为", "实名为", "名叫", "化名", "署名",
		"签名", "签字人", "真实姓名", "曾用名", "别名", "全名", "本名", "原名", "又名", "乳名", "小名",
		// A foreigner's Chinese name after their own (priv26): OKAFOR
		// Chinedu Emmanuel（中文名“奥卡福”）.
		"中文名", "中文名字", "中文姓名", "汉名", "汉文名", "汉名叫", "中文名叫",
		// What a slip or a record shows someone signed (priv26): 收货人签字为热合曼.
		"签字为", "签名为", "签收人为", "署名为",
		// 我叫胡某, 他叫王某; “，叫祝某。” after a relative.
		"我叫", "他叫", "她叫", "你叫", "叫做", "叫作", "就叫", "，叫", ",叫",
	},
	markOfficial: {
		"审判长", "审判员", "代理审判员", "人民陪审员", "陪审员", "书记员", "法官助理", "法官", "执行员",
		"行政执法人员", "执法人员", "执法队员", "工作人员", "行政复议人员", "复议人员", "承办人员", "承办人",
		"经办人", "办案人员", "民警", "辅警", "交警", "警官", "协警", "城管队员", "网格员",
		// A team's member named in a list of its officers (中队长邢某、队员雷鸣; p32).
		"队员", "协管员", "联防队员", "调解员", "公证员",
		"村干部", "干部", "村支书", "支书", "村主任", "村长", "组长", "村民小组长",
		// A Miao or Dong village's elder (priv28).
		"寨老",
		// Local titles of Inner Mongolia: a 嘎查 is a village, a 苏木 a township.
		"嘎查长", "嘎查达", "苏木长", "苏木达",
		"副局长", "局长", "副县长", "县长", "副区长", "区长", "副市长", "市长", "副镇长", "镇长", "副乡长", "乡长",
		"党委书记", "副书记", "书记", "副主任", "主任", "副科长", "科长", "股长", "副所长", "所长", "站长",
		"副院长", "院长", "副庭长", "庭长", "厅长", "处长", "部长", "大队长", "中队长", "支队长", "队长",
		"主席", "副主席", "干事", "楼长", "栋长", "单元长",
	},
	markBoundary: {
		"东至", "西至", "南至", "北至", "东临", "西临", "南临", "北临", "东邻", "西邻", "南邻", "北邻", "东抵",
		"西抵", "南抵", "北抵", "东接", "西接", "南接", "北接", "东靠", "西靠", "南靠", "北靠", "上至", "下至",
		"左至", "右至", "东面", "西面", "南面", "北面", "东边", "西边", "南边", "北边",
		"东与", "西与", "南与", "北与", "东侧", "西侧", "南侧", "北侧",
		// 南边是X家的鱼塘: a party's own account of the boundary (priv28).
		"东边是", "西边是", "南边是", "北边是", "东面是", "西面是", "南面是", "北面是", "东侧是", "西侧是", "南侧是", "北侧是",
	},
}

// titlesAfter follow a name (王某副区长, 李某先生, 张某之妻) and make it one.
// Officials' titles mark the name as an official's.
var (
	honorifics = []string{
		"先生", "女士", "小姐", "老师", "师傅", "同志", "老人", "大爷", "大妈", "阿姨", "大姐", "大哥", "老板",
		"夫妇", "夫妻", "一家", "家属", "本人", "等人", "等二人", "等三人", "等四人", "等五人", "等六人",
		"之妻", "之夫", "之子", "之女", "之父", "之母", "之兄", "之弟", "的妻子", "的丈夫", "的儿子", "的女儿",
		"的父亲", "的母亲", "的委托代理人", "的代理人", "的法定代理人", "律师", "户",
	}
	officialTitlesAfter = []string{
		"审判长", "审判员", "书记员", "法官", "警官", "副局长", "局长", "副县长", "县长", "副区长", "区长",
		"副市长", "市长", "副镇长", "镇长", "副乡长", "乡长", "副书记", "书记", "副主任", "主任", "副科长",
		"科长", "股长", "副所长", "所长", "站长", "副院长", "院长", "庭长", "厅长", "处长", "部长", "大队长",
		"中队长", "支队长", "队长", "主席", "组长", "村长", "会计", "经理", "总经理", "董事长", "厂长",
	}
)

// roleInBrackets follow a name in brackets: 张三（原告）, 李四（系原告之妻）.
var roleInBrackets = []string{
	"原告", "被告", "申请人", "被申请人", "第三人", "上诉人", "被上诉人", "原审", "证人", "委托", "代理人",
	"系", "男", "女", "户主", "承包", "村民", "法定代表人", "负责人", "驾驶", "死者", "受害人", "举报人",
	"日本", "美国", "英国", "韩国", "德国", "法国", "加拿大", "澳大利亚", "国籍", "外籍", "香港", "澳门", "台湾",
}

// possessions follow a name after a land-boundary word: 东至张三承包地.
var possessions = []string{
	"承包地", "责任田", "责任地", "自留地", "自留山", "宅基地", "房屋", "住房", "住宅", "老宅", "新宅",
	"房", "屋", "家", "户", "田", "地", "土", "林", "山", "坟", "墙", "院", "界", "园", "塘", "菜地", "耕地",
	"林地", "山林", "果园", "鱼塘", "水田", "旱地", "荒地", "厂房", "门面", "围墙", "院墙", "猪圈", "牛圈",
	"圈", "坎", "埂", "田埂", "地界", "屋檐", "滴水",
	// A herder's (round 19: 东至那顺乌力吉草场).
	"草场", "草牧场", "草地", "牧场", "网围栏", "羊圈", "棚圈",
}

// personVerbs are what a sentence says a person does right after naming
// them: 张三称…, 李四于2019年…, 王五与赵六签订…. Only with other evidence
// (the start of a clause, a list) do they make a span a name.
var personVerbs = []string{
	"称", "说", "讲", "诉称", "辩称", "述称", "陈述", "供述", "证实", "证明", "作证", "证言", "表示", "认为",
	"主张", "承认", "确认", "否认", "介绍", "反映", "回忆", "提出", "提交", "提供", "出具", "签字", "签名",
	"捺印", "按印", "签订", "签署", "签收", "收到", "领取", "缴纳", "支付", "申请", "要求", "请求", "不服",
	"起诉", "上诉", "申诉", "诉", "报警", "投诉", "举报", "到庭", "出庭", "到场", "在场", "参加", "委托",
	"系", "是", "为", "于", "在", "向", "与", "和", "及", "等", "因", "对", "将", "把", "被", "已", "未",
	"曾", "也", "均", "并", "遂", "即", "又", "便", "就", "仍", "则", "的", "之", "所", "户", "家", "一家",
	"夫妇", "夫妻", "父子", "母子", "父女", "母女", "兄弟", "姐妹", "本人", "自己", "名下", "个人", "驾驶",
	"持有", "购买", "出售", "出租", "承租", "承包", "经营", "建设", "修建", "建房", "居住", "户籍", "出生",
	"死亡", "受伤", "入院", "住院", "拒绝", "同意", "知道", "发现", "看到", "听到", "告诉", "通知", "联系",
	"拨打", "前往", "来到", "离开", "返回", "回到", "进入", "占用", "擅自", "私自", "多次", "一直", "先后",
	"当即", "当场", "当庭", "随后", "事后", "作为", "担任", "任", "就职", "工作", "负责", "办理", "送达",
	"告知", "询问", "调查", "检查", "核实", "制作", "记录", "书写", "填写", "登记", "亲自", "本人", "独自",
	"共同", "分别", "一同", "一起", "两人", "二人", "三人", "等人", "家中", "处", "那里", "手中",
	// Where and when a person was: 吴某到信访局, 王某当时不在家, 李某生前.
	"到", "去", "不", "没有", "当时", "当日", "当天", "当晚", "次日", "此前", "此后", "生前", "去世",
	"病故", "早年", "正在", "一人", "务工", "上班", "打工", "种植", "耕种", "使用", "拒不", "再次",
	"共", "都", "先", "自",
	// What someone handles or looks after: 由闫某经手, 由其女儿照顾.
	"经手", "经办", "代签", "代收", "代领", "代写", "代笔", "保管", "看管", "照看", "照顾", "抚养", "赡养",
}

// titleNouns follow a name at the start of a document's title:
// 《李长江房屋征收补偿协议》, 《关于王某违法建设的处理决定》.
var titleNouns = []string{
	"房屋", "土地", "宅基地", "承包", "征收", "征地", "补偿", "拆迁", "安置", "违法", "违章", "建房", "用地",
	"信访", "工伤", "死亡", "交通", "处罚", "申请", "户", "家庭", "同志", "等", "与", "和", "诉", "一案",
	"案", "问题", "情况", "事故", "身份", "户籍", "婚姻", "财产", "继承", "遗嘱", "林权", "山林", "自建房",
	"房产", "住房", "农房", "危房", "养殖", "经营", "个体", "门面", "店铺", "车辆", "借款", "欠款", "赔偿",
	"低保", "救助", "医疗", "养老", "社保", "评估", "测绘", "调查", "询问", "笔录", "证明", "声明", "承诺",
	"申辩", "陈述", "检讨", "协议", "合同", "委托", "授权", "的",
}

// followers end a name that a role word introduced: what comes right after
// a name in a judgment. A name of three characters is preferred to one of
// two when the third is not itself one of these.
var followers = []string{
	"不服", "诉称", "辩称", "述称", "认为", "要求", "申请", "提起", "请求", "提出", "作为", "委托", "出生",
	"身份", "名下", "驾驶", "拨打", "电话", "手机", "联系", "居住", "户籍", "夫妇", "夫妻", "之妻", "之夫",
	"之子", "之女", "父亲", "母亲", "妻子", "丈夫", "儿子", "女儿", "先生", "女士", "同志", "律师", "一案",
	"等人", "签字", "签名", "签收", "到庭", "出庭", "陈述", "表示", "收到", "证实", "证明", "作证", "确认",
	"承认", "指出", "介绍", "反映", "报称", "持有", "签订", "购买", "承包", "修建", "申报", "办理", "缴纳",
	"领取", "主张", "提交", "补充", "上诉", "起诉", "答辩", "辩解", "报警", "投诉", "举报", "提供", "当庭",
	"当场", "当即", "多次", "一直", "先后", "共同", "分别", "本人", "系", "称", "说", "讲", "诉", "因", "与",
	"于", "向", "对", "在", "的", "等", "及", "和", "是", "已", "未", "就", "被", "将", "也", "均", "并",
	"遂", "但", "仍", "曾", "又", "即", "便", "则", "男", "女", "住", "之", "户", "家", "为", "把", "同",
	"跟", "或", "所", "自", "从", "至", "到", "经", "由", "以", "去", "来", "请", "让", "给", "替", "帮",
	"作", "做", "拒", "签", "领", "交", "缴", "持", "购", "卖", "租", "建", "占", "拆", "毁", "打", "骂",
	"伤", "死", "亡", "病", "住", "任", "现", "年", "等", "随", "陪", "带", "携", "凭", "按", "依", "找", "叫",
	"要", "想", "能", "会", "可", "应", "须", "需", "敢", "亦", "还", "再", "才", "刚", "正", "一直", "随后",
	"当时", "当日", "当天", "当晚", "次日", "此前", "此后", "生前", "早年", "正在", "一人", "去世", "病故",
}

// neverGiven are characters no given name uses in practice: particles,
// pronouns, prepositions and the suffixes of organisations and places. A
// candidate holding one is a phrase, not a name.
const neverGiven = "某的了们着过吗呢吧啊该此这那或且被把诉称局院府委会所厂司部厅处科办室市县区省镇乡村街路号店等及说是从以因而也都就还将已未不没无非各每些另本个其与对在于认及即系并但却所之者每第该您你我他她它们哪谁啥怎么么"

// commonGiven are characters common in Chinese given names. A span with
// no other evidence is only read as a name when its given name is made
// of these.
const commonGiven = "一二三四五六七八九十美凤贵富兴旺伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂兰玉萍红华建国文辉鹏飞斌宇浩凯健俊帆帅旭宁龙林峰海波鑫亮成东志新云春梅琴燕荣莉琳婷雪慧颖佳欣怡雅倩晶洁璐薇蕾瑶悦彤萱涵晨宏伦昊睿博哲杨翔航轩泽瑞嘉子梓宸晓小大德福贵财发祥喜寿康安乐顺利全正清永长生金银宝山石水田秋冬夏光亚中兴友庆民立力学义仁礼智信忠孝廉耀武良才彬豪振世家昌盛进达胜恒泰和合丰富兵卫凤菊莲香翠珍珠琼芬芝淑惠贤娥妹花叶青绿紫彩虹霖雨露冰霜月星辰阳晴晖炜烨煜灿焱森松柏杉桐楠枫柳竹梁栋材树根苗禾丹彦艺馨婧媛嫣妍婉娇妮娅姗婕琪琦瑾瑜璇瑛珊玲珂琛璟锋铭钧锐钢铁键坤培城垚增壮士天太奇威宗定实宪宾寒尧尚峻崇川州巍常广廷弘彪征思恩扬承捷敬方旺昆晋景曦朋朝柱标桥楚毅江河治泉洪润涌淼渊湘源溪滨潮澄灵炎熙爱玮珏琨璋申男登益真知硕祺禄科程稳章童端笑策筠纯维绮绪继群羽翰聪舒芸苏若茂茜莎莹菲萌蓉蔚虎诚谦贞赛越跃运连逸道遥邦郎钦铎锦闯阔隆雄雁雯霆震韬韵颜风驰骏高鸣鸿鹤麒黎冉凡凌勤卓南厚启君吉同名向含周品唯善喆园圣坚堂墨夫奎如妙姿娴婵孟季守宜宣容宽寅少尔巧希庭延微忆念怀恬悠意慈懿拓昂昕昱晗晟曼朗杭柯栩梦楷欢歌毓汉汐沁沐沛沫泓泳津浦淳深渝滔漪澜灏炳烁然煊照熠牧玄玥珑琰瑗璞甜畅皓盈眉瞳砚祯禹穗竣笛筱粲素絮绵缘罡翊耘胤舜艾芊芮芷苒茗荷莺菁萧蓓蕊蕴衡裕语谨贝贺赢赫轶迪迎遵郁钰铮锡闻陶雷霏音颂馥骁魁鲲鸥麟黛鼎齐沅鹭兆先克党关典冠凝则创初剑劲勋励千升卿双叙吟呈咏圆基堃境壬夕奉娣孜宛宥尊屹岚岩岭岳峥嵘帝席年幸庚弟彧律徽恺悟惟愉慕斯旦晏暖曙曜有朴杏枝柔格梧棠榕樱次汀汝池沂沙洲浙淮添渡湖溢滢潇潭澈瀚灿炫焕煦爽献玫珺琬瑄璧甫白百皎盼秉稼穆笙纪纲缨翎耕能臣致舟芙茵荟菡葆蒙蓬蔓蜜衍誉谊豫贻赞迈闵雍勇卉岑昶晔湛琮瑭璨钊铖锴镇霄骞鹃鹄鹰黔远万元保传书修仲亭诗昭靖斐侠碧儒乃亦"

var (
	neverGivenSet  = newRuneSet(neverGiven)
	commonGivenSet = newRuneSet(commonGiven)
)

// runeSet is a set of runes of the Basic Multilingual Plane, as bits: the
// detector asks it for nearly every character of a text.
type runeSet []uint64

func newRuneSet(s string) runeSet {
	b := make(runeSet, 0x10000/64)
	for _, r := range s {
		if r < 0x10000 {
			b[r/64] |= 1 << (r % 64)
		}
	}
	return b
}

// has reports whether r is in the set.
func (b runeSet) has(r rune) bool {
	return r >= 0 && r < 0x10000 && b[r/64]&(1<<(r%64)) != 0
}

// functionPOS are jieba's parts of speech that a given name never is:
// numerals, measure words, adverbs, prepositions, conjunctions, particles,
// pronouns, directions and times (多次, 曾经, 以上, 其中, 之后).
var functionPOS = map[string]bool{
	"m": true, "mq": true, "q": true, "d": true, "p": true, "c": true, "u": true, "uj": true, "ul": true,
	"uz": true, "ug": true, "ud": true, "uv": true, "r": true, "rr": true, "rz": true,
	"y": true, "e": true, "o": true,
}

// findingVerbs are what a party, an agency or a court found or held,
// written right after its role word (被告查明, 本院查实); jieba tags some
// of them as names.
var findingVerbs = map[string]bool{"查明": true, "查实": true, "查处": true, "查获": true, "查证": true, "查清": true, "认定": true, "认为": true,
	// What a party says, which jieba tags as names too: 原告陈述称.
	"陈述": true, "申辩": true, "辩称": true, "供述": true, "自述": true, "口述": true, "陈诉": true}

// timePOS are jieba's parts of speech of times and places (白天, 凌晨,
// 当地, 东面).
var timePOS = map[string]bool{"t": true, "tg": true, "f": true, "s": true}

// nounPOS are the parts of speech of words that may also be a person's
// name after a role word (原告高峰, 原告江山); a verb or an adverb there is
// what the party did (第三人修建, 原告曾经).
var nounPOS = map[string]bool{"n": true, "nr": true, "nrt": true, "nrfg": true, "ns": true, "nz": true, "ng": true, "nt": true, "j": true}

// orgSuffixes end the names of organisations and places; a span followed
// by one is part of that name (金华镇, 王家坝, 张三丰律师事务所), not a person.
var orgSuffixes = []string{
	"公司", "集团", "合作社", "事务所", "律师事务所", "中心", "委员会", "村委会", "居委会", "办事处", "人民政府",
	"政府", "大队", "中队", "支队", "总队", "派出所", "司法所", "法院", "法庭", "检察院", "医院", "学校",
	"小学", "中学", "大学", "银行", "支行", "分行", "信用社", "农场", "林场", "协会", "村民小组", "村民委员会",
	"村", "社区", "小区", "镇", "乡", "县", "市", "区", "省", "州", "旗", "盟", "街道", "大道", "大街", "路口",
	"桥", "坝", "沟", "湾", "河", "湖", "塘", "坪", "坡", "岗", "岭", "山庄", "寨", "屯", "庄", "铺", "堡",
	"垭", "洼", "滩", "港", "大厦", "广场", "花园", "苑", "园区", "物流园", "产业园", "工业园", "科技园", "商贸城", "批发市场", "商行", "超市", "酒店", "宾馆", "饭店",
	"门市", "工作室", "养殖场", "加工厂", "诊所", "药店", "网吧", "车行", "驾校", "幼儿园", "水库", "电站",
	"煤矿", "石场", "砂场", "专卖店", "经销部", "经营部", "门市部", "商店", "作坊", "商贸", "速运", "快递",
	"景区", "风景区", "保护区", "开发区", "工业园", "管理处", "管理站", "管理所",
}

// minorityParts are the parts of Tibetan, Mongolian, Uyghur and other
// names that are written without a dot (扎西多吉, 斯琴高娃, 巴特尔). Two of
// them in a row, or one after a role word, make a name.
var minorityParts = []string{
	// Tibetan
	"扎西", "多吉", "次仁", "卓玛", "格桑", "达瓦", "旺堆", "拉姆", "央金", "德吉", "尼玛", "顿珠", "平措",
	"洛桑", "丹增", "索朗", "边巴", "普布", "巴桑", "阿旺", "才让", "南加", "桑吉", "措姆", "白玛", "次旦",
	"多布杰", "贡布", "强巴", "罗布", "米玛", "拉巴", "益西", "德庆", "曲珍", "卓嘎", "仁增", "旦增", "群培",
	"加措", "嘉措", "朗杰", "贡嘎", "吉美", "央宗", "玉珍", "普琼", "次珍", "欧珠", "桑珠", "土登", "达娃",
	"晋美", "多杰", "才旦", "仁青", "更登", "完玛", "索南", "尕藏", "才仁", "扎巴", "拉毛", "卓尕", "措毛",
	"吉毛", "娘吉", "东珠", "旦正", "拉措", "斗拉", "琼达", "巴珠", "次仁卓玛", "曲吉", "尼珍", "旺姆",
	// Mongolian
	"巴特尔", "巴图", "苏和", "朝鲁", "宝音", "额尔敦", "其木格", "其其格", "娜仁", "图雅", "乌兰", "敖其尔",
	"那顺", "孟和", "哈斯", "阿拉坦", "斯琴", "布和", "特木尔", "铁木尔", "巴雅尔", "格日勒", "满都拉",
	"阿古拉", "乌力吉", "宝力道", "朝格图", "额尔德尼", "毕力格", "吉日嘎拉", "萨仁", "高娃", "其达拉图",
	"巴音", "德力格尔", "呼和", "吉雅", "那木吉拉", "乌云", "塔娜", "托娅", "苏布道", "敖登", "乌日娜",
	"图门", "白音", "道尔吉", "哈达", "浩斯", "巴雅", "阿斯根", "朝克图", "额日敦", "格根", "其日麦",
	"达来", "达赖", "毕力格图", "巴根", "那仁", "花拉", "格日乐", "图布信", "胡日查", "乌日根",
	// Uyghur, Kazakh and other Turkic names
	"买买提", "麦麦提", "艾力", "阿不都", "阿布都", "热合曼", "吐尔逊", "阿依古丽", "古丽", "努尔", "艾合买提",
	"热依拉", "帕提古丽", "迪丽热巴", "古丽娜尔", "阿迪力", "艾克拜尔", "玉素甫", "吾斯曼", "肉孜", "依明",
	"卡德尔", "库尔班", "买合木提", "阿卜杜拉", "艾山", "伊力哈木", "艾尼瓦尔", "努尔兰", "加娜尔", "叶尔兰",
	"哈力木拉提", "吐尔洪", "阿合买提", "米娜瓦尔", "祖丽菲亚", "阿孜古丽", "热娜", "巴哈尔古丽", "赛力克",
	"阿依努尔", "马合木提", "艾则孜", "吾买尔", "阿里木", "沙吾提", "斯拉木", "亚森", "喀斯木", "阿不来提",
	"吐逊", "托合提", "阿依", "夏木", "吐拉", "阿力木", "热西提", "尼亚孜", "阿布力孜", "克里木", "穆罕默德",
	"阿卜杜", "艾合麦提", "苏力坦", "如先古丽", "再努尔", "排孜", "海力且木", "阿米娜", "布维", "帕丽达",
	// Yi (诺苏) clan and given names: 吉克阿呷, 沙马拉且, 阿依木呷.
	"吉克", "沙马", "阿苏", "俄底", "海来", "吉伍", "曲比", "马海", "阿牛", "日哈", "吉木", "勒格", "瓦扎",
	"阿呷", "木呷", "拉且", "阿果", "阿支", "伍呷", "尔古", "阿各", "木果", "依作", "尔布", "阿西", "伍各",
}

// japaneseSurnames are family names of Japanese written in kanji; a name
// starting with one keeps it whole when masked (山田太郎 → 山田某), as for
// a compound Chinese surname.
var japaneseSurnames = []string{
	"长谷川", "佐佐木", "山田", "田中", "铃木", "佐藤", "高桥", "渡边", "伊藤", "中村", "小林", "加藤", "吉田",
	"山本", "松本", "井上", "木村", "清水", "山口", "斋藤", "池田", "桥本", "阿部", "石川", "山崎", "中岛",
	"前田", "藤田", "小川", "冈田", "后藤", "村上", "近藤", "石井", "坂本", "远藤", "青木", "藤井", "西村",
	"福田", "太田", "三浦", "冈本", "松田", "中川", "中野", "原田", "小野", "田村", "竹内", "金子", "和田",
	"中山", "石田", "上田", "森田", "柴田", "酒井", "工藤", "横山", "宫崎", "宫本", "内田", "高木", "安藤",
	"岛田", "谷口", "大野", "丸山", "今井", "河野", "藤原", "村田", "武田", "上野", "杉山", "增田", "小山",
	"大塚", "平野", "菅原", "久保", "松井", "千叶", "岩崎", "樱井", "木下", "野口", "松尾", "野村", "新井",
	"渡部", "北村", "大西", "小泽", "浅野", "服部", "荒木", "宫田", "水野", "桑原", "吉川", "西田", "松下",
	"望月", "永井", "本田", "川口", "稻叶", "黑田", "堀江", "中田", "高田", "福井", "古川", "小松", "秋山",
}

// japaneseGivenEnds end Japanese given names (太郎, 花子, 健太, 由美).
const japaneseGivenEnds = "郎子太树也介彦夫男美香奈代惠枝雄司平斗马翔辅一二人吾治次"

// translitChars are the characters transliterated (minority and foreign)
// names are written with; a dotted name extends over them.
const translitChars = "约翰密尔维奥拉露西亚乔治汉娜艾米莉丝玛丽安娜凯特琳达哈桑侯赛因穆罕默德阿里法蒂玛萨利赫卡里姆纳迪亚亚历山大伊万诺夫彼得罗维奇谢尔盖安德烈弗拉基米尔叶卡捷琳娜奥尔加斯蒂芬妮杰西卡克里斯托弗迈克尔威廉姆斯詹姆斯罗伯特托马斯查尔斯爱德华阿艾安奥巴拜班邦包保贝本比彼毕别宾波伯勃博布查达戴丹道得德登迪蒂丁东杜敦多厄恩尔法凡菲费芬丰夫弗福盖甘冈高戈格葛根古瓜哈海罕汗豪浩赫亨洪胡华霍基吉加贾杰捷金居喀卡开凯坎康考柯科克肯库夸奎昆拉莱赖兰朗劳勒雷蕾黎里理丽利莉连良列林琳留柳龙卢鲁陆路伦罗洛马玛迈麦曼芒茂梅门蒙孟米敏明莫墨默姆木穆纳娜乃奈南内尼妮年涅宁纽努诺欧帕潘庞佩彭皮珀普奇齐恰乔切钦琴青丘曲热仁日荣茹若瑞萨塞赛桑瑟森沙莎山尚什舍圣施史士舒斯松苏索塔泰坦汤唐陶特提天廷通图吐托瓦旺威韦维温文翁沃乌伍武西希锡夏肖谢辛休许雅亚扬杨耶叶伊依因英尤尤约扎泽詹兹卓孜祖佐逊江丽买合曼木不都力依热孜拜提孜吾斯哲米沙古娃勒泰赫洛措摩怀琼珊芙薇娅缇黛茜朵"

var translitSet = newRuneSet(translitChars)

// matcher finds the longest of a set of words starting at a position.
type matcher struct {
	byFirst map[rune][]string // longest first
	starts  runeSet           // the first runes, to answer most lookups at once
}

func newMatcher(words ...[]string) *matcher {
	m := &matcher{byFirst: map[rune][]string{}, starts: newRuneSet("")}
	seen := map[string]bool{}
	for _, list := range words {
		for _, w := range list {
			if w == "" || seen[w] {
				continue
			}
			seen[w] = true
			r, _ := utf8.DecodeRuneInString(w)
			m.byFirst[r] = append(m.byFirst[r], w)
			if r < 0x10000 {
				m.starts[r/64] |= 1 << (r % 64)
			} else {
				m.starts = nil // a rune outside the plane: ask the map
			}
		}
	}
	for r := range m.byFirst {
		l := m.byFirst[r]
		sort.SliceStable(l, func(i, j int) bool { return len(l[i]) > len(l[j]) })
	}
	return m
}

// at returns the longest word at the start of s, or "".
func (m *matcher) at(s string) string {
	r, _ := utf8.DecodeRuneInString(s)
	if m.starts != nil && !m.starts.has(r) {
		return ""
	}
	for _, w := range m.byFirst[r] {
		if strings.HasPrefix(s, w) {
			return w
		}
	}
	return ""
}

var (
	roleMatcher = func() map[markerKind]*matcher {
		m := map[markerKind]*matcher{}
		for k, l := range roleWords {
			m[k] = newMatcher(l)
		}
		return m
	}()
	// anyRole finds a role word of any kind, and roleKind says which.
	anyRole  = newMatcher(roleWords[markParty], roleWords[markAgent], roleWords[markKin], roleWords[markLabel], roleWords[markOfficial], roleWords[markBoundary])
	roleKind = func() map[string]markerKind {
		m := map[string]markerKind{}
		// Later kinds win for words in two lists (负责人 is a party's
		// role, 律师 an agent's): the order is from general to specific.
		for _, k := range []markerKind{markParty, markAgent, markKin, markLabel, markOfficial, markBoundary} {
			for _, w := range roleWords[k] {
				m[w] = k
			}
		}
		return m
	}()
	honorificMatcher  = newMatcher(honorifics)
	officialAfter     = newMatcher(officialTitlesAfter)
	bracketRole       = newMatcher(roleInBrackets)
	possessionMatcher = newMatcher(possessions)
	personVerbMatcher = newMatcher(personVerbs)
	titleNounMatcher  = newMatcher(titleNouns)
	followerMatcher   = newMatcher(followers)
	orgMatcher        = newMatcher(orgSuffixes)
	minorityMatcher   = newMatcher(minorityParts, moreMinorityParts, sourcedMinorityParts)
	japaneseMatcher   = newMatcher(japaneseSurnames)
)
