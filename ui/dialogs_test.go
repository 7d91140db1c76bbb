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

// labelsIn returns the texts of the labels inside o, one per line.
func labelsIn(t *testing.T, o fyne.CanvasObject) string {
	var b strings.Builder
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *widget.Label:
			b.WriteString(v.Text + "\n")
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.TempWidgetRenderer(t, v).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return b.String()
}

// overlayTexts returns the label texts of the top overlay.
func overlayTexts(t *testing.T, w fyne.Window) string {
	if top := w.Canvas().Overlays().Top(); top != nil {
		return labelsIn(t, top)
	}
	return ""
}

// The message a form's OK shows is still there after the form has closed
// (hiding a Fyne dialog takes the overlays above it away); a message about
// input to fix is shown above the form, which stays. Enter in a one-line
// entry presses OK.
func TestFormDialogResultOutlivesTheForm(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1280, 800))

	d := newFormDialog(w, "印发", "确认印发", widget.NewLabel("印发？"), func() formResult {
		return closeThen(func() { showInfo(w, "2026年第3期已印发。") })
	})
	test.Tap(d.ok)
	if got := overlayTexts(t, w); !strings.Contains(got, "已印发") {
		t.Fatalf("after OK the top overlay shows %q, want the 已印发 message", got)
	}
	if n := len(w.Canvas().Overlays().List()); n != 1 {
		t.Errorf("%d overlays after OK, want only the message (the form closed)", n)
	}
	w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())

	name := widget.NewEntry()
	tries := 0
	d2 := newFormDialog(w, "添加责任单位", "保存", name, func() formResult {
		tries++
		if name.Text == "" {
			showInfo(w, "单位名称不能为空")
			return keepOpen
		}
		return closeThen(nil)
	})
	test.Tap(d2.ok)
	if got := overlayTexts(t, w); !strings.Contains(got, "单位名称不能为空") {
		t.Errorf("after OK on an empty form the top overlay shows %q, want the message", got)
	}
	if n := len(w.Canvas().Overlays().List()); n != 2 {
		t.Errorf("%d overlays after a validation message, want the form and the message", n)
	}
	w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
	name.SetText("县教育局")
	name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if tries != 2 || w.Canvas().Overlays().Top() != nil {
		t.Errorf("Enter in the name field: OK ran %d times in all (want 2), overlay left %v (want none)", tries, w.Canvas().Overlays().Top())
	}
}

// Enter closes a message and presses OK of a form without entries; in a
// dialog of an action that cannot be undone it presses 取消.
func TestEnterPressesTheFocusedButton(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1280, 800))
	enter := func() {
		if f := w.Canvas().Focused(); f != nil {
			f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		}
	}

	showInfo(w, "已导出。")
	enter()
	if w.Canvas().Overlays().Top() != nil {
		t.Error("Enter did not close the message")
	}

	issued := false
	newFormDialog(w, "印发", "确认印发", widget.NewLabel("印发？"), func() formResult {
		issued = true
		return closeThen(nil)
	})
	enter()
	if !issued || w.Canvas().Overlays().Top() != nil {
		t.Errorf("Enter in a confirmation: OK pressed %v, dialog left %v", issued, w.Canvas().Overlays().Top())
	}

	deleted := false
	confirmDelete(w, "删除案件", "删除案件 2026-0001？", func() error { deleted = true; return nil }, func() {})
	enter()
	if deleted || w.Canvas().Overlays().Top() != nil {
		t.Errorf("Enter in a delete confirmation: deleted %v (want 取消 pressed)", deleted)
	}
}
