package model

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
)

// statsTable is the FROM of FindStats: through the index on 收集时间 when the
// period holds a small part of the store, else the table read in order. A
// year of the 100,000-case store through the index is one look-up and a
// random page read per case; read in order it is the pages once (as
// PeriodFigures does).
func statsTable(ctx context.Context, tx *sql.Tx, where string, args []any) (string, error) {
	if len(args) == 0 {
		return "cases c", nil // no period: the whole table, read in order anyway
	}
	var in, all int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM cases c`+where, args...).Scan(&in); err != nil {
		return "", err
	}
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM cases`).Scan(&all); err != nil {
		return "", err
	}
	if in > 2000 && in > all/8 {
		return "cases c NOT INDEXED", nil
	}
	return "cases c", nil
}

// deptMark is what one case adds to the row of each of its departments.
type deptMark struct{ replied, onTime, overdue bool }

// markOf is c's mark as it stands (after asOf) on today: a reply on time
// when its day is not after the 时限.
func markOf(c *Case, today time.Time) deptMark {
	var m deptMark
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
// cases caseStats counted. With the table read whole, every department row
// is read and those of other cases skipped, instead of reading each case
// again through a join.
func departmentStats(ctx context.Context, tx *sql.Tx, st *Stats, table, where string, args []any, marks map[int64]deptMark) error {
	q := `SELECT d.case_id, d.name FROM ` + table + ` JOIN case_departments d ON d.case_id = c.id` + where
	if strings.HasSuffix(table, "NOT INDEXED") || len(args) == 0 {
		q, args = `SELECT case_id, name FROM case_departments`, nil
	}
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	byName := map[string]*DepartmentStats{}
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			return err
		}
		m, ok := marks[id]
		if !ok {
			continue
		}
		d := byName[name]
		if d == nil {
			d = &DepartmentStats{Name: name}
			byName[name] = d
		}
		d.Assigned++
		if m.replied {
			d.Replied++
		}
		if m.onTime {
			d.OnTime++
		}
		if m.overdue {
			d.Overdue++
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for _, d := range byName {
		st.Departments = append(st.Departments, *d)
	}
	sort.Slice(st.Departments, func(i, j int) bool { return st.Departments[i].Name < st.Departments[j].Name })
	return nil
}

// statsColumns are the columns caseStats reads, as one text column joined
// by US (0x1F) with format (NULL gives ""): the driver's cost is per column
// read, as PeriodFigures found. statsFormat is its first argument.
const statsColumns = `format(?, c.id, c.status, c.source, c.collected, c.due, c.kind, c.sentiment,
	c.assigned_at, c.replied_at, c.closed_at, c.original_due, c.visit_result, c.visited_at)`

var statsFormat = strings.Repeat("%s\x1f", 12) + "%s"

// scanStatsCase decodes a row of statsColumns into c.
func scanStatsCase(line string, c *Case) error {
	var fs [13]string
	for n := 0; n < 12; n++ {
		i := strings.IndexByte(line, 0x1f)
		if i < 0 {
			return fmt.Errorf("case row of %d fields", n+1)
		}
		fs[n], line = line[:i], line[i+1:]
	}
	fs[12] = line
	id, err := strconv.ParseInt(fs[0], 10, 64)
	if err != nil {
		return err
	}
	c.ID, c.Status, c.Source, c.Kind, c.Sentiment, c.VisitResult = id, CaseStatus(fs[1]), fs[2], fs[5], fs[6], fs[11]
	var ts timeScanner
	c.Collected, c.Due, c.OriginalDue = ts.fast(fs[3]), ts.date(ns(fs[4])), ts.date(ns(fs[10]))
	c.AssignedAt, c.RepliedAt, c.ClosedAt, c.VisitedAt = ts.fast(fs[7]), ts.fast(fs[8]), ts.fast(fs[9]), ts.fast(fs[12])
	return ts.err
}
