package config

import (
	"fmt"
	"strings"
)

// Privacy configures the anonymization of everything that leaves the
// bureau (以案说法 drafts, `casebot anonymize`).
type Privacy struct {
	// KeepOfficials keeps the names of judges, clerks and agency officials
	// acting in office (审判长, 工作人员, 副区长…). Off by default: every
	// natural person is masked.
	KeepOfficials bool `mapstructure:"keep_officials"`
	// SameSurname tells apart people who mask alike (张三, 张四): "stems"
	// (张某甲, 张某乙, as courts write) or "numbers" (张某1, 张某2). If
	// unset, stems.
	SameSurname string `mapstructure:"same_surname"`
}

func defaultPrivacy() Privacy { return Privacy{SameSurname: "stems"} }

// Numbers reports whether same-surname people are numbered 张某1, 张某2.
func (p Privacy) Numbers() bool {
	switch strings.ToLower(strings.TrimSpace(p.SameSurname)) {
	case "numbers", "数字":
		return true
	}
	return false
}

func (p Privacy) validate() error {
	switch strings.ToLower(strings.TrimSpace(p.SameSurname)) {
	case "", "stems", "甲乙", "numbers", "数字":
		return nil
	}
	return fmt.Errorf("配置 privacy.same_surname=%q 应为 stems（张某甲、张某乙）或 numbers（张某1、张某2）", p.SameSurname)
}
