package ui

import (
	"fmt"
	"strings"
	"unicode"
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

// splitParts cuts s into paragraphs (each with its line break) and pieces of
// at most chunkRunes of longer ones, cut after the last end of a sentence (or
// comma) in the second half of the piece. Joined, the parts are s.
func splitParts(s string) []string {
	var parts []string
	for s != "" {
		para := s
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			para = s[:i+1]
		}
		s = s[len(para):]
		for para != "" {
			n := pieceLen(para)
			parts = append(parts, para[:n])
			para = para[n:]
		}
	}
	return parts
}

// pieceLen is the length in bytes of the first piece of paragraph p.
func pieceLen(p string) int {
	cut, best, weak, count := len(p), -1, -1, 0
	for i, r := range p {
		if count == chunkRunes {
			cut = i
			break
		}
		count++
		end := i + utf8.RuneLen(r)
		if count > chunkRunes/2 {
			switch {
			case strings.ContainsRune("。！？；!?;…", r):
				best = end
			case strings.ContainsRune("，、,： ", r):
				weak = end
			}
		}
	}
	if cut == len(p) {
		return cut
	}
	if best > 0 {
		return best
	}
	if weak > 0 {
		return weak
	}
	return cut
}

// runeMeasurer measures characters in the text size, each once.
type runeMeasurer struct {
	size   float32
	widths map[rune]float32
}

// runeWidths keeps the widths measured, per text size, for every long text.
var runeWidths = map[float32]map[rune]float32{}

func newRuneMeasurer(size float32) *runeMeasurer {
	w, ok := runeWidths[size]
	if !ok {
		w = map[rune]float32{}
		runeWidths[size] = w
	}
	return &runeMeasurer{size: size, widths: w}
}

func (m *runeMeasurer) width(r rune) float32 {
	w, ok := m.widths[r]
	if !ok {
		w = fyne.MeasureText(string(r), m.size, fyne.TextStyle{}).Width
		m.widths[r] = w
	}
	return w
}

// wrapText cuts one paragraph into lines at most room wide: anywhere between
// Chinese characters, and at a space when a Latin word would be cut.
func wrapText(p string, room float32, m *runeMeasurer) []string {
	if p == "" {
		return []string{""}
	}
	var lines []string
	start, space, prev := 0, -1, 0 // byte offsets in p: the line's start, after its last space, the last rune
	w := float32(0)
	for i, r := range p {
		cw := m.width(r)
		if w+cw > room && i > start {
			cut := i
			switch {
			case isWordRune(r) && space > start:
				cut = space
			case strings.ContainsRune(noLineStart, r) && prev > start:
				cut = prev // the character before goes down with the comma
			}
			lines = append(lines, p[start:cut])
			start, space = cut, -1
			w = 0
			for _, r2 := range p[start:i] {
				w += m.width(r2)
			}
		}
		w += cw
		if unicode.IsSpace(r) {
			space = i + utf8.RuneLen(r)
		}
		prev = i
	}
	return append(lines, p[start:])
}

// noLineStart are the marks a Chinese line never starts with.
const noLineStart = "，。、；：！？）」』》〉】,.;:!?)"

// isWordRune reports whether r belongs to a Latin word or number.
func isWordRune(r rune) bool {
	return r < 0x2E80 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}
