package reminders

import (
	"context"
	"sort"
	"strings"
	"time"

	"casebot/bot/cases"
	"casebot/bot/people"
)

// Directory is a snapshot of the people directory, indexed for the sweep.
type Directory struct {
	byAgency map[string][]*people.Person
	byID     map[string]*people.Person
	byName   map[string][]*people.Person
	staff    []*people.Person
}

// NewDirectory indexes ps.
func NewDirectory(ps []*people.Person) *Directory {
	d := &Directory{byAgency: map[string][]*people.Person{}, byID: map[string]*people.Person{}, byName: map[string][]*people.Person{}}
	sorted := append([]*people.Person(nil), ps...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].UserID < sorted[j].UserID })
	for _, p := range sorted {
		d.byID[p.UserID] = p
		d.byName[strings.TrimSpace(p.Name)] = append(d.byName[strings.TrimSpace(p.Name)], p)
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

// Recipients returns who is reminded of hearing h of case c, heads first,
// for each defendant agency of the case (共同被告 each answer the suit):
//   - the hearing's 出庭负责人 when Head names a person of a defendant agency
//     in the directory, for that agency; every head (role head) of each
//     other defendant agency; when Head names nobody of a defendant agency
//     but one head or handler of another (the county government's head
//     heading a 镇政府 hearing) and nobody else in the directory has that
//     name, that person too (scope.Named: they see the case);
//   - the 承办人 of every defendant agency, copied: the case's 承办人 when
//     the name matches a person of the agency, else every handler (role
//     handler) of the agency.
//
// Someone missing from the directory is returned as a Problem, never
// skipped in silence: an agency with nobody to remind is named.
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
	covered := map[string]bool{} // agencies whose named head is reminded
	if head != "" {
		for _, a := range c.Defendants {
			for _, p := range d.byAgency[a] {
				if p.Name == head {
					add(p, people.Head, a)
					covered[a] = true
				}
			}
		}
		if len(covered) == 0 {
			if ps := d.byName[head]; len(ps) == 1 && (ps[0].Role == people.Head || ps[0].Role == people.Handler) {
				add(ps[0], people.Head, ps[0].Agency) // named, of another agency; the defendants' heads are told as well
			} else {
				problems = append(problems, Problem{Text: "出庭负责人“" + head + "”不在被告单位的通讯录中，已改为提醒被告单位的负责人"})
			}
		}
	}
	for _, a := range agencies {
		if covered[a] {
			continue
		}
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

// Gap is an upcoming hearing whose reminders cannot all be delivered.
type Gap struct {
	Case string
	At   time.Time
	// Nobody is set when no one at all would be reminded.
	Nobody   bool
	Problems []Problem
}

// Gaps lists the hearings within the reminder horizon of now that have a
// recipient missing from the directory, for a dry run to warn about (the
// sweep reports them to staff, when the directory has staff to tell).
func (s *Service) Gaps(ctx context.Context, now time.Time) (dirEmpty bool, gaps []Gap, err error) {
	dir, _, err := s.directory(ctx)
	if err != nil {
		return false, nil, err
	}
	upcoming, _, err := s.window(ctx, now.In(s.loc))
	if err != nil {
		return false, nil, err
	}
	for _, sh := range upcoming {
		if !sh.Case.Open() {
			continue
		}
		rs, problems := dir.Recipients(sh.Case, sh.Hearing)
		if len(problems) > 0 || len(rs) == 0 {
			gaps = append(gaps, Gap{Case: sh.Case.Number, At: sh.Hearing.At, Nobody: len(rs) == 0, Problems: problems})
		}
	}
	return len(dir.byID) == 0, gaps, nil
}
