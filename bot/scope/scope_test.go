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

// A head or handler sees the cases of another agency that name them, when
// the name is theirs alone in the directory.
func TestCanSeeNamed(t *testing.T) {
	at := time.Date(2026, 11, 20, 9, 30, 0, 0, time.UTC)
	town := &cases.Case{Number: "(2026)黔0115行初70号", Defendants: []string{"某镇人民政府"}, Handler: "马丽",
		Hearings: []cases.Hearing{{ID: 1, At: at, Head: " 何平 "}}}
	cancelled := &cases.Case{Number: "(2026)黔0115行初71号", Defendants: []string{"某县自然资源局"},
		Hearings: []cases.Hearing{{ID: 1, At: at, Head: "何平", Cancelled: true}}}
	p := scope.Default()
	tests := []struct {
		name string
		who  *people.Person
		c    *cases.Case
		want bool
	}{
		{"head named on a hearing", &people.Person{Name: "何平", Role: people.Head, Agency: "某县人民政府", SoleName: true}, town, true},
		{"head named on a cancelled hearing only", &people.Person{Name: "何平", Role: people.Head, Agency: "某县人民政府", SoleName: true}, cancelled, false},
		{"handler named as 承办人", &people.Person{Name: "马丽", Role: people.Handler, Agency: "某县人民政府", SoleName: true}, town, true},
		{"a namesake in the directory", &people.Person{Name: "何平", Role: people.Head, Agency: "某县人民政府"}, town, false},
		{"not named", &people.Person{Name: "吴敏", Role: people.Head, Agency: "某县自然资源局", SoleName: true}, town, false},
		{"普法 sees closed cases only", &people.Person{Name: "马丽", Role: people.Pufa, SoleName: true}, town, false},
	}
	for _, tt := range tests {
		if got := p.CanSee(tt.who, tt.c); got != tt.want {
			t.Errorf("%s: CanSee = %v, want %v", tt.name, got, tt.want)
		}
	}
}
