package model

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// FindDepartments returns all departments by name.
func (s *Store) FindDepartments(ctx context.Context) ([]*Department, error) {
	tx, err := s.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("find departments: %w", err)
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, `SELECT id, name, contact, phone, created_at, updated_at
		FROM departments ORDER BY name, id`)
	if err != nil {
		return nil, fmt.Errorf("find departments: %w", err)
	}
	defer rows.Close()
	var out []*Department
	for rows.Next() {
		var d Department
		var created, updated sql.NullString
		if err := rows.Scan(&d.ID, &d.Name, &d.Contact, &d.Phone, &created, &updated); err != nil {
			return nil, fmt.Errorf("find departments: %w", err)
		}
		var ts timeScanner
		d.CreatedAt, d.UpdatedAt = ts.dt(created), ts.dt(updated)
		if ts.err != nil {
			return nil, fmt.Errorf("find departments: %w", ts.err)
		}
		out = append(out, &d)
	}
	return out, rows.Err()
}

// CreateDepartment adds a department; its name must be new.
func (s *Store) CreateDepartment(ctx context.Context, d *Department) error {
	d.Name = strings.TrimSpace(d.Name)
	if err := d.Validate(); err != nil {
		return err
	}
	tx, err := s.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("create department: %w", err)
	}
	defer tx.Rollback()
	d.CreatedAt, d.UpdatedAt = s.now(), s.now()
	res, err := tx.ExecContext(ctx, `INSERT INTO departments (name, contact, phone, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?)`, d.Name, d.Contact, d.Phone, dbTime(d.CreatedAt), dbTime(d.UpdatedAt))
	if err != nil {
		return departmentError(d.Name, err)
	}
	if d.ID, err = res.LastInsertId(); err != nil {
		return fmt.Errorf("create department: %w", err)
	}
	return commit(tx)
}

// UpdateDepartment saves d. A new name is carried into the cases assigned
// to the department, so that filtering by department still finds them.
func (s *Store) UpdateDepartment(ctx context.Context, d *Department) error {
	d.Name = strings.TrimSpace(d.Name)
	if err := d.Validate(); err != nil {
		return err
	}
	tx, err := s.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("update department: %w", err)
	}
	defer tx.Rollback()
	var old string
	err = tx.QueryRowContext(ctx, `SELECT name FROM departments WHERE id = ?`, d.ID).Scan(&old)
	if errors.Is(err, sql.ErrNoRows) {
		return Errorf(ENOTFOUND, "找不到该责任单位，可能已被删除")
	} else if err != nil {
		return fmt.Errorf("update department: %w", err)
	}
	d.UpdatedAt = s.now()
	if _, err := tx.ExecContext(ctx, `UPDATE departments SET name = ?, contact = ?, phone = ?, updated_at = ?
		WHERE id = ?`, d.Name, d.Contact, d.Phone, dbTime(d.UpdatedAt), d.ID); err != nil {
		return departmentError(d.Name, err)
	}
	if old != d.Name {
		if _, err := tx.ExecContext(ctx, `UPDATE case_departments SET name = ? WHERE name = ?`, d.Name, old); err != nil {
			return fmt.Errorf("update department: rename in cases: %w", translate(err))
		}
	}
	return commit(tx)
}

// DeleteDepartment removes a department from the directory. Cases keep the
// name they were assigned to.
func (s *Store) DeleteDepartment(ctx context.Context, id int64) error {
	return s.deleteByID(ctx, "departments", id, "找不到该责任单位，可能已被删除")
}

// departmentError explains a failed write of a department.
func departmentError(name string, err error) error {
	if ErrorCode(translate(err)) == ECONFLICT {
		return Errorf(ECONFLICT, "已有名为「%s」的责任单位", name)
	}
	return fmt.Errorf("save department: %w", translate(err))
}

// FindLeaders returns all leaders in display order.
func (s *Store) FindLeaders(ctx context.Context) ([]*Leader, error) {
	tx, err := s.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("find leaders: %w", err)
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, `SELECT id, name, position, sort_order, created_at, updated_at
		FROM leaders ORDER BY sort_order, id`)
	if err != nil {
		return nil, fmt.Errorf("find leaders: %w", err)
	}
	defer rows.Close()
	var out []*Leader
	for rows.Next() {
		var l Leader
		var created, updated sql.NullString
		if err := rows.Scan(&l.ID, &l.Name, &l.Position, &l.Order, &created, &updated); err != nil {
			return nil, fmt.Errorf("find leaders: %w", err)
		}
		var ts timeScanner
		l.CreatedAt, l.UpdatedAt = ts.dt(created), ts.dt(updated)
		if ts.err != nil {
			return nil, fmt.Errorf("find leaders: %w", ts.err)
		}
		out = append(out, &l)
	}
	return out, rows.Err()
}

// CreateLeader adds a leader to the directory.
func (s *Store) CreateLeader(ctx context.Context, l *Leader) error {
	l.Name = strings.TrimSpace(l.Name)
	if err := l.Validate(); err != nil {
		return err
	}
	tx, err := s.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("create leader: %w", err)
	}
	defer tx.Rollback()
	l.CreatedAt, l.UpdatedAt = s.now(), s.now()
	res, err := tx.ExecContext(ctx, `INSERT INTO leaders (name, position, sort_order, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?)`, l.Name, l.Position, l.Order, dbTime(l.CreatedAt), dbTime(l.UpdatedAt))
	if err != nil {
		return fmt.Errorf("create leader: %w", translate(err))
	}
	if l.ID, err = res.LastInsertId(); err != nil {
		return fmt.Errorf("create leader: %w", err)
	}
	return commit(tx)
}

// UpdateLeader saves l. Instructions already recorded keep the name and
// position written on them.
func (s *Store) UpdateLeader(ctx context.Context, l *Leader) error {
	l.Name = strings.TrimSpace(l.Name)
	if err := l.Validate(); err != nil {
		return err
	}
	tx, err := s.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("update leader: %w", err)
	}
	defer tx.Rollback()
	l.UpdatedAt = s.now()
	res, err := tx.ExecContext(ctx, `UPDATE leaders SET name = ?, position = ?, sort_order = ?, updated_at = ?
		WHERE id = ?`, l.Name, l.Position, l.Order, dbTime(l.UpdatedAt), l.ID)
	if err != nil {
		return fmt.Errorf("update leader: %w", translate(err))
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return Errorf(ENOTFOUND, "找不到该领导，可能已被删除")
	}
	return commit(tx)
}

// DeleteLeader removes a leader from the directory. Instructions keep the
// name and position written on them.
func (s *Store) DeleteLeader(ctx context.Context, id int64) error {
	return s.deleteByID(ctx, "leaders", id, "找不到该领导，可能已被删除")
}

// deleteByID deletes one row of table by id, with notFound as the message
// when there is none.
func (s *Store) deleteByID(ctx context.Context, table string, id int64, notFound string) error {
	tx, err := s.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("delete from %s: %w", table, err)
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, `DELETE FROM `+table+` WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("delete from %s: %w", table, translate(err))
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return Errorf(ENOTFOUND, "%s", notFound)
	}
	return commit(tx)
}
