package handlers

import (
	"regexp"

	"casebot/bot"
	"casebot/bot/intent"
)

// detailRe asks for more detail about what was just listed (详细点, 说具体
// 一点, 展开说说, 详情呢), naming nothing itself.
var detailRe = regexp.MustCompile(`^(?:请|麻烦|那)?(?:再)?(?:说|讲)?(?:得)?(?:详细|具体|仔细)(?:点|一点|一些|些)?(?:说说|讲讲|看看|说一下|讲一下)?(?:吧|呢|嘛|哈|啊)?[。！!？?~～]*$|^(?:展开说说|展开讲讲|看看详情|详情|详情呢|具体情况呢|具体呢|细说)[。！!？?]*$`)

// moreDetail answers 详细点 after a list: the one item in full when the
// list had one, else which one to open; it reports false when there is no
// list to speak of, so the message is read as any other.
func (s *service) moreDetail(c bot.Context, text string, u *intent.Understanding, last *lastQuestion) (bool, error) {
	if u.Kind == intent.Explain || !detailRe.MatchString(text) {
		return false, nil // 写详细点 under a draft is a revision
	}
	if last != nil && len(last.Shown) == 1 {
		// One case was shown: its card in full.
		*u = intent.Understanding{Kind: intent.Case, Numbers: append([]string(nil), last.Shown...)}
		return false, nil
	}
	p, err := s.loadPage(c)
	if err != nil {
		return false, err
	}
	if p == nil || len(p.Items) == 0 {
		// Nothing listed to open: ask, rather than read 一点 as 13:00.
		return true, c.Reply("请问您想看哪个案件的详情？请发送案号（例如 " + s.example(c.Now()) + "），或先查出案件再说“详细点”。")
	}
	if p.Kind != listHearings && p.Kind != listCases {
		return false, nil
	}
	if len(p.Items) == 1 {
		*u = intent.Understanding{Kind: intent.Pick, Ordinal: 1}
		return false, nil // answered as 第一个 by the pick below
	}
	return true, c.Reply("请问要看哪一件的详情？请回复序号（如“第2个”）或案号。")
}
