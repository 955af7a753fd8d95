package bulletin

import "testing"

func TestStandingOf(t *testing.T) {
	r := func(v float64) *Rate { x := Rate(v); return &x }
	agencies := []Stats{
		{Agency: "A", Figures: Figures{Closed: 1, Lost: 1, LossRate: r(1)}},
		{Agency: "B", Figures: Figures{Closed: 1, Lost: 1, LossRate: r(1)}},
		{Agency: "C", Figures: Figures{Closed: 2, Lost: 1, LossRate: r(0.5)}},
		{Agency: "D", Figures: Figures{Closed: 3, Lost: 0, LossRate: r(0)}},
		{Agency: "E", Figures: Figures{Closed: 1, Lost: 0, LossRate: r(0)}},
		{Agency: "F", Figures: Figures{Filed: 2}}, // nothing closed: no rate
	}
	for _, c := range []struct {
		agency string
		want   Standing
	}{
		{"A", Standing{Rank: 1, Of: 5, Tied: true, Ranked: true}},
		{"B", Standing{Rank: 1, Of: 5, Tied: true, Ranked: true}},
		{"C", Standing{Rank: 3, Of: 5, Ranked: true}},
		// 0 losses in 3 and in 1 closed cases: 0.00%, ranked, tied last.
		{"D", Standing{Rank: 4, Of: 5, Tied: true, Ranked: true}},
		{"E", Standing{Rank: 4, Of: 5, Tied: true, Ranked: true}},
		{"F", Standing{Of: 5}},
		{"nobody", Standing{Of: 5}},
	} {
		if got := StandingOf(agencies, c.agency, LossRateOf); got != c.want {
			t.Errorf("%s: %+v, want %+v", c.agency, got, c.want)
		}
	}
}
