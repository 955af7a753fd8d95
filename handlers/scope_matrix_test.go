package handlers

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"casebot/bot/cases"
	"casebot/bot/people"
	"casebot/config"
)

// The scoping matrix: every role × every agency × every case, asked
// through Bot.Handle the ways users ask (the number in full and short, the
// agency, 我的案件, parties, hearings, counts, 更多, near misses), proving
// that no reply to anyone names a case outside their scope, that lists are
// complete within it, and that natural persons are shown in full only to
// scope.full_name_roles.

const (
	agMarket  = "某县市场监督管理局"
	agLand    = "某县自然资源局"
	agGov     = "某县人民政府"
	agPolice  = "某县公安局" // no cases: its people see nothing
	orgSuffix = "有限公司"
)

type matrixCase struct {
	c         *cases.Case
	plaintiff string
	person    bool // a natural person, masked outside full_name_roles
}

func matrixLedger() []matrixCase {
	mk := func(number, plaintiff string, closed string, outcome cases.Outcome, hearing string, defendants ...string) matrixCase {
		c := lawsuit(number, plaintiff, defendants...)
		if c.Kind == cases.Reconsideration {
			c.Court = "某县人民政府"
		}
		if hearing != "" {
			c.AddHearing(cases.Hearing{At: at(hearing), Place: "第三法庭", Head: "某副局长"})
		}
		if closed != "" {
			c.Closure = &cases.Closure{On: at(closed + " 00:00"), Method: outcome}
		}
		return matrixCase{c: c, plaintiff: plaintiff, person: !strings.HasSuffix(plaintiff, orgSuffix)}
	}
	return []matrixCase{
		mk("(2025)黔0115行初101号", "赵一明", "", "", "2025-11-27 09:30", agMarket),
		mk("(2025)黔0115行初102号", "钱二宝", "2025-11-10", cases.JudgmentRevoke, "2025-10-20 09:30", agMarket),
		mk("(2025)黔0115行初103号", "贵州某某科技有限公司", "", "", "2025-11-28 14:30", agMarket),
		mk("(2025)黔0115行初201号", "孙三丰", "", "", "2025-11-26 15:00", agLand),
		mk("(2025)黔0115行初202号", "周四海", "2025-11-05", cases.JudgmentDismissClaims, "", agLand),
		mk("(2025)黔01行终301号", "吴五常", "2025-09-01", cases.JudgmentIllegal, "", agGov, agLand),
		mk("(2025)黔0115行初302号", "郑六合", "", "", "2025-12-03 09:30", agGov),
		mk("某府复〔2025〕7号", "王七巧", "2025-11-20", cases.ReconRevoke, "", agGov),
		mk("某府复〔2025〕8号", "某某建设工程有限公司", "", "", "", agMarket),
	}
}

// viewers are one person per role, and a head and a handler per agency;
// one head registered his agency by its short name.
func matrixViewers() []*people.Person {
	ps := []*people.Person{
		{UserID: "admin1", Name: "管理员", Role: people.Admin},
		{UserID: "staff1", Name: "专班甲", Role: people.Staff},
		{UserID: "pufa1", Name: "普法甲", Role: people.Pufa},
	}
	for i, a := range []string{agMarket, agLand, agGov, agPolice} {
		written := a
		if a == agMarket {
			written = "某县市场监管局"
		}
		ps = append(ps,
			&people.Person{UserID: fmt.Sprintf("head%d", i), Name: fmt.Sprintf("负责人%d", i), Role: people.Head, Agency: written, Post: "局长"},
			&people.Person{UserID: fmt.Sprintf("handler%d", i), Name: fmt.Sprintf("承办人%d", i), Role: people.Handler, Agency: written})
	}
	return ps
}

// ledgerAgency is the ledger's name for what a person registered.
func ledgerAgency(p *people.Person) string {
	if p.Agency == "某县市场监管局" {
		return agMarket
	}
	return p.Agency
}

// mayView is the scoping rule written out independently of bot/scope.
func mayView(p *people.Person, c *cases.Case) bool {
	switch p.Role {
	case people.Admin, people.Staff:
		return true
	case people.Head, people.Handler:
		return slices.Contains(c.Defendants, ledgerAgency(p))
	case people.Pufa:
		return c.Closure != nil
	}
	return false
}

