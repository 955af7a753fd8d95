package textdist

import "testing"

func TestDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"(2025)黔0115行初123号", "(2025)黔0115行初123号", 0},
		{"(2025)黔0115行初123号", "(2025)黔0115行初132号", 2},
		{"(2025)黔0115行初12号", "(2025)黔0115行初123号", 1},
		{"行初", "行终", 1},
		{"abc", "", 3},
	} {
		if got := Distance(tt.a, tt.b); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}
