package model

import (
	"fmt"
	"time"
	"unicode/utf8"
)

// DayKind says what a row of the holiday table makes of a date: a public
// holiday (休) or a weekend day that is worked (班, 调休上班).
type DayKind string

// The two kinds of rows of the holiday table.
const (
	DayOff     DayKind = "休"
	DayWorking DayKind = "班"
)

// Holiday is one row of the holiday table: a date that is off although it is
// a weekday, or worked although it falls on a weekend.
type Holiday struct {
	Date time.Time // the day, at midnight local time
	Kind DayKind
	Name string // 国庆节, 春节…
}

// Validate checks the row.
func (h *Holiday) Validate() error {
	if h.Date.IsZero() {
		return Errorf(EINVALID, "请填写日期")
	}
	if h.Kind != DayOff && h.Kind != DayWorking {
		return Errorf(EINVALID, "类型应为“休”或“班”，而不是“%s”", h.Kind)
	}
	if utf8.RuneCountInString(h.Name) > 20 {
		return Errorf(EINVALID, "节日名称不能超过 20 个字")
	}
	return nil
}

// Calendar answers the two questions of deadline arithmetic for the whole
// program: is a date a working day, and which date is N working days after
// another. Every other Monday–Friday is a working day and every other Saturday
// and Sunday is not; the rows of the holiday table say otherwise. Nothing else
// in the program does date arithmetic on deadlines.
type Calendar struct {
	days   map[dayKey]DayKind
	years  map[int]bool   // years with at least one row
	shifts calendarShifts // the rows that change a day, for WorkdaysAfter
}

// dayKey is a date as yyyymmdd, independent of time of day and zone.
type dayKey int

func keyOf(t time.Time) dayKey {
	y, m, d := t.Date()
	return dayKey(y*10000 + int(m)*100 + d)
}

// NewCalendar returns the calendar made of rows.
func NewCalendar(rows []*Holiday) *Calendar {
	c := &Calendar{days: map[dayKey]DayKind{}, years: map[int]bool{}}
	for _, h := range rows {
		c.days[keyOf(h.Date)] = h.Kind
		c.years[h.Date.Year()] = true
	}
	c.shifts = newCalendarShifts(c.days)
	return c
}

// IsWorkday reports whether the date of t is a working day.
func (c *Calendar) IsWorkday(t time.Time) bool {
	switch c.days[keyOf(t)] {
	case DayOff:
		return false
	case DayWorking:
		return true
	}
	wd := t.Weekday()
	return wd != time.Saturday && wd != time.Sunday
}

// HasYear reports whether the holiday table has rows for year; without them
// the calendar only knows weekends.
func (c *Calendar) HasYear(year int) bool { return c.years[year] }

// MissingYearNote is the note shown next to a date computed in a year the
// table does not cover, or "".
func (c *Calendar) MissingYearNote(t time.Time) string {
	if t.IsZero() || c.HasYear(t.Year()) {
		return ""
	}
	return fmt.Sprintf("%d年的节假日尚未录入，时限按周末计算", t.Year())
}

// AddWorkdays returns the date (at midnight) of the n-th working day counted
// from start: from the next day when fromNextDay is set, else from start
// itself (so that 1 working day counted from a working day is that day).
// n = 0 is start's own date.
func (c *Calendar) AddWorkdays(start time.Time, n int, fromNextDay bool) time.Time {
	d := midnight(start)
	if n <= 0 {
		return d
	}
	if fromNextDay {
		d = d.AddDate(0, 0, 1)
	}
	for {
		if c.IsWorkday(d) {
			n--
			if n == 0 {
				return d
			}
		}
		d = d.AddDate(0, 0, 1)
	}
}

// WorkdaysAfter counts the working days after from up to and including to:
// how many working days a case is overdue on to when from is its due date.
// It is 0 when to is not after from.
func (c *Calendar) WorkdaysAfter(from, to time.Time) int {
	if from.Location() == to.Location() {
		return c.workdaysAfter(from, to) // the same count, without the walk below
	}
	a, b := midnight(from), midnight(to)
	n := 0
	for d := a.AddDate(0, 0, 1); !d.After(b); d = d.AddDate(0, 0, 1) {
		if c.IsWorkday(d) {
			n++
		}
	}
	return n
}

// NextWorkday returns the first working day after t's date.
func (c *Calendar) NextWorkday(t time.Time) time.Time {
	return c.AddWorkdays(t, 1, true)
}

// WorkdaysInYear counts the working days of year.
func (c *Calendar) WorkdaysInYear(year int) int {
	start := time.Date(year, 1, 1, 0, 0, 0, 0, time.Local)
	return c.WorkdaysAfter(start.AddDate(0, 0, -1), time.Date(year, 12, 31, 0, 0, 0, 0, time.Local))
}

// midnight is t's date at 00:00 in t's location.
func midnight(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}
