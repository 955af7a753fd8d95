package agency

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

var ledger = []string{"某县市场监督管理局", "某县人民政府", "某镇人民政府", "某县公安局", "某市公安局",
	"某县人力资源和社会保障局", "某县自然资源局", "某县城市管理综合执法局"}

func TestSame(t *testing.T) {
	n, err := New([]string{"县城管局=某县城市管理综合执法局"})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		a, b string
		want bool
	}{
		{"某县市场监督管理局", "某县市场监管局", true},
		{"某县市场监督管理局", "某县市监局", true},
		{"某县 市场监管局", "某县市场监督管理局", true},
		{"某县人社局", "某县人力资源和社会保障局", true},
		{"某县政府", "某县人民政府", true},
		{"县城管局", "某县城市管理综合执法局", true},
		{"某县综合执法局", "某县综合行政执法局", true},
		{"某县退役军人局", "某县退役军人事务局", true},
		{"某县公安局", "某市公安局", false}, // the place is never dropped
		{"某县人民政府", "某镇人民政府", false},
		{"", "", false},
		{"某县自然资源局", "", false},
	}
	for _, tt := range tests {
		if got := n.Same(tt.a, tt.b); got != tt.want {
			t.Errorf("Same(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestResolve(t *testing.T) {
	n, _ := New([]string{"县城管局=某县城市管理综合执法局"})
	tests := []struct {
		name string
		want []string
	}{
		{"市场监管局", []string{"某县市场监督管理局"}},
		{"市监局", []string{"某县市场监督管理局"}},
		{"人社局", []string{"某县人力资源和社会保障局"}},
		{"公安局", []string{"某县公安局", "某市公安局"}}, // ambiguous: both offered
		{"某县公安局", []string{"某县公安局"}},
		{"政府", []string{"某县人民政府", "某镇人民政府"}},
		{"县城管局", []string{"某县城市管理综合执法局"}},
		{"教育局", nil},
		{"", nil},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, n.Resolve(tt.name, ledger)); diff != "" {
			t.Errorf("Resolve(%q) (-want,+got):\n%s", tt.name, diff)
		}
	}
}

func TestNewRejectsMalformedAliases(t *testing.T) {
	for _, bad := range []string{"县城管局", "=某局", "县城管局=", "  =  "} {
		if _, err := New([]string{bad}); err == nil {
			t.Errorf("New(%q) accepted", bad)
		}
	}
}

// TestWith: a recorded spelling (a merge) joins the agency it was merged
// into; configuration wins over a recorded spelling.
func TestWith(t *testing.T) {
	n, _ := New([]string{"县城管局=某县城市管理综合执法局"})
	m := n.With(map[string]string{"某县城管大队": "某县城市管理综合执法局", "县城管局": "某县公安局"})
	if !m.Same("某县城管大队", "某县城市管理综合执法局") {
		t.Error("a recorded spelling is not the agency it was merged into")
	}
	if !m.Same("县城管局", "某县城市管理综合执法局") {
		t.Error("a recorded spelling overrode the configured alias")
	}
	if n.Same("某县城管大队", "某县城市管理综合执法局") {
		t.Error("With changed the receiver")
	}
	if got := m.Aliases("某县城市管理综合执法局"); !cmp.Equal(got, []string{"县城管局", "某县城管大队"}) {
		t.Errorf("Aliases = %v", got)
	}
}
