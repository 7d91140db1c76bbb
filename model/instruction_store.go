package model

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// FindInstructions returns the 批示 recorded on a bulletin, by date.
func (s *Store) FindInstructions(ctx context.Context, bulletinID int64) ([]*Instruction, error) {
	tx, err := s.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("find instructions: %w", err)
	}
	defer tx.Rollback()
	return findInstructions(ctx, tx, bulletinID)
}

// findInstructions is FindInstructions inside tx.
func findInstructions(ctx context.Context, tx *sql.Tx, bulletinID int64) ([]*Instruction, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, bulletin_id, coalesce(leader_id, 0), leader, position,
		date, text, kind, departments, due, assign, outcome, created_at, updated_at
		FROM instructions WHERE bulletin_id = ? ORDER BY date, id`, bulletinID)
	if err != nil {
		return nil, fmt.Errorf("find instructions: %w", err)
	}
	defer rows.Close()
	var out []*Instruction
	for rows.Next() {
		var in Instruction
		var date, due, created, updated sql.NullString
		var deps string
		if err := rows.Scan(&in.ID, &in.BulletinID, &in.LeaderID, &in.Leader, &in.Position,
			&date, &in.Text, &in.Kind, &deps, &due, &in.Assign, &in.Outcome, &created, &updated); err != nil {
			return nil, fmt.Errorf("find instructions: %w", err)
		}
		if err := json.Unmarshal([]byte(deps), &in.Departments); err != nil {
			return nil, fmt.Errorf("find instructions: departments: %w", err)
		}
		var ts timeScanner
		in.Date, in.Due, in.CreatedAt, in.UpdatedAt = ts.date(date), ts.date(due), ts.dt(created), ts.dt(updated)
		if ts.err != nil {
			return nil, fmt.Errorf("find instructions: %w", ts.err)
		}
		out = append(out, &in)
	}
	return out, rows.Err()
}

// CreateInstruction records a 批示 on an issued bulletin, in one transaction:
// the bulletin becomes 已批示 and each linked case is marked 已批示 with a
// timeline event naming the bulletin and the leader. With opt.Assign each
// linked case is, as PlanCaseEffect says: assigned (待研判), given the
// departments it lacks (已交办, keeping its 时限 unless opt.MoveDue), kept,
// or skipped (已回复, 已办结). It returns what it did to each case, and
// in.Outcome sums it up. If any step fails, nothing changes.
func (s *Store) CreateInstruction(ctx context.Context, in *Instruction, opt AssignOptions) ([]CaseEffect, error) {
	in.Assign = opt.Assign
	if err := in.Validate(); err != nil {
		return nil, err
	}
	tx, err := s.beginWrite(ctx)
	if err != nil {
		return nil, fmt.Errorf("create instruction: %w", err)
	}
	defer tx.Rollback()
	b, err := findBulletinByID(ctx, tx, in.BulletinID)
	if err != nil {
		return nil, err
	}
	if !b.Frozen() {
		return nil, Errorf(ECONFLICT, "%d年第%d期尚未印发，不能登记批示", b.Year, b.Number)
	}
	now := s.now()
	effects, err := planCases(ctx, tx, b, in, opt, now)
	if err != nil {
		return nil, fmt.Errorf("create instruction: %w", err)
	}
	in.Outcome = ""
	if opt.Assign {
		in.Outcome = SummarizeEffects(effects)
	}
	in.CreatedAt, in.UpdatedAt = now, now
	if err := insertInstruction(ctx, tx, in); err != nil {
		return nil, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE bulletins SET status = ?, updated_at = ? WHERE id = ?`,
		BulletinInstructed, dbTime(now), b.ID); err != nil {
		return nil, fmt.Errorf("create instruction: %w", translate(err))
	}
	line := instructionLine(in)
	if in.Outcome != "" {
		line += "；" + in.Outcome
	}
	if err := appendBulletinEvent(ctx, tx, b.ID, now, BulletinActionInstruct, line, nil); err != nil {
		return nil, fmt.Errorf("create instruction: %w", err)
	}
	for _, ce := range effects {
		if err := instructCase(ctx, tx, ce, b, in, opt, now); err != nil {
			return nil, err
		}
	}
	if err := commit(tx); err != nil {
		return nil, fmt.Errorf("create instruction: %w", err)
	}
	return effects, nil
}

