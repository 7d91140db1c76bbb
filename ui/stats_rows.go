package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// The plain tables of the 统计 screen, whose rows open the cases they count.

// tableRow is one row of a fillTable table. When it opens something, a tap
// calls onTap, the pointer turns to a hand and the row is tinted under it.
// A table shown again keeps its rows and only changes their texts.
type tableRow struct {
	widget.BaseWidget
	cells  []string
	labels []*tableCell
	bg     *canvas.Rectangle
	fill   color.Color
	tint   *canvas.Rectangle
	body   fyne.CanvasObject
	onTap  func()
}

// newTableRow is a row of n empty cells.
func newTableRow(n int) *tableRow {
	r := &tableRow{bg: canvas.NewRectangle(colorPanel), tint: canvas.NewRectangle(color.Transparent)}
	box := container.New(firstWide{}, nil...)
	for j := range n {
		c := newTableCell()
		if j > 0 {
			c.label.Alignment = fyne.TextAlignTrailing
		}
		r.labels = append(r.labels, c)
		box.Add(c)
	}
	r.body = box
	r.ExtendBaseWidget(r)
	return r
}

// set shows cells in the row's style; what has not changed is not drawn again.
func (r *tableRow) set(cells []string, bold bool, danger int, fill color.Color, onTap func()) {
	r.cells, r.onTap = cells, onTap
	for j, s := range cells {
		imp := widget.MediumImportance
		if j == danger && s != "0" {
			imp = widget.DangerImportance
		}
		r.labels[j].set(s, bold, imp)
	}
	if r.fill != fill {
		r.fill, r.bg.FillColor = fill, fill
		r.bg.Refresh()
	}
}

// CreateRenderer implements fyne.Widget.
func (r *tableRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(r.bg, r.tint, r.body))
}

// Tapped implements fyne.Tappable.
func (r *tableRow) Tapped(*fyne.PointEvent) {
	if r.onTap != nil {
		r.onTap()
	}
}

// Cursor implements desktop.Cursorable: a hand over a row that opens cases.
func (r *tableRow) Cursor() desktop.Cursor {
	if r.onTap != nil {
		return desktop.PointerCursor
	}
	return desktop.DefaultCursor
}

// MouseIn implements desktop.Hoverable.
func (r *tableRow) MouseIn(*desktop.MouseEvent) {
	if r.onTap != nil {
		r.tint.FillColor = colorHover
		r.tint.Refresh()
	}
}

// MouseMoved implements desktop.Hoverable.
func (r *tableRow) MouseMoved(*desktop.MouseEvent) {}

// MouseOut implements desktop.Hoverable.
func (r *tableRow) MouseOut() {
	r.tint.FillColor = color.Transparent
	r.tint.Refresh()
}

// fillTable draws rows into box as a plain table: the first row is the
// header, the last (合计) is bold too, numbers are right-aligned and a figure
// other than 0 in column danger is red (-1: none). A tap on a row between
// the header and the 合计 calls open with its index in rows (nil: rows do
// nothing); the 合计 counts no one value and opens nothing. It returns the
// rows drawn, header first.
func fillTable(box *fyne.Container, rows [][]string, danger int, open func(i int)) []*tableRow {
	out := make([]*tableRow, 0, len(rows))
	objs := make([]fyne.CanvasObject, 0, len(rows))
	for i, row := range rows {
		var r *tableRow
		if i < len(box.Objects) {
			if old, ok := box.Objects[i].(*tableRow); ok && len(old.labels) == len(row) {
				r = old
			}
		}
		if r == nil {
			r = newTableRow(len(row))
		}
		var fill color.Color = colorPanel
		switch {
		case i == 0:
			fill = colorHeader
		case i%2 == 0:
			fill = colorBand
		}
		var tap func()
		if open != nil && i > 0 && i < len(rows)-1 {
			tap = func() { open(i) }
		}
		d := danger
		if i == 0 {
			d = -1 // the header's names are never red
		}
		r.set(row, i == 0 || i == len(rows)-1, d, fill, tap)
		out = append(out, r)
		objs = append(objs, r)
	}
	box.Objects = objs
	box.Refresh()
	return out
}

// firstWide lays cells out in a row as a grid does, the first (a name)
// twice as wide as the others (figures), so that 人民网领导留言板 or
// 市生态环境局本县分局 is not cut off while the figures have room to spare.
type firstWide struct{}

// Layout implements fyne.Layout.
func (firstWide) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if len(objs) == 0 {
		return
	}
	unit := size.Width / float32(len(objs)+1)
	x := float32(0)
	for i, o := range objs {
		w := unit
		if i == 0 {
			w = 2 * unit
		}
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w
	}
}

// MinSize implements fyne.Layout.
func (firstWide) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for _, o := range objs {
		m := o.MinSize()
		w = max(w, m.Width)
		h = max(h, m.Height)
	}
	return fyne.NewSize(w*float32(len(objs)+1), h)
}
