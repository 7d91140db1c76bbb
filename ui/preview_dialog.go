package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// sideBySideWidth is the narrowest window in which a dialog shows its form
// and the pages side by side; in a narrower one they are two tabs, so that
// neither is squeezed below what can be read.
const sideBySideWidth = 1000

// withPreview lays out a dialog's form and the preview of what it prints:
// the form on the left and the pages on the right, or the tabs 正文 and
// 版面预览 when the window is too narrow for both. formName names the form's tab.
func withPreview(win fyne.Window, form fyne.CanvasObject, formName string, p *previewPane) fyne.CanvasObject {
	if win.Canvas().Size().Width < sideBySideWidth {
		return container.NewAppTabs(container.NewTabItem(formName, form), container.NewTabItem("版面预览", p.content()))
	}
	split := container.NewHSplit(form, p.content())
	split.Offset = 0.5
	return split
}

// fillWindow sizes a dialog with a preview to most of the window (the pages
// need the height), leaving a margin so that it still reads as a dialog
// above the window; on a very wide screen it stops at a width where the
// form's lines stay short enough to read.
func (fd *formDialog) fillWindow() {
	s := fd.w.Canvas().Size()
	margin := 4 * theme.Padding()
	fd.d.Resize(fyne.NewSize(min(s.Width-2*margin, 1600), s.Height-2*margin))
}
