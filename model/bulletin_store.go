package model

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

const bulletinColumns = `b.id, b.year, b.number, b.serial, b.name, b.unit, b.date, b.marking,
	b.title, b.editor_note, b.body, b.bao, b.song, b.fa, b.copies, b.signer, b.editor, b.cover,
	b.status, b.issued_at, b.created_at, b.updated_at,
	(SELECT count(*) FROM instructions i WHERE i.bulletin_id = b.id)`

// FindBulletinByID returns one bulletin with its linked cases and meetings
// (without the PDF: see FindBulletinPDF).
func (s *Store) FindBulletinByID(ctx context.Context, id int64) (*Bulletin, error) {
	bs, err := s.FindBulletins(ctx, BulletinFilter{ID: &id})
	if err != nil {
		return nil, err
	} else if len(bs) == 0 {
		return nil, Errorf(ENOTFOUND, "找不到该期专报，可能已被删除")
	}
	return bs[0], nil
}

// FindBulletinByIssue returns the bulletin of a year and 期号.
func (s *Store) FindBulletinByIssue(ctx context.Context, year, number int) (*Bulletin, error) {
	bs, err := s.FindBulletins(ctx, BulletinFilter{Year: year, Number: number})
	if err != nil {
		return nil, err
	} else if len(bs) == 0 {
		return nil, Errorf(ENOTFOUND, "没有 %d 年第 %d 期专报", year, number)
	}
	return bs[0], nil
}

// FindBulletins returns the bulletins matching f, newest first.
func (s *Store) FindBulletins(ctx context.Context, f BulletinFilter) ([]*Bulletin, error) {
	var conds []string
	var args []any
	add := func(cond string, a any) { conds, args = append(conds, cond), append(args, a) }
	if f.ID != nil {
		add(`b.id = ?`, *f.ID)
	}
	if f.Year != 0 {
		add(`b.year = ?`, f.Year)
	}
	if f.Number != 0 {
		add(`b.number = ?`, f.Number)
	}
	if f.Status != "" {
		add(`b.status = ?`, f.Status)
	}
	if f.CaseID != 0 {
		add(`b.id IN (SELECT bulletin_id FROM bulletin_cases WHERE case_id = ?)`, f.CaseID)
	}
	q := `SELECT ` + bulletinColumns + ` FROM bulletins b`
	if len(conds) > 0 {
		q += ` WHERE ` + strings.Join(conds, " AND ")
	}
	q += ` ORDER BY b.year DESC, b.number DESC`
	if f.Limit > 0 {
		q += fmt.Sprintf(` LIMIT %d`, f.Limit)
	}
	tx, err := s.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("find bulletins: %w", err)
	}
	defer tx.Rollback()
	bs, err := queryBulletins(ctx, tx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("find bulletins: %w", err)
	}
	return bs, nil
}

