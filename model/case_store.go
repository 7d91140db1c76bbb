package model

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// caseColumns are the columns read by scanCase, in its order; caseFrom joins
// the two tables they come from.
const caseColumns = `c.id, c.number, c.title, c.source, c.url, c.poster, c.posted, c.collected,
	c.area, c.domain, c.kind, c.risk, t.spread, t.content, t.summary, t.assessment,
	t.proposal, c.assigned_at, c.due, t.handling, t.reply, c.replied_at, c.closed_at,
	t.remarks, c.status, c.reported, c.instructed, c.created_at, c.updated_at,
	c.original_due, c.reminders, c.reply_department, c.sentiment, c.views, c.reposts,
	c.comments, c.likes, c.counted_at, c.visit_result, c.visited_at, c.important`

const caseFrom = ` FROM cases c JOIN case_texts t ON t.case_id = c.id`

// briefCaseColumns leave out the long texts, for the case list; they are read
// from cases alone (briefCaseFrom).
const briefCaseColumns = `c.id, c.number, c.title, c.source, c.url, c.poster, c.posted, c.collected,
	c.area, c.domain, c.kind, c.risk, '', '', '', '',
	'', c.assigned_at, c.due, '', '', c.replied_at, c.closed_at,
	'', c.status, c.reported, c.instructed, c.created_at, c.updated_at,
	c.original_due, c.reminders, c.reply_department, c.sentiment, c.views, c.reposts,
	c.comments, c.likes, c.counted_at, c.visit_result, c.visited_at, c.important`

const briefCaseFrom = ` FROM cases c`

// FindCaseByID returns the case with the given id, with its departments.
func (s *Store) FindCaseByID(ctx context.Context, id int64) (*Case, error) {
	tx, err := s.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("find case: %w", err)
	}
	defer tx.Rollback()
	c, err := findCaseByID(ctx, tx, id)
	if err != nil {
		return nil, fmt.Errorf("find case: %w", err)
	}
	return c, nil
}

// CreateCase validates c and stores it as a new case: it assigns ID, Number
// (per year of registration, never reused), Status 待研判 and the timestamps,
// defaults Collected to now, and starts the timeline with "登记".
func (s *Store) CreateCase(ctx context.Context, c *Case) error {
	now := s.now()
	c.Status = StatusPending
	if c.Collected.IsZero() {
		c.Collected = now
	}
	if err := c.Validate(); err != nil {
		return err
	}
	tx, err := s.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("create case: %w", err)
	}
	defer tx.Rollback()
	c.CreatedAt, c.UpdatedAt = now, now
	w := newCaseWriter(tx)
	if err := w.create(ctx, c); err != nil {
		return fmt.Errorf("create case: %w", err)
	}
	ev := &CaseEvent{CaseID: c.ID, At: now, Action: ActionCreate, To: StatusPending}
	if err := appendCaseEvent(ctx, w.tx, ev); err != nil {
		return fmt.Errorf("create case: %w", err)
	}
	if err := w.flush(ctx); err != nil {
		return fmt.Errorf("create case: %w", err)
	}
	return commit(tx)
}

// UpdateCase changes the fields set in upd and returns the updated case. The
// status never changes here (see TransitionCase).
func (s *Store) UpdateCase(ctx context.Context, id int64, upd CaseUpdate) (*Case, error) {
	tx, err := s.beginWrite(ctx)
	if err != nil {
		return nil, fmt.Errorf("update case: %w", err)
	}
	defer tx.Rollback()
	c, err := findCaseByID(ctx, tx, id)
	if err != nil {
		return nil, fmt.Errorf("update case: %w", err)
	}
	before, oldDue := searchFields(c), c.Due
	upd.apply(c)
	if err := c.Validate(); err != nil {
		return nil, err
	}
	if err := checkDueEdit(c, oldDue); err != nil {
		return nil, err
	}
	c.UpdatedAt = s.now()
	if err := updateCase(ctx, tx, c, before); err != nil {
		return nil, fmt.Errorf("update case: %w", err)
	}
	if err := commit(tx); err != nil {
		return nil, fmt.Errorf("update case: %w", err)
	}
	return c, nil
}

// DeleteCase deletes a case, its timeline and its links to meetings and draft
// bulletins. A case in an issued bulletin is part of the record and cannot be
// deleted.
func (s *Store) DeleteCase(ctx context.Context, id int64) error {
	tx, err := s.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("delete case: %w", err)
	}
	defer tx.Rollback()
	c, err := findCaseByID(ctx, tx, id)
	if err != nil {
		return fmt.Errorf("delete case: %w", err)
	}
	var issued int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM bulletin_cases bc
		JOIN bulletins b ON b.id = bc.bulletin_id
		WHERE bc.case_id = ? AND b.status <> ?`, id, BulletinDraft).Scan(&issued); err != nil {
		return fmt.Errorf("delete case: %w", err)
	}
	if issued > 0 {
		return Errorf(ECONFLICT, "案件 %s 已编入印发的专报，不能删除", c.Number)
	}
	if err := deleteSearchDoc(ctx, tx, id); err != nil {
		return fmt.Errorf("delete case: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM cases WHERE id = ?`, id); err != nil {
		return fmt.Errorf("delete case: %w", translate(err))
	}
	return commit(tx)
}

