package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

func TestParseDate(t *testing.T) {
	d := func(y, m, day, hh, mm int) time.Time {
		return time.Date(y, time.Month(m), day, hh, mm, 0, 0, time.Local)
	}
	tests := []struct {
		name     string
		in       string
		withTime bool
		want     time.Time
		wantErr  bool
	}{
		{"iso", "2026-11-28", false, d(2026, 11, 28, 0, 0), false},
		{"slashes", "2026/11/28", false, d(2026, 11, 28, 0, 0), false},
		{"chinese", "2026年11月28日", false, d(2026, 11, 28, 0, 0), false},
		{"chinese without 日", "2026年1月5", false, d(2026, 1, 5, 0, 0), false},
		{"single digits", "2026-1-5", false, d(2026, 1, 5, 0, 0), false},
		{"full-width digits", "２０２６－１１－２８", false, d(2026, 11, 28, 0, 0), false},
		{"spaces around", "  2026-11-28 ", false, d(2026, 11, 28, 0, 0), false},
		{"empty", "", false, time.Time{}, false},
		{"blank", "   ", false, time.Time{}, false},
		{"with time", "2026-11-28 09:30", true, d(2026, 11, 28, 9, 30), false},
		{"time optional", "2026-11-28", true, d(2026, 11, 28, 0, 0), false},
		{"full-width colon", "2026年11月28日 9：05", true, d(2026, 11, 28, 9, 5), false},
		{"time where none allowed", "2026-11-28 09:30", false, time.Time{}, true},
		{"no such day", "2026-02-30", false, time.Time{}, true},
		{"month 13", "2026-13-01", false, time.Time{}, true},
		{"hour 24", "2026-11-28 24:00", true, time.Time{}, true},
		{"dd/mm/yyyy", "28/11/2026", false, time.Time{}, true},
		{"words", "明天", false, time.Time{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseDate(tt.in, tt.withTime)
			if (err != nil) != tt.wantErr {
				t.Fatalf("parseDate(%q, %v) error = %v, want error %v", tt.in, tt.withTime, err, tt.wantErr)
			}
			if !got.Equal(tt.want) {
				t.Errorf("parseDate(%q, %v) = %v, want %v", tt.in, tt.withTime, got, tt.want)
			}
		})
	}
}

func TestFormatDate(t *testing.T) {
	at := time.Date(2026, 3, 7, 8, 5, 0, 0, time.Local)
	tests := []struct {
		name     string
		in       time.Time
		withTime bool
		want     string
	}{
		{"date", at, false, "2026-03-07"},
		{"date time", at, true, "2026-03-07 08:05"},
		{"zero", time.Time{}, false, ""},
		{"zero with time", time.Time{}, true, ""},
	}
	for _, tt := range tests {
		if got := formatDate(tt.in, tt.withTime); got != tt.want {
			t.Errorf("%s: formatDate(%v, %v) = %q, want %q", tt.name, tt.in, tt.withTime, got, tt.want)
		}
	}
}

func TestDateFieldTyping(t *testing.T) {
	test.NewTempApp(t)
	f := newDateField(false)
	w := test.NewTempWindow(t, f)
	test.Type(f.entry, "2026年11月8日")
	got, err := f.Date()
	if err != nil || !got.Equal(time.Date(2026, 11, 8, 0, 0, 0, 0, time.Local)) {
		t.Fatalf("Date() = %v, %v after typing 2026年11月8日", got, err)
	}
	// Leaving the field writes the date the standard way.
	w.Canvas().Focus(f.entry)
	w.Canvas().Unfocus()
	if f.Text() != "2026-11-08" {
		t.Errorf("text after focus lost = %q, want 2026-11-08", f.Text())
	}
	f.SetText("2026-02-30")
	if _, err := f.Date(); err == nil {
		t.Errorf("Date() accepted 2026-02-30")
	}
	if _, err := f.Date(); err == nil || err.Error() != "日期 2026-02-30 不存在" {
		t.Errorf("validation message = %v, want 日期 2026-02-30 不存在", err)
	}
}

func TestCalendar(t *testing.T) {
	test.NewTempApp(t)
	var picked time.Time
	c := newCalendar(time.Date(2026, 11, 28, 0, 0, 0, 0, time.Local), time.Now(), func(d time.Time) { picked = d })
	test.NewTempWindow(t, c.buildUI())
	if c.title.Text != "2026年11月" {
		t.Errorf("title = %q, want 2026年11月", c.title.Text)
	}
	// 2026-11-01 is a Sunday: the last column of the first row (weeks start on Monday).
	if got := c.days[6].Text; got != "1" {
		t.Errorf("cell 6 = %q, want 1 (Sunday 1 November)", got)
	}
	test.Tap(c.next)
	if c.title.Text != "2026年12月" {
		t.Errorf("after next: title = %q, want 2026年12月", c.title.Text)
	}
	test.Tap(c.days[c.firstCell()+24]) // 25 December
	if want := time.Date(2026, 12, 25, 0, 0, 0, 0, time.Local); !picked.Equal(want) {
		t.Errorf("picked %v, want %v", picked, want)
	}
}

