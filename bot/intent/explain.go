package intent

import (
	"strings"
	"unicode/utf8"
)

// What a message about 以案说法 drafts asks, besides a write-up (the empty
// act): Understanding.ExplainAct.
const (
	ExplainCandidates = "candidates" // 以案说法候选: cases worth writing up, to pick from
	ExplainRevise     = "revise"     // 上面那篇改短一点: a new version with that instruction
	ExplainApprove    = "approve"    // 审核通过
	ExplainReturn     = "return"     // 退回：意见
	ExplainPublish    = "publish"    // 发布
	ExplainExport     = "export"     // 导出 (Word)
	ExplainList       = "list"       // 待审核的以案说法: drafts by review state
	ExplainAbout      = "about"      // 那篇多少字, 写得太长了吗: a question about the draft itself
	ExplainAnother    = "another"    // 换个案子: the candidates again, without the case of the draft in focus
)

var (
	// explainNoun names a write-up or a draft.
	explainNoun = mustCompile(`以案说法|以案释法|典型案例|草稿|稿子|初稿|这篇|那篇|上篇|上一篇|文章|普法文章`)
	// draftRef points at the draft spoken of (上面那篇, 刚才那篇, 这篇).
	draftRef = mustCompile(`^(?:把|将)?(?:上面|上边|刚才|刚刚|前面|最新)?的?(?:那篇|这篇|一篇|上一篇|上篇|这个稿子|那个稿子|这份|那份|稿子|草稿|初稿|以案说法|以案释法)?(?:的)?`)
	// stateWords read a review state as people write it, for a list.
	stateWords = []struct {
		re    *pattern
		state string
	}{
		{mustCompile(`待审核|未审核|待审|没审核|还没审|等待审核|需要审核|要审核`), "草稿"},
		{mustCompile(`已审核|审核通过的|通过审核的|审过的|审好的`), "已审核"},
		{mustCompile(`已退回|退回的|被退回|打回的`), "已退回"},
		{mustCompile(`已发布|发布了的|发布过的|发布的`), "已发布"},
	}
	candidateRe = mustCompile(`候选|适合(?:做|写|用来|拿来|作为|当)|值得写|可以写的|能写的|推荐(?:几个|一下|个)?(?:案例|案子|案件)?(?:写|做)|选(?:几个|个)案(?:例|子|件)|(?:找|挑|选)(?:个|一个|几个)?.{0,12}(?:典型案例|案例|案子).{0,4}写`)
	// candidateWords are cut from a request for candidates, read on for
	// what it names.
	candidateWords = []string{"以案说法候选", "以案释法候选", "候选案例", "候选案件", "候选", "适合做", "适合写", "适合用来做", "适合拿来做",
		"适合作为", "适合", "值得写", "可以写的", "能写的", "推荐一下", "推荐几个", "推荐", "找个", "找一个", "挑个", "选个", "写一篇", "写篇", "写个",
		"以案说法", "以案释法", "典型案例", "典型", "判了的", "结了的", "判决的", "判的", "结的", "那几个", "这几个"}
	approveRe = mustCompile(`审核通过|通过审核|审核同意|审定通过|审批通过|同意通过`)
	returnRe  = mustCompile(`^(?:退回|打回|退回去|退回修改|打回修改|不通过|审核不通过)(?:[:：，,。\s]*)(.*)$`)
	publishRe = mustCompile(`^(?:确认发布|同意发布|可以发布|予以发布|正式发布|发布)(?:吧|一下|出去)?[。！!]*$`)
	exportRe  = mustCompile(`导出|下载|导成|转成word|转为word|生成word|生成文档|发(?:个|一份)?word|word版|word文档|docx`)
	// writingRe starts an instruction that can only be about writing
	// (改短一点), without naming the draft; 改一下明天那个庭 is not one.
	writingRe = mustCompile(`^(?:太长了?|太短了?|有点长|有点短|长了|啰嗦了?)?[，,\s]*(?:再)?(?:改短|改长|缩短|精简|压缩|删减|扩充|写短|写长|写得|写的|短一点|短一些|短点|短些|长一点|长点|通俗|口语化|语言|(?:标题|题目)(?:改|换|起|取|拟)|(?:改|换|起|取|拟)(?:个|一个|一下)?(?:新的?)?(?:标题|题目))`)
	// exportOnlyRe is 导出 said alone (the draft spoken of).
	exportOnlyRe = mustCompile(`^(?:导出|下载|导成word|导出word|导出成word|导出来|导出一下)(?:来|一下)?(?:发我|给我|发给我)?[。！!]*$`)
	// aboutRe asks about the draft's length; aboutAskRe makes it a question
	// (写得太长了吗) rather than an instruction (写得短一点).
	aboutRe    = mustCompile(`多少字|几个字|几千字|多少个字|好多字|好多个字|字数|多长|多少篇幅|篇幅多|太长|太短|长不长|短不短|长了|写得怎么样|写得如何|写得好不好`)
	aboutAskRe = mustCompile(`吗|嘛|么|没有|不长|不短|多少|好多|几|怎么样|如何|好不好|[?？]`)
	// lengthRe asks a length in characters: nothing the bot answers but a
	// draft has one, so a short message asking it (字数多少, 大概写多少字)
	// is about the draft in focus even without 那篇.
	lengthRe = mustCompile(`(?:多少个?|好多个?|几个|几千)字(?:$|[^号])|字数`)
	// angleRe gives a writing angle (从检察建议的角度重新写一篇): a revision.
	angleRe = mustCompile(`(?:从|以|用|站在|换成|改成)[^，。,]{1,16}(?:角度|视角|立场|口吻)|换个?角度|换一个角度`)
	// draftEditRe is an instruction about a draft's content (加上法条, 补充
	//法律依据, 删掉案情, 多写点普法提示): a revision even without 改 or 那篇.
	draftEditRe = mustCompile(`^(?:再|帮我|麻烦)?(?:加上|加点|加个|加入|加|补充|补上|增加|多加|引用|列出|写上|删掉|去掉|删除|少写|多写|多讲|少讲)` +
		`(?:一下|一些|一点|几条|一条|一段|几段|段|几句|一句|点|些)?(?:相关的?|具体的?|对应的?)?(?:法条|法律条文|条文|法律依据|依据|法律规定|规定|评析|点评|案例评析|法官说法|普法提示|提示|标题|小标题|结尾|开头|背景|案情|启示|建议)` +
		// 再加一条行政处罚法的规定: the law named before the article
		`|^(?:再|帮我|麻烦)?(?:加上|加|补充|补上|增加|多加|引用|写上)(?:一条|几条|一句|几句|一下|点)?[^，。,\s]{1,12}?法的?(?:规定|条文|法条|相关规定|第[一二三四五六七八九十百0-9]+条)`)
	// draftEditAfterRe is the same instruction with its object first (把法条加上,
	// 法律依据补充一下, 标题也去掉).
	draftEditAfterRe = mustCompile(`^(?:再|帮我|麻烦)?(?:把|将)?(?:相关的?|具体的?|对应的?)?(?:法条|法律条文|条文|法律依据|法律规定|评析|点评|法官说法|普法提示|小标题|启示)` +
		`(?:也|都|再)?(?:加上|加进去|加一下|加点|加一条|加一句|加几条|加几句|补上|补充上|补充一下|补充|补一条|补一句|补几条|补几句|补点|写上|写进去|列出来|列一下|去掉|删掉|删了|去了)`)
	// lengthInstrRe sets a draft's length in characters (改成300字的简讯,
	// 压缩到500字以内, 800字左右): an instruction, and its number no case.
	lengthInstrRe = mustCompile(`(?:改成|改为|压到|压成|压缩到|压缩成|压缩在|缩到|缩短到|缩减到|控制在|精简到|写成|删到|减到)[^，。,]{0,6}?(?:\d+|[一二两三四五六七八九十百千]+)\s*个?字|(?:\d+|[一二两三四五六七八九十百千]+)\s*个?字(?:左右|以内|上下|之内|以下)` +
		// 改短一点 150字, 精简下 两百字: a shortening and then the length,
		// or a bare 150字 standing as its own clause (no 字第12号 there).
		`|(?:改短|缩短|短一?点|精简|压缩|删减)[^，。,]{0,8}?(?:\d+|[一二两三四五六七八九十百千]+)\s*个?字|(?:^|[\s，,。；;])(?:\d+|[一二两三四五六七八九十百千]+)\s*个?字(?:就行|就好|就够了?|即可|吧)?(?:$|[\s，,。；;])`)
	// formInstrRe recasts a draft in another form (改成表格, 写成新闻稿,
	// 弄成一问一答).
	formInstrRe = mustCompile(`(?:改成|改为|换成|写成|做成|弄成|整成)(?:一[篇份则个])?(?:\d+字的?)?(?:简讯|短讯|消息稿|新闻稿|通讯稿|表格|问答体?|一问一答|图文|要点|提纲|微信推送|公众号文章|公众号推文)`)
	// namesInstrRe is about the names a draft shows (原告名字改成某某, 镇名也别出现).
	namesInstrRe = mustCompile(`(?:名字|姓名|人名|地名|镇名|村名|乡名|单位名称|全名|真名|真实姓名)(?:都|也|全|全部)?(?:(?:改成|改为|换成|写成)(?:某某?|化名|代称|“某)|去掉|删掉|隐去|隐掉|别出现|不要出现|不出现|别写|不要写|不写)` +
		// 不要写原告全名, 别出现当事人真名: the verb first, the person's name after.
		`|(?:别写|不要写|不写|别出现|不要出现|不出现|别用|不要用|隐去|隐掉|去掉|删掉)(?:原告|被告|当事人|申请人|第三人|被执行人)(?:的)?(?:全名|真名|真实姓名|名字|姓名|全称)`)
	// agencyInstrRe hides the agencies' names in a draft (别写局名, 不要出现
	// 单位名称, 机关名称隐去, 把自然资源局换成某执法部门, 就说某执法部门).
	agencyInstrRe = mustCompile(`(?:局名|局的名字|单位名称?|单位的名字|机关名称?|机关的名字|部门名称?|被告名称?|法院名称?)(?:也|都|全|全部|一律|统一)?(?:去掉|删掉|隐去|隐掉|隐藏|别出现|不要出现|不出现|别写|不要写|不写|别提|不要提|模糊|换掉|换成|改成|写成)` +
		`|(?:别写|不要写|不写|别出现|不要出现|不出现|别提|不要提|隐去|隐掉|去掉|删掉|隐藏)(?:具体的?|真实的?)?(?:局名|局的名字|单位名称?|单位的名字|机关名称?|机关的名字|部门名称?|被告名称?|法院名称?|哪个局)` +
		`|(?:换成|改成|改为|写成|写作|就说|统一写成?|说成)[“"]?某[^，。,]{0,10}?(?:部门|机关|单位|机构)`)
	// offlineInstrRe is an instruction about a draft in words of its own
	// (给三个标题, 隐名处理, 口语一点, 加上法条原文, 把名字都去掉): a
	// revision, of the draft spoken of.
	offlineInstrRe = mustCompile(`^(?:再|帮我|麻烦|请|那)?(?:给我|帮我|给)?(?:再)?(?:给|来|拟|起|取|换|想|出|列)(?:几|三|两|二|3|2|多|一些|若干)?(?:个)?(?:备选的?)?(?:新的?)?(?:标题|题目)` +
		`|^(?:再|帮我|麻烦|请)?(?:隐名|脱敏|匿名化|做一下隐名|做隐名|隐名处理)` +
		`|^(?:再|帮我|麻烦|请)?(?:写得|改得|说得)?(?:更)?(?:口语|通俗|接地气|白话|大白话)(?:化)?(?:一点|一些|点|些)?` +
		`|法条原文|条文原文|法条全文|条文全文|(?:名字|姓名|人名)都(?:去掉|删掉|隐去|隐掉)|把(?:名字|姓名|人名)(?:都)?(?:去掉|删掉|隐去|隐掉)`)
	// paraEditRe removes a paragraph or a section of the draft (去掉第三段,
	// 第二段删掉, 把最后一段去了, 删掉典型意义那段, 法官说法那部分不要了):
	// a place in a text, which nothing but a draft has.
	paraEditRe = mustCompile(`(?:去掉|删掉|删除|删去|拿掉|砍掉|去除|不要)(?:了)?(?:倒数)?(?:第\s*(?:[0-9０-９]+|[一二两三四五六七八九十]+)\s*个?(?:自然)?段|最后一段|末段|开头那?一?段|首段)` +
		`|(?:倒数)?(?:第\s*(?:[0-9０-９]+|[一二两三四五六七八九十]+)\s*个?(?:自然)?段|最后一段|末段|开头那?一?段|首段)(?:也|就|都)?(?:去掉|删掉|删了|去了|删除|删去|拿掉|不要)` +
		`|(?:去掉|删掉|删除|删去|拿掉|不要)[^，。,]{0,8}(?:那一?段|那一?节|那部分|这一?段|这部分)` +
		`|(?:典型意义|执法警示|法官说法|说法|评析|点评|争议焦点|焦点|要点|案情|结果|相关法条|法条)(?:那一?段|那一?节|那部分|这一?段|这部分|部分)?(?:也|就|都)?(?:去掉|删掉|删了|去了|不要了?|拿掉)`)
	// retitleRe gives the draft's new title (题目就叫“…”, 标题改成 …).
	retitleRe = mustCompile(`^(?:把|将)?(?:标题|题目)(?:就|直接)?(?:改成|改为|换成|定为|定成|改叫|就叫|叫做|写成)`)
	// toneEditRe asks a tone or wording of the draft (语气正式一点, 措辞严谨些,
	// 再正式些): a revision; 正式 is read before 一点 becomes a clock time.
	toneEditRe = mustCompile(`^(?:再|请|帮我|麻烦)?(?:把)?(?:语气|口气|措辞|用词|语言|文风|行文|表述|文字)?(?:再|更|要|写得|改得)?(?:正式|严肃|庄重|书面|规范|严谨|专业|活泼|亲切|生动|平实|简洁|精炼|客观)(?:化)?(?:一点|一些|点|些)(?:吧|哈|呢)?$` +
		`|^(?:语气|口气|措辞|用词|文风|行文|表述)(?:要|再|改得|写得)?(?:更)?[^，。,]{0,6}(?:一点|一些|点|些)`)
	// addSectionRe asks a passage added (加一段给行政机关的启示, 多写点对执法
	// 人员的提醒, 补充一段典型意义, 结尾加几句普法提示).
	addSectionRe = mustCompile(`^(?:再|请|帮我|麻烦|结尾|最后|文末|末尾|开头|开篇|文首|前面|最前面)?(?:再)?(?:加上|加|补充|补上|增加|增补|多写|多加|补|添加|添)(?:一段|一节|一部分|几句|一句|一些|一点|点|些|个)[^，。,]{0,16}(?:启示|提醒|建议|提示|警示|意义|分析|评析|说明|介绍|内容|总结|结语|教训|做法|要求|导语|引言|开场白|例子|案例|金句|小结)`)
	// anotherCaseRe asks for another case to write up (换个案子, 换一个案例写,
	// 换个别的案子吧).
	anotherCaseRe = mustCompile(`^(?:那|再|要不|还是)?(?:换|另外|另|重新)(?:找|选|挑)?(?:个|一个|一篇)?(?:别的|其他的?|其它的?)?(?:案子|案例|案件|典型案例)(?:来写|写一篇|写|吧|嘛|哈|呢|噻)*$`)
	reviseRe      = mustCompile(`改短|缩短|精简|压缩|删减|简短|短一点|短一些|短些|短点|写短|改长|扩充|展开|长一点|长点|通俗|口语化|正式一点|书面一点|改一下|改改|修改一下|调整一下|重写|再写|写得|(?:标题|题目)(?:改|换|起|取|拟)|(?:改|换|起|取|拟)(?:个|一个|一下)?(?:新的?)?(?:标题|题目)`)
	// writeCaseRe is 写 and a case and nothing else to write (写83号吧, 就写
	// 85号, 写一下行初85; the case number is a hole in the view): a write-up
	// of it. 写一下85号的答辩状 names another document and is not this.
	writeCaseRe = mustCompile(`^(?:就|那就|那|还是|先)?写(?:一下|一篇|篇|个)?[\s\x00]*(?:号)?[\s\x00]*(?:吧|呗|哈|嘛|噻)?(?:[\s，,]*(?:重点|主要|着重|重点是)(?:讲|写|说|突出|谈)[^，。,]{1,16})?[。！!]*$`)
	// describedWriteRe names a case to write by what happened in it (就写那个
	// 强拆前没催告的吧, 那就写那件没听取陈述申辩的): the description ends in 的.
	describedWriteRe = mustCompile(`^(?:那)?(?:就|还是)?(?:写|用|选|挑|换成写|改写)(?:那个|这个|那件|这件|那一个|这一个)[^，,。\s]{2,20}?的(?:吧|那个|那件|案子)?(?:[，,。\s]|$)`)
	// decidedCasesRe names cases decided (今天判的那几个, 最近结的案子): with
	// 能写的 or 适合写, the candidates among them.
	decidedCasesRe = mustCompile(`判的|结的|判了的|结了的|判决的|结案的`)
	// seqSaidRe is a case number said with 号 (70号, 第83号): a case, never
	// the 八百字 of a length; writeAskRe asks a draft written (起个草, 写一篇,
	// 拟个稿, 出个初稿).
	seqSaidRe  = mustCompile(`[0-9]+\s*号`)
	writeAskRe = mustCompile(`起草|起个草|起个稿|打个草稿|拟个稿|拟一稿|草拟|(?:写|拟|出|弄|整)(?:一篇|篇|个|一个|一份|份|一下|一稿)|(?:出|写|弄)(?:个|一个|一版)?(?:初稿|草稿|稿子)|写吧|写写`)
	// writeOtherDocRe names another document to write (85号的原因分析帮我写
	// 一下, 117号出庭通知写个): not a 以案说法.
	writeOtherDocRe = mustCompile(`答辩|答复|整改|通知|通报|汇报|报告|说明|原因|措施|函|建议|回复|上诉|申请|材料|提纲|起诉|意见|提醒|庭|催|短信|消息|情况|备注`)
	// titleRuleRe sets a rule for the draft's title (标题别带案号, 题目不要太长).
	titleRuleRe = mustCompile(`^(?:那|再)?(?:标题|题目)(?:里)?(?:别|不要|不用|不能|别再|不必)(?:带|有|出现|写|太|用)`)
	// anotherOneRe is 换一个 said alone: only after a draft or the
	// candidates does it mean another case (the handler checks which).
	anotherOneRe = mustCompile(`^(?:那|再|要不|还是)?(?:再)?(?:换|另)(?:个|一个|一件|一篇|篇|件)(?:别的|其他的?)?(?:吧|嘛|哈|呢|噻|写|来写)*$`)
)

