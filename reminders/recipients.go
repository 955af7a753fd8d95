package reminders

import (
	"sort"
	"strings"

	"casebot/bot/cases"
	"casebot/bot/people"
)

// Directory is a snapshot of the people directory, indexed for the sweep.
type Directory struct {
	byAgency map[string][]*people.Person
	byID     map[string]*people.Person
	staff    []*people.Person
}

// NewDirectory indexes ps.
func NewDirectory(ps []*people.Person) *Directory {
	d := &Directory{byAgency: map[string][]*people.Person{}, byID: map[string]*people.Person{}}
	sorted := append([]*people.Person(nil), ps...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].UserID < sorted[j].UserID })
	for _, p := range sorted {
		d.byID[p.UserID] = p
		if p.Agency != "" {
			d.byAgency[p.Agency] = append(d.byAgency[p.Agency], p)
		}
		if p.Role == people.Staff {
			d.staff = append(d.staff, p)
		}
	}
	return d
}

// Person returns the entry of a userid, or nil.
func (d *Directory) Person(userID string) *people.Person { return d.byID[userID] }

// Staff returns the bureau staff (role staff), by userid.
func (d *Directory) Staff() []*people.Person { return d.staff }

// Agency returns an agency's people, by userid.
func (d *Directory) Agency(agency string) []*people.Person { return d.byAgency[agency] }

// Recipient is someone a hearing's reminders go to.
type Recipient struct {
	Person *people.Person
	// Role is why they get it: people.Head (the one who appears) or
	// people.Handler (the agency's 承办人, copied).
	Role   people.Role
	Agency string
}

// Problem is a recipient a hearing's reminders cannot reach, for staff.
type Problem struct {
	Agency string
	// What is missing, in the words staff read.
	Text string
}

// Recipients returns who is reminded of hearing h of case c, heads first:
//   - the hearing's 出庭负责人 when Head names a person of a defendant agency
//     in the directory; otherwise every head (role head) of each defendant
//     agency;
//   - the 承办人 of the same agencies, copied: the case's 承办人 when the
//     name matches a person of the agency, else every handler (role
//     handler) of the agency.
//
// Someone missing from the directory is returned as a Problem, never
// skipped in silence.
func (d *Directory) Recipients(c *cases.Case, h cases.Hearing) ([]Recipient, []Problem) {
	var out []Recipient
	var problems []Problem
	seen := map[string]bool{}
	add := func(p *people.Person, role people.Role, agency string) {
		if !seen[p.UserID] {
			seen[p.UserID] = true
			out = append(out, Recipient{Person: p, Role: role, Agency: agency})
		}
	}

	agencies := c.Defendants
	head := strings.TrimSpace(h.Head)
	if head != "" {
		var named []Recipient
		for _, a := range c.Defendants {
			for _, p := range d.byAgency[a] {
				if p.Name == head {
					named = append(named, Recipient{Person: p, Role: people.Head, Agency: a})
				}
			}
		}
		if len(named) > 0 {
			// The named head's agencies are the ones that appear (共同被告
			// agree on who appears, 法释〔2020〕3号 第3条).
			agencies = nil
			for _, r := range named {
				add(r.Person, people.Head, r.Agency)
				if !contains(agencies, r.Agency) {
					agencies = append(agencies, r.Agency)
				}
			}
		} else {
			problems = append(problems, Problem{Text: "出庭负责人“" + head + "”不在被告单位的通讯录中，已改为提醒被告单位的负责人"})
		}
	}
	if len(out) == 0 {
		for _, a := range agencies {
			n := 0
			for _, p := range d.byAgency[a] {
				if p.Role == people.Head {
					add(p, people.Head, a)
					n++
				}
			}
			if n == 0 {
				problems = append(problems, Problem{Agency: a, Text: a + " 在通讯录中没有负责人"})
			}
		}
	}

	handler := strings.TrimSpace(c.Handler)
	for _, a := range agencies {
		var named, all []*people.Person
		for _, p := range d.byAgency[a] {
			if handler != "" && p.Name == handler {
				named = append(named, p)
			}
			if p.Role == people.Handler {
				all = append(all, p)
			}
		}
		if len(named) == 0 {
			named = all
		}
		for _, p := range named {
			add(p, people.Handler, a)
		}
		if len(named) == 0 {
			problems = append(problems, Problem{Agency: a, Text: a + " 在通讯录中没有承办人"})
		}
	}
	return out, problems
}

// byRole splits recipients into the heads and the 承办人, in order.
func byRole(rs []Recipient) (heads, handlers []Recipient) {
	for _, r := range rs {
		if r.Role == people.Head {
			heads = append(heads, r)
		} else {
			handlers = append(handlers, r)
		}
	}
	return heads, handlers
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
