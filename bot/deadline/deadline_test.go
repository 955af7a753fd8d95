package deadline

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"casebot/bot/cases"
	"casebot/bot/workcal"
	"casebot/config"
)

var shanghai = func() *time.Location {
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		panic(err)
	}
	return loc
}()

func date(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02", s, shanghai)
	if err != nil {
		panic(err)
	}
	return t
}

func rules() *Rules { return New(cal, shanghai, config.Deadlines{}, config.Rectify{}) }

func litigation(number string) *cases.Case {
	n := cases.MustParseNumber(number)
	return &cases.Case{Number: n.String(), Kind: n.Kind(), Stage: n.Stage(), Defendants: []string{"某县市场监督管理局"}}
}

// brief is what a test compares: kind, due, and the state.
type brief struct {
	Kind   Kind
	Due    string
	Open   bool
	Done   string // DoneOn, or Result
	Moot   bool
	Period string
}

func briefs(ds []Deadline) []brief {
	var out []brief
	for _, d := range ds {
		b := brief{Kind: d.Kind, Due: d.Due.String(), Open: d.Open(), Moot: d.Moot, Period: d.Period}
		if !d.DoneOn.IsZero() {
			b.Done = d.DoneOn.String()
		} else {
			b.Done = d.Result
		}
		out = append(out, b)
	}
	return out
}

func TestOfLitigation(t *testing.T) {
	r := rules()
	yes, no := true, false
	tests := []struct {
		name string
		edit func(c *cases.Case)
		want []brief
	}{
		{"nothing recorded", func(c *cases.Case) {}, nil},
		{"copy received, answer due", func(c *cases.Case) { c.CopyReceivedOn = date("2026-12-03") },
			[]brief{{Kind: Answer, Due: "2026-12-18", Open: true, Period: "15日"}}},
		{"answer submitted", func(c *cases.Case) {
			c.CopyReceivedOn, c.AnsweredOn = date("2026-12-03"), date("2026-12-10")
		}, []brief{{Kind: Answer, Due: "2026-12-18", Done: "2026-12-10", Period: "15日"}}},
		{"closed without the answer recorded: moot", func(c *cases.Case) {
			c.CopyReceivedOn = date("2026-03-02")
			c.Closure = &cases.Closure{On: date("2026-03-10"), Method: cases.WithdrawalPermitted}
		}, []brief{{Kind: Answer, Due: "2026-03-17", Moot: true, Period: "15日"}}},
		{"judgment served: 15 days to appeal", func(c *cases.Case) {
			c.Closure = &cases.Closure{On: date("2026-04-15"), Method: cases.JudgmentRevoke}
			c.ServedOn = date("2026-04-20")
		}, []brief{{Kind: Appeal, Due: "2026-05-06", Open: true, Period: "15日"}}},
		{"ruling 驳回起诉 served: 10 days", func(c *cases.Case) {
			c.Closure = &cases.Closure{On: date("2026-11-01"), Method: cases.RulingDismissSuit}
			c.ServedOn = date("2026-11-02")
		}, []brief{{Kind: Appeal, Due: "2026-11-12", Open: true, Period: "10日"}}},
		{"short form 不予受理 is the ruling 不予立案", func(c *cases.Case) {
			c.Closure = &cases.Closure{On: date("2026-11-01"), Method: "不予受理"}
			c.ServedOn = date("2026-11-02")
		}, []brief{{Kind: Appeal, Due: "2026-11-12", Open: true, Period: "10日"}}},
		{"准许撤诉 cannot be appealed", func(c *cases.Case) {
			c.Closure = &cases.Closure{On: date("2026-11-01"), Method: cases.WithdrawalPermitted}
			c.ServedOn = date("2026-11-02")
		}, nil},
		{"served but not closed: no appeal period yet", func(c *cases.Case) { c.ServedOn = date("2026-11-02") }, nil},
		{"appealed", func(c *cases.Case) {
			c.Closure = &cases.Closure{On: date("2026-04-15"), Method: cases.JudgmentDismissClaims}
			c.ServedOn, c.Appealed = date("2026-04-20"), &yes
		}, []brief{{Kind: Appeal, Due: "2026-05-06", Done: "已上诉", Period: "15日"}}},
		{"not appealed", func(c *cases.Case) {
			c.Closure = &cases.Closure{On: date("2026-04-15"), Method: cases.JudgmentIllegal}
			c.ServedOn, c.Appealed = date("2026-04-20"), &no
		}, []brief{{Kind: Appeal, Due: "2026-05-06", Done: "未上诉", Period: "15日"}}},
		{"answer and appeal together", func(c *cases.Case) {
			c.CopyReceivedOn, c.AnsweredOn = date("2026-01-05"), date("2026-01-19")
			c.Closure = &cases.Closure{On: date("2026-04-15"), Method: cases.JudgmentRevoke}
			c.ServedOn = date("2026-04-20")
		}, []brief{{Kind: Answer, Due: "2026-01-20", Done: "2026-01-19", Period: "15日"},
			{Kind: Appeal, Due: "2026-05-06", Open: true, Period: "15日"}}},
	}
	for _, tt := range tests {
		c := litigation("(2026)黔0115行初12号")
		tt.edit(c)
		if diff := cmp.Diff(tt.want, briefs(r.Of(c))); diff != "" {
			t.Errorf("%s (-want,+got):\n%s", tt.name, diff)
		}
	}

	// A second-instance judgment is final.
	c := litigation("(2026)黔01行终12号")
	c.Closure = &cases.Closure{On: date("2026-04-15"), Method: cases.AppealDismissed}
	c.ServedOn = date("2026-04-20")
	if ds := r.Of(c); len(ds) != 0 {
		t.Errorf("second instance: %+v, want no deadline", ds)
	}
}

