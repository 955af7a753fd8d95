package bulletin_test

import (
	"context"
	"testing"
	"time"

	"casebot/bot/cases"
	"casebot/bot/redistest"
	"casebot/bot/store"
)

var shanghai = mustLoc("Asia/Shanghai")

func mustLoc(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// at reads "2006-01-02 15:04" in Asia/Shanghai.
func at(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, shanghai)
	if err != nil {
		panic(err)
	}
	return t
}

// Agencies of the fixture.
const (
	agA = "某县自然资源局"
	agB = "某县市场监督管理局"
	agC = "某县公安局"
	agD = "某镇人民政府"
	agE = "某县教育局" // only a year ago
)

type hearingSpec struct {
	at        string
	appeared  *bool // nil: not recorded
	cancelled bool
}

var yes, no = ptr(true), ptr(false)

func ptr[T any](v T) *T { return &v }

type caseSpec struct {
	number   string
	agencies []string
	filed    string // "" for none
	closedAt time.Time
	method   cases.Outcome
	reason   string
	stage    *cases.Stage // nil: the number's own stage
	hearings []hearingSpec
}

func (s caseSpec) build() *cases.Case {
	n := cases.MustParseNumber(s.number)
	c := &cases.Case{
		Number:     n.String(),
		Kind:       n.Kind(),
		Plaintiffs: []cases.Party{cases.NewParty("张三")},
		Defendants: s.agencies,
		Cause:      "行政处罚",
		Court:      "某县人民法院",
		Stage:      n.Stage(),
	}
	if s.stage != nil {
		c.Stage = *s.stage
	}
	if s.filed != "" {
		c.FiledOn = at(s.filed)
	}
	for _, h := range s.hearings {
		id := c.AddHearing(cases.Hearing{At: at(h.at), Place: "第一法庭", HeadAppeared: h.appeared})
		c.Hearing(id).Cancelled = h.cancelled
	}
	if s.method != "" {
		c.Closure = &cases.Closure{On: s.closedAt, Method: s.method, Reason: s.reason}
	}
	return c
}

