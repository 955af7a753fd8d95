package audit

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"casebot/bot/redistest"
)

func TestStreamIsCapped(t *testing.T) {
	rdb, k := redistest.New(t)
	const maxLen = 1000
	l := New(rdb, k, maxLen)
	ctx := context.Background()
	base := time.Date(2025, 11, 1, 9, 0, 0, 0, time.UTC)
	const n = 3000
	for i := range n {
		if err := l.Record(ctx, Entry{At: base.Add(time.Duration(i) * time.Second), User: fmt.Sprintf("u%d", i), Action: Query}); err != nil {
			t.Fatal(err)
		}
	}
	size, err := rdb.XLen(ctx, k.Audit()).Result()
	if err != nil {
		t.Fatal(err)
	}
	// MAXLEN ~ trims whole stream nodes (100 entries each by default), so
	// the stream may hold a little more than the cap, never the history.
	if size < maxLen || size > maxLen+200 {
		t.Errorf("stream holds %d entries, want about %d", size, maxLen)
	}
	es, err := l.List(ctx, Filter{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if es[0].User == "u0" {
		t.Errorf("oldest entry u0 was kept; the stream is not trimmed")
	}
	last, err := l.List(ctx, Filter{Since: base.Add((n - 1) * time.Second)})
	if err != nil || len(last) != 1 || last[0].User != fmt.Sprintf("u%d", n-1) {
		t.Errorf("newest entry = %+v, %v", last, err)
	}
}

func TestRecordAndFilter(t *testing.T) {
	rdb, k := redistest.New(t)
	l := New(rdb, k, 1000)
	ctx := context.Background()
	t0 := time.Date(2025, 11, 1, 9, 0, 0, 0, time.UTC)
	in := []Entry{
		{At: t0, User: "a", Name: "甲", Role: "staff", Action: Query, Kind: "case", Text: "行初1", Results: 2, Cases: []string{"x", "y"}},
		{At: t0.Add(time.Hour), User: "b", Name: "乙", Action: Update, Kind: "hearing", Detail: "待确认"},
		// A replica whose clock is behind: kept, after the newest.
		{At: t0.Add(30 * time.Minute), User: "c", Action: Refused},
		{At: t0.Add(2 * time.Hour), User: "a", Name: "甲", Action: Query, Results: 0},
	}
	for _, e := range in {
		if err := l.Record(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	users := func(f Filter) []string {
		es, err := l.List(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, e := range es {
			out = append(out, e.User+"@"+e.At.Sub(t0).String())
		}
		return out
	}
	tests := []struct {
		name string
		f    Filter
		want []string
	}{
		{"all", Filter{}, []string{"a@0s", "b@1h0m0s", "c@30m0s", "a@2h0m0s"}},
		{"user", Filter{User: "a"}, []string{"a@0s", "a@2h0m0s"}},
		{"name", Filter{User: "乙"}, []string{"b@1h0m0s"}},
		{"since", Filter{Since: t0.Add(time.Hour)}, []string{"b@1h0m0s", "a@2h0m0s"}},
		{"until", Filter{Until: t0.Add(time.Hour)}, []string{"a@0s", "c@30m0s"}},
		{"limit", Filter{Limit: 2}, []string{"a@0s", "b@1h0m0s"}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, users(tt.f)); diff != "" {
			t.Errorf("%s (-want,+got):\n%s", tt.name, diff)
		}
	}
	es, _ := l.List(ctx, Filter{Limit: 1})
	want := in[0]
	want.ID = es[0].ID
	if diff := cmp.Diff(want, es[0], cmpTime); diff != "" {
		t.Errorf("round trip (-want,+got):\n%s", diff)
	}
}

var cmpTime = cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) })
