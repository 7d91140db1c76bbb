package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"bulletin/model"
)

// caseCell is one table cell: a pale red band behind overdue rows and the text.
type caseCell struct {
	widget.BaseWidget
	band  *canvas.Rectangle
	label *widget.Label
}

func newCaseCell() fyne.CanvasObject {
	c := &caseCell{band: canvas.NewRectangle(colorOverdueBand), label: widget.NewLabel("")}
	c.label.Truncation = fyne.TextTruncateEllipsis
	c.ExtendBaseWidget(c)
	return c
}

// CreateRenderer implements fyne.Widget.
func (c *caseCell) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(c.band, c.label))
}

func (cs *casesScreen) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	cell := o.(*caseCell)
	c := cs.caseAt(id.Row)
	if c == nil {
		cell.band.Hide()
		cell.label.Importance = widget.MediumImportance
		cell.label.SetText("…")
		return
	}
	overdue := c.Overdue(cs.now())
	open := cs.ed.orig != nil && cs.ed.orig.ID == c.ID
	cell.band.Hidden = !overdue && !open
	cell.band.FillColor = colorOverdueBand
	if open {
		cell.band.FillColor = colorSelection
	}
	cell.band.Refresh()
	cell.label.Importance = widget.MediumImportance
	if overdue {
		cell.label.Importance = widget.DangerImportance
	}
	cell.label.SetText(caseCellText(c, id.Col, overdue))
}

// caseCellText is the text of column col for case c.
func caseCellText(c *model.Case, col int, overdue bool) string {
	switch col {
	case 0:
		return c.Number
	case 1:
		return oneLine(c.Title)
	case 2:
		return c.Source
	case 3:
		return formatDate(c.Collected, false)
	case 4:
		return strings.Join(c.Departments, "、")
	case 5:
		return caseListStatus(c)
	case 6:
		if overdue {
			return formatDate(c.Due, false) + " 逾期"
		}
		return formatDate(c.Due, false)
	}
	return ""
}

// oneLine folds line breaks so that a cell shows one line.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// caseStatusText is the status of c followed by its marks 已编报 and 已批示,
// joined by sep, as the editor's heading shows them: "已交办 · 已编报 · 已批示".
func caseStatusText(c *model.Case, sep string) string {
	parts := []string{string(c.Status)}
	if c.Reported {
		parts = append(parts, "已编报")
	}
	if c.Instructed {
		parts = append(parts, "已批示")
	}
	return strings.Join(parts, sep)
}

// caseListStatus is the 状态 cell: the status and its latest mark only, to
// fit the column; 已批示 implies 已编报, since leaders instruct on issued
// bulletins. The editor's heading shows both marks.
func caseListStatus(c *model.Case) string {
	switch {
	case c.Instructed:
		return string(c.Status) + "·已批示"
	case c.Reported:
		return string(c.Status) + "·已编报"
	}
	return string(c.Status)
}
