package handlers

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/explain"
	"casebot/bot/numeral"
)

// Revisions without a model: what a fixed operation can do to a 以案说法
// draft (bot/explain ReviseOffline) is done and made a new version; what
// needs rewording is said precisely to need the model.

var (
	// modelOnlyRe are instructions only a rewording can meet: a tone, a
	// form, an angle (口语一点, 改成简讯, 一问一答, 律师的口吻).
	modelOnlyRe = regexp.MustCompile(`口语|通俗|接地气|白话|生动|活泼|吸引人|好听|有新意|正式一点|书面一点|口吻|角度|视角|简讯|短讯|新闻稿|消息稿|通讯稿|问答|表格|图文|推送|推文|公众号|重写|润色|扩充|展开|改长|长一点|长点|写长|多写`)
	anonymizeRe = regexp.MustCompile(`隐名|脱敏|匿名|(?:名字|姓名|人名|原告名|当事人名|全名|真名|真实姓名)(?:都|也|全|全部)?(?:去掉|删掉|删了|去了|隐去|隐掉|隐藏|别出现|不要出现|不出现|别写|不要写|不写|改成某|换成某|写成某)` +
		// 不要写原告全名, 别出现当事人真名: the verb before the name.
		`|(?:别写|不要写|不写|别出现|不要出现|不出现|别用|不要用|隐去|隐掉|去掉|删掉)(?:原告|被告|当事人|申请人|第三人)(?:的)?(?:全名|真名|真实姓名|名字|姓名)`)
	// A piece that is a length alone (改短一点 150字: the 150字) is the
	// length the shortening is to.
	shortenRe   = regexp.MustCompile(`^(?:[0-9]+|[零一二两三四五六七八九十百千]+)\s*(?:个)?字(?:就行|就好|就够了?|即可|吧)?$|(?:控制在|压缩到|压到|压成|缩减到|缩到|精简到|删到|减到)[^，。]{0,6}字|改短|缩短|精简|压缩|删减|简短|简化|短一点|短一些|短些|短点|写短|再短|太长|字以内|字之内|字以下|字左右|字上下|字数太多|字太多|太多字|篇幅太长|篇幅控制|控制一下篇幅|控制篇幅`)
	titlesRe    = regexp.MustCompile(`标题|题目`)
	titlesNotRe = regexp.MustCompile(`去掉|删掉|删了|不要|别要`)
	// titleAskRe asks for titles to choose from (起几个, 再给几个, 标题要醒目).
	titleAskRe = regexp.MustCompile(`(?:起|拟|给|来|换|出|想|取|列)(?:我)?(?:几|三|两|多|一些|个)|几个|再来|再给|醒目|吸引|抓人|响亮|标题要|题目要`)
	statutesRe = regexp.MustCompile(`(?:法条|条文|法律依据|法律规定)(?:的)?(?:原文|全文|内容|具体内容)|(?:加上|加|附上|附|补充|补上|引用|列出|写上|多加|再加)(?:一段|一下|上|一句|几句|一条|几条|点|些|个)?(?:相关的?|具体的?)?(?:法条|条文|法律条文|法律依据)|(?:法条|条文|法律依据)(?:也|都)?(?:帮我|给我|帮忙|麻烦)?(?:加上|附上|补上|补一下|补充一下|补全|加进去|列出来|写上)`)
	// retitleRe gives the new title itself (标题改成“程序违法的代价”, 题目就叫
	// 一次没催告的强拆): the words after the verb, quotes taken off.
	retitleRe = regexp.MustCompile(`(?:标题|题目)(?:就|直接)?(?:改成|改为|换成|定为|定成|改叫|就叫|叫做|叫|写成|用)(?:这个|这样)?[：:，,\s]*[“"「『]?([^”"」』]+?)[”"」』]?[。！!\s]*$`)
	// dropParaRe names a paragraph by its place (第三段, 第2段, 最后一段,
	// 倒数第二段, 末段); dropVerbRe removes it.
	dropParaRe = regexp.MustCompile(`(倒数)?第\s*([0-9]+|[一二两三四五六七八九十]+)\s*(?:个)?(?:自然)?段|(最后一|末|尾)段|(开头那?一?|第一|首)段`)
	dropVerbRe = regexp.MustCompile(`去掉|删掉|删除|删去|删了|去了|拿掉|不要|砍掉|去除|省掉|省略`)
	// sectionNames are the sections a draft has, as people name them, and
	// the words of the heading they mean.
	sectionNames = []struct{ said, heading string }{
		{"典型意义", "典型意义"}, {"执法警示", "执法警示"}, {"警示", "警示"}, {"意义", "典型意义"},
		{"法官说法", "说法"}, {"复议机关说法", "说法"}, {"说法", "说法"}, {"评析", "说法"}, {"点评", "说法"},
		{"争议焦点", "争议焦点"}, {"焦点", "争议焦点"}, {"要点", "要点"}, {"裁判要旨", "要点"},
		{"相关法条", "相关法条"}, {"法条", "相关法条"}, {"基本案情", "基本案情"}, {"案情", "基本案情"},
		{"裁判结果", "结果"}, {"复议结果", "结果"}, {"结果", "结果"},
	}
	// agencyHideRe hides the agencies' names (别写局名, 不要出现单位名称,
	// 机关名称隐去, 具体哪个局别写): the name words and a verb either side.
	agencyHideRe = regexp.MustCompile(`(?:局名|局的名字|单位名称?|单位的名字|机关名称?|机关的名字|部门名称?|部门的名字|被告名称?|被告的名字|法院名称?|法院的名字|具体(?:是)?(?:哪个)?(?:局|单位|部门|机关))(?:也|都|全|全部|一律|统一)?(?:去掉|删掉|删了|去了|隐去|隐掉|隐藏|隐了|别出现|不要出现|不出现|别写|不要写|不写|别提|不要提|不提|模糊处理|模糊|换掉|改掉|换成|改成|写成|替换)` +
		`|(?:别写|不要写|不写|别出现|不要出现|不出现|别提|不要提|不提|隐去|隐掉|去掉|删掉|隐藏|模糊)(?:掉)?(?:具体的?|真实的?|是)?(?:局名|局的名字|单位名称?|单位的名字|机关名称?|机关的名字|部门名称?|被告名称?|被告的名字|法院名称?|哪个局|具体单位|具体部门)`)
	// agencyRenameRe replaces one agency by a phrase (把自然资源局换成某执法部门).
	agencyRenameRe = regexp.MustCompile(`^(?:把|将)?(?:被告)?([^，。把将]{1,12}?(?:局|政府|法院|委员会|委|办公室|中心|大队|支队|执法队|所|站))(?:的名字|的名称|名称|名字)?(?:都|也|全部|一律|统一)?(?:换成|改成|改为|写成|写作|替换成|替换为|统一写成?|说成)[“"]?(某[^，。；、”"]{0,10}?(?:部门|机关|单位|机构|局|政府|队))[”"]?`)
	// agencyPhraseRe gives the phrase an agency is to be written as (就说某
	// 执法部门, 统一写成某行政机关, 用“某单位”).
	agencyPhraseRe = regexp.MustCompile(`(?:就说|就写|说成|写成|写作|换成|改成|改为|统一写成?|统一为|统称|称为|就叫|叫|用|写)[“"]?(某[^，。；、”"]{0,10}?(?:部门|机关|单位|机构|局|政府|队))[”"]?`)
	// agencyCourtRe asks the court's (or 复议机关's) name hidden too.
	agencyCourtRe = regexp.MustCompile(`法院|复议机关|审判机关|所有单位|全部单位|单位名称都|一律`)
	// limitRe is the length asked for (500字, 五百字以内, 1000字左右).
	limitRe = regexp.MustCompile(`([0-9]+|[零一二两三四五六七八九十百千]+)\s*(?:个)?字`)
)

