package ui

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// A wrapped multi-line Entry wraps its whole text again at every keystroke,
// and a paragraph of Chinese (no spaces) costs about the square of its length
// (fyne-io/fyne#5297; BenchmarkWrappedEntryTyping, 500 px wide: 800
// characters without a line break take 49 ms a keystroke, 1,000 take 98 ms,
// 5,000 take 0.6 s, 20,000 take 11 s; 5,000 in paragraphs of 100 take 8 ms).
// Without wrapping, a long line is wider than the graphics card's texture
// limit and shows as a black bar. So a long text is never given to an Entry
// whole. BenchmarkLongTextShow: showing 100,000 characters takes 3–4 ms,
// 1,000,000 take 66 ms; BenchmarkLongTextTypingInPart: a keystroke in a part
// takes 15 ms.
const (
	// shortTextRunes and shortTextCost bound the text an Entry holds: up to
	// 5,000 characters, and Σ (paragraph length)² up to that of one paragraph
	// of 800 characters (about 50 ms a keystroke).
	shortTextRunes = 5000
	shortTextCost  = 800 * 800
	// chunkRunes bounds one part of a long text: a paragraph, or a piece of a
	// longer one cut at the end of a sentence.
	chunkRunes = 600
	// minLongRows is the least number of lines the view of a long text shows.
	minLongRows = 12
)

// longText is a multi-line text field that stays readable and quick at any
// length the store takes. A short text is edited in a wrapped Entry. A long
// one (shortTextRunes, shortTextCost) is shown read-only in a list of lines
// wrapped by longText itself at the field's width, of which only the lines
// in view are drawn; a tap on a line edits its paragraph (at most chunkRunes)
// in a dialog. A paste that makes the text long goes straight into the long
// form, never through the Entry.
type longText struct {
	widget.BaseWidget
	win  fyne.Window
	name string
	rows int

	entry *longTextEntry // the short form
	long  bool
	full  string     // the whole text while long
	parts []string   // full cut into paragraphs and pieces; joined they are full
	lines []textLine // the parts wrapped at width
	width float32

	view    *widget.List
	frame   *canvas.Rectangle // the border of the view, as an Entry has
	note    *widget.Label
	copyBtn *widget.Button
	clear   *widget.Button
	head    *fyne.Container

	// edit is the dialog editing one part (tests).
	edit      *formDialog
	editEntry *longTextEntry

	// OnChanged is called after each change of the text.
	OnChanged func()
}

// textLine is one line of the long form: its text and the part it shows.
type textLine struct {
	part int
	text string
}

func newLongText(w fyne.Window, name string, rows int) *longText {
	t := &longText{win: w, name: name, rows: rows}
	t.entry = newLongTextEntry(rows, t.onLongPaste)
	t.entry.OnChanged = func(s string) {
		if isLongText(s) {
			t.setLong(s)
		}
		t.changed()
	}
	t.view = widget.NewList(func() int { return len(t.lines) },
		func() fyne.CanvasObject { return newLineText() },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if l, ok := at(t.lines, i); ok {
				o.(*lineText).setText(l.text)
			}
		})
	t.view.HideSeparators = true
	t.frame = canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	t.view.OnSelected = func(id widget.ListItemID) {
		t.view.Unselect(id)
		if l, ok := at(t.lines, id); ok {
			t.editPart(l.part)
		}
	}
	t.note = widget.NewLabel("")
	t.note.Importance = widget.LowImportance
	t.note.Truncation = fyne.TextTruncateEllipsis
	t.copyBtn = widget.NewButtonWithIcon("复制全文", theme.ContentCopyIcon(), t.onCopy)
	t.clear = widget.NewButtonWithIcon("清空", theme.ContentClearIcon(), func() { t.setText(""); t.changed() })
	t.copyBtn.Importance, t.clear.Importance = widget.LowImportance, widget.LowImportance
	t.head = container.NewBorder(nil, nil, nil, container.NewHBox(t.copyBtn, t.clear), t.note)
	t.ExtendBaseWidget(t)
	t.showForm()
	return t
}

