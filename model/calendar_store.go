package model

import (
	"context"
	"database/sql"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
)

// Calendar reads the whole holiday table into a Calendar.
func (s *Store) Calendar(ctx context.Context) (*Calendar, error) {
	rows, err := s.FindHolidays(ctx, 0)
	if err != nil {
		return nil, err
	}
	return NewCalendar(rows), nil
}

// loadCalendar reads the calendar inside tx.
func loadCalendar(ctx context.Context, tx *sql.Tx) (*Calendar, error) {
	rows, err := findHolidays(ctx, tx, 0)
	if err != nil {
		return nil, err
	}
	return NewCalendar(rows), nil
}

// FindHolidays returns the rows of year (all years when year is 0) by date.
func (s *Store) FindHolidays(ctx context.Context, year int) ([]*Holiday, error) {
	tx, err := s.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("find holidays: %w", err)
	}
	defer tx.Rollback()
	return findHolidays(ctx, tx, year)
}

func findHolidays(ctx context.Context, tx *sql.Tx, year int) ([]*Holiday, error) {
	q, args := `SELECT day, kind, name FROM holidays ORDER BY day`, []any(nil)
	if year != 0 {
		q, args = `SELECT day, kind, name FROM holidays WHERE day >= ? AND day < ? ORDER BY day`,
			[]any{fmt.Sprintf("%04d-01-01", year), fmt.Sprintf("%04d-01-01", year+1)}
	}
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("find holidays: %w", err)
	}
	defer rows.Close()
	var out []*Holiday
	for rows.Next() {
		var day sql.NullString
		h := &Holiday{}
		if err := rows.Scan(&day, &h.Kind, &h.Name); err != nil {
			return nil, fmt.Errorf("find holidays: %w", err)
		}
		if h.Date, err = parseDBDate(day); err != nil {
			return nil, fmt.Errorf("find holidays: %w", err)
		}
		out = append(out, h)
	}
	return out, rows.Err()
}

// SaveHoliday adds the row, or replaces the row of the same date.
func (s *Store) SaveHoliday(ctx context.Context, h *Holiday) error {
	h.Name = strings.TrimSpace(h.Name)
	if err := h.Validate(); err != nil {
		return err
	}
	tx, err := s.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("save holiday: %w", err)
	}
	defer tx.Rollback()
	if err := saveHoliday(ctx, tx, h); err != nil {
		return err
	}
	return commit(tx)
}