func TestOfReconsideration(t *testing.T) {
	r := rules()
	tests := []struct {
		name string
		edit func(c *cases.Case)
		want []brief
	}{
		{"accepted: decision in 60 days", func(c *cases.Case) { c.FiledOn = date("2026-03-02") },
			[]brief{{Kind: Decision, Due: "2026-05-06", Open: true, Period: "60日"}}},
		{"copy received: reply in 10 working days", func(c *cases.Case) {
			c.FiledOn, c.CopyReceivedOn = date("2025-09-22"), date("2025-09-26")
		}, []brief{{Kind: Reply, Due: "2025-10-16", Open: true, Period: "10个工作日"},
			{Kind: Decision, Due: "2025-11-21", Open: true, Period: "60日"}}},
		{"简易程序", func(c *cases.Case) {
			c.FiledOn, c.CopyReceivedOn, c.Simplified = date("2026-02-10"), date("2026-02-12"), true
		}, []brief{{Kind: Reply, Due: "2026-02-26", Open: true, Period: "5个工作日"},
			{Kind: Decision, Due: "2026-03-12", Open: true, Period: "30日（简易程序）"}}},
		{"extended by 30", func(c *cases.Case) { c.FiledOn, c.ExtendedDays = date("2026-03-02"), 30 },
			[]brief{{Kind: Decision, Due: "2026-06-01", Open: true, Period: "60日，延长30日"}}},
		{"decided", func(c *cases.Case) {
			c.FiledOn, c.CopyReceivedOn, c.AnsweredOn = date("2026-03-02"), date("2026-03-05"), date("2026-03-12")
			c.Closure = &cases.Closure{On: date("2026-04-20"), Method: cases.ReconUphold}
		}, []brief{{Kind: Reply, Due: "2026-03-19", Done: "2026-03-12", Period: "10个工作日"},
			{Kind: Decision, Due: "2026-05-06", Done: "2026-04-20", Period: "60日"}}},
	}
	for _, tt := range tests {
		c := litigation("某府复〔2026〕12号")
		tt.edit(c)
		if diff := cmp.Diff(tt.want, briefs(r.Of(c))); diff != "" {
			t.Errorf("%s (-want,+got):\n%s", tt.name, diff)
		}
	}
}

