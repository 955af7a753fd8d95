package ledger

import "testing"

func TestSampleReads(t *testing.T) {
	l, err := Sample(at("2025-11-20 08:00"), shanghai)
	if err != nil {
		t.Fatal(err)
	}
	st := newStore(t)
	res, err := Import(t.Context(), st, l, Options{Now: at("2025-11-20 08:00")})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%+v", res)
}
