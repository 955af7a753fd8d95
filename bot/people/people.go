// Package people holds the directory model: who a WeCom user is, what role
// they play and for which agency. Scoping (who may see which case) is
// decided from it.
package people

import (
	"fmt"
	"strings"
)

// Role is what a person does in the work casebot supports.
type Role string

const (
	// Admin manages the bot and the directory; sees every case.
	Admin Role = "admin"
	// Staff works at the bureau or its 应诉专班; sees every case.
	Staff Role = "staff"
	// Head is an agency's 负责人, who must appear in court; sees the agency's cases.
	Head Role = "head"
	// Handler is an agency's 承办人; sees the agency's cases.
	Handler Role = "handler"
	// Pufa is a member of the 普法 team; sees closed cases only.
	Pufa Role = "pufa"
)

// Roles lists every role.
var Roles = []Role{Admin, Staff, Head, Handler, Pufa}

// Label returns the role's Chinese name, as users see it.
func (r Role) Label() string {
	switch r {
	case Admin:
		return "管理员"
	case Staff:
		return "工作人员"
	case Head:
		return "负责人"
	case Handler:
		return "承办人"
	case Pufa:
		return "普法"
	}
	return string(r)
}

// ParseRole accepts the Chinese names (管理员, 专班 or 工作人员, 负责人, 承办人,
// 普法) and the English ones.
func ParseRole(s string) (Role, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "admin", "管理员":
		return Admin, nil
	case "staff", "专班", "工作人员", "应诉专班", "司法局":
		return Staff, nil
	case "head", "负责人", "单位负责人", "机关负责人":
		return Head, nil
	case "handler", "承办人", "经办人":
		return Handler, nil
	case "pufa", "普法", "普法人员", "普法组":
		return Pufa, nil
	}
	return "", fmt.Errorf("角色“%s”无法识别，应为 管理员、专班（工作人员）、负责人、承办人 或 普法", s)
}

// Person is one entry of the directory.
type Person struct {
	UserID string `json:"userid"` // WeCom userid
	Name   string `json:"name"`
	Role   Role   `json:"role"`
	// Agency is required for heads and handlers; staff and admins may leave it empty.
	Agency string `json:"agency,omitempty"`
	// Post is the person's title (局长, 副局长...), shown in reminders.
	Post string `json:"post,omitempty"`

	// SoleName is set when the entry was read with the directory's name
	// index (store.LookupPerson) and nobody else in the directory has this
	// name: only then is a name the ledger writes (出庭负责人, 承办人) on
	// another agency's case taken to be this person (package scope). It is
	// never stored; an entry built any other way leaves it false, which
	// only narrows what the person sees.
	SoleName bool `json:"-"`
}

// Same reports whether p and q are the same directory entry, field by
// field (SoleName, which is read with the entry, not part of it, aside).
func (p Person) Same(q Person) bool {
	p.SoleName, q.SoleName = false, false
	return p == q
}

// Bureau reports whether the person works for the bureau (admin or staff)
// and so may see every case and every name.
func (p *Person) Bureau() bool {
	return p != nil && (p.Role == Admin || p.Role == Staff)
}

// Validate checks the fields a directory entry needs.
func (p *Person) Validate() error {
	switch {
	case strings.TrimSpace(p.UserID) == "":
		return fmt.Errorf("缺少账号")
	case strings.TrimSpace(p.Name) == "":
		return fmt.Errorf("缺少姓名")
	case p.Role == "":
		return fmt.Errorf("缺少角色")
	case (p.Role == Head || p.Role == Handler) && strings.TrimSpace(p.Agency) == "":
		return fmt.Errorf("%s须填写所属单位", p.Role.Label())
	}
	return nil
}
