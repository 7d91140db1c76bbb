package ui

import (
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"bulletin/export/chart"
)

// chartBar is one bar of a barChart.
type chartBar struct {
	Label string      // beside (horizontal) or under (vertical) the bar
	Sub   string      // a second, smaller line under Label in vertical charts, e.g. the year
	N     int         // the value; the longest bar is the largest N
	Color color.Color // nil: the theme's blue
}

// barChart is a small bar chart drawn with canvas rectangles and texts: the
// program stays free of chart libraries and looks the same on every PC.
// Horizontal charts suit long Chinese labels (departments, sources), vertical
// ones a time line (months). With no bar, or only zeros, it says 暂无数据
// instead of drawing empty axes.
type barChart struct {
	widget.BaseWidget
	vertical bool
	bars     []chartBar
	scale    int // the value axis's top (chart.NiceAxis) when set by SetChart; else the largest value

	OnTapped func(i int) // a bar was tapped (stats_open.go); nil: nothing happens
}

// Sizes of the charts, in the units of the theme.
const (
	chartText   = 13 // labels and values
	chartSub    = 11 // the second line of vertical labels
	chartRow    = 26 // height of a row of a horizontal chart
	chartPad    = 6
	chartMaxCol = 44 // widest column of a vertical chart
)

// Colours of the charts and tiles.
var (
	colorBarTrack = color.NRGBA{R: 0xee, G: 0xf1, B: 0xf5, A: 0xff}
	colorMuted    = color.NRGBA{R: 0x5f, G: 0x6b, B: 0x78, A: 0xff}
	colorPanel    = color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}
	colorBand     = color.NRGBA{R: 0xf7, G: 0xf8, B: 0xfa, A: 0xff}
)

func newBarChart(vertical bool) *barChart {
	c := &barChart{vertical: vertical}
	c.ExtendBaseWidget(c)
	return c
}

// SetBars shows bars, in the order given.
func (c *barChart) SetBars(bars []chartBar) {
	c.bars = bars
	c.Refresh()
}

// SetChart shows a chart of package chart, the model the 通报's PDF draws
// too: the same bars, scaled to the same axis top, labels thinned the same
// way (a bar whose label is not shown keeps it as a tooltip-less blank).
func (c *barChart) SetChart(m chart.Chart) {
	bars, ax := m.Layout(24)
	out := make([]chartBar, len(bars))
	for i, b := range bars {
		out[i] = chartBar{Label: b.Label, N: b.Value}
		if c.vertical && !b.Show {
			out[i].Label = ""
		}
	}
	c.bars, c.scale = out, ax.Max
	c.Refresh()
}

// empty reports whether there is nothing to draw.
func (c *barChart) empty() bool {
	for _, b := range c.bars {
		if b.N > 0 {
			return false
		}
	}
	return true
}

// CreateRenderer implements fyne.Widget.
func (c *barChart) CreateRenderer() fyne.WidgetRenderer {
	r := &chartRenderer{chart: c}
	r.Refresh()
	return r
}

// chartRenderer draws a barChart: for each bar a track, the bar, its label,
// its value (and the sub label), built again on every Refresh.
type chartRenderer struct {
	chart   *barChart
	objects []fyne.CanvasObject
	tracks  []*canvas.Rectangle
	rects   []*canvas.Rectangle
	labels  []*canvas.Text
	subs    []*canvas.Text
	values  []*canvas.Text
	axis    *canvas.Rectangle
	none    *canvas.Text
}

// newChartText is a text of the charts at size in colour c.
func newChartText(s string, size float32, c color.Color) *canvas.Text {
	t := canvas.NewText(s, c)
	t.TextSize = size
	return t
}

