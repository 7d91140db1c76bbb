package model

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

const meetingColumns = `m.id, m.name, m.type, m.time, m.place, m.host, m.present, m.attending,
	m.absent, m.recorder, m.topic, m.content, m.created_at, m.updated_at`

// FindMeetingByID returns one meeting note with its decisions and linked cases.
func (s *Store) FindMeetingByID(ctx context.Context, id int64) (*Meeting, error) {
	ms, err := s.FindMeetings(ctx, MeetingFilter{ID: &id})
	if err != nil {
		return nil, err
	} else if len(ms) == 0 {
		return nil, Errorf(ENOTFOUND, "找不到该会议纪要，可能已被删除")
	}
	return ms[0], nil
}

// FindMeetings returns the meeting notes matching f, newest first.
func (s *Store) FindMeetings(ctx context.Context, f MeetingFilter) ([]*Meeting, error) {
	var conds []string
	var args []any
	if f.ID != nil {
		conds, args = append(conds, `m.id = ?`), append(args, *f.ID)
	}
	if q := strings.TrimSpace(f.Query); q != "" {
		conds = append(conds, `(instr(m.name, ?) > 0 OR instr(m.topic, ?) > 0 OR instr(m.content, ?) > 0)`)
		args = append(args, q, q, q)
	}
	if f.CaseID != 0 {
		conds = append(conds, `m.id IN (SELECT meeting_id FROM meeting_cases WHERE case_id = ?)`)
		args = append(args, f.CaseID)
	}
	q := `SELECT ` + meetingColumns + ` FROM meetings m`
	if len(conds) > 0 {
		q += ` WHERE ` + strings.Join(conds, " AND ")
	}
	q += ` ORDER BY m.time IS NULL, m.time DESC, m.id DESC`
	if f.Limit > 0 {
		q += fmt.Sprintf(` LIMIT %d`, f.Limit)
	}
	tx, err := s.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("find meetings: %w", err)
	}
	defer tx.Rollback()
	ms, err := queryMeetings(ctx, tx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("find meetings: %w", err)
	}
	return ms, nil
}

// queryMeetings runs q (selecting meetingColumns) and loads each meeting's
// decisions and cases.
func queryMeetings(ctx context.Context, tx *sql.Tx, q string, args ...any) ([]*Meeting, error) {
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ms []*Meeting
	for rows.Next() {
		m, err := scanMeeting(rows)
		if err != nil {
			return nil, err
		}
		ms = append(ms, m)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	for _, m := range ms {
		if err := loadMeetingParts(ctx, tx, m); err != nil {
			return nil, err
		}
	}
	return ms, nil
}

// scanMeeting reads the columns of meetingColumns.
func scanMeeting(r rowScanner) (*Meeting, error) {
	var m Meeting
	var at, created, updated sql.NullString
	var present, attending, absent string
	if err := r.Scan(&m.ID, &m.Name, &m.Type, &at, &m.Place, &m.Host, &present, &attending,
		&absent, &m.Recorder, &m.Topic, &m.Content, &created, &updated); err != nil {
		return nil, err
	}
	for _, l := range []struct {
		src string
		dst *[]string
	}{{present, &m.Present}, {attending, &m.Attending}, {absent, &m.Absent}} {
		if err := json.Unmarshal([]byte(l.src), l.dst); err != nil {
			return nil, fmt.Errorf("meeting %d: names: %w", m.ID, err)
		}
	}
	var ts timeScanner
	m.Time, m.CreatedAt, m.UpdatedAt = ts.dt(at), ts.dt(created), ts.dt(updated)
	return &m, ts.err
}

// loadMeetingParts reads a meeting's decisions and linked cases.
func loadMeetingParts(ctx context.Context, tx *sql.Tx, m *Meeting) error {
	rows, err := tx.QueryContext(ctx, `SELECT text, lead, due FROM meeting_decisions
		WHERE meeting_id = ? ORDER BY pos`, m.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var d Decision
		var due sql.NullString
		if err := rows.Scan(&d.Text, &d.Lead, &due); err != nil {
			return err
		}
		if d.Due, err = parseDBDate(due); err != nil {
			return err
		}
		m.Decisions = append(m.Decisions, d)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	m.CaseIDs, err = queryIDs(ctx, tx, `SELECT case_id FROM meeting_cases WHERE meeting_id = ? ORDER BY pos`, m.ID)
	return err
}

// queryIDs returns the first column of q's rows as ids.
func queryIDs(ctx context.Context, tx *sql.Tx, q string, args ...any) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// CreateMeeting validates and stores a new meeting note, setting its ID.
func (s *Store) CreateMeeting(ctx context.Context, m *Meeting) error {
	if err := m.Validate(); err != nil {
		return err
	}
	tx, err := s.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("create meeting: %w", err)
	}
	defer tx.Rollback()
	m.CreatedAt, m.UpdatedAt = s.now(), s.now()
	res, err := tx.ExecContext(ctx, `INSERT INTO meetings (name, created_at, updated_at) VALUES (?, ?, ?)`,
		m.Name, dbTime(m.CreatedAt), dbTime(m.UpdatedAt))
	if err != nil {
		return fmt.Errorf("create meeting: %w", translate(err))
	}
	if m.ID, err = res.LastInsertId(); err != nil {
		return fmt.Errorf("create meeting: %w", err)
	}
	if err := saveMeeting(ctx, tx, m); err != nil {
		return fmt.Errorf("create meeting: %w", err)
	}
	return commit(tx)
}

// UpdateMeeting saves the whole record m (fields, decisions, linked cases).
func (s *Store) UpdateMeeting(ctx context.Context, m *Meeting) error {
	if err := m.Validate(); err != nil {
		return err
	}
	tx, err := s.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("update meeting: %w", err)
	}
	defer tx.Rollback()
	var created sql.NullString
	err = tx.QueryRowContext(ctx, `SELECT created_at FROM meetings WHERE id = ?`, m.ID).Scan(&created)
	if errors.Is(err, sql.ErrNoRows) {
		return Errorf(ENOTFOUND, "找不到该会议纪要，可能已被删除")
	} else if err != nil {
		return fmt.Errorf("update meeting: %w", err)
	}
	if m.CreatedAt, err = parseDBTime(created); err != nil {
		return fmt.Errorf("update meeting: %w", err)
	}
	m.UpdatedAt = s.now()
	if err := saveMeeting(ctx, tx, m); err != nil {
		return fmt.Errorf("update meeting: %w", err)
	}
	return commit(tx)
}