func TestScopeMatrixThroughChat(t *testing.T) {
	for _, fullRoles := range [][]string{{"admin", "staff"}, {"admin", "staff", "head"}} {
		t.Run("full_name_roles="+strings.Join(fullRoles, ","), func(t *testing.T) {
			// Each viewer asks in a world of their own, in parallel: the
			// questions are hundreds of round trips each, and apart the
			// worlds overlap their waits.
			for _, v := range matrixViewers() {
				t.Run(v.UserID, func(t *testing.T) {
					t.Parallel()
					e := newChatEnv(t, func(c *config.Config) {
						c.Query.PageSize = 2 // every list pages
						c.Scope.FullNameRoles = fullRoles
					})
					ledger := matrixLedger()
					var all []*cases.Case
					for _, m := range ledger {
						all = append(all, m.c)
					}
					e.put(all...)
					e.people(matrixViewers()...)
					checkViewer(t, e, v, ledger, slices.Contains(fullRoles, string(v.Role)))
				})
			}
		})
	}
}

// checkViewer asks everything as v and checks every reply.
func checkViewer(t *testing.T, e *chatEnv, v *people.Person, ledger []matrixCase, fullNames bool) {
	visible, exists := map[string]bool{}, map[string]bool{}
	for _, m := range ledger {
		exists[m.c.Number] = true
		if mayView(v, m.c) {
			visible[m.c.Number] = true
		}
	}
	// check looks at one reply to text: no case outside scope, natural
	// persons masked unless v sees full names; it returns the numbers shown.
	// A number the user wrote (or its completion, echo) may be said back:
	// “not found” reads the same for a case that does not exist.
	check := func(text, reply string, echo ...string) []string {
		t.Helper()
		ns := numbersIn(reply)
		echo = append(echo, numbersIn(text)...)
		for _, n := range ns {
			if exists[n] && !visible[n] && !slices.Contains(echo, n) {
				t.Errorf("%s (%s %s) asked %q and was shown %s, outside their scope:\n%s", v.UserID, v.Role, v.Agency, text, n, reply)
			}
		}
		for _, m := range ledger {
			if !m.person || strings.Contains(text, m.plaintiff) {
				continue // echoing what the user typed is no leak
			}
			if strings.Contains(reply, m.plaintiff) && (!fullNames || !visible[m.c.Number]) {
				t.Errorf("%s (%s) asked %q and saw the name %s:\n%s", v.UserID, v.Role, text, m.plaintiff, reply)
			}
		}
		return ns
	}
	// ask returns the numbers the answer gives, not counting the nearest
	// real thing offered after a “none” (此前最近的一件…), which is
	// checked for scope all the same.
	ask := func(text string) []string {
		t.Helper()
		var ns []string
		for _, r := range e.say(v.UserID, text) {
			check(text, r)
			for _, mark := range []string{"此前最近的一", "最近的一场在其后"} {
				if i := strings.Index(r, mark); i >= 0 {
					r = r[:i]
				}
			}
			ns = append(ns, numbersIn(r)...)
		}
		return ns
	}
	// askAll asks text, then 更多 until the list ends, and returns every
	// number shown, in order.
	askAll := func(text string) []string {
		t.Helper()
		ns := ask(text)
		for range 20 {
			r := e.one(v.UserID, "更多")
			if strings.Contains(r, "没有可以继续查看的列表") {
				return ns
			}
			ns = append(ns, check("更多", r)...)
		}
		t.Fatalf("%s: %q pages without end", v.UserID, text)
		return nil
	}
	expect := func(what string, got []string, keep func(*cases.Case) bool) {
		t.Helper()
		var want []string
		for _, m := range ledger {
			if visible[m.c.Number] && keep(m.c) {
				want = append(want, m.c.Number)
			}
		}
		got = slices.Clone(got)
		sort.Strings(got)
		got = slices.Compact(got)
		sort.Strings(want)
		if !slices.Equal(want, got) {
			t.Errorf("%s (%s %s) %s: shown %v, want %v", v.UserID, v.Role, v.Agency, what, got, want)
		}
	}

	// Every case by its number, in full and in short.
	for _, m := range ledger {
		r := e.one(v.UserID, m.c.Number)
		check(m.c.Number, r)
		if !visible[m.c.Number] && strings.Count(r, "**(") > 0 {
			// Suggestions, if any, were checked above; the case itself
			// must not be one of them as a card.
			if strings.Contains(r, "**"+m.c.Number+"**") {
				t.Errorf("%s was shown the card of %s outside scope", v.UserID, m.c.Number)
			}
		}
		if visible[m.c.Number] {
			if !strings.Contains(r, "**"+m.c.Number+"**") {
				t.Errorf("%s cannot see %s:\n%s", v.UserID, m.c.Number, r)
			}
			name := m.plaintiff
			if m.person && !fullNames {
				name = string([]rune(m.plaintiff)[:1]) + "某"
			}
			if !strings.Contains(r, "> 原告："+name) && !strings.Contains(r, "> 申请人："+name) {
				t.Errorf("%s sees %s without the plaintiff as %s:\n%s", v.UserID, m.c.Number, name, r)
			}
		} else if !strings.Contains(r, "不在您可以查看的范围内") || !strings.Contains(r, "司法局应诉专班") || strings.Contains(r, "没有") {
			// An existing case outside scope is never said to be missing:
			// outside what they may see, and whom to ask.
			t.Errorf("%s asked for %s outside scope and got:\n%s", v.UserID, m.c.Number, r)
		}
		if n := cases.MustParseNumber(m.c.Number); n.Form == cases.CourtNumber && n.Court == "黔0115" {
			short := fmt.Sprintf("%s%d号的情况", n.Type, n.Seq)
			r := e.one(v.UserID, short)
			check(short, r, m.c.Number)
			if visible[m.c.Number] != strings.Contains(r, "**"+m.c.Number+"**") {
				t.Errorf("%s asked %q (visible: %v) and got:\n%s", v.UserID, short, visible[m.c.Number], r)
			}
		}
		// A near miss offers suggestions only from within scope.
		ask(strings.Replace(m.c.Number, "号", "9号", 1))
		ask("查 " + string([]rune(m.plaintiff)[:2]))
		expect("party "+m.plaintiff, askAll("原告 "+m.plaintiff), func(c *cases.Case) bool { return c.Number == m.c.Number })
	}
	// Agencies, one's own, hearings and counts, with every page.
	for _, a := range []string{agMarket, agLand, agGov, agPolice, "市场监管局"} {
		full := a
		if a == "市场监管局" {
			full = agMarket
		}
		expect("agency "+a, askAll(a+"的案件"), func(c *cases.Case) bool { return slices.Contains(c.Defendants, full) })
	}
	mine := askAll("我的案件")
	switch v.Role {
	case people.Head, people.Handler:
		expect("我的案件", mine, func(c *cases.Case) bool { return true })
	case people.Admin, people.Staff:
		expect("我的案件 (no agency: every open case)", mine, func(c *cases.Case) bool { return c.Open() })
	}
	expect("本周开庭", askAll("本周开庭"), func(c *cases.Case) bool {
		h := c.NextHearing(at("2025-11-24 00:00"))
		return h != nil && h.At.Before(at("2025-12-01 00:00"))
	})
	expect("今年结案", askAll("今年结案"), func(c *cases.Case) bool { return c.Closure != nil })
	expect("本月败诉", askAll("本月败诉"), func(c *cases.Case) bool {
		return c.Closure != nil && c.Closure.Method == cases.JudgmentRevoke
	})
	expect("未结案件", askAll("未结案件"), func(c *cases.Case) bool { return c.Open() })
	expect("今年立案", askAll("今年立案"), func(c *cases.Case) bool { return true })
	ask("帮助")
}

