package scope_test

import (
	"testing"
	"time"

	"casebot/bot/cases"
	"casebot/bot/people"
	"casebot/bot/scope"
	"casebot/config"
)

func TestCanSee(t *testing.T) {
	open := &cases.Case{Number: "(2025)黔0115行初1号", Defendants: []string{"甲局", "乙局"}}
	closed := &cases.Case{Number: "(2025)黔0115行初2号", Defendants: []string{"丙局"},
		Closure: &cases.Closure{On: time.Now(), Method: cases.JudgmentRevoke}}
	p := scope.Default()
	tests := []struct {
		who          *people.Person
		open, closed bool
	}{
		{&people.Person{Role: people.Admin}, true, true},
		{&people.Person{Role: people.Staff}, true, true},
		{&people.Person{Role: people.Head, Agency: "乙局"}, true, false},
		{&people.Person{Role: people.Handler, Agency: "丙局"}, false, true},
		{&people.Person{Role: people.Head}, false, false},
		{&people.Person{Role: people.Pufa}, false, true},
		{nil, false, false},
	}
	for _, tt := range tests {
		if got := p.CanSee(tt.who, open); got != tt.open {
			t.Errorf("%+v sees the open case: %v, want %v", tt.who, got, tt.open)
		}
		if got := p.CanSee(tt.who, closed); got != tt.closed {
			t.Errorf("%+v sees the closed case: %v, want %v", tt.who, got, tt.closed)
		}
	}
}

func TestPlaintiffs(t *testing.T) {
	c := &cases.Case{Plaintiffs: []cases.Party{cases.NewParty("欧阳娜娜"), cases.NewParty("某某建材有限公司")}}
	staff := &people.Person{Role: people.Staff}
	head := &people.Person{Role: people.Head, Agency: "甲局"}
	p := scope.Default()
	if got, want := p.Plaintiffs(staff, c), "欧阳娜娜、某某建材有限公司"; got != want {
		t.Errorf("staff sees %q, want %q", got, want)
	}
	if got, want := p.Plaintiffs(head, c), "欧阳某、某某建材有限公司"; got != want {
		t.Errorf("head sees %q, want %q", got, want)
	}
	strict, err := scope.New(config.Scope{FullNameRoles: []string{"管理员"}})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strict.Plaintiffs(staff, c), "欧阳某、某某建材有限公司"; got != want {
		t.Errorf("with only admins seeing names, staff sees %q, want %q", got, want)
	}
	if _, err := scope.New(config.Scope{FullNameRoles: []string{"boss"}}); err == nil {
		t.Error("an unknown role was accepted")
	}
}