// offlineEditOf reads a revision instruction as an offline edit: its kind
// and what it needs (the limit asked for a length, 0: none given; the
// paragraph or section to drop; the new title). ok is false for an
// instruction that needs the model.
func offlineEditOf(instr string) (explain.Edit, bool) {
	t := numeral.ASCIIDigits(strings.ReplaceAll(instr, " ", ""))
	// A title given in words is taken as written (a tone word inside it,
	// 标题改成“通俗易懂的执法课”, is no tone asked).
	if m := retitleRe.FindStringSubmatch(strings.TrimSpace(instr)); m != nil && !strings.Contains(m[1], "一个") && utf8.RuneCountInString(strings.TrimSpace(m[1])) >= 4 {
		return explain.Edit{Kind: explain.EditRetitle, Title: strings.TrimSpace(m[1])}, true
	}
	if dropVerbRe.MatchString(t) {
		if m := dropParaRe.FindStringSubmatch(t); m != nil {
			n := 0
			switch {
			case m[3] != "":
				n = -1
			case m[4] != "":
				n = 1
			default:
				if v, err := strconv.Atoi(m[2]); err == nil {
					n = v
				} else if v, ok := numeral.Parse(m[2]); ok {
					n = int(v)
				}
				if m[1] != "" {
					n = -n
				}
			}
			if n != 0 {
				return explain.Edit{Kind: explain.EditDrop, Para: n}, true
			}
		}
		if strings.ContainsAny(t, "段节部分") || strings.Contains(t, "不要") {
			for _, sn := range sectionNames {
				if strings.Contains(t, sn.said) && !statutesRe.MatchString(t) {
					return explain.Edit{Kind: explain.EditDrop, Section: sn.heading}, true
				}
			}
		}
	}
	if m := agencyRenameRe.FindStringSubmatch(t); m != nil && !strings.Contains(m[1], "名") {
		return explain.Edit{Kind: explain.EditAgency, Agency: strings.TrimPrefix(m[1], "某县"), Phrase: m[2], Court: strings.Contains(m[1], "法院")}, true
	}
	if agencyHideRe.MatchString(t) {
		e := explain.Edit{Kind: explain.EditAgency, Court: agencyCourtRe.MatchString(t)}
		if m := agencyPhraseRe.FindStringSubmatch(t); m != nil {
			e.Phrase = m[1]
		}
		return e, true
	}
	if dropVerbRe.MatchString(t) {
		// 去掉法条, 典型意义不要了: a section named alone with the verb.
		rest := dropVerbRe.ReplaceAllString(t, "")
		rest = strings.Trim(rest, "把将也都吧了那这一节段部分。！!")
		for _, sn := range sectionNames {
			if rest == sn.said {
				return explain.Edit{Kind: explain.EditDrop, Section: sn.heading}, true
			}
		}
	}
	if titlesRe.MatchString(t) && titleAskRe.MatchString(t) && !titlesNotRe.MatchString(t) {
		// 标题起几个吸引人的, 题目要响亮点: the table's titles, offered;
		// the tone asked is the model's, which the titles' note says.
		return explain.Edit{Kind: explain.EditTitles}, true
	}
	if modelOnlyRe.MatchString(t) {
		return explain.Edit{}, false
	}
	switch {
	case anonymizeRe.MatchString(t):
		return explain.Edit{Kind: explain.EditAnonymize}, true
	case statutesRe.MatchString(t):
		return explain.Edit{Kind: explain.EditStatutes}, true
	case titlesRe.MatchString(t) && !titlesNotRe.MatchString(t):
		return explain.Edit{Kind: explain.EditTitles}, true
	case shortenRe.MatchString(t):
		limit := 0
		if m := limitRe.FindStringSubmatch(t); m != nil {
			if n, err := strconv.Atoi(m[1]); err == nil {
				limit = n
			} else if n, ok := numeral.Parse(m[1]); ok {
				limit = int(n)
			}
		}
		return explain.Edit{Kind: explain.EditShorten, Limit: limit, About: limit > 0 && aboutLength(t)}, true
	}
	return explain.Edit{}, false
}

