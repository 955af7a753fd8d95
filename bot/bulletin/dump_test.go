package bulletin_test

import (
	"os"
	"testing"

	"casebot/bot/bulletin"
)

func TestDump(t *testing.T) {
	if os.Getenv("DUMP") == "" {
		t.Skip()
	}
	rep := compute(t, nil, "2025-11-01 09:00")
	st := bulletin.Style{ControlLine: 0.15, Issuer: "某县司法局", Location: shanghai}
	for _, p := range rep.Markdown(st) {
		t.Logf("---- %d bytes\n%s", len(p), p)
	}
	for _, p := range rep.HeadMarkdown(agB, st) {
		t.Logf("---- HEAD %d bytes\n%s", len(p), p)
	}
	png, err := rep.Chart(bulletin.ChartStyle{ControlLine: 0.15, Location: shanghai})
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile("/tmp/chart.png", png, 0o644)
}
