package model

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
)

// SettingDatabaseID is the settings key of the database's identity: a random
// id given to a database the first time this version opens it. A backup is a
// copy of the database and carries it; the backup's file name carries its
// short form (ShortID). It is what ties a backup to its database, so that a
// second database in the same folder gets its own daily backup and is never
// offered another database's backup to restore.
const SettingDatabaseID = "database.id"

// shortIDLen is the length of the short form of an identity in backup names:
// 8 hex digits, enough to tell apart the few databases of one office.
const shortIDLen = 8

// ID returns the identity of the database (SettingDatabaseID).
func (s *Store) ID() string { return s.id }

// ShortID returns the short form of an identity used in backup file names.
func ShortID(id string) string {
	if len(id) > shortIDLen {
		return id[:shortIDLen]
	}
	return id
}

// ensureID returns the database's identity, giving it one when it has none
// (a database created by this version, or by an earlier one). It is not a
// migration: a database given an id stays readable by the earlier versions,
// which refuse a database with a migration they do not know.
func ensureID(ctx context.Context, db *sql.DB) (string, error) {
	var id string
	err := db.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, SettingDatabaseID).Scan(&id)
	if err == nil && id != "" {
		return id, nil
	} else if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("read database id: %w", err)
	}
	if id, err = newID(); err != nil {
		return "", err
	}
	tx, err := db.BeginTx(ctx, nil) // BEGIN IMMEDIATE: another store of the file may give it one too
	if err != nil {
		return "", fmt.Errorf("store database id: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value WHERE value = ''`, SettingDatabaseID, id); err != nil {
		return "", fmt.Errorf("store database id: %w", err)
	}
	if err := tx.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, SettingDatabaseID).Scan(&id); err != nil {
		return "", fmt.Errorf("store database id: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return "", fmt.Errorf("store database id: %w", err)
	}
	return id, nil
}

// newID returns 16 random bytes in hex.
func newID() (string, error) {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("new database id: %w", err)
	}
	return hex.EncodeToString(b[:]), nil
}

// ReadDatabaseID returns the identity recorded in a database or backup file,
// read without changing it; "" when it has none (made before identities
// were recorded). A file that cannot be read gives an error.
func ReadDatabaseID(ctx context.Context, path string) (string, error) {
	if err := checkHeader(path); err != nil {
		return "", err
	}
	db, err := sql.Open("sqlite", readOnlyDSN(path))
	if err != nil {
		return "", fmt.Errorf("read database id: %w", err)
	}
	defer db.Close()
	var id string
	err = db.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, SettingDatabaseID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	} else if err != nil {
		return "", &Error{Code: EINVALID, Err: err, Message: fmt.Sprintf("无法读取 %s 的数据库标识", filepath.Base(path))}
	}
	return id, nil
}

// DatabaseRef names the database whose backups are wanted: its identity
// when known ("" for a database that is missing or cannot be read), and its
// file path.
type DatabaseRef struct {
	ID   string
	Path string
}

// Ref returns the reference of the store's database.
func (s *Store) Ref() DatabaseRef { return DatabaseRef{ID: s.id, Path: s.path} }

// dbName is the name a database's backups carry: its file name without the
// extension ("bulletin" for bulletin.db).
func dbName(path string) string {
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// Of reports whether b is a backup of the database db: by identity where
// both are known, else by the database name the backup records. A backup
// made before identities were recorded (bulletin-20261130-150405.db) records
// neither and belongs to no database: it may be another one's.
func (b BackupInfo) Of(db DatabaseRef) bool {
	switch {
	case b.DBID == "":
		return false
	case db.ID != "":
		return b.DBID == ShortID(db.ID)
	default:
		return b.DBName == dbName(db.Path)
	}
}

// BackupsOf splits backups into those of db and the others, keeping their
// order.
func BackupsOf(list []BackupInfo, db DatabaseRef) (own, other []BackupInfo) {
	for _, b := range list {
		if b.Of(db) {
			own = append(own, b)
		} else {
			other = append(other, b)
		}
	}
	return own, other
}
