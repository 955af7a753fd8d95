package handlers

import (
	"context"
	"regexp"
	"strconv"
	"testing"
	"time"

	"casebot/bot/cases"
	"casebot/bot/people"
	"casebot/bot/scope"
	"casebot/bot/store/storetest"
	"casebot/config"
)

var countRe = regexp.MustCompile(`：(?:共 )?(\d+) 件`)

// TestLostAndCorrectedCountsMatchTheCases: 今年败诉 and 今年纠错, now
// answered from the 结案方式 index, give the counts the cases themselves
// give under a configured 败诉 set (not the default), for a bureau member
// and for a head who sees only their agency; and they follow an outcome
// changed after the ledger was loaded.
func TestLostAndCorrectedCountsMatchTheCases(t *testing.T) {
	lossNames := []string{"判决撤销", "驳回诉讼请求"} // an alias, on purpose
	e := newChatEnv(t, func(c *config.Config) { c.Cases.LossOutcomes = lossNames })
	base := time.Date(2025, 11, 1, 0, 0, 0, 0, cst)
	// Every outcome of each kind's vocabulary, spread over the cases.
	storetest.Seed(t, e.st, 3000, base, func(i int, c *cases.Case) {
		if c.Closure != nil {
			vocab := cases.Outcomes(c.Kind)
			c.Closure.Method = vocab[(i/7)%len(vocab)]
		}
	})
	staff := &people.Person{UserID: "staff1", Name: "陈专班", Role: people.Staff}
	head := &people.Person{UserID: "head1", Name: "王五", Role: people.Head, Agency: storetest.Agencies[2]}
	e.people(staff, head)
	loss, err := cases.NewLossSet(lossNames)
	if err != nil {
		t.Fatal(err)
	}
	pol := scope.Default()
	from, to := time.Date(2025, 1, 1, 0, 0, 0, 0, cst), time.Date(2026, 1, 1, 0, 0, 0, 0, cst)

	want := func(viewer *people.Person, pred func(*cases.Case) bool) int {
		n := 0
		err := e.st.EachCase(context.Background(), 1000, func(cs []*cases.Case) error {
			for _, c := range cs {
				if pred(c) && !c.Closure.On.Before(from) && c.Closure.On.Before(to) && pol.CanSee(viewer, c) {
					n++
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	got := func(viewer *people.Person, text string) int {
		t.Helper()
		r := e.one(viewer.UserID, text)
		m := countRe.FindStringSubmatch(r)
		if m == nil {
			t.Fatalf("%s %q: no count in %q", viewer.UserID, text, r)
		}
		n, _ := strconv.Atoi(m[1])
		return n
	}
	check := func(stage string) {
		t.Helper()
		for _, v := range []*people.Person{staff, head} {
			if w, g := want(v, loss.Lost), got(v, "今年败诉"); w != g || w == 0 {
				t.Errorf("%s: %s 今年败诉 = %d, the cases say %d (want > 0)", stage, v.UserID, g, w)
			}
			if w, g := want(v, cases.Corrected), got(v, "今年纠错"); w != g || (v == staff && w == 0) {
				t.Errorf("%s: %s 今年纠错 = %d, the cases say %d", stage, v.UserID, g, w)
			}
		}
	}
	check("seeded")

	// Change the outcome of one 败诉 case of the head's agency, and make
	// another case of it 败诉.
	var lostOne, otherOne string
	err = e.st.EachCase(context.Background(), 1000, func(cs []*cases.Case) error {
		for _, c := range cs {
			if !c.HasDefendant(head.Agency) || c.Open() || c.Kind != cases.Litigation || c.Closure.On.Before(from) || !c.Closure.On.Before(to) {
				continue
			}
			if loss.Lost(c) && lostOne == "" {
				lostOne = c.Number
			} else if !loss.Lost(c) && otherOne == "" {
				otherOne = c.Number
			}
		}
		return nil
	})
	if err != nil || lostOne == "" || otherOne == "" {
		t.Fatalf("no cases to change (%v): %q %q", err, lostOne, otherOne)
	}
	before := got(head, "今年败诉")
	set := func(number string, o cases.Outcome) {
		if _, err := e.st.Update(context.Background(), number, func(c *cases.Case) error {
			c.Closure.Method = o
			return nil
		}); err != nil {
			t.Fatal(err)
		}
	}
	set(lostOne, cases.WithdrawalPermitted)
	if g := got(head, "今年败诉"); g != before-1 {
		t.Errorf("after %s became 准许撤诉: head 今年败诉 = %d, want %d", lostOne, g, before-1)
	}
	set(otherOne, cases.JudgmentRevoke)
	check("after the changes")
}