// fixture is a hand-built ledger around October 2025. The comment on each
// case says what it must count for; the expected report in
// TestComputeFixture was worked out by hand from these comments.
func fixture() []caseSpec {
	none := cases.Stage("")
	return []caseSpec{
		// L1, A: closed in Oct by 判决撤销 (lost, judged); heard 10-08, head appeared. Filed in Sep (YTD).
		{number: "(2025)黔0115行初1号", agencies: []string{agA}, filed: "2025-09-02 00:00",
			closedAt: at("2025-10-10 00:00"), method: cases.JudgmentRevoke, reason: "未履行告知义务，程序违法",
			hearings: []hearingSpec{{at: "2025-10-08 09:30", appeared: yes}}},
		// L2, co-defendants A and B: filed in Oct; closed 10-31 23:59 (still Oct) by 判决确认违法;
		// heard 10-20, head recorded absent.
		{number: "(2025)黔0115行初2号", agencies: []string{agA, agB}, filed: "2025-10-05 00:00",
			closedAt: at("2025-10-31 23:59"), method: cases.JudgmentIllegal, reason: "超期作出决定",
			hearings: []hearingSpec{{at: "2025-10-20 14:30", appeared: no}}},
		// L3, B: closed 11-01 00:00, i.e. November: not in Oct, not in YTD. Filed Aug and heard
		// Sep (head appeared): YTD only.
		{number: "(2025)黔0115行初3号", agencies: []string{agB}, filed: "2025-08-01 00:00",
			closedAt: at("2025-11-01 00:00"), method: cases.JudgmentRevoke,
			hearings: []hearingSpec{{at: "2025-09-15 09:00", appeared: yes}}},
		// L4, B: filed 10-01 00:00 (first instant of Oct); closed by 准许撤诉: in the denominator,
		// mediated_withdrawn.
		{number: "(2025)黔0115行初4号", agencies: []string{agB}, filed: "2025-10-01 00:00",
			closedAt: at("2025-10-15 00:00"), method: cases.WithdrawalPermitted},
		// L5, C: closed by 判决驳回诉讼请求 (judged, not lost); heard twice in Oct, head
		// unrecorded at the first and present at the second: heard once, appeared. A cancelled
		// hearing with the head absent counts for nothing.
		{number: "(2025)黔0115行初5号", agencies: []string{agC}, filed: "2025-07-01 00:00",
			closedAt: at("2025-10-20 00:00"), method: cases.JudgmentDismissClaims,
			hearings: []hearingSpec{{at: "2025-10-09 09:00"}, {at: "2025-10-12 09:00", appeared: no, cancelled: true},
				{at: "2025-10-16 09:00", appeared: yes}}},
		// L6, A: second instance (行终, 二审), closed and heard in Oct: excluded everywhere.
		{number: "(2025)黔01行终6号", agencies: []string{agA}, filed: "2025-10-03 00:00",
			closedAt: at("2025-10-25 00:00"), method: cases.AppealAmended,
			hearings: []hearingSpec{{at: "2025-10-22 09:00", appeared: no}}},
		// L7, D: filed in Oct, open; heard 10-28 with the head unrecorded; a hearing in Nov
		// is outside. D has no closed case: its loss rates are null.
		{number: "(2025)黔0115行初7号", agencies: []string{agD}, filed: "2025-10-10 00:00",
			hearings: []hearingSpec{{at: "2025-10-28 09:00"}, {at: "2025-11-03 09:00", appeared: yes}}},
		// L8, C: closed 2025-09-30 16:00 UTC = 10-01 00:00 in Shanghai: October. 调解.
		{number: "(2025)黔0115行初8号", agencies: []string{agC}, filed: "2025-05-01 00:00",
			closedAt: time.Date(2025, 9, 30, 16, 0, 0, 0, time.UTC), method: cases.Mediation},
		// L9, A: closed 09-30 23:59: September, so YTD only. Lost, no reason given.
		{number: "(2025)黔0115行初9号", agencies: []string{agA}, filed: "2025-06-01 00:00",
			closedAt: at("2025-09-30 23:59"), method: cases.JudgmentRevoke},
		// L10, C: 改变行为后撤诉: mediated_withdrawn; lost only where the locality counts it.
		{number: "(2025)黔0115行初10号", agencies: []string{agC}, filed: "2025-06-10 00:00",
			closedAt: at("2025-10-12 00:00"), method: cases.WithdrawalAfterCorrection, reason: "被告撤销原处罚决定"},
		// L11, B: filed, heard (appeared) and closed in the spring: YTD only.
		{number: "(2025)黔0115行初11号", agencies: []string{agB}, filed: "2025-02-10 00:00",
			closedAt: at("2025-03-15 00:00"), method: cases.JudgmentDismissClaims,
			hearings: []hearingSpec{{at: "2025-03-01 09:00", appeared: yes}}},
		// L15, B: 行赔初 with no stage recorded: first instance by its number. 判决赔偿, lost.
		{number: "(2025)黔0115行赔初1号", agencies: []string{agB}, filed: "2025-09-20 00:00", stage: &none,
			closedAt: at("2025-10-22 00:00"), method: cases.JudgmentCompensate},
		// A 非诉执行审查 case closed in Oct: in no figure.
		{number: "(2025)黔0115行审1号", agencies: []string{agA}, filed: "2025-10-02 00:00",
			closedAt: at("2025-10-10 00:00"), method: cases.EnforcementAllowed},
		// Reconsideration: R1 A 撤销 (corrected), R2 C 维持, R3 C 确认违法 (corrected).
		{number: "某府复〔2025〕1号", agencies: []string{agA}, filed: "2025-09-01 00:00",
			closedAt: at("2025-10-18 00:00"), method: cases.ReconRevoke},
		{number: "某府复〔2025〕2号", agencies: []string{agC}, filed: "2025-09-05 00:00",
			closedAt: at("2025-10-19 00:00"), method: cases.ReconUphold},
		{number: "某府复〔2025〕3号", agencies: []string{agC}, filed: "2025-10-06 00:00",
			closedAt: at("2025-10-25 00:00"), method: cases.ReconIllegal},
		// A year before (Oct 2024): L12 A lost, heard with the head present; L13 C filed and
		// closed (驳回); L14 E closed (驳回) — E has nothing in 2025 and is not listed.
		{number: "(2024)黔0115行初12号", agencies: []string{agA}, filed: "2024-09-01 00:00",
			closedAt: at("2024-10-15 00:00"), method: cases.JudgmentRevoke,
			hearings: []hearingSpec{{at: "2024-10-10 09:00", appeared: yes}}},
		{number: "(2024)黔0115行初13号", agencies: []string{agC}, filed: "2024-10-08 00:00",
			closedAt: at("2024-10-20 00:00"), method: cases.JudgmentDismissClaims},
		{number: "(2024)黔0115行初14号", agencies: []string{agE}, filed: "2024-08-01 00:00",
			closedAt: at("2024-10-05 00:00"), method: cases.JudgmentDismissClaims},
		// Outside every period: closed Oct 2023, filed Oct 2023.
		{number: "(2023)黔0115行初1号", agencies: []string{agA}, filed: "2023-10-01 00:00",
			closedAt: at("2023-10-20 00:00"), method: cases.JudgmentRevoke},
	}
}

func seedFixture(t *testing.T) *store.Store {
	t.Helper()
	rdb, k := redistest.New(t)
	st := store.New(rdb, k)
	var cs []*cases.Case
	for _, s := range fixture() {
		cs = append(cs, s.build())
	}
	if err := st.PutMany(context.Background(), cs, nil); err != nil {
		t.Fatal(err)
	}
	return st
}
