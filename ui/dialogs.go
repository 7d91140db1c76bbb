package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// formDialog is a dialog with our own buttons, kept so that tests can tap them.
type formDialog struct {
	d          *dialog.CustomDialog
	w          fyne.Window
	ok, cancel *defaultButton
	focused    *defaultButton // the button Enter presses, when no entry takes it
}

// formResult is what the OK button of a form dialog leads to: stay open (the
// input needs fixing, and a message about it is shown above the form), or
// close the form and then run a follow-up.
type formResult struct {
	keep bool
	then func()
}

// keepOpen leaves the form open, e.g. after a validation message.
var keepOpen = formResult{keep: true}

// closeThen closes the form, then runs then (may be nil). Hiding a dialog
// removes every overlay above it, so a message shown while the form is still
// open would go with it: the follow-up runs only after the form is gone.
func closeThen(then func()) formResult { return formResult{then: then} }

// newFormDialog shows content with an OK button labelled okText and 取消.
// Enter in a one-line entry of the content presses OK; in a dialog without
// one, OK has the focus and Enter presses it. onOK says what follows.
func newFormDialog(w fyne.Window, title, okText string, content fyne.CanvasObject, onOK func() formResult) *formDialog {
	fd := &formDialog{d: dialog.NewCustomWithoutButtons(title, content, w), w: w}
	fd.cancel = newDefaultButton("取消", fd.d.Hide)
	fd.ok = newDefaultButton(okText, func() {
		r := onOK()
		if r.keep {
			return
		}
		fd.d.Hide()
		if r.then != nil {
			r.then()
		}
	})
	fd.ok.Importance = widget.HighImportance
	fd.d.SetButtons([]fyne.CanvasObject{fd.cancel, fd.ok})
	entries := submitOnEnter(content, fd.ok.OnTapped)
	fd.d.Show()
	if !entries {
		fd.focus(fd.ok)
	}
	return fd
}

// danger marks OK as the button of an action that cannot be undone (red).
// The button is already drawn, so it is refreshed, or it would stay blue.
// Enter then presses 取消, as the safe choice has the focus in Windows.
func (fd *formDialog) danger() {
	fd.ok.Importance = widget.DangerImportance
	fd.ok.Refresh()
	if fd.focused == fd.ok {
		fd.focus(fd.cancel)
	}
}

// focus gives b the keyboard focus, so that Enter presses it.
func (fd *formDialog) focus(b *defaultButton) {
	fd.focused = b
	fd.w.Canvas().Focus(b)
}

// defaultButton is a dialog button that Enter and Return press when it has
// the focus, as in the dialogs of Windows and WPS (Fyne's button takes only
// the space bar).
type defaultButton struct{ widget.Button }

func newDefaultButton(label string, tapped func()) *defaultButton {
	b := &defaultButton{}
	b.Text, b.OnTapped = label, tapped
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey implements fyne.Focusable.
func (b *defaultButton) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter {
		b.Tapped(&fyne.PointEvent{})
		return
	}
	b.Button.TypedKey(ev)
}

// submitOnEnter makes Enter in every one-line entry of o (that has no action
// of its own) run submit, as in the dialogs of Windows and WPS. It reports
// whether o holds an entry at all, which then takes the keys.
func submitOnEnter(o fyne.CanvasObject, submit func()) bool {
	found := false
	switch v := o.(type) {
	case *widget.Entry:
		if !v.MultiLine && v.OnSubmitted == nil {
			v.OnSubmitted = func(string) { submit() }
		}
		return true
	case *dateField:
		return submitOnEnter(&v.entry.Entry, submit)
	case *longText:
		return true
	case *widget.Form:
		for _, it := range v.Items {
			found = submitOnEnter(it.Widget, submit) || found
		}
	case *fyne.Container:
		for _, c := range v.Objects {
			found = submitOnEnter(c, submit) || found
		}
	case *container.Scroll:
		found = submitOnEnter(v.Content, submit)
	}
	return found
}

// unsavedPrompt asks what to do with unsaved edits: 保存, 放弃 or 取消.
type unsavedPrompt struct {
	d                     *dialog.CustomDialog
	save, discard, cancel *widget.Button
}

// askUnsaved shows the prompt. save must call done(true) once saved (or
// done(false) when saving failed, which keeps the user where they are);
// discard throws the edits away. next runs after 保存 or 放弃.
func askUnsaved(w fyne.Window, what string, save func(done func(ok bool)), discard func(), next func()) *unsavedPrompt {
	msg := widget.NewLabel(what + "有未保存的修改。是否保存？")
	p := &unsavedPrompt{d: dialog.NewCustomWithoutButtons("未保存的修改", msg, w)}
	p.save = widget.NewButton("保存", func() {
		p.d.Hide()
		save(func(ok bool) {
			if ok {
				next()
			}
		})
	})
	p.save.Importance = widget.HighImportance
	p.discard = widget.NewButton("放弃修改", func() {
		p.d.Hide()
		discard()
		next()
	})
	p.cancel = widget.NewButton("取消", p.d.Hide)
	p.d.SetButtons([]fyne.CanvasObject{p.cancel, p.discard, p.save})
	p.d.Show()
	return p
}

// sized gives o the width w in a dialog, and the height it needs at that
// width: a wrapping label's own minimum is one line until it knows its width,
// so a dialog sized from it would draw the text over its buttons.
func sized(o fyne.CanvasObject, w float32) fyne.CanvasObject {
	return container.New(&widthLayout{width: w}, o)
}

// widthLayout is a fixed width and the height the content needs at it.
type widthLayout struct{ width float32 }

// MinSize lays the content out at the width first, so that wrapped text
// reports its real height.
func (l *widthLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objects {
		if o.Size().Width != l.width {
			o.Resize(fyne.NewSize(l.width, o.MinSize().Height))
		}
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(l.width, h)
}

// Layout gives every object the whole size.
func (l *widthLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Resize(size)
	}
}

// confirmDelete asks (title, text) before a delete: del runs on 删除 and its
// error is shown; done runs after a successful delete. 取消 does nothing.
func confirmDelete(w fyne.Window, title, text string, del func() error, done func()) *formDialog {
	msg := widget.NewLabel(text)
	msg.Wrapping = fyne.TextWrapWord
	fd := newFormDialog(w, title, "删除", sized(msg, 420), func() formResult {
		err := del()
		return closeThen(func() {
			if err != nil {
				showError(w, title, err)
				return
			}
			done()
		})
	})
	fd.danger()
	return fd
}

// wrapLabel is a label that wraps at word boundaries, for messages in dialogs.
func wrapLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// at returns s[i] and whether i is in range. A list or table may ask for a row
// of data that a background load has just replaced with a shorter slice.
func at[T any](s []T, i int) (T, bool) {
	if i < 0 || i >= len(s) {
		var zero T
		return zero, false
	}
	return s[i], true
}
