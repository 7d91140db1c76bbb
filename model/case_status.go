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
	{ActionExtend, []CaseStatus{StatusAssigned}, StatusAssigned},
	{ActionRemind, []CaseStatus{StatusAssigned}, StatusAssigned},
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
	d, err := loadDeadlines(ctx, tx, now)
	if err != nil {
		return nil, fmt.Errorf("transition case: %w", err)
	}
	note, err := applyMove(c, t, d)
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
// note, which keeps what the fields will not (an earlier reply, the reason,
// the rule that gave the 时限).
func applyMove(c *Case, t Transition, d *deadlines) (string, error) {
	var parts []string
	switch t.Action {
	case ActionAssign:
		p, err := applyAssign(c, t, d)
		if err != nil {
			return "", err
		}
		parts = p
	case ActionReply:
		p, err := applyReply(c, t, d)
		if err != nil {
			return "", err
		}
		parts = p
	case ActionClose:
		c.ClosedAt = t.At
	case ActionReturn:
		if err := required("退回重办的原因", t.Note); err != nil {
			return "", err
		}
		c.RepliedAt, c.ReplyDept = time.Time{}, ""
		if !t.Due.IsZero() {
			if Day(t.Due).Before(Day(t.At)) {
				return "", Errorf(EINVALID, "新的办理时限早于退回时间")
			}
			c.Due = Day(t.Due)
			parts = append(parts, "新的办理时限："+c.Due.Format(DateLayout))
		}
	case ActionExtend:
		return applyExtend(c, t, d)
	case ActionRemind:
		if Day(t.At).After(d.today) {
			return "", Errorf(EINVALID, "催办日期不能晚于今天（%s）", d.today.Format(DateLayout))
		}
		if as := Day(c.AssignedAt); !as.IsZero() && Day(t.At).Before(as) {
			return "", Errorf(EINVALID, "催办日期 %s 早于交办日期 %s", Day(t.At).Format(DateLayout), as.Format(DateLayout))
		}
		c.Reminders++
		parts = append(parts, fmt.Sprintf("第 %d 次催办（%s）", c.Reminders, Day(t.At).Format(DateLayout)))
	}
	if t.Note != "" {
		parts = append(parts, t.Note)
	}
	return strings.Join(parts, "；"), nil
}

// applyAssign sets the departments and the 时限 of a 交办. A later 时限 on a
// case already waiting for its reply is a 延期: it needs its reason (t.Note)
// and stays within the rule's longest extension; the 原定时限 stays.
func applyAssign(c *Case, t Transition, d *deadlines) ([]string, error) {
	if len(t.Departments) == 0 {
		return nil, Errorf(EINVALID, "交办时请选择责任单位")
	} else if t.Due.IsZero() {
		return nil, Errorf(EINVALID, "交办时请填写办理时限")
	} else if Day(t.Due).Before(Day(t.At)) {
		return nil, Errorf(EINVALID, "办理时限早于交办时间")
	}
	if err := checkDepartments(t.Departments); err != nil {
		return nil, err
	}
	due := Day(t.Due)
	again := c.Status == StatusAssigned && !c.Due.IsZero()
	var extended string
	if again && due.After(Day(c.Due)) {
		if err := required("延期原因", t.Note); err != nil {
			return nil, Errorf(EINVALID, "时限由 %s 改为更晚的 %s 即为延期，请在备注中写明延期原因",
				c.Due.Format(DateLayout), due.Format(DateLayout))
		}
		if _, err := d.checkExtension(c, due); err != nil {
			return nil, err
		}
		extended = "延期：原时限 " + Day(c.Due).Format(DateLayout)
	}
	c.Departments, c.Due = slices.Clone(t.Departments), due
	if !again || c.AssignedAt.IsZero() {
		c.AssignedAt = t.At // a re-assignment keeps the first 交办 time
	}
	if c.OriginalDue.IsZero() {
		c.OriginalDue = due
	}
	dueNote := "办理时限：" + due.Format(DateLayout)
	if p := d.propose(c.Kind, c.Risk, t.At); p.Rule != nil && p.Due.Equal(due) && extended == "" {
		dueNote += "（" + p.Describe() + "）"
	}
	parts := []string{"责任单位：" + strings.Join(c.Departments, "、"), dueNote}
	if extended != "" {
		parts = append(parts, extended)
	}
	return parts, nil
}

