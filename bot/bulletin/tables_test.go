package bulletin_test

import (
	"strings"
	"testing"
	"time"

	"casebot/bot/bulletin"
	"casebot/bot/docx"
)

// TestAddedTables: the parts added to a bulletin on request list every
// agency the notice leaves out of its short lists, with the same figures.
func TestAddedTables(t *testing.T) {
	rep := compute(t, nil, "2025-11-01 09:00")
	app := checkParts(t, rep.AppearanceMarkdown(style, nil))
	heard := 0
	for _, a := range rep.Agencies {
		if a.Heard == 0 {
			continue
		}
		heard++
		if !strings.Contains(app, a.Agency+"：开庭 ") {
			t.Errorf("appearance table lacks %s (heard %d)", a.Agency, a.Heard)
		}
	}
	if heard == 0 {
		t.Fatal("the fixture holds no hearing: the test proves nothing")
	}
	own := checkParts(t, rep.AppearanceMarkdown(style, []string{agB}))
	for _, a := range rep.Agencies {
		if a.Agency != agB && strings.Contains(own, a.Agency+"：") {
			t.Errorf("an agency's own appearance table names %s", a.Agency)
		}
	}
	all := checkParts(t, rep.AgencyTableMarkdown(style))
	for _, a := range rep.Agencies {
		if !strings.Contains(all, a.Agency) {
			t.Errorf("agency table lacks %s", a.Agency)
		}
	}
}

// TestDocument: the Word layout of the notice keeps its title, headings
// and lines, without WeCom's markdown marks.
func TestDocument(t *testing.T) {
	rep := compute(t, nil, "2025-11-01 09:00")
	d := bulletin.Document(rep.Markdown(style), "某县司法局", time.Date(2025, 11, 1, 9, 0, 0, 0, time.UTC))
	if d.Title != "关于2025年10月行政机关败诉案件情况的通报" {
		t.Errorf("title %q", d.Title)
	}
	headings := 0
	for _, p := range d.Paragraphs {
		for _, r := range p.Runs {
			if strings.Contains(r.Text, "**") || strings.Contains(r.Text, "<font") || strings.HasPrefix(r.Text, "#") {
				t.Errorf("paragraph keeps a markdown mark: %q", r.Text)
			}
		}
		if p.Style == docx.Heading {
			headings++
		}
	}
	if headings < 5 {
		t.Errorf("%d headings, want the notice's sections", headings)
	}
}
