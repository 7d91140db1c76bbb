package model

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"time"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// migrate runs, in name order, every embedded migration not yet recorded in
// schema_migrations, each in its own transaction together with its record.
// A released migration file never changes; a schema change is a new file.
// A database that records a migration this program does not know was written
// by a newer version and is refused rather than damaged.
func migrate(ctx context.Context, db *sql.DB) error {
	if _, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		name TEXT PRIMARY KEY,
		applied_at TEXT NOT NULL
	)`); err != nil {
		return fmt.Errorf("create schema_migrations: %w", err)
	}
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		return fmt.Errorf("list migrations: %w", err)
	}
	sort.Strings(names)
	applied, err := appliedMigrations(ctx, db)
	if err != nil {
		return err
	}
	known := map[string]bool{}
	for _, name := range names {
		known[name] = true
	}
	for name := range applied {
		if !known[name] {
			return Errorf(EINVALID, "数据库由更新版本的程序创建（%s），请使用新版本打开", name)
		}
	}
	for _, name := range names {
		if applied[name] {
			continue
		}
		if err := migrateFile(ctx, db, name); err != nil {
			return err
		}
	}
	return nil
}

// appliedMigrations returns the names recorded in schema_migrations.
func appliedMigrations(ctx context.Context, db *sql.DB) (map[string]bool, error) {
	rows, err := db.QueryContext(ctx, `SELECT name FROM schema_migrations`)
	if err != nil {
		return nil, fmt.Errorf("read schema_migrations: %w", err)
	}
	defer rows.Close()
	applied := map[string]bool{}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, fmt.Errorf("read schema_migrations: %w", err)
		}
		applied[name] = true
	}
	return applied, rows.Err()
}

// migrateFile runs one migration file and records it, in one transaction.
func migrateFile(ctx context.Context, db *sql.DB, name string) error {
	body, err := migrationFS.ReadFile(name)
	if err != nil {
		return fmt.Errorf("read migration %s: %w", name, err)
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migration %s: %w", name, err)
	}
	defer tx.Rollback()
	// Two copies of the program may open a new file at once: the second waits
	// for the first (BEGIN IMMEDIATE) and then finds the migration done.
	var done int
	err = tx.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE name = ?`, name).Scan(&done)
	if err != nil {
		return fmt.Errorf("migration %s: %w", name, err)
	} else if done > 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)`,
		name, time.Now().UTC().Format(dbTimeLayout)); err != nil {
		return fmt.Errorf("migration %s: %w", name, err)
	}
	if _, err := tx.ExecContext(ctx, string(body)); err != nil {
		return fmt.Errorf("migration %s: %w", name, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migration %s: %w", name, err)
	}
	return nil
}
