package model

import (
	"context"
	"database/sql"
	"sort"
	"strings"
	"time"
)

// statsTally counts the cases of FindStats one by one.
type statsTally struct {
	st           *Stats
	cal          *Calendar
	end, today   time.Time // as of end (zero: as they are), overdue on today
	status       [4]int    // pending, assigned, replied, closed
	source, kind map[string]int
	sentiment    map[string]int
	month        map[int]int // cases by year*12 + month-1 of 收集时间
	marks        caseMarks   // what each case adds to its departments' rows
}

func newStatsTally(st *Stats, cal *Calendar, end, today time.Time) *statsTally {
	return &statsTally{st: st, cal: cal, end: end, today: today, month: map[int]int{},
		source: map[string]int{}, kind: map[string]int{}, sentiment: map[string]int{}}
}

// add counts c, a case as stored; c is changed to where it stood at end.
func (t *statsTally) add(c *Case) {
	st := t.st
	if !t.end.IsZero() {
		asOf(c, t.end)
	}
	st.Total++
	switch c.Status {
	case StatusPending:
		t.status[0]++
	case StatusAssigned:
		t.status[1]++
	case StatusReplied:
		t.status[2]++
	case StatusClosed:
		t.status[3]++
	}
	t.source[c.Source]++
	t.kind[c.Kind]++
	t.sentiment[c.Sentiment]++
	y, m, _ := c.Collected.Date()
	t.month[y*12+int(m)-1]++
	if c.Overdue(t.today) {
		st.Overdue++
	}
	st.Handling.add(c, t.cal, t.today)
	if t.end.IsZero() || c.Status != StatusPending { // not yet assigned at the end: no department counts it
		t.marks.add(c.ID, markOf(c, t.today))
	}
}

// finish sets the breakdowns of the figures.
func (t *statsTally) finish() {
	st := t.st
	for i, s := range []CaseStatus{StatusPending, StatusAssigned, StatusReplied, StatusClosed} {
		st.ByStatus = append(st.ByStatus, Count{string(s), t.status[i]})
	}
	month := make(map[string]int, len(t.month))
	for k, n := range t.month {
		month[time.Date(k/12, time.Month(k%12+1), 1, 0, 0, 0, 0, time.Local).Format("2006-01")] = n
	}
	most := func(a, b Count) bool { return a.N > b.N || a.N == b.N && a.Label < b.Label }
	st.BySource = sortedCounts(t.source, most)
	st.ByMonth = sortedCounts(month, func(a, b Count) bool { return a.Label < b.Label })
	st.ByKind = sortedCounts(t.kind, most)
	st.BySentiment = sentimentCounts(t.sentiment)
	t.marks.index()
}

// markOf is what c, as it stands (after asOf) on today, adds to the row of
// each of its departments: assigned (the row counts it), replied, on time
// when the reply's day is not after the 时限, overdue.
func markOf(c *Case, today time.Time) caseMark {
	m := caseMark{assigned: true}
	if c.Status == StatusReplied || c.Status == StatusClosed {
		m.replied = true
		answered := c.RepliedAt
		if answered.IsZero() {
			answered = c.ClosedAt
		}
		m.onTime = c.Due.IsZero() || !Day(answered).After(c.Due)
	}
	m.overdue = c.Overdue(today)
	return m
}

// departmentStats fills the per-department figures from the marks of the
// cases counted, each department named by one of them, by name. The
// departments are read as PeriodFigures reads them (see listsAbove): every
// department row of the store when the period holds many of its cases,
// else those of the period's cases through a join.
func departmentStats(ctx context.Context, tx *sql.Tx, st *Stats, from, to time.Time, marks *caseMarks) error {
	byName := map[string]*DepartmentStats{}
	count := func(id int64, name string) {
		m, ok := marks.find(id)
		if !ok {
			return
		}
		d := byName[name]
		if d == nil {
			d = &DepartmentStats{Name: name}
			byName[name] = d
		}
		d.Assigned++
		d.Replied += b2i(m.replied)
		d.OnTime += b2i(m.onTime)
		d.Overdue += b2i(m.overdue)
	}
	var named int // how many department rows the store holds
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM case_departments`).Scan(&named); err != nil {
		return err
	}
	var err error
	if marks.Len()*listsAbove > named {
		err = departmentCaseLists(ctx, tx, count)
	} else {
		err = collectedDepartments(ctx, tx, from, to, count)
	}
	if err != nil {
		return err
	}
	for _, d := range byName {
		st.Departments = append(st.Departments, *d)
	}
	sort.Slice(st.Departments, func(i, j int) bool { return st.Departments[i].Name < st.Departments[j].Name })
	return nil
}

// collectedDepartments calls fn with each department named by a case
// collected in [from, to), zero = open.
func collectedDepartments(ctx context.Context, tx *sql.Tx, from, to time.Time, fn func(id int64, name string)) error {
	q := `SELECT d.case_id, d.name FROM case_departments d JOIN cases c ON c.id = d.case_id`
	var conds []string
	var args []any
	if !from.IsZero() {
		conds, args = append(conds, `c.collected >= ?`), append(args, dbTime(from))
	}
	if !to.IsZero() {
		conds, args = append(conds, `c.collected < ?`), append(args, dbTime(to))
	}
	if len(conds) > 0 {
		q += ` WHERE ` + strings.Join(conds, ` AND `)
	}
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			return err
		}
		fn(id, name)
	}
	return rows.Err()
}
