package wecom

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
)

// apiUserList is 获取部门成员详情 (GET cgi-bin/user/list): the members of one
// department the app can see, with name, departments, position and whether
// they lead each department. Self-built apps get these fields; since 2022
// they no longer get mobile or email, which the directory does not need.
const apiUserList = "user/list"

// Member is one member of a department, as the address list has it.
type Member struct {
	UserID      string `json:"userid"`
	Name        string `json:"name"`
	Departments []int  `json:"department"`
	// LeaderIn holds, for each of Departments, 1 when the member leads it
	// (is_leader_in_dept).
	LeaderIn []int  `json:"is_leader_in_dept"`
	Position string `json:"position"`
	// Status is 1 active, 2 disabled, 4 not yet activated, 5 left.
	Status int `json:"status"`
}

// Leads reports whether m leads department dept.
func (m Member) Leads(dept int) bool {
	for i, d := range m.Departments {
		if d == dept && i < len(m.LeaderIn) && m.LeaderIn[i] == 1 {
			return true
		}
	}
	return false
}

// DepartmentMembers lists the members of department dept (not of its
// sub-departments), for syncing the people directory.
func (s *Sender) DepartmentMembers(ctx context.Context, dept int) ([]Member, error) {
	var out struct {
		UserList []Member `json:"userlist"`
	}
	err := s.client.call(ctx, apiUserList, func(tok string) (*http.Request, error) {
		return http.NewRequestWithContext(ctx, http.MethodGet,
			s.client.url(apiUserList, url.Values{"access_token": {tok}, "department_id": {strconv.Itoa(dept)}}), nil)
	}, &out, nil)
	return out.UserList, err
}
