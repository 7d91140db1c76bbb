package model

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
)

// execer runs a statement that returns no rows: a *sql.Tx, or a preparedTx
// that reuses its statements.
type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// preparedTx is a write transaction whose ExecContext prepares each statement
// on its first use and reuses it after. The driver otherwise parses the
// statement again on every call, which is a fifth of an import's time. The
// statements are closed with the transaction.
type preparedTx struct {
	*sql.Tx
	stmts map[string]*sql.Stmt
}

// ExecContext runs query with args through its prepared statement.
func (p *preparedTx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, ok := p.stmts[query]
	if !ok {
		var err error
		if st, err = p.Tx.PrepareContext(ctx, query); err != nil {
			return nil, translate(err)
		}
		p.stmts[query] = st
	}
	res, err := st.ExecContext(ctx, args...)
	return res, translate(err)
}

// caseWriter creates cases in one transaction, one or ten thousand of them
// (an import). Statements are prepared once (preparedTx), the numbers of a
// year come from one read of the counter, and the search indexes are written
// together by flush. Written one by one, between the other inserts, each
// case would make SQLite flush the full-text indexes to disk, the other
// large part of an import's time.
//
// flush must run before the transaction commits: it writes the counters and
// the search indexes.
type caseWriter struct {
	tx      *preparedTx
	last    map[int]int // year → last case number handed out
	pending []searchDoc // created cases not yet in the search indexes
	// keepNumbers: create keeps a case's 编号 (an import, which reserved it)
	keepNumbers bool
}

// searchDoc is what a case is found by: its id and searchFields.
type searchDoc struct {
	id     int64
	fields []string
}

// newCaseWriter starts writing cases in tx.
func newCaseWriter(tx *sql.Tx) *caseWriter {
	return &caseWriter{tx: &preparedTx{Tx: tx, stmts: map[string]*sql.Stmt{}}, last: map[int]int{}}
}

// create inserts c with the next number of the year of its CreatedAt, its
// texts and departments; it sets c.ID and c.Number. Its search document is
// written by flush.
func (w *caseWriter) create(ctx context.Context, c *Case) error {
	year, seq, kept := ParseCaseNumber(c.Number) // an import keeps a free 编号 (reserved)
	if !kept || !w.keepNumbers {
		year = c.CreatedAt.Year()
		var err error
		if seq, err = w.nextSeq(ctx, year); err != nil {
			return err
		}
	}
	c.Number = CaseNumber(year, seq)
	res, err := w.tx.ExecContext(ctx, `INSERT INTO cases (year, seq, number, title, source, url,
		poster, posted, collected, area, domain, kind, risk, assigned_at, due, replied_at,
		closed_at, status, reported, instructed, created_at, updated_at,
		original_due, reminders, reply_department, sentiment, views, reposts,
		comments, likes, counted_at, visit_result, visited_at, important)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
		?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		append([]any{year, seq, c.Number, c.Title, c.Source, c.URL,
			c.Poster, dbTime(c.Posted), dbTime(c.Collected), c.Area, c.Domain, c.Kind, c.Risk,
			dbTime(c.AssignedAt), dbDate(c.Due), dbTime(c.RepliedAt),
			dbTime(c.ClosedAt), c.Status, c.Reported, c.Instructed, dbTime(c.CreatedAt), dbTime(c.UpdatedAt)},
			reportValues(c)...)...)
	if err != nil {
		return err
	}
	if c.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	if _, err := w.tx.ExecContext(ctx, `INSERT INTO case_texts (case_id, spread, content, summary,
		assessment, proposal, handling, reply, remarks) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		c.ID, c.Spread, c.Content, c.Summary, c.Assessment, c.Proposal, c.Handling, c.Reply, c.Remarks); err != nil {
		return fmt.Errorf("save texts: %w", err)
	}
	if err := insertDepartments(ctx, w.tx, c); err != nil {
		return err
	}
	w.pending = append(w.pending, searchDoc{c.ID, searchFields(c)})
	return nil
}

// nextSeq returns the next number of year: the counter is read on the
// year's first case, then counted here (the transaction keeps other writers
// out) and written back by flush.
func (w *caseWriter) nextSeq(ctx context.Context, year int) (int, error) {
	last, ok := w.last[year]
	if !ok {
		err := w.tx.QueryRowContext(ctx, `SELECT last FROM case_counters WHERE year = ?`, year).Scan(&last)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return 0, fmt.Errorf("next case number: %w", translate(err))
		}
	}
	w.last[year] = last + 1
	return last + 1, nil
}

// flush writes the counters and the search documents of the cases created
// since the last flush.
func (w *caseWriter) flush(ctx context.Context) error {
	years := make([]int, 0, len(w.last))
	for y := range w.last {
		years = append(years, y)
	}
	slices.Sort(years)
	for _, y := range years {
		if _, err := w.tx.ExecContext(ctx, `INSERT INTO case_counters (year, last) VALUES (?, ?)
			ON CONFLICT (year) DO UPDATE SET last = excluded.last`, y, w.last[y]); err != nil {
			return fmt.Errorf("save case number: %w", err)
		}
	}
	for _, d := range w.pending {
		if err := writeSearchDoc(ctx, w.tx, d.id, d.fields); err != nil {
			return err
		}
	}
	w.pending = nil
	return nil
}
