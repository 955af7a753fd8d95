package handlers

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/intent"
)

// The last answer asked again as running text (帮我写成一段话 我直接贴材料里,
// 整理成文字): staff paste figures and lists into their own reports. Read
// as a query, the words were filters no list could apply. The question is
// answered again, from the ledger as it is now, and its markdown laid out
// as one paragraph: marks, card quotes and list numbers removed, the lines
// joined.

// proseAskRe asks for the last answer as running text.
var proseAskRe = regexp.MustCompile(`(?:写成|整理成|改成|弄成|变成|换成|转成|出|给我)(?:一段|一段话|段落|一段文字|文字|一句话|材料|文字材料|通顺的话)|` +
	`(?:贴|放|用)(?:到|进|在)?(?:材料|报告|汇报)里`)

// proseMarkRe are what running text leaves out: WeCom markdown marks.
var proseMarkRe = regexp.MustCompile(`</?font[^>]*>|\*\*|^#+\s*|^>\s*|^\d+\.\s*|^[-·]\s*`)

// proseOfLast answers a request for the last answer as running text. It
// reports whether it answered.
func (s *service) proseOfLast(c bot.Context, text string, prev *lastQuestion) (bool, error) {
	t := intent.Normalize(text)
	if prev == nil || !proseAskRe.MatchString(t) || utf8.RuneCountInString(t) > 30 {
		return false, nil
	}
	switch prev.U.Kind {
	case intent.Rates, intent.Count, intent.Cases, intent.Hearings, intent.Case, intent.Deadlines:
	default:
		return false, nil // a draft or a notice has its own editor
	}
	a, err := s.answerFor(c, prev.U, prev)
	if err != nil || a.md == "" {
		return false, err
	}
	a.md = "以下是可直接粘贴的文字（按台账当前数据，请核对后使用）：\n\n" + prose(a.md)
	for i := range a.claims {
		a.claims[i].Text = prose(a.claims[i].Text)
	}
	a.outcome, a.noEcho, a.detail = audit.Answered, true, "prose"
	return true, s.recordAndReply(c, prev.U, a)
}

// prose lays markdown out as one paragraph: each line's marks removed, the
// lines joined, a line that ends without punctuation closed with “；”, and
// the comment lines (口径…) and paging hints left out.
func prose(md string) string {
	var b strings.Builder
	for _, l := range strings.Split(md, "\n") {
		if strings.Contains(l, `color="comment"`) || strings.Contains(l, "回复“更多”") || strings.Contains(l, "回复“第N个”") {
			continue
		}
		l = strings.TrimSpace(l)
		for {
			m := proseMarkRe.ReplaceAllString(l, "")
			if m == l {
				break
			}
			l = strings.TrimSpace(m)
		}
		if l == "" {
			continue
		}
		b.WriteString(l)
		if r, _ := utf8.DecodeLastRuneInString(l); !strings.ContainsRune("。；：！？，", r) {
			b.WriteString("；")
		}
	}
	out := b.String()
	if strings.HasSuffix(out, "；") {
		out = strings.TrimSuffix(out, "；") + "。"
	}
	return out
}
