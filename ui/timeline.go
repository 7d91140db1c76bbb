package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"bulletin/model"
)

// timeline is the 办理记录 tab: every entry is as tall as its text wrapped
// at the list's width, so that a long 交办说明 or 退回 reason takes the lines
// it needs instead of running under the next entry.
//
// It is a widget.List with one height per row, measured with a wrapping
// label of the row's width and measured again when the width changes, rather
// than a VBox of labels: a case's timeline grows with every move, 编报 and
// 批示, and the list draws only the rows in view.
type timeline struct {
	widget.BaseWidget
	list    *widget.List
	events  []*model.CaseEvent
	width   float32   // the width the heights were measured at
	heights []float32 // per row, for tests
}

func newTimeline() *timeline {
	t := &timeline{}
	t.list = widget.NewList(func() int { return len(t.events) },
		func() fyne.CanvasObject { return timelineLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if ev, ok := at(t.events, i); ok {
				o.(*widget.Label).SetText(eventText(ev))
			}
		})
	t.list.OnSelected = func(id widget.ListItemID) { t.list.Unselect(id) }
	t.ExtendBaseWidget(t)
	return t
}

func timelineLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// setEvents shows evs, measuring their heights at the width of the list.
func (t *timeline) setEvents(evs []*model.CaseEvent) {
	t.events = evs
	t.measure(t.width)
	t.list.Refresh()
	t.list.ScrollToTop()
}

// measure sets the height of every row for rows w wide.
func (t *timeline) measure(w float32) {
	t.width = w
	t.heights = t.heights[:0]
	if w <= 0 {
		return
	}
	probe := timelineLabel("")
	for i, ev := range t.events {
		probe.SetText(eventText(ev))
		probe.Resize(fyne.NewSize(w, probe.MinSize().Height))
		h := probe.MinSize().Height
		t.heights = append(t.heights, h)
		t.list.SetItemHeight(i, h)
	}
}

// CreateRenderer implements fyne.Widget.
func (t *timeline) CreateRenderer() fyne.WidgetRenderer {
	return &timelineRenderer{t: t}
}

type timelineRenderer struct{ t *timeline }

func (r *timelineRenderer) Layout(size fyne.Size) {
	if size.Width != r.t.width {
		r.t.measure(size.Width)
	}
	r.t.list.Resize(size)
}

func (r *timelineRenderer) MinSize() fyne.Size           { return r.t.list.MinSize() }
func (r *timelineRenderer) Refresh()                     { r.t.list.Refresh() }
func (r *timelineRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.t.list} }
func (r *timelineRenderer) Destroy()                     {}

// eventText is one entry of the timeline.
func eventText(ev *model.CaseEvent) string {
	s := formatDate(ev.At, true) + "  " + ev.Action
	if ev.From != ev.To && ev.From != "" {
		s += fmt.Sprintf("（%s → %s）", ev.From, ev.To)
	}
	if ev.Note != "" {
		s += "  " + ev.Note
	}
	return s
}