// checkDueEdit refuses a later 时限 typed into a case that was assigned: on
// a case being handled that is a 延期 (with its reason and limit), and on a
// replied case it would turn a late reply into one on time.
func checkDueEdit(c *Case, oldDue time.Time) error {
	if oldDue.IsZero() || c.Due.IsZero() || !Day(c.Due).After(Day(oldDue)) {
		return nil
	}
	switch c.Status {
	case StatusAssigned:
		return Errorf(EINVALID, "案件正在办理，时限 %s 不能直接改晚：请用「延期」填写新时限和原因", oldDue.Format(DateLayout))
	case StatusReplied, StatusClosed:
		return Errorf(EINVALID, "案件已%s，时限 %s 不能改晚：按期回复按这个时限计算", strings.TrimPrefix(string(c.Status), "已"), oldDue.Format(DateLayout))
	}
	return nil
}

// apply copies the set fields of upd into c.
func (upd CaseUpdate) apply(c *Case) {
	for _, f := range []struct{ src, dst *string }{
		{upd.Title, &c.Title}, {upd.Source, &c.Source}, {upd.URL, &c.URL},
		{upd.Poster, &c.Poster}, {upd.Area, &c.Area}, {upd.Domain, &c.Domain},
		{upd.Kind, &c.Kind}, {upd.Risk, &c.Risk}, {upd.Spread, &c.Spread},
		{upd.Content, &c.Content}, {upd.Summary, &c.Summary},
		{upd.Assessment, &c.Assessment}, {upd.Proposal, &c.Proposal},
		{upd.Handling, &c.Handling}, {upd.Reply, &c.Reply}, {upd.Remarks, &c.Remarks},
	} {
		if f.src != nil {
			*f.dst = *f.src
		}
	}
	for _, f := range []struct{ src, dst *time.Time }{
		{upd.Posted, &c.Posted}, {upd.Collected, &c.Collected}, {upd.Due, &c.Due},
		{upd.AssignedAt, &c.AssignedAt}, {upd.RepliedAt, &c.RepliedAt}, {upd.ClosedAt, &c.ClosedAt},
	} {
		if f.src != nil {
			*f.dst = *f.src
		}
	}
	if upd.Departments != nil {
		c.Departments = slices.Clone(*upd.Departments)
	}
	for _, f := range []struct{ src, dst *string }{
		{upd.ReplyDept, &c.ReplyDept}, {upd.Sentiment, &c.Sentiment}, {upd.VisitResult, &c.VisitResult},
	} {
		if f.src != nil {
			*f.dst = *f.src
		}
	}
	if upd.Engagement != nil {
		c.Engagement = *upd.Engagement
	}
	if upd.VisitedAt != nil {
		c.VisitedAt = *upd.VisitedAt
	}
	if upd.Important != nil {
		c.Important = *upd.Important
	}
}

// reportValues are the values of the columns added by 0006, in the order
// original_due, reminders, reply_department, sentiment, views, reposts,
// comments, likes, counted_at, visit_result, visited_at, important. Numbers
// never counted are NULL.
func reportValues(c *Case) []any {
	nums := []any{nil, nil, nil, nil}
	if c.Engagement.Counted() {
		nums = []any{c.Views, c.Reposts, c.Comments, c.Likes}
	}
	return append(append([]any{dbDate(c.OriginalDue), c.Reminders, c.ReplyDept, c.Sentiment}, nums...),
		dbTime(c.CountedAt), c.VisitResult, dbTime(c.VisitedAt), c.Important)
}

// findCaseByID reads one case with its departments; ENOTFOUND when missing.
func findCaseByID(ctx context.Context, tx *sql.Tx, id int64) (*Case, error) {
	row := tx.QueryRowContext(ctx, `SELECT `+caseColumns+caseFrom+` WHERE c.id = ?`, id)
	c, err := scanCase(row)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, Errorf(ENOTFOUND, "找不到该案件（编号 %d），可能已被删除", id)
	} else if err != nil {
		return nil, err
	}
	if err := loadDepartments(ctx, tx, []*Case{c}); err != nil {
		return nil, err
	}
	return c, nil
}

// rowScanner is a *sql.Row or *sql.Rows.
type rowScanner interface{ Scan(dest ...any) error }

