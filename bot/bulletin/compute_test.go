package bulletin_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"casebot/bot/bulletin"
	"casebot/bot/cases"
)

// r is the rate n/d as the contract defines it; v is a literal rate.
func r(n, d int) *bulletin.Rate  { x := bulletin.Rate(float64(n) / float64(d)); return &x }
func v(x float64) *bulletin.Rate { y := bulletin.Rate(x); return &y }

var october = bulletin.Month{Year: 2025, Month: 10}

func compute(t *testing.T, loss []string, now string) *bulletin.Report {
	t.Helper()
	st := seedFixture(t)
	set, err := cases.NewLossSet(loss)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := bulletin.Compute(context.Background(), st, october, bulletin.Options{
		Loss: set, Location: shanghai, Now: at(now), Batch: 3, Workers: 3,
	})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// TestComputeFixture checks every field of the October 2025 report of the
// hand-built fixture against values worked out by hand (see fixture()).
func TestComputeFixture(t *testing.T) {
	got := compute(t, nil, "2025-11-01 09:00")

	want := &bulletin.Report{
		Month:       "2025-10",
		GeneratedAt: at("2025-11-01 09:00"),
		Total: bulletin.Stats{
			// Month: filed L2 L4 L7; closed L1 L2 L4 L5 L8 L10 L15; lost L1 L2 L15; judged L1 L2 L5
			// L15; mediated L4 L8 L10; heard L1 L2 L5 L7, appeared L1 L5, unrecorded L7;
			// reconsideration R1 R2 R3, corrected R1 R3.
			Figures: bulletin.Figures{Filed: 3, Closed: 7, Lost: 3, LossRate: r(3, 7), Judged: 4, LossRateJudged: r(3, 4),
				MediatedWithdrawn: 3, WithdrawalRate: r(3, 7), Heard: 4, HeadAppeared: 2, AppearanceRate: r(2, 4),
				ReconsiderationClosed: 3, ReconsiderationCorrected: 2, CorrectionRate: r(2, 3), HeadUnrecorded: 1},
			// Jan–Oct: adds L3 (filed, heard+appeared), L9 (filed, closed lost), L11 (filed, closed
			// judged, heard+appeared) and the earlier filings of L1 L5 L8 L10 L15.
			YTD: bulletin.Figures{Filed: 11, Closed: 9, Lost: 4, LossRate: r(4, 9), Judged: 6, LossRateJudged: r(4, 6),
				MediatedWithdrawn: 3, WithdrawalRate: r(3, 9), Heard: 6, HeadAppeared: 4, AppearanceRate: r(4, 6),
				ReconsiderationClosed: 3, ReconsiderationCorrected: 2, CorrectionRate: r(2, 3), HeadUnrecorded: 1},
			// Oct 2024: L12 (lost, heard+appeared), L13 (filed, judged), L14 (judged).
			YoY: bulletin.YearOnYear{Month: "2024-10",
				Figures: bulletin.Figures{Filed: 1, Closed: 3, Lost: 1, LossRate: r(1, 3), Judged: 3, LossRateJudged: r(1, 3),
					MediatedWithdrawn: 0, WithdrawalRate: r(0, 3), Heard: 1, HeadAppeared: 1, AppearanceRate: r(1, 1)},
				Change: bulletin.Figures{Filed: 2, Closed: 4, Lost: 2, LossRate: v(0.095238), Judged: 1, LossRateJudged: v(0.416667),
					MediatedWithdrawn: 3, WithdrawalRate: v(0.428571), Heard: 3, HeadAppeared: 1, AppearanceRate: v(-0.5),
					ReconsiderationClosed: 3, ReconsiderationCorrected: 2, CorrectionRate: nil, HeadUnrecorded: 1}},
		},
		Agencies: []bulletin.Stats{
			{ // A: L1, L2, R1 (L6 second instance and the 行审 case excluded; L9 September).
				Agency: agA,
				Figures: bulletin.Figures{Filed: 1, Closed: 2, Lost: 2, LossRate: r(2, 2), Judged: 2, LossRateJudged: r(2, 2),
					MediatedWithdrawn: 0, WithdrawalRate: r(0, 2), Heard: 2, HeadAppeared: 1, AppearanceRate: r(1, 2),
					ReconsiderationClosed: 1, ReconsiderationCorrected: 1, CorrectionRate: r(1, 1)},
				YTD: bulletin.Figures{Filed: 3, Closed: 3, Lost: 3, LossRate: r(3, 3), Judged: 3, LossRateJudged: r(3, 3),
					WithdrawalRate: r(0, 3), Heard: 2, HeadAppeared: 1, AppearanceRate: r(1, 2),
					ReconsiderationClosed: 1, ReconsiderationCorrected: 1, CorrectionRate: r(1, 1)},
				YoY: bulletin.YearOnYear{Month: "2024-10",
					Figures: bulletin.Figures{Closed: 1, Lost: 1, LossRate: r(1, 1), Judged: 1, LossRateJudged: r(1, 1),
						WithdrawalRate: r(0, 1), Heard: 1, HeadAppeared: 1, AppearanceRate: r(1, 1)},
					Change: bulletin.Figures{Filed: 1, Closed: 1, Lost: 1, LossRate: v(0), Judged: 1, LossRateJudged: v(0),
						WithdrawalRate: v(0), Heard: 1, HeadAppeared: 0, AppearanceRate: v(-0.5),
						ReconsiderationClosed: 1, ReconsiderationCorrected: 1}},
			},
			{ // B: L2 (co-defendant), L4, L15; L3 closed in November.
				Agency: agB,
				Figures: bulletin.Figures{Filed: 2, Closed: 3, Lost: 2, LossRate: r(2, 3), Judged: 2, LossRateJudged: r(2, 2),
					MediatedWithdrawn: 1, WithdrawalRate: r(1, 3), Heard: 1, HeadAppeared: 0, AppearanceRate: r(0, 1)},
				YTD: bulletin.Figures{Filed: 5, Closed: 4, Lost: 2, LossRate: r(2, 4), Judged: 3, LossRateJudged: r(2, 3),
					MediatedWithdrawn: 1, WithdrawalRate: r(1, 4), Heard: 3, HeadAppeared: 2, AppearanceRate: r(2, 3)},
				YoY: bulletin.YearOnYear{Month: "2024-10",
					Change: bulletin.Figures{Filed: 2, Closed: 3, Lost: 2, Judged: 2, MediatedWithdrawn: 1, Heard: 1}},
			},
			{ // C: L5, L8, L10, R2, R3.
				Agency: agC,
				Figures: bulletin.Figures{Closed: 3, Lost: 0, LossRate: r(0, 3), Judged: 1, LossRateJudged: r(0, 1),
					MediatedWithdrawn: 2, WithdrawalRate: r(2, 3), Heard: 1, HeadAppeared: 1, AppearanceRate: r(1, 1),
					ReconsiderationClosed: 2, ReconsiderationCorrected: 1, CorrectionRate: r(1, 2)},
				YTD: bulletin.Figures{Filed: 3, Closed: 3, LossRate: r(0, 3), Judged: 1, LossRateJudged: r(0, 1),
					MediatedWithdrawn: 2, WithdrawalRate: r(2, 3), Heard: 1, HeadAppeared: 1, AppearanceRate: r(1, 1),
					ReconsiderationClosed: 2, ReconsiderationCorrected: 1, CorrectionRate: r(1, 2)},
				YoY: bulletin.YearOnYear{Month: "2024-10",
					Figures: bulletin.Figures{Filed: 1, Closed: 1, LossRate: r(0, 1), Judged: 1, LossRateJudged: r(0, 1),
						WithdrawalRate: r(0, 1)},
					Change: bulletin.Figures{Filed: -1, Closed: 2, LossRate: v(0), LossRateJudged: v(0),
						MediatedWithdrawn: 2, WithdrawalRate: v(0.666667), Heard: 1, HeadAppeared: 1,
						ReconsiderationClosed: 2, ReconsiderationCorrected: 1}},
			},
			{ // D: L7 only — filed and heard, nothing closed: every rate but appearance is null.
				Agency:  agD,
				Figures: bulletin.Figures{Filed: 1, Heard: 1, AppearanceRate: r(0, 1), HeadUnrecorded: 1},
				YTD:     bulletin.Figures{Filed: 1, Heard: 1, AppearanceRate: r(0, 1), HeadUnrecorded: 1},
				YoY: bulletin.YearOnYear{Month: "2024-10",
					Change: bulletin.Figures{Filed: 1, Heard: 1, HeadUnrecorded: 1}},
			},
		},
		// In order of closing; L2's two agencies in the order the ledger names them.
		LostCases: []bulletin.LostCase{
			{Number: "(2025)黔0115行初1号", Agency: agA, Outcome: "判决撤销", Reason: "未履行告知义务，程序违法", ClosedOn: "2025-10-10"},
			{Number: "(2025)黔0115行赔初1号", Agency: agB, Outcome: "判决赔偿", Reason: "", ClosedOn: "2025-10-22"},
			{Number: "(2025)黔0115行初2号", Agency: agA, Outcome: "判决确认违法", Reason: "超期作出决定", ClosedOn: "2025-10-31"},
			{Number: "(2025)黔0115行初2号", Agency: agB, Outcome: "判决确认违法", Reason: "超期作出决定", ClosedOn: "2025-10-31"},
		},
		// The fixture asks for no 整改 report and flags no case: the
		// sections are there, and empty (bot/bulletin/rectify_test.go fills them).
		Rectification: &bulletin.Rectification{Agencies: []bulletin.RectifyCounts{}, OverdueCases: []bulletin.RectifyCase{}, RepeatCases: []bulletin.RectifyCase{}},
		KeyCases:      []bulletin.KeyCase{},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("report (-want,+got):\n%s", diff)
	}
}

// TestComputeExtraLossOutcome: a locality that counts 改变行为后撤诉 as 败诉
// sees L10 lost; the 判决口径 rate is unchanged, since L10 is no judgment.
func TestComputeExtraLossOutcome(t *testing.T) {
	loss := []string{"判决撤销", "判决部分撤销", "判决确认违法", "判决确认无效", "判决履行法定职责", "判决给付", "判决变更", "判决赔偿", "改变行为后撤诉"}
	got := compute(t, loss, "2025-11-01 09:00")
	type line struct {
		Lost                     int
		LossRate, LossRateJudged *bulletin.Rate
		MediatedWithdrawn        int
	}
	pick := func(s bulletin.Stats) line { return line{s.Lost, s.LossRate, s.LossRateJudged, s.MediatedWithdrawn} }
	if diff := cmp.Diff(line{4, r(4, 7), r(3, 4), 3}, pick(got.Total)); diff != "" {
		t.Errorf("total (-want,+got):\n%s", diff)
	}
	c := got.Agency(agC)
	if c == nil {
		t.Fatal("agency C missing")
	}
	if diff := cmp.Diff(line{1, r(1, 3), r(0, 1), 2}, pick(*c)); diff != "" {
		t.Errorf("agency C (-want,+got):\n%s", diff)
	}
	var numbers []string
	for _, l := range got.LostCases {
		numbers = append(numbers, l.Number)
	}
	want := []string{"(2025)黔0115行初1号", "(2025)黔0115行初10号", "(2025)黔0115行赔初1号", "(2025)黔0115行初2号", "(2025)黔0115行初2号"}
	if diff := cmp.Diff(want, numbers); diff != "" {
		t.Errorf("lost cases (-want,+got):\n%s", diff)
	}
	// A ranks first (2/2), C now has a rate of 1/3 and still ranks below B (2/3).
	var order []string
	for _, a := range got.Agencies {
		order = append(order, a.Agency)
	}
	if diff := cmp.Diff([]string{agA, agB, agC, agD}, order); diff != "" {
		t.Errorf("ranking (-want,+got):\n%s", diff)
	}
}

// TestComputeMonthInProgress: asked on 10-21 at noon, the hearings of 10-28
// are not held yet and do not count as heard.
func TestComputeMonthInProgress(t *testing.T) {
	got := compute(t, nil, "2025-10-21 12:00")
	if got.Total.Heard != 3 || got.Total.HeadAppeared != 2 || got.Total.HeadUnrecorded != 0 {
		t.Errorf("heard %d, appeared %d, unrecorded %d; want 3, 2, 0 (L7's hearing on 10-28 is still ahead)",
			got.Total.Heard, got.Total.HeadAppeared, got.Total.HeadUnrecorded)
	}
	if d := got.Agency(agD); d == nil || d.Heard != 0 || d.AppearanceRate != nil {
		t.Errorf("D before its hearing: %+v", d)
	}
	// Closings after the report's time are in the ledger already (L2 on 10-31): the
	// ledger, not the clock, says what is closed.
	if got.Total.Closed != 7 {
		t.Errorf("closed %d, want 7", got.Total.Closed)
	}
}

// TestReportJSONShape checks the contract's keys, null rates and the
// absence of an "agency" key on the total.
func TestReportJSONShape(t *testing.T) {
	got := compute(t, nil, "2025-11-01 09:00")
	b, err := json.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"month", "generated_at", "total", "agencies", "lost_cases"} {
		if _, ok := doc[k]; !ok {
			t.Errorf("top-level key %q missing", k)
		}
	}
	figureKeys := []string{"filed", "closed", "lost", "loss_rate", "judged", "loss_rate_judged", "mediated_withdrawn",
		"withdrawal_rate", "heard", "head_appeared", "appearance_rate", "reconsideration_closed",
		"reconsideration_corrected", "correction_rate"}
	total := doc["total"].(map[string]any)
	if _, ok := total["agency"]; ok {
		t.Error("total has an agency key")
	}
	agencies := doc["agencies"].([]any)
	d := agencies[3].(map[string]any)
	for _, obj := range []map[string]any{total, total["ytd"].(map[string]any), d, d["ytd"].(map[string]any)} {
		for _, k := range figureKeys {
			if _, ok := obj[k]; !ok {
				t.Errorf("key %q missing in %v", k, obj)
			}
		}
	}
	if d["agency"] != agD || d["loss_rate"] != nil || d["correction_rate"] != nil {
		t.Errorf("agency D: agency=%v loss_rate=%v correction_rate=%v, want %s and nulls", d["agency"], d["loss_rate"], d["correction_rate"], agD)
	}
	if !strings.Contains(string(b), `"loss_rate":null`) {
		t.Error("null rates must be written as null")
	}
	if doc["generated_at"] != "2025-11-01T09:00:00+08:00" {
		t.Errorf("generated_at = %v, want the configured zone's time", doc["generated_at"])
	}
	lost := doc["lost_cases"].([]any)[0].(map[string]any)
	for _, k := range []string{"number", "agency", "outcome", "reason"} {
		if _, ok := lost[k]; !ok {
			t.Errorf("lost case key %q missing", k)
		}
	}
}
