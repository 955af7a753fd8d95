package handlers

import (
	"fmt"
	"sort"
	"strings"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/intent"
	"casebot/bot/people"
	"casebot/bot/store"
)

// peopleAnswer answers a question about the directory (李文在名单里吗, 孙强
// 是什么职务, 吴敏的企业微信是哪个, 吴敏电话多少, 县政府名单里有哪些人) from
// the directory itself, never with the person's cases. The bureau (admins,
// staff, 普法) sees everyone; a head or handler sees the people of their own
// agency, and is told whom to ask about anyone else. The directory keeps no
// phone numbers: a phone asked for is said to be in the WeCom address book,
// with the account to find it by.
func (s *service) peopleAnswer(c bot.Context, u intent.Understanding) (answer, error) {
	viewer := c.Person()
	all, err := s.st.People(c.Ctx())
	if err != nil {
		return answer{}, err
	}
	names := s.scope.Agencies()
	sees := func(p *people.Person) bool {
		return viewer.Bureau() || viewer.Role == people.Pufa || (viewer.Agency != "" && names.Same(p.Agency, viewer.Agency))
	}
	a := answer{noEcho: true, action: audit.Query}
	name := u.Person
	if name == "" {
		name = u.Named
	}
	if name == "" {
		// An agency's people (县政府那边名单里有哪些人), or its heads
		// (公安局负责人是谁).
		heads := u.Aspect == intent.Head
		if len(u.Agencies) == 0 {
			// No agency was read (a carried context emptied it): asking is
			// true, a "未登记" would claim what was never looked up.
			a.md = "请问要查哪个单位的人员？例如：公安局负责人是谁、市监局名单里有哪些人。"
			return a, nil
		}
		var ps []*people.Person
		for _, p := range all {
			if containsAgency(u.Agencies, p.Agency, names.Same) && sees(p) && (!heads || p.Role == people.Head) {
				ps = append(ps, p)
			}
		}
		who, what := joinNames(u.Agencies), "人员"
		if heads {
			what = "负责人"
		}
		var b []string
		if len(ps) == 0 {
			b = append(b, fmt.Sprintf("人员名单中未登记%s的%s%s。需要添加请联系管理员，格式：%s", who, what, dirScopeNote(viewer), usageAdd))
		} else {
			sortPeople(ps)
			lines := []string{fmt.Sprintf("**人员名单中%s的%s**：共 %d 人（括号内为企业微信账号）", who, what, len(ps))}
			for _, p := range ps {
				lines = append(lines, "> "+personLine(p))
			}
			b = append(b, strings.Join(lines, "\n"))
			a.results = len(ps)
		}
		if heads && len(u.Agencies) > 0 {
			if line, err := s.ledgerHeads(c, u.Agencies[0]); err != nil {
				return answer{}, err
			} else if line != "" {
				b = append(b, line)
			}
		}
		a.md = strings.Join(b, "\n\n")
		return a, nil
	}
	var found, hidden []*people.Person
	for _, p := range all {
		if p.Name != name {
			continue
		}
		if sees(p) {
			found = append(found, p)
		} else {
			hidden = append(hidden, p)
		}
	}
	var b []string
	switch {
	case len(found) > 0:
		sortPeople(found)
		for _, p := range found {
			b = append(b, fmt.Sprintf("%s在人员名单中：%s（括号内为企业微信账号）。", p.Name, personLine(p)))
		}
		if u.Contact {
			ids := make([]string, len(found))
			for i, p := range found {
				ids[i] = p.UserID
			}
			b = append(b, fmt.Sprintf("人员名单不登记电话，请在企业微信通讯录中按账号 %s 查看。", strings.Join(ids, "、")))
		}
		a.results = len(found)
	case len(hidden) > 0:
		b = append(b, fmt.Sprintf("%s不是贵单位（%s）的人员，本机器人只向您提供本单位人员的名单信息；如需联系，请向司法局应诉专班了解。", name, viewer.Agency))
	default:
		b = append(b, fmt.Sprintf("%s不在本机器人的人员名单中。", name))
		if viewer.Bureau() {
			b = append(b, "如需添加，管理员可发送："+usageAdd)
		}
		if u.Person != "" {
			// The ledger names them (as 出庭负责人 or 承办人) though the
			// directory does not: say so, since reminders cannot reach them.
			numbers, err := s.st.PersonNumbers(c.Ctx(), name)
			if err != nil {
				return answer{}, err
			}
			cs, err := s.visible(c.Ctx(), viewer, numbers, nil)
			if err != nil {
				return answer{}, err
			}
			if len(cs) > 0 {
				b = append(b, fmt.Sprintf("台账中有 %d 件案件登记了%s（发送“%s的案件”查看）；不在名单中的人收不到开庭提醒。", len(cs), name, name))
			}
		}
		if u.Contact {
			b = append(b, "电话请在企业微信通讯录中查看。")
		}
	}
	a.md = strings.Join(b, "\n\n")
	return a, nil
}

func sortPeople(ps []*people.Person) {
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].Agency != ps[j].Agency {
			return ps[i].Agency < ps[j].Agency
		}
		return ps[i].Name < ps[j].Name
	})
}

// containsAgency reports whether one of names is the same agency as a.
func containsAgency(names []string, a string, same func(x, y string) bool) bool {
	for _, n := range names {
		if a != "" && same(n, a) {
			return true
		}
	}
	return false
}

// dirScopeNote says, to a head or handler, that only their agency's people
// were looked at.
func dirScopeNote(viewer *people.Person) string {
	if viewer.Bureau() || viewer.Role == people.Pufa {
		return ""
	}
	return "（仅查看贵单位人员）"
}

// ledgerHeads says who the ledger records as 出庭负责人 at the hearings of
// the cases agency is the first defendant of (the head named at a hearing
// is that agency's), most recent first, within the asker's scope: the
// directory may lack them, and a head asked after is often only there.
func (s *service) ledgerHeads(c bot.Context, agency string) (string, error) {
	numbers, _, err := s.st.AgencyNumbers(c.Ctx(), agency, store.Page{Limit: 200})
	if err != nil {
		return "", err
	}
	cs, err := s.visible(c.Ctx(), c.Person(), numbers, nil)
	if err != nil {
		return "", err
	}
	seen := map[string]bool{}
	var heads []string
	for _, cs := range cs {
		if len(cs.Defendants) == 0 || !s.scope.Agencies().Same(cs.Defendants[0], agency) {
			continue
		}
		for _, h := range cs.Hearings {
			if h.Cancelled || h.Head == "" || seen[h.Head] {
				continue
			}
			seen[h.Head] = true
			name := h.Head
			if h.HeadPost != "" {
				name += "（" + h.HeadPost + "）"
			}
			heads = append(heads, name)
		}
	}
	if len(heads) == 0 {
		return "", nil
	}
	return fmt.Sprintf("台账中%s开庭登记的出庭负责人：%s。", agency, strings.Join(heads, "、")), nil
}
