package model

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// IssueBulletin (印发) freezes a draft: it stores the exact PDF printed, sets
// the status 已印发 and marks each linked case 已编报 with a timeline event,
// all in one transaction. The 印发日期 must be set.
func (s *Store) IssueBulletin(ctx context.Context, id int64, pdf []byte) (*Bulletin, error) {
	if !isPDF(pdf) {
		return nil, Errorf(EINVALID, "印发时需要保存排好的 PDF，但收到的内容不是 PDF 文件")
	}
	tx, err := s.beginWrite(ctx)
	if err != nil {
		return nil, fmt.Errorf("issue bulletin: %w", err)
	}
	defer tx.Rollback()
	b, err := findBulletinByID(ctx, tx, id)
	if err != nil {
		return nil, err
	}
	if b.Frozen() {
		return nil, Errorf(ECONFLICT, "%d年第%d期已经印发", b.Year, b.Number)
	} else if b.Date.IsZero() {
		return nil, Errorf(EINVALID, "印发日期不能为空")
	} else if err := b.Validate(); err != nil {
		return nil, err
	}
	now := s.now()
	b.Status, b.IssuedAt, b.UpdatedAt = BulletinIssued, now, now
	if _, err := tx.ExecContext(ctx, `UPDATE bulletins SET status = ?, issued_at = ?, pdf = ?, updated_at = ?
		WHERE id = ?`, b.Status, dbTime(now), pdf, dbTime(now), id); err != nil {
		return nil, fmt.Errorf("issue bulletin: %w", translate(err))
	}
	note := fmt.Sprintf("%d 件案件，%d 份会议纪要；PDF %d 字节", len(b.CaseIDs), len(b.MeetingIDs), len(pdf))
	if err := appendBulletinEvent(ctx, tx, id, now, BulletinActionIssue, note, nil); err != nil {
		return nil, fmt.Errorf("issue bulletin: %w", err)
	}
	for _, cid := range b.CaseIDs {
		err := markCase(ctx, tx, cid, now, ActionReport, "编入"+bulletinLabel(b), func(c *Case) { c.Reported = true })
		if err != nil {
			return nil, fmt.Errorf("issue bulletin: %w", err)
		}
	}
	if err := commit(tx); err != nil {
		return nil, fmt.Errorf("issue bulletin: %w", err)
	}
	return b, nil
}

// WithdrawBulletin (撤回) takes an issued bulletin back to 草稿 so that it can
// be corrected and issued again. The reason and the withdrawn PDF are kept
// in the bulletin's history, and each linked case's timeline records it. A
// bulletin with 批示 recorded cannot be withdrawn.
func (s *Store) WithdrawBulletin(ctx context.Context, id int64, reason string) (*Bulletin, error) {
	if err := required("撤回原因", reason); err != nil {
		return nil, err
	} else if err := checkText(field{"撤回原因", reason, true}); err != nil {
		return nil, err
	}
	tx, err := s.beginWrite(ctx)
	if err != nil {
		return nil, fmt.Errorf("withdraw bulletin: %w", err)
	}
	defer tx.Rollback()
	b, err := findBulletinByID(ctx, tx, id)
	if err != nil {
		return nil, err
	}
	switch b.Status {
	case BulletinDraft:
		return nil, Errorf(ECONFLICT, "%d年第%d期尚未印发，不需要撤回", b.Year, b.Number)
	case BulletinInstructed:
		return nil, Errorf(ECONFLICT, "%d年第%d期已有领导批示，不能撤回；如批示登记有误，请先删除批示", b.Year, b.Number)
	}
	var pdf []byte
	if err := tx.QueryRowContext(ctx, `SELECT pdf FROM bulletins WHERE id = ?`, id).Scan(&pdf); err != nil {
		return nil, fmt.Errorf("withdraw bulletin: %w", err)
	}
	now := s.now()
	if err := appendBulletinEvent(ctx, tx, id, now, BulletinActionWithdraw, reason, pdf); err != nil {
		return nil, fmt.Errorf("withdraw bulletin: %w", err)
	}
	b.Status, b.IssuedAt, b.UpdatedAt = BulletinDraft, time.Time{}, now
	if _, err := tx.ExecContext(ctx, `UPDATE bulletins SET status = ?, issued_at = NULL, pdf = NULL,
		updated_at = ? WHERE id = ?`, b.Status, dbTime(now), id); err != nil {
		return nil, fmt.Errorf("withdraw bulletin: %w", translate(err))
	}
	for _, cid := range b.CaseIDs {
		err := markCase(ctx, tx, cid, now, ActionUnreport, bulletinLabel(b)+"撤回："+reason, nil)
		if err != nil {
			return nil, fmt.Errorf("withdraw bulletin: %w", err)
		}
		if err := refreshMarks(ctx, tx, cid); err != nil {
			return nil, fmt.Errorf("withdraw bulletin: %w", err)
		}
	}
	if err := commit(tx); err != nil {
		return nil, fmt.Errorf("withdraw bulletin: %w", err)
	}
	return b, nil
}

