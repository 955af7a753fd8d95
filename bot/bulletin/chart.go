package bulletin

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"
	"time"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"casebot/bot/bulletin/cjkfont"
)

// ChartStyle is what a chart is drawn with.
type ChartStyle struct {
	// ControlLine is drawn across the loss-rate bars (0.15).
	ControlLine float64
	// Font draws every label; nil means the embedded CJK font.
	Font *opentype.Font
	// Location is the configured time zone, for the footer's time.
	Location *time.Location
}

// Chart geometry, in pixels.
const (
	chartWidth   = 1200
	chartMargin  = 40
	rowHeight    = 44
	barHeight    = 24
	panelGap     = 90
	maxLabelW    = 300
	axisHeight   = 36
	headerHeight = 180
	footerHeight = 56
)

var (
	colBackground = color.RGBA{0xff, 0xff, 0xff, 0xff}
	colStripe     = color.RGBA{0xf4, 0xf6, 0xf9, 0xff}
	colText       = color.RGBA{0x1f, 0x23, 0x28, 0xff}
	colMuted      = color.RGBA{0x6a, 0x73, 0x7d, 0xff}
	colGrid       = color.RGBA{0xdd, 0xe1, 0xe6, 0xff}
	colLoss       = color.RGBA{0x3b, 0x7d, 0xdd, 0xff} // under the control line
	colOver       = color.RGBA{0xe0, 0x4f, 0x1a, 0xff} // above it
	colControl    = color.RGBA{0xd0, 0x21, 0x21, 0xff}
	colAppeared   = color.RGBA{0x2e, 0x9e, 0x5b, 0xff} // 100%
	colShort      = color.RGBA{0xe8, 0x9b, 0x16, 0xff} // under 100%
)

// chartRow is one bar pair: an agency, or the total.
type chartRow struct {
	label        string
	total        bool
	loss, appr   *Rate
	lost, closed int
	appeared     int
	heard        int
}

func newChartRow(label string, f Figures) chartRow {
	return chartRow{label: label, loss: f.LossRate, appr: f.AppearanceRate,
		lost: f.Lost, closed: f.Closed, appeared: f.HeadAppeared, heard: f.Heard}
}