func TestHardWrap(t *testing.T) {
	tests := []struct{ in, want string }{
		{"短句", "短句"},
		{"一二三四五六七", "一二三\n四五六\n七"},
		{"一二\n三四五六", "一二\n三四五\n六"},
		{"时限12-20", "时限\n12-20"},                 // a date is not cut
		{"一二三，四", "一二三，\n四"},                     // 避头尾: the comma stays up
		{"abcdefghijklmn", "abcdef\nghijkl\nmn"}, // a token wider than a line is cut
		{"文件 a.pdf", "文件 \na.pdf"},
	}
	for _, tt := range tests {
		if got := hardWrap(tt.in, 3); got != tt.want {
			t.Errorf("hardWrap(%q, 3) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// An empty date field shows its sample as a hint ("如 …"), not as a grey
// date that reads like a value, and the hint fits in the field.
func TestDateFieldPlaceholderIsAHint(t *testing.T) {
	test.NewTempApp(t)
	for _, withTime := range []bool{false, true} {
		f := newDateField(withTime)
		test.NewTempWindow(t, f)
		ph := f.entry.PlaceHolder
		if !strings.HasPrefix(ph, "如 ") {
			t.Errorf("withTime %v: placeholder %q, want a hint starting with 如", withTime, ph)
		}
		text := fyne.MeasureText(ph, theme.TextSize(), fyne.TextStyle{}).Width
		room := f.MinSize().Width - f.pick.MinSize().Width - theme.IconInlineSize() - 4*theme.Padding()
		if text > room {
			t.Errorf("withTime %v: placeholder %q is %.0f px wide, the field has room for %.0f", withTime, ph, text, room)
		}
	}
}

// A valid date is not ticked (✓ next to every date is noise); an invalid one
// gets the field's own red mark once the cursor leaves it, and at once after
// markInvalid (a filter that ignores it says so), and loses it when fixed.
func TestDateFieldMarks(t *testing.T) {
	test.NewTempApp(t)
	f := newDateField(false)
	w := test.NewTempWindow(t, f)
	f.SetText("2026-11-28")
	if f.entry.Validator != nil {
		t.Error("the entry has a validator, so Fyne draws its ✓ in a valid date")
	}
	if f.mark.Visible() {
		t.Error("a valid date shows the red mark")
	}
	w.Canvas().Focus(f.entry)
	test.Type(f.entry, "x")
	if f.mark.Visible() {
		t.Error("the red mark shows while the date is still being typed")
	}
	f.markInvalid()
	if !f.mark.Visible() {
		t.Error("markInvalid did not show the red mark of 2026-11-28x")
	}
	w.Canvas().Unfocus()
	if !f.mark.Visible() {
		t.Error("no red mark on 2026-11-28x after the cursor left")
	}
	f.SetText("2026-11-29")
	if f.mark.Visible() {
		t.Error("the red mark stays on a valid date")
	}
}

// A day picked in the calendar keeps the time of day in the field, and an
// empty date-time field gets the time now, not 00:00.
func TestCalendarKeepsTimeOfDay(t *testing.T) {
	test.NewTempApp(t)
	now := time.Date(2026, 11, 28, 14, 37, 20, 0, time.Local)
	tests := []struct {
		name     string
		withTime bool
		text     string
		want     string
	}{
		{"time kept", true, "2026-11-02 09:30", "2026-11-25 09:30"},
		{"empty date-time field", true, "", "2026-11-25 14:37"},
		{"date only", false, "2026-11-02", "2026-11-25"},
		{"not a date", true, "昨天", "2026-11-25 14:37"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newDateField(tt.withTime)
			f.now = func() time.Time { return now }
			test.NewTempWindow(t, f)
			f.SetText(tt.text)
			test.Tap(f.pick)
			if f.cal == nil {
				t.Fatal("the calendar did not open")
			}
			f.cal.month = time.Date(2026, 11, 1, 0, 0, 0, 0, time.Local)
			f.cal.refresh()
			test.Tap(f.cal.days[f.cal.firstCell()+24]) // 25 November
			if f.Text() != tt.want {
				t.Errorf("field %q, picked 2026-11-25: %q, want %q", tt.text, f.Text(), tt.want)
			}
		})
	}
}
