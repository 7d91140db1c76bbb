package model

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// StoredSetting returns the value stored under key and whether one is
// stored, without SettingDefaults: the UI uses it to tell a value never
// chosen (taken then from where earlier versions kept it) from one chosen.
func (s *Store) StoredSetting(ctx context.Context, key string) (string, bool, error) {
	tx, err := s.beginRead(ctx)
	if err != nil {
		return "", false, fmt.Errorf("stored setting: %w", err)
	}
	defer tx.Rollback()
	var v string
	err = tx.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	} else if err != nil {
		return "", false, fmt.Errorf("stored setting %s: %w", key, err)
	}
	return v, true, nil
}
