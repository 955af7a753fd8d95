package bulletin_test

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"casebot/bot/bulletin"
)

// TestSpanAgreesWithTheMonth: the figures chat answers from
// (ComputeSpan) over a month and over January to that month are the
// bulletin's month and year to date, in total and for every agency,
// ranked the same, so chat and the bulletin never disagree.
func TestSpanAgreesWithTheMonth(t *testing.T) {
	st := seedFixture(t)
	ctx := context.Background()
	opt := bulletin.Options{Location: shanghai, Now: at("2025-11-01 09:00"), Batch: 3, Workers: 2}
	rep, err := bulletin.Compute(ctx, st, october, opt)
	if err != nil {
		t.Fatal(err)
	}
	month, err := bulletin.ComputeSpan(ctx, st, october.Start(shanghai), october.End(shanghai), opt)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(rep.Total.Figures, month.Total.Figures); diff != "" {
		t.Errorf("month total (-bulletin,+span):\n%s", diff)
	}
	if diff := cmp.Diff(rep.Total.YoY.Figures, month.Total.YoY.Figures); diff != "" {
		t.Errorf("year before (-bulletin,+span):\n%s", diff)
	}
	var ranked []string
	for _, a := range rep.Agencies {
		if a.Figures == (bulletin.Figures{}) && a.HeadUnrecorded == 0 {
			continue // only in the year to date
		}
		s := month.Agency(a.Agency)
		if s == nil {
			t.Errorf("%s is in the bulletin's month, not in the span's", a.Agency)
			continue
		}
		if diff := cmp.Diff(a.Figures, s.Figures); diff != "" {
			t.Errorf("%s (-bulletin,+span):\n%s", a.Agency, diff)
		}
		ranked = append(ranked, a.Agency)
	}
	var spanRanked []string
	for _, a := range month.Agencies {
		spanRanked = append(spanRanked, a.Agency)
	}
	if diff := cmp.Diff(ranked, spanRanked); diff != "" {
		t.Errorf("ranking (-bulletin,+span):\n%s", diff)
	}
	ytd, err := bulletin.ComputeSpan(ctx, st, october.YearStart().Start(shanghai), october.End(shanghai), opt)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(rep.Total.YTD, ytd.Total.Figures); diff != "" {
		t.Errorf("year to date (-bulletin,+span):\n%s", diff)
	}
}
