package directory

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"casebot/bot/agency"
	"casebot/bot/people"
)

// Member is one member of a WeCom department, as the address list has it.
type Member struct {
	UserID string
	Name   string
	Post   string
	// Leader is true when the address list marks the member as the
	// department's leader (部门负责人).
	Leader bool
}

// MemberSource lists the members of a WeCom department.
type MemberSource interface {
	Members(ctx context.Context, department int) ([]Member, error)
}

// MemberSourceFunc adapts a function to MemberSource.
type MemberSourceFunc func(ctx context.Context, department int) ([]Member, error)

// Members calls f.
func (f MemberSourceFunc) Members(ctx context.Context, department int) ([]Member, error) {
	return f(ctx, department)
}

// ParseDepartments reads config people.departments: 部门ID=单位 entries.
func ParseDepartments(entries []string) (map[int]string, error) {
	out := make(map[int]string, len(entries))
	for _, e := range entries {
		id, agency, ok := strings.Cut(e, "=")
		n, err := strconv.Atoi(strings.TrimSpace(id))
		agency = strings.TrimSpace(agency)
		if !ok || err != nil || n <= 0 || agency == "" {
			return nil, fmt.Errorf("部门映射“%s”格式不对，应写作 部门ID=单位，例如 12=某县市场监督管理局", e)
		}
		out[n] = agency
	}
	return out, nil
}

// SyncReport is the outcome of a sync.
type SyncReport struct {
	Members   int `json:"members"`
	Created   int `json:"created"`
	Updated   int `json:"updated"`
	Unchanged int `json:"unchanged"`
	// Kept are bureau people (管理员, 专班, 普法) found in a mapped
	// department: the sync never changes them.
	Kept   []string `json:"kept,omitempty"`
	Errors []string `json:"errors"`
	Notes  []string `json:"notes,omitempty"`
	// Written is false when nothing was written (errors, or a dry run).
	Written bool `json:"written"`
}

// Sync brings the directory in line with the configured departments of the
// WeCom address list: a member not in the directory is added with the
// department's agency, as head when the address list marks them as its
// leader and as role otherwise; a member already there keeps their role and
// gets the name, agency and post the address list has. Bureau people are
// never changed, and nobody is deleted (someone missing from a department
// may have moved; an admin removes people). Like an import, it writes every
// change in one transaction, or nothing when any member cannot be placed.
func Sync(ctx context.Context, st Store, src MemberSource, departments map[int]string, names agency.Names, role people.Role, dryRun bool) (SyncReport, error) {
	rep := SyncReport{Errors: []string{}}
	known, err := st.Agencies(ctx)
	if err != nil {
		return rep, err
	}
	current, err := st.People(ctx)
	if err != nil {
		return rep, err
	}
	byID := make(map[string]*people.Person, len(current))
	for _, p := range current {
		byID[strings.ToLower(p.UserID)] = p
	}
	res := Agencies{Names: names, Known: known}

	ids := make([]int, 0, len(departments))
	for id := range departments {
		ids = append(ids, id)
	}
	sort.Ints(ids)
	type found struct {
		p    people.Person
		dept int
	}
	seen := map[string]found{}
	var order []string
	for _, dept := range ids {
		ag, note, err := res.Resolve(departments[dept])
		if err != nil {
			rep.Errors = append(rep.Errors, fmt.Sprintf("部门 %d：%s", dept, err.Error()))
			continue
		}
		if note != "" {
			rep.Notes = append(rep.Notes, fmt.Sprintf("部门 %d：%s", dept, note))
		}
		ms, err := src.Members(ctx, dept)
		if err != nil {
			return rep, fmt.Errorf("读取企业微信部门 %d 的成员失败：%w", dept, err)
		}
		for _, m := range ms {
			if !ValidUserID(m.UserID) {
				rep.Errors = append(rep.Errors, fmt.Sprintf("部门 %d：成员账号“%s”格式不对", dept, m.UserID))
				continue
			}
			r := role
			if m.Leader {
				r = people.Head
			}
			p := people.Person{UserID: m.UserID, Name: strings.TrimSpace(m.Name), Role: r, Agency: ag, Post: strings.TrimSpace(m.Post)}
			if p.Name == "" {
				p.Name = m.UserID
			}
			key := strings.ToLower(m.UserID)
			if prev, dup := seen[key]; dup {
				if !names.Same(prev.p.Agency, ag) {
					rep.Errors = append(rep.Errors, fmt.Sprintf("成员 %s 同时在部门 %d（%s）和部门 %d（%s）中，无法确定所属单位；请在人员名单中手工登记",
						m.UserID, prev.dept, prev.p.Agency, dept, ag))
				}
				if m.Leader && prev.p.Role != people.Head {
					prev.p.Role = people.Head
					seen[key] = prev
				}
				continue
			}
			seen[key] = found{p, dept}
			order = append(order, key)
		}
	}
	rep.Members = len(order)
	var changed []*people.Person
	for _, key := range order {
		p := seen[key].p
		old := byID[key]
		switch {
		case old == nil:
			rep.Created++
			changed = append(changed, &p)
			continue
		case old.Bureau() || old.Role == people.Pufa:
			rep.Kept = append(rep.Kept, old.UserID)
			continue
		}
		p.UserID, p.Role = old.UserID, old.Role
		if p.Same(*old) {
			rep.Unchanged++
			continue
		}
		rep.Updated++
		changed = append(changed, &p)
	}
	rep.Written, err = writeChanged(ctx, st, changed, len(rep.Errors) > 0 || dryRun)
	return rep, err
}
