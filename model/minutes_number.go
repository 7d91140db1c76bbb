package model

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// PeekMinutesNumber returns the 期号 a meeting's 纪要 prints in year without
// giving one: the number given before (given is true), else the one
// MinutesNumber would give now. The preview shows the page as it will print
// without taking a number for a 纪要 that may never be printed.
func (s *Store) PeekMinutesNumber(ctx context.Context, meetingID int64, year int) (n int, given bool, err error) {
	tx, err := s.beginRead(ctx)
	if err != nil {
		return 0, false, fmt.Errorf("peek minutes number: %w", err)
	}
	defer tx.Rollback()
	err = tx.QueryRowContext(ctx, `SELECT number FROM minutes_numbers WHERE meeting_id = ?`, meetingID).Scan(&n)
	if err == nil {
		return n, true, nil
	} else if !errors.Is(err, sql.ErrNoRows) {
		return 0, false, fmt.Errorf("peek minutes number: %w", err)
	}
	var last int
	err = tx.QueryRowContext(ctx, `SELECT last FROM document_counters WHERE kind = 'minutes' AND year = ?`, year).Scan(&last)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return 0, false, fmt.Errorf("peek minutes number: %w", err)
	}
	return last + 1, false, nil
}
