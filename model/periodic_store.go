package model

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// PeriodicIssue is a stored 通报: a draft whose 刊名, title and body the
// staff member edits, then issued with its 期号 (per kind and year) and
// frozen: the document it was typeset from and the PDF, reprinted as they are.
type PeriodicIssue struct {
	ID     int64
	Period Period
	Number int // 期号, 0 until issued
	Name   string
	Title  string
	Body   string

	Doc      []byte // the document JSON as typeset at issue
	PDF      []byte // the PDF as issued (FindPeriodic only)
	IssuedAt time.Time

	CreatedAt, UpdatedAt time.Time
}

// Issued reports whether the issue is frozen.
func (p *PeriodicIssue) Issued() bool { return !p.IssuedAt.IsZero() }

// Label names it in lists: 2026年11月 月报 第3期, or 草稿.
func (p *PeriodicIssue) Label() string {
	s := p.Period.Name() + " " + p.Period.Kind.Name()
	if p.Issued() {
		return s + fmt.Sprintf(" 第%d期", p.Number)
	}
	return s + "（草稿）"
}

// errIssuedPeriodic refuses a change to an issued 通报.
var errIssuedPeriodic = Errorf(EINVALID, "通报已印发，不能再修改或删除")

// CreatePeriodic stores a new draft 通报 of p.Period.
func (s *Store) CreatePeriodic(ctx context.Context, p *PeriodicIssue) error {
	if p.Period.From.IsZero() || p.Period.To.Before(p.Period.From) {
		return Errorf(EINVALID, "通报的统计时段无效")
	}
	tx, err := s.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("create periodic: %w", err)
	}
	defer tx.Rollback()
	now := s.now()
	res, err := tx.ExecContext(ctx, `INSERT INTO periodic_issues (kind, period_from, period_to, year, name, title, body, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, string(p.Period.Kind), dbDate(p.Period.From), dbDate(p.Period.To), p.Period.Year(),
		p.Name, p.Title, p.Body, dbTime(now), dbTime(now))
	if err != nil {
		return fmt.Errorf("create periodic: %w", translate(err))
	}
	if p.ID, err = res.LastInsertId(); err != nil {
		return fmt.Errorf("create periodic: %w", err)
	}
	p.CreatedAt, p.UpdatedAt = now, now
	return tx.Commit()
}

// UpdatePeriodic saves a draft's 刊名, title and body; an issued one is refused.
func (s *Store) UpdatePeriodic(ctx context.Context, p *PeriodicIssue) error {
	tx, err := s.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("update periodic: %w", err)
	}
	defer tx.Rollback()
	if err := draftPeriodic(ctx, tx, p.ID); err != nil {
		return err
	}
	now := s.now()
	if _, err := tx.ExecContext(ctx, `UPDATE periodic_issues SET name = ?, title = ?, body = ?, updated_at = ? WHERE id = ?`,
		p.Name, p.Title, p.Body, dbTime(now), p.ID); err != nil {
		return fmt.Errorf("update periodic: %w", translate(err))
	}
	p.UpdatedAt = now
	return tx.Commit()
}

// DeletePeriodic deletes a draft; an issued 通报 is kept.
func (s *Store) DeletePeriodic(ctx context.Context, id int64) error {
	tx, err := s.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("delete periodic: %w", err)
	}
	defer tx.Rollback()
	if err := draftPeriodic(ctx, tx, id); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM periodic_issues WHERE id = ?`, id); err != nil {
		return fmt.Errorf("delete periodic: %w", translate(err))
	}
	return tx.Commit()
}

// draftPeriodic checks that id is a draft.
func draftPeriodic(ctx context.Context, tx *sql.Tx, id int64) error {
	var issued sql.NullString
	err := tx.QueryRowContext(ctx, `SELECT issued_at FROM periodic_issues WHERE id = ?`, id).Scan(&issued)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return Errorf(ENOTFOUND, "找不到该通报")
	case err != nil:
		return fmt.Errorf("periodic: %w", err)
	case issued.Valid:
		return errIssuedPeriodic
	}
	return nil
}