func saveHoliday(ctx context.Context, tx *sql.Tx, h *Holiday) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO holidays (day, kind, name) VALUES (?, ?, ?)
		ON CONFLICT (day) DO UPDATE SET kind = excluded.kind, name = excluded.name`,
		dbDate(h.Date), string(h.Kind), h.Name)
	if err != nil {
		return fmt.Errorf("save holiday: %w", translate(err))
	}
	return nil
}

// DeleteHoliday removes the row of day's date; a date without a row is not an error.
func (s *Store) DeleteHoliday(ctx context.Context, day time.Time) error {
	tx, err := s.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("delete holiday: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `DELETE FROM holidays WHERE day = ?`, dbDate(day)); err != nil {
		return fmt.Errorf("delete holiday: %w", translate(err))
	}
	return commit(tx)
}

// ImportHolidays reads rows `日期,类型,名称` (a header line is allowed; 类型 is
// 休 or 班) and saves them all in one transaction, or none: a bad row is
// reported with its line number. It returns how many rows were saved.
func (s *Store) ImportHolidays(ctx context.Context, r io.Reader) (int, error) {
	var rows []*Holiday
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	for line := 1; ; line++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return 0, Errorf(EINVALID, "第 %d 行无法读取：%v", line, err)
		}
		if line == 1 && len(rec) > 0 && strings.Contains(strings.TrimPrefix(rec[0], "\ufeff"), "日期") {
			continue
		}
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		h, err := parseHolidayRecord(rec)
		if err != nil {
			return 0, Errorf(EINVALID, "第 %d 行：%s", line, ErrorMessage(err))
		}
		rows = append(rows, h)
	}
	if len(rows) == 0 {
		return 0, Errorf(EINVALID, "文件中没有节假日。每行应为：日期,类型,名称，如 2026-10-01,休,国庆节")
	}
	tx, err := s.beginWrite(ctx)
	if err != nil {
		return 0, fmt.Errorf("import holidays: %w", err)
	}
	defer tx.Rollback()
	for _, h := range rows {
		if err := saveHoliday(ctx, tx, h); err != nil {
			return 0, err
		}
	}
	return len(rows), commit(tx)
}

// parseHolidayRecord reads one CSV record 日期,类型[,名称].
func parseHolidayRecord(rec []string) (*Holiday, error) {
	if len(rec) < 2 {
		return nil, Errorf(EINVALID, "应为：日期,类型,名称")
	}
	date := strings.TrimSpace(strings.TrimPrefix(rec[0], "\ufeff"))
	d, err := time.ParseInLocation(DateLayout, strings.NewReplacer("/", "-", ".", "-").Replace(date), time.Local)
	if err != nil {
		return nil, Errorf(EINVALID, "日期“%s”格式应为 2026-10-01", date)
	}
	h := &Holiday{Date: d, Kind: DayKind(strings.TrimSpace(rec[1]))}
	if len(rec) > 2 {
		h.Name = strings.TrimSpace(rec[2])
	}
	return h, h.Validate()
}

// FindDeadlineRules returns the time-limit rules by 诉求类型 and 风险等级.
func (s *Store) FindDeadlineRules(ctx context.Context) ([]*DeadlineRule, error) {
	tx, err := s.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("find deadline rules: %w", err)
	}
	defer tx.Rollback()
	return findDeadlineRules(ctx, tx)
}

func findDeadlineRules(ctx context.Context, tx *sql.Tx) ([]*DeadlineRule, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, kind, risk, days, from_next_day, max_extension
		FROM deadline_rules ORDER BY kind, risk`)
	if err != nil {
		return nil, fmt.Errorf("find deadline rules: %w", err)
	}
	defer rows.Close()
	var out []*DeadlineRule
	for rows.Next() {
		r := &DeadlineRule{}
		if err := rows.Scan(&r.ID, &r.Kind, &r.Risk, &r.Days, &r.FromNextDay, &r.MaxExtension); err != nil {
			return nil, fmt.Errorf("find deadline rules: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// SaveDeadlineRule adds the rule (ID 0) or updates it; one rule per 诉求类型
// and 风险等级.
func (s *Store) SaveDeadlineRule(ctx context.Context, r *DeadlineRule) error {
	r.Kind, r.Risk = strings.TrimSpace(r.Kind), strings.TrimSpace(r.Risk)
	if err := r.Validate(); err != nil {
		return err
	}
	tx, err := s.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("save deadline rule: %w", err)
	}
	defer tx.Rollback()
	if r.ID == 0 {
		res, err := tx.ExecContext(ctx, `INSERT INTO deadline_rules (kind, risk, days, from_next_day, max_extension)
			VALUES (?, ?, ?, ?, ?)`, r.Kind, r.Risk, r.Days, r.FromNextDay, r.MaxExtension)
		if err != nil {
			return ruleError(r, err)
		}
		if r.ID, err = res.LastInsertId(); err != nil {
			return fmt.Errorf("save deadline rule: %w", err)
		}
	} else {
		res, err := tx.ExecContext(ctx, `UPDATE deadline_rules SET kind = ?, risk = ?, days = ?,
			from_next_day = ?, max_extension = ? WHERE id = ?`, r.Kind, r.Risk, r.Days, r.FromNextDay, r.MaxExtension, r.ID)
		if err != nil {
			return ruleError(r, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return Errorf(ENOTFOUND, "该时限规则已被删除")
		}
	}
	return commit(tx)
}

// ruleError translates a UNIQUE violation into a message naming the rule.
func ruleError(r *DeadlineRule, err error) error {
	if strings.Contains(err.Error(), "UNIQUE") {
		who := r.Kind
		if r.Risk != "" {
			who += "（" + r.Risk + "）"
		}
		return Errorf(ECONFLICT, "“%s”已有时限规则，请修改原规则", who)
	}
	return fmt.Errorf("save deadline rule: %w", translate(err))
}

// DeleteDeadlineRule removes a rule.
func (s *Store) DeleteDeadlineRule(ctx context.Context, id int64) error {
	tx, err := s.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("delete deadline rule: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `DELETE FROM deadline_rules WHERE id = ?`, id); err != nil {
		return fmt.Errorf("delete deadline rule: %w", translate(err))
	}
	return commit(tx)
}
