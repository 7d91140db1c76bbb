// Package chart is the one model of the bar charts of the 统计 screen and
// the 通报: the same data gives the same bars on screen (Fyne canvas) and
// on paper (vectors in the PDF, with the document's fonts). It computes
// where the bars go in a unit plot area; each side draws them.
package chart

import (
	"fmt"
	"strings"
)

// Chart is a bar chart of counts: one bar per label, in order.
type Chart struct {
	Title  string
	Unit   string // of the values: 件
	Labels []string
	Values []int
	Note   string // what the chart leaves out, printed under it; "" when nothing

	// Horizontal charts suit long labels (sources, 诉求类型): a bar per row,
	// its label on the left. Vertical ones suit time lines.
	Horizontal bool
}

// Bar is one bar in the unit plot area: X and W across (0–1, left to
// right), H up (0–1 of the axis maximum). Show tells whether its label is
// printed (long time lines label every few bars).
type Bar struct {
	Label string
	Value int
	X, W  float64
	H     float64
	Show  bool
}

// Axis is the value axis: from 0 to Max in Step.
type Axis struct{ Max, Step int }

// Ticks are the values of the axis's lines, 0 first.
func (a Axis) Ticks() []int {
	var t []int
	for v := 0; v <= a.Max && a.Step > 0; v += a.Step {
		t = append(t, v)
	}
	return t
}

// NiceAxis is the axis for values up to max: a top of 1, 2 or 5 × 10ⁿ steps,
// four to five of them (at least 1 to 5 when everything is 0).
func NiceAxis(max int) Axis {
	if max <= 0 {
		return Axis{Max: 5, Step: 1}
	}
	for mag := 1; ; mag *= 10 {
		for _, m := range []int{1, 2, 5} {
			step := m * mag
			if step*5 >= max {
				n := (max + step - 1) / step
				return Axis{Max: n * step, Step: step}
			}
		}
	}
}

// Empty reports whether there is nothing to draw (no bar or only zeros).
func (c Chart) Empty() bool {
	for _, v := range c.Values {
		if v > 0 {
			return false
		}
	}
	return true
}

// Layout places the bars: equal slots across, each bar gap of its slot
// wide, labels shown on every bar when there are at most maxLabels, else on
// every k-th bar (the first and last always).
func (c Chart) Layout(maxLabels int) ([]Bar, Axis) {
	top := 0
	for _, v := range c.Values {
		top = max(top, v)
	}
	ax := NiceAxis(top)
	n := len(c.Values)
	if n == 0 {
		return nil, ax
	}
	every := 1
	if maxLabels > 0 && n > maxLabels {
		every = (n + maxLabels - 1) / maxLabels
	}
	slot := 1 / float64(n)
	gap := 0.25
	if n > 40 {
		gap = 0.15
	}
	bars := make([]Bar, n)
	for i, v := range c.Values {
		label := ""
		if i < len(c.Labels) {
			label = c.Labels[i]
		}
		bars[i] = Bar{Label: label, Value: v, X: (float64(i) + gap/2) * slot, W: slot * (1 - gap),
			H: float64(v) / float64(ax.Max), Show: i%every == 0}
	}
	return bars, ax
}

// Count is a label and its number.
type Count struct {
	Label string
	N     int
}

// Of makes a chart of counts in their order.
func Of(title string, cs []Count) Chart {
	c := Chart{Title: title, Unit: "件"}
	for _, x := range cs {
		c.Labels = append(c.Labels, x.Label)
		c.Values = append(c.Values, x.N)
	}
	return c
}

// Top keeps the first n counts (most first) and adds the rest up as 其他;
// the note says how many labels went into 其他.
// A label 其他 of the data goes into that bar too.
func Top(title string, cs []Count, n int) Chart {
	if len(cs) <= n {
		return Of(title, blankAs(cs))
	}
	var keep []Count
	rest, merged := 0, 0
	for _, x := range cs {
		if len(keep) < n-1 && x.Label != "其他" {
			keep = append(keep, x)
			continue
		}
		rest += x.N
		merged++
	}
	c := Of(title, append(blankAs(keep), Count{"其他", rest}))
	c.Note = fmt.Sprintf("“其他”含 %d 项", merged)
	return c
}

// blankAs names an empty label 未填写.
func blankAs(cs []Count) []Count {
	out := make([]Count, len(cs))
	for i, x := range cs {
		if strings.TrimSpace(x.Label) == "" {
			x.Label = "未填写"
		}
		out[i] = x
	}
	return out
}

// Days is a chart of cases per day from counts labelled 2026-11-23, shown
// as 11-23.
func Days(title string, cs []Count) Chart {
	c := Of(title, cs)
	for i, l := range c.Labels {
		if len(l) == len("2006-01-02") {
			c.Labels[i] = l[5:]
		}
	}
	return c
}

// Months is a chart of cases per month from counts labelled 2026-11, shown
// as 11月, or 2026-11 when the months span years.
func Months(title string, cs []Count) Chart {
	c := Of(title, cs)
	if len(cs) > 0 && cs[0].Label[:min(4, len(cs[0].Label))] == cs[len(cs)-1].Label[:min(4, len(cs[len(cs)-1].Label))] {
		for i, l := range c.Labels {
			if len(l) == len("2006-01") {
				c.Labels[i] = strings.TrimPrefix(l[5:], "0") + "月"
			}
		}
	}
	return c
}
