package ledger

import (
	"strings"
	"testing"
	"time"

	"casebot/bot/cases"
	"casebot/bot/deadline"
	"casebot/bot/people"
	"casebot/bot/workcal"
	"casebot/config"
)

// TestSampleIsAlwaysCurrent moves the sample to days across the calendar
// (month ends, year ends, a leap day, the anchor itself) and checks what
// the demo relies on: hearings today, tomorrow and next week; cases closed
// last month, some of them lost; first-instance hearings held last month by
// two or more agencies with the head's appearance recorded, some 是 and
// some 否, so the bulletin has an 出庭率 and names an agency under 100%;
// nothing closed in the future or before its hearings.
func TestSampleIsAlwaysCurrent(t *testing.T) {
	loss, err := cases.NewLossSet(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, now := range []string{"2025-11-20 08:00", "2026-11-23 12:00", "2026-12-01 09:00", "2027-01-01 00:30",
		"2028-02-29 18:00", "2026-03-31 23:50", "2026-07-15 10:00"} {
		t.Run(now, func(t *testing.T) {
			n := at(now)
			l, err := Sample(n, shanghai, nil)
			if err != nil {
				t.Fatal(err)
			}
			if len(l.Entries) < 20 || len(l.Entries) > 40 {
				t.Errorf("%d cases, want 20-40", len(l.Entries))
			}
			// Courts sit on working days: "today" and "tomorrow" are the
			// first working day from now and the one after it.
			cal := workcal.BuiltinCalendar()
			first := cal.OnOrAfter(workcal.DateOf(n, shanghai))
			today := first.At(workcal.Clock{}, shanghai)
			afterFirst := cal.AddWorkdays(first, 1).At(workcal.Clock{}, shanghai)
			lastMonth := time.Date(n.Year(), n.Month()-1, 1, 0, 0, 0, 0, shanghai)
			var onToday, tomorrow, nextWeek, closedLastMonth, lostLastMonth int
			// Last month's first-instance hearings, per agency, as the
			// bulletin counts them: cases heard, cases whose head appeared.
			heard, appeared := map[string]int{}, map[string]int{}
			absent := 0
			for _, e := range l.Entries {
				c := e.Case
				if err := fictional(c); err != nil {
					t.Error(err)
				}
				for _, h := range c.Hearings {
					if d := workcal.DateOf(h.At, shanghai); !cal.Workday(d) {
						t.Errorf("%s has a hearing on a day off: %v (%s)", c.Number, h.At, cal.Holiday(d))
					}
					switch {
					case !h.At.Before(today) && h.At.Before(today.AddDate(0, 0, 1)):
						onToday++
					case !h.At.Before(afterFirst) && h.At.Before(afterFirst.AddDate(0, 0, 1)):
						tomorrow++
					case !h.At.Before(today.AddDate(0, 0, 2)) && h.At.Before(today.AddDate(0, 0, 9)):
						nextWeek++
					}
				}
				if c.Kind == cases.Litigation && c.Stage == cases.StageFirst {
					var held, recorded, present bool
					for _, h := range c.Hearings {
						if h.Cancelled || h.At.Before(lastMonth) || !h.At.Before(lastMonth.AddDate(0, 1, 0)) {
							continue
						}
						held = true
						if h.HeadAppeared != nil {
							recorded = true
							present = present || *h.HeadAppeared
						}
					}
					if held && !recorded {
						t.Errorf("%s heard last month without 负责人是否出庭", c.Number)
					}
					for _, a := range c.Defendants {
						if held {
							heard[a]++
						}
						if present {
							appeared[a]++
						}
					}
					if held && !present {
						absent++
					}
				}
				if c.Closure == nil {
					continue
				}
				for _, h := range c.Hearings {
					if y, m, d := h.At.In(shanghai).Date(); c.Closure.On.Before(time.Date(y, m, d, 0, 0, 0, 0, shanghai)) {
						t.Errorf("%s closed %v before its hearing %v", c.Number, c.Closure.On, h.At)
					}
				}
				if c.Closure.On.After(n) {
					t.Errorf("%s closed in the future: %v", c.Number, c.Closure.On)
				}
				if c.Closure.On.Before(c.FiledOn) {
					t.Errorf("%s closed %v before it was filed %v", c.Number, c.Closure.On, c.FiledOn)
				}
				if !c.Closure.On.Before(lastMonth) && c.Closure.On.Before(lastMonth.AddDate(0, 1, 0)) {
					closedLastMonth++
					if loss.Lost(c) {
						lostLastMonth++
					}
				}
			}
			if onToday == 0 || tomorrow == 0 || nextWeek == 0 {
				t.Errorf("hearings on the first working day %d, the next %d, in the week after %d; want some of each", onToday, tomorrow, nextWeek)
			}
			if closedLastMonth < 3 || lostLastMonth < 2 {
				t.Errorf("closed last month %d (lost %d), want at least 3 (2)", closedLastMonth, lostLastMonth)
			}
			var under []string
			for a, k := range heard {
				if appeared[a] < k {
					under = append(under, a)
				}
			}
			if len(heard) < 2 || len(heard) == len(under) || len(under) == 0 || absent == 0 {
				t.Errorf("first-instance hearings last month: heard %v, head appeared %v; want two or more agencies, "+
					"one under 100%% and one not", heard, appeared)
			}
		})
	}
}

// fictional checks that a sample case names no real body: agencies and
// courts are 某县/某镇/某市/某省, companies 某某.
func fictional(c *cases.Case) error {
	for _, a := range append(append([]string{}, c.Defendants...), c.Court) {
		if !strings.HasPrefix(a, "某") {
			return &sampleError{c.Number, a}
		}
	}
	for _, p := range c.Plaintiffs {
		if !p.Natural && !strings.HasPrefix(p.Name, "某某") {
			return &sampleError{c.Number, p.Name}
		}
	}
	return nil
}

type sampleError struct{ number, name string }

func (e *sampleError) Error() string {
	return e.number + ": “" + e.name + "” is not clearly fictional"
}

func TestSamplePeople(t *testing.T) {
	ps := SamplePeople()
	roles := map[people.Role]int{}
	agencies := map[people.Role]map[string]bool{people.Head: {}, people.Handler: {}}
	ids := map[string]bool{}
	for _, p := range ps {
		if err := p.Validate(); err != nil {
			t.Errorf("%s: %v", p.UserID, err)
		}
		if ids[p.UserID] {
			t.Errorf("userid %s twice", p.UserID)
		}
		ids[p.UserID] = true
		roles[p.Role]++
		if agencies[p.Role] != nil {
			agencies[p.Role][p.Agency] = true
		}
	}
	for _, r := range people.Roles {
		if roles[r] == 0 {
			t.Errorf("no %s in the sample directory", r)
		}
	}
	if len(agencies[people.Head]) < 2 || len(agencies[people.Handler]) < 2 {
		t.Errorf("heads of %d agencies, handlers of %d; want two or more each", len(agencies[people.Head]), len(agencies[people.Handler]))
	}
	// The heads are the sample's 出庭负责人, so its reminders reach them.
	l, err := Sample(at("2025-11-20 08:00"), shanghai, nil)
	if err != nil {
		t.Fatal(err)
	}
	named := map[string]bool{}
	for _, e := range l.Entries {
		for _, h := range e.Case.Hearings {
			for _, a := range e.Case.Defendants {
				named[a+"/"+h.Head] = true
			}
		}
	}
	for _, p := range ps {
		if p.Role == people.Head && !named[p.Agency+"/"+p.Name] {
			t.Errorf("head %s of %s is no 出庭负责人 of the sample", p.Name, p.Agency)
		}
	}
}

// TestSampleDeadlines: the sample shows every kind of deadline on a case
// card whenever the demo runs: answers open and done, a reconsideration
// reply and decision, an appeal period running, a 司法建议 and a 检察建议;
// and on the anchor day, the lines a user reads.
func TestSampleDeadlines(t *testing.T) {
	rules := deadline.New(workcal.BuiltinCalendar(), shanghai, config.Deadlines{}, config.Rectify{})
	for _, now := range []string{"2025-11-20 08:00", "2026-02-10 09:00", "2026-10-02 12:00", "2027-01-01 00:30", "2028-02-29 18:00"} {
		n := at(now)
		l, err := Sample(n, shanghai, nil)
		if err != nil {
			t.Fatal(err)
		}
		open, done := map[deadline.Kind]int{}, map[deadline.Kind]int{}
		for _, e := range l.Entries {
			for _, d := range rules.Of(e.Case) {
				switch {
				case d.Open():
					open[d.Kind]++
				case d.Done:
					done[d.Kind]++
				}
				if d.Start.After(workcal.DateOf(n, shanghai)) {
					t.Errorf("%s: %s %s starts in the future (%s)", now, e.Number, d.Kind, d.Start)
				}
			}
		}
		for _, k := range []deadline.Kind{deadline.Answer, deadline.Reply, deadline.Decision, deadline.Appeal,
			deadline.JudicialReply, deadline.ProcuratorialReply} {
			if open[k] == 0 {
				t.Errorf("%s: no open %s deadline (open %v, done %v)", now, k, open, done)
			}
		}
		if done[deadline.Answer] == 0 || done[deadline.Appeal] == 0 {
			t.Errorf("%s: no done answer or appeal: %v", now, done)
		}
	}

	l, err := Sample(at("2025-11-20 08:00"), shanghai, nil)
	if err != nil {
		t.Fatal(err)
	}
	lines := map[string]string{}
	for _, e := range l.Entries {
		rules.Lines(e.Case, at("2025-11-20 08:00"), func(label, value string) {
			lines[e.Number+" "+label] = value
		})
	}
	for key, want := range map[string]string{
		"(2025)黔0115行初139号 答辩举证期限":  "2025年11月25日（周二，还剩5天）",
		"(2025)黔0115行初133号 答辩举证期限":  "2025年11月19日（周三，已逾期1天）",
		"(2025)黔0115行初130号 答辩举证期限":  "2025年11月14日（周五，11月12日已提交）",
		"某府复〔2025〕47号 复议答复期限":       "2025年11月20日（周四，今天到期）",
		"某府复〔2025〕47号 复议决定期限":       "2026年1月4日（周日，还剩45天；末日逢元旦顺延）",
		"(2025)黔0115行初79号 上诉期限":     "2025年11月24日（周一，还剩4天；末日逢周末顺延）",
		"(2025)黔0115行初85号 上诉期限":     "2025年12月2日（周二，还剩12天）",
		"(2025)黔0115行初85号 司法建议回复期限": "2025年12月17日（周三，还剩27天；台账未登记建议书载明的期限，按30日推算，以建议书为准）",
		"(2025)黔0115行初61号 检察建议回复期限": "2025年12月29日（周一，还剩39天；末日逢周末顺延；台账未登记建议书载明的期限，按2个月推算，以建议书为准）",
	} {
		if got := lines[key]; got != want {
			t.Errorf("%s：%q, want %q", key, got, want)
		}
	}
}
