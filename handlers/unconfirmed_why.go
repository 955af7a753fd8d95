package handlers

import (
	"fmt"
	"regexp"
	"strings"

	"casebot/bot"
	"casebot/bot/cases"
	"casebot/bot/people"
	"casebot/reminders"
)

// whyUnconfirmedRe asks why nobody has confirmed a hearing's reminder
// (为什么没人确认, 怎么还没人确认, 为啥没确认): besides the card's state,
// whether the reminder can reach anyone of the agency at all.
var whyUnconfirmedRe = regexp.MustCompile(`(?:为什么|为啥|怎么|咋|为何)(?:还|一直|都)?(?:没有?人|没|未)(?:点)?(?:确认|回复|回)`)

// unreachedNote says of hearing h (nil: the case's next), from the
// reminders' own choice of recipients
// (reminders.Directory.Recipients), who of the case's defendant agencies
// the hearing's reminder goes to, and plainly when the directory holds
// no head or no 承办人 of an agency, so the card has nobody there to
// confirm it; then whom to call. "" when everyone is reachable.
func (s *service) unreachedNote(c bot.Context, cs *cases.Case, h *cases.Hearing) (string, error) {
	if h == nil {
		h = cs.NextHearing(c.Now())
	}
	if h == nil || !h.At.After(c.Now()) {
		return "", nil // a hearing held or none: the state said is the answer
	}
	dir, err := s.st.People(c.Ctx())
	if err != nil {
		return "", err
	}
	recips, _ := reminders.NewDirectory(dir).Recipients(cs, *h)
	var gaps []string
	for _, a := range cs.Defendants {
		heads, handlers := 0, 0
		for _, r := range recips {
			if r.Agency != a {
				continue
			}
			if r.Role == people.Head {
				heads++
			} else {
				handlers++
			}
		}
		switch {
		case heads == 0 && handlers == 0:
			gaps = append(gaps, fmt.Sprintf("人员名单中未登记%s的负责人和承办人，提醒发不到该单位，卡片上也就无人能确认", a))
		case heads == 0:
			gaps = append(gaps, fmt.Sprintf("人员名单中未登记%s的负责人，提醒只能发给该单位的承办人，负责人本人收不到", a))
		case handlers == 0:
			gaps = append(gaps, fmt.Sprintf("人员名单中未登记%s的承办人（提醒已按名单发给该单位负责人）", a))
		}
	}
	if head := strings.TrimSpace(h.Head); head == "" {
		gaps = append(gaps, "台账未填写这场开庭的出庭负责人")
	}
	if len(gaps) == 0 {
		return "", nil
	}
	call := "请应诉专班电话联系" + strings.Join(cs.Defendants, "、")
	if cs.Handler != "" {
		call += "（台账登记的承办人：" + cs.Handler + "）"
	}
	call += "确认出庭人；管理员添加人员后，之后的提醒即可送达，格式：" + usageAdd
	return strings.Join(gaps, "；") + "。\n\n" + call + "。", nil
}

// withWhyUnconfirmed appends, when the message asks why nobody confirmed,
// what keeps the hearing's reminder from reaching its agency.
func (s *service) withWhyUnconfirmed(c bot.Context, fact string, cs *cases.Case, h *cases.Hearing) (string, error) {
	if !whyUnconfirmedRe.MatchString(c.Message().Text) {
		return fact, nil
	}
	why, err := s.unreachedNote(c, cs, h)
	if err != nil || why == "" {
		return fact, err
	}
	return fact + "\n\n" + why, nil
}