// queryBulletins runs q (selecting bulletinColumns) and loads the links.
func queryBulletins(ctx context.Context, tx *sql.Tx, q string, args ...any) ([]*Bulletin, error) {
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var bs []*Bulletin
	for rows.Next() {
		b, err := scanBulletin(rows)
		if err != nil {
			return nil, err
		}
		bs = append(bs, b)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	for _, b := range bs {
		if b.CaseIDs, err = queryIDs(ctx, tx, `SELECT case_id FROM bulletin_cases WHERE bulletin_id = ? ORDER BY pos`, b.ID); err != nil {
			return nil, err
		}
		if b.MeetingIDs, err = queryIDs(ctx, tx, `SELECT meeting_id FROM bulletin_meetings WHERE bulletin_id = ? ORDER BY pos`, b.ID); err != nil {
			return nil, err
		}
	}
	return bs, nil
}

// scanBulletin reads the columns of bulletinColumns.
func scanBulletin(r rowScanner) (*Bulletin, error) {
	var b Bulletin
	var date, issued, created, updated sql.NullString
	if err := r.Scan(&b.ID, &b.Year, &b.Number, &b.Serial, &b.Name, &b.Unit, &date, &b.Marking,
		&b.Title, &b.EditorNote, &b.Body, &b.Bao, &b.Song, &b.Fa, &b.Copies, &b.Signer, &b.Editor, &b.Cover,
		&b.Status, &issued, &created, &updated, &b.InstructionCount); err != nil {
		return nil, err
	}
	var ts timeScanner
	b.Date, b.IssuedAt = ts.date(date), ts.dt(issued)
	b.CreatedAt, b.UpdatedAt = ts.dt(created), ts.dt(updated)
	return &b, ts.err
}

// NextBulletinNumbers suggests the next 期号 of year (one more than the
// highest so far, so a deleted draft's number is offered again) and the next
// 总期号 (one more than the highest over all years).
func (s *Store) NextBulletinNumbers(ctx context.Context, year int) (number, serial int, err error) {
	tx, err := s.beginRead(ctx)
	if err != nil {
		return 0, 0, fmt.Errorf("suggest bulletin number: %w", err)
	}
	defer tx.Rollback()
	number, serial, err = nextBulletinNumber(ctx, tx, year)
	if err != nil {
		return 0, 0, fmt.Errorf("suggest bulletin number: %w", err)
	}
	return number, serial, nil
}

// nextBulletinNumber is NextBulletinNumbers inside tx.
func nextBulletinNumber(ctx context.Context, tx *sql.Tx, year int) (number, serial int, err error) {
	err = tx.QueryRowContext(ctx, `SELECT
		(SELECT coalesce(max(number), 0) + 1 FROM bulletins WHERE year = ?),
		(SELECT coalesce(max(serial), 0) + 1 FROM bulletins)`, year).Scan(&number, &serial)
	return number, serial, err
}

// CreateBulletin stores a new draft. A zero Number takes the next 期号 of the
// year; Serial is kept as given (0 = no 总期号). (Year, Number) and a non-zero
// Serial must be unused.
func (s *Store) CreateBulletin(ctx context.Context, b *Bulletin) error {
	tx, err := s.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("create bulletin: %w", err)
	}
	defer tx.Rollback()
	if b.Number == 0 {
		if b.Number, _, err = nextBulletinNumber(ctx, tx, b.Year); err != nil {
			return fmt.Errorf("create bulletin: %w", err)
		}
	}
	if err := b.Validate(); err != nil {
		return err
	}
	if err := checkBulletinNumbers(ctx, tx, b); err != nil {
		return err
	}
	now := s.now()
	b.Status, b.IssuedAt, b.CreatedAt, b.UpdatedAt = BulletinDraft, time.Time{}, now, now
	res, err := tx.ExecContext(ctx, `INSERT INTO bulletins (year, number, title, status, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?)`, b.Year, b.Number, b.Title, b.Status, dbTime(now), dbTime(now))
	if err != nil {
		return fmt.Errorf("create bulletin: %w", translate(err))
	}
	if b.ID, err = res.LastInsertId(); err != nil {
		return fmt.Errorf("create bulletin: %w", err)
	}
	if err := saveBulletin(ctx, tx, b); err != nil {
		return fmt.Errorf("create bulletin: %w", err)
	}
	if err := appendBulletinEvent(ctx, tx, b.ID, now, BulletinActionCreate, "", nil); err != nil {
		return fmt.Errorf("create bulletin: %w", err)
	}
	return commit(tx)
}

// UpdateBulletin saves the whole record b (content, numbering, links). Only
// a draft can change: an issued bulletin is frozen until withdrawn.
func (s *Store) UpdateBulletin(ctx context.Context, b *Bulletin) error {
	if err := b.Validate(); err != nil {
		return err
	}
	tx, err := s.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("update bulletin: %w", err)
	}
	defer tx.Rollback()
	old, err := findBulletinByID(ctx, tx, b.ID)
	if err != nil {
		return err
	}
	if old.Frozen() {
		return Errorf(EINVALID, "%d年第%d期已印发，内容不能再修改；如需修改，请先撤回", old.Year, old.Number)
	}
	if err := checkBulletinNumbers(ctx, tx, b); err != nil {
		return err
	}
	b.Status, b.IssuedAt, b.CreatedAt, b.UpdatedAt = old.Status, old.IssuedAt, old.CreatedAt, s.now()
	b.InstructionCount = old.InstructionCount
	if err := saveBulletin(ctx, tx, b); err != nil {
		return fmt.Errorf("update bulletin: %w", err)
	}
	return commit(tx)
}

