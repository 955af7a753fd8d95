// Package scope decides who may see which case and how plaintiffs' names
// are shown to them. Every path that shows a case to a person (chat
// answers, reminders, bulletins) goes through it, so the rule lives once.
package scope

import (
	"fmt"
	"strings"

	"casebot/bot/agency"
	"casebot/bot/cases"
	"casebot/bot/people"
	"casebot/bot/privacy"
	"casebot/config"
)

// Policy is the scoping rule.
type Policy struct {
	fullNames map[people.Role]bool
	// agencies compares agency names, so a head registered with 某县市场监管局
	// sees the cases of 某县市场监督管理局.
	agencies agency.Names
}

// New builds the policy from configuration.
func New(cfg config.Scope) (Policy, error) {
	p := Policy{fullNames: map[people.Role]bool{}}
	for _, r := range cfg.FullNameRoles {
		role, err := people.ParseRole(r)
		if err != nil {
			return p, fmt.Errorf("配置 scope.full_name_roles：%w", err)
		}
		p.fullNames[role] = true
	}
	names, err := agency.New(cfg.AgencyAliases)
	if err != nil {
		return p, fmt.Errorf("配置 scope.agency_aliases：%w", err)
	}
	p.agencies = names
	return p, nil
}

// Default is the policy of the default configuration.
func Default() Policy {
	p, _ := New(config.Default().Scope)
	return p
}

// CanSee reports whether viewer may see case c: admin and staff see every
// case; heads and handlers their own agency's and every case that names
// them (Named); the 普法 team closed cases only; an unknown user (nil)
// nothing.
func (p Policy) CanSee(viewer *people.Person, c *cases.Case) bool {
	if viewer == nil || c == nil {
		return false
	}
	switch viewer.Role {
	case people.Admin, people.Staff:
		return true
	case people.Head, people.Handler:
		return p.OwnAgency(viewer, c) || Named(viewer, c)
	case people.Pufa:
		return !c.Open()
	}
	return false
}

// Named reports whether case c names viewer as its 承办人 or as the 出庭负责人
// of one of its hearings not cancelled (as the store's person index does), so
// that a head or handler sees a case of another agency they are named on
// (the county government's head heading a 镇政府 or 自然资源局 hearing, a
// 市监局 handler handling a 卫健局 case), and can be answered about it.
//
// The ledger writes names, not directory accounts, so a name is matched
// exactly (spaces trimmed) against viewer's directory name, and only when
// the name is viewer's alone (SoleName: nobody else in the directory has
// it). When two people of the directory share a name, a case of a third
// agency naming it could be either's, and neither gains it; on their own
// agency's cases each sees it anyway. The rule is the same for heads and
// handlers, whichever role the case names them in.
func Named(viewer *people.Person, c *cases.Case) bool {
	if viewer == nil || !viewer.SoleName || c == nil {
		return false
	}
	name := strings.TrimSpace(viewer.Name)
	if name == "" {
		return false
	}
	if strings.TrimSpace(c.Handler) == name {
		return true
	}
	for _, h := range c.Hearings {
		if !h.Cancelled && strings.TrimSpace(h.Head) == name {
			return true
		}
	}
	return false
}

// OwnAgency reports whether one of c's defendants is viewer's agency, as
// the agency names compare (see package agency).
func (p Policy) OwnAgency(viewer *people.Person, c *cases.Case) bool {
	if viewer == nil || viewer.Agency == "" {
		return false
	}
	for _, d := range c.Defendants {
		if p.agencies.Same(d, viewer.Agency) {
			return true
		}
	}
	return false
}

// Agencies returns the agency-name comparison the policy uses.
func (p Policy) Agencies() agency.Names { return p.agencies }

// FullNames reports whether viewer sees natural persons' full names.
func (p Policy) FullNames(viewer *people.Person) bool {
	return viewer != nil && p.fullNames[viewer.Role]
}

// PartyName shows one party to viewer: organisations as they are, natural
// persons in full or as 张某.
func (p Policy) PartyName(viewer *people.Person, party cases.Party) string {
	if !party.Natural || p.FullNames(viewer) {
		return party.Name
	}
	return privacy.MaskName(party.Name)
}

// Plaintiffs shows a case's plaintiffs to viewer, joined by 、.
func (p Policy) Plaintiffs(viewer *people.Person, c *cases.Case) string {
	names := make([]string, len(c.Plaintiffs))
	for i, pt := range c.Plaintiffs {
		names[i] = p.PartyName(viewer, pt)
	}
	return strings.Join(names, "、")
}
