package load

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestSummarize(t *testing.T) {
	ms := time.Millisecond
	hundred := make([]time.Duration, 100)
	for i := range hundred {
		hundred[i] = time.Duration(100-i) * ms // unsorted on purpose
	}
	tests := []struct {
		name string
		in   []time.Duration
		want Stats
	}{
		{"Empty", nil, Stats{}},
		{"One", []time.Duration{3 * ms}, Stats{N: 1, P50: 3 * ms, P99: 3 * ms, Max: 3 * ms, Avg: 3 * ms}},
		{"Hundred", hundred, Stats{N: 100, P50: 51 * ms, P99: 100 * ms, Max: 100 * ms, Avg: 50500 * time.Microsecond}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, summarize(tt.in)); diff != "" {
				t.Errorf("summarize (-want,+got):\n%s", diff)
			}
		})
	}
}
