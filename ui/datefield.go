package ui

import (
	"fmt"
	"image/color"
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
		return time.Time{}, fmt.Errorf(errDateFormat)
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
	withTime bool
	popup    *widget.PopUp
	cal      *calendar

	// OnChanged is called after each change of the text.
	OnChanged func()
}

// dateEntry is the text part; it tidies the text into the standard form when
// it loses the focus.
type dateEntry struct {
	widget.Entry
	field *dateField
}

// FocusLost implements fyne.Focusable.
func (e *dateEntry) FocusLost() {
	e.Entry.FocusLost()
	if t, err := parseDate(e.Text, e.field.withTime); err == nil {
		if s := formatDate(t, e.field.withTime); s != e.Text {
			e.SetText(s)
		}
	}
}

// newDateField returns an empty date field; withTime also takes a time of day.
func newDateField(withTime bool) *dateField {
	f := &dateField{withTime: withTime}
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
	f.entry.Validator = func(s string) error {
		_, err := parseDate(s, withTime)
		return err
	}
	f.entry.OnChanged = func(string) {
		if f.OnChanged != nil {
			f.OnChanged()
		}
	}
	f.pick = widget.NewButtonWithIcon("", theme.CalendarIcon(), f.onPick)
	f.ExtendBaseWidget(f)
	return f
}

// CreateRenderer implements fyne.Widget.
func (f *dateField) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, nil, f.pick,
		container.NewThemeOverride(f.entry, noCheckTheme{})))
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
	f.cal = newCalendar(shown, time.Now(), func(d time.Time) {
		old, _ := f.Date()
		if f.withTime && !old.IsZero() {
			d = time.Date(d.Year(), d.Month(), d.Day(), old.Hour(), old.Minute(), 0, 0, time.Local)
		}
		f.SetDate(d)
		f.popup.Hide()
	})
	f.popup = widget.NewPopUp(f.cal.buildUI(), c)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(f)
	pos.Y += f.Size().Height
	f.popup.ShowAtPosition(pos)
}

// blankIcon draws nothing.
var blankIcon = fyne.NewStaticResource("blank.svg",
	[]byte(`<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24"/>`))

// noCheckTheme is the app's theme without the ✓ that Fyne draws in every
// valid entry having a validator: in forms full of dates it is noise, while
// the red mark of an invalid date stays.
type noCheckTheme struct{}

func (noCheckTheme) base() fyne.Theme {
	if a := fyne.CurrentApp(); a != nil && a.Settings().Theme() != nil {
		return a.Settings().Theme()
	}
	return theme.DefaultTheme()
}

// Color implements fyne.Theme.
func (t noCheckTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return t.base().Color(n, v)
}

// Font implements fyne.Theme.
func (t noCheckTheme) Font(s fyne.TextStyle) fyne.Resource { return t.base().Font(s) }

// Icon implements fyne.Theme.
func (t noCheckTheme) Icon(n fyne.ThemeIconName) fyne.Resource {
	if n == theme.IconNameConfirm {
		return blankIcon
	}
	return t.base().Icon(n)
}

// Size implements fyne.Theme.
func (t noCheckTheme) Size(n fyne.ThemeSizeName) float32 { return t.base().Size(n) }
