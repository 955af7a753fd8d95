package bulletin_test

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"testing"

	"casebot/bot/bulletin"
	"casebot/bot/bulletin/cjkfont"
	"casebot/bot/store/storetest"
)

func decodePNG(t *testing.T, b []byte) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("chart is not a PNG: %v", err)
	}
	return img
}

// count returns how many pixels of rect match.
func count(img image.Image, rect image.Rectangle, match func(r, g, b uint8) bool) int {
	n := 0
	for y := rect.Min.Y; y < rect.Max.Y; y++ {
		for x := rect.Min.X; x < rect.Max.X; x++ {
			c := color.RGBAModel.Convert(img.At(x, y)).(color.RGBA)
			if match(c.R, c.G, c.B) {
				n++
			}
		}
	}
	return n
}

func dark(r, g, b uint8) bool { return int(r)+int(g)+int(b) < 200 }

func near(want color.RGBA) func(r, g, b uint8) bool {
	return func(r, g, b uint8) bool {
		d := func(a, b uint8) int { return max(int(a)-int(b), int(b)-int(a)) }
		return d(r, want.R) < 8 && d(g, want.G) < 8 && d(b, want.B) < 8
	}
}

var (
	orange = color.RGBA{0xe0, 0x4f, 0x1a, 0xff} // loss above the control line
	blue   = color.RGBA{0x3b, 0x7d, 0xdd, 0xff} // loss under it
	green  = color.RGBA{0x2e, 0x9e, 0x5b, 0xff} // appearance 100%
)

// Chart layout the test relies on: 1200 px wide; a 180 px header; one
// 44 px row per agency with a case closed or heard, after the total.
const (
	headerH = 180
	rowH    = 44
)

func row(i int) image.Rectangle { return image.Rect(0, headerH+i*rowH, 1200, headerH+(i+1)*rowH) }

func TestChartRenders(t *testing.T) {
	rep := compute(t, nil, "2025-11-01 09:00")
	b, err := rep.Chart(bulletin.ChartStyle{ControlLine: 0.15, Location: shanghai})
	if err != nil {
		t.Fatal(err)
	}
	img := decodePNG(t, b)
	// Total + A, B, C, D.
	if got := img.Bounds(); got.Dx() != 1200 || got.Dy() != headerH+5*rowH+36+56 {
		t.Errorf("chart is %v, want 1200×%d", got, headerH+5*rowH+36+56)
	}
	// The title and every row's label drew text.
	if n := count(img, image.Rect(40, 20, 800, 60), dark); n < 500 {
		t.Errorf("title drew %d dark pixels", n)
	}
	for i := range 5 {
		label := row(i).Intersect(image.Rect(40, 0, 220, 10000))
		if n := count(img, label, dark); n < 100 {
			t.Errorf("row %d label drew %d dark pixels", i, n)
		}
	}
	// A (100%) and B (66.67%) are above the line: orange bars; C (0%) has none;
	// C's head always appeared: a green bar; D has no closed case: no loss bar.
	bars := []struct {
		row      int
		col      color.RGBA
		name     string
		wantSome bool
	}{
		{1, orange, "A loss over the line", true},
		{2, orange, "B loss over the line", true},
		{3, orange, "C loss", false},
		{3, blue, "C loss", false},
		{3, green, "C appearance 100%", true},
		{4, orange, "D loss", false},
		{4, blue, "D loss", false},
	}
	for _, c := range bars {
		n := count(img, row(c.row), near(c.col))
		if c.wantSome && n < 500 {
			t.Errorf("%s: %d bar pixels, want a bar", c.name, n)
		}
		if !c.wantSome && n > 20 {
			t.Errorf("%s: %d bar pixels, want none", c.name, n)
		}
	}
	// The control line is dashed red across the rows.
	red := near(color.RGBA{0xd0, 0x21, 0x21, 0xff})
	if n := count(img, image.Rect(0, headerH, 1200, headerH+5*rowH), red); n < 100 {
		t.Errorf("control line: %d red pixels", n)
	}
}

func TestChartNothingToDraw(t *testing.T) {
	rep := &bulletin.Report{Month: "2025-10", Agencies: []bulletin.Stats{{Agency: agA, Figures: bulletin.Figures{Filed: 2}}}}
	b, err := rep.Chart(bulletin.ChartStyle{ControlLine: 0.15})
	if err != nil || b != nil {
		t.Errorf("a month without closed or heard cases: chart %d bytes, err %v; want none", len(b), err)
	}
}

// TestFontCoversNames: the embedded subset has a glyph for every character
// of the fixture's and the generator's agency names and of the chart's own
// text, and says which characters it lacks.
func TestFontCoversNames(t *testing.T) {
	f, err := cjkfont.Default()
	if err != nil {
		t.Fatal(err)
	}
	names := append([]string{agA, agB, agC, agD, agE, "黔西南州遵义市毕节市六盘水市铜仁市",
		"2025年1—10月各单位一审行政诉讼败诉率与负责人出庭率（败诉数/审结数）控制线 15%÷本月无审结开庭合计…"},
		storetest.Agencies...)
	for _, n := range names {
		if m := cjkfont.Missing(f, n); len(m) > 0 {
			t.Errorf("font lacks %q of %q", string(m), n)
		}
	}
	if m := cjkfont.Missing(f, "㮾下"); string(m) != "㮾" {
		t.Errorf("Missing(㮾下) = %q, want 㮾 (outside GB 2312)", string(m))
	}
}
