package handlers

import (
	"fmt"
	"strings"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/intent"
)

// reportedCase resolves the case a write told in free text names by a bare
// number (88号宣判了…): the number always wins over the case in focus. One
// case of the asker's → that case; several → they are listed and the bot
// asks which, changing nothing; none → it says so. done is true when the
// reply was sent here. A report whose number could not be read asks for
// the case too: falling back to the focus would write to the wrong case.
func (s *service) reportedCase(c bot.Context, up *intent.Update, what, usage string) (done bool, err error) {
	if up.Unread {
		if err := s.record(c, audit.Update, string(up.Kind), 0, nil, "案号无法识别：口述"+what); err != nil {
			return true, err
		}
		return true, c.Reply("没有看懂您说的是哪个案号，这次没有作任何修改。请写出案号（例如 " + s.example(c.Now()) + "），登记" + what + "请发送：" + usage)
	}
	if up.Seq == 0 {
		return false, nil
	}
	numbers, err := s.completeSeq(c.Ctx(), c.Person(), up.Seq, false, c.Now())
	if err != nil {
		return true, err
	}
	switch len(numbers) {
	case 1:
		up.Numbers = numbers
		return false, nil
	case 0:
		what := fmt.Sprintf("案号序号为 %d 的案件", up.Seq)
		msg := notFound(what)
		a := answer{md: msg + "这次没有作任何修改。请写出完整案号，例如 " + s.example(c.Now()) + "。", action: audit.Update,
			claims: []claim{{Text: msg, What: claimNumber, Numbers: s.seqCandidates(up.Seq, false, c.Now())}}}
		if err := s.recordAnswer(c, intent.Understanding{Kind: intent.Case, Seq: up.Seq, Anchored: true}, a, 0); err != nil {
			return true, err
		}
		return true, c.ReplyMarkdown(a.md)
	}
	lines := make([]string, len(numbers))
	for i, n := range numbers {
		lines[i] = fmt.Sprintf("%d. %s", i+1, n)
	}
	if err := s.record(c, audit.Update, string(up.Kind), 0, numbers, "多个案件：口述"+what); err != nil {
		return true, err
	}
	return true, c.ReplyMarkdown(fmt.Sprintf("序号为 %d 的案件有 %d 个，请写明是哪一个（发送完整案号或“行初%d”这样的简称），这次没有作任何修改：\n\n%s",
		up.Seq, len(numbers), up.Seq, strings.Join(lines, "\n")))
}
