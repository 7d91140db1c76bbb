package model

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"
)

// move is one allowed change of a case's status.
type move struct {
	action string
	from   []CaseStatus
	to     CaseStatus
}

// moves is the one table of allowed status changes. 交办 from 已交办 re-assigns
// (other departments, a new due date, a leader's 批示). 编报 and 批示 are marks
// set by the bulletin work and keep the status.
var moves = []move{
	{ActionAssign, []CaseStatus{StatusPending, StatusAssigned}, StatusAssigned},
	{ActionReply, []CaseStatus{StatusAssigned}, StatusReplied},
	{ActionClose, []CaseStatus{StatusReplied}, StatusClosed},
	{ActionReturn, []CaseStatus{StatusReplied}, StatusAssigned},
}

// AllowedActions returns the actions a user may take on a case in status st,
// in the order of the table.
func AllowedActions(st CaseStatus) []string {
	var out []string
	for _, m := range moves {
		if slices.Contains(m.from, st) {
			out = append(out, m.action)
		}
	}
	return out
}

// findMove returns the move for action from st, or an *Error explaining why
// the action is not allowed.
func findMove(action string, c *Case) (move, error) {
	for _, m := range moves {
		if m.action != action {
			continue
		}
		if !slices.Contains(m.from, c.Status) {
			return move{}, Errorf(EINVALID, "案件 %s 当前状态为「%s」，不能%s", c.Number, c.Status, action)
		}
		return m, nil
	}
	return move{}, Errorf(EINVALID, "未知的操作「%s」", action)
}

// TransitionCase applies the action t.Action (交办, 登记回复, 办结, 退回重办) to
// the case, sets the fields that go with it and appends a timeline event, in
// one transaction. An action the case's status does not allow is an *Error.
func (s *Store) TransitionCase(ctx context.Context, id int64, t Transition) (*Case, error) {
	if t.At.IsZero() {
		t.At = s.now()
	}
	if err := checkFields(field{"备注", t.Note, true}, field{"回复内容", t.Reply, true}); err != nil {
		return nil, err
	}
	tx, err := s.beginWrite(ctx)
	if err != nil {
		return nil, fmt.Errorf("transition case: %w", err)
	}
	defer tx.Rollback()
	c, err := transitionCase(ctx, tx, id, t, s.now())
	if err != nil {
		return nil, err
	}
	if err := commit(tx); err != nil {
		return nil, fmt.Errorf("transition case: %w", err)
	}
	return c, nil
}

// transitionCase is TransitionCase inside tx; now stamps updated_at.
func transitionCase(ctx context.Context, tx *sql.Tx, id int64, t Transition, now time.Time) (*Case, error) {
	c, err := findCaseByID(ctx, tx, id)
	if err != nil {
		return nil, fmt.Errorf("transition case: %w", err)
	}
	m, err := findMove(t.Action, c)
	if err != nil {
		return nil, err
	}
	before, from := searchFields(c), c.Status
	note, err := applyMove(c, t)
	if err != nil {
		return nil, err
	}
	c.Status, c.UpdatedAt = m.to, now
	if err := c.Validate(); err != nil {
		return nil, err
	}
	if err := updateCase(ctx, tx, c, before); err != nil {
		return nil, fmt.Errorf("transition case: %w", err)
	}
	ev := &CaseEvent{CaseID: c.ID, At: t.At, Action: t.Action, From: from, To: m.to, Note: note}
	if err := appendCaseEvent(ctx, tx, ev); err != nil {
		return nil, fmt.Errorf("transition case: %w", err)
	}
	return c, nil
}

// applyMove sets the fields that go with t.Action and returns the timeline
// note, which keeps what the fields will not (an earlier reply, the reason).
func applyMove(c *Case, t Transition) (string, error) {
	var parts []string
	switch t.Action {
	case ActionAssign:
		if len(t.Departments) == 0 {
			return "", Errorf(EINVALID, "交办时请选择责任单位")
		} else if t.Due.IsZero() {
			return "", Errorf(EINVALID, "交办时请填写办理时限")
		} else if Day(t.Due).Before(Day(t.At)) {
			return "", Errorf(EINVALID, "办理时限早于交办时间")
		}
		if err := checkDepartments(t.Departments); err != nil {
			return "", err
		}
		c.Departments, c.Due, c.AssignedAt = slices.Clone(t.Departments), Day(t.Due), t.At
		parts = append(parts, "责任单位："+strings.Join(c.Departments, "、"), "办理时限："+c.Due.Format(DateLayout))
	case ActionReply:
		if err := required("回复内容", t.Reply); err != nil {
			return "", err
		}
		c.Reply, c.RepliedAt = t.Reply, t.At
		parts = append(parts, "回复内容："+t.Reply)
	case ActionClose:
		c.ClosedAt = t.At
	case ActionReturn:
		if err := required("退回重办的原因", t.Note); err != nil {
			return "", err
		}
		c.RepliedAt = time.Time{}
		if !t.Due.IsZero() {
			if Day(t.Due).Before(Day(t.At)) {
				return "", Errorf(EINVALID, "新的办理时限早于退回时间")
			}
			c.Due = Day(t.Due)
			parts = append(parts, "新的办理时限："+c.Due.Format(DateLayout))
		}
	}
	if t.Note != "" {
		parts = append(parts, t.Note)
	}
	return strings.Join(parts, "；"), nil
}

// appendCaseEvent adds ev to its case's timeline and sets its ID.
func appendCaseEvent(ctx context.Context, ex execer, ev *CaseEvent) error {
	res, err := ex.ExecContext(ctx, `INSERT INTO case_events (case_id, at, action, from_status, to_status, note)
		VALUES (?, ?, ?, ?, ?, ?)`, ev.CaseID, dbTime(ev.At), ev.Action, ev.From, ev.To, ev.Note)
	if err != nil {
		return fmt.Errorf("append event: %w", translate(err))
	}
	ev.ID, err = res.LastInsertId()
	return err
}

// FindCaseEvents returns the timeline of a case, oldest first.
func (s *Store) FindCaseEvents(ctx context.Context, caseID int64) ([]*CaseEvent, error) {
	tx, err := s.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("find case events: %w", err)
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, `SELECT id, case_id, at, action, from_status, to_status, note
		FROM case_events WHERE case_id = ? ORDER BY id`, caseID)
	if err != nil {
		return nil, fmt.Errorf("find case events: %w", err)
	}
	defer rows.Close()
	var evs []*CaseEvent
	for rows.Next() {
		var ev CaseEvent
		var at sql.NullString
		if err := rows.Scan(&ev.ID, &ev.CaseID, &at, &ev.Action, &ev.From, &ev.To, &ev.Note); err != nil {
			return nil, fmt.Errorf("find case events: %w", err)
		}
		if ev.At, err = parseDBTime(at); err != nil {
			return nil, fmt.Errorf("find case events: %w", err)
		}
		evs = append(evs, &ev)
	}
	return evs, rows.Err()
}
