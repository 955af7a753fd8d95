package reminders

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"casebot/bot/cases"
	"casebot/bot/people"
)

// TestEveryDefendantReminded: a hearing of a case against two agencies
// reminds the named head for the agency the head belongs to and every
// head of the co-defendant, with each agency's handler; an agency with
// nobody in the directory is reported, never passed over.
func TestEveryDefendantReminded(t *testing.T) {
	dir := NewDirectory([]*people.Person{
		{UserID: "wang", Name: "王局", Role: people.Head, Agency: "某县自然资源局"},
		{UserID: "li", Name: "李副局", Role: people.Head, Agency: "某县自然资源局"},
		{UserID: "zhou", Name: "周股长", Role: people.Handler, Agency: "某县自然资源局"},
		{UserID: "zhao", Name: "赵镇长", Role: people.Head, Agency: "某镇人民政府"},
		{UserID: "sun", Name: "孙所长", Role: people.Handler, Agency: "某镇人民政府"},
	})
	c := &cases.Case{Number: "(2026)黔0115行初203号", Defendants: []string{"某县自然资源局", "某镇人民政府", "某县林业局"}}
	rs, problems := dir.Recipients(c, cases.Hearing{Head: "王局"})
	var got []string
	for _, r := range rs {
		got = append(got, r.Person.UserID+"/"+string(r.Role)+"/"+r.Agency)
	}
	want := []string{"wang/head/某县自然资源局", "zhao/head/某镇人民政府", "zhou/handler/某县自然资源局", "sun/handler/某镇人民政府"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("recipients (-want,+got):\n%s", diff)
	}
	var texts []string
	for _, p := range problems {
		texts = append(texts, p.Text)
	}
	if diff := cmp.Diff([]string{"某县林业局 在通讯录中没有负责人", "某县林业局 在通讯录中没有承办人"}, texts); diff != "" {
		t.Errorf("problems (-want,+got):\n%s", diff)
	}
}

// TestNamedHeadOfAnotherAgency: a hearing headed by someone of another
// agency (the county government's head on a 镇政府 hearing) reminds them,
// when the name is theirs alone in the directory, besides the defendant's
// heads; of two people of that name, neither, and staff are told.
func TestNamedHeadOfAnotherAgency(t *testing.T) {
	ps := []*people.Person{
		{UserID: "heping", Name: "何平", Role: people.Head, Agency: "某县人民政府"},
		{UserID: "zhao", Name: "赵镇长", Role: people.Head, Agency: "某镇人民政府"},
		{UserID: "sun", Name: "孙所长", Role: people.Handler, Agency: "某镇人民政府"},
	}
	c := &cases.Case{Number: "(2026)黔0115行初70号", Defendants: []string{"某镇人民政府"}}
	ids := func(rs []Recipient) []string {
		var out []string
		for _, r := range rs {
			out = append(out, r.Person.UserID+"/"+string(r.Role))
		}
		return out
	}
	rs, problems := NewDirectory(ps).Recipients(c, cases.Hearing{Head: "何平"})
	if diff := cmp.Diff([]string{"heping/head", "zhao/head", "sun/handler"}, ids(rs)); diff != "" || len(problems) > 0 {
		t.Errorf("recipients (-want,+got):\n%s\nproblems: %v", diff, problems)
	}
	namesake := append(ps, &people.Person{UserID: "heping2", Name: "何平", Role: people.Handler, Agency: "某县教育局"})
	rs, problems = NewDirectory(namesake).Recipients(c, cases.Hearing{Head: "何平"})
	if diff := cmp.Diff([]string{"zhao/head", "sun/handler"}, ids(rs)); diff != "" || len(problems) != 1 {
		t.Errorf("with a namesake, recipients (-want,+got):\n%s\nproblems: %v", diff, problems)
	}
}