// DeleteMeeting deletes a meeting note. One linked from an issued bulletin
// is part of the record and stays.
func (s *Store) DeleteMeeting(ctx context.Context, id int64) error {
	tx, err := s.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("delete meeting: %w", err)
	}
	defer tx.Rollback()
	var issued int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM bulletin_meetings bm
		JOIN bulletins b ON b.id = bm.bulletin_id WHERE bm.meeting_id = ? AND b.status <> ?`,
		id, BulletinDraft).Scan(&issued); err != nil {
		return fmt.Errorf("delete meeting: %w", err)
	}
	if issued > 0 {
		return Errorf(ECONFLICT, "该会议纪要已编入印发的专报，不能删除")
	}
	res, err := tx.ExecContext(ctx, `DELETE FROM meetings WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("delete meeting: %w", translate(err))
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return Errorf(ENOTFOUND, "找不到该会议纪要，可能已被删除")
	}
	return commit(tx)
}

// saveMeeting writes m's columns, decisions and case links over the row m.ID.
func saveMeeting(ctx context.Context, tx *sql.Tx, m *Meeting) error {
	lists := make([]string, 3)
	for i, l := range [][]string{m.Present, m.Attending, m.Absent} {
		if l == nil {
			l = []string{}
		}
		b, err := json.Marshal(l)
		if err != nil {
			return err
		}
		lists[i] = string(b)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE meetings SET name = ?, type = ?, time = ?, place = ?,
		host = ?, present = ?, attending = ?, absent = ?, recorder = ?, topic = ?, content = ?,
		updated_at = ? WHERE id = ?`, m.Name, m.Type, dbTime(m.Time), m.Place, m.Host,
		lists[0], lists[1], lists[2], m.Recorder, m.Topic, m.Content, dbTime(m.UpdatedAt), m.ID); err != nil {
		return translate(err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM meeting_decisions WHERE meeting_id = ?`, m.ID); err != nil {
		return err
	}
	for i, d := range m.Decisions {
		if _, err := tx.ExecContext(ctx, `INSERT INTO meeting_decisions (meeting_id, pos, text, lead, due)
			VALUES (?, ?, ?, ?, ?)`, m.ID, i, d.Text, d.Lead, dbDate(d.Due)); err != nil {
			return translate(err)
		}
	}
	return saveLinks(ctx, tx, "meeting_cases", "meeting_id", "case_id", m.ID, m.CaseIDs)
}

// saveLinks replaces the links of owner in a link table (owner column, target
// column, pos), keeping the order of ids and dropping repeats. A missing
// target is an *Error.
func saveLinks(ctx context.Context, tx *sql.Tx, table, ownerCol, targetCol string, owner int64, ids []int64) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM `+table+` WHERE `+ownerCol+` = ?`, owner); err != nil {
		return err
	}
	seen := map[int64]bool{}
	for i, id := range ids {
		if seen[id] {
			continue
		}
		seen[id] = true
		_, err := tx.ExecContext(ctx, `INSERT INTO `+table+` (`+ownerCol+`, `+targetCol+`, pos) VALUES (?, ?, ?)`, owner, id, i)
		if ErrorCode(translate(err)) == ECONFLICT {
			return Errorf(ENOTFOUND, "关联的记录（%d）不存在，可能已被删除", id)
		} else if err != nil {
			return translate(err)
		}
	}
	return nil
}