func TestOfSuggestions(t *testing.T) {
	c := litigation("(2026)黔0115行初12号")
	c.Suggestions = []cases.Suggestion{
		{Kind: cases.JudicialSuggestion, ReceivedOn: date("2026-09-05"), Issuer: "某县人民法院"},
		{Kind: cases.ProcuratorialSuggestion, ReceivedOn: date("2026-07-31"), Issuer: "某县人民检察院"},
	}
	want := []brief{{Kind: JudicialReply, Due: "2026-10-08", Open: true, Period: "30日"},
		{Kind: ProcuratorialReply, Due: "2026-09-30", Open: true, Period: "2个月"}}
	if diff := cmp.Diff(want, briefs(rules().Of(c))); diff != "" {
		t.Errorf("defaults (-want,+got):\n%s", diff)
	}

	// The local period is configured; a date the document sets wins; a
	// reply closes the deadline.
	r := New(cal, shanghai, config.Deadlines{JudicialSuggestionDays: 60}, config.Rectify{})
	c.Suggestions[0].ReceivedOn = date("2026-03-02")
	c.Suggestions[1].DueOn, c.Suggestions[1].RepliedOn = date("2026-08-20"), date("2026-08-18")
	want = []brief{{Kind: JudicialReply, Due: "2026-05-06", Open: true, Period: "60日"},
		{Kind: ProcuratorialReply, Due: "2026-08-20", Done: "2026-08-18", Period: "建议书确定的期限"}}
	if diff := cmp.Diff(want, briefs(r.Of(c))); diff != "" {
		t.Errorf("configured (-want,+got):\n%s", diff)
	}
	if got := len(r.Open(c)); got != 1 {
		t.Errorf("Open: %d deadlines, want 1", got)
	}
}

// TestDatesReadInTheLedgersZone: a date typed as 2026-12-03 is midnight in
// Shanghai, 12-02 in UTC; its deadline counts from 12-03.
func TestDatesReadInTheLedgersZone(t *testing.T) {
	c := litigation("(2026)黔0115行初12号")
	c.CopyReceivedOn = date("2026-12-03").UTC()
	d, ok := rules().Find(c, Answer)
	if !ok || d.Start != day("2026-12-03") || d.Due != day("2026-12-18") {
		t.Errorf("Find = %+v, %v; want start 12-03, due 12-18", d, ok)
	}
}

func TestValueAndStatus(t *testing.T) {
	answer := Deadline{Kind: Answer, Start: day("2026-12-03"), Due: day("2026-12-18")}
	appeal := Deadline{Kind: Appeal, Start: day("2026-12-03"), Due: day("2026-12-18")}
	postponedAnswer := Deadline{Kind: Answer, Start: day("2025-09-20"), Due: day("2025-10-09"), Postponed: "国庆节、中秋节"}
	done := answer
	done.Done, done.DoneOn = true, day("2026-12-10")
	late := answer
	late.Done, late.DoneOn = true, day("2026-12-20")
	appealed := appeal
	appealed.Done, appealed.Result = true, "已上诉"
	moot := answer
	moot.Moot = true
	tests := []struct {
		d     Deadline
		today string
		want  string
	}{
		{answer, "2026-12-15", "2026年12月18日（周五，还剩3天）"},
		{answer, "2026-12-18", "2026年12月18日（周五，今天到期）"},
		{answer, "2026-12-20", "2026年12月18日（周五，已逾期2天）"},
		{appeal, "2026-12-20", "2026年12月18日（周五，上诉期已届满，未登记是否上诉）"},
		{done, "2026-12-20", "2026年12月18日（周五，12月10日已提交）"},
		{late, "2026-12-21", "2026年12月18日（周五，12月20日已提交，逾期2天）"},
		{appealed, "2026-12-21", "2026年12月18日（周五，已上诉）"},
		{moot, "2026-12-21", "2026年12月18日（周五，案件已结，未登记提交）"},
		{postponedAnswer, "2025-09-30", "2025年10月9日（周四，还剩9天；末日逢国庆节、中秋节顺延）"},
	}
	for _, tt := range tests {
		if got := tt.d.Value(day(tt.today)); got != tt.want {
			t.Errorf("Value on %s = %q, want %q", tt.today, got, tt.want)
		}
	}
}

