package handlers

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"casebot/bot"
	"casebot/bot/cases"
	"casebot/reminders"
)

// registerRemind wires the buttons of hearing reminder cards (确认出庭,
// 更换出庭人, 无法出庭, and 是/否 of the attendance question) and the
// follow-up questions they ask. It needs d.Reminders; without it the
// routes are not registered.
func registerRemind(b *bot.Bot, d Deps, s *service) {
	svc := d.Reminders
	if svc == nil {
		return
	}
	b.Button(reminders.KeyPrefix, func(c bot.Context) error {
		action, taskID, ok := reminders.ParseButtonKey(c.Message().EventKey)
		if !ok {
			return bot.Errorf(bot.EInvalid, "这个按钮已失效，请以最新的提醒为准。")
		}
		t, err := svc.Task(c.Ctx(), taskID)
		if errors.Is(err, reminders.ErrNoTask) {
			return bot.Errorf(bot.ENotFound, "这张提醒卡片已过期，请以最新的提醒为准。")
		}
		if err != nil {
			return err
		}
		out, err := svc.Click(c.Ctx(), t, c.UserID(), action, c.Now())
		if err != nil {
			return err
		}
		return follow(c, t, out)
	})
	for _, q := range []string{reminders.QuestionReplace, reminders.QuestionCannot,
		reminders.QuestionAnalysis, reminders.QuestionMeasures, reminders.QuestionReturn} {
		b.Await(q, answerRemind(svc, q, s.handleText))
	}
}

// follow carries out an Outcome: the card update, the question, the reply.
// The answer is recorded before the card is updated, so a card that can no
// longer be updated (the click's code expired) still leaves the question
// asked and the reply sent before the error is reported.
func follow(c bot.Context, t *reminders.Task, out reminders.Outcome) error {
	var cardErr error
	if out.Card != nil {
		cardErr = c.UpdateCard(out.Card)
	}
	if out.Await != "" {
		if err := c.Await(out.Await, t.ID); err != nil {
			return err
		}
	}
	if out.Reply != "" {
		if err := c.Reply(out.Reply); err != nil {
			return err
		}
	}
	return cardErr
}

// answerRemind handles the text answering question q. An unusable answer
// (a name not in the directory) keeps the question open. A message that
// is plainly no answer to a free-text question (孙局说117号他亲自出庭 帮我
// 登记一下 while 85号's 败诉原因分析 is awaited) goes to other, the
// understanding step, and the question stays open with a line saying so:
// it is never filed as the analysis.
func answerRemind(svc *reminders.Service, q string, other bot.HandlerFunc) bot.HandlerFunc {
	return func(c bot.Context) error {
		t, err := svc.Task(c.Ctx(), c.AwaitData())
		if errors.Is(err, reminders.ErrNoTask) {
			c.ClearAwait()
			return bot.Errorf(bot.ENotFound, "这张提醒卡片已过期，请以最新的提醒为准。")
		}
		if err != nil {
			return err
		}
		if (q == reminders.QuestionAnalysis || q == reminders.QuestionMeasures) && notAnAnswer(c.Message().Text, t.Case) {
			if err := other(c); err != nil {
				return err
			}
			part := map[string]string{reminders.QuestionAnalysis: "败诉原因分析", reminders.QuestionMeasures: "整改措施"}[q]
			return c.Reply(fmt.Sprintf("（%s的%s还在等您回复：直接发来即可，回复“取消”可放弃。）", shortNumber(t.Case), part))
		}
		out, err := svc.Answer(c.Ctx(), q, t, c.UserID(), c.Message().Text, c.Now())
		if err != nil {
			return err
		}
		if err := c.ClearAwait(); err != nil {
			return err
		}
		return c.Reply(out.Reply)
	}
}

// notAnAnswer reports whether text, sent while a free-text part of number's
// 整改 report is awaited, is plainly something else: it names another case,
// or it is a short question or request (查一下, 帮我登记, 几号开庭?). An
// analysis is a statement about the case; a long text is taken as one.
func notAnAnswer(text, number string) bool {
	t := strings.TrimSpace(text)
	if t == "取消" {
		return false
	}
	if num, err := cases.ParseCanonical(number); err == nil {
		for _, m := range caseSeqRe.FindAllStringSubmatch(t, -1) {
			if n, err := strconv.Atoi(m[1] + m[2]); err == nil && n != num.Seq {
				return true
			}
		}
	}
	return utf8.RuneCountInString(t) <= 40 && notAnalysisRe.MatchString(t)
}

var (
	// caseSeqRe finds a case named by its sequence (117号, 行初117, 复47).
	caseSeqRe = regexp.MustCompile(`(?:行初|行终|行审|行申|复)\s*(\d+)|(?:^|[^月\d])(\d+)\s*号`)
	// notAnalysisRe is a question or a request to the bot, not an analysis.
	// A complaint about the card itself (33号是钱坤办的啊 为啥推我这) is one too.
	notAnalysisRe = regexp.MustCompile(`[?？]|吗$|呢$|啊$|帮我|帮忙|查一下|查下|查查|登记一下|登一下|发我|给我看|是不是|能不能|可不可以|几号|什么时候|啥时候|谁|哪里|在哪|交到哪|怎么|如何|咋|` +
		`为啥|为什么|凭什么|干嘛|搞错|弄错|推我|找我|发给我干|不是我(?:办|管|负责)|是\p{Han}{2,3}(?:办|管|负责)的`)
)
