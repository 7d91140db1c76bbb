package model

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// FindCases returns one page of the cases matching f, in f's order, and the
// number of all matching cases.
//
// Query finds a substring of any length in 编号, 标题, 原文内容, 摘要, 网民昵称 and
// 回复内容, ignoring the case of Latin letters: from 3 characters through the
// trigram index, 1 and 2 characters through the bigram index.
func (s *Store) FindCases(ctx context.Context, f CaseFilter) ([]*Case, int, error) {
	if f.Now.IsZero() {
		f.Now = s.now()
	}
	tx, err := s.beginRead(ctx)
	if err != nil {
		return nil, 0, fmt.Errorf("find cases: %w", err)
	}
	defer tx.Rollback()
	if f.DueSoon {
		cal, err := loadCalendar(ctx, tx)
		if err != nil {
			return nil, 0, fmt.Errorf("find cases: %w", err)
		}
		f.soonUntil = cal.NextWorkday(f.Now)
	}
	where, args := caseWhere(f)
	// The page is chosen on ids alone (small rows to sort), then read whole.
	// A search with no other filter is counted, and in number order paged,
	// in its index alone.
	count, order := `SELECT count(*) FROM cases c`+where, caseOrder(f)
	ids := `SELECT c.id FROM cases c` + where + order
	if table, ok := searchOnly(f); ok {
		count = `SELECT count(*) FROM ` + table + ` WHERE ` + table + ` MATCH ?`
		if f.Sort == "" || f.Sort == SortNumber {
			ids = `SELECT rowid FROM ` + table + ` WHERE ` + table + ` MATCH ? ORDER BY rowid` + sortDir(f)
		}
	}
	var total int
	if err := tx.QueryRowContext(ctx, count, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("find cases: count: %w", translate(err))
	}
	if f.Limit > 0 || f.Offset > 0 {
		limit := f.Limit
		if limit <= 0 {
			limit = -1
		}
		ids += ` LIMIT ? OFFSET ?`
		args = append(args, limit, f.Offset)
	}
	cols, from := caseColumns, caseFrom
	if f.Brief {
		cols, from = briefCaseColumns, briefCaseFrom
	}
	cs, err := queryCases(ctx, tx, `SELECT `+cols+from+` WHERE c.id IN (`+ids+`)`+order, args...)
	if err != nil {
		return nil, 0, fmt.Errorf("find cases: %w", err)
	}
	return cs, total, nil
}

// searchOnly reports whether f is a search with no other filter (caseWhere
// then gives the match expression as its only argument), and which index
// answers it.
func searchOnly(f CaseFilter) (table string, ok bool) {
	q := strings.TrimSpace(f.Query)
	if q == "" || f.ID != nil || f.Status != "" || f.Department != "" || f.Source != "" ||
		f.Sentiment != "" || f.Domain != "" || f.Kind != "" || f.Area != "" || f.Risk != "" || !f.AssignedBefore.IsZero() || f.Important || !f.From.IsZero() || !f.To.IsZero() || f.Overdue || f.DueSoon {
		return "", false
	}
	table, _ = searchIndex(q)
	return table, true
}

// searchIndex returns the index that answers q and q as a match expression
// for it: trigrams from 3 characters, bigrams (a token, or a token prefix
// for 1 character) below.
func searchIndex(q string) (table, match string) {
	switch n := utf8.RuneCountInString(q); {
	case n >= 3:
		return "cases_tri", ftsPhrase(q)
	case n == 2:
		return "cases_bi", ftsPhrase(q)
	default:
		return "cases_bi", ftsPhrase(q) + "*"
	}
}

// queryCases runs a query selecting caseColumns and loads the departments.
func queryCases(ctx context.Context, tx *sql.Tx, q string, args ...any) ([]*Case, error) {
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, translate(err)
	}
	defer rows.Close()
	var cs []*Case
	for rows.Next() {
		c, err := scanCase(rows)
		if err != nil {
			return nil, err
		}
		cs = append(cs, c)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	if err := loadDepartments(ctx, tx, cs); err != nil {
		return nil, err
	}
	return cs, nil
}