// TestUnknownUserIsRefusedWhateverTheyAsk: someone missing from the
// directory gets the refusal, saying how to ask for access, and nothing
// else, whatever they send; no route runs for them.
func TestUnknownUserIsRefusedWhateverTheyAsk(t *testing.T) {
	e := newChatEnv(t, func(c *config.Config) {
		c.People.Contact = "县司法局应诉专班 王老师（电话 0851-1234567）"
	})
	var all []*cases.Case
	for _, m := range matrixLedger() {
		all = append(all, m.c)
	}
	e.put(all...)
	e.people(matrixViewers()...)
	for _, text := range []string{"帮助", "(2025)黔0115行初101号", "行初101", "查 赵一明", "本周开庭", "本月败诉",
		"市场监管局的案件", "我的案件", "更多", "开庭 (2025)黔0115行初101号 2025-12-03 09:30 第三法庭", "确认",
		"添加人员 stranger 陌生人 管理员", "人员列表"} {
		r := e.one("stranger", text)
		if !strings.Contains(r, "还没有登记") || !strings.Contains(r, "县司法局应诉专班 王老师（电话 0851-1234567）") || !strings.Contains(r, "stranger") {
			t.Errorf("stranger %q got %q, want the refusal naming whom to contact", text, r)
		}
		if ns := numbersIn(r); len(ns) > 0 || strings.Contains(r, "赵") || strings.Contains(r, "开庭") {
			t.Errorf("stranger %q learned something: %q", text, r)
		}
	}
	if c := e.get("(2025)黔0115行初101号"); len(c.ActiveHearings()) != 1 {
		t.Errorf("a stranger's update changed the case: %+v", c.Hearings)
	}
	if p, _ := e.st.LookupPerson(t.Context(), "stranger"); p != nil {
		t.Errorf("a stranger added themself: %+v", p)
	}
}