// applyReply records the reply: the day the department replied (not after
// today, not before the 交办), which department, and whether it was late.
func applyReply(c *Case, t Transition, d *deadlines) ([]string, error) {
	if err := required("回复内容", t.Reply); err != nil {
		return nil, err
	}
	day := Day(t.At)
	if !t.RepliedOn.IsZero() {
		day = Day(t.RepliedOn)
	}
	// The date a user typed may not be in the future; the time of the event
	// itself (t.At, now unless a caller such as an import or the demo data
	// gives one) is the caller's.
	if !t.RepliedOn.IsZero() && day.After(d.today) {
		return nil, Errorf(EINVALID, "回复日期 %s 晚于今天，请填写部门实际回复的日期", day.Format(DateLayout))
	}
	if !c.AssignedAt.IsZero() && day.Before(Day(c.AssignedAt)) {
		return nil, Errorf(EINVALID, "回复日期 %s 早于交办日期 %s", day.Format(DateLayout), Day(c.AssignedAt).Format(DateLayout))
	}
	dept := strings.TrimSpace(t.ReplyDept)
	if dept == "" && len(c.Departments) == 1 {
		dept = c.Departments[0]
	}
	if dept != "" && len(c.Departments) > 0 && !slices.Contains(c.Departments, dept) {
		return nil, Errorf(EINVALID, "回复单位“%s”不是本案的责任单位（%s）", dept, strings.Join(c.Departments, "、"))
	}
	at := t.At
	if !Day(at).Equal(day) {
		at = day // a reply of an earlier day: the day, not the time it was typed
	}
	c.Reply, c.RepliedAt, c.ReplyDept = t.Reply, at, dept
	parts := []string{"回复日期：" + day.Format(DateLayout)}
	if dept != "" {
		parts = append(parts, "回复单位："+dept)
	}
	if !c.Due.IsZero() && day.After(Day(c.Due)) { // the status is not 已回复 yet: RepliedLate would say no
		parts = append(parts, fmt.Sprintf("逾期回复（时限 %s，逾期 %d 个工作日）",
			Day(c.Due).Format(DateLayout), d.cal.WorkdaysAfter(c.Due, day)))
	}
	return append(parts, "回复内容："+t.Reply), nil
}

// applyExtend moves the 时限 later (延期) within the rule's limit.
func applyExtend(c *Case, t Transition, d *deadlines) (string, error) {
	if strings.TrimSpace(t.Note) == "" {
		return "", Errorf(EINVALID, "请填写延期原因")
	}
	if t.Due.IsZero() {
		return "", Errorf(EINVALID, "请填写延期后的办理时限")
	}
	if c.Due.IsZero() {
		return "", Errorf(EINVALID, "案件 %s 还没有办理时限，不能延期", c.Number)
	}
	due, old := Day(t.Due), Day(c.Due)
	if !due.After(old) {
		return "", Errorf(EINVALID, "延期后的时限应晚于现时限 %s", old.Format(DateLayout))
	}
	e, err := d.checkExtension(c, due)
	if err != nil {
		return "", err
	}
	if c.OriginalDue.IsZero() {
		c.OriginalDue = old
	}
	c.Due = due
	return fmt.Sprintf("时限由 %s 延至 %s（延长 %d 个工作日，累计 %d 个，最多 %d 个）；延期原因：%s",
		old.Format(DateLayout), due.Format(DateLayout), d.cal.WorkdaysAfter(old, due),
		d.cal.WorkdaysAfter(e.OriginalDue, due), e.Max, t.Note), nil
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
