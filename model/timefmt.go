package model

import (
	"database/sql"
	"fmt"
	"time"
)

// In the database, date-times are UTC text of fixed width, so that text order
// is time order and a reader of the file sees real dates; dates (a due date, a
// meeting day) are the calendar day as "2006-01-02". The zero time is NULL.
const dbTimeLayout = "2006-01-02T15:04:05.000000000Z"

// dbTime encodes a date-time for the database.
func dbTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Format(dbTimeLayout)
}

// dbDate encodes the calendar day of t, as the caller sees it.
func dbDate(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.Format(DateLayout)
}

// parseDBTime decodes a date-time written by dbTime, in local time.
func parseDBTime(ns sql.NullString) (time.Time, error) {
	if !ns.Valid || ns.String == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(dbTimeLayout, ns.String)
	if err != nil {
		return time.Time{}, fmt.Errorf("parse time %q: %w", ns.String, err)
	}
	return t.Local(), nil
}

// parseDBDate decodes a date written by dbDate as local midnight.
func parseDBDate(ns sql.NullString) (time.Time, error) {
	if !ns.Valid || ns.String == "" {
		return time.Time{}, nil
	}
	t, err := time.ParseInLocation(DateLayout, ns.String, time.Local)
	if err != nil {
		return time.Time{}, fmt.Errorf("parse date %q: %w", ns.String, err)
	}
	return t, nil
}

// Day returns local midnight of t's calendar day: the form dates take in the
// model (due dates, meeting days).
func Day(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.Local)
}

// timeScanner collects NULL-able time columns while scanning a row and decodes
// them afterwards, keeping the first error.
type timeScanner struct {
	err error
}

// dt decodes a date-time column.
func (ts *timeScanner) dt(ns sql.NullString) time.Time {
	t, err := parseDBTime(ns)
	if err != nil && ts.err == nil {
		ts.err = err
	}
	return t
}

// date decodes a date column.
func (ts *timeScanner) date(ns sql.NullString) time.Time {
	t, err := parseDBDate(ns)
	if err != nil && ts.err == nil {
		ts.err = err
	}
	return t
}
