package layout

import (
	"fmt"
	"math"

	"bulletin/export/chart"
)

// ChartBlock is a bar chart (package chart) drawn as vectors across the 版心:
// the bars as filled rules, the labels and values in the document's fonts.
// Its title is centred in 黑体 on the first grid line; the chart takes Lines
// grid lines in all (0 means 9), and starts a new page when it does not fit
// on the rest of this one. A horizontal chart takes one band per bar.
type ChartBlock struct {
	Chart chart.Chart
	Lines int
}

// Sizes of the charts' texts, in pt.
const (
	chartLabel = 10.5 // 五号
	chartValue = 9.0  // 小五
)

// Colours of the charts.
var (
	ChartBar  = Colour{46, 84, 150}
	chartGrid = Colour{190, 190, 190}
)

func (b ChartBlock) place(e *engine) error {
	c := b.Chart
	lines := b.Lines
	if lines == 0 {
		lines = 9
	}
	note := 0
	if c.Note != "" {
		note = 1
	}
	if c.Horizontal {
		lines = 1 + int(math.Ceil(float64(len(c.Values))*chartRowH/e.pitch+0.3)) + note
	}
	if lines > e.nLines {
		return fmt.Errorf("图表「%s」的条目太多，一页放不下", c.Title)
	}
	if e.line > 0 && e.line+lines > e.nLines {
		e.newPage()
	}
	start := e.line
	if c.Title != "" {
		gs, w := e.single(runes(c.Title, Heiti), style{size: SizeSihao, cell: em(SizeSihao)})
		e.put(gs, w, Left, Right, alignCentre, SizeSihao, e.baseline(e.bandTop(start), SizeSihao), Black, PartChart, 1)
	}
	top := e.bandTop(start+1) + 2
	bottom := e.bandTop(start+lines-note) - 1
	if c.Horizontal {
		e.hbars(c, top)
	} else {
		e.vbars(c, top, bottom)
	}
	if note == 1 {
		gs, w := e.single(runes(c.Note, Fangsong), style{size: chartLabel, cell: em(chartLabel)})
		e.put(gs, w, Left, Right, alignRight, chartLabel, e.baseline(e.bandTop(start+lines-1), chartLabel), Black, PartChart, 1)
	}
	e.line = min(start+lines, e.nLines)
	return nil
}

// PartChart names a chart's texts in the Report.
const PartChart Part = "图表"

// chartRowH is the height of a bar's band in a horizontal chart, mm.
const chartRowH = 7.0

// text sets s at size in role r between left and right (condensed when
// wider), on baseline y.
func (e *engine) text(s string, r Role, size, left, right float64, align int, y float64) {
	gs, w := e.single(runes(s, r), style{size: size, cell: em(size)})
	e.put(gs, w, left, right, align, size, y, Black, PartChart, 1)
}

// width is the natural width of s at size.
func (e *engine) width(s string, size float64) float64 {
	_, w := e.single(runes(s, Fangsong), style{size: size, cell: em(size)})
	return w
}