// Refresh implements fyne.WidgetRenderer.
func (r *chartRenderer) Refresh() {
	c := r.chart
	r.tracks, r.rects, r.labels, r.subs, r.values = nil, nil, nil, nil, nil
	r.none = newChartText("暂无数据", chartText+1, colorMuted)
	r.none.Alignment = fyne.TextAlignCenter
	r.axis = canvas.NewRectangle(colorSeparator)
	r.objects = []fyne.CanvasObject{r.none}
	if !c.empty() {
		r.objects = []fyne.CanvasObject{r.axis}
		for _, b := range c.bars {
			col := b.Color
			if col == nil {
				col = colorPrimary
			}
			track := canvas.NewRectangle(colorBarTrack)
			rect := canvas.NewRectangle(col)
			label := newChartText(b.Label, chartText, colorText)
			sub := newChartText(b.Sub, chartSub, colorMuted)
			value := newChartText(strconv.Itoa(b.N), chartText, colorText)
			value.TextStyle.Bold = true
			if c.vertical {
				label.Alignment, sub.Alignment, value.Alignment = fyne.TextAlignCenter, fyne.TextAlignCenter, fyne.TextAlignCenter
			} else {
				label.Alignment = fyne.TextAlignTrailing
			}
			r.tracks, r.rects = append(r.tracks, track), append(r.rects, rect)
			r.labels, r.subs, r.values = append(r.labels, label), append(r.subs, sub), append(r.values, value)
			r.objects = append(r.objects, track, rect, label, sub, value)
		}
	}
	r.Layout(c.Size())
	canvas.Refresh(c)
}

// Layout implements fyne.WidgetRenderer.
func (r *chartRenderer) Layout(size fyne.Size) {
	if r.chart.empty() {
		h := r.none.MinSize().Height
		r.none.Move(fyne.NewPos(0, (size.Height-h)/2))
		r.none.Resize(fyne.NewSize(size.Width, h))
		return
	}
	if r.chart.vertical {
		r.layoutVertical(size)
	} else {
		r.layoutHorizontal(size)
	}
}

// layoutHorizontal puts one row per bar: label, bar, value.
func (r *chartRenderer) layoutHorizontal(size fyne.Size) {
	labelW, valueW := float32(0), float32(0)
	for i, b := range r.chart.bars {
		// The bar's own label, not the text drawn: that was cut to the
		// width of the last layout, and a chart first laid out narrow (the
		// 通报口径 part is hidden until its first figures) kept labels of
		// one character at every width after.
		labelW = max(labelW, fyne.MeasureText(b.Label, chartText, fyne.TextStyle{}).Width)
		valueW = max(valueW, r.values[i].MinSize().Width)
	}
	labelW = min(labelW, size.Width*0.4)
	x0 := labelW + chartPad
	barMax := max(size.Width-x0-valueW-2*chartPad, 1)
	top := float32(0)
	r.axis.Move(fyne.NewPos(x0-1, top))
	r.axis.Resize(fyne.NewSize(1, float32(len(r.labels))*chartRow))
	peak := r.peak()
	for i, b := range r.chart.bars {
		y := top + float32(i)*chartRow
		th := r.labels[i].MinSize().Height
		r.labels[i].Text = fitText(b.Label, labelW, chartText)
		r.labels[i].Move(fyne.NewPos(0, y+(chartRow-th)/2))
		r.labels[i].Resize(fyne.NewSize(labelW, th))
		barH := float32(chartRow) * 0.62
		w := barMax * float32(b.N) / float32(peak)
		r.tracks[i].Move(fyne.NewPos(x0, y+(chartRow-barH)/2))
		r.tracks[i].Resize(fyne.NewSize(barMax, barH))
		r.rects[i].Move(fyne.NewPos(x0, y+(chartRow-barH)/2))
		r.rects[i].Resize(fyne.NewSize(w, barH))
		r.values[i].Move(fyne.NewPos(x0+w+chartPad, y+(chartRow-th)/2))
		r.values[i].Resize(r.values[i].MinSize())
		r.subs[i].Resize(fyne.NewSize(0, 0))
	}
}

