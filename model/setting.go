package model

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"maps"
	"strconv"
)

// Setting keys of the bulletin template and the office's defaults. Values are
// text; numbers and flags are written in decimal and "1"/"0".
const (
	SettingName        = "bulletin.name"         // 刊名
	SettingUnit        = "bulletin.unit"         // 编印单位
	SettingMarking     = "bulletin.marking"      // default marking
	SettingBao         = "bulletin.bao"          // default 报
	SettingSong        = "bulletin.song"         // default 送
	SettingFa          = "bulletin.fa"           // default 发
	SettingCopies      = "bulletin.copies"       // default 印数
	SettingSigner      = "bulletin.signer"       // default 签发
	SettingEditor      = "bulletin.editor"       // default 编辑
	SettingCover       = "bulletin.cover"        // 阅批单 on/off
	SettingPageNumbers = "bulletin.page_numbers" // page numbers on/off
	SettingLinePitch   = "bulletin.line_pitch"   // line pitch in points
	SettingRed         = "bulletin.red"          // red colour, "#RRGGBB"
	SettingFontPrefix  = "bulletin.font."        // + role: font file per role
	SettingBackupDir   = "backup.dir"            // backup folder
	SettingBackupKeep  = "backup.keep"           // how many backups to keep
)

// SettingDefaults are the values used where a setting was never saved.
var SettingDefaults = map[string]string{
	SettingName:        "舆情专报",
	SettingMarking:     DefaultMarking,
	SettingCopies:      "20",
	SettingCover:       "1",
	SettingPageNumbers: "1",
	SettingBackupKeep:  strconv.Itoa(DefaultKeep),
}

// GetSetting returns the value stored under key, else its SettingDefaults
// value, else "".
func (s *Store) GetSetting(ctx context.Context, key string) (string, error) {
	tx, err := s.beginRead(ctx)
	if err != nil {
		return "", fmt.Errorf("get setting: %w", err)
	}
	defer tx.Rollback()
	var v string
	err = tx.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return SettingDefaults[key], nil
	} else if err != nil {
		return "", fmt.Errorf("get setting %s: %w", key, err)
	}
	return v, nil
}

// FindSettings returns all settings: the stored ones over SettingDefaults.
// The database's identity (SettingDatabaseID) is not a setting to show or
// save back, and is left out.
func (s *Store) FindSettings(ctx context.Context) (map[string]string, error) {
	tx, err := s.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("find settings: %w", err)
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, `SELECT key, value FROM settings WHERE key <> ?`, SettingDatabaseID)
	if err != nil {
		return nil, fmt.Errorf("find settings: %w", err)
	}
	defer rows.Close()
	out := maps.Clone(SettingDefaults)
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return nil, fmt.Errorf("find settings: %w", err)
		}
		out[k] = v
	}
	return out, rows.Err()
}

// SetSetting stores value under key, replacing any earlier value.
func (s *Store) SetSetting(ctx context.Context, key, value string) error {
	return s.SetSettings(ctx, map[string]string{key: value})
}

// SetSettings stores several settings in one transaction.
func (s *Store) SetSettings(ctx context.Context, kv map[string]string) error {
	for k, v := range kv {
		if k == "" {
			return Errorf(EINVALID, "设置项名称不能为空")
		}
		if k == SettingDatabaseID {
			return Errorf(EINVALID, "数据库标识不能修改")
		}
		if err := checkText(field{"设置 " + k, v, true}); err != nil {
			return err
		}
	}
	tx, err := s.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("set settings: %w", err)
	}
	defer tx.Rollback()
	for k, v := range kv {
		if _, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, k, v); err != nil {
			return fmt.Errorf("set setting %s: %w", k, translate(err))
		}
	}
	return commit(tx)
}