// offlineCan says what can be done without a model, for an instruction
// that needs one.
const offlineCan = "不用大模型可以做的修改：“把名字都去掉”（按隐名规则重新核查）、“别写局名，就说某执法部门”（隐去行政机关名称）、“压缩到500字”（删去摘录、各节保留要点）、“给三个标题”、“标题改成……”、“去掉第三段”或“删掉典型意义那段”、“加上法条原文”（附本系统法条表收录的条文原文）；一条消息里可以同时提几项，依次处理。"

// offlineEdit makes the offline revisions eds of the newest draft of
// number, in order, as one new version; skipped are the parts of instr no
// fixed operation meets, said as not done.
func (h *explainHandlers) offlineEdit(c bot.Context, number string, eds []explain.Edit, skipped []string, instr, lead string) error {
	steps, nd, err := h.ex.ReviseOfflineEdits(c.Ctx(), number, eds, c.UserID(), instr)
	var be *bot.Error
	switch {
	case errors.Is(err, explain.ErrNoDraft):
		if err := h.s.record(c, audit.Refused, "explain-offline-no-draft", 0, []string{number}, instr); err != nil {
			return err
		}
		return c.Reply(lead + fmt.Sprintf("按“%s”修改：案件 %s 的草稿尚未生成完毕，请在收到草稿后再发一次。本系统未配置大模型，离线修改只对已有的草稿做固定处理，不改写语句。", instr, number))
	case errors.As(err, &be):
		return c.Reply(be.Message)
	case err != nil:
		return err
	}
	if err := h.s.record(c, audit.Query, "explain-offline-edit", 1, []string{number}, instr); err != nil {
		return err
	}
	md := lead + offlineReport("按“"+instr+"”离线修改（本系统未配置大模型）", eds, steps, skipped, nd)
	if nd == nil {
		return c.ReplyMarkdown(md)
	}
	if err := h.focus(c, draftFocus{Number: number}); err != nil {
		return err
	}
	return c.ReplyMarkdown(md + nd.Render(c.Location()))
}

