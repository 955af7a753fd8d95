package handlers

import (
	"slices"

	"casebot/bot"
	"casebot/bot/intent"
)

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
