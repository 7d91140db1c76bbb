// Package model holds the domain types of the 舆情专报工作台 (cases, meeting notes,
// departments, leaders, bulletins) and the SQLite store that keeps them.
//
// Only this package writes SQL. It imports neither fyne nor export.
// Times are time.Time in local time; the zero time means "not set". Dates
// (due dates, meeting days) are midnight local time.
//
// The store (Open) is one SQLite file in WAL mode, schema from the embedded
// migrations/*.sql. Each entity has its types and Validate in x.go and its
// store methods in x_store.go, all of one shape: FindXByID, FindXs(filter),
// CreateX, UpdateX, DeleteX, each one transaction. A case's status moves only
// through the table in case_status.go, and every move appends to its
// timeline. Case search keeps two full-text indexes in step with each save:
// trigrams for 3 characters and more, bigrams for 1 and 2 (case_search.go).
// Errors a user may see are *Error with a Chinese message (errors.go).
package model

// DateLayout is how dates are written everywhere in the program: 2026-11-28.
const DateLayout = "2006-01-02"

// TimeLayout is how date-times are written: 2026-11-28 09:30.
const TimeLayout = "2006-01-02 15:04"