// layoutVertical puts one column per bar: value on top, label and sub label
// under the base line.
func (r *chartRenderer) layoutVertical(size fyne.Size) {
	n := len(r.labels)
	valueH := r.values[0].MinSize().Height
	labelH := r.labels[0].MinSize().Height + r.subs[0].MinSize().Height
	plotH := max(size.Height-valueH-labelH-chartPad, 1)
	base := valueH + plotH
	colW := size.Width / float32(n)
	barW := min(colW*0.6, chartMaxCol)
	r.axis.Move(fyne.NewPos(0, base))
	r.axis.Resize(fyne.NewSize(size.Width, 1))
	peak := r.peak()
	for i, b := range r.chart.bars {
		x := float32(i) * colW
		h := plotH * float32(b.N) / float32(peak)
		r.tracks[i].Resize(fyne.NewSize(0, 0))
		r.rects[i].Move(fyne.NewPos(x+(colW-barW)/2, base-h))
		r.rects[i].Resize(fyne.NewSize(barW, h))
		r.values[i].Move(fyne.NewPos(x, base-h-valueH))
		r.values[i].Resize(fyne.NewSize(colW, valueH))
		r.values[i].Hidden = b.N == 0
		lh := r.labels[i].MinSize().Height
		r.labels[i].Move(fyne.NewPos(x, base+chartPad/2))
		r.labels[i].Resize(fyne.NewSize(colW, lh))
		r.subs[i].Move(fyne.NewPos(x, base+chartPad/2+lh))
		r.subs[i].Resize(fyne.NewSize(colW, r.subs[i].MinSize().Height))
	}
}

// peak is the top of the value axis: the chart model's when set, else the
// largest value, at least 1.
func (r *chartRenderer) peak() int {
	p := max(r.chart.scale, 1)
	for _, b := range r.chart.bars {
		p = max(p, b.N)
	}
	return p
}

// MinSize implements fyne.WidgetRenderer.
func (r *chartRenderer) MinSize() fyne.Size {
	n := len(r.chart.bars)
	switch {
	case r.chart.empty():
		return fyne.NewSize(160, 3*chartRow)
	case r.chart.vertical:
		return fyne.NewSize(float32(min(n, 24))*28, 170) // longer time lines get narrower bars
	}
	return fyne.NewSize(220, float32(max(n, 3))*chartRow)
}

// Objects implements fyne.WidgetRenderer.
func (r *chartRenderer) Objects() []fyne.CanvasObject { return r.objects }

// Destroy implements fyne.WidgetRenderer.
func (r *chartRenderer) Destroy() {}

// fitText shortens s with an ellipsis until it fits width w at text size.
func fitText(s string, w float32, size float32) string {
	fits := func(t string) bool { return fyne.MeasureText(t, size, fyne.TextStyle{}).Width <= w }
	if fits(s) {
		return s
	}
	rs := []rune(s)
	for len(rs) > 1 {
		rs = rs[:len(rs)-1]
		if fits(string(rs) + "…") {
			return string(rs) + "…"
		}
	}
	return string(rs)
}

// panel frames content on a white card with a bold title, the way the charts
// and the table of the 统计 screen are shown.
func panel(title fyne.CanvasObject, content fyne.CanvasObject) fyne.CanvasObject {
	bg := canvas.NewRectangle(colorPanel)
	bg.StrokeColor = colorSeparator
	bg.StrokeWidth = 1
	bg.CornerRadius = 4
	return container.NewStack(bg, container.NewPadded(container.NewBorder(title, nil, nil, nil, content)))
}

// panelTitle is the bold title of a panel.
func panelTitle(s string) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// statTile is one figure of the summary row: a caption, a large number and a
// small note under it.
type statTile struct {
	caption *canvas.Text
	value   *canvas.Text
	note    *canvas.Text
	box     fyne.CanvasObject
}

func newStatTile(caption string) *statTile {
	t := &statTile{
		caption: newChartText(caption, chartText, colorMuted),
		value:   newChartText("—", 26, colorText),
		note:    newChartText(" ", chartSub+1, colorMuted),
	}
	t.value.TextStyle.Bold = true
	t.box = panel(nil, container.NewPadded(container.NewVBox(t.caption, t.value, t.note)))
	return t
}

// set shows value and note; danger draws the value in red.
func (t *statTile) set(value, note string, danger bool) {
	t.value.Text, t.note.Text = value, note
	t.value.Color = colorText
	if danger {
		t.value.Color = colorDanger
	}
	if note == "" {
		t.note.Text = " " // keeps the tiles one height
	}
	t.value.Refresh()
	t.note.Refresh()
}

// minHeight is an invisible spacer h high.
func minHeight(h float32) fyne.CanvasObject {
	r := canvas.NewRectangle(color.Transparent)
	r.SetMinSize(fyne.NewSize(0, h))
	return r
}
