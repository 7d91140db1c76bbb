package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bulletin/model"
)

// showLinks lists the linked cases and meetings, each with a button to
// unlink it while the issue is a draft.
func (e *bulletinEditor) showLinks() {
	e.caseBox.RemoveAll()
	for _, c := range e.cases {
		text := c.Number + "　" + caseListStatus(c) + "　" + oneLine(c.Title)
		e.caseBox.Add(e.linkRow(text, func() {
			e.cases = slices.DeleteFunc(e.cases, func(x *model.Case) bool { return x.ID == c.ID })
			e.showLinks()
		}))
	}
	if len(e.cases) == 0 {
		e.caseBox.Add(widget.NewLabel("（未选择）"))
	}
	e.meetingBox.RemoveAll()
	for _, m := range e.meetings {
		text := truncate(oneLine(m.Name), 26) + "　" + formatDate(m.Time, false)
		e.meetingBox.Add(e.linkRow(text, func() {
			e.meetings = slices.DeleteFunc(e.meetings, func(x *model.Meeting) bool { return x.ID == m.ID })
			e.showLinks()
		}))
	}
	if len(e.meetings) == 0 {
		e.meetingBox.Add(widget.NewLabel("（未选择）"))
	}
	e.relayoutLinks()
}

// relayoutLinks lays the right-hand column out again after its boxes changed
// height: a box's own refresh does not move what is below it, so the 选择案件
// button would stay where it was, over the second linked case.
func (e *bulletinEditor) relayoutLinks() {
	if e.links == nil {
		return
	}
	e.links.Refresh()
	e.linksScroll.Refresh()
}

// linkRow is one linked record with an unlink button (none when frozen).
func (e *bulletinEditor) linkRow(text string, unlink func()) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.Truncation = fyne.TextTruncateEllipsis
	if e.frozen() {
		return l
	}
	rm := widget.NewButtonWithIcon("", theme.CancelIcon(), unlink)
	rm.Importance = widget.LowImportance
	return container.NewBorder(nil, nil, nil, rm, l)
}
