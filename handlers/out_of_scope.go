package handlers

import (
	"context"
	"fmt"
	"strings"

	"casebot/bot"
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
	return what + "不在您可以查看的范围内：" + scopeWords(viewer) + "如需了解，请联系司法局应诉专班。"
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

// foreign reports whether q names agencies and viewer, a head or handler,
// belongs to none of them: a question of another agency's cases (市监局的
// 承办人 asking of 卫健局's), which viewer sees only where a case names them.
func (s *service) foreign(viewer *people.Person, q query) bool {
	if viewer == nil || viewer.Role != people.Head && viewer.Role != people.Handler || len(q.Agencies) == 0 {
		return false
	}
	for _, a := range q.Agencies {
		if s.ownAgency(viewer, a) {
			return false
		}
	}
	return true
}

// foreignAnswer answers a question of other agencies' cases (foreign) that
// nothing viewer may see answers, rather than a “没有” that reads as those
// agencies having none, or a none about viewer's own agency, which was not
// asked: those agencies' cases (what: 案件, 开庭, 统计) are outside viewer's
// scope, with the ones that name viewer (which they may open) by number;
// and a question of viewer's own cases there (我承办的) is answered when
// the ledger can say so of every case: none of those agencies names them.
// ok is false when the ledger has no case of those agencies at all: then
// the caller's none is true as it stands.
func (s *service) foreignAnswer(c bot.Context, q query, what string) (a answer, ok bool, err error) {
	ctx, viewer := c.Ctx(), c.Person()
	all, err := s.numbersOfAgencies(ctx, q.Agencies)
	if err != nil || len(all) == 0 {
		return answer{}, false, err
	}
	// A case of those agencies that viewer's own agency is party to (a joint
	// case: 某镇人民政府 beside 自然资源局) is viewer's to see: the caller's
	// none is then of cases viewer sees, and true as it stands.
	if own, err := s.visible(ctx, viewer, all, nil); err != nil || len(own) > 0 {
		return answer{}, false, err
	}
	agencies := joinNames(q.Agencies)
	var b []string
	if q.Person != "" && q.Person == viewer.Name {
		named, err := s.st.PersonNumbers(ctx, q.Person)
		if err != nil {
			return answer{}, false, err
		}
		in, err := s.inAgencies(ctx, q.Agencies, named)
		if err != nil {
			return answer{}, false, err
		}
		if len(in) == 0 {
			role := map[string]string{"head": "出庭负责人", "handler": "承办人"}[q.Role]
			if role == "" {
				role = "出庭负责人或承办人"
			}
			msg := fmt.Sprintf("台账中%s的案件没有列您（%s）为%s的。", agencies, viewer.Name, role)
			a.claims = append(a.claims, claim{Text: msg, What: claimCases, Q: query{Agencies: q.Agencies, Person: q.Person, Role: q.Role}})
			b = append(b, msg)
		}
	}
	line := outOfScope(viewer, agencies+"的"+what)
	seen, err := s.namedElsewhere(ctx, viewer, s.ownLedgerAgencies(c, viewer))
	if err != nil {
		return answer{}, false, err
	}
	if seen, err = s.inAgencies(ctx, q.Agencies, seen); err != nil {
		return answer{}, false, err
	}
	if len(seen) > 0 {
		line += fmt.Sprintf("\n\n%s的案件中，您可以查看的是列您为出庭负责人或承办人的 %s，回复案号即可查看。", agencies, strings.Join(seen, "、"))
		a.shown = seen
	}
	a.md = strings.Join(append(b, line), "\n\n")
	return a, true, nil
}