// explainCommand reads a command about 以案说法 drafts from the whole
// message (case numbers already taken): a list by state, the candidates,
// a review step, an export, or a revision of the draft spoken of. It
// reports false for anything else, which the rest of the reading takes.
func (r *reader) explainCommand(raw, norm string) bool {
	v, _ := r.t.view()
	v = strings.TrimSpace(strings.ReplaceAll(v, "\x00", " "))
	body := strings.TrimSpace(strings.TrimLeft(v, "请帮我麻烦您 "))
	noun := explainNoun.MatchString(norm)
	if strings.Contains(norm, "台账") || strings.Contains(norm, "通报") {
		return false // 导出台账, 通报发布了吗: not drafts
	}
	set := func(act string) bool {
		r.u.Kind, r.u.ExplainAct, r.u.Anchored = Explain, act, true
		return true
	}
	if noun {
		for _, s := range stateWords {
			if s.re.MatchString(norm) && !approveRe.MatchString(strings.ReplaceAll(norm, "审核通过的", "")) {
				r.u.DraftState = s.state
				return set(ExplainList)
			}
		}
	}
	if candidateRe.MatchString(norm) && (noun || strings.Contains(norm, "案例") || decidedCasesRe.MatchString(norm)) {
		// 今天判的那几个有能写的吗: the cases just decided, to write up.
		r.t.cutAll(candidateWords...)
		return set(ExplainCandidates)
	}
	rest := strings.TrimSpace(draftRef.ReplaceAllString(body, ""))
	// normBody is body before clock digits (再短一点 is read 再短1点 in the
	// view): the writing words as typed.
	normBody := strings.TrimSpace(strings.TrimLeft(norm, "请帮我麻烦您 "))
	none := len(r.u.Numbers) == 0 && r.u.Short == ""
	switch {
	case (!none || r.u.Seq > 0) && writeCaseRe.MatchString(body):
		// 写83号吧, 就写85号, 写一下行初85: the case named, written up.
		r.u.Kind, r.u.Anchored = Explain, true
		return true
	case none && titleRuleRe.MatchString(normBody):
		// 标题别带案号 起个好点的: a rule for the draft's title.
		r.u.Note = noteOf(raw, draftRefRaw)
		return set(ExplainRevise)
	case aboutRe.MatchString(norm) && aboutAskRe.MatchString(norm) && (noun || writingRe.MatchString(body) || lengthOnly(norm)) && none:
		r.u.Seq, r.u.Recon = 0, false
		return set(ExplainAbout)
	case angleRe.MatchString(norm) && strings.Contains(norm, "写") && !strings.Contains(norm, "以案说法") && none:
		r.u.Note = noteOf(raw, draftRefRaw)
		return set(ExplainRevise)
	case approveRe.MatchString(norm):
		return set(ExplainApprove)
	case returnRe.MatchString(rest) && !strings.HasPrefix(returnRe.FindStringSubmatch(rest)[1], "了"): // 退回了吗 asks
		r.u.Note = noteOf(raw, returnWordRe)
		return set(ExplainReturn)
	case publishRe.MatchString(rest) && (noun || len(r.u.Numbers) > 0 || r.u.Short != "" || r.u.Seq > 0 || rest == body):
		return set(ExplainPublish)
	case exportRe.MatchString(strings.ToLower(norm)) && (noun || len(r.u.Numbers) > 0 || r.u.Short != "" || exportOnlyRe.MatchString(strings.ToLower(body))):
		return set(ExplainExport)
	case anotherCaseRe.MatchString(body) && none:
		return set(ExplainAnother)
	case anotherOneRe.MatchString(body) && none:
		r.u.OnlyInFocus = true // 换一个: of the draft or candidates in focus, else not ours
		return set(ExplainAnother)
	case none && describedWriteRe.MatchString(normBody):
		// 就写那个强拆前没催告的吧 八百字左右: a case described to be written
		// (the instructions ride along), never a revision of the draft in
		// focus, which is another case; 八百字 is no 800号.
		// The reading goes on, so the description is read as any request
		// by description is; the instructions are cut first.
		for _, re := range []*pattern{lengthInstrRe, namesInstrRe} {
			if m := re.FindString(string(r.t.rs)); m != "" {
				r.t.cutAll(m)
			}
		}
		if lengthInstrRe.MatchString(normBody) {
			r.u.Seq, r.u.Recon = 0, false // 八百字 is no 800号
		}
		r.explain = true
		return false
	case (!none || r.u.Seq > 0 && seqSaidRe.MatchString(normBody)) && writeAskRe.MatchString(normBody) && !writeOtherDocRe.MatchString(normBody):
		// 就70号吧 帮我起个草 八百字左右: a case named by its number and a
		// draft asked of it; the instructions that ride on it are no
		// revision of another draft (the handler reads them as the note).
		r.u.Kind, r.u.Anchored = Explain, true
		return true
	case (lengthInstrRe.MatchString(normBody) || formInstrRe.MatchString(normBody) || namesInstrRe.MatchString(normBody) || agencyInstrRe.MatchString(normBody) || offlineInstrRe.MatchString(normBody) ||
		paraEditRe.MatchString(normBody) || retitleRe.MatchString(normBody) || toneEditRe.MatchString(normBody) || addSectionRe.MatchString(normBody)) && len(r.u.Numbers) == 0 && r.u.Short == "":
		// 改成300字的简讯, 原告名字改成某某: about the draft, whose case
		// was named before; a hearing moved (改成下周三) names no form.
		r.u.Note = noteOf(raw, draftRefRaw)
		r.u.Seq, r.u.Recon = 0, false
		return set(ExplainRevise)
	case (reviseRe.MatchString(norm) && (noun && rest != body || writingRe.MatchString(body) || writingRe.MatchString(normBody)) || draftEditRe.MatchString(rest) || draftEditAfterRe.MatchString(rest)) &&
		len(r.u.Numbers) == 0 && r.u.Short == "":
		r.u.Note = noteOf(raw, draftRefRaw)
		r.u.Seq, r.u.Recon = 0, false // 控制在1200字 is no case
		return set(ExplainRevise)
	}
	return false
}

var (
	// returnWordRe is the 退回 a note follows, in the message as typed.
	returnWordRe = mustCompile(`^.*?(?:审核不通过|不通过|退回修改|打回修改|退回去|退回|打回)[:：，,。\s]*`)
	// draftRefRaw is the reference to the draft before an instruction.
	draftRefRaw = mustCompile(`^[\s请帮我麻烦您]*(?:把|将)?(?:上面|上边|刚才|刚刚|前面|最新)?的?(?:那篇|这篇|上一篇|上篇|这个稿子|那个稿子|这份|那份|稿子|草稿|初稿|以案说法|以案释法)?(?:的)?[，,：:\s]*`)
)

// noteOf is what follows prefix in the message as the user typed it:
// a return's note, a revision's instruction (digits and punctuation as
// written).
func noteOf(raw string, prefix *pattern) string {
	return strings.TrimSpace(prefix.ReplaceAllString(strings.TrimSpace(raw), ""))
}

// lengthOnly reports whether norm is a short question of length alone.
func lengthOnly(norm string) bool {
	return lengthRe.MatchString(norm) && utf8.RuneCountInString(norm) <= 10
}
