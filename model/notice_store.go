package model

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// nextNumber gives the next number of kind in year, never one given before.
func nextNumber(ctx context.Context, tx *sql.Tx, kind string, year int) (int, error) {
	var last int
	err := tx.QueryRowContext(ctx, `SELECT last FROM document_counters WHERE kind = ? AND year = ?`, kind, year).Scan(&last)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("next number: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO document_counters (kind, year, last) VALUES (?, ?, ?)
		ON CONFLICT (kind, year) DO UPDATE SET last = excluded.last`, kind, year, last+1); err != nil {
		return 0, fmt.Errorf("next number: %w", translate(err))
	}
	return last + 1, nil
}

// MinutesNumber returns the 期号 of a meeting's 纪要 in year: the one given
// before, else the next of that year, stored with the meeting.
func (s *Store) MinutesNumber(ctx context.Context, meetingID int64, year int) (int, error) {
	tx, err := s.beginWrite(ctx)
	if err != nil {
		return 0, fmt.Errorf("minutes number: %w", err)
	}
	defer tx.Rollback()
	var n int
	err = tx.QueryRowContext(ctx, `SELECT number FROM minutes_numbers WHERE meeting_id = ?`, meetingID).Scan(&n)
	if err == nil {
		return n, nil
	} else if !errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("minutes number: %w", err)
	}
	if n, err = nextNumber(ctx, tx, "minutes", year); err != nil {
		return 0, err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO minutes_numbers (meeting_id, year, number) VALUES (?, ?, ?)`,
		meetingID, year, n); err != nil {
		return 0, fmt.Errorf("minutes number: %w", translate(err))
	}
	return n, commit(tx)
}

// FindMinutesBody returns the body of a meeting's 纪要 as last saved, ""
// when it was never edited (the 纪要 is then drafted from the meeting).
func (s *Store) FindMinutesBody(ctx context.Context, meetingID int64) (string, error) {
	tx, err := s.beginRead(ctx)
	if err != nil {
		return "", fmt.Errorf("find minutes body: %w", err)
	}
	defer tx.Rollback()
	var body string
	err = tx.QueryRowContext(ctx, `SELECT body FROM minutes_numbers WHERE meeting_id = ?`, meetingID).Scan(&body)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("find minutes body: %w", err)
	}
	return body, nil
}

// SetMinutesBody keeps the edited body of a meeting's 纪要, whose 期号 must
// have been given (MinutesNumber).
func (s *Store) SetMinutesBody(ctx context.Context, meetingID int64, body string) error {
	body, _ = CleanText(body, true)
	if err := checkFields(field{"纪要正文", body, true}); err != nil {
		return err
	}
	tx, err := s.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("set minutes body: %w", err)
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, `UPDATE minutes_numbers SET body = ? WHERE meeting_id = ?`, body, meetingID)
	if err != nil {
		return fmt.Errorf("set minutes body: %w", translate(err))
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return Errorf(ENOTFOUND, "这个会议还没有纪要期号")
	}
	return commit(tx)
}

// CreateNotice gives n the next 交办编号 of its year, stores it with the
// document doc(label) typesets it from (label is the 编号 as printed) and
// adds a 交办单 entry to each case's timeline.
func (s *Store) CreateNotice(ctx context.Context, n *Notice, doc func(label string) ([]byte, error)) error {
	n.Department = strings.TrimSpace(n.Department)
	if err := n.Validate(); err != nil {
		return err
	}
	tx, err := s.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("create notice: %w", err)
	}
	defer tx.Rollback()
	n.Year, n.CreatedAt = n.Date.Year(), s.now()
	if n.Number, err = nextNumber(ctx, tx, "notice", n.Year); err != nil {
		return err
	}
	if n.Doc, err = doc(n.Label()); err != nil {
		return err
	}
	var instr any
	if n.InstructionID != 0 {
		instr = n.InstructionID
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO notices (year, number, department, day, instruction_id, doc, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, n.Year, n.Number, n.Department, dbDate(n.Date), instr, string(n.Doc), dbTime(n.CreatedAt))
	if err != nil {
		return fmt.Errorf("create notice: %w", translate(err))
	}
	if n.ID, err = res.LastInsertId(); err != nil {
		return fmt.Errorf("create notice: %w", err)
	}
	for _, id := range n.CaseIDs {
		if _, err := tx.ExecContext(ctx, `INSERT INTO notice_cases (notice_id, case_id) VALUES (?, ?)`, n.ID, id); err != nil {
			return fmt.Errorf("create notice: %w", translate(err))
		}
		var status CaseStatus
		if err := tx.QueryRowContext(ctx, `SELECT status FROM cases WHERE id = ?`, id).Scan(&status); err != nil {
			return fmt.Errorf("create notice: %w", translate(err))
		}
		ev := &CaseEvent{CaseID: id, At: n.CreatedAt, Action: ActionNotice, From: status, To: status,
			Note: fmt.Sprintf("交办编号 %s，承办单位 %s", n.Label(), n.Department)}
		if err := appendCaseEvent(ctx, tx, ev); err != nil {
			return err
		}
	}
	return commit(tx)
}

// FindNotices returns the notices that match f, oldest first.
func (s *Store) FindNotices(ctx context.Context, f NoticeFilter) ([]*Notice, error) {
	tx, err := s.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("find notices: %w", err)
	}
	defer tx.Rollback()
	q := `SELECT id, year, number, department, day, COALESCE(instruction_id, 0), doc, created_at FROM notices WHERE 1 = 1`
	var args []any
	if f.CaseID != 0 {
		q += ` AND id IN (SELECT notice_id FROM notice_cases WHERE case_id = ?)`
		args = append(args, f.CaseID)
	}
	if f.Department != "" {
		q += ` AND department = ?`
		args = append(args, f.Department)
	}
	if f.InstructionID != 0 {
		q += ` AND instruction_id = ?`
		args = append(args, f.InstructionID)
	}
	rows, err := tx.QueryContext(ctx, q+` ORDER BY id`, args...)
	if err != nil {
		return nil, fmt.Errorf("find notices: %w", err)
	}
	defer rows.Close()
	var out []*Notice
	for rows.Next() {
		n := &Notice{}
		var day, created sql.NullString
		var doc string
		if err := rows.Scan(&n.ID, &n.Year, &n.Number, &n.Department, &day, &n.InstructionID, &doc, &created); err != nil {
			return nil, fmt.Errorf("find notices: %w", err)
		}
		n.Doc = []byte(doc)
		if n.Date, err = parseDBDate(day); err != nil {
			return nil, fmt.Errorf("find notices: %w", err)
		}
		if n.CreatedAt, err = parseDBTime(created); err != nil {
			return nil, fmt.Errorf("find notices: %w", err)
		}
		out = append(out, n)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("find notices: %w", err)
	}
	for _, n := range out {
		if n.CaseIDs, err = noticeCases(ctx, tx, n.ID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func noticeCases(ctx context.Context, tx *sql.Tx, id int64) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, `SELECT case_id FROM notice_cases WHERE notice_id = ? ORDER BY case_id`, id)
	if err != nil {
		return nil, fmt.Errorf("find notice cases: %w", err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var c int64
		if err := rows.Scan(&c); err != nil {
			return nil, fmt.Errorf("find notice cases: %w", err)
		}
		ids = append(ids, c)
	}
	return ids, rows.Err()
}
