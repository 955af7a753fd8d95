package handlers

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

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
	shortenRe   = regexp.MustCompile(`改短|缩短|精简|压缩|删减|简短|简化|短一点|短一些|短些|短点|写短|再短|太长|字以内|字之内|字以下|字左右|字上下`)
	titlesRe    = regexp.MustCompile(`标题|题目`)
	titlesNotRe = regexp.MustCompile(`去掉|删掉|删了|不要|别要`)
	statutesRe  = regexp.MustCompile(`(?:法条|条文|法律依据|法律规定)(?:的)?(?:原文|全文|内容|具体内容)|(?:加上|加|附上|附|补充|补上|引用|列出|写上)(?:一段|一下|上)?(?:相关的?|具体的?)?(?:法条|条文|法律条文|法律依据)|(?:法条|条文)(?:也|都)?(?:加上|附上|补上|加进去|列出来|写上)`)
	// limitRe is the length asked for (500字, 五百字以内, 1000字左右).
	limitRe = regexp.MustCompile(`([0-9]+|[零一二两三四五六七八九十百千]+)\s*(?:个)?字`)
)

// offlineEditOf reads a revision instruction as an offline edit: its kind
// and, for a length, the limit asked (0: none given). ok is false for an
// instruction that needs the model.
func offlineEditOf(instr string) (explain.EditKind, int, bool) {
	t := numeral.ASCIIDigits(strings.ReplaceAll(instr, " ", ""))
	if modelOnlyRe.MatchString(t) {
		return "", 0, false
	}
	switch {
	case anonymizeRe.MatchString(t):
		return explain.EditAnonymize, 0, true
	case statutesRe.MatchString(t):
		return explain.EditStatutes, 0, true
	case titlesRe.MatchString(t) && !titlesNotRe.MatchString(t):
		return explain.EditTitles, 0, true
	case shortenRe.MatchString(t):
		limit := 0
		if m := limitRe.FindStringSubmatch(t); m != nil {
			if n, err := strconv.Atoi(m[1]); err == nil {
				limit = n
			} else if n, ok := numeral.Parse(m[1]); ok {
				limit = int(n)
			}
		}
		return explain.EditShorten, limit, true
	}
	return "", 0, false
}

// offlineCan says what can be done without a model, for an instruction
// that needs one.
const offlineCan = "不用大模型可以做的修改：“把名字都去掉”（按隐名规则重新核查）、“压缩到500字”（删去摘录、各节保留要点）、“给三个标题”、“加上法条原文”（附本系统法条表收录的条文原文）。"

// offlineEdit makes the offline revision e of the newest draft of number.
func (h *explainHandlers) offlineEdit(c bot.Context, number string, e explain.EditKind, limit int, instr string) error {
	res, err := h.ex.ReviseOffline(c.Ctx(), number, e, limit, c.UserID(), instr)
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