// vbars draws a vertical bar chart between top and bottom: the value axis
// with its lines on the left, the labels under the bars.
func (e *engine) vbars(c chart.Chart, top, bottom float64) {
	p := func() *Page { return e.page() }
	labelW := 0.0
	for _, l := range c.Labels {
		labelW = max(labelW, e.width(l, chartLabel))
	}
	axisW := e.width(fmt.Sprint(chart.NiceAxis(maxOf(c.Values)).Max), chartValue) + 3
	x0, x1 := Left+axisW, Right-1
	y0 := bottom - em(chartLabel) - 2 // the base line
	y1 := top + em(chartValue) + 1    // room for the top value
	maxLabels := int((x1 - x0) / (labelW + 2))
	bars, ax := c.Layout(max(maxLabels, 1))
	for _, v := range ax.Ticks() {
		y := y0 - float64(v)/float64(ax.Max)*(y0-y1)
		col, w := chartGrid, 0.1
		if v == 0 {
			col, w = Black, 0.25
		}
		p().Rules = append(p().Rules, Rule{X1: x0, Y1: y, X2: x1, Y2: y, Width: w, Colour: col})
		e.text(fmt.Sprint(v), Fangsong, chartValue, Left, x0-1.5, alignRight, y+em(chartValue)*0.35)
	}
	showValues := len(bars) > 0 && (x1-x0)/float64(len(bars)) >= e.width("0000", chartValue)
	for _, b := range bars {
		x := x0 + (b.X+b.W/2)*(x1-x0)
		w := b.W * (x1 - x0)
		h := b.H * (y0 - y1)
		if h > 0 {
			p().Rules = append(p().Rules, Rule{X1: x, Y1: y0, X2: x, Y2: y0 - h, Width: w, Colour: ChartBar})
		}
		if showValues && b.Value > 0 {
			e.text(fmt.Sprint(b.Value), Fangsong, chartValue, x-10, x+10, alignCentre, y0-h-1)
		}
		if b.Show {
			half := max(labelW/2+1, w/2)
			e.text(b.Label, Fangsong, chartLabel, x-half, x+half, alignCentre, y0+2+ascent*em(chartLabel))
		}
	}
}

// hbars draws a horizontal bar chart from top: a band per bar, its label on
// the left, its value after it.
func (e *engine) hbars(c chart.Chart, top float64) {
	labelW := 0.0
	for _, l := range c.Labels {
		labelW = max(labelW, e.width(l, chartLabel))
	}
	labelW = min(labelW, Width/3)
	x0 := Left + labelW + 2
	x1 := Right - e.width(fmt.Sprint(maxOf(c.Values))+"0", chartLabel) - 2
	bars, _ := c.Layout(0)
	for i, b := range bars {
		band := top + float64(i)*chartRowH
		y := band + chartRowH/2
		base := y + em(chartLabel)*0.35
		e.text(b.Label, Fangsong, chartLabel, Left, x0-2, alignRight, base)
		l := b.H * (x1 - x0)
		if l > 0 {
			e.page().Rules = append(e.page().Rules, Rule{X1: x0, Y1: y, X2: x0 + l, Y2: y, Width: chartRowH * 0.6, Colour: ChartBar})
		}
		e.text(fmt.Sprint(b.Value), Fangsong, chartLabel, x0+l+1.5, Right, alignLeft, base)
	}
	n := float64(len(bars))
	e.page().Rules = append(e.page().Rules, Rule{X1: x0, Y1: top, X2: x0, Y2: top + n*chartRowH, Width: 0.25, Colour: Black})
}

func maxOf(vs []int) int {
	m := 0
	for _, v := range vs {
		m = max(m, v)
	}
	return m
}

// Note is a small paragraph (Size pt, 0 meaning 12) in 仿宋 across the
// 版心, set off the grid at 1.5 lines (the definitions under a table); the
// grid resumes below it.
type Note struct {
	Text string
	Size float64
}

func (b Note) place(e *engine) error {
	size := b.Size
	if size == 0 {
		size = 12
	}
	st := style{size: size, cell: em(size)}
	lineH := em(size) * 1.5
	if e.line >= e.nLines {
		e.newPage()
	}
	y := e.bandTop(e.line)
	for _, p := range paragraphs(b.Text) {
		rs := runes(p, Fangsong)
		if len(rs) == 0 {
			continue
		}
		for _, l := range e.lines(rs, st, Left+2*em(size), Left, Right) {
			if y+lineH > Bottom+eps {
				e.newPage()
				y = Top
			}
			e.emit(l, size, y+(lineH-em(size))/2+ascent*em(size), Black, PartChart, 1)
			y += lineH
		}
	}
	e.line = min(int(math.Ceil((y-Top)/e.pitch-eps)), e.nLines)
	return nil
}
