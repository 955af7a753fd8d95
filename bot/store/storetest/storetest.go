// Package storetest generates fictional ledgers of any size and loads them
// into a store quickly, for tests and the million-case benchmarks.
package storetest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"casebot/bot/cases"
	"casebot/bot/store"
)

// Agencies are the fictional defendant agencies generated cases use.
var Agencies = []string{
	"某县人民政府", "某县市场监督管理局", "某县自然资源局", "某县公安局", "某县人力资源和社会保障局",
	"某县住房和城乡建设局", "某县生态环境局", "某县交通运输局", "某县卫生健康局", "某县应急管理局",
	"某县农业农村局", "某县城市管理综合执法局", "某县税务局", "某县教育局", "某县民政局",
	"某县水务局", "某县林业局", "某县文化和旅游局", "某镇人民政府", "某街道办事处",
}

var (
	surnames = []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐")
	given    = []rune("伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华")
	causes   = []string{"行政处罚", "行政许可", "行政强制", "政府信息公开", "行政征收", "工伤认定", "不履行法定职责", "行政登记", "行政协议", "行政赔偿"}
	outcomes = []cases.Outcome{cases.JudgmentDismissClaims, cases.JudgmentDismissClaims, cases.RulingDismissSuit,
		cases.WithdrawalPermitted, cases.JudgmentRevoke, cases.JudgmentIllegal, cases.WithdrawalDeemed, cases.JudgmentPerform}
	reconOutcomes = []cases.Outcome{cases.ReconUphold, cases.ReconUphold, cases.ReconDismiss, cases.ReconRevoke, cases.ReconTermination}
)

// Generate returns fictional case number i, the same for the same i and
// base. Cases spread over ten years and the agencies above: 80% first-
// instance litigation, 10% second instance, 10% reconsideration; about
// 60% closed; each has one hearing a month after filing, at 09:30.
func Generate(i int, base time.Time) *cases.Case {
	year := 2016 + i%10
	seq := i/10 + 1
	var n cases.Number
	switch {
	case i%10 == 7:
		n = cases.Number{Form: cases.ReconsiderationNumber, Org: "某府复", Year: year, Seq: seq}
	case i%10 == 3:
		n = cases.Number{Form: cases.CourtNumber, Court: "黔01", Type: "行终", Year: year, Seq: seq}
	default:
		n = cases.Number{Form: cases.CourtNumber, Court: "黔0115", Type: "行初", Year: year, Seq: seq}
	}
	filed := base.AddDate(0, 0, -(i*7919)%3650)
	c := &cases.Case{
		Number: n.String(),
		Kind:   n.Kind(),
		Plaintiffs: []cases.Party{cases.NewParty(string(surnames[i%len(surnames)]) +
			string(given[(i/len(surnames))%len(given)]) + string(given[(i/7)%len(given)]))},
		Defendants: []string{Agencies[(i*31)%len(Agencies)]},
		Cause:      causes[i%len(causes)],
		Court:      "某县人民法院",
		FiledOn:    filed,
		Stage:      n.Stage(),
		Handler:    "承办人" + fmt.Sprint(i%50),
	}
	if c.Kind == cases.Reconsideration {
		c.Court = "某县人民政府"
	}
	if i%13 == 0 {
		c.Defendants = append(c.Defendants, Agencies[(i*31+1)%len(Agencies)])
	}
	y, m, d := filed.AddDate(0, 0, 30).Date()
	c.AddHearing(cases.Hearing{At: time.Date(y, m, d, 9, 30, 0, 0, base.Location()), Place: "第一法庭"})
	if i%5 < 3 {
		method := outcomes[i%len(outcomes)]
		if c.Kind == cases.Reconsideration {
			method = reconOutcomes[i%len(reconOutcomes)]
		}
		c.Closure = &cases.Closure{On: filed.AddDate(0, 0, 90), Method: method}
	}
	return c
}

// Seed writes n generated cases into st, in batches, calling customize (if
// not nil) on each before it is written.
func Seed(tb testing.TB, st *store.Store, n int, base time.Time, customize func(i int, c *cases.Case)) {
	tb.Helper()
	ctx := context.Background()
	const batch = 1000
	cs := make([]*cases.Case, 0, batch)
	flush := func() {
		if err := st.PutMany(ctx, cs, nil); err != nil {
			tb.Fatalf("seed: %v", err)
		}
		cs = cs[:0]
	}
	for i := 0; i < n; i++ {
		c := Generate(i, base)
		if customize != nil {
			customize(i, c)
		}
		cs = append(cs, c)
		if len(cs) == batch {
			flush()
		}
	}
	if len(cs) > 0 {
		flush()
	}
}

// WithDeadlines is a Seed customizer that gives generated case i the dates
// that start and stop its statutory deadlines, as a ledger kept for years
// has them: the copy of the complaint or application received three days
// after filing and, for nine cases in ten, the answer submitted a week
// later; closed first-instance cases served five days after closing, three
// in four with the appeal decision recorded; a 司法建议 on one case in 50
// (half of them answered) and a 检察建议 on one in 70. Old open deadlines
// (lapsed appeal periods nobody recorded) pile up as they do in real
// ledgers, so indexes are measured at a realistic size.
func WithDeadlines(i int, c *cases.Case) {
	if c.Stage == cases.StageFirst || c.Kind == cases.Reconsideration {
		c.CopyReceivedOn = c.FiledOn.AddDate(0, 0, 3)
		if i%10 != 9 {
			c.AnsweredOn = c.CopyReceivedOn.AddDate(0, 0, 7)
		}
	}
	if c.Closure != nil && c.Stage == cases.StageFirst {
		c.ServedOn = c.Closure.On.AddDate(0, 0, 5)
		if i%4 != 0 {
			appealed := i%3 == 0
			c.Appealed = &appealed
		}
	}
	if i%50 == 0 {
		s := cases.Suggestion{Kind: cases.JudicialSuggestion, ReceivedOn: c.FiledOn.AddDate(0, 0, 120), Issuer: "某县人民法院",
			Content: "规范行政执法程序"}
		if i%100 == 0 {
			s.RepliedOn = s.ReceivedOn.AddDate(0, 0, 20)
		}
		c.Suggestions = append(c.Suggestions, s)
	}
	if i%70 == 0 {
		c.Suggestions = append(c.Suggestions, cases.Suggestion{Kind: cases.ProcuratorialSuggestion,
			ReceivedOn: c.FiledOn.AddDate(0, 0, 60), Issuer: "某县人民检察院", Content: "依法履行监管职责"})
	}
}
