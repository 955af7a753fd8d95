package store_test

import (
	"testing"

	"casebot/bot/store/storetest"
)

func TestGenerateIsValidAndUnique(t *testing.T) {
	base := at("2025-11-20 10:00")
	seen := map[string]bool{}
	for i := 0; i < 20000; i++ {
		c := storetest.Generate(i, base)
		if err := c.Validate(); err != nil {
			t.Fatalf("case %d: %v", i, err)
		}
		if seen[c.Number] {
			t.Fatalf("case %d repeats number %s", i, c.Number)
		}
		seen[c.Number] = true
	}
	s := mustStore(t)
	storetest.Seed(t, s, 2500, base, nil)
	if n, _ := s.CountCases(t.Context()); n != 2500 {
		t.Errorf("seeded %d cases, want 2500", n)
	}
}