// bulletinLabel names an issue as the timeline writes it: 《舆情专报》2026年第12期.
func bulletinLabel(b *Bulletin) string {
	name := b.Name
	if name == "" {
		name = "舆情专报"
	}
	return fmt.Sprintf("《%s》%d年第%d期", name, b.Year, b.Number)
}

// markCase changes a case with set (may be nil) and appends a timeline
// event that keeps its status.
func markCase(ctx context.Context, tx *sql.Tx, id int64, at time.Time, action, note string, set func(*Case)) error {
	c, err := findCaseByID(ctx, tx, id)
	if err != nil {
		return err
	}
	if set != nil {
		set(c)
		c.UpdatedAt = at
		if err := updateCase(ctx, tx, c, searchFields(c)); err != nil {
			return err
		}
	}
	return appendCaseEvent(ctx, tx, &CaseEvent{CaseID: id, At: at, Action: action, From: c.Status, To: c.Status, Note: note})
}

// refreshMarks recomputes a case's 已编报 and 已批示 marks from the bulletins
// and instructions that still stand.
func refreshMarks(ctx context.Context, tx *sql.Tx, caseID int64) error {
	_, err := tx.ExecContext(ctx, `UPDATE cases SET
		reported = EXISTS (SELECT 1 FROM bulletin_cases bc JOIN bulletins b ON b.id = bc.bulletin_id
			WHERE bc.case_id = cases.id AND b.status <> ?),
		instructed = EXISTS (SELECT 1 FROM bulletin_cases bc JOIN instructions i ON i.bulletin_id = bc.bulletin_id
			WHERE bc.case_id = cases.id)
		WHERE id = ?`, BulletinDraft, caseID)
	if err != nil {
		return fmt.Errorf("refresh marks: %w", translate(err))
	}
	return nil
}

// appendBulletinEvent adds an entry to a bulletin's history.
func appendBulletinEvent(ctx context.Context, tx *sql.Tx, id int64, at time.Time, action, note string, pdf []byte) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO bulletin_events (bulletin_id, at, action, note, pdf)
		VALUES (?, ?, ?, ?, ?)`, id, dbTime(at), action, note, pdf)
	if err != nil {
		return fmt.Errorf("append bulletin event: %w", translate(err))
	}
	return nil
}

// FindBulletinEvents returns a bulletin's history, oldest first.
func (s *Store) FindBulletinEvents(ctx context.Context, id int64) ([]*BulletinEvent, error) {
	tx, err := s.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("find bulletin events: %w", err)
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, `SELECT id, bulletin_id, at, action, note, pdf IS NOT NULL
		FROM bulletin_events WHERE bulletin_id = ? ORDER BY id`, id)
	if err != nil {
		return nil, fmt.Errorf("find bulletin events: %w", err)
	}
	defer rows.Close()
	var evs []*BulletinEvent
	for rows.Next() {
		var ev BulletinEvent
		var at sql.NullString
		if err := rows.Scan(&ev.ID, &ev.BulletinID, &at, &ev.Action, &ev.Note, &ev.HasPDF); err != nil {
			return nil, fmt.Errorf("find bulletin events: %w", err)
		}
		if ev.At, err = parseDBTime(at); err != nil {
			return nil, fmt.Errorf("find bulletin events: %w", err)
		}
		evs = append(evs, &ev)
	}
	return evs, rows.Err()
}