// isLongText reports whether s is too long for a wrapped Entry.
func isLongText(s string) bool {
	if len(s) > 4*shortTextRunes || utf8.RuneCountInString(s) > shortTextRunes {
		return true
	}
	cost, n := 0, 0
	for _, r := range s {
		if r == '\n' {
			cost, n = cost+n*n, 0
			continue
		}
		n++
	}
	return cost+n*n > shortTextCost
}

// setText shows s, in the form its length calls for. The same long text
// again (a case reloaded after saving) keeps its place in the view.
func (t *longText) setText(s string) {
	if t.long && s == t.full {
		return
	}
	if isLongText(s) {
		t.setLong(s)
		return
	}
	t.long, t.full, t.parts, t.lines = false, "", nil, nil
	t.entry.SetText(s)
	t.showForm()
}

// text returns the whole text.
func (t *longText) text() string {
	if t.long {
		return t.full
	}
	return t.entry.Text
}

// focusTarget is the entry of a short text; a long one has no cursor.
func (t *longText) focusTarget() fyne.Focusable {
	if t.long {
		return nil
	}
	return t.entry
}

func (t *longText) changed() {
	if t.OnChanged != nil {
		t.OnChanged()
	}
}

// setLong shows s in the long form.
func (t *longText) setLong(s string) {
	if t.win != nil && t.win.Canvas().Focused() == t.entry {
		t.win.Canvas().Unfocus()
	}
	t.long, t.full = true, s
	t.parts = splitParts(s)
	t.entry.SetText("")
	t.wrap(t.width)
	t.note.SetText(fmt.Sprintf("共 %d 字，点某段可修改", utf8.RuneCountInString(s)))
	t.showForm()
	t.view.ScrollToTop()
}

// showForm shows the entry or the long form, whichever holds the text.
func (t *longText) showForm() {
	if t.long {
		t.entry.Hide()
		t.head.Show()
		t.frame.Show()
		t.view.Show()
	} else {
		t.head.Hide()
		t.frame.Hide()
		t.view.Hide()
		t.entry.Show()
	}
	t.Refresh()
}

// wrap cuts the parts into lines that fit width w.
func (t *longText) wrap(w float32) {
	t.width = w
	t.lines = t.lines[:0]
	if !t.long || w <= 0 {
		return
	}
	room := w - 2*theme.Padding() - theme.ScrollBarSize()
	m := newRuneMeasurer(theme.TextSize())
	for i, p := range t.parts {
		for _, l := range wrapText(strings.TrimSuffix(p, "\n"), room, m) {
			t.lines = append(t.lines, textLine{part: i, text: l})
		}
	}
	t.view.Refresh()
}

// onLongPaste takes the entry's text with a paste that makes it long.
func (t *longText) onLongPaste(s string) {
	t.setLong(s)
	t.changed()
}

// onCopy puts the whole text on the clipboard.
func (t *longText) onCopy() {
	if t.win != nil {
		fyne.CurrentApp().Clipboard().SetContent(t.text())
	}
}

// editPart edits part i in a dialog.
func (t *longText) editPart(i int) {
	if t.win == nil || i < 0 || i >= len(t.parts) {
		return
	}
	p := t.parts[i]
	nl := strings.HasSuffix(p, "\n")
	replace := func(s string) {
		if nl && s != "" {
			s += "\n"
		}
		t.parts[i] = s
		at := t.view.GetScrollOffset()
		t.setText(strings.Join(t.parts, ""))
		if t.long {
			t.view.ScrollToOffset(at) // stay at the paragraph edited
		}
		t.changed()
	}
	e := newLongTextEntry(12, nil)
	e.SetText(strings.TrimSuffix(p, "\n"))
	// A long paste here goes into the whole text at once, after the dialog.
	e.onLong = func(s string) {
		t.edit.d.Hide()
		replace(s)
	}
	box := container.NewGridWrap(fyne.NewSize(560, e.MinSize().Height), e)
	t.editEntry = e
	title := fmt.Sprintf("修改%s（第 %d 段，共 %d 段）", t.name, i+1, len(t.parts))
	t.edit = newFormDialog(t.win, title, "确定", box, func() formResult {
		return closeThen(func() { replace(e.Text) })
	})
	t.win.Canvas().Focus(e)
}
