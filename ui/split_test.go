package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// At 1280×800 the case editor gets room for its form, and the divider stays
// where the user put it, in the next session too.
func TestCaseSplitRoomAndRemembered(t *testing.T) {
	s := mustOpenStore(t)
	a := test.NewTempApp(t)
	w := a.NewWindow(appTitle) // not a temp window: onClose closes it
	w.Resize(fyne.NewSize(1280, 800))
	sh := newShell(a, w, s, newTestTasks(t))
	w.SetContent(sh.buildUI())
	cs := sh.cases
	cs.wait()
	t.Cleanup(func() { waitShell(sh) })
	if w := cs.split.Trailing.Size().Width; w < 500 {
		t.Errorf("case editor is %.0f px wide at 1280×800, want at least 500", w)
	}
	cs.split.SetOffset(0.7)
	sh.onNavigate(navMeetings)
	if got := a.Preferences().Float(prefCaseSplit); got != 0.7 {
		t.Errorf("saved divider = %v, want 0.7", got)
	}
	sh.meetings.split.SetOffset(0.4)
	sh.onClose()
	if got := a.Preferences().Float(prefMeetingSplit); got != 0.4 {
		t.Errorf("saved meeting divider = %v, want 0.4 (saved on close)", got)
	}

	w2 := test.NewTempWindow(t, nil)
	w2.Resize(fyne.NewSize(1280, 800))
	sh2 := newShell(a, w2, mustOpenStore(t), newTestTasks(t))
	t.Cleanup(func() { waitShell(sh2) })
	w2.SetContent(sh2.buildUI())
	sh2.cases.content()
	if sh2.cases.split.Offset != 0.7 || sh2.meetings.split.Offset != 0.4 {
		t.Errorf("next session: dividers at %v and %v, want 0.7 and 0.4", sh2.cases.split.Offset, sh2.meetings.split.Offset)
	}
	sh2.cases.wait()
}