// insertInstruction writes a new instruction row and sets in.ID.
func insertInstruction(ctx context.Context, tx *sql.Tx, in *Instruction) error {
	deps := in.Departments
	if deps == nil {
		deps = []string{}
	}
	depsJSON, err := json.Marshal(deps)
	if err != nil {
		return fmt.Errorf("create instruction: %w", err)
	}
	var leaderID any
	if in.LeaderID != 0 {
		leaderID = in.LeaderID
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO instructions (bulletin_id, leader_id, leader, position,
		date, text, kind, departments, due, assign, outcome, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, in.BulletinID, leaderID, in.Leader, in.Position,
		dbDate(in.Date), in.Text, in.Kind, string(depsJSON), dbDate(in.Due), in.Assign, in.Outcome,
		dbTime(in.CreatedAt), dbTime(in.UpdatedAt))
	if ErrorCode(translate(err)) == ECONFLICT {
		return Errorf(ENOTFOUND, "批示领导不在领导名录中，可能已被删除")
	} else if err != nil {
		return fmt.Errorf("create instruction: %w", translate(err))
	}
	in.ID, err = res.LastInsertId()
	return err
}

// instructCase marks one linked case 已批示 and applies ce to it.
func instructCase(ctx context.Context, tx *sql.Tx, ce CaseEffect, b *Bulletin, in *Instruction, opt AssignOptions, now time.Time) error {
	note := bulletinLabel(b) + " " + instructionLine(in)
	if opt.Assign && !ce.Changes() {
		note += "（" + ce.Line() + "）"
	}
	if err := markCase(ctx, tx, ce.CaseID, now, ActionInstruct, note, func(c *Case) { c.Instructed = true }); err != nil {
		return fmt.Errorf("create instruction: case %d: %w", ce.CaseID, err)
	}
	if err := applyEffect(ctx, tx, ce, in, now); err != nil {
		return fmt.Errorf("create instruction: %w", err)
	}
	return nil
}

// instructionLine summarises an instruction for a timeline.
func instructionLine(in *Instruction) string {
	who := in.Leader
	if in.Position != "" {
		who += "（" + in.Position + "）"
	}
	line := fmt.Sprintf("%s批示（%s）：%s", who, in.Kind, in.Text)
	if len(in.Departments) > 0 {
		line += "；责任单位：" + strings.Join(in.Departments, "、")
	}
	if !in.Due.IsZero() {
		line += "；办理时限：" + in.Due.Format(DateLayout)
	}
	return line
}

// DeleteInstruction deletes a 批示 recorded by mistake. The bulletin goes
// back to 已印发 when it was its last one; the linked cases' timelines record
// the deletion and their 已批示 marks are recomputed. Assignments made with
// it stay: they are the cases' own history.
func (s *Store) DeleteInstruction(ctx context.Context, id int64) error {
	tx, err := s.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("delete instruction: %w", err)
	}
	defer tx.Rollback()
	var bid int64
	var leader, text string
	err = tx.QueryRowContext(ctx, `SELECT bulletin_id, leader, text FROM instructions WHERE id = ?`, id).Scan(&bid, &leader, &text)
	if errors.Is(err, sql.ErrNoRows) {
		return Errorf(ENOTFOUND, "找不到该批示，可能已被删除")
	} else if err != nil {
		return fmt.Errorf("delete instruction: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM instructions WHERE id = ?`, id); err != nil {
		return fmt.Errorf("delete instruction: %w", translate(err))
	}
	now := s.now()
	if _, err := tx.ExecContext(ctx, `UPDATE bulletins SET updated_at = ?, status = CASE
		WHEN EXISTS (SELECT 1 FROM instructions WHERE bulletin_id = bulletins.id) THEN ? ELSE ? END
		WHERE id = ?`, dbTime(now), BulletinInstructed, BulletinIssued, bid); err != nil {
		return fmt.Errorf("delete instruction: %w", translate(err))
	}
	b, err := findBulletinByID(ctx, tx, bid)
	if err != nil {
		return err
	}
	note := fmt.Sprintf("%s %s的批示登记有误，已删除：%s", bulletinLabel(b), leader, text)
	if err := appendBulletinEvent(ctx, tx, bid, now, BulletinActionUnrecord, note, nil); err != nil {
		return fmt.Errorf("delete instruction: %w", err)
	}
	for _, cid := range b.CaseIDs {
		if err := markCase(ctx, tx, cid, now, ActionUninstruct, note, nil); err != nil {
			return fmt.Errorf("delete instruction: %w", err)
		}
		if err := refreshMarks(ctx, tx, cid); err != nil {
			return fmt.Errorf("delete instruction: %w", err)
		}
	}
	return commit(tx)
}