// caseWhere builds the WHERE clause (with a leading space) for f.
func caseWhere(f CaseFilter) (string, []any) {
	var conds []string
	var args []any
	add := func(cond string, a ...any) {
		conds = append(conds, cond)
		args = append(args, a...)
	}
	if f.ID != nil {
		add(`c.id = ?`, *f.ID)
	}
	if q := strings.TrimSpace(f.Query); q != "" {
		table, match := searchIndex(q)
		add(`c.id IN (SELECT rowid FROM `+table+` WHERE `+table+` MATCH ?)`, match)
	}
	if f.Status != "" {
		add(`c.status = ?`, f.Status)
	}
	if f.Department != "" {
		add(`c.id IN (SELECT case_id FROM case_departments WHERE name = ?)`, f.Department)
	}
	if f.Source != "" {
		add(`c.source = ?`, f.Source)
	}
	if f.Sentiment != "" {
		add(`c.sentiment = ?`, f.Sentiment)
	}
	for _, by := range [][2]string{{"domain", f.Domain}, {"kind", f.Kind}, {"area", f.Area}, {"risk", f.Risk}} {
		if by[1] != "" {
			add(`c.`+by[0]+` = ?`, by[1])
		}
	}
	if !f.AssignedBefore.IsZero() {
		add(`c.status <> ? AND (c.assigned_at IS NULL OR c.assigned_at < ?)`, StatusPending, dbTime(f.AssignedBefore))
	}
	if f.Important {
		add(`c.important = 1`)
	}
	if !f.From.IsZero() {
		add(`c.collected >= ?`, dbTime(Day(f.From)))
	}
	if !f.To.IsZero() {
		add(`c.collected < ?`, dbTime(Day(f.To).AddDate(0, 0, 1)))
	}
	if f.Overdue {
		add(`c.status = ? AND c.due < ?`, StatusAssigned, dbDate(Day(f.Now)))
	}
	if f.DueSoon {
		add(`c.status = ? AND c.due >= ? AND c.due <= ?`, StatusAssigned, dbDate(Day(f.Now)), dbDate(f.soonUntil))
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// caseOrder returns the ORDER BY clause for f; ties go by id.
func caseOrder(f CaseFilter) string {
	dir := sortDir(f)
	var cols []string
	switch f.Sort {
	case SortCollected:
		cols = []string{"c.collected"}
	case SortDue:
		cols = []string{"c.due IS NULL", "c.due"} // cases without a due date last
	case SortStatus:
		cols = []string{"CASE c.status WHEN '待研判' THEN 0 WHEN '已交办' THEN 1 WHEN '已回复' THEN 2 ELSE 3 END"}
	case SortTitle:
		cols = []string{"c.title"}
	default:
		// Number order is registration order, which is id order: the rowid
		// needs no sort and a first page stops early.
		return " ORDER BY c.id" + dir
	}
	for i := range cols {
		if cols[i] != "c.due IS NULL" {
			cols[i] += dir
		}
	}
	return " ORDER BY " + strings.Join(cols, ", ") + ", c.id" + dir
}

// sortDir returns " ASC" or " DESC".
func sortDir(f CaseFilter) string {
	if f.Desc {
		return " DESC"
	}
	return " ASC"
}

// ftsPhrase quotes s as one FTS5 phrase.
func ftsPhrase(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// searchFields are the texts a case is found by, in a fixed order.
func searchFields(c *Case) []string {
	return []string{c.Number, c.Title, c.Content, c.Summary, c.Poster, c.Reply}
}

// bigramDoc turns texts into the document of the bigram index: every pair of
// neighbouring characters within a run of non-space characters, and the last
// character of each run, separated by spaces. A 2-character query is then one
// token and a 1-character query a token prefix.
func bigramDoc(texts []string) string {
	var b strings.Builder
	for _, t := range texts {
		for _, run := range strings.FieldsFunc(t, unicode.IsSpace) {
			rs := []rune(run)
			for i := range rs {
				if b.Len() > 0 {
					b.WriteByte(' ')
				}
				b.WriteRune(rs[i])
				if i+1 < len(rs) {
					b.WriteRune(rs[i+1])
				}
			}
		}
	}
	return b.String()
}

// writeSearchDoc (re)writes the case id, found by fields (searchFields), in
// both search indexes.
func writeSearchDoc(ctx context.Context, ex execer, id int64, f []string) error {
	if err := deleteSearchDoc(ctx, ex, id); err != nil {
		return err
	}
	if _, err := ex.ExecContext(ctx, `INSERT INTO cases_tri (rowid, number, title, content, summary, poster, reply)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, id, f[0], f[1], f[2], f[3], f[4], f[5]); err != nil {
		return fmt.Errorf("index case: %w", translate(err))
	}
	if _, err := ex.ExecContext(ctx, `INSERT INTO cases_bi (rowid, doc) VALUES (?, ?)`, id, bigramDoc(f)); err != nil {
		return fmt.Errorf("index case: %w", translate(err))
	}
	return nil
}

// deleteSearchDoc removes the case from both search indexes.
func deleteSearchDoc(ctx context.Context, ex execer, id int64) error {
	for _, table := range []string{"cases_tri", "cases_bi"} {
		if _, err := ex.ExecContext(ctx, `DELETE FROM `+table+` WHERE rowid = ?`, id); err != nil {
			return fmt.Errorf("unindex case: %w", translate(err))
		}
	}
	return nil
}