// IssuePeriodic gives draft id its 期号 (the next of its kind and year) and
// freezes it with what typeset returns for that number: the document JSON
// and the PDF. Nothing is stored, and no number used, when typeset fails.
func (s *Store) IssuePeriodic(ctx context.Context, id int64, typeset func(p *PeriodicIssue) (doc, pdf []byte, err error)) (*PeriodicIssue, error) {
	tx, err := s.beginWrite(ctx)
	if err != nil {
		return nil, fmt.Errorf("issue periodic: %w", err)
	}
	defer tx.Rollback()
	if err := draftPeriodic(ctx, tx, id); err != nil {
		return nil, err
	}
	p, err := findPeriodic(ctx, tx, id, false)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(p.Body) == "" {
		return nil, Errorf(EINVALID, "通报正文不能为空")
	}
	if p.Number, err = nextNumber(ctx, tx, "periodic-"+string(p.Period.Kind), p.Period.Year()); err != nil {
		return nil, err
	}
	p.IssuedAt = s.now()
	if p.Doc, p.PDF, err = typeset(p); err != nil {
		return nil, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE periodic_issues SET number = ?, doc = ?, pdf = ?, issued_at = ?, updated_at = ? WHERE id = ?`,
		p.Number, string(p.Doc), p.PDF, dbTime(p.IssuedAt), dbTime(p.IssuedAt), id); err != nil {
		return nil, fmt.Errorf("issue periodic: %w", translate(err))
	}
	p.UpdatedAt = p.IssuedAt
	return p, tx.Commit()
}

// FindPeriodics lists the stored 通报, the latest period first, without
// their documents.
func (s *Store) FindPeriodics(ctx context.Context) ([]*PeriodicIssue, error) {
	tx, err := s.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("find periodics: %w", err)
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, `SELECT `+periodicColumns+`, NULL, NULL FROM periodic_issues ORDER BY period_to DESC, id DESC`)
	if err != nil {
		return nil, fmt.Errorf("find periodics: %w", err)
	}
	defer rows.Close()
	var out []*PeriodicIssue
	for rows.Next() {
		p, err := scanPeriodic(rows)
		if err != nil {
			return nil, fmt.Errorf("find periodics: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// FindPeriodic reads one 通报 with its document and PDF.
func (s *Store) FindPeriodic(ctx context.Context, id int64) (*PeriodicIssue, error) {
	tx, err := s.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("find periodic: %w", err)
	}
	defer tx.Rollback()
	return findPeriodic(ctx, tx, id, true)
}

const periodicColumns = `id, kind, period_from, period_to, number, name, title, body, issued_at, created_at, updated_at`

func findPeriodic(ctx context.Context, tx *sql.Tx, id int64, docs bool) (*PeriodicIssue, error) {
	cols := periodicColumns + `, NULL, NULL`
	if docs {
		cols = periodicColumns + `, doc, pdf`
	}
	p, err := scanPeriodic(tx.QueryRowContext(ctx, `SELECT `+cols+` FROM periodic_issues WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, Errorf(ENOTFOUND, "找不到该通报")
	}
	if err != nil {
		return nil, fmt.Errorf("find periodic: %w", err)
	}
	return p, nil
}

func scanPeriodic(r interface{ Scan(...any) error }) (*PeriodicIssue, error) {
	var p PeriodicIssue
	var kind string
	var from, to, issued, created, updated, doc sql.NullString
	var number sql.NullInt64
	if err := r.Scan(&p.ID, &kind, &from, &to, &number, &p.Name, &p.Title, &p.Body, &issued, &created, &updated, &doc, &p.PDF); err != nil {
		return nil, err
	}
	var ts timeScanner
	p.Period = Period{Kind: PeriodKind(kind), From: ts.date(from), To: ts.date(to)}
	p.IssuedAt, p.CreatedAt, p.UpdatedAt = ts.dt(issued), ts.dt(created), ts.dt(updated)
	p.Number = int(number.Int64)
	if doc.Valid {
		p.Doc = []byte(doc.String)
	}
	return &p, ts.err
}
