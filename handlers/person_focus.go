package handlers

import (
	"slices"
	"strings"

	"casebot/bot"
	"casebot/bot/intent"
)

// personInFocus reads a directory question that names no one (企业微信是
// 哪个, 他企业微信是多少, 电话呢) as asked of the person the last answer was
// about (周洁, 孙强是谁, 王芳手上的案子): their directory entry, or that the
// directory holds no phone. Without a person in focus, or when the message
// names a case, a person or an agency of its own, ok is false.
func personInFocus(text string, u intent.Understanding, last *lastQuestion) (intent.Understanding, bool) {
	if last == nil || last.U.Person == "" || hasRef(u) || hasWho(u) || u.Agency != "" || !intent.AsksDirectory(text) {
		return u, false
	}
	m := intent.Understanding{Kind: intent.People, Person: last.U.Person, PersonRole: last.U.PersonRole,
		Contact: u.Contact || strings.Contains(text, "电话") || strings.Contains(text, "手机"), Filler: u.Filler, FollowUp: true, Anchored: true, Model: u.Model}
	return m, true
}

// sideOfFocus drops, from a field asked right after one case was shown, an
// agency that is one of that case's defendants (行初108 → 镇上谁出庭, 镇政府
// 那边派哪个): the question is about that case's hearing from that side, not
// a search of the agency's cases. A directory question (公安局负责人是谁,
// kind People) is never such a field: it asks the agency's people whatever
// case was shown, and without its agency it would have nothing to ask.
// The answer's fact then says what the
// ledger records (one 出庭负责人 per hearing, see coDefendantNote).
func (s *service) sideOfFocus(c bot.Context, u intent.Understanding, last *lastQuestion) (intent.Understanding, error) {
	if last == nil || len(last.Shown) != 1 || u.Aspect == "" || u.Kind == intent.People || hasRef(u) || len(u.Agencies) == 0 ||
		u.Party != "" || u.Person != "" || u.Mine != "" || !u.Period.IsZero() {
		return u, nil
	}
	switch last.U.Kind {
	case intent.Case, intent.Cases, intent.Count, intent.Pick:
	default:
		return u, nil
	}
	cs, err := s.visible(c.Ctx(), c.Person(), last.Shown, nil)
	if err != nil || len(cs) != 1 {
		return u, err
	}
	for _, a := range u.Agencies {
		if !slices.Contains(cs[0].Defendants, a) {
			return u, nil
		}
	}
	u.Agency, u.Agencies = "", nil
	return u, nil
}
