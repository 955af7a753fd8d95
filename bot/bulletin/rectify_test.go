package bulletin_test

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"casebot/bot/bulletin"
	"casebot/bot/cases"
	"casebot/bot/redistest"
	"casebot/bot/store"
)

// lossWith is a first-instance loss of agency closed on closed with the
// 整改 record rc.
func lossWith(number, agency, closed string, rc *cases.Rectification) *cases.Case {
	n := cases.MustParseNumber(number)
	return &cases.Case{Number: n.String(), Kind: n.Kind(), Stage: n.Stage(), Defendants: []string{agency},
		Plaintiffs: []cases.Party{cases.NewParty("某公司")}, Cause: "行政处罚", Court: "某县人民法院",
		FiledOn: at("2025-03-01 00:00"), Closure: &cases.Closure{On: at(closed), Method: cases.JudgmentRevoke}, Rectify: rc}
}

// The October 2025 整改情况, as of 11-01 09:00 (rectify.due_days 30):
//   - R1 (agA): from 09-06, due 10-06 in 国庆 → 10-09, filed 10-08: due, filed, on time;
//   - R2 (agA): from 09-20, due 10-20, never filed: due, overdue;
//   - R3 (agB): from 09-25, due 10-25 (Sat) → 10-27, filed 10-30: due, filed, late;
//   - R4 (agB): requested 10-10 from 10-10, due 11-09 (Sun) → 11-10, a repeat of R3: requested, repeat;
//   - R5 (agA): from 08-01, due 08-31 → 09-01, never filed: overdue (the backlog);
//   - K (agC): open, flagged 败诉风险: a key case.
func TestBulletinRectification(t *testing.T) {
	rdb, k := redistest.New(t)
	st := store.New(rdb, k)
	filed := func(from, on string) *cases.Rectification {
		return &cases.Rectification{RequestedOn: at(from), From: at(from), Status: cases.RectifyFiled, FiledOn: at(on),
			Analysis: "程序违法", Measures: "加强法制审核"}
	}
	open := func(from string) *cases.Rectification {
		return &cases.Rectification{RequestedOn: at(from), From: at(from), Status: cases.RectifyRequested}
	}
	r4 := open("2025-10-10 00:00")
	r4.Repeat = "(2025)黔0115行初503号"
	key := cases.MustParseNumber("(2025)黔0115行初506号")
	risk := &cases.Case{Number: key.String(), Kind: key.Kind(), Stage: key.Stage(), Defendants: []string{agC},
		Plaintiffs: []cases.Party{cases.NewParty("某公司")}, Cause: "行政强制", Court: "某县人民法院", FiledOn: at("2025-09-01 00:00"),
		Risk: &cases.Risk{Reason: "强制拆除前未依法催告", By: "staff1", On: at("2025-10-15 10:00"), Leaders: []string{"fgld"}}}
	cs := []*cases.Case{
		lossWith("(2025)黔0115行初501号", agA, "2025-09-05 00:00", filed("2025-09-06 00:00", "2025-10-08 15:00")),
		lossWith("(2025)黔0115行初502号", agA, "2025-09-19 00:00", open("2025-09-20 00:00")),
		lossWith("(2025)黔0115行初503号", agB, "2025-09-24 00:00", filed("2025-09-25 00:00", "2025-10-30 10:00")),
		lossWith("(2025)黔0115行初504号", agB, "2025-10-09 00:00", r4),
		lossWith("(2025)黔0115行初505号", agA, "2025-07-31 00:00", open("2025-08-01 00:00")),
		risk,
	}
	if err := st.PutMany(context.Background(), cs, nil); err != nil {
		t.Fatal(err)
	}
	rep, err := bulletin.Compute(context.Background(), st, october, bulletin.Options{Location: shanghai, Now: at("2025-11-01 09:00"), Batch: 2})
	if err != nil {
		t.Fatal(err)
	}
	want := &bulletin.Rectification{
		Total: bulletin.RectifyCounts{Requested: 1, Due: 3, Filed: 2, OnTime: 1, Overdue: 2, Repeat: 1},
		Agencies: []bulletin.RectifyCounts{
			{Agency: agA, Due: 2, Filed: 1, OnTime: 1, Overdue: 2},
			{Agency: agB, Requested: 1, Due: 1, Filed: 1, Repeat: 1},
		},
		OverdueCases: []bulletin.RectifyCase{
			{Number: "(2025)黔0115行初505号", Agency: agA, Due: "2025-09-01"},
			{Number: "(2025)黔0115行初502号", Agency: agA, Due: "2025-10-20"},
		},
		RepeatCases: []bulletin.RectifyCase{{Number: "(2025)黔0115行初504号", Agency: agB, Due: "2025-11-10", Earlier: "(2025)黔0115行初503号"}},
	}
	if diff := cmp.Diff(want, rep.Rectification); diff != "" {
		t.Errorf("整改情况 (-want,+got):\n%s", diff)
	}
	if diff := cmp.Diff([]bulletin.KeyCase{{Number: key.String(), Agency: agC, Reason: "强制拆除前未依法催告", Flagged: "2025-10-15", Leaders: []string{"fgld"}}},
		rep.KeyCases); diff != "" {
		t.Errorf("重点案件 (-want,+got):\n%s", diff)
	}
	text := strings.Join(rep.Markdown(bulletin.Style{Location: shanghai}), "\n")
	for _, w := range []string{"本月新发整改通知 1 件；本月到期整改报告 3 件，已报送 2 件（按期 1 件）；截至统计时逾期未报送 2 件。",
		"逾期未报送整改报告的单位：" + agA + " 2 件", "**再次败诉**：" + agB, "强制拆除前未依法催告"} {
		if !strings.Contains(text, w) {
			t.Errorf("notice lacks %q:\n%s", w, text)
		}
	}
}
