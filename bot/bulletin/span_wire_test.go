package bulletin

import (
	"bytes"
	"encoding/gob"
	"reflect"
	"testing"
	"time"
)

// filled returns Figures with every field set from seed: counts seed+i,
// rates seed-th fractions, or 0 (a zero count over a denominator) when
// zero is set, so a field added to Figures and forgotten by the wire form
// fails the round trip.
func filled(seed int, zero bool) Figures {
	var f Figures
	v := reflect.ValueOf(&f).Elem()
	for i := range v.NumField() {
		switch fv := v.Field(i); fv.Kind() {
		case reflect.Int:
			fv.SetInt(int64(seed + i))
		case reflect.Pointer:
			r := Rate(float64(seed) / 10)
			if zero {
				r = 0
			}
			fv.Set(reflect.ValueOf(&r))
		}
	}
	return f
}

func TestSpanGobKeepsZeroRates(t *testing.T) {
	at := time.Date(2026, 11, 19, 8, 40, 0, 0, time.UTC)
	zero := Stats{Agency: "某县交通运输局", Figures: filled(1, true), YTD: filled(2, true),
		YoY: YearOnYear{Month: "2025-11", Figures: filled(3, true), Change: filled(4, true)}}
	some := Stats{Agency: "某县公安局", Figures: filled(5, false), YTD: filled(6, false),
		YoY: YearOnYear{Month: "2025-11", Figures: filled(7, false), Change: filled(8, false)}}
	none := Stats{Agency: "某县教育局", Figures: Figures{Filed: 1}} // no denominators: nil rates
	in := Span{From: at.AddDate(0, -10, 0), To: at, Now: at, Total: some, Agencies: []Stats{some, zero, none}}

	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(&in); err != nil {
		t.Fatal(err)
	}
	var out Span
	if err := gob.NewDecoder(&buf).Decode(&out); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(in, out) {
		t.Fatalf("round trip changed the span:\n in %+v\nout %+v", in, out)
	}
	z := out.Agency("某县交通运输局")
	if z.LossRate == nil || *z.LossRate != 0 || Percent(z.LossRate) != "0.00%" {
		t.Errorf("a zero loss rate over 1 closed case reads %v (%s), want 0.00%%", z.LossRate, Percent(z.LossRate))
	}
	if n := out.Agency("某县教育局"); n.LossRate != nil || Percent(n.LossRate) != "—" {
		t.Errorf("a rate without a denominator reads %s, want —", Percent(n.LossRate))
	}
}