// offlineReport says what the offline revisions eds did (steps) and what
// they could not (skipped), after head (按“…”离线修改…), then the new
// version's number when there is one (nd), the draft itself to follow.
func offlineReport(head string, eds []explain.Edit, steps []explain.OfflineResult, skipped []string, nd *explain.Draft) string {
	var b strings.Builder
	if len(steps) == 1 && len(skipped) == 0 {
		fmt.Fprintf(&b, "%s：%s。", head, steps[0].Done)
		if steps[0].Left != "" {
			b.WriteString("\n" + steps[0].Left)
		}
	} else {
		fmt.Fprintf(&b, "%s，共 %d 项，依次处理：", head, len(steps)+len(skipped))
		for i, st := range steps {
			fmt.Fprintf(&b, "\n%d. %s：%s。", i+1, editLabel(eds[i]), st.Done)
			if st.Left != "" {
				b.WriteString(st.Left)
			}
		}
		for i, p := range skipped {
			fmt.Fprintf(&b, "\n%d. “%s”：未处理，离线只能做上面这类固定的修改，这项须由大模型或人工完成。", len(steps)+i+1, p)
		}
	}
	for _, st := range steps {
		if len(st.Titles) > 0 {
			b.WriteString("\n\n备选标题（草稿）：")
			for i, t := range st.Titles {
				fmt.Fprintf(&b, "\n%d. %s", i+1, t)
			}
		}
	}
	if nd == nil {
		if len(steps) > 1 || len(skipped) > 0 {
			b.WriteString("\n草稿内容未变，未生成新版本。")
		}
		return b.String()
	}
	fmt.Fprintf(&b, "\n已存为第 %d 版，须经人工审核后方可发布：\n\n", nd.Version)
	return b.String()
}

// reviseJob is the worker's Revise (explain.Worker): the instructions that
// rode on a request (就写强拆那个 八百字左右 当事人名字隐掉) made, without a
// model, as a revision of the first version just written, with what was
// done and what could not be, before the draft sent.
func (h *explainHandlers) reviseJob(ctx context.Context, job explain.Job, d *explain.Draft) (string, *explain.Draft, error) {
	instr := strings.TrimSpace(job.Revise)
	eds, skipped, ok := offlineEditsOf(instr)
	if !ok {
		return fmt.Sprintf("初稿已生成（第 %d 版）。您的要求“%s”需要改写语句，本系统未配置大模型，离线无法处理，请在稿上人工修改；%s\n\n", d.Version, instr, offlineCan), nil, nil
	}
	steps, nd, err := h.ex.ReviseDraftOffline(ctx, d, eds, job.User, instr, job.ID+":revise")
	if err != nil {
		return "", nil, err
	}
	md := offlineReport(fmt.Sprintf("初稿已生成（第 %d 版），并按您的要求“%s”离线修改（本系统未配置大模型）", d.Version, instr), eds, steps, skipped, nd)
	if nd == nil {
		md += "\n以下为初稿：\n\n"
	}
	return md, nd, nil
}

