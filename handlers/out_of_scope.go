package handlers

import (
	"context"
	"strings"

	"casebot/bot/people"
)

// A case asked for by number that the asker may not see is not said to be
// missing: a head told “没有找到” of the case they are due in court for
// stays away. The answer says instead that it is outside what they may see
// and whom to ask, and nothing of the case beyond its number. That the
// number exists is told; its parties, agency, dates and state are not. A
// number in no ledger is said to be so, with the nearest numbers the asker
// may see.

// unseen splits numbers the asker cannot see into those the ledger holds
// (hidden: outside their scope) and those it does not (absent).
func (s *service) unseen(ctx context.Context, numbers []string) (hidden, absent []string, err error) {
	raws, err := s.st.GetManyRaw(ctx, numbers)
	if err != nil {
		return nil, nil, err
	}
	for i, n := range numbers {
		if raws[i] != nil {
			hidden = append(hidden, n)
		} else {
			absent = append(absent, n)
		}
	}
	return hidden, absent, nil
}

// outOfScope tells viewer that the cases what names are not theirs to see,
// what they may see, and whom to ask.
func outOfScope(viewer *people.Person, what string) string {
	return what + "不在您可以查看的范围内：" + scopeWords(viewer) + "如需了解该案，请联系司法局应诉专班。"
}

// scopeWords says what viewer may see, as a sentence.
func scopeWords(viewer *people.Person) string {
	switch {
	case viewer == nil:
		return ""
	case viewer.Role == people.Pufa:
		return "普法组可以查看已结案件。"
	case viewer.Role == people.Head || viewer.Role == people.Handler:
		own := "贵单位"
		if viewer.Agency != "" {
			own += "（" + viewer.Agency + "）"
		}
		return "您可以查看" + own + "的案件，以及台账中列您为出庭负责人或承办人的其他单位案件。"
	}
	return ""
}

// absentText says the numbers are in no ledger; short, when set, is the
// number as written and the numbers what it was completed to.
func absentText(short string, numbers []string) string {
	if short != "" {
		return "台账中没有案件“" + short + "”（按今年及本地法院补全为 " + strings.Join(numbers, "、") + "）。"
	}
	return "台账中没有案件 " + strings.Join(numbers, "、") + "。"
}
