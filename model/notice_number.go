package model

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// PeekNoticeNumber returns the 交办编号 the next 交办单 of year gets, without
// giving it: the preview shows the 交办单 as it will print, and a preview
// closed without printing must not use up a number.
func (s *Store) PeekNoticeNumber(ctx context.Context, year int) (int, error) {
	tx, err := s.beginRead(ctx)
	if err != nil {
		return 0, fmt.Errorf("peek notice number: %w", err)
	}
	defer tx.Rollback()
	var last int
	err = tx.QueryRowContext(ctx, `SELECT last FROM document_counters WHERE kind = 'notice' AND year = ?`, year).Scan(&last)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("peek notice number: %w", err)
	}
	return last + 1, nil
}
