package main

import (
	"strings"
	"testing"
	"time"

	"casebot/bot/bulletin"
	"casebot/bot/cases"
	"casebot/bot/people"
	"casebot/bot/redistest"
	"casebot/bot/store"
	"casebot/config"

	"github.com/google/go-cmp/cmp"
)

// TestSeedDemo loads the demo's data as `casebot demo` does and checks what
// the sandbox shows: hearings today and tomorrow, last month's lost cases
// for the bulletin, and a user of every role. Seeding again (a restart on
// the same Redis) changes nothing.
func TestSeedDemo(t *testing.T) {
	rdb, k := redistest.New(t)
	st := store.New(rdb, k)
	cfg := config.MustDefault()
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, cfg.Location)
	ctx := t.Context()
	if err := seedDemo(ctx, st, cfg, now); err != nil {
		t.Fatal(err)
	}
	// Short numbers (行初85) must resolve in the demo: its courts are those
	// of the sample ledger.
	if diff := cmp.Diff([]string{"黔0115", "黔01", "黔"}, cfg.Query.Courts); diff != "" {
		t.Errorf("demo query.courts (-want +got):\n%s", diff)
	}
	n, _ := st.CountCases(ctx)
	if n < 20 || n > 40 {
		t.Errorf("%d demo cases, want 20-40", n)
	}
	today := time.Date(2026, 11, 23, 0, 0, 0, 0, cfg.Location)
	for day, name := range []string{"today", "tomorrow"} {
		from := today.AddDate(0, 0, day)
		hs, err := st.HearingsBetween(ctx, from, from.AddDate(0, 0, 1))
		if err != nil || len(hs) == 0 {
			t.Errorf("hearings %s: %d, %v", name, len(hs), err)
		}
	}
	closed, err := st.ClosedNumbers(ctx, time.Date(2026, 10, 1, 0, 0, 0, 0, cfg.Location), time.Date(2026, 11, 1, 0, 0, 0, 0, cfg.Location))
	if err != nil {
		t.Fatal(err)
	}
	cs, _ := st.GetMany(ctx, closed)
	loss, _ := cases.NewLossSet(cfg.Cases.LossOutcomes)
	lost := 0
	for _, c := range cs {
		if loss.Lost(c) {
			lost++
		}
	}
	if lost == 0 {
		t.Errorf("no lost case closed in October among %v", closed)
	}
	// The bulletin of October, as the sandbox's 本月通报 computes it: heads
	// appeared at most hearings, and the notice names the agency whose
	// head missed one instead of saying nobody was heard.
	rep, err := bulletin.Compute(ctx, st, bulletin.Month{Year: 2026, Month: time.October},
		bulletin.Options{Loss: loss, Location: cfg.Location, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if r := rep.Total.AppearanceRate; rep.Total.Heard < 3 || r == nil || *r == 0 || *r == 1 {
		t.Errorf("October: heard %d, head appeared %d; want 3 or more heard, some heads absent", rep.Total.Heard, rep.Total.HeadAppeared)
	}
	notice := strings.Join(rep.Markdown(bulletin.Style{ControlLine: 0.15, Issuer: "某县司法局", ListLimit: 10, Location: cfg.Location}), "\n")
	if strings.Contains(notice, "本月无开庭") || !strings.Contains(notice, "负责人出庭率未达 100% 的单位") ||
		!strings.Contains(notice, "某县公安局</font>：开庭") {
		t.Errorf("October's notice does not name the agency under 100%% appearance:\n%s", notice)
	}
	for _, r := range people.Roles {
		ps, err := st.PeopleWithRole(ctx, r)
		if err != nil || len(ps) == 0 {
			t.Errorf("no demo user with role %s (%v)", r, err)
		}
	}
	if p, err := st.Person(ctx, "chenli"); err != nil || p.Agency != "某县市场监督管理局" {
		t.Errorf("chenli: %+v %v", p, err)
	}

	before, _ := st.GetMany(ctx, closed)
	if err := seedDemo(ctx, st, cfg, now); err != nil {
		t.Fatalf("seeding again: %v", err)
	}
	after, _ := st.GetMany(ctx, closed)
	for i := range before {
		if !before[i].UpdatedAt.Equal(after[i].UpdatedAt) {
			t.Errorf("seeding again rewrote %s", before[i].Number)
		}
	}
}
