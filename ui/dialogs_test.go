package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// A dialog holding wrapped text is as tall as the wrapped text: its buttons
// come below the last line, not over it.
func TestSizedDialogFitsWrappedText(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1280, 800))
	msg := widget.NewLabel(strings.Repeat("印发后内容冻结，不能再修改；存档这份 PDF，以后导出、重印都与它一字不差。", 4))
	msg.Wrapping = fyne.TextWrapWord
	d := newFormDialog(w, "印发", "确认印发", sized(msg, 420), func() formResult { return closeThen(nil) })
	drv := fyne.CurrentApp().Driver()
	textBottom := drv.AbsolutePositionForObject(msg).Y + msg.Size().Height
	if y := drv.AbsolutePositionForObject(d.ok).Y; y < textBottom {
		t.Errorf("确认印发 at y=%.0f, over the text ending at y=%.0f", y, textBottom)
	}
	if msg.Size().Height < msg.MinSize().Height || msg.Size().Width > 420 {
		t.Errorf("text laid out %v, want at most 420 wide and as tall as it needs (%v)", msg.Size(), msg.MinSize())
	}
}
