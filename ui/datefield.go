package ui

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bulletin/model"
)

// dateRE accepts 2026-11-28, 2026/11/28, 2026.11.28 and 2026年11月28日, with an
// optional time 09:30 after a space.
var dateRE = regexp.MustCompile(`^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s+(\d{1,2})[:：](\d{2}))?$`)

// errDateFormat is the message for text that is not a date.
const errDateFormat = "日期格式应为 2026-11-28"

// parseDate reads a date (withTime false) or a date with an optional time of
// day. Empty text is the zero time. Full-width digits typed with a Chinese input
// method are accepted.
func parseDate(s string, withTime bool) (time.Time, error) {
	s = strings.TrimSpace(toHalfWidth(s))
	if s == "" {
		return time.Time{}, nil
	}
	m := dateRE.FindStringSubmatch(s)
	if m == nil || (!withTime && m[4] != "") {
		if withTime {
			return time.Time{}, fmt.Errorf("日期时间格式应为 2026-11-28 09:30")
		}
		return time.Time{}, fmt.Errorf("%s", errDateFormat)
	}
	n := func(i int) int { v, _ := strconv.Atoi(m[i]); return v }
	y, mo, d := n(1), n(2), n(3)
	hh, mm := 0, 0
	if m[4] != "" {
		hh, mm = n(4), n(5)
		if hh > 23 || mm > 59 {
			return time.Time{}, fmt.Errorf("时间 %s:%s 无效", m[4], m[5])
		}
	}
	t := time.Date(y, time.Month(mo), d, hh, mm, 0, 0, time.Local)
	if t.Year() != y || int(t.Month()) != mo || t.Day() != d {
		return time.Time{}, fmt.Errorf("日期 %d-%02d-%02d 不存在", y, mo, d)
	}
	return t, nil
}

// formatDate writes t as 2026-11-28 (or 2026-11-28 09:30); zero is "".
func formatDate(t time.Time, withTime bool) string {
	switch {
	case t.IsZero():
		return ""
	case withTime:
		return t.Format(model.TimeLayout)
	}
	return t.Format(model.DateLayout)
}

// toHalfWidth turns full-width digits and punctuation (０-９, －, ／, ：) into ASCII.
func toHalfWidth(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '！' && r <= '～' {
			return r - '！' + '!'
		}
		if r == '\u3000' {
			return ' '
		}
		return r
	}, s)
}

// dateField is our own date entry: it shows 2026-11-28 (Fyne's DateEntry uses
// dd/mm/yyyy for China), accepts the common ways of typing a date, may stay
// empty, marks invalid text with a Chinese message and has a calendar button.
type dateField struct {
	widget.BaseWidget
	entry    *dateEntry
	pick     *widget.Button
	mark     *widget.Icon // the red mark of text that is not a date
	withTime bool
	popup    *widget.PopUp
	cal      *calendar
	now      func() time.Time // the time of day a date picked for an empty date-time field gets
	focused  bool
	insist   bool // show the mark even while the cursor is in the field (markInvalid)

	// OnChanged is called after each change of the text.
	OnChanged func()
}

// dateEntry is the text part; it tidies the text into the standard form when
// it loses the focus.
type dateEntry struct {
	widget.Entry
	field *dateField
}

// FocusGained implements fyne.Focusable.
func (e *dateEntry) FocusGained() {
	e.Entry.FocusGained()
	e.field.focused = true
	e.field.updateMark()
}

// FocusLost implements fyne.Focusable.
func (e *dateEntry) FocusLost() {
	e.Entry.FocusLost()
	e.field.focused = false
	if t, err := parseDate(e.Text, e.field.withTime); err == nil {
		if s := formatDate(t, e.field.withTime); s != e.Text {
			e.SetText(s)
		}
	}
	e.field.updateMark()
}