// Chart draws the month's loss rate by agency as bars against the control
// line, with each agency's 负责人出庭率 beside it, as a PNG. Agencies without
// a case closed or heard in the month have nothing to draw and are left
// out; when no agency has, Chart returns nil and no error.
func (r *Report) Chart(cs ChartStyle) ([]byte, error) {
	m, err := ParseMonth(r.Month)
	if err != nil {
		return nil, err
	}
	total := newChartRow("合计", r.Total.Figures)
	total.total = true
	rows := []chartRow{total}
	for _, a := range r.Agencies {
		if a.Closed > 0 || a.Heard > 0 {
			rows = append(rows, newChartRow(a.Agency, a.Figures))
		}
	}
	if len(rows) == 1 {
		return nil, nil
	}
	f := cs.Font
	if f == nil {
		if f, err = cjkfont.Default(); err != nil {
			return nil, err
		}
	}
	loc := cs.Location
	if loc == nil {
		loc = time.Local
	}
	d, err := newDrawing(f, len(rows))
	if err != nil {
		return nil, err
	}
	defer d.close()
	d.draw(m, rows, r, cs.ControlLine, loc)
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.DefaultCompression}
	if err := enc.Encode(&buf, d.img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

type drawing struct {
	img                      *image.RGBA
	title, label, small      font.Face
	labelW, lossX, lossW     int
	apprX, apprW, top, nrows int
}

func newDrawing(f *opentype.Font, nrows int) (*drawing, error) {
	d := &drawing{nrows: nrows}
	var err error
	if d.title, err = cjkfont.Face(f, 30); err != nil {
		return nil, err
	}
	if d.label, err = cjkfont.Face(f, 19); err != nil {
		return nil, err
	}
	if d.small, err = cjkfont.Face(f, 15); err != nil {
		return nil, err
	}
	h := headerHeight + nrows*rowHeight + axisHeight + footerHeight
	d.img = image.NewRGBA(image.Rect(0, 0, chartWidth, h))
	draw.Draw(d.img, d.img.Bounds(), image.NewUniform(colBackground), image.Point{}, draw.Src)
	return d, nil
}

func (d *drawing) close() {
	d.title.Close()
	d.label.Close()
	d.small.Close()
}

func (d *drawing) draw(m Month, rows []chartRow, r *Report, control float64, loc *time.Location) {
	// Columns: labels, loss-rate panel (wider: it carries the control
	// line), appearance panel.
	for _, row := range rows {
		d.labelW = max(d.labelW, d.measure(d.label, row.label))
	}
	d.labelW = min(d.labelW+16, maxLabelW)
	plot := chartWidth - 2*chartMargin - d.labelW - panelGap
	d.lossX = chartMargin + d.labelW
	d.lossW = plot * 58 / 100
	d.apprX = d.lossX + d.lossW + panelGap
	d.apprW = plot - d.lossW - panelGap
	d.top = headerHeight

	// Header.
	title := m.Label() + "各单位一审行政诉讼败诉率与负责人出庭率"
	d.text(d.title, title, chartMargin, 52, colText)
	d.text(d.title, title, chartMargin+1, 52, colText) // bold by double strike
	d.text(d.small, fmt.Sprintf("败诉率 = 败诉数 ÷ 审结数（含撤诉、驳回起诉）；出庭率 = 负责人出庭案件数 ÷ 开庭审理案件数；控制线 %s", pctShort(control)), chartMargin, 84, colMuted)
	d.legend(chartMargin, 112, control)
	d.text(d.label, "败诉率（败诉数/审结数）", d.lossX, headerHeight-36, colText)
	d.text(d.label, "负责人出庭率（出庭数/开庭数）", d.apprX, headerHeight-36, colText)

	// Scale of the loss panel: up to the next 10% above the highest rate
	// and half again the control line, so the line sits well inside.
	top := control * 1.5
	for _, row := range rows {
		if row.loss != nil {
			top = math.Max(top, float64(*row.loss))
		}
	}
	scale := math.Min(1, math.Ceil(top*10-1e-9)/10)
	step := 0.1
	if scale <= 0.3 {
		step = 0.05
	}

	bottom := d.top + len(rows)*rowHeight
	for i := range rows {
		if i%2 == 1 {
			d.fill(chartMargin, d.top+i*rowHeight, chartWidth-chartMargin, d.top+(i+1)*rowHeight, colStripe)
		}
	}
	// Grid and axis labels.
	for v := 0.0; v <= scale+1e-9; v += step {
		x := d.lossX + int(math.Round(v/scale*float64(d.lossW)))
		d.fill(x, d.top, x+1, bottom, colGrid)
		d.centered(d.small, fmt.Sprintf("%.0f%%", v*100), x, bottom+22, colMuted)
	}
	for v := 0.0; v <= 1+1e-9; v += 0.25 {
		x := d.apprX + int(math.Round(v*float64(d.apprW)))
		d.fill(x, d.top, x+1, bottom, colGrid)
		d.centered(d.small, fmt.Sprintf("%.0f%%", v*100), x, bottom+22, colMuted)
	}

	// Bars first, then the control line over them, then the values, each
	// on a patch of its row's colour so the line never crosses a number.
	cx := d.lossX + int(math.Round(control/scale*float64(d.lossW)))
	var values []value
	for i, row := range rows {
		y := d.top + i*rowHeight
		bg := colBackground
		if i%2 == 1 {
			bg = colStripe
		}
		baseline := y + rowHeight/2 + 7
		label := d.fit(d.label, row.label, d.labelW-16)
		d.text(d.label, label, chartMargin, baseline, colText)
		if row.total {
			d.text(d.label, label, chartMargin+1, baseline, colText)
		}
		by := y + (rowHeight-barHeight)/2
		if row.loss == nil {
			values = append(values, value{"本月无审结", d.lossX + 6, baseline, colMuted, bg})
		} else {
			v := float64(*row.loss)
			w := int(math.Round(v / scale * float64(d.lossW)))
			c := colLoss
			if v > control {
				c = colOver
			}
			d.fill(d.lossX, by, d.lossX+w, by+barHeight, c)
			s := fmt.Sprintf("%s（%d/%d）", pct(row.loss), row.lost, row.closed)
			values = append(values, d.place(s, d.lossX, w, d.lossX+d.lossW+panelGap-8, baseline, c, bg))
		}
		if row.appr == nil {
			values = append(values, value{"本月无开庭", d.apprX + 6, baseline, colMuted, bg})
		} else {
			v := float64(*row.appr)
			w := int(math.Round(v * float64(d.apprW)))
			c := colAppeared
			if v < 1 {
				c = colShort
			}
			d.fill(d.apprX, by, d.apprX+w, by+barHeight, c)
			s := fmt.Sprintf("%s（%d/%d）", pct(row.appr), row.appeared, row.heard)
			values = append(values, d.place(s, d.apprX, w, chartWidth-chartMargin/2, baseline, c, bg))
		}
		if row.total {
			d.fill(chartMargin, y+rowHeight-1, chartWidth-chartMargin, y+rowHeight, colMuted)
		}
	}
	for y := d.top - 4; y < bottom; y += 10 {
		d.fill(cx-1, y, cx+1, min(y+6, bottom), colControl)
	}
	d.centered(d.small, "控制线 "+pctShort(control), cx, d.top-8, colControl)
	for _, v := range values {
		if v.bg != v.c { // outside the bar: clear a patch first
			d.fill(v.x-3, v.y-16, v.x+d.measure(d.small, v.text)+3, v.y+5, v.bg)
		}
		col := colText
		if v.c == colMuted {
			col = colMuted
		} else if v.bg == v.c {
			col = colBackground
		}
		d.text(d.small, v.text, v.x, v.y, col)
	}

	d.text(d.small, fmt.Sprintf("口径：一审行政诉讼，共同被告各计一次。生成时间 %s", r.GeneratedAt.In(loc).Format("2006-01-02 15:04")),
		chartMargin, bottom+axisHeight+30, colMuted)
}

// value is a number drawn after the bars.
type value = struct {
	text string
	x, y int
	c    color.RGBA
	bg   color.RGBA
}

// place puts a bar's value just right of its end, or inside the bar, in
// white, when it would run past limit.
func (d *drawing) place(s string, x0, w, limit, baseline int, bar, bg color.RGBA) value {
	tw := d.measure(d.small, s)
	if x0+w+6+tw <= limit {
		return value{s, x0 + w + 6, baseline, bar, bg}
	}
	return value{s, x0 + w - tw - 6, baseline, bar, bar}
}

func (d *drawing) legend(x, y int, control float64) {
	items := []struct {
		c    color.RGBA
		text string
	}{
		{colLoss, "败诉率（未超控制线）"},
		{colOver, "败诉率（超过控制线 " + pctShort(control) + "）"},
		{colAppeared, "出庭率 100%"},
		{colShort, "出庭率未达 100%"},
	}
	for _, it := range items {
		d.fill(x, y-12, x+16, y+2, it.c)
		x += 22
		d.text(d.small, it.text, x, y, colText)
		x += d.measure(d.small, it.text) + 26
	}
}

func (d *drawing) fill(x0, y0, x1, y1 int, c color.RGBA) {
	draw.Draw(d.img, image.Rect(x0, y0, x1, y1), image.NewUniform(c), image.Point{}, draw.Src)
}

func (d *drawing) text(face font.Face, s string, x, y int, c color.RGBA) {
	dr := font.Drawer{Dst: d.img, Src: image.NewUniform(c), Face: face, Dot: fixed.P(x, y)}
	dr.DrawString(s)
}

func (d *drawing) centered(face font.Face, s string, x, y int, c color.RGBA) {
	d.text(face, s, x-d.measure(face, s)/2, y, c)
}

func (d *drawing) measure(face font.Face, s string) int {
	return font.MeasureString(face, s).Ceil()
}

// fit shortens s with an ellipsis until it fits w pixels.
func (d *drawing) fit(face font.Face, s string, w int) string {
	if d.measure(face, s) <= w {
		return s
	}
	r := []rune(s)
	for len(r) > 1 {
		r = r[:len(r)-1]
		if t := string(r) + "…"; d.measure(face, t) <= w {
			return t
		}
	}
	return s
}