// editLabel names an offline edit in a list of what was done.
func editLabel(e explain.Edit) string {
	switch e.Kind {
	case explain.EditAnonymize:
		return "隐名"
	case explain.EditShorten:
		return "压缩篇幅"
	case explain.EditTitles:
		return "备选标题"
	case explain.EditStatutes:
		return "法条原文"
	case explain.EditDrop:
		return "删去段落"
	case explain.EditRetitle:
		return "改标题"
	case explain.EditAddLaw:
		return "加上法条"
	case explain.EditAgency:
		if e.Agency != "" {
			return "隐去“" + e.Agency + "”的名称"
		}
		return "隐去单位名称"
	}
	return string(e.Kind)
}

var (
	// quotedTitleRe is a new title given in quotes, which may hold the
	// words a compound instruction is split on (标题改成“罚之前，先听申辩”).
	quotedTitleRe = regexp.MustCompile(`(?:标题|题目)(?:就|直接)?(?:改成|改为|换成|定为|定成|改叫|就叫|叫做|叫|写成|用)(?:这个|这样)?[：:，,\s]*[“"「『]([^”"」』]+)[”"」』]`)
	// bareTitleRe is the verb of a new title given without quotes: the
	// title runs to the next separator (标题改成 程序违法的代价 并删掉第三段).
	bareTitleRe = regexp.MustCompile(`(?:标题|题目)(?:就|直接)?(?:改成|改为|换成|定为|定成|改叫|就叫|叫做|写成)[：:\s]*`)
	// instrSepRe separates the edits of one instruction (隐去单位名，压到300字;
	// 去掉法条 再短一点; 标题改成X并删掉第三段).
	instrSepRe = regexp.MustCompile(`[，,。；;！!、\s]+|并且|然后|同时|另外|还有|顺便|以及|并`)
	// againRe starts another edit after one (去掉法条再短一点).
	againRe = regexp.MustCompile(`(\S)再(短|压|精简|缩|删|去掉|把|改|加|隐)`)
	// fillerRe is a piece that asks nothing (太长了 is shortening, read as such).
	fillerRe = regexp.MustCompile(`^(?:好的?|行|嗯|吧|啊|呢|哈|谢谢|麻烦了?|辛苦了?|帮我|请|一下|这篇|那篇|上面那篇|稿子|草稿|这个|那个|[0-9]+号?(?:那篇|那个|的)?)$`)
)

// offlineEditsOf reads an instruction that may ask several edits (隐去单位名
// 压到300字; 去掉法条 再短一点; 标题改成X 并删掉第三段): each piece read as
// one edit, in the order given; a piece that only gives the agency's phrase
// (就说某执法部门) goes with the agency edit, two of the same length kind
// (太长了 压到两百字以内) are one. skipped are the pieces no fixed
// operation meets, said to the user as not done. ok is false when no
// piece is an offline edit.
func offlineEditsOf(instr string) (eds []explain.Edit, skipped []string, ok bool) {
	var titles []string
	text := quotedTitleRe.ReplaceAllStringFunc(instr, func(m string) string {
		titles = append(titles, quotedTitleRe.FindStringSubmatch(m)[1])
		return fmt.Sprintf("\x01%d\x01", len(titles)-1)
	})
	text = bareTitleRe.ReplaceAllStringFunc(text, func(m string) string { return "\x02" })
	text = againRe.ReplaceAllString(text, "$1，再$2")
	phrase := ""
	for _, raw := range instrSepRe.Split(text, -1) {
		p := strings.TrimSpace(raw)
		if p == "" {
			continue
		}
		var e explain.Edit
		good := false
		switch {
		case strings.HasPrefix(p, "\x01"):
			var i int
			fmt.Sscanf(strings.Trim(p, "\x01"), "%d", &i)
			e, good = explain.Edit{Kind: explain.EditRetitle, Title: titles[i]}, true
		case strings.Contains(p, "\x02"):
			_, title, _ := strings.Cut(p, "\x02")
			e, good = offlineEditOf("标题改成" + title)
			p = "标题改成" + title
		case lawAskRe.MatchString(p):
			// 负责人出庭是哪条来着: the article the table holds for it, added;
			// one it does not hold is said as not done, never guessed.
			e, good = lawEditOf(p)
		default:
			e, good = offlineEditOf(p)
		}
		if !good {
			if m := agencyPhraseRe.FindStringSubmatch(numeral.ASCIIDigits(p)); m != nil {
				phrase = m[1] // 就说某执法部门: the phrase of the agency edit asked around it
				continue
			}
			if fillerRe.MatchString(p) {
				continue
			}
			skipped = append(skipped, p)
			continue
		}
		if n := len(eds); n > 0 && eds[n-1].Kind == e.Kind && (e.Kind == explain.EditShorten || e.Kind == explain.EditAgency) {
			last := &eds[n-1]
			if e.Limit > 0 {
				last.Limit = e.Limit
			}
			if e.Phrase != "" {
				last.Phrase = e.Phrase
			}
			last.Court = last.Court || e.Court
			continue
		}
		eds = append(eds, e)
	}
	if phrase != "" {
		has := false
		for _, e := range eds {
			has = has || e.Kind == explain.EditAgency
		}
		if !has {
			eds = append(eds, explain.Edit{Kind: explain.EditAgency, Phrase: phrase})
		}
		for i := range eds {
			if eds[i].Kind == explain.EditAgency && eds[i].Phrase == "" {
				eds[i].Phrase = phrase
			}
		}
	}
	if len(eds) == 0 {
		e, ok := offlineEditOf(instr)
		if !ok {
			return nil, nil, false
		}
		return []explain.Edit{e}, nil, true
	}
	return eds, skipped, true
}

