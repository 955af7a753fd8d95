package bulletin_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"casebot/bot/bulletin"
	"casebot/bot/cases"
	"casebot/bot/redistest"
	"casebot/bot/store"
	"casebot/bot/store/storetest"
)

// TestPublishedFigure reproduces the published figure of DOMAIN.md §2.2 —
// 审结 4311, 败诉 686, 败诉率 15.91% — from generated cases: 4,311
// first-instance cases closed in October 2025, 686 of them by a 败诉
// judgment and the rest by judgments, rulings and withdrawals that are not,
// among 6,000 generated cases whose other dates lie years before.
func TestPublishedFigure(t *testing.T) {
	rdb, k := redistest.New(t)
	st := store.New(rdb, k)
	notLost := []cases.Outcome{cases.JudgmentDismissClaims, cases.RulingDismissSuit, cases.WithdrawalPermitted,
		cases.WithdrawalDeemed, cases.Mediation, cases.Termination}
	closed, lost, coDefendants := 0, 0, 0
	start := october.Start(shanghai)
	storetest.Seed(t, st, 6000, time.Date(2015, 1, 1, 0, 0, 0, 0, shanghai), func(i int, c *cases.Case) {
		if c.Kind != cases.Litigation || c.Stage != cases.StageFirst || closed == 4311 {
			return
		}
		// Spread over the month, first and last minute included.
		on := start.Add(time.Duration(closed) * ((31*24*time.Hour - time.Minute) / 4310))
		method := notLost[closed%len(notLost)]
		if lost < 686 {
			method = cases.DefaultLoss[lost%len(cases.DefaultLoss)]
			lost++
		}
		c.Closure = &cases.Closure{On: on, Method: method, Reason: "生成的案件"}
		closed++
		if len(c.Defendants) > 1 {
			coDefendants++
		}
	})
	if closed != 4311 || lost != 686 {
		t.Fatalf("generated %d closed, %d lost", closed, lost)
	}
	rep, err := bulletin.Compute(context.Background(), st, october, bulletin.Options{Location: shanghai, Now: at("2025-11-01 09:00")})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Total.Closed != 4311 || rep.Total.Lost != 686 || rep.Total.LossRate == nil || *rep.Total.LossRate != 686.0/4311 {
		t.Errorf("total: closed %d, lost %d, rate %v; want 4311, 686, 686/4311", rep.Total.Closed, rep.Total.Lost, rep.Total.LossRate)
	}
	text := strings.Join(rep.Markdown(style), "\n")
	if !strings.Contains(text, "审结 **4311** 件，其中行政机关败诉 **686** 件，败诉率 **15.91%**") {
		t.Errorf("markdown lacks the published figure:\n%.600s", text)
	}
	// Co-defendant cases count once for each agency, once in the total.
	sumClosed, sumLost := 0, 0
	for _, a := range rep.Agencies {
		sumClosed += a.Closed
		sumLost += a.Lost
	}
	if coDefendants == 0 || sumClosed != 4311+coDefendants {
		t.Errorf("agencies' closed add up to %d, want 4311 + %d co-defendant cases", sumClosed, coDefendants)
	}
	if len(rep.LostCases) != sumLost {
		t.Errorf("%d lost-case entries, want one per agency and lost case (%d)", len(rep.LostCases), sumLost)
	}
}
