package model

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"strings"
)

// CheckReport is the result of Store.Check: SQLite's integrity check, the
// search indexes' check and a count of each kind of record.
type CheckReport struct {
	Path      string
	Size      int64    // bytes of the main database file
	Schema    []string // applied migrations, in order
	Problems  []string // empty when the database is sound
	Counts    []Count  // records per table, in a fixed order
	ByStatus  []Count  // cases per status
	Overdue   int      // cases past their due date and not replied
	Bulletins []Count  // bulletins per status
}

// Count is one labelled number of a CheckReport.
type Count struct {
	Label string
	N     int
}

// OK reports whether no problem was found.
func (r CheckReport) OK() bool { return len(r.Problems) == 0 }

// String formats the report for the command line, in Chinese.
func (r CheckReport) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "数据库：%s（%.1f MB）\n", r.Path, float64(r.Size)/(1<<20))
	fmt.Fprintf(&b, "结构版本：%s\n", strings.Join(r.Schema, ", "))
	if r.OK() {
		b.WriteString("完整性检查：通过\n")
	} else {
		b.WriteString("完整性检查：发现问题\n")
		for _, p := range r.Problems {
			fmt.Fprintf(&b, "  %s\n", p)
		}
	}
	writeCounts := func(title string, cs []Count) {
		fmt.Fprintf(&b, "%s：\n", title)
		for _, c := range cs {
			fmt.Fprintf(&b, "  %s %8d\n", padWide(c.Label, 10), c.N)
		}
	}
	writeCounts("记录数", r.Counts)
	writeCounts("案件状态", append(r.ByStatus, Count{"逾期", r.Overdue}))
	writeCounts("专报状态", r.Bulletins)
	return b.String()
}

// padWide pads s with spaces to width terminal columns, counting CJK
// characters as two columns.
func padWide(s string, width int) string {
	w := 0
	for _, r := range s {
		if r >= 0x1100 {
			w += 2
		} else {
			w++
		}
	}
	if w >= width {
		return s
	}
	return s + strings.Repeat(" ", width-w)
}

// Check runs SQLite's integrity check and the search indexes' checks and
// counts the records. Problems found are in the report, not an error; the
// error is for a check that could not run.
func (s *Store) Check(ctx context.Context) (CheckReport, error) {
	r := CheckReport{Path: s.path}
	if fi, err := os.Stat(s.path); err == nil {
		r.Size = fi.Size()
	}
	tx, err := s.beginRead(ctx)
	if err != nil {
		return r, fmt.Errorf("check: %w", err)
	}
	defer tx.Rollback()
	if err := queryStrings(ctx, tx, &r.Problems, `PRAGMA integrity_check`); err != nil {
		return r, fmt.Errorf("check: %w", translate(err))
	}
	if len(r.Problems) == 1 && r.Problems[0] == "ok" {
		r.Problems = nil
	}
	if err := queryStrings(ctx, tx, &r.Schema, `SELECT name FROM schema_migrations ORDER BY name`); err != nil {
		return r, fmt.Errorf("check: %w", err)
	}
	for _, t := range []struct{ label, table string }{
		{"案件", "cases"}, {"办理记录", "case_events"}, {"会议纪要", "meetings"},
		{"专报", "bulletins"}, {"批示", "instructions"}, {"责任单位", "departments"}, {"领导", "leaders"},
	} {
		c := Count{Label: t.label}
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM `+t.table).Scan(&c.N); err != nil {
			return r, fmt.Errorf("check: count %s: %w", t.table, err)
		}
		r.Counts = append(r.Counts, c)
	}
	for _, st := range []CaseStatus{StatusPending, StatusAssigned, StatusReplied, StatusClosed} {
		c := Count{Label: string(st)}
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM cases WHERE status = ?`, st).Scan(&c.N); err != nil {
			return r, fmt.Errorf("check: %w", err)
		}
		r.ByStatus = append(r.ByStatus, c)
	}
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM cases WHERE status = ? AND due < ?`,
		StatusAssigned, dbDate(Day(s.now()))).Scan(&r.Overdue); err != nil {
		return r, fmt.Errorf("check: %w", err)
	}
	for _, st := range []BulletinStatus{BulletinDraft, BulletinIssued, BulletinInstructed} {
		c := Count{Label: string(st)}
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM bulletins WHERE status = ?`, st).Scan(&c.N); err != nil {
			return r, fmt.Errorf("check: %w", err)
		}
		r.Bulletins = append(r.Bulletins, c)
	}
	tx.Rollback()
	r.Problems = append(r.Problems, s.checkSearch(ctx)...)
	return r, nil
}

// checkSearch runs FTS5's consistency check of both search indexes and
// compares their document counts with the cases. It needs the writer: an
// FTS5 'integrity-check' is written as an INSERT.
func (s *Store) checkSearch(ctx context.Context) []string {
	var problems []string
	tx, err := s.beginWrite(ctx)
	if err != nil {
		return []string{"无法检查搜索索引：" + ErrorMessage(err)}
	}
	defer tx.Rollback()
	var cases int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM cases`).Scan(&cases); err != nil {
		return []string{"无法检查搜索索引：" + err.Error()}
	}
	for _, ix := range []struct{ table, name string }{{"cases_tri", "三字及以上"}, {"cases_bi", "一两个字"}} {
		if _, err := tx.ExecContext(ctx, `INSERT INTO `+ix.table+` (`+ix.table+`) VALUES ('integrity-check')`); err != nil {
			problems = append(problems, fmt.Sprintf("搜索索引（%s）已损坏：%v", ix.name, err))
		}
		var docs int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM `+ix.table).Scan(&docs); err != nil {
			problems = append(problems, fmt.Sprintf("无法检查搜索索引（%s）：%v", ix.name, err))
		} else if docs != cases {
			problems = append(problems, fmt.Sprintf("搜索索引（%s）有 %d 条，案件有 %d 件", ix.name, docs, cases))
		}
	}
	return problems
}

// queryStrings appends the first column of each row of q to *dst.
func queryStrings(ctx context.Context, tx *sql.Tx, dst *[]string, q string, args ...any) error {
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return err
		}
		*dst = append(*dst, v)
	}
	return rows.Err()
}