// newDateField returns an empty date field; withTime also takes a time of day.
func newDateField(withTime bool) *dateField {
	f := &dateField{withTime: withTime, now: time.Now}
	f.entry = &dateEntry{field: f}
	f.entry.ExtendBaseWidget(f.entry)
	f.entry.Wrapping = fyne.TextWrapOff
	f.entry.Scroll = container.ScrollNone
	// "如" marks the sample as a hint: a bare grey date reads as a value.
	if withTime {
		f.entry.SetPlaceHolder("如 2026-11-28 09:30")
	} else {
		f.entry.SetPlaceHolder("如 2026-11-28")
	}
	// No Validator: Fyne would draw a ✓ in every valid date (noise in forms
	// full of dates) and hiding it takes a theme override per field, each of
	// which makes Fyne parse the UI font again (~5 MB a field, never freed).
	// The field draws its own red mark instead (updateMark).
	f.entry.OnChanged = func(string) {
		f.updateMark()
		if f.OnChanged != nil {
			f.OnChanged()
		}
	}
	f.pick = widget.NewButtonWithIcon("", theme.CalendarIcon(), f.onPick)
	f.mark = widget.NewIcon(theme.NewErrorThemedResource(theme.ErrorIcon()))
	f.mark.Hide()
	f.ExtendBaseWidget(f)
	return f
}

// CreateRenderer implements fyne.Widget.
func (f *dateField) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, nil, container.NewHBox(f.mark, f.pick),
		f.entry))
}

// invalid reports whether the field holds text that is not a date.
func (f *dateField) invalid() bool {
	_, err := f.Date()
	return err != nil
}

// markInvalid shows the red mark now when the text is not a date, even with
// the cursor still in the field: a filter that ignores the date says so at
// once. The mark goes when the text becomes a date.
func (f *dateField) markInvalid() {
	f.insist = true
	f.updateMark()
}

// updateMark shows the red mark for text that is not a date once the cursor
// has left the field (as Fyne does), or at once after markInvalid.
func (f *dateField) updateMark() {
	bad := f.invalid()
	if !bad {
		f.insist = false
	}
	if bad && (!f.focused || f.insist) {
		f.mark.Show()
	} else {
		f.mark.Hide()
	}
}

// shown is the date as the field shows it (2026-11-28 09:30), or the text
// as typed, marked, when it is not a date: what "unsaved" compares.
func (f *dateField) shown() string {
	t, err := f.Date()
	if err != nil {
		return "\x00" + f.entry.Text
	}
	return formatDate(t, f.withTime)
}

// MinSize keeps the field wide enough for a whole date.
func (f *dateField) MinSize() fyne.Size {
	min := f.BaseWidget.MinSize()
	w := float32(172) // room for the date and the validation mark
	if f.withTime {
		w = 214
	}
	return fyne.NewSize(max(min.Width, w), min.Height)
}

// Date returns the date typed (zero when empty) or a Chinese error message.
func (f *dateField) Date() (time.Time, error) { return parseDate(f.entry.Text, f.withTime) }

// SetDate shows t; the zero time empties the field.
func (f *dateField) SetDate(t time.Time) { f.entry.SetText(formatDate(t, f.withTime)) }

// SetPlaceHolder replaces the sample date shown while the field is empty, for
// a field where a sample would look like a value (a filter: 起始日期).
func (f *dateField) SetPlaceHolder(s string) { f.entry.SetPlaceHolder(s) }

// Text returns the text as typed.
func (f *dateField) Text() string { return f.entry.Text }

// SetText sets the text as if typed.
func (f *dateField) SetText(s string) { f.entry.SetText(s) }

// Disable makes the field read-only.
func (f *dateField) Disable() { f.entry.Disable(); f.pick.Disable() }

// Enable makes the field editable.
func (f *dateField) Enable() { f.entry.Enable(); f.pick.Enable() }

// onPick shows the calendar under the field.
func (f *dateField) onPick() {
	c := fyne.CurrentApp().Driver().CanvasForObject(f)
	if c == nil {
		return
	}
	shown, _ := f.Date()
	f.cal = newCalendar(shown, f.now(), func(d time.Time) {
		f.SetDate(f.pickedTime(d))
		f.popup.Hide()
	})
	f.popup = widget.NewPopUp(f.cal.buildUI(), c)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(f)
	pos.Y += f.Size().Height
	f.popup.ShowAtPosition(pos)
}

// pickedTime is day d picked in the calendar with the time of day already in
// the field, or the time now for an empty date-time field (not 00:00).
func (f *dateField) pickedTime(d time.Time) time.Time {
	if !f.withTime {
		return d
	}
	at, err := f.Date()
	if err != nil || at.IsZero() {
		at = f.now()
	}
	return time.Date(d.Year(), d.Month(), d.Day(), at.Hour(), at.Minute(), 0, 0, time.Local)
}
