package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// tableCell is a cell of a fillTable table: a label that is cut with … when
// its text does not fit, and sized as such a label is. A label that
// truncates shapes its text and the ellipsis with HarfBuzz at every refresh
// and resize, fitting or not (fyne's truncateLimit builds a new shaper font
// each time): with a few hundred cells that was most of the time the 统计
// screen took to show a year's figures. This cell asks the label to
// truncate only when the text is wider than the cell; a text that fits is
// drawn the same either way.
type tableCell struct {
	widget.BaseWidget
	label *widget.Label
	width float32 // the text's width untruncated, with the label's padding; 0: not measured yet
}

func newTableCell() *tableCell {
	c := &tableCell{label: widget.NewLabel("")}
	c.ExtendBaseWidget(c)
	return c
}

// set shows s, bold or not, in importance imp; a cell whose text and style
// have not changed is not drawn again.
func (c *tableCell) set(s string, bold bool, imp widget.Importance) {
	l := c.label
	if l.Text == s && l.TextStyle.Bold == bold && l.Importance == imp {
		return
	}
	l.Text, l.TextStyle.Bold, l.Importance = s, bold, imp
	c.width = 0
	c.Refresh()
}

// fit makes the label truncate when the text is wider than width; it
// reports whether the label was refreshed for that.
func (c *tableCell) fit(width float32) bool {
	l := c.label
	want := fyne.TextTruncateOff
	if width > 0 {
		if c.width == 0 {
			c.width = fyne.MeasureText(l.Text, theme.TextSize(), l.TextStyle).Width + 2*theme.InnerPadding()
		}
		if c.width > width {
			want = fyne.TextTruncateEllipsis
		}
	}
	if l.Truncation == want {
		return false
	}
	l.Truncation = want
	l.Refresh()
	return true
}

// CreateRenderer implements fyne.Widget.
func (c *tableCell) CreateRenderer() fyne.WidgetRenderer { return &cellRenderer{cell: c} }

// cellRenderer lays the label over the whole cell.
type cellRenderer struct{ cell *tableCell }

// Layout implements fyne.WidgetRenderer.
func (r *cellRenderer) Layout(size fyne.Size) {
	r.cell.label.Resize(size)
	r.cell.fit(size.Width)
}

// MinSize implements fyne.WidgetRenderer: that of a label which truncates,
// whatever its text, so that a table is as wide as before.
func (r *cellRenderer) MinSize() fyne.Size { return truncatingLabelSize(r.cell.label.TextStyle.Bold) }

// Refresh implements fyne.WidgetRenderer.
func (r *cellRenderer) Refresh() {
	if !r.cell.fit(r.cell.Size().Width) {
		r.cell.label.Refresh()
	}
}

// Objects implements fyne.WidgetRenderer.
func (r *cellRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.cell.label} }

// Destroy implements fyne.WidgetRenderer.
func (r *cellRenderer) Destroy() {}

// truncatingSize is the MinSize of a one-line label that truncates with …,
// by boldness, text size and padding: it does not depend on the text.
type truncatingSize struct {
	bold       bool
	text, padd float32
}

var truncatingSizes = map[truncatingSize]fyne.Size{}

// truncatingLabelSize is the MinSize of a one-line label that truncates
// with …, measured once for each text size (it is read on the UI thread only).
func truncatingLabelSize(bold bool) fyne.Size {
	k := truncatingSize{bold: bold, text: theme.TextSize(), padd: theme.InnerPadding()}
	if s, ok := truncatingSizes[k]; ok {
		return s
	}
	l := widget.NewLabelWithStyle("—", fyne.TextAlignLeading, fyne.TextStyle{Bold: bold})
	l.Truncation = fyne.TextTruncateEllipsis
	s := l.MinSize()
	truncatingSizes[k] = s
	return s
}