// scanCase reads the columns of caseColumns (or briefCaseColumns).
func scanCase(r rowScanner) (*Case, error) {
	var c Case
	var posted, collected, assigned, due, replied, closed, created, updated sql.NullString
	var origDue, counted, visited sql.NullString
	var views, reposts, comments, likes sql.NullInt64
	err := r.Scan(&c.ID, &c.Number, &c.Title, &c.Source, &c.URL, &c.Poster, &posted, &collected,
		&c.Area, &c.Domain, &c.Kind, &c.Risk, &c.Spread, &c.Content, &c.Summary, &c.Assessment,
		&c.Proposal, &assigned, &due, &c.Handling, &c.Reply, &replied, &closed,
		&c.Remarks, &c.Status, &c.Reported, &c.Instructed, &created, &updated,
		&origDue, &c.Reminders, &c.ReplyDept, &c.Sentiment, &views, &reposts,
		&comments, &likes, &counted, &c.VisitResult, &visited, &c.Important)
	if err != nil {
		return nil, err
	}
	var ts timeScanner
	c.Posted, c.Collected, c.AssignedAt = ts.dt(posted), ts.dt(collected), ts.dt(assigned)
	c.Due, c.RepliedAt, c.ClosedAt = ts.date(due), ts.dt(replied), ts.dt(closed)
	c.CreatedAt, c.UpdatedAt = ts.dt(created), ts.dt(updated)
	c.OriginalDue, c.CountedAt, c.VisitedAt = ts.date(origDue), ts.dt(counted), ts.dt(visited)
	c.Views, c.Reposts, c.Comments, c.Likes = int(views.Int64), int(reposts.Int64), int(comments.Int64), int(likes.Int64)
	return &c, ts.err
}

// loadDepartments fills the Departments of cs with one query.
func loadDepartments(ctx context.Context, tx *sql.Tx, cs []*Case) error {
	if len(cs) == 0 {
		return nil
	}
	byID := make(map[int64]*Case, len(cs))
	ids := make([]any, len(cs))
	for i, c := range cs {
		byID[c.ID], ids[i] = c, c.ID
		c.Departments = nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT case_id, name FROM case_departments
		WHERE case_id IN (`+placeholders(len(ids))+`) ORDER BY case_id, pos`, ids...)
	if err != nil {
		return fmt.Errorf("load departments: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			return fmt.Errorf("load departments: %w", err)
		}
		byID[id].Departments = append(byID[id].Departments, name)
	}
	return rows.Err()
}

// placeholders returns "?, ?, …" with n marks.
func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

// CaseNumber formats a case number: year and a sequence of at least 4 digits.
func CaseNumber(year, seq int) string { return fmt.Sprintf("%d-%04d", year, seq) }

// updateCase writes every column of c except its number and creation time.
// before holds the searchFields as read; the bigram document is rewritten
// only when they changed, as rewriting it for a long text costs most of a save.
func updateCase(ctx context.Context, tx *sql.Tx, c *Case, before []string) error {
	_, err := tx.ExecContext(ctx, `UPDATE cases SET title = ?, source = ?, url = ?, poster = ?,
		posted = ?, collected = ?, area = ?, domain = ?, kind = ?, risk = ?, assigned_at = ?,
		due = ?, replied_at = ?, closed_at = ?, status = ?, reported = ?, instructed = ?,
		updated_at = ?, original_due = ?, reminders = ?, reply_department = ?, sentiment = ?,
		views = ?, reposts = ?, comments = ?, likes = ?, counted_at = ?, visit_result = ?,
		visited_at = ?, important = ? WHERE id = ?`,
		append([]any{c.Title, c.Source, c.URL, c.Poster,
			dbTime(c.Posted), dbTime(c.Collected), c.Area, c.Domain, c.Kind, c.Risk, dbTime(c.AssignedAt),
			dbDate(c.Due), dbTime(c.RepliedAt), dbTime(c.ClosedAt), c.Status, c.Reported, c.Instructed,
			dbTime(c.UpdatedAt)}, append(reportValues(c), c.ID)...)...)
	if err != nil {
		return translate(err)
	}
	if err := saveTexts(ctx, tx, c); err != nil {
		return err
	}
	if err := saveDepartments(ctx, tx, c); err != nil {
		return err
	}
	after := searchFields(c)
	if slices.Equal(before, after) {
		return nil
	}
	return writeSearchDoc(ctx, tx, c.ID, after)
}

// saveTexts writes the case's long texts.
func saveTexts(ctx context.Context, tx *sql.Tx, c *Case) error {
	_, err := tx.ExecContext(ctx, `UPDATE case_texts SET spread = ?, content = ?, summary = ?,
		assessment = ?, proposal = ?, handling = ?, reply = ?, remarks = ? WHERE case_id = ?`,
		c.Spread, c.Content, c.Summary, c.Assessment, c.Proposal, c.Handling, c.Reply, c.Remarks, c.ID)
	if err != nil {
		return fmt.Errorf("save texts: %w", translate(err))
	}
	return nil
}

// saveDepartments replaces the case's department list.
func saveDepartments(ctx context.Context, tx *sql.Tx, c *Case) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM case_departments WHERE case_id = ?`, c.ID); err != nil {
		return fmt.Errorf("save departments: %w", err)
	}
	return insertDepartments(ctx, tx, c)
}

// insertDepartments writes the department list of a case that has none.
func insertDepartments(ctx context.Context, ex execer, c *Case) error {
	for i, name := range c.Departments {
		if _, err := ex.ExecContext(ctx, `INSERT INTO case_departments (case_id, pos, name) VALUES (?, ?, ?)`,
			c.ID, i, name); err != nil {
			return fmt.Errorf("save departments: %w", translate(err))
		}
	}
	return nil
}