// lawAskRe asks which article says something (负责人出庭是哪条来着, 依据是
// 哪一条, 法律上怎么规定的).
var lawAskRe = regexp.MustCompile(`哪一?条|第几条|什么(?:规定|法条|条文|依据)|哪个(?:规定|法条|条文)|依据是|怎么规定|哪部法`)

// lawTopics are the articles a question about a draft may ask and the bot
// can answer from its own rules (DOMAIN.md, 法释〔2020〕3号): what it is
// about, the article with its text, and the answer said in chat.
var lawTopics = []struct {
	re            *regexp.Regexp
	law, text, an string
}{
	{regexp.MustCompile(`负责人.{0,6}(?:出庭|应诉)|出庭应诉|出庭`),
		"《中华人民共和国行政诉讼法》第三条第三款", "被诉行政机关负责人应当出庭应诉。不能出庭的，应当委托行政机关相应的工作人员出庭。",
		"行政机关负责人出庭应诉的规定是《中华人民共和国行政诉讼法》第三条第三款：“被诉行政机关负责人应当出庭应诉。不能出庭的，应当委托行政机关相应的工作人员出庭。”" +
			"具体规则见《最高人民法院关于行政机关负责人出庭应诉若干问题的规定》（法释〔2020〕3号）：负责人包括正职、副职等（第二条），不能出庭的理由限于不可抗力、意外事件等正当理由（第八、九条），" +
			"负责人无正当理由不出庭的，法院应当向监察机关、上一级行政机关提出司法建议（第十二条）。"},
}

// lawOf is the topic a question about an article asks, ok false when the
// table holds none for it.
func lawOf(text string) (law, lawText, answer string, ok bool) {
	if !lawAskRe.MatchString(text) {
		return "", "", "", false
	}
	for _, t := range lawTopics {
		if t.re.MatchString(text) {
			return t.law, t.text, t.an, true
		}
	}
	return "", "", "", false
}

// lawEditOf is the edit a question about an article asks: that article
// added to the draft's 相关法条.
func lawEditOf(piece string) (explain.Edit, bool) {
	law, text, _, ok := lawOf(piece)
	if !ok {
		return explain.Edit{}, false
	}
	return explain.Edit{Kind: explain.EditAddLaw, Law: law, LawText: text}, true
}

// lawAnswer answers, before the revision, a question about an article an
// instruction holds (再加一句法条 负责人出庭是哪条来着); "" when it asks none
// the table answers.
func lawAnswer(instr string) string {
	for _, p := range instrSepRe.Split(instr, -1) {
		if _, _, an, ok := lawOf(p); ok {
			return an + "\n\n"
		}
	}
	return ""
}

// aboutLength reports whether an instruction asks for about a length
// (八百字左右, 500字上下, 大约300字) rather than at most one (300字以内).
func aboutLength(t string) bool {
	for _, w := range []string{"左右", "上下", "大约", "大概", "差不多"} {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}