// DeleteBulletin deletes a draft. An issued bulletin is part of the record.
func (s *Store) DeleteBulletin(ctx context.Context, id int64) error {
	tx, err := s.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("delete bulletin: %w", err)
	}
	defer tx.Rollback()
	b, err := findBulletinByID(ctx, tx, id)
	if err != nil {
		return err
	}
	if b.Frozen() {
		return Errorf(EINVALID, "%d年第%d期已印发，不能删除；如需作废，请撤回", b.Year, b.Number)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM bulletins WHERE id = ?`, id); err != nil {
		return fmt.Errorf("delete bulletin: %w", translate(err))
	}
	return commit(tx)
}

// findBulletinByID reads one bulletin inside tx; ENOTFOUND when missing.
func findBulletinByID(ctx context.Context, tx *sql.Tx, id int64) (*Bulletin, error) {
	bs, err := queryBulletins(ctx, tx, `SELECT `+bulletinColumns+` FROM bulletins b WHERE b.id = ?`, id)
	if err != nil {
		return nil, fmt.Errorf("find bulletin: %w", err)
	} else if len(bs) == 0 {
		return nil, Errorf(ENOTFOUND, "找不到该期专报，可能已被删除")
	}
	return bs[0], nil
}

// checkBulletinNumbers reports, in words, a 期号 or 总期号 another bulletin has.
func checkBulletinNumbers(ctx context.Context, tx *sql.Tx, b *Bulletin) error {
	var n int
	err := tx.QueryRowContext(ctx, `SELECT count(*) FROM bulletins WHERE year = ? AND number = ? AND id <> ?`,
		b.Year, b.Number, b.ID).Scan(&n)
	if err != nil {
		return fmt.Errorf("check bulletin number: %w", err)
	} else if n > 0 {
		return Errorf(ECONFLICT, "%d年第%d期已存在，请换一个期号", b.Year, b.Number)
	}
	if b.Serial == 0 {
		return nil
	}
	var year, number int
	err = tx.QueryRowContext(ctx, `SELECT year, number FROM bulletins WHERE serial = ? AND id <> ?`,
		b.Serial, b.ID).Scan(&year, &number)
	if err == nil {
		return Errorf(ECONFLICT, "总第%d期已被 %d年第%d期 使用，请换一个总期号", b.Serial, year, number)
	} else if !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("check bulletin serial: %w", err)
	}
	return nil
}

// saveBulletin writes b's columns and links over the row b.ID.
func saveBulletin(ctx context.Context, tx *sql.Tx, b *Bulletin) error {
	if _, err := tx.ExecContext(ctx, `UPDATE bulletins SET year = ?, number = ?, serial = ?, name = ?,
		unit = ?, date = ?, marking = ?, title = ?, editor_note = ?, body = ?, bao = ?, song = ?, fa = ?,
		copies = ?, signer = ?, editor = ?, cover = ?, updated_at = ? WHERE id = ?`,
		b.Year, b.Number, b.Serial, b.Name, b.Unit, dbDate(b.Date), b.Marking, b.Title, b.EditorNote,
		b.Body, b.Bao, b.Song, b.Fa, b.Copies, b.Signer, b.Editor, b.Cover, dbTime(b.UpdatedAt), b.ID); err != nil {
		return translate(err)
	}
	if err := saveLinks(ctx, tx, "bulletin_cases", "bulletin_id", "case_id", b.ID, b.CaseIDs); err != nil {
		return err
	}
	return saveLinks(ctx, tx, "bulletin_meetings", "bulletin_id", "meeting_id", b.ID, b.MeetingIDs)
}

// FindBulletinPDF returns the exact PDF bytes stored when the bulletin was
// issued, for an identical reprint.
func (s *Store) FindBulletinPDF(ctx context.Context, id int64) ([]byte, error) {
	tx, err := s.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("find bulletin pdf: %w", err)
	}
	defer tx.Rollback()
	var pdf []byte
	err = tx.QueryRowContext(ctx, `SELECT pdf FROM bulletins WHERE id = ?`, id).Scan(&pdf)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, Errorf(ENOTFOUND, "找不到该期专报，可能已被删除")
	} else if err != nil {
		return nil, fmt.Errorf("find bulletin pdf: %w", err)
	} else if len(pdf) == 0 {
		return nil, Errorf(ENOTFOUND, "该期专报尚未印发，没有存档的 PDF")
	}
	return pdf, nil
}

// isPDF reports whether data looks like a PDF file.
func isPDF(data []byte) bool { return bytes.HasPrefix(data, []byte("%PDF-")) }
