package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// eachObject calls f on o and everything drawn under it, including the
// content of every tab (not only the one showing).
func eachObject(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	if o == nil {
		return
	}
	f(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			eachObject(c, f)
		}
	case *container.AppTabs:
		for _, it := range x.Items {
			eachObject(it.Content, f)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			eachObject(c, f)
		}
	}
}

// No choice box anywhere shows Fyne's English "(Select one)": each has a
// Chinese placeholder. The case list's date filters do not show a sample date
// that looks like a value.
func TestSelectsHaveChinesePlaceholders(t *testing.T) {
	s := mustOpenStore(t)
	sh, _ := newTestShell(t, s)
	selects := 0
	for _, name := range sh.names {
		sh.onNavigate(name)
		waitShell(sh) // the screen's loading draws in its goroutine under the test driver
		eachObject(sh.screens[name].content(), func(o fyne.CanvasObject) {
			if sel, ok := o.(*widget.Select); ok {
				selects++
				if sel.PlaceHolder == "" || sel.PlaceHolder == "(Select one)" {
					t.Errorf("%s: a choice box of %v has placeholder %q, want a Chinese one", name, sel.Options, sel.PlaceHolder)
				}
			}
		})
	}
	if selects < 5 {
		t.Errorf("found %d choice boxes on the screens, want at least the 3 case filters and 2 in the case editor", selects)
	}
	if p, q := sh.cases.from.entry.PlaceHolder, sh.cases.to.entry.PlaceHolder; p != "起始日期" || q != "截止日期" {
		t.Errorf("case date filters show %q and %q, want 起始日期 and 截止日期", p, q)
	}
}
