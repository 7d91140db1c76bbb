package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"bulletin/model"
)

// Every entry of 办理记录 is as tall as its wrapped text at the list's width,
// measured again when the width changes, so that no entry runs under the next.
func TestTimelineRowsFitTheirText(t *testing.T) {
	test.NewTempApp(t)
	at := time.Date(2026, 11, 28, 9, 30, 0, 0, time.Local)
	long := "请县住建局会同城关镇于三日内清理消防通道，" + strings.Repeat("并说明整改措施、责任人和完成时限，", 8)
	evs := []*model.CaseEvent{
		{At: at, Action: "登记", To: model.StatusPending},
		{At: at, Action: model.ActionAssign, From: model.StatusPending, To: model.StatusAssigned, Note: long},
		{At: at, Action: model.ActionReply, From: model.StatusAssigned, To: model.StatusReplied, Note: "已回复"},
	}
	tl := newTimeline()
	w := test.NewTempWindow(t, tl)
	w.Resize(fyne.NewSize(420, 600))
	tl.setEvents(evs)
	for _, width := range []float32{420, 900} {
		w.Resize(fyne.NewSize(width, 600)) // measured again at the new width
		for i, ev := range evs {
			l := widget.NewLabel(eventText(ev))
			l.Wrapping = fyne.TextWrapWord
			l.Resize(fyne.NewSize(tl.Size().Width, 10))
			need := l.MinSize().Height
			if got := tl.heights[i]; got < need {
				t.Errorf("width %.0f: entry %d (%s) is %.0f px high, its text needs %.0f", width, i, ev.Action, got, need)
			}
		}
		if width == 420 && tl.heights[1] < 3*tl.heights[0] {
			t.Errorf("width 420: the long 交办 entry is %.0f px, the one-line entry %.0f: not wrapped", tl.heights[1], tl.heights[0])
		}
	}
	if tl.heights[1] >= tl.heights[0]*5 {
		t.Errorf("width 900: the long entry kept the height measured at 420 (%.0f px)", tl.heights[1])
	}
}
