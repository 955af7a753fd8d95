package cases

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

var cst = time.FixedZone("CST", 8*3600)

func tm(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, cst)
	if err != nil {
		panic(err)
	}
	return t
}

func hearingsAt(c *Case) []string {
	var out []string
	for _, h := range c.Hearings {
		s := h.At.Format("01-02 15:04")
		if h.Cancelled {
			s += " cancelled"
		}
		out = append(out, s)
	}
	return out
}

func TestReconcileHearings(t *testing.T) {
	now := tm("2025-11-20 10:00")
	base := func() *Case {
		c := &Case{Number: "(2025)黔0115行初1号"}
		yes := true
		c.AddHearing(Hearing{At: tm("2025-11-01 09:30"), HeadAppeared: &yes}) // past, held
		c.AddHearing(Hearing{At: tm("2025-12-03 09:30"), Place: "第一法庭"})
		return c
	}
	tests := []struct {
		name     string
		incoming []Hearing
		want     []HearingChange
		at       []string
	}{
		{
			name:     "same hearings: nothing changes",
			incoming: []Hearing{{At: tm("2025-11-01 09:30")}, {At: tm("2025-12-03 09:30"), Place: "第一法庭"}},
			at:       []string{"11-01 09:30", "12-03 09:30"},
		},
		{
			name:     "ledger shows only the next hearing: the past one is kept",
			incoming: []Hearing{{At: tm("2025-12-03 09:30"), Place: "第一法庭"}},
			at:       []string{"11-01 09:30", "12-03 09:30"},
		},
		{
			name:     "next hearing moved",
			incoming: []Hearing{{At: tm("2025-12-10 14:00"), Place: "第一法庭"}},
			want:     []HearingChange{{ID: 2, Kind: HearingRescheduled, From: tm("2025-12-03 09:30"), To: tm("2025-12-10 14:00")}},
			at:       []string{"11-01 09:30", "12-10 14:00"},
		},
		{
			name:     "place changed",
			incoming: []Hearing{{At: tm("2025-12-03 09:30"), Place: "第二法庭"}},
			want:     []HearingChange{{ID: 2, Kind: HearingUpdated, From: tm("2025-12-03 09:30"), To: tm("2025-12-03 09:30")}},
			at:       []string{"11-01 09:30", "12-03 09:30"},
		},
		{
			name:     "future hearing removed: cancelled",
			incoming: nil,
			want:     []HearingChange{{ID: 2, Kind: HearingCancelled, From: tm("2025-12-03 09:30")}},
			at:       []string{"11-01 09:30", "12-03 09:30 cancelled"},
		},
		{
			name:     "a second hearing added",
			incoming: []Hearing{{At: tm("2025-12-03 09:30"), Place: "第一法庭"}, {At: tm("2026-01-05 09:00")}},
			want:     []HearingChange{{ID: 3, Kind: HearingAdded, To: tm("2026-01-05 09:00")}},
			at:       []string{"11-01 09:30", "12-03 09:30", "01-05 09:00"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := base()
			got := ReconcileHearings(c, tt.incoming, now, "import:test.xlsx")
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("changes (-want,+got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.at, hearingsAt(c)); diff != "" {
				t.Errorf("hearings (-want,+got):\n%s", diff)
			}
			if c.Hearing(1).HeadAppeared == nil {
				t.Error("the recorded appearance of the past hearing was lost")
			}
			if err := (&Case{Number: c.Number, Kind: Litigation, Defendants: []string{"甲局"}, Hearings: c.Hearings,
				NextHearingID: c.NextHearingID}).Validate(); err != nil {
				t.Errorf("reconciled hearings are invalid: %v", err)
			}
		})
	}
}

func TestRescheduleIsRecorded(t *testing.T) {
	c := &Case{Number: "(2025)黔0115行初1号"}
	id := c.AddHearing(Hearing{At: tm("2025-12-03 09:30")})
	if !c.MoveHearing(id, tm("2025-12-04 09:30"), tm("2025-11-20 10:00"), "chat:li") {
		t.Fatal("move refused")
	}
	if c.MoveHearing(id, tm("2025-12-04 09:30"), tm("2025-11-20 10:00"), "chat:li") {
		t.Error("a move to the same time is not a move")
	}
	r := c.Hearing(id).Reschedules
	if len(r) != 1 || !r[0].From.Equal(tm("2025-12-03 09:30")) || r[0].Source != "chat:li" {
		t.Errorf("reschedules = %+v", r)
	}
	if c.NextHearing(tm("2025-12-04 09:00")).ID != id || c.NextHearing(tm("2025-12-05 00:00")) != nil {
		t.Error("NextHearing")
	}
}
