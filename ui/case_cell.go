package ui

import (
	"fmt"
	"math"
	"strings"
	"time"

	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bulletin/model"
)

// colorDueSoonBand is the pale orange band behind the rows of cases 即将到期
// (overdue rows have colorOverdueBand).
var colorDueSoonBand = color.NRGBA{R: 0xfd, G: 0xf0, B: 0xdc, A: 0xff}

// caseCell is one table cell: a pale red band behind overdue rows, a pale
// orange one behind rows 即将到期, and the text.
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

// colorDueSoonText is the orange of 即将到期 (the theme's warning colour):
// darker than Fyne's, to be read on colorDueSoonBand. No ThemeOverride for it:
// each override scope makes Fyne parse the UI font again, for every cell.
var colorDueSoonText = color.NRGBA{R: 0xb4, G: 0x53, B: 0x09, A: 0xff}

func (cs *casesScreen) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	cell := o.(*caseCell)
	c := cs.caseAt(id.Row)
	if c == nil {
		cell.band.Hide()
		cell.label.Importance = widget.MediumImportance
		cell.label.SetText("…")
		return
	}
	state, _ := c.DueState(cs.calendar(), cs.now())
	open := cs.ed.orig != nil && cs.ed.orig.ID == c.ID
	cell.band.Hidden = state != model.DueLate && state != model.DueSoon && !open
	switch {
	case open:
		cell.band.FillColor = colorSelection
	case state == model.DueSoon:
		cell.band.FillColor = colorDueSoonBand
	default:
		cell.band.FillColor = colorOverdueBand
	}
	cell.band.Refresh()
	cell.label.Importance = dueImportance(c, state, id.Col)
	if id.Col == dueColumn {
		cell.label.SetText(dueText(c, cs.calendar(), cs.now()))
		return
	}
	cell.label.SetText(caseCellText(c, id.Col, cs.now()))
}

// dueImportance colours a cell: the whole row of an overdue case red, the
// 时限 of a case 即将到期 orange and that of a late reply red.
func dueImportance(c *model.Case, state model.DueState, col int) widget.Importance {
	switch {
	case state == model.DueLate:
		return widget.DangerImportance
	case col != dueColumn:
	case state == model.DueSoon:
		return widget.WarningImportance
	case c.RepliedLate():
		return widget.DangerImportance
	}
	return widget.MediumImportance
}

// dueColumn is the index of 时限 in caseColumns.
const dueColumn = 6

// caseCellText is the text of column col for case c on day now (the 时限
// counted on weekends alone: the screen uses dueText with its calendar).
func caseCellText(c *model.Case, col int, now time.Time) string {
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
		return caseCellStatus(c)
	case dueColumn:
		return dueText(c, model.NewCalendar(nil), now)
	}
	return ""
}

// dueText is the 时限 cell: the due date without its year when it is this
// year's, or the case's state against it (即将到期, 逾期3日, 逾期回复), and
// the number of 催办 (催2) while it waits for the reply; the longest of these
// that fits the column, the date going first, then 即将 and 期.
func dueText(c *model.Case, cal *model.Calendar, now time.Time) string {
	date := formatDate(c.Due, false)
	if !c.Due.IsZero() && c.Due.Year() == now.Year() {
		date = c.Due.Format("01-02")
	}
	urge := ""
	if c.Reminders > 0 && c.Status == model.StatusAssigned {
		urge = fmt.Sprintf(" 催%d", c.Reminders)
	}
	var cands []string
	switch st, n := c.DueState(cal, now); {
	case st == model.DueSoon:
		cands = []string{date + " 即将到期" + urge, "即将到期" + urge, "将到期" + urge, "即将到期"}
	case st == model.DueLate && n == 0:
		cands = []string{date + " 逾期" + urge, "逾期" + urge}
	case st == model.DueLate:
		cands = []string{fmt.Sprintf("%s 逾期%d日%s", date, n, urge), fmt.Sprintf("逾期%d日%s", n, urge),
			fmt.Sprintf("逾%d日%s", n, urge), fmt.Sprintf("逾期%d日", n)}
	case c.RepliedLate():
		cands = []string{c.ReplyLabel(), "逾期回复"}
	default:
		cands = []string{date + urge, date}
	}
	return fitDue(cands, caseColumns[dueColumn].width)
}

// fitDue is the first of cands that a label shows whole in width, or the
// last one.
func fitDue(cands []string, width float32) string {
	pad := 2 * theme.InnerPadding()
	for _, s := range cands {
		if fyne.MeasureText(s, theme.TextSize(), fyne.TextStyle{}).Width+pad <= width {
			return s
		}
	}
	return cands[len(cands)-1]
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

// caseCellStatus is the 状态 cell: caseListStatus without the dot and the
// mark's 已, to fit the narrow column: "已交办 批示".
func caseCellStatus(c *model.Case) string {
	switch {
	case c.Instructed:
		return string(c.Status) + " 批示"
	case c.Reported:
		return string(c.Status) + " 编报"
	}
	return string(c.Status)
}

// caseListStatus is the status and its latest mark only, for the lists of
// cases in 专报; 已批示 implies 已编报, since leaders instruct on issued
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

// caseTableLayout stacks the case table and the note over it, as
// container.NewStack does, after giving 标题 the width the other columns
// leave in the table's width.
type caseTableLayout struct{ cs *casesScreen }

// Layout implements fyne.Layout.
func (l caseTableLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	l.cs.fitColumns(size.Width)
	layout.NewStackLayout().Layout(objects, size)
}

// MinSize implements fyne.Layout.
func (l caseTableLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	return layout.NewStackLayout().MinSize(objects)
}

// fitColumns sets the column widths of the table for a table width wide.
func (cs *casesScreen) fitColumns(width float32) {
	widths := caseColumnWidths(width, cs.table.Theme().Size(theme.SizeNamePadding))
	for i, w := range widths {
		cs.table.SetColumnWidth(i, w) // a no-op when unchanged
	}
	cs.colWidths = widths
}

// caseColumnWidths are the widths of caseColumns in a table width wide whose
// columns are gap apart: 标题 takes the rest, at least minCaseTitleWidth.
func caseColumnWidths(width, gap float32) []float32 {
	out := make([]float32, len(caseColumns))
	rest := width - gap*float32(len(caseColumns)-1)
	for i, c := range caseColumns {
		out[i] = c.width
		if i != caseTitleColumn {
			rest -= c.width
		}
	}
	out[caseTitleColumn] = max(minCaseTitleWidth, float32(math.Floor(float64(rest))))
	return out
}
