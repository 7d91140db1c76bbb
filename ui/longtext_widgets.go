package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// CreateRenderer implements fyne.Widget.
func (t *longText) CreateRenderer() fyne.WidgetRenderer {
	return &longTextRenderer{t: t}
}

type longTextRenderer struct{ t *longText }

func (r *longTextRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.t.entry, r.t.head, r.t.frame, r.t.view}
}

func (r *longTextRenderer) Layout(size fyne.Size) {
	t := r.t
	t.entry.Resize(size)
	t.entry.Move(fyne.NewPos(0, 0))
	hh := t.head.MinSize().Height
	t.head.Resize(fyne.NewSize(size.Width, hh))
	t.head.Move(fyne.NewPos(0, 0))
	t.frame.Move(fyne.NewPos(0, hh))
	t.frame.Resize(fyne.NewSize(size.Width, size.Height-hh))
	b := t.Theme().Size(theme.SizeNameInputBorder)
	t.view.Move(fyne.NewPos(b, hh+b))
	t.view.Resize(fyne.NewSize(size.Width-2*b, size.Height-hh-2*b))
	if t.long && t.view.Size().Width != t.width {
		t.wrap(t.view.Size().Width)
	}
}

func (r *longTextRenderer) MinSize() fyne.Size {
	t := r.t
	if !t.long {
		return t.entry.MinSize()
	}
	line := newLineText().MinSize().Height
	head := t.head.MinSize()
	return fyne.NewSize(max(head.Width, t.entry.MinSize().Width), head.Height+float32(max(t.rows, minLongRows))*line)
}

func (r *longTextRenderer) Refresh() {
	th, v := r.t.Theme(), fyne.CurrentApp().Settings().ThemeVariant()
	r.t.frame.FillColor = th.Color(theme.ColorNameInputBackground, v)
	r.t.frame.StrokeColor = th.Color(theme.ColorNameInputBorder, v)
	r.t.frame.StrokeWidth = th.Size(theme.SizeNameInputBorder)
	r.t.frame.CornerRadius = th.Size(theme.SizeNameInputRadius)
	r.t.frame.Refresh()
	r.Layout(r.t.Size())
	r.t.entry.Refresh()
	r.t.head.Refresh()
	r.t.view.Refresh()
}

func (r *longTextRenderer) Destroy() {}

// longTextEntry is the wrapped Entry of a short text. A paste that would make
// its text long is not inserted: onLong gets the text with the paste instead.
type longTextEntry struct {
	widget.Entry
	onLong func(string)
}

func newLongTextEntry(rows int, onLong func(string)) *longTextEntry {
	e := &longTextEntry{onLong: onLong}
	e.ExtendBaseWidget(e)
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(rows)
	return e
}

// TypedShortcut implements fyne.Shortcutable.
func (e *longTextEntry) TypedShortcut(s fyne.Shortcut) {
	p, ok := s.(*fyne.ShortcutPaste)
	if !ok || p.Clipboard == nil || e.onLong == nil || e.Disabled() {
		e.Entry.TypedShortcut(s)
		return
	}
	clip := p.Clipboard.Content()
	if !isLongText(e.Text + clip) {
		e.Entry.TypedShortcut(s)
		return
	}
	if e.SelectedText() != "" {
		e.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace}) // the paste replaces the selection
	}
	r := []rune(e.Text)
	pos := min(max(e.CursorTextOffset(), 0), len(r))
	e.onLong(string(r[:pos]) + clip + string(r[pos:]))
}

// lineText is one line of a long text: a plain text object, without the
// padding of a Label, so that the lines read as a paragraph.
type lineText struct {
	widget.BaseWidget
	text *canvas.Text
}

func newLineText() *lineText {
	l := &lineText{text: canvas.NewText("", theme.Color(theme.ColorNameForeground))}
	l.ExtendBaseWidget(l)
	return l
}

func (l *lineText) setText(s string) {
	l.text.Text = s
	l.Refresh()
}

// CreateRenderer implements fyne.Widget.
func (l *lineText) CreateRenderer() fyne.WidgetRenderer {
	return &lineTextRenderer{l: l}
}

type lineTextRenderer struct{ l *lineText }

func (r *lineTextRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.l.text} }
func (r *lineTextRenderer) Destroy()                     {}
func (r *lineTextRenderer) Layout(size fyne.Size) {
	r.l.text.Move(fyne.NewPos(theme.Padding(), 1))
	r.l.text.Resize(fyne.NewSize(size.Width-2*theme.Padding(), size.Height-2))
}
func (r *lineTextRenderer) MinSize() fyne.Size {
	h := fyne.MeasureText("字", theme.TextSize(), fyne.TextStyle{}).Height
	return fyne.NewSize(theme.Padding()*2, h+2)
}
func (r *lineTextRenderer) Refresh() {
	r.l.text.Color = r.l.Theme().Color(theme.ColorNameForeground, fyne.CurrentApp().Settings().ThemeVariant())
	r.l.text.TextSize = r.l.Theme().Size(theme.SizeNameText)
	r.l.text.Refresh()
}
