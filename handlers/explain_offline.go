package handlers

import (
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
	anonymizeRe = regexp.MustCompile(`隐名|脱敏|匿名|(?:名字|姓名|人名|原告名|当事人名)(?:都|也|全|全部)?(?:去掉|删掉|删了|去了|隐去|隐掉|隐藏|别出现|不要出现|不出现|别写|不要写|不写|改成某|换成某|写成某)`)
	shortenRe   = regexp.MustCompile(`(?:控制在|压缩到|缩减到|缩到|精简到|删到|减到)[^，。]{0,6}字|改短|缩短|精简|压缩|删减|简短|简化|短一点|短一些|短些|短点|写短|再短|太长|字以内|字之内|字以下|字左右|字上下`)
	titlesRe    = regexp.MustCompile(`标题|题目`)
	titlesNotRe = regexp.MustCompile(`去掉|删掉|删了|不要|别要`)
	statutesRe  = regexp.MustCompile(`(?:法条|条文|法律依据|法律规定)(?:的)?(?:原文|全文|内容|具体内容)|(?:加上|加|附上|附|补充|补上|引用|列出|写上)(?:一段|一下|上)?(?:相关的?|具体的?)?(?:法条|条文|法律条文|法律依据)|(?:法条|条文)(?:也|都)?(?:加上|附上|补上|加进去|列出来|写上)`)
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
		return explain.Edit{Kind: explain.EditShorten, Limit: limit}, true
	}
	return explain.Edit{}, false
}

// offlineCan says what can be done without a model, for an instruction
// that needs one.
const offlineCan = "不用大模型可以做的修改：“把名字都去掉”（按隐名规则重新核查）、“压缩到500字”（删去摘录、各节保留要点）、“给三个标题”、“标题改成……”、“去掉第三段”或“删掉典型意义那段”、“加上法条原文”（附本系统法条表收录的条文原文）。"

// offlineEdit makes the offline revision e of the newest draft of number.
func (h *explainHandlers) offlineEdit(c bot.Context, number string, e explain.Edit, instr string) error {
	res, err := h.ex.ReviseOfflineEdit(c.Ctx(), number, e, c.UserID(), instr)
	var be *bot.Error
	switch {
	case errors.Is(err, explain.ErrNoDraft):
		if err := h.s.record(c, audit.Refused, "explain-offline-no-draft", 0, []string{number}, instr); err != nil {
			return err
		}
		return c.Reply(fmt.Sprintf("按“%s”修改：案件 %s 的草稿尚未生成完毕，请在收到草稿后再发一次。本系统未配置大模型，离线修改只对已有的草稿做固定处理，不改写语句。", instr, number))
	case errors.As(err, &be):
		return c.Reply(be.Message)
	case err != nil:
		return err
	}
	if err := h.s.record(c, audit.Query, "explain-offline-edit", 1, []string{number}, instr); err != nil {
		return err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "按“%s”离线修改（本系统未配置大模型）：%s。", instr, res.Done)
	if res.Left != "" {
		b.WriteString("\n" + res.Left)
	}
	if len(res.Titles) > 0 {
		b.WriteString("\n\n备选标题（草稿）：")
		for i, t := range res.Titles {
			fmt.Fprintf(&b, "\n%d. %s", i+1, t)
		}
	}
	if res.Draft == nil {
		return c.ReplyMarkdown(b.String())
	}
	if err := h.focus(c, draftFocus{Number: number}); err != nil {
		return err
	}
	fmt.Fprintf(&b, "\n已存为第 %d 版，须经人工审核后方可发布：\n\n", res.Draft.Version)
	b.WriteString(res.Draft.Render(c.Location()))
	return c.ReplyMarkdown(b.String())
}
