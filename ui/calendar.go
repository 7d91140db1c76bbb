package ui

import (
	"fmt"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// weekdayHeads are the column heads of the calendar; weeks start on Monday as
// on Chinese wall calendars.
var weekdayHeads = []string{"一", "二", "三", "四", "五", "六", "日"}

// calendar is the small month view of the date field's picker.
type calendar struct {
	month    time.Time // first day of the month shown
	selected time.Time
	today    time.Time
	onPick   func(time.Time)

	title      *widget.Label
	prev, next *widget.Button
	days       [42]*widget.Button
}

// newCalendar shows the month of selected (of today when selected is zero).
func newCalendar(selected, today time.Time, onPick func(time.Time)) *calendar {
	c := &calendar{selected: selected, today: today, onPick: onPick}
	base := selected
	if base.IsZero() {
		base = today
	}
	c.month = time.Date(base.Year(), base.Month(), 1, 0, 0, 0, 0, time.Local)
	return c
}

func (c *calendar) buildUI() fyne.CanvasObject {
	c.title = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	c.prev = widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { c.onMonth(-1) })
	c.next = widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { c.onMonth(1) })
	grid := container.NewGridWithColumns(7)
	for _, h := range weekdayHeads {
		grid.Add(widget.NewLabelWithStyle(h, fyne.TextAlignCenter, fyne.TextStyle{Bold: true}))
	}
	for i := range c.days {
		b := widget.NewButton("", func() { c.onDay(i) })
		b.Importance = widget.LowImportance
		c.days[i] = b
		grid.Add(b)
	}
	c.refresh()
	head := container.NewBorder(nil, nil, c.prev, c.next, c.title)
	return container.NewVBox(head, grid)
}

// firstCell is the index of the 1st of the month in the grid (Monday = 0).
func (c *calendar) firstCell() int { return (int(c.month.Weekday()) + 6) % 7 }

// dayAt returns the date of cell i, or false when the cell is outside the month.
func (c *calendar) dayAt(i int) (time.Time, bool) {
	d := c.month.AddDate(0, 0, i-c.firstCell())
	return d, d.Month() == c.month.Month()
}

func (c *calendar) refresh() {
	c.title.SetText(fmt.Sprintf("%d年%d月", c.month.Year(), c.month.Month()))
	for i, b := range c.days {
		d, in := c.dayAt(i)
		if !in {
			b.SetText("")
			b.Disable()
			continue
		}
		b.Enable()
		b.SetText(strconv.Itoa(d.Day()))
		switch {
		case sameDay(d, c.selected):
			b.Importance = widget.HighImportance
		case sameDay(d, c.today):
			b.Importance = widget.MediumImportance
		default:
			b.Importance = widget.LowImportance
		}
		b.Refresh()
	}
}

func (c *calendar) onMonth(delta int) {
	c.month = c.month.AddDate(0, delta, 0)
	c.refresh()
}

func (c *calendar) onDay(i int) {
	if d, in := c.dayAt(i); in && c.onPick != nil {
		c.onPick(d)
	}
}

// sameDay reports whether a and b fall on the same calendar day.
func sameDay(a, b time.Time) bool {
	if a.IsZero() || b.IsZero() {
		return false
	}
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}
