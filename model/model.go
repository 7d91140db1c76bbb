// Package model holds the domain types of the 舆情专报工作台 (cases, meeting notes,
// departments, leaders, bulletins) and the SQLite store that keeps them.
//
// Only this package writes SQL. It imports neither fyne nor export.
// Times are time.Time in local time; the zero time means "not set". Dates
// (due dates, meeting days) are midnight local time.
package model

// DateLayout is how dates are written everywhere in the program: 2026-11-28.
const DateLayout = "2006-01-02"

// TimeLayout is how date-times are written: 2026-11-28 09:30.
const TimeLayout = "2006-01-02 15:04"