func TestLines(t *testing.T) {
	c := litigation("(2026)黔0115行初12号")
	c.CopyReceivedOn = date("2026-12-03")
	c.Suggestions = []cases.Suggestion{{Kind: cases.ProcuratorialSuggestion, ReceivedOn: date("2026-10-20"), RepliedOn: date("2026-12-01")}}
	var got []string
	rules().Lines(c, date("2026-12-15").Add(15*time.Hour), func(label, value string) { got = append(got, label+"："+value) })
	want := []string{"答辩举证期限：2026年12月18日（周五，还剩3天）", "检察建议回复期限：2026年12月21日（周一，12月1日已回复）"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Lines (-want,+got):\n%s", diff)
	}

	// A closed case's unrecorded answer is left out of the card but kept
	// in the JSON.
	c.Closure = &cases.Closure{On: date("2026-12-16"), Method: cases.WithdrawalPermitted}
	got = nil
	rules().Lines(c, date("2026-12-20"), func(label, value string) { got = append(got, label) })
	if diff := cmp.Diff([]string{"检察建议回复期限"}, got); diff != "" {
		t.Errorf("Lines of a closed case (-want,+got):\n%s", diff)
	}
	js := rules().JSONOf(c, date("2026-12-20"))
	if len(js) != 2 || !js[0].Moot || js[0].DaysLeft != nil || js[0].Status != "案件已结，未登记提交" {
		t.Errorf("JSONOf = %+v", js)
	}
}

func TestFingerprint(t *testing.T) {
	base := rules().Fingerprint()
	if base != rules().Fingerprint() || !strings.HasPrefix(base, "v1-") {
		t.Fatalf("fingerprint %q not stable", base)
	}
	other, err := workcal.ParseCalendar([]byte(`{"years":[2026],"festivals":[{"name":"x","off":["2026-10-01","2026-10-02"]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	for name, r := range map[string]*Rules{
		"calendar":      New(other, shanghai, config.Deadlines{}, config.Rectify{}),
		"zone":          New(cal, time.UTC, config.Deadlines{}, config.Rectify{}),
		"judicial days": New(cal, shanghai, config.Deadlines{JudicialSuggestionDays: 60}, config.Rectify{}),
	} {
		if r.Fingerprint() == base {
			t.Errorf("a different %s keeps the fingerprint %s", name, base)
		}
	}
	// The rectification period is not indexed: it leaves the index alone.
	if New(cal, shanghai, config.Deadlines{}, config.Rectify{DueDays: 45}).Fingerprint() != base {
		t.Errorf("rectify.due_days changed the fingerprint")
	}
}

func TestFromConfig(t *testing.T) {
	cfg := config.Default()
	cfg.Reminder.Calendar = t.TempDir() + "/missing.json"
	if _, err := FromConfig(&cfg); err == nil || !strings.Contains(err.Error(), "读取工作日历") {
		t.Errorf("FromConfig with a missing calendar: %v", err)
	}
	if r := Default(); r.Location().String() != "Asia/Shanghai" || r.RectifyDays() != 30 || r.Calendar() == nil {
		t.Errorf("Default: %s, %d", r.Location(), r.RectifyDays())
	}
}

// TestAppelleeAnswer: on a second-instance case the copy received is the
// 上诉状副本, answered in the same 15 days under the civil procedure rule.
func TestAppelleeAnswer(t *testing.T) {
	c := litigation("(2026)黔01行终12号")
	c.CopyReceivedOn = date("2026-12-03")
	d, ok := rules().Find(c, Answer)
	if !ok || d.Due != day("2026-12-18") || !strings.Contains(d.Basis, "第一百七十四条") {
		t.Errorf("appellee answer: %+v, %v", d, ok)
	}
}
